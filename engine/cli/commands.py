"""The `zan` commands other than the question `ask`: imported only when one of them runs
(`engine.cli.LAZY`, click's lazy group), so that a question does not build them."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

import click

from engine.base.diagnostics import CODES, Diagnostic, ZanError
from engine.base.messages import errors_line, message
from engine.base.text import visible, visible_styled
from engine.cli import (EXPLANATION_FORMATS, FORMATS, CommandGroup, PathParamType, ZanCommand, according_section,
                        answer_question, chosen_knowledge, common_options, completion, emit, explanation_options,
                        facts_option, kb_option, lang_option, parse_date, parse_optional_date, reading_option,
                        register_options, sample_case, say_sample_case, what_if)


@click.command(cls=ZanCommand)
@click.argument("query")
@click.option("--from", "start", callback=parse_optional_date, metavar="YYYY-MM-DD", help="The earlier date.")
@click.option("--to", "end", callback=parse_optional_date, metavar="YYYY-MM-DD", help="The later date.")
@click.option("--at", callback=parse_optional_date, metavar="YYYY-MM-DD",
              help="With --versus-reading: the one date both readings are compared at (default: today).")
@click.option("--versus-reading", metavar="NAME", help="Compare with this reading (at one date, or from --from to --to).")
@what_if
@facts_option()
@kb_option()
@click.option("--format", "fmt", type=EXPLANATION_FORMATS, default="text", show_default=True)
@click.option("--explain", is_flag=True, help="Show the derivation at both dates.")
@lang_option()
@explanation_options
def diff(query, start, end, at, versus_reading, assumed, retracted, reading, facts, kb, fmt, explain, lang, short, steps,
         depth):
    """Every answer to QUERY whose status changes between --from and --to (or between --reading and
    --versus-reading), and the norm whose force or reading caused it."""
    from engine.pipeline import fact_atoms
    from engine.tools.diff import diff as compare
    from engine.tools.diff import document

    if versus_reading is None and (start is None or end is None):
        raise click.UsageError("give --from and --to (two dates), or --versus-reading (two readings)")
    from engine.pipeline import looks_like_atom

    day = at or datetime.date.today()
    start, end = start or day, end or start or day
    choice = chosen_knowledge(kb)
    words, said, cited = (), None, []
    if not looks_like_atom(query):   # a question in words: understood as `zan ask` understands it
        from engine.tools.understanding import knowledge, understood_and_said

        understood, said = understood_and_said(query, knowledge(choice.folder, list(facts) or None), lang)
        query, words = understood.query, tuple(understood.assumptions)
        cited = list(dict.fromkeys(nid for _w, _k, ids in understood.according_to for nid in ids))
        if understood.every and versus_reading is None:   # "what changed ...?" of every question the law can be asked
            from engine.tools.diff import according, diff_every, every_document

            doc = every_document(diff_every(understood.every, start, end, choice.folder, list(facts) or None,
                                            assumptions=words + tuple(fact_atoms(assumed)),
                                            retractions=fact_atoms(retracted), reading=reading),
                                 lang, depth=depth, steps=steps,
                                 annotate=(lambda r, d: according(r, d, cited, lang)) if cited else None)
            doc["question"] = said
            if fmt == "json":
                doc["kb"] = choice.as_json()
            say_sample_case(sample_case(choice.folder, facts), facts, fmt, lang)
            emit(doc, fmt, explain, lang, short, steps, diff=True, after=according_section(doc, fmt, lang))
            return
    result = compare(query, start, end, choice.folder, list(facts) or None, assumptions=words + tuple(fact_atoms(assumed)),
                     retractions=fact_atoms(retracted), reading=reading, versus_reading=versus_reading,
                     language=lang)
    doc = document(result, lang, depth=depth, steps=steps)
    if said is not None:
        doc["question"] = said
        if cited:   # a provision cited in the question: what its norms did in each change, at each date
            from engine.tools.diff import according

            according(result, doc, cited, lang)
    if fmt == "json":
        doc["kb"] = choice.as_json()
    say_sample_case(sample_case(choice.folder, facts), facts, fmt, lang)
    emit(doc, fmt, explain, lang, short, steps, diff=True, after=according_section(doc, fmt, lang))


@click.command(cls=ZanCommand)
@click.argument("query")
@click.option("--at", callback=parse_date, metavar="YYYY-MM-DD", help="The date of the question (default: today).")
@click.option("--compare", "compare_at", callback=parse_optional_date, metavar="YYYY-MM-DD",
              help="A second date: the rows whose status differs, with the norm whose force caused each change.")
@reading_option()
@click.option("--versus-reading", metavar="NAME", help="A second reading to compare the rows with.")
@click.option("--assume", "assumed", multiple=True, metavar="FACT", help="Assume a ground fact, e.g. p(a) (repeatable).")
@click.option("--retract", "retracted", multiple=True, metavar="FACT", help="Take a fact out (repeatable).")
@click.option("--given", "given", multiple=True, metavar="FACT",
              help="Only the cases where FACT holds, a fact over the question's variables such as p(C) or q(C, P) (repeatable).")
@kb_option()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]), default="text", show_default=True)
@lang_option("Language of labels and explanations.")
def cases(query, at, compare_at, reading, versus_reading, assumed, retracted, given, kb, fmt, lang):
    """The case space of QUERY, e.g. "q(C, P)": every case it can meet (a partition of the facts
    that can matter), each with its status and citations; then the gaps, conflicts and redundancies."""
    from engine.explain.render.as_cases import render
    from engine.tools.cases import cases as space_of
    from engine.tools.cases import document, letters

    choice = chosen_knowledge(kb)
    space = space_of(query, at, choice.folder, compare=compare_at, reading=reading, versus_reading=versus_reading,
                     assumed=assumed, given=given, retracted=retracted, language=lang)
    doc = document(space, lang, names=letters(space, lang, new_only=True))   # new persons by letters, never q2
    if fmt == "json":
        import json

        doc["kb"] = choice.as_json()
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    click.echo(visible_styled(render(doc, fmt, lang)), nl=False)


@click.command(cls=ZanCommand)
@click.argument("paths", nargs=-1, type=PathParamType(path_type=Path))
@click.option("--list-codes", is_flag=True, help="List the diagnostic codes and what they mean.")
@click.option("--explain", "explain_code", metavar="CODE", help="Explain a diagnostic code: what it means, how to fix it.")
@lang_option("Language of the diagnostics (the codes are the same).")
def check(paths, list_codes, explain_code, lang):
    """Check knowledge-base files or folders (default: the bundled kb/ and queries/) for errors."""
    if list_codes:
        from engine.checks.explanations import meaning

        for code, (severity, _meaning) in CODES.items():
            click.echo(f"{code:28} {message(severity, lang):8} {meaning(code, lang)}")   # in the reader's language
        return
    if explain_code is not None:
        from engine.checks.explanations import explain, meaning
        from engine.base.diagnostics import did_you_mean

        if explain_code not in CODES:
            guess = did_you_mean(explain_code, CODES)
            raise click.BadParameter(message("no such code", lang, code=explain_code) + "; " +
                                     (message("did you mean", lang, guess=guess) if guess else message("list codes", lang)),
                                     param_hint="--explain")
        severity = CODES[explain_code][0]
        click.echo(f"{explain_code} ({message(severity, lang)}): {meaning(explain_code, lang)}\n")
        import textwrap
        click.echo(textwrap.fill(" ".join((explain(explain_code, lang) or meaning(explain_code, lang)).split()), width=100))
        return
    from engine import checks
    from engine.syntax.knowledge import KnowledgeBase, kb_files, load

    files: list[Path] = []
    for p in paths or _project_folders(include_scenarios=False):
        if p.is_dir():
            files += kb_files(p) + sorted(f for f in (p / "cases").glob("*.facts") if f.is_file()) if (p / "cases").is_dir() else kb_files(p)
        else:
            files.append(p)
    if not paths:  # a project's case folders (zan.toml `cases`), where they lie outside kb/cases
        choice = chosen_knowledge(None)
        for folder in choice.project.cases if choice.project is not None else ():
            resolved = {f.resolve() for f in files}
            files += [f for f in sorted(folder.glob("*.facts")) if f.is_file() and f.resolve() not in resolved]
    named = set()
    if paths and files and all(f.suffix == ".facts" for f in files):
        # case files alone: checked against the knowledge base (--kb is not an option here: the project's
        # or the bundled one), and only their own problems are shown
        from engine.syntax.knowledge import display_path

        named = {display_path(f) for f in files}
        law = kb_files(chosen_knowledge(None).folder)
        files = law + files
    kb = KnowledgeBase()
    problems = []
    for group, case in (([f for f in files if f.suffix != ".facts"], False), ([f for f in files if f.suffix == ".facts"], True)):
        try:
            load(group, kb, case=case)  # a .facts file is a case file: facts only
        except ZanError as e:
            problems += e.diagnostics
    if problems:
        raise ZanError(problems, sources=kb.sources)
    found = checks.run(kb, lang)
    if named:
        found = [d for d in found if d.span is not None and d.span.file in named]
        files = [f for f in files if f.suffix == ".facts"]
    found = sorted(found, key=Diagnostic.sort_key)
    from engine.base.messages import warnings_line

    for d in found:
        click.echo(d.render(kb.sources, lang), err=True)
    n_err = sum(d.severity == "error" for d in found)
    n_warn = len(found) - n_err
    click.echo(message("files checked", lang, files=len(files), norms=len(kb.norms), errors=errors_line(n_err, lang),
                       warnings=warnings_line(n_warn, lang)), err=True)
    if n_err:
        sys.exit(1)


@click.command(cls=ZanCommand)
@kb_option()
@click.option("--at", callback=parse_date, metavar="YYYY-MM-DD", help="The date (default: today).")
@lang_option()
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@reading_option("List the norms in force under this reading (default: the project's `readings`, else the kb's defaults).")
def norms(kb, at, lang, fmt, reading):
    """List the norms in force at a date (under the readings in force), with their citations."""
    import json

    from engine.explain.phrasebook import Phrasebook
    from engine.logic import ir

    from engine.syntax import nodes
    from engine.pipeline import check as run_checks
    from engine.pipeline import load_knowledge

    choice = chosen_knowledge(kb)
    knowledge, _ = load_knowledge(choice.folder, [])
    run_checks(knowledge)
    program = ir.lower(knowledge, at, reading=reading)
    phrases = Phrasebook(knowledge, lang)
    rows = []
    for nid, info in sorted(program.norms.items(), key=lambda kv: (kv[1].node.citation or "", kv[0])):
        if not info.in_force(at):
            continue
        if info.node.readings and not any(r.norm_id in program.readings for r in info.node.readings):
            continue   # the norm of a reading not in force
        clause = info.node.clause
        rows.append({"id": nid, "citation": info.node.citation, "act": info.act.key if info.act else None,
                     "rank": info.rank, "modality": info.modality,
                     "conclusion": str(clause.head) if clause else None,
                     "from": info.start.isoformat() if info.start else None,
                     "to": info.end.isoformat() if info.end else None,
                     "text": nodes.label_of(info.node.quotes, lang),
                     "cited_as": phrases.cite_norm(info.node)})
    if fmt == "json":
        click.echo(json.dumps({"at": at.isoformat(), "kb": choice.as_json(), "norms": rows}, ensure_ascii=False, indent=2, sort_keys=True))
        return
    from engine.explain.i18n import word
    from engine.explain.phrasebook import say_date

    width = max((len(r["cited_as"] or "") for r in rows), default=0)
    for r in rows:
        kind = word(r["modality"] or ("definition" if r["conclusion"] else "provision"), lang)
        click.echo(visible(f"{r['cited_as'] or '':{width}}  {r['id']:40} {kind:13} {r['conclusion'] or ''}"))
    click.echo(word("norms in force", lang, count=len(rows), date=say_date(at, lang)))


@click.command(cls=ZanCommand)
@kb_option()
@facts_option("Case facts (names to ask about).", stdin=False)
@lang_option()
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def vocabulary(kb, facts, lang, fmt):
    """What can be asked and stated: predicates with readings and arguments, constants, ranges (purposes), statuses."""
    import json

    from engine.explain.i18n import word
    from engine.tools.understanding import knowledge
    from engine.tools.vocabulary import vocabulary as build

    data = build(knowledge(chosen_knowledge(kb).folder, list(facts) or None), lang)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
        return
    def signature(p: dict) -> str:   # q(A: a, B: b): the kinds where the kb declares them
        return f"{p['name']}(" + ", ".join(a if k["kind"] == a else f"{a}: {k['kind']}"
                                            for a, k in zip(p["arguments"], p["kinds"])) + ")"
    out = [f"# {word('vocabulary asked', lang)}"]
    for p in data["predicates"]:
        if p["asked"]:
            out.append(f"  {signature(p)} — {p['label']}")
            out.append(f"      {p['reading']}")
    out.append(f"# {word('vocabulary stated', lang)}")
    for p in data["predicates"]:
        if not p["asked"]:
            out.append(f"  {signature(p)} — {p['label']}")
            out.append(f"      {p['reading']}")
    if data["kinds"]:
        out.append(f"# {word('vocabulary kinds', lang)}")
        for k in data["kinds"]:
            out.append(f"  {k['name']} — {k['label']}" + (f"  ({', '.join(k['is'])})" if k["is"] else ""))
    out.append(f"# {word('vocabulary ranges', lang)}")
    for name, values in sorted(data["ranges"].items()):
        out.append(f"  {name}: " + "; ".join(f"{v['name']} ({v['label']})" for v in values))
    out.append(f"# {word('vocabulary constants', lang)}")
    for c in data["constants"]:
        out.append(f"  {c['name']} — {c['label']}" + (f"  [{'; '.join(c['phrases'])}]" if c["phrases"] else ""))
    out.append(f"# {word('vocabulary statuses', lang)}")
    out.append("  " + "; ".join(f"{s['name']} ({s['label']})" for s in data["statuses"]))
    out.append(f"# {word('vocabulary questions', lang)}")
    for q in data["questions"]:
        out.append(f"  {q['name']}({', '.join(q['parameters'])}) — {q['title']}")
    click.echo(visible("\n".join(out)))


@click.command(cls=ZanCommand)
@click.argument("norm", shell_complete=completion("norms"))
@kb_option()
@lang_option()
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def show(norm, kb, lang, fmt):
    """Show NORM (an id such as code.12.1.a, a citation key such as "code 12.1.2", or a citation in any form
    its act declares, such as "ст. 12 ч. 1 п. 2 Кодекса"): text in every language, conditions in words,
    exceptions, what it rests on, its reading."""
    import json

    from engine.base.diagnostics import did_you_mean
    from engine.base.source import Span
    from engine.explain.i18n import word
    from engine.explain.phrasebook import say_in_force
    from engine.pipeline import load_checked
    from engine.tools.vocabulary import find_norms, show as describe

    knowledge_base, _f, _w = load_checked(chosen_knowledge(kb).folder, None)
    found = find_norms(knowledge_base, norm)
    if not found:
        guess = did_you_mean(norm, list(knowledge_base.norms) + [x.citation for x in knowledge_base.norms.values() if x.citation])
        raise ZanError([Diagnostic("unknown-norm", word("no such norm", lang, norm=norm), Span("<command line>", 1, 1),
                                   hint=word("did you mean", lang, guess=guess) if guess else None)])
    shown = [describe(knowledge_base, x, lang) for x in found]
    if fmt == "json":
        click.echo(json.dumps({"norms": shown}, ensure_ascii=False, indent=2, sort_keys=True))
        return
    out = []
    for d in shown:
        out.append(f"{d['id']} ({d['cited_as']})")
        out.append(f"  {word('act', lang)}: {d['act_title']} ({word('rank', lang)} {d['rank']})")
        start, end = d["in_force"]["from"], d["in_force"]["to"]
        if start:
            out.append(f"  {say_in_force(start, end, lang)}")
        if d["conclusion"]:
            status = word(d["modality"], lang) + ": " if d["modality"] else ""
            out.append(f"  {status}{d['conclusion']} — {d['conclusion_in_words']}")
        for c in d["conditions"]:
            out.append(f"    {word('if', lang)} {c['atom']} — {c['in_words']}")
        for language in ("kk", "ru", "en"):
            if language in d["quotes"]:
                out.append(f"  {language}: «{d['quotes'][language]}»")
        for key, label in (("exception_to", "exception to"), ("exceptions", "its exceptions"), ("rests_on", "rests on"),
                           ("see", "see")):
            if d[key]:
                out.append(f"  {word(label, lang)}: {', '.join(d[key])}")
        if d["interpretation"]:
            out.append(f"  {word('interpretation', lang)}: {d['interpretation']}")
        for r in d.get("readings", ()):
            where = f" ({word('if', lang)} {r['condition']})" if r["condition"] else ""
            out.append(f"  {word('only under the reading', lang)}{where}: {r['label']} [{r['name']}]")
        for note in d["notes"]:
            out.append(f"  {word('notes', lang)}: {note}")
        out.append("")
    click.echo(visible("\n".join(out)), nl=False)


@click.command("init", cls=ZanCommand)
@click.argument("folder", required=False, default=".", type=PathParamType(file_okay=False, path_type=Path))
def init(folder):
    """Start a project in FOLDER (default: here): zan.toml and a small knowledge base that passes check and test."""
    from engine.base.project import FILENAME, foreign_folder, named
    from engine.base.resources import project_template

    template = project_template()
    if not (template / FILENAME).is_file():
        raise click.ClickException(f"the project template is missing from this installation ({template})")
    refusal = foreign_folder(folder)
    if refusal is not None:  # writing through another user's link, or into their folder (SECURITY.md)
        raise click.UsageError(f"{refusal}: zan init writes only into folders of your own")
    if (folder / FILENAME).exists():
        raise click.UsageError(f"{folder / FILENAME} already exists: {folder} is a project already")
    planned = [(p, folder / p.relative_to(template)) for p in sorted(template.rglob("*")) if p.is_file()]

    clashes = [str(target) for _, target in planned if os.path.lexists(target)]  # a symlink, even dangling, too
    if clashes:
        raise click.UsageError("these files exist and would be overwritten: " + ", ".join(clashes))
    links = sorted({str(d) for _, target in planned for d in target.relative_to(folder).parents
                    if str(d) != "." and (folder / d).is_symlink()})
    if links:  # writing through a planted link would create files elsewhere (SECURITY.md)
        raise click.UsageError("these folders are symbolic links; zan init writes only into real folders: "
                               + ", ".join(str(folder / d) for d in links))
    for source, target in planned:
        target.parent.mkdir(parents=True, exist_ok=True)
        # a new file only, never through a link: O_EXCL and O_NOFOLLOW
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        content = source.read_bytes()
        if target == folder / FILENAME:   # the project is named after its folder (`zan init my-law`: "my-law")
            content = named(content.decode("utf-8"), folder.resolve().name).encode("utf-8")
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        click.echo(f"created {target}", err=True)
    click.echo(f"A Zan project in {folder}: edit kb/, then run `zan check`, `zan test --coverage` and `zan test --mutate`"
               " there.", err=True)


@click.command("lsp", cls=ZanCommand)
def lsp():
    """Speak the Language Server Protocol on stdin/stdout, for editors (diagnostics, hover, definitions, ...)."""
    try:
        from engine.lsp.server import main as serve
    except ImportError as e:
        raise click.UsageError(f"the language server needs pygls ({e}); install it with `pip install 'zan[lsp]'`") from None
    serve()


def _project_folders(include_scenarios: bool) -> list[Path]:
    """What `zan check` and `zan fmt` read by default: the knowledge base and the saved questions (of the project)."""
    from engine.base.resources import bundled_queries

    choice = chosen_knowledge(None)
    if choice.project is None:
        return [choice.folder, bundled_queries()]
    folders = [choice.folder] + [q for q in choice.project.questions if q.is_dir()]
    if include_scenarios:
        folders += [s for s in choice.project.scenarios if s.is_dir()]
    return folders


def _scenario_folders(choice) -> list[Path]:
    if choice.project is not None:
        return [s for s in choice.project.scenarios if s.exists()]
    return [choice.folder / "scenarios"]


@click.command("test", cls=ZanCommand)
@click.argument("paths", nargs=-1, type=PathParamType(exists=True, path_type=Path))
@kb_option()
@click.option("--update", is_flag=True, help="Rewrite the recorded expectations from the actual answers (then review the diff).")
@click.option("--only", metavar="NAME", help="Run only the scenarios whose name starts with NAME.")
@lang_option("Language of the derivations shown.")
@click.option("-v", "--verbose", is_flag=True, help="Name every scenario that passed, too.")
@click.option("--coverage", is_flag=True, help="Report what of the law the scenarios exercise, and what they leave out.")
@click.option("--mutate", is_flag=True, help="Run the scenarios on mutants of the law; report the score and every survivor.")
@click.option("--fail-under", type=click.FloatRange(0, 100), metavar="PERCENT",
              help="Exit 1 when the coverage (and, with --mutate, the mutation score) is below PERCENT.")
@click.option("--sample", type=click.IntRange(min=1), metavar="N", help="With --mutate: run N mutants drawn at random (seeded).")
@click.option("--seed", type=int, default=0, show_default=True, help="With --sample: the seed of the draw.")
def test(paths, kb, update, only, lang, verbose, coverage, mutate, fail_under, sample, seed):
    """Run scenario files (default: kb/scenarios/) and compare statuses and derivations with what they expect."""
    from engine.tools.scenarios import Runner, report, update_files

    choice = chosen_knowledge(kb)
    kb = choice.folder
    folders = list(paths) or _scenario_folders(choice)
    runner = Runner(kb, readings=choice.project.readings if choice.project is not None else ())
    run = runner.run(folders, only)
    if run.diagnostics:
        raise ZanError(run.diagnostics, sources=run.sources)
    if update:
        for path in update_files(run):
            click.echo(f"updated {path}", err=True)
        run = Runner(kb, readings=runner.readings).run(folders, only)
    for outcome in run.failed:
        click.echo(visible_styled(report(outcome, lang)))   # colour only where click keeps it (a terminal, no NO_COLOR)
    if verbose:
        from engine.explain.i18n import word

        for outcome in run.outcomes:
            if outcome.passed:
                click.echo(visible(f"{outcome.expectation.span}: " + word("scenario passed", lang, scenario=outcome.scenario.name,
                                                                          atom=outcome.expectation.atom)))
    names = {o.scenario.name for o in run.outcomes}
    failed = sorted({o.scenario.name for o in run.failed})
    click.echo(message("scenarios run", lang, scenarios=len(names), expectations=len(run.outcomes))
               + (message("some failed", lang, count=len(run.failed), names=", ".join(failed)) if failed
                  else message("all passed", lang)))
    if failed:
        sys.exit(1)
    below = []
    if coverage or (fail_under is not None and not mutate):
        from engine.tools.coverage import measure
        from engine.tools.coverage import report as coverage_report

        measured = measure(runner.knowledge(), run.outcomes)
        click.echo(visible_styled(coverage_report(measured, lang)), nl=False)
        if fail_under is not None and measured.percent < fail_under:
            below.append(f"coverage {measured.percent:.1f}% is below {fail_under:g}%")
    if mutate:
        from engine.tools import mutation

        if only:
            raise click.UsageError("--mutate runs every scenario: it cannot be combined with --only")
        result = mutation.mutate(runner, run, sample=sample, seed=seed)
        click.echo(visible_styled(mutation.render(result, verbose, lang)), nl=False)
        if fail_under is not None and result.percent < fail_under:
            below.append(f"mutation score {result.percent:.1f}% is below {fail_under:g}%")
    for line in below:
        click.echo(f"FAIL: {line} (--fail-under)", err=True)
    if below:
        sys.exit(1)


@click.command("fmt", cls=ZanCommand)
@click.argument("paths", nargs=-1, type=PathParamType(exists=True, path_type=Path))
@click.option("--check", "check_only", is_flag=True, help="Change nothing; exit 1 with a diff where a file would change.")
def fmt_command(paths, check_only):
    """Lay out DSL and scenario files (default: the project's kb/ and queries/) canonically, keeping comments."""
    from engine.base.inputs import line_ending, write_atomically
    from engine.syntax import formatter
    from engine.syntax.knowledge import display_path
    from engine.syntax.parser import read_source

    files: list[Path] = []
    for p in paths or _project_folders(include_scenarios=False):
        files += sorted(q for q in p.rglob("*") if q.suffix in (".zan", ".facts", ".scenario") and q.is_file()) \
            if p.is_dir() else [p]
    problems, changed, sources = [], [], {}
    for path in files:
        name = display_path(path)
        scenario = path.suffix == ".scenario"  # grammar/scenario.lark, laid out in the same style
        layout = formatter.format_scenario_text if scenario else formatter.format_text
        same = formatter.same_scenario_meaning if scenario else formatter.same_meaning
        try:
            text = sources[name] = read_source(path)
            formatted = layout(text, name)
        except ZanError as e:
            problems.extend(e.diagnostics)
            continue
        ending = line_ending(text)  # a file keeps its line endings (CRLF stays CRLF)
        formatted = formatted.replace("\r\n", "\n").replace("\n", ending)
        if formatted == text:
            continue
        if not same(text, formatted, name):  # a bug of ours; never write it
            raise RuntimeError(f"the layout of {name} would change its tokens; the file is left as it is")
        changed.append(name)
        if check_only:
            click.echo(f"{name}: would be reformatted")
            click.echo(visible(formatter.diff(text, formatted, name)), nl=False)
        else:
            write_atomically(path, formatted, ending)  # a full disk leaves the original whole
            click.echo(f"reformatted {name}", err=True)
    if problems:
        raise ZanError(problems, sources=sources)
    verb = "would be reformatted" if check_only else "reformatted"
    click.echo(f"{len(files)} files, {len(changed)} {verb}", err=True)
    if check_only and changed:
        sys.exit(1)


@click.group("cache", cls=CommandGroup)
def cache_group():
    """The per-user cache of parsed knowledge bases (SECURITY.md): where it is, how big, clear it."""


@cache_group.command("info")
def cache_info():
    """Where the cache is, whether it is used, and how much it holds."""
    from engine.base import cache

    where, state, count, size = cache.usage()
    reasons = {"off": "turned off (ZAN_CACHE=0)", "no home": "not used: no home folder to keep it in",
               "missing": "not created yet", "ok": f"{count} entries, {size:,} bytes",
               "refused": "not used: the folder is a symlink, not owned by you, or writable by others"}
    click.echo(f"{where or '-'}: {reasons[state]} (at most {cache.MAX_BYTES:,} bytes; "
               f"entries unused for {cache.MAX_AGE_DAYS} days are dropped)")


@cache_group.command("clear")
def cache_clear():
    """Remove every cache entry (the cache is rebuilt as questions are asked)."""
    from engine.base import cache

    where, removed, freed = cache.clear()
    click.echo(f"{where or '-'}: removed {removed} entries, {freed:,} bytes")


@click.command(cls=ZanCommand)
@click.option("--count", type=click.IntRange(min=1, max=100), default=5, show_default=True, help="How many exercises.")
@click.option("--seed", type=int, default=0, show_default=True, help="The same seed gives the same sheet.")
@click.option("--topic", metavar="T", help="A word of the knowledge base: a constant (a), a word of a norm's id "
              "(sale in code.12.1.sale), a predicate of the case (p), or dates.")
@click.option("--level", type=click.IntRange(1, 2), default=1, show_default=True,
              help="1: status and deciding norm; 2: also the norm it prevails over and the principle.")
@lang_option("Language of the sheet and its key.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
              help="text (the sheet), json (sheet and answers), html (a printable sheet and its answer key).")
@click.option("--key", is_flag=True, help="Print the answer key after the sheet (text).")
@click.option("--source", type=click.Choice(["bundled", "cases"]), default="bundled", show_default=True,
              help="bundled: the bundled cases and their variants; cases: the rows of `zan cases` (every case the law "
                   "distinguishes; slower).")
@kb_option()
def exercises(count, seed, topic, level, lang, fmt, key, source, kb):
    """Exercises drawn from the case space, each with exactly one correct answer according to the kb."""
    import json

    from engine.tools.exercises import generate, sheet_html, sheet_text

    sheet = generate(count=count, seed=seed, topic=topic, language=lang, level=level, kb_dir=chosen_knowledge(kb).folder,
                     source=source)
    if fmt == "json":
        click.echo(json.dumps(sheet, ensure_ascii=False, indent=2, sort_keys=True))
    elif fmt == "html":
        click.echo(sheet_html(sheet, key=True), nl=False)
    else:
        click.echo(visible_styled(sheet_text(sheet, key=key)), nl=False)


@click.command(cls=ZanCommand)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="The port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to bind; only this machine can reach the default one.")
@kb_option("Knowledge base folder (default: the project's, else the bundled one); it is only read.")
def serve(port, host, kb):
    """The trainers' workbench: a local web page to explore derivations, dates and exercises (docs/trainers.md)."""
    try:
        from engine.serve.server import run
        import jinja2, starlette, uvicorn  # noqa: F401  (the extra's packages, checked before starting)
    except ImportError as e:
        raise click.UsageError(f"zan serve needs the serve extra ({e.name} is missing): pip install 'zan[serve]'") from None
    from engine.serve.server import listen

    choice = chosen_knowledge(kb)
    choice.settings()   # a broken settings file of the bundled kb is said here, at its line, before the server starts
    try:
        sock = listen(host, port)  # bound before it is announced: a taken port is said, --port 0 gets a real one
    except OSError as e:
        raise click.UsageError(f"cannot listen on {host}:{port}: {e.strerror or e}; choose another --port "
                               "(--port 0 takes any free one)") from None
    port = sock.getsockname()[1]
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    click.echo(f"zan serve: http://{shown}:{port}/ (Ctrl+C to stop); {choice.describe()}", err=True)
    run(host, port, choice=choice, sock=sock)


class _QueryCommand(ZanCommand):
    """`zan query --help` lists the saved questions with their titles."""

    def format_epilog(self, ctx, formatter):
        try:
            from engine.tools.vocabulary import saved_questions

            rows = [(f"{name}({', '.join(params)})", title or "") for name, params, title in saved_questions()]
        except Exception:
            rows = []
        if rows:
            with formatter.section("Saved questions"):
                formatter.write_dl(rows)
        super().format_epilog(ctx, formatter)


@click.command(cls=_QueryCommand)
@click.argument("name", shell_complete=completion("questions"))
@click.argument("args", nargs=-1)
@click.option("--queries", "query_dir", type=PathParamType(file_okay=False, path_type=Path), help="Folder of saved questions.")
@common_options
@register_options
def query(name, args, query_dir, kb, facts, at, fmt, explain, lang, short, steps, depth, trace_level, jobs, partition,
          assumed, retracted, reading, answer_number):
    """Run the saved question NAME (from queries/) with ARGS, e.g. `zan query q a`."""
    from engine.tools.questions import titled

    question, title = titled(name, args, query_dir, lang, chosen_knowledge(kb).folder)
    answer_question(question, kb, facts, at, fmt, explain, lang, title=title, short=short, steps=steps, depth=depth,
                    trace_level=trace_level, assumed=assumed, retracted=retracted, reading=reading, answer_number=answer_number)
