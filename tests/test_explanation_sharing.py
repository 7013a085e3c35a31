"""An explanation document says what repeats once (issue 25, fifth round): counted, not timed.

A text answer names the same norms at every mention and asks the same why-nots again (the prover shares them:
Prover.why_not); the document now holds one dictionary for each, the tree reads each dictionary once, and the escape
check, which walks the document by identity, gathers each once. With `Prover.shortcuts` off everything is built anew
(tests/test_shortcuts.py compares the bytes both ways; so does the last test here, in every language and view).
The readings that bear on a predicate are found by one walk per group of readings, backwards from what they decide,
and must be what the walk from every predicate found before (a reference written out below).
"""

from __future__ import annotations

import datetime
import random
from types import SimpleNamespace

import pytest

from engine.base import text
from engine.explain import explanation, tree, tree_base
from engine.explain.proof import Prover
from engine.explain.render import output
from engine.pipeline import ask
from engine.syntax import nodes as n

QUESTION = "call(kunakbaev, P, Purpose)"
AT = datetime.date(2025, 3, 10)


@pytest.fixture(scope="module")
def result():
    return ask(QUESTION, AT)


def dictionaries(data) -> list[dict]:
    """Every dictionary of plain data, each object once (by identity), as the escape check walks it."""
    seen, out, stack = {id(data)}, [], [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            out.append(value)
            value = list(value.values())
        for item in value:
            if isinstance(item, (dict, list)) and id(item) not in seen:
                seen.add(id(item))
                stack.append(item)
    return out


def is_norm(d: dict) -> bool:
    return "id" in d and "citation" in d and "act" in d


def test_a_norm_mentioned_again_is_the_same_dictionary(result):
    doc = explanation.document(result, "en")
    norms = [d for d in dictionaries(doc) if is_norm(d)]
    mentions = sum(1 for a in doc["answers"] for d in _mentions(a) if is_norm(d))
    named = {d["id"] for d in norms}
    assert mentions > 150   # the question names its norms many times (164 mentions)
    # one dictionary per norm and kind of description (in a tree, in full), and each deciding entry (with its proof)
    assert len(norms) <= 2 * len(named) + len(doc["answers"]), (len(norms), len(named))


def _mentions(data):
    """Every dictionary reached by every path (a shared one as often as it is reached)."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def test_a_why_not_asked_again_is_made_once(result, monkeypatch):
    made = []
    why_not = explanation.Explainer._why_not
    monkeypatch.setattr(explanation.Explainer, "_why_not", lambda self, *a: made.append(a[0]) or why_not(self, *a))
    doc = explanation.document(result, "en")
    asked = sum(1 for a in doc["answers"] for d in _mentions(a["trace"]["why_not"]) if "reason" in d)
    # 64 why-nots shown, 38 distinct: 40 made (two hold rules' proofs their answer numbers otherwise; 46 before the
    # numbering was compared, 64 before why-nots were shared)
    assert asked == 64 and len(made) <= 40
    shared = [d for d in dictionaries(doc) if "reason" in d]
    assert len(shared) == len(made)


def test_a_why_nots_failure_is_said_once(result, monkeypatch):
    """The condition that stops a why-not is said once a why-not, however many places show it (its why-not asked again,
    the chains of why-nots ending in it): 50 failures said before, one for each of the 38 why-nots now."""
    said: list[str] = []
    label = explanation.Explainer.label
    monkeypatch.setattr(explanation.Explainer, "label", lambda self, relation: said.append(relation) or label(self, relation))
    explanation.document(result, "en")
    assert 0 < len(said) <= 38


def test_a_why_not_with_rules_proofs_is_shared_only_where_they_are_numbered_alike(result, monkeypatch):
    """A why-not holding rules' proofs ("[2] ...", "see above") is the dictionary made before only where its answer has
    numbered the same proofs before it (both happen in the cold question; the bytes with and without: below)."""
    again: list[bool] = []
    numbered = explanation.Explainer._numbered_again
    monkeypatch.setattr(explanation.Explainer, "_numbered_again",
                        lambda self, start, numbering: again.append(numbered(self, start, numbering)) or again[-1]
                        if numbering else True)
    explanation.document(result, "en")
    assert True in again and False in again


def test_the_tree_reads_a_shared_dictionary_once(result, monkeypatch):
    doc = explanation.document(result, "en")
    made: list[dict] = []
    norm = tree_base._norm
    monkeypatch.setattr(tree_base, "_norm", lambda d: made.append(d) or norm(d))
    read = tree.read(doc)
    assert len(made) == len({id(d) for d in made}) < 60   # 243 NormRefs before, one per mention
    refs = [w.norm for a in read.answers for w in a.trace.why_not if w.norm is not None]
    assert len(refs) > len({id(r) for r in refs})
    assert not tree_base._MADE   # forgotten once the document is read


def test_the_escape_check_gathers_a_shared_dictionary_once(result, monkeypatch):
    doc = explanation.document(result, "en")
    seen: list[int] = []
    strings = text._strings

    def counted(data):
        seen.append(sum(len(d) for d in dictionaries(data)))
        return strings(data)

    monkeypatch.setattr(text, "_strings", counted)
    assert text.visible_data(doc) is doc
    assert seen and seen[0] < 4000   # the entries of the dictionaries it walks (5,868 before, 3,082 now)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_why_not_met_again_is_written_once(result, monkeypatch, fmt):
    from engine.explain.render.walk import Walk

    doc = explanation.document(result, "en")
    written: list[str] = []
    failure = Walk.failure
    monkeypatch.setattr(Walk, "failure", lambda self, w: written.append(w) or failure(self, w))
    output.render(doc, fmt, True, "en", styled=False)
    # each why-not's failure is said once a why-not's lines are made: 64 why-nots shown, 46 nodes
    assert 0 < len(written) < 50


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_text_is_the_same_without_the_sharing(result, monkeypatch, language):
    shown = {}
    for shortcuts in (True, False):
        monkeypatch.setattr(Prover, "shortcuts", shortcuts)
        doc = explanation.document(result, language)
        shown[shortcuts] = [output.render(doc, fmt, True, language, short=short, steps=steps, styled=False)
                            for fmt in ("text", "markdown", "html", "dot") for short, steps in
                            ((False, False), (True, False), (False, True))] + \
            [output.render(explanation.document(result, language, depth=2), "text", True, language, styled=False)]
    assert shown[True] == shown[False]


# ------------------------------------------------------------ the readings that bear on a predicate

def reference_touched(kb) -> dict[str, set[str]]:
    """The walk from every predicate (as before the fifth round): a predicate is touched by a reading when one of
    the predicates it depends on is concluded by a norm or condition attached to a reading of the group."""
    attached: dict[str, set[str]] = {}
    for norm in kb.norms.values():
        if norm.clause is None:
            continue
        for ref in norm.readings:
            attached.setdefault(ref.norm_id, set()).add(norm.clause.head.predicate)
        for _index, reading in getattr(norm.clause, "conditional", ()):
            attached.setdefault(reading, set()).add(norm.clause.head.predicate)
    links: dict[str, set[str]] = {name: set() for name in kb.readings}
    for name, decl in kb.readings.items():
        for ref in decl.instead_of:
            if ref.norm_id in links:
                links[name].add(ref.norm_id)
                links[ref.norm_id].add(name)
    groups = {}
    for name in links:
        group, stack = set(), [name]
        while stack:
            member = stack.pop()
            if member not in group:
                group.add(member)
                stack.extend(links[member])
        groups[name] = group
    body: dict[str, set[str]] = {}
    for clause, _norm in kb.all_clauses():
        for c in clause.body:
            atom = c if isinstance(c, n.Atom) else c.atom if isinstance(c, n.Negation) else None
            if atom is not None:
                body.setdefault(clause.head.predicate, set()).add(atom.predicate)
    out: dict[str, set[str]] = {}
    for predicate in set(body) | {p for ps in body.values() for p in ps}:
        seen, stack = set(), [predicate]
        while stack:
            p = stack.pop()
            if p not in seen:
                seen.add(p)
                stack.extend(body.get(p, ()))
        for name, group in groups.items():
            if any(attached.get(member, set()) & seen for member in group):
                out.setdefault(predicate, set()).add(name)
    return out


def random_kb(rng: random.Random):
    """A knowledge base of random rules over a few predicates, random readings attached to some norms."""
    predicates = [f"p{i}" for i in range(rng.randint(1, 12))]
    readings = [f"r{i}" for i in range(rng.randint(0, 6))]

    def atom(p):
        return n.Atom(p, (), None, None)

    def clause():
        body = [rng.choice((atom, lambda p: n.Negation(atom(p), None)))(rng.choice(predicates))
                for _ in range(rng.randint(0, 3))]
        return SimpleNamespace(head=atom(rng.choice(predicates)), body=body,
                               conditional=[(0, rng.choice(readings))] if readings and rng.random() < 0.2 else [])

    ref = lambda name: SimpleNamespace(norm_id=name)   # noqa: E731
    norms = {f"n{i}": SimpleNamespace(clause=None if rng.random() < 0.1 else clause(),
                                      readings=[ref(rng.choice(readings))] if readings and rng.random() < 0.4 else [])
             for i in range(rng.randint(0, 10))}
    decls = {r: SimpleNamespace(instead_of=[ref(rng.choice(readings + ["unknown"])) for _ in range(rng.randint(0, 2))])
             for r in readings}
    plain = [clause() for _ in range(rng.randint(0, 8))]
    return SimpleNamespace(norms=norms, readings=decls,
                           all_clauses=lambda: [(c, None) for c in plain] +
                           [(x.clause, x) for x in norms.values() if x.clause is not None])


def test_the_readings_that_bear_on_a_predicate_are_the_walks_from_every_predicate(result):
    assert explanation._touched_by_readings(result.kb) == reference_touched(result.kb) != {}
    rng = random.Random(25)
    for _ in range(500):
        kb = random_kb(rng)
        assert explanation._touched_by_readings(kb) == reference_touched(kb)
