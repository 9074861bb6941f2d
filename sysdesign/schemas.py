"""JSON Schemas generated from the models; committed copies live in schemas/ (drift-tested)."""

from __future__ import annotations

from typing import Any

SCHEMA_MODELS: dict[str, tuple[str, str]] = {
    "scenario": ("sysdesign.models.scenario", "Scenario"),
    "rubric": ("sysdesign.models.rubric", "Rubric"),
    "design": ("sysdesign.models.design", "Design"),
    "tracks": ("sysdesign.models.track", "TrackFile"),
    "story": ("sysdesign.models.story", "Story"),
    "lexicon": ("sysdesign.models.lexicon", "LexiconFile"),
    "qa": ("sysdesign.models.qa", "QaTopicFile"),
}


def json_schema(kind: str) -> dict[str, Any]:
    import importlib

    from pydantic import BaseModel

    module_name, class_name = SCHEMA_MODELS[kind]
    model: type[BaseModel] = getattr(importlib.import_module(module_name), class_name)
    document = model.model_json_schema(by_alias=True, mode="validation")
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["$id"] = f"sysdesign/{kind}.schema.json"
    return document
