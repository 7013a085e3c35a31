"""The knowledge base: parsed modules gathered into acts, predicates, norms, clauses and questions."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from engine.syntax import nodes as n
from engine.base.diagnostics import Diagnostic, Note, ZanError


@dataclass
class KnowledgeBase:
    """Everything loaded for one question: the law (kb/), the case facts and the saved questions."""

    sources: dict[str, str] = field(default_factory=dict)
    modules: list[n.Module] = field(default_factory=list)
    acts: dict[str, n.Act] = field(default_factory=dict)
    predicates: dict[str, n.PredicateDecl] = field(default_factory=dict)
    constants: dict[str, n.ConstantDecl] = field(default_factory=dict)
    norms: dict[str, n.Norm] = field(default_factory=dict)
    clauses: list[n.Clause] = field(default_factory=list)
    questions: dict[str, n.Question] = field(default_factory=dict)
    duplicates: list[Diagnostic] = field(default_factory=list)

    def add(self, module: n.Module, text: str) -> None:
        self.sources[module.path] = text
        self.modules.append(module)
        for statement in module.statements:
            if isinstance(statement, n.Clause):
                self.clauses.append(statement)
            elif isinstance(statement, n.Act):
                self._register(self.acts, statement.key, statement, statement.key_span, "act")
            elif isinstance(statement, n.PredicateDecl):
                self._register(self.predicates, statement.name, statement, statement.name_span, "predicate")
            elif isinstance(statement, n.ConstantDecl):
                self._register(self.constants, statement.name, statement, statement.span, "constant")
            elif isinstance(statement, n.Norm):
                self._register(self.norms, statement.id, statement, statement.id_span, "norm")
            elif isinstance(statement, n.Question):
                self._register(self.questions, statement.name, statement, statement.span, "question")

    def _register(self, table: dict, key: str, node, span, kind: str) -> None:
        if key in table:
            first = table[key]
            self.duplicates.append(Diagnostic(
                "duplicate-id", f"the {kind} {key} is declared twice", span,
                notes=(Note(f"first declared here", getattr(first, "span", None)),)))
            return
        table[key] = node

    def all_clauses(self) -> Iterable[tuple[n.Clause, n.Norm | None]]:
        """Every clause with the norm it belongs to (None for facts and plain definitions)."""
        for clause in self.clauses:
            yield clause, None
        for norm in self.norms.values():
            if norm.clause is not None:
                yield norm.clause, norm


def kb_files(folder: Path) -> list[Path]:
    """The knowledge base proper: every *.zan file under the folder, in a stable order."""
    return sorted(p for p in folder.rglob("*.zan") if p.is_file())


def sample_case_files(folder: Path) -> list[Path]:
    """The bundled sample case (kb/sample/*.facts), used when a question gives no --facts.

    The other cases in kb/cases/ are examples, loaded only when named with --facts.
    """
    return sorted(p for p in (folder / "sample").glob("*.facts") if p.is_file())


def load(paths: Iterable[Path | str], base: KnowledgeBase | None = None) -> KnowledgeBase:
    """Parses the files into one knowledge base; syntax errors from all files are raised together."""
    from engine.syntax.parser import parse_module, read_source  # lark only where something is parsed

    kb = base or KnowledgeBase()
    problems: list[Diagnostic] = []
    collecting = gc.isenabled()
    gc.disable()  # parsing makes many small objects and frees few: the cycle collector only slows it (-25%)
    try:
        for path in paths:
            name = display_path(path)
            try:
                text = read_source(path)
                kb.sources[name] = text
                kb.add(parse_module(text, name), text)
            except ZanError as e:
                problems.extend(e.diagnostics)
    finally:
        if collecting:
            gc.enable()
    if problems:
        raise ZanError(problems, sources=kb.sources)
    return kb


def display_path(path: Path | str) -> str:
    """A path as users should see it in messages: relative to the working folder where possible."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)
