""""What changed on 27 December 2024?" in words (issue 20, item 3): a change asked of nothing the question names is
asked of every question the law can be asked (each predicate a norm concludes with a modality, in general), the
day before against the day, on the case given or the sample case; the answer lists each question's changed
answers with the norms that made the change (`zan diff`'s explanation), says plainly where nothing changed, and
says when the diff's budget stopped it."""

from __future__ import annotations

import datetime
import json
import pytest

from conftest import ROOT
from engine.logic.diagrams import Budget
from engine.tools.diff import diff_every, every_document, words_document
from engine.tools.understanding import in_words, knowledge, law_questions, understand, understood_title

ON_THE_DAY = {"en": "What changed on 27 December 2024?",
              "ru": "Что изменилось 27 декабря 2024 г.?",
              "kk": "2024 жылғы 27 желтоқсанда не өзгерді?"}
NOTHING_THAT_DAY = {"en": "What changed on 3 March 2025?",
                    "ru": "Что изменилось 3 марта 2025 г.?",
                    "kk": "2025 жылғы 3 наурызда не өзгерді?"}


@pytest.fixture(scope="module")
def kb():
    return knowledge()


def _concluded(kb) -> list[str]:
    return sorted({m.clause.head.predicate for m in kb.norms.values() if m.clause is not None and m.clause.modality})


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_bare_change_asks_every_question_the_law_can_be_asked(kb, language):
    u = understand(ON_THE_DAY[language], kb, language)
    assert not hasattr(u, "code"), u   # understood, not a diagnostic
    assert u.between == (datetime.date(2024, 12, 26), datetime.date(2024, 12, 27))
    assert [q.atom.predicate for q in u.every] == _concluded(kb) == law_questions(kb)
    assert "call" in law_questions(kb) and "amend" in law_questions(kb)
    for q in u.every:   # each in general: every argument a variable, named after its parameter
        assert [a.name for a in q.atom.args] == list(kb.predicates[q.atom.predicate].parameters)
        assert q.status is None
    said = in_words(u, kb, language)
    assert [e["query"] for e in said["every"]] == [str(q.atom) for q in u.every]
    assert said["between"] == ["2024-12-26", "2024-12-27"]
    assert str(len(u.every)) in said["in_words"] and "call(Convict, Person, Purpose)" in said["understood"]
    assert said["in_words"] in understood_title(said, language)


def test_the_questions_come_from_the_kbs_norms_not_from_a_list():
    """Another knowledge base (the explanation goldens' fixture) is asked its own questions."""
    other = knowledge(ROOT / "tests" / "inputs" / "explain-kb", None, sample=False)
    u = understand(ON_THE_DAY["en"], other, "en")
    assert [q.atom.predicate for q in u.every] == _concluded(other)
    assert "call" not in _concluded(other)


def test_a_question_naming_something_is_not_asked_of_everything(kb):
    u = understand("Which calls of Kunakbayev changed on 27 December 2024?", kb, "en")
    assert u.every == () and str(u.query.atom) == "call(kunakbaev, Person, Purpose)"


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_changes_of_each_question_with_the_norms_that_made_them(kb, language):
    u = understand(ON_THE_DAY[language], kb, language)
    doc = words_document(u, in_words(u, kb, language), None, None, language=language)
    by_atom = {c["atom"]: c for c in doc["changes"]}
    call = by_atom["call(kunakbaev, ospanov, legal_aid)"]
    assert (call["before"]["status"], call["after"]["status"]) == ("prohibited", "permitted")
    assert call["question"] == "call(Convict, Person, Purpose)"
    primary = [x for x in call["causes"] if x["primary"]]
    assert [x["norm"]["id"] for x in primary] == ["cc60.1.legal_aid.contract"]
    assert primary[0]["change"] == "came-into-force" and primary[0]["date"] == "2024-12-27"
    amend = by_atom["amend(ministry_of_internal_affairs, rules819)"]
    assert amend["before"] is None and amend["after"]["status"] == "obligatory"
    assert amend["causes"][0]["norm"]["id"] == "cc60.3"
    assert [q["query"] for q in doc["questions"]] == [str(q.atom) for q in u.every]
    assert all(q["examined"] for q in doc["questions"]) and "stopped" not in doc
    counts = {q["query"]: q["changes"] for q in doc["questions"]}
    assert counts["call(Convict, Person, Purpose)"] == 1 and counts["amend(Body, Act)"] == 1
    assert sum(counts.values()) == len(doc["changes"])
    # the changes come in the order of the questions
    order = [q["query"] for q in doc["questions"]]
    assert [order.index(c["question"]) for c in doc["changes"]] == sorted(order.index(c["question"]) for c in doc["changes"])
    quiet = [q for q, k in counts.items() if not k]
    assert quiet and all(q in doc["unchanged"] for q in quiet)


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_day_on_which_nothing_changed_says_so(kb, language):
    u = understand(NOTHING_THAT_DAY[language], kb, language)
    assert u.between == (datetime.date(2025, 3, 2), datetime.date(2025, 3, 3))
    doc = words_document(u, in_words(u, kb, language), None, None, language=language)
    assert doc["changes"] == []
    assert [q["changes"] for q in doc["questions"]] == [0] * len(u.every)
    assert doc["unchanged"].split(": ", 1)[1] == "; ".join(str(q.atom) for q in u.every)


def test_the_case_given_is_the_one_diffed(kb):
    """On example 3's case (Bekov and Ospanov), the legal-aid call that changes is Bekov's."""
    facts = [ROOT / "kb" / "cases" / "example3-legal-aid-contract.facts"]
    case = knowledge(None, facts)
    u = understand(ON_THE_DAY["en"], case, "en")
    doc = words_document(u, in_words(u, case, "en"), None, facts)
    assert "call(bekov, ospanov, legal_aid)" in {c["atom"] for c in doc["changes"]}
    assert not any("kunakbaev" in c["atom"] for c in doc["changes"])


def test_the_budget_stops_it_and_says_so(kb):
    u = understand(ON_THE_DAY["ru"], kb, "ru")
    start, end = u.between
    whole = diff_every(u.every, start, end)
    assert whole.stopped is None and len(whole.results) == len(u.every)
    stopped = diff_every(u.every, start, end, budget=Budget(entries=1, seconds=30.0))
    assert stopped.stopped is not None and stopped.stopped.what == "entries"
    assert len(stopped.results) < len(u.every)
    doc = every_document(stopped, "ru")
    assert doc["stopped"]["by"] == "entries" and doc["stopped"]["limit"] == 1
    not_examined = [q["query"] for q in doc["questions"] if not q["examined"]]
    assert not_examined and doc["stopped"]["explanation"].startswith("остановлено")
    assert all(q in doc["stopped"]["explanation"] for q in not_examined)
    assert not any(c["question"] in not_examined for c in doc["changes"])   # never half a question's changes


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_zan_ask_answers_it_in_every_format(zan, monkeypatch, fmt, language):
    monkeypatch.chdir(ROOT)
    result = zan("ask", ON_THE_DAY[language], "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        doc = json.loads(out)
        assert doc["question"]["between"] == ["2024-12-26", "2024-12-27"]
        assert {"call(kunakbaev, ospanov, legal_aid)", "amend(ministry_of_internal_affairs, rules819)"} <= \
            {c["atom"] for c in doc["changes"]}
        return
    assert "call(kunakbaev, ospanov, legal_aid)" in out and "cc60.1.legal_aid.contract" in out
    assert out.rindex("amend(Body, Act)") < out.index("amend(ministry_of_internal_affairs, rules819)") \
        < out.rindex("call(Convict, Person, Purpose)") < out.index("call(kunakbaev, ospanov, legal_aid)")
    assert {"en": "no answer changed its status in", "ru": "ни один ответ не изменил статус в вопросах",
            "kk": "мына сұрақтарда ешбір жауаптың мәртебесі өзгермеді"}[language] in out
    assert "Traceback" not in result.output


def test_zan_diff_takes_it_with_its_own_dates(zan, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = zan("diff", "What changed?", "--from", "2024-12-20", "--to", "2025-01-15", "--format", "json")
    assert result.exit_code == 1 and "two dates" in result.output   # a change needs its dates in the words
    result = zan("diff", ON_THE_DAY["en"], "--from", "2024-12-20", "--to", "2025-01-15", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (doc["from"], doc["to"]) == ("2024-12-20", "2025-01-15") and len(doc["questions"]) > 1
    assert "call(kunakbaev, ospanov, legal_aid)" in {c["atom"] for c in doc["changes"]}


def test_the_trainers_page_accepts_it(tmp_path):
    from engine.serve.app import Workbench, answer_json, diff_json

    bench = Workbench(scratch=tmp_path)
    doc = json.loads(answer_json(bench, {"query": ON_THE_DAY["kk"]}))
    assert doc["question"]["between"] == ["2024-12-26", "2024-12-27"] and len(doc["questions"]) > 1
    assert "call(kunakbaev, ospanov, legal_aid)" in {c["atom"] for c in doc["changes"]}
    assert "өзгермеді" in doc["unchanged"]
    doc = json.loads(diff_json(bench, {"query": ON_THE_DAY["ru"], "from": "2024-12-26", "to": "2024-12-27"}))
    assert doc["question"]["every"] and "call(kunakbaev, ospanov, legal_aid)" in {c["atom"] for c in doc["changes"]}


@pytest.mark.parametrize("language, text", [
    ("en", "What has changed on 2024-12-27?"), ("en", "What changed between 26 December 2024 and 27 December 2024?"),
    ("ru", "Какие изменения произошли 27 декабря 2024 г.?"), ("ru", "Что изменилось 27.12.2024?"),
    ("kk", "2024 жылғы 27 желтоқсанда қандай өзгерістер болды?"), ("kk", "27.12.2024 не өзгерді?")])
def test_other_phrasings_of_it(kb, language, text):
    u = understand(text, kb, language)
    assert not hasattr(u, "code"), u
    assert u.between == (datetime.date(2024, 12, 26), datetime.date(2024, 12, 27))
    assert [q.atom.predicate for q in u.every] == law_questions(kb)


@pytest.mark.parametrize("language, text", [("en", "What became permitted on 27 December 2024?"),
                                            ("ru", "Что стало разрешено 27 декабря 2024 г.?")])
def test_a_status_named_filters_every_question(kb, language, text):
    u = understand(text, kb, language)
    assert {q.status for q in u.every} == {"permitted"}
    doc = words_document(u, in_words(u, kb, language), None, None, language=language)
    assert [c["atom"] for c in doc["changes"]] == ["call(kunakbaev, ospanov, legal_aid)"]   # not amend's obligation


def test_without_a_date_it_is_refused_at_the_question(kb):
    u = understand("Что изменилось?", kb, "ru")
    assert u.code == "not-understood" and "две даты" in u.message


@pytest.mark.parametrize("text", [ON_THE_DAY["ru"], "Which calls of Kunakbayev changed on 27 December 2024?"])
def test_jsonl_writes_the_document_then_each_change(zan, monkeypatch, text):
    monkeypatch.chdir(ROOT)
    result = zan("ask", text, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert list(lines[0]) == ["document"] and lines[0]["document"]["from"] == "2024-12-26"
    assert all(list(x) == ["change"] for x in lines[1:])
    assert "call(kunakbaev, ospanov, legal_aid)" in {x["change"]["atom"] for x in lines[1:]}


@pytest.mark.parametrize("language, text", [("en", "What changed for Kunakbayev on 27 December 2024?"),
                                            ("ru", "Что изменилось для Кунакбаева 27 декабря 2024 г.?"),
                                            ("kk", "Құнақбаев үшін 2024 жылғы 27 желтоқсанда не өзгерді?")])
def test_a_name_narrows_it_to_the_questions_it_has_a_place_in(kb, language, text):
    u = understand(text, kb, language)
    assert u.names and u.names[0][1] == "kunakbaev"
    assert "amend" not in [q.atom.predicate for q in u.every]     # the convict is no party to the Ministry's duty
    for q in u.every:   # in its place, the other arguments variables
        args = dict(zip(kb.predicates[q.atom.predicate].parameters, q.atom.args))
        assert getattr(args["Convict"], "value", None) == "kunakbaev"
        assert all(hasattr(a, "name") for p, a in args.items() if p != "Convict")
    said = in_words(u, kb, language)
    assert {"en": "Kunakbayev", "ru": "Кунакбаев", "kk": "Құнақбаев"}[language] in said["in_words"]
    doc = words_document(u, said, None, None, language=language)
    assert [c["atom"] for c in doc["changes"]] == ["call(kunakbaev, ospanov, legal_aid)"]


def test_the_person_called_is_put_in_their_own_place(kb):
    u = understand("What changed for Ospanov on 27 December 2024?", kb, "en")
    assert [str(q.atom) for q in u.every] == ["call(Convict, ospanov, Purpose)", "visit(Convict, ospanov, Purpose)"]


SAMPLE_NOTE = {"en": "(using the bundled sample case: kunakbaev.facts)",
               "ru": "(используется встроенный пример дела: kunakbaev.facts)",
               "kk": "(кірістірілген үлгі іс қолданылады: kunakbaev.facts)"}
CHANGED_FOR_HIM = {"en": "Which calls of Kunakbayev changed between 26 December 2024 and 27 December 2024?",
                   "ru": "Какие звонки Кунакбаева изменились между 26 декабря 2024 г. и 27 декабря 2024 г.?",
                   "kk": "Құнақбаевтың қандай қоңыраулары 2024 жылғы 26 желтоқсан мен 2024 жылғы 27 желтоқсан аралығында өзгерді?"}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
@pytest.mark.parametrize("path", ["ask atom", "ask on the day", "ask of a question", "diff atom", "diff on the day"])
def test_every_path_on_the_sample_case_says_so_the_same_way(zan, monkeypatch, path, language):
    """Without --facts, an answer is given on the kb's sample case: `zan ask` of an atom said so, and so does
    every other path that falls back to it ("what changed" in words, `zan diff`), in the reader's language."""
    monkeypatch.chdir(ROOT)
    args = {"ask atom": ["ask", "call(kunakbaev, P, Purpose)", "--at", "2025-01-15"],
            "ask on the day": ["ask", ON_THE_DAY[language]],
            "ask of a question": ["ask", CHANGED_FOR_HIM[language]],
            "diff atom": ["diff", "call(kunakbaev, P, Purpose)", "--from", "2024-12-26", "--to", "2024-12-27"],
            "diff on the day": ["diff", ON_THE_DAY[language], "--from", "2024-12-26", "--to", "2024-12-27"]}[path]
    result = zan(*args, "--lang", language)
    assert result.exit_code == 0, result.output
    assert "call(kunakbaev, ospanov, legal_aid)" in result.stdout
    assert result.stderr.count(SAMPLE_NOTE[language]) == 1, result.stderr
    assert SAMPLE_NOTE[language] not in result.stdout
    given = zan(*args, "--lang", language, "--facts", "kb/sample/kunakbaev.facts")   # a case given: nothing to say
    assert given.exit_code == 0 and "(" + SAMPLE_NOTE[language].split(":")[0][1:] not in given.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_the_sample_case_is_said_in_every_format_the_other_paths_say_it(zan, monkeypatch, fmt):
    monkeypatch.chdir(ROOT)
    said = {a: SAMPLE_NOTE["ru"] in zan(*a, "--format", fmt, "--lang", "ru").stderr
            for a in (("ask", "call(kunakbaev, P, Purpose)", "--at", "2025-01-15"), ("ask", ON_THE_DAY["ru"]))}
    assert len(set(said.values())) == 1 and said[("ask", ON_THE_DAY["ru"])] == (fmt != "json")
