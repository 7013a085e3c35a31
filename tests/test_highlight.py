"""Highlighting: the Pygments lexer reads every bundled file without an error token; the TextMate file is in step."""

from __future__ import annotations

import configparser
import re

import pytest

from conftest import KB, ROOT

pygments = pytest.importorskip("pygments")

from pygments.token import Error, Token  # noqa: E402

from engine.syntax import highlight  # noqa: E402

FILES = sorted([*KB.rglob("*.zan"), *KB.rglob("*.facts"), *KB.rglob("*.scenario"), *(ROOT / "queries").glob("*.zan")])


def tokens(text: str):
    return [(kind, value) for kind, value in highlight.ZanLexer().get_tokens(text) if value.strip()]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_error_tokens_in_the_bundled_files(path):
    bad = [value for kind, value in tokens(path.read_text(encoding="utf-8")) if kind is Error]
    assert not bad


def test_a_norm_is_coloured_by_what_its_parts_are():
    found = tokens('norm pec.109.2.death cites "pec 109.2" exception to pec.134.1.2.calls\n'
                   '  permitted call(C, P, social_ties) if died(Q) and not spouse(C, Q) and X != 2024-12-27. % why\n')
    kinds = dict((value, kind) for kind, value in found)
    assert kinds["norm"] is Token.Keyword.Declaration
    assert kinds["pec.109.2.death"] is Token.Name.Label
    assert kinds['"pec 109.2"'] is Token.Literal.String.Double
    assert kinds["exception to"] is Token.Keyword
    assert kinds["permitted"] is Token.Keyword.Type
    assert kinds["call"] is Token.Name.Function
    assert kinds["C"] is Token.Name.Variable
    assert kinds["social_ties"] is Token.Name.Constant
    assert kinds["2024-12-27"] is Token.Literal.Date
    assert kinds["% why"] is Token.Comment.Single


def test_the_textmate_grammar_is_generated_from_the_same_table():
    path = ROOT / "editors" / "zan.tmLanguage.json"
    assert path.read_text(encoding="utf-8") == highlight.textmate_json(), \
        "run `python -m engine.syntax.highlight > editors/zan.tmLanguage.json`"
    scopes = [p["name"] for p in highlight.textmate_grammar()["patterns"]]
    assert len(scopes) == len([t for t in highlight.TOKENS if t[3]])
    for _name, regex, _kind, _scope in highlight.TOKENS:
        re.compile(regex)


def test_the_entry_point_is_registered():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    entry = config["options.entry_points"]["pygments.lexers"].strip()
    assert entry == "zan = engine.syntax.highlight:ZanLexer"


def test_importing_the_module_needs_no_pygments():
    import subprocess
    import sys
    code = ("import sys; sys.modules['pygments'] = None; import engine.syntax.highlight as h; "
            "print(len(h.textmate_grammar()['patterns']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
