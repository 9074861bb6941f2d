"""Session events and the state they fold into.

A session is its event log. The live engine appends an event to the store (committed) and only
then applies it to its in-memory `SessionState` with `apply`; a resumed session applies the same
events in order. One code path for both, so what was acknowledged is exactly what comes back.

Every event's `at` is the session's *active* time in seconds: time stops while paused and while
no process runs the session, so a crash costs the candidate nothing but the seconds between
their last stored action and the crash.

Payloads (all JSON):
- `phase_started`  {phase, index, queue: [follow-up items]}
- `phase_ended`    {phase, used_seconds, overrun_seconds}
- `asked`          {text}
- `answered`       {question, facts: [fact ids], answer: {ko, en} | null, assumption_needed,
                    clarify?: [two fact ids the question could mean], soup?: bool}
- `noted`          {text, assumption_for?: question}
- `followup_asked` {id, kind: phase|deep_dive|curveball|probe, question: {ko, en},
                    triggered_by: [rule], parent?: id (a probe's question), reason?: why asked}
- `followup_answered` {id, text, relevance?} (the pending question, or an earlier open one)
- `followup_skipped` {id} (a queued question whose points the candidate already covered)
- `design_saved`   {path, valid, text (when valid), problems: [str], counts: {severity: n},
                    rules: [rule ids found]}
- `estimate_committed` {inputs: {name: text}, results: {name: {value, unit, human}}}
- `hint_taken`     {phase, text: {ko, en}, cost}
- `curveball`      {text: {ko, en}, expects: {kinds, tags}}
- `paused`         {wall}
- `resumed`        {wall, paused_seconds, after_crash}
- `finished`       {reason, score}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from sysdesign.messages import Message, given, message

ASKED = "asked"
ANSWERED = "answered"
NOTED = "noted"
DESIGN_SAVED = "design_saved"
ESTIMATE_COMMITTED = "estimate_committed"
FOLLOWUP_ASKED = "followup_asked"
FOLLOWUP_ANSWERED = "followup_answered"
FOLLOWUP_SKIPPED = "followup_skipped"
HINT_TAKEN = "hint_taken"
CURVEBALL = "curveball"
PHASE_STARTED = "phase_started"
PHASE_ENDED = "phase_ended"
PAUSED = "paused"
RESUMED = "resumed"
FINISHED = "finished"

EVENT_TYPES: tuple[str, ...] = (
    ASKED,
    ANSWERED,
    NOTED,
    DESIGN_SAVED,
    ESTIMATE_COMMITTED,
    FOLLOWUP_ASKED,
    FOLLOWUP_ANSWERED,
    FOLLOWUP_SKIPPED,
    HINT_TAKEN,
    CURVEBALL,
    PHASE_STARTED,
    PHASE_ENDED,
    PAUSED,
    RESUMED,
    FINISHED,
)

Status = Literal["new", "running", "paused", "finished"]


@dataclass(frozen=True)
class Msg:
    """One line the engine hands to a UI; `kind` tells the UI how to show it, `text` is a
    catalogue message (`sysdesign.messages`) rendered in the UI's language.

    Kinds: `ack` (an action was stored), `interviewer` (the interviewer speaks), `warning`
    (time), `design` (design status), `estimate`, `hint`, `error` (nothing was stored), `info`.
    """

    kind: str
    text: Message

    @staticmethod
    def of(kind: str, en: str, ko: str) -> Msg:
        """A line whose two languages come from data (the scenario, a stored event)."""
        return Msg(kind, given(en, ko))

    def get(self, lang: str) -> str:
        return self.text.get(lang)

    @property
    def en(self) -> str:
        return self.text.en

    @property
    def ko(self) -> str:
        return self.text.ko


def msg(kind: str, key: str, /, **params: Any) -> Msg:
    """A line of `kind` showing the catalogue message `key` (`sysdesign.messages`)."""
    return Msg(kind, message(key, **params))


@dataclass(frozen=True)
class Event:
    type: str
    at: float
    payload: dict[str, Any]
    seq: int = 0


@dataclass(frozen=True)
class PlannedPhase:
    id: str
    title: dict[str, str]
    budget_seconds: float

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "budget_seconds": self.budget_seconds}

    @staticmethod
    def from_json(data: dict[str, Any]) -> PlannedPhase:
        return PlannedPhase(data["id"], dict(data["title"]), float(data["budget_seconds"]))


@dataclass
class PhaseRecord:
    id: str
    started_at: float
    ended_at: float | None = None


@dataclass
class Question:
    text: str
    at: float
    phase: str
    facts: list[str] = field(default_factory=list)
    answer: dict[str, str] | None = None
    assumption: str | None = None
    clarify: list[str] = field(default_factory=list)
    soup: bool = False


@dataclass
class Note:
    text: str
    at: float
    phase: str
    assumption_for: str | None = None


@dataclass
class FollowUp:
    id: str
    kind: str
    question: dict[str, str]
    triggered_by: list[str] = field(default_factory=list)
    phase: str = ""
    asked_at: float | None = None
    answer: str | None = None
    answered_at: float | None = None
    parent: str | None = None
    reason: str | None = None
    already_covered: bool = False

    def item(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "question": self.question,
            "triggered_by": list(self.triggered_by),
        }
        if self.parent is not None:
            out["parent"] = self.parent
        if self.reason is not None:
            out["reason"] = self.reason
        return out


@dataclass
class DesignSave:
    at: float
    phase: str
    path: str
    valid: bool
    text: str | None
    problems: list[str]
    counts: dict[str, int]
    rules: list[str]
    sha: str | None = None


@dataclass
class Estimate:
    at: float
    phase: str
    inputs: dict[str, str]
    results: dict[str, dict[str, Any]]


@dataclass
class Hint:
    at: float
    phase: str
    text: dict[str, str]
    cost: float


@dataclass
class Pause:
    at: float
    wall_start: str
    wall_end: str | None = None
    seconds: float | None = None


@dataclass
class SessionState:
    """Everything a session knows, folded from its events; change it only through `apply`."""

    session_id: str
    scenario: str
    lang: str
    plan: list[PlannedPhase]
    curveball_at: float
    design_path: str | None = None
    track: str | None = None
    status: Status = "new"
    elapsed: float = 0.0
    phase_index: int = -1
    phases: list[PhaseRecord] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    queue: list[FollowUp] = field(default_factory=list)
    chosen: list[FollowUp] = field(default_factory=list)  # every question a phase planned
    pending: FollowUp | None = None
    pending_assumption: str | None = None
    designs: list[DesignSave] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)
    curveball_fired_at: float | None = None
    pauses: list[Pause] = field(default_factory=list)
    finish_reason: str | None = None
    event_count: int = 0

    # -- derived -------------------------------------------------------------------------

    @property
    def phase(self) -> PlannedPhase | None:
        if 0 <= self.phase_index < len(self.plan):
            return self.plan[self.phase_index]
        return None

    @property
    def phase_id(self) -> str:
        phase = self.phase
        return phase.id if phase else ""

    @property
    def is_last_phase(self) -> bool:
        return self.phase_index == len(self.plan) - 1

    def phase_started_at(self) -> float:
        return self.phases[-1].started_at if self.phases else 0.0

    def last_good_design(self) -> DesignSave | None:
        for save in reversed(self.designs):
            if save.valid and save.text is not None:
                return save
        return None

    def asked_facts(self) -> list[str]:
        seen: list[str] = []
        for q in self.questions:
            for fact in q.facts:
                if fact not in seen:
                    seen.append(fact)
        return seen

    def candidate_texts(self, phases: set[str] | None = None) -> list[str]:
        """What the candidate wrote: notes, answers to follow-ups, assumptions."""
        out = [n.text for n in self.notes if phases is None or n.phase in phases]
        out += [
            f.answer for f in self.followups if f.answer and (phases is None or f.phase in phases)
        ]
        return out


def _followup(payload: dict[str, Any], phase: str) -> FollowUp:
    return FollowUp(
        id=str(payload["id"]),
        kind=str(payload.get("kind", "phase")),
        question=dict(payload["question"]),
        triggered_by=list(payload.get("triggered_by", [])),
        phase=phase,
        parent=payload.get("parent"),
        reason=payload.get("reason"),
    )


def _drop_pending(state: SessionState) -> None:
    """A question still open when its phase ends stays on record, unanswered."""
    if state.pending is not None:
        state.followups.append(state.pending)
    state.pending = None


def apply(state: SessionState, event: Event) -> None:
    """Fold one event into the state. Pure bookkeeping: it decides nothing."""
    p = event.payload
    at = event.at
    state.elapsed = max(state.elapsed, at)
    state.event_count += 1
    kind = event.type
    phase = state.phase_id
    if kind == PHASE_STARTED:
        state.phase_index = int(p["index"])
        state.phases.append(PhaseRecord(id=str(p["phase"]), started_at=at))
        state.pending = None
        state.queue = [_followup(item, str(p["phase"])) for item in p.get("queue", [])]
        state.chosen += [_followup(item, str(p["phase"])) for item in p.get("queue", [])]
        if state.status == "new":
            state.status = "running"
    elif kind == PHASE_ENDED:
        if state.phases:
            state.phases[-1].ended_at = at
        _drop_pending(state)
        state.queue = []
    elif kind == ASKED:
        state.questions.append(Question(text=str(p["text"]), at=at, phase=phase))
    elif kind == ANSWERED:
        if state.questions:
            q = state.questions[-1]
            q.facts = list(p.get("facts", []))
            q.answer = p.get("answer")
            q.clarify = list(p.get("clarify", []))
            q.soup = bool(p.get("soup", False))
        state.pending_assumption = str(p["question"]) if p.get("assumption_needed") else None
    elif kind == NOTED:
        assumption_for = p.get("assumption_for")
        state.notes.append(
            Note(text=str(p["text"]), at=at, phase=phase, assumption_for=assumption_for)
        )
        if assumption_for is not None:
            for q in reversed(state.questions):
                if q.text == assumption_for and q.assumption is None:
                    q.assumption = str(p["text"])
                    break
            state.pending_assumption = None
    elif kind == FOLLOWUP_ASKED:
        item = _followup(p, phase)
        item.asked_at = at
        state.queue = [f for f in state.queue if f.id != item.id]
        if state.pending is not None and state.pending.id != item.id:
            state.queue.insert(0, state.pending)
        state.pending = item
    elif kind == FOLLOWUP_ANSWERED:
        pending = state.pending
        if pending is not None and pending.id == p["id"]:
            pending.answer = str(p["text"])
            pending.answered_at = at
            state.followups.append(pending)
            state.pending = None
        else:  # an earlier question, asked and left open, answered now
            left = next((f for f in state.queue if f.id == p["id"] and f.asked_at), None)
            if left is not None:
                left.answer = str(p["text"])
                left.answered_at = at
                state.queue.remove(left)
                state.followups.append(left)
    elif kind == FOLLOWUP_SKIPPED:
        skipped = next((f for f in state.queue if f.id == p["id"]), None)
        if skipped is not None:
            state.queue.remove(skipped)
            skipped.already_covered = True
            state.followups.append(skipped)
    elif kind == DESIGN_SAVED:
        state.designs.append(
            DesignSave(
                at=at,
                phase=phase,
                path=str(p.get("path", "")),
                valid=bool(p.get("valid")),
                text=p.get("text"),
                problems=list(p.get("problems", [])),
                counts=dict(p.get("counts", {})),
                rules=list(p.get("rules", [])),
                sha=p.get("sha"),
            )
        )
        if p.get("path"):
            state.design_path = str(p["path"])
    elif kind == ESTIMATE_COMMITTED:
        state.estimates.append(
            Estimate(at=at, phase=phase, inputs=dict(p["inputs"]), results=dict(p["results"]))
        )
    elif kind == HINT_TAKEN:
        state.hints.append(
            Hint(at=at, phase=phase, text=dict(p["text"]), cost=float(p.get("cost", 0)))
        )
    elif kind == CURVEBALL:
        state.curveball_fired_at = at
    elif kind == PAUSED:
        state.status = "paused"
        state.pauses.append(Pause(at=at, wall_start=str(p.get("wall", ""))))
    elif kind == RESUMED:
        if state.pauses and state.pauses[-1].wall_end is None and state.status == "paused":
            state.pauses[-1].wall_end = str(p.get("wall", ""))
            seconds = p.get("paused_seconds")
            state.pauses[-1].seconds = None if seconds is None else float(seconds)
        state.status = "running"
    elif kind == FINISHED:
        state.status = "finished"
        state.finish_reason = str(p.get("reason", ""))
        _drop_pending(state)
        state.queue = []
