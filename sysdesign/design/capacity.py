"""Per-instance capacity and peak load per component, from the catalogue and the estimator.

Where the load lands is stated, not guessed silently:
- the request tier every client journey crosses (the dominators common to every data store,
  e.g. the load balancer and the one API tier) carries peak reads + peak writes;
- the websocket gateways together hold the concurrent connections (DAU × concurrent share);
- a database carries the writes that reach it along the edges (see `write_shares`): the ones
  with an edge labelled as a write when the design labels any; else, of the databases the
  clients' writes can reach (edges labelled only as reads carry none), the ones that end a flow
  the scenario's rubric expects, else the one reached, else an equal share each, said so;
- a database with a primary per shard takes shards × per-primary writes; a leaderless one
  (Cassandra, DynamoDB: `leaderless` in the catalogue) takes nodes × per-node replica writes ÷
  replication, nodes being replicas × shards;
- the queues carry the peak writes as messages; the caches together serve the peak reads.
Managed components are left out: the provider scales them within its own quotas.
"""

from __future__ import annotations

import math

from sysdesign.design.context import Context
from sysdesign.design.graph import bfs, is_read_edge, is_write_edge, kind_of, kind_path, of_kind
from sysdesign.estimate.capacity import What, parse_capacity
from sysdesign.models.design_plain import Plain
from sysdesign.models.kinds import CONNECTION_KINDS, DATA_STORES, DATABASES


class PerInstance(Plain):
    __slots__ = ("source", "source_ko", "value")
    value: float
    source: str
    source_ko: str | None

    def __init__(
        self,
        value: float,
        source: str,
        source_ko: str | None = None,
    ) -> None:
        self.value = value
        self.source = source
        self.source_ko = source_ko

    def source_in(self, lang: str) -> str:
        return self.source_ko if lang == "ko" and self.source_ko else self.source


class Load(Plain):
    """One component (or tier) under one load, with what it can take."""

    __slots__ = (
        "components",
        "instances",
        "leaderless",
        "load",
        "load_name",
        "load_name_ko",
        "per_instance",
        "share",
        "what",
    )
    components: tuple[str, ...]
    what: What
    load: float
    load_name: str
    per_instance: PerInstance
    instances: int
    share: tuple[str, str] | None
    leaderless: bool
    load_name_ko: str | None
    #: How the load was placed when it is not the whole figure (English, Korean).
    #: A leaderless store: instances are nodes, each taking writes (no primary).
    #: `load_name` in Korean, when it has words.

    def __init__(
        self,
        components: tuple[str, ...],
        what: What,
        load: float,
        load_name: str,
        per_instance: PerInstance,
        instances: int,
        share: tuple[str, str] | None = None,
        leaderless: bool = False,
        load_name_ko: str | None = None,
    ) -> None:
        self.components = components
        self.what = what
        self.load = load
        self.load_name = load_name
        self.per_instance = per_instance
        self.instances = instances
        self.share = share
        self.leaderless = leaderless
        self.load_name_ko = load_name_ko

    @property
    def capacity(self) -> float:
        return self.per_instance.value * self.instances

    @property
    def needed(self) -> int:
        return max(1, math.ceil(self.load / self.per_instance.value))


def per_instance(ctx: Context, node: str, what: What) -> PerInstance | None:
    """The component's own `capacity`, else the estimates' server figures, else the catalogue."""
    g = ctx.graph
    data = g.nodes[node]
    if data["capacity"]:
        value, unit = parse_capacity(data["capacity"], node)
        if unit == what or (what == "writes" and unit == "throughput"):
            return PerInstance(
                value,
                f"capacity: {data['capacity']} ({node})",
                f"설계에 적은 capacity: {data['capacity']} ({node})",
            )
    kind = data["kind"]
    inputs = ctx.inputs
    if inputs is not None:
        from sysdesign.estimate.units import parse_count, parse_rate

        if what == "throughput" and kind == "service" and inputs.server_qps:
            return PerInstance(
                parse_rate(inputs.server_qps, "server_qps").per_second(),
                f"server_qps: {inputs.server_qps} (estimates)",
                f"server_qps: {inputs.server_qps} (추정 입력)",
            )
        if what == "connections" and kind in CONNECTION_KINDS and inputs.connections_per_server:
            return PerInstance(
                parse_count(inputs.connections_per_server, "connections_per_server"),
                f"connections_per_server: {inputs.connections_per_server} (estimates)",
                f"connections_per_server: {inputs.connections_per_server} (추정 입력)",
            )
    figure = ctx.catalogue.figure(kind, what)
    if figure is None:
        return None
    return PerInstance(
        figure.value,
        f"catalogue {kind}.{what}: {figure.source}",
        f"카탈로그 {kind}.{what}: {figure.source_ko or figure.source}",
    )


def concurrent_connections(ctx: Context) -> tuple[float, str, str] | None:
    """Concurrent connections: the estimator's figure if it gives one, else DAU × share
    (the value, how it was reached in English and in Korean)."""
    for name in ("concurrent_connections", "peak_connections", "connections"):
        value = ctx.result(name)
        if value is not None:
            return value, ctx.human(name), ctx.human(name, "ko")
    inputs = ctx.inputs
    if inputs is None or inputs.dau is None or inputs.concurrent_fraction is None:
        return None
    from sysdesign.estimate.units import (
        format_count,
        format_korean_number,
        parse_count,
        parse_fraction,
    )

    dau = parse_count(inputs.dau, "dau")
    share = parse_fraction(inputs.concurrent_fraction, "concurrent_fraction")
    value = dau * share
    how = f"(DAU {inputs.dau} × {inputs.concurrent_fraction})"
    return value, f"{format_count(value)} {how}", f"{format_korean_number(value)}개 {how}"


def _self_run(ctx: Context, nodes: list[str]) -> list[str]:
    return [n for n in nodes if not ctx.graph.nodes[n]["managed"]]


def write_targets(ctx: Context) -> list[str]:
    """The databases the writes land in (see `write_shares`)."""
    return list(write_shares(ctx))


def write_shares(ctx: Context) -> dict[str, tuple[float, tuple[str, str] | None]]:
    """Each database the writes land in → (share of the peak writes, how that was decided)."""
    g = ctx.graph
    dbs = of_kind(g, *sorted(DATABASES))
    labelled = [db for db in dbs if any(is_write_edge(g, u, db) for u in g.pred[db])]
    if labelled:
        return {db: (1.0, None) for db in labelled}
    if not ctx.clients:
        return {db: (1.0, None) for db in dbs if any(kind_of(g, u) != "client" for u in g.pred[db])}
    reached = bfs(
        g,
        ctx.clients,
        enter=lambda u, v: not is_read_edge(g, u, v),
        expand=lambda v: kind_of(g, v) not in DATA_STORES or kind_of(g, v) == "queue",
    )
    candidates = [db for db in dbs if db in reached]
    flows: dict[str, str] = {}
    if ctx.rubric is not None:
        for path in ctx.rubric.expected_paths:
            found, _ = kind_path(g, path.steps, ctx.rubric.equivalents)
            if found is not None and found[-1] in candidates:
                flows.setdefault(found[-1], path.id)
    if flows:
        return {
            db: (
                1.0,
                (
                    f"the scenario's flow {flow} ends here",
                    f"시나리오의 흐름 {flow}의 끝입니다",
                ),
            )
            for db, flow in flows.items()
        }
    if len(candidates) <= 1:
        return {db: (1.0, None) for db in candidates}
    n = len(candidates)
    note = (
        f"an equal share: {n} databases can take the writes and no edge label or scenario flow "
        "says which (label the write edges `write`)",
        f"쓰기가 닿는 데이터베이스가 {n}개인데 어느 쪽이 받는지 연결 라벨이나 시나리오 흐름에 "
        "없어 똑같이 나눴습니다(쓰기 연결에 `write` 라벨을 붙이세요)",
    )
    return {db: (1.0 / n, note) for db in candidates}


def _replication(ctx: Context, nodes: int) -> int:
    """Copies of each write in a leaderless store: the estimates' `replication`, else 3."""
    factor = 3
    if ctx.inputs is not None and ctx.inputs.replication is not None:
        from sysdesign.estimate.units import parse_count

        factor = max(1, round(parse_count(ctx.inputs.replication, "replication")))
    return max(1, min(factor, nodes))


def _write_load(
    ctx: Context, db: str, writes: float, share: float, note: tuple[str, str] | None
) -> Load | None:
    g = ctx.graph
    data = g.nodes[db]
    cap = per_instance(ctx, db, "writes")
    if cap is None:
        return None
    load = writes * share
    name = "peak_write_qps" if share == 1.0 else f"peak_write_qps × {share:.2g}"
    if not ctx.catalogue.leaderless(data["kind"], data.get("technology")):
        return Load((db,), "writes", load, name, cap, data["shards"], share=note)
    nodes = data["instances"] * data["shards"]
    if data["capacity"]:
        per_node = cap
    else:
        rf = _replication(ctx, nodes)
        per_node = PerInstance(
            cap.value / rf,
            f"{cap.source} ÷ replication {rf}",
            f"{cap.source_in('ko')} ÷ 복제 계수 {rf}",
        )
    return Load((db,), "writes", load, name, per_node, nodes, share=note, leaderless=True)


def loads(ctx: Context) -> list[Load]:
    """Every load the estimates let us place, with the capacity it meets (computed once)."""
    if "loads" not in ctx.memo:
        ctx.memo["loads"] = _loads(ctx)
    result: list[Load] = ctx.memo["loads"]
    return result


def _loads(ctx: Context) -> list[Load]:
    g = ctx.graph
    reads, writes = ctx.result("peak_read_qps"), ctx.result("peak_write_qps")
    out: list[Load] = []
    if reads is not None or writes is not None:
        total = (reads or 0.0) + (writes or 0.0)
        name = " + ".join(
            n for n, v in (("peak_read_qps", reads), ("peak_write_qps", writes)) if v is not None
        )
        for node in _self_run(ctx, ctx.trunk):
            if kind_of(g, node) not in (
                "load_balancer",
                "api_gateway",
                "rate_limiter",
                "auth",
                "service",
                "websocket_gateway",
                "game_server",
            ):
                continue
            cap = per_instance(ctx, node, "throughput")
            if cap is not None:
                out.append(
                    Load((node,), "throughput", total, name, cap, g.nodes[node]["instances"])
                )
    if writes is not None:
        shares = write_shares(ctx)
        for db in _self_run(ctx, list(shares)):
            placed = _write_load(ctx, db, writes, *shares[db])
            if placed is not None:
                out.append(placed)
        for q in _self_run(ctx, of_kind(g, "queue")):
            cap = per_instance(ctx, q, "throughput")
            if cap is not None and any(True for _ in g.pred[q]):
                out.append(
                    Load((q,), "throughput", writes, "peak_write_qps", cap, g.nodes[q]["instances"])
                )
    if reads is not None:
        caches = _self_run(ctx, of_kind(g, "cache"))
        if caches and not any(g.nodes[c]["managed"] for c in of_kind(g, "cache")):
            cap = per_instance(ctx, caches[0], "throughput")
            if cap is not None:
                out.append(
                    Load(
                        tuple(caches),
                        "throughput",
                        reads,
                        "peak_read_qps",
                        cap,
                        sum(g.nodes[c]["instances"] for c in caches),
                    )
                )
    gateways = of_kind(g, *sorted(CONNECTION_KINDS))
    conns = concurrent_connections(ctx)
    if gateways and conns is not None and not any(g.nodes[n]["managed"] for n in gateways):
        cap = per_instance(ctx, gateways[0], "connections")
        if cap is not None:
            out.append(
                Load(
                    tuple(gateways),
                    "connections",
                    conns[0],
                    f"concurrent connections {conns[1]}",
                    cap,
                    sum(g.nodes[n]["instances"] for n in gateways),
                    load_name_ko=f"동시 연결 {conns[2]}",
                )
            )
    return out
