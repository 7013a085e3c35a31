"""Everything in the reader's language: the engine's words exist in kk, ru and en; the bundled kb has no
missing translation (titles, labels, readings, quotes, interpretations, citation forms); and every golden
under kk and ru is free of English words, except identifiers (atoms, ids, names the reader typed), Latin
maxims, and the texts shown in every language by design (the quotes' `quotes` table in JSON)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from engine.explain.i18n import QUESTION_WORDS, WORDS

GOLDEN = ROOT / "tests" / "golden"
LATIN = {"lex", "specialis", "superior", "posterior", "zan"}  # Latin maxims; the program's name
# JSON values that are identifiers of the contract (enums, ids), not prose
JSON_IDENTIFIERS = {"status", "kind", "reason", "principle", "modality", "compliance", "code", "change", "id",
                    "act", "citation", "citations", "norm", "atom", "condition", "source", "query", "bindings",
                    "schema", "trace", "quotes", "name", "did_you_mean", "from", "to", "at", "kb", "winner", "loser",
                    "quote_translation"}


def test_every_engine_word_has_three_languages():
    missing = [key for key, entry in WORDS.items() if set(entry) != {"en", "ru", "kk"} or not all(entry.values())]
    assert not missing
    for kind, by_language in QUESTION_WORDS.items():
        assert set(by_language) == {"en", "ru", "kk"}, kind


def duplicate_keys(source: str) -> list[tuple[int, object]]:
    """The keys a dict literal of `source` writes twice (the second silently replaces the first): (line, key)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            seen: set = set()
            for key in node.keys:
                if isinstance(key, ast.Constant):
                    if key.value in seen:
                        found.append((key.lineno, key.value))
                    seen.add(key.value)
    return found


def test_no_word_is_written_twice():
    """A catalogue entry written again further down (`WORDS`, the page's words, the messages) would replace the
    first one silently, and every sentence filled from the first would lose its slots."""
    assert duplicate_keys('WORDS = {"was": {"en": "was"}, "now": {}, "was": {"en": "{x}"}}') == [(1, "was")]
    found = [f"{path.relative_to(ROOT)}:{line}: {key!r}" for path in sorted((ROOT / "engine").rglob("*.py"))
             for line, key in duplicate_keys(path.read_text(encoding="utf-8"))]
    assert not found, found


def test_bundled_kb_has_no_missing_translation(zan):
    r = zan("check")
    assert "missing-translation" not in r.stderr, r.stderr


def _prose(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in JSON_IDENTIFIERS:
                yield from _prose(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _prose(v, key)
    elif isinstance(value, str):
        yield value


def _english_words(text: str, known: set[str]) -> list[str]:
    text = re.sub(r"<style>.*?</style>|<script>.*?</script>", " ", text, flags=re.S)
    text = re.sub(r"<code>.*?</code>|`[^`]*`", " ", text, flags=re.S)   # code: atoms and ids as written
    text = re.sub(r"<[^>]+>|&[a-z]+;", " ", text)                       # HTML tags and entities
    text = re.sub(r"\bnot\s+(?=[\w.]+\()", " ", text)                    # a negated condition
    text = re.sub(r"\b[\w.]+\([^()]*\)", " ", text)                      # atoms: call(kunakbaev, P, Purpose)
    text = re.sub(r"\b\w+(?:[._/:-]\w+)+", " ", text)                    # ids, citation keys, paths
    text = re.sub(r"\b[A-Z][A-Za-z]*\s*=", " ", text)                    # bindings: C = kunakbaev
    words = re.findall(r"[A-Za-z]{2,}", text)
    return [w for w in words if w.lower() not in LATIN and w not in known]


def _dot_labels(text: str) -> str:
    labels = re.findall(r'label="((?:[^"\\]|\\.)*)"', text)
    return "\n".join(re.sub(r"\\[nlr]", " ", label) for label in labels)   # DOT line breaks are not letters


@pytest.mark.parametrize("path", sorted(p for p in GOLDEN.rglob("*") if p.is_file()
                                        and re.search(r"(^|[.])(kk|ru)[.]", p.name)), ids=lambda p: str(p.relative_to(GOLDEN)))
def test_kk_ru_goldens_have_no_english(path, known_identifiers):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        text = "\n".join(_prose(json.loads(text)))
    elif path.suffix == ".dot":
        text = _dot_labels(text)
    english = _english_words(text, known_identifiers)
    assert not english, f"English words in {path.name}: {sorted(set(english))[:20]}"


@pytest.fixture(scope="module")
def known_identifiers():
    """Identifiers a reader sees as code: predicate names, constants, variables and act keys of the kb."""
    from engine.tools.understanding import knowledge
    from engine.pipeline import known_names

    kb = knowledge()
    found = set(kb.predicates) | set(kb.acts) | {str(x) for x in known_names(kb)}
    for decl in kb.predicates.values():
        found |= set(decl.parameters)
    return found


def test_every_template_is_filled_as_the_case_formatter_fills_it():
    """fill() uses str.format for a template without a `{slot:case}` and the case formatter otherwise: the same text
    either way, for every word of every language (values with the endings the cases change)."""
    import string

    from engine.explain.i18n import _CASE_SLOT, _Cases, fill

    cased = 0
    for entry in WORDS.values():
        for language, text in entry.items():
            names = {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(text) if field}
            values = {name: "Оспанов" for name in names}
            assert fill(text, language, **values) == _Cases(language).format(text, **values), text
            cased += bool(_CASE_SLOT.search(text))
    assert cased   # the case formatter is still reached
