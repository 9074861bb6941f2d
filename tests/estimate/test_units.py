"""Parsing and formatting of quantities."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sysdesign.errors import UsageError
from sysdesign.estimate import units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10k", 1e4),
        ("2.5M", 2.5e6),
        ("300M", 3e8),
        ("1B", 1e9),
        ("86,400", 86400),
        ("1억", 1e8),
        ("5천만", 5e7),
        ("7", 7),
        (12, 12),
    ],
)
def test_counts(text: object, expected: float) -> None:
    assert units.parse_count(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.27KB", 1270),
        ("500 KB", 5e5),
        ("200B", 200),
        ("1MiB", 2**20),
        ("16KiB", 16384),
        ("2 GB", 2e9),
        ("8Gbit", 1e9),
        ("8 Gb", 1e9),
        ("10 bytes", 10),
        ("3", 3),
    ],
)
def test_sizes(text: str, expected: float) -> None:
    assert units.parse_size(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "amount", "period"),
    [
        ("100M/day", 1e8, "day"),
        ("10M/month", 1e7, "month"),
        ("4/s", 4, "second"),
        ("3500 qps", 3500, "second"),
        ("2 per day", 2, "day"),
        ("1000", 1000, "second"),
        ("1.2k/min", 1200, "minute"),
        ("5B/year", 5e9, "year"),
    ],
)
def test_rates(text: str, amount: float, period: str) -> None:
    rate = units.parse_rate(text)
    assert (rate.amount, rate.period) == (pytest.approx(amount), period)


def test_rate_per_second_uses_the_conventions() -> None:
    assert units.parse_rate("100M/day").per_second() == pytest.approx(1e8 / 86400)
    assert units.parse_rate("100M/day").per_second(100_000, 2_500_000) == pytest.approx(1000)
    assert units.parse_rate("10M/month").per_second(86400, 2_500_000) == pytest.approx(4)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("100ms", 0.1),
        ("30s", 30),
        ("5m", 300),
        ("2h", 7200),
        ("1d", 86400),
        ("36mo", 36 * 30 * 86400),
        ("5y", 5 * 365 * 86400),
        ("250us", 250e-6),
        ("1µs", 1e-6),
    ],
)
def test_durations(text: str, seconds: float) -> None:
    assert units.parse_duration(text) == pytest.approx(seconds)


def test_periods_keep_their_calendar_unit() -> None:
    assert units.parse_period("5y") == (5, "year")
    assert units.parse_period("36mo") == (36, "month")
    assert units.parse_period("90d") == (90, "day")
    assert units.parse_period("2w") == (14, "day")


def test_ratios_fractions_percent() -> None:
    assert units.parse_ratio("10:1") == 10
    assert units.parse_ratio("1:10") == pytest.approx(0.1)
    assert units.parse_ratio("20") == 20
    assert units.parse_fraction("20%") == pytest.approx(0.2)
    assert units.parse_fraction("0.2") == pytest.approx(0.2)
    assert units.parse_fraction("1/5") == pytest.approx(0.2)
    assert units.parse_percent("99.9%") == pytest.approx(0.999)


def test_byte_rates_tell_bytes_from_messages() -> None:
    assert units.parse_byte_rate("50MB/s") == (5e7, "bytes")
    assert units.parse_byte_rate("1Gbps") == (1.25e8, "bytes")
    assert units.parse_byte_rate("100k/s") == (1e5, "items")


def test_parse_quantity_says_what_it_read() -> None:
    assert units.parse_quantity("10:1") == (10, "ratio")
    assert units.parse_quantity("1.27KB") == (1270, "size")
    assert units.parse_quantity("10k") == (1e4, "count")
    assert units.parse_quantity("100ms") == (pytest.approx(0.1), "duration")
    assert units.parse_quantity("20%") == (pytest.approx(0.2), "fraction")
    value, kind = units.parse_quantity("100M/day")
    assert kind == "rate" and value == pytest.approx(1e8 / 86400)
    assert units.parse_quantity("50MB/s") == (5e7, "byte_rate")


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (units.parse_count, "lots"),
        (units.parse_size, "12 parsecs"),
        (units.parse_rate, "5/fortnight"),
        (units.parse_duration, "soon"),
        (units.parse_ratio, "1:0"),
        (units.parse_fraction, "half"),
        (units.parse_count, "-3"),
        (units.parse_percent, "120"),
    ],
)
def test_unreadable_input_names_flag_value_and_example(parse: object, text: str) -> None:
    with pytest.raises(UsageError) as err:
        parse(text, "--some-flag")  # type: ignore[operator]
    message = str(err.value)
    assert "--some-flag" in message and repr(text) in message
    assert "for example" in message and "예:" in message


def test_formatting() -> None:
    assert units.format_count(1157.4) == "1.16k"
    assert units.format_count(365e9) == "365B"
    assert units.format_count(999.6) == "1k"  # rounding moves it to the next prefix
    assert units.format_size(1270) == "1.27 KB"
    assert units.format_size(1024, binary=True) == "1 KiB"
    assert units.format_size(54.75e15) == "54.8 PB"
    assert units.format_bandwidth(1.25e6) == "1.25 MB/s (10 Mbit/s)"
    assert units.format_duration(0.1) == "100 ms"
    assert units.format_duration(31557.6) == "8.77 h"
    assert units.format_percent(0.999) == "99.9%"


positive = st.floats(min_value=1e-3, max_value=1e18, allow_nan=False, allow_infinity=False)


def _within_rounding(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=5e-3)


@given(positive)
def test_sizes_round_trip(value: float) -> None:
    value = max(value, 1.0)
    assert _within_rounding(units.parse_size(units.format_size(value)), value)
    assert _within_rounding(units.parse_size(units.format_size(value, binary=True)), value)


@given(positive)
def test_counts_round_trip(value: float) -> None:
    assert _within_rounding(units.parse_count(units.format_count(value)), value)


@given(st.floats(min_value=1e-9, max_value=1e9))
def test_durations_round_trip(value: float) -> None:
    text = units.format_duration(value).replace(" ", "")
    assert _within_rounding(units.parse_duration(text), value)


@given(positive)
def test_bandwidth_round_trip(value: float) -> None:
    value = max(value, 1.0)
    bytes_part, bits_part = units.format_bandwidth(value).split(" (")
    assert _within_rounding(units.parse_byte_rate(bytes_part.replace(" ", ""))[0], value)
    bits = bits_part.rstrip(")").replace("bit/s", "bps").replace(" ", "")
    assert _within_rounding(units.parse_byte_rate(bits)[0], value)


@pytest.mark.parametrize("text", ["150%", "1.5", "3/2", "-0.1", "nan"])
def test_a_fraction_above_one_or_below_zero_is_refused(text: str) -> None:
    with pytest.raises(UsageError) as info:
        units.parse_fraction(text, "--media-fraction")
    assert "--media-fraction" in str(info.value)


def test_fraction_bounds_are_inclusive() -> None:
    assert units.parse_fraction("0") == 0 and units.parse_fraction("100%") == 1


@pytest.mark.parametrize(
    ("value", "korean"),
    [
        (2e7, "2천만"),
        (231.48, "231"),
        (11_574, "1만 1,600"),
        (115_740, "11만 6천"),
        (1e9, "10억"),
        (36.5e9, "365억"),
        (1.5e12, "1조 5천억"),
        (1_160, "1,160"),
        (0.2, "0.2"),
        (-2e7, "-2천만"),
    ],
)
def test_korean_numbers_read_as_korean_writes_them(value: float, korean: str) -> None:
    assert units.format_korean_number(value) == korean


def test_korean_results_name_their_counter() -> None:
    assert units.format_korean(2e7, "/day", "20M/day") == "하루 2천만 건"
    assert units.format_korean(231.48, "req/s", "231 req/s") == "초당 231건"
    assert units.format_korean(200, "in flight", "200 in flight") == "동시 처리 200건"
    assert units.format_korean(20, "partitions", "20 partitions") == "파티션 20개"
    assert units.format_korean(31_557.6, "s", "8.77 h") == "8.77시간"
    assert units.format_korean(3e12, "B", "3 TB") == "3 TB"  # sizes keep their units


COUNT_SUFFIXES = {
    "": 1,
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
    "천": 1e3,
    "만": 1e4,
    "백만": 1e6,
    "천만": 1e7,
    "억": 1e8,
    "십억": 1e9,
    "조": 1e12,
}


@pytest.mark.parametrize(("suffix", "multiplier"), COUNT_SUFFIXES.items())
def test_every_count_suffix(suffix: str, multiplier: float) -> None:
    assert units.parse_count(f"3{suffix}") == 3 * multiplier


DAY = 86_400
DURATIONS = {
    **dict.fromkeys(["ns"], 1e-9),
    **dict.fromkeys(["us", "µs", "μs"], 1e-6),
    "ms": 1e-3,
    **dict.fromkeys(["", "s", "sec", "secs", "second", "seconds", "초"], 1),
    **dict.fromkeys(["m", "min", "mins", "minute", "minutes", "분"], 60),
    **dict.fromkeys(["h", "hr", "hour", "hours", "시간"], 3_600),
    **dict.fromkeys(["d", "day", "days", "일"], DAY),
    **dict.fromkeys(["w", "week", "weeks", "주"], 7 * DAY),
    **dict.fromkeys(["mo", "month", "months", "개월"], 30 * DAY),
    **dict.fromkeys(["y", "yr", "year", "years", "년"], 365 * DAY),
}


@pytest.mark.parametrize(("unit", "seconds"), DURATIONS.items())
def test_every_duration_unit(unit: str, seconds: float) -> None:
    assert units.parse_duration(f"2{unit}") == pytest.approx(2 * seconds)


def test_a_negative_count_is_refused_and_zero_is_not() -> None:
    assert units.parse_count("0") == 0
    with pytest.raises(UsageError):
        units.parse_count("-1")


def test_byte_rates_in_bits_bytes_and_items() -> None:
    assert units.parse_byte_rate("1Gbps") == (1e9 / 8, "bytes")
    assert units.parse_byte_rate("0Mbps") == (0, "bytes")
    assert units.parse_byte_rate("50MB/s") == (50e6, "bytes")
    assert units.parse_byte_rate("0MB/s") == (0, "bytes")
    assert units.parse_byte_rate("100k/s") == (100e3, "items")
    assert units.parse_byte_rate("60k/min") == (pytest.approx(1e3), "items")
    for bad in ("-1Gbps", "-5MB/s", "5XB/s"):
        with pytest.raises(UsageError):
            units.parse_byte_rate(bad, "--rate")


def test_formatting_at_the_edges() -> None:
    assert units.format_size(0) == "0 B"
    assert units.format_size(0.5) == "0.5 B"
    assert units.format_bits(0) == "0 bit/s"
    assert units.format_size(999.6) == "1 KB"  # rounding moves it to the next prefix
    assert units.format_size(1023.9, binary=True) == "1 KiB"
    assert units.format_duration(0) == "0 s"
    assert units.format_duration(90) == "1.5 min"
    assert units.format_duration(5e-10) == "0.5 ns"
    assert units.format_count(-1500) == "-1.5k"
    assert units.sig(0.000123456) == "0.000123"


def test_whole_numbers_below_100k_are_written_out() -> None:
    from sysdesign.estimate import calculators as calc

    def partitions(target: str) -> str:
        c = calc.partitions(
            {
                "target_throughput": target,
                "partition_throughput": "1/s",
                "consumer_throughput": "1/s",
            }
        )
        return c.steps[-1].human

    assert partitions("99999/s") == "99,999 partitions"
    assert partitions("100000/s") == "100k partitions"


SIZES = {
    "B": 1,
    "KB": 1e3,
    "MB": 1e6,
    "GB": 1e9,
    "TB": 1e12,
    "PB": 1e15,
    "EB": 1e18,
    "KiB": 1024,
    "MiB": 1024**2,
    "GiB": 1024**3,
    "TiB": 1024**4,
    "PiB": 1024**5,
    "EiB": 1024**6,
}


@pytest.mark.parametrize(("unit", "size"), SIZES.items())
def test_every_size_unit(unit: str, size: float) -> None:
    assert units.parse_size(f"2{unit}") == 2 * size
