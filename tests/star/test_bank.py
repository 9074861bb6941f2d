"""The story bank: loading, importing, located errors, YAML writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sysdesign.errors import InvalidInputError, NotFoundError
from sysdesign.library import validate_file
from sysdesign.star import bank
from sysdesign.yamlio import parse_yaml


def test_every_sample_validates_as_a_story() -> None:
    files = sorted(bank.samples_dir().glob("*.yaml"))
    assert len(files) == 10
    for path in files:
        assert validate_file(path) == ("story", [])
        assert bank.load_story(path).id == path.stem


def test_import_copies_and_refuses_an_existing_id(tmp_path: Path) -> None:
    src = bank.samples_dir() / "concurrency-bug-en.yaml"
    _story, target = bank.import_story(src)
    assert target == bank.stories_dir() / "concurrency-bug-en.yaml"
    assert target.read_text(encoding="utf-8") == src.read_text(encoding="utf-8")
    with pytest.raises(InvalidInputError) as err:
        bank.import_story(src)
    assert "already exists" in str(err.value)
    # another file name with the same id: --force replaces the old file
    renamed = tmp_path / "mine.yaml"
    renamed.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    bank.import_story(renamed, force=True)
    assert list(bank.stories_dir().glob("*.yaml")) == [target]


def test_bad_story_reports_file_line_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: x\ntitle: t\nlanguage: fr\nsituation: s\ntask: t\naction: a\nresult: r\nlearnd: l\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError) as err:
        bank.load_story(bad)
    text = str(err.value)
    assert f"{bad}:3:11: language:" in text
    assert f"{bad}:8:1: learnd: unknown key" in text
    assert "did you mean 'learned'" in text


def test_bank_finds_user_stories_then_samples() -> None:
    bank.import_story(bank.samples_dir() / "performance-500ms-ko.yaml")
    loaded = bank.load_bank()
    assert loaded.find("performance-500ms-ko").source == "bank"
    assert loaded.find("performance-500ms-en").source == "sample"
    with pytest.raises(NotFoundError, match="did you mean"):
        loaded.find("performance-500ms-k")
    assert [s.story.id for s in loaded.all()] == ["performance-500ms-ko"]


def test_duplicate_ids_in_the_bank_are_an_error() -> None:
    src = (bank.samples_dir() / "concurrency-bug-en.yaml").read_text(encoding="utf-8")
    folder = bank.stories_dir()
    folder.mkdir(parents=True)
    (folder / "a.yaml").write_text(src, encoding="utf-8")
    (folder / "b.yaml").write_text(src, encoding="utf-8")
    with pytest.raises(InvalidInputError, match="also used by"):
        bank.load_bank()


def test_template_is_invalid_until_filled_in() -> None:
    for lang in ("en", "ko"):
        with pytest.raises(InvalidInputError) as err:
            bank.parse_story(parse_yaml(bank.story_template(lang), "draft.yaml"))
        fields = {p.path for p in err.value.problems}
        assert {"id", "title", "situation", "task", "action", "result"} <= fields


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
    str.strip
) | st.lists(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20),
    min_size=2,
    max_size=4,
).map("\n".join)


@given(situation=TEXT, action=TEXT, learned=st.none() | TEXT)
def test_story_yaml_round_trips(situation: str, action: str, learned: str | None) -> None:
    data = {
        "id": "s1",
        "title": "T: x",
        "language": "ko",
        "situation": situation,
        "task": "t",
        "action": action,
        "result": "r",
        "learned": learned,
        "competencies": ["ownership"],
        "companies": [],
    }
    story = bank.parse_story(parse_yaml(bank.story_yaml(data), "<t>"))
    assert (story.situation, story.action, story.learned) == (situation, action, learned)
