"""A small text table and styles for hot paths that should not pay for rich (~45 ms).

`sysdesign estimate` prints a table and numbered steps the way a candidate writes them on a
whiteboard; that needs aligned columns, not rich's layout engine. Korean text is double-width
in a terminal, so widths come from the East Asian Width property.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Sequence
from typing import Literal

Align = Literal["left", "right"]


def display_width(text: str) -> int:
    """Terminal cells `text` takes: wide and full-width characters count twice."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, align: Align) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if align == "right" else text + gap


def table(
    title: str,
    columns: Sequence[tuple[str, Align]],
    rows: Sequence[Sequence[str]],
    *,
    bold_first: bool = True,
) -> str:
    """A box-drawn table: heavy rules round the header, light ones round the body."""
    widths = [display_width(head) for head, _ in columns]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(left: str, fill: str, mid: str, right: str) -> str:
        return left + mid.join(fill * (w + 2) for w in widths) + right

    def cells(values: Sequence[str], edge: str, *, header: bool = False) -> str:
        parts = []
        for i, (value, (_, align), width) in enumerate(zip(values, columns, widths, strict=True)):
            text = _pad(value, width, align)
            if header or (bold_first and i == 0):
                text = style(text, bold=True)
            parts.append(f" {text} ")
        return edge + edge.join(parts) + edge

    out = [style(title, italic=True)] if title else []
    out.append(line("┏", "━", "┳", "┓"))
    out.append(cells([head for head, _ in columns], "┃", header=True))
    out.append(line("┡", "━", "╇", "┩"))
    out.extend(cells(row, "│") for row in rows)
    out.append(line("└", "─", "┴", "┘"))
    return "\n".join(out)


def color_enabled() -> bool:
    """ANSI styles only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def style(text: str, *, bold: bool = False, dim: bool = False, italic: bool = False) -> str:
    if not color_enabled() or not (bold or dim or italic):
        return text
    codes = ";".join(code for on, code in ((bold, "1"), (dim, "2"), (italic, "3")) if on)
    return f"\x1b[{codes}m{text}\x1b[0m"


def echo(text: str = "") -> None:
    sys.stdout.write(text + "\n")
