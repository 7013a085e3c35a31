"""The seam between the program and whatever evaluates it, chosen in one place.

Every evaluation of a lowered program goes through `evaluate(program, relations)` here, which hands
it to the chosen `Evaluator`: pyDatalog (`engine.logic.evaluation`, the evaluator of the design and
the reference) unless `use(name)` chose another (`zan ask --engine NAME`, `ZAN_ENGINE`). An
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


def chosen() -> str:
    name = _chosen[0] if _chosen else os.environ.get("ZAN_ENGINE") or DEFAULT
    return name if name in EVALUATORS else DEFAULT


def evaluator(name: str | None = None) -> Evaluator:
    return importlib.import_module(EVALUATORS[name or chosen()]).EVALUATOR


def evaluate(program: Program, relations: set[str] | None = None, engine: str | None = None) -> Model:
    """The model of the program by the chosen evaluator (or the one named `engine`)."""
    return evaluator(engine).evaluate(program, relations)
