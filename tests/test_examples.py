"""Every project under examples/ passes `zan check`, `zan test` (so CI runs their scenarios) and `zan fmt --check`, and the
Singapore rule 34 project (issue 22) answers its README's example questions as the README says."""

from __future__ import annotations

import json
import re
import shlex

import pytest

from conftest import ROOT

EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/zan.toml"))
SG = ROOT / "examples" / "sg-rule34"


def test_there_are_examples():
    assert SG in EXAMPLES


@pytest.mark.parametrize("project", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_checks_and_passes_its_scenarios(zan, project, monkeypatch):
    monkeypatch.chdir(project)
    checked = zan("check")
    assert checked.exit_code == 0, checked.output
    assert " 0 errors" in checked.stderr and "kb: kb (project zan.toml)" in checked.stderr
    tested = zan("test")
    assert tested.exit_code == 0, tested.output
    assert "all passed" in tested.output
    formatted = zan("fmt", "--check")
    assert formatted.exit_code == 0, formatted.output


def _readme_questions():
    text = (SG / "README.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        m = re.match(r'^(zan ask .*?)\s+#\s+(permitted|prohibited|undetermined) by (\S+?)[:,]?(?:\s|$)', line)
        if m:
            yield pytest.param(m.group(1), m.group(2), m.group(3), id=m.group(1)[8:60])


@pytest.mark.parametrize("command, status, norm", list(_readme_questions()))
def test_the_readme_questions_answer_as_it_says(zan, monkeypatch, command, status, norm):
    monkeypatch.chdir(SG)
    result = zan(*shlex.split(command)[1:], "--at", "2025-06-01", "--format", "json")
    assert result.exit_code == 0, result.output
    [answer] = json.loads(result.stdout)["answers"]
    assert answer["status"] == status
    assert answer["trace"]["decided_by"]["id"] == norm


def test_the_readme_has_its_questions():
    assert len(list(_readme_questions())) >= 8


def _ask(zan, *args) -> dict:
    result = zan("ask", *args, "--at", "2025-06-01", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_amendment_changes_an_appointment_associated_with_no_business(zan, monkeypatch):
    monkeypatch.chdir(SG)
    diff = zan("diff", "accept(P, E)", "--facts", "kb/cases/interference.facts", "--at", "2025-06-01",
               "--versus-reading", "amendment_1A")
    assert diff.exit_code == 0, diff.output
    assert "accept(amy, md_lawServ): permitted → prohibited" in diff.stdout
    assert "r34.1.b" in diff.stdout
    same = zan("diff", "accept(P, E)", "--facts", "kb/cases/locum.facts", "--at", "2025-06-01",
               "--versus-reading", "amendment_1A")
    assert "permitted →" not in same.stdout and "prohibited →" not in same.stdout


def test_every_norm_that_applied_is_listed_with_its_fate_and_the_words_of_the_priority(zan, monkeypatch):
    monkeypatch.chdir(SG)
    [answer] = _ask(zan, "accept(lee, ceo_shopCo)", "--facts", "kb/cases/locum.facts")["answers"]
    applied = {a["id"]: a for a in answer["trace"]["applied"]}
    assert set(applied) == {"r34.1.b", "r34.5", "r34.6.b"}
    assert applied["r34.5"]["fate"] == "decided" and applied["r34.5"]["modality"] == "permitted"
    assert applied["r34.1.b"]["fate"] == "defeated" and applied["r34.1.b"]["by"]["id"] == "r34.5"
    assert applied["r34.1.b"]["words"] == {"norm": "r34.5", "text": "Despite paragraph (1)(b)"}
    assert applied["r34.6.b"]["words"]["text"] == "Except as provided in paragraphs (2) to (5)"
    assert applied["r34.1.b"]["citation"] == "lppcr 34.1.b"
    defeated = {d["norm"]["id"]: d for d in answer["trace"]["defeated"]}
    assert "«Despite paragraph (1)(b)»" in defeated["r34.1.b"]["explanation"]


def test_subject_to_is_explained_by_the_words_of_the_paragraph_that_yields(zan, monkeypatch):
    monkeypatch.chdir(SG)
    text = zan("ask", "accept(jane, ceo_megaCorp)", "--facts", "kb/cases/megacorp-ceo.facts", "--at", "2025-06-01",
               "--assume", "unfair(retail)", "--explain").stdout
    assert "r34.1.c (lppcr 34.1.c) prevails over r34.4 (lppcr 34.4): the text of r34.4 (lppcr 34.4) says «Subject to paragraph (1)»" in text


def test_a_case_with_an_undeclared_fact_gets_a_did_you_mean(zan, monkeypatch, tmp_path):
    monkeypatch.chdir(SG)
    case = tmp_path / "case.facts"
    case.write_text("legal_practioner(jane).\nposition(p1).\n", encoding="utf-8")
    result = zan("ask", "accept(P, E)", "--facts", str(case))
    assert result.exit_code == 1
    assert "case.facts:1:1: error: unknown predicate legal_practioner [undefined-predicate]" in result.stderr
    assert "did you mean legal_practitioner?" in result.stderr and "Traceback" not in result.output


def test_an_unknown_reading_is_a_located_error_listing_the_readings(zan, monkeypatch):
    monkeypatch.chdir(SG)
    result = zan("ask", "accept(P, E)", "--facts", "kb/cases/locum.facts", "--reading", "amendment_1a")
    assert result.exit_code == 1
    assert "<--reading>:1:1: error: no reading named 'amendment_1a'" in result.stderr
    assert "(known: amendment_1A, text_1b)" in result.stderr and "did you mean amendment_1A?" in result.stderr
    second = zan("ask", "accept(P, E)", "--facts", "kb/cases/locum.facts", "--reading", "text_1b,nosuch")
    assert "<--reading>:1:9: error: no reading named 'nosuch'" in second.stderr


@pytest.mark.slow
def test_coverage_and_mutation_of_the_rule(zan, monkeypatch):
    """The figures of docs/performance.md: coverage (all items) and a reproducible sample of the mutants."""
    monkeypatch.chdir(SG)
    covered = zan("test", "--coverage", "--fail-under", "95")
    assert covered.exit_code == 0, covered.output[-2000:]
    mutated = zan("test", "--mutate", "--sample", "40", "--seed", "1", "--fail-under", "90")
    assert mutated.exit_code == 0, mutated.output[-2000:]


def test_show_reads_a_universal_condition_in_words(zan, monkeypatch):
    monkeypatch.chdir(SG)
    shown = zan("show", "r34.2.a")
    assert shown.exit_code == 0, shown.output
    assert "if for every X such that owner_of(X, G): principal_of(X, F) — for every X such that" in shown.stdout
    assert "every:" not in shown.stdout


def test_a_scenario_naming_an_unknown_reading_is_an_error_at_the_scenario(zan, monkeypatch, tmp_path):
    import shutil

    shutil.copytree(SG, tmp_path / "p")
    scenario = tmp_path / "p" / "kb" / "scenarios" / "readings.scenario"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("reading amendment_1A\n", "reading amendment_1a\n", 1),
                        encoding="utf-8")
    monkeypatch.chdir(tmp_path / "p")
    result = zan("test")
    assert result.exit_code == 1
    assert "kb/scenarios/readings.scenario:" in result.output and "names the reading 'amendment_1a'" in result.output
    assert "did you mean amendment_1A?" in result.output and "<--reading>" not in result.output


def test_the_readme_shows_the_diff_as_zan_diff_prints_it(zan, monkeypatch):
    monkeypatch.chdir(SG)
    text = (SG / "README.md").read_text(encoding="utf-8")
    shown = text.split('zan diff "accept(P, E)" --facts kb/cases/interference.facts --versus-reading amendment_1A\n```\n\n```\n')[1]
    shown = shown.split("```")[0]
    printed = zan("diff", "accept(P, E)", "--facts", "kb/cases/interference.facts", "--at", "2026-12-06",
                  "--versus-reading", "amendment_1A").stdout
    assert printed.strip() == shown.strip()
