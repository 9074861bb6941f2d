"""`check`'s output, remembered for a design file that has not changed.

Checking a design needs pydantic (the design, scenario and rubric models), the rules and rich:
together more than twice the start-up of any typer CLI. Run again on the same bytes, with the same
options, the same code, data and library files and the same terminal, `check` prints the same text
and exits with the same code; this cache replays both from `$SYSDESIGN_HOME/cache` without
importing any of them.

The key holds everything the output depends on: the file's bytes (SHA-256) and the path as given
(its stem names an unnamed design), the options, the package version and every source file's
size and mtime, the bundled data files, the scenario and rubric files (bundled and the user's,
as the library index sees them) and what rich reads to lay the output out (whether stdout is a
terminal, the terminal size, the encoding and the environment variables it consults). Only a
finished check is stored: an invalid design is validated, and refused, every time. One entry per
design path and options: a changed file replaces its entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from sysdesign import paths

FORMAT = "check-output/1"
PACKAGE = Path(__file__).resolve().parent.parent
# What rich consults to choose width, colours and whether stdout is a terminal.
RENDER_ENV = (
    "COLUMNS",
    "LINES",
    "TERM",
    "COLORTERM",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "TERM_PROGRAM",
    "WT_SESSION",
)


def _tree_stamp(folder: Path, suffixes: tuple[str, ...]) -> list[str]:
    """Name, size and mtime of every file under `folder` ending in one of `suffixes`."""
    out: list[str] = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(suffixes):
                st = os.stat(os.path.join(top, name))
                out.append(f"{top}/{name}|{st.st_size}|{st.st_mtime_ns}")
    return out


def _render_env() -> list[str]:
    """What the layout of the output depends on, read without importing rich."""
    size = ""
    for fd in (0, 1, 2):  # rich takes the first standard stream with a terminal size
        try:
            columns, lines = os.get_terminal_size(fd)
        except (AttributeError, ValueError, OSError):
            continue
        size = f"{columns}x{lines}"
        break
    try:
        tty = sys.stdout.isatty()
    except (AttributeError, ValueError):
        tty = False
    env = [f"{name}={os.environ[name]}" for name in RENDER_ENV if name in os.environ]
    return [f"tty={tty}", f"size={size}", f"encoding={getattr(sys.stdout, 'encoding', '')}", *env]


def _entry_file(design: Path, options: list[str]) -> Path:
    where = "\n".join([str(design.resolve()), *options])
    return paths.home() / "cache" / f"check-{hashlib.sha256(where.encode()).hexdigest()[:32]}.json"


def cache_key(design: Path, content: bytes, options: list[str]) -> str | None:
    """The key of one check's output, or None when it cannot be formed (a file vanished)."""
    from sysdesign import __version__
    from sysdesign.library import index_key

    try:
        parts = [
            FORMAT,
            __version__,
            sys.version,
            str(design),
            hashlib.sha256(content).hexdigest(),
            *options,
            *_tree_stamp(PACKAGE, (".py",)),
            *_tree_stamp(paths.bundled("data"), (".yaml", ".yml")),
            index_key(),
            *_render_env(),
        ]
    except OSError:
        return None
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def replay(design: Path, options: list[str], key: str) -> int | None:
    """Print the remembered output for `key` and return its exit code; None on a miss."""
    try:
        entry: Any = json.loads(_entry_file(design, options).read_text(encoding="utf-8"))
        if entry["key"] != key:
            return None
        text, code = entry["stdout"], entry["exit"]
        if not isinstance(text, str) or code not in (0, 1):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    sys.stdout.write(text)
    sys.stdout.flush()
    return int(code)


def remember(design: Path, options: list[str], key: str, text: str, code: int) -> None:
    """Store one check's output; a cache that cannot be written is skipped."""
    from sysdesign.errors import SysdesignError

    entry = {"key": key, "stdout": text, "exit": code}
    with contextlib.suppress(OSError, SysdesignError):
        paths.atomic_write_bytes(
            _entry_file(design, options), json.dumps(entry, ensure_ascii=False).encode()
        )
