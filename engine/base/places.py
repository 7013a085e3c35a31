"""Where Zan's own files are (the grammar, and beside it the bundled law): a leaf, so that the cache can name the
grammar in its code digest without importing what finds projects (engine.base.resources re-exports these).
May import only the standard library.
"""

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
