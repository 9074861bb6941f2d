"""Content test: the figures a scenario's text states match the estimator.

For every bundled scenario, each `expected_estimates` entry (result name → value with unit,
e.g. `write_qps: 23k/s`, `storage_total: 2.2PB`) is compared with what `traffic_model`
computes from that scenario's own `estimates:` preset.

Matching rule. The stated figure is read by the kind of result it names: QPS as a rate
(`23k/s`, a bare number is per second), per-day counts as a rate per day (`2B` or `2B/day`),
`records_total` and `servers` as counts, storage and cache as sizes (`400GB`, decimal unless
written `GiB`), bandwidth as bytes per second (`50MB/s`) or bits (`400Mbps`). It matches when

1. it is within 5% of the computed value (relative), or
2. the computed value, rounded to as many significant digits as the stated figure shows,
   equals the stated figure (`2.2PB` shows 2 digits, so 2.19 PB matches; `100GB` shows 1).

A result the preset cannot produce (its inputs are missing) is a mismatch, and so is an
unknown result name.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from sysdesign import paths
from sysdesign.estimate import units
from sysdesign.estimate.traffic import RESULT_NAMES, traffic_model
from tests.estimate.test_cli import _write_scenario

BUNDLED = sorted(
    p.stem for p in paths.bundled("scenarios").glob("*.yaml") if p.name != "tracks.yaml"
)


def parse_stated(name: str, text: str) -> float:
    if name.endswith("_qps"):
        return units.parse_rate(text, name).per_second()
    if name in ("writes_per_day", "reads_per_day"):
        rate = units.parse_rate(text, name, default_period="day")
        return rate.amount if rate.period == "day" else rate.per_second() * 86400
    if name in ("records_total", "servers"):
        return units.parse_count(text, name)
    if name.endswith("_bandwidth"):
        return units.parse_byte_rate(text, name)[0]
    return units.parse_size(text, name)


def significant_digits(text: str) -> int:
    number = re.match(r"\s*([\d.,]+)", text)
    digits = (number.group(1) if number else "").replace(",", "")
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0")) or 1
    return len(digits.lstrip("0").rstrip("0")) or 1


def round_sig(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def matches(stated: float, computed: float, digits: int) -> bool:
    if computed == stated:
        return True
    if stated != 0 and abs(computed - stated) <= 0.05 * abs(stated):
        return True
    return math.isclose(round_sig(computed, digits), stated, rel_tol=1e-9)


def mismatches(scenario_id: str) -> list[str]:
    from sysdesign.library import library

    scenario = library().scenario(scenario_id)
    calc = traffic_model(scenario.estimates)
    out = []
    for name, text in scenario.expected_estimates.items():
        if name not in RESULT_NAMES:
            out.append(f"{name}: not a traffic-model result")
            continue
        if name not in calc.results:
            out.append(f"{name}: the preset does not give it (missing inputs)")
            continue
        stated = parse_stated(name, text)
        computed = calc.results[name].value
        if not matches(stated, computed, significant_digits(text)):
            out.append(f"{name}: states {text}, the estimator gives {calc.results[name].human}")
    return out


@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_bundled_scenario_figures_match_the_estimator(scenario_id: str) -> None:
    assert mismatches(scenario_id) == []


def test_rule_on_synthetic_scenarios(home: Path) -> None:
    _write_scenario(
        home,
        "good",
        {
            "dau": "50M",
            "writes_per_user": "40",
            "write_size": "200B",
            "retention": "5y",
            "replication": "3",
        },
        {
            "writes_per_day": "2B",
            "write_qps": "23k/s",
            "peak_write_qps": "46k/s",
            "storage_per_day": "400GB",
            "storage_total": "2.2PB",
        },
    )
    _write_scenario(
        home,
        "bad",
        {"dau": "50M", "writes_per_user": "40", "write_size": "200B"},
        {"write_qps": "2.3k/s", "storage_total": "1PB", "storage_per_day": "4TB", "nonsense": "1"},
    )
    assert mismatches("good") == []
    problems = mismatches("bad")
    assert len(problems) == 4
    assert any(p.startswith("write_qps: states 2.3k/s") for p in problems)
    assert any("missing inputs" in p for p in problems)


def test_rounding_rule() -> None:
    assert significant_digits("2.2PB") == 2 and significant_digits("100GB") == 1
    assert significant_digits("579/s") == 3 and significant_digits("23.1k/s") == 3
    assert matches(2.2, 2.19, 2)  # rounds to the stated digits
    assert matches(100, 104, 3)  # within 5%
    assert not matches(100, 120, 3)
