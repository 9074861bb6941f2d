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


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (1.0, "good"),
        (2.0, "good"),  # within 2× is good, both ways
        (0.5, "good"),
        (2.05, "order_of_magnitude"),
        (0.49, "order_of_magnitude"),
        (10.0, "order_of_magnitude"),  # within 10× is the right order of magnitude
        (0.1, "order_of_magnitude"),
        (10.1, "wrong"),
        (0.099, "wrong"),
        (0.0, "wrong"),
        (-2.0, "wrong"),
        (float("inf"), "wrong"),
        (float("nan"), "wrong"),
    ],
)
def test_grade_bounds_are_2x_and_10x(ratio: float, expected: str) -> None:
    assert drill.grade_ratio(ratio) == expected


@pytest.mark.parametrize(
    ("answer", "expected", "score"),
    [
        ("46296/s", "good", 100),  # 23,148/s × 2 = 46,296
        ("46.4k/s", "order_of_magnitude", 50),
        ("11575/s", "good", 100),  # ÷ 2 = 11,574
        ("11.5k/s", "order_of_magnitude", 50),
        ("231.4k/s", "order_of_magnitude", 50),  # × 10 = 231,481
        ("232k/s", "wrong", 0),
        ("2315/s", "order_of_magnitude", 50),  # ÷ 10 = 2,315
        ("2.3k/s", "wrong", 0),
    ],
)
def test_answers_on_each_side_of_the_bounds(answer: str, expected: str, score: int) -> None:
    question = q("write_qps")
    assert question.expected.value == pytest.approx(50e6 * 40 / 86_400)
    graded = drill.grade(question, answer)
    assert graded.grade == expected
    assert graded.score == score


def test_grade_names_state_the_bounds() -> None:
    assert drill.GRADE_NAMES["good"].en == "good (within 2×)"
    assert drill.GRADE_NAMES["order_of_magnitude"].ko == "자릿수는 맞음 (10배 이내)"
    assert drill.GRADE_NAMES["wrong"].en == "wrong (off by more than 10×)"


def test_a_slip_names_the_ratio_within_a_factor_of_1_3() -> None:
    peak = q("peak_write_qps")  # peak factor 2: forgetting it gives half the answer
    expected = peak.expected.value
    assert drill.likely_slip(peak, 0.5) == "peak_forgotten"
    assert drill.likely_slip(peak, 0.5 * 1.29) == "peak_forgotten"
    assert drill.likely_slip(peak, 0.5 / 1.29) == "peak_forgotten"
    assert drill.likely_slip(peak, 0.5 * 1.31) is None
    assert drill.likely_slip(peak, 0.5 / 1.31) is None
    assert drill.grade(peak, f"{expected / 2:.0f}/s").slip == "peak_forgotten"
    assert drill.likely_slip(peak, 0.0) is None


def test_the_question_reads_in_each_language() -> None:
    question = q("write_qps")
    assert question.text("en") == (
        "[chat] Assumptions: daily active users 50M; writes per user per day 40; read:write "
        "ratio 1; bytes stored per write 200B; retention 5y; peak factor 2; replication 3; hot "
        "fraction of a day's reads 0.2.\nWhat is the average write QPS? (with a unit, e.g. 7k/s)"
    )
    assert question.text("ko").endswith("\n평균 쓰기 QPS는? (단위와 함께, 예: 7k/s)")
    assert question.text("ko").startswith("[chat] 가정: 일간 활성 사용자(DAU) 50M; ")
    graded = drill.grade(question, "5k/s").to_json("ko")
    assert graded["grade_text"] == "자릿수는 맞음 (10배 이내)" and graded["score"] == 50


@pytest.mark.parametrize("replication", ["2", "3"])
def test_replication_forgotten_for_any_replication_above_one(replication: str) -> None:
    inputs = {**CHAT, "replication": replication}
    total = drill.make_question(seed=1, scenario_inputs=inputs, metric="storage_total")
    factor = int(replication)
    assert drill.slip_factors(total)["replication_forgotten"] == [1 / factor]
    answer = format_size(total.expected.value / factor)
    assert drill.grade(total, answer).slip == "replication_forgotten"
    single = drill.make_question(
        seed=1, scenario_inputs={**CHAT, "replication": "1"}, metric="storage_total"
    )
    assert "replication_forgotten" not in drill.slip_factors(single)


def test_each_measure_allows_its_slips() -> None:
    day = [86_400, 1 / 86_400]
    bits = [8.0, 1 / 8]
    assert {m: drill.slip_factors(q(m)) for m in drill.METRICS} == {
        "write_qps": {"per_day_vs_per_second": day},
        "read_qps": {"per_day_vs_per_second": day},
        "peak_write_qps": {"peak_forgotten": [1 / 2], "per_day_vs_per_second": day},
        "peak_read_qps": {"peak_forgotten": [1 / 2], "per_day_vs_per_second": day},
        "storage_per_day": {"bits_bytes": bits},
        "storage_per_year": {"bits_bytes": bits},
        "storage_total": {"replication_forgotten": [1 / 3], "bits_bytes": bits},
        "ingress_bandwidth": {"bits_bytes": bits, "per_day_vs_per_second": day},
        "egress_bandwidth": {"bits_bytes": bits, "per_day_vs_per_second": day},
        "cache_memory": {"bits_bytes": bits},
    }
    no_peak = drill.make_question(
        seed=1, scenario_inputs={**CHAT, "peak_factor": "1"}, metric="peak_write_qps"
    )
    assert "peak_forgotten" not in drill.slip_factors(no_peak)
