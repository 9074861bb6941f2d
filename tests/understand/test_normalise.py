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
        # past tense, read syllable by syllable
        ("끊겼다", "끊기"),
        ("잡혔다", "잡히"),
        ("읽었는지", "읽"),
        ("막았습니다", "막"),
        ("보냈어요", "보내"),
        ("갱신됐어요", "갱신"),
        ("저장했어요", "저장"),
        ("떴어요", "뜨"),
        ("있었어요", "있"),
        # contracted 어/아 before 야, 서, 요
        ("바꿔야", "바꾸"),
        ("보여야", "보이"),
        ("써야", "쓰"),
        ("이하여야", "이하"),  # 여 after a noun of two syllables or more is the copula
        ("보였다", "보이"),
        ("서버였어요", "서버"),
        ("봐요", "보"),
        ("와요", "오"),
        ("봐서", "보"),
        ("봅니다", "보"),
        ("해요", "하"),
        ("지원돼요", "지원"),
        ("보관해", "보관"),
        ("로그인돼", "로그인"),
        # honorifics
        ("보내셨나요", "보내"),
        ("확인하셨어요", "확인"),
        ("주세요", "주"),
        ("확인하시나요", "확인"),
        ("괜찮겠죠", "괜찮"),
        ("해도", "하"),
        # particles and plural
        ("사용자들에게는", "사용자"),
        ("레디스에다가", "레디스"),
        ("트래픽이라서", "트래픽"),
        ("관리자에게만", "관리자"),
        ("불만이", "불만"),  # 만 is a particle only after another (에게만, 에만)
        ("안에", "안"),  # one syllable left, after 에
        ("수가", "수"),  # a one-syllable noun that carries particles
        ("앱이", "앱"),
        # words that only look inflected stay whole
        ("대화요", "대화"),  # ㅘ before 요 is undone only for one-syllable verbs (봐요, 와요)
        ("사과요", "사과"),
        ("고려해야", "고려"),  # not 고리: 해야 goes first, 려 stays
        ("재시도해도", "재시도"),  # 도 cannot sit inside another ending: not 재시
        ("중요한가요", "중요"),  # nor can 요
        ("중요", "중요"),
        ("차이", "차이"),
        ("화면", "화면"),
        ("감사합니다", "감사"),
        ("끊기면", "끊기"),  # 면 after a vowel: the conditional ending
        ("넘어가면", "넘어가"),
        ("처리하면", "처리"),
        ("있으면", "있"),
        ("막으려면", "막"),
        ("서버면", "서버"),
        ("메인화면", "메인화면"),  # ... but not in a noun ending in 화면
        ("화면", "화면"),
        ("이어서", "이어서"),  # 어서 stands apart only after a consonant (먹어서): not 이
        ("미디어요", "미디어"),
        ("핑이", "핑"),  # a one-syllable loanword carries particles too
        ("봇이", "봇"),
        ("쾌적하다고", "쾌적"),  # quoted: 하다고, 한다고, 된다고
        ("필요하다고", "필요"),
        ("링크별로", "링크"),  # 별 (per) after a word of two syllables or more
        ("국가별", "국가"),
        ("개별로", "개별"),  # ... not in a word of two
        ("특별", "특별"),
    ],
)
def test_strip_korean(word: str, stem: str) -> None:
    assert strip_korean(word) == stem


@pytest.mark.parametrize(
    ("text", "stems"),
    [
        ("10만명이", ["10", "만명"]),
        ("s3에서", ["s3"]),  # a particle stays on its number, so it is stripped
        ("3초 안에", ["3", "초", "안"]),
        ("하루 100개를", ["하루", "100", "개"]),
        ("500ms", ["500", "ms"]),
        ("바꿀 수 있나요", ["바꾸", "수", "있"]),  # ㄹ before 수 있다 is a verb form
        ("처리할 수 있나요", ["처리", "수", "있"]),
        ("늘어날 거예요", ["늘어나", "거"]),
        ("파일 수가 많아요", ["파일", "수", "많"]),  # a noun before 수 (count) keeps its ㄹ
        ("세일 때", ["세일", "때"]),
        ("메세지 푸쉬가", ["메시지", "푸시"]),  # loanword spellings to the standard one
        ("컨텐츠 캐쉬", ["콘텐츠", "캐시"]),
    ],
)
def test_tokens_korean(text: str, stems: list[str]) -> None:
    assert tokens(text) == stems


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
