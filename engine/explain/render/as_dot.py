"""Graphviz DOT output: each answer, the norm that decides it, its conditions down to the facts, defeats and why-nots.

The graph is a visitor over the explanation tree (engine/explain/tree.py), as the line formats are
(render/walk.py); every label is escaped by escape.dot. A derived atom used twice is one node with two
incoming edges, so repeated sub-proofs appear once. `svg()` runs Graphviz's `dot` where it is installed.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap

from engine.explain import tree as t
from engine.explain.i18n import word
from engine.explain.phrasebook import say_date
from engine.explain.render.escape import dot
from engine.explain.render.common import View, quote_marker, side_named

COLOURS = {"permitted": "#dff5df", "obligatory": "#dde8fb", "discretionary": "#fff3cc", "prohibited": "#fbe0e0",
           "undetermined": "#eee0f5", "holds": "#dff5df", "not-established": "#fbe0e0"}


def _q(text: str) -> str:
    return dot(text)


def _wrap(text: str | None, width: int = 48) -> str:
    return "\n".join(textwrap.wrap(" ".join((text or "").split()), width)) if text else ""


class Graph(t.NodeVisitor):
    """The nodes and edges of one graph; visiting a node of the tree draws it below a parent."""

    def __init__(self, language: str):
        self.language = language
        self.lines: list[str] = []
        self.ids: dict[tuple, str] = {}
        self.edges: set[tuple] = set()
        self.defeated: set[str] = set()  # norms that applied but lost: drawn as defeated

    def node(self, key: tuple, label: str, **attrs) -> str:
        if key in self.ids:
            return self.ids[key]
        name = f"n{len(self.ids)}"
        self.ids[key] = name
        extra = "".join(f", {k}={_q(str(v))}" for k, v in sorted(attrs.items()))
        self.lines.append(f"  {name} [label={_q(label)}{extra}];")
        return name

    def edge(self, a: str, b: str, label: str | None = None, **attrs) -> None:
        if (a, b, label) in self.edges:
            return
        self.edges.add((a, b, label))
        parts = ([f"label={_q(label)}"] if label else []) + [f"{k}={_q(str(v))}" for k, v in sorted(attrs.items())]
        self.lines.append(f"  {a} -> {b}" + (f" [{', '.join(parts)}]" if parts else "") + ";")

    def norm(self, ref: t.NormRef | None) -> str:
        if ref is None:
            return self.node(("norm", None), "?", shape="note", style="filled", fillcolor="#f4f4f4", tooltip="")
        label = ref.name
        if ref.modality:
            label += "\n" + word(ref.modality, self.language)
        if ref.quote:
            label += "\n«" + _wrap(ref.quote, 56) + "»" + quote_marker(ref, self.language)
        if ref.id in self.defeated:
            return self.node(("norm", ref.id), f"✗ {word('defeated', self.language)}\n" + label, shape="note",
                             style="filled,dashed", fillcolor="#e6e6e6", fontcolor="#666666", color="#888888",
                             tooltip=ref.quote or "")
        return self.node(("norm", ref.id), label, shape="note", style="filled", fillcolor="#f4f4f4", tooltip=ref.quote or "")

    def legend(self) -> list[str]:
        """What the shapes mean: a fact, a norm, a condition that failed (why not), a defeated norm."""
        w = lambda key: _q(word(key, self.language))  # noqa: E731
        return ["  subgraph cluster_legend {", f"    label={w('legend')};", "    style=dashed; color=\"#999999\";",
                f"    legend_fact [label={w('fact')}, shape=ellipse, color=\"#1a7f1a\"];",
                f"    legend_rule [label={w('rule')}, shape=box, style=rounded, color=\"#1a7f1a\"];",
                f"    legend_norm [label={w('norm')}, shape=note, style=filled, fillcolor=\"#f4f4f4\"];",
                f"    legend_why_not [label={_q('✗ ' + word('why not', self.language))}, shape=box, style=\"rounded,dashed\", "
                "color=\"#b01c1c\", fontcolor=\"#b01c1c\"];",
                f"    legend_defeated [label={_q('✗ ' + word('defeated', self.language))}, shape=note, style=\"filled,dashed\", "
                "fillcolor=\"#e6e6e6\", fontcolor=\"#666666\"];",
                "    legend_fact -> legend_rule -> legend_norm -> legend_why_not -> legend_defeated [style=invis];",
                "  }"]

    def visit_Condition(self, c: t.Condition, parent: str) -> None:
        label = c.atom + ("\n" + _wrap(c.reading) if c.reading else "")
        if c.kind == "fact":
            label += f"\n({word('assumed' if c.assumed else 'fact', self.language)}, {c.source})"
            name = self.node(("atom", c.atom), label, shape="ellipse", color="#1a7f1a")
        else:
            name = self.node(("atom", c.atom), label, shape="box", style="rounded", color="#1a7f1a")
        self.edge(parent, name)
        if c.norm is not None:
            self.edge(name, self.norm(c.norm), style="dotted", arrowhead="none")
        for child in c.conditions:
            self.visit(child, name)

    def visit_WhyNot(self, w: t.WhyNot, parent: str, label: str | None) -> None:
        failed = w.failed
        target = self.norm(w.norm) if w.norm is not None else self.node(("rule", id(w)), word("rule", self.language), shape="box")
        self.edge(parent, target, label, style="dashed", color="#b01c1c", fontcolor="#b01c1c")
        if w.reason == "not-in-force":
            note = self.node(("why", w.norm.id if w.norm else None, "force"), failed.sentence or "", shape="plaintext",
                             fontcolor="#b01c1c")
            self.edge(target, note, style="dashed", color="#b01c1c", arrowhead="none")
            return
        for held in w.held:
            self.visit(held, target)
        text = (failed.condition or "") + "\n" + _wrap(failed.sentence)
        missing = self.node(("missing", failed.condition, w.norm.id if w.norm else None), "✗ " + text,
                            shape="box", style="rounded,dashed", color="#b01c1c", fontcolor="#b01c1c")
        self.edge(target, missing, style="dashed", color="#b01c1c")
        for child in w.because:
            self.visit(child, missing, None)

    def visit_Answer(self, a: t.Answer, view: View) -> None:
        trace = a.trace
        root = self.node(("answer", a.atom), f"{a.atom}\n{word(a.status, self.language)}"
                         + ("\n" + _wrap(trace.reading) if trace.reading else ""),
                         shape="box", style="filled,bold", fillcolor=COLOURS.get(a.status, "#ffffff"))
        if trace.decision is not None:
            deciding = self.norm(trace.decision.norm)
            self.edge(root, deciding, word("decided by", self.language), penwidth="2")
            for c in trace.decision.conditions:
                self.visit(c.but(conditions=[]) if view.short else c, deciding)
        elif trace.proof is not None:
            self.visit(trace.proof, root)
        for d in trace.defeated:
            self.edge(self.norm(d.by), self.norm(d.norm), _wrap(d.explanation, 40), style="bold", color="#444444")
        for w in trace.why_not:
            self.visit(w.but(held=[], because=[]) if view.short else w, root, word("why not", self.language))

    def visit_Change(self, change: t.Change, before: str, after: str) -> None:
        old = self.node(("before", change.atom), f"{change.atom}\n{before}: {word(change.old, self.language)}",
                        shape="box", style="filled", fillcolor=COLOURS.get(change.before.status if change.before else "", "#ffffff"))
        new = self.node(("after", change.atom), f"{change.atom}\n{after}: {word(change.new, self.language)}",
                        shape="box", style="filled", fillcolor=COLOURS.get(change.after.status if change.after else "", "#ffffff"))
        self.edge(old, new, word("now", self.language), penwidth="2")
        for cause in change.causes:
            if cause.norm is not None:
                self.edge(self.norm(cause.norm), new, _wrap(cause.explanation, 40), style="dashed")


def render(document: dict, explain: bool, language: str, *, short: bool = False, steps: bool = False) -> str:
    view = View(True, short, steps)
    doc = t.read(document)
    g = Graph(language)
    g.defeated = {d.norm.id for a in doc.answers for d in a.trace.defeated if d.norm.data}
    for a in doc.answers:
        g.visit(a, view)
    title = f"{word('question', language)}: {doc.query} ({word('on day', language, date=say_date(doc.at, language))})"
    return "\n".join(["digraph zan {", f"  label={_q(title)};", "  labelloc=t;", "  rankdir=LR;",
                      '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];',
                      *g.lines, *g.legend(), "}"]) + "\n"


def render_diff(document: dict, language: str) -> str:
    doc = t.read_diff(document)
    g = Graph(language)
    def side(key: str, day: str) -> str:   # a side by its date, or by its reading when two readings are compared
        if not document.get("sides"):
            return say_date(day, language)
        named, when = side_named(document, key, language)
        return f"{named} ({when})" if when else named

    for change in doc.changes:
        g.visit(change, side("before", doc.before), side("after", doc.after))
    title = doc.title or word("diff title", language, before=say_date(doc.before, language), after=say_date(doc.after, language)) + f": {doc.query}"
    return "\n".join(["digraph zan_diff {", f"  label={_q(title)};", "  labelloc=t;", "  rankdir=LR;",
                      '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];',
                      *g.lines, "}"]) + "\n"


def dot_program() -> str | None:
    return shutil.which("dot")


def svg(dot_source: str) -> str:
    """The graph rendered by Graphviz; the caller checks dot_program() first."""
    done = subprocess.run([dot_program() or "dot", "-Tsvg"], input=dot_source, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip() or "dot failed")
    return done.stdout
