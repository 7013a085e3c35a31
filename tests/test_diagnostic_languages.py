"""Each kind of mistake a rule author makes, planted in a small project (`zan init`), said in Kazakh and Russian with
the same code, the same place and the same hints as in English (issue 24, item 7): `zan check --lang`, the
project's `lang` (zan.toml), `zan test`/`zan ask` for scenarios, case files and the command line, and the language
server's locale. The English messages themselves are the goldens' (tests/golden/core-diagnostics)."""

from __future__ import annotations

import re

import pytest

LAW = "kb/law.zan"
NORM_1 = "norm example.1.borrow\n  cites \"example 1\"\n"
HIGHER = ('act higher\n  kk "Жоғары акт"\n  ru "Высший акт"\n  en "Higher act"\n  rank 20\n  in force from 2025-01-01.\n\n'
          'norm higher.1.ban\n  cites "higher 1"\n  kk "Тыйым салынады."\n  ru "Запрещается."\n  en "It is banned."\n'
          '  prohibited borrow(P, I)\n  if member(P)\n  and book(I).\n')
NORM_3 = ('norm example.3.{name}\n  cites "example 3"\n  kk "Мәтін."\n  ru "Текст."\n  en "Text."\n{extra}'
          '  {modality} borrow(P, I)\n  if member(P)\n  and book(I).\n')


def _norm3(name="more", modality="permitted", extra=""):
    return NORM_3.format(name=name, modality=modality, extra=extra)


def _pq(body_p, body_q):
    return ('predicate p(Person)\n  kk "p"\n  ru "p"\n  en "p".\npredicate q(Person)\n  kk "q"\n  ru "q"\n  en "q".\n'
            f"p(X) if {body_p}.\nq(X) if {body_q}.\n")


# (id, files to add {path: text}, replacements in kb/law.zan, code, words of the Russian message, of the Kazakh one)
CHECK_CASES = [
    ("missing-full-stop", {"kb/more.zan": "member(aigul)\nbook(abai).\n"}, [], "syntax",
     "это утверждение не заканчивается точкой", "бұл тұжырым нүктемен аяқталмаған"),
    ("unexpected-character", {"kb/more.zan": "member('aigul').\n"}, [], "syntax",
     "неожиданный символ «'»; ожидалось: дата, напр. 2024-12-27, имя, число, ')' или текст в кавычках",
     "күтілмеген таңба «'»; күтілгені: күн, мысалы 2024-12-27, атау, сан, ')' немесе тырнақшадағы мәтін"),
    ("misspelt-keyword", {"kb/more.zan": "forbidden borrow(P, I) if member(P) and book(I).\n"}, [], "syntax",
     "«forbidden» в этом месте не слово языка", "«forbidden» бұл жерде тілдің сөзі емес"),
    ("invalid-date", {"kb/more.zan": "member(aigul) from 2025-02-30.\n"}, [], "invalid-date",
     "2025-02-30 — такого дня нет в календаре", "2025-02-30 — күнтізбеде мұндай күн жоқ"),
    ("duplicate-id", {"kb/more.zan": 'predicate member(Person)\n  kk "a"\n  ru "a"\n  en "a".\n'}, [], "duplicate-id",
     "предикат member объявлен дважды", "member предикаты екі рет жарияланған"),
    ("unstratifiable", {"kb/more.zan": _pq("member(X) and not q(X)", "member(X) and not p(X)")}, [], "unstratifiable",
     "нельзя стратифицировать предикаты {p, q}", "{p, q} предикаттарын стратификациялау мүмкін емес"),
    ("arity", {"kb/more.zan": "member(aigul, abai).\n"}, [], "arity",
     "member принимает 1 аргумент (member(Person)), а здесь дано 2", "member 1 аргумент алады"),
    ("exception-outranked", {"kb/higher.zan": HIGHER}, [("  exception to example.1.borrow\n",
                                                         "  exception to example.1.borrow\n  exception to higher.1.ban\n")],
     "exception-outranked", "акт меньшей юридической силы не может установить исключение",
     "заңдық күші төмен акт заңдық күші жоғары актінің нормасынан ерекшелік белгілей алмайды"),
    ("exception-never-bites", {"kb/more.zan": _norm3(extra="  exception to example.1.borrow\n")}, [],
     "exception-never-bites", "норма example.3.more — исключение из нормы example.1.borrow, но обе — permitted",
     "example.3.more нормасы — example.1.borrow нормасынан ерекшелік, бірақ екеуі де — permitted"),
    ("unresolved-conflict", {"kb/more.zan": _norm3(modality="prohibited")}, [], "unresolved-conflict",
     "ни одна не имеет приоритета: одинаковая юридическая сила (10)", "ешқайсысы басым болмайды: заңдық күші бірдей (10)"),
    ("validity-outside-act", {"kb/more.zan": _norm3(extra="  in force from 2024-06-01\n")}, [], "validity-outside-act",
     "норма example.3.more действует с 1 июня 2024 г., за пределами срока действия её акта example",
     "example.3.more нормасы 2024 жылғы 1 маусымнан бастап күшінде"),
    ("norm-never-in-force", {"kb/more.zan": _norm3(extra="  in force from 2020-01-01 to 2020-12-31\n")}, [],
     "norm-never-in-force", "норма example.3.more действует с 1 января 2020 г. по 31 декабря 2020 г.",
     "example.3.more нормасы 2020 жылғы 1 қаңтардан бастап 2020 жылғы 31 желтоқсанды қоса алғанға дейін күшінде"),
    ("unknown-reading", {}, [(NORM_1, NORM_1 + "  under reading strict\n")], "unknown-reading",
     "норма example.1.borrow называет толкование strict, которое не объявлено",
     "example.1.borrow нормасы жарияланбаған strict пайымын атайды"),
    ("reading-without-default", {"kb/more.zan": 'reading wide\n  en "wide" ru "широкое" kk "кең".\n'
                                                'reading narrow\n  en "narrow" ru "узкое" kk "тар"\n  instead of wide.\n'},
     [], "reading-without-default", "у альтернативных толкований narrow, wide нет толкования по умолчанию",
     "narrow, wide балама пайымдарының ішінде әдепкісі жоқ"),
    ("duplicate-phrase", {}, [('  en "member"\n', '  en "member"\n  phrase ru "абонент"\n  phrase ru "Абонент"\n')],
     "duplicate-phrase", "у member дважды дана фраза ru «Абонент»", "member үшін ru «Абонент» тіркесі екі рет берілген"),
    ("mixed-script", {"kb/more.zan": "member(\u043espanov).\n"}, [], "mixed-script",
     "в имени константы «оspanov» смешаны буквы разных письменностей (2): кириллица («о»), латиница («s»)",
     "«оspanov» константа атауында 2 түрлі жазудың әріптері араласқан"),
    ("unnormalized-name", {"kb/more.zan": 'member("jose\u0301").\n'}, [], "unnormalized-name",
     "имя константы «jose\u0301» записано с комбинируемыми знаками", "біріктірілетін таңбалармен жазылған"),
    ("conclusion-as-fact", {"kb/more.zan": "borrow(aigul, abai).\n"}, [], "conclusion-as-fact",
     "borrow(aigul, abai) утверждает заключение: является ли borrow(...) permitted или prohibited, решают нормы",
     "borrow(...) permitted немесе prohibited бола ма — мұны нормалар шешеді"),
    ("condition-on-conclusion", {"kb/more.zan": _pq("member(X) and borrow(X, abai)", "member(X)")}, [],
     "condition-on-conclusion", "нормы устанавливают borrow (permitted или prohibited); это условие читает только факты borrow",
     "нормалар borrow қорытындылайды (permitted немесе prohibited)"),
    ("decisive-not-in-quote", {}, [(NORM_1, NORM_1 + '  decisive en "may lend"\n')], "decisive-not-in-quote",
     "решающих слов нормы example.1.borrow (en) нет в её цитате en", "example.1.borrow нормасының шешуші сөздері (en)"),
    ("exception-cycle", {}, [(NORM_1, NORM_1 + "  exception to example.2.reference\n")], "exception-cycle",
     "нормы являются исключениями друг из друга по кругу: example.1.borrow -> example.2.reference -> example.1.borrow",
     "нормалар бір-бірінен тұйық шеңбер бойынша ерекшелік болып тұр"),
    ("unknown-placeholder", {}, [('reads ru "{Person} является читателем', 'reads ru "{Persn} является читателем')],
     "unknown-placeholder", "{Persn} — не аргумент предиката member", "{Persn} — member предикатының аргументі емес"),
    ("unknown-act", {}, [('cites "example 2"', 'cites "exampel 2"')], "unknown-act",
     "ссылка называет акт exampel, который не объявлен", "сілтеме жарияланбаған exampel актісін атайды"),
    ("bad-predicate-name", {"kb/more.zan": 'predicate Member2(Person)\n  kk "a"\n  ru "a"\n  en "a".\n'}, [],
     "bad-predicate-name", "имя предиката должно начинаться со строчной буквы: Member2",
     "предикат атауы кіші әріптен басталуы тиіс: Member2"),
    ("modality-outside-norm", {"kb/more.zan": "permitted book(abai).\n"}, [], "modality-outside-norm",
     "`permitted` вне нормы", "`permitted` нормадан тыс"),
    ("invalid-interval", {"kb/more.zan": "member(aigul) from 2025-03-01 to 2025-01-01.\n"}, [], "invalid-interval",
     "интервал заканчивается (1 января 2025 г.) раньше, чем начинается (1 марта 2025 г.)", "аралық басталмай (2025 жылғы 1 наурыз) тұрып"),
    ("unknown-norm", {}, [("  exception to example.1.borrow\n", "  exception to example.1.borow\n")], "unknown-norm",
     "`exception to` называет норму example.1.borow, которая не объявлена",
     "`exception to` жарияланбаған example.1.borow нормасын атайды"),
    ("unsafe-variable", {"kb/more.zan": "member(X).\n"}, [], "unsafe-variable", "факт не может содержать переменную X",
     "фактіде X айнымалысы болмайды"),
    ("single-use-variable", {}, [("  and book(I).", "  and book(J).")], "single-use-variable",
     "переменная J встречается в этой норме только один раз", "J айнымалысы бұл нормада бір-ақ рет кездеседі"),
    ("for-every-constant", {"kb/more.zan": _pq("member(X) and for every y such that book(y): member(X)", "member(X)")},
     [], "syntax", "после `for every` идут переменные (с заглавной буквы), а не константа y",
     "`for every` тіркесінен кейін y константасы емес"),
    ("unreadable-file", {"kb/more.zan": "member(aigul).\x00\n"}, [], "unreadable-file",
     "это двоичный файл, а не текст (в нём есть байт NUL)", "бұл мәтін емес, екілік файл (онда NUL байты бар)"),
]

LINE = re.compile(r"^(\S+:\d+:\d+): (?:error|warning|ошибка|предупреждение|қате|ескерту): (.*) \[([a-z-]+)\]$", re.M)
HINT = re.compile(r"^  (?:hint|подсказка|нұсқау): (.*)$", re.M)
NOTE = re.compile(r"^(\S+:\d+:\d+): (?:note|примечание|ескертпе): (.*)$", re.M)
CYRILLIC = re.compile("[а-яәғқңөұүһі]", re.I)


@pytest.fixture
def project(tmp_path, zan, monkeypatch):
    folder = tmp_path / "law"
    assert zan("init", str(folder)).exit_code == 0
    monkeypatch.chdir(folder)
    return folder


def _plant(folder, files, replacements):
    for name, text in files.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    law = folder / LAW
    text = law.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    law.write_text(text, encoding="utf-8")


def _said(output: str):
    """(place, code) of each diagnostic, the places of its notes, and its messages, hints and notes."""
    places = [(m.group(1), m.group(3)) for m in LINE.finditer(output)]
    words = [m.group(2) for m in LINE.finditer(output)] + HINT.findall(output) + [m.group(2) for m in NOTE.finditer(output)]
    return places, [m.group(1) for m in NOTE.finditer(output)], words


def _same_but_said_otherwise(english: str, other: str, language: str):
    places, notes, words = _said(english)
    its_places, its_notes, its_words = _said(other)
    assert places and its_places == places, (english, other)
    assert its_notes == notes and len(its_words) == len(words), (english, other)
    for mine, theirs in zip(words, its_words):
        assert CYRILLIC.search(theirs) or theirs == mine and not re.search(r"[a-z]{4,} [a-z]{3,}", mine), (language, theirs)
        if re.search(r"\b(is|are|the|not|of|a|an)\b", mine):
            assert theirs != mine, (language, mine)


@pytest.mark.parametrize("case", CHECK_CASES, ids=[c[0] for c in CHECK_CASES])
def test_each_mistake_in_kazakh_and_russian_with_the_same_code_and_place(project, zan, case):
    _id, files, replacements, code, russian, kazakh = case
    _plant(project, files, replacements)
    english = zan("check", "--lang", "en")
    assert code in [c for _p, c in _said(english.stderr)[0]], english.stderr
    for language, words in (("ru", russian), ("kk", kazakh)):
        result = zan("check", "--lang", language)
        assert result.exit_code == english.exit_code
        assert words in result.stderr, result.stderr
        _same_but_said_otherwise(english.stderr, result.stderr, language)


def test_the_projects_lang_says_a_syntax_error_in_kazakh(project, zan):
    _plant(project, {"kb/more.zan": "member(aigul)\nbook(abai).\n"}, [])
    toml = project / "zan.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('lang = "en"', 'lang = "kk"'), encoding="utf-8")
    result = zan("check")
    assert result.exit_code == 1
    assert "kb/more.zan:1:14: қате: бұл тұжырым нүктемен аяқталмаған [syntax]" in result.stderr, result.stderr
    assert "  нұсқау: осында '.' қойыңыз; келесі тұжырым 2-жолда басталады" in result.stderr
    assert "this statement" in zan("check", "--lang", "en").stderr


def test_a_broken_project_file_in_russian(project, zan):
    toml = project / "zan.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + 'colour = "red"\nlang = "de"\n', encoding="utf-8")
    toml.write_text(toml.read_text(encoding="utf-8").replace('lang = "en"\n', ""), encoding="utf-8")
    english, russian = zan("check", "--lang", "en"), zan("check", "--lang", "ru")
    assert english.exit_code == russian.exit_code == 1
    assert "unknown key 'colour' in [project] [invalid-project]" in english.stderr, english.stderr
    assert "неизвестный ключ «colour» в [project] [invalid-project]" in russian.stderr, russian.stderr
    assert "неизвестный язык «de» [invalid-project]" in russian.stderr and "  подсказка: языки: kk, ru и en" in russian.stderr
    _same_but_said_otherwise(english.stderr, russian.stderr, "ru")


def test_a_case_file_that_holds_law_in_kazakh(project, zan):
    case = project / "kb" / "cases" / "law.facts"
    case.write_text("member(aigul).\npermitted borrow(P, I) if member(P).\n", encoding="utf-8")
    args = ("ask", "borrow(aigul, I)", "--facts", str(case), "--at", "2025-03-01")
    english, kazakh = zan(*args, "--lang", "en"), zan(*args, "--lang", "kk")
    assert english.exit_code == kazakh.exit_code == 1
    assert "a case file holds facts only, and this is a permitted conclusion [case-not-fact]" in english.stderr
    assert "іс файлында тек фактілер болады, ал бұл — permitted қорытындысы [case-not-fact]" in kazakh.stderr, kazakh.stderr
    _same_but_said_otherwise(english.stderr, kazakh.stderr, "kk")


def test_the_command_lines_reading_and_assumption_in_russian(project, zan):
    base = ("ask", "borrow(aigerim, I)", "--at", "2025-03-01", "--lang")
    reading = zan(*base, "ru", "--reading", "strict")
    assert reading.exit_code == 1
    assert "в базе знаний нет толкования «strict» (известные: нет) [unknown-reading]" in reading.stderr, reading.stderr
    assumed = zan(*base, "ru", "--assume", "member(X)")
    assert assumed.exit_code == 1
    assert "«member(X)» — не факт без переменных [invalid-query]" in assumed.stderr, assumed.stderr
    assert "допущения" in assumed.stderr


def test_a_scenario_naming_an_unknown_norm_in_russian(project, zan):
    scenario = project / "kb" / "scenarios" / "example.scenario"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("decided by example.1.borrow",
                                                                       "decided by example.1.borow", 1), encoding="utf-8")
    english, russian = zan("test", "--lang", "en"), zan("test", "--lang", "ru")
    assert english.exit_code == russian.exit_code == 1
    assert "no norm example.1.borow in the knowledge base [invalid-scenario]" in english.stderr + english.stdout
    out = russian.stderr + russian.stdout
    assert "в базе знаний нет нормы example.1.borow [invalid-scenario]" in out, out
    assert "подсказка: возможно, имелось в виду example.1.borrow?" in out


def test_the_language_server_says_a_syntax_error_in_the_editors_locale(project):
    pytest.importorskip("pygls")
    from test_lsp import Editor, _open, _uri

    _plant(project, {"kb/more.zan": "member(aigul)\nbook(abai).\n"}, [])
    editor = Editor(project)
    editor.pending = []
    editor.request("initialize", {"processId": None, "rootUri": _uri(project), "capabilities": {}, "locale": "kk-KZ"})
    editor.notify("initialized", {})
    try:
        diagnostics = _open(editor, project / "kb" / "more.zan")["diagnostics"]
        assert [(d["code"], d["range"]["start"]) for d in diagnostics] == [("syntax", {"line": 0, "character": 13})]
        assert diagnostics[0]["message"].startswith("бұл тұжырым нүктемен аяқталмаған\nнұсқау: осында '.' қойыңыз")
    finally:
        editor.request("shutdown", None)
        editor.notify("exit", {})
        editor.process.wait(timeout=30)


def test_a_command_without_lang_follows_the_projects(project, zan):
    """zan fmt has no --lang: its errors are said in the project's `lang`."""
    _plant(project, {"kb/more.zan": "member(aigul)\nbook(abai).\n"}, [])
    assert "this statement does not end with a full stop" in zan("fmt", "--check").stderr
    toml = project / "zan.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('lang = "en"', 'lang = "ru"'), encoding="utf-8")
    result = zan("fmt", "--check")
    assert result.exit_code == 1
    assert "kb/more.zan:1:14: ошибка: это утверждение не заканчивается точкой [syntax]" in result.stderr, result.stderr
    assert "1 ошибка" in result.stderr


def test_what_could_stand_there_is_named_as_written_or_in_words():
    """Punctuation as it is written (':' was once 'colon'), the other terminals in words of the reader's language."""
    from engine.base.diagnostics import ZanError
    from engine.syntax.parser import parse_module

    with pytest.raises(ZanError) as caught:
        parse_module('predicate p(X Y) en "p".\n', "kb/p.zan")
    (d,) = caught.value.diagnostics
    assert d.message == "unexpected 'Y'; expected ':', ',' or ')'"
    assert d.said("ru").message == "здесь не ожидалось «Y»; ожидалось: ':', ',' или ')'"
    assert d.said("kk").message == "мұнда «Y» күтілмеген; күтілгені: ':', ',' немесе ')'"
