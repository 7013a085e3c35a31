"""The fonts the browser tests print and measure with: a font set CI installs (Debian packages, .ci/run),
never whatever fonts the machine happens to have.

Chromium finds fonts through fontconfig; `FONTCONFIG_FILE` pointing at a configuration that lists one
folder makes the page lay out the same on every machine with that package. `ZAN_TEST_FONTS` names the set
for a whole run (default `dejavu`, the one CI uses); tests/test_print_handout.py also prints with the second
set, so a layout that only works with one font's widths fails here rather than on someone's laptop.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# name -> (Debian package, folder, the families that stand for sans-serif, serif and monospace)
FONT_SETS: dict[str, tuple[str, str, dict[str, str]]] = {
    "dejavu": ("fonts-dejavu-core", "/usr/share/fonts/truetype/dejavu",
               {"sans-serif": "DejaVu Sans", "serif": "DejaVu Serif", "monospace": "DejaVu Sans Mono"}),
    "liberation": ("fonts-liberation2", "/usr/share/fonts/truetype/liberation2",
                   {"sans-serif": "Liberation Sans", "serif": "Liberation Serif", "monospace": "Liberation Mono"}),
}
DEFAULT = "dejavu"
# the CSS generic names the pages use, and which of the three each falls to
GENERIC = {"sans-serif": "sans-serif", "sans": "sans-serif", "mono": "monospace", "system-ui": "sans-serif", "-apple-system": "sans-serif", "Segoe UI": "sans-serif",
           "Roboto": "sans-serif", "serif": "serif", "monospace": "monospace", "ui-monospace": "monospace",
           "Menlo": "monospace", "Consolas": "monospace"}


# a request that names no generic family (Chromium's system-ui asks with none) gets sans-serif, as Debian's
# 49-sansserif.conf does; otherwise fontconfig answers with the first font of the folder
UNNAMED = ('<match target="pattern">' + "".join(f'<test qual="all" name="family" compare="not_eq"><string>{g}</string></test>'
                                                for g in ("sans-serif", "serif", "monospace"))
           + '<edit name="family" mode="append_last"><string>sans-serif</string></edit></match>')


def font_set(name: str | None = None) -> str:
    """The folder of the font set, or a skip (a failure on CI, where .ci/run installs it)."""
    name = name or os.environ.get("ZAN_TEST_FONTS") or DEFAULT
    if name not in FONT_SETS:
        pytest.fail(f"ZAN_TEST_FONTS={name!r}: the font sets are {', '.join(FONT_SETS)}")
    package, folder, _families = FONT_SETS[name]
    if not Path(folder).is_dir():
        message = f"the font set {name} is not installed (apt-get install -y {package}; .ci/run does)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return folder


def fontconfig(name: str, where: Path) -> Path:
    """A fontconfig file that offers only the font set `name` (its cache in `where`)."""
    package, folder, families = FONT_SETS[name]
    aliases = "".join(f"<alias binding=\"same\"><family>{generic}</family><prefer><family>{families[kind]}</family></prefer></alias>"
                      for generic, kind in GENERIC.items())
    where.mkdir(parents=True, exist_ok=True)
    config = where / f"fonts-{name}.conf"
    config.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
                      f"<fontconfig><dir>{folder}</dir><cachedir>{where / 'cache'}</cachedir>{UNNAMED}{aliases}</fontconfig>\n",
                      encoding="utf-8")
    return config


def environment(name: str | None, where: Path) -> dict[str, str]:
    """os.environ with FONTCONFIG_FILE set to the font set `name` (default: ZAN_TEST_FONTS, else dejavu)."""
    name = name or os.environ.get("ZAN_TEST_FONTS") or DEFAULT
    font_set(name)
    return {**os.environ, "FONTCONFIG_FILE": str(fontconfig(name, where))}
