"""Unresolved conflicts: two conflicting norms that no principle orders and whose conditions can hold together.

The check approximates soundly in one direction only: a pair is reported unless it is certain that
the two never apply to the same atom (heads that cannot unify, validity that never overlaps, or a
condition pair that is obviously contradictory, such as `p(X)` against `not p(X)` or `K = a`
against `K = b`). At answer time such a pair makes the status undetermined (an ambiguity).
"""

from __future__ import annotations

from engine.syntax import nodes as n
from engine.base.messages import message
from engine.base.diagnostics import Diagnostic, Note
from engine.logic.ir import norm_info
from engine.logic.norms import NormInfo, conflicting, priority
from engine.syntax.knowledge import KnowledgeBase

Substitution = dict[str, object]  # renamed variable -> ("var", name) | ("const", value)


def _renamed(term, side: str):
    if isinstance(term, n.Variable):
        return ("var", f"{side}:{term.name}") if term.name != "_" else ("var", f"{side}:_{id(term)}")
    return ("const", term.value)


def _walk(t, s: Substitution):
    while t[0] == "var" and t[1] in s:
        t = s[t[1]]
    return t


def _bind(x, y, s: Substitution) -> bool:
    x, y = _walk(x, s), _walk(y, s)
    if x == y:
        return True
    if x[0] == "var":
        s[x[1]] = y
        return True
    if y[0] == "var":
        s[y[1]] = x
        return True
    return False


def unifier(a: n.Atom, b: n.Atom) -> Substitution | None:
    """The most general unifier of two atoms with their variables kept apart, or None."""
    if a.predicate != b.predicate or a.arity != b.arity:
        return None
    s: Substitution = {}
    for x, y in zip(a.args, b.args):
        if not _bind(_renamed(x, "a"), _renamed(y, "b"), s):
            return None
    return s


def overlap(a: NormInfo, b: NormInfo) -> bool:
    """Whether two norms are in force on some common day."""
    start = max((d for d in (a.start, b.start) if d), default=None)
    end = min((d for d in (a.end, b.end) if d), default=None)
    return start is None or end is None or start <= end


def _literals(body, side: str, s: Substitution):
    for c in body:
        if isinstance(c, n.Atom):
            yield True, c.predicate, tuple(_walk(_renamed(t, side), s) for t in c.args)
        elif isinstance(c, n.Negation):
            yield False, c.atom.predicate, tuple(_walk(_renamed(t, side), s) for t in c.atom.args)


def _equalities(body, side: str, s: Substitution) -> bool:
    """Adds `X = c` / `X = Y` conditions to the substitution; False when they contradict it."""
    for c in body:
        if isinstance(c, n.Comparison) and c.operator == "=":
            if not _bind(_renamed(c.left, side), _renamed(c.right, side), s):
                return False
    return True


def contradictory(a: n.Clause, b: n.Clause, s: Substitution) -> bool:
    """Obviously never both true for one atom: an equality clash, or `p(t)` against `not p(t)`."""
    s = dict(s)
    if not (_equalities(a.body, "a", s) and _equalities(b.body, "b", s)):
        return True
    for c, side in ((a, "a"), (b, "b")):
        for x in c.body:
            if isinstance(x, n.Comparison) and x.operator == "!=":
                left, right = _walk(_renamed(x.left, side), s), _walk(_renamed(x.right, side), s)
                if left == right:
                    return True
    positive = {(p, args) for sign, p, args in _literals(a.body, "a", s) if sign}
    positive |= {(p, args) for sign, p, args in _literals(b.body, "b", s) if sign}
    negative = {(p, args) for sign, p, args in _literals(a.body, "a", s) if not sign}
    negative |= {(p, args) for sign, p, args in _literals(b.body, "b", s) if not sign}
    return bool(positive & negative)


def candidate_pairs(norms: list, infos: dict[str, NormInfo]) -> list[tuple]:
    """The pairs (first, second), ids in order, of conflicting norms of one predicate that no principle can
    order and whose heads can unify, found near-linearly: grouped by rank, indexed by start date and by
    the constants of their heads, so that norms which cannot meet are never compared (3000 norms on one
    predicate: the pairs compared are the pairs reported, not all 4.5 million)."""
    allowing: dict[int, list] = {}
    prohibited: dict[int, list] = {}
    for norm in norms:
        info = infos[norm.id]
        (prohibited if info.modality == "prohibited" else allowing).setdefault(info.rank, []).append(norm)
    pairs = []
    for rank, against in prohibited.items():
        if rank not in allowing:
            continue  # a different rank: lex superior orders every such pair
        by_start: dict = {}
        heads: list[tuple[dict, set]] = []
        everyone = set(range(len(against)))
        for i, norm in enumerate(against):
            by_start.setdefault(infos[norm.id].start, set()).add(i)
            for position, term in enumerate(norm.clause.head.args):
                while len(heads) <= position:
                    heads.append(({}, set()))
                constants, variables = heads[position]
                if isinstance(term, n.Constant):
                    constants.setdefault((type(term.value), term.value), set()).add(i)
                else:
                    variables.add(i)
        undated = by_start.get(None, set())
        for norm in allowing[rank]:
            start = infos[norm.id].start
            # lex posterior orders two norms with different start dates; a norm without one meets all
            candidates = (by_start.get(start, set()) | undated) if start is not None else set(everyone)
            for position, term in enumerate(norm.clause.head.args):
                if not candidates:
                    break
                if isinstance(term, n.Constant) and position < len(heads):
                    constants, variables = heads[position]
                    candidates &= constants.get((type(term.value), term.value), set()) | variables
            for i in candidates:
                other = against[i]
                pairs.append((norm, other) if norm.id < other.id else (other, norm))
    pairs.sort(key=lambda pair: (pair[0].id, pair[1].id))
    return pairs


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    deontic = [norm for norm in kb.norms.values() if norm.clause is not None and norm.clause.modality]
    by_predicate: dict[str, list] = {}
    for norm in deontic:
        assert norm.clause is not None   # chosen above
        by_predicate.setdefault(norm.clause.head.predicate, []).append(norm)
    for norms in by_predicate.values():
        infos = {norm.id: norm_info(kb, norm) for norm in norms}
        for first, second in candidate_pairs(norms, infos):
            if any(r.norm_id in (first.id, second.id) for r in first.exception_to + second.exception_to):
                continue  # ordered by lex specialis, or a cycle that exception-cycle reports
            a, b = infos[first.id], infos[second.id]
            if not conflicting(a.modality, b.modality) or priority(a, b) is not None or not overlap(a, b):
                continue
            s = unifier(first.clause.head, second.clause.head)
            if s is None or contradictory(first.clause, second.clause, s):
                continue
            found.append(Diagnostic(
                "unresolved-conflict",
                message("unresolved-conflict", language, first=first.id, first_modality=a.modality, second=second.id,
                        second_modality=b.modality, rank=a.rank),
                second.id_span, notes=(Note(message("norm declared here", language, norm=first.id), first.id_span),),
                hint=message("write exception to", language, first=first.id, second=second.id)))
    return found
