"""The golden-file helper (tests/conftest.py) can fail: a missing golden fails (never written silently, with or
without CI), a different output fails, and a golden is written only under --update-goldens."""

from __future__ import annotations

import pytest

from conftest import compare_golden


@pytest.mark.parametrize("ci", ["", "true"])
def test_a_missing_golden_fails_and_is_not_written(tmp_path, monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="missing"):
        compare_golden("new/example.txt", "anything", update=False, root=tmp_path)
    assert not (tmp_path / "new").exists()


def test_a_different_output_fails_and_the_same_passes(tmp_path):
    (tmp_path / "g.txt").write_text("expected\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="differs"):
        compare_golden("g.txt", "actual\n", update=False, root=tmp_path)
    compare_golden("g.txt", "expected\n", update=False, root=tmp_path)


def test_update_writes_the_golden(tmp_path):
    compare_golden("new/example.txt", "output\n", update=True, root=tmp_path)
    assert (tmp_path / "new" / "example.txt").read_text(encoding="utf-8") == "output\n"
    compare_golden("new/example.txt", "output\n", update=False, root=tmp_path)
