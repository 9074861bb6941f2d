"""One error hierarchy, caught once at the CLI entry point and mapped to exit codes."""

from __future__ import annotations

from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_VERDICT = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one input file, located as precisely as the YAML allows."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field_part = f" {self.path}:" if self.path else ""
        return f"{where}:{field_part} {self.message}"

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
        }


class SysdesignError(Exception):
    """Base of every error a user can cause; never shown as a traceback."""

    exit_code = EXIT_USAGE


class UsageError(SysdesignError):
    """The command line itself is wrong (bad option value, unknown id)."""


@dataclass
class InvalidInputError(SysdesignError):
    """An input file could not be read or does not validate."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class CannotWriteError(UsageError):
    """An output file or folder cannot be written (no permission, no space, not a folder)."""

    def __init__(self, target: object, exc: Exception) -> None:
        reason = getattr(exc, "strerror", None) or str(exc)
        super().__init__(f"cannot write {target}: {reason} / {target}에 쓸 수 없습니다: {reason}")


class StoreError(UsageError):
    """The history database cannot be used as it is (damaged, newer, read-only, disk full)."""


class UnreadableFileError(InvalidInputError):
    """The file is missing, not a file, or not UTF-8 text: it cannot be read at all."""


class MissingToolError(SysdesignError):
    """An external program (such as Graphviz's `dot`) is needed and not installed."""


class NotFoundError(SysdesignError):
    """A scenario, track, session or story id does not exist."""
