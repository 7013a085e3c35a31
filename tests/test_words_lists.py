"""Lists of persons («позвонить Айгуль и Марату», "call Aigul and Marat", "for Kunakbayev and Bekov"): a question
asks of one person in each place, so two persons joined by a conjunction (and, or; и, или; және, мен, немесе, не)
are refused at the conjunction, in the question's language, naming both and saying to ask of one at a time. Never
one of them read in the other's place ("Which calls are permitted for Kunakbayev and Bekov?" was `call(kunakbaev,
bekov, Purpose)`), nor the two as one ("Aigul and his brother" as "his brother Aigul"). "And" after a condition's
phrase, before a person, begins another condition ("if Marat died and his wife is ill": his wife is not Marat)."""

from __future__ import annotations

import pytest

from engine.tools.understanding import understand
from conftest import refused_at, said

LISTS = [
    ("May Kunakbayev call Aigul and Marat?", "en", "and", ("Aigul", "Marat")),
    ("May Kunakbayev call Aigul or Marat?", "en", "or", ("Aigul", "Marat")),
    ("Which calls are permitted for Kunakbayev and Bekov?", "en", "and", ("Kunakbayev", "Bekov")),
    ("May Kunakbayev and Bekov call Aigul?", "en", "and", ("Kunakbayev", "Bekov")),
    ("May Kunakbayev call Aigul and his brother?", "en", "and", ("Aigul", "brother")),
    ("May Kunakbayev call his wife and brother?", "en", "and", ("wife", "brother")),
    ("May Kunakbayev call Ospanov if Marat and Serik died?", "en", "and", ("Marat", "Serik")),
    ("Может ли Кунакбаев позвонить Айгуль и Марату?", "ru", "и", ("Айгуль", "Марату")),
    ("Может ли Кунакбаев позвонить Айгуль или Марату?", "ru", "или", ("Айгуль", "Марату")),
    ("Может ли Кунакбаев позвонить жене и брату?", "ru", "и", ("жене", "брату")),
    ("Может ли Кунакбаев позвонить Оспанову, если Марат и Айгуль умерли?", "ru", "и", ("Марат", "Айгуль")),
    ("Құнақбаев Айгүлге және Маратқа қоңырау шала ала ма?", "kk", "және", ("Айгүлге", "Маратқа")),
    ("Құнақбаев Айгүл мен Маратқа қоңырау шала ала ма?", "kk", "мен", ("Айгүл", "Маратқа")),
    ("Егер Марат не Серік қайтыс болса, Құнақбаев Айгүлге қоңырау шала ала ма?", "kk", "не", ("Марат", "Серік")),
]
ONE_AT_A_TIME = {"en": "one person in each place", "ru": "об одном лице", "kk": "бір адам туралы"}


@pytest.mark.parametrize("text,language,conjunction,persons", LISTS)
def test_a_list_of_persons_is_refused_at_the_conjunction(sample_knowledge, text, language, conjunction, persons):
    u = understand(text, sample_knowledge, language)
    assert refused_at(u, text) == conjunction
    assert all(p in u.message for p in persons) and ONE_AT_A_TIME[language] in u.message, u.message


@pytest.mark.parametrize("text,language,conjunction,values", [
    # two other values so joined: refused at the conjunction too (it was refused at "medical", called a name)
    ("May Kunakbayev call Ospanov for legal aid and for medical care?", "en", "and", ("legal aid", "medical care")),
    ("May Kunakbayev call Ospanov for legal aid or medical care?", "en", "or", ("legal aid", "medical care")),
    ("Может ли Кунакбаев позвонить Оспанову для юридической помощи или медицинской помощи?", "ru", "или",
     ("юридической помощи", "медицинской помощи")),
])
def test_a_list_of_other_values_is_refused_at_the_conjunction(sample_knowledge, text, language, conjunction, values):
    u = understand(text, sample_knowledge, language)
    assert refused_at(u, text) == conjunction
    assert all(v in u.message for v in values), u.message


@pytest.mark.parametrize("text,language,atom,assumed", [
    # "and" between two conditions, or between dates, joins no persons
    ("Which calls of Kunakbayev changed between 26 December 2024 and 27 December 2024?", "en",
     "call(kunakbaev, Person, Purpose)", set()),
    # "and" after a condition's phrase, before a person, begins another condition of its own names: never Marat as
    # the wife (it was `spouse(kunakbaev, marat)`), nor Aigul as the brother
    ("May Kunakbayev call Ospanov if Marat died and his wife is seriously ill?", "en", "call(kunakbaev, ospanov, Purpose)",
     {"died(marat)", "life_threatening_illness(aigul)", "spouse(kunakbaev, aigul)"}),
    ("May Kunakbayev call Ospanov if his brother died and Aigul is seriously ill?", "en",
     "call(kunakbaev, ospanov, Purpose)", {"died(brother_of_kunakbaev)", "life_threatening_illness(aigul)"}),
    ("Может ли Кунакбаев позвонить Оспанову, если Айгуль умерла и Серик тяжело болен?", "ru",
     "call(kunakbaev, ospanov, Purpose)", {"died(aigul)", "life_threatening_illness(serik)"}),
    ("Егер Марат қайтыс болса және Айгүл қатты ауырса, Құнақбаев Оспановқа қоңырау шала ала ма?", "kk",
     "call(kunakbaev, ospanov, Purpose)", {"died(marat)", "life_threatening_illness(aigul)"}),
])
def test_and_between_other_words_is_no_list(sample_knowledge, text, language, atom, assumed):
    found_atom, found = said(understand(text, sample_knowledge, language))
    assert found_atom == atom and assumed <= found, found
    assert not any(a.startswith(("spouse(kunakbaev, marat", "close_relative(kunakbaev, aigul")) for a in found), found
