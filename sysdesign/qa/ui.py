"""The round's line handling, shared by the plain line mode and the full-screen mode.

An answer is one or more lines; an empty line or `:done` ends it and only then is it graded,
committed and acknowledged. Commands (at any time): `:skip`, `:hint`, `:pause`, `:resume`,
`:status`, `:help`, `:quit`.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

from sysdesign.messages import message
from sysdesign.session.events import Msg

if TYPE_CHECKING:
    from sysdesign.qa.round import QaRound

HELP = Msg("info", message("qa.ui.type_your_answer_several_lines"))


class QaLines:
    """Turns typed lines into round actions."""

    def __init__(self, rnd: QaRound) -> None:
        self.round = rnd
        self.buffer: list[str] = []

    def feed(self, line: str) -> list[Msg]:
        r = self.round
        text = line.rstrip("\r\n")
        cmd = text.strip().lower()
        if cmd == ":done" or (cmd == "" and self.buffer):
            answer, self.buffer = "\n".join(self.buffer), []
            return r.answer(answer) if answer.strip() else []
        if cmd == "":
            return []
        if cmd.startswith(":"):
            if cmd == ":skip":
                self.buffer = []
                return r.skip()
            if cmd == ":hint":
                return r.hint()
            if cmd == ":pause":
                return r.pause()
            if cmd == ":resume":
                return r.resume()
            if cmd == ":quit":
                self.buffer = []
                return r.finish("quit")
            if cmd == ":status":
                return [self.status()]
            if cmd == ":help":
                return [HELP]
            return [Msg("error", message("qa.ui.unknown_command_help", cmd=cmd))]
        if r.status == "paused":
            return [Msg("error", message("qa.ui.paused_resume_first"))]
        self.buffer.append(text)
        return []

    def status(self) -> Msg:
        r = self.round
        left = int(r.remaining())
        answered = sum(1 for a in r.asked if a.done)
        return Msg(
            "info",
            message(
                "qa.ui.left_answered_score_so_far",
                left=left // 60,
                left_2=left % 60,
                answered=answered,
                score=r.score(),
            ),
        )


PREFIX = {"ack": "✓ ", "interviewer": "» ", "hint": "? ", "error": "✗ ", "info": "  "}


def run_plain(rnd: QaRound, stdin: TextIO, out: TextIO, *, begin: bool) -> bool:
    """The line mode; True when the round finished, False when the input ended (resumable)."""
    from sysdesign.ui.plain import LineReader

    lang = rnd.lang

    def show(msgs: list[Msg]) -> None:
        for m in msgs:
            out.write(PREFIX.get(m.kind, "  ") + m.get(lang) + "\n")
        out.flush()

    lines = QaLines(rnd)
    show(rnd.begin() if begin else [HELP, *([rnd.ask_msg(rnd.current)] if rnd.current else [])])
    reader = LineReader(stdin)
    poll = float(os.environ.get("SYSDESIGN_QA_POLL", "1.0"))
    try:
        while rnd.status != "finished":
            line: str | None = None
            while line is None and not reader.eof:
                line = reader.readline(poll)
                if line is None:
                    show(rnd.tick())
                    if rnd.status == "finished":
                        return True
            if line is None:
                if rnd.status == "running":
                    rnd.pause()
                show([Msg("info", message("qa.ui.end_of_input_round_paused", id=rnd.id))])
                return False
            show(lines.feed(line))
    except KeyboardInterrupt:
        if rnd.status == "running":
            rnd.pause()
        out.write("\n")
        show([Msg("info", message("qa.ui.interrupted_round_paused_resume_sysdesign", id=rnd.id))])
        return False
    return True


def use_plain(plain: bool) -> bool:
    return plain or not sys.stdin.isatty() or not sys.stdout.isatty()
