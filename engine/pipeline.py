"""The way through the code in one place: parse -> check -> lower to IR -> evaluate -> answer -> explain."""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
from dataclasses import field
from engine.base.records import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from engine.base import cache, collector

from engine.logic import ir
from engine.syntax import nodes as n
from engine.explain.answering import Trace, answers, brief_trace, trace
from engine.logic.deontic import Answer
from engine.logic.model import Model
from engine.base.diagnostics import Diagnostic, ZanError, errors
from engine.base.messages import message
from engine.logic.evaluator import evaluate
from engine.syntax.knowledge import (STORED, KnowledgeBase, SourceTexts, kb_file_names, load, load_contents,
                                     read_files, sample_case_names)
from engine.explain.proof import Prover
from engine.base.places import plain
from engine.base.resources import default_kb
from engine.base.source import Span

if TYPE_CHECKING:
    from pathlib import Path


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
    unknown_names: list[tuple] = field(default_factory=list)  # (name, did-you-mean, span): names that occur nowhere
    assumptions: tuple[n.Atom, ...] = ()


@dataclass(frozen=True)
class Request:
    """A question as every front-end asks it (`zan ask`, `zan query`, the workbench's /api/ask): what to answer,
    over which law and case, and how much of the document to build. engine/tools/service.answer_document turns it
    into the answers' document; the front-ends only read their options into one and print what comes back.
    """

    query: str | n.Query                        # an atom ("p(a, X, Y)") or a parsed question
    at: datetime.date
    kb_dir: Path | None = None                  # None: the project's, else the bundled one
    fact_files: Sequence[Path] | None = None    # None: the knowledge base's sample case
    language: str = "en"
    trace_level: str = "full"                   # explanation.TRACE_LEVELS: full, brief, none
    depth: int | None = None
    steps: bool = False
    assumptions: tuple[n.Atom, ...] = ()        # added to the case (--assume, a question in words' "if ...")
    retractions: tuple[n.Atom, ...] = ()        # taken out of it (--retract)
    reading: object = None                      # ir.lower's reading(s)
    how: str | None = None                      # --how STATUS: the minimal sets of facts that would give it
    how_max: int | None = None
    machine: bool = False                       # JSON: lazy answers and shared tables; "kb" in the document
    partitions: bool = False                    # a machine register evaluated in partitions (engine/tools/register.py)
    partition: int | None = None                # case facts per partition (default register.partition_facts(trace_level))
    jobs: int | None = None                     # processes for the partitions (default register.default_jobs())
    kb: dict | None = None                      # which knowledge base, and why (project.Choice.as_json())
    understood: dict | None = None              # a question in words, said back (understanding.in_words)
    title: str | None = None                    # a saved question's title (understood questions get theirs)


def load_law(folder: Path | str) -> KnowledgeBase:
    """The knowledge base folder's *.zan files parsed, from the cache when the same bytes were parsed before.

    Each file is read once; the bytes read are the bytes hashed and parsed. Only the law is cached,
    never a case: a plain fact file parses as fast as an entry loads (SECURITY.md).
    """
    return law_of(read_files(kb_file_names(folder)))


def law_of(named: list[tuple[str, bytes]]) -> KnowledgeBase:
    """The knowledge base of the files read (name as shown, bytes), from the cache when parsed before."""
    entry = cache.key("law", named)
    kb = cache.load(entry, STORED)
    if isinstance(kb, KnowledgeBase):
        return with_texts(kb, named)
    kb = load_contents(named)
    cache.store(entry, without_texts(kb), STORED)
    return kb


def without_texts(kb: KnowledgeBase) -> KnowledgeBase:
    """The knowledge base as the cache keeps it: without the texts of its files (`sources`, 44% of the law's entry).
    Their bytes are read and hashed for the entry's key anyway, so they are not hashed again in its seal nor
    unpickled; `with_texts` gives them back."""
    return dataclasses.replace(kb, sources={})


def with_texts(kb: KnowledgeBase, named: list[tuple[str, bytes]]) -> KnowledgeBase:
    """A knowledge base from the cache with the texts of the files it was parsed from (the bytes its key was made
    of), each decoded when first asked for (`knowledge.SourceTexts`)."""
    kb.sources = SourceTexts(named)
    return kb


def load_knowledge(kb_dir: Path | None = None, fact_files: Sequence[Path] | None = None,
                   query_dirs: Sequence[Path] = (), sample: bool = True) -> tuple[KnowledgeBase, list[str]]:
    """Parses the knowledge base, the case facts (the bundled sample case when none are given) and questions.

    Case files hold facts only (knowledge.case_only); each input is read exactly once, so a pipe or
    standard input (`-`) can be a case file.
    """
    folder = plain(kb_dir if kb_dir else default_kb())
    if not os.path.isdir(folder):
        raise ZanError([Diagnostic("unreadable-file", message("no kb folder at", folder=folder), None)])
    facts = list(fact_files or ()) if fact_files or not sample else sample_case_names(folder)
    kb = load_law(folder)
    load(facts, kb, case=True)
    questions = [q for d in query_dirs for q in _zan_files_in(d)]
    if questions:
        load(questions, kb)
    return kb, [str(p) for p in facts]


def _zan_files_in(folder) -> list:
    """`sorted(Path(folder).glob("*.zan"))` that are files (saved questions: pathlib imported only here)."""
    from pathlib import Path

    return [q for q in sorted(Path(folder).glob("*.zan")) if q.is_file()]


def check(kb: KnowledgeBase) -> list[Diagnostic]:
    """Runs the static checks; errors stop the question, warnings are returned."""
    from engine import checks

    found = checks.run(kb)
    if errors(found):
        raise ZanError(sorted(errors(found), key=Diagnostic.sort_key), sources=kb.sources)
    return found


def known_names(kb: KnowledgeBase) -> set:
    """Every constant the knowledge base and the case mention: declared, in facts, in rules and in saved questions."""
    names: set[object] = set(kb.constants)
    for clause, _norm in kb.all_clauses():
        if clause.__class__ is n.PlainFact:   # a case's fact kept as a row: its values, no nodes made
            names.update(clause.values)   # type: ignore[attr-defined]
            continue
        for atom in (clause.head, *[c.atom if isinstance(c, n.Negation) else c for c in clause.body]):
            if isinstance(atom, n.Atom):
                names.update(a.value for a in atom.args if isinstance(a, n.Constant))
            elif isinstance(atom, n.Comparison):
                names.update(a.value for a in (atom.left, atom.right) if isinstance(a, n.Constant))
    return names


def unknown_names(kb: KnowledgeBase, atom: n.Atom) -> list[tuple[str, str | None, Span]]:
    """(name, did-you-mean, span) for each name in the question that occurs nowhere in the case or the kb."""
    from engine.base.diagnostics import did_you_mean

    known = None
    found = []
    for a in atom.args:
        if isinstance(a, n.Constant) and isinstance(a.value, str) and a.value not in kb.constants:   # declared: known
            known = known_names(kb) if known is None else known
            if a.value not in known:
                found.append((a.value, did_you_mean(a.value, [k for k in known if isinstance(k, str)]), a.span))
    return found


def assume(kb: KnowledgeBase, facts: Sequence[n.Atom]) -> KnowledgeBase:
    """The knowledge base with the facts a question assumes added to the case (a copy; the cached one is untouched)."""
    if not facts:
        return kb
    for atom in facts:
        check_query(kb, n.Query(None, atom, atom.span))
    added = [n.Clause(None, atom, (), None, atom.span) for atom in facts]
    origins = {**kb.origins, **{atom.span.file: ir.ASSUMPTION for atom in facts}}
    return dataclasses.replace(kb, clauses=list(kb.clauses) + added, origins=origins)


ASSUMED = "<assumed>"   # the source of a fact assumed on the command line: traces show it as assumed


def fact_atoms(texts: Sequence[str], path: str = ASSUMED) -> list[n.Atom]:
    """Ground facts written on the command line (--assume, --retract), e.g. `p(a)`, as atoms."""
    if not texts:
        return []   # nothing to parse: lark is not even imported (a cold question pays for it otherwise)
    from engine.syntax.parser import parse_query

    out = []
    for text in texts:
        stripped = text.strip()
        if stripped.endswith("."):
            stripped = stripped[:-1]
        try:
            query = parse_query(stripped, path=path)
        except ZanError as e:
            raise ZanError(e.diagnostics, sources={path: stripped}) from None
        if query.status is not None or query.atom.variables():
            raise ZanError([Diagnostic("invalid-query", message("not a ground fact", text=text), query.atom.span,
                                       hint=message("assumed fact is ground"))],
                           sources={path: stripped})
        out.append(query.atom)
    return out


def retract(program: ir.Program, facts: Sequence[n.Atom]) -> ir.Program:
    """The lowered program without the retracted facts (whether the case or the knowledge base states them)."""
    for atom in facts:
        program.facts.get(atom.predicate, {}).pop(atom.ground_values(), None)
    return program


def check_query(kb: KnowledgeBase, query: n.Query, language: str = "en") -> None:
    decl = kb.predicates.get(query.atom.predicate)
    if decl is not None and decl.arity == query.atom.arity:
        return   # what check_atom finds nothing wrong with, said without importing the checks (~0.3 ms of a question)
    from engine.checks.names import check_atom

    problems = check_atom(kb, query.atom, language)
    if problems:
        raise ZanError([Diagnostic("invalid-query", p.message, p.span, hint=p.hint) for p in problems],
                       sources=kb.sources)


def load_checked(kb_dir: Path | None = None, fact_files: Sequence[Path] | None = None, sample: bool = True
                 ) -> tuple[KnowledgeBase, list[str], list[Diagnostic]]:
    """load_knowledge + check (the law from the cache when the same files were parsed before).

    sample=False: no case at all when no fact files are given (the case space asks hypothetical cases).
    Without fact files, the law and its sample case (files of the knowledge-base folder, not a user's case)
    are checked once and kept in the cache with the warnings found, so the checks are neither run nor imported
    again for them.
    """
    if fact_files or not sample:
        kb, fact_names = load_knowledge(kb_dir, fact_files, sample=sample)
        return kb, fact_names, check(kb)
    folder = plain(kb_dir if kb_dir else default_kb())
    if not os.path.isdir(folder):
        return (*load_knowledge(kb_dir, fact_files, sample=sample), [])   # raises: no knowledge base there
    facts = sample_case_names(folder)
    law, case = read_files(kb_file_names(folder)), read_files(facts)
    entry = cache.key("checked law and sample", law + [("\0case", b"")] + case)
    found = cache.load(entry, STORED)
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], KnowledgeBase):
        return with_texts(found[0], law + case), [str(p) for p in facts], found[1]
    kb = law_of(law)
    load_contents(case, kb, case=True)
    warnings = check(kb)
    cache.store(entry, (without_texts(kb), warnings), STORED)
    return kb, [str(p) for p in facts], warnings


_ATOM = re.compile(r"^\s*(?:[a-z]+\s+)?[^\W\d]\w*\s*\(")


def looks_like_atom(text: str) -> bool:
    """`q(a, P)`, `permitted q(...)?`: the question is written as an atom (else it is
    in words, engine.tools.understanding, imported only then)."""
    return bool(_ATOM.match(text))


def question_text(text: str) -> str:
    """`q(a, b)?` and `q(a, b).` are the question they obviously are: the mark is left out."""
    stripped = text.rstrip()
    if stripped.endswith(("?", ".")) and stripped[:-1].rstrip().endswith(")"):
        return stripped[:-1]
    return text


def parse_question(text: str, language: str = "en") -> n.Query:
    """parse_query, from the cache when the same text was asked before (then lark is not even imported);
    a syntax error is the question's, said in `language`."""
    text = question_text(text)
    entry = cache.key("query", [("<query>", text.encode("utf-8", "surrogatepass"))])
    query = cache.load(entry, STORED)
    if query is None:
        from engine.syntax.parser import parse_query

        try:
            query = parse_query(text)
        except ZanError as e:  # say it is the question's syntax, not the rules of kb files
            raise ZanError([dataclasses.replace(
                d, code="question-syntax", message=message("question syntax", language, detail=d.message),
                hint=message("question syntax hint", language))
                for d in e.diagnostics]) from None
        cache.store(entry, query, STORED)
    return query


def checked_question(kb: KnowledgeBase, question: str | n.Query) -> n.Query:
    """The question parsed (when it is text) and checked against the knowledge base; an error names the
    question's text as its source, beside the kb's files."""
    if not isinstance(question, str):
        check_query(kb, question)
        return question
    try:
        query = parse_question(question)
        check_query(kb, query)
    except ZanError as e:
        raise ZanError(e.diagnostics, sources={**kb.sources, "<query>": question}) from None
    return query


def prepare(query_text: str | n.Query, at: datetime.date, kb_dir: Path | None = None,
            fact_files: Sequence[Path] | None = None, assumptions: Sequence[n.Atom] = (),
            retractions: Sequence[n.Atom] = (), reading=None) -> Result:
    """parse -> check -> IR: a Result with its program and no traces yet (ask() goes on from here).

    retractions: facts taken out of the case (--retract). reading: the reading(s) to answer under (ir.lower).
    """
    kb, facts, warnings = load_checked(kb_dir, fact_files)
    kb = assume(kb, assumptions)
    collector.settle()
    query = checked_question(kb, query_text)
    for atom in retractions:
        check_query(kb, n.Query(None, atom, atom.span))
    program = retract(ir.lower(kb, at, reading=reading, asked=ir.asked_atoms([query.atom])), retractions)
    return Result(query, at, kb, program, warnings=warnings, fact_files=facts,
                  unknown_names=unknown_names(kb, query.atom), assumptions=tuple(assumptions))


def ask(query_text: str | n.Query, at: datetime.date, kb_dir: Path | None = None,
        fact_files: Sequence[Path] | None = None, explain: bool = True, trace_level: str | None = None,
        assumptions: Sequence[n.Atom] = (), retractions: Sequence[n.Atom] = (), reading=None) -> Result:
    """parse -> check -> IR -> evaluate (what the question's relations rest on) -> answers -> proofs.

    trace_level (explanation.TRACE_LEVELS): `full` traces have the why-nots, `brief` and `none` only the
    deciding proofs (the citations are read off them). Default: `full`, or `none` when not `explain`.
    The amount never depends on how many answers there are.
    assumptions: facts the question assumes (a question in words: "if b is p"), added to the case.
    """
    result = prepare(query_text, at, kb_dir, fact_files, assumptions, retractions, reading)
    return answer(result, trace_level or ("full" if explain else "none"))


def answer(result: Result, trace_level: str = "full") -> Result:
    """evaluate -> answers -> proofs, for a prepared Result."""
    done = evaluated(result.program, [result.query.atom.predicate])
    collector.settle()
    result.traces = [done.trace(a, trace_level) for a in done.answers(result.query)]
    return result


@dataclass
class Evaluated:
    """A lowered program evaluated, with the prover over its model: the step every way from a program to
    answers and traces takes (ask, a register's partitions, diff's two sides, the case space's batches, the
    scenarios and their mutants), so that what a question needs evaluated and which trace it gets are said once."""

    program: ir.Program
    model: Model
    prover: Prover

    def answers(self, query: n.Query) -> list[Answer]:
        """The atoms matching the question, each with its status (explain/answering.answers)."""
        return answers(self.program, self.model, query)

    def trace(self, answer: Answer, level: str = "full") -> Trace:
        """An answer's derivation: `full` with the why-nots, `brief` and `none` the deciding proofs only
        (the citations are read off them; explanation.TRACE_LEVELS)."""
        return (trace if level == "full" else brief_trace)(self.program, self.prover, answer)


def evaluated(program: ir.Program, predicates: Iterable[str] | None = None, many: bool = False) -> Evaluated:
    """The program evaluated for questions about `predicates` (what they rest on, ir.question_relations;
    None: every relation). many: one evaluation holds many cases (a register's partition, a mutant, a batch of
    the case space; logic/evaluator.evaluate)."""
    relations = None if predicates is None else ir.question_relations(*predicates)
    model = evaluate(program, relations, many=many)
    return Evaluated(program, model, Prover(program, model))
