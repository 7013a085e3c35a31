"""The line reader for plain fact files gives exactly the AST the grammar gives, or leaves the file to it."""

import random

import pytest

from conftest import KB
from engine.syntax import parser
from engine.syntax.facts import read_plain_facts


def by_grammar(text: str, path: str):
    tree = parser._parse(text, path, "start")
    builder = parser.Builder(path)
    return tuple(builder.statement(child) for child in tree.children)


@pytest.mark.parametrize("path", sorted(KB.glob("*/*.facts")), ids=lambda p: p.name)
def test_shipped_cases_read_the_same(path):
    text = path.read_text(encoding="utf-8")
    fast = read_plain_facts(text, path.name)
    assert fast is not None
    assert fast.statements == by_grammar(text, path.name)


def test_random_fact_files_read_the_same():
    rng = random.Random(60)
    names = ["kunakbaev", "құлмаханов", "a_1", '"A. F. Кунакбаев"', "2024-12-27", "42", "-1.5", "ospanov"]
    for _ in range(50):
        lines = []
        for _ in range(rng.randint(1, 30)):
            args = ", ".join(rng.choice(names) for _ in range(rng.randint(1, 3)))
            space = rng.choice(["", " ", "  "])
            interval = rng.choice(["", " from 2025-01-01", " from 2024-12-01 to 2025-01-31"])
            comment = rng.choice(["", "  % note", "%x"])
            lines.append(rng.choice(["", "  "]) + f"fact{space}({space}{args}{space}){interval}{space}.{comment}")
            if rng.random() < 0.2:
                lines.append(rng.choice(["", "% a comment", "   "]))
        text = "\n".join(lines) + rng.choice(["", "\n"])
        fast = read_plain_facts(text, "r.facts")
        assert fast is not None, text
        assert fast.statements == by_grammar(text, "r.facts"), text


@pytest.mark.parametrize("text", ["act(x).", "p(X).", "p(a) if q(a).", "p(a). p(b).", 'p("a\\"b").',
                                  "p(2025-02-30).", "raining.", "p(a)", "permitted p(a).", "p(a) from 2025-13-01."])
def test_anything_else_goes_to_the_grammar(text):
    assert read_plain_facts(text, "b.facts") is None


def test_random_fact_files_with_tabs_returns_and_more_arguments_read_the_same():
    """The reader matches every line of the text with one pattern (a fact's first two arguments apart): tabs, blanks
    around commas, carriage returns and facts of one to five arguments read as the grammar reads them."""
    rng = random.Random(25)
    names = ["kunakbaev", "құлмаханов", "a_1", '"x, y"', '""', "2024-12-27", "42", "-1.5", "ospanov", "zz9"]
    for _ in range(60):
        lines = []
        for _ in range(rng.randint(1, 20)):
            args = rng.choice([", ", ",", " , ", "\t,\t"]).join(rng.choice(names) for _ in range(rng.randint(1, 5)))
            space = rng.choice(["", " ", "\t"])
            interval = rng.choice(["", "", " from 2025-01-01", "\tfrom 2024-12-01 to 2025-01-31"])
            comment = rng.choice(["", "  % note", "%x"])
            lines.append(rng.choice(["", "\t"]) + f"fact{space}({space}{args}{space}){interval}{space}.{comment}")
            if rng.random() < 0.2:
                lines.append(rng.choice(["", "% a comment", "   "]))
        text = rng.choice(["\n", "\r\n"]).join(lines) + rng.choice(["", "\n", "\r\n"])
        fast = read_plain_facts(text, "r.facts")
        assert fast is not None, text
        assert fast.statements == by_grammar(text, "r.facts"), text


@pytest.mark.parametrize("text", ["p(a).\rq(b).\n", "p(a).\r\r\n", "p(a, b, c, X).", "p(a, b, \"c).", "p(a) .q"])
def test_a_line_of_anything_else_goes_to_the_grammar(text):
    assert read_plain_facts(text, "b.facts") is None
