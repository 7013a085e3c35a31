"""Conformance: the `datalog-conformance` suite's programs and theories, read into our IR and run by our engine.

The suite writes rules as text (`reach(X,Y) :- edge(X,Z), reach(Z,Y).`). This module reads that text
with a small parser of its own (never Python's eval), lowers it to `engine.logic.ir.Program` rules over
`engine.syntax.nodes` atoms, runs our checks (arity, safety, stratification), evaluates with
`engine.logic.evaluator` (the chosen evaluator: pyDatalog through Python objects unless another is chosen) and, for defeasible theories, reasons with
`engine.logic.defeasible`. Expected errors carry the suite's codes (`.code`):

    arity          -> arity_mismatch     unsafe-variable -> unbound_variable
    unstratifiable -> cyclic_negation    `_` in a head   -> safety_violations

Two readings the suite leaves to the reader (see docs/conformance.md):
- Variables: Soufflé- and Crepe-derived programs write variables in lower case, the others in
  upper case. A program none of whose rule arguments starts with a capital letter is read the
  Soufflé way (every bare name is a variable, constants are quoted or numbers); otherwise bare
  lower-case names are constants, as in our DSL.
- A variable that occurs under `not` and is bound nowhere else in its rule is read as Nemo reads it:
  existentially inside the negation (`not s(X, P)` = "there is no P with s(X, P)"), like `_`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import field
from engine.base.records import dataclass
from typing import Iterable, Mapping, NoReturn

from engine.syntax import nodes as n
from engine.syntax.analysis import DependencyGraph
from engine.checks.safety import check_conditions
from engine.base.diagnostics import Diagnostic
from engine.logic.evaluator import evaluate as evaluate_program
from engine.logic.model import ARITHMETIC
from engine.logic.ir import Program as IRProgram, Rule
from engine.base.source import Span

# Our diagnostic codes, as the suite names them.
SUITE_CODES = {"arity": "arity_mismatch", "unsafe-variable": "unbound_variable",
               "unstratifiable": "cyclic_negation", "syntax": "syntax_error"}


class ConformanceError(Exception):
    """A program or theory our checks reject; `code` is the suite's name for it, `diagnostics` ours."""

    def __init__(self, code: str, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = tuple(diagnostics)
        self.code = code
        super().__init__(f"{code}: " + "; ".join(d.message for d in self.diagnostics))


# ------------------------------------------------------------------------------------------ reading

_TOKEN = re.compile(r"""\s*(?:
    (?P<number>\d+(?:\.\d+)?)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<name>~?[A-Za-z_][\w]*(?::\w+)*)
  | (?P<op>:-|!=|<=|>=|[-+*/%(),.=<>]))""", re.VERBOSE)


@dataclass(frozen=True)
class Expression:
    """An arithmetic term as the suite writes it (`a+b`, `n - 1`): left operator right."""

    left: object
    operator: str
    right: object


@dataclass
class _Literal:
    predicate: str
    args: list
    negated: bool = False


@dataclass
class _Comparison:
    left: object
    operator: str
    right: object


@dataclass
class ParsedRule:
    head: _Literal
    body: list = field(default_factory=list)
    text: str = ""


class _Reader:
    """Recursive descent over one rule's tokens."""

    def __init__(self, text: str, where: str):
        self.text, self.where = text, where
        self.tokens: list[tuple[str, str, int]] = []
        pos = 0
        stripped = text.rstrip()
        while pos < len(stripped):
            m = _TOKEN.match(stripped, pos)
            if not m or m.end() == pos:
                self.fail(f"unexpected character {stripped[pos:pos + 1]!r}", pos)
            kind = m.lastgroup
            assert kind is not None, "every alternative of _TOKEN is a named group"
            self.tokens.append((kind, m.group(kind), m.start(kind)))
            pos = m.end()
        self.i = 0

    def fail(self, message: str, pos: int | None = None) -> NoReturn:
        column = (pos if pos is not None else (self.tokens[self.i][2] if self.i < len(self.tokens) else len(self.text))) + 1
        raise ConformanceError("syntax_error", [Diagnostic("syntax", message, Span(self.where, 1, column))])

    def peek(self, value: str | None = None, kind: str | None = None) -> bool:
        if self.i >= len(self.tokens):
            return False
        k, v, _ = self.tokens[self.i]
        return (value is None or v == value) and (kind is None or k == kind)

    def take(self, value: str | None = None, kind: str | None = None) -> str:
        if not self.peek(value, kind):
            self.fail(f"expected {value or kind}")
        self.i += 1
        return self.tokens[self.i - 1][1]

    def rule(self) -> ParsedRule:
        head = self.literal()
        body = []
        if self.peek(":-"):
            self.take(":-")
            body.append(self.condition())
            while self.peek(","):
                self.take(",")
                body.append(self.condition())
        if self.peek("."):
            self.take(".")
        if self.i != len(self.tokens):
            self.fail("unexpected text after the rule")
        if head.negated:
            self.fail("a head cannot be negated with `not`")
        return ParsedRule(head, body, self.text)

    def condition(self):
        if self.peek("not", "name"):
            self.take()
            literal = self.literal()
            literal.negated = True
            return literal
        if self.peek("("):  # a parenthesised comparison: (n <= 25)
            self.take("(")
            c = self.comparison(self.expression())
            self.take(")")
            return c
        if self.peek(kind="name") and self.i + 1 < len(self.tokens) and self.tokens[self.i + 1][1] == "(":
            return self.literal()
        left = self.expression()
        if self.peek(kind="op") and self.tokens[self.i][1] in ("=", "!=", "<", "<=", ">", ">="):
            return self.comparison(left)
        if isinstance(left, str):  # a proposition: `p` in a body
            return _Literal(left, [])
        self.fail("expected a condition")

    def comparison(self, left):
        op = self.take(kind="op")
        if op not in ("=", "!=", "<", "<=", ">", ">="):
            self.fail(f"expected a comparison, found {op!r}")
        return _Comparison(left, op, self.expression())

    def literal(self) -> _Literal:
        name = self.take(kind="name")
        args = []
        if self.peek("("):
            self.take("(")
            if not self.peek(")"):
                args.append(self.expression())
                while self.peek(","):
                    self.take(",")
                    args.append(self.expression())
            self.take(")")
        return _Literal(name, args)

    # terms: names are kept as ("name", text) until the program's variable convention is known
    def expression(self):
        left = self.product()
        while self.peek("+") or self.peek("-"):
            op = self.take()
            left = Expression(left, op, self.product())
        return left

    def product(self):
        left = self.primary()
        while self.peek("*") or self.peek("/") or self.peek("%"):
            op = self.take()
            left = Expression(left, op, self.primary())
        return left

    def primary(self):
        if self.peek("-"):
            self.take()
            return Expression(0, "-", self.primary())
        if self.peek("("):
            self.take("(")
            e = self.expression()
            self.take(")")
            return e
        if self.peek(kind="number"):
            text = self.take()
            return int(text) if "." not in text else float(text)
        if self.peek(kind="string"):
            raw = self.take()[1:-1]
            return _Quoted(re.sub(r"\\(.)", r"\1", raw))
        if self.peek(kind="name"):
            return _Name(self.take())
        self.fail("expected a term")


class _Name(str):
    """A bare name in argument position: a variable or a constant, by the program's convention."""


class _Quoted(str):
    """A double-quoted string: always a constant."""


def parse_rule(text: str, where: str = "<rule>") -> ParsedRule:
    return _Reader(text, where).rule()


def parse_literal(text: str, where: str = "<literal>") -> _Literal:
    """One body literal or head of a theory rule: `p(X)`, `~p(X)`, `not q(X)`, `p`."""
    reader = _Reader(text, where)
    negated = False
    if reader.peek("not", "name"):
        reader.take()
        negated = True
    literal = reader.literal()
    if reader.i != len(reader.tokens):
        reader.fail("unexpected text after the literal")
    literal.negated = negated
    return literal


def lower_case_variables(rules: Iterable[ParsedRule]) -> bool:
    """True for the Soufflé convention: no argument of any rule is a capitalised name."""
    def names(term):
        if isinstance(term, _Name):
            yield term
        elif isinstance(term, Expression):
            yield from names(term.left)
            yield from names(term.right)
    for rule in rules:
        literals = [rule.head] + [c for c in rule.body if isinstance(c, _Literal)]
        terms = [a for lit in literals for a in lit.args]
        terms += [t for c in rule.body if isinstance(c, _Comparison) for t in (c.left, c.right)]
        for term in terms:
            for name in names(term):
                if name[0].isupper():
                    return False
    return True


# ------------------------------------------------------------------------------------------ lowering

class Lowering:
    """Turns parsed rules into IR rules; arithmetic becomes built-in atoms bound to fresh variables."""

    def __init__(self, lower_vars: bool, where: str):
        self.lower_vars = lower_vars
        self.where = where
        self.fresh = 0
        self.auxiliary: list[tuple[n.Atom, tuple]] = []   # projections made for existential negations

    def span(self, index: int) -> Span:
        return Span(self.where, index + 1, 1)

    def is_variable(self, name: str) -> bool:
        return name == "_" or name[0] == "_" or name[0].isupper() or self.lower_vars

    def term(self, term, span: Span, extra: list):
        if isinstance(term, Expression):
            left = self.term(term.left, span, extra)
            right = self.term(term.right, span, extra)
            if isinstance(left, n.Constant) and isinstance(right, n.Constant):
                value = ARITHMETIC[term.operator](left.value, right.value)
                if value is not None:
                    return n.Constant(value, span)
            self.fresh += 1
            result = n.Variable(f"_Arith{self.fresh}", span)
            extra.append(n.Atom(term.operator, (left, right, result), span, span))
            return result
        if isinstance(term, _Quoted):
            return n.Constant(str(term), span)
        if isinstance(term, _Name):
            name = str(term)
            if self.is_variable(name):
                return n.Variable("_" if name == "_" else name, span)
            return n.Constant(name, span)
        return n.Constant(term, span)

    def atom(self, literal: _Literal, span: Span, extra: list, predicate: str | None = None) -> n.Atom:
        args = tuple(self.term(a, span, extra) for a in literal.args)
        return n.Atom(predicate or literal.predicate, args, span, span)

    def rule(self, parsed: ParsedRule, index: int, relation=lambda p: p) -> tuple[n.Atom, tuple]:
        span = self.span(index)
        head_extra: list = []
        head = self.atom(parsed.head, span, head_extra, relation(parsed.head.predicate))
        body: list = []
        for c in parsed.body:
            extra: list = []
            if isinstance(c, _Literal):
                atom = self.atom(c, span, extra, relation(c.predicate))
                body.extend(extra)
                body.append(n.Negation(atom, span) if c.negated else atom)
            else:
                left, right = self.term(c.left, span, extra), self.term(c.right, span, extra)
                body.extend(extra)
                body.append(n.Comparison(left, c.operator, right, span))
        body.extend(head_extra)
        return head, tuple(_existential_negation(head, body, self.auxiliary))


def _existential_negation(head: n.Atom, body: list, auxiliary: list) -> list:
    """Nemo's reading of `not s(X, P)` where P is bound nowhere else: "there is no P such that s(X, P)".

    Each such negation becomes `not exists:k(X)` with the rule `exists:k(X) :- s(X, P)`, a plain
    projection, so the program stays safe and stratified in the ordinary sense.
    """
    from engine.logic.ir import bound_variables

    bound = bound_variables(body) | {v.name for v in head.variables()}
    out = []
    for c in body:
        if isinstance(c, n.Negation):
            free = {v.name for v in c.atom.variables() if v.name != "_" and v.name not in bound}
            if free:
                kept: list[n.Variable] = []
                for v in c.atom.variables():
                    if v.name != "_" and v.name not in free and v.name not in [k.name for k in kept]:
                        kept.append(v)
                name = f"exists:{len(auxiliary) + 1}"
                projection = n.Atom(name, tuple(kept), c.span, c.span)
                auxiliary.append((projection, (c.atom,)))
                c = n.Negation(projection, c.span)
        out.append(c)
    return out


def is_auxiliary(relation: str) -> bool:
    return relation.startswith("exists:")


# ------------------------------------------------------------------------------------------ checks

def check_rules(rules: list[tuple[n.Atom, tuple]], facts: dict[str, list[tuple]], where: str) -> None:
    """Our checks over suite rules; raises ConformanceError with the suite's code for the first kind found."""
    found: list[Diagnostic] = []
    # arity: one relation, one number of arguments (facts included)
    arities: dict[str, tuple[int, Span]] = {}

    def see(predicate: str, arity: int, span: Span):
        if n_builtin(predicate):
            return
        first = arities.setdefault(predicate, (arity, span))
        if first[0] != arity:
            found.append(Diagnostic("arity", f"{predicate} is used with {arity} and with {first[0]} arguments", span))

    for predicate, rows in sorted(facts.items()):
        for row in rows:
            see(predicate, len(row), Span(where, 1, 1))
    for head, body in rules:
        see(head.predicate, head.arity, head.span)
        for c in body:
            atom = c if isinstance(c, n.Atom) else c.atom if isinstance(c, n.Negation) else None
            if atom is not None:
                see(atom.predicate, atom.arity, atom.span)
    if found:
        raise ConformanceError(SUITE_CODES["arity"], found)

    for head, body in rules:
        anonymous = [v for v in head.variables() if v.name == "_"]
        if anonymous:
            raise ConformanceError("safety_violations", [Diagnostic(
                "unsafe-variable", "the anonymous variable _ cannot stand in a head", anonymous[0].span)])
        found += check_conditions(head.variables(), body, "the head")
    if found:
        raise ConformanceError(SUITE_CODES["unsafe-variable"], found)

    graph = DependencyGraph()
    for head, body in rules:
        graph.nodes.add(head.predicate)
        for c in body:
            if isinstance(c, n.Atom) and not n_builtin(c.predicate):
                graph.add(head.predicate, c.predicate, False, c.span)
            elif isinstance(c, n.Negation):
                graph.add(head.predicate, c.atom.predicate, True, c.span)
    cycles = graph.negative_cycles()
    if cycles:
        raise ConformanceError(SUITE_CODES["unstratifiable"], [Diagnostic(
            "unstratifiable", f"unable to stratify {{{', '.join(members)}}}", graph.witnesses.get(negatives[0]))
            for members, negatives in cycles])


def n_builtin(predicate: str) -> bool:
    return predicate in ARITHMETIC


def build_program(rules: list[tuple[n.Atom, tuple]], facts: Mapping[str, Iterable[tuple]], where: str,
                  relation=lambda p: p) -> IRProgram:
    """An IR program of the suite's facts and lowered rules (checked beforehand)."""
    program = IRProgram(at=datetime.date(2000, 1, 1))
    span = Span(where, 1, 1)
    for predicate, rows in facts.items():
        name = relation(predicate)
        rows = list(rows)
        if rows:
            program.arities.setdefault(name, len(rows[0]))
        for row in rows:
            program.add_fact(name, tuple(row), span)
    for head, body in rules:
        program.arities.setdefault(head.predicate, head.arity)
        for c in body:
            atom = c if isinstance(c, n.Atom) else c.atom if isinstance(c, n.Negation) else None
            if atom is not None and not n_builtin(atom.predicate):
                program.arities.setdefault(atom.predicate, atom.arity)
        program.rules.append(Rule(head, body, None, None, head.span))
    return program


def read_program(rule_texts: list[str], facts: dict[str, list[tuple]], where: str = "<program>") -> IRProgram:
    """Suite program text -> checked IR program."""
    parsed = [parse_rule(text, f"{where}#rule{i + 1}") for i, text in enumerate(rule_texts)]
    lowering = Lowering(lower_case_variables(parsed), where)
    rules = [lowering.rule(p, i) for i, p in enumerate(parsed)]
    rules += lowering.auxiliary
    check_rules(rules, facts, where)
    return build_program(rules, facts, where)


def read_theory(theory, where: str = "<theory>"):
    """A suite theory (facts, strict rules, defeasible rules, defeaters, superiority) -> checked defeasible.Theory."""
    from engine.logic import defeasible

    kinds = [("strict", theory.strict_rules), ("defeasible", theory.defeasible_rules), ("defeater", theory.defeaters)]
    parsed = []
    for kind, rules in kinds:
        for rule in rules:
            where_rule = f"{where}#{rule.id}"
            head = parse_literal(rule.head, where_rule)
            if head.negated:
                raise ConformanceError("syntax_error", [Diagnostic("syntax", "a head cannot be negated with `not`",
                                                                   Span(where_rule, 1, 1))])
            parsed.append((kind, rule.id, ParsedRule(head, [parse_literal(b, where_rule) for b in rule.body])))
    lowering = Lowering(lower_case_variables(p for _, _, p in parsed), where)
    lowered = [(kind, rule_id, lowering.rule(p, i)) for i, (kind, rule_id, p) in enumerate(parsed)]
    lowered += [("strict", f"exists:{i + 1}", rule) for i, rule in enumerate(lowering.auxiliary)]
    facts = {p: [tuple(r) for r in rows] for p, rows in theory.facts.items()}
    check_rules([r for _, _, r in lowered], facts, where)
    return defeasible.Theory(
        facts={p: set(rows) for p, rows in facts.items()},
        rules=[defeasible.DefeasibleRule(rule_id, kind, head, body) for kind, rule_id, (head, body) in lowered],
        superiority={tuple(pair) for pair in theory.superiority},
        conflicts={tuple(pair) for pair in theory.conflicts},
    )


# ------------------------------------------------------------------------------------------ evaluator

def _suite_types():
    try:
        from datalog_conformance.schema import DefeasibleModel, Model, Policy
        return Model, DefeasibleModel, Policy
    except ImportError:  # the suite is a test dependency; without it plain objects do
        return None, None, None


@dataclass
class PlainModel:
    facts: dict


@dataclass
class PlainDefeasibleModel:
    sections: dict


class Evaluator:
    """`evaluate(program) -> Model` and `evaluate(theory, policy) -> DefeasibleModel` on our engine.

    `specificity=True` lets a more specific defeasible rule beat a conflicting one without an
    explicit superiority pair (generalised specificity, an automatic lex specialis). `defeat="rule"`
    is the knowledge base's reading of defeat (a rule is defeated by any superior attacker in play;
    engine/logic/defeasible.py `DEFEAT`).
    """

    def __init__(self, specificity: bool = False, defeat: str = "team"):
        self.specificity, self.defeat = specificity, defeat
        self._cache: dict = {}

    def evaluate(self, program_or_theory, policy=None):
        if policy is not None or hasattr(program_or_theory, "strict_rules"):
            return self.evaluate_theory(program_or_theory, policy)
        return self.evaluate_program(program_or_theory)

    def evaluate_program(self, program):
        facts = {p: [tuple(r) for r in rows] for p, rows in program.facts.items()}
        key = (tuple(program.rules), tuple((p, len(r), hash(frozenset(r))) for p, r in sorted(facts.items())))
        if key not in self._cache:
            ir_program = read_program(list(program.rules), facts)
            model = evaluate_program(ir_program)
            result = {relation: set(rows) for relation, rows in model.relations.items()
                      if not n_builtin(relation) and not is_auxiliary(relation)}
            for predicate in facts:
                result.setdefault(predicate, set())
            self._cache.clear()  # the suite's big programs come in runs of the same program; keep one
            self._cache[key] = result
        model_type = _suite_types()[0] or PlainModel
        return model_type(facts={p: set(rows) for p, rows in self._cache[key].items()})

    def evaluate_theory(self, theory, policy=None):
        from engine.logic import theories
        name = getattr(policy, "value", policy) or "blocking"
        rules = tuple((kind, r.id, r.head, tuple(r.body)) for kind in ("strict_rules", "defeasible_rules", "defeaters")
                      for r in getattr(theory, kind))
        facts = tuple((p, len(rows), hash(frozenset(map(tuple, rows)))) for p, rows in sorted(theory.facts.items()))
        key = (name, rules, facts, tuple(map(tuple, theory.superiority)), tuple(map(tuple, theory.conflicts)))
        if key not in self._cache:
            sections = theories.reason(read_theory(theory), name, specificity=self.specificity, defeat=self.defeat)
            self._cache.clear()
            self._cache[key] = sections
        sections = {s: {p: set(rows) for p, rows in preds.items()} for s, preds in self._cache[key].items()}
        model_type = _suite_types()[1] or PlainDefeasibleModel
        return model_type(sections=sections)

    def satisfies_klm_property(self, theory, property_name: str, policy) -> bool:
        from engine.logic import theories
        name = getattr(policy, "value", policy)
        return theories.satisfies_klm_property(read_theory(theory), property_name, name)


class SpecificityEvaluator(Evaluator):
    """The evaluator with generalised specificity on (as DePYsible reasons)."""

    def __init__(self):
        super().__init__(specificity=True)


class LegalDefeatEvaluator(Evaluator):
    """The evaluator with the knowledge base's defeat (`defeat="rule"`), as `deontic.decide` uses the core."""

    def __init__(self):
        super().__init__(defeat="rule")
