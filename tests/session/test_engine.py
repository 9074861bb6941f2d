"""The engine end to end on a fake clock: nothing here sleeps."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sysdesign.estimate.flags import parse_estimate_args
from sysdesign.library import library
from sysdesign.session.clock import FakeClock
from sysdesign.session.engine import Session, new_session, open_session
from sysdesign.store import open_store


def _start(minutes: float | None = None, design: Path | None = None) -> tuple[Session, FakeClock]:
    lib = library()
    clock = FakeClock()
    store = open_store()
    session = new_session(
        store,
        lib.scenario("minichat"),
        lib.rubric("minichat"),
        clock=clock,
        lang="en",
        minutes=minutes,
        design_path=design,
    )
    return session, clock


def _texts(msgs: list) -> str:  # type: ignore[type-arg]
    return "\n".join(m.en for m in msgs)


def _types(session: Session) -> list[str]:
    return [e.type for e in session.store.events(session.id)]


def test_begin_asks_the_phase_question_and_answers_from_facts(minichat: Path) -> None:
    s, clock = _start()
    out = _texts(s.begin())
    assert "Design one-to-one chat." in out
    assert "What are the functional requirements?" in out
    assert s.state.pending is not None and s.state.pending.id == "functional"
    clock.advance(30)
    out = _texts(s.ask("How many daily active users?"))
    assert "Ten million" in out
    assert s.state.asked_facts() == ["dau"]
    out = _texts(s.ask("What is the team's budget?"))
    assert "assumption" in out
    assert s.state.pending_assumption == "What is the team's budget?"
    s.say("Five engineers")  # the assumption, not the pending follow-up's answer
    assert s.state.questions[-1].assumption == "Five engineers"
    assert s.state.pending is not None
    s.say("Send messages and read history")  # now the follow-up's answer
    assert s.state.followups[-1].answer == "Send messages and read history"
    assert s.state.pending is None
    s.say("a plain note")
    assert [n.text for n in s.state.notes] == ["Five engineers", "a plain note"]
    types = _types(s)
    assert types[:3] == ["phase_started", "followup_asked", "asked"]
    assert "answered" in types and "followup_answered" in types and "noted" in types
    assert s.state.elapsed == 30


def test_warnings_at_five_and_one_minute_and_time_up(minichat: Path) -> None:
    s, clock = _start()
    s.begin()
    clock.advance(4 * 60)
    assert s.tick() == []
    clock.advance(60)  # 5:00 left
    assert "5 minutes left in Requirements" in _texts(s.tick())
    assert s.tick() == []  # once only
    clock.advance(4 * 60)
    assert "1 minute left" in _texts(s.tick())
    clock.advance(60)
    assert "Time is up" in _texts(s.tick())
    clock.advance(90)  # an overrun is recorded, not blocked
    s.note("still talking")
    assert s.remaining() == -90
    s.next_phase()
    ended = next(e for e in s.store.events(s.id) if e.type == "phase_ended")
    assert ended.payload["overrun_seconds"] == 90
    assert s.state.phase_id == "high_level"


def test_minutes_scale_the_plan_and_the_curveball(minichat: Path) -> None:
    s, clock = _start(minutes=20)
    assert [p.budget_seconds for p in s.state.plan] == [300, 300, 300, 300]
    assert s.state.curveball_at == 25 * 60 / 2
    s.begin()
    clock.advance(12 * 60 + 29)
    assert all("Change of plan" not in m.en for m in s.tick())
    clock.advance(1)
    out = _texts(s.tick())
    assert "Change of plan: Offline users must now get push notifications." in out
    assert s.state.pending is not None and s.state.pending.kind == "curveball"
    s.say("add a push service")
    assert s.state.followups[-1].id == "curveball"
    # The follow-up the curveball interrupted is asked again.
    assert s.state.pending is not None and s.state.pending.id == "functional"


def test_pause_stops_the_clock(minichat: Path) -> None:
    s, clock = _start()
    s.begin()
    clock.advance(100)
    s.pause()
    clock.advance(3600)
    assert s.elapsed() == 100
    assert "Paused" in _texts(s.ask("how many users?"))
    assert "noted while paused" in _texts(s.note("kept while paused"))
    assert [(n.text, n.at) for n in s.state.notes] == [("kept while paused", 100)]
    s.resume()
    clock.advance(20)
    assert s.elapsed() == 120
    assert s.state.pauses[0].seconds == 3600
    assert s.store.session(s.id).status == "running"  # type: ignore[union-attr]


def test_resume_after_a_crash_restores_everything(minichat: Path, tmp_path: Path) -> None:
    design = tmp_path / "d.yaml"
    shutil.copy(minichat / "strong-v1.yaml", design)
    s, clock = _start(design=design)
    s.begin()
    clock.advance(60)
    s.note("first")
    s.answer("my requirements")
    clock.advance(9 * 60)
    s.next_phase()
    clock.advance(120)
    s.note("second")
    clock.advance(500)  # the process dies here: these seconds were never stored
    # a new process, a new clock
    again = open_session(open_store(), s.id, clock=FakeClock(monotonic=5.0))
    assert again.state.phase_id == "high_level"
    assert [n.text for n in again.state.notes] == ["first", "second"]
    assert again.elapsed() == 600 + 120
    assert again.remaining() == 600 - 120
    assert again.state.last_good_design() is not None
    assert [snap.phase for snap in again.store.snapshots(s.id)] == ["requirements"]
    msgs = again.resume()
    assert "Resumed at 12:00" in _texts(msgs)
    resumed = again.store.events(s.id)[-1]
    assert resumed.type == "resumed" and resumed.payload["after_crash"] is True
    again.clock.advance(30)  # type: ignore[attr-defined]
    assert again.elapsed() == 750


def test_a_broken_design_is_shown_and_the_last_good_one_kept(
    minichat: Path, tmp_path: Path
) -> None:
    design = tmp_path / "d.yaml"
    shutil.copy(minichat / "strong-v1.yaml", design)
    s, clock = _start(design=design)
    s.begin()
    assert s.design_status().valid is True
    good = s.state.last_good_design()
    clock.advance(10)
    design.write_text((minichat / "broken.yaml").read_text())
    out = s.check()
    assert any(m.kind == "error" and "nowhere" in m.en for m in out)
    assert s.design_status().valid is False
    assert s.state.last_good_design() is good
    assert s.check() != []  # unchanged file: just the status line, nothing new stored
    assert len(s.state.designs) == 2
    design.write_text("components: [not, a, mapping")
    assert any(m.kind == "error" for m in s.check())
    assert s.status == "running"


def test_design_saves_are_noticed_on_tick(minichat: Path, tmp_path: Path) -> None:
    import os

    design = tmp_path / "d.yaml"
    shutil.copy(minichat / "strong-v1.yaml", design)
    s, clock = _start(design=design)
    s.begin()
    assert s.state.designs[-1].rules  # e.g. ws-no-pubsub on v1
    shutil.copy(minichat / "strong-v2.yaml", design)
    os.utime(design, (1, 1))
    clock.advance(1)
    out = s.tick()
    assert any(m.kind == "design" for m in out)
    assert "ws-no-pubsub" not in s.state.designs[-1].rules


def test_deep_dive_follows_the_design_findings(minichat: Path, tmp_path: Path) -> None:
    design = tmp_path / "d.yaml"
    shutil.copy(minichat / "strong-v1.yaml", design)
    s, _clock = _start(design=design)
    s.begin()
    s.next_phase()
    s.next_phase()
    assert s.state.phase_id == "deep_dive"
    assert s.state.pending is not None
    assert s.state.pending.id == "cross_server"
    assert s.state.pending.triggered_by == ["ws-no-pubsub"]
    assert "another server" in s.state.pending.question["en"]


def test_estimate_commits_figures_and_rejects_bad_flags(minichat: Path) -> None:
    s, _clock = _start()
    s.begin()
    before = len(s.store.events(s.id))
    out = s.estimate("--dau 10M --writes-per-usr 20")
    assert out[0].kind == "error" and "--writes-per-user" in out[0].en
    assert len(s.store.events(s.id)) == before
    out = s.estimate("--dau 10M --writes-per-user=20 --write-size 100B")
    assert out[-1].kind == "estimate"
    committed = s.state.estimates[-1]
    assert committed.inputs == {"dau": "10M", "writes_per_user": "20", "write_size": "100B"}
    assert committed.results["write_qps"]["value"] == pytest.approx(10e6 * 20 / 86400)


def test_parse_estimate_args() -> None:
    assert parse_estimate_args("--dau 50M --writes-per-user 40") == {
        "dau": "50M",
        "writes_per_user": "40",
    }
    assert parse_estimate_args({"dau": 5}) == {"dau": "5"}
    from sysdesign.errors import UsageError

    for bad in ("", "dau 5", "--dau", "--nope 1", "--dau '5"):
        with pytest.raises(UsageError):
            parse_estimate_args(bad)


def test_hints_cost_points_and_are_not_repeated(minichat: Path) -> None:
    s, _clock = _start()
    s.begin()
    first = s.hint()
    assert "−2 points" in first[-1].en and "daily active users" in first[-1].en
    second = s.hint()
    assert second[-1].en != first[-1].en
    assert [h.cost for h in s.state.hints] == [2.0, 2.0]


def test_every_acknowledged_action_is_in_the_store_first(minichat: Path) -> None:
    s, clock = _start()
    s.begin()
    for i in range(5):
        clock.advance(7)
        msgs = s.note(f"note {i}")
        assert msgs[-1].kind == "ack"
        stored = [e.payload["text"] for e in open_store().events(s.id) if e.type == "noted"]
        assert stored[-1] == f"note {i}"


def test_finish_scores_and_records_a_result(minichat: Path) -> None:
    s, clock = _start()
    s.begin()
    clock.advance(60)
    s.ask("how many users")
    s.finish()
    assert s.status == "finished"
    assert s.report is not None and 0 <= s.report["score"] <= 100
    row = s.store.session(s.id)
    assert row is not None and row.status == "finished" and row.score == s.report["score"]
    stored = row.meta["report"]  # one language-free record, shown in either language
    assert stored["format"] == 2 and stored["score"] == s.report["score"]
    assert all(set(b["reason"]) == {"id", "params", "details"} for b in stored["breakdown"])
    results = s.store.results(kind="session")
    assert results[0].item == "minichat"
    assert results[0].payload["missed_questions"] == ["message_rate", "group"]
    assert "Paused" not in _texts(s.note("x")) and s.note("x")[0].kind == "error"


# Every action behind the one `guarded` decorator, with arguments to call it.
GUARDED: dict[str, tuple[object, ...]] = {
    "pause": (),
    "next_phase": (),
    "ask": ("how many users?",),
    "note": ("a note",),
    "answer": ("an answer",),
    "say": ("a line",),
    "skip": (),
    "set_design": (Path("design.yaml"),),
    "check": (),
    "estimate": ("--dau 5M",),
    "hint": (),
}


def test_every_guarded_action_refuses_before_the_start_and_after_the_end(
    minichat: Path,
) -> None:
    s, _clock = _start()
    assert sorted(GUARDED) == sorted(
        name for name, fn in vars(Session).items() if hasattr(fn, "__wrapped__")
    )
    for name, args in GUARDED.items():
        out = getattr(s, name)(*args)
        assert [m.en for m in out] == ["The session has not begun."], name
    assert _types(s) == []
    s.begin()
    s.finish()
    before = _types(s)
    for name, args in GUARDED.items():
        out = getattr(s, name)(*args)
        assert [m.en for m in out] == ["The session has finished; see its report."], name
    assert _types(s) == before


def test_while_paused_only_notes_and_free_lines_are_taken(minichat: Path) -> None:
    s, _clock = _start()
    s.begin()
    s.pause()
    for name, args in GUARDED.items():
        out = getattr(s, name)(*args)
        refused = [m.en for m in out] == [
            "Paused: :resume to go on (only notes are taken while paused)."
        ]
        assert refused == (name not in ("note", "say")), name
