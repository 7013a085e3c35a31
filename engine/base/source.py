"""Source positions: where every node of the AST and IR came from."""

from __future__ import annotations

from engine.base.records import dataclass


@dataclass(frozen=True, order=True, slots=True, tuple_backed=True)
class Span:
    """A region of a source file, 1-based lines and columns (end exclusive). Tuple-backed (engine/base/records.py):
    a cached knowledge base's ~2,300 spans are made in C."""

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
