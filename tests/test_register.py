"""Registers in partitions (issue 11, items 4 and 5): the same answers as one evaluation, the same bytes for
any --jobs, cases joined by a rule kept together, the partition step as a plain function (and on Dask)."""

from __future__ import annotations

import datetime
import json

import pytest

from engine.explain.explanation import Explainer
from engine.explain.render import as_json
from engine.pipeline import prepare
from engine.tools import register

QUERY = "call(C, P, Purpose)"
AT = "2025-03-10"


def facts_of(convicts: int) -> str:
    lines = ["advocate(adv_1)."]
    for i in range(convicts):
        c = f"k{i:03d}"
        lines += [f"convict({c}).", f"close_relative({c}, m{i:03d}).", f"spouse({c}, s{i:03d})."]
        lines.append([f"in_disciplinary_isolator({c}).", f"in_solitary_cell({c}).", f"in_strict_conditions({c}).", ""][i % 4])
        if i % 3 == 0:
            lines += [f"died(m{i:03d}).", f"death_certificate(m{i:03d})."]
        if i % 5 == 0:
            lines.append(f"legal_aid_contract({c}, adv_1).")
        if i % 7 == 0:
            lines += [f"listed_exceptional_circumstance({c})." if False else f"quarantine({c}).",
                      f'exceptional_circumstance({c}, "a wedding").']
    return "\n".join(line for line in lines if line) + "\n"


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    path = tmp_path_factory.mktemp("register") / "register.facts"
    path.write_text(facts_of(40), encoding="utf-8")
    return path


def out(zan, *args) -> str:
    result = zan(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_same_bytes_for_one_job_and_two(zan, case, fmt):
    args = ("ask", QUERY, "--facts", str(case), "--at", AT, "--format", fmt, "--trace", "brief", "--partition", "40")
    one, two = out(zan, *args, "--jobs", "1"), out(zan, *args, "--jobs", "2")
    assert one == two


def statuses(text: str, fmt: str) -> dict[str, str]:
    if fmt == "json":
        return {a["atom"]: a["status"] for a in json.loads(text)["answers"]}
    return {v["atom"]: v["status"] for line in text.splitlines() for k, v in json.loads(line).items() if k == "answer"}


def test_partitions_give_the_answers_of_one_evaluation(zan, case):
    whole = out(zan, "ask", QUERY, "--facts", str(case), "--at", AT, "--format", "json", "--trace", "brief")
    split = out(zan, "ask", QUERY, "--facts", str(case), "--at", AT, "--format", "json", "--trace", "brief",
                "--partition", "25", "--jobs", "1")
    assert statuses(split, "json") == statuses(whole, "json")
    doc = json.loads(split)
    assert len(doc["answers"]) == len(json.loads(whole)["answers"]), "no answer twice"
    assert set(doc) >= {"answers", "norms", "proofs", "schema", "trace"}
    used = {c["id"] for a in doc["answers"] for c in a["trace"]["decided_by"]["conditions"] if c["kind"] == "rule"} \
        if all(a["trace"].get("decided_by") for a in doc["answers"]) else set()
    assert used <= set(doc["proofs"])


def test_the_plan_splits_by_cases_and_broadcasts_cross_joins(case):
    result = prepare(QUERY, datetime.date.fromisoformat(AT), None, [case])
    sizes = {r: len(f) for r, f in result.program.facts.items()}
    plan = register.layout(result.program, sizes, "call")
    assert plan is not None
    assert "advocate" in plan.broadcast  # `contact(C, P) if convict(C) and advocate(P)`: every partition needs it
    assert ("convict", 0) in plan.linking and ("close_relative", 0) in plan.linking
    assert ("exceptional_circumstance", 1) not in plan.linking  # a description ties no cases together
    batch = register.Register(result, "brief", "en", limit=25)
    assert batch.split and len(batch.parts) > 2
    for part in batch.parts:  # every convict's facts in one partition
        convicts = {v[0] for r, v, _s in part if r == "convict"}
        for other in batch.parts:
            if other is not part:
                assert not convicts & {v[0] for r, v, _s in other if r != "advocate"}


def test_a_register_leaves_the_callers_result_as_it_was(case):
    """The partitions hold the case; the Register keeps a kb of its own without it, and the caller's result (its
    kb's clauses and modules, its program's facts) is not touched: `lean` gives the caller one without the case."""
    result = prepare(QUERY, datetime.date.fromisoformat(AT), None, [case])
    clauses, modules = list(result.kb.clauses), list(result.kb.modules)
    facts = {r: dict(f) for r, f in result.program.facts.items()}
    batch = register.Register(result, "brief", "en", limit=25)
    assert batch.split
    assert result.kb.clauses == clauses and result.kb.modules == modules and result.program.facts == facts
    assert str(case) in {c.span.file for c in result.kb.clauses}
    assert str(case) not in {c.span.file for c in batch.kb.clauses} | {m.path for m in batch.kb.modules}
    lean = batch.lean(result)
    assert lean.kb is batch.kb and not lean.program.facts and lean.query == result.query
    assert len(batch.kb.clauses) < len(clauses)


def test_cases_joined_by_a_rule_stay_together(zan, tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(
        'predicate person(P) en "person".\npredicate lives(P, T) en "lives".\npredicate neighbour(P, Q) en "neighbour".\n'
        "neighbour(P, Q) if lives(P, T) and lives(Q, T) and P != Q.\n", encoding="utf-8")
    facts = tmp_path / "town.facts"
    facts.write_text("".join(f"person(p{i}).\nlives(p{i}, t{i % 3}).\n" for i in range(30)), encoding="utf-8")
    args = ("ask", "neighbour(P, Q)", "--kb", str(kb), "--facts", str(facts), "--at", AT, "--format", "json")
    whole = statuses(out(zan, *args), "json")
    split = statuses(out(zan, *args, "--partition", "4", "--jobs", "1"), "json")
    assert split == whole and len(whole) == 3 * 10 * 9


def test_a_shared_constant_in_a_joined_head_keeps_one_partition(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(
        'predicate a(P) en "a".\npredicate tag(P, T) en "tag".\npredicate pair(P, Q) en "pair".\n'
        "tag(P, shared) if a(P).\npair(P, Q) if tag(P, T) and tag(Q, T).\n", encoding="utf-8")
    facts = tmp_path / "a.facts"
    facts.write_text("".join(f"a(x{i}).\n" for i in range(10)), encoding="utf-8")
    result = prepare("pair(P, Q)", datetime.date.fromisoformat(AT), kb, [facts])
    assert register.layout(result.program, {}) is None
    assert not register.Register(result, "brief", "en", limit=2).split


def test_a_value_of_broadcast_facts_joined_under_not_splits_and_is_sound(zan, tmp_path):
    """`reach(C, P) if member(C) and office(P)` fills P from broadcast facts only; `open(C, P) if reach(C, P)
    and not closed(P)` joins it with a case fact. The register still splits (it stayed whole before), a
    `closed` fact naming an office goes to every partition, and a fact naming a case keeps one partition."""
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(
        'predicate member(C) en "member".\npredicate office(P) en "office".\npredicate closed(P) en "closed".\n'
        'predicate reach(C, P) en "reach".\npredicate open(C, P) en "open".\npredicate paired(C, P) en "paired".\n'
        "reach(C, P) if member(C) and office(P).\nopen(C, P) if reach(C, P) and not closed(P).\n"
        "open(C, P) if paired(C, P).\n", encoding="utf-8")
    lines = ["office(o1).", "office(o2).", "closed(o1)."]
    for i in range(24):
        lines += [f"member(c{i}).", f"paired(c{i}, p{i})."] + ([f"closed(p{i})."] if i % 5 == 0 else [])
    facts = tmp_path / "members.facts"
    facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ("ask", "open(C, P)", "--kb", str(kb), "--facts", str(facts), "--at", AT, "--format", "json")
    whole = statuses(out(zan, *args), "json")
    split = statuses(out(zan, *args, "--partition", "6", "--jobs", "1"), "json")
    assert split == whole and ("open(c3, o1)" not in whole) and "open(c3, o2)" in whole and len(whole) == 24 * 2
    result = prepare("open(C, P)", datetime.date.fromisoformat(AT), kb, [facts])
    batch = register.Register(result, "brief", "en", limit=6)
    assert batch.split and len(batch.parts) > 2
    assert ("closed", ("o1",)) in {(r, v) for r, rows in batch.base.items() for v in rows}   # needed everywhere


def test_the_bundled_law_splits_a_register_with_a_dead_advocate(zan, tmp_path):
    facts = tmp_path / "register.facts"
    facts.write_text(facts_of(40) + "died(adv_1).\n", encoding="utf-8")
    args = ("ask", QUERY, "--facts", str(facts), "--at", AT, "--format", "json", "--trace", "brief")
    whole = statuses(out(zan, *args), "json")
    split = statuses(out(zan, *args, "--partition", "25", "--jobs", "1"), "json")
    assert split == whole
    alive = tmp_path / "alive.facts"
    alive.write_text(facts_of(40), encoding="utf-8")
    before = statuses(out(zan, "ask", QUERY, "--facts", str(alive), "--at", AT, "--format", "json", "--trace", "brief"), "json")
    assert before["call(k000, adv_1, legal_aid)"] == "permitted" != whole["call(k000, adv_1, legal_aid)"]   # the death counts
    result = prepare(QUERY, datetime.date.fromisoformat(AT), None, [facts])
    assert register.Register(result, "brief", "en", limit=25).split


@pytest.mark.parametrize("fmt, trace", [("jsonl", "brief"), ("json", "brief"), ("jsonl", "none"), pytest.param("json", "full", marks=pytest.mark.slow)])
def test_answers_by_shape_are_the_bytes_of_answers_one_by_one(zan, monkeypatch, tmp_path, fmt, trace):
    """Answers of one shape (register.shape_of: undecided, or decided by one norm with the same defeats, citations
    and deciding rule) are filled in from the first of their shape (Explainer.refill): the same bytes."""
    path = tmp_path / "register.facts"
    path.write_text(facts_of(60) + "".join(f"convict(z{i:03d}).\nspouse(z{i:03d}, w{i:03d}).\n" for i in range(30)),
                    encoding="utf-8")
    args = ("ask", QUERY, "--facts", str(path), "--at", AT, "--format", fmt, "--trace", trace, "--partition", "150", "--jobs", "1")
    filled: list[str] = []
    refill = Explainer.refill
    monkeypatch.setattr(Explainer, "refill", lambda self, shape, t: filled.append(t.answer.status) or refill(self, shape, t))
    # an undetermined answer no norm applies to: a row of its shape's values, with no Answer, trace or dictionary made
    row = register.Row
    monkeypatch.setattr(register, "Row", lambda rows, args: filled.append(rows.first["status"]) or row(rows, args))
    templates: list = []   # each shape's text written once, cut where its answers differ (as_json._by_form)
    template = as_json._template
    monkeypatch.setattr(as_json, "_template", lambda *args: templates.append(template(*args)) or templates[-1])
    written: list = []   # an undecided answer's text from its values, by its shape's template (as_json._row_template)
    row_template = as_json._row_template
    monkeypatch.setattr(as_json, "_row_template", lambda *args: written.append(row_template(*args)) or written[-1])
    by_shape = out(zan, *args)
    assert all(templates) and (trace == "full" or len(templates) > 3 and len(filled) > 10 * len(templates))
    assert all(written) and (trace == "full" or written), "the template wrote the first answer's own text"
    monkeypatch.setattr(register, "SHAPES", False)
    one_by_one = out(zan, *args)
    assert by_shape == one_by_one
    assert by_shape.count('"undetermined"') > 30   # the shape was met (and filled in) many times
    if trace != "full":
        assert filled.count("undetermined") > 30 and filled.count("permitted") >= 5 and filled.count("prohibited") > 10


@pytest.mark.parametrize("trace", ["brief", "none"])
def test_an_undecided_answer_is_a_row_until_its_dictionary_is_asked_for(case, monkeypatch, trace):
    """A register's undecided answers are rows of values (explanation.Row): their dictionary, asked for as a mapping,
    by `dict()` or after they were sent to another process (--jobs: their rows once, each row's reading with it), is
    the one each answer gets explained one by one, and so is the text written from them."""
    import pickle

    result = prepare(QUERY, datetime.date.fromisoformat(AT), None, [case])
    batch = register.Register(result, trace, "en", limit=25)
    assert batch.split
    rows = [entry for _t, _k, entry in batch.run(0) if isinstance(entry, register.Row)]
    monkeypatch.setattr(register, "SHAPES", False)
    one_by_one = {entry["atom"]: entry for table, _k, entry in batch.run(0) if table == "answer"}
    assert len(rows) > 20 and len({row.rows.first["atom"] for row in rows}) < len(rows) / 5
    sent = pickle.loads(pickle.dumps(rows))
    assert len({id(row.rows) for row in sent}) == len({id(row.rows) for row in rows})   # each shape's rows once
    for row, received in zip(rows, sent):
        made = row.dict()
        assert made == one_by_one[made["atom"]] and dict(row) == made and row["atom"] == made["atom"]
        assert type(received) is register.Row and received.rows.phrases is None and received.dict() == made
        for writer, whole, part in (("jsonl", as_json._answer_line, as_json._compact),
                                    ("json", as_json._in_document, as_json._dumps)):
            assert as_json._row_text(received, writer, whole, part) == as_json._row_text(row, writer, whole, part) \
                == whole(made)
    assert all(row.rows.texts["jsonl"] for row in sent), "written from their template"


@pytest.mark.parametrize("trace", ["brief", "none"])
def test_a_decided_answer_is_a_row_until_its_dictionary_is_asked_for(case, monkeypatch, trace):
    """A register's decided answers of a known shape are rows too (explanation.Rows with `extra`): the atom's values,
    then the deciding norm's entry and the summary, shared by the answers whose deciding proofs show the same bindings
    and rest on the same conditions (Explainer.deciding). Their dictionary (as a mapping, `dict()`, after pickling,
    with the shared entries sent once) is the one each answer gets explained one by one, and so is their text, which
    is written from the shape's template (each shared entry's text made once)."""
    import pickle

    result = prepare(QUERY, datetime.date.fromisoformat(AT), None, [case])
    batch = register.Register(result, trace, "en", limit=1000)
    rows = [entry for table, _k, entry in batch.run(0) if table == "answer"
            and isinstance(entry, register.Row) and entry.rows.first["status"] != "undetermined"]
    monkeypatch.setattr(register, "SHAPES", False)
    one_by_one = {entry["atom"]: entry for table, _k, entry in batch.run(0) if table == "answer"}
    statuses = {row.rows.first["status"] for row in rows}
    assert {"prohibited", "permitted"} <= statuses and len(rows) > 15
    assert all(row.rows.extra == (2 if trace == "brief" else 0) for row in rows)
    if trace == "brief":   # the deciding entries: one per convict's deciding proof, not one per shape, not per answer
        entries = {id(row.args[-2]) for row in rows}
        assert len({id(row.rows) for row in rows}) < len(entries) < len(rows)
        assert all(row["trace"]["decided_by"]["bindings"]["C"] == row["bindings"]["C"] for row in rows)
    sent = pickle.loads(pickle.dumps(rows))
    assert len({id(row.rows) for row in sent}) == len({id(row.rows) for row in rows})   # each shape's rows once
    if trace == "brief":
        assert len({id(row.args[-3]) for row in sent}) == len({id(row.args[-2]) for row in rows})   # each entry once
    for row, received in zip(rows, sent):
        made = row.dict()
        assert made == one_by_one[made["atom"]] and dict(row) == made and row["trace"] == made["trace"]
        assert type(received) is register.Row and received.rows.phrases is None and received.dict() == made
        for writer, whole, part in (("jsonl", as_json._answer_line, as_json._compact),
                                    ("json", as_json._in_document, as_json._dumps)):
            assert as_json._row_text(received, writer, whole, part) == as_json._row_text(row, writer, whole, part) \
                == whole(made) == whole(one_by_one[made["atom"]])
    assert all(row.rows.texts["jsonl"] and row.rows.texts["json"] for row in rows + sent), "written from their template"


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_values_texts_are_made_once_a_partition_whatever_the_shapes_it_is_in(case, monkeypatch, language):
    """A partition's rows are written from their shapes' templates with each value's texts at its places (its atom
    text, binding and words in the reading) made once for the partition, not once per shape (as_json._Column, shared
    through Rows.columns): a convict's answers fall in several shapes (undecided, prohibited, permitted). The texts are
    still those of the answers explained one by one, by both writers, in either order, and after being sent."""
    import pickle

    from engine.syntax import nodes

    result = prepare(QUERY, datetime.date.fromisoformat(AT), None, [case])
    batch = register.Register(result, "brief", language, limit=1000)
    rows = [entry for table, _k, entry in batch.run(0) if table == "answer" and isinstance(entry, register.Row)]
    monkeypatch.setattr(register, "SHAPES", False)
    one_by_one = {entry["atom"]: entry for table, _k, entry in batch.run(0) if table == "answer"}
    shapes = {id(row.rows): row.rows for row in rows}
    assert len(shapes) > 3 and len({id(r.columns) for r in shapes.values()}) == 1   # one partition's shapes
    made: list = []
    format_value = nodes.format_value
    monkeypatch.setattr(nodes, "format_value", lambda value: made.append(value) or format_value(value))
    writers = (("jsonl", as_json._answer_line, as_json._compact), ("json", as_json._in_document, as_json._dumps))
    texts = {(writer, k): as_json._row_text(row, writer, whole, part)
             for writer, whole, part in writers[::-1 if language == "ru" else 1] for k, row in enumerate(rows)}
    arity = shapes[id(rows[0].rows)].arity
    values = [row.args[:arity] for row in rows] + [r.values[:arity] for r in shapes.values()]
    distinct = sum(len({v[p] for v in values}) for p in range(arity))   # a value at each of its positions, once
    assert len(made) == 2 * distinct, "each value's atom text made once per writer and position, not per shape"
    sent = pickle.loads(pickle.dumps(rows))
    assert len({id(row.rows.columns) for row in sent}) == 1   # the columns sent once, empty
    for k, (row, received) in enumerate(zip(rows, sent)):
        for writer, whole, part in writers:
            expected = whole(one_by_one[row.dict()["atom"]])
            assert texts[writer, k] == expected == as_json._row_text(received, writer, whole, part)


@pytest.mark.parametrize("fmt, trace", [("jsonl", "brief"), ("json", "brief"), ("jsonl", "none")])
def test_a_known_deciding_proof_is_not_built_and_changes_nothing(zan, monkeypatch, tmp_path, fmt, trace):
    """A decided answer whose deciding proof the prover would read off the record (Prover.known) takes the shape of
    an earlier answer of the same decision (status, norms applicable and defeated, dates), deciding rule and
    conditions' proofs, without its proof or trace being made (register.KNOWN_PROOFS). Here one person's answers are
    decided by the same rule on the same condition but one of them also has a norm defeated (a district with open
    polls), and persons restricted by two different norms (`restricted` derived by a.2 or a.3) have different
    citations: the same bytes as with no proof skipped and as every answer explained one by one."""
    from engine.pipeline import Evaluated

    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(
        'act a en "A" rank 50 in force from 2000-01-01.\nact b en "B" rank 10 in force from 2000-01-01.\n'
        'predicate resident(P) en "resident".\npredicate district(Q) en "district".\npredicate jailed(P) en "jailed".\n'
        'predicate exiled(P) en "exiled".\npredicate restricted(P) en "restricted".\npredicate open_polls(Q) en "open".\n'
        'predicate vote(P, Q) en "vote" reads en "{P} votes in {Q}" asked over resident(P) and district(Q).\n'
        'norm a.2 cites "a 2" en "Jailed persons are restricted." restricted(P) if jailed(P).\n'
        'norm a.3 cites "a 3" en "Exiled persons are restricted." restricted(P) if exiled(P).\n'
        'norm a.1 cites "a 1" en "The restricted may not vote." prohibited vote(P, Q) if restricted(P).\n'
        'norm b.1 cites "b 1" en "Anyone may vote where polls are open." permitted vote(P, Q) if open_polls(Q).\n',
        encoding="utf-8")
    lines = [f"district(d{k})." for k in range(6)] + ["open_polls(d2).", "open_polls(d4)."]
    for i in range(30):
        lines.append(f"resident(p{i:02d}).")
        lines += [f"jailed(p{i:02d})."] if i % 3 == 0 else [f"exiled(p{i:02d})."] if i % 3 == 1 else []
    facts = tmp_path / "people.facts"
    facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ("ask", "vote(P, Q)", "--kb", str(kb), "--facts", str(facts), "--at", AT, "--format", fmt, "--trace", trace,
            "--partition", "40", "--jobs", "1")
    traced: list[str] = []
    made = Evaluated.trace
    monkeypatch.setattr(Evaluated, "trace", lambda self, a, level="full": traced.append(a.status) or made(self, a, level))
    skipped = out(zan, *args)
    decided = sum(1 for status in traced if status != "undetermined")
    traced.clear()
    monkeypatch.setattr(register, "KNOWN_PROOFS", False)
    proved = out(zan, *args)
    assert decided < sum(1 for status in traced if status != "undetermined") - 50   # most proofs were not built
    assert skipped == proved
    monkeypatch.setattr(register, "SHAPES", False)
    assert skipped == out(zan, *args)
    assert '"a 3"' in skipped and '"a 2"' in skipped and '"b 1"' in skipped


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_rows_write_texts_that_need_escaping_as_answers_one_by_one(zan, monkeypatch, tmp_path, fmt):
    """Undecided answers written from their values (as_json._row_text): values that JSON escapes or the DSL quotes
    (quotes, backslashes, a tab, a line separator, `%`, letters outside ASCII) in the atom, the bindings and the
    reading, the same bytes as the answers explained and written one by one."""
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(
        'act a en "A" rank 10 in force from 2000-01-01.\n'
        'predicate resident(P) en "resident".\npredicate banned(P) en "banned".\npredicate district(Q) en "district".\n'
        'predicate vote(P, Q) en "vote" reads en "{P} votes in {Q} (100%)" asked over resident(P) and district(Q).\n'
        'norm a.1 cites "a 1" en "The banned may not vote." prohibited vote(P, Q) if banned(P) and district(Q).\n',
        encoding="utf-8")
    names = ['p \\"q\\" %s', "back\\\\slash", "ünï cødé", "tab\there", "Upper", "x_1", "%d%%", "a\u2028b"]
    lines = ['district(d1).', 'district("Δ district").']
    for i in range(40):
        value = f"{names[i % len(names)]}{i}"
        lines.append(f'resident("{value}").')
        lines += [f'banned("{value}").'] if i % 3 == 0 else []
    facts = tmp_path / "people.facts"
    facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ("ask", "vote(P, Q)", "--kb", str(kb), "--facts", str(facts), "--at", AT, "--format", fmt, "--trace", "brief",
            "--partition", "6", "--jobs", "1")
    written: list = []
    row_template = as_json._row_template
    monkeypatch.setattr(as_json, "_row_template", lambda *args: written.append(row_template(*args)) or written[-1])
    by_rows = out(zan, *args)
    assert written and all(written)
    monkeypatch.setattr(register, "SHAPES", False)
    assert by_rows == out(zan, *args)
    assert '\\t' in by_rows and "Δ district" in by_rows and "100%" in by_rows and by_rows.count('"undetermined"') > 30



@pytest.mark.parametrize("level", ["full", "brief", "none"])
def test_full_traces_are_explained_in_smaller_partitions(zan, tmp_path, monkeypatch, level):
    """A partition's answers are held until they are written, and full traces (every answer's why-nots) weigh about
    five times what brief ones do: without --partition, a register explained with full traces is cut at
    `partition_facts("full")` case facts (a 5,000-fact partition of full traces reached ~1 GB), the others at 5,000;
    --partition still decides where given. The bytes are the same either way."""
    path = tmp_path / "register.facts"
    path.write_text(facts_of(400), encoding="utf-8")   # ~1,700 case facts: one partition at 5,000, two at 1,000
    limits = []
    made = register.Register.__init__

    def recorded(self, result, level, language, steps=False, limit=register.PARTITION_FACTS):
        limits.append(limit)
        made(self, result, level, language, steps, limit)
    monkeypatch.setattr(register.Register, "__init__", recorded)
    args = ["ask", QUERY, "--facts", str(path), "--at", AT, "--format", "jsonl", "--trace", level]
    default = out(zan, *args)
    expected = register.partition_facts(level)
    assert limits == [expected] and expected == (1_000 if level == "full" else register.PARTITION_FACTS)
    assert out(zan, *args, "--partition", "100000") == default and limits[-1] == 100_000

def test_the_partition_step_is_a_plain_function(case):
    lines = case.read_text(encoding="utf-8").splitlines()
    got = [json.loads(line) for line in register.answer_facts(lines, QUERY, AT)]
    answers = [v for line in got for k, v in line.items() if k == "answer"]
    assert answers and all({"atom", "status", "citations", "trace"} <= set(a) for a in answers)


def test_the_partition_step_writes_rows_as_answers_one_by_one(case, monkeypatch):
    """answer_facts (the Dask recipe) reads a row, undecided or decided, as its dictionary: the same lines as with
    every answer explained one by one."""
    import re

    def step() -> list[str]:   # each call reads the facts from a folder of its own: its name left out
        return [re.sub(r'"[^"]*zan-part-[^"/\\]*[/\\]part\.facts:', '"part.facts:', line)
                for line in register.answer_facts(lines, QUERY, AT)]
    lines = case.read_text(encoding="utf-8").splitlines()
    rows = step()
    assert '"prohibited"' in "".join(rows) and '"undetermined"' in "".join(rows) and '"part.facts:' in "".join(rows)
    monkeypatch.setattr(register, "SHAPES", False)
    assert rows == step()


def test_a_register_on_dask(case):
    bag = pytest.importorskip("dask.bag")
    import dask

    lines = case.read_text(encoding="utf-8").splitlines()
    convicts = sorted({line[len("convict("):-2] for line in lines if line.startswith("convict(")})
    # a case: the lines naming the convict or the people of the convict (same number: k007, m007, s007)
    groups = [[line for line in lines if c[1:] in line or line.startswith("advocate(")] for c in convicts[:6]]
    with dask.config.set(scheduler="synchronous"):
        found = bag.from_sequence(groups, npartitions=3).map(register.answer_facts, QUERY, AT).flatten().compute()
    answers = {v["atom"]: v["status"] for line in map(json.loads, found) for k, v in line.items() if k == "answer"}
    whole = {a: s for a, s in (register_statuses(case)).items() if any(f"({c}," in a for c in convicts[:6])}
    assert answers == whole


def register_statuses(case) -> dict[str, str]:
    from engine.pipeline import ask

    result = ask(QUERY, datetime.date.fromisoformat(AT), None, [case], trace_level="none")
    return {f"call({', '.join(map(str, t.answer.values))})": t.answer.status for t in result.traces}


def test_progress_only_after_two_seconds():
    shown = []
    now = [0.0]
    progress = register.Progress(shown.append, clock=lambda: now[0])
    progress.answer()
    progress.partition(100, 10)
    progress.done()
    assert shown == [], "a batch that ends within ~2 s shows nothing"
    progress = register.Progress(shown.append, clock=lambda: now[0])
    for _ in range(50):
        progress.answer()
    now[0] = 5.0
    progress.partition(100, 25)
    progress.done()
    assert len(shown) == 2 and shown[-1] == "\n"
    assert "25.0% of the case facts" in shown[0] and "50 answers" in shown[0] and "10 answers/s" in shown[0]
    assert "~15 s left" in shown[0]


def test_no_progress_when_stderr_is_not_a_terminal(zan, case):
    result = zan("ask", QUERY, "--facts", str(case), "--at", AT, "--format", "jsonl", "--partition", "25", "--jobs", "1")
    assert result.exit_code == 0 and "% of the case facts" not in result.stderr


def test_a_registers_json_lines_are_written_a_partition_at_a_time(zan, case, monkeypatch):
    """A reader of a pipe gets each partition's lines once it is written: every answer of a partition is out before
    the next partition is solved (not held in a buffer until later partitions fill it), one partition held at a time."""
    import click

    written: list[str] = []
    echo = click.echo

    def recorded(message=None, *args, **kwargs):
        written.append(message or "")
        return echo(message, *args, **kwargs)

    solved: list[tuple[int, int]] = []   # per partition: its answers, the answers written when it was solved
    run = register.Register.run

    def counted(self, index, facts=None):
        items = run(self, index, facts)
        solved.append((sum(table == "answer" for table, _key, _entry in items), "".join(written).count('{"answer":')))
        return items

    monkeypatch.setattr(click, "echo", recorded)
    monkeypatch.setattr(register.Register, "run", counted)
    text = out(zan, "ask", QUERY, "--facts", str(case), "--at", AT, "--format", "jsonl", "--trace", "brief",
               "--partition", "25", "--jobs", "1")
    assert len(solved) > 2
    before = 0
    for answers, out_when_solved in solved:
        assert out_when_solved == before
        before += answers
    assert text.count('{"answer":') == before > 0


def test_progress_counts_a_registers_answers_by_partition(case):
    """register.Answers counts each partition's answers once it is written (Progress.partition), not one by one."""
    import itertools

    batch = register.Register(prepare(QUERY, datetime.date.fromisoformat(AT), None, [case]), "brief", "en", limit=25)
    shown: list[str] = []
    progress = register.Progress(shown.append, clock=itertools.count(0, 5).__next__)   # 5 s a partition
    text = "".join(as_json.lines(register.document(batch, 1, progress)))
    answers = text.count('{"answer":')
    assert answers and progress.answers == answers
    assert f"{answers:,} answers" in shown[-2] and "100.0% of the case facts" in shown[-2] and shown[-1] == "\n"
    assert len(shown) == len(batch.tasks()) + 1


def test_a_register_read_answer_by_answer_writes_the_same_text(case):
    """register.Answers read one answer at a time (the table entries queued, as any reader of a document gets them)
    and a partition at a time (as_json's writers) give the same JSON Lines and JSON."""
    batch = register.Register(prepare(QUERY, datetime.date.fromisoformat(AT), None, [case]), "brief", "en", limit=25)
    for write in (as_json.lines, as_json.pieces):
        by_partition = register.document(batch)
        by_answer = register.document(batch)
        by_answer["answers"] = iter(by_answer["answers"])   # without partitions()
        text = "".join(write(by_partition))
        assert text == "".join(write(by_answer)) and text.count('"proofs"' if write is as_json.pieces else '{"proof":')
        assert by_partition.tables.seen == by_answer.tables.seen and not by_answer.tables.pending


def test_the_answers_own_join_keeps_a_case_together(zan, tmp_path):
    """A question's domain and its norms' conclusions are joined in Python, not by a rule: a person's
    `resident` fact (the domain) and `banned` fact (the norm) must meet in one partition."""
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(
        'act a en "A" rank 10 in force from 2000-01-01.\n'
        'predicate resident(P) en "resident".\npredicate banned(P) en "banned".\n'
        'predicate vote(P) en "vote" asked over resident(P).\n'
        'norm a.1 cites "a 1" en "The banned may not vote." prohibited vote(P) if banned(P).\n', encoding="utf-8")
    facts = tmp_path / "people.facts"
    facts.write_text("".join(f"resident(p{i}).\n" for i in range(20)) + "".join(f"banned(p{i}).\n" for i in range(0, 20, 2)),
                     encoding="utf-8")
    args = ("ask", "vote(P)", "--kb", str(kb), "--facts", str(facts), "--at", AT, "--format", "json")
    whole = json.loads(out(zan, *args))["answers"]
    split = json.loads(out(zan, *args, "--partition", "3", "--jobs", "1"))["answers"]
    pairs = sorted((a["atom"], a["status"]) for a in split)
    assert pairs == sorted((a["atom"], a["status"]) for a in whole), "each answer once, with the status of one evaluation"
    assert len(pairs) == 20 and [s for _a, s in pairs].count("prohibited") == 10


# ------------------------------------------------------------------------------ differential: partitioned vs whole
# Each register below is answered whole (one evaluation) and in partitions; the answers (every JSON object, trace
# included) and the norms and proofs they name must be the same, each answer once. Several laws are crafted so that a
# join through a constant every partition holds (a value of the law's or of broadcast facts) DOES need the cases
# that name it together: a layout that skipped such a constant everywhere would lose or invent answers there.

def _benchmarks(name: str):
    import importlib
    import sys
    from pathlib import Path

    folder = str(Path(__file__).resolve().parent.parent / "benchmarks")
    sys.path.insert(0, folder)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(folder)


def jsonl_parts(text: str) -> tuple[list[str], dict, dict]:
    answers, norms, proofs = [], {}, {}
    for line in text.splitlines():
        (kind, value), = json.loads(line).items()
        if kind == "answer":
            answers.append(json.dumps(value, sort_keys=True, ensure_ascii=False))
        elif kind == "norm":
            norms[value["id"]] = value
        elif kind == "proof":
            proofs[value["id"]] = value
    return answers, norms, proofs


def same_as_whole(zan, question: str, facts, at: str = AT, kb=None, limit: int = 6, trace: str = "brief",
                  ties: bool = False) -> list[str]:
    """The answers of `question` in partitions of `limit` case facts, checked against one evaluation; returns them.

    ties: a derived condition has two derivations of the same height, and the prover takes the one it settles first
    (explain/proof.py `_settle`: the order follows what earlier answers settled, which a partition changes; so on
    main before this layout too): the same proofs by id, not necessarily by their conditions."""
    args = ["ask", question, "--facts", str(facts), "--at", at, "--format", "jsonl", "--trace", trace, "--jobs", "1"]
    if kb is not None:
        args += ["--kb", str(kb)]
    whole = jsonl_parts(out(zan, *args, "--partition", "1000000"))
    split = jsonl_parts(out(zan, *args, "--partition", str(limit)))
    assert len(split[0]) == len(set(split[0])), "an answer written twice"
    assert sorted(split[0]) == sorted(whole[0])
    assert split[1] == whole[1] and (set(split[2]) == set(whole[2]) if ties else split[2] == whole[2])
    return whole[0]


def split_into(kb, question: str, facts, limit: int) -> list[list]:
    result = prepare(question, datetime.date.fromisoformat(AT), kb, [facts])
    return register.Register(result, "brief", "en", limit=limit).parts


def law(tmp_path, text: str):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(text, encoding="utf-8")
    return kb


@pytest.fixture(scope="module")
def realistic(tmp_path_factory):
    path = tmp_path_factory.mktemp("realistic") / "register.facts"
    _benchmarks("register").write_register(path, 150)
    return path


@pytest.mark.parametrize("question", ["call(C, P, Purpose)", "visit(C, P, Purpose)"])
def test_the_bundled_law_on_a_realistic_register_is_the_same_in_partitions(zan, realistic, question):
    answers = same_as_whole(zan, question, realistic, limit=60)
    assert len(answers) > 1000 and any('"permitted"' in a and "adv_bar_1" in a for a in answers)


@pytest.mark.parametrize("extra", ["death_certificate(adv_bar_1).", "died(adv_bar_2).\nemergency_kind(flood).\nemergency(c000003, flood)."])
def test_a_dead_advocate_or_a_new_kind_counts_in_every_partition(zan, realistic, tmp_path, extra):
    """A fact about a constant every partition holds (an advocate, a kind of the law) is needed by every case
    joined with it: through `died`, derived from a certificate, and through a kind added by the case."""
    path = tmp_path / "register.facts"
    path.write_text(realistic.read_text(encoding="utf-8") + extra + "\n", encoding="utf-8")
    for question in ("call(C, P, Purpose)", "visit(C, P, Purpose)"):
        answers = same_as_whole(zan, question, path, limit=60)
        if question.startswith("visit") and "adv_bar_1" in extra:
            assert not any('"permitted"' in a and '"adv_bar_1"' in a for a in answers)   # the death counted


def test_rule_34_register_is_the_same_in_partitions(zan, tmp_path):
    import random

    sg = _benchmarks("sg_rule34")
    rng = random.Random(34)
    lines = [line for i in range(14) for line in sg.case(i, rng)]
    path = tmp_path / "rule34.facts"
    path.write_text("\n".join(dict.fromkeys(lines)) + "\n", encoding="utf-8")
    kb = sg.KB
    answers = same_as_whole(zan, "accept(P, E)", path, at=sg.AT, kb=kb, limit=12)
    assert len(answers) == 14 * 14 and any('"prohibited"' in a for a in answers) and any('"permitted"' in a for a in answers)


GLUED = ('act a en "A" rank 10 in force from 2000-01-01.\n'
         'predicate person(P) en "person".\npredicate lawyer(L) en "lawyer".\npredicate retains(P, L) en "retains".\n'
         'predicate knows(P, L) en "knows".\npredicate busy(L) en "busy".\npredicate colleague(P, Q) en "colleague".\n'
         'predicate consult(P, L) en "consult" asked over person(P) and lawyer(L).\n'
         'predicate flag(F) en "flag".\npredicate engaged(P, L) en "engaged".\n'
         'lawyer(adv).\nlawyer(other).\n'
         'busy(L) if retains(P, L).\n'
         'engaged(P, L) if retains(P, L).\n'
         'colleague(P, Q) if retains(P, L) and retains(Q, L) and P != Q.\n'
         'flag(yes) if retains(P, adv).\n'
         'norm a.1 cites "a 1" en "One may consult a lawyer one knows who is not busy."\n'
         '  permitted consult(P, L) if knows(P, L) and not busy(L).\n')


def glued_register(tmp_path, people: int = 30):
    lines = []
    for i in range(people):
        lines += [f"person(p{i:02d}).", f"knows(p{i:02d}, adv).", f"knows(p{i:02d}, other)."]
        if i in (7, 22):
            lines.append(f"retains(p{i:02d}, adv).")
    path = tmp_path / "people.facts"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("question, expect", [
    ("consult(P, L)", lambda a: sum('"permitted"' in x for x in a) == 30 and not any('"permitted"' in x and '"adv"' in x for x in a)),
    ("colleague(P, Q)", lambda a: len(a) == 2),
    ("busy(L)", lambda a: len(a) == 1 and '"adv"' in a[0]),
    ("flag(F)", lambda a: len(a) == 1 and '"yes"' in a[0]),
    ("engaged(P, L)", lambda a: len(a) == 2),
])
def test_a_join_through_a_constant_of_the_law_keeps_its_cases_together(zan, tmp_path, question, expect):
    """`busy(L) if retains(P, L)` gathers every retainer of a lawyer the law names (`lawyer(adv)`): a person who
    merely knows adv may consult adv only if nobody retains adv, wherever that retainer's facts are; two persons
    retaining one lawyer are colleagues; `busy(adv)` and `flag(yes)` name no person and are answered once."""
    kb = law(tmp_path, GLUED)
    answers = same_as_whole(zan, question, glued_register(tmp_path), kb=kb, limit=6)
    assert expect(answers), answers


def test_a_constant_of_the_law_no_two_cases_meet_on_splits(zan, tmp_path):
    """`reach(C, P) if member(C) and office(P)`, then `not closed(P)`, `closed(P) if closure_order(P)`: a case
    naming an office (a constant every partition holds) is not joined with another case through it, so the
    register splits into partitions of the size asked for, and an office closed by a case's order is closed in
    every partition (the order goes to every partition)."""
    kb = law(tmp_path,
             'predicate member(C) en "member".\npredicate office(P) en "office".\npredicate closed(P) en "closed".\n'
             'predicate closure_order(P) en "closure order".\npredicate assigned(C, P) en "assigned".\n'
             'predicate reach(C, P) en "reach".\npredicate open(C, P) en "open".\n'
             "office(o1).\noffice(o2).\noffice(o3).\n"
             "reach(C, P) if member(C) and office(P).\nreach(C, P) if assigned(C, P).\n"
             "closed(P) if closure_order(P).\nopen(C, P) if reach(C, P) and not closed(P).\n")
    lines = ["closure_order(o3)."]
    for i in range(40):
        lines += [f"member(c{i:02d}).", f"assigned(c{i:02d}, o{1 + i % 2})."]
    facts = tmp_path / "members.facts"
    facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    answers = same_as_whole(zan, "open(C, P)", facts, kb=kb, limit=10, ties=True)   # reach by office or assignment
    assert len(answers) == 40 * 2 and not any('"o3"' in a for a in answers)
    parts = split_into(kb, "open(C, P)", facts, 10)
    assert len(parts) >= 8 and max(map(len, parts)) <= 10   # o1 and o2 glue no members together


def test_the_realistic_register_has_no_oversized_partition(realistic):
    """Every convict with a legal-aid contract with one of two advocates (constants of broadcast `advocate`
    facts) was one partition (issue 25: 18% of the register); a partition now holds whole convicts up to the limit."""
    parts = split_into(None, QUERY, realistic, 60)
    per_convict = max(sum(1 for line in realistic.read_text(encoding="utf-8").splitlines() if f"c{i:06d}" in line)
                      for i in range(150))
    assert len(parts) > 10 and max(map(len, parts)) <= 60 + per_convict


def test_an_anonymous_variable_reads_any_case(zan, tmp_path):
    """`seen(L) if retains(_, L)`: `_` reads whichever retainer there is, in whichever partition; `seen(adv)` names
    only a value every partition holds, so it must hold in each alike (the register is not split: each retainer's
    facts alone would make it hold in one partition only), and it is answered once."""
    kb = law(tmp_path, 'predicate person(P) en "person".\npredicate lawyer(L) en "lawyer".\n'
                       'predicate retains(P, L) en "retains".\npredicate seen(L) en "seen".\npredicate knows(P, L) en "knows".\n'
                       'lawyer(adv).\nlawyer(other).\nseen(L) if retains(_, L).\n')
    facts = glued_register(tmp_path)
    answers = same_as_whole(zan, "seen(L)", facts, kb=kb, limit=6)
    assert len(answers) == 1 and '"adv"' in answers[0]


@pytest.mark.parametrize("files", [1, 2])
def test_the_case_is_laid_out_in_the_order_written(tmp_path, files):
    """`_case_and_law` sorts the case facts by where they were written: by line alone in one file where no two facts
    share a line, else by file, line and column (a file the grammar reads may hold two facts on a line)."""
    plain = tmp_path / "b.facts"
    plain.write_text(facts_of(6), encoding="utf-8")
    grammar = tmp_path / "a.facts"   # two facts on a line, of relations met in the other order: the grammar reads it
    grammar.write_text("convict(z1).\nspouse(z1, w1). convict(z2).\nconvict(z3). spouse(z3, w3).\n", encoding="utf-8")
    cases = [grammar] if files == 1 else [plain, grammar]
    program = prepare(QUERY, datetime.date.fromisoformat(AT), None, cases).program
    named = {str(p) for p in cases} | {p.name for p in cases}
    expected = sorted(((r, v, s) for r, facts in program.facts.items() for v, s in facts.items()
                       if s is not None and program.origins.get(s.file) == "case"),
                      key=lambda f: (f[2].file, f[2].line, f[2].column))
    assert {f[2].file for f in expected} <= named and len({f[2].file for f in expected}) == files
    case, law, rows = register._case_and_law(program)
    assert case == expected
    assert [(r, v) for r, v, _s in case] != [(r, v) for r, facts in rows.items() for v in facts]   # not by relation
    assert sorted((r, v) for r, held in rows.items() for v in held) == sorted((r, v) for r, v, _s in case)
    assert not any(v in law.get(r, {}) for r, v, _s in case)
