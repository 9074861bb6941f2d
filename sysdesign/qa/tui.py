"""The full-screen mode of `sysdesign qa` (Textual): the conversation above, the input below.

Each submitted line goes through the same `QaLines` as the plain mode, so an answer is graded,
committed and only then shown as stored. Imported only when the full-screen mode runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App, ComposeResult
from textual.widgets import Footer, Input, RichLog, Static

from sysdesign.qa.ui import HELP, PREFIX, QaLines

if TYPE_CHECKING:
    from sysdesign.qa.round import QaRound
    from sysdesign.session.events import Msg


class QaApp(App[bool]):
    CSS = "RichLog { height: 1fr; } #clock { height: 1; }"

    def __init__(self, rnd: QaRound, *, begin: bool) -> None:
        super().__init__()
        self.round = rnd
        self.lines = QaLines(rnd)
        self.begin = begin

    def compose(self) -> ComposeResult:
        yield Static(id="clock")
        yield RichLog(wrap=True, markup=False)
        yield Input(placeholder=HELP.get(self.round.lang))
        yield Footer()

    def on_mount(self) -> None:
        r = self.round
        opening = (
            r.begin() if self.begin else [HELP, *([r.ask_msg(r.current)] if r.current else [])]
        )
        self.show(opening)
        self.set_interval(1.0, self.tick)
        self.tick()
        self.query_one(Input).focus()

    def show(self, msgs: list[Msg]) -> None:
        log = self.query_one(RichLog)
        for m in msgs:
            log.write(PREFIX.get(m.kind, "  ") + m.get(self.round.lang))
        if self.round.status == "finished":
            self.exit(True)

    def tick(self) -> None:
        self.show(self.round.tick())
        self.query_one("#clock", Static).update(self.lines.status().get(self.round.lang))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.value = ""
        if event.value.strip():
            self.query_one(RichLog).write("< " + event.value)
        self.show(self.lines.feed(event.value))


def run(rnd: QaRound, *, begin: bool) -> bool:
    """True when the round finished; False when the window closed first (the round pauses)."""
    done = QaApp(rnd, begin=begin).run()
    if not done and rnd.status == "running":
        rnd.pause()
        print(
            f"Round paused. Resume: sysdesign qa resume {rnd.id}"
            if rnd.lang != "ko"
            else f"라운드를 멈췄습니다. 이어서: sysdesign qa resume {rnd.id}"
        )
    return bool(done)
