"""The explanation tree's nodes a plain question's document has none of (engine/explain/tree.py says what the tree
is): the numbered steps (`--steps`), an ambiguity, a deadline, an answer outside the law's scope. `tree` gives them as
its own (`tree.FactStep`, `from engine.explain.tree import Scope`) and imports this module only when a document has
one of them, so that a cold question does not declare these 10 record classes (docs/performance.md, issue 25;
tests/test_cold_start.py).
"""

from __future__ import annotations

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
