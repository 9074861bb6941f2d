"""The session score from a report's parts: every point in the breakdown, nothing outside 0–100.

`score_session` is fed hand-made report parts so that each case isolates one area; its items
are typed and language-free (a reason id and parameters), rendered in a language on demand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sysdesign.library import library
from sysdesign.rubric.session_score import (
    Hint,
    ScoreItem,
    reason_text,
    score_session,
)
from sysdesign.rubric.session_score import (
    total as points_total,
)


class _Pts:
    def __init__(self, items: list[ScoreItem]) -> None:
        self.typed = items
        self.items = [{**i.to_json(), "reason": reason_text(i, "en")} for i in items]

    def total(self) -> float:
        return points_total(self.typed)


def _score(report: dict[str, Any], hints: list[Hint], rubric: Any) -> _Pts:
    return _Pts(score_session(report, rubric.weights, hints))


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


def _hints(n: int, cost: float = 2.0) -> list[Hint]:
    return [Hint(cost, {"en": "h", "ko": "h"}) for _ in range(n)]


def test_hints_never_take_the_breakdown_below_zero(minichat: Path) -> None:
    """A candidate who earned only the time points and took many hints: the hints take what
    was earned, no more, so the breakdown still adds up to the score (0) it explains."""
    rubric = library().rubric("minichat")
    pts = _score(_report(), _hints(20), rubric)
    assert pts.total() == pytest.approx(0.0)
    hint_items = [i for i in pts.items if i["area"] == "hints"]
    assert len(hint_items) == 20 and all(i["points"] <= 0 for i in hint_items)
    assert sum(i["points"] for i in hint_items) == pytest.approx(-rubric.weights.time)


def test_hints_cost_their_full_price_when_points_were_earned(minichat: Path) -> None:
    rubric = library().rubric("minichat")
    without = _score(_report(asked=True, stated=True), _hints(0), rubric)
    with_two = _score(_report(asked=True, stated=True), _hints(2), rubric)
    assert without.total() - with_two.total() == pytest.approx(4.0)


def test_deep_dive_points_follow_the_concepts_covered_exactly(minichat: Path) -> None:
    rubric = library().rubric("minichat")
    pts = _score(_report(concepts=(True, False, False)), _hints(0), rubric)
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
    pts = _score(report, _hints(0), rubric)
    assert pts.total() == pytest.approx(100.0)
    assert sum(i["max"] for i in pts.items) == pytest.approx(100.0)
    assert all(i["points"] == i["max"] for i in pts.items)


def test_the_breakdown_is_language_free_and_shown_in_either_language(minichat: Path) -> None:
    """One stored item reads in English and in Korean; nothing in it is in one language."""
    rubric = library().rubric("minichat")
    report = _report(concepts=(True, False, False))
    report["deep_dive"]["items"][0]["question"] = {"en": "How?", "ko": "어떻게요?"}
    items = score_session(report, rubric.weights, [])
    (dive,) = [i for i in items if i.area == "deep_dive"]
    stored = dive.to_json()
    assert stored["reason"]["id"] == "deep_dive.graded"
    assert stored["reason"]["params"] == {
        "question": {"en": "How?", "ko": "어떻게요?"},
        "got": 1,
        "total": 3,
    }
    assert [d["id"] for d in stored["reason"]["details"]] == ["deep_dive.missed"]
    assert reason_text(stored, "en") == "How? — explained 1/3; missed: c1; c2"
    assert reason_text(stored, "ko") == "어떻게요? — 3개 중 1개 설명함; 빠짐: c1; c2"
    assert ScoreItem.from_json(stored) == dive


def test_every_reason_exists_in_both_languages_with_the_same_parameters() -> None:
    import string

    from sysdesign.rubric.session_score import REASONS

    fmt = string.Formatter()
    for rid, texts in REASONS.items():
        assert set(texts) == {"en", "ko"}, rid
        names = [{f for _, f, _, _ in fmt.parse(t) if f} for t in texts.values()]
        assert names[0] == names[1], rid
