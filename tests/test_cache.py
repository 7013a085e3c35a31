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


def test_a_change_to_the_engine_s_code_changes_every_key(tmp_path, monkeypatch):
    """The code digest follows each source file of the code that makes entries as Python's bytecode check does
    (size, time) and its inode: an edit, a touch or a new file gives other keys, so an entry made by other code is
    never loaded."""
    import engine
    import os

    code = tmp_path / "engine"
    (code / "base").mkdir(parents=True)
    (code / "__init__.py").write_text("", encoding="utf-8")
    module = code / "base" / "nodes.py"
    module.write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(engine, "__file__", str(code / "__init__.py"))
    digests = [cache._digest_of_code()]
    module.write_text("A = 2\n", encoding="utf-8")                          # the same size
    os.utime(module, ns=(module.stat().st_atime_ns, module.stat().st_mtime_ns + 1))
    digests.append(cache._digest_of_code())
    module.write_text("A = 22\n", encoding="utf-8")                         # another size
    os.utime(module, ns=(module.stat().st_atime_ns, module.stat().st_mtime_ns))
    digests.append(cache._digest_of_code())
    (code / "base" / "more.py").write_text("", encoding="utf-8")
    digests.append(cache._digest_of_code())
    (code / "base" / "notes.txt").write_text("not code", encoding="utf-8")
    assert cache._digest_of_code() == digests[-1]
    (code / "pipeline.py").write_text("", encoding="utf-8")
    digests.append(cache._digest_of_code())
    assert len(set(digests)) == len(digests)
    (code / "tools").mkdir()                                                # above the code that makes entries
    (code / "tools" / "report.py").write_text("", encoding="utf-8")
    (code / "cli.py").write_text("", encoding="utf-8")
    assert cache._digest_of_code() == digests[-1]


def test_the_code_digest_covers_all_the_code_that_makes_entries():
    """The digest covers engine/pipeline.py and every stage below it (`cache.MAKERS`), which the architecture lets
    import nothing above them, and every module that makes an entry (`cache.store`) is among them: no edit that could
    change what an entry holds leaves its key as it was. The tools and front-ends above only read entries; the
    digest does not stat their files (before: every file of engine/, ~30 more)."""
    import ast

    from test_architecture import LEVELS, MODULES, level

    below = {room for room, at in LEVELS.items() if at <= LEVELS["engine.pipeline"] and room != "engine"}
    assert {f"engine.{m.removesuffix('.py')}" for m in cache.MAKERS} == below | {"engine.__init__"}
    stores = set()
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "store" and getattr(node.value, "id", None) == "cache":
                stores.add(module)
            if isinstance(node, ast.ImportFrom) and node.module == "engine.base.cache" \
                    and any(a.name == "store" for a in node.names):
                stores.add(module)
    assert stores >= {"engine.pipeline", "engine.base.project"}
    assert all(level(module) <= LEVELS["engine.pipeline"] for module in stores), stores


def test_a_project_file_parsed_before_is_read_from_the_cache(cache_home, tmp_path, monkeypatch):
    """zan.toml's parse is kept under its bytes: read again without tomllib; another text, a broken one, one holding
    a TOML date (not plain data: never stored) are each parsed, and a broken one is still said at its line."""
    import sys

    from engine.base import project
    from engine.base.diagnostics import ZanError

    settings = tmp_path / "zan.toml"
    (tmp_path / "kb").mkdir()
    settings.write_text('[project]\nlang = "kk"\n', encoding="utf-8")
    assert project.read(settings).lang == "kk"
    monkeypatch.setitem(sys.modules, "tomllib", None)   # importing it now fails
    assert project.read(settings).lang == "kk"
    settings.write_text('[project]\nlang = "ru"\n', encoding="utf-8")
    with pytest.raises(ImportError):
        project.read(settings)                           # other bytes: parsed again
    monkeypatch.delitem(sys.modules, "tomllib")
    assert project.read(settings).lang == "ru"
    settings.write_text('[project]\nlang = "ru"\nwhen = 2025-01-01\n', encoding="utf-8")
    with pytest.raises(ZanError):                        # an unknown key; the date made no entry
        project.read(settings)
    settings.write_text('[project]\nlang = "ru\n', encoding="utf-8")
    with pytest.raises(ZanError) as broken:
        project.read(settings)
    assert broken.value.diagnostics[0].span.line == 2


@pytest.mark.parametrize("facts", [None, KB / "cases" / "example2-death-certificate.facts"], ids=["sample", "a case"])
def test_an_entry_holds_no_text_of_the_law_and_gives_it_back_when_asked(cache_home, monkeypatch, facts):
    """The law's entries hold none of its files' texts: their bytes are read and hashed for the key anyway (one
    digest pass over them, not a second in the seal). A knowledge base from the cache gives each text back,
    the same as parsing gives it, decoded only when asked for (a question quotes none: it decodes none)."""
    import pickle

    from engine.base import inputs
    from engine.pipeline import load_checked

    parsed, _, _ = load_checked(None, [facts] if facts else None)
    assert list(cache_home.glob("*.zc"))
    line = "% The acts of the knowledge base".encode()   # the first line of kb/acts.zan
    assert line in (KB / "acts.zan").read_bytes()
    assert not any(line in entry.read_bytes() for entry in cache_home.glob("*.zc"))
    decoded = []
    decode = inputs.decode
    monkeypatch.setattr(inputs, "decode", lambda data, name: decoded.append(name) or decode(data, name))
    cached, _, _ = load_checked(None, [facts] if facts else None)
    assert cached is not parsed
    assert decoded == ([] if facts is None else ["kb/cases/example2-death-certificate.facts"])   # a case is read again
    shown = next(name for name in cached.sources if name.endswith("acts.zan"))
    assert cached.sources[shown] == parsed.sources[shown] and decoded[-1] == shown
    assert dict(cached.sources) == dict(parsed.sources) and list(cached.sources) == list(parsed.sources)
    assert cached.sources == parsed.sources == pickle.loads(pickle.dumps(cached.sources))
