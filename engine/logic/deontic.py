"""Deontic semantics: which norms conflict, which one defeats another and why, and each answer's status.

A norm defeats a conflicting one by, in order: an explicit exception (lex specialis), the higher
rank of its act (lex superior), the later in-force date (lex posterior). Two applicable conflicting
norms that none of these orders leave the answer undetermined, and the ambiguity is reported.
"""

from __future__ import annotations

import datetime
from dataclasses import field
from engine.base.records import dataclass
from typing import Mapping

from engine.logic import defeasible
from engine.logic.ir import Program
from engine.logic.norms import Defeat


ALLOWING = ("obligatory", "permitted", "discretionary")   # strongest first
STATUSES = ("obligatory", "permitted", "discretionary", "prohibited", "undetermined")


@dataclass(slots=True)
class Answer:
    """One answer to a question: the atom, its status and the norms that decided it."""

    predicate: str
    values: tuple
    bindings: dict[str, object]
    status: str
    deciding: str | None = None
    supporting: list[str] = field(default_factory=list)
    applicable: list[str] = field(default_factory=list)
    defeated: list[Defeat] = field(default_factory=list)
    ambiguity: list[tuple[str, str]] = field(default_factory=list)
    deadline: datetime.date | None = None
    compliance: str | None = None        # pending | fulfilled | fulfilled late | overdue, for obligations with a deadline
    fulfilled_on: datetime.date | None = None   # the day the obligation was fulfilled, where the case dates it

    @property
    def deontic(self) -> bool:
        return self.status in STATUSES


def _order(program: Program):
    def key(nid: str):
        info = program.norms[nid]
        return (-info.rank, -(info.start.toordinal() if info.start else 0), nid)
    return key


def decide(program: Program, predicate: str, values: tuple, applicable: set[str],
           facts: set[tuple], bindings: Mapping[str, object], memo: dict | None = None) -> Answer:
    """The status of one ground atom from the norms that apply to it (their conditions hold at the date).

    This is the defeasible core (engine/logic/defeasible.py) on one literal: each applicable norm is a
    defeasible rule for the allowing side `predicate(values)` or the prohibiting side
    `~predicate(values)`, superiority is `priority` (exception, rank, date; `program.defeats`),
    under ambiguity blocking with the kb's reading of defeat (`defeat="rule"`: a norm is defeated by
    any applicable stronger conflicting norm) and the allowing modalities as modes, strongest first.

    The verdict depends on the set of applicable norms only (not on the atom's values): with `memo`
    (a dict kept for one program) it is decided once per set and reused.
    """
    key = frozenset(applicable)
    verdict = memo.get(key) if memo is not None else None
    if verdict is None:
        verdict = _verdict(program, predicate, key)
        if memo is not None:
            memo[key] = verdict
    return decided(program, predicate, values, verdict, facts, dict(bindings))


def verdict(program: Program, predicate: str, applicable: frozenset, memo: dict) -> tuple:
    """What `decide` makes of a set of applicable norms, whatever the atom (kept in `memo`, as `decide` keeps it)."""
    found = memo.get(applicable)
    if found is None:
        found = memo[applicable] = _verdict(program, predicate, applicable)
    return found


def decided(program: Program, predicate: str, values: tuple, verdict: tuple, facts: set[tuple],
            bindings: dict[str, object]) -> Answer:
    """The answer `decide` gives for one atom from the verdict of its applicable norms (`bindings` is the answer's
    own dictionary: kept, not copied)."""
    status, deciding, supporting, ordered, defeated, ambiguity = verdict
    answer = Answer(predicate, values, bindings, status, deciding, list(supporting), list(ordered),
                    list(defeated), list(ambiguity))
    if status == "obligatory" and deciding:
        deadline = program.norms[deciding].node.deadline
        if deadline is not None:
            answer.deadline = deadline
            answer.compliance, answer.fulfilled_on = compliance(program, predicate, values, facts, deadline,
                                                                program.norms[deciding].start)
    return answer


def _pair(a: str, b: str) -> tuple[str, str]:
    """Two norms in ambiguity, in the order of their ids."""
    return (a, b) if a <= b else (b, a)


def _verdict(program: Program, predicate: str, applicable: frozenset) -> tuple:
    """(status, deciding, supporting, applicable in order, defeats, ambiguity) for a set of applicable norms."""
    order = _order(program)
    answer = Answer(predicate, (), {}, "undetermined", applicable=sorted(applicable, key=order))
    if not applicable:
        return _fields(answer)      # no rule for either side: the core concludes nothing, and there is nothing to report
    q, against = (predicate, ()), ("~" + predicate, ())
    rules = []
    for nid in sorted(applicable):
        modality = program.norms[nid].modality
        rules.append(defeasible.Instance(nid, "defeasible", against if modality == "prohibited" else q, (), modality))
    verdict = defeasible.decide(q, rules, program.defeats, defeat="rule", modes=ALLOWING + ("prohibited",), order=order)
    undefeated = set(verdict.undefeated)

    if verdict.literal is not None:
        assert verdict.mode is not None, "every norm's modality is one of the modes: a side proved has its mode"
        answer.status = verdict.mode
        answer.deciding, answer.supporting = verdict.winners[0], verdict.winners[1:]
    elif undefeated:
        modalities = {nid: program.norms[nid].modality for nid in undefeated}
        answer.ambiguity = sorted({_pair(a, f) for a in undefeated for f in undefeated
                                   if modalities[a] in ALLOWING and modalities[f] == "prohibited"})
    else:
        # only possible when priorities run in a cycle: every applicable norm is beaten by another
        answer.ambiguity = sorted({_pair(w, l) for l, ws in verdict.defeated.items() for w in ws})

    for loser, winners in verdict.defeated.items():
        beaten_by = sorted(winners, key=lambda w: (w != answer.deciding, w not in undefeated, order(w)))
        answer.defeated.append(program.defeats[(beaten_by[0], loser)])
    return _fields(answer)


def _fields(answer: Answer) -> tuple:
    return (answer.status, answer.deciding, tuple(answer.supporting), tuple(answer.applicable),
            tuple(answer.defeated), tuple(answer.ambiguity))


def compliance(program: Program, predicate: str, values: tuple, facts: set[tuple],
               deadline: datetime.date, arises: datetime.date | None = None) -> tuple[str, datetime.date | None]:
    """Fulfilment is an event with a date: the first day, on or after the day the obligation arises (its
    norm's first day in force, `arises`), that an atom of the obligation was recorded to happen. An act done
    before the duty existed fulfils nothing.

    Done on or before the deadline: `fulfilled`, whenever asked afterwards; done after it: `fulfilled late`;
    not done by the question's date: `pending` until the deadline, `overdue` after it. A fact written
    without dates (it holds on every day) fulfils the obligation, on a day the case does not give.
    """
    recorded = program.occurrences.get(predicate, {}).get(values, ())
    days = sorted(day for day in recorded if arises is None or day >= arises)
    if days:
        return ("fulfilled" if days[0] <= deadline else "fulfilled late"), days[0]
    if values in facts and not recorded:
        return "fulfilled", None
    return ("overdue" if program.at > deadline else "pending"), None
