"""Plain-text output: a line per answer; with --explain the derivation as an indented tree (or its short form, or steps).

Text is styled with click's `style` (status colours, norms, failures); `click.echo` removes the
styling when the output is not a terminal, so a pipe or a file gets plain text.
"""

from __future__ import annotations

import click

from engine.explain.i18n import word
from engine.explain.render import common
from engine.explain.render.common import cites as common_cites, no_answers_text, View, bindings_text, norm_name, quoted, why_not_heading, excerpt

STATUS_COLOURS = {"permitted": "green", "obligatory": "blue", "discretionary": "yellow", "prohibited": "red",
                  "undetermined": "magenta", "holds": "green", "not-established": "red"}


def _ok(text: str) -> str:
    return click.style(text, fg="green")


def _no(text: str) -> str:
    return click.style(text, fg="red")


def _norm(ref: dict | None) -> str:
    return click.style(norm_name(ref), fg="cyan")


def _quiet(text: str) -> str:
    return click.style(text, dim=True)


def render(document: dict, explain: bool, language: str, *, short: bool = False, steps: bool = False) -> str:
    view = View(explain or short or steps, short, steps)
    lines = [click.style(f"{word('question', language)}: {document['query']}", bold=True)
             + f"  ({word('at', language)} {document['at']})"]
    answers = document["answers"]
    if not answers:
        lines.append(f"  {no_answers_text(document, language)}")
    for a in answers:
        lines.append(answer_line(a, language))
        if view.explain:
            lines.extend(_answer(a, view, language))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def answer_line(a: dict, language: str) -> str:
    status = click.style(word(a["status"], language), fg=STATUS_COLOURS.get(a["status"]), bold=True)
    cites = common_cites(a)
    chosen = [r["label"] for r in a.get("readings", ()) if not r.get("default")]   # a reading chosen with --reading
    under = f"  ({word('under reading', language, labels='; '.join(chosen))})" if chosen else ""
    scope = a.get("outside_scope")
    outside = (f"\n  {word('outside scope', language)}: {'; '.join(scope['cited_as'])} — {scope['label']}"
               if scope else "")
    trace = a.get("trace") or {}
    if trace.get("deadline"):   # an obligation's deadline and what became of it (overdue, fulfilled ...)
        status += f" ({word('deadline', language)} {trace['deadline']}: {word(trace.get('compliance') or 'pending', language)})"
    return f"{click.style(a['atom'], bold=True)}: {status}" + (f"  [{cites}]" if cites else "") + under + outside


def _answer(a: dict, view: View, language: str, head: bool = True) -> list[str]:
    t = a["trace"]
    out: list[str] = []
    if head and t.get("reading"):
        out.append(f"  = {t['reading']}")
    if head:
        out.append(f"  » {t['summary']['text']}")
    if view.steps:
        out.append(f"  {click.style(word('steps', language), bold=True)}:")
        out += steps_lines(t.get("steps", []), "    ", language)
        return out
    if view.short:
        return out + _short(a, language)
    return out + _tree(a, language)


def _short(a: dict, language: str) -> list[str]:
    t = a["trace"]
    s = t["summary"]
    out: list[str] = []
    if s.get("norm"):
        out.append(f"  {word('decided by', language)} {_norm(s['norm'])}")
        if s["norm"].get("quote"):
            out.append("    " + _quiet(quoted(s["norm"], language)))
        for c in s["conditions"]:
            out.append(f"    {_ok('✓')} {c['atom']}" + (f": {c['reading']}" if c.get("reading") else ""))
    for text in s["defeated"]:
        out.append(f"  {word('defeats', language)}: {text}")
    if t["why_not"]:
        out.append(f"  {why_not_heading(a['status'], language)}:")
        for w in t["why_not"]:
            out.append(f"    {_no('✗')} {w['explanation']}")
    return out


def _tree(a: dict, language: str) -> list[str]:
    t = a["trace"]
    out: list[str] = []
    decided = t.get("decided_by")
    if decided:
        out.append(f"  {word('decided by', language)} {_norm(decided)}: {word(decided.get('modality') or '', language)}")
        if decided.get("quote"):
            out.append("    " + _quiet(quoted(decided, language)))
        if decided.get("interpretation"):
            out.append(f"    ({word('interpretation', language)}: {decided['interpretation']})")
        if decided.get("bindings"):
            out.append(f"    {word('bindings', language)} {bindings_text(decided['bindings'])}")
        if decided.get("conditions"):
            out.append(f"    {word('because', language)}:")
            for c in decided["conditions"]:
                out += node_lines(c, "      ", language)
        if decided.get("rests_on"):
            out.append(f"    {word('rests on', language)}:")
            for ref in decided["rests_on"]:
                out.append(f"      {_norm(ref)}")
                if ref.get("quote"):
                    out.append("        " + _quiet(quoted(ref, language, 160)))
    elif t.get("proof"):
        out += node_lines(t["proof"], "  ", language)
    for ref in t.get("also_supported_by", []):
        out.append(f"  {word('also by', language)} {_norm(ref)}")
    for key in ("interpreted", "defeated"):
        if not t.get(key):
            continue
        out.append(f"  {word(key, language)}:")
        for d in t[key]:
            out.append(f"    {_norm(d['norm'])}: {word(d['norm'].get('modality') or '', language)}")
            out.append(f"      {d['explanation']}")
            for ref in d.get("see", []):
                out.append(f"      {word('see', language)} {_norm(ref)}")
                if ref.get("quote"):
                    out.append("        " + _quiet(quoted(ref, language, 200)))
    for amb in t.get("ambiguity", []):
        names = " / ".join(_norm(r) for r in amb["norms"])
        out.append(f"  {word('ambiguity', language)}: {names}: {amb['explanation']}")
    if t.get("explanation"):
        out.append(f"  {t['explanation']}")
    if t.get("deadline"):
        out.append(f"  {word('deadline', language)}: {t['deadline']}: {word(t.get('compliance') or 'pending', language)}"
                   + (f" ({word('fulfilled on', language, date=t['fulfilled_on'])})" if t.get('fulfilled_on') else ""))
    if t.get("why_not"):
        out.append(f"  {why_not_heading(a['status'], language)}:")
        for w in t["why_not"]:
            out += why_not_lines(w, "    ", language)
    return out


def _flat(text: str, width: int | None = None) -> str:
    return excerpt(text, width)


def _where(c: dict, language: str) -> str:
    if c["kind"] == "fact":
        return f"  ({word('assumed' if c.get('assumed') else 'fact', language)}, {c.get('source')})"
    if c["kind"] == "rule" and c.get("norm"):
        return f"  ({_norm(c['norm'])})"
    if c["kind"] == "rule":
        return f"  ({word('rule', language)}, {c.get('source')})"
    return ""


def node_lines(c: dict, indent: str, language: str) -> list[str]:
    mark = f"[{c['id']}] " if c.get("id") else ""
    line = f"{indent}{_ok('✓')} {mark}{c['atom']}"
    if c.get("reading"):
        line += f": {c['reading']}"
    if c.get("repeat"):
        return [line + "  " + _quiet(word("see above", language, id=c["id"]))]
    out = [line + _where(c, language)]
    if c["kind"] == "negation" and c.get("explanation"):
        out.append(f"{indent}    {c['explanation']}")
    for child in c.get("conditions", []):
        out += node_lines(child, indent + "    ", language)
    if c.get("truncated"):
        out.append(f"{indent}    " + _quiet(word("more below", language, count=c["truncated"])))
    return out


def why_not_lines(w: dict, indent: str, language: str, nested: bool = False) -> list[str]:
    return common.why_not_lines(w, indent, language, MARKUP, nested)


def steps_lines(steps: list[dict], indent: str, language: str) -> list[str]:
    out: list[str] = []
    for s in steps:
        number = click.style(f"{s['number']}.", bold=True)
        kind = s["kind"]
        premises = word("step from", language, steps=", ".join(map(str, s["from"]))) if s.get("from") else ""
        if kind == "fact":
            out.append(f"{indent}{number} {word('step fact', language)}: {s['atom']}"
                       + (f" — {s['reading']}" if s.get("reading") else "") + f"  ({s.get('source')})")
        elif kind in ("rule", "conclusion"):
            by = word("step by", language, norm=_norm(s["norm"])) if s.get("norm") else \
                word("step by rule", language, source=s.get("source"))
            head = ", ".join(x for x in (premises, by) if x)
            modality = f"{word(s['modality'], language)}: " if s.get("modality") else ""
            out.append(f"{indent}{number} {head}: {modality}{s['atom']}" + (f" — {s['reading']}" if s.get("reading") else ""))
            if s.get("norm") and s["norm"].get("quote"):
                out.append(f"{indent}   " + _quiet(quoted(s['norm'], language)))
        elif kind == "negation":
            out.append(f"{indent}{number} {word('step negation', language, atom=s['atom'])}")
        elif kind == "comparison":
            out.append(f"{indent}{number} {word('step comparison', language)}: {s['atom']}")
        elif kind == "defeat":
            out.append(f"{indent}{number} {s['explanation']}")
        elif kind == "failed":
            out.append(f"{indent}{number} " + _no("✗") + f" {s['explanation']}")
        elif kind == "status":
            status = click.style(word(s["status"], language), fg=STATUS_COLOURS.get(s["status"]), bold=True)
            out.append(f"{indent}{number} {word('therefore', language)}: {status}"
                       + (f" ({premises})" if premises else ""))
    return out


def render_diff(document: dict, explain: bool, language: str, *, short: bool = False, steps: bool = False) -> str:
    """`zan diff`: each answer whose status changed, old and new status, and the norms that caused it."""
    view = View(explain or short or steps, short, steps)
    title = document.get("title") or word("diff title", language, before=document["from"], after=document["to"])
    lines = [click.style(f"{word('question', language)}: {document['query']}", bold=True) + f"  ({title})"]
    if not document["changes"]:
        lines.append(f"  {word('no changes', language)}")
    for c in document["changes"]:
        old = c["before"]["status"] if c["before"] else "absent"
        new = c["after"]["status"] if c["after"] else "absent"
        lines.append(f"{click.style(c['atom'], bold=True)}: "
                     f"{click.style(word(old, language), fg=STATUS_COLOURS.get(old), bold=True)} → "
                     f"{click.style(word(new, language), fg=STATUS_COLOURS.get(new), bold=True)}")
        for cause in c["causes"]:
            mark = word("changed because", language) if cause["primary"] else f"({word('see', language)})"
            lines.append(f"  {mark}: {cause['explanation']}")
            if cause["primary"] and cause.get("norm") and cause["norm"].get("quote"):
                lines.append("    " + _quiet(quoted(cause['norm'], language, 240)))
        if not c["causes"]:
            lines.append(f"  {word('cause unknown', language)}")
        if view.explain:
            for key, side, day in (("was", c["before"], document["from"]), ("now", c["after"], document["to"])):
                if side is None:
                    continue
                lines.append(f"  {click.style(word(key, language), bold=True)} ({day}): {side['trace']['summary']['text']}")
                body = _answer(side, view, language, head=False)
                lines += ["  " + line for line in body]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


MARKUP = common.LineMarkup(
    step="    ", failed=f"{_no('✗')} ", code=str, norm=_norm, source=lambda source: f"  ({source})",
    explanation=lambda text: text, more=_quiet, node_lines=lambda node, indent, language: node_lines(node, indent, language))
