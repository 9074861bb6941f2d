"""Korean output never guesses a particle as 「을(를)」 and leaves no English sentence behind:
render the common commands in Korean over the bundled data and look for both.

An English sentence is a run of four or more Latin-script words, two of them English function
words ("the", "of", "per"…). Quoted text, code spans, URLs and the titles of cited works (the
references of the bundled scenarios and rubrics) are proper names and are skipped; so are ids
and product names, which carry no function words."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import Any

import pytest

from sysdesign.paths import bundled
from tests.helpers import invoke

GUESSED = re.compile(r"\((?:를|을|가|이|는|은|과|와|으)\)")
DESIGNS = sorted(bundled("designs").glob("*.yaml"))
SCENARIOS = sorted(p.stem for p in bundled("scenarios").glob("*.yaml") if p.stem != "tracks")


FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "is",
        "are",
        "per",
        "and",
        "or",
        "by",
        "from",
        "at",
        "be",
        "as",
        "it",
        "its",
        "that",
        "this",
        "not",
        "no",
        "than",
        "into",
        "one",
        "each",
        "was",
        "were",
        "has",
        "have",
    ]
)
_SKIPPED = re.compile(r"\"[^\"]*\"|“[^”]*”|'[^'\n]*'|『[^』]*』|`[^`]*`|<?https?://\S+")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,:;]+[A-Za-z][A-Za-z'’-]*){3,}")


@functools.cache
def _cited_titles() -> tuple[str, ...]:
    """Titles of the works the bundled content cites: proper names, not untranslated text."""
    from sysdesign.library import load_library

    lib = load_library()
    refs = [r for s in lib.scenarios.values() for r in s.references]
    for rubric in lib.rubrics.values():
        refs += rubric.references
        for dive in rubric.deep_dives:
            refs += dive.references
    return tuple(sorted({" ".join(r.title.split()) for r in refs}, key=len, reverse=True))


_HANGUL = re.compile(r"[가-힣]")


def _korean_half(line: str) -> str:
    """A bilingual message (`English / 한국어`, the form errors take) keeps its Korean half."""
    english, sep, korean = line.partition(" / ")
    if sep and _HANGUL.search(korean) and not _HANGUL.search(english):
        return korean
    return line


def english_sentences(output: str) -> list[str]:
    output = "\n".join(_korean_half(line) for line in output.splitlines())
    flat = " ".join(output.replace("│", " ").split())
    for title in _cited_titles():
        flat = flat.replace(title, " ")
    flat = _SKIPPED.sub(" ", flat)
    found = []
    for run in _LATIN_RUN.finditer(flat):
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", run.group(0))
        if sum(w in FUNCTION_WORDS for w in words) >= 2:
            found.append(run.group(0))
    return found


def _assert_no_guess(output: str, what: str) -> None:
    found = [m.group(0) for m in GUESSED.finditer(output)]
    where = [output[max(0, m.start() - 30) : m.end() + 10] for m in GUESSED.finditer(output)]
    assert not found, f"{what}: guessed particles {found} in {where}"
    english = english_sentences(output)
    assert not english, f"{what}: untranslated English in Korean output: {english}"


@pytest.fixture(autouse=True)
def _korean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSDESIGN_LANG", "ko")


def test_the_pattern_catches_every_guessed_form() -> None:
    for guessed in ("을(를)", "를(을)", "이(가)", "가(이)", "은(는)", "는(은)", "과(와)", "와(과)"):
        assert GUESSED.search(f"x{guessed} y")
    assert GUESSED.search("db(으)로 가는")
    assert not GUESSED.search("db로 가는 (로드 밸런서 뒤) 서비스")


def test_the_english_detector() -> None:
    assert english_sentences("= 10k/s × 20 ms = 200 in flight of the work")
    assert english_sentences("인스턴스당 수치: planning figure for a 2–4 vCPU instance doing one")
    assert not english_sentences("용량: 인스턴스 4개 × 1만 = 4만 (peak_read_qps + peak_write_qps)")
    assert not english_sentences(
        '참고: "Benchmarking Cassandra Scalability on AWS" — https://x.y/a'
    )
    assert not english_sentences("TechEmpower Framework Benchmarks의 DB 연동 테스트")
    assert not english_sentences("Redis (timeline) · Kafka · MySQL")


def test_calculators_and_numbers_speak_korean() -> None:
    runs = [
        ("numbers",),
        ("estimate", "concurrency", "--throughput", "10k/s", "--latency", "20ms"),
        (
            "estimate",
            "partitions",
            "--target-throughput",
            "100k/s",
            "--partition-throughput",
            "5k/s",
            "--consumer-throughput",
            "4k/s",
        ),
        (
            "estimate",
            "connections",
            "--dau",
            "50M",
            "--concurrent-fraction",
            "10%",
            "--connections-per-server",
            "50k",
        ),
        ("star", "questions"),
        ("star", "questions", "--company", "amazon"),
        ("next",),
        ("progress",),
    ]
    for args in runs:
        code, out, err = invoke(*args, "--lang", "ko")
        assert code == 0, (args, err)
        _assert_no_guess(out + err, " ".join(args))
    code, out, _ = invoke(
        "estimate", "concurrency", "--throughput", "10k/s", "--latency", "20ms", "--lang", "ko"
    )
    assert "동시 처리 200건" in out and "200 in flight" not in out
    code, out, _ = invoke("star", "questions", "--lang", "ko")
    assert "주인의식" in out and "ownership," not in out


def test_bundled_data_is_there() -> None:
    assert len(DESIGNS) >= 16 and len(SCENARIOS) >= 16


def test_scenarios_and_tracks() -> None:
    outputs = [invoke("scenarios", "list", "--lang", "ko"), invoke("tracks", "list")]
    outputs += [invoke("scenarios", "show", sid, "--lang", "ko") for sid in SCENARIOS]
    for code, out, err in outputs:
        assert code == 0, err
        _assert_no_guess(out + err, "scenarios/tracks")


@pytest.mark.parametrize("design", DESIGNS, ids=lambda p: p.stem)
def test_check_every_bundled_design(design: Path) -> None:
    code, out, err = invoke("check", str(design), "--lang", "ko")
    assert code in (0, 1), err
    assert "점" in out
    _assert_no_guess(out + err, f"check {design.name}")


def test_check_findings_of_a_weak_design(tmp_path: Path) -> None:
    """A weak design fires the rules whose messages name components."""
    path = tmp_path / "weak.yaml"
    path.write_text(
        "scenario: chat\n"
        "components:\n"
        "  users: {kind: client}\n"
        "  api-1: {kind: service, replicas: 3}\n"
        "  db-1: {kind: sql_db, capacity: 100 writes}\n"
        "connections:\n"
        "  - users -> api-1 -> db-1: write\n"
        "  - users -> db-1\n",
        encoding="utf-8",
    )
    code, out, err = invoke("check", str(path), "--lang", "ko")
    assert code in (0, 1), err
    assert "db-1" in out
    _assert_no_guess(out + err, "check weak design")
    code, out, err = invoke("check", str(path), "--lang", "ko", "--kill", "nope")
    assert code == 2 and "nope" in err
    _assert_no_guess(out + err, "check --kill")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_estimate_every_preset(scenario: str) -> None:
    code, out, err = invoke("estimate", "--scenario", scenario, "--lang", "ko")
    assert code == 0, err
    _assert_no_guess(out + err, f"estimate {scenario}")


def test_estimate_errors() -> None:
    for args in (
        ("--dau", "many"),
        ("--write-size", "big"),
        ("connections", "--concurrent", "1M", "--connections-per-server", "0"),
    ):
        code, out, err = invoke("estimate", *args, "--lang", "ko")
        assert code == 2, (args, out)
        _assert_no_guess(out + err, f"estimate {args}")


def test_validate_bad_files(tmp_path: Path) -> None:
    design = tmp_path / "bad-design.yaml"
    design.write_text(
        "components:\n"
        "  a: {kind: service, capacity: lots of rps}\n"
        "  b: {kind: cahce, capacity: -5 rps}\n"
        "connections:\n"
        "  - a -> a\n"
        "  - a -> c\n",
        encoding="utf-8",
    )
    scenario = tmp_path / "other-name.yaml"
    scenario.write_text(
        (Path(__file__).parent / "data" / "mini-scenario.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    broken = tmp_path / "broken.yaml"
    broken.write_text("components: [\n", encoding="utf-8")
    for path in (design, scenario, broken):
        code, out, err = invoke("validate", str(path))
        assert code in (1, 2), out
        _assert_no_guess(out + err, f"validate {path.name}")


#: Lower-case words a plain-string label may carry in a Korean post: protocol and pattern
#: names engineers write in English in Korean too.
KEPT_TERMS = frozenset({"https", "websocket", "read-through", "binlog"})
_PATH_OR_CODE = re.compile(r"\S*[/_=?{}]\S*")


def _english_words(text: str) -> list[str]:
    """The lower-case English words of a text, leaving out product names (capitalised or
    upper-case), paths and code (`/v1/shops/{id}`, `conversation_id`)."""
    bare = _PATH_OR_CODE.sub(" ", text)
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", bare)
    return [w for w in words if w.islower() and len(w) > 2 and w not in KEPT_TERMS]


def _authored(model: Any) -> list[Any]:
    """Every label and note the design's author wrote (the name shows only without a scenario)."""
    texts: list[Any] = list(model.notes)
    texts += [c.label for c in model.components.values() if c.label]
    texts += [c.notes for c in model.components.values() if c.notes]
    texts += [c.label for c in model.connections if c.label]
    return texts


def test_the_product_name_filter() -> None:
    assert _english_words("Redis (session registry, presence)") == [
        "session",
        "registry",
        "presence",
    ]
    assert _english_words("Redis Pub/Sub · Kafka · APNs / FCM · GET /v1/shops/{id}") == []
    assert _english_words("websocket") == []


@pytest.mark.parametrize("design", DESIGNS, ids=lambda p: p.stem)
def test_korean_blog_post_of_every_bundled_design(design: Path, tmp_path: Path) -> None:
    """Everything in a Korean post is Korean, the design's own labels and notes included: each
    is written `{en, ko}` and the post shows the Korean, or is one string naming products."""
    from sysdesign.library import load_design

    post = tmp_path / "post.md"
    code, _, err = invoke(
        "export",
        "blog",
        str(design),
        "-o",
        str(post),
        "--lang",
        "ko",
        "--image",
        "none",
        "--front-matter",
        "none",
    )
    assert code == 0, err
    text = html.unescape(post.read_text("utf-8")).replace("<br/>", " ").replace("#quot;", '"')
    text = " ".join(re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text).split())
    model = load_design(design)
    authored = _authored(model)
    for words in authored:
        korean = " ".join(words.get("ko").split())
        assert korean in text, f"{design.name}: {korean!r} missing from the Korean post"
        if words.ko == words.en:
            assert not _english_words(words), f"{design.name}: untranslated {words!r}"
    _assert_no_guess(text, f"export blog {design.name}")
    assert "하루" in text or "초당" in text or "추정" in text
