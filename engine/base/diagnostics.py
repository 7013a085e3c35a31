"""Diagnostics: the registry of error codes and the located messages shown to users."""

from __future__ import annotations

from dataclasses import field, replace
from engine.base.records import dataclass
from typing import Iterable, Mapping, Sequence

from engine.base.messages import message, say
from engine.base.source import Span
from engine.base.text import visible

# One place owns the codes: name -> (severity, one-line meaning). `zan check --list-codes` prints it.
CODES: dict[str, tuple[str, str]] = {
    "syntax": ("error", "the text does not follow the grammar in grammar/zan.lark"),
    "unreadable-file": ("error", "a file could not be read, or is not UTF-8 text"),
    "invalid-date": ("error", "a date literal names no day of the calendar"),
    "invalid-interval": ("error", "an interval ends before it begins"),
    "undefined-predicate": ("error", "a predicate is used but never declared"),
    "arity": ("error", "a predicate is used with a different number of arguments than declared"),
    "unsafe-variable": ("error", "a variable is not bound by a positive condition"),
    "unstratifiable": ("error", "predicates depend on each other through negation"),
    "unknown-act": ("error", "a citation names an act that is not declared"),
    "unknown-norm": ("error", "a norm refers to a norm that is not declared"),
    "duplicate-id": ("error", "two declarations use the same name"),
    "modality-outside-norm": ("error", "only a norm may conclude permitted, prohibited, obligatory or discretionary"),
    "missing-citation": ("error", "a norm has no citation key"),
    "invalid-citation": ("error", "a citation key is not of the form `act article.part.subparagraph`"),
    "exception-cycle": ("error", "norms are exceptions to each other in a cycle"),
    "bad-predicate-name": ("error", "a predicate name starts with a capital letter or a digit, or is reserved"),
    "unknown-placeholder": ("error", "a reading template or a saved question's title names an argument that does not exist"),
    "invalid-query": ("error", "the question is not an atom over a declared predicate"),
    "unknown-question": ("error", "no saved question has that name"),
    "unknown-reading": ("error", "a reading is named that the knowledge base does not declare"),
    "unknown-kind": ("error", "a parameter (`Y: holder`) or a kind (`is party`) names a kind that is not declared"),
    "reading-without-default": ("warning", "a group of alternative readings has no default, or more than one"),
    "question-syntax": ("error", "a question is neither an atom (optionally after a status) nor words the vocabulary places"),
    "not-understood": ("error", "a question in words has a word or a part that the vocabulary does not place"),
    "unknown-name": ("warning", "a name in a question occurs nowhere in the case or the knowledge base"),
    "question-arguments": ("error", "a saved question was given the wrong number of arguments"),
    "unknown-topic": ("error", "no exercise topic has that name (topics are words of the knowledge base)"),
    "deadline-without-obligation": ("error", "a deadline is given to a norm that obliges nothing"),
    "missing-quote": ("warning", "a norm has no Kazakh quote of the text it rests on"),
    "missing-translation": ("warning", "a label, quote or reading is missing in one of kk, ru, en"),
    "exception-never-bites": ("warning", "an exception's conclusion can never conflict with the norm it excepts"),
    "decisive-not-in-quote": ("error", "a norm's decisive words are not found in its quote of that language"),
    "exception-outranked": ("warning", "a norm of a lower-ranked act is written as an exception to a higher-ranked act's norm that delegates no such power (lex superior bounds lex specialis)"),
    "norm-never-in-force": ("error", "a norm's validity lies wholly outside its act's: it can never apply"),
    "validity-outside-act": ("warning", "a norm's validity begins before or ends after its act's"),
    "unresolved-conflict": ("warning", "two conflicting norms of equal rank and date, with no exception between them, can apply together"),
    "single-use-variable": ("warning", "a variable occurs only once in a rule or norm, so it constrains nothing (a typo of another?)"),
    "domain-bound-variable": ("warning", "a norm's conclusion has a variable only the predicate's `asked over` domain binds; write _Name where that is meant"),
    "lone-constant": ("warning", "a lower-case name in a conclusion occurs nowhere else (a constant where a variable was meant?)"),
    "unused-predicate": ("warning", "a declared predicate is used nowhere"),
    "unread-fact": ("warning", "a fact is about a predicate that no norm or definition reads"),
    "invalid-project": ("error", "a zan.toml is not valid TOML, has an unknown key, or names a folder that does not exist"),
    "project-ignored": ("warning", "a zan.toml was found but not used: it is a link, or it or its law can be written by another user"),
    "conclusion-as-fact": ("error", "a fact (in a case file, a scenario or the kb) states what the norms conclude (a right, a ban or a discretion)"),
    "member-not-relation": ("error", "a `phrase ... member` is given where no relation of two persons is named, or its member is a predicate's name"),
    "phrase-gender": ("error", "a `phrase ... gender` is not female or male, stands where a phrase names no person, or disagrees with another phrase of its member"),
    "duplicate-phrase": ("warning", "a declaration gives the same phrase (or its label as a phrase) twice in one language"),
    "mixed-script": ("warning", "a name mixes letters of several scripts (a Cyrillic look-alike in a Latin name)"),
    "unnormalized-name": ("warning", "a name is written with combining characters (not Unicode NFC): a look-alike of another name"),
    "condition-on-conclusion": ("warning", "a condition reads the facts of a predicate the norms conclude, not its status"),
    "case-not-fact": ("error", "a case file (--facts) holds something other than facts: law belongs in the knowledge base"),
    "input-too-large": ("error", "an input is larger than the most Zan reads from one file (50 MB)"),
    "too-large": ("error", "a case space, a search or a diff is larger than its bound (rows, diagram nodes, tuples, seconds): narrow the question"),
    "invalid-scenario": ("error", "a scenario names an unknown norm, has no date, or expects something of a non-ground atom"),
}


@dataclass(frozen=True)
class Note:
    """A located remark attached to a diagnostic."""

    message: str
    span: Span | None = None


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the input, with where it is and what was probably meant."""

    code: str
    message: str
    span: Span | None
    notes: tuple[Note, ...] = ()
    hint: str | None = None

    @property
    def severity(self) -> str:
        return CODES[self.code][0]

    def sort_key(self):
        s = self.span
        return (s.file, s.line, s.column, self.code, self.message) if s else ("", 0, 0, self.code, self.message)

    def said(self, language: str) -> "Diagnostic":
        """The diagnostic in the reader's language: its message, hint and notes that were made without knowing
        it (engine/base/messages.py, `Said`) said again in it; the code and the places stay."""
        if language == "en":
            return self
        return replace(self, message=say(self.message, language), hint=say(self.hint, language),
                       notes=tuple(Note(say(note.message, language), note.span) for note in self.notes))

    def render(self, sources: Mapping[str, str] | None = None, language: str = "en") -> str:
        """The diagnostic as shown: where, severity, message, code, the excerpt with a caret, hint and notes;
        in the reader's language, the frame's words ("error", "hint", ...) too (engine/base/messages.py)."""
        d = self.said(language)
        where = f"{d.span}: " if d.span else ""
        lines = [f"{where}{message(d.severity, language)}: {d.message} [{d.code}]"]
        lines += _excerpt(d.span, sources)
        if d.hint:
            lines.append(f"  {message('hint', language)}: {d.hint}")
        for note in d.notes:
            at = f"{note.span}: " if note.span else ""
            lines.append(f"{at}{message('note', language)}: {note.message}")
            lines += _excerpt(note.span, sources)
        return visible("\n".join(lines))


def _excerpt(span: Span | None, sources: Mapping[str, str] | None) -> list[str]:
    if not span or not sources or span.file not in sources or span.line < 1:
        return []
    text_lines = sources[span.file].splitlines()
    if span.line > len(text_lines):
        return []
    line = text_lines[span.line - 1]
    if len(line) > 200:  # a very long line is cut around the column, so the caret stays readable
        start = max(0, span.column - 100)
        shown = line[start:start + 200]
        column = span.column - start
    else:
        shown, column = line, span.column
    width = 1
    if span.end_line == span.line and span.end_column > span.column:
        width = min(span.end_column - span.column, max(1, len(shown) - column + 1))
    # control and bidi characters are shown as escapes (engine/base/text.py), the caret moved with them
    before, marked = visible(shown[:column - 1]), visible(shown[column - 1:column - 1 + width])
    return [f"  {visible(shown)}", "  " + " " * len(before) + "^" * max(1, len(marked))]


class ZanError(Exception):
    """Raised with the diagnostics that stop a command; the CLI prints them and exits with 1."""

    def __init__(self, diagnostics: Sequence[Diagnostic], sources: Mapping[str, str] | None = None):
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = tuple(diagnostics)
        self.sources = dict(sources or {})


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """The closest known name, for hints like Catala's 'Maybe you wanted to write ...'."""
    import difflib   # only when a name is unknown: a cold question does not import it

    best = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return best[0] if best else None


def errors(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == "error"]


@dataclass
class Report:
    """Diagnostics collected over several files, sorted for deterministic output."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, d: Diagnostic) -> None:
        self.items.append(d)

    def extend(self, ds: Iterable[Diagnostic]) -> None:
        self.items.extend(ds)

    def sorted(self) -> list[Diagnostic]:
        seen, out = set(), []
        for d in sorted(self.items, key=Diagnostic.sort_key):
            key = (d.sort_key(), d.hint)
            if key not in seen:
                seen.add(key)
                out.append(d)
        return out
