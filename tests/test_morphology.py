"""Names and nouns declined as a Kazakh or Russian lawyer writes them (issue 20, item 5): Russian by pymorphy3,
Kazakh endings by vowel harmony; and a scan of the kk/ru goldens for English words and undeclined names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine import pipeline
from engine.explain.i18n import word
from engine.explain.morphology import case_after, decline, decline_kk, decline_ru
from engine.explain.phrasebook import Phrasebook

GOLDEN = Path(__file__).resolve().parent / "golden" / "explanations"


@pytest.fixture(scope="module")
def kb():
    law, _facts, _warnings = pipeline.load_checked(None, [], sample=False)
    return law


@pytest.mark.parametrize("text,case,declined", [
    ("Кунакбаев", "dat", "Кунакбаеву"), ("Оспанов", "ins", "Оспановым"), ("Беков", "gen", "Бекова"),
    ("мать", "gen", "матери"), ("Даулет", "dat", "Даулету"), ("врач Ахметова", "dat", "врачу Ахметовой"),
    ("постановление № 60-НП", "gen", "постановления № 60-НП"), ("медицинская часть", "ins", "медицинской частью"),
    ("Закон «Об адвокатской деятельности и юридической помощи»", "gen",
     "Закона «Об адвокатской деятельности и юридической помощи»"),
    ("Гульнар", "dat", "Гульнар"),   # a woman's name ending in a consonant is not declined
    ("Кунакбаев", "nom", "Кунакбаев"),
    # surnames the dictionary reads only as a first name's genitive plural (Омар, Садык): its surname paradigm
    ("Омаров", "gen", "Омарова"), ("Садыков", "dat", "Садыкову"), ("Тулегенов", "ins", "Тулегеновым"),
    ("Нурланов", "gen", "Нурланова"),
    ("Органов юстиции", "dat", "Органов юстиции"),   # a plural genitive that is no first name's: kept
    # the dictionary's paradigm of Алия, Зульфия writes a stressed ending («Алиёй»); a label written without ё keeps
    # to е, as Russian writes (ё optional), like «Марией»
    ("Алия", "ins", "Алией"), ("Зульфия", "ins", "Зульфией"), ("Мария", "ins", "Марией"), ("Алия", "dat", "Алии"),
])
def test_russian_declension(text, case, declined):
    assert decline_ru(text, case) == declined


@pytest.mark.parametrize("text,case,declined", [
    ("анасы", "dat", "анасына"), ("әкесі", "gen", "әкесінің"), ("анасы", "ins", "анасымен"), ("анасы", "acc", "анасын"),
    ("Бековтің әкесі", "dat", "Бековтің әкесіне"), ("жұбайы (зайыбы)", "loc", "жұбайында (зайыбында)"),
    ("анасы", "nom", "анасы"), ("адвокат", "dat", "адвокатқа"),   # no possessive: as decline_kk
])
def test_kazakh_kinship_words_take_the_possessive_s_endings(text, case, declined):
    from engine.explain.morphology import decline_described_kk

    assert decline_described_kk(text, case) == declined


@pytest.mark.parametrize("word_,case", [("осужденному", "dat"), ("осужденного", "gen"), ("лицом", "ins"), ("лица", "gen"),
                                        ("лицо", None), ("осужденный", None), ("с", None)])
def test_the_case_a_name_agrees_with(word_, case):
    assert case_after(word_) == case


@pytest.mark.parametrize("name,gen,dat,acc,loc,abl,ins", [
    ("Құнақбаев", "Құнақбаевтың", "Құнақбаевқа", "Құнақбаевты", "Құнақбаевта", "Құнақбаевтан", "Құнақбаевпен"),
    ("Беков", "Бековтің", "Бековке", "Бековті", "Бековте", "Бековтен", "Бековпен"),
    ("Марат", "Мараттың", "Маратқа", "Маратты", "Маратта", "Мараттан", "Маратпен"),
    ("Айгүл", "Айгүлдің", "Айгүлге", "Айгүлді", "Айгүлде", "Айгүлден", "Айгүлмен"),
    ("Дәулет", "Дәулеттің", "Дәулетке", "Дәулетті", "Дәулетте", "Дәулеттен", "Дәулетпен"),
    ("Асқар", "Асқардың", "Асқарға", "Асқарды", "Асқарда", "Асқардан", "Асқармен"),
    ("Ерлан", "Ерланның", "Ерланға", "Ерланды", "Ерланда", "Ерланнан", "Ерланмен"),
    ("қаулы", "қаулының", "қаулыға", "қаулыны", "қаулыда", "қаулыдан", "қаулымен"),
    ("Әлия", "Әлияның", "Әлияға", "Әлияны", "Әлияда", "Әлиядан", "Әлиямен"),
])
def test_kazakh_endings_by_vowel_harmony(name, gen, dat, acc, loc, abl, ins):
    assert [decline_kk(name, c) for c in ("gen", "dat", "acc", "loc", "abl", "ins")] == [gen, dat, acc, loc, abl, ins]


SOURCE = Path(__file__).resolve().parent / "inputs" / "sources" / "000_cbd2d4e1d2eee1aa.txt"
_KK_CASE_OF = {"ның": "gen", "нің": "gen", "тың": "gen", "тің": "gen", "дың": "gen", "дің": "gen",
               "ны": "acc", "ні": "acc", "ты": "acc", "ті": "acc", "ды": "acc", "ді": "acc",
               "ға": "dat", "ге": "dat", "қа": "dat", "ке": "dat"}
_SURNAME = re.compile(r"\b([А-ЯӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:ов|ев|ин|ова|ева|ина))(" + "|".join(
    sorted(_KK_CASE_OF, key=len, reverse=True)) + r")\b")


def test_kazakh_surnames_take_the_endings_the_ruling_writes():
    """Бековтің or Бековтың? The ruling's Kazakh text is the evidence: every surname in -ов/-ев/-ин (-ова, ...)
    with a case ending it writes («Кунакбаевтың», «Джанибековтің», «Сариевтың», «Нәренованың», «Жақыпбаевты»)
    is what decline_kk says, by the last vowel of the stem before the suffix."""
    found = {(m.group(1), _KK_CASE_OF[m.group(2)], m.group(0)) for m in _SURNAME.finditer(SOURCE.read_text(encoding="utf-8"))}
    assert len(found) >= 8 and {g for _s, _c, g in found} >= {"Кунакбаевтың", "Джанибековтің", "Сариевтың"}
    assert [(name, case, decline_kk(name, case)) for name, case, _ in sorted(found)] == sorted(found)


@pytest.mark.parametrize("name,gen,dat", [
    ("Беков", "Бековтің", "Бековке"), ("Жанибеков", "Жанибековтің", "Жанибековке"),
    ("Сүлейменов", "Сүлейменовтің", "Сүлейменовке"), ("Оспанов", "Оспановтың", "Оспановқа"),
    ("Садықов", "Садықовтың", "Садықовқа"), ("Сариев", "Сариевтың", "Сариевқа"),
    ("Әлиев", "Әлиевтің", "Әлиевке"), ("Ержанова", "Ержанованың", "Ержановаға"),
])
def test_surname_suffixes_take_no_part_in_the_harmony(name, gen, dat):
    assert (decline_kk(name, "gen"), decline_kk(name, "dat")) == (gen, dat)


def test_a_reading_declines_the_name_after_its_agreeing_word(kb):
    ru = Phrasebook(kb, "ru")
    assert "осужденного Кунакбаева" in ru.reading("spouse", ("kunakbaev", "aigul"))
    assert "с лицом Оспановым" in ru.reading("legal_aid_contract", ("kunakbaev", "ospanov"))
    assert "осужденному Кунакбаеву" in ru.reading("state_legal_aid_provider", ("kunakbaev", "ospanov"))
    assert "осужденного Омарова" in ru.reading("spouse", ("omarov", "gulnar"))   # not «осужденного Омаров»
    assert "осужденному Садыкову" in ru.reading("state_legal_aid_provider", ("sadykov", "ospanov"))
    assert ru.reading("died", ("marat",)) == "Марат умер"   # nominative stays (and the verb agrees: tests/test_reads_gender.py)
    assert "Kunakbayev" in Phrasebook(kb, "en").reading("spouse", ("kunakbaev", "aigul"))


def test_the_engines_words_decline_what_they_mark():
    assert "в обязательном истолковании постановления № 60-НП" in word(
        "binding interpretation", "ru", interpreted="X", act="постановление № 60-НП", points="п. 1", reading="Y")
    assert "№ 60-НҚ нормативтік қаулының міндетті түсіндірмесінде" in word(
        "binding interpretation", "kk", interpreted="X", act="№ 60-НҚ нормативтік қаулы", points="1", reading="Y")
    assert decline("Кунакбаев", "dat", "en") == "Кунакбаев"


# ---------------------------------------------------------------- the scan of the goldens

def _prose(text: str) -> str:
    """A golden's text without what is not prose: atoms, ids, keys, file positions, code, markup."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\b(?:not )?[a-z_]+\([^()]*\)", " ", text)            # atoms (and negated ones)
    text = re.sub(r"\S+\.(?:zan|facts)(?::\d+)?", " ", text)             # file positions
    text = re.sub(r"\b[a-z0-9]+(?:[._][a-z0-9]+)+\b", " ", text)        # norm ids, keys
    text = re.sub(r"\b[A-Z][A-Za-z]* = [a-z_]+", " ", text)              # bindings
    text = re.sub(r"^kb: .*$|^база знаний: .*$|^білім қоры: .*$", " ", text, flags=re.M)
    text = re.sub(r"\(#[^)]*\)|\[[^\]]*\]\(#[^)]*\)", " ", text)          # Markdown anchors
    return text


ALLOWED_LATIN = {"lex", "specialis", "superior", "posterior", "zan", "id"}


@pytest.mark.parametrize("path", sorted(p for p in GOLDEN.rglob("*") if p.name.split(".")[0] in ("kk", "ru")
                                        and p.suffix in (".txt", ".md")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_kk_and_ru_goldens_have_no_english_words(path):
    prose = _prose(path.read_text(encoding="utf-8"))
    english = sorted({w for w in re.findall(r"\b[A-Za-z]{2,}\b", prose) if w.lower() not in ALLOWED_LATIN})
    assert not english, english


@pytest.mark.parametrize("path", sorted(GOLDEN.rglob("ru*.txt")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_ru_goldens_decline_names_after_an_agreeing_word(kb, path):
    names = {n_.text for c in kb.constants.values() for n_ in c.labels if n_.language == "ru" and n_.text[:1].isupper()}
    text = path.read_text(encoding="utf-8")
    undeclined = []
    for name in names:
        for m in re.finditer(r"(\w+) " + re.escape(name) + r"\b", text):
            case = case_after(m.group(1))
            if case and decline_ru(name, case) != name:
                undeclined.append(m.group())
    assert not undeclined, undeclined
