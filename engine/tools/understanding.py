"""Questions in words (kk, ru, en): a controlled language generated from the knowledge base.

`understand(text, kb, language)` turns "what is permitted for Ivanov in the city on 1 March 2025?"
(Ivanov the label of a constant, "in the city" a phrase of a predicate p) into the question it means
(`permitted q(ivanov, X)`, an assumption `p(ivanov)`, the date) or into a located diagnostic naming the
word it could not place and the nearest phrasings it knows. It never guesses: every word of the text
must be placed, or the question is not understood.

Everything about the law comes from the knowledge base: predicates are named by their labels, their
`phrase`s and the literal words of their `reads` templates; constants by their ids, labels and
`phrase`s (transliterations of names are labels); the names of persons by the ids the case facts use;
which name fills which argument by the parameter names under which the facts mention it. The engine
adds only function words, question words, status words and month names (engine.explain.i18n).
Nothing here knows about calls or prisons: a new predicate with labels is askable without code.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import field
from typing import NoReturn
from engine.base.records import dataclass

from engine.base.diagnostics import Diagnostic, ZanError
from engine.base.messages import message
from engine.base.source import Span
from engine.explain.i18n import CONDITIONAL_ENDINGS, CONJUNCTIONS, MONTHS, NEGATIONS, POSSESSIVES, QUESTION_WORDS, VERB_ENDINGS, WORDS, word
from engine.explain.morphology import gender, is_genitive_ru, is_verb_form, lemmas, noun_gender
from engine.explain.phrasebook import Found, Phrasebook, find_citations, say_date
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase

SOURCE = "<question>"
STATUSES = ("permitted", "prohibited", "discretionary", "undetermined", "obligatory")
_CYRILLIC = re.compile(r"[а-яё-]+")
_ENDING = re.compile(r"[а-яәғқңөұүһі]{1,5}")   # Kazakh endings are lower case, short
_TOKEN = re.compile(r"(?P<iso>\d{4}-\d{2}-\d{2})|(?P<dotted>\d{1,2}(?P<sep>[./])\d{1,2}(?P=sep)(?:\d{4}|\d{2})(?!\d))|(?P<word>[^\W_]\w*|\d+)|(?P<stop>[,;?!])")


@dataclass(frozen=True)
class Token:
    text: str
    low: str
    column: int
    kind: str  # word, iso, dotted, stop, ending (a case ending after an abbreviation: the "да" of "ШИЗО-да")

    @property
    def span(self) -> Span:
        return Span(SOURCE, 1, self.column, 1, self.column + len(self.text))


@dataclass(frozen=True)
class Entry:
    """A phrase of the controlled language: its content words and what it means."""

    words: tuple[str, ...]
    kind: str      # predicate, constant, status, which, whether, if, change
    value: str
    rank: int = 0  # 0: a label, phrase or id; 1: words of a reading template (weaker)
    language: str | None = None  # the language the phrase is written in (None: an id, a parameter's name)
    commas: bool = False         # the phrase has a comma between its words
    text: str = ""               # the phrase as the kb or the engine writes it (for did-you-mean)
    member: str | None = None    # a relation's phrase naming one kind of person within it (`phrase ... member b`)
    gender: str | None = None    # the gender of the person the phrase names (`phrase ... gender female`: "femn")


@dataclass(frozen=True)
class Understood:
    """A question in words, as understood: the atom question, its date(s) and its assumptions."""

    text: str
    query: n.Query
    at: datetime.date | None = None
    between: tuple[datetime.date, datetime.date] | None = None
    assumptions: tuple[n.Atom, ...] = ()
    names: tuple[tuple[str, str], ...] = ()  # (the words written, the constant understood)
    # a kinship or role word the case does not resolve to one person ("a close relative"; only with
    # understand(..., general_questions=True)): the role atoms over the query's unbound variable(s)
    roles: tuple[n.Atom, ...] = ()
    # provisions cited in the question ("согласно подп. 2) ч. 1 ст. 12 кодекса"): (the words written, the citation
    # key, the ids of its norms that bear on the question); the answers say what those norms did (tools/according)
    according_to: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    # the question asks after an obligation's deadline and fulfilment («не истек ли срок», "fulfilled"): the norms
    # concluding the asked predicate with a deadline (their answers' compliance says it)
    deadlines: tuple[str, ...] = ()
    # "What changed on 1 March 2025?": a change asked of nothing the question names is asked of every question
    # the law can be asked (`law_questions`), each in general; `query` is then the first of them
    every: tuple[n.Query, ...] = ()

    @property
    def atom_text(self) -> str:
        return "; ".join(_query_text(q) for q in self.every or (self.query,))


def _query_text(query: n.Query) -> str:
    return (f"{query.status} " if query.status else "") + str(query.atom)


def knowledge(kb_dir=None, fact_files=None, query_dir=None, sample: bool = True) -> KnowledgeBase:
    """The checked knowledge base with the case and the saved questions: the vocabulary questions are made of.
    sample=False: no case at all when no fact files are given (a general question names no one)."""
    import dataclasses
    from pathlib import Path

    from engine.base.resources import default_queries
    from engine.pipeline import load_checked
    from engine.tools.questions import saved

    kb, _facts, _warnings = load_checked(kb_dir, fact_files if fact_files is not None or sample else [], sample=sample)
    kb = dataclasses.replace(kb, sources=dict(kb.sources), modules=list(kb.modules), questions=dict(kb.questions))
    folder = Path(query_dir) if query_dir else default_queries()
    if folder.is_dir():
        questions = saved(folder)   # from the cache when parsed before
        for module in questions.modules:   # added as `knowledge.load(files, base=kb)` adds them
            kb.add(module, questions.sources[module.path])
    return kb


# ---------------------------------------------------------------- words

def _similar(written: str, known: str) -> float:
    """How well a written word matches a known word: 1 exact; a shared stem (inflection) less; 0 none."""
    if written == known:
        return 1.0
    if len(written) < 4 or len(known) < 4:
        return 0.0
    common = 0
    for a, b in zip(written, known):
        if a != b:
            break
        common += 1
    if common >= 4 and common >= min(len(written), len(known)) - 2:
        return 0.5 + 0.5 * common / max(len(written), len(known))
    return 0.0


def _name_match(written: str, name: str) -> bool:
    """A name with a case ending (Иванову, Ахметовке, Ivanov's): the name, then at most 4 letters."""
    if written == name:
        return True
    for stem in (name, name[:-1] if len(name) > 4 and name[-1] in "ьйаяеоыі" else None):
        if stem and written.startswith(stem) and len(written) - len(stem) <= 4:
            return True
    return False


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        assert kind is not None, "every alternative of _TOKEN is a named group"
        word = m.group()
        if kind == "word" and out and _ENDING.fullmatch(word) and m.start() >= 2 and text[m.start() - 1] == "-" \
                and out[-1].kind == "word" and out[-1].column - 1 + len(out[-1].text) == m.start() - 1 \
                and (out[-1].text.isupper() or out[-1].text.isdigit()):
            kind = "ending"   # a case ending written after an abbreviation or a number: "ШИЗО-да", "ПКТ-дағы"
        out.append(Token(word, word.lower(), m.start() + 1, kind))
    return out


def _fillers() -> set[str]:
    return {w for kind in ("filler", "year") for by_language in QUESTION_WORDS[kind].values() for w in by_language}


def _content(text: str, fillers: set[str]) -> tuple[str, ...]:
    return tuple(t.low for t in tokens(text) if t.kind == "word" and t.low not in fillers)


class Lexicon:
    """Every phrase the knowledge base gives for its predicates, constants and names, plus the engine's words."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.fillers = _fillers()
        self.entries: list[Entry] = []
        self.names: dict[str, str] = {}           # a name as written (lower case) -> constant
        self.roles: dict[str, set[str]] = {}      # constant -> parameter names the facts use it under
        self.phrases_of: dict[tuple[str, str], list[str]] = {}  # (kind, value) -> phrases (for the hints)
        self._by_word: dict[str, list[int]] | None = None   # an entry's first word -> entries (built on first use)
        self._by_stem: dict[str, list[int]] = {}             # its first four letters -> entries
        self._by_lemma: dict[str, list[int]] = {}            # a Russian first word's dictionary forms -> entries
        self._starts: dict[str, list[Entry]] = {}
        self._skips: tuple[list[Token], list[int]] | None = None
        self._exact_words: dict[str, set[tuple[str, str]]] | None = None
        for kind, by_language in QUESTION_WORDS.items():
            if kind in ("filler", "year") or kind.startswith("status "):
                continue
            for language, words in by_language.items():
                for w in words:
                    if kind.startswith("compliance "):   # the deadline's words: one meaning, which one is said back
                        self._add(w, "compliance", "compliance", language=language)
                    else:
                        self._add(w, kind, kind, language=language)
        for status in STATUSES:
            for language in n.LANGUAGES:
                self._add(WORDS[status][language], "status", status, language=language)
            for language, words in QUESTION_WORDS.get("status " + status, {}).items():
                for w in words:
                    self._add(w, "status", status, language=language)
        for decl in kb.predicates.values():
            for parameter in decl.parameters:
                self._add(parameter, "parameter", parameter)
            for label in decl.labels + decl.phrases:
                self._add(label.text, "predicate", decl.name, language=label.language, member=label.member,
                          gender=n.PHRASE_GENDERS.get(label.gender or ""))
            for reading in decl.readings:
                for piece in re.split(r"[;:,()—–]", n.template_words(reading.text)):   # a choice by all its forms
                    self._add(piece, "predicate", decl.name, rank=1, language=reading.language)
        constants = set(kb.constants)
        for clause, _norm in kb.all_clauses():
            head = kb.predicates.get(clause.head.predicate)
            for i, arg in enumerate(clause.head.args):
                if isinstance(arg, n.Constant) and isinstance(arg.value, str):
                    constants.add(arg.value)
                    if head is not None and i < head.arity:
                        self.roles.setdefault(arg.value, set()).add(head.parameters[i])
        for name in sorted(constants):
            self.names[name.lower()] = name
            if "_" in name:
                self._add(name.replace("_", " "), "constant", name)
        for k, scope in enumerate(kb.scopes):   # a matter the kb does not speak of (`outside scope`): refused at its words
            for label in scope.phrases:
                self._add(label.text, "outside", str(k), language=label.language)
        for constant in kb.constants.values():
            for label in constant.labels + constant.phrases:
                if len(_content(label.text, self.fillers)) == 1 and label.text.strip()[:1].isupper():
                    self.names.setdefault(label.text.strip().lower(), constant.name)  # a name's transliteration
                self._add(label.text, "constant", constant.name, language=label.language)

    def _add(self, text: str, kind: str, value: str, rank: int = 0, language: str | None = None,
             member: str | None = None, gender: str | None = None) -> None:
        words = _content(text, self.fillers)
        if words:
            self.entries.append(Entry(words, kind, value, rank, language, "," in text.strip(" ,"), text.strip(), member,
                                      gender))
            self.phrases_of.setdefault((kind, value), []).append(text.strip())

    def is_filler(self, token: Token) -> bool:
        return token.low in self.fillers

    def name_of(self, token: Token) -> str | None:
        if token.low in self.names:
            return self.names[token.low]
        found = {c for written, c in self.names.items() if len(written) >= 4 and _name_match(token.low, written)}
        if not found and _CYRILLIC.fullmatch(token.low):   # «Зульфией», «Зульфии»: a Russian name's form the
            found = {self.names[form] for form in lemmas(token.low) if form in self.names}   # dictionary knows
        return found.pop() if len(found) == 1 else None

    def _starting(self, first: str) -> list[Entry]:
        """The entries whose first word `first` can match (`_similar` > 0: the same word, or, for words of four
        letters or more, the same first four letters; or, of a Russian phrase, a form of the same dictionary word),
        in the lexicon's order; kept per word written."""
        found = self._starts.get(first)
        if found is None:
            if self._by_word is None:
                self._by_word, self._by_stem = {}, {}
                for index, entry in enumerate(self.entries):
                    self._by_word.setdefault(entry.words[0], []).append(index)
                    if len(entry.words[0]) >= 4:
                        self._by_stem.setdefault(entry.words[0][:4], []).append(index)
                    if entry.language == "ru":
                        for lemma in lemmas(entry.words[0]):
                            self._by_lemma.setdefault(lemma, []).append(index)
            indices = set(self._by_word.get(first, ()))
            if len(first) >= 4:
                indices.update(self._by_stem.get(first[:4], ()))
            for lemma in lemmas(first):
                indices.update(self._by_lemma.get(lemma, ()))
            found = self._starts[first] = [self.entries[k] for k in sorted(indices)]
        return found

    def _after_fillers(self, toks: list[Token]) -> list[int]:
        """For each position, the first position at or after it that is not a filler word (kept for one token list),
        so that skipping a run of fillers costs one step, and a question is read in time linear in its length."""
        if self._skips is None or self._skips[0] is not toks:
            after = [len(toks)] * (len(toks) + 1)
            for j in range(len(toks) - 1, -1, -1):
                after[j] = after[j + 1] if toks[j].kind == "ending" or (toks[j].kind == "word" and self.is_filler(toks[j])) else j
            self._skips = (toks, after)
        return self._skips[1]

    def match(self, toks: list[Token], i: int) -> tuple[int, list[Entry]]:
        """The longest phrase starting at toks[i] (fillers between its words skipped): its end and its meanings."""
        best_end, best_score = i, 0.0
        best: list[Entry] = []
        if i >= len(toks) or toks[i].kind != "word":
            return best_end, best
        after = self._after_fillers(toks)
        for entry in self._starting(toks[i].low):
            j, score, ok = i, 0.0, True
            for k, w in enumerate(entry.words):
                if k and j < len(toks):
                    if w in self.fillers:  # never so (an entry's words are not fillers), but then: word by word
                        while j < len(toks) and toks[j].kind == "word" and self.is_filler(toks[j]) \
                                and _similar(toks[j].low, w) < 1.0:
                            j += 1
                    else:
                        j = after[j]
                    while entry.commas and j < len(toks) and toks[j].text == ",":
                        j = after[j + 1]   # a comma where the phrase has one ("тяжелая болезнь, угрожающая жизни")
                if j >= len(toks) or toks[j].kind != "word":
                    ok = False
                    break
                s = _similar(toks[j].low, w) or (_SAME_LEMMA if entry.language == "ru" and lemmas(toks[j].low) & lemmas(w)
                                                 else 0.0)
                if not s or (s < 1.0 and toks[j].low in self._exact() and (
                        len(entry.words) == 1 or self._exact()[toks[j].low] - {(entry.kind, entry.value)})):
                    # a word that is a phrase of its own ("deadline") is no inflection of another word ("dead"),
                    # nor of a longer phrase with another meaning; it is one of a longer phrase with its own
                    # meaning ("accept" in "accepting an executive appointment", both `accept`)
                    ok = False
                    break
                score += s
                j += 1
            if not ok:
                continue
            score -= entry.rank * len(entry.words)  # a label or phrase before the words of a reading
            if (j - i, score) > (best_end - i, best_score):
                best_end, best, best_score = j, [entry], score
            elif (j - i, score) == (best_end - i, best_score) and j > i:
                best.append(entry)
        return best_end, best

    def _exact(self) -> dict[str, set[tuple[str, str]]]:
        """Each word that is a phrase of its own, with what it means (kind, value)."""
        if self._exact_words is None:
            self._exact_words = {}
            for e in self.entries:
                if len(e.words) == 1 and e.rank == 0:
                    self._exact_words.setdefault(e.words[0], set()).add((e.kind, e.value))
        return self._exact_words

    def known_words(self) -> set[str]:
        return {w for e in self.entries for w in e.words} | set(self.names)


_KAZAKH_LETTERS = set("әғқңөұүһі")
# a Russian word that is another form of a phrase's word («умерли», «представлено», «больны», «женой» of «умерла»,
# «представлена», «больна», «жене»): a match as good as a shared stem, weaker than the word itself
_SAME_LEMMA = 0.75


def language_of(text: str, kb: KnowledgeBase | None = None, lexicon: Lexicon | None = None) -> str | None:
    """The language a question in words is written in (kk, ru, en), from the words of it that are understood:
    each phrase matched votes for the language it is written in (a phrase several languages share does not
    vote); a tie is decided by the letters (Kazakh's own letters, else Cyrillic: ru, Latin: en). None when no
    word understood tells (a bare name): the caller's default stands."""
    if not lexicon:
        assert kb is not None, "language_of is given the kb or its lexicon"
        lexicon = lexicon_of(kb)
    toks = tokens(text)
    votes: dict[str, int] = {}
    i = 0
    while i < len(toks):
        end, entries = lexicon.match(toks, i) if toks[i].kind == "word" else (i, [])
        languages = {e.language for e in entries}
        written_in = {lang for lang in languages if lang is not None}
        a_name = end == i + 1 and lexicon.name_of(toks[i]) is not None  # names are spelt in any language's letters
        if len(languages) == 1 and written_in and not a_name:
            language = written_in.pop()
            votes[language] = votes.get(language, 0) + (end - i)
        i = max(end, i + 1)
    letters = {c for t in toks if t.kind == "word" for c in t.low if c.isalpha()}
    by_letters = ("kk" if letters & _KAZAKH_LETTERS else
                  "ru" if any("а" <= c <= "я" or c == "ё" for c in letters) else
                  "en" if any("a" <= c <= "z" for c in letters) else None)
    if votes:
        best = max(votes.values())
        leaders = [language for language, count in votes.items() if count == best]
        if len(leaders) == 1:
            return leaders[0]
        if by_letters in leaders:
            return by_letters
        return sorted(leaders)[0]
    return None


# ---------------------------------------------------------------- dates

def _month(token: Token) -> int | None:
    for number, forms in MONTHS.items():
        for form in forms:
            if token.low == form or (len(form) >= 3 and token.low.startswith(form) and len(token.low) - len(form) <= 3):
                return number
    return None


def _dates(toks: list[Token]) -> tuple[list[tuple[datetime.date, int, int]], list[Diagnostic]]:
    """Dates in the text: (date, first token, end token). 2025-01-15, 15.01.2025, 15 January 2025,
    January 15 2025, 15 қаңтар 2025, 2025 жылғы 15 қаңтар, 15 января 2025 г."""
    found, problems = [], []
    i = 0

    def number(k, low, high):
        return k < len(toks) and toks[k].kind == "word" and toks[k].low.isdigit() and low <= int(toks[k].low) <= high

    def make(k0, k1, y, m, d):
        try:
            found.append((datetime.date(y, m, d), k0, k1))
        except ValueError:
            problems.append(Diagnostic("not-understood", message("not a calendar day", date=f"{d:02d}.{m:02d}.{y}"),
                                       Span(SOURCE, 1, toks[k0].column, 1, toks[k1 - 1].column + len(toks[k1 - 1].text))))

    while i < len(toks):
        t = toks[i]
        if t.kind == "iso":
            y, m, d = map(int, t.text.split("-"))
            make(i, i + 1, y, m, d)
            i += 1
            continue
        if t.kind == "dotted":   # 15.01.2025, 15/01/2025, 15.01.25 (a year of two digits is of this century)
            d, m, y = map(int, re.split(r"[./]", t.text))
            make(i, i + 1, y + 2000 if y < 100 else y, m, d)
            i += 1
            continue
        if number(i, 1, 31) and i + 2 < len(toks) and _month(toks[i + 1]) and number(i + 2, 1000, 9999):
            make(i, i + 3, int(toks[i + 2].low), _month(toks[i + 1]), int(t.low))
            i += 3
            continue
        if _month(t) and number(i + 1, 1, 31) and number(i + 2, 1000, 9999):
            make(i, i + 3, int(toks[i + 2].low), _month(t), int(toks[i + 1].low))
            i += 3
            continue
        if number(i, 1000, 9999):  # 2025 жылғы 15 қаңтар
            k = i + 1
            while k < len(toks) and toks[k].low in QUESTION_WORDS["year"]["kk"]:
                k += 1
            if number(k, 1, 31) and k + 1 < len(toks) and _month(toks[k + 1]):
                make(i, k + 2, int(t.low), _month(toks[k + 1]), int(toks[k].low))
                i = k + 2
                continue
        i += 1
    return found, problems


# ---------------------------------------------------------------- understanding

def law_questions(kb: KnowledgeBase) -> list[str]:
    """The questions the law can be asked: every predicate a norm concludes with a modality (sorted)."""
    return sorted({norm.clause.head.predicate for norm in kb.norms.values() if norm.clause and norm.clause.modality})


def askable(kb: KnowledgeBase) -> set[str]:
    """Predicates a question asks about: with a range (`asked over`), concluded by a norm, or asked by a saved question."""
    found = {d.name for d in kb.predicates.values() if d.domain}
    found |= {norm.clause.head.predicate for norm in kb.norms.values() if norm.clause and norm.clause.modality}
    found |= {q.query.atom.predicate for q in kb.questions.values()}
    return found


def _ranges(kb: KnowledgeBase, predicate: str) -> set[str]:
    """The predicates that name the ranges of an asked predicate's arguments (`asked over p(..) and r(..)`)."""
    decl = kb.predicates.get(predicate)
    found = set()
    for c in (decl.domain or ()) if decl else ():
        atom = c.atom if isinstance(c, n.Negation) else c
        if isinstance(atom, n.Atom):
            found.add(atom.predicate)
    return found


def _type_noun(decl: n.PredicateDecl) -> bool:
    """party(Party), item(Item): a predicate named after its only argument names the kind of a thing."""
    return decl.arity == 1 and decl.name.lower() == decl.parameters[0].lower()


APART = 8   # the most words a phrase's parts stand apart around the names it takes («позвонить Асанову по телефону»)


@dataclass
class _Piece:
    first: int
    end: int
    kind: str
    value: str
    entries: list[Entry] = field(default_factory=list)
    segment: int = 0
    prefer: str | None = None   # a role word that is also a constant's label ("his b"): that constant
    possessor: bool = False     # a name that says whose («у Асанова», «Асановтың», "Asanov's", "of Asanov")
    member: str | None = None   # a relation's word naming one kind of person within it ("seller"), not the whole relation
    gender: str | None = None   # the gender of the person the word names ("femn": `phrase ... gender female`), if it says


def _pronouns() -> dict[str, str]:
    """Possessive pronouns of every language, with the gender or number of whom they refer to (engine.explain.i18n)."""
    return {w: g for by_language in POSSESSIVES["pronouns"].values() for w, g in by_language.items()}


def _conjunctions() -> set[str]:
    """The words that join two persons into a list, in every language (engine.explain.i18n)."""
    return {w for words in CONJUNCTIONS.values() for w in words}


def _personals() -> dict[str, str]:
    """Personal pronouns of every language that can be a condition's subject, with the gender they refer by."""
    return {w: g for by_language in POSSESSIVES["personal"].values() for w, g in by_language.items()}


def _reading_words(decl: n.PredicateDecl) -> set[str]:
    """The words of a predicate's `reads` templates, in every language (its parameters aside)."""
    return {t.low for r in decl.readings for t in tokens(n.template_words(r.text)) if t.kind == "word"}


def _verb_form(written: str) -> bool:
    """A word in a verb's form: by the dictionary for Russian, by its ending for Kazakh and English."""
    if is_verb_form(written):
        return True
    return any(written.endswith(e) and len(written) > len(e) + 2 for endings in VERB_ENDINGS.values() for e in endings)


def understand(text: str, kb: KnowledgeBase, language: str = "en", general_questions: bool = False) -> Understood | Diagnostic:
    """The question a text in words asks, or a located diagnostic (in `language`) saying which word is not placed.

    Every name and kinship word is placed in its own role, in the asked atom or an assumption, or the
    question is refused at that word. A kinship or role word (a relation's `phrase`: "his buyer", "покупателю") names the
    person the case relates to the question's subject that way; in a context phrase ("if his buyer is p") a
    person the case does not name is a new person assumed with that kinship. Where the asked atom's person is not one person of
    the case, `general_questions=True` returns the unbound variable with the role atoms (`Understood.roles`)
    for a caller that answers general questions; otherwise the question is refused at that word.

    The steps, each a method of `_Reading` that refuses the question at a word by raising `_Refused`: the
    provisions cited, the saved questions' titles, the words placed one by one, the predicate asked, its
    status, the names of the question, the context phrases (assumptions and roles), the dates, the deadline."""
    lexicon = lexicon_of(kb)
    try:
        reading = _Reading(kb, lexicon, text, language)
        saved = reading.saved_question()
        if saved is not None:
            return saved
        reading.place_words()
        every = reading.every_question()
        if every is not None:
            return _according(kb, every, reading.cited, language)
        reading.asked_predicate()
        status = reading.status()
        reading.name_the_question()
        reading.read_context(general_questions)
        query = reading.query(status)
        at, between = reading.days()
        deadlines = reading.deadlines()
    except _Refused as refused:
        return refused.diagnostic
    written = tuple((reading.toks[p.first].text, p.value) for p in reading.names)
    return _according(kb, Understood(text, query, at, between, _once(reading.assumptions), written,
                                     tuple(reading.roles), deadlines=deadlines), reading.cited, language)


def _once(atoms: list[n.Atom]) -> tuple[n.Atom, ...]:
    """The atoms, each once (the same fact said by two words of the question: «позвонить жене, если жена ...»)."""
    seen: dict[str, n.Atom] = {}
    for atom in atoms:
        seen.setdefault(str(atom), atom)
    return tuple(seen.values())


_LEXICONS: dict[int, tuple[KnowledgeBase, tuple, Lexicon]] = {}


def lexicon_of(kb: KnowledgeBase) -> Lexicon:
    """The lexicon of a knowledge base, built once for it (`zan ask` reads a question's language, then the question)."""
    shape = (len(kb.predicates), len(kb.constants), len(kb.clauses), len(kb.questions), len(kb.scopes))
    found = _LEXICONS.get(id(kb))
    if found is not None and found[0] is kb and found[1] == shape:
        return found[2]
    lexicon = Lexicon(kb)
    if len(_LEXICONS) >= 4:
        _LEXICONS.pop(next(iter(_LEXICONS)))
    _LEXICONS[id(kb)] = (kb, shape, lexicon)
    return lexicon


class _Refused(Exception):
    """A question refused at a word: the located diagnostic that says why."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class _Reading:
    """A question in words as it is read: its tokens, what each word was placed as (pieces, by segment), and the
    question it is becoming (the asked predicate, its names, assumptions and roles)."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon, text: str, language: str):
        self.kb, self.lexicon, self.text, self.language = kb, lexicon, text, language
        self.cited = _citations(lexicon, text)
        blank = list(text)
        for f in self.cited:   # the citations are read; the rest of the question is read around them
            blank[f.start:f.end] = " " * (f.end - f.start)
        self.toks = tokens("".join(blank))
        self.dates: list = []
        self.in_date: set[int] = set()
        self.pieces: list[_Piece] = []
        self.opened_by: dict[int, int] = {}   # a segment -> the stop token that opened it
        self.compliance: list[_Piece] = []
        self.changed = False
        self.predicate = ""
        self.names: list[_Piece] = []
        self.bound: dict[str, str | None] = {}
        self.spans: dict[str, Span] = {}
        self.assumptions: list[n.Atom] = []
        self.roles: list[n.Atom] = []
        self._asked = askable(kb)   # the predicates a question asks (a condition's phrase is none of them)
        self.possessors: list[_Piece] = []   # possessive pronouns («у него», «её», "her"), read once the names are
        self.personals: list[_Piece] = []   # personal pronouns in a condition ("if he is ill"), read as the possessives
        self.referred: dict[str, set[tuple[str, str | None]]] = {}   # a person -> the role words that named it
        self._pending: list[tuple[int, int]] = []   # words not placed yet (token, segment): a verb of a reading?
        self._rest: set[int] = set()   # the words of a phrase said after the names it goes around (_phrase_around_names)
        self.continues: dict[int, int] = {}   # a condition's clause after a conjunction -> the clause before it

    # ------------------------------------------------------------ saying where and why
    def refuse(self, diagnostic: Diagnostic) -> NoReturn:
        raise _Refused(diagnostic)

    def span_of(self, piece: _Piece) -> Span:
        last = self.toks[piece.end - 1]
        return Span(SOURCE, 1, self.toks[piece.first].column, 1, last.column + len(last.text))

    def words_of(self, piece: _Piece) -> str:
        span = self.span_of(piece)
        return self.text[span.column - 1:span.end_column - 1]

    def ambiguous(self, words: str, meanings: str, span: Span) -> NoReturn:
        self.refuse(Diagnostic("not-understood", word("ambiguous words", self.language, words=words, meanings=meanings),
                               span, hint=word("say it otherwise", self.language)))

    def no_place(self, t: Token, predicates: list[str]) -> NoReturn:
        self.refuse(_no_place(self.kb, t, predicates, self.language))

    # ------------------------------------------------------------ the steps
    def saved_question(self) -> Understood | None:
        """A saved question's title (a title may cite its act: "№ 60-НҚ қаулысы бойынша ...", so it is tried on
        the whole text first); else the cited provisions must name the kb's, and the dates be days."""
        kb, lexicon, text = self.kb, self.lexicon, self.text
        if self.cited:
            whole = tokens(text)
            dates, _problems = _dates(whole)
            saved = _saved_question(lexicon, whole, {k for _d, k0, k1 in dates for k in range(k0, k1)}, text, dates)
            if saved is not None:
                return saved
        problem = _unknown_provision(kb, self.cited, self.language)
        if problem is not None:
            self.refuse(problem)
        if not any(t.kind == "word" or t.kind in ("iso", "dotted") for t in self.toks) and not self.cited:
            self.refuse(_not_understood(lexicon, text, None, self.language, word("empty question", self.language)))
        self.dates, problems = _dates(self.toks)
        if problems:
            self.refuse(problems[0])
        for _d, k0, k1 in self.dates:
            self.in_date.update(range(k0, k1))
        saved = _saved_question(lexicon, self.toks, self.in_date, text, self.dates)
        if saved is not None:
            found = _according(kb, saved, self.cited, self.language)
            if isinstance(found, Diagnostic):
                self.refuse(found)
            return found
        return None

    def place_words(self) -> None:
        """Each word placed: a name, a phrase of the kb or of the engine (its longest match), a filler; else refused."""
        kb, toks, language = self.kb, self.toks, self.language
        segment = 0
        in_condition = False   # after an "if" word, up to the next stop: a negation there is refused
        i = 0
        while i < len(toks):
            t = toks[i]
            if i in self.in_date or i in self._rest or t.kind == "ending":
                i += 1
                continue
            if in_condition and t.kind == "word" and self._negation(t):
                self.refuse(Diagnostic("not-understood", word("negated condition", language, words=t.text), t.span,
                                       hint=word("say it otherwise", language)))
            if t.kind == "stop":
                in_condition = False
                self._verbs_of_readings()
                segment += 1
                self.opened_by[segment] = i
                i += 1
                continue
            end, entries = self.lexicon.match(toks, i)
            if entries and all(e.rank == 1 for e in entries) and _verb_form(t.low):
                # a reading's verb before the phrase of the same predicate that goes on further («имеется
                # исключительное ... из перечня ...»): the verb waits for that phrase (_verbs_of_readings)
                further, there = self.lexicon.match(toks, i + 1)
                if further > end and {e.value for e in there} & {e.value for e in entries}:
                    self._pending.append((i, segment))
                    i += 1
                    continue
            name = self.lexicon.name_of(t) if t.kind == "word" else None
            if name is not None and end <= i + 1 and not any(e.kind != "constant" for e in entries):
                self._listed(i)
                self.pieces.append(_Piece(i, i + 1, "name", name, segment=segment, possessor=self._whose(i, name)))
                i += 1
                continue
            if not entries:
                around = self._phrase_around_names(i)
                if around:   # «поговорить с Асановым по телефону»: the phrase's first word, its rest after the names
                    self.pieces.append(self._piece(i, i + 1, around, segment))
                    i += 1
                    continue
                rest = self._rest_of_phrase(i, segment)
                if rest > i:   # «позвонить Асанову по телефону»: the words after a name finish the phrase before it
                    i = rest
                    continue
                if t.kind == "word" and t.low in _pronouns():
                    self.possessors.append(_Piece(i, i + 1, "possessor", _pronouns()[t.low], segment=segment))
                    i += 1
                    continue
                if in_condition and t.kind == "word" and t.low in _personals():
                    self.personals.append(_Piece(i, i + 1, "personal", _personals()[t.low], segment=segment))
                if in_condition and t.kind == "word" and t.low in _conjunctions() and self._clause_said(segment) \
                        and self._person_next(i + 1):
                    # "if p left and his q is ill": the conjunction after a condition's phrase, before a person,
                    # begins another condition of its own names (as after a comma), never sharing the first one's
                    self._verbs_of_readings()
                    segment += 1
                    self.opened_by.pop(segment, None)
                    self.continues[segment] = segment - 1
                    i += 1
                    continue
                if t.kind == "word" and self.lexicon.is_filler(t):
                    i += 1
                    continue
                self._pending.append((i, segment))
                i += 1
                continue
            try:
                piece = self._piece(i, end, entries, segment)
            except _Refused:
                self._verbs_of_readings()   # a word before it that is not placed is refused first
                raise
            if self._person_word(piece) or piece.kind == "constant":
                self._listed(i, piece)
            if piece.kind == "if":
                in_condition = True
                self._verbs_of_readings()
                segment += 1
                self.opened_by.pop(segment, None)
                piece.segment = segment
            self.pieces.append(piece)
            i = end
            if not in_condition and self._closes_condition(piece) and i < len(toks) and toks[i].kind != "stop":
                # «әкесі қайтыс болса Жанатқа ...» (no "if" word): the condition ends at its verb, as at a comma
                self._verbs_of_readings()
                segment += 1
                self.opened_by.pop(segment, None)
        self._verbs_of_readings()
        according = [p for p in self.pieces if p.kind == "according"]
        if according and not self.cited:   # "согласно" with no provision after it
            t = toks[according[0].first]
            self.refuse(Diagnostic("not-understood", word("according without citation", language, words=t.text), t.span,
                                   hint=word("cite a provision", language, example=_example_citation(kb, language))))
        self.compliance = [p for p in self.pieces if p.kind == "compliance"]
        self.pieces = [p for p in self.pieces if p.kind not in ("according", "compliance")]
        before = {id(p): p.segment for p in self.pieces}
        _appositives(kb, self.lexicon, toks, self.pieces, self.opened_by)
        moved = {before[id(p)]: p.segment for p in self.pieces}
        for p in self.possessors + self.personals:   # a pronoun goes with the clause it was written in
            p.segment = moved.get(p.segment, p.segment)

    def _clause_said(self, segment: int) -> bool:
        """Whether the segment already says something of a person (a phrase of a predicate that is no kinship or role
        word: "left"), so that a conjunction after it joins another clause, not another person."""
        return any(p.segment == segment and p.kind == "predicate" and not self._person_word(p) for p in self.pieces)

    def _person_next(self, k: int) -> bool:
        """Whether the words from toks[k] (function words aside) begin with a person: a name, a possessive, or a
        kinship or role word."""
        while k < len(self.toks) and self.toks[k].kind == "word" and self.lexicon.is_filler(self.toks[k]) \
                and self.toks[k].low not in _pronouns():
            k += 1
        if k >= len(self.toks) or self.toks[k].kind != "word":
            return False
        t = self.toks[k]
        if t.low in _pronouns() or self.lexicon.name_of(t) is not None:
            return True
        _end, entries = self.lexicon.match(self.toks, k)
        return any(e.kind == "predicate" and e.value not in self._asked and self.kb.predicates[e.value].arity == 2
                   for e in entries)

    def _person_word(self, piece: _Piece) -> bool:
        """A name, or a kinship or role word (a relation of two that no question asks): a word naming a person."""
        return piece.kind == "name" or (piece.kind in ("role", "predicate") and piece.value in self.kb.predicates
                                        and self.kb.predicates[piece.value].arity == 2 and piece.value not in self._asked)

    def _listed(self, i: int, piece: _Piece | None = None) -> None:
        """«позвонить Асанову и Петрову», "for Ivanov and Petrov": two persons joined by a conjunction, with nothing
        but function words and possessives between them («Асанову и его покупателю»), are a list, and a question asks of
        one person in each place: refused at the conjunction (never one read in another's place, nor the two as one:
        "Ivanov and his buyer" is not "his buyer Ivanov"). So are two other values so joined ("for p and for q")."""
        last = self.pieces[-1] if self.pieces else None
        values = piece is not None and piece.kind == "constant"
        if last is None or last.end > i or not (last.kind == "constant" if values else self._person_word(last)):
            return
        between = self.toks[last.end:i]
        joins = [t for t in between if t.kind == "word" and t.low in _conjunctions()]
        if joins and all(t.kind == "word" and (self.lexicon.is_filler(t) or t.low in _pronouns()) for t in between):
            second = self.words_of(piece) if piece is not None else self.toks[i].text
            self.refuse(Diagnostic("not-understood", word("values listed" if values else "persons listed", self.language,
                                                          words=joins[0].text, first=self.words_of(last), second=second),
                                   joins[0].span, hint=word("one value at a time" if values else "one name at a time",
                                                            self.language)))

    def _match_apart(self, said: list[Token], k: int) -> tuple[int, list[Entry]]:
        """The longest phrase of the words `said` followed by toks[k:] (within APART words): its end counted in that
        joined list, and its meanings. The lexicon's skips of the question's own words are kept for the reading."""
        kept = self.lexicon._skips
        try:
            return self.lexicon.match(said + self.toks[k:k + APART], 0)
        finally:
            self.lexicon._skips = kept

    def _phrase_around_names(self, i: int) -> list[Entry]:
        """The meanings of a phrase whose first word is toks[i] and whose other words follow the names after it
        («поговорить с Асановым по телефону», a phrase «поговорить по телефону»); its later words are then read
        (self._rest). None when the words after the names (at most APART of them) do not finish a phrase of toks[i]."""
        toks, after = self.toks, self.lexicon._after_fillers(self.toks)
        j, names = after[i + 1], 0
        while j < len(toks) and j - i <= APART and toks[j].kind == "word" and self.lexicon.name_of(toks[j]) is not None \
                and not any(e.kind != "constant" for e in self.lexicon.match(toks, j)[1]):
            j, names = after[j + 1], names + 1
        if not names or j >= len(toks) or j - i > APART:
            return []
        end, entries = self._match_apart([toks[i]], j)
        if end <= 1 or not entries or any(e.kind != "predicate" for e in entries):
            return []
        self._rest.update(range(j, j + end - 1))
        return entries

    def _rest_of_phrase(self, i: int, segment: int) -> int:
        """Where the rest of a phrase ends when toks[i:] finish the phrase of the clause's last phrase piece, with only
        names (and fillers) between them, at most APART words («позвонить Асанову по телефону», a phrase «позвонить по
        телефону» of the same predicate): the phrase read as if its words were together; i when they do not."""
        names: set[int] = set()
        last = None
        for piece in reversed(self.pieces):
            if piece.segment != segment or piece.kind != "name":
                last = piece
                break
            names.add(piece.first)
        if not names or last is None or last.segment != segment or last.kind != "predicate" or i - last.end > APART:
            return i
        if any(k not in names and self.toks[k].kind == "word" and not self.lexicon.is_filler(self.toks[k])
               for k in range(last.end, i)):
            return i   # a word between them that is neither a name nor a filler: not one phrase
        said = self.toks[last.first:last.end]
        end, entries = self._match_apart(said, i)
        if end > len(said) and any(e.kind == "predicate" and e.value == last.value for e in entries):
            return i + end - len(said)
        return i

    def _closes_condition(self, piece: _Piece) -> bool:
        """A condition's phrase (a predicate no question asks) whose last word is a conditional verb form."""
        if piece.kind not in ("predicate", "role") or piece.value in self._asked:
            return False
        last = self.toks[piece.end - 1].low
        return any(last.endswith(e) and len(last) > len(e) + 1 for endings in CONDITIONAL_ENDINGS.values() for e in endings)

    def _negation(self, t: Token) -> bool:
        """A word that denies, in the language the question is written in (the Russian «не»; the Kazakh «не» is
        "or")."""
        if not any(t.low in words for words in NEGATIONS.values()):
            return False
        written_in = language_of(self.text, lexicon=self.lexicon) or self.language
        return t.low in NEGATIONS.get(written_in, ())

    def _whose(self, i: int, name: str) -> bool:
        """Whether the name at toks[i] says whose: after «у» or "of", before "'s", with a Kazakh genitive ending
        («Ахметовтің»), or in the Russian genitive right after a kinship or role word («мать Иванова»)."""
        toks, text = self.toks, self.text
        before = {w for by_language in POSSESSIVES["before"].values() for w in by_language}
        if i > 0 and toks[i - 1].kind == "word" and toks[i - 1].low in before:
            return True
        t = toks[i]
        after = t.column - 1 + len(t.text)
        if i + 1 < len(toks) and toks[i + 1].low == "s" and text[after:after + 1] in ("'", "’") \
                and toks[i + 1].column == after + 2:
            return True
        constant = self.kb.constants.get(name)
        labels = [lab.text.strip() for lab in constant.labels + constant.phrases] if constant else [name]
        endings = {e for by_language in POSSESSIVES["genitive"].values() for e in by_language}
        if any(t.low.startswith(lab.lower()) and t.low[len(lab):] in endings for lab in labels):
            return True
        last = self.pieces[-1] if self.pieces else None
        return last is not None and last.end == i and last.kind in ("predicate", "role") \
            and any(lab.language == "ru" and is_genitive_ru(t.text, lab.text.strip()) for lab in
                    (constant.labels if constant else ()))

    def _verbs_of_readings(self) -> None:
        """The words not placed of the clause just read: each a verb in the form its clause's predicate's `reads`
        template uses, in any form («представлено» of «представлена справка ...»; «ұсынылса» of «... ұсынылған»),
        or the question is refused at the first of them. A negation is never such a word."""
        pending, self._pending = self._pending, []
        negations = {w for words in NEGATIONS.values() for w in words}
        for i, seg in pending:
            t = self.toks[i]
            said = set()
            for p in self.pieces:
                if p.segment == seg and p.kind in ("predicate", "role", "predicates"):
                    for value in p.value.split("|"):
                        said |= _reading_words(self.kb.predicates[value])
            if t.kind == "word" and t.low not in negations and _verb_form(t.low) and any(
                    t.low == w or _similar(t.low, w) or lemmas(t.low) & lemmas(w) for w in said):
                continue
            self.refuse(_not_understood(self.lexicon, self.text, t, self.language))

    def _piece(self, i: int, end: int, entries: list[Entry], segment: int) -> _Piece:
        """What the words toks[i:end] mean, of the meanings of the phrases they match; refused if several remain."""
        kb = self.kb
        kinds = {(e.kind, e.value) for e in entries}
        if len(kinds) > 1:
            entries = [e for e in entries if e.rank == min(x.rank for x in entries)]
            kinds = {(e.kind, e.value) for e in entries}
        if len(kinds) > 1 and all(k == "predicate" for k, _v in kinds):
            # words several predicates share ("for the purpose of"): decided by what the question asks
            return _Piece(i, end, "predicates", "|".join(sorted(v for _k, v in kinds)), entries, segment)
        if len(kinds) > 1 and all(k == "parameter" for k, _v in kinds):
            kinds = {kinds.pop()}
        constants = [v for k, v in kinds if k == "constant"]
        relations = [v for k, v in kinds if k == "predicate" and kb.predicates[v].arity == 2]
        if len(kinds) == 2 and len(constants) == 1 and len(relations) == 1:
            # "his b": the kinship (q, a phrase of which is b) and the person the kb calls so (the constant b)
            return _Piece(i, end, "role", relations[0], entries, segment, prefer=constants[0],
                          member=_member(entries, relations[0]), gender=_gender_said(entries, relations[0]))
        if len(kinds) == 2 and {k for k, _v in kinds} == {"parameter", "predicate"}:
            # "holder": the parameter Holder and the predicate naming its kind (`holder(A)`) are one meaning
            parameter = next(v for k, v in kinds if k == "parameter")
            typed = kb.predicates.get(next(v for k, v in kinds if k == "predicate"))
            if typed is not None and _type_noun(typed) and typed.parameters[0] == parameter:
                kinds = {("parameter", parameter)}
        piece = _Piece(i, end, "", "", entries, segment)
        if len(kinds) > 1:
            self.ambiguous(self.words_of(piece), "; ".join(sorted(meaning(kb, k, v, self.language) for k, v in kinds)),
                           self.span_of(piece))
        piece.kind, piece.value = kinds.pop()
        if piece.kind == "predicate":
            piece.member = _member(entries, piece.value)
            piece.gender = _gender_said(entries, piece.value) or self._written_gender(piece, entries)
        if piece.kind == "outside":   # a place the kb does not speak of, never read as one it does
            self.refuse(Diagnostic("not-understood", word("provision outside scope", self.language, citation=self.words_of(piece),
                                                          scope=n.label_of(kb.scopes[int(piece.value)].labels,
                                                                           self.language, "")),
                                   self.span_of(piece)))
        return piece

    def _written_gender(self, piece: _Piece, entries: list[Entry]) -> str | None:
        """A relation's word whose phrases say no gender, written in a Russian form of one («супругой», matched by its
        dictionary form to the phrase «супругу»): feminine where that form is a feminine noun only. A masculine form
        says nothing: Russian names persons of either sex by it («родственник», «супруг», «врач»)."""
        decl = self.kb.predicates[piece.value]
        if decl.arity != 2 or piece.end != piece.first + 1:
            return None
        of = frozenset(form for e in entries if e.kind == "predicate" and e.value == piece.value and len(e.words) == 1
                       for form in lemmas(e.words[0]))
        return "femn" if of and noun_gender(self.toks[piece.first].text, of) == "femn" else None

    def every_question(self) -> Understood | None:
        """"What changed on 1 March 2025?", «Что изменилось ...», «... не өзгерді?»: a change asked with no
        predicate and no context (only question, status and change words) is asked of every question the law can be
        asked, each in general (all its arguments variables), between the day before and the day (or the two dates
        given). Names said ("for Ivanov") narrow it to the questions they have a place in, in their places."""
        if not any(p.kind == "change" for p in self.pieces) or \
                any(p.kind not in ("change", "which", "whether", "status", "name", "constant") for p in self.pieces):
            return None
        names = [p for p in self.pieces if p.kind in ("name", "constant")]
        span = Span(SOURCE, 1, 1, 1, len(self.text) + 1)
        every = []
        for predicate in law_questions(self.kb):   # a name said ("for Ivanov"): the questions it has a place in
            decl = self.kb.predicates[predicate]
            bound: dict[str, tuple[str, Span]] = {}
            for piece in names:
                place = _place(self.lexicon, decl, piece.value, {k: v for k, (v, _s) in bound.items()})
                if place is None:
                    break
                bound[place] = (piece.value, self.toks[piece.first].span)
            else:
                every.append((predicate, bound))
        if not every:
            return None
        status = self.status()
        _at, between = self.days()
        queries = tuple(n.Query(status, n.Atom(p, tuple(n.Constant(bound[v][0], bound[v][1]) if v in bound else n.Variable(v, span)
                                                        for v in self.kb.predicates[p].parameters), span, span), span)
                        for p, bound in every)
        written = tuple((self.toks[p.first].text, p.value) for p in names)
        return Understood(self.text, queries[0], None, between, names=written, every=queries)

    def asked_predicate(self) -> None:
        """The one predicate the question asks about (a range of another is a context), its words checked."""
        kb, pieces, language = self.kb, self.pieces, self.language
        asked = [p for p in pieces if p.kind == "predicate" and p.value in askable(kb)]
        if not asked:  # only words several predicates share: the asked one among them, if it is one
            shared = {v for p in pieces if p.kind == "predicates" for v in p.value.split("|")} & askable(kb)
            if len(shared) == 1:
                asked = [next(p for p in pieces if p.kind == "predicates")]
                asked[0].kind, asked[0].value = "predicate", shared.pop()
        asked_names = list(dict.fromkeys(p.value for p in asked))
        if len(asked_names) > 1:
            # an asked predicate named only as the range of another is a context (a purpose of a call), not a second question
            asked_names = [a for a in asked_names if not any(a in _ranges(kb, b) for b in asked_names if b != a)] or asked_names
        if not asked_names:
            self.refuse(_not_understood(self.lexicon, self.text, None, language, word("nothing asked", language)))
        if len(asked_names) > 1:
            self.refuse(Diagnostic("not-understood", word("two questions", language,
                                                          first=meaning(kb, "predicate", asked_names[0], language),
                                                          second=meaning(kb, "predicate", asked_names[1], language)),
                                   Span(SOURCE, 1, self.toks[asked[0].first].column), hint=word("one at a time", language)))
        self.predicate = asked_names[0]
        decl = kb.predicates[self.predicate]
        for p in pieces:
            t = self.toks[p.first]
            if p.kind == "predicates" and self.predicate not in p.value.split("|") and len(
                    {q.value for q in pieces if q.segment == p.segment and q.kind in ("predicate", "role")}
                    & set(p.value.split("|"))) != 1:   # words its clause's own phrase shares ("is presented") are its
                self.ambiguous(t.text, "; ".join(meaning(kb, "predicate", v, language) for v in p.value.split("|")), t.span)
            if p.kind == "parameter" and p.value not in decl.parameters:
                self.no_place(t, [self.predicate])

    def status(self) -> str | None:
        """The status the question filters by: named in a which-question or a plain statement, not in a yes/no one."""
        statuses = list(dict.fromkeys(p.value for p in self.pieces if p.kind == "status"))
        if len(statuses) > 1:
            self.refuse(Diagnostic("not-understood", word("two statuses", self.language, first=statuses[0], second=statuses[1]),
                                   Span(SOURCE, 1, 1), hint=word("one at a time", self.language)))
        which = any(p.kind == "which" for p in self.pieces)
        whether = any(p.kind == "whether" for p in self.pieces)
        self.changed = any(p.kind == "change" for p in self.pieces)
        return statuses[0] if statuses and (which or not whether) else None

    def _context(self) -> tuple[list[_Piece], set[int]]:
        """The context phrases (assumptions) and the segments that are a context phrase's own."""
        kb = self.kb
        ranges = _ranges(kb, self.predicate)
        main_segment = next(p.segment for p in self.pieces if p.kind == "predicate" and p.value == self.predicate)
        context = [p for p in self.pieces if p.kind in ("predicate", "role") and p.value != self.predicate
                   and p.value not in ranges and not _type_noun(kb.predicates[p.value])]
        return context, {p.segment for p in context if p.segment != main_segment}

    def name_the_question(self) -> None:
        """The names outside the context phrases, each in its place in the asked atom."""
        decl = self.kb.predicates[self.predicate]
        self.names = [p for p in self.pieces if p.kind in ("name", "constant")]
        _context, own = self._context()
        for piece in self.names:
            if piece.segment in own:
                continue
            place = _place(self.lexicon, decl, piece.value, self.bound)
            if place is None:
                self.no_place(self.toks[piece.first], [self.predicate])
            self.bound[place] = piece.value
            self.spans[place] = self.toks[piece.first].span
        self._topic(own)

    def _topic(self, own: set[int]) -> None:
        """The name a question opens with, before a condition written without an "if" word (the Kazakh «Асанов
        әкесі қайтыс болса, Жанатқа қоңырау шала ала ма?»), is the question's subject as well, where the question's
        own clause names none and the name can be it: never left a general question's person over every one."""
        decl = self.kb.predicates[self.predicate]
        subject = decl.parameters[0]
        first = min(self.pieces, key=lambda p: p.first, default=None)
        if subject in self.bound or first is None or first.kind != "name" or first.possessor \
                or first.segment not in own or any(p.kind == "if" and p.segment == first.segment for p in self.pieces) \
                or any(t.kind == "word" and not self.lexicon.is_filler(t) for t in self.toks[:first.first]):
            return
        if _place(self.lexicon, decl, first.value, self.bound) == subject:
            self.bound[subject] = first.value
            self.spans[subject] = self.toks[first.first].span

    def read_context(self, general_questions: bool) -> None:
        """The context phrases, segment by segment: a phrase binds its own subject; a kinship or role word names
        the person the case relates so (or a new one, in a condition; or a general question's person)."""
        context, own_segments = self._context()
        self._ranged_in_condition(own_segments)
        self._refer(own_segments)
        self._personal(own_segments)
        by_segment: dict[int, list[_Piece]] = {}
        for piece in context:
            by_segment.setdefault(piece.segment, []).append(piece)
        # the question's own clause first: a condition's word that the question also uses for the person it asks of
        # («позвонить жене, если его жена больна») is that person; another word never is (`_taken`)
        for seg, conditions in sorted(by_segment.items(), key=lambda item: item[0] in own_segments):
            self._segment(seg, conditions, seg in own_segments, general_questions)

    def _ranged_in_condition(self, own_segments: set[int]) -> None:
        """A word of what the question ranges over (`asked over r(C, P)`: the r of "may C call his r?") is read in the
        question itself; in a condition ("if his r is p") it is placed nowhere, so the question is refused at that
        word, never read as if it were not written."""
        kb = self.kb
        ranges = _ranges(kb, self.predicate)
        conditions = own_segments | {p.segment for p in self.pieces if p.kind == "if"}
        main_segment = next(p.segment for p in self.pieces if p.kind == "predicate" and p.value == self.predicate)
        for p in self.pieces:
            if p.kind in ("predicate", "role") and p.value in ranges and p.segment in conditions \
                    and p.segment != main_segment and not _type_noun(kb.predicates[p.value]):
                said, meant = self.words_of(p), meaning(kb, "predicate", p.value, self.language)
                self.refuse(Diagnostic("not-understood", word("range in condition", self.language, words=said,
                                                              meaning="" if said.lower() == meant.lower() else f" ({meant})"),
                                       self.span_of(p), hint=word("say it otherwise", self.language)))

    def _subject(self) -> str | None:
        """The person the question is about: the asked atom's first argument, where a name fills it."""
        return self.bound.get(self.kb.predicates[self.predicate].parameters[0])

    def _refer(self, own_segments: set[int]) -> None:
        """Each possessive pronoun to the person it refers to: the question's subject, unless its gender says another
        person the question names («у неё» of Мария, not of Иванов); in a context phrase that person then says
        whose (as «у Марии» would); in the question itself, or where no one agrees, it is refused at the word."""
        subject = self._subject()
        decl = self.kb.predicates[self.predicate]
        persons = [v for v in dict.fromkeys([subject] + [self.bound.get(p) for p in decl.parameters[1:]]) if v]
        for p in self.possessors:
            t = self.toks[p.first]
            if p.value in ("self", "any", "plur") or subject is None:
                referent = subject
            else:
                agreeing = [v for v in persons if p.value == "neut" or self._gender(v) in (None, p.value)]
                if not agreeing and p.segment in own_segments:   # "if Maria is p and her q ...": the one
                    named = [o.value for o in self.names       # person its condition names whom it agrees with
                             if o.segment in self._clauses_to(p.segment) and not o.possessor and o.first < p.first]
                    agreeing = [v for v in dict.fromkeys(named) if self._gender(v) == p.value]
                    agreeing = agreeing if len(agreeing) == 1 else []
                if not agreeing:
                    self.refuse(Diagnostic("not-understood", word("pronoun without person", self.language, words=t.text),
                                           t.span, hint=word("name the person", self.language)))
                referent = agreeing[0]
            if referent is None:
                continue
            if p.segment not in own_segments:   # the question's own kinship words are its subject's
                if referent != subject:
                    self.refuse(Diagnostic("not-understood", word("pronoun of another", self.language, words=t.text,
                                                                  subject=meaning(self.kb, "constant", str(subject),
                                                                                  self.language)),
                                           t.span, hint=word("say it otherwise", self.language)))
                continue
            self.names.append(_Piece(p.first, p.end, "name", referent, segment=p.segment, possessor=True))

    def _clauses_to(self, segment: int) -> set[int]:
        """The segment and the clauses of the same condition before it ("if p left and her q ...": p's clause)."""
        found = {segment}
        while segment in self.continues:
            segment = self.continues[segment]
            found.add(segment)
        return found

    def _personal(self, own_segments: set[int]) -> None:
        """A condition's personal pronoun ("if he is ill", «если она тяжело больна») is the person the question names
        whom its gender agrees with: where one person agrees, that person is the condition's own name (placed in its
        role, or the question is refused at the pronoun); where none does, it is refused at the pronoun; where several
        do, the condition takes the question's persons by its parameters, as without the pronoun."""
        decl = self.kb.predicates[self.predicate]
        persons = [v for v in dict.fromkeys(self.bound.get(p) for p in decl.parameters) if v]
        for p in self.personals:
            if p.segment not in own_segments or any(o.segment == p.segment and not o.possessor for o in self.names):
                continue
            t = self.toks[p.first]
            agreeing = [v for v in persons if self._gender(v) in (None, p.value)]
            if not agreeing:
                self.refuse(Diagnostic("not-understood", word("pronoun without person", self.language, words=t.text),
                                       t.span, hint=word("name the person", self.language)))
            if len(agreeing) == 1:
                self.names.append(_Piece(p.first, p.end, "name", agreeing[0], segment=p.segment))

    def _gender(self, constant: str) -> str | None:
        return person_gender(self.kb, constant)

    def not_whose(self, owner: _Piece, predicate: str) -> NoReturn:
        kb = self.kb
        self.refuse(Diagnostic("not-understood", word("not whose", self.language, words=self.words_of(owner),
                                                      predicate=meaning(kb, "predicate", predicate, self.language),
                                                      owner=meaning(kb, "parameter", kb.predicates[predicate].parameters[0],
                                                                    self.language)),
                               self.span_of(owner), hint=word("say it otherwise", self.language)))

    def _owns(self, value: str, parameter: str) -> bool:
        """Whether a person may fill a relation's owner: the facts use it under that parameter, or under none."""
        roles = self.lexicon.roles.get(value, set())
        return not roles or parameter in roles

    def _segment(self, seg: int, conditions: list[_Piece], own: bool, general_questions: bool) -> None:
        kb, toks, language, bound = self.kb, self.toks, self.language, self.bound
        decl = kb.predicates[self.predicate]
        args_of: dict[int, dict[str, str | None]] = {}   # None: a general question's person
        owners = [o for o in self.names if own and o.segment == seg and o.possessor]
        relations = [p for p in conditions if kb.predicates[p.value].arity == 2]
        for owner in owners:   # whose: the owner of the clause's kinship or role word («у Иванова умерла мать»)
            if relations and not self._owns(owner.value, kb.predicates[relations[0].value].parameters[0]):
                self.not_whose(owner, relations[0].value)
        for piece in conditions:   # the names of the phrase's own segment first; then what it shares with the question
            cdecl = kb.predicates[piece.value]
            args: dict[str, str | None] = {}
            if own:   # the phrase's own names, and the subject of a relation ("his wife": the subject's)
                for owner in owners:
                    if cdecl.arity == 2 and cdecl.parameters[0] not in args:
                        args[cdecl.parameters[0]] = owner.value
                for other in self.names:
                    if other.segment == seg and not other.possessor:
                        place = _place(self.lexicon, cdecl, other.value, args)
                        if place is not None and other.value not in args.values():
                            args[place] = other.value
                shared = cdecl.parameters[:1] if cdecl.arity == 2 else ()
            else:
                shared = cdecl.parameters
            for parameter in shared:
                if parameter not in args and parameter in bound and bound[parameter] not in args.values():
                    args[parameter] = bound[parameter]
            args_of[id(piece)] = args
        possessed: dict[int, str] = {}   # «у него есть адвокат»: a person of that kind, whose the owner says
        for owner in owners:
            if relations or any(owner.value in a.values() for a in args_of.values()):
                continue
            for piece in conditions:   # a property of the owner («у Петра тяжелая болезнь») ...
                place = _place(self.lexicon, kb.predicates[piece.value], owner.value, args_of[id(piece)])
                if place is not None:
                    args_of[id(piece)][place] = owner.value
                    break
            else:   # ... or a person the owner has, named by the word («адвокат»), of the case or assumed new
                persons = [p for p in conditions if kb.predicates[p.value].arity == 1 and not args_of[id(p)]]
                said = [p for p in persons if _names_a_person(kb.predicates[p.value])]
                if persons and not said:   # «у него уехал»: who is not said; never the case's one who did, nor the called
                    piece = persons[0]
                    self.refuse(Diagnostic("not-understood", word(
                        "assumption incomplete", language, words=self.words_of(piece),
                        missing=meaning(kb, "parameter", kb.predicates[piece.value].parameters[0], language)),
                        self.span_of(piece), hint=word("name the person", language)))
                if said:
                    possessed.update((id(p), owner.value) for p in said)
                elif owner.value != self._subject():
                    self.not_whose(owner, conditions[0].value)
        if own:   # every name of a context phrase in its own role, or the question is refused at that name
            for other in self.names:
                if other.segment == seg and not other.possessor and not any(other.value in a.values() for a in args_of.values()):
                    self.no_place(toks[other.first], [p.value for p in conditions])
        # a kinship or role word ("his wife", "жене", "адвокатына"): the person it names, who fills the rest
        role_pieces = [p for p in conditions if id(p) in possessed
                       or _role_parameter(kb.predicates[p.value], args_of[id(p)], p.kind == "role" or own)]
        if len(role_pieces) > 1 and own:
            first = role_pieces[1]
            self.ambiguous(self.words_of(first), "; ".join(meaning(kb, "role", p.value, language) for p in role_pieces),
                           toks[first.first].span)
        general_pieces: set[int] = set()
        for piece in role_pieces:
            rdecl = kb.predicates[piece.value]
            args = args_of[id(piece)]
            role = rdecl.parameters[0] if id(piece) in possessed else _role_parameter(rdecl, args, piece.kind == "role" or own)
            # role_pieces kept the pieces with a role parameter; only the one role piece of a context phrase changes
            # others' arguments (two are refused as ambiguous above), and never its own before this
            assert role is not None, "a role piece has its role parameter"
            parameter = role
            person, general, unlike = _role_person(kb, rdecl, args, parameter, piece.prefer, assume_new=own,
                                                  whose=possessed.get(id(piece)), member=piece.member,
                                                  taken=self._taken(piece), said=piece.gender)
            span = toks[piece.first].span
            if person is None and unlike and not general:   # the case's persons of it are all of the other gender
                one = one_of_a_kind(kb, rdecl.name) if own else None   # and a condition may assume no other
                rule = n.label_of(one.labels, language, "") if one is not None else ""
                self.refuse(Diagnostic("not-understood", word(
                    "role of another gender, one only" if rule else "role of another gender", language,
                    words=self.words_of(piece), gender=word("gender " + str(piece.gender), language),
                    relation=meaning(kb, "predicate", piece.value, language), rule=rule,
                    persons=", ".join(meaning(kb, "constant", c, language) for c in unlike)),
                    self.span_of(piece), hint=word("name the person", language)))
            if person is None:   # not named by the case: a general question (the cases tool answers those)
                slot = parameter if parameter in decl.parameters and parameter not in bound else None
                held = [c for c in general if c in self._taken(piece)]
                if held and len(general) == 1:   # the case's only one is someone the question names otherwise
                    self.refuse(Diagnostic("not-understood", word("role held by another", language, words=self.words_of(piece),
                                                                  person=meaning(kb, "constant", held[0], language)),
                                           self.span_of(piece), hint=word("name the person", language)))
                if slot is None or not general_questions or own:   # a condition's person is never general
                    self.refuse(Diagnostic("not-understood", word("role not resolved", language, words=self.words_of(piece),
                                                                  persons=", ".join(meaning(kb, "constant", c, language)
                                                                                    for c in general) or word("none", language)),
                                           self.span_of(piece), hint=word("name the person", language)))
                self.roles.append(n.Atom(rdecl.name, tuple(n.Constant(value, span) if (value := args.get(p)) is not None
                                                           else n.Variable(p, span)
                                                           for p in rdecl.parameters), span, span))
                bound[slot] = None
                general_pieces.add(id(piece))
                continue
            args[parameter] = person
            self.referred.setdefault(person, set()).add((piece.value, piece.member))
            if own:
                for other in conditions:
                    if other is not piece:
                        oargs = args_of[id(other)]
                        free = [p for p in kb.predicates[other.value].parameters if p not in oargs]
                        slot = parameter if parameter in free else free[0] if len(free) == 1 else None
                        if slot is not None:
                            oargs[slot] = person
            else:
                slot = parameter if parameter in decl.parameters and parameter not in bound else None
                if slot is None:
                    self.no_place(toks[piece.first], [self.predicate])
                bound[slot] = person
                self.spans[slot] = span
        for piece in conditions:
            if id(piece) not in general_pieces:
                self._assume(piece, args_of[id(piece)], own)

    def _taken(self, piece: _Piece) -> frozenset[str]:
        """The persons that hold another role in the question: named by name, or by another role word than this
        piece's (the same relation and member is the same word, in any form: the same person)."""
        key = (piece.value, piece.member)
        named = {p.value for p in self.names}
        named |= {v for v in self.bound.values() if v is not None and key not in self.referred.get(v, ())}
        named |= {v for v, keys in self.referred.items() if key not in keys}
        return frozenset(named)

    def _assume(self, piece: _Piece, args: dict, own: bool = False) -> None:
        """A context phrase's fact, assumed (or a role atom over a general question's person)."""
        cdecl = self.kb.predicates[piece.value]
        subject = self.kb.predicates[self.predicate].parameters[0]
        for parameter in cdecl.parameters:   # what the phrase does not name itself: the question's ("if he needs ...")
            if parameter not in args and parameter in self.bound:
                if own and parameter != subject and self.bound[parameter] is not None:
                    # a condition of its own says whose: "if he has a p" never means the p of the person asked
                    # about in another role because the parameters share a name (only the subject, of whom it is
                    # asked, is taken)
                    self.refuse(Diagnostic("not-understood", word(
                        "whose not said", self.language, words=self.words_of(piece),
                        person=meaning(self.kb, "constant", str(self.bound[parameter]), self.language)),
                        self.span_of(piece), hint=word("say whose", self.language)))
                args[parameter] = self.bound[parameter]
        person = args.get(cdecl.parameters[-1]) if cdecl.arity in (1, 2) else None
        if person is not None and not _agrees(self.kb, person, piece.gender):   # "his saleswoman, Ivan, left": not Ivan
            self.refuse(Diagnostic("not-understood", word(
                "named of another gender", self.language, words=self.words_of(piece),
                gender=word("gender " + str(piece.gender), self.language),
                person=meaning(self.kb, "constant", person, self.language)),
                self.span_of(piece), hint=word("name the person", self.language)))
        span = Span(SOURCE, 1, self.toks[piece.first].column)
        if any(args.get(p) is None for p in cdecl.parameters if p in args):   # over a general question's person
            self.roles.append(n.Atom(cdecl.name, tuple(n.Constant(args[p], span) if args.get(p) is not None
                                                       else n.Variable(p, span) for p in cdecl.parameters), span, span))
            return
        missing = [p for p in cdecl.parameters if p not in args]
        if missing:
            self.refuse(Diagnostic("not-understood", word("assumption incomplete", self.language, words=self.words_of(piece),
                                                          missing=", ".join(meaning(self.kb, "parameter", p, self.language)
                                                                            for p in missing)),
                                   self.toks[piece.first].span, hint=word("name them", self.language)))
        self.assumptions.append(n.Atom(cdecl.name, tuple(n.Constant(args[p], span) for p in cdecl.parameters), span, span))

    def query(self, status: str | None) -> n.Query:
        span = Span(SOURCE, 1, 1, 1, len(self.text) + 1)
        decl = self.kb.predicates[self.predicate]
        args = tuple(n.Constant(value, self.spans[p]) if (value := self.bound.get(p)) is not None else n.Variable(p, span)
                     for p in decl.parameters)
        return n.Query(status, n.Atom(self.predicate, args, span, span), span)

    def days(self) -> tuple[datetime.date | None, tuple[datetime.date, datetime.date] | None]:
        """The date asked at, or the two dates a change is asked between ("what changed on D": the day before and D)."""
        span = Span(SOURCE, 1, 1, 1, len(self.text) + 1)
        days = sorted({d for d, _a, _b in self.dates})
        if self.changed and len(days) == 1:
            days = [days[0] - datetime.timedelta(days=1), days[0]]
        if self.changed:
            if len(days) != 2:
                self.refuse(Diagnostic("not-understood", word("change needs two dates", self.language), span,
                                       hint=word("two dates example", self.language)))
            return None, (days[0], days[1])
        if len(days) > 1:
            self.refuse(Diagnostic("not-understood", word("two dates", self.language), span,
                                   hint=word("two dates example", self.language)))
        return (days[0] if days else None), None

    def deadlines(self) -> tuple[str, ...]:
        """"Is the deadline past?": the norms setting the asked obligation a deadline; refused where none does."""
        if not self.compliance:
            return ()
        found = tuple(sorted(m.id for m in self.kb.norms.values() if m.deadline is not None and m.clause is not None
                             and m.clause.modality == "obligatory" and m.clause.head.predicate == self.predicate))
        if not found:
            first = self.compliance[0]
            self.refuse(Diagnostic("not-understood", word("no deadline", self.language, words=self.words_of(first),
                                                          predicate=meaning(self.kb, "predicate", self.predicate,
                                                                            self.language)),
                                   self.span_of(first), hint=word("say it otherwise", self.language)))
        return found


def _citations(lexicon: Lexicon, text: str) -> list[Found]:
    """The provisions the question cites, where the kb's own phrases do not say those words: a phrase of several
    words ("порядок части второй статьи 12 Кодекса", "the regime of Code Art. 12(2)") keeps them, and so does
    any phrase for a bare act's name ("Кодекс" as what is amended)."""
    cited = find_citations(lexicon.kb, text)
    if not cited:
        return cited
    toks = tokens(text)
    phrases: list[tuple[int, int, bool]] = []   # (first char, end char, of several words)
    i = 0
    while i < len(toks):
        end, entries = lexicon.match(toks, i) if toks[i].kind == "word" else (i, [])
        if entries and any(e.kind not in ("according",) for e in entries):
            phrases.append((toks[i].column - 1, toks[end - 1].column - 1 + len(toks[end - 1].text), end - i > 1))
        i = max(end, i + 1)

    def said_by_a_phrase(f: Found) -> bool:   # a phrase within a citation ("заң көмегі" in a law's title) is its words
        return any(a < f.end and f.start < b and (not f.citation.numbers or (several and (a < f.start or b > f.end)))
                   for a, b, several in phrases)
    return [f for f in cited if not said_by_a_phrase(f)]


def _example_citation(kb: KnowledgeBase, language: str) -> str:
    """A citation of the kb's first norm, as the reader writes it (for hints)."""
    book = Phrasebook(kb, language)
    citation = next((m.citation for m in sorted(kb.norms.values(), key=lambda m: m.id) if m.citation and " " in m.citation), None)
    return book.cite(citation) if citation else "…"


def _unknown_provision(kb: KnowledgeBase, cited: list[Found], language: str) -> Diagnostic | None:
    """A citation that names no provision the kb encodes is refused at it: outside the kb's declared scope
    (its words say what is not encoded), else with the provisions of that act the kb does encode."""
    from engine.tools.according import cited_norms

    book = Phrasebook(kb, language)
    for f in cited:
        if cited_norms(kb, f.citation):
            continue
        span = Span(SOURCE, 1, f.start + 1, 1, f.end + 1)
        for scope in kb.scopes:
            if any(c == f.citation.key or c.startswith(f.citation.key + ".") for c in scope.citations):
                return Diagnostic("not-understood", word("provision outside scope", language, citation=f.text,
                                                         scope=n.label_of(scope.labels, language, "")), span)
        known = sorted({m.citation for m in kb.norms.values() if m.act_key == f.citation.act and m.citation},
                       key=lambda c: [int(x) if x.isdigit() else 0 for x in c.split(None, 1)[-1].split(".")])
        return Diagnostic("not-understood", word("no such provision", language, citation=f.text),
                          span, hint=word("provisions encoded", language, act=book.act_name(f.citation.act),
                                          provisions="; ".join(book.cite(c) for c in known[:12]) or word("none", language)))
    return None


def _according(kb: KnowledgeBase, understood: Understood, cited: list[Found], language: str) -> Understood | Diagnostic:
    """The provisions a question cites, narrowed to their norms that bear on what it asks; a provision with none
    is refused at its words."""
    import dataclasses

    from engine.tools.according import bearing, cited_norms

    if not cited:
        return understood
    out = []
    predicates = list(dict.fromkeys(q.atom.predicate for q in understood.every or (understood.query,)))
    for f in cited:
        named = cited_norms(kb, f.citation)
        norms = list({m.id: m for p in predicates for m in bearing(kb, named, p)}.values())
        if not norms:
            about = word("every question", language, count=len(understood.every)) if understood.every else \
                meaning(kb, "predicate", predicates[0], language)
            return Diagnostic("not-understood", word("provision not about", language, citation=f.text,
                                                     predicate=about),
                              Span(SOURCE, 1, f.start + 1, 1, f.end + 1), hint=word("say it otherwise", language))
        out.append((f.text, f.citation.key, tuple(m.id for m in norms)))
    return dataclasses.replace(understood, according_to=tuple(out))


_APPOSITIVE = {"predicate", "predicates", "role", "which"}


def _appositives(kb: KnowledgeBase, lexicon: Lexicon, toks: list[Token], pieces: list[_Piece],
                 opened_by: dict[int, int]) -> None:
    """A clause set off by commas right after a noun ("покупатель, проживающий в городе, ...", "a buyer,
    living in the city, ...") says what that noun's person is: its commas are read as if absent, so
    the clause and what follows its closing comma are of the noun's segment (as "покупатель в городе ..." is).
    A clause with its own names, an "if", a status or a question word of its own is not such a clause; but a name alone
    set off right after a kinship or role word ("his buyer, Ivanov, ...") is the person that word names."""
    def of(seg: int) -> list[_Piece]:
        return [p for p in pieces if p.segment == seg]

    def noun(piece: _Piece) -> bool:
        return piece.kind in ("parameter", "name", "constant") or (
            piece.kind == "predicate" and _type_noun(kb.predicates[piece.value]))

    def relation(piece: _Piece) -> bool:
        return piece.kind in ("predicate", "role") and kb.predicates[piece.value].arity == 2

    def named_after_relation(seg: int, clause: list[_Piece]) -> bool:   # "his buyer, Ivanov, ..."
        comma = opened_by.get(seg)
        if comma is None or toks[comma].text != "," or len(clause) != 1 or clause[0].kind != "name":
            return False
        earlier = [p for p in pieces if p.end <= comma]
        return bool(earlier) and earlier[-1].segment == seg - 1 and relation(earlier[-1]) and earlier[-1].end == comma

    def before_comma(seg: int) -> bool:
        comma = opened_by.get(seg)
        if comma is None or toks[comma].text != ",":
            return False
        earlier = [p for p in pieces if p.end <= comma]
        if not earlier or earlier[-1].segment != seg - 1 or not noun(earlier[-1]):
            return False
        return all(t.kind == "word" and lexicon.is_filler(t) for t in toks[earlier[-1].end:comma])

    last = max((p.segment for p in pieces), default=0)
    seg = 1
    while seg <= last:
        clause = of(seg)
        relative = bool(clause) and clause[0].kind == "which"   # "who is in ...": its "is" asks nothing
        if clause and (named_after_relation(seg, clause) or before_comma(seg) and all(
                p.kind in _APPOSITIVE or (relative and p.kind == "whether") for p in clause)):
            target = seg - 1
            for p in clause:
                p.segment = target
            after = seg + 1
            closing = opened_by.get(after)
            if closing is not None and toks[closing].text == "," and not any(p.kind == "if" for p in of(after)):
                for p in of(after):
                    p.segment = target
                seg = after
        seg += 1


def _saved_question(lexicon: Lexicon, toks: list[Token], in_date: set, text: str, dates) -> Understood | None:
    """A saved question's title in any language, its parameters filled with names: that saved question."""
    written = [t for k, t in enumerate(toks) if k not in in_date and t.kind == "word" and not lexicon.is_filler(t)]
    days = sorted({d for d, _a, _b in dates})
    if len(days) > 1:
        return None
    for q in sorted(lexicon.kb.questions.values(), key=lambda q: q.name):
        for label in q.labels:
            pattern = []
            for piece in re.split(r"(\{[^}]*\})", label.text):
                if piece.startswith("{") and piece[1:-1] in q.parameters:
                    pattern.append(piece[1:-1])
                else:
                    pattern += [("word", w) for w in _content(piece, lexicon.fillers)]
            if len(pattern) != len(written):
                continue
            binding: dict[str, str] = {}
            names: list[tuple[str, str]] = []
            for want, t in zip(pattern, written):
                if isinstance(want, tuple):
                    if not _similar(t.low, want[1]):
                        break
                else:
                    name = lexicon.name_of(t)
                    if name is None or binding.get(want, name) != name:
                        break
                    binding[want] = name
                    names.append((t.text, name))
            else:
                atom = q.query.atom
                span = Span(SOURCE, 1, 1, 1, len(text) + 1)
                args = tuple(n.Constant(binding[a.name], span) if isinstance(a, n.Variable) and a.name in binding else a
                             for a in atom.args)
                query = n.Query(q.query.status, n.Atom(atom.predicate, args, span, span), span)
                return Understood(text, query, days[0] if days else None, None, (), tuple(names))
    return None


def _no_place(kb: KnowledgeBase, t: Token, predicates: list[str], language: str) -> Diagnostic:
    about = " / ".join(dict.fromkeys(meaning(kb, "predicate", p, language) for p in predicates))
    return Diagnostic("not-understood", word("name without place", language, name=t.text, predicate=about),
                      t.span, hint=word("say it otherwise", language))


def _role_parameter(decl: n.PredicateDecl, args: dict, role_word: bool) -> str | None:
    """The person a relation's noun names ("his buyer": the Y of `buyer(X, Y)`, X being
    known): the one parameter left free, the others given; None if it is not one."""
    free = [p for p in decl.parameters if p not in args]
    if len(free) != 1:
        return None
    if decl.arity == 2 and free[0] == decl.parameters[1]:
        return free[0]
    if decl.arity == 1 and not role_word:
        return free[0]
    return None


def _names_a_person(decl: n.PredicateDecl) -> bool:
    """Whether a one-argument predicate's words name a kind of person («у него есть покупатель»: a buyer of his)
    rather than say something of one («у него уехал»: who left is not said): a `reads` template of it says what its
    person is ("{P} — b", "{P} is a b")."""
    slot = "{" + decl.parameters[0] + "}"
    return decl.arity == 1 and any(r.text.strip().startswith(slot + copula) for r in decl.readings
                                   for copula in (" — ", " is a ", " is an ", " is the "))


def _member(entries: list[Entry], predicate: str) -> str | None:
    """The kind of person within a relation that the matched words name (`phrase en "b" member b`), None where they
    name the relation as a whole (or its phrases disagree)."""
    members = {e.member for e in entries if e.kind == "predicate" and e.value == predicate}
    return members.pop() if len(members) == 1 else None


def _gender_said(entries: list[Entry], predicate: str) -> str | None:
    """The gender of the person the matched words name (`phrase ru "b" gender female`: "femn"), None where they say
    none (or the predicate's phrases they match disagree): of the phrases that match best (a reading's word is weaker)."""
    mine = [e for e in entries if e.kind == "predicate" and e.value == predicate]
    best = min((e.rank for e in mine), default=0)
    genders = {e.gender for e in mine if e.rank == best}
    return genders.pop() if len(genders) == 1 else None


def person_gender(kb: KnowledgeBase, constant: str) -> str | None:
    """A person's gender ("masc", "femn") by the Russian label of its name (engine.explain.morphology); None where
    the name has no such label or the dictionary does not say."""
    decl = kb.constants.get(constant)
    label = n.label_of(decl.labels, "ru", "") if decl is not None else ""
    return gender(label) if label else None


def _agrees(kb: KnowledgeBase, constant: str, said: str | None) -> bool:
    """Whether a person may be the one a word of a gender names: the word says none, or the person's gender is not
    known (nor masculine or feminine), or it is the word's."""
    if said is None:
        return True
    found = person_gender(kb, constant)
    return found not in ("masc", "femn") or found == said


def _role_person(kb: KnowledgeBase, decl: n.PredicateDecl, args: dict, parameter: str, prefer: str | None,
                 assume_new: bool, whose: str | None = None, member: str | None = None,
                 taken: frozenset[str] = frozenset(), said: str | None = None) -> tuple[str | None, list[str], list[str]]:
    """Who a role word names, never guessed:
    - a word naming one kind of person within the relation (`member`: "his b" of a relation whose phrase "b" is a
      member) names a person of the case only where the case names that person by that word (`prefer`, the constant
      whose label or phrase the word is) and the case relates that person so; else, in a context phrase, a new person
      of that kind (`MEMBER_of_SUBJECT`), said by the word;
    - a word naming the relation as a whole names the case's only person of it; where that person holds another role
      in the question (`taken`: named there by another word) or the case has several, None (refused at the word,
      with the candidates); in a context phrase where the case has none, a new person (`RELATION_of_SUBJECT`; of
      `whose`, where a possessive said so: «у него есть адвокат»);
    - a word that says the gender of its person (`said`, from `phrase ... gender female`: "saleswoman") names only persons
      whose gender agrees (a name whose gender is not known agrees): the others are not its candidates. Where the
      case has persons of the relation but none agree (its only such person is a man), the question itself is refused
      at the word, naming them; a context phrase assumes a new person of the word, as for a person the case does not
      have, unless the kb allows an owner only one person of the relation (`one_of_a_kind`: `never r(C, P) and
      r(C, Q) and P != Q`), where the case's one is that person and the question is refused at the word.
    Returns the person (None: not one person of the case), the case's candidates, and the persons of the relation
    whose gender disagrees with the word's."""
    k = decl.parameters.index(parameter)
    candidates = sorted({a.value for c in kb.clauses
                         if c.is_fact and c.head.predicate == decl.name and c.head.arity == decl.arity
                         for a in (c.head.args[k],)
                         if isinstance(a, n.Constant) and isinstance(a.value, str)   # a person is a name
                         and all(isinstance(b, n.Constant) and b.value == args[p]
                                 for p, b in zip(decl.parameters, c.head.args) if p in args)})
    subject = whose or "_".join(str(v) for v in args.values())
    other = [c for c in candidates if not _agrees(kb, c, said)]
    candidates = [c for c in candidates if c not in other]
    if member is not None:
        if prefer is not None and prefer in candidates:
            return prefer, [prefer], []
        if prefer is not None and prefer in other:   # the case names by the word a person of the other gender
            return None, [], [prefer]
        if assume_new:
            return (f"{member}_of_{subject}" if subject else f"some_{member}"), [], []
        return None, [], []
    if prefer is not None and prefer in candidates:
        return prefer, candidates, other
    if len(candidates) == 1 and candidates[0] not in taken:
        return candidates[0], candidates, other
    if candidates or (other and (not assume_new or one_of_a_kind(kb, decl.name) is not None)):
        return None, candidates, other   # several, only one that holds another role, or none of the word's gender
    if assume_new:
        return (f"{decl.name}_of_{subject}" if subject else f"some_{decl.name}"), candidates, other
    return None, candidates, other


def one_of_a_kind(kb: KnowledgeBase, relation: str) -> n.ConstraintDecl | None:
    """The kb's constraint that an owner has at most one person of a relation (`never r(C, P) and r(C, Q) and P != Q`),
    if it declares one."""
    for constraint in kb.constraints:
        atoms = [c for c in constraint.conditions if isinstance(c, n.Atom)]
        tests = [c for c in constraint.conditions if isinstance(c, n.Comparison)]
        if len(atoms) != 2 or len(tests) != 1 or len(constraint.conditions) != 3 or tests[0].operator != "!=" \
                or any(a.predicate != relation or a.arity != 2 or not all(isinstance(t, n.Variable) for t in a.args)
                       for a in atoms):
            continue
        (owner, p), (owner2, q) = ((str(a.args[0]), str(a.args[1])) for a in atoms)   # variables: their names
        compared = {str(tests[0].left), str(tests[0].right)}
        if owner == owner2 and p != q and compared == {p, q} and owner not in compared:
            return constraint
    return None


def _place(lexicon: Lexicon, decl: n.PredicateDecl, constant: str, bound: dict) -> str | None:
    """The parameter a constant fills: one the facts use it under, else the first free one the facts use nothing under."""
    roles = lexicon.roles.get(constant, set())
    free = [p for p in decl.parameters if p not in bound]
    for p in free:
        if p in roles:
            return p
    if roles and any(r in decl.parameters for r in roles):
        return None  # its place is taken
    typed = {p for c, rs in lexicon.roles.items() for p in rs}
    for p in free:
        if p not in typed or not roles:
            return p
    return None


def _guesses(lexicon: Lexicon, t: Token, language: str, count: int = 2) -> list[str]:
    """What a word not placed may have meant: never the word itself. A word that is part of a longer phrase
    ("телефон" of "телефон арқылы сөйлесу") proposes the phrases it is part of, in the question's language;
    else the known words nearest in spelling."""
    by_language: dict[str | None, list[str]] = {}
    for entry in lexicon.entries:
        if entry.rank == 0 and len(entry.words) > 1 and entry.text and entry.text.lower() != t.low \
                and any(_similar(t.low, w) for w in entry.words):
            found = by_language.setdefault(entry.language, [])
            if entry.text not in found:
                found.append(entry.text)
    phrases = by_language.get(language) or next((p for lang, p in sorted(by_language.items(), key=str) if p), [])
    if phrases:
        return sorted(phrases, key=len)[:count]
    import difflib   # only for a word not placed: a question understood does not import it

    known = sorted(w for w in lexicon.known_words() if w != t.low and not _similar(t.low, w))
    return [_as_written(lexicon.kb, g, language) for g in difflib.get_close_matches(t.low, known, n=1, cutoff=0.7)]


def _as_written(kb: KnowledgeBase, known: str, language: str) -> str:
    """A known word as the reader writes it: a constant's id or the word of its label («иванов», "ivanov") is the
    constant's label in the reader's language («Иванов»), never the internal name; any other word as it is."""
    for value, decl in kb.constants.items():
        if known == value.lower() or any(known == label.text.lower() for label in decl.labels):
            return n.label_of(decl.labels, language, value)
    return known


def meaning(kb: KnowledgeBase, kind: str, value: str, language: str) -> str:
    """What a phrase means, as the reader is told it: a predicate's or constant's label, a status word;
    never an internal name where the kb gives a label."""
    if kind in ("predicate", "role"):
        decl = kb.predicates.get(value)
        return n.label_of(decl.labels, language, value) if decl else value
    if kind == "constant":
        constant = kb.constants.get(value)
        return n.label_of(constant.labels, language, value) if constant else value
    if kind == "status":
        return word(value, language)
    if kind == "parameter":
        typed = kb.predicates.get(value.lower())
        return n.label_of(typed.labels, language, value) if typed and _type_noun(typed) else word("a party", language)
    return value


def _not_understood(lexicon: Lexicon, text: str, t: Token | None, language: str, message: str | None = None) -> Diagnostic:
    hint_parts = []
    if t is not None:
        message = word("word not placed", language, word=t.text)
        guess = _guesses(lexicon, t, language)
        if guess:
            hint_parts.append(word("did you mean", language, guess="», «".join(guess) if language != "en" else "', '".join(guess)))
    nearest = nearest_phrasings(lexicon.kb, text, language)
    if nearest:
        hint_parts.append(word("phrasings known", language) + " " + "; ".join(f"«{p}»" for p in nearest))
    span = t.span if t is not None else Span(SOURCE, 1, 1, 1, max(2, len(text) + 1))
    assert message is not None, "a caller without a token says what is wrong"
    return Diagnostic("not-understood", message, span, hint="; ".join(hint_parts) or None)


def phrasings(kb: KnowledgeBase, language: str) -> list[str]:
    """Phrasings this knowledge base understands, in a language: saved questions' titles and one per asked predicate."""
    out = []
    for q in sorted(kb.questions.values(), key=lambda q: q.name):
        title = n.label_of(q.labels, language)
        if title and {l.language for l in q.labels} >= {language}:
            for p in q.parameters:   # the example name in the case the words before it need («осужденного Иванова»)
                title = re.sub(r"\{" + re.escape(p) + r"(?::(\w+))?\}",
                               lambda m: _declined(title[:m.start()], m.group(1), _example_name(kb, p, language), language),
                               title)
            out.append(title)
    for name in sorted(askable(kb)):
        decl = kb.predicates.get(name)
        if decl is None:
            continue
        label = n.label_of(decl.labels, language)
        if label is None:
            continue
        if not decl.domain:
            continue
        who = next((_example_name(kb, p, language) for p in decl.parameters if _example_name(kb, p, language)), None)
        out.append(word("example phrasing", language, status=WORDS["permitted"][language], label=label,
                        name=who or "…"))
    return out


def _declined(before: str, case: str | None, name: str | None, language: str) -> str:
    from engine.explain.morphology import case_after, decline

    if name is None:
        return "…"
    if case is None and language == "ru" and before.split():
        case = case_after(before.split()[-1].strip("(,;:«"))
    return decline(name, case, language)


def _ground(clause: n.Clause):
    for a in clause.head.args:
        if isinstance(a, n.Constant) and isinstance(a.value, str):
            yield a.value


def _example_name(kb: KnowledgeBase, parameter: str, language: str) -> str | None:
    for clause, _ in kb.all_clauses():
        if not clause.is_fact:
            continue
        decl = kb.predicates.get(clause.head.predicate)
        if decl is None:
            continue
        for p, a in zip(decl.parameters, clause.head.args):
            if p == parameter and isinstance(a, n.Constant) and isinstance(a.value, str) and clause.head.arity == 1:
                constant = kb.constants.get(a.value)
                return n.label_of(constant.labels, language, a.value) if constant else a.value
    return None


def nearest_phrasings(kb: KnowledgeBase, text: str, language: str, count: int = 3) -> list[str]:
    known = phrasings(kb, language)
    written = [t.low for t in tokens(text) if t.kind == "word"]

    def closeness(p):
        words = [t.low for t in tokens(p) if t.kind == "word"]
        return -sum(max((_similar(w, k) for k in words), default=0) for w in written)

    return sorted(known, key=closeness)[:count]


# ---------------------------------------------------------------- back in words

def _stated(kb: KnowledgeBase, atom: n.Atom) -> bool:
    """Whether the case already states the assumed fact ("his buyer Ivanov" where buyer(a, ivanov) is a fact)."""
    values = tuple(a.value for a in atom.args if isinstance(a, n.Constant))
    return any(c.is_fact and c.head.predicate == atom.predicate and
               tuple(a.value for a in c.head.args if isinstance(a, n.Constant)) == values for c in kb.clauses)


def _concludes(kb: KnowledgeBase, norm_id: str, predicate: str) -> bool:
    norm = kb.norms.get(norm_id)
    return norm is not None and norm.clause is not None and norm.clause.head.predicate == predicate


def understood_and_said(text: str, kb: KnowledgeBase, language: str) -> tuple[Understood, dict]:
    """The question in words understood (or its located diagnostic raised) and said back (in_words): what
    `zan ask` and the workbench both start from."""
    understood = understand(text, kb, language)
    if isinstance(understood, Diagnostic):
        raise ZanError([understood], sources={"<question>": text})
    return understood, in_words(understood, kb, language)


def understood_title(said: dict, language: str) -> str:
    """The question as understood, said back (in_words' dict): the title of its answers, on every channel."""
    lines = [f"{word('question as understood', language)}: {said['understood']}", f"  {said['in_words']}"]
    if said.get("between"):
        lines.append("  " + word("changes between", language, before=say_date(said["between"][0], language),
                                           after=say_date(said["between"][1], language)))
    for a in said["assumptions"]:
        lines.append(f"  {word('assumed', language)}: {a['atom']} ({a['in_words']})"
                     + (f" — {word('already in the case', language)}" if a.get("in_the_case") else ""))
    if said.get("deadlines"):
        lines.append("  " + word("asks compliance", language, deadlines="; ".join(
            f"{d['cited_as']}: {say_date(d['deadline'], language)}" for d in said["deadlines"])))
    for c in said.get("according_to", ()):
        norms = c.get("concluding") or c["norms"]
        lines.append(f"  {word('according to', language)}: {c['cited_as']} ({', '.join(norms)})")
    return "\n".join(lines)


def in_words(understood: Understood, kb: KnowledgeBase, language: str) -> dict:
    """The understood question said back: the atom, a sentence from the kb's reading, the assumptions and dates."""
    reading = Phrasebook(kb, language).reading_of

    sentence = reading(understood.query.atom)
    if understood.query.status:
        sentence = f"{word(understood.query.status, language)}? {sentence}"
    if understood.every:
        named = ", ".join(dict.fromkeys(meaning(kb, "constant", value, language) for _w, value in understood.names))
        sentence = word("every question naming", language, names=named, count=len(understood.every)) if named else \
            word("every question", language, count=len(understood.every))
        if understood.query.status:
            sentence = f"{word(understood.query.status, language)}? {sentence}"
    out = {"text": understood.text, "understood": understood.atom_text, "in_words": sentence,
           "assumptions": [{"atom": str(a), "in_words": reading(a), "in_the_case": _stated(kb, a)}
                           for a in understood.assumptions]}
    if understood.deadlines:
        out["deadlines"] = [{"norm": nid, "cited_as": Phrasebook(kb, language).cite(kb.norms[nid].citation) or nid,
                             "deadline": deadline.isoformat()}
                            for nid in understood.deadlines if (deadline := kb.norms[nid].deadline) is not None]
    if understood.according_to:
        book = Phrasebook(kb, language)
        asked = {q.atom.predicate for q in understood.every or (understood.query,)}
        out["according_to"] = [{"text": written, "citation": key, "cited_as": book.cite(key) or key, "norms": list(ids),
                                "concluding": [i for i in ids if any(_concludes(kb, i, p) for p in asked)]}
                               for written, key, ids in understood.according_to]
    if understood.every:   # each question in general, in words
        out["every"] = [{"query": _query_text(q), "in_words": reading(q.atom)} for q in understood.every]
    if understood.at:
        out["at"] = understood.at.isoformat()
    if understood.between:
        out["between"] = [d.isoformat() for d in understood.between]
    return out
