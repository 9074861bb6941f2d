"""The history database's schema, as named migrations: one Python function per version.

Each migration is a function registered with `@migration(version)`; its name in the
`migrations` table is the version and the function's name (`0003_practice_schedule`). The
store applies the ones a database has not recorded, in order, all inside one `BEGIN IMMEDIATE`
transaction (a failure leaves the file as it was), after copying an existing file aside (see
`Store.migrate`). A migration receives the open connection and may run any statements,
including ones that move data between tables; it must not commit, and it cannot change
`PRAGMA foreign_keys` (a no-op inside a transaction).

Append only: never edit, renumber or remove a migration that has shipped; a database that
records a migration this version does not know was written by a newer sysdesign and is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

MigrationFunction = Callable[[sqlite3.Connection], None]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str  # as recorded in the `migrations` table
    apply: MigrationFunction


MIGRATIONS: list[Migration] = []


def migration(version: int) -> Callable[[MigrationFunction], MigrationFunction]:
    """Register the decorated function as the migration to schema `version` (1, 2, …, in
    order, each once)."""

    def register(fn: MigrationFunction) -> MigrationFunction:
        expected = len(MIGRATIONS) + 1
        if version != expected:
            raise ValueError(f"migration {fn.__name__}: version {version}, expected {expected}")
        MIGRATIONS.append(Migration(version, f"{version:04d}_{fn.__name__}", fn))
        return fn

    return register


def run(db: sqlite3.Connection, *statements: str) -> None:
    """Each statement on its own (`executescript` would commit the migration's transaction)."""
    for statement in statements:
        db.execute(statement)


@migration(1)
def sessions_events_snapshots(db: sqlite3.Connection) -> None:
    run(
        db,
        """CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            scenario TEXT NOT NULL,
            lang TEXT NOT NULL,
            started_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'running',
            score REAL,
            meta TEXT NOT NULL DEFAULT '{}'
        )""",
        """CREATE TABLE events (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            at REAL NOT NULL,
            wall TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (session_id, seq)
        )""",
        """CREATE TABLE snapshots (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            phase TEXT NOT NULL,
            at REAL NOT NULL,
            design TEXT NOT NULL,
            PRIMARY KEY (session_id, seq)
        )""",
    )


@migration(2)
def results(db: sqlite3.Connection) -> None:
    run(
        db,
        """CREATE TABLE results (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            item TEXT NOT NULL,
            score REAL NOT NULL,
            at TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX results_kind_at ON results(kind, at)",
    )


@migration(3)
def practice_schedule(db: sqlite3.Connection) -> None:
    """The SM-2 schedule's cache; filled from the results the first time it is read."""
    run(
        db,
        """CREATE TABLE schedule (
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
        )""",
        "CREATE INDEX schedule_due ON schedule(due)",
        """CREATE TABLE schedule_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    )


@migration(4)
def store_info(db: sqlite3.Connection) -> None:
    """Which version wrote the schema, so an older sysdesign can say what to upgrade to."""
    run(
        db,
        """CREATE TABLE store_info (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    )


@migration(5)
def qa_rounds(db: sqlite3.Connection) -> None:
    run(
        db,
        """CREATE TABLE qa_rounds (
            id TEXT PRIMARY KEY,
            topics TEXT NOT NULL,
            lang TEXT NOT NULL,
            started_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'running',
            score REAL,
            meta TEXT NOT NULL DEFAULT '{}'
        )""",
        """CREATE TABLE qa_events (
            round_id TEXT NOT NULL REFERENCES qa_rounds(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            at REAL NOT NULL,
            wall TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (round_id, seq)
        )""",
    )
