"""The schedule in the store: migration (blank and upgrade), the result hook, rebuilds."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import sysdesign.store as store_module
from sysdesign.progress.schedule import build_schedule, load_cards, rebuild, sync
from sysdesign.store import MIGRATIONS, open_store
from tests.progress.conftest import WEEK, day, record_week


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_blank_database_gets_the_schedule_tables() -> None:
    with open_store() as store:
        assert "0003_practice_schedule" in store.applied_migrations()
        assert load_cards(store) == {}
        path = store.path
    assert {"schedule", "schedule_state", "results"} <= _tables(path)


def test_upgrade_from_the_earlier_migrations_backfills_the_schedule(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "old.db"
    earlier = [m for m in MIGRATIONS if m.version < 3]
    monkeypatch.setattr(store_module, "MIGRATIONS", earlier)
    old = store_module.Store(path)
    assert old.applied_migrations() == ["0001_sessions_events_snapshots", "0002_results"]
    # results written by a version without the schedule (no hook: straight SQL)
    for d, kind, item, score, payload in WEEK:
        old.db.execute(
            "INSERT INTO results (kind, item, score, at, payload) VALUES (?,?,?,?,?)",
            (kind, item, score, day(d).isoformat(), json.dumps(payload)),
        )
    old.close()
    assert "schedule" not in _tables(path)
    monkeypatch.undo()

    with open_store(path) as store:
        assert "0003_practice_schedule" in store.applied_migrations()
        cards = sync(store)  # the first sync replays the history
        assert cards == build_schedule(store.results())
        assert load_cards(store) == cards
        assert cards["rule:ws-no-pubsub"].lapses == 2


def test_every_recorded_result_updates_the_schedule_incrementally() -> None:
    with open_store() as store:
        for i, (d, kind, item, score, payload) in enumerate(WEEK, 1):
            store.record_result(kind, item, score, payload, at=day(d))
            assert load_cards(store) == build_schedule(store.results()[:i])
        assert store.schedule_state()["applied_through"] == str(len(WEEK))


def test_a_result_recorded_without_the_scheduler_is_in_the_schedule_when_read(
    tmp_path: Path,
) -> None:
    """The store knows nothing of the schedule: a process that only records a result leaves
    the stored cards as they were, and the next read catches up."""
    code = (
        "import sys\n"
        "from sysdesign.store import open_store\n"
        "s = open_store()\n"
        "s.record_result('drill', 'peak_write_qps', 0, {'grade': 'wrong'})\n"
        "assert 'sysdesign.progress.schedule' not in sys.modules\n"
        "print(len(s.schedule_rows()))\n"
    )
    env = {"SYSDESIGN_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert out.strip() == "0"
    with open_store(tmp_path / "sysdesign.db") as store:
        assert list(load_cards(store)) == ["metric:peak_write_qps"]
        assert [r["card"] for r in store.schedule_rows()] == ["metric:peak_write_qps"]


def test_a_read_only_store_replays_the_schedule_in_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "sysdesign.db"
    with open_store(path) as store:
        record_week(store)
    monkeypatch.setattr(store_module, "_writable", lambda _p: False)
    with open_store(path) as store:
        assert store.readonly
        assert load_cards(store) == build_schedule(store.results())
        assert store.schedule_rows() == []


def test_deleting_or_backdating_a_result_rebuilds() -> None:
    with open_store() as store:
        record_week(store)
        drill_ids = [r.id for r in store.results(kind="drill")]
        for rid in drill_ids:
            store.delete_result(rid)
        cards = sync(store)  # a deletion is noticed by the count of applied results
        assert "metric:peak_write_qps" not in cards
        assert cards == build_schedule(store.results())
        # a result dated before the last one applied (an import) replays the whole history
        store.record_result("session", "chat", 40, {"rules": ["no-cache"]}, at=day(-3))
        cards = load_cards(store)
        assert cards == build_schedule(store.results())
        assert cards["rule:ws-no-pubsub"].first_seen == day(0)
        assert rebuild(store) == cards
