"""How `sysdesign check` scales with design size.

Generates designs of 500, 1,000, 2,000 and 4,000 components (domains of load balancer, API,
services, cache, database, queue and workers, calling into neighbouring domains, with shared
WebSocket gateways and a pub/sub), checks each against the chat rubric with estimates (so
every rule runs, capacity and rubric paths included) and prints the time and the growth ratio.
Target: 2,000 components in under a second; growth close to linear (ratio ≈ 2 per doubling).

    .venv/bin/python benchmarks/check_scaling.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from sysdesign.check import check_design
from sysdesign.library import library
from sysdesign.models.design import Design

SIZES = (500, 1_000, 2_000, 4_000)
PER_DOMAIN = 10


def generate(n: int) -> Design:
    components: dict[str, Any] = {
        "users": {"kind": "client"},
        "edge": {"kind": "load_balancer", "replicas": 4},
        "ws": {"kind": "websocket_gateway", "replicas": 50},
        "bus": {"kind": "pubsub", "replicas": 3},
        "push": {"kind": "notification", "managed": True},
    }
    connections: list[Any] = ["users -> edge -> ws", "ws -> bus"]
    domains = max(1, (n - len(components)) // PER_DOMAIN)
    for d in range(domains):
        p = f"d{d}"
        components.update(
            {
                f"{p}-lb": {"kind": "load_balancer", "replicas": 2},
                f"{p}-api": {"kind": "api_gateway", "replicas": 3},
                f"{p}-svc": {
                    "kind": "service",
                    "replicas": 4,
                    "tags": ["fanout"] if d == 0 else [],
                },
                f"{p}-read": {"kind": "service", "replicas": 4},
                f"{p}-cache": {"kind": "cache", "replicas": 3},
                f"{p}-db": {"kind": "nosql_db", "replicas": 3, "shards": 8},
                f"{p}-q": {"kind": "queue", "replicas": 3},
                f"{p}-worker": {"kind": "worker", "replicas": 2},
                f"{p}-blob": {"kind": "object_store", "managed": True},
                # every tenth domain leaves a single instance behind, so findings exist
                f"{p}-aux": {"kind": "service", "replicas": 1 if d % 10 == 0 else 2},
            }
        )
        connections += [
            f"edge -> {p}-lb -> {p}-api -> {p}-svc -> {p}-db",
            f"{p}-api -> {p}-read -> {p}-cache",
            f"{p}-read -> {p}-db",
            f"{p}-svc -> {p}-q -> {p}-worker -> {p}-blob",
            f"{p}-worker -> push",
            f"{p}-svc -> {p}-aux",
            f"{p}-svc -> bus",
            f"ws -> {p}-svc",
        ]
        if d:
            connections.append(f"{p}-read -> d{d - 1}-read")  # calls into the neighbour
    connections.append("bus -> ws")
    return Design.model_validate(
        {
            "name": f"generated-{n}",
            "components": components,
            "connections": connections,
            "estimates": {
                "dau": "50M",
                "writes_per_user": 40,
                "read_write_ratio": 5,
                "concurrent_fraction": 0.2,
            },
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs per size")
    args = parser.parse_args()
    lib = library()
    rubric = lib.rubrics.get("chat")
    check_design(generate(50), rubric=rubric)  # warm up imports and the catalogue
    print(f"{'components':>10} {'edges':>7} {'findings':>8} {'check (s)':>10} {'growth':>7}")
    previous: float | None = None
    for n in SIZES:
        design = generate(n)
        edges = len(design.edges())
        best = float("inf")
        findings = 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = check_design(design, rubric=rubric)
            best = min(best, time.perf_counter() - start)
            findings = len(result.findings)
        growth = f"{best / previous:.2f}×" if previous else "—"
        print(f"{len(design.components):>10} {edges:>7} {findings:>8} {best:>10.3f} {growth:>7}")
        previous = best


if __name__ == "__main__":
    main()
