"""The full-screen session UI, driven headless by Textual's pilot on a fake clock.

Each test presses the real keys (typing into the input, ctrl+n, ctrl+t, ctrl+k, ctrl+p,
ctrl+q) and then checks two things: what the screen shows, and what the store holds, read back
through a second connection to the SQLite file.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, Static

from sysdesign.library import library
from sysdesign.session.clock import FakeClock
from sysdesign.session.engine import Session, new_session, open_session
from sysdesign.store import open_store
from sysdesign.ui.tui import QuitScreen, SessionApp

DATA = Path(__file__).parent.parent / "session" / "data"


@pytest.fixture()
def minichat(home: Path) -> Path:
    """The tests/session fixture scenario and rubric, installed as the user's own files."""
    (home / "scenarios").mkdir(exist_ok=True)
    (home / "rubrics").mkdir(exist_ok=True)
    shutil.copy(DATA / "minichat.scenario.yaml", home / "scenarios" / "minichat.yaml")
    shutil.copy(DATA / "minichat.rubric.yaml", home / "rubrics" / "minichat.yaml")
    return DATA


def _session(clock: FakeClock, *, lang: str = "en", design: Path | None = None) -> Session:
    lib = library()
    return new_session(
        open_store(),
        lib.scenario("minichat"),
        lib.rubric("minichat"),
        clock=clock,
        lang=lang,
        design_path=design,
    )


def _drive(app: SessionApp, steps: Callable[[Pilot[str]], Awaitable[None]]) -> None:
    async def main() -> None:
        async with app.run_test(size=(150, 40)) as pilot:
            await pilot.pause()
            await steps(pilot)

    asyncio.run(main())


async def _type(pilot: Pilot[str], line: str) -> None:
    await pilot.press(*line, "enter")
    await pilot.pause()


def _stored(session_id: str) -> list[tuple[str, dict[str, Any]]]:
    """The session's events as another process would read them."""
    with open_store() as store:
        return [(e.type, e.payload) for e in store.events(session_id)]


def _shown(app: SessionApp, widget_id: str) -> str:
    content = app.query_one("#" + widget_id, Static).content
    return content.plain if isinstance(content, Text) else str(content)


def test_typed_lines_are_stored_before_they_are_acknowledged(minichat: Path) -> None:
    session = _session(FakeClock())
    app = SessionApp(session)

    async def steps(pilot: Pilot[str]) -> None:
        assert "What are the functional requirements?" in app.panel_text()
        assert "Waiting for your answer" in _shown(app, "side")
        await _type(pilot, "send messages and read the history")
        assert (
            "followup_answered",
            {"id": "functional", "text": "send messages and read the history"},
        ) in _stored(session.id)
        assert "answer recorded" in app.panel_text()
        await _type(pilot, "messages are kept for a year")
        noted = [p for t, p in _stored(session.id) if t == "noted"]
        assert noted == [{"text": "messages are kept for a year"}]
        assert "✓ noted (#1)" in app.panel_text()
        assert "› messages are kept for a year" in app.panel_text()
        assert app.query_one("#line", Input).value == ""

    _drive(app, steps)


def test_question_gets_the_facts_answer(minichat: Path) -> None:
    session = _session(FakeClock())
    app = SessionApp(session)

    async def steps(pilot: Pilot[str]) -> None:
        await pilot.press("ctrl+r")  # ask: the input gets its '?'
        assert app.query_one("#line", Input).value == "?"
        await _type(pilot, "how many users")
        assert "» Ten million daily active users." in app.panel_text()
        events = _stored(session.id)
        assert ("asked", {"text": "how many users"}) in events
        answered = [p for t, p in events if t == "answered"]
        assert answered[-1]["facts"] == ["dau"]
        await _type(pilot, "?what colour is the logo")
        assert "state your assumption" in app.panel_text()

    _drive(app, steps)


def test_next_phase_moves_the_phase_bar(minichat: Path) -> None:
    clock = FakeClock()
    session = _session(clock)
    app = SessionApp(session)

    def current(bar: Text) -> str:
        return "".join(bar.plain[s.start : s.end] for s in bar.spans if "reverse" in str(s.style))

    async def steps(pilot: Pilot[str]) -> None:
        bar = app.query_one("#phases", Static).content
        assert isinstance(bar, Text)
        assert "Requirements" in current(bar)
        clock.advance(200)
        app.tick()
        assert "03:20/10:00" in _shown(app, "phases")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert session.state.phase_id == "high_level"
        bar = app.query_one("#phases", Static).content
        assert isinstance(bar, Text)
        assert "High-level design" in current(bar) and "Requirements" not in current(bar)
        assert "1 Requirements 03:20/10:00" in bar.plain
        assert "Phase 2/4: High-level design" in app.panel_text()
        assert [p["phase"] for t, p in _stored(session.id) if t == "phase_started"] == [
            "requirements",
            "high_level",
        ]

    _drive(app, steps)


def test_countdown_turns_yellow_then_red_and_warns(minichat: Path) -> None:
    clock = FakeClock()
    session = _session(clock)
    app = SessionApp(session)

    async def steps(pilot: Pilot[str]) -> None:
        clock_widget = app.query_one("#clock", Static)
        assert "Requirements: 10:00 left · total 40:00 left" in _shown(app, "clock")
        assert not clock_widget.has_class("warn")
        clock.advance(5 * 60)
        app.tick()
        assert clock_widget.has_class("warn")
        assert "5 minutes left in Requirements." in app.panel_text()
        clock.advance(5 * 60 + 30)
        app.tick()
        assert clock_widget.has_class("over") and not clock_widget.has_class("warn")
        assert "00:30 over" in _shown(app, "clock")
        assert "Time is up for Requirements." in app.panel_text()

    _drive(app, steps)


def test_pause_stops_the_clock(minichat: Path) -> None:
    clock = FakeClock()
    session = _session(clock)
    app = SessionApp(session)

    async def steps(pilot: Pilot[str]) -> None:
        clock.advance(60)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert session.status == "paused"
        assert "PAUSED" in _shown(app, "clock")
        assert "^P resume" in _shown(app, "keys")
        shown = _shown(app, "clock")
        clock.advance(600)
        app.tick()
        assert session.elapsed() == 60
        assert _shown(app, "clock") == shown
        await _type(pilot, "a note while paused")
        assert "noted while paused" in app.panel_text()
        assert session.state.notes[-1].text == "a note while paused"
        assert session.elapsed() == 60
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert session.status == "running"
        clock.advance(30)
        app.tick()
        assert session.elapsed() == 90
        types = [t for t, _ in _stored(session.id)]
        assert types.count("paused") == 1 and types.count("resumed") == 1
        assert types.index("paused") < types.index("noted") < types.index("resumed")

    _drive(app, steps)


def test_hint_key_records_the_hint(minichat: Path) -> None:
    session = _session(FakeClock())
    app = SessionApp(session)

    async def steps(pilot: Pilot[str]) -> None:
        await pilot.press("ctrl+t")
        await pilot.pause()
        hints = [p for t, p in _stored(session.id) if t == "hint_taken"]
        assert len(hints) == 1 and hints[0]["cost"] == 2.0
        assert "Hint (−2 points)" in app.panel_text()
        await pilot.press("f2")
        await pilot.pause()
        assert len([t for t, _ in _stored(session.id) if t == "hint_taken"]) == 2

    _drive(app, steps)


def test_check_key_updates_the_design_status(minichat: Path, tmp_path: Path) -> None:
    design = tmp_path / "design.yaml"
    shutil.copy(DATA / "broken.yaml", design)
    session = _session(FakeClock(), design=design)
    app = SessionApp(session)

    async def steps(pilot: Pilot[str]) -> None:
        side = _shown(app, "side")
        assert "design.yaml" in side and "✗ invalid" in side
        shutil.copy(DATA / "strong-v1.yaml", design)
        await pilot.press("ctrl+k")
        await pilot.pause()
        side = _shown(app, "side")
        assert "✓ valid" in side
        assert "components: 5" in side
        counts = session.design_status().counts
        assert (
            f"critical {counts['critical']} · major {counts['major']} · minor {counts['minor']}"
            in side
        )
        saves = [p for t, p in _stored(session.id) if t == "design_saved"]
        assert [s["valid"] for s in saves] == [False, True]
        assert "Design saved." in app.panel_text()

    _drive(app, steps)


def test_quit_confirms_finishes_and_shows_the_report(minichat: Path) -> None:
    session = _session(FakeClock())
    report_path = Path("/somewhere/report.md")
    app = SessionApp(session, report_path=report_path)

    async def steps(pilot: Pilot[str]) -> None:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("ctrl+n", "ctrl+t")  # the session keys wait while the dialog is open
        assert session.state.phase_id == "requirements" and not session.state.hints
        await pilot.press("n")  # back: nothing happens
        await pilot.pause()
        assert not isinstance(app.screen, QuitScreen) and session.status == "running"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert session.status == "finished"
        with open_store() as store:
            row = store.session(session.id)
            assert row is not None and row.status == "finished"
            assert row.meta["report"]["format"] == 2  # one record, any language
            assert row.score == row.meta["report"]["score"]
        assert "Session finished. Score:" in app.panel_text()
        assert "Clarifying questions:" in app.panel_text()
        assert str(report_path) in _shown(app, "side")
        assert f"sysdesign report {session.id}" in _shown(app, "side")
        assert "Finished · score" in _shown(app, "clock")
        await pilot.press("enter")
        await pilot.pause()

    _drive(app, steps)
    assert app.return_value == "finished" and app.outcome == "finished"


def test_quit_can_leave_the_session_for_resume(minichat: Path) -> None:
    clock = FakeClock()
    session = _session(clock)
    app = SessionApp(session)

    async def steps(pilot: Pilot[str]) -> None:
        await _type(pilot, ":note remember the fan-out")
        clock.advance(90)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()

    _drive(app, steps)
    assert app.return_value == "left" and session.status == "paused"

    clock.advance(3600)  # the candidate comes back an hour later
    again = open_session(open_store(), session.id, clock=clock)
    resumed = SessionApp(again, begin=False)

    async def check(pilot: Pilot[str]) -> None:
        text = resumed.panel_text()
        assert "› remember the fan-out" in text  # the conversation so far, from the store
        assert "What are the functional requirements?" in text
        assert "Resumed at 01:30" in text
        assert "Requirements: 08:30 left" in _shown(resumed, "clock")

    _drive(resumed, check)


def test_korean_session_speaks_korean(minichat: Path) -> None:
    session = _session(FakeClock(), lang="ko")
    app = SessionApp(session)

    async def steps(pilot: Pilot[str]) -> None:
        keys = _shown(app, "keys")
        for word in ("다음 단계", "질문", "힌트", "설계 확인", "일시정지", "종료"):
            assert word in keys
        assert "요구사항: 10:00 남음" in _shown(app, "clock")
        assert "기능 요구사항은 무엇인가요?" in app.panel_text()
        await _type(pilot, "?몇 명")
        assert "일일 활성 사용자는 천만 명입니다." in app.panel_text()
        await _type(pilot, ":frobnicate")
        assert "알 수 없는 명령 :frobnicate" in app.panel_text()

    _drive(app, steps)


def test_the_interval_timer_drives_tick(minichat: Path) -> None:
    clock = FakeClock()
    session = _session(clock)
    app = SessionApp(session, tick_seconds=0.01)

    async def steps(pilot: Pilot[str]) -> None:
        clock.advance(25 * 60)  # past the curveball's minute, with no key pressed
        await pilot.pause(0.1)
        assert "Change of plan: Offline users must now get push notifications." in (
            app.panel_text()
        )
        assert any(t == "curveball" for t, _ in _stored(session.id))

    _drive(app, steps)


def test_start_picks_the_full_screen_ui_only_on_a_terminal(
    minichat: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sysdesign.cli import session_cmds
    from sysdesign.ui import plain, tui

    calls: list[str] = []

    def fake_tui(session: Session, **_: object) -> bool:
        calls.append("tui")
        return False

    def fake_plain(self: plain.PlainUI, opening: object = None) -> bool:
        calls.append("plain")
        return False

    monkeypatch.setattr(tui, "run", fake_tui)
    monkeypatch.setattr(plain.PlainUI, "run", fake_plain)

    class Stream:
        def __init__(self, tty: bool) -> None:
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

        def write(self, text: str) -> int:
            return len(text)

        def flush(self) -> None:
            pass

    for stdin_tty, stdout_tty, flag, expected in [
        (True, True, False, "tui"),
        (True, True, True, "plain"),
        (False, True, False, "plain"),
        (True, False, False, "plain"),
    ]:
        session = _session(FakeClock())
        monkeypatch.setattr(sys, "stdin", Stream(stdin_tty))
        monkeypatch.setattr(sys, "stdout", Stream(stdout_tty))
        session_cmds._run_live(session, flag, "en", sys.stdout, begin=True)
        assert calls[-1] == expected, (stdin_tty, stdout_tty, flag)


def test_a_tick_during_teardown_draws_nothing_and_raises_nothing(minichat: Path) -> None:
    """The interval timer can fire after the widgets are gone; it must not crash the app."""
    clock = FakeClock()
    session = _session(clock)
    app = SessionApp(session)

    async def steps(pilot: Pilot[str]) -> None:
        for widget in list(app.screen.query("*")):
            await widget.remove()
        clock.advance(60)
        app.tick()  # no #panel any more: nothing to draw, nothing raised
        assert session.elapsed() == 60

    _drive(app, steps)
