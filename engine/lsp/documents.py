"""The language side of `zan lsp`: open documents checked against their project's knowledge base.

Everything here is plain Python over texts and the AST (no protocol): positions are 0-based lines and
characters as the protocol counts them, spans are the AST's (1-based). A document is checked together
with the knowledge base of the project it lies in (engine/base/project.py), the open texts standing in
for the files on disk; the other files are parsed once and again only when they change on disk.
"""

from __future__ import annotations

import re
from engine.base.records import dataclass
from pathlib import Path

from engine import checks
from engine.base.diagnostics import Diagnostic, ZanError
from engine.base.project import current, refused
from engine.base.resources import bundled_kb, default_queries
from engine.base.dates import say_date
from engine.base.source import Span
from engine.explain import i18n
from engine.syntax import nodes as n
from engine.syntax.highlight import DECLARATIONS, MODALITIES
from engine.syntax.knowledge import KnowledgeBase, case_only, display_path, kb_files

KEYWORDS = ("exception to", "rests on", "in force from", "asked over", "cites", "see", "interpretation",
            "deadline", "note", "kind", "rank", "reads", "asks", "if", "and", "not", "from", "to", "for every", "such that",
            "subject to", "because", "phrase", "member", "gender")
_WORD = re.compile(r"[A-Za-z_][\w.]*|[^\W\d][\w.]*")

# what completion offers in each context (completion_context)
CONTEXTS = {
    "norms": ("norm",),
    "predicates": ("predicate",),
    "arguments": ("constant",),
    "kinds": ("kind",),
    "genders": ("gender",),
    "statement": ("declaration", "predicate"),
    "clause": ("keyword", "modality"),
    "nothing": (),
}
# where a kind stands: a predicate's parameter after its colon, a kind's `is` list
_KIND_PLACES = re.compile(r"^\s*(?:predicate\s+\w+\s*\((?:[^()]*,)?\s*\w+\s*:|kind\s+\w+\s+is\s+(?:\w+\s*,\s*)*)\s*$")
_NORM_LISTS = re.compile(r"\b(?:exception\s+to|rests\s+on|interprets|see)\s+(?:[\w.]+\s*,\s*)*$")


def completion_context(before: str) -> tuple[str, str]:
    """What may stand at the end of `before` (the text up to the cursor) and the word begun there: `norms`,
    `predicates`, `arguments`, `kinds` (after a parameter's colon or a kind's `is`), `citations` (inside `cites "`), `statement` (a new statement), `clause` (a
    keyword or modality inside one) or `nothing` (in a comment or a text)."""
    statement, in_text, text_opened = [], False, 0
    i = 0
    while i < len(before):   # the current statement, texts and comments blanked out
        c = before[i]
        if in_text:
            if c == "\\":
                i += 2
                continue
            if c == '"':
                in_text = False
                statement.append('""')
        elif c == '"':
            in_text, text_opened = True, len(statement)
        elif c == "%":
            end = before.find("\n", i)
            if end < 0:
                return "nothing", ""
            i = end
            continue
        elif c == "." and (i + 1 == len(before) or before[i + 1].isspace()) and not _inside_number(before, i):
            statement = []
        else:
            statement.append(c)
        i += 1
    if in_text:
        opened = "".join(statement[:text_opened])
        if re.search(r"\bcites\s*$", opened):
            return "citations", before[before.rfind('"') + 1:]
        return "nothing", ""
    current = "".join(statement)
    at_end = re.search(r"[\w.]*$", current)
    assert at_end is not None, "the pattern matches the empty string"
    prefix = at_end.group(0)
    head = current[: len(current) - len(prefix)]
    if _NORM_LISTS.search(head):
        return "norms", prefix
    if _KIND_PLACES.search(head):
        return "kinds", prefix
    if head.count("(") > head.count(")"):
        return "arguments", prefix
    words = re.findall(r"[\w.]+", head)
    last = words[-1] if words else ""
    if last in ("if", "and", "not", "that") or last in MODALITIES:
        return "predicates", prefix
    if last == "gender" and re.search(r"\bphrase\b", head):   # `phrase en "..." gender |`: its values
        return "genders", prefix
    if not head.strip():
        return "statement", prefix
    return "clause", prefix


def _inside_number(text: str, i: int) -> bool:
    return i > 0 and text[i - 1].isdigit() and i + 1 < len(text) and text[i + 1].isdigit()


@dataclass
class Checked:
    """A document checked: its diagnostics and the knowledge base it was checked with."""

    path: Path
    kb: KnowledgeBase | None
    module: n.Module | None
    diagnostics: list[Diagnostic]


class Documents:
    """The open documents (path -> text) and the knowledge bases they are checked with."""

    def __init__(self):
        self.open: dict[Path, str] = {}
        self._parsed: dict[Path, tuple[float, int, n.Module, str]] = {}
        self.last: dict[Path, Checked] = {}
        self._runner_stamp: tuple | None = None
        self._runner_cache = None
        self.locale: str | None = None   # kk, ru or en: the editor's locale (initialize), where it is one of them

    def language(self, path: Path) -> str:
        """The diagnostics' language: the editor's locale, else the project's `lang` (zan.toml), else English."""
        if self.locale:
            return self.locale
        try:
            project = current(path.parent)
        except ZanError:
            return "en"
        return project.lang if project is not None and project.lang in ("kk", "ru", "en") else "en"

    # ---------------------------------------------------------------- the knowledge base of a document

    def law_files(self, path: Path) -> tuple[list[Path], list[Path]]:
        """The knowledge base files and the question files a document is checked with."""
        project = current(path.parent)
        if project is not None:
            questions = [q for folder in project.questions if folder.is_dir() for q in sorted(folder.glob("*.zan")) if q.is_file()]
            return kb_files(project.kb), questions
        if path.suffix in (".facts", ".scenario"):  # a case outside any project: against the bundled law
            return kb_files(bundled_kb()), sorted(q for q in default_queries().glob("*.zan") if q.is_file())
        return [], []

    def _module(self, path: Path) -> tuple[n.Module, str]:
        from engine.syntax.parser import parse_module, read_source

        name = display_path(path)
        if path in self.open:
            return parse_module(self.open[path], name), self.open[path]
        info = path.stat()
        cached = self._parsed.get(path)
        if cached is not None and cached[:2] == (info.st_mtime, info.st_size):
            return cached[2], cached[3]
        text = read_source(path)
        module = parse_module(text, name)
        self._parsed[path] = (info.st_mtime, info.st_size, module, text)
        return module, text

    def check(self, path: Path) -> Checked:
        """The document's diagnostics, as `zan check` gives them, with the knowledge base it was checked with."""
        path = path.resolve()
        name = display_path(path)
        text = self.open.get(path, "")
        if path.suffix == ".scenario":
            return self._check_scenario(path, name, text)
        try:
            from engine.syntax.parser import parse_module

            module = parse_module(text, name)
        except ZanError as e:
            result = Checked(path, self.last[path].kb if path in self.last else None, None, list(e.diagnostics))
            self.last[path] = result
            return result
        kb = KnowledgeBase()
        problems: list[Diagnostic] = []
        law, questions = self.law_files(path)
        for other in law + questions:
            other = other.resolve()
            if other == path:
                continue
            try:
                m, t = self._module(other)
                kb.add(m, t)
            except ZanError as e:  # another file's errors are that file's; they do not stop this one
                problems.extend(d for d in e.diagnostics if d.span is None or d.span.file == name)
        if path.suffix == ".facts":
            problems.extend(case_only(module))
        problems.extend(_ignored_project(path, name))
        kb.add(module, text)
        found = checks.run(kb, self.language(path)) + problems
        mine = [d for d in found if d.span is not None and d.span.file == name]
        result = Checked(path, kb, module, mine)
        self.last[path] = result
        return result

    def _check_scenario(self, path: Path, name: str, text: str) -> Checked:
        """The scenario grammar's errors, then what `zan test` says before it runs anything: unknown norms and
        predicates, a missing date, facts the kb does not declare (Runner.scenario_knowledge)."""
        from engine.tools.scenarios import ScenarioFile, parse_scenarios

        try:
            parsed = parse_scenarios(text, name)
        except ZanError as e:
            result = Checked(path, None, None, list(e.diagnostics))
            self.last[path] = result
            return result
        found: list[Diagnostic] = []
        runner = self._runner(path)
        found.extend(_ignored_project(path, name))
        if runner is not None:
            file = ScenarioFile(name, text, parsed.scenarios)
            for scenario in parsed.scenarios:
                try:
                    runner.scenario_knowledge(file, scenario, {name: text})
                except ZanError as e:
                    found += [d for d in e.diagnostics if d.span is not None and d.span.file == name]
        # hover, definitions and completion in a scenario are about the law it tests
        result = Checked(path, runner.knowledge() if runner is not None else None, None, found)
        self.last[path] = result
        return result

    def _runner(self, path: Path):
        """The scenario runner of the document's knowledge base (its project's, else the bundled one), kept
        while no file of that knowledge base changes on disk."""
        from engine.tools.scenarios import Runner

        project = current(path.parent)
        folder = project.kb if project is not None else bundled_kb()
        files = kb_files(folder)
        stamp = (str(folder), tuple((str(f), f.stat().st_mtime_ns) for f in files))
        if self._runner_stamp != stamp:
            try:
                self._runner_cache = Runner(folder)
            except ZanError:  # the law itself has errors: its own documents show them
                self._runner_cache = None
            self._runner_stamp = stamp
        return self._runner_cache

    def knowledge(self, path: Path) -> KnowledgeBase | None:
        path = path.resolve()
        checked = self.last.get(path) or self.check(path)
        return checked.kb

    # ---------------------------------------------------------------- what is at a position

    def word_at(self, path: Path, line: int, character: int) -> tuple[str, str | None] | None:
        """The name under the cursor (a norm id may hold dots), and the quoted text it lies in, if any."""
        text = self.open.get(path.resolve())
        if text is None:
            return None
        lines = text.split("\n")
        if line >= len(lines):
            return None
        row = lines[line]
        quoted = None
        for m in re.finditer(r'"((?:[^"\\]|\\.)*)"', row):
            if m.start() <= character <= m.end():
                quoted = m.group(1)
        for m in _WORD.finditer(row):
            if m.start() <= character <= m.end():
                return m.group(0).rstrip("."), quoted
        return ("", quoted) if quoted is not None else None

    def definition(self, path: Path, line: int, character: int) -> Span | None:
        kb = self.knowledge(path)
        found = self.word_at(path, line, character)
        if kb is None or found is None:
            return None
        word, quoted = found
        if quoted is not None and _citation_act(quoted) in kb.acts:
            return kb.acts[_citation_act(quoted)].key_span
        for table, attribute in ((kb.norms, "id_span"), (kb.predicates, "name_span"), (kb.acts, "key_span"),
                                 (kb.constants, "span"), (kb.questions, "span")):
            if word in table:
                return getattr(table[word], attribute)
        return None

    def hover(self, path: Path, line: int, character: int, language: str = "en") -> str | None:
        kb = self.knowledge(path)
        found = self.word_at(path, line, character)
        if kb is None or found is None:
            return None
        word, quoted = found
        if quoted is not None and _citation_act(quoted) in kb.acts:
            return _citation_hover(kb, " ".join(quoted.split()), language)
        if word in kb.norms:
            return _norm_hover(kb.norms[word], language)
        if word in kb.predicates:
            return _predicate_hover(kb.predicates[word], language)
        if word in kb.acts:
            return _act_hover(kb.acts[word], language)
        if word in n.PHRASE_GENDERS and re.search(r"\bgender\s+" + word + r"\b", self.open.get(path.resolve(), "").split("\n")[line]):
            return i18n.word("hover gender", language, gender=word)
        if word in kb.constants:
            c = kb.constants[word]
            return (f"**{i18n.word('hover constant', language)}** `{c.name}`\n\n{_labels(c.labels)}\n\n"
                    + i18n.word("hover declared", language, where=c.span))
        return None

    def completions(self, path: Path, line: int | None = None, character: int | None = None) -> list[tuple[str, str, str, str]]:
        """(label, kind, detail, text to insert) for the cursor's context, filtered by the word begun there:
        after `exception to` (`rests on`, `interprets`, `see`) norms only; in a condition or after a modality
        predicates only; inside `cites "` citation keys; inside an atom's arguments constants and the
        statement's variables; elsewhere the keywords (and modalities) that can stand there. Without a
        position: everything."""
        kb = self.knowledge(path) or self._without(path) or KnowledgeBase()
        groups = self._completion_groups(kb)
        text = self.open.get(path.resolve())
        if line is None or character is None or text is None:
            return [item for items in groups.values() for item in items]
        lines = text.split("\n")
        before = "\n".join(lines[:line]) + ("\n" if line else "") + (lines[line][:character] if line < len(lines) else "")
        context, prefix = completion_context(before)
        if context == "citations":
            keys = sorted({norm.citation for norm in kb.norms.values() if norm.citation})
            items = [(key, "citation", "", key) for key in keys]
        else:
            items = [item for kind in CONTEXTS[context] for item in groups.get(kind, [])]
        return [item for item in items if item[0].lower().startswith(prefix.lower())]

    def _without(self, path: Path) -> KnowledgeBase | None:
        """The project's knowledge base without this document: what completion offers while the text being
        typed does not parse yet (and parsed never before)."""
        path = path.resolve()
        text, last = self.open.get(path), self.last.get(path)
        self.open[path] = ""
        try:
            return self.check(path).kb
        finally:
            if text is None:
                self.open.pop(path, None)
            else:
                self.open[path] = text
            if last is None:
                self.last.pop(path, None)
            else:
                self.last[path] = last

    def _completion_groups(self, kb: KnowledgeBase) -> dict[str, list[tuple[str, str, str, str]]]:
        groups: dict[str, list[tuple[str, str, str, str]]] = {"predicate": [], "norm": [], "act": [], "constant": [],
                                                                "modality": [], "keyword": [], "declaration": [], "kind": [],
                                                                "gender": []}
        for name, decl in sorted(kb.predicates.items()):
            groups["predicate"].append((name, "predicate", f"{name}({', '.join(decl.parameters)})  {n.label_of(decl.labels, 'en', '')}",
                                        f"{name}({', '.join(decl.parameters)})"))
        for nid, norm in sorted(kb.norms.items()):
            groups["norm"].append((nid, "norm", f"{norm.citation or ''}  {_first_line(n.label_of(norm.quotes, 'en', ''))}", nid))
        for key, act in sorted(kb.acts.items()):
            groups["act"].append((key, "act", n.label_of(act.labels, "en", "") or "", key))
        for name, c in sorted(kb.constants.items()):
            groups["constant"].append((name, "constant", n.label_of(c.labels, "en", "") or "", name))
        for name, kind in sorted(kb.kinds.items()):
            groups["kind"].append((name, "kind", n.label_of(kind.labels, "en", "") or "", name))
        for word in MODALITIES:
            groups["modality"].append((word, "modality", "a norm's conclusion", word))
        for word in n.PHRASE_GENDERS:
            groups["gender"].append((word, "keyword", "the gender of the person the phrase names", word))
        for word in DECLARATIONS[:5]:
            groups["declaration"].append((word, "keyword", "", word))
        for word in KEYWORDS:
            groups["keyword"].append((word, "keyword", "", word))
        return groups

    def symbols(self, path: Path) -> list[tuple[str, str, str, Span, Span]]:
        """(name, kind, detail, whole span, name span) of each declaration of the document."""
        checked = self.last.get(path.resolve()) or self.check(path)
        module = checked.module
        if module is None:
            return []
        out = []
        for s in module.statements:
            if isinstance(s, n.Act):
                out.append((s.key, "act", n.label_of(s.labels, "en", "") or "", s.span, s.key_span))
            elif isinstance(s, n.PredicateDecl):
                parameters = [p if s.kind_of(i) == p else f"{p}: {s.kind_of(i)}" for i, p in enumerate(s.parameters)]
                out.append((f"{s.name}({', '.join(parameters)})", "predicate", n.label_of(s.labels, "en", "") or "",
                            s.span, s.name_span))
            elif isinstance(s, n.KindDecl):
                out.append((s.name, "kind", n.label_of(s.labels, "en", "") or "", s.span, s.name_span))
            elif isinstance(s, n.Norm):
                out.append((s.id, "norm", s.citation or "", s.span, s.id_span))
            elif isinstance(s, n.ConstantDecl):
                out.append((s.name, "constant", n.label_of(s.labels, "en", "") or "", s.span, s.span))
            elif isinstance(s, n.Question):
                out.append((s.name, "question", "", s.span, s.span))
        return out

    def formatted(self, path: Path) -> str | None:
        """The document in `zan fmt`'s layout, or None where it cannot be laid out (a syntax error) or is already."""
        from engine.syntax import formatter

        path = path.resolve()
        text = self.open.get(path)
        if text is None:
            return None
        try:
            if path.suffix == ".scenario":
                out = formatter.format_scenario_text(text, display_path(path))
            else:
                out = formatter.format_text(text, display_path(path))
        except ZanError:
            return None
        return out if out is not None and out != text else None


def _citation_act(text: str) -> str:
    """The act's key a citation starts with ("" for none: no act has it)."""
    words = text.split()
    return words[0] if words else ""


def _labels(labels) -> str:
    return "\n".join(f"- {l.language}: {l.text}" for l in labels)


def _first_line(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= 80 else text[:77] + "..."


def _norm_hover(norm: n.Norm, language: str) -> str:
    parts = [f"**{i18n.word('hover norm', language)}** `{norm.id}`"
             + (f" — {i18n.word('hover cites', language)} `{norm.citation}`" if norm.citation else "")]
    quote = n.label_of(norm.quotes, language)
    if quote:
        parts.append(f"> {quote}")
    if norm.clause is not None:
        parts.append("```zan\n" + (f"{norm.clause.modality} " if norm.clause.modality else "") + str(norm.clause.head)
                     + (" if " + " and ".join(map(str, norm.clause.body)) if norm.clause.body else "") + "\n```")
    for key, refs in (("exception to", norm.exception_to), ("rests on", norm.rests_on), ("see", norm.see)):
        if refs:
            parts.append(f"{i18n.word(key, language)} " + ", ".join(f"`{r.norm_id}`" for r in refs))
    if norm.interpretation:
        parts.append(f"{i18n.word('interpretation', language)}: {norm.interpretation}")
    parts.append(i18n.word("hover declared", language, where=norm.id_span))
    return "\n\n".join(parts)


def _predicate_hover(decl: n.PredicateDecl, language: str) -> str:
    parts = [f"**{i18n.word('hover predicate', language)}** `{decl.name}({', '.join(decl.parameters)})`", _labels(decl.labels)]
    reading = n.label_of(decl.readings, language)
    if reading:
        parts.append(f"{i18n.word('hover reads', language)}: {reading}")
    parts.append(i18n.word("hover declared", language, where=decl.name_span))
    return "\n\n".join(p for p in parts if p)


def _act_hover(act: n.Act, language: str) -> str:
    parts = [f"**{i18n.word('act', language)}** `{act.key}`"
             + (f" — {i18n.word('rank', language)} {act.rank}" if act.rank is not None else ""), _labels(act.labels)]
    if act.in_force is not None and act.in_force.start is not None:   # the dates as the reader's language says them
        parts.append(i18n.word("in force since", language, date=say_date(act.in_force.start, language))
                     + (f"; {i18n.word('in force until', language, date=say_date(act.in_force.end, language))}"
                        if act.in_force.end else ""))
    parts.append(i18n.word("hover declared", language, where=act.key_span))
    return "\n\n".join(p for p in parts if p)


def _citation_hover(kb: KnowledgeBase, key: str, language: str) -> str:
    act = kb.acts[_citation_act(key)]
    citing = sorted(nid for nid, norm in kb.norms.items() if norm.citation == key)
    parts = [f"**{i18n.word('hover citation', language)}** `{key}` — {n.label_of(act.labels, language, act.key)}"
             + (f" ({i18n.word('rank', language)} {act.rank})" if act.rank is not None else "")]
    if citing:
        parts.append(f"{i18n.word('hover citing', language)}: " + ", ".join(f"`{c}`" for c in citing))
        quote = n.label_of(kb.norms[citing[0]].quotes, language)
        if quote:
            parts.append(f"> {quote}")
    parts.append(i18n.word("hover act declared", language, where=act.key_span))
    return "\n\n".join(parts)


def _ignored_project(path: Path, name: str) -> list[Diagnostic]:
    """A warning at the document's first line when the zan.toml above it was found but not trusted
    (engine/base/project.py): the document is then checked without that project's law."""
    refusal = refused(path.parent)
    if refusal is None:
        return []
    return [Diagnostic("project-ignored", refusal.said(), Span(name, 1, 1, 1, 2))]
