"""The user's history: SQLite under SYSDESIGN_HOME, append-only events, named migrations.

Every write commits before it returns, so whatever the UI has acknowledged survives a crash
or `kill -9`. WAL mode keeps readers (history, reports) from blocking the live session.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sysdesign import __version__, paths
from sysdesign.errors import StoreError
from sysdesign.store.migrations import MIGRATIONS, Migration

__all__ = ["MIGRATIONS", "Migration"]

DB_NAME = "sysdesign.db"

# The columns of the `schedule` table, in the order `save_schedule` writes them.
SCHEDULE_COLUMNS: tuple[str, ...] = (
    "card",
    "kind",
    "item",
    "easiness",
    "repetitions",
    "interval_days",
    "due",
    "first_seen",
    "last_seen",
    "last_missed",
    "lapses",
    "reviews",
    "last_quality",
    "contexts",
    "note",
)


@dataclass(frozen=True)
class SessionRow:
    id: str
    scenario: str
    lang: str
    started_at: str
    status: str
    score: float | None
    meta: dict[str, Any]


@dataclass(frozen=True)
class QaRoundRow:
    id: str
    topics: list[str]
    lang: str
    started_at: str
    status: str
    score: float | None
    meta: dict[str, Any]


@dataclass(frozen=True)
class EventRow:
    session_id: str
    seq: int
    type: str
    at: float
    wall: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class SnapshotRow:
    session_id: str
    seq: int
    phase: str
    at: float
    design: str


@dataclass(frozen=True)
class ResultRow:
    id: int
    kind: str
    item: str
    score: float
    at: str
    payload: dict[str, Any]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(at: datetime | None) -> str:
    if at is None:
        return _now()
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat(timespec="seconds")


class Store:
    """One SQLite database; open with `open_store()`.

    Opening is defensive: a damaged file, a database from a newer sysdesign or one whose
    tables differ from ours is refused with a `StoreError` naming the file (exit 2); a
    database (or home) this process may not write is opened read-only, so read commands work
    and a write is refused with a message instead of a traceback.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.readonly = False
        #: The copy made before this open migrated an existing database, if it did.
        self.backup: Path | None = None
        self.db = self._connect(path)
        self.db.row_factory = sqlite3.Row
        try:
            if not self.readonly:
                self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except sqlite3.Error as exc:
            self.db.close()
            raise store_error(path, exc) from exc
        except BaseException:
            self.db.close()
            raise

    def _connect(self, path: Path) -> sqlite3.Connection:
        from sysdesign.errors import CannotWriteError

        try:
            info = path.stat()
        except FileNotFoundError:
            info = None
        except OSError as exc:  # e.g. a name too long, a parent that is a file
            raise CannotWriteError(path, exc) from exc
        if info is not None:
            if not stat.S_ISREG(info.st_mode):
                raise StoreError(
                    f"{path} is not a regular file, so it cannot hold the history / "
                    f"일반 파일이 아니라서 기록을 담을 수 없습니다: {path}"
                )
            if info.st_size == 0:
                raise damaged_error(path, "the file is empty (0 bytes) / 파일이 비어 있습니다")
        else:
            try:  # a home that cannot hold the database is the user's to fix: exit 2, named
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise CannotWriteError(path, exc) from exc
            if not _writable(path.parent):
                # A read-only home with no history yet: read commands see an empty history.
                self.readonly = True
                db = sqlite3.connect(":memory:", isolation_level=None)
                _apply_all(db)
                return db
            try:
                _create_database(path)
            except (OSError, sqlite3.Error) as exc:
                raise CannotWriteError(path, exc) from exc
        if not (_writable(path) and _writable(path.parent)):
            self.readonly = True
            return _connect_readonly(path)
        try:
            db = sqlite3.connect(path, isolation_level=None, timeout=10)
        except sqlite3.Error as exc:
            raise store_error(path, exc) from exc
        try:
            db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error as exc:
            db.close()
            raise store_error(path, exc) from exc
        return db

    # -- schema ----------------------------------------------------------------------------

    def migrate(self) -> list[str]:
        """Apply every migration not yet recorded, all in one immediate transaction (two first
        runs at once cannot both create the tables); returns the names applied now.

        An existing database with migrations to apply is first copied aside
        (`sysdesign.db.backup-v<its schema version>`, SQLite's online backup), so an upgrade
        that goes wrong in a way the rollback cannot undo still leaves the old file.

        A database that records a migration this version does not know, has a higher schema
        version, or whose tables lack a column ours have, was written by another version:
        refused, never used silently.
        """
        done = self._recorded_migrations()
        self._refuse_newer(done)
        pending = [m.name for m in MIGRATIONS if m.name not in done]
        if self.readonly:
            if pending:
                raise StoreError(
                    f"{self.path} needs an upgrade of its tables ({', '.join(pending)}) but is "
                    "read-only; make it writable and run any command once / "
                    f"{self.path}의 테이블을 새 버전에 맞게 바꿔야 하는데 읽기 전용입니다. "
                    "쓰기 권한을 준 뒤 명령을 한 번 실행하세요"
                )
            self._check_columns()
            return []
        if done and pending:
            self.backup = self._back_up(len(MIGRATIONS) - len(pending))
        applied: list[str] = []
        with self.transaction():
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
            )
            done = self._recorded_migrations()
            self._refuse_newer(done)
            applied = _apply(self.db, [m for m in MIGRATIONS if m.name not in done])
        self._check_columns()
        return applied

    def schema_version(self) -> int:
        """How many of our migrations the database records (its schema version)."""
        done = self._recorded_migrations()
        return sum(1 for m in MIGRATIONS if m.name in done)

    def _back_up(self, version: int) -> Path:
        """Copy the database, as it is now, to `<name>.backup-v<version>` beside it."""
        target = self.path.with_name(f"{self.path.name}.backup-v{version}")
        target.unlink(missing_ok=True)
        copy = sqlite3.connect(target)
        try:
            self.db.backup(copy)
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from exc
        finally:
            copy.close()
        return target

    def _recorded_migrations(self) -> set[str]:
        try:
            return {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return set()
            raise

    def _refuse_newer(self, done: set[str]) -> None:
        known = {m.name for m in MIGRATIONS}
        unknown = sorted(done - known)
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        if not unknown and version <= len(MIGRATIONS):
            return
        try:
            row = self.db.execute(
                "SELECT value FROM store_info WHERE key = 'written_by'"
            ).fetchone()
        except sqlite3.Error:
            row = None
        # A newer version stamps its own number; if the stamp is ours, it did not.
        by = f"sysdesign {row[0]}" if row and row[0] != __version__ else "a newer sysdesign"
        what = (
            f"it records {', '.join(unknown)}"
            if unknown
            else f"its schema version is {version}, this one's is {len(MIGRATIONS)}"
        )
        raise StoreError(
            f"{self.path} was written by {by} ({what}, which sysdesign {__version__} does not "
            f"know); nothing was read or changed: upgrade sysdesign to use it / "
            f"더 새로운 sysdesign({by})이 쓴 기록이라 sysdesign {__version__}에서는 읽지도 "
            f"바꾸지도 않았습니다. sysdesign을 업그레이드하세요: {self.path}"
        )

    def _check_columns(self) -> None:
        for table, columns in expected_columns().items():
            have = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
            if not have:  # a table of a migration not applied (only tests apply a subset)
                continue
            missing = sorted(columns - have)
            if missing:
                raise StoreError(
                    f"{self.path}: table {table} lacks {', '.join(missing)}; the file was "
                    f"written by another version of sysdesign (this is {__version__}) / "
                    f"{self.path}: {table} 테이블에 {', '.join(missing)} 열이 없습니다. "
                    "다른 버전의 sysdesign이 쓴 파일입니다"
                )

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    class _Tx:
        def __init__(self, store: Store) -> None:
            self.store = store
            self.db = store.db

        def __enter__(self) -> sqlite3.Connection:
            if self.store.readonly:
                raise read_only_error(self.store.path)
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise store_error(self.store.path, exc) from exc
            return self.db

        def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
            if exc_type is None:
                try:
                    self.db.execute("COMMIT")
                    return
                except sqlite3.Error as commit_exc:
                    exc = commit_exc
            if self.db.in_transaction:
                # SQLite may have rolled back already (e.g. after a full disk)
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise store_error(self.store.path, exc) from exc

    def transaction(self) -> Store._Tx:
        """`BEGIN IMMEDIATE` … `COMMIT`; a failure rolls back and becomes a StoreError."""
        return Store._Tx(self)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- sessions --------------------------------------------------------------------------

    def create_session(
        self,
        scenario: str,
        lang: str,
        meta: dict[str, Any] | None = None,
        *,
        started_at: datetime | None = None,
        session_id: str | None = None,
    ) -> str:
        sid = session_id or uuid.uuid4().hex[:10]
        with self.transaction():
            self.db.execute(
                "INSERT INTO sessions (id, scenario, lang, started_at, meta) VALUES (?,?,?,?,?)",
                (sid, scenario, lang, _iso(started_at), json.dumps(meta or {}, ensure_ascii=False)),
            )
        return sid

    def _session(self, row: sqlite3.Row) -> SessionRow:
        return SessionRow(
            id=row["id"],
            scenario=row["scenario"],
            lang=row["lang"],
            started_at=row["started_at"],
            status=row["status"],
            score=row["score"],
            meta=json.loads(row["meta"]),
        )

    def session(self, session_id: str) -> SessionRow | None:
        row = self.db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return self._session(row) if row else None

    def sessions(self, scenario: str | None = None) -> list[SessionRow]:
        """Newest first."""
        sql = "SELECT * FROM sessions"
        args: tuple[Any, ...] = ()
        if scenario:
            sql += " WHERE scenario = ?"
            args = (scenario,)
        sql += " ORDER BY started_at DESC, rowid DESC"
        return [self._session(r) for r in self.db.execute(sql, args)]

    def latest_unfinished(self) -> SessionRow | None:
        row = self.db.execute(
            "SELECT * FROM sessions WHERE status IN ('running', 'paused') "
            "ORDER BY started_at DESC, rowid DESC LIMIT 1"
        ).fetchone()
        return self._session(row) if row else None

    def update_session(
        self,
        session_id: str,
        *,
        status: str | None = None,
        score: float | None = None,
        meta: dict[str, Any] | None = None,
    ) -> None:
        with self.transaction():
            if status is not None:
                self.db.execute("UPDATE sessions SET status=? WHERE id=?", (status, session_id))
            if score is not None:
                self.db.execute("UPDATE sessions SET score=? WHERE id=?", (score, session_id))
            if meta is not None:
                self.db.execute(
                    "UPDATE sessions SET meta=? WHERE id=?",
                    (json.dumps(meta, ensure_ascii=False), session_id),
                )

    def delete_session(self, session_id: str) -> bool:
        with self.transaction():
            cur = self.db.execute("DELETE FROM sessions WHERE id=?", (session_id,))
        return cur.rowcount > 0

    # -- events ----------------------------------------------------------------------------

    def append_event(
        self, session_id: str, type_: str, at: float, payload: dict[str, Any] | None = None
    ) -> int:
        """Append one event and commit before returning its sequence number."""
        with self.transaction():
            row = self.db.execute(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE session_id = ?", (session_id,)
            ).fetchone()
            seq = int(row[0])
            self.db.execute(
                "INSERT INTO events (session_id, seq, type, at, wall, payload) "
                "VALUES (?,?,?,?,?,?)",
                (
                    session_id,
                    seq,
                    type_,
                    at,
                    _now(),
                    json.dumps(payload or {}, ensure_ascii=False),
                ),
            )
        return seq

    def events(self, session_id: str) -> list[EventRow]:
        return [
            EventRow(
                session_id=r["session_id"],
                seq=r["seq"],
                type=r["type"],
                at=r["at"],
                wall=r["wall"],
                payload=json.loads(r["payload"]),
            )
            for r in self.db.execute(
                "SELECT * FROM events WHERE session_id = ? ORDER BY seq", (session_id,)
            )
        ]

    # -- design snapshots ------------------------------------------------------------------

    def save_snapshot(self, session_id: str, phase: str, at: float, design: str) -> int:
        with self.transaction():
            row = self.db.execute(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM snapshots WHERE session_id = ?",
                (session_id,),
            ).fetchone()
            seq = int(row[0])
            self.db.execute(
                "INSERT INTO snapshots (session_id, seq, phase, at, design) VALUES (?,?,?,?,?)",
                (session_id, seq, phase, at, design),
            )
        return seq

    def snapshots(self, session_id: str) -> list[SnapshotRow]:
        return [
            SnapshotRow(r["session_id"], r["seq"], r["phase"], r["at"], r["design"])
            for r in self.db.execute(
                "SELECT * FROM snapshots WHERE session_id = ? ORDER BY seq", (session_id,)
            )
        ]

    # -- results of drills, story checks and sessions --------------------------------------

    def record_result(
        self,
        kind: str,
        item: str,
        score: float,
        payload: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> int:
        """One finished practice item: kind is 'session', 'drill', 'star' or 'qa'; score 0–100."""
        with self.transaction():
            cur = self.db.execute(
                "INSERT INTO results (kind, item, score, at, payload) VALUES (?,?,?,?,?)",
                (kind, item, float(score), _iso(at), json.dumps(payload or {}, ensure_ascii=False)),
            )
        rowid = cur.lastrowid
        assert rowid is not None
        return rowid

    def results(
        self, kind: str | None = None, item: str | None = None, since: datetime | None = None
    ) -> list[ResultRow]:
        """Oldest first."""
        sql = "SELECT * FROM results WHERE 1=1"
        args: list[Any] = []
        if kind:
            sql += " AND kind = ?"
            args.append(kind)
        if item:
            sql += " AND item = ?"
            args.append(item)
        if since:
            sql += " AND at >= ?"
            args.append(_iso(since))
        sql += " ORDER BY at, id"
        return [
            ResultRow(r["id"], r["kind"], r["item"], r["score"], r["at"], json.loads(r["payload"]))
            for r in self.db.execute(sql, args)
        ]

    def delete_result(self, result_id: int) -> bool:
        with self.transaction():
            cur = self.db.execute("DELETE FROM results WHERE id=?", (result_id,))
        return cur.rowcount > 0

    def results_kept(self, through: int) -> int:
        """How many of the results numbered up to `through` are still stored."""
        row = self.db.execute("SELECT COUNT(*) FROM results WHERE id <= ?", (through,)).fetchone()
        return int(row[0])

    # -- the practice schedule (`sysdesign.progress.schedule` keeps it; stored here) ----------

    def schedule_rows(self) -> list[dict[str, Any]]:
        """Every stored card, as column → value."""
        return [dict(r) for r in self.db.execute("SELECT * FROM schedule ORDER BY card")]

    def schedule_state(self) -> dict[str, str]:
        """How far the stored schedule has caught up with the results (key → value)."""
        return {r[0]: r[1] for r in self.db.execute("SELECT key, value FROM schedule_state")}

    def save_schedule(
        self, rows: list[dict[str, Any]], state: dict[str, str], *, replace_all: bool = False
    ) -> None:
        """Write cards (column → value, keyed by `card`) and the state; `replace_all` drops
        every other card first. Joins the caller's transaction when there is one."""
        columns = ", ".join(SCHEDULE_COLUMNS)
        marks = ",".join("?" * len(SCHEDULE_COLUMNS))
        with self._joined_transaction():
            if replace_all:
                self.db.execute("DELETE FROM schedule")
            self.db.executemany(
                f"INSERT OR REPLACE INTO schedule ({columns}) VALUES ({marks})",
                [tuple(row[c] for c in SCHEDULE_COLUMNS) for row in rows],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO schedule_state (key, value) VALUES (?, ?)",
                list(state.items()),
            )

    @contextlib.contextmanager
    def _joined_transaction(self) -> Iterator[None]:
        if self.db.in_transaction:
            yield
        else:
            with self.transaction():
                yield

    # -- technical-question rounds (`sysdesign qa`) ------------------------------------------

    def create_qa_round(
        self,
        topics: list[str],
        lang: str,
        meta: dict[str, Any] | None = None,
        *,
        started_at: datetime | None = None,
        round_id: str | None = None,
    ) -> str:
        rid = round_id or uuid.uuid4().hex[:10]
        with self.transaction():
            self.db.execute(
                "INSERT INTO qa_rounds (id, topics, lang, started_at, meta) VALUES (?,?,?,?,?)",
                (
                    rid,
                    json.dumps(topics),
                    lang,
                    _iso(started_at),
                    json.dumps(meta or {}, ensure_ascii=False),
                ),
            )
        return rid

    def _qa_round(self, row: sqlite3.Row) -> QaRoundRow:
        return QaRoundRow(
            id=row["id"],
            topics=json.loads(row["topics"]),
            lang=row["lang"],
            started_at=row["started_at"],
            status=row["status"],
            score=row["score"],
            meta=json.loads(row["meta"]),
        )

    def qa_round(self, round_id: str) -> QaRoundRow | None:
        row = self.db.execute("SELECT * FROM qa_rounds WHERE id = ?", (round_id,)).fetchone()
        return self._qa_round(row) if row else None

    def qa_rounds(self) -> list[QaRoundRow]:
        """Newest first."""
        rows = self.db.execute("SELECT * FROM qa_rounds ORDER BY started_at DESC, rowid DESC")
        return [self._qa_round(r) for r in rows]

    def update_qa_round(
        self, round_id: str, *, status: str | None = None, score: float | None = None
    ) -> None:
        with self.transaction():
            if status is not None:
                self.db.execute("UPDATE qa_rounds SET status=? WHERE id=?", (status, round_id))
            if score is not None:
                self.db.execute("UPDATE qa_rounds SET score=? WHERE id=?", (score, round_id))

    def append_qa_event(
        self, round_id: str, type_: str, at: float, payload: dict[str, Any] | None = None
    ) -> int:
        """Append one round event and commit before returning its sequence number."""
        with self.transaction():
            row = self.db.execute(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM qa_events WHERE round_id = ?", (round_id,)
            ).fetchone()
            seq = int(row[0])
            self.db.execute(
                "INSERT INTO qa_events (round_id, seq, type, at, wall, payload) "
                "VALUES (?,?,?,?,?,?)",
                (round_id, seq, type_, at, _now(), json.dumps(payload or {}, ensure_ascii=False)),
            )
        return seq

    def qa_events(self, round_id: str) -> list[EventRow]:
        return [
            EventRow(
                session_id=r["round_id"],
                seq=r["seq"],
                type=r["type"],
                at=r["at"],
                wall=r["wall"],
                payload=json.loads(r["payload"]),
            )
            for r in self.db.execute(
                "SELECT * FROM qa_events WHERE round_id = ? ORDER BY seq", (round_id,)
            )
        ]


def _writable(path: Path) -> bool:
    """Whether this process may write `path` (a test can replace this to act out a read-only
    file system, since root may write anything)."""
    return os.access(path, os.W_OK)


def _apply(db: sqlite3.Connection, migrations: list[Migration]) -> list[str]:
    """Run `migrations` in order inside the caller's transaction, recording each and the
    schema version; returns their names."""
    for m in migrations:
        m.apply(db)
        db.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (m.name, _now()))
    if migrations:
        db.execute(f"PRAGMA user_version = {int(migrations[-1].version)}")
        _stamp_version(db)
    return [m.name for m in migrations]


def _apply_all(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    _apply(db, list(MIGRATIONS))


def _stamp_version(db: sqlite3.Connection) -> None:
    """Record which version wrote the schema (once `0004_store_info` has made the table)."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'store_info'").fetchone():
        db.execute(
            "INSERT OR REPLACE INTO store_info (key, value) VALUES ('written_by', ?)",
            (__version__,),
        )


def _create_database(path: Path) -> None:
    """Make a new, fully migrated database at `path` without ever exposing a half-made one.

    It is built under a temporary name beside `path` and hard-linked into place, which fails
    if another process got there first (its database is then used). So an empty or partial
    `sysdesign.db` is never ours, and can be reported as damaged.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("BEGIN IMMEDIATE")
            _apply_all(db)
            db.execute("COMMIT")
        finally:
            db.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    finally:
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(f"{tmp}{extra}").unlink(missing_ok=True)


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """Open for reading only. A WAL database in a folder we cannot write has no `-shm` file
    to share, so it is read as immutable (nobody can be writing it through this home)."""
    from urllib.parse import quote

    base = f"file:{quote(str(path.resolve()))}?mode=ro"
    last: sqlite3.Error | None = None
    for uri in (base, base + "&immutable=1"):
        try:
            db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10)
        except sqlite3.Error as exc:
            last = exc
            continue
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.Error as exc:
            db.close()
            last = exc
            if getattr(exc, "sqlite_errorname", "") in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
                break
    assert last is not None
    raise store_error(path, last) from last


_EXPECTED: dict[tuple[str, ...], dict[str, set[str]]] = {}


def expected_columns() -> dict[str, set[str]]:
    """The columns every table has after all our migrations (from a scratch in-memory run)."""
    key = tuple(m.name for m in MIGRATIONS)
    if key not in _EXPECTED:
        columns: dict[str, set[str]] = {}
        db = sqlite3.connect(":memory:", isolation_level=None)
        try:
            _apply_all(db)
            tables = [
                r[0]
                for r in db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            ]
            for table in tables:
                columns[table] = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
        finally:
            db.close()
        _EXPECTED[key] = columns
    return _EXPECTED[key]


def damaged_error(path: Path, detail: str) -> StoreError:
    from sysdesign.i18n import pick

    detail_en, detail_ko = pick(detail, "en"), pick(detail, "ko")
    return StoreError(
        f"{path} is damaged or not a sysdesign database ({detail_en}). Nothing was changed; "
        "`sysdesign doctor` checks it and `sysdesign doctor --repair` moves it aside, keeping "
        "what can still be read / "
        f"{path} 파일이 손상되었거나 sysdesign 데이터베이스가 아닙니다({detail_ko}). 아무것도 바꾸지 "
        "않았습니다. `sysdesign doctor`로 점검하고, `sysdesign doctor --repair`로 읽을 수 "
        "있는 기록은 살리고 파일을 옆으로 옮길 수 있습니다"
    )


def read_only_error(path: Path) -> StoreError:
    return StoreError(
        f"{path} is read-only (or its folder is), so this command cannot record anything; "
        "reading commands still work. Make it writable to practise / "
        "파일 또는 폴더가 읽기 전용이라 이 명령은 기록을 남길 수 없습니다. 읽기 명령은 "
        f"그대로 됩니다. 연습하려면 쓰기 권한을 주세요: {path}"
    )


def full_error(path: Path, detail: str) -> StoreError:
    return StoreError(
        f"{path}: could not write ({detail}): the disk is probably full. The last action was "
        "not saved; everything acknowledged before it is kept. Free some space, then run the "
        "command again (`sysdesign resume` continues an interrupted session where it stopped) / "
        f"{path}: 쓸 수 없습니다({detail}). 디스크가 가득 찬 것 같습니다. 마지막 동작은 "
        "저장하지 못했지만 그 전에 확인된 기록은 모두 남아 있습니다. 공간을 비운 뒤 다시 "
        "실행하세요(`sysdesign resume`으로 중단된 면접을 멈춘 곳에서 이어갈 수 있습니다)"
    )


def store_error(path: Path, exc: sqlite3.Error) -> StoreError:
    """An SQLite failure as a message naming the file and what to do."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "malformed" in str(exc):
        return damaged_error(path, str(exc))
    if name.startswith("SQLITE_READONLY") or "readonly" in str(exc):
        return read_only_error(path)
    if name == "SQLITE_FULL" or name.startswith("SQLITE_IOERR") or "disk" in str(exc):
        return full_error(path, str(exc))
    if name.startswith("SQLITE_BUSY") or "locked" in str(exc):
        return StoreError(
            f"{path} is busy: another sysdesign kept it locked for more than 10 s; try again / "
            f"{path}: 다른 sysdesign이 10초 넘게 잠그고 있습니다. 다시 시도하세요"
        )
    return StoreError(f"{path}: {exc} / {path}: 데이터베이스 오류입니다 ({name or 'sqlite'})")


def db_path() -> Path:
    return paths.home() / DB_NAME


def open_store(path: Path | None = None) -> Store:
    """Open (creating and migrating) the store under SYSDESIGN_HOME."""
    return Store(path or db_path())


def iter_json_lines(path: Path) -> Iterator[dict[str, Any]]:
    """Read a JSON-lines file, skipping blank lines."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
