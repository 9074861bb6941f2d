"""`sysdesign doctor`: check the history database and, only when asked, repair it.

The check opens the file read-only, runs SQLite's `integrity_check` and counts what each table
holds. A repair copies every row that can still be read into a new database, moves the damaged
file aside (never deletes it) and puts the new one in its place.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sysdesign.errors import CannotWriteError, StoreError

Status = Literal["ok", "missing", "damaged", "foreign", "read-only"]
SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class DoctorReport:
    """What `doctor` found (and, after `--repair`, did)."""

    path: str
    status: Status
    detail: str = ""
    integrity: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    moved_to: str | None = None
    kept: dict[str, int] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return self.status in ("ok", "missing", "read-only")

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "status": self.status,
            "healthy": self.healthy,
            "detail": self.detail,
            "integrity": self.integrity,
            "counts": self.counts,
            "moved_to": self.moved_to,
            "kept": self.kept,
        }


def _raw_readonly(path: Path) -> sqlite3.Connection:
    from urllib.parse import quote

    return sqlite3.connect(
        f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, isolation_level=None
    )


def _counts(db: sqlite3.Connection) -> dict[str, int]:
    out: dict[str, int] = {}
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    for table in tables:
        try:
            out[table] = int(db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
        except sqlite3.Error:
            out[table] = -1
    return out


def examine(path: Path) -> DoctorReport:
    """Check the database at `path` without changing anything."""
    from sysdesign.store import Store

    try:
        exists = path.exists()
    except OSError as exc:
        return DoctorReport(str(path), "damaged", str(exc))
    if not exists:
        return DoctorReport(str(path), "missing", "no history yet / 아직 기록이 없습니다")
    if not path.is_file():
        return DoctorReport(str(path), "damaged", "not a regular file / 일반 파일이 아닙니다")
    if path.stat().st_size == 0:
        return DoctorReport(str(path), "damaged", "the file is empty (0 bytes) / 빈 파일입니다")
    integrity: list[str] = []
    counts: dict[str, int] = {}
    try:
        db = _raw_readonly(path)
        try:
            integrity = [str(r[0]) for r in db.execute("PRAGMA integrity_check(20)")]
            counts = _counts(db)
        finally:
            db.close()
    except sqlite3.Error as exc:
        return DoctorReport(str(path), "damaged", str(exc), integrity=[str(exc)])
    if integrity != ["ok"]:
        return DoctorReport(
            str(path), "damaged", "integrity check failed", integrity=integrity, counts=counts
        )
    try:
        store = Store(path)
    except StoreError as exc:
        text = str(exc)
        status: Status = "damaged" if "damaged" in text else "foreign"
        return DoctorReport(str(path), status, text, integrity=integrity, counts=counts)
    readonly = store.readonly
    store.close()
    return DoctorReport(
        str(path), "read-only" if readonly else "ok", integrity=integrity, counts=counts
    )


def _salvage(old: Path, new: Path) -> dict[str, int]:
    """Copy every row still readable from `old` into the freshly made database `new`."""
    from sysdesign.store import expected_columns

    kept: dict[str, int] = {}
    try:
        src = _raw_readonly(old)
    except sqlite3.Error:
        return kept
    dst = sqlite3.connect(new, isolation_level=None)
    try:
        dst.execute("BEGIN IMMEDIATE")
        for table, columns in expected_columns().items():
            if table == "store_info":
                continue
            names = sorted(columns)
            cols = ", ".join(f'"{c}"' for c in names)
            marks = ", ".join("?" for _ in names)
            verb = "INSERT OR IGNORE" if table != "migrations" else "INSERT OR REPLACE"
            count = 0
            try:
                for row in src.execute(f'SELECT {cols} FROM "{table}"'):
                    dst.execute(f'{verb} INTO "{table}" ({cols}) VALUES ({marks})', tuple(row))
                    count += 1
            except sqlite3.Error:
                pass  # the rest of this table is unreadable; keep what came before
            if table != "migrations":
                kept[table] = count
        dst.execute("COMMIT")
    finally:
        dst.close()
        src.close()
    return kept


def repair(path: Path, *, now: datetime | None = None) -> DoctorReport:
    """Move a damaged database aside, keeping every readable row in a new one at `path`."""
    from sysdesign.store import _create_database

    found = examine(path)
    if found.status != "damaged":
        return found
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    fresh = path.with_name(f".{path.name}.repair")
    try:
        for extra in ("", *SIDE_FILES):
            Path(f"{fresh}{extra}").unlink(missing_ok=True)
        _create_database(fresh)
        kept = _salvage(path, fresh) if path.is_file() else {}
        os.replace(path, aside)
        for extra in SIDE_FILES:
            side = Path(f"{path}{extra}")
            if side.exists():
                os.replace(side, Path(f"{aside}{extra}"))
        os.replace(fresh, path)
    except (OSError, sqlite3.Error) as exc:
        raise CannotWriteError(path, exc) from exc
    after = examine(path)
    return DoctorReport(
        str(path),
        after.status,
        found.detail,
        integrity=found.integrity,
        counts=after.counts,
        moved_to=str(aside),
        kept=kept,
    )
