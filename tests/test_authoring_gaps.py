"""Gaps a rule author met: a case file checked against the kb, conclusions stated as facts, unclosed quotes."""

from __future__ import annotations

from pathlib import Path

from conftest import KB, ROOT


def test_zan_check_of_a_case_file_checks_it_against_the_knowledge_base(zan, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    clean = zan("check", str(KB / "cases" / "example2-death-certificate.facts"))
    assert clean.exit_code == 0, clean.output
    assert "unknown predicate" not in clean.output and "1 files" in clean.stderr
    case = tmp_path / "case.facts"
    case.write_text("convict(a).\nin_disciplinary_isolater(a).\n", encoding="utf-8")
    wrong = zan("check", str(case))
    assert wrong.exit_code == 1
    [line] = [l for l in wrong.stderr.splitlines() if ": error: " in l]
    assert line.endswith("unknown predicate in_disciplinary_isolater [undefined-predicate]") and ":2:1:" in line
    assert "did you mean in_disciplinary_isolator?" in wrong.stderr


def test_a_case_cannot_state_a_conclusion(zan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("case.facts").write_text("convict(a).\nin_disciplinary_isolator(a).\nfriend(a, b).\ncall(a, b, social_ties).\n",
                                  encoding="utf-8")
    checked = zan("check", "case.facts")
    assert checked.exit_code == 1
    assert checked.stderr.startswith("case.facts:4:1: error: call(a, b, social_ties) states a conclusion")
    assert "[conclusion-as-fact]" in checked.stderr
    asked = zan("ask", "call(a, b, social_ties)", "--facts", "case.facts", "--at", "2025-03-10")
    assert asked.exit_code == 1 and "case.facts:4:1:" in asked.stderr and "[conclusion-as-fact]" in asked.stderr


def test_a_fact_of_an_obligation_records_its_fulfilment_and_is_allowed(zan, tmp_path, monkeypatch):
    """Not every concluded predicate: a fact of what a norm makes obligatory says the duty was done."""
    monkeypatch.chdir(tmp_path)
    Path("case.facts").write_text("convict(a).\nobserve_internal_regulations(a).\n", encoding="utf-8")
    assert zan("check", "case.facts").exit_code == 0


def test_an_unclosed_quote_is_reported_where_it_opens(zan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    law = (KB / "pec.zan").read_text(encoding="utf-8")
    start = law.index("norm pec.109.2.death")
    opening = law.index('  en "', start) + 5
    closing = law.index('"\n', opening + 1)
    Path("kb").mkdir()
    Path("kb/pec.zan").write_text(law[:closing] + law[closing + 1:], encoding="utf-8")
    result = zan("check", "kb/pec.zan")
    assert result.exit_code == 1
    line = law.count("\n", 0, opening) + 1
    column = opening - law.rfind("\n", 0, opening)
    assert result.stderr.startswith(f"kb/pec.zan:{line}:{column}: error: this text is not closed on its line"), \
        result.stderr.splitlines()[0]


MESSY_SCENARIO = '''% head comment
scenario  d2.x   en "A"
 at 2025-03-10
  given
      convict(a).  died(m).   % trailing
  % about the expectation
  expect call(a,b,social_ties)   is permitted decided by pec.109.2.death
        why not pec.134.1.2.calls   missing contact(a, _)
   cites "pec 109.2","cc60 1".
scenario d2.y at 2025-01-01 expect died(m).
'''

LAID_OUT_SCENARIO = '''% head comment
scenario d2.x
  en "A"
  at 2025-03-10
  given
    convict(a).
    died(m).  % trailing
  % about the expectation
  expect call(a, b, social_ties) is permitted
    decided by pec.109.2.death
    why not pec.134.1.2.calls missing contact(a, _)
    cites "pec 109.2", "cc60 1".

scenario d2.y
  at 2025-01-01
  expect died(m).
'''


def test_zan_fmt_lays_out_scenario_files(zan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("t.scenario").write_text(MESSY_SCENARIO, encoding="utf-8")
    checked = zan("fmt", "--check", "t.scenario")
    assert checked.exit_code == 1 and "t.scenario: would be reformatted" in checked.stdout
    assert zan("fmt", "t.scenario").exit_code == 0
    assert Path("t.scenario").read_text(encoding="utf-8") == LAID_OUT_SCENARIO
    assert zan("fmt", "--check", "t.scenario").exit_code == 0


def test_the_shipped_scenarios_are_in_the_layout(zan, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = zan("fmt", "--check", "kb/scenarios")
    assert result.exit_code == 0, result.output
    assert "error" not in result.output


def test_a_scenario_syntax_error_is_the_scenario_grammar_s(zan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("t.scenario").write_text("scenario x\n  expect call(a, b, c) is allowed.\n", encoding="utf-8")
    result = zan("fmt", "t.scenario")
    assert result.exit_code == 1
    assert result.stderr.startswith("t.scenario:2:27: error: unexpected 'allowed'; expected a status (permitted,")
