"""Which scenario of a company track to practise next: the one practised least.

Pure data in, data out (plain dataclasses, no pydantic), so `sysdesign start --track` can call
it without slowing the CLI's start-up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sysdesign.i18n import josa


@dataclass(frozen=True)
class TrackPick:
    """The scenario picked for a track, with every scenario's practice count (track order)."""

    track: str
    scenario: str
    counts: tuple[tuple[str, int], ...]

    def count(self, scenario_id: str) -> int:
        return dict(self.counts).get(scenario_id, 0)

    @property
    def tied(self) -> bool:
        """Whether another scenario of the track was practised just as little."""
        least = self.count(self.scenario)
        return sum(1 for _, n in self.counts if n == least) > 1

    def reason(self, lang: str) -> str:
        """Which scenario was picked and why, in one sentence (Korean or English)."""
        n = self.count(self.scenario)
        listed = ", ".join(f"{sid} {c}" for sid, c in self.counts)
        if lang == "ko":
            tie = " 횟수가 같으면 트랙에 적힌 순서를 따릅니다." if self.tied else ""
            return (
                f"트랙 {self.track}: {josa(self.scenario, '을/를')} 골랐습니다. 이 트랙에서 가장 적게 연습한 "
                f"시나리오입니다({n}회). 연습 횟수: {listed}.{tie}"
            )
        times = "time" if n == 1 else "times"
        tie = " Ties go to the track's order." if self.tied else ""
        return (
            f"Track {self.track}: picked {self.scenario}, practised {n} {times} — the least in "
            f"this track. Practice counts: {listed}.{tie}"
        )

    def to_json(self, lang: str) -> dict[str, object]:
        return {
            "track": self.track,
            "scenario": self.scenario,
            "counts": dict(self.counts),
            "reason": self.reason(lang),
        }


def practice_counts(
    scenario_ids: Iterable[str], session_scenarios: Iterable[str], result_items: Iterable[str]
) -> dict[str, int]:
    """How often each scenario was practised, from the store's session rows (one per started
    session) and its `session` results (one per finished session).

    A finished session has both, an unfinished one only its row, and a deleted session may leave
    its result behind, so the count is the larger of the two — never their sum.
    """
    started = Counter(session_scenarios)
    finished = Counter(result_items)
    return {sid: max(started[sid], finished[sid]) for sid in scenario_ids}


def pick_least_practised(
    track_id: str, scenario_ids: Sequence[str], counts: Mapping[str, int]
) -> TrackPick:
    """The scenario practised least; ties go to the first in the track's order.

    Raises ValueError when the track lists no scenario.
    """
    if not scenario_ids:
        raise ValueError(f"track {track_id!r} lists no scenario")
    order = {sid: i for i, sid in enumerate(scenario_ids)}
    best = min(scenario_ids, key=lambda sid: (counts.get(sid, 0), order[sid]))
    return TrackPick(
        track=track_id,
        scenario=best,
        counts=tuple((sid, counts.get(sid, 0)) for sid in scenario_ids),
    )
