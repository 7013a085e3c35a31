"""Source positions: where every node of the AST and IR came from."""

from __future__ import annotations

from engine.base.records import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A region of a source file, 1-based lines and columns (end exclusive). Slotted, not tuple-backed
    (engine/base/records.py): a register's fact holds one, and a tuple of five is 16 bytes more (+11-15 MiB at 100k
    convicts, docs/performance.md), where the ~2,300 of a cached knowledge base would be made in C (~1 ms)."""

    file: str
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"


NOWHERE = Span("<none>", 0, 0)
