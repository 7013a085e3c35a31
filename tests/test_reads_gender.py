"""A `reads` template's choice of forms by the gender of a person (issue 20, item 1: «лицо отец Кунакбаева умерло»):
`{Person?masculine|feminine|other}`, the third form where the gender is not known; `zan check` validates it."""

from __future__ import annotations

import pytest

from engine import checks, pipeline
from engine.explain.phrasebook import Phrasebook
from engine.syntax.knowledge import load_contents


@pytest.fixture(scope="module")
def kb():
    law, _facts, _warnings = pipeline.load_checked(None, [], sample=False)
    return law


@pytest.mark.parametrize("predicate,value,said", [
    ("died", "marat", "Марат умер"), ("died", "aigul", "Айгуль умерла"), ("died", "mother", "мать умерла"),
    ("died", None, "лицо … умерло"),                       # a variable: the neutral form
    ("died", "someone_unknown", "лицо someone_unknown умерло"),   # a name no dictionary knows
    ("died", "mother_of_bekov", "мать Бекова умерла"),     # a person assumed with a role: by the role's noun
    ("life_threatening_illness", "aigul", "Айгуль тяжело больна, болезнь угрожает её жизни"),
    ("life_threatening_illness", "marat", "Марат тяжело болен, болезнь угрожает его жизни"),
    ("life_threatening_illness", None, "лицо … тяжело больно, болезнь угрожает его жизни"),
])
def test_a_russian_reading_agrees_with_the_persons_gender(kb, predicate, value, said):
    assert Phrasebook(kb, "ru").reading(predicate, (value,)) == said


def test_no_russian_reading_of_the_kb_says_a_named_person_is_a_neuter_person(kb):
    ru = Phrasebook(kb, "ru")
    for predicate in ("died", "life_threatening_illness"):
        for value in ("marat", "aigul", "kunakbaev", "mother"):
            assert not ru.reading(predicate, (value,)).startswith("лицо "), (predicate, value)
    assert ru.reading("state_legal_aid_provider", ("kunakbaev", "ospanov")).startswith("Оспанов оказывает осужденному")


def test_kazakh_and_english_have_no_choice_and_read_as_before(kb):
    assert Phrasebook(kb, "en").reading("died", ("aigul",)) == "Aigul has died"
    assert Phrasebook(kb, "kk").reading("died", ("aigul",)) == "Айгүл деген адам қайтыс болды"


LAW = ('predicate gone(Person)\n  kk "кетті"\n  ru "ушёл"\n  en "gone"\n  reads kk "{Person} кетті"\n'
       '  reads ru "{READS}"\n  reads en "{Person?he|she|they} left".\n')


def _diagnostics(reads: str, language: str = "en"):
    kb = load_contents([("law.zan", LAW.replace("{READS}", reads).encode())])
    return [d for d in checks.run(kb, language) if d.code == "unknown-placeholder"]


def test_an_english_choice_agrees_too():
    kb = load_contents([("law.zan", LAW.replace("{READS}", "{Person} ушёл").encode()
                         + b'constant aigul kk "\xd0\x90\xd0\xb9\xd0\xb3\xd2\xaf\xd0\xbb" ru "\xd0\x90\xd0\xb9\xd0\xb3\xd1\x83\xd0\xbb\xd1\x8c" en "Aigul".\n')])
    assert Phrasebook(kb, "en").reading("gone", ("aigul",)) == "she left"
    assert Phrasebook(kb, "en").reading("gone", (None,)) == "they left"


def test_check_accepts_a_choice_of_three_forms():
    assert _diagnostics("{Person?||лицо }{Person} {Person?ушёл|ушла|ушло}") == []


@pytest.mark.parametrize("reads", ["{Person} {Person?ушёл|ушла}", "{Person} {Person?ушёл|ушла|ушло|ушли}"])
def test_check_refuses_a_choice_of_other_than_three_forms(reads):
    found = _diagnostics(reads)
    assert len(found) == 1 and "forms" in found[0].message and "{Person?" in found[0].hint
    assert "выбор {Person?...} даёт форм" in _diagnostics(reads, "ru")[0].message


def test_check_refuses_a_choice_tied_to_no_parameter():
    found = _diagnostics("{Person} {Persn?ушёл|ушла|ушло}")
    assert len(found) == 1 and "{Persn}" in found[0].message


def test_a_choice_is_never_shown_as_written_when_well_formed(kb):
    for language in ("kk", "ru", "en"):
        book = Phrasebook(kb, language)
        for name, decl in kb.predicates.items():
            said = book.reading(name, tuple("aigul" for _ in decl.parameters))
            assert said is None or "?" not in said.replace("«?»", ""), (language, name, said)
