"""Mixed scripts: a name whose letters come from more than one script (Latin, Cyrillic, Greek, ...).

`оwner` with a Cyrillic `о` looks exactly like `owner` and is another constant: a fact about it
never meets a rule about `owner`, silently. So does `é` written as `e` and a combining accent
(not NFC) beside the composed `é` (unnormalized-name). Names are checked wherever they are written: predicates,
constants, variables, norm ids. Digits and `_` belong to no script; quoted texts with spaces are free
text and are not checked.
"""

from __future__ import annotations

import unicodedata

from engine.base.diagnostics import Diagnostic
from engine.base.messages import listed, message
from engine.syntax import nodes as n
from engine.checks import rows
from engine.checks.names import atoms_of
from engine.syntax.knowledge import KnowledgeBase


def script_of(char: str) -> str | None:
    """The script of a letter as Unicode names it (LATIN, CYRILLIC, GREEK, ...); None for anything else."""
    if not char.isalpha():
        return None
    try:
        return unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return None


def scripts(name: str) -> dict[str, str]:
    """Each script the name's letters come from, with its first letter."""
    if name.isascii():   # every ASCII letter is Latin (a register's 200k names: no Unicode lookups)
        first = next((c for c in name if c.isalpha()), None)
        return {"LATIN": first} if first is not None else {}
    found: dict[str, str] = {}
    for char in name:
        script = script_of(char)
        if script is not None:
            found.setdefault(script, char)
    return found


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    reported: set[tuple] = set()

    def look(name: str, span, kind: str) -> None:
        if (name, span) in reported:
            return
        composed = unicodedata.normalize("NFC", name)
        if composed != name:
            reported.add((name, span))
            found.append(Diagnostic(
                "unnormalized-name", message("unnormalized-name", language, kind=message(f"kind {kind}", language),
                                             name=name, composed=composed), span,
                hint=message("retype in NFC", language)))
            return
        seen = scripts(name)
        if len(seen) < 2:
            return
        reported.add((name, span))
        parts = listed(message("script and letter", language, script=_script(script, language), letter=char)
                       for script, char in seen.items())
        found.append(Diagnostic(
            "mixed-script", message("mixed-script", language, kind=message(f"kind {kind}", language), name=name,
                                    count=len(seen), parts=parts), span,
            hint=message("retype in one script", language)))

    atoms: list[n.Atom] = []
    summary = rows.of(kb)   # rows read off ASCII texts: every name in them is NFC and Latin alone, none walked
    for clause, norm in (summary.all_clauses() if summary.ascii else kb.all_clauses()):
        if clause.__class__ is n.PlainFact:   # a row (a register's many): its nodes made only for a name to check
            if clause.predicate.isascii() and all(v.isascii() for v in clause.values  # type: ignore[attr-defined]
                                                  if isinstance(v, str)):
                continue   # every ASCII name is in NFC and in Latin letters alone (see below)
            atoms.append(clause.head)
            continue
        atoms.append(clause.head)
        atoms.extend(atoms_of(clause.body))
    for decl in kb.predicates.values():
        look(decl.name, decl.name_span, "predicate")
        if decl.domain:
            atoms.extend(atoms_of(decl.domain))
    for question in kb.questions.values():
        atoms.append(question.query.atom)
    for nid, norm in kb.norms.items():
        look(nid, norm.id_span, "norm")
    for name, constant in kb.constants.items():
        look(name, constant.span, "constant")
    for atom in atoms:
        if not atom.predicate.isascii():
            look(atom.predicate, atom.predicate_span, "predicate")
        for term in atom.args:   # an ASCII name is in NFC and in Latin letters alone (a register's many names)
            if isinstance(term, n.Variable):
                if not term.name.isascii():
                    look(term.name, term.span, "variable")
            elif isinstance(term, n.Constant) and isinstance(term.value, str) and not term.value.isascii() \
                    and not any(c.isspace() for c in term.value):
                look(term.value, term.span, "constant")
    return found


def _script(script: str, language: str | None) -> str:
    """A script's name in the reader's language where the catalogue has it (Latin, Cyrillic, Greek), else Unicode's."""
    key = f"script {script.title()}"
    from engine.base.messages import MESSAGES   # every message: those of checking imported only when one is said

    return message(key, language) if key in MESSAGES else script.title()
