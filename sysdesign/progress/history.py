"""Everything practised, newest first: sessions, drills and STAR rounds; and deleting one.

A session is listed from the `sessions` table (running and paused ones too) under its own id;
a drill or STAR round from the `results` table under `r<result id>`. A session's result row is
part of the session: deleting the session deletes it too. Every deletion rebuilds the practice
schedule, so a deleted mistake stops being scheduled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sysdesign.store import ResultRow, Store

KINDS: tuple[str, ...] = ("session", "drill", "star")
# Exactly the ids `history` prints: `r01` is not `r1` (deleting r1 for it would be a surprise),
# and only ASCII digits (`\d` would take `r²`, which int() refuses).
_RESULT_ID = re.compile(r"^r([1-9][0-9]{0,17})$")


@dataclass(frozen=True)
class HistoryEntry:
    id: str
    kind: str
    scenario: str | None
    item: str
    started_at: str
    status: str
    score: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "scenario": self.scenario,
            "item": self.item,
            "started_at": self.started_at,
            "status": self.status,
            "score": self.score,
        }


def check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        from sysdesign.errors import UsageError
        from sysdesign.yamlio import did_you_mean

        raise UsageError(
            f"--kind: unknown kind {kind!r}{did_you_mean(kind, KINDS)}; use one of "
            f"{', '.join(KINDS)} / --kind: {', '.join(KINDS)} 중 하나를 쓰세요"
        )


def _result_entry(r: ResultRow) -> HistoryEntry:
    scenario = r.item if r.kind == "session" else r.payload.get("scenario")
    return HistoryEntry(
        id=f"r{r.id}",
        kind=r.kind,
        scenario=scenario if isinstance(scenario, str) and scenario else None,
        item=r.item,
        started_at=r.at,
        status="finished",
        score=r.score,
    )


def history_entries(
    store: Store, *, scenario: str | None = None, kind: str | None = None
) -> list[HistoryEntry]:
    """Newest first; `scenario` keeps sessions of it and drills on its preset."""
    check_kind(kind)
    entries: list[HistoryEntry] = []
    session_ids: set[str] = set()
    for s in store.sessions():
        session_ids.add(s.id)
        entries.append(
            HistoryEntry(s.id, "session", s.scenario, s.scenario, s.started_at, s.status, s.score)
        )
    for r in store.results():
        if r.kind == "session" and r.payload.get("session_id") in session_ids:
            continue  # listed as its session
        entries.append(_result_entry(r))
    if kind is not None:
        entries = [e for e in entries if e.kind == kind]
    if scenario is not None:
        entries = [e for e in entries if e.scenario == scenario]
    return sorted(entries, key=lambda e: (e.started_at, e.id), reverse=True)


def find_entry(store: Store, entry_id: str) -> HistoryEntry:
    """The entry `entry_id` names: a session id, or `r<N>` for a drill or STAR result."""
    match = _RESULT_ID.match(entry_id)
    if match:
        for r in store.results():
            if r.id == int(match.group(1)):
                return _result_entry(r)
    row = store.session(entry_id)
    if row is not None:
        return HistoryEntry(
            row.id, "session", row.scenario, row.scenario, row.started_at, row.status, row.score
        )
    from sysdesign.errors import NotFoundError
    from sysdesign.yamlio import did_you_mean

    known = [e.id for e in history_entries(store)]
    raise NotFoundError(
        f"no history entry {entry_id!r}{did_you_mean(entry_id, known)}; see `sysdesign history` "
        "/ 기록이 없습니다"
    )


def delete_entry(store: Store, entry_id: str) -> HistoryEntry:
    """Delete one entry (a session with its events, snapshots and result) and rebuild the
    practice schedule; returns what was deleted."""
    from sysdesign.progress.schedule import rebuild

    entry = find_entry(store, entry_id)
    match = _RESULT_ID.match(entry.id)
    if match:
        store.delete_result(int(match.group(1)))
    else:
        for r in store.results(kind="session"):
            if r.payload.get("session_id") == entry.id:
                store.delete_result(r.id)
        store.delete_session(entry.id)
    rebuild(store)
    return entry
