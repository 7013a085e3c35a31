"""The terms a Kazakh or Russian lawyer writes (issue 20, item 6): the engine's words in kk and ru use the terms
of the ruling's own usage, never the ones that mean something else in this very ruling."""

from __future__ import annotations

import pytest

from engine.base.messages import MESSAGES
from engine.explain.i18n import WORDS

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
