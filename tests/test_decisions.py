"""Each modelling decision D1-D10 of the brief, on both sides of its line, through the command."""

import pytest

from helpers import answer_of, ask

ISOLATOR = "in_disciplinary_isolator(k).\n"
SOLITARY = "in_solitary_cell(k).\n"
STRICT = "in_strict_conditions(k).\n"


def call(zan, tmp_path, facts, at, person, purpose):
    atom = f"call(k, {person}, {purpose})"
    doc = ask(zan, atom, facts, at, tmp_path)
    return answer_of(doc, atom)


# D1: the isolator prohibits every call, whoever and whatever the purpose
@pytest.mark.parametrize("relation", ["friend", "spouse", "close_relative", "medical_contact", "legal_aid_contract"])
@pytest.mark.parametrize("purpose", ["social_ties", "legal_aid", "medical_care"])
def test_d1_isolator_prohibits_calls_without_exception(zan, tmp_path, relation, purpose):
    a = call(zan, tmp_path, ISOLATOR + f"{relation}(k, p).\n", "2024-06-01", "p", purpose)
    assert a["status"] == "prohibited"
    assert a["citations"][0] == "pec 134.1.2"


# D2 + D3: 109(2) grounds with their evidence; spouse and close relative; each regime
@pytest.mark.parametrize("regime", [ISOLATOR, SOLITARY, STRICT])
@pytest.mark.parametrize("relation", ["spouse", "close_relative"])
@pytest.mark.parametrize("ground,evidence", [
    ("died(q).\n", "death_certificate(q).\n"),
    ("life_threatening_illness(q).\n", "medical_certificate(q).\n"),
])
def test_d2_d3_grounds_a_b_with_and_without_evidence(zan, tmp_path, regime, relation, ground, evidence):
    family = f"{relation}(k, p).\nclose_relative(k, q).\n"
    with_evidence = call(zan, tmp_path, regime + family + ground + evidence, "2024-06-01", "p", "social_ties")
    assert with_evidence["status"] == "permitted"
    assert with_evidence["citations"][0] == "pec 109.2"
    assert "rules819 104" in with_evidence["citations"]
    without = call(zan, tmp_path, regime + family + ground, "2024-06-01", "p", "social_ties")
    expected = "prohibited" if regime == ISOLATOR else "undetermined"
    assert without["status"] == expected


def test_d2_natural_disaster_needs_local_executive_body_certificate(zan, tmp_path):
    base = ISOLATOR + "spouse(k, p).\nnatural_disaster_damage(k).\n"
    assert call(zan, tmp_path, base + "local_executive_body_certificate(k).\n", "2025-03-10", "p", "social_ties")["status"] == "permitted"
    a = call(zan, tmp_path, base, "2025-03-10", "p", "social_ties")
    assert a["status"] == "prohibited"
    assert "local_executive_body_certificate(k)" in repr(a["trace"]["why_not"])


def test_d2_friend_is_no_109_counterpart(zan, tmp_path):
    facts = ISOLATOR + "friend(k, p).\nclose_relative(k, q).\ndied(q).\ndeath_certificate(q).\n"
    assert call(zan, tmp_path, facts, "2025-03-10", "p", "social_ties")["status"] == "prohibited"


def test_d2_109_gives_no_legal_aid_or_medical_call(zan, tmp_path):
    facts = ISOLATOR + "spouse(k, p).\ndied(p2).\nclose_relative(k, p2).\ndeath_certificate(p2).\n"
    assert call(zan, tmp_path, facts, "2025-03-10", "p", "legal_aid")["status"] == "prohibited"


# D4: ground (d) by the Rules' list; other circumstances exhaustive before the ruling, discretionary after
@pytest.mark.parametrize("circumstance", ["emergency(k, natural).\n", "emergency(k, technogenic).\n",
                                          "emergency(k, social).\n", "quarantine(k).\n"])
def test_d4_listed_circumstances_give_the_right(zan, tmp_path, circumstance):
    a = call(zan, tmp_path, ISOLATOR + "close_relative(k, p).\n" + circumstance, "2024-06-01", "p", "social_ties")
    assert a["status"] == "permitted"
    assert a["citations"][0] == "pec 109.2"


def test_d4_unlisted_circumstance_before_and_after_ruling(zan, tmp_path):
    facts = ISOLATOR + "close_relative(k, p).\nexceptional_circumstance(k, \"house fire\").\n"
    before = call(zan, tmp_path, facts, "2024-12-26", "p", "social_ties")
    after = call(zan, tmp_path, facts, "2024-12-27", "p", "social_ties")
    assert before["status"] == "prohibited"
    assert after["status"] == "discretionary"
    assert after["citations"][0] == "cc60 1"
    assert any(d["norm"]["citation"] == "pec 134.1.2" and d["principle"] == "binding interpretation"
               for d in after["trace"]["interpreted"])


def test_d4_unlisted_circumstance_outside_isolator_before_ruling_is_undetermined(zan, tmp_path):
    facts = STRICT + "spouse(k, p).\nexceptional_circumstance(k, wedding).\n"
    assert call(zan, tmp_path, facts, "2024-06-01", "p", "social_ties")["status"] == "undetermined"
    assert call(zan, tmp_path, facts, "2025-06-01", "p", "social_ties")["status"] == "discretionary"


def test_d4_discretionary_yields_to_a_right(zan, tmp_path):
    facts = ISOLATOR + "spouse(k, p).\nexceptional_circumstance(k, x).\ndied(p2).\nclose_relative(k, p2).\ndeath_certificate(p2).\n"
    a = call(zan, tmp_path, facts, "2025-03-10", "p", "social_ties")
    assert a["status"] == "permitted"
    assert a["citations"][0] == "pec 109.2"


def test_d4_friend_with_unlisted_circumstance_stays_prohibited_in_isolator(zan, tmp_path):
    facts = ISOLATOR + "friend(k, p).\nexceptional_circumstance(k, x).\n"
    assert call(zan, tmp_path, facts, "2025-03-10", "p", "social_ties")["status"] == "prohibited"


# D5: the Rules' limits on ground (d) yield to the Code (lex superior), but bind where the Code is silent
def test_d5_spouse_on_ground_d_is_permitted_over_the_rules_limit(zan, tmp_path):
    a = call(zan, tmp_path, ISOLATOR + "spouse(k, p).\nquarantine(k).\n", "2025-03-10", "p", "social_ties")
    assert a["status"] == "permitted"
    assert a["citations"][0] == "pec 109.2"
    superior = [d for d in a["trace"]["defeated"] if d["principle"] == "lex superior"]
    assert [d["norm"]["citation"] for d in superior] == ["rules819 104"]
    assert superior[0]["grounds"]["winner_rank"] == "50" and superior[0]["grounds"]["loser_rank"] == "20"
    assert superior[0]["see"], "the Court's remark is shown with the resolved conflict"


def test_d5_second_call_in_a_month_is_permitted_over_the_rules_limit(zan, tmp_path):
    facts = STRICT + "close_relative(k, p).\nemergency(k, natural).\ncalled_this_month(k, p).\n"
    a = call(zan, tmp_path, facts, "2025-03-10", "p", "social_ties")
    assert a["status"] == "permitted"
    assert any(d["norm"]["id"] == "rules819.104.limit.once_a_month" for d in a["trace"]["defeated"])


# D5 + D9: the Rules' limit bounds the right claimed on ground (d); it bans nothing by itself
@pytest.mark.parametrize("regime,expected", [(STRICT, "undetermined"), (SOLITARY, "undetermined"),
                                             (ISOLATOR, "prohibited")])
@pytest.mark.parametrize("ground", ["quarantine(k).\n", "emergency(k, social).\n", ""])
def test_d5_friend_call_falls_back_to_what_else_applies(zan, tmp_path, regime, expected, ground):
    a = call(zan, tmp_path, regime + "friend(k, p).\n" + ground, "2025-03-10", "p", "social_ties")
    assert a["status"] == expected
    assert "rules819 104" not in a["citations"]
    assert a["trace"]["decided_by"] is None or a["trace"]["decided_by"]["id"] == "pec.134.1.2.calls"


def test_d5_cap_is_once_a_month_per_convict_and_yields_to_the_code(zan, tmp_path):
    facts = STRICT + "close_relative(k, p).\nclose_relative(k, s).\nquarantine(k).\ncalled_this_month(k, s).\n"
    a = call(zan, tmp_path, facts, "2025-03-10", "p", "social_ties")
    assert a["status"] == "permitted"
    limit = [d for d in a["trace"]["defeated"] if d["norm"]["id"] == "rules819.104.limit.once_a_month"]
    assert limit and limit[0]["principle"] == "lex superior"
    assert "cc60.position.restrictions_by_law" in [r["id"] for r in limit[0]["see"]]


def test_d5_spouse_conflict_rests_on_the_courts_legal_position(zan, tmp_path):
    a = call(zan, tmp_path, STRICT + "spouse(k, p).\nquarantine(k).\n", "2025-03-10", "p", "social_ties")
    limit = [d for d in a["trace"]["defeated"] if d["norm"]["id"] == "rules819.104.limit.close_relatives"]
    assert limit and [r["id"] for r in limit[0]["see"]][0] == "cc60.position.restrictions_by_law"


# D1: "whoever the other party": persons in no fact are reached by the ban; contacts only bound enumeration
@pytest.mark.parametrize("relation", ["call", "visit"])
@pytest.mark.parametrize("regime,expected", [(ISOLATOR, "prohibited"), (STRICT, "undetermined"), (SOLITARY, "undetermined")])
def test_d1_ban_reaches_persons_in_no_fact(zan, tmp_path, relation, regime, expected):
    atom = f"{relation}(k, stranger, social_ties)"
    a = answer_of(ask(zan, atom, regime, "2025-03-10", tmp_path), atom)
    assert a["status"] == expected
    if expected == "prohibited":
        assert a["citations"][0] == "pec 134.1.2"


def test_d1_enumeration_stays_bounded_by_contacts(zan, tmp_path):
    doc = ask(zan, "call(k, P, social_ties)", ISOLATOR + "friend(k, f).\n", "2025-03-10", tmp_path)
    assert [a["atom"] for a in doc["answers"]] == ["call(k, f, social_ties)"]


# D2: no ground gives a call with the deceased (one shared condition, an interpretation)
@pytest.mark.parametrize("regime", [ISOLATOR, STRICT])
@pytest.mark.parametrize("ground", ["life_threatening_illness(b).\nmedical_certificate(b).\n",
                                    "natural_disaster_damage(k).\nlocal_executive_body_certificate(k).\n",
                                    "quarantine(k).\n", "exceptional_circumstance(k, x).\n",
                                    "died(b).\ndeath_certificate(b).\n"])
def test_d2_no_ground_gives_a_call_with_the_deceased(zan, tmp_path, regime, ground):
    facts = regime + "spouse(k, w).\ndied(w).\ndeath_certificate(w).\nclose_relative(k, b).\n" + ground
    a = call(zan, tmp_path, facts, "2025-03-10", "w", "social_ties")
    assert a["status"] == ("prohibited" if regime == ISOLATOR else "undetermined")
    if "died(b)" not in ground:  # the living brother may be called on the same ground
        assert call(zan, tmp_path, facts, "2025-03-10", "b", "social_ties")["status"] in ("permitted", "discretionary")


# D6: legal aid after the ruling, contract or state provider, any of the three regimes
@pytest.mark.parametrize("regime", [ISOLATOR, SOLITARY, STRICT])
@pytest.mark.parametrize("relation", ["legal_aid_contract", "state_legal_aid_provider"])
def test_d6_legal_aid_calls(zan, tmp_path, regime, relation):
    facts = regime + f"{relation}(k, p).\n"
    a = call(zan, tmp_path, facts, "2025-01-15", "p", "legal_aid")
    assert a["status"] == "permitted"
    assert a["citations"][0] == "cc60 1"
    assert {"constitution 13.3", "constitution 39.3", "pec 10.1.7", "pec 106.6"} <= set(a["citations"])


def test_d6_solitary_cell_reading_is_marked_as_interpretation(zan, tmp_path):
    doc = ask(zan, "call(k, p, legal_aid)", SOLITARY + "legal_aid_contract(k, p).\n", "2025-01-15", tmp_path)
    a = answer_of(doc, "call(k, p, legal_aid)")
    used = [doc["proofs"][c["id"]]["norm"] for c in a["trace"]["decided_by"]["conditions"] if c["kind"] == "rule"]
    assert any("interpretation" in doc["norms"][ref["id"]] for ref in used if ref)


def test_d6_advocate_without_contract_stays_prohibited_with_why_not(zan, tmp_path):
    a = call(zan, tmp_path, ISOLATOR + "advocate(p).\nconvict(k).\n", "2025-01-15", "p", "legal_aid")
    assert a["status"] == "prohibited"
    failed = [w["failed"]["condition"] for w in a["trace"]["why_not"] if w.get("failed")]
    assert "legal_aid_contract(k, p)" in failed
    assert "state_legal_aid_provider(k, p)" in failed


# D7: medical care
def test_d7_medical_call_needs_the_need(zan, tmp_path):
    base = ISOLATOR + "medical_contact(k, p).\n"
    assert call(zan, tmp_path, base + "needs_medical_care(k).\n", "2025-01-15", "p", "medical_care")["status"] == "permitted"
    assert call(zan, tmp_path, base, "2025-01-15", "p", "medical_care")["status"] == "prohibited"


# D8: before the ruling neither exists; the change is exactly at 2024-12-27
@pytest.mark.parametrize("relation,purpose,extra", [
    ("legal_aid_contract", "legal_aid", ""), ("medical_contact", "medical_care", "needs_medical_care(k).\n")])
def test_d8_the_change_happens_on_2024_12_27(zan, tmp_path, relation, purpose, extra):
    facts = ISOLATOR + f"{relation}(k, p).\n" + extra
    assert call(zan, tmp_path, facts, "2024-12-26", "p", purpose)["status"] == "prohibited"
    assert call(zan, tmp_path, facts, "2024-12-27", "p", purpose)["status"] == "permitted"


def test_d8_solitary_cell_before_ruling_is_undetermined(zan, tmp_path):
    assert call(zan, tmp_path, SOLITARY + "legal_aid_contract(k, p).\n", "2024-12-26", "p", "legal_aid")["status"] == "undetermined"


# D9: outside the isolator only 109(2) and cc60 decide
@pytest.mark.parametrize("regime", [SOLITARY, STRICT, "convict(k).\n"])
def test_d9_ordinary_social_call_outside_isolator_is_undetermined(zan, tmp_path, regime):
    a = call(zan, tmp_path, regime + "spouse(k, p).\n", "2025-03-10", "p", "social_ties")
    assert a["status"] == "undetermined"
    assert a["citations"] == []


# D10: the Ministry's obligation and its deadline
def test_d10_ministry_obligation_pending_then_overdue_then_fulfilled(zan, tmp_path):
    def obligation(at, facts="convict(k).\n"):
        doc = ask(zan, "amend(ministry_of_internal_affairs, rules819)", facts, at, tmp_path)
        return doc["answers"][0]
    assert obligation("2024-12-26")["status"] == "undetermined"
    pending = obligation("2025-03-01")
    assert pending["status"] == "obligatory"
    assert pending["citations"][0] == "cc60 3"
    assert pending["trace"]["compliance"] == "pending"
    assert obligation("2025-07-01")["trace"]["compliance"] == "overdue"
    done = obligation("2025-07-01", "amend(ministry_of_internal_affairs, rules819) from 2025-05-01.\n")
    assert done["trace"]["compliance"] == "fulfilled"


# D10: fulfilment is an event with a date
@pytest.mark.parametrize("made,asked,expected", [
    ("2025-05-01", "2025-07-01", "fulfilled"), ("2025-06-27", "2026-01-01", "fulfilled"),
    ("2025-06-28", "2025-07-01", "fulfilled late"), ("2025-06-28", "2025-06-27", "pending"),
    ("2025-09-01", "2025-07-01", "overdue"), ("2025-05-01", "2025-04-30", "pending")])
def test_d10_fulfilment_is_an_event(zan, tmp_path, made, asked, expected):
    facts = f"amend(ministry_of_internal_affairs, rules819) from {made} to {made}.\n"
    a = ask(zan, "amend(ministry_of_internal_affairs, rules819)", facts, asked, tmp_path)["answers"][0]
    assert a["status"] == "obligatory"
    assert a["trace"]["compliance"] == expected
    assert a["trace"].get("fulfilled_on") == (made if expected.startswith("fulfilled") else None)


def test_all_calls_of_a_convict_range_over_contacts_and_purposes(zan, tmp_path):
    doc = ask(zan, "call(k, P, Purpose)", ISOLATOR + "spouse(k, a).\nfriend(k, b).\n", "2025-03-10", tmp_path)
    assert len(doc["answers"]) == 6
    assert all(a["status"] == "prohibited" for a in doc["answers"])
    assert doc["answers"] == sorted(doc["answers"], key=lambda a: a["atom"])
