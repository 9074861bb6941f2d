"""`sysdesign qa`: scripted candidates score in order, every score explained; resumable rounds;
the JSON contract; results feed `next` and `progress`; company tracks pick topics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import invoke

DATA = Path(__file__).parent / "data"
TOPICS = ("kafka", "kubernetes", "database")


def _run(name: str, *extra: str) -> dict[str, Any]:
    code, out, err = invoke("qa", "--script", str(DATA / f"{name}.yaml"), "--json", *extra)
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)
    return doc


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_strong_beats_soup_beats_wrong_on_three_topics(lang: str) -> None:
    strong, soup, wrong = (_run(f"{c}_{lang}") for c in ("strong", "soup", "wrong"))
    for topic in TOPICS:
        s, k, w = (d["topic_scores"][topic] for d in (strong, soup, wrong))
        assert s >= 60, (topic, s)
        assert s > k > w, (topic, s, k, w)
    assert strong["score"] >= 80 and strong["score"] > soup["score"] > wrong["score"]
    # the same questions were asked of all three (the chains here do not depend on the answer)
    assert strong["path"][:9] == soup["path"][:9] == wrong["path"][:9]
    # why: the strong candidate explains, the soup only lists, the wrong one makes wrong claims
    statuses = {
        name: [p["status"] for q in d["questions"] if q["answer"] for p in q["points"]]
        for name, d in (("strong", strong), ("soup", soup), ("wrong", wrong))
    }
    assert statuses["strong"].count("explained") >= 0.8 * len(statuses["strong"])
    assert "explained" not in statuses["soup"] and "listed" in statuses["soup"]
    assert statuses["wrong"].count("wrong") >= 5
    assert all(q["soup"] for q in soup["questions"] if q["answer"])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_score_is_explained(lang: str) -> None:
    doc = _run(f"wrong_{lang}")
    for q in doc["questions"]:
        if q["answer"] is None:
            continue
        assert q["score_explained"][lang].endswith(f"= {q['score']:g}")
        for p in q["points"]:
            assert p["status"] in ("explained", "listed", "wrong", "missed")
            assert p["why"]["en"] and p["why"]["ko"]
            if p["status"] == "wrong":
                assert p["correction"]["en"] and p["correction"]["ko"]
                assert p["sentence"]
    code, md, _ = invoke("qa", "report", doc["id"], "--lang", lang)
    assert code == 0
    assert ("바로잡기" if lang == "ko" else "Correction") in md
    assert ("모범 답안" if lang == "ko" else "Model answer") in md


def test_json_contract() -> None:
    doc = _run("strong_en")
    for key in (
        "id",
        "kind",
        "topics",
        "score",
        "topic_scores",
        "path",
        "max_depth",
        "scoring",
        "questions",
        "transcript",
        "report_file",
    ):
        assert key in doc
    assert doc["kind"] == "qa" and 0 <= doc["score"] <= 100
    assert doc["max_depth"] >= 3
    q = doc["questions"][1]
    assert q["via"] == "partition-count" and q["depth"] == 2
    for key in ("question", "answer", "points", "score", "model_answer", "reason", "hints"):
        assert key in q
    assert Path(doc["report_file"]).is_file()
    code, out, _ = invoke("qa", "report", doc["id"], "--json")
    assert code == 0 and json.loads(out)["score"] == doc["score"]


def test_follow_up_depends_on_the_answer(tmp_path: Path) -> None:
    base = "topics: [go]\nper_topic: 2\nanswers:\n  goroutine-cheap: |\n    "
    covered = tmp_path / "covered.yaml"
    covered.write_text(
        base + "A goroutine starts with a tiny stack of about 2 KB and the runtime grows it "
        "when it needs more.\n  stack-growth: x\n  gmp-syscall: x\n",
        encoding="utf-8",
    )
    missed = tmp_path / "missed.yaml"
    missed.write_text(
        base + "They are scheduled by the Go runtime in user space, not by the kernel.\n"
        "  stack-growth: x\n  gmp-syscall: x\n",
        encoding="utf-8",
    )
    assert _path(covered)[:2] == ["go/goroutine-cheap", "go/stack-growth"]
    assert _path(missed)[:2] == ["go/goroutine-cheap", "go/gmp-syscall"]


def _path(script: Path) -> list[str]:
    code, out, err = invoke("qa", "--script", str(script), "--json")
    assert code == 0, err
    return list(json.loads(out)["path"])


def test_kill_and_resume_keep_acknowledged_answers() -> None:
    from sysdesign.qa.bank import qa_bank
    from sysdesign.qa.round import load_round, new_round
    from sysdesign.session.clock import FakeClock
    from sysdesign.store import open_store

    clock = FakeClock()
    with open_store() as store:
        rnd = new_round(store, qa_bank(), clock, topics=["kubernetes"], lang="en", minutes=30)
        rnd.begin()
        clock.advance(60)
        rnd.hint()
        acked = rnd.answer(
            "Pods are replaced, not restarted, so deleting one makes the "
            "Deployment controller create a new pod."
        )
        assert acked[0].kind == "ack"
        clock.advance(30)
        rid, second = rnd.id, rnd.current
        assert second is not None
        # "kill": the object is dropped without finishing; a new process loads the events
    clock2 = FakeClock(monotonic=5000.0)
    with open_store() as store:
        back = load_round(store, qa_bank(), clock2, rid)
        assert back.status == "running"
        assert back.asked[0].answer is not None and back.asked[0].hints
        assert back.asked[0].score == rnd.asked[0].score
        assert back.current is not None and back.current.id == second.id
        assert back.elapsed() == pytest.approx(60.0)  # the time away does not count
        back.skip()
        back.finish("quit")
    with open_store() as store:
        assert store.qa_round(rid).status == "finished"  # type: ignore[union-attr]
        assert [r.item for r in store.results("qa")] == ["kubernetes"]


def test_plain_mode_end_of_input_pauses_and_resume_continues() -> None:
    answer = (
        "Pods are replaced, not restarted, so deleting one makes the controller create a new "
        "pod.\nkubectl rollout restart triggers a rolling update of every pod.\n\n"
    )
    code, out, err = invoke(
        "qa", "--topic", "kubernetes", "--plain", "--lang", "en", input=":hint\n" + answer
    )
    assert code == 0, err
    assert "Answer stored" in out and "round paused" in out
    rid = out.split("sysdesign qa resume ")[1].split()[0]
    code, out, err = invoke("qa", "resume", rid, "--plain", input=":skip\n:quit\n")
    assert code == 0, err
    assert "Skipped" in out
    code, out, _ = invoke("qa", "report", rid, "--json")
    doc = json.loads(out)
    assert doc["status"] == "finished"
    first = doc["questions"][0]
    assert first["answer"].startswith("Pods are replaced") and first["hints"]
    assert first["score"] <= 100 - 15
    assert doc["questions"][1]["skipped"]


def test_results_feed_next_and_progress() -> None:
    _run("wrong_en")
    code, out, _ = invoke("next", "--json")
    assert code == 0
    rec = json.loads(out)
    assert rec["kind"] == "qa" and rec["command"].startswith("sysdesign qa --topic ")
    assert any(i["kind"] == "point" for i in rec["due_items"])
    code, out, _ = invoke("progress", "--lang", "en")
    assert code == 0
    for topic in TOPICS:
        assert f"Technical questions, {topic}:" in out


def test_company_picks_its_topics() -> None:
    from sysdesign.cli.qa_cmds import _topics
    from sysdesign.qa.bank import qa_bank

    bank = qa_bank()
    assert _topics(bank, None, "fintech") == [
        t for t in ("database", "distributed") if t in bank.topics
    ]
    assert _topics(bank, None, "Kakao")[:3] == ["java-spring", "go", "kafka"]
    code, _, err = invoke("qa", "--company", "nope", "--plain", input="")
    assert code == 2 and "nope" in err


def test_bad_script_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("topics: [go]\npace: -1\n", encoding="utf-8")
    code, _, err = invoke("qa", "--script", str(bad), "--json")
    assert code == 2 and "bad.yaml:2" in err


def test_company_opens_with_its_question(tmp_path: Path) -> None:
    script = tmp_path / "fintech.yaml"
    script.write_text("pace: 30\nanswers: {}\n", encoding="utf-8")
    code, out, err = invoke("qa", "--script", str(script), "--company", "fintech", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["path"][0] == "database/isolation-levels"
    assert doc["company"] == "fintech"


def test_full_screen_mode_commits_an_answer_before_showing_it() -> None:
    import asyncio

    from sysdesign.qa.bank import qa_bank
    from sysdesign.qa.round import new_round
    from sysdesign.qa.tui import QaApp
    from sysdesign.session.clock import FakeClock
    from sysdesign.store import open_store

    with open_store() as store:
        rnd = new_round(store, qa_bank(), FakeClock(), topics=["kubernetes"], lang="en")
        app = QaApp(rnd, begin=True)
        app.set_interval = lambda *a, **k: None  # type: ignore[method-assign,assignment,return-value]

        async def drive() -> None:
            async with app.run_test() as pilot:
                from textual.widgets import Input

                box = app.query_one(Input)
                box.value = "Pods are replaced, not restarted, so the controller makes a new one."
                await pilot.press("enter")
                await pilot.press("enter")  # the empty line sends the answer
                await pilot.pause()

        asyncio.run(drive())
        events = [e.type for e in store.qa_events(rnd.id)]
        assert events[:3] == ["start", "ask", "answer"]
        assert rnd.asked[0].answer is not None and rnd.asked[0].answer.startswith("Pods")
