"""Shared fixtures: a Click runner for the command, the installed `zan`, and golden files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "kb"
CASES = KB / "cases"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session", autouse=True)
def browser_fonts(tmp_path_factory):
    """Every browser (and Graphviz) a test starts finds only the font set CI installs (tests/fonts.py), not the
    machine's fonts; where the set is missing, the browser tests skip (fail on CI) through fonts.font_set."""
    from fonts import DEFAULT, FONT_SETS, fontconfig
    name = os.environ.get("ZAN_TEST_FONTS") or DEFAULT
    if name in FONT_SETS and Path(FONT_SETS[name][1]).is_dir():
        os.environ["FONTCONFIG_FILE"] = str(fontconfig(name, tmp_path_factory.mktemp("fonts")))
    yield


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="Rewrite the golden files from the current output (then review `git diff tests/golden`).")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture
def golden(update_goldens):
    """golden(path, actual): compares with tests/golden/<path>, or rewrites it under --update-goldens."""
    def compare(relative: str, actual: str) -> None:
        path = GOLDEN / relative
        if update_goldens or not path.exists():
            if not update_goldens and os.environ.get("CI"):
                pytest.fail(f"golden file {relative} is missing; run `bash run test --update-goldens`")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"output differs from tests/golden/{relative}; if intended, run `bash run test --update-goldens`"
    return compare


class Zan:
    """Runs the command in-process through Click, as `zan ARGS`."""

    def __init__(self):
        from engine.cli import main
        self.main = main
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(self.main, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture
def zan() -> Zan:
    return Zan()


@pytest.fixture(scope="session")
def zan_bin() -> str:
    """The installed console script (from `pip install .`), next to the running interpreter or on PATH."""
    candidate = Path(sys.executable).parent / "zan"
    found = str(candidate) if candidate.exists() else shutil.which("zan")
    if not found:
        pytest.fail("the `zan` command is not installed; run the tests with `bash run test`")
    return found


def run_installed(zan_bin: str, *args: str, cwd: Path | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([zan_bin, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120, **kw)
