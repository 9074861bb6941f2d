"""The track rules: each fires on a reference design mutated to lack its safeguard, stays silent
on the strong design, and reads only the tags (and, as a fallback, the rubric) it documents."""

from __future__ import annotations

from typing import Any

import pytest

from sysdesign.check import check_design
from sysdesign.design.findings import Finding
from sysdesign.design.rules import RULES
from sysdesign.design.run import make_context, run_rules
from sysdesign.library import library, load_design, load_design_text, reference_design_path
from sysdesign.models.design import Design
from sysdesign.models.ids import RULE_IDS

TRACK_RULES = ("no-idempotency", "non-atomic-stock", "no-double-entry", "sync-fraud-no-fallback")


def strip(design: Design, tags: set[str], *, label_words: tuple[str, ...] = ()) -> Design:
    """The design without the given tags on any component, without labels or notes that name
    them (the checker reads those too), and without connection labels that contain any of
    `label_words` (a candidate who never thought of the safeguard)."""
    from sysdesign.understand.lexicon import lexicon

    data: dict[str, Any] = design.model_dump(exclude_none=True, exclude={"connections"})
    for comp in data["components"].values():
        comp["tags"] = [t for t in comp.get("tags", []) if t not in tags]
        for field in ("label", "notes"):
            value = comp.get(field)
            # one string, or `{en, ko}`: either language naming a tag drops the text
            texts = list(value.values()) if isinstance(value, dict) else [value] if value else []
            if any(set(lexicon().tags_in(text)) & tags for text in texts):
                del comp[field]
    edges: list[dict[str, Any]] = []
    for e in design.edges():
        item: dict[str, Any] = {"from": e.src, "to": e.dst}
        if e.label and not any(w in e.label.lower() for w in label_words):
            item["label"] = e.label
        edges.append(item)
    data["connections"] = edges
    return Design.model_validate(data)


def reference(sid: str) -> Design:
    return load_design(reference_design_path(sid))


def fired(design: Design, rule: str) -> list[Finding]:
    return [f for f in check_design(design).findings if f.rule == rule]


def only(text: str, rule: str, scenario: str | None = None) -> list[tuple[str, ...]]:
    ctx = make_context(load_design_text(text), scenario)
    return [f.components for f in run_rules(ctx, [rule])]


def test_rules_are_registered_and_listed() -> None:
    for rid in TRACK_RULES:
        assert rid in RULE_IDS and rid in RULES
        assert RULES[rid].doc  # type: ignore[attr-defined]


# (rule, scenario, tags removed, label words removed, components that must be named)
MUTATIONS = [
    ("no-idempotency", "money-transfer-ledger", {"idempotency"}, (), {"transfer", "interbank_w"}),
    ("no-idempotency", "payment-system", {"idempotency"}, (), {"payment", "executor"}),
    ("no-idempotency", "order-processing", {"idempotency"}, (), {"payment"}),
    ("non-atomic-stock", "inventory-flash-sale", {"atomic_stock", "reservation"}, (), {"stock"}),
    ("non-atomic-stock", "order-processing", {"atomic_stock", "reservation"}, (), {"stock_db"}),
    ("no-double-entry", "money-transfer-ledger", {"double_entry"}, (), {"ledger"}),
    ("no-double-entry", "payment-system", {"double_entry"}, (), {"pay_db"}),
    (
        "sync-fraud-no-fallback",
        "fraud-detection-realtime",
        {"timeout", "fallback"},
        ("timeout", "fallback"),
        {"scorer", "payments"},
    ),
    (
        "sync-fraud-no-fallback",
        "money-transfer-ledger",
        {"timeout", "fallback"},
        ("timeout", "fallback"),
        {"fraud", "transfer"},
    ),
]


@pytest.mark.parametrize(
    ("rule", "sid", "tags", "words", "named"),
    MUTATIONS,
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_rule_fires_on_the_mutated_reference_and_not_on_the_strong_one(
    rule: str, sid: str, tags: set[str], words: tuple[str, ...], named: set[str]
) -> None:
    strong = reference(sid)
    assert fired(strong, rule) == []
    mutated = strip(strong, tags, label_words=words)
    findings = fired(mutated, rule)
    assert findings, f"{rule} silent on {sid} without {tags}"
    components = {c for f in findings for c in f.components}
    assert named <= components, components
    for f in findings:
        for text in (f.message, f.why, f.fix, *f.evidence):
            assert text.ko.strip() and text.en.strip()
            assert any("\uac00" <= ch <= "\ud7a3" for ch in text.ko)
    # The rubric counts the rule, so the mutation costs design points.
    before, after = check_design(strong).score, check_design(mutated).score
    assert before is not None and after is not None and after < before


def test_severities() -> None:
    design = strip(reference("money-transfer-ledger"), {"idempotency", "double_entry"})
    worst = {f.rule: f.severity for f in check_design(design).findings}
    assert worst["no-idempotency"] == "critical"
    assert worst["no-double-entry"] == "major"
    stock = strip(reference("inventory-flash-sale"), {"atomic_stock", "reservation"})
    assert {f.severity for f in fired(stock, "non-atomic-stock")} == {"critical"}


# ---------------------------------------------------------------- how each rule knows it applies

BASE = (
    "components: {u: client, lb: {kind: lb, replicas: 2}, api: {kind: api, replicas: 3, tags: "
    "[%s]}, db: {kind: postgres, replicas: 2, tags: [%s]}, ext: {kind: external, label: %s}}\n"
    "connections: [u -> lb -> api -> db, %s]"
)


def test_no_idempotency_reads_tags_and_providers() -> None:
    # untagged, no provider, no rubric: the rule does not apply
    assert only(BASE % ("", "", "Search vendor", "api -> ext"), "no-idempotency") == []
    # a tagged money service
    assert only(BASE % ("transfer", "", "Search vendor", "api -> ext"), "no-idempotency") == [
        ("api",)
    ]
    # the caller of an external payment provider, recognised by its label
    assert only(BASE % ("", "", "Card acquirer", "api -> ext"), "no-idempotency") == [("api",)]
    # covered by the service itself, by a key store it calls, or by anything upstream
    assert only(BASE % ("transfer, idempotency", "", "x", "api -> ext"), "no-idempotency") == []
    assert only(BASE % ("transfer", "idempotency", "x", "api -> ext"), "no-idempotency") == []
    upstream = (
        "components: {u: client, gw: {kind: api_gateway, replicas: 2, tags: [idempotency]}, "
        "api: {kind: api, replicas: 2, tags: [payment]}, q: kafka, w: {kind: worker, replicas: 2}, "
        "pg: {kind: external, label: PG}}\nconnections: [u -> gw -> api -> q -> w -> pg]"
    )
    assert only(upstream, "no-idempotency") == []


def test_money_rules_fall_back_on_the_rubric_for_untagged_designs() -> None:
    """A Toss-style candidate who tags nothing is still caught: the transfer rubric expects
    `transfer`, `idempotency`, `ledger` and `double_entry`."""
    naive = BASE % ("", "", "x", "api -> ext")
    assert only(naive, "no-idempotency") == []
    assert only(naive, "no-idempotency", "money-transfer-ledger") == [("api",)]
    assert only(naive, "no-double-entry", "money-transfer-ledger") == [("db",)]
    # a rubric that does not move money never infers it
    assert only(naive, "no-idempotency", "url-shortener") == []
    assert only(naive, "no-double-entry", "url-shortener") == []


def test_no_double_entry_accepts_a_tagged_neighbour() -> None:
    assert only(BASE % ("", "ledger", "x", "api -> ext"), "no-double-entry") == [("db",)]
    assert only(BASE % ("", "ledger, double_entry", "x", "api -> ext"), "no-double-entry") == []
    assert (
        only(BASE % ("ledger, double_entry", "ledger", "x", "api -> ext"), "no-double-entry") == []
    )


def test_non_atomic_stock_accepts_atomic_or_reservation_next_door() -> None:
    assert only(BASE % ("", "inventory", "x", "api -> ext"), "non-atomic-stock") == [("db",)]
    assert only(BASE % ("", "inventory, atomic_stock", "x", "api -> ext"), "non-atomic-stock") == []
    assert only(BASE % ("reservation", "inventory", "x", "api -> ext"), "non-atomic-stock") == []
    assert only(BASE % ("", "", "x", "api -> ext"), "non-atomic-stock") == []


FRAUD = (
    "components: {u: client, lb: {kind: lb, replicas: 2}, api: {kind: api, replicas: 3, tags: "
    "[%s]}, fds: {kind: api, replicas: 2, tags: [fraud%s]}, q: kafka}\n"
    "connections: [u -> lb -> api, %s]"
)


def test_sync_fraud_guards_by_tag_label_or_asynchrony() -> None:
    assert only(FRAUD % ("", "", "api -> fds"), "sync-fraud-no-fallback") == [("fds", "api")]
    assert only(FRAUD % ("", ", timeout", "api -> fds"), "sync-fraud-no-fallback") == []
    assert only(FRAUD % ("fallback", "", "api -> fds"), "sync-fraud-no-fallback") == []
    labelled = FRAUD % ("", "", "{api -> fds: score with a 50 ms timeout}")
    assert only(labelled, "sync-fraud-no-fallback") == []
    assert only(FRAUD % ("", "", "api -> q -> fds"), "sync-fraud-no-fallback") == []


def test_a_toss_candidate_is_caught_without_idempotency_and_double_entry() -> None:
    """The issue's "done when": a transfer-ledger design without the two safeguards is caught,
    and the rubric's deep dives on them are the ones its findings trigger."""
    from sysdesign.session.interviewer import pick_deep_dives

    naive = load_design_text(
        "scenario: money-transfer-ledger\n"
        "components: {app: client, lb: {kind: lb, replicas: 2}, gw: {kind: api_gateway, "
        "replicas: 6}, api: {kind: api, replicas: 8}, db: {kind: mysql, replicas: 2, shards: 4}}\n"
        "connections: [app -> lb -> gw -> api -> db]"
    )
    result = check_design(naive)
    rules = [f.rule for f in result.findings]
    assert {"no-idempotency", "no-double-entry"} <= set(rules)
    assert result.worst() == "critical"
    dives = [d.id for d, _ in pick_deep_dives(library().rubric("money-transfer-ledger"), rules)]
    assert dives[:2] == ["idempotency", "double-entry-ledger"]
