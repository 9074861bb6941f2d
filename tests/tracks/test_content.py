"""The company tracks: four loops of at least three scenarios each, bilingual, every scenario
at the depth of the core ones, with a strong reference design and references that exist."""

from __future__ import annotations

import pytest

from sysdesign.library import Library, load_design, load_library, preset_for, reference_design_path
from sysdesign.models.common import Reference, Text
from sysdesign.models.design import Design
from sysdesign.models.ids import PHASE_IDS, RULE_IDS
from sysdesign.models.kinds import KINDS

COMPANY_TRACKS = ("korea-bigtech", "commerce", "fintech", "faang")
#: Scenarios written for the company tracks (the core ones are covered by tests/test_content.py).
TRACK_SCENARIOS = (
    "money-transfer-ledger",
    "inventory-flash-sale",
    "payment-system",
    "order-processing",
    "feed-recommendation",
    "ride-matching",
    "fraud-detection-realtime",
    "api-platform-100k-rps",
    "zero-downtime-banking",
    "delivery-dispatch",
    "messaging-2b-users",
    "rate-limiter",
    "unique-id-generator",
    "metrics-monitoring",
    "ad-click-aggregation",
    "distributed-message-queue",
    "regulatory-compliance",
    "digital-wallet",
    "web-crawler",
    "file-sync",
    "realtime-ranking",
    "notification-system",
    "multi-region-api-1b",
    "datacenter-outage",
    "stock-exchange",
    "hotel-reservation",
    "proximity-service",
    "nearby-friends",
    "object-storage",
)
#: The rules the tracks added, and the scenarios whose rubric must ask about each.
TRACK_RULES = {
    "no-idempotency": (
        "money-transfer-ledger",
        "payment-system",
        "order-processing",
        "zero-downtime-banking",
    ),
    "no-double-entry": ("money-transfer-ledger", "payment-system", "zero-downtime-banking"),
    "non-atomic-stock": ("inventory-flash-sale", "order-processing"),
    "sync-fraud-no-fallback": ("fraud-detection-realtime",),
}


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


def _hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def _bilingual(text: Text, where: str) -> None:
    assert text.ko.strip() and text.en.strip(), where
    assert _hangul(text.ko), f"{where}: ko has no Hangul"
    assert not _hangul(text.en), f"{where}: en has Hangul"
    assert text.ko != text.en, where


@pytest.mark.parametrize("track_id", COMPANY_TRACKS)
def test_company_track_is_a_bilingual_pack_of_three_or_more(lib: Library, track_id: str) -> None:
    track = lib.track(track_id)
    assert len(track.scenarios) >= 3
    assert len(set(track.scenarios)) == len(track.scenarios)
    assert track.companies, "a company track names its companies"
    for field in ("title", "stresses", "intro"):
        _bilingual(getattr(track, field), f"{track_id}.{field}")
    for sid in track.scenarios:
        scenario = lib.scenario(sid)
        assert sid in lib.rubrics, sid
        assert reference_design_path(sid).is_file(), sid
        _bilingual(scenario.title, f"{sid}.title")
        _bilingual(scenario.prompt, f"{sid}.prompt")


def test_the_four_company_tracks_exist_after_core(lib: Library) -> None:
    ids = list(lib.tracks)
    assert ids[0] == "core"
    assert set(COMPANY_TRACKS) <= set(ids)
    assert {sid for t in COMPANY_TRACKS for sid in lib.track(t).scenarios} >= set(TRACK_SCENARIOS)


def test_track_intros_describe_systems_not_hiring_processes(lib: Library) -> None:
    """Intros say what this kind of company's systems stress, never how a company hires."""
    banned = ("interview process", "hiring process", "they always ask", "채용 절차", "채용 과정")
    for tid in COMPANY_TRACKS:
        track = lib.track(tid)
        for text in (track.intro, track.stresses):
            for word in banned:
                assert word not in text.en.lower() and word not in text.ko, (tid, word)


def test_variants_change_the_numbers(lib: Library) -> None:
    track = lib.track("korea-bigtech")
    assert "chat" in track.variants
    for sid, variant in track.variants.items():
        base = lib.scenario(sid).estimates.given()
        merged = preset_for(sid, "korea-bigtech").given()
        assert merged != base, sid
        assert set(variant.given()) <= set(merged)
        assert {k: v for k, v in merged.items() if k not in variant.given()} == {
            k: v for k, v in base.items() if k not in variant.given()
        }


@pytest.mark.parametrize("sid", TRACK_SCENARIOS)
def test_track_scenario_depth(lib: Library, sid: str) -> None:
    """The same interview-grade bar as the core scenarios."""
    scenario = lib.scenario(sid)
    rubric = lib.rubric(sid)
    assert 10 <= len(scenario.facts) <= 16
    topics = {f.topic for f in scenario.facts}
    assert {"scale", "constraint", "non_functional"} <= topics
    assert {"feature", "scope"} & topics
    for fact in scenario.facts:
        assert len(fact.keywords.ko) >= 4 and len(fact.keywords.en) >= 4, fact.id
    for phase in PHASE_IDS:
        count = sum(1 for f in scenario.followups if f.phase == phase)
        assert 2 <= count <= 4, (phase, count)
    assert 25 <= scenario.curveball.at_minute <= 35
    assert scenario.curveball.expects.kinds or scenario.curveball.expects.tags
    assert 3 <= len(scenario.expected_estimates) <= 5
    assert 4 <= len(rubric.key_questions) <= 6
    assert 6 <= len(rubric.requirements) <= 10
    assert {r.kind for r in rubric.requirements} == {"functional", "non_functional"}
    assert 3 <= len(rubric.deep_dives) <= 5
    for dive in rubric.deep_dives:
        assert 3 <= len(dive.concepts) <= 5, dive.id
        assert len(dive.model_answer.en) >= 300, dive.id
        assert len(dive.model_answer.ko) >= 150, dive.id
        assert set(dive.triggers) <= set(RULE_IDS), dive.id
    assert rubric.expected_paths
    assert set(rubric.expected_kinds) <= set(KINDS)


def _references(lib: Library, sid: str) -> list[Reference]:
    rubric = lib.rubric(sid)
    refs = [*lib.scenario(sid).references, *rubric.references]
    for dive in rubric.deep_dives:
        refs.extend(dive.references)
    return refs


@pytest.mark.parametrize("sid", TRACK_SCENARIOS)
def test_references_exist_and_are_cited_consistently(lib: Library, sid: str) -> None:
    """Every scenario cites sources; a deep dive's or rubric's reference is one the scenario lists
    (same title), so the reading list a user sees is the one that was checked."""
    scenario_refs = lib.scenario(sid).references
    assert len(scenario_refs) >= 2
    titles = {r.title for r in scenario_refs}
    for ref in _references(lib, sid):
        assert ref.title.strip()
        assert ref.url is None or ref.url.startswith("https://"), ref
        assert ref.title in titles, f"{sid}: {ref.title!r} is not in the scenario's references"
    for ref in scenario_refs:
        assert ref.note is not None, ref.title
        _bilingual(ref.note, f"{sid}: {ref.title}")


@pytest.mark.parametrize("rule_id", sorted(TRACK_RULES))
def test_track_rules_drive_deep_dives(lib: Library, rule_id: str) -> None:
    """A design caught by a track rule makes the interviewer ask the matching deep dive, and
    the rubric counts the rule among the findings a strong design avoids."""
    for sid in TRACK_RULES[rule_id]:
        rubric = lib.rubric(sid)
        assert rule_id in rubric.avoid_findings, (sid, rule_id)
        assert any(rule_id in d.triggers for d in rubric.deep_dives), (sid, rule_id)


def _paths_exist(design: Design, steps: list[str]) -> bool:
    """The flow exists as `sysdesign check` sees it (inner hops may not be data stores)."""
    from sysdesign.design.graph import build_graph, kind_path

    found, _ = kind_path(build_graph(design), steps)
    return found is not None


@pytest.mark.parametrize("sid", TRACK_SCENARIOS)
def test_reference_design_has_what_its_rubric_expects(lib: Library, sid: str) -> None:
    rubric = lib.rubric(sid)
    scenario = lib.scenario(sid)
    design = load_design(reference_design_path(sid))
    assert design.scenario == sid and design.notes
    kinds = {c.kind for c in design.components.values()}
    tags = {t for c in design.components.values() for t in c.tags}
    assert set(rubric.expected_kinds) <= kinds, set(rubric.expected_kinds) - kinds
    assert set(rubric.expected_tags) <= tags, set(rubric.expected_tags) - tags
    assert set(scenario.curveball.expects.kinds) <= kinds
    assert set(scenario.curveball.expects.tags) <= tags
    for path in rubric.expected_paths:
        assert _paths_exist(design, path.steps), path.id
    for cid, comp in design.components.items():
        if comp.kind not in ("client", "notification", "external", "dns"):
            assert comp.is_replicated, f"{sid}: {cid} has one instance"
    preset = scenario.estimates.given()
    for name, value in design.estimates.given().items():
        if name in preset:
            assert value == preset[name], (sid, name)
