"""Explanations as plain data in one language: what every output format (text, JSON, ...) renders."""

from __future__ import annotations

import datetime
from decimal import Decimal

from engine import nodes as n
from engine.answering import Trace
from engine.deontic import Defeat
from engine.i18n import word
from engine.ir import Program
from engine.knowledge import KnowledgeBase
from engine.proof import ProofNode, WhyNot

INTERNAL_PREFIXES = ("norm:", "domain:", "defeated:", "undefeated:", "beats:")


def json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def atom_text(relation: str, values: tuple) -> str:
    shown = ", ".join("_" if v is None else n.format_value(v) for v in values)
    return f"{relation}({shown})" if values else relation


class Explainer:
    """Turns traces into dictionaries, with labels, quotes and sentences in one language."""

    def __init__(self, kb: KnowledgeBase, program: Program, language: str = "en"):
        self.kb = kb
        self.program = program
        self.language = language

    # ------------------------------------------------------------ pieces
    def value_label(self, value) -> str:
        if isinstance(value, str) and value in self.kb.constants:
            return n.label_of(self.kb.constants[value].labels, self.language, value)
        return n.format_value(value) if not isinstance(value, str) else value

    def reading(self, relation: str, values: tuple) -> str | None:
        decl = self.kb.predicates.get(relation)
        if decl is None:
            return None
        template = n.label_of(decl.readings, self.language)
        if template is None:
            return None
        text = template
        for name, value in zip(decl.parameters, values):
            text = text.replace("{" + name + "}", "…" if value is None else self.value_label(value))
        return text

    def norm_ref(self, nid: str | None, full: bool = True) -> dict | None:
        if nid is None:
            return None
        info = self.program.norms.get(nid)
        if info is None:
            return {"id": nid}
        node = info.node
        ref = {
            "id": nid,
            "citation": node.citation,
            "act": info.act.key if info.act else None,
            "rank": info.rank,
            "modality": info.modality,
            "quote": n.label_of(node.quotes, self.language),
            "source": node.span.location,
            "in_force": {"from": json_value(info.start), "to": json_value(info.end)},
        }
        if full:
            ref["quotes"] = {q.language: q.text for q in node.quotes}
        if node.interpretation:
            ref["interpretation"] = node.interpretation
        if node.notes:
            ref["notes"] = list(node.notes)
        return ref

    def node(self, p: ProofNode) -> dict:
        if p.kind == "comparison":
            return {"kind": "comparison", "atom": p.text, "holds": True, "source": p.source.location if p.source else None}
        relation = p.relation or ""
        if relation.startswith("norm:"):
            relation = relation[5:]
            values = p.values[1:]
        else:
            values = p.values
        out = {
            "kind": p.kind,
            "atom": ("not " if p.kind == "negation" else "") + atom_text(relation, values),
            "holds": True,
            "reading": self.reading(relation, values),
            "source": p.source.location if p.source else None,
        }
        if p.kind == "negation":
            out["explanation"] = f"{word('no fact', self.language)} {atom_text(relation, values)}"
        if p.kind == "rule":
            out["norm"] = self.norm_ref(p.norm, full=False)
            out["bindings"] = {k: json_value(v) for k, v in sorted(p.bindings.items()) if not k.startswith("_")}
            out["conditions"] = [self.node(c) for c in p.children]
        return out

    def defeat(self, d: Defeat) -> dict:
        grounds = dict(d.grounds)
        if d.principle == "lex specialis":
            text = word("lex specialis", self.language, winner=d.winner, loser=d.loser)
        elif d.principle == "lex superior":
            text = word("lex superior", self.language, **grounds)
        else:
            text = word("lex posterior", self.language, **grounds)
        loser = self.program.norms.get(d.loser)
        see = [self.norm_ref(r.norm_id, full=False) for r in loser.node.see] if loser else []
        return {"norm": self.norm_ref(d.loser, full=False), "by": d.winner, "principle": d.principle,
                "grounds": grounds, "explanation": text, "see": see}

    def why_not(self, w: WhyNot) -> dict:
        out = {"norm": self.norm_ref(w.norm, full=False), "reason": w.reason}
        language = self.language
        if w.reason == "not-in-force":
            info = self.program.norms[w.norm]
            out["explanation"] = (f"{w.norm} {word('not in force', language)} {self.program.at.isoformat()}"
                                  + (f" ({word('in force from', language)} {info.start.isoformat()})" if info.start else ""))
            return out
        c = w.condition
        if w.relation is not None:
            failed = atom_text(w.relation, w.values)
            out["failed"] = {"condition": ("not " if w.reason == "negation-holds" else "") + failed,
                             "reading": self.reading(w.relation, w.values),
                             "source": c.span.location if c is not None else None}
        else:
            from engine.proof import _instantiate
            failed = _instantiate(c, w.bindings)
            out["failed"] = {"condition": failed, "reading": None, "source": c.span.location}
        what = {"missing": word("missing", language), "negation-holds": word("holds, but must not", language),
                "comparison-false": word("comparison false", language)}[w.reason]
        out["explanation"] = f"{w.norm or 'rule'} {word('does not apply', language)}: {failed}: {what}"
        if w.rule is not None and w.rule.norm:
            info = self.program.norms[w.rule.norm]
            out["explanation"] += f" ({info.node.citation})"
        out["held"] = [self.node(p) for p in w.held]
        out["because"] = [self.why_not(d) for d in w.deeper]
        if w.counter_proof is not None:
            out["counter_proof"] = self.node(w.counter_proof)
        return out

    # ------------------------------------------------------------ answers
    def answer(self, t: Trace, explain: bool = True) -> dict:
        a = t.answer
        out = {
            "atom": atom_text(a.predicate, a.values),
            "bindings": {k: json_value(v) for k, v in sorted(a.bindings.items())},
            "status": a.status,
            "citations": list(t.citations),
        }
        trace: dict = {}
        trace["reading"] = self.reading(a.predicate, a.values)
        if a.deciding:
            decided = self.norm_ref(a.deciding)
            if t.proof is not None:
                decided["bindings"] = {k: json_value(v) for k, v in sorted(t.proof.bindings.items()) if not k.startswith("_")}
                decided["conditions"] = [self.node(c) for c in t.proof.children]
            decided["rests_on"] = [self.norm_ref(r.norm_id) for r in self.program.norms[a.deciding].node.rests_on]
            trace["decided_by"] = decided
        elif t.proof is not None:
            trace["proof"] = self.node(t.proof)
        else:
            trace["decided_by"] = None
        if a.supporting:
            trace["also_supported_by"] = [self.norm_ref(nid, full=False) for nid in a.supporting]
        trace["defeated"] = [self.defeat(d) for d in a.defeated]
        if a.ambiguity:
            trace["ambiguity"] = [{"norms": [self.norm_ref(x, full=False) for x in pair],
                                   "explanation": word("ambiguity explained", self.language)} for pair in a.ambiguity]
        if a.status == "undetermined" and not a.applicable:
            trace["explanation"] = word("no norm", self.language)
        if a.deadline is not None:
            trace["deadline"] = a.deadline.isoformat()
            trace["compliance"] = a.compliance
        trace["why_not"] = [self.why_not(w) for w in t.why_not]
        out["trace"] = trace
        return out


def document(result, language: str = "en") -> dict:
    """The whole result as the JSON contract of DESIGN.md describes it."""
    explainer = Explainer(result.kb, result.program, language)
    return {
        "query": query_text(result.query),
        "at": result.at.isoformat(),
        "answers": [explainer.answer(t) for t in result.traces],
    }


def query_text(query: n.Query) -> str:
    return (f"{query.status} " if query.status else "") + str(query.atom)
