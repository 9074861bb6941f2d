"""Properties of the design score on any part of a reference design a candidate might draw.

A candidate's design is, very often, a subset of the strong one: some components left out, the
connections between those kept. Whatever the subset, the score stays within 0–100, the
breakdown accounts for every point of it, and each item's reason agrees with its points.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sysdesign import paths
from sysdesign.check import check_design
from sysdesign.library import library, load_design
from sysdesign.models.design import Design

# The promise, written out: a design with a critical finding scores at most 75.
CRITICAL_CAP = 75.0

REFERENCE = {p.stem: load_design(p) for p in sorted(paths.bundled("designs").glob("*.yaml"))}
SCORED = sorted(s for s, d in REFERENCE.items() if d.scenario in library().rubrics)


def subset(design: Design, keep: list[bool]) -> Design:
    """The components whose flag is set (at least one), with the connections between them."""
    ids = [cid for cid, flag in zip(design.components, keep, strict=False) if flag]
    ids = ids or [next(iter(design.components))]
    kept = set(ids)
    components: dict[str, Any] = {
        cid: design.components[cid].model_dump(exclude_none=True) for cid in ids
    }
    connections = [
        {"from": e.src, "to": e.dst, "sync": e.sync, **({"label": e.label} if e.label else {})}
        for e in design.edges()
        if e.src in kept and e.dst in kept
    ]
    data = design.model_dump(exclude={"components", "connections"}, exclude_none=True)
    return Design.model_validate({**data, "components": components, "connections": connections})


@st.composite
def partial_designs(draw: st.DrawFn) -> Design:
    design = REFERENCE[draw(st.sampled_from(SCORED))]
    keep = draw(st.lists(st.booleans(), min_size=len(design.components)))
    return subset(design, keep)


def test_there_are_scored_reference_designs() -> None:
    assert len(SCORED) >= 3, SCORED


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(partial_designs())
def test_any_part_of_a_reference_design_scores_within_bounds_and_adds_up(design: Design) -> None:
    result = check_design(design)
    rubric = library().rubric(design.scenario or "")
    assert result.score is not None
    assert 0.0 <= result.score <= 100.0
    points = [b.points for b in result.breakdown]
    # every point of the score is in the breakdown, and the pools add up to 100
    assert round(sum(points), 1) == result.score
    assert sum(b.max_points for b in result.breakdown) == pytest.approx(100.0)
    criticals = [f for f in result.findings if f.severity == "critical"]
    if criticals:
        assert result.score <= CRITICAL_CAP
    for b in result.breakdown:
        if b.area == "cap":
            # only a critical finding caps the score, and only down to the cap
            assert criticals and b.points < 0 and b.max_points == 0, b
            continue
        if b.area == "findings" and b.item != "hygiene":
            # a finding outside the rubric's list costs points, never gives any
            assert b.max_points == 0 and b.points <= 0
            assert b.reason.en.split(" finding: ")[0] in ("critical", "major", "minor")
            continue
        assert 0.0 <= b.points <= b.max_points + 1e-9, b
        full = b.points >= b.max_points - 1e-9
        if b.area == "components":
            assert full == (not b.reason.en.startswith("no ")), b
        elif b.area == "paths":
            assert full == (" exists: " in b.reason.en), b
        elif b.area == "avoid":
            assert full == b.reason.en.startswith("avoids "), b
        assert b.reason.en and b.reason.ko
        # points lost say what to read (the rubric's own list at least)
        if not full:
            assert b.references or not rubric.references, b


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(partial_designs())
def test_the_whole_reference_design_scores_at_least_any_part_of_it(design: Design) -> None:
    """Leaving components out never raises the score above the full reference design's."""
    full = REFERENCE[design.scenario or ""] if design.scenario in REFERENCE else None
    assert full is not None
    part = check_design(design).score
    whole = check_design(full).score
    assert part is not None and whole is not None
    assert part <= whole + 1e-9


def test_a_critical_finding_caps_an_otherwise_strong_design() -> None:
    """The reference chat design with its store left unreplicated covers everything else,
    yet scores no more than the cap, and the breakdown says why."""
    chat = REFERENCE["chat"]
    data = chat.model_dump(by_alias=True, exclude_none=True)
    store = next(c for c, comp in chat.components.items() if comp.kind == "nosql_db")
    data["components"][store]["replicas"] = 1
    data["components"][store].pop("managed", None)
    data["connections"] = [
        {"from": e.src, "to": e.dst, "sync": e.sync, **({"label": e.label} if e.label else {})}
        for e in chat.edges()
    ]
    weakened = Design.model_validate(data)
    result = check_design(weakened)
    assert any(f.severity == "critical" for f in result.findings)
    assert result.score is not None and result.score <= CRITICAL_CAP
    (cap,) = [b for b in result.breakdown if b.area == "cap"]
    assert "critical" in cap.reason.en and "치명적" in cap.reason.ko
