"""Putting rendered output in place: staged in a temporary folder, then moved atomically."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sysdesign.errors import CannotWriteError, UsageError


def refuse_overwrite(target: Path) -> UsageError:
    return UsageError(
        f"{target} already exists; pass --force to overwrite it / "
        f"{target} 파일이 이미 있습니다. 덮어쓰려면 --force를 주세요"
    )


def _is_input(target: Path, info: os.stat_result, inputs: Iterable[Path]) -> bool:
    from sysdesign.yamlio import INPUTS_READ

    if (info.st_dev, info.st_ino) in INPUTS_READ:
        return True
    for source in inputs:
        try:
            if os.path.samefile(source, target):
                return True
        except OSError:
            continue
    return False


def check_target(target: Path, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Fail early, before any work, when the output may not be written.

    Only a regular file is ever replaced (with `--force`): a folder, a pipe, a device or a
    socket is refused, and so is any file the command reads (an input), whatever the path
    that names it.
    """
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:  # a name too long, a parent that is a file, no permission
        raise CannotWriteError(target, exc) from exc
    if info is None:
        return
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(
            f"{target} is a directory; give a file name / 폴더입니다. 파일 이름을 주세요: {target}"
        )
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(
            f"{target} is not a regular file (a pipe, device or socket); sysdesign writes only "
            f"regular files, even with --force / 일반 파일이 아닙니다(파이프, 장치, 소켓). "
            f"--force를 주어도 일반 파일에만 씁니다: {target}"
        )
    if _is_input(target, info, inputs):
        raise UsageError(
            f"{target} is an input of this command; give another output file (--force does not "
            f"overwrite an input) / 이 명령이 읽는 입력 파일입니다. 다른 출력 파일을 주세요"
            f"(--force로도 입력 파일은 덮어쓰지 않습니다): {target}"
        )
    if not force:
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
    check_target(target, force=True)  # again at the last moment: still a regular file, not an input
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
        staged = tmp / "output"
        try:
            staged.write_bytes(data)
        except OSError as exc:  # a full disk, a quota
            raise CannotWriteError(target, exc) from exc
        place(staged, target, force=force)
