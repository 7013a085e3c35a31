"""Where Zan's own files are (the grammar, and beside it the bundled law): a leaf, so that the cache can name the
grammar in its code digest without importing what finds projects (engine.base.resources re-exports these).
May import only the standard library.
"""

from __future__ import annotations

import os
import site
import sys
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def plain(path) -> str:
    """`str(Path(path))` without importing pathlib (2-3 ms of a cold question with the urllib.parse and ipaddress it
    imports): a POSIX path as pathlib writes it, with no empty or `.` parts and no trailing slash (`..` is kept)."""
    text = os.fspath(path)
    if isinstance(text, bytes):   # pragma: no cover - paths are text here
        text = os.fsdecode(text)
    root = ""
    if text.startswith("/"):
        root = "//" if text.startswith("//") and not text.startswith("///") else "/"
    return root + "/".join(part for part in text.split("/") if part and part != ".") or "."


def as_path(text) -> Path:
    """`pathlib.Path(text)`, pathlib imported only by a caller that wants the object (the public functions that
    have always returned one); a question's own way uses the strings."""
    from pathlib import Path

    return Path(text)


def relative(path: str, here: str) -> str | None:
    """`str(Path(path).relative_to(here))` for two absolute, resolved paths; None where pathlib raises ValueError."""
    if path == here:
        return "."
    if here == "/":
        return path[1:] if path.startswith("/") else None
    return path[len(here) + 1:] if path.startswith(here + "/") else None


@lru_cache(maxsize=None)
def home_folder() -> str:
    """The folder holding grammar/, kb/ and queries/ (as `home()`, a string).

    In a checkout (or an editable install) that is the project root beside engine/; a regular
    install puts them under share/zan of the installation prefix (see setup.cfg's data_files).
    """
    candidates = []
    if os.environ.get("ZAN_HOME"):
        candidates.append(plain(os.environ["ZAN_HOME"]))
    candidates.append(os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__)))))
    candidates.append(plain(os.path.join(sys.prefix, "share", "zan")))
    candidates.append(plain(os.path.join(site.USER_BASE or "", "share", "zan")))
    for candidate in candidates:
        if os.path.isfile(os.path.join(candidate, "grammar", "zan.lark")):
            return candidate
    return candidates[-1]


def home() -> Path:
    """The folder holding grammar/, kb/ and queries/, as a `pathlib.Path` (`home_folder`)."""
    return as_path(home_folder())


def grammar_file() -> str:
    return plain(os.path.join(home_folder(), "grammar", "zan.lark"))


def grammar_path() -> Path:
    return as_path(grammar_file())
