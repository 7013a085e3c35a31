"""The knowledge base: parsed modules gathered into acts, predicates, norms, clauses and questions."""

from __future__ import annotations

import dataclasses
import gc
import os
from dataclasses import field
from engine.base.records import dataclass
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Iterable

from engine.syntax import nodes as n
from engine.base.diagnostics import Diagnostic, Note, ZanError
from engine.base.messages import message
from engine.base.places import as_path, plain, relative
from engine.base.source import Span

if TYPE_CHECKING:
    from pathlib import Path


@dataclass
class KnowledgeBase:
    """Everything loaded for one question: the law (kb/), the case facts and the saved questions."""

    sources: MutableMapping[str, str] = field(default_factory=dict)   # each file's text, by its name as shown
    modules: list[n.Module] = field(default_factory=list)
    acts: dict[str, n.Act] = field(default_factory=dict)
    predicates: dict[str, n.PredicateDecl] = field(default_factory=dict)
    constants: dict[str, n.ConstantDecl] = field(default_factory=dict)
    kinds: dict[str, n.KindDecl] = field(default_factory=dict)   # kinds of values parameters take
    norms: dict[str, n.Norm] = field(default_factory=dict)
    clauses: list[n.Clause] = field(default_factory=list)
    questions: dict[str, n.Question] = field(default_factory=dict)
    readings: dict[str, n.ReadingDecl] = field(default_factory=dict)
    scopes: list[n.ScopeDecl] = field(default_factory=list)      # what the kb declares it does not encode
    assumables: list[n.AssumableDecl] = field(default_factory=list)   # what a case may still establish (--how)
    constraints: list[n.ConstraintDecl] = field(default_factory=list)  # combinations of facts no case has
    duplicates: list[Diagnostic] = field(default_factory=list)
    universals: dict[str, n.Universal] = field(default_factory=dict)   # `for every` conditions, by relation
    yielding: list[tuple[str, n.Reference]] = field(default_factory=list)   # `subject to` not yet resolved
    # where each file's facts come from, when not the law: "case" (a case file) or "assumption" (assumed
    # for one question); recorded as the file is loaded, never guessed from its name (engine.logic.ir.origin)
    origins: dict[str, str] = field(default_factory=dict)

    def add(self, module: n.Module, text: str) -> None:
        self.sources[module.path] = text
        self.modules.append(module)
        for universal in module.universals:
            self.universals[universal.relation] = universal
        if set(map(type, module.statements)) <= _CLAUSES:   # a case's file of facts (a register's many): taken whole
            self.clauses.extend(module.statements)   # type: ignore[arg-type]
            self._yield()
            return
        for statement in module.statements:
            if isinstance(statement, n.Clause):
                self.clauses.append(statement)
            elif isinstance(statement, n.Act):
                self._register(self.acts, statement.key, statement, statement.key_span, "act")
            elif isinstance(statement, n.PredicateDecl):
                self._register(self.predicates, statement.name, statement, statement.name_span, "predicate")
            elif isinstance(statement, n.ConstantDecl):
                self._register(self.constants, statement.name, statement, statement.span, "constant")
            elif isinstance(statement, n.KindDecl):
                self._register(self.kinds, statement.name, statement, statement.name_span, "kind")
            elif isinstance(statement, n.Norm):
                self._register(self.norms, statement.id, statement, statement.id_span, "norm")
                for ref in statement.subject_to:
                    self.yielding.append((ref.norm_id, n.Reference(statement.id, ref.span, ref.words, statement.id)))
            elif isinstance(statement, n.ReadingDecl):
                self._register(self.readings, statement.name, statement, statement.name_span, "reading")
            elif isinstance(statement, n.ScopeDecl):
                self.scopes.append(statement)
            elif isinstance(statement, n.AssumableDecl):
                self.assumables.append(statement)
            elif isinstance(statement, n.ConstraintDecl):
                self.constraints.append(statement)
            elif isinstance(statement, n.Question):
                self._register(self.questions, statement.name, statement, statement.span, "question")

        self._yield()

    def _yield(self) -> None:
        """`A subject to B` makes B an exception to A (B prevails where they conflict): B's `exception to` gets A,
        with the words and the norm A that say so, once B is loaded (a later file may declare it)."""
        waiting = []
        for target, ref in self.yielding:
            norm = self.norms.get(target)
            if norm is None:
                waiting.append((target, ref))   # `zan check` reports it if it never comes (unknown-norm)
            elif all(r.norm_id != ref.norm_id or r.written_in != ref.written_in for r in norm.exception_to):
                self.norms[target] = dataclasses.replace(norm, exception_to=norm.exception_to + (ref,))
        self.yielding = waiting

    def _register(self, table: dict, key: str, node, span, kind: str) -> None:
        if key in table:
            first = table[key]
            self.duplicates.append(Diagnostic(
                "duplicate-id", message(f"{kind} declared twice", key=key), span,
                notes=(Note(message("first declared here"), getattr(first, "span", None)),)))
            return
        table[key] = node

    def kind_ancestry(self, kind: str) -> set[str]:
        """The kind and every kind it is one of (`kind holder is party`, transitively; cycles stop)."""
        seen, todo = set(), [kind]
        while todo:
            k = todo.pop()
            if k not in seen:
                seen.add(k)
                decl = self.kinds.get(k)
                todo += [p.norm_id for p in decl.parents] if decl is not None else []
        return seen

    def parameter_kind(self, predicate: str, index: int) -> str | None:
        """The kind of value the predicate's parameter at `index` takes (its declared kind, else its name)."""
        decl = self.predicates.get(predicate)
        return decl.kind_of(index) if decl is not None and index < decl.arity else None

    def kind_label(self, kind: str, language: str) -> str | None:
        """What a reader of the language calls a value of the kind (`kind holder ... ru "владелец"`), or None."""
        decl = self.kinds.get(kind)
        return next((label.text for label in decl.labels if label.language == language), None) if decl else None

    def all_clauses(self) -> Iterable[tuple[n.Clause, n.Norm | None]]:
        """Every clause with the norm it belongs to (None for facts and plain definitions)."""
        for clause in self.clauses:
            yield clause, None
        for norm in self.norms.values():
            if norm.clause is not None:
                yield norm.clause, norm


_CLAUSES = {n.Clause, n.PlainFact}


def _stored() -> tuple[type, ...]:
    import datetime
    import decimal

    records = [v for v in vars(n).values() if isinstance(v, type) and dataclasses.is_dataclass(v)
               and v is not n.PlainFact]   # a row is stored as its Clause (n.PlainFact.__reduce__)
    return (KnowledgeBase, Span, Diagnostic, Note, datetime.date, decimal.Decimal, *records)


# What a cache entry (engine/base/cache.py) may hold besides containers, strings and numbers: a parsed
# knowledge base or question is made of these, and the unpickler finds no other class (SECURITY.md).
STORED = _stored()


def kb_files(folder: Path | str) -> list[Path]:
    """The knowledge base proper: every *.zan file under the folder, in a stable order."""
    return [as_path(name) for name in kb_file_names(folder)]


def kb_file_names(folder: Path | str) -> list[str]:
    """`kb_files` as strings, found as `Path.rglob("*.zan")` finds them (folders below, not links to folders; a
    folder that cannot be listed skipped) and sorted as paths sort (by their parts), without importing pathlib."""
    top = plain(folder)
    return sorted(_named(top, ".zan", True), key=_parts)


def sample_case_files(folder: Path | str) -> list[Path]:
    """The bundled sample case (kb/sample/*.facts), used when a question gives no --facts.

    The other cases in kb/cases/ are examples, loaded only when named with --facts.
    """
    return [as_path(name) for name in sample_case_names(folder)]


def sample_case_names(folder: Path | str) -> list[str]:
    """`sample_case_files` as strings (`Path.glob("*.facts")` in the folder's sample/)."""
    sample = plain(os.path.join(plain(folder), "sample"))
    return sorted(_named(sample, ".facts", False), key=_parts)


def _parts(path: str) -> list[str]:
    return path.split("/")


def _named(folder: str, suffix: str, below: bool) -> list[str]:
    """The paths of the files whose names end with `suffix` in the folder (and, `below`, in every folder under it
    that is not a link), as pathlib's glob and rglob select them and `os.path.isfile` keeps them (a link followed; its
    type read off the listing where the system gives it, not asked again): nothing if the folder is not one."""
    if not os.path.isdir(folder):
        return []
    found: list[str] = []
    folders = [folder]
    while folders:
        here = folders.pop()
        try:
            with os.scandir(here) as listing:
                entries = list(listing)
        except PermissionError:
            continue
        for entry in entries:
            child = plain(os.path.join(here, entry.name))
            if entry.name.endswith(suffix) and _is_file(entry):
                found.append(child)
            if below:
                try:
                    is_folder = entry.is_dir() and not entry.is_symlink()
                except OSError:
                    is_folder = False
                if is_folder:
                    folders.append(child)
    return found


class SourceTexts(MutableMapping[str, str]):
    """The texts of the files a knowledge base from the cache was parsed from, by name, each decoded from the bytes
    read for the entry's key when first asked for (as `load_contents` decodes them): the entry does not hold them
    (`pipeline.without_texts`), and a question that quotes no line of them never decodes them. Pickled as a dict."""

    def __init__(self, read: Iterable[tuple[str, bytes]] = ()):
        self._texts: dict[str, str | bytes] = dict(read)   # bytes until asked for

    def __getitem__(self, name: str) -> str:
        text = self._texts[name]
        if isinstance(text, bytes):
            from engine.base.inputs import decode

            text = self._texts[name] = decode(text, name)
        return text

    def __setitem__(self, name: str, text: str) -> None:
        self._texts[name] = text

    def __delitem__(self, name: str) -> None:
        del self._texts[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self):
        return dict, (dict(self),)


def _is_file(entry: os.DirEntry) -> bool:
    """`os.path.isfile(entry.path)`: a regular file, a link followed; False where it cannot be told."""
    try:
        return entry.is_file()
    except OSError:
        return False


def read_files(paths: Iterable[Path | str]) -> list[tuple[str, bytes]]:
    """Each file's name as shown to users and its bytes, each read exactly once (pipes, `-` for stdin)."""
    from engine.base.inputs import read_bytes

    named: list = []
    problems: list = []
    try:
        here: str | None = os.path.realpath(os.getcwd())   # once, not once a file (a resolve is a stat per folder)
    except (OSError, RuntimeError):
        here = None
    folders: dict[str, str] = {}   # a folder -> its real path, resolved once for the files in it
    for path in paths:
        name = display_path(path, here, folders)
        try:
            named.append((name, read_bytes(path, name)))
        except ZanError as e:
            problems.extend(e.diagnostics)
    if problems:
        raise ZanError(problems)
    return named


def load(paths: Iterable[Path | str], base: KnowledgeBase | None = None, case: bool = False) -> KnowledgeBase:
    """Parses the files into one knowledge base; syntax errors from all files are raised together.

    With case=True the files are case files: they may hold facts (with intervals) only (see case_only).
    """
    return load_contents(read_files(paths), base, case)


def load_contents(named: Iterable[tuple[str, bytes]], base: KnowledgeBase | None = None,
                  case: bool = False) -> KnowledgeBase:
    """Parses already read files (name as shown, bytes) into one knowledge base, as `load` does."""
    from engine.base.inputs import decode
    from engine.syntax.facts import read_plain_facts

    def parse_module(text: str, name: str) -> n.Module:
        plain = read_plain_facts(text, name)   # a case file of plain facts: no grammar, lark not even imported
        if plain is not None:
            return plain
        from engine.syntax.parser import parse_module as parse  # lark only where something needs the grammar

        return parse(text, name)

    kb = base or KnowledgeBase()
    problems: list[Diagnostic] = []
    collecting = gc.isenabled()
    gc.disable()  # parsing makes many small objects and frees few: the cycle collector only slows it (-25%)
    try:
        for name, data in named:
            try:
                text = decode(data, name)
                kb.sources[name] = text
                module = parse_module(text, name)
                if case:
                    found = case_only(module)
                    if found:
                        problems.extend(found)
                        continue
                kb.add(module, text)
                if case:
                    kb.origins[name] = "case"
            except ZanError as e:
                problems.extend(e.diagnostics)
    finally:
        if collecting:
            gc.enable()
    if problems:
        raise ZanError(problems, sources=kb.sources)
    return kb


_KINDS = {n.Act: "case has an act", n.PredicateDecl: "case has a predicate", n.ConstantDecl: "case has a constant",
          n.KindDecl: "case has a kind", n.Norm: "case has a norm",
          n.Question: "case has a question"}   # their words: engine/base/messages.py


def case_only(module: n.Module) -> list[Diagnostic]:
    """A case file states facts, each with an optional interval; law comes only from the knowledge base.

    A norm, act, declaration, question, rule (a clause with conditions) or a conclusion with a modality
    in a case file would change the law for that one case, unseen by `zan check` of the kb: an error.
    """
    found = []
    for statement in module.statements:
        if isinstance(statement, n.Clause) and statement.is_fact:
            continue
        if isinstance(statement, n.Clause):
            what = message("case has a conclusion", modality=statement.modality) if statement.modality else \
                message("case has a rule")
        else:
            what = message(_KINDS.get(type(statement), "case has a statement"))
        found.append(Diagnostic(
            "case-not-fact", message("case-not-fact", what=what),
            getattr(statement, "span", None) or Span(module.path, 1, 1), hint=message("law belongs in the kb")))
    return found


def display_path(path: Path | str, here: Path | str | None = None, folders: dict[str, str] | None = None) -> str:
    """A path as users should see it in messages: relative to the working folder where possible (`here`: that
    folder resolved, for a caller naming many files); `str(Path(path).resolve().relative_to(here))`, else the path
    as pathlib writes it, computed without pathlib. `folders`: the real paths of folders resolved before (a caller
    naming many files of a few folders), filled as they are resolved."""
    from engine.base.inputs import STDIN_NAME, is_stdin

    if is_stdin(path):
        return STDIN_NAME
    shown = plain(path)
    try:
        inside = relative(_resolved(shown, folders), plain(here) if here else os.path.realpath(os.getcwd()))
    except (ValueError, OSError):
        return shown
    return shown if inside is None else inside


def _resolved(shown: str, folders: dict[str, str] | None) -> str:
    """`os.path.realpath(shown)`: for a name that is not a link, its folder's real path (from `folders`, once a
    folder) joined with it, as realpath resolves it (a stat a file, not one for each folder above it)."""
    head, name = os.path.split(shown)
    if folders is None or name in ("", ".", "..") or os.path.islink(shown):
        return os.path.realpath(shown)
    real = folders.get(head)
    if real is None:
        real = folders[head] = os.path.realpath(head or os.curdir)
    return os.path.join(real, name)
