"""`check_design`: every rule over one design, plus the rubric score when the scenario is known.

It sits above both `design` (the rules) and `rubric` (the score), which know nothing of each
other's callers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sysdesign.design.findings import SEVERITY_RANK, Finding
from sysdesign.models.design_plain import Plain
from sysdesign.models.localized import in_lang

if TYPE_CHECKING:
    from sysdesign.design.intent import Reading
    from sysdesign.models.design import Design
    from sysdesign.models.design_plain import PlainDesign, PlainEstimates, RubricView
    from sysdesign.models.estimates import EstimateInputs
    from sysdesign.models.rubric import Rubric
    from sysdesign.rubric.scoring import BreakdownItem


class CheckResult(Plain):
    """The findings on one design and, with a scenario, its score and the breakdown."""

    __slots__ = ("breakdown", "design", "findings", "readings", "scenario", "score")
    design: str
    scenario: str | None
    findings: list[Finding]
    score: float | None
    breakdown: list[BreakdownItem]
    readings: list[Reading]

    def __init__(
        self,
        design: str,
        scenario: str | None,
        findings: list[Finding],
        score: float | None,
        breakdown: list[BreakdownItem] | None = None,
        readings: list[Reading] | None = None,
    ) -> None:
        self.design = design
        self.scenario = scenario
        self.findings = findings
        self.score = score
        self.breakdown = list() if breakdown is None else breakdown
        self.readings = list() if readings is None else readings

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "design": in_lang(self.design, lang),
            "scenario": self.scenario,
            "score": self.score,
            "breakdown": [item.to_json(lang) for item in self.breakdown],
            "findings": [f.to_json(lang) for f in self.findings],
            "read_from_labels": [r.to_json() for r in self.readings],
        }

    def worst(self) -> str | None:
        """The most severe finding's severity, or None when there is none."""
        if not self.findings:
            return None
        return max(self.findings, key=lambda f: SEVERITY_RANK[f.severity]).severity

    def fails(self, threshold: str) -> bool:
        return any(f.at_least(threshold) for f in self.findings)


def check_design(
    design: Design | PlainDesign,
    scenario: str | None = None,
    *,
    rubric: Rubric | RubricView | None = None,
    estimates: EstimateInputs | PlainEstimates | None = None,
) -> CheckResult:
    """Run every rule on `design`; score it when a scenario (argument or `design.scenario`) or a
    rubric is given. `estimates` replaces the design's own estimates (the preset fills gaps).
    Tags the components' labels and notes imply count like written ones (`read_intent`)."""
    from sysdesign.design.intent import read_intent
    from sysdesign.design.run import make_context, run_rules

    design, readings = read_intent(design)
    ctx = make_context(design, scenario, rubric=rubric, estimates=estimates)
    findings = run_rules(ctx)
    score: float | None = None
    breakdown: list[BreakdownItem] = []
    if ctx.rubric is not None:
        from sysdesign.rubric import design_score

        score, breakdown = design_score(design, ctx.rubric, findings, graph=ctx.graph)
    return CheckResult(
        design=design.name or ctx.scenario or "design",
        scenario=ctx.scenario,
        findings=findings,
        score=score,
        breakdown=breakdown,
        readings=readings,
    )
