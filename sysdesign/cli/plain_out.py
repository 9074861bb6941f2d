"""What rich prints when it writes to a pipe or a file, without importing rich's console.

`check` prints lines and one table. Where rich writes no colour or control code (stdout is not
a terminal, no FORCE_COLOR or TTY_COMPATIBLE=1, a UTF-8 stream, not Windows), its output is
the text wrapped at the console width; this module lays it out with rich's own measuring and
line-breaking functions (`rich.cells`, `rich._wrap`), and its table layout (column widths from
each cell's shortest and longest line, collapsed widest-first to fit, heavy-head box without
edges, one space of padding), so the bytes are the same (`tests/design/test_plain_out.py`
compares the two on every bundled design, in both languages). Importing `rich.console` and
`rich.table` costs `check` about half the start-up of a typer CLI.

Text that rich would read as markup, an emoji code or a control character (`[`, `\\`,
`:name:`, tabs, carriage returns…) is not laid out here: `plain_width` callers check
`is_plain` and let rich print anything else.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
from typing import Literal

Justify = Literal["left", "right"]

_RICH_SPECIAL = re.compile(r"[\[\\\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]|:\S*?:")
_TRAILING_SPACE = re.compile(r"\s+$")


def plain_width() -> int | None:
    """The width rich would wrap stdout at when it writes plain text there, or None when rich
    would write colour or control codes (or box characters other than its Unicode ones)."""
    if sys.platform == "win32":
        return None
    env = os.environ
    if "FORCE_COLOR" in env or env.get("TTY_COMPATIBLE", "") == "1":
        return None
    out = sys.stdout
    try:
        if out is None or out.isatty():
            return None
    except (AttributeError, ValueError, OSError):
        return None
    encoding = (getattr(out, "encoding", None) or "utf-8").lower()
    if not encoding.startswith("utf"):
        return None
    width: int | None = None
    for fd in (0, 1, 2):  # rich.console.Console.size
        try:
            width, _ = os.get_terminal_size(fd)
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = env.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    return width or 80


def is_plain(*texts: str) -> bool:
    """Whether rich would print each text as it is (no markup, emoji code or control)."""
    return not any(_RICH_SPECIAL.search(t) for t in texts)


_BRACKETED = re.compile(r"\[[^\[\]]*\]")


def is_plain_escaped(texts: list[str], escaped: list[str], markup: list[str]) -> bool:
    """Whether rich prints `texts` as they are when the pieces `escaped` were passed through
    `rich.markup.escape` and the pieces `markup` were not: `[` only in escaped pieces, each
    in a bracketed group of its own (`tags: [presence]`), which escaping keeps literal."""
    if any("[" in t for t in markup):
        return False
    if any("[" in _BRACKETED.sub("", t) for t in escaped):
        return False
    return is_plain(*(_BRACKETED.sub("", t) for t in texts))


def _split(line: str, width: int, *, fold: bool) -> list[str]:
    from rich._wrap import divide_line

    offsets = divide_line(line, width, fold=fold)
    bounds = [0, *offsets, len(line)]
    return [line[a:b] for a, b in itertools.pairwise(bounds)]


def _rstrip_end(line: str, size: int) -> str:
    """`rich.text.Text.rstrip_end`: trailing whitespace beyond `size` characters removed."""
    if len(line) > size:
        found = _TRAILING_SPACE.search(line)
        if found is not None:
            return line[: len(line) - min(len(found.group(0)), len(line) - size)]
    return line


def _truncate(line: str, width: int, *, ellipsis: bool, pad: bool = False) -> str:
    """`rich.text.Text.truncate`."""
    from rich.cells import cell_len, set_cell_size

    length = cell_len(line)
    if length > width:
        line = set_cell_size(line, width - 1) + "…" if ellipsis else set_cell_size(line, width)
    if pad and length < width:
        line += " " * (width - length)
    return line


def wrap(text: str, width: int, justify: Justify | None = None) -> list[str]:
    """`Text.wrap`: `justify=None` is rich's default (lines as broken, folding long words);
    in a table cell, `left` or `right` pads each line to `width`, cutting a long word with
    an ellipsis."""
    from rich.cells import cell_len

    out: list[str] = []
    fold = justify is None
    for line in text.split("\n"):
        pieces = [_rstrip_end(p, width) for p in _split(line, width, fold=fold)]
        if justify == "left":
            pieces = [_truncate(p, width, ellipsis=True, pad=True) for p in pieces]
        elif justify == "right":
            pieces = [_truncate(p.rstrip(), width, ellipsis=True) for p in pieces]
            pieces = [" " * (width - cell_len(p)) + p for p in pieces]
        out.extend(_truncate(p, width, ellipsis=not fold) for p in pieces)
    return out


def line(text: str, width: int) -> str:
    """What `Console.print(text)` writes for plain text, newline included."""
    from rich.cells import cell_len, set_cell_size

    lines = wrap(text, width)
    return "".join((set_cell_size(s, width) if cell_len(s) > width else s) + "\n" for s in lines)


def _normalize(low: int, high: int) -> tuple[int, int]:
    """`Measurement.normalize`."""
    low = min(max(0, low), high)
    return max(0, low), max(0, max(low, high))


def _measure(text: str, max_width: int) -> tuple[int, int]:
    """`Measurement.get` of a table cell: the text padded with one space each side."""
    from rich.cells import cell_len

    if max_width < 1:
        return 0, 0
    if max_width - 2 < 1:
        low, high = max_width, max_width
    else:  # Padding.__rich_measure__ measures the text within the same width
        lines = text.splitlines()
        longest = max((cell_len(s) for s in lines), default=0)
        words = text.split()
        low, high = _normalize(max((cell_len(w) for w in words), default=longest), longest)
        low, high = min(low, max_width), min(high, max_width)
        low, high = (0, 0) if high < 1 else _normalize(low, high)
        low, high = min(low + 2, max_width), min(high + 2, max_width)
    low, high = _normalize(low, high)
    low, high = min(low, max_width), min(high, max_width)
    return (0, 0) if high < 1 else _normalize(low, high)


def _ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    """`rich._ratio.ratio_reduce`."""
    ratios = [r if m else 0 for r, m in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    out: list[int] = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            given = min(maximum, round(ratio * remaining / total_ratio))
            out.append(value - given)
            remaining -= given
            total_ratio -= ratio
        else:
            out.append(value)
    return out


def _collapse(widths: list[int], max_width: int) -> list[int]:
    """`rich.table.Table._collapse_widths` with every column wrapable."""
    total = sum(widths)
    excess = total - max_width
    while total and excess > 0:
        widest = max(widths)
        second = max(w if w != widest else 0 for w in widths)
        difference = widest - second
        ratios = [1 if w == widest else 0 for w in widths]
        if not any(ratios) or not difference:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
        total = sum(widths)
        excess = total - max_width
    return widths


def _column_width(cells: list[str], max_width: int) -> tuple[int, int]:
    if max_width < 1:
        return 0, 0
    measured = [_measure(c, max_width) for c in cells]
    low = max((m[0] for m in measured), default=1)
    high = max((m[1] for m in measured), default=max_width)
    return min(low, max_width), min(high, max_width)


def table(
    headers: list[str], justify: list[Justify], rows: list[list[str]], width: int
) -> str | None:
    """What `Console.print(Table(...))` writes for `Table(show_edge=False)` with these columns
    and rows, or None when a column would be too narrow to lay out here."""
    columns = [[h, *(r[i] for r in rows)] for i, h in enumerate(headers)]
    max_width = width - (len(headers) - 1)
    widths = [_column_width(c, max_width)[1] or 1 for c in columns]
    if sum(widths) > max_width:
        widths = _collapse(widths, max_width)
        if sum(widths) > max_width:
            widths = _ratio_reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
        widths = [_column_width(c, w)[1] or 0 for c, w in zip(columns, widths, strict=True)]
    if min(widths) < 3:
        return None
    out: list[str] = []
    all_rows = [headers, *rows]
    for index, row in enumerate(all_rows):
        cells = [
            [f" {s} " for s in wrap(text, w - 2, justify=j)]
            for text, w, j in zip(row, widths, justify, strict=True)
        ]
        height = max(len(c) for c in cells)
        for c, w in zip(cells, widths, strict=True):
            blank = [" " * w] * (height - len(c))
            c[:] = blank + c if index == 0 else c + blank  # the header sits at the bottom
        divider = "┃" if index == 0 else "│"
        out.extend(divider.join(parts) + "\n" for parts in zip(*cells, strict=True))
        if index == 0:
            out.append("╇".join("━" * w for w in widths) + "\n")
    return "".join(out)
