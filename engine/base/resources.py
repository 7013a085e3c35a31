"""Where the grammar, the bundled knowledge base and the saved questions live, in a checkout or installed."""

from __future__ import annotations

import os
import site
import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def home() -> Path:
    """The folder holding grammar/, kb/ and queries/.

    In a checkout (or an editable install) that is the project root beside engine/; a regular
    install puts them under share/zan of the installation prefix (see setup.cfg's data_files).
    """
    candidates = []
    if os.environ.get("ZAN_HOME"):
        candidates.append(Path(os.environ["ZAN_HOME"]))
    candidates.append(Path(__file__).resolve().parents[2])
    candidates.append(Path(sys.prefix) / "share" / "zan")
    candidates.append(Path(site.USER_BASE or "") / "share" / "zan")
    for candidate in candidates:
        if (candidate / "grammar" / "zan.lark").is_file():
            return candidate
    return candidates[-1]


def grammar_path() -> Path:
    return home() / "grammar" / "zan.lark"


def project_template() -> Path:
    """The skeleton `zan init` copies (templates/project: zan.toml, an act, a norm, a case, a scenario)."""
    return home() / "templates" / "project"


def bundled_kb() -> Path:
    """The knowledge base that ships with Zan (the checkout's kb/, or share/zan/kb when installed)."""
    return home() / "kb"


def bundled_settings() -> Path:
    """The bundled law's own zan.toml: the checkout's, which setup.cfg installs beside the bundled kb as
    share/zan/zan.toml (its folders, relative to itself, name the same places in both layouts). Read as a
    project's is (`engine.base.project.Choice.settings`, given it by `choose`) where no project is found: what the trainers' page
    opens with comes from the law, never from the engine."""
    return home() / "zan.toml"


def bundled_queries() -> Path:
    return home() / "queries"


def default_kb() -> Path:
    """The knowledge base of the project the working folder is in (engine/base/project.py), else the bundled one."""
    from engine.base.project import current

    project = current()
    return project.kb if project is not None else bundled_kb()


def default_queries() -> Path:
    """The project's first question folder, else the bundled questions."""
    from engine.base.project import current

    project = current()
    if project is not None and project.questions:
        return project.questions[0]
    return bundled_queries()
