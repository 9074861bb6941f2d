"""Checks that a Markdown post renders as intended on GitHub (GFM)."""

from __future__ import annotations

import re

import yaml


def split_front_matter(text: str) -> tuple[dict[str, object] | None, str]:
    if not text.startswith("---\n"):
        return None, text
    end = text.index("\n---\n", 4)
    data = yaml.safe_load(text[4:end])
    assert isinstance(data, dict)
    return data, text[end + 5 :]


def _cells(row: str) -> int:
    """Cells in a GFM table row: pipes not escaped with a backslash, minus the outer two."""
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def check_github_markdown(text: str) -> None:
    """Front matter parses, fences balance, tables are rectangular and follow a blank line,
    and no raw HTML tag appears outside code."""
    _, body = split_front_matter(text)
    lines = body.split("\n")
    in_fence = False
    fences = 0
    table_width: int | None = None
    for number, line in enumerate(lines):
        if line.startswith("```"):
            in_fence = not in_fence
            fences += 1
            continue
        if in_fence:
            continue
        if line.startswith("|"):
            width = _cells(line)
            if table_width is None:
                previous = lines[number - 1] if number else ""
                assert previous == "", f"table must follow a blank line: {line!r}"
                nxt = lines[number + 1]
                assert re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", nxt), f"no delimiter row after {line!r}"
                table_width = width
            assert width == table_width, f"row has {width} cells, header {table_width}: {line!r}"
        else:
            table_width = None
        if line.startswith("#"):
            assert re.match(r"#{1,6} \S", line), f"bad heading {line!r}"
            previous = lines[number - 1] if number else ""
            assert previous == "", f"heading must follow a blank line: {line!r}"
        outside_code = re.sub(r"`+[^`]*`+", "", line)
        assert not re.search(r"<[A-Za-z/!]", outside_code), f"raw HTML in {line!r}"
    assert fences % 2 == 0 and not in_fence, "unbalanced code fences"
