"""A provision cited in a question, after the answers: for each answer, what the cited norms did in it (the
answers' `according_to`, engine/tools/according.py), in text, Markdown or HTML, escaped for the format."""

from __future__ import annotations

from engine.explain.i18n import word
from engine.explain.render.common import cited, section_escapes, sublists
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


def section(document: dict, fmt: str, language: str) -> str:
    """The section, or "" when the question cites no provision."""
    answers = [a for a in document.get("answers", []) if a.get("according_to")]
    if not answers:
        return ""
    question = document.get("question") or {}
    citations = ", ".join(c.get("cited_as") or c["citation"] for c in question.get("according_to", ())) or "…"
    title = word("according heading", language, citation=citations)

    plain, code = section_escapes(fmt)

    lines = [(f"{code(a['atom'])}: {plain(word(a['status'], language))}",
              [plain(fate_sentence(s, language)) for s in a["according_to"] if s["fate"] not in _UNSAID]
              or [plain(word("fate none", language))]) for a in answers]
    if fmt == "html":
        return f"<section class=\"according\"><h2>{escape(title)}</h2><ul>{sublists(lines, fmt)[0]}</ul></section>\n"
    if fmt == "markdown":
        return "\n".join(["", f"## {_md(title)}", "", *sublists(lines, fmt)]) + "\n"
    return "\n".join(["", title[:1].upper() + title[1:] + ":", *sublists(lines, fmt, "  ")]) + "\n"
