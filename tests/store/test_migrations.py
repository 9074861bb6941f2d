"""Migrations as named functions: from an empty database, from each earlier schema version
(built here from the SQL those versions shipped, with rows in every table), a migration that
moves data, one that fails (rolled back, the copy kept), and a database from a newer version
refused with exit 2 before anything is read."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import sysdesign.store as store_module
from sysdesign.cli import app
from sysdesign.errors import StoreError
from sysdesign.progress.schedule import build_schedule, load_cards
from sysdesign.store import DB_NAME, Migration, expected_columns, open_store

NAMES = [
    "0001_sessions_events_snapshots",
    "0002_results",
    "0003_practice_schedule",
    "0004_store_info",
    "0005_qa_rounds",
]

# The schema each version added, as it shipped (literal SQL, never generated from the code).
SHIPPED: dict[int, list[str]] = {
    1: [
        "CREATE TABLE sessions (id TEXT PRIMARY KEY, scenario TEXT NOT NULL, lang TEXT NOT NULL,"
        " started_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'running', score REAL,"
        " meta TEXT NOT NULL DEFAULT '{}')",
        "CREATE TABLE events (session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
        " seq INTEGER NOT NULL, type TEXT NOT NULL, at REAL NOT NULL, wall TEXT NOT NULL,"
        " payload TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (session_id, seq))",
        "CREATE TABLE snapshots (session_id TEXT NOT NULL REFERENCES sessions(id)"
        " ON DELETE CASCADE, seq INTEGER NOT NULL, phase TEXT NOT NULL, at REAL NOT NULL,"
        " design TEXT NOT NULL, PRIMARY KEY (session_id, seq))",
    ],
    2: [
        "CREATE TABLE results (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
        " item TEXT NOT NULL, score REAL NOT NULL, at TEXT NOT NULL,"
        " payload TEXT NOT NULL DEFAULT '{}')",
        "CREATE INDEX results_kind_at ON results(kind, at)",
    ],
    3: [
        "CREATE TABLE schedule (card TEXT PRIMARY KEY, kind TEXT NOT NULL, item TEXT NOT NULL,"
        " easiness REAL NOT NULL, repetitions INTEGER NOT NULL, interval_days INTEGER NOT NULL,"
        " due TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,"
        " last_missed TEXT NOT NULL, lapses INTEGER NOT NULL DEFAULT 0,"
        " reviews INTEGER NOT NULL DEFAULT 0, last_quality INTEGER NOT NULL DEFAULT 0,"
        " contexts TEXT NOT NULL DEFAULT '{}', note TEXT)",
        "CREATE INDEX schedule_due ON schedule(due)",
        "CREATE TABLE schedule_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ],
    4: ["CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)"],
    5: [
        "CREATE TABLE qa_rounds (id TEXT PRIMARY KEY, topics TEXT NOT NULL, lang TEXT NOT NULL,"
        " started_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'running', score REAL,"
        " meta TEXT NOT NULL DEFAULT '{}')",
        "CREATE TABLE qa_events (round_id TEXT NOT NULL REFERENCES qa_rounds(id)"
        " ON DELETE CASCADE, seq INTEGER NOT NULL, type TEXT NOT NULL, at REAL NOT NULL,"
        " wall TEXT NOT NULL, payload TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (round_id, seq))",
    ],
}

# Rows each version could hold, by the version that made the table.
ROWS: dict[int, dict[str, list[tuple[Any, ...]]]] = {
    1: {
        "sessions": [("s1", "chat", "ko", "2026-01-02T09:00:00+00:00", "done", 71.5, '{"k": 1}')],
        "events": [("s1", 1, "phase", 0.0, "2026-01-02T09:00:00+00:00", '{"to": "design"}')],
        "snapshots": [("s1", 1, "design", 12.5, "name: chat\n")],
    },
    2: {
        "results": [
            (1, "drill", "peak_write_qps", 10.0, "2026-01-03T09:00:00+00:00", '{"grade": "wrong"}'),
            (2, "session", "chat", 71.5, "2026-01-04T09:00:00+00:00", '{"rules": ["no-cache"]}'),
        ]
    },
    3: {"schedule_state": [("applied_through", "0")]},
    4: {"store_info": [("written_by", "0.0.9")]},
    5: {"qa_rounds": [("q1", '["go"]', "en", "2026-01-05T09:00:00+00:00", "done", 80.0, "{}")]},
}


def _old_database(path: Path, version: int) -> None:
    """A database as sysdesign left it at schema `version` (no user_version then)."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for v in range(1, version + 1):
        for statement in SHIPPED[v]:
            db.execute(statement)
        db.execute(
            "INSERT INTO migrations VALUES (?, '2026-01-01T00:00:00+00:00')", (NAMES[v - 1],)
        )
        for table, rows in ROWS[v].items():
            marks = ",".join("?" * len(rows[0]))
            db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    db.commit()
    db.close()


def _rows(path: Path, table: str) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(path)
    try:
        return [tuple(r) for r in db.execute(f"SELECT * FROM {table} ORDER BY 1")]
    finally:
        db.close()


def _user_version(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def test_the_migrations_are_named_functions_in_order() -> None:
    assert [m.name for m in store_module.MIGRATIONS] == NAMES
    assert [m.version for m in store_module.MIGRATIONS] == [1, 2, 3, 4, 5]
    assert [m.apply.__name__ for m in store_module.MIGRATIONS] == [
        "sessions_events_snapshots",
        "results",
        "practice_schedule",
        "store_info",
        "qa_rounds",
    ]


def test_a_migration_out_of_order_is_refused_when_registered() -> None:
    from sysdesign.store.migrations import migration

    with pytest.raises(ValueError, match="version 9, expected 6"):
        migration(9)(lambda db: None)


def test_from_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    with open_store(path) as store:
        assert store.applied_migrations() == NAMES
        assert store.schema_version() == 5
        assert store.backup is None
        assert store.migrate() == []  # nothing left to do
    assert _user_version(path) == 5
    assert set(expected_columns()) == {
        "migrations",
        "sessions",
        "events",
        "snapshots",
        "results",
        "schedule",
        "schedule_state",
        "store_info",
        "qa_rounds",
        "qa_events",
    }
    assert [p.name for p in tmp_path.iterdir() if ".backup-" in p.name] == []


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_from_each_earlier_version_the_data_is_kept(tmp_path: Path, version: int) -> None:
    path = tmp_path / DB_NAME
    _old_database(path, version)
    before = {t: _rows(path, t) for v in range(1, version + 1) for t in ROWS[v]}

    with open_store(path) as store:
        assert store.applied_migrations() == NAMES
        assert store.backup == tmp_path / f"{DB_NAME}.backup-v{version}"
    for table, rows in before.items():
        if table == "store_info":  # the stamp names the version that migrated it now
            assert _rows(path, table) == [("written_by", store_module.__version__)]
        else:
            assert _rows(path, table) == rows, table
    assert _user_version(path) == 5

    with open_store(path) as store:  # read through the store, and the schedule from them
        if version >= 2:
            assert [r.item for r in store.results()] == ["peak_write_qps", "chat"]
            assert "metric:peak_write_qps" in load_cards(store)
        store.record_result("drill", "dau", 90.0)  # and it takes new rows
        assert load_cards(store) == build_schedule(store.results())
    # the copy is the database as it was, untouched
    backup = tmp_path / f"{DB_NAME}.backup-v{version}"
    assert [r[0] for r in _rows(backup, "migrations")] == NAMES[:version]
    for table, rows in before.items():
        assert _rows(backup, table) == rows


def test_the_current_version_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    _old_database(path, 5)
    with open_store(path) as store:
        assert store.migrate() == [] and store.backup is None
        assert store.sessions()[0].meta == {"k": 1}


def _move_tags(db: sqlite3.Connection) -> None:
    """A data move: each session's `meta.tags` becomes rows of a new table."""
    db.execute("CREATE TABLE session_tags (session_id TEXT NOT NULL, tag TEXT NOT NULL)")
    db.execute(
        "INSERT INTO session_tags SELECT sessions.id, j.value FROM sessions, "
        "json_each(sessions.meta, '$.tags') AS j"
    )
    db.execute("UPDATE sessions SET meta = json_remove(meta, '$.tags')")


def test_a_migration_moves_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / DB_NAME
    with open_store(path) as store:
        store.create_session("chat", "en", {"tags": ["cache", "fanout"], "x": 1}, session_id="a")
    moved = [*store_module.MIGRATIONS, Migration(6, "0006_move_tags", _move_tags)]
    monkeypatch.setattr(store_module, "MIGRATIONS", moved)
    with open_store(path) as store:
        assert store.applied_migrations()[-1] == "0006_move_tags"
        assert store.sessions()[0].meta == {"x": 1}
        assert store.backup == tmp_path / f"{DB_NAME}.backup-v5"
    assert _rows(path, "session_tags") == [("a", "cache"), ("a", "fanout")]
    assert _user_version(path) == 6


def test_a_failing_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / DB_NAME
    with open_store(path) as store:
        store.create_session("chat", "en", {"tags": ["cache"]}, session_id="a")

    def half_then_fail(db: sqlite3.Connection) -> None:
        _move_tags(db)
        db.execute("INSERT INTO no_such_table VALUES (1)")

    broken = [*store_module.MIGRATIONS, Migration(6, "0006_half", half_then_fail)]
    monkeypatch.setattr(store_module, "MIGRATIONS", broken)
    with pytest.raises(StoreError, match="no such table"):
        open_store(path)
    monkeypatch.undo()
    with open_store(path) as store:
        assert store.applied_migrations() == NAMES
        assert store.sessions()[0].meta == {"tags": ["cache"]}
    assert "session_tags" not in {r[0] for r in _rows(path, "sqlite_master")}
    assert (tmp_path / f"{DB_NAME}.backup-v5").exists()


def _from_the_future(path: Path, *, name: str | None, version: int) -> None:
    with open_store(path) as store:
        store.record_result("drill", "dau", 70.0)
    db = sqlite3.connect(path)
    if name:
        db.execute("INSERT INTO migrations VALUES (?, '2030-01-01')", (name,))
    db.execute(f"PRAGMA user_version = {version}")
    db.execute("UPDATE store_info SET value = '0.4.0' WHERE key = 'written_by'")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    ("name", "version", "says"),
    [
        ("0006_shards", 6, "it records 0006_shards"),
        (None, 7, "its schema version is 7, this one's is 5"),
    ],
)
@pytest.mark.parametrize("command", [["history"], ["progress", "--json"], ["next", "--json"]])
def test_a_database_from_a_newer_version_is_refused(
    home: Path, name: str | None, version: int, says: str, command: list[str]
) -> None:
    path = home / DB_NAME
    _from_the_future(path, name=name, version=version)
    before = _rows(path, "results")
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert "written by sysdesign 0.4.0" in result.stderr
    assert says in result.stderr
    assert "upgrade sysdesign to use it" in result.stderr and str(path) in result.stderr
    assert "업그레이드하세요" in result.stderr
    assert _rows(path, "results") == before and _user_version(path) == version
    assert not list(home.glob("*.backup-*"))  # refused before any copy or change


def test_the_schema_in_a_fresh_database_matches_the_shipped_sql(tmp_path: Path) -> None:
    """The functions make the same tables as the SQL each version shipped."""
    shipped = tmp_path / "shipped.db"
    _old_database(shipped, 5)
    with open_store(tmp_path / DB_NAME):
        pass
    for table in ("sessions", "events", "snapshots", "results", "schedule", "qa_rounds"):
        db_a, db_b = sqlite3.connect(shipped), sqlite3.connect(tmp_path / DB_NAME)
        try:
            cols_a = [r[1:] for r in db_a.execute(f"PRAGMA table_info({table})")]
            cols_b = [r[1:] for r in db_b.execute(f"PRAGMA table_info({table})")]
        finally:
            db_a.close()
            db_b.close()
        assert cols_a == cols_b, table
    assert json.dumps(sorted(expected_columns()["results"])) == (
        '["at", "id", "item", "kind", "payload", "score"]'
    )
