"""The way through the code in one place: parse -> check -> lower to IR -> evaluate -> answer -> explain."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from engine.base import cache

from engine import checks

from engine.logic import ir
from engine.syntax import nodes as n
from engine.explain.answering import Trace, answers, brief_trace, trace
from engine.checks.names import check_atom
from engine.base.diagnostics import Diagnostic, ZanError, errors
from engine.logic.evaluation import evaluate
from engine.syntax.knowledge import KnowledgeBase, kb_files, load, load_contents, read_files, sample_case_files
from engine.explain.proof import Prover
from engine.base.resources import default_kb


@dataclass
class Result:
    """A question's answers with their traces, and the warnings met on the way."""

    query: n.Query
    at: datetime.date
    kb: KnowledgeBase
    program: ir.Program
    traces: list[Trace] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    fact_files: list[str] = field(default_factory=list)


def load_law(folder: Path) -> KnowledgeBase:
    """The knowledge base folder's *.zan files parsed, from the cache when the same bytes were parsed before.

    Each file is read once; the bytes read are the bytes hashed and parsed. Only the law is cached,
    never a case: a plain fact file parses as fast as an entry loads (SECURITY.md).
    """
    named = read_files(kb_files(folder))
    entry = cache.key("law", named)
    kb = cache.load(entry)
    if isinstance(kb, KnowledgeBase):
        return kb
    kb = load_contents(named)
    cache.store(entry, kb)
    return kb


def load_knowledge(kb_dir: Path | None = None, fact_files: Sequence[Path] | None = None,
                   query_dirs: Sequence[Path] = ()) -> tuple[KnowledgeBase, list[str]]:
    """Parses the knowledge base, the case facts (the bundled sample case when none are given) and questions.

    Case files hold facts only (knowledge.case_only); each input is read exactly once, so a pipe or
    standard input (`-`) can be a case file.
    """
    folder = Path(kb_dir) if kb_dir else default_kb()
    if not folder.is_dir():
        raise ZanError([Diagnostic("unreadable-file", f"no knowledge base folder at {folder}", None)])
    facts = list(fact_files) if fact_files else sample_case_files(folder)
    kb = load_law(folder)
    load(facts, kb, case=True)
    questions = [q for d in query_dirs for q in sorted(Path(d).glob("*.zan"))]
    if questions:
        load(questions, kb)
    return kb, [str(p) for p in facts]


def check(kb: KnowledgeBase) -> list[Diagnostic]:
    """Runs the static checks; errors stop the question, warnings are returned."""
    found = checks.run(kb)
    if errors(found):
        raise ZanError(sorted(errors(found), key=Diagnostic.sort_key), sources=kb.sources)
    return found


def check_query(kb: KnowledgeBase, query: n.Query) -> None:
    problems = check_atom(kb, query.atom)
    if problems:
        raise ZanError([Diagnostic("invalid-query", p.message, p.span, hint=p.hint) for p in problems],
                       sources=kb.sources)


def load_checked(kb_dir: Path | None = None, fact_files: Sequence[Path] | None = None
                 ) -> tuple[KnowledgeBase, list[str], list[Diagnostic]]:
    """load_knowledge + check (the law from the cache when the same files were parsed before)."""
    kb, fact_names = load_knowledge(kb_dir, fact_files)
    return kb, fact_names, check(kb)


def parse_question(text: str) -> n.Query:
    """parse_query, from the cache when the same text was asked before (then lark is not even imported)."""
    entry = cache.key("query", [("<query>", text.encode("utf-8", "surrogatepass"))])
    query = cache.load(entry)
    if query is None:
        from engine.syntax.parser import parse_query

        query = parse_query(text)
        cache.store(entry, query)
    return query


def ask(query_text: str | n.Query, at: datetime.date, kb_dir: Path | None = None,
        fact_files: Sequence[Path] | None = None, explain: bool = True, trace_level: str | None = None) -> Result:
    """parse -> check -> IR -> evaluate (what the question's relations rest on) -> answers -> proofs.

    trace_level (explanation.TRACE_LEVELS): `full` traces have the why-nots, `brief` and `none` only the
    deciding proofs (the citations are read off them). Default: `full`, or `none` when not `explain`.
    The amount never depends on how many answers there are.
    """
    kb, facts, warnings = load_checked(kb_dir, fact_files)
    if isinstance(query_text, str):
        try:
            query = parse_question(query_text)
            check_query(kb, query)
        except ZanError as e:
            raise ZanError(e.diagnostics, sources={**kb.sources, "<query>": query_text}) from None
    else:
        query = query_text
        check_query(kb, query)
    program = ir.lower(kb, at)
    predicate = query.atom.predicate
    model = evaluate(program, {predicate} | {f"{kind}:{predicate}" for kind in ("norm", "domain")})
    prover = Prover(program, model)
    found = answers(program, model, query)
    result = Result(query, at, kb, program, warnings=warnings, fact_files=facts)
    full = (trace_level or ("full" if explain else "none")) == "full"
    result.traces = [trace(program, prover, a) if full else brief_trace(program, prover, a) for a in found]
    return result
