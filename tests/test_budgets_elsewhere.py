"""Work that grows with the input has a bound elsewhere too (issue 23, "same class elsewhere"): the case spaces
an exercise sheet of source `cases` computes share one budget, and a space past its bound is passed over;
mutation testing makes at most MAX_MUTANTS mutants' runs on its own and says it sampled."""

from __future__ import annotations

from engine.base.diagnostics import Diagnostic, ZanError
from engine.base.source import Span
from engine.tools import cases as case_tool
from engine.tools import exercises, mutation


def test_a_spent_budget_of_case_spaces_ends_the_sheet_without_computing_more(monkeypatch):
    monkeypatch.setattr(exercises, "SPACES_SECONDS", 0.0)
    monkeypatch.setattr(exercises, "_SPACES", {})

    def never(*args, **kwargs):
        raise AssertionError("a case space was computed after the budget was spent")

    monkeypatch.setattr(case_tool, "cases", never)
    sheet = exercises.generate(count=3, seed=1, source="cases")
    assert sheet["exercises"] == []


def test_a_case_space_past_its_bound_is_passed_over(monkeypatch):
    monkeypatch.setattr(exercises, "_SPACES", {})
    real, calls = case_tool.cases, []

    def first_too_large(*args, **kwargs):
        calls.append(kwargs.get("budget"))
        if len(calls) == 1:
            raise ZanError([Diagnostic("too-large", "the case space is larger than its bound", Span("<query>", 1, 1))])
        return real(*args, **kwargs)

    monkeypatch.setattr(case_tool, "cases", first_too_large)
    sheet = exercises.generate(count=2, seed=1, source="cases")
    assert len(calls) >= 2 and sheet["exercises"]
    assert all(b is not None and b.seconds <= case_tool.CASES_BUDGET.seconds for b in calls)


def test_mutation_testing_samples_when_the_law_makes_too_many_mutants(monkeypatch):
    from engine.tools.scenarios import Runner

    runner = Runner()
    run = runner.run([runner.kb_dir / "scenarios"], only="d01")
    made = len(mutation.mutants(runner.knowledge()))
    monkeypatch.setattr(mutation, "MAX_MUTANTS", 5)
    report = mutation.mutate(runner, run)
    assert made > 5 and len(report.results) == 5 and report.total_made == made and report.capped
    assert "the most one run makes" in mutation.render(report)
