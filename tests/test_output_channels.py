"""Issue 10, items 5, 9, 11, 12, 13: what reaches the terminal and the handout, source rewrites that lose
nothing, names and numbers that mean what they say, and every output channel ending cleanly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from engine.base.text import visible

from conftest import ROOT

AT = "2025-01-15"
EVIL = ('in_disciplinary_isolator(kunakbaev).\n'
        'legal_aid_contract(kunakbaev, "x\x1b[2K\rcall(kunakbaev, adil, legal_aid): permitted '
        '\u202e<script>alert(1)</script><img src=x onerror=alert(2)>") from 2024-01-01.\n')


@pytest.fixture
def evil(tmp_path):
    path = tmp_path / "evil.facts"
    path.write_text(EVIL, encoding="utf-8")
    return path


# ---- item 5: terminal and Markdown injection

def test_text_output_shows_control_and_bidi_characters_as_escapes(zan, evil):
    result = zan("ask", "call(kunakbaev, P, legal_aid)", "--facts", evil, "--at", AT, "--explain")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out
    assert '"x\\x1b[2K\\x0dcall(kunakbaev, adil, legal_aid): permitted \\u202e' in out


def test_markdown_escapes_html(zan, evil):
    result = zan("ask", "call(kunakbaev, P, legal_aid)", "--facts", evil, "--at", AT, "--explain",
                 "--format", "markdown")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b" not in out and "\u202e" not in out
    outside_code = "".join(part for i, part in enumerate(out.split("`")) if i % 2 == 0)
    assert "<script>" not in outside_code and "<img" not in outside_code
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in outside_code


def test_a_backtick_cannot_end_a_code_span(zan, tmp_path):
    case = tmp_path / "tick.facts"
    case.write_text('in_disciplinary_isolator(kunakbaev).\n'
                    'legal_aid_contract(kunakbaev, "a`<img src=x onerror=alert(1)>`b") from 2024-01-01.\n',
                    encoding="utf-8")
    out = zan("ask", "call(kunakbaev, P, legal_aid)", "--facts", case, "--at", AT, "--explain",
              "--format", "markdown").stdout
    assert "``" in out  # the atom is fenced by a longer run of backticks
    for line in out.splitlines():
        if "<img" in line:  # only ever inside a code span fenced by more backticks than it holds
            assert line.count("``") >= 2, line


def test_diagnostics_show_control_characters_as_escapes(zan, tmp_path):
    case = tmp_path / "bad.facts"
    case.write_text('p("\x1b[2Kok\u202e") if q.\n', encoding="utf-8")
    result = zan("ask", "call(a, b, c)", "--facts", case)
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert "\\x1b[2Kok\\u202e" in result.output


def test_visible_keeps_ordinary_text():
    text = "Қазақстан Республикасы, Россия\tе́\n"
    assert visible(text) == text


# ---- item 9: atomic rewrites that keep line endings

def test_fmt_keeps_crlf_line_endings(zan, tmp_path):
    path = tmp_path / "x.facts"
    path.write_bytes(b"foo(a).\r\nbar(b,c).\r\n")
    assert zan("fmt", path).exit_code == 0
    assert path.read_bytes() == b"foo(a).\r\nbar(b, c).\r\n"
    assert zan("fmt", "--check", path).exit_code == 0


def test_fmt_on_a_full_disk_leaves_the_file_whole(zan, tmp_path, monkeypatch):
    import errno

    from engine.base import inputs

    path = tmp_path / "x.facts"
    original = "foo(a).\nbar(b,c).\n" * 500
    path.write_text(original, encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(inputs.os, "fsync", full)
    result = zan("fmt", path)
    assert result.exit_code == 1
    assert "No space left on device" in result.output
    assert path.read_text(encoding="utf-8") == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.facts"]  # no temporary file left


def test_test_update_keeps_crlf(zan, tmp_path):
    scenario = tmp_path / "t.scenario"
    scenario.write_bytes(b'scenario t.one\r\n  en "wrong on purpose"\r\n  at 2025-03-10\r\n  given\r\n'
                         b'    convict(dosov).\r\n    in_disciplinary_isolator(dosov).\r\n    friend(dosov, serik).\r\n'
                         b'  expect call(dosov, serik, social_ties) is permitted.\r\n')
    result = zan("test", scenario, "--update")
    data = scenario.read_bytes()
    assert b"is prohibited" in data, result.output
    assert data.count(b"\n") == data.count(b"\r\n"), "mixed line endings"


# ---- item 11: internal names, numbers

def test_a_variable_named_like_an_internal_one_is_a_variable_of_its_own(tmp_path):
    import datetime

    from engine.pipeline import ask

    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(
        'act law en "Law" kind statute rank 1 in force from 2000-01-01.\n'
        'predicate edge(A, B) en "edge" reads en "{A} to {B}".\n'
        'predicate pair(A, B) en "pair" reads en "{A} and {B}".\n'
        'pair(X, _0_anon) if edge(X, _) and edge(_0_anon, X).\n'
        'edge(a, b).\nedge(c, a).\nedge(a, d).\n', encoding="utf-8")
    result = ask("pair(X, Y)", datetime.date(2025, 1, 1), kb, [])
    assert sorted(t.answer.values for t in result.traces) == [("a", "c")]


def test_saved_question_arguments_are_numbers_when_written_as_numbers(tmp_path):
    import datetime

    from engine.tools.questions import _constant

    assert _constant("20") == 20 and isinstance(_constant("20"), int)
    assert _constant("1.50") == _constant("1.5")
    assert _constant("2025-01-15") == datetime.date(2025, 1, 15)
    assert _constant("Bob") == "Bob" and _constant("20250115") == 20250115


def test_one_number_one_constant(tmp_path):
    from engine.syntax import nodes as n
    from engine.syntax.parser import parse_module

    module = parse_module("p(1).\np(1.0).\np(1.50).\np(-0.0).\n", "x.facts")
    values = [s.head.args[0].value for s in module.statements]
    assert [(v, type(v).__name__) for v in values] == [(1, "int"), (1, "int"), (n.number("1.5"), "Decimal"), (0, "int")]
    assert [str(s.head) for s in module.statements] == ["p(1)", "p(1)", "p(1.5)", "p(0)"]


# ---- item 12: every channel ends cleanly

@pytest.mark.parametrize("fact", ["p(²).", "p(①).", "p(٣).", "p(" + "9" * 5000 + ")."])
def test_odd_numbers_are_located_errors(zan, tmp_path, fact):
    case = tmp_path / "odd.facts"
    case.write_text(fact + "\n", encoding="utf-8")
    result = zan("ask", "call(a, b, c)", "--facts", case)
    assert result.exit_code == 1, result.output
    assert "odd.facts:1:" in result.output and "internal error" not in result.output


def run_zan(*args, env=None, stdout=subprocess.PIPE):
    environment = {**os.environ, "ZAN_CACHE": "0", **(env or {})}
    return subprocess.run([sys.executable, "-m", "engine", *args], cwd=ROOT, env=environment,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=120)


def test_output_channels_end_cleanly():
    """A broken pipe, a full device, a closed stdout, a Latin-1 terminal: quiet, or a clear message; never exit 3."""
    command = f"{sys.executable} -m engine ask 'call(C, P, Purpose)' --at {AT} --explain --format json"
    piped = subprocess.run(["bash", "-c", f"{command} | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"],
                           cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "ZAN_CACHE": "0"})
    assert piped.stdout.strip() == "0" and "Error" not in piped.stderr and "Traceback" not in piped.stderr, piped.stderr

    with open("/dev/full", "w") as full:
        done = run_zan("ask", "call(C, P, Purpose)", "--at", AT, stdout=full)
    assert done.returncode == 1 and b"No space left on device" in done.stderr

    closed = subprocess.run(["bash", "-c", f"{sys.executable} -m engine ask 'call(C, P, Purpose)' --at {AT} >&-"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert closed.returncode == 2 and "standard output is closed" in closed.stderr

    latin = run_zan("ask", "call(C, P, Purpose)", "--at", AT, "--lang", "kk", env={"PYTHONIOENCODING": "latin-1"})
    assert latin.returncode == 2
    assert b"LANG=C.UTF-8" in latin.stderr and b"Traceback" not in latin.stderr


def test_invalid_utf8_on_the_command_line_is_a_usage_error():
    done = subprocess.run([sys.executable, "-m", "engine", "ask", b"call(\xff, P, Q)"], cwd=ROOT,
                          capture_output=True, timeout=60, env={**os.environ, "ZAN_CACHE": "0"})
    assert done.returncode == 2
    assert b"argument 2 is not valid UTF-8" in done.stderr and b"\xff" not in done.stdout


@pytest.mark.parametrize("where", ["click", "engine.pipeline", "pyDatalog"])
def test_ctrl_c_while_starting_prints_no_traceback(where):
    """Ctrl-C while Zan imports its modules (the first ~50 ms), or while it works: exit 130, no traceback.

    The interrupt is raised at a chosen import, so the test does not depend on the machine's speed.
    """
    code = ("import builtins\n"
            "original = builtins.__import__\n"
            "def interrupted(name, *args, **kwargs):\n"
            f"    if name == {where!r}:\n"
            "        raise KeyboardInterrupt\n"
            "    return original(name, *args, **kwargs)\n"
            "builtins.__import__ = interrupted\n"
            "import sys\n"
            f"sys.argv = ['zan', 'ask', 'call(C, P, Purpose)', '--at', '{AT}']\n"
            "from engine.__main__ import run\n"
            "run()\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=120,
                          env={**os.environ, "ZAN_CACHE": "0"})
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert done.returncode == 130


# ---- item 13: dates

@pytest.mark.parametrize("day", ["20250115", "2025-W03-3", "2025-015", "2025-1-15"])
def test_at_accepts_only_yyyy_mm_dd(zan, day):
    result = zan("ask", "call(C, P, Purpose)", "--at", day)
    assert result.exit_code == 2
    assert "write YYYY-MM-DD" in result.output


def test_styled_text_keeps_colours_and_escapes_the_rest():
    import click

    from engine.base.text import visible_styled

    styled = click.style("permitted", fg="green") + " x\x1b[2K\r\u202e\x1b]0;title\x07 y"
    assert visible_styled(styled) == "\x1b[32mpermitted\x1b[0m x\\x1b[2K\\x0d\\u202e\\x1b]0;title\\x07 y"


@pytest.mark.parametrize("fmt", ["dot", "html"])
def test_every_rendered_format_is_free_of_control_characters(zan, evil, fmt):
    result = zan("ask", "call(kunakbaev, P, legal_aid)", "--facts", evil, "--at", AT, "--explain", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\r" not in result.stdout and "\u202e" not in result.stdout


def test_the_web_api_accepts_only_yyyy_mm_dd():
    app = pytest.importorskip("engine.serve.app")
    assert str(app._date("2025-01-15", "at")) == "2025-01-15"
    for day in ("20250115", "2025-W03-3"):
        with pytest.raises(app.BadRequest):
            app._date(day, "at")
