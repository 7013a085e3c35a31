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
