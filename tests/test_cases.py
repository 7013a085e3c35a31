"""The case space (`zan cases`), `--how`, `--assume`/`--retract` and readings.

The rows are a decision table that agrees with the knowledge base: assignments of the dimensions
are sampled, each is evaluated as an ordinary case (a few through `pipeline.ask`, the rest in one
batch through the IR, the evaluation and the deontic core, never through the case space's
diagrams), and its status must be the status of the first row it matches (hit policy "first"); and
every condition of every row is needed (dropping it, some case gets a row of another status).
"""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path

import pytest

from engine import pipeline
from engine.base.source import Span
from engine.explain.answering import answers
from engine.logic import ir
from engine.logic.evaluator import evaluate
from engine.syntax import nodes as n
from engine.tools import cases as space
from conftest import CASES

BEFORE, AFTER, LATER = datetime.date(2024, 12, 26), datetime.date(2024, 12, 27), datetime.date(2025, 3, 10)


@pytest.fixture(scope="module")
def kb():
    law, _facts, _warnings = pipeline.load_checked(None, [], sample=False)
    return law


def _matches(row, assignment: set) -> bool:
    return all(f in assignment for f in row.holds) and not any(f in assignment for f in row.absent)


def _samples(s, count: int, seed: int) -> list[tuple[tuple, set]]:
    """(values of the question's atom, the dimensions that hold): sparse and dense assignments."""
    rng = random.Random(seed)
    atoms = sorted({r.values for r in s.rows}, key=str)
    out = []
    for k in range(count):
        p = (0.12, 0.3, 0.5)[k % 3]
        out.append((atoms[k % len(atoms)], {d for d in s.dimensions if rng.random() < p}))
    return out


def _evaluate(kb, at, reading, predicate, cases: list[tuple[tuple, set]], persons) -> list[str]:
    """Each case in its own renamed persons, all in one program; the status of the atom in each."""
    rename = lambda v, k: f"{v}_{k}" if v in persons else v
    asked = [(predicate, tuple(rename(v, k) for v in values)) for k, (values, _facts) in enumerate(cases)]
    program = ir.lower(kb, at, reading=reading, asked=asked)    # each case's atom asked, as a ground question is
    for k, (_values, facts) in enumerate(cases):
        for relation, values in facts:
            program.add_fact(relation, tuple(rename(v, k) for v in values), Span("<test>", k + 1, 1))
    model = evaluate(program)
    out = []
    for k, (values, _facts) in enumerate(cases):
        atom = n.Atom(predicate, tuple(n.Constant(rename(v, k), Span("<test>", 0, 0)) for v in values),
                      Span("<test>", 0, 0), Span("<test>", 0, 0))
        found = answers(program, model, n.Query(None, atom, atom.span))
        out.append(found[0].status)
    return out


def _first(s, values, assignment):
    """The row that decides an assignment: the first that matches it (every table ends with "otherwise")."""
    return next(r for r in s.rows if r.values == values and _matches(r, assignment))


def _check_space(kb, s, reading, predicate, count=120, seed=1, through_ask=3, tmp_path=None):
    samples = _samples(s, count, seed)
    statuses = _evaluate(kb, s.at, reading, predicate, samples, set(s.individuals))
    assert s.hit_policy == "first" and all(r.otherwise for r in s.rows if not r.holds and not r.absent)
    for (values, assignment), status in zip(samples, statuses):
        row = _first(s, values, assignment)
        assert row.outcome.status == status, (values, sorted(assignment), row.outcome.status, status)
    if tmp_path is not None:  # a few as ordinary cases, through pipeline.ask and a case file
        for k, (values, assignment) in enumerate(samples[:through_ask]):
            case = tmp_path / f"case{k}.facts"
            case.write_text("".join(f"{space.atom_text(*f)}.\n" for f in sorted(assignment)) or "% nothing\n",
                            encoding="utf-8")
            question = space.atom_text(predicate, values)
            result = pipeline.ask(question, s.at, None, [case], explain=False, reading=reading)
            row = _first(s, values, assignment)
            assert result.traces[0].answer.status == row.outcome.status, (question, sorted(assignment))


@pytest.mark.parametrize("query,at,reading", [
    ("call(C, P, Purpose)", BEFORE, None),
    ("call(C, P, Purpose)", LATER, None),
    ("call(C, P, legal_aid)", LATER, "point_1_words"),
    ("call(C, P, medical_care)", LATER, "medical_call_unconditional"),
    ("call(C, P, social_ties)", BEFORE, "code_list_always_open"),
    pytest.param("visit(C, P, Purpose)", LATER, None, marks=pytest.mark.slow),
])
def test_the_table_agrees_with_the_knowledge_base(kb, query, at, reading, tmp_path):
    s = space.cases(query, at, kb=kb, reading=reading, cite=False)
    assert s.rows and s.dimensions
    _check_space(kb, s, reading, s.query.atom.predicate, tmp_path=tmp_path if reading is None else None)


def test_every_assignment_of_a_small_space_gets_the_status_of_its_first_row(kb):
    s = space.cases("call(C, P, legal_aid)", LATER, kb=kb, cite=False)
    dims = s.dimensions
    assert len(dims) <= 14
    rng = random.Random(3)    # every assignment of at most two facts, and 300 others
    masks = sorted({m for m in range(1 << len(dims)) if bin(m).count("1") <= 2}
                   | {rng.randrange(1 << len(dims)) for _ in range(300)})
    cases = [(s.rows[0].values, {d for i, d in enumerate(dims) if mask >> i & 1}) for mask in masks]
    statuses = _evaluate(kb, LATER, None, "call", cases, set(s.individuals))
    for (values, assignment), status in zip(cases, statuses):
        assert _first(s, values, assignment).outcome.status == status, sorted(assignment)


def _cube(d, row, index):
    literals = {index[f]: True for f in row.holds}
    literals.update({index[f]: False for f in row.absent})
    return d.cube(literals)


@pytest.mark.parametrize("query,given", [pytest.param("call(C, P, Purpose)", (), marks=pytest.mark.slow),   # ~20 s
                                         ("call(C, P, social_ties)", ("in_disciplinary_isolator(c)", "close_relative(c, p)"))])
def test_every_condition_of_every_row_is_needed(kb, query, given):
    """Drop one condition of a row: some case the wider row would take belongs to a row below of another
    status; that case, evaluated the ordinary way, has that other status (so the condition was needed)."""
    from engine.logic.diagrams import Diagrams

    s = space.cases(query, LATER, kb=kb, assumed=list(given), cite=False)
    index = {f: k for k, f in enumerate(s.dimensions)}
    d = Diagrams()
    witnesses, expected = [], []
    checked = 0
    for i, row in enumerate(s.rows):
        table = [r for r in s.rows if r.values == row.values]
        own = table.index(row)
        for fact in row.holds + row.absent:
            checked += 1
            wider = dict(row.__dict__)
            narrower = type(row)(**{**wider, "holds": [f for f in row.holds if f != fact],
                                    "absent": [f for f in row.absent if f != fact]})
            found = None
            for j in range(own + 1, len(table)):
                if table[j].outcome.status == row.outcome.status:
                    continue
                region = d.conj(_cube(d, narrower, index), _cube(d, table[j], index))
                for above in table[:j]:
                    region = d.conj(region, d.neg(_cube(d, above, index)))
                if region != d.false:
                    found = (table[j], {s.dimensions[v] for v in d.cheapest(region)})
                    break
            assert found is not None, ("a condition that is not needed", row.atom, row.holds, row.absent, fact)
            other, assignment = found
            witnesses.append((row.values, assignment | {tuple(space.parse_fact(g)) for g in given}))
            expected.append((other.outcome.status, row.outcome.status, row.atom, fact))
    assert checked > 20
    statuses = _evaluate(kb, LATER, None, "call", witnesses, set(s.individuals))
    for status, (other, own, atom, fact) in zip(statuses, expected):
        assert status == other != own, (atom, fact, status, other, own)


def test_the_scholars_question_fits_in_about_a_dozen_rows(kb):
    s = space.cases("call(C, P, social_ties)", LATER, kb=kb, cite=False,
                    assumed=["in_disciplinary_isolator(c)", "close_relative(c, p)"])
    assert len(s.rows) <= 14
    assert s.rows[-1].otherwise and s.rows[-1].outcome.status == "prohibited"
    assert {r.outcome.status for r in s.rows} == {"permitted", "discretionary", "prohibited"}
    doc = space.document(s)
    assert doc["hit_policy"] == "first" and doc["rows"][-1]["otherwise"]


@pytest.fixture(scope="module")
def ruling(kb):
    return space.cases("call(C, P, Purpose)", BEFORE, kb=kb, compare=AFTER)


def test_the_ruling_changes_exactly_the_rows_it_changes_each_by_cc60_1(kb, ruling):
    doc = space.document(ruling)
    assert doc["changes"]
    for change in doc["changes"]:
        primary = [c for c in change["causes"] if c["primary"]]
        assert primary and all(c["norm"]["citation"] == "cc60 1" for c in primary), change
    changed = {c["row"] for c in doc["changes"]}
    assert changed == {k for k, r in enumerate(ruling.rows) if r.compared.status != r.outcome.status}
    # an assignment's status differs between the dates exactly when it falls in a changed row
    samples = _samples(ruling, 90, seed=7)
    before = _evaluate(kb, BEFORE, None, "call", samples, set(ruling.individuals))
    after = _evaluate(kb, AFTER, None, "call", samples, set(ruling.individuals))
    for (values, assignment), s0, s1 in zip(samples, before, after):
        k = ruling.rows.index(_first(ruling, values, assignment))
        assert (k in changed) == (s0 != s1), (values, sorted(assignment), s0, s1)
        assert (ruling.rows[k].outcome.status, ruling.rows[k].compared.status) == (s0, s1)


def test_the_report_json_has_the_documented_shape(ruling):
    doc = json.loads(json.dumps(space.document(ruling)))
    assert {"query", "at", "individuals", "dimensions", "rows", "gaps", "conflicts", "redundant", "changes"} <= set(doc)
    assert set(doc["individuals"]) >= {"c", "p"}
    row = doc["rows"][0]
    assert {"holds", "absent", "atom", "status", "citations"} <= set(row)
    assert all(f in doc["dimensions"] for r in doc["rows"] for f in r["holds"] + r["absent"])
    undetermined = [doc["rows"][k] for k in doc["gaps"] + doc["outside_scope"]]
    assert undetermined and all(r["status"] == "undetermined" for r in undetermined)
    assert all("outside_scope" in doc["rows"][k] for k in doc["outside_scope"])


def test_readings_are_compared_with_the_reading_as_the_cause(kb):
    s = space.cases("call(C, P, legal_aid)", LATER, kb=kb, versus_reading="point_1_words")
    doc = space.document(s)
    assert doc["changes"]
    for change in doc["changes"]:
        assert "in_solitary_cell(c)" in change["holds"]
        assert change["before"] == "permitted" and change["after"] != "permitted"
        assert any(c["change"] == "reading" and c["norm"]["id"] == "cc60.1.regime.solitary" for c in change["causes"])


def test_the_cli_renders_every_format(zan):
    for fmt in ("text", "markdown", "html", "json"):
        result = zan("cases", "call(C, P, medical_care)", "--at", "2025-01-15", "--format", fmt, "--lang", "ru")
        assert result.exit_code == 0, result.output
        assert "medical_care" in result.output
    bad = zan("cases", "call(C, P, medical_care)", "--reading", "no_such_reading")
    assert bad.exit_code == 1 and "unknown-reading" in bad.output


# ---------------------------------------------------------------- --how

def _status(question, at, facts, assumed=(), reading=None):
    result = pipeline.ask(question, at, None, facts, explain=False, reading=reading,
                          assumptions=pipeline.fact_atoms(assumed))
    return result.traces[0].answer.status


@pytest.mark.parametrize("case,question,status", [
    ("example5-no-death-certificate.facts", "call(bekov, daulet, social_ties)", "permitted"),
    ("advocate-without-contract.facts", None, "permitted"),
    ("solitary-cell.facts", "call(sadykov, kairat, social_ties)", "discretionary"),
])
def test_how_gives_sound_and_minimal_sets(zan, case, question, status):
    facts = [CASES / case]
    if question is None:
        answered = pipeline.ask("call(C, P, legal_aid)", LATER, None, facts, explain=False)
        question = space.atom_text("call", answered.traces[0].answer.values)
    result = zan("ask", question, "--facts", facts[0], "--at", LATER.isoformat(), "--how", status, "--max", "6",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    sets = json.loads(result.stdout)["answers"][0]["how"]
    assert sets, "some facts give the status"
    assert [len(s) for s in sets] == sorted(len(s) for s in sets), "smallest first"
    stated = set(facts[0].read_text(encoding="utf-8").split())
    for s in sets:
        assert not any(f"{f}." in stated for f in s), "a fact the case states is not offered again"
        assert _status(question, LATER, facts, s) == status, ("sound", s)
        for k in range(len(s)):
            assert _status(question, LATER, facts, s[:k] + s[k + 1:]) != status, ("minimal", s, s[k])


def test_how_example_5_names_the_missing_death_certificate(zan):
    result = zan("ask", "call(bekov, daulet, social_ties)", "--facts", CASES / "example5-no-death-certificate.facts",
                 "--at", "2025-03-10", "--how", "permitted", "--max", "1")
    assert result.exit_code == 0
    assert "permitted if: a death certificate of mother is presented (`death_certificate(mother)`)" in result.stdout, result.stdout


def test_how_names_a_new_person_as_such(zan):
    """A new person (or value) of a set is named by a letter of the reader's alphabet, its placeholder only in code."""
    result = zan("ask", "call(bekov, daulet, social_ties)", "--facts", CASES / "example5-no-death-certificate.facts",
                 "--at", "2025-03-10", "--how", "discretionary")
    assert "(a new person: A (`" in result.stdout, result.stdout
    assert "its character: A (`emergency(bekov, " in result.stdout


# ---------------------------------------------------------------- --assume / --retract

def test_an_assumed_fact_is_shown_as_assumed_and_a_retracted_one_is_gone(zan):
    base = ["--facts", CASES / "example5-no-death-certificate.facts", "--at", "2025-03-10", "--format", "json"]
    result = zan("ask", "call(bekov, daulet, social_ties)", *base, "--assume", "death_certificate(mother)")
    answer = json.loads(result.stdout)["answers"][0]
    assert answer["status"] == "permitted"
    text = json.dumps(json.loads(result.stdout), ensure_ascii=False)   # proofs may sit in the shared tables
    assert '"assumed": true' in text and "<assumed>" in text
    gone = zan("ask", "call(bekov, daulet, social_ties)", *base, "--assume", "death_certificate(mother)",
               "--retract", "close_relative(bekov, mother)")   # (not died(mother): the certificate proves it, D12)
    assert json.loads(gone.stdout)["answers"][0]["status"] == "prohibited"
    shown = zan("ask", "call(bekov, daulet, social_ties)", *base[:-2], "--assume", "death_certificate(mother)", "--explain")
    assert "(assumed, <assumed>:1)" in shown.stdout
    diff = zan("diff", "call(bekov, daulet, social_ties)", "--facts", CASES / "example5-no-death-certificate.facts",
               "--from", "2024-12-26", "--to", "2025-03-10", "--assume", "exceptional_circumstance(bekov, flood)")
    assert diff.exit_code == 0 and "cc60 1" in diff.stdout


def test_the_reading_changes_answers_on_every_command(zan):
    solitary = ["--facts", CASES / "solitary-cell.facts", "--at", "2025-03-10", "--format", "json"]
    default = json.loads(zan("ask", "call(sadykov, ospanov, legal_aid)", *solitary).stdout)["answers"][0]
    words = json.loads(zan("ask", "call(sadykov, ospanov, legal_aid)", *solitary, "--reading", "point_1_words").stdout)
    assert default["status"] == "permitted" and words["answers"][0]["status"] == "undetermined"
    query = zan("query", "calls", "sadykov", *solitary, "--reading", "point_1_words")
    assert query.exit_code == 0
    assert all(a["status"] != "permitted" for a in json.loads(query.stdout)["answers"])
    diff = zan("diff", "call(sadykov, P, Purpose)", "--facts", CASES / "solitary-cell.facts", "--at", "2025-03-10",
               "--versus-reading", "point_1_words")
    assert "reads otherwise" in diff.stdout and "cc60.1.regime.solitary" in diff.stdout
    isolator = ["--facts", CASES / "medical-isolator.facts", "--at", "2025-03-10", "--retract"]
    before = zan("ask", "call(C, P, medical_care)", *isolator, "needs_medical_care(tulegenov)", "--format", "json")
    after = zan("ask", "call(C, P, medical_care)", *isolator, "needs_medical_care(tulegenov)", "--format", "json",
                "--reading", "medical_call_unconditional")
    statuses = lambda r: {a["status"] for a in json.loads(r.stdout)["answers"]}
    assert "permitted" not in statuses(before) and "permitted" in statuses(after)


def test_cases_with_an_assumed_fact_keep_only_the_cases_where_it_holds(kb, zan):
    s = space.cases("call(C, P, legal_aid)", LATER, kb=kb, assumed=["in_disciplinary_isolator(c)"])
    assert ("in_disciplinary_isolator", ("c",)) not in s.dimensions
    assert {r.outcome.status for r in s.rows} == {"permitted", "prohibited"}
    _check_space_assumed = [(r.values, set(r.holds) | {("in_disciplinary_isolator", ("c",))}) for r in s.rows]
    statuses = _evaluate(kb, LATER, None, "call", _check_space_assumed, set(s.individuals))
    assert statuses == [r.outcome.status for r in s.rows]
    bad = zan("cases", "call(C, P, legal_aid)", "--assume", "no_such_predicate(c)")
    assert bad.exit_code == 1 and "invalid-query" in bad.output


def test_an_obligation_is_asked_of_the_constants_its_norm_names_and_its_fulfilment_is_a_dimension(kb):
    for at, expected in ((datetime.date(2025, 7, 1), {"fulfilled", "overdue"}), (datetime.date(2025, 3, 1), {"fulfilled", "pending"})):
        s = space.cases("amend(B, A)", at, kb=kb)
        rows = [r for r in s.rows if r.values == ("ministry_of_internal_affairs", "rules819")]
        assert {r.outcome.status for r in rows} == {"obligatory"}
        assert {r.outcome.compliance for r in rows} == expected
        assert {r.outcome.status for r in s.rows if r not in rows} == {"undetermined"}


@pytest.mark.parametrize("query", ["amend(Body, Act)", "amend(ministry_of_internal_affairs, rules819)"])
@pytest.mark.parametrize("at, other", [(AFTER, BEFORE), (datetime.date(2025, 6, 28), datetime.date(2025, 6, 27))])
def test_an_obligation_whose_constants_the_law_names(kb, query, at, other):
    """The law's own constants are not renamed in the representative cases, and the fulfilment of an
    obligation is a fact a case may state, on both sides of a comparison (a plain fact before the norm)."""
    s = space.cases(query, at, kb=kb, compare=other)        # verifies every row against evaluated cases
    named = [r for r in s.rows if r.values == ("ministry_of_internal_affairs", "rules819")]
    assert {r.outcome.status for r in named} == {"obligatory"}
    assert all("__" not in (c.atom or "") for r in s.rows for c in r.causes)


def test_a_predicate_the_law_concludes_with_a_modality_is_undetermined_on_a_day_no_such_norm_is_in_force(kb):
    """The case space says what `zan ask` says: before the norm that makes amending an obligation is in force,
    an atom of `amend` is undetermined in both (it was holds / not established in the case space)."""
    day = datetime.date(2024, 1, 1)
    s = space.cases("amend(Body, Act)", day, kb=kb)
    assert s.rows and {r.outcome.status for r in s.rows} == {"undetermined"}
    result = pipeline.ask("amend(ministry_of_internal_affairs, rules819)", day, None, [], explain=False)
    assert [t.answer.status for t in result.traces] == ["undetermined"]


# ---------------------------------------------------------------- bounded work (issue 23, items 1 and 8)

from engine.logic.diagrams import Budget


def _persons_case(tmp_path, count: int) -> Path:
    """Example 1 (the isolator) with `count` more persons: friends and relatives (r0 is the one called)."""
    text = (CASES / "example1-friend.facts").read_text(encoding="utf-8")
    text += "".join(f"friend(bekov, f{i}).\nclose_relative(bekov, r{i}).\n" for i in range(count // 2))
    path = tmp_path / f"persons{count}.facts"
    path.write_text(text, encoding="utf-8")
    return path


def _how(question, at, facts, status="permitted", limit=None, budget=None):
    result = pipeline.ask(question, at, None, facts, explain=False)
    return space.how_for_result(result, status, limit, budget)


def test_how_grows_linearly_with_the_persons_of_a_case(tmp_path):
    """Before: 24 persons took 772,000 diagram nodes (and 76 s for 12 through the server); the facts of
    one person now sit together in the diagrams and the sets are found lazily, smallest first."""
    work = {}
    for count in (12, 24, 48):
        found = _how("call(bekov, r0, social_ties)", LATER, [_persons_case(tmp_path, count)], limit=1)[0]
        assert found["how"] and found["stopped"] is None and found["more"]
        assert len(found["how"][0]) == 1
        assert _status("call(bekov, r0, social_ties)", LATER, [_persons_case(tmp_path, count)],
                       found["how"][0]) == "permitted"
        work[count] = found["work"]
    assert work[24] < 60_000, work
    assert work[48] < 2.5 * work[24], work       # linear, not exponential


def _hostile_how_kb(root: Path, clauses: int) -> Path:
    """The tiny hostile kb of issue 23: c_i if a_i, c_i if b_i, a norm needing every c_i (2^n minimal sets)."""
    (root / "kb").mkdir(parents=True)
    pred = lambda name: f'predicate {name}(X)\n  kk "{name}"\n  ru "{name}"\n  en "{name}".\n'
    out = ['act h\n  kk "h"\n  ru "h"\n  en "h"\n  kind rules\n  rank 10\n  in force from 2025-01-01.\n',
           pred("p"), pred("go")]
    for i in range(clauses):
        out += [pred(f"a{i}"), pred(f"b{i}"), pred(f"c{i}"), f"c{i}(X) if a{i}(X).\nc{i}(X) if b{i}(X).\n"]
    out.append('norm h.1\n  cites "h 1"\n  kk "h"\n  ru "h"\n  en "h"\n  permitted go(X)\n  if p(X)\n'
               + "\n".join(f"  and c{i}(X)" for i in range(clauses)) + ".\n")
    (root / "kb" / "law.zan").write_text("\n".join(out), encoding="utf-8")
    (root / "case.facts").write_text("p(x).\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("clauses", [10, 40])
def test_how_on_a_hostile_kb_stops_at_max(tmp_path, zan, clauses):
    """Before: 10 clauses took over 110 s (every one of the 2^10 minimal sets was listed, then cut)."""
    root = _hostile_how_kb(tmp_path / "h", clauses)
    result = pipeline.ask("go(x)", datetime.date(2025, 3, 1), root / "kb", [root / "case.facts"], explain=False)
    found = space.how_for_result(result, "permitted", 3)[0]
    assert len(found["how"]) == 3 and found["more"] and found["stopped"] is None
    assert all(len(s) == clauses for s in found["how"])
    assert found["work"] < 2_000 * clauses, found["work"]
    default = space.how_for_result(result, "permitted")[0]       # without --max: HOW_MAX sets, and "more"
    assert len(default["how"]) == space.HOW_MAX and default["more"]
    shown = zan("ask", "go(x)", "--kb", root / "kb", "--facts", root / "case.facts", "--at", "2025-03-01",
                "--how", "permitted", "--max", "2", "--lang", "ru")
    assert shown.exit_code == 0, shown.output
    assert "--max N" in shown.stdout and "есть и другие наборы" in shown.stdout


def test_how_stops_at_its_budget_with_a_message(tmp_path):
    from engine.explain.render.as_cases import how_section

    found = _how("call(bekov, r0, social_ties)", LATER, [_persons_case(tmp_path, 48)],
                 budget=Budget(entries=1_000, seconds=60))
    assert found[0]["stopped"] == {"bound": "entries", "limit": 1_000}
    for language, words in (("en", "memory bound"), ("ru", "предел памяти"), ("kk", "жад шегі")):
        text = how_section(found, "permitted", "text", language)
        assert words in text and "1 000" in text, text
    late = _how("call(bekov, P, social_ties)", LATER, [_persons_case(tmp_path, 48)],
                budget=Budget(entries=5_000_000, seconds=0))
    assert all(f["stopped"] == {"bound": "seconds", "limit": 0} and f["how"] == [] for f in late)


def _hostile_cases_kb(root: Path, norms: int) -> Path:
    """Issue 23 item 8: norms of two conditions each (3^10 rows for 10 of them)."""
    (root / "kb").mkdir(parents=True)
    pred = lambda name: f'predicate {name}(X)\n  kk "{name}"\n  ru "{name}"\n  en "{name}".\n'
    out = ['act h\n  kk "h"\n  ru "h"\n  en "h"\n  kind rules\n  rank 10\n  in force from 2025-01-01.\n', pred("go")]
    for i in range(norms):
        out += [pred(f"a{i}"), pred(f"b{i}"),
                f'norm h.{i + 1}\n  cites "h {i + 1}"\n  kk "h"\n  ru "h"\n  en "h"\n'
                f'  {"permitted" if i % 2 else "prohibited"} go(X)\n  if a{i}(X)\n  and b{i}(X).\n']
    (root / "kb" / "law.zan").write_text("\n".join(out), encoding="utf-8")
    return root / "kb"


@pytest.mark.slow   # builds case spaces up to their bound (~30-80 s)
@pytest.mark.parametrize("norms", [16])
def test_a_case_space_past_its_bound_is_a_located_error_suggesting_given(tmp_path, zan, norms):
    """Before: 10 norms gave 59,049 rows in 57 s and 1.36 GB; 12 norms over 11 GB. Then 10 norms were a table
    of 2,017 rows and 12 stopped at the bound of rows; now a row is split by its deciding norm only (not by
    every norm that agrees), so 12 are a table (test below) and 16 stop at the bound of combinations."""
    kb_dir = _hostile_cases_kb(tmp_path / "h", norms)
    for language, words in (("en", "narrow it"), ("ru", "сузьте"), ("kk", "тарылтыңыз")):
        result = zan("cases", "go(X)", "--kb", kb_dir, "--at", "2025-03-01", "--lang", language)
        assert result.exit_code == 1, result.output
        assert "[too-large]" in result.output and "--given" in result.output and words in result.output
        assert "<query>:1:1" in result.output and "Traceback" not in result.output
    narrowed = zan("cases", "go(X)", "--kb", kb_dir, "--at", "2025-03-01", "--format", "json",
                   *[a for i in range(norms - 4) for a in ("--given", f"a{i}(x)", "--given", f"b{i}(x)")])
    assert narrowed.exit_code == 0, narrowed.output          # narrowed by --given, it fits
    assert json.loads(narrowed.stdout)["rows"]


@pytest.mark.slow   # a table of 2,817 rows
def test_agreeing_norms_do_not_multiply_the_outcomes(tmp_path, zan):
    """12 independent norms: one outcome per deciding norm, not one per set of norms that agree; the space
    that stopped at the bound of rows is now a table (2,817 rows, most of them conflicts)."""
    kb_dir = _hostile_cases_kb(tmp_path / "h", 12)
    result = zan("cases", "go(X)", "--kb", kb_dir, "--at", "2025-03-01", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["rows"]
    assert {r["status"] for r in rows} >= {"permitted", "prohibited"}
    prohibited = {tuple(r["citations"][:1]) for r in rows if r["status"] == "prohibited" and not r.get("ambiguity")}
    assert len(prohibited) <= 6       # one per prohibiting norm, whichever others agree


def test_the_case_space_bound_names_a_value_to_give(kb):
    with pytest.raises(pipeline.ZanError) as e:
        space.cases("call(C, P, Purpose)", LATER, kb=kb, cite=False, max_rows=50)
    d = e.value.diagnostics[0]
    assert d.code == "too-large" and "50" in d.message
    assert "--given" in d.hint and "call(C, P, " in d.hint


def test_a_fact_a_norm_also_derives_stays_a_fact_of_the_case(zan, tmp_path):
    """died(P) is derived from a death certificate (D12) and may also be stated by a case (it is assumable):
    the case space keeps it as a fact, so a contract with a person who has died is not 'permitted'."""
    table = zan("cases", "call(C, P, legal_aid)", "--at", "2025-01-15", "--given", "in_disciplinary_isolator(C)",
                "--given", "advocate(P)")
    assert table.exit_code == 0, table.output
    assert "`died(p)`" in table.stdout and "`death_certificate(p)`" in table.stdout, table.stdout
    case = tmp_path / "dead-advocate.facts"
    case.write_text("convict(c1).\nin_disciplinary_isolator(c1).\nadvocate(p1).\nlegal_aid_contract(c1, p1).\n"
                    "died(p1).\n", encoding="utf-8")
    asked = zan("ask", "call(c1, p1, legal_aid)", "--facts", str(case), "--at", "2025-01-15")
    assert "call(c1, p1, legal_aid): prohibited" in asked.stdout, asked.stdout


def test_the_persons_line_maps_each_letter_to_the_id_its_atoms_use(zan):
    """New persons are named by letters in the readings and keep their ids in the atoms (`close_relative(c, q)`
    read 'R is a close relative of c'): the persons line gives both, in text, Markdown and HTML."""
    args = ("cases", "call(C, P, social_ties)", "--at", "2025-01-15", "--given", "in_disciplinary_isolator(C)",
            "--given", "close_relative(C, P)")
    doc = json.loads(zan(*args, "--format", "json").stdout)
    renamed = {k: v for k, v in doc.get("names", {}).items() if k != v}
    assert renamed, doc.get("names")
    text = zan(*args).stdout
    markdown = zan(*args, "--format", "markdown").stdout
    page = zan(*args, "--format", "html").stdout
    for ident, letter in renamed.items():
        assert f"{letter} (`{ident}`) = " in text, text
        assert f"{letter} (`{ident}`) = " in markdown, markdown
        assert f"{letter} (<code>{ident}</code>) = " in page


def test_a_representative_cases_facts_name_its_persons_back_from_the_values():
    """A row's representative case renames its persons per case (p -> p__3, engine/tools/cases._rename); a cause
    of the row that is a fact is said with the persons' own names, read back from the fact's values (the data),
    never by editing its rendered text."""
    from engine.tools.cases import Individual, _rename, _unrenamed

    people = {"p": Individual("p", set(), "query"), "q": Individual("q", set(), "existential"),
              "k": Individual("k", set(), "case")}
    values = ("p", "q", "k", "law_value", 7)
    renamed = tuple(_rename(v, "3", people) for v in values)
    assert renamed == ("p__3", "q__3", "k", "law_value", 7)
    assert _unrenamed(renamed, "3", people) == values
    assert _unrenamed(("p__31", "q__3x"), "3", people) == ("p__31", "q__3x")   # not this case's persons


def test_each_how_set_of_the_demo_question_gives_the_status_it_claims():
    """`bash run demo`'s question with --how (the sample case): every set listed for every answer, added to
    the case, gives the status; an answer that has it already gets the empty set only."""
    at = datetime.date(2025, 1, 15)
    result = pipeline.ask("call(kunakbaev, P, Purpose)", at, None, None, explain=False)
    found = space.how_for_result(result, "permitted", 3)
    assert len(found) == len(result.traces) > 3
    checked = 0
    for entry, t in zip(found, result.traces):
        assert entry["stopped"] is None, entry
        if t.answer.status == "permitted":
            assert entry["how"] == [[]]
            continue
        assert [] not in entry["how"], entry
        for s in entry["how"]:
            assumed = pipeline.ask(entry["atom"], at, None, None, explain=False, assumptions=pipeline.fact_atoms(s))
            assert assumed.traces[0].answer.status == "permitted", (entry["atom"], s)
            checked += 1
    assert checked > 10
