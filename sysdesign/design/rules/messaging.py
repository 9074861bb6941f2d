"""Fan-out, real-time delivery across gateway instances, and synchronous call cycles."""

from __future__ import annotations

from collections.abc import Iterator

from sysdesign.design.findings import arrow
from sysdesign.design.graph import CALLER_KINDS, bfs, kind_of, of_kind, tagged
from sysdesign.design.rules import Context, Hit, rule, t
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
            message=t(
                f"fan-out point '{node}' delivers to {', '.join(targets)} synchronously",
                f"팬아웃 지점 '{node}': {', '.join(targets)}에 동기로 전달합니다",
            ),
            why=t(
                "A request that fans out to thousands of recipients holds its caller until the "
                "slowest delivery finishes; one slow or failed target stalls or fails them all, "
                "and peaks cannot be absorbed.",
                "수천 명에게 퍼지는 요청이 가장 느린 전달이 끝날 때까지 호출자를 붙잡습니다. 대상 "
                "하나가 느리거나 실패하면 전체가 멈추거나 실패하고, 급증을 흡수할 곳이 없습니다.",
            ),
            fix=t(
                f"Put a queue or pub/sub after '{node}' and deliver from workers or "
                "subscribers, so the request returns once the message is durably accepted.",
                f"'{node}' 뒤에 큐나 pub/sub을 두고 워커·구독자가 전달하게 하세요. 요청은 메시지가 "
                "안전하게 접수되면 바로 반환됩니다.",
            ),
            evidence=tuple(
                t(f"{node} → {v} (synchronous)", f"{node} → {v} (동기)") for v in targets
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
        seen = t(
            f"reached from the gateways or clients: {', '.join(relays)}, but none of them leads "
            "back into a gateway",
            f"게이트웨이나 클라이언트에서 {', '.join(relays)}에 닿지만 어느 것도 게이트웨이로 "
            "돌아오지 않습니다",
        )
    else:
        seen = t(
            "no queue or pub/sub is reachable from the gateways or clients",
            "게이트웨이나 클라이언트에서 닿는 큐나 pub/sub이 없습니다",
        )
    yield Hit(
        components=tuple(gateways),
        message=t(
            f"{count} gateway instances and no pub/sub path back into the gateways",
            f"게이트웨이 인스턴스가 {count}개인데 게이트웨이로 돌아오는 pub/sub 경로가 없습니다",
        ),
        why=t(
            "Each user holds a connection to one instance. A message handled on instance A "
            "for a user connected to instance B has no way to reach B: it is silently lost.",
            "각 사용자는 한 인스턴스에만 연결됩니다. 인스턴스 A가 받은 메시지를 인스턴스 B에 연결된 "
            "사용자에게 보낼 길이 없어 조용히 유실됩니다.",
        ),
        fix=t(
            "Publish each outgoing message to a pub/sub (or a queue) that every gateway "
            "instance subscribes to, e.g. chat → pubsub → gateway, with a presence map of who "
            "is connected where.",
            "보낼 메시지를 모든 게이트웨이 인스턴스가 구독하는 pub/sub(또는 큐)에 발행하세요. 예: "
            "chat → pubsub → gateway, 그리고 누가 어디에 연결됐는지 아는 프레즌스 맵.",
        ),
        evidence=(t(f"gateway instances: {gw_text}", f"게이트웨이 인스턴스: {gw_text}"), seen),
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
            message=t(
                f"synchronous call cycle: {loop}",
                f"동기 호출 순환: {loop}",
            ),
            why=t(
                "Each call waits for the next; under load the cycle holds threads on every "
                "member until timeouts fire, one slow member stalls them all, and a retry can "
                "loop forever. None of them can be deployed or scaled independently.",
                "각 호출이 다음 호출을 기다립니다. 부하가 걸리면 모든 구성원의 스레드가 타임아웃까지 "
                "묶이고, 하나가 느려지면 전부 멈추며, 재시도가 무한 반복될 수 있습니다. 독립적으로 "
                "배포·확장할 수도 없습니다.",
            ),
            fix=t(
                "Break the cycle: make one direction asynchronous (an event on a queue), or "
                "merge the services that cannot work without each other.",
                "순환을 끊으세요: 한 방향을 비동기(큐의 이벤트)로 바꾸거나, 서로 없이 동작할 수 없는 "
                "서비스를 합치세요.",
            ),
            evidence=(t(f"synchronous edges: {loop}", f"동기 연결: {loop}"),),
        )
