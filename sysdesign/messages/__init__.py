"""The message catalogue: every sentence the code shows a user, by key, in every language.

Modules hold keys and parameters, not sentences. A catalogue module per area (`cli`, `session`,
`design`, `rubric`, `star`, `ui`, `output`, ...) maps each key to one template per language:

    "session.design_saved": {
        "en": "Design saved: {path}.",
        "ko": "{path|을/를} 저장했습니다.",
    },

One function renders a key: `render("session.design_saved", lang, path="chat.yaml")`; or keep a
`Message` (key + parameters) and render it late with `.get(lang)`.

Template fields:
- ``{name}`` the parameter as text; ``{name:spec}`` through `format` (``{share:.0%}``);
  ``{name!r}`` its `repr`.
- ``{name|을/를}`` the parameter followed by the Korean particle that fits it (`i18n.particle`:
  ``redis를``, ``db-1로``, ``API가``); any pair `i18n.particle` knows.
- ``{{`` and ``}}`` are literal braces.

A parameter that is itself bilingual (a data file's `Text`, a stored ``{en, ko}`` pair, another
`Message`) is shown in the language being rendered (English where it has no such language).

Adding a language means adding its template to every entry: nothing outside this package
changes. A test renders every key in a made-up language to prove it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Any

from sysdesign.i18n import particle

AREAS: tuple[str, ...] = (
    "common",
    "cli",
    "session",
    "ui",
    "qa",
    "progress",
    "star",
    "design",
    "rubric",
    "check",
    "output",
    "models",
    "estimate",
)
"""Catalogue modules of this package, one per area; a key starts with its area's name."""

FIELD = re.compile(
    r"\{\{|\}\}|\{(?P<name>[a-z_][a-z0-9_]*)(?:!(?P<conv>[rs]))?(?::(?P<spec>[^{}|]*))?"
    r"(?:\|(?P<josa>[^{}]+))?\}|[{}]"
)

Template = tuple[str | tuple[str, str, str, str], ...]
"""A parsed template: literal text and (name, conversion, spec, particle pair) fields."""


class CatalogueError(ValueError):
    """A template that cannot be parsed, or a key that is missing or defined twice."""


@cache
def _area(area: str) -> dict[str, dict[str, str]]:
    """The entries of one area's catalogue module; `KeyError` for an area not in `AREAS`."""
    if area not in AREAS:
        raise KeyError(area)
    if not isinstance(globals().get(area), ModuleType | None):
        # importing the submodule would replace this package's attribute of that name
        raise CatalogueError(f"area {area!r} has the name of a function of this package")
    module = importlib.import_module(f"{__name__}.{area}")
    entries: dict[str, dict[str, str]] = module.MESSAGES
    for key in entries:
        if not key.startswith(area + "."):
            raise CatalogueError(f"key {key!r} is in the {area!r} catalogue")
    return entries


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every key of every area, with its template per language."""
    merged: dict[str, dict[str, str]] = {}
    for area in AREAS:
        for key, templates in _area(area).items():
            if key in merged:
                raise CatalogueError(f"key {key!r} is defined twice")
            merged[key] = templates
    return merged


def _templates(key: str) -> dict[str, str]:
    """The templates of `key`. Until something asks for the whole catalogue, only the area of
    `key` is imported (`sysdesign estimate` starts without the others)."""
    if catalogue.cache_info().currsize:
        return catalogue()[key]
    return _area(key.partition(".")[0])[key]


def parse(template: str) -> Template:
    """`template` as literal parts and fields; `CatalogueError` for a stray brace or an unknown
    particle pair."""
    parts: list[str | tuple[str, str, str, str]] = []
    pos = 0
    for m in FIELD.finditer(template):
        parts.append(template[pos : m.start()])
        pos = m.end()
        token = m.group(0)
        if token in ("{{", "}}"):
            parts.append(token[0])
        elif token in ("{", "}"):
            raise CatalogueError(f"stray {token!r} in {template!r}")
        else:
            pair = m.group("josa") or ""
            if pair:
                particle("", pair)  # raises ValueError for an unknown pair
            parts.append((m.group("name"), m.group("conv") or "", m.group("spec") or "", pair))
    parts.append(template[pos:])
    return tuple(p for p in parts if p != "")


@cache
def _parsed(template: str) -> Template:
    return parse(template)


def params_of(template: str) -> frozenset[str]:
    """The parameter names `template` uses."""
    return frozenset(p[0] for p in parse(template) if isinstance(p, tuple))


def localised(value: object, lang: str) -> object:
    """`value` in `lang` when it is bilingual (a stored pair, a `Text`, a `Message`); English
    when it lacks `lang`."""
    if isinstance(value, dict) and "en" in value and set(value) <= {"en", "ko"}:
        return value.get(lang, value["en"])
    if isinstance(value, Message):
        return value.get(lang)
    if hasattr(value, "en") and hasattr(value, "ko"):
        return getattr(value, lang) if lang in ("en", "ko") else value.en
    return value


def render(key: str, lang: str, /, **params: Any) -> str:
    """The text of `key` in `lang` with `params` filled in.

    `KeyError` for an unknown key or a language the entry lacks (the catalogue test keeps every
    entry complete)."""
    template = _templates(key)[lang]
    out: list[str] = []
    for part in _parsed(template):
        if isinstance(part, str):
            out.append(part)
            continue
        name, conv, spec, pair = part
        value = localised(params[name], lang)
        if conv == "r":
            value = repr(value)
        elif conv == "s":
            value = str(value)
        text = format(value, spec)
        out.append(text + particle(text, pair) if pair else text)
    return "".join(out)


@dataclass(frozen=True)
class Message:
    """A catalogue key and its parameters, rendered when the language is known."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=True)

    def get(self, lang: str) -> str:
        return render(self.key, lang, **self.params)

    @property
    def en(self) -> str:
        return self.get("en")

    @property
    def ko(self) -> str:
        return self.get("ko")

    def pair(self) -> dict[str, str]:
        """Both languages, as stored results keep a text."""
        return {"en": self.en, "ko": self.ko}


def given(en: object, ko: object) -> Message:
    """A text whose two languages come from elsewhere (a data file, a stored result, or code not
    yet moved to this catalogue) as a `Message`; in a language it lacks it shows the English."""
    return Message("common.text", {"text": {"en": str(en), "ko": str(ko)}})


def message(key: str, /, **params: Any) -> Message:
    """A `Message` for `key`; `KeyError` at once when the catalogue has no such key."""
    _templates(key)  # KeyError for an unknown key
    return Message(key, params)
