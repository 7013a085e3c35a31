"""Issue 20, what the last round left: an obligation's deadline and fulfilment asked in words (item 3: «не истек ли
срок», "fulfilled"); places the kb does not speak of (ПКТ, ЕПКТ, СИЗО) refused at the word; a newly assumed person
said in words; the participles a Kazakh lawyer writes («ШИЗО-да отырған сотталған»)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from engine.base.diagnostics import Diagnostic
from engine.tools.understanding import Understood, in_words, knowledge, understand, understood_title


@pytest.fixture(scope="module")
def kb():
    return knowledge()


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
    ("kk", "Қағидаларға өзгерістер енгізу мерзімі өтті ме?", "amend(Body, rules819)"),
])
def test_the_deadline_and_fulfilment_are_asked_in_words(kb, language, text, atom):
    u = understand(text, kb, language)
    assert isinstance(u, Understood), u.message
    assert u.atom_text == atom
    assert u.deadlines == ("cc60.3",)   # the norm that sets the deadline, said back
    title = understood_title(in_words(u, kb, language), language)
    assert "2025-06-27" in title.splitlines()[-1]


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
    assert "amend(ministry_of_internal_affairs, rules819): обязательно (срок 2025-06-27: просрочено" in run.stdout
