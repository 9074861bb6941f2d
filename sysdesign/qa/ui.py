"""The round's line handling, shared by the plain line mode and the full-screen mode.

An answer is one or more lines; an empty line or `:done` ends it and only then is it graded,
committed and acknowledged. Commands (at any time): `:skip`, `:hint`, `:pause`, `:resume`,
`:status`, `:help`, `:quit`.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

from sysdesign.session.events import Msg

if TYPE_CHECKING:
    from sysdesign.qa.round import QaRound

HELP = Msg(
    "info",
    "Type your answer (several lines are fine); an empty line or :done sends it. "
    ":hint (costs points), :skip, :pause, :resume, :status, :quit.",
    "답을 쓰세요(여러 줄 가능). 빈 줄이나 :done으로 보냅니다. "
    ":hint(감점), :skip, :pause, :resume, :status, :quit.",
)


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
            return [Msg("error", f"Unknown command {cmd}. :help", f"모르는 명령 {cmd}. :help")]
        if r.status == "paused":
            return [Msg("error", "Paused: :resume first.", "일시 정지 중입니다. 먼저 :resume.")]
        self.buffer.append(text)
        return []

    def status(self) -> Msg:
        r = self.round
        left = int(r.remaining())
        answered = sum(1 for a in r.asked if a.done)
        return Msg(
            "info",
            f"{left // 60}:{left % 60:02d} left, {answered} answered, score so far {r.score():g}.",
            f"남은 시간 {left // 60}:{left % 60:02d}, 답한 질문 {answered}개, "
            f"지금까지 점수 {r.score():g}.",
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
                show(
                    [
                        Msg(
                            "info",
                            f"End of input: round paused. Resume: sysdesign qa resume {rnd.id}",
                            f"입력이 끝나 라운드를 멈췄습니다. 이어서: sysdesign qa resume {rnd.id}",
                        )
                    ]
                )
                return False
            show(lines.feed(line))
    except KeyboardInterrupt:
        if rnd.status == "running":
            rnd.pause()
        out.write("\n")
        show(
            [
                Msg(
                    "info",
                    f"Interrupted: round paused. Resume: sysdesign qa resume {rnd.id}",
                    f"중단하여 라운드를 멈췄습니다. 이어서: sysdesign qa resume {rnd.id}",
                )
            ]
        )
        return False
    return True


def use_plain(plain: bool) -> bool:
    return plain or not sys.stdin.isatty() or not sys.stdout.isatty()
