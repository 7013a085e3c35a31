"""`zan diff` and the trainers' diff view take a question in words (issue 24, item 11)."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT


def test_zan_diff_takes_a_question_in_words(zan, monkeypatch):
    """Issue 24, item 11: `zan diff` understands a question in words as `zan ask` does."""
    monkeypatch.chdir(ROOT)
    result = zan("diff", "which calls are permitted for Kunakbayev?", "--from", "2024-12-26", "--to", "2024-12-27",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["query"] == "permitted call(kunakbaev, Person, Purpose)"
    assert [c["atom"] for c in doc["changes"]] == ["call(kunakbaev, ospanov, legal_aid)"]
    assert doc["question"]["understood"] == doc["query"]


# Two readings compared on one day (`--versus-reading`): the sides are the readings, named in the reader's language,
# never "was"/"becomes" with the one date twice.
VERSUS = {"en": "Can Sadykov call Ospanov for legal aid according to cc60 1?",
          "ru": "Согласно п. 1 нормативного постановления № 60-НП, может ли Садыков позвонить Оспанову для получения "
                "юридической помощи?",
          "kk": "cc60 1 бойынша Садықов Оспановқа заң көмегін алу үшін қоңырау шала ала ма?"}
TIME_WORDS = {"en": ("was (", "becomes ("), "ru": ("было (", "стало ("), "kk": ("бұрын (", "енді (")}


def _reading_labels(language: str) -> tuple[str, str]:
    from engine.syntax import nodes as n
    from engine.tools.understanding import knowledge

    readings = knowledge().readings
    return tuple(n.label_of(readings[name].labels, language, name)   # type: ignore[return-value]
                 for name in ("solitary_cell_in_point_1", "point_1_words"))


def _versus(zan, language: str, fmt: str, *more: str):
    result = zan("diff", VERSUS[language], "--facts", "kb/cases/solitary-cell.facts", "--at", "2025-03-10",
                 "--versus-reading", "point_1_words", "--lang", language, "--format", fmt, *more)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "dot"])
@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_two_readings_on_one_day_are_named_by_their_readings(zan, monkeypatch, language, fmt):
    monkeypatch.chdir(ROOT)
    out = _versus(zan, language, fmt, "--explain")
    if fmt == "dot":   # each side's box: the atom, then the side's reading and its status (not the one date twice)
        first, second = _reading_labels(language)
        boxes = [line for line in out.splitlines() if "[label=\"call(sadykov, ospanov, legal_aid)\\n" in line]
        assert len(boxes) == 2 and f"«{first}»" in boxes[0] and f"«{second}»" in boxes[1], boxes
        assert "2025-03-10" not in " ".join(boxes) and "10 марта" not in " ".join(boxes)
        return
    assert "call(sadykov, ospanov, legal_aid)" in out
    for time_word in TIME_WORDS[language]:
        assert time_word not in out and time_word.capitalize() not in out
    first, second = _reading_labels(language)
    if fmt in ("html", "markdown"):   # both escape the apostrophe of a label as &#x27;
        import html
        out = html.unescape(out)
    # each side of the change, in the explanation and in what the cited provision's norms did at it, by its reading
    assert out.count(first) >= 3 and out.count(second) >= 3, out


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_json_of_two_readings_names_its_sides(zan, monkeypatch, language):
    monkeypatch.chdir(ROOT)
    doc = json.loads(_versus(zan, language, "json"))
    first, second = _reading_labels(language)
    assert first in doc["sides"]["before"] and second in doc["sides"]["after"]
    assert set(doc["changes"][0]["according_to"]) == {"before", "after"}
    dated = json.loads(zan("diff", "call(sadykov, P, Purpose)", "--facts", "kb/cases/solitary-cell.facts",
                           "--from", "2024-12-26", "--to", "2024-12-27", "--format", "json").stdout)
    assert "sides" not in dated      # two dates: the sides are the dates (`from`, `to`)
