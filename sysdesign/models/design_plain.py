"""Plain forms of what `check` reads, built without pydantic: a design, estimate inputs, and the
parts of a rubric the rules and the design score use.

Importing pydantic and building the models costs a `check` more than the rest of its start-up
(see benchmarks/README.md). The readers here take the parsed YAML and return a plain object only
when every value is one the model would accept *and* store unchanged; on anything else they
return None, and the caller validates with the model, whose messages (file:line:col, "did you
mean") are the only ones a user sees. So they may refuse what the model accepts (the model then
decides), never the reverse. Attribute names and methods match the models', so the rules, the
score and the renderers read either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, Self

from sysdesign.models.kinds import ASYNC_TARGETS, KIND_QUALIFIERS, KINDS, canonical_kind
from sysdesign.models.localized import Localized, in_lang

if TYPE_CHECKING:
    from sysdesign.models.rubric import Rubric


class Given(Protocol):
    """Estimate inputs that list what was set: `PlainEstimates`, or the model `EstimateInputs`
    (which imports this module, so it is not named here)."""

    def given(self) -> dict[str, str]: ...


class Plain:
    """Value semantics over `__slots__`, as a frozen dataclass has them (equality, hash,
    repr), and `model_copy`; attributes are not guarded against assignment. Hand-written
    classes rather than dataclasses: building a frozen dataclass runs `exec` for each generated
    method, ~0.5 ms a class, and `check` builds them on every start."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Plain)
            and type(other) is type(self)
            and self._values() == other._values()
        )

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({inner})"

    def model_copy(self, *, update: Mapping[str, Any]) -> Self:
        """A copy with `update` replacing some values, as pydantic's `model_copy` makes."""
        copy = object.__new__(type(self))
        for name in self.__slots__:
            object.__setattr__(copy, name, update[name] if name in update else getattr(self, name))
        return copy

    def __getstate__(self) -> tuple[Any, ...]:
        return self._values()

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(self.__slots__, state, strict=True):
            object.__setattr__(self, name, value)


# ---------------------------------------------------------------- estimates


class PlainEstimates(Plain):
    """`EstimateInputs` without pydantic: the same fields, in the same order, kept as text."""

    __slots__ = (
        "cache_fraction",
        "concurrent_fraction",
        "connections_per_server",
        "dau",
        "media_fraction",
        "media_size",
        "memory_per_connection",
        "peak_factor",
        "read_size",
        "read_write_ratio",
        "reads",
        "reads_per_user",
        "replication",
        "retention",
        "server_qps",
        "write_size",
        "writes",
        "writes_per_user",
    )

    def __init__(
        self,
        *,
        dau: str | None = None,
        writes_per_user: str | None = None,
        reads_per_user: str | None = None,
        writes: str | None = None,
        reads: str | None = None,
        read_write_ratio: str | None = None,
        write_size: str | None = None,
        read_size: str | None = None,
        media_fraction: str | None = None,
        media_size: str | None = None,
        retention: str | None = None,
        peak_factor: str | None = None,
        replication: str | None = None,
        cache_fraction: str | None = None,
        server_qps: str | None = None,
        concurrent_fraction: str | None = None,
        memory_per_connection: str | None = None,
        connections_per_server: str | None = None,
    ) -> None:
        self.dau = dau
        self.writes_per_user = writes_per_user
        self.reads_per_user = reads_per_user
        self.writes = writes
        self.reads = reads
        self.read_write_ratio = read_write_ratio
        self.write_size = write_size
        self.read_size = read_size
        self.media_fraction = media_fraction
        self.media_size = media_size
        self.retention = retention
        self.peak_factor = peak_factor
        self.replication = replication
        self.cache_fraction = cache_fraction
        self.server_qps = server_qps
        self.concurrent_fraction = concurrent_fraction
        self.memory_per_connection = memory_per_connection
        self.connections_per_server = connections_per_server

    def given(self) -> dict[str, str]:
        """Only the inputs that were set."""
        out: dict[str, str] = {}
        for name in ESTIMATE_FIELDS:
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out

    def merged_over(self, base: Given) -> PlainEstimates:
        """These inputs, with `base` filling whatever is missing."""
        return PlainEstimates(**{**base.given(), **self.given()})

    @classmethod
    def of(cls, inputs: Given) -> PlainEstimates:
        return inputs if isinstance(inputs, PlainEstimates) else cls(**inputs.given())


#: The inputs in the order of `EstimateInputs`' fields (`given()` keeps it).
ESTIMATE_FIELDS: tuple[str, ...] = (
    "dau",
    "writes_per_user",
    "reads_per_user",
    "writes",
    "reads",
    "read_write_ratio",
    "write_size",
    "read_size",
    "media_fraction",
    "media_size",
    "retention",
    "peak_factor",
    "replication",
    "cache_fraction",
    "server_qps",
    "concurrent_fraction",
    "memory_per_connection",
    "connections_per_server",
)


def quantity_text(value: Any) -> Any:
    """An estimate value as `models.estimates.Quantity` stores it: a number as its text
    (`50000000`, `0.2`), anything else unchanged (for the model to accept or refuse)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    return value


def _quantity(value: Any) -> tuple[bool, str | None]:
    """(accepted, text) for one estimate value, as `models.estimates.Quantity` reads it."""
    text = quantity_text(value)
    if text is None or isinstance(text, str):
        return True, text
    return False, None  # a bool, a list…: the model refuses it, let it say so


def read_estimates(data: Any) -> PlainEstimates | None:
    """An `estimates:` mapping as `EstimateInputs` would read it, or None (let the model say)."""
    if not isinstance(data, dict):
        return None
    values: dict[str, str | None] = {}
    for key, value in data.items():
        if key not in ESTIMATE_FIELDS:
            return None
        ok, text = _quantity(value)
        if not ok:
            return None
        values[key] = text
    return PlainEstimates(**values)


def scenario_estimates(data: Any) -> PlainEstimates | None:
    """A scenario file's `estimates:` (the rest of the scenario is not read), or None."""
    if not isinstance(data, dict):
        return None
    if "estimates" not in data:
        return PlainEstimates()
    return read_estimates(data["estimates"])


# ---------------------------------------------------------------- the design

COMPONENT_ID = re.compile(r"[a-z0-9_-]+")
MAX_COPIES = 1_000_000  # models.design.MAX_COPIES
ARROW = re.compile(r"\s*(?:->|→)\s*")


class PlainComponent(Plain):
    """`models.design.Component` without pydantic."""

    __slots__ = (
        "capacity",
        "kind",
        "label",
        "managed",
        "notes",
        "regions",
        "replicas",
        "shard_key",
        "shards",
        "tags",
        "written_kind",
    )
    kind: str
    replicas: int
    managed: bool
    shards: int
    shard_key: str | None
    capacity: str | None
    regions: list[str]
    tags: list[str]
    label: Localized | None
    notes: Localized | None
    written_kind: str | None

    def __init__(
        self,
        kind: str,
        replicas: int = 1,
        managed: bool = False,
        shards: int = 1,
        shard_key: str | None = None,
        capacity: str | None = None,
        regions: list[str] | None = None,
        tags: list[str] | None = None,
        label: Localized | None = None,
        notes: Localized | None = None,
        written_kind: str | None = None,
    ) -> None:
        self.kind = kind
        self.replicas = replicas
        self.managed = managed
        self.shards = shards
        self.shard_key = shard_key
        self.capacity = capacity
        self.regions = list() if regions is None else regions
        self.tags = list() if tags is None else tags
        self.label = label
        self.notes = notes
        self.written_kind = written_kind

    @property
    def instances(self) -> int:
        return self.replicas

    @property
    def is_replicated(self) -> bool:
        return self.managed or self.replicas > 1


class PlainChain(Plain):
    __slots__ = ("label", "nodes", "sync")
    nodes: list[str]
    label: Localized | None
    sync: bool | None

    def __init__(
        self,
        nodes: list[str],
        label: Localized | None = None,
        sync: bool | None = None,
    ) -> None:
        self.nodes = nodes
        self.label = label
        self.sync = sync


class PlainEdge(Plain):
    __slots__ = ("dst", "item", "label", "src", "sync")
    src: str
    dst: str
    label: Localized | None
    sync: bool
    item: int

    def __init__(
        self,
        src: str,
        dst: str,
        label: Localized | None,
        sync: bool,
        item: int,
    ) -> None:
        self.src = src
        self.dst = dst
        self.label = label
        self.sync = sync
        self.item = item


class _Chain(Protocol):
    @property
    def nodes(self) -> list[str]: ...
    @property
    def label(self) -> Localized | None: ...
    @property
    def sync(self) -> bool | None: ...


class _Kinded(Protocol):
    @property
    def kind(self) -> str: ...


def chain_edges(
    connections: Sequence[_Chain], components: Mapping[str, _Kinded]
) -> Iterator[tuple[str, str, Localized | None, bool, int]]:
    """(src, dst, label, sync, item) of every directed edge, chains expanded, for `Design` and
    `PlainDesign` alike. Edges into a queue or pub/sub are async unless the chain says."""
    for index, chain in enumerate(connections):
        for src, dst in zip(chain.nodes, chain.nodes[1:], strict=False):
            if src not in components or dst not in components:
                continue
            sync = (
                chain.sync if chain.sync is not None else components[dst].kind not in ASYNC_TARGETS
            )
            yield src, dst, chain.label, sync, index


class PlainDesign(Plain):
    """`models.design.Design` without pydantic: what `check` builds on its happy path."""

    __slots__ = ("components", "connections", "estimates", "name", "notes", "scenario")
    components: dict[str, PlainComponent]
    name: Localized | None
    scenario: str | None
    connections: list[PlainChain]
    estimates: PlainEstimates
    notes: list[Localized]

    def __init__(
        self,
        components: dict[str, PlainComponent],
        name: Localized | None = None,
        scenario: str | None = None,
        connections: list[PlainChain] | None = None,
        estimates: PlainEstimates | None = None,
        notes: list[Localized] | None = None,
    ) -> None:
        self.components = components
        self.name = name
        self.scenario = scenario
        self.connections = list() if connections is None else connections
        self.estimates = PlainEstimates() if estimates is None else estimates
        self.notes = list() if notes is None else notes

    def edges(self) -> list[PlainEdge]:
        """Every directed edge, chains expanded. Edges into a queue or pub/sub are async."""
        return [PlainEdge(*edge) for edge in chain_edges(self.connections, self.components)]

    def label_of(self, component_id: str, lang: str = "en") -> str:
        return in_lang(self.components[component_id].label, lang) or component_id

    def title(self, lang: str) -> str | None:
        return in_lang(self.name, lang)

    def notes_in(self, lang: str) -> list[str]:
        return [note.get(lang) for note in self.notes]


class _Refused(Exception):
    """A value the plain reader leaves to the model."""


def _text(value: Any, *, optional: bool = True) -> Localized | None:
    if value is None and optional:
        return None
    if not isinstance(value, str | dict):
        raise _Refused
    try:
        return Localized.parse(value)
    except ValueError:
        raise _Refused from None


def _strs(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Refused
    return list(value)


def _count(value: Any) -> int:
    if type(value) is not int or not 1 <= value <= MAX_COPIES:
        raise _Refused
    return value


COMPONENT_KEYS = frozenset(PlainComponent.__slots__) - {"written_kind"}


def _component(value: Any) -> PlainComponent:
    if isinstance(value, str):
        value = {"kind": value}
    if not isinstance(value, dict) or not COMPONENT_KEYS.issuperset(value):
        raise _Refused
    written = value.get("kind")
    if not isinstance(written, str):
        raise _Refused
    kind = canonical_kind(written)
    if kind is None:
        raise _Refused
    alias = written.strip().lower().replace("-", "_").replace(" ", "_")
    capacity = value.get("capacity")
    if isinstance(capacity, bool):
        raise _Refused  # the model reads it as the text 'True', which is then refused
    if isinstance(capacity, int | float):
        capacity = str(capacity)
    elif not (capacity is None or isinstance(capacity, str)):
        raise _Refused
    managed = value.get("managed", False)
    shard_key = value.get("shard_key")
    if not isinstance(managed, bool) or not (shard_key is None or isinstance(shard_key, str)):
        raise _Refused
    return PlainComponent(
        kind=kind,
        replicas=_count(value.get("replicas", 1)),
        managed=managed,
        shards=_count(value.get("shards", 1)),
        shard_key=shard_key,
        capacity=capacity,
        regions=_strs(value.get("regions", [])),
        tags=_strs(value.get("tags", [])),
        label=_text(value.get("label")),
        notes=_text(value.get("notes")),
        written_kind=alias if alias != kind else None,
    )


def _chain(value: Any) -> PlainChain:
    label: Any = None
    sync: Any = None
    if isinstance(value, str):
        nodes: Any = [part.strip() for part in ARROW.split(value.strip())]
    elif isinstance(value, dict) and ("from" in value or "to" in value):
        if not {"from", "to"}.issuperset(value.keys() - {"label", "sync"}):
            raise _Refused
        nodes, label, sync = (
            [value.get("from"), value.get("to")],
            value.get("label"),
            value.get("sync"),
        )
    elif isinstance(value, dict) and len(value) == 1:
        ((chain, label),) = value.items()
        if not isinstance(chain, str) or not ARROW.search(chain):
            raise _Refused
        nodes = [part.strip() for part in ARROW.split(chain.strip())]
    else:
        raise _Refused
    if len(nodes) < 2 or not all(isinstance(n, str) for n in nodes):
        raise _Refused
    if not (sync is None or isinstance(sync, bool)):
        raise _Refused
    if isinstance(label, int | float | bool):
        label = str(label)
    return PlainChain(nodes=nodes, label=_text(label), sync=sync)


DESIGN_KEYS = frozenset({"name", "scenario", "components", "connections", "estimates", "notes"})


def read_design(data: Any) -> PlainDesign | None:
    """The design file's data as `models.design.Design` would read it, or None: the model then
    validates it (and reports what is wrong). Cross-references (a connection to an undeclared
    component, a component connected to itself) make it None too."""
    try:
        if not isinstance(data, dict) or not DESIGN_KEYS.issuperset(data):
            raise _Refused
        raw = data.get("components")
        if not isinstance(raw, dict) or not raw:
            raise _Refused
        components: dict[str, PlainComponent] = {}
        for cid, value in raw.items():
            if not isinstance(cid, str) or not COMPONENT_ID.fullmatch(cid):
                raise _Refused
            components[cid] = _component(value)
        connections = data.get("connections", [])
        if not isinstance(connections, list):
            raise _Refused
        chains = [_chain(item) for item in connections]
        for chain in chains:
            for node in chain.nodes:
                if node not in components:
                    raise _Refused
            for src, dst in zip(chain.nodes, chain.nodes[1:], strict=False):
                if src == dst:
                    raise _Refused
        estimates = read_estimates(data.get("estimates", {}))
        notes = data.get("notes", [])
        if isinstance(notes, str | dict):
            notes = [notes]
        if estimates is None or not isinstance(notes, list):
            raise _Refused
        scenario = data.get("scenario")
        if not (scenario is None or isinstance(scenario, str)):
            raise _Refused
        texts = [_text(note, optional=False) for note in notes]
        return PlainDesign(
            components=components,
            name=_text(data.get("name")),
            scenario=scenario,
            connections=chains,
            estimates=estimates,
            notes=[t for t in texts if t is not None],
        )
    except _Refused:
        return None


# ---------------------------------------------------------------- what `check` reads of a rubric


class PlainText(Plain):
    """`models.common.Text` without pydantic."""

    __slots__ = ("en", "ko")
    ko: str
    en: str

    def __init__(
        self,
        ko: str,
        en: str,
    ) -> None:
        self.ko = ko
        self.en = en

    def get(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


class PlainReference(Plain):
    __slots__ = ("note", "title", "url")
    title: str
    url: str | None
    note: PlainText | None

    def __init__(
        self,
        title: str,
        url: str | None = None,
        note: PlainText | None = None,
    ) -> None:
        self.title = title
        self.url = url
        self.note = note


class PlainExpectedPath(Plain):
    __slots__ = ("id", "steps", "why")
    id: str
    steps: list[str]
    why: PlainText

    def __init__(
        self,
        id: str,
        steps: list[str],
        why: PlainText,
    ) -> None:
        self.id = id
        self.steps = steps
        self.why = why


class PlainDeepDive(Plain):
    """A deep dive as the score reads it: which findings trigger it, what it says to read."""

    __slots__ = ("references", "triggers")
    triggers: list[str]
    references: list[PlainReference]

    def __init__(
        self,
        triggers: list[str],
        references: list[PlainReference],
    ) -> None:
        self.triggers = triggers
        self.references = references


class RubricView(Plain):
    """The parts of a `Rubric` the rules and the design score read (`check` needs no more)."""

    __slots__ = (
        "avoid_findings",
        "deep_dives",
        "equivalents",
        "expected_kinds",
        "expected_paths",
        "expected_tags",
        "fanout",
        "references",
        "scenario",
        "storage_product",
    )
    scenario: str
    expected_kinds: list[str]
    expected_tags: list[str]
    expected_paths: list[PlainExpectedPath]
    fanout: list[str]
    equivalents: dict[str, list[str]]
    storage_product: bool
    avoid_findings: list[str]
    deep_dives: list[PlainDeepDive]
    references: list[PlainReference]

    def __init__(
        self,
        scenario: str,
        expected_kinds: list[str] | None = None,
        expected_tags: list[str] | None = None,
        expected_paths: list[PlainExpectedPath] | None = None,
        fanout: list[str] | None = None,
        equivalents: dict[str, list[str]] | None = None,
        storage_product: bool = False,
        avoid_findings: list[str] | None = None,
        deep_dives: list[PlainDeepDive] | None = None,
        references: list[PlainReference] | None = None,
    ) -> None:
        self.scenario = scenario
        self.expected_kinds = list() if expected_kinds is None else expected_kinds
        self.expected_tags = list() if expected_tags is None else expected_tags
        self.expected_paths = list() if expected_paths is None else expected_paths
        self.fanout = list() if fanout is None else fanout
        self.equivalents = dict() if equivalents is None else equivalents
        self.storage_product = storage_product
        self.avoid_findings = list() if avoid_findings is None else avoid_findings
        self.deep_dives = list() if deep_dives is None else deep_dives
        self.references = list() if references is None else references

    def accepted_kinds(self, kind: str) -> tuple[str, ...]:
        """The expected kind and the kinds this rubric accepts in its place."""
        return (kind, *self.equivalents.get(kind, ()))

    @classmethod
    def of(cls, rubric: Rubric) -> RubricView:
        """The view of a rubric the model validated."""

        def text(t: Any) -> PlainText:
            return PlainText(ko=t.ko, en=t.en)

        def refs(items: Any) -> list[PlainReference]:
            return [
                PlainReference(r.title, r.url, None if r.note is None else text(r.note))
                for r in items
            ]

        return cls(
            scenario=rubric.scenario,
            expected_kinds=list(rubric.expected_kinds),
            expected_tags=list(rubric.expected_tags),
            expected_paths=[
                PlainExpectedPath(p.id, list(p.steps), text(p.why)) for p in rubric.expected_paths
            ],
            fanout=list(rubric.fanout),
            equivalents={k: list(v) for k, v in rubric.equivalents.items()},
            storage_product=rubric.storage_product,
            avoid_findings=list(rubric.avoid_findings),
            deep_dives=[
                PlainDeepDive(list(d.triggers), refs(d.references)) for d in rubric.deep_dives
            ],
            references=refs(rubric.references),
        )


RUBRIC_KEYS = frozenset(
    {
        "scenario",
        "key_questions",
        "requirements",
        "expected_kinds",
        "expected_tags",
        "expected_paths",
        "fanout",
        "equivalents",
        "storage_product",
        "avoid_findings",
        "key_figures",
        "deep_dives",
        "weights",
        "references",
    }
)


def _plain_text(value: Any) -> PlainText:
    if (
        not isinstance(value, dict)
        or set(value) != {"en", "ko"}
        or not all(isinstance(v, str) and v for v in value.values())
    ):
        raise _Refused
    return PlainText(ko=value["ko"], en=value["en"])


def _references(value: Any) -> list[PlainReference]:
    if not isinstance(value, list):
        raise _Refused
    out: list[PlainReference] = []
    for item in value:
        if not isinstance(item, dict) or not {"title", "url", "note"}.issuperset(item):
            raise _Refused
        title, url, note = item.get("title"), item.get("url"), item.get("note")
        if not isinstance(title, str) or not (url is None or isinstance(url, str)):
            raise _Refused
        out.append(PlainReference(title, url, None if note is None else _plain_text(note)))
    return out


def read_rubric_view(data: Any, rule_ids: tuple[str, ...]) -> RubricView | None:
    """What `check` reads of a rubric file, or None: the model then validates the whole file.

    Only these parts are checked (types, and rule ids and kinds the rubric names): `check`
    does not read the questions, requirements, concepts or weights, and `validate` reports
    them."""
    try:
        if not isinstance(data, dict) or not RUBRIC_KEYS.issuperset(data):
            raise _Refused
        scenario = data.get("scenario")
        if not isinstance(scenario, str):
            raise _Refused
        lists = {
            name: _strs(data.get(name, []))
            for name in ("expected_kinds", "expected_tags", "fanout", "avoid_findings")
        }
        paths: list[PlainExpectedPath] = []
        raw_paths = data.get("expected_paths", [])
        if not isinstance(raw_paths, list):
            raise _Refused
        for item in raw_paths:
            if not isinstance(item, dict) or set(item) != {"id", "steps", "why"}:
                raise _Refused
            steps = _strs(item["steps"])
            if not isinstance(item["id"], str) or len(steps) < 2:
                raise _Refused
            paths.append(PlainExpectedPath(item["id"], steps, _plain_text(item["why"])))
        raw_eq = data.get("equivalents", {})
        if not isinstance(raw_eq, dict):
            raise _Refused
        equivalents = {key: _strs(alts) for key, alts in raw_eq.items()}
        storage = data.get("storage_product", False)
        dives = data.get("deep_dives")
        if not isinstance(storage, bool) or not isinstance(dives, list) or not dives:
            raise _Refused
        deep_dives: list[PlainDeepDive] = []
        for dive in dives:
            if not isinstance(dive, dict):
                raise _Refused
            deep_dives.append(
                PlainDeepDive(
                    _strs(dive.get("triggers", [])), _references(dive.get("references", []))
                )
            )
        # the cross-references `library._rubric_problems` checks, for these parts
        rules = [*lists["avoid_findings"], *(t for d in deep_dives for t in d.triggers)]
        kinds = [*lists["expected_kinds"], *equivalents]
        kinds += [s for p in paths for s in p.steps if not s.startswith("tag:")]
        for alts in equivalents.values():
            for alt in alts:
                name, _, qualifier = alt.partition(":")
                kinds.append(name)
                if qualifier not in KIND_QUALIFIERS:
                    raise _Refused
        if any(r not in rule_ids for r in rules) or any(k not in KINDS for k in kinds):
            raise _Refused
        return RubricView(
            scenario=scenario,
            expected_kinds=lists["expected_kinds"],
            expected_tags=lists["expected_tags"],
            expected_paths=paths,
            fanout=lists["fanout"],
            equivalents=equivalents,
            storage_product=storage,
            avoid_findings=lists["avoid_findings"],
            deep_dives=deep_dives,
            references=_references(data.get("references", [])),
        )
    except _Refused:
        return None
