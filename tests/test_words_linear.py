"""A question in words is read in time linear in its length: runs of filler words are skipped in one step
(the red team's 6,000 repeated "receive" or "адам" took 37-52 s). The work is counted, not timed: the
comparisons of a written word with a known one, for a question and for the same question twice as long."""

from __future__ import annotations

import pytest

from engine.tools import understanding as u


@pytest.fixture(scope="module")
def kb():
    return u.knowledge()


def work(kb, monkeypatch, text: str) -> int:
    count = [0]
    similar, filler = u._similar, u.Lexicon.is_filler

    def counted_similar(a, b):
        count[0] += 1
        return similar(a, b)

    def counted_filler(self, token):
        count[0] += 1
        return filler(self, token)

    with monkeypatch.context() as m:
        m.setattr(u, "_similar", counted_similar)
        m.setattr(u.Lexicon, "is_filler", counted_filler)
        u.understand(text, kb)
        u.language_of(text, kb)
    return count[0]


@pytest.mark.parametrize("filler", ["receive", "адам", "the"])
@pytest.mark.parametrize("where", ["middle", "end"])
def test_fillers_cost_the_same_each_however_many(kb, monkeypatch, filler, where):
    def question(n):
        run = " ".join([filler] * n)
        if where == "middle":
            return f"Which calls are {run} permitted for Kunakbayev on 15 January 2025?"
        return f"Which calls are permitted for Kunakbayev on 15 January 2025 {run}"

    small, large = work(kb, monkeypatch, question(400)), work(kb, monkeypatch, question(800))
    base = work(kb, monkeypatch, question(0))
    assert large - base <= 2.2 * (small - base) + 50, (base, small, large)


def test_the_meaning_is_kept(kb):
    text = "Which calls are permitted for Kunakbayev on 15 January 2025?"
    assert u.understand(text, kb).atom_text == u.understand(
        "Which calls are " + "the " * 50 + "permitted for Kunakbayev on 15 January 2025?", kb).atom_text


@pytest.mark.parametrize("unit", ["zzz Оспанову ", "позвонить Оспанову zzz ", "поговорить Оспанову по "])
def test_phrases_around_names_cost_the_same_each_however_many(kb, monkeypatch, unit):
    """A phrase read around the names it takes looks only a few words ahead: a question of such words repeated costs
    work in proportion to its length."""
    def question(n):
        return "Может ли Кунакбаев " + unit * n + "?"
    once, twice = work(kb, monkeypatch, question(200)), work(kb, monkeypatch, question(400))
    assert twice <= 2.3 * once, (once, twice)
