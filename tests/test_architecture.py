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
FRONT_END = 6
# The front-ends, each its own room above every stage: they may import everything (not in a cycle).
FRONT_ENDS = {"engine.cli", "engine.conformance", "engine.__main__", "engine.serve", "engine.lsp"}


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
    return ".".join(parts[:2])      # a stage's room (LEVELS) or a front-end's (FRONT_ENDS)


def level(module: str) -> int:
    return LEVELS.get(room(module), FRONT_END)


def imports(module: str) -> list[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every import of an engine module."""
    path = MODULES[module]
    return imports_in(module, path.read_text(encoding="utf-8"), path.name == "__init__.py")


def imports_in(module: str, source: str, is_package: bool = False) -> list[tuple[str, str | None, int]]:
    """The same for the source text of `module` (a planted module in the tests of these tests)."""
    tree = ast.parse(source, module)
    package = module if is_package else module.rpartition(".")[0]
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


def in_a_room(module: str) -> bool:
    return module == "engine" or room(module) in LEVELS or room(module) in FRONT_ENDS


def test_every_module_is_in_a_room():
    strays = [m for m in MODULES if not in_a_room(m)]
    assert not strays, f"{strays}: put each in a stage's package (LEVELS) or declare a front-end (FRONT_ENDS)"


def upward_imports(module: str, found: list[tuple[str, str | None, int]]) -> list[str]:
    """What is wrong with the imports `found` in `module`: each import of a room at its level or above."""
    mine = level(module)
    wrong = []
    for target, _, line in found:
        if room(target) == room(module) or mine == FRONT_END:
            continue
        if level(target) >= mine:
            wrong.append(f"{module}:{line}: {module} (level {mine}) imports {target} (level {level(target)}): "
                         f"imports must point down the stages")
    return wrong


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module):
    wrong = upward_imports(module, imports(module))
    assert not wrong, "\n".join(wrong)


# The step from a lowered program to answers and traces is pipeline.evaluated (the relations a question needs,
# the prover, the trace level, said once): the tools and front-ends take it, never its parts. The conformance
# adapter evaluates the peers' plain programs, which are no questions.
EVALUATION_PARTS = {("engine.logic.evaluator", "evaluate"), ("engine.explain.answering", "answers"),
                    ("engine.explain.answering", "trace"), ("engine.explain.answering", "brief_trace"),
                    ("engine.explain.proof", "Prover")}


def evaluation_loops(module: str, found: list[tuple[str, str | None, int]]) -> list[str]:
    if level(module) <= LEVELS["engine.pipeline"] or module == "engine.conformance":
        return []
    return [f"{module}:{line}: imports {target}.{name}: evaluate and answer through engine.pipeline.evaluated"
            for target, name, line in found if (target, name) in EVALUATION_PARTS]


def test_tools_and_front_ends_evaluate_through_the_pipelines_step():
    wrong = [w for module in sorted(MODULES) for w in evaluation_loops(module, imports(module))]
    assert not wrong, "\n".join(wrong)


def test_a_planted_evaluation_loop_is_caught():
    source = "from engine.logic.evaluator import evaluate\nfrom engine.explain.proof import Prover, WhyNot\n"
    found = imports_in("engine.tools.planted", source)
    assert len(evaluation_loops("engine.tools.planted", found)) == 2
    assert not evaluation_loops("engine.explain.planted", found)   # below the pipeline: its parts are its own


def test_only_the_conformance_adapter_asks_whole_theories():
    """The knowledge base asks the defeasible core alone (deontic.decide -> defeasible.decide); whole theories,
    their policies and the KLM closures (logic/theories.py, over the core) serve the conformance suites."""
    importers = {m for m in MODULES for target, _name, _line in imports(m) if target == "engine.logic.theories"}
    assert importers == {"engine.conformance"}
    assert "engine.logic.theories" not in {target for target, _n, _l in imports("engine.logic.defeasible")}


def private_reaches(module: str, source: str, found: list[tuple[str, str | None, int]]) -> list[str]:
    """Each import of another module's private name, and each reach into one (module._name)."""
    wrong = [f"{module}:{line}: imports the private name {name} from {target}: make it public or move it below both"
             for target, name, line in found if name is not None and name.startswith("_") and target != module]
    tree = ast.parse(source)
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
            wrong.append(f"{module}:{node.lineno}: reaches the private name {node.attr} of {aliases[node.value.id]}")
    return wrong


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_names_across_modules(module):
    wrong = private_reaches(module, MODULES[module].read_text(encoding="utf-8"), imports(module))
    assert not wrong, "\n".join(wrong)


def first_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """An import cycle of `graph` (module -> modules it imports), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for t in graph.get(m, ()):
            if state.get(t) == 1:
                return stack[stack.index(t):] + [t]
            if t not in state:
                found = visit(t)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_no_import_cycles():
    graph = {m: sorted({t for t, _, _ in imports(m) if t in MODULES and t != m}) for m in MODULES}
    # a package's __init__ importing its own modules, and those modules importing siblings through it,
    # is how Python packages work; cycles are looked for among modules, packages' __init__ left out
    packages = {m for m, p in MODULES.items() if p.name == "__init__.py"}
    graph = {m: [t for t in ts if t not in packages] for m, ts in graph.items() if m not in packages}
    cycle = first_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_every_package_says_what_it_owns_and_may_import():
    for module, path in MODULES.items():
        if path.name != "__init__.py" or module == "engine":
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        assert doc, f"{path}: a package opens with a docstring of what it owns"
        if level(module) < FRONT_END and room(module) == module and module != "engine.checks":
            assert "May import" in doc, f"{path}: the docstring says what the package may import"


# -- the tests of these tests: each rule above fails on a planted offence, so none of them is vacuous

PLANTED_UPWARD = {
    "from engine.explain.proof import Prover\n": 1,                         # the logic importing the explanations
    "from ..explain import proof\n": 1,                                     # the same, relative
    "def f():\n    import engine.tools.cases\n": 2,                        # inside a function
    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from engine.pipeline import Result\n": 3,
    "from engine.checks import safety\n": 1,                                # a level above, by its package
}


@pytest.mark.parametrize("source", sorted(PLANTED_UPWARD))
def test_a_planted_upward_import_is_caught(source):
    planted = "engine.logic.planted"
    wrong = upward_imports(planted, imports_in(planted, source))
    assert len(wrong) == 1 and wrong[0].startswith(f"{planted}:{PLANTED_UPWARD[source]}:"), wrong


def test_planted_imports_that_point_down_or_stay_in_the_room_pass():
    planted = "engine.logic.planted"
    source = "from engine.base.source import Span\nfrom engine.syntax import nodes\nfrom . import ir\nimport engine\n"
    assert upward_imports(planted, imports_in(planted, source)) == []
    assert upward_imports("engine.cli", imports_in("engine.cli", "from engine.serve import app\n")) == []


def test_a_planted_private_reach_is_caught():
    planted = "engine.tools.planted"
    source = "from engine.logic.ir import _hidden\nfrom engine.logic import ir\nir._other\n"
    wrong = private_reaches(planted, source, imports_in(planted, source))
    assert [w.split(": ", 1)[1].split(" ")[0:4] for w in wrong] == [
        ["imports", "the", "private", "name"], ["reaches", "the", "private", "name"]], wrong


def test_a_planted_cycle_and_a_stray_module_are_caught():
    assert first_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert first_cycle({"a": ["b"], "b": ["c"], "c": []}) is None
    assert not in_a_room("engine.stray") and in_a_room("engine.logic.stray") and in_a_room("engine.serve.stray")


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
