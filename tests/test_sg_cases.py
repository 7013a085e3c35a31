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
