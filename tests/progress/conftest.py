"""A week of synthetic practice on a fake clock, shared by the progress tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from sysdesign.store import ResultRow

T0 = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)  # a Monday
GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "progress"


def day(n: float) -> datetime:
    return T0 + timedelta(days=n)


# (day, kind, item, score, payload): what the session, drill and STAR commands record.
WEEK: list[tuple[float, str, str, float, dict[str, Any]]] = [
    (
        0,
        "session",
        "chat",
        55,
        {
            "session_id": "s0",
            "rules": ["ws-no-pubsub", "spof"],
            "missed_questions": ["retention"],
            "missed_concepts": {"fanout": ["pubsub"]},
            "breakdown": [
                {"area": "clarifying", "points": 5, "max": 10},
                {"area": "design", "points": 12, "max": 30},
                {"area": "time", "points": 10, "max": 10},
            ],
        },
    ),
    (
        1,
        "drill",
        "peak_write_qps",
        0,
        {"grade": "wrong", "slip": {"id": "peak_forgotten"}, "scenario": "chat"},
    ),
    (
        2,
        "session",
        "chat",
        68,
        {
            "session_id": "s1",
            "rules": ["ws-no-pubsub"],
            "missed_questions": [],
            "missed_concepts": {"fanout": []},
            "areas": {"clarifying": 80, "design": 60, "time": 90},
        },
    ),
    (3, "star", "failure-mistake", 60, {"failed": ["quantified-result"]}),
    (4, "drill", "peak_write_qps", 50, {"grade": "order_of_magnitude", "slip": None}),
]
NOW = day(11)  # a week later


def week_rows() -> list[ResultRow]:
    return [
        ResultRow(i + 1, kind, item, score, (day(d)).isoformat(), payload)
        for i, (d, kind, item, score, payload) in enumerate(WEEK)
    ]


def record_week(store: Any) -> None:
    for d, kind, item, score, payload in WEEK:
        store.record_result(kind, item, score, payload, at=day(d))


@pytest.fixture()
def golden() -> Callable[[str, str], None]:
    """Compare text with tests/golden/progress/<name>; UPDATE_GOLDEN=1 rewrites the file."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN") == "1":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if not path.exists():
            pytest.fail(f"no golden file {path}; run with UPDATE_GOLDEN=1 and read the diff")
        assert text == path.read_text(encoding="utf-8")

    return check
