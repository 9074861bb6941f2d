"""The catalogue covers every kind and every figure names its source."""

from __future__ import annotations

import pytest

from sysdesign.design.catalogue import catalogue
from sysdesign.errors import UsageError
from sysdesign.estimate.capacity import parse_capacity
from sysdesign.models.kinds import KINDS


def test_every_kind_has_figures_with_sources() -> None:
    cat = catalogue()
    assert set(cat.kinds) == set(KINDS)
    for kind, figures in cat.kinds.items():
        for figure in (figures.throughput, figures.writes, figures.connections):
            if figure is not None:
                assert figure.value > 0 and len(figure.source) > 20, kind
        assert 0 < figures.availability.instance.value <= 1
        if figures.availability.managed is not None:
            assert "sla" in figures.availability.managed.source.lower(), kind


@pytest.mark.parametrize(
    ("text", "value", "what"),
    [
        ("20k rps", 20_000, "throughput"),
        ("50k connections", 50_000, "connections"),
        ("5k writes/s", 5_000, "writes"),
        ("8000", 8_000, "throughput"),
        ("1.5M qps", 1_500_000, "throughput"),
        ("3만 연결", 30_000, "connections"),
    ],
)
def test_parse_capacity(text: str, value: float, what: str) -> None:
    assert parse_capacity(text, "x") == (value, what)


@pytest.mark.parametrize("text", ["fast", "20k bananas", ""])
def test_parse_capacity_rejects(text: str) -> None:
    with pytest.raises(UsageError, match=r"components\.x\.capacity"):
        parse_capacity(text, "x")


def test_leaderless_stores_have_no_primary() -> None:
    """Cassandra and DynamoDB scale writes with their nodes; MongoDB and HBase have a primary
    (a region server) per shard; a generic nosql_db is read as the leaderless kind whose
    figure the catalogue gives (Netflix's Cassandra benchmark)."""
    cat = catalogue()
    assert cat.leaderless("nosql_db")
    assert cat.leaderless("nosql_db", "cassandra") and cat.leaderless("nosql_db", "dynamodb")
    assert not cat.leaderless("nosql_db", "mongodb") and not cat.leaderless("nosql_db", "hbase")
    assert not cat.leaderless("sql_db") and not cat.leaderless("sql_db", "cassandra")
    for name, tech in cat.technologies.items():
        assert tech.kind in KINDS and "http" in tech.source, name


def test_sql_primary_write_figure_is_a_2026_one() -> None:
    """5,000 writes/s made api-platform shard at 6k/s; one current primary takes ~10k."""
    figure = catalogue().figure("sql_db", "writes")
    assert figure is not None and figure.value == 10_000
    assert "pgbench" in figure.source and "2026" in figure.source
    nosql = catalogue().figure("nosql_db", "writes")
    assert nosql is not None and "per node" in nosql.unit and "replication" in nosql.source
