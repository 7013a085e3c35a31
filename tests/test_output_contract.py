"""One output contract at every size (issue 11, item 3; issue 10, item 7): `--trace full|brief|none`,
top-level tables of what repeats (`norms`, `proofs`), `--format jsonl`."""

from __future__ import annotations

import json

import pytest

QUERY = "call(C, P, Purpose)"
AT = "2025-03-10"


def register(path, convicts: int):
    """A small register: every convict in the isolator, a spouse, a mother who died (a certificate for every other)."""
    lines = []
    for i in range(convicts):
        c = f"k{i:04d}"
        lines += [f"convict({c}).", f"in_disciplinary_isolator({c}).", f"spouse({c}, s{i:04d}).",
                  f"close_relative({c}, m{i:04d}).", f"died(m{i:04d})."]
        if i % 2:
            lines.append(f"death_certificate(m{i:04d}).")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def out(zan, *args) -> str:
    result = zan(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def refs(value, norms: set, proofs: set) -> None:
    """Collects the norm ids and proof ids a piece of an answer refers to."""
    if isinstance(value, dict):
        if value.get("kind") == "rule" and "id" in value:
            proofs.add(value["id"])
        for key in ("norm", "by_norm", "decided_by"):
            if isinstance(value.get(key), dict) and "citation" in value[key]:
                norms.add(value[key]["id"])
        for k, v in value.items():
            if k not in ("bindings", "grounds", "quotes", "in_force"):
                refs(v, norms, proofs)
    elif isinstance(value, list):
        for item in value:
            refs(item, norms, proofs)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return register(tmp_path_factory.mktemp("one") / "one.facts", 2)


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    return register(tmp_path_factory.mktemp("many") / "many.facts", 170)


@pytest.mark.slow
def test_same_shape_for_one_answer_and_a_thousand(zan, small, large):
    one = json.loads(out(zan, "ask", QUERY, "--facts", str(small), "--at", AT, "--format", "json"))
    many = json.loads(out(zan, "ask", QUERY, "--facts", str(large), "--at", AT, "--format", "json"))
    assert len(many["answers"]) >= 1000 > len(one["answers"])
    assert set(one) == set(many) == {"query", "at", "schema", "trace", "answers", "norms", "proofs", "kb"}
    assert one["trace"] == many["trace"] == "full"

    def shape(doc):
        return {(a["status"], tuple(sorted(a)), tuple(sorted(a["trace"])), bool(a["trace"]["why_not"]))
                for a in doc["answers"]}
    assert shape(one) == shape(many)
    assert any(a["trace"]["why_not"] for a in many["answers"] if a["status"] == "prohibited"), \
        "a large batch keeps its why-nots unless --trace says otherwise"


@pytest.mark.parametrize("level", ["full", "brief", "none"])
def test_every_level_keeps_the_answer_and_resolves_its_references(zan, small, level):
    doc = json.loads(out(zan, "ask", QUERY, "--facts", str(small), "--at", AT, "--format", "json", "--trace", level))
    assert doc["trace"] == level and doc["schema"] == 2
    norms, proofs = set(), set()
    for a in doc["answers"]:
        assert {"atom", "bindings", "status", "citations", "trace"} <= set(a)
        assert {"deadline", "compliance", "fulfilled_on", "status_label"} <= set(a["trace"])
        assert a["citations"], "citations are kept at every level"
        if level != "full":
            assert not a["trace"].get("why_not")
        refs(a, norms, proofs)
    for entry in doc["proofs"].values():
        refs(entry, norms, proofs)
    assert norms <= set(doc["norms"]) and proofs <= set(doc["proofs"])
    assert set(doc["norms"]) == norms, "the tables hold only what the answers refer to"
    if level == "none":
        assert all(set(a["trace"]) == {"deadline", "compliance", "fulfilled_on", "status_label"} for a in doc["answers"])
    else:
        assert proofs and norms
        for nid, entry in doc["norms"].items():
            assert entry["id"] == nid and {"quote", "quotes", "act_title", "citation", "in_force"} <= set(entry)


def test_norm_texts_are_not_repeated_in_answers(zan, large):
    text = out(zan, "ask", QUERY, "--facts", str(large), "--at", AT, "--format", "json", "--trace", "brief")
    doc = json.loads(text)
    entry = doc["norms"]["pec.134.1.2.calls"]
    quote = json.dumps(entry["quote"], ensure_ascii=False)
    assert text.count(quote) == json.dumps(entry, ensure_ascii=False).count(quote), "only in the norms table"


def test_jsonl_is_the_json_document_a_line_at_a_time(zan, small):
    doc = json.loads(out(zan, "ask", QUERY, "--facts", str(small), "--at", AT, "--format", "json", "--trace", "brief"))
    lines = [json.loads(line) for line in out(zan, "ask", QUERY, "--facts", str(small), "--at", AT,
                                                "--format", "jsonl", "--trace", "brief").splitlines()]
    assert all(len(line) == 1 for line in lines)
    assert lines[0] == {"document": {"at": AT, "query": QUERY, "schema": 2, "trace": "brief", "kb": doc["kb"]}}
    norms, proofs, answers = {}, {}, []
    for line in lines[1:]:
        (kind, value), = line.items()
        if kind == "norm":
            norms[value["id"]] = value
        elif kind == "proof":
            proofs[value.pop("id")] = value
        else:
            assert kind == "answer"
            used_norms, used_proofs = set(), set()
            refs(value, used_norms, used_proofs)
            assert used_norms <= set(norms) and used_proofs <= set(proofs), "definitions come before their first use"
            answers.append(value)
    assert answers == doc["answers"] and norms == doc["norms"] and proofs == doc["proofs"]


def test_transitive_closure_shares_its_chains(zan, tmp_path):
    """Issue 10, item 7: each answer of a closure over a cycle carried its whole chain (n^3 and more)."""
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(
        'predicate edge(X, Y) en "edge".\npredicate reach(X, Y) en "reach".\n'
        "reach(X, Y) if edge(X, Y).\nreach(X, Z) if edge(X, Y) and reach(Y, Z).\n", encoding="utf-8")
    sizes = {}
    for n in (10, 20):
        facts = tmp_path / f"cycle{n}.facts"
        facts.write_text("".join(f"edge(v{i}, v{(i + 1) % n}).\n" for i in range(n)), encoding="utf-8")
        text = out(zan, "ask", "reach(X, Y)", "--kb", str(kb), "--facts", str(facts), "--at", AT, "--format", "json")
        doc = json.loads(text)
        assert len(doc["answers"]) == n * n
        assert len(doc["proofs"]) == n * n  # every reach(x, y) proved once
        sizes[n] = len(text)
    assert sizes[20] < 6 * sizes[10], "output grows with the answers (n^2), not with n^3"


def test_text_without_explain_builds_no_why_nots(zan, small):
    """Text without --explain prints one line per answer, and --trace does not change it."""
    plain = out(zan, "ask", QUERY, "--facts", str(small), "--at", AT)
    assert plain == out(zan, "ask", QUERY, "--facts", str(small), "--at", AT, "--trace", "none")
    assert "prohibited" in plain and "[" in plain
