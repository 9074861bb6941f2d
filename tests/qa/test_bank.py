"""The technical-question bank (data/qa/<topic>.yaml): loads, validates, and holds its promises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sysdesign.errors import InvalidInputError
from sysdesign.library import detect_kind, load_qa_topic, qa_chain_depths, validate_file
from sysdesign.models.qa import QA_TOPICS
from sysdesign.qa.bank import load_qa_bank
from sysdesign.yamlio import read_yaml
from tests.helpers import invoke

QA = Path(__file__).resolve().parents[2] / "data" / "qa"
# The topics this bank must cover in depth, with the least each must hold.
WRITTEN = ("go", "java-spring", "kafka", "kubernetes", "database")
FILES = sorted(p for p in QA.glob("*.yaml"))


def test_every_file_is_a_known_topic_and_the_written_ones_exist() -> None:
    assert {p.stem for p in FILES} <= set(QA_TOPICS)
    for topic in WRITTEN:
        assert (QA / f"{topic}.yaml").is_file(), topic


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_topic_file_validates(path: Path) -> None:
    kind, problems = validate_file(path)
    assert kind == "qa"
    assert problems == [], "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_question_is_complete_in_both_languages(path: Path) -> None:
    topic = load_qa_topic(path)
    assert topic.topic == path.stem
    for q in topic.questions:
        assert 2 <= len(q.points) <= 5, q.id
        for text in (q.question, q.model_answer):
            assert text.ko.strip() and text.en.strip(), q.id
        # Korean text is Korean, English text is not
        assert any("가" <= ch <= "힣" for ch in q.question.ko), q.id
        assert not any("가" <= ch <= "힣" for ch in q.question.en + q.model_answer.en), q.id
        for p in q.points:
            assert len(p.phrasings.ko) >= 3 and len(p.phrasings.en) >= 3, (q.id, p.id)
            assert all(k == k.lower() for k in p.keywords.all()), (q.id, p.id)
            for claim in p.wrong_claims:
                assert len(claim.says.ko) >= 2 and len(claim.says.en) >= 2, (q.id, claim.id)
                assert claim.correction.ko and claim.pushback.en


@pytest.mark.parametrize("topic", WRITTEN)
def test_written_topics_are_deep_enough(topic: str) -> None:
    t = load_qa_topic(QA / f"{topic}.yaml")
    assert len(t.questions) >= 16
    depths = qa_chain_depths(t)
    roots = [q for q in t.questions if q.root]
    assert max(depths[q.id] for q in roots) >= 3, "no root opens a chain of depth 3"
    # every question is reachable: a root, or asked by some follow-up
    asked = {f.ask for q in t.questions for f in q.follow_ups}
    assert all(q.root or q.id in asked for q in t.questions)
    # at least one follow-up opens on a missed point, one on a covered point
    whens = {f.when for q in t.questions for f in q.follow_ups}
    assert {"covered", "missed"} <= whens
    # versioned facts carry a source somewhere in the topic
    assert sum(1 for q in t.questions if q.sources) >= 4


def test_bank_totals() -> None:
    bank = load_qa_bank()
    entries = [e for e in bank.entries() if e.topic in WRITTEN]
    assert len(entries) >= 80
    assert len({(e.topic, e.question.id) for e in entries}) == len(entries)


# ---------------------------------------------------------------- checks on broken files

MINI = """\
topic: go
title: {ko: Go, en: Go}
questions:
  - id: cheap
    question: {ko: 고루틴은 왜 가볍나요?, en: Why are goroutines cheap?}
    model_answer: {ko: 작은 스택에서 시작합니다., en: They start on a small stack.}
    points:
      - id: stack
        text: {ko: 작은 스택, en: small stack}
        keywords: {ko: [스택], en: [stack]}
        phrasings:
          ko: [스택이 작아요., 2KB 스택으로 시작해요., 스택이 필요하면 커져요.]
          en: [The stack is small., It starts with 2 KB., The stack grows on demand.]
      - id: sched
        text: {ko: 런타임 스케줄러, en: runtime scheduler}
        phrasings:
          ko: [런타임이 스케줄링해요., OS 스레드에 다중화돼요., 커널을 안 거쳐요.]
          en: [The runtime schedules them., They are multiplexed on threads., No kernel switch.]
    follow_ups:
      - {ask: gmp, when: covered, point: sched}
  - id: gmp
    root: false
    question: {ko: GMP가 뭔가요?, en: What is GMP?}
    model_answer: {ko: G와 M과 P입니다., en: G and M and P.}
    points:
      - id: g
        text: {ko: G, en: G}
        phrasings: {ko: [가, 나, 다], en: [a, b, c]}
      - id: p
        text: {ko: P, en: P}
        phrasings: {ko: [가, 나, 다], en: [a, b, c]}
"""


def write(tmp_path: Path, text: str, name: str = "go.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_file_loads_and_measures_depth(tmp_path: Path) -> None:
    topic = load_qa_topic(write(tmp_path, MINI))
    assert qa_chain_depths(topic) == {"cheap": 2, "gmp": 1}
    assert detect_kind(read_yaml(tmp_path / "go.yaml").data) == "qa"


def test_depth_counts_the_longest_chain_and_ignores_loops() -> None:
    from sysdesign.models.qa import QaTopicFile
    from sysdesign.yamlio import parse_yaml, validate_as

    text = MINI.replace(
        "    points:\n      - id: g",
        "    follow_ups: [{ask: cheap}]\n    points:\n      - id: g",
    )
    topic = validate_as(QaTopicFile, parse_yaml(text, "<mem>"))
    assert qa_chain_depths(topic) == {"cheap": 2, "gmp": 2}
    # the order of evaluation does not change the answer
    reordered = topic.model_copy(update={"questions": list(reversed(topic.questions))})
    assert qa_chain_depths(reordered) == {"cheap": 2, "gmp": 2}


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("{ask: gmp, when", "{ask: gpm, when", 20, "did you mean 'gmp'"),
        ("point: sched}", "point: shed}", 20, "unknown point 'shed'"),
        ("[스택이 작아요., ", "[", 12, "has 2 ko phrasings"),
        (
            "keywords: {ko: [스택], en: [stack]}",
            "keywords: {ko: [스택], en: [Stack]}",
            10,
            "lower case",
        ),
        ("topic: go", "topic: kafka", 1, "differs from the file name"),
        (
            "    follow_ups:\n      - {ask: gmp, when: covered, point: sched}\n",
            "",
            20,
            "never asked",
        ),
        ("  - id: gmp\n", "  - id: cheap\n", 21, "duplicate question id"),
        ("  - id: cheap\n", "  - id: cheap\n    bogus: 1\n", 5, "unknown key"),
    ],
)
def test_broken_files_are_located(
    tmp_path: Path, old: str, new: str, line: int | None, message: str
) -> None:
    assert old in MINI
    path = write(tmp_path, MINI.replace(old, new, 1))
    kind, problems = validate_file(path)
    assert kind == "qa"
    hits = [p for p in problems if message in p.message]
    assert hits, problems
    if line is not None:
        assert hits[0].line == line, hits[0]
    with pytest.raises(InvalidInputError):
        load_qa_topic(path)


def test_a_loop_is_reported(tmp_path: Path) -> None:
    text = MINI.replace(
        "    points:\n      - id: g",
        "    follow_ups: [{ask: cheap}]\n    points:\n      - id: g",
    )
    _, problems = validate_file(write(tmp_path, text))
    assert any("must not loop" in p.message for p in problems), problems


def test_user_file_replaces_the_bundled_topic(home: Path) -> None:
    (home / "qa").mkdir()
    write(home / "qa", MINI)
    bank = load_qa_bank()
    assert [q.id for q in bank.topic("go").questions] == ["cheap", "gmp"]


# ---------------------------------------------------------------- the CLI


def test_qa_list_json_contract() -> None:
    code, out, _ = invoke("qa", "list", "--topic", "kafka", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 16
    assert set(rows[0]) == {"id", "topic", "level", "root", "question", "depth", "follow_ups"}
    assert {r["topic"] for r in rows} == {"kafka"}
    assert max(r["depth"] for r in rows) >= 3
    by_id = {r["id"]: r for r in rows}
    for r in rows:  # a question's depth is one more than its deepest follow-up's
        below = [by_id[a]["depth"] for a in r["follow_ups"]]
        assert r["depth"] == 1 + max(below, default=0)


def test_qa_list_in_korean_and_as_a_table() -> None:
    code, out, _ = invoke("qa", "list", "--topic", "go", "--json", "--lang", "ko")
    assert code == 0 and all(any("가" <= c <= "힣" for c in r["question"]) for r in json.loads(out))
    code, out, _ = invoke("qa", "list", "--lang", "en")
    assert code == 0 and "Technical questions" in out and "kubernetes" in out


def test_qa_list_unknown_topic_suggests() -> None:
    code, _, err = invoke("qa", "list", "--topic", "kafak")
    assert code == 2 and "did you mean 'kafka'" in err


def test_validate_and_schema_know_qa(tmp_path: Path) -> None:
    code, out, _ = invoke("validate", str(write(tmp_path, MINI)))
    assert code == 0 and "ok (qa)" in out
    code, out, _ = invoke("schema", "qa")
    assert code == 0 and "questions" in json.loads(out)["properties"]


def test_qa_list_topic_without_questions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sysdesign.library

    monkeypatch.setattr(sysdesign.library, "qa_dir", lambda: tmp_path / "none")
    code, _, err = invoke("qa", "list", "--topic", "go")
    assert code == 2 and "no questions on 'go' yet" in err and "Traceback" not in err
    code, out, _ = invoke("qa", "list", "--json")
    assert code == 0 and json.loads(out) == []


def test_qa_list_reports_a_broken_user_file_with_its_line(home: Path) -> None:
    (home / "qa").mkdir()
    write(home / "qa", MINI.replace("{ask: gmp, when", "{ask: gpm, when"))
    code, _, err = invoke("qa", "list")
    assert code == 2 and "go.yaml:20:" in err and "did you mean 'gmp'" in err
