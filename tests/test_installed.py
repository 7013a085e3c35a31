"""The installed command (`pip install .`, not the checkout) answers the flagship question from any folder.

The only tests of the installed copy: every other test runs the checkout (tests/conftest.py).
"""

import json
import re
import subprocess
import sys
import time
import tomllib
import urllib.request

import pytest

from conftest import ROOT, run_installed
from test_project import NEW_LAW


def test_flagship_from_a_foreign_folder(installed_zan, tmp_path):
    done = run_installed(installed_zan, "query", "permitted-calls", "kunakbaev", "--at", "2025-01-15", "--explain", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "call(kunakbaev, ospanov, legal_aid): permitted" in out
    assert "cc60.1.legal_aid.contract (cc60 1)" in out
    assert "constitution 13.3" in out and "constitution 39.3" in out
    # the isolator's ban is read narrowly by the Court's binding interpretation (issue 9), not defeated by specialis
    assert "pec.134.1.2.calls (pec 134.1.2)" in out and "in the binding interpretation of cc60" in out
    assert "cc60.2 (cc60 2)" in out and "lex specialis" not in out


def test_flagship_before_the_ruling_is_prohibited(installed_zan, tmp_path):
    done = run_installed(installed_zan, "ask", "call(kunakbaev, ospanov, legal_aid)", "--at", "2024-12-26",
                         "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (answer,) = json.loads(done.stdout)["answers"]
    assert answer["status"] == "prohibited"
    assert answer["citations"][0] == "pec 134.1.2"


def test_installed_check_and_norms(installed_zan, tmp_path):
    done = run_installed(installed_zan, "check", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    done = run_installed(installed_zan, "norms", "--at", "2025-01-15", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "cc60 1" in done.stdout
    before = run_installed(installed_zan, "norms", "--at", "2024-12-26", cwd=tmp_path)
    assert "cc60 1" not in before.stdout


def test_installed_error_is_a_diagnostic_not_a_traceback(installed_zan, tmp_path):
    (tmp_path / "bad.facts").write_text("in_disciplinary_isolator(k\n", encoding="utf-8")
    done = run_installed(installed_zan, "ask", "call(k, P, U)", "--facts", "bad.facts", cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("bad.facts:")


def test_the_installed_command_reads_the_project_not_its_copy(installed_zan, tmp_path):
    """What a rule author does after `bash run demo`: edit the law, run the installed zan in the folder."""
    folder = tmp_path / "law"
    assert run_installed(installed_zan, "init", folder).returncode == 0
    (folder / "kb" / "overdue.zan").write_text(NEW_LAW, encoding="utf-8")
    (folder / "kb" / "cases" / "late.facts").write_text("member(a).\nbook(b).\noverdue(a).\n", encoding="utf-8")
    done = run_installed(installed_zan, "ask", "borrow(a, b)", "--facts", "kb/cases/late.facts", "--at", "2025-03-01",
                         cwd=folder)
    assert done.returncode == 0, done.stderr
    assert "prohibited" in done.stdout and "example 3" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "kb: kb (project zan.toml)"


def test_the_installed_command_runs_its_installed_copy(installed_zan, tmp_path):
    """Without PYTHONPATH the script's interpreter imports the copy `pip install .` made, not the checkout."""
    python = installed_zan.rsplit("/", 1)[0] + "/python"
    done = run_installed(python, "-c", "import engine; print(engine.__file__)", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not done.stdout.strip().startswith(str(ROOT) + "/engine"), done.stdout


def test_every_other_test_runs_the_checkout(tmp_path):
    """In this process and in any subprocess, from any folder, `engine` is the checkout's (tests/conftest.py)."""
    import engine
    assert engine.__file__.startswith(str(ROOT / "engine"))
    done = subprocess.run([sys.executable, "-c", "import engine; print(engine.__file__)"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().startswith(str(ROOT / "engine")), done.stdout


def test_the_installed_page_opens_on_the_bundled_laws_question(installed_zan, tmp_path):
    """`zan serve` from an empty folder, with no project around, opens on the question and date of the bundled law's
    own settings: the checkout's zan.toml, installed as <prefix>/share/zan/zan.toml (setup.cfg's data_files)."""
    import os

    pytest.importorskip("starlette")
    written = tomllib.loads((ROOT / "zan.toml").read_text(encoding="utf-8"))["project"]
    python = installed_zan.rsplit("/", 1)[0] + "/python"
    done = run_installed(python, "-c", "import sys; from engine.base.resources import bundled_settings; "
                         "print(bundled_settings(), sys.prefix, sep=chr(10))", cwd=tmp_path)
    settings, prefix = done.stdout.split()
    assert settings == f"{prefix}/share/zan/zan.toml", done.stdout
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    process = subprocess.Popen([installed_zan, "serve", "--port", "0"], cwd=tmp_path, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        announced = process.stderr.readline()      # "zan serve: http://127.0.0.1:PORT/ (Ctrl+C to stop); kb: ..."
        url = re.search(r"http://\S+/", announced)
        assert url and "bundled" in announced, announced + process.stderr.read()
        deadline = time.monotonic() + 60
        while True:
            try:
                html = urllib.request.urlopen(url.group(0), timeout=10).read().decode()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "zan serve did not answer"
                time.sleep(0.2)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert f'id="query" size="40" value="{written["page_question"]}"' in html
    assert f'id="at" value="{written["page_date"]}"' in html
