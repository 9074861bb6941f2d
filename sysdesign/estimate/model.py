"""What every calculator returns: named results plus the numbered steps that produced them.

Plain frozen dataclasses (no pydantic) so that `sysdesign estimate` starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

SECONDS_PER_DAY = 86_400
DAYS_PER_MONTH = 30
DAYS_PER_YEAR = 365
MONTHS_PER_YEAR = 12
QUICK_SECONDS_PER_DAY = 100_000
QUICK_SECONDS_PER_MONTH = 2_500_000


class HasGet(Protocol):
    """Anything that gives a text per language (`models.common.Text`, `Label`)."""

    def get(self, lang: str) -> str: ...


@dataclass(frozen=True)
class Label:
    """A short bilingual name, without pulling in pydantic."""

    en: str
    ko: str

    def get(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


def _text(name: HasGet | tuple[str, str] | str, lang: str) -> str:
    if isinstance(name, str):
        return name
    if isinstance(name, tuple):
        en, ko = name
        return ko if lang == "ko" else en
    return name.get(lang)


@dataclass(frozen=True)
class Step:
    """One line on the whiteboard: `name: formula = substituted = human`."""

    name: HasGet | tuple[str, str] | str
    formula: str
    substituted: str
    result: float
    unit: str
    human: str
    key: str | None = None  # the result this step produced, when it produced one
    formula_ko: str | None = None  # the formula in Korean words, when it has words

    def name_in(self, lang: str) -> str:
        return _text(self.name, lang)

    def human_in(self, lang: str) -> str:
        """The result as the language writes figures (「하루 2천만 건」, 「초당 231건」)."""
        if lang != "ko":
            return self.human
        from sysdesign.estimate.units import format_korean

        return format_korean(self.result, self.unit, self.human)

    def formula_in(self, lang: str) -> str:
        return self.formula_ko if lang == "ko" and self.formula_ko else self.formula

    def to_json(self, lang: str, number: int) -> dict[str, Any]:
        return {
            "n": number,
            "name": self.name_in(lang),
            "formula": self.formula_in(lang),
            "substituted": self.substituted,
            "result": self.result,
            "unit": self.unit,
            "human": self.human,
            "key": self.key,
        }


@dataclass(frozen=True)
class Result:
    """A result in base units (requests per second, bytes, bytes per second, seconds)."""

    value: float
    unit: str
    human: str

    def human_in(self, lang: str) -> str:
        """The figure as the language writes it (「하루 2천만 건」, 「초당 231건」)."""
        if lang != "ko":
            return self.human
        from sysdesign.estimate.units import format_korean

        return format_korean(self.value, self.unit, self.human)

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "human": self.human}


@dataclass(frozen=True)
class Conventions:
    """How calendar periods turn into seconds; shown with every result.

    Volumes scale by calendar counts (a day's volume ×30 for a month, ×365 for a year; a
    month's ×12 for a year). Only conversions to per-second rates use the seconds below.
    `quick` is interview shorthand: 100,000 s a day and 2,500,000 s a month. A custom
    seconds-per-day without a seconds-per-month gives a month of 30 such days.
    """

    seconds_per_day: float = SECONDS_PER_DAY
    seconds_per_month: float = DAYS_PER_MONTH * SECONDS_PER_DAY
    binary: bool = False
    quick: bool = False

    def __post_init__(self) -> None:
        default_month = DAYS_PER_MONTH * SECONDS_PER_DAY
        if self.quick:
            if self.seconds_per_day == SECONDS_PER_DAY:
                object.__setattr__(self, "seconds_per_day", QUICK_SECONDS_PER_DAY)
            if self.seconds_per_month == default_month:
                object.__setattr__(self, "seconds_per_month", QUICK_SECONDS_PER_MONTH)
        elif self.seconds_per_month == default_month and self.seconds_per_day != SECONDS_PER_DAY:
            object.__setattr__(self, "seconds_per_month", DAYS_PER_MONTH * self.seconds_per_day)
        if self.seconds_per_day <= 0 or self.seconds_per_month <= 0:
            from sysdesign.errors import UsageError

            raise UsageError(
                "--seconds-per-day and --seconds-per-month must be positive / "
                "--seconds-per-day와 --seconds-per-month는 양수여야 합니다"
            )

    def to_json(self) -> dict[str, Any]:
        return {
            "seconds_per_day": self.seconds_per_day,
            "seconds_per_month": self.seconds_per_month,
            "days_per_month": DAYS_PER_MONTH,
            "days_per_year": DAYS_PER_YEAR,
            "months_per_year": MONTHS_PER_YEAR,
            "binary": self.binary,
            "quick": self.quick,
        }

    def describe(self, lang: str) -> list[str]:
        """The conventions as a candidate would state them before calculating."""
        from sysdesign.estimate.units import sig
        from sysdesign.messages import render

        day, month = sig(self.seconds_per_day, 6), sig(self.seconds_per_month, 6)
        lines = [
            render("estimate.conventions.day", lang, day=day),
            render("estimate.conventions.month", lang, month=month),
            render("estimate.conventions.volumes", lang),
            render(
                "estimate.conventions.binary" if self.binary else "estimate.conventions.decimal",
                lang,
            ),
        ]
        if self.quick:
            lines.insert(0, render("estimate.conventions.quick", lang))
        return lines


@dataclass(frozen=True)
class Calculation:
    """Inputs, conventions, named results and the steps that produced them."""

    inputs: dict[str, object]
    conventions: Conventions
    results: dict[str, Result]
    steps: list[Step] = field(default_factory=list)

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "inputs": dict(self.inputs),
            "conventions": self.conventions.to_json(),
            "results": {name: r.to_json() for name, r in self.results.items()},
            "steps": [s.to_json(lang, i) for i, s in enumerate(self.steps, 1)],
        }

    def value(self, name: str) -> float | None:
        result = self.results.get(name)
        return None if result is None else result.value
