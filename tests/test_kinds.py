"""Issue 24, item 10: the kinds of values parameters take are declared in the kb (`kind spouse is family_member`,
`spouse(Convict: convict, Person: spouse)`), checked, labelled in kk/ru/en, optional (a kb without them is valid),
and the trainers' checklist offers each person only the facts whose parameters take a kind the person is."""

from __future__ import annotations

from pathlib import Path

from conftest import KB, ROOT
from engine.syntax.formatter import format_text
from engine.syntax.knowledge import load
from engine.syntax.parser import parse_module
from engine.tools.interview import by_person, candidates, law

LAW = '''act law en "Law" kind statute rank 1 in force from 2000-01-01.
kind person en "person".
kind relative is person en "relative".
kind parent is relative en "parent".
predicate parent_of(Child: person, Parent: parent) en "parent" reads en "{Parent} is a parent of {Child}".
predicate owner(Owner) en "owner" reads en "{Owner} owns".
predicate ill(Someone: relative) en "ill" reads en "{Someone} is ill".
norm law.1 cites "law 1" en "visits" permitted visit(C, P) if parent_of(C, P) and ill(P).
predicate visit(Child: person, Parent: person) en "visit" reads en "{Child} visits {Parent}".
'''


def _kb(tmp_path: Path, text: str = LAW) -> Path:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(text, encoding="utf-8")
    return kb


def test_kinds_parse_and_give_each_parameter_its_kind():
    module = parse_module(LAW, "law.zan")
    kb = load([])
    kb.add(module, LAW)
    decl = kb.predicates["parent_of"]
    assert decl.parameters == ("Child", "Parent")
    assert [decl.kind_of(0), decl.kind_of(1)] == ["person", "parent"]
    assert kb.predicates["owner"].kind_of(0) == "Owner"      # no kind named: its name is its kind
    assert kb.kind_ancestry("parent") == {"parent", "relative", "person"}
    assert kb.parameter_kind("ill", 0) == "relative" and kb.parameter_kind("ill", 1) is None
    assert kb.kind_label("relative", "en") == "relative" and kb.kind_label("relative", "kk") is None


def test_the_formatter_keeps_kinds():
    text = format_text(LAW)
    assert "kind parent is relative\n  en \"parent\".\n" in text
    assert "predicate parent_of(Child: person, Parent: parent)\n" in text
    assert "predicate owner(Owner)\n" in text
    assert format_text(text) == text


def test_an_undeclared_kind_is_an_error_at_its_name_with_a_did_you_mean(zan, tmp_path):
    kb = _kb(tmp_path, LAW.replace("ill(Someone: relative)", "ill(Someone: relativ)")
             .replace("kind parent is relative", "kind parent is relatve"))
    result = zan("check", kb)
    assert result.exit_code == 1, result.output
    assert "law.zan:7:24: error: the parameter Someone of ill takes the kind relativ, which is not declared [unknown-kind]" \
        in result.output
    assert "law.zan:4:16: error: the kind parent is said to be a relatve, which is not declared [unknown-kind]" in result.output
    assert result.output.count("did you mean relative?") == 2
    russian = zan("check", kb, "--lang", "ru")
    assert "параметр Someone предиката ill принимает вид relativ, который не объявлен [unknown-kind]" in russian.output
    kazakh = zan("check", kb, "--lang", "kk")
    assert "жарияланбаған relativ түрін алады [unknown-kind]" in kazakh.output
    assert "Traceback" not in result.output + russian.output + kazakh.output


def test_a_kind_without_a_label_in_a_language_the_kb_speaks_is_warned_about(zan, tmp_path):
    kb = _kb(tmp_path, LAW.replace('act law en "Law"', 'act law en "Law" ru "Закон" kk "Заң"'))
    result = zan("check", kb)
    assert "law.zan:3:6: warning: the kind relative has no label in kk, ru [missing-translation]" in result.output


def test_kinds_are_optional_a_kb_without_them_checks():
    kb = load(sorted((ROOT / "examples" / "sg-rule34" / "kb").rglob("*.zan")))
    assert not kb.kinds and all(not d.kinds for d in kb.predicates.values())


def test_every_parameter_of_the_bundled_kb_takes_a_declared_kind_labelled_in_kk_ru_en():
    kb = law()
    for decl in kb.predicates.values():
        assert len(decl.kinds) == decl.arity, decl.name
        for i in range(decl.arity):
            kind = decl.kind_of(i)
            assert kind in kb.kinds, (decl.name, kind)
    for kind in kb.kinds:
        assert all(kb.kind_label(kind, language) for language in ("kk", "ru", "en")), kind
    # what the law implies: the spouse is not a close relative (the Code's notion), both are family members
    assert "family_member" in kb.kind_ancestry("spouse") and "close_relative" not in kb.kind_ancestry("spouse")
    assert "person" not in kb.kind_ancestry("convict")


def _offered(text: str, language: str = "en", known: str = "") -> dict[str, list[str]]:
    kb = law()
    groups = candidates(kb, parse_module(text, "case.facts"), language, KB,
                        known=parse_module(known, "<known>") if known else None)
    return {p["person"]: [f["atom"] for f in p["facts"]] for p in by_person(groups, kb, language)}


def test_the_checklist_offers_each_person_only_the_facts_whose_kinds_fit():
    offered = _offered((ROOT / "kb" / "sample" / "kunakbaev.facts").read_text(encoding="utf-8"))
    # the spouse: no advocate, no close relative, no legal-aid contract; but her death, her illness, her certificates
    assert "spouse(kunakbaev, aigul)" in offered["aigul"] and "died(aigul)" in offered["aigul"]
    assert "life_threatening_illness(aigul)" in offered["aigul"] and "medical_certificate(aigul)" in offered["aigul"]
    for unfit in ("advocate(aigul)", "close_relative(kunakbaev, aigul)", "legal_aid_contract(kunakbaev, aigul)",
                  "friend(kunakbaev, aigul)", "medical_contact(kunakbaev, aigul)"):
        assert unfit not in offered["aigul"], unfit
    assert "advocate(marat)" not in offered["marat"] and "spouse(kunakbaev, marat)" not in offered["marat"]
    # the advocate: the contract and the state's appointment, never kinship or the grounds of PEC 109(2)
    assert {"advocate(ospanov)", "legal_aid_contract(kunakbaev, ospanov)",
            "state_legal_aid_provider(kunakbaev, ospanov)"} <= set(offered["ospanov"])
    assert not any(a.startswith(("spouse(", "close_relative(", "life_threatening_illness(")) for a in offered["ospanov"])
    # the convict: the regimes, and the emergency (about the convict, not about its kind `social`)
    assert "in_disciplinary_isolator(kunakbaev)" in offered["kunakbaev"]
    assert "emergency(kunakbaev, social)" in offered["kunakbaev"] and "social" not in offered
    assert "died(kunakbaev)" not in offered["kunakbaev"] and "advocate(kunakbaev)" not in offered["kunakbaev"]


def test_a_fact_unticked_stays_offered_through_the_facts_known_before():
    text = "in_disciplinary_isolator(kunakbaev).\ndied(aigul).\n"
    assert "spouse(kunakbaev, aigul)" not in _offered(text)["aigul"]      # she is only a person now
    again = _offered(text, known="spouse(kunakbaev, aigul).")
    assert "spouse(kunakbaev, aigul)" in again["aigul"]
    assert "advocate(aigul)" not in again["aigul"]


def test_without_kinds_a_parameter_name_is_its_kind(tmp_path):
    kb = load([_kb(tmp_path, 'predicate likes(Who, Whom) en "likes" reads en "{Who} likes {Whom}".\n'
                             'predicate rich(Whom) en "rich" reads en "{Whom} is rich".\n') / "law.zan"])
    groups = candidates(kb, parse_module("likes(ann, bob).\n", "case.facts"), "en", tmp_path / "kb")
    atoms = {f["atom"] for g in groups for f in g["facts"]}
    assert "rich(bob)" in atoms and "rich(ann)" not in atoms and "likes(ann, bob)" in atoms


def test_zan_vocabulary_gives_each_argument_its_kind_and_each_kind_its_label(zan):
    import json
    data = json.loads(zan("vocabulary", "--lang", "ru", "--format", "json").stdout)
    spouse = next(p for p in data["predicates"] if p["name"] == "spouse")
    assert spouse["arguments"] == ["Convict", "Person"]
    assert spouse["kinds"] == [{"kind": "convict", "label": "осужденный"}, {"kind": "spouse", "label": "супруг (супруга)"}]
    kinds = {k["name"]: k for k in data["kinds"]}
    assert kinds["spouse"]["is"] == ["family_member"] and kinds["lawyer"]["label"].startswith("адвокат")
    text = zan("vocabulary", "--lang", "kk").stdout
    assert "spouse(Convict: convict, Person: spouse)" in text and "аргументтер алатын мән түрлері" in text


def test_a_fact_with_a_free_text_is_about_the_person_not_the_text():
    offered = _offered('convict(zhakenov).\nexceptional_circumstance(zhakenov, "the birth of his child").\n')
    assert 'exceptional_circumstance(zhakenov, "the birth of his child")' in offered["zhakenov"]
    assert not any(person.startswith('"') for person in offered)
