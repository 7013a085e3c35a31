"""Plain-text output: a line per answer, and with --explain the derivation as an indented tree."""

from __future__ import annotations

from engine.i18n import word


def render(document: dict, explain: bool, language: str) -> str:
    lines = [f"{word('question', language)}: {document['query']}  ({word('at', language)} {document['at']})"]
    answers = document["answers"]
    if not answers:
        lines.append(f"  {word('no answers', language)}")
    for a in answers:
        status = word(a["status"], language)
        cites = ", ".join(a["citations"])
        lines.append(f"{a['atom']}: {status}" + (f"  [{cites}]" if cites else ""))
        if explain:
            lines.extend(_trace(a, language))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _norm_line(ref: dict | None) -> str:
    if not ref:
        return "?"
    return f"{ref['id']} ({ref.get('citation')})"


def _quote(ref: dict, indent: str, width: int | None = None) -> list[str]:
    quote = ref.get("quote")
    if not quote:
        return []
    text = " ".join(quote.split())
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return [f"{indent}«{text}»"]


def _trace(a: dict, language: str) -> list[str]:
    t = a["trace"]
    out: list[str] = []
    if t.get("reading"):
        out.append(f"  = {t['reading']}")
    decided = t.get("decided_by")
    if decided:
        out.append(f"  {word('decided by', language)} {_norm_line(decided)}: {word(decided.get('modality') or '', language)}")
        out += _quote(decided, "    ")
        if decided.get("interpretation"):
            out.append(f"    ({word('interpretation', language)}: {decided['interpretation']})")
        if decided.get("bindings"):
            out.append(f"    {word('bindings', language)} " + ", ".join(f"{k} = {v}" for k, v in decided["bindings"].items()))
        if decided.get("conditions"):
            out.append(f"    {word('because', language)}:")
            for c in decided["conditions"]:
                out += _node(c, "      ", language)
        if decided.get("rests_on"):
            out.append(f"    {word('rests on', language)}:")
            for ref in decided["rests_on"]:
                out.append(f"      {_norm_line(ref)}")
                out += _quote(ref, "        ", 160)
    elif t.get("proof"):
        out += _node(t["proof"], "  ", language)
    for ref in t.get("also_supported_by", []):
        out.append(f"  {word('also by', language)} {_norm_line(ref)}")
    if t.get("defeated"):
        out.append(f"  {word('defeated', language)}:")
        for d in t["defeated"]:
            out.append(f"    {_norm_line(d['norm'])}: {word(d['norm'].get('modality') or '', language)}")
            out.append(f"      {d['explanation']}")
            for ref in d.get("see", []):
                out.append(f"      {word('see', language)} {_norm_line(ref)}")
                out += _quote(ref, "        ", 200)
    for amb in t.get("ambiguity", []):
        names = " / ".join(_norm_line(r) for r in amb["norms"])
        out.append(f"  {word('ambiguity', language)}: {names}: {amb['explanation']}")
    if t.get("explanation"):
        out.append(f"  {t['explanation']}")
    if t.get("deadline"):
        out.append(f"  {word('deadline', language)}: {t['deadline']}: {word(t.get('compliance') or 'pending', language)}")
    if t.get("why_not"):
        out.append(f"  {word('why not', language)}:")
        for w in t["why_not"]:
            out += _why_not(w, "    ", language)
    return out


def _node(c: dict, indent: str, language: str) -> list[str]:
    where = c.get("source")
    kind = c["kind"]
    suffix = ""
    if kind == "fact":
        suffix = f"  ({word('fact', language)}, {where})"
    elif kind == "rule" and c.get("norm"):
        suffix = f"  ({_norm_line(c['norm'])})"
    elif kind == "rule":
        suffix = f"  ({where})"
    line = f"{indent}✓ {c['atom']}"
    if c.get("reading"):
        line += f": {c['reading']}"
    out = [line + suffix]
    if kind == "negation" and c.get("explanation"):
        out.append(f"{indent}    {c['explanation']}")
    for child in c.get("conditions", []):
        out += _node(child, indent + "    ", language)
    return out


def _why_not(w: dict, indent: str, language: str) -> list[str]:
    out = [f"{indent}✗ {w['explanation']}"]
    for child in w.get("because", []):
        out += _why_not(child, indent + "    ", language)
    return out
