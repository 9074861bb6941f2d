"""A design as a directed graph (`sysdesign.design.digraph.DiGraph`), and the graph questions
the rules ask of it.

Nodes are component ids with their kind, instance count and tags; edges carry `sync` and the
labels of the connections that drew them.
Every analysis here is linear in the size of the graph (one traversal per question), so a
check stays fast on designs of thousands of components.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from sysdesign.design.digraph import DiGraph, immediate_dominators
from sysdesign.models.kinds import DATA_STORES, satisfies

if TYPE_CHECKING:
    from sysdesign.models.design import Design
    from sysdesign.models.design_plain import PlainDesign

Graph = DiGraph

#: The virtual node joined to every client (it cannot clash: ids are [a-z0-9_-]+).
SOURCE = "<clients>"

#: Words in a connection label that mark a write (uploads included) or a read. A label is a
#: write-only path when it names a write and no read ("GET photos; PUT via signed URL" reads).
WRITE_WORDS = re.compile(
    r"\b(write|writes|upload|uploads|ingest|put|post|store|persist|save|insert)\b|쓰기|업로드|저장"
)
READ_WORDS = re.compile(
    r"\b(read|reads|get|fetch|download|view|serve|load|lookup|query|sync)\b|읽기|조회|다운로드"
)

#: Kinds that carry synchronous request/response calls (for sync-cycle and capacity).
CALLER_KINDS = frozenset(
    {
        "api_gateway",
        "rate_limiter",
        "auth",
        "service",
        "websocket_gateway",
        "game_server",
        "worker",
        "stream_processor",
    }
)
#: Kinds on the request path from the clients to the first service.
FRONT_KINDS = frozenset({"dns", "cdn", "load_balancer", "api_gateway", "rate_limiter", "auth"})


def build_graph(design: Design | PlainDesign) -> Graph:
    """Components become nodes; chains become edges (parallel connections merge)."""
    from sysdesign.design.intent import technology_of

    g = DiGraph(name=design.name or "")
    g.add_nodes_from(
        (
            cid,
            {
                "kind": comp.kind,
                "instances": comp.replicas,
                "managed": comp.managed,
                "replicated": comp.is_replicated,
                "shards": comp.shards,
                "tags": frozenset(comp.tags),
                # Both languages' words, for the rules that read them (`Inventory / 재고`).
                "label": comp.label.both if comp.label else cid,
                "capacity": comp.capacity,
                # The product: the kind as written (`cassandra`), else one the label or
                # notes name ("Postgres (sharded)").
                "technology": technology_of(comp),
            },
        )
        for cid, comp in design.components.items()
    )
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for edge in design.edges():
        data = merged.get((edge.src, edge.dst))
        if data is not None:
            data["sync"] = data["sync"] or edge.sync
            if edge.label:
                data["labels"] = (*data["labels"], edge.label.both)
            continue
        merged[edge.src, edge.dst] = {
            "sync": edge.sync,
            "labels": (edge.label.both,) if edge.label else (),
            "item": edge.item,
        }
    g.add_edges_from((src, dst, data) for (src, dst), data in merged.items())
    return g


def kind_of(g: Graph, node: str) -> str:
    return str(g.nodes[node]["kind"])


def is_store(g: Graph, node: str) -> bool:
    return kind_of(g, node) in DATA_STORES


def of_kind(g: Graph, *kinds: str) -> list[str]:
    wanted = set(kinds)
    return [n for n, k in g.nodes(data="kind") if k in wanted]


def tagged(g: Graph, tag: str) -> list[str]:
    return [n for n, tags in g.nodes(data="tags") if tag in tags]


def matches(
    g: Graph, node: str, step: str, equivalents: dict[str, list[str]] | None = None
) -> bool:
    """A rubric step: a kind id (or a kind the rubric accepts in its place), or `tag:NAME`."""
    if step.startswith("tag:"):
        return step[4:] in g.nodes[node]["tags"]
    kind = kind_of(g, node)
    if kind == step:
        return True
    shards = g.nodes[node]["shards"]
    return any(satisfies(kind, shards, alt) for alt in (equivalents or {}).get(step, ()))


def is_write_edge(g: Graph, src: str, dst: str) -> bool:
    """True when every label on the edge names a write (or upload): not a read path."""
    labels = g.edges[src, dst]["labels"]
    if not labels:
        return False
    return all(
        WRITE_WORDS.search(label.lower()) and not READ_WORDS.search(label.lower())
        for label in labels
    )


def is_read_edge(g: Graph, src: str, dst: str) -> bool:
    """True when every label on the edge names a read and none a write: not a write path."""
    labels = g.edges[src, dst]["labels"]
    if not labels:
        return False
    return all(
        READ_WORDS.search(label.lower()) and not WRITE_WORDS.search(label.lower())
        for label in labels
    )


def instances_text(g: Graph, node: str) -> tuple[str, str]:
    """'4 replicas' / 'managed' / '1 instance', in English and Korean."""
    data = g.nodes[node]
    if data["managed"]:
        return "managed", "매니지드"
    n = data["instances"]
    return (f"{n} instance" if n == 1 else f"{n} replicas"), f"인스턴스 {n}개"


def bfs(
    g: Graph,
    sources: Iterable[str],
    *,
    enter: Callable[[str, str], bool] | None = None,
    expand: Callable[[str], bool] | None = None,
) -> dict[str, str | None]:
    """Breadth-first parents from `sources`.

    `enter(u, v)` decides whether the edge may be followed; `expand(v)` whether a reached node
    is traversed further. The parents give one shortest witness path to each reached node.
    """
    parent: dict[str, str | None] = {}
    queue: deque[str] = deque()
    for s in sources:
        if s not in parent:
            parent[s] = None
            queue.append(s)
    succ = g.succ
    while queue:
        u = queue.popleft()
        if expand is not None and parent[u] is not None and not expand(u):
            continue
        for v in succ[u]:
            if v in parent:
                continue
            if enter is not None and not enter(u, v):
                continue
            parent[v] = u
            queue.append(v)
    return parent


def walk_back(parent: dict[str, str | None], node: str) -> list[str]:
    """The witness path from a BFS source to `node`."""
    path = [node]
    step = parent.get(node)
    while step is not None:
        path.append(step)
        step = parent.get(step)
    path.reverse()
    return path


def reverse_reach(g: Graph, targets: Iterable[str]) -> set[str]:
    """Every node from which some target can be reached (the targets included)."""
    seen = set(targets)
    queue = deque(seen)
    pred = g.pred
    while queue:
        v = queue.popleft()
        for u in pred[v]:
            if u not in seen:
                seen.add(u)
                queue.append(u)
    return seen


def dominators(g: Graph, sources: Iterable[str]) -> dict[str, str]:
    """Immediate dominators of every node reachable from `sources`, from a virtual source.

    A node X dominates Y when every path from the clients to Y passes through X. Computed once
    for all nodes (the Cooper-Harvey-Kennedy algorithm), never once per pair.
    """
    h = DiGraph()
    h.add_edges_from(g.edges)
    h.add_nodes_from(g.nodes)
    h.add_edges_from((SOURCE, s) for s in sources)
    return immediate_dominators(h, SOURCE)


def dominator_chain(idom: dict[str, str], node: str) -> list[str]:
    """The strict dominators of `node`, nearest first, without the virtual source."""
    out: list[str] = []
    step = idom.get(node)
    while step is not None and step != SOURCE:
        out.append(step)
        nxt = idom.get(step)
        if nxt == step:
            break
        step = nxt
    return out


def kind_path(
    g: Graph, steps: list[str], equivalents: dict[str, list[str]] | None = None
) -> tuple[list[str] | None, list[str]]:
    """A path through nodes matching each step in turn.

    Consecutive steps must be joined by a path whose inner nodes are not data stores: the
    flow `service → queue → worker` may pass through load balancers, gateways or a pub/sub,
    but a hop through a database or a queue is a step of its own and must be written out.
    Returns (witness, []) when found, else (None, the longest prefix found as a witness).
    One traversal per step: O(steps × (V + E)).
    """
    succ = g.succ
    frontier = [n for n in g.nodes if matches(g, n, steps[0], equivalents)]
    if not frontier:
        return None, []
    # Per layer: each matched node → the hops that lead to it from the previous layer.
    layers: list[dict[str, list[str]]] = [{n: [] for n in frontier}]
    for step in steps[1:]:
        roots = set(frontier)
        parent: dict[str, str] = {}
        queue: deque[str] = deque()
        for s in frontier:
            for v in succ[s]:
                if v not in parent:
                    parent[v] = s
                    queue.append(v)
        while queue:
            u = queue.popleft()
            if is_store(g, u):
                continue
            for v in succ[u]:
                if v not in parent:
                    parent[v] = u
                    queue.append(v)
        layer: dict[str, list[str]] = {}
        for v in parent:
            if matches(g, v, step, equivalents):
                hops: list[str] = []
                u = parent[v]
                while u not in roots:
                    hops.append(u)
                    u = parent[u]
                hops.append(u)
                hops.reverse()
                layer[v] = hops
        if not layer:
            return None, _witness(layers)
        layers.append(layer)
        frontier = list(layer)
    return _witness(layers), []


def _witness(layers: list[dict[str, list[str]]]) -> list[str]:
    """One path through every layer found, rebuilt from the last layer back."""
    node = next(iter(layers[-1]))
    path = [node]
    for layer in reversed(layers[1:]):
        hops = layer[node]
        path = [*hops, *path]
        node = hops[0]
    return path
