"""What a rule reports: a finding with its evidence, in Korean and English."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from sysdesign.messages import Message

if TYPE_CHECKING:
    from typing import TypeAlias

    from sysdesign.models.common import Text
    from sysdesign.models.design_plain import PlainText

    Said: TypeAlias = Text | PlainText | Message
    """A finding's text: a catalogue message, or a data file's text (a rubric's, a design's)."""

Severity = Literal["critical", "major", "minor"]
SEVERITY_RANK: dict[str, int] = {"critical": 3, "major": 2, "minor": 1}


def arrow(nodes: Iterable[str]) -> str:
    return " → ".join(nodes)


@dataclass(frozen=True)
class Finding:
    """One problem in a design: which rule, how bad, where, why, how to fix, and the proof."""

    rule: str
    severity: Severity
    components: tuple[str, ...]
    message: Said
    why: Said
    fix: Said
    evidence: tuple[Said, ...] = ()

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "components": list(self.components),
            "message": self.message.get(lang),
            "why": self.why.get(lang),
            "fix": self.fix.get(lang),
            "evidence": [e.get(lang) for e in self.evidence],
        }

    def at_least(self, severity: str) -> bool:
        return SEVERITY_RANK[self.severity] >= SEVERITY_RANK[severity]


@dataclass(frozen=True)
class Hit:
    """What a rule function yields; the registry adds the rule id and default severity."""

    components: tuple[str, ...]
    message: Said
    why: Said
    fix: Said
    evidence: tuple[Said, ...] = field(default_factory=tuple)
    severity: Severity | None = None
