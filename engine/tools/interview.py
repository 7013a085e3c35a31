"""The facts a case could state, in words: the trainers' page offers them as boxes to tick, like an interview.

The candidates are the ground atoms of the case's input predicates (those no rule or norm
concludes, or that the bundled cases state as facts) over the case's individuals, each argument
drawn from the values the case (or the kb's own facts) gives to a parameter of the same name
(`Convict`, `Person`, ...): the parameter names the kb declares are the arguments' types, so a
value is offered only where the case uses it under the same name. Each is read through its predicate's
`reads` template in the language asked for, and says on which lines of the case it is already a fact.
`by_person` groups the same facts by the individual they are about (their last argument: the spouse in
`spouse(Convict, Person)`), as a trainer reads a case: person by person.
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


def candidates(kb: KnowledgeBase, case_module: n.Module, language: str, kb_dir: Path | None = None,
               at=None) -> list[dict]:
    """The interview for a case: [{predicate, label, facts: [{atom, reading, lines}]}], in the kb's order."""
    import datetime

    facts = [s for s in case_module.statements if isinstance(s, n.Clause) and s.is_fact]
    roles: dict[str, set] = {}
    for clause in list(kb.clauses) + facts:
        if not clause.is_fact:
            continue
        decl = kb.predicates.get(clause.head.predicate)
        if decl is None:
            continue
        for name, term in zip(decl.parameters, clause.head.args):
            if isinstance(term, n.Constant):
                roles.setdefault(name, set()).add(term.value)
    kb_fact_values = {name: vals for name, vals in roles.items()}
    lines: dict[str, list[int]] = {}
    for clause in facts:
        lines.setdefault(str(clause.head), []).append(clause.span.line)
    explainer = Explainer(kb, ir.Program(at or datetime.date.today()), language)
    out = []
    for predicate in input_predicates(kb, kb_dir):
        decl = kb.predicates[predicate]
        pools = [sorted(kb_fact_values.get(p, ()), key=str) for p in decl.parameters]
        if not decl.parameters or any(not pool for pool in pools):
            continue
        group = []
        for values in itertools.islice(itertools.product(*pools), MAX_PER_PREDICATE):
            atom = f"{predicate}({', '.join(n.format_value(v) for v in values)})"
            group.append({"atom": atom, "reading": explainer.reading(predicate, values) or atom,
                          "lines": lines.get(atom, [])})
        out.append({"predicate": predicate, "label": explainer.label(predicate) or predicate, "facts": group})
    return out


def by_person(groups: list[dict], kb: KnowledgeBase, language: str) -> list[dict]:
    """The candidates grouped by the individual each is about (its last argument), the individuals the case states
    facts about first: [{person, label, facts}] (each fact as in `candidates`, with its predicate's label)."""
    import datetime

    explainer = Explainer(kb, ir.Program(datetime.date.today()), language)
    people: dict[str, dict] = {}
    for group in groups:
        for fact in group["facts"]:
            # about its last argument: spouse(kunakbaev, aigul) tells of Aigul (whose spouse she is), a fact of
            # one argument of that one
            about = fact["atom"][fact["atom"].index("(") + 1:].rstrip(")").split(",")[-1].strip()
            entry = people.setdefault(about, {"person": about, "label": explainer.value_label(about) or about, "facts": []})
            entry["facts"].append(dict(fact, predicate=group["predicate"], predicate_label=group["label"]))
    return sorted(people.values(), key=lambda p: -any(f["lines"] for f in p["facts"]))
