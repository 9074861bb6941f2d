"""A scratch pad that calculators write their steps and results on."""

from __future__ import annotations

import math
from typing import Literal

from sysdesign.estimate import units
from sysdesign.estimate.model import Calculation, Conventions, Label, Result, Step

Measure = Literal[
    "qps", "per_day", "count", "bytes", "bandwidth", "servers", "seconds", "percent", "number"
]

UNITS: dict[Measure, str] = {
    "qps": "req/s",
    "per_day": "req/day",
    "count": "count",
    "bytes": "B",
    "bandwidth": "B/s",
    "servers": "servers",
    "seconds": "s",
    "percent": "%",
    "number": "",
}


class Pad:
    """Collects numbered steps and named results for one calculation."""

    def __init__(self, conventions: Conventions, inputs: dict[str, object]) -> None:
        self.conventions = conventions
        self.inputs = inputs
        self.steps: list[Step] = []
        self.results: dict[str, Result] = {}

    def human(self, value: float, measure: Measure, unit: str | None = None) -> str:
        binary = self.conventions.binary
        if measure == "qps":
            return f"{units.format_count(value)} {unit or 'req/s'}"
        if measure == "per_day":
            return f"{units.format_count(value)} {unit or '/day'}".replace(" /", "/")
        if measure == "bytes":
            return units.format_size(value, binary)
        if measure == "bandwidth":
            return units.format_bandwidth(value, binary)
        if measure == "seconds":
            return units.format_duration(value)
        if measure == "percent":
            return units.format_percent(value / 100)
        text = units.format_count(value)
        if value.is_integer() and abs(value) < 100_000:
            text = f"{int(value):,}"
        return f"{text} {unit or ''}".strip()

    def step(
        self,
        key: str | None,
        name: tuple[str, str],
        formula: str | tuple[str, str],
        substituted: str,
        value: float,
        measure: Measure,
        *,
        unit: str | None = None,
        result: bool = True,
    ) -> float:
        """Write one step; when `key` is set and `result` is true it is also a named result."""
        human = self.human(value, measure, unit)
        shown_unit = unit if unit is not None else UNITS[measure]
        en, ko = (formula, None) if isinstance(formula, str) else formula
        self.steps.append(
            Step(
                Label(*name), en, substituted, value, shown_unit, human, key if result else None, ko
            )
        )
        if key and result:
            self.results[key] = Result(
                value, UNITS[measure] if measure != "number" else (unit or ""), human
            )
        return value

    def done(self) -> Calculation:
        return Calculation(
            dict(self.inputs), self.conventions, dict(self.results), list(self.steps)
        )

    # formatting of numbers inside substituted formulas
    def n(self, value: float) -> str:
        return units.format_count(value)

    def b(self, value: float) -> str:
        return units.format_size(value, self.conventions.binary)


def ceil(value: float) -> float:
    """Round up, ignoring floating-point dust (1000.0000000001 is 1000)."""
    return float(math.ceil(round(value, 9)))
