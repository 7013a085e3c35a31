"""Date diffs (`zan diff`): the answers whose status changes between two dates, and the norms whose force caused it.

The knowledge base and the case are loaded and checked once, then lowered and evaluated at each
date. A large case is diffed in partitions as `zan ask` answers a register (engine/tools/register.py):
cases sharing no constant a rule of either side could join are evaluated a partition at a time and the
changes combined, in the order of the unpartitioned diff. The work is bounded (`DIFF_BUDGET`: tuples of
the models and answers examined, and seconds); past the bound it is a `too-large` error at the question
that names the bound and suggests narrowing it, never an exhausted machine (SECURITY.md, budgets). A change is put down to the norms that came into force (or ceased) between the dates and that
the answer's derivation touches at either date: the norms that apply, decide, defeat or fail to
apply, and those used in the proofs. The ones concluding the asked predicate come first.
"""

from __future__ import annotations

import datetime
from dataclasses import field, replace
from engine.base.records import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from engine.logic import ir
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase
from engine.explain.answering import Trace
from engine.explain.explanation import Explainer, atom_text, json_value, query_text
from engine.explain.i18n import word
from engine.explain.phrasebook import say_date
from engine.pipeline import assume, check, checked_question, evaluated, load_knowledge, retract
from engine.explain.proof import ProofNode
from engine.base.diagnostics import Diagnostic, ZanError
from engine.base.source import Span
from engine.logic.diagrams import Budget, TooLarge, budget_clock
from engine.tools.register import case_facts, partitions, rule_constants

DIFF_BUDGET = Budget(entries=5_000_000, seconds=30.0)   # model tuples and answers examined, at both sides, for one diff
DIFF_PARTITION_FACTS = 300   # case facts per partition of a diff (a partition holds whole groups, so it may hold more)


@dataclass
class Cause:
    """Why an answer changed: a norm whose force differs between the dates, or a fact that holds at one date only."""

    kind: str                      # norm | fact
    change: str                    # came-into-force | ceased | not-yet-in-force | fact-before | fact-after
    date: datetime.date | None
    norm: str | None = None
    atom: str | None = None
    primary: bool = True
    fact: tuple | None = None      # a fact's (relation, values): the atom as data


@dataclass
class Change:
    predicate: str
    values: tuple
    bindings: dict
    before: Trace | None
    after: Trace | None
    causes: list[Cause] = field(default_factory=list)


@dataclass
class DiffResult:
    query: n.Query
    start: datetime.date
    end: datetime.date
    kb: KnowledgeBase
    programs: tuple[ir.Program, ir.Program]
    changes: list[Change] = field(default_factory=list)
    reading: object = None           # ir.lower's reading(s): a name, several, or None for the defaults
    versus_reading: object = None


def diff(query_text_or_query, start: datetime.date, end: datetime.date, kb_dir: Path | None = None,
         fact_files: Sequence[Path] | None = None, assumptions: Sequence[n.Atom] = (),
         retractions: Sequence[n.Atom] = (), reading=None, versus_reading=None, language: str = "en",
         budget: Budget | None = None, limit: int = DIFF_PARTITION_FACTS) -> DiffResult:
    """The answers whose status differs between two dates (or, with versus_reading, two readings).

    A case of more than `limit` case facts is diffed in partitions; `budget` (DIFF_BUDGET) bounds the work.
    """
    kb = _loaded(kb_dir, fact_files, assumptions)
    work = Work(budget or DIFF_BUDGET)
    query = checked_question(kb, query_text_or_query)
    try:
        return _diff_one(kb, query, start, end, retractions, reading, versus_reading, work, limit)
    except TooLarge as e:
        raise ZanError([_too_large(query, work, e, language)],
                       sources={"<query>": query_text_or_query if isinstance(query_text_or_query, str)
                                else query_text(query)}) from None


def _loaded(kb_dir, fact_files, assumptions) -> KnowledgeBase:
    kb, _facts = load_knowledge(kb_dir, fact_files)
    check(kb)
    return assume(kb, assumptions)


def _diff_one(kb: KnowledgeBase, query: n.Query, start: datetime.date, end: datetime.date, retractions, reading,
              versus_reading, work: "Work", limit: int) -> DiffResult:
    """One question's diff, its work counted in `work` (TooLarge past its budget)."""
    second = versus_reading if versus_reading is not None else reading
    programs = [retract(ir.lower(kb, day, reading=chosen, asked=ir.asked_atoms([query.atom])), retractions)
                for day, chosen in ((start, reading), (end, second))]
    p0, p1 = programs
    result = DiffResult(query, start, end, kb, (p0, p1))
    result.reading, result.versus_reading = reading, versus_reading
    found: dict[tuple, Change] = {}
    for sides, owned, own in _partitioned(p0, p1, query.atom.predicate, limit):
        for change in _changes(query, sides, owned, own, work):
            found.setdefault(change.values, change)
    result.changes = [found[k] for k in sorted(found, key=_order)]
    return result


@dataclass
class EveryDiff:
    """A change asked of every question the law can be asked ("What changed on 1 March 2025?"): each
    question's diff, in order, within one budget; `stopped` says which bound ran out and what was not examined."""

    queries: tuple[n.Query, ...]
    start: datetime.date
    end: datetime.date
    results: list[DiffResult] = field(default_factory=list)
    stopped: TooLarge | None = None


def diff_every(queries: Sequence[n.Query], start: datetime.date, end: datetime.date, kb_dir: Path | None = None,
               fact_files: Sequence[Path] | None = None, assumptions: Sequence[n.Atom] = (),
               retractions: Sequence[n.Atom] = (), reading=None, budget: Budget | None = None,
               limit: int = DIFF_PARTITION_FACTS) -> EveryDiff:
    """Each question's diff between the dates, on one knowledge base and case, all within one budget (DIFF_BUDGET):
    when it runs out, the questions diffed so far are kept and the rest are said not examined (never a half
    question's changes)."""
    kb = _loaded(kb_dir, fact_files, assumptions)
    work = Work(budget or DIFF_BUDGET)
    out = EveryDiff(tuple(queries), start, end)
    for query in queries:
        try:
            out.results.append(_diff_one(kb, checked_question(kb, query), start, end, retractions, reading, None, work,
                                         limit))
        except TooLarge as e:
            out.stopped = e
            break
    return out


def every_document(every: EveryDiff, language: str = "en", depth: int | None = None, steps: bool = False,
                   annotate: Callable[[DiffResult, dict], None] | None = None) -> dict:
    """A diff of every question as one diff document: `changes` of all questions in their order, each naming its
    `question`; `questions` lists each question with its number of changes (or `examined: false` past a budget);
    `unchanged` says in which nothing changed, `stopped` the bound that stopped it (the trainers' page shows both)."""
    docs = [document(r, language, depth=depth, steps=steps) for r in every.results]
    for r, d in zip(every.results, docs):
        if annotate is not None:   # each question's changes, before they are joined (a cited provision's verdicts)
            annotate(r, d)
    asked = [query_text(q) for q in every.queries]
    out: dict[str, Any] = {"query": "; ".join(asked), "from": every.start.isoformat(), "to": every.end.isoformat(),
                           "changes": [dict(c, question=d["query"]) for d in docs for c in d["changes"]],
                           "questions": [{"query": d["query"], "changes": len(d["changes"]), "examined": True}
                                         for d in docs]
                           + [{"query": q, "changes": 0, "examined": False} for q in asked[len(docs):]]}
    quiet = [q["query"] for q in out["questions"] if q["examined"] and not q["changes"]]
    if quiet:   # said plainly: where nothing changed
        out["unchanged"] = word("no changes in", language, questions="; ".join(quiet))
    if every.stopped is not None:
        e = every.stopped
        limit = f"{e.limit:g}" if isinstance(e.limit, float) else f"{e.limit:,}"
        out["stopped"] = {"by": e.what, "limit": e.limit,
                          "explanation": word(f"every diff stopped {e.what}", language, limit=limit,
                                              questions="; ".join(asked[len(docs):]))}
    return out


def words_document(understood, said: dict, kb_dir: Path | None, fact_files: Sequence[Path] | None,
                   assumptions: Sequence[n.Atom] = (), retractions: Sequence[n.Atom] = (), reading=None,
                   language: str = "en", depth: int | None = None, steps: bool = False) -> dict:
    """A "what changed" question in words (understanding.Understood with `between`) as its diff document, the
    question said back in it: of its one question, or of every question the law can be asked."""
    start, end = understood.between
    assumed = tuple(understood.assumptions) + tuple(assumptions)
    cited = list(dict.fromkeys(nid for _written, _key, ids in understood.according_to for nid in ids))
    if understood.every:
        every = diff_every(understood.every, start, end, kb_dir, fact_files, assumptions=assumed,
                           retractions=retractions, reading=reading)
        doc = every_document(every, language, depth=depth, steps=steps,
                             annotate=(lambda r, d: according(r, d, cited, language)) if cited else None)
    else:
        result = diff(understood.query, start, end, kb_dir, fact_files, assumptions=assumed,
                      retractions=retractions, reading=reading, language=language)
        doc = document(result, language, depth=depth, steps=steps)
        if cited:
            according(result, doc, cited, language)
    doc["question"] = said
    return doc


def according(result: DiffResult, doc: dict, norm_ids: Sequence[str], language: str) -> None:
    """A provision cited in a "what changed" question: each change's `according_to` says what the provision's norms
    (those bearing on the change's question) did at each date, `{"before": [...], "after": [...]}` (a side the
    atom is no answer at is null; engine/tools/according.fates)."""
    from engine.explain.phrasebook import Phrasebook
    from engine.tools.according import bearing, fates

    kb = result.kb
    ids = [m.id for m in bearing(kb, [kb.norms[i] for i in norm_ids], result.query.atom.predicate)]
    cite = Phrasebook(kb, language).cite
    for change in doc["changes"]:
        change["according_to"] = {side: fates(kb, change[side], {}, ids, cite) if change.get(side) else None
                                  for side in ("before", "after")}


def _order(values: tuple) -> tuple:
    return tuple((type(v).__name__, str(v)) for v in values)


class Work:
    """What a diff has examined (model tuples, answers), against its budget: TooLarge past it."""

    def __init__(self, budget: Budget):
        self.budget = budget
        self.entries = 0
        self.deadline = budget_clock() + budget.seconds
        self.example: tuple | None = None     # values of an answer seen, to suggest a narrower question

    def add(self, entries: int) -> None:
        self.entries += entries
        if self.entries > self.budget.entries:
            raise TooLarge("entries", self.budget.entries)
        if budget_clock() > self.deadline:
            raise TooLarge("seconds", self.budget.seconds)


def _partitioned(p0: ir.Program, p1: ir.Program, predicate: str, limit: int):
    """((program at each side), owned, own constants) per partition of the case facts of both sides.

    The partitions are those of a program holding the rules of both sides (a join either side could make
    keeps cases together); `owned` as in register.solve: None for a case in one partition, True keeps the
    answers holding a constant of the partition's own facts, False (the last step) those holding none."""
    written: dict[tuple, tuple] = {}
    for p in (p0, p1):
        for relation, values, span in case_facts(p):
            written.setdefault((relation, values), (relation, values, span))
    case = sorted(written.values(), key=lambda f: (f[2].file, f[2].line, f[2].column))
    if len(case) <= limit:
        yield (p0, p1), None, set()
        return
    both = replace(p0, rules=list(p0.rules) + list(p1.rules),
                   facts={r: {**p0.facts.get(r, {}), **p1.facts.get(r, {})} for r in set(p0.facts) | set(p1.facts)},
                   arities={**p1.arities, **p0.arities})
    broadcast, parts = partitions(both, case, limit, predicate)
    if len(parts) <= 1:
        yield (p0, p1), None, set()
        return
    in_case = set(written)
    bases = []
    for p in (p0, p1):
        base = {r: {v: s for v, s in facts.items() if (r, v) not in in_case} for r, facts in p.facts.items()}
        for relation, values, span in broadcast:
            if values in p.facts.get(relation, {}):
                base.setdefault(relation, {})[values] = span
        bases.append(base)
    shared = {(type(v).__name__, v) for base in bases for facts in base.values() for values in facts for v in values} \
        | rule_constants(both)

    def sides(facts):
        out = []
        for p, base in zip((p0, p1), bases):
            merged = {r: dict(v) for r, v in base.items()}
            for relation, values, span in facts:
                if values in p.facts.get(relation, {}):
                    merged.setdefault(relation, {})[values] = span
            out.append(replace(p, facts=merged))
        return tuple(out)

    for part in parts:
        yield sides(part), True, {(type(v).__name__, v) for _r, values, _s in part for v in values} - shared
    yield sides([]), False, set()


def _changes(query: n.Query, programs: tuple[ir.Program, ir.Program], owned: bool | None, own: set,
             work: Work) -> list[Change]:
    """The changes between the two sides of one partition (of the answers it owns)."""
    unfiltered = n.Query(None, query.atom, query.span)
    sides = []
    for program in programs:
        done = evaluated(program, [query.atom.predicate], many=owned is not None)
        work.add(sum(len(rows) for rows in done.model.relations.values()))
        found = done.answers(unfiltered)
        work.add(len(found))
        if owned is not None:
            found = [a for a in found if any((type(v).__name__, v) in own for v in a.values) == owned]
        sides.append((done, {a.values: a for a in found}))
    (side0, before), (side1, after) = sides
    p0, p1 = side0.program, side1.program
    out = []
    for values in sorted(set(before) | set(after), key=_order):
        a0, a1 = before.get(values), after.get(values)
        s0, s1 = (a0.status if a0 else None), (a1.status if a1 else None)
        if s0 == s1:
            continue
        if query.status is not None and query.status not in (s0, s1):
            continue
        work.add(1)
        work.example = work.example or values
        t0 = side0.trace(a0) if a0 else None
        t1 = side1.trace(a1) if a1 else None
        either = a1 if a1 is not None else a0
        assert either is not None, "a status changed: one side has the answer"
        change = Change(query.atom.predicate, values, either.bindings, t0, t1)
        change.causes = causes(p0, p1, t0, t1, query.atom.predicate)
        out.append(change)
    return out


def _too_large(query: n.Query, work: Work, e: TooLarge, language: str) -> Diagnostic:
    """The bound a diff ran into, and how to narrow it (a value in place of a variable, fewer case facts)."""
    from engine.base.messages import message

    limit = f"{e.limit:g}" if isinstance(e.limit, float) else f"{e.limit:,}"
    example = None
    if work.example is not None:
        for i, t in enumerate(query.atom.args):
            if isinstance(t, n.Variable) and t.name != "_":
                args = [a.name if isinstance(a, n.Variable) else n.format_value(a.value) for a in query.atom.args]
                args[i] = n.format_value(work.example[i])
                example = f"{query.atom.predicate}({', '.join(args)})"
                break
    hint = message("diff too large narrow", language)
    if example is not None:
        hint += " " + message("too large value", language, example=example)
    span = query.atom.span if query.atom.span.file == "<query>" else Span("<query>", 1, 1)
    return Diagnostic("too-large", message(f"diff too large {e.what}", language, query=query_text(query), limit=limit),
                      span, hint=hint)


def _proof_nodes(node: ProofNode | None):
    """Every node of a proof, in the order a depth-first walk meets them, without Python recursion."""
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def _proof_norms(node: ProofNode | None, out: list[str]) -> None:
    out.extend(p.norm for p in _proof_nodes(node) if p.norm)


def _proof_facts(node: ProofNode | None, out: list[tuple]) -> None:
    out.extend((p.relation, p.values) for p in _proof_nodes(node) if p.kind == "fact")


def _touched(t: Trace | None) -> tuple[set[str], set[str]]:
    """Norms an answer's derivation rests on: (those that apply to the asked atom, those used in its proofs)."""
    if t is None:
        return set(), set()
    a = t.answer
    direct = set(a.applicable) | set(a.supporting) | ({a.deciding} if a.deciding is not None else set())
    direct |= {d.winner for d in a.defeated} | {d.loser for d in a.defeated}
    used: list[str] = []
    _proof_norms(t.proof, used)
    for p in t.supporting:
        _proof_norms(p, used)
    return direct, set(used)


def causes(p0: ir.Program, p1: ir.Program, t0: Trace | None, t1: Trace | None, predicate: str) -> list[Cause]:
    """Norms in force at one date only that the answer rests on at the date they are in force."""
    start, end = p0.at, p1.at
    forward = start <= end
    found: list[Cause] = []
    touched = {start: _touched(t0), end: _touched(t1)}
    deciding = [t.answer.deciding for t in (t1, t0) if t is not None and t.answer.deciding]
    candidates = deciding + sorted(set().union(*touched[start], *touched[end]))
    seen: set[str] = set()
    for nid in candidates:
        if nid in seen or nid not in p0.norms:
            continue
        seen.add(nid)
        info = p0.norms[nid]
        was, now = info.in_force(start), info.in_force(end)
        if was == now:
            continue
        direct, used = touched[end if now else start]
        if nid not in direct and nid not in used:
            continue
        if now and forward:
            change, date = "came-into-force", info.start
        elif not now and not forward and info.start and info.start > end:
            change, date = "not-yet-in-force", info.start     # asked backwards: at the later date it did not exist yet
        else:
            change, date = "ceased", info.end
        found.append(Cause("norm", change, date, norm=nid, primary=nid in direct))
    if p0.readings != p1.readings:   # two readings: the norms that one reading adds, leaves out or words otherwise
        rules0 = {r.norm: r.body for r in p0.rules if r.norm}
        rules1 = {r.norm: r.body for r in p1.rules if r.norm}
        (d0, u0), (d1, u1) = _touched(t0), _touched(t1)     # (the dates may be the same day)
        direct, used = d0 | d1, u0 | u1
        reported = {c.norm for c in found}
        for nid in sorted(set(rules0) | set(rules1)):
            if rules0.get(nid) != rules1.get(nid) and nid not in reported and (nid in direct or nid in used):
                found.append(Cause("norm", "reading", None, norm=nid, primary=nid in direct))
    if found and not any(c.primary for c in found):
        found[0].primary = True
    if not found:
        facts0: list[tuple] = []
        facts1: list[tuple] = []
        for t, out in ((t0, facts0), (t1, facts1)):
            if t is not None:
                _proof_facts(t.proof, out)
        for relation, values in facts1:
            if values not in p0.facts.get(relation, {}):
                found.append(Cause("fact", "fact-after", end, atom=atom_text(relation, values), fact=(relation, values)))
        for relation, values in facts0:
            if values not in p1.facts.get(relation, {}):
                found.append(Cause("fact", "fact-before", start, atom=atom_text(relation, values),
                                   fact=(relation, values)))
    found.sort(key=lambda c: not c.primary)
    return found


def document(result: DiffResult, language: str = "en", depth: int | None = None, steps: bool = False) -> dict:
    """The diff as plain data (schema in docs/explanations.md)."""
    p0, p1 = result.programs
    before = Explainer(result.kb, p0, language, depth=depth, steps=steps)
    after = Explainer(result.kb, p1, language, depth=depth, steps=steps)
    changes = []
    for c in result.changes:
        entry: dict[str, Any] = {
            "atom": atom_text(c.predicate, c.values),
            "bindings": {k: json_value(v) for k, v in sorted(c.bindings.items())},
            "before": before.answer(c.before) if c.before else None,
            "after": after.answer(c.after) if c.after else None,
            "causes": [],
        }
        for cause in c.causes:
            item: dict[str, Any] = {"kind": cause.kind, "change": cause.change, "date": json_value(cause.date), "primary": cause.primary}
            if cause.kind == "norm":
                item["norm"] = after.norm_ref(cause.norm, full=False)
                key = {"came-into-force": "came into force", "ceased": "ceased to be in force",
                       "not-yet-in-force": "not yet in force", "reading": "reads otherwise"}[cause.change]
                item["explanation"] = word(key, language, norm=after.norm_name(cause.norm),
                                           date=say_date(json_value(cause.date), language) or "?")
            else:
                item["atom"] = cause.atom
                item["explanation"] = _fact_change(result, cause, language)
            entry["causes"].append(item)
        old = word(entry["before"]["status"] if entry["before"] else "absent", language)
        new = word(entry["after"]["status"] if entry["after"] else "absent", language)
        primary = [x["explanation"] for x in entry["causes"] if x["primary"]]
        entry["explanation"] = f"{old} → {new}: " + ("; ".join(primary) if primary else word("cause unknown", language))
        changes.append(entry)
    out: dict[str, Any] = {"query": query_text(result.query), "from": result.start.isoformat(),
                           "to": result.end.isoformat(), "changes": changes}
    if result.versus_reading is not None:
        out["reading"], out["versus_reading"] = result.reading, result.versus_reading
        first, second = ir.readings_compared(result.kb, result.reading, result.versus_reading)
        label = lambda names: "; ".join(n.label_of(result.kb.readings[x].labels, language, x) for x in names) or "—"
        out["title"] = word("diff readings title", language, before=label(first), after=label(second), date=say_date(out["from"], language))
        # the two sides are the two readings (on one day, "was" and "becomes" would tell them apart by nothing)
        out["sides"] = {side: word("diff side reading", language, reading=label(names))
                        for side, names in (("before", first), ("after", second))}
        if result.reading is None:
            out["reading"] = ", ".join(first) or None
    return out


def _fact_change(result: DiffResult, cause: Cause, language: str) -> str:
    """A fact that holds at one date and not the other, said as what happened: it ended on its last day, or
    began on its first (the case's `from D to D`); otherwise, that it holds on one date and not the other."""
    assert cause.atom is not None, "a fact's cause names its atom"
    relation, _, rest = cause.atom.partition("(")
    start, end = sorted((result.start, result.end))
    for clause in result.kb.clauses:
        interval = clause.interval
        if interval is None or not clause.is_fact or clause.head.predicate != relation or \
                atom_text(relation, clause.head.ground_values()) != cause.atom:
            continue
        if interval.contains(start) and not interval.contains(end) and interval.end is not None:
            return word("fact ended", language, atom=cause.atom, date=say_date(interval.end, language))
        if interval.contains(end) and not interval.contains(start) and interval.start is not None:
            return word("fact began", language, atom=cause.atom, date=say_date(interval.start, language))
    held, lacking = (result.end, result.start) if cause.change == "fact-after" else (result.start, result.end)
    return word("fact differs", language, atom=cause.atom, held=say_date(held, language), lacking=say_date(lacking, language))
