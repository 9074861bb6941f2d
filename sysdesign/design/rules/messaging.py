"""Fan-out, real-time delivery across gateway instances, and synchronous call cycles."""

from __future__ import annotations

from collections.abc import Iterator

from sysdesign.design.findings import arrow
from sysdesign.design.graph import CALLER_KINDS, bfs, kind_of, of_kind, tagged
from sysdesign.design.rules import Context, Hit, rule
from sysdesign.messages import message
from sysdesign.models.kinds import ASYNC_TARGETS


@rule("sync-fanout", severity="major")
def sync_fanout(ctx: Context) -> Iterator[Hit]:
    """A fan-out point delivers to all its targets synchronously.

    The fan-out points are the components tagged `fanout`; when none is tagged, those of the
    kinds the rubric names in `fanout`. Edges cannot tell one request's writes from a router's
    many requests, so the tag carries the intent.
    """
    g = ctx.graph
    points = tagged(g, "fanout")
    if not points and ctx.rubric is not None and ctx.rubric.fanout:
        points = of_kind(g, *ctx.rubric.fanout)
    for node in points:
        out = list(g.out_edges(node, data="sync"))
        if not out or any(not sync for _, _, sync in out):
            continue
        targets = [v for _, v, _ in out]
        yield Hit(
            components=(node, *targets),
            message=message(
                "design.messaging.fan_out_point_delivers_to", node=node, join=", ".join(targets)
            ),
            why=message("design.messaging.a_request_that_fans_out"),
            fix=message("design.messaging.put_a_queue_or_pub", node=node),
            evidence=tuple(
                message("design.messaging.synchronous", node=node, v=v) for v in targets
            ),
        )


@rule("ws-no-pubsub", severity="critical")
def ws_no_pubsub(ctx: Context) -> Iterator[Hit]:
    """More than one websocket-gateway instance, and no path gateways → … → queue/pubsub → … →
    gateways: a message cannot reach a user connected to another instance.

    Messages may also enter through the clients' other doors (sent over HTTP to an API that
    publishes, received over the websocket), so the relays searched are those the gateways or
    the clients reach.
    """
    g = ctx.graph
    gateways = of_kind(g, "websocket_gateway")
    count = sum(2 if g.nodes[n]["managed"] else g.nodes[n]["instances"] for n in gateways)
    if count < 2:
        return
    forward = bfs(g, [*gateways, *ctx.clients])
    relays = [n for n in forward if kind_of(g, n) in ASYNC_TARGETS]
    back = bfs(g, relays) if relays else {}
    for gw in gateways:
        if gw in back:
            return
    gw_text = ", ".join(f"{n} ×{g.nodes[n]['instances']}" for n in gateways)
    if relays:
        seen = message("design.messaging.reached_from_the_gateways_or", join=", ".join(relays))
    else:
        seen = message("design.messaging.no_queue_or_pub_sub")
    yield Hit(
        components=tuple(gateways),
        message=message("design.messaging.gateway_instances_and_no_pub", count=count),
        why=message("design.messaging.each_user_holds_a_connection"),
        fix=message("design.messaging.publish_each_outgoing_message_to"),
        evidence=(message("design.messaging.gateway_instances", gw_text=gw_text), seen),
    )


@rule("sync-cycle", severity="major")
def sync_cycle(ctx: Context) -> Iterator[Hit]:
    """A cycle of synchronous calls among services (strongly connected components of the
    synchronous-edge subgraph, one finding per component, one cycle as its evidence).

    Load balancers pass calls through (`a -> internal-lb -> b -> a` is a cycle between a and
    b), but a component needs two callers in it: a service calling itself through its own
    load balancer is not a cycle between services.
    """
    from sysdesign.design.digraph import (
        DiGraph,
        shortest_path,
        strongly_connected_components,
    )

    g = ctx.graph
    callers = {n for n, k in g.nodes(data="kind") if k in CALLER_KINDS}
    hops = callers | set(of_kind(g, "load_balancer"))
    sync = DiGraph()
    sync.add_edges_from((u, v) for u, v, s in g.edges(data="sync") if s and u in hops and v in hops)
    order = {n: i for i, n in enumerate(g.nodes)}
    for scc in strongly_connected_components(sync):
        members = sorted((n for n in scc if n in callers), key=order.__getitem__)
        if len(members) < 2:
            continue
        inner = sync.subgraph(scc)
        there = shortest_path(inner, members[0], members[1])
        back = shortest_path(inner, members[1], members[0])
        loop = arrow([*there, *back[1:]])
        yield Hit(
            components=tuple(members),
            message=message("design.messaging.synchronous_call_cycle", loop=loop),
            why=message("design.messaging.each_call_waits_for_the"),
            fix=message("design.messaging.break_the_cycle_make_one"),
            evidence=(message("design.messaging.synchronous_edges", loop=loop),),
        )
