"""Floors that keep the session score honest (the scoring issue, "Deliver 4").

Scripted candidates from the development set (tests/data/understanding/candidates), replayed on
a fake clock through the real engine and report:
- silent, having only loaded the scenario's reference design: at most 40/100;
- keyword soup (the rubric's terms, no sentences, the same reference design): at most 55, and
  at least 25 points below the plain-prose strong candidate;
- the bundled strong example (examples/session/chat.script.yaml): at least 90.
The numbers are the promise, written here as literals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = ROOT / "tests" / "data" / "understanding" / "candidates"


def _score(path: Path, scenario_id: str, session_id: str) -> tuple[float, dict[str, Any]]:
    from sysdesign.library import library
    from sysdesign.session.script import load_script, run_script
    from sysdesign.store import open_store

    assert path.is_file(), f"missing script {path}"
    lib = library()
    script = load_script(path)
    session = run_script(
        open_store(),
        lib.scenario(scenario_id),
        lib.rubric(scenario_id),
        script,
        path.parent,
        lang=script.lang or "en",
        session_id=session_id,
    )
    report = session.report or {}
    return float(report["score"]), report


def _explain(report: dict[str, Any]) -> str:
    return "\n".join(
        f"{b['area']}: {b['points']}/{b['max']} {b['reason']}" for b in report.get("breakdown", [])
    )


@pytest.mark.parametrize(("scenario", "suffix"), [("news-feed", ""), ("chat", "")])
def test_silent_with_the_reference_design_scores_at_most_40(scenario: str, suffix: str) -> None:
    score, report = _score(
        CANDIDATES / f"{scenario}-silent{suffix}.script.yaml", scenario, "silent01"
    )
    assert score <= 40, _explain(report)


@pytest.mark.parametrize(
    ("scenario", "suffix"),
    [("news-feed", ""), ("chat", ""), ("payment-system", "-ko")],
)
def test_keyword_soup_scores_at_most_55_and_25_below_plain_prose(
    scenario: str, suffix: str
) -> None:
    soup, soup_report = _score(
        CANDIDATES / f"{scenario}-soup{suffix}.script.yaml", scenario, "soup0001"
    )
    strong, _ = _score(CANDIDATES / f"{scenario}-strong{suffix}.script.yaml", scenario, "strong01")
    assert soup <= 55, _explain(soup_report)
    assert strong - soup >= 25, f"strong {strong} soup {soup}\n{_explain(soup_report)}"
    # the report says why: the soup's lines are named as listed terms
    reasons = " ".join(b["reason"] for b in soup_report["breakdown"])
    assert "listed terms" in reasons or "용어만 나열" in reasons


def test_the_bundled_strong_example_scores_at_least_90() -> None:
    score, report = _score(ROOT / "examples" / "session" / "chat.script.yaml", "chat", "example1")
    assert score >= 90, _explain(report)
