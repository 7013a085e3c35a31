"""Scenario tests (`zan test`): case facts, a date, and what the knowledge base must answer and why.

A scenario file (grammar/scenario.lark, documented in docs/authoring.md) states, per ground atom,
the expected status and facts about its derivation: the deciding norm, norms that must or must not
appear in the proof, defeats with their principle, why-not reasons. Scenarios run through the same
stages as `zan ask` (load -> check -> IR -> evaluate -> answers -> traces); a failure shows what was
expected, what came out, and the actual derivation. `--update` rewrites the recorded expectations
(status, deciding norm, defeats, why-nots) from the actual answers and never touches the author's
requirements (`uses`, `avoids`, `cites`), so the diff of an update is what a reviewer reads.
"""

from __future__ import annotations

import datetime
from dataclasses import field
from engine.base.records import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import lark
from lark import Token, Tree

from engine import checks

from engine.logic import ir
from engine.syntax import nodes as n
from engine.explain.answering import Trace
from engine.base.diagnostics import Diagnostic, ZanError, did_you_mean, errors
from engine.base.messages import message, say
from engine.pipeline import Evaluated, evaluated
from engine.syntax.knowledge import KnowledgeBase, case_only, display_path, kb_files
from engine.syntax.formatter import scenario_syntax_diagnostic
from engine.syntax.parser import Builder, parse_module, read_source
from engine.explain.proof import WhyNot
from engine.base.resources import default_kb, home
from engine.base.inputs import line_ending, read_text, write_atomically
from engine.base.source import Span

SUFFIX = ".scenario"


def scenario_grammar_path() -> Path:
    return home() / "grammar" / "scenario.lark"


@lru_cache(maxsize=1)
def _lark() -> lark.Lark:
    path = scenario_grammar_path()
    return lark.Lark(path.read_text(encoding="utf-8"), parser="lalr", propagate_positions=True,
                     maybe_placeholders=True, import_paths=[str(path.parent)])


# ------------------------------------------------------------------ the scenario AST

@dataclass(frozen=True)
class DecidedBy:
    norm: str | None            # None: decided by nothing (no norm decides)
    span: Span
    recorded = True

    def text(self) -> str:
        return f"decided by {self.norm or 'nothing'}"


@dataclass(frozen=True)
class Uses:
    norms: tuple[str, ...]
    span: Span
    recorded = False

    def text(self) -> str:
        return "uses " + ", ".join(self.norms)


@dataclass(frozen=True)
class Avoids:
    norms: tuple[str, ...]
    span: Span
    recorded = False

    def text(self) -> str:
        return "avoids " + ", ".join(self.norms)


@dataclass(frozen=True)
class Defeated:
    loser: str
    winner: str | None
    principle: str | None
    span: Span
    recorded = True

    def text(self) -> str:
        return (f"defeated {self.loser}" + (f" by {self.winner}" if self.winner else "")
                + (f" on {self.principle}" if self.principle else ""))


@dataclass(frozen=True)
class WhyNotReason:
    norm: str
    reason: str                 # missing | not-in-force | negation-holds | comparison-false
    atom: n.Atom | None
    span: Span
    recorded = True

    def text(self) -> str:
        return f"why not {self.norm} {self.reason}" + (f" {self.atom}" if self.atom is not None else "")


@dataclass(frozen=True)
class Cites:
    keys: tuple[str, ...]
    span: Span
    recorded = False

    def text(self) -> str:
        return "cites " + ", ".join(n.format_value(k) if " " not in k else f'"{k}"' for k in self.keys)


@dataclass(frozen=True)
class Compliance:
    value: str
    span: Span
    recorded = True

    def text(self) -> str:
        return f"compliance {self.value}"


Assertion = DecidedBy | Uses | Avoids | Defeated | WhyNotReason | Cites | Compliance


@dataclass(frozen=True)
class Expectation:
    atom: n.Atom
    at: datetime.date | None
    status: str | None
    assertions: tuple[Assertion, ...]
    span: Span
    start: int                  # character offsets of the whole `expect ... .` in the file
    end: int


@dataclass(frozen=True)
class Scenario:
    name: str
    labels: tuple[n.Label, ...]
    at: datetime.date | None
    fact_files: tuple[tuple[str, Span], ...]
    facts: tuple[n.Clause, ...]
    expectations: tuple[Expectation, ...]
    span: Span
    name_span: Span
    readings: tuple[str, ...] = ()      # `reading NAME, ...`: answered under these (ir.readings_in_force)


@dataclass
class ScenarioFile:
    path: str
    text: str
    scenarios: list[Scenario]


# ------------------------------------------------------------------ parsing



class _Unprefix(lark.visitors.Transformer_InPlace):
    """zan.lark's rules arrive namespaced (`zan__name`); the AST builder knows them by their own names."""

    def __default__(self, data, children, meta):
        tree = Tree(data.split("__", 1)[1] if "__" in data else data, children, meta)
        return tree


def parse_scenarios(text: str, path: str) -> ScenarioFile:
    try:
        tree = _lark().parse(text)
    except lark.exceptions.UnexpectedInput as e:
        raise ZanError([scenario_syntax_diagnostic(e, text, path)], sources={path: text}) from None
    tree = _Unprefix().transform(tree)
    builder = Builder(path)
    return ScenarioFile(path, text, [_scenario(builder, t) for t in tree.children])


def _scenario(b: Builder, tree: Tree) -> Scenario:
    name, *rest = tree.children
    labels, at, files, facts, expectations, readings = [], None, [], [], [], []
    for item in rest:
        if not isinstance(item, Tree):
            continue
        if item.data == "label":
            labels.append(b.label(item))
        elif item.data == "at":
            at = b.date(item.children[0])
        elif item.data == "facts_file":
            files.append((b.text(item.children[0]), b.span(item.children[0])))
        elif item.data == "given":
            facts += [b.clause(c) for c in item.children]
        elif item.data == "expectation":
            expectations.append(_expectation(b, item))
        elif item.data == "reading_choice":
            readings += [str(r) for r in item.children]
    return Scenario(str(name), tuple(labels), at, tuple(files), tuple(facts), tuple(expectations),
                    b.span(tree), b.span(name), tuple(readings))


def _expectation(b: Builder, tree: Tree) -> Expectation:
    atom_tree, at_tree, status, *assertion_trees = tree.children
    assertions: list[Assertion] = []
    for t in assertion_trees:
        span = b.span(t)
        kids = t.children
        if t.data == "decided_by":
            nothing = isinstance(kids[0], Token) and kids[0].type == "NOTHING"
            assertions.append(DecidedBy(None if nothing else str(kids[0]), span))
        elif t.data == "uses":
            assertions.append(Uses(tuple(map(str, kids)), span))
        elif t.data == "avoids":
            assertions.append(Avoids(tuple(map(str, kids)), span))
        elif t.data == "defeated":
            loser, winner, principle = kids
            assertions.append(Defeated(str(loser), str(winner) if winner else None,
                                       " ".join(str(principle).split()) if principle else None, span))
        elif t.data == "why_not":
            norm, reason, atom = kids
            assertions.append(WhyNotReason(str(norm), str(reason), b.atom(atom) if atom is not None else None, span))
        elif t.data == "cites":
            assertions.append(Cites(tuple(" ".join(b.text(k).split()) for k in kids), span))
        elif t.data == "compliance":
            assertions.append(Compliance(" ".join(str(kids[0]).split()), span))
    return Expectation(b.atom(atom_tree), b.date(at_tree.children[0]) if at_tree is not None else None,
                       str(status) if status is not None else None, tuple(assertions), b.span(tree),
                       tree.meta.start_pos, tree.meta.end_pos)


def scenario_files(paths: Iterable[Path]) -> list[Path]:
    """Scenario files named, or found under the folders named."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found += sorted(q for q in p.rglob(f"*{SUFFIX}") if q.is_file())
        else:
            found.append(p)
    return found


def default_scenarios(kb_dir: Path | None = None) -> Path:
    return (Path(kb_dir) if kb_dir else default_kb()) / "scenarios"


# ------------------------------------------------------------------ running

@dataclass
class Mismatch:
    what: str
    expected: str
    actual: str


@dataclass
class Outcome:
    """One expectation checked: the mismatches (none: it passed) and the actual derivation."""

    scenario: Scenario
    expectation: Expectation
    at: datetime.date
    trace: Trace | None
    program: ir.Program
    kb: KnowledgeBase
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.mismatches


@dataclass
class Run:
    files: list[ScenarioFile] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]


class Runner:
    """Loads and checks the knowledge base once, then evaluates each scenario's facts at its dates."""

    def __init__(self, kb_dir: Path | None = None, readings: Sequence[str] = ()):
        self.readings = tuple(readings)     # answered under these where a scenario names none (a project's)
        folder = Path(kb_dir) if kb_dir else default_kb()
        self.kb_dir = folder
        if not folder.is_dir():
            raise ZanError([Diagnostic("unreadable-file", message("no kb folder at", folder=str(folder)), None)])
        self.modules: list[tuple[n.Module, str]] = []
        problems: list[Diagnostic] = []
        sources: dict[str, str] = {}
        for path in kb_files(folder):
            name = display_path(path)
            try:
                text = read_source(path)
                sources[name] = text
                self.modules.append((parse_module(text, name), text))
            except ZanError as e:
                problems.extend(e.diagnostics)
        if problems:
            raise ZanError(problems, sources=sources)
        found = errors(checks.run(self.knowledge()))
        if found:
            raise ZanError(sorted(found, key=Diagnostic.sort_key), sources=sources)

    def knowledge(self, extra: Sequence[tuple[n.Module, str]] = ()) -> KnowledgeBase:
        kb = KnowledgeBase()
        for module, text in [*self.modules, *extra]:
            kb.add(module, text)
        return kb

    def run(self, paths: Sequence[Path], only: str | None = None) -> Run:
        result = Run()
        problems: list[Diagnostic] = []
        seen: dict[str, Scenario] = {}
        for path in scenario_files(paths):
            name = display_path(path)
            try:
                text = read_source(path)
                result.sources[name] = text
                file = parse_scenarios(text, name)
            except ZanError as e:
                problems.extend(e.diagnostics)
                continue
            result.files.append(file)
            for scenario in file.scenarios:
                if scenario.name in seen:
                    problems.append(Diagnostic("invalid-scenario", message("scenario declared twice", name=scenario.name),
                                               scenario.name_span))
                seen.setdefault(scenario.name, scenario)
        if problems:
            raise ZanError(problems, sources=result.sources)
        for file in result.files:
            for scenario in file.scenarios:
                if only and not scenario.name.startswith(only):
                    continue
                try:
                    result.outcomes += self.scenario(file, scenario, result.sources)
                except ZanError as e:
                    result.diagnostics.extend(e.diagnostics)
                    result.sources.update(e.sources)
        return result

    def scenario(self, file: ScenarioFile, scenario: Scenario, sources: dict[str, str]) -> list[Outcome]:
        kb = self.scenario_knowledge(file, scenario, sources)
        for name in scenario.readings:   # at the scenario, not at `--reading` (ir.readings_in_force)
            if name not in kb.readings:
                guess = did_you_mean(name, list(kb.readings))
                raise ZanError([Diagnostic(
                    "unknown-reading", message("scenario reading", name=scenario.name, reading=name,
                                               known=", ".join(sorted(kb.readings)) or message("none")), scenario.name_span,
                    hint=message("did you mean", guess=guess) if guess else None)], sources=sources)
        outcomes = []
        for at, expectations in by_date(scenario).items():
            program = ir.lower(kb, at, reading=self.readings_of(scenario),
                                asked=ir.asked_atoms(e.atom for e in expectations))
            done = evaluated(program)
            for e in expectations:
                outcomes.append(outcome(scenario, e, at, done, kb))
        return outcomes

    def readings_of(self, scenario: Scenario) -> tuple[str, ...] | None:
        """The readings a scenario is answered under: its own, else the runner's, else (None) the kb's defaults."""
        return scenario.readings or self.readings or None

    def scenario_knowledge(self, file: ScenarioFile, scenario: Scenario, sources: dict[str, str]) -> KnowledgeBase:
        """The knowledge base with the scenario's facts (its files and `given`), checked: errors in them are raised."""
        extra = [(n.Module(file.path, scenario.facts), file.text)]
        folder = Path(file.path).parent
        for fact_file, span in scenario.fact_files:
            path = folder / fact_file
            outside = self._outside(folder, path)
            if outside is not None:
                raise ZanError([Diagnostic("invalid-scenario", outside, span, hint=message("name a case file"))], sources)
            try:
                text = read_text(path, display_path(path), regular=True)  # never a FIFO or a device: no waiting
            except ZanError as e:
                raise ZanError([Diagnostic("unreadable-file", e.diagnostics[0].message, span)], sources) from None
            name = display_path(path)
            sources[name] = text
            module = parse_module(text, name)
            wrong = case_only(module)  # a scenario's fact file is a case file: facts only
            if wrong:
                raise ZanError(wrong, {**sources, name: text})
            extra.append((module, text))
        kb = self.knowledge(extra)
        own = {module.path for module, _ in extra}
        problems = [d for d in errors(checks.run(kb)) if d.span is not None and d.span.file in own]
        problems += self._validate(kb, scenario)
        if problems:
            raise ZanError(sorted(problems, key=Diagnostic.sort_key), sources={**sources, **kb.sources})
        return kb

    def _outside(self, folder: Path, path: Path) -> str | None:
        """Why a scenario's fact file may not be read, or None: its real place (links followed) must lie in the
        project the scenario belongs to, its knowledge base or the scenario's own folder, so that a scenario
        cannot read (and quote in an error) any file of the machine (`facts "/etc/passwd"`)."""
        from engine.base.project import current

        roots = [self.kb_dir, folder]
        try:
            project = current(folder)
        except ZanError:
            project = None
        if project is not None:
            roots.append(project.root)
        try:
            real = path.resolve()
            inside = any(real.is_relative_to(root.resolve()) for root in roots)
        except (OSError, RuntimeError):
            inside = False
        if inside:
            return None
        return message("facts outside", path=str(path))

    def _validate(self, kb: KnowledgeBase, scenario: Scenario) -> list[Diagnostic]:
        from engine.checks.names import check_atom

        found = []
        for e in scenario.expectations:
            if e.at is None and scenario.at is None:
                found.append(Diagnostic("invalid-scenario", message("expectation without date", name=scenario.name), e.span,
                                        hint=message("write at")))
            for p in check_atom(kb, e.atom):
                found.append(Diagnostic("invalid-scenario", p.message, p.span, hint=p.hint))
            for v in e.atom.variables():
                found.append(Diagnostic("invalid-scenario", message("expectation variable", name=v.name),
                                        v.span, hint=message("name a constant")))
            for a in e.assertions:
                for norm in _norms_named(a):
                    if norm not in kb.norms:
                        guess = did_you_mean(norm, kb.norms)
                        found.append(Diagnostic("invalid-scenario", message("no norm in kb", norm=norm), a.span,
                                                hint=message("did you mean", guess=guess) if guess else None))
        return found


def by_date(scenario: Scenario) -> dict[datetime.date, list[Expectation]]:
    """The scenario's expectations grouped by the date they are about (one evaluation per date)."""
    grouped: dict[datetime.date, list[Expectation]] = {}
    for e in scenario.expectations:
        at = e.at or scenario.at
        assert at is not None, "every expectation has a date (Runner._validate)"
        grouped.setdefault(at, []).append(e)
    return grouped


def outcome(scenario: Scenario, e: Expectation, at: datetime.date, done: Evaluated, kb: KnowledgeBase) -> Outcome:
    """One expectation checked against an evaluated program."""
    found = done.answers(n.Query(None, e.atom, e.span))
    t = done.trace(found[0]) if found else None
    result = Outcome(scenario, e, at, t, done.program, kb)
    result.mismatches = compare(e, t, done.program)
    return result


def _norms_named(a: Assertion) -> list[str]:
    if isinstance(a, DecidedBy):
        return [a.norm] if a.norm else []
    if isinstance(a, (Uses, Avoids)):
        return list(a.norms)
    if isinstance(a, Defeated):
        return [a.loser] + ([a.winner] if a.winner else [])
    if isinstance(a, WhyNotReason):
        return [a.norm]
    return []


# ------------------------------------------------------------------ comparing expected with actual

def proof_norms(t: Trace) -> list[str]:
    """The norms whose rules the derivation uses: the deciding proof and the supporting proofs."""
    out: list[str] = []

    def walk(node):  # depth first, without Python recursion: proofs may be deep
        stack = [node] if node is not None else []
        while stack:
            current = stack.pop()
            if current.norm and current.norm not in out:
                out.append(current.norm)
            stack.extend(reversed(current.children))

    walk(t.proof)
    for p in t.supporting:
        walk(p)
    return out


def why_nots(t: Trace) -> Iterator[tuple[WhyNot, int]]:
    """Every why-not of the trace with its depth (0: a norm that could have concluded the atom)."""
    stack = [(w, 0) for w in reversed(t.why_not)]
    while stack:
        w, depth = stack.pop()
        yield w, depth
        stack.extend((d, depth + 1) for d in reversed(w.deeper))


def _atom_matches(expected: n.Atom, relation: str | None, values: tuple) -> bool:
    if relation != expected.predicate or len(values) != len(expected.args):
        return False
    return all(isinstance(term, n.Variable) or term.value == value for term, value in zip(expected.args, values))


def _why_not_matches(a: WhyNotReason, w: WhyNot) -> bool:
    return (w.norm == a.norm and w.reason == a.reason
            and (a.atom is None or _atom_matches(a.atom, w.relation, w.values)))


def recorded_why_not(w: WhyNot, span: Span) -> WhyNotReason:
    atom = None
    if w.relation is not None and not w.relation.startswith(n.UNIVERSAL_PREFIX):   # a `for every` is no atom to write
        args = tuple(n.Variable("_", span) if v is None else n.Constant(v, span) for v in w.values)
        atom = n.Atom(w.relation, args, span, span)
    return WhyNotReason(w.norm or "", w.reason, atom, span)


def compare(e: Expectation, t: Trace | None, program: ir.Program) -> list[Mismatch]:
    if t is None:
        return [Mismatch("answer", str(e.atom), message("no answer"))]
    a = t.answer
    out: list[Mismatch] = []
    if e.status is not None and e.status != a.status:
        out.append(Mismatch("status", e.status, a.status))
    used = proof_norms(t)
    for x in e.assertions:
        if isinstance(x, DecidedBy) and x.norm != a.deciding:
            out.append(Mismatch("decided by", x.norm or "nothing", a.deciding or "nothing"))
        elif isinstance(x, Uses):
            missing = [m for m in x.norms if m not in used]
            if missing:
                out.append(Mismatch("uses", ", ".join(missing), message("proof uses", norms=", ".join(used) or message("no norm"))))
        elif isinstance(x, Avoids):
            present = [m for m in x.norms if m in used]
            if present:
                out.append(Mismatch("avoids", message("without norms", norms=", ".join(x.norms)),
                                    message("proof uses", norms=", ".join(present))))
        elif isinstance(x, Defeated):
            if not any(d.loser == x.loser and (x.winner is None or d.winner == x.winner)
                       and (x.principle is None or d.principle == x.principle) for d in a.defeated):
                out.append(Mismatch("defeated", x.text(), "; ".join(
                    f"defeated {d.loser} by {d.winner} on {d.principle}" for d in a.defeated) or message("no norm defeated")))
        elif isinstance(x, WhyNotReason):
            if not any(_why_not_matches(x, w) for w, _ in why_nots(t)):
                actual = [recorded_why_not(w, x.span).text() for w, _ in why_nots(t) if w.norm == x.norm]
                out.append(Mismatch("why not", x.text(), "; ".join(actual) or message("no why-not", norm=x.norm)))
        elif isinstance(x, Cites):
            missing = [k for k in x.keys if k not in t.citations]
            if missing:
                out.append(Mismatch("cites", ", ".join(missing), ", ".join(t.citations) or message("no citation")))
        elif isinstance(x, Compliance) and x.value != a.compliance:
            out.append(Mismatch("compliance", x.value, a.compliance or message("none")))
    return out


# ------------------------------------------------------------------ reports

def report(outcome: Outcome, language: str = "en") -> str:
    """A failure as a reviewer reads it: where, expected against actual, then the actual derivation."""
    from engine.base.dates import say_date
    from engine.explain.explanation import Explainer
    from engine.explain.i18n import word
    from engine.explain.render import as_text

    e = outcome.expectation
    lines = [f"{e.span}: " + word("scenario failed", language, scenario=outcome.scenario.name, atom=e.atom,
                                  date=say_date(outcome.at, language))]
    width = max(len(m.what) for m in outcome.mismatches) + 1
    expected, actual = word("expected", language), word("actually", language)
    for m in outcome.mismatches:
        lines.append(f"  {m.what + ':':{width}} {expected} {say(m.expected, language)}")
        lines.append(f"  {'':{width}} {actual:{len(expected)}} {say(m.actual, language)}")
    if outcome.trace is not None:
        doc = {"query": str(e.atom), "at": outcome.at.isoformat(),
               "answers": [Explainer(outcome.kb, outcome.program, language).answer(outcome.trace)]}
        lines.append("  " + word("actual derivation", language))
        lines += ["    " + line if line else "" for line in as_text.render(doc, True, language).splitlines()[1:]]
    return "\n".join(lines).rstrip() + "\n"


# ------------------------------------------------------------------ --update

def render_expectation(e: Expectation, assertions: Sequence[Assertion], status: str | None, indent: str) -> str:
    head = f"expect {e.atom}" + (f" at {e.at.isoformat()}" if e.at else "") + (f" is {status}" if status else "")
    lines = [head] + [f"{indent}  {a.text()}" for a in assertions]
    return "\n".join(lines) + "."


def updated(outcome: Outcome) -> list[Assertion] | None:
    """The expectation's assertions made true of the actual answer; None where nothing needs to change."""
    e, t = outcome.expectation, outcome.trace
    if t is None or (outcome.passed and e.status is not None):
        return None
    a = t.answer
    span = e.span
    recorded: list[Assertion] = [DecidedBy(a.deciding, span)]
    recorded += [Defeated(d.loser, d.winner, d.principle, span) for d in a.defeated]
    recorded += [recorded_why_not(w, span) for w in t.why_not if w.norm]
    if a.compliance:
        recorded.append(Compliance(a.compliance, span))
    generated = {(type(x), x.text()) for x in recorded}
    kept: list[Assertion] = []
    top = {(w.norm, w.reason) for w in t.why_not}
    for x in e.assertions:
        if not x.recorded:
            kept.append(x)                       # the author's requirements are never rewritten
        elif isinstance(x, WhyNotReason) and (x.norm, x.reason) not in top and not compare(
                Expectation(e.atom, e.at, None, (x,), span, 0, 0), t, outcome.program):
            kept.append(x)                       # a deeper why-not the author wrote, still true
    order = {DecidedBy: 0, Uses: 1, Avoids: 2, Defeated: 3, WhyNotReason: 4, Cites: 5, Compliance: 6}
    merged = [x for x in recorded] + [x for x in kept if (type(x), x.text()) not in generated]
    merged.sort(key=lambda x: order[type(x)])
    return merged


def update_files(run: Run) -> list[str]:
    """Rewrites the expectations that fail or record no status; returns the files changed."""
    by_file: dict[str, list[tuple[Outcome, list[Assertion]]]] = {}
    for outcome in run.outcomes:
        new = updated(outcome)
        if new is not None:
            by_file.setdefault(outcome.expectation.span.file, []).append((outcome, new))
    changed = []
    for file in run.files:
        edits = by_file.get(file.path)
        if not edits:
            continue
        text = file.text
        for outcome, assertions in sorted(edits, key=lambda x: -x[0].expectation.start):
            e = outcome.expectation
            line_start = text.rfind("\n", 0, e.start) + 1
            indent = " " * (e.start - line_start)
            comments = [line.strip() for line in text[e.start:e.end].splitlines() if line.strip().startswith("%")]
            assert outcome.trace is not None, "updated() rewrites only an answered expectation"
            block = render_expectation(e, assertions, outcome.trace.answer.status, indent)
            if comments:
                block = f"\n{indent}".join(comments) + f"\n{indent}" + block
            text = text[:e.start] + block + text[e.end:]
        if text != file.text:
            write_atomically(Path(file.path), text, line_ending(file.text))  # whole or not at all; its line endings
            changed.append(file.path)
    return changed
