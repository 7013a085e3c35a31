"""One phrasebook per language (engine/explain/phrasebook.py): citations, act names, labels and readings
as a reader of kk/ru/en is told them, the same in every command that writes for a reader."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from engine import pipeline
from engine.explain.phrasebook import Citation, Phrasebook, read_citation
from engine.tools.vocabulary import find_norms

ENGINE = Path(__file__).resolve().parent.parent / "engine"


@pytest.fixture(scope="module")
def kb():
    law, _facts, _warnings = pipeline.load_checked(None, [], sample=False)
    return law


def test_citation_key_parsed_once():
    c = Citation.parse("pec 134.1.2")
    assert (c.act, c.numbers, c.key) == ("pec", ("134", "1", "2"), "pec 134.1.2")
    assert Citation.parse("pec") == Citation("pec")
    assert Citation.parse("") is None and Citation.parse(None) is None


@pytest.mark.parametrize("language,cited", [
    ("ru", "УИК, ст. 134 ч. 1 п. 2"), ("kk", "ҚАК 134-бап 1-бөлік 2) тармақша"), ("en", "pec 134.1.2")])
def test_cite_in_the_readers_language(kb, language, cited):
    phrases = Phrasebook(kb, language)
    assert phrases.cite("pec 134.1.2") == cited
    assert phrases.norm_name("pec.134.1.2.calls", "pec 134.1.2") == f"pec.134.1.2.calls ({cited})"


def test_act_name_and_fallbacks(kb):
    assert Phrasebook(kb, "ru").act_name("pec") == "УИК"
    assert Phrasebook(kb, "kk").act_name("pec") == "ҚАК"
    assert Phrasebook(kb, "ru").act_name("no_such_act") == "no_such_act"
    assert Phrasebook(kb, "ru").cite("no_such_act 1.2") == "no_such_act 1.2"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_every_cited_form_reads_back_to_its_key(kb, language):
    phrases = Phrasebook(kb, language)
    for norm in kb.norms.values():
        if norm.citation:
            cited = phrases.cite(norm.citation)
            assert read_citation(kb, cited) == Citation.parse(norm.citation), cited
            assert norm in find_norms(kb, cited)


def test_reading_fills_labels(kb):
    ru = Phrasebook(kb, "ru")
    text = ru.reading("in_disciplinary_isolator", ("kunakbaev",))
    assert text and "{" not in text and "kunakbaev" not in text


def test_languages_defined_once():
    """LANGUAGES is assigned in engine/base/messages.py only; everyone else imports it."""
    found = []
    for path in ENGINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "LANGUAGES" for t in node.targets):
                if not (isinstance(node.value, ast.Call)):   # cli's click.Choice of them
                    found.append(str(path.relative_to(ENGINE)))
    assert found == ["base/messages.py"]


def test_cases_cite_as_zan_ask_does(zan):
    """`zan cases --lang ru` cites [УИК, ст. 134 ч. 1 п. 2] as `zan ask --lang ru` does, not [pec 134.1.2]."""
    out = zan("cases", "call(C, P, Purpose)", "--at", "2024-12-26", "--lang", "ru").output
    assert "УИК, ст. 134 ч. 1 п. 2" in out
    assert "pec 134.1.2" not in out.replace("pec.134.1.2", "")
    asked = zan("ask", "call(kunakbaev, P, Purpose)", "--at", "2024-12-26", "--lang", "ru").output
    assert "УИК, ст. 134 ч. 1 п. 2" in asked
