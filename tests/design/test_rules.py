"""Each rule on the smallest design that trips it, and on the corrected design that does not."""

from __future__ import annotations

import pytest

from sysdesign.check import check_design
from sysdesign.design.findings import Finding, Said
from sysdesign.design.rules import RULES
from sysdesign.design.run import make_context, run_rules
from sysdesign.library import load_design_text
from sysdesign.models.ids import RULE_IDS


def findings(text: str, rule: str) -> list[Finding]:
    ctx = make_context(load_design_text(text))
    return run_rules(ctx, [rule])


def components(text: str, rule: str) -> list[tuple[str, ...]]:
    return [f.components for f in findings(text, rule)]


def test_every_rule_id_is_registered() -> None:
    assert set(RULES) == set(RULE_IDS)


# (rule, design that fires, components expected, design that does not fire)
CASES = [
    (
        "spof",
        "components: {u: client, lb: {kind: lb}, api: {kind: api, replicas: 3}, "
        "db: {kind: postgres, replicas: 2}}\nconnections: [u -> lb -> api -> db]",
        [("lb",)],
        "components: {u: client, lb: {kind: lb, replicas: 2}, api: {kind: api, replicas: 3}, "
        "db: {kind: postgres, replicas: 2}}\nconnections: [u -> lb -> api -> db]",
    ),
    (
        "spof",  # two single services side by side: neither dominates the store
        "components: {u: client, lb: {kind: lb, replicas: 2}, a: api, b: api, "
        "db: {kind: postgres, replicas: 2}}\nconnections: [u -> lb -> a -> db, lb -> b -> db]",
        [],
        None,
    ),
    (
        "unreplicated-store",
        "components: {u: client, api: {kind: api, replicas: 2}, db: postgres, "
        "c: {kind: redis, managed: true}}\nconnections: [u -> api -> db, api -> c]",
        [("db",)],
        "components: {u: client, api: {kind: api, replicas: 2}, db: {kind: postgres, "
        "replicas: 2}}\nconnections: [u -> api -> db]",
    ),
    (
        "no-load-balancer",
        "components: {u: client, dns: dns, api: {kind: api, replicas: 4}, "
        "w: {kind: api, replicas: 4}}\nconnections: [u -> dns -> api -> w]",
        [("api", "u")],
        "components: {u: client, lb: {kind: lb, replicas: 2}, api: {kind: api, replicas: 4}, "
        "w: {kind: api, replicas: 4}}\nconnections: [u -> lb -> api -> w]",
    ),
    (
        "client-to-datastore",
        "components: {u: client, db: mongodb, s3: s3}\nconnections: [u -> db, u -> s3]",
        [("u", "db")],
        "components: {u: client, api: api, db: mongodb}\nconnections: [u -> api -> db]",
    ),
    (
        "no-cache",
        "components: {u: client, api: api, db: postgres}\n"
        "connections: [u -> api -> db]\nestimates: {writes: 1M/day, read_write_ratio: 50}",
        [("api", "db")],
        "components: {u: client, api: api, db: postgres, c: redis}\n"
        "connections: [u -> api -> db, api -> c]\n"
        "estimates: {writes: 1M/day, read_write_ratio: 50}",
    ),
    (
        "no-cache",  # write-only edges are not reads
        "components: {u: client, api: api, db: postgres}\n"
        "connections: [u -> api, {api -> db: write}]\n"
        "estimates: {writes: 1M/day, read_write_ratio: 50}",
        [],
        None,
    ),
    (
        "sync-fanout",
        "components: {u: client, s: {kind: api, tags: [fanout]}, a: api, b: api}\n"
        "connections: [u -> s -> a, s -> b]",
        [("s", "a", "b")],
        "components: {u: client, s: {kind: api, tags: [fanout]}, q: kafka, a: worker}\n"
        "connections: [u -> s -> q -> a]",
    ),
    (
        "no-cdn",
        "components: {u: client, api: api, s3: s3}\n"
        "connections: [u -> s3: load images, {api -> s3: upload}, u -> api]",
        [("s3",)],
        "components: {u: client, cdn: cdn, api: api, s3: s3}\n"
        "connections: [u -> cdn -> s3, u -> api, {api -> s3: upload}]",
    ),
    (
        "ws-no-pubsub",
        "components: {u: client, lb: {kind: lb, replicas: 2}, ws: {kind: ws, replicas: 3}, "
        "chat: {kind: api, replicas: 2}}\nconnections: [u -> lb -> ws -> chat -> ws]",
        [("ws",)],
        "components: {u: client, lb: {kind: lb, replicas: 2}, ws: {kind: ws, replicas: 3}, "
        "chat: {kind: api, replicas: 2}, bus: nats}\n"
        "connections: [u -> lb -> ws -> chat -> bus -> ws]",
    ),
    (
        "ws-no-pubsub",  # a queue that does not lead back into the gateways is not enough
        "components: {u: client, ws: {kind: ws, replicas: 3}, chat: api, q: kafka, w: worker}\n"
        "connections: [u -> ws -> chat -> q -> w]",
        [("ws",)],
        None,
    ),
    (
        "no-rate-limit",
        "components: {u: client, lb: lb, api: api}\nconnections: [u -> lb -> api]",
        [("lb",)],
        "components: {u: client, lb: {kind: lb, tags: [rate_limit]}, api: api}\n"
        "connections: [u -> lb -> api]",
    ),
    (
        "sync-cycle",
        "components: {u: client, a: api, b: api, c: api}\nconnections: [u -> a -> b -> c -> a]",
        [("a", "b", "c")],
        "components: {u: client, a: api, b: api, q: kafka}\nconnections: [u -> a -> b -> q -> a]",
    ),
    (
        "unreachable",
        "components: {u: client, a: api, w: worker, d: postgres, hook: external}\n"
        "connections: [u -> a, w -> d, hook -> a]",
        [("w", "d")],
        "components: {u: client, a: api, cron: scheduler, w: worker, d: postgres}\n"
        "connections: [u -> a, cron -> w -> d]",
    ),
    (
        "under-provisioned",
        "components: {u: client, lb: {kind: lb, replicas: 2}, api: {kind: api, replicas: 2}}\n"
        "connections: [u -> lb -> api]\nestimates: {writes: 1B/day, read_write_ratio: 1}",
        [("api",)],
        "components: {u: client, lb: {kind: lb, replicas: 2}, api: {kind: api, replicas: 2, "
        "capacity: 50k rps}}\nconnections: [u -> lb -> api]\n"
        "estimates: {writes: 1B/day, read_write_ratio: 1}",
    ),
    (
        "needs-sharding",
        "components: {u: client, api: {kind: api, capacity: 1M rps}, db: {kind: mysql, "
        "replicas: 3}}\nconnections: [u -> api -> db]\nestimates: {writes: 2B/day}",
        [("db",)],
        "components: {u: client, api: {kind: api, capacity: 1M rps}, db: {kind: mysql, "
        "replicas: 3, shards: 16}}\nconnections: [u -> api -> db]\nestimates: {writes: 2B/day}",
    ),
]


@pytest.mark.parametrize(
    ("rule", "bad", "expected", "good"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule(rule: str, bad: str, expected: list[tuple[str, ...]], good: str | None) -> None:
    got = findings(bad, rule)
    assert [f.components for f in got] == expected
    for f in got:
        assert f.rule == rule
        assert f.evidence, "every finding carries its evidence"
        for text in (f.message, f.why, f.fix, *f.evidence):
            assert isinstance(text, Said) and text.en and text.ko
            assert text.en != text.ko
    if good is not None:
        assert findings(good, rule) == []


def test_spof_uses_dominators_not_names() -> None:
    # `edge` is single and every path to the store crosses it, though it is neither first nor
    # named like a load balancer; the replicated api after it is fine.
    text = (
        "components: {u: client, v: client, a: {kind: lb, replicas: 2}, "
        "b: {kind: lb, replicas: 2}, edge: api_gateway, api: {kind: api, replicas: 2}, "
        "db: {kind: nosql_db, replicas: 3}}\n"
        "connections: [u -> a -> edge -> api -> db, v -> b -> edge]"
    )
    got = findings(text, "spof")
    assert [f.components for f in got] == [("edge",)]
    assert "u → a → edge → api → db" in got[0].evidence[0].en


def test_internal_tiers_without_load_balancer_are_fine() -> None:
    text = (
        "components: {u: client, lb: {kind: lb, replicas: 2}, api: {kind: api, replicas: 4},"
        " orders: {kind: api, replicas: 6}, db: {kind: postgres, replicas: 2}}\n"
        "connections: [u -> lb -> api -> orders -> db]"
    )
    assert findings(text, "no-load-balancer") == []
    assert findings(text, "spof") == []


def test_managed_components_count_as_replicated() -> None:
    text = (
        "components: {u: client, lb: {kind: alb, managed: true}, api: {kind: api, "
        "replicas: 2}, db: {kind: dynamodb, managed: true}}\nconnections: [u -> lb -> api -> db]"
    )
    assert findings(text, "spof") == []
    assert findings(text, "unreplicated-store") == []


def test_rubric_rules_need_a_scenario() -> None:
    design = load_design_text("components: {u: client}")
    assert check_design(design).score is None
    assert [f for f in check_design(design).findings if f.rule.startswith("missing")] == []


def test_needs_sharding_only_counts_labelled_write_targets() -> None:
    text = (
        "components: {u: client, api: {kind: api, capacity: 1M rps}, "
        "db: {kind: mysql, replicas: 3}, users: {kind: mysql, replicas: 2}}\n"
        "connections: [u -> api, {api -> db: write}, api -> users]\n"
        "estimates: {writes: 2B/day}"
    )
    assert components(text, "needs-sharding") == [("db",)]
