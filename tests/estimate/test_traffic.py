"""The traffic model: contract, left-out results, conventions, properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sysdesign.errors import UsageError
from sysdesign.estimate.model import Conventions
from sysdesign.estimate.traffic import RESULT_NAMES, traffic_model
from sysdesign.models.estimates import EstimateInputs

FULL = {
    "dau": "50M",
    "writes_per_user": "40",
    "read_write_ratio": "10",
    "write_size": "200B",
    "media_fraction": "5%",
    "media_size": "1MB",
    "retention": "5y",
    "peak_factor": "3",
    "replication": "3",
    "server_qps": "10k",
}


def test_every_result_name_with_full_inputs() -> None:
    calc = traffic_model(FULL)
    assert set(calc.results) == set(RESULT_NAMES)


def test_json_contract() -> None:
    doc = traffic_model(FULL).to_json("ko")
    assert set(doc) == {"inputs", "conventions", "results", "steps"}
    assert doc["inputs"]["dau"] == "50M"
    assert doc["conventions"]["seconds_per_day"] == 86400
    for result in doc["results"].values():
        assert set(result) == {"value", "unit", "human"}
    assert doc["results"]["write_qps"]["unit"] == "req/s"
    assert doc["results"]["storage_total"]["unit"] == "B"
    assert doc["results"]["ingress_bandwidth"]["unit"] == "B/s"
    assert "bit/s" in doc["results"]["ingress_bandwidth"]["human"]
    step = doc["steps"][0]
    assert {"n", "name", "formula", "substituted", "result", "unit", "human"} <= set(step)
    assert step["name"] == "하루 쓰기 수"
    assert "사용자당" in step["formula"]


def test_missing_inputs_leave_results_out() -> None:
    calc = traffic_model({"dau": "1M", "writes_per_user": "1"})
    assert set(calc.results) == {"writes_per_day", "write_qps", "peak_write_qps"}
    assert "storage_total" not in traffic_model({"writes": "1M/day", "write_size": "1KB"}).results
    assert traffic_model({}).results == {}


def test_accepts_estimate_inputs_and_merges_presets() -> None:
    preset = EstimateInputs(dau="10M", writes_per_user=2, write_size="1KB")
    design = EstimateInputs(writes_per_user="4")
    calc = traffic_model(design.merged_over(preset))
    assert calc.value("writes_per_day") == pytest.approx(40e6)
    assert calc.value("storage_per_day") == pytest.approx(40e9)


def test_reads_default_from_read_write_ratio_and_read_size_from_write_size() -> None:
    calc = traffic_model({"writes": "1k/s", "read_write_ratio": "10:1", "write_size": "1KB"})
    assert calc.value("read_qps") == pytest.approx(10_000)
    assert calc.value("egress_bandwidth") == pytest.approx(10_000 * 1000)
    assert calc.value("cache_memory") == pytest.approx(10_000 * 86400 * 1000 * 0.2)


def test_conventions_quick_and_custom() -> None:
    assert Conventions(quick=True).seconds_per_day == 100_000
    assert Conventions(quick=True).seconds_per_month == 2_500_000
    assert Conventions(seconds_per_day=100_000).seconds_per_month == 3_000_000
    calc = traffic_model({"writes": "100M/day"}, Conventions(quick=True))
    assert calc.value("write_qps") == pytest.approx(1000)


def test_volumes_scale_by_calendar_counts() -> None:
    day = traffic_model({"writes": "1M/day", "write_size": "1KB"})
    assert day.value("storage_per_month") == pytest.approx(30e9)
    assert day.value("storage_per_year") == pytest.approx(365e9)
    month = traffic_model({"writes": "1M/month", "write_size": "1KB"})
    assert month.value("storage_per_year") == pytest.approx(12e9)


def test_servers_round_up_at_peak() -> None:
    calc = traffic_model({"writes": "1k/s", "reads": "9001/s", "server_qps": "1000"})
    assert calc.value("servers") == 21  # (1,000 + 9,001) × 2 / 1,000 = 20.002 → 21


def test_bad_value_names_the_flag() -> None:
    with pytest.raises(UsageError, match="--write-size"):
        traffic_model({"writes": "1k/s", "write_size": "big"})


# ---------------------------------------------------------------- properties

counts = st.floats(min_value=1, max_value=1e10)
sizes = st.floats(min_value=1, max_value=1e7)
years = st.integers(min_value=1, max_value=20)


@settings(max_examples=60)
@given(counts, counts, st.floats(min_value=0.1, max_value=100), sizes)
def test_monotonic_in_dau(dau_a: float, dau_b: float, per_user: float, size: float) -> None:
    low, high = sorted((dau_a, dau_b))

    def run(dau: float) -> dict[str, float]:
        calc = traffic_model(
            {
                "dau": repr(dau),
                "writes_per_user": repr(per_user),
                "read_write_ratio": "5",
                "write_size": repr(size),
                "retention": "3y",
                "server_qps": "1000",
            }
        )
        return {k: r.value for k, r in calc.results.items()}

    a, b = run(low), run(high)
    for name in a:
        assert a[name] <= b[name] * (1 + 1e-12), name


@settings(max_examples=60)
@given(sizes, sizes, st.floats(min_value=0, max_value=1), sizes)
def test_monotonic_in_sizes(size_a: float, size_b: float, fraction: float, media: float) -> None:
    low, high = sorted((size_a, size_b))

    def run(size: float) -> dict[str, float]:
        calc = traffic_model(
            {
                "writes": "1M/day",
                "read_write_ratio": "10",
                "write_size": repr(size),
                "media_fraction": repr(fraction),
                "media_size": repr(media),
                "retention": "1y",
            }
        )
        return {k: r.value for k, r in calc.results.items()}

    a, b = run(low), run(high)
    for name in a:
        assert a[name] <= b[name] * (1 + 1e-12), name


@settings(max_examples=80)
@given(
    counts,
    sizes,
    years,
    st.sampled_from(["day", "month", "year"]),
    st.integers(min_value=1, max_value=5),
)
def test_storage_is_rate_times_size_times_time(
    amount: float, size: float, n_years: int, period: str, replication: int
) -> None:
    calc = traffic_model(
        {
            "writes": f"{amount!r}/{period}",
            "write_size": repr(size),
            "retention": f"{n_years}y",
            "replication": str(replication),
        }
    )
    per_year = amount * {"day": 365, "month": 12, "year": 1}[period]
    assert calc.value("storage_total") == pytest.approx(per_year * size * n_years * replication)
    assert calc.value("storage_per_year") == pytest.approx(per_year * size)


def test_conventions_as_a_candidate_states_them() -> None:
    assert Conventions().describe("en") == [
        "1 day = 86,400 s",
        "1 month = 2,592,000 s",  # 30 days
        "volumes: month = 30 days, year = 365 days (or 12 months)",
        "sizes: decimal (1 KB = 1,000 B)",
    ]
    assert Conventions(quick=True, binary=True).describe("ko") == [
        "면접용 어림값",
        "하루 = 100,000초",
        "한 달 = 2,500,000초",
        "양: 한 달 = 30일, 1년 = 365일 (또는 12개월)",
        "크기: 2진 (1 KiB = 1,024 B)",
    ]
    custom = Conventions(seconds_per_day=80_000)
    assert custom.seconds_per_month == 2_400_000  # a month of 30 such days
    assert custom.to_json() == {
        "seconds_per_day": 80_000,
        "seconds_per_month": 2_400_000,
        "days_per_month": 30,
        "days_per_year": 365,
        "months_per_year": 12,
        "binary": False,
        "quick": False,
    }
