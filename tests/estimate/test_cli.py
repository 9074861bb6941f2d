"""`sysdesign estimate …` and `sysdesign numbers` through the CLI runner."""

from __future__ import annotations

import json

import pytest

from tests.helpers import invoke


def test_traffic_table_and_steps() -> None:
    code, out, err = invoke(
        "estimate",
        "--dau",
        "150M",
        "--writes-per-user",
        "2",
        "--media-fraction",
        "10%",
        "--media-size",
        "1MB",
        "--retention",
        "5y",
    )
    assert code == 0, err
    assert "peak_write_qps" in out and "6.94k req/s" in out
    assert "1. writes per day: DAU × writes per user per day" in out
    assert "= 150M × 2 = 300M/day" in out
    assert "54.8 PB" in out
    assert "1 day = 86,400 s" in out


def test_traffic_json_contract() -> None:
    code, out, _ = invoke(
        "estimate",
        "--writes",
        "100M/day",
        "--read-write-ratio",
        "10:1",
        "--write-size",
        "100B",
        "--retention",
        "10y",
        "--json",
    )
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {"inputs", "conventions", "results", "steps"}
    assert doc["results"]["records_total"]["value"] == 365e9
    assert doc["results"]["write_qps"] == {
        "value": doc["results"]["write_qps"]["value"],
        "unit": "req/s",
        "human": "1.16k req/s",
    }


def test_korean_output() -> None:
    code, out, _ = invoke("estimate", "--dau", "1M", "--writes-per-user", "1", "--lang", "ko")
    assert code == 0
    assert "계산 과정" in out and "하루 쓰기 수" in out


def test_quick_and_binary() -> None:
    code, out, _ = invoke(
        "estimate", "--writes", "100M/day", "--write-size", "1KiB", "--quick", "--binary", "--json"
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["results"]["write_qps"]["value"] == 1000
    assert doc["conventions"]["quick"] is True
    assert "GiB" in doc["results"]["storage_per_day"]["human"]


def test_bad_value_exits_2_with_the_flag() -> None:
    code, out, err = invoke("estimate", "--dau", "lots", "--writes-per-user", "1")
    assert code == 2 and out == ""
    assert "--dau" in err and "'lots'" in err and "for example" in err


def test_no_flags_prints_help() -> None:
    code, out, _ = invoke("estimate")
    assert code == 0 and "connections" in out and "--dau" in out


def test_scenario_preset_with_override(home: object) -> None:
    from pathlib import Path

    _write_scenario(
        Path(str(home)), "tiny", {"dau": "1M", "writes_per_user": "10", "write_size": "1KB"}, {}
    )
    code, out, err = invoke("estimate", "--scenario", "tiny", "--json")
    assert code == 0, err
    assert json.loads(out)["results"]["writes_per_day"]["value"] == 10e6
    code, out, _ = invoke("estimate", "--scenario", "tiny", "--writes-per-user", "20", "--json")
    assert json.loads(out)["results"]["writes_per_day"]["value"] == 20e6
    code, _, err = invoke("estimate", "--scenario", "no-such-scenario")
    assert code == 2 and "no scenario" in err


def test_subcommands_json() -> None:
    cases = [
        (["connections", "--concurrent", "10k", "--memory-per-connection", "64KB"], "memory_total"),
        (["concurrency", "--throughput", "1000/s", "--latency", "200ms"], "in_flight"),
        (
            ["pool", "--throughput", "2000/s", "--query-time", "5ms", "--cores", "8"],
            "pool_size_heuristic",
        ),
        (
            [
                "partitions",
                "--target-throughput",
                "100k/s",
                "--partition-throughput",
                "10k/s",
                "--consumer-throughput",
                "4k/s",
            ],
            "partitions",
        ),
        (["shards", "--data-size", "20TB", "--node-storage", "2TB"], "nodes"),
        (["btree", "--rows", "100M"], "height"),
        (["availability", "99.9", "99.95"], "downtime_per_year"),
    ]
    for args, key in cases:
        code, out, err = invoke("estimate", *args, "--json")
        assert code == 0, (args, err)
        doc = json.loads(out)
        assert set(doc) == {"inputs", "conventions", "results", "steps"}
        assert key in doc["results"], args


def test_subcommand_tables() -> None:
    code, out, _ = invoke("estimate", "btree", "--rows", "100M")
    assert code == 0 and "height" in out and "⌈log_1,024(100M)⌉" in out
    code, out, _ = invoke("estimate", "availability", "99.9", "--parallel", "--lang", "ko")
    assert code == 0 and "가용성" in out


def test_drill_non_interactive_json_and_recorded() -> None:
    code, out, err = invoke(
        "estimate", "drill", "--seed", "7", "--metric", "write_qps", "--answer", "1k/s", "--json"
    )
    assert code == 0, err
    doc = json.loads(out)
    assert {"question", "expected", "answer", "grade", "slip", "steps"} <= set(doc)
    assert doc["seed"] == 7 and doc["metric"] == "write_qps"
    from sysdesign.store import open_store

    with open_store() as store:
        assert [r.item for r in store.results(kind="drill")] == ["write_qps"]


def test_drill_prompts_when_no_answer() -> None:
    code, first, _ = invoke(
        "estimate", "drill", "--seed", "3", "--metric", "write_qps", "--answer", "1/s", "--json"
    )
    expected = json.loads(first)["expected"]["value"]
    code, out, _ = invoke(
        "estimate", "drill", "--seed", "3", "--metric", "write_qps", input=f"{expected}/s\n"
    )
    assert code == 0
    assert "good (within 2×)" in out and "Derivation (seed 3)" in out


def test_numbers() -> None:
    code, out, _ = invoke("numbers", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["latency"] and doc["powers_of_two"]
    for row in [*doc["latency"], *doc["powers_of_two"]]:
        assert row["source"] and row["year"]
    code, out, _ = invoke("numbers", "--lang", "ko")
    assert code == 0 and "메인 메모리 참조" in out


def test_numbers_show_current_hardware_beside_the_classic_figure() -> None:
    """1 MiB from memory is ~50 µs on one current core, 1 MiB sequential from NVMe ~200 µs."""
    code, out, _ = invoke("numbers", "--json")
    rows = {r["id"]: r for r in json.loads(out)["latency"]}
    assert code == 0
    assert rows["memory_1mb"]["ns"] == 250_000 and rows["memory_1mb"]["now"]["ns"] == 50_000
    assert rows["ssd_1mb"]["ns"] == 1_000_000 and rows["ssd_1mb"]["now"]["ns"] == 200_000
    for row in (rows["memory_1mb"]["now"], rows["ssd_1mb"]["now"]):
        assert row["year"] >= 2022 and row["url"].startswith("https://")
    code, out, _ = invoke("numbers", "--lang", "ko")
    assert "요즘 하드웨어" in out and "200 µs (2022)" in out
    assert "interview shorthand" not in out and "면접에서는 약 10만" in out


def _write_scenario(
    home: object, sid: str, estimates: dict[str, str], expected: dict[str, str]
) -> None:
    from pathlib import Path

    import yaml

    folder = Path(str(home)) / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    doc = {
        "id": sid,
        "title": {"ko": "작은 시나리오", "en": "Tiny scenario"},
        "summary": {"ko": "테스트", "en": "test"},
        "difficulty": "easy",
        "prompt": {"ko": "설계하세요", "en": "Design it"},
        "facts": [
            {
                "id": "scale",
                "topic": "scale",
                "keywords": {"en": ["users"]},
                "answer": {"ko": "백만 명", "en": "a million"},
            }
        ],
        "estimates": estimates,
        "expected_estimates": expected,
        "curveball": {"at_minute": 30, "text": {"ko": "변경", "en": "change"}},
    }
    (folder / f"{sid}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


def test_json_without_inputs_is_a_usage_error_not_help() -> None:
    code, out, err = invoke("estimate", "--json")
    assert code == 2 and out == ""
    assert "--dau" in err and "--scenario" in err


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--retention", "garbage"), ("--read-size", "huge"), ("--server-qps", "fast")],
)
def test_a_bad_value_is_refused_even_when_no_result_uses_it(flag: str, value: str) -> None:
    """`--dau 1M` alone computes nothing that needs the retention; a typo in it must still
    be named, not silently ignored."""
    code, out, err = invoke("estimate", "--dau", "1M", flag, value, "--json")
    assert code == 2 and out == ""
    assert flag in err and repr(value) in err
