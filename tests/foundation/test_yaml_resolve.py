"""The loader's quick answer for unquoted text gives PyYAML's own tags (sysdesign/yamlio.py)."""

from __future__ import annotations

import random

import pytest
import yaml

from sysdesign.yamlio import _loader_class, _offsets, parse_yaml

STR = "tag:yaml.org,2002:str"
SAMPLES = [
    "",
    "a",
    "yes",
    "No",
    "OFF",
    "~",
    "null",
    "Null",
    "1",
    "-1",
    "+.5",
    ".inf",
    ".NaN",
    "0x1f",
    "0o7",
    "2024-01-01",
    "<<",
    "=",
    "Yes!",
    "on",
    "hello world",
    "한국",
    "_x",
    "@a",
    "1_000",
    "1e3",
    "1.0e+3",
]


def _expected(value: str) -> str:
    resolver = yaml.resolver.Resolver()
    return str(resolver.resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("value", SAMPLES)
def test_same_tag_as_pyyaml(value: str) -> None:
    loader = _loader_class()("")
    assert loader.resolve(yaml.ScalarNode, value, (True, False)) == _expected(value)


def test_same_tag_as_pyyaml_on_random_values() -> None:
    loader = _loader_class()("")
    rng = random.Random(17)
    alphabet = "aAyYnNtTfFoO0123456789.-+~=<_ xe한"
    for _ in range(5000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        want = STR if ":" in value else _expected(value)
        assert loader.resolve(yaml.ScalarNode, value, (True, False)) == want, value


def test_base_60_and_quoted_values_stay_text() -> None:
    data = parse_yaml("a: 1:30\nb: '12'\nc: 12\nd: yes\ne: plain words\n", "<t>").data
    assert data == {"a": "1:30", "b": "12", "c": 12, "d": True, "e": "plain words"}


@pytest.mark.parametrize("text", ["", "\n", "a\nb", "a\n\n\nb\n", "\r\n\nx"])
def test_line_starts(text: str) -> None:
    assert _offsets(text) == [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
