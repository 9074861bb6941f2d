"""Company tracks: which scenarios, what they stress."""

from __future__ import annotations

from pydantic import Field

from sysdesign.models.common import Strict, Text
from sysdesign.models.estimates import EstimateInputs
from sysdesign.models.qa import QaTopic


class Track(Strict):
    """A company interview loop as a pack of scenarios."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: Text
    companies: list[str] = Field(default_factory=list)
    stresses: Text
    intro: Text
    scenarios: list[str] = Field(min_length=1)
    qa_topics: list[QaTopic] = Field(
        default_factory=list,
        description="Technical-question topics this loop stresses (`sysdesign qa --company`). / "
        "이 면접이 중시하는 기술 질문 주제(`sysdesign qa --company`).",
    )
    qa_first: dict[str, str] = Field(
        default_factory=dict,
        description="Per qa topic, the root question this loop opens with (e.g. fintech: "
        "database → isolation-levels). / qa 주제별로 이 면접이 먼저 묻는 질문(예: fintech는 "
        "database에서 isolation-levels).",
    )
    variants: dict[str, EstimateInputs] = Field(
        default_factory=dict,
        description="Per-scenario estimate overrides for this track (e.g. KakaoTalk scale). / "
        "이 트랙에서 시나리오별로 바꿔 쓰는 추정 입력값(예: 카카오톡 규모).",
    )


class TrackFile(Strict):
    """scenarios/tracks.yaml."""

    tracks: list[Track] = Field(min_length=1)
