"""False alarms reported by the authors of reference designs, each with its true positive.

Every design under tests/data/designs/fa-*.yaml is a correct design the checker flagged
before; the test names the rule that must stay silent and, beside it, the design a strong
interviewer would still flag, which must keep firing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sysdesign.design.findings import Finding
from sysdesign.design.run import make_context, run_rules
from sysdesign.library import load_design_text

DATA = Path(__file__).resolve().parents[1] / "data" / "designs"


def _text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _run(text: str, rule: str) -> list[Finding]:
    return run_rules(make_context(load_design_text(text)), [rule])


# ---------------------------------------------------------------- 1. no-cdn


@pytest.mark.parametrize(
    ("name", "caller", "store"),
    [
        ("fa-no-cdn-metrics-blocks.yaml", "query", "blocks"),
        ("fa-no-cdn-shop-backup.yaml", "shop", "backups"),
        ("fa-no-cdn-exchange-archive.yaml", "recovery", "archive"),
    ],
)
def test_no_cdn_ignores_back_end_object_stores(name: str, caller: str, store: str) -> None:
    # before: "clients fetch content from '<store>' without a CDN"
    assert _run(_text(name), "no-cdn") == []
    # the same store also serving images to users still needs a CDN
    media = _text(name) + f"  - {caller} -> {store}: serve product images\n"
    assert [f.components[0] for f in _run(media, "no-cdn")] == [store]


def test_a_backup_store_in_a_media_scenario_is_left_out_but_the_media_store_is_not() -> None:
    text = (
        _text("fa-no-cdn-shop-backup.yaml").replace(
            "name: Shop service backs up to object storage\n",
            "name: Shop\nscenario: inventory-flash-sale\n",
        )
        + "  - shop -> pages\n"
    )
    text = text.replace(
        "  backups: {kind: s3,", "  pages: {kind: s3, managed: true}\n  backups: {kind: s3,"
    )
    assert [f.components[0] for f in _run(text, "no-cdn")] == ["pages"]
