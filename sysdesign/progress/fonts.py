"""Fonts that draw Hangul, for the progress charts.

The PNG rasterises its labels with an outline font that has Hangul glyphs. It looks, in order,
at SYSDESIGN_FONT (a .ttf/.otf/.ttc path), at Noto Sans KR as shipped in the
`pylopdf-fonts-ko` wheel (a dependency: SIL Open Font License), then at the system's Korean
fonts (Debian's fonts-nanum, which setup.sh installs; Noto CJK; the macOS and Windows Korean
fonts). When none is found, the PNG falls back to its built-in ASCII font with English labels
and says so. The SVG names a font stack and lets the viewer pick the first it has.
"""

from __future__ import annotations

import os
from pathlib import Path

#: For SVG `font-family`: Korean-capable faces first, a generic family last.
SVG_FONT_STACK = (
    "'Noto Sans KR', 'Noto Sans CJK KR', NanumGothic, 'Apple SD Gothic Neo', "
    "'Malgun Gothic', sans-serif"
)

SYSTEM_FONTS = (
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/AppleSDGothicNeo.ttc",
    "C:/Windows/Fonts/malgun.ttf",
)


def _wheel_font() -> Path | None:
    """Noto Sans KR from the `pylopdf_fonts_ko` package, found without importing it."""
    from importlib.util import find_spec

    try:
        spec = find_spec("pylopdf_fonts_ko")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "NotoSansKR-Regular.otf"
        if path.is_file():
            return path
    return None


def hangul_font() -> Path | None:
    """The first outline font with Hangul found (see the module's docstring), or None."""
    explicit = os.environ.get("SYSDESIGN_FONT")
    if explicit:
        return Path(explicit) if Path(explicit).is_file() else None
    found = _wheel_font()
    if found is not None:
        return found
    for name in SYSTEM_FONTS:
        if Path(name).is_file():
            return Path(name)
    return None
