"""`next` on a fake clock: the synthetic week gives the expected item, reason and due list."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sysdesign.errors import UsageError
from sysdesign.progress.recommend import Catalogue, ScenarioInfo, recommend
from sysdesign.progress.schedule import build_schedule
from sysdesign.store import ResultRow
from tests.progress.conftest import NOW, day, week_rows

CATALOGUE = Catalogue(
    scenarios=(ScenarioInfo("chat", 60), ScenarioInfo("url-shortener", 60)),
    drill_metrics=("write_qps", "peak_write_qps", "storage_total"),
    star_questions=("ownership-beyond-role", "failure-mistake", "conflict-teammate"),
)


def _next(rows: list[ResultRow], minutes: float | None = None, now=NOW):  # type: ignore[no-untyped-def]
    return recommend(build_schedule(rows), rows, CATALOGUE, now=now, minutes=minutes)


def test_no_history_recommends_the_core_scenario_and_says_so() -> None:
    choice = _next([])
    assert (choice.kind, choice.id, choice.first_step) == ("scenario", "chat", True)
    assert choice.command == "sysdesign start chat"
    assert "No practice recorded yet" in choice.reason["en"]
    assert "아직 연습 기록이 없습니다" in choice.reason["ko"]
    short = _next([], minutes=15)
    assert (short.kind, short.id, short.scenario) == ("drill", "peak_write_qps", "chat")
    assert short.command == "sysdesign estimate drill --scenario chat --metric peak_write_qps"


def test_after_the_week_the_most_urgent_mistake_decides() -> None:
    choice = _next(week_rows())
    assert (choice.kind, choice.id) == ("scenario", "chat")
    assert choice.reason["en"].startswith(
        "You missed `ws-no-pubsub` twice in chat; last seen 9 days ago"
    )
    assert (
        "chat에서 설계 규칙 `ws-no-pubsub`에 2번 걸렸습니다; 마지막 연습 9일 전"
        in choice.reason["ko"]
    )
    assert [c.key for c in choice.covers] == [
        "rule:ws-no-pubsub",
        "concept:pubsub",
        "question:retention",
        "rule:spof",
    ]
    assert len(choice.due) == 6
    doc = choice.to_json("en", NOW)
    assert set(doc) >= {"kind", "id", "reason", "due_items"}
    first = doc["due_items"][0]
    assert first["card"] == "rule:ws-no-pubsub"
    assert first["due"] == "2025-01-09T09:00:00+00:00"
    assert first["overdue_days"] == 8.0


def test_fifteen_minutes_gives_a_short_item_and_it_updates_itself() -> None:
    rows = week_rows()
    choice = _next(rows, minutes=15)
    # the failed STAR check is a day more overdue than the drill
    assert (choice.kind, choice.id) == ("star", "ownership-beyond-role")
    assert choice.command == "sysdesign star practice --question ownership-beyond-role"
    assert choice.reason["en"].startswith("Your stories failed the `quantified-result` check once")
    # practise it (a story that passes), and the drill is what is left
    passed = ResultRow(6, "star", "ownership-beyond-role", 90, NOW.isoformat(), {"failed": []})
    later = NOW.replace(minute=30)
    choice = _next([*rows, passed], minutes=15, now=later)
    assert (choice.kind, choice.id, choice.scenario) == ("drill", "peak_write_qps", "chat")
    assert choice.command == "sysdesign estimate drill --scenario chat --metric peak_write_qps"
    assert choice.reason["en"].startswith(
        "You misjudged `peak_write_qps` twice (likely slip: peak_forgotten); last seen 7 days ago"
    )
    assert choice.minutes <= 15


def test_forty_five_minutes_or_more_gives_an_interview_that_fits() -> None:
    choice = _next(week_rows(), minutes=50)
    assert (choice.kind, choice.id, choice.minutes) == ("scenario", "chat", 50)
    assert choice.command == "sysdesign start chat --minutes 50"
    assert _next(week_rows(), minutes=90).command == "sysdesign start chat"


def test_nothing_due_suggests_what_was_practised_longest_ago() -> None:
    rows = week_rows()[:1]  # day 0's chat session only
    early = day(0.5)  # before its mistakes fall due (day 1)
    choice = _next(rows, minutes=60, now=early)
    assert (choice.kind, choice.id) == ("scenario", "url-shortener")
    assert choice.reason["en"] == (
        "Nothing is due until 2025-01-07 (`pubsub`). You have not practised `url-shortener` yet"
    )
    short = _next(rows, minutes=10, now=early)
    assert (short.kind, short.id) == ("star", "ownership-beyond-role")  # never practised
    # a due drill does not make a long slot short: the interview says what else is due
    rows = week_rows()[:3]
    choice = _next(rows, minutes=60, now=day(2.5))
    assert (choice.kind, choice.id) == ("scenario", "url-shortener")
    assert choice.reason["en"].startswith("No interview mistake is due (1 drill or STAR item(s)")
    assert _next(rows, minutes=10, now=day(2.5)).id == "peak_write_qps"


def test_too_little_time_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--minutes"):
        _next(week_rows(), minutes=3)


def test_drill_without_scenario_has_no_scenario_flag() -> None:
    rows = [replace(r, payload={"grade": "wrong"}) for r in week_rows() if r.kind == "drill"]
    choice = _next(rows, minutes=10)
    assert choice.command == "sysdesign estimate drill --metric peak_write_qps"
