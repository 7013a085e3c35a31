"""A zan.toml decides which law answers: one another user could have written is ignored (SECURITY.md)."""

from __future__ import annotations

import os

import pytest
from pathlib import Path

from engine.base import project

TOML = '[project]\nname = "planted"\nkb = "kb"\n'


def plant(folder):
    (folder / "kb").mkdir(parents=True, exist_ok=True)
    path = folder / "zan.toml"
    path.write_text(TOML, encoding="utf-8")
    path.chmod(0o644)
    (folder / "work").mkdir(exist_ok=True)
    return path


def test_our_own_project_file_is_used(tmp_path):
    path = plant(tmp_path)
    assert project.find(tmp_path / "work") == path


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file to another uid")
def test_a_project_file_owned_by_another_user_is_ignored(tmp_path):
    path = plant(tmp_path)
    os.chown(path, 54321, 54321)
    assert project.find(tmp_path / "work") is None


@pytest.mark.parametrize("mode", [0o666, 0o664])
def test_a_project_file_others_can_write_is_ignored(tmp_path, mode):
    path = plant(tmp_path)
    path.chmod(mode)
    assert project.find(tmp_path / "work") is None


def test_zan_init_never_writes_through_a_planted_link(zan, tmp_path):
    folder = tmp_path / "new"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    (folder / "zan.toml").symlink_to(victim)               # dangling: exists() would say no
    result = zan("init", folder)
    assert result.exit_code == 2 and "would be overwritten" in result.output
    assert not victim.exists()
    (folder / "zan.toml").unlink()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (folder / "kb").symlink_to(elsewhere, target_is_directory=True)
    result = zan("init", folder)
    assert result.exit_code == 2 and "symbolic links" in result.output
    assert list(elsewhere.iterdir()) == [] and not (folder / "zan.toml").exists()
    (folder / "kb").unlink()
    assert zan("init", folder).exit_code == 0 and (folder / "zan.toml").is_file()


# ---------------------------------------------------------------- links and the law beside the project file

def test_a_project_file_that_is_a_link_is_ignored_with_the_reason(tmp_path):
    mine = tmp_path / "notes.toml"                      # a file of ours that parses as TOML (empty)
    mine.write_text("", encoding="utf-8")
    mine.chmod(0o644)
    shared = tmp_path / "shared"
    (shared / "work").mkdir(parents=True)
    (shared / "zan.toml").symlink_to(mine)
    (tmp_path / "kb").mkdir()                          # the law the link would have made ours
    assert project.find(shared / "work") is None
    assert project.current(shared / "work") is None
    refusal = project.refused(shared / "work")
    assert refusal is not None and refusal.reason == "project link"
    assert "symbolic link" in refusal.describe("en") and "символ" in refusal.describe("ru")


def test_a_project_file_with_a_second_name_is_ignored(tmp_path):
    path = plant(tmp_path)
    os.link(path, tmp_path / "other-name.toml")
    assert project.find(tmp_path / "work") is None and project.refused(tmp_path / "work").reason == "project hard link"


@pytest.mark.parametrize("what", ["kb folder", "kb file", "nested folder", "queries", "link target folder"])
def test_a_project_whose_law_others_can_write_is_ignored(tmp_path, what):
    path = plant(tmp_path)
    law = tmp_path / "kb" / "law.zan"
    law.write_text("% law\n", encoding="utf-8")
    law.chmod(0o644)
    (tmp_path / "kb").chmod(0o755)
    assert project.current(tmp_path / "work") is not None
    if what == "kb folder":
        (tmp_path / "kb").chmod(0o777)
    elif what == "kb file":
        law.chmod(0o666)
    elif what == "nested folder":
        (tmp_path / "kb" / "deep" / "deeper").mkdir(parents=True)
        (tmp_path / "kb" / "deep" / "deeper").chmod(0o775)
    elif what == "queries":
        path.write_text(TOML + 'questions = ["queries"]\n', encoding="utf-8")
        (tmp_path / "queries").mkdir()
        (tmp_path / "queries" / "q.zan").write_text("", encoding="utf-8")
        (tmp_path / "queries" / "q.zan").chmod(0o646)
    else:                                               # a link in the kb into a folder others can write
        drop = tmp_path / "drop"
        drop.mkdir()
        drop.chmod(0o777)
        (drop / "more.zan").write_text("% law\n", encoding="utf-8")
        (drop / "more.zan").chmod(0o644)
        (tmp_path / "kb" / "more.zan").symlink_to(drop / "more.zan")
    assert project.current(tmp_path / "work") is None
    refusal = project.refused(tmp_path / "work")
    assert refusal is not None and refusal.reason == "project folder"


def test_the_kb_line_says_which_project_file_was_ignored(zan, tmp_path, monkeypatch):
    plant(tmp_path)
    (tmp_path / "kb").chmod(0o777)
    monkeypatch.chdir(tmp_path / "work")
    result = zan("norms", "--at", "2025-01-15")
    lines = result.stderr.strip().splitlines()
    assert "kb: the knowledge base bundled with zan" == lines[-1]
    assert lines[-2].startswith("warning: ") and "zan.toml is ignored" in lines[-2] and "other users can write" in lines[-2]


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file to another uid")
def test_a_kb_file_owned_by_another_user_is_ignored(tmp_path):
    plant(tmp_path)
    law = tmp_path / "kb" / "law.zan"
    law.write_text("% law\n", encoding="utf-8")
    law.chmod(0o644)
    assert project.current(tmp_path / "work") is not None
    os.chown(law, 54321, 54321)
    assert project.current(tmp_path / "work") is None


VICTIM, ATTACKER = 54321, 54322


def as_user(uid: int, cwd: Path, work):
    """work() run in a forked child whose real and effective uid and gid are `uid`, in `cwd`; its result (JSON)."""
    import json

    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        code = 0
        try:
            os.close(reading)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            os.chdir(cwd)
            data = json.dumps(work()).encode()
        except BaseException as e:  # noqa: BLE001 - reported to the parent
            data, code = json.dumps({"error": repr(e)}).encode(), 1
        with os.fdopen(writing, "wb") as out:
            out.write(data)
        os._exit(code)
    os.close(writing)
    with os.fdopen(reading, "rb") as got:
        data = got.read()
    os.waitpid(child, 0)
    return json.loads(data)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run Zan as one user against files of another")
def test_two_users_a_planted_link_does_not_give_the_victim_the_attackers_law(zan, tmp_path):
    """The red team's attack: in a shared folder the attacker links zan.toml to a file the victim owns (any
    file that parses as TOML, here an empty one in a sticky /tmp-like folder) and puts a kb beside the
    target; the victim, working in the shared folder, must not answer from the attacker's law. Zan runs
    in a child process that has become the victim (setuid), its modules loaded by a first run as root."""
    import shutil
    import tempfile

    from tests.conftest import ROOT

    with tempfile.TemporaryDirectory() as top:
        top = Path(top)
        top.chmod(0o755)
        drop = top / "tmp"                              # like /tmp: anyone may create, sticky
        drop.mkdir()
        drop.chmod(0o1777)
        notes = drop / "notes.toml"                     # the victim's own (empty) file
        notes.write_text("", encoding="utf-8")
        notes.chmod(0o644)
        os.chown(notes, VICTIM, VICTIM)
        planted = drop / "kb"                           # the attacker's law beside it
        shutil.copytree(ROOT / "templates" / "project" / "kb", planted)
        for path in [planted, *planted.rglob("*")]:
            os.lchown(path, ATTACKER, ATTACKER)
        shared = top / "shared"                         # a folder the attacker owns, the victim works in
        (shared / "work").mkdir(parents=True)
        (shared / "work").chmod(0o777)
        link = shared / "zan.toml"
        link.symlink_to(notes)
        os.lchown(link, ATTACKER, ATTACKER)
        os.chown(shared, ATTACKER, ATTACKER)
        os.environ["ZAN_CACHE"] = "0"
        try:
            def ask():
                result = zan("norms", "--at", "2025-01-15")
                return {"code": result.exit_code, "out": result.stdout, "err": result.stderr}

            cwd = os.getcwd()
            os.chdir(shared / "work")
            try:
                ask()                                   # as root: loads every module the child needs
            finally:
                os.chdir(cwd)
            seen = as_user(VICTIM, shared / "work", ask)
        finally:
            del os.environ["ZAN_CACHE"]
        assert "error" not in seen and seen["code"] == 0, seen
        assert "example.1.borrow" not in seen["out"]   # the planted norm
        assert seen["err"].strip().splitlines()[-1] == "kb: the knowledge base bundled with zan"
        assert "symbolic link" in seen["err"]


def test_zan_init_refuses_a_folder_others_can_write(zan, tmp_path):
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o777)
    result = zan("init", folder)
    assert result.exit_code == 2 and "other users can write it" in result.output
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a link to another uid")
def test_zan_init_never_writes_through_a_folder_link_another_user_owns(zan, tmp_path):
    elsewhere = tmp_path / "elsewhere"                  # e.g. the victim's own folder of dotfiles
    elsewhere.mkdir()
    shared = tmp_path / "shared"
    shared.mkdir()
    link = shared / "project"
    link.symlink_to(elsewhere, target_is_directory=True)
    os.lchown(link, ATTACKER, ATTACKER)
    result = zan("init", link)
    assert result.exit_code == 2 and "symbolic link that another user owns" in result.output
    assert list(elsewhere.iterdir()) == []
    result = zan("init", link / "deeper")               # a link on the way counts too
    assert result.exit_code == 2 and list(elsewhere.iterdir()) == []
    os.lchown(link, os.geteuid(), os.getegid())         # our own link to our own folder is fine
    assert zan("init", link).exit_code == 0 and (elsewhere / "zan.toml").is_file()


def test_each_folder_of_the_law_is_walked_once(tmp_path, monkeypatch):
    """The trust walk lists each folder once and asks the system about each entry once, though the scenario and
    case folders are named by zan.toml and are also folders of the kb (as in the bundled project); before, those were
    walked twice. Every check still runs: a file in them that others can write still refuses the project."""
    path = plant(tmp_path)
    path.write_text(TOML + 'scenarios = ["kb/scenarios"]\ncases = ["kb/cases", "kb/cases/"]\n', encoding="utf-8")
    for folder in ("scenarios", "cases", "sample"):
        (tmp_path / "kb" / folder).mkdir()
        (tmp_path / "kb" / folder / "one.txt").write_text("", encoding="utf-8")
        (tmp_path / "kb" / folder / "one.txt").chmod(0o644)
    listed = []
    scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda folder: listed.append(os.path.realpath(folder)) or scandir(folder))
    assert project.current(tmp_path / "work") is not None
    listed = [f for f in listed if f.startswith(os.path.realpath(tmp_path))]   # not the code's (the cache key's)
    assert sorted(listed) == sorted(set(listed)) and len(listed) == 4   # kb and its three folders
    (tmp_path / "kb" / "cases" / "one.txt").chmod(0o646)
    assert project.current(tmp_path / "work") is None
    assert project.refused(tmp_path / "work").where.endswith("one.txt")
