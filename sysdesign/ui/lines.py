"""One typed line → one engine call: the dispatch that every session UI shares.

The `--plain` line mode and the full-screen UI read the same lines and must mean the same thing
by them, so the mapping lives here once:

    ?TEXT          ask the interviewer (`Session.ask`)
    :COMMAND ARGS  a command (`COMMANDS`)
    anything else  `Session.say`: a question when it reads as one (`understand.speech`), else
                   the assumption asked for, the pending answer, or a note

Only the engine stores anything, and it commits before it returns, so the messages handed back
are safe to show as acknowledgements. Standard library only: the plain mode must stay light.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sysdesign.messages import message
from sysdesign.session.events import Msg, msg

if TYPE_CHECKING:
    from sysdesign.session.engine import Session


COMMANDS: tuple[str, ...] = (
    "next",
    "check",
    "hint",
    "pause",
    "resume",
    "skip",
    "quit",
    "design",
    "estimate",
    "answer",
    "note",
    "ask",
    "status",
    "help",
)


@dataclass(frozen=True)
class LineResult:
    """What a line did: `kind` is "" (blank line), "ask", "say", a command name or "unknown"."""

    kind: str
    msgs: list[Msg] = field(default_factory=list)


def usage(form: str) -> Msg:
    return msg("error", "ui.lines.usage_nothing_stored", form=form)


def help_msgs() -> list[Msg]:
    return [msg("info", "ui.lines.help")]


def status_msgs(session: Session) -> list[Msg]:
    """Time, phase, pending question and design status, as `:status` shows them."""
    from sysdesign.session.engine import clock_text

    s = session
    phase = s.state.phase
    out = [
        Msg(
            "info",
            message(
                "ui.lines.left_elapsed",
                title=phase.title if phase else "-",
                clock_text=clock_text(s.remaining()),
                clock_text_2=clock_text(s.elapsed()),
                status=s.status,
            ),
        )
    ]
    question = s.pending_question()
    if question:
        out.append(question)
    out.append(Msg("info", s._design_line()))
    return out


def handle_line(session: Session, line: str) -> LineResult:
    """Run one typed line against the session and return what to show."""
    s = session
    text = line.strip()
    if not text:
        return LineResult("")
    if text.startswith("?"):
        return LineResult("ask", s.ask(text[1:]))
    if not text.startswith(":"):
        return LineResult("say", s.say(text))
    command, _, rest = text[1:].partition(" ")
    command = command.lower()
    rest = rest.strip()
    actions: dict[str, Callable[[], list[Msg]]] = {
        "next": s.next_phase,
        "check": s.check,
        "hint": s.hint,
        "pause": s.pause,
        "resume": s.resume,
        "skip": s.skip,
        "quit": lambda: s.finish("quit"),
        "design": lambda: s.set_design(Path(rest)) if rest else [usage(":design PATH")],
        "estimate": lambda: s.estimate(rest),
        "answer": lambda: s.answer(rest) if rest else [usage(":answer TEXT")],
        "note": lambda: s.note(rest) if rest else [usage(":note TEXT")],
        "ask": lambda: s.ask(rest),
        "status": lambda: status_msgs(s),
        "help": help_msgs,
    }
    action = actions.get(command)
    if action is None:
        from sysdesign.yamlio import did_you_mean

        hint = did_you_mean(command, actions)
        return LineResult(
            "unknown",
            [msg("error", "ui.lines.unknown_command_help_lists_them", command=command, hint=hint)],
        )
    if command == "resume" and s.status != "paused":
        return LineResult(command, [msg("info", "ui.lines.the_clock_is_running")])
    return LineResult(command, action())
