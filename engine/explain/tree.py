"""The explanation tree: typed nodes for what an explanation document holds, and the visitor that walks them.

The Explainer (explain/explanation.py) writes the document as the JSON contract of docs/explanations.md
(plain dictionaries, streamed answer by answer for registers); `read` turns such a document, or a `zan diff`
document, into this tree once, and every format (engine/explain/render/) walks the tree with a
`NodeVisitor`, as Jinja2's compiler walks its nodes: a node is handed to `visit_<class name>`. Each node keeps
the dictionary it was read from (`data`), so the tree serialises to the same dictionaries, byte for byte
(`as_dict`), and nothing a format needs is read from a dictionary by a key it has to know.
A node's base and a norm's node are declared in `tree_base`; the nodes a plain question's document has none of
(steps, ambiguities, deadlines, scopes, and `zan diff`'s changes) in `tree_extra`, imported when a document first has
one: all are the tree's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from engine.base.records import dataclass
from engine.explain.tree_base import Node, NormRef, Step, forget, norm, once
from engine.explain.tree_base import norms as _norms

if TYPE_CHECKING:   # declared when first needed (`__getattr__`, below)
    from engine.explain.tree_extra import Ambiguity as Ambiguity, Deadline as Deadline, Scope as Scope
    from engine.explain.tree_extra import ComparisonStep as ComparisonStep, DefeatStep as DefeatStep
    from engine.explain.tree_extra import FactStep as FactStep, FailedStep as FailedStep
    from engine.explain.tree_extra import InferenceStep as InferenceStep, NegationStep as NegationStep
    from engine.explain.tree_extra import StatusStep as StatusStep
    from engine.explain.tree_extra import Cause as Cause, Change as Change, Diff as Diff


# ---------------------------------------------------------------- proofs

@dataclass(frozen=True)
class Condition(Node):
    """A proof node: a condition that held (a fact, a rule's conclusion, a negation, a comparison), with the
    conditions it rests on."""

    data: dict
    kind: str
    id: str | None
    atom: str
    reading: str | None
    source: str | None
    assumed: bool
    repeat: bool
    explanation: str | None          # a negation's: "no fact ..."
    norm: NormRef | None
    conditions: list[Condition]
    truncated: int | None


def condition(d: dict) -> Condition:
    return once(d, _condition)   # a node met again is the document's dictionary again (Explainer._node)


def _condition(d: dict) -> Condition:
    return Condition(d, d["kind"], d.get("id"), d["atom"], d.get("reading"), d.get("source"), bool(d.get("assumed")),
                     bool(d.get("repeat")), d.get("explanation"), norm(d.get("norm")),
                     [condition(c) for c in d.get("conditions") or ()], d.get("truncated"))


@dataclass(frozen=True)
class Decision(Node):
    """The deciding norm with its bindings, the conditions that held and the norms it rests on."""

    data: dict
    norm: NormRef
    bindings: dict
    conditions: list[Condition]
    rests_on: list[NormRef]


# ---------------------------------------------------------------- why not

@dataclass(frozen=True)
class Failure(Node):
    """The condition that stopped a norm, in words, and where it is written."""

    data: dict
    condition: str | None
    sentence: str | None
    source: str | None


@dataclass(frozen=True)
class WhyNot(Node):
    """A norm (or rule) that did not apply: why, what held before it failed, and the why-nots below."""

    data: dict
    norm: NormRef | None
    reason: str
    explanation: str | None
    failed: Failure
    held: list[Condition]
    counter_proof: Condition | None
    because: list[WhyNot]
    truncated: int | None


def why_not(d: dict) -> WhyNot:
    return once(d, _why_not)   # a why-not asked again is the document's dictionary again (Explainer.why_not)


def _why_not(d: dict) -> WhyNot:
    f = d.get("failed") or {}
    return WhyNot(d, norm(d.get("norm")), d.get("reason", ""), d.get("explanation"),
                  Failure(f, f.get("condition"), f.get("sentence"), f.get("source")),
                  [condition(c) for c in d.get("held") or ()],
                  condition(d["counter_proof"]) if d.get("counter_proof") else None,
                  [why_not(x) for x in d.get("because") or ()], d.get("truncated"))


# ---------------------------------------------------------------- defeats and the rest of a trace

@dataclass(frozen=True)
class Defeat(Node):
    """A norm that applied but lost (or, as an Interpretation, was read narrowly), why, and what to see."""

    data: dict
    norm: NormRef
    by: NormRef | None
    explanation: str
    see: list[NormRef]


class Interpretation(Defeat):
    """A norm read narrowly by a binding interpretation: upheld in that reading, not defeated."""


def _defeat(d: dict, kind: type[Defeat]) -> Defeat:
    return kind(d, norm(d.get("norm")) or NormRef({}, "?", None, None, None, None, None, False, None, None, None, None,
                                                  {}, None),
                norm(d.get("by_norm")), d.get("explanation", ""), _norms(d.get("see")))


@dataclass(frozen=True)
class Summary(Node):
    """The short form: the sentence, the deciding norm, the conditions that held, and the why-nots' sentences."""

    data: dict
    text: str
    norm: NormRef | None
    conditions: list[Condition]
    defeated: list[str]
    why_not: list[str]


# ---------------------------------------------------------------- steps

def step(d: dict) -> Step:
    more = _extra()
    kind, number, premises = d["kind"], d["number"], list(d.get("from") or ())
    if kind == "fact":
        return more.FactStep(d, number, premises, d["atom"], d.get("reading"), d.get("source"))
    if kind in ("rule", "conclusion"):
        return more.InferenceStep(d, number, premises, d["atom"], d.get("reading"), d.get("source"),
                                  norm(d.get("norm")), d.get("modality"))
    if kind == "negation":
        return more.NegationStep(d, number, premises, d["atom"])
    if kind == "comparison":
        return more.ComparisonStep(d, number, premises, d["atom"])
    if kind == "defeat":
        return more.DefeatStep(d, number, premises, d["explanation"])
    if kind == "failed":
        return more.FailedStep(d, number, premises, d.get("explanation"))
    return more.StatusStep(d, number, premises, d["status"])


# ---------------------------------------------------------------- answers and documents

@dataclass(frozen=True)
class Trace(Node):
    """Why an answer has its status: the decision (or, for a plain predicate, its proof), the norms it defeated
    or read narrowly, conflicts, the deadline, the why-nots, and the steps."""

    data: dict
    status_label: str | None
    reading: str | None
    summary: Summary | None
    decision: Decision | None
    proof: Condition | None
    also_supported_by: list[NormRef]
    interpreted: list[Defeat]
    defeated: list[Defeat]
    ambiguity: list[Ambiguity]
    explanation: str | None
    deadline: Deadline | None
    why_not: list[WhyNot]
    steps: list[Step]


def trace(d: dict) -> Trace:
    decided = d.get("decided_by")
    s = d.get("summary")
    return Trace(
        d, d.get("status_label"), d.get("reading"),
        Summary(s, s.get("text", ""), norm(s.get("norm")), [condition(c) for c in s.get("conditions") or ()],
                list(s.get("defeated") or ()), list(s.get("why_not") or ())) if s else None,
        Decision(decided, norm(decided) or NormRef({}, "?", None, None, None, None, None, False, None, None, None, None, {},
                                                   None),
                 dict(decided.get("bindings") or {}), [condition(c) for c in decided.get("conditions") or ()],
                 _norms(decided.get("rests_on"))) if decided else None,
        condition(d["proof"]) if d.get("proof") else None,
        _norms(d.get("also_supported_by")),
        [_defeat(x, Interpretation) for x in d.get("interpreted") or ()],
        [_defeat(x, Defeat) for x in d.get("defeated") or ()],
        [_extra().Ambiguity(x, _norms(x.get("norms")), x.get("explanation", "")) for x in d.get("ambiguity") or ()],
        d.get("explanation"),
        _extra().Deadline(d, d["deadline"], d.get("compliance"), d.get("fulfilled_on")) if d.get("deadline") else None,
        [why_not(w) for w in d.get("why_not") or ()],
        [step(x) for x in d.get("steps") or ()])


@dataclass(frozen=True)
class Reading(Node):
    data: dict
    name: str
    label: str
    default: bool


@dataclass(frozen=True)
class Answer(Node):
    data: dict
    atom: str
    status: str
    cites: str                       # its citations as the reader cites them, deciding norm first
    readings: list[Reading]
    outside_scope: Scope | None
    trace: Trace


def answer(d: dict) -> Answer:
    scope = d.get("outside_scope")
    return Answer(d, d["atom"], d["status"], "; ".join(d.get("cited_as") or d.get("citations") or ()),
                  [Reading(r, r.get("name", ""), r.get("label", ""), bool(r.get("default"))) for r in d.get("readings") or ()],
                  _extra().Scope(scope, list(scope.get("cited_as") or ()), scope.get("label", "")) if scope else None,
                  trace(d.get("trace") or {}))


@dataclass(frozen=True)
class Document(Node):
    """An explanation document: the question, its date, its answers."""

    data: dict
    query: str
    at: str
    title: str | None
    answers: list[Answer]
    unknown: list[str]               # names in the question that occur nowhere
    guesses: list[str]


def read(document: dict) -> Document:
    """The tree of an explanation document (the JSON contract)."""
    warnings = document.get("warnings") or ()
    try:
        return Document(document, document["query"], document["at"], document.get("title"),
                        [answer(a) for a in document["answers"]],
                        [w["name"] for w in warnings if w.get("code") == "unknown-name"],
                        [w["did_you_mean"] for w in warnings if w.get("did_you_mean")])
    finally:
        forget()


def read_diff(document: dict) -> Diff:
    """The tree of a `zan diff` document."""
    more = _extra()
    try:
        return more.Diff(document, document["query"], document.get("title"), document["from"], document["to"],
                         [more.Change(c, c["atom"], answer(c["before"]) if c.get("before") else None,
                                      answer(c["after"]) if c.get("after") else None,
                                      [more.Cause(x, bool(x.get("primary")), x.get("explanation", ""), norm(x.get("norm")))
                                       for x in c.get("causes") or ()])
                          for c in document["changes"]])
    finally:
        forget()


def norms_cited(doc: Document | Diff) -> list[NormRef]:
    """The norms a document mentions, each with its fullest description (for the list at the end of a handout)."""
    try:
        return _norms(cited_norms(doc.data).values())
    finally:
        forget()


def _is_norm(value) -> bool:
    return isinstance(value, dict) and "id" in value and "citation" in value and "quote" in value


def cited_norms(document: dict) -> dict[str, dict]:
    """Every norm a document mentions, in order of first mention, keeping its fullest description."""
    found: dict[str, dict] = {}
    stack: list = [a.get("trace", {}) for a in reversed(document.get("answers", []))]
    stack = list(reversed(document.get("changes", []))) + stack   # popped from the end: answers first, then changes
    while stack:
        value = stack.pop()
        if _is_norm(value):
            previous = found.get(value["id"])
            if previous is None or len(value) > len(previous):
                found[value["id"]] = value
        if isinstance(value, dict):
            stack.extend(value[key] for key in sorted(value, reverse=True))
        elif isinstance(value, list):
            stack.extend(reversed(value))
    return found


# ---------------------------------------------------------------- the nodes a plain question has none of

# Declared in engine/explain/tree_extra.py, imported when a document first has one (a cold question declares none of
# these 13 record classes); given here as the tree's own: `tree.FactStep`, `from engine.explain.tree import Scope`.
_EXTRA = frozenset({"Ambiguity", "Deadline", "FactStep", "InferenceStep", "NegationStep", "ComparisonStep",
                    "DefeatStep", "FailedStep", "StatusStep", "Scope", "Cause", "Change", "Diff"})


def _extra():
    from engine.explain import tree_extra
    return tree_extra


def __getattr__(name: str) -> Any:
    if name in _EXTRA:
        return getattr(_extra(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------- the visitor

class NodeVisitor:
    """Walks the tree: `self.visit` of a node calls `visit_<class name>` (or that of its nearest base class that
    has one, so an Interpretation is visited as a Defeat unless the visitor says otherwise), else
    `generic_visit`."""

    def visit(self, node: Node, *args, **kwargs) -> Any:
        return self.visitor(node)(node, *args, **kwargs)

    def visitor(self, node: Node) -> Callable[..., Any]:
        key = (type(self), type(node))
        name = _VISITORS.get(key)
        if name is None:   # looked for once per kind of visitor and of node (a document visits ~200 nodes)
            name = _VISITORS[key] = next((f"visit_{kind.__name__}" for kind in type(node).__mro__
                                          if getattr(self, f"visit_{kind.__name__}", None) is not None), "generic_visit")
        return getattr(self, name)

    def generic_visit(self, node: Node, *args, **kwargs) -> Any:
        raise NotImplementedError(f"{type(self).__name__} has no visit_{type(node).__name__}")


_VISITORS: dict[tuple[type, type], str] = {}   # (a visitor's class, a node's class) -> the name of the method it visits with
