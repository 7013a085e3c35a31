"""Plain fact files read line by line without lark: the same AST, many times faster on large cases.

Only the simplest shape is read here: one fact per line, `name(constant, ...)` with an optional
`from DATE [to DATE]`, a full stop and an optional `% comment`. Anything else (a rule, a keyword,
an escape in a string, a variable, a date that is no day) makes the whole file go to the grammar,
so every diagnostic still comes from one place.
"""

from __future__ import annotations

import datetime
import re
from sys import intern

from engine.syntax import nodes as n
from engine.base.source import Span

_IDENT = r"[^\W\d]\w*"
_ARG = r'(?:"[^"\\\n]*"|[0-9]{4}-[0-9]{2}-[0-9]{2}|-?[0-9]+(?:\.[0-9]+)?|[^\W\d]\w*)'
_FACT = re.compile(
    rf"(?P<indent>[ \t]*)(?P<name>{_IDENT})(?P<open>[ \t]*\([ \t]*)(?P<args>{_ARG}(?:[ \t]*,[ \t]*{_ARG})*)[ \t]*\)"
    rf"(?P<interval>[ \t]+from[ \t]+\d{{4}}-\d{{2}}-\d{{2}}(?:[ \t]+to[ \t]+\d{{4}}-\d{{2}}-\d{{2}})?)?"
    rf"[ \t]*\.[ \t]*(?:%.*)?")
_ARG_AT = re.compile(rf"[ \t]*,?[ \t]*({_ARG})")
_BLANK = re.compile(r"[ \t]*(?:%.*)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Words the grammar reads as keywords at the start of a statement.
_KEYWORDS = {"act", "predicate", "constant", "norm", "question",
             "permitted", "prohibited", "obligatory", "discretionary"}


def read_plain_facts(text: str, path: str) -> n.Module | None:
    """The module, if every line is blank, a comment or one plain fact; otherwise None."""
    statements = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.endswith("\r"):
            line = line[:-1]
        if _BLANK.fullmatch(line):
            continue
        m = _FACT.fullmatch(line)
        if m is None or m.group("name") in _KEYWORDS:
            return None
        clause = _clause(m, line, number, path)
        if clause is None:
            return None
        statements.append(clause)
    return n.Module(path, tuple(statements))


def _clause(m: re.Match, line: str, number: int, path: str) -> n.Clause | None:
    start = m.start("name") + 1
    args = []
    position = m.end("open")
    while True:
        a = _ARG_AT.match(line, position)
        if a is None or a.start(1) >= m.end("args") + 1:
            break
        value = _value(a.group(1))
        if value is None:
            return None
        args.append(n.Constant(value, Span(path, number, a.start(1) + 1, number, a.end(1) + 1)))
        position = a.end(1)
        if position >= m.end("args"):
            break
    close = line.index(")", m.end("args")) + 1
    interval = None
    if m.group("interval"):
        dates = [(d.group(0), d.start() + 1) for d in _DATE.finditer(line, m.start("interval"), m.end("interval"))]
        try:
            start_day = datetime.date.fromisoformat(dates[0][0])
            end_day = datetime.date.fromisoformat(dates[1][0]) if len(dates) > 1 else None
        except ValueError:
            return None
        from_at = line.index("from", m.start("interval")) + 1
        last_text, last_at = dates[-1]
        interval = n.Interval(start_day, end_day, Span(path, number, from_at, number, last_at + len(last_text)))
    stop = line.index(".", close - 1 if not m.group("interval") else m.end("interval")) + 1
    name = intern(m.group("name"))   # one string per predicate, not one per fact (a 100k register: ~670k facts)
    atom = n.Atom(name, tuple(args), Span(path, number, start, number, close + 1),
                  Span(path, number, start, number, start + len(name)))
    return n.Clause(None, atom, (), interval, Span(path, number, start, number, stop + 1))


def _value(token: str):
    if token.startswith('"'):
        return token[1:-1]
    if token[0] in "0123456789-":
        if _DATE.fullmatch(token):
            try:
                return datetime.date.fromisoformat(token)
            except ValueError:
                return None
        try:
            return n.number(token)
        except ValueError:
            return None  # the grammar says what is wrong with it
    if not token[0].isalpha():
        return None  # `²`, `①`: the grammar decides what they are
    if token[0] == "_" or token[0].isupper():
        return None  # a variable: the grammar and the checks say what is wrong with it
    return intern(token)   # a name recurs in every fact about it: one string each (memory of a register)
