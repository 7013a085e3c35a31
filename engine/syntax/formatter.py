"""`zan fmt`: the canonical layout of DSL files (kb/*.zan, facts, saved questions), keeping every comment.

The layout, in short (docs/authoring.md shows it):
- a declaration (act, predicate, constant, norm, question) opens a line with its keyword and name; each
  attribute follows on its own line, indented two spaces, in the order the author wrote them; the last
  line ends with the full stop;
- a norm's clause follows its attributes at the same indentation; with two or more conditions it is
  written `head` / `if first` / `and second` ..., one condition a line; otherwise on one line;
- a fact or a definition outside a norm stands on one line, unless it is longer than LINE_WIDTH;
- one space after commas and around `if`, `and`, comparisons; no trailing spaces; one blank line at
  most between statements, and always one around a declaration that spans several lines;
- texts, numbers and dates are written exactly as the author wrote them (escapes included).
Comments on their own line stay before what follows them; a comment at the end of a line stays there.
Only whitespace changes: `same_meaning` proves it on every run by comparing the token streams.
"""

from __future__ import annotations

import difflib
from engine.base.records import dataclass
from functools import lru_cache

import lark
from lark import Token, Tree

from engine.base.diagnostics import ZanError
from engine.syntax.parser import syntax_diagnostic
from engine.base.resources import grammar_path

LINE_WIDTH = 100
INDENT = "  "
DECLARATIONS = ("act", "predicate", "constant", "norm", "question", "kind_declaration")


class _Comments:
    """Collects the comments lark's lexer would drop (the grammar %ignores them)."""

    def __init__(self):
        self.tokens: list[Token] = []

    def __call__(self, token: Token) -> Token:
        self.tokens.append(token)
        return token


_collector = _Comments()


@lru_cache(maxsize=1)
def _lark() -> lark.Lark:
    return lark.Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", start="start",
                     propagate_positions=True, maybe_placeholders=True,
                     lexer_callbacks={"COMMENT": _collector})


def _parse(text: str, path: str) -> tuple[Tree, list[Token]]:
    _collector.tokens = []
    try:
        tree = _lark().parse(text)
    except lark.exceptions.UnexpectedInput as e:
        raise ZanError([syntax_diagnostic(e, text, path)], sources={path: text}) from None
    return tree, list(_collector.tokens)


# ------------------------------------------------------------------ rendering the parts

def term(tree: Tree) -> str:
    return str(tree.children[0])


def atom(tree: Tree) -> str:
    name, *args = tree.children
    if not args:
        return str(name)
    return f"{name}({', '.join(term(a) for a in args if a is not None)})"


def condition(tree: Tree) -> str:
    if tree.data == "conditional":
        return f"{condition(tree.children[0])} under reading {tree.children[1]}"
    if tree.data == "atom":
        return atom(tree)
    if tree.data == "negation":
        return "not " + atom(tree.children[0])
    if tree.data == "universal":
        *names, body = tree.children
        variables = [str(t) for t in names if isinstance(t, Token)]
        domain = [condition(c) for c in names if isinstance(c, Tree)]
        return f"for every {', '.join(variables)} such that {' and '.join(domain)}: {condition(body)}"
    left, operator, right = tree.children
    return f"{term(left)} {operator} {term(right)}"


def interval(tree: Tree) -> str:
    start, end = tree.children
    return f"from {start}" + (f" to {end}" if end is not None else "")


def attribute(tree: Tree) -> str:
    kids = tree.children
    kind = tree.data
    if kind == "label":
        return f"{kids[0]} {kids[1]}"
    if kind == "reading":
        return f"reads {kids[0]} {kids[1]}"
    if kind == "citation_form":
        return f"citation {kids[0]} {kids[2]}" if kids[1] is None else f"citation {kids[0]} {kids[1]} {kids[2]}"
    if kind == "phrase":
        return (f"phrase {kids[0]} {kids[1]}" + (f" member {kids[2].children[0]}" if len(kids) > 2 and kids[2] is not None else "")
                + (f" gender {kids[3].children[0]}" if len(kids) > 3 and kids[3] is not None else ""))
    if kind == "asked_over":
        return "asked over " + " and ".join(condition(c) for c in kids[0].children)
    if kind in ("note", "interpretation"):  # optionally with a language
        return " ".join([kind] + [str(k) for k in kids if k is not None])
    if kind in ("cites", "kind", "rank", "deadline"):
        return f"{kind} {kids[0]}"
    if kind == "in_force":
        return "in force " + interval(kids[0])
    if kind in ("exception_to", "subject_to", "rests_on", "see", "under_reading", "instead_of"):
        keyword = {"exception_to": "exception to", "subject_to": "subject to", "rests_on": "rests on", "see": "see",
                   "under_reading": "under reading", "instead_of": "instead of"}[kind]
        words = "".join(" because " + " ".join(str(x) for x in w.children if x is not None)
                        for w in kids if isinstance(w, Tree))
        return f"{keyword} " + ", ".join(str(k) for k in kids if not isinstance(k, Tree)) + words
    if kind == "interprets":
        names = [str(k) for k in kids if k is not None and not isinstance(k, Tree)]
        binding = [str(t) for k in kids if isinstance(k, Tree) for t in k.children]
        return "interprets " + ", ".join(names) + (f" binding by {binding[0]}" if binding else "")
    if kind == "summarised":
        return "as summarised by the court"
    if kind == "decisive":
        return f"decisive {kids[0]} {kids[1]}"
    if kind == "authentic":
        return "authentic " + ", ".join(map(str, kids))
    if kind == "delegates":
        return "delegates exceptions to " + ", ".join(map(str, kids))
    if kind == "supported_by":
        return "supported by " + (f"{kids[0]} " if kids[0] is not None else "") + str(kids[1])
    if kind == "default_reading":
        return "default"
    if kind == "scope_for":
        head, body = kids
        return "for " + atom(head) + (" if " + " and ".join(condition(c) for c in body.children) if body is not None else "")
    raise ValueError(f"unknown attribute {kind}")


@dataclass
class Line:
    """A line of output and the source line it comes from (for placing comments)."""

    source: int
    text: str


def clause(tree: Tree, indent: str, inside_norm: bool) -> list[Line]:
    modality, head, conditions, when = tree.children
    first = (f"{modality} " if modality is not None else "") + atom(head)
    tail = f" {interval(when)}" if when is not None else ""
    conds = list(conditions.children) if conditions is not None else []
    one_line = indent + first + (" if " + " and ".join(condition(c) for c in conds) if conds else "") + tail + "."
    split = len(conds) >= 2 if inside_norm else len(one_line) > LINE_WIDTH and conds
    if not split:
        return [Line(tree.meta.line, one_line)]
    lines = [Line(head.meta.line, indent + first)]
    for i, c in enumerate(conds):
        lines.append(Line(c.meta.line, indent + ("if " if i == 0 else "and ") + condition(c)))
    lines[-1].text += tail + "."
    return lines


def statement(tree: Tree) -> list[Line]:
    kind = tree.data
    if kind == "clause":
        return clause(tree, "", inside_norm=False)
    kids = tree.children
    name = kids[0]
    rest = kids[1:]
    if kind == "scope_declaration":
        keys = [str(k) for k in kids if isinstance(k, Token)]
        rest = [k for k in kids if isinstance(k, Tree)]
        head = ("outside scope " + ", ".join(keys)).rstrip()
    elif kind == "assumable_declaration":
        rest = [k for k in kids if isinstance(k, Tree)]
        head = "assumable " + ", ".join(str(k) for k in kids if isinstance(k, Token))
    elif kind == "constraint_declaration":
        rest = [k for k in kids[1:] if isinstance(k, Tree)]
        head = "never " + " and ".join(condition(c) for c in kids[0].children)
    elif kind == "kind_declaration":
        parents = [str(t) for k in rest if isinstance(k, Tree) and k.data == "kind_parents" for t in k.children]
        rest = [k for k in rest if isinstance(k, Tree) and k.data != "kind_parents"]
        head = f"kind {name}" + (" is " + ", ".join(parents) if parents else "")
    elif kind in ("predicate", "question"):
        params = [str(k) if isinstance(k, Token) else str(k.children[0]) + (f": {k.children[1]}" if k.children[1] is not None else "")
                  for k in rest if isinstance(k, Token) or (isinstance(k, Tree) and k.data == "parameter")]
        rest = [k for k in rest if isinstance(k, Tree) and k.data != "parameter"]
        head = f"{kind} {name}({', '.join(params)})" if params or kind == "question" else f"{kind} {name}"
    else:
        head = f"{'reading' if kind == 'reading_declaration' else kind} {name}"
        rest = [k for k in rest if k is not None]
    lines = [Line(tree.meta.line, head)]
    body: list[Line] = []
    for item in rest:
        if item.data == "clause":
            body += clause(item, INDENT, inside_norm=True)
        elif item.data == "query":
            status, query_atom = item.children
            body.append(Line(item.meta.line, INDENT + "asks " + (f"{status} " if status is not None else "")
                             + atom(query_atom) + "."))
        else:
            body.append(Line(item.meta.line, INDENT + attribute(item)))
    lines += body
    if not lines[-1].text.endswith("."):
        lines[-1].text += "."
    return lines


# ------------------------------------------------------------------ the file

def format_text(text: str, path: str = "<text>") -> str:
    """The canonical layout of one DSL file; raises ZanError (syntax) where the file does not parse."""
    tree, comments = _parse(text, path)
    return _layout(text, tree, comments, statement, lambda t: t.data in DECLARATIONS)


def _place(token: Token) -> tuple[int, int]:
    """A comment's line and column (lark places every token it lexes)."""
    assert token.line is not None and token.column is not None, "a lexed token has its place"
    return token.line, token.column


def _layout(text: str, tree: Tree, comments: list[Token], render, declaration) -> str:
    source_lines = text.splitlines()

    def trailing(c: Token) -> bool:
        line, column = _place(c)
        return bool(source_lines[line - 1][: column - 1].strip())

    # events: (first line, last line, kind, payload) in source order
    events: list[tuple[int, int, str, object]] = []
    for child in tree.children:
        events.append((child.meta.line, child.meta.end_line, "statement", child))
    statement_ranges = [(e[0], e[1]) for e in events]

    def inside(line: int) -> bool:
        return any(a <= line <= b for a, b in statement_ranges)

    for c in comments:
        line, _column = _place(c)
        if not inside(line):
            events.append((line, line, "comment", c))
    events.sort(key=lambda e: (e[0], e[2] != "comment"))
    inner = [c for c in comments if inside(_place(c)[0])]

    out: list[str] = []
    previous: tuple[int, str, bool] | None = None     # (last source line, kind, multi-line declaration?)
    for first, last, kind, payload in events:
        multi = False
        if kind == "comment":
            lines = [str(payload).rstrip()]
        else:
            rendered = render(payload)
            lines = _place_comments(rendered, [c for c in inner if first <= _place(c)[0] <= last], trailing)
            multi = declaration(payload) and len(rendered) > 1
        if previous is not None:
            last_line, previous_kind, previous_multi = previous
            gap = any(not source_lines[i].strip() for i in range(last_line, first - 1))
            # a comment right above a declaration stays attached to it
            if gap or previous_multi or (multi and previous_kind == "statement"):
                out.append("")
        out += lines
        previous = (last, kind, multi)
    return "\n".join(line.rstrip() for line in out) + "\n" if out else ""


# ------------------------------------------------------------------ scenario files (grammar/scenario.lark)

_scenario_comments = _Comments()

# grammar/scenario.lark's terminals as a syntax error names them (zan.lark's arrive namespaced: `zan__NAME`)
SCENARIO_TERMINALS = {
    "STATUS": "a status (permitted, prohibited, obligatory, discretionary, undetermined, holds, not-established)",
    "PRINCIPLE": "lex specialis, lex superior or lex posterior",
    "REASON": "missing, not-in-force, negation-holds or comparison-false",
    "COMPLIANCE": "pending, fulfilled or overdue",
    "NOTHING": "'nothing'",
}


def scenario_syntax_diagnostic(e: lark.exceptions.UnexpectedInput, text: str, path: str):
    expected = getattr(e, "expected", None) or getattr(e, "allowed", None)
    names = {SCENARIO_TERMINALS.get(t, t.split("__")[-1]) for t in expected} if expected else None
    return syntax_diagnostic(e, text, path, names)


@lru_cache(maxsize=1)
def _scenario_lark() -> lark.Lark:
    path = grammar_path().parent / "scenario.lark"
    return lark.Lark(path.read_text(encoding="utf-8"), parser="lalr", propagate_positions=True, maybe_placeholders=True,
                     import_paths=[str(path.parent)],
                     lexer_callbacks={"COMMENT": _scenario_comments, "zan__COMMENT": _scenario_comments})


def _own_names(tree: Tree) -> Tree:
    """zan.lark's rules arrive in scenario trees namespaced (`zan__atom`); the renderers know them by their own names."""
    for sub in tree.iter_subtrees():
        if "__" in sub.data:
            sub.data = sub.data.split("__", 1)[1]
    return tree


def _parse_scenarios(text: str, path: str) -> tuple[Tree, list[Token]]:
    _scenario_comments.tokens = []
    try:
        tree = _scenario_lark().parse(text)
    except lark.exceptions.UnexpectedInput as e:
        raise ZanError([scenario_syntax_diagnostic(e, text, path)], sources={path: text}) from None
    return _own_names(tree), list(_scenario_comments.tokens)


def assertion(tree: Tree) -> str:
    kids = tree.children
    kind = tree.data
    if kind == "decided_by":
        return f"decided by {kids[0]}"
    if kind in ("uses", "avoids"):
        return f"{kind} " + ", ".join(map(str, kids))
    if kind == "defeated":
        loser, winner, principle = kids
        return f"defeated {loser}" + (f" by {winner}" if winner is not None else "") + \
            (f" on {principle}" if principle is not None else "")
    if kind == "why_not":
        norm, reason, failing = kids
        return f"why not {norm} {reason}" + (f" {atom(failing)}" if failing is not None else "")
    if kind == "cites":
        return "cites " + ", ".join(map(str, kids))
    if kind == "compliance":
        return f"compliance {kids[0]}"
    raise ValueError(f"unknown assertion {kind}")


def scenario(tree: Tree) -> list[Line]:
    """A scenario: its name, attributes and `given` indented two spaces, the facts four; each expectation
    indented two, its assertions four, the last ending with the full stop."""
    name, *rest = tree.children
    lines = [Line(tree.meta.line, f"scenario {name}")]
    for item in rest:
        if not isinstance(item, Tree):
            continue
        if item.data == "label":
            lines.append(Line(item.meta.line, INDENT + attribute(item)))
        elif item.data == "note":
            lines.append(Line(item.meta.line, INDENT + f"note {item.children[0]}"))
        elif item.data == "at":
            lines.append(Line(item.meta.line, INDENT + f"at {item.children[0]}"))
        elif item.data == "facts_file":
            lines.append(Line(item.meta.line, INDENT + f"facts {item.children[0]}"))
        elif item.data == "reading_choice":
            lines.append(Line(item.meta.line, INDENT + "reading " + ", ".join(map(str, item.children))))
        elif item.data == "given":
            lines.append(Line(item.meta.line, INDENT + "given"))
            for fact in item.children:
                lines += clause(fact, INDENT * 2, inside_norm=False)
        elif item.data == "expectation":
            about, at, status, *assertions = item.children
            head = f"expect {atom(about)}" + (f" at {at.children[0]}" if at is not None else "") + \
                (f" is {status}" if status is not None else "")
            block = [Line(item.meta.line, INDENT + head)]
            block += [Line(a.meta.line, INDENT * 2 + assertion(a)) for a in assertions]
            block[-1].text += "."
            lines += block
    return lines


def format_scenario_text(text: str, path: str = "<text>") -> str:
    """The canonical layout of a scenario file; raises ZanError (syntax) where it does not parse."""
    tree, comments = _parse_scenarios(text, path)
    return _layout(text, tree, comments, scenario, lambda t: True)


def same_scenario_meaning(before: str, after: str, path: str = "<text>") -> bool:
    tree_before, comments_before = _parse_scenarios(before, path)
    tree_after, comments_after = _parse_scenarios(after, path)
    return tree_before == tree_after and [str(c).rstrip() for c in comments_before] == \
        [str(c).rstrip() for c in comments_after]


def _place_comments(rendered: list[Line], comments: list[Token], trailing) -> list[str]:
    """Own-line comments go before the first line that comes from after them; end-of-line ones stay there."""
    texts = [[line.text] for line in rendered]
    tails = [""] * len(rendered)
    for c in comments:
        text = str(c).rstrip()
        at, _column = _place(c)
        if trailing(c):
            last = max((i for i, line in enumerate(rendered) if line.source <= at), default=0)
            tails[last] += ("  " if not tails[last] else " ") + text
        else:
            index = next((i for i, line in enumerate(rendered) if line.source > at), None)
            if index is None:
                texts[-1].append(INDENT + text)
            else:
                indent = rendered[index].text[: len(rendered[index].text) - len(rendered[index].text.lstrip())]
                texts[index].insert(len(texts[index]) - 1, indent + text)
    out = []
    for group, tail in zip(texts, tails):
        out += group[:-1] + [group[-1] + tail]
    return out


def same_meaning(before: str, after: str, path: str = "<text>") -> bool:
    """Whether two texts parse to the same tree with the same comments: the formatter only moves whitespace."""
    tree_before, comments_before = _parse(before, path)
    tree_after, comments_after = _parse(after, path)
    return tree_before == tree_after and [str(c).rstrip() for c in comments_before] == \
        [str(c).rstrip() for c in comments_after]


def diff(before: str, after: str, path: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=path, tofile=f"{path} (formatted)"))
