"""The design review as one self-contained HTML page (inline SVG and CSS, autoescaped)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sysdesign.messages import render
from sysdesign.render import review as rv
from sysdesign.render.graph import build_view

if TYPE_CHECKING:
    from sysdesign.models.design import Design


@dataclass(frozen=True)
class HtmlExport:
    path: Path
    diagram: str  # "svg" or "mermaid"
    score: float | None
    findings: int | None


def review_context(
    design: Design,
    *,
    lang: str,
    scenario_id: str | None,
    provider: str = "onprem",
    check_result: Any | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """Everything review.html.j2 shows; the session report builds on the same keys."""
    from sysdesign.render.diagram import has_dot, svg_for_html
    from sysdesign.render.mermaid import to_mermaid

    view = build_view(design, lang=lang, highlights=rv.highlights(check_result))
    svg = svg_for_html(view, provider) if has_dot() else None
    scenario_title = None
    if scenario_id:
        from sysdesign.errors import NotFoundError
        from sysdesign.library import library

        try:
            scenario_title = library().scenario(scenario_id).title.get(lang)
        except NotFoundError:
            scenario_title = None
    return {
        "title": design.title(lang) or scenario_title or render("output.design", lang),
        "scenario_title": scenario_title,
        "svg": svg,
        "mermaid": to_mermaid(view),
        "diagram_note": render("output.no_dot_mermaid", lang),
        "review": rv.review_data(check_result, design, lang),
        "components": rv.component_rows(design, lang),
        "decisions": [" ".join(n.split()) for n in design.notes_in(lang)],
        "estimates": rv.estimate(design, scenario_id, lang),
        "source": source,
    }


def render_review(context: dict[str, Any], *, lang: str) -> str:
    from sysdesign.render.templates import render_template

    return render_template("html/review.html.j2", context, lang=lang)


def export_html(
    design: Design,
    target: Path,
    *,
    lang: str,
    scenario_id: str | None = None,
    provider: str = "onprem",
    force: bool = False,
    source: str | None = None,
) -> HtmlExport:
    """Check the design, render the review page, write it atomically."""
    from sysdesign.render.files import check_target, write_output

    check_target(target, force=force)
    scenario_id = scenario_id or design.scenario
    result = rv.check(design, scenario_id)
    context = review_context(
        design,
        lang=lang,
        scenario_id=scenario_id,
        provider=provider,
        check_result=result,
        source=source,
    )
    write_output(target, render_review(context, lang=lang).encode("utf-8"), force=force)
    data = context["review"]
    return HtmlExport(
        path=target,
        diagram="svg" if context["svg"] else "mermaid",
        score=data.score if data else None,
        findings=len(data.findings) if data else None,
    )
