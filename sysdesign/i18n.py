"""Language choice and bilingual text.

Every text a user sees exists in Korean and English. Data files carry both as `{ko, en}`;
code carries both as `say(lang, en=..., ko=...)`.
"""

from __future__ import annotations

import os
from typing import Literal

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")


def resolve_lang(explicit: str | None = None) -> Lang:
    """`--lang`, else SYSDESIGN_LANG, else the locale (`ko_*` gives Korean), else English."""
    for candidate in (explicit, os.environ.get("SYSDESIGN_LANG")):
        if candidate:
            low = candidate.strip().lower()
            if low.startswith("ko"):
                return "ko"
            if low.startswith("en"):
                return "en"
            from sysdesign.errors import UsageError

            raise UsageError(
                f"unknown language {candidate!r}: use 'ko' or 'en' / "
                f"알 수 없는 언어 {candidate!r}: 'ko' 또는 'en'을 쓰세요"
            )
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def say(lang: str, *, en: str, ko: str) -> str:
    """Pick the text for `lang`."""
    return ko if lang == "ko" else en
