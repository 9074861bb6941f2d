"""What a component's label and notes say it does, read through the project's lexicon.

A candidate writes "결제 서비스 (멱등 키로 중복 요청 차단)" or "Fan-out workers", not `tags:`.
`read_intent` adds the design tags such words imply (`idempotency`, `fanout`, `double_entry`…)
to the component, so the rules and the score treat them like written tags, and records each
reading so the report can say which tag it relied on ("tag `idempotency` read from the label").
The technology a label names ("Postgres (sharded)", "MySQL", "Cassandra") is read the same way
(`technology_of`), for catalogue figures and icons.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sysdesign.models.design_plain import Plain

if TYPE_CHECKING:
    from sysdesign.models.design import Component, Design
    from sysdesign.models.design_plain import PlainComponent, PlainDesign


class Reading(Plain):
    """One tag read from a component's words."""

    __slots__ = ("component", "concept", "source", "tag")
    component: str
    tag: str
    concept: str
    source: str

    def __init__(
        self,
        component: str,
        tag: str,
        concept: str,
        source: str,
    ) -> None:
        self.component = component
        self.tag = tag
        self.concept = concept
        self.source = source

    def to_json(self) -> dict[str, str]:
        return {
            "component": self.component,
            "tag": self.tag,
            "concept": self.concept,
            "source": self.source,
        }

    def text(self, lang: str) -> str:
        if lang == "ko":
            where = "이름" if self.source == "label" else "메모"
            return f"{self.component}: `{self.tag}` 태그를 {where}에서 읽음 ({self.concept})"
        return f"{self.component}: tag `{self.tag}` read from the {self.source} ({self.concept})"


# Tags that put a component in a rule's scope ("this is the payment path") are read only on
# components that can be one; a CDN whose label mentions the stock count is not inventory.
SCOPE_TAGS = frozenset({"payment", "transfer", "inventory", "ledger", "fraud"})
SCOPE_KINDS = frozenset(
    {"service", "worker", "sql_db", "nosql_db", "stream_processor", "scheduler"}
)


def _texts(comp: Component | PlainComponent) -> list[tuple[str, str]]:
    """The label's and the notes' texts, English first, then the Korean when it differs:
    a design written in either language (or both) is read the same way."""
    return [
        (src, text)
        for src, words in (("label", comp.label), ("notes", comp.notes))
        if words
        for text in words.texts
    ]


def read_intent(design: Design | PlainDesign) -> tuple[Design | PlainDesign, list[Reading]]:
    """The design with the tags its labels and notes imply added, and what was read."""
    from sysdesign.understand.lexicon import tag_lexicon

    lex = tag_lexicon()
    readings: list[Reading] = []
    changed: dict[str, Any] = {}
    for cid, comp in design.components.items():
        found: dict[str, tuple[str, str]] = {}
        for source, text in _texts(comp):
            for tag, concept in lex.tags_in(text).items():
                if tag in SCOPE_TAGS and comp.kind not in SCOPE_KINDS:
                    continue
                if tag not in comp.tags and tag not in found:
                    found[tag] = (concept, source)
        if not found:
            continue
        readings += [Reading(cid, tag, c, src) for tag, (c, src) in found.items()]
        copy = comp.model_copy(update={"tags": [*comp.tags, *found]})
        changed[cid] = copy
    if not changed:
        return design, readings
    components = {cid: changed.get(cid, c) for cid, c in design.components.items()}
    return design.model_copy(update={"components": components}), readings


def technology_of(comp: Component | PlainComponent) -> str | None:
    """The product a component is: the kind as written (`cassandra`), else one its label or
    notes name ("Postgres (sharded)")."""
    if comp.written_kind:
        return comp.written_kind
    from sysdesign.understand.lexicon import tag_lexicon

    for _, text in _texts(comp):
        tech = tag_lexicon().tech_in(text)
        if tech:
            return tech
    return None
