"""No execution of user text: Python payloads in every place a user writes never run.

pyDatalog's text interfaces compile and run Python (DESIGN.md, Safety); Zan hands it Python objects
only. Each payload here would create a marker file if it were ever evaluated; the file must not exist.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import KB, run_checkout

NAMES = ["type", "eval", "exec", "__class__", "__import__", "open", "compile", "globals", "id", "filter",
         "print", "lambda", "import", "None", "True", "class", "def", "__builtins__"]


def payload(marker: Path) -> str:
    return f"__import__('os').system('touch {marker}')"


def assert_never_ran(marker: Path, result) -> None:
    assert not marker.exists(), "a payload was executed"
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr)


def small_kb(folder: Path, predicate: str = "fact_of", constant: str = "c") -> Path:
    kb = folder / "kb"
    kb.mkdir(exist_ok=True)
    (kb / "k.zan").write_text(
        f'predicate {predicate}(X) en "a fact".\n'
        f'predicate derived(X) en "derived".\n'
        f"derived(X) if {predicate}(X) and not other(X).\n"
        f'predicate other(X) en "other".\n'
        f"{predicate}({constant}).\n", encoding="utf-8")
    return kb


@pytest.mark.parametrize("where", ["string constant", "string in a condition", "comment", "query string",
                                   "fact file string", "date", "label", "citation", "question argument"])
def test_payload_in_texts(tmp_path, where):
    marker = tmp_path / "MARKER"
    p = payload(marker).replace('"', "'")
    kb = small_kb(tmp_path)
    facts = tmp_path / "case.facts"
    facts.write_text("fact_of(c).\n", encoding="utf-8")
    args = ["ask", "derived(X)", "--kb", kb, "--facts", facts, "--at", "2025-01-01"]
    if where == "string constant":
        (kb / "k.zan").write_text((kb / "k.zan").read_text() + f'fact_of("{p}").\n', encoding="utf-8")
    elif where == "string in a condition":
        (kb / "k.zan").write_text((kb / "k.zan").read_text() + f'derived(X) if fact_of(X) and X != "{p}".\n',
                                  encoding="utf-8")
    elif where == "comment":
        (kb / "k.zan").write_text((kb / "k.zan").read_text() + f"% {p}\n", encoding="utf-8")
    elif where == "query string":
        args[1] = f'derived("{p}")'
    elif where == "fact file string":
        facts.write_text(f'fact_of("{p}").\n', encoding="utf-8")
    elif where == "date":
        args[-1] = p
    elif where == "label":
        (kb / "k.zan").write_text((kb / "k.zan").read_text() + f'predicate more(X) en "{p}".\n', encoding="utf-8")
    elif where == "citation":
        (kb / "k.zan").write_text((kb / "k.zan").read_text() + f'norm n.1 cites "{p}" kk "x" permitted derived(X) if fact_of(X).\n',
                                  encoding="utf-8")
    elif where == "question argument":
        args = ["query", "permitted-calls", p, "--at", "2025-01-01"]
    result = run_checkout(*args)
    assert_never_ran(marker, result)


# One of each kind (a dunder, a builtin, a keyword) in the edit loop; the rest in the slow tier.
@pytest.mark.parametrize("name", [n if n in ("__import__", "eval", "None") else pytest.param(n, marks=pytest.mark.slow)
                                  for n in NAMES])
def test_python_names_as_predicates_and_constants(tmp_path, name):
    """Builtins and keywords as predicate names, constants and query atoms: plain names to Zan."""
    marker = tmp_path / "MARKER"
    kb = tmp_path / "kb"
    kb.mkdir()
    if not name[0].isalpha() or name[0].isupper():
        predicate = "holder"
    else:
        predicate = name
    (kb / "k.zan").write_text(
        f'predicate {predicate}(X) en "x".\npredicate sink(X) en "y".\n'
        f'sink(X) if {predicate}(X) and not {predicate}("{payload(marker)}").\n'
        f'{predicate}("{name}").\n', encoding="utf-8")
    for query in ("sink(X)", f"{predicate}(X)", f'{predicate}("{name}")', f"{name}(X)"):
        result = run_checkout("ask", query, "--kb", kb, "--at", "2025-01-01", "--format", "json")
        assert_never_ran(marker, result)
    result = run_checkout("check", kb)
    assert_never_ran(marker, result)


@pytest.mark.parametrize("name", ["__import__", "os", "__class__", "eval", "type"])
def test_python_names_as_identifiers_in_the_dsl(tmp_path, name):
    marker = tmp_path / "MARKER"
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "k.zan").write_text(
        f'act {name} rank 1 in force from 2000-01-01 en "{payload(marker)}".\n'
        f'predicate {name}(X) en "x".\n'
        f'constant {name} en "{payload(marker)}".\n'
        f'norm {name}.1 cites "{name} 1" kk "{payload(marker)}" permitted {name}(X) if {name}(X).\n'
        f'{name}({name}).\n', encoding="utf-8")
    for args in (["check", kb], ["ask", f"{name}(X)", "--kb", kb, "--at", "2025-01-01", "--explain"],
                 ["norms", "--kb", kb, "--at", "2025-01-01"], ["fmt", kb]):
        result = run_checkout(*args)
        assert_never_ran(marker, result)


@pytest.mark.parametrize("option", ["--lang", "--format", "--at", "--kb", "--facts"])
def test_payload_in_options_and_file_names(tmp_path, option):
    marker = tmp_path / "MARKER"
    result = run_checkout("ask", "call(kunakbaev, P, Purpose)", option, payload(marker), cwd=tmp_path)
    assert_never_ran(marker, result)
    odd = tmp_path / f"{payload(marker).replace('/', '_')}.facts"
    odd.write_text("in_disciplinary_isolator(kunakbaev).\n", encoding="utf-8")
    result = run_checkout("ask", "call(kunakbaev, P, Purpose)", "--facts", odd, "--at", "2025-01-01")
    assert_never_ran(marker, result)
    assert result.returncode == 0, result.stderr


def test_payload_in_the_shipped_kb_query(tmp_path):
    marker = tmp_path / "MARKER"
    for query in (f'call(kunakbaev, "{payload(marker)}", P)', f"permitted call({payload(marker)})",
                  payload(marker), f"call(kunakbaev, P, Purpose) {payload(marker)}"):
        result = run_checkout("ask", query, "--kb", KB, "--at", "2025-01-01")
        assert_never_ran(marker, result)
