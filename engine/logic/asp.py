"""The IR exported to ASP for clingo: a reference to measure against and to check statuses with (benchmarks only).

Relations become `r<k>` predicates (their names hold ':'), constants quoted strings or numbers, and
dates `d(Y, M, D)` so that clingo orders them as calendars do. Comparisons across kinds of values
follow clingo's total order of terms, not Zan's (where `<` across kinds is false); the bundled
knowledge base compares nothing, so the two agree on it.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from engine.syntax import nodes as n
from engine.logic.model import Model
from engine.logic.ir import Program


def symbol(value) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal, datetime.date)):
        raise ValueError(f"no ASP term for {value!r}")
    if isinstance(value, datetime.date):
        return f"d({value.year},{value.month},{value.day})"
    if isinstance(value, Decimal):
        return f'dec("{value}")'
    if isinstance(value, int):
        return str(value)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class Export:
    """The program as ASP text, with the names given to its relations."""

    def __init__(self, program: Program):
        self.program = program
        relations = sorted(set(program.arities) | set(program.facts) | {r.relation for r in program.rules})
        self.names = {relation: f"r{i}" for i, relation in enumerate(relations)}
        self.relations = {name: relation for relation, name in self.names.items()}

    def atom(self, relation: str, terms: list[str]) -> str:
        return f"{self.names[relation]}({','.join(terms)})" if terms else self.names[relation]

    def text(self) -> str:
        lines = []
        for relation, facts in self.program.facts.items():
            for values in facts:
                lines.append(self.atom(relation, [symbol(v) for v in values]) + ".")
        for rule in self.program.rules:
            variables: dict[str, str] = {}

            def term(t) -> str:
                if isinstance(t, n.Variable):
                    return "_" if t.name == "_" else variables.setdefault(t.name, f"V{len(variables)}")
                return symbol(t.value)

            body = []
            for c in rule.evaluated_body:
                if isinstance(c, n.Atom):
                    body.append(self.atom(c.predicate, [term(t) for t in c.args]))
                elif isinstance(c, n.Negation):
                    body.append("not " + self.atom(c.atom.predicate, [term(t) for t in c.atom.args]))
                else:
                    body.append(f"{term(c.left)}{c.operator}{term(c.right)}")
            head = self.atom(rule.relation, [term(t) for t in rule.head.args])
            lines.append(head + (" :- " + ", ".join(body) if body else "") + ".")
        for relation, arity in sorted(self.program.arities.items()):  # declare every relation, even empty ones
            lines.append(f"#defined {self.names[relation]}/{arity}.")
        return "\n".join(lines) + "\n"


def value(symbol_):
    """A clingo symbol back as the Python value the IR uses."""
    import clingo

    if symbol_.type == clingo.SymbolType.Number:
        return symbol_.number
    if symbol_.type == clingo.SymbolType.String:
        return symbol_.string
    if symbol_.name == "d":
        return datetime.date(*(a.number for a in symbol_.arguments))
    if symbol_.name == "dec":
        return Decimal(symbol_.arguments[0].string)
    raise ValueError(f"unexpected symbol {symbol_}")


def solve(program: Program, relations: set[str] | None = None) -> Model:
    """The program's model as clingo computes it (stratified, so exactly one), for the relations asked."""
    import clingo

    export = Export(program)
    control = clingo.Control(["--warn=none"])
    control.add("base", [], export.text())
    control.ground([("base", [])])
    model = Model()
    with control.solve(yield_=True) as handle:
        for answer in handle:
            for atom in answer.symbols(atoms=True):
                relation = export.relations.get(atom.name)
                if relation is None or (relations is not None and relation not in relations):
                    continue
                model.relations.setdefault(relation, set()).add(tuple(value(a) for a in atom.arguments))
            break
    return model
