"""A small deterministic mutation tester for the packages whose numbers are promises.

Run (one process at a time; the machine is shared):

    .venv/bin/python benchmarks/mutation.py                      # every package, every mutant
    .venv/bin/python benchmarks/mutation.py --package rubric --sample 5
    .venv/bin/python benchmarks/mutation.py --list --package star   # count mutants, run nothing
    .venv/bin/python benchmarks/mutation.py --only sysdesign/star/checks.py:120

Each mutant is one change to the module's syntax tree:
  compare   <→<=, <=→<, >→>=, >=→>, ==↔!=, in↔not in, is↔is not
  number    int n → n+1 and n-1; float x → x×2 and x÷2 (booleans are not numbers here)
  bool      True↔False
  boolop    and↔or
  arith     +↔-, *↔/, //→/
  negate    the test of an if / while / conditional expression → not (test)
  return    return <value> → return None
Docstrings, type annotations and `if TYPE_CHECKING:` blocks are left alone.

For each mutant the parent process (which has imported pytest and the heavy third-party libraries
once) forks a child; the child installs an import hook that compiles the mutated tree in place of
the module (same file name and line numbers), then runs the package's test subset with
`pytest -x -q -p no:randomly` under a time limit. A failing run or a time-out kills the mutant; a
passing run means the mutant survived. Survivors print as `file:line: mutation`, then the survival
rate per package. `--sample N` keeps every N-th mutant (deterministic: index % N == offset).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import importlib.abc
import importlib.util
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# package → (files to mutate, tests that hold their promises). The test subsets are the ones
# that exercise the package without walking the whole catalogue; see benchmarks/README.md.
PACKAGES: dict[str, tuple[list[str], list[str]]] = {
    "rubric": (
        ["sysdesign/rubric/scoring.py"],
        ["tests/rubric/test_score_numbers.py", "tests/rubric"],
    ),
    "estimate": (
        sorted(
            str(p.relative_to(ROOT))
            for p in (ROOT / "sysdesign/estimate").glob("*.py")
            if p.name != "__init__.py"
        ),
        # Unit tests first (-x stops at the first failure); the per-scenario figure check
        # (tests/estimate/test_scenario_estimates.py, ~35 s) is left out to fit the time.
        [
            "tests/estimate/test_units.py",
            "tests/estimate/test_calculators.py",
            "tests/estimate/test_drill.py",
            "tests/estimate/test_stated.py",
            "tests/estimate/test_traffic.py",
            "tests/estimate/test_published_examples.py",
            "tests/estimate/test_cli.py",
        ],
    ),
    "rules": (
        sorted(str(p.relative_to(ROOT)) for p in (ROOT / "sysdesign/design/rules").glob("*.py")),
        [
            "tests/design/test_rule_thresholds.py",
            "tests/design/test_rules.py",
            "tests/design/test_junior_designs.py",
            "tests/design/test_false_alarms.py",
        ],
    ),
    "star": (
        ["sysdesign/star/checks.py"],
        [
            "tests/star/test_check_thresholds.py",
            "tests/star/test_checks.py",
            "tests/star/test_practice.py",
        ],
    ),
}

COMPARE_SWAP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
ARITH_SWAP: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
}
SYMBOL = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.And: "and",
    ast.Or: "or",
}


@dataclass(frozen=True)
class Mutant:
    file: str  # relative to ROOT
    line: int
    col: int
    node_index: int  # position of the node in ast.walk order
    variant: int  # which change to that node
    description: str

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def key(self) -> str:
        return f"{self.file}:{self.line}:{self.col}:{self.description}"


def _skipped_nodes(tree: ast.Module) -> set[int]:
    """ids of nodes not to mutate: docstrings, annotations, TYPE_CHECKING blocks."""
    skip: set[int] = set()

    def drop(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                drop(body[0])
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            drop(node.returns)
            for arg in [
                *node.args.args,
                *node.args.kwonlyargs,
                *node.args.posonlyargs,
                node.args.vararg,
                node.args.kwarg,
            ]:
                if arg is not None:
                    drop(arg.annotation)
        if isinstance(node, ast.AnnAssign):
            drop(node.annotation)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            drop(node)
    return skip


def _changes(node: ast.AST) -> list[tuple[str, Callable[[ast.AST], None]]]:
    """The mutations of one node: (description, in-place change of a copy of that node)."""
    out: list[tuple[str, Callable[[ast.AST], None]]] = []
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            new = COMPARE_SWAP.get(type(op))
            if new is None:
                continue

            def change(n: ast.AST, i: int = i, new: type[ast.cmpop] = new) -> None:
                assert isinstance(n, ast.Compare)
                n.ops[i] = new()

            out.append((f"{SYMBOL[type(op)]} → {SYMBOL[new]}", change))
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
        value = node.value
        if isinstance(value, int):
            candidates = [value + 1, value - 1]
        else:
            candidates = [value * 2, value / 2] if value else [1.0]
        for new_value in candidates:

            def change(n: ast.AST, v: float = new_value) -> None:
                assert isinstance(n, ast.Constant)
                n.value = v

            out.append((f"{value!r} → {new_value!r}", change))
    elif isinstance(node, ast.Constant) and isinstance(node.value, bool):

        def flip(n: ast.AST) -> None:
            assert isinstance(n, ast.Constant)
            n.value = not n.value

        out.append((f"{node.value} → {not node.value}", flip))
    elif isinstance(node, ast.BoolOp):

        def swap(n: ast.AST) -> None:
            assert isinstance(n, ast.BoolOp)
            n.op = ast.Or() if isinstance(n.op, ast.And) else ast.And()

        new = "or" if isinstance(node.op, ast.And) else "and"
        out.append((f"{SYMBOL[type(node.op)]} → {new}", swap))
    elif isinstance(node, ast.BinOp) and type(node.op) in ARITH_SWAP:
        new_op = ARITH_SWAP[type(node.op)]
        # `"a" + b` on strings is concatenation, not arithmetic worth mutating.
        if not any(
            isinstance(side, ast.JoinedStr)
            or (isinstance(side, ast.Constant) and isinstance(side.value, str))
            for side in (node.left, node.right)
        ):

            def arith(n: ast.AST, new_op: type[ast.operator] = new_op) -> None:
                assert isinstance(n, ast.BinOp)
                n.op = new_op()

            out.append((f"{SYMBOL[type(node.op)]} → {SYMBOL[new_op]}", arith))
    elif isinstance(node, ast.If | ast.While | ast.IfExp):

        def negate(n: ast.AST) -> None:
            assert isinstance(n, ast.If | ast.While | ast.IfExp)
            n.test = ast.UnaryOp(op=ast.Not(), operand=n.test)

        kind = {ast.If: "if", ast.While: "while", ast.IfExp: "… if … else"}[type(node)]
        out.append((f"negate {kind} condition", negate))
    elif (
        isinstance(node, ast.Return)
        and node.value is not None
        and not (isinstance(node.value, ast.Constant) and node.value.value is None)
    ):

        def to_none(n: ast.AST) -> None:
            assert isinstance(n, ast.Return)
            n.value = ast.Constant(value=None)

        out.append(("return … → return None", to_none))
    return out


def mutants_of(file: str) -> list[Mutant]:
    tree = ast.parse((ROOT / file).read_text("utf-8"))
    skip = _skipped_nodes(tree)
    found: list[Mutant] = []
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skip:
            continue
        for variant, (description, _) in enumerate(_changes(node)):
            found.append(
                Mutant(
                    file,
                    getattr(node, "lineno", 0),
                    getattr(node, "col_offset", 0),
                    index,
                    variant,
                    description,
                )
            )
    found.sort(key=lambda m: (m.line, m.col, m.node_index, m.variant))
    return found


def mutated_code(mutant: Mutant) -> object:
    path = ROOT / mutant.file
    tree = ast.parse(path.read_text("utf-8"))
    node = next(n for i, n in enumerate(ast.walk(tree)) if i == mutant.node_index)
    _, change = _changes(node)[mutant.variant]
    change(node)
    ast.fix_missing_locations(tree)
    return compile(tree, str(path), "exec")


def module_name(file: str) -> str:
    return file.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


class _MutantFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves the mutated code object for one module name; every other import is untouched."""

    def __init__(self, name: str, path: Path, code: object) -> None:
        self.name, self.path, self.code = name, path, code

    def find_spec(self, fullname, path, target=None):  # type: ignore[no-untyped-def]
        if fullname != self.name:
            return None
        is_package = self.path.name == "__init__.py"
        spec = importlib.util.spec_from_loader(fullname, self, origin=str(self.path))
        assert spec is not None
        spec.has_location = True
        if is_package:
            spec.submodule_search_locations = [str(self.path.parent)]
        return spec

    def create_module(self, spec):  # type: ignore[no-untyped-def]
        return None

    def exec_module(self, module) -> None:  # type: ignore[no-untyped-def]
        module.__file__ = str(self.path)
        exec(self.code, module.__dict__)  # the point of a mutation tester


def _preload() -> None:
    """Import once, in the parent, what every child would otherwise import again."""
    import pytest  # noqa: F401

    for name in ("networkx", "pydantic", "yaml", "rich", "typer", "jinja2", "hypothesis"):
        with contextlib.suppress(ImportError):
            __import__(name)
    assert not any(m == "sysdesign" or m.startswith("sysdesign.") for m in sys.modules)


def run_tests(tests: list[str], mutant: Mutant | None, timeout: float, log: Path | None) -> str:
    """'killed', 'survived' or 'timeout' (a time-out counts as killed)."""
    code = mutated_code(mutant) if mutant is not None else None
    pid = os.fork()
    if pid == 0:  # child
        try:
            os.chdir(ROOT)
            fd = os.open(log or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            if mutant is not None:
                sys.meta_path.insert(
                    0, _MutantFinder(module_name(mutant.file), ROOT / mutant.file, code)
                )
            import pytest

            args = [
                *tests,
                "-x",
                "-q",
                "-p",
                "no:randomly",
                "-p",
                "no:cacheprovider",
                "--hypothesis-seed=0",
            ]
            status = int(pytest.main(args))
        except BaseException:  # any crash in the child kills the mutant
            status = 99
        os._exit(status)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.05)


def _select(args: argparse.Namespace) -> Iterator[tuple[str, list[str], list[Mutant]]]:
    names = [args.package] if args.package else list(PACKAGES)
    for name in names:
        files, tests = PACKAGES[name]
        if args.tests:
            tests = args.tests
        mutants = [m for f in files for m in mutants_of(f)]
        if args.only:
            mutants = [
                m
                for m in mutants
                if any(m.where == o or m.file == o or m.key == o for o in args.only)
            ]
        else:
            mutants = [m for i, m in enumerate(mutants) if i % args.sample == args.offset]
        yield name, tests, mutants


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", choices=sorted(PACKAGES))
    parser.add_argument("--sample", type=int, default=1, help="keep every N-th mutant")
    parser.add_argument("--offset", type=int, default=0, help="which of the N (0-based)")
    parser.add_argument("--only", nargs="+", help="file, file:line or a mutant key to run")
    parser.add_argument("--tests", nargs="+", help="override the package's test subset")
    parser.add_argument(
        "--timeout", type=float, default=0, help="seconds per mutant (0: 3× baseline + 10)"
    )
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--json", type=Path, help="write every result to this file")
    parser.add_argument("--log-dir", type=Path, help="keep each run's pytest output here")
    args = parser.parse_args()
    if args.sample < 1 or not 0 <= args.offset < args.sample:
        parser.error("--sample must be ≥ 1 and 0 ≤ --offset < --sample")

    selection = list(_select(args))
    if args.list:
        for name, _, mutants in selection:
            for m in mutants:
                print(f"{name}\t{m.key}")
            print(f"# {name}: {len(mutants)} mutants", file=sys.stderr)
        return 0

    _preload()
    results: list[dict[str, object]] = []
    summary: list[tuple[str, int, int, float]] = []
    for name, tests, mutants in selection:
        start = time.monotonic()
        if run_tests(tests, None, 3600, None) != "survived":
            print(f"{name}: the unmutated tests fail; fix them first", file=sys.stderr)
            return 2
        baseline = time.monotonic() - start
        timeout = args.timeout or 3 * baseline + 10
        print(f"{name}: {len(mutants)} mutants, baseline {baseline:.1f} s, timeout {timeout:.0f} s")
        survivors = 0
        for n, m in enumerate(mutants, 1):
            log = None
            if args.log_dir:
                args.log_dir.mkdir(parents=True, exist_ok=True)
                log = args.log_dir / f"{name}-{n:04d}.log"
            t0 = time.monotonic()
            outcome = run_tests(tests, m, timeout, log)
            took = time.monotonic() - t0
            results.append({"package": name, "mutant": m.key, "outcome": outcome, "seconds": took})
            if outcome == "survived":
                survivors += 1
                print(f"  SURVIVED {m.where}: {m.description}", flush=True)
        summary.append((name, len(mutants), survivors, time.monotonic() - start))
        rate = survivors / len(mutants) if mutants else 0.0
        print(f"{name}: {survivors}/{len(mutants)} survived ({rate:.1%})", flush=True)
    print("\npackage   mutants  survived  rate    minutes")
    for name, total, survived, seconds in summary:
        rate = survived / total if total else 0.0
        print(f"{name:<9} {total:>7}  {survived:>8}  {rate:>6.1%}  {seconds / 60:>6.1f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
