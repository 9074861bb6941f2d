"""The rule library: one small function per rule id, registered with `@rule`.

A rule takes a `Context` and yields `Hit`s; the registry turns them into `Finding`s carrying
the rule id and its default severity (a hit may raise or lower it). Every module in this
package is imported on first use, so a new rule is one new file here plus its id in
`sysdesign.models.ids.RULE_IDS`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable

from sysdesign.design.context import Context
from sysdesign.design.findings import Finding, Hit, Severity
from sysdesign.models.design_plain import Plain

__all__ = ["RULES", "Context", "Finding", "Hit", "Rule", "RuleFn", "rule"]

RuleFn = Callable[[Context], list[Finding]]


class Rule(Plain):
    """A registered rule: callable on a Context, returning its findings."""

    __slots__ = ("doc", "fn", "id", "severity")
    id: str
    severity: Severity
    fn: Callable[[Context], Iterable[Hit]]
    doc: str

    def __init__(
        self,
        id: str,
        severity: Severity,
        fn: Callable[[Context], Iterable[Hit]],
        doc: str,
    ) -> None:
        self.id = id
        self.severity = severity
        self.fn = fn
        self.doc = doc

    def __call__(self, ctx: Context) -> list[Finding]:
        return [
            Finding(
                rule=self.id,
                severity=hit.severity or self.severity,
                components=hit.components,
                message=hit.message,
                why=hit.why,
                fix=hit.fix,
                evidence=hit.evidence,
            )
            for hit in self.fn(ctx)
        ]


RULES: dict[str, RuleFn] = {}


def rule(
    rule_id: str, *, severity: Severity
) -> Callable[[Callable[[Context], Iterable[Hit]]], Rule]:
    """Register a rule function under `rule_id` (which must be listed in models/ids.py)."""
    from sysdesign.models.ids import RULE_IDS

    if rule_id not in RULE_IDS:
        raise ValueError(f"rule id {rule_id!r} is not in sysdesign.models.ids.RULE_IDS")

    def register(fn: Callable[[Context], Iterable[Hit]]) -> Rule:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id!r} is registered twice")
        registered = Rule(rule_id, severity, fn, (fn.__doc__ or "").strip())
        RULES[rule_id] = registered
        return registered

    return register


def _load_all() -> None:
    # the rule modules beside this file, in name order (as pkgutil.iter_modules lists them,
    # without importing pkgutil at start-up)
    names = sorted(
        name[:-3]
        for folder in __path__
        for name in os.listdir(folder)
        if name.endswith(".py") and not name.startswith("_")
    )
    for name in names:
        importlib.import_module(f"{__name__}.{name}")


_load_all()
