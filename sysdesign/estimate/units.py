"""Reading and writing quantities the way a candidate writes them on a whiteboard.

Parsers accept `1.27KB`, `500 KB`, `10k`, `2.5M`, `100M/day`, `10M/month`, `4/s`, `100ms`,
`5y`, `36mo`, `10:1`, `20%`. Sizes are decimal (`KB` = 1,000 bytes) unless written in binary
(`KiB` = 1,024 bytes); bits are only ever read from an explicit bit unit (`Gbit`, `Gbps`), so a
bit is never mistaken for a byte. Formatters use SI prefixes (decimal by default, binary on
request) with three significant digits.

A value that cannot be read raises `UsageError` naming the flag, the value and a valid example.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from sysdesign.errors import UsageError
from sysdesign.i18n import josa

Kind = Literal["count", "size", "rate", "byte_rate", "duration", "ratio", "fraction"]
Period = Literal["second", "minute", "hour", "day", "month", "year"]

# Multipliers for counts. `B` is a billion here; sizes read `B` as bytes.
_COUNT_SUFFIX: dict[str, float] = {
    "": 1.0,
    "k": 1e3,
    "K": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "M": 1e6,
    "mm": 1e6,
    "million": 1e6,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
    "G": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "T": 1e12,
    "trillion": 1e12,
    "만": 1e4,
    "억": 1e8,
    "조": 1e12,
    "천": 1e3,
    "천만": 1e7,
    "백만": 1e6,
    "십억": 1e9,
}

_SI = {"": 1.0, "k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12, "p": 1e15, "e": 1e18}
_BIN = {"ki": 2.0**10, "mi": 2.0**20, "gi": 2.0**30, "ti": 2.0**40, "pi": 2.0**50, "ei": 2.0**60}

_PERIODS: dict[str, Period] = {
    "s": "second",
    "sec": "second",
    "secs": "second",
    "second": "second",
    "seconds": "second",
    "초": "second",
    "min": "minute",
    "minute": "minute",
    "minutes": "minute",
    "분": "minute",
    "h": "hour",
    "hr": "hour",
    "hour": "hour",
    "hours": "hour",
    "시간": "hour",
    "d": "day",
    "day": "day",
    "days": "day",
    "일": "day",
    "mo": "month",
    "mon": "month",
    "month": "month",
    "months": "month",
    "달": "month",
    "개월": "month",
    "월": "month",
    "y": "year",
    "yr": "year",
    "year": "year",
    "years": "year",
    "년": "year",
}

# Real lengths, used only for durations such as a latency or an update interval. The traffic
# model scales volumes by calendar counts (see `sysdesign.estimate.model.Conventions`).
_DURATION_SECONDS: dict[str, float] = {
    "ns": 1e-9,
    "us": 1e-6,
    "µs": 1e-6,
    "μs": 1e-6,
    "ms": 1e-3,
    "": 1.0,
    "s": 1.0,
    "sec": 1.0,
    "secs": 1.0,
    "second": 1.0,
    "seconds": 1.0,
    "초": 1.0,
    "m": 60.0,
    "min": 60.0,
    "mins": 60.0,
    "minute": 60.0,
    "minutes": 60.0,
    "분": 60.0,
    "h": 3600.0,
    "hr": 3600.0,
    "hour": 3600.0,
    "hours": 3600.0,
    "시간": 3600.0,
    "d": 86400.0,
    "day": 86400.0,
    "days": 86400.0,
    "일": 86400.0,
    "w": 7 * 86400.0,
    "week": 7 * 86400.0,
    "weeks": 7 * 86400.0,
    "주": 7 * 86400.0,
    "mo": 30 * 86400.0,
    "month": 30 * 86400.0,
    "months": 30 * 86400.0,
    "개월": 30 * 86400.0,
    "y": 365 * 86400.0,
    "yr": 365 * 86400.0,
    "year": 365 * 86400.0,
    "years": 365 * 86400.0,
    "년": 365 * 86400.0,
}

_NUMBER = r"[+-]?(?:\d[\d,_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_SPLIT = re.compile(rf"^\s*({_NUMBER})\s*(.*?)\s*$")

EXAMPLES: dict[str, str] = {
    "count": "10k, 2.5M, 300M, 1B",
    "size": "200B, 1.27KB, 500 KB, 1MiB",
    "rate": "100M/day, 10M/month, 4/s, 3500",
    "byte_rate": "50MB/s, 1Gbps, 100k/s",
    "duration": "100ms, 30s, 5y, 36mo",
    "ratio": "10:1, 10",
    "fraction": "0.2, 20%",
    "period": "5y, 36mo, 365d",
    "percent": "99.9, 99.95%",
}


def _fail(flag: str, text: object, what: str, ko_what: str, example_key: str) -> UsageError:
    example = EXAMPLES[example_key]
    return UsageError(
        f"{flag}: cannot read {text!r} as {what}; for example {example} / "
        f"{flag}: {josa(repr(text), '을/를')} {josa(ko_what, '으로/로')} 읽을 수 없습니다. 예: {example}"
    )


def _split(text: object, flag: str, what: str, ko_what: str, key: str) -> tuple[float, str]:
    if isinstance(text, bool):
        raise _fail(flag, text, what, ko_what, key)
    if isinstance(text, int | float):
        if isinstance(text, int) and abs(text) > MAX_INPUT:
            _bounded(MAX_INPUT * 10, flag, text)
        if not math.isfinite(float(text)):
            raise _fail(flag, text, what, ko_what, key)
        _bounded(float(text), flag, text)
        return float(text), ""
    match = _SPLIT.match(str(text))
    if not match:
        raise _fail(flag, text, what, ko_what, key)
    number = float(match.group(1).replace(",", "").replace("_", ""))
    if not math.isfinite(number):
        raise _fail(flag, text, what, ko_what, key)
    _bounded(number, flag, text)
    return number, match.group(2)


# No input to an estimate comes near 10^18 before its unit (an exabyte is 1EB, a quintillion
# requests 1000P), nor below 10^-12 unless it is zero: past either a value is a typo, and
# products or quotients of such values could overflow.
MAX_INPUT = 1e18
MIN_INPUT = 1e-12


def _bounded(number: float, flag: str, text: object) -> None:
    if number != 0 and abs(number) < MIN_INPUT:
        shown = str(text)[:30]
        raise UsageError(
            f"{flag}: {shown!r} is too small: a number other than 0 must be at least 10^-12 / "
            f"{flag}: 값이 너무 작습니다. 0이 아니면 10^-12 이상이어야 합니다: {shown!r}"
        )
    if abs(number) > MAX_INPUT:
        shown = str(text)[:30]
        raise UsageError(
            f"{flag}: {shown!r} is too large: the number before the unit must be at most 10^18 "
            f"/ {flag}: 값이 너무 큽니다. 단위 앞의 숫자는 10^18 이하여야 합니다: {shown!r}"
        )


def _count_suffix(suffix: str) -> float | None:
    suffix = suffix.strip()
    if suffix in _COUNT_SUFFIX:
        return _COUNT_SUFFIX[suffix]
    return _COUNT_SUFFIX.get(suffix.lower())


def parse_count(text: object, flag: str = "value") -> float:
    """`10k` → 10,000; `2.5M` → 2,500,000; `1B` → 1e9; `1억` → 1e8."""
    number, suffix = _split(text, flag, "a count", "개수", "count")
    multiplier = _count_suffix(suffix)
    if multiplier is None:
        raise _fail(flag, text, "a count", "개수", "count")
    value = number * multiplier
    if value < 0:
        raise _fail(flag, text, "a count", "개수", "count")
    return value


def _size_multiplier(unit: str) -> float | None:
    """Bytes per unit, or None. Bits only from an explicit `bit` spelling."""
    u = unit.strip()
    low = u.lower()
    for tail in ("bytes", "byte"):
        if low.endswith(tail):
            return _prefix_multiplier(low[: -len(tail)])
    if low.endswith("bits") or low.endswith("bit"):
        tail = "bits" if low.endswith("bits") else "bit"
        base = _prefix_multiplier(low[: -len(tail)])
        return None if base is None else base / 8
    if u.endswith("b") and len(u) > 1 and u[:-1].lower() in {*_SI, *_BIN} and u[:-1] != "":
        # `Kb`, `Mb`, `Gb`: a lower-case b after a prefix is a bit.
        base = _prefix_multiplier(u[:-1].lower())
        return None if base is None else base / 8
    if low.endswith("b"):
        return _prefix_multiplier(low[:-1])
    if low == "":
        return 1.0
    return None


def _prefix_multiplier(prefix: str) -> float | None:
    prefix = prefix.strip()
    if prefix in _SI:
        return _SI[prefix]
    if prefix in _BIN:
        return _BIN[prefix]
    return None


def parse_size(text: object, flag: str = "value") -> float:
    """Bytes: `200B`, `1.27KB` (1,270), `500 KB`, `1MiB` (1,048,576), `8Gbit` (1e9)."""
    number, unit = _split(text, flag, "a size", "크기", "size")
    multiplier = _size_multiplier(unit)
    if multiplier is None or number < 0:
        raise _fail(flag, text, "a size", "크기", "size")
    return number * multiplier


@dataclass(frozen=True)
class Rate:
    """A volume over a period as written: `100M/day` is Rate(1e8, "day")."""

    amount: float
    period: Period

    def per_second(
        self, seconds_per_day: float = 86400, seconds_per_month: float = 2592000
    ) -> float:
        return self.amount / period_seconds(self.period, seconds_per_day, seconds_per_month)


def period_seconds(period: Period, seconds_per_day: float, seconds_per_month: float) -> float:
    """Seconds in one period under the given conventions (a year is 12 months)."""
    return {
        "second": 1.0,
        "minute": 60.0,
        "hour": 3600.0,
        "day": seconds_per_day,
        "month": seconds_per_month,
        "year": 12 * seconds_per_month,
    }[period]


_RATE_WORDS = ("qps", "rps", "tps", "mps")


def parse_rate(text: object, flag: str = "value", default_period: Period = "second") -> Rate:
    """`100M/day`, `10M/month`, `4/s`, `3500 qps`, `2 per day`; a bare number is per second."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        return Rate(parse_count(text, flag), default_period)
    raw = str(text).strip()
    low = raw.lower()
    for word in _RATE_WORDS:
        if low.endswith(word):
            return Rate(parse_count(raw[: -len(word)].strip(), flag), "second")
    if "/" in raw or " per " in low:
        left, right = (
            re.split(r"/| per ", raw, maxsplit=1)
            if "/" in raw
            else re.split(r"(?i) per ", raw, maxsplit=1)
        )
        per = _PERIODS.get(right.strip().lower()) or _PERIODS.get(right.strip())
        if per is None:
            raise _fail(flag, text, "a rate", "비율(단위 시간당 양)", "rate")
        try:
            amount = parse_count(left.strip(), flag)
        except UsageError:
            raise _fail(flag, text, "a rate", "비율(단위 시간당 양)", "rate") from None
        return Rate(amount, per)
    try:
        return Rate(parse_count(raw, flag), default_period)
    except UsageError:
        raise _fail(flag, text, "a rate", "비율(단위 시간당 양)", "rate") from None


def parse_byte_rate(text: object, flag: str = "value") -> tuple[float, Literal["bytes", "items"]]:
    """Per second: `50MB/s` or `1Gbps` (bytes per second) or `100k/s` (messages per second)."""
    raw = str(text).strip()
    low = raw.lower()
    if low.endswith("bps"):
        # `Gbps`, `Mbps`: bits per second.
        number, prefix = _split(raw[:-3], flag, "a rate", "처리량", "byte_rate")
        base = _prefix_multiplier(prefix.lower())
        if base is None or number < 0:
            raise _fail(flag, text, "a rate", "처리량", "byte_rate")
        return number * base / 8, "bytes"
    left, _, right = raw.partition("/")
    if right and right.strip().lower() not in {"s", "sec", "second", "초"}:
        rate = parse_rate(raw, flag)
        return rate.per_second(), "items"
    try:
        number, unit = _split(left, flag, "a rate", "처리량", "byte_rate")
    except UsageError:
        raise _fail(flag, text, "a rate", "처리량", "byte_rate") from None
    if unit and (_count_suffix(unit) is None or unit.strip()[-1:] in ("B", "b")):
        multiplier = _size_multiplier(unit)
        if multiplier is None or number < 0:
            raise _fail(flag, text, "a rate", "처리량", "byte_rate")
        return number * multiplier, "bytes"
    return parse_count(left, flag), "items"


def parse_duration(text: object, flag: str = "value") -> float:
    """Seconds: `100ms`, `30s`, `5m` (minutes), `2h`, `1d`, `36mo` (30 days), `5y` (365 days)."""
    number, unit = _split(text, flag, "a duration", "시간 길이", "duration")
    u = unit.strip()
    factor = _DURATION_SECONDS.get(u, _DURATION_SECONDS.get(u.lower()))
    if factor is None or number < 0:
        raise _fail(flag, text, "a duration", "시간 길이", "duration")
    return number * factor


def parse_period(text: object, flag: str = "value") -> tuple[float, Period]:
    """A retention as written: `5y` → (5, "year"); `36mo` → (36, "month"); `90d` → (90, "day")."""
    number, unit = _split(text, flag, "a period", "기간", "period")
    u = unit.strip()
    period = _PERIODS.get(u) or _PERIODS.get(u.lower())
    if u.lower() in {"w", "week", "weeks", "주"}:
        return number * 7, "day"
    if period is None or number < 0:
        raise _fail(flag, text, "a period", "기간", "period")
    return number, period


def parse_ratio(text: object, flag: str = "value") -> float:
    """`10:1` → 10; `1:10` → 0.1; a bare number is the ratio itself."""
    raw = str(text).strip()
    if ":" in raw:
        left, _, right = raw.partition(":")
        try:
            a, b = parse_count(left, flag), parse_count(right, flag)
        except UsageError:
            raise _fail(flag, text, "a ratio", "비율", "ratio") from None
        if b == 0:
            raise _fail(flag, text, "a ratio", "비율", "ratio")
        return a / b
    try:
        return parse_count(raw, flag)
    except UsageError:
        raise _fail(flag, text, "a ratio", "비율", "ratio") from None


def parse_fraction(text: object, flag: str = "value") -> float:
    """`0.2` or `20%` → 0.2; `1/5` → 0.2."""
    raw = str(text).strip()
    try:
        if raw.endswith("%"):
            value = float(raw[:-1].strip()) / 100
        elif "/" in raw:
            a, _, b = raw.partition("/")
            value = float(a) / float(b)
        else:
            value = float(raw)
    except (ValueError, ZeroDivisionError):
        raise _fail(flag, text, "a fraction", "비율", "fraction") from None
    if not math.isfinite(value) or not 0 <= value <= 1:
        raise _fail(flag, text, "a fraction from 0 to 1", "0에서 1 사이의 비율", "fraction")
    return value


def parse_percent(text: object, flag: str = "value") -> float:
    """An availability: `99.9` or `99.9%` → 0.999."""
    raw = str(text).strip().removesuffix("%").strip()
    try:
        value = float(raw)
    except ValueError:
        raise _fail(flag, text, "a percentage", "백분율", "percent") from None
    if not 0 <= value <= 100:
        raise _fail(flag, text, "a percentage", "백분율", "percent")
    return value / 100


def parse_quantity(text: object, flag: str = "value") -> tuple[float, Kind]:
    """Read any quantity and say what it is: rates come back per second, sizes in bytes."""
    raw = str(text).strip()
    low = raw.lower()
    if ":" in raw:
        return parse_ratio(raw, flag), "ratio"
    if raw.endswith("%"):
        return parse_fraction(raw, flag), "fraction"
    if "/" in raw or low.endswith(("qps", "rps", "tps", "bps")):
        try:
            value, what = parse_byte_rate(raw, flag)
            return value, ("byte_rate" if what == "bytes" else "rate")
        except UsageError:
            return parse_rate(raw, flag).per_second(), "rate"
    for parse, kind in ((parse_count, "count"), (parse_size, "size"), (parse_duration, "duration")):
        try:
            return parse(raw, flag), kind  # type: ignore[return-value]
        except UsageError:
            continue
    raise _fail(flag, text, "a quantity", "수량", "count")


# ---------------------------------------------------------------- formatting


def sig(value: float, digits: int = 3) -> str:
    """`value` with `digits` significant digits, no exponent, trailing zeros dropped."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(digits - 1 - magnitude, 0)
    text = f"{round(value, decimals):,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _scaled(value: float, steps: list[tuple[float, str]], digits: int = 3) -> tuple[str, str]:
    """Pick the largest step not above |value|; re-pick if rounding reaches the next step."""
    chosen = steps[0]
    for step in steps:
        if abs(value) >= step[0]:
            chosen = step
    text = sig(value / chosen[0], digits)
    index = steps.index(chosen)
    base = steps[1][0] / steps[0][0] if len(steps) > 1 else 1000
    if index + 1 < len(steps) and abs(float(text.replace(",", ""))) >= base:
        chosen = steps[index + 1]
        text = sig(value / chosen[0], digits)
    return text, chosen[1]


_COUNT_STEPS = [(1.0, ""), (1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")]


def format_count(value: float, digits: int = 3) -> str:
    """`1160` → `1.16k`; `3.65e11` → `365B` (interview shorthand: k, M, B, T)."""
    small = sig(value, digits)
    if abs(float(small.replace(",", ""))) < 1000:
        return small
    text, suffix = _scaled(value, _COUNT_STEPS, digits)
    return f"{text}{suffix}"


def _size_steps(binary: bool) -> list[tuple[float, str]]:
    if binary:
        return [(1.0, "B"), *((2.0 ** (10 * i), f"{p}iB") for i, p in enumerate("KMGTPE", 1))]
    return [(1.0, "B"), *((10.0 ** (3 * i), f"{p}B") for i, p in enumerate("KMGTPE", 1))]


def format_size(value: float, binary: bool = False, digits: int = 3) -> str:
    """Bytes with SI prefixes: `1.27e3` → `1.27 KB`; binary: `1024` → `1 KiB`."""
    text, unit = _scaled(value, _size_steps(binary), digits)
    return f"{text} {unit}"


def format_bits(value_bytes_per_s: float, digits: int = 3) -> str:
    """Bytes per second shown as bits per second: `1.25e6` → `10 Mbit/s`."""
    steps = [(1.0, "bit/s"), *((10.0 ** (3 * i), f"{p}bit/s") for i, p in enumerate("kMGTPE", 1))]
    text, unit = _scaled(value_bytes_per_s * 8, steps, digits)
    return f"{text} {unit}"


def format_bandwidth(value: float, binary: bool = False, digits: int = 3) -> str:
    """`1.25e6` → `1.25 MB/s (10 Mbit/s)`: bytes first, bits alongside, never mixed up."""
    return f"{format_size(value, binary, digits)}/s ({format_bits(value, digits)})"


def format_rate(value: float, unit: str = "/s", digits: int = 3) -> str:
    """`1157.4` → `1.16k/s`."""
    return f"{format_count(value, digits)}{unit}"


_DURATION_STEPS = [
    (1e-9, "ns"),
    (1e-6, "µs"),
    (1e-3, "ms"),
    (1.0, "s"),
    (60.0, "min"),
    (3600.0, "h"),
    (86400.0, "d"),
    (365 * 86400.0, "y"),
]


def format_duration(seconds: float, digits: int = 3) -> str:
    """`0.1` → `100 ms`; `31557.6` → `8.77 h`; `525.96` → `8.77 min`."""
    if seconds == 0:
        return "0 s"
    chosen = _DURATION_STEPS[0]
    for step in _DURATION_STEPS:
        if abs(seconds) >= step[0]:
            chosen = step
    return f"{sig(seconds / chosen[0], digits)} {chosen[1]}"


def format_percent(fraction: float, digits: int = 6) -> str:
    """`0.99899` → `99.899%` (enough digits to show the nines)."""
    text = f"{fraction * 100:.{digits}f}".rstrip("0").rstrip(".")
    return f"{text}%"


# ---------------------------------------------------------------- Korean figures
# Korean groups digits by 10⁴ (만, 억, 조, 경), and writes a figure as it is read:
# 20,000,000 → 「2천만」, 11,600 → 「1만 1,600」, 36,500,000,000 → 「365억」.

_KO_UNITS = ((1e16, "경"), (1e12, "조"), (1e8, "억"), (1e4, "만"))


def _ko_group(group: int, unit: str) -> str:
    if unit and group >= 1000 and group % 1000 == 0:
        return f"{group // 1000}천{unit}"
    return f"{group:,}{unit}"


def format_korean_number(value: float, digits: int = 3) -> str:
    """`2e7` → `2천만`; `11574` → `1만 1,600`; `231.5` → `232`; `0.2` → `0.2`.

    Below 10,000 the figure is written with commas, as Korean text does; from 만 up it is
    rounded to `digits` significant digits and grouped by 만, 억, 조 and 경.
    """
    if not math.isfinite(value):
        return str(value)
    if abs(value) < 10_000:
        small = sig(value, digits)
        if abs(float(small.replace(",", ""))) < 10_000:
            return small
    sign = "-" if value < 0 else ""
    magnitude = math.floor(math.log10(abs(value)))
    rest = int(round(abs(value), -(magnitude - digits + 1)))
    parts: list[str] = []
    for size, unit in _KO_UNITS:
        group, rest = divmod(rest, int(size))
        if group:
            parts.append(_ko_group(group, unit))
    if rest:
        parts.append(f"{rest // 1000}천" if parts and rest % 1000 == 0 else f"{rest:,}")
    return sign + " ".join(parts)


# English unit of a count → how Korean names it: (noun before the number, counter after it).
_KO_COUNTERS: dict[str, tuple[str, str]] = {
    "": ("", ""),
    "count": ("", "건"),  # the one count result is records_total
    "records": ("", "건"),
    "in flight": ("동시 처리 ", "건"),
    "connections": ("연결 ", "개"),
    "servers": ("서버 ", "대"),
    "nodes": ("노드 ", "대"),
    "partitions": ("파티션 ", "개"),
    "entries": ("항목 ", "개"),
    "levels": ("", "단계"),
    "req/s": ("초당 ", "건"),
    "req/day": ("하루 ", "건"),
    "/second": ("초당 ", "건"),
    "/day": ("하루 ", "건"),
    "/month": ("한 달 ", "건"),
    "/year": ("1년 ", "건"),
}

_KO_DURATION = {"min": "분", "h": "시간", "d": "일", "y": "년", "s": "초"}


def format_korean(value: float, unit: str, english: str) -> str:
    """A result as Korean writes it: `(2e7, "/day")` → `하루 2천만 건`, `(231, "req/s")` →
    `초당 231건`, `(200, "in flight")` → `동시 처리 200건`. Sizes, bandwidths, percentages and
    sub-second durations keep their international units (`3.02 TB`, `35 MB/s`, `20 ms`)."""
    if unit in _KO_COUNTERS:
        before, counter = _KO_COUNTERS[unit]
        number = format_korean_number(value)
        # 「초당 231건」 but 「하루 2천만 건」: a counter is written apart after 만, 억, 조, 경, 천
        spaced = " " if counter and number[-1:] in "천만억조경" else ""
        return f"{before}{number}{spaced}{counter}"
    if unit == "s":
        number, _, short = english.rpartition(" ")
        if short in _KO_DURATION:
            return f"{number}{_KO_DURATION[short]}"
    return english
