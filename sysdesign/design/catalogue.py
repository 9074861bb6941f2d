"""Typical per-instance throughput and availability per component kind (data/catalogue.yaml).

Every figure carries its source. A component's `capacity:` overrides the catalogue figure.
The catalogue is read into plain objects without pydantic (`check` would otherwise import it
for this file alone); a file the reader does not accept as it stands is validated by the model
(`catalogue_model`), whose messages say what is wrong.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sysdesign.models.design_plain import Plain

if TYPE_CHECKING:
    from sysdesign.design import catalogue_model

CATALOGUE_FILE = "catalogue.yaml"


class Figure(Plain):
    """One per-instance number and where it comes from."""

    __slots__ = ("source", "source_ko", "unit", "value")
    value: float
    source: str
    unit: str
    #: The same source explained in Korean (`check --lang ko` prints it).
    source_ko: str | None

    def __init__(
        self, value: float, source: str, unit: str = "requests", source_ko: str | None = None
    ) -> None:
        self.value, self.source, self.unit, self.source_ko = value, source, unit, source_ko


class Availability(Plain):
    """One self-run instance; the managed service's SLA when one exists."""

    __slots__ = ("source", "value")
    value: float
    source: str

    def __init__(self, value: float, source: str) -> None:
        self.value, self.source = value, source


class KindAvailability(Plain):
    __slots__ = ("instance", "managed")
    instance: Availability
    managed: Availability | None

    def __init__(self, instance: Availability, managed: Availability | None = None) -> None:
        self.instance, self.managed = instance, managed


class KindFigures(Plain):
    """What one instance of a kind typically sustains.

    `writes` is what one primary absorbs; for a leaderless store (`leaderless: true`) it is
    what one node absorbs in replica writes, so the store takes nodes × writes ÷ replication.
    """

    __slots__ = ("availability", "connections", "leaderless", "throughput", "writes")
    availability: KindAvailability
    throughput: Figure | None
    writes: Figure | None
    connections: Figure | None
    leaderless: bool

    def __init__(
        self,
        availability: KindAvailability,
        throughput: Figure | None = None,
        writes: Figure | None = None,
        connections: Figure | None = None,
        leaderless: bool = False,
    ) -> None:
        self.availability, self.leaderless = availability, leaderless
        self.throughput, self.writes, self.connections = throughput, writes, connections


class Technology(Plain):
    """A product named as a kind alias (`kind: cassandra`): what it changes about its kind."""

    __slots__ = ("kind", "leaderless", "source")
    kind: str
    leaderless: bool
    source: str

    def __init__(self, kind: str, leaderless: bool, source: str) -> None:
        self.kind, self.leaderless, self.source = kind, leaderless, source


class Catalogue(Plain):
    __slots__ = ("kinds", "technologies")
    kinds: dict[str, KindFigures]
    technologies: dict[str, Technology]

    def __init__(
        self, kinds: dict[str, KindFigures], technologies: dict[str, Technology] | None = None
    ) -> None:
        self.kinds, self.technologies = kinds, {} if technologies is None else technologies

    def leaderless(self, kind: str, technology: str | None = None) -> bool:
        """Whether writes scale with the nodes (no single primary per shard): the technology's
        word when the design names one of the same kind, else the kind's."""
        tech = self.technologies.get(technology or "")
        if tech is not None and tech.kind == kind:
            return tech.leaderless
        entry = self.kinds.get(kind)
        return entry is not None and entry.leaderless

    def availability(self, kind: str, *, managed: bool) -> Availability:
        figures = self.kinds[kind].availability
        if managed and figures.managed is not None:
            return figures.managed
        return figures.instance

    def figure(
        self, kind: str, what: Literal["throughput", "writes", "connections"]
    ) -> Figure | None:
        entry = self.kinds.get(kind)
        return None if entry is None else getattr(entry, what)


class _Refused(Exception):
    """A value the reader leaves to the model."""


def _number(value: Any, *, at_most: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Refused
    if not value > 0 or (at_most is not None and not value <= at_most):
        raise _Refused
    return float(value)


def _source(value: Any, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise _Refused
    return value


def _mapping(value: Any, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict) or not keys.issuperset(value):
        raise _Refused
    return value


def _figure(value: Any) -> Figure | None:
    if value is None:
        return None
    raw = _mapping(value, {"value", "unit", "source", "source_ko"})
    unit = raw.get("unit", "requests")
    if not isinstance(unit, str):
        raise _Refused
    return Figure(
        value=_number(raw.get("value")),
        source=_source(raw.get("source")),
        unit=unit,
        source_ko=_source(raw.get("source_ko"), optional=True),
    )


def _availability(value: Any) -> Availability:
    raw = _mapping(value, {"value", "source"})
    return Availability(_number(raw.get("value"), at_most=1), _source(raw.get("source")))


def _kind(value: Any) -> KindFigures:
    raw = _mapping(value, {"throughput", "writes", "connections", "leaderless", "availability"})
    avail = _mapping(raw.get("availability"), {"instance", "managed"})
    managed = avail.get("managed")
    leaderless = raw.get("leaderless", False)
    if not isinstance(leaderless, bool):
        raise _Refused
    return KindFigures(
        availability=KindAvailability(
            _availability(avail.get("instance")),
            None if managed is None else _availability(managed),
        ),
        throughput=_figure(raw.get("throughput")),
        writes=_figure(raw.get("writes")),
        connections=_figure(raw.get("connections")),
        leaderless=leaderless,
    )


def read_catalogue(data: Any) -> Catalogue | None:
    """The catalogue file's data as the model would read it, or None (the model then says
    what is wrong)."""
    from sysdesign.models.kinds import KINDS

    try:
        raw = _mapping(data, {"kinds", "technologies"})
        kinds = _mapping(raw.get("kinds"), set(KINDS))
        if set(kinds) != set(KINDS):
            raise _Refused
        technologies: dict[str, Technology] = {}
        techs = raw.get("technologies", {})
        if not isinstance(techs, dict):
            raise _Refused
        for name, value in techs.items():
            tech = _mapping(value, {"kind", "leaderless", "source"})
            kind, leaderless = tech.get("kind"), tech.get("leaderless")
            if not isinstance(name, str) or kind not in KINDS:
                raise _Refused
            if not isinstance(kind, str) or not isinstance(leaderless, bool):
                raise _Refused
            technologies[name] = Technology(kind, leaderless, _source(tech.get("source")))
        return Catalogue(
            kinds={name: _kind(value) for name, value in kinds.items()},
            technologies=technologies,
        )
    except _Refused:
        return None


def from_model(model: catalogue_model.Catalogue) -> Catalogue:
    """The plain catalogue of one the model validated."""

    def figure(f: catalogue_model.Figure | None) -> Figure | None:
        return None if f is None else Figure(f.value, f.source, f.unit, f.source_ko)

    def availability(a: catalogue_model.Availability) -> Availability:
        return Availability(a.value, a.source)

    return Catalogue(
        kinds={
            name: KindFigures(
                availability=KindAvailability(
                    availability(k.availability.instance),
                    None
                    if k.availability.managed is None
                    else availability(k.availability.managed),
                ),
                throughput=figure(k.throughput),
                writes=figure(k.writes),
                connections=figure(k.connections),
                leaderless=k.leaderless,
            )
            for name, k in model.kinds.items()
        },
        technologies={
            name: Technology(t.kind, t.leaderless, t.source)
            for name, t in model.technologies.items()
        },
    )


def load_catalogue(path: Path) -> Catalogue:
    from sysdesign.yamlio import read_yaml, validate_as

    loaded = read_yaml(path)
    plain = read_catalogue(loaded.data)
    if plain is not None:
        return plain
    from sysdesign.design import catalogue_model

    return from_model(validate_as(catalogue_model.Catalogue, loaded))


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The bundled catalogue, loaded once per process (validated once, then from the cache)."""
    from sysdesign import paths
    from sysdesign.library import cached

    code = (__file__, str(Path(__file__).with_name("catalogue_model.py")))
    found: Catalogue = cached(load_catalogue, paths.bundled("data") / CATALOGUE_FILE, code)
    return found
