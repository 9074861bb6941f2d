"""Mutations a reviewer applies to a strong design to see the right rule fire."""

from __future__ import annotations

from typing import Any

from sysdesign.models.design import Design


def _rebuild(design: Design, components: dict[str, Any], edges: list[dict[str, Any]]) -> Design:
    data = design.model_dump(exclude={"components", "connections"}, exclude_none=True)
    data["components"] = components
    data["connections"] = edges
    return Design.model_validate(data)


def _components(design: Design) -> dict[str, Any]:
    return {cid: c.model_dump(exclude_none=True) for cid, c in design.components.items()}


def _edges(design: Design) -> list[dict[str, Any]]:
    out = []
    for e in design.edges():
        # `sync` as resolved, so an explicit `sync: false` survives the rebuild
        item: dict[str, Any] = {"from": e.src, "to": e.dst, "sync": e.sync}
        if e.label:
            item["label"] = e.label
        out.append(item)
    return out


def bypass(design: Design, cid: str) -> Design:
    """Remove a component and join what called it to what it called (a candidate who never
    drew it would have drawn exactly that)."""
    edges = _edges(design)
    preds = [e for e in edges if e["to"] == cid]
    succs = [e for e in edges if e["from"] == cid]
    kept = [e for e in edges if cid not in (e["from"], e["to"])]
    seen = {(e["from"], e["to"]) for e in kept}
    for p in preds:
        for s in succs:
            pair = (p["from"], s["to"])
            if pair[0] != pair[1] and pair not in seen:
                seen.add(pair)
                joined = {"from": pair[0], "to": pair[1], "sync": s["sync"]}
                if s.get("label"):
                    joined["label"] = s["label"]
                kept.append(joined)
    components = _components(design)
    del components[cid]
    return _rebuild(design, components, kept)


def single(design: Design, cid: str) -> Design:
    """One instance, not managed."""
    components = _components(design)
    components[cid] = {**components[cid], "replicas": 1, "managed": False}
    return _rebuild(design, components, _edges(design))


def connect(design: Design, src: str, dst: str, label: str | None = None) -> Design:
    edges = _edges(design)
    edges.append({"from": src, "to": dst, **({"label": label} if label else {})})
    return _rebuild(design, _components(design), edges)
