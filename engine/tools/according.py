"""A provision cited in a question ("согласно подп. 2) ч. 1 ст. 12 Кодекса, может ли ...", "according to
code 12.1.2, may ..."): which norms of the knowledge base it names, and what each of them did in each answer.

A citation in a question asks according to that provision. The answers stay the law's as a whole (a provision
alone never decides: another may defeat it, and saying its conclusion alone would misstate the law); each answer
says what the cited provision's norms did in it (`according_to`): decided the status, agreed with it, were
defeated or read narrowly (by which norm, on which principle), were left in an unresolved conflict, were a
condition of the decision, are a basis the deciding norm rests on, did not apply (the condition that failed,
where the trace says it), or (a definition) are not used by the answer; a norm concluding another atom (another
value of an argument) is `other atom`. Text says the first kinds; JSON all. The facts come from the answer's trace (`trace.applied`, the proofs, the why-nots).

May import: engine.explain, engine.syntax, engine.base.
"""

from __future__ import annotations

from engine.explain.phrasebook import Citation
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase


def cited_norms(kb: KnowledgeBase, citation: Citation) -> list[n.Norm]:
    """The norms a citation names: those citing it or a part of it (`code 12` names `code 12.1.2`); an act's
    key alone names every norm of the act."""
    found = []
    for norm in kb.norms.values():
        parsed = Citation.parse(norm.citation)
        if parsed is None or parsed.act != citation.act:
            continue
        if parsed.numbers[:len(citation.numbers)] == citation.numbers:
            found.append(norm)
    return sorted(found, key=lambda norm: norm.id)


def _depends(kb: KnowledgeBase, predicate: str) -> set[str]:
    """The predicates an asked predicate's answers can depend on (itself included)."""
    heads: dict[str, set[str]] = {}
    for clause, _norm in kb.all_clauses():
        heads.setdefault(clause.head.predicate, set()).update(_body_predicates(clause.body))
    found, todo = {predicate}, [predicate]
    while todo:
        for p in heads.get(todo.pop(), ()):
            if p not in found:
                found.add(p)
                todo.append(p)
    return found


def _body_predicates(value) -> set[str]:
    out: set[str] = set()
    if isinstance(value, n.Atom):
        out.add(value.predicate)
    elif hasattr(value, "__dataclass_fields__"):   # before tuples: a tuple-backed record (a span, a label) is no tuple
        for name in value.__dataclass_fields__:
            if name not in ("span", "head"):
                out |= _body_predicates(getattr(value, name, None))
    elif isinstance(value, (list, tuple)):
        for v in value:
            out |= _body_predicates(v)
    return out


def _references(norm: n.Norm) -> set[str]:
    refs = {r.norm_id for r in norm.rests_on + norm.see + norm.interprets + norm.exception_to + norm.subject_to}
    if norm.binding is not None:
        refs.add(norm.binding.norm_id)
    return refs


def bearing(kb: KnowledgeBase, norms: list[n.Norm], predicate: str) -> list[n.Norm]:
    """Of the cited norms, those that bear on a question about `predicate`: they conclude it or a condition it
    depends on, or a norm concluding it rests on them, interprets them or names them."""
    depends = _depends(kb, predicate)
    concluding = [m for m in kb.norms.values() if m.clause is not None and m.clause.head.predicate == predicate]
    named = set().union(*(_references(m) for m in concluding)) if concluding else set()
    found = [m for m in norms if (m.clause is not None and m.clause.head.predicate in depends) or m.id in named]
    # the norms that conclude what is asked first, then the conditions and the bases
    return sorted(found, key=lambda m: (not (m.clause is not None and m.clause.head.predicate == predicate), m.id))


def _norm_ids(value, proofs: dict, seen: set) -> set[str]:
    """Every norm a proof (or a part of a trace) names, following the shared proofs by their ids."""
    out: set[str] = set()
    if isinstance(value, dict):
        norm = value.get("norm")
        if isinstance(norm, dict) and norm.get("id"):
            out.add(norm["id"])
        ref = value.get("id")
        if isinstance(ref, str) and ref in proofs and ref not in seen:
            seen.add(ref)
            out |= _norm_ids(proofs[ref], proofs, seen)
        for key, v in value.items():
            if key != "norm":
                out |= _norm_ids(v, proofs, seen)
    elif isinstance(value, list):
        for v in value:
            out |= _norm_ids(v, proofs, seen)
    return out


def _why_nots(value, found: dict) -> None:
    """norm id -> the first explanation of why it did not apply, anywhere in the why-nots."""
    if isinstance(value, dict):
        norm = value.get("norm")
        failed = value.get("failed") or value.get("decisive") or {}
        said = failed.get("sentence") if isinstance(failed, dict) else None
        if isinstance(norm, dict) and norm.get("id") and (said or value.get("explanation")):
            found.setdefault(norm["id"], said or value["explanation"])
        for v in value.values():
            _why_nots(v, found)
    elif isinstance(value, list):
        for v in value:
            _why_nots(v, found)


def fates(kb: KnowledgeBase, entry: dict, proofs: dict, norm_ids: list[str], cite) -> list[dict]:
    """What each cited norm did in one answer (a document's answer entry, its trace built in full)."""
    trace = entry.get("trace") or {}
    applied = {a["id"]: a for a in trace.get("applied") or [] if a.get("id")}
    decided_by = trace.get("decided_by") or {}
    used = _norm_ids(decided_by.get("conditions") or [], proofs, set())
    why: dict[str, str] = {}
    _why_nots(trace.get("why_not") or [], why)
    values = _values(entry.get("atom"))
    out = []
    for nid in norm_ids:
        norm = kb.norms[nid]
        said = {"id": nid, "citation": norm.citation, "cited_as": cite(norm.citation)}
        clause = norm.clause
        head = clause.head if clause is not None and clause.modality else None
        if head is not None and values is not None and head.arity == len(values) and any(
                isinstance(a, n.Constant) and a.value != v for a, v in zip(head.args, values)):
            said["fate"] = "other atom"   # it concludes another call (another purpose): not about this answer
        elif nid in applied:
            a = applied[nid]
            said["fate"] = a["fate"]
            for key in ("by", "principle", "against"):
                if a.get(key) is not None:
                    said[key] = a[key]
        elif nid in used:
            said["fate"] = "condition"
        elif any(nid in _references(kb.norms[a]) for a in applied if a in kb.norms):
            said["fate"] = "basis"
            said["of"] = sorted(a for a in applied if a in kb.norms and nid in _references(kb.norms[a]))
        elif norm.clause is not None and norm.clause.modality is None:
            said["fate"] = "not used"    # a definition this answer does not rest on
        else:
            said["fate"] = "not applied"
            if nid in why:
                said["why"] = why[nid]
        out.append(said)
    return out


def _values(atom: str | None) -> tuple | None:
    """An answer's ground atom's values (None: it could not be read)."""
    from engine.base.diagnostics import ZanError
    from engine.pipeline import parse_question

    try:
        parsed = parse_question(atom) if atom else None
    except ZanError:
        return None
    return tuple(a.value if isinstance(a, n.Constant) else None for a in parsed.atom.args) if parsed else None


def annotate(kb: KnowledgeBase, document: dict, norm_ids: list[str], cite) -> None:
    """Each answer of a document gets `according_to`: what the cited norms did in it."""
    proofs = document.get("proofs") or {}
    for entry in document.get("answers", []):
        entry["according_to"] = fates(kb, entry, proofs, norm_ids, cite)
