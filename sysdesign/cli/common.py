"""Options and printing helpers shared by every command module."""

from __future__ import annotations

import json
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


def print_json(document: Any) -> None:
    """One JSON document on stdout; Korean stays readable."""
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")
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
