"""Mermaid `flowchart` text: renders on GitHub, one subgraph per tier, stable output."""

from __future__ import annotations

import re

from sysdesign.render.graph import ASYNC_COLOR, FINDING_COLOR, DiagramView, tier_title

# Characters Mermaid would read as syntax inside a quoted label, as its entity codes.
_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "|": "#124;",
    # `%%` opens a comment or an `%%{init: …}%%` directive that reconfigures the renderer.
    "%": "#37;",
    # Liquid (Jekyll) runs `{{ … }}` and `{% … %}` even inside a fenced Mermaid block.
    "{": "#123;",
    "}": "#125;",
}
_ENTITY_RE = re.compile("|".join(re.escape(ch) for ch in _ENTITIES))


def escape_label(text: str) -> str:
    """Text safe inside a Mermaid `"…"` label: syntax characters become entity codes."""
    one_line = " ".join(text.split())
    return _ENTITY_RE.sub(lambda m: _ENTITIES[m.group(0)], one_line)


def mermaid_ids(component_ids: list[str]) -> dict[str, str]:
    """A Mermaid-safe id per component: `n_` prefix (never a keyword), `-` → `_`, unique."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for cid in component_ids:
        base = "n_" + re.sub(r"[^A-Za-z0-9_]", "_", cid)
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}_{n}", n + 1
        used.add(candidate)
        out[cid] = candidate
    return out


def to_mermaid(view: DiagramView) -> str:
    """The design as a Mermaid flowchart (no fence)."""
    ids = mermaid_ids([n.id for n in view.nodes])
    lines = [f"flowchart {view.direction}"]
    for tier, nodes in view.tiers:
        lines.append(f'  subgraph tier_{tier}["{escape_label(tier_title(tier, view.lang))}"]')
        for node in nodes:
            caption = "<br/>".join(
                escape_label(line) for line in node.caption(view.lang, with_kind=True)
            )
            lines.append(f'    {ids[node.id]}["{caption}"]')
        lines.append("  end")
    async_links: list[int] = []
    for index, edge in enumerate(view.edges):
        arrow = "-->" if edge.sync else "-.->"
        if not edge.sync:
            async_links.append(index)
        label = f'|"{escape_label(edge.label)}"|' if edge.label else ""
        lines.append(f"  {ids[edge.src]} {arrow}{label} {ids[edge.dst]}")
    if async_links:
        joined = ",".join(str(i) for i in async_links)
        lines.append(f"  linkStyle {joined} stroke:{ASYNC_COLOR}")
    flagged = [ids[n.id] for n in view.nodes if n.rules]
    if flagged:
        lines.append(f"  classDef finding stroke:{FINDING_COLOR},stroke-width:3px")
        lines.append(f"  class {','.join(flagged)} finding")
    return "\n".join(lines) + "\n"
