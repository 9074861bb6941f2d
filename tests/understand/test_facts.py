"""Fact retrieval's three outcomes on bundled scenarios: an answer, a clarification, a refusal."""

from __future__ import annotations

import pytest

from sysdesign.library import library
from sysdesign.understand.facts import clauses, match_question


@pytest.mark.parametrize(
    ("scenario", "question", "fact"),
    [
        ("news-feed", "Roughly how big is the user base?", "dau"),
        ("news-feed", "What's the read/write mix like?", "feed_reads"),
        ("news-feed", "How fresh does the feed need to be?", "freshness"),
        ("news-feed", "사용자 규모는 대략 어느 정도인가요?", "dau"),
        ("news-feed", "읽기 쓰기 비율은 어떻게 되나요?", "feed_reads"),
        ("news-feed", "피드는 얼마나 최신이어야 하나요?", "freshness"),
        ("payment-system", "결제 승인 응답은 몇 초 안에 와야 하나요?", "psp"),
    ],
)
def test_paraphrased_questions_reach_the_fact(scenario: str, question: str, fact: str) -> None:
    m = match_question(question, library().scenario(scenario))
    assert m.outcome == "answer", m
    assert m.facts[0] == fact


@pytest.mark.parametrize(
    "question",
    [
        "How many engineers are on the team?",
        "When is the launch date?",
        "Which programming language should I use?",
        "개발팀은 몇 명인가요?",
        "언제까지 출시해야 하나요?",
    ],
)
def test_questions_no_fact_answers_are_refused(question: str) -> None:
    assert match_question(question, library().scenario("news-feed")).outcome == "refuse"


def test_two_close_facts_get_a_clarifying_question() -> None:
    """Somewhere between two facts, the interviewer asks which one is meant."""
    from sysdesign.understand import facts as F

    scenario = library().scenario("news-feed")
    ranked = F.fact_index(scenario).rank("How many users and how often?")
    decided = F._decide([(ranked[0][0], 0.5, ""), (ranked[1][0], 0.49, "")])
    assert decided.outcome == "clarify"
    assert decided.choices == (ranked[0][0], ranked[1][0])
    assert F._decide([("a", 0.5, ""), ("b", 0.3, "")]).outcome == "answer"
    assert F._decide([("a", 0.1, ""), ("b", 0.05, "")]).outcome == "refuse"


def test_a_question_of_two_parts_gets_both_facts() -> None:
    scenario = library().scenario("news-feed")
    m = match_question(
        "How many daily active users are there, and how many posts are written per day?", scenario
    )
    assert m.outcome == "answer"
    assert set(m.facts) >= {"dau", "posting"}
    assert len(clauses("How many users? How big is a post?")) == 2
