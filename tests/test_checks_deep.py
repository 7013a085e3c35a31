"""The deeper static checks of `zan check`: each code with a bad example and its golden diagnostic."""

from __future__ import annotations


import re

import pytest

from engine.checks.explanations import EXPLANATIONS, TRANSLATED
from engine.base.diagnostics import CODES, ZanError

TEXTS = 'kk "к" ru "р" en "e"'


def predicate(name: str, *params: str) -> str:
    shown = " ".join("{" + p + "}" for p in params)
    readings = " ".join(f'reads {lang} "{shown}"' for lang in ("kk", "ru", "en"))
    return f"predicate {name}({', '.join(params)}) {TEXTS} {readings}.\n"


ACTS = f"act pec {TEXTS} rank 50 in force from 2015-01-01.\nact rules {TEXTS} rank 20 in force from 2014-12-19 to 2030-12-31.\n"
PREDICATES = {"convict": ("C",), "isolated": ("C",), "friend": ("C", "P"), "call": ("C", "P", "Purpose"),
              "visit": ("C", "P")}


def base(*names: str) -> str:
    """The two acts and the predicates a case uses (an unused one would be a warning of its own)."""
    return ACTS + "".join(predicate(name, *PREDICATES[name]) for name in names)


def norm(nid: str, cites: str, body: str, extra: str = "") -> str:
    return f'norm {nid} cites "{cites}" {TEXTS} {extra}\n  {body}\n'


CASES = {
    "exception-never-bites": base("convict", "isolated", "friend", "call", "visit")
    + norm("pec.1", "pec 1", "prohibited call(C, P, Purpose) if convict(C) and friend(C, P) and Purpose = social.")
    + norm("pec.2", "pec 2", "prohibited call(C, P, legal) if isolated(C) and friend(C, P).", "exception to pec.1")
    + norm("pec.3", "pec 3", "permitted visit(C, P) if isolated(C) and friend(C, P).", "exception to pec.1")
    + norm("pec.4", "pec 4", "permitted call(C, P, legal) if friend(C, P) and not isolated(C).", "exception to pec.5")
    + norm("pec.5", "pec 5", "prohibited call(C, P, social) if isolated(C) and friend(C, P)."),
    "exception-outranked": base("isolated", "friend", "visit")
    + norm("pec.1", "pec 1", "prohibited visit(C, P) if isolated(C) and friend(C, P).")
    + norm("pec.2", "pec 2", "prohibited visit(C, P) if friend(C, P) and isolated(C).", "delegates exceptions to rules")
    # a Rules norm against the Code: warned; against a Code norm that delegates it: fine
    + norm("rules.1", "rules 1", "permitted visit(C, P) if isolated(C) and friend(C, P).", "exception to pec.1, pec.2"),
    "norm-never-in-force": base("isolated", "friend", "visit")
    + norm("rules.1", "rules 1", "prohibited visit(C, P) if isolated(C) and friend(C, P).",
           "in force from 2031-01-01"),
    "validity-outside-act": base("isolated", "friend", "call", "visit")
    + norm("pec.1", "pec 1", "prohibited visit(C, P) if isolated(C) and friend(C, P).", "in force from 2010-01-01")
    + norm("rules.1", "rules 1", "prohibited call(C, P, social) if isolated(C) and friend(C, P).",
           "in force from 2020-01-01"),
    "unresolved-conflict": base("convict", "isolated", "friend", "call", "visit")
    + norm("pec.1", "pec 1", "prohibited call(C, P, Purpose) if isolated(C) and friend(C, P) and convict(P) and Purpose = social.")
    + norm("pec.2", "pec 2", "permitted call(C, P, social) if convict(C) and friend(C, P).")
    # kept apart by their conditions: no warning for these two
    + norm("pec.3", "pec 3", "prohibited visit(C, P) if isolated(C) and friend(C, P).")
    + norm("pec.4", "pec 4", "permitted visit(C, P) if friend(C, P) and not isolated(C).")
    # kept apart by their heads: no warning either
    + norm("pec.5", "pec 5", "permitted call(C, P, legal) if convict(C) and friend(C, P)."),
    "missing-translation": base("isolated", "friend")
    + 'predicate visit(C, P) kk "к" en "e" reads kk "{C} {P}".\n'
    + 'norm pec.1 cites "pec 1" kk "к" prohibited visit(C, P) if isolated(C) and friend(C, P).\n'
    + 'question visits(C) en "Visits?" asks visit(C, P).\n',
    "missing-quote": base("isolated", "friend", "visit") + 'norm pec.1 cites "pec 1" ru "р" en "e" prohibited visit(C, P) if isolated(C) and friend(C, P).\n',
    "missing-citation": base("isolated", "friend", "visit") + f'norm pec.1 {TEXTS} prohibited visit(C, P) if isolated(C) and friend(C, P).\n',
    "exception-cycle": base("isolated", "friend", "visit")
    + norm("pec.1", "pec 1", "prohibited visit(C, P) if isolated(C) and friend(C, P).", "exception to pec.2")
    + norm("pec.2", "pec 2", "permitted visit(C, P) if friend(C, P).", "exception to pec.1"),
    "unused-predicate": base("isolated", "friend", "visit") + predicate("spouse", "C", "P")
    + norm("pec.1", "pec 1", "prohibited visit(C, P) if isolated(C) and friend(C, P)."),
}
FACTS = {
    "unread-fact": "isolated(bekov).\nconvict(bekov).\nconvict(serik).\nfriend(bekov, serik).\n",
}
CASES["single-use-variable"] = base("isolated", "friend", "visit") \
    + norm("pec.1", "pec 1", "prohibited visit(C, P) if isolated(C) and friend(C, P) and friend(C, Q).")
CASES["domain-bound-variable"] = base("isolated", "friend") \
    + predicate("visit", "C", "P").replace(".\n", " asked over friend(C, P).\n") \
    + norm("pec.1", "pec 1", "prohibited visit(C, P) if isolated(C).")
CASES["lone-constant"] = base("isolated", "visit") + predicate("friend", "C", "P") \
    + norm("pec.1", "pec 1", "prohibited visit(C, p) if isolated(C) and friend(C, sister).") + "friend(bekov, sister).\n"
CASES["unread-fact"] = base("convict", "isolated", "friend", "call", "visit") + norm("pec.1", "pec 1", "prohibited visit(C, P) if isolated(C) and friend(C, P).") \
    + norm("pec.2", "pec 2", "prohibited call(C, P, social) if isolated(C) and friend(C, P).")


PURPOSES = f"constant social {TEXTS}.\nconstant legal {TEXTS}.\n"


@pytest.fixture
def kb_case(tmp_path, monkeypatch):
    """Writes a small knowledge base under tmp_path/kb (with kb/cases/case.facts) and works from tmp_path."""
    def write(text: str, facts: str | None = None):
        folder = tmp_path / "kb"
        (folder / "cases").mkdir(parents=True, exist_ok=True)
        # the purposes the examples name, declared at the end (no line above moves): a constant a conclusion
        # names and nothing else does would be a lone-constant of its own
        (folder / "law.zan").write_text(text + PURPOSES, encoding="utf-8")
        if facts is not None:
            (folder / "cases" / "case.facts").write_text(facts, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        return folder.relative_to(tmp_path)
    return write


@pytest.mark.parametrize("code", sorted(CASES))
def test_bad_example_has_its_golden_diagnostic(code, kb_case, zan, golden):
    folder = kb_case(CASES[code], FACTS.get(code))
    result = zan("check", folder)
    assert f"[{code}]" in result.output, result.output
    golden(f"diagnostics/{code}.txt", result.output)
    assert result.exit_code == (1 if CODES[code][0] == "error" else 0)


def test_only_the_expected_code_fires(kb_case, zan):
    """The bad examples are minimal: each shows its own code and nothing else."""
    for code, text in CASES.items():
        folder = kb_case(text, FACTS.get(code, ""))
        output = zan("check", folder).output
        codes = {line.rsplit("[", 1)[1].rstrip("]") for line in output.splitlines()
                 if ": error: " in line or ": warning: " in line}
        assert codes == {code}, (code, output)


def test_the_bundled_knowledge_base_has_no_errors(zan):
    result = zan("check")
    assert result.exit_code == 0, result.output


def test_every_code_has_an_explanation(zan):
    missing = sorted(set(CODES) - set(EXPLANATIONS))
    assert not missing, f"add a paragraph for {missing} to engine/checks/explanations.py"
    assert not set(EXPLANATIONS) - set(CODES), "an explanation for a code that is not in CODES"


def explained_texts():
    """(code, language, text) for every meaning and paragraph `zan check --explain` and --list-codes print."""
    for code in CODES:
        yield code, "en", CODES[code][1]
        yield code, "en", EXPLANATIONS[code]
        for language, texts in TRANSLATED.items():
            yield from ((code, language, text) for text in texts[code])


def dsl_examples(text: str) -> list[str]:
    """The DSL the text quotes: every quoted snippet with a bracket or a full stop that is no schema (`p(...)`,
    `[status] predicate(arg, ...)`) and no lone punctuation (`?`, `.`); `--given FACT` quotes its fact."""
    quoted = re.findall(r"`([^`]*)`", " ".join(text.split()))
    return [snippet.removeprefix("--given ") for snippet in quoted
            if ("(" in snippet or snippet.endswith(".")) and "..." not in snippet and len(snippet) > 1
            and not snippet.startswith("zan ")]


def test_every_example_of_the_explanations_is_dsl_the_parser_reads():
    """What an explanation shows as DSL, in every language, parses with the real grammar: a statement (it ends
    with a full stop) as a knowledge-base file, a negated condition as the condition of a rule, anything else
    as a question."""
    from engine.syntax.parser import parse_module, parse_query

    checked, wrong = {"en": 0, "kk": 0, "ru": 0}, []
    for code, language, text in explained_texts():
        for example in dsl_examples(text):
            try:
                if example.endswith("."):
                    parse_module(example, "<example>")
                elif example.startswith("not "):
                    parse_module(f"r if {example}.", "<example>")
                else:
                    parse_query(example, "<example>")
                checked[language] += 1
            except ZanError as e:
                wrong.append((code, language, example, str(e)))
    assert not wrong, wrong
    # the examples are found (a pattern that finds none would pass vacuously), the same number in each language
    assert checked["en"] >= 10 and checked["kk"] == checked["ru"] == checked["en"], checked


def test_every_command_an_explanation_shows_is_a_command_of_zan():
    from engine.cli import main

    shown = {(code, language, snippet.split()[1]) for code, language, text in explained_texts()
             for snippet in re.findall(r"`(zan [^`]*)`", " ".join(text.split()))}
    assert len({command for _c, _l, command in shown}) >= 5
    assert not [entry for entry in shown if entry[2] not in main.list_commands(None)]


def test_explain_prints_the_paragraph(zan):
    result = zan("check", "--explain", "exception-never-bites")
    assert result.exit_code == 0
    assert result.output.startswith("exception-never-bites (warning):")
    assert "never conflict" in result.output


def test_explain_an_unknown_code_is_a_usage_error(zan):
    result = zan("check", "--explain", "exception-never-bite")
    assert result.exit_code == 2
    assert "did you mean exception-never-bites?" in result.output


def test_list_codes_includes_the_new_codes(zan):
    output = zan("check", "--list-codes").output
    for code in ("exception-never-bites", "norm-never-in-force", "validity-outside-act", "unresolved-conflict",
                 "unused-predicate", "unread-fact", "missing-translation", "invalid-scenario"):
        assert code in output


def test_warnings_do_not_stop_a_question_errors_do(kb_case, zan):
    folder = kb_case(CASES["unresolved-conflict"], "isolated(bekov).\nconvict(bekov).\nconvict(serik).\nfriend(bekov, serik).\n")
    result = zan("ask", "call(bekov, serik, social)", "--kb", folder, "--facts", folder / "cases" / "case.facts",
                 "--at", "2025-01-01")
    assert result.exit_code == 0, result.output
    assert "undetermined" in result.output
    folder = kb_case(CASES["norm-never-in-force"], "isolated(bekov).\n")
    result = zan("ask", "visit(bekov, serik)", "--kb", folder, "--facts", folder / "cases" / "case.facts",
                 "--at", "2025-01-01")
    assert result.exit_code == 1
    assert "[norm-never-in-force]" in result.output
