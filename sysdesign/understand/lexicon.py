"""The bilingual domain lexicon (data/lexicon.yaml): concepts and their surface forms.

A concept ("users") gathers the words that name it in both languages ("user base", "DAU",
"이용자", "가입자"). Reading a text for concepts makes a paraphrase and the fact's own words
meet: "How many people open the app every day?" and "일일 활성 사용자" both carry `dau`.
A concept may also imply a design tag (`idempotency`) or name a technology (`mysql`), which
the design checker reads from labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sysdesign.understand.normalise import (
    is_hangul,
    normalise,
    split_units,
    tokens,
    whole_word,
)

if TYPE_CHECKING:
    from sysdesign.models.lexicon import LexiconFile


# A Korean compound noun ending in 팀 names a team (검색팀, 배차팀은): the lexicon's `team`.
TEAM_CONCEPT = "team"
TEAM_SUFFIX = "팀"


@dataclass(frozen=True)
class Entry:
    """One concept as the matcher uses it."""

    id: str
    tags: tuple[str, ...] = ()
    tech: str | None = None
    kind: str | None = None
    broader: tuple[str, ...] = ()
    assumption: bool = False


@dataclass
class Lexicon:
    """Surface forms compiled for matching: token sequences, and long Korean forms that may
    occur inside a token or across a space."""

    entries: dict[str, Entry] = field(default_factory=dict)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    joined: list[tuple[str, str]] = field(default_factory=list)

    def add(self, entry: Entry, forms: list[str]) -> None:
        self.entries[entry.id] = entry
        touched: set[str] = set()
        for form in forms:
            seq = tuple(tokens(form))
            if not seq:
                continue
            self.by_first.setdefault(seq[0], []).append((seq, entry.id))
            touched.add(seq[0])
            joined = "".join(seq)
            if is_hangul(joined) and len(joined) > 2:
                self.joined.append((joined, entry.id))
        # Longest form first; only the lists this entry grew (sorting all is quadratic).
        for first in touched:
            self.by_first[first].sort(key=lambda item: len(item[0]), reverse=True)

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """Where each concept is named in `text`: (concept id, first token, end token), in
        order of appearance. A long Korean form found inside or across tokens spans the tokens
        it overlaps; one found only in the unstemmed text spans none (start == end)."""
        toks = tokens(text)
        # a short Korean form must be a word, not a verb's stem (감사 ≠ 감사합니다)
        whole = [whole_word(t) for t in split_units(normalise(text)).split()]
        found: list[tuple[str, int, int]] = []
        for i, tok in enumerate(toks):
            for seq, cid in self.by_first.get(tok, ()):
                if tuple(toks[i : i + len(seq)]) != seq:
                    continue
                if len(seq) == 1 and is_hangul(tok) and len(tok) <= 2 and not whole[i]:
                    continue
                found.append((cid, i, i + len(seq)))
            if (
                TEAM_CONCEPT in self.entries
                and is_hangul(tok)
                and len(tok) >= 3
                and tok.endswith(TEAM_SUFFIX)
            ):
                found.append((TEAM_CONCEPT, i, i + 1))  # 검색팀, 배차팀: a team's name
        if self.joined:
            flat = "".join(toks)
            spaced = normalise(text).replace(" ", "")
            ends: list[int] = []  # the offset in `flat` where each token ends
            for tok in toks:
                ends.append((ends[-1] if ends else 0) + len(tok))
            seen = {cid for cid, _, _ in found}
            for joined, cid in self.joined:
                if cid in seen:
                    continue
                at = flat.find(joined)
                if at >= 0:
                    first = next(i for i, end in enumerate(ends) if end > at)
                    last = next(i for i, end in enumerate(ends) if end >= at + len(joined))
                    found.append((cid, first, last + 1))
                    seen.add(cid)
                elif joined in spaced:
                    found.append((cid, 0, 0))
                    seen.add(cid)
        return self._drop_nested_side_topics(found)

    def _drop_nested_side_topics(
        self, found: list[tuple[str, int, int]]
    ) -> list[tuple[str, int, int]]:
        """A side topic named only inside a longer domain form is not asked: "latency budget"
        and "지연 예산" name latency, not the budget."""
        domain = [(s, e) for cid, s, e in found if not self.entries[cid].assumption and e > s]
        return [
            (cid, s, e)
            for cid, s, e in found
            if not (
                self.entries[cid].assumption
                and e > s
                and any(ds <= s and e <= de and de - ds > e - s for ds, de in domain)
            )
        ]

    def concepts(self, text: str) -> list[str]:
        """Concept ids found in `text`, in order of appearance, with their broader concepts."""
        found = [cid for cid, _, _ in self.spans(text)]
        out: list[str] = []
        for cid in found:
            if cid not in out:
                out.append(cid)
            for b in self.entries[cid].broader:
                if b not in out:
                    out.append(b)
        return out

    def tags_in(self, text: str) -> dict[str, str]:
        """Design tags implied by `text`: tag → the concept that implied it."""
        out: dict[str, str] = {}
        for cid in self.concepts(text):
            for tag in self.entries[cid].tags:
                out.setdefault(tag, cid)
        return out

    def tech_in(self, text: str) -> str | None:
        """The first technology named in `text` (e.g. "mysql"), if any."""
        for cid in self.concepts(text):
            tech = self.entries[cid].tech
            if tech:
                return tech
        return None


def lexicon_path() -> Path:
    from sysdesign.paths import bundled

    return bundled("data") / "lexicon.yaml"


def compile_lexicon(model: LexiconFile) -> Lexicon:
    lex = Lexicon()
    for c in model.concepts:
        lex.add(
            Entry(
                id=c.id,
                tags=tuple(c.tags),
                tech=c.tech,
                kind=c.kind,
                broader=tuple(c.broader),
                assumption=c.assumption,
            ),
            [c.id.replace("_", " "), *c.en, *c.ko],
        )
    return lex


_CONCEPT_KEYS = frozenset({"id", "en", "ko", "broader", "tags", "tech", "kind", "assumption"})
_SLUG = re.compile(r"[a-z0-9][a-z0-9_]*")


def _words(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def read_entries(data: Any) -> list[tuple[Entry, list[str]]] | None:
    """The lexicon file's concepts and their surface forms, read without pydantic, when the
    data is exactly what `LexiconFile` accepts unchanged (the same checks, its validator's
    included); else None, and the model validates the file and says what is wrong."""
    raw = data.get("concepts") if isinstance(data, dict) and set(data) == {"concepts"} else None
    if not isinstance(raw, list) or not raw:
        return None
    entries: list[tuple[Entry, list[str]]] = []
    for c in raw:
        if not isinstance(c, dict) or not _CONCEPT_KEYS.issuperset(c):
            return None
        cid, tech, kind = c.get("id"), c.get("tech"), c.get("kind")
        lists = [_words(c.get(name, [])) for name in ("en", "ko", "broader", "tags")]
        assumption = c.get("assumption", False)
        if not isinstance(cid, str) or not _SLUG.fullmatch(cid) or not isinstance(assumption, bool):
            return None
        if not all(v is None or isinstance(v, str) for v in (tech, kind)):
            return None
        en, ko, broader, tags = lists
        if en is None or ko is None or broader is None or tags is None:
            return None
        if any(not w or w != w.lower() or w.strip() != w for w in [*en, *ko]):
            return None
        entry = Entry(cid, tuple(tags), tech, kind, tuple(broader), assumption)
        entries.append((entry, [cid.replace("_", " "), *en, *ko]))
    ids = [e.id for e, _ in entries]
    if len(set(ids)) != len(ids) or any(b not in ids for e, _ in entries for b in e.broader):
        return None
    return entries


def read_lexicon(data: Any) -> Lexicon | None:
    """`read_entries` compiled (None when the model must validate the file)."""
    entries = read_entries(data)
    if entries is None:
        return None
    lex = Lexicon()
    for entry, forms in entries:
        lex.add(entry, forms)
    return lex


def _file_entries(path: Path) -> list[tuple[Entry, list[str]]]:
    """The lexicon file's concepts and forms: read without pydantic, else through the model."""
    from sysdesign.library import load_lexicon
    from sysdesign.yamlio import read_yaml

    fast = read_entries(read_yaml(path).data)
    if fast is not None:
        return fast
    return [
        (
            Entry(c.id, tuple(c.tags), c.tech, c.kind, tuple(c.broader), c.assumption),
            [c.id.replace("_", " "), *c.en, *c.ko],
        )
        for c in load_lexicon(path).concepts
    ]


def compile_tag_lexicon_file(path: Path) -> Lexicon:
    """The lexicon as `tags_in` and `tech_in` read it: every entry, but the surface forms of
    only the concepts that imply a tag or name a technology, themselves or through a broader
    concept (about a third of them). Their results are those of the whole lexicon: a concept
    without forms is never found, so it can neither give a tag nor hide one; the concepts found
    keep their order; and the only concepts `spans` drops (side topics, `assumption: true`)
    imply no tag or technology, which is checked here (else every form is compiled)."""
    entries = _file_entries(path)
    by_id = {e.id: e for e, _ in entries}

    def leads_to_tag(cid: str, seen: frozenset[str] = frozenset()) -> bool:
        e = by_id[cid]
        if e.tags or e.tech:
            return True
        return any(leads_to_tag(b, seen | {cid}) for b in e.broader if b not in seen)

    needed = {cid for cid in by_id if leads_to_tag(cid)}
    if any(by_id[cid].assumption for cid in needed):
        needed = set(by_id)
    lex = Lexicon()
    for entry, forms in entries:
        lex.add(entry, forms if entry.id in needed else [])
    return lex


@lru_cache(maxsize=1)
def tag_lexicon() -> Lexicon:
    """The lexicon for `tags_in` and `tech_in` only (the design checker's reading of labels):
    `compile_tag_lexicon_file`, cached on disk like `lexicon()`."""
    from sysdesign.library import cached
    from sysdesign.understand import normalise

    code = (__file__, normalise.__file__)
    return cached(compile_tag_lexicon_file, lexicon_path(), code)  # type: ignore[no-any-return]


def compile_lexicon_file(path: Path) -> Lexicon:
    lex = Lexicon()
    for entry, forms in _file_entries(path):
        lex.add(entry, forms)
    return lex


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled lexicon, validated (line-numbered errors) and compiled once: the compiled
    form is cached on disk until the file or the code that compiles it changes."""
    from sysdesign.library import cached
    from sysdesign.understand import normalise

    code = (__file__, normalise.__file__)
    return cached(compile_lexicon_file, lexicon_path(), code)  # type: ignore[no-any-return]
