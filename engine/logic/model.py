"""What an evaluator returns and the built-ins every evaluator shares: the model (every tuple of every
relation at the question's date), comparisons that never raise across kinds of values, and the
arithmetic relations `op(Left, Right, Result)`. Imports nothing that evaluates (no pyDatalog), so
proofs, answers and the ASP export read a model without loading an evaluator.
"""

from __future__ import annotations

import datetime
import operator
from dataclasses import field
from engine.base.records import dataclass
from decimal import Decimal

from typing import TYPE_CHECKING

from engine.logic.ir import ARITHMETIC_RELATIONS

if TYPE_CHECKING:   # made by an evaluator that records derivations (engine/logic/sets.py imports it)
    from engine.logic.derivations import Derivations


@dataclass
class Model:
    """Every tuple of every relation at the question's date; `derivations`, where the evaluator recorded
    them, the rule instances it derived tuples by (engine/logic/derivations.py)."""

    relations: dict[str, set[tuple]] = field(default_factory=dict)
    derivations: Derivations | None = None

    def get(self, relation: str) -> set[tuple]:
        return self.relations.get(relation, set())


# Ordering comparisons are defined within one kind of value: dates with dates, numbers with numbers,
# texts with texts. Across kinds `<` is false and `!=` is true, instead of Python's TypeError.
def kind(value) -> str:
    if isinstance(value, datetime.date):
        return "date"
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return "number"
    return "text"


def compare(op: str, left, right) -> bool:
    if op == "!=":
        return left != right or kind(left) != kind(right)
    if kind(left) != kind(right):
        return False
    return _ORDER[op](left, right)


_ORDER = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


def _number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _arithmetic(op: str):
    """left op right on two numbers; None (no answer) for anything else or a division by zero."""
    def apply(left, right):
        if not (_number(left) and _number(right)):
            return None
        if op in ("/", "%") and right == 0:
            return None
        if op == "/":
            return left // right if isinstance(left, int) and isinstance(right, int) else left / right
        if op == "%":   # each operation computed alone: `x + 0` once raised, computing `x % 0` beside it
            return left % right
        return left + right if op == "+" else left - right if op == "-" else left * right
    return apply


# Built-in relations `op(Left, Right, Result)`, for arithmetic written by the conformance suite's rules.
# Their names cannot be written in the DSL (they are not identifiers), so the DSL never reaches them.
ARITHMETIC = {op: _arithmetic(op) for op in ARITHMETIC_RELATIONS}


def arithmetic_holds(op: str, left, right, result) -> bool:
    """Whether `op(left, right, result)` holds for three values (a bound result must be of the same kind)."""
    value = ARITHMETIC[op](left, right)
    return value is not None and result == value and kind(result) == kind(value)
