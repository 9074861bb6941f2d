"""Scoring: how a candidate's work compares with a scenario's rubric, with every point explained.

`design_score(design, rubric, findings)` (`scoring`) scores the design area;
`score_session(report, weights, hints)` (`session_score`) scores a whole session, area by area,
as typed, language-free items. Attributes load lazily so the session modules stay light.
"""

from __future__ import annotations

from typing import Any

__all__ = ["BreakdownItem", "design_score"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from sysdesign.rubric import scoring

        return getattr(scoring, name)
    raise AttributeError(name)
