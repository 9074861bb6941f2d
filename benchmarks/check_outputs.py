"""Record what `sysdesign check` prints, to prove a speed-up changed none of it.

Run:  .venv/bin/python benchmarks/check_outputs.py --record before.json   (on the old code, e.g.
      with PYTHONPATH=<old checkout>)
      .venv/bin/python benchmarks/check_outputs.py --compare before.json  (on the new code)

Every bundled design (designs/*.yaml) and every design under tests/data/designs is checked in
English and Korean, with `--json`, `--json --lang ko` and `--fail-on major`; a set of broken
designs (bad YAML, unknown kinds and keys, values out of range, connections to nothing, a missing
file…) in English and Korean, plain and `--json`; and a few `--scenario` and `--kill` runs. Each
case records stdout, stderr and the exit code, run as a subprocess with stdout piped (not a
terminal). Half the cases run in a fresh SYSDESIGN_HOME (first run), half in a shared one (caches
warm). `--compare` prints every case that differs and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BROKEN: dict[str, str] = {
    "bad-yaml": "components:\n  api: {kind: service\n  db: {kind: sql_db}\n",
    "bad-indent": "components:\n  api:\n    kind: service\n   replicas: 2\n",
    "tab": "components:\n\tapi: {kind: service}\n",
    "empty": "",
    "just-comment": "# nothing\n",
    "top-list": "- a\n- b\n",
    "top-scalar": "hello\n",
    "unknown-kind": "components:\n  api: {kind: servise}\n  db: {kind: mongo}\n",
    "unknown-kind-short": "components:\n  api: servise\n",
    "unknown-key": "components:\n  api: {kind: service, replica: 2}\nconnection: []\n",
    "unknown-top-key": "nmae: x\ncomponents:\n  api: service\n",
    "no-components": "name: x\n",
    "empty-components": "components: {}\n",
    "components-list": "components:\n  - api\n  - db\n",
    "bad-id": "components:\n  Api: service\n  db_1: sql_db\n",
    "replicas-zero": "components:\n  api: {kind: service, replicas: 0}\n",
    "replicas-text": "components:\n  api: {kind: service, replicas: many}\n",
    "replicas-float": "components:\n  api: {kind: service, replicas: 2.5}\n",
    "replicas-huge": "components:\n  api: {kind: service, replicas: 2000000}\n",
    "replicas-bool": "components:\n  api: {kind: service, replicas: true}\n",
    "shards-neg": "components:\n  db: {kind: sql_db, shards: -1}\n",
    "managed-text": "components:\n  db: {kind: sql_db, managed: yes please}\n",
    "managed-yes": "components:\n  db: {kind: sql_db, managed: yes}\n  c: client\nconnections: [c -> db]\n",
    "kind-missing": "components:\n  api: {replicas: 2}\n",
    "kind-number": "components:\n  api: {kind: 3}\n",
    "kind-null": "components:\n  api: null\n",
    "label-missing-ko": "components:\n  api: {kind: service, label: {en: API}}\n",
    "label-extra-lang": "components:\n  api: {kind: service, label: {en: A, ko: B, ja: C}}\n",
    "label-empty-en": "components:\n  api: {kind: service, label: {en: '', ko: B}}\n",
    "label-number": "components:\n  api: {kind: service, label: 42}\n",
    "label-list": "components:\n  api: {kind: service, label: [a, b]}\n",
    "notes-number": "components:\n  api: service\nnotes: 5\n",
    "notes-bad-item": "components:\n  api: service\nnotes: [ok, {en: x}]\n",
    "name-dict-bad": "name: {en: x}\ncomponents:\n  api: service\n",
    "name-number": "name: 12\ncomponents:\n  api: service\n",
    "scenario-number": "scenario: 12\ncomponents:\n  api: service\n",
    "scenario-unknown": "scenario: chatt\ncomponents:\n  c: client\n  api: service\n"
    "connections: [c -> api]\n",
    "tags-text": "components:\n  api: {kind: service, tags: idempotency}\n",
    "tags-number-item": "components:\n  api: {kind: service, tags: [1, x]}\n",
    "regions-dict": "components:\n  api: {kind: service, regions: {a: b}}\n",
    "shard-key-list": "components:\n  db: {kind: sql_db, shard_key: [a]}\n",
    "capacity-bad": "components:\n  api: {kind: service, capacity: lots}\n",
    "capacity-unit": "components:\n  api: {kind: service, capacity: 20k apples}\n",
    "capacity-number": "components:\n  c: client\n  api: {kind: service, capacity: 5000}\n"
    "connections: [c -> api]\n",
    "capacity-list": "components:\n  api: {kind: service, capacity: [1]}\n",
    "conn-unknown": "components:\n  api: service\n  db: sql_db\nconnections:\n  - api -> dbb\n",
    "conn-self": "components:\n  api: service\nconnections:\n  - api -> api\n",
    "conn-one-node": "components:\n  api: service\nconnections:\n  - api\n",
    "conn-number": "components:\n  api: service\nconnections:\n  - 5\n",
    "conn-dict-bad": "components:\n  api: service\n  db: sql_db\nconnections:\n"
    "  - {from: api, too: db}\n",
    "conn-dict-missing-to": "components:\n  api: service\nconnections:\n  - {from: api}\n",
    "conn-label-comma": "components:\n  api: service\n  db: sql_db\nconnections:\n"
    "  - {api -> db: read, write}\n",
    "conn-colon": "components:\n  api: service\n  db: sql_db\nconnections:\n"
    "  - {api -> db: note: x}\n",
    "conn-sync-text": "components:\n  api: service\n  db: sql_db\nconnections:\n"
    "  - {from: api, to: db, sync: maybe}\n",
    "conn-label-bad": "components:\n  api: service\n  db: sql_db\nconnections:\n"
    "  - {from: api, to: db, label: {en: x}}\n",
    "connections-dict": "components:\n  api: service\nconnections: {a: b}\n",
    "estimates-bad": "components:\n  c: client\n  api: service\n  db: sql_db\n"
    "connections: [c -> api -> db]\nestimates: {dau: lots}\n",
    "estimates-unknown": "components:\n  api: service\nestimates: {daus: 5M}\n",
    "estimates-list": "components:\n  api: service\nestimates: [1]\n",
    "estimates-ratio": "components:\n  c: client\n  api: service\n  db: sql_db\n"
    "connections: [c -> api -> db]\nestimates: {dau: 10M, read_write_ratio: '10:1',"
    " writes_per_user: 2}\n",
    "estimates-nan": "components:\n  api: service\nestimates: {dau: .nan}\n",
    "number-huge": "components:\n  api: {kind: service, replicas: 99999999999999999999999999}\n",
    "dup-key": "components:\n  api: service\n  api: sql_db\n",
    "python-tag": "components: !!python/object:os.system {}\n",
    "alias": "base: &b {kind: service}\ncomponents:\n  api: *b\n",
    "alias-ok": "components:\n  api: &b {kind: service, replicas: 2}\n  api2: *b\n",
    "nul": "components:\n  api: service\x00\n",
    "control": "components:\n  api: service\x07\n",
    "sexagesimal": "components:\n  api: {kind: service, capacity: 1:30}\n",
    "many-problems": "nmae: x\ncomponents:\n  api: {kind: servise, replicas: 0}\n  db: sql_db\n"
    "connections:\n  - api -> dbb\n  - db -> db\n",
    "ok-minimal": "components:\n  api: service\n",
    "ok-aliases": "components:\n  u: browser\n  lb: {kind: ALB, replicas: 2}\n  api: {kind: Backend, "
    "replicas: 3}\n  db: {kind: Postgres, replicas: 2, managed: true}\n  q: kafka\n"
    "connections:\n  - u → lb → api\n  - {from: api, to: db, label: 12, sync: false}\n"
    "  - {api -> q: {en: events, ko: 이벤트}}\n  - api -> q\n",
    "ok-string-kinds": "name: Tiny\ncomponents:\n  c: client\n  api: service\n  cache: redis\n"
    "  db: mysql\nconnections:\n  - c -> api -> db\n  - api -> cache: true\nnotes: one note\n",
    "bom": "\ufeffcomponents:\n  api: service\n",
}
NOT_UTF8 = b"components:\n  api: {kind: service, label: caf\xe9}\n"

MODES: dict[str, list[str]] = {
    "en": ["--lang", "en"],
    "ko": ["--lang", "ko"],
    "json": ["--json", "--lang", "en"],
    "json-ko": ["--json", "--lang", "ko"],
    "fail-major": ["--fail-on", "major", "--lang", "en"],
}


def cases(scratch: Path) -> list[tuple[str, list[str], bool]]:
    """(case name, arguments after `check`, fresh home?)"""
    out: list[tuple[str, list[str], bool]] = []
    files = sorted((ROOT / "designs").glob("*.yaml")) + sorted(
        (ROOT / "tests" / "data" / "designs").glob("*.yaml")
    )
    n = 0
    for f in files:
        rel = str(f.relative_to(ROOT))
        for mode, args in MODES.items():
            out.append((f"{rel} {mode}", [rel, *args], n % 2 == 0))
            n += 1
    broken = scratch / "broken"
    broken.mkdir()
    for name, text in BROKEN.items():
        (broken / f"{name}.yaml").write_text(text, encoding="utf-8")
    (broken / "not-utf8.yaml").write_bytes(NOT_UTF8)
    (broken / "a-folder.yaml").mkdir()
    for name in [*BROKEN, "not-utf8", "a-folder", "missing-file"]:
        rel = f"broken/{name}.yaml"
        for mode in ("en", "ko", "json"):
            out.append((f"{rel} {mode}", [rel, *MODES[mode]], n % 2 == 0))
            n += 1
    extra: dict[str, list[str]] = {
        "scenario-override": ["designs/chat.yaml", "--scenario", "news-feed"],
        "scenario-unknown-flag": ["designs/chat.yaml", "--scenario", "chatt"],
        "scenario-on-broken": ["broken/ok-minimal.yaml", "--scenario", "url-shortener"],
        "fail-on-bad": ["designs/chat.yaml", "--fail-on", "majr"],
        "fail-on-minor": ["tests/data/designs/junior-chat.yaml", "--fail-on", "minor"],
        "fail-on-critical": ["tests/data/designs/junior-feed.yaml", "--fail-on", "critical"],
        "kill": ["designs/url-shortener.yaml", "--kill", "cache"],
        "kill-two-ko": ["designs/chat.yaml", "--kill", "lb", "--kill", "cache", "--lang", "ko"],
        "kill-json": ["designs/url-shortener.yaml", "--kill", "links", "--json"],
        "kill-unknown": ["designs/url-shortener.yaml", "--kill", "cashe"],
        "default-lang": ["designs/chat.yaml"],
    }
    for name, args in extra.items():
        out.append((name, args, n % 2 == 0))
        n += 1
    return out


def run_case(args: list[str], home: str, cwd: Path) -> dict[str, object]:
    env = {**os.environ, "SYSDESIGN_HOME": home, "SYSDESIGN_LANG": "en"}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    done = subprocess.run(
        [sys.executable, "-m", "sysdesign", "check", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
    )
    return {
        "stdout": done.stdout.decode("utf-8", "replace"),
        "stderr": done.stderr.decode("utf-8", "replace"),
        "exit": done.returncode,
    }


def record(jobs: int) -> dict[str, dict[str, object]]:
    with tempfile.TemporaryDirectory(prefix="check-outputs-") as tmp:
        scratch = Path(tmp)
        # Designs are read relative to a work folder holding links to the repository's folders,
        # so every path printed is the same whichever checkout runs.
        work = scratch / "work"
        work.mkdir()
        for name in ("designs", "tests"):
            (work / name).symlink_to(ROOT / name)
        all_cases = cases(work)
        shared = scratch / "shared-home"
        shared.mkdir()
        run_case(["designs/chat.yaml"], str(shared), work)  # warm the shared home

        def one(case: tuple[str, list[str], bool]) -> tuple[str, dict[str, object]]:
            name, args, fresh = case
            home = tempfile.mkdtemp(prefix="home-", dir=scratch) if fresh else str(shared)
            result = run_case(args, home, work)
            for field in ("stdout", "stderr"):
                result[field] = str(result[field]).replace(str(scratch), "<tmp>")
            return name, result

        with ThreadPoolExecutor(jobs) as pool:
            return dict(pool.map(one, all_cases))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--record", metavar="FILE")
    group.add_argument("--compare", metavar="FILE")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    outputs = record(args.jobs)
    if args.record:
        Path(args.record).write_text(
            json.dumps(outputs, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        print(f"{len(outputs)} cases recorded in {args.record}")
        return 0
    before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    differ = 0
    for name in sorted(set(before) | set(outputs)):
        old, new = before.get(name), outputs.get(name)
        if old == new:
            continue
        differ += 1
        print(f"DIFFERS: {name}")
        if old is None or new is None:
            print("  only in", "after" if old is None else "before")
            continue
        for field in ("exit", "stdout", "stderr"):
            if old[field] != new[field]:
                print(
                    f"  {field}: before {old[field]!r:.400}\n  {field}: after  {new[field]!r:.400}"
                )
    print(f"{len(outputs)} cases, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
