"""One entry for the command line: a plain-data explanation (or diff) rendered in the format asked for."""

from __future__ import annotations

from engine.render import as_dot, as_html, as_json, as_markdown, as_text

FORMAT_NAMES = ("text", "json", "markdown", "html", "dot", "svg")


class MissingTool(Exception):
    """A format needs a program that is not installed (SVG needs Graphviz's `dot`)."""


def render(document: dict, fmt: str, explain: bool, language: str, *, short: bool = False, steps: bool = False,
           diff: bool = False) -> str:
    """The document as text in `fmt`; text shows explanations only with --explain (or --short/--steps), the others always."""
    if fmt == "json":
        return as_json.render(document) + "\n"
    if fmt == "text":
        show = as_text.render_diff if diff else as_text.render
        return show(document, explain, language, short=short, steps=steps)
    if fmt == "markdown":
        show = as_markdown.render_diff if diff else as_markdown.render
        return show(document, True, language, short=short, steps=steps)
    if fmt == "html":
        show = as_html.render_diff if diff else as_html.render
        return show(document, True, language, short=short, steps=steps)
    source = as_dot.render_diff(document, language) if diff else as_dot.render(document, True, language, short=short, steps=steps)
    if fmt == "dot":
        return source
    if as_dot.dot_program() is None:
        raise MissingTool("the svg format needs Graphviz's `dot` program, which is not installed "
                          "(e.g. `apt-get install graphviz`); `--format dot` prints the graph's source instead")
    return as_dot.svg(source)
