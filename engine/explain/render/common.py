"""What every output format shares: which view is asked for, how a quote is cut and marked, a norm's facts, headings."""

from __future__ import annotations

from engine.base.records import dataclass
from typing import Callable

from engine.explain.i18n import word
from engine.explain.phrasebook import say_date
from engine.explain.tree import NormRef


@dataclass(frozen=True)
class View:
    """How much of an explanation to show: nothing, the short form, the full tree, or the steps."""

    explain: bool = False
    short: bool = False
    steps: bool = False

    @property
    def tree(self) -> bool:
        return self.explain and not self.short and not self.steps


def side_named(document: dict, side: str, language: str) -> tuple[str, str | None]:
    """How a diff names one of its sides ("before", "after"): by its reading when it compares two readings (the
    document's `sides`; with its date only when the two dates differ), else "was"/"becomes" and its date, in the
    reader's language: (name, date or None)."""
    named = (document.get("sides") or {}).get(side)
    key, day = ("was", document.get("from")) if side == "before" else ("now", document.get("to"))
    if named:
        return named, say_date(day, language) if document.get("from") != document.get("to") else None
    return word(key, language), say_date(day, language)


def cited(ref: dict) -> str | None:
    """A norm's citation as the document's reader cites it (`cited_as`, from engine/explain/phrasebook.py),
    else its key, for the plain data of `zan cases` (the explanation tree's NormRef.cited says the same)."""
    return ref.get("cited_as") or ref.get("citation")


def excerpt(text: str, width: int | None = None, decisive: str | None = None) -> str:
    """The quote on one line, cut at a word boundary to about `width` characters, never cutting the
    decisive words (`decisive` in the kb: the words a norm is cited for): the window moves to them."""
    text = " ".join(text.split())
    if not width or len(text) <= width:
        return text
    span = " ".join(decisive.split()) if decisive else ""
    start = text.find(span) if span else -1
    if start < 0 or start + len(span) <= width - 1:
        cut = text.rfind(" ", 0, width)
        return text[: cut if cut > 0 else width].rstrip(" ,;:") + " …"
    end = start + len(span)
    begin = max(0, min(start, end - width))
    if begin > 0:
        space = text.rfind(" ", 0, begin + 1)
        begin = space + 1 if space >= 0 and space + 1 <= start else begin
    stop = text.find(" ", max(end, begin + width))
    stop = len(text) if stop < 0 else stop
    return ("… " if begin > 0 else "") + text[begin:stop].strip() + (" …" if stop < len(text) else "")


def quote_marker(ref: NormRef, language: str) -> str:
    """What a reader must know of a quote shown as a provision's text: that it is the Court's summary, and
    that it is a working translation (kk is the authentic text), in the reader's language; "" otherwise."""
    notes = []
    if ref.summarised:
        notes.append(word("as summarised by the court", language))
    if ref.translation == "working":
        notes.append(word("working translation", language))
    return f" ({'; '.join(notes)})" if notes else ""


def quoted(ref: NormRef | None, language: str, width: int | None = None) -> str:
    """«the quote» (its marker), cut at a word boundary keeping the decisive words; "" without a quote."""
    if ref is None or not ref.quote:
        return ""
    return f"«{excerpt(ref.quote, width, ref.decisive)}»{quote_marker(ref, language)}"


def why_not_heading(status: str, language: str) -> str:
    if status == "undetermined":
        return word("why not decided", language)
    if status == "not-established":
        return word("why not established", language)
    return word("why not permitted", language)


def bindings_text(bindings: dict) -> str:
    return ", ".join(f"{k} = {v}" for k, v in bindings.items())


def no_answers_text(document: dict, language: str) -> str:
    """"no answers", or, when the question names something unknown, that the name is unknown (a typo is no answer)."""
    unknown = [w["name"] for w in document.get("warnings", ()) if w.get("code") == "unknown-name"]
    if not unknown:
        return word("no answers", language)
    text = word("no answers unknown", language, names=", ".join(unknown))
    guesses = [w["did_you_mean"] for w in document.get("warnings", ()) if w.get("did_you_mean")]
    if guesses:
        text += "; " + word("did you mean", language, guess=", ".join(guesses))
    return text


def shown_source(source: str | None) -> str:
    """A source location as a reader of a handout can find it: an installed kb's path from its kb/ folder
    (`.venv/share/zan/kb/pec.zan:12` -> `kb/pec.zan:12`), never the reader's own file system."""
    if not source:
        return "?"
    marker = "share/zan/"
    at = source.replace("\\", "/").rfind(marker)
    return source[at + len(marker):] if at >= 0 else source


def norm_facts(ref: NormRef, language: str) -> list[str]:
    """What the list of norms cited says of a norm besides its text: its act, rank and days in force."""
    facts = []
    if ref.act_title:
        facts.append(f"{word('act', language)}: {ref.act_title}")
    if ref.rank is not None:
        facts.append(f"{word('rank', language)} {ref.rank}")
    force = ref.in_force
    if force.get("from"):
        facts.append(word("comes into force", language, date=say_date(force["from"], language)))
    if force.get("to"):
        facts.append(word("ceases", language, date=say_date(force["to"], language)))
    return facts


def section_escapes(fmt: str, text_code: Callable[[str], str] = str) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """A section after the answers (--how's sets, a cited provision's fates) writes user text and atoms with these two
    functions of its format: (plain, code); in text an atom is `text_code(atom)`."""
    from engine.explain.render import escape   # not a question's in text (it escapes nothing here)

    if fmt == "html":
        return escape.html, lambda text: f"<code>{escape.html(text)}</code>"
    if fmt == "markdown":
        return escape.markdown, escape.markdown_code
    return str, text_code


def sublists(entries: list[tuple[str, list[str]]], fmt: str, indent: str = "") -> list[str]:
    """Heads each with its items: in HTML the items of a list of lists (one string), in Markdown a nested list, in
    text lines indented by `indent` and the items two spaces more."""
    if fmt == "html":
        return ["".join(f"<li>{h}<ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul></li>" for h, items in entries)]
    head, item = ("- ", "  - ") if fmt == "markdown" else (indent, indent + "  ")
    out: list[str] = []
    for h, items in entries:
        out.append(head + h)
        out += [item + x for x in items]
    return out
