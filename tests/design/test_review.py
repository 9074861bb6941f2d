"""Adversarial designs a candidate could plausibly draw, one rule at a time.

Each case pins down either a rule's reason to exist (it must fire, on the right components)
or a correct design it must leave alone. The designs are small on purpose: everything outside
the rule under test is made sound so that the rule is the only thing that can differ.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sysdesign.check import check_design
from sysdesign.design.run import make_context, run_rules
from sysdesign.design.whatif import kill
from sysdesign.library import load_design_text
from sysdesign.models.design import Design
from sysdesign.models.kinds import KINDS as ALL_KINDS
from tests.helpers import invoke

#: A sound front door (replicated LB → replicated API) that the cases below extend.
FRONT = "u: client, lb: {kind: lb, replicas: 2}, api: {kind: api, replicas: 3}"


def fired(text: str, rule: str) -> list[tuple[str, ...]]:
    """The components of each finding of `rule` on the design `text`."""
    ctx = make_context(load_design_text(text))
    return [f.components for f in run_rules(ctx, [rule])]


# (rule, design, components of each expected finding; [] means the rule must stay quiet)
CASES: list[tuple[str, str, list[tuple[str, ...]]]] = [
    # ---- spof
    (
        "spof",  # one LB in front of a replicated tier is still a single point of failure
        "components: {u: client, lb: lb, api: {kind: api, replicas: 3}, "
        "db: {kind: postgres, replicas: 3}}\nconnections: [u -> lb -> api -> db]",
        [("lb",)],
    ),
    (
        "spof",  # managed LB and managed DynamoDB count as replicated
        "components: {u: client, lb: {kind: lb, managed: true}, api: {kind: api, replicas: 3}, "
        "db: {kind: dynamodb, managed: true}}\nconnections: [u -> lb -> api -> db]",
        [],
    ),
    (
        "spof",  # two kinds of client: the drivers' single gateway takes the drivers down
        "components: {rider: client, driver: client, lb: {kind: lb, replicas: 2}, "
        "api: {kind: api, replicas: 3}, gw: ws, loc: {kind: api, replicas: 2}, "
        "db: {kind: postgres, replicas: 2}}\n"
        "connections: [rider -> lb -> api -> db, driver -> gw -> loc -> db]",
        [("gw",)],
    ),
    (
        "spof",  # the same two journeys with every hop replicated
        "components: {rider: client, driver: client, lb: {kind: lb, replicas: 2}, "
        "api: {kind: api, replicas: 3}, gw: {kind: ws, replicas: 3}, "
        "loc: {kind: api, replicas: 2}, db: {kind: postgres, replicas: 2}}\n"
        "connections: [rider -> lb -> api -> db, driver -> lb -> gw -> loc -> db]",
        [],
    ),
    (
        "spof",  # two single services side by side for one client: neither is must-cross
        "components: {u: client, lb: {kind: lb, replicas: 2}, a: api, b: api, "
        "db: {kind: postgres, replicas: 2}}\nconnections: [u -> lb -> a -> db, lb -> b -> db]",
        [],
    ),
    # ---- unreplicated-store
    (
        "unreplicated-store",
        f"components: {{{FRONT}, db: {{kind: dynamodb, managed: true}}, "
        "s3: {kind: s3, managed: true}}\nconnections: [u -> lb -> api -> db, api -> s3]",
        [],
    ),
    # ---- no-cache (read:write 50 from the estimates)
    (
        "no-cache",  # the cache is only ever written to: it serves no read
        f"components: {{{FRONT}, db: {{kind: postgres, replicas: 3}}, c: {{kind: redis, replicas: 2}}}}\n"
        "connections: [u -> lb -> api -> db, {api -> c: write}]\n"
        "estimates: {writes: 1M/day, read_write_ratio: 50}",
        [("api", "db")],
    ),
    (
        "no-cache",  # the cache sits beside a service that never reads the database
        f"components: {{{FRONT}, other: {{kind: api, replicas: 2}}, "
        "db: {kind: postgres, replicas: 3}, c: {kind: redis, replicas: 2}}\n"
        "connections: [u -> lb -> api -> db, lb -> other -> c, {other -> db: write}]\n"
        "estimates: {writes: 1M/day, read_write_ratio: 50}",
        [("api", "db")],
    ),
    (
        "no-cache",  # one cache beside one of two readers is enough
        f"components: {{{FRONT}, other: {{kind: api, replicas: 2}}, "
        "db: {kind: postgres, replicas: 3}, c: {kind: redis, replicas: 2}}\n"
        "connections: [u -> lb -> api -> db, lb -> other -> db, {other -> c: read-through}]\n"
        "estimates: {writes: 1M/day, read_write_ratio: 50}",
        [],
    ),
    (
        "no-cache",  # write-heavy: no cache is needed
        f"components: {{{FRONT}, db: {{kind: postgres, replicas: 3}}}}\n"
        "connections: [u -> lb -> api -> db]\nestimates: {writes: 1M/day, read_write_ratio: 2}",
        [],
    ),
    # ---- no-rate-limit
    (
        "no-rate-limit",  # the web app is behind an API gateway, the mobile app is not
        "components: {web: client, app: client, lb: {kind: lb, replicas: 2}, "
        "gw: {kind: api_gateway, replicas: 2}, api: {kind: api, replicas: 3}, "
        "lb2: {kind: lb, replicas: 2}, api2: {kind: api, replicas: 2}, "
        "db: {kind: postgres, replicas: 3}}\n"
        "connections: [web -> lb -> gw -> api -> db, app -> lb2 -> api2 -> db]",
        [("lb2",)],
    ),
    (
        "no-rate-limit",  # both apps enter through the same API gateway
        "components: {web: client, app: client, lb: {kind: lb, replicas: 2}, "
        "gw: {kind: api_gateway, replicas: 2}, api: {kind: api, replicas: 3}, "
        "db: {kind: postgres, replicas: 3}}\n"
        "connections: [web -> lb -> gw -> api -> db, app -> lb]",
        [],
    ),
    # ---- ws-no-pubsub
    (
        "ws-no-pubsub",  # pub/sub reached only through a queue and a worker still relays
        "components: {u: client, lb: {kind: lb, replicas: 2}, gw: {kind: ws, replicas: 4}, "
        "chat: {kind: api, replicas: 3}, q: {kind: kafka, replicas: 3}, "
        "w: {kind: worker, replicas: 2}, ps: {kind: nats, replicas: 3}, "
        "db: {kind: cassandra, replicas: 3}}\n"
        "connections: [u -> lb -> gw -> chat -> q -> w -> ps -> gw, w -> db]",
        [],
    ),
    (
        "ws-no-pubsub",  # sent over HTTP to the API, which publishes; received over the socket
        "components: {u: client, lb: {kind: lb, replicas: 2}, gw: {kind: ws, replicas: 4}, "
        "api: {kind: api, replicas: 3}, ps: {kind: nats, replicas: 3}, "
        "db: {kind: cassandra, replicas: 3}}\n"
        "connections: [u -> lb -> gw, lb -> api -> ps -> gw, api -> db]",
        [],
    ),
    (
        "ws-no-pubsub",  # the pub/sub is only fed by a cron job, not by anything users send
        "components: {u: client, lb: {kind: lb, replicas: 2}, gw: {kind: ws, replicas: 4}, "
        "chat: {kind: api, replicas: 3}, w: {kind: worker, replicas: 2}, "
        "ps: {kind: nats, replicas: 3}, db: {kind: cassandra, replicas: 3}, cron: scheduler}\n"
        "connections: [u -> lb -> gw -> chat -> db, cron -> w -> ps -> gw]",
        [("gw",)],
    ),
    (
        "ws-no-pubsub",  # a pub/sub the gateways reach but that only feeds a service
        "components: {u: client, lb: {kind: lb, replicas: 2}, gw: {kind: ws, replicas: 4}, "
        "chat: {kind: api, replicas: 3}, ps: {kind: nats, replicas: 3}, "
        "db: {kind: cassandra, replicas: 3}}\n"
        "connections: [u -> lb -> gw -> chat -> ps -> chat, chat -> db]",
        [("gw",)],
    ),
    # ---- sync-cycle
    (
        "sync-cycle",  # a → b synchronously, b → a through a queue: asynchronous, no cycle
        f"components: {{{FRONT}, b: {{kind: api, replicas: 2}}, q: {{kind: kafka, replicas: 3}}, "
        "db: {kind: postgres, replicas: 2}}\nconnections: [u -> lb -> api -> b -> q -> api, b -> db]",
        [],
    ),
    (
        "sync-cycle",  # through a queue and a worker that calls back synchronously: no cycle
        f"components: {{{FRONT}, q: {{kind: kafka, replicas: 3}}, w: {{kind: worker, replicas: 2}}, "
        "db: {kind: postgres, replicas: 2}}\nconnections: [u -> lb -> api -> q -> w -> api, api -> db]",
        [],
    ),
    (
        "sync-cycle",
        f"components: {{{FRONT}, b: {{kind: api, replicas: 2}}, db: {{kind: postgres, replicas: 2}}}}\n"
        "connections: [u -> lb -> api -> b -> api, b -> db]",
        [("api", "b")],
    ),
    (
        "sync-cycle",  # the same cycle with an internal load balancer drawn in front of b
        f"components: {{{FRONT}, ilb: {{kind: lb, replicas: 2}}, b: {{kind: api, replicas: 2}}, "
        "db: {kind: postgres, replicas: 2}}\n"
        "connections: [u -> lb -> api -> ilb -> b -> api, b -> db]",
        [("api", "b")],
    ),
    (
        "sync-cycle",  # a service behind its own LB calling a sibling through that LB
        f"components: {{{FRONT}, b: {{kind: api, replicas: 2}}, db: {{kind: postgres, replicas: 2}}}}\n"
        "connections: [u -> lb -> api -> lb -> b -> db]",
        [],
    ),
    # ---- no-cdn
    (
        "no-cdn",  # a CDN fronts the store; the unlabelled direct edge is the signed-URL upload
        f"components: {{{FRONT}, cdn: {{kind: cdn, managed: true}}, s3: {{kind: s3, managed: true}}}}\n"
        "connections: [u -> cdn -> s3, u -> s3, u -> lb -> api -> s3]",
        [],
    ),
    (
        "no-cdn",  # … but a direct edge labelled as a download goes around the CDN
        f"components: {{{FRONT}, cdn: {{kind: cdn, managed: true}}, s3: {{kind: s3, managed: true}}}}\n"
        "connections: [u -> cdn -> s3, {u -> s3: download originals}, u -> lb -> api -> s3]",
        [("s3",)],
    ),
    (
        "no-cdn",  # no CDN at all: the API proxies media reads from the store
        f"components: {{{FRONT}, s3: {{kind: s3, managed: true}}}}\n"
        "connections: [u -> lb -> api -> s3]",
        [("s3", "lb", "api")],
    ),
    (
        "no-cdn",  # uploads only, labelled so
        f"components: {{{FRONT}, s3: {{kind: s3, managed: true}}}}\n"
        "connections: [u -> lb -> api, {api -> s3: upload}]",
        [],
    ),
]


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    CASES,
    ids=[f"{rule}-{i}" for i, (rule, _, _) in enumerate(CASES)],
)
def test_adversarial_design(rule: str, text: str, expected: list[tuple[str, ...]]) -> None:
    assert fired(text, rule) == expected


def test_the_cases_cover_both_outcomes_of_every_rule_they_name() -> None:
    """Each rule exercised here has a case where it fires and one where it must not."""
    by_rule: dict[str, set[bool]] = {}
    for rule, _, expected in CASES:
        by_rule.setdefault(rule, set()).add(bool(expected))
    lonely = {r for r, outcomes in by_rule.items() if outcomes != {True, False}}
    # unreplicated-store's firing side is covered by tests/design/test_rules.py
    assert lonely <= {"unreplicated-store"}


def test_a_design_with_no_client_is_checked_without_crashing() -> None:
    design = load_design_text(
        "components: {api: {kind: api, replicas: 2}, db: {kind: postgres, replicas: 2}}\n"
        "connections: [api -> db]"
    )
    result = check_design(design)
    rules = {f.rule for f in result.findings}
    # nothing can be said about paths from clients; everything is unreachable
    assert rules == {"unreachable"}
    assert result.findings[0].components == ("api", "db")


def test_sync_cycle_evidence_names_the_load_balancer_it_passes() -> None:
    ctx = make_context(
        load_design_text(
            f"components: {{{FRONT}, ilb: {{kind: lb, replicas: 2}}, b: {{kind: api, replicas: 2}}}}\n"
            "connections: [u -> lb -> api -> ilb -> b -> api]"
        )
    )
    (finding,) = run_rules(ctx, ["sync-cycle"])
    assert finding.evidence[0].en == "synchronous edges: api → ilb → b → api"


def test_a_self_loop_is_a_located_input_error_not_a_crash() -> None:
    from sysdesign.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match="connects to itself"):
        load_design_text("components: {u: client, a: api}\nconnections: [u -> a, a -> a]")


def test_spof_for_one_kind_of_client_names_that_client() -> None:
    ctx = make_context(
        load_design_text(
            "components: {web: client, app: client, lb: {kind: lb, replicas: 2}, "
            "api: {kind: api, replicas: 3}, bff: api, db: {kind: postgres, replicas: 2}}\n"
            "connections: [web -> lb -> api -> db, app -> bff -> db]"
        )
    )
    (finding,) = run_rules(ctx, ["spof"])
    assert finding.components == ("bff",)
    assert "every path from 'app' to db" in finding.message.en
    assert finding.evidence[0].en.endswith("e.g. app → bff → db")


@pytest.mark.parametrize("capacity", ["0 rps", "0", "0 connections", "0 writes"])
def test_a_zero_capacity_is_a_usage_error_not_a_division_by_zero(
    tmp_path: Path, capacity: str
) -> None:
    design = tmp_path / "zero.yaml"
    design.write_text(
        "components:\n"
        "  u: client\n"
        "  lb: {kind: lb, replicas: 2}\n"
        f"  gw: {{kind: ws, replicas: 3, capacity: {capacity}}}\n"
        f"  api: {{kind: api, replicas: 3, capacity: {capacity}}}\n"
        "  ps: {kind: nats, replicas: 2}\n"
        f"  db: {{kind: postgres, replicas: 3, capacity: {capacity}}}\n"
        "connections: [u -> lb -> gw -> api -> ps -> gw, api -> db]\n"
        "estimates: {dau: 50M, writes_per_user: 10, concurrent_fraction: 0.1}\n"
    )
    code, out, err = invoke("check", str(design))
    assert code == 2 and out == ""
    assert "capacity" in err and "Traceback" not in err


KINDS = sorted(ALL_KINDS)
LABELS = ["", "write", "GET photos", "업로드", "읽기 ✓", "upload; read back", "🚀"]


@st.composite
def random_designs(draw: st.DrawFn) -> Design:
    n = draw(st.integers(1, 9))
    components: dict[str, Any] = {}
    for i in range(n):
        comp: dict[str, Any] = {"kind": draw(st.sampled_from(KINDS))}
        comp["replicas"] = draw(st.sampled_from([1, 2, 3, 10**6]))
        comp["managed"] = draw(st.booleans())
        comp["tags"] = draw(st.lists(st.sampled_from(["fanout", "rate_limit", "x"]), max_size=2))
        comp["label"] = draw(st.sampled_from(["사용자", "Ünïcode", "plain"]))
        components[f"c{i}"] = comp
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=16))
    connections: list[Any] = []
    for a, b in pairs:
        if a == b:
            continue
        label = draw(st.sampled_from(LABELS))
        item: dict[str, Any] = {"from": f"c{a}", "to": f"c{b}"}
        if label:
            item["label"] = label
        connections.append(item)  # duplicates on purpose: parallel connections merge
    estimates = draw(
        st.sampled_from(
            [{}, {"dau": "50M", "writes_per_user": 10, "read_write_ratio": 20}, {"writes": "1/day"}]
        )
    )
    return Design.model_validate(
        {"components": components, "connections": connections, "estimates": estimates}
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_designs())
def test_every_rule_and_kill_survive_any_design(design: Design) -> None:
    """Any graph a candidate can write (islands, cycles, duplicate edges, no client, billions
    of replicas, unicode labels) is checked without an exception, and every finding names
    components of the design and says what, why and how in both languages."""
    result = check_design(design)
    for f in result.findings:
        assert set(f.components) <= set(design.components)
        for text in (f.message, f.why, f.fix):
            assert text.en and text.ko
    out = kill(design, [next(iter(design.components))])
    assert 0.0 <= out.availability_after <= out.availability_before <= 1.0


def test_mutations_keep_an_explicit_sync_false() -> None:
    from tests.design.mutations import bypass, single

    design = load_design_text(
        "components: {u: client, lb: {kind: lb, replicas: 2}, a: {kind: api, replicas: 2}, "
        "b: {kind: api, replicas: 2}}\n"
        "connections: [u -> lb -> a, {from: a, to: b, sync: false}, {from: b, to: a}]"
    )
    for mutated in (single(design, "lb"), bypass(design, "lb")):
        edges = {(e.src, e.dst): e.sync for e in mutated.edges()}
        assert edges[("a", "b")] is False and edges[("b", "a")] is True
        assert not [f for f in check_design(mutated).findings if f.rule == "sync-cycle"]
