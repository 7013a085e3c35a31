"""The installed command (`pip install .`, not the checkout) answers the flagship question from any folder."""

import json

from conftest import run_installed


def test_flagship_from_a_foreign_folder(zan_bin, tmp_path):
    done = run_installed(zan_bin, "query", "permitted-calls", "kunakbaev", "--at", "2025-01-15", "--explain", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "call(kunakbaev, ospanov, legal_aid): permitted" in out
    assert "cc60.1.legal_aid.contract (cc60 1)" in out
    assert "constitution 13.3" in out and "constitution 39.3" in out
    # the isolator's ban is read narrowly by the Court's binding interpretation (issue 9), not defeated by specialis
    assert "pec.134.1.2.calls (pec 134.1.2)" in out and "in the binding interpretation of cc60" in out
    assert "cc60.2 (cc60 2)" in out and "lex specialis" not in out


def test_flagship_before_the_ruling_is_prohibited(zan_bin, tmp_path):
    done = run_installed(zan_bin, "ask", "call(kunakbaev, ospanov, legal_aid)", "--at", "2024-12-26",
                         "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (answer,) = json.loads(done.stdout)["answers"]
    assert answer["status"] == "prohibited"
    assert answer["citations"][0] == "pec 134.1.2"


def test_installed_check_and_norms(zan_bin, tmp_path):
    done = run_installed(zan_bin, "check", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    done = run_installed(zan_bin, "norms", "--at", "2025-01-15", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "cc60 1" in done.stdout
    before = run_installed(zan_bin, "norms", "--at", "2024-12-26", cwd=tmp_path)
    assert "cc60 1" not in before.stdout


def test_installed_error_is_a_diagnostic_not_a_traceback(zan_bin, tmp_path):
    (tmp_path / "bad.facts").write_text("in_disciplinary_isolator(k\n", encoding="utf-8")
    done = run_installed(zan_bin, "ask", "call(k, P, U)", "--facts", "bad.facts", cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("bad.facts:")
