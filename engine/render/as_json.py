"""JSON output: the contract's single object, sorted keys, stable across runs.

`pieces` writes the same text as one `json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)`,
a piece at a time: the answers (any iterable, e.g. a generator) are dumped one by one, so a batch of
100,000 answers never holds its whole text, nor all its answers' dictionaries, at once.
"""

from __future__ import annotations

import json
from typing import Iterator


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


def pieces(document: dict) -> Iterator[str]:
    """The document's JSON text in pieces, answer by answer; "".join(pieces(d)) is exactly render(d)."""
    first = True
    for key in sorted(document):
        yield ("{\n  " if first else ",\n  ") + _dumps(key) + ": "
        first = False
        value = document[key]
        if key != "answers":
            yield _dumps(value).replace("\n", "\n  ")  # JSON text has no newline inside its strings
            continue
        empty = True
        for answer in value:
            yield ("[\n    " if empty else ",\n    ") + _dumps(answer).replace("\n", "\n    ")
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "{}" if first else "\n}"


def render(document: dict, explain: bool = True) -> str:
    return "".join(pieces(document))
