"""A blog post from a design file: Markdown with front matter, a Mermaid block and a PNG beside it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sysdesign.messages import render
from sysdesign.render import review as rv
from sysdesign.render.graph import build_view

if TYPE_CHECKING:
    from sysdesign.models.common import Reference
    from sysdesign.models.design import Design
    from sysdesign.models.rubric import Rubric
    from sysdesign.models.scenario import Scenario

FrontMatter = Literal["hugo", "jekyll", "none"]
FRONT_MATTERS: tuple[FrontMatter, ...] = ("hugo", "jekyll", "none")
ImageKind = Literal["png", "svg", "none"]


@dataclass(frozen=True)
class RefRow:
    title: str
    url: str
    note: str


@dataclass(frozen=True)
class BlogExport:
    post: Path
    image: Path | None
    image_note: str | None


def image_path_for(post: Path, image: ImageKind) -> Path | None:
    """The diagram beside the post: `post.md` → `post-diagram.png`; in a Hugo page bundle
    (`news-feed/index.md`) → `news-feed/diagram.png`."""
    if image == "none":
        return None
    if post.name == BUNDLE_INDEX:
        return post.with_name(f"diagram.{image}")
    return post.with_name(f"{post.stem}-diagram.{image}")


BUNDLE_INDEX = "index.md"


def post_path_for(target: Path, front_matter: FrontMatter) -> Path:
    """Where the post goes. For Hugo, a page bundle: `-o content/posts/news-feed.md` writes
    `content/posts/news-feed/index.md`, so the diagram beside it is a page resource and its
    relative link resolves under Hugo's pretty URL `/posts/news-feed/`. A target already
    named `index.md` is used as it is."""
    if front_matter != "hugo" or target.name == BUNDLE_INDEX:
        return target
    return target.with_suffix("") / BUNDLE_INDEX


def _references(scenario: Scenario | None, rubric: Rubric | None, lang: str) -> list[RefRow]:
    refs: list[Reference] = []
    if scenario is not None:
        refs += scenario.references
    if rubric is not None:
        refs += rubric.references
        for dive in rubric.deep_dives:
            refs += dive.references
    seen: set[str] = set()
    rows = []
    for ref in refs:
        key = ref.url or ref.title
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            RefRow(title=ref.title, url=ref.url or "", note=ref.note.get(lang) if ref.note else "")
        )
    return rows


def _requirements(rubric: Rubric | None, lang: str) -> list[tuple[str, list[str]]]:
    if rubric is None:
        return []
    groups = [
        ("functional", render("output.functional", lang)),
        ("non_functional", render("output.non_functional", lang)),
    ]
    out = []
    for kind, title in groups:
        items = [r.text.get(lang) for r in rubric.requirements if r.kind == kind]
        if items:
            out.append((title, items))
    return out


def post_context(
    design: Design,
    *,
    lang: str,
    scenario_id: str | None,
    front_matter: FrontMatter = "hugo",
    date: dt.date | None = None,
    image: str | None = None,
    image_note: str | None = None,
    check_result: Any | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """Everything post.md.j2 prints."""
    from sysdesign.library import library
    from sysdesign.render.mermaid import to_mermaid

    scenario: Scenario | None = None
    rubric: Rubric | None = None
    if scenario_id:
        lib = library()
        scenario = lib.scenarios.get(scenario_id)
        rubric = lib.rubrics.get(scenario_id)
    view = build_view(design, lang=lang)
    review = rv.review_data(check_result, design, lang)
    answered: list[str] = []
    if review is not None and rubric is not None:
        found = {f.rule for f in review.findings}
        answered = [rule for rule in rubric.avoid_findings if rule not in found]
    if scenario is not None:
        topic = scenario.title.get(lang)
        title = render("output.post_title", lang, topic=topic)
    else:
        title = design.title(lang) or render("output.system_design", lang)
    tags = ["system-design"] + ([scenario_id] if scenario_id else [])
    estimates = rv.estimate(design, scenario_id, lang)
    return {
        "front_matter": front_matter,
        "title": title,
        "date": (date or dt.date.today()).isoformat(),
        "summary": scenario.summary.get(lang) if scenario else "",
        "tags": tags,
        "problem": scenario.prompt.get(lang) if scenario else "",
        "requirements": _requirements(rubric, lang),
        "estimates": estimates,
        "estimate_inputs": estimates.inputs if estimates else (),
        "mermaid": to_mermaid(view),
        "image": image,
        "image_note": image_note,
        "components": rv.component_rows(design, lang),
        "decisions": [" ".join(n.split()) for n in design.notes_in(lang)],
        "review": review,
        "answered": answered,
        "references": _references(scenario, rubric, lang),
        "source": source or "design.yaml",
    }


def render_post(context: dict[str, Any], *, lang: str) -> str:
    from sysdesign.render.templates import render_template

    return render_template("blog/post.md.j2", context, lang=lang)


def export_blog(
    design: Design,
    target: Path,
    *,
    lang: str,
    scenario_id: str | None = None,
    front_matter: FrontMatter = "hugo",
    image: ImageKind = "png",
    provider: str = "onprem",
    force: bool = False,
    date: dt.date | None = None,
    source: str | None = None,
) -> BlogExport:
    """Write the post and, when Graphviz is present, the diagram beside it."""
    from sysdesign.render.diagram import has_dot, write_image
    from sysdesign.render.files import check_target, write_output

    target = post_path_for(target, front_matter)
    image_target = image_path_for(target, image)
    check_target(target, force=force)
    if image_target is not None:
        check_target(image_target, force=force)
    scenario_id = scenario_id or design.scenario
    result = rv.check(design, scenario_id)
    note: str | None = None
    written: Path | None = None
    if image_target is not None and image != "none":
        if has_dot():
            view = build_view(design, lang=lang)
            written = write_image(view, image_target, image, provider=provider, force=force)
        else:
            note = render("output.no_dot_image", lang)
    context = post_context(
        design,
        lang=lang,
        scenario_id=scenario_id,
        front_matter=front_matter,
        date=date,
        image=written.name if written else None,
        image_note=note,
        check_result=result,
        source=source,
    )
    write_output(target, render_post(context, lang=lang).encode("utf-8"), force=force)
    return BlogExport(post=target, image=written, image_note=note)
