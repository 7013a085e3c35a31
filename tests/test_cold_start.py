"""What a cold question pays for (issue 25, item 5; docs/performance.md): a question as an atom, with the law in
the cache, imports neither the parser nor the modules of the other paths. Not timed: the modules are counted."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

# Imported by none of a cached atom question's steps (each is imported where it is needed).
NOT_IMPORTED = ["lark", "engine.syntax.parser", "engine.tools.understanding", "engine.logic.sets", "difflib", "html",
                "hashlib", "_hashlib", "pickle", "tomllib", "pyDatalog.pyDatalog", "engine.checks.variables",
                "engine.explain.render.as_json",
                "engine.explain.render.as_html", "engine.cli.commands",
                "engine.explain.render.as_according", "pathlib", "urllib.parse", "ipaddress",
                # a declared predicate with its arity needs no check (pipeline.check_query); a pyDatalog model records
                # no derivations (engine/explain/proof.py); text escapes user text without the formats' escapes
                "engine.checks", "engine.checks.names", "engine.logic.derivations", "engine.explain.render.escape",
                "engine.explain.morphology",   # English is said as written: nothing is declined
                "locale",   # gettext's first look-up imports it: zan makes click's help, version and path words itself
                # the messages of reading and checking a law, the words of the tools around an explanation
                "engine.base.checking_messages", "engine.explain.tool_words"]

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


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_cached_question_in_another_language_imports_no_catalogue_it_does_not_use(tmp_path, language):
    """The messages of checking (engine/base/checking_messages.py) and the tools' words (engine/explain/tool_words.py)
    are a question's in no language: a Russian or Kazakh question imports them no more than an English one."""
    modules = modules_of_a_question(tmp_path, "call(kunakbaev, P, Purpose)", "--at", "2025-03-10", "--explain",
                                    "--lang", language)
    assert "engine.pipeline" in modules
    assert not {"engine.base.checking_messages", "engine.explain.tool_words"} & modules


def test_a_question_with_a_case_that_passes_the_checks_says_no_message_of_checking(tmp_path):
    """A question with `--facts` runs the checks on its case; a check says a place ("the conclusion", "a condition of
    n", "in this norm"), a note or a condition's position only for a diagnostic it makes (engine/checks/safety.py,
    variables.py, validity.py, readings.py), so a case without one imports no message of checking."""
    modules = modules_of_a_question(tmp_path, "call(bekov, daulet, social_ties)", "--facts",
                                    "kb/cases/example5-no-death-certificate.facts", "--at", "2025-03-10", "--explain")
    assert "engine.checks.safety" in modules and "engine.checks.readings" in modules   # the checks did run
    assert "engine.base.checking_messages" not in modules


HELD = ("import atexit, runpy, sys\n"
        "def held(key):\n"
        "    return any(isinstance(value, dict) and key in value for module in list(sys.modules.values())\n"
        "               for value in list(vars(module).values()))\n"
        "keys = ['correct the date', 'no such file', 'cases individual query', 'diff title']\n"
        "atexit.register(lambda: sys.stderr.write('HELD ' + ' '.join(k.replace(' ', '_') for k in keys if held(k)) + '\\n'))\n"
        "sys.argv = ['zan', *sys.argv[1:]]\n"
        "runpy.run_module('engine', run_name='__main__')\n")


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_cached_question_holds_no_message_of_checking_nor_word_of_the_tools(tmp_path, language):
    """What a question's catalogues hold: the messages of asking and the explanation's words, not those of checking
    a law (a check's code, a file not found) nor those of `zan cases` or `zan diff` (engine/base/checking_messages.py,
    engine/explain/tool_words.py). Before, every one was made by each question, in every language."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "ZAN_CACHE": "1"}
    for _ in range(2):   # the first fills the cache
        done = subprocess.run([sys.executable, "-c", HELD, "ask", "call(kunakbaev, P, Purpose)", "--at", "2025-03-10",
                               "--explain", "--lang", language], capture_output=True, text=True, env=env, cwd=ROOT,
                              timeout=120)
        assert done.returncode == 0 and done.stdout, done.stderr
    assert next(line for line in done.stderr.splitlines() if line.startswith("HELD")).split()[1:] == []


def test_the_catalogues_in_two_modules_are_one_catalogue():
    """A message or a word is said the same wherever it lives: no key in both modules (the first would hide the
    second), `MESSAGES` and `WORDS` hold every one, a message of checking made without a language is said again in
    each, and the controlled language's tables are i18n's as before."""
    from engine.base import checking_messages, messages
    from engine.explain import i18n, tool_words

    assert not messages.ASKING.keys() & checking_messages.CHECKING.keys()
    assert not i18n.EXPLANATION_WORDS.keys() & tool_words.TOOL_WORDS.keys()
    assert messages.MESSAGES == {**messages.ASKING, **checking_messages.CHECKING}
    assert i18n.WORDS == {**i18n.EXPLANATION_WORDS, **tool_words.TOOL_WORDS}
    for key, forms in checking_messages.CHECKING.items():
        if "{" not in "".join(forms.values()):
            said = messages.message(key)
            assert [said.to(language) for language in ("kk", "ru")] == [forms["kk"], forms["ru"]] and said == forms["en"]
    for key, forms in tool_words.TOOL_WORDS.items():
        if "{" not in "".join(forms.values()):
            assert [i18n.word(key, language) for language in ("kk", "ru", "en")] == [forms["kk"], forms["ru"], forms["en"]]
    assert i18n.word("no such word", "ru") == "no such word"
    assert i18n.QUESTION_WORDS is tool_words.QUESTION_WORDS and i18n.CONJUNCTIONS is tool_words.CONJUNCTIONS
    with pytest.raises(AttributeError):
        getattr(i18n, "NOTHING")
    with pytest.raises(AttributeError):
        getattr(messages, "NOTHING")


def test_a_saved_question_and_the_other_commands_make_their_help_option_as_a_question_does(tmp_path):
    """`zan query` (engine/cli/commands.py) makes its options as `ask` does, without click's gettext (no `locale`);
    so does every other command and `zan cache`'s group. Its saved questions' files are parsed as the law is, from the
    cache when parsed before (engine/tools/questions.py): no lark either."""
    modules = modules_of_a_command(tmp_path, "query", "permitted-calls", "kunakbaev", "--at", "2025-01-15")
    assert "engine.cli.commands" in modules and "engine.tools.questions" in modules
    assert not {"locale", "lark", "engine.syntax.parser"} & modules
    import click

    from engine.cli import CommandGroup, PathParamType, ZanCommand, main

    with click.Context(main) as ctx:
        commands = {name: main.get_command(ctx, name) for name in main.list_commands(ctx)}
    assert all(isinstance(command, ZanCommand | CommandGroup) for command in commands.values()), commands
    assert all(isinstance(command, ZanCommand) for command in commands["cache"].commands.values())
    paths = [param.type for command in commands.values() for param in command.params
             if isinstance(param.type, click.Path)]
    assert len(paths) >= 8 and all(type(path) is PathParamType for path in paths)


def test_a_question_in_words_asked_again_imports_no_grammar(tmp_path):
    """The saved questions a question in words is understood with (`understanding.knowledge`) are parsed as the law
    is, from the cache when parsed before (`questions.saved`): the grammar is not imported to read them again."""
    modules = modules_of_a_question(tmp_path, "Which calls are permitted for Kunakbayev on 15 January 2025?")
    assert "engine.tools.understanding" in modules and "engine.tools.questions" in modules
    assert not {"lark", "engine.syntax.parser", "difflib"} & modules   # difflib: a word not placed has guesses


def test_zan_help_lists_the_commands_without_importing_them(tmp_path):
    """The commands other than ask and query (engine/cli/commands.py) are imported when one of them runs, not to list
    them (`engine.cli.LAZY`; tests/test_cli_options.py checks the listing against the commands)."""
    assert "engine.cli.commands" not in modules_of_a_command(tmp_path, "--help")
    assert "engine.cli.commands" in modules_of_a_command(tmp_path, "cache", "--help")


BUILT = ("import atexit, runpy, sys\n"
         "atexit.register(lambda: sys.stderr.write('BUILT ' + ' '.join(sorted(sys.modules['engine.cli'].main.commands))"
         " + '\\n'))\n"
         "sys.argv = ['zan', *sys.argv[1:]]\n"
         "runpy.run_module('engine', run_name='__main__')\n")


def test_a_question_builds_no_command_but_ask(tmp_path):
    """`query` is one of the lazy commands (`engine.cli.LAZY`, in engine/cli/commands.py): a question does not build
    its options (~0.4 ms of a cold question); `zan query` still runs it."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "ZAN_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", BUILT, "ask", "call(kunakbaev, P, Purpose)", "--at", "2025-03-10"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert next(line for line in done.stderr.splitlines() if line.startswith("BUILT ")).split()[1:] == ["ask"]
    done = subprocess.run([sys.executable, "-c", BUILT, "query", "permitted-calls", "kunakbaev", "--at", "2025-01-15"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and "permitted" in done.stdout, done.stderr
    assert next(line for line in done.stderr.splitlines() if line.startswith("BUILT ")).split()[1:] == ["ask", "query"]


TEARDOWN = ("import atexit, os, sys, types\n"
            "probe = types.ModuleType('probe')\n"
            "sys.modules['probe'] = probe\n"
            "class Teardown:\n"
            "    __slots__ = ()\n"
            "    def __del__(self, write=os.write):\n"
            "        write(2, b'TEARDOWN\\n')\n"
            "probe.kept = Teardown()   # freed when the interpreter's teardown clears the modules, if it runs\n"
            "del Teardown\n"
            "atexit.register(lambda: sys.stderr.write('ATEXIT\\n'))\n"
            "sys.argv = ['zan', *sys.argv[1:]]\n"
            "from engine.__main__ import run\n"
            "run()\n")


def ended(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "ZAN_CACHE": "1"}
    return subprocess.run([sys.executable, "-c", TEARDOWN, *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)


def test_a_command_ends_without_the_interpreters_teardown(tmp_path):
    """`engine.__main__.leave`: once the command is done and its output flushed, the atexit functions run and the
    process ends (os._exit) without freeing every object one by one (~1-3 ms of a cold question); the output is
    whole and the exit status the command's."""
    done = ended(tmp_path, "ask", "call(kunakbaev, P, Purpose)", "--at", "2025-03-10", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answers"]           # flushed whole before the process ended
    assert "ATEXIT" in done.stderr and "TEARDOWN" not in done.stderr
    failed = ended(tmp_path, "ask", "call(kunakbaev, P, Purpose", "--at", "2025-03-10")
    assert failed.returncode == 1 and "ATEXIT" in failed.stderr and "TEARDOWN" not in failed.stderr
    usage = ended(tmp_path, "ask")
    assert usage.returncode == 2 and "ATEXIT" in usage.stderr


def test_a_command_leaving_a_thread_running_ends_as_before(tmp_path):
    """Another thread still running: `leave` does not cut it short; the interpreter waits for it and tears down."""
    code = TEARDOWN.replace("from engine.__main__ import run\n",
                            "import threading, time\n"
                            "threading.Thread(target=lambda: (time.sleep(0.5), sys.stderr.write('THREAD\\n'))).start()\n"
                            "from engine.__main__ import run\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "ZAN_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", code, "--help"], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0 and "THREAD" in done.stderr and "TEARDOWN" in done.stderr



def test_a_profiled_command_ends_as_before(tmp_path):
    """A profiler watching the process (`python -m cProfile -o F -m engine …`) writes its file after the command:
    `leave` lets the interpreter end as usual then (os._exit had ended it before the profile was written)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "ZAN_CACHE": "1"}
    out = tmp_path / "question.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "engine", "ask",
                           "call(kunakbaev, P, Purpose)", "--at", "2025-03-10"], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0

PATHS = ["", ".", "/", "//", "///", "a", "a/", "./a", "a/./b", "a//b", "/a/b/", "//a/b", "///a", "a/../b", "../x.facts",
         "kb/", "./kb/sample/", "-", "a b/c", "кітап/заң.zan"]


def test_paths_are_written_as_pathlib_writes_them(tmp_path, monkeypatch):
    """A question finds its project, law and case without importing pathlib (engine.base.places.plain and relative;
    knowledge.kb_file_names, sample_case_names, display_path; project.Project's strings): every name it shows must
    be pathlib's, and the files it reads the same, in the same order."""
    from pathlib import Path, PurePosixPath

    from engine.base.places import plain, relative
    from engine.syntax.knowledge import display_path, kb_file_names, sample_case_names

    assert [plain(p) for p in PATHS] == [str(PurePosixPath(p)) for p in PATHS]
    for path in ["/", "/a", "/a/b", "/ab", "/a/bc"]:
        for here in ["/", "/a", "/a/b"]:
            try:
                expected = str(PurePosixPath(path).relative_to(here))
            except ValueError:
                expected = None
            assert relative(path, here) == expected, (path, here)
    law = tmp_path / "law"
    for name in ["a/x.zan", "a-c/y.zan", "a.zan", "b/c/d.zan", ".hidden.zan", "note.txt", "Upper.ZAN", "sample/one.facts",
                 "sample/Two.facts", "sample/sub/three.facts", "dir.zan/inner.zan"]:
        (law / name).parent.mkdir(parents=True, exist_ok=True)
        (law / name).write_text("")
    (law / "linked").symlink_to(law / "b", target_is_directory=True)
    (law / "sample" / "folder.facts").mkdir()
    monkeypatch.chdir(tmp_path)
    for folder in [law, "law", "law/", "./law", str(law) + "//"]:
        assert kb_file_names(folder) == [str(p) for p in sorted(p for p in Path(folder).rglob("*.zan") if p.is_file())]
        assert sample_case_names(folder) == [str(p) for p in sorted(p for p in (Path(folder) / "sample").glob("*.facts")
                                                                   if p.is_file())]
    assert kb_file_names(tmp_path / "none") == [] and sample_case_names(law / "a") == []
    (law / "b" / "to-x.zan").symlink_to(law / "a" / "x.zan")
    (law / "b" / "relative.zan").symlink_to("../a.zan")
    (law / "b" / "dangling.zan").symlink_to("../nowhere.zan")
    folders: dict = {}   # read_files resolves each folder once for the files in it: the same names
    for path in PATHS + [str(law / "a.zan"), "law/a.zan", "../" + tmp_path.name + "/law", str(tmp_path.parent),
                         "law/linked/c/d.zan", "law/linked/to-x.zan", "law/b/relative.zan", "law/b/dangling.zan",
                         "law/linked/../a.zan", "law/b/missing.zan", str(law / "linked" / "c" / ".")]:
        if path != "-":
            p = Path(path)
            try:
                expected = str(p.resolve().relative_to(Path.cwd().resolve()))
            except ValueError:
                expected = str(p)
            assert display_path(path) == expected == display_path(path, None, folders), path


STYLES = ("import atexit, runpy, sys, click\n"
          "made = [0]\n"
          "style = click.style\n"
          "def counted(*args, **kwargs):\n"
          "    made[0] += 1\n"
          "    return style(*args, **kwargs)\n"
          "click.style = counted\n"
          "atexit.register(lambda: sys.stderr.write(f'STYLES {made[0]}\\n'))\n"
          "sys.argv = ['zan', *sys.argv[1:]]\n"
          "runpy.run_module('engine', run_name='__main__')\n")


def test_text_for_a_pipe_is_not_styled_only_to_be_stripped(tmp_path):
    """Text output to a pipe or a file is rendered without click's styles (as_text.plain: click.echo would strip
    them), rather than styled (~300 styles for a question with --explain) and stripped."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "ZAN_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", STYLES, "ask", "call(kunakbaev, P, Purpose)", "--at", "2025-03-10",
                           "--explain"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and "\x1b" not in done.stdout, done.stderr
    assert next(line for line in done.stderr.splitlines() if line.startswith("STYLES ")) == "STYLES 0"


@pytest.mark.parametrize("mode", [{}, {"short": True}, {"steps": True}, {"explain": False}])
def test_unstyled_text_is_the_styled_text_stripped(mode):
    """What a pipe got before (the styled text, its styles stripped by click.echo) is what it gets now, byte for byte,
    in every language and mode of a question; `zan diff`'s text too."""
    from click._compat import strip_ansi

    from engine.explain.render import output
    from engine.pipeline import Request
    from engine.tools.service import answer_document
    import datetime

    for language in ("en", "ru", "kk"):
        doc = answer_document(Request("call(kunakbaev, P, Purpose)", datetime.date(2025, 3, 10), None, None,
                                      language=language)).document
        options = {"short": False, "steps": False, **{k: v for k, v in mode.items() if k != "explain"}}
        explain = mode.get("explain", True)
        styled = output.render(doc, "text", explain, language, **options)
        assert "\x1b[" in styled
        assert output.render(doc, "text", explain, language, **options, styled=False) == strip_ansi(styled)


RARE_NODES = ("Ambiguity", "Deadline", "FactStep", "InferenceStep", "NegationStep", "ComparisonStep", "DefeatStep",
              "FailedStep", "StatusStep", "Scope", "Cause", "Change", "Diff")
DECLARED = ("import atexit, runpy, sys\n"
            "def declared():\n"
            "    tree = vars(sys.modules['engine.explain.tree'])\n"
            "    return ' '.join(sorted(name for name in tree if hasattr(tree[name], '__dataclass_fields__')))\n"
            "atexit.register(lambda: sys.stderr.write(f'NODES {declared()} ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
            "sys.argv = ['zan', *sys.argv[1:]]\n"
            "runpy.run_module('engine', run_name='__main__')\n")


def test_a_question_declares_none_of_the_tree_nodes_it_has_none_of(tmp_path):
    """The steps, ambiguities, deadlines and scopes are declared in engine/explain/tree_extra.py, imported when a
    document first has one (10 of the 77 record classes a cold question declared), and so is `zan diff`'s document
    (3 more, the fifth round); `tree` gives them as its own."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "ZAN_CACHE": "1"}
    for args, rare in ((["ask", "call(kunakbaev, P, Purpose)", "--at", "2025-03-10", "--explain"], False),
                       (["ask", "call(kunakbaev, P, Purpose)", "--at", "2025-03-10", "--explain", "--steps"], True),
                       (["ask", "call(sadykov, P, Purpose)", "--facts", "kb/cases/solitary-cell.facts", "--at",
                         "2025-03-10", "--steps"], True),
                       (["diff", "call(kunakbaev, P, Purpose)", "--from", "2024-12-26", "--to", "2024-12-27"], True)):
        done = subprocess.run([sys.executable, "-c", DECLARED, *args], capture_output=True, text=True, env=env,
                              cwd=ROOT, timeout=120)
        assert done.returncode == 0 and done.stdout, done.stderr
        line = next(line for line in done.stderr.splitlines() if line.startswith("NODES ")).split()[1:]
        assert "Answer" in line and "Trace" in line and "NormRef" in line
        assert not set(RARE_NODES) & set(line)
        assert ("engine.explain.tree_extra" in line) is rare, args
    from engine.explain import tree, tree_extra
    from engine.explain.tree import FactStep, Scope

    assert (FactStep, Scope) == (tree_extra.FactStep, tree_extra.Scope)
    assert all(getattr(tree, name) is getattr(tree_extra, name) for name in RARE_NODES)
    assert issubclass(tree.StatusStep, tree.Step) and issubclass(tree.Scope, tree.Node)
    with pytest.raises(AttributeError):
        getattr(tree, "Nothing")


LAZY_PATTERNS = ["engine.base.dates._DATE_PARTS", "engine.base.text._HTML", "engine.base.text._SGR",
                 "engine.explain.morphology._WORD", "engine.explain.morphology._DESCRIBED",
                 "engine.explain.phrasebook._PLACEHOLDER", "engine.explain.phrasebook._SPACES",
                 "engine.explain.phrasebook._QUOTES", "engine.explain.phrasebook._OF",
                 "engine.explain.phrasebook._CALLED_KK", "engine.explain.render.escape._MARKDOWN_TEXT_BACK"]
COMPILED = ("import atexit, runpy, sys\n"
            "def compiled(name):\n"
            "    module, _, attribute = name.rpartition('.')\n"
            "    if module not in sys.modules: return False   # not even imported\n"
            "    pattern = getattr(sys.modules[module], attribute)\n"
            "    return 'search' in getattr(pattern, '__dict__', ('search',))\n"
            f"names = {LAZY_PATTERNS!r}\n"
            "atexit.register(lambda: sys.stderr.write('COMPILED ' + ' '.join(n for n in names if compiled(n)) + '\\n'))\n"
            "sys.argv = ['zan', *sys.argv[1:]]\n"
            "runpy.run_module('engine', run_name='__main__')\n")


def test_a_question_compiles_no_pattern_it_does_not_use(tmp_path):
    """The regular expressions of the modules a question imports that an English question does not use are compiled
    when first used (`engine.base.text.LazyPattern`: ~1 ms of a cold question); one in Russian compiles those it
    uses, and the output is what they give."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "ZAN_CACHE": "1"}
    for args, expected in ((["--at", "2025-03-10", "--explain"], []),
                           (["--at", "2025-03-10", "--explain", "--lang", "ru", "--format", "markdown"], None)):
        for _ in range(2):   # the first fills the cache
            done = subprocess.run([sys.executable, "-c", COMPILED, "ask", "call(kunakbaev, P, Purpose)", *args],
                                  capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
            assert done.returncode == 0 and done.stdout, done.stderr
        line = next(line for line in done.stderr.splitlines() if line.startswith("COMPILED ")).split()[1:]
        if expected is not None:
            assert line == expected
        else:
            assert line and set(line) <= set(LAZY_PATTERNS)


def test_a_lazy_pattern_is_the_compiled_pattern():
    import re

    from engine.base.text import LazyPattern

    lazy, compiled = LazyPattern(r"(?P<w>\w+)-(\d)", re.I), re.compile(r"(?P<w>\w+)-(\d)", re.I)
    text = "ab-1 Cd-2 x-y"
    assert "search" not in vars(lazy)
    assert lazy.sub(r"\2\g<w>", text) == compiled.sub(r"\2\g<w>", text)
    assert "search" in vars(lazy)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.findall(text) == compiled.findall(text) and lazy.split(text) == compiled.split(text)
    assert lazy.match(text).groups() == compiled.match(text).groups() and lazy.fullmatch(text) is None
    assert (lazy.groupindex, lazy.pattern, lazy.flags) == (compiled.groupindex, compiled.pattern, compiled.flags)


def test_listing_the_law_asks_nothing_more_of_each_file(tmp_path, monkeypatch):
    """`kb_file_names` and `sample_case_names` tell a file from the folder's listing (`DirEntry.is_file`, as
    `os.path.isfile` would), not by a stat of each name found (before: one `os.stat` a file)."""
    from engine.syntax.knowledge import kb_file_names, sample_case_names

    law = tmp_path / "law"
    (law / "sample").mkdir(parents=True)
    for name in ("a.zan", "b.zan", "sample/c.facts", "sample/d.zan"):
        (law / name).write_text("", encoding="utf-8")
    (law / "e.zan").mkdir()                                     # a folder named like a file: not a file
    (law / "f.zan").symlink_to(law / "a.zan")                   # a link to a file: a file
    (law / "g.zan").symlink_to(law / "none.zan")                # a dangling link: not
    asked = []
    for name in ("stat", "lstat"):
        real = getattr(os, name)
        monkeypatch.setattr(os, name, lambda p, *a, real=real, **k: asked.append(str(p)) or real(p, *a, **k))
    names = kb_file_names(law), sample_case_names(law)
    assert names == ([str(law / n) for n in ("a.zan", "b.zan", "f.zan", "sample/d.zan")], [str(law / "sample/c.facts")])
    assert [p for p in asked if p.endswith((".zan", ".facts"))] == []


def test_the_help_version_and_path_options_are_the_ones_click_makes():
    """engine.cli makes the help option (`help_option`), the version option and the path types (`PathParamType`) with
    click's own English words, where click would ask gettext for them (which imports `locale`): each must be what click
    makes, attribute for attribute, on the click installed (setup.cfg allows 8.1-8.x)."""
    import click
    from click.testing import CliRunner

    import engine
    from engine.cli import PathParamType, ZanCommand, ZanGroup, main

    ctx = click.Context(main, info_name="zan", help_option_names=["-h", "--help"])
    ours = main.get_help_option(ctx)
    clicks = click.Command("plain").get_help_option(ctx)
    assert ours is main.get_help_option(ctx)   # one object: click orders the eager options by it
    # the name it stores its (unexposed) value under: "help" up to click 8.4, a reserved name since 8.5
    assert {**ours.to_info_dict(), "name": None} == {**clicks.to_info_dict(), "name": None}
    assert sorted(ours.opts) == ["--help", "-h"] and ours.name == "help"
    assert isinstance(main.commands["ask"], ZanCommand) and isinstance(main, ZanGroup)
    assert main.commands["ask"].get_help_option(ctx).to_info_dict() == ours.to_info_dict()
    assert click.Command("plain", add_help_option=False).get_help_option(ctx) is None
    assert ZanCommand("plain", add_help_option=False).get_help_option(ctx) is None

    version = next(param for param in main.params if param.name == "version")
    clicks = click.version_option(package_name="zan", prog_name="zan")(click.Command("plain")).params[0]
    assert version.to_info_dict() == clicks.to_info_dict()
    done = CliRunner().invoke(main, ["--version"])
    assert (done.exit_code, done.output) == (0, f"zan, version {engine.__version__}\n")

    from pathlib import Path

    for settings in ({"exists": True, "file_okay": False}, {"dir_okay": False, "allow_dash": True},
                     {"dir_okay": False}, {}, {"path_type": Path}, {"file_okay": False, "path_type": Path},
                     {"exists": True, "path_type": Path}):
        assert vars(PathParamType(**settings)) == vars(click.Path(**settings)), settings
        assert PathParamType(**settings).to_info_dict() == click.Path(**settings).to_info_dict()
