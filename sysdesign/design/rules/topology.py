"""Components the system cannot reach."""

from __future__ import annotations

from collections.abc import Iterator

from sysdesign.design.digraph import connected_components
from sysdesign.design.graph import reverse_reach
from sysdesign.design.rules import Context, Hit, rule
from sysdesign.messages import message

# Past these, a design is generated or broken, not drawn by hand: findings stay few and short
# (100k loose components gave 100k findings, 55 MB of JSON and 850 MB of memory).
MAX_ISLANDS = 50
MAX_NAMES = 12


@rule("unreachable", severity="minor")
def unreachable(ctx: Context) -> Iterator[Hit]:
    """A component no client or scheduler reaches and that feeds nothing they reach.

    A source outside the system that feeds it (a partner webhook, an external feed) is not a
    finding; an island that only talks to itself is, one finding per island.
    """
    g = ctx.graph
    live = ctx.live
    feeding = reverse_reach(g, live) if live else set()
    dead = [
        n for n, k in g.nodes(data="kind") if n not in feeding and k not in ("client", "scheduler")
    ]
    if not dead:
        return
    order = {n: i for i, n in enumerate(g.nodes)}
    islands = sorted(
        (sorted(c, key=order.__getitem__) for c in connected_components(g.subgraph(dead))),
        key=lambda c: order[c[0]],
    )
    if len(islands) > MAX_ISLANDS:  # thousands of loose components: one finding for the rest
        rest = [n for island in islands[MAX_ISLANDS - 1 :] for n in island]
        islands = [*islands[: MAX_ISLANDS - 1], rest]
    for island in islands:
        names = ", ".join(island[:MAX_NAMES])
        if len(island) > MAX_NAMES:
            names += f", … (+{len(island) - MAX_NAMES})"
        yield Hit(
            components=tuple(island),
            message=message("design.topology.no_client_or_scheduler_reaches", names=names),
            why=message("design.topology.a_component_nothing_calls_or"),
            fix=message("design.topology.connect_it_where_it_is", value=island[0]),
            evidence=(
                message("design.topology.reachable_from_clients_schedulers_none", names=names),
                message("design.topology.it_feeds_nothing_that_they"),
            ),
        )
