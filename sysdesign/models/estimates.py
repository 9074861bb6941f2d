"""The estimate inputs a scenario preset or a design's `estimates:` may give.

Values are kept as the text the user wrote (`50M`, `200B`, `5y`); `sysdesign.estimate.units`
parses them. Names match the `sysdesign estimate` flags.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from sysdesign.models.common import Strict
from sysdesign.models.design_plain import quantity_text as _as_text

#: What an editor's JSON Schema accepts for a quantity: a number, or text that starts like one
#: (`50M`, `10:1`, `20%`, `5y`, `1억`); `sysdesign validate` reads the unit too.
QUANTITY_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\s*[+-]?(\d|\.\d)"}]
}
Quantity = Annotated[str, BeforeValidator(_as_text), WithJsonSchema(QUANTITY_SCHEMA)]


class EstimateInputs(Strict):
    """Inputs of the traffic model; every one optional."""

    dau: Quantity | None = None
    writes_per_user: Quantity | None = None
    reads_per_user: Quantity | None = None
    writes: Quantity | None = None
    reads: Quantity | None = None
    read_write_ratio: Quantity | None = None
    write_size: Quantity | None = None
    read_size: Quantity | None = None
    media_fraction: Quantity | None = None
    media_size: Quantity | None = None
    retention: Quantity | None = None
    peak_factor: Quantity | None = None
    replication: Quantity | None = None
    cache_fraction: Quantity | None = None
    server_qps: Quantity | None = None
    concurrent_fraction: Quantity | None = None
    memory_per_connection: Quantity | None = None
    connections_per_server: Quantity | None = None

    def given(self) -> dict[str, str]:
        """Only the inputs that were set."""
        return {k: v for k, v in self.model_dump().items() if v is not None}

    def merged_over(self, base: EstimateInputs) -> EstimateInputs:
        """These inputs, with `base` filling whatever is missing."""
        return EstimateInputs(**{**base.given(), **self.given()})
