"""The bundled content: every file loads, every text is bilingual, every cross-reference exists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from sysdesign.library import Library, load_design, load_library, reference_design_path
from sysdesign.models.common import Keywords, Reference, Text
from sysdesign.models.design import Design
from sysdesign.models.ids import PHASE_IDS, RULE_IDS
from sysdesign.models.kinds import KINDS

CORE = ("chat", "url-shortener", "news-feed", "video-streaming", "realtime-game")


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


def _walk(obj: Any, where: str) -> Iterator[tuple[str, Any]]:
    """Every model, list item and dict value under `obj`, with a readable location."""
    yield where, obj
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _walk(getattr(obj, name), f"{where}.{name}")
    elif isinstance(obj, list | tuple):
        for i, item in enumerate(obj):
            yield from _walk(item, f"{where}[{i}]")
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _walk(value, f"{where}.{key}")


def _documents(lib: Library) -> Iterator[tuple[str, BaseModel]]:
    for sid, scenario in lib.scenarios.items():
        yield f"scenario:{sid}", scenario
    for sid, rubric in lib.rubrics.items():
        yield f"rubric:{sid}", rubric
    for tid, track in lib.tracks.items():
        yield f"track:{tid}", track


def test_library_loads_with_no_cross_problems(lib: Library) -> None:
    assert lib.scenarios, "no bundled scenarios"
    assert lib.cross_problems() == []


def test_core_scenarios_exist_in_both_languages(lib: Library) -> None:
    for sid in CORE:
        scenario = lib.scenario(sid)
        for text in (scenario.title, scenario.summary, scenario.prompt):
            assert text.get("ko").strip() and text.get("en").strip()
            assert text.get("ko") != text.get("en")
        assert sid in lib.rubrics
    assert list(lib.track("core").scenarios) == list(CORE)


def test_every_text_is_bilingual(lib: Library) -> None:
    texts = 0
    for name, doc in _documents(lib):
        for where, node in _walk(doc, name):
            if isinstance(node, Text):
                texts += 1
                assert node.ko.strip(), f"{where}: empty ko"
                assert node.en.strip(), f"{where}: empty en"
                assert any("\uac00" <= ch <= "\ud7a3" for ch in node.ko), (
                    f"{where}: ko has no Hangul"
                )
    assert texts > 100


def test_every_keyword_list_is_bilingual_and_lower_case(lib: Library) -> None:
    for name, doc in _documents(lib):
        for where, node in _walk(doc, name):
            if type(node) is Keywords:  # Phrasings are sentences, with their own test
                assert node.ko and node.en, f"{where}: keywords need both ko and en"
                for word in node.all():
                    assert word == word.lower() and word.strip() == word, f"{where}: {word!r}"


def test_references_are_well_formed(lib: Library) -> None:
    for name, doc in _documents(lib):
        for where, node in _walk(doc, name):
            if isinstance(node, Reference):
                assert node.title.strip(), where
                assert node.url is None or node.url.startswith("https://"), where


def test_rubric_references_resolve(lib: Library) -> None:
    for sid, rubric in lib.rubrics.items():
        scenario = lib.scenario(rubric.scenario)
        assert rubric.scenario == sid
        facts = {f.id for f in scenario.facts}
        assert set(rubric.key_questions) <= facts, sid
        for dive in rubric.deep_dives:
            assert set(dive.triggers) <= set(RULE_IDS), (sid, dive.id)
        assert set(rubric.avoid_findings) <= set(RULE_IDS), sid
        assert set(rubric.expected_kinds) <= set(KINDS), sid
        assert set(rubric.fanout) <= set(KINDS), sid
        for ids in (
            [r.id for r in rubric.requirements],
            [d.id for d in rubric.deep_dives],
            [p.id for p in rubric.expected_paths],
        ):
            assert len(ids) == len(set(ids)), (sid, ids)
        for dive in rubric.deep_dives:
            concept_ids = [c.id for c in dive.concepts]
            assert len(concept_ids) == len(set(concept_ids)), (sid, dive.id)


def test_tracks_reference_existing_scenarios(lib: Library) -> None:
    for track in lib.tracks.values():
        assert set(track.scenarios) <= set(lib.scenarios), track.id
        assert set(track.variants) <= set(track.scenarios), track.id


def test_curveballs_expect_known_kinds(lib: Library) -> None:
    for sid, scenario in lib.scenarios.items():
        assert set(scenario.curveball.expects.kinds) <= set(KINDS), sid
        assert scenario.curveball.at_minute < scenario.total_minutes, sid


@pytest.mark.parametrize("sid", CORE)
def test_core_scenario_depth(lib: Library, sid: str) -> None:
    """The interview-grade bar: enough facts, follow-ups in every phase, deep dives."""
    scenario = lib.scenario(sid)
    rubric = lib.rubric(sid)
    assert 10 <= len(scenario.facts) <= 16
    topics = {f.topic for f in scenario.facts}
    assert {"scale", "constraint"} <= topics
    assert {"feature", "scope"} & topics
    for phase in PHASE_IDS:
        count = sum(1 for f in scenario.followups if f.phase == phase)
        assert 2 <= count <= 4, (phase, count)
    assert 25 <= scenario.curveball.at_minute <= 35
    assert scenario.curveball.expects.kinds or scenario.curveball.expects.tags
    assert 3 <= len(scenario.expected_estimates) <= 5
    assert scenario.references
    assert 4 <= len(rubric.key_questions) <= 6
    assert 6 <= len(rubric.requirements) <= 10
    kinds = {r.kind for r in rubric.requirements}
    assert kinds == {"functional", "non_functional"}
    assert 3 <= len(rubric.deep_dives) <= 5
    for dive in rubric.deep_dives:
        assert 3 <= len(dive.concepts) <= 5, dive.id
        assert len(dive.model_answer.en) >= 300, dive.id
        assert len(dive.model_answer.ko) >= 150, dive.id
    assert rubric.expected_paths


# ---------------------------------------------------------------- reference designs


def _kind_paths_exist(design: Design, steps: list[str]) -> bool:
    """Whether some chain of edges visits components matching `steps` one after another."""

    def matches(cid: str, step: str) -> bool:
        comp = design.components[cid]
        if step.startswith("tag:"):
            return step[4:] in comp.tags
        return comp.kind == step

    succ: dict[str, list[str]] = {}
    for edge in design.edges():
        succ.setdefault(edge.src, []).append(edge.dst)
    frontier = {cid for cid in design.components if matches(cid, steps[0])}
    for step in steps[1:]:
        frontier = {n for cid in frontier for n in succ.get(cid, []) if matches(n, step)}
        if not frontier:
            return False
    return True


def test_every_rubric_has_a_reference_design(lib: Library) -> None:
    for sid in lib.rubrics:
        path = reference_design_path(sid)
        assert path.is_file(), f"no reference design for {sid}"
        design = load_design(path)
        assert design.scenario == sid
        assert design.notes, f"{sid}: the reference design explains its decisions"


@pytest.mark.parametrize("sid", CORE)
def test_reference_design_has_what_its_rubric_expects(lib: Library, sid: str) -> None:
    rubric = lib.rubric(sid)
    scenario = lib.scenario(sid)
    design = load_design(reference_design_path(sid))
    kinds = {c.kind for c in design.components.values()}
    tags = {t for c in design.components.values() for t in c.tags}
    assert set(rubric.expected_kinds) <= kinds, set(rubric.expected_kinds) - kinds
    assert set(rubric.expected_tags) <= tags, set(rubric.expected_tags) - tags
    assert set(scenario.curveball.expects.kinds) <= kinds
    assert set(scenario.curveball.expects.tags) <= tags
    for path in rubric.expected_paths:
        assert _kind_paths_exist(design, path.steps), path.id
    # Strong designs replicate every stateful or serving tier.
    for cid, comp in design.components.items():
        if comp.kind not in ("client", "notification", "external", "dns"):
            assert comp.is_replicated, f"{sid}: {cid} has one instance"
    # The design's own estimates agree with the scenario's preset where both give a figure.
    preset = scenario.estimates.given()
    for name, value in design.estimates.given().items():
        if name in preset:
            assert value == preset[name], (sid, name)


# ---------------------------------------------------------------- the interviewer hears the facts

# Questions a candidate typically asks, each with the fact it should reach first.
TYPICAL_QUESTIONS: dict[str, list[tuple[str, str]]] = {
    "chat": [
        ("How many daily active users do we have?", "dau"),
        ("하루 활성 사용자가 몇 명인가요?", "dau"),
        ("사용자당 하루에 메시지를 몇 개 보내나요?", "message_rate"),
        ("Do we need group chat?", "group_chat"),
        ("단톡방도 지원해야 하나요?", "group_chat"),
        ("What happens if the recipient is offline?", "offline_delivery"),
        ("메시지 순서가 보장돼야 하나요?", "ordering"),
        ("How long do we keep messages?", "retention"),
        ("PC랑 휴대폰에서 동시에 쓰나요?", "multi_device"),
    ],
    "url-shortener": [
        ("How many URLs are shortened per day?", "new_links"),
        ("리다이렉트는 하루에 몇 번 일어나나요?", "redirects"),
        ("Can users pick a custom alias?", "custom_alias"),
        ("링크에 만료가 있나요?", "expiration"),
        ("코드는 몇 자리여야 하나요?", "code_length"),
        ("Should I use 301 or 302?", "redirect_code"),
    ],
    "news-feed": [
        ("How many followers does a user have on average?", "followers"),
        ("피드는 최신순인가요, 랭킹인가요?", "ordering"),
        ("How quickly must a new post appear in followers' feeds?", "freshness"),
        ("하루 게시물은 몇 건인가요?", "posting"),
    ],
    "video-streaming": [
        ("How many videos are uploaded per day?", "uploads"),
        ("어떤 기기에서 보나요?", "devices"),
        ("How fast must playback start?", "start_latency"),
        ("라이브도 해야 하나요?", "scope"),
    ],
    "realtime-game": [
        ("How many concurrent players?", "players"),
        ("한 경기에 몇 명이 들어가나요?", "match_shape"),
        ("틱레이트는 얼마인가요?", "tick_rate"),
        ("Can we trust the client?", "cheating"),
        ("매칭은 실력 기반인가요?", "matchmaking"),
    ],
}


@pytest.mark.parametrize("sid", CORE)
def test_typical_questions_reach_the_right_fact(lib: Library, sid: str) -> None:
    from sysdesign.understand.facts import match_question

    scenario = lib.scenario(sid)
    for question, fact_id in TYPICAL_QUESTIONS[sid]:
        matched = match_question(question, scenario)
        assert matched.outcome == "answer" and matched.facts[0] == fact_id, (question, matched)
