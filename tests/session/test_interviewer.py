from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sysdesign.library import load_rubric, load_scenario
from sysdesign.session.interviewer import (
    keyword_hit,
    match_facts,
    normalise,
    pick_deep_dives,
    strip_particle,
)

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def scenario():  # type: ignore[no-untyped-def]
    import shutil
    import tempfile

    tmp = Path(tempfile.mkdtemp()) / "minichat.yaml"
    shutil.copy(DATA / "minichat.scenario.yaml", tmp)
    return load_scenario(tmp)


@pytest.fixture(scope="module")
def rubric():  # type: ignore[no-untyped-def]
    return load_rubric(DATA / "minichat.rubric.yaml")


def test_normalise_and_particles() -> None:
    assert normalise("  How MANY users?! ") == "how many users"
    assert strip_particle("사용자가") == "사용자"
    assert strip_particle("메시지를") == "메시지"
    assert strip_particle("하루에") == "하루"
    assert strip_particle("아이") == "아이"  # too little would remain
    assert strip_particle("users") == "users"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("How many daily active users?", "dau"),
        ("what's the DAU", "dau"),
        ("how many usres are there", "dau"),  # a typo still matches
        ("일일 활성 사용자가 몇 명인가요?", "dau"),
        ("사용자 수는요?", "dau"),
        ("하루 메시지는 몇 개?", "message_rate"),
        ("what is the message volume", "message_rate"),
        ("단체방도 있나요", "group"),
        ("Do we support group chat?", "group"),
    ],
)
def test_match_facts(scenario, question: str, fact: str) -> None:  # type: ignore[no-untyped-def]
    matched = match_facts(question, scenario.facts)
    assert matched, question
    assert matched[0][0].id == fact


@pytest.mark.parametrize(
    "question", ["What is the team's budget?", "예산은 얼마인가요?", "hello there"]
)
def test_unknown_questions_match_nothing(scenario, question: str) -> None:  # type: ignore[no-untyped-def]
    assert match_facts(question, scenario.facts) == []


def test_short_english_keywords_need_a_whole_word(scenario) -> None:  # type: ignore[no-untyped-def]
    assert match_facts("tell me about the daughter", scenario.facts) == []


def test_keyword_hit_in_notes() -> None:
    assert keyword_hit(["pub/sub"], ["each gateway subscribes to a pub sub channel"]) == "pub/sub"
    assert keyword_hit(["연결 정보"], ["게이트웨이별 연결정보를 레디스에 저장"]) == "연결 정보"
    assert keyword_hit(["replication"], ["we shard it"]) is None


def test_deep_dives_triggered_first_then_in_order(rubric) -> None:  # type: ignore[no-untyped-def]
    picked = pick_deep_dives(rubric, ["unreplicated-store"])
    assert [d.id for d, _ in picked] == ["storage", "cross_server"]
    assert picked[0][1] == ["unreplicated-store"]
    picked = pick_deep_dives(rubric, ["ws-no-pubsub", "unreplicated-store"])
    assert [d.id for d, _ in picked] == ["cross_server", "storage"]
    picked = pick_deep_dives(rubric, [])
    assert [d.id for d, _ in picked] == ["cross_server", "ordering"]
    assert all(why == [] for _, why in picked)


@given(st.text(max_size=60))
def test_normalise_is_idempotent_and_matching_never_fails(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    keyword_hit(["daily active users", "사용자 수"], [text])
