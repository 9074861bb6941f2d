"""Scores per area over time, per scenario and track; streaks; --since."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sysdesign.errors import UsageError
from sysdesign.models.ids import RULE_IDS
from sysdesign.progress.areas import (
    AREAS,
    RULE_FAMILIES,
    build_progress,
    family_scores,
    parse_since,
    session_areas,
    sparkline,
    streaks,
)
from tests.progress.conftest import NOW, T0, day, week_rows


def test_every_rule_belongs_to_a_family() -> None:
    families = {r for ids in RULE_FAMILIES.values() for r in ids}
    assert set(RULE_IDS) <= families
    assert set(RULE_FAMILIES["async"]) >= {"ws-no-pubsub", "sync-cycle", "sync-fanout"}


def test_family_scores_are_the_share_of_rules_avoided() -> None:
    scores = family_scores(["ws-no-pubsub", "spof", "sync-fanout"])
    assert scores["availability"] == 75.0  # 1 of 4
    assert scores["async"] == 50.0  # 2 of 4
    assert scores["scalability"] == 80.0  # 1 of 5
    assert scores["data"] == 100.0
    assert family_scores([]) == dict.fromkeys(RULE_FAMILIES, 100.0)


def test_session_areas_from_areas_or_from_the_breakdown() -> None:
    assert session_areas({"areas": {"design": 61.5, "time": 130, "bogus": 3}}) == {
        "design": 61.5,
        "time": 100.0,
    }
    breakdown = [
        {"area": "design", "points": 12, "max": 20},
        {"area": "design", "points": 6, "max": 10},
        {"area": "hints", "points": -2, "max": 0},
        {"area": "time", "points": 0, "max": 0},
        {"oops": 1},
    ]
    assert session_areas({"breakdown": breakdown}) == {"design": 60.0}
    assert session_areas({}) == {}


def test_the_week_by_area_scenario_and_totals() -> None:
    report = build_progress(
        week_rows(), now=NOW, tracks_of=lambda s: ["core"] if s == "chat" else []
    )
    areas = {k: [(p.at, p.score) for p in v.points] for k, v in report.areas.items()}
    assert set(areas) == set(AREAS)
    assert areas["clarifying"] == [(day(0), 50.0), (day(2), 80.0)]
    assert areas["design"] == [(day(0), 40.0), (day(2), 60.0)]
    assert areas["design.async"] == [(day(0), 75.0), (day(2), 75.0)]
    assert areas["design.availability"] == [(day(0), 75.0), (day(2), 100.0)]
    assert areas["estimation"] == [(day(1), 0.0), (day(4), 50.0)]
    assert areas["star"] == [(day(3), 60.0)]
    assert areas["requirements"] == []
    assert report.areas["design"].trend == 20.0
    chat = report.scenarios["chat"]
    assert (chat.count, chat.best, chat.last) == (2, 68.0, 68.0)
    assert report.tracks["core"].count == 2
    assert report.drills == {"peak_write_qps": {"order_of_magnitude": 1, "wrong": 1}}
    assert report.totals["results"] == 5 and report.totals["days_practised"] == 5
    assert report.streak == 0 and report.longest_streak == 5  # practised days 0–4, now day 11

    doc = report.to_json()
    assert set(doc) >= {"areas", "scenarios", "streak", "totals"}
    assert doc["areas"]["star"] == [
        {
            "at": "2025-01-09T09:00:00+00:00",
            "score": 60.0,
            "kind": "star",
            "item": "failure-mistake",
        }
    ]


def test_since_keeps_later_results_but_the_streak_counts_all() -> None:
    report = build_progress(week_rows(), now=day(5), since=day(2))
    assert report.totals["results"] == 3
    assert report.areas["clarifying"].count == 1
    assert report.streak == 5


def test_streak_days_are_local_days() -> None:
    seoul = timezone(timedelta(hours=9))
    # 23:30 and 00:30 UTC are the same Seoul morning… and two UTC days
    rows = week_rows()[:1]
    from dataclasses import replace

    late = replace(rows[0], id=2, at=datetime(2025, 1, 6, 23, 30, tzinfo=UTC).isoformat())
    early = replace(rows[0], id=3, at=datetime(2025, 1, 7, 0, 30, tzinfo=UTC).isoformat())
    assert build_progress([late, early], now=day(1), tz=UTC).totals["days_practised"] == 2
    assert build_progress([late, early], now=day(1), tz=seoul).totals["days_practised"] == 1


def test_streaks() -> None:
    d = date(2025, 1, 1)
    days = [d, d + timedelta(1), d + timedelta(2), d + timedelta(5), d + timedelta(6)]
    assert streaks(days, d + timedelta(6)) == (2, 3)
    assert streaks(days, d + timedelta(7)) == (2, 3)  # yesterday still counts
    assert streaks(days, d + timedelta(8)) == (0, 3)
    assert streaks([], d) == (0, 0)


@given(st.lists(st.floats(-50, 150), max_size=40))
def test_sparkline_has_one_cell_per_value(values: list[float]) -> None:
    line = sparkline(values)
    assert len(line) == len(values)
    assert set(line) <= set("▁▂▃▄▅▆▇█")


def test_sparkline_scale() -> None:
    assert sparkline([0, 50, 100]) == "▁▅█"


def test_parse_since() -> None:
    now = T0
    assert parse_since("7d", now) == now - timedelta(days=7)
    assert parse_since("2w", now) == now - timedelta(days=14)
    assert parse_since("2025-01-01", now) == datetime(2025, 1, 1, tzinfo=UTC)
    assert parse_since("2025-01-01T10:00:00+09:00", now).hour == 10
    with pytest.raises(UsageError, match="--since"):
        parse_since("last tuesday", now)
