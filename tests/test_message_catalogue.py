"""Every diagnostic code is said in kk and ru (issue 24, item 7): generated from the codes (engine/base/diagnostics.py)
and a scan of engine/ for the places that emit them, so that a new code, or a new message of an old one, written as
English text rather than through the catalogue (engine/base/messages.py), or a catalogue entry without its kk or ru
form, fails here."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from engine.base.diagnostics import CODES, Diagnostic, Note
from engine.base.messages import LANGUAGES, MESSAGES, Said, either, listed, message, plural
from engine.base.source import Span
from engine.explain.i18n import WORDS
from engine.tools.exercises import WORDS as EXERCISE_WORDS

ENGINE = Path(__file__).resolve().parents[1] / "engine"

# Files whose diagnostics no Zan user reads: the datalog-conformance adapter raises them to the peers' suites,
# which compare the error kind only (docs/conformance.md).
NOT_FOR_READERS = {"conformance.py"}

# Expressions that are not the catalogue's but are said in the reader's language all the same, with why.
SAID_OTHERWISE = {
    ("tools/understanding.py", '"; ".join(hint_parts) or None'):
        "each part is said by word() in the question's language",
}

# The functions that say a message from a catalogue, with the catalogue(s) each reads.
CATALOGUES = {"message": (MESSAGES,), "word": (WORDS,), "tr": (EXERCISE_WORDS, WORDS)}


def _sources():
    for path in sorted(ENGINE.rglob("*.py")):
        relative = path.relative_to(ENGINE).as_posix()
        if relative not in NOT_FOR_READERS:
            yield relative, path.read_text(encoding="utf-8")


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


class Site:
    """One place that makes a Diagnostic or a Note: its file, line, code and the expressions of its texts."""

    def __init__(self, file: str, text: str, call: ast.Call):
        self.file, self.line, self.text = file, call.lineno, text
        kind = _name(call.func)
        positional = {"Diagnostic": ("code", "message", "span"), "Note": ("message", "span")}[kind]
        fields = dict(zip(positional, call.args))
        fields.update({k.arg: k.value for k in call.keywords if k.arg})
        code = fields.get("code")
        self.code = code.value if isinstance(code, ast.Constant) else None
        self.texts = [fields[f] for f in ("message", "hint") if f in fields]

    def __repr__(self):
        return f"engine/{self.file}:{self.line}"


def _sites() -> list[Site]:
    found = []
    for file, text in _sources():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Call) and _name(node.func) in ("Diagnostic", "Note") and \
                    not (isinstance(node.func, ast.Attribute) and node.func.attr == "Diagnostic"
                         and isinstance(node.func.value, ast.Name) and node.func.value.id == "t"):   # the LSP's own type
                found.append(Site(file, text, node))
    return found


SITES = _sites()


def _not_said(site: Site, expr: ast.expr) -> list[str]:
    """The parts of a diagnostic's text that are written as text in one language, not said through a catalogue."""
    if isinstance(expr, ast.IfExp):
        return _not_said(site, expr.body) + _not_said(site, expr.orelse)
    if isinstance(expr, ast.Constant) and expr.value is None:
        return []
    if isinstance(expr, (ast.Name, ast.Attribute, ast.Subscript)):
        return []   # a message made before (by the catalogue: the scan of its maker finds it) and passed on
    if isinstance(expr, ast.Call) and (_name(expr.func) in CATALOGUES or _name(expr.func) in ("said", "say", "_cannot_read")):
        return []
    source = ast.get_source_segment(site.text, expr)
    if (site.file, source) in SAID_OTHERWISE:
        return []
    return [source]


def _keys(tree_text: str):
    """(function, key or key pattern, line) for each catalogue call with a written key."""
    for node in ast.walk(ast.parse(tree_text)):
        if isinstance(node, ast.Call) and _name(node.func) in CATALOGUES and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield _name(node.func), re.escape(first.value), node.lineno
            elif isinstance(first, ast.JoinedStr):   # f"kind {kind}": a family of keys
                pattern = "".join(re.escape(p.value) if isinstance(p, ast.Constant) else ".+" for p in first.values)
                yield _name(node.func), pattern, node.lineno


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_said_in_kazakh_and_russian(code):
    sites = [s for s in SITES if s.code == code]
    emitted_elsewhere = {"question-syntax"}   # set on the parser's diagnostic with dataclasses.replace (engine/pipeline.py)
    assert sites or code in emitted_elsewhere, f"{code} is in CODES but nothing in engine/ emits it"
    english = {site: parts for site in sites if (parts := [p for t in site.texts for p in _not_said(site, t)])}
    assert not english, f"{code}: written in English, not through engine/base/messages.py: {english}"


def test_every_emitted_code_is_registered():
    assert {s.code for s in SITES if s.code} <= set(CODES)


def test_every_note_is_said_in_kazakh_and_russian():
    notes = [s for s in SITES if s.code is None and "Note(" in s.text.splitlines()[s.line - 1]]
    assert notes, "the scan finds the notes"
    english = {site: parts for site in notes if (parts := [p for t in site.texts for p in _not_said(site, t)])}
    assert not english, english


@pytest.mark.parametrize("file", sorted(f for f, _ in _sources()))
def test_every_key_the_code_says_has_kazakh_and_russian(file):
    text = (ENGINE / file).read_text(encoding="utf-8")
    for function, pattern, line in _keys(text):
        tables = CATALOGUES[function]
        keys = [k for table in tables for k in table if re.fullmatch(pattern, k)]
        if function != "message" and not keys:
            continue   # word() and tr() say an unknown key as it is (a status, a name): not a diagnostic's text
        assert keys, f"engine/{file}:{line}: {function}({pattern!r}) names no entry of the catalogue"
        for key in keys:
            forms = next(table[key] for table in tables if key in table)
            for language in ("kk", "ru"):
                assert forms.get(language), f"engine/{file}:{line}: {key!r} has no {language} form"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_entry_is_translated_not_copied(key):
    """A kk or ru form that is the English one again is a missing translation (unless it holds no words)."""
    forms = MESSAGES[key]
    assert set(forms) == set(LANGUAGES)
    words = re.sub(r"\{[^}]*\}|`[^`]*`|\"[^\"]*\"|'[^']*'|\([^)]*\)|[^\w]", " ", forms["en"]).split()
    if any(w.isalpha() and w.lower() not in ("kk", "ru", "en", "or", "and") for w in words):
        for language in ("kk", "ru"):
            assert forms[language] != forms["en"], (key, language)


def _fields(text: str) -> set[str]:
    return {f for _t, f, _s, _c in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_the_same_values_in_every_language(key):
    forms = MESSAGES[key]
    for language in ("kk", "ru"):
        assert _fields(forms[language]) == _fields(forms["en"]), (key, language)


def test_a_message_made_without_a_language_is_said_in_the_readers():
    said = message("unknown-reading", where=message("the norm", norm="law.1"), name="strict")
    assert isinstance(said, Said) and said == "the norm law.1 names the reading strict, which is not declared"
    assert said.to("ru") == "норма law.1 называет толкование strict, которое не объявлено"
    assert said.to("kk") == "law.1 нормасы жарияланбаған strict пайымын атайды"
    d = Diagnostic("unknown-reading", said, Span("kb/law.zan", 3, 5), notes=(Note(message("first declared here"), None),),
                   hint=message("declare reading"))
    russian = d.said("ru")
    assert (russian.code, russian.span) == (d.code, d.span) and russian.message == said.to("ru")
    assert russian.hint.startswith("объявите его") and russian.notes[0].message == "впервые объявлено здесь"
    assert d.render({}, "kk").startswith("kb/law.zan:3:5: қате: law.1 нормасы жарияланбаған")
    assert d.said("en") is d and d.render({}) == d.render({}, "en")


def test_a_message_said_in_a_language_stays_in_it():
    """The checks that know the reader's language say it at once; rendering in another does not undo it."""
    d = Diagnostic("unknown-reading", message("declare reading", "ru"), None)
    assert d.said("kk").message == d.message == "объявите его: `reading NAME ...`, или исправьте имя"


def test_lists_and_counts_agree():
    assert either(["a name", "'.'"]) == "a name or '.'"
    assert either([message("terminal IDENT"), message("terminal DATE"), "'.'"]).to("ru") == "имя, дата, напр. 2024-12-27 или '.'"
    assert either(["x", "y"]).to("kk") == "x немесе y"
    assert listed(["x", "y", "z"]).to("ru") == "x, y, z"
    assert [plural(n, "норма|нормы|норм", "ru") for n in (1, 2, 5, 11, 21, 22, 25)] == \
        ["норма", "нормы", "норм", "норм", "норма", "нормы", "норм"]
    arity = message("arity", name="p", count=2, signature="p(A, B)", given=1)
    assert arity == "p takes 2 arguments (p(A, B)), but 1 is given here"
    assert arity.to("ru") == "p принимает 2 аргумента (p(A, B)), а здесь дан 1"
    assert message("arity", "ru", name="p", count=5, signature="p(...)", given=21) == \
        "p принимает 5 аргументов (p(...)), а здесь дан 21"
    assert message("unstratifiable", "ru", names="a", count=1).startswith("нельзя стратифицировать предикат {a}")
    assert message("unstratifiable", "ru", names="a, b", count=2).startswith("нельзя стратифицировать предикаты {a, b}")


def test_counts_in_russian_agree_with_their_nouns():
    def checked(files, norms):
        return message("files checked", "ru", files=files, norms=norms, errors="", warnings="")
    assert checked(1, 1).startswith("1 файл, 1 норма:") and checked(2, 3).startswith("2 файла, 3 нормы:")
    assert checked(5, 21).startswith("5 файлов, 21 норма:") and checked(12, 14).startswith("12 файлов, 14 норм:")
    assert message("no such answer", "ru", number=3, count=2) == "--answer 3: у вопроса 2 ответа"
    assert message("unread-facts", "ru", name="p", more=5).count("ещё 5 фактов о p") == 1
    assert message("question arguments", "ru", name="q", count=1, parameters="C", given=2) == \
        "q принимает 1 аргумент (C), а дано 2"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_code_is_explained_in_kazakh_and_russian(language):
    from engine.checks.explanations import EXPLANATIONS, TRANSLATED, explain, meaning

    assert set(TRANSLATED[language]) == set(CODES) == set(EXPLANATIONS)
    for code in CODES:
        assert meaning(code, language) != CODES[code][1] and CYRILLIC.search(meaning(code, language)), code
        assert explain(code, language) != EXPLANATIONS[code] and CYRILLIC.search(explain(code, language)), code
        # what the paragraph quotes as code (`exception to`, `zan init`) it quotes in every language
        quoted = [set(re.findall(r"`[^`]*`", " ".join(text.split()))) for text in (EXPLANATIONS[code], explain(code, language))]
        assert quoted[0] - quoted[1] <= QUOTED_OTHERWISE, (code, language)


CYRILLIC = re.compile("[а-яәғқңөұүһі]", re.I)
# what a translation may write in its own words, though the English quotes it: placeholders of the syntax
QUOTED_OTHERWISE = {'`cites "act article.part.subparagraph"`', '`norm ID cites "act article" ...`', "`kind NAME ...`",
                    "`reading NAME ...`", "`zan query NAME`", "`zan exercises --topic NAME`",
                    "`[status] predicate(arg, ...)`", "`delegates exceptions to ACT`", "`constant NAME ...`",
                    "`from DATE to DATE`", "`at YYYY-MM-DD`", "`under reading NAME`", "`... under reading NAME`",
                    "`act article.part.subparagraph`"}


def test_zan_check_explains_and_lists_codes_in_the_readers_language(zan):
    russian = zan("check", "--explain", "exception-outranked", "--lang", "ru")
    assert russian.exit_code == 0
    assert russian.output.startswith("exception-outranked (предупреждение): норма акта меньшей юридической силы")
    assert "lex superior ограничивает lex specialis" in russian.output
    listed_kk = zan("check", "--list-codes", "--lang", "kk").output.splitlines()
    assert len(listed_kk) == len(CODES) and "қате" in listed_kk[0] and "грамматикасына" in listed_kk[0]
    unknown = zan("check", "--explain", "exception-outrank", "--lang", "kk")
    assert unknown.exit_code == 2 and "«exception-outrank» деген диагностика коды жоқ" in unknown.output
    assert "exception-outranked деп айтқыңыз келді ме?" in unknown.output
    english = zan("check", "--explain", "arity", "--lang", "en").output
    assert english.startswith("arity (error): a predicate is used with a different number of arguments than declared")


def test_the_pages_json_says_a_diagnostic_in_the_requests_language():
    pytest.importorskip("starlette")
    from engine.base.diagnostics import ZanError
    from engine.serve.app import diagnostics_json

    error = ZanError([Diagnostic("syntax", message("no full stop"), Span("<facts>", 2, 9), hint=message("add a full stop", line=3))])
    (english,), (kazakh,) = diagnostics_json(error)["errors"], diagnostics_json(error, "kk")["errors"]
    assert english["message"] == "this statement does not end with a full stop"
    assert kazakh["message"] == "бұл тұжырым нүктемен аяқталмаған" and kazakh["code"] == "syntax"
    assert "нұсқау: осында '.' қойыңыз; келесі тұжырым 3-жолда басталады" in kazakh["text"]
    assert (kazakh["file"], kazakh["line"], kazakh["column"]) == (english["file"], english["line"], english["column"])
