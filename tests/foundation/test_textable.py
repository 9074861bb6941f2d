"""The plain text table used by `sysdesign estimate`, and its golden output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sysdesign.cli.textable import display_width, table
from tests.helpers import invoke

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "estimate"


def test_display_width_counts_hangul_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("결과") == 4
    assert display_width("e\u0301") == 1


@given(
    st.lists(
        st.tuples(st.text(alphabet="ab가나 1", max_size=8), st.text(alphabet="xy다라", max_size=5)),
        min_size=1,
        max_size=6,
    )
)
def test_every_line_of_a_table_has_the_same_width(rows: list[tuple[str, str]]) -> None:
    text = table("", [("Head", "left"), ("값", "right")], rows)
    assert len({display_width(line) for line in text.splitlines()}) == 1


def test_no_ansi_codes_when_not_a_terminal() -> None:
    assert "\x1b[" not in table("T", [("a", "left")], [("b",)])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_estimate_output_golden(lang: str) -> None:
    code, out, _ = invoke(
        "estimate", "--dau", "1M", "--writes-per-user", "1", "--write-size", "1KB",
        "--read-write-ratio", "10", "--retention", "5y", "--lang", lang,
    )  # fmt: skip
    assert code == 0
    path = GOLDEN / f"traffic.{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), "read the diff, then UPDATE_GOLDEN=1"
