"""The clock the session engine runs on, injected so that tests and scripts control time."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """`monotonic()` measures durations (seconds); `now()` stamps wall-clock times."""

    def monotonic(self) -> float: ...

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)


DEFAULT_START = datetime(2025, 1, 6, 9, 0, 0, tzinfo=UTC)


class FakeClock:
    """A clock that moves only when told to: `advance(seconds)` or `set(seconds)`."""

    def __init__(self, start: datetime = DEFAULT_START, monotonic: float = 1000.0) -> None:
        self._start_wall = start
        self._start_mono = monotonic
        self._mono = monotonic

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._start_wall + timedelta(seconds=self._mono - self._start_mono)

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._mono += seconds

    def set(self, seconds_since_start: float) -> None:
        """Move to `seconds_since_start` after the clock's creation (never backwards)."""
        self.advance(max(0.0, self._start_mono + seconds_since_start - self._mono))
