"""One entry for the command line: a plain-data explanation (or diff) rendered in the format asked for."""

from __future__ import annotations

from engine.base.text import map_strings, visible, visible_data

FORMAT_NAMES = ("text", "json", "markdown", "html", "dot", "svg")


def attach(rendered: str, section: str, fmt: str) -> str:
    """A section after the answers (--how's sets, written for `fmt` by its renderer): inside the page for HTML,
    a <desc> in SVG and `//` lines in DOT (escaped there, by construction), after the rest otherwise."""
    from engine.explain.render import escape

    if fmt == "dot":
        return rendered + escape.dot_comment(section)
    if fmt == "svg":
        head, end, tail = rendered.rpartition("</svg>")
        return head + escape.svg_note(section) + end + tail if end else rendered
    if fmt == "html" and "</body>" in rendered:
        head, end, tail = rendered.rpartition("</body>")
        return head + section + end + tail
    return rendered + section


class MissingTool(Exception):
    """A format needs a program that is not installed (SVG needs Graphviz's `dot`)."""


def _markdown_safe(text: str) -> str:
    from engine.explain.render.escape import markdown_text
    return markdown_text(visible(text))


def render(document: dict, fmt: str, explain: bool, language: str, *, short: bool = False, steps: bool = False,
           diff: bool = False, styled: bool = True) -> str:
    """The document as text in `fmt`; text shows explanations only with --explain (or --short/--steps), the others always.
    styled=False: text without click's styling (for an output that would not show it, as_text.plain)."""
    # Only the renderer asked for is imported: a cold `zan ask` pays for one module, not five.
    if fmt == "json":
        from engine.explain.render import as_json
        return as_json.render(document) + "\n"
    if fmt == "text":  # control and bidi characters from user text are shown as escapes, never obeyed
        from engine.explain.render import as_text
        show = as_text.render_diff if diff else as_text.render
        if not styled:
            with as_text.plain():
                return show(visible_data(document), explain, language, short=short, steps=steps)
        return show(visible_data(document), explain, language, short=short, steps=steps)
    if fmt == "markdown":  # and <, >, & in every piece of user text are entities (a handout runs no script)
        from engine.explain.render import as_markdown
        show = as_markdown.render_diff if diff else as_markdown.render
        return show(map_strings(document, _markdown_safe), True, language, short=short, steps=steps)
    if fmt == "html":
        from engine.explain.render import as_html
        show = as_html.render_diff if diff else as_html.render
        return show(document, True, language, short=short, steps=steps)
    from engine.explain.render import as_dot
    source = as_dot.render_diff(document, language) if diff else as_dot.render(document, True, language, short=short, steps=steps)
    if fmt == "dot":
        return source
    if as_dot.dot_program() is None:
        raise MissingTool("the svg format needs Graphviz's `dot` program, which is not installed "
                          "(e.g. `apt-get install graphviz`); `--format dot` prints the graph's source instead")
    return as_dot.svg(source)
