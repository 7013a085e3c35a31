"""The law's third round (issue 21): answers the scenarios cannot state (--how), and the words answers use."""

from __future__ import annotations

import json
import re


BEKOV = "convict(bekov).\nin_disciplinary_isolator(bekov).\nclose_relative(bekov, mother).\nclose_relative(bekov, daulet).\n"


def test_how_offers_the_death_certificate_alone(zan, tmp_path):
    """A death certificate proves the death (BRIEF D12): --how no longer asks for died(X) beside it."""
    case = tmp_path / "case.facts"
    case.write_text(BEKOV, encoding="utf-8")
    result = zan("ask", "call(bekov, daulet, social_ties)", "--facts", str(case), "--at", "2025-03-10", "--how", "permitted")
    assert result.exit_code == 0, result.output
    sets = [line for line in result.stdout.splitlines() if line.strip().startswith("permitted if:")]
    # --how names each set in words, then its atoms in code: the certificate alone is one set
    assert any(re.findall(r"`([^`]+)`", line) == ["death_certificate(mother)"] for line in sets), result.stdout
    assert "died(" not in result.stdout


REASONING = {"kk": "№ 60-НҚ қаулының уәжді бөлігі", "ru": "постановление № 60-НП, мотивировочная часть",
             "en": "cc60, reasoning"}
POINT_3 = {"kk": "№ 60-НҚ нормативтік қаулының 3-тармағы", "ru": "п. 3 нормативного постановления № 60-НП", "en": "cc60 3"}


def test_the_courts_reasoning_is_cited_as_reasoning(zan):
    """Issue 21, item 7: the Court's legal position and remarks, and the solitary cell's ground, are reasoning."""
    for language in ("kk", "ru", "en"):
        for nid in ("cc60.position.restrictions_by_law", "cc60.remark.rules104.spouse", "cc60.1.regime.solitary"):
            shown = zan("show", nid, "--lang", language)
            assert shown.exit_code == 0, shown.output
            assert REASONING[language] in shown.stdout and POINT_3[language] not in shown.stdout, (language, nid)
        point = zan("show", "cc60.3", "--lang", language)
        assert POINT_3[language] in point.stdout and REASONING[language] not in point.stdout.split("\n")[0]


def test_a_reasoning_citation_reads_back(zan):
    for language in ("kk", "ru", "en"):
        shown = zan("show", REASONING[language])
        assert shown.exit_code == 0 and "cc60.position.restrictions_by_law" in shown.stdout, (language, shown.output)


DISCRETION = {"kk": "өздігінен шешпейді", "ru": "сам по себе этого не решает", "en": "does not settle this by itself"}
EXTENDS = {"kk": "бұған қолданылмайды", "ru": "не распространяется на это", "en": "does not extend to this"}


def test_a_discretionary_answer_does_not_say_the_ban_is_lifted(zan):
    """Issue 21, item 6: the Court opened the list, it did not lift the ban: say so, in kk/ru/en."""
    from conftest import KB

    for language in ("kk", "ru", "en"):
        shown = zan("ask", "call(zhakenov, aliya, social_ties)", "--facts", str(KB / "cases" / "unlisted-circumstance.facts"),
                    "--at", "2025-03-10", "--explain", "--lang", language)
        assert shown.exit_code == 0, shown.output
        assert DISCRETION[language] in shown.stdout and EXTENDS[language] not in shown.stdout, language
    legal_aid = zan("ask", "call(kunakbaev, ospanov, legal_aid)", "--at", "2025-01-15", "--explain")
    assert EXTENDS["en"] in legal_aid.stdout and DISCRETION["en"] not in legal_aid.stdout


def test_the_note_agrees_with_the_mechanism():
    from engine.syntax.knowledge import kb_files, load
    from conftest import KB

    norm = load(kb_files(KB)).norms["cc60.1.not_exhaustive"]
    assert norm.interprets and all("90" not in i.text for i in norm.interpretations)
    assert all(("binding" in i.text or "обязательное" in i.text or "міндетті" in i.text) for i in norm.interpretations)


UNDER = {"kk": "білім қорының қолданыстағы пайымы бойынша", "ru": "при действующем толковании", "en": "under the reading in force"}
POINT_1_WORDS = {"kk": "1-тармақ тек өз сөздерінде аталған режимдерді қамтиды",
                 "ru": "Пункт 1 охватывает только названные в нем режимы", "en": "Point 1 covers only the regimes it names"}
OLD_CLAIM = {"kk": "не Соттың уәжі бойынша (түсіндірме) жалғыз адамдық камерада ұсталады",
             "ru": "или, по мотивировке Суда (толкование), в одиночной камере",
             "en": "or, by the Court's reasoning (an interpretation), in a solitary cell"}


def test_the_reading_in_force_is_named_and_the_why_not_agrees_with_the_facts(zan):
    """Issue 21, item 5: under point_1_words the why-not names the reading and does not deny the solitary cell."""
    from conftest import KB

    case = str(KB / "cases" / "solitary-cell.facts")
    for language in ("kk", "ru", "en"):
        shown = zan("ask", "call(sadykov, ospanov, legal_aid)", "--facts", case, "--at", "2025-03-10",
                    "--reading", "point_1_words", "--explain", "--lang", language)
        assert shown.exit_code == 0, shown.output
        assert UNDER[language] in shown.stdout and POINT_1_WORDS[language] in shown.stdout, language
        assert OLD_CLAIM[language] not in shown.stdout, language
    doc = json.loads(zan("ask", "call(sadykov, ospanov, legal_aid)", "--facts", case, "--at", "2025-03-10",
                         "--reading", "point_1_words", "--format", "json").stdout)
    answer = doc["answers"][0]
    assert {"name": "point_1_words", "default": False} in [{k: r[k] for k in ("name", "default")} for r in answer["readings"]]
    assert "solitary_cell_in_point_1" not in [r["name"] for r in answer["readings"]]
    default = json.loads(zan("ask", "call(sadykov, ospanov, legal_aid)", "--facts", case, "--at", "2025-03-10",
                             "--format", "json").stdout)["answers"][0]
    assert "solitary_cell_in_point_1" in [r["name"] for r in default["readings"]]


def test_zan_show_names_the_reading_a_norm_belongs_to(zan):
    for language in ("kk", "ru", "en"):
        shown = zan("show", "cc60.1.regime.solitary", "--lang", language)
        assert "[solitary_cell_in_point_1]" in shown.stdout, language
    data = json.loads(zan("show", "cc60.1.medical_care", "--format", "json").stdout)
    found = data["norms"][0]
    assert [r["name"] for r in found["readings"]] == ["medical_call_needs_care"]


ENDED = {"kk": "in_disciplinary_isolator(x) фактісі 2025 жылғы 3 қаңтар күні аяқталды",
         "ru": "факт in_disciplinary_isolator(x) прекратился 3 января 2025 г.",
         "en": "the fact in_disciplinary_isolator(x) ended on 2025-01-03"}
SAME_DAY = {"kk": "2025 жылғы 10 наурыз бен 2025 жылғы 10 наурыз", "ru": "между 10 марта 2025 г. и 10 марта 2025 г.",
            "en": "between 2025-03-10 and 2025-03-10"}


def test_diff_names_the_change_that_happened(zan, tmp_path):
    """Issue 21, item 10: the isolator stay ended on 2025-01-03; a comparison of readings is headed by them."""
    from conftest import KB

    case = tmp_path / "stay.facts"
    case.write_text("convict(x).\nin_disciplinary_isolator(x) from 2024-12-20 to 2025-01-03.\nfriend(x, f).\n", encoding="utf-8")
    for language in ("kk", "ru", "en"):
        shown = zan("diff", "call(x, f, social_ties)", "--facts", str(case), "--from", "2025-01-03", "--to", "2025-01-04",
                    "--lang", language)
        assert shown.exit_code == 0, shown.output
        assert ENDED[language] in shown.stdout and "only" not in shown.stdout, (language, shown.stdout)
        versus = zan("diff", "call(sadykov, P, Purpose)", "--facts", str(KB / "cases" / "solitary-cell.facts"),
                     "--at", "2025-03-10", "--versus-reading", "point_1_words", "--lang", language)
        assert versus.exit_code == 0, versus.output
        assert SAME_DAY[language] not in versus.stdout and POINT_1_WORDS[language] in versus.stdout.split("\n")[0], language


def test_cases_names_the_default_reading(zan):
    shown = zan("cases", "call(C, P, legal_aid)", "--at", "2025-03-10", "--versus-reading", "point_1_words")
    assert shown.exit_code == 0, shown.output
    first = shown.stdout.split("\n")[0]
    assert "solitary_cell_in_point_1" in first and "—" not in first.split("reading:")[1]


def test_a_chosen_reading_is_named_on_every_answer_line(zan):
    from conftest import KB

    for language in ("kk", "ru", "en"):
        shown = zan("ask", "call(sadykov, P, legal_aid)", "--facts", str(KB / "cases" / "solitary-cell.facts"),
                    "--at", "2025-03-10", "--reading", "point_1_words", "--lang", language)
        lines = [l for l in shown.stdout.splitlines() if l.startswith("call(")]
        assert lines and all(UNDER[language] in l and POINT_1_WORDS[language] in l for l in lines), language


def test_the_courts_paraphrases_of_the_code_are_flagged():
    """Issue 21, item 9: PEC quotes the ruling gives as its own account of the Code carry the summary flag."""
    from engine.syntax.knowledge import kb_files, load
    from conftest import KB

    kb = load(kb_files(KB))
    for nid, norm in kb.norms.items():
        kk = " ".join(q.text for q in norm.quotes if q.language == "kk")
        if nid.startswith("pec.") and ("құқығы бекітіледі" in kk or "міндеттерінің қатарына" in kk):
            assert norm.summarised, nid
    assert kb.norms["pec.109.2.other.open"].summarised and kb.norms["pec.11.1.2"].summarised
