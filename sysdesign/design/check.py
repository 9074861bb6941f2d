"""`check_design`: every rule over one design, plus the rubric score when the scenario is known."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sysdesign.design.findings import SEVERITY_RANK, Finding

if TYPE_CHECKING:
    from sysdesign.design.catalogue import Catalogue
    from sysdesign.design.context import Context
    from sysdesign.design.intent import Reading
    from sysdesign.models.design import Design
    from sysdesign.models.estimates import EstimateInputs
    from sysdesign.models.rubric import Rubric
    from sysdesign.rubric.scoring import BreakdownItem


@dataclass(frozen=True)
class CheckResult:
    """The findings on one design and, with a scenario, its score and the breakdown."""

    design: str
    scenario: str | None
    findings: list[Finding]
    score: float | None
    breakdown: list[BreakdownItem] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "design": self.design,
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


def make_context(
    design: Design,
    scenario: str | None = None,
    *,
    rubric: Rubric | None = None,
    estimates: EstimateInputs | None = None,
    catalogue: Catalogue | None = None,
) -> Context:
    """Everything the rules read: the graph, the rubric and preset (from the library when the
    scenario is known), the traffic figures from the design's estimates over the preset."""
    from sysdesign.design.catalogue import catalogue as bundled_catalogue
    from sysdesign.design.context import Context
    from sysdesign.design.graph import build_graph
    from sysdesign.models.estimates import EstimateInputs

    scenario = scenario or design.scenario
    preset = EstimateInputs()
    if scenario is not None:
        from sysdesign.library import library

        lib = library()
        if rubric is None:
            rubric = lib.rubric(scenario)
        if scenario in lib.scenarios:
            preset = lib.scenarios[scenario].estimates
        elif rubric is None:
            lib.scenario(scenario)  # raises NotFoundError with "did you mean"
    inputs = (estimates or design.estimates).merged_over(preset)
    traffic = None
    if inputs.given():
        from sysdesign.estimate.traffic import traffic_model

        calc = traffic_model(_traffic_inputs(inputs))
        if calc.results:
            traffic = calc
    return Context(
        design=design,
        graph=build_graph(design),
        catalogue=catalogue or bundled_catalogue(),
        rubric=rubric,
        traffic=traffic,
        inputs=inputs,
        scenario=scenario,
    )


def _traffic_inputs(inputs: EstimateInputs) -> dict[str, object]:
    from sysdesign.estimate.traffic import TRAFFIC_INPUTS

    return {k: v for k, v in inputs.given().items() if k in TRAFFIC_INPUTS}


def run_rules(ctx: Context, rule_ids: list[str] | None = None) -> list[Finding]:
    """Every registered rule (or the ones named), findings ordered by severity then rule."""
    from sysdesign.design.rules import RULES
    from sysdesign.models.ids import RULE_IDS

    order = {rid: i for i, rid in enumerate(RULE_IDS)}
    findings: list[Finding] = []
    for rid in rule_ids or list(RULES):
        findings.extend(RULES[rid](ctx))
    findings.sort(key=lambda f: (-SEVERITY_RANK[f.severity], order.get(f.rule, len(order))))
    return findings


def check_design(
    design: Design,
    scenario: str | None = None,
    *,
    rubric: Rubric | None = None,
    estimates: EstimateInputs | None = None,
) -> CheckResult:
    """Run every rule on `design`; score it when a scenario (argument or `design.scenario`) or a
    rubric is given. `estimates` replaces the design's own estimates (the preset fills gaps).
    Tags the components' labels and notes imply count like written ones (`read_intent`)."""
    from sysdesign.design.intent import read_intent

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
