"""The law's third round (issue 21): answers the scenarios cannot state (--how), and the words answers use."""

from __future__ import annotations

import json

from helpers import answer_of, ask

BEKOV = "convict(bekov).\nin_disciplinary_isolator(bekov).\nclose_relative(bekov, mother).\nclose_relative(bekov, daulet).\n"


def test_how_offers_the_death_certificate_alone(zan, tmp_path):
    """A death certificate proves the death (BRIEF D12): --how no longer asks for died(X) beside it."""
    case = tmp_path / "case.facts"
    case.write_text(BEKOV, encoding="utf-8")
    result = zan("ask", "call(bekov, daulet, social_ties)", "--facts", str(case), "--at", "2025-03-10", "--how", "permitted")
    assert result.exit_code == 0, result.output
    assert "permitted if: death_certificate(mother)\n" in result.stdout
    assert "died(" not in result.stdout
