"""`check`'s plain printer writes, byte for byte, what rich writes to a pipe."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from sysdesign.check import CheckResult, check_design
from sysdesign.cli import check_cmds, plain_out
from sysdesign.design.reader import read_for_check
from sysdesign.yamlio import read_yaml

ROOT = Path(__file__).resolve().parents[2]
DESIGNS = sorted((ROOT / "designs").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "data" / "designs").glob("*.yaml")
)


def rich_text(result: CheckResult, lang: str, width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        check_cmds._print_rich(result, lang)
    return buf.getvalue()


@pytest.mark.parametrize("path", DESIGNS, ids=[p.stem for p in DESIGNS])
def test_every_design_prints_as_rich_prints_it(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    design = read_for_check(read_yaml(path))
    results = [check_design(design)]
    if design.scenario is None:
        results[0] = results[0].model_copy(update={"design": path.stem})
        results.append(check_design(design, "chat"))  # a score table for every design
    for result in results:
        for lang in ("en", "ko"):
            for width in (80, 47, 120):
                plain = check_cmds._plain_result(result, lang, width)
                assert plain is not None
                assert plain == rich_text(result, lang, width, monkeypatch)


def test_the_width_is_riches_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "93")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    with contextlib.redirect_stdout(io.StringIO()):
        assert plain_out.plain_width() == Console(file=io.StringIO()).width == 93
        monkeypatch.setenv("FORCE_COLOR", "1")
        assert plain_out.plain_width() is None  # rich writes colour: rich prints


WORDS = st.sampled_from(
    ["a", "bb", "word", "longerword", "x" * 30, "https://example.com/a/very/long/path/" * 2,
     "한국어", "문장입니다", "데이터베이스가", "→", "—", "e.g.", "(db)", "'chat'", "12.5k",
     "tags: [presence]", "[1]", "[bold]", ":smile:", "a:b", "\\", "end\\"]
)  # fmt: skip
SPACES = st.sampled_from([" ", " ", " ", "  ", "\n"])


@st.composite
def texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, min_size=0, max_size=25))
    out = ""
    for w in words:
        out += w + draw(SPACES)
    return out.strip(" ") if draw(st.booleans()) else out


def rich_print(text: str, width: int) -> str:
    from rich.markup import escape

    buf = io.StringIO()
    Console(file=buf, width=width, highlight=False, soft_wrap=False).print(escape(text))
    return buf.getvalue()


@settings(max_examples=300, deadline=None)
@given(texts(), st.integers(min_value=10, max_value=130))
def test_a_line_wraps_as_rich_wraps_it(text: str, width: int) -> None:
    if plain_out.is_plain_escaped([text], [text], []):
        assert plain_out.line(text, width) == rich_print(text, width)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(texts(), texts(), texts()), min_size=0, max_size=6),
    st.integers(min_value=20, max_value=130),
)
def test_a_table_lays_out_as_riches(rows: list[tuple[str, str, str]], width: int) -> None:
    from rich.markup import escape

    cells = [list(r) for r in rows]
    flat = [c for r in cells for c in r]
    if not plain_out.is_plain_escaped([*flat, "Item", "Points", "Why"], flat, []):
        return
    laid = plain_out.table(["Item", "Points", "Why"], ["left", "right", "left"], cells, width)
    if laid is None:
        return
    table = Table(show_edge=False)
    table.add_column("Item")
    table.add_column("Points", justify="right")
    table.add_column("Why")
    for r in cells:
        table.add_row(*(escape(c) for c in r))
    buf = io.StringIO()
    Console(file=buf, width=width, highlight=False, soft_wrap=False).print(table)
    assert laid == buf.getvalue()
