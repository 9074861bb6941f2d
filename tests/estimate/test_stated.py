"""Figures a candidate states in words, read and graded against the estimator."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sysdesign.estimate.stated import grade_stated, likely_slip, stated_figures, verdict_of


@pytest.mark.parametrize(
    ("text", "value", "measure"),
    [
        ("At peak that is about 46k writes/s into timelines.", 46_000, "rate"),
        ("초당 5만 건 정도 피크에 조회가 들어옵니다", 50_000, "rate"),
        ("저장은 30TB/년 정도 늘어납니다", 30e12, "storage_year"),
        ("1년에 1.1PB입니다", 1.1e15, "storage_year"),
        ("하루 3TB씩 쌓입니다", 3e12, "storage_day"),
        ("Egress is around 1.2 GB/s at peak.", 1.2e9, "bandwidth"),
        ("That is 2.8 Gbps out of the CDN", 2.8e9 / 8, "bandwidth"),
        ("We need roughly 4 TB of cache memory.", 4e12, "size"),
    ],
)
def test_figures_in_words_are_read(text: str, value: float, measure: str) -> None:
    (found,) = stated_figures([text])
    assert found.value == pytest.approx(value)
    assert found.measure == measure
    assert found.line == text


def test_cues_stay_with_their_figure() -> None:
    a, b = stated_figures(["Peak feed reads are 23k QPS and writes 460 per second."])
    assert "read" in a.cues and "write" not in a.cues
    assert "write" in b.cues and "read" not in b.cues


def test_grades_follow_the_drill_bounds() -> None:
    assert verdict_of(1.0) == "close"
    assert verdict_of(2.0) == "close"
    assert verdict_of(2.01) == "rough"
    assert verdict_of(0.49) == "rough"
    assert verdict_of(10.0) == "rough"
    assert verdict_of(10.1) == "off"
    assert verdict_of(0.099) == "off"


def test_key_figures_take_the_closest_fitting_statement() -> None:
    said = stated_figures(
        [
            "Peak reads are about 23k QPS.",
            "Writes peak at 460 per second.",
            "Storage grows about 1.1PB a year.",
        ]
    )
    computed = {"peak_read_qps": 23_100, "peak_write_qps": 463, "storage_per_year": 1.1e15}
    grades = {g.name: g for g in grade_stated(said, computed, computed)}
    assert {n: g.verdict for n, g in grades.items()} == {
        "peak_read_qps": "close",
        "peak_write_qps": "close",
        "storage_per_year": "close",
    }
    none = grade_stated([], computed, ["peak_read_qps"])
    assert none[0].verdict == "missing"


def test_the_usual_slips_are_named() -> None:
    assert likely_slip("egress_bandwidth", 8.0, 2) == "bits_bytes"
    assert likely_slip("peak_read_qps", 1 / 3, 3) == "peak_forgotten"
    assert likely_slip("peak_read_qps", 86400.0, 2) == "per_day_vs_per_second"
    assert likely_slip("peak_read_qps", 1.0, 2) is None


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["k", "", "M"]))
def test_any_rate_said_is_read_back(value: int, suffix: str) -> None:
    text = f"about {value:,}{suffix} writes/s at peak"
    (found,) = stated_figures([text])
    scale = {"k": 1e3, "": 1.0, "M": 1e6}[suffix]
    assert found.value == pytest.approx(value * scale)


@pytest.mark.parametrize(
    ("said", "verdict"),
    [
        ("Peak writes are about 2k/s.", "close"),  # × 2
        ("Peak writes are about 2.1k/s.", "rough"),
        ("Peak writes are about 500/s.", "close"),  # ÷ 2
        ("Peak writes are about 490/s.", "rough"),
        ("Peak writes are about 10k/s.", "rough"),  # × 10
        ("Peak writes are about 10.5k/s.", "off"),
        ("Peak writes are about 100/s.", "rough"),  # ÷ 10
        ("Peak writes are about 95/s.", "off"),
    ],
)
def test_stated_figures_are_graded_at_2x_and_10x(said: str, verdict: str) -> None:
    """The session report's grading of a figure the candidate said, against 1k/s computed."""
    (grade,) = grade_stated(stated_figures([said]), {"peak_write_qps": 1000.0}, ["peak_write_qps"])
    assert grade.verdict == verdict
    assert verdict_of(0.5) == "close" and verdict_of(0.1) == "rough"


def test_a_slip_is_named_only_beyond_2x_and_within_1_5x_of_its_factor() -> None:
    assert likely_slip("egress_bandwidth", 8.0 * 1.49, 2) == "bits_bytes"
    assert likely_slip("egress_bandwidth", 8.0 / 1.49, 2) == "bits_bytes"
    assert likely_slip("egress_bandwidth", 8.0 * 1.51, 2) is None
    assert likely_slip("egress_bandwidth", 1 / 8, 2) == "bits_bytes"
    # a peak factor of 2 forgotten gives exactly half: still within 2×, so no slip is named
    assert likely_slip("peak_read_qps", 0.5, 2) is None
    assert likely_slip("peak_read_qps", 1 / 3, 3) == "peak_forgotten"
    assert likely_slip("peak_read_qps", 1 / 3, 1) is None  # no peak factor, nothing to forget
    assert likely_slip("read_qps", 1 / 3, 3) is None  # an average figure has no peak
    assert likely_slip("peak_read_qps", 1 / 86400, 2) == "per_day_vs_per_second"
    assert likely_slip("storage_per_year", 8.0, 2) is None  # no slip known for storage
    assert likely_slip("egress_bandwidth", 0.0, 2) is None


def test_a_slip_is_graded_with_its_figure() -> None:
    said = stated_figures(["Egress is around 8 GB/s.", "Peak writes are 1.5k/s."])
    computed = {"egress_bandwidth": 1e9, "peak_write_qps": 1000.0}
    grades = {g.name: g for g in grade_stated(said, computed, computed)}
    assert (grades["egress_bandwidth"].verdict, grades["egress_bandwidth"].slip) == (
        "rough",
        "bits_bytes",
    )
    assert (grades["peak_write_qps"].verdict, grades["peak_write_qps"].slip) == ("close", None)
    assert grades["egress_bandwidth"].ratio == pytest.approx(8.0)


@pytest.mark.parametrize(
    ("text", "value", "measure"),
    [
        ("초당 3천 건", 3_000, "rate"),
        ("초당 2만 건", 20_000, "rate"),
        ("초당 2십만 건", 200_000, "rate"),
        ("초당 2백만 건", 2_000_000, "rate"),
        ("초당 3천만 건", 30_000_000, "rate"),
        ("초당 1억 건", 100_000_000, "rate"),
        ("about 2 million writes/s", 2e6, "rate"),
        ("3 billion requests per second", 3e9, "rate"),
        ("5 thousand qps", 5_000, "rate"),
        ("12,500/s", 12_500, "rate"),
        ("1.5k Mbps out", 1.5e3 * 1e6 / 8, "bandwidth"),
        ("2 thousand Gbps", 2e3 * 1e9 / 8, "bandwidth"),
        ("1.5 GB/s", 1.5e9, "bandwidth"),
        ("2TB a day", 2e12, "storage_day"),
        ("3 PiB per year", 3 * 2**50, "storage_year"),
    ],
)
def test_multipliers_and_units_in_both_languages(text: str, value: float, measure: str) -> None:
    (found,) = stated_figures([text])
    assert (found.value, found.measure) == (pytest.approx(value), measure)
