"""Icon diagrams (PNG, SVG, PDF) through the diagrams package and Graphviz's `dot`.

The graph is built with explicit node ids (the component ids), so the DOT source is the same on
every run. `dot` runs in a temporary folder beside the output; the result is moved into place
atomically. SVG output carries its icons as `data:` URIs, so it stands alone.
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from sysdesign.errors import CannotWriteError, MissingToolError, SysdesignError
from sysdesign.render.graph import (
    ASYNC_COLOR,
    FINDING_COLOR,
    SYNC_COLOR,
    TIER_COLORS,
    DiagramView,
    tier_title,
)
from sysdesign.render.icons import icon_class

ImageFormat = Literal["png", "svg", "pdf"]
IMAGE_FORMATS: tuple[ImageFormat, ...] = ("png", "svg", "pdf")

_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
)


def missing_dot_message() -> str:
    return (
        "Graphviz's `dot` is not installed, so PNG, SVG and PDF diagrams cannot be drawn. "
        "Run ./setup.sh, or `sudo apt-get install graphviz fonts-nanum`; "
        "Mermaid (.mmd) and DOT (.dot) output work without it. / "
        "Graphviz의 `dot`이 설치되어 있지 않아 PNG·SVG·PDF 다이어그램을 그릴 수 없습니다. "
        "./setup.sh를 실행하거나 `sudo apt-get install graphviz fonts-nanum`으로 설치하세요. "
        "Mermaid(.mmd)와 DOT(.dot) 출력은 dot 없이도 됩니다."
    )


def dot_binary() -> str:
    """The path of `dot`, or a MissingToolError that says how to get it."""
    found = shutil.which("dot")
    if found is None:
        raise MissingToolError(missing_dot_message())
    return found


def has_dot() -> bool:
    return shutil.which("dot") is not None


@lru_cache(maxsize=1)
def label_font() -> str:
    """NanumGothic when installed (Hangul renders), else the default sans-serif."""
    for folder in _FONT_DIRS:
        base = Path(folder).expanduser()
        if base.is_dir() and next(base.rglob("NanumGothic*.ttf"), None) is not None:
            return "NanumGothic"
    return "Sans-Serif"


def wrap_lines(lines: list[str], width: int = 18) -> list[str]:
    """Long caption lines broken at spaces: the node keeps its fixed size (a wider node would
    scale its icon over the caption)."""
    import textwrap

    out: list[str] = []
    for line in lines:
        out.extend(textwrap.wrap(line, width=width, break_long_words=False) or [line])
    return out


def _text(value: str) -> Any:
    """A label graphviz takes literally: never an HTML-like label, backslashes kept."""
    from graphviz import nohtml  # type: ignore[import-untyped,unused-ignore]

    return nohtml(value.replace("\\", "\\\\"))


def diagram_source(view: DiagramView, provider: str = "onprem") -> str:
    """The DOT source the diagrams package builds for this design (icon paths included)."""
    import diagrams

    font = label_font()
    graph_attr = {
        "pad": "0.4",
        "splines": "spline",
        "nodesep": "0.5",
        "ranksep": "0.9",
        "fontname": font,
        "fontsize": "18",
        "label": _text(view.title),
        "labelloc": "t",
    }
    node_attr = {"fontname": font, "fontsize": "12"}
    canvas = diagrams.Diagram(
        filename="diagram",
        direction=view.direction,
        curvestyle="curved",
        outformat="png",
        show=False,
        graph_attr=graph_attr,
        node_attr=node_attr,
    )
    # The Digraph's own name: stable and plain.
    canvas.dot.name = "design"
    diagrams.setdiagram(canvas)
    try:
        nodes: dict[str, Any] = {}
        for tier, members in view.tiers:
            cluster_attr = {
                "fontname": font,
                "fontsize": "13",
                "bgcolor": TIER_COLORS.get(tier, "#F4F6F7"),
            }
            with diagrams.Cluster(tier_title(tier, view.lang), graph_attr=cluster_attr) as cluster:
                cluster.dot.graph_attr["label"] = _text(tier_title(tier, view.lang))
                cluster.dot.name = f"cluster_{tier}"
                for node in members:
                    attrs: dict[str, Any] = {}
                    if node.rules:
                        attrs = {
                            "shape": "box",
                            "style": "rounded,bold",
                            "color": FINDING_COLOR,
                            "fontcolor": FINDING_COLOR,
                            "penwidth": "3",
                        }
                    cls = icon_class(provider, node.kind)
                    lines = wrap_lines(node.caption(view.lang, with_kind=False, rule_per_line=True))
                    caption = "\n".join(lines)
                    nodes[node.id] = cls(_text(caption), nodeid=node.id, **attrs)
        for edge in view.edges:
            edge_attr: dict[str, Any] = {"fontname": font, "fontsize": "11"}
            if edge.label:
                edge_attr["label"] = _text(edge.label)
            if edge.sync:
                edge_attr["color"] = SYNC_COLOR
            else:
                edge_attr.update(
                    {"color": ASYNC_COLOR, "style": "dashed", "fontcolor": ASYNC_COLOR}
                )
            src = nodes[edge.src]
            src.connect(nodes[edge.dst], diagrams.Edge(src, forward=True, **edge_attr))
    finally:
        diagrams.setdiagram(None)
    return str(canvas.dot.source)


_HREF = re.compile(r'(xlink:href|href)="([^"]+)"')
_MIME = {".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


def inline_images(svg: str) -> str:
    """Replace every reference to a local file in an SVG by a `data:` URI of its content."""
    cache: dict[str, str] = {}

    def repl(match: re.Match[str]) -> str:
        attr, ref = match.group(1), match.group(2)
        path = Path(ref)
        if ref.startswith("data:") or not path.is_absolute() or not path.is_file():
            return match.group(0)
        if ref not in cache:
            mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
            payload = base64.b64encode(path.read_bytes()).decode("ascii")
            cache[ref] = f"data:{mime};base64,{payload}"
        return f'{attr}="{cache[ref]}"'

    return _HREF.sub(repl, svg)


DEFAULT_DOT_TIMEOUT = 10.0
DOT_TIMEOUT_ENV = "SYSDESIGN_DOT_TIMEOUT"


def dot_timeout() -> float:
    """Seconds `dot` may run: SYSDESIGN_DOT_TIMEOUT, default 10 (a 100-component design takes
    well under one; thousands of nodes can take Graphviz many minutes)."""
    import math
    import os

    raw = os.environ.get(DOT_TIMEOUT_ENV, "").strip()
    try:
        value = float(raw) if raw else DEFAULT_DOT_TIMEOUT
    except ValueError:
        value = DEFAULT_DOT_TIMEOUT
    return value if math.isfinite(value) and 0 < value <= 86_400 else DEFAULT_DOT_TIMEOUT


def run_dot(source: str, fmt: str, *, cwd: Path | None = None) -> bytes:
    """Run `dot -T<fmt>` on the source and return its output, within `dot_timeout()`."""
    binary = dot_binary()
    args = [binary, f"-T{fmt}"]
    limit = dot_timeout()
    try:
        proc = subprocess.run(
            args, input=source.encode("utf-8"), capture_output=True, cwd=cwd, timeout=limit
        )
    except subprocess.TimeoutExpired:
        raise SysdesignError(
            f"Graphviz's dot did not finish within {limit:g} s: the design is too large to draw "
            f"with icons. Write Mermaid (-o FILE.mmd) or DOT text (-o FILE.dot) instead, or "
            f"give dot more time with {DOT_TIMEOUT_ENV}=SECONDS / Graphviz dot이 {limit:g}초 "
            "안에 끝나지 않았습니다. 아이콘 그림으로 그리기에는 설계가 너무 큽니다. Mermaid"
            f"(-o FILE.mmd)나 DOT 텍스트(-o FILE.dot)로 쓰거나 {DOT_TIMEOUT_ENV}로 시간을 "
            "늘리세요"
        ) from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip()
        raise SysdesignError(f"dot failed: {detail} / dot 실행 실패")
    return proc.stdout


def render_svg_text(view: DiagramView, provider: str = "onprem") -> str:
    """A standalone SVG document (icons inlined)."""
    svg = run_dot(diagram_source(view, provider), "svg").decode("utf-8")
    return inline_images(svg)


_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)


def svg_for_html(view: DiagramView, provider: str = "onprem") -> str:
    """An SVG element to embed in an HTML page: no XML prolog, doctype or comments."""
    return _PROLOG.sub("", render_svg_text(view, provider)).strip()


def write_image(
    view: DiagramView,
    target: Path,
    fmt: ImageFormat,
    *,
    provider: str = "onprem",
    force: bool = False,
) -> Path:
    """Render PNG/SVG/PDF to `target` through a staging folder; returns `target`."""
    from sysdesign.render.files import check_target, place, staging_dir

    check_target(target, force=force)
    dot_binary()
    source = diagram_source(view, provider)
    with staging_dir(target) as tmp:
        staged = tmp / f"diagram.{fmt}"
        data = run_dot(source, fmt, cwd=tmp)
        if fmt == "svg":
            data = inline_images(data.decode("utf-8")).encode("utf-8")
        try:
            staged.write_bytes(data)
        except OSError as exc:  # a full disk, a quota
            raise CannotWriteError(target, exc) from exc
        place(staged, target, force=force)
    return target


OutputFormat = Literal["png", "svg", "pdf", "dot", "mermaid"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("png", "svg", "pdf", "dot", "mermaid")
SUFFIXES: dict[str, OutputFormat] = {
    ".png": "png",
    ".svg": "svg",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
}


def format_for(target: Path, explicit: str | None) -> OutputFormat:
    """The output format: `--format` when given, else from the file's suffix."""
    from sysdesign.errors import UsageError
    from sysdesign.yamlio import did_you_mean

    if explicit:
        low = explicit.strip().lower()
        low = "mermaid" if low == "mmd" else low
        if low not in OUTPUT_FORMATS:
            raise UsageError(
                f"unknown format {explicit!r}{did_you_mean(low, OUTPUT_FORMATS)}: use "
                f"{', '.join(OUTPUT_FORMATS)} / 알 수 없는 형식입니다"
            )
        return low  # type: ignore[return-value,unused-ignore]
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(
            f"cannot tell the format from {target.name!r}: use a suffix "
            f"({' '.join(SUFFIXES)}) or --format / 파일 확장자로 형식을 알 수 없습니다. "
            "확장자나 --format을 주세요"
        )
    return SUFFIXES[suffix]


def write_diagram(
    view: DiagramView,
    target: Path,
    fmt: OutputFormat,
    *,
    provider: str = "onprem",
    force: bool = False,
) -> Path:
    """Write the diagram in any output format; text formats need no Graphviz."""
    if fmt == "png" or fmt == "svg" or fmt == "pdf":
        return write_image(view, target, fmt, provider=provider, force=force)
    from sysdesign.render.dot import to_dot
    from sysdesign.render.files import write_output
    from sysdesign.render.mermaid import to_mermaid

    text = to_dot(view) if fmt == "dot" else to_mermaid(view)
    write_output(target, text.encode("utf-8"), force=force)
    return target
