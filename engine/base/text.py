"""Showing user text safely: control and bidirectional-override characters made visible, HTML escaped for Markdown.

A quoted constant in a case file can hold any character. Written raw to a terminal, an escape sequence
or a carriage return can repaint what was printed before it (a prohibited answer shown as permitted),
and a right-to-left override can reverse what a reader sees; in a Markdown handout, `<script>` or
`<img onerror=...>` would run in the reader's browser. Every text output goes through `visible`;
Markdown output escapes `<`, `>` and `&` in every piece of user text (SECURITY.md).
"""

from __future__ import annotations

import re
from typing import Any

# C0 and C1 controls except newline and tab, DEL, the bidirectional controls, line/paragraph separators, and the
# characters a terminal shows as nothing, so that two names that look the same cannot print the same: zero-width
# spaces and joiners, the word joiner and invisible operators, the soft hyphen, the byte-order mark, the
# combining grapheme joiner, variation selectors, Hangul fillers, interlinear annotations, tag characters.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
                     "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u2028\u2029\u3164\ufe00-\ufe0f"
                     "\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f]")


def _shown(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """The text with every control or bidi character written as an escape (`\\x1b`, `\\u202e`)."""
    return _UNSAFE.sub(_shown, text) if _UNSAFE.search(text) else text


class LazyPattern:
    """A regular expression compiled when first used, then as the compiled one (its methods bound on the instance):
    compiling costs 30-250 us each, ~0.8 ms of a cold question for the dozen patterns it never uses
    (docs/performance.md, issue 25; tests/test_cold_start.py)."""

    _METHODS = ("search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self._flags = pattern, flags

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(self.pattern, self._flags)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


_HTML = LazyPattern("[<>&]")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def html_escaped(text: str) -> str:
    return _HTML.sub(lambda m: _ENTITIES[m.group(0)], text) if _HTML.search(text) else text


def html_unescaped(text: str) -> str:
    """The inverse of html_escaped (only its three entities)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") if "&" in text else text


def map_strings(data, change):
    """A copy of plain data (dicts, lists, tuples as lists, strings) with `change` applied to every string.

    Without recursion (a 500-deep proof is 500 nested dicts), and a container met twice is copied once.
    """
    if isinstance(data, str):
        return change(data)
    if not isinstance(data, (dict, list, tuple)):
        return data
    copies: dict[int, object] = {}

    def copy_of(value):
        if isinstance(value, str):
            return change(value)
        if not isinstance(value, (dict, list, tuple)):
            return value
        known = copies.get(id(value))
        if known is None:
            known = copies[id(value)] = {} if isinstance(value, dict) else []
            stack.append((value, known))
        return known

    stack: list = []
    result = copy_of(data)
    while stack:
        source, copy = stack.pop()
        if isinstance(source, dict):
            for k, v in source.items():
                copy[change(k) if isinstance(k, str) else k] = copy_of(v)
        else:
            copy.extend(copy_of(v) for v in source)
    return result


def visible_data(data):
    """`map_strings(data, visible)`, or the data itself when that copy would equal it: no string in it (key or
    value) has a character to escape and it holds no tuple (the copy's lists). Checking is about three times
    faster than copying, and nearly every explanation has nothing to escape. For readers that do not change it.
    Each distinct string is searched once (an explanation's ~10,000 strings are ~500 distinct ones: the same
    names, words and citations again and again)."""
    if not isinstance(data, (dict, list)):
        return map_strings(data, visible)   # a string, a tuple or a number
    try:
        text = "\n".join(_strings(data))
    except TypeError:   # a tuple, or a key that is not a string: the copy
        return map_strings(data, visible)
    return map_strings(data, visible) if _UNSAFE.search(text) else data


_plain = str.__str__   # a string's text as a plain str (itself for a str); TypeError for anything else


def _strings(data) -> set:
    """The text of every string of the data, and its keys; TypeError for a tuple in it (map_strings makes it a list).
    A string of a subclass of str is taken as its text (the subclass's own equality could merge two in the set);
    a key is taken as it is: every key of an explanation is a plain str, anything else fails the join."""
    seen = {id(data)}
    stack: list = [data]
    strings: set = set()
    add, push, extend = strings.add, stack.append, strings.update
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            extend(value)   # the keys (one that is not a string fails the join below, and map_strings copies)
            value = value.values()
        for item in value:
            kind = type(item)
            if kind is str:
                add(item)
            elif kind is dict or kind is list:
                if id(item) not in seen:
                    seen.add(id(item))
                    push(item)
            elif kind is int or kind is bool or kind is float or item is None:
                continue
            elif isinstance(item, str):
                add(_plain(item))   # its text, compared as text (a subclass's own equality could merge two)
            elif isinstance(item, (dict, list)):
                if id(item) not in seen:
                    seen.add(id(item))
                    push(item)
            elif isinstance(item, tuple):
                raise TypeError("a tuple")
    return strings


_SGR = LazyPattern(r"\x1b\[[0-9;]*m")


def visible_styled(text: str) -> str:
    """`visible` for a text already styled with colours (click.style): SGR colour sequences are kept, every
    other control character (cursor moves, erasing, titles, carriage returns, bidi overrides) is escaped.
    The last line of defence for a command's text output; user text is escaped before styling as well."""
    if not _UNSAFE.search(text):
        return text
    out, last = [], 0
    for m in _SGR.finditer(text):
        out.append(visible(text[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(visible(text[last:]))
    return "".join(out)
