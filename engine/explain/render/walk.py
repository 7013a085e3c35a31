"""The one walk over an explanation tree (engine/explain/tree.py) for the formats that write lines: text,
Markdown and HTML.

`Walk` owns the order and the recursion: an answer's head, its reading and summary, then its steps, its
short form or its tree (the decision and its conditions down to the facts, the norms it defeated or read
narrowly, conflicts, the deadline, the why-nots with what held and what failed below them). A format is a
subclass that only marks each part up, escaping user text through its one function (render/escape.py):
`item(label, body, kind)` says how a node nests (indented lines, a list, a <details>), and the other
methods below the line "markup" write one part each.
"""

from __future__ import annotations

from typing import Callable

from engine.base.records import dataclass
from engine.explain import tree as t
from engine.explain.i18n import word
from engine.explain.phrasebook import say_date
from engine.explain.render.common import View, why_not_heading


def write(walk: Walk, document: dict, diff: bool = False) -> str:
    """An explanation document (or a `zan diff` document) as the walk's format writes it."""
    lines = walk.visit(t.read_diff(document) if diff else t.read(document))
    return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True)
class Markup:
    """How a format writes the small pieces inside a line, each escaped for the format."""

    cross: str                                    # what opens a line of a condition that failed
    code: Callable[[str | None], str]             # an atom or a condition
    plain: Callable[[str | None], str]            # a sentence of the document
    strong: Callable[[str | None], str]           # a why-not's sentence, at the top of its tree
    emphasis: Callable[[str], str]                # a modality in a step
    link: Callable[[t.NormRef], str]              # a norm's name (a link where the format has them)
    where: Callable[[str | None], str]            # where a condition is written, after it
    location: Callable[[str | None], str]         # a source location inside a sentence


class Walk(t.NodeVisitor):
    """The walk; a format gives its `markup` and overrides the methods that raise NotImplementedError here."""

    markup: Markup

    def __init__(self, language: str, view: View):
        self.language = language
        self.view = view
        self._why_nots: dict[tuple[int, bool], tuple[t.WhyNot, list[str]]] = {}   # (id of a why-not, nested) -> (it, its lines)

    def w(self, key: str, **values) -> str:
        return word(key, self.language, **values)

    def day(self, value: str | None) -> str:
        """A date of the document (ISO) as the reader's language says it (phrasebook.say_date)."""
        return say_date(value, self.language)

    # ------------------------------------------------------------ a diff of every question the law can be asked
    def asked(self, doc: t.Diff) -> str:
        """What a diff asked: its question, or "every question the law can be asked (N)"."""
        if not doc.questions:
            return doc.query
        said = (doc.data.get("question") or {}).get("in_words")   # the question said back ("... that names Ivanov")
        return said or self.w("every question", count=len(doc.questions))

    def new_question(self, doc: t.Diff, c: t.Change, previous: str | None) -> str | None:
        """The question a change answers, where it differs from the change before's (a heading); else None."""
        return c.question if doc.questions and c.question != previous else None

    def diff_tail(self, doc: t.Diff) -> list[str]:
        """After the changes of every question: the questions examined in which nothing changed, and what stopped it."""
        return [said for said in (doc.unchanged, doc.stopped) if said]

    # ------------------------------------------------------------ the walk
    def visit_Answer(self, a: t.Answer, head: int | None = 2) -> list[str]:
        """An answer: its head (a heading of that level; None: none, as a side of a diff), then, explained,
        its reading and summary and the view asked for."""
        out = self.answer_head(a, head) if head is not None else []
        if not self.view.explain:
            return out
        out += self.answer_intro(a, head is not None)
        if self.view.steps:
            return out + self.steps_section([line for s in a.trace.steps for line in self.visit(s)])
        if self.view.short:
            return out + self.short(a)
        return out + self.tree(a)

    def short(self, a: t.Answer) -> list[str]:
        s = a.trace.summary
        out: list[str] = []
        if s is not None and s.norm is not None:
            out += self.short_decision(s.norm, s.conditions)
        out += self.short_defeated(s.defeated if s is not None else [])
        if a.trace.why_not:
            out += self.short_why_nots(a.status, [w.explanation or "" for w in a.trace.why_not])
        return out

    def tree(self, a: t.Answer) -> list[str]:
        trace = a.trace
        out: list[str] = []
        if trace.decision is not None:
            out += self.visit(trace.decision)
        elif trace.proof is not None:
            out += self.proof(self.visit(trace.proof))
        for ref in trace.also_supported_by:
            out += self.also_by(ref)
        for group in (trace.interpreted, trace.defeated):
            if group:
                out += self.defeats(group, [line for d in group for line in self.visit(d)])
        for ambiguity in trace.ambiguity:
            out += self.visit(ambiguity)
        if trace.explanation:
            out += self.explanation(trace.explanation)
        if trace.deadline is not None:
            out += self.visit(trace.deadline)
        if trace.why_not:
            out += self.why_nots(a.status, [line for w in trace.why_not for line in self.visit(w)])
        return out

    def visit_Decision(self, d: t.Decision) -> list[str]:
        return self.decision(d, [line for c in d.conditions for line in self.visit(c)])

    def visit_Condition(self, c: t.Condition) -> list[str]:
        if c.repeat:   # shown once, referred to after
            return self.repeated(c)
        body = self.negation_note(c.explanation) if c.kind == "negation" and c.explanation else []
        for child in c.conditions:
            body += self.visit(child)
        if c.truncated:
            body += self.more(c.truncated)
        return self.item(self.condition_label(c), body, "node")

    def visit_WhyNot(self, w: t.WhyNot, nested: bool = False) -> list[str]:
        """A why-not: its sentence (nested: the norm and the condition that failed), what held, the condition that
        failed with what stands against it below, and the why-nots it rests on. A why-not met again (the document's
        why-nots asked again are one node: Explainer.why_not) is written as before: its lines made once, a copy each
        time (a format's lines depend on the node alone: a walk keeps no state)."""
        key = (id(w), nested)
        made = self._why_nots.get(key)
        if made is None or made[0] is not w:
            made = self._why_nots[key] = (w, self._why_not(w, nested))
        return list(made[1])

    def _why_not(self, w: t.WhyNot, nested: bool) -> list[str]:
        body = [line for c in w.held for line in self.visit(c)]
        deeper = self.visit(w.counter_proof) if w.counter_proof is not None else []
        for child in w.because:
            deeper += self.visit(child, True)
        if w.truncated:
            deeper += self.more(w.truncated)
        if not nested and w.reason != "not-in-force" and w.failed.condition:
            body += self.item(self.failed_label(w), deeper, "failed")
        else:
            body += deeper
        return self.item(self.why_not_label(w, nested), body, "why-not")

    def heading_of(self, group: list[t.Defeat]) -> str:
        return self.w("interpreted" if isinstance(group[0], t.Interpretation) else "defeated")

    def why_not_heading(self, status: str) -> str:
        return why_not_heading(status, self.language)

    def modality(self, ref: t.NormRef) -> str:
        return self.w(ref.modality or "")

    def premises(self, s: t.Step) -> str:
        """"from 1, 2": the steps a step follows from ("" for none)."""
        return self.w("step from", steps=", ".join(map(str, s.premises))) if s.premises else ""

    def visit_FactStep(self, s: t.FactStep) -> list[str]:
        return self.step(s, f"{self.markup.plain(self.w('step fact'))}: {self.markup.code(s.atom)}"
                         + (f" — {self.markup.plain(s.reading)}" if s.reading else "") + self.markup.where(s.source))

    def visit_InferenceStep(self, s: t.InferenceStep) -> list[str]:
        """A rule's or norm's conclusion: the steps it follows from, by which norm, the modality and the atom, the quote."""
        if s.norm is not None:
            by = self.markup.plain(self.w("step by", norm="\x00")).replace("\x00", self.markup.link(s.norm))
        else:
            by = self.markup.plain(self.w("step by rule", source="\x00")).replace("\x00", self.markup.location(s.source))
        modality = f"{self.markup.emphasis(self.w(s.modality))}: " if s.modality else ""
        text = ", ".join(x for x in (self.markup.plain(self.premises(s)), by) if x) + f": {modality}{self.markup.code(s.atom)}" \
            + (f" — {self.markup.plain(s.reading)}" if s.reading else "")
        return self.quoted_step(s, text, s.norm)

    def visit_ComparisonStep(self, s: t.ComparisonStep) -> list[str]:
        return self.step(s, f"{self.markup.plain(self.w('step comparison'))}: {self.markup.code(s.atom)}")

    def visit_DefeatStep(self, s: t.DefeatStep) -> list[str]:
        return self.step(s, self.markup.plain(s.explanation))

    def why_not_label(self, w: t.WhyNot, nested: bool) -> str:
        """A why-not's line: its sentence, or, nested below another, the norm and the condition that failed."""
        if not nested:
            return f"{self.markup.cross} {self.markup.strong(w.explanation)}"
        who = self.markup.link(w.norm) if w.norm is not None else self.markup.plain(self.w("rule"))
        return f"{self.markup.cross} {who}: {self.failure(w)}"

    def failed_label(self, w: t.WhyNot) -> str:
        return f"{self.markup.cross} {self.failure(w)}"

    def failure(self, w: t.WhyNot) -> str:
        where = self.markup.where(w.failed.source) if w.failed.source else ""
        return f"{self.markup.code(w.failed.condition)}: {self.markup.plain(w.failed.sentence)}{where}"

    # ------------------------------------------------------------ markup (each format)
    def answer_head(self, a: t.Answer, level: int) -> list[str]:
        raise NotImplementedError

    def answer_intro(self, a: t.Answer, head: bool) -> list[str]:
        """The answer's reading and summary."""
        raise NotImplementedError

    def steps_section(self, steps: list[str]) -> list[str]:
        raise NotImplementedError

    def short_decision(self, norm: t.NormRef, conditions: list[t.Condition]) -> list[str]:
        raise NotImplementedError

    def short_defeated(self, texts: list[str]) -> list[str]:
        raise NotImplementedError

    def short_why_nots(self, status: str, texts: list[str]) -> list[str]:
        raise NotImplementedError

    def decision(self, d: t.Decision, conditions: list[str]) -> list[str]:
        raise NotImplementedError

    def proof(self, lines: list[str]) -> list[str]:
        """A plain predicate's proof, in place of a decision."""
        raise NotImplementedError

    def also_by(self, ref: t.NormRef) -> list[str]:
        raise NotImplementedError

    def defeats(self, group: list[t.Defeat], lines: list[str]) -> list[str]:
        raise NotImplementedError

    def explanation(self, text: str) -> list[str]:
        raise NotImplementedError

    def why_nots(self, status: str, lines: list[str]) -> list[str]:
        raise NotImplementedError

    def item(self, label: str, body: list[str], kind: str) -> list[str]:
        """A node with what stands below it (kind: "node", "why-not" or "failed")."""
        raise NotImplementedError

    def condition_label(self, c: t.Condition) -> str:
        raise NotImplementedError

    def repeated(self, c: t.Condition) -> list[str]:
        raise NotImplementedError

    def negation_note(self, text: str) -> list[str]:
        return []

    def more(self, count: int) -> list[str]:
        raise NotImplementedError

    def step(self, s: t.Step, text: str) -> list[str]:
        """A numbered step of the derivation."""
        raise NotImplementedError

    def quoted_step(self, s: t.Step, text: str, norm: t.NormRef | None) -> list[str]:
        """A step with the quote of the norm it applies."""
        raise NotImplementedError
