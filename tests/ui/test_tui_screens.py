"""Snapshots of the full-screen session UI's main screens, in English and Korean, and the
reactive status widgets' promise: an idle screen redraws nothing.

The snapshots are Textual's own SVG screenshots (`App.export_screenshot`) of a headless run on
a fake clock with a fixed session id, compared with tests/golden/ui/*.svg; UPDATE_GOLDEN=1
rewrites them (then read the diff, or open the SVG in a browser).
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from sysdesign.library import library
from sysdesign.session.clock import FakeClock
from sysdesign.session.engine import Session, new_session
from sysdesign.store import open_store
from sysdesign.ui.tui import QuitScreen, SessionApp

GOLDEN = Path(__file__).parent.parent / "golden" / "ui"
DATA = Path(__file__).parent.parent / "session" / "data"
SIZE = (110, 32)


@pytest.fixture()
def minichat(home: Path) -> Path:
    """The tests/session fixture scenario and rubric, installed as the user's own files."""
    (home / "scenarios").mkdir(exist_ok=True)
    (home / "rubrics").mkdir(exist_ok=True)
    shutil.copy(DATA / "minichat.scenario.yaml", home / "scenarios" / "minichat.yaml")
    shutil.copy(DATA / "minichat.rubric.yaml", home / "rubrics" / "minichat.yaml")
    return DATA


def _session(clock: FakeClock, lang: str) -> Session:
    lib = library()
    return new_session(
        open_store(),
        lib.scenario("minichat"),
        lib.rubric("minichat"),
        clock=clock,
        lang=lang,
        session_id=f"snap-{lang}",
    )


def _drive(app: SessionApp, steps: Callable[[Pilot[str]], Awaitable[None]]) -> None:
    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await steps(pilot)

    asyncio.run(main())


def _golden(name: str, svg: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"no golden file {path}; run with UPDATE_GOLDEN=1 and read the diff")
    assert svg == path.read_text(encoding="utf-8"), f"the screen differs from {path}"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_main_screen_snapshot(minichat: Path, lang: str) -> None:
    clock = FakeClock()
    app = SessionApp(_session(clock, lang), tick_seconds=3600)

    async def steps(pilot: Pilot[str]) -> None:
        clock.advance(200)
        await pilot.press(*"?how many users", "enter")
        await pilot.pause()
        app.tick()
        await pilot.pause()
        _golden(f"session-main.{lang}.svg", app.export_screenshot(title="sysdesign"))

    _drive(app, steps)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_quit_dialog_snapshot(minichat: Path, lang: str) -> None:
    clock = FakeClock()
    app = SessionApp(_session(clock, lang), tick_seconds=3600)

    async def steps(pilot: Pilot[str]) -> None:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        _golden(f"session-quit.{lang}.svg", app.export_screenshot(title="sysdesign"))

    _drive(app, steps)


def test_idle_ticks_redraw_nothing_and_a_second_redraws_the_clock_only(minichat: Path) -> None:
    clock = FakeClock()
    app = SessionApp(_session(clock, "en"), tick_seconds=3600)
    updates: list[str] = []

    async def steps(pilot: Pilot[str]) -> None:
        for widget_id in ("clock", "phases", "side", "keys"):
            widget = app.query_one("#" + widget_id, Static)
            real = widget.update

            def counted(
                *args: object, _id: str = widget_id, _real: object = real, **kw: object
            ) -> None:
                updates.append(_id)
                _real(*args, **kw)  # type: ignore[operator]

            widget.update = counted  # type: ignore[method-assign]
        app.tick()
        app.tick()
        assert updates == []  # nothing changed: no widget was touched
        clock.advance(1)
        app.tick()
        assert "clock" in updates and "keys" not in updates and "side" not in updates
        before = app.status_clock
        clock.advance(1)
        app.tick()
        assert app.status_clock != before

    _drive(app, steps)
