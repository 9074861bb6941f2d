"""Safe YAML with line numbers, and pydantic validation errors mapped back onto them.

Errors read `file:line:col: path.to.field: message`, with "Did you mean …?" where a close
match exists. Only safe YAML is read: `!!python/...` tags are refused.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import stat
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sysdesign.errors import InvalidInputError, Problem, UnreadableFileError

if typing.TYPE_CHECKING:
    from pydantic import BaseModel

Loc = tuple[str | int, ...]
M = TypeVar("M", bound="BaseModel")


@dataclass
class LoadedYaml:
    """A YAML document plus where each value (and each mapping key) starts in the file."""

    file: str
    data: Any
    value_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    #: Keys of a `{…}` mapping written without a value, which are the tail of the value before
    #: them cut at an unquoted comma → that pair, quoted (`label: "Postgres (posts, follows)"`).
    flow_splits: dict[Loc, str] = field(default_factory=dict)

    def mark(self, loc: Loc, *, key: bool = False) -> tuple[int | None, int | None]:
        """The line and column of `loc`, or of its nearest located ancestor."""
        probe = tuple(loc)
        if key and probe in self.key_marks:
            return self.key_marks[probe]
        while True:
            if probe in self.value_marks:
                return self.value_marks[probe]
            if not probe:
                return (None, None)
            probe = probe[:-1]

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        line, col = self.mark(loc, key=key)
        return Problem(self.file, line, col, format_loc(loc), message)


def format_loc(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    """' (did you mean X?)' when a close match exists, else ''."""
    matches = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {matches[0]!r}? / 혹시 {matches[0]!r}?)" if matches else ""


# YAML 1.1 reads `5:1` and `1:30` as base-60 integers (301, 90): a ratio written in a design's
# estimates would be read as 301 reads per write. These stay strings (as in YAML 1.2), for the
# unit parsers to read.
_BASE_60 = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_LOADER: list[Any] = []


def _loader_class() -> Any:
    if _LOADER:
        return _LOADER[0]
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc,valid-type]
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if (
                kind is yaml.ScalarNode
                and implicit[0]
                and ":" in value
                and _BASE_60.fullmatch(value)
            ):
                return "tag:yaml.org,2002:str"
            return super().resolve(kind, value, implicit)

    _LOADER.append(Loader)
    return Loader


# Far beyond any real scenario, rubric, design or story (a few levels, tens of thousands of
# values), far below Python's recursion limit and what a user would wait for: past them a
# file is refused with its line instead of crashing (deep nesting) or hanging (aliases that
# expand exponentially, "billion laughs").
MAX_DEPTH = 100
MAX_VALUES = 1_000_000


def _too_big(out: LoadedYaml, node: Any, loc: Loc, message: str) -> InvalidInputError:
    mark = node.start_mark
    return InvalidInputError(
        [Problem(out.file, mark.line + 1, mark.column + 1, format_loc(loc), message)]
    )


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _offsets(text: str) -> list[int]:
    """Where each line of `text` starts (for turning marks back into text)."""
    starts = [0]
    find = text.find
    at = find("\n")
    while at >= 0:  # a C-level search per line, not a Python step per character
        starts.append(at + 1)
        at = find("\n", at + 1)
    return starts


def _flow_splits(node: Any, loc: Loc, out: LoadedYaml, text: str, starts: list[int]) -> None:
    """Record, for each valueless key in a flow mapping, the pair it was cut from."""
    import yaml

    def at(mark: Any) -> int:
        return starts[mark.line] + mark.column if mark.line < len(starts) else len(text)

    anchor: tuple[str, Any] | None = None
    run: list[Loc] = []
    for key_node, value_node in node.value:
        bare = (
            isinstance(value_node, yaml.ScalarNode)
            and value_node.tag == "tag:yaml.org,2002:null"
            and value_node.value == ""
            and isinstance(key_node, yaml.ScalarNode)
            and not key_node.style
        )
        if bare and anchor is not None:
            run.append((*loc, str(key_node.value)))
            fragment = text[at(anchor[1].start_mark) : at(key_node.end_mark)]
            pair = f"{anchor[0]}: {_quoted(fragment.strip())}"
            for key in run:
                out.flow_splits[key] = pair
        elif not bare:
            anchor = (str(key_node.value), value_node)
            run = []


_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
# No number in a scenario, rubric, design or story comes near 10^24 (the largest bundled one is
# 2^64 ≈ 1.8 × 10^19); past it a number is a typo or an attack, and products of such numbers
# could overflow. Checked on the text, before Python builds the value (a 5,000-digit integer
# would otherwise hit Python's own int-string limit inside the YAML constructor). Fields with
# a tighter sane range (replicas, shards) bound themselves in their models.
MAX_NUMBER = 10**24
_DIGITS = re.compile(r"[0-9a-fA-F]")


def number_problem(text: str, is_int: bool) -> str | None:
    """Why a YAML number is refused (not finite, or beyond ±10^18), or None."""
    raw = text.replace("_", "").strip()
    too_big = (
        f"number {raw[:20]}{'…' if len(raw) > 20 else ''} is too large: at most 10^24 / "
        "숫자가 너무 큽니다: 10^24 이하만 쓸 수 있습니다"
    )
    if is_int:
        if len(_DIGITS.findall(raw)) > 40:  # far past 10^18 in any base
            return too_big
        try:
            value = int(raw, 0) if not re.fullmatch(r"[-+]?0[0-7]+", raw) else int(raw, 8)
        except ValueError:
            return None  # sexagesimal and other YAML 1.1 forms: left to the constructor
        return too_big if abs(value) > MAX_NUMBER else None
    low = raw.lower()
    if "nan" in low or "inf" in low:
        return (
            f"{raw} is not a finite number / 유한한 숫자가 아닙니다: {raw}"
            if len(raw) < 20
            else "not a finite number / 유한한 숫자가 아닙니다"
        )
    try:
        number = float(low)
    except ValueError:
        return None
    if not math.isfinite(number) or abs(number) > MAX_NUMBER:
        return too_big
    return None


def _expanded_size(node: Any, memo: dict[int, int], depth: int) -> int:
    """How many values the document holds once aliases are expanded, counted once per node
    (an alias repeats a node object), so "billion laughs" is measured without expanding it."""
    known = memo.get(id(node))
    if known is not None:
        return known
    if depth > MAX_DEPTH:  # `_walk` reports the nesting itself
        return 1
    total = 1
    value = node.value
    if isinstance(value, list):
        for item in value:
            if isinstance(item, tuple):
                total += _expanded_size(item[0], memo, depth + 1)
                total += _expanded_size(item[1], memo, depth + 1)
            else:
                total += _expanded_size(item, memo, depth + 1)
            if total > MAX_VALUES:
                break
    memo[id(node)] = total
    return total


def _walk(
    node: Any,
    loc: Loc,
    out: LoadedYaml,
    problems: list[Problem],
    seen_values: list[int],
    source: tuple[str, list[int]] | None = None,
) -> None:
    import yaml

    seen_values[0] += 1
    if len(loc) > MAX_DEPTH:
        raise _too_big(
            out,
            node,
            loc,
            f"nested more than {MAX_DEPTH} levels deep / {MAX_DEPTH}단계보다 깊게 중첩되었습니다",
        )
    if seen_values[0] > MAX_VALUES:
        raise _too_big(
            out,
            node,
            loc,
            f"more than {MAX_VALUES:,} values once aliases are expanded / "
            f"별칭(alias)을 펼치면 값이 {MAX_VALUES:,}개를 넘습니다",
        )
    out.value_marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        if node.tag in (_INT_TAG, _FLOAT_TAG):
            message = number_problem(node.value, node.tag == _INT_TAG)
            if message:
                mark = node.start_mark
                problems.append(
                    Problem(out.file, mark.line + 1, mark.column + 1, format_loc(loc), message)
                )
        return
    if isinstance(node, yaml.MappingNode):
        if node.flow_style and source is not None:
            _flow_splits(node, loc, out, *source)
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = (*loc, key)
            mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in seen:
                problems.append(
                    Problem(
                        out.file,
                        mark[0],
                        mark[1],
                        format_loc(child),
                        "duplicate key / 중복된 키",
                    )
                )
            seen.add(key)
            out.key_marks[child] = mark
            _walk(value_node, child, out, problems, seen_values, source)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), out, problems, seen_values, source)


def parse_yaml(text: str, file: str) -> LoadedYaml:
    """Parse one YAML document safely; raise InvalidInputError naming the line on failure."""
    import yaml
    import yaml.reader

    nul = text.find("\x00")
    if nul >= 0:
        nul_line, nul_col = line_col(text, nul)
        raise InvalidInputError([Problem(file, nul_line, nul_col, "", _reader_message("\x00"))])
    loader = _loader_class()(text)
    out = LoadedYaml(file=file, data=None)
    problems: list[Problem] = []
    try:
        node = loader.get_single_node()
        if node is None:
            raise InvalidInputError(
                [Problem(file, 1, 1, "", "the file is empty / 파일이 비어 있습니다")]
            )
        # Only an alias (`*name`) repeats values; without one the walk below counts them.
        if "*" in text and _expanded_size(node, {}, 0) > MAX_VALUES:
            raise _too_big(
                out,
                node,
                (),
                f"more than {MAX_VALUES:,} values once aliases are expanded / "
                f"별칭(alias)을 펼치면 값이 {MAX_VALUES:,}개를 넘습니다",
            )
        _walk(node, (), out, problems, [0], (text, _offsets(text)))
        if problems:
            raise InvalidInputError(problems)
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as exc:
        at_line, at_col = line_col(text, exc.position)
        raise InvalidInputError(
            [Problem(file, at_line, at_col, "", _reader_message(exc.character))]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        what = exc.problem or exc.context or "invalid YAML"
        if "python/" in str(exc):
            what = f"unsafe YAML tag refused ({what}) / 안전하지 않은 YAML 태그는 읽지 않습니다"
        else:
            what = f"invalid YAML: {what} / 잘못된 YAML" + _colon_hint(text, mark)
        raise InvalidInputError([Problem(file, line, col, "", what)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise InvalidInputError(
            [Problem(file, None, None, "", f"invalid YAML: {exc} / 잘못된 YAML")]
        ) from None
    except RecursionError:  # nesting deeper than the parser itself can follow
        raise InvalidInputError(
            [Problem(file, 1, 1, "", "nested too deeply / 너무 깊게 중첩되었습니다")]
        ) from None
    finally:
        loader.dispose()
    out.data = data
    return out


HINT_WINDOW = 240  # characters before the colon searched for the key and value to quote
_FLOW_PAIR = re.compile(r"([A-Za-z0-9_-]+(?:\s*(?:->|→)\s*[A-Za-z0-9_-]+)*)\s*:\s+([^,{}\[\]]*)$")


def _colon_hint(text: str, mark: Any) -> str:
    """Inside `{…}`, a value with an unquoted ': ' stops the parser; name the pair to quote."""
    if mark is None:
        return ""
    lines = text.splitlines()
    if mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    head, tail = line[: mark.column], line[mark.column :]
    if not tail.startswith(":"):
        return ""
    # a bounded window: the pattern backtracks quadratically on a very long key
    found = _FLOW_PAIR.search(head.rstrip()[-HINT_WINDOW:])
    if found is None:
        return ""
    rest = re.split(r"[,}]", tail, maxsplit=1)[0] if "{" in head else tail
    value = (found.group(2) + rest).strip()
    pair = f"{found.group(1)}: {_quoted(value)}"
    return (
        f"; a ': ' inside a value ends it: quote the value, {pair} / "
        f"값 안에 ': '가 있으면 값이 끊깁니다. 값을 따옴표로 감싸세요: {pair}"
    )


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at `index`."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def _reader_message(character: object) -> str:
    code = ord(character) if isinstance(character, str) and len(character) == 1 else None
    if code == 0:
        return (
            "NUL character: the file is binary or UTF-16; save it as UTF-8 text / "
            "NUL 문자가 있습니다: 바이너리이거나 UTF-16 파일입니다. UTF-8 텍스트로 저장하세요"
        )
    shown = f"U+{code:04X}" if code is not None else repr(character)
    return (
        f"control character {shown} is not allowed in YAML / "
        f"YAML에 쓸 수 없는 제어 문자입니다: {shown}"
    )


DEFAULT_MAX_INPUT_MB = 5.0
MAX_INPUT_ENV = "SYSDESIGN_MAX_INPUT_MB"


def max_input_bytes() -> int:
    """The size cap on one input file: SYSDESIGN_MAX_INPUT_MB megabytes (default 5)."""
    raw = os.environ.get(MAX_INPUT_ENV, "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_MAX_INPUT_MB
    except ValueError:
        mb = DEFAULT_MAX_INPUT_MB
    if not math.isfinite(mb) or mb <= 0:
        mb = DEFAULT_MAX_INPUT_MB
    return int(min(mb, 1e6) * 1_000_000)


def _unreadable(path: Path, message: str) -> UnreadableFileError:
    return UnreadableFileError([Problem(str(path), None, None, "", message)])


# Every input file this process has read, by (device, inode): an output may never replace one
# (`diagram d.yaml -o ./x/../d.yaml --force` would otherwise overwrite the design it draws).
INPUTS_READ: set[tuple[int, int]] = set()


def read_input_bytes(path: Path) -> bytes:
    """The bytes of an input file, refusing before reading anything that is not a regular
    file (a FIFO would block forever, /dev/zero never ends) or is larger than the cap."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise _unreadable(path, "no such file / 파일이 없습니다") from None
    except IsADirectoryError:
        raise _unreadable(
            path, "cannot read: a folder, not a file / 읽을 수 없습니다: 파일이 아니라 폴더입니다"
        ) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise _unreadable(path, f"cannot read: {reason} / 읽을 수 없습니다") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _unreadable(
                path,
                "cannot read: a folder, not a file / 읽을 수 없습니다: 파일이 아니라 폴더입니다",
            )
        if not stat.S_ISREG(info.st_mode):
            raise _unreadable(
                path,
                "cannot read: not a regular file (a pipe, socket or device); give a file / "
                "읽을 수 없습니다: 일반 파일이 아닙니다(파이프, 소켓, 장치). 파일을 주세요",
            )
        cap = max_input_bytes()
        too_big = _unreadable(
            path,
            f"larger than {cap / 1e6:g} MB; no design, scenario, rubric or story is that big "
            f"(raise the limit with {MAX_INPUT_ENV}) / {cap / 1e6:g}MB보다 큽니다. 한도는 "
            f"{MAX_INPUT_ENV}로 바꿀 수 있습니다",
        )
        if info.st_size > cap:
            raise too_big
        INPUTS_READ.add((info.st_dev, info.st_ino))
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= cap:
            chunk = os.read(fd, min(1 << 20, cap + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > cap:
            raise too_big
        return b"".join(chunks)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise _unreadable(path, f"cannot read: {reason} / 읽을 수 없습니다") from None
    finally:
        os.close(fd)


def read_input_text(path: Path) -> str:
    """An input file as UTF-8 text; a byte that is not UTF-8 is reported by line:column."""
    data = read_input_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start].decode("utf-8", "replace")
        line, col = line_col(head, len(head))
        utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
        hint = "UTF-16 text" if utf16 else "not UTF-8 text"
        raise UnreadableFileError(
            [
                Problem(
                    str(path),
                    line,
                    col,
                    "",
                    f"cannot read: the file is {hint} (byte 0x{data[exc.start]:02x}); save it "
                    "as UTF-8 / 읽을 수 없습니다: UTF-8 파일이 아닙니다. UTF-8로 저장하세요",
                )
            ]
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_yaml(path: Path) -> LoadedYaml:
    return parse_yaml(read_input_text(path), str(path))


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types behind Optional/Union/Annotated."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin is typing.Union or origin is types.UnionType:
        result: list[Any] = []
        for arg in typing.get_args(tp):
            result.extend(_unwrap(arg))
        return result
    return [tp]


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names a model accepts at `loc` (used for "did you mean")."""
    from pydantic import BaseModel

    current: list[Any] = [model]
    for part in loc:
        nxt: list[Any] = []
        for tp in current:
            for concrete in _unwrap(tp):
                origin = typing.get_origin(concrete)
                if isinstance(concrete, type) and issubclass(concrete, BaseModel):
                    info = concrete.model_fields.get(str(part))
                    if info is None:
                        for f in concrete.model_fields.values():
                            if f.alias == part:
                                info = f
                    if info is not None:
                        nxt.append(info.annotation)
                elif origin in (list, tuple) and isinstance(part, int):
                    nxt.extend(typing.get_args(concrete)[:1])
                elif origin is dict:
                    nxt.extend(typing.get_args(concrete)[1:2])
        current = nxt
    names: list[str] = []
    for tp in current:
        for concrete in _unwrap(tp):
            if isinstance(concrete, type) and issubclass(concrete, BaseModel):
                names.extend(f.alias or n for n, f in concrete.model_fields.items())
    return names


# Korean for pydantic's own (English-only) messages, by error type; the English stays first.
_KO_BY_TYPE = {
    "literal_error": "허용된 값 중 하나여야 합니다",
    "enum": "허용된 값 중 하나여야 합니다",
    "string_type": "문자열이어야 합니다",
    "int_type": "정수여야 합니다",
    "int_parsing": "정수여야 합니다",
    "int_from_float": "정수여야 합니다",
    "float_type": "숫자여야 합니다",
    "float_parsing": "숫자여야 합니다",
    "bool_type": "true 또는 false여야 합니다",
    "bool_parsing": "true 또는 false여야 합니다",
    "list_type": "목록이어야 합니다",
    "dict_type": "매핑(키: 값)이어야 합니다",
    "model_type": "매핑(키: 값)이어야 합니다",
    "model_attributes_type": "매핑(키: 값)이어야 합니다",
    "greater_than": "값이 너무 작습니다",
    "greater_than_equal": "값이 너무 작습니다",
    "less_than": "값이 너무 큽니다",
    "less_than_equal": "값이 너무 큽니다",
    "too_short": "너무 짧습니다",
    "too_long": "너무 깁니다",
    "string_too_short": "너무 짧습니다",
    "string_too_long": "너무 깁니다",
    "string_pattern_mismatch": "형식이 맞지 않습니다",
}


def bilingual_message(err: Any) -> str:
    """One pydantic error's message with Korean after the English (the messages our own
    validators raise are bilingual already)."""
    if err["type"] == "value_error":
        return str(err["msg"])
    return f"{err['msg']} / {_KO_BY_TYPE.get(err['type'], '올바르지 않은 값입니다')}"


def _data_loc(data: Any, raw: Loc) -> Loc:
    """Pydantic's error location with the union-branch tags it inserts (`Component`, `str`,
    `function-before[…]`) dropped: a part is kept when it names a key or index of the data there,
    so a user's own key keeps its name whatever its case."""
    out: list[str | int] = []
    current: Any = data
    for part in raw:
        in_data = (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        )
        if in_data:
            out.append(part)
            current = current[part]
            continue
        tag = (isinstance(part, str) and part[:1].isupper()) or "[" in str(part)
        if not tag and part not in ("str", "int", "float", "bool", "list", "dict"):
            out.append(part)
            current = None
    return tuple(out)


def validation_problems(model: type[BaseModel], loaded: LoadedYaml, exc: Any) -> list[Problem]:
    """Turn a pydantic ValidationError into located problems."""
    problems: list[Problem] = []
    seen: set[tuple[Loc, str]] = set()
    for err in exc.errors(include_url=False):
        loc = _data_loc(loaded.data, err["loc"])
        kind = err["type"]
        if kind == "extra_forbidden":
            parent, name = loc[:-1], loc[-1]
            msg = "unknown key / 알 수 없는 키" + did_you_mean(str(name), _fields_at(model, parent))
            if loc in loaded.flow_splits:
                pair = loaded.flow_splits[loc]
                msg += (
                    f"; an unquoted comma inside {{…}} split a value: quote the label: {pair} / "
                    f"{{…}} 안에서 따옴표 없는 쉼표가 값을 나눴습니다. 따옴표로 감싸세요: {pair}"
                )
            key = True
        elif kind == "missing":
            msg = "required field missing / 필수 항목이 없습니다"
            key = False
        else:
            msg = bilingual_message(err)
            key = False
        if (loc, msg) in seen:
            continue
        seen.add((loc, msg))
        problems.append(loaded.problem(loc, msg, key=key))
    return problems


def validate_as(model: type[M], loaded: LoadedYaml) -> M:
    """Validate the loaded data as `model`, raising located problems."""
    from pydantic import ValidationError

    try:
        return model.model_validate(loaded.data, context={"yaml": loaded})
    except ValidationError as exc:
        raise InvalidInputError(validation_problems(model, loaded, exc)) from None
