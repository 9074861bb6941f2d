"""Components the system cannot reach."""

from __future__ import annotations

from collections.abc import Iterator

from sysdesign.design.digraph import connected_components
from sysdesign.design.graph import reverse_reach
from sysdesign.design.rules import Context, Hit, rule, t

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
            message=t(
                f"no client or scheduler reaches {names}",
                f"어떤 클라이언트나 스케줄러도 {names}에 닿지 않습니다",
            ),
            why=t(
                "A component nothing calls or feeds does no work in this design: either a "
                "connection is missing (so the flow it serves is broken) or it is not needed.",
                "아무것도 호출하거나 데이터를 보내지 않는 컴포넌트는 이 설계에서 하는 일이 없습니다. "
                "연결이 빠졌거나(그 흐름이 끊겼거나) 필요 없는 컴포넌트입니다.",
            ),
            fix=t(
                "Connect it where it is used (e.g. `api -> " + island[0] + "`), or remove it.",
                "쓰이는 곳에 연결하거나 (예: `api -> " + island[0] + "`) 지우세요.",
            ),
            evidence=(
                t(
                    "reachable from clients/schedulers: none of " + names,
                    "클라이언트·스케줄러에서 도달 가능: " + names + " 중 없음",
                ),
                t("it feeds nothing that they reach", "도달 가능한 곳에 아무것도 보내지 않습니다"),
            ),
        )
