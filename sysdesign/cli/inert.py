"""Terminal output that user text cannot take over.

A design's name or label, a note or an answer may hold control characters (`\\e]0;…` sets the
window title, `\\e[2J` clears the screen, OSC 52 writes the clipboard). `InertStream` wraps
stdout and stderr and removes every control character except tab and newline, and every escape
sequence except colour (SGR, which rich itself writes, and only to a terminal). JSON output is
unaffected: `json.dumps` already escapes control characters.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

# ESC sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), and any other two-byte escape;
# then single C0 (except \t \n), DEL and C1 control characters.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]?"  # other escapes (or a lone ESC)
)
_SGR = re.compile(r"\x1b\[[0-9;]*m")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def inert(text: str, *, keep_colour: bool = False) -> str:
    """`text` without control characters (colour sequences kept when asked)."""

    def escape(match: re.Match[str]) -> str:
        seq = match.group(0)
        return seq if keep_colour and _SGR.fullmatch(seq) else ""

    if "\x1b" in text:
        text = _ESCAPES.sub(escape, text)
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


class InertStream:
    """A text stream that writes `inert(text)` to the stream it wraps."""

    def __init__(self, raw: TextIO) -> None:
        self._raw = raw
        try:
            self._colour = bool(raw.isatty())
        except (AttributeError, ValueError, OSError):
            self._colour = False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("InertStream writes text only")
        self._raw.write(inert(text, keep_colour=self._colour))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":  # no way around the filter
            raise AttributeError(name)
        return getattr(self._raw, name)
