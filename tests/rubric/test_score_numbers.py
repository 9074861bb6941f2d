"""The design score's promised numbers, as literals, on a small rubric whose arithmetic is exact.

35 points for expected kinds and tags, 25 for expected flows, 40 for soundness (70% of it for the
rubric's avoid list, a minor-only rule keeping half its share; the rest is hygiene, where each
other finding costs 10 / 5 / 2 by severity, down to zero); an empty part gives its points to the
others in proportion; and a design with a critical finding scores at most 75.
These tests do not import the module's constants: a changed constant must fail them.
"""

from __future__ import annotations

from typing import Any

import pytest

from sysdesign.design.findings import Finding
from sysdesign.library import library, load_design_text
from sysdesign.models.common import Reference, Text
from sysdesign.models.design import Design
from sysdesign.models.rubric import ExpectedPath, Rubric
from sysdesign.rubric import design_score
from sysdesign.rubric.scoring import BreakdownItem

SEVEN_KINDS = ["load_balancer", "service", "cache", "sql_db", "queue", "cdn", "object_store"]
COMPONENT_OF = {
    "load_balancer": "lb",
    "service": "api",
    "cache": "c",
    "sql_db": "db",
    "queue": "q",
    "cdn": "edge",
    "object_store": "blobs",
}


def _rubric(**update: Any) -> Rubric:
    """The chat rubric with the scored lists replaced: 7 kinds (5 points each), one flow."""
    base = {
        "expected_kinds": SEVEN_KINDS,
        "expected_tags": [],
        "expected_paths": [
            ExpectedPath(
                id="entry",
                steps=["client", "load_balancer"],
                why=Text(en="users arrive", ko="사용자가 들어옴"),
            )
        ],
        "avoid_findings": [],
        "equivalents": {},
    }
    return library().rubric("chat").model_copy(update={**base, **update})


def _design(missing: int = 0) -> Design:
    """Every kind of the rubric, less the last `missing` of them, and the entry flow."""
    kept = SEVEN_KINDS[: len(SEVEN_KINDS) - missing]
    lines = ["components:", "  u: client"]
    lines += [f"  {COMPONENT_OF[k]}: {k}" for k in kept]
    lines += ["connections:", "  - u -> lb" if "load_balancer" in kept else "  []"]
    return load_design_text("\n".join(lines))


def _finding(rule: str, severity: str) -> Finding:
    text = Text(en=f"{rule} here", ko=f"{rule} 여기")
    return Finding(rule, severity, ("api",), text, text, text)  # type: ignore[arg-type]


def _items(items: list[BreakdownItem], area: str) -> list[BreakdownItem]:
    return [i for i in items if i.area == area]


# ---------------------------------------------------------------- pools: 35 / 25 / 40


def test_pools_are_35_25_40_and_add_up_to_100() -> None:
    score, items = design_score(_design(), _rubric(), [])
    assert score == 100.0
    assert [i.max_points for i in _items(items, "components")] == [5.0] * 7  # 35 / 7
    assert [i.max_points for i in _items(items, "paths")] == [25.0]
    assert [(i.item, i.max_points) for i in _items(items, "findings")] == [("hygiene", 40.0)]


def test_an_empty_part_gives_its_points_to_the_others_in_proportion() -> None:
    _, no_paths = design_score(_design(), _rubric(expected_paths=[]), [])
    assert sum(i.max_points for i in _items(no_paths, "components")) == pytest.approx(35 * 100 / 75)
    assert _items(no_paths, "findings")[0].max_points == pytest.approx(40 * 100 / 75)
    _, no_kinds = design_score(_design(), _rubric(expected_kinds=[]), [])
    assert _items(no_kinds, "paths")[0].max_points == pytest.approx(25 * 100 / 65)
    assert _items(no_kinds, "findings")[0].max_points == pytest.approx(40 * 100 / 65)


def test_a_missing_kind_or_flow_loses_exactly_its_share() -> None:
    score, items = design_score(_design(missing=1), _rubric(), [])
    assert score == 95.0
    (lost,) = [i for i in items if i.lost]
    assert (lost.item, lost.points, lost.lost) == ("kind:object_store", 0.0, 5.0)
    assert lost.reason.en == "no object_store in the design"
    assert lost.reason.ko == "설계에 object_store 없음"
    assert lost.references, "points lost say what to read"
    no_flow = load_design_text(
        "components:\n  u: client\n"
        + "".join(f"  {COMPONENT_OF[k]}: {k}\n" for k in SEVEN_KINDS)
        + "connections: []"
    )
    score, items = design_score(no_flow, _rubric(), [])
    assert score == 75.0
    (path,) = _items(items, "paths")
    assert path.reason.en == "flow client → load_balancer is missing: users arrive"


def test_an_expected_tag_counts_like_a_kind() -> None:
    design = load_design_text(
        "components:\n  u: client\n  w: {kind: worker, tags: [fanout]}\nconnections: []"
    )
    rubric = _rubric(expected_kinds=[], expected_tags=["fanout", "dedup"], expected_paths=[])
    score, items = design_score(design, rubric, [])
    tags = {i.item: i.points for i in _items(items, "components")}
    # 35 of 75 points scaled to 100, in two shares
    assert tags == {"tag:fanout": pytest.approx(35 * 100 / 75 / 2), "tag:dedup": 0.0}
    assert score == 76.7  # and 40 of 75 for soundness


# ---------------------------------------------------------------- soundness: 70% avoid, 30% hygiene


def test_the_avoid_list_holds_seventy_percent_of_soundness() -> None:
    rubric = _rubric(avoid_findings=["spof", "no-cache"])
    score, items = design_score(_design(), rubric, [])
    assert score == 100.0
    assert [(i.item, i.max_points) for i in _items(items, "avoid")] == [
        ("rule:spof", 14.0),  # 40 × 0.7 / 2
        ("rule:no-cache", 14.0),
    ]
    assert _items(items, "findings")[-1].max_points == pytest.approx(12.0)  # 40 × 0.3


def test_an_avoided_rule_that_fires_loses_its_share_or_half_when_minor() -> None:
    rubric = _rubric(avoid_findings=["spof", "no-cache"])
    score, items = design_score(_design(), rubric, [_finding("spof", "major")])
    assert score == 86.0
    score, items = design_score(_design(), rubric, [_finding("no-cache", "minor")])
    assert score == 93.0
    (fired,) = [i for i in _items(items, "avoid") if i.lost]
    assert fired.reason.en == "no-cache fired 1×: no-cache here"
    both = [_finding("no-cache", "minor"), _finding("no-cache", "major")]
    score, _ = design_score(_design(), rubric, both)
    assert score == 86.0  # the worst finding decides


def test_other_findings_cost_10_5_2_down_to_zero() -> None:
    rubric = _rubric()  # no avoid list: hygiene holds all 40 points
    for severity, cost in (("critical", 10.0), ("major", 5.0), ("minor", 2.0)):
        score, items = design_score(_design(), rubric, [_finding("sync-cycle", severity)])
        (item,) = [i for i in _items(items, "findings") if i.item != "hygiene"]
        assert item.points == -cost
        assert item.reason.en == f"{severity} finding: sync-cycle here"
        if severity != "critical":
            assert score == 100.0 - cost
    # hygiene is 12 points when the avoid list takes its 70%: 5 + 5 + 2, then nothing more
    rubric = _rubric(avoid_findings=["spof"])
    many = [_finding("sync-cycle", "major")] * 4
    score, items = design_score(_design(), rubric, many)
    assert [i.points for i in _items(items, "findings")] == [-5.0, -5.0, -2.0, 0.0, 12.0]
    assert score == 88.0


def test_coverage_rules_cost_nothing_in_soundness() -> None:
    findings = [_finding("missing-component", "major"), _finding("missing-path", "critical")]
    rubric = _rubric(avoid_findings=["missing-component"])
    score, items = design_score(_design(), rubric, findings)
    assert _items(items, "avoid") == []
    assert [i.item for i in _items(items, "findings")] == ["hygiene"]
    # a coverage rule's critical finding still caps the score
    assert score == 75.0


# ---------------------------------------------------------------- the critical cap: 75


def test_a_critical_finding_caps_the_score_at_75() -> None:
    score, items = design_score(_design(), _rubric(), [_finding("spof", "critical")])
    assert score == 75.0  # 90 without the cap
    (cap,) = _items(items, "cap")
    assert (cap.item, cap.points, cap.max_points) == ("cap:critical", -15.0, 0.0)
    assert cap.reason.en == "capped at 75: a critical finding (spof) fails the design on its own"
    assert cap.reason.ko.startswith("치명적 지적(spof)이 있어 75점으로 제한")
    assert round(sum(i.points for i in items), 1) == 75.0


@pytest.mark.parametrize(
    ("missing", "uncapped", "score"),
    [
        (2, 80.0, 75.0),  # above the cap: capped
        (3, 75.0, 75.0),  # on the cap: nothing to cap
        (4, 70.0, 70.0),  # below the cap: untouched
    ],
)
def test_the_cap_bites_only_above_75(missing: int, uncapped: float, score: float) -> None:
    got, items = design_score(_design(missing), _rubric(), [_finding("spof", "critical")])
    assert got == score
    caps = _items(items, "cap")
    if uncapped > 75:
        assert [c.points for c in caps] == [75.0 - uncapped]
    else:
        assert caps == []


def test_without_a_critical_finding_nothing_caps_the_score() -> None:
    score, items = design_score(_design(), _rubric(), [_finding("spof", "major")])
    assert score == 95.0
    assert _items(items, "cap") == []


def test_breakdown_json_rounds_to_two_places() -> None:
    _, items = design_score(_design(), _rubric(expected_paths=[]), [])
    doc = items[0].to_json("ko")
    assert doc["points"] == 6.67 and doc["max"] == 6.67 and doc["lost"] == 0.0  # 46.67 / 7
    assert doc["reason"] == "load_balancer 있음: lb"
    assert items[0].to_json("en")["reason"] == "has a load_balancer: lb"


def _refs(n: int, prefix: str) -> list[Reference]:
    return [
        Reference(title=f"{prefix} {i}", url=f"https://example.org/{prefix}/{i}") for i in range(n)
    ]


def test_lost_points_link_at_most_three_deep_dive_references_else_two_of_the_rubric() -> None:
    chat = library().rubric("chat")
    dive = chat.deep_dives[0].model_copy(
        update={"triggers": ["sync-cycle"], "references": _refs(4, "dive")}
    )
    rubric = _rubric(deep_dives=[dive], references=_refs(3, "rubric"))
    _, items = design_score(
        _design(missing=1), rubric, [_finding("sync-cycle", "major"), _finding("spof", "minor")]
    )
    refs = {i.item: [r.title for r in i.references] for i in items}
    assert refs["rule:sync-cycle"] == ["dive 0", "dive 1", "dive 2"]
    assert refs["rule:spof"] == ["rubric 0", "rubric 1"]
    assert refs["kind:object_store"] == ["rubric 0", "rubric 1"]  # lost: what to read
    assert refs["kind:cache"] == [] and refs["path:entry"] == []  # full marks: nothing to read
    assert refs["hygiene"] == []


def test_points_lost_are_rounded_to_two_places() -> None:
    _, items = design_score(_design(missing=1), _rubric(expected_paths=[]), [])
    (lost,) = [i for i in items if i.points == 0]
    assert lost.lost == 6.67  # 100 × 35 / 75 / 7
    assert lost.to_json("en")["lost"] == 6.67
