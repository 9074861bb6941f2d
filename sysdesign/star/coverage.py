"""Which competencies (or a company's published values) the user's stories cover, and the gaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sysdesign.star.practice import story_tags

if TYPE_CHECKING:
    from sysdesign.models.common import Text
    from sysdesign.star.bank import StoredStory
    from sysdesign.star.questions import Questions


@dataclass(frozen=True)
class CoverageColumn:
    id: str
    name: Text
    stories: tuple[str, ...]


@dataclass(frozen=True)
class CoverageRow:
    id: str
    title: str
    language: str
    covers: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    """A stories × competencies (or × company values) matrix."""

    company: str | None
    columns: tuple[CoverageColumn, ...]
    rows: tuple[CoverageRow, ...]

    @property
    def gaps(self) -> list[str]:
        """Columns no story covers."""
        return [c.id for c in self.columns if not c.stories]

    @property
    def thin(self) -> list[str]:
        """Columns exactly one story covers: one follow-up question away from a gap."""
        return [c.id for c in self.columns if len(c.stories) == 1]

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "company": self.company,
            "columns": [
                {"id": c.id, "name": c.name.get(lang), "stories": list(c.stories)}
                for c in self.columns
            ],
            "stories": [
                {"id": r.id, "title": r.title, "language": r.language, "covers": list(r.covers)}
                for r in self.rows
            ],
            "gaps": self.gaps,
            "thin": self.thin,
        }


def coverage(
    stories: Sequence[StoredStory], bank: Questions, company: str | None = None
) -> Coverage:
    """Against every competency, or against `company`'s published values."""
    tagged = [(s.story, story_tags(s.story, bank)) for s in stories]
    columns: list[tuple[str, Text, set[str]]] = []
    company_id = None
    if company:
        found = bank.company(company)
        company_id = found.id
        for value in found.values:
            columns.append((value.id, value.name, {*value.competencies, f"{found.id}:{value.id}"}))
    else:
        columns = [(c.id, c.name, {c.id}) for c in bank.competencies.values()]
    out_columns = []
    covers: dict[str, list[str]] = {story.id: [] for story, _ in tagged}
    for col_id, name, matches in columns:
        ids = tuple(story.id for story, tags in tagged if tags & matches)
        for sid in ids:
            covers[sid].append(col_id)
        out_columns.append(CoverageColumn(col_id, name, ids))
    rows = tuple(
        CoverageRow(story.id, story.title, story.language, tuple(covers[story.id]))
        for story, _ in tagged
    )
    return Coverage(company_id, tuple(out_columns), rows)
