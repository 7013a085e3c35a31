"""Registers: a question over many independent cases, evaluated in partitions of bounded size.

Cases that share no constant cannot meet in a rule, so a register's case facts can be split into
groups evaluated one at a time (memory bounded by a group, time linear in the register) and on
several cores (`zan ask --jobs N`). Which constants matter is read off the program, soundly:

- **broadcast facts**: where a rule's body has parts joined by no variable (`q(A, B) if
  p(A) and r(B)`), the facts of the smaller part (and of what derives them) are given
  to every partition, with the knowledge base's own facts;
- **linking positions**: an argument position links two facts when some rule joins it, by a shared
  variable, with another literal that is not broadcast (directly, or through the head of a rule
  whose conclusion is joined so). Case facts are grouped by the constants at linking positions;
  constants elsewhere (a free-text description) do not tie cases together;
- when a joined head position can be filled from a broadcast fact or a constant of a rule, the
  analysis gives up and the register is one partition (the same answers as without partitions).

An answer belongs to the partition holding one of its atom's constants that no broadcast fact has
(a person); answers with none are the broadcast facts' own, taken from a partition with no case
facts. Answers are sorted within each partition and the partitions follow the order of their
first fact in the input, whatever the number of jobs (`--jobs 1` and `--jobs 2` write the same bytes).

`answer_facts` is the partition step as a plain function: fact lines in, JSON Lines out. It is what a
distributed engine maps (docs/performance.md shows it with dask.bag).
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path
from typing import AbstractSet, Iterable, Iterator, Sequence

from engine.base import collector
from engine.base.source import Span
from engine.explain.answering import Trace, outside_scope
from engine.explain.explanation import SCHEMA_VERSION, Document, Explainer, Tables, query_text
from engine.logic import ir
from engine.pipeline import evaluated
from engine.syntax import nodes as n

PARTITION_FACTS = 5_000       # case facts per partition (a partition holds whole groups, so it may hold more)

Fact = tuple[str, tuple, Span]  # (relation, values, where it was written)


# ---------------------------------------------------------------------------------------- analysis

def _literals(rule: ir.Rule) -> list[n.Atom]:
    out = []
    for c in rule.body:
        if isinstance(c, n.Atom):
            out.append(c)
        elif isinstance(c, n.Negation):
            out.append(c.atom)
    return out


def _names(atom: n.Atom) -> set[str]:
    return {t.name for t in atom.args if isinstance(t, n.Variable) and t.name != "_"}


def _parts(rule: ir.Rule) -> list[list[n.Atom]]:
    """The body's literals grouped by shared variables (and `X = Y`)."""
    literals = _literals(rule)
    parent = list(range(len(literals)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holder: dict[str, int] = {}
    for i, atom in enumerate(literals):
        for name in _names(atom):
            if name in holder:
                parent[find(i)] = find(holder[name])
            else:
                holder[name] = i
    for c in rule.body:
        if isinstance(c, n.Comparison) and c.operator == "=" and isinstance(c.left, n.Variable) \
                and isinstance(c.right, n.Variable):
            a, b = holder.get(c.left.name), holder.get(c.right.name)
            if a is not None and b is not None:
                parent[find(a)] = find(b)
    groups: dict[int, list[n.Atom]] = {}
    for i, atom in enumerate(literals):
        groups.setdefault(find(i), []).append(atom)
    return list(groups.values())


class Layout:
    """What the program says about splitting facts: broadcast relations and linking positions (or None: do not split)."""

    def __init__(self, broadcast: set[str], linking: set[tuple[str, int]], global_linked: AbstractSet[tuple[str, int]] = frozenset()):
        self.broadcast = broadcast
        self.linking = linking
        # positions joined with a value that may come from broadcast facts (`q(C, P) if r(C) and
        # s(P)`, then `not t(P)`): a case fact holding a broadcast constant there is needed by
        # every partition, so it is broadcast too (partitions)
        self.global_linked = global_linked


def layout(program: ir.Program, sizes: dict[str, int], question: str | None = None) -> Layout | None:
    rules_of: dict[str, list[ir.Rule]] = {}
    for rule in program.rules:
        rules_of.setdefault(rule.relation, []).append(rule)

    def closure(relations: Iterable[str]) -> set[str]:
        seen, stack = set(), list(relations)
        while stack:
            r = stack.pop()
            if r in seen:
                continue
            seen.add(r)
            for rule in rules_of.get(r, []):
                stack.extend(a.predicate for a in _literals(rule))
        return seen

    def weight(relations: set[str]) -> int:
        return sum(sizes.get(r, 0) for r in relations)

    broadcast: set[str] = set()
    for rule in program.rules:
        parts = _parts(rule)
        if len(parts) < 2:
            continue
        closures = sorted((closure(a.predicate for a in part) for part in parts), key=lambda c: (weight(c), sorted(c)))
        for c in closures[:-1]:   # every part but the heaviest goes to every partition
            broadcast |= c

    # head positions that may hold a value of broadcast facts: filled from a broadcast literal, or from such a position
    spread: set[tuple[str, int]] = set()
    changed = True
    while changed:
        changed = False
        for rule in program.rules:
            for j, t in enumerate(rule.head.args):
                if isinstance(t, n.Variable) and (rule.relation, j) not in spread and any(
                        a.predicate in broadcast or (a.predicate, i) in spread
                        for a in rule.body if isinstance(a, n.Atom)
                        for i, u in enumerate(a.args) if isinstance(u, n.Variable) and u.name == t.name):
                    spread.add((rule.relation, j))
                    changed = True
    linking: set[tuple[str, int]] = set()
    global_linked: set[tuple[str, int]] = set()

    def join(literals: list[n.Atom]) -> None:
        # Literals joined by several variables need only one of them to put their facts together: the
        # variables shared by most literals are taken first, and one is taken only to join what is not joined yet.
        literals = [a for a in literals if a.predicate not in broadcast]
        holders: dict[str, list[int]] = {}
        for k, atom in enumerate(literals):
            for name in sorted(_names(atom)):
                holders.setdefault(name, []).append(k)
        group = list(range(len(literals)))

        def find(i):
            while group[i] != i:
                i = group[i]
            return i

        for name, ks in sorted(holders.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if len({find(k) for k in ks}) < 2:
                continue
            positions = {(literals[k].predicate, i) for k in ks for i, t in enumerate(literals[k].args)
                         if isinstance(t, n.Variable) and t.name == name}
            for k in ks:
                group[find(k)] = find(ks[0])
            linking.update(positions)
            if positions & spread:
                global_linked.update(positions)

    for rule in program.rules:
        join(_literals(rule))
    if question is not None:
        # The answers join, in Python, the question's facts, its norms' conclusions and its domain on the
        # atom's values (answering.candidates, deontic.decide): the same join as a rule's body.
        arity = program.arities.get(question, 0)
        span = Span("<question>", 0, 0)
        xs = [n.Variable(f"X{i}", span) for i in range(arity)]
        join([n.Atom(r, ((n.Variable("N", span),) if ir.concluded(r) else ()) + tuple(xs), span, span)
              for r in sorted(ir.question_relations(question))])   # a norm's conclusion names its norm first
    changed = True
    while changed:  # a joined head position links the body positions that fill it
        changed = False
        for rule in program.rules:
            for j, t in enumerate(rule.head.args):
                if (rule.relation, j) not in linking:
                    continue
                if not isinstance(t, n.Variable):
                    return None          # every conclusion of the rule shares this constant
                filled = [(a.predicate, i) for a in (c for c in rule.body if isinstance(c, n.Atom))
                          if a.predicate not in broadcast
                          for i, u in enumerate(a.args) if isinstance(u, n.Variable) and u.name == t.name]
                if not filled and not any(a.predicate in broadcast for a in rule.body if isinstance(a, n.Atom)
                                          and any(isinstance(u, n.Variable) and u.name == t.name for u in a.args)):
                    return None          # filled by a comparison or arithmetic: no fact to follow
                # filled from broadcast facts only: joins on it are `global_linked` (partitions)
                for p in filled:
                    if p not in linking:
                        linking.add(p)
                        changed = True
    return Layout(broadcast, linking, global_linked)


def partitions(program: ir.Program, case: Sequence[Fact], limit: int = PARTITION_FACTS, question: str | None = None,
               in_case: set | None = None) -> tuple[list[Fact], list[list[Fact]]]:
    """(broadcast case facts, partitions of the other case facts in input order); one partition when unsplittable."""
    sizes: dict[str, int] = {}
    for relation, facts in program.facts.items():
        sizes[relation] = len(facts)
    plan = layout(program, sizes, question) if len(case) > limit else None
    if plan is None:
        return [], [list(case)] if case else []
    shared = [f for f in case if f[0] in plan.broadcast]
    rest = [f for f in case if f[0] not in plan.broadcast]
    if plan.global_linked:
        in_case = in_case if in_case is not None else {(r, v) for r, v, _s in case}
        everywhere = {(type(v).__name__, v) for r, facts in program.facts.items() for values in facts
                      if (r, values) not in in_case for v in values}
        everywhere |= {(type(v).__name__, v) for _r, values, _s in shared for v in values}
        kept = []
        for fact in rest:
            relation, values, _span = fact
            if any((relation, i) in plan.global_linked and (type(v).__name__, v) in everywhere for i, v in enumerate(values)):
                if not all((type(v).__name__, v) in everywhere for v in values):
                    return [], [list(case)]   # needed everywhere, yet naming a case: one partition (correct, not faster)
                shared.append(fact)
            else:
                kept.append(fact)
        rest = kept
    parent: dict[object, object] = {}

    def find(x):
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    for k, (relation, values, _span) in enumerate(rest):
        node = ("fact", k)
        for i, v in enumerate(values):
            if (relation, i) in plan.linking:
                a, b = find(node), find(("value", type(v).__name__, v))
                if a != b:
                    parent[a] = b
    groups: dict[object, list[Fact]] = {}
    for k, fact in enumerate(rest):
        groups.setdefault(find(("fact", k)), []).append(fact)
    out: list[list[Fact]] = []
    current: list[Fact] = []
    for group in groups.values():   # in the order of each group's first fact
        if current and len(current) + len(group) > limit:
            out.append(current)
            current = []
        current.extend(group)
    if current:
        out.append(current)
    return shared, out


# ---------------------------------------------------------------------------------------- evaluation

def case_facts(program: ir.Program) -> list[Fact]:
    """The program's facts written in the case files, in the order written."""
    found = [(relation, values, span) for relation, facts in program.facts.items()
             for values, span in facts.items() if program.origin(span) == ir.CASE]
    found.sort(key=lambda f: (f[2].file, f[2].line, f[2].column))
    return found


def _with_facts(program: ir.Program, base: dict[str, dict[tuple, Span]], facts: Iterable[Fact]) -> ir.Program:
    merged = {r: dict(v) for r, v in base.items()}
    for relation, values, span in facts:
        merged.setdefault(relation, {})[values] = span
    return replace(program, facts=merged)


def _constants(facts: Iterable[Fact]) -> set:
    return {(type(v).__name__, v) for _r, values, _s in facts for v in values}


def solve(kb, program: ir.Program, query: n.Query, level: str, language: str, steps: bool,
          facts: Sequence[Fact], base: dict, shared: set, owned: bool | None) -> list[tuple[str, str | None, dict]]:
    """One partition: ('norms'|'proofs', key, entry) items before the first answer using them, then ('answer', None, answer).

    owned: True keeps the answers holding a constant of the partition's own facts, False those holding
    none (the broadcast facts' own answers), None all of them (a register in one partition).
    """
    with collector.paused():   # the partition's objects live until it is written: collecting them frees nothing
        return _solve(kb, program, query, level, language, steps, facts, base, shared, owned)


def _solve(kb, program: ir.Program, query: n.Query, level: str, language: str, steps: bool,
           facts: Sequence[Fact], base: dict, shared: set, owned: bool | None) -> list[tuple[str, str | None, dict]]:
    part = _with_facts(program, base, facts)
    done = evaluated(part, [query.atom.predicate], many=owned is not None)   # a register in partitions
    own = _constants(facts) - shared
    tables = Tables()
    explainer = Explainer(kb, part, language, steps=steps, level=level, tables=tables)
    items: list[tuple[str, str | None, dict]] = []
    shapes: dict[tuple, dict] = {}   # shape -> the first answer of that shape (explained): see shape_of
    scopes: dict = {}   # answering.outside_scope's memo
    for a in done.answers(query):
        if owned is not None and any((type(v).__name__, v) in own for v in a.values) != owned:
            continue
        if SHAPES and level != "full" and not steps:
            if _undecided(a):   # no proof to build: its shape is known before its trace
                t = Trace(a, scope=_scope(part, done, a, scopes))
            else:
                t = done.trace(a, level)
            shape = shape_of(t)
            if shape is not None and shape in shapes:
                explained = explainer.refill(shapes[shape], t)
                items.extend(tables.drain())   # a derived condition's proof met for the first time, before its use
                items.append(("answer", None, explained))
                continue
            if _undecided(a):
                t = done.trace(a, level)
        else:
            shape, t = None, done.trace(a, level)
        explained = explainer.answer(t)
        items.extend(tables.drain())
        items.append(("answer", None, explained))
        if shape is not None:
            shapes[shape] = explained
    return items


SHAPES = True   # answers of one shape filled in from the first (tests/test_register.py compares with False)


def shape_of(t: Trace) -> tuple | None:
    """What an answer's brief explanation holds besides its atom's values (None: not filled in from a shape).

    Answers of one shape have the same status, applicable, deciding and supporting norms, defeats, dates,
    citations, scope and deciding rule: their explanations differ only in the atom, its bindings and its
    reading, and the deciding proof's bindings and conditions (`Explainer.refill`). A binding
    interpretation's explanation says the answer's reading: such answers are explained one by one.
    """
    a = t.answer
    if any(d.principle == "binding interpretation" for d in a.defeated):
        return None
    if (a.deciding is not None) != (t.proof is not None):   # a fact's or a definition's proof: one by one
        return None
    return (a.predicate, a.status, a.deciding, tuple(a.supporting), tuple(a.applicable), tuple(a.defeated),
            tuple(a.ambiguity), a.deadline, a.compliance, a.fulfilled_on, tuple(t.citations), t.scope,
            id(t.proof.rule) if t.proof is not None else None)


def _undecided(a) -> bool:
    """No norm applies and nothing about the answer is dated: no proof to build (73% of a realistic register's
    answers; docs/performance.md)."""
    return (a.status == "undetermined" and not a.applicable and a.deciding is None and not a.supporting
            and not a.defeated and not a.ambiguity and a.deadline is None and a.compliance is None
            and a.fulfilled_on is None)


def _scope(program: ir.Program, done, a, memo: dict) -> int | None:
    """The scope declaration an undetermined answer falls under, as its trace would say (answering.outside_scope)."""
    if a.status == "undetermined" and not a.ambiguity and program.scopes:
        return outside_scope(program, done.prover.index, a.predicate, a.values, memo)
    return None


class Register:
    """A prepared question over a register: the partitions and what every partition shares."""

    def __init__(self, result, level: str, language: str, steps: bool = False, limit: int = PARTITION_FACTS):
        self.kb, self.query, self.level, self.language, self.steps = result.kb, result.query, level, language, steps
        self.at = result.at
        program = result.program
        case = case_facts(program)
        in_case = {(r, v) for r, v, _s in case}
        broadcast, self.parts = partitions(program, case, limit, result.query.atom.predicate, in_case)
        self.base = {r: {v: s for v, s in facts.items() if (r, v) not in in_case} for r, facts in program.facts.items()}
        for relation, values, span in broadcast:
            self.base.setdefault(relation, {})[values] = span
        self.program = replace(program, facts={})
        self.shared = {(type(v).__name__, v) for facts in self.base.values() for values in facts for v in values}
        self.split = len(self.parts) > 1
        if self.split:  # the register now lives in its partitions: its own kb holds no parsed case (the caller's
            # result is left as it was; `lean` gives the caller one without the case, to let it go before workers fork)
            names = {span.file for _r, _v, span in case}
            self.kb = replace(result.kb, clauses=[c for c in result.kb.clauses if c.span.file not in names],
                              modules=[m for m in result.kb.modules if m.path not in names])

    def lean(self, result):
        """`result` over this register's kb and program, which hold no case facts: the caller keeps it in place of
        its own, so the parsed case (held now by the partitions alone) is let go before workers fork."""
        return replace(result, kb=self.kb, program=self.program) if self.split else result

    def run(self, index: int, facts: list[Fact] | None = None) -> list[tuple[str, str | None, dict]]:
        """Partition `index` (its facts given, in a worker); index -1 is the broadcast facts' own answers (only when split)."""
        if index < 0:
            return solve(self.kb, self.program, self.query, self.level, self.language, self.steps,
                         [], self.base, self.shared, owned=False)
        return solve(self.kb, self.program, self.query, self.level, self.language, self.steps,
                     self.parts[index] if facts is None else facts, self.base, self.shared,
                     owned=True if self.split else None)

    def tasks(self) -> list[int]:
        return list(range(len(self.parts))) + ([-1] if self.split else [])


_CURRENT: Register | None = None   # the register in a worker (sent once, when the worker starts)


def _install(register: Register) -> None:
    global _CURRENT
    _CURRENT = register


def _run_part(index: int, facts: list[Fact]):
    assert _CURRENT is not None, "installed when the worker started"
    return _CURRENT.run(index, facts)


def results(register: Register, jobs: int = 1) -> Iterator[list[tuple[str, str | None, dict]]]:
    """Each partition's items, in partition order, computed on `jobs` processes as they are needed.

    The workers do not inherit the parent's heap (the parsed register: forked from it, two workers held
    2.16 GiB at 100k, counted in every process): they are started by a fork server, a fresh interpreter
    (`forkserver`, where the system has it; else `spawn`), and get the register without its partitions once
    (the law, the program, the facts every partition shares) and each partition's facts with its task.
    What crosses is our own objects between the processes of one command, never anything read from disk."""
    tasks = register.tasks()
    if jobs <= 1 or len(tasks) <= 1:
        for index in tasks:
            yield register.run(index)
        return
    import copy
    import multiprocessing

    methods = _start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    shared = copy.copy(register)
    shared.parts = []
    workers = min(jobs, len(tasks))
    with context.Pool(workers, initializer=_install, initargs=(shared,)) as pool:
        # At most two rounds of partitions in flight: results are not piled up faster than they are written.
        pending = []
        for index in tasks:
            pending.append(pool.apply_async(_run_part, (index, register.parts[index] if index >= 0 else [])))
            if len(pending) >= 2 * workers:
                yield pending.pop(0).get()
        while pending:
            yield pending.pop(0).get()


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def merged(register: Register, tables: Tables, jobs: int = 1, progress=None) -> Iterator[dict]:
    """The answers of every partition, in order, with each table entry queued (once) before its first use."""
    total = sum(len(p) for p in register.parts)
    sizes = [len(register.parts[i]) if i >= 0 else 0 for i in register.tasks()]
    for size, items in zip(sizes, results(register, jobs)):
        for table, key, entry in items:
            if table == "answer":
                if progress is not None:
                    progress.answer()
                yield entry
            elif (table, key) not in tables.seen:
                assert key is not None, "a norm or a proof has its id"
                tables.seen.add((table, key))
                tables.add(table, key, entry)
        if progress is not None:
            progress.partition(total, size)
    if progress is not None:
        progress.done()


def document(register: Register, jobs: int = 1, progress=None) -> Document:
    """The JSON document (explanation.Document, with tables) of a register, its answers computed as they are read."""
    tables = Tables()
    doc = Document(query=query_text(register.query), at=register.at.isoformat(), schema=SCHEMA_VERSION,
                   trace=register.level, norms={}, proofs={})
    doc.tables = tables
    doc["answers"] = merged(register, tables, jobs, progress)
    return doc


class Progress:
    """Cases done, answers, rate and time left, on one line of a terminal, once a batch has run ~2 s.

    `write` gets the text (with a carriage return); nothing is written for a batch that ends sooner.
    """

    AFTER = 2.0

    def __init__(self, write, clock=None):
        import time

        self.write = write
        self.clock = clock or time.monotonic
        self.start = self.clock()
        self.answers = 0
        self.facts = 0
        self.total = 0
        self.shown = False

    def answer(self) -> None:
        self.answers += 1

    def partition(self, total_facts: int, facts: int) -> None:
        self.total = total_facts
        self.facts += facts
        elapsed = self.clock() - self.start
        if elapsed < self.AFTER:
            return
        rate = self.answers / elapsed if elapsed else 0.0
        left = elapsed * (self.total - self.facts) / self.facts if self.facts else 0.0
        share = 100 * self.facts / self.total if self.total else 100
        self.write(f"\r{share:5.1f}% of the case facts, {self.answers:,} answers, {rate:,.0f} answers/s, "
                   f"~{left:,.0f} s left ")
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.write("\n")


def default_jobs() -> int:
    """One process unless --jobs asks for more: workers cost a fresh interpreter each and the parent still
    holds the parsed register, and one process is faster on a shared machine (docs/performance.md)."""
    return 1


# ---------------------------------------------------------------------------------------- a plain function

def answer_facts(fact_lines: Sequence[str], question: str, at: str, kb_dir: str | None = None,
                 trace_level: str = "brief", language: str = "en") -> list[str]:
    """The partition step as a plain function, for a distributed engine: fact lines in, JSON Lines out.

    Every line is `{"norm": ...}`, `{"proof": ...}` or `{"answer": ...}` as `--format jsonl` writes
    them (without the `document` line); the caller keeps the first `norm`/`proof` line of each id.
    The knowledge base is read from `kb_dir` (default: the bundled one; its cache makes this cheap).
    """
    import json
    import tempfile

    from engine.pipeline import ask

    with tempfile.TemporaryDirectory(prefix="zan-part-") as folder:
        path = Path(folder) / "part.facts"
        path.write_text("".join(line.rstrip("\n") + "\n" for line in fact_lines), encoding="utf-8")
        result = ask(question, datetime.date.fromisoformat(at), Path(kb_dir) if kb_dir else None, [path],
                     trace_level="none")
        result.traces = []
        register = Register(result, trace_level, language, limit=len(fact_lines) + 1)
        out = []
        for items in results(register, 1):
            for table, key, entry in items:
                value = {"answer": entry} if table == "answer" else {"norm": entry} if table == "norms" \
                    else {"proof": {"id": key, **entry}}
                out.append(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    return out
