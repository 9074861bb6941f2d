"""Regressions from textbook designs (issue 13): each rule judged on what the design says.

Every case here is a design a senior interviewer would accept (or, for the video path, reject)
and that the checker judged wrongly before: the test names the before and the after.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sysdesign.check import check_design
from sysdesign.design.findings import Finding
from sysdesign.design.run import make_context, run_rules
from sysdesign.library import library, load_design_text
from sysdesign.models.rubric import Rubric


def _rubric(**fields: Any) -> Rubric:
    base: dict[str, Any] = {
        "scenario": "textbook",
        "key_questions": ["users"],
        "requirements": [
            {
                "id": "r",
                "kind": "functional",
                "text": {"ko": "항목을 만든다", "en": "Create items"},
                "keywords": {"ko": ["생성"], "en": ["create"]},
            }
        ],
        "deep_dives": [
            {
                "id": "d",
                "question": {"ko": "어떻게 확장하나요?", "en": "How does it scale?"},
                "concepts": [
                    {
                        "id": "c",
                        "text": {"ko": "샤딩", "en": "Sharding"},
                        "keywords": {"ko": ["샤딩"], "en": ["sharding"]},
                    }
                ],
                "model_answer": {"ko": "샤딩합니다.", "en": "Shard it."},
            }
        ],
        "weights": {
            "clarifying": 20,
            "requirements": 20,
            "estimation": 15,
            "design": 25,
            "deep_dive": 10,
            "time": 10,
        },
    }
    base.update(fields)
    return Rubric.model_validate(base)


def _run(
    text: str, rule: str, *, scenario: str | None = None, rubric: Rubric | None = None
) -> list[Finding]:
    ctx = make_context(load_design_text(text), scenario, rubric=rubric)
    return run_rules(ctx, [rule])


# ---------------------------------------------------------------- no-rate-limit

HOTEL = """
components:
  guests: {kind: client, label: Guests (web and app)}
  staff: {kind: client, tags: [internal], label: Hotel staff}
  apigw: {kind: api_gateway, managed: true, label: Managed API gateway (rate limits)}
  internal_lb: {kind: lb, replicas: 2, tags: [internal], label: Internal load balancer}
  hotel: {kind: api, replicas: 3}
  reservation: {kind: api, replicas: 3}
  db: {kind: mysql, replicas: 2}
connections:
  - guests -> apigw -> reservation -> db
  - staff -> internal_lb -> hotel -> db
"""


def test_no_rate_limit_judges_public_entry_points_only() -> None:
    # before: "client entry points: internal_lb" though the public entry is a limiting gateway
    assert _run(HOTEL, "no-rate-limit") == []
    # the public door without a limiter is still caught, and named alone
    open_door = HOTEL.replace("apigw: {kind: api_gateway", "apigw: {kind: lb")
    got = _run(open_door, "no-rate-limit")
    assert [f.components for f in got] == [("apigw",)]


def test_no_rate_limit_without_a_public_client_is_silent() -> None:
    text = (
        "components: {ops: {kind: client, tags: [internal]}, lb: lb, api: api}\n"
        "connections: [ops -> lb -> api]"
    )
    assert _run(text, "no-rate-limit") == []


# ---------------------------------------------------------------- no-idempotency

PAYMENT = """
components:
  buyers: client
  lb: {kind: lb, replicas: 2}
  payment: {kind: api, replicas: 3, tags: [payment, idempotency]}
  pay_db: {kind: postgres, replicas: 2, tags: [ledger, double_entry]}
  psp: {kind: external, label: PSP (card payments)}
  cron: scheduler
  recon: {kind: worker, replicas: 2, label: Nightly reconciliation}
connections:
  - buyers -> lb -> payment -> pay_db
  - payment -> psp: charge
  - cron -> recon
  - recon -> psp: download settlement file
  - recon -> pay_db: compare
"""


def test_no_idempotency_skips_a_batch_job_that_reads_settlement_files() -> None:
    # before: critical on 'recon', capping the textbook payment design
    assert _run(PAYMENT, "no-idempotency") == []
    # the client's money path is still judged
    bare = PAYMENT.replace("tags: [payment, idempotency]", "tags: [payment]")
    assert [f.components for f in _run(bare, "no-idempotency")] == [("payment",)]


def test_no_idempotency_still_judges_a_worker_on_the_client_journey() -> None:
    text = """
components:
  buyers: client
  api: {kind: api, replicas: 2}
  q: kafka
  executor: {kind: worker, replicas: 2}
  psp: {kind: external, label: PSP}
connections:
  - buyers -> api -> q -> executor -> psp
"""
    assert [f.components for f in _run(text, "no-idempotency")] == [("executor",)]


# ---------------------------------------------------------------- capacity

NEARBY = """
components:
  users: client
  lb: {kind: lb, replicas: 4, capacity: 1M rps}
  api: {kind: api, replicas: 10, capacity: 200k rps}
  ws: {kind: ws, replicas: 100, capacity: 100k rps}
  location: {kind: api, replicas: 100, capacity: 100k rps}
  locations: {kind: redis, replicas: 3, shards: 20}
  user_db: {kind: postgres, replicas: 3, label: User profiles and friendships}
  history: {kind: cassandra, replicas: 3, shards: 60, label: Location history}
connections:
  - users -> lb -> api -> user_db
  - users -> lb -> ws -> location -> history
  - location -> locations
  - ws -> user_db: read friend list
estimates:
  writes: 500k/s
  read_write_ratio: 0.1
  peak_factor: 1
"""
NEARBY_RUBRIC = _rubric(
    expected_kinds=["websocket_gateway", "nosql_db", "sql_db"],
    expected_paths=[
        {
            "id": "location-history",
            "steps": ["websocket_gateway", "service", "nosql_db"],
            "why": {"ko": "위치 이력", "en": "Location history"},
        }
    ],
)


def test_writes_land_on_the_store_the_scenario_flow_names() -> None:
    # before: "user_db … 500k writes/s at peak on one primary"
    for rule in ("needs-sharding", "under-provisioned"):
        got = _run(NEARBY, rule, rubric=NEARBY_RUBRIC)
        assert not any("user_db" in f.components for f in got), [f.message.en for f in got]
    # 60 shards × 3 nodes of Cassandra take 500k client writes/s at replication 3
    assert _run(NEARBY, "under-provisioned", rubric=NEARBY_RUBRIC) == []


def test_write_labels_say_which_store_takes_the_writes() -> None:
    labelled = NEARBY.replace("location -> history", "location -> history: write")
    got = _run(labelled, "needs-sharding")
    assert not any("user_db" in f.components for f in got)


def test_leaderless_store_scales_writes_by_nodes() -> None:
    text = """
components:
  u: client
  api: {kind: api, capacity: 1M rps}
  history: {kind: cassandra, replicas: 6}
connections: [u -> api -> history]
estimates: {writes: 50k/s, peak_factor: 1}
"""
    # before: needs-sharding, "one primary" of Cassandra
    assert _run(text, "needs-sharding") == []
    got = _run(text, "under-provisioned")
    assert [f.components for f in got] == [("history",)]
    assert "primary" not in got[0].message.en + got[0].fix.en
    assert "node" in got[0].fix.en and "노드" in got[0].fix.ko
    # 6 nodes × 10k replica writes ÷ replication 3 = 20k client writes/s; 50k needs 15 nodes
    assert "15 nodes" in got[0].fix.en
    bigger = text.replace("replicas: 6", "replicas: 15")
    assert _run(bigger, "under-provisioned") == []


def test_a_single_sql_primary_takes_api_platform_writes() -> None:
    """api-platform peaks near 6k writes/s: one SQL primary takes that in 2026."""
    text = """
scenario: api-platform-100k-rps
components:
  u: client
  api: {kind: api, capacity: 1M rps}
  db: {kind: mysql, replicas: 3}
connections: [u -> api -> db]
"""
    ctx = make_context(load_design_text(text))
    writes = ctx.result("peak_write_qps")
    assert writes is not None and 5_000 < writes < 10_000
    assert run_rules(ctx, ["needs-sharding"]) == []


# ---------------------------------------------------------------- no-cdn

VIDEO = """
scenario: video-streaming
components:
  viewers: client
  lb: {kind: lb, replicas: 2}
  api: {kind: api, replicas: 4}
  videos: {kind: s3, managed: true}
connections:
  - viewers -> lb -> api
  - api -> videos: store and stream video
"""


def test_no_cdn_reads_the_scenario_media_not_label_words() -> None:
    # before: silent ("store" in the label read as an upload)
    got = _run(VIDEO, "no-cdn")
    assert [f.components[0] for f in got] == ["videos"]
    fronted = VIDEO.replace(
        "  - viewers -> lb -> api\n",
        "  - viewers -> lb -> api\n  - viewers -> cdn -> videos\n",
    ).replace("videos: {kind: s3, managed: true}", "videos: {kind: s3, managed: true}\n  cdn: cdn")
    assert _run(fronted, "no-cdn") == []


def test_no_cdn_follows_the_direction_of_client_reads() -> None:
    # a CDN fronts the store, but the design draws reads flowing from the store to the clients
    text = (
        VIDEO.replace("  - api -> videos: store and stream video\n", "").replace(
            "videos: {kind: s3, managed: true}",
            "videos: {kind: s3, managed: true}\n  cdn: cdn",
        )
        + "  - viewers -> cdn -> videos\n  - viewers -> api -> videos: upload\n  - videos -> viewers\n"
    )
    assert [f.components[0] for f in _run(text, "no-cdn")] == ["videos"]


STORAGE = """
components:
  sdk: {kind: client, label: S3 SDK clients}
  lb: {kind: lb, replicas: 2}
  api: {kind: api, replicas: 4, label: API service}
  meta: {kind: mysql, replicas: 3, label: Metadata}
  data: {kind: object_store, replicas: 3, label: Data nodes}
connections:
  - sdk -> lb -> api -> meta
  - api -> data: get / put objects
estimates: {writes: 1k/s, read_size: 1MB}
"""


def test_no_cdn_is_silent_when_the_product_is_the_storage_service() -> None:
    # before: "clients fetch content from 'data' without a CDN"
    assert _run(STORAGE, "no-cdn") != []  # without a rubric saying so, data nodes look like media
    assert _run(STORAGE, "no-cdn", rubric=_rubric(storage_product=True)) == []


# ---------------------------------------------------------------- missing-component

SHARDED_SQL = """
components:
  u: client
  lb: {kind: lb, replicas: 2}
  api: {kind: api, replicas: 3}
  posts: {kind: postgres, replicas: 3, shards: 16, shard_key: user_id, label: Postgres (sharded)}
connections: [u -> lb -> api -> posts]
"""


def test_missing_component_accepts_the_equivalent_the_rubric_marks() -> None:
    plain = _rubric(expected_kinds=["service", "nosql_db"])
    # without an equivalence the rubric's word stands
    assert [f.message.en for f in _run(SHARDED_SQL, "missing-component", rubric=plain)] == [
        "the design has no nosql_db"
    ]
    marked = _rubric(
        expected_kinds=["service", "nosql_db"], equivalents={"nosql_db": ["sql_db:sharded"]}
    )
    # before: "the design has no nosql_db" on sharded Postgres
    assert _run(SHARDED_SQL, "missing-component", rubric=marked) == []
    paths = _rubric(
        expected_paths=[
            {"id": "p", "steps": ["service", "nosql_db"], "why": {"ko": "저장", "en": "Store"}}
        ],
        equivalents={"nosql_db": ["sql_db:sharded"]},
    )
    assert _run(SHARDED_SQL, "missing-path", rubric=paths) == []
    # one unsharded Postgres is not the scale the rubric asks for
    unsharded = SHARDED_SQL.replace("shards: 16, ", "")
    assert len(_run(unsharded, "missing-component", rubric=marked)) == 1
    assert len(_run(unsharded, "missing-path", rubric=paths)) == 1
    # a plain kind needs no shards: the realtime-game rubric accepts a websocket gateway
    game = _rubric(
        expected_kinds=["game_server"], equivalents={"game_server": ["websocket_gateway"]}
    )
    ws = "components: {u: client, g: {kind: ws, replicas: 2}}\nconnections: [u -> g]"
    assert _run(ws, "missing-component", rubric=game) == []


def test_equivalents_count_in_the_score() -> None:
    design = load_design_text(SHARDED_SQL)
    plain = check_design(design, rubric=_rubric(expected_kinds=["service", "nosql_db"]))
    marked = check_design(
        design,
        rubric=_rubric(
            expected_kinds=["service", "nosql_db"], equivalents={"nosql_db": ["sql_db:sharded"]}
        ),
    )
    assert plain.score is not None and marked.score is not None
    assert marked.score > plain.score


# ---------------------------------------------------------------- realtime game


def test_players_reach_the_game_server_directly() -> None:
    text = """
scenario: realtime-game
components:
  players: client
  lb: {kind: lb, replicas: 2}
  api: {kind: api_gateway, replicas: 2}
  matchmaker: {kind: api, replicas: 3, tags: [matchmaking]}
  game: {kind: game_server, replicas: 2000, tags: [authoritative]}
connections:
  - players -> lb -> api -> matchmaker
  - players -> game: udp
"""
    design = load_design_text(text)
    assert design.components["game"].kind == "game_server"
    result = check_design(design)
    rules = {(f.rule, f.components) for f in result.findings}
    # before: no-load-balancer on the game servers and the realtime-session flow missing
    assert not any(r == "no-load-balancer" for r, _ in rules), rules
    assert not any(
        f.rule == "missing-path" and "realtime-session" in f.message.en for f in result.findings
    )
    assert "game_server" in library().rubric("realtime-game").expected_kinds


def test_equivalents_are_validated(tmp_path: Path) -> None:
    from sysdesign.library import validate_file

    mini = Path(__file__).resolve().parents[1] / "foundation" / "data" / "mini-rubric.yaml"
    text = mini.read_text(encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(text + "equivalents: {nosql_db: [sql_db:sharded]}\n", encoding="utf-8")
    assert validate_file(good) == ("rubric", [])
    bad = tmp_path / "bad.yaml"
    bad.write_text(text + "equivalents: {nosql_db: [sql_db:replicated, postgress]}\n", "utf-8")
    _, problems = validate_file(bad)
    messages = [p.message for p in problems]
    assert any("unknown qualifier 'replicated'" in m for m in messages), messages
    assert any("unknown kind 'postgress'" in m for m in messages), messages
