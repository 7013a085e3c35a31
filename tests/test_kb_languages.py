"""Kb diagnostics in kk and ru for authors who write in those languages (issue 24, item 7): `zan check --lang`,
the project's `lang` and the language server's locale choose the language; the codes are the same."""

from __future__ import annotations

import re

import pytest

LAW_TYPO = ("  permitted borrow(P, I)\n  if member(P)\n  and book(I).", "  permitted borrow(P, I)\n  if member(P)\n  and book(J).")
CYRILLIC = re.compile("[а-яәғқңөұүһі]", re.I)


@pytest.fixture
def project(tmp_path, zan, monkeypatch):
    folder = tmp_path / "law"
    assert zan("init", str(folder)).exit_code == 0
    law = folder / "kb" / "law.zan"
    text = law.read_text(encoding="utf-8")
    assert LAW_TYPO[0] in text
    # a typo (single-use-variable, domain-bound-variable), an unsafe fact (an error) comes later
    law.write_text(text.replace(*LAW_TYPO), encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def _codes(output: str) -> list[str]:
    return re.findall(r"\[([a-z-]+)\]$", output, re.M)


@pytest.mark.parametrize("language, words", [("ru", ("предупреждение", "переменная J", "подсказка", "2 предупреждения")),
                                             ("kk", ("ескерту", "J айнымалысы", "нұсқау", "2 ескерту"))])
def test_check_speaks_the_authors_language_with_the_same_codes(project, zan, language, words):
    english = zan("check")
    assert english.exit_code == 0 and "the variable J occurs only once" in english.stderr
    spoken = zan("check", "--lang", language)
    assert spoken.exit_code == 0
    for word in words:
        assert word in spoken.stderr, spoken.stderr
    assert "occurs only once" not in spoken.stderr
    assert _codes(spoken.stderr) == _codes(english.stderr) == ["domain-bound-variable", "single-use-variable"]


def test_an_error_in_russian_keeps_its_code_and_exit(project, zan):
    (project / "kb" / "more.zan").write_text("member(X).\n", encoding="utf-8")
    result = zan("check", "--lang", "ru")
    assert result.exit_code == 1
    assert "ошибка: факт не может содержать переменную X [unsafe-variable]" in result.stderr


def test_the_projects_lang_is_the_default(project, zan):
    toml = project / "zan.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('lang = "en"', 'lang = "kk"'), encoding="utf-8")
    result = zan("check")
    assert "J айнымалысы бұл нормада бір-ақ рет кездеседі" in result.stderr, result.stderr
    assert "J айнымалысы" not in zan("check", "--lang", "en").stderr


def test_the_language_server_speaks_the_editors_locale(project):
    pytest.importorskip("pygls")
    from test_lsp import Editor, _open, _uri

    editor = Editor(project)
    editor.pending = []
    editor.request("initialize", {"processId": None, "rootUri": _uri(project), "capabilities": {}, "locale": "ru-RU"})
    editor.notify("initialized", {})
    try:
        law = project / "kb" / "law.zan"
        diagnostics = _open(editor, law)["diagnostics"]
        by_code = {d["code"]: d["message"] for d in diagnostics}
        assert set(by_code) == {"domain-bound-variable", "single-use-variable"}
        assert by_code["single-use-variable"].startswith("переменная J встречается") and "подсказка:" in by_code["single-use-variable"]
    finally:
        editor.request("shutdown", None)
        editor.notify("exit", {})
        editor.process.wait(timeout=30)


def test_declaration_errors_in_kazakh_and_russian(project, zan):
    law = project / "kb" / "law.zan"
    law.write_text(law.read_text(encoding="utf-8").replace(*LAW_TYPO[::-1]).replace('cites "example 2"', 'cites "exampel 2"'),
                   encoding="utf-8")
    english, russian, kazakh = (zan("check", "--lang", lang) for lang in ("en", "ru", "kk"))
    assert english.exit_code == russian.exit_code == kazakh.exit_code == 1
    assert "the citation names the act exampel, which is not declared [unknown-act]" in english.stderr
    assert "ссылка называет акт exampel, который не объявлен [unknown-act]" in russian.stderr
    assert "сілтеме жарияланбаған exampel актісін атайды [unknown-act]" in kazakh.stderr
    assert "возможно, имелось в виду example?" in russian.stderr


def test_a_missing_translation_in_russian(project, zan):
    law = project / "kb" / "law.zan"
    law.write_text(law.read_text(encoding="utf-8").replace(*LAW_TYPO[::-1]).replace('  ru "читатель"\n', ""), encoding="utf-8")
    english, russian = zan("check"), zan("check", "--lang", "ru")
    assert "the predicate member has no label in ru [missing-translation]" in english.stderr, english.stderr
    assert "метка предиката member: нет для языков ru [missing-translation]" in russian.stderr, russian.stderr
