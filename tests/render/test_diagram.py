from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from sysdesign.models.design import Design
from sysdesign.render.diagram import diagram_source, render_svg_text
from sysdesign.render.graph import build_view
from tests.helpers import invoke
from tests.render.conftest import DESIGN

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz `dot` is not installed"
)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_diagram_source_is_reproducible_with_component_ids(design: Design) -> None:
    view = build_view(design)
    first, second = diagram_source(view), diagram_source(view)
    assert first == second
    assert "\tchat [label=" in first and "\tgateway -> chat" in first
    assert "style=dashed" in first  # async edges look different


def test_hostile_label_is_never_an_html_like_label() -> None:
    from sysdesign.library import load_design_text

    design = load_design_text(
        "components:\n  a: {kind: client, label: '<b>x</b>'}\n  b: {kind: service, label: 'c:\\\\N'}\n"
        "connections: ['a -> b']\n"
    )
    source = diagram_source(build_view(design))
    assert 'label="<b>x</b>"' in source
    assert 'label="c:\\\\\\\\N"' in source or "c:\\\\N" in source


@needs_dot
def test_png_is_real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path = tmp_path / "work"
    tmp_path.mkdir()
    monkeypatch.chdir(tmp_path)
    code, _out, err = invoke("diagram", str(DESIGN), "-o", "out/chat.png")
    assert code == 0, err
    width, height = png_size((tmp_path / "out" / "chat.png").read_bytes())
    assert width > 400 and height > 200
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["chat.png", "out"]  # nothing left


@needs_dot
def test_svg_stands_alone_with_labels(tmp_path: Path) -> None:
    target = tmp_path / "chat.svg"
    code, _, err = invoke("diagram", str(DESIGN), "-o", str(target), "--lang", "ko")
    assert code == 0, err
    svg = target.read_text("utf-8")
    for label in ("사용자 (앱)", "WS Gateway", "Chat service", "Cassandra", "×6", "데이터"):
        assert label in svg, label
    assert "APNs &amp; FCM &lt;push&gt;" in svg
    assert "data:image/png;base64," in svg
    assert "site-packages" not in svg and 'href="/' not in svg
    assert str(Path.home()) not in svg or str(Path.home()) == "/"


@needs_dot
@pytest.mark.parametrize("provider", ["aws", "gcp", "k8s"])
def test_pdf_and_providers(tmp_path: Path, provider: str) -> None:
    target = tmp_path / "chat.pdf"
    code, _, err = invoke("diagram", str(DESIGN), "-o", str(target), "--provider", provider)
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF-")


@needs_dot
def test_highlight_marks_components_in_svg(design: Design) -> None:
    svg = render_svg_text(build_view(design, highlights={"lb": ["spof"]}))
    assert "⚠ spof" in svg and "#d0021b" in svg.lower()


def test_no_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "chat.mmd"
    target.write_text("mine\n")
    code, _out, err = invoke("diagram", str(DESIGN), "-o", str(target))
    assert code == 2
    assert "already exists" in err and "--force" in err
    _, _, err_ko = invoke("diagram", str(DESIGN), "-o", str(target), "--lang", "ko")
    assert "이미 있습니다" in err_ko and "--force" in err_ko and "already exists" not in err_ko
    assert "Traceback" not in err
    assert target.read_text() == "mine\n"
    code, _, err = invoke("diagram", str(DESIGN), "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text().startswith("flowchart LR")


@needs_dot
def test_no_overwrite_of_images_either(tmp_path: Path) -> None:
    tmp_path = tmp_path / "work"
    tmp_path.mkdir()
    target = tmp_path / "chat.png"
    target.write_bytes(b"keep")
    code, _, err = invoke("diagram", str(DESIGN), "-o", str(target))
    assert code == 2 and "--force" in err
    assert target.read_bytes() == b"keep"
    assert [p.name for p in tmp_path.iterdir()] == ["chat.png"]


def test_missing_dot_is_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path = tmp_path / "work"
    tmp_path.mkdir()
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    for suffix in ("png", "svg", "pdf"):
        code, _, err = invoke("diagram", str(DESIGN), "-o", str(tmp_path / f"d.{suffix}"))
        assert code == 2
        assert "`dot` is not installed" in err and "./setup.sh" in err
        assert "apt-get install graphviz fonts-nanum" in err
        _, _, err_ko = invoke(
            "diagram", str(DESIGN), "-o", str(tmp_path / f"d.{suffix}"), "--lang", "ko"
        )
        assert "apt-get install graphviz fonts-nanum" in err_ko and "설치" in err_ko
        assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin"]
    # text formats still work
    for name in ("d.mmd", "d.dot"):
        code, _, err = invoke("diagram", str(DESIGN), "-o", str(tmp_path / name))
        assert code == 0, err
    assert (tmp_path / "d.dot").read_text().startswith('digraph "Chat v1')


def test_format_option_and_bad_suffix(tmp_path: Path) -> None:
    code, _, err = invoke("diagram", str(DESIGN), "-o", str(tmp_path / "graph.txt"))
    assert code == 2 and "--format" in err
    code, _, err = invoke(
        "diagram", str(DESIGN), "-o", str(tmp_path / "graph.txt"), "--format", "mermaid"
    )
    assert code == 0, err
    assert (tmp_path / "graph.txt").read_text().startswith("flowchart LR")
    code, _, err = invoke("diagram", str(DESIGN), "-o", str(tmp_path / "g.mmd"), "--format", "jpeg")
    assert code == 2 and "unknown format" in err
    code, _, err = invoke(
        "diagram", str(DESIGN), "-o", str(tmp_path / "g.mmd"), "--provider", "azur"
    )
    assert code == 2 and "unknown provider" in err
    code, _, err = invoke(
        "diagram", str(DESIGN), "-o", str(tmp_path / "g.mmd"), "--direction", "RL"
    )
    assert code == 2


def test_direction_tb(tmp_path: Path) -> None:
    code, _, err = invoke(
        "diagram", str(DESIGN), "-o", str(tmp_path / "g.mmd"), "--direction", "tb"
    )
    assert code == 0, err
    assert (tmp_path / "g.mmd").read_text().startswith("flowchart TB")


def test_invalid_design_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("components:\n  a: {kind: servce}\n")
    code, _, err = invoke("diagram", str(bad), "-o", str(tmp_path / "g.mmd"))
    assert code == 2
    assert "bad.yaml:2" in err and "service" in err
    assert not (tmp_path / "g.mmd").exists()


def test_highlight_uses_the_checker(tmp_path: Path) -> None:
    from sysdesign.render import review

    target = tmp_path / "g.dot"
    code, _, err = invoke("diagram", str(DESIGN), "-o", str(target), "--highlight")
    if not review.checker_available():
        assert code == 2 and "checker" in err
        return
    assert code == 0, err
    text = target.read_text()
    result = review.check(__import__("sysdesign.library").library.load_design(DESIGN), None)
    marked = review.highlights(result)
    for cid, rules in marked.items():
        assert f'"{cid}" [label="' in text
        for rule in rules:
            assert rule in text
    if marked:
        assert "#D0021B" in text
