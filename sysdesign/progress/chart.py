"""What a progress chart shows, in the reader's language: shared by the PNG and the SVG.

Small multiples: one panel per area with scores, then one per scenario, each with its daily
mean scores (0–100) on a date axis shared by every panel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sysdesign.progress.areas import Progress


@dataclass(frozen=True)
class Panel:
    """One small chart: a title and (day, score 0–100) points, oldest first."""

    title: str
    points: Sequence[tuple[date, float]]


@dataclass(frozen=True)
class Chart:
    title: str
    subtitle: str
    panels: Sequence[Panel]
    no_data: str  # what an empty panel says


def _say(lang: str, en: str, ko: str) -> str:
    return ko if lang == "ko" else en


def chart_of(progress: Progress, lang: str) -> Chart:
    """The chart of `sysdesign progress`: titles and labels in `lang`."""
    from sysdesign.progress.areas import area_title

    panels = [
        Panel(area_title(name, lang), series.daily(progress.tz))
        for name, series in progress.areas.items()
        if series.points
    ]
    panels += [
        Panel(_say(lang, f"Scenario: {sid}", f"시나리오: {sid}"), series.daily(progress.tz))
        for sid, series in progress.scenarios.items()
    ]
    first, last = progress.totals.get("first"), progress.totals.get("last")
    results = progress.totals.get("results", 0)
    if first and last:
        span = f"{str(first)[:10]} – {str(last)[:10]}"
    else:
        span = _say(lang, "no results yet", "아직 결과가 없습니다")
    subtitle = _say(
        lang,
        f"{span} · streak {progress.streak} day(s) · {results} result(s)",
        f"{span} · 연속 {progress.streak}일 · 결과 {results}회",
    )
    return Chart(
        title=_say(lang, "sysdesign progress", "sysdesign 연습 현황"),
        subtitle=subtitle,
        panels=panels,
        no_data=_say(lang, "no data", "데이터 없음"),
    )
