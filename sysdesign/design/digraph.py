"""A small directed graph and the four graph algorithms the checker uses.

The checker once used networkx, whose package import alone (~100 ms: it loads every algorithm
it ships, travelling salesman included) cost more than checking a design. This module keeps the
part of its interface the rules use (`nodes`, `edges`, `succ`, `pred`, `subgraph`, `copy`) and
ports the algorithms with networkx's iteration order, so findings and witness paths come out as
before. Property tests compare every function with networkx on random graphs
(tests/design/test_digraph.py). The algorithms follow networkx 3.6 (BSD-3-Clause):

- strongly connected components: Tarjan's algorithm with Nuutila's improvement, iterative;
- shortest path (unweighted): breadth-first from both ends, meeting in the middle;
- immediate dominators: Cooper, Harvey and Kennedy, "A simple, fast dominance algorithm" (2006);
- connected components of the undirected view: one breadth-first search per component.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, overload

Attrs = dict[str, Any]


class NoPathError(LookupError):
    """No directed path joins the two nodes."""


class NodeView:
    """`g.nodes`: iterate node ids, `g.nodes[n]` for its attributes, `g.nodes(data=…)`."""

    __slots__ = ("_node",)

    def __init__(self, node: dict[str, Attrs]) -> None:
        self._node = node

    def __getitem__(self, n: str) -> Attrs:
        return self._node[n]

    def __iter__(self) -> Iterator[str]:
        return iter(self._node)

    def __len__(self) -> int:
        return len(self._node)

    def __contains__(self, n: object) -> bool:
        return n in self._node

    @overload
    def __call__(self, data: str) -> Iterator[tuple[str, Any]]: ...
    @overload
    def __call__(self, data: bool = ...) -> Iterator[Any]: ...

    def __call__(self, data: str | bool = False) -> Iterator[Any]:
        """Node ids; `(id, attributes)` with `data=True`; `(id, attributes[data])` otherwise
        (None when the node lacks that attribute)."""
        if data is False:
            return iter(self._node)
        if data is True:
            return iter(self._node.items())
        key = data
        return ((n, attrs.get(key)) for n, attrs in self._node.items())


class EdgeView:
    """`g.edges`: iterate `(u, v)`, `g.edges[u, v]` for its attributes, `g.edges(data=…)`."""

    __slots__ = ("_succ",)

    def __init__(self, succ: dict[str, dict[str, Attrs]]) -> None:
        self._succ = succ

    def __getitem__(self, edge: tuple[str, str]) -> Attrs:
        u, v = edge
        return self._succ[u][v]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return ((u, v) for u, nbrs in self._succ.items() for v in nbrs)

    def __len__(self) -> int:
        return sum(len(nbrs) for nbrs in self._succ.values())

    def __contains__(self, edge: object) -> bool:
        if not isinstance(edge, tuple) or len(edge) != 2:
            return False
        u, v = edge
        return u in self._succ and v in self._succ[u]

    @overload
    def __call__(self, data: str) -> Iterator[tuple[str, str, Any]]: ...
    @overload
    def __call__(self, data: bool = ...) -> Iterator[Any]: ...

    def __call__(self, data: str | bool = False) -> Iterator[Any]:
        if data is False:
            return iter(self)
        if data is True:
            return ((u, v, d) for u, nbrs in self._succ.items() for v, d in nbrs.items())
        key = data
        return ((u, v, d.get(key)) for u, nbrs in self._succ.items() for v, d in nbrs.items())


class DiGraph:
    """Nodes with attribute dicts, at most one edge per ordered pair, insertion order kept."""

    __slots__ = ("_node", "name", "pred", "succ")

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._node: dict[str, Attrs] = {}
        #: node → {successor: edge attributes}
        self.succ: dict[str, dict[str, Attrs]] = {}
        #: node → {predecessor: the same edge attributes}
        self.pred: dict[str, dict[str, Attrs]] = {}

    # -- building
    def add_node(self, n: str, **attrs: Any) -> None:
        if n not in self._node:
            self._node[n] = {}
            self.succ[n] = {}
            self.pred[n] = {}
        self._node[n].update(attrs)

    def add_nodes_from(self, nodes: Iterable[str | tuple[str, Attrs]]) -> None:
        """Ids, or `(id, attributes)` pairs."""
        for item in nodes:
            if isinstance(item, tuple):
                n, attrs = item
                self.add_node(n, **attrs)
            else:
                self.add_node(item)

    def add_edge(self, u: str, v: str, **attrs: Any) -> None:
        """Adds either end that is missing; a second edge u → v updates the first."""
        self.add_node(u)
        self.add_node(v)
        data = self.succ[u].get(v)
        if data is None:
            data = {}
            self.succ[u][v] = data
            self.pred[v][u] = data
        data.update(attrs)

    def add_edges_from(self, edges: Iterable[tuple[str, str] | tuple[str, str, Attrs]]) -> None:
        """`(u, v)` pairs, or `(u, v, attributes)` triples."""
        for edge in edges:
            if len(edge) == 3:
                u, v, attrs = edge
                self.add_edge(u, v, **attrs)
            else:
                self.add_edge(edge[0], edge[1])

    def remove_node(self, n: str) -> None:
        for v in self.succ.pop(n):
            del self.pred[v][n]
        for u in self.pred.pop(n):
            del self.succ[u][n]
        del self._node[n]

    def remove_nodes_from(self, nodes: Iterable[str]) -> None:
        """Removes those present; ids not in the graph are ignored."""
        for n in nodes:
            if n in self._node:
                self.remove_node(n)

    # -- reading
    @property
    def nodes(self) -> NodeView:
        return NodeView(self._node)

    @property
    def edges(self) -> EdgeView:
        return EdgeView(self.succ)

    def out_edges(self, n: str, data: str) -> list[tuple[str, str, Any]]:
        """`(n, v, attributes[data])` for each edge leaving `n`."""
        return [(n, v, d.get(data)) for v, d in self.succ[n].items()]

    def __contains__(self, n: object) -> bool:
        return n in self._node

    def __iter__(self) -> Iterator[str]:
        return iter(self._node)

    def __len__(self) -> int:
        return len(self._node)

    def subgraph(self, nodes: Iterable[str]) -> DiGraph:
        """A copy holding `nodes` (in this graph's order) and the edges among them; attribute
        dicts are shared with this graph, as in a networkx subgraph view."""
        keep = {n for n in nodes if n in self._node}
        out = DiGraph(self.name)
        for n, attrs in self._node.items():
            if n in keep:
                out._node[n] = attrs
                out.succ[n] = {}
                out.pred[n] = {}
        for u in out._node:
            for v, d in self.succ[u].items():
                if v in keep:
                    out.succ[u][v] = d
                    out.pred[v][u] = d
        return out

    def copy(self) -> DiGraph:
        """An independent copy (attribute dicts copied one level deep)."""
        out = DiGraph(self.name)
        for n, attrs in self._node.items():
            out.add_node(n, **attrs)
        for u, nbrs in self.succ.items():
            for v, d in nbrs.items():
                out.add_edge(u, v, **d)
        return out


# ---------------------------------------------------------------- algorithms


def strongly_connected_components(g: DiGraph) -> Iterator[set[str]]:
    """Each strongly connected component as a set, in networkx's order."""
    preorder: dict[str, int] = {}
    lowlink: dict[str, int] = {}
    scc_found: set[str] = set()
    scc_queue: list[str] = []
    i = 0
    neighbors = {v: iter(g.succ[v]) for v in g}
    for source in g:
        if source in scc_found:
            continue
        queue = [source]
        while queue:
            v = queue[-1]
            if v not in preorder:
                i += 1
                preorder[v] = i
            done = True
            for w in neighbors[v]:
                if w not in preorder:
                    queue.append(w)
                    done = False
                    break
            if not done:
                continue
            lowlink[v] = preorder[v]
            for w in g.succ[v]:
                if w not in scc_found:
                    if preorder[w] > preorder[v]:
                        lowlink[v] = min(lowlink[v], lowlink[w])
                    else:
                        lowlink[v] = min(lowlink[v], preorder[w])
            queue.pop()
            if lowlink[v] == preorder[v]:
                scc = {v}
                while scc_queue and preorder[scc_queue[-1]] > preorder[v]:
                    scc.add(scc_queue.pop())
                scc_found.update(scc)
                yield scc
            else:
                scc_queue.append(v)


def shortest_path(g: DiGraph, source: str, target: str) -> list[str]:
    """One shortest directed path (fewest edges), the one networkx returns.

    Raises KeyError for a node not in the graph and NoPathError when none joins them.
    """
    if source not in g:
        raise KeyError(source)
    if target not in g:
        raise KeyError(target)
    pred: dict[str, str | None] = {source: None}
    succ: dict[str, str | None] = {target: None}
    meet: str | None = source if source == target else None
    forward, reverse = [source], [target]
    while meet is None and forward and reverse:
        if len(forward) <= len(reverse):
            level, forward = forward, []
            for v in level:
                for w in g.succ[v]:
                    if w not in pred:
                        forward.append(w)
                        pred[w] = v
                    if w in succ:
                        meet = w
                        break
                if meet is not None:
                    break
        else:
            level, reverse = reverse, []
            for v in level:
                for w in g.pred[v]:
                    if w not in succ:
                        succ[w] = v
                        reverse.append(w)
                    if w in pred:
                        meet = w
                        break
                if meet is not None:
                    break
    if meet is None:
        raise NoPathError(f"no path from {source!r} to {target!r}")
    path: list[str] = []
    step: str | None = meet
    while step is not None:
        path.append(step)
        step = pred[step]
    path.reverse()
    step = succ[path[-1]]
    while step is not None:
        path.append(step)
        step = succ[step]
    return path


def _postorder(g: DiGraph, start: str) -> list[str]:
    """Depth-first postorder of the nodes reachable from `start`."""
    order: list[str] = []
    seen = {start}
    stack: list[tuple[str, Iterator[str]]] = [(start, iter(g.succ[start]))]
    while stack:
        node, children = stack[-1]
        for child in children:
            if child not in seen:
                seen.add(child)
                stack.append((child, iter(g.succ[child])))
                break
        else:
            stack.pop()
            order.append(node)
    return order


def immediate_dominators(g: DiGraph, start: str) -> dict[str, str]:
    """node → its immediate dominator, for every node reachable from `start` except `start`.

    X dominates Y when every path from `start` to Y passes through X.
    """
    if start not in g:
        raise KeyError(start)
    order = _postorder(g, start)
    dfn = {u: i for i, u in enumerate(order)}
    order.pop()
    order.reverse()
    idom: dict[str, str] = {start: start}

    def intersect(u: str, v: str) -> str:
        while u != v:
            while dfn[u] < dfn[v]:
                u = idom[u]
            while dfn[u] > dfn[v]:
                v = idom[v]
        return u

    changed = True
    while changed:
        changed = False
        for u in order:
            new: str | None = None
            for v in g.pred[u]:
                if v in idom:
                    new = v if new is None else intersect(new, v)
            assert new is not None  # a node reached from `start` has a processed predecessor
            if idom.get(u) != new:
                idom[u] = new
                changed = True
    del idom[start]
    return idom


def connected_components(g: DiGraph) -> Iterator[set[str]]:
    """Components of the undirected view (edges followed either way), in node order."""
    seen: set[str] = set()
    for source in g:
        if source in seen:
            continue
        component = {source}
        frontier = [source]
        while frontier:
            nxt: list[str] = []
            for v in frontier:
                for w in (*g.succ[v], *g.pred[v]):
                    if w not in component:
                        component.add(w)
                        nxt.append(w)
            frontier = nxt
        seen |= component
        yield component


def descendants(g: DiGraph, source: str) -> set[str]:
    """Every node reachable from `source`, `source` excluded."""
    seen = {source}
    stack = [source]
    while stack:
        for w in g.succ[stack.pop()]:
            if w not in seen:
                seen.add(w)
                stack.append(w)
    return seen - {source}


__all__ = [
    "DiGraph",
    "EdgeView",
    "NoPathError",
    "NodeView",
    "connected_components",
    "descendants",
    "immediate_dominators",
    "shortest_path",
    "strongly_connected_components",
]
