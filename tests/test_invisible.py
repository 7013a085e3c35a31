"""Characters a terminal shows as nothing are written as escapes in text output and diagnostics (issue 23,
item 9): `ospanov` and `ospa\u200bnov` are two constants, and must not print the same."""

from __future__ import annotations

import pytest

from engine.base.text import visible

AT = "2025-01-15"
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u2063", "\ufe0f", "\u3164",
             "\U000e0041"]


@pytest.mark.parametrize("char", INVISIBLE)
def test_visible_escapes_what_a_terminal_would_not_show(char):
    shown = visible(f"ospa{char}nov")
    assert char not in shown and shown.startswith("ospa\\") and shown.endswith("nov")


def test_visible_keeps_letters_of_every_language_of_the_kb():
    text = "Қазақстан Республикасы: құқық, ғ, ү, ұ, і, һ; Россия ё й; café naïve"
    assert visible(text) == text


def test_an_answer_with_a_hidden_character_shows_it(zan, tmp_path):
    case = tmp_path / "hidden.facts"
    case.write_text('in_disciplinary_isolator(kunakbaev).\n'
                    'legal_aid_contract(kunakbaev, "ospa\u200bnov") from 2024-01-01.\n', encoding="utf-8")
    result = zan("ask", "call(kunakbaev, P, legal_aid)", "--facts", case, "--at", AT, "--explain")
    assert result.exit_code == 0, result.output
    assert "\u200b" not in result.stdout and "ospa\\u200bnov" in result.stdout


def _unsafe_characters():
    from engine.base.text import _UNSAFE

    return [chr(c) for c in range(0x110000) if not 0xd800 <= c <= 0xdfff and _UNSAFE.match(chr(c))]


def test_the_data_is_escaped_as_map_strings_would_escape_it():
    """visible_data (the data itself when nothing in it needs escaping) gives what map_strings(…, visible) gives:
    for every character visible escapes, in a value and in a key, and for tuples (the copy's lists), keys that
    are not strings, NaN, a container met twice."""
    from engine.base.text import map_strings, visible_data

    shared = {"norm": "pec 134.1.2"}
    documents = [{"answers": [{"atom": f"call(a, \"x{c}y\", b)", "trace": [shared, shared]}], f"k{c}": 1}
                 for c in _unsafe_characters()]
    documents += [{f"k{c}": [1]} for c in "\x1b\u202e"] + [[["x\x1by"]]]
    documents += [{"a": ("x", "y")}, {1: "one"}, {"a": "\\b \\u0001 \n"}, {"a": float("nan")}, "plain", "x\x1by", [], {}, 3,
                  None, {"a": [shared, {"b": shared}], "ok": "Қазақстан\n\tcafé"}]

    class Same(str):   # a string whose own equality merges every two: each is still searched by its text
        def __eq__(self, other):
            return True

        def __hash__(self):
            return 0

    documents += [{"a": Same("x"), "b": Same("y\x1b"), "c": "x"}, ["same", "same", {"k": "same\u202e"}, "same"]]
    for document in documents:
        assert repr(visible_data(document)) == repr(map_strings(document, visible))


def test_data_with_nothing_to_escape_is_not_copied(monkeypatch):
    from engine.base import text

    monkeypatch.setattr(text, "map_strings", lambda *a: pytest.fail("map_strings was not needed"))
    shared = ["Қазақстан", 1, None, True, 2.5]
    document = {"answers": [{"atom": "call(kunakbaev, ospanov, legal_aid)", "trace": shared}], "more": [shared]}
    assert text.visible_data(document) is document
