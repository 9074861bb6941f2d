"""The session score from a report's parts: every point in the breakdown, nothing outside 0–100.

`_score` is fed hand-made report parts so that each case isolates one area.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from sysdesign.library import library
from sysdesign.session.events import Hint
from sysdesign.session.report import _score


def _report(
    *,
    asked: bool = False,
    stated: bool = False,
    concepts: tuple[bool, ...] = (),
    design_score: float | None = None,
    curveball: bool = False,
) -> dict[str, Any]:
    return {
        "asked": {"key_questions": [{"topic": "DAU", "asked": asked, "question": "how many?"}]},
        "requirements": {
            "items": [
                {
                    "text": "send messages",
                    "stated": stated,
                    "status": "explained" if stated else "missed",
                    "credit": 1.0 if stated else 0.0,
                    "matched": "x",
                }
            ]
        },
        "estimates": {"source": None, "figures": []},
        "curveball": {
            "fired": curveball,
            "answered": curveball,
            "design_ok": curveball,
            "already_handled": False,
            "missing": [],
        },
        "design": {"score": design_score, "findings": []},
        "deep_dive": {
            "items": [
                {
                    "question": "How?",
                    "concepts": [
                        {
                            "text": f"c{i}",
                            "covered": covered,
                            "status": "explained" if covered else "missed",
                            "credit": 1.0 if covered else 0.0,
                        }
                        for i, covered in enumerate(concepts)
                    ],
                    "coverage": round(sum(concepts) / len(concepts), 2),
                }
            ]
            if concepts
            else []
        },
        "phases": [
            {
                "id": "requirements",
                "title": "Requirements",
                "budget_seconds": 600.0,
                "used_seconds": 600.0,
                "overrun_seconds": 0.0,
                "reached": True,
            }
        ],
    }


def _hints(n: int, cost: float = 2.0) -> SimpleNamespace:
    return SimpleNamespace(
        hints=[
            Hint(at=float(i), phase="requirements", text={"en": "h", "ko": "h"}, cost=cost)
            for i in range(n)
        ]
    )


def test_hints_never_take_the_breakdown_below_zero(minichat: Path) -> None:
    """A candidate who earned only the time points and took many hints: the hints take what
    was earned, no more, so the breakdown still adds up to the score (0) it explains."""
    rubric = library().rubric("minichat")
    pts = _score(_report(), _hints(20), rubric, "en")  # type: ignore[arg-type]
    assert pts.total() == pytest.approx(0.0)
    hint_items = [i for i in pts.items if i["area"] == "hints"]
    assert len(hint_items) == 20 and all(i["points"] <= 0 for i in hint_items)
    assert sum(i["points"] for i in hint_items) == pytest.approx(-rubric.weights.time)


def test_hints_cost_their_full_price_when_points_were_earned(minichat: Path) -> None:
    rubric = library().rubric("minichat")
    without = _score(_report(asked=True, stated=True), _hints(0), rubric, "en")  # type: ignore[arg-type]
    with_two = _score(_report(asked=True, stated=True), _hints(2), rubric, "en")  # type: ignore[arg-type]
    assert without.total() - with_two.total() == pytest.approx(4.0)


def test_deep_dive_points_follow_the_concepts_covered_exactly(minichat: Path) -> None:
    rubric = library().rubric("minichat")
    pts = _score(_report(concepts=(True, False, False)), _hints(0), rubric, "en")  # type: ignore[arg-type]
    (item,) = [i for i in pts.items if i["area"] == "deep_dive"]
    assert "explained 1/3" in item["reason"]
    # a quarter of the deep-dive weight (20) is the requirement change's: (20 − 5) / 3 each
    assert item["points"] == 5.0


def test_every_area_at_full_marks_adds_up_to_100(minichat: Path) -> None:
    rubric = library().rubric("minichat")
    report = _report(
        asked=True, stated=True, concepts=(True, True), design_score=100.0, curveball=True
    )
    report["estimates"] = {
        "source": "session",
        "figures": [
            {
                "name": "write_qps",
                "candidate": "1k/s",
                "computed": "1k/s",
                "verdict": "close",
                "slip": None,
            },
        ],
    }
    pts = _score(report, _hints(0), rubric, "en")  # type: ignore[arg-type]
    assert pts.total() == pytest.approx(100.0)
    assert sum(i["max"] for i in pts.items) == pytest.approx(100.0)
    assert all(i["points"] == i["max"] for i in pts.items)
