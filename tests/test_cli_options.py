"""The options several commands share are declared once (engine/cli/__init__.py: lang_option, kb_option,
reading_option, facts_option), so every command that takes one takes it the same way: --lang defaults to
the project's lang, --kb must be an existing folder, --reading defaults to the project's readings."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import click
import pytest

from conftest import ROOT

SHARED = ("--lang", "--kb", "--reading", "--facts")


def test_each_shared_option_is_declared_once():
    declared = []
    for module in ("__init__.py", "commands.py"):   # the commands of both modules
        tree = ast.parse((ROOT / "engine" / "cli" / module).read_text(encoding="utf-8"))
        declared += [node.args[0].value for node in ast.walk(tree)
                     if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "option"
                     and node.args and isinstance(node.args[0], ast.Constant)]
    assert {name: declared.count(name) for name in SHARED} == {name: 1 for name in SHARED}


def _commands():
    from engine.cli import main

    with click.Context(main) as ctx:   # every command, the lazy ones loaded
        return [(name, main.get_command(ctx, name)) for name in main.list_commands(ctx)]


def test_zan_help_lists_every_command_with_its_own_short_help():
    """`zan --help` takes the short help of the commands not loaded from `LAZY`: the same text as the commands'
    own, at any width, and the same page as a plain click group holding every command writes."""
    from engine.cli import LAZY, main

    commands = dict(_commands())
    assert set(LAZY) <= set(commands) and {"ask", "query"} <= set(commands) and len(commands) >= 15
    for name, (_attribute, short) in LAZY.items():
        for limit in (20, 45, 60, 74, 200, 10_000):
            assert click.Command(name, help=short).get_short_help_str(limit) == commands[name].get_short_help_str(limit), name
    plain = click.Group("zan", commands=commands, params=main.params, help=main.help,
                        context_settings={"help_option_names": ["-h", "--help"]})
    for width in (60, 80, 120):
        lazy_page = main.get_help(click.Context(main, info_name="zan", terminal_width=width, max_content_width=width,
                                                help_option_names=["-h", "--help"]))
        plain_page = plain.get_help(click.Context(plain, info_name="zan", terminal_width=width, max_content_width=width,
                                                  help_option_names=["-h", "--help"]))
        assert lazy_page == plain_page and "vocabulary" in lazy_page



@pytest.mark.parametrize("option", SHARED)
def test_every_command_takes_a_shared_option_the_same_way(option):
    seen = {}
    for name, command in _commands():
        for param in command.params:
            if option in getattr(param, "opts", ()):
                seen[name] = (type(param.type).__name__, getattr(param.type, "exists", None), param.default,
                              param.is_eager, param.callback)
    assert len(seen) >= 2, seen
    assert len(set(seen.values())) == 1, seen


def test_exercises_follows_the_project_lang(tmp_path, monkeypatch, zan):
    """--lang's default is the project's lang for every command (exercises used to be English always)."""
    (tmp_path / "zan.toml").write_text(f'[project]\nkb = "{ROOT / "kb"}"\nscenarios = []\nlang = "ru"\n',
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = zan("exercises", "--count", "1", "--seed", "1", "--format", "json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout) == json.loads(zan("exercises", "--count", "1", "--seed", "1", "--format", "json",
                                                     "--lang", "ru").stdout)


@pytest.mark.parametrize("command", [["norms"], ["test"], ["exercises", "--count", "1"], ["vocabulary"]])
def test_a_kb_that_is_not_a_folder_is_a_usage_error(zan, tmp_path, command):
    done = zan(*command, "--kb", str(Path(tmp_path) / "nowhere"))
    assert done.exit_code == 2 and "--kb" in done.output, done.output
