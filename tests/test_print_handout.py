"""The printed HTML handout: what the screen can show is on paper (collapsed proofs expanded in print),
it opens with a summary table, and the page count is sensible. Printed by headless Chromium to PDF
(`--print-to-pdf`) and read back with poppler's pdftotext; with each font set of tests/fonts.py (what CI
installs, and a second one), so the layout holds whatever the widths of the letters: the summary table never
breaks an atom inside its cell (pdftotext would interleave its halves with the other columns)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from fonts import FONT_SETS, environment
from test_explanations_browser import chromium

pytestmark = pytest.mark.slow   # a real Chromium: the slow tier (setup.cfg)


def _atoms(value, out: set) -> set:
    """Every proof line of a document: the atom of each condition, fact, why-not and failed condition."""
    if isinstance(value, dict):
        for key in ("atom", "condition"):
            if isinstance(value.get(key), str):
                out.add(value[key])
        for v in value.values():
            _atoms(v, out)
    elif isinstance(value, list):
        for v in value:
            _atoms(v, out)
    return out


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("fonts", sorted(FONT_SETS))
@pytest.mark.parametrize("language", ["ru", "kk"])
def test_printed_handout_has_every_proof_line(zan, tmp_path, monkeypatch, language, fonts):
    browser = chromium()
    env = environment(fonts, tmp_path / "fonts")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install -y poppler-utils)")
    monkeypatch.chdir(ROOT)
    args = ("query", "calls", "kunakbaev", "--at", "2025-01-15", "--lang", language)
    page = zan(*args, "--format", "html")
    assert page.exit_code == 0, page.output
    assert "<details class=\"node\">" in page.stdout  # the screen shows collapsed proofs
    doc = json.loads(zan(*args, "--format", "json", "--trace", "full").stdout)
    html_file = tmp_path / "handout.html"
    html_file.write_text(page.stdout, encoding="utf-8")
    pdf = tmp_path / "handout.pdf"
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", html_file.as_uri()],
        capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
    printed = _squeeze(text)
    lines = _atoms(doc["answers"], set()) | _atoms(doc.get("proofs", {}), set())
    assert len(lines) > 20
    missing = sorted(a for a in lines if _squeeze(a) not in printed)
    assert not missing, f"proof lines not printed: {missing[:10]}"
    fonts_used = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, timeout=60).stdout
    assert FONT_SETS[fonts][2]["sans-serif"].replace(" ", "") in fonts_used, fonts_used  # printed with that set
    # the summary table: each answer's atom whole on one line of the text (no half of it in another row)
    layout_lines = text.splitlines()
    for a in doc["answers"]:
        assert any(a["atom"] in re.sub(r"\s+", " ", line) for line in layout_lines), f"{a['atom']} is broken across lines"
    # it opens with the summary table: every answer with its status, before the first answer's section
    first_answer = printed.index(_squeeze(doc["answers"][0]["atom"]))
    assert all(_squeeze(a["atom"]) in printed[:printed.index(_squeeze(doc["answers"][-1]["atom"])) + 200]
               for a in doc["answers"])
    assert first_answer < len(printed) // 10
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout).group(1))
    assert pages <= 2 * len(doc["answers"]) + 2, pages  # a sensible number of pages
