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

from sysdesign.session.events import Msg

if TYPE_CHECKING:
    from sysdesign.session.engine import Session

HELP_EN = """Commands:
  ?TEXT           ask the interviewer (a line that reads as a question asks too)
  :next           next phase (in the last phase: finish)
  :check          re-read the design file
  :design PATH    use another design file
  :estimate ARGS  e.g. :estimate --dau 50M --writes-per-user 40
  :hint           a hint (costs points)
  :answer TEXT    answer the pending question (a plain line does too)
  :note TEXT      a note, even while a question is pending
  :skip           leave the pending question
  :pause :resume  stop / restart the clock
  :status         where you are
  :quit           finish and write the report
  any other line  the answer to the question it fits, else a note"""

HELP_KO = """명령:
  ?질문           면접관에게 질문 (질문으로 읽히는 줄도 질문이 됩니다)
  :next           다음 단계 (마지막 단계에서는 종료)
  :check          설계 파일 다시 읽기
  :design PATH    다른 설계 파일 사용
  :estimate ARGS  예: :estimate --dau 50M --writes-per-user 40
  :hint           힌트 (감점)
  :answer TEXT    대기 중인 질문에 답 (그냥 한 줄을 써도 답이 됩니다)
  :note TEXT      질문이 대기 중이어도 메모로 저장
  :skip           대기 중인 질문 건너뛰기
  :pause :resume  시계 멈춤 / 다시 시작
  :status         현재 상태
  :quit           종료하고 리포트 작성
  그 밖의 줄      맞는 질문의 답, 없으면 메모"""

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


def info(en: str, ko: str) -> Msg:
    return Msg("info", en, ko)


def error(en: str, ko: str) -> Msg:
    return Msg("error", en, ko)


def usage(form: str) -> Msg:
    return error(f"usage: {form} (nothing stored)", f"사용법: {form} (저장하지 않음)")


def help_msgs() -> list[Msg]:
    return [info(HELP_EN, HELP_KO)]


def status_msgs(session: Session) -> list[Msg]:
    """Time, phase, pending question and design status, as `:status` shows them."""
    from sysdesign.session.engine import clock_text

    s = session
    phase = s.state.phase
    out = [
        info(
            f"{phase.title['en'] if phase else '-'}: {clock_text(s.remaining())} left; "
            f"{clock_text(s.elapsed())} elapsed; {s.status}",
            f"{phase.title['ko'] if phase else '-'}: {clock_text(s.remaining())} 남음; "
            f"{clock_text(s.elapsed())} 경과; {s.status}",
        )
    ]
    question = s.pending_question()
    if question:
        out.append(question)
    out.append(info(*s._design_line()))
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
            [
                error(
                    f"unknown command :{command}{hint}; :help lists them (nothing stored)",
                    f"알 수 없는 명령 :{command}{hint}; :help 참고 (저장하지 않음)",
                )
            ],
        )
    if command == "resume" and s.status != "paused":
        return LineResult(command, [info("The clock is running.", "시계가 가고 있습니다.")])
    return LineResult(command, action())
