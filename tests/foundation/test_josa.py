"""The josa helper picks the particle a Korean reader expects after any word, id or number."""

from __future__ import annotations

import pytest

from sysdesign.i18n import josa, particle


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        # Hangul: 받침 or not, either order of the pair.
        ("서버", "을/를", "서버를"),
        ("책", "을/를", "책을"),
        ("책", "를/을", "책을"),
        ("캐시", "이/가", "캐시가"),
        ("원장", "이/가", "원장이"),
        ("큐", "은/는", "큐는"),
        ("샤딩", "은/는", "샤딩은"),
        ("서버", "와/과", "서버와"),
        ("원장", "와/과", "원장과"),
        ("철수", "아/야", "철수야"),
        ("민준", "아/야", "민준아"),
        ("서버", "이에요/예요", "서버예요"),
        ("원장", "이에요/예요", "원장이에요"),
        # 으로/로: vowel and ㄹ take 로, other 받침 take 으로.
        ("서버", "으로/로", "서버로"),
        ("파일", "으로/로", "파일로"),
        ("서울", "으로/로", "서울로"),
        ("책", "으로/로", "책으로"),
        ("파일", "을/를", "파일을"),
        # Compatibility jamo by name: 리을 ends in ㄹ, 기역 in ㄱ.
        ("ㄹ", "으로/로", "ㄹ로"),
        ("ㄱ", "이/가", "ㄱ이"),
    ],
)
def test_hangul(word: str, pair: str, expected: str) -> None:
    assert josa(word, pair) == expected


@pytest.mark.parametrize(
    ("digit", "subject", "direction"),
    [
        ("0", "이", "으로"),  # 영
        ("1", "이", "로"),  # 일
        ("2", "가", "로"),  # 이
        ("3", "이", "으로"),  # 삼
        ("4", "가", "로"),  # 사
        ("5", "가", "로"),  # 오
        ("6", "이", "으로"),  # 육
        ("7", "이", "로"),  # 칠
        ("8", "이", "로"),  # 팔
        ("9", "가", "로"),  # 구
    ],
)
def test_every_digit(digit: str, subject: str, direction: str) -> None:
    assert particle(digit, "이/가") == subject
    assert particle(digit, "으로/로") == direction
    assert particle(f"replica-{digit}", "이/가") == subject


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("10", "10을"),  # 십
        ("100", "100을"),  # 백
        ("1,000", "1,000을"),  # 천
        ("20000", "20000을"),  # 만
        ("1000000000000", "1000000000000를"),  # 조
        ("1.5", "1.5를"),  # 일 점 오
        ("2.0", "2.0을"),  # 이 점 영
        ("12", "12를"),  # 십이
        ("231", "231을"),  # 이백삼십일
    ],
)
def test_numbers(number: str, expected: str) -> None:
    assert josa(number, "을/를") == expected


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        # Single letters by their Korean names.
        ("b", "이/가", "b가"),  # 비
        ("k", "이/가", "k가"),  # 케이
        ("l", "으로/로", "l로"),  # 엘
        ("l", "이/가", "l이"),
        ("m", "이/가", "m이"),  # 엠
        ("n", "은/는", "n은"),  # 엔
        ("r", "으로/로", "r로"),  # 알
        ("r", "을/를", "r을"),
        ("s", "을/를", "s를"),  # 에스
        # Acronyms and vowel-less tokens are spelled.
        ("API", "을/를", "API를"),
        ("CDN", "을/를", "CDN을"),
        ("SQL", "으로/로", "SQL로"),
        ("db", "이/가", "db가"),
        ("lb", "으로/로", "lb로"),
        ("png", "으로/로", "png로"),
        # Words by the loanword rule.
        ("redis", "을/를", "redis를"),
        ("kafka", "이/가", "kafka가"),
        ("server", "은/는", "server는"),
        ("broker", "으로/로", "broker로"),
        ("stream", "으로/로", "stream으로"),
        ("string", "이/가", "string이"),
        ("token", "이/가", "token이"),
        ("pool", "으로/로", "pool로"),
        ("table", "으로/로", "table로"),
        ("engine", "이/가", "engine이"),
        ("time", "이/가", "time이"),
        ("cache", "이/가", "cache가"),
        ("node", "이/가", "node가"),
        ("chat", "이/가", "chat이"),
        ("bucket", "이/가", "bucket이"),
        ("app", "이/가", "app이"),
        ("lock", "이/가", "lock이"),
        ("link", "이/가", "link가"),
        ("post", "이/가", "post가"),
        ("notification", "이/가", "notification이"),
    ],
)
def test_latin(word: str, pair: str, expected: str) -> None:
    assert josa(word, pair) == expected


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("db-1", "이/가", "db-1이"),
        ("db-1", "으로/로", "db-1로"),
        ("db-2", "으로/로", "db-2로"),
        ("api-gateway", "으로/로", "api-gateway로"),
        ("timeline-cache", "을/를", "timeline-cache를"),
        ("'recon'", "이/가", "'recon'이"),
        ("'redis'", "이/가", "'redis'가"),
        ("design.yaml", "을/를", "design.yaml을"),  # 야믈
        ("design.yaml", "으로/로", "design.yaml로"),
        ("notes/design.json", "이/가", "notes/design.json이"),
        ("out.md", "으로/로", "out.md로"),  # 엠디
        ("out.png", "을/를", "out.png를"),
        ("data/", "을/를", "data/를"),
        ("50%", "이/가", "50%가"),  # 오십 퍼센트
        ("(3)", "이/가", "(3)이"),
    ],
)
def test_ids_paths_and_quotes(word: str, pair: str, expected: str) -> None:
    assert josa(word, pair) == expected


def test_nothing_readable_takes_the_consonant_form() -> None:
    assert josa("", "을/를") == "을"
    assert josa("", "으로/로") == "으로"
    assert josa("🙂", "이/가") == "🙂이"


def test_non_strings_are_rendered_first() -> None:
    assert josa(3, "이/가") == "3이"
    assert josa(2, "이/가") == "2가"


def test_unknown_pair_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown particle pair"):
        particle("서버", "에/에서")
