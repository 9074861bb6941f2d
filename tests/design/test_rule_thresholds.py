"""The rules' promised numbers, as literals, with a design on each side of each bound.

no-cache from read:write 10; under-provisioned above capacity, critical from 2×; needs-sharding
above one primary's writes; no-load-balancer from 2 instances; ws-no-pubsub from 2 gateway
instances (a managed gateway counts as several); sync-cycle from 2 callers; no-cdn reads media
from 100 KB; unreachable lists 12 names and gives at most 50 findings.
These tests do not import the rules' constants: a changed constant must fail them.
"""

from __future__ import annotations

import itertools

import pytest

from sysdesign.design.findings import Finding
from sysdesign.design.run import make_context, run_rules
from sysdesign.library import load_design_text


def fired(text: str, rule: str) -> list[Finding]:
    return run_rules(make_context(load_design_text(text)), [rule])


# ---------------------------------------------------------------- no-cache: read:write ≥ 10

READER = "components: {u: client, api: api, db: postgres}\nconnections: [u -> api -> db]\n"


@pytest.mark.parametrize(("ratio", "fires"), [("10", True), ("11", True), ("9.9", False)])
def test_no_cache_from_ten_reads_per_write(ratio: str, fires: bool) -> None:
    found = fired(READER + f"estimates: {{writes: 1M/day, read_write_ratio: {ratio}}}", "no-cache")
    assert bool(found) is fires
    if ratio == "10":
        (finding,) = found
        assert finding.message.en == (
            "a read-heavy design (≈10 reads per write) reads the database with no cache"
        )
        assert finding.severity == "major"


# ---------------------------------------------------------------- capacity: 1× and 2×

# peak reads 1,000/s + peak writes 1,000/s = 2,000 requests/s through the one API instance
SERVICE = (
    "components: {{u: client, api: {{kind: api, replicas: 1, capacity: {cap}}}, "
    "db: {{kind: postgres, managed: true}}}}\nconnections: [u -> api -> db]\n"
    "estimates: {{writes: 1000/s, read_write_ratio: 1, peak_factor: 1}}"
)


@pytest.mark.parametrize(
    ("cap", "severity"),
    [
        ("2000/s", None),  # load = capacity: enough
        ("1999/s", "major"),  # just over capacity
        ("1001/s", "major"),  # 1.998×
        ("1000/s", "critical"),  # exactly 2×
        ("999/s", "critical"),
    ],
)
def test_under_provisioned_above_capacity_critical_from_twice(
    cap: str, severity: str | None
) -> None:
    found = fired(SERVICE.format(cap=cap), "under-provisioned")
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_under_provisioned_says_load_capacity_ratio_and_instances_needed() -> None:
    (finding,) = fired(SERVICE.format(cap="1000/s"), "under-provisioned")
    assert finding.message.en == (
        "api is under-provisioned: peak 2k requests/s against a capacity of 1k (2.0×)"
    )
    assert finding.fix.en.startswith("Run at least 2 instances")
    assert [e.en for e in finding.evidence[:2]] == [
        "peak load: 2k requests/s (peak_read_qps + peak_write_qps)",
        "capacity: 1 instance(s) × 1k = 1k",
    ]


PRIMARY = (
    "components: {{u: client, api: {{kind: api, managed: true}}, "
    "db: {{kind: postgres, replicas: 2, capacity: {cap}}}}}\nconnections: [u -> api -> db]\n"
    "estimates: {{writes: 1000/s, read_write_ratio: 1, peak_factor: 1}}"
)


@pytest.mark.parametrize(("cap", "fires"), [("1000/s", False), ("999/s", True), ("400/s", True)])
def test_needs_sharding_when_one_primary_takes_more_writes_than_it_sustains(
    cap: str, fires: bool
) -> None:
    found = fired(PRIMARY.format(cap=cap), "needs-sharding")
    assert bool(found) is fires
    # one primary over its writes is needs-sharding, never under-provisioned as well
    assert fired(PRIMARY.format(cap=cap), "under-provisioned") == []
    if cap == "400/s":
        (finding,) = found
        assert "at least 3 partitions" in finding.fix.en  # 1,000 / 400 → 3


# ---------------------------------------------------------------- replicas: 2 instances


@pytest.mark.parametrize(("replicas", "fires"), [(2, True), (1, False)])
def test_no_load_balancer_from_two_instances(replicas: int, fires: bool) -> None:
    text = (
        f"components: {{u: client, api: {{kind: api, replicas: {replicas}}}, "
        "db: {kind: postgres, managed: true}}\nconnections: [u -> api -> db]"
    )
    assert bool(fired(text, "no-load-balancer")) is fires


@pytest.mark.parametrize(
    ("gateway", "fires"),
    [("replicas: 2", True), ("replicas: 1", False), ("managed: true", True)],
)
def test_ws_no_pubsub_from_two_gateway_instances(gateway: str, fires: bool) -> None:
    text = (
        f"components: {{u: client, ws: {{kind: websocket_gateway, {gateway}}}, api: api, "
        "db: {kind: postgres, replicas: 2}}\nconnections: [u -> ws -> api -> db]"
    )
    found = fired(text, "ws-no-pubsub")
    assert bool(found) is fires
    if fires:
        assert found[0].severity == "critical"
        assert found[0].message.en == (
            "2 gateway instances and no pub/sub path back into the gateways"
        )


def test_sync_cycle_needs_two_callers() -> None:
    two = fired(
        "components: {u: client, lb: {kind: lb, replicas: 2}, a: {kind: api, replicas: 2}, "
        "b: {kind: api, replicas: 2}}\nconnections: [u -> lb -> a, a -> lb, lb -> b -> a]",
        "sync-cycle",
    )
    assert [(f.components, f.message.en) for f in two] == [
        (("a", "b"), "synchronous call cycle: a → lb → b → a")
    ]
    one = fired(
        "components: {u: client, lb: {kind: lb, replicas: 2}, a: {kind: api, replicas: 2}}\n"
        "connections: [u -> lb -> a, a -> lb]",
        "sync-cycle",
    )
    assert one == []


# ---------------------------------------------------------------- no-cdn: media from 100 KB


@pytest.mark.parametrize(
    ("read_size", "fires"),
    [("100KB", True), ("100000B", True), ("99999B", False), ("99KB", False)],
)
def test_reads_of_100_kb_are_media_a_cdn_should_serve(read_size: str, fires: bool) -> None:
    # the only edge to the store is an upload: only the read size says clients read media
    text = (
        "components: {u: client, api: api, s3: s3}\n"
        "connections: [u -> api, {api -> s3: upload}]\n"
        f"estimates: {{writes: 1000/s, read_size: {read_size}}}"
    )
    assert bool(fired(text, "no-cdn")) is fires


# ---------------------------------------------------------------- unreachable: 12 names, 50


def _islands(n: int, size: int = 1) -> str:
    names = [[f"w{i}_{j}" for j in range(size)] for i in range(n)]
    comps = ", ".join(f"{w}: worker" for island in names for w in island)
    links = [f"{a} -> {b}" for island in names for a, b in itertools.pairwise(island)]
    return f"components: {{u: client, api: api, {comps}}}\nconnections: [{', '.join(['u -> api', *links])}]"


def test_an_island_lists_twelve_names_then_counts_the_rest() -> None:
    (twelve,) = fired(_islands(1, 12), "unreachable")
    assert twelve.message.en.endswith("w0_10, w0_11")
    (thirteen,) = fired(_islands(1, 13), "unreachable")
    assert thirteen.message.en.endswith("w0_10, w0_11, … (+1)")
    assert len(thirteen.components) == 13


def test_at_most_fifty_unreachable_findings() -> None:
    fifty = fired(_islands(50), "unreachable")
    assert len(fifty) == 50 and fifty[-1].components == ("w49_0",)
    more = fired(_islands(52), "unreachable")
    assert len(more) == 50
    assert more[-2].components == ("w48_0",)
    assert more[-1].components == ("w49_0", "w50_0", "w51_0")  # the rest in one finding


@pytest.mark.parametrize(("ratio", "fires"), [("10:1", True), ("5:1", False)])
def test_a_ratio_written_with_a_colon_is_read_as_a_ratio(ratio: str, fires: bool) -> None:
    """Unquoted `5:1` is 301 in YAML 1.1 (base 60); the design means five reads per write."""
    found = fired(READER + f"estimates: {{writes: 1M/day, read_write_ratio: {ratio}}}", "no-cache")
    assert bool(found) is fires
    if fires:
        assert "(≈10 reads per write)" in found[0].message.en


@pytest.mark.parametrize(
    ("media", "fires"),
    [
        ("media_fraction: 0.1, media_size: 1MB", True),
        ("media_fraction: 0.1, media_size: 1B", True),  # any media attached (> 0) is media
        ("media_fraction: 0.1, media_size: 0B", False),
        ("media_fraction: 0, media_size: 1MB", False),
    ],
)
def test_media_attached_to_writes_makes_client_reads_media(media: str, fires: bool) -> None:
    text = (
        "components: {u: client, api: api, s3: s3}\n"
        "connections: [u -> api, {api -> s3: upload}]\n"
        f"estimates: {{writes: 1000/s, {media}}}"
    )
    found = fired(text, "no-cdn")
    assert bool(found) is fires
    if fires:
        assert [e.en for e in found[0].evidence] == [
            "fetch path without a CDN: u → api → s3",
            "the design has no CDN",
        ]


@pytest.mark.parametrize(("scenario", "fires"), [("inventory-flash-sale", True), ("chat", False)])
def test_a_rubric_expecting_a_cdn_makes_client_reads_media(scenario: str, fires: bool) -> None:
    text = (
        f"scenario: {scenario}\ncomponents: {{u: client, api: api, s3: s3}}\n"
        "connections: [u -> api, {api -> s3: upload}]"
    )
    assert bool(fired(text, "no-cdn")) is fires


@pytest.mark.parametrize(
    ("edge", "fires"),
    [("{api -> s3: download}", True), ("api -> s3", False), ("{api -> s3: upload}", False)],
)
def test_a_cdn_fronted_store_fires_only_for_a_read_labelled_bypass(edge: str, fires: bool) -> None:
    text = (
        "components: {u: client, edge: cdn, api: api, s3: s3}\n"
        f"connections: [u -> edge -> s3, u -> api, {edge}]"
    )
    found = fired(text, "no-cdn")
    assert bool(found) is fires
    if fires:
        assert found[0].evidence[1].en == "a CDN fronts 's3', but this read goes around it"


def test_an_equal_write_share_is_said_in_the_evidence() -> None:
    text = (
        "components: {u: client, api: {kind: api, managed: true}, "
        "a: {kind: postgres, replicas: 2, capacity: 100/s}, "
        "b: {kind: postgres, replicas: 2, capacity: 100/s}}\n"
        "connections: [u -> api -> a, api -> b]\n"
        "estimates: {writes: 1000/s, read_write_ratio: 1, peak_factor: 1}"
    )
    found = fired(text, "needs-sharding")
    assert [f.components for f in found] == [("a",), ("b",)]
    evidence = [e.en for e in found[0].evidence]
    assert evidence[0] == "peak load: 500 writes/s (peak_write_qps × 0.5)"
    assert evidence[3].startswith("load placed by an equal share: 2 databases can take the writes")
    assert found[0].evidence[3].ko.startswith("부하 배분: ")


# ---------------------------------------------------------------- what the rubric expects

SMALL_CHAT = "scenario: chat\ncomponents: {u: client, api: api}\nconnections: [u -> api]"


def test_missing_component_names_the_kind_the_scenario_and_the_purpose() -> None:
    found = fired(SMALL_CHAT, "missing-component")
    assert [f.message.en for f in found][:2] == [
        "the design has no load_balancer",
        "the design has no websocket_gateway",
    ]
    assert found[0].why.en == (
        "The rubric (chat) expects a component of kind load_balancer: spreading traffic over instances and "
        "removing failed ones."
    )
    assert [e.en for e in found[0].evidence] == ["kinds in the design: client, service"]
    assert found[-1].message.en == "no component is tagged 'presence'"
    assert [e.en for e in found[-1].evidence] == ["tags in the design: none"]
    assert len(found) == 9  # 7 kinds (client and service are there) and 2 tags


def test_missing_path_says_how_far_the_flow_got() -> None:
    found = {f.message.en: [e.en for e in f.evidence] for f in fired(SMALL_CHAT, "missing-path")}
    assert found == {
        "expected flow cross-gateway-delivery is missing: "
        "websocket_gateway → service → pubsub → websocket_gateway": [
            "no component matches the first step, websocket_gateway"
        ],
        "expected flow durable-write is missing: websocket_gateway → service → nosql_db": [
            "no component matches the first step, websocket_gateway"
        ],
        "expected flow offline-push is missing: service → queue → worker → notification": [
            "found api, but no queue is reachable from 'api' without crossing another data store"
        ],
    }


def test_missing_component_names_what_the_rubric_accepts_in_its_place() -> None:
    found = fired(
        "scenario: news-feed\ncomponents: {u: client, api: api, db: postgres}\n"
        "connections: [u -> api -> db]",
        "missing-component",
    )
    (nosql,) = [f for f in found if f.message.en == "the design has no nosql_db"]
    assert [e.en for e in nosql.evidence] == [
        "kinds in the design: client, service, sql_db",
        "also accepted in its place: sql_db:sharded",
    ]
    (cache,) = [f for f in found if f.message.en == "the design has no cache"]
    assert len(cache.evidence) == 1  # nothing else is accepted for a cache


# ---------------------------------------------------------------- money and resilience


def test_no_double_entry_infers_the_ledger_once_and_only_without_a_tag() -> None:
    inferred = fired(
        "scenario: money-transfer-ledger\ncomponents: {u: client, api: {kind: api, replicas: 2}, "
        "db: {kind: postgres, replicas: 2}}\n"
        "connections: [u -> api, {api -> db: write}, {api -> db: read}]",
        "no-double-entry",
    )
    assert [(f.components, [e.en for e in f.evidence]) for f in inferred] == [
        (
            ("db",),
            [
                "'db' tags: none",
                "no component is tagged 'ledger'; the rubric expects one, so the databases "
                "the money path writes are taken as the ledger",
            ],
        )
    ]
    tagged = fired(
        "scenario: money-transfer-ledger\ncomponents: {u: client, api: {kind: api, replicas: 2}, "
        "db: {kind: postgres, replicas: 2}, l: {kind: postgres, replicas: 2, tags: [ledger]}}\n"
        "connections: [u -> api -> db, api -> l]",
        "no-double-entry",
    )
    assert [(f.components, [e.en for e in f.evidence]) for f in tagged] == [
        (("l",), ["'l' tags: ledger"])
    ]


@pytest.mark.parametrize(("tags", "fires"), [("[fraud]", True), ("[fraud, timeout]", False)])
def test_a_guarded_fraud_call_is_fine(tags: str, fires: bool) -> None:
    found = fired(
        f"components: {{u: client, api: {{kind: api, replicas: 2}}, fr: {{kind: api, tags: {tags}}}}}\n"
        "connections: [u -> api -> fr]",
        "sync-fraud-no-fallback",
    )
    assert bool(found) is fires


def test_spof_evidence_names_the_first_store_it_guards() -> None:
    (finding,) = fired(
        "components: {u: client, api: api, a: {kind: postgres, replicas: 2}, "
        "b: {kind: postgres, replicas: 2}}\nconnections: [u -> api -> a, api -> b]",
        "spof",
    )
    assert finding.message.en == (
        "'api' is a single point of failure: 1 instance, and every path from the clients to "
        "a, b passes through it"
    )
    assert [e.en for e in finding.evidence] == [
        "every path from 'u' to 'a' crosses 'api', e.g. u → api → a",
        "'api': 1 instance, not managed",
    ]


@pytest.mark.parametrize(
    ("kind", "severity", "why"),
    [
        ("redis", "minor", "When it fails, every read falls through to the database at once"),
        ("kafka", "major", "One disk or host failure loses what it holds"),
        ("postgres", "critical", "One disk or host failure loses what it holds"),
        ("s3", "critical", "One disk or host failure loses what it holds"),
    ],
)
def test_a_single_instance_store_costs_by_what_it_loses(kind: str, severity: str, why: str) -> None:
    (finding,) = fired(
        f"components: {{u: client, api: {{kind: api, replicas: 2}}, d: {kind}}}\n"
        "connections: [u -> api -> d]",
        "unreplicated-store",
    )
    assert finding.severity == severity
    assert finding.why.en.startswith(why)


def test_the_unreachable_fix_names_the_island_first_component() -> None:
    (finding,) = fired(_islands(1, 3), "unreachable")
    assert finding.fix.en == "Connect it where it is used (e.g. `api -> w0_0`), or remove it."


def test_inferred_money_points_are_the_services_that_write_the_databases() -> None:
    found = fired(
        "scenario: payment-system\ncomponents: {u: client, api: {kind: api, replicas: 2}, "
        "q: {kind: kafka, replicas: 3}, w: {kind: worker, replicas: 2}, "
        "db: {kind: postgres, replicas: 2}}\nconnections: [u -> api -> q -> w -> db, api -> db]",
        "no-idempotency",
    )
    assert [(f.components, f.evidence[0].en) for f in found] == [(("api",), "path: u → api")]
    assert found[0].message.en == "'api' moves money with no idempotency key on its path"


def test_spof_evidence_starts_from_the_first_client() -> None:
    (finding,) = fired(
        "components: {web: client, mob: client, api: api, db: {kind: postgres, replicas: 2}}\n"
        "connections: [web -> api -> db, mob -> api]",
        "spof",
    )
    assert (
        finding.evidence[0].en == "every path from 'web' to 'db' crosses 'api', e.g. web → api → db"
    )


def test_spof_evidence_uses_the_first_store_and_its_first_client() -> None:
    (finding,) = fired(
        "components: {web: client, mob: client, api: api, s: {kind: api, replicas: 2}, "
        "a: {kind: postgres, replicas: 2}, b: {kind: postgres, replicas: 2}}\n"
        "connections: [web -> api -> a, web -> s -> b, mob -> api -> b]",
        "spof",
    )
    assert (
        finding.evidence[0].en == "every path from 'web' to 'a' crosses 'api', e.g. web → api → a"
    )


def test_a_money_point_no_client_reaches_says_so() -> None:
    (finding,) = fired(
        "components: {u: client, api: {kind: api, replicas: 2}, "
        "pay: {kind: api, replicas: 2, tags: [payment]}, db: {kind: postgres, replicas: 2}}\n"
        "connections: [u -> api, pay -> db]",
        "no-idempotency",
    )
    assert finding.evidence[0].en == "'pay' is not reached from a client"
