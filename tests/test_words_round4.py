"""Issue 20, what the last round left: an obligation's deadline and fulfilment asked in words (item 3: «не истек ли
срок», "fulfilled"); places the kb does not speak of (ПКТ, ЕПКТ, СИЗО) refused at the word; a newly assumed person
said in words; the participles a Kazakh lawyer writes («ШИЗО-да отырған сотталған»)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from engine.base.diagnostics import Diagnostic
from engine.explain.morphology import decline_kk
from engine.explain.phrasebook import say_date
from engine.tools.understanding import Understood, in_words, knowledge, understand, understood_title


@pytest.fixture(scope="module")
def kb(sample_knowledge):
    return sample_knowledge


# ---------------------------------------------------------------- the deadline and fulfilment of an obligation

@pytest.mark.parametrize("language, text, atom", [
    ("ru", "Кто обязан внести изменения в Правила и не истек ли срок?", "obligatory amend(Body, rules819)"),
    ("ru", "Исполнило ли Министерство обязанность изменить Правила?", "amend(ministry_of_internal_affairs, rules819)"),
    ("ru", "Не истек ли срок внесения изменений в Правила?", "amend(Body, rules819)"),
    ("en", "Has the Ministry fulfilled its obligation to amend the Rules?",
     "obligatory amend(ministry_of_internal_affairs, rules819)"),
    ("en", "Is the deadline to amend the Rules past?", "amend(Body, rules819)"),
    ("en", "Must the Ministry amend the Rules, and has the deadline expired?",
     "obligatory amend(ministry_of_internal_affairs, rules819)"),
    ("kk", "Министрлік Қағидаларға түзетулер енгізу міндетін орындады ма?", "amend(ministry_of_internal_affairs, rules819)"),
    # the question's particle «ма» stays the question's, not a part of the verb («орындалды ма»)
    ("kk", "Министрлік Қағидаларға түзетулер енгізу міндетін орындалды ма?", "amend(ministry_of_internal_affairs, rules819)"),
    ("kk", "Қағидаларға өзгерістер енгізу мерзімі өтті ме?", "amend(Body, rules819)"),
])
def test_the_deadline_and_fulfilment_are_asked_in_words(kb, language, text, atom):
    u = understand(text, kb, language)
    assert isinstance(u, Understood), u.message
    assert u.atom_text == atom
    assert u.deadlines == ("cc60.3",)   # the norm that sets the deadline, said back
    title = understood_title(in_words(u, kb, language), language)
    assert say_date("2025-06-27", language) in title.splitlines()[-1]   # in words in kk/ru (issue 20), ISO in en


@pytest.mark.parametrize("language, text, word", [
    ("ru", "Не истек ли срок для звонка Кунакбаева Оспанову?", "истек"),
    ("en", "May Kunakbayev call Ospanov, and is the deadline past?", "deadline"),
    ("kk", "Құнақбаев Оспановқа қоңырау шала ала ма, мерзімі өтті ме?", "мерзімі"),
    ("en", "Has Kunakbayev's call with Ospanov been fulfilled?", "fulfilled"),
])
def test_a_deadline_the_kb_does_not_set_is_refused_at_the_word(kb, language, text, word):
    d = understand(text, kb, language)
    assert isinstance(d, Diagnostic)
    assert d.span.column == text.index(word) + 1
    assert word in d.message
    assert {"en": "deadline", "ru": "срок", "kk": "мерзім"}[language] in d.message


def test_the_answer_line_says_the_deadline_and_what_became_of_it():
    run = subprocess.run([sys.executable, "-m", "engine", "ask", "Кто обязан внести изменения в Правила и не истек ли срок?",
                          "--at", "2025-07-01"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "amend(ministry_of_internal_affairs, rules819): обязательно (срок 27 июня 2025 г.: просрочено" in run.stdout


# ---------------------------------------------------------------- places the kb does not speak of

@pytest.mark.parametrize("language, text, words, says", [
    ("ru", "Может ли осужденный Кунакбаев в ПКТ позвонить адвокату?", "ПКТ", "помещения камерного типа"),
    ("ru", "Может ли Кунакбаев, содержащийся в ЕПКТ, позвонить Оспанову?", "ЕПКТ", "единые помещения камерного типа"),
    ("ru", "Может ли Кунакбаев в СИЗО позвонить Оспанову?", "СИЗО", "следственные изоляторы"),
    ("ru", "Может ли Кунакбаев, находящийся в следственном изоляторе, позвонить Оспанову?", "следственном изоляторе",
     "следственные изоляторы"),
    ("kk", "ПКТ-да Құнақбаев Оспановқа қоңырау шала ала ма?", "ПКТ", "камералық типтегі үй-жайлар"),
    ("kk", "СИЗО-дағы Құнақбаев Оспановқа қоңырау шала ала ма?", "СИЗО", "тергеу изоляторлары"),
    ("en", "May Kunakbayev in the SIZO call Ospanov?", "SIZO", "pre-trial detention centres"),
    ("en", "May Kunakbayev held in cell-type premises call Ospanov?", "cell-type premises", "encodes no norm"),
])
def test_a_place_the_kb_does_not_speak_of_is_refused_at_the_word(kb, language, text, words, says):
    d = understand(text, kb, language)
    assert isinstance(d, Diagnostic), d
    column = text.index(words) + 1
    assert (d.span.column, d.span.end_column) == (column, column + len(words))
    assert says in d.message and words in d.message
    assert "ШИЗО" not in d.message and "дисциплинар" not in d.message


def test_the_isolator_itself_is_still_understood(kb):
    for language, text in (("ru", "Может ли Кунакбаев в ШИЗО позвонить Оспанову?"),
                           ("kk", "ШИЗО-дағы Құнақбаев Оспановқа қоңырау шала ала ма?")):
        u = understand(text, kb, language)
        assert isinstance(u, Understood), u.message
        assert "in_disciplinary_isolator(kunakbaev)" in {str(a) for a in u.assumptions}


def test_a_phrase_given_twice_is_warned_about(zan, tmp_path):
    from conftest import KB

    folder = tmp_path / "kb"
    folder.mkdir()
    for f in KB.glob("*.zan"):
        text = f.read_text(encoding="utf-8")
        if f.name == "vocabulary.zan":
            assert text.count('phrase ru "ШИЗО"') == 1   # was given twice
            text = text.replace('  phrase ru "ШИЗО"\n', '  phrase ru "ШИЗО"\n  phrase ru "шизо"\n', 1)
        (folder / f.name).write_text(text, encoding="utf-8")
    result = zan("check", folder)
    assert result.exit_code == 0
    line = next(line for line in result.output.splitlines() if "[duplicate-phrase]" in line)
    assert line.startswith(f"{folder / 'vocabulary.zan'}:") and 'in_disciplinary_isolator has the phrase ru "шизо" twice' in line


# ---------------------------------------------------------------- a newly assumed person, in words

NEW_PERSON = {"en": ("May Bekov call Daulet if his wife is seriously ill?", "a spouse of Bekov"),
              "ru": ("Может ли Беков позвонить Даулету, если его жена тяжело больна?", "супруг (супруга) Бекова"),
              "kk": ("Егер оның жұбайы қатты ауырса, Беков Дәулетке қоңырау шала ала ма?", "жұбайы (зайыбы)")}


@pytest.mark.parametrize("language", sorted(NEW_PERSON))
def test_a_newly_assumed_person_is_said_in_words(language):
    from conftest import CASES

    text, said = NEW_PERSON[language]
    run = subprocess.run([sys.executable, "-m", "engine", "ask", text, "--facts", str(CASES / "example2-death-certificate.facts"),
                          "--at", "2025-03-10", "--format", "json", "--lang", language], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    import json
    import re

    doc = json.loads(run.stdout)
    assumed = doc["question"]["assumptions"]
    assert "spouse(bekov, spouse_of_bekov)" in [a["atom"] for a in assumed]
    assert all(said in a["in_words"] and "spouse_of_bekov" not in a["in_words"] for a in assumed)
    human = []

    def walk(value, key=None):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key in ("reading", "in_words", "sentence", "explanation", "text", "summary"):
            human.append(value)
    walk(doc)
    assert human and not [h for h in human if "spouse_of_bekov" in re.sub(r"\w+\([^()]*\)", "", h)]


def test_a_new_person_is_declined_as_the_sentence_needs(kb):
    from engine.explain.phrasebook import Phrasebook

    ru = Phrasebook(kb, "ru").reading("call", ("bekov", "spouse_of_bekov", "social_ties"))
    assert "с лицом супругом (супругой) Бекова" in ru
    assert Phrasebook(kb, "en").value_label("some_advocate") == "an advocate"
    assert Phrasebook(kb, "kk").value_label("close_relative_of_bekov").endswith("жақын туысы")


# ---------------------------------------------------------------- participles a Kazakh lawyer writes

PARTICIPLES = ["отырған", "отыратын", "ұсталатын", "ұсталған", "жазасын өтеп жатқан", "орналастырылған"]


def _places(kb):
    """The kk labels and phrases of the regimes a convict is held under (the predicates `special_regime` reads)."""
    regimes = {atom.predicate for clause, _norm in kb.all_clauses() if clause.head.predicate == "special_regime"
               for atom in clause.body if hasattr(atom, "predicate")}
    assert len(regimes) == 3
    return [(name, label.text) for name in sorted(regimes)
            for label in kb.predicates[name].labels + kb.predicates[name].phrases
            if label.language == "kk" and len(label.text.split()) <= 3]


def test_the_participles_a_kazakh_lawyer_writes(kb):
    from engine.explain.morphology import decline_kk

    places = _places(kb)
    assert len(places) >= 5
    for name, phrase in places:
        where = f"{phrase}-да" if phrase.isupper() else decline_kk(phrase, "loc")
        for participle in PARTICIPLES:
            text = f"{where} {participle} сотталған Құнақбаев Оспановқа қоңырау шала ала ма?"
            u = understand(text, kb, "kk")
            assert isinstance(u, Understood), (text, u.message)
            assert u.atom_text == "call(kunakbaev, ospanov, Purpose)"
            assert {str(a) for a in u.assumptions} == {f"{name}(kunakbaev)"}, text


@pytest.mark.parametrize("gerund", ["отырып", "ұсталып", "жатып"])
def test_the_gerund_of_being_held_somewhere(kb, gerund):
    """«ШИЗО-да отырып, Құнақбаев ...» ("sitting in the isolator, may K ..."), before or after the name, as «отырған»."""
    for name, phrase in _places(kb):
        where = f"{phrase}-да" if phrase.isupper() else decline_kk(phrase, "loc")
        for text in (f"{where} {gerund}, Құнақбаев Оспановқа қоңырау шала ала ма?",
                     f"Құнақбаев {where} {gerund} Оспановқа қоңырау шала ала ма?"):
            u = understand(text, kb, "kk")
            assert isinstance(u, Understood), (text, u.message)
            assert u.atom_text == "call(kunakbaev, ospanov, Purpose)"
            assert {str(a) for a in u.assumptions} == {f"{name}(kunakbaev)"}, text


def test_a_kazakh_kinship_word_is_said_without_degen_adam(example2_knowledge):
    """Kazakh names a person by name with «деген адам» ("the person called ..."): «Дәулет деген адаммен». A person said
    by a kinship word (the constant `mother`, labelled «анасы»; a new person, «Бековтің әкесі») takes the noun's
    ending itself, in the possessive's forms: «анасымен», «анасы қайтыс болды», «анасының», «Бековтің әкесіне»."""
    from engine.explain.phrasebook import Phrasebook

    kk = Phrasebook(example2_knowledge, "kk")
    cases = {("died", ("mother",)): "анасы қайтыс болды",
             ("died", ("father_of_bekov",)): "Бековтің әкесі қайтыс болды",
             ("died", ("daulet",)): "Дәулет деген адам қайтыс болды",
             ("death_certificate", ("mother",)): "анасының қайтыс болу туралы куәлігі ұсынылған",
             ("call", ("bekov", "mother", "social_ties")): "сотталған Беков анасымен телефон арқылы сөйлеседі",
             ("call", ("bekov", "daulet", "social_ties")): "сотталған Беков Дәулет деген адаммен телефон арқылы сөйлеседі"}
    for (predicate, values), expected in cases.items():
        read = kk.reading(predicate, values)
        assert read is not None and read.startswith(expected), read
        spelled = kk.spelling(predicate, len(values))   # the register's way: the same words
        assert "".join(bit if type(bit) is str else bit[1](values[bit[0]]) for bit in spelled) == read


def test_the_lexicon_is_built_once_per_knowledge_base(monkeypatch):
    """`zan ask` reads a question's language, then the question: one lexicon for both (issue 26, item 8)."""
    from engine.tools import understanding

    kb = knowledge()
    built = []
    original = understanding.Lexicon.__init__

    def counting(self, kb):
        built.append(kb)
        original(self, kb)
    monkeypatch.setattr(understanding.Lexicon, "__init__", counting)
    text = "Может ли Кунакбаев позвонить Оспанову?"
    assert understanding.language_of(text, kb) == "ru"
    assert isinstance(understand(text, kb, "ru"), Understood)
    assert isinstance(understand("Кунакбаев шизо?", kb, "ru"), Diagnostic)
    assert len(built) == 1
