"""Issue 20, what a question in words does not say is never filled in: a condition that does not say whose («если
представлено свидетельство о смерти», "if he has a death certificate") is refused at its words, never read as the
person called's because a parameter shares its name (unless the question says whose: "Daulet's", «его матери»); and
a word the question's own clause reads but a condition cannot place ("if his contact died", the `asked over` word)
is refused at that word, not dropped so that the question is refused further on. In kk, ru and en."""

from __future__ import annotations

import pytest

from engine.tools.understanding import Understood, knowledge, understand
from conftest import CASES, refused_at as _refused_at

EXAMPLE2 = CASES / "example2-death-certificate.facts"
EXAMPLE5 = CASES / "example5-no-death-certificate.facts"


@pytest.fixture(scope="module", params=[EXAMPLE2, EXAMPLE5], ids=["example2", "example5"])
def case(request):
    return knowledge(None, [request.param])


@pytest.mark.parametrize("text,language,words", [
    ("May Bekov call Daulet if he has a death certificate?", "en", "death certificate"),
    ("May Bekov call Daulet if a death certificate is presented?", "en", "death certificate"),
    ("If a death certificate was presented, may Bekov call Daulet?", "en", "death certificate"),
    ("May Bekov call Daulet if a medical certificate is presented?", "en", "medical certificate"),
    ("Может ли Беков позвонить Даулету, если представлено свидетельство о смерти?", "ru", "свидетельство о смерти"),
    ("Может ли Беков позвонить Даулету, если есть свидетельство о смерти?", "ru", "свидетельство о смерти"),
    ("Если представлена справка медицинской организации, может ли Беков позвонить Даулету?", "ru",
     "справка медицинской организации"),
    ("Егер қайтыс болу туралы куәлік ұсынылса, Беков Дәулетке қоңырау шала ала ма?", "kk", "қайтыс болу туралы куәлік"),
    ("Беков Дәулетке қоңырау шала ала ма, егер қайтыс болу туралы куәлік ұсынылса?", "kk", "қайтыс болу туралы куәлік"),
])
def test_a_certificate_that_does_not_say_whose_is_refused_at_its_words(case, text, language, words):
    u = understand(text, case, language)
    assert _refused_at(u, text) == words
    assert "Daulet" in u.message or "Даулет" in u.message or "Дәулет" in u.message   # says whom it did not take


@pytest.mark.parametrize("text,language,assumed", [
    ("May Bekov call Daulet if Daulet's death certificate is presented?", "en", {"death_certificate(daulet)"}),
    ("May Bekov call Daulet if a death certificate of Daulet is presented?", "en", {"death_certificate(daulet)"}),
    ("May Bekov call Daulet if his mother's death certificate is presented?", "en",
     {"close_relative(bekov, mother)", "death_certificate(mother)"}),
    ("Может ли Беков позвонить Даулету, если представлено свидетельство о смерти Даулета?", "ru",
     {"death_certificate(daulet)"}),
    ("Егер Дәулеттің қайтыс болу туралы куәлігі ұсынылса, Беков Дәулетке қоңырау шала ала ма?", "kk",
     {"death_certificate(daulet)"}),
])
def test_a_certificate_that_says_whose_is_that_persons(text, language, assumed):
    u = understand(text, knowledge(None, [EXAMPLE2]), language)
    assert isinstance(u, Understood), u.message
    assert u.atom_text == "call(bekov, daulet, Purpose)" and {str(a) for a in u.assumptions} == assumed


def test_the_subject_is_still_whom_a_condition_of_his_is_about(case):
    """"if he needs medical care": the convict asked about, the one parameter a condition shares unsaid."""
    u = understand("May Bekov call Daulet if he needs medical care?", case, "en")
    assert isinstance(u, Understood) and {str(a) for a in u.assumptions} == {"needs_medical_care(bekov)"}


@pytest.mark.parametrize("text,language,words", [
    ("May Bekov call Daulet if his contact died?", "en", "contact"),
    ("If the contact died, may Bekov call Daulet?", "en", "contact"),
    ("Может ли Беков позвонить Даулету, если его контакт умер?", "ru", "контакт"),
    ("Может ли Беков позвонить Даулету, если умер его контакт?", "ru", "контакт"),
    ("Егер байланысатын адам қайтыс болса, Беков Дәулетке қоңырау шала ала ма?", "kk", "байланысатын"),
    ("Егер оның байланысатын адамы қайтыс болса, Беков Дәулетке қоңырау шала ала ма?", "kk", "адамы"),
])
def test_a_word_a_condition_cannot_place_is_refused_at_that_word(case, text, language, words):
    assert _refused_at(understand(text, case, language), text) == words


def test_the_range_word_is_still_read_in_the_question_itself(case):
    u = understand("May Bekov call his contact Daulet?", case, "en")
    assert isinstance(u, Understood) and u.atom_text == "call(bekov, daulet, Purpose)"
