"""What a rule reports: a finding with its evidence, in Korean and English."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from sysdesign.messages import Message
from sysdesign.models.design_plain import Plain

if TYPE_CHECKING:
    from typing import TypeAlias

    from sysdesign.models.common import Text
    from sysdesign.models.design_plain import PlainText

    Said: TypeAlias = Text | PlainText | Message
    """A finding's text: a catalogue message, or a data file's text (a rubric's, a design's)."""


def __getattr__(name: str) -> Any:
    """`Said` at run time (for `isinstance`), built on first use: naming `Text` imports
    pydantic, which `check` does not otherwise need."""
    if name == "Said":
        from sysdesign.models.common import Text
        from sysdesign.models.design_plain import PlainText

        return Text | PlainText | Message
    raise AttributeError(name)


Severity = Literal["critical", "major", "minor"]
SEVERITY_RANK: dict[str, int] = {"critical": 3, "major": 2, "minor": 1}


def arrow(nodes: Iterable[str]) -> str:
    return " → ".join(nodes)


class Finding(Plain):
    """One problem in a design: which rule, how bad, where, why, how to fix, and the proof."""

    __slots__ = ("components", "evidence", "fix", "message", "rule", "severity", "why")
    rule: str
    severity: Severity
    components: tuple[str, ...]
    message: Said
    why: Said
    fix: Said
    evidence: tuple[Said, ...]

    def __init__(
        self,
        rule: str,
        severity: Severity,
        components: tuple[str, ...],
        message: Said,
        why: Said,
        fix: Said,
        evidence: tuple[Said, ...] = (),
    ) -> None:
        self.rule = rule
        self.severity = severity
        self.components = components
        self.message = message
        self.why = why
        self.fix = fix
        self.evidence = evidence

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


class Hit(Plain):
    """What a rule function yields; the registry adds the rule id and default severity."""

    __slots__ = ("components", "evidence", "fix", "message", "severity", "why")
    components: tuple[str, ...]
    message: Said
    why: Said
    fix: Said
    evidence: tuple[Said, ...]
    severity: Severity | None

    def __init__(
        self,
        components: tuple[str, ...],
        message: Said,
        why: Said,
        fix: Said,
        evidence: tuple[Said, ...] | None = None,
        severity: Severity | None = None,
    ) -> None:
        self.components = components
        self.message = message
        self.why = why
        self.fix = fix
        self.evidence = tuple() if evidence is None else evidence
        self.severity = severity
