"""Termination: recursion through cyclic data ends, and a program that cannot be stratified is refused
before it is evaluated (pyDatalog would answer wrongly or hang on it)."""

from __future__ import annotations

import datetime
import signal
from pathlib import Path

import pytest

from engine import checks

from engine.logic import ir
from engine.base.diagnostics import errors
from engine.logic.evaluator import evaluate
from engine.syntax.knowledge import load

from conftest import run_checkout

DECLARATIONS = """
predicate edge(A, B) en "edge".
predicate reach(A, B) en "reach".
predicate even(A, B) en "even".
predicate odd(A, B) en "odd".
"""

RECURSIONS = {
    "right": "reach(X, Y) if edge(X, Y).\nreach(X, Y) if edge(X, Z) and reach(Z, Y).\n",
    "left": "reach(X, Y) if edge(X, Y).\nreach(X, Y) if reach(X, Z) and edge(Z, Y).\n",
    "double": "reach(X, Y) if edge(X, Y).\nreach(X, Y) if reach(X, Z) and reach(Z, Y).\n",
    # mutual recursion: paths of odd and even length
    "mutual": ("odd(X, Y) if edge(X, Y).\nodd(X, Y) if edge(X, Z) and even(Z, Y).\n"
               "even(X, Y) if edge(X, Z) and odd(Z, Y).\n"
               "reach(X, Y) if odd(X, Y).\nreach(X, Y) if even(X, Y).\n"),
}


class Timeout(Exception):
    pass


@pytest.fixture
def deadline():
    """Fails the test instead of hanging: pyDatalog is pure Python, so an alarm interrupts it."""
    def expire(*_):
        raise Timeout("evaluation did not terminate within the deadline")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def cycle(length: int) -> str:
    return "".join(f"edge(n{i}, n{(i + 1) % length}).\n" for i in range(length))


def model_of(tmp_path: Path, rules: str, facts: str):
    kb_file = tmp_path / "graph.zan"
    kb_file.write_text(DECLARATIONS + rules, encoding="utf-8")
    facts_file = tmp_path / "graph.facts"
    facts_file.write_text(facts, encoding="utf-8")
    kb = load([kb_file, facts_file])
    assert not errors(checks.run(kb))
    return evaluate(ir.lower(kb, datetime.date(2025, 1, 1)))


@pytest.mark.parametrize("length", [n if n <= 12 else pytest.param(n, marks=pytest.mark.slow) for n in range(3, 51)])
@pytest.mark.parametrize("form", sorted(RECURSIONS))
def test_closure_over_a_cycle_terminates_and_is_complete(tmp_path, deadline, form, length):
    model = model_of(tmp_path, RECURSIONS[form], cycle(length))
    nodes = [f"n{i}" for i in range(length)]
    assert model.get("reach") == {(a, b) for a in nodes for b in nodes}


@pytest.mark.parametrize("form", sorted(RECURSIONS))
def test_cycle_with_a_tail_and_a_self_loop(tmp_path, deadline, form):
    facts = cycle(4) + "edge(t0, t1).\nedge(t1, n0).\nedge(s, s).\n"
    model = model_of(tmp_path, RECURSIONS[form], facts)
    ring = {f"n{i}" for i in range(4)}
    assert ("t0", "n3") in model.get("reach") and ("n0", "t0") not in model.get("reach")
    assert {(a, b) for a, b in model.get("reach") if a in ring} == {(a, b) for a in ring for b in ring}
    assert ("s", "s") in model.get("reach")


def test_mutual_recursion_parity(tmp_path, deadline):
    model = model_of(tmp_path, RECURSIONS["mutual"], cycle(6))
    assert ("n0", "n1") in model.get("odd") and ("n0", "n2") in model.get("even")
    assert ("n0", "n1") not in model.get("even")   # on a cycle of 6 the parity of a path is fixed


UNSTRATIFIABLE = {
    "self": "reach(X, Y) if edge(X, Y) and not reach(Y, X).\n",
    "mutual": "odd(X, Y) if edge(X, Y) and not even(X, Y).\neven(X, Y) if edge(X, Y) and not odd(X, Y).\n",
    "through a positive step": ("odd(X, Y) if edge(X, Y) and not reach(X, Y).\n"
                                "reach(X, Y) if odd(X, Y).\n"),
}


@pytest.mark.parametrize("name", sorted(UNSTRATIFIABLE))
def test_unstratifiable_programs_are_refused_before_evaluation(tmp_path, name):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "graph.zan").write_text(DECLARATIONS + UNSTRATIFIABLE[name], encoding="utf-8")
    facts = tmp_path / "g.facts"
    facts.write_text(cycle(3), encoding="utf-8")
    for args in (["check", kb], ["ask", "reach(n0, Y)", "--kb", kb, "--facts", facts, "--at", "2025-01-01"]):
        result = run_checkout(*args)
        assert result.returncode == 1, result.stderr
        assert "[unstratifiable]" in result.stderr
        assert "Traceback" not in result.stderr


def test_the_command_answers_over_a_long_cycle(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "graph.zan").write_text(DECLARATIONS + RECURSIONS["right"], encoding="utf-8")
    facts = tmp_path / "g.facts"
    facts.write_text(cycle(50), encoding="utf-8")
    result = run_checkout("ask", "reach(n0, Y)", "--kb", kb, "--facts", facts, "--at", "2025-01-01",
                           "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"status": "holds"') == 50
