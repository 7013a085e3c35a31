"""The conformance adapter (engine/conformance.py) on small programs of our own: the suite's error codes,
and rule text that is never executed. Fast; the suite itself is in tests/test_conformance.py (slow)."""

from __future__ import annotations

import pytest

pytest.importorskip("datalog_conformance")

from engine.conformance import ConformanceError, Evaluator  # noqa: E402


@pytest.mark.parametrize("rules, facts, code", [
    (["p(X) :- q(X, Y), not p(Y)."], {"q": [(1, 2)]}, "cyclic_negation"),
    (["p(X) :- q(X)."], {"q": [(1,), (1, 2)]}, "arity_mismatch"),
    (["p(X, Y) :- q(X)."], {"q": [(1,)]}, "unbound_variable"),
    (["p(_) :- q(X)."], {"q": [(1,)]}, "safety_violations"),
    (["p(X) :- q(X), X < Y."], {"q": [(1,)]}, "unbound_variable"),
])
def test_errors_carry_the_suite_codes(rules, facts, code):
    from datalog_conformance.schema import Program
    with pytest.raises(ConformanceError) as caught:
        Evaluator().evaluate(Program(facts=facts, rules=rules))
    assert caught.value.code == code
    assert caught.value.diagnostics and all(d.span is not None for d in caught.value.diagnostics)


def test_rule_text_is_never_executed(tmp_path):
    from datalog_conformance.schema import Program
    marker = tmp_path / "MARKER"
    payload = f'__import__("os").system("touch {marker}")'
    rules = [f'p(X) :- q(X), X != "{payload}".', f"r(X) :- q(X), not {payload.split('(')[0]}(X)."]
    try:
        Evaluator().evaluate(Program(facts={"q": [(payload,)]}, rules=rules))
    except ConformanceError:
        pass
    assert not marker.exists()
