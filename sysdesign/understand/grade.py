"""Grading by meaning: which points of a model answer the candidate's sentences express.

A point is covered when one sentence of the candidate is close enough to one of the point's
phrasings (or its text, or a multi-word keyword) — a single word never covers a point. A
sentence that only strings terms together (no predicate, no reason or consequence) earns at
most `LISTED_CREDIT` of a point. A sentence close to one of a point's known wrong claims,
closer than to any of its right phrasings, costs the point; the report quotes it with the
correction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, Protocol

from sysdesign.understand.match import Index, build_index, content_words
from sysdesign.understand.normalise import is_hangul, normalise

if TYPE_CHECKING:
    from sysdesign.models.common import Keywords, Phrasings, Text, WrongClaim

POINT_THRESHOLD = 0.42
WRONG_THRESHOLD = 0.45
WRONG_MARGIN = 0.05  # a wrong claim must be clearly closer than any right phrasing
WRONG_LINE_EXTRA = 0.1  # a claim read across a line's sentences needs this much more
LISTED_CREDIT = 0.25
PHRASING_WEIGHT = 1.0
TEXT_WEIGHT = 0.95
KEYWORD_WEIGHT = 0.8
RELEVANCE_THRESHOLD = 0.22

Status = Literal["explained", "listed", "wrong", "missed"]


class Gradable(Protocol):
    """A point or a requirement: an id, a text, keywords and phrasings."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> Text: ...
    @property
    def keywords(self) -> Keywords: ...
    @property
    def phrasings(self) -> Phrasings: ...


@dataclass(frozen=True)
class PointVerdict:
    """How one point fared: its status, the credit (0–1) and the sentence that decided it."""

    id: str
    status: Status
    credit: float
    sentence: str | None = None
    score: float = 0.0
    claim: str | None = None

    @property
    def covered(self) -> bool:
        return self.status in ("explained", "listed")


# ----------------------------------------------------------------- sentences and predicates

_SENTENCE = re.compile(
    r"(?<=[.!?。])\s+|\n+|;\s*|\s+[-–•]\s+|(?:(?<=니다)|(?<=어요)|(?<=아요)|(?<=에요)|(?<=예요)|(?<=해요)|(?<=세요)|(?<=한다)|(?<=된다)|(?<=있다)|(?<=없다)|(?<=이다)|(?<=했다)|(?<=였다)|(?<=었다)|(?<=았다)|(?<=겠다)|(?<=돼요)|(?<=네요)|(?<=나요)|(?<=까요)|(?<=죠))[.!]?\s+"
)
_EN_PREDICATE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
        "do",
        "does",
        "did",
        "because",
        "so",
        "since",
        "which",
        "that",
        "then",
        "when",
        "if",
        "while",
        "instead",
        "otherwise",
        "means",
        "mean",
        "we",
        "i",
        "it",
        "they",
        "this",
        "each",
        "every",
        "than",
        "there",
        "has",
        "have",
        "had",
        "don't",
        "doesn't",
        "won't",
        "can't",
        "isn't",
        "aren't",
    ]
)
_EN_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "per",
        "and",
        "or",
        "but",
        "their",
        "its",
        "his",
        "her",
        "our",
        "your",
        "my",
        "these",
        "those",
        "not",
        "no",
        "as",
        "via",
        "through",
        "than",
        "then",
        "until",
        "after",
        "before",
        "over",
        "under",
        "about",
        "only",
        "just",
        "all",
        "both",
        "either",
    ]
)
_KO_ENDING = re.compile(
    r"(다|요|죠|니다|함|됨|냄|고|면|니까|는데|지만|므로|어서|아서|해서|해|돼)[\s.!?,)]*$"
)
_KO_CASE = re.compile(r"(?:[을를은는]|에서|으로|에게|에는|에도|까지|부터|보다|처럼)$")
_KO_CONNECTIVE = re.compile(
    r"때문|그래서|따라서|하면|되면|해서|니까|므로|위해|대신|덕분|면서|지만|는데|려면"
)


def sentences(text: str) -> list[str]:
    """A text split into sentences (and bullet items, and lines)."""
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def explains(sentence: str) -> bool:
    """Whether a sentence says something (a predicate, a reason or a consequence) rather
    than only listing terms."""
    raw = normalise(sentence).split()
    if len(raw) < 3:
        return False
    if any(is_hangul(t) for t in raw):
        if _KO_ENDING.search(sentence.strip()) or _KO_CONNECTIVE.search(sentence):
            return True
        # Without an ending, grammar shows in case particles that few nouns end with (a list of
        # terms has none: "같은 멱등 키 재시도 상태 조회"); 이/가/도/의/로 end too many nouns.
        marked = sum(1 for t in raw if is_hangul(t) and len(t) >= 2 and _KO_CASE.search(t))
        return marked >= 2 and len(raw) >= 4
    if len(raw) < 4:
        return False
    if any(t in _EN_PREDICATE for t in raw):
        return True
    # a sentence has grammar (articles, prepositions, conjunctions); a list of terms has few,
    # and those few belong to its terms ("fan-out on write")
    function = [t for t in raw if t in _EN_FUNCTION]
    return len(set(function)) >= 2 and len(function) / len(raw) >= 0.2


_QUESTION = re.compile(
    r"^\s*(how|what|which|who|when|where|why|do|does|did|is|are|can|could|should|will|would|"
    r"may|must|shall|have|has)\b|(몇|얼마|어떻게|무엇|뭐|어느|어디|언제|누가|왜)|"
    r"(나요|까요|가요|인가|는지|을지|죠|니까|습니까)\s*[?？]?\s*$",
    re.IGNORECASE,
)


def is_soup(text: str) -> bool:
    """A line of terms: several content words, no sentence in it explains anything, and (for
    a question) no question word or question ending."""
    parts = sentences(text) or [text]
    if _QUESTION.search(text):
        return False
    return len(content_words(text)) >= 3 and not any(explains(p) for p in parts)


# ----------------------------------------------------------------- the index of points


def _texts(words: Keywords | Phrasings | Text) -> list[str]:
    from sysdesign.models.common import Text

    if isinstance(words, Text):
        return [words.en, words.ko]
    return [*words.en, *words.ko]


def point_items(points: Iterable[Gradable]) -> list[tuple[str, str, float]]:
    items: list[tuple[str, str, float]] = []
    for p in points:
        for s in _texts(p.phrasings):
            items.append((f"ok:{p.id}", s, PHRASING_WEIGHT))
        for s in _texts(p.text):
            items.append((f"ok:{p.id}", s, TEXT_WEIGHT))
        for s in _texts(p.keywords):
            if len(content_words(s)) >= 2:
                items.append((f"ok:{p.id}", s, KEYWORD_WEIGHT))
        for claim in getattr(p, "wrong_claims", ()):
            for s in _texts(claim.says):
                items.append((f"wrong:{p.id}:{claim.id}", s, PHRASING_WEIGHT))
    return items


# Keyed by the points' identities; the points are kept alive with their index, so an id
# cannot be reused for other points while its entry exists.
_INDEXES: dict[tuple[int, ...], tuple[tuple[Gradable, ...], Index]] = {}


def points_index(points: Sequence[Gradable]) -> Index:
    key = tuple(id(p) for p in points)
    entry = _INDEXES.get(key)
    if entry is None:
        if len(_INDEXES) > 256:
            _INDEXES.clear()
        entry = (tuple(points), build_index(point_items(points)))
        _INDEXES[key] = entry
    return entry[1]


_NEGATION = re.compile(
    r"\b(not|never|no|none|without|cannot|can't|don't|doesn't|isn't|aren't|won't|shouldn't|"
    r"mustn't|wasn't|weren't|neither|nor)\b|않|안\s|없|못|말고|아니",
    re.IGNORECASE,
)
NEGATION_PENALTY = 0.6  # one side negates what the other affirms


@lru_cache(maxsize=8192)
def negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def grade(points: Sequence[Gradable], texts: Sequence[str]) -> list[PointVerdict]:
    """A verdict per point for everything the candidate said in `texts`."""
    index = points_index(points)
    best_ok: dict[str, tuple[float, str, bool]] = {}
    wrong: dict[str, tuple[float, str, str]] = {}
    for text in texts:
        parts = sentences(text)
        # A claim may span a line's sentences ("We don't need fan-out; just gather … on read"):
        # the whole line is also read, for wrong claims only.
        units = [(p, True) for p in parts] + ([(text, False)] if len(parts) > 1 else [])
        # the best a sentence of this line did for each point: the whole line's wrong claim
        # must beat it too ("That account's post is written once; we don't copy it…" is the
        # hybrid, not "no fan-out at all")
        line_ok: dict[str, float] = {}
        for sentence, for_points in units:
            polarity = negated(sentence)

            def same_polarity(score: float, example: str, polarity: bool = polarity) -> float:
                return score if negated(example) == polarity else score * NEGATION_PENALTY

            # each phrasing is weighed with its own polarity before the best one is picked, so a
            # negated sentence meets the negated phrasing of a point, not only its plain one
            ranked = index.rank(sentence, measure="blended", adjust=same_polarity)
            ok_scores: dict[str, float] = {}
            for label, score, _ in ranked:
                if label.startswith("ok:"):
                    ok_scores[label[3:]] = score
            if for_points:
                for pid, score in ok_scores.items():
                    line_ok[pid] = max(line_ok.get(pid, 0.0), score)
            else:
                for pid, score in line_ok.items():
                    ok_scores[pid] = max(ok_scores.get(pid, 0.0), score)
            for label, score, _ in ranked:
                if label.startswith("ok:"):
                    pid = label[3:]
                    if score < POINT_THRESHOLD or not for_points:
                        continue
                    says = explains(sentence)
                    prev = best_ok.get(pid)
                    # an explaining sentence beats a listing one; then the higher score
                    if prev is None or (says, score) > (prev[2], prev[0]):
                        best_ok[pid] = (score, sentence, says)
                elif label.startswith("wrong:"):
                    _, pid, claim = label.split(":", 2)
                    # a whole line holds more words than one claim: it must match more closely
                    floor = WRONG_THRESHOLD if for_points else WRONG_THRESHOLD + WRONG_LINE_EXTRA
                    beats = score >= floor and score > ok_scores.get(pid, 0.0) + WRONG_MARGIN
                    if beats and (pid not in wrong or score > wrong[pid][0]):
                        wrong[pid] = (score, sentence, claim)
    out: list[PointVerdict] = []
    for p in points:
        if p.id in wrong:
            score, sentence, claim = wrong[p.id]
            out.append(PointVerdict(p.id, "wrong", 0.0, sentence, round(score, 3), claim))
        elif p.id in best_ok:
            score, sentence, says = best_ok[p.id]
            status: Status = "explained" if says else "listed"
            credit = 1.0 if says else LISTED_CREDIT
            out.append(PointVerdict(p.id, status, credit, sentence, round(score, 3)))
        else:
            out.append(PointVerdict(p.id, "missed", 0.0))
    return out


def wrong_claim(points: Sequence[Gradable], claim_id: str, point_id: str) -> WrongClaim | None:
    for p in points:
        if p.id == point_id:
            for c in getattr(p, "wrong_claims", ()):
                if c.id == claim_id:
                    return c  # type: ignore[no-any-return]
    return None


def relevance(line: str, question: str, points: Sequence[Gradable] = ()) -> float:
    """How much `line` speaks to a question (its text and its points' phrasings): 0–1."""
    items = [("q", question, 1.0)] + [
        ("q", s, 1.0) for label, s, _w in point_items(points) if label.startswith("ok:")
    ]
    index = build_index(items)
    best = 0.0
    for sentence in sentences(line) or [line]:
        ranked = index.rank(sentence, measure="blended")
        if ranked:
            best = max(best, ranked[0][1])
    return best
