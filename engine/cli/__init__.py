"""The `zan` command line (Click): the group, its shared options, and the question ask; the other commands (`query`
too) live in `commands.py` beside it, imported only when one of them runs (`LAZY`). Errors are diagnostics, never tracebacks.

A front-end: it may import everything below it (engine.base ... engine.tools) and the other front-ends."""

from __future__ import annotations

import datetime
import os
import sys
from gettext import gettext
from typing import TYPE_CHECKING

import click

from engine.base.diagnostics import Diagnostic, ZanError
from engine.base.messages import LANGUAGES as LANGUAGE_NAMES, errors_line, message
from engine.base.places import as_path, plain
from engine.base.text import visible, visible_styled

if TYPE_CHECKING:
    from pathlib import Path

LANGUAGES = click.Choice(list(LANGUAGE_NAMES))
FORMATS = click.Choice(["text", "json"])


def parse_date(ctx, param, value):
    if value is None:
        return datetime.date.today()
    from engine.syntax.nodes import iso_date

    try:
        return iso_date(value)
    except ValueError:
        raise click.BadParameter(message("not a date", _reader_lang(), value=value)) from None


def _remember_lang(ctx, param, value):
    """--lang (eager, so that it is known before the other options are read): the reader's language, for the
    diagnostics' frame, the errors of the options and the "kb:" line (engine/base/messages.py)."""
    if value is not None:
        ctx.find_root().meta["zan.lang"] = value
    return value


def _reader_lang() -> str:
    """--lang where the command has it, else the project's `lang` (zan fmt, zan init ...), else English."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return "en"
    meta = ctx.find_root().meta
    if "zan.lang" not in meta:
        meta["zan.lang"] = _default_lang()
    return meta["zan.lang"]


def parse_optional_date(ctx, param, value):
    return None if value is None else parse_date(ctx, param, value)


def _fail(e: ZanError) -> None:
    sources, lang = e.sources, _reader_lang()
    for d in sorted(e.diagnostics, key=Diagnostic.sort_key):
        click.echo(d.render(sources, lang), err=True)
    click.echo(errors_line(len(e.diagnostics), lang), err=True)
    sys.exit(1)


def _project():
    """The project the command runs in (project.current), found once per command: --lang's and --reading's
    defaults and the knowledge base ask for it, and its trust check walks every folder of its law."""
    from engine.base.project import current

    ctx = click.get_current_context(silent=True)
    meta = ctx.find_root().meta if ctx is not None else {}
    if "zan.project" not in meta:
        try:
            meta["zan.project"] = (current(), None)
        except ZanError as e:
            meta["zan.project"] = (None, e)
    project, error = meta["zan.project"]
    if error is not None:
        raise error
    return project


def _default_lang() -> str:
    """--lang's default: the project's `lang` (zan.toml), else English."""
    try:
        project = _project()
    except ZanError:
        return "en"  # the broken project file is reported by the command that reads it
    return project.lang if project is not None and project.lang else "en"


def _default_reading() -> str | None:
    """--reading's default: the project's `readings` (zan.toml), comma-separated; else the kb's defaults (None)."""
    try:
        project = _project()
    except ZanError:
        return None
    return ",".join(project.readings) if project is not None and project.readings else None


def chosen_knowledge(kb: Path | None):
    """The knowledge base this command reads (--kb, the project's, or the bundled one), remembered so that
    the command says which one it used: a line on stderr when it ends, `"kb"` in JSON."""
    from engine.base.project import choose
    from engine.base.resources import bundled_kb_folder, bundled_settings_file

    choice = choose(kb, bundled_kb_folder(), _project if not kb else None, bundled_settings_file())
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.find_root().meta["zan.kb"] = choice
    return choice


UTF8_HINT = "set a UTF-8 locale, e.g. LANG=C.UTF-8 (or LANG=en_US.UTF-8), or PYTHONIOENCODING=utf-8"


def _not_utf8(args) -> int | None:
    """The position of the first argument that was not valid UTF-8 (Python keeps such bytes as lone surrogates)."""
    for i, arg in enumerate(args, start=1):
        if isinstance(arg, str) and any("\udc80" <= c <= "\udcff" for c in arg):
            return i
    return None


def _silence_stdout() -> None:
    """After a broken pipe: send what is left to /dev/null, so that nothing complains at exit."""
    try:
        import os

        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (AttributeError, OSError, ValueError):
        pass


def _output_failure(e: BaseException) -> int | None:
    """The exit code for a failure to write the output, after saying so; None if it is no such failure."""
    import errno

    if isinstance(e, BrokenPipeError) or (isinstance(e, OSError) and e.errno == errno.EPIPE):
        _silence_stdout()  # the reader (`| head -1`) has what it wanted: end quietly
        return 0
    if isinstance(e, UnicodeEncodeError):
        encoding = getattr(sys.stdout, "encoding", None) or "unknown"
        _say(f"error: the output cannot be shown in this terminal's encoding ({encoding}); {UTF8_HINT}")
        return 2
    if isinstance(e, OSError):
        what = f"{e.strerror or e}" + (f": {e.filename}" if e.filename else "")
        _say(f"error: {what}")
        return 1
    return None


def _say(message: str) -> None:
    try:
        click.echo(message, err=True)
    except Exception:
        pass


# click's own words for its help and version options and its paths' names, in English as click writes them. click
# asks gettext for each (a translation of its "messages" domain) when it makes the option, and gettext's first look-up
# imports `locale`: ~0.9 ms of a cold question for six look-ups that find nothing (docs/performance.md, fifth round).
# They are made here with the same words instead (tests/test_cold_start.py compares them with click's).
HELP_OPTION_TEXT = "Show this message and exit."
VERSION_OPTION_TEXT = "Show the version and exit."
VERSION_MESSAGE = "%(prog)s, version %(version)s"


def _show_help(ctx, _param, value):
    """The help option's callback, what click's does: the command's help page, then exit."""
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


def _show_version(ctx, _param, value):
    """--version: "zan, version 0.1.0", what `click.version_option(package_name="zan", prog_name="zan")` printed, the
    version of the code that runs (setup.cfg gives the distribution the same: `attr: engine.__version__`)."""
    if value and not ctx.resilient_parsing:
        import engine

        click.echo(VERSION_MESSAGE % {"prog": "zan", "package": "zan", "version": engine.__version__}, color=ctx.color)
        ctx.exit()


def help_option(command: click.Command, ctx: click.Context) -> click.Option | None:
    """`command.get_help_option(ctx)` as click makes it (-h/--help: eager, a flag, its help text), once per command
    (click orders the eager options by the option object, so every call must give the same one)."""
    names = command.get_help_option_names(ctx)
    if not names or not command.add_help_option:
        return None
    made = command.__dict__.get("made_help_option")
    if made is None:
        made = click.Option(names, is_flag=True, is_eager=True, expose_value=False, callback=_show_help,
                            help=HELP_OPTION_TEXT)
        command.__dict__["made_help_option"] = made
    return made


class ZanCommand(click.Command):
    """A command of zan (`main.command()` makes one; engine/cli/commands.py names the class): its help option made by
    `help_option`."""

    def get_help_option(self, ctx):
        return help_option(self, ctx)


class CommandGroup(click.Group):
    """A group of zan's commands (`zan` itself, `zan cache`): its help option made by `help_option`, its commands
    ZanCommands."""

    command_class = ZanCommand

    def get_help_option(self, ctx):
        return help_option(self, ctx)


class PathParamType(click.Path):
    """`click.Path` as click makes it for these settings, its name ("file", "directory", "path": FILE and DIRECTORY
    on the help page, "Directory 'x' does not exist.") written out in English instead of asked of gettext (above).
    Every attribute click's `Path.__init__` sets is set, to what it sets it (tests/test_cold_start.py compares them);
    converting, completing and describing a value are click's own."""

    def __init__(self, *, exists: bool = False, file_okay: bool = True, dir_okay: bool = True,
                 allow_dash: bool = False, path_type: type | None = None) -> None:
        # click.Path.__init__ is not called: it is what asks gettext for the name
        self.exists, self.file_okay, self.dir_okay, self.allow_dash = exists, file_okay, dir_okay, allow_dash
        self.readable, self.writable, self.executable, self.resolve_path = True, False, False, False
        self.type = path_type
        self.name = "file" if file_okay and not dir_okay else "directory" if dir_okay and not file_okay else "path"


class ZanGroup(CommandGroup):
    """Turns every failure into a diagnostic: exit 1 for the input's errors, 2 for usage, never a traceback.

    Exit 0 also when the reader of the output goes away (`zan ask ... | head -1`); exit 130 on Ctrl-C;
    exit 3 only for a fault of Zan's own ("internal error", a bug to report).
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if hasattr(sys.stderr, "reconfigure"):
            try:  # a message must get through whatever the terminal's encoding
                sys.stderr.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
        if sys.stdout is None:  # started with stdout closed (`zan ask ... >&-`): nothing could be written
            _say("error: standard output is closed; nothing could be written (give it a file or a pipe)")
            sys.exit(2)
        from engine.base.inputs import forget

        forget()  # each command reads its standard input (and pipes) afresh, once
        position = _not_utf8(sys.argv[1:] if args is None else args)
        if position is not None:
            _say(f"error: argument {position} is not valid UTF-8 text; write the arguments in UTF-8")
            sys.exit(2)
        if os.environ.get("NO_COLOR"):  # https://no-color.org: no colour even on a terminal
            extra.setdefault("color", False)
        try:
            code = 0
            super().main(args, prog_name, complete_var, standalone_mode, **extra)
        except SystemExit as e:
            code = e.code
        except KeyboardInterrupt:
            code = 130
        except Exception as e:
            failed = _output_failure(e)
            if failed is None:
                raise
            code = failed
        if standalone_mode:
            try:
                sys.stdout.flush()
            except Exception as e:  # e.g. /dev/full: the last of the output could not be written
                failed = _output_failure(e)
                code = failed if failed is not None else 1
        sys.exit(code)

    def list_commands(self, ctx):
        return sorted(self.commands.keys() | LAZY.keys())

    def get_command(self, ctx, name):
        if name in LAZY and name not in self.commands:   # click's lazy group: the module is imported when it runs
            from engine.cli import commands

            self.add_command(getattr(commands, LAZY[name][0]), name)
        return self.commands.get(name)

    def format_commands(self, ctx, formatter):
        """`zan --help` as click writes it, the short help of a command not loaded taken from `LAZY`."""
        commands = {name: click.Command(name, help=short) for name, (_attr, short) in LAZY.items()} | self.commands
        rows = [(name, commands[name]) for name in self.list_commands(ctx) if not commands[name].hidden]
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section(gettext("Commands")):   # click's own heading, translated alike
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in rows])

    def invoke(self, ctx):
        try:
            return self._invoke(ctx)
        finally:
            choice = ctx.meta.get("zan.kb")
            if choice is not None:
                try:
                    click.echo(choice.describe(ctx.meta.get("zan.lang", "en")), err=True)
                except Exception:
                    pass

    def _invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ZanError as e:
            _fail(e)
        except RecursionError:
            click.echo("error: the input is nested too deeply to process (SECURITY.md, limits)", err=True)
            sys.exit(1)
        except click.UsageError as e:
            lang = ctx.meta.get("zan.lang", "en")
            if lang == "en":
                raise
            # a usage error in the reader's language (click's own frame is English): exit 2 as click's
            param = getattr(e, "param", None)
            name = "/".join(param.opts) if param is not None and getattr(param, "opts", None) else None
            text = e.message if name is None else f"{name}: {e.message}"
            command = e.ctx.command_path if e.ctx is not None else "zan"
            click.echo(visible(f"{message('error', lang)}: {text}\n  {message('hint', lang)}: "
                               f"{message('see help', lang, command=command)}"), err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except MemoryError:
            click.echo("error: the input is too large to process in memory", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            sys.exit(130)
        except (OSError, UnicodeEncodeError) as e:  # writing the output failed: a closed pipe, a full disk, an encoding
            sys.exit(_output_failure(e))
        except Exception as e:  # a bug of ours: say so plainly, without a traceback
            click.echo(f"internal error: {type(e).__name__}: {e}\n"
                       "This is a bug in zan, not in your input; please report it with the command you ran.", err=True)
            sys.exit(3)


def _engine_option(f):
    """--engine: which evaluator computes the model (engine/logic/evaluator.py; the answers are the same)."""
    from engine.logic.evaluator import EVALUATORS

    def choose(ctx, _param, value):
        if value is not None:
            from engine.logic import evaluator

            evaluator.use(value)
            ctx.call_on_close(lambda: evaluator.use(None))   # for this command only (in-process callers)
        return value
    return click.option("--engine", type=click.Choice(sorted(EVALUATORS)), expose_value=False, callback=choose,
                        help="The evaluator: pydatalog (the reference; the default for a question) or sets (joins "
                             "of whole relations; the default for registers in partitions, test --mutate and cases). "
                             "The answers are the same.")(f)


@click.group(cls=ZanGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help=VERSION_OPTION_TEXT)
@_engine_option
def main():
    """Zan (заң): questions to a legal-logic knowledge base, answered with their derivations."""


# The commands of commands.py: name -> (its attribute there, the first sentence of its help, which
# `zan --help` shows without importing them; tests/test_cli_options.py compares it with the command's own).
LAZY = {
    "cache": ("cache_group", "The per-user cache of parsed knowledge bases (SECURITY.md): where it is, how big, clear it."),
    "cases": ("cases", "The case space of QUERY, e.g."),
    "check": ("check", "Check knowledge-base files or folders (default: the bundled kb/ and queries/) for errors."),
    "diff": ("diff", "Every answer to QUERY whose status changes between --from and --to (or between --reading and "
                     "--versus-reading), and the norm whose force or reading caused it."),
    "exercises": ("exercises", "Exercises drawn from the case space, each with exactly one correct answer according to "
                               "the kb."),
    "fmt": ("fmt_command", "Lay out DSL and scenario files (default: the project's kb/ and queries/) canonically, "
                           "keeping comments."),
    "init": ("init", "Start a project in FOLDER (default: here): zan.toml and a small knowledge base that passes check "
                     "and test."),
    "lsp": ("lsp", "Speak the Language Server Protocol on stdin/stdout, for editors (diagnostics, hover, definitions, "
                   "...)."),
    "norms": ("norms", "List the norms in force at a date (under the readings in force), with their citations."),
    "serve": ("serve", "The trainers' workbench: a local web page to explore derivations, dates and exercises "
                       "(docs/trainers.md)."),
    "query": ("query", "Run the saved question NAME (from queries/) with ARGS, e.g."),
    "show": ("show", 'Show NORM (an id such as code.12.1.a, a citation key such as "code 12.1.2", or a citation in any '
                     'form its act declares, such as "ст.'),
    "test": ("test", "Run scenario files (default: kb/scenarios/) and compare statuses and derivations with what they "
                     "expect."),
    "vocabulary": ("vocabulary", "What can be asked and stated: predicates with readings and arguments, constants, "
                                 "ranges (purposes), statuses."),
}

EXPLANATION_FORMATS = click.Choice(["text", "json", "markdown", "html", "dot", "svg"])
ANSWER_FORMATS = click.Choice(["text", "json", "jsonl", "markdown", "html", "dot", "svg"])
TRACES = click.Choice(["full", "brief", "none"])


# Each option that several commands take is declared once, here: the same type, default and check everywhere.

def lang_option(help: str = "Language of labels, quotes and explanations."):
    """--lang: the reader's language; default the project's `lang`, else English (eager: the errors of the other
    options are said in it)."""
    return click.option("--lang", type=LANGUAGES, default=_default_lang, show_default="en, or the project's lang",
                        callback=_remember_lang, is_eager=True, help=help)


def _paths(ctx, param, value):
    """A path option's value as `pathlib.Path`s, what `click.Path(path_type=Path)` gives, pathlib imported only when
    the option is given."""
    if value is None:
        return None
    return tuple(as_path(v) for v in value) if isinstance(value, tuple) else as_path(value)


def kb_option(help: str = "Knowledge base folder (default: the project's, else the bundled one)."):
    return click.option("--kb", type=PathParamType(exists=True, file_okay=False), callback=_paths, help=help)


def reading_option(help: str = "Answer under the named reading, or several: A,B (default: the project's `readings`, "
                                "else the kb's default readings; see `reading` declarations in the kb)."):
    return click.option("--reading", metavar="NAME", default=_default_reading, help=help)


def facts_option(help: str = "Case facts (repeatable; - reads standard input). Without it, the bundled sample case "
                              "is used.", stdin: bool = True):
    return click.option("--facts", multiple=True, type=PathParamType(dir_okay=False, allow_dash=stdin), callback=_paths,
                        help=help)


def explanation_options(f):
    """--short, --steps, --depth: how much of each derivation to show (engine/render, docs/explanations.md)."""
    f = click.option("--depth", type=click.IntRange(min=1), metavar="N",
                     help="Show proof trees down to N levels of conditions.")(f)
    f = click.option("--steps", is_flag=True, help="Show each derivation as numbered inference steps, bottom up.")(f)
    f = click.option("--short", is_flag=True, help="Show the short form: the deciding norm and the decisive conditions.")(f)
    return f


def register_options(f):
    """--jobs, --partition, --engine: how a register is evaluated (engine/tools/register.py, docs/performance.md)."""
    f = _engine_option(f)
    f = click.option("--partition", type=click.IntRange(min=1), metavar="FACTS",
                     help="Case facts per partition of a register (json, jsonl; default 5000, 1000 with --trace "
                          "full): memory is bounded by one partition. Cases that share a constant stay together.")(f)
    f = click.option("--jobs", type=click.IntRange(min=1), metavar="N",
                     help="Processes evaluating a register's partitions (json, jsonl; default 1). "
                          "The output is the same for any N.")(f)
    return f


def what_if(f):
    """--assume, --retract, --reading: a hypothesis without a file, and the reading to answer under."""
    f = reading_option()(f)
    f = click.option("--retract", "retracted", multiple=True, metavar="FACT",
                     help="Take a fact out of the case, e.g. p(a) (repeatable).")(f)
    f = click.option("--assume", "assumed", multiple=True, metavar="FACT",
                     help="Assume a ground fact, e.g. p(a) (repeatable); traces show it as assumed.")(f)
    return f


def common_options(f):
    f = what_if(f)
    f = explanation_options(f)
    f = lang_option()(f)
    f = click.option("--explain", is_flag=True, help="Show each answer's derivation.")(f)
    f = click.option("--answer", "answer_number", type=click.IntRange(min=1), metavar="N",
                     help="Only the N-th answer (1 = the first): one graph per answer with dot/svg.")(f)
    f = click.option("--trace", "trace_level", type=TRACES, default="full", show_default=True,
                     help="How much of each answer's derivation to build: full (with why-nots), brief (the deciding "
                          "proofs, no why-nots: for registers), none (status, citations, deadline only). "
                          "Plain text without --explain shows none.")(f)
    f = click.option("--format", "fmt", type=ANSWER_FORMATS, default="text", show_default=True,
                     help="text (coloured on a terminal), json, jsonl (one answer a line, streamed), markdown (a handout), "
                          "html (one page), dot or svg (Graphviz).")(f)
    f = click.option("--at", callback=parse_date, metavar="YYYY-MM-DD", help="The date of the question (default: today).")(f)
    f = facts_option()(f)
    f = kb_option()(f)
    return f


def answer_question(query, kb, facts, at, fmt, explain, lang, title=None, short=False, steps=False, depth=None,
            trace_level="full", assumptions=(), understood=None, assumed=(), retracted=(), reading=None,
            how=None, how_max=None, answer_number=None):
    from engine.pipeline import Request, fact_atoms
    from engine.tools.service import answer_document

    choice = chosen_knowledge(kb)
    if lang != "en" and isinstance(query, str):
        _question_in_language(query, None, facts, lang)
    if fmt == "text" and not (explain or short or steps):
        trace_level = "none"  # one line per answer: build nothing that is not printed
    machine = fmt in ("json", "jsonl")
    params = click.get_current_context().params
    request = Request(query, at, choice.folder_name, list(facts) or None, language=lang, trace_level=trace_level,
                      depth=depth, steps=steps, assumptions=tuple(assumptions) + tuple(fact_atoms(assumed)),
                      retractions=tuple(fact_atoms(retracted)), reading=reading, how=how, how_max=how_max,
                      machine=machine, partitions=machine, partition=params.get("partition"),
                      jobs=params.get("jobs"), kb=choice.as_json(), understood=understood, title=title)
    try:
        answered = answer_document(request, _progress)
    except ZanError:
        if lang != "en" and isinstance(query, str):
            _question_in_language(query, choice.folder, facts, lang)
        raise
    doc, result = answered.document, answered.result
    _warn_unknown(result.unknown_names, query, lang)
    if answer_number is not None:  # one answer (one graph per answer with dot/svg)
        every = list(doc["answers"])
        if answer_number > len(every):
            raise click.UsageError(message("no such answer", lang, number=answer_number, count=len(every)))
        doc["answers"] = [every[answer_number - 1]]
    say_sample_case(result.fact_files, facts, fmt, lang)
    if fmt == "text" and doc.get("title"):
        click.echo(visible(doc["title"]))
    after = ""
    if answered.how is not None and not machine:
        from engine.explain.render.as_cases import how_section

        after = how_section(answered.how, how, fmt, lang)
    if not machine and any(a.get("according_to") for a in doc.get("answers", ())):
        # a provision cited in the question: what its norms did in each answer
        from engine.explain.render.as_according import section

        after += section(doc, fmt, lang)
    emit(doc, fmt, explain, lang, short, steps, after=after or None)


def say_sample_case(used, facts, fmt: str, lang: str) -> None:
    """Every answer given on the kb's sample case because no --facts were given says so on stderr, the one way
    (`zan ask`, `zan query`, a "what changed" question in words, `zan diff`): `used`, the case files it was given on."""
    if fmt != "json" and not facts and used:
        from engine.explain.i18n import word
        names = ", ".join(os.path.basename(plain(f)) for f in used)
        click.echo(f"({word('sample case', lang)}: {names})", err=True)


def sample_case(folder, facts) -> list:
    """The case files a question without --facts is given on: the kb's sample case (none with --facts)."""
    from engine.syntax.knowledge import sample_case_files

    return [] if facts else sample_case_files(folder)


def _question_in_language(text: str, folder, facts, lang: str):
    """The question parsed in the reader's language: its syntax errors (question-syntax) said in it; an atom over
    an unknown predicate, or with the wrong number of arguments, too. The text itself is answered as before."""
    from engine.pipeline import check_query, load_checked, parse_question

    try:
        question = parse_question(text, lang)
        if folder is not None:  # after an error of the question: check it again, to say it in the language
            check_query(load_checked(folder, list(facts) or None)[0], question, lang)
    except ZanError as e:
        raise ZanError(e.diagnostics, sources={**e.sources, "<query>": text}) from None
    return text


def _progress():
    """Progress on stderr for a long batch, when stderr is a terminal (engine/tools/register.Progress); else None."""
    if not sys.stderr.isatty():
        return None
    from engine.tools.register import Progress

    return Progress(lambda text: click.echo(text, err=True, nl=False))


def _warn_unknown(unknown, query, lang):
    """Names that occur nowhere (a typo?) are warnings on stderr, with a did-you-mean, never a silent "no answers"."""
    from engine.explain.i18n import word

    sources = {"<query>": query} if isinstance(query, str) else {}
    for name, guess, span in unknown:
        d = Diagnostic("unknown-name", word("unknown name", lang, name=name), span,
                       hint=word("did you mean", lang, guess=guess) if guess else None)
        click.echo(d.render(sources, lang), err=True)


def _ask_in_words(text, kb, facts, at, fmt, explain, lang, short, steps, depth, trace_level="full", answer_number=None,
                  assumed=(), retracted=(), reading=None, how=None, how_max=None):
    """A question in words: understood against the kb's vocabulary, said back, then answered (or diffed)."""
    from click.core import ParameterSource

    from engine.tools.understanding import Diagnostic as _D, knowledge, language_of, understand, understood_and_said

    folder = chosen_knowledge(kb).folder
    knowledge_base = knowledge(folder, list(facts) or None)
    ctx = click.get_current_context()
    if ctx.get_parameter_source("lang") in (ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP, None):
        # --lang not given: the question's own language, before the project's lang and English
        lang = language_of(text, knowledge_base) or lang
        ctx.find_root().meta["zan.lang"] = lang
    if not facts and not how:
        # a question that names no one ("may a holder of q do p with his r?") is answered in
        # general, for every case (engine/tools/cases.general), not about the sample case's persons
        general_kb = knowledge(folder, None, sample=False)
        general = understand(text, general_kb, lang, general_questions=True)
        if not isinstance(general, _D) and general.roles and not general.names and not general.between:
            _general_answer(general, general_kb, chosen_knowledge(kb), at, fmt, lang, reading)
            return
    understood, said = understood_and_said(text, knowledge_base, lang)
    if understood.between:   # "what changed ...": of its question, or of every question the law can be asked
        from engine.pipeline import fact_atoms
        from engine.tools.diff import words_document

        doc = words_document(understood, said, folder, list(facts) or None, assumptions=tuple(fact_atoms(assumed)),
                             retractions=fact_atoms(retracted), reading=reading, language=lang, depth=depth, steps=steps)
        say_sample_case(sample_case(folder, facts), facts, fmt, lang)
        if fmt == "text":
            from engine.tools.understanding import understood_title

            click.echo(visible_styled(understood_title(said, lang)))
        emit(doc, fmt, explain, lang, short, steps, diff=True, after=according_section(doc, fmt, lang))
        return
    if understood.at is not None:
        source = click.get_current_context().get_parameter_source("at")
        if source not in (ParameterSource.DEFAULT, None) and at != understood.at:
            raise click.UsageError(message("two dates given", lang, named=understood.at, at=at))
        at = understood.at
    answer_question(understood.query, kb, facts, at, fmt, explain, lang, short=short, steps=steps, depth=depth,
            trace_level=trace_level, assumptions=understood.assumptions, understood=said, answer_number=answer_number,
            assumed=assumed, retracted=retracted, reading=reading, how=how, how_max=how_max)


def _general_answer(understood, knowledge_base, choice, at, fmt, lang, reading=None):
    """A general question: for each status, the conditions under which it holds (the case space of the atom
    given what the question says of its persons), then the decision table; JSON is `zan cases`'s plus the question."""
    from click.core import ParameterSource

    from engine.explain.render.as_according import section   # a cited provision: what it did in each row
    from engine.explain.render.as_cases import general_text, render
    from engine.tools.cases import general_document

    if understood.at is not None:
        source = click.get_current_context().get_parameter_source("at")
        if source not in (ParameterSource.DEFAULT, None) and at != understood.at:
            raise click.UsageError(message("two dates given", lang, named=understood.at, at=at))
        at = understood.at
    doc = general_document(understood, knowledge_base, at, choice.folder, lang, reading)
    if fmt in ("json", "jsonl"):
        import json

        doc["kb"] = choice.as_json()
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    if fmt == "text":
        from engine.explain.i18n import word

        head = [f"{word('question as understood', lang)}: `{understood.atom_text}`"]
        for a, r in zip(doc.get("given", []), doc.get("given_read", [])):
            head.append(f"  {word('given', lang)}: {r}")
        for c in (doc.get("question") or {}).get("according_to", ()):   # the rows cite the norms that decide them
            head.append(f"  {word('according to', lang)}: {c['cited_as']} ({', '.join(c.get('concluding') or c['norms'])})")
        click.echo(visible_styled("\n".join(head) + "\n\n" + general_text(doc, lang) + render(doc, "text", lang)
                                  + section(doc, "text", lang)), nl=False)
        return
    if fmt in ("markdown", "html"):
        from engine.explain.render.output import attach

        click.echo(visible_styled(attach(render(doc, fmt, lang, general=True), section(doc, fmt, lang), fmt)), nl=False)
        return
    raise click.UsageError(f"--format {fmt}: a general question is answered as text, json, markdown or html")


def _stream(pieces, flush_at: int, end: str = "") -> None:
    """Writes JSON text's pieces as they come, in writes of about flush_at characters (0: each piece as it is).

    `color=True`: click.echo does not look for terminal styles to strip from text for a pipe or a file, as JSON
    holds none (its strings escape every control character): it scanned every character (~0.08 s of a 10k
    register's 300 MB)."""
    buffer, size = [], 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size > flush_at:
            click.echo("".join(buffer) if len(buffer) > 1 else piece, nl=False, color=True)
            buffer, size = [], 0
    click.echo("".join(buffer) + end, nl=False, color=True)


def _unstyled() -> bool:
    """Whether click.echo will strip the styling from standard output (not a terminal, or --color/NO_COLOR off): its
    own test (click 8's `should_strip_ansi`), so the text is rendered unstyled only where the styles would go."""
    try:
        from click._compat import should_strip_ansi
        from click.globals import resolve_color_default
    except ImportError:   # pragma: no cover - another click: style, as before
        return False
    return should_strip_ansi(sys.stdout, resolve_color_default())


def emit(doc, fmt, explain, lang, short, steps, diff=False, after=None):
    if fmt == "jsonl":  # a line at a time, as each answer is explained
        from engine.explain.render.as_json import lines

        _stream(lines(doc), 0)   # its pieces are lines joined, a register's partition ending one (as_json.lines)
        return
    if fmt == "json":  # answer by answer, in pieces of about a megabyte: the same text as one json.dumps
        from engine.explain.render.as_json import pieces

        _stream(pieces(doc), 1 << 20, end="\n")
        return
    from engine.explain.render import output

    try:
        rendered = output.render(doc, fmt, explain, lang, short=short, steps=steps, diff=diff, styled=not _unstyled())
        if after:   # a section after the answers (--how), escaped for the format
            rendered = output.attach(rendered, after, fmt)
        click.echo(visible_styled(rendered), nl=False)  # control characters never reach the terminal
    except output.MissingTool as e:
        raise click.UsageError(str(e)) from None


def completion(kind):
    """Shell completion (Click's): predicates, saved questions or norms of the bundled/project kb."""
    def complete(ctx, param, incomplete):
        try:
            from engine.tools.vocabulary import completions

            return [c for c in completions(kind) if c.startswith(incomplete)]
        except Exception:  # completion must never print a traceback into the shell
            return []
    return complete


@main.command()
@click.argument("query", shell_complete=completion("predicates"))
@click.option("--how", "how", type=click.Choice(["permitted", "prohibited", "discretionary", "undetermined", "obligatory"]),
              help="For each answer, the minimal sets of facts that, added to the case, would give this status.")
@click.option("--max", "how_max", type=click.IntRange(min=1), metavar="N", help="With --how: at most N sets per answer.")
@common_options
@register_options
def ask(query, how, how_max, kb, facts, at, fmt, explain, lang, short, steps, depth, trace_level, jobs, partition,
        assumed, retracted, reading, answer_number):
    """Answer QUERY: an atom such as "q(a, P)", optionally after a status, or a question in words in kk, ru or
    en, made of the labels and phrases the knowledge base declares."""
    from engine.pipeline import looks_like_atom

    if looks_like_atom(query):
        answer_question(query, kb, facts, at, fmt, explain, lang, short=short, steps=steps, depth=depth, trace_level=trace_level,
                assumed=assumed, retracted=retracted, reading=reading, how=how, how_max=how_max, answer_number=answer_number)
    else:
        _ask_in_words(query, kb, facts, at, fmt, explain, lang, short, steps, depth, trace_level, answer_number,
                      assumed=assumed, retracted=retracted, reading=reading, how=how, how_max=how_max)


def according_section(doc: dict, fmt: str, lang: str) -> str | None:
    """After a diff's changes: what a provision cited in the question did in each (as_according.section)."""
    if fmt in ("json", "jsonl"):
        return None
    from engine.explain.render.as_according import section

    return section(doc, fmt, lang) or None
