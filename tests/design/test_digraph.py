"""The checker's own graph and algorithms agree with networkx on random graphs.

networkx is a test dependency only: the checker ports the four algorithms it needs so that
`sysdesign check` does not pay for importing networkx (~100 ms).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sysdesign.design.digraph import (
    DiGraph,
    NoPathError,
    connected_components,
    descendants,
    immediate_dominators,
    shortest_path,
    strongly_connected_components,
)

DESIGNS = Path(__file__).resolve().parents[2] / "designs"
NODES = [f"n{i}" for i in range(9)]
edge_lists = st.lists(st.tuples(st.sampled_from(NODES), st.sampled_from(NODES)), max_size=30)
node_orders = st.permutations(NODES)


def both(order: list[str], edges: list[tuple[str, str]]) -> tuple[DiGraph, nx.DiGraph]:
    ours, theirs = DiGraph(), nx.DiGraph()
    for g in (ours, theirs):
        g.add_nodes_from((n, {"kind": "service", "i": i}) for i, n in enumerate(order))
        g.add_edges_from((u, v, {"sync": (i % 2 == 0)}) for i, (u, v) in enumerate(edges))
    return ours, theirs


@settings(max_examples=150, deadline=None)
@given(node_orders, edge_lists)
def test_views_match(order: list[str], edges: list[tuple[str, str]]) -> None:
    ours, theirs = both(order, edges)
    assert list(ours.nodes) == list(theirs.nodes)
    assert list(ours.nodes(data="kind")) == list(theirs.nodes(data="kind"))
    assert list(ours.nodes(data=True)) == list(theirs.nodes(data=True))
    assert list(ours.edges) == list(theirs.edges)
    assert list(ours.edges(data="sync")) == list(theirs.edges(data="sync"))
    assert len(ours.edges) == theirs.number_of_edges()
    for u, v in theirs.edges:
        assert ours.edges[u, v] == theirs.edges[u, v]
        assert (u, v) in ours.edges
    for n in order:
        assert list(ours.succ[n]) == list(theirs.succ[n])
        assert list(ours.pred[n]) == list(theirs.pred[n])
        assert ours.out_edges(n, data="sync") == list(theirs.out_edges(n, data="sync"))
    keep = order[::2]
    sub_ours, sub_theirs = ours.subgraph(keep), theirs.subgraph(keep)
    assert set(sub_ours.nodes) == set(sub_theirs.nodes)
    assert set(sub_ours.edges) == set(sub_theirs.edges)
    copy_ours, copy_theirs = ours.copy(), theirs.copy()
    copy_ours.remove_nodes_from([order[0], "absent"])
    copy_theirs.remove_nodes_from([order[0], "absent"])
    assert list(copy_ours.edges) == list(copy_theirs.edges)
    assert list(ours.edges) == list(theirs.edges)  # the original is untouched


@settings(max_examples=200, deadline=None)
@given(node_orders, edge_lists)
def test_strongly_connected_components_match_in_order(
    order: list[str], edges: list[tuple[str, str]]
) -> None:
    ours, theirs = both(order, edges)
    assert list(strongly_connected_components(ours)) == list(
        nx.strongly_connected_components(theirs)
    )


@settings(max_examples=200, deadline=None)
@given(node_orders, edge_lists, st.sampled_from(NODES), st.sampled_from(NODES))
def test_shortest_path_is_the_same_path(
    order: list[str], edges: list[tuple[str, str]], source: str, target: str
) -> None:
    ours, theirs = both(order, edges)
    try:
        expected = nx.shortest_path(theirs, source, target)
    except nx.NetworkXNoPath:
        with pytest.raises(NoPathError):
            shortest_path(ours, source, target)
        return
    assert shortest_path(ours, source, target) == expected


@settings(max_examples=200, deadline=None)
@given(node_orders, edge_lists, st.sampled_from(NODES))
def test_immediate_dominators_match(
    order: list[str], edges: list[tuple[str, str]], start: str
) -> None:
    ours, theirs = both(order, edges)
    assert immediate_dominators(ours, start) == nx.immediate_dominators(theirs, start)


@settings(max_examples=200, deadline=None)
@given(node_orders, edge_lists)
def test_connected_components_match(order: list[str], edges: list[tuple[str, str]]) -> None:
    ours, theirs = both(order, edges)
    assert list(connected_components(ours)) == list(nx.connected_components(theirs.to_undirected()))


@settings(max_examples=200, deadline=None)
@given(node_orders, edge_lists, st.sampled_from(NODES))
def test_descendants_match(order: list[str], edges: list[tuple[str, str]], source: str) -> None:
    ours, theirs = both(order, edges)
    assert descendants(ours, source) == nx.descendants(theirs, source)


def test_a_cycle_through_a_load_balancer_by_hand() -> None:
    """a → lb → b → a: one component of three, and the path back goes through a."""
    g = DiGraph()
    g.add_edges_from([("a", "lb"), ("lb", "b"), ("b", "a"), ("b", "c")])
    assert [sorted(c) for c in strongly_connected_components(g)] == [["c"], ["a", "b", "lb"]]
    assert shortest_path(g, "a", "b") == ["a", "lb", "b"]
    assert shortest_path(g, "b", "lb") == ["b", "a", "lb"]
    with pytest.raises(NoPathError):
        shortest_path(g, "c", "a")
    with pytest.raises(KeyError):
        shortest_path(g, "a", "zz")
    assert immediate_dominators(g, "a") == {"lb": "a", "b": "lb", "c": "b"}


def test_check_does_not_import_networkx(tmp_path: Path) -> None:
    """`sysdesign check` runs the whole rule set without networkx in the process."""
    code = (
        "import sys\n"
        "from sysdesign.cli import run\n"
        f"sys.argv = ['sysdesign', 'check', {str(DESIGNS / 'chat.yaml')!r}]\n"
        "try:\n"
        "    run()\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, None), exc.code\n"
        "assert 'networkx' not in sys.modules, 'networkx imported'\n"
    )
    env = {**os.environ, "SYSDESIGN_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Score" in done.stdout or "점수" in done.stdout
