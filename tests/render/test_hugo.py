"""`export blog --front-matter hugo` writes a Hugo page bundle whose image link works under
Hugo's pretty URLs, and the README's Mermaid render hook makes Hugo draw the diagram."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sysdesign.render.blog import image_path_for, post_path_for
from tests.helpers import invoke

ROOT = Path(__file__).resolve().parents[2]
NEWS_FEED = ROOT / "designs" / "news-feed.yaml"


def test_bundle_paths() -> None:
    post = post_path_for(Path("content/posts/news-feed.md"), "hugo")
    assert post == Path("content/posts/news-feed/index.md")
    assert image_path_for(post, "png") == Path("content/posts/news-feed/diagram.png")
    # a target already named index.md is the bundle itself
    same = Path("content/posts/chat/index.md")
    assert post_path_for(same, "hugo") == same
    # Jekyll and plain Markdown keep the post where it was asked for
    flat = Path("_posts/2026-01-01-news-feed.md")
    assert post_path_for(flat, "jekyll") == flat
    assert image_path_for(flat, "svg") == Path("_posts/2026-01-01-news-feed-diagram.svg")


def test_export_blog_hugo_writes_a_page_bundle(tmp_path: Path) -> None:
    target = tmp_path / "content" / "posts" / "news-feed.md"
    code, _out, err = invoke("export", "blog", str(NEWS_FEED), "-o", str(target), "--lang", "ko")
    assert code == 0, err
    index = tmp_path / "content" / "posts" / "news-feed" / "index.md"
    assert index.is_file() and not target.exists()
    text = index.read_text("utf-8")
    assert text.startswith("---\ntitle: ")
    assert "```mermaid" in text
    if shutil.which("dot"):
        assert (index.parent / "diagram.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert re.search(r"!\[[^\]]*\]\(diagram\.png\)", text)
    # the Korean post speaks Korean figures
    assert "하루 2천만 건" in text and "초당 231건" in text
    # a second export is refused without --force, then replaces the bundle's files with it
    code, _, err = invoke("export", "blog", str(NEWS_FEED), "-o", str(target))
    assert code == 2 and "--force" in err
    code, _, err = invoke("export", "blog", str(NEWS_FEED), "-o", str(target), "--force")
    assert code == 0, err


def _readme_block(after: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tail = readme.split(after, 1)[1]
    match = re.search(r"```html\n(.*?)\n```", tail, flags=re.S)
    assert match, f"no html block after {after!r} in README"
    return match.group(1)


@pytest.mark.skipif(shutil.which("hugo") is None, reason="the hugo binary is not installed")
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_a_real_hugo_site_serves_the_post_its_image_and_the_mermaid_block(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "layouts" / "_default" / "_markup").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "t"\n')
    hook = _readme_block("render-codeblock-mermaid.html")
    (site / "layouts" / "_default" / "_markup" / "render-codeblock-mermaid.html").write_text(hook)
    loader = _readme_block("layouts/_default/single.html")
    (site / "layouts" / "_default" / "single.html").write_text(
        "<html><body>{{ .Content }}" + loader + "</body></html>"
    )
    (site / "layouts" / "_default" / "list.html").write_text("<html></html>")
    code, _, err = invoke(
        "export", "blog", str(NEWS_FEED), "-o", str(site / "content" / "posts" / "news-feed.md")
    )
    assert code == 0, err
    done = subprocess.run(
        ["hugo", "--quiet", "--source", str(site)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    page = site / "public" / "posts" / "news-feed" / "index.html"
    html = page.read_text(encoding="utf-8")
    # served at /posts/news-feed/, the image is beside the page, so its relative link resolves
    assert re.search(r'<img src="diagram\.png"', html)
    assert (page.parent / "diagram.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # the render hook turned the Mermaid block into a diagram container, and mermaid is loaded
    assert '<pre class="mermaid">' in html and "flowchart LR" in html
    assert "mermaid.initialize" in html
