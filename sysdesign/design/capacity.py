"""Per-instance capacity and peak load per component, from the catalogue and the estimator.

Where the load lands is stated, not guessed silently:
- the request tier every client journey crosses (the dominators common to every data store,
  e.g. the load balancer and the one API tier) carries peak reads + peak writes;
- the websocket gateways together hold the concurrent connections (DAU × concurrent share);
- a database that takes writes carries the peak writes (only the databases with an edge
  labelled `write` when the design labels any; else every database a service writes to);
  each shard has one primary, so write capacity is shards × per-primary writes;
- the queues carry the peak writes as messages; the caches together serve the peak reads.
Managed components are left out: the provider scales them within its own quotas.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from sysdesign.design.context import Context
from sysdesign.design.graph import is_write_edge, kind_of, of_kind
from sysdesign.errors import UsageError
from sysdesign.models.kinds import DATABASES

What = Literal["throughput", "writes", "connections"]
_NUMBER = re.compile(r"^\s*([0-9][0-9.,_]*\s*(?:[kKmMbBtT]|만|억|천)?)\s*(.*?)\s*$")


@dataclass(frozen=True)
class PerInstance:
    value: float
    source: str


@dataclass(frozen=True)
class Load:
    """One component (or tier) under one load, with what it can take."""

    components: tuple[str, ...]
    what: What
    load: float
    load_name: str  # the traffic result or derivation the load comes from
    per_instance: PerInstance
    instances: int

    @property
    def capacity(self) -> float:
        return self.per_instance.value * self.instances

    @property
    def needed(self) -> int:
        return max(1, math.ceil(self.load / self.per_instance.value))


def parse_capacity(text: str, component: str) -> tuple[float, What]:
    """`20k rps`, `50k connections`, `5k writes/s`, `8000` → (per second or count, what)."""
    from sysdesign.estimate.units import parse_count

    match = _NUMBER.match(text)
    if match is None:
        raise UsageError(_bad_capacity(text, component))
    try:
        value = parse_count(match.group(1).replace(" ", ""), f"components.{component}.capacity")
    except UsageError:
        raise UsageError(_bad_capacity(text, component)) from None
    if not value > 0:
        raise UsageError(
            f"components.{component}.capacity: {text!r} must be more than zero / "
            f"용량은 0보다 커야 합니다: {text!r}"
        )
    unit = match.group(2).lower()
    if "conn" in unit or "연결" in unit:
        return value, "connections"
    if "write" in unit or unit.startswith("wps") or "쓰기" in unit:
        return value, "writes"
    if unit and not re.fullmatch(
        r"(rps|qps|tps|ops|mps|req|requests|msgs?|messages|"
        r"ops/s|req/s|/s|per second|queries|reads?)(/s)?",
        unit,
    ):
        raise UsageError(_bad_capacity(text, component))
    return value, "throughput"


def _bad_capacity(text: str, component: str) -> str:
    return (
        f"components.{component}.capacity: cannot read {text!r}; for example '20k rps', "
        f"'50k connections' or '5k writes' / 용량을 읽을 수 없습니다: {text!r}. "
        "예: '20k rps', '50k connections', '5k writes'"
    )


def per_instance(ctx: Context, node: str, what: What) -> PerInstance | None:
    """The component's own `capacity`, else the estimates' server figures, else the catalogue."""
    g = ctx.graph
    data = g.nodes[node]
    if data["capacity"]:
        value, unit = parse_capacity(data["capacity"], node)
        if unit == what or (what == "writes" and unit == "throughput"):
            return PerInstance(value, f"capacity: {data['capacity']} ({node})")
    kind = data["kind"]
    inputs = ctx.inputs
    if inputs is not None:
        from sysdesign.estimate.units import parse_count, parse_rate

        if what == "throughput" and kind == "service" and inputs.server_qps:
            return PerInstance(
                parse_rate(inputs.server_qps, "server_qps").per_second(),
                f"server_qps: {inputs.server_qps} (estimates)",
            )
        if what == "connections" and kind == "websocket_gateway" and inputs.connections_per_server:
            return PerInstance(
                parse_count(inputs.connections_per_server, "connections_per_server"),
                f"connections_per_server: {inputs.connections_per_server} (estimates)",
            )
    figure = ctx.catalogue.figure(kind, what)
    if figure is None:
        return None
    return PerInstance(figure.value, f"catalogue {kind}.{what}: {figure.source}")


def concurrent_connections(ctx: Context) -> tuple[float, str] | None:
    """Concurrent connections: the estimator's figure if it gives one, else DAU × share."""
    for name in ("concurrent_connections", "peak_connections", "connections"):
        value = ctx.result(name)
        if value is not None:
            return value, ctx.human(name)
    inputs = ctx.inputs
    if inputs is None or inputs.dau is None or inputs.concurrent_fraction is None:
        return None
    from sysdesign.estimate.units import format_count, parse_count, parse_fraction

    dau = parse_count(inputs.dau, "dau")
    share = parse_fraction(inputs.concurrent_fraction, "concurrent_fraction")
    value = dau * share
    return value, f"{format_count(value)} (DAU {inputs.dau} × {inputs.concurrent_fraction})"


def _self_run(ctx: Context, nodes: list[str]) -> list[str]:
    return [n for n in nodes if not ctx.graph.nodes[n]["managed"]]


def write_targets(ctx: Context) -> list[str]:
    """The databases the writes land in (see the module docstring)."""
    g = ctx.graph
    dbs = of_kind(g, *sorted(DATABASES))
    labelled = [db for db in dbs if any(is_write_edge(g, u, db) for u in g.pred[db])]
    if labelled:
        return labelled
    return [db for db in dbs if any(kind_of(g, u) != "client" for u in g.pred[db])]


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
            ):
                continue
            cap = per_instance(ctx, node, "throughput")
            if cap is not None:
                out.append(
                    Load((node,), "throughput", total, name, cap, g.nodes[node]["instances"])
                )
    if writes is not None:
        for db in _self_run(ctx, write_targets(ctx)):
            cap = per_instance(ctx, db, "writes")
            if cap is not None:
                out.append(
                    Load((db,), "writes", writes, "peak_write_qps", cap, g.nodes[db]["shards"])
                )
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
    gateways = of_kind(g, "websocket_gateway")
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
                )
            )
    return out
