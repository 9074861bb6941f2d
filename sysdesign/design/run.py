"""Every rule over one design: the context the rules read (`make_context`) and the run itself
(`run_rules`). Scoring sits a layer up, in `sysdesign.check`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sysdesign.design.findings import SEVERITY_RANK, Finding

if TYPE_CHECKING:
    from sysdesign.design.catalogue import Catalogue
    from sysdesign.design.context import Context
    from sysdesign.models.design import Design
    from sysdesign.models.design_plain import PlainDesign, PlainEstimates, RubricView
    from sysdesign.models.estimates import EstimateInputs
    from sysdesign.models.rubric import Rubric


def make_context(
    design: Design | PlainDesign,
    scenario: str | None = None,
    *,
    rubric: Rubric | RubricView | None = None,
    estimates: EstimateInputs | PlainEstimates | None = None,
    catalogue: Catalogue | None = None,
) -> Context:
    """Everything the rules read: the graph, the rubric and preset (from the library when the
    scenario is known), the traffic figures from the design's estimates over the preset."""
    from sysdesign.design.catalogue import catalogue as bundled_catalogue
    from sysdesign.design.context import Context
    from sysdesign.design.graph import build_graph
    from sysdesign.models.design_plain import PlainEstimates

    scenario = scenario or design.scenario
    preset = PlainEstimates()
    if scenario is not None:
        from sysdesign.library import lookup_library

        lib = lookup_library()
        if rubric is None:
            rubric = lib.rubric_view(scenario)
        if scenario in lib.scenarios:
            preset = lib.plain_estimates_of(scenario)
        elif rubric is None:
            lib.scenario(scenario)  # raises NotFoundError with "did you mean"
    inputs = PlainEstimates.of(estimates or design.estimates).merged_over(preset)
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


def _traffic_inputs(inputs: PlainEstimates) -> dict[str, object]:
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
