"""Small helpers for asking the bundled knowledge base questions in tests."""

from __future__ import annotations

import json
from pathlib import Path


def ask(zan, query: str, facts: str | Path | list, at: str, tmp_path: Path | None = None, *extra: str) -> dict:
    """Runs `zan ask QUERY --facts ... --at AT --format json` and returns the parsed document."""
    files = []
    for item in facts if isinstance(facts, list) else [facts]:
        if isinstance(item, Path):
            files.append(item)
        else:
            path = tmp_path / f"case{len(files)}.facts"
            path.write_text(item, encoding="utf-8")
            files.append(path)
    args = ["ask", query, "--at", at, "--format", "json", *extra]
    for f in files:
        args += ["--facts", str(f)]
    result = zan(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def status_of(document: dict, atom: str) -> str:
    found = [a for a in document["answers"] if a["atom"] == atom]
    assert len(found) == 1, f"{atom} not among {[a['atom'] for a in document['answers']]}"
    return found[0]["status"]


def answer_of(document: dict, atom: str) -> dict:
    found = [a for a in document["answers"] if a["atom"] == atom]
    assert len(found) == 1, f"{atom} not among {[a['atom'] for a in document['answers']]}"
    return found[0]
