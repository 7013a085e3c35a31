"""Hostile inputs: every one ends in a located diagnostic or a usage error (exit 1 or 2), never a
traceback, within bounded time (the subprocess timeout) and memory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_checkout

LOCATED = re.compile(r"^[^\n:]+:\d+:\d+: error: .+ \[[a-z-]+\]", re.MULTILINE)


def assert_rejected(result, codes=(1, 2), located: bool = True) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.returncode in codes, (result.returncode, result.stderr[-2000:])
    if located and result.returncode == 1:
        assert LOCATED.search(result.stderr), result.stderr[-2000:]


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


HOSTILE_FILES = {
    "binary": bytes(range(256)) * 64,
    "invalid utf-8": b"in_disciplinary_isolator(kunakbaev).\nfamily(kunakbaev, \xff\xfe).\n",
    "long line": b"in_disciplinary_isolator(" + b"k" * 10_000_000 + b"",
    "long valid line": b"family(kunakbaev, " + b"a" * 10_000_000 + b").\n",
    "nested parentheses": b"family(" * 10_000 + b"x" + b")" * 10_000 + b".\n",
    "unclosed string": b'family(kunakbaev, "never closed).\n',
    "only a comment": b"% nothing here",
    "empty": b"",
    "bad date": b"in_disciplinary_isolator(kunakbaev) from 2024-02-30.\n",
    "undeclared": b"no_such_predicate(kunakbaev).\n",
    "variable in a fact": b"in_disciplinary_isolator(X).\n",
    "wrong arity": b"in_disciplinary_isolator(kunakbaev, extra).\n",
    "bom and crlf": b"\xef\xbb\xbfin_disciplinary_isolator(kunakbaev).\r\n",
    "control characters": b"in_disciplinary_isolator(kun\x07akbaev).\n\x1b[31m",
}
LARGE = {"long line", "long valid line", "nested parentheses"}   # megabytes each: the slow tier


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if n in LARGE else n for n in sorted(HOSTILE_FILES)])
def test_hostile_fact_files(tmp_path, name):
    facts = write(tmp_path / "case.facts", HOSTILE_FILES[name])
    result = run_checkout("ask", "call(kunakbaev, P, Purpose)", "--facts", facts, "--at", "2025-01-01")
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1), (result.returncode, result.stderr[-2000:])
    if result.returncode == 1:
        assert_rejected(result)
    check = run_checkout("check", facts)
    assert_rejected(check, codes=(0, 1))


@pytest.mark.slow
def test_100000_facts_with_one_bad_line_at_the_end(tmp_path):
    lines = [f"family(kunakbaev, p{i})." for i in range(100_000)] + ["family(kunakbaev, oops"]
    facts = write(tmp_path / "big.facts", "\n".join(lines) + "\n")
    result = run_checkout("ask", "call(kunakbaev, P, Purpose)", "--facts", facts, "--at", "2025-01-01")
    assert_rejected(result, codes=(1,))
    assert "big.facts:100001:" in result.stderr


@pytest.mark.parametrize("args", [
    ["ask", "call(kunakbaev, P, Purpose)", "--facts", "/no/such/file.facts"],
    ["ask", "call(kunakbaev, P, Purpose)", "--kb", "/no/such/folder"],
    ["check", "/no/such/file.zan"],
    ["ask", "call(kunakbaev, P, Purpose)", "--at", "2024-13-45"],
    ["ask", "call(kunakbaev, P, Purpose)", "--at", "yesterday"],
    ["ask", "call(kunakbaev, P, Purpose)", "--at", ""],
    ["ask", "call(kunakbaev, P, Purpose)", "--lang", "fr"],
    ["ask", "call(kunakbaev, P, Purpose)", "--format", "yaml"],
    ["ask", "call(kunakbaev, P, Purpose)", "--no-such-option"],
    ["no-such-command"],
    ["ask"],
    ["ask", ""],
    ["ask", "call(kunakbaev, P"],
    ["ask", "((((((((((((((((((((x"],
    ["ask", "(" * 10_000 + ")" * 10_000],
    ["ask", "no_such_predicate(X)"],
    ["ask", "call(kunakbaev)"],
    ["ask", "call(kunakbaev, P, Purpose)", "--facts", "."],
    ["query", "no-such-question"],
    ["query", "permitted-calls"],
    ["query", "permitted-calls", "a", "b", "c"],
    ["query", "permitted-calls", "kunakbaev", "--at", "2024-02-30"],
    ["norms", "--at", "0000-00-00"],
])
def test_bad_arguments(args):
    result = run_checkout(*args)
    assert_rejected(result, located=False)


@pytest.mark.slow
def test_a_folder_of_hostile_files(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    for i, data in enumerate(HOSTILE_FILES.values()):
        write(kb / f"f{i}.zan", data)
    result = run_checkout("check", kb)
    assert_rejected(result, codes=(1,))
