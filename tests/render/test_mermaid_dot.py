from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sysdesign.models.design import Design
from sysdesign.render.dot import quote, to_dot
from sysdesign.render.graph import build_view
from sysdesign.render.mermaid import escape_label, mermaid_ids, to_mermaid

Golden = Callable[[str, str], None]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_mermaid_golden(design: Design, golden: Golden, lang: str) -> None:
    golden(f"chat.{lang}.mmd", to_mermaid(build_view(design, lang=lang)))


def test_mermaid_highlight_and_direction_golden(design: Design, golden: Golden) -> None:
    view = build_view(design, direction="TB", highlights={"cache": ["unreplicated-store", "spof"]})
    golden("chat.highlight.mmd", to_mermaid(view))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_dot_golden(design: Design, golden: Golden, lang: str) -> None:
    golden(f"chat.{lang}.dot", to_dot(build_view(design, lang=lang)))


def test_dot_highlight_golden(design: Design, golden: Golden) -> None:
    golden("chat.highlight.dot", to_dot(build_view(design, highlights={"lb": ["spof"]})))


def test_output_is_stable(design: Design) -> None:
    view = build_view(design)
    assert to_mermaid(view) == to_mermaid(build_view(design))
    assert to_dot(view) == to_dot(build_view(design))


def test_mermaid_has_a_subgraph_per_tier_and_dotted_async_edges(design: Design) -> None:
    text = to_mermaid(build_view(design))
    assert re.findall(r"subgraph tier_(\w+)", text) == [
        "clients",
        "edge",
        "services",
        "async",
        "data",
        "external",
    ]
    assert "n_chat -.-> n_bus" in text  # an edge into a pub/sub is asynchronous
    assert "n_gateway --> n_chat" in text


@given(st.text(max_size=60))
def test_escaped_label_has_no_mermaid_syntax(text: str) -> None:
    out = escape_label(text)
    assert not set(out) & set('"<>`|\n\r')
    # every '#' starts one of our entity codes
    assert all(re.match(r"#(\w+|\d+);", out[m.start() :]) for m in re.finditer("#", out))


def test_escape_label_examples() -> None:
    assert escape_label('a "b" <c> & d#') == "a #quot;b#quot; #lt;c#gt; #amp; d#35;"
    assert escape_label("채팅 서버\n(주)") == "채팅 서버 (주)"


def test_mermaid_ids_avoid_keywords_and_collisions() -> None:
    ids = mermaid_ids(["end", "a-b", "a_b", "graph"])
    assert ids == {"end": "n_end", "a-b": "n_a_b", "a_b": "n_a_b_2", "graph": "n_graph"}


@given(st.text(max_size=40))
def test_dot_quote_round_trips(text: str) -> None:
    quoted = quote(text)
    assert quoted.startswith('"') and quoted.endswith('"')
    inner = quoted[1:-1]
    assert "\n" not in inner
    # no unescaped quote inside
    assert not re.search(r'(?<!\\)(?:\\\\)*"', inner.replace("\\\\", ""))


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_dot_output_is_valid_graphviz(design: Design) -> None:
    text = to_dot(build_view(design, lang="ko", highlights={"lb": ["spof"]}))
    proc = subprocess.run(["dot", "-Tsvg"], input=text.encode(), capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    svg = proc.stdout.decode()
    assert "사용자 (앱)" in svg and "Cassandra" in svg
