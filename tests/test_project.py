"""Projects (zan.toml): found upward from the working folder, `zan init`, the "kb" line and field, --kb wins."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from engine.base import project

NEW_LAW = """
predicate overdue(Person)
  kk "мерзімі өткен"
  ru "просрочка"
  en "overdue"
  reads kk "{Person} кітапты мерзімінде қайтармады"
  reads ru "{Person} не вернул книгу в срок"
  reads en "{Person} has not returned a book in time".

norm example.3.overdue
  cites "example 3"
  kk "Кітапты мерзімінде қайтармаған оқырманға кітап берілмейді."
  ru "Читателю, не вернувшему книгу в срок, книги не выдаются."
  en "A member who has not returned a book in time may not borrow."
  exception to example.1.borrow
  prohibited borrow(P, I)
  if member(P)
  and book(I)
  and overdue(P).
"""


@pytest.fixture
def new_project(tmp_path, monkeypatch, zan):
    folder = tmp_path / "law"
    result = zan("init", str(folder))
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(folder / "kb")          # found upward, as git finds its repository
    return folder


def test_init_makes_a_project_that_passes_check_and_test(new_project, zan):
    assert (new_project / "zan.toml").is_file()
    checked = zan("check")
    assert checked.exit_code == 0, checked.output
    assert "0 errors, 0 warnings" in checked.stderr
    assert checked.stderr.rstrip().splitlines()[-1] == f"kb: . (project {new_project / 'zan.toml'})"
    tested = zan("test")
    assert tested.exit_code == 0, tested.output
    assert "5 scenarios, 6 expectations: all passed" in tested.stdout


def test_init_refuses_to_overwrite(new_project, zan):
    again = zan("init", str(new_project))
    assert again.exit_code == 2
    assert "already" in again.output


def test_an_edit_is_seen_by_every_command(new_project, zan):
    (new_project / "kb" / "overdue.zan").write_text(NEW_LAW, encoding="utf-8")
    case = new_project / "kb" / "cases" / "late.facts"
    case.write_text("member(aigerim).\nbook(abai_path).\noverdue(aigerim).\n", encoding="utf-8")
    assert zan("check").exit_code == 0
    doc = json.loads(zan("ask", "borrow(aigerim, abai_path)", "--facts", str(case), "--at", "2025-03-01",
                         "--format", "json").stdout)
    [answer] = doc["answers"]
    assert (answer["status"], answer["citations"][0]) == ("prohibited", "example 3")
    assert doc["kb"] == {"folder": ".", "origin": "project", "project": str(new_project / "zan.toml")}
    norms = json.loads(zan("norms", "--at", "2025-03-01", "--format", "json").stdout)
    assert "example.3.overdue" in {n["id"] for n in norms["norms"]}


def test_kb_option_wins_over_the_project(new_project, zan, tmp_path):
    result = zan("ask", "call(kunakbaev, P, Purpose)", "--kb", str(ROOT / "kb"), "--at", "2025-01-15", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["kb"]["origin"] == "option"
    assert result.stderr.rstrip().endswith("(--kb)")


def test_without_a_project_the_bundled_kb_is_used(tmp_path, monkeypatch, zan):
    monkeypatch.chdir(tmp_path)
    assert project.find(tmp_path) is None
    result = zan("ask", "call(kunakbaev, P, Purpose)", "--at", "2025-01-15", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["kb"]["origin"] == "bundled"
    assert result.stderr.rstrip().splitlines()[-1] == "kb: the knowledge base bundled with zan"


def test_the_checkout_is_a_project():
    found = project.current(ROOT / "kb" / "scenarios")
    assert found is not None and found.file == ROOT / "zan.toml"
    assert found.kb == ROOT / "kb" and found.questions == (ROOT / "queries",)


def test_the_page_opens_with_the_projects_own_question(tmp_path):
    """What the trainers' page opens with is the law's example, written in its zan.toml; the engine has none."""
    import datetime

    pytest.importorskip("starlette")
    from engine.serve.app import Workbench

    checkout = project.Choice(ROOT / "kb", "project", project.read(ROOT / "zan.toml"))
    assert (checkout.project.page_question, checkout.project.page_date) == ("call(kunakbaev, P, Purpose)",
                                                                           datetime.date(2025, 1, 15))
    bench = Workbench(choice=checkout, scratch=tmp_path)
    assert bench.opening() == ("call(kunakbaev, P, Purpose)", "2025-01-15")
    bare = Workbench(choice=project.choose(ROOT / "kb", ROOT / "kb"), scratch=tmp_path)   # --kb: no project
    assert bare.opening() == ("", datetime.date.today().isoformat())


def test_without_a_project_the_bundled_kb_brings_its_own_settings(tmp_path, monkeypatch):
    """`zan serve` from an empty folder opens on the law's own question: with no project found, the settings are
    the bundled kb's own zan.toml (the checkout's, installed beside it as share/zan/zan.toml; tests/test_installed.py
    runs the installed copy), read by the project reader, with the checkout's values."""
    import tomllib

    from engine.base.resources import bundled_kb, bundled_settings

    monkeypatch.chdir(tmp_path)
    assert project.find(tmp_path) is None
    choice = project.choose(None, bundled_kb(), settings=bundled_settings())   # as the CLI and the page choose
    assert (choice.origin, choice.project) == ("bundled", None)    # the kb line still says: bundled, no project
    settings = choice.settings()
    assert settings is not None and settings.file == bundled_settings().resolve() == (ROOT / "zan.toml").resolve()
    written = tomllib.loads((ROOT / "zan.toml").read_text(encoding="utf-8"))["project"]
    assert written["page_question"] and written["page_date"]
    assert (settings.page_question, settings.page_date.isoformat()) == (written["page_question"], written["page_date"])
    assert settings.kb == bundled_kb().resolve()
    from engine.cli import chosen_knowledge

    assert chosen_knowledge(None).settings() == settings                    # what `zan serve` hands the page
    pytest.importorskip("starlette")
    from engine.serve.app import Workbench

    for bench in (Workbench(choice=choice, scratch=tmp_path), Workbench(scratch=tmp_path)):   # given, or its own
        assert bench.opening() == (written["page_question"], written["page_date"])


def test_settings_of_another_law_or_an_untrusted_file_do_not_apply(tmp_path):
    """settings_of reads the file as a project's (its checks, its located errors) and takes it only for its own kb."""
    law = tmp_path / "law"
    (law / "kb").mkdir(parents=True)
    toml = law / "zan.toml"
    assert project.settings_of(toml, law / "kb") is None                       # no file: no settings
    toml.write_text('[project]\nkb = "kb"\npage_question = "p(a, X)"\npage_date = "2025-01-15"\n', encoding="utf-8")
    assert project.settings_of(toml, law / "kb").page_question == "p(a, X)"
    assert project.settings_of(toml, ROOT / "kb") is None                      # the settings of another kb
    toml.chmod(0o664)
    assert project.settings_of(toml, law / "kb") is None                       # writable by others: not trusted
    toml.chmod(0o644)
    toml.write_text('[project]\nkb = "kb"\npage_date = "15.01.2025"\n', encoding="utf-8")
    with pytest.raises(project.ZanError) as e:
        project.settings_of(toml, law / "kb")
    assert e.value.diagnostics[0].span.line == 3 and "page_date must be a date" in e.value.diagnostics[0].message
    assert project.choose(law / "kb", ROOT / "kb").settings() is None          # --kb: no settings


def test_the_project_language_is_the_default(new_project, zan):
    toml = new_project / "zan.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('lang = "en"', 'lang = "ru"'), encoding="utf-8")
    result = zan("ask", "borrow(aigerim, abai_path)", "--facts", str(new_project / "kb/cases/example.facts"),
                 "--at", "2025-03-01")
    assert "разрешено" in result.stdout, result.stdout


@pytest.mark.parametrize("text, where, what", [
    ('[project]\nkb = "kb"\nlang = "de"\n', ":3:1:", "unknown language 'de'"),
    ('[project]\nkb = "kb"\nscenario = ["s"]\n', ":3:1:", "unknown key 'scenario'"),
    ('[project]\nkb = "nowhere"\n', ":2:1:", "no knowledge base folder 'nowhere'"),
    ('[project]\nkb = "kb\n', ":2:", "not valid TOML"),
    ('[project]\nkb = "kb"\npage_date = "2025-02-30"\n', ":3:1:", "page_date must be a date, YYYY-MM-DD"),
    ('[project]\nkb = "kb"\npage_date = "20250115"\n', ":3:1:", "page_date must be a date, YYYY-MM-DD"),
    ('[project]\nkb = "kb"\npage_question = 3\n', ":3:1:", "page_question must be a string"),
])
def test_a_broken_project_file_is_a_located_error(new_project, zan, text, where, what):
    (new_project / "zan.toml").write_text(text, encoding="utf-8")
    result = zan("check")
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{new_project / 'zan.toml'}{where}") and what in first and "[invalid-project]" in first, first
    assert "Traceback" not in result.output


def test_the_project_readings_are_the_default(tmp_path, monkeypatch, zan):
    """readings = [...] in zan.toml: what --reading defaults to, and what `zan test` answers under."""
    (tmp_path / "zan.toml").write_text(f'[project]\nkb = "{ROOT / "kb"}"\nscenarios = []\nreadings = ["point_1_words"]\n',
                                       encoding="utf-8")
    (tmp_path / "case.facts").write_text("convict(s).\nin_solitary_cell(s).\nadvocate(o).\nlegal_aid_contract(s, o).\n",
                                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    asked = ["ask", "call(s, o, legal_aid)", "--facts", "case.facts", "--at", "2025-03-10", "--format", "json"]
    doc = json.loads(zan(*asked).stdout)
    assert doc["answers"][0]["status"] == "undetermined"
    doc = json.loads(zan(*asked, "--reading", "solitary_cell_in_point_1").stdout)
    assert doc["answers"][0]["status"] == "permitted"


@pytest.mark.parametrize("name", ["my-law", 'закон "19"'])
def test_init_names_the_project_after_its_folder(tmp_path, zan, name):
    import tomllib

    folder = tmp_path / name
    assert zan("init", str(folder)).exit_code == 0
    assert tomllib.loads((folder / "zan.toml").read_text(encoding="utf-8"))["project"]["name"] == name
