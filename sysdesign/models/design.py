"""The candidate's design file (shared DESIGN-FORMAT.md): components, connections, estimates."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, Field, StringConstraints, field_validator

from sysdesign.i18n import josa
from sysdesign.models.common import Strict
from sysdesign.models.estimates import EstimateInputs
from sysdesign.models.kinds import ASYNC_TARGETS, KINDS, all_kind_names, canonical_kind

ComponentId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]+$")]
MAX_COPIES = 1_000_000
ARROW = re.compile(r"\s*(?:->|→)\s*")


class Component(Strict):
    """One logical component of the design."""

    kind: str = Field(
        description="A kind id or alias (case-insensitive); see DESIGN-FORMAT.md. / "
        "컴포넌트 종류 id 또는 별칭(대소문자 무관). DESIGN-FORMAT.md 참고."
    )
    # Sane ranges: no logical component runs a million copies or shards.
    replicas: int = Field(1, ge=1, le=MAX_COPIES)
    managed: bool = False
    shards: int = Field(1, ge=1, le=MAX_COPIES)
    shard_key: str | None = None
    capacity: str | None = Field(
        None,
        description="Per-instance throughput override, e.g. '20k rps'. / "
        "인스턴스당 처리량을 직접 지정합니다(예: '20k rps').",
    )
    regions: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    label: str | None = None
    notes: str | None = None

    @field_validator("kind")
    @classmethod
    def _canonical(cls, value: str) -> str:
        kind = canonical_kind(value)
        if kind is None:
            from sysdesign.yamlio import did_you_mean

            hint = did_you_mean(value.lower(), all_kind_names())
            raise ValueError(
                f"unknown component kind {value!r} / 알 수 없는 컴포넌트 종류 {value!r}{hint}"
            )
        return kind

    @field_validator("capacity", mode="before")
    @classmethod
    def _capacity_str(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value

    @property
    def instances(self) -> int:
        return self.replicas

    @property
    def is_replicated(self) -> bool:
        return self.managed or self.replicas > 1


class ConnectionMapping(BaseModel):
    """The long form of one connection (used only for the JSON Schema)."""

    model_config = {"extra": "forbid", "populate_by_name": True}
    from_: str = Field(alias="from")
    to: str
    label: str | None = None
    sync: bool | None = None


def _component_before(value: Any) -> Any:
    return {"kind": value} if isinstance(value, str) else value


def _split_chain(text: str) -> list[str]:
    return [part.strip() for part in ARROW.split(text.strip())]


def _chain_before(value: Any) -> Any:
    """A chain string, `{chain: label}`, or `{from, to, label, sync}` → Chain fields."""
    if isinstance(value, str):
        return {"nodes": _split_chain(value)}
    if isinstance(value, dict):
        if "from" in value or "to" in value:
            rest = {k: v for k, v in value.items() if k not in ("from", "to")}
            return {"nodes": [value.get("from"), value.get("to")], **rest}
        if len(value) == 1:
            ((chain, label),) = value.items()
            if isinstance(chain, str) and ARROW.search(chain):
                return {"nodes": _split_chain(chain), "label": label}
    return value


class Chain(Strict):
    """One connection item: two or more components joined by arrows, with an optional label."""

    nodes: list[str] = Field(min_length=2)
    label: str | None = None
    sync: bool | None = None

    @field_validator("label", mode="before")
    @classmethod
    def _label_str(cls, value: Any) -> Any:
        return None if value is None else str(value)


ComponentItem = Annotated[
    Component, BeforeValidator(_component_before, json_schema_input_type=str | Component)
]
ChainItem = Annotated[
    Chain,
    BeforeValidator(_chain_before, json_schema_input_type=str | dict[str, str] | ConnectionMapping),
]


def _notes_before(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class Edge(BaseModel):
    """A directed edge after chains are expanded; `item` is the connection's index in the file."""

    model_config = {"frozen": True}
    src: str
    dst: str
    label: str | None
    sync: bool
    item: int


class Design(Strict):
    """A candidate's architecture."""

    name: str | None = None
    scenario: str | None = None
    components: dict[ComponentId, ComponentItem] = Field(min_length=1)
    connections: list[ChainItem] = Field(default_factory=list)
    estimates: EstimateInputs = Field(default_factory=EstimateInputs)
    notes: Annotated[list[str], BeforeValidator(_notes_before)] = Field(
        default_factory=list,
        description="Key decisions and trade-offs, in the candidate's words. / "
        "핵심 결정과 트레이드오프를 지원자의 말로 적습니다.",
    )

    def edges(self) -> list[Edge]:
        """Every directed edge, chains expanded. Edges into a queue or pub/sub are async."""
        out: list[Edge] = []
        for index, chain in enumerate(self.connections):
            for src, dst in zip(chain.nodes, chain.nodes[1:], strict=False):
                if src not in self.components or dst not in self.components:
                    continue
                if chain.sync is not None:
                    sync = chain.sync
                else:
                    sync = self.components[dst].kind not in ASYNC_TARGETS
                # Built from validated parts: skip re-validation (100k edges cost seconds).
                out.append(
                    Edge.model_construct(src=src, dst=dst, label=chain.label, sync=sync, item=index)
                )
        return out

    def label_of(self, component_id: str) -> str:
        return self.components[component_id].label or component_id


def design_problems(design: Design) -> list[tuple[tuple[str | int, ...], str]]:
    """Cross-reference problems pydantic cannot see: connections to undeclared components."""
    from sysdesign.yamlio import did_you_mean

    problems: list[tuple[tuple[str | int, ...], str]] = []
    for index, chain in enumerate(design.connections):
        for node in chain.nodes:
            if node not in design.components:
                hint = did_you_mean(node, design.components)
                problems.append(
                    (
                        ("connections", index),
                        f"unknown component {node!r}{hint} / 선언되지 않은 컴포넌트",
                    )
                )
        for src, dst in zip(chain.nodes, chain.nodes[1:], strict=False):
            if src == dst:
                problems.append(
                    (
                        ("connections", index),
                        f"{src!r} connects to itself / {josa(repr(src), '이/가')} 자기 자신에 연결됩니다",
                    )
                )
    return problems


KIND_IDS: tuple[str, ...] = tuple(KINDS)
