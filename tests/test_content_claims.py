"""Content test: claims a strong interviewer would reject stay corrected (issue 16, item 1).

Each test names the file, the wrong claim it once made, and checks the number or wording that
replaced it, so a later edit cannot quietly bring the mistake back.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from sysdesign import paths
from sysdesign.yamlio import read_yaml

ROOT = paths.bundled("scenarios").parent


def _yaml(rel: str) -> Any:
    return read_yaml(ROOT / rel).data


def _text(rel: str) -> str:
    return (ROOT / rel).read_text(encoding="utf-8")


def _concept(rubric: dict[str, Any], concept_id: str) -> dict[str, Any]:
    for dive in rubric.get("deep_dives", []):
        for concept in dive.get("concepts", []):
            if concept["id"] == concept_id:
                return dict(concept)
    raise AssertionError(f"no concept {concept_id!r}")


def _content_files() -> list[Path]:
    return sorted(
        p
        for d in ("scenarios", "rubrics", "designs")
        for p in (ROOT / d).glob("*.yaml")
        if p.name != "tracks.yaml"
    )


# --------------------------------------------------------------------- catalogue and capacity


def test_sql_primary_write_figure_is_a_2026_planning_figure_with_its_source() -> None:
    """A SQL primary was capped at 5,000 writes/s, which made api-platform shard at 6k/s."""
    sql = _yaml("data/catalogue.yaml")["kinds"]["sql_db"]["writes"]
    assert sql["value"] >= 10_000
    assert "pgbench" in sql["source"] and "https://" in sql["source"]


def test_leaderless_stores_have_no_primary() -> None:
    """Cassandra was given a primary; leaderless stores scale writes with their nodes."""
    catalogue = _yaml("data/catalogue.yaml")
    assert catalogue["kinds"]["nosql_db"]["leaderless"] is True
    aliases = {k: v for k, v in catalogue.items() if k != "kinds"}
    flat: dict[str, Any] = {}
    for value in aliases.values():
        if isinstance(value, dict):
            flat.update(value)
    assert flat["cassandra"]["leaderless"] is True
    assert flat["dynamodb"]["leaderless"] is True
    assert flat["mongodb"]["leaderless"] is False


# --------------------------------------------------------------------------------- news feed


def test_news_feed_timeline_cache_is_several_terabytes() -> None:
    """The cache was sized at 800 GB by counting 16 bytes per sorted-set entry."""
    sizing = _concept(_yaml("rubrics/news-feed.yaml"), "sizing")
    users, entries, bytes_per_entry = 100_000_000, 500, 80
    assert "80" in sizing["text"]["en"] and "128" in sizing["text"]["en"]
    total = users * entries * bytes_per_entry
    assert total >= 3_000_000_000_000  # several TB, not 800 GB
    assert "4 TB" in sizing["text"]["en"] and "4TB" in sizing["text"]["ko"]
    design = _yaml("designs/news-feed.yaml")
    shards = design["components"]["timelines"]["shards"]
    assert shards * 64_000_000_000 >= total  # no shard above 64 GB of memory


# ----------------------------------------------------------------------------- url shortener


def test_no_content_claims_codes_cannot_be_enumerated() -> None:
    """At ~91 billion live codes in 62^7, one random guess in ~38 hits: order is hidden, not existence."""
    live, space = 50_000_000 * 365 * 5, 62**7
    assert 30 < space / live < 45
    for path in _content_files():
        text = path.read_text(encoding="utf-8").lower()
        assert "cannot be enumerated" not in text, path
    rubric = _text("rubrics/url-shortener.yaml")
    assert "one random guess in 38" in rubric and "38번에 한 번" in rubric
    assert "파이스텔 암호" in rubric and "페이스텔 암호" not in rubric


# ---------------------------------------------------------------------------------------- chat


def test_chat_sequence_is_not_a_bare_redis_incr() -> None:
    """A Redis INCR can hand out a number twice after a failover (asynchronous replication)."""
    concept = _concept(_yaml("rubrics/chat.yaml"), "server-sequence")
    assert "redis-incr-never-repeats" in [c["id"] for c in concept["wrong_claims"]]
    assert not any("INCR is enough" in p for p in concept["phrasings"]["en"])


# ------------------------------------------------------------------ ledgers and replication


def test_money_transfer_has_no_impossible_409_processing() -> None:
    """The key commits with the ledger transaction, so no one sees an uncommitted 'processing'."""
    concept = _concept(_yaml("rubrics/money-transfer-ledger.yaml"), "replay-response")
    assert "409" not in str(concept)
    assert "unique-index lock" in concept["text"]["en"]


@pytest.mark.parametrize(
    "rel",
    [
        "rubrics/money-transfer-ledger.yaml",
        "rubrics/payment-system.yaml",
        "scenarios/money-transfer-ledger.yaml",
    ],
)
def test_semi_sync_is_not_called_rpo_zero_without_its_fallback(rel: str) -> None:
    """MySQL semi-sync falls back to async after rpl_semi_sync_source_timeout (10 s default)."""
    text = _text(rel)
    assert text.count("rpl_semi_sync_source_timeout") >= 2, rel
    assert "The ledger runs semi-synchronous replication so failover has an RPO of zero." not in (
        text
    )


def test_payment_ledger_books_provider_fee_and_vat() -> None:
    """Without the PG fee and VAT, the settlement never matches the receivable."""
    entries = _concept(_yaml("rubrics/payment-system.yaml"), "entries")
    debits = [48_900, 1_000, 100]  # provider receivable, provider fee, input VAT
    credits = [45_000, 4_545, 455]  # seller payable, fee revenue, VAT payable
    assert sum(debits) == sum(credits) == 50_000
    assert round(5_000 / 1.1) == 4_545
    for amount in ("48,900", "4,545", "455", "1,000"):
        assert amount in entries["text"]["ko"] and amount in entries["text"]["en"]
    assert "VAT" in entries["text"]["en"] and "부가세" in entries["text"]["ko"]


def test_zero_downtime_banking_instant_ddl_and_no_cached_balance_approvals() -> None:
    rubric = _yaml("rubrics/zero-downtime-banking.yaml")
    ddl = _concept(rubric, "online-ddl")
    for version in ("8.0.12", "PostgreSQL 11"):
        assert version in ddl["text"]["en"]
    stand_in = _concept(rubric, "stand-in")
    assert "already holds" in stand_in["text"]["en"]
    assert "small amounts against a cached balance" not in _text(
        "rubrics/zero-downtime-banking.yaml"
    )


# -------------------------------------------------------------------------------- flash sale


def test_flash_sale_peak_covers_a_million_buyers_in_a_minute() -> None:
    """'A million people in one minute' is ≥ 16.7k/s; the preset gave a peak of 11.6k/s."""
    from sysdesign.estimate.traffic import traffic_model
    from sysdesign.library import library

    scenario = library().scenario("inventory-flash-sale")
    peak = traffic_model(scenario.estimates).value("peak_write_qps")
    assert peak is not None
    assert peak >= 1_000_000 / 60  # 16,667 a second
    rubric = _text("rubrics/inventory-flash-sale.yaml")
    assert "12k purchase requests" not in rubric


# ------------------------------------------------------------------------ other corrections


def test_go_gc_pauses_are_sub_millisecond_in_the_sample_story() -> None:
    for lang in ("en", "ko"):
        text = _text(f"data/star/samples/performance-500ms-{lang}.yaml")
        assert "30 ms to under 5 ms" not in text and "30ms에서 5ms" not in text
        assert "1.8" in text


def test_h3_resolution_direction() -> None:
    """In H3 a higher resolution number is a smaller cell; 'higher resolution' for coarse was backwards."""
    text = _text("rubrics/ride-matching.yaml")
    assert "상위 해상도" not in text and "더 작은 해상도" not in text
    assert "higher number means a smaller cell" in text


def test_fraud_features_have_no_24_hour_sliding_window() -> None:
    text = _text("rubrics/fraud-detection-realtime.yaml")
    assert not re.search(r"24시간 슬라이딩 윈도 집계를", text)
    assert "over 10 minutes, an hour and a day." not in text
    assert "1,440 windows" in text
