"""The engine's semantics on small knowledge bases of its own: priority, ambiguity, dates, recursion, proofs."""

import datetime
import textwrap


from engine.pipeline import ask

HEADER = """
act code rank 50 in force from 2015-01-01 en "Code".
act code2 rank 50 in force from 2020-01-01 en "Later code".
act order rank 20 in force from 2014-01-01 en "Order".
act court rank 90 in force from 2024-12-27 en "Court".
predicate person(X) en "person" reads en "{X} is a person".
predicate held(X) en "held" reads en "{X} is held".
predicate act_(X) en "act" reads en "{X} acts" asked over person(X).
predicate edge(X, Y) en "edge".
predicate reach(X, Y) en "reach".
predicate when(X, D) en "when".
predicate late(X) en "late".
"""


def kb(tmp_path, text: str, facts: str = ""):
    folder = tmp_path / "kb"
    folder.mkdir(exist_ok=True)
    (folder / "law.zan").write_text(HEADER + textwrap.dedent(text), encoding="utf-8")
    case = tmp_path / "case.facts"
    case.write_text(textwrap.dedent(facts), encoding="utf-8")
    return folder, [case]


def statuses(result):
    return {str(t.answer.values): (t.answer.status, t.answer.deciding) for t in result.traces}


def run(tmp_path, law, facts, query="act_(X)", at="2025-01-01"):
    folder, files = kb(tmp_path, law, facts)
    return ask(query, datetime.date.fromisoformat(at), folder, files)


def test_lex_superior_and_undetermined(tmp_path):
    law = """
    norm order.1 cites "order 1" kk "a" prohibited act_(X) if held(X).
    norm code.1 cites "code 1" kk "b" permitted act_(X) if held(X).
    """
    result = run(tmp_path, law, "person(a). person(b). held(a).")
    assert statuses(result) == {"('a',)": ("permitted", "code.1"), "('b',)": ("undetermined", None)}
    (defeat,) = result.traces[0].answer.defeated
    assert (defeat.winner, defeat.loser, defeat.principle) == ("code.1", "order.1", "lex superior")


def test_lex_posterior_between_equal_ranks(tmp_path):
    law = """
    norm code.1 cites "code 1" kk "a" prohibited act_(X) if held(X).
    norm code2.1 cites "code2 1" kk "b" permitted act_(X) if held(X).
    """
    result = run(tmp_path, law, "person(a). held(a).")
    answer = result.traces[0].answer
    assert (answer.status, answer.deciding) == ("permitted", "code2.1")
    assert answer.defeated[0].principle == "lex posterior"
    assert dict(answer.defeated[0].grounds) == {"winner_date": "2020-01-01", "loser_date": "2015-01-01"}


def test_exception_beats_rank_within_the_same_rank(tmp_path):
    law = """
    norm code.1 cites "code 1" kk "a" prohibited act_(X) if held(X).
    norm code2.1 cites "code2 1" kk "b" exception to code.1 permitted act_(X) if held(X).
    norm code.2 cites "code 2" kk "c" exception to code2.1 prohibited act_(X) if held(X).
    """
    answer = run(tmp_path, law, "person(a). held(a).").traces[0].answer
    # code.2 is an exception to the later code2.1 (equal rank): specialis beats posterior
    assert (answer.status, answer.deciding) == ("prohibited", "code.2")
    assert any(d.winner == "code.2" and d.principle == "lex specialis" for d in answer.defeated)


def test_lex_superior_bounds_lex_specialis(tmp_path):
    """A lower-ranked act's `exception to` a higher-ranked act's norm does not win by specialis."""
    law = """
    norm court.1 cites "court 1" kk "a" prohibited act_(X) if held(X).
    norm order.1 cites "order 1" kk "b" exception to court.1 permitted act_(X) if held(X).
    """
    answer = run(tmp_path, law, "person(a). held(a).").traces[0].answer
    assert (answer.status, answer.deciding, answer.defeated[0].principle) == ("prohibited", "court.1", "lex superior")


def test_a_declared_delegation_lets_the_lower_act_except(tmp_path):
    law = """
    norm court.1 cites "court 1" kk "a" delegates exceptions to order prohibited act_(X) if held(X).
    norm order.1 cites "order 1" kk "b" exception to court.1 permitted act_(X) if held(X).
    """
    answer = run(tmp_path, law, "person(a). held(a).").traces[0].answer
    assert (answer.status, answer.deciding, answer.defeated[0].principle) == ("permitted", "order.1", "lex specialis")
    assert answer.defeated[0].ground("delegated_by") == "court.1"


def test_binding_interpretation_is_ordered_first(tmp_path):
    """A court's binding interpretation reads the other norm narrowly: ordered before lex specialis, and
    only from an act not of lower rank."""
    law = """
    norm code.1 cites "code 1" kk "a" prohibited act_(X) if held(X).
    norm code.2 cites "code 2" kk "c" exception to court.1 prohibited act_(X) if held(X).
    norm court.2 cites "court 2" kk "d" .
    norm court.1 cites "court 1" kk "b" interprets code.1, code.2 binding by court.2 permitted act_(X) if held(X).
    norm order.1 cites "order 1" kk "e" interprets code.1 binding by court.2 permitted act_(X) if person(X).
    """
    result = run(tmp_path, law, "person(a). held(a). person(b).")
    a, b = result.traces
    assert (a.answer.status, a.answer.deciding) == ("permitted", "court.1")
    assert {(d.loser, d.principle) for d in a.answer.defeated if d.winner == "court.1"} == {
        ("code.1", "binding interpretation"), ("code.2", "binding interpretation")}
    # order.1 (rank 20) cannot bind: its reading of code.1 loses by rank
    assert ("order.1", "lex superior") in {(d.loser, d.principle) for d in a.answer.defeated}
    assert "court 2" in a.citations
    assert (b.answer.status, b.answer.deciding) == ("permitted", "order.1")   # nothing against it applies to b
    from engine.logic.norms import interprets
    assert not interprets(result.program.norms["order.1"], result.program.norms["code.1"])


def test_unordered_conflict_is_an_ambiguity_never_a_silent_pick(tmp_path):
    law = """
    norm code.1 cites "code 1" kk "a" prohibited act_(X) if held(X).
    norm code.2 cites "code 2" kk "b" permitted act_(X) if held(X).
    """
    result = run(tmp_path, law, "person(a). held(a).")
    answer = result.traces[0].answer
    assert answer.status == "undetermined"
    assert answer.ambiguity == [("code.1", "code.2")]
    assert answer.deciding is None


def test_norm_not_yet_in_force_does_not_count(tmp_path):
    law = """
    norm code.1 cites "code 1" kk "a" prohibited act_(X) if held(X).
    norm court.1 cites "court 1" kk "b" permitted act_(X) if held(X).
    """
    assert statuses(run(tmp_path, law, "person(a). held(a).", at="2024-12-26"))["('a',)"] == ("prohibited", "code.1")
    assert statuses(run(tmp_path, law, "person(a). held(a).", at="2024-12-27"))["('a',)"] == ("permitted", "court.1")


def test_norm_interval_inside_its_act(tmp_path):
    law = """
    norm code.1 cites "code 1" kk "a" in force from 2016-01-01 to 2016-12-31 prohibited act_(X) if held(X).
    """
    assert statuses(run(tmp_path, law, "person(a). held(a).", at="2016-06-01"))["('a',)"][0] == "prohibited"
    assert statuses(run(tmp_path, law, "person(a). held(a).", at="2017-01-01"))["('a',)"][0] == "undetermined"


def test_fact_intervals(tmp_path):
    law = 'norm code.1 cites "code 1" kk "a" prohibited act_(X) if held(X).\n'
    facts = "person(a). held(a) from 2025-01-10 to 2025-01-24.\n"
    assert statuses(run(tmp_path, law, facts, at="2025-01-09"))["('a',)"][0] == "undetermined"
    assert statuses(run(tmp_path, law, facts, at="2025-01-10"))["('a',)"][0] == "prohibited"
    assert statuses(run(tmp_path, law, facts, at="2025-01-24"))["('a',)"][0] == "prohibited"
    assert statuses(run(tmp_path, law, facts, at="2025-01-25"))["('a',)"][0] == "undetermined"


def test_date_comparisons_and_mixed_kinds_never_raise(tmp_path):
    law = """
    late(X) if when(X, D) and D >= 2024-12-27.
    """
    facts = 'when(a, 2025-01-01). when(b, 2024-01-01). when(c, "soon"). when(d, 7).\n'
    result = run(tmp_path, law, facts, query="late(X)")
    assert [t.answer.values for t in result.traces] == [("a",)]


def test_recursion_over_a_cycle_terminates_with_non_circular_proofs(tmp_path):
    law = """
    reach(X, Y) if edge(X, Y).
    reach(X, Y) if edge(X, Z) and reach(Z, Y).
    """
    facts = "edge(a, b). edge(b, c). edge(c, d). edge(d, a).\n"
    result = run(tmp_path, law, facts, query="reach(a, Y)")
    assert sorted(t.answer.values for t in result.traces) == [("a", y) for y in "abcd"]
    proof = next(t.proof for t in result.traces if t.answer.values == ("a", "a"))

    def atoms(node, seen):
        key = (node.relation, node.values)
        assert key not in seen, f"circular proof at {key}"
        for child in node.children:
            atoms(child, seen | {key})
        return True
    assert atoms(proof, frozenset())


def test_plain_ground_atom_that_does_not_hold(tmp_path):
    result = run(tmp_path, "", "person(a).", query="held(a)")
    assert [(t.answer.status) for t in result.traces] == ["not-established"]


def test_unicode_identifiers_and_strings(tmp_path):
    law = 'norm code.1 cites "code 1" kk "тыйым" prohibited act_(X) if held(X).\n'
    facts = 'person(құлмаханов). held(құлмаханов). person("A. F. Кунакбаев"). held("A. F. Кунакбаев").\n'
    result = run(tmp_path, law, facts)
    assert {t.answer.values[0]: t.answer.status for t in result.traces} == {
        "құлмаханов": "prohibited", "A. F. Кунакбаев": "prohibited"}


def test_citations_deciding_norm_first(tmp_path):
    law = """
    norm code.0 cites "code 3" kk "c".
    norm code.1 cites "code 1" kk "a" rests on code.0 prohibited act_(X) if held(X).
    norm order.1 cites "order 1" kk "b" permitted act_(X) if held(X).
    """
    (trace,) = run(tmp_path, law, "person(a). held(a).").traces
    assert trace.citations == ["code 1", "code 3"]
