"""Finding one's way: zan vocabulary, zan show, zan query --help, shell completion; and questions in words
through the command line (the said-back question, JSON "query", located errors, unknown-name warnings)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize("lang,label", [("en", "telephone call"), ("ru", "телефонный разговор"),
                                        ("kk", "телефон арқылы сөйлесу")])
def test_vocabulary_lists_askable_predicates_ranges_statuses(zan, lang, label):
    r = zan("vocabulary", "--lang", lang, "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    call = next(p for p in data["predicates"] if p["name"] == "call")
    assert call["asked"] and call["label"] == label and call["arguments"] == ["Convict", "Person", "Purpose"]
    assert {v["name"] for v in data["ranges"]["purpose"]} == {"social_ties", "legal_aid", "medical_care"}
    assert [s["name"] for s in data["statuses"]][:3] == ["permitted", "prohibited", "discretionary"]
    assert {q["name"] for q in data["questions"]} >= {"permitted-calls", "calls", "ministry-obligation"}
    text = zan("vocabulary", "--lang", lang)
    assert text.exit_code == 0 and label in text.stdout


@pytest.mark.parametrize("name", ["pec 134.1.2", "УИК, ст. 134 ч. 1 п. 2", "ҚАК 134-бап 1-бөлік 2) тармақша", "подп. 2) ч. 1 ст. 134 УИК",
                                  "ҚАК-тің 134-бабы бірінші бөлігінің 2) тармақшасы",
                                  "pec.134.1.2.calls"])
def test_show_finds_a_norm_by_id_key_or_any_languages_citation(zan, name):
    r = zan("show", name, "--lang", "ru", "--format", "json")
    assert r.exit_code == 0, r.output
    norms = {d["id"]: d for d in json.loads(r.stdout)["norms"]}
    calls = norms["pec.134.1.2.calls"]
    assert calls["cited_as"] == "подп. 2) ч. 1 ст. 134 УИК"
    assert set(calls["quotes"]) == {"kk", "ru", "en"}
    assert "pec.109.2.death" in calls["exceptions"]  # exceptions to it, found from the other norms
    assert any("дисциплинарный изолятор" in c["in_words"] for c in calls["conditions"])


def test_show_unknown_norm_is_a_located_error(zan):
    r = zan("show", "pec 134.1.3")
    assert r.exit_code == 1
    assert "pec 134.1.3" in r.stderr and "did you mean" in r.stderr


def test_query_help_lists_saved_questions_with_titles(zan):
    r = zan("query", "--help")
    assert r.exit_code == 0
    assert "permitted-calls(Convict)" in r.stdout and "Which calls are permitted for {Convict}?" in r.stdout
    assert "ministry-obligation()" in r.stdout


@pytest.mark.parametrize("words,incomplete,expected", [
    ("zan query per", "per", "permitted-calls"),
    ("zan show pec.109", "pec.109", "pec.109.2.death"),
    ("zan ask ca", "ca", "call"),
    ("zan vo", "vo", "vocabulary"),
])
def test_shell_completion(words, incomplete, expected):
    """As bash asks the `zan` script (Click reads _ZAN_COMPLETE for the program named zan), run from the checkout."""
    env = {**os.environ, "_ZAN_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - 1)}
    code = "from engine.cli import main; main(prog_name='zan')"
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    offered = [line.split(",", 1)[1] for line in r.stdout.splitlines() if "," in line]
    assert expected in offered and all(o.startswith(incomplete) for o in offered)


def test_question_in_words_said_back_and_answered(zan):
    r = zan("ask", "Какие звонки разрешены Кунакбаеву в дисциплинарном изоляторе 15 января 2025?", "--lang", "ru")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "вопрос понят так: permitted call(kunakbaev, Person, Purpose)"
    assert "осужденный Кунакбаев" in lines[1]
    assert lines[2].startswith("  допущение: in_disciplinary_isolator(kunakbaev)")
    assert "call(kunakbaev, ospanov, legal_aid): разрешено" in r.stdout
    j = zan("ask", "Which calls are permitted for Kunakbayev on 15 January 2025?", "--format", "json")
    doc = json.loads(j.stdout)
    assert doc["query"] == "permitted call(kunakbaev, Person, Purpose)" and doc["at"] == "2025-01-15"
    assert doc["question"]["understood"] == doc["query"]
    atom = json.loads(zan("ask", "permitted call(kunakbaev, Person, Purpose)", "--at", "2025-01-15", "--format", "json").stdout)
    assert [a["atom"] for a in doc["answers"]] == [a["atom"] for a in atom["answers"]]


def test_question_in_words_changes_between_dates(zan):
    r = zan("ask", "Which calls of Kunakbayev changed between 26 December 2024 and 27 December 2024?", "--format", "json")
    doc = json.loads(r.stdout)
    assert doc["from"] == "2024-12-26" and doc["to"] == "2024-12-27"
    assert [c["atom"] for c in doc["changes"]] == ["call(kunakbaev, ospanov, legal_aid)"]


def test_not_understood_exits_1_with_the_word_located(zan):
    r = zan("ask", "Which calls are permitted for Kunakbayev on Fridays?")
    assert r.exit_code == 1
    assert "<question>:1:45: error: could not place the word 'Fridays'" in r.stderr
    assert "[not-understood]" in r.stderr and "«" in r.stderr


@pytest.mark.parametrize("question", ["call(kunakbayev, P, Purpose)", "call(kunakbayev, P, Purpose)?",
                                      "call(kunakbayev, P, Purpose)."])
def test_unknown_name_warns_and_no_answers_says_why(zan, question):
    r = zan("ask", question, "--at", "2025-01-15")
    assert r.exit_code == 0
    assert "warning: 'kunakbayev' occurs nowhere" in r.stderr and "did you mean 'kunakbaev'?" in r.stderr
    assert "no answers: kunakbayev occurs nowhere" in r.stdout
    j = json.loads(zan("ask", question, "--at", "2025-01-15", "--format", "json").stdout)
    assert j["warnings"][0]["name"] == "kunakbayev" and j["warnings"][0]["did_you_mean"] == "kunakbaev"


def test_unknown_saved_question_argument_warns(zan):
    r = zan("query", "permitted-calls", "kunakbayev", "--at", "2025-01-15", "--lang", "kk")
    assert r.exit_code == 0
    assert "«kunakbayev» істе де, білім қорында да кездеспейді" in r.stderr
    assert "жауап жоқ: kunakbayev" in r.stdout


def test_question_syntax_error_names_question_syntax(zan):
    r = zan("ask", "call(kunakbaev, P")
    assert r.exit_code == 1 and "[question-syntax]" in r.stderr and "not written as a question" in r.stderr
