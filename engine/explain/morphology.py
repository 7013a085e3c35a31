"""Names and nouns in the grammatical case a sentence needs: Russian by pymorphy3 and its dictionaries
(OpenCorpora), Kazakh by a small rule set of vowel harmony (no maintained Kazakh morphology package exists).

`decline(text, case, language)` puts a label ("Иванов", "постановление № 7", "Сапаров") in a case:
gen, dat, acc, ins, loc (and abl in Kazakh). In Russian the leading words that are in the nominative are
declined and the rest (a genitive complement, a number, a quoted title) kept; a word the dictionary
does not know in the nominative singular is kept as written (indeclinable names).
`case_after(word)` is the case a Russian name takes after an agreeing noun or participle of a template
("владельцу {Owner}" -> dat); None where the word may be nominative ("лицо {Person}").
Without pymorphy3 installed, Russian text is kept as written.

May import: the standard library and pymorphy3 (as the rest of engine.explain: `engine.syntax`, `engine.base`;
the Kazakh endings are engine.base.dates', re-exported).
"""

from __future__ import annotations

import functools
import re

# Kazakh endings by vowel harmony live with the dates in engine/base/dates.py (the checks' messages, below this
# room, say dates in Kazakh too); re-exported here, where every other room looks for them
from engine.base.dates import decline_kk as decline_kk, kk_ending as kk_ending, kk_front
from engine.base.text import LazyPattern

CASES = ("nom", "gen", "dat", "acc", "ins", "loc", "abl")
_PYMORPHY = {"nom": "nomn", "gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "loc": "loct", "abl": "gent"}
_FROM_PYMORPHY = {"nomn": "nom", "gent": "gen", "datv": "dat", "accs": "acc", "ablt": "ins", "loct": "loc",
                  "gen2": "gen", "acc2": "acc", "loc2": "loc", "voct": "nom"}
_AGREEING = {"NOUN", "ADJF", "PRTF", "NPRO"}
_WORD = LazyPattern(r"\S+")


@functools.lru_cache(maxsize=1)
def _analyzer():
    try:
        import pymorphy3
    except ImportError:   # an installation without the morphology: Russian words are kept as written
        return None
    return pymorphy3.MorphAnalyzer()


def _nominative(word: str):
    analyzer = _analyzer()
    if analyzer is None:
        return None
    for parse in analyzer.parse(word):
        tag = parse.tag
        if tag.POS in _AGREEING and tag.case == "nomn" and (tag.number == "sing" or "Sgtm" in tag or "Fixd" in tag):
            return parse
    return _surname(word)


def _surname(word: str):
    """A capitalised word the dictionary reads only as another word's form ("Рахимов", "Тимуров": the genitive plural
    of the first names Рахим, Тимур) that is a surname of the dictionary's own paradigm: the dictionary reads its
    genitive («Рахимова») as the surname whose nominative is the word; that surname's nominative parse."""
    if not word[:1].isupper() or not any("Name" in p.tag for p in _analyzer().parse(word)):
        return None   # only a word the dictionary reads as a first name's form ("Органов", "Сроков" are not surnames)
    for parse in _analyzer().parse(word + "а"):
        if "Surn" in parse.tag and parse.tag.case == "gent" and parse.tag.gender == "masc" \
                and parse.normal_form == word.lower():
            return parse.inflect({"nomn"})
    return None


def _keep_letters(original: str, declined: str) -> str:
    if original.isupper() and len(original) > 1:
        return declined.upper()
    if original[:1].isupper():
        declined = declined[:1].upper() + declined[1:]
    # the dictionary writes ё, in a stem or an ending («Зульфиёй»: its paradigm of Зульфия has the stressed
    # ending); a text written without ё keeps to е, as Russian writes (ё is optional): «Зульфией», like «Марией»
    return declined if "ё" in original else declined.replace("ё", "е").replace("Ё", "Е")


@functools.lru_cache(maxsize=4096)
def decline_ru(text: str, case: str) -> str:
    """The leading nominative words of a Russian label in `case`; the rest as written."""
    if case == "nom" or case not in _PYMORPHY:
        return text
    out, declining = [], True
    for m in _WORD.finditer(text):
        token = m.group()
        word = token.strip("(),;:")
        parse = _nominative(word) if declining and re.fullmatch(r"[А-Яа-яЁё-]+", word or "-") else None
        if parse is None:
            declining = False
            out.append(token)
            continue
        if "Fixd" in parse.tag:   # indeclinable
            out.append(token)
            continue
        inflected = parse.inflect({_PYMORPHY[case]})
        out.append(token.replace(word, _keep_letters(word, inflected.word)) if inflected else token)
    spaces = re.findall(r"\s+", text)
    return "".join(w + (spaces[i] if i < len(spaces) else "") for i, w in enumerate(out)) if out else text


def case_after(word: str) -> str | None:
    """The case of a Russian noun, adjective or participle that a name agrees with ("владельцу" -> dat,
    "лицом" -> ins); None where it may be nominative, or is not such a word."""
    analyzer = _analyzer()
    if analyzer is None or not re.fullmatch(r"[А-Яа-яЁё-]+", word or "-"):
        return None
    parses = [p for p in analyzer.parse(word) if p.tag.POS in _AGREEING and p.tag.number != "plur"]  # a name is one
    if not parses or any(p.tag.case in ("nomn", None) for p in parses):
        return None
    return _FROM_PYMORPHY.get(parses[0].tag.case)


@functools.lru_cache(maxsize=8192)
def lemmas(word: str) -> frozenset[str]:
    """The dictionary forms a Russian word may be a form of («представлена» -> представить, «умерли» -> умереть,
    «больны» -> больной, «женой» -> жена): of the parses the dictionary knows (never the guesser's, so a Kazakh or
    English word has none). Empty without pymorphy3 or for a word the dictionary does not know."""
    analyzer = _analyzer()
    low = word.lower()
    if analyzer is None or not re.fullmatch(r"[а-яё-]+", low) or not analyzer.word_is_known(low):
        return frozenset()
    return frozenset(p.normal_form for p in analyzer.parse(low) if p.is_known)


_VERB_FORMS = {"VERB", "INFN", "PRTF", "PRTS", "GRND"}


def is_verb_form(word: str) -> bool:
    """Whether a Russian word is, in every reading the dictionary knows, a form of a verb (a finite form, an
    infinitive, a participle full or short, a gerund): «представлена», «заключен», «умерла»; not «телефону»."""
    analyzer = _analyzer()
    low = word.lower()
    if analyzer is None or not re.fullmatch(r"[а-яё-]+", low) or not analyzer.word_is_known(low):
        return False
    known = [p for p in analyzer.parse(low) if p.is_known]
    return bool(known) and all(p.tag.POS in _VERB_FORMS for p in known)


def gender(label: str) -> str | None:
    """The grammatical gender of a person's Russian name or noun ("Иванов" masc, "Мария" femn, "мать" femn),
    where every reading of it as one animate person in the nominative agrees; None where the dictionary does not
    say or its readings disagree ("Женя")."""
    analyzer = _analyzer()
    words = label.split()
    if analyzer is None or not words or not re.fullmatch(r"[А-Яа-яЁё-]+", words[-1]):
        return None
    found = {p.tag.gender for p in analyzer.parse(words[-1])
             if p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.number == "sing" and "anim" in p.tag}
    if not found and (surname := _surname(words[-1])) is not None:   # «Рахимов»: a surname the dictionary reads so
        found = {surname.tag.gender}
    return found.pop() if len(found) == 1 and None not in found else None


def noun_gender(written: str, of: frozenset[str]) -> str | None:
    """The gender of a Russian noun as written, where every reading of it as one animate person that is a form of one
    of the words `of` agrees («супругой» femn, of супруг/супруга); None where they disagree («супруга»: the wife, or
    the husband's genitive; «супругу») or the dictionary does not say."""
    analyzer = _analyzer()
    low = written.lower()
    if analyzer is None or not re.fullmatch(r"[а-яё-]+", low) or not analyzer.word_is_known(low):
        return None
    found = {p.tag.gender for p in analyzer.parse(low) if p.is_known and p.normal_form in of
             and p.tag.POS == "NOUN" and "anim" in p.tag and p.tag.number == "sing"}
    return found.pop() if len(found) == 1 and None not in found else None


def is_genitive_ru(written: str, label: str) -> bool:
    """Whether a name as written is its Russian label in the genitive and not in the nominative («Иванова» of
    «Иванов»; «Нелли», the same in every case, is not)."""
    low = written.lower()
    return low != label.lower() and low == decline_ru(label, "gen").lower()


# The endings of a Kazakh word in the third person's possessive form (сатушысы "his seller", иесі "its owner"):
# after н (сатушысына, иесінің, сатушысын, сатушысымен), by vowel harmony (back, front).
_POSSESSED = {"gen": ("ның", "нің"), "dat": ("на", "не"), "acc": ("н", "н"), "loc": ("нда", "нде"),
              "abl": ("нан", "нен"), "ins": ("мен", "мен")}
_DESCRIBED = LazyPattern(r"(?P<word>\w+)(?P<alternative> \((?P<other>\w+)\))?$")


def decline_described_kk(text: str, case: str | None) -> str:
    """A Kazakh description of a person by kinship or role (a relation's word: «сатушысы», «Асановтың иесі»,
    «сатушысы (иесі)») in a case: a last word in the third person's possessive form (ending in ы or і) takes the
    endings after н («сатушысына», «Асановтың иесінің», «сатушысына (иесіне)»); any other as decline_kk."""
    m = _DESCRIBED.search(text.rstrip())
    if not case or case == "nom" or m is None or not m.group("word").endswith(("ы", "і")) \
            or (m.group("other") and not m.group("other").endswith(("ы", "і"))) or case not in _POSSESSED:
        return decline_kk(text, case) if case else text

    def declined(word: str) -> str:
        return word + _POSSESSED[case][1 if kk_front(word) else 0]
    out = text.rstrip()[:m.start()] + declined(m.group("word"))
    return out + (f" ({declined(m.group('other'))})" if m.group("other") else "")


def decline(text: str, case: str | None, language: str) -> str:
    """A label in the case a sentence needs, in its language; English and unknown cases as written."""
    if not case or not text:
        return text
    if language == "ru":
        return decline_ru(text, case)
    if language == "kk":
        return decline_kk(text, case)
    return text


def definite(noun: str, language: str) -> str:
    """A noun said of one particular person not named ("the seller of ..."): English puts "the" before it; Kazakh
    and Russian have no article."""
    return "the " + noun if language == "en" else noun


def indefinite(noun: str, language: str) -> str:
    """A noun said of someone not named, in the language: English puts its article before it ("an owner",
    "a buyer"); Kazakh and Russian have none."""
    if language != "en":
        return noun
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun
