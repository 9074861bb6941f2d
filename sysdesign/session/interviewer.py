"""The interviewer: data-driven and deterministic, no language model.

Reading what the candidate says is `sysdesign.understand`'s job; this module decides what the
interviewer does with it:
- `pick_deep_dives` chooses 2–3 of the rubric's deep dives: those triggered by the rules the
  candidate's current design breaks come first, then the rest in rubric order.
- `points_for` gives the gradable points of a question (a deep dive's concepts, a follow-up's
  points); `react` picks the next probe from the last answer (a wrong claim, then a missed
  point), `route` files a free line where it belongs.
- `hint_for` gives the next hint for where the candidate is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sysdesign.models.rubric import DeepDive, Rubric
    from sysdesign.models.scenario import Scenario
    from sysdesign.session.events import FollowUp, SessionState

MIN_DEEP_DIVES = 2
MAX_DEEP_DIVES = 3
MAX_PROBES = 1
OPEN_RELEVANCE = 0.3


def points_for(item: FollowUp, scenario: Scenario, rubric: Rubric) -> list[Any]:
    """The gradable points of an asked question (a probe has its parent's)."""
    qid = item.parent or item.id
    if item.kind in ("deep_dive", "probe"):
        dive = next((d for d in rubric.deep_dives if d.id == qid), None)
        if dive is not None:
            return list(dive.concepts)
    follow = next((f for f in scenario.followups if f.id == qid), None)
    return list(follow.points) if follow is not None else []


def answers_to(state: SessionState, qid: str) -> list[str]:
    """What the candidate answered to a question and to the probes it opened."""
    items = [*state.followups, *([state.pending] if state.pending else [])]
    return [f.answer for f in items if f.answer and (f.id == qid or f.parent == qid)]


def _quote(sentence: str, limit: int = 90) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


@dataclass(frozen=True)
class Probe:
    """A question the interviewer asks because of the last answer, and why."""

    reason: str
    question: dict[str, str]
    point: str


def react(item: FollowUp, state: SessionState, scenario: Scenario, rubric: Rubric) -> Probe | None:
    """After an answer: push back on a wrong claim, else ask after a missed point (once per
    question), else nothing (the next question in the queue follows)."""
    from sysdesign.understand.grade import grade, wrong_claim

    points = points_for(item, scenario, rubric)
    qid = item.parent or item.id
    if not points:
        return None
    probes = sum(1 for f in state.followups if f.parent == qid)
    if probes >= MAX_PROBES:
        return None
    verdicts = grade(points, answers_to(state, qid))
    for v in verdicts:
        if v.status == "wrong" and v.claim and v.sentence:
            claim = wrong_claim(points, v.claim, v.id)
            if claim is not None:
                said = _quote(v.sentence)
                return Probe(
                    f"wrong:{v.id}:{v.claim}",
                    {
                        "en": f"You said “{said}”. {claim.pushback.en}",
                        "ko": f"“{said}”라고 하셨는데요. {claim.pushback.ko}",
                    },
                    v.id,
                )
    covered = [v for v in verdicts if v.covered]
    for v in verdicts:
        if v.status != "missed":
            continue
        point = next(p for p in points if p.id == v.id)
        topic_en = point.keywords.en[0] if point.keywords.en else point.text.en
        topic_ko = point.keywords.ko[0] if point.keywords.ko else point.text.ko
        if covered and covered[0].sentence:
            said = _quote(covered[0].sentence, 70)
            en = f"You said “{said}”. What about {topic_en}: how does that part work?"
            ko = f"“{said}”까지는 좋습니다. {topic_ko} 쪽은 어떻게 하실 건가요?"
        else:
            en = f"Let's make it concrete. What about {topic_en}: how would that work here?"
            ko = f"조금 더 구체적으로 가 보죠. {topic_ko} 쪽은 여기서 어떻게 동작하나요?"
        return Probe(f"missed:{v.id}", {"en": en, "ko": ko}, v.id)
    return None


def already_covered(
    item: FollowUp, state: SessionState, scenario: Scenario, rubric: Rubric
) -> bool:
    """Every point of a queued question is already explained in what the candidate said."""
    from sysdesign.understand.grade import grade

    points = points_for(item, scenario, rubric)
    if not points:
        return False
    return all(v.status == "explained" for v in grade(points, state.candidate_texts()))


def route(
    line: str, state: SessionState, scenario: Scenario, rubric: Rubric, lang: str
) -> tuple[str, str | None]:
    """Where a free line belongs: ("answer", id) for the pending question, ("open", id) for an
    earlier question still open, ("assumption", question) for a refused question, or
    ("note", None)."""
    from sysdesign.understand.grade import relevance

    def rel(item: FollowUp) -> float:
        points = points_for(item, scenario, rubric)
        return max(
            relevance(line, item.question.get("en", ""), points),
            relevance(line, item.question.get("ko", ""), points),
        )

    pending = state.pending
    pending_rel = rel(pending) if pending is not None else 0.0
    best_open: tuple[float, str] | None = None
    for f in state.queue:
        if f.asked_at is None:
            continue
        r = rel(f)
        if r >= OPEN_RELEVANCE and (best_open is None or r > best_open[0]):
            best_open = (r, f.id)
    if best_open is not None and best_open[0] > pending_rel + 0.1:
        return ("open", best_open[1])
    if state.pending_assumption is not None:
        refused = state.pending_assumption
        assumption_rel = relevance(line, refused)
        refused_at = next((q.at for q in reversed(state.questions) if q.text == refused), 0.0)
        pending_at = pending.asked_at or 0.0 if pending is not None else -1.0
        # the more relevant one; when neither is clearly so, the one asked last
        if pending is None or assumption_rel > pending_rel + 0.05:
            return ("assumption", refused)
        if abs(assumption_rel - pending_rel) <= 0.05 and refused_at >= pending_at:
            return ("assumption", refused)
    if pending is not None:
        return ("answer", pending.id)
    return ("note", None)


def pick_deep_dives(rubric: Rubric, rules_found: Iterable[str]) -> list[tuple[DeepDive, list[str]]]:
    """2–3 deep dives: triggered by the design's findings first, then the rest in order."""
    found = list(dict.fromkeys(rules_found))
    triggered: list[tuple[DeepDive, list[str]]] = []
    rest: list[tuple[DeepDive, list[str]]] = []
    for dive in rubric.deep_dives:
        why = [r for r in dive.triggers if r in found]
        (triggered if why else rest).append((dive, why))
    # Most strongly triggered first: the rule found earliest (findings come most severe first).
    triggered.sort(key=lambda pair: min(found.index(r) for r in pair[1]))
    chosen = triggered[:MAX_DEEP_DIVES]
    for pair in rest:
        if len(chosen) >= MIN_DEEP_DIVES:
            break
        chosen.append(pair)
    return chosen


def phase_questions(scenario: Scenario, phase_id: str) -> list[dict[str, object]]:
    """The scenario's own follow-up questions for a phase, as queue items."""
    return [
        {"id": f.id, "kind": "phase", "question": f.question.model_dump(), "triggered_by": []}
        for f in scenario.followups
        if f.phase == phase_id
    ]


def deep_dive_items(rubric: Rubric, rules_found: Iterable[str]) -> list[dict[str, object]]:
    return [
        {
            "id": dive.id,
            "kind": "deep_dive",
            "question": dive.question.model_dump(),
            "triggered_by": why,
        }
        for dive, why in pick_deep_dives(rubric, rules_found)
    ]


def hint_for(
    state: SessionState,
    scenario: Scenario,
    rubric: Rubric,
    findings: Sequence[tuple[str, dict[str, str]]] = (),
) -> dict[str, str] | None:
    """The next hint ({ko, en}) for where the candidate is, or None when there is nothing to add.

    `findings` are (rule id, fix text) of the current design, most severe first.
    """
    from sysdesign.understand.grade import grade

    texts = state.candidate_texts()
    given = {h.text.get("en", "") for h in state.hints}

    def fresh(hint: dict[str, str]) -> dict[str, str] | None:
        return None if hint["en"] in given else hint

    pending = state.pending
    if pending is not None and pending.kind == "deep_dive":
        dive = next((d for d in rubric.deep_dives if d.id == pending.id), None)
        if dive is not None:
            verdicts = grade(dive.concepts, texts)
            for concept, verdict in zip(dive.concepts, verdicts, strict=True):
                if verdict.status != "explained":
                    hint = fresh(
                        {
                            "en": f"Think about: {concept.text.en}",
                            "ko": f"이것을 생각해 보세요: {concept.text.ko}",
                        }
                    )
                    if hint:
                        return hint
    candidates: list[dict[str, str]] = []
    asked = set(state.asked_facts())
    for fact_id in rubric.key_questions:
        fact = scenario.fact(fact_id)
        if fact is None or fact_id in asked:
            continue
        en = fact.keywords.en[0] if fact.keywords.en else fact.id
        ko = fact.keywords.ko[0] if fact.keywords.ko else fact.id
        candidates.append(
            {
                "en": f"You have not asked about \u201c{en}\u201d yet.",
                "ko": f"아직 \u201c{ko}\u201d에 대해 묻지 않았습니다.",
            }
        )
    requirement_hints = [
        {
            "en": f"State this requirement: {req.text.en}",
            "ko": f"이 요구사항을 말해 보세요: {req.text.ko}",
        }
        for req, verdict in zip(rubric.requirements, grade(rubric.requirements, texts), strict=True)
        if not verdict.covered
    ]
    design_hints = [
        {"en": f"Your design: {fix['en']}", "ko": f"설계: {fix['ko']}"} for _, fix in findings
    ]
    if state.phase_id == "requirements":
        order = candidates + requirement_hints + design_hints
    else:
        order = design_hints + candidates + requirement_hints
    for hint in order:
        if fresh(hint):
            return hint
    return None
