"""The seam between the program and whatever evaluates it, chosen in one place.

Every evaluation of a lowered program goes through `evaluate(program, relations)` here, which hands
it to the chosen `Evaluator`: pyDatalog (`engine.logic.evaluation`, the evaluator of the design and
the reference) unless `use(name)` chose another (`zan --engine NAME`, `zan ask --engine NAME`, or
`ZAN_ENGINE`). The paths that evaluate many programs or large ones (`many=True`: a register in
partitions, `zan test --mutate`, `zan cases`) take the set-at-a-time evaluator when none was chosen:
the same model (tests/test_evaluators.py), 2-10x sooner (docs/performance.md). An
evaluator is one object with a `name` and `evaluate(program, relations) -> Model` that gives the
same model: every fact, and every tuple of the relations that `relations` rest on (all derived
relations when None). A new evaluator is one class registered in `EVALUATORS`.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:   # importing the seam costs nothing: the command line names its evaluators at start
    from engine.logic.ir import Program
    from engine.logic.model import Model

DEFAULT = "pydatalog"
MANY = "sets"   # for many or large evaluations, unless an evaluator was chosen


class Evaluator(Protocol):
    name: str

    def evaluate(self, program: Program, relations: set[str] | None = None) -> Model:
        """Every fact of the program and every tuple of the relations `relations` rest on (all when None)."""
        ...


# name -> the module whose EVALUATOR it is (imported when first chosen: a question pays for one evaluator)
EVALUATORS = {
    "pydatalog": "engine.logic.evaluation",   # top-down resolution, a relation at a time (the reference)
    "sets": "engine.logic.sets",              # semi-naive joins of whole relations over Python dicts
}

_chosen: list[str] = []   # set by use(); the environment's ZAN_ENGINE otherwise


def use(name: str | None) -> None:
    """Chooses the evaluator of every later evaluation in this process (None: back to the default)."""
    if name is not None and name not in EVALUATORS:
        raise ValueError(f"unknown evaluator {name!r} (known: {', '.join(sorted(EVALUATORS))})")
    _chosen[:] = [name] if name else []


def chosen(many: bool = False) -> str:
    """The evaluator's name: the one chosen, else the default (MANY for many or large evaluations)."""
    name = _chosen[0] if _chosen else os.environ.get("ZAN_ENGINE")
    if name in EVALUATORS:
        return name
    return MANY if many else DEFAULT


def evaluator(name: str | None = None, many: bool = False) -> Evaluator:
    return importlib.import_module(EVALUATORS[name or chosen(many)]).EVALUATOR


def evaluate(program: Program, relations: set[str] | None = None, engine: str | None = None, many: bool = False) -> Model:
    """The model of the program by the evaluator named `engine`, else the chosen one (see `chosen`)."""
    return evaluator(engine, many).evaluate(program, relations)
