"""The documentation's examples are checked, so that they cannot drift from the law or the command line.

Every ```zan block of README.md and docs/*.md is parsed: a norm the knowledge base also has must say
what the knowledge base says (citation, relations, clause; its quotes may leave parts out with "...",
but what they keep is the kb's text), anything else must pass `zan check` together with the bundled
knowledge base, and a scenario must pass. Every `zan ...` line of a ```sh block must be a command
line `zan` accepts (options and arguments parsed as the command would, nothing run).
"""

from __future__ import annotations

import os
import re
import shlex
import warnings

import click
import pytest

from conftest import KB, ROOT
from engine import checks
from engine.base.diagnostics import errors
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase, kb_files, load
from engine.syntax.parser import parse_module

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def blocks(language: str):
    for doc in DOCUMENTS:
        text = doc.read_text(encoding="utf-8")
        for m in BLOCK.finditer(text):
            if m.group(1) == language:
                line = text.count("\n", 0, m.start()) + 2
                yield pytest.param(doc, line, m.group(2), id=f"{doc.relative_to(ROOT)}:{line}")


@pytest.fixture(scope="module")
def law() -> KnowledgeBase:
    return load(kb_files(KB))


def _is_scenario(block: str) -> bool:
    return any(line.startswith("scenario ") for line in block.splitlines())


def _clause_text(clause: n.Clause | None) -> str | None:
    if clause is None:
        return None
    return (f"{clause.modality} " if clause.modality else "") + str(clause.head) + "".join(
        f" / {c}" for c in clause.body)


def test_there_are_examples_to_check():
    assert len(list(blocks("zan"))) >= 4 and len(list(blocks("sh"))) >= 4


@pytest.mark.parametrize("doc, line, block", list(blocks("zan")))
def test_a_dsl_example_is_the_law(doc, line, block, law, tmp_path):
    name = f"{doc.relative_to(ROOT)}:{line}"
    if _is_scenario(block):
        from engine.tools.scenarios import Runner

        (tmp_path / "scenarios").mkdir()
        os.symlink(KB / "cases", tmp_path / "cases")
        path = tmp_path / "scenarios" / "example.scenario"
        path.write_text(block, encoding="utf-8")
        run = Runner(KB).run([path])
        assert not run.diagnostics and run.outcomes and not run.failed, (name, [o.mismatches for o in run.failed])
        return
    module = parse_module(block, name)
    for statement in module.statements:
        if isinstance(statement, n.Norm) and statement.id in law.norms:
            real = law.norms[statement.id]
            assert statement.citation == real.citation, name
            for attribute in ("exception_to", "rests_on", "see"):
                assert [r.norm_id for r in getattr(statement, attribute)] == \
                       [r.norm_id for r in getattr(real, attribute)], (name, attribute)
            assert _clause_text(statement.clause) == _clause_text(real.clause), name
            quotes = {q.language: q.text for q in real.quotes}
            for quote in statement.quotes:
                for piece in (p.strip(" ,.") for p in quote.text.split("...")):
                    assert piece in quotes.get(quote.language, ""), (name, quote.language, piece)
    rest = tuple(s for s in module.statements if not (isinstance(s, n.Norm) and s.id in law.norms))
    if rest:
        kb = load(kb_files(KB))
        kb.add(n.Module(name, rest), block)
        found = [d for d in errors(checks.run(kb)) if d.span is not None and d.span.file == name]
        assert not found, [d.render(kb.sources) for d in found]


def _commands():
    for param in blocks("sh"):
        doc, line, block = param.values
        for offset, text in enumerate(block.splitlines()):
            text = text.strip()
            if text.startswith("$ "):
                text = text[2:]
            if text.startswith("zan "):
                yield pytest.param(text, id=f"{doc.relative_to(ROOT)}:{line + offset}")


@pytest.mark.parametrize("command", list(_commands()))
def test_a_documented_command_line_is_accepted(command, monkeypatch):
    from engine.cli import main

    monkeypatch.chdir(ROOT)
    words = shlex.split(command, comments=True)[1:]
    for i, word in enumerate(words):  # a shell redirection ends the command line
        if word.startswith(">") or word == "|":
            words = words[:i]
            break
    ctx = click.Context(main, info_name="zan")
    name, sub, rest = main.resolve_command(ctx, words)
    while isinstance(sub, click.Group):
        parent = sub.make_context(name, rest, parent=ctx, resilient_parsing=False)
        with warnings.catch_warnings():  # click 8.2 deprecates protected_args (9.0 keeps them in args)
            warnings.simplefilter("ignore", DeprecationWarning)
            name, sub, rest = sub.resolve_command(parent, [*parent.protected_args, *parent.args])
    try:
        sub.make_context(name, rest, parent=ctx)  # raises click's usage error where the line is wrong
    except click.exceptions.Exit as done:  # --help: accepted, and answered at once
        assert done.exit_code == 0
