"""The HTML explanation opened in a real headless Chromium (Debian's package): the tree expands, offline.

The page under test is `zan ask ... --format html` with a probe script appended: it measures a
collapsed <details> node, clicks its <summary> as a reader would, measures again, presses the page's
"expand all" button, and writes what it saw into the DOM, which Chromium prints with --dump-dom.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import CASES, ROOT
from fonts import font_set

PROBE = """<script>
(function () {
  var node = document.querySelector('details.node:not([open])');
  var inside = node.querySelector(':scope > :not(summary)');
  var visible = function (e) { return e.checkVisibility ? e.checkVisibility() : e.offsetParent !== null; };
  var result = {closed: !node.open, before: node.getBoundingClientRect().height, shown_before: visible(inside)};
  node.querySelector('summary').click();
  result.opened = node.open;
  result.after = node.getBoundingClientRect().height;
  result.shown_after = visible(inside);
  document.querySelector('.toolbar button').click();
  var all = document.querySelectorAll('details');
  result.details = all.length;
  result.all_open = Array.prototype.every.call(all, function (d) { return d.open; });
  result.links = document.querySelectorAll('a.norm').length;
  result.broken = Array.prototype.filter.call(document.querySelectorAll('a.norm'), function (a) {
    return !document.getElementById(a.getAttribute('href').slice(1));
  }).length;
  document.body.setAttribute('data-probe', JSON.stringify(result));
})();
</script>
"""

pytestmark = pytest.mark.slow   # a real Chromium: the slow tier (setup.cfg)


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            font_set()  # the fonts CI installs, or a skip: no test measures with the machine's own fonts
            return found
    if os.environ.get("CI"):
        pytest.fail("Chromium is not installed; .ci/run installs Debian's chromium package")
    pytest.skip("Chromium is not installed (apt-get install -y chromium)")


@pytest.mark.parametrize("language", ["en", "kk"])
def test_html_tree_expands_in_headless_chromium(zan, tmp_path, monkeypatch, language):
    browser = chromium()
    monkeypatch.chdir(ROOT)
    result = zan("ask", "call(bekov, daulet, social_ties)", "--facts", str(CASES / "example5-no-death-certificate.facts"),
                 "--at", "2025-03-10", "--format", "html", "--lang", language)
    assert result.exit_code == 0, result.output
    page = tmp_path / "explanation.html"
    page.write_text(result.stdout.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    profile = tmp_path / "profile"
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'data-probe="([^"]*)"', done.stdout)
    assert found, f"the probe did not run; Chromium printed: {done.stdout[:500]} {done.stderr[-1000:]}"
    probe = json.loads(html.unescape(found.group(1)))
    assert probe["closed"] and not probe["shown_before"], probe           # collapsed: its contents are hidden
    assert probe["opened"] and probe["shown_after"], probe                # a click on the summary shows them
    assert probe["after"] > probe["before"], probe                        # and the node grows on the page
    assert probe["details"] > 5 and probe["all_open"], probe    # "expand all" opens the whole tree
    assert probe["links"] > 0 and probe["broken"] == 0, probe   # every norm link has its entry on the page
