"""The graph and the kind-sequence path search."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sysdesign.design.graph import build_graph, dominator_chain, dominators, kind_path
from sysdesign.library import load_design_text


def graph(text: str):  # type: ignore[no-untyped-def]
    return build_graph(load_design_text(text))


def test_nodes_and_edges_carry_what_the_rules_read() -> None:
    g = graph(
        "components: {u: user, q: kafka, w: {kind: consumer, replicas: 3, tags: [x]}}\n"
        "connections: [u -> q -> w: consume, {from: u, to: w, sync: false}]"
    )
    assert g.nodes["u"]["kind"] == "client"
    assert g.nodes["w"]["instances"] == 3 and g.nodes["w"]["tags"] == {"x"}
    assert g.edges["u", "q"]["sync"] is False  # into a queue: asynchronous
    assert g.edges["q", "w"]["sync"] is True and g.edges["q", "w"]["labels"] == ("consume",)
    assert g.edges["u", "w"]["sync"] is False


def test_kind_path_allows_non_store_hops_only() -> None:
    g = graph(
        "components: {s: api, lb: lb, w: worker, q: kafka, db: postgres, o: s3}\n"
        "connections: [s -> lb -> w -> o, s -> db -> o, s -> q -> w]"
    )
    found, _ = kind_path(g, ["service", "worker", "object_store"])
    assert found == ["s", "lb", "w", "o"]
    found, _ = kind_path(g, ["service", "queue", "worker"])
    assert found == ["s", "q", "w"]
    # A database in between is a step of its own, never a silent hop.
    g2 = graph("components: {s: api, db: postgres, o: s3}\nconnections: [s -> db -> o]")
    found, partial = kind_path(g2, ["service", "object_store"])
    assert found is None and partial == ["s"]
    found, _ = kind_path(g2, ["service", "sql_db", "object_store"])
    assert found == ["s", "db", "o"]


def test_kind_path_tags_and_cycles() -> None:
    g = graph(
        "components: {ws: {kind: ws, replicas: 2}, chat: api, bus: nats, "
        "ids: {kind: coordination, tags: [id_generator]}}\n"
        "connections: [ws -> chat -> bus -> ws, chat -> ids]"
    )
    assert kind_path(g, ["websocket_gateway", "service", "pubsub", "websocket_gateway"])[0] == [
        "ws",
        "chat",
        "bus",
        "ws",
    ]
    assert kind_path(g, ["service", "tag:id_generator"])[0] == ["chat", "ids"]
    assert kind_path(g, ["tag:nothing", "service"]) == (None, [])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=20))
def test_dominators_cut_every_path(edges: list[tuple[int, int]]) -> None:
    """Removing a dominator of X disconnects X from the clients (checked on random graphs)."""
    from sysdesign.design.digraph import descendants

    comps = {f"n{i}": "api" for i in range(8)}
    comps["n0"] = "client"
    conns = [f"n{a} -> n{b}" for a, b in edges if a != b and b != 0]
    text = "components: {" + ", ".join(f"{k}: {v}" for k, v in comps.items()) + "}\n"
    text += "connections: [" + ", ".join(conns) + "]"
    g = graph(text)
    idom = dominators(g, ["n0"])
    for node in idom:
        if node in ("n0", "<clients>"):
            continue
        for dom in dominator_chain(idom, node):
            if dom == "n0":
                continue
            h = g.copy()
            h.remove_node(dom)
            assert node not in descendants(h, "n0")
