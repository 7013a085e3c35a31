"""Dates as a Kazakh or Russian lawyer writes them (issue 20): `say_date` of engine/explain/phrasebook.py in the
forms the sentences need, and a scan of the kk/ru goldens and of the flagship's outputs (every format, `zan diff`,
`zan cases`, --how, exercise sheets) that finds no ISO date in human text. JSON's data fields stay ISO; English
keeps ISO as it always wrote it."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from engine.explain.i18n import DATE_WORDS, MONTH_NAMES, word
from engine.explain.phrasebook import Phrasebook, say_date, say_in_force

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
GOLDEN = Path(__file__).parent / "golden"
D = datetime.date


@pytest.mark.parametrize("day, language, case, said", [
    (D(2024, 12, 27), "kk", None, "2024 жылғы 27 желтоқсан"),
    (D(2024, 12, 27), "kk", "abl", "2024 жылғы 27 желтоқсаннан"),    # «...бастап»
    (D(2024, 12, 27), "kk", "dat", "2024 жылғы 27 желтоқсанға"),     # «...дейін»
    (D(2025, 9, 1), "kk", "abl", "2025 жылғы 1 қыркүйектен"),         # front vowels, voiceless end
    (D(2025, 9, 1), "kk", "dat", "2025 жылғы 1 қыркүйекке"),
    (D(2025, 7, 5), "kk", "abl", "2025 жылғы 5 шілдеден"),            # ends in a vowel
    (D(2025, 3, 10), "kk", "dat", "2025 жылғы 10 наурызға"),
    (D(2025, 4, 2), "kk", "abl", "2025 жылғы 2 сәуірден"),
    (D(2024, 12, 27), "ru", None, "27 декабря 2024 г."),
    (D(2024, 12, 27), "ru", "gen", "27 декабря 2024 г."),            # «г.» stands after any preposition as it is
    (D(2025, 5, 1), "ru", None, "1 мая 2025 г."),
    (D(2024, 12, 27), "en", None, "2024-12-27"),                     # English keeps ISO
    ("2025-06-27", "ru", None, "27 июня 2025 г."),                   # the ISO of a JSON document, said
    ("?", "kk", None, "?"),                                          # no date: kept as written
])
def test_say_date(day, language, case, said):
    assert say_date(day, language, case) == said


def test_the_phrasebook_says_dates_and_the_page_shares_its_months():
    from engine.serve.words import WORDS as PAGE
    assert Phrasebook.date.__doc__ and "say_date" in Phrasebook.date.__doc__
    for language in ("kk", "ru", "en"):
        assert len(MONTH_NAMES[language]) == 12
        assert PAGE[language]["month names"].split("|") == list(MONTH_NAMES[language])
        assert PAGE[language]["date words"] == DATE_WORDS[language]


@pytest.mark.parametrize("key, values, said", [
    ("comes into force", {"date": "2024-12-27"}, "2024 жылғы 27 желтоқсаннан бастап күшінде"),
    ("ceases", {"date": "2025-06-27"}, "2025 жылғы 27 маусымға дейін күшінде"),
    ("not in force on", {"date": "2024-12-20"}, "2024 жылғы 20 желтоқсан күні күшінде емес"),
    # the conjunction «мен/бен/пен» written apart, by the last sound of the date before it
    ("diff title", {"before": "2024-12-26", "after": "2024-12-27"},
     "2024 жылғы 26 желтоқсан мен 2024 жылғы 27 желтоқсан арасындағы өзгерістер"),
    ("diff title", {"before": "2025-03-10", "after": "2025-03-11"},
     "2025 жылғы 10 наурыз бен 2025 жылғы 11 наурыз арасындағы өзгерістер"),
    ("diff title", {"before": "2025-09-01", "after": "2025-09-02"},
     "2025 жылғы 1 қыркүйек пен 2025 жылғы 2 қыркүйек арасындағы өзгерістер"),
])
def test_kazakh_sentences_decline_the_date(key, values, said):
    assert word(key, "kk", **{k: say_date(v, "kk") for k, v in values.items()}) == said


def test_russian_sentences():
    assert word("comes into force", "ru", date=say_date("2024-12-27", "ru")) == "действует с 27 декабря 2024 г."
    assert word("diff title", "ru", before=say_date("2024-12-26", "ru"), after=say_date("2024-12-27", "ru")) == \
        "изменения между 26 декабря 2024 г. и 27 декабря 2024 г."


# ---------------------------------------------------------------- a norm's dates in force (zan show, zan cases)

@pytest.mark.parametrize("start, end, language, said", [
    ("2015-01-01", None, "kk", "2015 жылғы 1 қаңтардан бастап күшіне енген"),
    ("2015-01-01", "2024-12-26", "kk",
     "2015 жылғы 1 қаңтардан бастап күшіне енген; 2024 жылғы 26 желтоқсанды қоса алғанға дейін күшінде"),
    ("2030-09-01", None, "kk", "2030 жылғы 1 қыркүйектен бастап күшіне енеді"),     # a day still to come
    ("2015-01-01", None, "ru", "вступила в силу 1 января 2015 г."),
    ("2015-01-01", "2024-12-26", "ru", "вступила в силу 1 января 2015 г.; действует до 26 декабря 2024 г. включительно"),
    ("2030-09-01", None, "ru", "вступает в силу 1 сентября 2030 г."),
    ("2015-01-01", "2024-12-26", "en", "in force from 2015-01-01; in force until 2024-12-26"),
])
def test_a_norms_dates_in_force_as_a_lawyer_writes_them(start, end, language, said):
    assert say_in_force(start, end, language, today=D(2026, 1, 1)) == said


@pytest.mark.parametrize("language, said, not_said", [
    ("kk", "2015 жылғы 1 қаңтардан бастап күшіне енген; 2024 жылғы 26 желтоқсанды қоса алғанға дейін күшінде",
     "күшіне енген күні"),
    ("ru", "вступила в силу 1 января 2015 г.; действует до 26 декабря 2024 г. включительно", "действует с"),
])
def test_zan_show_says_when_the_norm_entered_into_force(zan, language, said, not_said):
    out = zan("show", "pec.109.2.other.open", "--lang", language).output
    assert said in out and not_said not in out


@pytest.mark.parametrize("language, text, said", [
    ("kk", "Тәртіптік изолятордағы сотталған адвокатына қоңырау шала ала ма?",
     "(№ 60-НҚ нормативтік қаулының 1-тармағы, 2024 жылғы 27 желтоқсаннан бастап күшіне енген)"),
    ("ru", "Может ли осужденный в ШИЗО позвонить адвокату?",
     "(п. 1 нормативного постановления № 60-НП, действует с 27 декабря 2024 г.)"),
])
def test_a_general_answer_says_since_when_its_norm_decides(zan, language, text, said):
    out = zan("ask", text, "--at", "2025-01-15").output
    assert said in out and "күшіне енген күні" not in out


# ---------------------------------------------------------------- the scan

def _human(text: str, fmt: str) -> str:
    """What a reader reads: HTML without its tags (attributes such as data-date keep ISO)."""
    return re.sub(r"<[^>]*>", " ", text) if fmt == "html" else text


def _json_text(value, out: list[str]) -> list[str]:
    """The human strings of a JSON document: a string that is exactly an ISO date is a data field, not text."""
    if isinstance(value, dict):
        for v in value.values():
            _json_text(v, out)
    elif isinstance(value, list):
        for v in value:
            _json_text(v, out)
    elif isinstance(value, str) and not ISO.fullmatch(value):
        out.append(value)
    return out


def _documents(text: str) -> list:
    """The JSON documents of an output, one after another."""
    decoder, out, at = json.JSONDecoder(), [], 0
    while text[at:].strip():
        at += len(text[at:]) - len(text[at:].lstrip())
        value, at = decoder.raw_decode(text, at)
        out.append(value)
    return out


def test_no_iso_date_in_the_kk_ru_goldens():
    files = sorted(p for p in (GOLDEN / "explanations").rglob("*")
                   if p.is_file() and re.match(r"(kk|ru)\.|flagship\.(kk|ru)\.", p.name))
    assert len(files) >= 12
    found = [f"{p.relative_to(GOLDEN)}: {m.group(0)}" for p in files for m in ISO.finditer(p.read_text(encoding="utf-8"))]
    assert not found


def _outputs(zan, language: str) -> list[tuple[str, str, str]]:
    flagship = ("call(kunakbaev, P, Purpose)",)
    runs = [(fmt, ("ask", *flagship, "--at", "2024-12-20", "--explain", "--format", fmt))
            for fmt in ("text", "markdown", "html", "dot", "json")]
    runs += [(fmt, ("diff", *flagship, "--from", "2024-12-26", "--to", "2024-12-27", "--explain", "--format", fmt))
             for fmt in ("text", "markdown", "html", "dot", "json")]
    runs += [("text", ("ask", *flagship, "--at", "2024-12-20", "--how", "permitted")),
             *[(fmt, ("cases", *flagship, "--at", "2024-12-26", "--compare", "2024-12-27", "--format", fmt))
               for fmt in ("text", "markdown", "html")],
             ("text", ("exercises", "--count", "2", "--seed", "1", "--topic", "dates")),
             ("html", ("exercises", "--count", "2", "--seed", "1", "--topic", "dates", "--format", "html")),
             ("text", ("norms", "--at", "2025-01-15")),
             ("text", ("show", "cc60.1.legal_aid.contract"))]
    out = []
    for fmt, args in runs:
        result = zan(*args, "--lang", language)
        assert result.exit_code == 0, (args, result.output)
        assert "Traceback" not in result.output
        out.append((" ".join(args[:1]) + " " + fmt, fmt, result.stdout if fmt == "json" else result.output))
    return out


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_no_iso_date_in_kk_ru_outputs(zan, language):
    said = say_date("2024-12-27", language)
    seen_words = False
    for name, fmt, text in _outputs(zan, language):
        strings = _json_text(_documents(text), []) if fmt == "json" else [_human(text, fmt)]
        for s in strings:
            assert not ISO.search(s), f"{language} {name}: an ISO date in human text: {s[:300]!r}"
            seen_words = seen_words or said in s
    assert seen_words, f"the ruling's day is said in words somewhere ({said})"


def test_english_keeps_iso(zan):
    out = zan("diff", "call(kunakbaev, P, Purpose)", "--from", "2024-12-26", "--to", "2024-12-27").output
    assert "came into force on 2024-12-27" in out


# ---------------------------------------------------------------- the scan of diagnostics, hover and `zan test`

_OUTSIDE = '''
norm example.9.early
  cites "example 1"
  kk "Кітапханашы кітапты береді." ru "Библиотекарь выдаёт книгу." en "The librarian lends the book."
  in force from 2024-06-01 to 2026-12-31
  permitted borrow(P, I) if member(P) and book(I) and not reference_book(I).
'''
_FAILING = '''scenario dated
  en "A scenario that fails, so that its report is shown"
  at 2025-03-01
  given
    member(aigerim).
  expect borrow(aigerim, abai_path) is permitted
    decided by example.1.borrow.
'''


@pytest.fixture
def dated_project(tmp_path):
    """A project of `zan init` with a norm in force beyond its act's dates (a warning that prints them) and a
    scenario that fails (a report that prints its date)."""
    from conftest import run_checkout

    assert run_checkout("init", "dated", cwd=tmp_path).returncode == 0
    root = tmp_path / "dated"
    law = root / "kb" / "law.zan"
    law.write_text(law.read_text(encoding="utf-8") + _OUTSIDE, encoding="utf-8")
    (root / "kb" / "scenarios" / "dated.scenario").write_text(_FAILING, encoding="utf-8")
    return root


def _message_lines(text: str, language: str) -> list[str]:
    """The lines of diagnostics a reader reads: each header and note (file:line:col: severity: message) without its
    location, and each hint; never the echoed source line of the author's text or its caret."""
    from engine.base.messages import message

    out = []
    for line in text.splitlines():
        header = re.match(r"^\S.*?:\d+:\d+: (.*)$", line)
        if header:
            out.append(header.group(1))
        elif line.strip().startswith(message("hint", language) + ":"):
            out.append(line)
    return out


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_no_iso_date_in_kk_ru_diagnostics(dated_project, language):
    """`zan check` and the language server's diagnostics say the dates of their messages in words."""
    from conftest import run_checkout
    from engine.lsp.documents import Documents

    run = run_checkout("check", "--lang", language, cwd=dated_project)
    lines = _message_lines(run.stderr + run.stdout, language)
    dated = [line for line in lines if "[validity-outside-act]" in line or say_date("2025-01-01", language) in line]
    assert dated, run.stderr
    assert say_date("2024-06-01", language, "abl" if language == "kk" else None) in "\n".join(lines)
    assert not [line for line in lines if ISO.search(line)], lines
    documents = Documents()
    documents.locale = language
    law = (dated_project / "kb" / "law.zan").resolve()
    documents.open[law] = law.read_text(encoding="utf-8")
    said = [d.message for d in documents.check(law).diagnostics] + [note.message for d in documents.check(law).diagnostics
                                                                  for note in d.notes]
    assert any(say_date("2024-06-01", language, "abl" if language == "kk" else None) in m for m in said), said
    assert not [m for m in said if ISO.search(m)], said


@pytest.mark.parametrize("language, words", [("kk", ("акт", "заңдық күші", "жарияланған орны")),
                                             ("ru", ("акт", "юридическая сила", "объявлено"))])
def test_hover_is_in_the_readers_language_with_dates_in_words(dated_project, language, words):
    from engine.lsp.documents import Documents

    documents = Documents()
    law = (dated_project / "kb" / "law.zan").resolve()
    text = law.read_text(encoding="utf-8")
    documents.open[law] = text
    row = next(i for i, line in enumerate(text.split("\n")) if line.startswith("act example"))
    hover = documents.hover(law, row, len("act ex"), language)
    assert hover and all(w in hover for w in words), hover
    assert say_date("2025-01-01", language, "abl" if language == "kk" else None) in hover
    assert not ISO.search(hover) and "declared at" not in hover and "in force" not in hover, hover
    norm_row = next(i for i, line in enumerate(text.split("\n")) if line.startswith("norm example.9.early"))
    norm = documents.hover(law, norm_row, len("norm example.9"), language)
    assert norm and "norm**" not in norm and not ISO.search(norm.split("declared")[0]), norm


@pytest.mark.parametrize("language, failed, passed", [("kk", "ӨТПЕДІ dated", "бәрі орындалды"),
                                                      ("ru", "НЕ ПРОЙДЕНО dated", "все выполнены")])
def test_zan_test_speaks_the_readers_language_with_dates_in_words(dated_project, language, failed, passed):
    from conftest import run_checkout

    run = run_checkout("test", "-v", "--lang", language, cwd=dated_project)
    assert run.returncode == 1 and failed in run.stdout, run.stdout + run.stderr
    report = [line for line in run.stdout.splitlines() if failed in line]
    assert say_date("2025-03-01", language) in report[0]
    assert "FAIL" not in run.stdout and " ok " not in run.stdout and "expected" not in run.stdout
    for line in run.stdout.splitlines():
        header = re.match(r"^\S.*?:\d+:\d+: (.*)$", line)
        assert not (header and ISO.search(header.group(1))), line
    (dated_project / "kb" / "scenarios" / "dated.scenario").unlink()
    run = run_checkout("test", "--lang", language, cwd=dated_project)
    assert run.returncode == 0 and passed in run.stdout, run.stdout + run.stderr


@pytest.mark.parametrize("language, head, missing", [("kk", "қамту: ", "қамтылмағаны:"), ("ru", "покрытие: ", "не покрыто:")])
def test_zan_test_coverage_speaks_the_readers_language(dated_project, language, head, missing):
    from conftest import run_checkout

    (dated_project / "kb" / "scenarios" / "dated.scenario").unlink()
    run = run_checkout("test", "--coverage", "--lang", language, cwd=dated_project)
    assert run.returncode == 0 and head in run.stdout and missing in run.stdout, run.stdout + run.stderr
    assert "coverage" not in run.stdout and "never" not in run.stdout and "not covered" not in run.stdout, run.stdout


@pytest.mark.parametrize("language, score, earlier", [("kk", "мутация бағасы: ", "бір күн"), ("ru", "оценка мутаций: ", "на день")])
def test_zan_test_mutate_speaks_the_readers_language(tmp_path, language, score, earlier):
    """`zan test --mutate -v`: each mutant, its fate and the score in the reader's language; a moved date in words."""
    from conftest import run_checkout

    assert run_checkout("init", "m", cwd=tmp_path).returncode == 0
    run = run_checkout("test", "--mutate", "-v", "--lang", language, cwd=tmp_path / "m")
    assert run.returncode == 0 and score in run.stdout and earlier in run.stdout, run.stdout + run.stderr
    assert say_date("2025-01-02", language, "abl" if language == "kk" else None) in run.stdout
    assert not {"mutation score", "killed", "a day later", "SURVIVED"} & set(re.findall(r"[a-zA-Z][a-zA-Z ]+", run.stdout))
    for line in run.stdout.splitlines():
        header = re.match(r"^\S.*?:\d+:\d+: (.*)$", line)
        assert not (header and ISO.search(header.group(1))), line


def test_a_failed_expectation_says_what_it_found_in_the_readers_language(dated_project):
    from conftest import run_checkout

    scenario = dated_project / "kb" / "scenarios" / "dated.scenario"
    scenario.write_text(_FAILING.replace("decided by example.1.borrow.", "decided by example.1.borrow\n    cites \"example 9\"."),
                        encoding="utf-8")
    run = run_checkout("test", "--lang", "ru", cwd=dated_project)
    assert "на деле   нет ссылок" in run.stdout, run.stdout
    assert "no citation" not in run.stdout and "no answer" not in run.stdout
