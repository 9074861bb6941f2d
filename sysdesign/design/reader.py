"""The design reader of `check`: a design file's data as plain objects, without pydantic.

`models.design_plain.read_design` builds a `PlainDesign` when every value is one the model
would accept unchanged; this adds what `library.parse_design` checks after the model (every
estimate and capacity readable). On anything else the file goes through `parse_design`, the
model and its located messages, so a broken design is reported exactly as `validate` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sysdesign.models.design_plain import PlainDesign, read_design

if TYPE_CHECKING:
    from sysdesign.models.design import Design
    from sysdesign.yamlio import LoadedYaml


def _readable(design: PlainDesign) -> bool:
    """Whether the estimator reads every estimate and `check` every capacity."""
    from sysdesign.errors import UsageError
    from sysdesign.estimate.capacity import parse_capacity
    from sysdesign.estimate.traffic import input_problems

    if input_problems(design.estimates.given()):
        return False
    for cid, comp in design.components.items():
        if comp.capacity is not None:
            try:
                parse_capacity(comp.capacity, cid)
            except UsageError:
                return False
    return True


def read_for_check(loaded: LoadedYaml) -> Design | PlainDesign:
    """The design in `loaded`: plain when the fast reader accepts it, else the model's (which
    raises `InvalidInputError` with every problem located)."""
    plain = read_design(loaded.data)
    if plain is not None and _readable(plain):
        return plain
    from sysdesign.library import parse_design

    return parse_design(loaded)
