"""The model of data/catalogue.yaml, for validation: its messages when the catalogue reader
(`sysdesign.design.catalogue`) leaves the file to it."""

from __future__ import annotations

from pydantic import Field, model_validator

from sysdesign.models.common import Strict


class Figure(Strict):
    """One per-instance number and where it comes from."""

    value: float = Field(gt=0)
    unit: str = "requests"
    source: str = Field(min_length=1)
    #: The same source explained in Korean (`check --lang ko` prints it).
    source_ko: str | None = Field(default=None, min_length=1)


class Availability(Strict):
    """One self-run instance; the managed service's SLA when one exists."""

    value: float = Field(gt=0, le=1)
    source: str = Field(min_length=1)


class KindAvailability(Strict):
    instance: Availability
    managed: Availability | None = None


class KindFigures(Strict):
    """What one instance of a kind typically sustains.

    `writes` is what one primary absorbs; for a leaderless store (`leaderless: true`) it is
    what one node absorbs in replica writes, so the store takes nodes × writes ÷ replication.
    """

    throughput: Figure | None = None
    writes: Figure | None = None
    connections: Figure | None = None
    leaderless: bool = False
    availability: KindAvailability


class Technology(Strict):
    """A product named as a kind alias (`kind: cassandra`): what it changes about its kind."""

    kind: str
    leaderless: bool
    source: str = Field(min_length=1)


class Catalogue(Strict):
    kinds: dict[str, KindFigures]
    technologies: dict[str, Technology] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_kinds(self) -> Catalogue:
        from sysdesign.models.kinds import KINDS

        unknown = sorted(set(self.kinds) - set(KINDS))
        if unknown:
            raise ValueError(f"unknown kinds in the catalogue: {', '.join(unknown)}")
        missing = sorted(set(KINDS) - set(self.kinds))
        if missing:
            raise ValueError(f"kinds missing from the catalogue: {', '.join(missing)}")
        wrong = sorted(n for n, tech in self.technologies.items() if tech.kind not in KINDS)
        if wrong:
            raise ValueError(f"technologies of unknown kinds: {', '.join(wrong)}")
        return self
