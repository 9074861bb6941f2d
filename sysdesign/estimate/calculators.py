"""Sub-calculators for the classic drills: connections, Little's law, pools, partitions,
shards, B-tree height and availability. Each takes the text the user wrote (or numbers) and
returns a `Calculation` with the same shape as the traffic model.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from sysdesign.errors import UsageError
from sysdesign.estimate import units
from sysdesign.estimate.model import Calculation, Conventions, Result
from sysdesign.estimate.work import Pad, ceil
from sysdesign.i18n import josa

SECONDS_PER_YEAR_AVAILABILITY = 365.25 * 86_400  # availability uses the 365.25-day year


def _clean(values: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in values.items() if v is not None and v != ""}


def _positive(value: float, flag: str) -> float:
    if value <= 0:
        raise UsageError(
            f"{flag} must be greater than zero / {josa(flag, '은/는')} 0보다 커야 합니다"
        )
    return value


def connections(
    values: Mapping[str, object], conventions: Conventions | None = None
) -> Calculation:
    """Long-lived connections (chat, presence, games): how many, memory, servers, update QPS."""
    given = _clean(values)
    pad = Pad(conventions or Conventions(), given)
    concurrent: float | None = None
    if "concurrent" in given:
        concurrent = units.parse_count(given["concurrent"], "--concurrent")
        pad.results["concurrent"] = pad_result(pad, concurrent, "connections")
    elif "dau" in given and "concurrent_fraction" in given:
        dau = units.parse_count(given["dau"], "--dau")
        fraction = units.parse_fraction(given["concurrent_fraction"], "--concurrent-fraction")
        concurrent = pad.step(
            "concurrent",
            ("concurrent connections", "동시 연결 수"),
            ("DAU × concurrent fraction", "DAU × 동시 접속 비율"),
            f"{pad.n(dau)} × {units.sig(fraction)}",
            dau * fraction,
            "number",
            unit="connections",
        )
    if concurrent is None:
        raise UsageError(
            "give --concurrent N, or --dau N with --concurrent-fraction F / "
            "--concurrent N 또는 --dau N과 --concurrent-fraction F를 주세요"
        )
    if "memory_per_connection" in given:
        per = units.parse_size(given["memory_per_connection"], "--memory-per-connection")
        pad.step(
            "memory_total",
            ("memory for all connections", "전체 연결 메모리"),
            ("concurrent × memory per connection", "동시 연결 수 × 연결당 메모리"),
            f"{pad.n(concurrent)} × {pad.b(per)}",
            concurrent * per,
            "bytes",
        )
    if "connections_per_server" in given:
        cap = _positive(
            units.parse_count(given["connections_per_server"], "--connections-per-server"),
            "--connections-per-server",
        )
        pad.step(
            "servers",
            ("connection servers", "연결 서버 수"),
            ("⌈concurrent / connections per server⌉", "⌈동시 연결 수 / 서버당 연결 수⌉"),
            f"⌈{pad.n(concurrent)} / {pad.n(cap)}⌉",
            ceil(concurrent / cap),
            "servers",
            unit="servers",
        )
    if "update_interval" in given:
        interval = _positive(
            units.parse_duration(given["update_interval"], "--update-interval"), "--update-interval"
        )
        pad.step(
            "update_qps",
            ("updates per second", "초당 업데이트 수"),
            ("concurrent / update interval", "동시 연결 수 / 업데이트 간격"),
            f"{pad.n(concurrent)} / {units.format_duration(interval)}",
            concurrent / interval,
            "qps",
        )
    return pad.done()


def pad_result(pad: Pad, value: float, unit: str) -> Result:
    """A result that is an input as given (no step to show)."""
    return Result(value, unit, pad.human(value, "number", unit))


def concurrency(
    values: Mapping[str, object], conventions: Conventions | None = None
) -> Calculation:
    """Little's law: work in flight = throughput × latency; memory = in flight × stack size."""
    given = _clean(values)
    given.setdefault("stack_size", "2KB")
    pad = Pad(conventions or Conventions(), given)
    in_flight: float | None = None
    if "in_flight" in given:
        in_flight = units.parse_count(given["in_flight"], "--in-flight")
        pad.results["in_flight"] = pad_result(pad, in_flight, "in flight")
    elif "throughput" in given and "latency" in given:
        c = pad.conventions
        rate = units.parse_rate(given["throughput"], "--throughput").per_second(
            c.seconds_per_day, c.seconds_per_month
        )
        latency = units.parse_duration(given["latency"], "--latency")
        in_flight = pad.step(
            "in_flight",
            ("in flight (Little's law L = λ × W)", "동시에 처리 중인 작업 (리틀의 법칙 L = λ × W)"),
            ("throughput × latency", "처리량 × 지연 시간"),
            f"{pad.n(rate)}/s × {units.format_duration(latency)}",
            rate * latency,
            "number",
            unit="in flight",
        )
    if in_flight is None:
        raise UsageError(
            "give --throughput RATE with --latency DURATION (or --in-flight N) / "
            "--throughput RATE와 --latency DURATION(또는 --in-flight N)을 주세요"
        )
    stack = units.parse_size(given["stack_size"], "--stack-size")
    pad.step(
        "memory_total",
        ("memory of the workers in flight", "동시 작업자 메모리"),
        ("in flight × stack size", "동시 작업 수 × 스택 크기"),
        f"{pad.n(in_flight)} × {pad.b(stack)}",
        in_flight * stack,
        "bytes",
    )
    return pad.done()


def pool(values: Mapping[str, object], conventions: Conventions | None = None) -> Calculation:
    """A database connection pool sized two ways: Little's law and cores × 2 + spindles."""
    given = _clean(values)
    given.setdefault("spindles", "1")
    pad = Pad(conventions or Conventions(), given)
    if "throughput" in given and "query_time" in given:
        c = pad.conventions
        rate = units.parse_rate(given["throughput"], "--throughput").per_second(
            c.seconds_per_day, c.seconds_per_month
        )
        query = units.parse_duration(given["query_time"], "--query-time")
        pad.step(
            "pool_size_littles_law",
            ("pool size by Little's law", "리틀의 법칙으로 구한 풀 크기"),
            ("⌈queries per second × query time⌉", "⌈초당 쿼리 수 × 쿼리 시간⌉"),
            f"⌈{pad.n(rate)}/s × {units.format_duration(query)}⌉",
            ceil(rate * query),
            "number",
            unit="connections",
        )
    if "cores" in given:
        cores = units.parse_count(given["cores"], "--cores")
        spindles = units.parse_count(given["spindles"], "--spindles")
        pad.step(
            "pool_size_heuristic",
            ("pool size by cores × 2 + spindles", "코어 × 2 + 스핀들로 구한 풀 크기"),
            ("cores × 2 + effective spindles", "코어 수 × 2 + 유효 스핀들 수"),
            f"{units.sig(cores)} × 2 + {units.sig(spindles)}",
            cores * 2 + spindles,
            "number",
            unit="connections",
        )
    if not pad.results:
        raise UsageError(
            "give --throughput RATE with --query-time DURATION, and/or --cores N / "
            "--throughput RATE와 --query-time DURATION, 또는 --cores N을 주세요"
        )
    return pad.done()


def partitions(values: Mapping[str, object], conventions: Conventions | None = None) -> Calculation:
    """Partitions of a log: the larger of target / per-partition and target / per-consumer."""
    given = _clean(values)
    missing = [
        f
        for f in ("target_throughput", "partition_throughput", "consumer_throughput")
        if f not in given
    ]
    if missing:
        flags = ", ".join("--" + m.replace("_", "-") for m in missing)
        raise UsageError(f"missing {flags} / 빠진 옵션: {flags}")
    pad = Pad(conventions or Conventions(), given)
    target, kind = units.parse_byte_rate(given["target_throughput"], "--target-throughput")
    quotients: list[float] = []
    for key, flag, name in (
        ("partition_throughput", "--partition-throughput", ("producer side", "생산자 쪽")),
        ("consumer_throughput", "--consumer-throughput", ("consumer side", "소비자 쪽")),
    ):
        per, per_kind = units.parse_byte_rate(given[key], flag)
        if per_kind != kind:
            raise UsageError(
                f"{flag} is in {per_kind} but --target-throughput is in {kind}: use the same kind "
                f"(both messages/s or both bytes/s) / {josa(flag, '와/과')} --target-throughput의 단위를 맞추세요"
            )
        _positive(per, flag)
        shown = pad.b(per) + "/s" if kind == "bytes" else pad.n(per) + "/s"
        target_shown = pad.b(target) + "/s" if kind == "bytes" else pad.n(target) + "/s"
        side = "partition" if key == "partition_throughput" else "consumer"
        side_ko = "파티션" if side == "partition" else "컨슈머"
        quotients.append(
            pad.step(
                f"partitions_for_{'producers' if side == 'partition' else 'consumers'}",
                (f"partitions needed, {name[0]}", f"필요한 파티션 수 ({name[1]})"),
                (f"⌈target / per-{side} throughput⌉", f"⌈목표 처리량 / {side_ko}당 처리량⌉"),
                f"⌈{target_shown} / {shown}⌉",
                ceil(target / per),
                "number",
                unit="partitions",
            )
        )
    pad.step(
        "partitions",
        ("partitions", "파티션 수"),
        ("max(producer side, consumer side)", "max(생산자 쪽, 소비자 쪽)"),
        f"max({units.sig(quotients[0])}, {units.sig(quotients[1])})",
        max(quotients),
        "number",
        unit="partitions",
    )
    return pad.done()


def shards(values: Mapping[str, object], conventions: Conventions | None = None) -> Calculation:
    """Nodes: the larger of data / node storage and writes / node write capacity."""
    given = _clean(values)
    pad = Pad(conventions or Conventions(), given)
    needs: list[float] = []
    if "data_size" in given and "node_storage" in given:
        data = units.parse_size(given["data_size"], "--data-size")
        node = _positive(
            units.parse_size(given["node_storage"], "--node-storage"), "--node-storage"
        )
        needs.append(
            pad.step(
                "nodes_for_storage",
                ("nodes for storage", "저장 용량 기준 노드 수"),
                ("⌈data size / storage per node⌉", "⌈데이터 크기 / 노드당 저장 용량⌉"),
                f"⌈{pad.b(data)} / {pad.b(node)}⌉",
                ceil(data / node),
                "number",
                unit="nodes",
            )
        )
    if "write_qps" in given and "node_write_qps" in given:
        c = pad.conventions
        qps = units.parse_rate(given["write_qps"], "--write-qps").per_second(
            c.seconds_per_day, c.seconds_per_month
        )
        node_qps = _positive(
            units.parse_rate(given["node_write_qps"], "--node-write-qps").per_second(
                c.seconds_per_day, c.seconds_per_month
            ),
            "--node-write-qps",
        )
        needs.append(
            pad.step(
                "nodes_for_writes",
                ("nodes for writes", "쓰기 처리량 기준 노드 수"),
                ("⌈write QPS / write QPS per node⌉", "⌈쓰기 QPS / 노드당 쓰기 QPS⌉"),
                f"⌈{pad.n(qps)}/s / {pad.n(node_qps)}/s⌉",
                ceil(qps / node_qps),
                "number",
                unit="nodes",
            )
        )
    if not needs:
        raise UsageError(
            "give --data-size with --node-storage, and/or --write-qps with --node-write-qps / "
            "--data-size와 --node-storage, 또는 --write-qps와 --node-write-qps를 주세요"
        )
    pad.step(
        "nodes",
        ("nodes (shards)", "노드 수 (샤드)"),
        ("max(nodes for storage, nodes for writes)", "max(저장 기준, 쓰기 기준)"),
        "max(" + ", ".join(units.sig(x) for x in needs) + ")",
        max(needs),
        "number",
        unit="nodes",
    )
    return pad.done()


def btree(values: Mapping[str, object], conventions: Conventions | None = None) -> Calculation:
    """B+tree: fanout = page / (key + pointer); height = ⌈log_fanout(rows)⌉; index size."""
    given = _clean(values)
    given.setdefault("key_size", "8B")
    given.setdefault("pointer_size", "8B")
    given.setdefault("page_size", "16KiB")
    if "rows" not in given:
        raise UsageError("give --rows N / --rows N을 주세요")
    pad = Pad(conventions or Conventions(), given)
    rows = _positive(units.parse_count(given["rows"], "--rows"), "--rows")
    key = units.parse_size(given["key_size"], "--key-size")
    pointer = units.parse_size(given["pointer_size"], "--pointer-size")
    page = units.parse_size(given["page_size"], "--page-size")
    entry = _positive(key + pointer, "--key-size + --pointer-size")
    fanout = float(math.floor(page / entry))
    if fanout < 2:
        raise UsageError(
            "--page-size must hold at least two keys and pointers / "
            "--page-size에 키와 포인터가 두 개 이상 들어가야 합니다"
        )
    pad.step(
        "fanout",
        ("fanout (entries per page)", "팬아웃 (페이지당 항목 수)"),
        ("⌊page size / (key size + pointer size)⌋", "⌊페이지 크기 / (키 크기 + 포인터 크기)⌋"),
        f"⌊{pad.b(page)} / ({pad.b(key)} + {pad.b(pointer)})⌋",
        fanout,
        "number",
        unit="entries",
    )
    height = 1.0
    while fanout**height < rows:
        height += 1
    pad.step(
        "height",
        ("height (levels)", "높이 (레벨 수)"),
        ("⌈log_fanout(rows)⌉", "⌈log_팬아웃(행 수)⌉"),
        f"⌈log_{units.sig(fanout, 6)}({pad.n(rows)})⌉ = ⌈{units.sig(math.log(rows, fanout))}⌉",
        height,
        "number",
        unit="levels",
    )
    pages, level_pages = 0.0, rows
    while True:
        level_pages = float(math.ceil(level_pages / fanout))
        pages += level_pages
        if level_pages <= 1:
            break
    pad.step(
        "index_size",
        ("index size (all levels, full pages)", "인덱스 크기 (모든 레벨, 꽉 찬 페이지 기준)"),
        ("pages over all levels × page size", "전체 레벨의 페이지 수 × 페이지 크기"),
        f"{pad.n(pages)} × {pad.b(page)}",
        pages * page,
        "bytes",
    )
    return pad.done()


def availability(
    percents: Sequence[object], parallel: bool = False, conventions: Conventions | None = None
) -> Calculation:
    """Components in series (all must work) or in parallel (one is enough)."""
    if not percents:
        raise UsageError("give at least one availability, e.g. 99.9 / 가용성을 하나 이상 주세요")
    parts = [units.parse_percent(p, "PCT") for p in percents]
    pad = Pad(
        conventions or Conventions(),
        {"components": [str(p) for p in percents], "parallel": parallel},
    )
    shown = " × ".join(units.format_percent(p) for p in parts)
    if parallel:
        down = math.prod(1 - p for p in parts)
        total = 1 - down
        shown = "1 − " + " × ".join(f"(1 − {units.format_percent(p)})" for p in parts)
        formula: tuple[str, str] = (
            "1 − Π(1 − Aᵢ)  (parallel: one is enough)",
            "1 − Π(1 − Aᵢ)  (병렬: 하나만 살아 있으면 됨)",
        )
    else:
        total = math.prod(parts)
        formula = ("Π Aᵢ  (series: every one must work)", "Π Aᵢ  (직렬: 모두 살아 있어야 함)")
    pad.step("availability", ("availability", "가용성"), formula, shown, total * 100, "percent")
    pad.step(
        "downtime_per_year",
        ("downtime per year", "연간 다운타임"),
        ("(1 − A) × 365.25 days", "(1 − A) × 365.25일"),
        f"{units.sig(1 - total, 4)} × 31,557,600 s",
        (1 - total) * SECONDS_PER_YEAR_AVAILABILITY,
        "seconds",
    )
    pad.step(
        "downtime_per_month",
        ("downtime per month", "월간 다운타임"),
        ("downtime per year / 12", "연간 다운타임 / 12"),
        f"{units.format_duration((1 - total) * SECONDS_PER_YEAR_AVAILABILITY)} / 12",
        (1 - total) * SECONDS_PER_YEAR_AVAILABILITY / 12,
        "seconds",
    )
    return pad.done()
