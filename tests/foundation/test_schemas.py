"""Committed JSON Schemas (schemas/) must match the models; regenerate with
`SYSDESIGN_UPDATE_SCHEMAS=1 .venv/bin/python -m pytest tests/foundation/test_schemas.py`."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from sysdesign.schemas import SCHEMA_MODELS, json_schema

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


@pytest.mark.parametrize("kind", sorted(SCHEMA_MODELS))
def test_committed_schema_matches_model(kind: str) -> None:
    module, _ = SCHEMA_MODELS[kind]
    if importlib.util.find_spec(module) is None:
        pytest.fail(f"{module} does not exist")
    current = json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    path = SCHEMAS / f"{kind}.schema.json"
    if os.environ.get("SYSDESIGN_UPDATE_SCHEMAS"):
        path.write_text(current, encoding="utf-8")
    assert path.exists(), f"{path} missing: regenerate (see module docstring)"
    assert path.read_text(encoding="utf-8") == current, (
        f"{path.name} drifted from the model: regenerate (see module docstring)"
    )


def test_schema_refuses_unknown_keys() -> None:
    assert json_schema("design")["additionalProperties"] is False
