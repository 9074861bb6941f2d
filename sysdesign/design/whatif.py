"""What if a component dies: which user journeys break, and the availability before and after.

A journey is a client reaching a data store. Its availability is the series product of the
components every one of its paths must cross (its dominators from that client, plus both
ends); each component's own figure composes its replicas in parallel, 1 − (1 − a)^n, from the
catalogue's per-kind availability (a managed service uses the provider's SLA). Components off
the must-cross set have an alternative path beside them and are counted as redundancy. The
design's availability is the mean over its journeys, so a broken journey counts as 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sysdesign.design.findings import arrow
from sysdesign.design.graph import Graph, bfs, is_store, walk_back
from sysdesign.errors import UsageError

if TYPE_CHECKING:
    from sysdesign.design.catalogue import Catalogue
    from sysdesign.models.design import Design


@dataclass(frozen=True)
class Journey:
    client: str
    store: str
    path: tuple[str, ...]
    availability: float
    series: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "client": self.client,
            "store": self.store,
            "path": list(self.path),
            "availability": self.availability,
            "series": list(self.series),
        }


@dataclass(frozen=True)
class KillResult:
    killed: tuple[str, ...]
    journeys_before: tuple[Journey, ...]
    journeys_after: tuple[Journey, ...]
    broken_journeys: tuple[Journey, ...]
    availability_before: float
    availability_after: float

    def to_json(self) -> dict[str, Any]:
        return {
            "killed": list(self.killed),
            "broken_journeys": [j.to_json() for j in self.broken_journeys],
            "availability_before": self.availability_before,
            "availability_after": self.availability_after,
        }


def component_availability(g: Graph, node: str, catalogue: Catalogue) -> float:
    data = g.nodes[node]
    if data["managed"]:
        return catalogue.availability(data["kind"], managed=True).value
    single = catalogue.availability(data["kind"], managed=False).value
    return float(1.0 - (1.0 - single) ** int(data["instances"]))


def journeys(g: Graph, catalogue: Catalogue) -> list[Journey]:
    """Every client → data store journey with its series availability."""
    from sysdesign.design.digraph import immediate_dominators

    out: list[Journey] = []
    own: dict[str, float] = {}

    def avail(n: str) -> float:
        if n not in own:
            own[n] = component_availability(g, n, catalogue)
        return own[n]

    clients = [n for n, k in g.nodes(data="kind") if k == "client"]
    for client in clients:
        parent = bfs(g, [client])
        stores = [n for n in parent if n != client and is_store(g, n)]
        if not stores:
            continue
        idom = immediate_dominators(g, client)
        for store in stores:
            series = [store]
            step = idom.get(store)
            while step is not None and step != client:
                series.append(step)
                step = idom.get(step)
            series.append(client)
            series.reverse()
            value = 1.0
            for n in series:
                value *= avail(n)
            out.append(
                Journey(client, store, tuple(walk_back(parent, store)), value, tuple(series))
            )
    return out


def _mean(items: list[Journey], total: int) -> float:
    if total == 0:
        return 1.0
    return sum(j.availability for j in items) / total


def kill(
    design: Design, component_ids: list[str], catalogue: Catalogue | None = None
) -> KillResult:
    """Remove the components and compare journeys and availability before and after."""
    from sysdesign.design.catalogue import catalogue as bundled
    from sysdesign.design.graph import build_graph
    from sysdesign.yamlio import did_you_mean

    for cid in component_ids:
        if cid not in design.components:
            raise UsageError(
                f"--kill: no component {cid!r}{did_you_mean(cid, design.components)} / "
                f"그런 컴포넌트가 없습니다: {cid!r}"
            )
    cat = catalogue or bundled()
    g = build_graph(design)
    before = journeys(g, cat)
    h = g.copy()
    h.remove_nodes_from(component_ids)
    after = journeys(h, cat)
    alive = {(j.client, j.store) for j in after}
    broken = [j for j in before if (j.client, j.store) not in alive]
    return KillResult(
        killed=tuple(dict.fromkeys(component_ids)),
        journeys_before=tuple(before),
        journeys_after=tuple(after),
        broken_journeys=tuple(broken),
        availability_before=_mean(before, len(before)),
        availability_after=_mean(
            [j for j in after if (j.client, j.store) in {(b.client, b.store) for b in before}],
            len(before),
        ),
    )


def describe(journey: Journey) -> str:
    return arrow(journey.path)
