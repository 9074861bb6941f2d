"""Peak load against per-instance capacity (the estimator's figures, the catalogue's)."""

from __future__ import annotations

from collections.abc import Iterator

from sysdesign.design.capacity import Load, loads
from sysdesign.design.rules import Context, Hit, rule
from sysdesign.estimate.units import format_count, format_korean_number
from sysdesign.messages import Message, given, message

_WHAT = {
    "throughput": ("requests/s", "요청/초"),
    "writes": ("writes/s per primary", "프라이머리당 쓰기/초"),
    "connections": ("connections", "연결"),
}


def _units(load: Load) -> tuple[str, str, str, str]:
    """(what in English, in Korean, the instance unit in English, in Korean)."""
    if load.leaderless:
        return "client writes/s", "클라이언트 쓰기/초", "node", "노드"
    en_u, ko_u = _WHAT[load.what]
    if load.what == "writes":
        return en_u, ko_u, "shard", "샤드"
    return en_u, ko_u, "instance", "인스턴스"


def _evidence(load: Load) -> tuple[Message, ...]:
    en_u, ko_u, unit_en, unit_ko = _units(load)
    cap = format_count(load.per_instance.value)
    out = [
        given(
            f"peak load: {format_count(load.load)} {en_u.split(' per')[0]} ({load.load_name})",
            f"최대 부하: {format_korean_number(load.load)} {ko_u.split('당 ')[-1]} "
            f"({load.load_name_ko or load.load_name})",
        ),
        given(
            f"capacity: {load.instances} {unit_en}(s) × {cap} = {format_count(load.capacity)}",
            f"용량: {unit_ko} {load.instances}개 × {format_korean_number(load.per_instance.value)} "
            f"= {format_korean_number(load.capacity)}",
        ),
        given(
            f"per-instance figure: {load.per_instance.source}",
            f"인스턴스당 수치: {load.per_instance.source_in('ko')}",
        ),
    ]
    if load.share is not None:
        out.append(given(f"load placed by {load.share[0]}", f"부하 배분: {load.share[1]}"))
    return tuple(out)


@rule("under-provisioned", severity="major")
def under_provisioned(ctx: Context) -> Iterator[Hit]:
    """With estimates: the peak load on a component exceeds instances × per-instance capacity.

    Critical when the load is at least twice the capacity. A one-shard database over its write
    capacity is needs-sharding instead.
    """
    for load in loads(ctx):
        if load.load <= load.capacity or (
            load.what == "writes" and load.instances == 1 and not load.leaderless
        ):
            continue
        names = ", ".join(load.components)
        ratio = load.load / load.capacity
        en_u, ko_u, unit, more_ko = _units(load)
        more = f"{unit}s"
        yield Hit(
            components=load.components,
            severity="critical" if ratio >= 2 else None,
            message=given(
                f"{names} is under-provisioned: peak {format_count(load.load)} {en_u} against "
                f"a capacity of {format_count(load.capacity)} ({ratio:.1f}×)",
                f"{names}의 용량이 부족합니다: 최대 {format_korean_number(load.load)} {ko_u}, 용량 "
                f"{format_korean_number(load.capacity)} ({ratio:.1f}배)",
            ),
            why=message("design.capacity.at_peak_the_instances_saturate"),
            fix=given(
                f"Run at least {load.needed} {more} (plus headroom for a failure), or state a "
                "higher per-instance `capacity:` you can justify.",
                f"{more_ko}를 최소 {load.needed}개로 늘리세요(장애 대비 여유분 추가). 또는 근거가 있는 "
                "더 높은 인스턴스당 `capacity:`를 적으세요.",
            ),
            evidence=_evidence(load),
        )


@rule("needs-sharding", severity="major")
def needs_sharding(ctx: Context) -> Iterator[Hit]:
    """With estimates: a database's write load exceeds one primary's capacity, one shard.

    A leaderless store has no primary: its nodes all take writes, and under-provisioned says
    how many it needs.
    """
    for load in loads(ctx):
        if (
            load.what != "writes"
            or load.leaderless
            or load.instances != 1
            or load.load <= load.capacity
        ):
            continue
        db = load.components[0]
        yield Hit(
            components=load.components,
            message=given(
                f"database '{db}' takes {format_count(load.load)} writes/s at peak on one "
                f"primary that sustains about {format_count(load.capacity)}",
                f"'{db}' 데이터베이스가 최대 초당 {format_korean_number(load.load)}건의 쓰기를 받는데 "
                f"프라이머리 하나는 초당 약 {format_korean_number(load.capacity)}건까지 감당합니다",
            ),
            why=message("design.capacity.replicas_scale_reads_not_writes"),
            fix=message(
                "design.capacity.shard_into_at_least_partitions", db=db, needed=load.needed
            ),
            evidence=_evidence(load),
        )
