"""Scenario coverage (`zan test --coverage`): what of the law the scenarios exercise, and what they leave out.

Read off the traces of a passing (or failing) scenario run, never by running anything again. The items:

- every norm with a clause is **decisive** in some expectation: a norm with a modality decides an
  answer; a definition (a clause without modality) is used in a proof (of the answer, or in its
  why-nots: what held, or the proof that makes a negated condition fail);
- every `exception to` both **bites** (the excepted norm is defeated by it on lex specialis) and
  **does not bite** (the excepted norm applies to an expected atom and the exception does not);
- every condition of every norm both **holds** where the norm applies and **fails** where it decides
  that the norm does not apply (a why-not, at any depth, names it as the failing condition);
- every reading the knowledge base declares is **exercised** by some scenario (where it has readings).

The figure is covered items / all items; the report lists each uncovered item at its norm's location.
"""

from __future__ import annotations

from dataclasses import field
from engine.base.records import dataclass
from typing import Sequence

from engine.base.source import Span
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase
from engine.tools.scenarios import Outcome, proof_norms, why_nots


@dataclass(frozen=True)
class Item:
    """One thing a scenario should exercise."""

    kind: str          # decisive | exception-bites | exception-spared | condition-holds | condition-fails | reading
    norm: str
    text: str          # what is missing, as the report says it
    span: Span


@dataclass
class Coverage:
    items: list[Item] = field(default_factory=list)
    covered: set[Item] = field(default_factory=set)

    @property
    def missing(self) -> list[Item]:
        return [i for i in self.items if i not in self.covered]

    @property
    def percent(self) -> float:
        return 100.0 * len(self.covered) / len(self.items) if self.items else 100.0

    def by_kind(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for i in self.items:
            done, total = out.get(i.kind, (0, 0))
            out[i.kind] = (done + (i in self.covered), total + 1)
        return out


def _norms_of(node) -> set[str]:
    """The norms whose rules a proof tree uses (without recursion: proofs may be deep)."""
    found, stack = set(), [node]
    while stack:
        current = stack.pop()
        if current.norm:
            found.add(current.norm)
        stack.extend(current.children)
    return found


def _condition_text(c: n.Condition) -> str:
    return str(c)


def measure(kb: KnowledgeBase, outcomes: Sequence[Outcome]) -> Coverage:
    """The coverage of the law in `kb` by the outcomes of a scenario run."""
    cov = Coverage()
    deciding: set[str] = set()
    applying: set[str] = set()
    used: set[str] = set()
    bites: set[tuple[str, str]] = set()
    spared: set[tuple[str, str]] = set()
    failing: set[tuple[str, Span]] = set()
    exceptions = {(nid, ref.norm_id) for nid, norm in kb.norms.items() for ref in norm.exception_to}
    for o in outcomes:
        if o.trace is None:
            continue
        a = o.trace.answer
        if a.deciding:
            deciding.add(a.deciding)
        applicable = set(a.applicable)
        applying |= applicable
        used |= set(proof_norms(o.trace))
        for d in a.defeated:
            if d.principle == "lex specialis":
                bites.add((d.winner, d.loser))
        for special, general in exceptions:
            if general in applicable and special not in applicable and _concludes(kb, special, a.predicate):
                spared.add((special, general))
        for w, _depth in why_nots(o.trace):
            if w.norm and w.condition is not None and w.reason != "not-in-force":
                failing.add((w.norm, w.condition.span))
            # a definition shown in a why-not (what held, or what makes a negated condition fail) is used too
            used |= {nid for p in w.held + ([w.counter_proof] if w.counter_proof else []) for nid in _norms_of(p)}
    for nid, norm in sorted(kb.norms.items()):
        clause = norm.clause
        if clause is None:
            continue
        where = norm.id_span
        item = Item("decisive", nid, f"{nid} never decides an expected answer" if clause.modality else
                    f"{nid} (a definition) is never used in the proof of an expected answer", where)
        cov.items.append(item)
        applied = nid in deciding if clause.modality else nid in used
        if applied:
            cov.covered.add(item)
        for ref in norm.exception_to:
            for kind, table, text in (("exception-bites", bites, "never bites (never defeats {g} in a scenario)"),
                                      ("exception-spared", spared, "never spares {g} (no scenario where {g} "
                                                                   "applies and the exception does not)")):
                item = Item(kind, nid, f"the exception {nid} to {ref.norm_id} " + text.format(g=ref.norm_id), ref.span)
                cov.items.append(item)
                if (nid, ref.norm_id) in table:
                    cov.covered.add(item)
        holds = nid in applying or nid in used
        for position, c in enumerate(clause.body, start=1):
            item = Item("condition-holds", nid, f"{nid}: condition {position} `{_condition_text(c)}` never holds "
                                                 f"where the norm applies", c.span)
            cov.items.append(item)
            if holds:
                cov.covered.add(item)
            item = Item("condition-fails", nid, f"{nid}: condition {position} `{_condition_text(c)}` never fails "
                                                 f"where it decides", c.span)
            cov.items.append(item)
            if (nid, c.span) in failing:
                cov.covered.add(item)
    attached: dict[str, set[str]] = {}      # reading -> the norms it adds or whose conditions it adds
    for nid, norm in kb.norms.items():
        for ref in getattr(norm, "readings", ()):
            attached.setdefault(ref.norm_id, set()).add(nid)
        for _index, reading in getattr(norm.clause, "conditional", ()) if norm.clause is not None else ():
            attached.setdefault(reading, set()).add(nid)
    exercised: set[str] = set()
    for o in outcomes:
        if o.trace is None or o.program is None:
            continue
        seen = set(proof_norms(o.trace)) | set(o.trace.answer.applicable) | {w.norm for w, _ in why_nots(o.trace) if w.norm}
        for reading in getattr(o.program, "readings", ()):
            if not attached.get(reading) or attached[reading] & seen:
                exercised.add(reading)
    for name, decl in sorted(getattr(kb, "readings", {}).items()):
        item = Item("reading", name, f"the reading {name} is exercised by no scenario (none answers under it"
                    + (", with " + ", ".join(sorted(attached[name])) + " in its trace)" if attached.get(name) else ")"),
                    decl.name_span)
        cov.items.append(item)
        if name in exercised:
            cov.covered.add(item)
    return cov


def _concludes(kb: KnowledgeBase, nid: str, predicate: str) -> bool:
    norm = kb.norms.get(nid)
    return bool(norm and norm.clause and norm.clause.head.predicate == predicate)


KIND_NAMES = {"decisive": "norms decisive", "exception-bites": "exceptions biting",
              "exception-spared": "exceptions not biting", "condition-holds": "conditions holding",
              "condition-fails": "conditions failing", "reading": "readings exercised"}


def report(cov: Coverage) -> str:
    lines = [f"coverage: {cov.percent:.1f}% ({len(cov.covered)} of {len(cov.items)} items)"]
    for kind, (done, total) in cov.by_kind().items():
        lines.append(f"  {KIND_NAMES.get(kind, kind) + ':':24} {done}/{total}")
    missing = sorted(cov.missing, key=lambda i: (i.span.file, i.span.line, i.span.column, i.kind))
    if missing:
        lines.append("not covered:")
        lines += [f"  {i.span}: {i.text}" for i in missing]
    return "\n".join(lines) + "\n"
