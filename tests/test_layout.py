"""The code's shape: folders by role, no import cycles, no two modules with one name, small modules."""

from __future__ import annotations

import ast
import functools
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("linter", "tui")
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Every project module `path` imports, at module level or inside a function."""
    out = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


@functools.lru_cache(maxsize=1)
def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    graph = {name: _imports(path, name, known) for name, path in modules.items()}
    # Importing a.b.c runs a/__init__ and a/b/__init__ first; those edges are real too, but a package's
    # __init__ importing nothing of its children (ours do not) cannot close a cycle through them.
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_even_through_function_level_imports():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_two_modules_share_a_name():
    names = Counter(path.stem for path in _modules().values() if path.stem != "__init__")
    assert [name for name, n in names.items() if n > 1] == []


def test_modules_are_small():
    too_long = {
        str(path.relative_to(ROOT)): n
        for path in _modules().values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}


def test_folders_show_the_pipeline():
    """Readers never import analyses, registries' consumers or outputs; checks never import commands or the TUI."""
    graph = _graph()
    forbidden = {
        "linter.read": ("linter.analyses", "linter.checks", "linter.engine", "linter.report", "linter.commands", "linter.lint", "tui"),
        "linter.analyses": ("linter.checks", "linter.engine", "linter.report", "linter.commands", "linter.lint", "tui"),
        "linter.registries": ("linter.read", "linter.analyses", "linter.checks", "linter.engine", "linter.commands", "tui"),
        "linter.parity": ("linter.checks", "linter.engine", "linter.report", "linter.commands", "linter.lint", "tui"),
        "linter.checks": ("linter.commands", "linter.lint", "linter.report", "tui"),
        "linter.engine": ("linter.commands", "linter.lint", "linter.report", "tui"),
        "linter.lint": ("linter.commands", "tui"),
    }
    wrong = []
    for module, targets in graph.items():
        for folder, banned in forbidden.items():
            if module == folder or module.startswith(folder + "."):
                wrong += [(module, t) for t in targets if any(t == b or t.startswith(b + ".") for b in banned)]
    assert wrong == []


def test_the_tui_reaches_the_linter_only_through_its_door():
    """The TUI lints through linter.lint, never by parsing and running rules itself."""
    graph = _graph()
    direct = {
        (module, target)
        for module, targets in graph.items() if module.startswith("tui")
        for target in targets
        if target in ("linter.engine.runner", "linter.read.structure", "linter.read.normalize", "linter.commands.cli")
    }
    assert direct == set()
