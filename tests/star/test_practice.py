"""Timed practice with a fake clock: never sleeps."""

from __future__ import annotations

import random
from collections.abc import Iterator

from sysdesign.star import practice
from sysdesign.star.bank import load_bank
from sysdesign.star.checks import check_answer, parse_answer
from sysdesign.star.questions import load_questions


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_typed_answer_is_timed_until_an_empty_line() -> None:
    clock = FakeClock()
    lines: Iterator[str] = iter(["\n", "Situation: a\n", "Action: b\n", "\n", "ignored\n"])

    def read_line() -> str:
        clock.advance(40)  # the candidate types one line every 40 seconds
        return next(lines, "")

    text, elapsed = practice.read_typed_answer(read_line, clock)
    assert text == "Situation: a\nAction: b"
    assert elapsed == 160


def test_typed_answer_ends_at_end_of_input() -> None:
    clock = FakeClock()
    lines = iter(["R: 3x faster\n"])
    text, elapsed = practice.read_typed_answer(lambda: next(lines, ""), clock)
    assert (text, elapsed) == ("R: 3x faster", 0)


def test_over_time_and_score() -> None:
    q = load_questions().question("performance-improvement")
    report = check_answer(parse_answer("Situation: x"))
    slow = practice.PracticeResult(q, report, minutes=2, elapsed_seconds=121)
    quick = practice.PracticeResult(q, report, minutes=2, elapsed_seconds=119)
    assert slow.over_time and not quick.over_time
    assert slow.score == report.scores["overall"] * 100
    assert slow.payload()["failed"] == report.failed
    assert slow.payload()["elapsed_seconds"] == 121


def test_time_guide_gives_action_the_most_and_adds_up() -> None:
    for minutes in (1, 2, 2.5, 3, 5):
        guide = practice.time_guide(minutes)
        seconds = {g.section: g.seconds for g in guide}
        assert sum(seconds.values()) == round(minutes * 60)
        assert seconds["action"] == max(seconds.values())
        assert seconds["situation"] < seconds["action"] and seconds["task"] < seconds["action"]


def test_draw_is_seeded_and_filtered() -> None:
    qs = load_questions()
    a = practice.draw_question(qs, random.Random(7), competency="conflict")
    b = practice.draw_question(qs, random.Random(7), competency="conflict")
    assert a == b and "conflict" in a.competencies
    pref = practice.draw_question(qs, random.Random(1), prefer={"performance"})
    assert "performance" in pref.competencies


def test_suggestions_rank_by_tag_overlap() -> None:
    qs = load_questions()
    q = qs.question("technical-depth-hard-bug")  # technical-depth, ownership
    stories = load_bank().all(samples=True)
    found = practice.suggest_stories(q, stories, qs, language="ko", limit=8)
    ids = [s.id for s in found]
    # every sample tagged with both technical-depth and ownership may come first
    assert ids[0] in {"concurrency-bug-ko", "performance-500ms-ko", "capstone-double-booking-ko"}
    assert set(found[0].overlap) == {"ownership", "technical-depth"}
    # the microservices story shares only technical-depth: it comes after both-tag stories
    assert ids.index("microservices-split-ko") > ids.index("concurrency-bug-ko")
