"""A progress chart as a PNG, drawn in pure Python (zlib + struct), with no plotting library.

Why not a plotting library: the one that writes PNGs brings tens of megabytes of dependencies
and a second of import time for a dozen line charts; the terminal charts need none of it. This
module draws small multiples (one panel per area: daily mean scores on a shared date axis,
gridlines at 0/25/50/75/100). Labels are rasterised from an outline font with Hangul
(`sysdesign.progress.fonts`, through Pillow's FreeType), so the chart reads in Korean or
English. Without such a font it falls back to a built-in 5×7 ASCII font and English labels,
and says so.
"""

from __future__ import annotations

import itertools
import struct
import zlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sysdesign.progress.chart import Chart, Panel

if TYPE_CHECKING:
    from sysdesign.progress.areas import Progress

RGB = tuple[int, int, int]

WHITE: RGB = (255, 255, 255)
INK: RGB = (40, 44, 52)
GRID: RGB = (225, 228, 232)
AXIS: RGB = (160, 165, 172)
MUTED: RGB = (120, 125, 132)
PALETTE: tuple[RGB, ...] = (
    (31, 119, 180),
    (214, 39, 40),
    (44, 160, 44),
    (148, 103, 189),
    (255, 127, 14),
    (23, 190, 207),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
    (188, 189, 34),
    (57, 59, 121),
)

# 5×7 glyphs, rows top to bottom, '#' = ink.
_GLYPHS: dict[str, str] = {
    "A": ".###.|#...#|#...#|#####|#...#|#...#|#...#",
    "B": "####.|#...#|#...#|####.|#...#|#...#|####.",
    "C": ".###.|#...#|#....|#....|#....|#...#|.###.",
    "D": "####.|#...#|#...#|#...#|#...#|#...#|####.",
    "E": "#####|#....|#....|####.|#....|#....|#####",
    "F": "#####|#....|#....|####.|#....|#....|#....",
    "G": ".###.|#...#|#....|#.###|#...#|#...#|.####",
    "H": "#...#|#...#|#...#|#####|#...#|#...#|#...#",
    "I": ".###.|..#..|..#..|..#..|..#..|..#..|.###.",
    "J": "..###|...#.|...#.|...#.|...#.|#..#.|.##..",
    "K": "#...#|#..#.|#.#..|##...|#.#..|#..#.|#...#",
    "L": "#....|#....|#....|#....|#....|#....|#####",
    "M": "#...#|##.##|#.#.#|#.#.#|#...#|#...#|#...#",
    "N": "#...#|#...#|##..#|#.#.#|#..##|#...#|#...#",
    "O": ".###.|#...#|#...#|#...#|#...#|#...#|.###.",
    "P": "####.|#...#|#...#|####.|#....|#....|#....",
    "Q": ".###.|#...#|#...#|#...#|#.#.#|#..#.|.##.#",
    "R": "####.|#...#|#...#|####.|#.#..|#..#.|#...#",
    "S": ".####|#....|#....|.###.|....#|....#|####.",
    "T": "#####|..#..|..#..|..#..|..#..|..#..|..#..",
    "U": "#...#|#...#|#...#|#...#|#...#|#...#|.###.",
    "V": "#...#|#...#|#...#|#...#|#...#|.#.#.|..#..",
    "W": "#...#|#...#|#...#|#.#.#|#.#.#|#.#.#|.#.#.",
    "X": "#...#|#...#|.#.#.|..#..|.#.#.|#...#|#...#",
    "Y": "#...#|#...#|.#.#.|..#..|..#..|..#..|..#..",
    "Z": "#####|....#|...#.|..#..|.#...|#....|#####",
    "0": ".###.|#...#|#..##|#.#.#|##..#|#...#|.###.",
    "1": "..#..|.##..|..#..|..#..|..#..|..#..|.###.",
    "2": ".###.|#...#|....#|...#.|..#..|.#...|#####",
    "3": "#####|...#.|..#..|...#.|....#|#...#|.###.",
    "4": "...#.|..##.|.#.#.|#..#.|#####|...#.|...#.",
    "5": "#####|#....|####.|....#|....#|#...#|.###.",
    "6": "..##.|.#...|#....|####.|#...#|#...#|.###.",
    "7": "#####|....#|...#.|..#..|.#...|.#...|.#...",
    "8": ".###.|#...#|#...#|.###.|#...#|#...#|.###.",
    "9": ".###.|#...#|#...#|.####|....#|...#.|.##..",
    " ": ".....|.....|.....|.....|.....|.....|.....",
    ".": ".....|.....|.....|.....|.....|.##..|.##..",
    "-": ".....|.....|.....|#####|.....|.....|.....",
    "_": ".....|.....|.....|.....|.....|.....|#####",
    ":": ".....|.##..|.##..|.....|.##..|.##..|.....",
    "/": ".....|....#|...#.|..#..|.#...|#....|.....",
    "%": "##..#|##.#.|...#.|..#..|.#...|.#.##|#..##",
    "(": "...#.|..#..|.#...|.#...|.#...|..#..|...#.",
    ")": ".#...|..#..|...#.|...#.|...#.|..#..|.#...",
    "+": ".....|..#..|..#..|#####|..#..|..#..|.....",
    "?": ".###.|#...#|....#|...#.|..#..|.....|..#..",
}
FONT: dict[str, tuple[str, ...]] = {ch: tuple(g.split("|")) for ch, g in _GLYPHS.items()}
GLYPH_W, GLYPH_H = 5, 7


class Canvas:
    """An RGB pixel buffer with the few drawing operations a line chart needs."""

    def __init__(self, width: int, height: int, background: RGB = WHITE) -> None:
        self.width = width
        self.height = height
        self.pixels = bytearray(bytes(background) * (width * height))

    def set(self, x: int, y: int, color: RGB) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            i = (y * self.width + x) * 3
            self.pixels[i : i + 3] = bytes(color)

    def get(self, x: int, y: int) -> RGB:
        i = (y * self.width + x) * 3
        return (self.pixels[i], self.pixels[i + 1], self.pixels[i + 2])

    def rect(self, x: int, y: int, w: int, h: int, color: RGB) -> None:
        for yy in range(max(0, y), min(self.height, y + h)):
            start = (yy * self.width + max(0, x)) * 3
            end = (yy * self.width + min(self.width, x + w)) * 3
            if end > start:
                self.pixels[start:end] = bytes(color) * ((end - start) // 3)

    def line(self, x0: int, y0: int, x1: int, y1: int, color: RGB, thickness: int = 1) -> None:
        """Bresenham's line, `thickness` pixels wide."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err = dx + dy
        half = thickness // 2
        while True:
            self.rect(x0 - half, y0 - half, thickness, thickness, color)
            if x0 == x1 and y0 == y1:
                return
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def text(self, x: int, y: int, text: str, color: RGB = INK, scale: int = 1) -> int:
        """Draw `text` (upper-cased; unknown characters as '?'); returns the x after it."""
        for ch in text.upper():
            glyph = FONT.get(ch, FONT["?"])
            for row, bits in enumerate(glyph):
                for col, bit in enumerate(bits):
                    if bit == "#":
                        self.rect(x + col * scale, y + row * scale, scale, scale, color)
            x += (GLYPH_W + 1) * scale
        return x

    def to_png(self) -> bytes:
        return encode_png(self.width, self.height, bytes(self.pixels))


def text_width(text: str, scale: int = 1) -> int:
    return len(text) * (GLYPH_W + 1) * scale


def encode_png(width: int, height: int, rgb: bytes) -> bytes:
    """An 8-bit RGB PNG (filter type 0 on every row), as the PNG specification lays it out."""
    stride = width * 3
    raw = b"".join(b"\x00" + rgb[y * stride : (y + 1) * stride] for y in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


#: Text sizes: whole-pixel scales of the 5×7 font, pixel sizes of an outline font.
BITMAP_SCALES = {"title": 3, "large": 2, "small": 1}
OUTLINE_PIXELS = {"title": 24, "large": 15, "small": 11}


class BitmapPen:
    """The built-in 5×7 ASCII font (upper case), scaled by whole pixels."""

    def width(self, text: str, size: str) -> int:
        return text_width(text, BITMAP_SCALES[size])

    def draw(self, canvas: Canvas, x: int, y: int, text: str, color: RGB, size: str) -> None:
        ascii_text = text.replace("·", "-").replace("–", "-")
        canvas.text(x, y, ascii_text, color, scale=BITMAP_SCALES[size])


class OutlinePen:
    """An outline font (TrueType/OpenType) rasterised with anti-aliasing by Pillow."""

    def __init__(self, path: Path) -> None:
        from PIL import ImageFont

        self.fonts = {
            size: ImageFont.truetype(str(path), px, layout_engine=ImageFont.Layout.BASIC)
            for size, px in OUTLINE_PIXELS.items()
        }

    def width(self, text: str, size: str) -> int:
        return round(self.fonts[size].getlength(text))

    def draw(self, canvas: Canvas, x: int, y: int, text: str, color: RGB, size: str) -> None:
        from PIL import Image, ImageDraw

        font = self.fonts[size]
        box = font.getbbox(text, anchor="lt")
        left, top = min(0, int(box[0])), min(0, int(box[1]))
        w, h = int(box[2]) - left, int(box[3]) - top
        if w <= 0 or h <= 0:
            return
        mask = Image.new("L", (w, h), 0)
        ImageDraw.Draw(mask).text((-left, -top), text, font=font, fill=255, anchor="lt")
        alpha = mask.tobytes()
        r, g, b = color
        for row in range(h):
            yy = y + row + top
            if not 0 <= yy < canvas.height:
                continue
            for col in range(w):
                a = alpha[row * w + col]
                xx = x + col + left
                if a == 0 or not 0 <= xx < canvas.width:
                    continue
                ur, ug, ub = canvas.get(xx, yy)
                canvas.set(
                    xx,
                    yy,
                    (ur + (r - ur) * a // 255, ug + (g - ug) * a // 255, ub + (b - ub) * a // 255),
                )


Pen = BitmapPen | OutlinePen


def hangul_pen() -> OutlinePen | None:
    """A pen that writes Hangul, or None when no font with Hangul (or no Pillow) is found."""
    from sysdesign.progress.fonts import hangul_font

    path = hangul_font()
    if path is None:
        return None
    try:
        return OutlinePen(path)
    except (ImportError, OSError):
        return None


WIDTH = 960
PANEL_W, PANEL_H = 460, 170
MARGIN = 13
HEADER_H = 56
COLUMNS = 2


def render_panels(chart: Chart, pen: Pen) -> bytes:
    """Small multiples on a shared date axis, two columns; PNG bytes."""
    shown = list(chart.panels) or [Panel(chart.no_data, [])]
    rows = (len(shown) + COLUMNS - 1) // COLUMNS
    height = HEADER_H + rows * (PANEL_H + MARGIN) + MARGIN
    canvas = Canvas(WIDTH, height)
    pen.draw(canvas, MARGIN, 10, chart.title, INK, "title")
    pen.draw(canvas, MARGIN, 12 + 8 * 3, chart.subtitle, MUTED, "large")
    days = sorted({d for p in shown for d, _ in p.points})
    first, last = (days[0], days[-1]) if days else (None, None)
    for i, panel in enumerate(shown):
        col, row = i % COLUMNS, i // COLUMNS
        x = MARGIN + col * (PANEL_W + MARGIN + 1)
        y = HEADER_H + row * (PANEL_H + MARGIN)
        _panel(canvas, pen, x, y, panel, PALETTE[i % len(PALETTE)], first, last, chart.no_data)
    return canvas.to_png()


def _panel(
    canvas: Canvas,
    pen: Pen,
    x: int,
    y: int,
    panel: Panel,
    color: RGB,
    first: date | None,
    last: date | None,
    no_data: str,
) -> None:
    canvas.rect(x, y, PANEL_W, PANEL_H, (248, 249, 250))
    pen.draw(canvas, x + 8, y + 8, panel.title, INK, "large")
    if panel.points:
        latest = f"{panel.points[-1][1]:.0f}"
        pen.draw(
            canvas, x + PANEL_W - 8 - pen.width(latest, "large"), y + 8, latest, color, "large"
        )
    left, top = x + 34, y + 32
    plot_w, plot_h = PANEL_W - 34 - 12, PANEL_H - 32 - 22
    for level in (0, 25, 50, 75, 100):
        gy = top + plot_h - round(level / 100 * plot_h)
        canvas.rect(left, gy, plot_w, 1, AXIS if level == 0 else GRID)
        if level in (0, 50, 100):
            label = str(level)
            pen.draw(canvas, left - 6 - pen.width(label, "small"), gy - 4, label, MUTED, "small")
    if first is not None and last is not None:
        pen.draw(canvas, left, top + plot_h + 7, first.isoformat(), MUTED, "small")
        end = last.isoformat()
        pen.draw(
            canvas, left + plot_w - pen.width(end, "small"), top + plot_h + 7, end, MUTED, "small"
        )
    if not panel.points or first is None or last is None:
        pen.draw(canvas, left + 8, top + plot_h // 2 - 4, no_data, MUTED, "small")
        return
    span = max(1, (last - first).days)

    def at(d: date, score: float) -> tuple[int, int]:
        px = left + 4 + round((d - first).days / span * (plot_w - 8))
        py = top + plot_h - round(max(0.0, min(100.0, score)) / 100 * plot_h)
        return px, py

    coords = [at(d, s) for d, s in panel.points]
    for (x0, y0), (x1, y1) in itertools.pairwise(coords):
        canvas.line(x0, y0, x1, y1, color, thickness=2)
    for px, py in coords:
        canvas.rect(px - 3, py - 3, 7, 7, color)


def no_font_notice(lang: str) -> str:
    if lang == "ko":
        return (
            "한글 글꼴을 찾지 못해 PNG의 라벨을 영어로 씁니다. SYSDESIGN_FONT에 .ttf/.otf 파일을 "
            "지정하거나 fonts-nanum 패키지를 설치하세요"
        )
    return (
        "no font with Hangul found: the PNG is labelled in English with a built-in ASCII "
        "font; set SYSDESIGN_FONT to a .ttf/.otf file or install fonts-nanum"
    )


def progress_png(progress: Progress, lang: str = "en") -> tuple[bytes, str | None]:
    """`sysdesign progress --png`: one panel per area with scores, then one per scenario.

    Returns the PNG and, when no font with Hangul was found, a notice for the user (the chart
    then uses the built-in ASCII font and English labels).
    """
    from sysdesign.progress.chart import chart_of

    pen = hangul_pen()
    if pen is None:
        return render_panels(chart_of(progress, "en"), BitmapPen()), no_font_notice(lang)
    return render_panels(chart_of(progress, lang), pen), None
