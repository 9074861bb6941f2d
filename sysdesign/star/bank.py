"""The user's story bank: one YAML file per story in `$SYSDESIGN_HOME/stories`.

Stories load through the same safe YAML reader as every other file, so a bad file reports
`file:line:col: field: message`. The bundled samples (`data/star/samples`) are read-only and
serve as a fallback for `show`/`check` and as a starting point for `import --samples`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sysdesign import paths
from sysdesign.errors import InvalidInputError, NotFoundError
from sysdesign.yamlio import LoadedYaml, did_you_mean, parse_yaml, read_yaml, validate_as

if TYPE_CHECKING:
    from sysdesign.models.story import Story

STORY_FIELDS: tuple[str, ...] = (
    "id",
    "title",
    "language",
    "situation",
    "task",
    "action",
    "result",
    "learned",
    "competencies",
    "companies",
)


def stories_dir() -> Path:
    return paths.user_dir("stories")


def drafts_dir() -> Path:
    """Where `star add` keeps what the user typed until it validates and is saved."""
    return paths.user_dir("drafts")


def samples_dir() -> Path:
    return paths.bundled("data") / "star" / "samples"


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in (".yaml", ".yml") and p.is_file() and not p.name.startswith(".")
    )


def parse_story(loaded: LoadedYaml) -> Story:
    from sysdesign.models.story import Story

    return validate_as(Story, loaded)


def load_story(path: Path) -> Story:
    """One story file, validated; every problem in it is raised, located."""
    return parse_story(read_yaml(path))


@dataclass(frozen=True)
class StoredStory:
    story: Story
    path: Path
    source: str  # "bank" or "sample"


@dataclass
class StoryBank:
    """The user's stories by id, plus the bundled samples (kept apart)."""

    stories: dict[str, StoredStory] = field(default_factory=dict)
    samples: dict[str, StoredStory] = field(default_factory=dict)

    def find(self, story_id: str, *, samples: bool = True) -> StoredStory:
        if story_id in self.stories:
            return self.stories[story_id]
        if samples and story_id in self.samples:
            return self.samples[story_id]
        known = [*self.stories, *(self.samples if samples else {})]
        raise NotFoundError(
            f"no story {story_id!r}{did_you_mean(story_id, known)}; see `sysdesign star list "
            "--samples` / 스토리가 없습니다"
        )

    def all(self, *, samples: bool = False) -> list[StoredStory]:
        out = list(self.stories.values())
        if samples:
            out += [s for sid, s in self.samples.items() if sid not in self.stories]
        return out


def _load_folder(folder: Path, source: str) -> dict[str, StoredStory]:
    out: dict[str, StoredStory] = {}
    for path in _yaml_files(folder):
        loaded = read_yaml(path)
        story = parse_story(loaded)
        if story.id in out:
            first = out[story.id].path
            raise InvalidInputError(
                [
                    loaded.problem(
                        ("id",),
                        f"story id {story.id!r} is also used by {first} / 같은 id의 스토리가 "
                        "이미 있습니다",
                    )
                ]
            )
        out[story.id] = StoredStory(story, path, source)
    return out


def load_bank() -> StoryBank:
    """The user's stories and the samples; the first invalid file stops with its problems."""
    return StoryBank(
        stories=_load_folder(stories_dir(), "bank"),
        samples=_load_folder(samples_dir(), "sample"),
    )


# ---------------------------------------------------------------- writing


def story_yaml(data: dict[str, Any]) -> str:
    """YAML for a story mapping, in field order, multi-line texts as literal blocks."""
    import yaml

    class _Dumper(yaml.SafeDumper):
        pass

    def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    _Dumper.add_representer(str, _str)
    ordered = {k: data[k] for k in STORY_FIELDS if k in data and data[k] is not None}
    ordered.update({k: v for k, v in data.items() if k not in ordered and v is not None})
    return yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _target(story_id: str) -> Path:
    return stories_dir() / f"{story_id}.yaml"


def existing_path(story_id: str) -> Path | None:
    """The bank file holding `story_id`, if any (any file name)."""
    bank = _load_folder(stories_dir(), "bank")
    found = bank.get(story_id)
    return found.path if found else None


def save_story_text(text: str, name: str, *, force: bool = False) -> tuple[Story, Path]:
    """Validate YAML text as a story and write it, unchanged, to `stories/<id>.yaml`.

    Refuses an id already in the bank unless `force`; with `force` the old file is replaced
    (and removed when it had another name)."""
    loaded = parse_yaml(text, name)
    story = parse_story(loaded)
    old = existing_path(story.id)
    if old is not None and not force:
        raise InvalidInputError(
            [
                loaded.problem(
                    ("id",),
                    f"a story with id {story.id!r} already exists ({old}); choose another id or "
                    "use --force / 같은 id의 스토리가 이미 있습니다. 다른 id를 쓰거나 --force를 "
                    "쓰세요",
                )
            ]
        )
    target = _target(story.id)
    paths.atomic_write_text(target, text if text.endswith("\n") else text + "\n")
    if old is not None and old != target:
        old.unlink(missing_ok=True)
    return story, target


def import_story(source: Path, *, force: bool = False) -> tuple[Story, Path]:
    """Copy a story file into the bank after validating it (comments and layout kept)."""
    from sysdesign.yamlio import read_input_text

    # A regular file of bounded size only: a FIFO or /dev/zero is refused before reading.
    text = read_input_text(source)
    return save_story_text(text, str(source), force=force)


def unknown_tags(story: Story, known: set[str], companies: dict[str, set[str]]) -> list[str]:
    """Competency tags that are neither a known competency nor `company:value`."""
    out = []
    for tag in story.competencies:
        if ":" in tag:
            company, _, value = tag.partition(":")
            if value in companies.get(company, set()):
                continue
        elif tag in known:
            continue
        out.append(tag)
    return out


# ---------------------------------------------------------------- the template and drafts

_TEMPLATE_HELP = {
    "en": {
        "head": "# A STAR story. Fill in each section, save and close the editor.\n"
        "# Lines starting with # are comments. Aim for 2–3 minutes spoken.",
        "id": "# id: lower-case letters, digits and -; the file name in your bank",
        "title": "# title: one line you will recognise",
        "language": "# language: ko or en (the language you tell it in)",
        "situation": "# Situation: the context in one or two sentences (short)",
        "task": "# Task: what you were responsible for (short)",
        "action": "# Action: what YOU did, step by step — about half the answer",
        "result": "# Result: the outcome with numbers (500 ms → 50 ms, -40% errors, $)",
        "learned": "# Learned: what you do differently since (optional, recommended)",
        "competencies": "# competencies: tags, e.g. ownership, conflict, failure, performance",
        "companies": "# companies: where you plan to tell it, e.g. [amazon, toss]",
    },
    "ko": {
        "head": "# STAR 스토리입니다. 각 부분을 채운 뒤 저장하고 편집기를 닫으세요.\n"
        "# #으로 시작하는 줄은 주석입니다. 말로 2~3분 분량이 목표입니다.",
        "id": "# id: 영문 소문자, 숫자, - 만 사용 (은행의 파일 이름이 됩니다)",
        "title": "# title: 알아볼 수 있는 한 줄 제목",
        "language": "# language: ko 또는 en (이야기하는 언어)",
        "situation": "# 상황(Situation): 배경을 한두 문장으로 (짧게)",
        "task": "# 과제(Task): 본인이 맡은 책임 (짧게)",
        "action": "# 행동(Action): '제가' 한 일을 단계별로 — 답변의 절반 정도",
        "result": "# 결과(Result): 숫자로 (500ms → 50ms, 오류 40% 감소, 비용)",
        "learned": "# 배운 점(Learned): 그 뒤로 무엇을 다르게 하는지 (선택, 권장)",
        "competencies": "# competencies: 역량 태그. 예: ownership, conflict, failure, performance",
        "companies": "# companies: 이 이야기를 쓸 회사. 예: [amazon, toss]",
    },
}


def story_template(lang: str) -> str:
    """The text `star add` opens in the editor."""
    h = _TEMPLATE_HELP["ko" if lang == "ko" else "en"]
    block = "|\n  \n"
    return (
        f"{h['head']}\n"
        f"{h['id']}\nid: \n"
        f"{h['title']}\ntitle: \n"
        f"{h['language']}\nlanguage: {'ko' if lang == 'ko' else 'en'}\n"
        f"{h['situation']}\nsituation: {block}"
        f"{h['task']}\ntask: {block}"
        f"{h['action']}\naction: {block}"
        f"{h['result']}\nresult: {block}"
        f"{h['learned']}\nlearned: {block}"
        f"{h['competencies']}\ncompetencies: []\n"
        f"{h['companies']}\ncompanies: []\n"
    )


def new_draft(text: str, now: datetime | None = None) -> Path:
    """Write a new draft file and return its path; drafts are never deleted until saved."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = drafts_dir()
    path = folder / f"story-{stamp}.yaml"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"story-{stamp}-{n}.yaml"
    paths.atomic_write_text(path, text)
    return path


def slugify(title: str) -> str:
    """A story id suggestion from a title (ASCII words only; may be empty for Korean)."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words)[:60].strip("-")
