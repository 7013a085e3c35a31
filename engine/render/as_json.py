"""JSON output: the contract's single object, sorted keys, stable across runs."""

from __future__ import annotations

import json


def render(document: dict, explain: bool = True) -> str:
    if not explain:
        document = {**document, "answers": [{k: v for k, v in a.items()} for a in document["answers"]]}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
