"""DSL features a second body of law needed (issue 22), in general form: propositions (predicates and facts
without arguments), the universal condition `for every X such that D: B`, and constants in mixed case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

LAW = '''act club
  en "Club rules"
  rank 10
  in force from 2025-01-01.

predicate member(P)
  en "member"
  reads en "{P} is a member".

predicate guarantor(G, P)
  en "guarantor"
  reads en "{G} stands guarantor for {P}".

predicate trusted(G)
  en "trusted"
  reads en "{G} is trusted".

predicate season_open
  en "the season is open"
  reads en "the season is open".

predicate covered(P)
  en "covered"
  reads en "every guarantor of {P} is trusted".

predicate enter(P)
  en "entering"
  reads en "{P} enters".

covered(P) if member(P) and for every G such that guarantor(G, P): trusted(G).

norm club.1
  cites "club 1"
  en "A member whose every guarantor is trusted may enter while the season is open."
  permitted enter(P)
  if member(P)
  and season_open
  and covered(P).
'''


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "zan.toml").write_text('[project]\nname = "club"\n', encoding="utf-8")
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "club.zan").write_text(LAW, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ZAN_CACHE", "0")
    return tmp_path


def _ask(zan, query: str, case: str, *extra: str) -> dict:
    Path("case.facts").write_text(case, encoding="utf-8")
    result = zan("ask", query, "--facts", "case.facts", "--at", "2025-06-01", "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _status(document: dict) -> dict:
    return {a["atom"]: a["status"] for a in document["answers"]}


def test_the_project_checks_clean(zan, project):
    checked = zan("check")
    assert checked.exit_code == 0, checked.output
    assert "0 errors" in checked.stderr


def test_a_proposition_is_a_fact_without_arguments(zan, project):
    case = "member(ann).\nseason_open.\n"
    assert _status(_ask(zan, "enter(P)", case)) == {"enter(ann)": "permitted"}
    # without the proposition the norm does not apply, and the why-not names it
    document = _ask(zan, "enter(ann)", "member(ann).\n")
    assert _status(document) == {"enter(ann)": "undetermined"} or _status(document) == {"enter(ann)": "not-established"}
    assert "season_open" in json.dumps(document["answers"][0]["trace"])


def test_for_every_holds_vacuously_and_on_every_instance(zan, project):
    # no guarantor at all: nothing contradicts "every guarantor is trusted"
    assert _status(_ask(zan, "covered(P)", "member(ann).\n")) == {"covered(ann)": "holds"}
    case = "member(ann).\nmember(bob).\nguarantor(g1, ann).\ntrusted(g1).\nguarantor(g1, bob).\nguarantor(g2, bob).\n"
    assert _status(_ask(zan, "covered(P)", case)) == {"covered(ann)": "holds"}
    assert _status(_ask(zan, "covered(bob)", case)) == {"covered(bob)": "not-established"}


def test_for_every_is_explained_in_its_own_words_with_the_counterexample(zan, project):
    case = "member(bob).\nguarantor(g1, bob).\ntrusted(g1).\nguarantor(g2, bob).\n"
    Path("case.facts").write_text(case, encoding="utf-8")
    text = zan("ask", "covered(bob)", "--facts", "case.facts", "--at", "2025-06-01", "--explain").stdout
    assert "for every G such that guarantor(G, bob): trusted(G)" in text
    assert "a counterexample is established" in text
    assert "G = g2" in text and "every:" not in text
    held = zan("ask", "covered(P)", "--facts", "case.facts", "--at", "2025-06-01", "--explain", "--assume", "trusted(g2)")
    assert "no counterexample is established" in held.stdout and "every:" not in held.stdout


def test_for_every_in_a_norm_decides_both_ways(zan, tmp_path, monkeypatch):
    (tmp_path / "zan.toml").write_text('[project]\nname = "club"\n', encoding="utf-8")
    (tmp_path / "kb").mkdir()
    law = LAW.replace("  and covered(P).", "  and for every G such that guarantor(G, P): trusted(G).")
    (tmp_path / "kb" / "club.zan").write_text(law, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ZAN_CACHE", "0")
    case = "season_open.\nmember(ann).\nguarantor(g1, ann).\ntrusted(g1).\nmember(bob).\nguarantor(g2, bob).\n"
    statuses = _status(_ask(zan, "enter(P)", case))
    assert statuses["enter(ann)"] == "permitted"
    assert statuses.get("enter(bob)") in (None, "undetermined", "not-established")


def test_fmt_keeps_a_universal_condition_and_a_bare_proposition(zan, project):
    formatted = zan("fmt", "--check")
    assert formatted.exit_code == 0, formatted.output


@pytest.mark.parametrize("line, wanted", [
    ("covered(P) if member(P) and for every g such that guarantor(g, P): trusted(g).", "followed by variables"),
    ("covered(P) if member(P) and trusted(G) and for every G such that guarantor(G, P): trusted(G).", "used outside it"),
    ("covered(P) if member(P) and for every G such that member(P): trusted(G).", "not named by any condition"),
])
def test_a_misused_for_every_is_a_located_error(zan, project, line, wanted):
    (project / "kb" / "club.zan").write_text(LAW.replace(
        "covered(P) if member(P) and for every G such that guarantor(G, P): trusted(G).", line), encoding="utf-8")
    checked = zan("check")
    assert checked.exit_code == 1
    assert wanted in checked.stderr and "club.zan:" in checked.stderr and "Traceback" not in checked.output


def test_a_cycle_through_for_every_is_unstratifiable(zan, project):
    law = LAW + "\npredicate chain(P)\n  en \"chain\"\n  reads en \"{P} is in the chain\".\n" \
                "chain(P) if member(P) and for every G such that guarantor(G, P): chain(G).\n"
    (project / "kb" / "club.zan").write_text(law, encoding="utf-8")
    checked = zan("check")
    assert checked.exit_code == 1 and "negation" in checked.stderr.lower(), checked.stderr


def test_constants_in_mixed_case_as_cases_write_them(zan, project):
    case = "member(megaCorp).\nseason_open.\nguarantor(bigBank, megaCorp).\ntrusted(bigBank).\n"
    assert _status(_ask(zan, "enter(P)", case)) == {"enter(megaCorp)": "permitted"}
    assert _status(_ask(zan, "enter(megaCorp)", case)) == {"enter(megaCorp)": "permitted"}
    # and a variable is still a capitalised name
    assert _status(_ask(zan, "enter(MegaCorp)", case)) == {"enter(megaCorp)": "permitted"}


def test_an_anonymous_variable_in_a_condition_is_proved_by_a_tuple_that_matches(zan, project):
    """`guarantor(_, P)`: the proof shows a guarantor that makes it hold (it had no proof at all before)."""
    law = LAW + '\npredicate vouched(P)\n  en "vouched"\n  reads en "someone stands guarantor for {P}".\n' \
                'vouched(P) if member(P) and guarantor(_, P).\n'
    (project / "kb" / "club.zan").write_text(law, encoding="utf-8")
    Path("case.facts").write_text("member(ann).\nguarantor(g1, ann).\n", encoding="utf-8")
    result = zan("ask", "vouched(P)", "--facts", "case.facts", "--at", "2025-06-01", "--format", "json")
    document = json.loads(result.stdout)
    [answer] = document["answers"]
    assert answer["status"] == "holds"
    proof = document["proofs"][answer["trace"]["proof"]["id"]]
    assert [c["atom"] for c in proof["conditions"]] == ["member(ann)", "guarantor(g1, ann)"]


PRIORITY = LAW + '''
norm club.2
  cites "club 2"
  en "Subject to rule 3, a member may enter."
  subject to club.3 because "Subject to rule 3"
  permitted enter(P) if member(P).

norm club.3
  cites "club 3"
  en "A member in arrears must not enter."
  prohibited enter(P)
  if member(P)
  and guarantor(P, P).
'''


def test_subject_to_makes_the_named_norm_prevail_and_the_trace_quotes_the_words(zan, project):
    (project / "kb" / "club.zan").write_text(PRIORITY, encoding="utf-8")
    assert zan("check").exit_code == 0
    assert zan("fmt", "--check").exit_code == 0
    document = _ask(zan, "enter(ann)", "member(ann).\nguarantor(ann, ann).\n")
    [answer] = document["answers"]
    assert answer["status"] == "prohibited" and answer["trace"]["decided_by"]["id"] == "club.3"
    [defeat] = [d for d in answer["trace"]["defeated"] if d["norm"]["id"] == "club.2"]
    assert defeat["by"] == "club.3" and defeat["principle"] == "lex specialis"
    assert defeat["words"] == {"norm": "club.2", "text": "Subject to rule 3"}
    assert "the text of club.2 (club 2) says «Subject to rule 3»" in defeat["explanation"]
    # without the priority the two norms conflict, unresolved
    (project / "kb" / "club.zan").write_text(PRIORITY.replace('  subject to club.3 because "Subject to rule 3"\n', ""),
                                            encoding="utf-8")
    [answer] = _ask(zan, "enter(ann)", "member(ann).\nguarantor(ann, ann).\n")["answers"]
    assert answer["status"] == "undetermined"


def test_subject_to_an_unknown_norm_is_a_located_error(zan, project):
    (project / "kb" / "club.zan").write_text(PRIORITY.replace("subject to club.3", "subject to club.33"), encoding="utf-8")
    checked = zan("check")
    assert checked.exit_code == 1
    assert "`subject to` names the norm club.33, which is not declared" in checked.stderr
    assert "club.zan:" in checked.stderr and "did you mean club.3?" in checked.stderr
