"""What a progress chart shows, in the reader's language: shared by the PNG and the SVG.

Small multiples: one panel per area with scores, then one per scenario, each with its daily
mean scores (0–100) on a date axis shared by every panel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sysdesign import messages

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


def chart_of(progress: Progress, lang: str) -> Chart:
    """The chart of `sysdesign progress`: titles and labels in `lang`."""
    from sysdesign.progress.areas import area_title

    panels = [
        Panel(area_title(name, lang), series.daily(progress.tz))
        for name, series in progress.areas.items()
        if series.points
    ]
    panels += [
        Panel(messages.render("progress.chart.scenario", lang, sid=sid), series.daily(progress.tz))
        for sid, series in progress.scenarios.items()
    ]
    first, last = progress.totals.get("first"), progress.totals.get("last")
    results = progress.totals.get("results", 0)
    if first and last:
        span = f"{str(first)[:10]} – {str(last)[:10]}"
    else:
        span = messages.render("progress.chart.no_results_yet", lang)
    subtitle = messages.render(
        "progress.chart.streak_day_s_result_s",
        lang,
        span=span,
        streak=progress.streak,
        results=results,
    )
    return Chart(
        title=messages.render("progress.chart.sysdesign_progress", lang),
        subtitle=subtitle,
        panels=panels,
        no_data=messages.render("progress.chart.no_data", lang),
    )
