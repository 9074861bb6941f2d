"""A hostile-input corpus, generated at test time (nothing large is kept in git).

Each case is a design file an attacker or an unlucky user could hand to sysdesign, with what
the contract says must happen: `ok` (read and used), or `refused` (a located message, exit 2 for
commands that need the file, exit 1 or 2 for `validate`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Expect = Literal["ok", "refused"]

BASE = """name: corpus
components:
  users: {kind: client}
  lb: {kind: load_balancer, replicas: 2}
  web: {kind: service, replicas: 3, label: Web}
  db: {kind: sql_db, replicas: 2}
connections:
  - users -> lb -> web -> db
"""


@dataclass(frozen=True)
class Case:
    name: str
    expect: Expect
    write: Callable[[Path], None]


def _text(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(text, encoding="utf-8")


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _with(line: str) -> str:
    return BASE + line + "\n"


def _web(attrs: str) -> str:
    return BASE.replace("web: {kind: service, replicas: 3, label: Web}", f"web: {{{attrs}}}")


def _label(label: str) -> str:
    return BASE.replace("label: Web", f"label: {label}")


def _nested(depth: int) -> str:
    return "components: " + "[" * depth + "]" * depth + "\n"


def _laughs() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    return "\n".join(lines) + "\ncomponents: {x: service}\nnotes: *a9\n"


def _many(n: int) -> str:
    comps = "\n".join(f"  s{i}: service" for i in range(n))
    chain = " -> ".join(f"s{i}" for i in range(min(n, 200)))
    return (
        f"name: many\ncomponents:\n  users: client\n{comps}\nconnections:\n  - users -> {chain}\n"
    )


CASES: list[Case] = [
    # numbers
    Case("replicas-500-digits", "refused", _text(_web("kind: service, replicas: " + "9" * 500))),
    Case("replicas-5000-digits", "refused", _text(_web("kind: service, replicas: " + "9" * 5000))),
    Case("replicas-hex-huge", "refused", _text(_web("kind: service, replicas: 0x" + "f" * 60))),
    Case("replicas-zero", "refused", _text(_web("kind: service, replicas: 0"))),
    Case("replicas-negative", "refused", _text(_web("kind: service, replicas: -3"))),
    Case("replicas-float", "refused", _text(_web("kind: service, replicas: 2.5"))),
    Case("replicas-nan", "refused", _text(_web("kind: service, replicas: .nan"))),
    Case("replicas-10e6", "refused", _text(_web("kind: service, replicas: 10000001"))),
    Case("shards-huge", "refused", _text(_web("kind: service, shards: 1" + "0" * 40))),
    Case(
        "estimates-1e308",
        "refused",
        _text(_with("estimates: {dau: 1e308, writes_per_user: 1e308}")),
    ),
    Case("estimates-nan", "refused", _text(_with("estimates: {dau: .nan}"))),
    Case("estimates-inf", "refused", _text(_with("estimates: {dau: -.inf}"))),
    Case("estimates-float-1e400", "refused", _text(_with("estimates: {dau: 1.0e+400}"))),
    Case(
        "estimates-tiny", "refused", _text(_with("estimates: {dau: 10M, writes_per_user: 1e-300}"))
    ),
    Case("estimates-long-digits", "refused", _text(_with("estimates: {dau: '" + "9" * 400 + "'}"))),
    Case("estimates-words", "refused", _text(_with("estimates: {dau: lots}"))),
    Case(
        "estimates-max-ok",
        "ok",
        _text(_with("estimates: {dau: 1e18, writes_per_user: 1e18/day, write_size: 1e18EB}")),
    ),
    Case("capacity-1e308", "refused", _text(_web("kind: service, capacity: 1e308 rps"))),
    Case("capacity-nan", "refused", _text(_web("kind: service, capacity: nan rps"))),
    # encodings and bytes
    Case("nul-byte", "refused", _bytes(BASE.encode() + b"notes: [a\x00b]\n")),
    Case("utf16-le-no-bom", "refused", _bytes(BASE.encode("utf-16-le"))),
    Case("utf16-be-no-bom", "refused", _bytes(BASE.encode("utf-16-be"))),
    Case("utf16-bom", "refused", _bytes(BASE.encode("utf-16"))),
    Case("latin1", "refused", _bytes(_label("caf\xe9").encode("latin-1"))),
    Case("surrogate-bytes", "refused", _bytes(_label("x").encode() + b"notes: [\xed\xa0\x80]\n")),
    Case("raw-escape-char", "refused", _bytes(_label("a\x1b[2Jb").encode())),
    Case("utf8-bom", "ok", _bytes(b"\xef\xbb\xbf" + BASE.encode())),
    Case("crlf", "ok", _bytes(BASE.replace("\n", "\r\n").encode())),
    Case("binary-noise", "refused", _bytes(bytes(range(256)) * 8)),
    # structure
    Case("empty", "refused", _text("")),
    Case("only-comment", "refused", _text("# nothing\n")),
    Case("top-level-list", "refused", _text("- a\n- b\n")),
    Case("top-level-scalar", "refused", _text("hello\n")),
    Case("deep-nesting", "refused", _text(_nested(5000))),
    Case("billion-laughs", "refused", _text(_laughs())),
    Case("duplicate-key", "refused", _text(BASE + "name: again\n")),
    Case("unknown-key", "refused", _text(_with("colour: blue"))),
    Case("python-tag", "refused", _text(_with("notes: !!python/object/apply:os.system ['true']"))),
    Case("unknown-kind", "refused", _text(_web("kind: quantum_computer"))),
    Case("unknown-component", "refused", _text(_with("  - web -> nowhere").replace("\n\n", "\n"))),
    Case("self-loop", "refused", _text(BASE + "  - web -> web\n")),
    Case("bad-id", "refused", _text(BASE.replace("  db:", "  'D B!':"))),
    Case("very-long-key", "refused", _text(BASE.replace("  db:", "  " + "d" * 20000 + ":"))),
    Case("unclosed-flow", "refused", _text("components: {a: service\n")),
    Case("tab-indent", "refused", _text("components:\n\ta: service\n")),
    Case("many-components", "ok", _text(_many(3000))),
    Case("long-label", "ok", _text(_label("x" * 200_000))),
    Case("unicode-label", "ok", _text(_label("'웹 서버 🚀 \u202e evil'"))),
    # injection through text that reaches Markdown, Mermaid, DOT, HTML and the terminal
    Case("md-link", "ok", _text(_label("'[x](javascript:alert(1))'"))),
    Case("md-image", "ok", _text(_label("'![p](https://example.com/pixel.png)'"))),
    Case("liquid", "ok", _text(_label("'{% include secrets %} {{ site.x }}'"))),
    Case("hugo-shortcode", "ok", _text(_label("'{{< youtube x >}} {{% note %}}'"))),
    Case("mermaid-directive", "ok", _text(_label('\'%%{init: {"theme": "dark"}}%%\''))),
    Case("html-script", "ok", _text(_label("'<script>alert(1)</script>'"))),
    Case("dot-quote", "ok", _text(_label("'a\" ]; evil [label=\"x'"))),
    Case(
        "terminal-escapes",
        "ok",
        _text(BASE.replace("name: corpus", 'name: "x\\e]0;pwned\\a\\e[2J\\e]52;c;aGk=\\a"')),
    ),
    Case(
        "notes-injection",
        "ok",
        _text(_with("notes: ['[a](javascript:x)', '{% raw %}', '![i](http://e/p.png)']")),
    ),
]
