"""`sysdesign start --track ID`: the track's scenario practised least, said in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sysdesign.store import open_store
from sysdesign.tracks import TrackPick, pick_least_practised, practice_counts
from tests.helpers import invoke

DATA = Path(__file__).parent / "data"
FINTECH = ("money-transfer-ledger", "payment-system", "fraud-detection-realtime")


def test_least_practised_wins_and_ties_follow_track_order() -> None:
    pick = pick_least_practised("t", ["a", "b", "c"], {"a": 2, "b": 1, "c": 1})
    assert pick.scenario == "b" and pick.tied
    assert pick.counts == (("a", 2), ("b", 1), ("c", 1))
    assert pick_least_practised("t", ["a", "b"], {}).scenario == "a"
    assert pick_least_practised("t", ["a", "b"], {"a": 1}).scenario == "b"
    with pytest.raises(ValueError):
        pick_least_practised("t", [], {})


def test_counts_take_the_larger_of_sessions_and_results() -> None:
    counts = practice_counts(
        ["a", "b", "c"],
        session_scenarios=["a", "a", "b", "z"],  # two started a's, one b
        result_items=["a", "c", "c"],  # one finished a; c's sessions were deleted
    )
    assert counts == {"a": 2, "b": 1, "c": 2}


def test_reason_is_bilingual_and_names_the_pick() -> None:
    pick = TrackPick(
        "fintech", "payment-system", (("money-transfer-ledger", 1), ("payment-system", 0))
    )
    en, ko = pick.reason("en"), pick.reason("ko")
    assert "payment-system" in en and "practised 0 times" in en and "least" in en
    assert "payment-system" in ko and "가장 적게" in ko and "0회" in ko
    assert "Ties" not in en
    assert pick.to_json("ko")["reason"] == ko


def _seed(scenarios: list[str], *, finished: list[str]) -> None:
    with open_store() as store:
        for sid in scenarios:
            store.create_session(sid, "en")
        for sid in finished:
            store.record_result("session", sid, 70.0, {})


def test_start_track_picks_the_least_practised_and_says_why(home: Path) -> None:
    script = str(DATA / "toss.script.yaml")
    # Nothing practised: the first scenario in the track's order.
    code, out, err = invoke("start", "--track", "fintech", "--script", script, "--json")
    assert code == 0, err
    assert json.loads(out)["scenario"] == FINTECH[0]
    assert "picked money-transfer-ledger" in err and "Ties go to the track's order" in err
    # That session now counts; so do a started-but-unfinished payment-system session and a
    # finished one whose session row is gone. fraud-detection-realtime is practised least.
    _seed(["payment-system"], finished=["payment-system", "payment-system"])
    code, out, err = invoke(
        "start", "--track", "fintech", "--script", script, "--json", "--lang", "ko"
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["scenario"] == "fraud-detection-realtime"
    assert "fraud-detection-realtime을 골랐습니다" in err
    assert "money-transfer-ledger 1, payment-system 2, fraud-detection-realtime 0" in err


def test_a_named_scenario_wins_over_the_track(home: Path) -> None:
    script = str(DATA / "toss.script.yaml")
    code, out, err = invoke(
        "start", "payment-system", "--track", "fintech", "--script", script, "--json"
    )
    assert code == 0, err
    assert json.loads(out)["scenario"] == "payment-system"
    assert "picked" not in err


def test_toss_candidate_is_asked_about_idempotency_and_double_entry_and_caught(
    home: Path,
) -> None:
    """The issue's "done when", end to end through the CLI."""
    code, out, err = invoke(
        "start", "--track", "fintech", "--script", str(DATA / "toss.script.yaml"), "--json"
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["scenario"] == "money-transfer-ledger"
    rules = {f["rule"]: f["severity"] for f in report["design"]["findings"]}
    assert rules["no-idempotency"] == "critical"
    assert rules["no-double-entry"] == "major"
    asked = [(d["id"], d["triggered_by"]) for d in report["deep_dive"]["items"]]
    assert asked[:2] == [
        ("idempotency", ["no-idempotency"]),
        ("double-entry-ledger", ["no-double-entry"]),
    ]
    assert report["design"]["score"] < 60
