"""Putting rendered output in place: staged in a temporary folder, then moved atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sysdesign.errors import CannotWriteError, UsageError


def refuse_overwrite(target: Path) -> UsageError:
    return UsageError(
        f"{target} already exists; pass --force to overwrite it / "
        f"{target} 파일이 이미 있습니다. 덮어쓰려면 --force를 주세요"
    )


def check_target(target: Path, *, force: bool) -> None:
    """Fail early, before any work, when the output may not be written."""
    if target.is_dir():
        raise UsageError(
            f"{target} is a directory; give a file name / {target}은(는) 폴더입니다. 파일 이름을 주세요"
        )
    if target.exists() and not force:
        raise refuse_overwrite(target)


@contextmanager
def staging_dir(target: Path) -> Iterator[Path]:
    """A temporary folder beside `target` (same file system, so the final move is atomic).

    It is removed afterwards whatever happens, so nothing is left behind. A folder that
    cannot be made raises `CannotWriteError` naming the target (exit 2).
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".sysdesign-", dir=target.parent))
    except OSError as exc:
        raise CannotWriteError(target, exc) from exc
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def place(staged: Path, target: Path, *, force: bool) -> None:
    """Move a staged file to `target` atomically; without `force`, never replace a file.

    Without `force` a hard link creates the target only if it does not exist (no window in
    which another writer's file could be clobbered); where links are not supported the
    existence check and `os.replace` are used.
    """
    try:
        if force:
            os.replace(staged, target)
            return
        try:
            os.link(staged, target)
        except FileExistsError:
            raise refuse_overwrite(target) from None
        except OSError:
            if target.exists():
                raise refuse_overwrite(target) from None
            os.replace(staged, target)
    except OSError as exc:
        raise CannotWriteError(target, exc) from exc


def write_output(target: Path, data: bytes, *, force: bool) -> None:
    """Write bytes to `target` through a staging folder."""
    check_target(target, force=force)
    with staging_dir(target) as tmp:
        staged = tmp / target.name
        staged.write_bytes(data)
        place(staged, target, force=force)
