"""The shape of engine/: rooms by stage, imports pointing one way, no cycles, no private names across modules.

Every import counts: at module level, inside functions and under TYPE_CHECKING. A module may import
its own room and the rooms below it; front-ends may import everything, including each other (the
command starts the server and the language server), but not in a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parent.parent / "engine"

# The rooms, lowest first. A room may import the rooms of a strictly lower level and itself.
LEVELS = {
    "engine": -1,           # engine/__init__.py: the version, below everything
    "engine.base": 0,
    "engine.syntax": 1,
    "engine.logic": 2,
    "engine.checks": 3,
    "engine.explain": 3,
    "engine.pipeline": 4,
    "engine.tools": 5,
}
FRONT_END = 6               # engine.cli, engine.conformance, engine.__main__, engine.serve, engine.lsp, ...


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ENGINE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(ENGINE.rglob("*.py"))}


def room(module: str) -> str:
    parts = module.split(".")
    if module == "engine":
        return "engine"
    candidate = ".".join(parts[:2])
    return candidate if candidate in LEVELS else candidate  # a front-end is its own room


def level(module: str) -> int:
    return LEVELS.get(room(module), FRONT_END)


def imports(module: str) -> list[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every import of an engine module."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "engine" or alias.name.startswith("engine."):
                    found.append((alias.name, None, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if not (base == "engine" or base.startswith("engine.")):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in MODULES:
                    found.append((sub, None, node.lineno))
                else:
                    found.append((base, alias.name, node.lineno))
    return found


def test_every_module_is_in_a_room():
    for module in MODULES:
        assert module in ("engine", "engine.__main__") or room(module) in LEVELS or module.count(".") >= 1


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module):
    mine = level(module)
    for target, _, line in imports(module):
        if room(target) == room(module):
            continue
        if mine == FRONT_END:
            continue
        assert level(target) < mine, (
            f"{MODULES[module].relative_to(ENGINE.parent)}:{line}: {module} (level {mine}) imports "
            f"{target} (level {level(target)}): imports must point down the stages")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_names_across_modules(module):
    for target, name, line in imports(module):
        if name is not None and name.startswith("_") and target != module:
            pytest.fail(f"{MODULES[module].relative_to(ENGINE.parent)}:{line}: imports the private name "
                        f"{name} from {target}: make it public or move it below both")
    # and no attribute reach into another module's private names (module._name)
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("engine"):
            for alias in node.names:
                if f"{node.module}.{alias.name}" in MODULES:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("engine") and alias.asname:
                    aliases[alias.asname] = alias.name
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            pytest.fail(f"{MODULES[module].relative_to(ENGINE.parent)}:{node.lineno}: reaches the private "
                        f"name {node.attr} of {aliases[node.value.id]}")


def test_no_import_cycles():
    graph = {m: sorted({t for t, _, _ in imports(m) if t in MODULES and t != m}) for m in MODULES}
    # a package's __init__ importing its own modules, and those modules importing siblings through it,
    # is how Python packages work; cycles are looked for among modules, packages' __init__ left out
    packages = {m for m, p in MODULES.items() if p.name == "__init__.py"}
    graph = {m: [t for t in ts if t not in packages] for m, ts in graph.items() if m not in packages}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for t in graph.get(m, ()):
            if state.get(t) == 1:
                cycle = stack[stack.index(t):] + [t]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_every_package_says_what_it_owns_and_may_import():
    for module, path in MODULES.items():
        if path.name != "__init__.py" or module == "engine":
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        assert doc, f"{path}: a package opens with a docstring of what it owns"
        if level(module) < FRONT_END and room(module) == module and module != "engine.checks":
            assert "May import" in doc, f"{path}: the docstring says what the package may import"


def test_the_test_would_catch_an_upward_import(tmp_path):
    """The rule above is not vacuous: the logic importing the explanations is caught."""
    assert level("engine.logic.ir") < level("engine.explain.proof")
    assert level("engine.tools.diff") > level("engine.pipeline")
    assert level("engine.cli") == FRONT_END


# -- lint and types (`bash run lint`, which CI runs before the tests), here too because this file is run
# before every landing: a name unused, undefined or defined twice (a dict key written twice loses its first
# value), or an annotation that lies, is found before it reaches main.

def _tool(name: str) -> list[str]:
    import importlib.util
    import os
    import sys
    if importlib.util.find_spec(name) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; it is in tests/requirements.txt")
        pytest.skip(f"{name} is not installed (pip install -r tests/requirements.txt)")
    return [sys.executable, "-m", name]


def test_ruff_finds_nothing():
    import subprocess
    done = subprocess.run([*_tool("ruff"), "check", "--no-cache", "engine", "tests", "benchmarks"],
                          cwd=ENGINE.parent, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing():
    import subprocess
    done = subprocess.run([*_tool("mypy")], cwd=ENGINE.parent, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
