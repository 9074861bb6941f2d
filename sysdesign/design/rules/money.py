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
from sysdesign.design.rules import Context, Hit, rule, t
from sysdesign.models.common import Text
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


def _witness(ctx: Context, node: str) -> Text:
    if node in ctx.client_paths:
        path = arrow(walk_back(ctx.client_paths, node))
        return t(f"path: {path}", f"경로: {path}")
    return t(f"'{node}' is not reached from a client", f"클라이언트에서 '{node}'에 닿지 않습니다")


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
            message=t(
                f"'{node}' moves money with no idempotency key on its path",
                f"'{node}'에서 돈을 옮기는데 경로에 멱등성 키가 없습니다",
            ),
            why=t(
                "Clients, gateways and workers retry after a timeout without knowing whether the "
                "first attempt went through. Without a key that makes the retry a no-op, one tap "
                "can charge or transfer twice — and money that left cannot be unsent.",
                "클라이언트·게이트웨이·워커는 타임아웃이 나면 첫 시도가 처리됐는지 모른 채 재시도합니다. "
                "재시도를 무효로 만드는 키가 없으면 한 번의 탭이 두 번 결제·이체되고, 이미 나간 돈은 "
                "되돌릴 수 없습니다.",
            ),
            fix=t(
                "Have the client send an Idempotency-Key (a UUID per user intent); store it with "
                "the request's outcome under a unique constraint in the same transaction as the "
                "money movement, return the stored outcome on a repeat, and pass the key on to the "
                "provider. Tag what does it `idempotency`.",
                "클라이언트가 사용자 의도마다 UUID로 Idempotency-Key를 보내게 하고, 돈을 옮기는 "
                "트랜잭션 안에서 그 키와 결과를 유니크 제약으로 저장하세요. 같은 키가 다시 오면 저장된 "
                "결과를 돌려주고, 외부 결제사에도 키를 넘기세요. 그 일을 하는 컴포넌트에 `idempotency` "
                "태그를 다세요.",
            ),
            evidence=(
                _witness(ctx, node),
                t(
                    "components tagged 'idempotency': "
                    + (f"{elsewhere}, none upstream of or called by it" if elsewhere else "none"),
                    "'idempotency' 태그: "
                    + (
                        f"{elsewhere}, 하지만 이 경로의 앞이나 호출 대상에는 없음"
                        if elsewhere
                        else "없음"
                    ),
                ),
                *(
                    (
                        t(
                            "no component is tagged payment/transfer; the rubric expects one, "
                            "so the services that write its databases are treated as the money "
                            "path",
                            "payment/transfer 태그가 없어, 루브릭이 그 역할을 기대하는 이 시나리오에서는 "
                            "데이터베이스에 쓰는 서비스를 돈이 움직이는 경로로 봅니다",
                        ),
                    )
                    if inferred
                    else ()
                ),
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
            message=t(
                f"ledger '{node}' is not kept in double entry",
                f"'{node}' 원장이 복식부기로 기록되지 않습니다",
            ),
            why=t(
                "A balance column that is updated in place cannot prove where money came from: a "
                "bug or a half-applied retry creates or destroys money silently, and no audit or "
                "reconciliation can find it. Double entry writes every movement as a debit and a "
                "credit that sum to zero, append-only, so the books always balance and every "
                "balance can be rebuilt from its entries.",
                "잔액 컬럼만 덮어쓰면 돈이 어디서 왔는지 증명할 수 없습니다. 버그나 반쯤 적용된 재시도가 "
                "돈을 조용히 만들거나 없애도 감사나 대사로 찾아낼 수 없습니다. 복식부기는 모든 이동을 합이 "
                "0인 차변·대변 항목으로 추가만 하므로 장부가 항상 맞고, 잔액은 항목에서 다시 계산할 수 "
                "있습니다.",
            ),
            fix=t(
                "Record each transfer as one transaction of balanced entries (debit the payer, "
                "credit the payee, same amount) in an append-only entries table, written in the "
                "same ACID transaction as the balance update and the idempotency key; never "
                "update or delete an entry — correct with a reversing one. Tag it `double_entry`.",
                "이체 한 건을 합이 맞는 항목들(보내는 쪽 차변, 받는 쪽 대변, 같은 금액)의 한 트랜잭션으로 "
                "추가 전용 entries 테이블에 기록하고, 잔액 갱신·멱등성 키와 같은 ACID 트랜잭션에서 쓰세요. "
                "항목은 수정·삭제하지 않고 반대 항목으로 정정합니다. `double_entry` 태그를 다세요.",
            ),
            evidence=(
                t(
                    f"'{node}' tags: " + (", ".join(sorted(_tags(g, node))) or "none"),
                    f"'{node}' 태그: " + (", ".join(sorted(_tags(g, node))) or "없음"),
                ),
                *(
                    (
                        t(
                            "no component is tagged 'ledger'; the rubric expects one, so the "
                            "databases the money path writes are taken as the ledger",
                            "'ledger' 태그가 없어, 루브릭이 원장을 기대하는 이 시나리오에서는 돈이 "
                            "움직이는 경로가 쓰는 데이터베이스를 원장으로 봅니다",
                        ),
                    )
                    if inferred
                    else ()
                ),
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
            message=t(
                f"fraud scoring '{node}' is called synchronously by {', '.join(bare)} with no "
                "timeout or fallback",
                f"{', '.join(bare)}에서 사기 탐지 '{node}'에 동기로 요청하는데 타임아웃이나 대체 "
                "경로가 없습니다",
            ),
            why=t(
                "Every payment now waits for the model: when feature lookups slow down or the "
                "scorer fails, checkout and transfers stall or fail with it, and retries pile more "
                "load on the struggling scorer.",
                "모든 결제가 모델을 기다리게 됩니다. 피처 조회가 느려지거나 점수 서비스가 죽으면 결제와 "
                "이체도 같이 멈추거나 실패하고, 재시도가 이미 힘든 점수 서비스에 부하를 더 얹습니다.",
            ),
            fix=t(
                "Give the call a strict budget (e.g. 50–100 ms) and a decided fallback: rules-only "
                "scoring, allow below a limit and review later (fail open), or hold the "
                "transaction (fail closed) — per amount and risk. Do the heavy analysis "
                "asynchronously from a queue. Tag the scorer or its caller `timeout`/`fallback`.",
                "호출에 엄격한 시간 예산(예: 50–100ms)과 정해 둔 대체 동작을 주세요: 룰만으로 판정, 한도 "
                "이하는 통과시키고 사후 검토(fail open), 또는 보류(fail closed)를 금액과 위험도에 따라 "
                "고릅니다. 무거운 분석은 큐를 통해 비동기로 합니다. 점수 서비스나 호출자에 "
                "`timeout`/`fallback` 태그를 다세요.",
            ),
            evidence=tuple(t(f"{u} → {node} (synchronous)", f"{u} → {node} (동기)") for u in bare),
        )
