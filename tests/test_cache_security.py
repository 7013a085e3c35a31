"""The cache as an attacker would meet it (issue 10, items 1 and 4; SECURITY.md).

Each test plants, where the cache would look, an entry that is valid in every other respect (right key,
right checksum) but whose unpickling creates a marker file; the answer must come out right and the
marker must never appear. The other user is played by a folder owned by another uid (os.chown, when
the tests run as root) or a world-writable folder.
"""

from __future__ import annotations

import datetime
import os
import pickle
import subprocess
import sys
import time

import pytest

from engine.base import cache
from engine.pipeline import ask
from engine.syntax.knowledge import STORED, kb_files, read_files

from conftest import KB, ROOT

DAY = datetime.date(2025, 1, 15)
OTHER_UID = 54321


class _Planted:
    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (__import__("os").system, (f"touch {self.marker}",))


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setenv("ZAN_CACHE", "1")
    return home / "zan"


@pytest.fixture(scope="module")
def law_key():
    return cache.key("law", read_files(kb_files(KB)))


@pytest.fixture(scope="module")
def right_answers():
    import os as _os
    saved = _os.environ.get("ZAN_CACHE")
    _os.environ["ZAN_CACHE"] = "0"
    try:
        return statuses(ask("call(C, P, Purpose)", DAY))
    finally:
        if saved is None:
            del _os.environ["ZAN_CACHE"]
        else:
            _os.environ["ZAN_CACHE"] = saved


def statuses(result):
    return [(t.answer.values, t.answer.status) for t in result.traces]


def plant(folder, entry, marker, name=None):
    """A well-formed entry (key and checksum right) whose unpickling touches the marker."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or entry + cache.SUFFIX)
    path.write_bytes(cache._seal(entry, pickle.dumps(_Planted(marker))))
    return path


def test_a_planted_entry_is_loaded_from_our_own_folder(cache_home, law_key, tmp_path, monkeypatch):
    """The control: with a plain unpickler, the same plant in a folder that passes the checks runs; so the
    tests below test the folder's and the file's checks, not only the restricted unpickler."""
    marker = tmp_path / "MARKER"
    plant(cache_home, law_key, marker)
    cache_home.chmod(0o700)
    monkeypatch.setattr(cache, "_loads", lambda payload, allowed: pickle.loads(payload))
    cache.load(law_key)
    assert marker.exists()


def test_a_planted_entry_never_runs_even_from_our_own_folder(cache_home, law_key, tmp_path, right_answers):
    """The unpickler finds only the law's own classes (engine.syntax.knowledge.STORED): an entry naming a
    function (here os.system) is refused, and the law is parsed again."""
    marker = tmp_path / "MARKER"
    plant(cache_home, law_key, marker)
    cache_home.chmod(0o700)
    assert cache.load(law_key, STORED) is None
    assert statuses(ask("call(C, P, Purpose)", DAY)) == right_answers
    assert not marker.exists()


def test_only_the_allowed_classes_are_stored_and_loaded(cache_home):
    cache.store("d" * 32, datetime.date(2025, 1, 15))          # a class not allowed: not written at all
    assert cache.load("d" * 32, [datetime.date]) is None
    cache.store("e" * 32, [datetime.date(2025, 1, 15)], [datetime.date])
    assert cache.load("e" * 32, [datetime.date]) == [datetime.date(2025, 1, 15)]
    assert cache.load("e" * 32) is None                        # the same bytes, read by one that allows no class


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a folder to another uid")
def test_a_folder_owned_by_another_user_is_never_used(cache_home, law_key, tmp_path, right_answers):
    marker = tmp_path / "MARKER"
    plant(cache_home, law_key, marker)
    cache_home.chmod(0o700)
    os.chown(cache_home, OTHER_UID, OTHER_UID)
    assert statuses(ask("call(C, P, Purpose)", DAY)) == right_answers
    assert not marker.exists()
    assert sorted(p.name for p in cache_home.iterdir()) == [law_key + cache.SUFFIX]  # nothing written there


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file to another uid")
def test_an_entry_owned_by_another_user_is_never_loaded(cache_home, law_key, tmp_path, right_answers):
    marker = tmp_path / "MARKER"
    path = plant(cache_home, law_key, marker)
    cache_home.chmod(0o700)
    os.chown(path, OTHER_UID, OTHER_UID)
    assert statuses(ask("call(C, P, Purpose)", DAY)) == right_answers
    assert not marker.exists()


@pytest.mark.parametrize("mode", [0o777, 0o1777, 0o770, 0o720])
def test_a_folder_others_can_write_is_never_used(cache_home, law_key, tmp_path, right_answers, mode):
    marker = tmp_path / "MARKER"
    plant(cache_home, law_key, marker)
    cache_home.chmod(mode)
    assert statuses(ask("call(C, P, Purpose)", DAY)) == right_answers
    assert not marker.exists()


def test_an_entry_others_can_write_is_never_loaded(cache_home, law_key, tmp_path):
    marker = tmp_path / "MARKER"
    path = plant(cache_home, law_key, marker)
    cache_home.chmod(0o700)
    path.chmod(0o666)
    assert cache.load(law_key) is None
    assert not marker.exists()


def test_a_symlinked_folder_is_never_used(cache_home, law_key, tmp_path, right_answers):
    marker = tmp_path / "MARKER"
    elsewhere = tmp_path / "elsewhere"
    plant(elsewhere, law_key, marker)
    elsewhere.chmod(0o700)
    cache_home.parent.mkdir(parents=True)
    cache_home.symlink_to(elsewhere, target_is_directory=True)
    assert statuses(ask("call(C, P, Purpose)", DAY)) == right_answers
    assert not marker.exists()
    assert sorted(p.name for p in elsewhere.iterdir()) == [law_key + cache.SUFFIX]  # nothing written through it


def test_a_symlinked_or_hard_linked_entry_is_never_loaded(cache_home, law_key, tmp_path):
    marker = tmp_path / "MARKER"
    planted = plant(tmp_path / "elsewhere", law_key, marker)
    cache_home.mkdir(parents=True, mode=0o700)
    (cache_home / (law_key + cache.SUFFIX)).symlink_to(planted)
    assert cache.load(law_key) is None
    (cache_home / (law_key + cache.SUFFIX)).unlink()
    os.link(planted, cache_home / (law_key + cache.SUFFIX))
    assert cache.load(law_key) is None
    assert not marker.exists()


def test_an_entry_renamed_onto_another_key_is_never_used(cache_home):
    cache.store("a" * 32, {"answer": "for a"})
    os.replace(cache_home / ("a" * 32 + cache.SUFFIX), cache_home / ("b" * 32 + cache.SUFFIX))
    assert cache.load("b" * 32) is None
    cache.store("a" * 32, {"answer": "for a"})
    assert cache.load("a" * 32) == {"answer": "for a"}


def test_the_folder_is_created_0700_with_its_parents(cache_home):
    cache.store("c" * 32, 1)
    assert (cache_home.stat().st_mode & 0o777) == 0o700
    assert (cache_home.parent.stat().st_mode & 0o777) == 0o700
    assert ((cache_home / ("c" * 32 + cache.SUFFIX)).stat().st_mode & 0o777) == 0o600


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("ZAN_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.folder() == tmp_path / ".cache" / "zan"


def test_zan_cache_0_turns_every_cache_off(cache_home, tmp_path, monkeypatch):
    monkeypatch.setenv("ZAN_CACHE", "0")
    ask("call(C, P, Purpose)", DAY)
    assert not cache_home.parent.exists()


def test_no_home_and_no_passwd_entry_runs_without_a_cache(tmp_path):
    """As in a container: no HOME, no passwd entry for the uid (pwd raises KeyError)."""
    code = ("import pwd, sys\n"
            "def missing(uid): raise KeyError(uid)\n"
            "pwd.getpwuid = missing\n"
            "from engine.cli import main\n"
            "sys.argv = ['zan', 'ask', 'call(kunakbaev, P, Purpose)', '--at', '2025-01-15']\n"
            "main()\n")
    env = {"PATH": "/usr/bin:/bin", "ZAN_CACHE": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "call(kunakbaev, serik, social_ties): prohibited  [pec 134.1.2]" in done.stdout
    assert list(tmp_path.iterdir()) == []


def test_the_cache_is_bounded_by_age_and_size(cache_home):
    for i in range(4):
        cache.store(f"{i:032x}", b"x" * 1000)
    old = cache_home / (f"{0:032x}" + cache.SUFFIX)
    ancient = time.time() - (cache.MAX_AGE_DAYS + 1) * 86400
    os.utime(old, (ancient, ancient))
    fd = cache.open_folder(create=False)
    try:
        assert cache.prune(fd) == 1
        assert not old.exists()
        assert cache.prune(fd, max_bytes=2500) == 1  # the least recently used beyond the size bound
    finally:
        os.close(fd)
    assert len(list(cache_home.glob("*.zc"))) == 2


def test_zan_cache_clear(cache_home, zan):
    ask("call(C, P, Purpose)", DAY)
    (cache_home / "old.pickle").write_bytes(b"left by an old version")
    assert list(cache_home.glob("*.zc"))
    result = zan("cache", "clear")
    assert result.exit_code == 0, result.output
    assert str(cache_home) in result.output
    assert list(cache_home.iterdir()) == []
    assert zan("cache", "info").exit_code == 0
