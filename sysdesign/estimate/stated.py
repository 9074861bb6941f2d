"""Figures a candidate states in words ("about 46k writes/s", "초당 5만 건", "30TB/년",
"1.2 GB/s"), read with the project's unit parser and matched to the estimator's figures.

`stated_figures(texts)` finds every rate, size per period and byte rate in what the candidate
typed, with the sentence it came from. `grade_stated(stated, computed, names)` picks, for each
key figure, the candidate's closest statement of that kind and grades it as the drill does:
within ×2 good, within ×10 the right order of magnitude, else off, naming the likely slip.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from sysdesign.errors import UsageError
from sysdesign.estimate import units

Measure = Literal["rate", "storage_day", "storage_year", "size", "bandwidth"]

_NUM = r"(\d+(?:[.,]\d+)*)\s*(천만|백만|십만|만|억|천|k|m|b|thousand|million|billion)?"
_KO_MULT = {"천": 1e3, "만": 1e4, "십만": 1e5, "백만": 1e6, "천만": 1e7, "억": 1e8}
_EN_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9}
_SIZE = r"(pb|tb|gb|mb|kb|pib|tib|gib|mib|kib)"
_PER_SECOND = (
    r"(?:/\s*s(?:ec(?:ond)?)?\b|\s*per\s+second|\s*a\s+second|\s*qps|\s*rps|\s*tps|"
    r"\s*(?:\w+\s+)?(?:/\s*s\b|per\s+second|a\s+second)|\s*건/초|\s*/초)"
)
_PER_DAY = r"(?:/\s*day|\s*per\s+day|\s*a\s+day|\s*/\s*일|\s*daily)"
_PER_YEAR = r"(?:/\s*y(?:ea)?r|\s*per\s+year|\s*a\s+year|\s*/\s*년|\s*yearly|\s*annually)"

_RATE_EN = re.compile(_NUM + r"(?:\s*[a-z]+){0,2}?" + _PER_SECOND, re.I)
_RATE_KO = re.compile(r"초당\s*(?:약\s*|대략\s*)?" + _NUM + r"\s*(?:건|번|개|회|요청|qps)?")
_SIZE_ANY = re.compile(_NUM + r"\s*" + _SIZE + r"(?![a-z])(\s*/\s*s\b|ps\b|\s*per\s+second)?", re.I)
_BITS = re.compile(_NUM + r"\s*(gbps|mbps|tbps|kbps)(?![a-z])", re.I)
_YEAR_BEFORE = re.compile(
    r"(1년에|연간|매년|해마다|일\s*년에|per\s+year|a\s+year|yearly|annually)\s*$", re.I
)
_DAY_BEFORE = re.compile(r"(하루에?|매일|일일|per\s+day|a\s+day|daily)\s*$", re.I)
_SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n+|;\s*")


@dataclass(frozen=True)
class Stated:
    """One figure the candidate said: its value (per second, bytes, bytes per year…), what
    kind of figure it is, the words around it and the line it came from."""

    value: float
    measure: Measure
    text: str
    line: str
    cues: frozenset[str]


def _number(num: str, mult: str | None) -> float | None:
    try:
        value = float(num.replace(",", ""))
    except ValueError:
        return None
    if mult:
        value *= _KO_MULT.get(mult, _EN_MULT.get(mult.lower(), 1.0))
    return value if math.isfinite(value) else None


_CUES = {
    "peak": r"\bpeak|피크|최대|\bbusiest|최고",
    "write": r"\b(writes?|posts?|posting|uploads?|send|sent|messages?|inserts?)\b|메시지|쓰기|작성|업로드|전송|발행",
    "read": r"\b(reads?|views?|feeds?|redirects?|fetch(es)?|lookups?|plays?)\b|조회|읽기|시청|리다이렉트|열람",
    "cache": r"\b(cache|caches|memory|ram|redis)\b|캐시|메모리",
    "egress": r"\b(egress|download|downloads|outbound|serve|serving|out)\b|송출|다운로드|내려",
    "ingress": r"\b(ingress|upload|uploads|inbound)\b|업로드|올리",
}
_WINDOW_BEFORE = 40
_WINDOW_AFTER = 20


def _cues(sentence: str, span: tuple[int, int]) -> frozenset[str]:
    """The cue words near a figure (so "reads 23k/s and writes 460/s" keeps them apart)."""
    start, end = span
    before = sentence[max(0, start - _WINDOW_BEFORE) : start]
    # stop at the previous figure's separator: "…reads are 23k QPS and writes 460…"
    for sep in (" and ", ", ", " 그리고 ", "이고 ", "고 "):
        if sep in before:
            before = before.rsplit(sep, 1)[1]
    after = sentence[end : end + _WINDOW_AFTER]
    for sep in (" and ", ", ", " 그리고 ", "이고 ", "고 "):
        after = after.split(sep, 1)[0]
    low = (before + sentence[start:end] + after).lower()
    found = {k for k, pat in _CUES.items() if re.search(pat, low)}
    # "At peak, 46k writes/s and 4.6k reads/s": the peak holds for the whole clause before
    if re.search(_CUES["peak"], sentence[:start].lower()):
        found.add("peak")
    return frozenset(found)


def _size_value(num: str, mult: str | None, unit: str) -> float | None:
    base = _number(num, mult)
    if base is None:
        return None
    try:
        return base * units.parse_size(f"1{unit}")
    except UsageError:
        return None


def stated_figures(texts: Iterable[str]) -> list[Stated]:
    """Every figure stated in `texts`, in order."""
    out: list[Stated] = []
    for line in texts:
        for sentence in (s for s in _SENTENCE.split(line) if s.strip()):
            taken: list[tuple[int, int]] = []

            def free(m: re.Match[str], taken: list[tuple[int, int]] = taken) -> bool:
                return all(m.end() <= a or m.start() >= b for a, b in taken)

            for m in _BITS.finditer(sentence):
                value = _number(m.group(1), m.group(2))
                factor = {"kbps": 1e3, "mbps": 1e6, "gbps": 1e9, "tbps": 1e12}[m.group(3).lower()]
                if value is not None:
                    cues = _cues(sentence, m.span())
                    out.append(Stated(value * factor / 8, "bandwidth", m.group(0), line, cues))
                    taken.append(m.span())
            for m in _SIZE_ANY.finditer(sentence):
                if not free(m):
                    continue
                value = _size_value(m.group(1), m.group(2), m.group(3))
                if value is None:
                    continue
                rest = sentence[m.end() :]
                before = sentence[: m.start()]
                measure: Measure
                if m.group(4):
                    measure = "bandwidth"
                elif re.match(_PER_YEAR, rest, re.I) or _YEAR_BEFORE.search(before):
                    measure = "storage_year"
                elif re.match(_PER_DAY, rest, re.I) or _DAY_BEFORE.search(before):
                    measure = "storage_day"
                else:
                    measure = "size"
                out.append(Stated(value, measure, m.group(0), line, _cues(sentence, m.span())))
                taken.append(m.span())
            for rx in (_RATE_KO, _RATE_EN):
                for m in rx.finditer(sentence):
                    if not free(m):
                        continue
                    value = _number(m.group(1), m.group(2))
                    if value is not None:
                        cues = _cues(sentence, m.span())
                        out.append(Stated(value, "rate", m.group(0).strip(), line, cues))
                        taken.append(m.span())
    return out


# Which estimator figures a statement of each kind may be.
FIGURE_MEASURE: dict[str, Measure] = {
    "write_qps": "rate",
    "read_qps": "rate",
    "peak_write_qps": "rate",
    "peak_read_qps": "rate",
    "storage_per_day": "storage_day",
    "storage_per_year": "storage_year",
    "egress_bandwidth": "bandwidth",
    "ingress_bandwidth": "bandwidth",
    "cache_memory": "size",
}
DEFAULT_KEY_FIGURES = ("peak_write_qps", "peak_read_qps", "storage_per_year", "egress_bandwidth")

Verdict = Literal["close", "rough", "off", "missing"]


@dataclass(frozen=True)
class FigureGrade:
    name: str
    computed: float
    stated: Stated | None
    verdict: Verdict
    slip: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.stated is None or self.computed <= 0:
            return None
        return self.stated.value / self.computed


def _fits(name: str, s: Stated) -> bool:
    """Whether a statement can be this figure, by its kind and the words around it."""
    if FIGURE_MEASURE.get(name) != s.measure:
        return False
    if name.endswith("_qps"):
        side = "write" if "write" in name else "read"
        other = "read" if side == "write" else "write"
        if other in s.cues and side not in s.cues:
            return False
        if name.startswith("peak_") != ("peak" in s.cues):
            # a figure said without "peak" is the average, and the other way round
            return False
    if name == "cache_memory" and "cache" not in s.cues:
        return False
    if name == "ingress_bandwidth" and "ingress" not in s.cues:
        return False
    return not (name == "egress_bandwidth" and "ingress" in s.cues and "egress" not in s.cues)


def verdict_of(ratio: float) -> Verdict:
    spread = max(ratio, 1 / ratio) if ratio > 0 else math.inf
    if spread <= 2 + 1e-9:
        return "close"
    if spread <= 10 + 1e-9:
        return "rough"
    return "off"


def likely_slip(name: str, ratio: float, peak_factor: float) -> str | None:
    """The usual slip that explains a ratio: bits for bytes, per day for per second, the peak
    forgotten (the drill's names)."""
    if ratio <= 0 or not math.isfinite(ratio):
        return None
    candidates: list[tuple[str, float]] = []
    if FIGURE_MEASURE.get(name) == "bandwidth":
        candidates += [("bits_bytes", 8.0), ("bits_bytes", 1 / 8)]
    if FIGURE_MEASURE.get(name) == "rate":
        candidates += [("per_day_vs_per_second", 86400.0), ("per_day_vs_per_second", 1 / 86400)]
    if name.startswith("peak_") and peak_factor != 1:
        candidates.append(("peak_forgotten", 1 / peak_factor))
    best = min(candidates, key=lambda c: abs(math.log(ratio / c[1])), default=None)
    if best is None:
        return None
    if abs(math.log(ratio / best[1])) <= math.log(1.5) and abs(math.log(ratio)) > math.log(2):
        return best[0]
    return None


def grade_stated(
    stated: list[Stated],
    computed: Mapping[str, float],
    names: Iterable[str],
    *,
    peak_factor: float = 2.0,
) -> list[FigureGrade]:
    """For each key figure, the candidate's closest fitting statement and its verdict."""
    out: list[FigureGrade] = []
    for name in names:
        value = computed.get(name)
        if value is None or value <= 0:
            continue
        fitting = [s for s in stated if _fits(name, s) and s.value > 0]
        if not fitting:
            out.append(FigureGrade(name, value, None, "missing"))
            continue
        best = min(fitting, key=lambda s: abs(math.log(s.value / value)))
        ratio = best.value / value
        verdict = verdict_of(ratio)
        slip = likely_slip(name, ratio, peak_factor) if verdict != "close" else None
        out.append(FigureGrade(name, value, best, verdict, slip))
    return out
