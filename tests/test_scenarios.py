"""`zan test`: the shipped scenarios pass, breaking a norm makes named scenarios fail readably, --update."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import KB
from engine.tools.scenarios import parse_scenarios

SCENARIOS = KB / "scenarios"


def test_the_shipped_scenarios_pass(zan):
    result = zan("test")
    assert result.exit_code == 0, result.output
    assert "all passed" in result.output


@pytest.mark.parametrize("decision", range(1, 11))
def test_every_decision_has_scenarios_on_both_sides_of_its_line(decision):
    files = sorted(SCENARIOS.glob(f"d{decision:02}-*.scenario"))
    assert files, f"no scenario file for D{decision}"
    expectations = [(e, s) for f in files for s in parse_scenarios(f.read_text(encoding="utf-8"), str(f)).scenarios
                    for e in s.expectations]
    assert len(expectations) >= 2
    statuses = {e.status for e, _ in expectations}
    dates = {e.at or s.at for e, s in expectations}
    assert len(statuses) >= 2 or len(dates) >= 2, f"D{decision}: every case is on the same side"


@pytest.fixture
def kb_copy(tmp_path) -> Path:
    """A copy of the bundled knowledge base (with its cases, sample and scenarios) to break on purpose."""
    target = tmp_path / "kb"
    shutil.copytree(KB, target, symlinks=False)
    return target


def _edit(path: Path, old: str, new: str, after: str | None = None) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")


def _failed(output: str) -> set[str]:
    return set(re.findall(r"FAIL (\S+):", output))


def test_dropping_an_exception_makes_the_d2_scenarios_fail(kb_copy, zan):
    _edit(kb_copy / "pec.zan", "exception to pec.134.1.2.calls", "", after="norm pec.109.2.death")
    result = zan("test", "--kb", kb_copy)
    assert result.exit_code == 1
    failed = _failed(result.output)
    assert {"d2.death.close_relative", "d2.death.spouse", "d3.death.with_certificate"} <= failed
    assert not any(name.startswith(("d6.", "d7.", "d10.")) for name in failed)
    report = result.output[result.output.index("FAIL d2.death.close_relative"):]
    assert re.search(r"status: +expected permitted\n +actual +undetermined", report)
    assert "defeated:   expected defeated pec.134.1.2.calls by pec.109.2.death on lex specialis" in report
    assert "actual derivation:" in report
    assert "pec.109.2.death" in report.split("actual derivation:")[1]  # the ambiguity names both norms
    assert re.search(r"failed \(.*d2\.death\.close_relative", result.output)


def test_moving_the_ruling_date_makes_the_d4_d6_d8_d10_scenarios_fail(kb_copy, zan):
    _edit(kb_copy / "acts.zan", "in force from 2024-12-27", "in force from 2025-02-01", after="act cc60")
    result = zan("test", "--kb", kb_copy)
    assert result.exit_code == 1
    failed = _failed(result.output)
    assert {"d6.contract.isolator", "d6.state_provider.isolator", "d8.kunakbaev", "d8.medical", "d4.unlisted.isolator",
            "d10.amendment"} <= failed
    assert not any(name.startswith(("d1.", "d2.", "d3.", "d5.", "d9.")) for name in failed)
    report = result.output[result.output.index("FAIL d8.kunakbaev: call(kunakbaev, ospanov, legal_aid) at 2024-12-27"):]
    assert re.search(r"decided by: expected cc60.1.legal_aid.contract\n +actual +pec.134.1.2.calls", report)


def test_only_runs_the_named_scenarios(zan):
    result = zan("test", "--only", "d5.", "-v")
    assert result.exit_code == 0
    assert "8 scenarios" in result.output
    assert "ok d5.spouse.quarantine" in result.output


SCENARIO = """\
% a scenario written before the answers were known
scenario t.update
  at 2025-03-10
  given
    convict(bekov).
    in_disciplinary_isolator(bekov).
    close_relative(bekov, mother).
    close_relative(bekov, daulet).
    died(mother).
  % the status is still to be recorded
  expect call(bekov, daulet, social_ties)
    uses pec.134.1.2.calls.
  expect call(bekov, daulet, legal_aid) is permitted
    decided by cc60.1.legal_aid.contract
    avoids cc60.1.not_exhaustive.
"""


def test_update_records_the_actual_derivation_and_keeps_the_requirements(tmp_path, zan):
    path = tmp_path / "t.scenario"
    path.write_text(SCENARIO, encoding="utf-8")
    assert zan("test", path).exit_code == 1
    result = zan("test", path, "--update")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "expect call(bekov, daulet, social_ties) is prohibited\n    decided by pec.134.1.2.calls\n" \
           "    uses pec.134.1.2.calls\n" in text
    assert "why not pec.109.2.death missing death_certified(mother)" in text
    assert "expect call(bekov, daulet, legal_aid) is prohibited" in text
    assert "decided by cc60.1.legal_aid.contract" not in text       # a recorded fact that was false
    assert "avoids cc60.1.not_exhaustive" in text                    # a requirement is never dropped
    assert "  % the status is still to be recorded\n" in text
    assert text.startswith("% a scenario written before")
    again = zan("test", path, "--update")
    assert path.read_text(encoding="utf-8") == text                  # idempotent
    assert "all passed" in again.output


def test_a_requirement_that_fails_is_not_rewritten(tmp_path, zan):
    path = tmp_path / "t.scenario"
    path.write_text(SCENARIO.replace("uses pec.134.1.2.calls", "uses pec.109.2.death"), encoding="utf-8")
    result = zan("test", path, "--update")
    assert result.exit_code == 1
    assert re.search(r"uses: +expected pec.109.2.death", result.output)
    assert "uses pec.109.2.death" in path.read_text(encoding="utf-8")


BAD = """\
scenario t.bad
  given
    convict(bekov).
  expect call(bekov, P, social_ties) at 2025-01-01 is prohibited
    decided by pec.134.1.2.cals.
  expect call(bekov, serik, social_ties) is prohibited.
"""


def test_invalid_scenario_golden(tmp_path, monkeypatch, zan, golden):
    monkeypatch.chdir(tmp_path)
    Path("bad.scenario").write_text(BAD, encoding="utf-8")
    result = zan("test", "bad.scenario")
    assert result.exit_code == 1
    golden("diagnostics/invalid-scenario.txt", result.output)


def test_scenario_syntax_error_golden(tmp_path, monkeypatch, zan, golden):
    monkeypatch.chdir(tmp_path)
    Path("bad.scenario").write_text("scenario t.syntax at 2025-01-01\n  expect call(a, b, c) is allowed.\n",
                                    encoding="utf-8")
    result = zan("test", "bad.scenario")
    assert result.exit_code == 1
    golden("diagnostics/scenario-syntax.txt", result.output)


def test_a_missing_facts_file_is_located(tmp_path, monkeypatch, zan):
    monkeypatch.chdir(tmp_path)
    Path("t.scenario").write_text('scenario t.files at 2025-01-01 facts "nowhere.facts"\n'
                                  "  expect call(a, b, social_ties).\n", encoding="utf-8")
    result = zan("test", "t.scenario")
    assert result.exit_code == 1
    assert result.output.startswith("t.scenario:1:38: error: no such file: nowhere.facts")
