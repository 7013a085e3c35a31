"""Hostile constants in every section of every format (issue 23.7): each renderer writes user text through the
one escaping function of its format (engine/explain/render/escape.py), so a constant such as
`x---><script>…` is text wherever it lands: the answers, the why-nots, the steps, --how's sets, `zan cases`'
query and tables, `zan diff`. HTML runs only the page's own script, SVG is well-formed XML with no script,
Markdown has no HTML outside code spans, DOT is accepted by Graphviz, text obeys no control character."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

HOSTILE = "x---><script>alert(1)</script><img src=x onerror=alert(2)></body></svg>--->`|*_[a](b)\u202e"
QUESTION = "call(kunakbaev, P, Purpose)"


@pytest.fixture
def case(tmp_path):
    path = tmp_path / "hostile.facts"
    path.write_text(f'convict(kunakbaev).\nin_disciplinary_isolator(kunakbaev).\nfriend(kunakbaev, "{HOSTILE}").\n'
                    f'close_relative(kunakbaev, "{HOSTILE}2").\n', encoding="utf-8")
    return path


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on") and name != "onclick"]


def live_html(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


def outside_code_spans(text: str) -> str:
    """The Markdown text less its code spans (CommonMark: a run of n backticks to the next run of exactly n;
    an escaped backtick opens none)."""
    def escaped(m):   # a backtick after an odd number of backslashes is text (CommonMark)
        before = len(text[:m.start()]) - len(text[:m.start()].rstrip("\\"))
        return before % 2 == 1

    out, i = [], 0
    runs = [m for m in re.finditer("`+", text) if not escaped(m)]
    k = 0
    while k < len(runs):
        opening = runs[k]
        closing = next((r for r in runs[k + 1:] if len(r.group()) == len(opening.group())), None)
        if closing is None:
            k += 1
            continue
        out.append(text[i:opening.start()])
        i = closing.end()
        k = runs.index(closing) + 1
    out.append(text[i:])
    return "".join(out)


def assert_safe(fmt: str, out: str, own_scripts: int = 0) -> None:
    assert "\u202e" not in out and "\x1b" not in out      # shown as escapes, never obeyed
    if fmt == "html":
        tags = live_html(out)
        assert tags.tags.count("script") == own_scripts and "img" not in tags.tags and not tags.handlers, tags.handlers
        assert out.count("</body>") <= 1
    elif fmt == "markdown":
        outside_code = re.sub(r'<a id="norm-[\w.]+"></a>|<br>', "", outside_code_spans(out))   # the renderer's own
        assert "<" not in outside_code, [line for line in outside_code.splitlines() if "<" in line][:3]
    elif fmt == "svg":
        root = ET.fromstring(out)                            # well-formed XML, whatever the constant
        assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("script", "foreignObject")]
        assert not [k for e in root.iter() for k in e.attrib if k.startswith("on")]
    elif fmt == "dot" and shutil.which("dot"):
        done = subprocess.run(["dot", "-Tsvg"], input=out, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert_safe("svg", done.stdout)


ASK_FORMATS = ["text", "markdown", "html", "dot", "svg"]


@pytest.mark.parametrize("fmt", ASK_FORMATS)
@pytest.mark.parametrize("shape", ["--explain", "--steps"])
def test_ask_with_how(zan, case, fmt, shape):
    if fmt == "svg" and not shutil.which("dot"):
        pytest.skip("svg needs Graphviz's dot")
    done = zan("ask", QUESTION, "--facts", case, "--at", "2025-01-15", shape, "--how", "permitted", "--max", "2",
               "--format", fmt)
    assert done.exit_code == 0, done.output
    assert "alert(1)" in done.stdout                      # the constant is there, as text
    assert_safe(fmt, done.stdout, own_scripts=1)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_cases_query_and_tables(zan, fmt):
    done = zan("cases", f'call(kunakbaev, "{HOSTILE}", Purpose)', "--at", "2025-01-15", "--format", fmt)
    assert done.exit_code == 0, done.output
    assert "alert(1)" in done.stdout
    assert_safe(fmt, done.stdout, own_scripts=0)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "dot"])
def test_diff(zan, case, fmt):
    done = zan("diff", QUESTION, "--facts", case, "--from", "2024-12-26", "--to", "2025-01-15", "--explain",
               "--format", fmt)
    assert done.exit_code == 0, done.output
    assert_safe(fmt, done.stdout, own_scripts=1)


def test_the_svg_note_cannot_be_ended_by_a_constant():
    """The old way, `--` written `- -` in an XML comment, failed on odd runs (`--->`); a <desc> holds any text."""
    from engine.explain.render.output import attach

    page = attach('<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>\n', f"set: {HOSTILE}-", "svg")
    root = ET.fromstring(page)
    assert root.find("{http://www.w3.org/2000/svg}desc").text == f"set: {HOSTILE}-"
