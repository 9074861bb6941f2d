"""The history database under faults: damaged, empty, from a newer version, renamed columns,
read-only, a full disk, and several first runs at once. Each is a message naming the file and
exit 2, never a traceback; `doctor` finds the damage and `doctor --repair` moves it aside."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import sysdesign.store as store_module
from sysdesign.cli import app
from sysdesign.errors import StoreError
from sysdesign.store import DB_NAME, open_store

ROOT = Path(__file__).resolve().parents[2]
READERS = (["history"], ["history", "--json"], ["next", "--json"], ["progress", "--json"])


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=True)
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        raise exc
    return result.exit_code, result.stdout, result.stderr


def _record(home: Path, n: int = 3) -> None:
    with open_store(home / DB_NAME) as store:
        for i in range(n):
            store.record_result("drill", f"item{i}", 50.0 + i)


@pytest.mark.parametrize("content", [b"hello", b"", b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_damaged_or_empty_database_is_named_and_left_alone(home: Path, content: bytes) -> None:
    db = home / DB_NAME
    db.write_bytes(content)
    for args in READERS:
        code, out, err = run(*args)
        assert code == 2 and out == "", (args, out, err)
        assert str(db) in err and "doctor --repair" in err
    assert db.read_bytes() == content  # never replaced silently
    code, out, _ = run("doctor")
    assert code == 1 and "damaged" in out


def test_doctor_repair_moves_the_damage_aside_and_starts_over(home: Path) -> None:
    db = home / DB_NAME
    db.write_bytes(b"hello")
    code, out, _ = run("doctor", "--repair")
    assert code == 0 and "moved the damaged file" in out
    aside = list(home.glob(f"{DB_NAME}.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"hello"
    assert run("history", "--json") == (0, "[]\n", "")
    assert run("doctor")[0] == 0


def test_doctor_repair_keeps_every_readable_row(home: Path) -> None:
    _record(home, 5)
    db = home / DB_NAME
    with sqlite3.connect(db) as raw:  # damage an index only: the rows stay readable
        raw.execute("PRAGMA writable_schema=ON")
        page = raw.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'results_kind_at'"
        ).fetchone()[0]
        page_size = raw.execute("PRAGMA page_size").fetchone()[0]
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with db.open("r+b") as fh:
        fh.seek((page - 1) * page_size + 8)
        fh.write(b"\x00\xff" * 200)
    code, out, _ = run("doctor", "--json")
    assert code == 1 and '"damaged"' in out
    code, out, _ = run("doctor", "--repair", "--json")
    assert code == 0 and '"results": 5' in out
    with open_store(db) as store:
        assert len(store.results()) == 5


def test_a_database_from_a_newer_version_is_refused(home: Path) -> None:
    _record(home)
    db = home / DB_NAME
    with sqlite3.connect(db) as raw:
        raw.execute("INSERT INTO migrations VALUES ('0099_from_the_future', '2030-01-01')")
        raw.execute("UPDATE store_info SET value = '9.3.0' WHERE key = 'written_by'")
    for args in (*READERS, ["estimate", "drill", "--seed", "1", "--answer", "1"]):
        code, _, err = run(*args)
        assert code == 2, (args, err)
        assert "written by sysdesign 9.3.0" in err and "upgrade" in err and str(db) in err


def test_a_renamed_column_is_refused(home: Path) -> None:
    _record(home)
    db = home / DB_NAME
    with sqlite3.connect(db) as raw:
        raw.execute("ALTER TABLE results RENAME COLUMN score TO points")
    code, _, err = run("history")
    assert code == 2 and "results lacks score" in err


def test_a_read_only_store_serves_reads_and_refuses_writes(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _record(home)
    monkeypatch.setattr(store_module, "_writable", lambda _path: False)  # root writes anything
    code, out, _ = run("history", "--json")
    assert code == 0 and out.count('"kind": "drill"') == 3
    code, _, err = run("history", "delete", "r1", "--yes")
    assert code == 2 and "read-only" in err and str(home / DB_NAME) in err
    code, _, err = run("estimate", "drill", "--seed", "1", "--answer", "1")
    assert code == 2 and "read-only" in err
    code, _, err = run("start", "chat", "--plain", "--design", str(home / "d.yaml"))
    assert code == 2 and "read-only" in err


def test_a_read_only_home_without_history_reads_as_empty(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "_writable", lambda _path: False)
    assert run("history", "--json") == (0, "[]\n", "")
    assert not (home / DB_NAME).exists()


def test_a_full_disk_keeps_what_was_acknowledged(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _record(home, 2)

    class FullDisk:
        def __init__(self, db: sqlite3.Connection) -> None:
            self._db = db

        def execute(self, sql: str, *args: Any) -> Any:
            if sql.startswith("INSERT"):
                raise sqlite3.OperationalError("database or disk is full")
            return self._db.execute(sql, *args)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._db, name)

    real_init = store_module.Store.__init__

    def init(self: store_module.Store, path: Path) -> None:
        real_init(self, path)
        self.db = FullDisk(self.db)  # type: ignore[assignment]

    monkeypatch.setattr(store_module.Store, "__init__", init)
    code, _, err = run("estimate", "drill", "--seed", "1", "--answer", "1")
    assert code == 2 and "disk is probably full" in err and "resume" in err
    monkeypatch.undo()
    with open_store(home / DB_NAME) as store:
        assert len(store.results()) == 2


def test_migrations_run_in_one_immediate_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An old database upgraded by two processes at once: the second waits for the first's
    transaction and finds nothing left to do."""
    path = tmp_path / "old.db"
    earlier = [m for m in store_module.MIGRATIONS if m.version < 3]
    monkeypatch.setattr(store_module, "MIGRATIONS", earlier)
    store_module.Store(path).close()
    monkeypatch.undo()
    first = store_module.Store(path)
    second = store_module.Store(path)
    assert first.migrate() == [] and second.migrate() == []
    assert second.applied_migrations()[-1] == store_module.MIGRATIONS[-1].name
    first.close()
    second.close()


def test_concurrent_first_runs_all_succeed(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = (
        "import sys; from sysdesign.store import open_store; "
        "s = open_store(); print(len(s.applied_migrations())); s.close()"
    )
    for trial in range(4):
        home = tmp_path / f"h{trial}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", code],
                env={**env, "SYSDESIGN_HOME": str(home)},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for _ in range(4)
        ]
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err.decode()
            assert out.strip() == str(len(store_module.MIGRATIONS)).encode()
        assert sorted(p.name for p in home.iterdir() if p.name.startswith(DB_NAME)) in (
            [DB_NAME],
            [DB_NAME, f"{DB_NAME}-shm", f"{DB_NAME}-wal"],
        )


def test_store_error_is_a_usage_error() -> None:
    assert StoreError("x").exit_code == 2
