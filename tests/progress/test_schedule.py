"""SM-2 by hand, what each result grades, and the schedule a synthetic week leaves."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sysdesign.progress.schedule import (
    ALGORITHM,
    Card,
    build_schedule,
    due_cards,
    next_easiness,
    reviews_for,
    sm2,
)
from sysdesign.store import ResultRow
from tests.progress.conftest import NOW, T0, day, week_rows


def new_card() -> Card:
    return Card("rule", "spof", T0, T0, T0, T0)


def test_the_algorithm_is_sm2() -> None:
    """SM-2 worked by hand over a mixed run of grades: EF' = EF + 0.1 − (5−q)(0.08 + (5−q)·0.02),
    at least 1.3; q ≥ 3: I = 1, 6, then round(I × EF'); q < 3: start over at I = 1."""
    by_hand = [
        # q, EF after, repetitions, interval
        (4, 2.50, 1, 1),  # 2.5 + 0.1 − 1 × 0.10
        (3, 2.36, 2, 6),  # − 2 × 0.12 = −0.14
        (5, 2.46, 3, 15),  # 6 × 2.46 = 14.76 → 15
        (2, 2.14, 0, 1),  # − 3 × 0.14 = −0.32; a miss starts over
        (4, 2.14, 1, 1),
        (4, 2.14, 2, 6),
        (3, 2.00, 3, 12),  # 6 × 2.00
        (5, 2.10, 4, 25),  # 12 × 2.10 = 25.2 → 25
        (0, 1.30, 0, 1),  # − 5 × 0.18 = −0.80
        (1, 1.30, 0, 1),  # 1.30 − 0.54 is below the floor
        (3, 1.30, 1, 1),
        (3, 1.30, 2, 6),
        (3, 1.30, 3, 8),  # 6 × 1.30 = 7.8 → 8
    ]
    card, at, elapsed = new_card(), T0, 0
    for q, easiness, repetitions, interval in by_hand:
        card = sm2(card, q, at)
        assert card.easiness == pytest.approx(easiness), q
        assert (card.repetitions, card.interval_days) == (repetitions, interval), q
        elapsed += interval
        assert card.due == T0 + timedelta(days=elapsed)
        at = card.due
    assert card.lapses == 3 and card.reviews == 13
    assert ALGORITHM == "SM-2"


def test_sm2_rounds_half_days_up_and_refuses_grades_outside_0_to_5() -> None:
    card = replace(new_card(), repetitions=2, interval_days=5, easiness=2.4)
    assert sm2(card, 4, T0).interval_days == 12  # 5 × 2.4 = 12.0
    card = replace(new_card(), repetitions=2, interval_days=3, easiness=2.5)
    assert sm2(card, 4, T0).interval_days == 8  # 3 × 2.5 = 7.5 → 8
    card = replace(new_card(), repetitions=2, interval_days=1, easiness=1.3)
    assert sm2(card, 3, T0).interval_days == 1  # 1 × 1.3 → 1, never 0
    for q in (-1, 6):
        with pytest.raises(ValueError, match="0–5"):
            sm2(new_card(), q, T0)


def test_easiness_formula_matches_the_paper() -> None:
    # EF' = EF + (0.1 - (5-q)(0.08 + (5-q)0.02)): q=5 +0.10, q=4 ±0, q=3 -0.14, q=0 -0.80
    assert next_easiness(2.5, 5) == pytest.approx(2.6)
    assert next_easiness(2.5, 4) == pytest.approx(2.5)
    assert next_easiness(2.5, 3) == pytest.approx(2.36)
    assert next_easiness(2.5, 0) == pytest.approx(1.7)
    assert next_easiness(1.4, 0) == 1.3  # never below 1.3


def test_intervals_run_1_6_then_times_ef() -> None:
    card = new_card()
    intervals = []
    at = T0
    for _ in range(4):
        card = sm2(card, 5, at)
        intervals.append(card.interval_days)
        at = card.due
    # EF after each review: 2.6, 2.7, 2.8, 2.9; I3 = round(6 × 2.8) = 17, I4 = round(17 × 2.9) = 49
    assert intervals == [1, 6, 17, 49]
    assert card.easiness == pytest.approx(2.9)
    assert card.due == T0 + timedelta(days=1 + 6 + 17 + 49)


def test_a_miss_starts_over_and_counts_a_lapse() -> None:
    card = sm2(sm2(sm2(new_card(), 5, T0), 5, day(1)), 1, day(7))
    assert (card.repetitions, card.interval_days, card.lapses) == (0, 1, 1)
    assert card.due == day(8)
    assert card.last_missed == day(7)
    assert card.easiness == pytest.approx(2.7 - 0.54)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=30))
def test_any_grades_keep_sm2_invariants(grades: list[int]) -> None:
    card = new_card()
    at = T0
    for q in grades:
        card = sm2(card, q, at)
        assert card.easiness >= 1.3
        assert card.interval_days >= 1
        assert card.due > at
        at = at + timedelta(hours=5)
    assert card.lapses == sum(1 for q in grades if q < 3)
    assert card.reviews == len(grades)


def test_the_synthetic_week_gives_these_due_dates() -> None:
    cards = build_schedule(week_rows())
    assert set(cards) == {
        "rule:ws-no-pubsub",
        "rule:spof",
        "question:retention",
        "concept:pubsub",
        "metric:peak_write_qps",
        "check:quantified-result",
    }
    ws = cards["rule:ws-no-pubsub"]  # missed on day 0 and day 2
    assert (ws.lapses, ws.interval_days, ws.due) == (2, 1, day(3))
    assert ws.easiness == pytest.approx(1.42)
    assert ws.contexts == {"chat": 2}
    spof = cards["rule:spof"]  # missed on day 0, avoided in the chat session of day 2
    assert (spof.lapses, spof.repetitions, spof.due) == (1, 1, day(3))
    assert cards["question:retention"].due == day(3)
    assert cards["concept:pubsub"].repetitions == 1
    metric = cards["metric:peak_write_qps"]  # wrong on day 1, 10× off on day 4
    assert (metric.lapses, metric.due, metric.note) == (2, day(5), "peak_forgotten")
    assert metric.easiness == pytest.approx(1.64)
    assert metric.contexts == {"chat": 1, "random": 1}
    check = cards["check:quantified-result"]
    assert (check.due, check.contexts) == (day(4), {"failure-mistake": 1})
    assert [c.key for c in due_cards(cards, NOW)][:1] == ["rule:ws-no-pubsub"]
    assert due_cards(cards, day(3) - timedelta(seconds=1)) == []


def _row(kind: str, item: str, payload: dict[str, Any], score: float = 50, n: int = 1) -> ResultRow:
    return ResultRow(n, kind, item, score, day(n).isoformat(), payload)


def test_passes_are_inferred_only_where_the_mistake_could_show() -> None:
    cards = build_schedule([_row("session", "chat", {"rules": ["ws-no-pubsub"]})])
    # another scenario says nothing about a rule missed in chat
    assert reviews_for(_row("session", "feed", {"rules": []}), cards) == []
    # a payload without `rules` says nothing either
    assert reviews_for(_row("session", "chat", {}), cards) == []
    [review] = reviews_for(_row("session", "chat", {"rules": ["spof"]}), cards)[1:]
    assert (review.key, review.quality) == ("rule:ws-no-pubsub", 4)


def test_drills_star_and_odd_payloads() -> None:
    # a good first drill is no mistake: no card
    assert build_schedule([_row("drill", "read_qps", {"grade": "good"}, 100)]) == {}
    # without a grade, the score decides
    assert "metric:read_qps" in build_schedule([_row("drill", "read_qps", {}, 0)])
    # `failed_checks` (the contract) and `failed` (what `star practice` writes) both count
    for key in ("failed_checks", "failed"):
        assert "check:length" in build_schedule([_row("star", "q1", {key: ["length"]})])
    # a story that passes every check reviews the check cards
    cards = build_schedule(
        [_row("star", "q1", {"failed": ["length"]}), _row("star", "q2", {"failed": []}, n=2)]
    )
    assert cards["check:length"].repetitions == 1
    # an unknown kind is ignored
    assert build_schedule([_row("quiz", "x", {"rules": ["spof"]})]) == {}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
payload_keys = st.sampled_from(
    [
        "rules",
        "missed_questions",
        "missed_concepts",
        "missed_requirements",
        "failed",
        "failed_checks",
        "grade",
        "slip",
        "scenario",
        "areas",
        "breakdown",
        "track",
        "other",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["session", "drill", "star", "other"]),
            st.dictionaries(payload_keys, json_values, max_size=6),
            st.floats(0, 100),
        ),
        max_size=6,
    )
)
def test_malformed_payloads_never_crash(items: list[tuple[str, dict[str, Any], float]]) -> None:
    from sysdesign.progress.areas import build_progress

    rows = [
        ResultRow(i + 1, kind, "chat", score, day(i).isoformat(), payload)
        for i, (kind, payload, score) in enumerate(items)
    ]
    build_schedule(rows)
    build_progress(rows, now=NOW)
