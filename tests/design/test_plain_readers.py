"""The pydantic-free readers of `check` agree with the models: on every bundled file they build
the same values, and on any input they either build what the model builds or leave the input to
the model (never accept what it refuses)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sysdesign import paths
from sysdesign.design import catalogue as cat
from sysdesign.design import catalogue_model
from sysdesign.design.reader import read_for_check
from sysdesign.errors import InvalidInputError
from sysdesign.library import load_lexicon, load_rubric, load_scenario, parse_design
from sysdesign.models.design import Design
from sysdesign.models.design_plain import (
    PlainDesign,
    PlainEstimates,
    RubricView,
    read_design,
    read_rubric_view,
    scenario_estimates,
)
from sysdesign.models.ids import RULE_IDS
from sysdesign.understand.lexicon import compile_lexicon, lexicon_path, read_entries, read_lexicon
from sysdesign.yamlio import parse_yaml, read_yaml, validate_as

ROOT = Path(__file__).resolve().parents[2]
DESIGNS = sorted((ROOT / "designs").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "data" / "designs").glob("*.yaml")
)


def _component(c: Any) -> tuple[Any, ...]:
    return (
        c.kind,
        c.replicas,
        c.managed,
        c.shards,
        c.shard_key,
        c.capacity,
        list(c.regions),
        list(c.tags),
        None if c.label is None else (type(c.label), c.label.en, c.label.ko),
        None if c.notes is None else (c.notes.en, c.notes.ko),
        c.written_kind,
    )


def same_design(plain: PlainDesign, model: Design) -> bool:
    """Every value `check` reads, compared (labels by both languages)."""
    return (
        list(plain.components) == list(model.components)
        and all(
            _component(plain.components[k]) == _component(model.components[k])
            for k in plain.components
        )
        and [
            (c.nodes, c.label, None if c.label is None else c.label.ko, c.sync)
            for c in plain.connections
        ]
        == [
            (c.nodes, c.label, None if c.label is None else c.label.ko, c.sync)
            for c in model.connections
        ]
        and [(e.src, e.dst, e.label, e.sync, e.item) for e in plain.edges()]
        == [(e.src, e.dst, e.label, e.sync, e.item) for e in model.edges()]
        and list(plain.estimates.given().items()) == list(model.estimates.given().items())
        and [(n.en, n.ko) for n in plain.notes] == [(n.en, n.ko) for n in model.notes]
        and plain.name == model.name
        and (plain.title("ko"), plain.title("en")) == (model.title("ko"), model.title("en"))
        and plain.scenario == model.scenario
    )


@pytest.mark.parametrize("path", DESIGNS, ids=[p.stem for p in DESIGNS])
def test_every_bundled_design_reads_the_same(path: Path) -> None:
    loaded = read_yaml(path)
    plain = read_design(loaded.data)
    assert plain is not None, "the plain reader left a valid design to the model"
    assert same_design(plain, parse_design(loaded))


RUBRICS = sorted(paths.bundled("rubrics").glob("*.yaml"))


@pytest.mark.parametrize("path", RUBRICS, ids=[p.stem for p in RUBRICS])
def test_every_bundled_rubric_view_is_the_models(path: Path) -> None:
    view = read_rubric_view(read_yaml(path).data, RULE_IDS)
    assert view is not None
    assert view == RubricView.of(load_rubric(path))


SCENARIOS = sorted(p for p in paths.bundled("scenarios").glob("*.yaml") if p.name != "tracks.yaml")


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_every_bundled_scenarios_estimates_are_the_models(path: Path) -> None:
    plain = scenario_estimates(read_yaml(path).data)
    assert plain is not None
    assert list(plain.given().items()) == list(load_scenario(path).estimates.given().items())


def test_lexicon_and_catalogue_compile_the_same_without_pydantic() -> None:
    assert read_lexicon(read_yaml(lexicon_path()).data) == compile_lexicon(
        load_lexicon(lexicon_path())
    )
    loaded = read_yaml(paths.bundled("data") / cat.CATALOGUE_FILE)
    plain = cat.read_catalogue(loaded.data)
    assert plain is not None
    assert plain == cat.from_model(validate_as(catalogue_model.Catalogue, loaded))


# ---------------------------------------------------------------- any input

VALUES = st.sampled_from(
    [None, True, False, 0, 1, 2, -1, 3.0, 2.5, 1_000_001, "", " ", "x", "2", "20k rps", "5000",
     "service", "Service", "mysql", "api", "db", "u", "servise", "a -> b", "api -> db",
     "api → db → api", [], ["x"], [1], ["api", "db"], {}, {"en": "E", "ko": "K"},
     {"en": "E"}, {"en": "", "ko": "K"}, {"en": "E", "ko": "K", "ja": "J"}]
)  # fmt: skip
KEYS = st.sampled_from(
    ["kind", "replicas", "managed", "shards", "shard_key", "capacity", "regions", "tags",
     "label", "notes", "from", "to", "sync", "nodes", "replica", "dau", "writes",
     "read_write_ratio"]
)  # fmt: skip
ITEM = st.one_of(VALUES, st.dictionaries(KEYS, VALUES, max_size=4))


@st.composite
def designs(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {
        "components": draw(
            st.dictionaries(st.sampled_from(["api", "db", "u", "Api", "a b"]), ITEM, max_size=3)
        )
    }
    if draw(st.booleans()):
        data["connections"] = draw(st.one_of(VALUES, st.lists(ITEM, max_size=3)))
    for key in ("name", "scenario", "notes", "estimates"):
        if draw(st.booleans()):
            data[key] = draw(ITEM)
    return data


@settings(max_examples=400, deadline=None)
@given(designs())
def test_the_plain_reader_never_accepts_what_the_model_refuses(data: dict[str, Any]) -> None:
    loaded = parse_yaml("{}", "<d>")
    loaded.data = data
    try:
        plain = read_for_check(loaded)
    except InvalidInputError:
        return  # left to the model, which refused it
    if not isinstance(plain, PlainDesign):
        return  # left to the model, which accepted it
    try:
        model = parse_design(loaded)
    except InvalidInputError as exc:
        pytest.fail(f"accepted what the model refuses: {exc}")
    assert same_design(plain, model)


@settings(max_examples=200, deadline=None)
@given(st.one_of(VALUES, st.dictionaries(KEYS, VALUES, max_size=4)))
def test_estimates_read_as_the_model_reads_them(raw: Any) -> None:
    from pydantic import ValidationError

    from sysdesign.models.estimates import EstimateInputs

    plain = scenario_estimates({"estimates": raw})
    if plain is None:
        return
    try:
        model = EstimateInputs.model_validate(raw)
    except ValidationError as exc:
        pytest.fail(f"accepted what the model refuses: {exc}")
    assert isinstance(plain, PlainEstimates)
    assert list(plain.given().items()) == list(model.given().items())


def _texts_to_read() -> list[str]:
    """Every label and note of the bundled designs, every surface form of the lexicon, and
    pairs of forms (a tagged concept inside or beside another)."""
    import random

    out: list[str] = []
    for path in DESIGNS:
        design = parse_design(read_yaml(path))
        for comp in design.components.values():
            for words in (comp.label, comp.notes):
                if words:
                    out.extend(words.texts)
        for note in design.notes:
            out.extend(note.texts)
    entries = read_entries(read_yaml(lexicon_path()).data)
    assert entries is not None
    forms = [form for _, fs in entries for form in fs]
    out.extend(forms)
    rng = random.Random(7)
    out.extend(f"{rng.choice(forms)} {rng.choice(forms)}" for _ in range(2000))
    out.extend(f"{rng.choice(forms)}{rng.choice(forms)}" for _ in range(500))
    return out


def test_the_tag_lexicon_reads_tags_and_technologies_as_the_whole_lexicon() -> None:
    from sysdesign.understand.lexicon import lexicon, tag_lexicon

    whole, tags = lexicon(), tag_lexicon()
    assert sum(map(len, tags.by_first.values())) < sum(map(len, whole.by_first.values())) / 2
    for text in _texts_to_read():
        assert list(tags.tags_in(text).items()) == list(whole.tags_in(text).items()), text
        assert tags.tech_in(text) == whole.tech_in(text), text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_check_imports_neither_pydantic_nor_riches_console(home: Path, lang: str) -> None:
    """The point of the plain readers and printer: a first and a second `check` of a valid
    design, piped, run without pydantic and without rich's console."""
    import os
    import subprocess
    import sys

    design = str(paths.bundled("designs") / "url-shortener.yaml")
    argv = [sys.executable, "-X", "importtime", "-m", "sysdesign", "check", design]
    env = {**os.environ, "SYSDESIGN_HOME": str(home), "SYSDESIGN_LANG": lang}
    env.pop("FORCE_COLOR", None)
    for _ in range(2):
        run = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
        assert run.returncode == 0, run.stderr
        imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines()}
        assert "pydantic" not in imported and "rich.console" not in imported
        assert "rich.table" not in imported and "sysdesign.models.design" not in imported
