"""Scope is not a gap (issue 19, item 3): a kb declares what it does not encode (`outside scope "pec 109.1"
for call(C, P, Purpose) if not in_disciplinary_isolator(C)`); undetermined answers and case-space rows that
fall there say so, and `zan cases` lists gaps and out-of-scope cases apart, each in a sentence."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from engine import pipeline
from engine.tools import cases as space
from conftest import CASES

LATER = datetime.date(2025, 3, 10)


@pytest.mark.parametrize("language,words", [("en", "outside what this knowledge base encodes"),
                                            ("ru", "вне того, что закодировано в этой базе знаний"),
                                            ("kk", "бұл білім қорында кодталғаннан тыс")])
def test_an_undetermined_answer_outside_the_isolator_names_109_1(zan, language, words):
    result = zan("ask", "call(sadykov, kairat, social_ties)", "--facts", CASES / "solitary-cell.facts",
                 "--at", "2025-03-10", "--lang", language)
    assert result.exit_code == 0, result.output
    assert words in result.stdout
    data = json.loads(zan("ask", "call(sadykov, kairat, social_ties)", "--facts", CASES / "solitary-cell.facts",
                          "--at", "2025-03-10", "--format", "json").stdout)
    answer = data["answers"][0]
    assert answer["status"] == "undetermined" and answer["outside_scope"]["citations"] == ["pec 109.1"]
    for fmt, mark in (("markdown", words), ("html", words)):
        shown = zan("ask", "call(sadykov, kairat, social_ties)", "--facts", CASES / "solitary-cell.facts",
                    "--at", "2025-03-10", "--lang", language, "--format", fmt)
        assert mark in shown.stdout


def test_a_decided_answer_and_one_in_the_isolator_are_not_out_of_scope(zan):
    data = json.loads(zan("ask", "call(bekov, P, Purpose)", "--facts", CASES / "example1-friend.facts",
                          "--at", "2025-03-10", "--format", "json").stdout)
    assert data["answers"] and not any("outside_scope" in a for a in data["answers"])


def test_the_bundled_call_space_has_its_undetermined_cases_outside_scope_not_as_gaps():
    kb, _f, _w = pipeline.load_checked(None, [], sample=False)
    s = space.cases("call(C, P, Purpose)", LATER, kb=kb)     # verifies each row's scope against the ask path
    doc = space.document(s)
    undetermined = [k for k, r in enumerate(doc["rows"]) if r["status"] == "undetermined"]
    assert undetermined and doc["outside_scope"] == undetermined and doc["gaps"] == []
    for k in undetermined:
        assert "in_disciplinary_isolator(c)" not in doc["rows"][k]["holds"]


def _kb(root: Path) -> Path:
    """go(X): permitted if a, prohibited if b; the kb does not encode the rule for c (outside scope)."""
    (root / "kb").mkdir(parents=True)
    pred = lambda name: f'predicate {name}(X)\n  kk "{name}"\n  ru "{name}"\n  en "{name}".\n'
    (root / "kb" / "law.zan").write_text("\n".join([
        'act h\n  kk "h"\n  ru "h"\n  en "h"\n  kind rules\n  rank 10\n  in force from 2025-01-01.\n',
        pred("go"), pred("a"), pred("b"), pred("c"),
        'norm h.1\n  cites "h 1"\n  kk "h"\n  ru "h"\n  en "h"\n  permitted go(X)\n  if a(X).\n',
        'norm h.2\n  cites "h 2"\n  kk "h"\n  ru "h"\n  en "h"\n  exception to h.1\n  prohibited go(X)\n  if b(X).\n',
        'outside scope "h 3"\n  for go(X) if c(X)\n  kk "h 3 кодталмаған"\n  ru "h 3 не закодирован"\n'
        '  en "the rule of h 3 on c is not encoded".\n']), encoding="utf-8")
    return root / "kb"


def test_gaps_and_out_of_scope_cases_are_listed_apart_each_in_a_sentence(tmp_path, zan):
    kb_dir = _kb(tmp_path / "h")
    result = zan("cases", "go(X)", "--kb", kb_dir, "--at", "2025-03-01", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert len(doc["gaps"]) == 1 and len(doc["outside_scope"]) == 1
    assert doc["rows"][doc["outside_scope"][0]]["holds"] == ["c(x)"]
    assert doc["rows"][doc["outside_scope"][0]]["outside_scope"]["citations"] == ["h 3"]
    text = zan("cases", "go(X)", "--kb", kb_dir, "--at", "2025-03-01").stdout
    assert "1 case(s) outside what this knowledge base encodes (h 3): the rule of h 3 on c is not encoded" in text
    assert "1 case(s) of `go(x)` that no encoded norm decides although the encoded law speaks to them" in text
    ask = zan("ask", "go(x)", "--kb", kb_dir, "--at", "2025-03-01", "--facts", "-", "--format", "json", input="c(x).\n")
    assert json.loads(ask.stdout)["answers"][0]["outside_scope"]["citations"] == ["h 3"]


def test_a_scope_declaration_is_checked(tmp_path, zan):
    kb_dir = _kb(tmp_path / "h")
    law = kb_dir / "law.zan"
    law.write_text(law.read_text(encoding="utf-8") + '\noutside scope "hx 1"\n  for go(X) if d(X)\n  en "x".\n',
                   encoding="utf-8")
    result = zan("check", kb_dir)
    assert "[unknown-act]" in result.output and "[undefined-predicate]" in result.output
    assert "law.zan:" in result.output


def _declared(root: Path, scopes: list[str]) -> Path:
    """go(X, Y), decided by one norm on a(X); the scope declarations given."""
    (root / "kb").mkdir(parents=True)
    pred = lambda name, args: f'predicate {name}({args})\n  kk "{name}"\n  ru "{name}"\n  en "{name}".\n'
    (root / "kb" / "law.zan").write_text("\n".join([
        'act h\n  kk "h"\n  ru "h"\n  en "h"\n  kind rules\n  rank 10\n  in force from 2025-01-01.\n',
        pred("go", "X, Y"), pred("a", "X"), pred("c", "X"), pred("d", "X, Y"), pred("e", "X, Y"), pred("f", "X"),
        'norm h.1\n  cites "h 1"\n  kk "h"\n  ru "h"\n  en "h"\n  permitted go(X, Y)\n  if a(X)\n  and c(Y).\n',
        *scopes]), encoding="utf-8")
    return root / "kb"


SCOPES = ['outside scope "h 1"\n  for go(X, Y) if not c(X)\n  en "x".\n',                       # tested on c's tuples
          'outside scope "h 2"\n  for go(X, Y) if not d(Y, X)\n  and not e(X, k)\n  en "x".\n',   # the same, two of them
          'outside scope "h 3"\n  for go(X, Y) if f(Y)\n  en "x".\n',                             # matched
          'outside scope "h 4"\n  for go(X, X) if not f(X)\n  en "x".\n']                         # not distinct: matched


@pytest.mark.parametrize("declared", [SCOPES, SCOPES[:1], SCOPES[1:2], SCOPES[2:3], SCOPES[::-1]])
def test_a_registers_scope_declarations_per_value_are_those_of_each_answer(tmp_path, declared):
    """answering.Scopes.of (a register's partition: the declarations' conditions decided once per value, negations
    of grounded atoms tested on the model's tuples) gives each answer the declaration outside_scope finds."""
    from engine.explain.answering import Scopes, outside_scope

    kb_dir = _declared(tmp_path / "h", declared)
    names = ["k", "m", "n", "p", "q"]
    facts = tmp_path / "case.facts"
    facts.write_text("".join([f"a({x}).\n" for x in names[:3]] + [f"c({x}).\n" for x in names[1:4]]
                             + ["d(m, n).\n", "d(k, k).\n", "e(n, k).\n", "e(p, m).\n", "f(m).\n", "f(q).\n"]),
                     encoding="utf-8")
    result = pipeline.prepare("go(X, Y)", LATER, kb_dir, [facts])
    done = pipeline.evaluated(result.program, ["go"])
    index = done.prover.index
    scope_of = Scopes(result.program, index, "go").of(True)
    seen = set()
    for x in names:
        for y in names:
            expected = outside_scope(result.program, index, "go", (x, y))
            assert scope_of((x, y)) == expected, (x, y)
            assert Scopes(result.program, index, "go")((x, y), True) == expected
            seen.add(expected)
    assert len(seen) > 1   # some answers fall under a declaration, some do not
