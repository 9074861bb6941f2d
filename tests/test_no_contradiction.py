"""The interviewer never contradicts the facts: when a follow-up or deep-dive question puts a
number on a population the facts also count (followers, users, members, players, viewers,
connections…), it is a number the facts or the requirement change state, or within them.
("An account with 10 million followers" where the facts say the largest has 100,000 is the
contradiction this catches.) Hypotheticals about other quantities (an 80 ms ping, a viral link
at 50k/s) stay free."""

from __future__ import annotations

import re

import pytest

from sysdesign.library import Library, library

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "b": 1e9,
    "천": 1e3,
    "만": 1e4,
    "십만": 1e5,
    "백만": 1e6,
    "천만": 1e7,
    "억": 1e8,
}
NOUNS = {
    "en": r"(followers?|users?|members?|players?|viewers?|subscribers?|accounts?|connections?|"
    r"drivers?|riders?|people)",
    "ko": r"(팔로워|사용자|이용자|유저|멤버|플레이어|시청자|구독자|계정|연결|기사|라이더)",
}
_RATE_AFTER = r"(?!\s+(?:location|update|request|message|event|write|read)s?\b)"
_EN = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|k\b|m\b|b\b)?\s*"
    r"(?:(?:active|daily|monthly|concurrent|online|registered)\s+)?" + NOUNS["en"] + _RATE_AFTER,
    re.I,
)
# Korean puts the noun first: "팔로워가 10만 명", "사용자는 3억"
_KO = re.compile(
    NOUNS["ko"] + r"\S*\s+(\d[\d,]*(?:\.\d+)?)\s*(천만|백만|십만|만|억|천)?\s*명?" + _RATE_AFTER
)


def counts(text: str, lang: str) -> list[tuple[float, str]]:
    """(value, noun) for each number that counts a population in `text`."""
    out: list[tuple[float, str]] = []
    if lang == "ko":
        for m in _KO.finditer(text):
            value = float(m.group(2).replace(",", ""))
            out.append((value * _SCALE.get(m.group(3) or "", 1.0), m.group(1)))
        return out
    for m in _EN.finditer(text):
        value = float(m.group(1).replace(",", ""))
        unit = (m.group(2) or "").lower()
        out.append((value * _SCALE.get(unit, 1.0), m.group(3).lower().rstrip("s")))
    return out


def _stated(scenario, lang: str) -> dict[str, set[float]]:  # type: ignore[no-untyped-def]
    texts = [f.answer.get(lang) for f in scenario.facts]
    texts += [scenario.curveball.text.get(lang), scenario.prompt.get(lang)]
    out: dict[str, set[float]] = {}
    for t in texts:
        for value, noun in counts(t, lang):
            out.setdefault(noun, set()).add(value)
    return out


@pytest.fixture(scope="module")
def lib() -> Library:
    return library()


def test_counts_are_read_in_both_languages() -> None:
    assert counts("An account with 10 million followers posts.", "en") == [(1e7, "follower")]
    assert counts("팔로워가 1천만 명인 계정", "ko") == [(1e7, "팔로워")]
    assert counts("팔로워 10만 명", "ko") == [(1e5, "팔로워")]
    assert counts("사용자는 3억, 일일 사용자는 1억 명", "ko") == [(3e8, "사용자"), (1e8, "사용자")]
    assert counts("100,000 followers", "en") == [(1e5, "follower")]
    assert counts("a viral link opened 50,000 times a second", "en") == []
    assert counts("20k rider locations a second", "en") == []


def test_a_question_beyond_the_facts_is_caught() -> None:
    from types import SimpleNamespace

    from sysdesign.models.common import Text

    fake = SimpleNamespace(
        facts=[
            SimpleNamespace(
                answer=Text(
                    en="The largest account has 100,000 followers.",
                    ko="가장 큰 계정은 팔로워가 10만 명입니다.",
                )
            )
        ],
        curveball=SimpleNamespace(text=Text(en="Nothing changes.", ko="바뀌는 건 없습니다.")),
        prompt=Text(en="Design a feed.", ko="피드를 설계하세요."),
    )
    assert problems_in(
        fake,
        [
            (
                "q",
                Text(
                    en="An account with 10 million followers posts.",
                    ko="팔로워가 1천만 명인 계정이 글을 씁니다.",
                ),
            )
        ],
    ) == [
        "q (en): 1e+07 follower, more than the facts state (100000)",
        "q (ko): 1e+07 팔로워, more than the facts state (100000)",
    ]


def problems_in(scenario, asked) -> list[str]:  # type: ignore[no-untyped-def]
    out: list[str] = []
    for lang in ("en", "ko"):
        known = _stated(scenario, lang)
        for qid, text in asked:
            for value, noun in counts(text.get(lang), lang):
                stated = known.get(noun)
                if stated and value > max(stated) * 1.02:
                    out.append(
                        f"{qid} ({lang}): {value:g} {noun}, more than the facts state "
                        f"({max(stated):g})"
                    )
    return out


def test_questions_never_contradict_the_facts(lib: Library) -> None:
    problems: list[str] = []
    for sid in lib.scenarios:
        scenario = lib.scenario(sid)
        rubric = lib.rubric(sid)
        asked = [(f.id, f.question) for f in scenario.followups]
        asked += [(d.id, d.question) for d in rubric.deep_dives]
        problems += [f"{sid}/{p}" for p in problems_in(scenario, asked)]
    assert not problems, "\n".join(problems)
