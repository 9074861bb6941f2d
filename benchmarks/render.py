"""Render time of a 30-component design against raw `dot` on the DOT source it generates.

Target: `sysdesign diagram` (a fresh process: start-up, load, build, render, inline, place) at
most 1.3× raw `dot -T<fmt>` on the same source.

    .venv/bin/python benchmarks/render.py [--runs 5] [--format png]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = [
    "client",
    "dns",
    "cdn",
    "load_balancer",
    "api_gateway",
    "rate_limiter",
    "auth",
    "service",
    "websocket_gateway",
    "worker",
    "scheduler",
    "cache",
    "sql_db",
    "nosql_db",
    "object_store",
    "queue",
    "pubsub",
    "search_index",
    "stream_processor",
    "warehouse",
    "coordination",
    "monitoring",
    "notification",
    "external",
]


def thirty_components() -> str:
    """A design of 30 components across every tier, each service calling the next layer."""
    names = [f"{kind}_{i}" for i, kind in enumerate(KINDS)]
    names += [f"service_extra_{i}" for i in range(6)]
    kinds = KINDS + ["service"] * 6
    lines = ["name: Benchmark (30 components)", "components:"]
    for n, (name, kind) in enumerate(zip(names, kinds, strict=True)):
        lines.append(f"  {name}: {{kind: {kind}, replicas: {1 + n % 4}, label: 서비스 {n}}}")
    lines.append("connections:")
    lines.append(f"  - {names[0]} -> {names[3]} -> {names[4]} -> {names[7]}: https")
    services = [names[7], *names[24:]]
    stores = [names[i] for i in (11, 12, 13, 14, 15, 16, 17, 19)]
    for i, svc in enumerate(services):
        lines.append(f"  - {names[4]} -> {svc}")
        lines.append(f"  - {svc} -> {stores[i % len(stores)]}: write")
        lines.append(f"  - {svc} -> {stores[(i + 3) % len(stores)]}")
    lines.append(f"  - {names[15]} -> {names[9]} -> {names[18]} -> {names[19]}")
    lines.append(f"  - {names[10]} -> {names[9]} -> {names[22]} -> {names[23]}")
    lines.append(f"  - {names[21]} -> {names[7]}: scrape")
    lines.append(f"  - {names[0]} -> {names[1]}")
    lines.append(f"  - {names[0]} -> {names[2]} -> {names[14]}")
    lines.append(f"  - {names[7]} -> {names[5]} -> {names[6]} -> {names[20]}")
    lines.append(f"  - {names[0]} -> {names[3]} -> {names[8]} -> {names[16]}")
    return "\n".join(lines) + "\n"


def timed(args: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--format", default="png", choices=["png", "svg", "pdf"])
    opts = parser.parse_args()

    from sysdesign.library import load_design
    from sysdesign.render.diagram import diagram_source, dot_binary
    from sysdesign.render.graph import build_view

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        design_file = folder / "design.yaml"
        design_file.write_text(thirty_components(), encoding="utf-8")
        design = load_design(design_file)
        assert len(design.components) == 30
        source = folder / "design.gv"
        source.write_text(diagram_source(build_view(design)), encoding="utf-8")
        fmt = opts.format
        raw = [dot_binary(), f"-T{fmt}", "-o", str(folder / f"raw.{fmt}"), str(source)]
        ours = [
            sys.executable,
            "-m",
            "sysdesign",
            "diagram",
            str(design_file),
            "-o",
            str(folder / f"ours.{fmt}"),
            "--force",
        ]
        timed(raw, 1)  # warm the file cache and fontconfig
        raw_times = timed(raw, opts.runs)
        our_times = timed(ours, opts.runs)
        text_only = [*ours[:5], "-o", str(folder / "ours.mmd"), "--force"]
        fixed_times = timed(text_only, opts.runs)
        # The render step alone, in process: build the graph, run dot, inline, place.
        from sysdesign.render.diagram import write_image

        call_times = []
        for _ in range(opts.runs):
            start = time.perf_counter()
            view = build_view(design)
            write_image(view, folder / f"call.{fmt}", fmt, force=True)  # type: ignore[arg-type]
            call_times.append(time.perf_counter() - start)
    raw_median = statistics.median(raw_times)
    our_median = statistics.median(our_times)
    call_median = statistics.median(call_times)
    ratio = our_median / raw_median
    print(f"components: 30, edges: {len(design.edges())}, format: {fmt}, runs: {opts.runs}")
    print(f"raw dot                          median {raw_median * 1000:8.1f} ms")
    print(
        f"render step in process           median {call_median * 1000:8.1f} ms"
        f"  ({call_median / raw_median:.2f}x)"
    )
    print(f"`sysdesign diagram` (new process) median {our_median * 1000:8.1f} ms  ({ratio:.2f}x)")
    print(
        f"`sysdesign diagram -o x.mmd` (fixed start-up + load, no dot) median "
        f"{statistics.median(fixed_times) * 1000:.1f} ms"
    )
    print(f"target <= 1.30x end to end: {'OK' if ratio <= 1.3 else 'OVER'}")


if __name__ == "__main__":
    main()
