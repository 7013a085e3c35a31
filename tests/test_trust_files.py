"""Files Zan follows from other files: only regular files, and a scenario's facts only inside its project
(issue 23, item 9). A FIFO under kb/cases or queries/, or a scenario naming `/dev/stdin`, used to block
`zan check`, `zan test` and the language server; a scenario naming `/etc/passwd` printed its first line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path):
    folder = tmp_path / "law"
    done = subprocess.run([sys.executable, "-m", "engine", "init", str(folder)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return folder


def zan(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """`zan ARGS` in cwd; a command that waits on a FIFO would end in TimeoutExpired (the test fails)."""
    env = dict(os.environ, ZAN_CACHE="0")
    return subprocess.run([sys.executable, "-m", "engine", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=90, stdin=subprocess.PIPE, env=env)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("where", ["kb/cases/waiting.facts", "queries/waiting.zan"])
def test_a_fifo_in_the_project_blocks_nothing(project, where):
    os.mkfifo(project / where)
    for command in (["check"], ["test"], ["ask", "borrow(P, I)", "--at", "2025-03-01", "--facts", "kb/cases/example.facts"],
                    ["query", "may-borrow", "aigerim", "--at", "2025-03-01", "--facts", "kb/cases/example.facts"],
                    ["vocabulary"], ["ask", "Which books may aigerim borrow?", "--at", "2025-03-01", "--facts", "kb/cases/example.facts"]):
        result = zan(project, *command)
        assert result.returncode == 0, (command, result.stderr)


@pytest.mark.parametrize("named,said", [("/etc/passwd", "outside the project"), ("/dev/stdin", "outside the project"),
                                        ("../../../../../../../../etc/hostname", "outside the project")])
def test_a_scenario_reads_no_file_outside_its_project(project, named, said):
    scenario = project / "kb" / "scenarios" / "example.scenario"
    text = scenario.read_text(encoding="utf-8").replace('facts "../cases/example.facts"', f'facts "{named}"', 1)
    scenario.write_text(text, encoding="utf-8")
    result = zan(project, "test")
    assert result.returncode == 1 and said in result.stderr and "[invalid-scenario]" in result.stderr, result.stderr
    assert "root:" not in result.stderr + result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_scenario_naming_a_fifo_in_its_project_is_an_error_at_once(project):
    os.mkfifo(project / "kb" / "cases" / "waiting.facts")
    scenario = project / "kb" / "scenarios" / "example.scenario"
    text = scenario.read_text(encoding="utf-8").replace('"../cases/example.facts"', '"../cases/waiting.facts"', 1)
    scenario.write_text(text, encoding="utf-8")
    result = zan(project, "test")
    assert result.returncode == 1 and "a pipe or FIFO; only regular files are read here" in result.stderr, result.stderr


def test_a_link_out_of_the_project_is_outside_too(project, tmp_path):
    secret = tmp_path / "secret.facts"
    secret.write_text("member(secret_first_line).\n", encoding="utf-8")
    (project / "kb" / "cases" / "linked.facts").symlink_to(secret)
    scenario = project / "kb" / "scenarios" / "example.scenario"
    text = scenario.read_text(encoding="utf-8").replace('"../cases/example.facts"', '"../cases/linked.facts"', 1)
    scenario.write_text(text, encoding="utf-8")
    result = zan(project, "test")
    assert result.returncode == 1 and "outside the project" in result.stderr, result.stderr
