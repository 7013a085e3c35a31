"""The case space report (`zan cases`) as text, Markdown or HTML, from its plain data (tools/cases.document).

The table of rows (facts in words from the kb's `reads` templates, status, deciding norm and
citations), then the gaps, the conflicts, the redundancies and, with a second date or reading, the
rows whose status changes and the norm that caused each change.
"""

from __future__ import annotations

from html import escape

from engine.explain.i18n import word
from engine.explain.render.common import norm_name


def _facts(row: dict, language: str) -> tuple[list[str], list[str]]:
    holds = [f"{r} [{a}]" for r, a in zip(row["holds_read"], row["holds"])]
    absent = [f"{r} [{a}]" for r, a in zip(row["absent_read"], row["absent"])]
    return holds, absent


def _status(row: dict, language: str) -> str:
    text = word(row["status"], language)
    if row.get("compliance"):
        text += f" ({word(row['compliance'], language)})"
    if "compared" in row:
        other = row["compared"]["status"]
        if other != row["status"]:
            text += f" → {word(other, language)}"
    return text


def _deciding(row: dict) -> str:
    d = row.get("deciding")
    return norm_name(d) if d else "—"


def _side(doc: dict, language: str) -> str:
    head = f"{word('question', language)}: {doc['query']}  ({word('at', language)} {doc['at']}"
    if doc.get("compare"):
        head += f" / {doc['compare']}"
    if doc.get("reading") or doc.get("versus_reading"):
        head += f"; {word('reading', language)}: {doc.get('reading') or '—'}"
        if doc.get("versus_reading"):
            head += f" {word('versus', language)} {doc['versus_reading']}"
    return head + ")"


def text(doc: dict, language: str) -> str:
    out = [f"{word('case space', language)} — {_side(doc, language)}"]
    for a in doc.get("assumed", []):
        out.append(f"  {word('assumed', language)}: {a}")
    for name, r in doc.get("readings", {}).items():
        out.append(f"  {word('reading', language)} {name}: {r['label']}" + (f" — «{r['supported_by']}»" if r.get("supported_by") else ""))
    out.append(f"{word('individuals', language)}: " + "; ".join(f"{k} = {v}" for k, v in doc["individuals"].items()))
    out.append(f"{word('dimensions', language)} ({len(doc['dimensions'])}): " + ", ".join(doc["dimensions"]))
    out.append("")
    atom = None
    for k, row in enumerate(doc["rows"], 1):
        if row["atom"] != atom:
            atom = row["atom"]
            out.append(atom)
        out.append(f"  {k}. {_status(row, language)}  [{', '.join(row['cited_as'])}]  — {_deciding(row)}")
        holds, absent = _facts(row, language)
        if not holds and not absent:
            out.append(f"       {word('row any', language)}")
        for h in holds:
            out.append(f"       {word('row holds', language)}: {h}")
        for a in absent:
            out.append(f"       {word('row absent', language)}: {a}")
    out += _tail_text(doc, language)
    return "\n".join(out) + "\n"


def _tail_text(doc: dict, language: str) -> list[str]:
    out = [""]
    out.append(f"{word('gaps', language)}: " + (", ".join(str(i + 1) for i in doc["gaps"]) or word("none", language)))
    out.append(f"{word('conflicts', language)}: " + (", ".join(str(i + 1) for i in doc["conflicts"]) or word("none", language)))
    out.append(f"{word('redundant', language)}: " + (", ".join(
        f"{r['norm']['id']} ({word(r['reason'], language)})" for r in doc["redundant"]) or word("none", language)))
    if "compare" in doc or doc.get("versus_reading"):
        out.append(f"{word('changes', language)}: " + ("" if doc["changes"] else word("none", language)))
        for c in doc["changes"]:
            causes = ", ".join(f"{x['norm']['cited_as']} ({x['norm']['id']}, {x['change']})" if x.get("norm")
                               else f"{x.get('atom')} ({x['change']})" for x in c["causes"] if x["primary"])
            out.append(f"  {c['row'] + 1}. {c['atom']}: {word(c['before'], language)} → {word(c['after'], language)}"
                       f"  {word('caused by', language)}: {causes or '—'}")
    return out


def markdown(doc: dict, language: str) -> str:
    out = [f"# {word('case space', language)}: `{doc['query']}`", "", _side(doc, language), ""]
    out.append(f"**{word('individuals', language)}**: " + "; ".join(f"`{k}` = {v}" for k, v in doc["individuals"].items()))
    out.append("")
    out.append(f"| # | {word('question', language)} | {word('row holds', language)} | {word('row absent', language)} | status | {word('decided by', language)} |")
    out.append("|---|---|---|---|---|---|")
    cell = lambda items: "<br>".join(i.replace("|", "\\|") for i in items) or "—"
    for k, row in enumerate(doc["rows"], 1):
        holds, absent = _facts(row, language)
        out.append(f"| {k} | `{row['atom']}` | {cell(holds)} | {cell(absent)} | **{_status(row, language)}** | "
                   f"{_deciding(row)}; {', '.join(row['cited_as'])} |")
    out.append("")
    out += [line if not line.startswith("  ") else "-" + line[1:] for line in _tail_text(doc, language)]
    return "\n".join(out) + "\n"


def html(doc: dict, language: str) -> str:
    rows = []
    for k, row in enumerate(doc["rows"], 1):
        holds, absent = _facts(row, language)
        rows.append(
            f"<tr><td>{k}</td><td><code>{escape(row['atom'])}</code></td>"
            f"<td>{'<br>'.join(escape(h) for h in holds) or '—'}</td>"
            f"<td>{'<br>'.join(escape(a) for a in absent) or '—'}</td>"
            f"<td><span class=\"status {escape(row['status'])}\">{escape(_status(row, language))}</span></td>"
            f"<td>{escape(_deciding(row))}<br><small>{escape(', '.join(row['cited_as']))}</small></td></tr>")
    tail = "".join(f"<li>{escape(line.strip())}</li>" for line in _tail_text(doc, language) if line.strip())
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{escape(language)}">', "<head><meta charset=\"utf-8\">",
        f"<title>{escape(word('case space', language))}: {escape(doc['query'])}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:80em;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;font-size:.9em}"
        ".permitted{background:#dff5df}.prohibited{background:#fbe0e0}.discretionary{background:#fff3cc}"
        ".undetermined{background:#eee0f5}</style></head><body>",
        f"<h1>{escape(word('case space', language))}: <code>{escape(doc['query'])}</code></h1>",
        f"<p>{escape(_side(doc, language))}</p>",
        f"<p><b>{escape(word('individuals', language))}</b>: "
        + "; ".join(f"<code>{escape(k)}</code> = {escape(v)}" for k, v in doc["individuals"].items()) + "</p>",
        f"<table><tr><th>#</th><th>{escape(word('question', language))}</th><th>{escape(word('row holds', language))}</th>"
        f"<th>{escape(word('row absent', language))}</th><th>status</th><th>{escape(word('decided by', language))}</th></tr>",
        *rows, "</table>", f"<ul>{tail}</ul>", "</body></html>", ""])


def render(doc: dict, fmt: str, language: str) -> str:
    return {"text": text, "markdown": markdown, "html": html}[fmt](doc, language)


def how_section(found: list[dict], status: str, fmt: str, language: str) -> str:
    """`zan ask --how STATUS`: for each answer, the minimal sets of facts that would give STATUS."""
    lines = []
    for entry in found:
        head = f"{entry['atom']}: {word(entry['status'], language)}"
        bound = entry.get("stopped")
        stopped = [word(f"how stopped {bound['bound']}", language, seconds=f"{bound['limit']:g}",
                        entries=f"{bound['limit']:,}".replace(",", " "))] if bound else []
        if not entry["how"]:
            lines.append((head, stopped or [word("how none", language, status=word(status, language))]))
            continue
        sets = []
        for s in entry["how"]:
            sets.append(f"{word('how', language, status=word(status, language))}: " + (", ".join(s) if s else "—"))
        if entry["new"]:
            sets.append(f"({word('new person', language)}: {', '.join(entry['new'])})")
        if entry.get("more"):
            sets.append(word("how more", language))
        lines.append((head, sets + stopped))
    if fmt == "html":
        body = "".join(f"<li><code>{escape(h)}</code><ul>" + "".join(f"<li>{escape(s)}</li>" for s in ss) + "</ul></li>"
                       for h, ss in lines)
        return f"<h2>{escape(word('how', language, status=word(status, language)))}</h2><ul>{body}</ul>\n"
    if fmt == "markdown":
        out = ["", f"## {word('how', language, status=word(status, language))}", ""]
        for h, ss in lines:
            out.append(f"- `{h}`")
            out += [f"  - {s}" for s in ss]
        return "\n".join(out) + "\n"
    out = [""]
    for h, ss in lines:
        out.append(h)
        out += [f"  {s}" for s in ss]
    return "\n".join(out) + "\n"
