"""Read-heavy designs without a cache."""

from __future__ import annotations

from collections.abc import Iterator

from sysdesign.design.graph import CALLER_KINDS, is_write_edge, kind_of
from sysdesign.design.rules import Context, Hit, rule
from sysdesign.messages import message
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
    figures = message("design.reads.read_write_1", ratio=ratio)
    if reads is not None and writes is not None:
        figures = message(
            "design.reads.peak_reads_vs_writes",
            reads={"en": ctx.human("peak_read_qps"), "ko": ctx.human("peak_read_qps", "ko")},
            writes={"en": ctx.human("peak_write_qps"), "ko": ctx.human("peak_write_qps", "ko")},
            ratio=ratio,
        )
    yield Hit(
        components=(*readers, *dbs),
        message=message("design.reads.a_read_heavy_design_reads", ratio=ratio),
        why=message("design.reads.every_read_becomes_a_database"),
        fix=message("design.reads.add_a_cache_e_g"),
        evidence=(
            figures,
            *(
                message("design.reads.reads_directly", r=r, join=", ".join(targets))
                for r, targets in readers.items()
            ),
        ),
    )
