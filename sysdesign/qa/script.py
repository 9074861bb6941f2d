"""Scripted rounds: answers keyed by question id, replayed on a virtual clock, with no UI.

    lang: ko                      # optional (else --lang)
    topics: [go, kafka]           # optional (else --topic/--company)
    minutes: 30                   # optional
    per_topic: 3                  # questions per topic before moving on (optional)
    first: {database: acid}       # per topic, the root to open with (optional)
    pace: 90                      # virtual seconds each answer takes (default 60)
    answers:
      goroutine-cheap: |
        고루틴은 2KB 스택으로 시작하고 ...
      gmp-syscall: ...
    hints: [gmp-syscall]          # ask for a hint before answering these
    skip: [work-stealing]         # skip these

Whatever the follow-ups lead to, the interviewer's question is answered from `answers` (or
skipped); the first question the script has nothing for ends the round. The same engine, store
and report as a live round.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from sysdesign.models.common import Strict

if TYPE_CHECKING:
    from sysdesign.qa.bank import QaBank
    from sysdesign.qa.round import QaRound
    from sysdesign.session.events import Msg
    from sysdesign.store import Store


class QaScript(Strict):
    """A scripted round."""

    lang: Literal["ko", "en"] | None = None
    topics: list[str] = Field(default_factory=list)
    minutes: float | None = Field(default=None, gt=0)
    per_topic: int | None = Field(
        default=None, ge=1, description="Questions per topic before moving on."
    )
    first: dict[str, str] = Field(
        default_factory=dict, description="Per topic, the root question to open with."
    )
    pace: float = Field(default=60.0, gt=0, description="Virtual seconds per answer.")
    answers: dict[str, str] = Field(default_factory=dict)
    hints: list[str] = Field(default_factory=list)
    skip: list[str] = Field(default_factory=list)


def load_qa_script(path: Path) -> QaScript:
    """Read and validate a script; errors name file:line:col."""
    from sysdesign.yamlio import read_yaml, validate_as

    return validate_as(QaScript, read_yaml(path))


def run_qa_script(
    store: Store,
    bank: QaBank,
    script: QaScript,
    *,
    topics: list[str],
    lang: str,
    minutes: float | None = None,
    company: str | None = None,
    log: list[tuple[float, Msg]] | None = None,
    first: dict[str, str] | None = None,
) -> QaRound:
    """Replay `script` on a fake clock; returns the finished round."""
    from sysdesign.qa.round import new_round
    from sysdesign.session.clock import FakeClock

    clock = FakeClock()
    rnd = new_round(
        store,
        bank,
        clock,
        topics=topics,
        lang=lang,
        minutes=minutes,
        company=company,
        per_topic=script.per_topic,
        first=script.first if first is None else first,
    )

    def keep(msgs: list[Msg]) -> None:
        if log is not None:
            log.extend((rnd.elapsed(), m) for m in msgs)

    keep(rnd.begin())
    while rnd.status != "finished":
        cur = rnd.current
        if cur is None:
            break
        clock.advance(script.pace)
        if cur.id in script.skip:
            keep(rnd.skip())
            continue
        text = script.answers.get(cur.id)
        if text is None:
            keep(rnd.finish("script"))
            break
        if cur.id in script.hints and not cur.hints:
            keep(rnd.hint())
        if log is not None:
            log.append((rnd.elapsed(), _candidate(text)))
        keep(rnd.answer(text))
    if rnd.status != "finished":
        keep(rnd.finish("script"))
    return rnd


def _candidate(text: str) -> Msg:
    from sysdesign.messages import message
    from sysdesign.session.events import Msg

    return Msg("candidate", message("common.text", text=text))
