"""Money must move exactly once: idempotency keys, double-entry ledgers, guarded fraud checks.

These rules read intent from component tags (shared DESIGN-FORMAT.md), because an arrow cannot
say "this call moves money":
- `payment` / `transfer` on a service (or on an external provider) marks the money path;
- `idempotency` marks what deduplicates a retried request (the service itself, a gateway in
  front of it, or the key store it consults);
- `ledger` marks the record of balances, `double_entry` says it is kept as balanced entries;
- `fraud` marks a risk-scoring component, `timeout` / `fallback` say what happens when it is slow.
When a design tags nothing but its scenario's rubric expects a `payment`/`transfer` (or a
`ledger`/`double_entry`) component in `expected_tags`, the rubric's word is taken that the
scenario moves money, and the rules look at the services the clients reach and the databases
they write instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sysdesign.design.findings import arrow
from sysdesign.design.graph import (
    CALLER_KINDS,
    Graph,
    is_read_edge,
    kind_of,
    reverse_reach,
    tagged,
    walk_back,
)
from sysdesign.design.rules import Context, Hit, rule
from sysdesign.messages import Message, message
from sysdesign.models.kinds import DATABASES

MONEY_TAGS = frozenset({"payment", "transfer", "payment_provider"})
#: An external component whose id or label names one of these is a payment or banking provider.
PROVIDER_WORDS = re.compile(
    r"pay|psp|\bpg\b|card|bank|acquirer|결제|카드|은행|오픈뱅킹|금융결제원", re.IGNORECASE
)
GUARD_TAGS = frozenset({"timeout", "fallback"})
GUARD_WORDS = re.compile(r"timeout|fallback|fail[- ]?open|타임아웃|폴백|대체", re.IGNORECASE)


def _tags(g: Graph, node: str) -> frozenset[str]:
    tags: frozenset[str] = g.nodes[node]["tags"]
    return tags


def _rubric_expects(ctx: Context, *tags: str) -> bool:
    return ctx.rubric is not None and bool(set(tags) & set(ctx.rubric.expected_tags))


def payment_providers(g: Graph) -> list[str]:
    """External components that take payments or move money between banks."""
    out = []
    for node, data in g.nodes(data=True):
        if data["kind"] != "external":
            continue
        if data["tags"] & MONEY_TAGS or PROVIDER_WORDS.search(f"{node} {data['label']}"):
            out.append(node)
    return out


def money_points(ctx: Context) -> tuple[list[str], bool]:
    """The callers that move money, and whether they were only inferred from the rubric.

    Tagged callers (`payment`/`transfer`), plus the callers of a payment provider that are on a
    client's journey (a batch job started by a scheduler, such as the nightly reconciliation
    that downloads the settlement file, moves no client's money) and do more than read from it
    (an edge labelled only as a read, e.g. `download settlement file`). With none, and a rubric
    expecting a `payment` or `transfer` component: the services the clients reach that write a
    database or call an external system.
    """
    g = ctx.graph
    points: list[str] = [
        n for n in g.nodes if kind_of(g, n) in CALLER_KINDS and _tags(g, n) & MONEY_TAGS
    ]
    journey = ctx.client_paths
    for provider in payment_providers(g):
        for caller in g.pred[provider]:
            if (
                kind_of(g, caller) in CALLER_KINDS
                and caller not in points
                and caller in journey
                and not is_read_edge(g, caller, provider)
            ):
                points.append(caller)
    if points or not _rubric_expects(ctx, "payment", "transfer"):
        return points, False
    inferred = [
        n
        for n in ctx.client_paths
        if kind_of(g, n) == "service"
        and any(kind_of(g, v) in DATABASES | {"external"} for v in g.succ[n])
    ]
    return inferred, True


def _witness(ctx: Context, node: str) -> Message:
    if node in ctx.client_paths:
        path = arrow(walk_back(ctx.client_paths, node))
        return message("design.money.path", path=path)
    return message("design.money.is_not_reached_from_a", node=node)


@rule("no-idempotency", severity="critical")
def no_idempotency(ctx: Context) -> Iterator[Hit]:
    """A payment or transfer path without an idempotency key.

    Applies to the money points (see `money_points`: callers tagged `payment`/`transfer`, the
    callers of an external payment or banking provider on a client's journey, or — when nothing is tagged and the
    rubric expects a `payment`/`transfer` component — the services that write the databases). A point is covered
    when a component tagged `idempotency` is the point itself, anything upstream of it (the key
    travels with the request or the message), or a store it calls (the key table).
    """
    g = ctx.graph
    points, inferred = money_points(ctx)
    keyed = tagged(g, "idempotency")
    for node in points:
        near = reverse_reach(g, [node]) | set(g.succ[node])
        if any(k in near for k in keyed):
            continue
        elsewhere = ", ".join(keyed) if keyed else None
        yield Hit(
            components=(node,),
            message=message("design.money.moves_money_with_no_idempotency", node=node),
            why=message("design.money.clients_gateways_and_workers_retry"),
            fix=message("design.money.have_the_client_send_an"),
            evidence=(
                _witness(ctx, node),
                message("design.money.tagged_idempotency_elsewhere", elsewhere=elsewhere)
                if elsewhere
                else message("design.money.tagged_idempotency_none"),
                *((message("design.money.no_component_is_tagged_payment"),) if inferred else ()),
            ),
        )


def _ledgers(ctx: Context) -> tuple[list[str], bool]:
    """Components tagged `ledger`; with none and a rubric expecting a ledger, the databases the
    money points write."""
    g = ctx.graph
    ledgers = tagged(g, "ledger")
    if ledgers or not _rubric_expects(ctx, "double_entry", "ledger"):
        return ledgers, False
    points, _ = money_points(ctx)
    if not points:
        points = [n for n in ctx.client_paths if kind_of(g, n) == "service"]
    inferred: list[str] = []
    for node in points:
        for v in g.succ[node]:
            if kind_of(g, v) in DATABASES and v not in inferred:
                inferred.append(v)
    return inferred, True


@rule("no-double-entry", severity="major")
def no_double_entry(ctx: Context) -> Iterator[Hit]:
    """A ledger without double-entry bookkeeping.

    Applies to components tagged `ledger` (or, when none is tagged and the rubric expects
    `double_entry` or `ledger`, to the databases the money path writes). A ledger is kept in
    double entry when it or a component it is directly connected to is tagged `double_entry`
    (a ledger service tagged so, writing a database tagged `ledger`, is one ledger).
    """
    g = ctx.graph
    ledgers, inferred = _ledgers(ctx)
    for node in ledgers:
        near = {node, *g.pred[node], *g.succ[node]}
        if any("double_entry" in _tags(g, n) for n in near):
            continue
        yield Hit(
            components=(node,),
            message=message("design.money.ledger_is_not_kept_in", node=node),
            why=message("design.money.a_balance_column_that_is"),
            fix=message("design.money.record_each_transfer_as_one"),
            evidence=(
                message("design.money.node_tags", node=node, tags=", ".join(sorted(_tags(g, node))))
                if _tags(g, node)
                else message("design.money.node_no_tags", node=node),
                *((message("design.money.no_component_is_tagged_ledger"),) if inferred else ()),
            ),
        )


@rule("sync-fraud-no-fallback", severity="major")
def sync_fraud_no_fallback(ctx: Context) -> Iterator[Hit]:
    """Fraud scoring on the synchronous path without a timeout or a fallback.

    Applies to components tagged `fraud` that a caller (service, gateway, worker…) calls
    synchronously. It is guarded when the fraud component or that caller is tagged `timeout` or
    `fallback`, or the connection's label says so (timeout, fallback, fail-open; 타임아웃, 폴백).
    A fraud component fed only through a queue is off the request path and never fires.
    """
    g = ctx.graph
    for node in tagged(g, "fraud"):
        if _tags(g, node) & GUARD_TAGS:
            continue
        bare = [
            u
            for u in g.pred[node]
            if g.edges[u, node]["sync"]
            and kind_of(g, u) in CALLER_KINDS
            and not _tags(g, u) & GUARD_TAGS
            and not any(GUARD_WORDS.search(label) for label in g.edges[u, node]["labels"])
        ]
        if not bare:
            continue
        yield Hit(
            components=(node, *bare),
            message=message(
                "design.money.fraud_scoring_is_called_synchronously",
                node=node,
                join=", ".join(bare),
            ),
            why=message("design.money.every_payment_now_waits_for"),
            fix=message("design.money.give_the_call_a_strict"),
            evidence=tuple(message("design.money.synchronous", u=u, node=node) for u in bare),
        )
