"""Options and printing helpers shared by every command module."""

from __future__ import annotations

import json
import math
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Output language: ko or en (default: SYSDESIGN_LANG, then the locale). / "
        "출력 언어: ko 또는 en(기본값: SYSDESIGN_LANG, 없으면 로캘).",
        show_default=False,
    ),
]
JsonOpt = Annotated[
    bool,
    typer.Option(
        "--json",
        help="Print one JSON document on stdout, nothing else. / "
        "표준 출력에 JSON 문서 하나만 출력합니다.",
    ),
]


def strict_json(value: Any) -> Any:
    """`value` with every float that JSON cannot hold (NaN, ±Infinity) replaced by null."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: strict_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [strict_json(v) for v in value]
    return value


def print_json(document: Any) -> None:
    """One strict JSON document on stdout (no NaN or Infinity); Korean stays readable."""
    text = json.dumps(
        strict_json(document), ensure_ascii=False, indent=2, default=str, allow_nan=False
    )
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


_console: Console | None = None


def console() -> Console:
    """A rich console for stdout, created on first use (rich costs ~55 ms to import)."""
    global _console
    from rich.console import Console

    if _console is None or _console.file is not sys.stdout:
        _console = Console(file=sys.stdout, highlight=False, soft_wrap=False)
    return _console


def err_console() -> Console:
    from rich.console import Console

    return Console(file=sys.stderr, highlight=False)


def finite_between(flag: str, low: float, high: float) -> Any:
    """A typer callback refusing a number outside [low, high], `nan` and `inf` included
    (typer's own min/max let `nan` through: every comparison with it is false)."""

    def check(value: float | None) -> float | None:
        if value is None:
            return value
        if not math.isfinite(value) or not low <= value <= high:
            raise typer.BadParameter(
                f"{value} is not between {low:g} and {high:g} / "
                f"{low:g}에서 {high:g} 사이의 값이어야 합니다",
                param_hint=flag,
            )
        return value

    return check


def seed_in_range(value: int | None) -> int | None:
    """A random seed: any integer that fits in 64 bits."""
    if value is not None and not -(2**63) <= value < 2**63:
        raise typer.BadParameter(
            "must fit in 64 bits / 64비트 정수여야 합니다", param_hint="--seed"
        )
    return value
