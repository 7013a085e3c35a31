"""Plain-text output: a line per answer; with --explain the derivation as an indented tree (or its short form, or steps).

The walk is render/walk.py's; this module only marks its parts up. Text is styled with click's `style`
(status colours, norms, failures); `click.echo` removes the styling when the output is not a terminal, so
a pipe or a file gets plain text (`zan` renders that text unstyled in the first place: `plain`). User text is escaped before (escape.text, by render/output.py).
"""

from __future__ import annotations

import click

from engine.explain import tree as t
from engine.explain.i18n import word
from engine.explain.phrasebook import say_date
from engine.explain.render.common import View, bindings_text, no_answers_text, quoted, side_named
from engine.explain.render.walk import Markup, Walk, write

STATUS_COLOURS = {"permitted": "green", "obligatory": "blue", "discretionary": "yellow", "prohibited": "red",
                  "undetermined": "magenta", "holds": "green", "not-established": "red"}
STEP = "    "   # one level of a tree
_STYLED = [True]   # False while rendering for an output click.echo strips the styling from (`plain`)


def _style(text: str, **styles) -> str:
    """`click.style`, or the text itself where the output is not styled (what `click.echo` leaves of the styled text
    when it strips it: the text's own escape sequences are escaped before, so only the styles' would be removed)."""
    if _STYLED[0]:
        return click.style(text, **styles)
    return text if isinstance(text, str) else str(text)


class plain:
    """Within it, the text is rendered without styling (~1 ms of a cold `--explain`: the styles made, then
    found again by the last escape check and by click.echo, which removes them for a pipe or a file)."""

    def __enter__(self):
        _STYLED[0] = False

    def __exit__(self, *_exc):
        _STYLED[0] = True


def _ok(text: str) -> str:
    return _style(text, fg="green")


def _no(text: str) -> str:
    return _style(text, fg="red")


def _norm(ref: t.NormRef | None) -> str:
    return _style(ref.name if ref is not None else "?", fg="cyan")


def _quiet(text: str) -> str:
    return _style(text, dim=True)


def _status(status: str, language: str) -> str:
    return _style(word(status, language), fg=STATUS_COLOURS.get(status), bold=True)


def _under(indent: str, lines: list[str]) -> list[str]:
    return [indent + line for line in lines]


def answer_line(a: t.Answer, language: str) -> str:
    chosen = [r.label for r in a.readings if not r.default]   # a reading chosen with --reading
    under = f"  ({word('under reading', language, labels='; '.join(chosen))})" if chosen else ""
    scope = a.outside_scope
    outside = f"\n  {word('outside scope', language)}: {'; '.join(scope.cited_as)} — {scope.label}" if scope else ""
    status = _status(a.status, language)
    deadline = a.trace.deadline
    if deadline is not None:   # an obligation's deadline and what became of it (overdue, fulfilled ...)
        status += f" ({word('deadline', language)} {say_date(deadline.date, language)}: {word(deadline.compliance or 'pending', language)})"
    return f"{_style(a.atom, bold=True)}: {status}" + (f"  [{a.cites}]" if a.cites else "") + under + outside


class Text(Walk):
    """The walk's parts as indented lines; the document's strings are escaped already (render/output.py)."""

    markups: dict[bool, Markup] = {}   # styled or not (`plain`), each made when first used

    @property
    def markup(self) -> Markup:  # type: ignore[override]
        styled = _STYLED[0]
        if styled not in Text.markups:
            Text.markups[styled] = Markup(cross=_no("✗"), code=str, plain=str, strong=str, emphasis=str, link=_norm,
                                          where=lambda source: f"  ({source})", location=str)
        return Text.markups[styled]

    def answer_head(self, a: t.Answer, level: int) -> list[str]:
        return [answer_line(a, self.language)]

    def answer_intro(self, a: t.Answer, head: bool) -> list[str]:
        if not head:
            return []
        reading = [f"  = {a.trace.reading}"] if a.trace.reading else []
        return reading + [f"  » {a.trace.summary.text if a.trace.summary else ''}"]

    def steps_section(self, steps: list[str]) -> list[str]:
        return [f"  {_style(self.w('steps'), bold=True)}:", *_under("    ", steps)]

    def short_decision(self, norm: t.NormRef, conditions: list[t.Condition]) -> list[str]:
        out = [f"  {self.w('decided by')} {_norm(norm)}"]
        if norm.quote:
            out.append("    " + _quiet(quoted(norm, self.language)))
        return out + [f"    {_ok('✓')} {c.atom}" + (f": {c.reading}" if c.reading else "") for c in conditions]

    def short_defeated(self, texts: list[str]) -> list[str]:
        return [f"  {self.w('defeats')}: {text}" for text in texts]

    def short_why_nots(self, status: str, texts: list[str]) -> list[str]:
        return [f"  {self.why_not_heading(status)}:", *(f"    {_no('✗')} {text}" for text in texts)]

    def decision(self, d: t.Decision, conditions: list[str]) -> list[str]:
        out = [f"  {self.w('decided by')} {_norm(d.norm)}: {self.modality(d.norm)}"]
        if d.norm.quote:
            out.append("    " + _quiet(quoted(d.norm, self.language)))
        if d.norm.interpretation:
            out.append(f"    ({self.w('interpretation')}: {d.norm.interpretation})")
        if d.bindings:
            out.append(f"    {self.w('bindings')} {bindings_text(d.bindings)}")
        if conditions:
            out += [f"    {self.w('because')}:", *_under("      ", conditions)]
        if d.rests_on:
            out.append(f"    {self.w('rests on')}:")
            for ref in d.rests_on:
                out.append(f"      {_norm(ref)}")
                if ref.quote:
                    out.append("        " + _quiet(quoted(ref, self.language, 160)))
        return out

    def proof(self, lines: list[str]) -> list[str]:
        return _under("  ", lines)

    def also_by(self, ref: t.NormRef) -> list[str]:
        return [f"  {self.w('also by')} {_norm(ref)}"]

    def defeats(self, group: list[t.Defeat], lines: list[str]) -> list[str]:
        return [f"  {self.heading_of(group)}:", *lines]

    def visit_Defeat(self, d: t.Defeat) -> list[str]:
        out = [f"    {_norm(d.norm)}: {self.modality(d.norm)}", f"      {d.explanation}"]
        for ref in d.see:
            out.append(f"      {self.w('see')} {_norm(ref)}")
            if ref.quote:
                out.append("        " + _quiet(quoted(ref, self.language, 200)))
        return out

    def visit_Ambiguity(self, amb: t.Ambiguity) -> list[str]:
        return [f"  {self.w('ambiguity')}: {' / '.join(_norm(r) for r in amb.norms)}: {amb.explanation}"]

    def explanation(self, text: str) -> list[str]:
        return [f"  {text}"]

    def visit_Deadline(self, d: t.Deadline) -> list[str]:
        return [f"  {self.w('deadline')}: {self.day(d.date)}: {self.w(d.compliance or 'pending')}"
                + (f" ({self.w('fulfilled on', date=self.day(d.fulfilled_on))})" if d.fulfilled_on else "")]

    def why_nots(self, status: str, lines: list[str]) -> list[str]:
        return [f"  {self.why_not_heading(status)}:", *_under("    ", lines)]

    def item(self, label: str, body: list[str], kind: str) -> list[str]:
        return [label, *_under(STEP, body)]

    def _head(self, c: t.Condition) -> str:
        mark = f"[{c.id}] " if c.id else ""
        return f"{_ok('✓')} {mark}{c.atom}" + (f": {c.reading}" if c.reading else "")

    def condition_label(self, c: t.Condition) -> str:
        if c.kind == "fact":
            where = f"  ({self.w('assumed' if c.assumed else 'fact')}, {c.source})"
        elif c.kind == "rule":
            where = f"  ({_norm(c.norm)})" if c.norm is not None else f"  ({self.w('rule')}, {c.source})"
        else:
            where = ""
        return self._head(c) + where

    def repeated(self, c: t.Condition) -> list[str]:
        return [self._head(c) + "  " + _quiet(self.w("see above", id=c.id))]

    def negation_note(self, text: str) -> list[str]:
        return [text]

    def more(self, count: int) -> list[str]:
        return [_quiet(self.w("more below", count=count))]

    # ------------------------------------------------------------ steps
    def _number(self, s: t.Step) -> str:
        return _style(f"{s.number}.", bold=True)

    def step(self, s: t.Step, text: str) -> list[str]:
        return [f"{self._number(s)} {text}"]

    def quoted_step(self, s: t.Step, text: str, norm: t.NormRef | None) -> list[str]:
        quote = ["   " + _quiet(quoted(norm, self.language))] if norm is not None and norm.quote else []
        return self.step(s, text) + quote

    def visit_NegationStep(self, s: t.NegationStep) -> list[str]:
        return [f"{self._number(s)} {self.w('step negation', atom=s.atom)}"]

    def visit_FailedStep(self, s: t.FailedStep) -> list[str]:
        return [f"{self._number(s)} " + _no("✗") + f" {s.explanation}"]

    def visit_StatusStep(self, s: t.StatusStep) -> list[str]:
        premises = self.premises(s)
        return [f"{self._number(s)} {self.w('therefore')}: {_status(s.status, self.language)}"
                + (f" ({premises})" if premises else "")]

    # ------------------------------------------------------------ documents
    def visit_Document(self, doc: t.Document) -> list[str]:
        lines = [_style(f"{self.w('question')}: {doc.query}", bold=True) + f"  ({self.w('on day', date=self.day(doc.at))})"]
        if not doc.answers:
            lines.append(f"  {no_answers_text(doc.data, self.language)}")
        for a in doc.answers:
            lines += self.visit(a)
            if self.view.explain:
                lines.append("")
        return lines

    def visit_Diff(self, doc: t.Diff) -> list[str]:
        title = doc.title or self.w("diff title", before=self.day(doc.before), after=self.day(doc.after))
        lines = [_style(f"{self.w('question')}: {self.asked(doc)}", bold=True) + f"  ({title})"]
        if not doc.changes and not doc.questions:
            lines.append(f"  {self.w('no changes')}")
        asked = None
        for c in doc.changes:
            heading = self.new_question(doc, c, asked)
            if heading is not None:
                asked = heading
                lines.append(_style(f"{self.w('question')}: {heading}", bold=True))
            lines.append(f"{_style(c.atom, bold=True)}: {_status(c.old, self.language)} → {_status(c.new, self.language)}")
            for cause in c.causes:
                mark = self.w("changed because") if cause.primary else f"({self.w('see')})"
                lines.append(f"  {mark}: {cause.explanation}")
                if cause.primary and cause.norm is not None and cause.norm.quote:
                    lines.append("    " + _quiet(quoted(cause.norm, self.language, 240)))
            if not c.causes:
                lines.append(f"  {self.w('cause unknown')}")
            if self.view.explain:
                for key, side in (("before", c.before), ("after", c.after)):
                    if side is None:
                        continue
                    summary = side.trace.summary.text if side.trace.summary else ""
                    name, day = side_named(doc.data, key, self.language)
                    lines.append(f"  {_style(name, bold=True)}{f' ({day})' if day else ''}: {summary}")
                    lines += _under("  ", self.visit(side, None))
            lines.append("")
        return lines + self.diff_tail(doc)


def render(document: dict, explain: bool, language: str, *, short: bool = False, steps: bool = False) -> str:
    return write(Text(language, View(explain or short or steps, short, steps)), document)


def render_diff(document: dict, explain: bool, language: str, *, short: bool = False, steps: bool = False) -> str:
    """`zan diff`: each answer whose status changed, old and new status, and the norms that caused it."""
    return write(Text(language, View(explain or short or steps, short, steps)), document, diff=True)
