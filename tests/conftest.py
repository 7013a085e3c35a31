"""Shared fixtures: a Click runner for the command, the command as a process of the checkout, the installed
`zan` (for tests/test_installed.py only), and golden files.

Every test runs the checkout, never a copy installed earlier: the checkout comes first on this process's
path and on PYTHONPATH, which every subprocess (`python -m engine`, `python -c`) inherits, so a plain
`pytest` after an edit tests the edit. Only tests/test_installed.py runs the console script that
`pip install .` made (without PYTHONPATH), as users get it.
"""

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

if sys.path[:1] != [str(ROOT)]:
    sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))])


# Modules whose collection alone is slow (the conformance suite reads ~25 MB of YAML): not even
# collected when the marker expression leaves `slow` tests out (`-m "not slow"`, the edit loop).
SLOW_TO_COLLECT = {"test_conformance.py"}


def _deselects_slow(config) -> bool:
    expression = config.getoption("markexpr") or ""
    if not expression:
        return False
    try:
        from _pytest.mark.expression import Expression
        return not Expression.compile(expression).evaluate(lambda name: name == "slow")
    except Exception:      # pytest's private API moved: read the common spelling
        return "not slow" in expression


def pytest_ignore_collect(collection_path, config):
    if collection_path.name in SLOW_TO_COLLECT and _deselects_slow(config):
        return True
    return None


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


def compare_golden(relative: str, actual: str, update: bool, root: Path = GOLDEN) -> None:
    """Compares `actual` with <root>/<relative>, or rewrites that file when `update` (--update-goldens).

    A missing golden fails the test whether or not CI is set: a golden written silently on a first run would
    pass whatever the output is. It is made only when asked, with --update-goldens, and then reviewed."""
    path = root / relative
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"golden file tests/golden/{relative} is missing; make it with "
                    f"`bash run test --update-goldens <this test file>` and review it")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from tests/golden/{relative}; if intended, run `bash run test --update-goldens`"


@pytest.fixture
def golden(update_goldens):
    """golden(path, actual): compares with tests/golden/<path>, or rewrites it under --update-goldens."""
    def compare(relative: str, actual: str) -> None:
        compare_golden(relative, actual, update_goldens)
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


ZAN_COMMAND = (sys.executable, "-m", "engine")


@pytest.fixture(scope="session")
def zan_command() -> tuple[str, ...]:
    """`zan` as a process of the checkout: `python -m engine` with the checkout on PYTHONPATH."""
    return ZAN_COMMAND


def run_checkout(*args: str, cwd: Path | None = None, **kw) -> subprocess.CompletedProcess:
    """Runs `zan ARGS` as a process of the checkout, from `cwd` (any folder)."""
    return subprocess.run([*ZAN_COMMAND, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120, **kw)


@pytest.fixture(scope="session")
def installed_zan() -> str:
    """The installed console script (from `pip install .`), next to the running interpreter or on PATH."""
    candidate = Path(sys.executable).parent / "zan"
    found = str(candidate) if candidate.exists() else shutil.which("zan")
    if not found:
        pytest.fail("the `zan` command is not installed; run the tests with `bash run test`")
    return found


def run_installed(installed: str, *args: str, cwd: Path | None = None, **kw) -> subprocess.CompletedProcess:
    """Runs the installed script with the environment less PYTHONPATH, so that it imports its installed copy."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([installed, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env=env, **kw)


# ---------------------------------------------------------------- questions in words (tests/test_words*.py and others)

@pytest.fixture(scope="session")
def sample_knowledge():
    """The bundled law with its sample case, read once per test process: questions in words only read it."""
    from engine.tools.understanding import knowledge

    return knowledge()


@pytest.fixture(scope="session")
def example2_knowledge():
    """The bundled law with BRIEF example 2's case (Bekov, his mother's death certificate), read once per process."""
    from engine.tools.understanding import knowledge

    return knowledge(None, [CASES / "example2-death-certificate.facts"])


def said(u) -> tuple[str, frozenset[str]]:
    """A question in words as understood: its atom and its assumptions (it must have been understood)."""
    from engine.tools.understanding import Understood

    assert isinstance(u, Understood), u.message
    return u.atom_text, frozenset(str(a) for a in u.assumptions)


def refused_at(u, text: str) -> str:
    """The words of the question a refusal points at (it must have been refused)."""
    from engine.base.diagnostics import Diagnostic

    assert isinstance(u, Diagnostic), f"understood: {u.atom_text} {[str(a) for a in u.assumptions]}"
    return text[u.span.column - 1:u.span.end_column - 1]
