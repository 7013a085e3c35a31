"""The days the law changed: computed from the knowledge base's in-force dates and deadlines, never written here.

A change day is a day on which an act or a norm comes into force, the day after one ceases, or the
day after an obligation's deadline (from then on it is overdue). The trainers' page marks them on
its date picker; exercises on the topic "dates" ask a case on both sides of one.
"""

from __future__ import annotations

import datetime
from dataclasses import field
from engine.base.records import dataclass

from engine.logic import ir
from engine.syntax.knowledge import KnowledgeBase

DAY = datetime.timedelta(days=1)


@dataclass
class ChangeDay:
    date: datetime.date
    came_into_force: list[str] = field(default_factory=list)   # norm ids in force from this day
    ceased: list[str] = field(default_factory=list)            # norm ids no longer in force from this day
    overdue: list[str] = field(default_factory=list)           # obligations whose deadline passed the day before

    def as_json(self) -> dict:
        return {"date": self.date.isoformat(), "came_into_force": sorted(self.came_into_force),
                "ceased": sorted(self.ceased), "overdue": sorted(self.overdue)}


def change_days(kb: KnowledgeBase) -> list[ChangeDay]:
    """Every day on which some norm's force or an obligation's compliance changes, earliest first."""
    days: dict[datetime.date, ChangeDay] = {}

    def day(d: datetime.date) -> ChangeDay:
        return days.setdefault(d, ChangeDay(d))

    for norm in kb.norms.values():
        info = ir.norm_info(kb, norm)
        if info.start:
            day(info.start).came_into_force.append(norm.id)
        if info.end:
            day(info.end + DAY).ceased.append(norm.id)
        if norm.deadline:
            day(norm.deadline + DAY).overdue.append(norm.id)
    return [days[d] for d in sorted(days)]


def amending_days(kb: KnowledgeBase) -> list[ChangeDay]:
    """The change days on which law already in force changes: a norm comes into force that is an exception to,
    interprets or prevails over a norm in force the day before; a norm in force the day before ceases; or an
    obligation falls due. The days on which a body of law merely begins (an act and its own exceptions coming
    into force together) are not among them. Where the kb has no such day, every change day."""
    infos = {nid: ir.norm_info(kb, norm) for nid, norm in kb.norms.items()}

    def in_force(nid: str, day: datetime.date) -> bool:
        info = infos.get(nid)
        return info is not None and info.in_force(day)

    amending = []
    for change in change_days(kb):
        before = change.date - DAY
        touched = any(in_force(ref.norm_id, before) for nid in change.came_into_force
                      for ref in (*kb.norms[nid].exception_to, *kb.norms[nid].interprets, *kb.norms[nid].subject_to))
        if touched or change.ceased or change.overdue:
            amending.append(change)
    return amending or change_days(kb)
