"""Markdown output: a handout for a class, with each answer's reasons, its why-nots and the norms quoted at the end."""

from __future__ import annotations

import re

from engine.explain.render.escape import markdown_text_undone
from engine.explain.i18n import word
from engine.explain.render import common
from engine.explain.render.common import cites as common_cites, norm_facts, no_answers_text, shown_source, View, bindings_text, cited_norms, norm_anchor, norm_name, why_not_heading, quote_marker


def render(document: dict, explain: bool, language: str, *, short: bool = False, steps: bool = False) -> str:
    view = View(explain or short or steps, short, steps)
    out = ([f"# {document['title']}", ""] if document.get("title") else [])
    out += [f"{'##' if document.get('title') else '#'} {_cap(word('question', language))}: {_code(document['query'])}", "",
            f"*{_cap(word('date', language))}: {document['at']}*", ""]
    if not document["answers"]:
        out += [f"_{no_answers_text(document, language)}_", ""]
    for a in document["answers"]:
        out += _answer(a, view, language)
    if view.explain:
        out += norms_section(document, language)
    return "\n".join(out).rstrip() + "\n"


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


def _link(ref: dict | None) -> str:
    return f"[{norm_name(ref)}](#{norm_anchor(ref)})" if ref else "?"


def _quote(ref: dict | None, language: str = "en", prefix: str = "") -> list[str]:
    """The quote of a NormRef as a block quote, with its marker (the Court's summary, a working translation)."""
    if not ref or not ref.get("quote"):
        return []
    marker = quote_marker(ref, language)
    return [f"{prefix}> {' '.join(ref['quote'].split())}" + (f" *{marker.strip()}*" if marker else ""), ""]


def _answer(a: dict, view: View, language: str, head: bool = True) -> list[str]:
    t = a["trace"]
    cites = common_cites(a)
    out = [f"## {_code(a['atom'])}: **{word(a['status'], language)}**" + (f" [{cites}]" if cites else ""), ""] if head else []
    if head and a.get("outside_scope"):
        scope = a["outside_scope"]
        out += [f"*{word('outside scope', language)}: {'; '.join(scope['cited_as'])} — {scope['label']}*", ""]
    if not view.explain:
        return out
    if t.get("reading") and head:
        out += [f"*{t['reading']}*", ""]
    out += [f"**{_cap(word('summary', language))}:** {t['summary']['text']}", ""]
    if view.steps:
        out += [f"### {_cap(word('steps', language))}", ""]
        out += steps_lines(t.get("steps", []), language) + [""]
        return out
    if view.short:
        s = t["summary"]
        if s.get("norm"):
            out += [f"### {_cap(word('decided by', language))} {_link(s['norm'])}", ""]
            out += _quote(s["norm"], language)
            out += [f"- ✓ {_code(c['atom'])}" + (f": {c['reading']}" if c.get("reading") else "") for c in s["conditions"]]
            out.append("")
        for text in s["defeated"]:
            out += [f"- {text}"]
        if t["why_not"]:
            out += [f"### {_cap(why_not_heading(a['status'], language))}", ""]
            out += [f"- ✗ {w['explanation']}" for w in t["why_not"]] + [""]
        return out
    decided = t.get("decided_by")
    if decided:
        out += [f"### {_cap(word('decided by', language))} {_link(decided)}: {word(decided.get('modality') or '', language)}", ""]
        out += _quote(decided, language)
        if decided.get("interpretation"):
            out += [f"*{_cap(word('interpretation', language))}:* {decided['interpretation']}", ""]
        if decided.get("bindings"):
            out += [f"{_cap(word('bindings', language))} {_code(bindings_text(decided['bindings']))}", ""]
        for c in decided.get("conditions", []):
            out += node_lines(c, "", language)
        out.append("")
        if decided.get("rests_on"):
            out += [f"**{_cap(word('rests on', language))}:** " + ", ".join(_link(r) for r in decided["rests_on"]), ""]
    elif t.get("proof"):
        out += node_lines(t["proof"], "", language) + [""]
    for ref in t.get("also_supported_by", []):
        out += [f"{_cap(word('also by', language))} {_link(ref)}", ""]
    for key in ("interpreted", "defeated"):
        if not t.get(key):
            continue
        out += [f"### {_cap(word(key, language))}", ""]
        for d in t[key]:
            out.append(f"- {_link(d['norm'])} ({word(d['norm'].get('modality') or '', language)}): {d['explanation']}")
            for ref in d.get("see", []):
                out.append(f"  - {word('see', language)} {_link(ref)}")
        out.append("")
    for amb in t.get("ambiguity", []):
        out += [f"**{_cap(word('ambiguity', language))}:** " + " / ".join(_link(r) for r in amb["norms"])
                + f": {amb['explanation']}", ""]
    if t.get("explanation"):
        out += [t["explanation"], ""]
    if t.get("deadline"):
        out += [f"**{_cap(word('deadline', language))}:** {t['deadline']}: {word(t.get('compliance') or 'pending', language)}"
                + (f" ({word('fulfilled on', language, date=t['fulfilled_on'])})" if t.get('fulfilled_on') else ""), ""]
    if t.get("why_not"):
        out += [f"### {_cap(why_not_heading(a['status'], language))}", ""]
        for w in t["why_not"]:
            out += why_not_lines(w, "", language)
        out.append("")
    return out


def node_lines(c: dict, indent: str, language: str) -> list[str]:
    mark = f"[{c['id']}] " if c.get("id") else ""
    line = f"{indent}- ✓ {mark}{_code(c['atom'])}" + (f": {c['reading']}" if c.get("reading") else "")
    if c.get("repeat"):
        return [line + f" — *{word('see above', language, id=c['id'])}*"]
    if c["kind"] == "fact":
        line += f" — {word('assumed' if c.get('assumed') else 'fact', language)}, {_code(shown_source(c.get('source')))}"
    elif c["kind"] == "rule":
        line += f" — {_link(c['norm'])}" if c.get("norm") else f" — {word('rule', language)}, {_code(shown_source(c.get('source')))}"
    out = [line]
    for child in c.get("conditions", []):
        out += node_lines(child, indent + "  ", language)
    if c.get("truncated"):
        out.append(f"{indent}  - *{word('more below', language, count=c['truncated'])}*")
    return out


def why_not_lines(w: dict, indent: str, language: str, nested: bool = False) -> list[str]:
    return common.why_not_lines(w, indent, language, MARKUP, nested)


def steps_lines(steps: list[dict], language: str) -> list[str]:
    out = []
    for s in steps:
        premises = word("step from", language, steps=", ".join(map(str, s["from"]))) if s.get("from") else ""
        kind = s["kind"]
        if kind == "fact":
            text = f"{word('step fact', language)}: {_code(s['atom'])}" + (f" — {s['reading']}" if s.get("reading") else "") \
                + f" ({_code(shown_source(s.get('source')))})"
        elif kind in ("rule", "conclusion"):
            by = word("step by", language, norm=_link(s["norm"])) if s.get("norm") else \
                word("step by rule", language, source=_code(shown_source(s.get("source"))))
            modality = f"**{word(s['modality'], language)}**: " if s.get("modality") else ""
            text = ", ".join(x for x in (premises, by) if x) + f": {modality}{_code(s['atom'])}" \
                + (f" — {s['reading']}" if s.get("reading") else "")
            if s.get("norm") and s["norm"].get("quote"):
                text += f"<br>«{' '.join(s['norm']['quote'].split())}»{quote_marker(s['norm'], language)}"
        elif kind == "negation":
            text = word("step negation", language, atom=_code(s["atom"]))
        elif kind == "comparison":
            text = f"{word('step comparison', language)}: {_code(s['atom'])}"
        elif kind == "defeat":
            text = s["explanation"]
        elif kind == "failed":
            text = f"✗ {s['explanation']}"
        else:
            text = f"{_cap(word('therefore', language))}: **{word(s['status'], language)}**" + (f" ({premises})" if premises else "")
        out.append(f"{s['number']}. {text}")
    return out


def norms_section(document: dict, language: str) -> list[str]:
    norms = cited_norms(document)
    if not norms:
        return []
    out = ["---", "", f"## {_cap(word('norms cited', language))}", ""]
    for ref in sorted(norms.values(), key=lambda r: (r.get("citation") or "", r["id"])):
        out += [f"### <a id=\"{norm_anchor(ref)}\"></a>{norm_name(ref)}", ""]
        facts = norm_facts(ref, language)
        if facts:
            out += ["*" + "; ".join(facts) + "*", ""]
        out += _quote(ref, language)
        if ref.get("interpretation"):
            out += [f"*{_cap(word('interpretation', language))}:* {ref['interpretation']}", ""]
        out += [f"{_cap(word('source', language))}: {_code(shown_source(ref.get('source')))}", ""]
    return out


def render_diff(document: dict, explain: bool, language: str, *, short: bool = False, steps: bool = False) -> str:
    view = View(explain or short or steps, short, steps)
    title = document.get("title") or word("diff title", language, before=document["from"], after=document["to"])
    out = [f"# {_cap(title)}", "", f"*{_cap(word('question', language))}: {_code(document['query'])}*", ""]
    if not document["changes"]:
        out += [f"_{word('no changes', language)}_", ""]
    for c in document["changes"]:
        old = word(c["before"]["status"] if c["before"] else "absent", language)
        new = word(c["after"]["status"] if c["after"] else "absent", language)
        out += [f"## {_code(c['atom'])}: **{old}** → **{new}**", ""]
        for cause in c["causes"]:
            mark = _cap(word("changed because", language)) if cause["primary"] else _cap(word("see", language))
            out.append(f"- {mark}: {cause['explanation']}")
        if not c["causes"]:
            out.append(f"- {word('cause unknown', language)}")
        out.append("")
        for cause in c["causes"]:
            if cause["primary"] and cause.get("norm"):
                out += _quote(cause["norm"], language)
        if view.explain:
            for key, side, day in (("was", c["before"], document["from"]), ("now", c["after"], document["to"])):
                if side is not None:
                    out += [f"### {_cap(word(key, language))} ({day})", ""]
                    out += [line.replace("## ", "#### ", 1) if line.startswith("### ") else line
                            for line in _answer(side, view, language, head=False)]
    if view.explain:
        out += norms_section(document, language)
    return "\n".join(out).rstrip() + "\n"


MARKUP = common.LineMarkup(
    step="  ", failed="- ✗ ", code=lambda text: _code(text or ""), norm=_link,
    source=lambda source: f" ({_code(shown_source(source))})", explanation=lambda text: f"**{text}**",
    more=lambda text: f"- *{text}*", node_lines=lambda node, indent, language: node_lines(node, indent, language))
