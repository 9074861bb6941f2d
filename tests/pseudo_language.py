"""A made-up third language, `xx`, built from the English of every catalogue entry and marked
⟦…⟧, so a test sees which lines went through the catalogue. `common.text` (a text whose two
languages come with it, as data files give them) is passed through unmarked."""

from __future__ import annotations

import pytest

from sysdesign.messages import catalogue

PSEUDO = "xx"
PASSED_THROUGH = "common.text"


def pseudo(template: str) -> str:
    return "⟦" + template + "⟧"


def install(monkeypatch: pytest.MonkeyPatch) -> str:
    """Add `xx` to every catalogue entry (undone when the test ends); returns its code."""
    for key, templates in catalogue().items():
        text = templates["en"] if key == PASSED_THROUGH else pseudo(templates["en"])
        monkeypatch.setitem(templates, PSEUDO, text)
    return PSEUDO
