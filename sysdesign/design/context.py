"""What every rule reads: the design, its graph, the rubric, the traffic figures, the catalogue.

Shared analyses (who the clients are, what they reach, the dominator tree) are computed once,
on first use, and reused by every rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sysdesign.design.graph import Graph, bfs, dominator_chain, dominators, of_kind

if TYPE_CHECKING:
    from sysdesign.design.catalogue import Catalogue
    from sysdesign.estimate.model import Calculation
    from sysdesign.models.design import Design
    from sysdesign.models.design_plain import PlainDesign, PlainEstimates, RubricView
    from sysdesign.models.rubric import Rubric


@dataclass
class Context:
    """The inputs of one check. `traffic` is None when neither the design nor a scenario gives
    enough estimates to compute peak load."""

    design: Design | PlainDesign
    graph: Graph
    catalogue: Catalogue
    rubric: Rubric | RubricView | None = None
    traffic: Calculation | None = None
    inputs: PlainEstimates | None = None
    scenario: str | None = None
    #: Results several rules share (e.g. the capacity loads), computed once per check.
    memo: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------ who and what

    @cached_property
    def clients(self) -> list[str]:
        return of_kind(self.graph, "client")

    @cached_property
    def schedulers(self) -> list[str]:
        return of_kind(self.graph, "scheduler")

    @cached_property
    def client_paths(self) -> dict[str, str | None]:
        """BFS parents from every client: what the clients reach, with a witness path each."""
        return bfs(self.graph, self.clients)

    @cached_property
    def live(self) -> set[str]:
        """Everything a client or a scheduler can reach."""
        return set(bfs(self.graph, [*self.clients, *self.schedulers]))

    @cached_property
    def idom(self) -> dict[str, str]:
        """Immediate dominators from a virtual source joined to every client."""
        if not self.clients:
            return {}
        return dominators(self.graph, self.clients)

    def must_cross(self, node: str) -> list[str]:
        """The components every path from the clients to `node` passes through, nearest first."""
        return dominator_chain(self.idom, node)

    @cached_property
    def reached_stores(self) -> list[str]:
        from sysdesign.design.graph import is_store

        return [n for n in self.client_paths if is_store(self.graph, n)]

    @cached_property
    def trunk(self) -> list[str]:
        """Request-tier components every client request crosses (they carry all of it).

        On the request tier alone (clients, edge, gateways, services), the sinks are the
        components that hand work to anything else (a data store, a queue, a worker…) or to
        nothing at all; the
        trunk is what dominates every sink, the sinks themselves included.
        """
        from sysdesign.design.graph import FRONT_KINDS

        g = self.graph
        tier = FRONT_KINDS | {"client", "service", "websocket_gateway", "game_server"}
        members = [n for n, k in g.nodes(data="kind") if k in tier]
        member_set = set(members)
        reached = self.client_paths
        sinks = [
            n
            for n in members
            if n in reached
            and g.nodes[n]["kind"] != "client"
            and (not g.succ[n] or any(v not in member_set for v in g.succ[n]))
        ]
        if not sinks:
            return []
        idom = dominators(g.subgraph(members), self.clients)
        common = [sinks[0], *dominator_chain(idom, sinks[0])]
        keep = set(common)
        for sink in sinks[1:]:
            keep &= {sink, *dominator_chain(idom, sink)}
            if not keep:
                return []
        return [n for n in common if n in keep and g.nodes[n]["kind"] != "client"]

    # ------------------------------------------------------------ figures

    def result(self, name: str) -> float | None:
        if self.traffic is None:
            return None
        return self.traffic.value(name)

    def human(self, name: str, lang: str = "en") -> str:
        """A traffic figure as the language writes it (「초당 2만 3,100건」 in Korean)."""
        assert self.traffic is not None
        return self.traffic.results[name].human_in(lang)

    @cached_property
    def read_write_ratio(self) -> float | None:
        """Reads per write: from the traffic figures, else the `read_write_ratio` input."""
        reads, writes = self.result("peak_read_qps"), self.result("peak_write_qps")
        if reads is not None and writes:
            return reads / writes
        if self.inputs is not None and self.inputs.read_write_ratio is not None:
            from sysdesign.estimate.units import parse_ratio

            return parse_ratio(self.inputs.read_write_ratio, "read_write_ratio")
        return None
