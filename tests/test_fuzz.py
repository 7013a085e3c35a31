"""Never a traceback: generated programs round-trip through parse -> format -> parse, and mutated
copies of the shipped kb/ files end in located diagnostics through `zan check`.

Example counts are bounded so CI stays quick; a failing example is printed by hypothesis.
"""

from __future__ import annotations

import random
import re

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from engine.base.diagnostics import ZanError  # noqa: E402
from engine.syntax.parser import parse_module  # noqa: E402

from conftest import KB, run_checkout  # noqa: E402

KEYWORDS = {"act", "kind", "rank", "predicate", "reads", "asked", "over", "constant", "norm", "cites",
            "exception", "to", "rests", "on", "see", "interpretation", "deadline", "question", "asks",
            "note", "in", "force", "from", "if", "and", "not", "permitted", "prohibited", "obligatory",
            "discretionary", "undetermined", "holds", "kk", "ru", "en"}

lower = st.from_regex(r"[a-zа-яә][a-z0-9_а-я]{0,6}", fullmatch=True).filter(lambda s: s not in KEYWORDS)
upper = st.from_regex(r"[A-Z][A-Za-z0-9_]{0,4}", fullmatch=True)
string = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='"\\'), max_size=12)
date = st.dates(min_value=__import__("datetime").date(1990, 1, 1)).map(lambda d: d.isoformat())
number = st.integers(-1000, 1000).map(str)
term = st.one_of(lower, upper, string.map(lambda s: f'"{s}"'), date, number)


@st.composite
def atoms(draw, variables=True):
    name = draw(lower)
    args = draw(st.lists(term if variables else st.one_of(lower, string.map(lambda s: f'"{s}"'), number),
                         max_size=4))
    return f"{name}({', '.join(args)})" if args else name


@st.composite
def statements(draw):
    kind = draw(st.sampled_from(["fact", "rule", "predicate", "act", "norm", "constant"]))
    if kind == "fact":
        return f"{draw(atoms(variables=False))}."
    if kind == "rule":
        conditions = draw(st.lists(st.one_of(atoms(), atoms().map(lambda a: f"not {a}"),
                                             st.tuples(term, st.sampled_from(["=", "!=", "<", "<=", ">", ">="]), term)
                                             .map(" ".join)), min_size=1, max_size=3))
        return f"{draw(atoms())} if {' and '.join(conditions)}."
    if kind == "predicate":
        params = draw(st.lists(upper, max_size=3, unique=True))
        return f'predicate {draw(lower)}({", ".join(params)}) en "{draw(string)}".'
    if kind == "act":
        return f'act {draw(lower)} rank {draw(st.integers(0, 99))} in force from {draw(date)} en "{draw(string)}".'
    if kind == "constant":
        return f'constant {draw(lower)} kk "{draw(string)}".'
    modality = draw(st.sampled_from(["permitted", "prohibited", "obligatory"]))
    return (f'norm {draw(lower)}.{draw(st.integers(1, 99))} cites "{draw(lower)} {draw(st.integers(1, 99))}" '
            f'kk "{draw(string)}" {modality} {draw(atoms())} if {draw(atoms())}.')


programs = st.lists(statements(), max_size=8).map("\n".join)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _shape(module):
    """What a module says, without positions: the round trip must keep it."""
    def strip(value):
        if hasattr(value, "__dataclass_fields__"):
            return (type(value).__name__,) + tuple(strip(getattr(value, f)) for f in value.__dataclass_fields__
                                                   if not f.endswith("span") and f != "span")
        if isinstance(value, (tuple, list)):
            return tuple(strip(v) for v in value)
        return value
    return strip(module.statements)


@pytest.mark.slow
@FUZZ
@given(programs)
def test_generated_programs_parse_and_round_trip_through_the_formatter(text):
    try:
        module = parse_module(text, "<generated>")
    except ZanError as e:  # a generated text may still be refused; then with a located diagnostic
        assert all(d.span is not None for d in e.diagnostics)
        return
    try:
        from engine.syntax.formatter import format_text
    except ImportError:
        return
    formatted = format_text(text, "<generated>")
    again = parse_module(formatted, "<formatted>")
    assert _shape(again) == _shape(module)
    assert format_text(formatted, "<formatted>") == formatted


@FUZZ
@given(st.text(max_size=200))
def test_any_text_parses_or_gets_a_located_diagnostic(text):
    try:
        parse_module(text, "<any>")
    except ZanError as e:
        assert e.diagnostics and all(d.span is not None and d.span.line >= 1 for d in e.diagnostics)


def _mutations(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        action = rng.choice(["delete", "insert", "swap", "truncate", "duplicate"])
        if action == "delete":
            del lines[i]
        elif action == "insert":
            lines.insert(i, rng.choice(["(", ")", ".", "if", "not", '"', "norm x.1", "predicate",
                                        "p(X) if q(Y).", "exception to nowhere", "2024-02-30", "%"]))
        elif action == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "truncate":
            lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
        else:
            lines.insert(i, lines[i])
        if not lines:
            lines = [""]
    return lines


KB_FILES = sorted(KB.glob("*.zan"))


@pytest.mark.parametrize("seed", range(12))
def test_mutated_kb_files_end_in_diagnostics(tmp_path, seed):
    rng = random.Random(seed)
    folder = tmp_path / "kb"
    folder.mkdir()
    for path in KB_FILES:
        lines = path.read_text(encoding="utf-8").splitlines()
        if rng.random() < 0.5:
            lines = _mutations(lines, rng)
        (folder / path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_checkout("check", folder)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1), result.stderr[-3000:]
    for line in result.stderr.splitlines():
        if ": error:" in line:
            assert re.match(r"^[^:]+:\d+:\d+: error: .+ \[[a-z-]+\]$", line), line
