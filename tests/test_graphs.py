"""Readable graphs and steps: one graph per answer (--answer N), a legend, defeated norms drawn as defeated;
--steps shows the exceptions that failed (example 5's missing death certificate)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import CASES, ROOT


def test_one_graph_per_answer_with_a_legend(zan, monkeypatch):
    monkeypatch.chdir(ROOT)
    every = zan("query", "calls", "kunakbaev", "--at", "2025-01-15", "--format", "dot")
    one = zan("query", "calls", "kunakbaev", "--at", "2025-01-15", "--format", "dot", "--answer", "2")
    assert one.exit_code == 0, one.output
    answers = [line for line in one.stdout.splitlines() if "style=\"filled,bold\"" in line]
    assert len(answers) == 1 and "call(kunakbaev, aigul, medical_care)" in answers[0]
    assert len(one.stdout) < len(every.stdout) / 4
    assert "subgraph cluster_legend" in one.stdout and "legend_defeated" in one.stdout
    too_far = zan("query", "calls", "kunakbaev", "--at", "2025-01-15", "--answer", "99")
    assert too_far.exit_code == 2


@pytest.mark.parametrize("language,defeated", [("en", "defeated"), ("kk", "басымдық берілмеген нормалар")])
def test_defeated_norm_drawn_as_defeated(zan, monkeypatch, language, defeated):
    monkeypatch.chdir(ROOT)
    r = zan("ask", "call(bekov, daulet, social_ties)", "--facts", str(CASES / "example2-death-certificate.facts"),
            "--at", "2025-03-10", "--format", "dot", "--lang", language)
    loser = next(line for line in r.stdout.splitlines() if "pec.134.1.2.calls" in line and "shape=\"note\"" in line)
    assert f"✗ {defeated}" in loser and "dashed" in loser
    if shutil.which("dot"):
        done = subprocess.run(["dot", "-Tsvg"], input=r.stdout, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("language,certificate", [("en", "death certificate"), ("ru", "свидетельство о смерти"),
                                                  ("kk", "қайтыс болу туралы куәлік")])
def test_steps_include_the_failed_exceptions(zan, monkeypatch, language, certificate):
    monkeypatch.chdir(ROOT)
    r = zan("ask", "call(bekov, daulet, social_ties)", "--facts", str(CASES / "example5-no-death-certificate.facts"),
            "--at", "2025-03-10", "--steps", "--lang", language)
    failed = [line for line in r.stdout.splitlines() if "✗" in line and "pec.109.2.death" in line]
    assert failed and certificate in failed[0]
    assert "по правило" not in r.stdout
