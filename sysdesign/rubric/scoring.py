"""The design score: coverage of what the rubric expects, and the findings a strong design avoids.

Out of 100 points:
- 35 for the expected kinds and tags (`expected_kinds`, `expected_tags`), equal shares;
- 25 for the expected flows (`expected_paths`), equal shares;
- 40 for soundness: 70% of it shared equally by the rules in `avoid_findings` (a rule that
  fires loses its whole share, half when its worst finding is minor), 30% for everything
  else: each other finding costs 10 (critical), 5 (major) or 2 (minor), down to zero.
  missing-component and missing-path are scored by coverage, never twice.
A design with a critical finding scores at most CRITICAL_CAP, whatever else it covers: a
critical flaw (data loss, a single point of failure) fails the interview on its own, so a
candidate must never see "90" next to one. The cap is a breakdown item of its own.
An empty part gives its points to the others, in proportion. Every item of the breakdown says
what it was worth, what it got, why, and what to read when points were lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sysdesign.messages import Message, given, message
from sysdesign.models.kinds import satisfies

if TYPE_CHECKING:
    from sysdesign.design.findings import Finding
    from sysdesign.models.common import Reference
    from sysdesign.models.design import Design
    from sysdesign.models.design_plain import PlainDesign, PlainReference, RubricView
    from sysdesign.models.rubric import Rubric

COVERAGE_KINDS = 35.0
COVERAGE_PATHS = 25.0
SOUNDNESS = 40.0
AVOID_SHARE = 0.7
PENALTY = {"critical": 10.0, "major": 5.0, "minor": 2.0}
COVERAGE_RULES = frozenset({"missing-component", "missing-path"})
CRITICAL_CAP = 75.0


@dataclass(frozen=True)
class BreakdownItem:
    """One scored item: `points` of `max_points`, the reason, and what to read."""

    area: str  # "components" | "paths" | "avoid" | "findings" | "cap"
    item: str  # e.g. "kind:cache", "tag:fanout", "path:fanout", "rule:spof"
    points: float
    max_points: float
    reason: Message
    references: tuple[Reference | PlainReference, ...] = ()

    @property
    def lost(self) -> float:
        return round(self.max_points - self.points, 2)

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "area": self.area,
            "item": self.item,
            "points": round(self.points, 2),
            "max": round(self.max_points, 2),
            "lost": self.lost,
            "reason": self.reason.get(lang),
            "references": [{"title": r.title, "url": r.url} for r in self.references],
        }


def _refs_for(rubric: Rubric | RubricView, rule: str) -> tuple[Reference | PlainReference, ...]:
    """The deep dives this rule triggers point at what to read; else the rubric's own list."""
    out: list[Reference | PlainReference] = []
    for dive in rubric.deep_dives:
        if rule in dive.triggers:
            out.extend(r for r in dive.references if r not in out)
    return tuple(out[:3]) or tuple(rubric.references[:2])


def _pools(rubric: Rubric | RubricView) -> tuple[float, float, float]:
    """Points for kinds/tags, paths and soundness, with empty parts redistributed."""
    parts = {
        "kinds": COVERAGE_KINDS if (rubric.expected_kinds or rubric.expected_tags) else 0.0,
        "paths": COVERAGE_PATHS if rubric.expected_paths else 0.0,
        "sound": SOUNDNESS,
    }
    scale = 100.0 / sum(parts.values())
    return parts["kinds"] * scale, parts["paths"] * scale, parts["sound"] * scale


def design_score(
    design: Design | PlainDesign,
    rubric: Rubric | RubricView,
    findings: list[Finding],
    *,
    graph: Any = None,
) -> tuple[float, list[BreakdownItem]]:
    """The design area's score (0–100) and a breakdown that accounts for every point.

    `graph` is the design's graph when the caller already built it (`check_design` does).
    """
    kinds_pool, paths_pool, sound_pool = _pools(rubric)
    items: list[BreakdownItem] = []
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)

    # ---- expected kinds and tags
    expected = [("kind", k) for k in rubric.expected_kinds] + [
        ("tag", tg) for tg in rubric.expected_tags
    ]
    for what, name in expected:
        share = kinds_pool / len(expected)
        accepted = rubric.accepted_kinds(name) if what == "kind" else (name,)
        holders = [
            cid
            for cid, c in design.components.items()
            if (
                any(satisfies(c.kind, c.shards, wanted) for wanted in accepted)
                if what == "kind"
                else name in c.tags
            )
        ]
        have = bool(holders)
        if have:
            reason = given(
                f"has a {name}: {', '.join(holders)}"
                if what == "kind"
                else f"'{name}' is done by {', '.join(holders)}",
                f"{name} 있음: {', '.join(holders)}"
                if what == "kind"
                else f"'{name}' 담당: {', '.join(holders)}",
            )
        else:
            reason = given(
                f"no {name} in the design" if what == "kind" else f"no component tagged '{name}'",
                f"설계에 {name} 없음" if what == "kind" else f"'{name}' 태그 없음",
            )
        items.append(
            BreakdownItem(
                "components",
                f"{what}:{name}",
                share if have else 0.0,
                share,
                reason,
                () if have else _refs_for(rubric, "missing-component"),
            )
        )

    # ---- expected paths (the same search as the missing-path rule)
    from sysdesign.design.graph import build_graph, kind_path

    if graph is None and rubric.expected_paths:
        graph = build_graph(design)
    for path in rubric.expected_paths:
        share = paths_pool / len(rubric.expected_paths)
        flow = " → ".join(path.steps)
        found, _ = kind_path(graph, path.steps, rubric.equivalents)
        ok = found is not None
        reason = (
            message("rubric.scoring.flow_exists", flow=flow, join=" → ".join(found or []))
            if ok
            else message("rubric.scoring.flow_is_missing", flow=flow, why=path.why)
        )
        items.append(
            BreakdownItem(
                "paths",
                f"path:{path.id}",
                share if ok else 0.0,
                share,
                reason,
                () if ok else _refs_for(rubric, "missing-path"),
            )
        )

    # ---- soundness: the findings a strong design avoids, then every other finding
    avoid = [r for r in dict.fromkeys(rubric.avoid_findings) if r not in COVERAGE_RULES]
    avoid_pool = sound_pool * AVOID_SHARE if avoid else 0.0
    other_pool = sound_pool - avoid_pool
    for rule in avoid:
        share = avoid_pool / len(avoid)
        fired = by_rule.get(rule, [])
        if not fired:
            items.append(
                BreakdownItem(
                    "avoid",
                    f"rule:{rule}",
                    share,
                    share,
                    message("rubric.scoring.avoids", rule=rule),
                )
            )
            continue
        minor_only = all(f.severity == "minor" for f in fired)
        got = share / 2 if minor_only else 0.0
        where = {
            "en": "; ".join(f.message.en for f in fired[:3]),
            "ko": "; ".join(f.message.ko for f in fired[:3]),
        }
        items.append(
            BreakdownItem(
                "avoid",
                f"rule:{rule}",
                got,
                share,
                message("rubric.scoring.fired", rule=rule, times=len(fired), where=where),
                _refs_for(rubric, rule),
            )
        )
    remaining = other_pool
    others = [f for f in findings if f.rule not in COVERAGE_RULES and f.rule not in avoid]
    for f in others:
        cost = min(PENALTY[f.severity], remaining)
        remaining -= cost
        items.append(
            BreakdownItem(
                "findings",
                f"rule:{f.rule}",
                -cost,
                0.0,
                message("rubric.scoring.finding", severity=f.severity, message=f.message),
                _refs_for(rubric, f.rule),
            )
        )
    items.append(
        BreakdownItem(
            "findings",
            "hygiene",
            other_pool,
            other_pool,
            message("rubric.scoring.points_for_a_design_free"),
        )
    )
    criticals = [f for f in findings if f.severity == "critical"]
    total = sum(i.points for i in items)
    if criticals and total > CRITICAL_CAP:
        names = ", ".join(dict.fromkeys(f.rule for f in criticals))
        items.append(
            BreakdownItem(
                "cap",
                "cap:critical",
                CRITICAL_CAP - total,
                0.0,
                message(
                    "rubric.scoring.capped_at_a_critical_finding",
                    critical_cap=CRITICAL_CAP,
                    names=names,
                ),
                tuple(r for f in criticals for r in _refs_for(rubric, f.rule))[:3],
            )
        )
    score = round(max(0.0, min(100.0, sum(i.points for i in items))), 1)
    return score, items
