"""The cyclic garbage collector's policy for one-shot commands (docs/performance.md, "collector").

A command loads a knowledge base (hundreds of thousands of long-lived objects: spans, atoms, clauses)
and then builds answers, most of which die young and hold no cycles. With the default thresholds,
every full collection walks the whole knowledge base again; at 10,000 convicts that was ~40% of the
CPU. Under the batch policy (turned on by the command line, never by a library user or a server, where
freezing would keep cyclic garbage of finished requests forever):

- `settle()`, called once the knowledge base is loaded and once the model is evaluated, moves every
  object alive at that moment to the permanent generation (`gc.freeze`), so later collections do not
  walk them again;
- the youngest generation is collected every 50,000 allocations instead of 700 (fewer, larger passes;
  the older generations keep their ratios), so garbage cycles are still reclaimed as they occur.

Nothing is skipped at exit: output is flushed and files closed as usual (no `os._exit`).
"""

from __future__ import annotations

import gc

_batch = False


def batch_policy() -> None:
    """Turns the policy on for this process (the `zan` command line does, at start)."""
    global _batch
    _batch = True
    gc.set_threshold(50_000, 20, 20)


def settle() -> None:
    """After a large long-lived structure is built: exclude it from later collections (batch policy only)."""
    if _batch:
        gc.collect(0)      # not the garbage of building it (young, cheap), only what survives
        gc.freeze()


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
