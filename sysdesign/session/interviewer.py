"""The interviewer: data-driven and deterministic, no language model.

- `match_facts` answers a clarifying question from the scenario's facts: each fact's Korean and
  English keywords are looked for in the question, exactly (after normalising case, punctuation
  and Korean particles such as 은/는/이/가/을/를/의/에) or approximately (rapidfuzz).
- `keyword_hit` is the same matcher used to find requirements and deep-dive concepts in what
  the candidate wrote.
- `pick_deep_dives` chooses 2–3 of the rubric's deep dives: those triggered by the rules the
  candidate's current design breaks come first, then the rest in rubric order.
- `hint_for` gives the next hint for where the candidate is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sysdesign.models.common import Keywords
    from sysdesign.models.rubric import DeepDive, Rubric
    from sysdesign.models.scenario import Fact, Scenario
    from sysdesign.session.events import SessionState

MATCH_THRESHOLD = 85.0
FUZZY_MIN_LENGTH = 5
MIN_DEEP_DIVES = 2
MAX_DEEP_DIVES = 3

# Korean particles and endings that glue onto a word; longest first.
PARTICLES: tuple[str, ...] = tuple(
    sorted(
        [
            "에서는",
            "으로는",
            "에게서",
            "이라는",
            "이에요",
            "인가요",
            "인가",
            "입니까",
            "나요",
            "까지",
            "부터",
            "에서",
            "에게",
            "으로",
            "이나",
            "라고",
            "처럼",
            "보다",
            "은",
            "는",
            "이",
            "가",
            "을",
            "를",
            "의",
            "에",
            "로",
            "와",
            "과",
            "도",
            "만",
            "요",
        ],
        key=len,
        reverse=True,
    )
)
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def normalise(text: str) -> str:
    """Lower case, NFC, punctuation to spaces, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _PUNCT.sub(" ", text.replace("_", " "))
    return _SPACE.sub(" ", text).strip()


def strip_particle(token: str) -> str:
    """`사용자가` → `사용자`; leaves a token alone when too little would remain."""
    if not _HANGUL.search(token):
        return token
    for particle in PARTICLES:
        if token.endswith(particle) and len(token) - len(particle) >= 2:
            return token[: -len(particle)]
    return token


def _stems(text: str) -> list[str]:
    return [strip_particle(t) for t in normalise(text).split()]


@dataclass(frozen=True)
class Prepared:
    """A text normalised once, to be matched against many keywords."""

    norm: str
    stems: tuple[str, ...]
    stem_text: str

    @staticmethod
    def of(text: str) -> Prepared:
        stems = tuple(_stems(text))
        return Prepared(normalise(text), stems, " ".join(stems))


def keyword_score(keyword: str, text: Prepared) -> float:
    """0–100: how surely `keyword` occurs in `text`."""
    from rapidfuzz import fuzz

    kw = normalise(keyword)
    if not kw or not text.norm:
        return 0.0
    if _HANGUL.search(kw):
        if kw in text.norm or kw.replace(" ", "") in text.norm.replace(" ", ""):
            return 100.0
    elif re.search(rf"(?<!\w){re.escape(kw)}(?!\w)", text.norm):
        return 100.0
    kw_stems = _stems(keyword)
    if kw_stems and all(s in text.stems for s in kw_stems):
        return 95.0
    kw_stem_text = " ".join(kw_stems)
    if len(kw.replace(" ", "")) < FUZZY_MIN_LENGTH:
        return 0.0
    if _HANGUL.search(kw):
        # Korean: spacing varies freely, so compare without spaces.
        return float(fuzz.partial_ratio(kw.replace(" ", ""), text.norm.replace(" ", "")))
    score = float(fuzz.partial_ratio(kw_stem_text, text.stem_text))
    if " " in kw:
        score = max(score, float(fuzz.token_set_ratio(kw_stem_text, text.stem_text)) - 5)
    return score


def keyword_hit(keywords: Keywords | Iterable[str], texts: Sequence[str] | str) -> str | None:
    """The first keyword found in any of `texts`, or None."""
    words = keywords.all() if hasattr(keywords, "all") else list(keywords)
    if isinstance(texts, str):
        texts = [texts]
    prepared = [Prepared.of(t) for t in texts if t.strip()]
    for word in words:
        for text in prepared:
            if keyword_score(word, text) >= MATCH_THRESHOLD:
                return str(word)
    return None


def match_facts(question: str, facts: Sequence[Fact]) -> list[tuple[Fact, float]]:
    """The facts a question asks about, best first (at most three)."""
    text = Prepared.of(question)
    scored: list[tuple[Fact, float]] = []
    for fact in facts:
        best = max((keyword_score(k, text) for k in fact.keywords.all()), default=0.0)
        if best >= MATCH_THRESHOLD:
            scored.append((fact, best))
    scored.sort(key=lambda pair: -pair[1])
    return scored[:3]


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


def _concepts_missing(dive: DeepDive, texts: Sequence[str]) -> list[object]:
    return [c for c in dive.concepts if keyword_hit(c.keywords, texts) is None]


def hint_for(
    state: SessionState,
    scenario: Scenario,
    rubric: Rubric,
    findings: Sequence[tuple[str, dict[str, str]]] = (),
) -> dict[str, str] | None:
    """The next hint ({ko, en}) for where the candidate is, or None when there is nothing to add.

    `findings` are (rule id, fix text) of the current design, most severe first.
    """
    texts = state.candidate_texts()
    given = {h.text.get("en", "") for h in state.hints}

    def fresh(hint: dict[str, str]) -> dict[str, str] | None:
        return None if hint["en"] in given else hint

    pending = state.pending
    if pending is not None and pending.kind == "deep_dive":
        dive = next((d for d in rubric.deep_dives if d.id == pending.id), None)
        if dive is not None:
            for concept in dive.concepts:
                if keyword_hit(concept.keywords, texts) is None:
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
        for req in rubric.requirements
        if keyword_hit(req.keywords, texts) is None
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
