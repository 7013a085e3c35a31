"""Read-only analyses shared by the checks and the evaluator: the dependency graph, its components and strata."""

from __future__ import annotations

from dataclasses import field
from engine.base.records import dataclass

from engine.base.source import Span


@dataclass
class DependencyGraph:
    """Edges head -> body predicate, each marked negative when the body literal is negated."""

    nodes: set[str] = field(default_factory=set)
    edges: dict[str, dict[str, bool]] = field(default_factory=dict)  # head -> {body: negative?}
    witnesses: dict[tuple[str, str], Span | None] = field(default_factory=dict)  # (head, body) -> where

    def add(self, head: str, body: str, negative: bool, where: Span | None = None) -> None:
        self.nodes.update((head, body))
        targets = self.edges.setdefault(head, {})
        targets[body] = targets.get(body, False) or negative
        if (head, body) not in self.witnesses or negative:
            self.witnesses[(head, body)] = where

    def components(self) -> list[list[str]]:
        """Strongly connected components, dependencies first (Tarjan, iterative)."""
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        on_stack: set[str] = set()
        stack: list[str] = []
        result: list[list[str]] = []
        counter = 0
        for root in sorted(self.nodes):
            if root in index:
                continue
            work = [(root, iter(sorted(self.edges.get(root, {}))))]
            index[root] = low[root] = counter
            counter += 1
            stack.append(root)
            on_stack.add(root)
            while work:
                node, successors = work[-1]
                advanced = False
                for succ in successors:
                    if succ not in index:
                        index[succ] = low[succ] = counter
                        counter += 1
                        stack.append(succ)
                        on_stack.add(succ)
                        work.append((succ, iter(sorted(self.edges.get(succ, {})))))
                        advanced = True
                        break
                    if succ in on_stack:
                        low[node] = min(low[node], index[succ])
                if advanced:
                    continue
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    result.append(sorted(component))
        return result

    def component_of(self) -> dict[str, int]:
        return {p: i for i, comp in enumerate(self.components()) for p in comp}

    def negative_cycles(self) -> list[tuple[list[str], list[tuple[str, str]]]]:
        """Components that contain a negative edge: (members, the negative edges inside)."""
        found = []
        for comp in self.components():
            members = set(comp)
            negatives = [(h, b) for h in comp for b, neg in sorted(self.edges.get(h, {}).items())
                         if neg and b in members]
            if negatives:
                found.append((comp, negatives))
        return found

    def recursive(self, head: str, body: str, component: dict[str, int]) -> bool:
        return component.get(head) == component.get(body) and component.get(head) is not None
