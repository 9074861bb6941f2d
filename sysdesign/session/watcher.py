"""The design watcher: the session's design file, re-read when it changes, checked, recorded.

`DesignWatcher.poll()` records a `design_saved` event when the file's content changed (an
invalid file is recorded with its problems, and the last good design is kept); the other
methods say what the UI shows about the design.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sysdesign.messages import Message, message
from sysdesign.session import events as ev
from sysdesign.session.events import Event, Msg, SessionState, msg

if TYPE_CHECKING:
    from sysdesign.models.design import Design
    from sysdesign.models.rubric import Rubric
    from sysdesign.models.scenario import Scenario


@dataclass(frozen=True)
class DesignStatus:
    """The live design as the UI shows it."""

    path: str | None
    valid: bool | None
    counts: dict[str, int]
    problems: list[str]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def findings_of(design: Design, scenario: Scenario, rubric: Rubric | None = None) -> list[Any]:
    """The findings of `check` on a design, most severe first."""
    from sysdesign.check import check_design

    return list(check_design(design, scenario.id, rubric=rubric).findings)


def _save_sha(save: ev.DesignSave) -> str | None:
    if save.sha:
        return save.sha
    if save.text is not None:
        return _sha(save.text)
    return None


class DesignWatcher:
    """Watches one session's design file; `emit` records an event in the session's store."""

    def __init__(
        self,
        state: SessionState,
        scenario: Scenario,
        rubric: Rubric | None,
        emit: Callable[[str, dict[str, Any]], Event],
    ) -> None:
        self.state = state
        self.scenario = scenario
        self.rubric = rubric
        self.emit = emit
        self.mtime: float | None = None

    def watch(self, path: Path) -> None:
        """Follow `path` from now on (read at the next poll, whatever its time stamp)."""
        self.state.design_path = str(path.resolve())
        self.mtime = None

    def status(self) -> DesignStatus:
        last = self.state.designs[-1] if self.state.designs else None
        good = self.state.last_good_design()
        return DesignStatus(
            path=self.state.design_path,
            valid=None if last is None else last.valid,
            counts=dict(good.counts) if good else {},
            problems=list(last.problems) if last and not last.valid else [],
        )

    def finding_lines(self, limit: int = 12) -> list[Msg]:
        """The current design's findings, one line each: severity, rule, components, why and
        the fix."""
        design = self.current()
        if design is None:
            return []
        found = findings_of(design, self.scenario, self.rubric)
        lines = []
        for f in found[:limit]:
            where = f" ({', '.join(f.components[:4])})" if f.components else ""
            lines.append(
                msg(
                    "design",
                    "session.design.finding",
                    severity=message(f"common.severity.{f.severity}"),
                    rule=f.rule,
                    where=where,
                    message=f.message,
                    why=f.why,
                    fix=f.fix,
                )
            )
        if len(found) > limit:
            more = len(found) - limit
            lines.append(
                msg(
                    "design",
                    "session.design.more_sysdesign_check",
                    more=more,
                    design_path=self.state.design_path,
                )
            )
        return lines

    def line(self) -> Message:
        status = self.status()
        if status.path is None:
            return message("session.design.no_file_yet")
        if status.valid is False:
            return message("session.design.problems", n=len(status.problems))
        c = status.counts
        return message(
            "session.design.findings",
            total=sum(c.values()),
            critical=c.get("critical", 0),
            major=c.get("major", 0),
            minor=c.get("minor", 0),
        )

    def current(self) -> Design | None:
        from sysdesign.library import load_design_text

        good = self.state.last_good_design()
        if good is None or good.text is None:
            return None
        try:
            return load_design_text(good.text, good.path or "<design>")
        except Exception:  # a design that stopped validating under a newer model
            return None

    def poll(self, *, force: bool = False) -> list[Msg]:
        """Record the design file if it changed since the last record."""
        from sysdesign.errors import InvalidInputError, Problem, SysdesignError

        path_text = self.state.design_path
        if not path_text or self.state.status != "running":
            return []
        path = Path(path_text)
        try:
            mtime = path.stat().st_mtime
        except OSError:
            return []
        if not force and mtime == self.mtime:
            return []
        self.mtime = mtime
        from sysdesign.yamlio import read_input_text

        try:  # a FIFO or a device is refused, not read (it would block the session)
            text = read_input_text(path)
        except SysdesignError as exc:
            return [msg("error", "common.text", text=str(exc))]
        sha = _sha(text)
        last = self.state.designs[-1] if self.state.designs else None
        if last is not None and last.path == path_text and _save_sha(last) == sha:
            return []
        from sysdesign.library import load_design_text

        payload: dict[str, Any] = {"path": path_text, "sha": sha}
        try:
            design = load_design_text(text, str(path))
            found = findings_of(design, self.scenario, self.rubric)
        except (InvalidInputError, SysdesignError) as exc:
            if not isinstance(exc, InvalidInputError):
                exc = InvalidInputError([Problem(str(path), None, None, "", str(exc))])
            payload.update(
                valid=False,
                text=None,
                problems=[str(p) for p in exc.problems],
                counts={},
                rules=[],
            )
            self.emit(ev.DESIGN_SAVED, payload)
            lines = [msg("error", "session.design.the_design_file_does_not")]
            lines += [msg("error", "common.text", text=str(p)) for p in exc.problems[:5]]
            return lines
        counts = {
            sev: sum(1 for f in found if f.severity == sev)
            for sev in ("critical", "major", "minor")
        }
        payload.update(
            valid=True,
            text=text,
            problems=[],
            counts=counts,
            rules=list(dict.fromkeys(f.rule for f in found)),
        )
        self.emit(ev.DESIGN_SAVED, payload)
        return [msg("design", "session.design.saved", line=self.line())]
