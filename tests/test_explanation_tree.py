"""The explanation tree (engine/explain/tree.py): a document read once into typed nodes serialises to the same
dictionaries (so the JSON is the same bytes), the visitor dispatches on the node's class, and every line format
walks the same tree (render/walk.py) with only its markup of its own."""

from __future__ import annotations

import json

import pytest

from conftest import CASES, ROOT
from engine.explain import tree as t
from engine.explain.render import as_html, as_markdown, as_text
from engine.explain.render.common import View
from engine.explain.render.walk import Walk


@pytest.fixture
def example5(zan, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = zan("ask", "call(bekov, daulet, social_ties)", "--facts", str(CASES / "example5-no-death-certificate.facts"),
                 "--at", "2025-03-10", "--format", "json", "--steps")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_tree_serialises_to_the_same_dictionaries(example5):
    doc = t.read(example5)
    assert json.dumps(doc.as_dict(), sort_keys=True) == json.dumps(example5, sort_keys=True)
    [answer] = doc.answers
    assert answer.as_dict() is example5["answers"][0]
    trace = example5["answers"][0]["trace"]
    assert [w.as_dict() for w in answer.trace.why_not] == trace["why_not"]
    assert len(answer.trace.steps) == len(trace["steps"]) and isinstance(answer.trace.steps[-1], t.StatusStep)
    assert answer.trace.decision is not None and answer.trace.decision.norm.id == trace["decided_by"]["id"]


def test_the_tree_is_typed_down_to_the_why_nots(example5):
    [answer] = t.read(example5).answers
    first = answer.trace.why_not[0]
    assert isinstance(first, t.WhyNot) and isinstance(first.failed, t.Failure)
    assert first.norm is not None and first.norm.id == "pec.109.2.death"
    assert all(isinstance(c, t.Condition) for c in first.held)
    assert all(isinstance(w, t.WhyNot) for w in first.because)


class Counter(t.NodeVisitor):
    def __init__(self):
        self.seen: list[str] = []

    def visit_Defeat(self, node):
        self.seen.append("defeat")

    def visit_Interpretation(self, node):
        self.seen.append("interpretation")

    def visit_Condition(self, node):
        self.seen.append(node.atom)
        for child in node.conditions:
            self.visit(child)


def test_the_visitor_dispatches_on_the_class_and_its_bases():
    norm = t.norm({"id": "n", "citation": "a 1", "quote": None})
    assert norm is not None
    defeat, interpretation = (kind({}, norm, None, "why", []) for kind in (t.Defeat, t.Interpretation))
    counter = Counter()
    counter.visit(defeat)
    counter.visit(interpretation)
    leaf = t.condition({"kind": "fact", "atom": "q(a)"})
    counter.visit(t.condition({"kind": "rule", "atom": "p(a)", "conditions": [leaf.as_dict()]}))
    assert counter.seen == ["defeat", "interpretation", "p(a)", "q(a)"]

    class OnlyDefeats(t.NodeVisitor):
        def visit_Defeat(self, node):
            return "defeat"

    assert OnlyDefeats().visit(interpretation) == "defeat"   # an Interpretation is a Defeat unless said otherwise
    with pytest.raises(NotImplementedError, match="visit_Condition"):
        OnlyDefeats().visit(leaf)


@pytest.mark.parametrize("fmt", [as_text.Text, as_markdown.Markdown, as_html.Html])
def test_each_line_format_only_marks_up(fmt):
    """The recursion over answers, proofs and why-nots is the walk's: no format writes its own visit_Answer,
    visit_Condition, visit_WhyNot or visit_Decision."""
    for name in ("visit_Answer", "visit_Condition", "visit_WhyNot", "visit_Decision"):
        assert name not in vars(fmt), f"{fmt.__name__} walks {name} itself"
    assert issubclass(fmt, Walk) and fmt.markup is not None
    fmt("en", View(True))   # every markup method is given
    missing = [name for name, value in vars(Walk).items() if callable(value) and name not in vars(fmt)
               and _raises(value)]
    assert not missing, f"{fmt.__name__} does not mark up {missing}"


def _raises(method) -> bool:
    code = getattr(method, "__code__", None)
    return code is not None and "NotImplementedError" in code.co_names
