"""The message catalogue: every key in every language with the same parameters; one render
function; Korean particles after parameters; and a made-up third language, added to the
catalogue alone, reaches what the code shows."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from sysdesign import messages
from sysdesign.messages import CatalogueError, Message, catalogue, given, params_of, parse, render
from tests import pseudo_language

LANGUAGES = ("en", "ko")


def sample_values(template: str) -> dict[str, object]:
    """A value for each parameter of `template`: a number where a format spec asks for one."""
    values: dict[str, object] = {}
    for part in parse(template):
        if isinstance(part, tuple):
            name, _, spec, _ = part
            values[name] = (3 if spec.endswith("d") else 1.5) if spec else f"<{name}>"
    return values


@pytest.fixture
def third_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The pseudo-language `xx`, made from the English, added to every catalogue entry."""
    yield pseudo_language.install(monkeypatch)


@pytest.fixture
def scratch(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, str]]:
    """A scratch key, `common.scratch`, whose templates a test sets."""
    entries: dict[str, dict[str, str]] = {}
    monkeypatch.setitem(catalogue(), "common.scratch", entries)
    return entries


def test_the_catalogue_has_keys_from_every_area() -> None:
    keys = catalogue()
    assert "common.text" in keys
    for area in messages.AREAS:
        assert any(k.startswith(area + ".") for k in keys), area


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_key_has_every_language_with_the_same_parameters(key: str) -> None:
    templates = catalogue()[key]
    assert set(templates) == set(LANGUAGES)
    assert all(templates[lang].strip() for lang in LANGUAGES)
    assert params_of(templates["ko"]) == params_of(templates["en"])


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_no_korean_template_writes_both_particles(key: str) -> None:
    """Particles after a parameter come from the josa markup, never 「을(를)」."""
    ko = catalogue()[key]["ko"]
    for both in ("을(를)", "를(을)", "이(가)", "가(이)", "은(는)", "는(은)", "와(과)", "과(와)"):
        assert both not in ko


def test_render_fills_parameters_with_format_specs_and_repr(
    scratch: dict[str, dict[str, str]],
) -> None:
    scratch.update(en="{n:,} of {share:.0%} for {name!r} {{x}}", ko="{n:,}건 {name!r}")
    assert render("common.scratch", "en", n=12000, share=0.256, name="a") == (
        "12,000 of 26% for 'a' {x}"
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("redis", "redis를 씁니다"),
        ("db-1", "db-1을 씁니다"),
        ("API", "API를 씁니다"),
        ("큐", "큐를 씁니다"),
    ],
)
def test_render_puts_the_particle_that_fits_the_parameter(
    scratch: dict[str, dict[str, str]], word: str, expected: str
) -> None:
    scratch.update(en="uses {w}", ko="{w|을/를} 씁니다")
    assert render("common.scratch", "ko", w=word) == expected
    assert render("common.scratch", "en", w=word) == f"uses {word}"


def test_bilingual_parameters_are_shown_in_the_language_rendered(
    scratch: dict[str, dict[str, str]],
) -> None:
    scratch.update(en="Why: {why}", ko="이유: {why|은/는}")
    pair = {"en": "one copy", "ko": "사본 하나"}
    assert render("common.scratch", "ko", why=pair) == "이유: 사본 하나는"
    assert render("common.scratch", "en", why=given("late", "늦음")) == "Why: late"


def test_a_message_renders_late_and_equals_its_twin() -> None:
    m = given("Hello", "안녕하세요")
    assert (
        m.get("ko") == "안녕하세요"
        and m.en == "Hello"
        and m.pair() == {"en": "Hello", "ko": "안녕하세요"}
    )
    assert m == Message("common.text", {"text": {"en": "Hello", "ko": "안녕하세요"}})
    with pytest.raises(KeyError):
        messages.message("common.no-such-key")


@pytest.mark.parametrize("bad", ["a { b", "a } b", "{x|을/xyz}"])
def test_a_broken_template_is_refused(bad: str) -> None:
    with pytest.raises((CatalogueError, ValueError)):
        parse(bad)


def test_a_third_language_needs_only_the_catalogue(third_language: str) -> None:
    """Every key renders in the pseudo-language, each one marked as made from its English."""
    for key, templates in catalogue().items():
        values = sample_values(templates["en"])
        text = render(key, third_language, **values)
        if key == pseudo_language.PASSED_THROUGH:
            assert text == render(key, "en", **values)
        else:
            assert text == "⟦" + render(key, "en", **values) + "⟧", key


# Sentences still written at call sites (`say(lang, en=..., ko=...)`, `given("...", "...")`,
# `Text(en=..., ko=...)`, ...) instead of the catalogue. The number may only go down: move a
# module's texts to the catalogue, then lower it.
SENTENCE_SITES_AT_MOST = 0
_BILINGUAL_CALLS = {"say", "_say", "t", "_t", "Msg", "Text", "bi", "msg", "given", "info", "error"}


def _is_text(node: ast.expr) -> bool:
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def sentence_sites(root: Path) -> list[str]:
    """`file:line` of every call that passes an English and a Korean text written in code."""
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if {"messages", "understand"} & set(path.relative_to(root).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", None)
            if name not in _BILINGUAL_CALLS or (name in ("Msg", "msg") and len(node.args) < 3):
                continue
            kw = {k.arg: k.value for k in node.keywords}
            pair = [kw["en"], kw["ko"]] if {"en", "ko"} <= set(kw) else node.args[-2:]
            if len(pair) == 2 and (_is_text(pair[0]) or _is_text(pair[1])):
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_sentences_at_call_sites_only_go_down() -> None:
    sites = sentence_sites(Path(messages.__file__).parent.parent)
    assert len(sites) <= SENTENCE_SITES_AT_MOST, "\n".join(sites)


def test_the_site_counter_sees_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text('say(lang, en=f"{n} left", ko="남음")\nrender("a.b", lang)\n')
    assert sentence_sites(tmp_path) == ["m.py:1"]


def test_an_area_named_like_a_function_of_the_package_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A submodule `messages.render` would replace the `render` function on import."""
    monkeypatch.setattr(messages, "AREAS", ("common", "render"))
    with pytest.raises(CatalogueError, match="render"):
        catalogue.__wrapped__()
    assert callable(messages.render)
