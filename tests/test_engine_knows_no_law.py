"""The engine knows nothing about the laws it runs: no name a knowledge base declares is written in engine/.

The names are collected with the engine's own parser from every law of this checkout (kb/ and each
examples/*/ project, with their cases, saved questions and scenarios): predicates, constants, kinds,
readings, saved questions, acts and their abbreviations (the capitalised words of their citation forms),
citation keys, norm ids, and the persons and places the laws name (single-word labels and phrases of
constants and `outside scope` declarations, and every capitalised abbreviation of a label or phrase).
Then every string literal and docstring of engine/**/*.py (read with `ast`), every `#` comment there (read with
`tokenize`), every comment of the DSL's grammars, grammar/*.lark (read with lark's own lexer of grammars: the
grammar is the engine's too, and knows no law either), and every template and static file of the trainers' page
is scanned for them as whole words. A message, a hint, a help text, a comment or an example that needs a name
writes a generic one (p, q, r; persons a, b; an act `code` with "code 12.1.2").
"""

from __future__ import annotations

import ast
import re
import tokenize
from collections import defaultdict
from functools import cache
from pathlib import Path

from engine.base import project
from engine.pipeline import load_knowledge
from engine.syntax import nodes as n
from engine.syntax.knowledge import sample_case_files
from engine.tools.scenarios import parse_scenarios, scenario_files

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "engine"
GRAMMARS = sorted((ROOT / "grammar").glob("*.lark"))
PAGE = [p for p in sorted((ENGINE / "serve").rglob("*")) if p.suffix in {".html", ".js", ".css"}]

# Names of the laws that are also ordinary words of the engine's prose (English, logic, programming): allowed as a
# word, never as an atom (`call(...)` is still found). Each is justified by the prose it is in; a name of a person, a
# place, an act or a citation never belongs here.
ORDINARY_WORDS = {
    "in": "the preposition (a predicate of sg-rule34)",
    "body": "a rule's body, a request's body (a kind of the bundled kb: a state body)",
    "person": "whom a fact is about, a generic person of a case space (a kind of the bundled kb)",
    "position": "a position in a text, a tuple or an argument list (a predicate of sg-rule34)",
    "accept": "what a grammar or a parser accepts (a predicate of sg-rule34)",
    "mark": "a byte-order mark, `mark one default` (a person of an sg-rule34 scenario)",
    "advice": "the checks' advice, the warnings (a service of an sg-rule34 scenario)",
    "call": "a function call, an API call, the command's callers (a predicate of the bundled kb)",
    "calls": "a function that calls another (a saved question of the bundled kb)",
    "purpose": "\"on purpose\", a variable left open on purpose (a predicate and a kind of the bundled kb)",
    "circumstance": "the circumstance a norm rests on, in the checks' advice (a kind of the bundled kb)",
}

# A name of one letter is the generic name itself (p, q, a, b, c): the examples are written with them.
GENERIC = re.compile(r"[^\W\d_]")


def _identifiers(atom) -> tuple[list[str], list[str]]:
    """(predicates, constants) written in an atom, a negation or a comparison (names only, not free text)."""
    if isinstance(atom, n.Negation):
        atom = atom.atom
    terms = (atom.left, atom.right) if isinstance(atom, n.Comparison) else atom.args if isinstance(atom, n.Atom) else ()
    constants = [t.value for t in terms if isinstance(t, n.Constant) and isinstance(t.value, str)]
    return ([atom.predicate] if isinstance(atom, n.Atom) else []), constants


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def _abbreviations(text: str) -> list[str]:
    """Words written in capitals, two letters or more (УИК, ҚАК, НҚ, ШИЗО)."""
    return [w for w in _words(text) if len(w) > 1 and w.isupper()]


@cache
def law_names() -> dict[str, set[str]]:
    """Every name the laws of this checkout declare or use -> where it comes from (for the failure message)."""
    found: dict[str, set[str]] = defaultdict(set)

    def add(name: str, why: str) -> None:
        if name and not name.isdigit():
            found[name].add(why)

    for toml in [ROOT / "zan.toml", *sorted(ROOT.glob("examples/*/zan.toml"))]:
        chosen = project.read(toml)
        law = chosen.name or toml.parent.name
        cases = sorted(f for folder in chosen.cases for f in folder.glob("*.facts")) + sample_case_files(chosen.kb)
        kb, _ = load_knowledge(chosen.kb, cases, list(chosen.questions))
        atoms: list = []
        for clause, _norm in kb.all_clauses():
            atoms += [clause.head, *clause.body]
        atoms += [question.query.atom for question in kb.questions.values()]
        for scenario_file in scenario_files(chosen.scenarios):
            text = scenario_file.read_text(encoding="utf-8")
            for scenario in parse_scenarios(text, str(scenario_file)).scenarios:
                atoms += [e.atom for e in scenario.expectations]
                for clause in scenario.facts:
                    atoms += [clause.head, *clause.body]
        for atom in atoms:
            predicates, constants = _identifiers(atom)
            for name in predicates:
                add(name, f"{law}: predicate")
            for name in constants:
                # a constant that is a name (not free text such as "a fire in the family's house")
                if re.fullmatch(r"[^\W\d]\w*", name):
                    add(name, f"{law}: constant")
        for name, declared in kb.predicates.items():
            add(name, f"{law}: predicate")
            for label in (*declared.labels, *declared.readings, *declared.phrases):
                for word in _abbreviations(label.text):
                    add(word, f"{law}: abbreviation in the labels of {name}")
        for name, constant in kb.constants.items():
            add(name, f"{law}: constant")
            for label in (*constant.labels, *constant.phrases):
                if re.fullmatch(r"[^\W\d]+", label.text) and label.text[0].isupper():
                    add(label.text, f"{law}: the name of {name}")
                for word in _abbreviations(label.text):
                    add(word, f"{law}: abbreviation in the labels of {name}")
        for name, act in kb.acts.items():
            add(name, f"{law}: act")
            for form in (*act.labels, *act.citations, *(form for _part, form in act.part_citations)):
                for word in _abbreviations(form.text):
                    add(word, f"{law}: abbreviation of the act {name}")
        for name, norm in kb.norms.items():
            add(name, f"{law}: norm")
            if norm.citation:
                add(norm.citation, f"{law}: citation")
        for scope in kb.scopes:
            for citation in scope.citations:
                add(citation, f"{law}: citation (outside scope)")
            for label in (*scope.labels, *scope.phrases):
                if re.fullmatch(r"[^\W\d]+", label.text) and label.text[0].isupper():
                    add(label.text, f"{law}: a place it does not speak of")
                for word in _abbreviations(label.text):
                    add(word, f"{law}: a place it does not speak of")
        for names, what in ((kb.kinds, "kind"), (kb.readings, "reading"), (kb.questions, "saved question")):
            for name in names:
                add(name, f"{law}: {what}")
    return dict(found)


@cache
def pattern() -> re.Pattern:
    """The names as whole words (not part of a longer identifier, norm id or hyphenated word); an ordinary word
    only where it is written as an atom (followed by a bracket)."""
    names = sorted((name for name in law_names() if name not in ORDINARY_WORDS and not GENERIC.fullmatch(name)),
                   key=len, reverse=True)
    ordinary = sorted(word for word in ORDINARY_WORDS if word in law_names())
    return re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, names)) + r")(?![\w-]|\.\w)"
                      r"|(?<![\w.-])(" + "|".join(map(re.escape, ordinary)) + r")(?=\()")


def strings_of(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal of a Python file, docstrings and the parts of f-strings included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str))


def comments_of(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every `#` comment of a Python file (a `#` inside a string is no comment)."""
    with tokenize.open(path) as source:
        return [(token.start[0], token.string) for token in tokenize.generate_tokens(source.readline)
                if token.type == tokenize.COMMENT]


def grammar_comments_of(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every comment (`//` or `#`) of a lark grammar, by the terminals of lark's own grammar of
    grammars: a `//` or `#` inside a "string" or a /regular expression/ is no comment."""
    from lark.load_grammar import TERMINALS

    lexer = re.compile("|".join(f"(?P<{name}>{TERMINALS[name]})" for name in ("COMMENT", "STRING", "REGEXP")))
    text, found, at = path.read_text(encoding="utf-8"), [], 0
    while at < len(text):
        m = lexer.match(text, at)
        if m is None or m.end() == at:
            at += 1
            continue
        if m.lastgroup == "COMMENT":
            start = m.start() + len(m.group()) - len(m.group().lstrip())   # the pattern takes the blanks before it
            found.append((text.count("\n", 0, start) + 1, m.group().strip()))
        at = m.end()
    return found


def hits(texts: list[tuple[int, str]], where: Path) -> list[str]:
    found = law_names()
    return [f"{where.relative_to(ROOT)}:{line}: {m.group(0)!r} ({', '.join(sorted(found[m.group(0)]))})"
            for line, text in texts for m in pattern().finditer(text)]


def test_the_names_are_collected_from_every_law():
    """The collection finds what it is meant to find (a broken collector would make the scan pass vacuously)."""
    names = law_names()
    for name in ("call", "in_disciplinary_isolator", "kunakbaev", "Kunakbayev", "Кунакбаев", "Құнақбаев",
                 "social_ties", "pec", "pec 134.1.2", "pec.134.1.2.calls", "rules819", "permitted-calls",
                 "УИК", "ШИЗО", "СИЗО", "lppcr", "lppcr 34.1.a", "executive_appointment", "Singapore",
                 "erlanov"):          # a constant only a scenario of the bundled kb names
        assert name in names, name
    assert all(word in names for word in ORDINARY_WORDS), "an ordinary word that no law uses any more: drop it"


def test_no_string_of_the_engine_names_a_law():
    found = [hit for path in sorted(ENGINE.rglob("*.py")) for hit in hits(strings_of(path), path)]
    assert not found, "names of a law in engine/ (write a generic example: p, q, a, b, code 12.1.2):\n" + "\n".join(found)


def test_no_comment_of_the_engine_names_a_law():
    found = [hit for path in sorted(ENGINE.rglob("*.py")) for hit in hits(comments_of(path), path)]
    assert not found, "names of a law in comments of engine/ (write a generic example: p, q, a, b, code 12.1.2):\n" + \
        "\n".join(found)


def test_no_comment_of_the_grammar_names_a_law():
    assert GRAMMARS, "grammar/*.lark was not found"
    assert all(grammar_comments_of(path) for path in GRAMMARS), "a grammar whose comments were not read"
    found = [hit for path in GRAMMARS for hit in hits(grammar_comments_of(path), path)]
    assert not found, "names of a law in comments of grammar/ (write a generic example: p, q, a, b, code 12.1.2):\n" + \
        "\n".join(found)


def test_the_trainers_page_names_no_law():
    assert PAGE, "the page's templates and static files were not found"
    found = [hit for path in PAGE
             for hit in hits(list(enumerate(path.read_text(encoding="utf-8").splitlines(), 1)), path)]
    assert not found, "names of a law in the page's templates or static files:\n" + "\n".join(found)


def test_the_scan_finds_a_name_written_in_the_engine(tmp_path):
    """The scan sees docstrings, strings and f-strings, whole words only, and reports file:line."""
    module = ROOT / "engine" / "example.py"          # shown relative to the checkout; never written there
    source = ('"""Asks call(kunakbaev, P, Purpose)."""\nX = f"{1} pec 134.1.2"\n'
              'Y = "recall, a calls_of, in_disciplinary_isolator_x, the Kunakbayev\'s"\n')
    (tmp_path / "example.py").write_text(source, encoding="utf-8")
    shown = hits(strings_of(tmp_path / "example.py"), module)
    assert [hit.split(" (")[0] for hit in shown] == [
        "engine/example.py:1: 'call'", "engine/example.py:1: 'kunakbaev'", "engine/example.py:2: 'pec 134.1.2'",
        "engine/example.py:3: 'Kunakbayev'"]


def test_the_scan_reads_the_comments_of_python_and_of_a_grammar(tmp_path):
    """Comments are scanned, and only comments: a `#` in a Python string, a `//` or `#` in a grammar's string or
    regular expression starts none; a comment's line is its own, after blank lines and at a line's end."""
    python = tmp_path / "example.py"
    python.write_text('X = "# kunakbaev"  # asks call(a, b)\n\n# the pec 134.1.2 of it\nY = 1\n', encoding="utf-8")
    assert comments_of(python) == [(1, "# asks call(a, b)"), (3, "# the pec 134.1.2 of it")]
    shown = hits(comments_of(python), ROOT / "engine" / "example.py")
    assert [hit.split(" (")[0] for hit in shown] == ["engine/example.py:1: 'call'", "engine/example.py:3: 'pec 134.1.2'"]
    grammar = tmp_path / "example.lark"
    grammar.write_text('// the act of pec 134.1.2\nstart: "// kunakbaev" URL  // spouse(a, b)\n\n'
                       'URL: /https?:\\/\\/ # aigul/\n   # died(x)\n%ignore URL\n', encoding="utf-8")
    assert grammar_comments_of(grammar) == [(1, "// the act of pec 134.1.2"), (2, "// spouse(a, b)"), (5, "# died(x)")]
    shown = hits(grammar_comments_of(grammar), ROOT / "grammar" / "example.lark")
    assert [hit.split(" (")[0] for hit in shown] == [
        "grammar/example.lark:1: 'pec 134.1.2'", "grammar/example.lark:2: 'spouse'", "grammar/example.lark:5: 'died'"]
