"""Plain Graphviz DOT source of a design: no icons, no local paths; any `dot` renders it."""

from __future__ import annotations

from sysdesign.render.graph import (
    ASYNC_COLOR,
    FINDING_COLOR,
    SYNC_COLOR,
    TIER_COLORS,
    DiagramView,
    NodeView,
    tier_title,
)

FONT = "NanumGothic"  # the Hangul font the set-up script installs; fontconfig falls back without it

_SHAPES: dict[str, str] = {
    "client": "oval",
    "cache": "cylinder",
    "sql_db": "cylinder",
    "nosql_db": "cylinder",
    "object_store": "folder",
    "warehouse": "cylinder",
    "search_index": "cylinder",
    "queue": "cds",
    "pubsub": "cds",
    "external": "component",
    "notification": "component",
}


def quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, newlines as `\\n`."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r", "").replace("\n", "\\n") + '"'


def _attrs(pairs: dict[str, str]) -> str:
    return ", ".join(f"{key}={quote(value)}" for key, value in pairs.items())


def _node(node: NodeView, lang: str) -> str:
    attrs = {
        "label": "\n".join(node.caption(lang, with_kind=True)),
        "shape": _SHAPES.get(node.kind, "box"),
    }
    if node.rules:
        attrs.update({"color": FINDING_COLOR, "penwidth": "3"})
    return f"{quote(node.id)} [{_attrs(attrs)}];"


def to_dot(view: DiagramView) -> str:
    """The design as DOT text; stable for the same design."""
    graph_attrs = {
        "label": view.title,
        "labelloc": "t",
        "rankdir": view.direction,
        "fontname": FONT,
        "fontsize": "16",
        "nodesep": "0.5",
        "ranksep": "0.8",
    }
    node_attrs = {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "white",
        "fontname": FONT,
        "fontsize": "12",
        "margin": "0.15,0.08",
    }
    edge_attrs = {"color": SYNC_COLOR, "fontname": FONT, "fontsize": "11"}
    lines = [
        f"digraph {quote(view.title)} {{",
        f"  graph [{_attrs(graph_attrs)}];",
        f"  node [{_attrs(node_attrs)}];",
        f"  edge [{_attrs(edge_attrs)}];",
    ]
    for tier, nodes in view.tiers:
        lines.append(f"  subgraph {quote('cluster_' + tier)} {{")
        cluster_attrs = {
            "label": tier_title(tier, view.lang),
            "style": "rounded,filled",
            "fillcolor": TIER_COLORS.get(tier, "white"),
            "color": "#AEB6BE",
            "labeljust": "l",
        }
        lines.append(f"    graph [{_attrs(cluster_attrs)}];")
        for node in nodes:
            lines.append("    " + _node(node, view.lang))
        lines.append("  }")
    for edge in view.edges:
        attrs: dict[str, str] = {}
        if edge.label:
            attrs["label"] = edge.label
        if not edge.sync:
            attrs.update({"style": "dashed", "color": ASYNC_COLOR})
        suffix = f" [{_attrs(attrs)}]" if attrs else ""
        lines.append(f"  {quote(edge.src)} -> {quote(edge.dst)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"
