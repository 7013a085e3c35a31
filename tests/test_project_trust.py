"""A zan.toml decides which law answers: one another user could have written is ignored (SECURITY.md)."""

from __future__ import annotations

import os

import pytest

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
