"""--kill: broken journeys and composed availability."""

from __future__ import annotations

import pytest

from sysdesign.design.catalogue import catalogue
from sysdesign.design.whatif import kill
from sysdesign.errors import UsageError
from sysdesign.library import load_design_text

DESIGN = load_design_text(
    "components: {u: client, lb1: {kind: lb, replicas: 2}, lb2: {kind: lb, replicas: 2}, "
    "api: {kind: api, replicas: 3}, db: {kind: postgres, replicas: 2}, c: redis}\n"
    "connections: [u -> lb1 -> api -> db, u -> lb2 -> api, api -> c]"
)


def test_killing_a_redundant_path_breaks_nothing_but_lowers_availability() -> None:
    out = kill(DESIGN, ["lb1"])
    assert out.broken_journeys == ()
    assert out.availability_after < out.availability_before


def test_killing_a_must_cross_component_breaks_its_journeys() -> None:
    out = kill(DESIGN, ["api"])
    assert {(j.client, j.store) for j in out.broken_journeys} == {("u", "db"), ("u", "c")}
    assert out.availability_after == 0
    out = kill(DESIGN, ["c"])
    assert [(j.client, j.store) for j in out.broken_journeys] == [("u", "c")]
    assert 0.4 < out.availability_after < 0.5 + 1e-9  # one of two journeys left


def test_availability_composes_replicas_in_parallel_and_hops_in_series() -> None:
    out = kill(DESIGN, ["c"])
    a = catalogue().availability("service", managed=False).value
    journey = next(j for j in out.journeys_before if j.store == "db")
    assert journey.series == ("u", "api", "db")
    expected = (1 - (1 - a) ** 3) * (1 - (1 - a) ** 2)  # api ×3, db ×2 (client counts 1.0)
    assert journey.availability == pytest.approx(expected)


def test_json_shape() -> None:
    doc = kill(DESIGN, ["api"]).to_json()
    assert set(doc) == {"killed", "broken_journeys", "availability_before", "availability_after"}
    assert doc["killed"] == ["api"]


def test_unknown_component_says_did_you_mean() -> None:
    with pytest.raises(UsageError, match="did you mean 'api'"):
        kill(DESIGN, ["apo"])
