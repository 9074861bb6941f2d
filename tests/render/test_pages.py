"""Blog post and HTML review: goldens, GitHub-safe Markdown, escaping of hostile labels."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from sysdesign.design.findings import Finding
from sysdesign.library import load_design_text
from sysdesign.models.common import Text
from sysdesign.models.design import Design
from sysdesign.render.blog import post_context, render_post
from sysdesign.render.html import render_review, review_context
from sysdesign.render.review import EstimateData, EstimateStep
from tests.helpers import invoke
from tests.render.conftest import DESIGN
from tests.render.markdown_checks import check_github_markdown, split_front_matter

Golden = Callable[[str, str], None]
needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz `dot` is not installed"
)
DATE = dt.date(2025, 3, 1)


@dataclass
class FakeItem:
    item: str
    reason: str
    points: float
    max_points: float

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "item": self.item,
            "reason": self.reason,
            "points": self.points,
            "max": self.max_points,
        }


@dataclass
class FakeCheck:
    """The CheckResult contract: findings, score, breakdown."""

    findings: list[Finding]
    score: float | None = 72.5
    breakdown: list[FakeItem] = field(default_factory=list)


def fake_check() -> FakeCheck:
    finding = Finding(
        rule="unreplicated-store",
        severity="major",
        components=("cache",),
        message=Text(en="cache has one instance | no replica", ko="cache 인스턴스가 하나뿐"),
        why=Text(
            en="One <disk> failure loses data.", ko="디스크 하나가 고장 나면 데이터를 잃습니다."
        ),
        fix=Text(en="Add a replica: `replicas: 2`.", ko="복제본을 추가하세요: `replicas: 2`."),
        evidence=(Text(en="cache: replicas = 1", ko="cache: replicas = 1"),),
    )
    return FakeCheck(findings=[finding], breakdown=[FakeItem("kind:cache", "cache present", 5, 5)])


ESTIMATES = EstimateData(
    inputs=(("dau", "50M"), ("writes_per_user", "40")),
    results=(("writes per day", "2B/day"), ("peak write QPS", "46.3k req/s")),
    steps=(
        EstimateStep(1, "writes per day", "DAU × writes per user", "50M × 40", "2B/day"),
        EstimateStep(2, "write QPS | avg", "writes per day / 86,400", "2B / 86,400", "23.1k req/s"),
    ),
)


def _post(design: Design, lang: str, front: str) -> str:
    context = post_context(
        design,
        lang=lang,
        scenario_id="demo-chat",
        front_matter=front,  # type: ignore[arg-type]
        date=DATE,
        image="chat-diagram.png",
        check_result=fake_check(),
        source="chat.yaml",
    )
    context["estimates"] = ESTIMATES
    return render_post(context, lang=lang)


@pytest.mark.parametrize(("lang", "front"), [("en", "hugo"), ("ko", "jekyll"), ("en", "none")])
def test_blog_golden(
    design: Design, demo_library: Path, golden: Golden, lang: str, front: str
) -> None:
    text = _post(design, lang, front)
    golden(f"post.{lang}.{front}.md", text)
    check_github_markdown(text)


def test_blog_front_matter(design: Design, demo_library: Path) -> None:
    meta, body = split_front_matter(_post(design, "en", "hugo"))
    assert meta is not None
    assert meta["title"] == "System design: Demo chat <v1>"
    assert meta["date"] == DATE and meta["draft"] is False
    assert meta["tags"] == ["system-design", "demo-chat"]
    assert "```mermaid\nflowchart LR\n" in body
    assert "![Architecture diagram" in body and "(chat-diagram.png)" in body
    assert "Demo chat &lt;v1&gt;" in body  # the title's angle brackets are not HTML
    assert "[Design a Chat System | ch. 12](https://example.com/chat%20%28design%29)" in body
    assert body.count("example.com/chat") == 1  # the scenario's and the rubric's reference merge
    # the rubric's pitfalls this design does not fall into
    assert "`spof`, `ws-no-pubsub`, `no-rate-limit`." in body


def test_hostile_markdown_cannot_inject(demo_library: Path) -> None:
    design = load_design_text(
        "name: '<script>alert(1)</script>'\n"
        "components:\n"
        "  a: {kind: client, label: '<img src=x onerror=alert(1)> | `x`'}\n"
        "  b: {kind: service, notes: 'pipe | here'}\n"
        "connections: [{from: a, to: b, label: '<b>bold</b>'}]\n"
        "notes: ['<iframe src=//evil>', 'plain']\n"
    )
    context = post_context(design, lang="en", scenario_id=None, front_matter="none", date=DATE)
    text = render_post(context, lang="en")
    check_github_markdown(text)
    assert "<script>" not in text and "<img" not in text and "<iframe" not in text


def _review(design: Design, lang: str, svg: str | None) -> str:
    context = review_context(
        design, lang=lang, scenario_id="demo-chat", check_result=fake_check(), source="chat.yaml"
    )
    context["svg"] = svg
    context["estimates"] = ESTIMATES
    return render_review(context, lang=lang)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_html_golden(design: Design, demo_library: Path, golden: Golden, lang: str) -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>diagram</text></svg>'
    )
    golden(f"review.{lang}.html", _review(design, lang, svg))


def test_html_without_dot_shows_mermaid(design: Design, demo_library: Path) -> None:
    html = _review(design, "en", None)
    assert "Graphviz" in html and "flowchart LR" in html
    assert "#quot;bus#quot;" in html


HOSTILE = """\
name: "</title><script>alert('name')</script>"
components:
  users: {kind: client, label: "<script>alert('label')</script>"}
  api: {kind: service, replicas: 2, label: "<img src=x onerror=alert(1)>", notes: "<b>n</b>"}
  db: {kind: sql_db, label: "\\"><svg onload=alert(2)>"}
connections:
  - users -> api: "<script>edge()</script>"
  - api -> db
notes: ["<script>note()</script>"]
"""


@pytest.mark.parametrize("with_svg", [True, False])
def test_hostile_labels_are_escaped_in_html(
    tmp_path: Path, with_svg: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if with_svg and shutil.which("dot") is None:
        pytest.skip("Graphviz `dot` is not installed")
    if not with_svg:
        empty = tmp_path / "bin"
        empty.mkdir()
        monkeypatch.setenv("PATH", str(empty))
    src = tmp_path / "hostile.yaml"
    src.write_text(HOSTILE)
    out = tmp_path / "review.html"
    code, _, err = invoke("export", "html", str(src), "-o", str(out))
    assert code == 0, err
    html = out.read_text("utf-8")
    lowered = html.lower()
    assert "<script" not in lowered
    assert "<img" not in lowered and "<svg onload" not in lowered and "<b>n</b>" not in lowered
    assert not re.search(r"<[^>]*\son(load|error)\s*=", lowered)
    assert "&lt;script&gt;alert(" in html


@needs_dot
def test_export_html_is_self_contained(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    code, _stdout, err = invoke("export", "html", str(DESIGN), "-o", str(out), "--lang", "ko")
    assert code == 0, err
    html = out.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "<style>" in html
    assert "data:image/png;base64," in html
    assert not re.search(r'(src|href)="(?!data:|#|https?:)', html)
    assert "site-packages" not in html
    code, _, err = invoke("export", "html", str(DESIGN), "-o", str(out))
    assert code == 2 and "--force" in err


@needs_dot
def test_export_blog_writes_post_and_png(tmp_path: Path, demo_library: Path) -> None:
    post = tmp_path / "post.md"
    code, _stdout, err = invoke("export", "blog", str(DESIGN), "-o", str(post))
    assert code == 0, err
    text = post.read_text("utf-8")
    check_github_markdown(text)
    assert "![Architecture diagram" in text and "(post-diagram.png)" in text
    assert (tmp_path / "post-diagram.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "## The problem" in text and "Design a chat app." in text
    assert "## Back-of-the-envelope estimates" in text  # from the estimator
    assert "## What the review found" in text  # from the checker
    # nothing overwritten without --force, neither the post nor the image
    post.write_text("mine")
    code, _, err = invoke("export", "blog", str(DESIGN), "-o", str(post))
    assert code == 2 and post.read_text() == "mine"
    code, _, err = invoke(
        "export",
        "blog",
        str(DESIGN),
        "-o",
        str(post),
        "--force",
        "--lang",
        "ko",
        "--front-matter",
        "none",
    )
    assert code == 0, err
    assert post.read_text("utf-8").startswith("# 시스템 디자인: 데모 채팅")


def test_export_blog_without_dot_notes_the_missing_image(
    tmp_path: Path, demo_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    post = tmp_path / "post.md"
    code, _, err = invoke("export", "blog", str(DESIGN), "-o", str(post))
    assert code == 0, err
    text = post.read_text("utf-8")
    assert "not rendered because Graphviz's `dot` is not installed" in text
    assert "```mermaid" in text and "![" not in text
    assert "dot" in err
    assert not (tmp_path / "post-diagram.png").exists()


def test_export_blog_unknown_scenario(tmp_path: Path) -> None:
    code, _, err = invoke(
        "export", "blog", str(DESIGN), "-o", str(tmp_path / "p.md"), "--scenario", "chatt"
    )
    assert code == 2 and "no scenario 'chatt'" in err
    code, _, err = invoke(
        "export", "blog", str(DESIGN), "-o", str(tmp_path / "p.md"), "--front-matter", "zola"
    )
    assert code == 2 and "--front-matter" in err


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_bundled_design_posts_render_on_github(tmp_path: Path, lang: str) -> None:
    from sysdesign.paths import bundled

    design = bundled("designs") / "chat.yaml"
    assert design.exists(), f"the bundled chat design is missing: {design}"
    post = tmp_path / "post.md"
    code, _, err = invoke(
        "export", "blog", str(design), "-o", str(post), "--lang", lang, "--image", "none"
    )
    assert code == 0, err
    check_github_markdown(post.read_text("utf-8"))
