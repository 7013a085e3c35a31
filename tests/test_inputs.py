"""Inputs (issue 10, items 2, 3 and 8): every input read once (pipes, FIFOs, `--facts -`), case files hold facts
only, and reads are bounded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from conftest import CASES, ROOT

QUESTION = "call(bekov, daulet, social_ties)"
CASE = CASES / "example2-death-certificate.facts"   # permitted with the case, undetermined/no answer without
AT = "2025-03-10"


@pytest.fixture(autouse=True)
def cache_on(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("ZAN_CACHE", "1")


def answers(result):
    assert result.exit_code == 0, result.output
    return [(a["atom"], a["status"]) for a in json.loads(result.stdout)["answers"]]


@pytest.fixture(scope="module")
def from_file():
    from conftest import Zan
    return answers(Zan()("ask", QUESTION, "--facts", CASE, "--at", AT, "--format", "json"))


def test_the_case_decides_the_answer(from_file):
    assert from_file == [(QUESTION, "permitted")]  # so dropping the case would show


def test_facts_from_standard_input(zan, from_file):
    text = CASE.read_text(encoding="utf-8")
    assert answers(zan("ask", QUESTION, "--facts", "-", "--at", AT, "--format", "json", input=text)) == from_file
    # twice in a row: the second run is served by the cache for the law, and still reads the case
    assert answers(zan("ask", QUESTION, "--facts", "-", "--at", AT, "--format", "json", input=text)) == from_file


def test_facts_from_a_fifo(zan, from_file, tmp_path):
    fifo = tmp_path / "case.fifo"
    os.mkfifo(fifo)
    for _ in range(2):  # the second time the law comes from the cache; the FIFO is still read once, whole

        def feed():
            with open(fifo, "w", encoding="utf-8") as out:
                out.write(CASE.read_text(encoding="utf-8"))

        writer = threading.Thread(target=feed)
        writer.start()
        result = zan("ask", QUESTION, "--facts", fifo, "--at", AT, "--format", "json")
        writer.join(timeout=30)
        assert answers(result) == from_file


def test_facts_from_dev_stdin_and_a_process_substitution_pipe(tmp_path, from_file):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "ZAN_CACHE": "1"}
    command = (f"{sys.executable} -m engine ask '{QUESTION}' --facts /dev/stdin --at {AT} --format json < {CASE}; "
               f"{sys.executable} -m engine ask '{QUESTION}' --facts <(cat {CASE}) --at {AT} --format json")
    done = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    outputs = [json.loads(line) for line in done.stdout.replace("}\n{", "}\n\n{").split("\n\n")]
    assert [[(a["atom"], a["status"]) for a in o["answers"]] for o in outputs] == [from_file, from_file]


def test_a_case_file_cannot_add_law(zan, tmp_path):
    """The issue's repro: a norm in a case file turned a prohibition into a permission."""
    case = tmp_path / "case.facts"
    case.write_text(CASE.read_text(encoding="utf-8") +
                    'norm constitution.99.9\n  cites "constitution 99.9"\n  exception to pec.134.1.2.calls\n'
                    '  permitted call(C, P, social_ties) if special_regime(C).\n', encoding="utf-8")
    result = zan("ask", "call(bekov, P, Purpose)", "--facts", case, "--at", AT)
    assert result.exit_code == 1
    assert "case.facts:14:1: error: a case file holds facts only, and this is a norm [case-not-fact]" in result.output
    assert "permitted" not in result.output.split("error")[0]


@pytest.mark.parametrize("statement, what", [
    ("act zz \"Z\" rank 1 in force from 2020-01-01.", "an act"),
    ("predicate zz(X).", "a predicate declaration"),
    ("special_regime(C) if spouse(C, P).", "a rule with conditions"),
    ("permitted call(bekov, daulet, social_ties).", "a permitted conclusion"),
])
def test_a_case_file_holds_facts_only(zan, tmp_path, statement, what):
    case = tmp_path / "case.facts"
    case.write_text("in_disciplinary_isolator(bekov).\n" + statement + "\n", encoding="utf-8")
    result = zan("ask", "call(bekov, P, Purpose)", "--facts", case, "--at", AT)
    assert result.exit_code == 1, result.output
    assert "case.facts:2:" in result.output
    assert f"this is {what}" in result.output or "[syntax]" in result.output


def test_zan_check_finds_law_in_a_case_file(zan, tmp_path):
    case = tmp_path / "case.facts"
    case.write_text("spouse(bekov, aliya).\nfoo(a) if spouse(a, b).\n", encoding="utf-8")
    result = zan("check", case)
    assert result.exit_code == 1
    assert "case.facts:2:1: error: a case file holds facts only, and this is a rule with conditions" in result.output


def test_facts_with_intervals_are_facts(zan, tmp_path):
    case = tmp_path / "case.facts"
    case.write_text('in_disciplinary_isolator(bekov) from 2025-01-01 to 2025-12-31.\nspouse(bekov, "Aliya \\"A\\"").\n',
                    encoding="utf-8")
    assert zan("ask", "call(bekov, P, Purpose)", "--facts", case, "--at", AT).exit_code == 0


@pytest.mark.parametrize("command", [["ask", QUESTION, "--facts", "/dev/zero"], ["check", "/dev/zero"]])
def test_reads_are_bounded(zan, command):
    result = zan(*command)
    assert result.exit_code == 1
    assert "/dev/zero is larger than 50,000,000 bytes" in result.output
    assert "[input-too-large]" in result.output


def test_a_question_in_words_reads_piped_facts_once(zan):
    """Understood against the case, then answered with it: standard input is read once and seen twice."""
    text = CASE.read_text(encoding="utf-8")
    result = zan("ask", "is bekov permitted to call daulet for social ties?", "--facts", "-", "--at", AT,
                 "--format", "json", input=text)
    assert answers(result) == [(QUESTION, "permitted")]


def test_standard_input_given_twice_is_the_same_case(zan, from_file):
    text = CASE.read_text(encoding="utf-8")
    assert answers(zan("ask", QUESTION, "--facts", "-", "--facts", "-", "--at", AT, "--format", "json",
                       input=text)) == from_file
