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


def test_what_changed_on_a_day_citing_a_provision_shows_each_question_and_each_dates_verdict(page):
    """"What changed on 27 December 2024?" (issue 20, item 3) asks every question the law can be asked: the diff view
    shows each question that changed above its changes, says where nothing changed, and, the question citing a
    provision, what its norms did at each date."""
    ask_in(page, "ru", "kunakbaev", "Согласно подп. 2) ч. 1 ст. 134 УИК, что изменилось 27 декабря 2024 г.?", "15.01.2025")
    box = page.locator("#diff")
    card = box.locator('article.answer.changed[data-atom="call(kunakbaev, ospanov, legal_aid)"]')
    expect(card).to_have_count(1, timeout=60_000)
    assert box.locator("h3.question").all_inner_texts() == ["amend(Body, Act)", "call(Convict, Person, Purpose)"]
    expect(box.locator("p.unchanged")).to_contain_text("ни один ответ не изменил статус в вопросах: ")
    sides = card.locator("section.according")
    expect(sides).to_have_count(2)
    assert sides.locator("h3").all_inner_texts() == ["Согласно подп. 2) ч. 1 ст. 134 УИК (26 декабря 2024 г.):",
                                                     "Согласно подп. 2) ч. 1 ст. 134 УИК (27 декабря 2024 г.):"]
    assert sides.nth(0).locator("li").all_inner_texts() == ["pec.134.1.2.calls (подп. 2) ч. 1 ст. 134 УИК) определила статус"]
    assert "истолкована cc60.1.legal_aid.contract" in sides.nth(1).locator("li").inner_text()


def test_a_general_question_citing_a_provision_shows_each_rows_verdict(page):
    """A general question in words on the case-space view: after the decision tables, what the cited provision's
    norms did in each row's case, by the row's number, in the page's language."""
    if page.locator("#lang").input_value() != "kk":
        page.select_option("#lang", "kk")
        page.wait_for_function("document.documentElement.lang === 'kk'")
        settled(page)
    page.locator('.tabs [data-view="cases"]').click()
    page.fill("#cases-query", "ҚАК-тің 134-бабы бірінші бөлігінің 2) тармақшасы бойынша тәртіптік изоляторда ұсталатын "
                              "сотталған адвокатына қоңырау шала ала ма?")
    page.fill("#cases-given", "")
    page.fill("#cases-at", "2025-01-15")
    page.locator("#cases-show").click()
    rows = page.locator("#cases section.according.rows > ul > li")
    expect(rows.first).to_be_visible(timeout=120_000)
    assert rows.count() == page.locator("table.decision-table tbody tr").count()
    assert rows.first.get_attribute("data-row") == "1"
    fates = page.locator("#cases section.according.rows li.fate")
    assert {f.get_attribute("data-fate") for f in fates.all()} >= {"decided", "interpreted", "defeated"}
    expect(page.locator("#cases section.according.rows")).to_contain_text("мәртебені шешті")
    page.locator('.tabs [data-view="answers"]').click()
