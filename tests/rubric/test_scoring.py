"""The design score: every point accounted for, references on points lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from sysdesign.check import check_design
from sysdesign.library import library, load_design, load_design_text
from sysdesign.rubric import design_score

JUNIOR = Path(__file__).resolve().parents[1] / "data" / "designs"


@pytest.fixture()
def chat_rubric():  # type: ignore[no-untyped-def]
    lib = library()
    assert "chat" in lib.rubrics, "the bundled chat rubric is missing"
    return lib.rubric("chat")


def test_breakdown_adds_up_and_explains_every_loss(chat_rubric) -> None:  # type: ignore[no-untyped-def]
    result = check_design(load_design(JUNIOR / "junior-chat.yaml"))
    assert result.score is not None
    assert round(max(0.0, sum(b.points for b in result.breakdown)), 1) == result.score
    lost = [b for b in result.breakdown if b.lost > 0]
    assert lost
    for item in lost:
        assert item.reason.en and item.reason.ko
    assert any(item.references for item in lost), "lost points link what to read"
    # The pools add up to 100.
    assert round(sum(b.max_points for b in result.breakdown), 6) == 100


def test_score_is_separately_callable_and_monotone(chat_rubric) -> None:  # type: ignore[no-untyped-def]
    design = load_design_text("components: {u: client}\nconnections: []")
    empty, _ = design_score(design, chat_rubric, [])
    result = check_design(load_design(JUNIOR / "junior-chat.yaml"))
    with_findings, _ = design_score(
        load_design(JUNIOR / "junior-chat.yaml"), chat_rubric, result.findings
    )
    without, _ = design_score(load_design(JUNIOR / "junior-chat.yaml"), chat_rubric, [])
    assert 0 <= with_findings < without <= 100
    assert empty < without


def test_coverage_rules_are_not_counted_twice(chat_rubric) -> None:  # type: ignore[no-untyped-def]
    result = check_design(load_design(JUNIOR / "junior-chat.yaml"))
    penalised = [b.item for b in result.breakdown if b.area == "findings" and b.points < 0]
    assert "rule:missing-component" not in penalised and "rule:missing-path" not in penalised
