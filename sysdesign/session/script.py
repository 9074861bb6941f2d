"""Scripted sessions: a YAML of timed actions replayed on a virtual clock, with no UI.

    lang: en                     # optional
    actions:
      - {at: "00:30", ask: "How many daily active users?"}
      - {at: "02:00", note: "1:1 and group chat, online status"}
      - {at: "12:00", estimate: {dau: 50M, writes_per_user: 40}}
      - {at: "15:00", next: true}
      - {at: "20:00", design: designs/v1.yaml}   # relative to the script file
      - {at: "31:00", answer: "a pub/sub channel per gateway ..."}
      - {at: "40:00", hint: true}
      - {at: "59:00", finish: true}

Tests, demos and examples use it: the same engine, the same store, the same report.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, field_validator, model_validator

from sysdesign.models.common import Strict

if TYPE_CHECKING:
    from sysdesign.models.rubric import Rubric
    from sysdesign.models.scenario import Scenario
    from sysdesign.session.engine import Session
    from sysdesign.session.events import Msg
    from sysdesign.store import Store

_AT = re.compile(r"^(\d{1,3}):([0-5]\d)$")
ACTION_KEYS = ("ask", "note", "design", "estimate", "answer", "hint", "next", "finish")


class ScriptAction(Strict):
    """One timed action: `at` plus exactly one of the action keys."""

    at: str = Field(description='Time since the start, "mm:ss".')
    ask: str | None = None
    note: str | None = None
    design: str | None = None
    estimate: dict[str, str | int | float] | None = None
    answer: str | None = None
    hint: bool | None = None
    next: bool | None = None
    finish: bool | None = None

    @field_validator("at", mode="before")
    @classmethod
    def _at(cls, value: Any) -> Any:
        if isinstance(value, int):  # YAML 1.1 reads 12:30 as a sexagesimal number
            return f"{value // 60:02d}:{value % 60:02d}"
        if not isinstance(value, str) or not _AT.match(value.strip()):
            raise ValueError('expected "mm:ss", e.g. "12:30" / "mm:ss" 형식이어야 합니다')
        return value.strip()

    @model_validator(mode="after")
    def _exactly_one(self) -> ScriptAction:
        given = [k for k in ACTION_KEYS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                f"give exactly one of {', '.join(ACTION_KEYS)} (got {', '.join(given) or 'none'})"
                " / 동작은 정확히 하나여야 합니다"
            )
        return self

    @property
    def seconds(self) -> int:
        m = _AT.match(self.at)
        assert m is not None
        return int(m.group(1)) * 60 + int(m.group(2))

    @property
    def kind(self) -> str:
        return next(k for k in ACTION_KEYS if getattr(self, k) is not None)


class Script(Strict):
    """A scripted session."""

    lang: Literal["ko", "en"] | None = None
    actions: list[ScriptAction] = Field(min_length=1)


def load_script(path: Path) -> Script:
    """Read and validate a script; errors name file:line:col."""
    from sysdesign.errors import InvalidInputError
    from sysdesign.yamlio import read_yaml, validate_as

    loaded = read_yaml(path)
    script = validate_as(Script, loaded)
    problems = []
    last = 0
    for i, action in enumerate(script.actions):
        if action.seconds < last:
            problems.append(
                loaded.problem(
                    ("actions", i, "at"),
                    f"{action.at} is earlier than the action before it / 앞 동작보다 이른 시각입니다",
                )
            )
        last = max(last, action.seconds)
        if action.estimate is not None:
            problem = _estimate_problem(action.estimate)
            if problem:
                problems.append(loaded.problem(("actions", i, "estimate"), problem))
        if action.design is not None and not (path.parent / action.design).is_file():
            problems.append(
                loaded.problem(
                    ("actions", i, "design"),
                    f"no such file: {action.design} (relative to the script) / 파일이 없습니다",
                )
            )
    if problems:
        raise InvalidInputError(problems)
    return script


def _estimate_problem(values: dict[str, str | int | float]) -> str | None:
    """What the engine would say about this estimate, or None: a script is checked whole
    before the replay, so an estimate the engine refuses is never silently dropped."""
    from sysdesign.errors import SysdesignError
    from sysdesign.estimate.flags import parse_estimate_args
    from sysdesign.estimate.traffic import traffic_model

    try:
        traffic_model(parse_estimate_args({k: str(v) for k, v in values.items()}))
    except SysdesignError as exc:
        return str(exc)
    return None


def run_script(
    store: Store,
    scenario: Scenario,
    rubric: Rubric,
    script: Script,
    script_dir: Path,
    *,
    lang: str,
    minutes: float | None = None,
    session_id: str | None = None,
    log: list[tuple[float, Msg]] | None = None,
    start: datetime | None = None,
    track: str | None = None,
) -> Session:
    """Replay `script` on a fake clock; returns the finished session (`session.report`)."""
    from sysdesign.session.clock import FakeClock
    from sysdesign.session.engine import new_session

    clock = FakeClock(start or datetime.now(UTC))
    session = new_session(
        store,
        scenario,
        rubric,
        clock=clock,
        lang=lang,
        minutes=minutes,
        session_id=session_id,
        track=track,
    )

    def keep(msgs: list[Msg]) -> None:
        if log is not None:
            log.extend((session.elapsed(), m) for m in msgs)

    keep(session.begin())
    for action in script.actions:
        # Walk the clock to the action a second at a time so warnings and the curveball
        # fire when they would in a live session.
        while session.elapsed() + 1 <= action.seconds:
            clock.advance(1.0)
            keep(session.tick())
        clock.advance(max(0.0, action.seconds - session.elapsed()))
        kind = action.kind
        if kind == "ask":
            keep(session.ask(str(action.ask)))
        elif kind == "note":
            keep(session.note(str(action.note)))
        elif kind == "answer":
            keep(session.answer(str(action.answer)))
        elif kind == "design":
            keep(session.set_design(script_dir / str(action.design)))
        elif kind == "estimate":
            keep(session.estimate({k: str(v) for k, v in (action.estimate or {}).items()}))
        elif kind == "hint":
            keep(session.hint())
        elif kind == "next":
            keep(session.next_phase())
        elif kind == "finish":
            keep(session.finish("script"))
        if session.status == "finished":
            break
    if session.status != "finished":
        keep(session.finish("script"))
    return session
