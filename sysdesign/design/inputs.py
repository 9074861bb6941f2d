"""What `check` would refuse in a design file, located at its line and column.

The design model accepts any text for an estimate or a capacity (`50M`, `20k rps`); the
estimator and the capacity model read them. `validate` and `check` both call `input_problems`,
so a value `check` cannot read is reported by `validate` first, at file:line:col, and `check`
refuses it the same way instead of naming a command-line flag that was never passed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sysdesign.errors import InvalidInputError, Problem, SysdesignError, UsageError
from sysdesign.yamlio import LoadedYaml, did_you_mean

Reader = Callable[[object, str], object]


def _readers() -> dict[str, tuple[Reader, str, str, str]]:
    """Estimate input → (the estimator's reader, what it reads in English, in Korean, example
    key in `units.EXAMPLES`)."""
    from sysdesign.estimate import units
    from sysdesign.estimate.traffic import _READERS

    kinds = {
        units.parse_count: ("a count", "개수", "count"),
        units.parse_rate: ("a rate", "단위 시간당 양", "rate"),
        units.parse_ratio: ("a ratio", "비율", "ratio"),
        units.parse_size: ("a size", "크기", "size"),
        units.parse_fraction: ("a fraction", "비율(0~1)", "fraction"),
        units.parse_period: ("a period", "기간", "period"),
    }
    out: dict[str, tuple[Reader, str, str, str]] = {}
    for name, reader in _READERS.items():
        what = kinds.get(reader, ("a rate", "단위 시간당 양", "rate"))
        out[name] = (reader, *what)
    out["concurrent_fraction"] = (units.parse_fraction, *kinds[units.parse_fraction])
    out["memory_per_connection"] = (units.parse_size, *kinds[units.parse_size])
    out["connections_per_server"] = (units.parse_count, *kinds[units.parse_count])
    return out


def _as_text(value: Any) -> Any:
    from sysdesign.models.design_plain import quantity_text

    return quantity_text(value)


def input_problems(loaded: LoadedYaml) -> list[Problem]:
    """Every estimate and capacity in the file that the estimator or `check` cannot read.

    Reads the raw data, so it reports alongside the model's own problems (a value of the wrong
    type is the model's to report and is skipped here).
    """
    from sysdesign.estimate.units import EXAMPLES

    data = loaded.data if isinstance(loaded.data, dict) else {}
    problems: list[Problem] = []
    estimates = data.get("estimates")
    if isinstance(estimates, dict):
        readers = _readers()
        for name, value in estimates.items():
            if name not in readers or value is None or isinstance(value, bool):
                continue
            text = _as_text(value)
            if not isinstance(text, str):
                continue
            reader, en, ko, example = readers[name]
            try:
                reader(text, f"estimates.{name}")
            except UsageError:
                problems.append(
                    loaded.problem(
                        ("estimates", name),
                        f"cannot read {text!r} as {en}; for example {EXAMPLES[example]} / "
                        f"값을 읽을 수 없습니다({ko}): {text!r}. 예: {EXAMPLES[example]}",
                    )
                )
    components = data.get("components")
    if isinstance(components, dict):
        from sysdesign.estimate.capacity import parse_capacity

        for cid, comp in components.items():
            if not isinstance(comp, dict):
                continue
            capacity = comp.get("capacity")
            if capacity is None or isinstance(capacity, bool):
                continue
            text = str(capacity) if isinstance(capacity, int | float) else capacity
            if not isinstance(text, str):
                continue
            try:
                parse_capacity(text, str(cid))
            except UsageError:
                problems.append(
                    loaded.problem(
                        ("components", cid, "capacity"),
                        f"cannot read {text!r} as a per-instance capacity more than zero; for "
                        "example '20k rps', '50k connections' or '5k writes' / 인스턴스당 용량을 "
                        f"읽을 수 없습니다: {text!r}. 0보다 큰 값으로 적으세요. 예: '20k rps', "
                        "'50k connections', '5k writes'",
                    )
                )
    return problems


def scenario_problems(loaded: LoadedYaml) -> list[Problem]:
    """A `scenario:` that names no bundled or user scenario (check would refuse it)."""
    data = loaded.data if isinstance(loaded.data, dict) else {}
    scenario = data.get("scenario")
    if not isinstance(scenario, str):
        return []
    from sysdesign.library import lookup_library

    lib = lookup_library()
    if scenario in lib.scenarios or scenario in lib.rubrics:
        return []
    known = sorted({*lib.scenarios, *lib.rubrics})
    return [
        loaded.problem(
            ("scenario",),
            f"unknown scenario {scenario!r} / 알 수 없는 시나리오 {scenario!r}"
            + did_you_mean(scenario, known),
        )
    ]


def validate_path(path: Path) -> tuple[str | None, list[Problem]]:
    """`sysdesign validate` on one file: the library's checks, plus for designs and scenarios
    what the estimator and `check` would refuse (see `design_file_problems`)."""
    from sysdesign.library import validate_file
    from sysdesign.yamlio import read_yaml

    kind, problems = validate_file(path)
    if kind == "design":
        problems = problems + design_file_problems(read_yaml(path), problems)
    elif kind == "scenario":
        problems = problems + input_problems(read_yaml(path))
    return kind, problems


def design_file_problems(loaded: LoadedYaml, model_problems: list[Problem]) -> list[Problem]:
    """What `validate` adds for a design file to the model's problems: unreadable estimates
    and capacities, an unknown scenario, and — when the file is otherwise clean — whatever the
    check itself refuses (estimate combinations the traffic model rejects), located at the
    estimates."""
    extra = input_problems(loaded) + scenario_problems(loaded)
    if model_problems or extra:
        return extra
    from sysdesign.design.run import make_context, run_rules
    from sysdesign.library import parse_design

    try:
        run_rules(make_context(parse_design(loaded)))
    except InvalidInputError as exc:
        return list(exc.problems)
    except SysdesignError as exc:
        where: tuple[str | int, ...] = ("estimates",) if "estimates" in loaded.data else ()
        return [loaded.problem(where, str(exc))]
    return []
