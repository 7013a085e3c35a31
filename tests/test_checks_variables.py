"""Typos that silently widen the law (issue 24, items 1-2): a variable used once, a conclusion's variable
only the `asked over` domain binds, and a lower-case constant in a conclusion that occurs nowhere else."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import ROOT

LAW = textwrap.dedent('''\
    act rules kk "Ереже" ru "Правила" en "Rules" rank 10 in force from 2025-01-01.
    predicate person(P) kk "адам" ru "лицо" en "person"
      reads kk "{P} адам" reads ru "{P} лицо" reads en "{P} is a person".
    predicate convict(C) kk "сотталған" ru "осуждённый" en "convict"
      reads kk "{C} сотталған" reads ru "{C} осуждённый" reads en "{C} is a convict".
    predicate relative(C, P) kk "туыс" ru "родственник" en "relative"
      reads kk "{P} {C} туысы" reads ru "{P} родственник {C}" reads en "{P} is a relative of {C}".
    predicate visit(C, P) kk "кездесу" ru "свидание" en "visit"
      reads kk "{C} {P} кездеседі" reads ru "{C} встречается с {P}" reads en "{C} visits {P}"
      asked over convict(C) and person(P).
    norm rules.1 cites "rules 1" kk "Туысымен кездесуге болады." ru "Свидания с родственниками разрешаются."
      en "Visits with relatives are permitted."
      permitted visit(C, P) if convict(C) and relative(C, {written}).
    ''')
CASE = "convict(aliyev).\nperson(sister).\nperson(stranger).\nrelative(aliyev, sister).\n"


def project(tmp_path, written: str):
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "law.zan").write_text(LAW.replace("{written}", written), encoding="utf-8")
    (tmp_path / "case.facts").write_text(CASE, encoding="utf-8")
    (tmp_path / "zan.toml").write_text('[project]\nname = "t"\nkb = "kb"\n', encoding="utf-8")
    return tmp_path


def diagnostics(zan, folder):
    """What `zan check` says, as dicts (and it exits 0: these are warnings)."""
    from engine.checks import run
    from engine.pipeline import load_law

    assert zan("check").exit_code == 0
    return [{"code": d.code, "message": d.message, "hint": d.hint, "line": d.span.line, "column": d.span.column}
            for d in run(load_law(folder / "kb"))]


def test_a_typo_in_a_variable_is_a_warning_that_names_the_meant_one(zan, tmp_path, monkeypatch):
    monkeypatch.chdir(project(tmp_path, "Q"))
    # what the typo does: the domain binds P, so a stranger's visit is permitted
    answer = json.loads(zan("ask", "visit(aliyev, stranger)", "--facts", "case.facts", "--at", "2025-03-01",
                            "--format", "json").stdout)["answers"][0]
    assert answer["status"] == "permitted"
    found = {d["code"]: d for d in diagnostics(zan, tmp_path)}
    single, open_ = found["single-use-variable"], found["domain-bound-variable"]
    assert "Q" in single["message"] and single["hint"] == "did you mean P?"
    assert (single["line"], single["column"]) == (13, 55)
    assert "P" in open_["message"] and "did you mean P where Q is written" in open_["hint"]


def test_the_meant_variable_gives_no_warning_and_an_underscore_says_any_on_purpose(zan, tmp_path, monkeypatch):
    monkeypatch.chdir(project(tmp_path, "P"))
    assert diagnostics(zan, tmp_path) == []
    law = tmp_path / "kb" / "law.zan"
    law.write_text(law.read_text(encoding="utf-8").replace("permitted visit(C, P) if convict(C) and relative(C, P)",
                                                           "permitted visit(C, _Anyone) if convict(C) and relative(C, _Relative)"),
                   encoding="utf-8")
    assert diagnostics(zan, tmp_path) == []


def test_a_lower_case_constant_in_a_conclusion_that_occurs_nowhere_else(zan, tmp_path, monkeypatch):
    monkeypatch.chdir(project(tmp_path, "P"))
    law = tmp_path / "kb" / "law.zan"
    law.write_text(law.read_text(encoding="utf-8").replace("permitted visit(C, P) if", "permitted visit(C, p) if"),
                   encoding="utf-8")
    found = [d for d in diagnostics(zan, tmp_path) if d["code"] == "lone-constant"]
    assert len(found) == 1 and "p" in found[0]["message"] and found[0]["hint"].endswith("write P")
    # a constant the kb knows elsewhere (a fact names it) is no typo
    law.write_text(law.read_text(encoding="utf-8") + "person(p).\n", encoding="utf-8")
    assert [d for d in diagnostics(zan, tmp_path) if d["code"] == "lone-constant"] == []


@pytest.mark.parametrize("folder", [ROOT, ROOT / "templates" / "project"])
def test_the_bundled_kb_and_the_project_template_are_free_of_warnings(zan, monkeypatch, folder):
    monkeypatch.chdir(folder)
    result = zan("check")
    assert result.exit_code == 0 and "0 errors, 0 warnings" in result.stderr, result.stderr[-3000:]


@pytest.mark.parametrize("written, meant", [("forbidden", "prohibited"), ("forbiden", "prohibited"), ("alowed", "permitted"),
                                            ("permited", "permitted"), ("obligatry", "obligatory")])
def test_a_misspelt_modality_gets_a_did_you_mean(tmp_path, written, meant):
    """Issue 24, item 3: the modalities and keywords get did-you-mean as predicates do."""
    from engine.base.diagnostics import ZanError
    from engine.syntax.parser import parse_module

    text = LAW.replace("{written}", "P").replace("permitted visit(C, P) if", f"{written} visit(C, P) if")
    with pytest.raises(ZanError) as raised:
        parse_module(text, "law.zan")
    [d] = raised.value.diagnostics
    assert d.message == f"'{written}' is not a word of the language here" and d.hint == f"did you mean {meant}?"
    assert (d.span.line, d.span.column, d.span.end_column) == (13, 3, 3 + len(written))


def test_a_misspelt_keyword_gets_a_did_you_mean(tmp_path):
    from engine.base.diagnostics import ZanError
    from engine.syntax.parser import parse_module

    text = LAW.replace("{written}", "P").replace("if convict(C) and relative", "if convict(C) an relative")
    with pytest.raises(ZanError) as raised:
        parse_module(text, "law.zan")
    assert raised.value.diagnostics[0].hint == "did you mean and?"

