"""Scripted sessions: strong vs weak candidates, the report's JSON contract, the golden report."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sysdesign.library import library
from sysdesign.session.clock import DEFAULT_START
from sysdesign.session.report import REPORT_KEYS, render_report
from sysdesign.session.script import load_script, run_script
from sysdesign.store import open_store
from tests.helpers import invoke

GOLDEN = Path(__file__).parent.parent / "golden"


def _run(data: Path, name: str, lang: str = "en", session_id: str = "fixedid001") -> dict:  # type: ignore[type-arg]
    lib = library()
    script_path = data / name
    session = run_script(
        open_store(),
        lib.scenario("minichat"),
        lib.rubric("minichat"),
        load_script(script_path),
        script_path.parent,
        lang=lang,
        session_id=session_id,
        start=DEFAULT_START,
    )
    assert session.report is not None
    return session.report


def test_strong_and_weak_candidates_score_clearly_apart(minichat: Path) -> None:
    strong = _run(minichat, "strong.script.yaml", session_id="strong0001")
    weak = _run(minichat, "weak.script.yaml", session_id="weak000001")
    assert strong["score"] >= 85
    assert weak["score"] <= 30
    assert strong["score"] - weak["score"] >= 50

    def area(report: dict, name: str) -> float:  # type: ignore[type-arg]
        return sum(b["points"] for b in report["breakdown"] if b["area"] == name)

    # Every area explains itself, and the strong candidate wins each one.
    for name in ("clarifying", "requirements", "estimation", "design", "deep_dive"):
        assert area(strong, name) > area(weak, name), name
    assert all(b["reason"] for b in strong["breakdown"] + weak["breakdown"])
    assert strong["score"] == pytest.approx(sum(b["points"] for b in strong["breakdown"]), abs=0.1)
    reasons = " ".join(b["reason"] for b in weak["breakdown"])
    assert "never asked about daily active users" in reasons
    assert "you never stated it" in reasons
    assert "hint taken" in reasons
    # The weak design triggered the storage deep dive; the strong one the cross-server one.
    assert weak["deep_dive"]["items"][0]["triggered_by"] == ["unreplicated-store"]
    assert strong["deep_dive"]["items"][0]["triggered_by"] == ["ws-no-pubsub"]
    assert strong["curveball"]["handled"] and not weak["curveball"]["handled"]
    assert weak["curveball"]["missing"] == ["notification"]
    assert strong["asked"]["asked"] == 3 and weak["asked"]["missed"] == [
        "dau",
        "message_rate",
        "group",
    ]
    assert any("Replication" in s["why"] for s in weak["next_steps"])
    assert [p["overrun_seconds"] for p in weak["phases"]][:2] == [240, 180]


def test_report_json_contract(minichat: Path) -> None:
    code, out, err = invoke(
        "start", "minichat", "--script", str(minichat / "strong.script.yaml"), "--json"
    )
    assert code == 0, err
    doc = json.loads(out)
    assert tuple(doc) == REPORT_KEYS
    assert isinstance(doc["score"], float) and 0 <= doc["score"] <= 100
    for phase in doc["phases"]:
        assert {"id", "budget_seconds", "used_seconds", "overrun_seconds"} <= set(phase)
    assert [p["id"] for p in doc["phases"]] == [
        "requirements",
        "high_level",
        "deep_dive",
        "wrap_up",
    ]
    assert {"asked", "total", "key_questions", "missed"} <= set(doc["asked"])
    assert {"stated", "total", "items"} <= set(doc["requirements"])
    assert {"score", "findings"} <= set(doc["design"])
    for item in doc["deep_dive"]["items"]:
        assert {"id", "question", "concepts", "coverage"} <= set(item)
    for fig in doc["estimates"]["figures"]:
        assert {"name", "candidate", "computed", "verdict"} <= set(fig)
    assert {"fired", "handled", "design_changed"} <= set(doc["curveball"])
    for b in doc["breakdown"]:
        assert set(b) == {"area", "points", "max", "reason", "reason_id"}
    for s in doc["next_steps"]:
        assert {"topic", "why", "references"} <= set(s)
    # The same JSON comes back from `report`.
    code, again, _ = invoke("report", doc["session_id"], "--format", "json")
    assert code == 0 and json.loads(again) == doc


def test_the_report_speaks_korean(minichat: Path) -> None:
    code, out, err = invoke(
        "start",
        "minichat",
        "--script",
        str(minichat / "weak.script.yaml"),
        "--json",
        "--lang",
        "ko",
    )
    assert code == 0, err
    doc = json.loads(out)
    assert "묻지 않음" in " ".join(b["reason"] for b in doc["breakdown"])
    code, md, _ = invoke("report", doc["session_id"])
    assert "# 면접 리포트: 미니 채팅" in md


def _golden(name: str, text: str) -> None:
    """Compare with tests/golden/<name>; UPDATE_GOLDEN=1 rewrites it. A missing golden file
    fails (writing it here would make the comparison pass by construction)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"no golden file {path}; run with UPDATE_GOLDEN=1 and read the diff")
    assert text == path.read_text(encoding="utf-8")


def test_markdown_report_golden(minichat: Path) -> None:
    report = _run(minichat, "strong.script.yaml")
    text = render_report(report, "md", lang="en", title="Mini chat").replace(
        str(minichat), "<data>"
    )
    _golden("session_report_strong.md", text)
    weak = _run(minichat, "weak.script.yaml", lang="ko", session_id="fixedid002")
    text = render_report(weak, "md", lang="ko", title="미니 채팅").replace(str(minichat), "<data>")
    _golden("session_report_weak_ko.md", text)


def test_html_report_extends_the_base_layout(minichat: Path) -> None:
    report = _run(minichat, "strong.script.yaml")
    html = render_report(report, "html", lang="en", title="Mini <chat>")
    assert html.startswith("<!DOCTYPE html>")
    assert "Mini &lt;chat&gt;" in html and "<chat>" not in html
    assert 'data-score="' in html and "How does a message reach" in html


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("actions:\n  - {at: '1:2', note: x}\n", "script.yaml:2:"),
        ("actions:\n  - {at: '01:00', note: x, ask: y}\n", "exactly one"),
        ("actions:\n  - {at: '01:00', nte: x}\n", "did you mean 'note'"),
        ("actions:\n  - {at: '02:00', note: x}\n  - {at: '01:00', note: y}\n", "script.yaml:3:"),
        ("actions:\n  - {at: '01:00', design: missing.yaml}\n", "no such file"),
        ("lang: fr\nactions:\n  - {at: '01:00', note: x}\n", "script.yaml:1:7"),
        # An estimate the engine would refuse is refused before the replay, not dropped.
        ("actions:\n  - {at: '01:00', estimate: {dau: abc}}\n", "script.yaml:2:"),
        ("actions:\n  - {at: '01:00', estimate: {dua: 50M}}\n", "did you mean '--dau'"),
    ],
)
def test_bad_scripts_are_located(minichat: Path, tmp_path: Path, body: str, expected: str) -> None:
    script = tmp_path / "script.yaml"
    script.write_text(body)
    code, out, err = invoke("start", "minichat", "--script", str(script))
    assert code == 2
    assert expected in err
    assert "Traceback" not in err and out == ""
