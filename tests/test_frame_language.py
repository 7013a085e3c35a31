"""The done-when scan of issue 20 (items 5 and 8): every kk/ru golden, and every kk/ru output whose frame item 8
names (`zan cases` with a second date and a second reading, --how's sets, exercise sheets with their level, seed,
topic and norm options, `zan diff`, the page's words), has no English word outside identifiers (atoms, ids, code
spans), and in Russian no name left in the nominative after a preposition or after a word in an indirect case
(pymorphy3 tells the case: «осужденного Кунакбаев», «с Оспанов» would fail)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import CASES, ROOT
from engine.explain.morphology import _analyzer, case_after, decline_ru
from test_i18n_words import _dot_labels, _english_words, _prose

GOLDEN = ROOT / "tests" / "golden"
EXAMPLE5 = CASES / "example5-no-death-certificate.facts"
# case texts a bundled case file writes in one language (a free-text fact): data, not the frame
CASE_TEXTS = re.compile(r"the birth of his child")


@pytest.fixture(scope="module")
def kb():
    from engine.tools.understanding import knowledge

    return knowledge()


@pytest.fixture(scope="module")
def identifiers(kb):
    from engine.pipeline import known_names

    found = set(kb.predicates) | set(kb.acts) | {str(x) for x in known_names(kb)} | set(kb.readings)
    for decl in kb.predicates.values():
        found |= set(decl.parameters)
    return found


def _preposition(word: str) -> bool:
    analyzer = _analyzer()
    return analyzer is not None and any(p.tag.POS == "PREP" for p in analyzer.parse(word.lower()))


def undeclined(text: str, names: set[str]) -> list[str]:
    """Russian names in the nominative where the word before needs another case: a preposition, or a noun,
    adjective or participle in an indirect case it agrees with."""
    found = []
    for name in names:
        if decline_ru(name, "gen") == name:   # indeclinable (a foreign name): nothing to see
            continue
        for m in re.finditer(r"(\w+) " + re.escape(name) + r"(?![\w-])", text):
            before = m.group(1)
            if _preposition(before) or case_after(before):
                found.append(m.group())
    return found


def _names(kb) -> set[str]:
    return {label.text for c in kb.constants.values() for label in c.labels
            if label.language == "ru" and label.text[:1].isupper() and " " not in label.text}


# JSON values of the exercise sheets that are identifiers (a status, a topic word, the language code), not prose
SHEET_IDENTIFIERS = {"lang", "topics", "topic", "status_before", "value", "source"}


def _without(value, keys):
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def _scanned(text: str, suffix: str) -> str:
    if suffix == ".json":
        return "\n".join(_prose(_without(json.loads(text), SHEET_IDENTIFIERS)))
    if suffix == ".dot":
        return _dot_labels(text)
    text = re.sub(r"\b(?:permitted|prohibited|obligatory|discretionary|undetermined)\s+(?=\w+\()", " ", text)  # a query
    return CASE_TEXTS.sub(" ", text)


def _check(text: str, suffix: str, language: str, kb, identifiers, what: str) -> None:
    prose = _scanned(text, suffix)
    english = _english_words(prose, identifiers)
    assert not english, f"English words in {what}: {sorted(set(english))[:20]}"
    if language == "ru":
        wrong = undeclined(re.sub(r"<[^>]+>", " ", prose), _names(kb))
        assert not wrong, f"undeclined names in {what}: {wrong[:10]}"


def test_the_scan_sees_what_it_must():
    from engine.tools.understanding import knowledge

    names = _names(knowledge())
    assert undeclined("вопрос осужденного Кунакбаев о звонке", names) == ["осужденного Кунакбаев"]
    assert undeclined("разговор с Оспанов", names) == ["с Оспанов"]
    assert undeclined("разговор с Оспановым осужденного Кунакбаева; Кунакбаев звонит", names) == []
    assert _english_words("статус: permitted", set()) == ["permitted"]


KK_RU_GOLDENS = sorted(p for p in GOLDEN.rglob("*") if p.is_file() and re.search(r"(^|[.])(kk|ru)[.]", p.name))


@pytest.mark.parametrize("path", KK_RU_GOLDENS, ids=lambda p: str(p.relative_to(GOLDEN)))
def test_every_kk_ru_golden(path, kb, identifiers):
    language = "kk" if re.search(r"(^|[.])kk[.]", path.name) else "ru"
    _check(path.read_text(encoding="utf-8"), path.suffix, language, kb, identifiers, str(path.relative_to(GOLDEN)))


def test_the_goldens_are_many():
    assert len(KK_RU_GOLDENS) >= 10


# the outputs of item 8, generated: (arguments, format)
FRAME = {
    "cases, a second date": (["cases", "call(C, P, social_ties)", "--at", "2025-01-15", "--given", "in_disciplinary_isolator(c)",
                              "--compare", "2024-12-26"], "text"),
    "cases, a second reading": (["cases", "call(C, P, social_ties)", "--at", "2025-01-15", "--given",
                                 "in_disciplinary_isolator(c)", "--versus-reading", "point_1_words"], "markdown"),
    "cases as a page": (["cases", "call(C, P, legal_aid)", "--at", "2025-01-15", "--compare", "2024-12-26"], "html"),
    "how-sets": (["ask", "call(bekov, daulet, social_ties)", "--facts", str(EXAMPLE5), "--at", "2025-03-10", "--how",
                  "permitted"], "text"),
    "how-sets as a page": (["ask", "call(bekov, daulet, social_ties)", "--facts", str(EXAMPLE5), "--at", "2025-03-10",
                            "--how", "permitted"], "html"),
    "exercises with the key": (["exercises", "--level", "2", "--seed", "3", "--key"], "text"),
    "exercises on a topic": (["exercises", "--level", "2", "--topic", "death"], "html"),
    "exercises as data": (["exercises", "--level", "2", "--topic", "legal_aid"], "json"),
    # the explanations themselves (most goldens of the bundled kb were retired: issue 26.6), every format
    "explanation": (["ask", "call(bekov, daulet, P)", "--facts", str(EXAMPLE5), "--at", "2025-03-10", "--explain"], "text"),
    "explanation in steps": (["ask", "call(bekov, daulet, social_ties)", "--facts", str(EXAMPLE5), "--at", "2025-03-10",
                              "--steps"], "text"),
    "explanation as a handout": (["ask", "call(kunakbaev, P, Purpose)", "--at", "2025-01-15", "--explain"], "markdown"),
    "explanation as a page": (["ask", "call(kunakbaev, P, Purpose)", "--at", "2025-01-15"], "html"),
    "explanation as a graph": (["ask", "call(bekov, daulet, social_ties)", "--facts", str(EXAMPLE5), "--at", "2025-03-10"],
                               "dot"),
    "explanation as data": (["ask", "call(bekov, daulet, P)", "--facts", str(EXAMPLE5), "--at", "2025-03-10"], "json"),
    "an obligation's deadline": (["ask", "obligatory amend(Body, Act)", "--at", "2025-07-01", "--explain"], "text"),
    "diff": (["diff", "call(kunakbaev, P, Purpose)", "--from", "2024-12-26", "--to", "2024-12-27"], "text"),
    "diff as a page": (["diff", "call(kunakbaev, P, Purpose)", "--from", "2024-12-26", "--to", "2024-12-27"], "html"),
    "diff as data": (["diff", "call(kunakbaev, P, Purpose)", "--from", "2024-12-26", "--to", "2024-12-27"], "json"),
}


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("what", sorted(FRAME))
def test_every_frame_of_item_8(zan, kb, identifiers, what, language):
    args, fmt = FRAME[what]
    result = zan(*args, "--format", fmt, "--lang", language)
    assert result.exit_code == 0, result.output
    _check(result.stdout, {"json": ".json", "html": ".html", "markdown": ".md", "dot": ".dot"}.get(fmt, ".txt"), language, kb,
           identifiers, f"{what} ({language})")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_pages_words(language):
    from engine.serve.app import page_words

    words = page_words()[language]   # (the month words read dates in every language: by design)
    english = [key for key, text in words.items() if not key.startswith("month ") and re.search(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}|`[^`]*`", "", text))
               and text == page_words()["en"].get(key)]
    assert not english, english
    assert words["was"] != page_words()["en"]["was"]
