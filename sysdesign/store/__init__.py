"""The user's history: SQLite under SYSDESIGN_HOME, append-only events, named migrations.

Every write commits before it returns, so whatever the UI has acknowledged survives a crash
or `kill -9`. WAL mode keeps readers (history, reports) from blocking the live session.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sysdesign import paths

DB_NAME = "sysdesign.db"

# Named migrations, applied in order and recorded in the `migrations` table. Append only:
# never edit or reorder a migration that has shipped.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_sessions_events_snapshots",
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            scenario TEXT NOT NULL,
            lang TEXT NOT NULL,
            started_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'running',
            score REAL,
            meta TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE events (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            at REAL NOT NULL,
            wall TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (session_id, seq)
        );
        CREATE TABLE snapshots (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            phase TEXT NOT NULL,
            at REAL NOT NULL,
            design TEXT NOT NULL,
            PRIMARY KEY (session_id, seq)
        );
        """,
    ),
    (
        "0002_results",
        """
        CREATE TABLE results (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            item TEXT NOT NULL,
            score REAL NOT NULL,
            at TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX results_kind_at ON results(kind, at);
        """,
    ),
    (
        "0003_practice_schedule",
        """
        CREATE TABLE schedule (
            card TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            item TEXT NOT NULL,
            easiness REAL NOT NULL,
            repetitions INTEGER NOT NULL,
            interval_days INTEGER NOT NULL,
            due TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            last_missed TEXT NOT NULL,
            lapses INTEGER NOT NULL DEFAULT 0,
            reviews INTEGER NOT NULL DEFAULT 0,
            last_quality INTEGER NOT NULL DEFAULT 0,
            contexts TEXT NOT NULL DEFAULT '{}',
            note TEXT
        );
        CREATE INDEX schedule_due ON schedule(due);
        CREATE TABLE schedule_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
    ),
    (
        "0004_qa_rounds",
        """
        CREATE TABLE qa_rounds (
            id TEXT PRIMARY KEY,
            topics TEXT NOT NULL,
            lang TEXT NOT NULL,
            started_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'running',
            score REAL,
            meta TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE qa_events (
            round_id TEXT NOT NULL REFERENCES qa_rounds(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            at REAL NOT NULL,
            wall TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (round_id, seq)
        );
        """,
    ),
]


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
    """One SQLite database; open with `open_store()`."""

    def __init__(self, path: Path) -> None:
        from sysdesign.errors import CannotWriteError

        self.path = path
        try:  # a home that cannot hold the database is the user's to fix: exit 2, named
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, isolation_level=None, timeout=10)
            self.db.execute("PRAGMA journal_mode=WAL")
        except (OSError, sqlite3.OperationalError) as exc:
            raise CannotWriteError(path, exc) from exc
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    # -- schema ----------------------------------------------------------------------------

    def migrate(self) -> list[str]:
        """Apply every migration not yet recorded; returns the names applied now."""
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
        )
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        applied: list[str] = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.transaction():
                for statement in sql.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, _now())
                )
            applied.append(name)
        return applied

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    class _Tx:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def __enter__(self) -> sqlite3.Connection:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db

        def __exit__(self, exc_type: object, *_: object) -> None:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")

    def transaction(self) -> Store._Tx:
        return Store._Tx(self.db)

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
        _load_builtin_hooks()
        for hook in _RESULT_HOOKS:
            hook(self, kind, item, float(score), payload or {}, _iso(at))
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


ResultHook = Callable[[Store, str, str, float, dict[str, Any], str], None]
_RESULT_HOOKS: list[ResultHook] = []


def on_result(hook: ResultHook) -> ResultHook:
    """Register a function called after every recorded result (the practice scheduler uses it)."""
    _RESULT_HOOKS.append(hook)
    return hook


def _load_builtin_hooks() -> None:
    """Import the modules whose hooks must see every result, whoever records it.

    `sysdesign.progress.schedule` registers the practice-schedule update on import; importing it
    here (lazily: it is needed only once a result is recorded) means no command that records a
    result has to remember to.
    """
    import sysdesign.progress.schedule  # noqa: F401


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
