"""Stable ids other parts rely on: rule ids and phase ids. Plain data, cheap to import."""

from __future__ import annotations

# Rule ids from shared DESIGN-FORMAT.md, plus those the company tracks add.
RULE_IDS: tuple[str, ...] = (
    "spof",
    "unreplicated-store",
    "no-load-balancer",
    "client-to-datastore",
    "no-cache",
    "sync-fanout",
    "no-cdn",
    "ws-no-pubsub",
    "no-rate-limit",
    "under-provisioned",
    "needs-sharding",
    "sync-cycle",
    "unreachable",
    # Company tracks (commerce, fintech): money and stock must move exactly once. Listed before
    # the coverage rules so that, at one severity, a concrete flaw sorts ahead of a missing tag.
    "no-idempotency",
    "non-atomic-stock",
    "no-double-entry",
    "sync-fraud-no-fallback",
    "missing-component",
    "missing-path",
)

PHASE_IDS: tuple[str, ...] = ("requirements", "high_level", "deep_dive", "wrap_up")

SEVERITIES: tuple[str, ...] = ("critical", "major", "minor")
