"""Writing a new story: a draft file kept until the story validates, then saved to the bank.

Two ways in, both with no terminal I/O here (the CLI asks and shows):

- `EditorDraft`: the story template in a draft file; `edit()` runs the editor on it and
  `submit()` says what came of it (`unchanged`, `invalid` with the problems, or `saved`).
- `FieldDraft`: the story field by field (`FIELDS`, asked with `prompt`); every answer is written to
  the draft at once, `wrong_fields()` says what to ask again (with the messages), `save()`
  stores the story.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from sysdesign.errors import Problem
    from sysdesign.models.story import Story

# The fields asked one by one, in order, with their prompts (English, Korean).
FIELDS: tuple[str, ...] = (
    "title",
    "id",
    "language",
    "situation",
    "task",
    "action",
    "result",
    "learned",
    "competencies",
    "companies",
)


def prompt(name: str, lang: str) -> str:
    """The question that asks for field `name` (one of `FIELDS`) in `lang`."""
    from sysdesign.messages import render

    return render(f"star.drafts.prompt.{name}", lang)


OPTIONAL = frozenset({"learned", "competencies", "companies"})
LISTS = frozenset({"competencies", "companies"})


@dataclass(frozen=True)
class Submitted:
    """What came of one round in the editor."""

    outcome: Literal["unchanged", "invalid", "saved"]
    problems: list[Problem] = field(default_factory=list)
    story: Story | None = None
    target: Path | None = None


class EditorDraft:
    """The story template in a new draft file, edited until it validates."""

    def __init__(self, lang: str) -> None:
        from sysdesign.star.bank import new_draft, story_template

        self.template = story_template(lang)
        self.path = new_draft(self.template)

    def edit(self, editor: str) -> int:
        """Run `editor` on the draft; its exit status. MissingToolError when it cannot run."""
        import shlex
        import subprocess

        from sysdesign.errors import MissingToolError

        try:
            done = subprocess.run([*shlex.split(editor), str(self.path)], check=False)
        except OSError as exc:
            raise MissingToolError(
                f"cannot run $EDITOR ({editor!r}): {exc}; your draft is at {self.path}; or use "
                f"--interactive / 편집기를 실행할 수 없습니다. 초안: {self.path}"
            ) from None
        return done.returncode

    def submit(self) -> Submitted:
        """Save the draft as a story when it validates (the draft is then removed); an
        unchanged template is dropped."""
        from sysdesign.errors import InvalidInputError
        from sysdesign.star.bank import save_story_text

        text = self.path.read_text(encoding="utf-8")
        if text == self.template:
            self.path.unlink(missing_ok=True)
            return Submitted("unchanged")
        try:
            story, target = save_story_text(text, str(self.path))
        except InvalidInputError as exc:
            return Submitted("invalid", problems=list(exc.problems))
        self.path.unlink(missing_ok=True)
        return Submitted("saved", story=story, target=target)


class FieldDraft:
    """A story answered field by field; each answer is kept in the draft file at once."""

    def __init__(self, lang: str) -> None:
        from sysdesign.star.bank import new_draft

        self.lang = lang
        self.values: dict[str, Any] = {}
        self.path = new_draft("")

    def default(self, name: str) -> str | None:
        """The answer offered for `name` (an id from the title, the language in use, an empty
        optional field), or None."""
        from sysdesign.star.bank import slugify

        if name == "id":
            return slugify(str(self.values.get("title", ""))) or None
        if name == "language":
            return self.lang
        if name in OPTIONAL:
            return ""
        return None

    def set(self, name: str, answer: str) -> None:
        """Keep one answer (comma lists split and lower-cased; an empty optional field
        dropped) and write the draft."""
        from sysdesign.paths import atomic_write_text
        from sysdesign.star.bank import story_yaml

        answer = answer.strip()
        if name in LISTS:
            self.values[name] = [t.strip().lower() for t in answer.split(",") if t.strip()]
        elif name in OPTIONAL and not answer:
            self.values.pop(name, None)
        else:
            self.values[name] = answer
        atomic_write_text(self.path, story_yaml(self.values))

    def wrong_fields(self) -> tuple[list[str], list[tuple[str, str]]]:
        """The fields to ask again, and every message as (field, text); both empty when the
        story validates and its id is free."""
        from pydantic import ValidationError

        from sysdesign.messages import render
        from sysdesign.models.story import Story
        from sysdesign.star.bank import existing_path
        from sysdesign.yamlio import bilingual_message

        wrong: list[str] = []
        messages: list[tuple[str, str]] = []
        try:
            Story.model_validate(self.values)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                name = str(err["loc"][0]) if err["loc"] else "id"
                messages.append((name, bilingual_message(err)))
                if name in FIELDS and name not in wrong:
                    wrong.append(name)
            return wrong, messages
        story_id = str(self.values["id"])
        if existing_path(story_id) is not None:
            text = render("star.drafts.id_taken", self.lang, id=story_id)
            return ["id"], [("id", text)]
        return [], []

    def save(self) -> tuple[Story, Path]:
        """Store the story (it must validate: see `wrong_fields`) and remove the draft."""
        from sysdesign.star.bank import save_story_text, story_yaml

        story, target = save_story_text(story_yaml(self.values), str(self.path))
        self.path.unlink(missing_ok=True)
        return story, target
