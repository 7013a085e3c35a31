"""What every output format shares: how a norm is named, which norms a document cites, which view is asked for."""

from __future__ import annotations

from engine.base.records import dataclass
from typing import Callable

from engine.explain.i18n import word


@dataclass(frozen=True)
class View:
    """How much of an explanation to show: nothing, the short form, the full tree, or the steps."""

    explain: bool = False
    short: bool = False
    steps: bool = False

    @property
    def tree(self) -> bool:
        return self.explain and not self.short and not self.steps


def cited(ref: dict) -> str | None:
    """A norm's citation as the document's reader cites it (`cited_as`, from engine/explain/phrasebook.py),
    else its key: the one place a renderer decides that fallback (documents of older schemas lack `cited_as`)."""
    return ref.get("cited_as") or ref.get("citation")


def cites(answer: dict) -> str:
    """An answer's citations as the reader cites them, deciding norm first."""
    return "; ".join(answer.get("cited_as") or answer["citations"])


def norm_name(ref: dict | None) -> str:
    if not ref:
        return "?"
    citation = cited(ref)
    return f"{ref['id']} ({citation})" if citation else ref["id"]


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


def quote_marker(ref: dict, language: str) -> str:
    """What a reader must know of a quote shown as a provision's text: that it is the Court's summary, and
    that it is a working translation (kk is the authentic text), in the reader's language; "" otherwise."""
    notes = []
    if ref.get("quote_is_summary"):
        notes.append(word("as summarised by the court", language))
    if ref.get("quote_translation") == "working":
        notes.append(word("working translation", language))
    return f" ({'; '.join(notes)})" if notes else ""


def quoted(ref: dict | None, language: str, width: int | None = None) -> str:
    """«the quote» (its marker), cut at a word boundary keeping the decisive words; "" without a quote."""
    if not ref or not ref.get("quote"):
        return ""
    return f"«{excerpt(ref['quote'], width, ref.get('decisive'))}»{quote_marker(ref, language)}"


def norm_anchor(ref: dict | None) -> str:
    return "norm-" + "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in (ref or {}).get("id", "?"))


def is_norm_ref(value) -> bool:
    return isinstance(value, dict) and "id" in value and "citation" in value and "quote" in value


def cited_norms(document: dict) -> dict[str, dict]:
    """Every norm a document mentions, in order of first mention, keeping its fullest description."""
    found: dict[str, dict] = {}

    def walk(value):
        if is_norm_ref(value):
            previous = found.get(value["id"])
            if previous is None or len(value) > len(previous):
                found[value["id"]] = value
        if isinstance(value, dict):
            for key in sorted(value):
                walk(value[key])
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for answer in document.get("answers", []):
        walk(answer.get("trace", {}))
    for change in document.get("changes", []):
        walk(change)
    return found


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


def norm_facts(ref: dict, language: str) -> list[str]:
    """What the list of norms cited says of a norm besides its text: its act, rank and days in force."""
    facts = []
    if ref.get("act_title"):
        facts.append(f"{word('act', language)}: {ref['act_title']}")
    if ref.get("rank") is not None:
        facts.append(f"{word('rank', language)} {ref['rank']}")
    force = ref.get("in_force") or {}
    if force.get("from"):
        facts.append(word("comes into force", language, date=force["from"]))
    if force.get("to"):
        facts.append(word("ceases", language, date=force["to"]))
    return facts


@dataclass(frozen=True)
class LineMarkup:
    """How a line-based format (text, Markdown) marks up the parts of a why-not; the walk is why_not_lines."""

    step: str                                        # the indentation of one level
    failed: str                                      # what opens a line of a condition that failed
    code: Callable[[str | None], str]                # an atom or a condition
    norm: Callable[[dict], str]                      # a norm's name (a link in Markdown)
    source: Callable[[str], str]                     # " (file:line)" after a failed condition
    explanation: Callable[[str], str]                # the why-not's sentence, at the top
    more: Callable[[str], str]                       # "… more below"
    node_lines: Callable[[dict, str, str], list[str]]   # a proof node, in the format


def why_not_lines(w: dict, indent: str, language: str, markup: LineMarkup, nested: bool = False) -> list[str]:
    """A why-not as lines: the sentence (or, nested, the norm and its failed condition), the conditions that held,
    the one that failed, the counter-proof, the why-nots it rests on, and what was cut."""
    failed = w.get("failed") or {}
    where = markup.source(failed["source"]) if failed.get("source") else ""
    if nested:
        who = markup.norm(w["norm"]) if w.get("norm") else word("rule", language)
        out = [f"{indent}{markup.failed}{who}: {markup.code(failed.get('condition'))}: {failed.get('sentence')}{where}"]
    else:
        out = [f"{indent}{markup.failed}{markup.explanation(w['explanation'])}"]
    inner = indent + markup.step
    for held in w.get("held", []):
        out += markup.node_lines(held, inner, language)
    if not nested and w["reason"] != "not-in-force" and failed.get("condition"):
        out.append(f"{inner}{markup.failed}{markup.code(failed['condition'])}: {failed['sentence']}{where}")
        inner += markup.step
    if w.get("counter_proof"):
        out += markup.node_lines(w["counter_proof"], inner, language)
    for child in w.get("because", []):
        out += why_not_lines(child, inner, language, markup, nested=True)
    if w.get("truncated"):
        out.append(f"{inner}{markup.more(word('more below', language, count=w['truncated']))}")
    return out
