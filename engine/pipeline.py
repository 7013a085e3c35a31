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
from engine.syntax.knowledge import KnowledgeBase, display_path, kb_files, load, sample_case_files
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


def load_knowledge(kb_dir: Path | None = None, fact_files: Sequence[Path] | None = None,
                   query_dirs: Sequence[Path] = ()) -> tuple[KnowledgeBase, list[str]]:
    """Parses the knowledge base, the case facts (the bundled sample case when none are given) and questions."""
    folder = Path(kb_dir) if kb_dir else default_kb()
    if not folder.is_dir():
        raise ZanError([Diagnostic("unreadable-file", f"no knowledge base folder at {folder}", None)])
    facts = list(fact_files) if fact_files else sample_case_files(folder)
    paths = kb_files(folder) + facts + [q for d in query_dirs for q in sorted(Path(d).glob("*.zan"))]
    return load(paths), [str(p) for p in facts]


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
    """load_knowledge + check, from the compiled-knowledge cache when the same files were checked before."""
    folder = Path(kb_dir) if kb_dir else default_kb()
    facts = list(fact_files) if fact_files else sample_case_files(folder) if folder.is_dir() else []
    named = [(display_path(p), p) for p in kb_files(folder) + facts] if folder.is_dir() else None
    entry = cache.key("checked", cache.contents(named)) if named is not None else None
    cached = cache.load(entry)
    if cached is not None:
        kb, warnings = cached
        return kb, [str(p) for p in facts], warnings
    kb, fact_names = load_knowledge(kb_dir, fact_files)
    warnings = check(kb)
    cache.store(entry, (kb, warnings))
    return kb, fact_names, warnings


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
