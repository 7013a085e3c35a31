"""`zan fmt`: the canonical layout is idempotent, keeps every comment and token, and kb/ is in it (CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from engine.syntax.formatter import format_text, same_meaning

MESSY = """\
% header comment


act pec   kk "к"  rank 50 in force from 2015-01-01 . % trailing on act
predicate call(C,P,   Purpose) en "call"
  % comment inside predicate
  reads en "{C} calls {P}"   asked over contact(C,P) and purpose(Purpose).
norm pec.1 cites "pec 1"
   kk "text \\"quoted\\""
   exception to pec.2,pec.3
   prohibited call(C,P,U) if in_isolator(C)   % why
   % before the second condition
   and contact(C,P) and U != legal_aid.
contact(C,P)if friend(C,P).
fact(a).   fact(b).
fact(c, "x", 2024-01-01, -3.5) from 2024-01-01 to 2024-02-01.
norm pec.2.
% final
"""

CANONICAL = """\
% header comment

act pec
  kk "к"
  rank 50
  in force from 2015-01-01.  % trailing on act

predicate call(C, P, Purpose)
  en "call"
  % comment inside predicate
  reads en "{C} calls {P}"
  asked over contact(C, P) and purpose(Purpose).

norm pec.1
  cites "pec 1"
  kk "text \\"quoted\\""
  exception to pec.2, pec.3
  prohibited call(C, P, U)
  if in_isolator(C)  % why
  % before the second condition
  and contact(C, P)
  and U != legal_aid.

contact(C, P) if friend(C, P).
fact(a).
fact(b).
fact(c, "x", 2024-01-01, -3.5) from 2024-01-01 to 2024-02-01.
norm pec.2.
% final
"""


def test_canonical_layout():
    assert format_text(MESSY) == CANONICAL


def test_idempotent_and_meaning_preserving():
    once = format_text(MESSY)
    assert format_text(once) == once
    assert same_meaning(MESSY, once)


def test_every_comment_is_kept():
    kept = [line.strip() for line in CANONICAL.splitlines() if "%" in line]
    assert [c[c.index("%"):] for c in kept] == [
        "% header comment", "% trailing on act", "% comment inside predicate", "% why",
        "% before the second condition", "% final"]


def test_a_long_definition_is_split_a_short_one_is_not():
    long = "contact(C, P) if " + " and ".join(f"condition_number_{i}(C, P)" for i in range(5)) + ".\n"
    assert format_text(long).splitlines()[1] == "if condition_number_0(C, P)"
    assert format_text("p(X) if q(X) and r(X).\n") == "p(X) if q(X) and r(X).\n"


@pytest.mark.parametrize("folder", ["kb", "queries"])
def test_the_bundled_files_are_in_canonical_layout(zan, folder, monkeypatch):
    """CI runs `zan fmt --check kb queries` through this test."""
    monkeypatch.chdir(ROOT)
    result = zan("fmt", "--check", folder)
    assert result.exit_code == 0, result.output


def test_check_reports_a_diff_and_changes_nothing(tmp_path, zan, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("law.zan").write_text(MESSY, encoding="utf-8")
    result = zan("fmt", "--check", "law.zan")
    assert result.exit_code == 1
    assert result.stdout.startswith("law.zan: would be reformatted\n--- law.zan\n+++ law.zan (formatted)\n")
    assert "+  asked over contact(C, P) and purpose(Purpose)." in result.stdout
    assert Path("law.zan").read_text(encoding="utf-8") == MESSY


def test_fmt_rewrites_in_place(tmp_path, zan, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("cases").mkdir()
    Path("cases/a.facts").write_text("friend(a,b).  friend(a,c).\n", encoding="utf-8")
    result = zan("fmt", "cases")
    assert result.exit_code == 0
    assert Path("cases/a.facts").read_text(encoding="utf-8") == "friend(a, b).\nfriend(a, c).\n"
    assert zan("fmt", "--check", "cases").exit_code == 0


def test_a_syntax_error_is_a_located_diagnostic(tmp_path, zan, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("bad.zan").write_text("friend(a, b)\nfriend(a, c).\n", encoding="utf-8")
    result = zan("fmt", "--check", "bad.zan")
    assert result.exit_code == 1
    assert result.stderr.startswith("bad.zan:1:13: error: ")
    assert "  friend(a, b)\n" in result.stderr
    assert "[syntax]" in result.stderr
    assert "Traceback" not in result.output
