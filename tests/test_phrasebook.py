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
    ("ru", "подп. 2) ч. 1 ст. 134 УИК"), ("kk", "ҚАК-тің 134-бабы бірінші бөлігінің 2) тармақшасы"), ("en", "pec 134.1.2")])
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
    """`zan cases --lang ru` cites [подп. 2) ч. 1 ст. 134 УИК] as `zan ask --lang ru` does, not [pec 134.1.2]."""
    out = zan("cases", "call(C, P, Purpose)", "--at", "2024-12-26", "--lang", "ru").output
    assert "подп. 2) ч. 1 ст. 134 УИК" in out
    assert "pec 134.1.2" not in out.replace("pec.134.1.2", "")
    asked = zan("ask", "call(kunakbaev, P, Purpose)", "--at", "2024-12-26", "--lang", "ru").output
    assert "подп. 2) ч. 1 ст. 134 УИК" in asked


# issue 20 item 7: citations as the ruling writes them (kk, the authentic text) and as Russian lawyers write them
RULING_FORMS = [
    ("kk", "pec 134.1.2", "ҚАК-тің 134-бабы бірінші бөлігінің 2) тармақшасы"),
    ("kk", "pec 106.6", "ҚАК-тің 106-бабының алтыншы бөлігі"),
    ("kk", "constitution 13.3", "Конституцияның 13-бабының 3-тармағы"),
    ("kk", "advocacy_law 1.8", "\"Адвокаттық қызмет және заң көмегі туралы\" Заңның 1-бабының 8) тармақшасы"),
    ("kk", "cc60 1", "№ 60-НҚ нормативтік қаулының 1-тармағы"),
    ("ru", "pec 134.1.2", "подп. 2) ч. 1 ст. 134 УИК"),
    ("ru", "constitution 13.3", "п. 3 ст. 13 Конституции"),
    ("ru", "advocacy_law 1.8", "подп. 8) ст. 1 Закона «Об адвокатской деятельности и юридической помощи»"),
]


@pytest.mark.parametrize("language,key,written", RULING_FORMS)
def test_citations_as_the_ruling_writes_them_round_trip(kb, zan, language, key, written):
    assert Phrasebook(kb, language).cite(key) == written
    assert read_citation(kb, written) == Citation.parse(key)
    shown = zan("show", written, "--lang", language, "--format", "json")
    assert shown.exit_code == 0, shown.output
    import json
    norms = json.loads(shown.stdout)["norms"]
    assert norms and {d["citation"] for d in norms} == {key}
    assert {d["cited_as"] for d in norms} == {written}


def test_the_advocacy_law_is_the_2018_law(kb):
    act = kb.acts["advocacy_law"]
    assert "2018" in Phrasebook(kb, "ru").act_title("advocacy_law")
    assert "юридической помощи" in Phrasebook(kb, "ru").act_name("advocacy_law")
    assert "заң көмегі" in Phrasebook(kb, "kk").act_name("advocacy_law")
    assert act.in_force.start.year == 2018


def test_the_applicant_is_spelled_as_the_ruling_spells_him(kb):
    assert Phrasebook(kb, "ru").value_label("kunakbaev") == "Кунакбаев"


@pytest.mark.parametrize("language,frame", [("ru", "вариант 7, тема: умер, уровень 2"), ("kk", "7-нұсқа, тақырыбы: қайтыс болды, 2-деңгей"),
                                            ("en", "seed 7, topic: died, level 2")])
def test_exercise_sheets_frame_in_the_readers_language(kb, language, frame):
    from engine.tools.exercises import sheet_frame, topic_label
    sheet = {"lang": language, "seed": 7, "topic": "died", "topic_label": topic_label(kb, "died", language), "level": 2}
    assert sheet_frame(sheet) == frame


def test_exercise_norm_options_are_cited_in_the_readers_language():
    from engine.tools.exercises import norm_label
    ref = {"id": "pec.134.1.2.calls", "citation": "pec 134.1.2", "cited_as": "подп. 2) ч. 1 ст. 134 УИК"}
    assert norm_label(ref, "ru") == "подп. 2) ч. 1 ст. 134 УИК (pec.134.1.2.calls)"
