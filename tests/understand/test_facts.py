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


@pytest.mark.parametrize(
    ("scenario", "question"),
    [
        # one shared domain word must not pull a fact in for a side topic
        ("url-shortener", "How many engineers will maintain the redirect service?"),
        ("url-shortener", "Should the redirect service be written in Java or Go?"),
        ("chat", "How many engineers will build the message service?"),
        ("money-transfer-ledger", "What unit-test coverage does the team require?"),
        ("realtime-game", "길드 시스템도 만들어야 해요?"),
        ("rate-limiter", "Go로 짤까요, 러스트로 짤까요?"),
    ],
)
def test_a_side_topic_with_one_shared_word_is_refused(scenario: str, question: str) -> None:
    assert match_question(question, library().scenario(scenario)).outcome == "refuse"


@pytest.mark.parametrize(
    ("scenario", "question", "fact"),
    [
        # a fact whose answer and questions name the side topic still answers it
        ("metrics-monitoring", "How many teams use the system?", "cardinality"),
        ("money-transfer-ledger", "Do we support transfers in other currencies?", "currency"),
        ("regulatory-compliance", "Can we use a public cloud?", "residency"),
        ("messaging-2b-users", "음성 통화나 영상 통화도 설계해야 하나요?", "out_of_scope"),
        # words that only look like side topics: a node failure, fail-open, a rule engine
        ("ad-click-aggregation", "What happens when a node crashes mid-window?", "fault_tolerance"),
        ("rate-limiter", "장애 나면 페일 오픈이에요, 페일 클로즈예요?", "failure"),
    ],
)
def test_a_side_topic_a_fact_covers_is_answered(scenario: str, question: str, fact: str) -> None:
    m = match_question(question, library().scenario(scenario))
    assert m.outcome == "answer", m
    assert m.facts[0] == fact


def test_concept_spans_name_the_tokens() -> None:
    from sysdesign.understand.lexicon import lexicon

    spans = lexicon().spans("How many engineers will maintain the redirect service?")
    assert ("staffing", 2, 3) in spans
    assert any(cid == "redirect" for cid, _, _ in spans)


def test_a_clear_leader_below_the_threshold_answers() -> None:
    """An unusual wording of one fact scores low but far ahead of the rest: it answers; two
    facts close together that low, or a lead that low, do not."""
    from sysdesign.understand import facts as F

    assert F._decide([("a", 0.16, ""), ("b", 0.1, "")]).outcome == "answer"
    assert F._decide([("a", 0.16, ""), ("b", 0.13, "")]).outcome == "refuse"
    assert F._decide([("a", 0.14, ""), ("b", 0.01, "")]).outcome == "refuse"
