"""The drill sub-calculators."""

from __future__ import annotations

import pytest

from sysdesign.errors import UsageError
from sysdesign.estimate import calculators as calc


def test_connections() -> None:
    c = calc.connections(
        {
            "dau": "10M",
            "concurrent_fraction": "10%",
            "memory_per_connection": "64KB",
            "connections_per_server": "50k",
            "update_interval": "5s",
        }
    )
    assert c.value("concurrent") == pytest.approx(1e6)
    assert c.value("memory_total") == pytest.approx(64e9)
    assert c.value("servers") == 20
    assert c.value("update_qps") == pytest.approx(200_000)
    with pytest.raises(UsageError):
        calc.connections({"memory_per_connection": "1KB"})


def test_concurrency_littles_law() -> None:
    c = calc.concurrency({"throughput": "1000/s", "latency": "200ms"})
    assert c.value("in_flight") == pytest.approx(200)
    assert c.value("memory_total") == pytest.approx(200 * 2000)  # 2 KB goroutine stacks
    threads = calc.concurrency({"in_flight": "10k", "stack_size": "1MiB"})
    assert threads.value("memory_total") == pytest.approx(10_000 * 2**20)


def test_pool_two_ways() -> None:
    c = calc.pool({"throughput": "2000/s", "query_time": "5ms", "cores": "8", "spindles": "1"})
    assert c.value("pool_size_littles_law") == 10
    assert c.value("pool_size_heuristic") == 17


def test_partitions_take_the_larger_quotient() -> None:
    c = calc.partitions(
        {
            "target_throughput": "100k/s",
            "partition_throughput": "10k/s",
            "consumer_throughput": "4k/s",
        }
    )
    assert c.value("partitions") == 25
    b = calc.partitions(
        {
            "target_throughput": "1GB/s",
            "partition_throughput": "10MB/s",
            "consumer_throughput": "50MB/s",
        }
    )
    assert b.value("partitions") == 100
    with pytest.raises(UsageError, match="same kind"):
        calc.partitions(
            {
                "target_throughput": "1GB/s",
                "partition_throughput": "1k/s",
                "consumer_throughput": "1k/s",
            }
        )


def test_shards() -> None:
    c = calc.shards(
        {"data_size": "20TB", "node_storage": "2TB", "write_qps": "50k", "node_write_qps": "10k"}
    )
    assert c.value("nodes") == 10


def test_btree_100m_rows() -> None:
    c = calc.btree({"rows": "100M", "key_size": "8B", "pointer_size": "8B", "page_size": "16KiB"})
    assert c.value("fanout") == 1024
    assert c.value("height") == 3  # 1024³ ≈ 1.07 billion ≥ 100M > 1024²
    leaves = -(-100_000_000 // 1024)
    assert (c.value("index_size") or 0) >= leaves * 16384


def test_availability_series_and_parallel() -> None:
    series = calc.availability(["99.9", "99.9"])
    assert series.value("availability") == pytest.approx(99.8001)
    three_nines = calc.availability(["99.9"])
    assert three_nines.value("downtime_per_year") == pytest.approx(0.001 * 365.25 * 86400)
    assert three_nines.value("downtime_per_month") == pytest.approx(0.001 * 365.25 * 86400 / 12)
    parallel = calc.availability(["99", "99"], parallel=True)
    assert parallel.value("availability") == pytest.approx(99.99)


def _board(c: calc.Calculation) -> list[tuple[str | None, str, str, str]]:
    return [(s.key, s.formula, s.substituted, s.human) for s in c.steps]


def test_partitions_whiteboard_shows_each_side() -> None:
    c = calc.partitions(
        {
            "target_throughput": "100k/s",
            "partition_throughput": "10k/s",
            "consumer_throughput": "4k/s",
        }
    )
    assert _board(c) == [
        (
            "partitions_for_producers",
            "⌈target / per-partition throughput⌉",
            "⌈100k/s / 10k/s⌉",
            "10 partitions",
        ),
        (
            "partitions_for_consumers",
            "⌈target / per-consumer throughput⌉",
            "⌈100k/s / 4k/s⌉",
            "25 partitions",
        ),
        ("partitions", "max(producer side, consumer side)", "max(10, 25)", "25 partitions"),
    ]


def test_availability_whiteboard_uses_a_365_25_day_year() -> None:
    c = calc.availability(["99.9"])
    assert _board(c) == [
        ("availability", "Π Aᵢ  (series: every one must work)", "99.9%", "99.9%"),
        ("downtime_per_year", "(1 − A) × 365.25 days", "0.001 × 31,557,600 s", "8.77 h"),
        ("downtime_per_month", "downtime per year / 12", "8.77 h / 12", "43.8 min"),
    ]
