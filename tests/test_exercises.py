"""Exercises (engine/tools/exercises.py, `zan exercises`): one correct answer each, graded with the kb's own reasons."""

from __future__ import annotations

import datetime
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine.explain.explanation import document
from engine.pipeline import ask
from engine.tools import exercises as ex

ROOT = Path(__file__).resolve().parent.parent
SEEDS = range(8)


@pytest.fixture(scope="module")
def sheets():
    """Level-2 sheets on many seeds, and a few on topics (each generated once for the module)."""
    out = [ex.generate(count=3, seed=s, level=2) for s in SEEDS]
    out += [ex.generate(count=2, seed=s, level=1, topic=t) for s, t in [(1, "legal_aid"), (2, "death"), (3, "dates")]]
    # from the rows of `zan cases` (a small space, so that the test stays quick)
    out += [ex.generate(count=3, seed=s, level=2, topic="visit", source="cases") for s in (1, 2)]
    return out


def kb_answer(e: dict, tmp_path: Path) -> dict:
    """The kb's answer for the exercise's case, date and atom, asked afresh through the pipeline."""
    path = tmp_path / f"case-{e['number']}-{abs(hash(tuple(e['case']['facts'])))}.facts"
    path.write_text("".join(line + "\n" for line in e["case"]["facts"]), encoding="utf-8")
    result = ask(e["atom"], datetime.date.fromisoformat(e["at"]), None, [path])
    answers = document(result, "en")["answers"]
    assert len(answers) == 1
    return answers[0]


@pytest.mark.slow
def test_every_exercise_has_exactly_one_correct_answer(sheets, tmp_path):
    seen = 0
    for sheet in sheets:
        assert sheet["exercises"], sheet
        for e in sheet["exercises"]:
            truth = kb_answer(e, tmp_path)
            t = truth["trace"]
            deciding = t["decided_by"]["id"] if t.get("decided_by") else None
            supporting = {r["id"] for r in t.get("also_supported_by", [])}
            beaten = {d["norm"]["id"]: d["principle"] for d in t.get("defeated", [])}
            parts = list(e["choices"])
            right = []
            for combo in itertools.product(*(e["choices"][p] for p in parts)):
                chosen = dict(zip(parts, (c["value"] for c in combo)))
                ok = chosen["status"] == truth["status"] and chosen["norm"] == deciding
                if "defeated" in chosen:
                    ok = ok and (chosen["defeated"] in beaten if beaten else chosen["defeated"] is None)
                    ok = ok and chosen["principle"] == (beaten.get(chosen["defeated"]) if beaten else None)
                right.append(chosen) if ok else None
            assert len(right) == 1, (e["atom"], e["at"], right)
            assert right[0] == e["answer"]
            assert not supporting & {c["value"] for c in e["choices"]["norm"]}
            # the case told in words: every fact has its sentence, and no two facts read the same
            assert len(e["case"]["story"]) >= len(e["case"]["facts"])
            assert len(set(e["case"]["story"][:len(e["case"]["facts"])])) == len(e["case"]["facts"])
            seen += 1
    assert seen >= 25


@pytest.mark.slow   # exercises from the whole case space (~40 s)
def test_the_case_space_source(sheets):
    from_space = [e for s in sheets if s["source"] == "cases" for e in s["exercises"]]
    assert len(from_space) == 6
    assert all(e["atom"].startswith("visit(") for e in from_space)
    assert {e["answer"]["status"] for e in from_space} >= {"permitted", "prohibited"}


def test_same_seed_same_sheet_and_seeds_differ():
    assert ex.generate(count=2, seed=5) == ex.generate(count=2, seed=5)
    assert ex.generate(count=2, seed=5)["exercises"] != ex.generate(count=2, seed=6)["exercises"]


def test_topics_come_from_the_kb_and_filter(sheets):
    kb = ex.law(None)
    topics = ex.topics(kb)
    for word in ("legal_aid", "death", "dates", "died"):
        assert word in topics
    by_topic = {s["topic"]: s for s in sheets if s["topic"] and s["source"] == "bundled"}
    for e in by_topic["legal_aid"]["exercises"]:
        assert "legal_aid" in e["atom"] or "legal_aid" in e["topics"]
    for e in by_topic["death"]["exercises"]:
        assert "death" in e["topics"]
        assert any("death" in (nid or "") for nid in [e["answer"]["norm"]]) or "death" in e["topics"]
    for e in by_topic["dates"]["exercises"]:
        assert e["status_before"] is not None and e["status_before"] != e["answer"]["status"]


def test_grading_explains_a_wrong_answer_with_the_kbs_reasons(sheets):
    graded = 0
    for sheet in sheets:
        for e in sheet["exercises"]:
            assert ex.grade(e, dict(e["answer"]))["correct"]
            wrong_norms = [c["value"] for c in e["choices"]["norm"] if c["value"] != e["answer"]["norm"] and c["value"]]
            if not wrong_norms:
                continue
            response = dict(e["answer"], norm=wrong_norms[0])
            g = ex.grade(e, response)
            assert not g["correct"] and g["parts"]["norm"] is False and g["parts"]["status"] is True
            text = " ".join(g["explanation"])
            assert e["reasons"][wrong_norms[0]] in text
            assert e["explanation"] in text
            graded += 1
    assert graded >= 10


def test_defeat_reason_is_the_explanation_of_the_defeat(sheets):
    sheet = next(s for s in sheets if s["topic"] == "death")
    e = next(e for e in sheet["exercises"] if e["answer"]["status"] == "permitted")
    loser = "pec.134.1.2.calls"
    if loser in {c["value"] for c in e["choices"]["norm"]}:
        g = ex.grade(e, dict(e["answer"], status="prohibited", norm=loser))
        assert "lex specialis" in " ".join(g["explanation"])


def test_cli_json_is_the_generator_and_sheets_print(tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "engine", "exercises", *a], capture_output=True, text=True,
                                    cwd=ROOT, timeout=120)
    out = run("--count", "2", "--seed", "3", "--format", "json", "--lang", "kk")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == ex.generate(count=2, seed=3, language="kk")
    text = run("--count", "2", "--seed", "3", "--key", "--lang", "ru")
    assert text.returncode == 0 and "Ответы" in text.stdout and "Упражнение 2" in text.stdout
    html = run("--count", "2", "--seed", "3", "--format", "html")
    assert html.stdout.startswith("<!DOCTYPE html>") and "Answer key" in html.stdout and "@media print" in html.stdout
    bad = run("--topic", "deth")
    assert bad.returncode == 1 and "did you mean death?" in bad.stderr and "Traceback" not in bad.stderr


def test_exercises_default_to_the_days_the_law_changed():
    """Issue 24, item 12: the days come from the kb (a ruling that interprets law in force; an obligation
    falling due), not the day a code merely began; for the bundled kb the ruling's day, not 2015-01-01."""
    from engine.logic import ir
    from engine.tools.timeline import amending_days, change_days

    kb = ex.law(None)
    ruling = next(norm for norm in kb.norms.values() if norm.interprets)   # a norm reading another narrowly
    ruling_day = ir.norm_info(kb, ruling).start
    beginning = min(d.date for d in change_days(kb))
    days = ex.deciding_days(kb)
    assert ruling_day in days and beginning not in days
    assert {d.date for d in amending_days(kb)} <= {d.date for d in change_days(kb)}
    sheet = ex.generate(count=6, seed=0)
    around = {day + offset for day in days for offset in (datetime.timedelta(0), -datetime.timedelta(days=1))}
    ats = [datetime.date.fromisoformat(e["at"]) for e in sheet["exercises"]]
    assert ats and all(at in around for at in ats), ats
    assert ruling_day in ats or ruling_day - datetime.timedelta(days=1) in ats
    assert len({e["atom"].split("(")[0] for e in sheet["exercises"]}) > 1   # predicates taken in turn
