"""Parsing: source text -> AST, with lark (LALR, positions kept) and located syntax diagnostics."""

from __future__ import annotations

import datetime
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Iterable, cast

import lark
from lark import Token, Tree

from engine.syntax import nodes as n
from engine.base.diagnostics import Diagnostic, ZanError
from engine.base.messages import either, message
from engine.base.inputs import MAX_INPUT_BYTES, read_text
from engine.base.resources import grammar_path
from engine.base.source import Span

# Names in words for the grammar's terminals, for "expected ..." in syntax errors (their words in kk, ru and en:
# engine/base/messages.py, "terminal NAME"); punctuation is shown as it is written.
_TERMINAL_NAMES = {
    "IDENT": "terminal IDENT", "NORM_ID": "terminal NORM_ID", "QUESTION_NAME": "terminal QUESTION_NAME",
    "DATE": "terminal DATE", "NUMBER": "terminal NUMBER", "INTEGER": "terminal INTEGER",
    "STRING": "terminal STRING", "MODALITY": "terminal MODALITY",
    "STATUS_FILTER": "terminal STATUS_FILTER", "LANGUAGE": "terminal LANGUAGE", "COMPARATOR": "terminal COMPARATOR",
    "$END": "terminal $END",
}
_PUNCTUATION = {"DOT": "'.'", "COMMA": "','", "LPAR": "'('", "RPAR": "')'"}

# Words authors write for a modality or a keyword of the language (the DSL's own words, never the law's):
# "forbidden p(A, B)" gets "did you mean prohibited?", as an unknown predicate gets its did-you-mean.
_KEYWORD_SYNONYMS = {
    "forbidden": "prohibited", "forbid": "prohibited", "forbids": "prohibited", "banned": "prohibited",
    "prohibit": "prohibited", "prohibits": "prohibited", "illegal": "prohibited",
    "allowed": "permitted", "permit": "permitted", "permits": "permitted", "may": "permitted", "legal": "permitted",
    "must": "obligatory", "required": "obligatory", "mandatory": "obligatory", "obliged": "obligatory",
    "optional": "discretionary", "discretion": "discretionary",
    "when": "if", "where": "if", "except": "exception", "cite": "cites", "citing": "cites",
}

MAX_SOURCE_BYTES = MAX_INPUT_BYTES
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)  # a backslash keeps the next character; \n and \t are a newline and a tab


@lru_cache(maxsize=1)
def _lark() -> lark.Lark:
    # Built in memory on every run, never from lark's cache: that cache is a pickle, and a pickle read
    # from a file another user could have written runs their code (SECURITY.md). The knowledge base's
    # own cache (engine/base/cache.py) spares most runs from parsing at all.
    return lark.Lark(
        grammar_path().read_text(encoding="utf-8"),
        parser="lalr",
        start=["start", "query"],
        propagate_positions=True,
        maybe_placeholders=True,
    )


def read_source(path: str | Path) -> str:
    """Reads a file once, at most MAX_SOURCE_BYTES, as UTF-8 text, or raises ZanError with a located diagnostic."""
    return read_text(path)


def parse_module(text: str, path: str) -> n.Module:
    """Parses one DSL file (knowledge base, facts or questions)."""
    from engine.syntax.facts import read_plain_facts

    plain = read_plain_facts(text, path)  # large case files are plain facts: read them without the grammar
    if plain is not None:
        return plain
    tree = _parse(text, path, "start")
    builder = Builder(path)
    statements = tuple(builder.statement(child) for child in tree.children)
    if builder.problems:
        raise ZanError(builder.problems, sources={path: text})
    # the definitions a `for every` condition stands for (n.Universal) follow the statements
    return n.Module(path, statements + tuple(builder.definitions), tuple(builder.universals))


def parse_query(text: str, path: str = "<query>") -> n.Query:
    """Parses a question written on the command line: `[status] atom`."""
    tree = _parse(text, path, "query")
    return Builder(path).query(tree)


def _parse(text: str, path: str, start: str) -> Tree:
    try:
        return _lark().parse(text, start=start)
    except lark.exceptions.UnexpectedInput as e:
        raise ZanError([syntax_diagnostic(e, text, path)]) from None
    except RecursionError:
        raise ZanError([Diagnostic("syntax", message("nested too deeply"), Span(path, 1, 1))]) from None


def syntax_diagnostic(e: lark.exceptions.UnexpectedInput, text: str, path: str,
                      expected_names: Iterable[str] | None = None) -> Diagnostic:
    """The diagnostic of a syntax error; expected_names: the terminals that could stand there, when the caller
    names them (a scenario's own), else lark's."""
    line, column = getattr(e, "line", 1) or 1, getattr(e, "column", 1) or 1
    if line < 1:  # lark reports the end of input as line -1
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    expected = sorted(expected_names or getattr(e, "expected", None) or getattr(e, "allowed", None) or [])
    names: list[str] = []   # what could stand there, in words (said in the reader's language where shown)
    for t in expected:
        name = message(_TERMINAL_NAMES[t]) if t in _TERMINAL_NAMES else _PUNCTUATION.get(t) or \
            (f"'{_literals()[t]}'" if t in _literals() else f"'{t.lower()}'" if t.isupper() and t.isalpha() else t)
        if name not in names:
            names.append(name)
    hint: str | None = None
    if isinstance(e, lark.exceptions.UnexpectedCharacters):
        position = e.pos_in_stream if e.pos_in_stream is not None else len(text)
        char = text[position] if position < len(text) else ""
        what = message("unexpected character", char=char)
        if char == "'":
            hint = message("double quotes")
        elif char == ":" or char == "-":
            hint = message("conditions are written")
    elif isinstance(e, lark.exceptions.UnexpectedEOF):
        what, hint = message("ends too early"), message("ends with a full stop")
    else:
        assert isinstance(e, lark.exceptions.UnexpectedToken), "lark's syntax errors: a character, the end, or a token"
        token = e.token
        what = message("unexpected end") if token.type == "$END" else message("unexpected token", token=str(token))
        if token.type == "$END":
            hint = message("ends with a full stop")
    unclosed = _unclosed_quote(e, text, path)
    if unclosed is not None:
        opened, closed_line = unclosed
        return Diagnostic("syntax", message("text not closed", line=closed_line), opened, hint=message("close the text"))
    missing_stop = _missing_full_stop(e, text, path, expected, line, column)
    if missing_stop is not None:
        return Diagnostic("syntax", message("no full stop"), missing_stop, hint=message("add a full stop", line=line))
    misspelt = _misspelt_keyword(e.token, text, path, expected) if isinstance(e, lark.exceptions.UnexpectedToken) else None
    if misspelt is not None:
        word, span, guess = misspelt
        return Diagnostic("syntax", message("not a word here", word=word), span, hint=message("did you mean", guess=guess))
    if names and len(names) <= 8:
        what = message("expected", what=what, names=either(names))
    return Diagnostic("syntax", what, Span(path, line, column, line, column + 1), hint=hint)


@lru_cache(maxsize=1)
def _literals() -> dict[str, str]:
    """The grammar's terminals that are a fixed text (keywords, ':'), by name: shown as written in "expected ..."."""
    return {t.name: t.pattern.value for t in _lark().terminals if t.pattern.type == "str"}


@lru_cache(maxsize=1)
def _keywords() -> tuple[str, ...]:
    """The words of the language: the modalities and the grammar's keywords (from grammar/zan.lark)."""
    words = {t.pattern.value for t in _lark().terminals if t.pattern.type == "str" and t.pattern.value.isalpha()}
    return tuple(n.MODALITIES) + tuple(sorted(words - set(n.MODALITIES)))


def _misspelt_keyword(token, text: str, path: str, expected) -> tuple[str, Span, str] | None:
    """A word where a keyword or modality was meant: the unexpected word itself (`an` for `and`), or the word
    just before an unexpected word (`forbidden q(...)`: two names in a row are never the grammar's)."""
    import difflib

    def guess(word: str) -> str | None:
        if word in _keywords():
            return None
        if word.lower() in _KEYWORD_SYNONYMS:
            return _KEYWORD_SYNONYMS[word.lower()]
        close = difflib.get_close_matches(word.lower(), [*_keywords(), *_KEYWORD_SYNONYMS], n=1, cutoff=0.75)
        return _KEYWORD_SYNONYMS.get(close[0], close[0]) if close else None

    if token.type not in ("IDENT", "NORM_ID", "QUESTION_NAME") or getattr(token, "start_pos", None) is None:
        return None
    before = re.search(r"([^\W\d]\w*)[ \t]+$", text[: token.start_pos])
    if before is not None and (meant := guess(before.group(1))):
        start = before.start(1)
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        return before.group(1), Span(path, line, column, line, column + len(before.group(1))), meant
    if (meant := guess(str(token))) and (meant.upper() in expected or ("MODALITY" in expected and meant in n.MODALITIES)):
        return str(token), Span(path, token.line, token.column, token.line, token.column + len(str(token))), meant
    return None


def _strings(text: str):
    """(start, end) offsets of each text in double quotes, skipping % comments; end is None if never closed."""
    i, size = 0, len(text)
    while i < size:
        c = text[i]
        if c == "%":
            newline = text.find("\n", i)
            i = size if newline < 0 else newline + 1
        elif c == '"':
            j = i + 1
            while j < size and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            yield i, (j + 1 if j < size else None)
            i = j + 1
        else:
            i += 1


def _unclosed_quote(e, text: str, path: str) -> tuple[Span, int] | None:
    """Where a text left unclosed opens: the error lark finds comes later, where the next quote closes it.

    A text may span lines, so an unclosed quote swallows the lines up to the next quote; the error is
    reported at the opening quote when the text read last before the error spans lines, or never closes.
    """
    if isinstance(e, lark.exceptions.UnexpectedCharacters):
        offset = e.pos_in_stream
    else:
        token = getattr(e, "token", None)
        offset = getattr(token, "start_pos", None)
        if offset is None:
            offset = len(text)
    spanning = []  # texts before the error that span lines or never close
    for start, end in _strings(text):
        if start > offset:
            break
        if end is None or "\n" in text[start:end]:
            spanning.append((start, end))

    def near(end, position) -> bool:  # a text ending on the line of `position`, or the one before
        return end is None or text.count("\n", min(end, position), position) <= 1

    if not spanning or not near(spanning[-1][1], offset):
        return None
    k = len(spanning) - 1
    while k > 0 and near(spanning[k - 1][1], spanning[k][0]):  # a chain of texts, each opened by the last one's close
        k -= 1
    start, end = spanning[k]
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    closed_line = text.count("\n", 0, end if end is not None else len(text)) + 1
    return Span(path, line, column, line, column + 1), closed_line


def _missing_full_stop(e, text: str, path: str, expected, line: int, column: int) -> Span | None:
    """The commonest slip: a statement left without its full stop, so the next line looks like its tail."""
    if not isinstance(e, lark.exceptions.UnexpectedToken) or "DOT" not in expected or line < 2:
        return None
    lines = text.splitlines()
    if line > len(lines) or lines[line - 1][: column - 1].strip():
        return None  # the unexpected token does not begin its line
    previous = line - 1
    while previous >= 1 and not lines[previous - 1].split("%")[0].strip():
        previous -= 1
    if previous < 1:
        return None
    end = len(lines[previous - 1].split("%")[0].rstrip()) + 1
    return Span(path, previous, end, previous, end + 1)


def _token(child: Token | Tree) -> Token:
    """A child the grammar makes a token (a name, a text, a date)."""
    assert isinstance(child, Token), "the grammar makes it a token"
    return child


class Builder:
    """Turns lark's tree into AST nodes, keeping each node's span."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Diagnostic] = []
        self.universals: list[n.Universal] = []
        self.definitions: list[n.Clause] = []   # of the universals' counterexamples

    # -- spans
    def span(self, item) -> Span:
        if isinstance(item, Token):
            assert item.line is not None and item.column is not None, "a lexed token has its place"
            return Span(self.path, item.line, item.column, item.end_line or item.line, item.end_column or item.column + len(item))
        meta = item.meta
        if getattr(meta, "empty", True):
            return Span(self.path, 1, 1)
        return Span(self.path, meta.line, meta.column, meta.end_line, meta.end_column)

    # -- statements
    def statement(self, tree: Tree):
        return getattr(self, tree.data)(tree)

    def _attributes(self, items, kinds: dict[str, list]):
        for item in items:
            if isinstance(item, Tree) and item.data in kinds:
                kinds[item.data].append(item)

    def act(self, tree: Tree) -> n.Act:
        key, *attributes = tree.children
        kinds: dict[str, list[Tree]] = {k: [] for k in ("label", "kind", "rank", "in_force", "citation_form", "note", "authentic")}
        self._attributes(attributes, kinds)
        return n.Act(
            authentic=tuple(str(tok) for t in kinds["authentic"] for tok in t.children),
            key=str(key),
            labels=tuple(self.label(t) for t in kinds["label"]),
            kind=str(kinds["kind"][-1].children[0]) if kinds["kind"] else None,
            rank=int(_token(kinds["rank"][-1].children[0])) if kinds["rank"] else None,
            in_force=self.interval(kinds["in_force"][-1].children[0]) if kinds["in_force"] else None,
            notes=tuple(self.text(t.children[-1]) for t in kinds["note"] if t.children[0] in (None, "en")),
            span=self.span(tree),
            key_span=self.span(key),
            citations=tuple(self.label(_unnamed(t)) for t in kinds["citation_form"] if t.children[1] is None),
            part_citations=tuple((str(t.children[1]), self.label(_unnamed(t))) for t in kinds["citation_form"]
                                 if t.children[1] is not None),
        )

    def predicate(self, tree: Tree) -> n.PredicateDecl:
        name, *rest = tree.children
        declared = [c.children for c in rest if isinstance(c, Tree) and c.data == "parameter"]
        parameters = [p for p, _kind in declared]
        attributes = [c for c in rest if isinstance(c, Tree) and c.data != "parameter"]
        kinds: dict[str, list[Tree]] = {k: [] for k in ("label", "reading", "asked_over", "phrase", "note")}
        self._attributes(attributes, kinds)
        domain = None
        domain_span = None
        if kinds["asked_over"]:
            conditions_tree = kinds["asked_over"][-1].children[0]
            domain = self.conditions(conditions_tree)
            domain_span = self.span(kinds["asked_over"][-1])
        return n.PredicateDecl(
            name=str(name),
            parameters=tuple(str(p) for p in parameters),
            labels=tuple(self.label(t) for t in kinds["label"]),
            readings=tuple(n.Label(str(t.children[0]), self.text(t.children[1]), self.span(t)) for t in kinds["reading"]),
            domain=domain,
            notes=tuple(self.text(t.children[-1]) for t in kinds["note"] if t.children[0] in (None, "en")),
            span=self.span(tree),
            name_span=self.span(name),
            domain_span=domain_span,
            phrases=tuple(self.phrase(t) for t in kinds["phrase"]),
            kinds=tuple(n.Reference(str(k), self.span(k)) if k is not None else None for _p, k in declared)
            if any(k is not None for _p, k in declared) else (),
        )

    def kind_declaration(self, tree: Tree) -> n.KindDecl:
        name, *rest = tree.children
        parents = [tok for t in rest if isinstance(t, Tree) and t.data == "kind_parents" for tok in t.children]
        kinds: dict[str, list[Tree]] = {k: [] for k in ("label", "note")}
        self._attributes(rest, kinds)
        return n.KindDecl(
            name=str(name),
            parents=tuple(n.Reference(str(t), self.span(t)) for t in parents),
            labels=tuple(self.label(t) for t in kinds["label"]),
            notes=tuple(self.text(t.children[-1]) for t in kinds["note"] if t.children[0] in (None, "en")),
            span=self.span(tree),
            name_span=self.span(name),
        )

    def constant(self, tree: Tree) -> n.ConstantDecl:
        name, *attributes = tree.children
        kinds: dict[str, list[Tree]] = {k: [] for k in ("label", "phrase")}
        self._attributes(attributes, kinds)
        return n.ConstantDecl(str(name), tuple(self.label(t) for t in kinds["label"]), self.span(tree),
                              phrases=tuple(self.phrase(t) for t in kinds["phrase"]))

    def norm(self, tree: Tree) -> n.Norm:
        norm_id, *rest = tree.children
        clause = None
        if rest and isinstance(rest[-1], Tree) and rest[-1].data == "clause":
            clause = self.clause(rest[-1])
            rest = rest[:-1]
        kinds: dict[str, list[Tree]] = {k: [] for k in ("cites", "label", "in_force", "exception_to", "rests_on", "see",
                                 "interpretation", "deadline", "note", "under_reading", "interprets", "delegates",
                                 "summarised", "decisive", "subject_to")}
        self._attributes(rest, kinds)

        def references(kind):
            out = []
            for t in kinds[kind]:
                words = tuple(n.Label(str(w.children[0] or "en"), self.text(w.children[1]), self.span(w))
                              for w in t.children if isinstance(w, Tree) and w.data == "priority_words")
                out += [n.Reference(str(tok), self.span(tok), words) for tok in t.children
                        if tok is not None and not isinstance(tok, Tree)]
            return tuple(out)

        binding = [tok for t in kinds["interprets"] for sub in t.children if isinstance(sub, Tree)
                   for tok in sub.children]

        cites = kinds["cites"][-1].children[0] if kinds["cites"] else None
        return n.Norm(
            id=str(norm_id),
            citation=" ".join(self.text(cites).split()) if cites is not None else None,
            citation_span=self.span(cites) if cites is not None else None,
            quotes=tuple(self.label(t) for t in kinds["label"]),
            in_force=self.interval(kinds["in_force"][-1].children[0]) if kinds["in_force"] else None,
            exception_to=references("exception_to"),
            rests_on=references("rests_on"),
            see=references("see"),
            interpretation=next((self.text(t.children[-1]) for t in reversed(kinds["interpretation"])
                                 if t.children[0] in (None, "en")), None),
            interpretations=tuple(n.Label(str(t.children[0] or "en"), self.text(t.children[-1]), self.span(t))
                                  for t in kinds["interpretation"]),
            note_labels=tuple(n.Label(str(t.children[0] or "en"), self.text(t.children[-1]), self.span(t))
                              for t in kinds["note"]),
            deadline=self.date(kinds["deadline"][-1].children[0]) if kinds["deadline"] else None,
            notes=tuple(self.text(t.children[-1]) for t in kinds["note"] if t.children[0] in (None, "en")),
            clause=clause,
            span=self.span(tree),
            id_span=self.span(norm_id),
            readings=references("under_reading"),
            interprets=references("interprets"),
            binding=n.Reference(str(binding[-1]), self.span(binding[-1])) if binding else None,
            delegates=references("delegates"),
            summarised=bool(kinds["summarised"]),
            decisive=tuple(n.Label(str(t.children[0]), self.text(t.children[1]), self.span(t)) for t in kinds["decisive"]),
            subject_to=references("subject_to"),
        )

    def reading_declaration(self, tree: Tree) -> n.ReadingDecl:
        name, *attributes = tree.children
        kinds: dict[str, list[Tree]] = {k: [] for k in ("label", "supported_by", "default_reading", "instead_of", "note")}
        self._attributes(attributes, kinds)
        support = []
        for t in kinds["supported_by"]:
            language, text = t.children
            support.append(n.Label(str(language) if language is not None else "", self.text(text), self.span(t)))
        return n.ReadingDecl(
            name=str(name),
            labels=tuple(self.label(t) for t in kinds["label"]),
            supported_by=tuple(support),
            default=bool(kinds["default_reading"]),
            instead_of=tuple(n.Reference(str(tok), self.span(tok)) for t in kinds["instead_of"] for tok in t.children),
            notes=tuple(self.text(t.children[-1]) for t in kinds["note"] if t.children[0] in (None, "en")),
            span=self.span(tree),
            name_span=self.span(name),
        )

    def scope_declaration(self, tree: Tree) -> n.ScopeDecl:
        keys = [c for c in tree.children if isinstance(c, Token)]
        attributes = [c for c in tree.children if isinstance(c, Tree)]
        kinds: dict[str, list[Tree]] = {k: [] for k in ("label", "note", "scope_for", "phrase")}
        self._attributes(attributes, kinds)
        atom, conditions = None, ()
        if kinds["scope_for"]:
            head, body = kinds["scope_for"][-1].children
            atom = self.atom(head)
            conditions = self.conditions(body) if body is not None else ()
        return n.ScopeDecl(
            citations=tuple(self.text(k) for k in keys),
            labels=tuple(self.label(t) for t in kinds["label"]),
            atom=atom,
            conditions=conditions,
            notes=tuple(self.text(t.children[-1]) for t in kinds["note"] if t.children[0] in (None, "en")),
            span=self.span(tree),
            phrases=tuple(self.phrase(t) for t in kinds["phrase"]),
        )

    def assumable_declaration(self, tree: Tree) -> n.AssumableDecl:
        names = [c for c in tree.children if isinstance(c, Token)]
        kinds: dict[str, list[Tree]] = {"note": []}
        self._attributes([c for c in tree.children if isinstance(c, Tree)], kinds)
        return n.AssumableDecl(
            predicates=tuple(n.Reference(str(t), self.span(t)) for t in names),
            notes=tuple(self.text(t.children[-1]) for t in kinds["note"] if t.children[0] in (None, "en")),
            span=self.span(tree))

    def constraint_declaration(self, tree: Tree) -> n.ConstraintDecl:
        body, *attributes = tree.children
        kinds: dict[str, list[Tree]] = {k: [] for k in ("label", "note")}
        self._attributes(attributes, kinds)
        return n.ConstraintDecl(
            conditions=self.conditions(body),
            labels=tuple(self.label(t) for t in kinds["label"]),
            notes=tuple(self.text(t.children[-1]) for t in kinds["note"] if t.children[0] in (None, "en")),
            span=self.span(tree))

    def question(self, tree: Tree) -> n.Question:
        name, *rest = tree.children
        parameters = [c for c in rest if isinstance(c, Token)]
        attributes = [c for c in rest if isinstance(c, Tree) and c.data != "query"]
        query = next(c for c in rest if isinstance(c, Tree) and c.data == "query")
        kinds: dict[str, list[Tree]] = {k: [] for k in ("label", "note")}
        self._attributes(attributes, kinds)
        return n.Question(
            name=str(name),
            parameters=tuple(str(p) for p in parameters),
            labels=tuple(self.label(t) for t in kinds["label"]),
            query=self.query(query),
            notes=tuple(self.text(t.children[-1]) for t in kinds["note"] if t.children[0] in (None, "en")),
            span=self.span(tree),
        )

    def clause(self, tree: Tree) -> n.Clause:
        modality, head, conditions, interval = tree.children
        items = list(conditions.children) if conditions is not None else []
        written = [c.children[0] if c.data == "conditional" else c for c in items]
        head_atom = self.atom(head)
        # a universal's parts stay a tuple until it is built, with the other conditions beside it
        body: list[n.Condition | tuple] = [self.condition(c) if c.data != "universal" else self._universal_parts(c)
                                           for c in written]
        for i, c in enumerate(body):
            if type(c) is tuple:   # a universal's parts (a condition is a tuple-backed record: engine/base/records.py)
                body[i] = self._universal(c, head_atom, body[:i] + body[i + 1:])
        return n.Clause(
            modality=str(modality) if modality is not None else None,
            head=head_atom,
            body=tuple(cast(n.Condition, c) for c in body if type(c) is not tuple),   # every universal is built by now
            interval=self.interval(interval) if interval is not None else None,
            span=self.span(tree),
            modality_span=self.span(modality) if modality is not None else None,
            conditional=tuple((i, str(c.children[1])) for i, c in enumerate(items) if c.data == "conditional"),
        )

    def query(self, tree: Tree) -> n.Query:
        status, atom = tree.children
        return n.Query(str(status) if status is not None else None, self.atom(atom), self.span(tree))

    # -- parts
    def conditions(self, tree: Tree) -> tuple:
        """Conditions of a domain (`asked over`): a reading attached to one is not kept there."""
        return tuple(self.condition(c.children[0] if c.data == "conditional" else c) for c in tree.children)

    def _universal_parts(self, tree: Tree) -> tuple:
        """(tree, variables, domain, body) of a `for every` condition, before it is rewritten."""
        *names, last = tree.children
        variables = [t for t in names if isinstance(t, Token)]
        conditions = [c for c in names if isinstance(c, Tree)] + [last]
        for t in variables:
            if not (str(t)[0] == "_" or str(t)[0].isupper()):
                self.problems.append(Diagnostic(
                    "syntax", message("for every constant", name=str(t)), self.span(t),
                    hint=message("write for every", name=str(t)[0].upper() + str(t)[1:])))
        return tree, [str(t) for t in variables], [self.condition(c) for c in conditions[:-1]], self.condition(conditions[-1])

    def _universal(self, parts: tuple, head: n.Atom, others: list) -> n.Negation:
        """`for every Q such that D: B` as `not every:...(Free)`, with the definition of its counterexamples
        `every:...(Free) if binders and D and not B` (n.Universal; docs/authoring.md, "Universal conditions")."""
        tree, quantified, domain, body = parts
        span = self.span(tree)

        def names(c) -> list[str]:
            if type(c) is tuple:   # another universal of the same clause, not yet rewritten
                return [v for d in c[2] + [c[3]] for v in names(d)]
            if isinstance(c, n.Negation):
                c = c.universal or c.atom
            if isinstance(c, n.Universal):
                return [v for d in c.domain + (c.body,) for v in names(d)]
            if isinstance(c, n.Atom):
                return [v.name for v in c.variables() if v.name != "_"]
            return [t.name for t in (c.left, c.right) if isinstance(t, n.Variable) and t.name != "_"]

        own = list(dict.fromkeys(v for c in domain + [body] for v in names(c)))
        outside = set(names(head)) | {v for c in others for v in names(c)}
        for name in quantified:
            if name in outside:
                self.problems.append(Diagnostic(
                    "syntax", message("for every outside", name=name), span, hint=message("for every own name", name=name)))
            if name not in {v for c in domain for v in names(c)}:
                self.problems.append(Diagnostic(
                    "syntax", message("for every unnamed", name=name), span, hint=message("for every say which", name=name)))
        free = [v for v in own if v in outside and v not in quantified]
        bound = {v.name for c in domain if isinstance(c, n.Atom) for v in c.variables()}
        binders: list[n.Condition] = []
        for c in others:   # the clause's own atoms that bind what the domain leaves open (safety)
            if isinstance(c, n.Atom) and set(names(c)) & (set(free) - bound):
                binders.append(c)
                bound |= set(names(c))
        digest = f"{zlib.crc32(self.path.encode('utf-8')):08x}"
        relation = f"{n.UNIVERSAL_PREFIX}{digest}:{span.line}:{span.column}"
        if isinstance(body, n.Atom):
            local = [v for v in names(body) if v not in bound and v not in free]
            if local:   # `for every X such that d(X): p(X, Y)` with Y of the body only: some Y
                keep = [v for v in names(body) if v not in local]
                holder = n.Atom(relation + ":body", tuple(n.Variable(v, span) for v in dict.fromkeys(keep)), span, span)
                self.definitions.append(n.Clause(None, holder, (body,), None, span))
                counter: n.Condition = n.Negation(holder, span)
            else:
                counter = n.Negation(body, body.span)
        elif isinstance(body, n.Negation):
            counter = body.atom
        else:
            opposite = {"=": "!=", "!=": "=", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}[body.operator]
            counter = n.Comparison(body.left, opposite, body.right, body.span)
        universal = n.Universal(relation, tuple(quantified), tuple(domain), body, tuple(free), span)
        atom = n.Atom(relation, tuple(n.Variable(v, span) for v in free), span, span)
        self.universals.append(universal)
        self.definitions.append(n.Clause(None, atom, tuple(binders) + tuple(domain) + (counter,), None, span))
        return n.Negation(atom, span, universal)

    def condition(self, tree: Tree):
        if tree.data == "universal":
            self.problems.append(Diagnostic("syntax", message("for every where"), self.span(tree)))
            return n.Atom("false", (), self.span(tree), self.span(tree))
        if tree.data == "atom":
            return self.atom(tree)
        if tree.data == "negation":
            return n.Negation(self.atom(tree.children[0]), self.span(tree))
        left, operator, right = tree.children
        return n.Comparison(self.term(left), str(operator), self.term(right), self.span(tree))

    def atom(self, tree: Tree) -> n.Atom:
        name, *args = tree.children
        args = [a for a in args if a is not None]
        return n.Atom(str(name), tuple(self.term(a) for a in args), self.span(tree), self.span(name))

    def term(self, tree: Tree):
        token = _token(tree.children[0])
        span = self.span(token)
        if tree.data == "name":
            text = str(token)
            if text[0] == "_" or text[0].isupper():
                return n.Variable(text, span)
            return n.Constant(text, span)
        if tree.data == "string":
            return n.Constant(self.text(token), span)
        if tree.data == "date":
            return n.Constant(self.date(token), span)
        try:
            return n.Constant(n.number(str(token)), span)
        except ValueError:
            written = str(token)
            digits = re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", written) is not None   # the reasons of n.number
            said = message("number too long", digits=n.MAX_NUMBER_DIGITS) if digits else message("not a number", text=written)
            raise ZanError([Diagnostic("syntax", said, span)]) from None

    def label(self, tree: Tree) -> n.Label:
        language, text = tree.children
        return n.Label(str(language), self.text(text), self.span(tree))

    def phrase(self, tree: Tree) -> n.Label:
        language, text, member, gender = tree.children
        return n.Label(str(language), self.text(text), self.span(tree),
                       str(member.children[0]) if member is not None else None,
                       str(gender.children[0]) if gender is not None else None)

    def interval(self, tree: Tree) -> n.Interval:
        start, end = tree.children
        return n.Interval(self.date(start), self.date(end) if end is not None else None, self.span(tree))

    def text(self, child: Token | Tree) -> str:
        raw = str(_token(child))[1:-1]
        if "\\" not in raw:
            return raw
        return _ESCAPE.sub(lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), raw)

    def date(self, child: Token | Tree) -> datetime.date:
        token = _token(child)
        try:
            return datetime.date.fromisoformat(str(token))
        except ValueError:
            raise ZanError([Diagnostic("invalid-date", message("not a calendar day", date=str(token)), self.span(token),
                                       hint=message("dates are written"))]) from None


def _unnamed(tree: Tree) -> Tree:
    """A citation form without its part's name: (language, text), as a label."""
    language, _part, text = tree.children
    return Tree(tree.data, [language, text], tree.meta)
