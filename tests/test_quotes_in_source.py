"""Every Kazakh quote of the bundled law is the ruling's own words (issue 21, item 8).

The authority is the Kazakh text of Normative Resolution No. 60-НҚ, copied unchanged from the project's
sources into tests/inputs/sources/ (000_cbd2d4e1d2eee1aa.txt). Each Kazakh text of the knowledge base that
quotes it (a norm's `kk` quote and its `decisive kk` words, a reading's `supported by kk`, a «…» quoted in
an `interpretation kk`) is split at its ellipses ("...", "…") and at editorial brackets ("[Уәжді бөліктен:]"),
and every piece must be found in the ruling.

"Found" allows for one defect of the source only: its PDF extraction scrambled the word order around
article references ("ҚАК-тің  екінші 109-бабының бөлігі"), which the knowledge base puts back in order. So
a piece is found when its words (letters and digits apart, case and punctuation marks kept, quotation
marks ignored) all occur within one stretch of the ruling no more than SLACK words longer than the piece.
A changed word, a dropped word inside a piece, or a paraphrase is not found.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import KB
from engine.explain.render.common import excerpt
from engine.syntax.knowledge import kb_files, load

SOURCE = Path(__file__).parent / "inputs" / "sources" / "000_cbd2d4e1d2eee1aa.txt"
SLACK = 8

# Quotes the ruling does not contain, each declared as such in its norm's note (the Code's Art. 1(2) is not
# cited by the ruling; its Kazakh text is the Code's own).
NOT_FROM_THE_RULING = {"pec.1.2": "not taken from the ruling"}


def words(text: str) -> list[str]:
    text = text.lower().replace("i", "і")          # the source mixes Latin i and Kazakh і in some words
    return [w for w in re.findall(r"\d+|[^\W\d]+|[^\w\s]", text) if w not in {'"', "«", "»", "\\"}]


RULING = words(SOURCE.read_text(encoding="utf-8"))


def in_ruling(piece: str) -> bool:
    need = Counter(words(piece))
    if not need:
        return True
    width, have, deficit = sum(need.values()) + SLACK, Counter(), sum(need.values())

    def move(w: str, by: int) -> None:
        nonlocal deficit
        before = max(0, need[w] - have[w]) if w in need else 0
        have[w] += by
        if w in need:
            deficit += max(0, need[w] - have[w]) - before

    for i, w in enumerate(RULING):
        move(w, 1)
        if i >= width:
            move(RULING[i - width], -1)
        if deficit == 0:
            return True
    return False


def pieces(text: str) -> list[str]:
    text = re.sub(r"\[[^\]]*\]", "…", text)
    return [p.strip(" .,;:") for p in re.split(r"\.\.\.|…", text) if p.strip(" .,;:")]


def kazakh_quotes():
    kb = load(kb_files(KB))
    for nid, norm in sorted(kb.norms.items()):
        if nid in NOT_FROM_THE_RULING:
            continue
        for q in norm.quotes:
            if q.language == "kk":
                yield f"{nid} kk", q.text
        for d in norm.decisive:
            if d.language == "kk":
                yield f"{nid} decisive kk", d.text
        for i in norm.interpretations:
            if i.language == "kk":
                for quoted in re.findall(r"«([^»]*)»", i.text):
                    yield f"{nid} interpretation kk", quoted
    for name, reading in sorted(kb.readings.items()):
        for s in reading.supported_by:
            if s.language == "kk":
                yield f"reading {name} supported by kk", s.text


def test_the_source_is_the_ruling():
    assert "қаулы етеді" in SOURCE.read_text(encoding="utf-8")


def test_every_kazakh_quote_is_found_in_the_ruling():
    missing = [(where, piece) for where, text in kazakh_quotes() for piece in pieces(text) if not in_ruling(piece)]
    assert not missing, "\n".join(f"{where}: {piece}" for where, piece in missing)


@pytest.mark.parametrize("piece, found", [
    ("құқық қолдану практикасында түпкілікті болып қабылданбауға тиіс", True),
    ("құқық қолдану практикасында толық деп қаралмауы тиіс", False),        # a paraphrase
    ("Қазақстан Республикасы Қылмыстық-атқару кодексінің 109-бабының екінші бөлігі", True),   # scrambled in the PDF
    ("Конституцияның 11, 13 – 15-баптарында", True),
    ("Конституцияның 12, 13 – 15-баптарында", False),                       # a changed number
])
def test_the_search_finds_the_ruling_and_only_it(piece, found):
    assert in_ruling(piece) is found


def test_declared_exceptions_say_so():
    kb = load(kb_files(KB))
    for nid, why in NOT_FROM_THE_RULING.items():
        assert any(why in note for note in kb.norms[nid].notes), nid


# The words each quote is cited for survive its shortening in explanations (the narrowest width used, 160).
OPERATIVE = {
    "cc60.2": {"kk": "өзгеше түсіндіруге жол берілмейді", "ru": "иное их истолкование не допускается",
               "en": "no other interpretation of them is permitted"},
    "cc60.position.restrictions_by_law": {"kk": "заң деңгейінде ғана белгіленуі мүмкін",
                                          "ru": "только на уровне закона", "en": "only at the level of law"},
    "pec.1.2": {"kk": "егер заңда бұл көзделмеген болса", "ru": "если это не предусмотрено законом",
                "en": "if such are not provided by the Law"},
    "constitution.39.3": {"kk": "11, 13 – 15-баптарында", "ru": "статьями 11, 13–15", "en": "Articles 11, 13-15"},
}


@pytest.mark.parametrize("nid", sorted(OPERATIVE))
def test_shortened_quotes_keep_their_operative_words(nid):
    norm = load(kb_files(KB)).norms[nid]
    for q in norm.quotes:
        decisive = next((d.text for d in norm.decisive if d.language == q.language), None)
        shown = excerpt(q.text, 160, decisive)
        assert OPERATIVE[nid][q.language] in shown, (q.language, shown)
        assert not re.match(r"… \w*[^\s\w]*\w", shown) or shown[2:].split()[0] in q.text.split(), shown


def test_an_excerpt_never_starts_inside_a_word():
    text = "Конституцияның 11, 13 – 15-баптарында көзделген құқықтар " + "ешбір жағдайда да шектелмеуге тиіс " * 5
    shown = excerpt(text, 60, "11, 13 – 15-баптарында көзделген құқықтар " + "ешбір жағдайда да шектелмеуге тиіс " * 2)
    first = shown.removeprefix("… ").split()[0]
    assert first in text.split(), shown
