"""The collector's policy for a register's partitions (engine/base/collector.py, `paused`).

Under the batch policy (the command line's) a partition is solved without cyclic collections: everything it
makes lives until it is written, so each collection walked it again and freed nearly nothing (a quarter of
the 10k register's CPU; docs/performance.md). A library user or a server keeps the interpreter's collector.
"""

from __future__ import annotations

import datetime
import gc

import pytest

from engine.base import collector
from engine.pipeline import prepare
from engine.tools import register


@pytest.fixture
def register_of_30(tmp_path):
    lines = ["advocate(adv_1)."]
    for i in range(30):
        lines += [f"convict(k{i}).", f"in_disciplinary_isolator(k{i}).", f"spouse(k{i}, s{i}).",
                  f"close_relative(k{i}, m{i}).", f"died(m{i}).", f"death_certificate(m{i})."]
    path = tmp_path / "register.facts"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = prepare("call(C, P, Purpose)", datetime.date(2025, 3, 10), None, [path])
    return register.Register(result, "brief", "en", limit=50)


def collections_while_solving(monkeypatch, reg: register.Register, batch: bool) -> int:
    """How many cyclic collections start while the register's partitions are solved, collections made frequent
    (those after a partition, catching up, are not counted)."""
    monkeypatch.setattr(collector, "_batch", batch)
    started = []
    inside = [False]
    solve = register._solve

    def solving(*args):
        inside[0] = True
        try:
            return solve(*args)
        finally:
            inside[0] = False
    monkeypatch.setattr(register, "_solve", solving)

    def count(phase, _info):
        if phase == "start" and inside[0]:
            started.append(1)
    threshold = gc.get_threshold()
    gc.set_threshold(50, 2, 2)
    gc.callbacks.append(count)
    try:
        for index in reg.tasks():
            reg.run(index)
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
    return len(started)


def test_a_partition_is_solved_without_collections_under_the_batch_policy(monkeypatch, register_of_30):
    assert register_of_30.split
    assert collections_while_solving(monkeypatch, register_of_30, batch=True) == 0
    assert gc.isenabled()   # resumed after each partition


def test_elsewhere_the_collector_runs_as_usual(monkeypatch, register_of_30):
    assert collections_while_solving(monkeypatch, register_of_30, batch=False) > 0
    assert gc.isenabled()
