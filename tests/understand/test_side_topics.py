"""Refusing what no fact answers (side topics, product choices) without refusing what one does."""

from __future__ import annotations

import pytest

from sysdesign.library import library
from sysdesign.understand import facts as F
from sysdesign.understand.facts import match_question


def _outcome(scenario: str, question: str) -> F.FactMatch:
    return match_question(question, library().scenario(scenario))


# --- a side topic must be named with the fact's own words -------------------------------------


@pytest.mark.parametrize(
    ("scenario", "question"),
    [
        # `virtual_account` names a deposit "deadline", not a sprint
        ("payment-system", "Which sprint are we targeting for the first version?"),
        ("payment-system", "What's the target date for going live with virtual accounts?"),
        # `provider_limits` names a reseller contract (cloud: vendor), not AWS
        ("notification-system", "서버는 AWS에 올려요?"),
        # `alert_rules` names a 담당자 (staffing), not headcount (인력)
        ("metrics-monitoring", "운영 인력은 몇 명이에요?"),
    ],
)
def test_a_side_topic_named_with_other_words_is_refused(scenario: str, question: str) -> None:
    assert _outcome(scenario, question).outcome == "refuse"


@pytest.mark.parametrize(
    ("scenario", "question", "fact"),
    [
        ("distributed-message-queue", "몇 개 팀이 이 큐를 써요?", "topics"),
        ("metrics-monitoring", "이 시스템을 쓰는 팀은 몇 개예요?", "cardinality"),
        ("multi-region-api-1b", "운영하는 SRE는 몇 명이에요?", "team_ops"),
        # 자바 and Java are one language: a sense of `language_stack`
        ("unique-id-generator", "회사 표준 자바 버전이 뭐예요?", "callers"),
        (
            "unique-id-generator",
            "Which version of Java does the company standardise on?",
            "callers",
        ),
    ],
)
def test_a_side_topic_the_fact_names_the_same_way_is_answered(
    scenario: str, question: str, fact: str
) -> None:
    m = _outcome(scenario, question)
    assert m.outcome == "answer", m
    assert m.facts[0] == fact


def test_same_words_compares_stems_senses_and_korean_compounds() -> None:
    assert F._same_words({"sprint"}, {"deadlin"}, {"deadlin", "deposit"}) is False
    assert F._same_words({"team"}, {"team"}, {"team", "300"}) is True
    assert F._same_words({"개발팀"}, {"팀"}, {"팀"}) is True  # a compound ending in the word
    assert F._same_words({"자바", "c:java_lang"}, set(), {"java", "c:java_lang"}) is True
    assert F._same_words(set(), set(), set()) is True  # read from unspaced Korean: no words


def test_an_answer_saying_the_topics_words_keeps_the_facts_score() -> None:
    """realtime-game's scope answer says "Chat, voice… are out of scope": asked about voice
    chat, it answers, though its questions never name the side topic as such."""
    m = _outcome("realtime-game", "게임 안에 음성 채팅도 넣어야 해요?")
    assert m.outcome == "answer"
    assert m.facts[0] == "scope"
    assert F._all_in({"voic", "chat"}, {"voic", "chat", "shop"})
    assert not F._all_in({"voic", "chat"}, {"chat"})
    assert not F._all_in(set(), {"chat"})


# --- technologies no fact names, and choices between products ---------------------------------


@pytest.mark.parametrize(
    ("scenario", "question"),
    [
        ("chat", "Redis or Memcached for the session cache?"),
        ("news-feed", "Should the fan-out workers read from Kafka or RabbitMQ?"),
        ("notification-system", "발송 큐는 카프카로 가요, SQS로 가요?"),
        ("video-streaming", "Is our CDN Akamai or CloudFront?"),
        ("realtime-game", "게임 서버 OS는 우분투예요, CentOS예요?"),
        ("payment-system", "결제 API는 REST로 해요, gRPC로 해요?"),
        ("digital-wallet", "잔액 DB는 오라클이에요, Postgres예요?"),
    ],
)
def test_a_choice_between_products_no_fact_names_is_refused(scenario: str, question: str) -> None:
    assert _outcome(scenario, question).outcome == "refuse"


@pytest.mark.parametrize(
    ("scenario", "question", "fact"),
    [
        # the fact names the products offered
        (
            "unique-id-generator",
            "Are the callers written in Java, Go, or something else?",
            "callers",
        ),
        # a technology named in passing, with the question's subject in a fact
        ("rate-limiter", "If Redis goes down, do we fail open or closed?", "failure"),
    ],
)
def test_a_product_a_fact_names_or_one_named_in_passing_is_answered(
    scenario: str, question: str, fact: str
) -> None:
    m = _outcome(scenario, question)
    assert m.outcome == "answer", m
    assert m.facts[0] == fact


def test_alternatives_need_two_products_and_a_choice() -> None:
    index = F.fact_index(library().scenario("chat"))
    assert len(F._alternatives("Redis or Memcached for the cache?", index)) == 2
    assert len(F._alternatives("MySQL에 넣어요, 카산드라에 넣어요?", index)) == 2
    assert F._alternatives("Redis and Memcached both run here", index) == []  # no choice
    assert F._alternatives("Is Redis fine, or something else?", index) == []  # one product


def test_a_technology_is_a_side_topic_only_where_no_fact_names_it() -> None:
    from sysdesign.understand.lexicon import lexicon

    entries = lexicon().entries
    chat = F.fact_index(library().scenario("chat"))
    assert chat.is_side_topic("kafka_tech", entries)
    assert not chat.is_side_topic("cache", entries)  # a domain concept
    assert chat.is_side_topic("deadline", entries)


# --- side-topic forms: schedule, staffing, process, UI, features nobody specified ------------


@pytest.mark.parametrize(
    ("scenario", "question"),
    [
        ("chat", "When do we need the group chat feature in production?"),
        ("url-shortener", "By when does the click-count part need to be ready?"),
        ("chat", "읽음 표시 기능은 언제까지 나가야 돼요?"),
        ("search-autocomplete", "How many people work on search here?"),
        ("payment-system", "결제 쪽 온콜은 몇 명이서 돌아요?"),
        ("chat", "Do we follow Scrum or Kanban?"),
        ("news-feed", "배포 주기는 어떻게 돼요?"),
        ("chat", "What colour are the chat bubbles?"),
        ("metrics-monitoring", "대시보드 테마는 다크 모드로 해요?"),
        ("inventory-flash-sale", "Do we need coupon stacking?"),
        ("inventory-flash-sale", "쿠폰 중복 적용도 돼야 해요?"),
        ("news-feed", "게시물 북마크 기능도 있어야 해요?"),
    ],
)
def test_side_topic_wordings_are_refused(scenario: str, question: str) -> None:
    assert _outcome(scenario, question).outcome == "refuse"


@pytest.mark.parametrize(
    ("scenario", "question", "fact"),
    [
        ("zero-downtime-banking", "How often do we deploy the account service?", "deploys"),
        ("zero-downtime-banking", "계정 서비스는 얼마나 자주 배포해요?", "deploys"),
        ("rate-limiter", "규칙 바꿀 때마다 배포해야 해요?", "rule_changes"),
        ("hotel-reservation", "Do guests earn loyalty points with each stay?", "scope"),
        ("realtime-game", "How much busier is the launch day of a new season?", "peak_events"),
        ("url-shortener", "Can a user pick their own code, like /spring-sale?", "custom_alias"),
        ("news-feed", "How far back does the feed go — do we keep old posts forever?", "retention"),
    ],
)
def test_questions_that_share_a_side_topics_word_are_still_answered(
    scenario: str, question: str, fact: str
) -> None:
    m = _outcome(scenario, question)
    assert m.outcome == "answer", m
    assert m.facts[0] == fact
