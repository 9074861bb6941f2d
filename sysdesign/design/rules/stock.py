"""Stock must not be sold twice: decrements that are atomic, or go through reservations."""

from __future__ import annotations

from collections.abc import Iterator

from sysdesign.design.graph import tagged
from sysdesign.design.rules import Context, Hit, rule, t

SAFE_TAGS = frozenset({"atomic_stock", "reservation"})


@rule("non-atomic-stock", severity="critical")
def non_atomic_stock(ctx: Context) -> Iterator[Hit]:
    """Stock decremented without an atomic or conditional update.

    Applies to components tagged `inventory` (the service or store that holds stock counts). It
    is safe when it, or a component directly connected to it, is tagged `atomic_stock` (a
    conditional `UPDATE … WHERE stock >= n`, a Redis `DECRBY`/Lua check-and-decrement, one
    writer per item) or `reservation` (a reservation service that holds units with a TTL). A
    design that tags nothing `inventory` is left to `missing-component` when the rubric expects
    the tag: an arrow alone cannot show which store holds stock.
    """
    g = ctx.graph
    for node in tagged(g, "inventory"):
        near = {node, *g.pred[node], *g.succ[node]}
        if any(g.nodes[n]["tags"] & SAFE_TAGS for n in near):
            continue
        neighbours = ", ".join(sorted(near - {node})) or "none"
        yield Hit(
            components=(node,),
            message=t(
                f"stock in '{node}' is decremented without an atomic or conditional update",
                f"'{node}'의 재고가 원자적·조건부 갱신 없이 차감됩니다",
            ),
            why=t(
                "Two buyers read '1 left' at the same moment and both write 0: read-then-write "
                "oversells the last units, and in a flash sale thousands race for each one. "
                "Refunding oversold orders costs money and trust.",
                "두 구매자가 동시에 '1개 남음'을 읽고 둘 다 0을 씁니다. 읽고 나서 쓰는 방식은 마지막 "
                "재고를 초과 판매하고, 타임세일에서는 수천 명이 한 개를 두고 경쟁합니다. 초과 판매를 "
                "환불하는 데는 돈과 신뢰가 듭니다.",
            ),
            fix=t(
                "Decrement in one atomic step that refuses to go below zero — `UPDATE stock SET "
                "qty = qty - 1 WHERE sku = ? AND qty >= 1` (check the affected rows), or a Redis "
                "Lua check-and-decrement in front of the database — or reserve units with a TTL "
                "in a reservation service and confirm on payment. Tag it `atomic_stock` or "
                "`reservation`.",
                "0 아래로 내려가지 않는 한 번의 원자적 연산으로 차감하세요. `UPDATE stock SET qty = "
                "qty - 1 WHERE sku = ? AND qty >= 1`(영향받은 행 수 확인)이나 DB 앞의 Redis Lua "
                "확인-차감, 또는 예약 서비스가 TTL로 재고를 잡아 두고 결제 시 확정합니다. "
                "`atomic_stock`이나 `reservation` 태그를 다세요.",
            ),
            evidence=(
                t(
                    f"'{node}' and its neighbours ({neighbours}) carry neither atomic_stock nor "
                    "reservation",
                    f"'{node}'에도 이웃({neighbours})에도 atomic_stock이나 reservation 태그가 "
                    "없습니다",
                ),
            ),
        )
