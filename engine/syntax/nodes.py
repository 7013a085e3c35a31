"""The AST: frozen dataclasses named after the grammar's rules, each with the span it came from.

The nodes a cached knowledge base holds are tuple-backed records (engine/base/records.py): loading one makes them in
C, without a Python call a node (~1,900 of the bundled law's). Not a clause (a case's fact is kept as its subclass, a
row: PlainFact), nor the few unslotted declarations (pickled with their `__dict__`, also made in C), nor Universal
(the bundled law has none); nor their spans (engine/base/source.py: a register's fact holds one)."""

from __future__ import annotations

import datetime
import re
from dataclasses import field
from engine.base.records import dataclass
from decimal import Decimal
from typing import Any, Union, overload

from engine.base.messages import LANGUAGES  # noqa: F401  (defined once, in engine/base)
from engine.base.source import Span

UNIVERSAL_PREFIX = "every:"   # the relations of `for every` conditions' counterexamples (Universal)
MODALITIES = ("permitted", "prohibited", "obligatory", "discretionary")

Value = Union[str, int, Decimal, datetime.date]


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Variable:
    name: str
    span: Span

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Constant:
    value: Value
    span: Span

    def __str__(self) -> str:
        return format_value(self.value)


Term = Union[Variable, Constant]


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Atom:
    predicate: str
    args: tuple[Term, ...]
    span: Span
    predicate_span: Span

    @property
    def arity(self) -> int:
        return len(self.args)

    def variables(self) -> list[Variable]:
        return [a for a in self.args if isinstance(a, Variable)]

    def ground_values(self) -> tuple[Value, ...]:
        """The values of a ground atom's arguments (a fact, an assumed fact, a ground question), in order."""
        values = []
        for a in self.args:
            if not isinstance(a, Constant):
                raise ValueError(f"{self} is not ground: {a} is a variable")
            values.append(a.value)
        return tuple(values)

    def __str__(self) -> str:
        return f"{self.predicate}({', '.join(map(str, self.args))})" if self.args else self.predicate


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Negation:
    atom: Atom
    span: Span
    universal: "Universal | None" = None   # the `for every` condition this negation stands for (see Universal)

    def __str__(self) -> str:
        return str(self.universal) if self.universal is not None else f"not {self.atom}"


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Comparison:
    left: Term
    operator: str
    right: Term
    span: Span

    def __str__(self) -> str:
        return f"{self.left} {self.operator} {self.right}"


Condition = Union[Atom, Negation, Comparison]


@dataclass(frozen=True, slots=True)
class Universal:
    """`for every X such that D1 and D2: B`, as written, and the relation that holds its counterexamples.

    The parser rewrites it (docs/authoring.md, "Universal conditions"): the clause gets `not relation(free)`
    (a Negation whose `universal` is this node), and a definition `relation(free) if binders and D1 and D2
    and not B` joins the module, where `free` are the variables the condition shares with the rest of its
    clause (bound there: `binders` are the clause's atoms that bind those the domain leaves open). So it is
    safe and stratified like any negation, and explanations show it in these words.
    """

    relation: str                      # UNIVERSAL_PREFIX...: no name a user can write
    variables: tuple[str, ...]         # written after `for every`
    domain: tuple[Condition, ...]      # after `such that`
    body: Condition                    # after the colon
    free: tuple[str, ...]              # the arguments of `relation`, in order
    span: Span

    def text(self, values: dict | None = None) -> str:
        """As the DSL writes it, with the free variables replaced by the values given."""
        values = values or {}

        def term(t):
            if isinstance(t, Variable) and t.name in values:
                return format_value(values[t.name])
            return str(t)

        def cond(c):
            if isinstance(c, Atom):
                return f"{c.predicate}({', '.join(map(term, c.args))})" if c.args else c.predicate
            if isinstance(c, Negation):
                return "not " + cond(c.atom)
            return f"{term(c.left)} {c.operator} {term(c.right)}"
        return (f"for every {', '.join(self.variables)} such that "
                f"{' and '.join(cond(c) for c in self.domain)}: {cond(self.body)}")

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Interval:
    """Days on which something holds, both ends included; an open end is None."""

    start: datetime.date | None
    end: datetime.date | None
    span: Span

    def contains(self, day: datetime.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Label:
    language: str
    text: str
    span: Span
    member: str | None = None   # a relation's phrase that names one kind of person within it (`member b`)
    gender: str | None = None   # the gender of the person a phrase names (`gender female`: one of GENDERS)


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Reference:
    """A norm id written in another declaration (exception to, rests on, see)."""

    norm_id: str
    span: Span
    words: tuple["Label", ...] = ()   # `because "..."`: the text's words that create the priority, per language
    written_in: str | None = None     # for an exception made by `subject to`: the norm that says it (else None)


@dataclass(frozen=True, slots=True)
class Clause:
    """A fact, a definition or a norm's conclusion: `[modality] head [if conditions] [from D to D].`"""

    modality: str | None
    head: Atom
    body: tuple[Condition, ...]
    interval: Interval | None
    span: Span
    modality_span: Span | None = None
    conditional: tuple[tuple[int, str], ...] = ()   # (index in body, reading): counts only under that reading

    @property
    def is_fact(self) -> bool:
        return not self.body and self.modality is None

    @property
    def predicate(self) -> str:
        """The head's predicate (a case's fact kept as a row has it without its head's nodes: engine/syntax/facts.py)."""
        return self.head.predicate


class PlainFact(Clause):
    """A plain fact of a case file kept as a row (engine/syntax/facts.py reads them): its predicate, its values,
    the span of the whole fact and its interval. It is a `Clause` (a fact: no body, no modality) whose `head`
    (the atom, its constants, their spans) is made from its line, as the grammar would make it, the first time
    something asks for it (a diagnostic, a tool reading the case's text), and then kept. The checks, the lowering
    and a register's layout read the row alone. Equal to, hashed, printed and pickled as its Clause;
    `dataclasses.replace` of it makes a Clause."""

    __slots__ = ("predicate", "values", "source")   # source: the file's text, which makes the head (facts._Source)
    predicate: str   # type: ignore[misc]
    values: tuple
    source: Any
    body = ()
    modality = None
    modality_span = None
    conditional = ()
    is_fact = True

    def __new__(cls, *args, **kwargs):   # dataclasses.replace, copy: the Clause itself (the reader makes rows)
        return Clause(*args, **kwargs)

    @property
    def head(self) -> Atom:   # type: ignore[override]
        try:
            return _CLAUSE_HEAD.__get__(self, PlainFact)
        except AttributeError:
            head = self.source.clause(self.span.line).head
            _CLAUSE_HEAD.__set__(self, head)
            return head

    @property
    def arity(self) -> int:
        return len(self.values)

    def clause(self) -> Clause:
        """The fact as the grammar's Clause."""
        return Clause(None, self.head, (), self.interval, self.span)

    def __eq__(self, other):
        if isinstance(other, Clause):
            return self.clause() == (other.clause() if isinstance(other, PlainFact) else other)
        return NotImplemented

    def __hash__(self):
        return hash(self.clause())

    def __repr__(self):
        return repr(self.clause())

    def __reduce__(self):
        return self.clause().__reduce__()


_CLAUSE_HEAD: Any = vars(Clause)["head"]   # the Clause's own slot: a row keeps its head there once made


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Act:
    key: str
    labels: tuple[Label, ...]
    kind: str | None
    rank: int | None
    in_force: Interval | None
    notes: tuple[str, ...]
    span: Span
    key_span: Span
    citations: tuple[Label, ...] = ()  # citation forms per language ("кодекс {1}-бап {2}-бөлік {3}) тармақша")
    authentic: tuple[str, ...] = ()          # languages of the authentic text quoted; others are working translations
    part_citations: tuple[tuple[str, Label], ...] = ()   # forms of named parts (`code reasoning`): (part, form)


@dataclass(frozen=True, slots=True, tuple_backed=True)
class PredicateDecl:
    name: str
    parameters: tuple[str, ...]
    labels: tuple[Label, ...]
    readings: tuple[Label, ...]
    domain: tuple[Condition, ...] | None
    notes: tuple[str, ...]
    span: Span
    name_span: Span
    domain_span: Span | None = None
    phrases: tuple[Label, ...] = ()  # further ways a question in words may name it (beside labels and readings)
    # the kind each parameter takes (`B: b`), None where the declaration names none (its kind is then its
    # name: see `kind_of`); empty for a declaration written before kinds
    kinds: tuple[Reference | None, ...] = ()

    @property
    def arity(self) -> int:
        return len(self.parameters)

    def kind_of(self, index: int) -> str:
        """The kind of value the parameter at `index` takes: the declared kind, else the parameter's name."""
        declared = self.kinds[index] if index < len(self.kinds) else None
        return declared.norm_id if declared is not None else self.parameters[index]


@dataclass(frozen=True, slots=True, tuple_backed=True)
class KindDecl:
    """A kind of value parameters take (`kind holder is party kk "..." ru "..." en "holder".`)."""

    name: str
    parents: tuple[Reference, ...]     # the kinds it is one of (`is r`)
    labels: tuple[Label, ...]
    notes: tuple[str, ...]
    span: Span
    name_span: Span


@dataclass(frozen=True, slots=True, tuple_backed=True)
class ConstantDecl:
    name: str
    labels: tuple[Label, ...]
    span: Span
    phrases: tuple[Label, ...] = ()  # further ways a question in words may name it


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Norm:
    id: str
    citation: str | None
    citation_span: Span | None
    quotes: tuple[Label, ...]
    in_force: Interval | None
    exception_to: tuple[Reference, ...]
    rests_on: tuple[Reference, ...]
    see: tuple[Reference, ...]
    interpretation: str | None
    deadline: datetime.date | None
    notes: tuple[str, ...]
    clause: Clause | None
    span: Span
    id_span: Span
    readings: tuple[Reference, ...] = ()            # `under reading`: the norm exists only under one of these
    interpretations: tuple[Label, ...] = ()         # the interpretation per language (untagged: en)
    note_labels: tuple[Label, ...] = ()             # every note with its language (untagged: en)
    interprets: tuple[Reference, ...] = ()          # norms this one reads narrowly, as a binding interpretation
    binding: Reference | None = None                # `binding by`: the provision that makes the interpretation binding
    delegates: tuple[Reference, ...] = ()           # act keys allowed to carve exceptions out of this norm
    summarised: bool = False                        # the quotes are the Court's summary, not the provision's text
    decisive: tuple[Label, ...] = ()                # per language: the words of the quote the norm is cited for
    subject_to: tuple[Reference, ...] = ()          # norms that prevail over this one (each an exception to it)

    @property
    def act_key(self) -> str | None:
        return self.citation.split()[0] if self.citation and self.citation.split() else None


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Query:
    status: str | None
    atom: Atom
    span: Span


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Question:
    name: str
    parameters: tuple[str, ...]
    labels: tuple[Label, ...]
    query: Query
    notes: tuple[str, ...]
    span: Span


@dataclass(frozen=True, slots=True, tuple_backed=True)
class ReadingDecl:
    """A named reading: where the law leaves room, one way of reading it (docs/semantics.md, "Readings")."""

    name: str
    labels: tuple[Label, ...]
    supported_by: tuple[Label, ...]       # the text that supports it (language "" when not given)
    default: bool
    instead_of: tuple[Reference, ...]     # the readings it is an alternative to
    notes: tuple[str, ...]
    span: Span
    name_span: Span


@dataclass(frozen=True)
class ScopeDecl:
    """Provisions the knowledge base does not encode, and where they would speak: an undetermined answer to an
    atom matching `atom` where `conditions` hold is outside the kb's scope, not a gap (docs/cases.md, "Scope")."""

    citations: tuple[str, ...]            # the provisions, as citation keys ("code 12.1")
    labels: tuple[Label, ...]             # what they hold, per language
    atom: Atom | None                     # the atoms they would decide (None: no answer is placed there)
    conditions: tuple = ()                # over the atom's variables
    notes: tuple[str, ...] = ()
    span: Span | None = None
    phrases: tuple[Label, ...] = ()       # words a question may use for a matter the kb does not speak of (refused)


@dataclass(frozen=True)
class AssumableDecl:
    """Predicates whose facts a case may still establish: what `--how` may propose."""

    predicates: tuple[Reference, ...]
    notes: tuple[str, ...] = ()
    span: Span | None = None


@dataclass(frozen=True)
class ConstraintDecl:
    """A combination of facts no case has (`never q(C, P) and q(C, Q) and P != Q`)."""

    conditions: tuple
    labels: tuple[Label, ...] = ()
    notes: tuple[str, ...] = ()
    span: Span | None = None


Statement = Union[KindDecl, ReadingDecl, ScopeDecl, AssumableDecl, ConstraintDecl, Act, PredicateDecl, ConstantDecl, Norm, Question, Clause]


@dataclass(frozen=True, slots=True, tuple_backed=True)
class Module:
    """One parsed file."""

    path: str
    statements: tuple[Statement, ...] = field(default_factory=tuple)
    universals: tuple[Universal, ...] = ()   # the `for every` conditions written in it (rewritten: see Universal)


MAX_NUMBER_DIGITS = 4300  # Python's own bound on converting text to an int; a longer number is an error


def number(text: str) -> int | Decimal:
    """A number literal's value, one value per number: `1`, `1.0` and `1.00` are the integer 1, `1.50` is 1.5.

    Only ASCII digits are digits (`²`, `①` or `٣` are not numbers). Raises ValueError for anything else,
    or for more than MAX_NUMBER_DIGITS digits.
    """
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
        raise ValueError(f"{text!r} is not a number")
    if len(text) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number of more than {MAX_NUMBER_DIGITS} digits")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return int(text) if "." not in text else Decimal(text)


def iso_date(text: str) -> datetime.date:
    """A date written YYYY-MM-DD and nothing else (not 20250115, not a week date); ValueError otherwise."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ValueError(f"{text!r} is not written YYYY-MM-DD")
    return datetime.date.fromisoformat(text)


def format_value(value: Value) -> str:
    """A constant as the DSL writes it: names bare, other strings quoted, dates ISO."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        if value and (value[0].isalpha() and not value[0].isupper()) and value.replace("_", "a").isalnum():
            return value
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


@overload
def label_of(labels: tuple[Label, ...], language: str) -> str | None: ...
@overload
def label_of(labels: tuple[Label, ...], language: str, fallback: str) -> str: ...
@overload
def label_of(labels: tuple[Label, ...], language: str, fallback: str | None) -> str | None: ...


def label_of(labels: tuple[Label, ...], language: str, fallback: str | None = None) -> str | None:
    """The text in `language`, else English, else any, else fallback."""
    by_language = {l.language: l.text for l in labels}
    for lang in (language, "en", "kk", "ru"):
        if lang in by_language:
            return by_language[lang]
    return fallback


# A `reads` template's places (docs/authoring.md, "Adding a language"): `{Param}` a value, `{Param:dat}` a value in a
# case, `{Param?masc|femn|other}` a choice of forms agreeing with the gender of the value in Param ("{Person}
# {Person?умер|умерла|умерло}"): the first form for a masculine value, the second for a feminine one, the third where
# the gender is not known (a variable, a name the dictionary does not know, a language without gender).
TEMPLATE_PLACE = re.compile(r"\{(\w*)(?::(\w+))?(?:\?([^{}]*))?\}")
GENDER_FORMS = ("masc", "femn", "other")
# A phrase's `gender` (`phrase ... gender female`: the gender of the person it names), as a rule author writes it,
# and the gender the morphology gives a name (engine.explain.morphology.gender) that agrees with it.
PHRASE_GENDERS = {"female": "femn", "male": "masc"}


def template_places(text: str) -> list[tuple[re.Match, str, str | None, tuple[str, ...] | None]]:
    """Every `{...}` of a template: (its match, the parameter it names, the case it takes, its forms if a choice).
    A place that is not of these shapes is given with its whole text as the name (so a check names it)."""
    found: list[tuple[re.Match, str, str | None, tuple[str, ...] | None]] = []
    for m in re.finditer(r"\{([^{}]*)\}", text):
        shape = TEMPLATE_PLACE.fullmatch(m.group())
        if shape is None:
            found.append((m, m.group(1), None, None))
        else:
            forms = tuple(shape.group(3).split("|")) if shape.group(3) is not None else None
            found.append((m, shape.group(1), shape.group(2), forms))
    return found


def template_words(text: str) -> str:
    """A template's text with each value's place blank and each choice by all its forms (the words a question in
    words may use), each place and each form apart by commas."""
    return re.sub(r"\{([^{}]*)\}", lambda m: " , " + " , ".join(m.group(1).split("?", 1)[1].split("|")) + " , "
                  if "?" in m.group(1) else " , ", text)
