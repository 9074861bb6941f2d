"""`data/numbers.yaml`: latency numbers and powers of two, each with its source and year."""

from __future__ import annotations

from typing import Any

from sysdesign.errors import InvalidInputError, Problem


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("en") or "")
    return "" if value is None else str(value)


def load_numbers(lang: str) -> dict[str, Any]:
    """The bundled figures in `lang`, each row with its source title, URL and year."""
    from sysdesign import paths
    from sysdesign.yamlio import read_yaml

    path = paths.bundled("data") / "numbers.yaml"
    loaded = read_yaml(path)
    data = loaded.data
    if not isinstance(data, dict) or not {"sources", "latency", "powers_of_two"} <= set(data):
        raise InvalidInputError(
            [
                Problem(
                    str(path),
                    1,
                    1,
                    "",
                    "expected sources, latency and "
                    "powers_of_two / sources, latency, powers_of_two 필요",
                )
            ]
        )
    sources: dict[str, Any] = data["sources"]

    def cite(row: dict[str, Any], where: tuple[str | int, ...]) -> dict[str, Any]:
        key = row.get("source")
        if key not in sources:
            raise InvalidInputError(
                [
                    loaded.problem(
                        (*where, "source"), f"unknown source {key!r} / 알 수 없는 출처 {key!r}"
                    )
                ]
            )
        src = sources[key]
        return {"source": _text(src["title"], lang), "url": src.get("url"), "year": src["year"]}

    from sysdesign.estimate.units import format_duration

    def now(row: dict[str, Any], i: int) -> dict[str, Any] | None:
        current = row.get("now")
        if not isinstance(current, dict):
            return None
        return {
            "ns": current["ns"],
            "human": format_duration(float(current["ns"]) * 1e-9),
            **cite(current, ("latency", i, "now")),
        }

    latency = [
        {
            "id": row["id"],
            "name": _text(row["name"], lang),
            "ns": row["ns"],
            "human": format_duration(float(row["ns"]) * 1e-9),
            **cite(row, ("latency", i)),
            "now": now(row, i),
        }
        for i, row in enumerate(data["latency"])
    ]
    powers = [
        {
            "power": row["power"],
            "exact": row["exact"],
            "approx": _text(row["approx"], lang),
            "unit": row.get("unit", ""),
            "note": _text(row.get("note"), lang),
            **cite(row, ("powers_of_two", i)),
        }
        for i, row in enumerate(data["powers_of_two"])
    ]
    handy = [
        {
            "id": row["id"],
            "name": _text(row["name"], lang),
            "value": _text(row["value"], lang),
            **cite(row, ("handy", i)),
        }
        for i, row in enumerate(data.get("handy", []))
    ]
    return {"latency": latency, "powers_of_two": powers, "handy": handy}
