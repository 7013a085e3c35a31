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


CHOICE = ('act a en "A" rank 10 in force from 2000-01-01.\n'
          + "".join(f'predicate {p}(X) en "{p}" reads en "{{X}} is {p}".\n'
                    for p in ("person", "base", "extra", "other", "r", "q", "s", "t"))
          + 'predicate knows(X, Y) en "knows" reads en "{X} knows {Y}".\n'
          + 'predicate act(X) en "act" reads en "{X} acts" asked over person(X).\n'
          + 'r(X) if extra(X).\n'
          + 'q(X) if r(X).\nq(X) if base(X).\n'      # two instances, the taller one first
          + 's(X) if base(X).\ns(X) if r(X).\n'      # two instances, the taller one last (the record's row)
          + 't(X) if base(X).\nt(X) if other(X).\n'  # two instances of one height: the search breaks the tie
          + 'norm a.1 cites "a 1" en "One acts where q, s and t hold of one and one knows someone."\n'
          + '  permitted act(X) if q(X) and s(X) and t(X) and knows(X, _Y).\n')


def test_a_choice_below_a_deciding_proof_is_left_to_the_search(tmp_path, zan, monkeypatch):
    """Every answer's deciding proof rests on atoms with two instances (q, s: of heights 1 and 2, the taller one
    written first for q and last for s, which is the row the record keeps; t: two of one height) and the norm's
    own atom has one instance per person known (`knows(X, _Y)`). A shortcut that took an instance without the
    search (the first matched, the record's last row, the first settled) proves q or s through r; the output must be
    the search's, and the proofs the lower ones, in every partition and in one whole evaluation."""
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(CHOICE, encoding="utf-8")
    lines = []
    for i in range(12):
        lines += [f"person(p{i:02d}).", f"base(p{i:02d}).", f"other(p{i:02d}).", f"knows(p{i:02d}, k{i:02d})."]
        if i % 3:
            lines.append(f"extra(p{i:02d}).")
        if i % 4 == 0:
            lines.append(f"knows(p{i:02d}, j{i:02d}).")
    case = tmp_path / "case.facts"
    case.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for partition in ("6", "1000000"):
        args = ("ask", "act(X)", "--kb", str(kb), "--facts", str(case), "--at", AT, "--format", "jsonl",
                "--trace", "brief", "--partition", partition, "--jobs", "1")
        shortcut, searched, outcomes = both_ways(zan, monkeypatch, *args)
        assert shortcut == searched
        outputs.append(shortcut)
        proofs = {}
        for line in shortcut.splitlines():
            (kind, value), = json.loads(line).items()
            if kind == "proof":
                proofs[value["id"]] = [c["atom"] for c in value["conditions"]]
        for i in range(12):
            assert proofs[f"q(p{i:02d})"] == proofs[f"s(p{i:02d})"] == [f"base(p{i:02d})"], proofs
        assert shortcut.count('"status":"permitted"') == 12
    assert sorted(outputs[0].splitlines()) == sorted(outputs[1].splitlines())
