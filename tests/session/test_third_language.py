"""A third language added to the message catalogue alone reaches what the session engine and
the plain UI show: every line of these actions comes out in it (the pseudo-language marks each
catalogue line ⟦…⟧)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sysdesign.library import library
from sysdesign.session.clock import FakeClock
from sysdesign.session.engine import new_session
from sysdesign.store import open_store
from sysdesign.ui.lines import handle_line
from tests import pseudo_language


def _marked(text: str) -> bool:
    return text.startswith("⟦") and text.endswith("⟧")


def test_engine_lines_follow_a_language_the_catalogue_alone_adds(
    minichat: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xx = pseudo_language.install(monkeypatch)
    clock = FakeClock()
    lib = library()
    s = new_session(
        open_store(), lib.scenario("minichat"), lib.rubric("minichat"), clock=clock, lang=xx
    )
    refused = s.note("too early")
    assert [m.get(xx) for m in refused] == ["⟦The session has not begun.⟧"]
    s.begin()
    shown = [*s.note("fan-out on write"), *s.pause(), *s.note("while paused"), *s.resume()[:0]]
    shown += s.ask("")
    texts = [m.get(xx) for m in shown]
    assert len(texts) == 4 and all(_marked(t) for t in texts), texts
    assert texts[0] == "⟦noted (#1)⟧"
    s.resume()
    clock.advance(10_000)
    warnings = [m.get(xx) for m in s.tick() if m.kind == "warning"]
    assert warnings and all(_marked(t) for t in warnings), warnings
    lines = [m.get(xx) for m in handle_line(s, ":nosuch").msgs + handle_line(s, ":help").msgs]
    assert len(lines) == 2 and all(_marked(t) for t in lines), lines


def test_the_plain_ui_speaks_the_added_language(
    minichat: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sysdesign.ui.plain import PlainUI

    xx = pseudo_language.install(monkeypatch)
    lib = library()
    s = new_session(
        open_store(), lib.scenario("minichat"), lib.rubric("minichat"), clock=FakeClock(), lang=xx
    )
    out = io.StringIO()
    PlainUI(s, stdin=io.StringIO(":note\n"), stdout=out, lang=xx, poll=0.0).run(s.begin())
    text = out.getvalue()
    assert f"⟦End of input: session paused. Resume: sysdesign resume {s.id}⟧" in text
    assert "⟦usage: :note TEXT (nothing stored)⟧" in text
