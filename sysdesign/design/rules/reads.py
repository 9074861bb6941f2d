"""Read-heavy designs without a cache."""

from __future__ import annotations

from collections.abc import Iterator

from sysdesign.design.graph import CALLER_KINDS, is_write_edge, kind_of
from sysdesign.design.rules import Context, Hit, rule, t
from sysdesign.models.kinds import DATABASES

READ_HEAVY = 10.0


@rule("no-cache", severity="major")
def no_cache(ctx: Context) -> Iterator[Hit]:
    """Read:write ≥ 10 and no cache beside the services that read from a database.

    A reader is a service (or worker, gateway…) with an edge to a database not labelled as a
    write. One cache beside any reader is enough: the rule does not ask for one per database.
    A cache the reader only writes to (every label on the edge a write) serves no read.
    """
    ratio = ctx.read_write_ratio
    if ratio is None or ratio < READ_HEAVY:
        return
    g = ctx.graph
    readers: dict[str, list[str]] = {}
    for u, v in g.edges:
        if (
            kind_of(g, v) in DATABASES
            and kind_of(g, u) in CALLER_KINDS
            and not is_write_edge(g, u, v)
        ):
            readers.setdefault(u, []).append(v)
    if not readers:
        return
    for reader in readers:
        if any(
            kind_of(g, n) == "cache" and not is_write_edge(g, reader, n) for n in g.succ[reader]
        ):
            return
    dbs = sorted({db for targets in readers.values() for db in targets})
    reads = ctx.result("peak_read_qps")
    writes = ctx.result("peak_write_qps")
    figures = t(f"read:write ≈ {ratio:,.0f}:1", f"읽기:쓰기 ≈ {ratio:,.0f}:1")
    if reads is not None and writes is not None:
        figures = t(
            f"peak reads {ctx.human('peak_read_qps')} vs peak writes "
            f"{ctx.human('peak_write_qps')}: read:write ≈ {ratio:,.0f}:1",
            f"최대 읽기 {ctx.human('peak_read_qps', 'ko')}, "
            f"최대 쓰기 {ctx.human('peak_write_qps', 'ko')}: "
            f"읽기:쓰기 ≈ {ratio:,.0f}:1",
        )
    yield Hit(
        components=(*readers, *dbs),
        message=t(
            f"a read-heavy design (≈{ratio:,.0f} reads per write) reads the database with no cache",
            f"읽기 위주 설계(쓰기 1회당 읽기 약 {ratio:,.0f}회)인데 캐시 없이 데이터베이스를 읽습니다",
        ),
        why=t(
            "Every read becomes a database query: the database must be sized for the read peak, "
            "latency includes a disk round trip, and a hot key lands on one partition.",
            "모든 읽기가 DB 쿼리가 됩니다. DB를 읽기 최대치에 맞춰 키워야 하고, 지연 시간에 디스크 "
            "왕복이 더해지며, 인기 키 하나가 한 파티션에 몰립니다.",
        ),
        fix=t(
            "Add a cache (e.g. Redis) beside the reading services, cache-aside with a TTL; "
            "label write-only edges `write` so they are not counted as reads.",
            "읽는 서비스 옆에 캐시(예: Redis)를 두고 TTL이 있는 캐시 어사이드로 읽으세요. 쓰기 전용 "
            "연결에는 `write` 라벨을 붙이세요.",
        ),
        evidence=(
            figures,
            *(
                t(
                    f"{r} reads {', '.join(targets)} directly",
                    f"{r}: {', '.join(targets)}에서 직접 읽습니다",
                )
                for r, targets in readers.items()
            ),
        ),
    )
