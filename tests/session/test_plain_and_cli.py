"""The plain line UI in-process, and the start/resume/history/report commands."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from sysdesign.library import library
from sysdesign.session.clock import FakeClock
from sysdesign.session.engine import new_session
from sysdesign.store import open_store
from sysdesign.ui.plain import PlainUI
from tests.helpers import invoke


def _ui(lines: str, lang: str = "en") -> tuple[PlainUI, io.StringIO]:
    lib = library()
    session = new_session(
        open_store(),
        lib.scenario("minichat"),
        lib.rubric("minichat"),
        clock=FakeClock(),
        lang=lang,
    )
    out = io.StringIO()
    ui = PlainUI(session, stdin=io.StringIO(lines), stdout=out)
    return ui, out


def test_plain_lines_commands_and_quit(minichat: Path) -> None:
    ui, out = _ui(
        "?how many daily active users\n"
        "send messages, history\n"
        "a note\n"
        ":estimate --dau 10M --writes-per-user 20\n"
        ":estimate --bogus 1\n"
        ":frobnicate\n"
        ":hint\n"
        ":pause\n"
        "while paused\n"
        "?a question while paused\n"
        ":resume\n"
        ":status\n"
        ":next\n"
        ":quit\n"
    )
    assert ui.run(ui.session.begin()) is True
    text = out.getvalue()
    assert "» Ten million daily active users." in text
    assert "✓ [10:00] answer recorded" in text  # non-TTY: the time left rides on each ack
    assert "noted (#1)" in text
    assert "= estimate committed: write_qps 2.31k req/s, peak_write_qps" in text
    assert "✗ unknown estimate flag --bogus" in text
    assert "unknown command :frobnicate" in text
    assert "Hint (−2 points)" in text
    assert "noted while paused (#2)" in text
    assert "Paused: :resume to go on (only notes are taken while paused)." in text
    assert "Phase 2/4: High-level design" in text
    assert "Session finished. Score:" in text
    assert "Clarifying questions: 5/15" in text
    assert ui.session.status == "finished"
    assert [n.text for n in ui.session.state.notes] == ["a note", "while paused"]


def test_end_of_input_pauses_for_resume(minichat: Path) -> None:
    ui, out = _ui(":note a note\n", lang="ko")
    assert ui.run(ui.session.begin()) is False
    assert ui.session.status == "paused"
    assert "sysdesign resume" in out.getvalue()
    assert "메모 저장 (#1)" in out.getvalue()


def test_history_newest_first_and_report_formats(minichat: Path, tmp_path: Path) -> None:
    ids = []
    for name in ("weak.script.yaml", "strong.script.yaml"):
        code, out, err = invoke("start", "minichat", "--script", str(minichat / name), "--json")
        assert code == 0, err
        ids.append(json.loads(out)["session_id"])
    code, out, _ = invoke("history", "--json")
    rows = json.loads(out)
    assert sorted(r["id"] for r in rows) == sorted(ids)
    starts = [r["started_at"] for r in rows]
    assert starts == sorted(starts, reverse=True)  # newest first
    assert {"id", "scenario", "started_at", "status", "score"} <= set(rows[0])
    scores = {r["id"]: r["score"] for r in rows}
    assert all(r["status"] == "finished" for r in rows) and scores[ids[1]] > scores[ids[0]]
    code, out, _ = invoke("history")
    assert code == 0 and ids[0] in out
    target = tmp_path / "r.html"
    code, _, err = invoke("report", ids[1], "--format", "html", "-o", str(target))
    assert code == 0 and "wrote" in err
    assert target.read_text().startswith("<!DOCTYPE html>")
    code, out, _ = invoke("report", ids[1])
    assert out.startswith("# Interview report: Mini chat")
    assert invoke("report", "nope")[0] == 2
    assert invoke("report", ids[1], "--format", "pdf")[0] == 2
    code, _, err = invoke("resume", ids[1])
    assert code == 2 and "finished" in err
    code, _, err = invoke("resume")
    assert code == 2 and "no unfinished session" in err


def test_start_unknown_scenario_is_a_usage_error(minichat: Path) -> None:
    code, _, err = invoke("start", "minichatt", "--script", str(minichat / "weak.script.yaml"))
    assert code == 2 and "did you mean 'minichat'" in err


def test_scripted_start_prints_a_summary(minichat: Path) -> None:
    code, out, _ = invoke("start", "minichat", "--script", str(minichat / "strong.script.yaml"))
    assert code == 0
    assert out.startswith("Score ") and "report.md" in out


def test_core_session_modules_stay_import_light() -> None:
    code = (
        "import sys, sysdesign.session.engine, sysdesign.session.events, "
        "sysdesign.session.clock, sysdesign.session.interviewer, sysdesign.session.report, "
        "sysdesign.ui.plain, sysdesign.cli.session_cmds\n"
        "bad = [m for m in ('rich', 'textual', 'jinja2', 'networkx', 'pydantic', 'rapidfuzz') "
        "if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_start_track_picks_the_scenario_practised_least(minichat: Path, home: Path) -> None:
    (home / "scenarios" / "tracks.yaml").write_text(
        "tracks:\n"
        "  - id: mini\n"
        "    title: {ko: 미니, en: Mini}\n"
        "    stresses: {ko: 채팅, en: chat}\n"
        "    intro: {ko: 소개, en: intro}\n"
        "    scenarios: [minichat]\n"
    )
    script = str(minichat / "weak.script.yaml")
    code, out, err = invoke("start", "--track", "mini", "--script", script, "--json")
    assert code == 0, err
    assert json.loads(out)["scenario"] == "minichat"
    code, _, err = invoke("start", "--track", "nope", "--script", script)
    assert code == 2 and "no track" in err
    code, _, err = invoke("start", "--script", script)
    assert code == 2 and "name a scenario" in err


def test_a_question_typed_without_its_prefix_is_answered_from_the_facts(minichat: Path) -> None:
    """In the session the line is answered from a fact, not filed under the pending question."""
    from sysdesign.library import library
    from sysdesign.session.clock import FakeClock
    from sysdesign.session.engine import new_session
    from sysdesign.store import open_store
    from sysdesign.ui.lines import handle_line

    lib = library()
    session = new_session(
        open_store(), lib.scenario("minichat"), lib.rubric("minichat"), clock=FakeClock(), lang="en"
    )
    session.begin()
    result = handle_line(session, "How many daily active users are there?")
    assert [m.en for m in result.msgs if m.kind == "interviewer"] == [
        "Ten million daily active users."
    ]
    assert [q.text for q in session.state.questions] == ["How many daily active users are there?"]
    said = handle_line(session, "Sending messages and reading history are the core features.")
    assert said.kind == "say"
    assert not any(m.kind == "interviewer" and "daily" in m.en for m in said.msgs)
