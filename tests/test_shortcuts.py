"""The prover's shortcuts give the proofs of its search (issue 25, third round).

`Prover._forced` settles an atom without the search where no choice is left below it (every atom a fact or
derived by exactly one instance); `Prover.prove` builds an atom's proof once and shares it with every proof
that uses it; `Explainer.node` makes a shared node's dictionary once. Where an atom has several instances
the search decides as before, so its tie-break is kept. With `Prover.shortcuts` off every atom is settled by
the search and every node built anew: the output must be the same bytes, in brief and full traces, JSON
and JSON Lines, on generated registers in several partitions and on every example case of the bundled law.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from engine.explain.proof import Prover

ROOT = Path(__file__).resolve().parent.parent
QUERY = "call(C, P, Purpose)"
AT = "2025-03-10"


def write_register(path: Path, convicts: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from register import write_register as write
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    write(path, convicts)
    return path


def both_ways(zan, monkeypatch, *args) -> tuple[str, str, list[bool]]:
    """The output with the shortcuts and without, and what `_forced` answered each time it was asked."""
    outcomes: list[bool] = []
    forced = Prover._forced
    monkeypatch.setattr(Prover, "_forced", lambda self, target: outcomes.append(forced(self, target)) or outcomes[-1])
    result = zan(*args)
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(Prover, "shortcuts", False)
    searched = zan(*args)
    assert searched.exit_code == 0, searched.output
    monkeypatch.setattr(Prover, "shortcuts", True)
    return result.stdout, searched.stdout, outcomes


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
@pytest.mark.parametrize("trace, convicts", [("brief", 400), ("full", 100)])
def test_a_register_has_the_bytes_of_the_search(zan, monkeypatch, tmp_path, fmt, trace, convicts):
    path = write_register(tmp_path / "register.facts", convicts)
    args = ("ask", QUERY, "--facts", str(path), "--at", AT, "--format", fmt, "--trace", trace, "--partition", "150")
    shortcut, searched, outcomes = both_ways(zan, monkeypatch, *args)
    assert shortcut == searched
    # both ways were taken: atoms settled without the search, and atoms with a choice left to it
    assert outcomes.count(True) > 100 and outcomes.count(False) > 0
    assert shortcut.count('"discretionary"') > 3 and shortcut.count('"permitted"') > 20


CASES = sorted((ROOT / "kb" / "cases").glob("*.facts"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.stem)
def test_every_example_case_has_the_bytes_of_the_search(zan, monkeypatch, case):
    for at in ("2024-12-26", AT):
        args = ("ask", QUERY, "--facts", str(case), "--at", at, "--format", "json", "--trace", "full")
        shortcut, searched, outcomes = both_ways(zan, monkeypatch, *args)
        assert shortcut == searched
        assert True in outcomes


def test_a_cycle_is_left_to_the_search(tmp_path, zan, monkeypatch):
    """p(a) if q(a); q(a) if p(a) or base(a): q(a) has two instances, one resting on p(a) itself. `_forced`
    leaves it to the search, which proves q(a) by the fact, never round the cycle."""
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text("".join(
        f'predicate {p}(X)\n  en "{p}"\n  reads en "{{X}} is {p}".\n' for p in ("p", "q", "base"))
        + "p(X) if q(X).\nq(X) if p(X).\nq(X) if base(X).\n", encoding="utf-8")
    case = tmp_path / "case.facts"
    case.write_text("base(a).\n", encoding="utf-8")
    args = ("ask", "p(X)", "--kb", str(kb), "--facts", str(case), "--at", AT, "--format", "json", "--trace", "full")
    shortcut, searched, outcomes = both_ways(zan, monkeypatch, *args)
    assert shortcut == searched and False in outcomes
    assert [c["atom"] for c in json.loads(shortcut)["proofs"]["q(a)"]["conditions"]] == ["base(a)"]
