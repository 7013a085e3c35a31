"""Where the grammar, the bundled knowledge base and the saved questions live, in a checkout or installed."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from engine.base.places import as_path, grammar_path, home, home_folder, plain

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["bundled_kb", "bundled_kb_folder", "bundled_queries", "bundled_settings", "bundled_settings_file", "default_kb",
           "default_queries", "grammar_path", "home", "project_template"]


def project_template() -> Path:
    """The skeleton `zan init` copies (templates/project: zan.toml, an act, a norm, a case, a scenario)."""
    return home() / "templates" / "project"


def bundled_kb() -> Path:
    """The knowledge base that ships with Zan (the checkout's kb/, or share/zan/kb when installed)."""
    return as_path(bundled_kb_folder())


def bundled_kb_folder() -> str:
    """`bundled_kb()` as a string (a question's way: pathlib not imported)."""
    return plain(os.path.join(home_folder(), "kb"))


def bundled_settings() -> Path:
    """The bundled law's own zan.toml: the checkout's, which setup.cfg installs beside the bundled kb as
    share/zan/zan.toml (its folders, relative to itself, name the same places in both layouts). Read as a
    project's is (`engine.base.project.Choice.settings`, given it by `choose`) where no project is found: what the trainers' page
    opens with comes from the law, never from the engine."""
    return as_path(bundled_settings_file())


def bundled_settings_file() -> str:
    """`bundled_settings()` as a string."""
    return plain(os.path.join(home_folder(), "zan.toml"))


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
