"""YAML slips a hurried candidate makes, and messages they can act on (issue 13, item 4)."""

from __future__ import annotations

import pytest

from sysdesign.errors import InvalidInputError
from sysdesign.library import load_design_text


def _problems(text: str) -> list[str]:
    with pytest.raises(InvalidInputError) as err:
        load_design_text(text, "d.yaml")
    return [str(p) for p in err.value.problems]


def test_unquoted_comma_in_a_flow_mapping_says_to_quote_the_label() -> None:
    got = _problems("components: {db: {kind: postgres, label: Postgres (posts, follows)}}\n")
    assert len(got) == 1
    assert got[0].startswith("d.yaml:1:59: components.db.follows): unknown key")
    assert 'quote the label: label: "Postgres (posts, follows)"' in got[0]
    assert '따옴표로 감싸세요: label: "Postgres (posts, follows)"' in got[0]


def test_every_piece_of_a_label_cut_twice_names_the_whole_label() -> None:
    got = _problems("components:\n  db: {kind: postgres, label: a, b, c}\n")
    assert [p.split(":")[1] for p in got] == ["2", "2"]
    assert all('label: "a, b, c"' in p for p in got)


def test_a_chain_label_cut_by_a_comma_is_named_with_its_chain() -> None:
    got = _problems("components: {a: api, b: api}\nconnections: [{a -> b: read, write}]\n")
    assert any('a -> b: "read, write"' in p for p in got)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("components: {db: {kind: postgres, label: Kafka: events, replicas: 2}}\n", "label"),
        ("components: {a: api, b: api}\nconnections:\n  - a -> b: Kafka: events\n", "a -> b"),
    ],
)
def test_an_unquoted_colon_says_to_quote_the_value(text: str, pair: str) -> None:
    got = _problems(text)
    assert len(got) == 1 and "invalid YAML" in got[0]
    assert f'{pair}: "Kafka: events"' in got[0]


def test_a_quoted_label_is_fine() -> None:
    design = load_design_text('components: {db: {kind: postgres, label: "Postgres (a, b)"}}\n')
    assert design.components["db"].label == "Postgres (a, b)"


@pytest.mark.parametrize("key", ["Label", "REPLICAS", "Kind_x"])
def test_unknown_keys_keep_their_name_whatever_their_case(key: str) -> None:
    flow = _problems(f"components: {{db: {{kind: postgres, {key}: 2}}}}\n")
    block = _problems(f"components:\n  db:\n    kind: postgres\n    {key}: 2\n")
    assert flow == [
        f"d.yaml:1:35: components.db.{key}: unknown key / 알 수 없는 키"
        + flow[0].split("알 수 없는 키", 1)[1]
    ]
    assert block[0].startswith(f"d.yaml:4:5: components.db.{key}: unknown key")
