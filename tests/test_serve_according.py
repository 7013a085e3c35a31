"""A question citing a provision on the trainers' page (issue 20 item 7): each answer's card says, in the page's
language, what the cited provision's norms did in it (the answer's `according_to`, as `zan ask` says it after the
answers: engine/explain/render/as_according.py), in a real headless Chromium.

The server and the browser are tests/test_serve.py's fixtures (one `zan serve`, one page, for this module)."""

from __future__ import annotations

import pytest

import test_serve
from test_serve import answer, expect, settled

server, browser_page, page = test_serve.server, test_serve.browser_page, test_serve.page   # the fixtures

pytestmark = pytest.mark.slow   # Chromium


def ask_in(page, language: str, case: str, question: str, at: str):
    if page.locator("#lang").input_value() != language:
        page.select_option("#lang", language)
        page.wait_for_function(f"document.documentElement.lang === '{language}'")
        settled(page)
    page.select_option("#case", case)
    settled(page)
    page.fill("#at", at)
    page.press("#at", "Enter")
    settled(page)
    page.fill("#query", question)
    page.locator("#ask").click()
    settled(page)


def fates(page, atom: str) -> tuple[str, list[str]]:
    section = answer(page, atom).locator("section.according")
    expect(section).to_have_count(1)
    return section.locator("h3").inner_text(), section.locator("li").all_inner_texts()


def test_each_answer_says_what_the_cited_provisions_norms_did_in_russian(page):
    ask_in(page, "ru", "kunakbaev", "Может ли Кунакбаев позвонить Оспанову согласно подп. 2) ч. 1 ст. 134 УИК?", "15.01.2025")
    expect(answer(page, "call(kunakbaev, ospanov, legal_aid)")).to_have_count(1, timeout=60_000)
    assert page.locator("article.answer").count() == 3
    heading, said = fates(page, "call(kunakbaev, ospanov, legal_aid)")
    assert heading == "Согласно подп. 2) ч. 1 ст. 134 УИК:"
    # read narrowly by the Constitutional Court's ruling: by which norm, in Russian
    assert said == ["pec.134.1.2.calls (подп. 2) ч. 1 ст. 134 УИК) истолкована cc60.1.legal_aid.contract "
                    "(п. 1 нормативного постановления № 60-НП) (обязательное толкование)"]
    for purpose in ("medical_care", "social_ties"):
        heading, said = fates(page, f"call(kunakbaev, ospanov, {purpose})")
        assert heading == "Согласно подп. 2) ч. 1 ст. 134 УИК:"
        assert said == ["pec.134.1.2.calls (подп. 2) ч. 1 ст. 134 УИК) определила статус"]
    # a question citing nothing has no such section
    page.fill("#query", "call(kunakbaev, P, Purpose)")
    page.locator("#ask").click()
    settled(page)
    expect(page.locator("#question-title")).to_contain_text("call(kunakbaev, P, Purpose)")
    assert page.locator("section.according").count() == 0


def test_each_answer_says_which_condition_failed_in_english(page):
    ask_in(page, "en", "example5-no-death-certificate", "according to pec 109.2, may Bekov call Daulet?", "10 March 2025")
    expect(answer(page, "call(bekov, daulet, social_ties)")).to_have_count(1, timeout=60_000)
    heading, said = fates(page, "call(bekov, daulet, social_ties)")
    assert heading == "According to pec 109.2:"
    assert "pec.109.2.death (pec 109.2) did not apply: it is not established that the death of mother is confirmed " \
           "by a death certificate (condition: death certified)" in said
    assert all(" did not apply" in s for s in said) and len(said) == 5
    # the norms on another purpose are not about these answers: said as such, in the page's language
    for purpose in ("legal_aid", "medical_care"):
        heading, said = fates(page, f"call(bekov, daulet, {purpose})")
        assert heading == "According to pec 109.2:"
        assert said == ["none of its norms bears on this answer"]
