"""Dates as a reader of each language writes them, and the Kazakh case endings they (and every Kazakh label) take.

`say_date(day, language, case)`: kk «2024 жылғы 27 желтоқсан» (in a case a sentence needs: abl «...желтоқсаннан»,
dat «...желтоқсанға», acc «...желтоқсанды»), ru «27 декабря 2024 г.», en ISO (2024-12-27). The months' names and the
pattern (`MONTH_NAMES`, `DATE_WORDS`) are shared by the explanations (engine/explain/i18n.py re-exports them), the
trainers' page, and the messages of engine/base/messages.py, whose `{date:abl}` says a date value so in any room.
The Kazakh endings by vowel harmony (`kk_ending`, `decline_kk`; engine/explain/morphology.py re-exports them): a
small rule set, as no maintained Kazakh morphology package exists.

May import: the standard library only.
"""

from __future__ import annotations

import datetime

from engine.base.text import LazyPattern

CASES = ("nom", "gen", "dat", "acc", "ins", "loc", "abl")

# How a date is said in words, per language: the months' names as a date writes them (the Russian in the genitive,
# «27 декабря»), and the pattern (D the day, MMMM the month's name, YYYY the year). The Kazakh is the official
# one («2024 жылғы 27 желтоқсандағы»), the Russian the usual «27 декабря 2024 г.».
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
           "қараша", "желтоқсан"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
DATE_WORDS: dict[str, str] = {"kk": "YYYY жылғы D MMMM", "ru": "D MMMM YYYY г.", "en": "D MMMM YYYY"}
_DATE_PARTS = LazyPattern("YYYY|MMMM|D")


def say_date(day: datetime.date | str | None, language: str, case: str | None = None) -> str:
    """A date as a reader of the language writes it: kk «2024 жылғы 27 желтоқсан» (in `case`, if the sentence
    needs one: abl «...желтоқсаннан бастап», dat «...желтоқсанға дейін»), ru «27 декабря 2024 г.» (which stands
    after any preposition as it is). English keeps ISO (2024-12-27), as its answers always wrote it. A text
    that is not an ISO date ("?") is kept as written."""
    if isinstance(day, str):
        try:
            day = datetime.date.fromisoformat(day)
        except ValueError:
            return str(day)
    if day is None:
        return ""
    if language not in DATE_WORDS or language == "en":
        return day.isoformat()
    said = _DATE_PARTS.sub(lambda m: {"YYYY": str(day.year), "MMMM": MONTH_NAMES[language][day.month - 1],
                                      "D": str(day.day)}[m.group(0)], DATE_WORDS[language])
    return decline_kk(said, case) if case and language == "kk" else said


# ------------------------------------------------------------ Kazakh: endings by vowel harmony
_BACK = set("аоұыя")
_FRONT = set("әөүіе")
_VOWELS = _BACK | _FRONT | set("уиюэ")
_VOICELESS = set("пфкқтсшщхцчһв")   # в: the -ов/-ев of surnames is said [ф] (Сапаровқа, Сапаровтың)
_NASAL = set("мнң")


# The Russian-made suffixes of surnames, which take no part in the harmony: the ending follows the last vowel of the
# stem before them, as Kazakh legal texts write the surnames they decline (tests/test_morphology.py
# reads each such form of the source and checks it against these rules).
# The и of -ин is neutral (in neither list below): the vowel before it decides (the source declines no such surname).
_SURNAME_SUFFIXES = ("ов", "ев", "ёв")


def _front(word: str) -> bool:
    """Front (е, ә, ө, ү, і) or back (а, о, ұ, ы) harmony: the last such vowel of the stem, a surname's suffix
    (-ов/-ев) aside: «Ахметовтің» (Ахмет-), «Сапаровтың» (Сапар-)."""
    low = word.lower()
    if len(low) > 3 and low.endswith(_SURNAME_SUFFIXES):
        low = low[:-2]
    for letter in reversed(low):
        if letter in _FRONT:
            return True
        if letter in _BACK:
            return False
    return False


def kk_front(word: str) -> bool:
    """Whether a Kazakh word takes the front endings (vowel harmony: its last vowel)."""
    return _front(word)


def _last(word: str) -> str:
    letters = [c for c in word.lower() if c.isalpha()]
    return letters[-1] if letters else ""


def kk_ending(word: str, case: str) -> str:
    """The Kazakh case ending of a word by vowel harmony and its last sound: Сапаров -> -қа (dat), -тың (gen)."""
    front, last = _front(word), _last(word)
    vowel, voiceless, nasal = last in _VOWELS, last in _VOICELESS, last in _NASAL
    pick = (lambda back_form, front_form: front_form if front else back_form)
    if case == "dat":
        return pick("қа", "ке") if voiceless else pick("ға", "ге")
    if case == "gen":
        return pick("ның", "нің") if vowel or nasal else pick("тың", "тің") if voiceless else pick("дың", "дің")
    if case == "acc":
        return pick("ны", "ні") if vowel else pick("ты", "ті") if voiceless else pick("ды", "ді")
    if case == "loc":
        return pick("та", "те") if voiceless else pick("да", "де")
    if case == "abl":
        return pick("нан", "нен") if nasal else pick("тан", "тен") if voiceless else pick("дан", "ден")
    if case == "ins":
        return "пен" if voiceless else "бен" if last in "жз" else "мен"
    return ""


def decline_kk(text: str, case: str) -> str:
    """A Kazakh label in a case: the ending on its last word (a name written apart: "Сапаровқа";
    a phrase: "№ 60-НҚ нормативтік қаулының"). A label ending in a digit or a closing sign takes a hyphen."""
    if case == "nom" or case not in CASES or not text:
        return text
    stripped = text.rstrip()
    last = _last(stripped.split()[-1]) if stripped.split() else ""
    ending = kk_ending(stripped.split()[-1], case)
    if not last or not stripped[-1].isalpha():
        return stripped + "-" + ending
    return stripped + ending
