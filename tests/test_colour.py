"""Colour only on a terminal that wants it (issue 24, item 4): a failing scenario's actual derivation never
prints escaped colour codes (`\\x1b[1m` as text), and NO_COLOR (https://no-color.org) turns colour off."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import run_checkout


@pytest.fixture
def failing_project(tmp_path, zan, monkeypatch):
    folder = tmp_path / "law"
    assert zan("init", str(folder)).exit_code == 0
    scenario = folder / "kb" / "scenarios" / "example.scenario"
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(text.replace("expect borrow(aigerim, abai_path) is permitted",
                                     "expect borrow(aigerim, abai_path) is prohibited", 1), encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def test_a_failing_scenario_prints_no_escaped_colour_codes(failing_project, zan):
    result = zan("test")
    assert result.exit_code == 1
    assert "actual derivation:" in result.stdout
    assert "\\x1b" not in result.stdout and "\x1b" not in result.stdout, result.stdout


def test_the_command_into_a_pipe_prints_plain_text(failing_project):
    done = run_checkout("test", cwd=failing_project)
    assert done.returncode == 1 and "actual derivation:" in done.stdout
    assert "\\x1b" not in done.stdout and "\x1b" not in done.stdout


def test_colour_on_a_terminal_unless_no_color(failing_project):
    from engine.cli import main

    coloured = CliRunner().invoke(main, ["test"], color=True, env={"NO_COLOR": ""})
    assert "\x1b[1m" in coloured.stdout and "\\x1b" not in coloured.stdout   # a terminal: real colour codes
    plain = CliRunner().invoke(main, ["test"], color=True, env={"NO_COLOR": "1"})
    assert "actual derivation:" in plain.stdout and "\x1b" not in plain.stdout
    asked = CliRunner().invoke(main, ["ask", "borrow(aigerim, abai_path)", "--at", "2025-03-01"], color=True,
                               env={"NO_COLOR": "1"})
    assert "borrow(aigerim, abai_path)" in asked.stdout and "\x1b" not in asked.stdout
