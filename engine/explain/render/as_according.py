"""A provision cited in a question, after the answers: for each answer, what the cited norms did in it (the
answers' `according_to`, engine/tools/according.py), in text, Markdown or HTML, escaped for the format."""

from __future__ import annotations

from engine.explain.i18n import word
from engine.explain.render.common import cited, section_escapes, side_named, sublists
from engine.explain.render.escape import html as escape
from engine.explain.render.escape import markdown as _md


_UNSAID = {"not used", "other atom"}   # in JSON only: a definition the answer does not use, a norm on another atom


def _name(ref: dict | None) -> str:
    if not ref:
        return "…"
    where = cited(ref)
    return f"{ref['id']} ({where})" if where and where != ref["id"] else ref["id"]


def fate_sentence(said: dict, language: str) -> str:
    """What one cited norm did in one answer, in words."""
    fate = said["fate"]
    values = {"norm": _name(said)}
    if fate in ("defeated", "interpreted"):
        values["by"] = _name(said.get("by"))
        values["principle"] = said.get("principle") or ""
    if fate == "basis":
        values["of"] = ", ".join(said.get("of", ()))
    text = word(f"fate {fate}", language, **values)
    if fate == "not applied" and said.get("why"):
        text += f": {said['why']}"
    return text


def _said(fates: list[dict], language: str) -> list[str]:
    return [fate_sentence(s, language) for s in fates if s["fate"] not in _UNSAID] or [word("fate none", language)]


def section(document: dict, fmt: str, language: str) -> str:
    """The section, or "" when the question cites no provision: after an answer document's answers, a general
    question's rows (by their numbers in the decision tables) or a diff's changes (what the norms did at each date)."""
    answers = [a for a in document.get("answers", []) if a.get("according_to")]
    rows = [(k, r) for k, r in enumerate(document.get("rows", []), 1) if r.get("according_to") or r.get("according_stopped")]
    changes = [c for c in document.get("changes", []) if isinstance(c, dict) and isinstance(c.get("according_to"), dict)]
    if not answers and not rows and not changes:
        return ""
    question = document.get("question") or {}
    citations = ", ".join(c.get("cited_as") or c["citation"] for c in question.get("according_to", ())) or "…"
    title = word("according heading", language, citation=citations)

    plain, code = section_escapes(fmt)

    def status(value: str | None) -> str:
        return plain(word(value or "absent", language))

    lines = [(f"{code(a['atom'])}: {status(a['status'])}", [plain(x) for x in _said(a["according_to"], language)])
             for a in answers]
    lines += [(f"{k}. {code(r['atom'])}: {status(r['status'])}",
               [plain(x) for x in _said(r["according_to"], language)] if r.get("according_to") is not None
               else [plain(word("according stopped", language))]) for k, r in rows]
    named = {side: side_named(document, side, language) for side in ("before", "after")}
    for c in changes:
        sides = c["according_to"]
        items = [f"{plain(name)}{f' ({plain(day)})' if day else ''}: {plain(x)}"
                 for side, (name, day) in named.items()
                 if sides.get(side) is not None for x in _said(sides[side], language)]
        old, new = ((c.get(side) or {}).get("status") for side in ("before", "after"))
        lines.append((f"{code(c['atom'])}: {status(old)} → {status(new)}", items or [plain(word("fate none", language))]))
    if fmt == "html":
        return f"<section class=\"according\"><h2>{escape(title)}</h2><ul>{sublists(lines, fmt)[0]}</ul></section>\n"
    if fmt == "markdown":
        return "\n".join(["", f"## {_md(title)}", "", *sublists(lines, fmt)]) + "\n"
    return "\n".join(["", title[:1].upper() + title[1:] + ":", *sublists(lines, fmt, "  ")]) + "\n"
