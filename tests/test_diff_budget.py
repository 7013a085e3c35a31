"""`zan diff` on a large case: diffed in partitions like a register, and bounded (issue 23, "same class elsewhere").

Before: the diff evaluated the whole case at once (its convict × person cross product) with no bound: N=100
copies of the sample case took 15 s and 294 MB, N=400 405 s and 2.7 GB. Now the case is split into
partitions of cases sharing no constant a rule could join (engine/tools/register.partitions), the changes are
combined in the order of the unpartitioned diff, and the work has a budget (DIFF_BUDGET) past which it is a
located `too-large` error. Nothing here is timed by the clock: partitions are counted and the budget is hit
with a tiny bound.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from engine.base.diagnostics import ZanError
from engine.explain.render.as_json import render
from engine.logic.diagrams import Budget
from engine.tools import diff as diffs

ROOT = Path(__file__).resolve().parent.parent
BEFORE, AFTER = datetime.date(2024, 12, 26), datetime.date(2024, 12, 27)
QUESTION = "call(C, P, Purpose)"


def _register(tmp_path: Path, copies: int) -> Path:
    """`copies` copies of the sample case, each with its own persons."""
    text = (ROOT / "kb" / "sample" / "kunakbaev.facts").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("%")]
    names = re.compile(r"\b(kunakbaev|ospanov|aigul|marat|serik)\b")
    out = [names.sub(lambda m: f"{m.group(1)}{i}", line) for i in range(copies) for line in lines]
    path = tmp_path / f"register{copies}.facts"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _diff(facts: Path, **kw):
    return diffs.diff(QUESTION, BEFORE, AFTER, ROOT / "kb", [facts], **kw)


def test_a_large_case_is_diffed_in_partitions_with_the_same_output(tmp_path):
    facts = _register(tmp_path, 12)
    whole = _diff(facts, limit=10**9)
    parted = _diff(facts, limit=7)
    assert len(whole.changes) == 12                       # each convict's call to his own advocate
    assert render(diffs.document(parted)) == render(diffs.document(whole))
    for language in ("ru", "kk"):
        assert render(diffs.document(parted, language)) == render(diffs.document(whole, language))
    # 12 cases sharing no constant: 12 partitions, and a last step for the facts every partition shares
    p0, p1 = parted.programs
    steps = list(diffs._partitioned(p0, p1, "call", 7))
    assert [owned for _sides, owned, _own in steps] == [True] * 12 + [False]
    assert list(diffs._partitioned(p0, p1, "call", 10**9))[0][1] is None   # a small case: one evaluation, as before


def test_the_partitions_follow_the_joins_of_both_dates(tmp_path):
    """A partition's cases are kept together by a join of either side; the unpartitioned and partitioned diffs
    agree when one date has a rule the other has not (cc60 comes into force between the dates)."""
    facts = _register(tmp_path, 5)
    for start, end in ((BEFORE, AFTER), (AFTER, BEFORE)):
        whole = diffs.diff(QUESTION, start, end, ROOT / "kb", [facts], limit=10**9)
        parted = diffs.diff(QUESTION, start, end, ROOT / "kb", [facts], limit=1)
        assert render(diffs.document(parted)) == render(diffs.document(whole))
        assert whole.changes


@pytest.mark.parametrize("language, words", [("en", "narrow it"), ("ru", "сузьте"), ("kk", "тарылтыңыз")])
def test_a_diff_past_its_budget_is_a_located_error_naming_the_bound(tmp_path, language, words):
    facts = _register(tmp_path, 4)
    with pytest.raises(ZanError) as e:
        _diff(facts, budget=Budget(entries=500, seconds=60.0), language=language, limit=7)
    d = e.value.diagnostics[0]
    assert d.code == "too-large" and "500" in d.message and "call(C, P, Purpose)" in d.message
    assert d.span.file == "<query>" and words in d.hint
    assert e.value.sources == {"<query>": QUESTION}


def test_the_command_line_stops_at_the_bound(tmp_path, zan, monkeypatch):
    facts = _register(tmp_path, 4)
    monkeypatch.setattr(diffs, "DIFF_BUDGET", Budget(entries=500, seconds=60.0))
    result = zan("diff", QUESTION, "--facts", facts, "--from", "2024-12-26", "--to", "2024-12-27", "--format", "json")
    assert result.exit_code == 1, result.output
    assert "[too-large]" in result.output and "<query>:1:1" in result.output and "500" in result.output
    assert "Traceback" not in result.output
    monkeypatch.setattr(diffs, "DIFF_BUDGET", Budget(entries=10**9, seconds=600.0))
    fine = zan("diff", QUESTION, "--facts", facts, "--from", "2024-12-26", "--to", "2024-12-27", "--format", "json")
    assert fine.exit_code == 0, fine.output


@pytest.mark.parametrize("start, end, versus", [
    (datetime.date(2025, 3, 10), datetime.date(2025, 3, 10), "point_1_words"),   # two readings
    (datetime.date(2024, 12, 1), datetime.date(2025, 6, 1), None),
    (datetime.date(2025, 6, 1), datetime.date(2024, 12, 1), None),                # asked backwards
])
def test_the_bundled_cases_together_diff_the_same_in_partitions(start, end, versus):
    files = sorted((ROOT / "kb" / "cases").glob("*.facts"))
    whole = diffs.diff(QUESTION, start, end, ROOT / "kb", files, versus_reading=versus, limit=10**9)
    parted = diffs.diff(QUESTION, start, end, ROOT / "kb", files, versus_reading=versus, limit=1)
    assert whole.changes and len(list(diffs._partitioned(*parted.programs, "call", 1))) > 2
    assert render(diffs.document(parted)) == render(diffs.document(whole))
