"""Where bundled data and user state live."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_root() -> Path:
    """Bundled data: inside an installed wheel `sysdesign/_data`, in a checkout the repo root."""
    bundled = _PACKAGE / "_data"
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent


def bundled(folder: str) -> Path:
    """A bundled data folder: scenarios, rubrics, templates, designs or data."""
    return data_root() / folder


def home() -> Path:
    """All user state: `SYSDESIGN_HOME`, else the platform's user data dir for "sysdesign"."""
    env = os.environ.get("SYSDESIGN_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("sysdesign"))


def user_dir(folder: str) -> Path:
    return home() / folder


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write via a temp file in the same folder, then `replace`: never a half-written file.

    A target that cannot be written raises `CannotWriteError` naming it (exit 2).
    """
    from sysdesign.errors import CannotWriteError

    try:
        _atomic_write_bytes(target, data)
    except OSError as exc:
        raise CannotWriteError(target, exc) from exc


def write_cache_bytes(target: Path, data: bytes) -> None:
    """A cache file: written whole and swapped in (readers never see half of it), but not
    flushed to disk: after a crash it may be empty or cut short, and every cache reader
    rebuilds a file it cannot load. A first command writes several; each flush to disk costs
    milliseconds. Raises OSError (the callers skip a cache they cannot write)."""
    _atomic_write_bytes(target, data, durable=False)


def _exclusive_temp(target: Path) -> tuple[int, str]:
    """A new file beside `target`, created exclusively with mode 0600, as `tempfile.mkstemp`
    makes one (without importing `tempfile`, which costs every command a few milliseconds)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        path = target.parent / f".{target.name}.{os.urandom(6).hex()}"
        try:
            return os.open(path, flags, 0o600), str(path)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _atomic_write_bytes(target: Path, data: bytes, *, durable: bool = True) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _exclusive_temp(target)
    try:
        # the temporary file is 0600; give the result the mode an ordinary write would.
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_text(target: Path, text: str) -> None:
    atomic_write_bytes(target, text.encode("utf-8"))
