"""Issue 10, item 7 (conflict analysis): 3000 norms concluding one predicate are checked and answered comparing
only the pairs that can meet (grouped by rank, indexed by start date and by the constants of their heads),
and superiority is decided per question, never for every pair of norms. Counted, not timed (benchmarks/conflicts.py
times it)."""

from __future__ import annotations

import datetime

import pytest

from engine.checks import conflicts
from engine.logic import ir, norms
from engine.syntax.knowledge import load

COUNT = 3000


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("conflicts")
    law = ['act a%d en "A%d" kind statute rank %d in force from 20%02d-01-01.' % (r, r, r, 10 + r) for r in range(30)]
    law += ['predicate p(A, B) en "p" reads en "{A} p {B}".', 'predicate q(A, B) en "q" reads en "{A} q {B}".']
    for i in range(COUNT):
        modality = "permitted" if (i // 30) % 2 else "prohibited"
        # acts of different ranks: lex superior orders every pair across acts; within an act the heads'
        # constants keep most pairs apart (k0..k49), and the pairs that can meet are unresolved conflicts
        law.append(f'norm a{i % 30}.{i} cites "a{i % 30} {i}" en "n" {modality} p(X, k{(i // 60) % 50}) '
                   f'if q(X, c{i}).')
    path = folder / "law.zan"
    path.write_text("\n".join(law) + "\n", encoding="utf-8")
    return load([path])


def counting(monkeypatch, module):
    calls = [0]
    original = norms.priority

    def counted(a, b):
        calls[0] += 1
        return original(a, b)
    monkeypatch.setattr(module, "priority", counted)
    return calls


def test_the_conflict_check_compares_only_pairs_that_can_meet(kb, monkeypatch):
    calls = counting(monkeypatch, conflicts)
    found = [d for d in conflicts.check(kb) if d.code == "unresolved-conflict"]
    # the same act (rank and date), the same head constant, opposite modalities: 30 acts x 50 heads x 1 x 1
    assert len(found) == 1500
    assert calls[0] <= 2 * len(found), calls[0]  # not the 4.5 million pairs of 3000 norms
    assert calls[0] >= len(found), calls[0]      # and each conflict was decided by asking for a priority


def test_superiority_is_decided_when_asked(kb, monkeypatch):
    calls = counting(monkeypatch, norms)
    program = ir.lower(kb, datetime.date(2025, 1, 1))
    assert calls[0] == 0                                    # lowering orders no pair
    first, second, third = "a1.31", "a0.0", "a1.1"          # rank 1 over rank 0; the same act, no order
    assert (first, second) in program.defeats and (second, first) not in program.defeats
    assert program.defeats[(first, second)].principle == "lex superior"
    assert (first, third) not in program.defeats and (third, first) not in program.defeats
    assert 1 <= calls[0] <= 4, calls[0]                 # asked, and only for the pairs looked at


@pytest.mark.slow
def test_a_question_over_many_conflicting_norms(tmp_path, kb):
    from engine.pipeline import ask

    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "law.zan").write_text(kb.sources[next(iter(kb.sources))], encoding="utf-8")
    case = tmp_path / "case.facts"
    case.write_text("".join(f"q(x, c{i}).\n" for i in range(0, 120)), encoding="utf-8")
    result = ask("p(x, k0)", datetime.date(2025, 1, 1), folder, [case], explain=True)
    [t] = result.traces
    # 60 norms conclude p(x, k0) (c0..c59); in force on 2025-01-01 are the acts a0..a15 (a15 since that day):
    # the highest rank in force, 15, has a15.15 prohibiting and a15.45 permitting, unordered
    assert t.answer.status == "undetermined"
    assert [tuple(p) for p in t.answer.ambiguity] == [("a15.15", "a15.45")]
    assert len(t.answer.defeated) == 30  # 16 acts in force x 2 norms apply; all but the two of a15 are defeated
