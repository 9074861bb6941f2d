"""JSON Schemas generated from the models; committed copies live in schemas/ (drift-tested)."""

from __future__ import annotations

from typing import Any


def json_schema(kind: str) -> dict[str, Any]:
    from pydantic import BaseModel

    model: type[BaseModel]
    if kind == "scenario":
        from sysdesign.models.scenario import Scenario as model
    elif kind == "rubric":
        from sysdesign.models.rubric import Rubric as model
    elif kind == "design":
        from sysdesign.models.design import Design as model
    elif kind == "tracks":
        from sysdesign.models.track import TrackFile as model
    elif kind == "story":
        from sysdesign.models.story import Story as model  # type: ignore[import-not-found,unused-ignore]
    else:
        raise KeyError(kind)
    document = model.model_json_schema(by_alias=True, mode="validation")
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["$id"] = f"sysdesign/{kind}.schema.json"
    return document
