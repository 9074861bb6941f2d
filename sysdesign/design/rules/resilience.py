"""Single points of failure and data stores that one failure can lose."""

from __future__ import annotations

from collections.abc import Iterator

from sysdesign.design.findings import Severity, arrow
from sysdesign.design.graph import (
    bfs,
    dominator_chain,
    dominators,
    instances_text,
    is_store,
    kind_of,
    walk_back,
)
from sysdesign.design.rules import Context, Hit, rule
from sysdesign.messages import given, message


@rule("spof", severity="critical")
def spof(ctx: Context) -> Iterator[Hit]:
    """A one-instance component that every path from a client to some data store must cross.

    Found with the dominator tree: X dominates a store when every path from the client to it
    passes through X. With several kinds of client (riders and drivers, web and mobile), each
    client's journeys are checked on their own: a box only the drivers cross still takes the
    drivers down. Clients themselves and the store itself (see unreplicated-store) are not
    counted.
    """
    g = ctx.graph
    # node → store → the clients whose every path to that store crosses the node
    guards: dict[str, dict[str, list[str]]] = {}
    witness: dict[str, dict[str, str | None]] = {}
    several = len(ctx.clients) > 1
    for client in ctx.clients:
        parents = bfs(g, [client]) if several else ctx.client_paths
        idom = dominators(g, [client]) if several else ctx.idom
        witness[client] = parents
        for store in parents:
            if not is_store(g, store):
                continue
            for node in dominator_chain(idom, store):
                if kind_of(g, node) == "client" or g.nodes[node]["replicated"]:
                    continue
                guards.setdefault(node, {}).setdefault(store, []).append(client)
    for node, by_store in guards.items():
        stores = list(by_store)
        first = by_store[stores[0]][0]
        path = arrow(walk_back(witness[first], stores[0]))
        who = sorted({c for cs in by_store.values() for c in cs}, key=ctx.clients.index)
        if who == ctx.clients:
            who_en, who_ko = "the clients", "클라이언트"
        else:
            who_en = who_ko = ", ".join(f"'{c}'" for c in who)
        en_n, ko_n = instances_text(g, node)
        listed = ", ".join(stores)
        yield Hit(
            components=(node,),
            message=message(
                "design.resilience.single_point_of_failure",
                node=node,
                n={"en": en_n, "ko": ko_n},
                who={"en": who_en, "ko": who_ko},
                listed=listed,
            ),
            why=message("design.resilience.when_this_one_instance_fails", listed=listed),
            fix=message("design.resilience.run_with_at_least_2", node=node),
            evidence=(
                message(
                    "design.resilience.every_path_from_to_crosses",
                    first=first,
                    value=stores[0],
                    node=node,
                    path=path,
                ),
                message("design.resilience.not_managed", node=node, n={"en": en_n, "ko": ko_n}),
            ),
        )


_LOSS_SEVERITY: dict[str, Severity] = {"cache": "minor", "queue": "major", "search_index": "major"}


@rule("unreplicated-store", severity="critical")
def unreplicated_store(ctx: Context) -> Iterator[Hit]:
    """A data store with one instance that is not managed: one disk failure loses its data.

    Critical for databases, object stores and warehouses (the system of record); major for a
    queue or search index (rebuildable, but in-flight data is lost); minor for a cache.
    """
    g = ctx.graph
    from sysdesign.models.kinds import DATA_STORES

    for node, data in g.nodes(data=True):
        if data["kind"] not in DATA_STORES or data["replicated"]:
            continue
        kind = data["kind"]
        severity = _LOSS_SEVERITY.get(kind)
        yield Hit(
            components=(node,),
            severity=severity,
            message=message("design.resilience.data_store_runs_as_a", node=node, kind=kind),
            why=given(
                "One disk or host failure loses what it holds and stops every journey that "
                "reads or writes it until it is restored from a backup."
                if kind != "cache"
                else "When it fails, every read falls through to the database at once "
                "(a cold-cache stampede) until it warms up again.",
                "디스크나 호스트 하나만 고장 나도 저장된 데이터를 잃고, 백업에서 복구할 때까지 "
                "이를 읽고 쓰는 모든 흐름이 멈춥니다."
                if kind != "cache"
                else "장애가 나면 모든 읽기가 한꺼번에 데이터베이스로 몰립니다(콜드 캐시 폭주).",
            ),
            fix=message("design.resilience.give_replicas_e_g_replicas", node=node),
            evidence=(message("design.resilience.1_instance_not_managed", node=node),),
        )
