"""Progress charts in Korean and English: the SVG (golden files, escaping, a font stack with
Hangul) and the PNG (Hangul glyphs rasterised from an outline font; the ASCII fallback)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import UTC, date
from pathlib import Path

import pytest

import sysdesign.cli.progress_cmds as progress_cmds
from sysdesign.progress.areas import Progress, build_progress
from sysdesign.progress.chart import Chart, Panel, chart_of
from sysdesign.progress.fonts import SVG_FONT_STACK, hangul_font
from sysdesign.progress.png import WHITE, Canvas, OutlinePen, progress_png
from sysdesign.progress.svg import progress_svg, render_svg
from sysdesign.store import open_store
from tests.helpers import invoke
from tests.progress.conftest import NOW, record_week
from tests.progress.test_cli import _png_info

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _fake_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_cmds, "_now", lambda: NOW)
    monkeypatch.setattr(progress_cmds, "_local_tz", lambda: UTC)


@pytest.fixture()
def report() -> Progress:
    with open_store() as store:
        record_week(store)
        results = store.results()
    return build_progress(results, now=NOW, tz=UTC, since=None, tracks_of=None)


def _texts(svg: str) -> list[str]:
    return [el.text or "" for el in ET.fromstring(svg).iter(f"{SVG}text")]


def test_svg_golden_in_both_languages(report: Progress, golden: Callable[[str, str], None]) -> None:
    golden("progress.en.svg", progress_svg(report, "en"))
    golden("progress.ko.svg", progress_svg(report, "ko"))


def test_svg_labels_follow_the_language(report: Progress) -> None:
    ko, en = _texts(progress_svg(report, "ko")), _texts(progress_svg(report, "en"))
    assert ko[0] == "sysdesign 연습 현황" and en[0] == "sysdesign progress"
    assert "설계: 비동기" in ko and "Design: async" in en
    assert "시나리오: chat" in ko and "Scenario: chat" in en
    assert not any("설계" in t for t in en)
    root = ET.fromstring(progress_svg(report, "ko"))
    assert root.get("font-family") == SVG_FONT_STACK
    assert SVG_FONT_STACK.startswith("'Noto Sans KR'") and SVG_FONT_STACK.endswith("sans-serif")


def test_svg_escapes_every_label() -> None:
    nasty = 'a<b & "c" </text><script>x</script>'
    chart = Chart(nasty, "sub & <sub>", [Panel(nasty, [(date(2026, 1, 1), 50.0)])], "none")
    svg = render_svg(chart)
    assert "<script>" not in svg
    root = ET.fromstring(svg)  # still well-formed
    assert root.find(f"{SVG}title") is not None
    assert _texts(svg)[:2] == [nasty, "sub & <sub>"]
    assert _texts(svg).count(nasty) == 2


def test_chart_of_without_results_says_so() -> None:
    empty = build_progress([], now=NOW, tz=UTC, since=None, tracks_of=None)
    ko, en = chart_of(empty, "ko"), chart_of(empty, "en")
    assert ko.panels == [] and ko.no_data == "데이터 없음"
    assert ko.subtitle.startswith("아직 결과가 없습니다") and en.subtitle.startswith(
        "no results yet"
    )
    assert "데이터 없음" in _texts(render_svg(ko))


def test_a_hangul_font_is_found_offline() -> None:
    """The pylopdf-fonts-ko wheel (a dependency) ships Noto Sans KR; setup.sh adds Nanum."""
    path = hangul_font()
    assert path is not None and path.suffix.lower() in (".otf", ".ttf", ".ttc")


def _ink(canvas: Canvas, x0: int, x1: int) -> list[tuple[int, int]]:
    return [
        (x - x0, y)
        for y in range(canvas.height)
        for x in range(x0, x1)
        if canvas.get(x, y) != WHITE
    ]


def test_outline_pen_draws_distinct_hangul_glyphs() -> None:
    """한 and 글 come out as two different glyphs (a font without Hangul would draw the same
    missing-glyph box twice)."""
    path = hangul_font()
    assert path is not None
    pen = OutlinePen(path)
    canvas = Canvas(80, 40)
    pen.draw(canvas, 2, 4, "한", (0, 0, 0), "title")
    pen.draw(canvas, 40, 4, "글", (0, 0, 0), "title")
    first, second = _ink(canvas, 0, 40), _ink(canvas, 40, 80)
    assert len(first) > 60 and len(second) > 60
    assert set(first) != set(second)
    assert pen.width("한글", "title") > pen.width("한", "title") > 0


def test_korean_png_has_hangul_and_english_png_differs(report: Progress) -> None:
    ko, notice_ko = progress_png(report, "ko")
    en, notice_en = progress_png(report, "en")
    assert notice_ko is None and notice_en is None
    (w1, h1, raw_ko), (w2, h2, raw_en) = _png_info(ko), _png_info(en)
    assert (w1, h1) == (w2, h2) == (960, 56 + 5 * (170 + 13) + 13)
    header = 56 * (1 + 960 * 3)
    assert raw_ko[:header] != raw_en[:header]  # "sysdesign 연습 현황" vs "sysdesign progress"


def test_png_without_a_hangul_font_falls_back_and_says_so(
    report: Progress, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SYSDESIGN_FONT", str(tmp_path / "missing.ttf"))
    image, notice = progress_png(report, "ko")
    assert notice is not None and "한글 글꼴을 찾지 못해" in notice and "SYSDESIGN_FONT" in notice
    width, height, _ = _png_info(image)
    assert (width, height) == (960, 56 + 5 * (170 + 13) + 13)
    with open_store() as store:
        record_week(store)
    target = tmp_path / "chart.png"
    code, _, err = invoke("progress", "--png", str(target), "--lang", "en")
    assert code == 0 and "no font with Hangul found" in err and "fonts-nanum" in err
    assert target.read_bytes().startswith(b"\x89PNG")


def test_progress_svg_cli(tmp_path: Path) -> None:
    with open_store() as store:
        record_week(store)
    target = tmp_path / "progress.svg"
    code, out, err = invoke("progress", "--svg", str(target), "--lang", "ko")
    assert code == 0 and f"{target} 작성" in err and "연속 연습" in out
    assert "시나리오: chat" in _texts(target.read_text(encoding="utf-8"))
    code, _, err = invoke("progress", "--svg", str(target))
    assert code == 2 and "--force" in err
    code, _, _ = invoke("progress", "--svg", str(target), "--force")
    assert code == 0 and "Scenario: chat" in _texts(target.read_text(encoding="utf-8"))
