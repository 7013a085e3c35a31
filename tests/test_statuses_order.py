"""A register's answers in the order of their values (answering.statuses sorts tuples of texts grouped by their first
value, then each group): the same order as one sort of the tuples, whatever the groups' sizes."""

from __future__ import annotations

import random

import pytest

from engine.explain.answering import _sorted


@pytest.mark.parametrize("seed", range(6))
def test_tuples_of_texts_grouped_by_their_first_value_are_in_sorted_order(seed):
    rng = random.Random(seed)
    firsts = [f"c{rng.randrange(1000):03d}" for _ in range(rng.choice([3, 40, 400]))]   # few large groups, many small
    words = ["a", "ab", "b", "", "ä", "Z", "a b", "legal_aid", "social_ties"]
    arity = rng.choice([1, 2, 3])
    found = list({(rng.choice(firsts), *(rng.choice(words) for _ in range(arity - 1))) for _ in range(2000)})
    rng.shuffle(found)
    assert _sorted(list(found)) == sorted(found)
    assert _sorted([]) == [] and _sorted([(), ()]) == [(), ()]
