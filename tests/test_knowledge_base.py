"""The bundled knowledge base against the brief: vocabulary, acts, citations, texts and the rest of pec 134.1.2."""

import datetime

import pytest

from conftest import KB
from engine.syntax.knowledge import kb_files, load
from helpers import answer_of, ask

VOCABULARY = {
    "convict": 1, "in_disciplinary_isolator": 1, "in_solitary_cell": 1, "in_strict_conditions": 1,
    "spouse": 2, "close_relative": 2, "friend": 2, "legal_aid_contract": 2, "state_legal_aid_provider": 2,
    "advocate": 1, "medical_contact": 2, "needs_medical_care": 1, "died": 1, "life_threatening_illness": 1,
    "natural_disaster_damage": 1, "emergency": 2, "quarantine": 1, "exceptional_circumstance": 2,
    "death_certificate": 1, "medical_certificate": 1, "local_executive_body_certificate": 1,
    "called_this_month": 2, "call": 3,
}
ACTS = {"constitution": (100, "1995-08-30"), "cc60": (90, "2024-12-27"), "pec": (50, "2015-01-01"),
        "cpc": (50, "2015-01-01"), "advocacy_law": (40, "2018-07-05"), "rules819": (20, "2014-12-19")}
CITATIONS = ["constitution 12.1", "constitution 12.2", "constitution 13.1", "constitution 13.3", "constitution 20.2",
             "constitution 29", "constitution 34.1", "constitution 39.1", "constitution 39.3",
             "pec 10.1.7", "pec 10.1.8", "pec 11.1.2", "pec 11.1.3", "pec 106.6", "pec 107.2", "pec 109.2",
             "pec 134.1.2", "rules819 104", "rules819 131", "rules819 134", "rules819 135",
             "advocacy_law 1.8", "advocacy_law 45.1.1", "advocacy_law 45.1.2",
             "cc60 1", "cc60 2", "cc60 3", "cc60 4"]


@pytest.fixture(scope="module")
def kb():
    return load(kb_files(KB))


def test_public_vocabulary_is_declared_with_three_labels(kb):
    for name, arity in VOCABULARY.items():
        decl = kb.predicates[name]
        assert decl.arity == arity, name
        assert {l.language for l in decl.labels} == {"kk", "ru", "en"}, name
        assert {r.language for r in decl.readings} == {"kk", "ru", "en"}, name


def test_acts_ranks_and_dates(kb):
    for key, (rank, start) in ACTS.items():
        act = kb.acts[key]
        assert act.rank == rank and act.in_force.start == datetime.date.fromisoformat(start), key


def test_every_cited_provision_is_there_with_a_kazakh_quote(kb):
    cited = {}
    for norm in kb.norms.values():
        assert norm.citation, norm.id
        assert any(q.language == "kk" and q.text.strip() for q in norm.quotes), norm.id
        cited.setdefault(norm.citation, []).append(norm.id)
    missing = [c for c in CITATIONS if c not in cited]
    assert not missing


@pytest.mark.parametrize("predicate", ["purchase_food_and_necessities", "smoke_in_cell", "use_bed_in_daytime"])
def test_the_other_isolator_prohibitions(zan, tmp_path, predicate):
    doc = ask(zan, f"{predicate}(k)", "in_disciplinary_isolator(k).\n", "2025-01-15", tmp_path)
    a = answer_of(doc, f"{predicate}(k)")
    assert a["status"] == "prohibited" and a["citations"][0] == "pec 134.1.2"
    outside = ask(zan, f"{predicate}(k)", "in_strict_conditions(k).\n", "2025-01-15", tmp_path)
    assert answer_of(outside, f"{predicate}(k)")["status"] == "undetermined"


def test_visits_prohibited_but_advocate_meetings_defeat_the_ban(zan, tmp_path):
    facts = "in_disciplinary_isolator(k).\nadvocate(o).\nspouse(k, s).\n"
    doc = ask(zan, "visit(k, P, U)", facts, "2020-01-15", tmp_path)
    assert answer_of(doc, "visit(k, s, social_ties)")["status"] == "prohibited"
    meeting = answer_of(doc, "visit(k, o, legal_aid)")
    assert meeting["status"] == "permitted" and meeting["citations"][0] == "pec 106.6"
    assert [d["norm"]["citation"] for d in meeting["trace"]["defeated"]] == ["pec 134.1.2"]


def test_convicts_duties_are_obligatory(zan, tmp_path):
    doc = ask(zan, "observe_internal_regulations(k)", "convict(k).\n", "2025-01-15", tmp_path)
    assert answer_of(doc, "observe_internal_regulations(k)")["status"] == "obligatory"


def test_no_two_norms_share_a_quote():
    """A quote shown as a provision's text is that provision's text: two norms never show the same words (issue 9)."""
    from engine.pipeline import load_knowledge

    kb, _ = load_knowledge(None, [])
    seen: dict[tuple[str, str], str] = {}
    for nid, norm in sorted(kb.norms.items()):
        for q in norm.quotes:
            key = (q.language, " ".join(q.text.split()))
            assert key not in seen, f"{nid} and {seen[key]} share the {q.language} quote"
            seen[key] = nid


def test_paraphrases_and_working_translations_are_marked():
    from engine.pipeline import load_knowledge

    kb, _ = load_knowledge(None, [])
    assert kb.norms["advocacy_law.1.8"].summarised and kb.norms["cpc.106"].summarised
    assert all(norm.summarised for nid, norm in kb.norms.items() if nid.startswith("rules819."))
    assert all(act.authentic == ("kk",) for act in kb.acts.values())
    assert "official English translation" not in " ".join(kb.norms["pec.1.2"].notes)
