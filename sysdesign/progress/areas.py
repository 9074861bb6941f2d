"""Scores over time per area, per scenario and per track, with the streak and totals.

Areas come from the stored results:
- a session's `areas` (clarifying, requirements, estimation, design, deep_dive, time), 0–100;
- the design split by rule family: the share of a family's rules the final design did *not*
  trigger (three availability rules, one triggered: 67);
- estimation drills (kind `drill`) join the session's estimation area;
- story checks and STAR practice (kind `star`) make the `star` area.
Missing or malformed payload keys mean "unknown" and add no point.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sysdesign.i18n import josa
from sysdesign.progress.schedule import ResultLike, iso, parse_at, str_list

# Design-rule families: which rule ids count against which part of the design area. One rule
# may weigh on two families (a synchronous fan-out is both a scaling and an async problem).
# Every rule id in sysdesign.models.ids.RULE_IDS belongs to at least one (a test checks it).
RULE_FAMILIES: dict[str, tuple[str, ...]] = {
    "availability": ("spof", "unreplicated-store", "no-load-balancer", "no-rate-limit"),
    "scalability": ("no-cache", "under-provisioned", "needs-sharding", "no-cdn", "sync-fanout"),
    "data": (
        "client-to-datastore",
        "missing-path",
        "missing-component",
        "unreachable",
        # the commerce and fintech tracks' rules: money and stock move exactly once
        "no-idempotency",
        "non-atomic-stock",
        "no-double-entry",
    ),
    "async": ("ws-no-pubsub", "sync-cycle", "sync-fanout", "sync-fraud-no-fallback"),
}

SESSION_AREAS: tuple[str, ...] = (
    "clarifying",
    "requirements",
    "estimation",
    "design",
    "deep_dive",
    "time",
)
AREAS: tuple[str, ...] = (
    "clarifying",
    "requirements",
    "estimation",
    "design",
    *(f"design.{family}" for family in RULE_FAMILIES),
    "deep_dive",
    "time",
    "star",
)

AREA_TITLES: dict[str, tuple[str, str]] = {  # area → (en, ko)
    "clarifying": ("Clarifying questions", "명확화 질문"),
    "requirements": ("Requirements", "요구사항"),
    "estimation": ("Estimation", "용량 추정"),
    "design": ("Design", "설계"),
    "design.availability": ("Design: availability", "설계: 가용성"),
    "design.scalability": ("Design: scalability", "설계: 확장성"),
    "design.data": ("Design: data paths", "설계: 데이터 경로"),
    "design.async": ("Design: async", "설계: 비동기"),
    "deep_dive": ("Deep dive", "심화 질문"),
    "time": ("Time management", "시간 관리"),
    "star": ("STAR stories", "STAR 스토리"),
}


def area_title(area: str, lang: str) -> str:
    en, ko = AREA_TITLES.get(area, (area, area))
    return ko if lang == "ko" else en


def family_scores(rules: Iterable[str]) -> dict[str, float]:
    """Per family: the share (0–100) of its rules that the design did not trigger."""
    triggered = set(rules)
    return {
        family: round(100.0 * (1 - len(triggered & set(ids)) / len(ids)), 1)
        for family, ids in RULE_FAMILIES.items()
    }


@dataclass(frozen=True)
class Point:
    at: datetime
    score: float
    kind: str
    item: str

    def to_json(self) -> dict[str, Any]:
        return {"at": iso(self.at), "score": self.score, "kind": self.kind, "item": self.item}


@dataclass(frozen=True)
class Series:
    """Scores of one area (or scenario, or track), oldest first."""

    points: tuple[Point, ...] = ()

    @property
    def count(self) -> int:
        return len(self.points)

    @property
    def last(self) -> float | None:
        return self.points[-1].score if self.points else None

    @property
    def best(self) -> float | None:
        return max(p.score for p in self.points) if self.points else None

    @property
    def mean(self) -> float | None:
        if not self.points:
            return None
        return round(sum(p.score for p in self.points) / len(self.points), 1)

    @property
    def trend(self) -> float | None:
        """Mean of the last three minus mean of the first three (None below two points)."""
        if len(self.points) < 2:
            return None
        k = min(3, len(self.points) // 2)
        head = [p.score for p in self.points[:k]]
        tail = [p.score for p in self.points[-k:]]
        return round(sum(tail) / k - sum(head) / k, 1)

    def daily(self, tz: tzinfo) -> list[tuple[date, float]]:
        """Mean score per calendar day in `tz`, oldest first."""
        days: dict[date, list[float]] = {}
        for p in self.points:
            days.setdefault(p.at.astimezone(tz).date(), []).append(p.score)
        return [(d, round(sum(v) / len(v), 1)) for d, v in sorted(days.items())]

    def summary(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "last": self.last,
            "best": self.best,
            "mean": self.mean,
            "trend": self.trend,
        }


@dataclass(frozen=True)
class Progress:
    """Everything `sysdesign progress` shows."""

    now: datetime
    since: datetime | None
    tz: tzinfo
    areas: dict[str, Series]
    scenarios: dict[str, Series]
    tracks: dict[str, Series]
    drills: dict[str, dict[str, int]]  # metric → grade → count
    streak: int
    longest_streak: int
    totals: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(s.points for s in self.areas.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "since": iso(self.since) if self.since else None,
            "now": iso(self.now),
            "areas": {name: [p.to_json() for p in s.points] for name, s in self.areas.items()},
            "summary": {name: s.summary() for name, s in self.areas.items()},
            "scenarios": {
                sid: {**s.summary(), "scores": [p.to_json() for p in s.points]}
                for sid, s in self.scenarios.items()
            },
            "tracks": {
                tid: {**s.summary(), "scores": [p.to_json() for p in s.points]}
                for tid, s in self.tracks.items()
            },
            "drills": self.drills,
            "streak": self.streak,
            "totals": self.totals,
        }


def _finite(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _number(value: Any) -> float | None:
    """A score clamped to 0–100, or None when `value` is not a finite number."""
    v = _finite(value)
    return None if v is None else round(min(100.0, max(0.0, v)), 1)


def session_areas(payload: Mapping[str, Any]) -> dict[str, float]:
    """A session's score per area, 0–100: its `areas`, else summed from its `breakdown`
    (`[{area, points, max}]`, as the session report lists every point)."""
    given = payload.get("areas")
    if isinstance(given, Mapping):
        out = {a: _number(given.get(a)) for a in SESSION_AREAS}
        return {a: v for a, v in out.items() if v is not None}
    breakdown = payload.get("breakdown")
    if not isinstance(breakdown, list):
        return {}
    sums: dict[str, list[float]] = {}
    for entry in breakdown:
        if not isinstance(entry, Mapping) or entry.get("area") not in SESSION_AREAS:
            continue
        got, most = _finite(entry.get("points")), _finite(entry.get("max"))
        if got is None or most is None:
            continue
        pair = sums.setdefault(str(entry["area"]), [0.0, 0.0])
        pair[0] += got
        pair[1] += most
    return {
        a: round(min(100.0, max(0.0, 100.0 * got / most)), 1)
        for a, (got, most) in sums.items()
        if most > 0
    }


def _points(results: Sequence[ResultLike]) -> dict[str, list[Point]]:
    areas: dict[str, list[Point]] = {a: [] for a in AREAS}
    for r in results:
        at = parse_at(r.at)
        payload = r.payload if isinstance(r.payload, Mapping) else {}
        if r.kind == "session":
            for area, score in session_areas(payload).items():
                areas[area].append(Point(at, score, r.kind, r.item))
            rules = str_list(payload, "rules")
            if rules is not None:
                for family, score in family_scores(rules).items():
                    areas[f"design.{family}"].append(Point(at, score, r.kind, r.item))
        elif r.kind in ("drill", "star"):
            value = _number(r.score)
            if value is not None:
                area = "estimation" if r.kind == "drill" else "star"
                areas[area].append(Point(at, value, r.kind, r.item))
    return areas


def practice_days(results: Iterable[ResultLike], tz: tzinfo) -> list[date]:
    return sorted({parse_at(r.at).astimezone(tz).date() for r in results})


def streaks(days: Sequence[date], today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive practice days. The current run is alive while its
    last day is today or yesterday: a streak does not break before the day is over."""
    longest = run = 0
    previous: date | None = None
    for d in days:
        run = run + 1 if previous is not None and d - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = d
    current = run if previous is not None and (today - previous).days <= 1 else 0
    return current, longest


def build_progress(
    results: Sequence[ResultLike],
    *,
    now: datetime,
    tz: tzinfo = UTC,
    since: datetime | None = None,
    tracks_of: Callable[[str], Sequence[str]] | None = None,
) -> Progress:
    """Scores over time from stored results (oldest first); `since` keeps the later ones.

    The streak counts every result; the rest only those since `since`. A session's track is its
    payload's `track`, else every track `tracks_of(scenario)` names.
    """
    ordered = sorted(results, key=lambda r: parse_at(r.at))
    kept = [r for r in ordered if since is None or parse_at(r.at) >= since]
    areas = {name: Series(tuple(points)) for name, points in _points(kept).items()}

    by_scenario: dict[str, list[Point]] = {}
    by_track: dict[str, list[Point]] = {}
    drills: dict[str, dict[str, int]] = {}
    for r in kept:
        at = parse_at(r.at)
        payload = r.payload if isinstance(r.payload, Mapping) else {}
        score = _number(r.score)
        if r.kind == "session" and score is not None:
            point = Point(at, score, r.kind, r.item)
            by_scenario.setdefault(r.item, []).append(point)
            track = payload.get("track")
            tracks = [track] if isinstance(track, str) and track else []
            if not tracks and tracks_of is not None:
                tracks = list(tracks_of(r.item))
            for t in tracks:
                by_track.setdefault(t, []).append(point)
        elif r.kind == "drill":
            grade = payload.get("grade")
            name = grade if isinstance(grade, str) and grade else "unknown"
            counts = drills.setdefault(r.item, {})
            counts[name] = counts.get(name, 0) + 1

    current, longest = streaks(practice_days(ordered, tz), now.astimezone(tz).date())
    kinds = [r.kind for r in kept]
    totals: dict[str, Any] = {
        "results": len(kept),
        "sessions": kinds.count("session"),
        "drills": kinds.count("drill"),
        "star": kinds.count("star"),
        "days_practised": len(practice_days(kept, tz)),
        "longest_streak": longest,
        "first": iso(parse_at(kept[0].at)) if kept else None,
        "last": iso(parse_at(kept[-1].at)) if kept else None,
    }
    return Progress(
        now=now,
        since=since,
        tz=tz,
        areas=areas,
        scenarios={k: Series(tuple(v)) for k, v in sorted(by_scenario.items())},
        tracks={k: Series(tuple(v)) for k, v in sorted(by_track.items())},
        drills={k: dict(sorted(v.items())) for k, v in sorted(drills.items())},
        streak=current,
        longest_streak=longest,
        totals=totals,
    )


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], lo: float = 0.0, hi: float = 100.0) -> str:
    """One block character per value, scaled between `lo` and `hi`."""
    span = hi - lo or 1.0
    out = []
    for v in values:
        level = int((min(hi, max(lo, v)) - lo) / span * (len(SPARKS) - 1) + 0.5)
        out.append(SPARKS[level])
    return "".join(out)


def bar(value: float, width: int = 20, hi: float = 100.0) -> str:
    """A horizontal bar of eighth-blocks, `width` cells for `hi`."""
    eighths = round(max(0.0, min(hi, value)) / hi * width * 8)
    full, part = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[part] if part else ""
    return ("█" * full + partial).ljust(width)


def parse_since(text: str, now: datetime, tz: tzinfo = UTC) -> datetime:
    """`2025-01-31`, an ISO date-time, or a span back from now: `7d`, `2w`, `3m` (30-day months)."""
    raw = text.strip().lower()
    units = {"d": 1, "w": 7, "m": 30}
    if raw[-1:] in units and raw[:-1].isascii() and raw[:-1].isdigit():
        days = int(raw[:-1]) * units[raw[-1]] if len(raw) < 12 else None
        # Farther back than 100 years is before any practice: a typo, or `datetime` overflow.
        if days is None or days > 36_600:
            from sysdesign.errors import UsageError

            raise UsageError(
                f"--since: {text[:20]!r} reaches back more than 100 years; give a date or a "
                "shorter span (7d, 2w, 3m) / --since: 100년보다 먼 과거입니다. 날짜나 더 짧은 "
                "기간(7d, 2w, 3m)을 쓰세요"
            )
        return now - timedelta(days=days)
    try:
        if len(raw) == 10:
            d = date.fromisoformat(raw)
            return datetime(d.year, d.month, d.day, tzinfo=tz)
        at = datetime.fromisoformat(text.strip())
    except ValueError:
        from sysdesign.errors import UsageError

        raise UsageError(
            f"--since: cannot read {text!r}: use a date (2025-01-31) or a span (7d, 2w, 3m) / "
            f"--since: {josa(repr(text), '을/를')} 읽을 수 없습니다: 날짜(2025-01-31)나 기간(7d, 2w, 3m)을 쓰세요"
        ) from None
    return at if at.tzinfo is not None else at.replace(tzinfo=tz)
