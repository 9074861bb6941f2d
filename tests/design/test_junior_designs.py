"""Designs a junior candidate draws, and what the check says about them."""

from __future__ import annotations

from pathlib import Path

from sysdesign.check import check_design
from sysdesign.library import library, load_design

HERE = Path(__file__).resolve().parents[1] / "data" / "designs"


def _result(name: str):  # type: ignore[no-untyped-def]
    design = load_design(HERE / f"{name}.yaml")
    # A bundled junior design names a bundled scenario: a missing rubric is a failure.
    assert not design.scenario or design.scenario in library().rubrics, (
        f"no rubric for {design.scenario}"
    )
    return check_design(design)


def _by_rule(result) -> dict[str, list[tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    out: dict[str, list[tuple[str, ...]]] = {}
    for f in result.findings:
        out.setdefault(f.rule, []).append(f.components)
    return out


def test_junior_chat() -> None:
    result = _result("junior-chat")
    fired = _by_rule(result)
    assert fired["ws-no-pubsub"] == [("ws",)]
    assert fired["no-load-balancer"] == [("ws", "app")]
    assert fired["spof"] == [("chat",)]
    assert fired["unreplicated-store"] == [("db",)]
    assert fired["sync-fanout"] == [("chat", "db", "ws")]
    assert fired["sync-cycle"] == [("ws", "chat")]
    assert ("chat",) in fired["under-provisioned"]
    assert fired["needs-sharding"] == [("db",)]
    assert "missing-path" in fired and "missing-component" in fired
    assert result.score is not None and result.score < 40


def test_junior_feed() -> None:
    result = _result("junior-feed")
    fired = _by_rule(result)
    assert fired["client-to-datastore"] == [("users", "db")]
    assert fired["no-cdn"] == [("photos",)]
    assert fired["no-cache"] == [("app", "db")]
    assert fired["under-provisioned"] == [("app",)]
    assert sorted(fired["unreplicated-store"]) == [("db",), ("photos",)]
    assert result.score is None  # no scenario in the file


def test_junior_microservices() -> None:
    fired = _by_rule(_result("junior-microservices"))
    assert fired["sync-cycle"] == [("orders", "billing", "stock")]
    assert fired["unreachable"] == [("report", "dwh")]
    assert "no-load-balancer" not in fired  # internal tiers need no drawn load balancer
    assert "spof" not in fired
