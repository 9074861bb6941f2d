"""`sysdesign star …` through the CLI runner."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from sysdesign.star import practice
from sysdesign.star.bank import drafts_dir, samples_dir, stories_dir
from sysdesign.store import open_store
from tests.helpers import invoke

DATA = Path(__file__).parent / "data"


def _import_samples() -> None:
    code, _, err = invoke("star", "import", "--samples")
    assert code == 0, err


def test_list_empty_then_samples() -> None:
    code, out, _ = invoke("star", "list")
    # The console wraps the line where the temporary home's path ends; read it unwrapped.
    assert code == 0 and "star import --samples" in " ".join(out.split())
    code, out, _ = invoke("star", "list", "--json")
    assert json.loads(out) == []
    code, out, _ = invoke("star", "list", "--samples", "--json")
    assert {row["source"] for row in json.loads(out)} == {"sample"}


def test_import_show_and_refuse_existing_id() -> None:
    src = samples_dir() / "performance-500ms-en.yaml"
    code, out, _ = invoke("star", "import", str(src))
    assert code == 0 and "performance-500ms-en" in out
    code, _, err = invoke("star", "import", str(src))
    assert code == 2 and "already exists" in err and "Traceback" not in err
    code, _, _ = invoke("star", "import", str(src), "--force")
    assert code == 0
    code, out, _ = invoke("star", "show", "performance-500ms-en", "--json")
    doc = json.loads(out)
    assert doc["source"] == "bank" and doc["result"].startswith("p99 latency fell")
    code, out, _ = invoke("star", "show", "performance-500ms-en")
    assert code == 0 and "Action" in out


def test_import_invalid_file_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: Bad Id\ntitle: t\nlanguage: en\n", encoding="utf-8")
    code, _, err = invoke("star", "import", str(bad))
    assert code == 2
    assert f"{bad}:1:5: id:" in err and "situation: required field missing" in err


def test_check_strong_and_weak() -> None:
    code, out, _ = invoke("star", "check", "concurrency-bug-en", "--strict")
    assert code == 0 and "score 100/100" in out
    code, out, _ = invoke("star", "check", str(DATA / "weak-en.txt"), "--json")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) >= {"story", "findings", "speaking_seconds", "scores"}
    assert [f["check"] for f in doc["findings"]] == [
        "quantified-result",
        "ownership",
        "action-weight",
        "length",
        "filler",
        "lesson",
    ]
    code, _, _ = invoke("star", "check", str(DATA / "weak-en.txt"), "--strict")
    assert code == 1


def test_check_korean_answer_in_korean() -> None:
    _code, out, _ = invoke("star", "check", str(DATA / "weak-ko.txt"), "--lang", "ko", "--json")
    doc = json.loads(out)
    assert doc["story"]["language"] == "ko"
    filler = next(f for f in doc["findings"] if f["check"] == "filler")
    assert "'좀'" in filler["message"] and "'그냥'" in filler["message"]
    assert "모호하거나" in filler["message"]


def test_check_stdin_and_missing() -> None:
    text = (DATA / "weak-en.txt").read_text(encoding="utf-8")
    code, out, _ = invoke("star", "check", "-", "--json", input=text)
    assert code == 0 and json.loads(out)["findings"]
    code, _, err = invoke("star", "check", "no-such-story")
    assert code == 2 and "no story 'no-such-story'" in err
    code, _, err = invoke("star", "check", "missing.txt")
    assert code == 2 and "no such file" in err


class StepClock:
    """Each reading advances the fake time by `step` seconds."""

    def __init__(self, step: float) -> None:
        self.now = 0.0
        self.step = step

    def monotonic(self) -> float:
        self.now += self.step
        return self.now


def test_practice_times_a_typed_answer_and_records_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(practice, "system_clock", lambda: StepClock(200.0))
    answer = (DATA / "weak-en.txt").read_text(encoding="utf-8") + "\nnot part of the answer\n"
    code, out, err = invoke(
        "star", "practice", "--question", "conflict-teammate", "--json", input=answer
    )
    assert code == 0, err
    doc = json.loads(out)
    assert doc["question"]["id"] == "conflict-teammate"
    assert doc["timing"] == {"elapsed_seconds": 200.0, "limit_seconds": 180.0, "over_time": True}
    assert "filler" in [f["check"] for f in doc["check"]["findings"]]
    assert doc["recorded"] is True
    store = open_store()
    try:
        (row,) = store.results(kind="star")
    finally:
        store.close()
    assert row.item == "conflict-teammate"
    assert row.score == doc["score"]
    assert row.payload["failed"] == [f["check"] for f in doc["check"]["findings"]]


def test_practice_human_output_shows_guide_suggestions_and_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _import_samples()
    monkeypatch.setattr(practice, "system_clock", lambda: StepClock(45.0))
    code, out, _ = invoke(
        "star",
        "practice",
        "--competency",
        "performance",
        "--minutes",
        "2",
        "--seed",
        "1",
        input=(DATA / "weak-ko.txt").read_text(encoding="utf-8") + "\n",
    )
    assert code == 0
    assert "Time guide (2 min)" in out and "Action 60s" in out
    assert "performance-500ms-" in out  # suggested by tag overlap
    assert "Time: 0:45 of 2:00" in out


def test_practice_non_interactive_with_story_and_answer_file() -> None:
    code, out, _ = invoke(
        "star", "practice", "--story", "microservices-split-ko", "--json", "--seed", "3"
    )
    doc = json.loads(out)
    assert doc["check"]["findings"] == [] and doc["timing"]["elapsed_seconds"] is None
    tags = {"leadership", "technical-depth", "innovation", "conflict"}
    assert tags & set(doc["question"]["competencies"])
    code, out, _ = invoke(
        "star",
        "practice",
        "--company",
        "amazon",
        "--answer",
        str(DATA / "weak-ko.txt"),
        "--json",
        "--lang",
        "ko",
        "--seed",
        "2",
    )
    doc = json.loads(out)
    assert code == 0 and doc["check"]["story"]["language"] == "ko"
    code, _, err = invoke("star", "practice", "--question", "deadline-tight", input="\n\n")
    assert code == 2 and "no answer" in err


def test_coverage_shows_gaps() -> None:
    code, out, _ = invoke("star", "coverage", "--json")
    doc = json.loads(out)
    assert doc["stories"] == [] and len(doc["gaps"]) == len(doc["columns"])
    _import_samples()
    code, out, _ = invoke("star", "coverage", "--company", "amazon", "--json")
    doc = json.loads(out)
    assert doc["company"] == "amazon"
    dive = next(c for c in doc["columns"] if c["id"] == "dive-deep")
    assert "concurrency-bug-en" in dive["stories"]
    assert "customer-obsession" in doc["gaps"]
    code, out, _ = invoke("star", "coverage")
    assert code == 0 and "gap" in out


def test_questions_list() -> None:
    _code, out, _ = invoke("star", "questions", "--company", "amazon", "--json", "--lang", "ko")
    doc = json.loads(out)
    assert doc["company"]["values"][0]["name"] == "고객 집착"
    assert doc["questions"]


VALID_STORY = (
    (samples_dir() / "concurrency-bug-en.yaml")
    .read_text(encoding="utf-8")
    .replace("id: concurrency-bug-en", "id: my-race")
)


def _fake_editor(tmp_path: Path, *versions: str) -> str:
    """An $EDITOR that writes the next version each time it runs."""
    for i, text in enumerate(versions):
        (tmp_path / f"v{i}.yaml").write_text(text, encoding="utf-8")
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        f"d = pathlib.Path({str(tmp_path)!r})\n"
        "n = d / 'count'\n"
        "i = int(n.read_text()) if n.exists() else 0\n"
        "n.write_text(str(i + 1))\n"
        "pathlib.Path(sys.argv[1]).write_text((d / f'v{i}.yaml').read_text())\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


def test_add_with_editor_reedits_invalid_then_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = VALID_STORY.replace("language: en", "language: english")
    monkeypatch.setenv("EDITOR", _fake_editor(tmp_path, broken, VALID_STORY))
    code, _out, err = invoke("star", "add", input="y\n")
    assert code == 0, err
    assert "language: Input should be 'ko' or 'en'" in err
    assert (stories_dir() / "my-race.yaml").read_text(encoding="utf-8") == VALID_STORY
    assert list(drafts_dir().glob("*.yaml")) == []


def test_add_with_editor_keeps_the_draft_when_not_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = VALID_STORY.replace("result: >-", "reslt: >-")
    monkeypatch.setenv("EDITOR", _fake_editor(tmp_path, broken))
    code, _, err = invoke("star", "add", input="n\n")
    assert code == 2
    assert "did you mean 'result'" in err
    (draft,) = drafts_dir().glob("*.yaml")
    assert draft.read_text(encoding="utf-8") == broken  # what the user typed is never lost
    assert f"sysdesign star import {draft}" in err
    assert not stories_dir().exists() or not list(stories_dir().glob("*.yaml"))


def test_add_interactively_section_by_section() -> None:
    answers = [
        "Cache stampede",  # title
        "",  # id: accept the suggestion from the title
        "en",
        "Our cache expired at midnight.",
        "I owned the fix.",
        "I added request coalescing and jittered expiry.",
        "Database load fell 70%.",
        "",  # learned (optional)
        "performance, ownership",
        "",
    ]
    code, out, err = invoke("star", "add", "--interactive", input="\n".join(answers) + "\n")
    assert code == 0, err
    code, out, _ = invoke("star", "show", "cache-stampede", "--json")
    doc = json.loads(out)
    assert doc["competencies"] == ["performance", "ownership"]
    assert doc["learned"] is None
    assert list(drafts_dir().glob("*.yaml")) == []


def test_add_interactively_reasks_an_existing_id() -> None:
    _import_samples()
    answers = [
        "T",
        "concurrency-bug-en",
        "en",
        "s s s",
        "t t t",
        "a a a",
        "r 1%",
        "",
        "",
        "",
        "fresh-id",
    ]
    code, _, err = invoke("star", "add", "-i", input="\n".join(answers) + "\n")
    assert code == 0, err
    assert "already exists" in err
    assert (stories_dir() / "fresh-id.yaml").exists()


def test_every_star_command_has_help() -> None:
    for cmd in ("add", "list", "show", "import", "check", "practice", "coverage", "questions"):
        code, out, _ = invoke("star", cmd, "--help")
        assert code == 0 and len(out) > 100
    code, out, _ = invoke("star", "check", "--help")
    flat = " ".join(out.split())
    assert "--strict" in flat and "exits 1 on any major finding" in flat
