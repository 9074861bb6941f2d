"""Per-scenario estimate presets: a scenario's `estimates:`, with a track's variant on top."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sysdesign.models.estimates import EstimateInputs


def preset_for(scenario_id: str, track_id: str | None = None) -> EstimateInputs:
    """The scenario's estimate inputs; a track's `variants[scenario_id]` overrides them.

    Raises NotFoundError for an unknown scenario or track.
    """
    from sysdesign.library import library

    lib = library()
    base = lib.scenario(scenario_id).estimates
    if track_id is None:
        return base
    variant = lib.track(track_id).variants.get(scenario_id)
    return base if variant is None else variant.merged_over(base)
