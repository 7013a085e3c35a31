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
from typing import Iterator

from engine.explain.explanation import Document

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
    """The document's JSON text in pieces, answer by answer; "".join(pieces(d)) is exactly render(d).

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
        empty = True
        for answer in value:
            yield ("[\n    " if empty else ",\n    ") + _dumps(answer, "\n    ")
            empty = False
            if tables is not None:
                gather()
        yield "[]" if empty else "\n  ]"
    yield "{}" if first else "\n}"


def _line(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def lines(document: dict) -> Iterator[str]:
    """The document as JSON Lines (`--format jsonl`): one object a line, each with one key saying what it is.

    First `{"document": {...}}` (query, at, schema, trace, title); then, in the order of the answers,
    `{"norm": NormRef}` and `{"proof": {"id": ..., ...}}` for each table entry before the first answer
    that refers to it, and `{"answer": Answer}` for each answer. Every line is written as soon as its
    answer is decided; nothing is held back for the end.
    """
    tables = document.tables if isinstance(document, Document) else None
    yield _line({"document": {k: v for k, v in document.items() if k not in ("answers", "norms", "proofs")}})
    for answer in document["answers"]:
        if tables is not None:
            for table, key, entry in tables.drain():
                yield _line({"norm": entry} if table == "norms" else {"proof": {"id": key, **entry}})
        yield _line({"answer": answer})


def render(document: dict, explain: bool = True) -> str:
    return "".join(pieces(document))
