"""One escaping function per output format: every section of every renderer (the answers, the why-nots,
`--how`'s sets, `zan cases`' tables and query, the titles) writes user text through the function of its format,
so a constant such as `x---><script>` is text wherever it lands, by construction.

  text            control and bidi characters shown as escapes (`\\x1b`, `\\u202e`), never obeyed (what is printed
                  to a terminal goes through it last, whatever its format: engine/cli/)
  markdown        inline Markdown: no markup, no HTML, no cell or line break
  markdown_text   the strings of an explanation document for the Markdown renderer: no HTML, no code span or
                  link opened by the text (`, [, ] and \\ escaped); markdown_code undoes it for what it fences
  markdown_code   a code span that no backtick in the text can close (CommonMark shows its content as is)
  html            HTML text and attribute values (also valid XML, for SVG)
  dot             a Graphviz quoted string
  dot_comment     lines of a Graphviz `//` comment
  svg_note        an SVG <desc> element holding text (never a comment: `--` cannot end it)
"""

from __future__ import annotations

import re

from engine.base.text import LazyPattern, visible


def text(value: str) -> str:
    return visible(value)


_MARKDOWN_PUNCTUATION = str.maketrans({c: "\\" + c for c in "\\|`*_[]"})


def markdown(value: str) -> str:
    """Text in a Markdown paragraph, list item or table cell: no markup, no HTML, no cell breaks."""
    return _escape_html(value).translate(_MARKDOWN_PUNCTUATION).replace("\n", " ")


_MARKDOWN_TEXT = str.maketrans({"<": "&lt;", ">": "&gt;", "&": "&amp;", "\\": "\\\\", "`": "\\`", "[": "\\[",
                                "]": "\\]"})
_MARKDOWN_TEXT_BACK = LazyPattern(r"&lt;|&gt;|&amp;|\\[\\`\[\]]")
_BACK = {"&lt;": "<", "&gt;": ">", "&amp;": "&"}


def markdown_text(value: str) -> str:
    """A string of the document as plain Markdown text: a backtick in a constant opens no code span that could
    swallow the fence of the next one (and leave its content, HTML, outside)."""
    return value.translate(_MARKDOWN_TEXT)


def markdown_text_undone(value: str) -> str:
    """The inverse of markdown_text (for text the renderer puts in a code span, where Markdown shows it as is)."""
    return _MARKDOWN_TEXT_BACK.sub(lambda m: _BACK.get(m.group(0)) or m.group(0)[1], value)


def markdown_code(value: str) -> str:
    """A Markdown code span that no backtick in the text can close."""
    value = value.replace("\n", " ")
    longest = max((len(m) for m in re.findall("`+", value)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{ticks}{pad}{value}{pad}{ticks}"


def _escape_html(value: str) -> str:
    """html.escape (the module, with its table of entities, is imported only for the formats that escape HTML)."""
    from html import escape

    return escape(value)


def html(value: str) -> str:
    return _escape_html(value)


def dot(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def dot_comment(value: str) -> str:
    """Every line a `//` comment (Python's line breaks include every one Graphviz knows)."""
    return "".join(f"// {line}\n" for line in value.strip("\n").splitlines())


def svg_note(value: str) -> str:
    return f"<desc>{_escape_html(value)}</desc>\n"
