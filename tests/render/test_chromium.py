"""The HTML review in headless Chromium: loads without console errors, is not blank, and its
DOM holds the score and every component's label."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from sysdesign.library import load_design
from tests.helpers import invoke
from tests.render.conftest import DESIGN

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or shutil.which("dot") is None,
    reason="needs Debian's `chromium` and Graphviz's `dot` (.ci/run installs both)",
)


def _chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    base = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--enable-logging=stderr",
        "--v=0",
        f"--user-data-dir={profile}",
    ]
    return subprocess.run(base + args, capture_output=True, text=True, timeout=120, check=False)


def _console_errors(stderr: str) -> list[str]:
    """Console messages Chromium logs for the page (`INFO:CONSOLE:<line>] "…", source: …`).

    Chromium logs console.error, uncaught exceptions and blocked resources all as CONSOLE lines
    without a level, and the pages have no script of their own, so any such line is an error.
    """
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG (all five row filters) into rows of raw pixels."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = bit_depth = color = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, bit_depth, color = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert bit_depth == 8 and color in (2, 6), (bit_depth, color)
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    i = 0
    for _ in range(height):
        ftype = raw[i]
        line = bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, bpp, rows


def _luma_variance(data: bytes) -> float:
    width, bpp, rows = _png_pixels(data)
    values = []
    for row in rows[::4]:
        for x in range(0, width * bpp, bpp * 4):
            r, g, b = row[x], row[x + 1], row[x + 2]
            values.append(0.299 * r + 0.587 * g + 0.114 * b)
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


def test_review_page_in_headless_chromium(tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    code, _, err = invoke("export", "html", str(DESIGN), "-o", str(page), "--lang", "ko")
    assert code == 0, err
    url = page.resolve().as_uri()

    shot = tmp_path / "shot.png"
    proc = _chromium(
        [f"--screenshot={shot}", "--window-size=1280,1600", url], tmp_path / "profile-a"
    )
    assert shot.exists(), proc.stderr[-2000:]
    assert _console_errors(proc.stderr) == []
    assert _luma_variance(shot.read_bytes()) > 100, "the screenshot is blank"

    proc = _chromium(["--dump-dom", url], tmp_path / "profile-b")
    dom = proc.stdout
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _console_errors(proc.stderr) == []
    match = re.search(r'id="score".*?class="value"[^>]*>\s*([\d.]+|—)', dom, re.DOTALL)
    assert match, "no score in the DOM"
    design = load_design(DESIGN)
    text = re.sub(r"&amp;", "&", re.sub(r"&lt;", "<", re.sub(r"&gt;", ">", dom)))
    for cid in design.components:
        assert design.label_of(cid) in text, design.label_of(cid)
    assert "<svg" in dom


def test_console_error_detection_works(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text("<html><body>x<script>undefined_function();</script></body></html>")
    proc = _chromium(["--dump-dom", page.resolve().as_uri()], tmp_path / "profile")
    assert any("undefined_function" in line for line in _console_errors(proc.stderr))


def test_hostile_page_runs_no_script(tmp_path: Path) -> None:
    src = tmp_path / "hostile.yaml"
    src.write_text(
        "components:\n"
        "  u: {kind: client, label: \"<script>document.title='PWNED'</script>\"}\n"
        '  s: {kind: service, label: "<img src=x onerror=\\"document.title=\'PWNED\'\\">"}\n'
        "connections: ['u -> s']\n"
    )
    page = tmp_path / "hostile.html"
    code, _, err = invoke("export", "html", str(src), "-o", str(page))
    assert code == 0, err
    proc = _chromium(["--dump-dom", page.resolve().as_uri()], tmp_path / "profile")
    dom = proc.stdout
    assert "PWNED" not in re.search(r"<title>(.*?)</title>", dom, re.DOTALL).group(1)  # type: ignore[union-attr]
    assert "<script" not in dom.lower()
    assert "&lt;script&gt;" in dom
