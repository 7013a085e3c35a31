"""The compiled-knowledge cache: keyed by content, invalidated on change, never trusted when corrupt."""

from __future__ import annotations

import datetime
import shutil

import pytest

from engine.base import cache
from engine.pipeline import ask

from conftest import KB

DAY = datetime.date(2025, 3, 10)


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("ZAN_CACHE", "1")
    return tmp_path / "cache" / "zan"


def statuses(result):
    return [(t.answer.values, t.answer.status) for t in result.traces]


def test_a_second_question_uses_the_cache_and_answers_the_same(cache_home):
    first = statuses(ask("call(C, P, Purpose)", DAY))
    assert list(cache_home.glob("*.zc"))
    assert statuses(ask("call(C, P, Purpose)", DAY)) == first


def test_a_corrupt_entry_is_ignored(cache_home):
    first = statuses(ask("call(C, P, Purpose)", DAY))
    for entry in cache_home.glob("*.zc"):
        entry.write_bytes(b"not a pickle")
    assert statuses(ask("call(C, P, Purpose)", DAY)) == first


def test_an_entry_whose_checksum_does_not_match_is_never_unpickled(cache_home, monkeypatch):
    ask("call(C, P, Purpose)", DAY)
    entry = max(cache_home.glob("*.zc"), key=lambda p: p.stat().st_size)
    entry.write_bytes(entry.read_bytes() + b"tampered")
    monkeypatch.setattr(cache, "_loads", lambda data, allowed: pytest.fail("unpickled an unverified entry"))
    assert cache.load(entry.stem) is None


def test_a_changed_file_is_read_again(cache_home, tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(KB, kb)
    facts = kb / "case.facts"
    facts.write_text("in_disciplinary_isolator(bekov).\nspouse(bekov, aliya).\n", encoding="utf-8")
    before = statuses(ask("call(bekov, P, Purpose)", DAY, kb, [facts]))
    facts.write_text("in_disciplinary_isolator(bekov).\nfriend(bekov, serik).\n", encoding="utf-8")
    after = statuses(ask("call(bekov, P, Purpose)", DAY, kb, [facts]))
    assert {v[1] for v, _ in before} == {"aliya"}
    assert {v[1] for v, _ in after} == {"serik"}


def test_no_cache_when_turned_off(cache_home, monkeypatch):
    monkeypatch.setenv("ZAN_CACHE", "0")
    ask("call(C, P, Purpose)", DAY)
    assert not cache_home.exists() or not list(cache_home.glob("*.pickle"))


def test_a_case_file_is_never_cached(cache_home, tmp_path):
    facts = tmp_path / "case.facts"
    facts.write_text("in_disciplinary_isolator(bekov).\nspouse(bekov, case_only_zhanargul).\n", encoding="utf-8")
    ask("call(bekov, P, Purpose)", DAY, None, [facts])
    before = sorted(p.name for p in cache_home.iterdir())
    facts.write_text("in_disciplinary_isolator(bekov).\nfriend(bekov, serik).\n", encoding="utf-8")
    ask("call(bekov, P, Purpose)", DAY, None, [facts])
    assert sorted(p.name for p in cache_home.iterdir()) == before  # a new case adds no entry
    assert not any(b"case_only_zhanargul" in p.read_bytes() for p in cache_home.iterdir())
