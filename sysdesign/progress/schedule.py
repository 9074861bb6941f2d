"""The practice schedule: SM-2 spaced repetition over the things a candidate got wrong.

Algorithm: SM-2, as published by P. A. Wozniak, "Application of a computer to improve the
results obtained in working with the SuperMemo method" (1990),
https://super-memory.com/english/ol/sm2.htm. Each card has an easiness factor EF (starts at
2.5, never below 1.3), a repetition count n and an interval I in days. A review graded q (0–5)
sets EF' = EF + (0.1 − (5 − q)(0.08 + (5 − q)·0.02)); with q ≥ 3 the intervals run 1, 6, then
I·EF (rounded to whole days, with the EF this review just set); with q < 3 the card starts over at n = 0, I = 1 (step 6 of the
paper), keeping the updated EF. Step 7 (re-asking on the same day every item graded below 4) is
left out: a practice item here is a whole drill or interview, not a flash card.

A card exists for each thing a candidate can get wrong, once they have got it wrong:

| card kind | from a result of kind | missed when | reviewed (recalled) when |
|---|---|---|---|
| rule     | session | the final design triggered the rule | a later session of a scenario in which it was missed does not trigger it |
| question | session | a key clarifying question was not asked | the same, for that scenario's question |
| requirement | session | a requirement was not stated | the same, for that scenario's requirement |
| concept  | session | a deep-dive concept was missed | the same, for that scenario's concept |
| metric   | drill   | graded `order_of_magnitude` (q=2) or `wrong` (q=1) | graded `good` (q=5, or 4 with a slip) |
| check    | star    | a story check failed | a later story passes it |
| point    | qa      | a technical-question point was not explained (listed, wrong or missed) | a later round on that topic explains it |

Passes are inferred only where the result could have shown the mistake: a chat session says
nothing about a rule missed only in a feed design, and a payload without the key (`rules`,
`missed_questions`, `missed_concepts`, `failed_checks`) says nothing at all.

The schedule is a pure function of the results (`build_schedule`); the `schedule` table in
the store caches it. Reading it (`load_cards`) brings it up to date with the results first
(`sync`: the results recorded since, or a rebuild from scratch when a result was deleted or one
arrived out of time order). The store only keeps rows; the SQL is the store's.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sysdesign.store import Store

ALGORITHM = "SM-2"
INITIAL_EASINESS = 2.5
MIN_EASINESS = 1.3

CARD_KINDS: tuple[str, ...] = (
    "rule",
    "question",
    "requirement",
    "concept",
    "metric",
    "check",
    "point",
)

# Grades (SM-2's 0–5 quality of response) given to what a result shows.
Q_MISSED = 1  # got it wrong
Q_CLOSE = 2  # a drill within 10×: wrong, but the right order of magnitude
Q_RECALLED = 4  # did not repeat the mistake where it could have
Q_PERFECT = 5  # a drill within 2× with no slip

# Which payload key of a session result lists the misses of each card kind.
SESSION_KEYS: dict[str, str] = {
    "rule": "rules",
    "question": "missed_questions",
    "requirement": "missed_requirements",
    "concept": "missed_concepts",
}
# A story check's failures: `failed_checks`, or `failed` as `star practice` writes it.
STAR_KEYS: tuple[str, ...] = ("failed_checks", "failed")

DRILL_GRADES: dict[str, int] = {
    "good": Q_PERFECT,
    "order_of_magnitude": Q_CLOSE,
    "order": Q_CLOSE,
    "wrong": Q_MISSED,
}


class ResultLike(Protocol):
    """What the schedule reads of a stored result (`sysdesign.store.ResultRow` fits)."""

    @property
    def kind(self) -> str: ...
    @property
    def item(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def at(self) -> str: ...
    @property
    def payload(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Card:
    """One thing a candidate got wrong, with its SM-2 state."""

    kind: str
    item: str
    due: datetime
    first_seen: datetime
    last_seen: datetime
    last_missed: datetime
    easiness: float = INITIAL_EASINESS
    repetitions: int = 0
    interval_days: int = 0
    lapses: int = 0  # times missed
    reviews: int = 0  # times graded, missed or not
    last_quality: int = 0
    contexts: dict[str, int] = field(default_factory=dict)  # scenario (or question) → misses
    note: str | None = None  # the last drill slip, when one was named

    @property
    def key(self) -> str:
        return card_key(self.kind, self.item)

    def is_due(self, now: datetime) -> bool:
        return self.due <= now

    def overdue_days(self, now: datetime) -> float:
        return (now - self.due).total_seconds() / 86400

    def urgency(self, now: datetime) -> float:
        """How much this card needs practice now: overdue relative to its interval, plus lapses.

        A card a day overdue on a one-day interval outranks one a day overdue on a month's
        interval; each lapse adds weight, and a hard card (low EF) a little more.
        """
        overdue = max(0.0, self.overdue_days(now))
        return (
            1.0
            + overdue / max(1, self.interval_days)
            + 0.5 * self.lapses
            + (INITIAL_EASINESS - self.easiness)
        )

    def top_context(self) -> str | None:
        if not self.contexts:
            return None
        return sorted(self.contexts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    def to_json(self, now: datetime | None = None) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "card": self.key,
            "kind": self.kind,
            "id": self.item,
            "due": iso(self.due),
            "interval_days": self.interval_days,
            "easiness": round(self.easiness, 3),
            "repetitions": self.repetitions,
            "lapses": self.lapses,
            "reviews": self.reviews,
            "first_seen": iso(self.first_seen),
            "last_seen": iso(self.last_seen),
            "last_missed": iso(self.last_missed),
            "contexts": dict(self.contexts),
            "note": self.note,
        }
        if now is not None:
            doc["overdue_days"] = round(self.overdue_days(now), 2)
        return doc


@dataclass(frozen=True)
class Review:
    """One grade a result gives one card."""

    kind: str
    item: str
    quality: int
    context: str | None = None
    note: str | None = None

    @property
    def key(self) -> str:
        return card_key(self.kind, self.item)


def card_key(kind: str, item: str) -> str:
    return f"{kind}:{item}"


def iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="seconds")


def parse_at(text: str) -> datetime:
    at = datetime.fromisoformat(text)
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


# ------------------------------------------------------------------------------ SM-2


def next_easiness(easiness: float, quality: int) -> float:
    """SM-2 step 5: EF' = EF + (0.1 − (5 − q)(0.08 + (5 − q)·0.02)), at least 1.3."""
    miss = 5 - quality
    return max(MIN_EASINESS, easiness + (0.1 - miss * (0.08 + miss * 0.02)))


def sm2(card: Card, quality: int, at: datetime) -> Card:
    """Grade `card` with `quality` (0–5) at `at`: the new easiness, interval and due date."""
    if not 0 <= quality <= 5:
        raise ValueError(f"SM-2 quality must be 0–5, not {quality}")
    easiness = next_easiness(card.easiness, quality)
    if quality >= 3:
        repetitions = card.repetitions + 1
        if repetitions == 1:
            interval = 1
        elif repetitions == 2:
            interval = 6
        else:
            interval = max(1, math.floor(card.interval_days * easiness + 0.5))
        lapses, last_missed = card.lapses, card.last_missed
    else:
        repetitions, interval = 0, 1
        lapses, last_missed = card.lapses + 1, at
    return replace(
        card,
        easiness=easiness,
        repetitions=repetitions,
        interval_days=interval,
        due=at + timedelta(days=interval),
        last_seen=at,
        last_missed=last_missed,
        lapses=lapses,
        reviews=card.reviews + 1,
        last_quality=quality,
    )


# ------------------------------------------------------------------------------ results → reviews


def str_list(payload: Mapping[str, Any], key: str) -> list[str] | None:
    """The strings listed under `key`, deduplicated in order; None when the key says nothing.

    A mapping of lists counts as the lists' items in order (`missed_concepts` grouped by
    deep-dive question: `{"fanout": ["pubsub", "presence"]}`).
    """
    value = payload.get(key)
    if isinstance(value, Mapping):
        value = [v for group in value.values() if isinstance(group, list | tuple) for v in group]
    if not isinstance(value, list | tuple):
        return None
    out: list[str] = []
    for v in value:
        if isinstance(v, str) and v and v not in out:
            out.append(v)
        elif isinstance(v, Mapping) and isinstance(v.get("id"), str) and v["id"] not in out:
            out.append(v["id"])  # tolerate [{id: ...}] as well as [id]
    return out


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value:
        return value
    if isinstance(value, Mapping) and isinstance(value.get("id"), str):
        return str(value["id"])
    return None


def drill_quality(score: float, payload: Mapping[str, Any]) -> int:
    """The SM-2 grade of a drill: from its `grade`, else from its score (0–100)."""
    grade = payload.get("grade")
    if isinstance(grade, str) and grade in DRILL_GRADES:
        quality = DRILL_GRADES[grade]
    elif score >= 80:
        quality = Q_PERFECT
    elif score >= 40:
        quality = Q_CLOSE
    else:
        quality = Q_MISSED
    if quality == Q_PERFECT and _text(payload.get("slip")):
        quality = Q_RECALLED
    return quality


def reviews_for(result: ResultLike, cards: Mapping[str, Card]) -> list[Review]:
    """The grades one result gives: misses create or lapse cards, passes review known ones."""
    payload = result.payload if isinstance(result.payload, Mapping) else {}
    out: list[Review] = []
    if result.kind == "session":
        scenario = result.item
        for kind, key in SESSION_KEYS.items():
            missed = str_list(payload, key)
            if missed is None:
                continue  # unknown: neither a miss nor a pass
            out.extend(Review(kind, item, Q_MISSED, scenario) for item in missed)
            for card in cards.values():
                if card.kind == kind and scenario in card.contexts and card.item not in missed:
                    out.append(Review(kind, card.item, Q_RECALLED, scenario))
    elif result.kind == "drill":
        context = _text(payload.get("scenario")) or "random"
        quality = drill_quality(result.score, payload)
        slip = _text(payload.get("slip"))
        if quality < 3 or card_key("metric", result.item) in cards:
            out.append(Review("metric", result.item, quality, context, slip))
    elif result.kind == "star":
        failed = next((f for f in (str_list(payload, k) for k in STAR_KEYS) if f is not None), None)
        if failed is not None:
            out.extend(Review("check", check, Q_MISSED, result.item) for check in failed)
            for card in cards.values():
                if card.kind == "check" and card.item not in failed:
                    out.append(Review("check", card.item, Q_RECALLED, result.item))
    elif result.kind == "qa":
        # item: the topic; points are "topic/question/point"
        missed = str_list(payload, "missed_points")
        explained = str_list(payload, "explained_points")
        if missed is not None:
            out.extend(Review("point", p, Q_MISSED, result.item) for p in missed)
        for p in explained or []:
            if card_key("point", p) in cards:
                out.append(Review("point", p, Q_RECALLED, result.item))
    return out


def apply_result(cards: dict[str, Card], result: ResultLike) -> list[str]:
    """Fold one result into `cards` (in place); returns the keys changed."""
    at = parse_at(result.at)
    changed: list[str] = []
    for review in reviews_for(result, cards):
        card = cards.get(review.key)
        if card is None:
            card = Card(
                kind=review.kind,
                item=review.item,
                due=at,
                first_seen=at,
                last_seen=at,
                last_missed=at,
            )
        card = sm2(card, review.quality, at)
        if review.quality < 3:
            contexts = dict(card.contexts)
            if review.context:
                contexts[review.context] = contexts.get(review.context, 0) + 1
            card = replace(card, contexts=contexts, note=review.note or card.note)
        cards[review.key] = card
        if review.key not in changed:
            changed.append(review.key)
    return changed


def _ordered(results: Iterable[ResultLike]) -> list[ResultLike]:
    return sorted(results, key=lambda r: (parse_at(r.at), getattr(r, "id", 0)))


def build_schedule(results: Iterable[ResultLike]) -> dict[str, Card]:
    """The whole schedule from a history of results, replayed in time order."""
    cards: dict[str, Card] = {}
    for result in _ordered(results):
        apply_result(cards, result)
    return cards


def due_cards(cards: Mapping[str, Card], now: datetime) -> list[Card]:
    """The cards due at `now`, most urgent first."""
    due = [c for c in cards.values() if c.is_due(now)]
    return sorted(due, key=lambda c: (-c.urgency(now), c.due, c.key))


# ------------------------------------------------------------------------------ the store


def _row_to_card(row: Mapping[str, Any]) -> Card:
    contexts = json.loads(row["contexts"] or "{}")
    return Card(
        kind=row["kind"],
        item=row["item"],
        due=parse_at(row["due"]),
        first_seen=parse_at(row["first_seen"]),
        last_seen=parse_at(row["last_seen"]),
        last_missed=parse_at(row["last_missed"]),
        easiness=float(row["easiness"]),
        repetitions=int(row["repetitions"]),
        interval_days=int(row["interval_days"]),
        lapses=int(row["lapses"]),
        reviews=int(row["reviews"]),
        last_quality=int(row["last_quality"]),
        contexts={str(k): int(v) for k, v in contexts.items()},
        note=row["note"],
    )


def _card_row(card: Card) -> dict[str, Any]:
    return {
        "card": card.key,
        "kind": card.kind,
        "item": card.item,
        "easiness": card.easiness,
        "repetitions": card.repetitions,
        "interval_days": card.interval_days,
        "due": iso(card.due),
        "first_seen": iso(card.first_seen),
        "last_seen": iso(card.last_seen),
        "last_missed": iso(card.last_missed),
        "lapses": card.lapses,
        "reviews": card.reviews,
        "last_quality": card.last_quality,
        "contexts": json.dumps(card.contexts, ensure_ascii=False, sort_keys=True),
        "note": card.note,
    }


def stored_cards(store: Store) -> dict[str, Card]:
    """The cards as stored, without catching up with newer results."""
    cards = [_row_to_card(r) for r in store.schedule_rows()]
    return {c.key: c for c in cards}


def load_cards(store: Store) -> dict[str, Card]:
    """The schedule, up to date with every stored result (synced on read; a read-only store
    is replayed in memory)."""
    if store.readonly:
        return build_schedule(store.results())
    return sync(store)


def sync(store: Store) -> dict[str, Card]:
    """Bring the stored schedule up to date with the results; returns every card.

    Incremental when the new results are newer than the last one applied; a full rebuild when
    a result was deleted or one arrived dated before the last applied (an import, a clock
    change).
    """
    with store.transaction():
        state = store.schedule_state()
        through = int(state.get("applied_through", "0"))
        count = int(state.get("applied_count", "0"))
        last_at = state.get("last_at")
        new = [r for r in store.results() if r.id > through]
        full = store.results_kept(through) != count
        if last_at and any(parse_at(r.at) < parse_at(last_at) for r in new):
            full = True
        if full:
            return _rebuild_in_tx(store)
        if not new:
            return stored_cards(store)
        cards = stored_cards(store)
        changed: list[str] = []
        for result in _ordered(new):
            changed.extend(k for k in apply_result(cards, result) if k not in changed)
        newest = max((parse_at(r.at) for r in new), default=None)
        if last_at and newest is not None:
            newest = max(newest, parse_at(last_at))
        store.save_schedule(
            [_card_row(cards[k]) for k in changed],
            {
                "applied_through": str(max(r.id for r in new)),
                "applied_count": str(count + len(new)),
                "last_at": iso(newest) if newest else (last_at or ""),
            },
        )
        return cards


def rebuild(store: Store) -> dict[str, Card]:
    """Recompute the whole schedule from the stored results (after a deletion)."""
    with store.transaction():
        return _rebuild_in_tx(store)


def _rebuild_in_tx(store: Store) -> dict[str, Card]:
    results = store.results()
    cards = build_schedule(results)
    newest = max((parse_at(r.at) for r in results), default=None)
    store.save_schedule(
        [_card_row(c) for c in cards.values()],
        {
            "applied_through": str(max((r.id for r in results), default=0)),
            "applied_count": str(len(results)),
            "last_at": iso(newest) if newest else "",
        },
        replace_all=True,
    )
    return cards
