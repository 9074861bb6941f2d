"""Drills: reproducible questions, grading bands, slips, recording."""

from __future__ import annotations

import pytest

from sysdesign.estimate import drill
from sysdesign.estimate.units import format_size

CHAT = {
    "dau": "50M",
    "writes_per_user": "40",
    "read_write_ratio": "1",
    "write_size": "200B",
    "retention": "5y",
    "peak_factor": "2",
    "replication": "3",
}


def q(metric: str) -> drill.Question:
    return drill.make_question(seed=1, scenario_inputs=CHAT, scenario="chat", metric=metric)


def test_same_seed_same_question() -> None:
    a, b = drill.make_question(seed=42), drill.make_question(seed=42)
    assert a.inputs == b.inputs and a.metric == b.metric
    assert a.expected == b.expected


def test_grade_bands() -> None:
    question = q("write_qps")  # 23,148/s
    assert drill.grade(question, "23k/s").grade == "good"
    assert drill.grade(question, "40k/s").grade == "good"
    assert drill.grade(question, "5k/s").grade == "order_of_magnitude"
    assert drill.grade(question, "1k/s").grade == "wrong"


def test_slips() -> None:
    peak = q("peak_write_qps")  # 46,296/s
    assert drill.grade(peak, "23k/s").slip == "peak_forgotten"
    assert drill.grade(q("write_qps"), "2B/s").slip == "per_day_vs_per_second"
    total = q("storage_total")  # with replication 3
    assert drill.grade(total, format_size(total.expected.value / 3)).slip == "replication_forgotten"
    egress = drill.make_question(seed=1, scenario_inputs=CHAT, metric="egress_bandwidth")
    as_bits_read_as_bytes = f"{egress.expected.value * 8 / 1e6}MB/s"
    graded = drill.grade(egress, as_bits_read_as_bytes)
    assert graded.slip == "bits_bytes" and graded.grade == "order_of_magnitude"
    assert drill.grade(q("write_qps"), "23k/s").slip is None


def test_unknown_metric_is_a_usage_error() -> None:
    from sysdesign.errors import UsageError

    with pytest.raises(UsageError, match="did you mean"):
        drill.make_question(seed=1, metric="write_qsp")


def test_recorded_in_the_store() -> None:
    from sysdesign.store import open_store

    graded = drill.grade(q("write_qps"), "23k/s")
    drill.record_drill(graded, "en")
    with open_store() as store:
        rows = store.results(kind="drill")
    assert len(rows) == 1 and rows[0].item == "write_qps" and rows[0].score == 100
    assert rows[0].payload["grade"] == "good"
