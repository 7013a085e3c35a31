"""Issue 22 item 5: the case space and --how work on the second body of law (examples/sg-rule34) as on the
bundled kb. Before the fix `zan cases "accept(P, E)"` stopped at its bound (too-large) and --how at the
1,500,000-node bound: each norm had persons of its own for the same role (the entity the appointment is
in), and every set of agreeing prohibitions was an outcome of its own (191 of them)."""

from __future__ import annotations

import json

from conftest import ROOT

SG = ROOT / "examples" / "sg-rule34"


def test_the_accept_space_is_a_table_whose_rows_agree_with_ask(zan, monkeypatch, tmp_path):
    monkeypatch.chdir(SG)
    result = zan("cases", "accept(P, E)", "--at", "2025-06-01", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["rows"]
    assert 20 < len(rows) < 400
    statuses = {r["status"] for r in rows}
    assert {"permitted", "prohibited"} <= statuses
    deciding = {r["deciding"]["id"] for r in rows if r.get("deciding")}
    assert {"r34.1.a", "r34.1.b", "r34.2.a", "r34.4", "r34.5", "r34.6.a", "r34.6.b", "r34.7"} <= deciding
    # sampled rows: the representative case, asked the ordinary way, has the row's status
    for k, row in enumerate(rows[:: max(1, len(rows) // 8)]):
        facts = tmp_path / f"row{k}.facts"
        facts.write_text("".join(f"{f}.\n" for f in row["case"]), encoding="utf-8")
        asked = zan("ask", row["atom"], "--facts", facts, "--at", "2025-06-01", "--format", "json")
        assert asked.exit_code == 0, asked.output
        [answer] = json.loads(asked.stdout)["answers"]
        assert answer["status"] == row["status"], (row["case"], row["status"], answer["status"])


def test_how_gives_sets_on_a_case_file(zan, monkeypatch):
    monkeypatch.chdir(SG)
    result = zan("ask", "accept(P, E)", "--facts", "kb/cases/interference.facts", "--at", "2025-06-01",
                 "--how", "prohibited", "--format", "json")
    assert result.exit_code == 0, result.output
    [answer] = json.loads(result.stdout)["answers"]
    assert answer["status"] == "permitted"
    assert answer["how"] and not answer.get("how_stopped"), answer
    # a new owner of the related practice (a counterexample to (2)(a)'s "every owner")
    assert any(len(s) == 1 and s[0].startswith("legal_owner_of(x") and s[0].endswith(", lawServ)")
               for s in answer["how"])
    permitted = zan("ask", "accept(P, E)", "--facts", "kb/cases/interference.facts", "--at", "2025-06-01",
                    "--how", "permitted", "--format", "json")
    assert permitted.exit_code == 0, permitted.output
    [answer] = json.loads(permitted.stdout)["answers"]
    assert answer["how"] == [[]] and not answer.get("how_stopped"), answer   # already permitted: the empty set


def test_a_general_question_about_rule_34_is_answered_from_its_case_space(zan, monkeypatch):
    monkeypatch.chdir(SG)
    result = zan("ask", "May a locum solicitor accept an executive appointment?", "--at", "2025-06-01")
    assert result.exit_code == 0, result.output
    assert "question as understood: `accept(P, E)`" in result.output
    assert "A is a locum solicitor" in result.output
    assert "Permitted (lppcr 34.5)" in result.output and "Prohibited (lppcr 34.1.e)" in result.output


# ---------------------------------------------------------------- --how on every case file (issue 22 item 5)

import datetime

import pytest

from engine import pipeline
from engine.logic.diagrams import Budget
from engine.tools import cases as space

AT = datetime.date(2025, 6, 1)
# base.facts names no appointment: accept(P, E) has no answer there, so its persons are asked of a new one
QUESTIONS = {"base.facts": ["accept(P, E)", "accept(jane, e)", "accept(lee, e)"]}
CASE_FILES = sorted(p.name for p in (SG / "kb" / "cases").glob("*.facts"))
UNBOUNDED_SECONDS = Budget(entries=space.HOW_BUDGET.entries, seconds=600)   # the node bound as it is; no timing


def _how(monkeypatch, question, facts, status, limit=None, assumed=()):
    monkeypatch.chdir(SG)
    result = pipeline.ask(question, AT, None, [SG / "kb" / "cases" / facts], explain=False,
                          assumptions=pipeline.fact_atoms(assumed))
    return result, space.how_for_result(result, status, limit, UNBOUNDED_SECONDS)


def _status(monkeypatch, atom, facts, assumed):
    monkeypatch.chdir(SG)
    result = pipeline.ask(atom, AT, None, [SG / "kb" / "cases" / facts], explain=False,
                          assumptions=pipeline.fact_atoms(assumed))
    [t] = result.traces
    return t.answer.status


@pytest.mark.parametrize("status", ["permitted", "prohibited"])
@pytest.mark.parametrize("facts", CASE_FILES)
def test_how_answers_on_every_case_file_within_its_node_bound(monkeypatch, facts, status):
    """Before: locum, megacorp-ceo and related-practice stopped at the 1,500,000-node bound (3,200,000 nodes and
    8.7 s of CPU for locum alone, where the answer's diagram has 500); the outcome diagram is now built over the
    norms first, then each norm replaced by its condition."""
    for question in QUESTIONS.get(facts, ["accept(P, E)"]):
        result, found = _how(monkeypatch, question, facts, status)
        assert len(found) == len(result.traces)
        for entry in found:
            bound = (entry["stopped"] or {}).get("bound")
            assert bound not in ("entries", "seconds", "combinations", "rows"), (facts, entry["atom"], entry["stopped"])
            if entry["status"] == status:
                assert entry["how"] == [[]], entry
            elif bound is None:
                assert entry["how"] and [] not in entry["how"], entry
    assert CASE_FILES == ["base.facts", "interference.facts", "locum.facts", "megacorp-ceo.facts",
                          "related-practice.facts"]


@pytest.mark.parametrize("facts,status", [("interference.facts", "prohibited"), ("locum.facts", "prohibited"),
                                          ("megacorp-ceo.facts", "prohibited"), ("related-practice.facts", "prohibited"),
                                          ("base.facts", "permitted")])
def test_each_how_set_applied_as_facts_gives_the_status_it_claims(monkeypatch, facts, status):
    """Each set `--how` lists, added to the case, gives the status (sound), and no set less one fact does
    (minimal): asked the ordinary way, as `zan ask ... --assume` would."""
    question = QUESTIONS.get(facts, ["accept(P, E)"])[-1]
    checked = 0
    _result, found = _how(monkeypatch, question, facts, status, limit=4)
    for entry in found:
        for s in entry["how"]:
            if not s:
                continue
            assert _status(monkeypatch, entry["atom"], facts, s) == status, ("sound", entry["atom"], s)
            for k in range(len(s)):
                assert _status(monkeypatch, entry["atom"], facts, s[:k] + s[k + 1:]) != status, ("minimal", s, s[k])
            checked += 1
    assert checked


def test_how_reads_the_case_as_its_answer_does_where_a_definition_renames_a_kind(monkeypatch):
    """related-practice: (2)(a)'s owners range over the names of kind X (`owner_of(X, G)`), the case names its
    outside owner as a P (`legal_owner_of(outsider, farLaw)`). Before, the diagrams missed that counterexample,
    read md_farLaw as permitted by (2)(a), and --how permitted found no set (it offered the empty one before
    that was guarded); the names the case's evaluated model puts in a role are now candidates there."""
    _result, [found] = _how(monkeypatch, "accept(tan, md_farLaw)", "related-practice.facts", "permitted")
    assert found["status"] == "prohibited" and found["stopped"] is None, found
    assert ["accepts_position_as_representative(tan, md_farLaw, tanLaw)"] in found["how"]     # (2)(b)
    assert ["partner_of(outsider, tanLaw)"] in found["how"]        # the outside owner no longer outside: (2)(a)
    for s in found["how"]:
        assert _status(monkeypatch, found["atom"], "related-practice.facts", s) == "permitted", s


def test_the_message_when_how_reads_a_case_otherwise_is_in_the_readers_language():
    from engine.explain.render.as_cases import how_section

    found = [{"atom": "accept(p, e)", "status": "prohibited", "how": [], "how_read": [], "new": [], "new_names": {},
              "more": False, "stopped": {"bound": "case", "limit": 0}}]
    for language, words in (("en", "reads this case otherwise"), ("ru", "читает это дело иначе"),
                            ("kk", "өзгеше оқиды")):
        assert words in how_section(found, "permitted", "text", language)
