"""The parser: a golden of the AST for every construct, positions, and the query syntax."""

import dataclasses
import datetime
from decimal import Decimal

import pytest

from conftest import ROOT
from engine.syntax import nodes as n
from engine.base.diagnostics import ZanError
from engine.syntax.parser import parse_module, parse_query
from engine.base.source import Span


def dump(node, indent: str = "") -> str:
    """A compact, stable rendering of AST nodes: `Kind@line:col field=value`."""
    if isinstance(node, (list, tuple)) and not dataclasses.is_dataclass(node):   # a tuple-backed record is no list
        return "[" + ", ".join(dump(x, indent) for x in node) + "]"
    if isinstance(node, Span):
        return f"@{node.line}:{node.column}"
    if isinstance(node, n.Variable):
        return f"?{node.name}"
    if isinstance(node, n.Constant):
        return f"{type(node.value).__name__}:{n.format_value(node.value)}"
    if dataclasses.is_dataclass(node):
        parts = []
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            if f.name.endswith("span") or value in (None, (), ""):
                continue
            parts.append(f"{f.name}={dump(value, indent + '  ')}")
        span = getattr(node, "span", None)
        where = f"@{span.line}:{span.column}" if isinstance(span, Span) else ""
        return f"{type(node).__name__}{where}(" + ", ".join(parts) + ")"
    if isinstance(node, (datetime.date, Decimal)):
        return str(node)
    return repr(node)


def test_every_construct_golden(golden):
    path = ROOT / "tests" / "inputs" / "parser" / "constructs.zan"
    module = parse_module(path.read_text(encoding="utf-8"), "constructs.zan")
    golden("parser/constructs.ast", "\n".join(dump(s) for s in module.statements) + "\n")


def test_values_and_variables():
    module = parse_module('p(a, "Text", Х, _x, 2024-12-27, 3, 1.25).', "t.zan")
    (clause,) = module.statements
    values = clause.head.args
    assert [type(v) for v in values] == [n.Constant, n.Constant, n.Variable, n.Variable, n.Constant, n.Constant, n.Constant]
    assert values[4].value == datetime.date(2024, 12, 27)
    assert values[6].value == Decimal("1.25")  # never a float: no rounding
    assert values[0].span == Span("t.zan", 1, 3, 1, 4)


def test_query_with_and_without_status():
    q = parse_query("permitted call(kunakbaev, P, Purpose)")
    assert q.status == "permitted" and q.atom.predicate == "call" and len(q.atom.args) == 3
    assert parse_query("call(kunakbaev, P, Purpose)").status is None


@pytest.mark.parametrize("text", ["call(", "permitted", "call(a,,b)", "call(a) extra", "'x'", ""])
def test_bad_queries_are_located_syntax_errors(text):
    with pytest.raises(ZanError) as e:
        parse_query(text)
    (d,) = e.value.diagnostics
    assert d.code == "syntax" and d.span.line == 1 and d.span.column >= 1


def test_keywords_are_names_where_a_name_is_expected():
    module = parse_module("and(if, not, from).", "t.zan")
    assert module.statements[0].head.predicate == "and"
