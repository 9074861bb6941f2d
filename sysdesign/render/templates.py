"""Jinja2 for every page sysdesign writes: sandboxed, HTML autoescaped, Markdown-safe filters.

Templates live in the bundled `templates/` folder. A name ending in `.html.j2` renders with
autoescaping on; any other (`.md.j2`) renders with the Markdown filters below, which keep text
from files (labels, notes, findings) from breaking the page or injecting HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlsplit

from sysdesign import paths
from sysdesign.i18n import say
from sysdesign.messages import render


def _inline(value: Any) -> str:
    return " ".join(str(value if value is not None else "").split())


# Template delimiters of the static-site generators a post goes to: Liquid (Jekyll) runs
# `{{ … }}` and `{% … %}` before the Markdown is read, Hugo runs `{{< … >}}` shortcodes. As
# HTML entities they show as the same characters and run nothing.
_TEMPLATE_DELIMITERS = (
    ("{{", "&#123;&#123;"),
    ("{%", "&#123;%"),
    ("%}", "%&#125;"),
    ("}}", "&#125;&#125;"),
)


def md_block(value: Any) -> str:
    """Paragraph text made inert: no raw HTML (angle brackets), no links or images (square
    brackets escaped, so `[x](javascript:…)` and `![p](https://…/pixel.png)` stay text), no
    Liquid or Hugo template delimiters; paragraphs kept."""
    text = str(value if value is not None else "").strip()
    text = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("[", "\\[").replace("]", "\\]")
    for raw, inert in _TEMPLATE_DELIMITERS:
        text = text.replace(raw, inert)
    return text


def md_inline(value: Any) -> str:
    """Text on one line (list item, heading): whitespace collapsed, no raw HTML."""
    return md_block(_inline(value))


def md_cell(value: Any) -> str:
    """A GitHub table cell: one line, `|` escaped."""
    return md_inline(value).replace("|", "\\|")


def md_code(value: Any) -> str:
    """An inline code span that survives backticks in its text."""
    text = _inline(value)
    runs = [len(m) for m in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_code_cell(value: Any) -> str:
    return md_code(value).replace("|", "\\|")


def md_link_text(value: Any) -> str:
    """Link text or image alt text (md_inline escapes the brackets already)."""
    return md_inline(value)


def safe_url(value: Any) -> str:
    """A URL or relative path fit for a Markdown link: only http(s) or relative, encoded."""
    text = str(value or "").strip()
    scheme = urlsplit(text).scheme.lower()
    if scheme not in ("", "http", "https"):
        return ""
    return quote(text, safe=":/?#@!$&'*+,;=%~-._")


def yaml_str(value: Any) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(_inline(value), ensure_ascii=False)


def score_text(value: Any) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:.1f}"


def severity_name(lang: str, severity: str) -> str:
    if severity in ("critical", "major", "minor"):
        return render(f"output.severity.{severity}", lang)
    return severity


@lru_cache(maxsize=2)
def environment(html: bool) -> Any:
    """The sandboxed environment for HTML (autoescaped) or Markdown pages."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(paths.bundled("templates"))),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        {
            "md": md_inline,
            "md_block": md_block,
            "cell": md_cell,
            "code": md_code,
            "code_cell": md_code_cell,
            "link_text": md_link_text,
            "alt": md_link_text,
            "url_path": safe_url,
            "yaml_str": yaml_str,
            "score": score_text,
        }
    )
    return env


def render_template(name: str, context: Mapping[str, Any], *, lang: str) -> str:
    """Render `templates/<name>` in `lang`; `tr(en, ko)` and `severity(id)` are available."""
    env = environment(name.endswith(".html.j2"))
    full = {
        "lang": lang,
        "tr": lambda en, ko: say(lang, en=en, ko=ko),
        "severity": lambda sev: severity_name(lang, sev),
        "source": None,
        **context,
    }
    return str(env.get_template(name).render(full))
