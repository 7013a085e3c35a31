"""A provision cited in a question in words (issue 20, item 7: citations "accepted by `zan show` and in
questions"): «Может ли Кунакбаев позвонить Оспанову согласно подп. 2) ч. 1 ст. 134 УИК?", "according to
pec 134.1.2, may ...", «ҚАК-тің 134-бабы бірінші бөлігінің 2) тармақшасы бойынша ...». The question is asked
according to that provision: it is said back, and each answer says what the provision's norms did in it
(engine/tools/according.py). A citation that names no provision of the kb is refused at its words."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest

from engine.base.diagnostics import Diagnostic
from engine.explain.phrasebook import Citation, Phrasebook
from engine.pipeline import Request
from engine.tools.according import bearing, cited_norms
from engine.tools.service import answer_document
from engine.tools.understanding import Understood, in_words, knowledge, understand, understood_title

QUESTION = {"en": "according to {c}, may Kunakbayev call Ospanov?",
            "ru": "Может ли Кунакбаев позвонить Оспанову согласно {c}?",
            "kk": "{c} бойынша Құнақбаев Оспановқа қоңырау шала ала ма?"}


@pytest.fixture(scope="module")
def kb():
    return knowledge()


def _every_form(kb):
    """Every citation of the kb's norms in every form of its act (kk, ru) and as a key (en)."""
    out = set()
    for norm in kb.norms.values():
        parsed = Citation.parse(norm.citation)
        if parsed is None:
            continue
        act = kb.acts[parsed.act]
        out.add(("en", norm.citation, parsed.key))
        if len(parsed.numbers) == 1 and not parsed.numbers[0][:1].isdigit():
            for part, label in act.part_citations:
                if part == parsed.numbers[0] and label.language in QUESTION:
                    out.add((label.language, label.text, parsed.key))
            continue
        for label in act.citations:
            written = parsed.in_form(label.text, label.language)
            if written is not None:
                out.add((label.language, written, parsed.key))
    return sorted(out)


def test_every_citation_form_is_understood_in_a_question(kb):
    forms = _every_form(kb)
    assert len(forms) > 60
    about_calls = not_about = 0
    for language, written, key in forms:
        u = understand(QUESTION[language].format(c=written), kb, language)
        bears = bearing(kb, cited_norms(kb, Citation.parse(key)), "call")
        if bears:
            assert isinstance(u, Understood), (written, u.message)
            assert [(w, k) for w, k, _ids in u.according_to] == [(written, key)], written
            assert set(u.according_to[0][2]) == {m.id for m in bears}
            assert u.atom_text == "call(kunakbaev, ospanov, Purpose)"
            about_calls += 1
        else:   # a provision none of whose norms bears on calls is refused at its words
            assert isinstance(u, Diagnostic), written
            column = QUESTION[language].format(c=written).index(written) + 1
            assert (u.span.column, u.span.end_column) == (column, column + len(written))
            assert written in u.message
            not_about += 1
    assert about_calls > 30 and not_about > 5


@pytest.mark.parametrize("language, text, key", [
    ("ru", "Может ли Кунакбаев позвонить адвокату согласно подп. 2) ч. 1 ст. 134 УИК?", "pec 134.1.2"),
    ("en", "according to pec 134.1.2, may Kunakbayev call his lawyer?", "pec 134.1.2"),
    ("kk", "ҚАК-тің 134-бабы бірінші бөлігінің 2) тармақшасы бойынша Құнақбаев адвокатына қоңырау шала ала ма?",
     "pec 134.1.2"),
    ("kk", "Құнақбаев адвокатына № 60-НҚ нормативтік қаулының 1-тармағына сәйкес қоңырау шала ала ма?", "cc60 1"),
    ("ru", "В соответствии с п. 1 нормативного постановления № 60-НП может ли Кунакбаев позвонить адвокату?", "cc60 1"),
    ("en", "Under cc60 reasoning, may Kunakbayev call his lawyer?", "cc60 reasoning"),
])
def test_the_brief_phrasings_with_a_citation(kb, language, text, key):
    u = understand(text, kb, language)
    assert isinstance(u, Understood), u.message
    assert u.atom_text == "call(kunakbaev, ospanov, Purpose)"
    assert [k for _w, k, _ids in u.according_to] == [key]
    title = understood_title(in_words(u, kb, language), language)
    assert Phrasebook(kb, language).cite(key) in title.splitlines()[-1]


@pytest.mark.parametrize("language, text, written, says", [
    ("ru", "Может ли Кунакбаев позвонить Оспанову согласно ст. 999 УИК?", "ст. 999 УИК", "нет в этой базе знаний"),
    ("en", "according to pec 999.1, may Kunakbayev call Ospanov?", "pec 999.1", "names no provision"),
    ("kk", "ҚАК-тің 999-бабы бойынша Құнақбаев Оспановқа қоңырау шала ала ма?", "ҚАК-тің 999-бабы", "жоқ"),
    # a provision the kb declares outside its scope (kb/scope.zan): its own words say so
    ("ru", "Может ли Кунакбаев позвонить Оспанову согласно ч. 1 ст. 109 УИК?", "ч. 1 ст. 109 УИК", "не закодирована"),
    ("en", "according to pec 109.1, may Kunakbayev call Ospanov?", "pec 109.1", "not encoded"),
])
def test_a_citation_of_no_provision_is_refused_at_its_words(kb, language, text, written, says):
    d = understand(text, kb, language)
    assert isinstance(d, Diagnostic)
    column = text.index(written) + 1
    assert (d.span.column, d.span.end_column) == (column, column + len(written))
    assert written in d.message and says in d.message


@pytest.mark.parametrize("language, text, word", [
    ("ru", "Может ли Кунакбаев позвонить Оспанову согласно?", "согласно"),
    ("en", "according to, may Kunakbayev call Ospanov?", "according"),
])
def test_according_to_without_a_citation_is_refused_at_the_word(kb, language, text, word):
    d = understand(text, kb, language)
    assert isinstance(d, Diagnostic)
    assert d.span.column == text.index(word) + 1


def _according(text, at, language, facts=None):
    kb = knowledge(None, facts)
    u = understand(text, kb, language)
    assert isinstance(u, Understood), u.message
    said = in_words(u, kb, language)
    doc = answer_document(Request(u.query, at, None, facts, language=language, trace_level="none",
                                  assumptions=u.assumptions, understood=said, machine=True)).document
    return {a["atom"]: {s["id"]: s for s in a["according_to"]} for a in doc["answers"]}


def test_each_answer_says_what_the_cited_norms_did():
    text = "according to pec 134.1.2, may Kunakbayev call Ospanov?"
    before = _according(text, datetime.date(2024, 12, 20), "en")
    after = _according(text, datetime.date(2025, 1, 15), "en")
    ban = "pec.134.1.2.calls"
    assert before["call(kunakbaev, ospanov, legal_aid)"][ban]["fate"] == "decided"
    said = after["call(kunakbaev, ospanov, legal_aid)"][ban]
    assert said["fate"] == "interpreted" and said["by"]["id"].startswith("cc60.1.legal_aid")
    assert after["call(kunakbaev, ospanov, social_ties)"][ban]["fate"] == "decided"


def test_a_norm_that_did_not_apply_says_which_condition_failed():
    from conftest import CASES

    found = _according("Может ли Беков позвонить Даулету согласно ч. 2 ст. 109 УИК?", datetime.date(2025, 3, 10), "ru",
                       [CASES / "example5-no-death-certificate.facts"])
    death = found["call(bekov, daulet, social_ties)"]["pec.109.2.death"]
    assert death["fate"] == "not applied" and "свидетельством о смерти" in death["why"]
    # a norm about another purpose is not about this answer
    assert found["call(bekov, daulet, legal_aid)"]["pec.109.2.death"]["fate"] == "other atom"


def test_zan_ask_says_it_in_the_readers_language():
    run = subprocess.run([sys.executable, "-m", "engine", "ask",
                          "Может ли Кунакбаев позвонить Оспанову согласно подп. 2) ч. 1 ст. 134 УИК?", "--at", "2024-12-20"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert "  согласно: подп. 2) ч. 1 ст. 134 УИК (pec.134.1.2.calls)" in lines
    assert "Согласно подп. 2) ч. 1 ст. 134 УИК:" in lines
    assert "    pec.134.1.2.calls (подп. 2) ч. 1 ст. 134 УИК) определила статус" in lines
    run = subprocess.run([sys.executable, "-m", "engine", "ask", "according to pec 134.1.2, may Kunakbayev call Ospanov?",
                          "--at", "2025-01-15", "--format", "json"], capture_output=True, text=True)
    doc = json.loads(run.stdout)
    assert doc["question"]["according_to"][0]["citation"] == "pec 134.1.2"
    assert all(a["according_to"] for a in doc["answers"])
