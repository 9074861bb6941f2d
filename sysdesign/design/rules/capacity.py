"""Peak load against per-instance capacity (the estimator's figures, the catalogue's)."""

from __future__ import annotations

from collections.abc import Iterator

from sysdesign.design.capacity import Load, loads
from sysdesign.design.rules import Context, Hit, rule
from sysdesign.estimate.units import format_count, format_korean_number
from sysdesign.messages import Message, message

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


def _number(value: float) -> dict[str, str]:
    """`value` as the English and the Korean show it (12.3K, 1만 2천)."""
    return {"en": format_count(value), "ko": format_korean_number(value)}


def _evidence(load: Load) -> tuple[Message, ...]:
    en_u, ko_u, unit_en, unit_ko = _units(load)
    cap = format_count(load.per_instance.value)
    out = [
        message(
            "design.capacity.peak_load",
            load=_number(load.load),
            what={"en": en_u.split(" per")[0], "ko": ko_u.split("당 ")[-1]},
            name={"en": load.load_name, "ko": load.load_name_ko or load.load_name},
        ),
        message(
            "design.capacity.capacity",
            instances=load.instances,
            unit={"en": unit_en, "ko": unit_ko},
            per_instance={
                "en": cap,
                "ko": format_korean_number(load.per_instance.value),
            },
            capacity=_number(load.capacity),
        ),
        message(
            "design.capacity.per_instance_figure",
            source={"en": load.per_instance.source, "ko": load.per_instance.source_in("ko")},
        ),
    ]
    if load.share is not None:
        out.append(
            message(
                "design.capacity.load_placed_by",
                share={"en": load.share[0], "ko": load.share[1]},
            )
        )
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
            message=message(
                "design.capacity.under_provisioned",
                names=names,
                load=_number(load.load),
                what={"en": en_u, "ko": ko_u},
                capacity=_number(load.capacity),
                ratio=ratio,
            ),
            why=message("design.capacity.at_peak_the_instances_saturate"),
            fix=message(
                "design.capacity.run_at_least",
                needed=load.needed,
                more={"en": more, "ko": more_ko},
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
            message=message(
                "design.capacity.one_primary",
                db=db,
                load=_number(load.load),
                capacity=_number(load.capacity),
            ),
            why=message("design.capacity.replicas_scale_reads_not_writes"),
            fix=message(
                "design.capacity.shard_into_at_least_partitions", db=db, needed=load.needed
            ),
            evidence=_evidence(load),
        )
