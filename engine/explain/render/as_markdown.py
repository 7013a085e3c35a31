"""Markdown output: a handout for a class, with each answer's reasons, its why-nots and the norms quoted at the end.

The walk is render/walk.py's; this module only marks its parts up. User text is escaped before
(escape.markdown_text, by render/output.py); what goes in a code span is shown as written (`_code`).
"""

from __future__ import annotations

import re

from engine.explain import tree as t
from engine.explain.render.escape import markdown_text_undone
from engine.explain.render.common import View, bindings_text, no_answers_text, norm_facts, quote_marker, shown_source, side_named
from engine.explain.render.walk import Markup, Walk, write


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _code(text: str) -> str:
    """Inline code: literal in Markdown, so the text is shown unescaped, fenced by more backticks than it holds."""
    text = markdown_text_undone(text)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    if not longest:
        return f"`{text}`"
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def _link(ref: t.NormRef | None) -> str:
    return f"[{ref.name}](#{ref.anchor})" if ref is not None else "?"


def _under(indent: str, lines: list[str]) -> list[str]:
    return [indent + line for line in lines]


class Markdown(Walk):
    """The walk's parts as Markdown: headings, lists nested by two spaces, block quotes; the document's strings are
    escaped already (render/output.py), what goes in a code span is shown as written."""

    markup = Markup(cross="- ✗", code=lambda text: _code(text or ""), plain=str, strong=lambda text: f"**{text}**",
                    emphasis=lambda text: f"**{text}**", link=_link,
                    where=lambda source: f" ({_code(shown_source(source))})",
                    location=lambda source: _code(shown_source(source)))

    def _quote(self, ref: t.NormRef | None) -> list[str]:
        """The quote of a norm as a block quote, with its marker (the Court's summary, a working translation)."""
        if ref is None or not ref.quote:
            return []
        marker = quote_marker(ref, self.language)
        return [f"> {' '.join(ref.quote.split())}" + (f" *{marker.strip()}*" if marker else ""), ""]

    def answer_head(self, a: t.Answer, level: int) -> list[str]:
        out = [f"## {_code(a.atom)}: **{self.w(a.status)}**" + (f" [{a.cites}]" if a.cites else ""), ""]
        if a.outside_scope is not None:
            scope = a.outside_scope
            out += [f"*{self.w('outside scope')}: {'; '.join(scope.cited_as)} — {scope.label}*", ""]
        return out

    def answer_intro(self, a: t.Answer, head: bool) -> list[str]:
        reading = [f"*{a.trace.reading}*", ""] if a.trace.reading and head else []
        return reading + [f"**{_cap(self.w('summary'))}:** {a.trace.summary.text if a.trace.summary else ''}", ""]

    def steps_section(self, steps: list[str]) -> list[str]:
        return [f"### {_cap(self.w('steps'))}", "", *steps, ""]

    def short_decision(self, norm: t.NormRef, conditions: list[t.Condition]) -> list[str]:
        return [f"### {_cap(self.w('decided by'))} {_link(norm)}", "", *self._quote(norm),
                *(f"- ✓ {_code(c.atom)}" + (f": {c.reading}" if c.reading else "") for c in conditions), ""]

    def short_defeated(self, texts: list[str]) -> list[str]:
        return [f"- {text}" for text in texts]

    def short_why_nots(self, status: str, texts: list[str]) -> list[str]:
        return [f"### {_cap(self.why_not_heading(status))}", "", *(f"- ✗ {text}" for text in texts), ""]

    def decision(self, d: t.Decision, conditions: list[str]) -> list[str]:
        out = [f"### {_cap(self.w('decided by'))} {_link(d.norm)}: {self.modality(d.norm)}", ""]
        out += self._quote(d.norm)
        if d.norm.interpretation:
            out += [f"*{_cap(self.w('interpretation'))}:* {d.norm.interpretation}", ""]
        if d.bindings:
            out += [f"{_cap(self.w('bindings'))} {_code(bindings_text(d.bindings))}", ""]
        out += [*conditions, ""]
        if d.rests_on:
            out += [f"**{_cap(self.w('rests on'))}:** " + ", ".join(_link(r) for r in d.rests_on), ""]
        return out

    def proof(self, lines: list[str]) -> list[str]:
        return [*lines, ""]

    def also_by(self, ref: t.NormRef) -> list[str]:
        return [f"{_cap(self.w('also by'))} {_link(ref)}", ""]

    def defeats(self, group: list[t.Defeat], lines: list[str]) -> list[str]:
        return [f"### {_cap(self.heading_of(group))}", "", *lines, ""]

    def visit_Defeat(self, d: t.Defeat) -> list[str]:
        return [f"- {_link(d.norm)} ({self.modality(d.norm)}): {d.explanation}",
                *(f"  - {self.w('see')} {_link(ref)}" for ref in d.see)]

    def visit_Ambiguity(self, amb: t.Ambiguity) -> list[str]:
        return [f"**{_cap(self.w('ambiguity'))}:** " + " / ".join(_link(r) for r in amb.norms) + f": {amb.explanation}", ""]

    def explanation(self, text: str) -> list[str]:
        return [text, ""]

    def visit_Deadline(self, d: t.Deadline) -> list[str]:
        return [f"**{_cap(self.w('deadline'))}:** {self.day(d.date)}: {self.w(d.compliance or 'pending')}"
                + (f" ({self.w('fulfilled on', date=self.day(d.fulfilled_on))})" if d.fulfilled_on else ""), ""]

    def why_nots(self, status: str, lines: list[str]) -> list[str]:
        return [f"### {_cap(self.why_not_heading(status))}", "", *lines, ""]

    def item(self, label: str, body: list[str], kind: str) -> list[str]:
        return [label, *_under("  ", body)]

    def _head(self, c: t.Condition) -> str:
        mark = f"[{c.id}] " if c.id else ""
        return f"- ✓ {mark}{_code(c.atom)}" + (f": {c.reading}" if c.reading else "")

    def condition_label(self, c: t.Condition) -> str:
        if c.kind == "fact":
            return self._head(c) + f" — {self.w('assumed' if c.assumed else 'fact')}, {_code(shown_source(c.source))}"
        if c.kind == "rule":
            return self._head(c) + (f" — {_link(c.norm)}" if c.norm is not None else
                                    f" — {self.w('rule')}, {_code(shown_source(c.source))}")
        return self._head(c)

    def repeated(self, c: t.Condition) -> list[str]:
        return [self._head(c) + f" — *{self.w('see above', id=c.id)}*"]

    def more(self, count: int) -> list[str]:
        return [f"- *{self.w('more below', count=count)}*"]

    # ------------------------------------------------------------ steps
    def step(self, s: t.Step, text: str) -> list[str]:
        return [f"{s.number}. {text}"]

    def quoted_step(self, s: t.Step, text: str, norm: t.NormRef | None) -> list[str]:
        if norm is not None and norm.quote:
            text += f"<br>«{' '.join(norm.quote.split())}»{quote_marker(norm, self.language)}"
        return self.step(s, text)

    def visit_NegationStep(self, s: t.NegationStep) -> list[str]:
        return [f"{s.number}. {self.w('step negation', atom=_code(s.atom))}"]

    def visit_FailedStep(self, s: t.FailedStep) -> list[str]:
        return [f"{s.number}. ✗ {s.explanation}"]

    def visit_StatusStep(self, s: t.StatusStep) -> list[str]:
        premises = self.premises(s)
        return [f"{s.number}. {_cap(self.w('therefore'))}: **{self.w(s.status)}**" + (f" ({premises})" if premises else "")]

    # ------------------------------------------------------------ documents
    def norms_section(self, norms: list[t.NormRef]) -> list[str]:
        if not norms:
            return []
        out = ["---", "", f"## {_cap(self.w('norms cited'))}", ""]
        for ref in sorted(norms, key=lambda r: (r.citation or "", r.id)):
            out += [f"### <a id=\"{ref.anchor}\"></a>{ref.name}", ""]
            facts = norm_facts(ref, self.language)
            if facts:
                out += ["*" + "; ".join(facts) + "*", ""]
            out += self._quote(ref)
            if ref.interpretation:
                out += [f"*{_cap(self.w('interpretation'))}:* {ref.interpretation}", ""]
            out += [f"{_cap(self.w('source'))}: {_code(shown_source(ref.source))}", ""]
        return out

    def visit_Document(self, doc: t.Document) -> list[str]:
        out = [f"# {doc.title}", ""] if doc.title else []
        out += [f"{'##' if doc.title else '#'} {_cap(self.w('question'))}: {_code(doc.query)}", "",
                f"*{_cap(self.w('date'))}: {self.day(doc.at)}*", ""]
        if not doc.answers:
            out += [f"_{no_answers_text(doc.data, self.language)}_", ""]
        for a in doc.answers:
            out += self.visit(a)
        return out + (self.norms_section(t.norms_cited(doc)) if self.view.explain else [])

    def visit_Diff(self, doc: t.Diff) -> list[str]:
        title = doc.title or self.w("diff title", before=self.day(doc.before), after=self.day(doc.after))
        asked = self.asked(doc)
        out = [f"# {_cap(title)}", "", f"*{_cap(self.w('question'))}: {_code(asked) if not doc.questions else asked}*", ""]
        if not doc.changes and not doc.questions:
            out += [f"_{self.w('no changes')}_", ""]
        question = None
        for c in doc.changes:
            heading = self.new_question(doc, c, question)
            if heading is not None:
                question = heading
                out += [f"## {_cap(self.w('question'))}: {_code(heading)}", ""]
            out += [f"{'###' if doc.questions else '##'} {_code(c.atom)}: **{self.w(c.old)}** → **{self.w(c.new)}**", ""]
            for cause in c.causes:
                mark = _cap(self.w("changed because")) if cause.primary else _cap(self.w("see"))
                out.append(f"- {mark}: {cause.explanation}")
            if not c.causes:
                out.append(f"- {self.w('cause unknown')}")
            out.append("")
            for cause in c.causes:
                if cause.primary:
                    out += self._quote(cause.norm)
            if self.view.explain:
                for key, side in (("before", c.before), ("after", c.after)):
                    if side is not None:
                        name, day = side_named(doc.data, key, self.language)
                        out += [f"{'####' if doc.questions else '###'} {_cap(name)}{f' ({day})' if day else ''}", ""]
                        out += [line.replace("## ", "#### ", 1) if line.startswith("### ") else line
                                for line in self.visit(side, None)]
        out += [line for said in self.diff_tail(doc) for line in (f"_{said}_", "")]
        return out + (self.norms_section(t.norms_cited(doc)) if self.view.explain else [])


def render(document: dict, explain: bool, language: str, *, short: bool = False, steps: bool = False) -> str:
    return write(Markdown(language, View(explain or short or steps, short, steps)), document)


def render_diff(document: dict, explain: bool, language: str, *, short: bool = False, steps: bool = False) -> str:
    return write(Markdown(language, View(explain or short or steps, short, steps)), document, diff=True)
