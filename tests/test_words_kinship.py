"""Issue 20, kinship words never guessed: a relation's phrase that names one kind of person within it (`phrase en
"father" member father` of `close_relative`) is a person of the case only where the case names that person by the
word (the constant `mother` of example 2) and relates that person so; otherwise a new person of that kind, said by
the word ("the father of Kunakbayev", «отец Кунакбаева», «Құнақбаевтың әкесі»). A phrase that names the relation
as a whole ("relative", "wife") is the case's only person of it, never one the question names in another role
(unless by the same word: «позвонить жене, если его жена больна» is one person), and where the case has several the
question is refused at the word, listing them. Over every relation phrase of the kb, in kk, ru and en, with the
condition before and after the question's verb, on the sample case and on example 2."""

from __future__ import annotations

import pytest

from engine.base.diagnostics import Diagnostic
from engine.tools.understanding import Understood, askable, in_words, knowledge, understand
from conftest import CASES

EXAMPLE2 = CASES / "example2-death-certificate.facts"


@pytest.fixture(scope="module")
def sample(sample_knowledge):
    return sample_knowledge


@pytest.fixture(scope="module")
def example2(example2_knowledge):
    return example2_knowledge


def _relation_phrases() -> list[tuple[str, str, str, str | None]]:
    """(language, relation, phrase, member) for every phrase of every relation between a convict and a person (its
    kinship words: the relations with `phrase`s, and their labels but those with commas or brackets, which make
    another sentence of the question)."""
    kb = knowledge()
    return [(phrase.language, decl.name, phrase.text, phrase.member)
            for decl in sorted(kb.predicates.values(), key=lambda d: d.name)
            if decl.arity == 2 and decl.parameters[0] == "Convict" and decl.name not in askable(kb) and decl.phrases
            for phrase in decl.labels + decl.phrases if not set(phrase.text) & set(",()")]


# the cases: the convict (as each language writes him), the persons he may call (in the dative), and whom the case
# relates to him by each relation
CASE_OF = {
    "sample": ({"en": "Kunakbayev", "ru": "Кунакбаев", "kk": "Құнақбаев"}, "kunakbaev",
               {"ospanov": {"en": "Ospanov", "ru": "Оспанову", "kk": "Оспановқа"},
                "marat": {"en": "Marat", "ru": "Марату", "kk": "Маратқа"},
                "aigul": {"en": "Aigul", "ru": "Айгуль", "kk": "Айгүлге"},
                "serik": {"en": "Serik", "ru": "Серику", "kk": "Серікке"}},
               {"spouse": ["aigul"], "close_relative": ["marat"]}, {}),
    "example2": ({"en": "Bekov", "ru": "Беков", "kk": "Беков"}, "bekov",
                 {"daulet": {"en": "Daulet", "ru": "Даулету", "kk": "Дәулетке"}},
                 {"spouse": [], "close_relative": ["daulet", "mother"]}, {"mother": "mother"}),
}

# the condition after and before the question's verb, and in Russian with the kinship word before and after its verb
FORMS = {
    "en": ["May {c} call {p} if his {role} died?", "If his {role} died, may {c} call {p}?"],
    "ru": ["Может ли {c} позвонить {p}, если его {role} умер?", "Может ли {c} позвонить {p}, если умер его {role}?",
           "Если умер его {role}, может ли {c} позвонить {p}?"],
    "kk": ["Егер {role} қайтыс болса, {c} {p} қоңырау шала ала ма?", "{c} {p} қоңырау шала ала ма, егер {role} қайтыс болса?"],
}


# the genders of the cases' persons (by their Russian names) and the genders the kb's phrases say (`gender female`)
GENDER_OF = {"aigul": "female", "marat": "male", "daulet": "male", "mother": "female"}


def _gender_of_phrase(language: str, relation: str, phrase: str) -> str | None:
    return next((p.gender for p in knowledge().predicates[relation].phrases
                 if (p.language, p.text) == (language, phrase)), None)


def _expected(case: str, relation: str, member: str | None, called: str, said: str | None = None) -> str | None:
    """Whom the kinship word names, by the rule (None: the question is refused at the word). A word that says a
    gender (`said`) names only the persons of that gender; where the case has persons of it but none agree, none."""
    _names, convict, _persons, relations, named_by_word = CASE_OF[case]
    persons = relations.get(relation, [])
    if said is not None and member is None:
        agreeing = [p for p in persons if GENDER_OF[p] == said]
        if persons and not agreeing:
            return None
        persons = agreeing
    if member is not None:
        named = named_by_word.get(member)
        return named if named in persons else f"{member}_of_{convict}"
    if len(persons) == 1:
        return None if persons[0] == called else persons[0]
    return f"{relation}_of_{convict}" if not persons else None


CASES_ = [(case, language, relation, phrase, member) for case in CASE_OF
          for language, relation, phrase, member in _relation_phrases()]


def test_the_kb_has_whole_and_member_phrases():
    members = {(r, m) for _l, r, _p, m in _relation_phrases()}
    assert ("close_relative", None) in members and ("close_relative", "father") in members
    assert ("spouse", None) in members and not any(r == "spouse" and m for r, m in members)


@pytest.mark.parametrize("case,language,relation,phrase,member", CASES_)
def test_every_kinship_word_names_its_own_person(sample, example2, case, language, relation, phrase, member):
    kb = sample if case == "sample" else example2
    names, convict, persons, _relations, _named = CASE_OF[case]
    for called, said in persons.items():
        expected = _expected(case, relation, member, called, _gender_of_phrase(language, relation, phrase))
        for form in FORMS[language]:
            text = form.format(c=names[language], p=said[language], role=phrase)
            u = understand(text, kb, language)
            if expected is None:
                assert isinstance(u, Diagnostic), (text, u.atom_text, [str(a) for a in u.assumptions])
                assert text[u.span.column - 1:u.span.end_column - 1] == phrase, (text, u.message)
                continue
            assert isinstance(u, Understood), (text, u.message)
            assert u.atom_text == f"call({convict}, {called}, Purpose)", text
            assumed = {str(a) for a in u.assumptions}
            assert f"died({expected})" in assumed, (text, assumed)
            assert f"{relation}({convict}, {expected})" in assumed, (text, assumed)
            # nothing is assumed of the person called: he is not the one the condition speaks of
            assert not any(called in a for a in assumed), (text, assumed)


@pytest.mark.parametrize("text,language,kb_name", [
    ("May Kunakbayev call Marat if his father died?", "en", "sample"),
    ("May Kunakbayev call Marat if his brother died?", "en", "sample"),
    ("Может ли Кунакбаев позвонить Марату, если умер его отец?", "ru", "sample"),
    ("Егер әкесі қайтыс болса, Құнақбаев Маратқа телефон соға ала ма?", "kk", "sample"),
    ("May Bekov call Daulet if his father died?", "en", "example2"),
])
def test_the_issue_s_questions_never_assume_the_person_called_died(sample, example2, text, language, kb_name):
    kb = sample if kb_name == "sample" else example2
    u = understand(text, kb, language)
    assert isinstance(u, Understood), u.message
    assert not any(a.predicate == "died" and a.args[0].value in ("marat", "daulet") for a in u.assumptions), \
        [str(a) for a in u.assumptions]


@pytest.mark.parametrize("text,language,said", [
    ("May Kunakbayev call Marat if his father died?", "en", "the father of Kunakbayev"),
    ("Может ли Кунакбаев позвонить Марату, если умер его отец?", "ru", "отец Кунакбаева"),
    ("Егер әкесі қайтыс болса, Құнақбаев Маратқа телефон соға ала ма?", "kk", "Құнақбаевтың әкесі"),
    ("Может ли Кунакбаев позвонить Марату, если у него умер старший брат?", "ru", "старший брат Кунакбаева"),
])
def test_a_new_person_is_said_with_the_word_the_user_used(sample, text, language, said):
    u = understand(text, sample, language)
    assert isinstance(u, Understood), u.message
    words = in_words(u, sample, language)
    assert any(said in a["in_words"] for a in words["assumptions"]), words["assumptions"]
    assert not any("_of_" in a["in_words"] for a in words["assumptions"]), words["assumptions"]


@pytest.mark.parametrize("text,language,assumed", [
    # the same word for the person called and in the condition: one person (coreference)
    ("Может ли Кунакбаев позвонить жене, если его жена тяжело больна?", "ru", "life_threatening_illness(aigul)"),
    ("May Kunakbayev call his wife if his wife died?", "en", "died(aigul)"),
    ("Құнақбаев жұбайына қоңырау шала ала ма, егер әйелі қайтыс болса?", "kk", "died(aigul)"),
    ("May Bekov call his mother if his mother died?", "en", "died(mother)"),
])
def test_the_same_word_twice_is_one_person(sample, example2, text, language, assumed):
    kb = example2 if "Bekov" in text else sample
    u = understand(text, kb, language)
    assert isinstance(u, Understood), u.message
    assert assumed in {str(a) for a in u.assumptions}
    assert len(u.assumptions) == len({str(a) for a in u.assumptions})   # each fact once


@pytest.mark.parametrize("text,language,words,listed", [
    # the case's only spouse is the person called, by name: not silently her
    ("Может ли Кунакбаев позвонить Айгуль, если его жена тяжело больна?", "ru", "жена", "Айгуль"),
    ("May Kunakbayev call Marat if his relative died?", "en", "relative", "Marat"),
    # the case's only advocate is the person called, by name
    ("Может ли Кунакбаев позвонить Оспанову, если у него есть адвокат?", "ru", "адвокат", "Оспанов"),
    # several close relatives in the case: refused at the word, listing them
    ("Может ли Беков позвонить Даулету, если умер его родственник?", "ru", "родственник", "Даулет, мать"),
    ("Егер туысы қайтыс болса, Беков Дәулетке қоңырау шала ала ма?", "kk", "туысы", "Дәулет, анасы"),
    ("May Bekov call Daulet if his relative died?", "en", "relative", "Daulet, mother"),
])
def test_a_whole_relation_word_is_never_chosen_for_the_question(sample, example2, text, language, words, listed):
    kb = example2 if ("Бек" in text or "Bekov" in text) else sample
    u = understand(text, kb, language)
    assert isinstance(u, Diagnostic), [str(a) for a in u.assumptions]
    assert (u.span.line, text[u.span.column - 1:u.span.end_column - 1]) == (1, words)
    assert listed in u.message


def test_a_main_clause_kinship_word_the_case_does_not_name_is_refused(sample, example2):
    """"May Kunakbayev call his father?": the case names no father of his; never its only close relative."""
    text = "May Kunakbayev call his father?"
    u = understand(text, sample, "en")
    assert isinstance(u, Diagnostic) and text[u.span.column - 1:u.span.end_column - 1] == "father"
    u = understand("May Bekov call his mother?", example2, "en")
    assert isinstance(u, Understood) and u.atom_text == "call(bekov, mother, Purpose)"


def test_member_only_on_a_relation(tmp_path):
    """`member` on a phrase of a one-argument predicate, or named as a predicate: an error at the phrase."""
    from engine.checks import phrases
    from engine.syntax.knowledge import load_contents

    text = ('predicate p(Person)\n  en "p"\n  phrase en "pp" member pp.\n'
            'predicate q(A, B)\n  en "q"\n  phrase en "qq" member p\n  phrase en "qr" member r.\n')
    kb = load_contents([("law.zan", text.encode())])
    found = phrases.check(kb)
    assert [(d.code, d.span.line) for d in found] == [("member-not-relation", 3), ("member-not-relation", 6)]


@pytest.mark.parametrize("text,language,words", [
    # «у него» with a word that says something of a person, not who: never the case's one person of it
    # (example 2's mother died, has a certificate), nor the person called
    ("Может ли Беков позвонить Даулету, если у него умер?", "ru", "умер"),
    ("Может ли Беков позвонить Даулету, если у него представлено свидетельство о смерти?", "ru", "свидетельство о смерти"),
    ("May Bekov call Daulet if his died?", "en", "died"),
])
def test_a_possessive_without_a_person_is_refused_not_guessed(example2, text, language, words):
    u = understand(text, example2, language)
    assert isinstance(u, Diagnostic), [str(a) for a in u.assumptions]
    assert text[u.span.column - 1:u.span.end_column - 1] == words


def test_a_possessive_with_a_word_naming_a_person_is_his(example2):
    u = understand("Может ли Беков позвонить Даулету, если у него есть адвокат?", example2, "ru")
    assert isinstance(u, Understood) and {str(a) for a in u.assumptions} == {"advocate(advocate_of_bekov)"}


@pytest.mark.parametrize("text,language", [
    ("Может ли Кунакбаев позвонить Оспанову, если его брат, Серик, умер?", "ru"),
    ("Может ли Кунакбаев позвонить Оспанову, если его брат Серик умер?", "ru"),
    ("May Kunakbayev call Ospanov if his brother, Serik, died?", "en"),
    ("Егер інісі, Серік, қайтыс болса, Құнақбаев Оспановқа қоңырау шала ала ма?", "kk"),
])
def test_a_name_beside_a_kinship_word_is_the_person_it_names(sample, text, language):
    """"his brother, Serik, died": one person, Serik (said to be his brother), never a new brother beside him."""
    u = understand(text, sample, language)
    assert isinstance(u, Understood), u.message
    assert {str(a) for a in u.assumptions} == {"close_relative(kunakbaev, serik)", "died(serik)"}
