"""The explanation tree's base (engine/explain/tree.py says what the tree is): a node, a norm's node and a step's
base, which `tree` and `tree_extra` (the nodes a plain question's document has none of) both declare their nodes on;
`tree` gives them as its own (`tree.Node`, `tree.NormRef`, `tree.norm`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, cast

from engine.base.records import dataclass


class Node:
    """A node of the tree; `data` (each node's first field) is the document's dictionary it was read from (the JSON
    contract). Nodes are frozen records (engine/base/records.py), each declaring all its fields."""

    data: dict

    def as_dict(self) -> dict:
        return self.data

    def but(self, **changes) -> Any:
        """The node with some children changed (a view that shows less: `--short` graphs)."""
        return replace(cast(Any, self), **changes)


# ---------------------------------------------------------------- norms

@dataclass(frozen=True)
class NormRef(Node):
    """A norm as the document names it: id and citation, and, where the document describes it, its text."""

    data: dict
    id: str
    citation: str | None
    cited_as: str | None
    modality: str | None
    quote: str | None
    decisive: str | None
    summarised: bool                 # the quote is the Court's summary
    translation: str | None          # "original" or "working"
    interpretation: str | None
    act_title: str | None
    rank: Any
    in_force: dict
    source: str | None

    @property
    def cited(self) -> str | None:
        """The citation as the reader cites it (engine/explain/phrasebook.py), else its key."""
        return self.cited_as or self.citation

    @property
    def name(self) -> str:
        """How every format names a norm: `id (citation)`."""
        return f"{self.id} ({self.cited})" if self.cited else self.id

    @property
    def anchor(self) -> str:
        return "norm-" + "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in self.id)


def norm(d: dict | None) -> NormRef | None:
    """The node of a norm's dictionary (one for the mentions that share it: a document names a norm by the same
    dictionary wherever it mentions it, Explainer.norm_ref)."""
    if not d:
        return None
    return once(d, _norm)


def _norm(d: dict) -> NormRef:
    return NormRef(d, d.get("id", "?"), d.get("citation"), d.get("cited_as"), d.get("modality"), d.get("quote"),
                   d.get("decisive"), bool(d.get("quote_is_summary")), d.get("quote_translation"),
                   d.get("interpretation"), d.get("act_title"), d.get("rank"), d.get("in_force") or {}, d.get("source"))


def once(d: dict, make: Callable[[dict], Any]) -> Any:
    """make(d), the node of a dictionary, made once for the places of a document that share the dictionary (the
    document's norms, its why-nots asked again), until the document is read (`forget`)."""
    made = _MADE.get(id(d))
    if made is None or made[0] is not d:
        if len(_MADE) >= 1 << 12:   # bounded, for nodes made outside a reading
            _MADE.clear()
        made = _MADE[id(d)] = (d, make(d))
    return made[1]


_MADE: dict[int, tuple[dict, Any]] = {}   # id of a dictionary -> (it, its node): once()


def forget() -> None:
    """A document read: its nodes are no longer found by their dictionaries (once())."""
    _MADE.clear()


def norms(ds) -> list[NormRef]:
    return [r for r in map(norm, ds or ()) if r is not None]


class Step(Node):
    """A numbered step of the derivation (--steps); `premises` are the numbers of the steps it follows from."""

    number: int
    premises: list[int]
