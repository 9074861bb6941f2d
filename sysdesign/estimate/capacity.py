"""A component's stated `capacity:` read as a figure: `20k rps`, `50k connections`, `5k writes/s`.

A text reader like the other estimate readers, so the library can refuse a bad one when it
loads a design and the capacity rules read the same figure.
"""

from __future__ import annotations

import re
from typing import Literal

from sysdesign.errors import UsageError

What = Literal["throughput", "writes", "connections"]
_NUMBER = re.compile(r"^\s*([0-9][0-9.,_]*\s*(?:[kKmMbBtT]|만|억|천)?)\s*(.*?)\s*$")


def parse_capacity(text: str, component: str) -> tuple[float, What]:
    """`20k rps`, `50k connections`, `5k writes/s`, `8000` → (per second or count, what)."""
    from sysdesign.estimate.units import parse_count

    match = _NUMBER.match(text)
    if match is None:
        raise UsageError(_bad_capacity(text, component))
    try:
        value = parse_count(match.group(1).replace(" ", ""), f"components.{component}.capacity")
    except UsageError:
        raise UsageError(_bad_capacity(text, component)) from None
    if not value > 0:
        raise UsageError(
            f"components.{component}.capacity: {text!r} must be more than zero / "
            f"용량은 0보다 커야 합니다: {text!r}"
        )
    unit = match.group(2).lower()
    if "conn" in unit or "연결" in unit:
        return value, "connections"
    if "write" in unit or unit.startswith("wps") or "쓰기" in unit:
        return value, "writes"
    if unit and not re.fullmatch(
        r"(rps|qps|tps|ops|mps|req|requests|msgs?|messages|"
        r"ops/s|req/s|/s|per second|queries|reads?)(/s)?",
        unit,
    ):
        raise UsageError(_bad_capacity(text, component))
    return value, "throughput"


def _bad_capacity(text: str, component: str) -> str:
    return (
        f"components.{component}.capacity: cannot read {text!r}; for example '20k rps', "
        f"'50k connections' or '5k writes' / 용량을 읽을 수 없습니다: {text!r}. "
        "예: '20k rps', '50k connections', '5k writes'"
    )
