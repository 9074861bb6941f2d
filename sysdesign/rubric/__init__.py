"""Scoring: how a candidate's work compares with a scenario's rubric, with every point explained.

`design_score(design, rubric, findings)` scores the design area; the session report combines
it with the other areas using the rubric's `weights`.
"""

from __future__ import annotations

from sysdesign.rubric.scoring import BreakdownItem, design_score

__all__ = ["BreakdownItem", "design_score"]
