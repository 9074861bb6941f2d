"""The understanding dev set (tests/data/understanding): every scripted candidate loads through
the project's script loader, and every labelled question names a real scenario and real facts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from sysdesign.library import library
from sysdesign.session.clock import DEFAULT_START
from sysdesign.session.script import load_script, run_script
from sysdesign.store import open_store
from sysdesign.yamlio import read_yaml

DEVSET = Path(__file__).parent.parent / "data" / "understanding"
CANDIDATES = DEVSET / "candidates"
CORE = ("chat", "url-shortener", "news-feed", "video-streaming", "realtime-game")
KINDS = ("strong", "soup", "wrong", "silent")
KOREAN = (
    "news-feed-strong-ko",
    "news-feed-soup-ko",
    "payment-system-strong-ko",
    "payment-system-soup-ko",
)
SCRIPTS = sorted(CANDIDATES.glob("*.script.yaml"))


def _scenario_of(script: Path) -> str:
    stem = script.name.removesuffix(".script.yaml")
    for kind in KINDS:
        for suffix in (f"-{kind}-ko", f"-{kind}"):
            if stem.endswith(suffix):
                return stem.removesuffix(suffix)
    raise AssertionError(f"{script.name}: name is not <scenario>-<kind>[-ko].script.yaml")


def test_every_expected_candidate_is_there() -> None:
    names = {p.name.removesuffix(".script.yaml") for p in SCRIPTS}
    expected = {f"{s}-{k}" for s in CORE for k in KINDS} | set(KOREAN)
    assert expected <= names, sorted(expected - names)


def test_every_script_loads_and_uses_the_reference_design() -> None:
    # One test for all scripts: the library is loaded once (each test has its own home).
    for script in SCRIPTS:
        _check_script(script)


def _check_script(script: Path) -> None:
    parsed = load_script(script)  # raises with file:line on any bad action or missing design
    scenario_id = _scenario_of(script)
    library().scenario(scenario_id)  # raises if the scenario does not exist
    assert parsed.lang == ("ko" if script.name.endswith("-ko.script.yaml") else "en")
    designs = [a.design for a in parsed.actions if a.design is not None]
    assert designs, f"{script.name} loads no design"
    bundled = (Path(__file__).parent.parent.parent / "designs" / f"{scenario_id}.yaml").resolve()
    for design in designs:
        assert (script.parent / design).resolve() == bundled, design
    kinds = Counter(a.kind for a in parsed.actions)
    assert kinds["finish"] == 1, script.name
    if "-silent" in script.name:
        assert set(kinds) == {"design", "finish"}, kinds
    else:
        assert kinds["answer"] >= 10, f"{script.name}: too few answers ({kinds['answer']})"


@pytest.mark.parametrize("name", ["chat-strong", "payment-system-strong-ko"])
def test_each_follow_up_gets_exactly_one_answer(name: str) -> None:
    """The `answer` actions are timed so that each lands on a question the interviewer asked:
    none is refused for want of a question (probes the answers open may shift which one)."""
    script = CANDIDATES / f"{name}.script.yaml"
    lib = library()
    scenario_id = _scenario_of(script)
    parsed = load_script(script)
    session = run_script(
        open_store(),
        lib.scenario(scenario_id),
        lib.rubric(scenario_id),
        parsed,
        script.parent,
        lang=parsed.lang or "en",
        start=DEFAULT_START,
    )
    answered = [f for f in session.state.followups if (f.answer or "").strip()]
    assert len(answered) == sum(1 for a in parsed.actions if a.answer is not None)


def question_problems(items: Any) -> list[str]:
    """What is wrong with questions.yaml: unknown scenarios or fact ids, bad fields."""
    lib = library()
    problems: list[str] = []
    if not isinstance(items, list):
        return ["questions.yaml must be a list"]
    seen: set[tuple[str, str]] = set()
    for i, item in enumerate(items):
        where = f"item {i + 1}"
        if not isinstance(item, dict):
            problems.append(f"{where}: not a mapping")
            continue
        extra = set(item) - {"scenario", "lang", "text", "fact", "also"}
        if extra:
            problems.append(f"{where}: unknown keys {sorted(extra)}")
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: text must be a non-empty string")
            continue
        where = f"{where} ({text!r})"
        if item.get("lang") not in ("en", "ko"):
            problems.append(f"{where}: lang must be en or ko")
        key = (str(item.get("scenario")), text.strip().lower())
        if key in seen:
            problems.append(f"{where}: duplicate question")
        seen.add(key)
        try:
            scenario = lib.scenario(str(item.get("scenario")))
        except Exception:
            problems.append(f"{where}: no scenario {item.get('scenario')!r}")
            continue
        ids = {f.id for f in scenario.facts}
        fact = item.get("fact", "missing")
        also = item.get("also") or []
        if fact == "missing":
            problems.append(f"{where}: give fact (an id, or null)")
        elif fact is not None and fact not in ids:
            problems.append(f"{where}: {scenario.id} has no fact {fact!r}")
        if also and fact is None:
            problems.append(f"{where}: also without a fact")
        for other in also:
            if other not in ids:
                problems.append(f"{where}: {scenario.id} has no fact {other!r} (in also)")
            if other == fact:
                problems.append(f"{where}: also repeats the fact")
    return problems


def _questions() -> list[dict[str, Any]]:
    data = read_yaml(DEVSET / "questions.yaml").data
    assert isinstance(data, list)
    return data


def test_questions_reference_real_scenarios_and_facts() -> None:
    assert question_problems(_questions()) == []


def test_a_wrong_id_is_caught() -> None:
    items = _questions()
    bad_fact = [dict(items[0], fact="no_such_fact")]
    bad_also = [dict(items[0], also=["no_such_fact"])]
    bad_scenario = [dict(items[0], scenario="no-such-scenario")]
    assert any("no fact 'no_such_fact'" in p for p in question_problems(bad_fact))
    assert any("no fact 'no_such_fact'" in p for p in question_problems(bad_also))
    assert any("no scenario" in p for p in question_problems(bad_scenario))


def test_questions_cover_every_fact_in_both_languages() -> None:
    items = _questions()
    lib = library()
    for scenario_id in CORE:
        facts = [f.id for f in lib.scenario(scenario_id).facts]
        for lang in ("en", "ko"):
            mine = [q for q in items if q["scenario"] == scenario_id and q["lang"] == lang]
            answered = [q for q in mine if q["fact"] is not None]
            assert len(answered) >= 18, (scenario_id, lang, len(answered))
            assert len(mine) - len(answered) >= 6, (scenario_id, lang)
            missing = set(facts) - {q["fact"] for q in answered}
            assert not missing, (scenario_id, lang, sorted(missing))
    for lang in ("en", "ko"):
        pay = [q for q in items if q["scenario"] == "payment-system" and q["lang"] == lang]
        assert len(pay) >= 10, (lang, len(pay))


def test_holdout_references_real_scenarios_and_facts() -> None:
    data = read_yaml(DEVSET / "holdout.yaml").data
    assert question_problems(data) == []


def test_holdout_covers_many_scenarios_in_both_languages() -> None:
    items = read_yaml(DEVSET / "holdout.yaml").data
    assert isinstance(items, list)
    scenarios = {q["scenario"] for q in items}
    assert len(scenarios) >= 15
    for scenario_id in scenarios:
        for lang in ("en", "ko"):
            answered = [
                q
                for q in items
                if q["scenario"] == scenario_id and q["lang"] == lang and q["fact"] is not None
            ]
            assert len(answered) >= 5, (scenario_id, lang, len(answered))
    assert sum(1 for q in items if q["fact"] is None) >= 50
    dev = {(q["scenario"], q["text"].strip().lower()) for q in _questions()}
    assert not dev & {(q["scenario"], q["text"].strip().lower()) for q in items}


def test_dev2_references_real_scenarios_and_facts() -> None:
    data = read_yaml(DEVSET / "dev2.yaml").data
    assert question_problems(data) == []


def test_dev2_covers_twelve_scenarios_in_both_languages() -> None:
    items = read_yaml(DEVSET / "dev2.yaml").data
    assert isinstance(items, list)
    scenarios = {q["scenario"] for q in items}
    assert len(scenarios) >= 12
    for newer in ("digital-wallet", "hotel-reservation", "stock-exchange", "rate-limiter"):
        assert newer in scenarios
    for scenario_id in scenarios:
        for lang in ("en", "ko"):
            mine = [q for q in items if q["scenario"] == scenario_id and q["lang"] == lang]
            answered = [q for q in mine if q["fact"] is not None]
            assert len(answered) >= 10, (scenario_id, lang, len(answered))
            assert len(mine) - len(answered) >= 5, (scenario_id, lang)
    dev = {(q["scenario"], q["text"].strip().lower()) for q in _questions()}
    assert not dev & {(q["scenario"], q["text"].strip().lower()) for q in items}


HOLDOUT2_SCENARIOS = (
    "api-platform-100k-rps",
    "chat",
    "delivery-dispatch",
    "feed-recommendation",
    "fraud-detection-realtime",
    "log-search-100m",
    "messaging-2b-users",
    "money-transfer-ledger",
    "nearby-friends",
    "order-processing",
    "payment-system",
    "realtime-game",
    "video-streaming",
    "zero-downtime-banking",
)


def test_holdout2_references_real_scenarios_and_facts() -> None:
    data = read_yaml(DEVSET / "holdout2.yaml").data
    assert question_problems(data) == []


def test_holdout2_covers_the_scenarios_no_other_blind_set_covers() -> None:
    items = read_yaml(DEVSET / "holdout2.yaml").data
    assert isinstance(items, list)
    scenarios = {q["scenario"] for q in items}
    assert scenarios == set(HOLDOUT2_SCENARIOS)
    others = {q["scenario"] for name in ("holdout.yaml", "dev2.yaml") for q in _items(name)}
    assert not scenarios & others, sorted(scenarios & others)
    for scenario_id in scenarios:
        for lang in ("en", "ko"):
            mine = [q for q in items if q["scenario"] == scenario_id and q["lang"] == lang]
            answered = [q for q in mine if q["fact"] is not None]
            assert len(answered) >= 6, (scenario_id, lang, len(answered))
            assert len(mine) - len(answered) >= 2, (scenario_id, lang)


def test_holdout2_repeats_no_question_of_another_set() -> None:
    texts = {q["text"].strip().lower() for q in _items("holdout2.yaml")}
    for name in ("questions.yaml", "dev2.yaml", "holdout.yaml"):
        repeated = texts & {q["text"].strip().lower() for q in _items(name)}
        assert not repeated, (name, sorted(repeated))


def _items(name: str) -> list[dict[str, Any]]:
    data = read_yaml(DEVSET / name).data
    assert isinstance(data, list)
    return data
