"""Real commands record results; the schedule and the progress page follow by themselves."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import sysdesign.cli.progress_cmds as progress_cmds
from sysdesign.progress.schedule import load_cards
from sysdesign.store import open_store
from tests.helpers import invoke

TESTS = Path(__file__).resolve().parent.parent


def test_session_drill_and_star_feed_the_schedule(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder, name in (
        ("scenarios", "minichat.scenario.yaml"),
        ("rubrics", "minichat.rubric.yaml"),
    ):
        (home / folder).mkdir(exist_ok=True)
        shutil.copy(TESTS / "session" / "data" / name, home / folder / "minichat.yaml")
    script = TESTS / "session" / "data" / "weak.script.yaml"
    code, out, err = invoke("start", "minichat", "--script", str(script), "--json")
    assert code == 0, err
    report = json.loads(out)
    code, _, err = invoke(
        "estimate", "drill", "--scenario", "chat", "--metric", "peak_write_qps", "--answer", "1/s"
    )
    assert code in (0, 1), err
    answer = TESTS / "star" / "data" / "weak-en.txt"
    code, _, err = invoke(
        "star", "practice", "--question", "conflict-teammate", "--answer", str(answer), "--json"
    )
    assert code == 0, err

    with open_store() as store:
        cards = load_cards(store)
        (session,) = store.results(kind="session")
    kinds = {c.kind for c in cards.values()}
    assert {"metric", "check"} <= kinds
    for finding in report["design"].get("findings", []):
        assert f"rule:{finding['rule']}" in cards
    assert session.payload["session_id"] == report["session_id"]

    monkeypatch.setattr(progress_cmds, "_now", lambda: datetime.now(UTC) + timedelta(days=2))
    code, out, _ = invoke("progress", "--json")
    doc = json.loads(out)
    assert doc["totals"] == doc["totals"] | {"sessions": 1, "drills": 1, "star": 1}
    assert doc["areas"]["clarifying"] and doc["areas"]["estimation"] and doc["areas"]["star"]
    assert doc["scenarios"]["minichat"]["count"] == 1

    code, out, _ = invoke("next", "--json")
    choice = json.loads(out)
    assert choice["first_step"] is False and choice["due_items"]
    assert {d["card"] for d in choice["due_items"]} == set(cards)
