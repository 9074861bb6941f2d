"""The behavioural question bank: bundled `data/star/questions.yaml` plus the user's additions.

A user may add questions, competencies or companies in `$SYSDESIGN_HOME/star/*.yaml` (same
format); an entry with the same id replaces the bundled one. Every reference (a question's
competencies, a company value's competencies) is checked, with "did you mean".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sysdesign import paths
from sysdesign.errors import InvalidInputError, NotFoundError, Problem, UsageError
from sysdesign.yamlio import LoadedYaml, did_you_mean, read_yaml, validate_as

if TYPE_CHECKING:
    from sysdesign.models.story import Company, CompanyValue, Competency, Question, QuestionBank

QUESTIONS_FILE = "questions.yaml"


def bundled_questions_path() -> Path:
    return paths.bundled("data") / "star" / QUESTIONS_FILE


def user_question_files() -> list[Path]:
    folder = paths.user_dir("star")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


@dataclass
class Questions:
    """The merged question bank with look-ups by id."""

    competencies: dict[str, Competency] = field(default_factory=dict)
    companies: dict[str, Company] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)

    def competency(self, tag: str) -> Competency:
        try:
            return self.competencies[tag]
        except KeyError:
            raise UsageError(
                f"unknown competency {tag!r}{did_you_mean(tag, self.competencies)}; known: "
                f"{', '.join(self.competencies)} / 알 수 없는 역량입니다"
            ) from None

    def company(self, name: str) -> Company:
        """A company by id or name, case-insensitive."""
        key = name.strip().lower()
        for company in self.companies.values():
            if key in (company.id, company.name.lower()):
                return company
        known = list(self.companies)
        raise NotFoundError(
            f"no published values for company {name!r}{did_you_mean(key, known)}; known: "
            f"{', '.join(known) or '-'} (add your own in {paths.user_dir('star')}) / "
            "해당 회사의 공개된 가치 정보가 없습니다"
        )

    def question(self, question_id: str) -> Question:
        try:
            return self.questions[question_id]
        except KeyError:
            raise NotFoundError(
                f"no question {question_id!r}{did_you_mean(question_id, self.questions)}; see "
                "`sysdesign star questions` / 질문이 없습니다"
            ) from None

    def value_competencies(self, company: Company) -> set[str]:
        return {c for v in company.values for c in v.competencies}

    def select(
        self, *, company: str | None = None, competency: str | None = None
    ) -> list[Question]:
        """Questions probing `competency` and/or any competency `company`'s values map to."""
        chosen = list(self.questions.values())
        if competency:
            self.competency(competency)
            chosen = [q for q in chosen if competency in q.competencies]
        if company:
            wanted = self.value_competencies(self.company(company))
            chosen = [q for q in chosen if wanted & set(q.competencies)]
        return chosen

    def values_for(self, company: Company, competencies: Iterable[str]) -> list[CompanyValue]:
        """The company values a set of competencies speaks to."""
        tags = set(competencies)
        return [
            v
            for v in company.values
            if tags & set(v.competencies) or f"{company.id}:{v.id}" in tags
        ]


def _bank_problems(bank: QuestionBank, loaded: LoadedYaml, known: set[str]) -> list[Problem]:
    out: list[Problem] = []
    competencies = known | {c.id for c in bank.competencies}
    for group in ("competencies", "companies", "questions"):
        seen: set[str] = set()
        for i, item in enumerate(getattr(bank, group)):
            if item.id in seen:
                out.append(loaded.problem((group, i, "id"), f"duplicate id {item.id!r} / 중복 id"))
            seen.add(item.id)
    for qi, q in enumerate(bank.questions):
        for ci, tag in enumerate(q.competencies):
            if tag not in competencies:
                out.append(
                    loaded.problem(
                        ("questions", qi, "competencies", ci),
                        f"unknown competency {tag!r} / 알 수 없는 역량 {tag!r}"
                        + did_you_mean(tag, competencies),
                    )
                )
    for co, company in enumerate(bank.companies):
        seen_values: set[str] = set()
        for vi, value in enumerate(company.values):
            if value.id in seen_values:
                out.append(
                    loaded.problem(
                        ("companies", co, "values", vi, "id"),
                        f"duplicate id {value.id!r} / 중복 id {value.id!r}",
                    )
                )
            seen_values.add(value.id)
            for ci, tag in enumerate(value.competencies):
                if tag not in competencies:
                    out.append(
                        loaded.problem(
                            ("companies", co, "values", vi, "competencies", ci),
                            f"unknown competency {tag!r} / 알 수 없는 역량 {tag!r}"
                            + did_you_mean(tag, competencies),
                        )
                    )
    return out


def load_question_file(path: Path, known_competencies: Iterable[str] = ()) -> QuestionBank:
    """Read and check one question file; raise every problem in it, located."""
    from sysdesign.models.story import QuestionBank

    loaded = read_yaml(path)
    bank = validate_as(QuestionBank, loaded)
    problems = _bank_problems(bank, loaded, set(known_competencies))
    if problems:
        raise InvalidInputError(problems)
    return bank


def load_questions() -> Questions:
    """The bundled bank, then each user file on top of it."""
    from sysdesign.library import cached

    out = Questions()
    bundled = bundled_questions_path()
    for path in [bundled, *user_question_files()]:
        # The bundled file is checked on its own: its validated bank is cached on disk. A user
        # file is checked against the competencies before it, so it is read each time.
        bank = (
            cached(load_question_file, path, (__file__,))
            if path == bundled
            else load_question_file(path, out.competencies)
        )
        out.competencies.update((c.id, c) for c in bank.competencies)
        out.companies.update((c.id, c) for c in bank.companies)
        out.questions.update((q.id, q) for q in bank.questions)
    return out


def _bundled_question_ids(path: Path) -> tuple[str, ...]:
    return tuple(q.id for q in load_question_file(path).questions)


def question_ids() -> tuple[str, ...]:
    """Every question id, bundled first. With no user file, from a cache of the ids alone
    (`sysdesign next` then needs no model of the bank)."""
    if user_question_files():
        return tuple(questions().questions)
    from sysdesign.library import cached

    ids: tuple[str, ...] = cached(_bundled_question_ids, bundled_questions_path(), (__file__,))
    return ids


_CACHE: dict[str, Questions] = {}


def questions() -> Questions:
    """The question bank for the current `SYSDESIGN_HOME`, loaded once per process."""
    key = str(paths.home())
    if key not in _CACHE:
        _CACHE[key] = load_questions()
    return _CACHE[key]
