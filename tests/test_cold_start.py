"""What a cold question pays for (issue 25, item 5; docs/performance.md): a question as an atom, with the law in
the cache, imports neither the parser nor the modules of the other paths. Not timed: the modules are counted."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

# Imported by none of a cached atom question's steps (each is imported where it is needed).
NOT_IMPORTED = ["lark", "engine.syntax.parser", "engine.tools.understanding", "engine.logic.sets", "difflib", "html",
                "hashlib", "_hashlib", "pickle", "engine.checks.variables", "engine.explain.render.as_json",
                "engine.explain.render.as_html", "engine.cli.commands",
                "engine.explain.render.as_according"]

REPORT = ("import atexit, runpy, sys\n"
          "atexit.register(lambda: sys.stderr.write('MODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
          "sys.argv = ['zan', *sys.argv[1:]]\n"
          "runpy.run_module('engine', run_name='__main__')\n")


def modules_of_a_question(tmp_path, *args: str) -> set[str]:
    return modules_of_a_command(tmp_path, "ask", *args)


def modules_of_a_command(tmp_path, *args: str) -> set[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "ZAN_CACHE": "1"}
    for _ in range(2):   # the first fills the cache
        done = subprocess.run([sys.executable, "-c", REPORT, *args], capture_output=True, text=True, env=env,
                              cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES "))
    return set(line.split()[1:])


def test_a_cached_question_imports_only_what_it_uses(tmp_path):
    modules = modules_of_a_question(tmp_path, "call(kunakbaev, P, Purpose)", "--at", "2025-03-10", "--explain")
    assert "engine.pipeline" in modules and "pyDatalog" in modules   # it did answer
    assert sorted(m for m in NOT_IMPORTED if m in modules) == []


def test_zan_help_lists_the_commands_without_importing_them(tmp_path):
    """The commands other than ask and query (engine/cli/commands.py) are imported when one of them runs, not to list
    them (`engine.cli.LAZY`; tests/test_cli_options.py checks the listing against the commands)."""
    assert "engine.cli.commands" not in modules_of_a_command(tmp_path, "--help")
    assert "engine.cli.commands" in modules_of_a_command(tmp_path, "cache", "--help")
