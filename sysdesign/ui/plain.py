"""`--plain`: the line mode for pipes, scripts and screen readers.

One line in, one or more lines out. Every line that changes the session is acknowledged only
after its event is committed to the store. While a question is waiting for an answer (a
follow-up, or the assumption the interviewer asked for), a plain line is that answer; use
`:note TEXT` to write a note instead.

    ?TEXT          ask the interviewer a clarifying question
    :next          end this phase, start the next (in the last phase: finish)
    :design PATH   use another design file
    :check         re-read the design file and show the findings count
    :estimate ARGS run the estimator and commit its figures (--dau 50M --writes-per-user 40)
    :hint          a hint (costs points)
    :answer TEXT   answer the pending question
    :note TEXT     a note, even while a question is pending
    :skip          leave the pending question unanswered
    :pause, :resume
    :status        time, phase, pending question, design status
    :help
    :quit          end the session and write the report
    anything else  the pending answer, else a note

Standard input is read with `select` and `os.read` so that the loop wakes every second to show
time warnings, fire the curveball and notice design-file saves, without a thread.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

from sysdesign import messages

if TYPE_CHECKING:
    from sysdesign.session.engine import Session
    from sysdesign.session.events import Msg

POLL_SECONDS = 1.0

PREFIX = {
    "ack": "✓ ",
    "interviewer": "» ",
    "warning": "! ",
    "design": "◆ ",
    "estimate": "= ",
    "hint": "? ",
    "error": "✗ ",
    "info": "  ",
}


class LineReader:
    """Lines from a file descriptor, with a timeout, without Python's hidden buffering."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.buffer = b""
        self.eof = False
        try:
            self.fd: int | None = stream.fileno()
        except (AttributeError, OSError, ValueError):
            self.fd = None

    def readline(self, timeout: float) -> str | None:
        """A line (without its newline), '' at end of input handled by `eof`, None on timeout."""
        if self.fd is None:
            line = self.stream.readline()
            if not line:
                self.eof = True
                return None
            return line.rstrip("\r\n")
        while b"\n" not in self.buffer:
            if self.eof:
                break
            import select

            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                self.eof = True
                break
            self.buffer += chunk
        if b"\n" in self.buffer:
            raw, self.buffer = self.buffer.split(b"\n", 1)
        elif self.buffer:
            raw, self.buffer = self.buffer, b""
        else:
            return None
        return raw.decode("utf-8", errors="replace").rstrip("\r")


class PlainUI:
    def __init__(
        self,
        session: Session,
        *,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        lang: str | None = None,
        poll: float = POLL_SECONDS,
    ) -> None:
        self.session = session
        self.stdin = stdin or sys.stdin
        self.out = stdout or sys.stdout
        self.lang = lang or session.lang
        self.poll = poll
        self.interactive = _isatty(self.stdin) and _isatty(self.out)

    # -- output ---------------------------------------------------------------------------

    def show(self, msgs: list[Msg]) -> None:
        from sysdesign.session.engine import clock_text

        for m in msgs:
            text = m.get(self.lang)
            lines = text.splitlines() or [""]
            prefix = PREFIX.get(m.kind, "  ")
            if m.kind == "ack" and not self.interactive:
                prefix = f"{prefix}[{clock_text(self.session.remaining())}] "
            self.out.write(prefix + lines[0] + "\n")
            for extra in lines[1:]:
                self.out.write("  " + extra + "\n")
        self.out.flush()

    def prompt(self) -> None:
        if not self.interactive:
            return
        from sysdesign.session.engine import clock_text

        s = self.session
        phase = s.state.phase
        title = phase.title[self.lang] if phase else ""
        state = (
            messages.render("ui.plain.paused", self.lang)
            if s.status == "paused"
            else clock_text(s.remaining())
        )
        pending = " ?" if s.pending_question() else ""
        self.out.write(f"[{title} · {state}{pending}] › ")
        self.out.flush()

    # -- the loop -------------------------------------------------------------------------

    def run(self, opening: list[Msg] | None = None) -> bool:
        """Show `opening` (what `begin()`/`resume()` said), then run until :quit, the end of
        the last phase, or end of input. True when the session finished."""
        s = self.session
        self.show([_info("ui.plain.session_type_help_for_commands", id=s.id)])
        if s.state.design_path:
            self.show([_info("ui.plain.design_file_edit_it_in", design_path=s.state.design_path)])
        self.show(opening or [])
        reader = LineReader(self.stdin)
        try:
            while s.status != "finished":
                self.prompt()
                line: str | None = None
                while line is None and not reader.eof:
                    line = reader.readline(self.poll)
                    if line is None:
                        notices = s.tick()
                        if notices:
                            if self.interactive:
                                self.out.write("\n")
                            self.show(notices)
                            self.prompt()
                if line is None:  # end of input: keep the session for `resume`
                    self.show(s.suspend())
                    self.show([_info("ui.plain.end_of_input_session_paused", id=s.id)])
                    return False
                self.handle(line)
        except KeyboardInterrupt:
            self.out.write("\n")
            self.show(s.suspend())
            self.show([_info("ui.plain.interrupted_session_paused_resume_sysdesign", id=s.id)])
            return False
        return True

    def handle(self, line: str) -> None:
        from sysdesign.ui.lines import handle_line

        s = self.session
        result = handle_line(s, line)
        self.show(result.msgs)
        if result.kind in ("quit", "next") and s.status == "finished" and s.report:
            self.show_summary()

    def status(self) -> list[Msg]:
        from sysdesign.ui.lines import status_msgs

        return status_msgs(self.session)

    def show_summary(self) -> None:
        report = self.session.report
        if not report:
            return
        areas: dict[str, list[float]] = {}
        for item in report["breakdown"]:
            a = areas.setdefault(item["area"], [0.0, 0.0])
            a[0] += item["points"]
            a[1] += item["max"]
        from sysdesign.session.report import _area_name

        lines = [
            f"{_area_name(k, self.lang)}: {round(v[0], 1):g}/{round(v[1], 1):g}"
            for k, v in areas.items()
        ]
        self.show([_info("common.text", text="\n".join(lines))])


def _info(key: str, /, **params: object) -> Msg:
    from sysdesign.session.events import msg

    return msg("info", key, **params)


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False
