"""The brief's five examples, end to end through the command, with inline facts (not the shipped case files)."""

from helpers import answer_of, ask


def test_example1_friend_in_isolator_is_prohibited(zan, tmp_path):
    doc = ask(zan, "call(bekov, serik, social_ties)", "in_disciplinary_isolator(bekov).\nfriend(bekov, serik).\n",
              "2025-03-10", tmp_path)
    a = answer_of(doc, "call(bekov, serik, social_ties)")
    assert a["status"] == "prohibited"
    assert a["citations"][0] == "pec 134.1.2"
    assert a["trace"]["decided_by"]["id"] == "pec.134.1.2.calls"


def test_example2_death_with_certificate_permits_call_to_brother(zan, tmp_path):
    facts = ("in_disciplinary_isolator(bekov).\nclose_relative(bekov, mother).\nclose_relative(bekov, brother).\n"
             "died(mother).\ndeath_certificate(mother).\n")
    doc = ask(zan, "call(bekov, brother, social_ties)", facts, "2025-03-10", tmp_path)
    a = answer_of(doc, "call(bekov, brother, social_ties)")
    assert a["status"] == "permitted"
    assert a["citations"][0] == "pec 109.2"
    defeated = {d["norm"]["citation"]: d["principle"] for d in a["trace"]["defeated"]}
    assert defeated == {"pec 134.1.2": "lex specialis"}


def test_example3_legal_aid_contract_after_ruling_is_permitted(zan, tmp_path):
    facts = "in_disciplinary_isolator(kunakbaev).\nadvocate(ospanov).\nlegal_aid_contract(kunakbaev, ospanov).\n"
    doc = ask(zan, "call(kunakbaev, ospanov, legal_aid)", facts, "2025-01-15", tmp_path)
    a = answer_of(doc, "call(kunakbaev, ospanov, legal_aid)")
    assert a["status"] == "permitted"
    assert a["citations"][0] == "cc60 1"
    assert {"constitution 13.3", "constitution 39.3"} <= set(a["citations"])
    # the Court upheld pec 134.1.2 in a binding interpretation (cc60 1, binding by cc60 2): not defeated, read narrowly
    assert a["trace"]["defeated"] == []
    [read] = a["trace"]["interpreted"]
    assert (read["norm"]["citation"], read["principle"]) == ("pec 134.1.2", "binding interpretation")
    assert "cc60 2" in a["citations"]
    assert "in the binding interpretation of cc60 (points 1 and 2), does not extend to" in read["explanation"]


def test_example4_same_before_ruling_is_prohibited(zan, tmp_path):
    facts = "in_disciplinary_isolator(kunakbaev).\nadvocate(ospanov).\nlegal_aid_contract(kunakbaev, ospanov).\n"
    doc = ask(zan, "call(kunakbaev, ospanov, legal_aid)", facts, "2024-12-20", tmp_path)
    a = answer_of(doc, "call(kunakbaev, ospanov, legal_aid)")
    assert a["status"] == "prohibited"
    assert a["citations"][0] == "pec 134.1.2"
    assert "cc60 1" not in a["citations"]
    reasons = {w["norm"]["citation"]: w["reason"] for w in a["trace"]["why_not"]}
    assert reasons.get("cc60 1") == "not-in-force"


def test_example5_no_death_certificate_is_prohibited_and_names_the_document(zan, tmp_path):
    facts = ("in_disciplinary_isolator(bekov).\nclose_relative(bekov, mother).\nclose_relative(bekov, brother).\n"
             "died(mother).\n")
    doc = ask(zan, "call(bekov, brother, social_ties)", facts, "2025-03-10", tmp_path)
    a = answer_of(doc, "call(bekov, brother, social_ties)")
    assert a["status"] == "prohibited"
    assert a["citations"][0] == "pec 134.1.2"
    death = [w for w in a["trace"]["why_not"] if w["norm"]["id"] == "pec.109.2.death"]
    assert death, a["trace"]["why_not"]
    text = repr(death[0])
    assert "death_certificate(mother)" in text
    assert "rules819 104" in text


def test_examples_as_shipped_case_files(zan):
    """The case files in kb/cases/ give the brief's statuses at the brief's dates."""
    from conftest import CASES
    cases = [
        ("example1-friend.facts", "2025-03-10", "prohibited"),
        ("example2-death-certificate.facts", "2025-03-10", "permitted"),
        ("example3-legal-aid-contract.facts", "2025-01-15", "permitted"),
        ("example4-legal-aid-before-ruling.facts", "2024-12-20", "prohibited"),
        ("example5-no-death-certificate.facts", "2025-03-10", "prohibited"),
    ]
    for name, at, expected in cases:
        doc = ask(zan, "call(C, P, Purpose)", CASES / name, at)
        statuses = {a["status"] for a in doc["answers"]}
        assert expected in statuses, (name, statuses)
