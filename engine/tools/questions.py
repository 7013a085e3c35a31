"""Saved questions (queries/*.zan): found by name and instantiated with the arguments given."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from engine.syntax import nodes as n
from engine.base.diagnostics import Diagnostic, ZanError, did_you_mean
from engine.base.messages import message
from engine.syntax.knowledge import KnowledgeBase, read_files
from engine.base.resources import default_queries
from engine.base.source import Span


def saved(folder: Path) -> KnowledgeBase:
    """The saved questions of the folder (its *.zan files), parsed as the law is: from the cache when the same files
    were parsed before, so that a saved question or a question in words does not import lark to read them again."""
    from engine.pipeline import law_of

    return law_of(read_files(sorted(q for q in folder.glob("*.zan") if q.is_file())))


def instantiate(name: str, args: Sequence[str], query_dir: Path | None, language: str,
                names: dict[str, str] | None = None) -> tuple[n.Query, str | None]:
    """The saved question's query with its parameters bound, and its title in the language (a name in the
    title as `names` spells it in the language: ivanov -> Иванов, where the kb labels the constant)."""
    kb = saved(Path(query_dir) if query_dir else default_queries())
    question = kb.questions.get(name)
    where = Span("<command line>", 1, 1)
    if question is None:
        guess = did_you_mean(name, kb.questions)
        known = ", ".join(sorted(kb.questions)) or "—"
        raise ZanError([Diagnostic("unknown-question", message("unknown question", language, name=name), where,
                                   hint=message("did you mean", language, guess=guess) if guess else
                                   message("saved questions are", language, names=known))])
    if len(args) != len(question.parameters):
        raise ZanError([Diagnostic("question-arguments",
                                   message("question arguments", language, name=name, count=len(question.parameters),
                                           parameters=", ".join(question.parameters), given=len(args)), where)])
    binding = dict(zip(question.parameters, args))
    atom = question.query.atom
    terms: list[n.Term] = []
    for t in atom.args:
        if isinstance(t, n.Variable) and t.name in binding:
            terms.append(n.Constant(_constant(binding[t.name]), t.span))
        else:
            terms.append(t)
    query = n.Query(question.query.status, n.Atom(atom.predicate, tuple(terms), atom.span, atom.predicate_span),
                    question.query.span)
    title = n.label_of(question.labels, language)
    if title:
        for parameter, value in binding.items():
            title = title.replace("{" + parameter + "}", (names or {}).get(value, value))
    return query, title


def titled(name: str, args: Sequence[str], query_dir: Path | None, language: str,
           kb_dir: Path | None = None) -> tuple[n.Query, str | None]:
    """`instantiate` with the names in the title as the kb spells them in the language (its constants' labels):
    the one path by which every front-end (the CLI's `zan query`, the web API) titles a saved question."""
    names = None
    try:
        from engine.pipeline import load_checked

        constants = load_checked(kb_dir, None)[0].constants
        names = {c: n.label_of(d.labels, language, c) for c, d in constants.items()}
    except ZanError:
        pass  # the kb's own errors are reported by the answer that follows
    return instantiate(name, args, query_dir, language, names)


def _constant(text: str):
    """An argument from the command line is a constant, as it would be written in a query: a date
    (YYYY-MM-DD), a number (`20`, `1.5`), otherwise a name or text, whatever its case (never a variable,
    never parsed as code)."""
    for read in (n.iso_date, n.number):
        try:
            return read(text)
        except ValueError:
            pass
    return text
