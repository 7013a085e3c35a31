"""The facts a case could state, in words: the trainers' page offers them as boxes to tick, like an interview.

The candidates are the ground atoms of the case's input predicates (those no rule or norm
concludes, or that the bundled cases state as facts) over the case's individuals, each argument
drawn from the values whose kind fits the parameter: a value is of the kinds of the parameters the
case's facts (and the kb's own) name it under (`q(X: party, Y: holder)` makes b a
holder, and by `kind holder is party` a party too), and a parameter takes
the values of its kind or of a kind under it (docs/authoring.md, "Kinds of parameters"; a parameter
that names no kind has its name as its kind, so a kb without kinds offers a value where the case uses
it under the same parameter name). Each is read through its predicate's `reads` template in the
language asked for, and says on which lines of the case it is already a fact.
`by_person` groups the same facts by the individual they are about (their last argument the case names:
Y in `q(X, Y)`, X in `r(X, Kind)`), as a trainer reads a
case: person by person.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from engine.base.resources import default_kb
from engine.explain.explanation import Explainer
from engine.logic import ir
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase, kb_files, load, sample_case_files

MAX_PER_PREDICATE = 64


def law(kb_dir: Path | None = None) -> KnowledgeBase:
    """The knowledge base without any case (not even the sample case)."""
    return load(kb_files(Path(kb_dir) if kb_dir else default_kb()))


def input_predicates(kb: KnowledgeBase, kb_dir: Path | None = None) -> list[str]:
    derived = {clause.head.predicate for clause, _norm in kb.all_clauses() if not clause.is_fact or _norm}
    vocabulary_facts = {clause.head.predicate for clause in kb.clauses if clause.is_fact}
    folder = Path(kb_dir) if kb_dir else default_kb()
    stated = set()
    for path in sorted(p for p in (folder / "cases").glob("*.facts") if p.is_file()) + sample_case_files(folder):
        stated |= {c.head.predicate for c in load([path]).clauses if c.is_fact}
    return sorted(p for p in kb.predicates
                  if p in stated or (p not in derived and p not in vocabulary_facts))


def kinds_of_values(kb: KnowledgeBase, facts) -> dict:
    """Each value's kinds: those of the parameters the facts name it under, with every kind they are one of."""
    kinds: dict = {}
    for clause in facts:
        decl = kb.predicates.get(clause.head.predicate)
        if decl is None or not clause.is_fact:
            continue
        for index, term in enumerate(clause.head.args[:decl.arity]):
            if isinstance(term, n.Constant):
                kinds.setdefault(term.value, set()).update(kb.kind_ancestry(decl.kind_of(index)))
    return kinds


def candidates(kb: KnowledgeBase, case_module: n.Module, language: str, kb_dir: Path | None = None,
               at=None, known: n.Module | None = None) -> list[dict]:
    """The interview for a case: [{predicate, label, facts: [{atom, reading, lines, about}]}], in the kb's order.

    `known`: facts the case stated before (a fact the trainer unticked), whose values keep their kinds, so
    the fact is still offered to tick again."""
    import datetime

    facts = [s for s in case_module.statements if isinstance(s, n.Clause) and s.is_fact]
    earlier = [s for s in (known.statements if known else ()) if isinstance(s, n.Clause) and s.is_fact]
    kinds = kinds_of_values(kb, list(kb.clauses) + facts + earlier)
    # the individuals a fact can be about: the names the case gives (not a free text, a date or a number it states)
    individuals = {t.value for c in facts + earlier for t in c.head.args
                   if isinstance(t, n.Constant) and isinstance(t.value, str) and n.format_value(t.value) == t.value}
    lines: dict[str, list[int]] = {}
    for clause in facts:
        lines.setdefault(str(clause.head), []).append(clause.span.line)
    explainer = Explainer(kb, ir.Program(at or datetime.date.today()), language)
    out = []
    for predicate in input_predicates(kb, kb_dir):
        decl = kb.predicates[predicate]
        pools = [sorted((v for v, of in kinds.items() if decl.kind_of(i) in of), key=str) for i in range(decl.arity)]
        if not decl.parameters or any(not pool for pool in pools):
            continue
        group = []
        for values in itertools.islice(itertools.product(*pools), MAX_PER_PREDICATE):
            atom = f"{predicate}({', '.join(n.format_value(v) for v in values)})"
            about = next((v for v in reversed(values) if v in individuals), values[-1])
            group.append({"atom": atom, "reading": explainer.reading(predicate, values) or atom,
                          "lines": lines.get(atom, []), "about": n.format_value(about)})
        out.append({"predicate": predicate, "label": explainer.label(predicate) or predicate, "facts": group})
    return out


def by_person(groups: list[dict], kb: KnowledgeBase, language: str) -> list[dict]:
    """The candidates grouped by the individual each is about (its last argument the case names), the individuals
    the case states facts about first: [{person, label, facts}] (each fact as in `candidates`, with its predicate's
    label)."""
    import datetime

    explainer = Explainer(kb, ir.Program(datetime.date.today()), language)
    people: dict[str, dict] = {}
    for group in groups:
        for fact in group["facts"]:
            # about its last argument the case names: q(a, b) tells of b (who is a's q), r(a, x) of a (x is no name
            # the case gives); a fact of one argument of that one
            about = fact.get("about") or fact["atom"][fact["atom"].index("(") + 1:].rstrip(")").split(",")[-1].strip()
            entry = people.setdefault(about, {"person": about, "label": explainer.value_label(about) or about, "facts": []})
            entry["facts"].append(dict(fact, predicate=group["predicate"], predicate_label=group["label"]))
    return sorted(people.values(), key=lambda p: -any(f["lines"] for f in p["facts"]))
