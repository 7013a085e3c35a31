"""The cyclic garbage collector's policy for one-shot commands (docs/performance.md, "collector").

A command loads a knowledge base (hundreds of thousands of long-lived objects: spans, atoms, clauses)
and then builds answers, most of which die young and hold no cycles. With the default thresholds,
every full collection walks the whole knowledge base again; at 10,000 convicts that was ~40% of the
CPU. Under the batch policy (turned on by the command line, never by a library user or a server, where
freezing would keep cyclic garbage of finished requests forever):

- `settle()`, called once the knowledge base is loaded and once the model is evaluated, moves every
  object alive at that moment to the permanent generation (`gc.freeze`), so later collections do not
  walk them again (reference counting still frees them: only a garbage cycle among them is kept);
- the youngest generation is collected every 50,000 allocations instead of 700 (fewer, larger passes;
  the older generations keep their ratios), so garbage cycles are still reclaimed as they occur.

At exit the command line's `engine.__main__.leave` flushes the output, runs the `atexit` functions and ends the
process with `os._exit`, skipping only the interpreter's teardown (freeing every object one by one); a library
user or a server is not affected.

What it saves is measured, in the same run, by `benchmarks/collector.py`: `ZAN_GC=default` leaves the
interpreter's own policy (the reference), and `ZAN_GC_REPORT=1` makes the command say on stderr, at exit,
how many collections ran and the CPU they took (timed by `gc.callbacks`; docs/performance.md).
"""

from __future__ import annotations

import gc
import os
import time

_batch = False


def batch_policy() -> None:
    """Turns the policy on for this process (the `zan` command line does, first thing), unless ZAN_GC=default."""
    global _batch
    if os.environ.get("ZAN_GC_REPORT"):
        _report()
    if os.environ.get("ZAN_GC") == "default":
        return
    _batch = True
    gc.set_threshold(50_000, 20, 20)


def settle() -> None:
    """After a large long-lived structure is built: exclude it from later collections (batch policy only)."""
    if _batch:
        gc.freeze()   # without collecting first: a young collection walked up to 50,000 objects (~6 ms, twice per
        #               question) to free a few hundred; what is frozen is still freed when no longer referenced


def _report() -> None:
    """Times every collection (gc.callbacks) and prints the totals on stderr at exit."""
    import atexit
    import sys

    collections = [0, 0, 0]
    seconds = [0.0, 0.0]   # the start of the running collection, the total
    collected = [0]

    def callback(phase: str, info: dict) -> None:
        if phase == "start":
            seconds[0] = time.process_time()
        else:
            seconds[1] += time.process_time() - seconds[0]
            collections[info["generation"]] += 1
            collected[0] += info["collected"]

    def show() -> None:
        print(f"collector: {'/'.join(map(str, collections))} collections (generation 0/1/2), "
              f"{seconds[1] * 1000:.1f} ms CPU, {collected[0]} objects freed, {gc.get_freeze_count()} frozen",
              file=sys.stderr)

    gc.callbacks.append(callback)
    atexit.register(show)


class paused:
    """Under the batch policy, a context without cyclic collections, which resume after it (and then catch up
    with the few garbage cycles it left): for one partition of a register, whose objects (the model, the
    prover's memos, the partition's explained answers) all live until it is written, so that every
    collection inside walked them again and freed nearly nothing (10k register: ~110 collections, 2.7 s of
    12.7 s CPU, 464 objects freed; docs/performance.md). Elsewhere (a library user, a server) nothing changes."""

    __slots__ = ("paused",)

    def __enter__(self):
        self.paused = _batch and gc.isenabled()
        if self.paused:
            gc.disable()
        return self

    def __exit__(self, *exc):
        if self.paused:
            gc.enable()
        return False


class rarely:
    """A context in which the youngest generation is collected every 50,000 allocations instead of 700,
    restored after: for building large structures of long-lived objects with few cycles (an evaluation
    asserts and reads back hundreds of thousands of tuples). Harmless anywhere, servers included: nothing
    is frozen, collections are only fewer and larger."""

    __slots__ = ("previous",)

    def __enter__(self):
        self.previous = gc.get_threshold()
        if self.previous[0] < 50_000:
            gc.set_threshold(50_000, *self.previous[1:])
        return self

    def __exit__(self, *exc):
        gc.set_threshold(*self.previous)
        return False
