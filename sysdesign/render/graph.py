"""The neutral picture of a design that every renderer draws: nodes grouped by tier, edges."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sysdesign.messages import render
from sysdesign.models.kinds import TIERS

if TYPE_CHECKING:
    from sysdesign.models.design import Design

Direction = Literal["LR", "TB"]
DIRECTIONS: tuple[Direction, ...] = ("LR", "TB")

# Left to right (or top to bottom) the way a request travels.
TIER_ORDER: tuple[str, ...] = ("clients", "edge", "services", "async", "data", "external")

ASYNC_COLOR = "#D35400"
SYNC_COLOR = "#5D6D7E"
FINDING_COLOR = "#D0021B"
TIER_COLORS: dict[str, str] = {
    "clients": "#F4F6F7",
    "edge": "#E5F5FD",
    "services": "#EBF3E7",
    "async": "#FDF7E3",
    "data": "#ECE8F6",
    "external": "#F4F6F7",
}


def tier_title(tier: str, lang: str) -> str:
    if tier in TIER_ORDER:
        return render(f"output.tier.{tier}", lang)
    return tier


@dataclass(frozen=True)
class NodeView:
    """One component as drawn."""

    id: str
    label: str
    kind: str
    tier: str
    replicas: int = 1
    managed: bool = False
    shards: int = 1
    rules: tuple[str, ...] = ()
    technology: str | None = None

    def badges(self, lang: str) -> list[str]:
        """Short facts shown under the label: `×3`, managed, shards."""
        out: list[str] = []
        if self.replicas > 1:
            out.append(f"×{self.replicas}")
        if self.managed:
            out.append(render("output.managed", lang))
        if self.shards > 1:
            out.append(render("output.shards", lang, shards=self.shards))
        return out

    def caption(self, lang: str, *, with_kind: bool, rule_per_line: bool = False) -> list[str]:
        """The lines of the node's label: name, kind and badges, rule ids when highlighted."""
        lines = [self.label]
        badges = " · ".join(self.badges(lang))
        facts = " ".join(part for part in (self.kind if with_kind else "", badges) if part)
        if facts:
            lines.append(facts)
        if self.rules and rule_per_line:
            lines.extend(f"⚠ {rule}" for rule in self.rules)
        elif self.rules:
            lines.append("⚠ " + ", ".join(self.rules))
        return lines


@dataclass(frozen=True)
class EdgeView:
    src: str
    dst: str
    label: str | None
    sync: bool


@dataclass(frozen=True)
class DiagramView:
    """A design ready to draw: tiers in order with their nodes, then the edges in file order."""

    title: str
    direction: Direction
    lang: str
    tiers: tuple[tuple[str, tuple[NodeView, ...]], ...]
    edges: tuple[EdgeView, ...]
    highlighted: bool = False

    @property
    def nodes(self) -> list[NodeView]:
        return [node for _, nodes in self.tiers for node in nodes]


def clean_text(text: str) -> str:
    """One line of text: newlines and tabs become spaces, runs of spaces shrink."""
    return " ".join(text.split())


def build_view(
    design: Design,
    *,
    lang: str = "en",
    direction: Direction = "LR",
    highlights: Mapping[str, Sequence[str]] | None = None,
) -> DiagramView:
    """Group the components by tier (file order inside a tier) and expand the connections.

    `highlights` maps a component id to the rule ids of the findings that name it.
    """
    from sysdesign.design.intent import technology_of

    highlights = highlights or {}
    grouped: dict[str, list[NodeView]] = {tier: [] for tier in TIER_ORDER}
    for cid, comp in design.components.items():
        tier = TIERS.get(comp.kind, "services")
        rules = tuple(sorted(set(highlights.get(cid, ()))))
        grouped.setdefault(tier, []).append(
            NodeView(
                id=cid,
                label=clean_text(design.label_of(cid, lang)),
                kind=comp.kind,
                tier=tier,
                replicas=comp.replicas,
                managed=comp.managed,
                shards=comp.shards,
                rules=rules,
                technology=technology_of(comp),
            )
        )
    tiers = tuple((tier, tuple(nodes)) for tier, nodes in grouped.items() if nodes)
    edges = tuple(
        EdgeView(
            src=e.src,
            dst=e.dst,
            label=clean_text(e.label.get(lang)) if e.label else None,
            sync=e.sync,
        )
        for e in design.edges()
    )
    title = clean_text(design.title(lang) or design.scenario or render("output.design", lang))
    return DiagramView(
        title=title,
        direction=direction,
        lang=lang,
        tiers=tiers,
        edges=edges,
        highlighted=bool(highlights),
    )
