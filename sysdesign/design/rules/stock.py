"""Stock must not be sold twice: decrements that are atomic, or go through reservations."""

from __future__ import annotations

from collections.abc import Iterator

from sysdesign.design.graph import tagged
from sysdesign.design.rules import Context, Hit, rule
from sysdesign.messages import message

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
            message=message("design.stock.stock_in_is_decremented_without", node=node),
            why=message("design.stock.two_buyers_read_1_left"),
            fix=message("design.stock.decrement_in_one_atomic_step"),
            evidence=(
                message(
                    "design.stock.and_its_neighbours_carry_neither",
                    node=node,
                    neighbours=neighbours,
                ),
            ),
        )
