"""The terms a Kazakh or Russian lawyer writes (issue 20, item 6): the engine's words in kk and ru use the terms
of the ruling's own usage, never the ones that mean something else in this very ruling."""

from __future__ import annotations

import re

import pytest

from engine.base.messages import MESSAGES
from engine.explain.i18n import WORDS
from engine.serve.words import WORDS as PAGE_WORDS

# (language, key, the term the word must use)
TERMS = [
    ("kk", "defeated", "басымдық берілмеген нормалар"),
    ("kk", "defeats", "басым болады"),
    ("kk", "prevails over", "басым болады"),
    ("kk", "assumed", "жорамал"),
    ("kk", "undetermined", "шешілмеген"),
    ("kk", "reading", "білім қорының пайымы"),
    ("kk", "interpretation", "білім қорының пайымы"),
    ("ru", "defeated", "нормы, уступившие в коллизии"),
    ("ru", "defeats", "имеет приоритет перед"),
    ("ru", "prevails over", "имеет приоритет перед"),
    ("ru", "lex superior", "юридическая сила"),
    ("ru", "decided by", "решающая норма"),
    ("ru", "assumed", "допущение"),
]

# (language, a term that must not appear, why)
WRONG = [
    ("kk", "басым түс", "«басым түспеген» is not the term: «басымдық берілмеген», «басым болады»"),
    ("kk", "болжам", "«болжам» means a forecast: an assumption is «жорамал»"),
    ("kk", "кеңес", "the ruling uses «кеңес» for the Constitutional Council: a hint is «нұсқау»"),
    ("ru", "преодол", "a norm that loses «уступает в коллизии»; the winner «имеет приоритет перед»"),
    ("ru", "ранг", "«юридическая сила», not «ранг»"),
]


@pytest.mark.parametrize("language,key,term", TERMS)
def test_the_term(language, key, term):
    assert term in WORDS[key][language]


@pytest.mark.parametrize("language,wrong,why", WRONG)
def test_no_wrong_term(language, wrong, why):
    found = [key for table in (WORDS, MESSAGES) for key, forms in table.items() if wrong in forms.get(language, "").lower()]
    assert not found, (why, found)


def test_the_hint_is_nuskau():
    assert MESSAGES["hint"]["kk"] == "нұсқау"


def test_the_kbs_readings_are_not_the_courts_binding_interpretation():
    """«түсіндірме» is the Court's word for its binding interpretation; the kb's own readings are «білім қорының пайымы»."""
    for key in ("reading", "interpretation", "only under the reading", "under reading", "reads otherwise"):
        assert "түсіндірме" not in WORDS[key]["kk"], key
    assert "міндетті түсіндірме" in WORDS["binding interpretation"]["kk"]


def _by_key(by_language: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """The page's words are kept by language, then key: the same table by key, then language."""
    return {key: {language: words[key] for language, words in by_language.items()} for key in by_language["en"]}


def _speaks_of_the_kbs_reading(english: str) -> bool:
    """Whether an English word speaks of the kb's reading: its own words, not a {slot} (an atom's reading in words)
    nor `DSL` it quotes."""
    english = re.sub(r"\{[^}]*\}|`[^`]*`", "", english).lower()
    return "reading" in english and "binding" not in english and "reading of" not in english


@pytest.mark.parametrize("table_name,table", [("engine.explain.i18n.WORDS", WORDS), ("engine.base.messages.MESSAGES", MESSAGES),
                                              ("engine.serve.words.WORDS", _by_key(PAGE_WORDS))])
def test_every_word_of_a_kbs_reading_uses_the_kbs_term(table_name, table):
    """Every kk/ru word whose English speaks of the kb's reading, in the answers, the messages and the page: kk
    «пайым» (never «түсіндірме», the Court's word, nor «оқылым»), ru «толкование» (never «прочтение»)."""
    wrong = []
    for key, forms in table.items():
        english = forms.get("en", "")
        if not isinstance(english, str) or not _speaks_of_the_kbs_reading(english):
            continue
        kk, ru = forms.get("kk", "").lower(), forms.get("ru", "").lower()
        if "түсіндірме" in kk or "оқылым" in kk or "пайым" not in kk:
            wrong.append((key, "kk", kk))
        if "прочтени" in ru or "толковани" not in ru:
            wrong.append((key, "ru", ru))
    assert not wrong, (table_name, wrong)
