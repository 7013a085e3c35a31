"""Plain fact files read line by line without lark: the same AST, many times faster on large cases.

Only the simplest shape is read here: one fact per line, `name(constant, ...)` with an optional
`from DATE [to DATE]`, a full stop and an optional `% comment`. Anything else (a rule, a keyword,
an escape in a string, a variable, a date that is no day) makes the whole file go to the grammar,
so every diagnostic still comes from one place.

Each fact is kept as a row (`PlainFact`: its predicate, its values, the span of the whole fact and its
interval), a `Clause` whose head (the atom, its constants and their spans) is made from its line only when
something asks for it: a diagnostic, a tool reading the case as text. The checks, the lowering and a
register's layout read the rows (a register of 100k cases: ~670k facts, each of which was nine nodes).
With ROWS off the reader makes every node at once (tests/test_case_rows.py compares the two).
"""

from __future__ import annotations

import datetime
import re
from sys import intern
from typing import Any

from engine.syntax import nodes as n
from engine.base.source import Span

_IDENT = r"[^\W\d]\w*"
_ARG = r'(?:"[^"\\\n]*"|[0-9]{4}-[0-9]{2}-[0-9]{2}|-?[0-9]+(?:\.[0-9]+)?|[^\W\d]\w*)'
_FACT = re.compile(
    rf"(?P<indent>[ \t]*)(?P<name>{_IDENT})(?P<open>[ \t]*\([ \t]*)(?P<args>{_ARG}(?:[ \t]*,[ \t]*{_ARG})*)[ \t]*\)"
    rf"(?P<interval>[ \t]+from[ \t]+\d{{4}}-\d{{2}}-\d{{2}}(?:[ \t]+to[ \t]+\d{{4}}-\d{{2}}-\d{{2}})?)?"
    rf"[ \t]*(?P<stop>\.)[ \t]*(?:%.*)?")
# Every line of a text, one match each (a plain fact, a blank or comment line, or anything else: `anything`), matched
# where it stands: a fact's first two arguments apart (`first`, `second`; `more`: any after them), no split or strip.
_LINES = re.compile(
    rf"^(?:[ \t]*(?P<name>{_IDENT})[ \t]*\([ \t]*(?P<args>(?P<first>{_ARG})(?:[ \t]*,[ \t]*(?P<second>{_ARG}))?"
    rf"(?P<more>(?:[ \t]*,[ \t]*{_ARG})*))[ \t]*\)"
    rf"(?P<interval>[ \t]+from[ \t]+\d{{4}}-\d{{2}}-\d{{2}}(?:[ \t]+to[ \t]+\d{{4}}-\d{{2}}-\d{{2}})?)?"
    rf"[ \t]*(?P<stop>\.)[ \t]*(?:%.*)?|[ \t]*(?:%.*)?|(?P<anything>.*))\r?$", re.MULTILINE)
_NAME, _FIRST, _SECOND, _MORE, _DURING, _STOP, _ANYTHING = (_LINES.groupindex[name] for name in (
    "name", "first", "second", "more", "interval", "stop", "anything"))   # looked up by number, not by name, each line
_ARGS = re.compile(_ARG)
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ARG_AT = re.compile(rf"[ \t]*,?[ \t]*({_ARG})")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Words the grammar reads as keywords at the start of a statement.
_KEYWORDS = {"act", "predicate", "constant", "norm", "question",
             "permitted", "prohibited", "obligatory", "discretionary"}


ROWS = True   # facts kept as rows, their nodes made when asked for (False: every node at once, as before)


def read_plain_facts(text: str, path: str) -> n.Module | None:
    """The module, if every line is blank, a comment or one plain fact; otherwise None."""
    statements: list = []
    rows = ROWS
    source = _Source(text, path)
    values: dict[str, object] = {}   # a token's value: a name recurs in every fact about it (one string, read once)
    make, put_span, put_interval = object.__new__, _SPAN.__set__, _INTERVAL.__set__
    put_predicate, put_values, put_source = _PREDICATE.__set__, _VALUES.__set__, _SOURCE.__set__
    span_file, span_line, span_column, span_end_line, span_end_column = _SPAN_SETTERS
    singles: dict[str, tuple] = {}   # one argument's values: `p(a)`, `q(a)` share them
    predicates: dict[str, str] = {}   # one string per predicate, not one per fact
    append = statements.append
    number = 0
    for m in _LINES.finditer(text):   # each line matched where it stands in the text: no list of every line's copy
        number += 1
        name, first, second, more, during, anything = m.group(_NAME, _FIRST, _SECOND, _MORE, _DURING, _ANYTHING)
        if name is None:
            if anything is not None:
                return None
            continue   # blank, or a comment
        if name in _KEYWORDS:
            return None
        offset = m.start()   # where the line starts in what m matched
        if not rows or during:   # every node at once; a fact with an interval (rare) read off its own line
            line = text[offset:m.end()]
            if line.endswith("\r"):
                line = line[:-1]
            own = _FACT.fullmatch(line)
            assert own is not None   # the line matched where it stands
            if not rows:
                clause = _clause(own, line, number, path)
                if clause is None:
                    return None
                append(clause)
                continue
        # a name that starts with a to z is itself (_value), read without a call: a register's many
        if second is None:   # one argument
            args = singles.get(first)
            if args is None:
                value = values.get(first)
                if value is None:
                    value = values[first] = intern(first) if first[0] in _LOWER else _value(first)
                    if value is None:
                        return None
                args = singles[first] = (value,)
        elif not more:   # two
            value = values.get(first)
            if value is None:
                value = values[first] = intern(first) if first[0] in _LOWER else _value(first)
                if value is None:
                    return None
            other = values.get(second)
            if other is None:
                other = values[second] = intern(second) if second[0] in _LOWER else _value(second)
                if other is None:
                    return None
            args = (value, other)
        else:
            found = []
            for token in (first, second, *_ARGS.findall(more)):
                value = values.get(token)
                if value is None:
                    value = values[token] = _value(token)
                    if value is None:
                        return None
                found.append(value)
            args = tuple(found)
        interval = None
        if during:
            assert own is not None   # read off its own line above
            interval = _interval(own, line, number, path)
            if interval is None:
                return None
        fact = make(n.PlainFact)
        predicate = predicates.get(name)
        if predicate is None:
            predicate = predicates[name] = intern(name)
        put_predicate(fact, predicate)
        put_values(fact, args)
        put_source(fact, source)
        span = make(Span)   # Span(path, number, name's column, number, the stop's column + 1), its slots set directly
        span_file(span, path)
        span_line(span, number)
        span_column(span, m.start(_NAME) - offset + 1)
        span_end_line(span, number)
        span_end_column(span, m.start(_STOP) - offset + 2)
        put_span(fact, span)
        put_interval(fact, interval)
        append(fact)
    return n.Module(path, tuple(statements))


class _Source:
    """A case file's text, cut into lines the first time a fact's nodes are made from its line."""

    __slots__ = ("text", "path", "lines")

    def __init__(self, text: str, path: str):
        self.text, self.path = text, path
        self.lines: list[str] | None = None

    def clause(self, number: int) -> n.Clause:
        """The fact written on line `number`, every node made as the grammar would (n.PlainFact.head)."""
        if self.lines is None:
            self.lines = self.text.split("\n")
        line = self.lines[number - 1]
        if line.endswith("\r"):
            line = line[:-1]
        m = _FACT.fullmatch(line)
        clause = _clause(m, line, number, self.path) if m is not None else None
        assert clause is not None, "a row is made only from a line the reader read"
        return clause


_SLOTS: dict[str, Any] = {**vars(n.Clause), **vars(n.PlainFact)}   # the slots' descriptors: a row's fields set directly
_SPAN, _INTERVAL, _PREDICATE, _VALUES, _SOURCE = (_SLOTS[name] for name in ("span", "interval", "predicate", "values", "source"))
_SPAN_SETTERS = tuple(vars(Span)[name].__set__ for name in ("file", "line", "column", "end_line", "end_column"))


def _interval(m: re.Match, line: str, number: int, path: str) -> n.Interval | None:
    """A fact's `from DATE [to DATE]`, None when a date is no day (the grammar says what is wrong with it)."""
    dates = [(d.group(0), d.start() + 1) for d in _DATE.finditer(line, m.start("interval"), m.end("interval"))]
    try:
        start_day = datetime.date.fromisoformat(dates[0][0])
        end_day = datetime.date.fromisoformat(dates[1][0]) if len(dates) > 1 else None
    except ValueError:
        return None
    from_at = line.index("from", m.start("interval")) + 1
    last_text, last_at = dates[-1]
    return n.Interval(start_day, end_day, Span(path, number, from_at, number, last_at + len(last_text)))


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
        interval = _interval(m, line, number, path)
        if interval is None:
            return None
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
