"""`diagram` and `export blog|html`: pictures and pages from a design file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sysdesign.cli.common import LangOpt

export_app = typer.Typer(
    help="Write a blog post or an HTML review from a design. / "
    "설계로 블로그 글이나 HTML 리뷰를 만듭니다.",
    no_args_is_help=True,
)

DesignArg = Annotated[
    Path,
    typer.Argument(help="The design file (YAML). / 설계 파일(YAML).", show_default=False),
]
OutputOpt = Annotated[
    Path,
    typer.Option("--output", "-o", help="The file to write. / 출력 파일.", show_default=False),
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Overwrite an existing file. / 기존 파일을 덮어씁니다.")
]
ProviderOpt = Annotated[
    str,
    typer.Option(
        "--provider",
        help="Icon set: onprem, aws, gcp or k8s. / 아이콘 세트: onprem, aws, gcp, k8s.",
    ),
]
ScenarioOpt = Annotated[
    str | None,
    typer.Option(
        "--scenario",
        help="Scenario id for the problem, requirements and references (default: the "
        "design's `scenario`). / 문제, 요구사항, 참고 자료를 가져올 시나리오 id(기본값: "
        "설계 파일의 `scenario`).",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    app.command("diagram")(diagram)
    app.add_typer(export_app, name="export")


def _provider(value: str) -> str:
    from sysdesign.errors import UsageError
    from sysdesign.render.icons import PROVIDERS
    from sysdesign.yamlio import did_you_mean

    low = value.strip().lower()
    if low not in PROVIDERS:
        raise UsageError(
            f"unknown provider {value!r}{did_you_mean(low, PROVIDERS)}: use "
            f"{', '.join(PROVIDERS)} / 알 수 없는 아이콘 세트입니다"
        )
    return low


def _scenario(explicit: str | None, design_scenario: str | None) -> str | None:
    """An explicit --scenario must exist; the design's own `scenario` is used if it exists."""
    from sysdesign.library import library

    lib = library()
    if explicit:
        lib.scenario(explicit)
        return explicit
    if design_scenario and design_scenario in lib.scenarios:
        return design_scenario
    return None


def _wrote(lang: str, path: Path) -> None:
    from sysdesign.messages import render

    typer.echo(render("cli.render.wrote", lang, path=path))


def diagram(
    design: DesignArg,
    output: OutputOpt,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="png, svg, pdf, dot or mermaid (default: from the file's suffix). / "
            "png, svg, pdf, dot, mermaid 중 하나(기본값: 파일 확장자로 판단).",
            show_default=False,
        ),
    ] = None,
    provider: ProviderOpt = "onprem",
    direction: Annotated[
        str,
        typer.Option(
            "--direction",
            help="LR (left to right) or TB (top to bottom). / LR(왼쪽→오른쪽) 또는 TB(위→아래).",
        ),
    ] = "LR",
    highlight: Annotated[
        bool,
        typer.Option(
            "--highlight",
            help="Outline in red the components with findings, with the rule ids. / "
            "문제가 발견된 컴포넌트를 빨간 테두리와 규칙 id로 표시.",
        ),
    ] = False,
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    """Draw the design: PNG/SVG/PDF with icons, or Mermaid/DOT text. / 설계를 그림(PNG/SVG/PDF) 또는 Mermaid/DOT 텍스트로 그립니다."""
    from sysdesign.errors import UsageError
    from sysdesign.i18n import resolve_lang
    from sysdesign.library import load_design
    from sysdesign.render import review
    from sysdesign.render.diagram import format_for, write_diagram
    from sysdesign.render.files import check_target
    from sysdesign.render.graph import DIRECTIONS, build_view

    language = resolve_lang(lang)
    out_format = format_for(output, fmt)
    icons = _provider(provider)
    way = direction.strip().upper()
    if way not in DIRECTIONS:
        raise UsageError(f"--direction must be LR or TB, not {direction!r} / LR 또는 TB")
    check_target(output, force=force, inputs=[design])
    model = load_design(design)
    marks: dict[str, list[str]] = {}
    if highlight:
        if not review.checker_available():
            raise UsageError(
                "--highlight needs the design checker, which this build lacks / "
                "--highlight에는 설계 점검기가 필요합니다"
            )
        marks = review.highlights(review.check(model, _scenario(None, model.scenario)))
    view = build_view(model, lang=language, direction=way, highlights=marks)
    write_diagram(view, output, out_format, provider=icons, force=force)
    _wrote(language, output)


@export_app.command("blog")
def export_blog(
    design: DesignArg,
    output: OutputOpt,
    scenario: ScenarioOpt = None,
    front_matter: Annotated[
        str,
        typer.Option(
            "--front-matter",
            help="hugo (YAML), jekyll or none. / 머리말(front matter) 형식: hugo(YAML), jekyll, none.",
        ),
    ] = "hugo",
    image: Annotated[
        str,
        typer.Option(
            "--image",
            help="The diagram written beside the post: png, svg or none. / "
            "글 옆에 함께 저장할 다이어그램: png, svg, none.",
        ),
    ] = "png",
    provider: ProviderOpt = "onprem",
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    """A Markdown blog post: problem, estimates, diagram, decisions, findings. / 마크다운 블로그 글: 문제, 추정, 다이어그램, 결정, 발견된 문제."""
    from sysdesign.errors import UsageError
    from sysdesign.i18n import resolve_lang
    from sysdesign.library import load_design
    from sysdesign.render.blog import FRONT_MATTERS, export_blog

    language = resolve_lang(lang)
    if front_matter not in FRONT_MATTERS:
        raise UsageError(
            f"--front-matter must be one of {', '.join(FRONT_MATTERS)} / 머리말 형식 오류"
        )
    if image not in ("png", "svg", "none"):
        raise UsageError("--image must be png, svg or none / --image는 png, svg, none 중 하나")
    icons = _provider(provider)
    model = load_design(design)
    result = export_blog(
        model,
        output,
        lang=language,
        scenario_id=_scenario(scenario, model.scenario),
        front_matter=front_matter,  # type: ignore[arg-type,unused-ignore]
        image=image,  # type: ignore[arg-type,unused-ignore]
        provider=icons,
        force=force,
        source=design.name,
    )
    _wrote(language, result.post)
    if result.image is not None:
        _wrote(language, result.image)
    if result.image_note:
        typer.echo(result.image_note, err=True)


@export_app.command("html")
def export_html(
    design: DesignArg,
    output: OutputOpt,
    scenario: ScenarioOpt = None,
    provider: ProviderOpt = "onprem",
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    """A self-contained HTML design review: diagram, score, findings. / 파일 하나로 된 HTML 설계 리뷰: 다이어그램, 점수, 발견된 문제."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.library import load_design
    from sysdesign.render.html import export_html

    language = resolve_lang(lang)
    icons = _provider(provider)
    model = load_design(design)
    export_html(
        model,
        output,
        lang=language,
        scenario_id=_scenario(scenario, model.scenario),
        provider=icons,
        force=force,
        source=design.name,
    )
    _wrote(language, output)
