"""A case of plain facts kept as rows (engine/syntax/facts.py, n.PlainFact) is checked, lowered and named exactly
as the same case read into every node at once: the same diagnostics (code, text, file:line:col, hint, notes) in
every language, the same program, the same names; a bad case file's diagnostics are also pinned by code and place."""

from __future__ import annotations

import datetime
import pickle

import pytest

from engine import checks, pipeline
from engine.base.diagnostics import ZanError, errors
from engine.logic import ir
from engine.syntax import facts
from engine.syntax import nodes as n

TEXTS = 'kk "к" ru "р" en "e"'


def predicate(name: str, *params: str) -> str:
    shown = " ".join("{" + p + "}" for p in params)
    readings = " ".join(f'reads {lang} "{shown}"' for lang in ("kk", "ru", "en"))
    return f"predicate {name}({', '.join(params)}) {TEXTS} {readings}.\n"


LAW = (f"act pec {TEXTS} rank 50 in force from 2015-01-01.\n"
       + predicate("convict", "C") + predicate("friend", "C", "P") + predicate("noted", "C")
       + predicate("call", "C", "P", "Purpose")
       + f'norm pec.1 cites "pec 1" {TEXTS}\n  permitted call(C, P, legal) if convict(C) and friend(C, P).\n'
       + "friend(C, somebody) if convict(C).\n")   # `somebody`: a lone constant unless a case names it

CASES = {
    "clean": {"ok.facts": "convict(a).\nfriend(a, b).\n\n  % a comment\nnoted(a).   % noted\nnoted(b).\n"
                          "\tconvict( c ) from 2024-01-01 to 2024-06-30 .\nfriend(a, 1.50).\nfriend(a, -3).\n"
                          "friend(a, 2025-01-02).\nfriend(a, \"x, y\").\nfriend(a, \"\").\nconvict(a).\n"},
    "named": {"named.facts": "convict(a).\nfriend(a, somebody).\n"},
    "crlf": {"crlf.facts": "convict(a).\r\nfriend(a, b).\r\n% end\r\n  convict(c) from 2024-01-01 .  % c\r\n"},
    "last line": {"last.facts": "convict(a).\n\n friend(a, b) from 2024-01-01 to 2024-12-31."},
    "errors": {"bad.facts": "unknown(a).\nconvict(a, b).\ncall(a, b, legal).\nconvict(d) from 2025-01-01 to 2024-01-01.\n"
                            "c\u043envict(e).\nfrend(a, b).\n",
               "more.facts": "noted(a, b, c).\nconvict(a).\n"},
    "scripts": {"scripts.facts": "convict(\u043espanov).\nconvict(\"jose\u0301\").\nfriend(a, \"текст с пробелами\").\n"
                                 "friend(a, b\u0456).\nfriend(a, \"ab\u0441\").\nconvict(a).\n"},
    "variable": {"variable.facts": "convict(a).\nconvict(X).\n"},
    "escape": {"escape.facts": "convict(a).\nfriend(a, \"say \\\"hi\\\"\").\n"},
    "unterminated": {"quote.facts": "convict(a).\nfriend(a, \"b).\n"},
    "rule": {"rule.facts": "convict(a).\nconvict(b) if noted(b).\n"},
    "keyword": {"keyword.facts": "convict(a).\nnorm(a).\n"},
    "no day": {"day.facts": "convict(a) from 2025-02-30.\n"},
    "conclusion": {"modal.facts": "convict(a).\npermitted call(a, b, legal).\n"},
    # rows (ASCII) beside a file the grammar reads (an escape): the checks walk the rows only where they are told
    # something, the other file's clauses always (checks/rows.py)
    "mixed": {"plain.facts": "convict(a).\nnoted(a).\nnoted(b).\nfriend(a, somebody).\n",
              "grammar.facts": "convict(b).\nnoted(c).\nfriend(b, \"say \\\"hi\\\"\").\nconvict(\u043eb).\n"},
}

# What each case is told, recorded (code, file, line, column): the rows must not lose or move any. The law's
# `legal` (7:24) and `somebody` (8:11) are lone constants unless a case names them (`named` does: the rows' values
# are counted); `noted` is unused where no case states it.
LONE = {("lone-constant", "law.zan", 7, 24), ("lone-constant", "law.zan", 8, 11)}
UNUSED = {("unused-predicate", "law.zan", 4, 11)}
EXPECTED = {
    "clean": LONE | {("unread-fact", "ok.facts", 5, 1)},
    "named": {("lone-constant", "law.zan", 7, 24)} | UNUSED,
    "crlf": LONE | UNUSED,
    "last line": LONE | UNUSED,
    "escape": LONE | UNUSED,
    "errors": {("undefined-predicate", "bad.facts", 1, 1), ("arity", "bad.facts", 2, 1),
               ("conclusion-as-fact", "bad.facts", 3, 1), ("invalid-interval", "bad.facts", 4, 12),
               ("undefined-predicate", "bad.facts", 5, 1), ("undefined-predicate", "bad.facts", 6, 1),
               ("arity", "more.facts", 1, 1)},
    "scripts": LONE | UNUSED | {("mixed-script", "scripts.facts", 1, 9), ("unnormalized-name", "scripts.facts", 2, 9),
                                ("mixed-script", "scripts.facts", 4, 11), ("mixed-script", "scripts.facts", 5, 11)},
    "variable": {("unsafe-variable", "variable.facts", 2, 9)},
    "rule": {("case-not-fact", "rule.facts", 2, 1)},
    "conclusion": {("case-not-fact", "modal.facts", 2, 1)},
    "keyword": {("syntax", "keyword.facts", 2, 5)},
    "no day": {("invalid-date", "day.facts", 1, 17)},
    "unterminated": {("syntax", "quote.facts", 2, 11)},
    "mixed": {("lone-constant", "law.zan", 7, 24), ("unread-fact", "plain.facts", 2, 1),
              ("unread-fact", "grammar.facts", 2, 1), ("mixed-script", "grammar.facts", 4, 9)},
}


def outcome(kb_dir, files, language: str):
    """Everything the case gives: the diagnostics of loading or of the checks, the program at a date, the names."""
    try:
        kb, _ = pipeline.load_knowledge(kb_dir, files)
    except ZanError as e:
        return ("load", e.diagnostics), kb_dir
    found = checks.run(kb, language)
    if errors(found):
        return ("checks", found), None
    program = ir.lower(kb, datetime.date(2024, 3, 1))
    return ("checks", found), (program.facts, program.occurrences, program.arities, sorted(map(repr, pipeline.known_names(kb))))


@pytest.fixture(scope="module")
def kb_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rows") / "kb"
    folder.mkdir()
    (folder / "law.zan").write_text(LAW, encoding="utf-8")
    return folder


def write(tmp_path, files: dict[str, str]) -> list:
    paths = []
    for name, text in files.items():
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


@pytest.mark.parametrize("case", sorted(CASES))
def test_rows_and_nodes_say_the_same(case, kb_dir, tmp_path, monkeypatch):
    paths = write(tmp_path, CASES[case])
    monkeypatch.chdir(tmp_path)   # files named as users see them: `bad.facts`
    for language in ("en", "ru", "kk"):
        monkeypatch.setattr(facts, "ROWS", False)
        nodes = outcome(kb_dir, paths, language)
        monkeypatch.setattr(facts, "ROWS", True)
        rows = outcome(kb_dir, paths, language)
        assert rows == nodes, (case, language)
    (_how, found), _rest = rows
    told = {(d.code, d.span.file.rsplit("/", 1)[-1], d.span.line, d.span.column) for d in found if d.span is not None}
    assert told == EXPECTED[case], case


def test_rows_are_clauses_whose_nodes_are_made_on_demand(kb_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = CASES["clean"]["ok.facts"]
    monkeypatch.setattr(facts, "ROWS", False)
    old = facts.read_plain_facts(text, "ok.facts")
    monkeypatch.setattr(facts, "ROWS", True)
    new = facts.read_plain_facts(text, "ok.facts")
    assert old is not None and new is not None and len(old.statements) == len(new.statements) == 11
    for row, clause in zip(new.statements, old.statements):
        assert type(row) is n.PlainFact and type(clause) is n.Clause
        assert (row.predicate, row.values, row.span, row.interval) == \
            (clause.head.predicate, clause.head.ground_values(), clause.span, clause.interval)
        assert row == clause and clause == row and hash(row) == hash(clause) and repr(row) == repr(clause)
        back = pickle.loads(pickle.dumps(row))
        assert type(back) is n.Clause and back == clause
    # checked and lowered without making a node of a fact's head
    paths = write(tmp_path, CASES["clean"])
    kb, _ = pipeline.load_knowledge(kb_dir, paths)
    checks.run(kb)
    ir.lower(kb, datetime.date(2024, 3, 1))
    rows = [c for c in kb.clauses if type(c) is n.PlainFact]
    assert len(rows) == 11
    unmade = 0
    for row in rows:
        try:
            n.Clause.head.__get__(row, n.PlainFact)
        except AttributeError:
            unmade += 1
    assert unmade == 10   # `noted(a)`'s head was made once: the unread-fact warning points at its predicate
    assert rows[0].head == old.statements[0].head   # made when asked for, with the grammar's spans


@pytest.mark.parametrize("case", ["clean", "errors", "mixed", "named", "scripts"])
def test_each_check_alone_says_what_it_says_in_the_run(case, kb_dir, tmp_path, monkeypatch):
    """`checks.run` splits the rows from the other clauses once for every check (checks/rows.kept); a check called
    alone makes its own split, and one made of clauses that changed since is not used."""
    from engine.checks import rows as summaries

    paths = write(tmp_path, CASES[case])
    monkeypatch.chdir(tmp_path)
    kb, _ = pipeline.load_knowledge(kb_dir, paths)
    assert any(type(c) is n.PlainFact for c in kb.clauses)
    always, advice = checks.checks()
    alone = {check.__name__: check.check(kb) for check in always + advice}
    with summaries.kept(kb) as kept:
        assert summaries.of(kb) is kept
        assert {check.__name__: check.check(kb) for check in always + advice} == alone
        kb.clauses.append(kb.clauses[-1])
        assert summaries.of(kb) is not kept and summaries.of(kb).count == kept.count + 1
        kb.clauses.pop()
    assert summaries.of(kb) is not kept
