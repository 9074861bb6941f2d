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
    if kind == "design":
        _design_forms(document)
    return document


#: A chain names two or more components joined by arrows.
CHAIN_PATTERN = r"(->|→)"


def _design_forms(document: dict[str, Any]) -> None:
    """Say in the schema what the loader requires of ids and connections: component ids are
    `[a-z0-9_-]+`, a chain string has an arrow, and the short mapping form is one
    `chain: label` pair."""
    from sysdesign.models.design import COMPONENT_ID_PATTERN

    document["properties"]["components"]["propertyNames"] = {"pattern": COMPONENT_ID_PATTERN}
    for form in document["properties"]["connections"]["items"]["anyOf"]:
        if form.get("type") == "string":
            form["pattern"] = CHAIN_PATTERN
        elif form.get("type") == "object":
            form.update(minProperties=1, maxProperties=1, propertyNames={"pattern": CHAIN_PATTERN})
