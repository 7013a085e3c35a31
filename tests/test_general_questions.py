"""General questions (issue 19, item 1): a question that names no one is answered for every case, as a
lawyer would, from the case space given what the question says (engine/tools/cases.general); and
`zan cases --given FACT` with located errors."""

from __future__ import annotations

import json
import re

import pytest

def _cite(key: str, language: str) -> str:
    """A citation key as the reader's language cites it (the kb's citation forms)."""
    from engine import pipeline
    from engine.explain.phrasebook import Phrasebook

    kb, _facts, _warnings = pipeline.load_checked(None, [], sample=False)
    return Phrasebook(kb, language).cite(key)


SCHOLAR = {
    "en": ("Can a convict in the disciplinary isolator call his lawyer?",
           ["Permitted ({cc60}, in force from 2024-12-27), if:", "A has a contract for legal aid with B", "or B provides state-guaranteed legal aid to A",
            "Otherwise prohibited ({pec}"]),
    "ru": ("Может ли осужденный в ШИЗО позвонить адвокату?",
           ["Разрешено ({cc60}", "у осужденного А заключен договор об оказании юридической помощи с лицом Б",
            "Иначе запрещено ({pec}"]),
    "kk": ("Тәртіптік изолятордағы сотталған адвокатына қоңырау шала ала ма?",
           ["Рұқсат етілген ({cc60}", "Әйтпесе тыйым салынған ({pec}"]),
}


def _latin_words(text: str) -> list[str]:
    """Words in Latin letters outside code spans (atoms and ids are shown in code)."""
    text = re.sub(r"`[^`]*`|<code>.*?</code>|<style>.*?</style>|<[^>]+>|&[a-z]+;", " ", text, flags=re.S)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w.lower() not in {"zan"}]


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_scholars_question_gets_the_conditional_answer(zan, language):
    question, expected = SCHOLAR[language]
    expected = [e.format(cc60=_cite("cc60 1", language), pec=_cite("pec 134.1.2", language)) for e in expected]
    result = zan("ask", question, "--at", "2025-01-15")
    assert result.exit_code == 0, result.output
    legal_aid = result.stdout.split("\n\n")[1]          # the first purpose of the answer: legal aid
    for text in expected:
        assert text in legal_aid, (text, legal_aid)
    if language != "en":
        assert not _latin_words(result.stdout), sorted(set(_latin_words(result.stdout)))[:20]
    for fmt in ("markdown", "html"):
        shown = zan("ask", question, "--at", "2025-01-15", "--format", fmt)
        assert shown.exit_code == 0, shown.output
        assert expected[-1].rstrip(".") in shown.stdout
        if language != "en":
            assert not _latin_words(shown.stdout), sorted(set(_latin_words(shown.stdout)))[:20]


def test_the_json_of_a_general_answer_is_the_case_space_with_the_given_facts(zan):
    result = zan("ask", SCHOLAR["en"][0], "--at", "2025-01-15", "--format", "json")
    doc = json.loads(result.stdout)
    assert {"dimensions", "rows", "hit_policy", "given", "question"} <= set(doc)
    assert doc["given"] == ["in_disciplinary_isolator(convict)", "advocate(person)"]
    assert {"holds", "absent", "atom", "status", "deciding"} <= set(doc["rows"][0])
    legal_aid = [r for r in doc["rows"] if r["atom"] == "call(convict, person, legal_aid)"]
    assert [r["status"] for r in legal_aid] == ["permitted", "permitted", "prohibited"]
    assert legal_aid[-1].get("otherwise") and legal_aid[-1]["deciding"]["citation"] == "pec 134.1.2"


def test_a_named_person_is_still_asked_about_the_case(zan):
    result = zan("ask", "Which calls are permitted for Kunakbayev?", "--at", "2025-01-15")
    assert result.exit_code == 0 and "call(kunakbaev" in result.stdout


def test_given_with_the_questions_variables_and_located_errors(zan):
    ok = zan("cases", "call(C, P, legal_aid)", "--at", "2025-01-15", "--given", "in_disciplinary_isolator(C)",
             "--given", "advocate(P)", "--format", "json")
    assert ok.exit_code == 0, ok.output
    doc = json.loads(ok.stdout)
    assert doc["given"] == ["in_disciplinary_isolator(c)", "advocate(p)"]
    assert [r["status"] for r in doc["rows"]] == ["permitted", "permitted", "prohibited"]
    for given, code, words in (("in_isolator(C)", "invalid-query", "in_disciplinary_isolator"),
                               ("advocate(C, P)", "invalid-query", "1"),
                               ("advocate(X)", "invalid-query", "X"),
                               ("advocate(P", "syntax", "")):
        bad = zan("cases", "call(C, P, legal_aid)", "--given", given, "--lang", "ru")
        assert bad.exit_code == 1, bad.output
        assert bad.output.startswith("--given:1:") and f"[{code}]" in bad.output and words in bad.output, bad.output
        assert "Traceback" not in bad.output


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_kk_ru_case_spaces_have_no_english_words_outside_code(zan, language, fmt):
    result = zan("cases", "call(C, P, Purpose)", "--at", "2025-01-15", "--lang", language, "--format", fmt,
                 "--given", "in_disciplinary_isolator(C)")
    assert result.exit_code == 0, result.output
    assert not _latin_words(result.stdout), sorted(set(_latin_words(result.stdout)))[:20]


# ---------------------------------------------------------------- a clause set off by commas after the noun

APPOSITIVE = {
    "ru": ["Может ли осужденный, содержащийся в ШИЗО, позвонить адвокату?",
           "Может ли осужденный, находящийся в штрафном изоляторе, позвонить адвокату?"],
    "en": ["Can a convict, held in the disciplinary isolator, call his lawyer?",
           "Can a convict, who is in the disciplinary isolator, call his lawyer?"],
    "kk": ["Тәртіптік изолятордағы сотталған адвокатына телефон шала ала ма?"],
}


def _language_neutral(rows):
    """A case space's rows without what is said in the reader's language (readings, citations as cited)."""
    out = []
    for row in rows:
        row = {k: v for k, v in row.items() if not k.endswith("_read") and k != "cited_as"}
        if isinstance(row.get("deciding"), dict):
            row["deciding"] = {k: v for k, v in row["deciding"].items() if k != "cited_as"}
        out.append(row)
    return out


@pytest.mark.parametrize("language,question", [(lang, q) for lang, qs in APPOSITIVE.items() for q in qs])
def test_a_participle_clause_between_commas_describes_the_noun_before_it(kb_general, language, question):
    from engine.tools.understanding import Understood, understand

    u = understand(question, kb_general, language, general_questions=True)
    assert isinstance(u, Understood), u.message
    assert u.atom_text == "call(Convict, Person, Purpose)"
    assert sorted(f"{a.predicate}({', '.join(str(x.name) for x in a.args)})" for a in u.roles) == \
        ["advocate(Person)", "in_disciplinary_isolator(Convict)"]


def test_the_russian_appositive_is_answered_as_the_english_question(zan):
    docs = {}
    for language, question in (("en", SCHOLAR["en"][0]), ("en,", APPOSITIVE["en"][0]), ("ru", APPOSITIVE["ru"][0]),
                               ("ru2", APPOSITIVE["ru"][1]), ("kk", APPOSITIVE["kk"][0])):
        result = zan("ask", question, "--at", "2025-01-15", "--format", "json")
        assert result.exit_code == 0, result.output
        docs[language] = json.loads(result.stdout)
        assert docs[language]["given"] == ["in_disciplinary_isolator(convict)", "advocate(person)"], language
    for language, doc in docs.items():
        assert _language_neutral(doc["rows"]) == _language_neutral(docs["en"]["rows"]), language


@pytest.fixture(scope="module")
def kb_general():
    from engine.tools.understanding import knowledge

    return knowledge(sample=False)
