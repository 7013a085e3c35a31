"""A provision cited in a general question or in a "what changed" question (issue 20, items 3 and 7): every row of
the general answer and every changed answer says what the provision's norms did in it (engine/tools/according.py:
decided, defeated or read narrowly by which norm, did not apply and the condition that failed), in JSON
(`according_to`) and after the answers in text, Markdown and HTML, in kk, ru and en."""

from __future__ import annotations

import datetime
import json

import pytest

from conftest import ROOT
from engine.explain.render.as_according import section
from engine.logic.diagrams import Budget
from engine.tools.cases import according_rows, general, general_document
from engine.tools.diff import words_document
from engine.tools.understanding import in_words, knowledge, understand

AT = datetime.date(2025, 1, 15)
GENERAL_134 = {"en": "according to pec 134.1.2, may a convict in the disciplinary isolator call his lawyer?",
               "ru": "Согласно подп. 2) ч. 1 ст. 134 УИК, может ли осужденный, содержащийся в ШИЗО, позвонить своему адвокату?",
               "kk": "ҚАК-тің 134-бабы бірінші бөлігінің 2) тармақшасы бойынша тәртіптік изоляторда ұсталатын сотталған "
                     "адвокатына қоңырау шала ала ма?"}
CHANGED_134 = {"en": "according to pec 134.1.2, which calls of Kunakbayev changed on 27 December 2024?",
               "ru": "Согласно подп. 2) ч. 1 ст. 134 УИК, какие звонки Кунакбаева изменились 27 декабря 2024 г.?",
               "kk": "ҚАК-тің 134-бабы бірінші бөлігінің 2) тармақшасы бойынша Құнақбаевтың қоңыраулары 2024 жылғы "
                     "27 желтоқсанда қалай өзгерді?"}
EVERY_134 = {"en": "according to pec 134.1.2, what changed on 27 December 2024?",
             "ru": "Согласно подп. 2) ч. 1 ст. 134 УИК, что изменилось 27 декабря 2024 г.?",
             "kk": "ҚАК-тің 134-бабы бірінші бөлігінің 2) тармақшасы бойынша 2024 жылғы 27 желтоқсанда не өзгерді?"}
FATE_WORDS = {"en": ("according to", "decided the status", "is read narrowly by"),
              "ru": ("Согласно", "определила статус", "истолкована"),
              "kk": ("бойынша", "мәртебені шешті", "тар түсіндіреді")}


@pytest.fixture(scope="module")
def general_kb():
    return knowledge(None, None, sample=False)


@pytest.fixture(scope="module")
def kb():
    return knowledge()


def _general(text, kb, language):
    u = understand(text, kb, language, general_questions=True)
    assert u.roles and u.according_to, u
    return u, general_document(u, kb, AT, None, language)


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_every_row_of_a_general_question_says_what_the_provision_did(general_kb, language):
    u, doc = _general(GENERAL_134[language], general_kb, language)
    assert len(doc["rows"]) > 5
    kinds = set()
    for row in doc["rows"]:
        (said,) = [f for f in row["according_to"] if f["id"] == "pec.134.1.2.calls"]
        kinds.add(said["fate"])
        if row["deciding"]["id"] == "pec.134.1.2.calls":   # the ban decides this case
            assert said["fate"] == "decided" and row["status"] == "prohibited"
        else:   # another norm decides: it defeated the ban or read it narrowly, and the verdict names it
            assert said["fate"] in ("defeated", "interpreted"), (row["case"], said)
            assert said["by"]["id"] == row["deciding"]["id"] and said["principle"]
    assert kinds == {"decided", "defeated", "interpreted"}


def test_a_provision_that_did_not_apply_says_which_condition_failed(general_kb):
    u, doc = _general("according to pec 109.2, may a convict in the disciplinary isolator call his wife?", general_kb, "en")
    decided_by_109 = [r for r in doc["rows"] if r["deciding"]["id"].startswith("pec.109.2")]
    assert decided_by_109
    for row in decided_by_109:
        fates = {f["id"]: f for f in row["according_to"]}
        assert fates[row["deciding"]["id"]]["fate"] == "decided"
    banned = [r for r in doc["rows"] if r["deciding"]["id"] == "pec.134.1.2.calls" and r["atom"].endswith("social_ties)")]
    assert banned
    for row in doc["rows"]:   # 109(2) gives calls for social ties: of another purpose's call it says nothing
        if not row["atom"].endswith("social_ties)"):
            assert {f["fate"] for f in row["according_to"]} <= {"other atom", "not used"}
    for row in banned:   # none of 109(2)'s grounds held: each says the condition that failed
        failed = [f for f in row["according_to"] if f["fate"] == "not applied" and f.get("why")]
        assert {f["id"] for f in failed} >= {"pec.109.2.death", "pec.109.2.illness"}
        death = next(f for f in failed if f["id"] == "pec.109.2.death")
        assert "death certificate" in death["why"]
        assert "__" not in death["why"]   # the row's persons by their letters, never a renamed id


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_rows_verdicts_in_every_format(zan, monkeypatch, fmt, language):
    monkeypatch.chdir(ROOT)
    result = zan("ask", GENERAL_134[language], "--at", "2025-01-15", "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    _heading, decided, narrowly = FATE_WORDS[language]
    first = {"markdown": "1. `call(convict, person, legal_aid)`", "html": "1. <code>call(convict, person, legal_aid)</code>",
             "text": "1. call(convict, person, legal_aid)"}[fmt]
    assert first in out, out[-3000:]
    tail = out[out.index(first):]   # the section after the decision tables: row 1's verdict first
    assert decided in tail and narrowly in tail
    if fmt == "html":
        assert '<section class="according">' in out and out.index('<section class="according">') < out.index("</body>")


def test_the_rows_verdicts_in_json(zan, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = zan("ask", GENERAL_134["kk"], "--at", "2025-01-15", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert all(r["according_to"] for r in doc["rows"])
    assert {f["fate"] for r in doc["rows"] for f in r["according_to"]} >= {"decided", "interpreted", "defeated"}


def test_a_row_past_the_budget_is_said_not_read(general_kb):
    u = understand(GENERAL_134["ru"], general_kb, "ru", general_questions=True)
    space = general(u.query, u.roles, AT, None, assumptions=u.assumptions, language="ru")
    ids = [nid for c in u.according_to for nid in c[2]]
    assert all(v is not None for v in according_rows(space, ids, "ru"))
    assert according_rows(space, ids, "ru", budget=Budget(seconds=-1.0)) == [None] * len(space.rows)
    doc = {"rows": [{"atom": r.atom, "status": r.outcome.status, "according_stopped": True} for r in space.rows],
           "question": {"according_to": [{"cited_as": "подп. 2) ч. 1 ст. 134 УИК", "citation": "pec 134.1.2"}]}}
    assert "не прочитано: предел этой работы исчерпан раньше" in section(doc, "text", "ru")


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_each_change_says_what_the_provision_did_at_each_date(kb, language):
    u = understand(CHANGED_134[language], kb, language)
    assert u.between and u.according_to
    doc = words_document(u, in_words(u, kb, language), None, None, language=language)
    (change,) = doc["changes"]
    assert change["atom"] == "call(kunakbaev, ospanov, legal_aid)"
    before, after = change["according_to"]["before"], change["according_to"]["after"]
    assert [(f["id"], f["fate"]) for f in before] == [("pec.134.1.2.calls", "decided")]
    assert [(f["id"], f["fate"], f["by"]["id"]) for f in after] == \
        [("pec.134.1.2.calls", "interpreted", "cc60.1.legal_aid.contract")]
    text = section(doc, "text", language)
    _heading, decided, narrowly = FATE_WORDS[language]
    assert text.index(decided) < text.index(narrowly)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_every_changed_answer_of_what_changed_gets_its_verdict(zan, monkeypatch, fmt, language):
    monkeypatch.chdir(ROOT)
    result = zan("ask", EVERY_134[language], "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        doc = json.loads(out)
        assert doc["question"]["every"] and doc["question"]["according_to"][0]["citation"] == "pec 134.1.2"
        by_atom = {c["atom"]: c["according_to"] for c in doc["changes"]}
        assert by_atom["amend(ministry_of_internal_affairs, rules819)"] == {"before": None, "after": []}
        assert by_atom["call(kunakbaev, ospanov, legal_aid)"]["after"][0]["fate"] == "interpreted"
        return
    _heading, decided, narrowly = FATE_WORDS[language]
    assert decided in out and narrowly in out
    assert {"en": "none of its norms bears on this answer", "ru": "ни одна из ее норм не касается этого ответа",
            "kk": "оның нормаларының ешқайсысы бұл жауапқа қатысты емес"}[language] in out


def test_zan_diff_in_words_says_it_too(zan, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = zan("diff", "according to pec 134.1.2, which calls are permitted for Kunakbayev?",
                 "--from", "2024-12-20", "--to", "2025-01-15")
    assert result.exit_code == 0, result.output
    tail = result.stdout[result.stdout.index("According to pec 134.1.2:"):]
    assert "was (2024-12-20): pec.134.1.2.calls (pec 134.1.2) decided the status" in tail
    assert "becomes (2025-01-15): pec.134.1.2.calls (pec 134.1.2) is read narrowly by cc60.1.legal_aid.contract" in tail


def test_the_trainers_page_gets_the_verdicts(tmp_path):
    from engine.serve.app import Workbench, answer_json, general_json

    bench = Workbench(scratch=tmp_path)
    doc = json.loads(answer_json(bench, {"query": EVERY_134["ru"]}))
    by_atom = {c["atom"]: c["according_to"] for c in doc["changes"]}
    assert by_atom["call(kunakbaev, ospanov, legal_aid)"]["before"][0]["fate"] == "decided"
    doc = json.loads(general_json(bench, {"query": GENERAL_134["kk"], "at": "2025-01-15", "lang": "kk"}))
    assert all(r["according_to"] for r in doc["rows"])
    script = (ROOT / "engine" / "serve" / "static" / "app.js").read_text(encoding="utf-8")
    assert "r.according_to" in script and "c.according_to[side]" in script   # the page shows both (rows, changes)
