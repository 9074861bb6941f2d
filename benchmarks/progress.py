"""How the practice schedule and the progress page scale with a long history.

Fills a scratch store with N results (a year or more of daily practice: sessions with rules
and missed concepts, drills, STAR rounds), then times: recording one more result (the hook's
incremental sync), a full rebuild, and the `next` and `progress --json` commands end to end
(subprocess, wall clock). Target: `next` and `progress` under 1 s with 2,000 results.

    .venv/bin/python benchmarks/progress.py [--results 2000]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

RULES = ["spof", "ws-no-pubsub", "no-cache", "sync-fanout", "needs-sharding", "no-cdn"]
METRICS = ["peak_write_qps", "storage_total", "cache_memory", "egress_bandwidth"]
CHECKS = ["quantified-result", "ownership", "length", "lesson"]


def fill(n: int) -> None:
    from sysdesign.progress.schedule import rebuild
    from sysdesign.store import open_store

    rng = random.Random(7)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    with open_store() as store:
        rows = []
        for i in range(n):
            at = (start + timedelta(hours=6 * i)).isoformat(timespec="seconds")
            kind = ("session", "drill", "drill", "star")[i % 4]
            if kind == "session":
                item, payload = (
                    rng.choice(["chat", "url-shortener", "news-feed"]),
                    {
                        "rules": rng.sample(RULES, rng.randint(0, 3)),
                        "missed_concepts": {"d": rng.sample(["pubsub", "fanout", "ttl"], 1)},
                        "areas": {"design": rng.randint(30, 95), "time": rng.randint(40, 100)},
                    },
                )
            elif kind == "drill":
                item = rng.choice(METRICS)
                payload = {"grade": rng.choice(["good", "order_of_magnitude", "wrong"])}
            else:
                item, payload = "conflict-teammate", {"failed": rng.sample(CHECKS, 1)}
            rows.append((kind, item, rng.randint(0, 100), at, __import__("json").dumps(payload)))
        with store.transaction():
            store.db.executemany(
                "INSERT INTO results (kind, item, score, at, payload) VALUES (?,?,?,?,?)", rows
            )
        t = time.perf_counter()
        cards = rebuild(store)
        print(
            f"rebuild of {n} results: {1000 * (time.perf_counter() - t):.0f} ms, {len(cards)} cards"
        )
        t = time.perf_counter()
        store.record_result("drill", "peak_write_qps", 0, {"grade": "wrong"})
        print(f"record one result (incremental sync): {1000 * (time.perf_counter() - t):.1f} ms")


def wall(*args: str) -> float:
    exe = Path(sys.executable).with_name("sysdesign")
    t = time.perf_counter()
    subprocess.run([str(exe), *args], check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", type=int, default=2000)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["SYSDESIGN_HOME"] = home
        fill(opts.results)
        for args in (("next", "--json"), ("progress", "--json"), ("progress",)):
            best = min(wall(*args) for _ in range(3))
            print(f"sysdesign {' '.join(args)}: {1000 * best:.0f} ms (best of 3)")


if __name__ == "__main__":
    main()
