"""The candidate's design file (shared DESIGN-FORMAT.md): components, connections, estimates."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    StringConstraints,
    field_validator,
    model_validator,
)

from sysdesign.i18n import josa
from sysdesign.models.common import Localized, Strict, in_lang
from sysdesign.models.design_plain import chain_edges
from sysdesign.models.estimates import EstimateInputs
from sysdesign.models.kinds import KINDS, all_kind_names, canonical_kind

COMPONENT_ID_PATTERN = r"^[a-z0-9_-]+$"
ComponentId = Annotated[str, StringConstraints(pattern=COMPONENT_ID_PATTERN)]
#: A capacity as an editor's schema sees it: text that starts with a number (`20k rps`).
CapacityText = Annotated[str, StringConstraints(pattern=r"^\s*[0-9]")]
#: A connection label as an editor's schema sees it: text or `{en, ko}` (numbers become text).
LabelInput = Localized | int | float | bool | None
MAX_COPIES = 1_000_000
ARROW = re.compile(r"\s*(?:->|→)\s*")


class Component(Strict):
    """One logical component of the design."""

    kind: str = Field(
        description="A kind id or alias (case-insensitive), e.g. service, sql_db (mysql), "
        "nosql_db (cassandra), websocket_gateway (ws), game_server (a dedicated UDP game server "
        "players reach directly); the README lists what changes the check. / 컴포넌트 종류 id "
        "또는 별칭(대소문자 무관). 예: service, sql_db(mysql), nosql_db(cassandra), "
        "websocket_gateway(ws), game_server(플레이어가 직접 접속하는 전용 UDP 게임 서버)."
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
    label: Localized | None = Field(
        None,
        description="What the component is, as the diagram shows it: one string, or "
        "{en: ..., ko: ...}. / 다이어그램에 보일 이름. 문자열 하나 또는 {en: ..., ko: ...}.",
    )
    notes: Localized | None = Field(
        None,
        description="A note on the component: one string, or {en: ..., ko: ...}. / "
        "컴포넌트 메모. 문자열 하나 또는 {en: ..., ko: ...}.",
    )
    #: The kind as written, when it was an alias naming a technology (`cassandra`, `mysql`).
    _written_kind: str | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _remember_written_kind(
        cls, data: Any, handler: ModelWrapValidatorHandler[Component]
    ) -> Component:
        component = handler(data)
        written = data.get("kind") if isinstance(data, dict) else None
        if isinstance(written, str):
            name = written.strip().lower().replace("-", "_").replace(" ", "_")
            if name != component.kind:
                component._written_kind = name
        return component

    @property
    def written_kind(self) -> str | None:
        """The alias the design used for the kind (`cassandra` for nosql_db), if any."""
        return self._written_kind

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

    @field_validator(
        "capacity", mode="before", json_schema_input_type=int | float | CapacityText | None
    )
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
    label: LabelInput = None
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
    label: Localized | None = None
    sync: bool | None = None

    @field_validator("label", mode="before")
    @classmethod
    def _label_str(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float | bool) else value


ComponentItem = Annotated[
    Component, BeforeValidator(_component_before, json_schema_input_type=str | Component)
]
ChainItem = Annotated[
    Chain,
    BeforeValidator(
        _chain_before,
        json_schema_input_type=str | dict[str, LabelInput] | ConnectionMapping,
    ),
]


def _notes_before(value: Any) -> Any:
    return [value] if isinstance(value, str | dict) else value


class Edge(BaseModel):
    """A directed edge after chains are expanded; `item` is the connection's index in the file."""

    model_config = {"frozen": True}
    src: str
    dst: str
    label: Localized | None
    sync: bool
    item: int


class Design(Strict):
    """A candidate's architecture."""

    name: Localized | None = Field(
        None,
        description="The design's title: one string, or {en: ..., ko: ...}. / "
        "설계 제목. 문자열 하나 또는 {en: ..., ko: ...}.",
    )
    scenario: str | None = None
    components: dict[ComponentId, ComponentItem] = Field(min_length=1)
    connections: list[ChainItem] = Field(default_factory=list)
    estimates: EstimateInputs = Field(default_factory=EstimateInputs)
    notes: Annotated[
        list[Localized],
        BeforeValidator(
            _notes_before,
            json_schema_input_type=Localized | list[Localized],
        ),
    ] = Field(
        default_factory=list,
        description="Key decisions and trade-offs, in the candidate's words; each note one "
        "string or {en: ..., ko: ...}. / 핵심 결정과 트레이드오프를 지원자의 말로 적습니다. "
        "메모마다 문자열 하나 또는 {en: ..., ko: ...}.",
    )

    def edges(self) -> list[Edge]:
        """Every directed edge, chains expanded. Edges into a queue or pub/sub are async."""
        # Built from validated parts: skip re-validation (100k edges cost seconds).
        return [
            Edge.model_construct(src=src, dst=dst, label=label, sync=sync, item=item)
            for src, dst, label, sync, item in chain_edges(self.connections, self.components)
        ]

    def label_of(self, component_id: str, lang: str = "en") -> str:
        """The component's label in `lang`, else its id."""
        return in_lang(self.components[component_id].label, lang) or component_id

    def title(self, lang: str) -> str | None:
        """The design's name in `lang`, if it has one."""
        return in_lang(self.name, lang)

    def notes_in(self, lang: str) -> list[str]:
        """The design's notes in `lang`."""
        return [note.get(lang) for note in self.notes]


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
