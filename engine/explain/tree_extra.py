"""The explanation tree's nodes a plain question's document has none of (engine/explain/tree.py says what the tree
is): the numbered steps (`--steps`), an ambiguity, a deadline, an answer outside the law's scope, and `zan diff`'s
document with its changes and their causes. `tree` gives them as its own (`tree.FactStep`, `from engine.explain.tree
import Scope`) and imports this module only when a document has one of them, so that a cold question does not declare
these 13 record classes (docs/performance.md, issue 25; tests/test_cold_start.py).
"""

from __future__ import annotations

from typing import Any

from engine.base.records import dataclass
from engine.explain.tree_base import Node, NormRef, Step


@dataclass(frozen=True)
class Ambiguity(Node):
    data: dict
    norms: list[NormRef]
    explanation: str


@dataclass(frozen=True)
class Deadline(Node):
    """An obligation's deadline and where it stands."""

    data: dict
    date: str
    compliance: str | None
    fulfilled_on: str | None


@dataclass(frozen=True)
class FactStep(Step):
    data: dict
    number: int
    premises: list[int]
    atom: str
    reading: str | None
    source: str | None


@dataclass(frozen=True)
class InferenceStep(Step):
    """A rule's or norm's conclusion (`conclusion`: the norm's deontic conclusion, with its modality)."""

    data: dict
    number: int
    premises: list[int]
    atom: str
    reading: str | None
    source: str | None
    norm: NormRef | None
    modality: str | None


@dataclass(frozen=True)
class NegationStep(Step):
    data: dict
    number: int
    premises: list[int]
    atom: str


@dataclass(frozen=True)
class ComparisonStep(Step):
    data: dict
    number: int
    premises: list[int]
    atom: str


@dataclass(frozen=True)
class DefeatStep(Step):
    data: dict
    number: int
    premises: list[int]
    explanation: str


@dataclass(frozen=True)
class FailedStep(Step):
    data: dict
    number: int
    premises: list[int]
    explanation: str | None


@dataclass(frozen=True)
class StatusStep(Step):
    data: dict
    number: int
    premises: list[int]
    status: str


@dataclass(frozen=True)
class Scope(Node):
    """The provisions a knowledge base declares it does not encode, where an answer falls outside it."""

    data: dict
    cited_as: list[str]
    label: str


# ---------------------------------------------------------------- `zan diff`'s document

@dataclass(frozen=True)
class Cause(Node):
    """Why a status changed: the norm that caused it (primary) or one to see."""

    data: dict
    primary: bool
    explanation: str
    norm: NormRef | None


@dataclass(frozen=True)
class Change(Node):
    """One answer whose status changed between the two sides of a `zan diff`."""

    data: dict
    atom: str
    before: Any                      # the answer before (a tree.Answer: `tree` imports this module), or None
    after: Any
    causes: list[Cause]

    @property
    def old(self) -> str:
        return self.before.status if self.before else "absent"

    @property
    def new(self) -> str:
        return self.after.status if self.after else "absent"

    @property
    def question(self) -> str | None:
        """The question it answers, in a diff of every question the law can be asked (else None)."""
        return self.data.get("question")


@dataclass(frozen=True)
class Diff(Node):
    """A `zan diff` document: the changes between two dates (or readings)."""

    data: dict
    query: str
    title: str | None
    before: str                      # the first date
    after: str
    changes: list[Change]

    @property
    def questions(self) -> list[dict]:
        """A diff of every question the law can be asked: each question, its number of changes, whether examined."""
        return self.data.get("questions") or []

    @property
    def unchanged(self) -> str | None:
        """A diff of every question: the questions in which nothing changed, said; None when there are none."""
        return self.data.get("unchanged")

    @property
    def stopped(self) -> str | None:
        """What stopped a diff of every question (the budget that ran out), said; None when nothing did."""
        return (self.data.get("stopped") or {}).get("explanation")
