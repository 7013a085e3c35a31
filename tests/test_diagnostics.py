"""Diagnostics: each bad input gets `file:line:col: error: message [code]`, the line, a caret, exit 1."""

from pathlib import Path

import pytest

from conftest import ROOT

INPUTS = sorted((ROOT / "tests" / "inputs" / "diagnostics").glob("*.zan"))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_diagnostic_golden(zan, golden, path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = zan("check", str(path.relative_to(ROOT)))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"tests/inputs/diagnostics/{path.name}:")
    assert "error:" in first and first.rstrip().endswith("]")
    golden(f"core-diagnostics/{path.stem}.err", result.stderr)


def test_undefined_predicate_in_a_fact_file_stops_a_question(zan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("case.facts").write_text("in_disciplinary_isolater(k).\n", encoding="utf-8")
    result = zan("ask", "call(k, P, U)", "--facts", "case.facts", "--at", "2025-01-01")
    assert result.exit_code == 1
    assert result.stderr.startswith("case.facts:1:1: error: unknown predicate in_disciplinary_isolater [undefined-predicate]")
    assert "did you mean in_disciplinary_isolator?" in result.stderr


@pytest.mark.parametrize("query,code", [
    ("call(k, P)", "invalid-query"),
    ("cal(k, P, U)", "invalid-query"),
    ("call(k, P, U", "question-syntax"),
    ("__import__('os').system('true')", "question-syntax"),
])
def test_bad_queries(zan, query, code):
    result = zan("ask", query, "--at", "2025-01-01")
    assert result.exit_code == 1
    assert f"[{code}]" in result.stderr
    assert result.stderr.startswith("<query>:1:")


@pytest.mark.parametrize("args", [
    ["ask", "call(k, P, U)", "--at", "2025-13-01"],
    ["ask", "call(k, P, U)", "--format", "xml"],
    ["ask"],
    ["frobnicate"],
    ["ask", "call(k, P, U)", "--lang", "de"],
])
def test_usage_errors_exit_2(zan, args):
    result = zan(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_missing_fact_file(zan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = zan("ask", "call(k, P, U)", "--facts", "nowhere.facts", "--at", "2025-01-01")
    assert result.exit_code == 1
    assert "nowhere.facts:1:1: error: no such file: nowhere.facts [unreadable-file]" in result.stderr


def test_unknown_saved_question_suggests(zan):
    result = zan("query", "permitted-call", "k", "--at", "2025-01-01")
    assert result.exit_code == 1
    assert "did you mean permitted-calls?" in result.stderr


def test_list_codes(zan):
    result = zan("check", "--list-codes")
    assert result.exit_code == 0
    for code in ("undefined-predicate", "arity", "unsafe-variable", "unstratifiable", "unknown-act", "unknown-norm", "duplicate-id"):
        assert code in result.stdout


def test_shipped_knowledge_base_is_clean(zan):
    result = zan("check")
    assert result.exit_code == 0, result.stderr
    assert " 0 errors" in result.stderr
