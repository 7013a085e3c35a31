"""Explanations as plain data in one language: what every output format (text, JSON, Markdown, HTML, DOT) renders.

Everything said about the law comes from the knowledge base (predicate labels and `reads`
templates, norms' citations and quotes); the connecting words come from engine.explain.i18n. The schema
of the dictionaries built here is documented in docs/explanations.md and is stable: keys are only
ever added.
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping, Sequence
from decimal import Decimal

from engine.syntax import nodes as n
from engine.explain.answering import Trace
from engine.logic.norms import Defeat
from engine.explain.i18n import word
from engine.explain.phrasebook import Citation, Phrasebook
from engine.logic.ir import ASSUMPTION, Program, concluded
from engine.syntax.knowledge import KnowledgeBase
from engine.explain.proof import ProofNode, Prover, WhyNot, comparison_text

SCHEMA_VERSION = 2
TRACE_LEVELS = ("full", "brief", "none")   # how much of each answer's trace: docs/explanations.md


class Tables:
    """What repeats across answers, said once: full norm descriptions and derived sub-proofs, by id.

    An Explainer with tables names a norm by its key (`id`, `citation`) and a derived condition by a
    Node whose `id` is its entry in `proofs`; each entry is added once, on first use, and also queued
    in `pending` (a sub-proof's own sub-proofs before it), so that a writer can put it out before the
    answer that first refers to it (`--format jsonl`) or gather it for the document's tables (`json`).
    """

    __slots__ = ("seen", "pending")

    def __init__(self):
        self.seen: set[tuple[str, str]] = set()
        self.pending: list[tuple[str, str, dict]] = []

    def add(self, table: str, key: str, entry: dict) -> None:
        self.pending.append((table, key, entry))

    def drain(self) -> Sequence[tuple[str, str, dict]]:
        if not self.pending:   # most answers add nothing: asked once per answer
            return ()
        out, self.pending = self.pending, []
        return out


class Shaped(dict):
    """An answer's dictionary filled in from the first answer of its shape (Explainer.refill); `form` says which
    entries differ between answers of that shape, so that a writer prepares the text of the rest once
    (engine/explain/render/as_json.py). Sent to another process, it is a plain dictionary."""

    __slots__ = ("form",)
    form: Form

    def __reduce__(self):
        return dict, (dict(self),)


class Form:
    """The entries (paths of keys) in which the answers of one shape differ; `texts`: the writers' templates."""

    __slots__ = ("paths", "texts")

    def __init__(self, paths: tuple[tuple[str, ...], ...]):
        self.paths = paths
        self.texts: dict = {}


class Columns(dict):
    """A writer's texts of the values at the places of a partition's rows, shared by all its shapes' Rows (the same
    values, spelled the same way, in many shapes: render/as_json.py). Sent to another process it is a new empty
    dictionary, once for all the rows sent together (pickle's memo)."""

    __slots__ = ()

    def __reduce__(self):
        return dict, ()


class Rows:
    """The answers of one shape in a register's partition (register._solve; every value a text) kept as rows of their
    atoms' values: `first` is the first one's dictionary (Explainer.answer), the others differ from it only at the
    places of `form`: the atom, each binding, the reading, and for answers decided by a norm's proof (`extra` 2) the
    deciding norm's entry and the summary, which answers whose deciding proofs show the same bindings and rest on the
    same conditions share (Explainer.deciding: a row holds them after its atom's values). `dict(values)` is the
    dictionary Explainer.refill (refill_undecided) makes; `spelling(path)` says how a place is written from the
    values, so that a writer writes an answer's text straight from its values (render/as_json.py).

    Sent to another process (a worker's partition, `--jobs`), rows go without the phrasebook: each row carries its
    reading after its values (`phrases` is None there)."""

    __slots__ = ("first", "values", "predicate", "arity", "bindings", "form", "phrases", "level", "texts", "extra",
                 "columns")

    def __init__(self, explainer: Explainer, first: dict, values: tuple, predicate: str, names: Sequence[str],
                 decided: bool = False):
        self.predicate, self.arity = predicate, len(names)
        self.extra = 2 if decided and explainer.level != "none" else 0
        if self.extra:   # the first answer's own deciding entry and summary after its values
            values = values + (first["trace"]["decided_by"], first["trace"]["summary"])
        self.first, self.values = first, values   # the first answer's dictionary and values
        self.bindings = sorted(zip(names, range(len(names))))   # (name, position), by name (as _json_bindings)
        self.form = explainer._form(first, dict(self.bindings), None)
        if self.extra:
            self.form = Form(self.form.paths + (("trace", "decided_by"), ("trace", "summary")))
        self.phrases: Phrasebook | None = explainer.phrases
        self.level = explainer.level
        self.texts: dict = {}   # a writer's template (render/as_json.py)
        self.columns: dict = explainer.columns   # the texts of values at places, shared by the partition's shapes

    def dict(self, values: tuple) -> Shaped:
        """refill(first, answer of these values) (refill_undecided for rows of no deciding proof)."""
        out = Shaped(self.first)
        arity = self.arity
        atom = values if len(values) == arity else values[:arity]
        out["atom"] = atom_text(self.predicate, atom)
        out["bindings"] = {name: values[p] for name, p in self.bindings}   # texts: json_value is each value itself
        if self.level != "none":
            trace = out["trace"] = dict(self.first["trace"])
            trace["reading"] = values[arity + self.extra] if self.phrases is None else \
                self.phrases.reading(self.predicate, atom)
            if self.extra:
                trace["decided_by"], trace["summary"] = values[arity], values[arity + 1]
        out.form = self.form
        return out

    def spelling(self, path: tuple[str, ...]):
        """How the place `path` of the form is written from an answer's values: an int, the position of the value
        that is the place's value (a binding; a sent row's reading); a 1-tuple, the position of a dictionary many rows
        share (the deciding entry, the summary: its text made once for all of them); a list of texts and (position,
        function giving that value's words) whose concatenation is the place's text (the atom, the reading); None,
        the place holds None (no reading)."""
        if path == ("atom",):
            if not self.arity:
                return [self.predicate]
            out: list = [self.predicate + "("]
            for p in range(self.arity):
                out += [", "] if p else []
                out.append((p, n.format_value))   # atom_text: a text is never None
            return out + [")"]
        if path[0] == "bindings":
            return dict(self.bindings)[path[1]]
        if self.extra and path == ("trace", "decided_by"):
            return (self.arity,)
        if self.extra and path == ("trace", "summary"):
            return (self.arity + 1,)
        assert path == ("trace", "reading"), path
        if self.phrases is None:
            return self.arity + self.extra
        key = ("reading", self.predicate, self.arity)   # the same functions for every shape: a value's words made once
        spelled = self.columns.get(key, self)
        if spelled is self:   # kept in the columns, not the phrasebook (its functions hold it: no cycle)
            spelled = self.columns[key] = self.phrases.spelling(self.predicate, self.arity)
        return spelled

    def sent(self, values: tuple) -> tuple:
        """A row's values as it is sent: its reading after them (where the answers have one)."""
        if self.phrases is None or self.level == "none":
            return values
        atom = values if len(values) == self.arity else values[:self.arity]
        return values + (self.phrases.reading(self.predicate, atom),)

    def __reduce__(self):
        return _received_rows, (self.first, self.sent(self.values), self.predicate, self.arity, self.bindings,
                                self.form.paths, self.level, self.extra, self.columns)


def _received_rows(first: dict, values: tuple, predicate: str, arity: int, bindings: list, paths: tuple,
                   level: str, extra: int = 0, columns: dict | None = None) -> Rows:
    """Rows sent by another process (Rows.__reduce__): without a phrasebook, each row's reading after its values."""
    rows = Rows.__new__(Rows)
    rows.first, rows.values, rows.predicate, rows.arity, rows.bindings = first, values, predicate, arity, bindings
    rows.form, rows.phrases, rows.level, rows.texts, rows.extra = Form(paths), None, level, {}, extra
    rows.columns = {} if columns is None else columns   # one for the rows sent together
    return rows


class Row(Mapping):
    """An answer of a register of a known shape not made into a dictionary: its shape's `Rows` and its atom's values
    (then, for a decided answer, its deciding entry and summary, shared: Rows). `dict()` makes the dictionary
    (Explainer.refill's); the JSON writers write its text from the shape's template without it; as a mapping it reads
    that dictionary; sent to another process it is its rows (once for all the rows sent together) and its values
    with its reading (a shared entry once for all the rows sent together)."""

    __slots__ = ("rows", "args")

    def __init__(self, rows: Rows, args: tuple):
        self.rows, self.args = rows, args   # args: the atom's values (`values` is the mapping's method)

    def dict(self) -> Shaped:
        return self.rows.dict(self.args)

    def __getitem__(self, key):
        return self.dict()[key]

    def __iter__(self):
        return iter(self.dict())

    def __len__(self) -> int:
        return len(self.dict())

    def __reduce__(self):
        return Row, (self.rows, self.rows.sent(self.args))


class Document(dict):
    """An explanation document; `tables` holds what its answers refer to (None: everything inline)."""

    tables: Tables | None = None


def json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def atom_text(relation: str, values: tuple) -> str:
    """`relation(v1, v2)` as the DSL writes it (each value's text remembered: a batch writes the same values in
    many atoms)."""
    if not values:
        return relation
    texts = _VALUE_TEXTS
    shown = []
    for v in values:
        key = v if v.__class__ is str else (type(v), v)   # 1 and 1.0 are equal keys, not equal texts
        text = texts.get(key)
        if text is None:
            if len(texts) > 1 << 16:   # bounded: a register's values are many
                texts.clear()
            text = texts[key] = "_" if v is None else n.format_value(v)
        shown.append(text)
    return f"{relation}({', '.join(shown)})"


_VALUE_TEXTS: dict = {}   # a text, or (type, value) of another value -> the value as the DSL writes it (atom_text)


# Proof trees are shown down to this many levels of conditions at most (a `reach` chain over 500 edges is
# 500 levels deep); below it a node says how many levels are left out ("truncated"), as --depth does.
MAX_PROOF_LEVELS = 100


class Explainer:
    """Turns traces into dictionaries, with labels, quotes and sentences in one language.

    `depth` cuts proof trees below that many levels of conditions (None: the whole tree); `steps`
    adds the derivation as numbered inference steps.
    """

    def __init__(self, kb: KnowledgeBase, program: Program, language: str = "en",
                 depth: int | None = None, steps: bool = False, level: str = "full",
                 tables: Tables | None = None):
        self.kb = kb
        self.program = program
        self.language = language
        self.depth = depth if tables is None else None   # shared sub-proofs are whole; --depth cuts what is shown
        self.with_steps = steps
        self.level = level
        self.tables = tables
        self._ids: dict[tuple, str] = {}
        self.phrases = Phrasebook(kb, language)
        self._touched: dict[str, set[str]] | None = None
        self._bearing: dict[str, list[dict]] = {}   # predicate -> the readings that bear on it: readings_for()
        self._forms: dict[tuple, Form] = {}   # (id of a shape's first answer, binding names) -> the form of its answers
        self._nodes: dict[int, tuple[ProofNode, dict]] = {}   # id of a proof node -> (it, its dict): node()
        self._said: dict[int, tuple] = {}   # inline, id of a proof node -> (it, what it says anywhere): _node()
        self._summaries: dict[int, tuple[dict, dict]] = {}   # id of a node's dict -> (it, its summary line)
        self._described: dict[tuple[str, bool], dict] = {}   # (norm id, full) -> its description: _description()
        self._named: dict[str, dict] = {}   # norm id -> its key: _key()
        self._failures: dict[int, tuple[WhyNot, dict]] = {}   # id of a why-not -> (it, its failure): failure()
        # (id of a why-not, deciding, level) -> (it, its dict, the answer's numbered proofs then, their numbering)
        self._why_nots: dict[tuple, tuple[WhyNot, dict, int, list]] = {}
        self._numbering: list[tuple[tuple, str, bool]] | None = None   # a why-not being made: its rules' proofs numbered
        self._keys: dict[str | None, dict | None] = {}   # norm id -> its key in the `proofs` entries (_table_proofs)
        self.columns = Columns()   # a writer's texts of values at places, for all the Rows made here (render/as_json.py)
        self._decided: dict[tuple, tuple] = {}   # (id of a shape, shown bindings) -> its deciding entry, summary: refill()

    # ------------------------------------------------------------ readings in force
    def readings_for(self, predicate: str) -> list[dict]:
        """The readings in force (kb `reading`s) that bear on a predicate: those of every group of alternatives
        with a norm or condition attached whose conclusion the predicate depends on, through any rules (one list per
        predicate, shared by the places that name it: read it only)."""
        made = self._bearing.get(predicate)
        if made is not None:
            return made
        if self._touched is None:
            self._touched = _touched_by_readings(self.kb)
        out = []
        for name in sorted(self._touched.get(predicate, ())):
            if name in self.program.readings:
                decl = self.kb.readings[name]
                out.append({"name": name, "label": n.label_of(decl.labels, self.language, name), "default": decl.default})
        if Prover.shortcuts:   # the same list wherever the predicate is met (read only)
            self._bearing[predicate] = out
        return out

    def reading_note(self, readings: list[dict], chosen_only: bool = False) -> str:
        """"under the reading in force: ..." for the readings named (only the chosen ones: not the defaults)."""
        shown = [r["label"] for r in readings if not (chosen_only and r["default"])]
        return self.w("under reading", labels="; ".join(shown)) if shown else ""

    def w(self, key: str, **values) -> str:
        return word(key, self.language, **values)

    # ------------------------------------------------------------ pieces from the knowledge base
    def value_label(self, value) -> str:
        return self.phrases.value_label(value)

    def reading(self, relation: str, values: tuple) -> str | None:
        """The atom in words (the phrasebook remembers each value's words per place of a template)."""
        return self.phrases.reading(relation, values)

    def label(self, relation: str) -> str | None:
        return self.phrases.label(relation)

    def norm_name(self, nid: str | None) -> str:
        """How sentences name a norm: its id, then its citation key (several norms share a citation)."""
        if nid is None:
            return self.w("rule")
        info = self.program.norms.get(nid)
        return self.phrases.norm_name(nid, info.node.citation if info else None)

    def cited_as(self, info) -> str | None:
        """The norm's citation as a reader of the language cites it (the phrasebook), else its key."""
        return self.phrases.cite_norm(info.node) if info is not None else None

    def cite_key(self, citation: str) -> str:
        """A citation key as the reader's language cites it (`code 12.1.2` -> подп. 2) ч. 1 ст. 12 Кодекса)."""
        return self.phrases.cite(citation)

    def act_name(self, key: str) -> str:
        """An act's short name in the language (its citation form without parts), else its key."""
        return self.phrases.act_name(key)

    def scope(self, k: int) -> dict:
        """A scope declaration as an answer names it: its provisions (keys and as the reader cites them) and
        what they hold, in the reader's language."""
        from engine.syntax.nodes import label_of

        decl = self.program.scopes[k]
        return {"citations": list(decl.citations), "cited_as": [self.cite_key(c) for c in decl.citations],
                "label": label_of(decl.labels, self.language, "")}

    def norm_key(self, nid: str | None) -> dict | None:
        """A norm named only by id and citation (its full description is elsewhere in the answer): a dictionary of
        the caller's own (the document's are shared: _key)."""
        key = self._key(nid)
        return None if key is None else dict(key)

    def _key(self, nid: str | None) -> dict | None:
        """norm_key as the document holds it: made once per norm and shared by every mention (never changed)."""
        if nid is None:
            return None
        made = self._named.get(nid)
        if made is None:
            info = self.program.norms.get(nid)
            made = {"id": nid, "citation": info.node.citation if info else None, "cited_as": self.cited_as(info)}
            if Prover.shortcuts:
                self._named[nid] = made
        return made

    def quote_status(self, info) -> dict:
        """What the shown quote is: the Court's summary (`quote_is_summary`), a working translation or the
        authentic text (`quote_translation`, from the act's `authentic` languages), and its decisive words."""
        node = info.node
        out: dict[str, object] = {}
        shown = next((lang for lang in (self.language, "en", "kk", "ru") if any(q.language == lang for q in node.quotes)), None)
        if shown is None:
            return out
        if node.summarised:
            out["quote_is_summary"] = True
        if info.act is not None and info.act.authentic:
            out["quote_translation"] = "original" if shown in info.act.authentic else "working"
        decisive = next((d.text for d in node.decisive if d.language == shown), None)
        if decisive:
            out["decisive"] = decisive
        return out

    def norm_ref(self, nid: str | None, full: bool = True) -> dict | None:
        """A norm as an answer refers to it: described in full where everything is inline, else by its key, with its
        full description once in the document's `norms`. The dictionary is the one every mention of the norm shares
        (made once: a text answer names each norm at every mention): read it, or change a copy."""
        if nid is None:
            return None
        tables = self.tables
        if tables is None:
            return self._description(nid, full)
        if ("norms", nid) not in tables.seen:
            tables.seen.add(("norms", nid))
            tables.add("norms", nid, self._description(nid, full=True))
        return self._key(nid)

    def describe(self, nid: str, full: bool = True) -> dict:
        """A norm's description: citation, act, rank, modality, quote, source, days in force (full: also its quotes
        in every language and its notes), a dictionary of the caller's own (the values inside are shared and never
        changed)."""
        return dict(self._description(nid, full))

    def _description(self, nid: str, full: bool) -> dict:
        """describe as the document holds it: made once per norm and shared by every mention (never changed)."""
        made = self._described.get((nid, full))
        if made is None:
            made = self._describe(nid, full)
            if Prover.shortcuts:
                self._described[(nid, full)] = made
        return made

    def _describe(self, nid: str, full: bool) -> dict:
        info = self.program.norms.get(nid)
        if info is None:
            return {"id": nid}
        node = info.node
        ref: dict[str, object] = {
            "id": nid,
            "citation": node.citation,
            "cited_as": self.cited_as(info),
            "act": info.act.key if info.act else None,
            "act_name": self.act_name(info.act.key) if info.act else None,
            "act_title": n.label_of(info.act.labels, self.language) if info.act else None,
            "rank": info.rank,
            "modality": info.modality,
            "quote": n.label_of(node.quotes, self.language),
            "source": node.span.location,
            "in_force": {"from": json_value(info.start), "to": json_value(info.end)},
        }
        ref.update(self.quote_status(info))
        if node.interpretation or node.interpretations:  # wherever a norm is used, a reader must see that it rests on a reading
            ref["interpretation"] = n.label_of(node.interpretations, self.language, node.interpretation)
        if not full:  # a norm named inside a tree: quotes in every language and notes only for the full description
            return ref
        ref["quotes"] = {q.language: q.text for q in node.quotes}
        notes = [l.text for l in node.note_labels if l.language == self.language] if node.note_labels else \
            (list(node.notes) if self.language == "en" else [])
        if notes:
            ref["notes"] = notes
        untranslated = len(node.note_labels or node.notes) - len(notes) if self.language != "en" else 0
        if untranslated > 0:  # the author's remarks not yet in the reader's language: counted, not shown in English
            ref["untranslated_notes"] = untranslated
        return ref

    # ------------------------------------------------------------ universal conditions
    def universal(self, relation: str, values: tuple) -> tuple[str, str] | None:
        """A `for every` condition's counterexamples (n.Universal) as written and read, with its values in
        place: ("for every X such that owner(X, lawco): partner(X, mainco)", "for every X such that ...")."""
        u = self.kb.universals.get(relation) if relation.startswith(n.UNIVERSAL_PREFIX) else None
        if u is None:
            return None
        binding = dict(zip(u.free, values))

        def read(c) -> str:
            target = c.atom if isinstance(c, n.Negation) else c
            if not isinstance(target, n.Atom):
                return comparison_text(c, binding)
            named = tuple(binding.get(t.name, t.name) if isinstance(t, n.Variable) else t.value for t in target.args)
            text = self.reading(target.predicate, named) or atom_text(target.predicate, named)
            return self.w("negated reading", reading=text) if isinstance(c, n.Negation) else text
        reading = self.w("universal reading", names=", ".join(u.variables),
                         domain=self.w("and").join(read(c) for c in u.domain), body=read(u.body))
        return u.text(binding), reading

    # ------------------------------------------------------------ proof trees
    def node(self, p: ProofNode, level: int = 1) -> dict:
        """A proof node as the answer shows it. With tables it depends on the node alone (derived conditions are
        named, their proofs are in the tables), so it is made once per node: proofs share their sub-proofs'
        nodes (Prover.prove), and a register's answers name the same conditions many times."""
        if self.tables is None or not Prover.shortcuts:
            return self._node(p, level)
        made = self._nodes.get(id(p))
        if made is None or made[0] is not p:
            made = self._nodes[id(p)] = (p, self._node(p, level))
        return made[1]

    def _node(self, p: ProofNode, level: int) -> dict:
        kind, source = p.kind, p.source
        if kind == "comparison":
            return {"kind": "comparison", "atom": p.text, "holds": True, "reading": None,
                    "source": source.location if source else None}
        kept = self.tables is None and Prover.shortcuts   # inline, a node met again says what it said (tables: node())
        if kept:
            said = self._said.get(id(p))
            if said is None or said[0] is not p:
                said = self._said[id(p)] = (p, *self._said_of(p))
            _p, base, text, head, bindings = said
        else:
            base, text, head, bindings = self._said_of(p)
        if kind == "fact" or (kind == "negation" and not p.children):
            return base   # the whole node: the same dictionary wherever the node is met (read only)
        out = dict(base) if kept else base
        if kind == "negation":   # a `for every` that holds: its instances, each proved
            out["conditions"] = [self.node(c, level + 1) for c in p.children]
        if kind == "rule" and self.tables is not None:  # a derived condition: its proof once, in `proofs`
            proof_key = out["id"] = text if head is None else atom_text(p.relation or "", p.values)
            if ("proofs", proof_key) not in self.tables.seen:
                self._table_proofs(p, level, proof_key)
        elif kind == "rule":
            shown = (p.relation, p.values)
            repeat = shown in self._ids
            if repeat:
                out["id"], out["repeat"] = self._ids[shown], True
            else:
                out["id"] = self._ids[shown] = str(len(self._ids) + 1)
            if self._numbering is not None:   # a why-not being made: how its rules' proofs were numbered (why_not)
                self._numbering.append((shown, out["id"], repeat))
            out["norm"] = self.norm_ref(p.norm, full=False)
            out["bindings"] = bindings
            if repeat:  # shown once, referred to after: the conditions are under the first node with this id
                out["conditions"] = []
            elif level >= min(self.depth or MAX_PROOF_LEVELS, MAX_PROOF_LEVELS) and p.children:
                out["conditions"] = []  # --depth, or the policy for very deep proofs: cut, with a visible marker
                out["truncated"] = _height(p)
            else:
                out["conditions"] = [self.node(c, level + 1) for c in p.children]
        return out

    def _said_of(self, p: ProofNode) -> tuple[dict, str, str | None, dict | None]:
        """What a node says whatever its place (_node): its dictionary up to its conditions (a fact's or a negation's
        whole), its atom's text, the conclusion it draws (a norm's), and a rule's bindings as shown."""
        kind, source = p.kind, p.source
        relation = p.relation or ""
        values = p.values
        head = concluded(relation)
        if head is not None:
            relation, values = head, values[1:]
        universal = self.universal(relation, values) if relation.startswith(n.UNIVERSAL_PREFIX) else None
        reading = self.phrases.reading(relation, values)
        negation = kind == "negation"
        if negation and reading:
            reading = self.w("negated reading", reading=reading)
        text = atom_text(relation, values)
        out: dict[str, object] = {
            "kind": kind,
            "atom": "not " + text if negation else text,
            "holds": True,
            "reading": reading,
            "source": source.location if source else None,
        }
        if universal is not None:   # `for every ...`: holds where no counterexample does (n.Universal)
            u = self.kb.universals[relation]
            out["atom"], out["reading"] = universal if negation else \
                (self.w("counterexample", atom=universal[0]),
                 ", ".join(f"{v} = {self.value_label(p.bindings[v])}" for v in u.variables if v in p.bindings))
            out["universal"] = True
        if kind == "fact":
            if source is not None and self.program.origin(source) == ASSUMPTION:
                out["assumed"] = True    # assumed (--assume, or a question in words), never a fact of the case
        elif negation:
            out["explanation"] = self.w("universal holds") if universal is not None else \
                f"{self.w('no fact')} {text}"
        bindings = {k: json_value(v) for k, v in sorted(p.bindings.items()) if not k.startswith("_")} \
            if kind == "rule" and self.tables is None else None
        return out, text, head, bindings

    def _table_proofs(self, p: ProofNode, level: int, key: str) -> None:
        """The `proofs` entries of p (whose entry is `key`) and of the derived sub-proofs below it not yet in the
        tables, each sub-proof's before the proof that uses it, without Python recursion (a proof may be 1000 deep).
        A sub-proof whose node was made (node()) is in the tables already: its entry's key is not written again."""
        tables = self.tables
        assert tables is not None, "called by node() only for an Explainer with tables"
        seen, pending, node = tables.seen, tables.pending, self.node
        nodes = self._nodes if Prover.shortcuts else {}
        keys = self._keys if Prover.shortcuts else {}
        stack: list[tuple[ProofNode, int, str, bool]] = [(p, level, key, False)]
        while stack:
            q, at, key, expanded = stack.pop()
            if not expanded:
                mark = ("proofs", key)
                if mark in seen:
                    continue
                seen.add(mark)
                stack.append((q, at, key, True))
                for c in reversed(q.children):
                    if c.kind == "rule":
                        made = nodes.get(id(c))
                        if made is None or made[0] is not c:
                            stack.append((c, at + 1, atom_text(c.relation or "", c.values), False))
                continue
            norm = keys.get(q.norm)   # a norm's key, shared by the entries of its rules (read only)
            if norm is None:
                norm = keys[q.norm] = self.norm_ref(q.norm, full=False)
            entry = {"norm": norm, "bindings": _json_bindings(q.bindings, hidden="_"),
                     "conditions": [node(c, at + 1) for c in q.children]}  # the derived ones are in the tables
            pending.append(("proofs", key, entry))   # Tables.add

    def summary_conditions(self, conditions: list[dict]) -> list[dict]:
        """The summary's lines of the deciding proof's conditions; with tables, made once per condition (node())."""
        if self.tables is None or not Prover.shortcuts:
            return [_summary_condition(c) for c in conditions]
        out = []
        for c in conditions:
            made = self._summaries.get(id(c))
            if made is None or made[0] is not c:
                made = self._summaries[id(c)] = (c, _summary_condition(c))
            out.append(made[1])
        return out

    # ------------------------------------------------------------ defeats
    def principle_text(self, d: Defeat, reading: str | None = None) -> str:
        """The principle that decided a defeat, in a sentence; `reading` is the answer's own atom in words (what a
        binding interpretation leaves out)."""
        grounds = dict(d.grounds)
        if d.principle == "lex specialis":
            words = self.priority_words(d)
            if words is not None:   # `because "..."`: the text's own words that make the priority
                return self.w("lex specialis words", winner=self.norm_name(d.winner), loser=self.norm_name(d.loser),
                              where=self.norm_name(words[0]), words=words[1])
            return self.w("lex specialis", winner=self.norm_name(d.winner), loser=self.norm_name(d.loser))
        if d.principle == "binding interpretation":
            return self.interpretation_text(d, reading)
        if d.principle == "lex superior":
            for side in ("winner_act", "loser_act"):
                if side in grounds:
                    grounds[side] = self.act_name(grounds[side])
            return self.w("lex superior", **grounds)
        for side in ("winner_date", "loser_date"):   # ISO in the grounds (data); said as the reader writes dates
            if side in grounds:
                grounds[side] = self.phrases.date(grounds[side])
        return self.w("lex posterior", **grounds)

    def priority_words(self, d: Defeat) -> tuple[str, str] | None:
        """(the norm whose text says it, its words) for an exception written with `because "..."`, in the
        reader's language where the kb has it (`subject to` is written on the norm that yields)."""
        winner = self.kb.norms.get(d.winner)
        ref = next((r for r in (winner.exception_to if winner else ()) if r.norm_id == d.loser and r.words), None)
        if ref is None:
            return None
        text = n.label_of(ref.words, self.language) or ref.words[0].text
        return ref.written_in or d.winner, text

    def interpretation_text(self, d: Defeat, reading: str | None = None) -> str:
        """"code 12.1.2, in the binding interpretation of ruling 7 (points 1 and 2), does not extend to ...": the
        interpreted norm, the interpreting act with its points (the interpreting norm's and the binding
        provision's), and what the reading leaves out: the answer's own atom."""
        loser, winner = self.program.norms.get(d.loser), self.program.norms.get(d.winner)
        binding = self.program.norms.get(dict(d.grounds).get("binding") or "")
        act = winner.act.key if winner and winner.act else ""
        points = []
        for info in (winner, binding):
            citation = Citation.parse(info.node.citation if info else None)
            point = ".".join(citation.numbers) if citation else ""
            if citation and citation.act == act and point[:1].isdigit() and point not in points:
                points.append(point)
        shown = self.w("points", first=points[0], second=points[1]) if len(points) > 1 else \
            self.w("point", first=points[0]) if points else ""
        # a reading that leaves the case to discretion does not lift the interpreted norm: it stops deciding alone
        key = "binding interpretation, discretion" if winner and winner.modality == "discretionary" else "binding interpretation"
        return self.w(key, interpreted=self.cited_as(loser) or d.loser,
                      act=self.act_name(act) if act else d.winner, points=shown,
                      reading=reading or self.w("this case"))

    def defeat(self, d: Defeat, reading: str | None = None) -> dict:
        """A defeat (or a binding interpretation) of an answer whose atom reads `reading`."""
        loser = self.program.norms.get(d.loser)
        see = [self.norm_ref(r.norm_id, full=False) for r in loser.node.see] if loser else []
        binding = dict(d.grounds).get("binding")
        if d.principle == "binding interpretation" and binding:
            see = [self.norm_ref(binding, full=False)] + see
        out = {"norm": self.norm_ref(d.loser, full=False), "by": d.winner, "by_norm": self.norm_ref(d.winner, full=False),
               "principle": d.principle, "grounds": dict(d.grounds), "explanation": self.principle_text(d, reading), "see": see}
        words = self.priority_words(d) if d.principle == "lex specialis" else None
        if words is not None:   # `because "..."`: where the text says it, in its words
            out["words"] = {"norm": words[0], "text": words[1]}
        return out

    # ------------------------------------------------------------ why-not
    def failure(self, w: WhyNot) -> dict:
        """The condition that stops a rule, named by its label and reading, with the norm that asks for it: made once
        a why-not where everything is inline (the why-nots asked again, and the chains that end in it, say it again:
        read it only); with tables (a register's answers, written and let go one by one) made each time."""
        if self.tables is not None or not Prover.shortcuts:
            return self._failure(w)
        made = self._failures.get(id(w))
        if made is None or made[0] is not w:
            made = self._failures[id(w)] = (w, self._failure(w))
        return made[1]

    def _failure(self, w: WhyNot) -> dict:
        c = w.condition
        if w.reason == "not-in-force":
            assert w.norm is not None, "only a norm is out of force (Prover gives not-in-force with its id)"
            info = self.program.norms[w.norm]
            sentence = self.w("not in force on", date=self.phrases.date(self.program.at))
            if info.start and info.start > self.program.at:
                sentence += f" ({self.w('comes into force', date=self.phrases.date(info.start))})"
            elif info.end and info.end < self.program.at:
                sentence += f" ({self.w('ceases', date=self.phrases.date(info.end))})"
            return {"condition": None, "reading": None, "label": None, "source": None, "sentence": sentence,
                    "asked_by": self._key(w.norm)}
        if w.relation is not None:
            atom = atom_text(w.relation, w.values)
            reading = self.reading(w.relation, w.values)
            label = self.label(w.relation)
            universal = self.universal(w.relation, w.values) if None not in w.values else None
            if w.existential and w.reason == "missing":
                return self.existential_failure(w, atom, label)
            if universal is not None and w.reason == "negation-holds":   # `for every ...` with a counterexample
                atom, reading = universal
                sentence = self.w("universal fails", reading=reading)
            elif w.reason == "negation-holds":
                sentence = self.w("negation holds", reading=reading or atom)
                atom = "not " + atom
            elif reading and label:
                sentence = self.w("missing condition", label=label, reading=reading)
            else:
                sentence = self.w("missing atom", atom=atom)
        else:
            assert isinstance(c, n.Comparison), "a why-not without a failing relation fails on a comparison"
            atom, reading, label = comparison_text(c, w.bindings), None, None
            sentence = self.w("comparison fails", comparison=atom)
        return {"condition": atom, "reading": reading, "label": label,
                "source": c.span.location if c is not None else None, "sentence": sentence,
                "asked_by": self._key(w.norm)}

    def existential_failure(self, w: WhyNot, atom: str, label: str | None) -> dict:
        """"no person Q is established such that Q is the q of a and Q is p and ...": the conditions on a body-only variable, read with the variable's own name, never bound
        to a value tried (the why-not of `exists Q` is about no one in particular)."""
        readings, atoms = [], []
        for c in w.group:
            target = c if isinstance(c, n.Atom) else c.atom if isinstance(c, n.Negation) else None
            if target is None:
                continue
            named = tuple(t.name if isinstance(t, n.Variable) and t.name in w.existential
                          else (w.bindings.get(t.name) if isinstance(t, n.Variable) else t.value) for t in target.args)
            values = tuple(None if isinstance(t, n.Variable) and t.name in w.existential else v
                           for t, v in zip(target.args, named))
            text = self.reading(target.predicate, named) or atom_text(target.predicate, values)
            if isinstance(c, n.Negation):
                text = self.w("negated reading", reading=text)
            readings.append(text)
            atoms.append(("not " if isinstance(c, n.Negation) else "") + atom_text(target.predicate, values))
        sentence = self.w("missing existential", names=", ".join(w.existential),
                          readings=self.w("and").join(readings))
        return {"condition": atom, "reading": self.w("and").join(readings), "label": label,
                "source": w.condition.span.location if w.condition is not None else None, "sentence": sentence,
                "asked_by": self._key(w.norm), "existential": list(w.existential), "conditions": atoms}

    def decisive(self, w: WhyNot, failed: dict | None = None) -> dict:
        """Down the chain of why-nots while it does not branch: the leaf is the missing fact or document. `failed`:
        w's own failure, already said (why_not), copied where w is the leaf (most why-nots) instead of said again."""
        chain = [w]
        while len(chain[-1].deeper) == 1 and chain[-1].deeper[0].reason != "not-in-force":
            chain.append(chain[-1].deeper[0])
        leaf = chain[-1]
        if Prover.shortcuts and (failed is not None and len(chain) == 1 or leaf.norm):
            # the leaf's failure as said (failure), asked by the leaf's own norm: the same dictionary
            return failed if failed is not None and len(chain) == 1 else self.failure(leaf)
        if failed is not None and len(chain) == 1:
            found = {k: list(v) if v.__class__ is list else v for k, v in failed.items()}
        else:
            found = dict(self.failure(leaf))   # asked by a norm above the leaf: its own copy
        asked_by = next((x.norm for x in reversed(chain) if x.norm), None)
        found["asked_by"] = self._key(asked_by)
        return found

    def who(self, nid: str | None, deciding: str | None) -> str:
        info = self.program.norms.get(nid) if nid else None
        if info and deciding and any(r.norm_id == deciding for r in info.node.exception_to):
            return self.w("the exception", norm=self.norm_name(nid))
        if nid is None:
            return self.w("rule")
        return self.w("the norm", norm=self.norm_name(nid))

    def why_not(self, w: WhyNot, deciding: str | None = None, level: int = 1) -> dict:
        """What `w` says in the answer. Where everything is inline, a why-not asked again (the prover's why-nots are
        shared: Prover.why_not) is the dictionary made before, where the proofs of rules in it (numbered in each
        answer: _node) are numbered now as they were then; with tables, its nodes are the tables' and the dictionary
        is made each time."""
        if self.tables is not None or not Prover.shortcuts:
            return self._why_not(w, deciding, level)
        key = (id(w), deciding, level)
        made = self._why_nots.get(key)
        if made is not None and made[0] is w and self._numbered_again(made[2], made[3]):
            return made[1]
        start, outer = len(self._ids), self._numbering
        numbering: list[tuple[tuple, str, bool]] = []
        self._numbering = numbering
        try:
            out = self._why_not(w, deciding, level)
        finally:
            self._numbering = outer
        if outer is not None:
            outer.extend(numbering)
        self._why_nots[key] = (w, out, start, numbering)
        return out

    def _numbered_again(self, start: int, numbering: list) -> bool:
        """Whether the rules' proofs of a why-not made before, numbered so when the answer had numbered `start`
        (`numbering`: each one's atom, number, and whether it was shown before), are numbered the same now; if so, they
        are numbered so (the answer's `_ids`, as _node numbers them) and the dictionary made then stands."""
        if not numbering:
            return True   # no rule's proof in it: the same wherever it is asked
        ids = self._ids
        if len(ids) != start:
            return False
        added: dict = {}
        for shown, number, repeat in numbering:
            now = ids.get(shown) or added.get(shown)
            if repeat:
                if now != number:
                    return False
            elif now is not None or number != str(len(ids) + len(added) + 1):
                return False
            else:
                added[shown] = number
        ids.update(added)
        if self._numbering is not None:
            self._numbering.extend(numbering)
        return True

    def _why_not(self, w: WhyNot, deciding: str | None, level: int) -> dict:
        info = self.program.norms.get(w.norm) if w.norm else None
        out: dict[str, object] = {"norm": self.norm_ref(w.norm, full=False), "reason": w.reason,
               "exception": bool(info and deciding and any(r.norm_id == deciding for r in info.node.exception_to)),
               "reach": w.reach, "total": w.total}
        if w.rule is None and w.norm is None and w.reason != "not-in-force":
            out["norm"] = None
        failed = self.failure(w)
        decisive = self.decisive(w, failed) if w.reason != "not-in-force" else failed
        out["failed"] = failed
        out["decisive"] = decisive
        explanation = self.w("norm fails", norm=self.who(w.norm, deciding), reason=decisive["sentence"])
        condition = decisive.get("condition")
        bearing = self.readings_for(condition.split("(")[0].removeprefix("not ").strip()) if condition else []
        if bearing:   # a condition a reading decides is failed under that reading: say which
            out["readings"] = bearing
            explanation += f" ({self.reading_note(bearing)})"
        asked = decisive.get("asked_by")
        if asked and w.reason != "not-in-force" and asked.get("citation") and asked["id"] != w.norm:
            explanation += f" ({asked.get('cited_as') or asked['citation']})"
        out["explanation"] = explanation
        if w.rule is None and w.norm is None:
            out["explanation"] = f"{self.w('rule')}: {decisive['sentence']}"
        out["held"] = [self.node(p, level + 1) for p in w.held]
        if self.depth is not None and level >= self.depth and w.deeper:
            out["because"], out["truncated"] = [], 1
        else:
            out["because"] = [self.why_not(d, None, level + 1) for d in w.deeper]
        if w.counter_proof is not None:
            out["counter_proof"] = self.node(w.counter_proof, level + 1)
        return out

    # ------------------------------------------------------------ the short form
    def summary(self, t: Trace, why_nots: list[dict], defeated: list[dict], conditions: list[dict],
                interpreted: Sequence[dict] = ()) -> dict:
        a = t.answer
        parts: list[str] = []
        status = self.w(a.status)
        if a.ambiguity:
            first, second = a.ambiguity[0]
            parts.append(self.w("undetermined conflict", first=self.norm_name(first), second=self.norm_name(second)))
        elif a.deciding:
            parts.append(self.w("status by", status=status, norm=self.norm_name(a.deciding)))
            for d in interpreted:
                parts.append(d["explanation"])
            for d in defeated:
                principle = self.w("lex specialis short") if d["principle"] == "lex specialis" else d["explanation"]
                if d.get("words"):   # the text's own words make the priority: say them
                    principle = f"«{d['words']['text']}», {d['words']['norm']}"
                if d["by"] == a.deciding:
                    parts.append(self.w("prevails over", loser=self.norm_name(d["norm"]["id"]), principle=principle))
                else:
                    parts.append(self.w("defeated by", loser=self.norm_name(d["norm"]["id"]),
                                        winner=self.norm_name(d["by"]), principle=principle))
        elif a.status == "undetermined":
            parts.append(self.w("undetermined no norm"))
        elif a.status == "holds" and t.proof is not None:
            if t.proof.kind == "fact":
                parts.append(self.w("holds as fact", source=t.proof.source.location if t.proof.source else "?"))
            else:
                parts.append(self.w("holds by", norm=self.norm_name(t.proof.norm)))
        else:
            parts.append(status)
        if why_nots and a.status != "permitted" and a.status != "obligatory":
            parts.append(why_nots[0]["explanation"])
        return {"text": "; ".join(parts),
                "norm": self.norm_ref(a.deciding, full=False) if a.deciding else None,
                "conditions": self.summary_conditions(conditions),
                "why_not": [x["explanation"] for x in why_nots],
                "defeated": [d["explanation"] for d in defeated],
                "interpreted": [d["explanation"] for d in interpreted]}

    # ------------------------------------------------------------ step by step
    def steps(self, t: Trace, defeated: list[dict], headline: str, why_not: Sequence[dict] = ()) -> list[dict]:
        """The derivation bottom-up: each fact and each inference once, numbered, conclusion last."""
        out: list[dict] = []
        done: dict[tuple, int] = {}

        def key_of(p: ProofNode) -> tuple:
            return (p.kind, p.relation, p.values, p.text)

        def visit(root: ProofNode) -> None:
            """Post-order (conditions before what they prove), without Python recursion: proofs may be deep."""
            stack = [(root, False)]
            while stack:
                p, expanded = stack.pop()
                key = key_of(p)
                if key in done:
                    continue
                if not expanded:
                    stack.append((p, True))
                    stack.extend((c, False) for c in reversed(p.children))
                    continue
                premises = [done[key_of(c)] for c in p.children]
                relation, values = p.relation or "", p.values
                head = concluded(relation)
                conclusion = head is not None
                if head is not None:
                    relation, values = head, values[1:]
                universal = self.universal(relation, values)
                number = len(out) + 1
                step = {"number": number, "kind": "conclusion" if conclusion else p.kind,
                        "atom": p.text if p.kind == "comparison" else
                        self.w("counterexample", atom=universal[0]) if universal else atom_text(relation, values),
                        "reading": None if p.kind == "comparison" else
                        universal[1] if universal else self.reading(relation, values),
                        "source": p.source.location if p.source else None, "from": premises}
                if p.kind == "rule":
                    step["norm"] = self.norm_ref(p.norm, full=False)
                    if conclusion:
                        assert p.norm is not None, "a norm:p conclusion is drawn by a norm's rule"
                        step["modality"] = self.program.norms[p.norm].modality
                out.append(step)
                done[key] = number

        if t.proof is not None:
            visit(t.proof)
        for d in defeated:
            out.append({"number": len(out) + 1, "kind": "defeat", "winner": self.norm_ref(d["by"], full=False),
                        "loser": d["norm"], "principle": d["principle"], "explanation": d["explanation"], "from": []})
        for w in why_not:  # the exceptions and grants that failed (a missing certificate is the point of a lesson)
            out.append({"number": len(out) + 1, "kind": "failed", "norm": w.get("norm"),
                        "explanation": w.get("explanation"), "from": []})
        out.append({"number": len(out) + 1, "kind": "status", "status": t.answer.status, "text": headline,
                    "from": [s["number"] for s in out if s["kind"] in ("conclusion", "defeat")]})
        return out

    # ------------------------------------------------------------ answers
    def answer(self, t: Trace, explain: bool = True) -> dict:
        self._ids = {}
        a = t.answer
        out: dict[str, object] = {
            "atom": atom_text(a.predicate, a.values),
            "bindings": {k: json_value(v) for k, v in sorted(a.bindings.items())},
            "status": a.status,
            "citations": list(t.citations),
            "cited_as": [self.cite_key(c) for c in t.citations],
        }
        if t.scope is not None:
            out["outside_scope"] = self.scope(t.scope)
        bearing = self.readings_for(a.predicate)
        if bearing:
            out["readings"] = bearing
        trace: dict = {"status_label": self.w(a.status),
                       "deadline": a.deadline.isoformat() if a.deadline is not None else None,
                       "compliance": a.compliance,
                       "fulfilled_on": a.fulfilled_on.isoformat() if a.fulfilled_on is not None else None}
        if self.level == "none":
            out["trace"] = trace
            return out
        trace["reading"] = self.reading(a.predicate, a.values)
        conditions: list[dict] = []
        if a.deciding:
            decided = dict(self.norm_ref(a.deciding) or {})   # its own: the proof's bindings and conditions go in it
            assert decided, "norm_ref names every norm id"
            if t.proof is not None:
                decided["bindings"] = {k: json_value(v) for k, v in sorted(t.proof.bindings.items()) if not k.startswith("_")}
                decided["conditions"] = conditions = [self.node(c) for c in t.proof.children]
            decided["rests_on"] = [self.norm_ref(r.norm_id) for r in self.program.norms[a.deciding].node.rests_on]
            trace["decided_by"] = decided
        elif t.proof is not None:
            trace["proof"] = self.node(t.proof, 0)
            conditions = trace["proof"].get("conditions", [])
        else:
            trace["decided_by"] = None
        if a.supporting:
            trace["also_supported_by"] = [self.norm_ref(nid, full=False) for nid in a.supporting]
        reading = trace["reading"]
        trace["defeated"] = [self.defeat(d, reading) for d in a.defeated if d.principle != "binding interpretation"]
        # a norm read narrowly by a binding interpretation is not defeated: it is upheld, in that reading
        trace["interpreted"] = [self.defeat(d, reading) for d in a.defeated if d.principle == "binding interpretation"]
        trace["applied"] = self.applied(a)
        if a.ambiguity:
            trace["ambiguity"] = [{"norms": [self.norm_ref(x, full=False) for x in pair],
                                   "explanation": self.w("ambiguity explained")} for pair in a.ambiguity]
        if a.status == "undetermined" and not a.applicable:
            trace["explanation"] = self.w("no norm")
        ordered = sorted(t.why_not, key=lambda w: _closeness(self.program, w, a.deciding))
        trace["why_not"] = [self.why_not(w, a.deciding) for w in ordered]
        trace["summary"] = self.summary(t, trace["why_not"], trace["defeated"], conditions, trace["interpreted"])
        chosen = self.reading_note(bearing, chosen_only=True)
        if chosen and chosen not in trace["summary"]["text"]:
            trace["summary"]["text"] += f" ({chosen})"
        if self.with_steps:
            trace["steps"] = self.steps(t, trace["interpreted"] + trace["defeated"], trace["summary"]["text"], trace["why_not"])
        out["trace"] = trace
        return out

    def refill(self, shape: dict, t: Trace) -> dict:
        """answer(t) for an answer of the shape of `shape`, an earlier answer's dictionary (register.shape_of: the same
        status, norms, defeats, citations, scope and deciding rule): only what depends on the atom's values is
        computed again, as answer() computes it; the rest is shared with `shape`."""
        a = t.answer
        out = self._refilled(shape, a)
        proof = t.proof if a.deciding and self.level != "none" else None
        shown = None
        if proof is not None:
            shown = _json_bindings(proof.bindings, hidden="_")
            trace = out["trace"]
            trace["decided_by"], trace["summary"] = self._deciding(shape, proof.children, shown)
        out.form = self._form(shape, out["bindings"], shown)
        return out

    def deciding(self, shape: dict, children: list[ProofNode], bindings: dict) -> tuple[dict, dict]:
        """The deciding norm's entry and the summary of an answer of the shape of `shape` whose deciding proof has
        these conditions and bindings (as refill makes them, shared with the answers whose deciding proofs show the
        same bindings and rest on the same conditions' proofs): what a decided answer's Row holds after its values."""
        assert self.level != "none", "a decided answer's row (Rows.extra)"
        return self._deciding(shape, children, _json_bindings(bindings, hidden="_"))

    def _deciding(self, shape: dict, children: list[ProofNode], shown: dict) -> tuple[dict, dict]:
        self._ids = {}
        # the deciding norm's entry and the summary, made once for the answers of the shape whose deciding
        # proofs show the same bindings and rest on the same conditions' proofs (shared: Prover.prove)
        key = (id(shape), tuple(shown.items()))
        made = self._decided.get(key)
        if made is None or made[0] is not shape or len(made[1]) != len(children) \
                or not all(map(operator.is_, made[1], children)):
            trace = shape["trace"]
            decided = dict(trace["decided_by"])
            decided["bindings"] = shown
            decided["conditions"] = conditions = [self.node(c) for c in children]
            summary = dict(trace["summary"])
            summary["conditions"] = self.summary_conditions(conditions)
            made = self._decided[key] = (shape, children, (decided, summary))
        return made[2]

    def refill_undecided(self, shape: dict, a) -> dict:
        """refill() for an answer no norm applies to and nothing dates (register._undecided: no proof), from its
        Answer alone, with no Trace made: only its atom, bindings and reading differ from `shape`."""
        out = self._refilled(shape, a)
        out.form = self._form(shape, out["bindings"], None)
        return out

    def _refilled(self, shape: dict, a) -> Shaped:
        """`shape` with the atom, bindings and reading of answer `a`."""
        out = Shaped(shape)
        out["atom"] = atom_text(a.predicate, a.values)
        out["bindings"] = _json_bindings(a.bindings)
        if self.level != "none":
            trace = out["trace"] = dict(shape["trace"])
            trace["reading"] = self.reading(a.predicate, a.values)
        return out

    def _form(self, shape: dict, bindings: dict, shown: dict | None) -> Form:
        """The places where the answers filled in from `shape` differ (shown: the deciding proof's bindings)."""
        key = (id(shape), tuple(bindings), tuple(shown) if shown is not None else None)
        form = self._forms.get(key)
        if form is None:
            # a binding's value at its own place (a writer writes a value faster than a dictionary of them)
            paths: list[tuple[str, ...]] = [("atom",), *(("bindings", k) for k in bindings)]
            if self.level != "none":
                paths.append(("trace", "reading"))
            if shown is not None:
                paths += [*(("trace", "decided_by", "bindings", k) for k in shown), ("trace", "decided_by", "conditions"),
                          ("trace", "summary", "conditions")]
            form = self._forms[key] = Form(tuple(paths))
        return form

    def applied(self, a) -> list[dict]:
        """Every norm whose conditions held for the atom, with its fate: `decided`, `agreed` (concludes what
        the deciding norm concludes), `defeated` (by which norm, on which principle, in which words),
        `interpreted` (read narrowly by a binding interpretation) or `unresolved` (in a conflict nothing
        orders): what a scholar asks as "according to paragraph (5), may he accept?"."""
        beaten = {d.loser: d for d in a.defeated}
        conflicted = {nid for pair in a.ambiguity for nid in pair}
        out = []
        for nid in a.applicable:
            info = self.program.norms.get(nid)
            entry = dict(self._key(nid) or {"id": nid})
            entry["modality"] = info.modality if info else None
            d = beaten.get(nid)
            if nid == a.deciding:
                entry["fate"] = "decided"
            elif d is not None:
                entry["fate"] = "interpreted" if d.principle == "binding interpretation" else "defeated"
                entry["by"] = self._key(d.winner)
                entry["principle"] = d.principle
                words = self.priority_words(d) if d.principle == "lex specialis" else None
                if words is not None:
                    entry["words"] = {"norm": words[0], "text": words[1]}
            elif nid in conflicted:
                entry["fate"] = "unresolved"
                entry["against"] = sorted(x for pair in a.ambiguity if nid in pair for x in pair if x != nid)
            else:
                entry["fate"] = "agreed"
            out.append(entry)
        return out


def _json_bindings(bindings: dict, hidden: str | None = None) -> dict:
    """Bindings as JSON shows them: sorted by name, values as json_value writes them (names starting with `hidden`
    left out)."""
    return {k: v if v.__class__ is str else json_value(v) for k, v in sorted(bindings.items())
            if hidden is None or not k.startswith(hidden)}


def _summary_condition(c: dict) -> dict:
    return {k: c.get(k) for k in ("kind", "atom", "reading", "source")}


def _touched_by_readings(kb: KnowledgeBase) -> dict[str, set[str]]:
    """predicate -> the readings of every group whose attached norms' conclusions it depends on (through any rules:
    the predicates from which one of the group's conclusions is reached, found once per group, backwards)."""
    attached: dict[str, set[str]] = {}          # reading -> the predicates its norms and conditions conclude
    for norm in kb.norms.values():
        if norm.clause is None:
            continue
        for ref in norm.readings:
            attached.setdefault(ref.norm_id, set()).add(norm.clause.head.predicate)
        for _index, reading in getattr(norm.clause, "conditional", ()):
            attached.setdefault(reading, set()).add(norm.clause.head.predicate)
    links: dict[str, set[str]] = {name: set() for name in kb.readings}
    for name, decl in kb.readings.items():     # alternatives, linked both ways
        for ref in decl.instead_of:
            if ref.norm_id in links:
                links[name].add(ref.norm_id)
                links[ref.norm_id].add(name)
    used_by: dict[str, set[str]] = {}           # predicate -> the heads of the clauses whose bodies name it
    heads: set[str] = set()                     # the heads of the clauses with a condition
    for clause, _norm in kb.all_clauses():
        head = clause.head.predicate
        for c in clause.body:
            atom = c if isinstance(c, n.Atom) else c.atom if isinstance(c, n.Negation) else None
            if atom is not None:
                heads.add(head)
                used_by.setdefault(atom.predicate, set()).add(head)
    known = heads | set(used_by)                # the predicates the clauses' conditions relate
    out: dict[str, set[str]] = {}
    grouped: set[str] = set()
    for name in links:
        if name in grouped:
            continue
        group, stack = set(), [name]            # the group of alternatives `name` belongs to
        while stack:
            member = stack.pop()
            if member not in group:
                group.add(member)
                stack.extend(links[member])
        grouped |= group
        reached: set[str] = set()               # every predicate from which one of the group's conclusions is reached
        stack = [p for member in group for p in attached.get(member, ())]
        while stack:
            p = stack.pop()
            if p not in reached:
                reached.add(p)
                stack.extend(used_by.get(p, ()))
        for predicate in reached & known:
            out.setdefault(predicate, set()).update(group)
    return out


def _closeness(program: Program, w: WhyNot, deciding: str | None):
    """Nearest misses first: norms in force, explicit exceptions to the deciding norm, most conditions held."""
    info = program.norms.get(w.norm) if w.norm else None
    exception = bool(info and deciding and any(r.norm_id == deciding for r in info.node.exception_to))
    share = (w.reach / w.total) if w.total else 0
    return (w.reason == "not-in-force", not exception, -share, -w.reach, w.norm or "")


def _height(p: ProofNode) -> int:
    """The number of levels of conditions below the node (without recursion)."""
    height, stack = 0, [(p, 0)]
    while stack:
        node, level = stack.pop()
        height = max(height, level)
        stack.extend((c, level + 1) for c in node.children)
    return height


def document(result, language: str = "en", depth: int | None = None, steps: bool = False,
             lazy: bool = False, level: str = "full", shared: bool = False) -> Document:
    """The whole result as the JSON contract of docs/explanations.md describes it.

    lazy: the answers as a generator, each explained when it is read (for streaming, as_json.pieces/lines).
    level: how much trace each answer carries (TRACE_LEVELS). shared: norms and derived sub-proofs go
    to the document's tables (`norms`, `proofs`) and answers refer to them (the JSON contract); without
    it (what the text, Markdown, HTML and DOT renderers read) everything is inline.
    """
    tables = Tables() if shared else None
    explainer = Explainer(result.kb, result.program, language, depth=depth, steps=steps, level=level, tables=tables)
    explained = (explainer.answer(t) for t in result.traces)
    doc = Document(query=query_text(result.query), at=result.at.isoformat(),
                   answers=explained if lazy else list(explained))
    if shared:
        doc.tables = tables
        doc.update({"schema": SCHEMA_VERSION, "trace": level, "norms": {}, "proofs": {}})
    warnings = unknown_name_warnings(getattr(result, "unknown_names", ()), language)
    if warnings:
        doc["warnings"] = warnings
    return doc


def unknown_name_warnings(unknown, language: str) -> list[dict]:
    """A misspelt name is never a bare "no answers": each unknown name with its did-you-mean, in the language."""
    out = []
    for name, guess, _span in unknown:
        message = word("unknown name", language, name=name)
        if guess:
            message += "; " + word("did you mean", language, guess=guess)
        out.append({"code": "unknown-name", "name": name, "did_you_mean": guess, "message": message})
    return out


def query_text(query: n.Query) -> str:
    return (f"{query.status} " if query.status else "") + str(query.atom)
