"""`zan diff` and the trainers' diff view take a question in words (issue 24, item 11)."""

from __future__ import annotations

import json

from conftest import ROOT


def test_zan_diff_takes_a_question_in_words(zan, monkeypatch):
    """Issue 24, item 11: `zan diff` understands a question in words as `zan ask` does."""
    monkeypatch.chdir(ROOT)
    result = zan("diff", "which calls are permitted for Kunakbayev?", "--from", "2024-12-26", "--to", "2024-12-27",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["query"] == "permitted call(kunakbaev, Person, Purpose)"
    assert [c["atom"] for c in doc["changes"]] == ["call(kunakbaev, ospanov, legal_aid)"]
    assert doc["question"]["understood"] == doc["query"]
