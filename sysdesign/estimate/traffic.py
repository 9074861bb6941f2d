"""The traffic model: QPS, storage, bandwidth, cache and servers from a few assumptions.

A volume keeps the period it was given in (per day, per month…). Other calendar periods come
from calendar counts (a day's volume ×30 for a month and ×365 for a year; a month's ×12 for a
year); only per-second rates use the seconds conventions. That is how the published worked
examples do it: 1.27 KB × 10M pastes a month is 12.7 GB a month and ~450 GB in 3 years.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sysdesign.estimate import units
from sysdesign.estimate.model import (
    DAYS_PER_MONTH,
    DAYS_PER_YEAR,
    MONTHS_PER_YEAR,
    Calculation,
    Conventions,
    Result,
)
from sysdesign.estimate.work import Pad, ceil

if TYPE_CHECKING:
    from sysdesign.models.estimates import EstimateInputs

TRAFFIC_INPUTS = (
    "dau",
    "writes_per_user",
    "reads_per_user",
    "writes",
    "reads",
    "read_write_ratio",
    "write_size",
    "read_size",
    "media_fraction",
    "media_size",
    "retention",
    "peak_factor",
    "replication",
    "cache_fraction",
    "server_qps",
)
DEFAULTS: dict[str, str] = {"peak_factor": "2", "replication": "1", "cache_fraction": "0.2"}
RESULT_NAMES = (
    "write_qps",
    "read_qps",
    "peak_write_qps",
    "peak_read_qps",
    "writes_per_day",
    "reads_per_day",
    "records_total",
    "storage_per_day",
    "storage_per_month",
    "storage_per_year",
    "storage_total",
    "ingress_bandwidth",
    "egress_bandwidth",
    "cache_memory",
    "servers",
)

_PERIOD_NAMES = {
    "day": ("day", "하루"),
    "month": ("month", "한 달"),
    "year": ("year", "1년"),
}


_UNIT_KO = {"day": "일", "month": "개월", "year": "년"}


def flag(name: str) -> str:
    return "--" + name.replace("_", "-")


@dataclass(frozen=True)
class Volume:
    """An amount per calendar period (day, month or year), as it was given."""

    amount: float
    period: str  # "day" | "month" | "year"

    def per(self, period: str) -> float:
        per_day = {
            "day": self.amount,
            "month": self.amount / DAYS_PER_MONTH,
            "year": self.amount / DAYS_PER_YEAR,
        }
        if period == self.period:
            return self.amount
        if self.period == "day":
            return self.amount * {"month": DAYS_PER_MONTH, "year": DAYS_PER_YEAR}[period]
        if self.period == "month":
            if period == "year":
                return self.amount * MONTHS_PER_YEAR
            return per_day["month"]
        # given per year
        if period == "month":
            return self.amount / MONTHS_PER_YEAR
        return per_day["year"]

    def seconds(self, c: Conventions) -> float:
        return {
            "day": c.seconds_per_day,
            "month": c.seconds_per_month,
            "year": MONTHS_PER_YEAR * c.seconds_per_month,
        }[self.period]


def _as_volume(rate: units.Rate, c: Conventions) -> Volume:
    if rate.period in ("day", "month", "year"):
        return Volume(rate.amount, rate.period)
    per_second = rate.amount / {"second": 1.0, "minute": 60.0, "hour": 3600.0}[rate.period]
    return Volume(per_second * c.seconds_per_day, "day")


def traffic_model(
    inputs: EstimateInputs | Mapping[str, object], conventions: Conventions | None = None
) -> Calculation:
    """Every traffic result the inputs allow; results whose inputs are missing are left out.

    `inputs` is an `EstimateInputs` (a design's estimates merged over a scenario preset) or a
    plain mapping of the same names to the text the user wrote.
    """
    given: dict[str, object]
    if isinstance(inputs, Mapping):
        given = {k: v for k, v in inputs.items() if v is not None and v != ""}
    else:
        given = dict(inputs.given())
    return _model(given, conventions or Conventions())


_READERS: dict[str, Callable[[object, str], object]] = {
    "dau": units.parse_count,
    "writes_per_user": lambda v, f: units.parse_rate(v, f, default_period="day"),
    "reads_per_user": lambda v, f: units.parse_rate(v, f, default_period="day"),
    "writes": units.parse_rate,
    "reads": units.parse_rate,
    "read_write_ratio": units.parse_ratio,
    "write_size": units.parse_size,
    "read_size": units.parse_size,
    "media_fraction": units.parse_fraction,
    "media_size": units.parse_size,
    "retention": units.parse_period,
    "peak_factor": units.parse_count,
    "replication": units.parse_count,
    "cache_fraction": units.parse_fraction,
    "server_qps": units.parse_rate,
}


def input_problems(given: Mapping[str, object]) -> list[tuple[str, str]]:
    """(input name, message) for every given input its reader refuses; a design's
    `estimates:` are checked with this when the file loads, so `validate` and `check` agree."""
    from sysdesign.errors import UsageError

    out: list[tuple[str, str]] = []
    for key, value in given.items():
        reader = _READERS.get(key)
        if reader is None or value is None:
            continue
        try:
            reader(value, key)
        except UsageError as exc:
            text = str(exc)
            text = text[len(key) + 2 :] if text.startswith(f"{key}: ") else text
            out.append((key, text.replace(f" / {key}: ", " / ")))
    return out


def _model(given: dict[str, object], c: Conventions) -> Calculation:
    unknown = sorted(
        set(given)
        - set(TRAFFIC_INPUTS)
        - {"concurrent_fraction", "memory_per_connection", "connections_per_server"}
    )
    if unknown:
        from sysdesign.errors import UsageError

        raise UsageError(
            f"unknown estimate input(s): {', '.join(unknown)} / "
            f"알 수 없는 입력: {', '.join(unknown)}"
        )
    effective: dict[str, object] = {k: given[k] for k in TRAFFIC_INPUTS if k in given}
    for key, default in DEFAULTS.items():
        effective.setdefault(key, default)
    for key, value in effective.items():
        # Read every input now, even one no result below needs: a typo is named, not ignored.
        _READERS[key](value, flag(key))
    pad = Pad(c, effective)
    n, b = pad.n, pad.b

    def get(name: str) -> object | None:
        return effective.get(name)

    peak = units.parse_count(get("peak_factor"), flag("peak_factor"))
    replication = units.parse_count(get("replication"), flag("replication"))
    cache_fraction = units.parse_fraction(get("cache_fraction"), flag("cache_fraction"))

    # ---- volumes
    dau = units.parse_count(get("dau"), "--dau") if get("dau") is not None else None
    writes = _volume(pad, "write", dau, get("writes_per_user"), get("writes"))
    reads: Volume | None = None
    if get("reads_per_user") is not None or get("reads") is not None:
        reads = _volume(pad, "read", dau, get("reads_per_user"), get("reads"))
    elif writes is not None and get("read_write_ratio") is not None:
        ratio = units.parse_ratio(get("read_write_ratio"), "--read-write-ratio")
        per = writes.period
        p_en, p_ko = _PERIOD_NAMES[per]
        amount = pad.step(
            "reads_per_day" if per == "day" else None,
            (f"reads per {p_en}", f"{p_ko} 읽기 수"),
            (f"writes per {p_en} × read:write ratio", f"{p_ko}당 쓰기 수 × 읽기:쓰기 비율"),
            f"{n(writes.amount)} × {units.sig(ratio)}",
            writes.amount * ratio,
            "per_day",
            unit=f"/{p_en}",
        )
        reads = Volume(amount, per)

    if writes is not None:
        _day_step(pad, "writes_per_day", "write", writes)
    if reads is not None:
        _day_step(pad, "reads_per_day", "read", reads)

    write_qps = _qps(pad, "write", writes)
    read_qps = _qps(pad, "read", reads)
    if write_qps is not None:
        pad.step(
            "peak_write_qps",
            ("peak write QPS", "최대 쓰기 QPS"),
            ("write QPS × peak factor", "쓰기 QPS × 피크 배수"),
            f"{n(write_qps)} × {units.sig(peak)}",
            write_qps * peak,
            "qps",
        )
    if read_qps is not None:
        pad.step(
            "peak_read_qps",
            ("peak read QPS", "최대 읽기 QPS"),
            ("read QPS × peak factor", "읽기 QPS × 피크 배수"),
            f"{n(read_qps)} × {units.sig(peak)}",
            read_qps * peak,
            "qps",
        )

    # ---- sizes
    write_size = units.parse_size(get("write_size"), "--write-size") if get("write_size") else None
    per_write: float | None = write_size
    if get("media_fraction") is not None and get("media_size") is not None:
        fraction = units.parse_fraction(get("media_fraction"), "--media-fraction")
        media = units.parse_size(get("media_size"), "--media-size")
        media_share = fraction * media
        if write_size is None:
            per_write = pad.step(
                None,
                ("media bytes per write", "쓰기당 미디어 바이트"),
                ("media fraction × media size", "미디어 비율 × 미디어 크기"),
                f"{units.sig(fraction)} × {b(media)}",
                media_share,
                "bytes",
                result=False,
            )
        else:
            per_write = pad.step(
                None,
                ("bytes stored per write", "쓰기당 저장 바이트"),
                (
                    "write size + media fraction × media size",
                    "쓰기 크기 + 미디어 비율 × 미디어 크기",
                ),
                f"{b(write_size)} + {units.sig(fraction)} × {b(media)}",
                write_size + media_share,
                "bytes",
                result=False,
            )
    read_size = units.parse_size(get("read_size"), "--read-size") if get("read_size") else per_write

    # ---- storage
    if writes is not None and per_write is not None:
        _storage(pad, writes, per_write)

    records: float | None = None
    if writes is not None and get("retention") is not None:
        amount, period = units.parse_period(get("retention"), "--retention")
        if period in ("second", "minute", "hour"):
            seconds = amount * {"second": 1.0, "minute": 60.0, "hour": 3600.0}[period]
            amount, period = seconds / 86_400, "day"
        p_en, p_ko = _PERIOD_NAMES[period]
        per_period = writes.per(period)
        records = pad.step(
            "records_total",
            ("records over the retention", "보존 기간 동안의 레코드 수"),
            (
                f"writes per {p_en} × retention ({p_en}s)",
                f"{p_ko}당 쓰기 수 × 보존 기간({_UNIT_KO[period]} 단위)",
            ),
            f"{n(per_period)} × {units.sig(amount)}",
            per_period * amount,
            "count",
            unit="records",
        )
    if records is not None and per_write is not None:
        rep = f" × {units.sig(replication)}" if replication != 1 else ""
        pad.step(
            "storage_total",
            ("storage over the retention", "보존 기간 전체 저장량"),
            ("records × bytes per write × replication", "레코드 수 × 쓰기당 바이트 × 복제 수"),
            f"{n(records)} × {b(per_write)}{rep}",
            records * per_write * replication,
            "bytes",
        )

    # ---- bandwidth and cache
    if write_qps is not None and per_write is not None:
        pad.step(
            "ingress_bandwidth",
            ("ingress bandwidth", "수신 대역폭"),
            ("write QPS × bytes per write", "쓰기 QPS × 쓰기당 바이트"),
            f"{n(write_qps)}/s × {b(per_write)}",
            write_qps * per_write,
            "bandwidth",
        )
    if read_qps is not None and read_size is not None:
        pad.step(
            "egress_bandwidth",
            ("egress bandwidth", "송신 대역폭"),
            ("read QPS × bytes per read", "읽기 QPS × 읽기당 바이트"),
            f"{n(read_qps)}/s × {b(read_size)}",
            read_qps * read_size,
            "bandwidth",
        )
    if reads is not None and read_size is not None:
        reads_day = reads.per("day")
        pad.step(
            "cache_memory",
            ("cache memory (hot reads of a day)", "캐시 메모리 (하루 읽기 중 핫 데이터)"),
            (
                "reads per day × bytes per read × cache fraction",
                "하루 읽기 수 × 읽기당 바이트 × 캐시 비율",
            ),
            f"{n(reads_day)} × {b(read_size)} × {units.sig(cache_fraction)}",
            reads_day * read_size * cache_fraction,
            "bytes",
        )

    # ---- servers
    if get("server_qps") is not None and (write_qps is not None or read_qps is not None):
        capacity = units.parse_rate(get("server_qps"), "--server-qps").per_second(
            c.seconds_per_day, c.seconds_per_month
        )
        if capacity <= 0:
            from sysdesign.errors import UsageError

            raise UsageError("--server-qps must be positive / --server-qps는 양수여야 합니다")
        total_peak = (write_qps or 0) * peak + (read_qps or 0) * peak
        pad.step(
            "servers",
            ("servers at peak", "최대 부하 기준 서버 수"),
            (
                "⌈(peak write QPS + peak read QPS) / QPS per server⌉",
                "⌈(최대 쓰기 QPS + 최대 읽기 QPS) / 서버당 QPS⌉",
            ),
            f"⌈{n(total_peak)} / {n(capacity)}⌉",
            ceil(total_peak / capacity),
            "servers",
            unit="servers",
        )
    return pad.done()


def _volume(
    pad: Pad, what: str, dau: float | None, per_user: object | None, total: object | None
) -> Volume | None:
    """Writes (or reads) as a volume: DAU × per user per day, or a total rate."""
    ko = "쓰기" if what == "write" else "읽기"
    if dau is not None and per_user is not None:
        rate = units.parse_rate(per_user, flag(f"{what}s_per_user"), default_period="day")
        per_day = _as_volume(rate, pad.conventions).per("day")
        amount = pad.step(
            f"{what}s_per_day",
            (f"{what}s per day", f"하루 {ko} 수"),
            (f"DAU × {what}s per user per day", f"DAU × 사용자당 하루 {ko} 수"),
            f"{pad.n(dau)} × {units.sig(per_day)}",
            dau * per_day,
            "per_day",
        )
        return Volume(amount, "day")
    if total is not None:
        return _as_volume(units.parse_rate(total, flag(f"{what}s")), pad.conventions)
    return None


def _day_step(pad: Pad, key: str, what: str, volume: Volume) -> None:
    ko = "쓰기" if what == "write" else "읽기"
    name = (f"{what}s per day", f"하루 {ko} 수")
    if key in pad.results:  # already on the board (DAU × per user)
        return
    if volume.period == "day":  # given per day: it is the result as written
        pad.results[key] = _result(pad, volume.amount)
        return
    divisor = DAYS_PER_MONTH if volume.period == "month" else DAYS_PER_YEAR
    p_ko = _PERIOD_NAMES[volume.period][1]
    pad.step(
        key,
        name,
        (f"{what}s per {volume.period} / {divisor}", f"{p_ko}당 {ko} 수 / {divisor}"),
        f"{pad.n(volume.amount)} / {divisor}",
        volume.per("day"),
        "per_day",
    )


def _result(pad: Pad, value: float) -> Result:
    return Result(value, "req/day", pad.human(value, "per_day"))


def _qps(pad: Pad, what: str, volume: Volume | None) -> float | None:
    if volume is None:
        return None
    ko = "쓰기" if what == "write" else "읽기"
    seconds = volume.seconds(pad.conventions)
    p = volume.period
    return pad.step(
        f"{what}_qps",
        (f"{what} QPS", f"{ko} QPS"),
        (
            f"{what}s per {p} / seconds per {p}",
            f"{_PERIOD_NAMES[p][1]}당 {ko} 수 / {_PERIOD_NAMES[p][1]}당 초",
        ),
        f"{pad.n(volume.amount)} / {units.sig(seconds, 7)}",
        volume.amount / seconds,
        "qps",
    )


def _storage(pad: Pad, writes: Volume, per_write: float) -> None:
    b, n = pad.b, pad.n
    first = writes.period
    base = pad.step(
        f"storage_per_{first}",
        (
            f"storage per {first}",
            {"day": "하루", "month": "한 달", "year": "1년"}[first] + " 저장량",
        ),
        (
            f"writes per {first} × bytes per write",
            f"{_PERIOD_NAMES[first][1]}당 쓰기 수 × 쓰기당 바이트",
        ),
        f"{n(writes.amount)} × {b(per_write)}",
        writes.amount * per_write,
        "bytes",
    )
    names = {
        "day": ("storage per day", "하루 저장량"),
        "month": ("storage per month", "한 달 저장량"),
        "year": ("storage per year", "1년 저장량"),
    }
    for period in ("day", "month", "year"):
        if period == first:
            continue
        value = writes.per(period) * per_write
        if first == "day":
            factor = DAYS_PER_MONTH if period == "month" else DAYS_PER_YEAR
            formula = (f"storage per day × {factor}", f"하루 저장량 × {factor}")
            sub = f"{b(base)} × {factor}"
        elif first == "month":
            if period == "year":
                formula, sub = ("storage per month × 12", "한 달 저장량 × 12"), f"{b(base)} × 12"
            else:
                formula, sub = ("storage per month / 30", "한 달 저장량 / 30"), f"{b(base)} / 30"
        else:
            divisor = MONTHS_PER_YEAR if period == "month" else DAYS_PER_YEAR
            formula = (f"storage per year / {divisor}", f"1년 저장량 / {divisor}")
            sub = f"{b(base)} / {divisor}"
        pad.step(f"storage_per_{period}", names[period], formula, sub, value, "bytes")


def preset_inputs(values: Mapping[str, object]) -> dict[str, object]:
    """Only the traffic-model names, without empty values."""
    return {k: v for k, v in values.items() if k in TRAFFIC_INPUTS and v not in (None, "")}
