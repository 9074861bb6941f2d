"""The YAML loader: safe, line-numbered, with suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sysdesign.errors import InvalidInputError
from sysdesign.library import load_design, validate_file
from sysdesign.yamlio import did_you_mean, parse_yaml

DESIGN = """\
name: tiny
components:
  users: {kind: client}
  lb: {kind: lb, replicas: 2}
  api: {kind: service, replicas: 3}
  db: postgres
connections:
  - users -> lb -> api: https
  - {from: api, to: db, label: read, sync: true}
"""


def write(tmp_path: Path, text: str, name: str = "design.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_design_loads_with_aliases_and_chains(tmp_path: Path) -> None:
    design = load_design(write(tmp_path, DESIGN))
    assert design.components["lb"].kind == "load_balancer"
    assert design.components["db"].kind == "sql_db"
    edges = [(e.src, e.dst, e.label, e.sync) for e in design.edges()]
    assert edges == [
        ("users", "lb", "https", True),
        ("lb", "api", "https", True),
        ("api", "db", "read", True),
    ]


def test_edge_into_queue_is_async(tmp_path: Path) -> None:
    text = "components:\n  a: service\n  q: kafka\nconnections:\n  - a -> q\n"
    design = load_design(write(tmp_path, text))
    assert [e.sync for e in design.edges()] == [False]


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InvalidInputError) as info:
        load_design(path)
    return [str(p) for p in info.value.problems]


def test_unknown_kind_names_line_and_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, DESIGN.replace("{kind: service, replicas: 3}", "{kind: servce}"))
    (message,) = problems_of(path)
    assert message.startswith(f"{path}:5:")
    assert "components.api.kind" in message
    assert "did you mean 'service'" in message


def test_unknown_key_names_the_key_line_and_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, DESIGN.replace("replicas: 2}", "replicas: 2, replica: 3}"))
    (message,) = problems_of(path)
    assert f"{path}:4:" in message
    assert "components.lb.replica" in message
    assert "did you mean 'replicas'" in message


def test_unknown_component_in_connection_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, DESIGN.replace("users -> lb -> api", "users -> lb -> apii"))
    (message,) = problems_of(path)
    assert f"{path}:8:" in message
    assert "did you mean 'api'" in message


def test_bad_component_id_and_wrong_type(tmp_path: Path) -> None:
    path = write(tmp_path, DESIGN.replace("replicas: 3}", "replicas: many}"))
    (message,) = problems_of(path)
    assert f"{path}:5:" in message
    assert "components.api.replicas" in message


def test_syntax_error_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, "components:\n  a: [unclosed\n  b: service\n")
    (message,) = problems_of(path)
    assert "invalid YAML" in message
    assert f"{path}:3:" in message or f"{path}:2:" in message


def test_python_tags_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "components: !!python/object/apply:os.system ['echo pwned']\n")
    (message,) = problems_of(path)
    assert "unsafe YAML tag refused" in message
    assert f"{path}:1:" in message


def test_duplicate_keys_are_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "components:\n  a: service\n  a: cache\n")
    (message,) = problems_of(path)
    assert f"{path}:3:3:" in message and "duplicate key" in message


def test_missing_and_empty_files(tmp_path: Path) -> None:
    assert "no such file" in problems_of(tmp_path / "nope.yaml")[0]
    assert "empty" in problems_of(write(tmp_path, ""))[0]


def test_validate_collects_every_problem(tmp_path: Path) -> None:
    text = DESIGN.replace("{kind: service, replicas: 3}", "{kind: servce, replica: 3}")
    text = text.replace("users -> lb -> api", "users -> lbb -> api")
    kind, problems = validate_file(write(tmp_path, text))
    assert kind == "design"
    # pydantic reports both component errors; cross-references wait for a valid model.
    assert len(problems) == 2
    assert {p.line for p in problems} == {5}


def test_validate_detects_unknown_file_kind(tmp_path: Path) -> None:
    kind, problems = validate_file(write(tmp_path, "hello: world\n"))
    assert kind is None and "cannot tell" in problems[0].message


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12))
def test_parse_yaml_never_raises_anything_but_invalid_input(word: str) -> None:
    try:
        loaded = parse_yaml(f"{word}: [{word}\n", "<t>")
    except InvalidInputError as exc:
        assert exc.problems
    else:
        assert loaded.data is not None


def test_did_you_mean() -> None:
    assert "cache" in did_you_mean("cahce", ["cache", "queue"])
    assert did_you_mean("zzzz", ["cache"]) == ""


def test_atomic_write_gives_ordinary_permissions(tmp_path: Path) -> None:
    import os

    from sysdesign.paths import atomic_write_text

    target = tmp_path / "report.md"
    mask = os.umask(0o022)
    try:
        atomic_write_text(target, "x")
    finally:
        os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o600)
    atomic_write_text(target, "y")
    assert target.stat().st_mode & 0o777 == 0o600 and target.read_text() == "y"
    assert not list(tmp_path.glob(".report.md.*")), "no temp file left behind"


def test_deep_nesting_is_a_located_problem_not_a_recursion_error() -> None:
    text = "a: " + "[" * 3000 + "]" * 3000 + "\n"
    with pytest.raises(InvalidInputError) as caught:
        parse_yaml(text, "deep.yaml")
    message = str(caught.value)
    # our own depth check, or PyYAML's (6.0.4 and later refuse deep nesting while parsing)
    assert "deep.yaml:1:" in message
    assert "nested" in message or "nesting depth" in message


def test_alias_expansion_bomb_is_refused() -> None:
    """Nine levels of nine aliases would be 387 million values to walk and validate."""
    text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 8):
        text += f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n"
    with pytest.raises(InvalidInputError) as caught:
        parse_yaml(text, "bomb.yaml")
    assert "bomb.yaml" in str(caught.value) and "alias" in str(caught.value)


def test_validate_of_a_deeply_nested_file_exits_2_or_1_without_traceback(tmp_path: Path) -> None:
    from tests.helpers import invoke

    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 3000 + "]" * 3000 + "\n")
    code, _, err = invoke("check", str(path))
    assert code == 2 and "deep.yaml:1:" in err


def test_colon_numbers_stay_strings_not_base_60() -> None:
    """YAML 1.1 reads `5:1` as 5 × 60 + 1: a design's `read_write_ratio: 5:1` became 301."""
    data = parse_yaml("a: 5:1\nb: 1:30\nc: '10:1'\nd: 12\ne: 1.5\nf: -3", "x.yaml").data
    assert data == {"a": "5:1", "b": "1:30", "c": "10:1", "d": 12, "e": 1.5, "f": -3}
