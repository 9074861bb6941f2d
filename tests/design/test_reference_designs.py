"""Every bundled reference design is clean and scores ≥ 90; each mutation trips the right rule.

Parametrized over whatever `designs/*.yaml` exist, so the tests grow with the content.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sysdesign import paths
from sysdesign.check import CheckResult, check_design
from sysdesign.design.run import make_context
from sysdesign.library import library, load_design
from sysdesign.models.design import Design
from sysdesign.models.kinds import DATA_STORES, DATABASES
from tests.design.mutations import bypass, connect, single

DESIGNS = sorted(paths.bundled("designs").glob("*.yaml"))


def _load(path: Path) -> Design:
    design = load_design(path)
    # Every bundled reference design is scored: a missing rubric is a failure, not a skip.
    assert design.scenario in library().rubrics, f"no rubric for {design.scenario}"
    return design


def _fired(result: CheckResult, rule: str) -> list[tuple[str, ...]]:
    return [f.components for f in result.findings if f.rule == rule]


def test_there_are_reference_designs() -> None:
    assert DESIGNS, "designs/ holds no reference design"


def test_each_mutation_below_applies_to_some_design() -> None:
    """The per-design skips below mean "not applicable here", never "no data": each mutation
    has bundled designs to run on."""
    kinds = {p.stem: {c.kind for c in load_design(p).components.values()} for p in DESIGNS}
    for kind in ("cache", "pubsub", "queue", "cdn"):
        assert sum(kind in k for k in kinds.values()) >= 2, kind


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_reference_design_is_strong(path: Path) -> None:
    design = _load(path)
    assert design.scenario == path.stem
    result = check_design(design)
    critical = [f.message.en for f in result.findings if f.severity == "critical"]
    assert not critical
    assert result.score is not None and result.score >= 90, [
        (b.item, b.reason.en) for b in result.breakdown if b.lost
    ]
    # Every point is accounted for: the breakdown adds up to the score.
    assert round(sum(b.points for b in result.breakdown), 1) == result.score


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_single_instance_is_caught(path: Path) -> None:
    """replicas → 1: a data store gives unreplicated-store, a must-cross component gives spof."""
    design = _load(path)
    ctx = make_context(design)
    guarded = {n for store in ctx.reached_stores for n in ctx.must_cross(store)}
    tried = 0
    for cid, comp in design.components.items():
        if not comp.is_replicated:
            continue
        result = check_design(single(design, cid))
        if comp.kind in DATA_STORES:
            assert (cid,) in _fired(result, "unreplicated-store"), cid
            tried += 1
        elif cid in guarded and comp.kind != "client":
            assert (cid,) in _fired(result, "spof"), cid
            tried += 1
        elif comp.kind in ("service", "websocket_gateway", "api_gateway") and any(
            design.components[u].kind == "client" for u in ctx.graph.pred[cid]
        ):
            continue
    assert tried, "no replicated store or must-cross component to mutate"


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_dropping_the_cache_is_caught(path: Path) -> None:
    design = _load(path)
    caches = [c for c, comp in design.components.items() if comp.kind == "cache"]
    if not caches:
        pytest.skip("no cache in this design")
    mutated = design
    for cid in caches:
        mutated = bypass(mutated, cid)
    result = check_design(mutated)
    rubric = library().rubric(design.scenario or "")
    ctx = make_context(design)
    if ctx.read_write_ratio is not None and ctx.read_write_ratio >= 10:
        readers = {u for u, v in ctx.graph.edges if v in caches}
        assert any(readers & set(c) for c in _fired(result, "no-cache")), result.findings
    if "cache" in rubric.expected_kinds:
        assert any(
            f.rule == "missing-component" and "cache" in f.message.en for f in result.findings
        )
    assert result.score is not None and result.score < check_design(design).score  # type: ignore[operator]


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_dropping_the_pubsub_is_caught(path: Path) -> None:
    design = _load(path)
    buses = [c for c, comp in design.components.items() if comp.kind == "pubsub"]
    if not buses:
        pytest.skip("no pub/sub in this design")
    mutated = design
    for cid in buses:
        mutated = bypass(mutated, cid)
    gateways = tuple(c for c, comp in design.components.items() if comp.kind == "websocket_gateway")
    result = check_design(mutated)
    queues_back = make_context(mutated)
    fired = _fired(result, "ws-no-pubsub")
    # The rule accepts any queue path back into the gateways (a queue consumer may call the
    # gateway holding the user), so it must fire only when no queue reaches a gateway.
    from sysdesign.design.digraph import descendants

    g = queues_back.graph
    if gateways and not any(
        g.nodes[n]["kind"] == "queue" and gateways[0] in descendants(g, n) for n in g.nodes
    ):
        assert gateways in fired, result.findings
    # A control-plane bus (allocator ↔ game servers) turns into synchronous calls both ways.
    caught = {"ws-no-pubsub", "missing-component", "missing-path", "sync-cycle"}
    assert caught & {f.rule for f in result.findings}


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_dropping_the_queue_is_caught(path: Path) -> None:
    design = _load(path)
    queues = [c for c, comp in design.components.items() if comp.kind == "queue"]
    if not queues:
        pytest.skip("no queue in this design")
    rubric = library().rubric(design.scenario or "")
    fanout = [c for c, comp in design.components.items() if "fanout" in comp.tags]
    if (
        "queue" not in rubric.expected_kinds
        and not fanout
        and not any("queue" in p.steps for p in rubric.expected_paths)
    ):
        pytest.skip("this rubric treats the queue as optional")
    mutated = design
    for cid in queues:
        mutated = bypass(mutated, cid)
    result = check_design(mutated)
    rules = {f.rule for f in result.findings}
    if "queue" in rubric.expected_kinds:
        assert any(
            f.rule == "missing-component" and "queue" in f.message.en for f in result.findings
        )
    if any("queue" in p.steps for p in rubric.expected_paths):
        assert "missing-path" in rules
    assert rules & {"missing-component", "missing-path", "sync-fanout"}


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_dropping_the_cdn_is_caught(path: Path) -> None:
    design = _load(path)
    cdns = [c for c, comp in design.components.items() if comp.kind == "cdn"]
    if not cdns:
        pytest.skip("no CDN in this design")
    stores = {
        v
        for e in design.edges()
        for v in [e.dst]
        if e.src in cdns and design.components[v].kind == "object_store"
    }
    mutated = design
    for cid in cdns:
        mutated = bypass(mutated, cid)
    result = check_design(mutated)
    fired = _fired(result, "no-cdn")
    for store in stores:
        assert any(c[0] == store for c in fired), result.findings
    assert {"no-cdn", "missing-component"} & {f.rule for f in result.findings}


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_client_straight_to_database_is_caught(path: Path) -> None:
    design = _load(path)
    client = next(c for c, comp in design.components.items() if comp.kind == "client")
    db = next(c for c, comp in design.components.items() if comp.kind in DATABASES)
    result = check_design(connect(design, client, db))
    assert (client, db) in _fired(result, "client-to-datastore")
    assert result.worst() == "critical"
