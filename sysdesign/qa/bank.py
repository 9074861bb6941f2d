"""The technical-question bank: `data/qa/<topic>.yaml`, one file per topic.

Bundled topic files and the user's own (`$SYSDESIGN_HOME/qa/<topic>.yaml`) load through the same
loader as every other data file (`library.load_qa_topic`), so a bad file reports
`file:line:col: field: message`. A user file for a topic replaces the bundled one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sysdesign import paths
from sysdesign.errors import NotFoundError, UsageError
from sysdesign.library import load_qa_topics, qa_chain_depths
from sysdesign.yamlio import did_you_mean

if TYPE_CHECKING:
    from sysdesign.models.qa import QaQuestion, QaTopicFile


@dataclass(frozen=True)
class BankEntry:
    """One question with where it sits in the bank."""

    topic: str
    question: QaQuestion
    depth: int  # questions in its longest follow-up chain, itself included


@dataclass
class QaBank:
    """Every topic file available, bundled first, then the user's own."""

    topics: dict[str, QaTopicFile] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    depths: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, topic: QaTopicFile, path: Path) -> None:
        self.topics[topic.topic] = topic
        self.sources[topic.topic] = path
        self.depths[topic.topic] = qa_chain_depths(topic)

    def topic(self, name: str) -> QaTopicFile:
        from sysdesign.models.qa import QA_TOPICS

        if name not in QA_TOPICS:
            raise UsageError(
                f"unknown topic {name!r}{did_you_mean(name, QA_TOPICS)}; choose one of "
                f"{', '.join(QA_TOPICS)} / 알 수 없는 주제 {name!r}: {', '.join(QA_TOPICS)} 중 "
                "하나를 고르세요"
            )
        try:
            return self.topics[name]
        except KeyError:
            raise NotFoundError(
                f"the question bank has no questions on {name!r} yet; topics with questions: "
                f"{', '.join(self.topics) or '-'} / 주제 {name!r}에 대한 질문은 아직 없습니다. "
                f"질문이 있는 주제: {', '.join(self.topics) or '-'}"
            ) from None

    def entries(self, topic: str | None = None) -> list[BankEntry]:
        """Questions in bank order (topic order of QA_TOPICS, then file order)."""
        from sysdesign.models.qa import QA_TOPICS

        names = [topic] if topic is not None else [t for t in QA_TOPICS if t in self.topics]
        out: list[BankEntry] = []
        for name in names:
            t = self.topic(name)
            out += [BankEntry(name, q, self.depths[name][q.id]) for q in t.questions]
        return out

    def question(self, topic: str, question_id: str) -> QaQuestion:
        t = self.topic(topic)
        for q in t.questions:
            if q.id == question_id:
                return q
        ids = [q.id for q in t.questions]
        raise NotFoundError(
            f"no question {question_id!r} in topic {topic!r}{did_you_mean(question_id, ids)} / "
            f"주제 {topic!r}에 질문 {question_id!r}, 없습니다"
        )


def load_qa_bank() -> QaBank:
    """Load every topic file; the first invalid file stops with its problems located."""
    bank = QaBank()
    for topic, path in load_qa_topics():
        bank.add(topic, path)
    return bank


_CACHE: dict[str, QaBank] = {}


def qa_bank() -> QaBank:
    """The bank for the current `SYSDESIGN_HOME`, loaded once per process."""
    key = str(paths.home())
    if key not in _CACHE:
        _CACHE[key] = load_qa_bank()
    return _CACHE[key]


def list_rows(bank: QaBank, lang: str, topic: str | None = None) -> list[dict[str, Any]]:
    """`qa list`: id, topic, level, whether it opens a round, the question, its chain depth."""
    return [
        {
            "id": e.question.id,
            "topic": e.topic,
            "level": e.question.level,
            "root": e.question.root,
            "question": e.question.question.get(lang),
            "depth": e.depth,
            "follow_ups": [f.ask for f in e.question.follow_ups],
        }
        for e in bank.entries(topic)
    ]
