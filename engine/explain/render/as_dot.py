"""Graphviz DOT output: each answer, the norm that decides it, its conditions down to the facts, defeats and why-nots.

A derived atom used twice is one node with two incoming edges, so repeated sub-proofs appear once.
`svg()` runs Graphviz's `dot` where it is installed.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap

from engine.explain.i18n import word
from engine.explain.render.escape import dot
from engine.explain.render.common import View, norm_name, quote_marker

COLOURS = {"permitted": "#dff5df", "obligatory": "#dde8fb", "discretionary": "#fff3cc", "prohibited": "#fbe0e0",
           "undetermined": "#eee0f5", "holds": "#dff5df", "not-established": "#fbe0e0"}


def _q(text: str) -> str:
    return dot(text)


def _wrap(text: str | None, width: int = 48) -> str:
    return "\n".join(textwrap.wrap(" ".join((text or "").split()), width)) if text else ""


class Graph:
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

    def norm(self, ref: dict | None) -> str:
        label = norm_name(ref)
        if ref and ref.get("modality"):
            label += "\n" + word(ref["modality"], self.language)
        if ref and ref.get("quote"):
            label += "\n«" + _wrap(ref["quote"], 56) + "»" + quote_marker(ref, self.language)
        if ref and ref.get("id") in self.defeated:
            return self.node(("norm", ref.get("id")), f"✗ {word('defeated', self.language)}\n" + label, shape="note",
                             style="filled,dashed", fillcolor="#e6e6e6", fontcolor="#666666", color="#888888",
                             tooltip=ref.get("quote") or "")
        return self.node(("norm", (ref or {}).get("id")), label, shape="note", style="filled", fillcolor="#f4f4f4",
                         tooltip=(ref or {}).get("quote") or "")

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

    def proof(self, c: dict, parent: str) -> None:
        label = c["atom"] + ("\n" + _wrap(c["reading"]) if c.get("reading") else "")
        if c["kind"] == "fact":
            label += f"\n({word('assumed' if c.get('assumed') else 'fact', self.language)}, {c.get('source')})"
            name = self.node(("atom", c["atom"]), label, shape="ellipse", color="#1a7f1a")
        else:
            name = self.node(("atom", c["atom"]), label, shape="box", style="rounded", color="#1a7f1a")
        self.edge(parent, name)
        if c.get("norm"):
            self.edge(name, self.norm(c["norm"]), style="dotted", arrowhead="none")
        for child in c.get("conditions", []):
            self.proof(child, name)

    def why_not(self, w: dict, parent: str, label: str | None) -> None:
        failed = w.get("failed") or {}
        target = self.norm(w["norm"]) if w.get("norm") else self.node(("rule", id(w)), word("rule", self.language), shape="box")
        self.edge(parent, target, label, style="dashed", color="#b01c1c", fontcolor="#b01c1c")
        if w["reason"] == "not-in-force":
            note = self.node(("why", w["norm"]["id"], "force"), failed.get("sentence") or "", shape="plaintext", fontcolor="#b01c1c")
            self.edge(target, note, style="dashed", color="#b01c1c", arrowhead="none")
            return
        for held in w.get("held", []):
            self.proof(held, target)
        text = (failed.get("condition") or "") + "\n" + _wrap(failed.get("sentence"))
        missing = self.node(("missing", failed.get("condition"), (w.get("norm") or {}).get("id")), "✗ " + text,
                            shape="box", style="rounded,dashed", color="#b01c1c", fontcolor="#b01c1c")
        self.edge(target, missing, style="dashed", color="#b01c1c")
        for child in w.get("because", []):
            self.why_not(child, missing, None)


def render(document: dict, explain: bool, language: str, *, short: bool = False, steps: bool = False) -> str:
    view = View(True, short, steps)
    g = Graph(language)
    g.defeated = {d["norm"]["id"] for a in document["answers"] for d in (a.get("trace") or {}).get("defeated", [])
                  if isinstance(d.get("norm"), dict) and d["norm"].get("id")}
    for a in document["answers"]:
        t = a["trace"]
        root = g.node(("answer", a["atom"]), f"{a['atom']}\n{word(a['status'], language)}" + ("\n" + _wrap(t["reading"]) if t.get("reading") else ""),
                      shape="box", style="filled,bold", fillcolor=COLOURS.get(a["status"], "#ffffff"))
        decided = t.get("decided_by")
        if decided:
            deciding = g.norm(decided)
            g.edge(root, deciding, word("decided by", language), penwidth="2")
            for c in decided.get("conditions", []):
                if view.short:
                    c = {k: v for k, v in c.items() if k != "conditions"}
                g.proof(c, deciding)
        elif t.get("proof"):
            g.proof(t["proof"], root)
        for d in t.get("defeated", []):
            g.edge(g.norm(d["by_norm"]), g.norm(d["norm"]), _wrap(d["explanation"], 40), style="bold", color="#444444")
        for w in t.get("why_not", []):
            if view.short:
                w = {**w, "held": [], "because": []}
            g.why_not(w, root, word("why not", language))
    title = f"{word('question', language)}: {document['query']} ({word('at', language)} {document['at']})"
    return "\n".join(["digraph zan {", f"  label={_q(title)};", "  labelloc=t;", "  rankdir=LR;",
                      '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];',
                      *g.lines, *g.legend(), "}"]) + "\n"


def render_diff(document: dict, language: str) -> str:
    g = Graph(language)
    for change in document["changes"]:
        before = change.get("before") or {}
        after = change.get("after") or {}
        old = g.node(("before", change["atom"]), f"{change['atom']}\n{document['from']}: {word(before.get('status') or 'absent', language)}",
                     shape="box", style="filled", fillcolor=COLOURS.get(before.get("status") or "", "#ffffff"))
        new = g.node(("after", change["atom"]), f"{change['atom']}\n{document['to']}: {word(after.get('status') or 'absent', language)}",
                     shape="box", style="filled", fillcolor=COLOURS.get(after.get("status") or "", "#ffffff"))
        g.edge(old, new, word("now", language), penwidth="2")
        for cause in change.get("causes", []):
            if cause.get("norm"):
                g.edge(g.norm(cause["norm"]), new, _wrap(cause["explanation"], 40), style="dashed")
    title = document.get("title") or word("diff title", language, before=document["from"], after=document["to"]) + f": {document['query']}"
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
