"""Help, usage and error text in one language: the chosen one.

The commands' help strings are written "English. / 한국어." (a test keeps every one of them
bilingual); what a user sees is one half. The language comes from `--lang` on the command line,
else `SYSDESIGN_LANG`, else the locale (`sysdesign.i18n.resolve_lang`). Click's own words
("Usage:", "Options", "Show this message and exit.", "Error:", "Missing argument" …) are
translated here too, so a Korean screen carries no English scaffolding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from typer import _click

from sysdesign.i18n import pick as i18n_pick

_HANGUL = re.compile(r"[\uac00-\ud7a3]")


_current: list[str] = []  # a stack: the language of the command line being run

# Click's and Typer's own words, in Korean.
_KO: dict[str, str] = {
    "Usage: ": "사용법: ",
    "Options": "옵션",
    "Arguments": "인자",
    "Commands": "명령",
    "Show this message and exit.": "이 도움말을 보여 주고 끝냅니다.",
    "Show the version and exit.": "버전을 출력하고 끝냅니다.",
    "required": "필수",
    "default: {default}": "기본값: {default}",
    "env var: {var}": "환경 변수: {var}",
    "(dynamic)": "(실행 시 결정)",
    "Aborted!": "중단했습니다.",
    "Missing command.": "명령이 빠졌습니다.",
    "No such command {name!r}.": "없는 명령입니다: {name!r}",
}
# Click's error messages (English f-strings in the vendored click), as patterns.
_KO_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Missing argument '(.+)'\.$"), r"빠진 인자: '\1'"),
    (re.compile(r"^Missing option '(.+)'\.$"), r"빠진 옵션: '\1'"),
    (re.compile(r"^Missing parameter: (.+)$"), r"빠진 값: \1"),
    (re.compile(r"^No such option: (\S+)(.*)$"), r"없는 옵션: \1\2"),
    (re.compile(r"^Invalid value for (.+?): (.*)$"), r"\1의 값이 올바르지 않습니다: \2"),
    (re.compile(r"^Invalid value: (.*)$"), r"올바르지 않은 값: \1"),
    (re.compile(r"^Got unexpected extra arguments? \((.*)\)$"), r"예상하지 못한 인자: \1"),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), r"옵션 '\1'에는 값이 필요합니다."),
    (
        re.compile(r"^Option '(.+)' requires (\d+) arguments\.$"),
        r"옵션 '\1'에는 값 \2개가 필요합니다.",
    ),
    (re.compile(r"^(.+) is not one of (.+)\.$"), r"\1: 다음 중 하나여야 합니다: \2"),
    (re.compile(r"^'(.*)' is not a valid integer\.$"), r"'\1'은(는) 정수가 아닙니다."),
    (re.compile(r"^'(.*)' is not a valid float\.$"), r"'\1'은(는) 실수가 아닙니다."),
    (re.compile(r"^Did you mean (.+)\?$"), r"혹시 \1?"),
)


def lang_from_args(args: Sequence[str] | None) -> str:
    """The language a command line asks for: `--lang X` / `--lang=X`, else the environment."""
    from sysdesign.errors import SysdesignError
    from sysdesign.i18n import resolve_lang

    explicit: str | None = None
    items = list(args or ())
    for i, arg in enumerate(items):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(items):
            explicit = items[i + 1]
        elif arg.startswith("--lang="):
            explicit = arg.split("=", 1)[1]
    try:
        return resolve_lang(explicit)
    except SysdesignError:
        try:
            return resolve_lang(None)
        except SysdesignError:
            return "en"


def current() -> str:
    """The language of the command line being run (the environment's outside one)."""
    if _current:
        return _current[-1]
    return lang_from_args(None)


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Help and errors in `lang` while the block runs."""
    _current.append(lang)
    try:
        yield
    finally:
        _current.pop()


def pick(text: str, lang: str | None = None) -> str:
    """One language's half of an "English. / 한국어." text (`sysdesign.i18n.pick`), in the
    current language unless `lang` is given; click's own words translated."""
    lang = lang or current()
    if text and not _HANGUL.search(text) and lang == "ko":
        return _KO.get(text, text)
    return i18n_pick(text, lang)


def word(text: str) -> str:
    """Click's own word or sentence in the current language."""
    return _KO.get(text, text) if current() == "ko" else text


_LOCATION = re.compile(r"^([^\s:]+(?::\d+){0,2}):\s")
_SALIENT = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|(?<!\S)--[a-z][\w-]*")


def _keep_details(message: str, lang: str) -> str:
    """The `lang` half of a bilingual error, keeping what only the English half named: the file
    (and line) it starts with, and quoted values, ids and flags."""
    picked = pick(message, lang)
    if lang != "ko" or picked == message:
        return picked
    english = pick(message, "en")
    head = ""
    m = _LOCATION.match(english)
    if m and m.group(1) not in picked:
        head = m.group(1) + ": "
    missing = [t for t in dict.fromkeys(_SALIENT.findall(english)) if t not in picked]
    tail = f" ({', '.join(missing)})" if missing else ""
    return f"{head}{picked}{tail}"


def error_text(message: str) -> str:
    """An error message in the current language: our bilingual ones picked (keeping the file,
    ids and values the other half named), click's translated."""
    picked = _keep_details(message, current())
    if current() != "ko" or _HANGUL.search(picked):
        return picked
    for pattern, replacement in _KO_ERRORS:
        if pattern.match(picked):
            return pattern.sub(replacement, picked)
    return picked


class Formatter(_click.HelpFormatter):
    """Click's help formatter, writing one language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, word("Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(word(heading))

    def write_text(self, text: str) -> None:
        super().write_text(pick(text))

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl([(a, pick(b)) for a, b in rows], col_max, col_spacing)


def _gettext(message: str) -> str:
    return word(message)


def _show(self: Any, file: Any = None) -> None:
    """`ClickException.show` / `UsageError.show` in the current language."""
    import sys

    stream = file or sys.stderr
    ctx = getattr(self, "ctx", None)
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            option = ctx.help_option_names[0]
            hint = (
                f"도움말: '{ctx.command_path} {option}'\n"
                if current() == "ko"
                else f"Try '{ctx.command_path} {option}' for help.\n"
            )
        _click.echo(f"{ctx.get_usage()}\n{hint}", file=stream, color=None)
    prefix = "오류" if current() == "ko" else "Error"
    _click.echo(f"{prefix}: {error_text(self.format_message())}", file=stream, color=None)


_installed: list[bool] = []


def install() -> None:
    """Route click's help formatting and error display through this module (once)."""
    if _installed:
        return
    _installed.append(True)
    import typer.core

    _click.Context.formatter_class = Formatter
    typer.core._ = _gettext  # type: ignore[attr-defined]
    from typer._click import exceptions

    exceptions.ClickException.show = _show  # type: ignore[method-assign]
    exceptions.UsageError.show = _show  # type: ignore[method-assign]
