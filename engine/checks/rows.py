"""What the checks read of a case's rows (n.PlainFact, engine/syntax/facts.py) besides the clauses themselves.

A row is a ground fact with no body, no modality, no reading and a head of its predicate and values: of every
check it can fail only names (an unknown predicate, a wrong arity), conclusions (a conclusion stated as a fact),
usage (a fact no rule reads), scripts (a name not in NFC or of mixed scripts), declarations (an interval ending
before it starts), and it counts for lone constants (a name it holds) and usage (its predicate is used). A register
is ~66k rows a 10k case: rather than each check walking every row again (a generator step and a test each, a dozen
times), `of(kb)` splits the clauses once into the rows and the others and says, in C where it can, what the rows
hold (their predicates with their arities, whether the text they were read off is ASCII, which of a few values they
hold). A check walks the other
clauses alone and reads the rows through this summary; where it says a row may be told something, the check
walks every clause as before, so a diagnostic is never lost, moved or reordered (tests/test_case_rows.py).

`checks.run` makes the summary once for all the checks (`kept`); a check called alone makes its own.
"""

from __future__ import annotations

from itertools import chain, filterfalse
from operator import attrgetter
from typing import Iterator

from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase

_PREDICATE, _VALUES, _SOURCE = attrgetter("predicate"), attrgetter("values"), attrgetter("source")
_ROW = n.PlainFact.__instancecheck__   # a case's row (the reader makes no subclass of it), tested in C


class Rows:
    """A knowledge base's clauses split into the case's rows and the others (both in the order written)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.clauses, self.count = kb.clauses, len(kb.clauses)   # what it was made of (`of` makes another if changed)
        self.others: list[n.Clause] = list(filterfalse(_ROW, self.clauses))
        self.any = len(self.others) < self.count
        # (predicate, arity) of every row: rows walked in C, no list of them (~670k at 100k)
        self.shapes: set[tuple[str, int]] = set(zip(map(_PREDICATE, self.rows()), map(len, map(_VALUES, self.rows()))))
        self.predicates: set[str] = {p for p, _arity in self.shapes}

    def rows(self) -> Iterator:
        """The rows, in the order written."""
        return filter(_ROW, self.clauses)

    @property
    def ascii(self) -> bool:
        """Whether every row was read off an ASCII text (then its predicate and every name it holds is ASCII)."""
        texts = [getattr(source, "text", None) for source in set(map(_SOURCE, self.rows()))]
        return all(isinstance(text, str) and text.isascii() for text in texts)

    def holding(self, values: set) -> set:
        """Those of `values` some row holds (in C, no set of every row's values: ~470k at 100k)."""
        return values.intersection(chain.from_iterable(map(_VALUES, self.rows()))) if values and self.any else set()

    def all_clauses(self) -> Iterator[tuple[n.Clause, n.Norm | None]]:
        """kb.all_clauses() without the rows."""
        for clause in self.others:
            yield clause, None
        for norm in self.kb.norms.values():
            if norm.clause is not None:
                yield norm.clause, norm


_KEPT: Rows | None = None   # the summary `checks.run` made for the knowledge base it checks


def of(kb: KnowledgeBase) -> Rows:
    """The rows' summary of `kb` (the one `checks.run` keeps while it checks `kb`, else made now)."""
    if _KEPT is not None and _KEPT.kb is kb and _KEPT.clauses is kb.clauses and _KEPT.count == len(kb.clauses):
        return _KEPT
    return Rows(kb)


class kept:
    """While checking `kb`: its rows' summary made once for every check."""

    def __init__(self, kb: KnowledgeBase):
        self.rows = Rows(kb)

    def __enter__(self) -> Rows:
        global _KEPT
        self.before, _KEPT = _KEPT, self.rows
        return self.rows

    def __exit__(self, *exc) -> None:
        global _KEPT
        _KEPT = self.before
