"""A progress chart as SVG text: the same small multiples as the PNG, labels in Korean or
English, set in a font stack whose first faces have Hangul (`fonts.SVG_FONT_STACK`).

Every label is XML-escaped (a scenario id or a title cannot break the markup), numbers are
written with fixed precision, and nothing depends on the clock, so the output is stable
enough to compare with a golden file.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from sysdesign.progress.chart import Chart, Panel
from sysdesign.progress.fonts import SVG_FONT_STACK
from sysdesign.progress.png import (
    AXIS,
    COLUMNS,
    GRID,
    HEADER_H,
    INK,
    MARGIN,
    MUTED,
    PALETTE,
    PANEL_H,
    PANEL_W,
    RGB,
    WIDTH,
)

if TYPE_CHECKING:
    from sysdesign.progress.areas import Progress

PANEL_BG: RGB = (248, 249, 250)


def _hex(color: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


def _text(x: float, y: float, text: str, color: RGB, size: int, anchor: str = "start") -> str:
    return (
        f'<text x="{x:g}" y="{y:g}" font-size="{size}" fill="{_hex(color)}"'
        + (f' text-anchor="{anchor}"' if anchor != "start" else "")
        + f">{escape(text)}</text>"
    )


def render_svg(chart: Chart) -> str:
    """Small multiples on a shared date axis, two columns; an SVG document."""
    shown = list(chart.panels) or [Panel(chart.no_data, [])]
    rows = (len(shown) + COLUMNS - 1) // COLUMNS
    height = HEADER_H + rows * (PANEL_H + MARGIN) + MARGIN
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f"font-family={quoteattr(SVG_FONT_STACK)}>",
        f"<title>{escape(chart.title)}</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        _text(MARGIN, 32, chart.title, INK, 24),
        _text(MARGIN, 50, chart.subtitle, MUTED, 14),
    ]
    days = sorted({d for p in shown for d, _ in p.points})
    first, last = (days[0], days[-1]) if days else (None, None)
    for i, panel in enumerate(shown):
        col, row = i % COLUMNS, i // COLUMNS
        x = MARGIN + col * (PANEL_W + MARGIN + 1)
        y = HEADER_H + row * (PANEL_H + MARGIN)
        out += _panel(x, y, panel, PALETTE[i % len(PALETTE)], first, last, chart.no_data)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _panel(
    x: int,
    y: int,
    panel: Panel,
    color: RGB,
    first: date | None,
    last: date | None,
    no_data: str,
) -> list[str]:
    out = [
        "<g>",
        f'<rect x="{x}" y="{y}" width="{PANEL_W}" height="{PANEL_H}" fill="{_hex(PANEL_BG)}"/>',
        _text(x + 8, y + 21, panel.title, INK, 15),
    ]
    if panel.points:
        out.append(_text(x + PANEL_W - 8, y + 21, f"{panel.points[-1][1]:.0f}", color, 15, "end"))
    left, top = x + 34, y + 32
    plot_w, plot_h = PANEL_W - 34 - 12, PANEL_H - 32 - 22
    for level in (0, 25, 50, 75, 100):
        gy = top + plot_h - round(level / 100 * plot_h)
        stroke = _hex(AXIS if level == 0 else GRID)
        out.append(f'<rect x="{left}" y="{gy}" width="{plot_w}" height="1" fill="{stroke}"/>')
        if level in (0, 50, 100):
            out.append(_text(left - 6, gy + 4, str(level), MUTED, 11, "end"))
    if first is not None and last is not None:
        out.append(_text(left, top + plot_h + 17, first.isoformat(), MUTED, 11))
        out.append(_text(left + plot_w, top + plot_h + 17, last.isoformat(), MUTED, 11, "end"))
    if not panel.points or first is None or last is None:
        out.append(_text(left + 8, top + plot_h // 2 + 4, no_data, MUTED, 11))
        out.append("</g>")
        return out
    span = max(1, (last - first).days)
    coords = [
        (
            left + 4 + round((d - first).days / span * (plot_w - 8)),
            top + plot_h - round(max(0.0, min(100.0, s)) / 100 * plot_h),
        )
        for d, s in panel.points
    ]
    points = " ".join(f"{px},{py}" for px, py in coords)
    out.append(f'<polyline points="{points}" fill="none" stroke="{_hex(color)}" stroke-width="2"/>')
    out += [f'<circle cx="{px}" cy="{py}" r="3.5" fill="{_hex(color)}"/>' for px, py in coords]
    out.append("</g>")
    return out


def progress_svg(progress: Progress, lang: str = "en") -> str:
    """`sysdesign progress --svg`: one panel per area with scores, then one per scenario."""
    from sysdesign.progress.chart import chart_of

    return render_svg(chart_of(progress, lang))
