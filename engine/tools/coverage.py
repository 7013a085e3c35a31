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

from engine.base.messages import message, say
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
        item = Item("decisive", nid, message("never decides" if clause.modality else "definition never used", norm=nid),
                    where)
        cov.items.append(item)
        applied = nid in deciding if clause.modality else nid in used
        if applied:
            cov.covered.add(item)
        for ref in norm.exception_to:
            for kind, table, key in (("exception-bites", bites, "never bites"), ("exception-spared", spared, "never spares")):
                item = Item(kind, nid, message(key, norm=nid, general=ref.norm_id), ref.span)
                cov.items.append(item)
                if (nid, ref.norm_id) in table:
                    cov.covered.add(item)
        holds = nid in applying or nid in used
        for position, c in enumerate(clause.body, start=1):
            item = Item("condition-holds", nid, message("condition never holds", norm=nid, position=position,
                                                        condition=_condition_text(c)), c.span)
            cov.items.append(item)
            if holds:
                cov.covered.add(item)
            item = Item("condition-fails", nid, message("condition never fails", norm=nid, position=position,
                                                        condition=_condition_text(c)), c.span)
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
        item = Item("reading", name, message("reading never exercised with", name=name, norms=", ".join(sorted(attached[name])))
                    if attached.get(name) else message("reading never exercised", name=name), decl.name_span)
        cov.items.append(item)
        if name in exercised:
            cov.covered.add(item)
    return cov


def _concludes(kb: KnowledgeBase, nid: str, predicate: str) -> bool:
    norm = kb.norms.get(nid)
    return bool(norm and norm.clause and norm.clause.head.predicate == predicate)


def report(cov: Coverage, language: str = "en") -> str:
    """The coverage, per kind of item, and each item not covered, in the reader's language."""
    lines = [message("coverage head", language, percent=f"{cov.percent:.1f}", covered=len(cov.covered), total=len(cov.items))]
    for kind, (done, total) in cov.by_kind().items():
        lines.append(f"  {message('coverage ' + kind, language) + ':':24} {done}/{total}")
    missing = sorted(cov.missing, key=lambda i: (i.span.file, i.span.line, i.span.column, i.kind))
    if missing:
        lines.append(message("coverage missing", language))
        lines += [f"  {i.span}: {say(i.text, language)}" for i in missing]
    return "\n".join(lines) + "\n"
