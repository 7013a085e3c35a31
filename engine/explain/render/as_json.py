"""JSON output: the contract's single object, sorted keys, stable across runs.

`pieces` writes the same text as one `json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)`,
a piece at a time: the answers (any iterable, e.g. a generator) are dumped one by one, so a batch of
100,000 answers never holds its whole text, nor all its answers' dictionaries, at once.

With `indent`, the standard library encodes in Python, through generators, and that was a third of a
10k batch; `_encode` writes the same text for the values an explanation holds (dicts with string keys,
lists, strings, integers, finite floats, booleans, None) with the library's own C string escaping,
and anything else is left to `json.dumps`.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring  # the C function when available, as json.dumps(ensure_ascii=False) uses
from typing import Iterable, Iterator, Sequence

from itertools import chain
from operator import getitem, itemgetter

from engine.explain.explanation import Document, Row

_SIMPLE = {None: "null", True: "true", False: "false"}


class _Unusual(Exception):
    """A value `_encode` does not write itself; json.dumps does."""


def _encode(value, newline: str, out: list) -> None:
    """Appends value's text as json.dumps(indent=2, sort_keys=True, ensure_ascii=False) writes it at that depth."""
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        opening = "{" + inner
        for key in sorted(value):
            if type(key) is not str:
                raise _Unusual
            out.append(opening + encode_basestring(key) + ": ")
            opening = "," + inner
            _encode(value[key], inner, out)
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        opening = "[" + inner
        for item in value:
            out.append(opening)
            opening = "," + inner
            _encode(item, inner, out)
        out.append(newline + "]")
    elif value is None or value is True or value is False:
        out.append(_SIMPLE[value])
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and math.isfinite(value):
        out.append(float.__repr__(value))
    else:
        raise _Unusual


def _dumps(value, newline: str = "\n") -> str:
    """json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True), each line after the first indented to `newline`."""
    out: list[str] = []
    try:
        _encode(value, newline, out)
    except (_Unusual, TypeError):
        return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).replace("\n", newline)
    return "".join(out)


def pieces(document: dict) -> Iterator[str]:
    """The document's JSON text in pieces, answer by answer (a register's, register.Answers, a partition at a time, in
    pieces of about PIECE characters); "".join(pieces(d)) is exactly render(d).

    A document with tables (explanation.Document) gets each table entry as its answers define it: it is
    written into text at once (the text is smaller than the dictionaries) and the tables, whose keys
    sort after `answers`, are written from that text.
    """
    tables = document.tables if isinstance(document, Document) else None
    written: dict[str, dict[str, str]] = {"norms": {}, "proofs": {}}

    def gather() -> None:
        assert tables is not None   # called only for a document with tables
        for table, key, entry in tables.drain():
            written[table][key] = _dumps(entry, "\n    ")

    first = True
    for key in sorted(document):
        yield ("{\n  " if first else ",\n  ") + _dumps(key) + ": "
        first = False
        value = document[key]
        if tables is not None and key in written:
            gather()
            entries = written[key]
            if not entries:
                yield "{}"
                continue
            yield "{\n    " + ",\n    ".join(_dumps(k) + ": " + entries[k] for k in sorted(entries)) + "\n  }"
            entries.clear()
            continue
        if key != "answers":
            yield _dumps(value, "\n  ")  # JSON text has no newline inside its strings
            continue
        partitions = getattr(value, "partitions", None)
        if tables is not None and partitions is not None:   # a register's answers, a partition at a time
            yield from _answers_in_partitions(partitions(), tables.seen, written)
            continue
        empty = True
        for answer in value:
            if answer.__class__ is Row:
                yield ("[\n    " if empty else ",\n    ") + _row_text(answer, "json", _in_document, _dumps)
            else:
                yield ("[\n    " if empty else ",\n    ") + (_by_form(answer, "json", _in_document, _dumps)
                                                          or _dumps(answer, "\n    "))
            empty = False
            if tables is not None:
                gather()
        yield "[]" if empty else "\n  ]"
    yield "{}" if first else "\n}"


def _answers_in_partitions(partitions: Iterable[Sequence[tuple]], seen: set, written: dict[str, dict[str, str]]
                           ) -> Iterator[str]:
    """The `answers` list of a register's document (register.Answers.partitions), in pieces of about PIECE
    characters; each table entry not in `seen` written into `written` (pieces gathers the tables from there)."""
    out: list[str] = []
    append = out.append
    size = 0
    opening = "[\n    "
    for items in partitions:
        for table, key, entry in items:
            if table == "answer":
                if entry.__class__ is Row:
                    text = opening + _row_text(entry, "json", _in_document, _dumps)
                else:
                    text = opening + (_by_form(entry, "json", _in_document, _dumps) or _dumps(entry, "\n    "))
                opening = ",\n    "
                append(text)
                size += len(text)
                if size > PIECE:
                    yield "".join(out)
                    out = []
                    append = out.append
                    size = 0
            elif (table, key) not in seen:
                seen.add((table, key))
                written[table][key] = _dumps(entry, "\n    ")
        items, entry = (), None   # the partition is freed before the next is solved (register.Answers)
    append("[]" if opening == "[\n    " else "\n  ]")
    yield "".join(out)


# json.dumps with any option makes a new encoder on every call: one, made once, writes the same text
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
# ... and its `encode` makes the library's C encoder again on every call, with a dictionary of the containers met (to
# refuse a value holding itself, which an explanation never does) and a Python function for floats it does not use:
# the C encoder made once, with no such dictionary, writes the same text (~0.8 us less a call: a 10k register's
# `proofs` entries and conditions are ~67k calls)
_MAKE = getattr(json.encoder, "c_make_encoder", None)   # None where the interpreter has no C encoder
_C = _MAKE(None, _ENCODER.default, encode_basestring, None, ":", ",", True, False, True) if _MAKE is not None else None


def _COMPACT(value) -> str:
    """json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))."""
    if _C is None:   # pragma: no cover - an interpreter without the C encoder
        return _ENCODER.encode(value)
    return "".join(_C(value, 0))


# A line of one key is that key's text around the value's: no dictionary made to hold the value
def _answer_line(answer) -> str:
    return '{"answer":' + _COMPACT(answer) + "}\n"


def _entry_line(table: str, key: str, entry: dict) -> str:
    """A table entry's line: `{"norm": entry}`, or `{"proof": {"id": key, **entry}}`."""
    if table == "norms":
        return '{"norm":' + _COMPACT(entry) + "}\n"
    return '{"proof":' + _COMPACT({"id": key, **entry}) + "}\n"


def _line(value) -> str:
    return _COMPACT(value) + "\n"


def _compact(value, _newline: str = "") -> str:
    if type(value) is str:
        return encode_basestring(value)
    if type(value) is list:   # a proof's conditions: the same dictionaries in many answers (Explainer.node), and
        # the same list in the answers of a shape whose deciding proofs rest on the same conditions (Explainer.refill)
        made = _ITEMS.get(id(value))
        if made is None or made[0] is not value:
            if len(_ITEMS) > 1 << 16:   # bounded: it keeps what it holds alive
                _ITEMS.clear()
            made = _ITEMS[id(value)] = (value, "[" + ",".join(map(_item, value)) + "]")
        return made[1]
    return _COMPACT(value)


def _item(value) -> str:
    """A list's item as _COMPACT writes it, a dictionary's text remembered while it is (a proof's condition is one
    dictionary, made once and never changed after, in every answer that names it)."""
    if type(value) is not dict:
        return _COMPACT(value)
    made = _ITEMS.get(id(value))
    if made is None or made[0] is not value:
        if len(_ITEMS) > 1 << 16:   # bounded: it keeps what it holds alive
            _ITEMS.clear()
        made = _ITEMS[id(value)] = (value, _COMPACT(value))
    return made[1]


_ITEMS: dict[int, tuple[dict | list, str]] = {}   # id of a list or of a dictionary in one -> (it, its compact text)


def _in_document(answer) -> str:
    return _dumps(answer, "\n    ")


# ------------------------------------------------------------------ answers of one shape, from one template
# An answer filled in from its shape (explanation.Shaped) differs from the others of that shape only at the
# paths of its `form`. Its text is the shape's template, the writer's own text of the answer with a marker in
# each of those places, cut at the markers, with each place's value written as the writer writes it there.

def _by_form(answer, writer: str, whole, part) -> str | None:
    """The answer's text as `whole(answer)` writes it, from its form's template; None if it has no form."""
    form = getattr(answer, "form", None)
    if form is None:
        return None
    template = form.texts.get(writer)
    if template is None:
        template = form.texts[writer] = _template(answer, form.paths, whole, part)
    if not template:
        return None
    pieces, steps, places = template
    inner = [answer]
    for up, key in steps:   # each dictionary holding a place, looked up once
        inner.append(inner[up][key])
    out = [pieces[0]]
    append = out.append
    for (up, key, newline), piece in zip(places, pieces[1:]):
        append(part(inner[up][key], newline))
        append(piece)
    return "".join(out)


def _template(answer: dict, paths, whole, part) -> tuple[list[str], list[tuple], list[tuple]] | bool:
    """The text of `answer` cut where each path's value goes; the steps that reach each dictionary holding a place
    (the index of the dictionary it is in, its key; the answer is 0); each place (its dictionary, its key, its
    indentation) in the order of the text. False where a marker is not found exactly once (the answer is then
    written whole)."""
    marked = answer
    markers = []
    for k, path in enumerate(paths):
        marker = f"\x00zan-place-{k}\x00"
        markers.append(part(marker, "\n"))
        marked = _put(marked, path, marker)
    text = whole(marked)
    found = []
    for path, marker in zip(paths, markers):
        at = text.find(marker)
        if at < 0 or text.find(marker, at + 1) >= 0:
            return False
        found.append((at, len(marker), path))
    steps: list[tuple[int, str]] = []
    inner: dict[tuple, int] = {(): 0}   # the path of a dictionary holding a place -> its index (steps + 1)

    def holder(path: tuple) -> int:
        if path not in inner:
            steps.append((holder(path[:-1]), path[-1]))
            inner[path] = len(steps)
        return inner[path]

    pieces, places, start = [], [], 0
    for at, length, path in sorted(found):
        line = text[text.rfind("\n", 0, at) + 1:at]
        places.append((holder(path[:-1]), path[-1], "\n" + " " * (len(line) - len(line.lstrip(" ")))))
        pieces.append(text[start:at])
        start = at + length
    pieces.append(text[start:])
    return pieces, steps, places


def _put(value: dict, path: tuple[str, ...], marker: str) -> dict:
    copy = dict(value)
    copy[path[0]] = marker if len(path) == 1 else _put(value[path[0]], path[1:], marker)
    return copy


# ------------------------------------------------------------------ answers of a known shape, from their values
# A register's answer of a known shape (explanation.Row) is its shape's rows and its atom's values (a decided one's
# deciding entry and summary after them), no dictionary. Its text is its shape's template with each place written
# from the values: a binding as the writer writes the value there, the atom and the reading (texts) as the JSON string
# of their pieces, a value's words at a place escaped once per value (JSON's escaping is per character: the escaped
# pieces of a text make the escaped text), a shared deciding entry or summary once per object.

def _row_text(row: Row, writer: str, whole, part) -> str:
    """The text `whole(row.dict())` writes, from the row's values and its shape's template."""
    rows = row.rows
    write = rows.texts.get(writer)
    if write is None:
        write = rows.texts[writer] = _row_template(rows, whole, part)
    if write is False:
        return whole(row.dict())
    return write(row.args)


class _Column(dict):
    """The texts of one value at each of its places in a template (`makes`, in the order of the text), made once when
    first asked for: one column serves every shape whose template spells a value's places the same way (Rows.columns)."""

    __slots__ = ("makes",)

    def __init__(self, makes):
        super().__init__()
        self.makes = makes

    def __missing__(self, value):
        texts = self[value] = tuple([make(value) for make in self.makes])
        return texts


class _Shared:
    """The text of one place's shared dictionaries (a decided answer's deciding entry and summary, one object for
    the answers resting on the same conditions: Explainer.deciding), as a 1-tuple, made once while it lives (kept
    with it)."""

    __slots__ = ("make", "made")

    def __init__(self, make):
        self.make, self.made = make, {}

    def __getitem__(self, value):
        made = self.made.get(id(value))
        if made is None or made[0] is not value:
            if len(self.made) > 1 << 12:   # bounded: it keeps what it holds alive
                self.made.clear()
            made = self.made[id(value)] = (value, (self.make(value),))
        return made[1]


def _escaped(words):
    return lambda value: encode_basestring(words(value))[1:-1]


def _row_template(rows, whole, part):
    """A function of an answer's values giving its text, or False (written from its dictionary): the text of the
    shape's first answer cut at its places (`_template`), each place spelled from the values (Rows.spelling): the
    texts between the slots, each slot a value's text at its place. A value's texts at all its places are made once
    (_Column, shared by the partition's shapes that spell them alike: Rows.columns) and looked up once per answer;
    the line is one join of the texts picked in order. The function is checked against the first answer's own text."""
    template = _template(rows.first, rows.form.paths, whole, part)
    if not template:
        return False
    pieces, steps, places = template
    paths: list[tuple] = [()]
    for up, key in steps:
        paths.append(paths[up] + (key,))
    out = [pieces[0]]   # the texts between the slots (one more than the slots)
    slots: list[tuple] = []   # each slot in the order of the text: (position of its value, how it is made, its maker)
    for (up, key, newline), piece in zip(places, pieces[1:]):
        spelled = rows.spelling(paths[up] + (key,))
        if spelled is None:
            out[-1] += part(None, newline)
        elif type(spelled) is int:
            slots.append((spelled, ("value", part, newline), lambda value, newline=newline: part(value, newline)))
            out.append("")
        elif type(spelled) is tuple:   # a shared dictionary: its own column (by identity)
            slots.append((spelled[0], None, lambda value, newline=newline: part(value, newline)))
            out.append("")
        else:
            out[-1] += '"'
            for bit in spelled:
                if type(bit) is str:
                    out[-1] += encode_basestring(bit)[1:-1]
                else:
                    slots.append((bit[0], ("words", bit[1]), _escaped(bit[1])))
                    out.append("")
            out[-1] += '"'
        out[-1] += piece
    if not slots:
        text = out[0]

        def write(values: tuple) -> str:
            return text
        return write if write(rows.values) == whole(rows.first) else False
    # the columns: one per position of a value at plain places (all its places), one per shared place
    columns: list = []
    positions: list[int] = []
    at: list[int] = [0] * len(slots)   # each slot's index in the columns' texts put end to end
    groups: dict[int, list[int]] = {}
    for k, (position, how, _make) in enumerate(slots):
        if how is not None:
            groups.setdefault(position, []).append(k)
    count = 0
    for k, (position, how, make) in enumerate(slots):
        if how is None:
            columns.append(_Shared(make))
            positions.append(position)
            at[k] = count
            count += 1
        elif groups.get(position, [None])[0] == k:   # a value's first place: its column
            ks = groups[position]
            key = tuple(slots[j][1] for j in ks)
            column = rows.columns.get(key)
            if column is None:
                column = rows.columns[key] = _Column([slots[j][2] for j in ks])
            columns.append(column)
            positions.append(position)
            for j in ks:
                at[j] = count
                count += 1
    order = [count]   # the join's texts: the pieces (after the columns' texts) and the slots, in the order of the text
    for k in range(len(slots)):
        order += [at[k], count + k + 1]
    order = [i for i in order if i < count or out[i - count]]   # no empty piece
    if len(order) < 2:
        order += [count + 1]   # an empty piece: itemgetter of one index gives no tuple
    pick = itemgetter(*order)
    tail, join = tuple(out), "".join
    get = itemgetter(*positions) if len(positions) > 1 else None
    if len(columns) == 1:
        c0, p0 = columns[0], positions[0]

        def write(values: tuple) -> str:
            return join(pick(c0[values[p0]] + tail))
    elif len(columns) == 2:
        c0, c1 = columns

        def write(values: tuple) -> str:
            a, b = get(values)
            return join(pick(c0[a] + c1[b] + tail))
    elif len(columns) == 3:
        c0, c1, c2 = columns

        def write(values: tuple) -> str:
            a, b, c = get(values)
            return join(pick(c0[a] + c1[b] + c2[c] + tail))
    elif len(columns) == 4:
        c0, c1, c2, c3 = columns

        def write(values: tuple) -> str:
            a, b, c, d = get(values)
            return join(pick(c0[a] + c1[b] + c2[c] + c3[d] + tail))
    elif len(columns) == 5:
        c0, c1, c2, c3, c4 = columns

        def write(values: tuple) -> str:
            a, b, c, d, e = get(values)
            return join(pick(c0[a] + c1[b] + c2[c] + c3[d] + c4[e] + tail))
    else:
        def write(values: tuple) -> str:
            return join(pick(tuple(chain.from_iterable(map(getitem, columns, get(values)))) + tail))
    return write if write(rows.values) == whole(rows.first) else False   # the first answer's own text


def lines(document: dict) -> Iterator[str]:
    """The document as JSON Lines (`--format jsonl`): one object a line, each with one key saying what it is.

    First `{"document": {...}}` (query, at, schema, trace, title); then, in the order of the answers,
    `{"norm": NormRef}` and `{"proof": {"id": ..., ...}}` for each table entry before the first answer
    that refers to it, and `{"answer": Answer}` for each answer. A diff's document is followed by
    `{"change": Change}` lines.

    The text comes in pieces of whole lines, about `PIECE` characters each (a writer writes each as it comes): a
    register's answers (`document["answers"]` with `partitions`, engine/tools/register.Answers) a partition at a
    time, its last piece ending with it, so that a reader of a pipe gets each partition's lines once it is written;
    other answers as they are explained. Nothing is held back for the end.
    """
    if "answers" not in document and isinstance(document.get("changes"), list):
        # a diff (`zan ask "what changed ..."`): the document, then `{"change": Change}` for each changed answer
        yield from _joined([_line({"document": {k: v for k, v in document.items() if k != "changes"}})],
                           map(_line, ({"change": change} for change in document["changes"])))
        return
    tables = document.tables if isinstance(document, Document) else None
    head = _line({"document": {k: v for k, v in document.items() if k not in ("answers", "norms", "proofs")}})
    answers = document["answers"]
    partitions = getattr(answers, "partitions", None)
    if tables is not None and partitions is not None:
        yield head
        yield from _partitions(partitions(), tables.seen)
        return
    yield from _joined([head], _answer_lines(answers, tables))


def _answer_lines(answers, tables) -> Iterator[str]:
    """Each answer's line, after the lines of the table entries (if any) it is the first to use."""
    for answer in answers:
        if tables is not None:
            for table, key, entry in tables.drain():
                yield _entry_line(table, key, entry)
        if answer.__class__ is Row:
            yield _row_text(answer, "jsonl", _answer_line, _compact)
        else:
            yield _by_form(answer, "jsonl", _answer_line, _compact) or _answer_line(answer)


PIECE = 1 << 16   # characters: larger joined texts cost more to write (fresh memory for each), smaller ones more writes


def _joined(out: list[str], texts: Iterable[str]) -> Iterator[str]:
    """The texts after those of `out`, joined into pieces of about PIECE characters."""
    size = sum(map(len, out))
    for text in texts:
        out.append(text)
        size += len(text)
        if size > PIECE:
            yield "".join(out)
            out = []
            size = 0
    if out:
        yield "".join(out)


def _partitions(partitions: Iterable[Sequence[tuple]], seen: set) -> Iterator[str]:
    """The lines of each partition's items (register.Answers.partitions: ('answer', None, answer), or a table entry
    written unless `seen` holds it), in pieces of about PIECE characters, a partition's last piece ending with it."""
    for items in partitions:
        out: list[str] = []
        append = out.append
        size = 0
        for table, key, entry in items:
            if table == "answer":
                if entry.__class__ is Row:
                    text = _row_text(entry, "jsonl", _answer_line, _compact)
                else:
                    text = _by_form(entry, "jsonl", _answer_line, _compact) or _answer_line(entry)
            elif (table, key) not in seen:
                seen.add((table, key))
                text = _entry_line(table, key, entry)
            else:
                continue
            append(text)
            size += len(text)
            if size > PIECE:
                yield "".join(out)
                out = []
                append = out.append
                size = 0
        items, entry = (), None   # the partition is freed before the next is solved (register.Answers)
        if out:
            yield "".join(out)


def render(document: dict, explain: bool = True) -> str:
    return "".join(pieces(document))
