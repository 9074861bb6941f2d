"""What the pages show besides the diagram: the checker's findings and the estimator's figures.

Both come from other parts of sysdesign; this module only calls them and flattens their results
into plain rows the templates print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sysdesign.models.design import Design


@dataclass(frozen=True)
class FindingRow:
    rule: str
    severity: str
    components: tuple[str, ...]
    labels: tuple[str, ...]
    message: str
    why: str
    fix: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReviewData:
    """The checker's verdict on a design, in one language."""

    score: float | None
    findings: tuple[FindingRow, ...]
    breakdown: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class EstimateStep:
    number: int
    name: str
    formula: str
    substituted: str
    human: str


@dataclass(frozen=True)
class EstimateData:
    """Inputs, headline results and the steps, as text."""

    inputs: tuple[tuple[str, str], ...]
    results: tuple[tuple[str, str], ...]
    steps: tuple[EstimateStep, ...] = field(default_factory=tuple)


def checker_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("sysdesign.check") is not None
    except ImportError:
        return False


def check(design: Design, scenario: str | None) -> Any | None:
    """The checker's result for the design, or None when the checker is not part of this build."""
    try:
        from sysdesign.check import check_design  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None
    from sysdesign.errors import NotFoundError

    try:
        return check_design(design, scenario=scenario)
    except NotFoundError:
        # A scenario without a rubric here: check the design on its own, unscored.
        return check_design(design.model_copy(update={"scenario": None}), scenario=None)


def highlights(result: Any | None) -> dict[str, list[str]]:
    """Component id → the rule ids of the findings that name it."""
    out: dict[str, list[str]] = {}
    if result is None:
        return out
    for finding in result.findings:
        for cid in finding.components:
            rules = out.setdefault(cid, [])
            if finding.rule not in rules:
                rules.append(finding.rule)
    return out


def _breakdown_rows(breakdown: Any, lang: str) -> tuple[tuple[str, str, str], ...]:
    """(item, reason, points) per scored item of the rubric's breakdown."""
    rows: list[tuple[str, str, str]] = []
    for item in breakdown or ():
        data = item.to_json(lang)
        points = f"{data['points']:g} / {data['max']:g}"
        rows.append((str(data["item"]), str(data["reason"]), points))
    return tuple(rows)


def review_data(result: Any | None, design: Design, lang: str) -> ReviewData | None:
    """Flatten a CheckResult (duck-typed: `.findings`, `.score`, `.breakdown`)."""
    if result is None:
        return None
    rows = []
    for f in result.findings:
        rows.append(
            FindingRow(
                rule=f.rule,
                severity=f.severity,
                components=tuple(f.components),
                labels=tuple(
                    design.label_of(c, lang) if c in design.components else c for c in f.components
                ),
                message=f.message.get(lang),
                why=f.why.get(lang),
                fix=f.fix.get(lang),
                evidence=tuple(e.get(lang) for e in f.evidence),
            )
        )
    score = getattr(result, "score", None)
    return ReviewData(
        score=None if score is None else float(score),
        findings=tuple(rows),
        breakdown=_breakdown_rows(getattr(result, "breakdown", None), lang),
    )


def estimate(design: Design, scenario: str | None, lang: str) -> EstimateData | None:
    """The traffic model over the design's estimates (the scenario's preset fills the rest)."""
    try:
        from sysdesign.estimate.traffic import (  # type: ignore[import-not-found,import-untyped,unused-ignore]
            traffic_model,
        )
    except ImportError:
        return None
    from sysdesign.errors import NotFoundError
    from sysdesign.library import preset_for
    from sysdesign.models.estimates import EstimateInputs

    base = EstimateInputs()
    if scenario:
        try:
            base = preset_for(scenario) or base
        except NotFoundError:
            base = EstimateInputs()
    inputs = design.estimates.merged_over(base)
    if not inputs.given():
        return None
    calc = traffic_model(inputs)
    names: dict[str, str] = {}
    steps: list[EstimateStep] = []
    for number, step in enumerate(calc.steps, 1):
        name = step.name_in(lang)
        if step.key:
            names.setdefault(step.key, name)
        steps.append(
            EstimateStep(
                number=number,
                name=name,
                formula=step.formula_in(lang),
                substituted=step.substituted,
                human=step.human_in(lang),
            )
        )
    results = tuple(
        (names.get(key, key.replace("_", " ")), r.human_in(lang)) for key, r in calc.results.items()
    )
    return EstimateData(
        inputs=tuple(sorted(inputs.given().items())),
        results=results,
        steps=tuple(steps),
    )


@dataclass(frozen=True)
class ComponentRow:
    id: str
    label: str
    kind: str
    tier: str
    instances: str
    notes: str


def component_rows(design: Design, lang: str) -> list[ComponentRow]:
    from sysdesign.messages import render
    from sysdesign.models.kinds import TIERS
    from sysdesign.render.graph import tier_title

    rows = []
    for cid, comp in design.components.items():
        instances = str(comp.replicas)
        if comp.managed:
            instances += " (" + render("output.managed", lang) + ")"
        if comp.shards > 1:
            instances += ", " + render("output.shards", lang, shards=comp.shards)
        rows.append(
            ComponentRow(
                id=cid,
                label=design.label_of(cid, lang),
                kind=comp.kind,
                tier=tier_title(TIERS.get(comp.kind, "services"), lang),
                instances=instances,
                notes=comp.notes.get(lang) if comp.notes else "",
            )
        )
    return rows
