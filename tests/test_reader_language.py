"""What a question-asker reads under --lang kk|ru is in that language: the diagnostics' frame ("error", "hint",
"N errors"), the "kb:" line, the messages of asking (question syntax, saved questions, --at, usage errors) and
the not-understood/unknown-name messages (engine/base/messages.py, engine/explain/i18n.py)."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from engine.base.diagnostics import Diagnostic
from engine.base.messages import LANGUAGES, MESSAGES, errors_line, message
from engine.base.source import Span

ROOT = Path(__file__).resolve().parent.parent

# English words of the frame and of the asking messages that must not reach a kk or ru reader
ENGLISH = re.compile(r"\bkb:|\b(error|errors|warning|hint|note|Usage|Error|Invalid value|Try|no saved question|takes|"
                     r"given|is not a date|the question|could not place|did you mean|knowledge base)\b")


def _fields(text: str) -> set[str]:
    return {f for _t, f, _s, _c in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_in_every_language_with_the_same_placeholders(key):
    forms = MESSAGES[key]
    assert set(forms) == set(LANGUAGES)
    english = _fields(forms["en"]) - {"detail"}  # the parser's own (English) detail is said only in English
    for language in ("kk", "ru"):
        assert _fields(forms[language]) <= _fields(forms["en"])
        assert english <= _fields(forms[language]) | {"detail"}, (key, language)


def test_the_frame_in_the_readers_language():
    d = Diagnostic("not-understood", "сөз", Span("<question>", 1, 1), hint="кеңес мәтіні")
    assert d.render({}, "kk").startswith("<question>:1:1: қате: сөз [not-understood]")
    assert "  нұсқау: кеңес мәтіні" in d.render({}, "kk")
    assert d.render({}, "ru").startswith("<question>:1:1: ошибка: ")
    assert d.render({}) == d.render({}, "en") and "error: " in d.render({})
    assert [errors_line(n, "ru") for n in (1, 2, 5, 11, 21, 22)] == \
        ["1 ошибка", "2 ошибки", "5 ошибок", "11 ошибок", "21 ошибка", "22 ошибки"]
    assert errors_line(1, "en") == "1 error" and errors_line(3, "en") == "3 errors"
    assert message("unknown question", "ru", name="x") != message("unknown question", "en", name="x")


def _zan(*args):
    out = subprocess.run([sys.executable, "-m", "engine", *args], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    return out.returncode, out.stdout, out.stderr


CASES = [
    (("ask", "call(kunakbaev, P"), 1, "question-syntax"),
    (("ask", "calls(kunakbaev, P, Q)"), 1, "invalid-query"),
    (("ask", "call(kunakbaev, P)"), 1, "invalid-query"),
    (("query", "permited-calls", "kunakbaev"), 1, "unknown-question"),
    (("query", "permitted-calls"), 1, "question-arguments"),
    (("ask", "call(kunakbaev, P, Q)", "--at", "2025-13-01"), 2, None),
    (("query", "permitted-calls", "kunakbaev", "--at", "2025-01-15", "--answer", "40"), 2, None),
]


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("args,code,diagnostic", CASES)
def test_what_an_asker_meets_is_in_the_language(language, args, code, diagnostic):
    rc, out, err = _zan(*args, "--lang", language)
    assert rc == code, err
    assert not ENGLISH.findall(err.replace(f"[{diagnostic}]", "")), err
    if diagnostic:
        assert f"[{diagnostic}]" in err
        assert message("error", language) + ":" in err
        assert err.rstrip().splitlines()[-1].startswith(message("kb project", language, where="", file="")[:5])
    else:
        assert err.startswith(message("error", language) + ": ")


def test_a_question_in_words_not_understood_speaks_its_own_language():
    rc, out, err = _zan("ask", "Какие письма разрешены Кунакбаеву?")  # no --lang; the project says en
    assert rc == 1
    assert "ошибка:" in err and "подсказка:" in err and "1 ошибка" in err and "база знаний:" in err
    assert not ENGLISH.findall(err.replace("[not-understood]", "")), err


def test_english_is_unchanged():
    rc, out, err = _zan("query", "permited-calls", "kunakbaev", "--lang", "en")
    assert rc == 1
    assert "error: no saved question named 'permited-calls' [unknown-question]" in err
    assert "hint: did you mean permitted-calls?" in err and "\n1 error\n" in err and "kb: kb (project" in err
