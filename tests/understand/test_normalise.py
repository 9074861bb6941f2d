"""The normaliser: stacked Korean particles and endings, short Korean homonyms, English forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sysdesign.understand.normalise import has_term, normalise, stem_english, strip_korean, tokens


def test_normalise() -> None:
    assert normalise("  How MANY users?! ") == "how many users"
    assert normalise("p99 1.5초, 99.95%") == "p99 1.5초 99.95%"


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("사용자가", "사용자"),
        ("메시지를", "메시지"),
        ("하루에", "하루"),
        ("서버에서의", "서버"),  # stacked: 에서 + 의
        ("캐시에서는", "캐시"),
        ("데이터베이스로는", "데이터베이스"),
        ("저장하나요", "저장"),  # 하다 verb ending
        ("처리해야", "처리"),
        ("반영되나요", "반영"),
        ("트래픽이라는", "트래픽"),
        ("초는", "초"),  # one syllable left, after 는
        ("속도", "속도"),  # 도 is part of the word
        ("평가", "평가"),
        ("회의", "회의"),
        ("아이", "아이"),
        ("users", "users"),
    ],
)
def test_strip_korean(word: str, stem: str) -> None:
    assert strip_korean(word) == stem


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("caches", "cached"),
        ("caching", "cache"),
        ("writes", "writing"),
        ("stored", "store"),
        ("replicas", "replica"),
        ("queries", "query"),
        ("processes", "process"),
    ],
)
def test_english_forms_share_a_stem(a: str, b: str) -> None:
    assert stem_english(a) == stem_english(b)


def test_short_korean_keywords_match_whole_tokens_only() -> None:
    assert not has_term("감사", "감사합니다")
    assert has_term("감사", "감사 로그를 남깁니다")
    assert not has_term("요금", "중요하게 금액을")
    # longer Korean terms may sit inside a token or span a space
    assert has_term("연결 정보", "게이트웨이별 연결정보를 레디스에 저장")
    assert has_term("레디스 클러스터", "레디스클러스터로 구성")


def test_english_terms_match_stems_not_substrings() -> None:
    assert has_term("pub sub", "each gateway subscribes to a pub/sub channel")
    assert has_term("replication", "replication is asynchronous")
    assert not has_term("replication", "we shard it")
    assert not has_term("dau", "the daughter")


@given(st.text(max_size=80))
def test_normalise_is_idempotent_and_tokens_never_fail(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    tokens(text)
    has_term("사용자 수", text)
