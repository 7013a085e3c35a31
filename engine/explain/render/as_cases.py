"""The case space report (`zan cases`) as text, Markdown or HTML, from its plain data (tools/cases.document).

The table of rows (facts in words from the kb's `reads` templates, status, deciding norm and
citations), then the gaps, the conflicts, the redundancies and, with a second date or reading, the
rows whose status changes and the norm that caused each change.
"""

from __future__ import annotations

from engine.explain.i18n import word
from engine.explain.phrasebook import say_date
from engine.explain.render.common import cited, section_escapes, sublists
from engine.explain.render.escape import html as escape
from engine.explain.render.escape import markdown as _md
from engine.explain.render.escape import markdown_code as _code


def _status(row: dict, language: str) -> str:
    text = word(row["status"], language)
    if row.get("compliance"):
        text += f" ({word(row['compliance'], language)})"
    if "compared" in row:
        other = row["compared"]["status"]
        if other != row["status"]:
            text += f" → {word(other, language)}"
    if row.get("otherwise"):
        text = f"{word('otherwise', language)}: {text}"
    return text


def _cited(d: dict | None) -> str:
    if not d:
        return "—"
    return cited(d) or d["id"]


def _deciding(row: dict, language: str = "en") -> str:
    """The deciding norm in the reader's citation form (and, with a second side, the one after it); for a
    case outside what the kb encodes, the provisions it does not encode."""
    if row.get("outside_scope"):
        text = f"{word('outside scope', language)}: {'; '.join(row['outside_scope']['cited_as'])}"
    else:
        text = _cited(row.get("deciding"))
    if "compared" in row and (row["compared"].get("deciding") or {}).get("id") != (row.get("deciding") or {}).get("id"):
        text += f" → {_cited(row['compared'].get('deciding'))}"
    return text


def _side(doc: dict, language: str) -> str:
    when = word("on days", language, date=say_date(doc["at"], language), compare=say_date(doc["compare"], language)) \
        if doc.get("compare") else word("on day", language, date=say_date(doc["at"], language))
    head = f"{word('question', language)}: `{doc['query']}`  ({when}"
    if doc.get("reading") or doc.get("versus_reading"):
        def named(names: str | None) -> str:   # a reading by its label in the reader's language, its name as code
            labels = doc.get("readings") or {}
            return ", ".join(f"{labels[r]['label']} (`{r}`)" if r in labels else f"`{r}`"
                             for r in (names or "").split(", ") if r) or "—"
        head += f"; {word('reading', language)}: {named(doc.get('reading'))}"
        if doc.get("versus_reading"):
            head += f" {word('versus', language)} {named(doc['versus_reading'])}"
    return head + ")"


def tables(doc: dict) -> list[dict]:
    """One decision table per atom of the question: its rows (with their numbers), and its columns, the
    facts any of its rows fixes (in the order of the dimensions), each with its reading."""
    order = {a: k for k, a in enumerate(doc["dimensions"])}
    out: list[dict] = []
    for k, row in enumerate(doc["rows"], 1):
        if not out or out[-1]["atom"] != row["atom"]:
            out.append({"atom": row["atom"], "rows": [], "columns": {}})
        out[-1]["rows"].append((k, row))
        for atom, reading in zip(row["holds"] + row["absent"], row["holds_read"] + row["absent_read"]):
            out[-1]["columns"].setdefault(atom, reading)
    for t in out:
        t["columns"] = sorted(t["columns"].items(), key=lambda c: order.get(c[0], len(order)))
    return out


def _cells(row: dict, columns: list, language: str) -> list[str]:
    holds, absent = set(row["holds"]), set(row["absent"])
    return [word("cell yes", language) if a in holds else word("cell no", language) if a in absent else "–"
            for a, _reading in columns]


def _policy(doc: dict, language: str) -> str:
    return word("first hit" if doc.get("hit_policy", "first") == "first" else "any hit", language)


class Report:
    """The one walk over a case-space report: what the question fixes, the persons, a decision table per atom, then
    the gaps, conflicts, redundancies and changes. A format (TextReport, MarkdownReport, HtmlReport) marks each part
    up, writing user text through its escaping function (`plain`) and atoms as code (`code`)."""

    def __init__(self, language: str):
        self.language = language

    def w(self, key: str, **values) -> str:
        return word(key, self.language, **values)

    def write(self, doc: dict) -> str:
        out = self.title(doc)
        out += [self.line(f"{self.plain(self.w('given'))}: {self.plain(r)} ({self.code(a)})")
                for a, r in zip(doc.get("given", []), doc.get("given_read", []))]
        out += [self.line(f"{self.plain(self.w('assumed'))}: {self.code(a)}") for a in doc.get("assumed", [])]
        out += self.readings(doc)
        names = doc.get("names", {})
        # a person named by a letter in the readings keeps its id in the atoms: the legend gives both
        out.append(self.paragraph(f"{self.strong(self.plain(self.w('individuals')))}: " + "; ".join(
            (f"{self.plain(names[k])} ({self.code(k)})" if names.get(k, k) != k else self.person(k)) + f" = {self.plain(v)}"
            for k, v in doc["individuals"].items())))
        for t in tables(doc):
            out += self.table(doc, t, [str(i) for i in range(1, len(t["columns"]) + 1)])
        return self.page(doc, out + self.tail(_tail_text(doc, self.language, self.tail_code)))

    # ------------------------------------------------------------ markup (each format)
    def plain(self, text: str) -> str:
        return text

    def code(self, text: str) -> str:
        return f"`{text}`"

    tail_code = code

    def strong(self, text: str) -> str:
        return text

    def person(self, key: str) -> str:
        """A person's id where it has no other name."""
        return self.code(key)

    def line(self, text: str) -> str:
        """A line of what the question fixes."""
        return text

    def paragraph(self, text: str) -> str:
        return text

    def readings(self, doc: dict) -> list[str]:
        return []

    def title(self, doc: dict) -> list[str]:
        raise NotImplementedError

    def table(self, doc: dict, t: dict, labels: list[str]) -> list[str]:
        raise NotImplementedError

    def tail(self, lines: list[str]) -> list[str]:
        raise NotImplementedError

    def page(self, doc: dict, out: list[str]) -> str:
        return "\n".join(out) + "\n"


class TextReport(Report):
    """Aligned columns (user text is escaped where it is printed: engine/cli/commands.py)."""

    def person(self, key: str) -> str:
        return key

    def line(self, text: str) -> str:
        return f"  {text}"

    def title(self, doc: dict) -> list[str]:
        return [f"{self.w('case space')} — {_side(doc, self.language)}"]

    def readings(self, doc: dict) -> list[str]:
        return [f"  {self.w('reading')} {name}: {r['label']}" + (f" — «{r['supported_by']}»" if r.get("supported_by") else "")
                for name, r in doc.get("readings", {}).items()]

    def table(self, doc: dict, t: dict, labels: list[str]) -> list[str]:
        language = self.language
        out = ["", f"`{t['atom']}` — {_policy(doc, language)}"]
        width = max([len(self.w("cell yes")), len(self.w("cell no")), 1] + [len(x) for x in labels])
        number = len(str(t["rows"][-1][0])) + 1
        head = " " * (number + 3) + " ".join(x.ljust(width) for x in labels)
        statuses = [_status(row, language) for _k, row in t["rows"]]
        status_width = max([len(self.w("status"))] + [len(x) for x in statuses])
        out.append(f"{head} │ {self.w('status').ljust(status_width)} │ {self.w('decided by')}")
        for (k, row), status in zip(t["rows"], statuses):
            cells = " ".join(c.ljust(width) for c in _cells(row, t["columns"], language))
            out.append(f"  {(str(k) + '.').rjust(number)} {cells} │ {status.ljust(status_width)} │ {_deciding(row, language)}")
        return out + [f"    {label}: {reading} (`{atom}`)" for label, (atom, reading) in zip(labels, t["columns"])]

    def tail(self, lines: list[str]) -> list[str]:
        return lines


class MarkdownReport(Report):
    """A pipe table per atom."""

    def plain(self, text: str) -> str:
        return _md(text)

    def code(self, text: str) -> str:
        return _code(text)

    tail_code = code

    def strong(self, text: str) -> str:
        return f"**{text}**"

    def line(self, text: str) -> str:
        return f"- {text}"

    def title(self, doc: dict) -> list[str]:
        return [f"# {_md(self.w('case space'))}: {_code(doc['query'])}", "", _md(_side(doc, self.language)), ""]

    def table(self, doc: dict, t: dict, labels: list[str]) -> list[str]:
        language = self.language
        out = ["", f"## {_code(t['atom'])}", "", f"*{_md(_policy(doc, language))}*", "",
               "| # | " + " | ".join(labels) + f" | {_md(self.w('status'))} | {_md(self.w('decided by'))} |",
               "|---|" + "---|" * len(labels) + "---|---|"]
        for k, row in t["rows"]:
            cells = " | ".join(_md(c) for c in _cells(row, t["columns"], language))
            out.append(f"| {k} | {cells} | **{_md(_status(row, language))}** | {_md(_deciding(row, language))} |")
        return out + [""] + [f"{label}. {_md(reading)} ({_code(atom)})" for label, (atom, reading) in zip(labels, t["columns"])]

    def tail(self, lines: list[str]) -> list[str]:
        return [""] + [("- " + line.strip()) if line.startswith("  ") else line for line in lines]


STYLE = ("body{font-family:system-ui,sans-serif;max-width:80em;margin:2em auto;padding:0 1em}"
         "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;font-size:.9em}"
         "td.cell{text-align:center}"
         ".permitted{background:#dff5df}.prohibited{background:#fbe0e0}.discretionary{background:#fff3cc}"
         ".undetermined{background:#eee0f5}")


class HtmlReport(Report):
    """A page with a table per atom."""

    def plain(self, text: str) -> str:
        return escape(text)

    def code(self, text: str) -> str:
        return f"<code>{escape(text)}</code>"

    def tail_code(self, text: str) -> str:   # the tail is escaped as lines: its code spans are marked, then opened
        return f"\x00{text}\x01"

    def strong(self, text: str) -> str:
        return f"<b>{text}</b>"

    def line(self, text: str) -> str:
        return f"<p>{text}</p>"

    paragraph = line

    def title(self, doc: dict) -> list[str]:
        return [f"<h1>{escape(self.w('case space'))}: <code>{escape(doc['query'])}</code></h1>",
                f"<p>{escape(_side(doc, self.language))}</p>"]

    def table(self, doc: dict, t: dict, labels: list[str]) -> list[str]:
        language = self.language
        rows = []
        for k, row in t["rows"]:
            cells = "".join(f"<td class=\"cell\">{escape(c)}</td>" for c in _cells(row, t["columns"], language))
            rows.append(f"<tr><td>{k}</td>{cells}"
                        f"<td><span class=\"status {escape(row['status'])}\">{escape(_status(row, language))}</span></td>"
                        f"<td>{escape(_deciding(row, language))}</td></tr>")
        head = "".join(f"<th title=\"{escape(reading)}\">{label}</th>" for label, (_a, reading) in zip(labels, t["columns"]))
        legend = "".join(f"<li>{escape(reading)} (<code>{escape(atom)}</code>)</li>" for atom, reading in t["columns"])
        return [f"<h2><code>{escape(t['atom'])}</code></h2>", f"<p><i>{escape(_policy(doc, language))}</i></p>",
                f"<table><tr><th>#</th>{head}<th>{escape(self.w('status'))}</th>"
                f"<th>{escape(self.w('decided by'))}</th></tr>", *rows, "</table>", f"<ol>{legend}</ol>"]

    def tail(self, lines: list[str]) -> list[str]:
        return ["<ul>" + "".join(f"<li>{escape(line.strip())}</li>".replace("\x00", "<code>").replace("\x01", "</code>")
                                 for line in lines if line.strip()) + "</ul>"]

    def page(self, doc: dict, out: list[str]) -> str:
        return "\n".join([
            "<!DOCTYPE html>", f'<html lang="{escape(self.language)}">', "<head><meta charset=\"utf-8\">",
            f"<title>{escape(self.w('case space'))} — {escape(say_date(doc['at'], self.language))}</title>",
            f"<style>{STYLE}</style></head><body>", *out, "</body></html>", ""])


def text(doc: dict, language: str) -> str:
    return TextReport(language).write(doc)


def _tail_text(doc: dict, language: str, code=lambda x: f"`{x}`") -> list[str]:
    out = [""]
    out += _summaries(doc, language, code)
    out.append(f"{word('conflicts', language)}: " + (", ".join(str(i + 1) for i in doc["conflicts"]) or word("none", language)))
    out.append(f"{word('redundant', language)}: " + (", ".join(
        f"{code(r['norm']['id'])} ({word(r['reason'], language)})" for r in doc["redundant"]) or word("none", language)))
    if "compare" in doc or doc.get("versus_reading"):
        out.append(f"{word('changes', language)}: " + ("" if doc["changes"] else word("none", language)))
        for c in doc["changes"]:
            causes = ", ".join(f"{_cited(x['norm'])} ({code(x['norm']['id'])}, {code(x['change'])})" if x.get("norm")
                               else f"{code(x.get('atom'))} ({code(x['change'])})" for x in c["causes"] if x["primary"])
            out.append(f"  {c['row'] + 1}. {code(c['atom'])}: {word(c['before'], language)} → {word(c['after'], language)}"
                       f"  {word('caused by', language)}: {causes or '—'}")
    return out


def _summaries(doc: dict, language: str, code=lambda x: f"`{x}`") -> list[str]:
    """Gaps and cases outside what the kb encodes, apart, each said in a sentence (not as row numbers)."""
    out = []
    by_scope: dict[tuple, list[dict]] = {}
    for i in doc.get("outside_scope", []):
        row = doc["rows"][i]
        by_scope.setdefault(tuple(row["outside_scope"]["citations"]), []).append(row)
    for rows in by_scope.values():
        scope = rows[0]["outside_scope"]
        out.append(word("outside scope rows", language, count=len(rows), cited="; ".join(scope["cited_as"]),
                        label=scope["label"]))
    by_atom: dict[str, list[dict]] = {}
    for i in doc["gaps"]:
        by_atom.setdefault(doc["rows"][i]["atom"], []).append(doc["rows"][i])
    if not by_atom:
        out.append(word("no gaps", language))
    for atom, rows in by_atom.items():
        first = rows[0]
        example = "; ".join(list(first["holds_read"]) + [word("negated", language, fact=x) for x in first["absent_read"]]) \
            or word("row any", language)
        out.append(word("gap rows", language, count=len(rows), atom=code(atom), example=example))
    return out


def markdown(doc: dict, language: str) -> str:
    return MarkdownReport(language).write(doc)


def html(doc: dict, language: str) -> str:
    return HtmlReport(language).write(doc)


def conditions(doc: dict, language: str) -> list[tuple[str, list[str]]]:
    """The answer in words per atom of the question, read off its first-hit table: for each run of rows of one
    status and deciding norm, "Permitted (code 12.1) if: …; or …", and the last row "Otherwise prohibited (…)".
    [(the atom in words, [lines])]."""
    out = []
    for t in tables(doc):
        lines: list[str] = []
        groups: list[list[dict]] = []
        for _k, row in t["rows"]:
            if groups and not row.get("otherwise") and not groups[-1][0].get("otherwise") and \
                    (groups[-1][0]["status"], _deciding(groups[-1][0], language)) == (row["status"], _deciding(row, language)):
                groups[-1].append(row)
            else:
                groups.append([row])
        for group in groups:
            head = _status(group[0], language)
            cited = _deciding(group[0], language)
            since = (group[0].get("deciding") or {}).get("in_force_from")
            if since and not group[0].get("outside_scope") and "compared" not in group[0]:
                cited += f", {word('in force since', language, date=say_date(since, language))}"
            if group[0].get("otherwise"):
                status = word(group[0]["status"], language)
                text = f"{word('otherwise', language)} {status}" if len(groups) > 1 else status
                lines.append(_capital(text) + (f" ({cited})" if cited != "—" else "") + ".")
                continue
            lines.append(_capital(f"{head}") + (f" ({cited})" if cited != "—" else "") + f", {word('row holds', language)}:")
            for i, row in enumerate(group):
                parts = list(row["holds_read"]) + [word("negated", language, fact=x) for x in row["absent_read"]]
                lead = "– " if i == 0 else f"– {word('or', language)} "
                lines.append("  " + lead + "; ".join(parts) + ("" if i == len(group) - 1 else ";"))
        out.append((t["rows"][0][1].get("atom_read") or t["atom"], lines))
    return out


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def general_text(doc: dict, language: str) -> str:
    """A general question's answer: what the question fixes, the conditions per status, then the tables."""
    out = []
    for atom_read, lines in conditions(doc, language):
        out.append(f"{_capital(atom_read)}:")
        out += [f"  {line}" for line in lines]
        out.append("")
    return "\n".join(out)


def render(doc: dict, fmt: str, language: str, general: bool = False) -> str:
    """The report; with general=True (a general question) the conditions per status come first."""
    out = {"text": text, "markdown": markdown, "html": html}[fmt](doc, language)
    if not general:
        return out
    if fmt == "markdown":
        lines = []
        for atom_read, said in conditions(doc, language):
            lines += [f"## {_md(_capital(atom_read))}", ""]
            lines += [("  - " + _md(x.strip()[2:])) if x.startswith("  ") else f"- {_md(x)}" for x in said]
            lines.append("")
        head, _sep, rest = out.partition("\n\n")
        return head + "\n\n" + "\n".join(lines) + "\n" + rest
    if fmt == "html":
        parts = []
        for atom_read, said in conditions(doc, language):
            items = "".join(f"<li>{escape(x.strip())}</li>" for x in said)
            parts.append(f"<section class=\"conditions\"><h2>{escape(_capital(atom_read))}</h2><ul>{items}</ul></section>")
        return out.replace("</h1>", "</h1>" + "".join(parts), 1)
    return general_text(doc, language) + out


def how_section(found: list[dict], status: str, fmt: str, language: str) -> str:
    """`zan ask --how STATUS`: for each answer, the minimal sets of facts that would give STATUS, each fact in
    the reader's words with its atom in code; escaped for the format by construction."""
    plain, code = section_escapes(fmt, lambda text: f"`{text}`")

    title = word("how", language, status=word(status, language))
    lines = []
    for entry in found:
        head = f"{code(entry['atom'])}: {plain(word(entry['status'], language))}"
        bound = entry.get("stopped")
        stopped = [plain(word(f"how stopped {bound['bound']}", language, seconds=f"{bound['limit']:g}",
                              entries=f"{bound['limit']:,}".replace(",", " ")))] if bound else []
        if not entry["how"]:
            lines.append((head, stopped or [plain(word("how none", language, status=word(status, language)))]))
            continue
        sets = []
        read = entry.get("how_read") or entry["how"]
        for facts, words in zip(entry["how"], read):
            said = "; ".join(f"{plain(w)} ({code(a)})" if w != a else code(a) for w, a in zip(words, facts))
            sets.append(f"{plain(title)}: " + (said if facts else "—"))
        if entry["new"]:
            names = entry.get("new_names", {})
            sets.append(f"({plain(word('new person', language))}: " + ", ".join(
                f"{plain(names[p])} ({code(p)})" if p in names else code(p) for p in entry["new"]) + ")")
        if entry.get("more"):
            sets.append(plain(word("how more", language)))
        lines.append((head, sets + stopped))
    if fmt == "html":
        return f"<h2>{escape(title)}</h2><ul>{sublists(lines, fmt)[0]}</ul>\n"
    if fmt == "markdown":
        return "\n".join(["", f"## {_md(title)}", "", *sublists(lines, fmt)]) + "\n"
    return "\n".join(["", *sublists(lines, fmt)]) + "\n"
