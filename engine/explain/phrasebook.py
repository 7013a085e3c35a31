"""One phrasebook per language: how everything that writes for a reader names the law's things.

A `Phrasebook(kb, language)` cites a norm or a citation key as a reader of the language cites it
(`code 12.1.2` -> "Кодекс, ст. 12 ч. 1 п. 2"), names an act (its short form), labels predicates and
constants, and fills a predicate's reading template with the labels of its values. The forms come
from the knowledge base (`citation LANG "..."` of kb/acts.zan, labels, `reads`); the fallback where
the kb has no form (the key, the id) is decided here once. `Citation` is the one parser of citation
keys, and reads back a citation as any language writes it (`zan show "Кодекс, ст. 12 ч. 1 п. 2"`).
`say_date` says a date as a reader of the language writes it («1 марта 2025 г.», «2025 жылғы 1
наурыздан»): every date in human text goes through it; JSON's data fields stay ISO.

May import: `engine.syntax`, `engine.base` (as the rest of engine.explain).
"""

from __future__ import annotations

import datetime
import re
from typing import overload

from engine.base.records import dataclass
from engine.base.text import LazyPattern

from engine.base.messages import LANGUAGES
from engine.base.dates import say_date as say_date   # where every room that writes for a reader finds it
from engine.explain.i18n import CITATION_WORDS, ORDINALS, word
from engine.syntax import nodes as n
from engine.syntax.nodes import GENDER_FORMS

# {1}, {2}, {3}: the parts of a key's number; {2:ordinal}: the part as the ordinal word of the language
# ("бірінші бөлігі", as the ruling writes it; the words are the engine's, i18n.ORDINALS)
_PLACEHOLDER = LazyPattern(r"\{(\d)(?::(ordinal))?\}")
_SPACES = LazyPattern(r"\s+")
_QUOTES = LazyPattern('["«»“”„]')
_OF = LazyPattern(r"(?=_of_)")   # where a person's name may end its relation's name (RELATION_of_SUBJECT)
# Kazakh names a person by name with «деген» and a noun after the name («Асанов деген адаммен», "with the person called
# Asanov"); a person said by a kinship or role word takes the noun's ending itself («сатушысымен», "with his seller")
_CALLED_KK = LazyPattern(r"\s+деген\s+(\w+)")


@dataclass(frozen=True)
class Citation:
    """A citation key: the act's key and the parts of its number (`code 12.1.2` -> code, (12, 1, 2))."""

    act: str
    numbers: tuple[str, ...] = ()

    @classmethod
    def parse(cls, key: str | None) -> "Citation | None":
        if not key or not key.split():
            return None
        parts = key.split(None, 1)
        return cls(parts[0], tuple(parts[1].split(".")) if len(parts) > 1 else ())

    @property
    def key(self) -> str:
        return self.act + (" " + ".".join(self.numbers) if self.numbers else "")

    def __str__(self) -> str:
        return self.key

    def in_form(self, form: str, language: str = "en") -> str | None:
        """The citation written in one of the act's forms; None when the form has other parts."""
        used = {int(k) for k, _fmt in _PLACEHOLDER.findall(form)}
        if used != set(range(1, len(self.numbers) + 1)):
            return None

        def part(m: re.Match) -> str:
            number = self.numbers[int(m.group(1)) - 1]
            words = ORDINALS.get(language, ())
            if m.group(2) == "ordinal" and number.isdigit() and 0 < int(number) <= len(words):
                return words[int(number) - 1]
            return number
        return _PLACEHOLDER.sub(part, form)


def forms(act: n.Act | None, language: str) -> list[str]:
    """The act's citation forms in a language, as kb/acts.zan declares them (first: the one Zan writes)."""
    return [label.text for label in act.citations if label.language == language] if act else []


def cited_as(act: n.Act | None, citation: str | None, language: str) -> str | None:
    """A citation key in the first of the act's forms in the language with as many parts; None if it has none."""
    parsed = Citation.parse(citation)
    if parsed is None:
        return None
    if act is not None and len(parsed.numbers) == 1 and not parsed.numbers[0][:1].isdigit():
        return next((label.text for part, label in act.part_citations
                     if part == parsed.numbers[0] and label.language == language), None)
    for form in forms(act, language):
        found = parsed.in_form(form, language)
        if found is not None:
            return found
    return None




def say_in_force(start: datetime.date | str | None, end: datetime.date | str | None, language: str,
                 today: datetime.date | None = None) -> str:
    """A norm's dates in force as legal texts of the language write them: kk «2020 жылғы 1 наурыздан бастап күшіне
    енген», ru «вступила в силу 1 марта 2020 г.» (a day after `today`: «... күшіне енеді», «вступает в силу»), and
    the last day, inclusive: «2024 жылғы 31 мамырды қоса алғанға дейін күшінде», «действует до 31 мая
    2024 г. включительно». English keeps ISO: "in force from 2020-03-01; in force until 2024-05-31"."""
    parts = []
    if start:
        day = datetime.date.fromisoformat(start) if isinstance(start, str) else start
        later = day > (today or datetime.date.today())
        parts.append(word("in force from later" if later else "in force from", language, date=say_date(day, language)))
    if end:
        parts.append(word("in force until", language, date=say_date(end, language)))
    return "; ".join(parts)


def _morphology():
    """engine/explain/morphology.py, imported when a reading is declined or a person described (Russian and Kazakh):
    an English question never needs it (~0.2 ms of a cold one)."""
    from engine.explain import morphology

    return morphology


def _decline(text: str, case: str | None, language: str) -> str:
    """`morphology.decline`: English, and a text without a case, as written."""
    if not case or not text or language not in ("ru", "kk"):
        return text
    return _morphology().decline(text, case, language)


def _kk_case(noun: str) -> str:
    """The case of a Kazakh noun by its ending («адаммен» ins, «адамның» gen, «адам» nom): the ending its stem takes."""
    for case in ("ins", "gen", "dat", "acc", "loc", "abl"):
        for size in (3, 2, 1):
            if len(noun) > size + 1 and _morphology().kk_ending(noun[:-size], case) == noun[-size:]:
                return case
    return "nom"


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text.strip()).lower()


def _written(piece: str, language: str, escape=re.escape) -> str:
    """A literal piece of a citation form as a pattern: each abbreviation also written out in full, in any of its
    forms («ст.» or «статьи»: CITATION_WORDS), and a part's closing parenthesis ("2)") optional; spaces as r"\\ "."""
    full = CITATION_WORDS.get(language, {})
    out = []
    for w in _SPACES.sub(" ", piece).lower().split(" "):
        if w in full:
            out.append("(?:" + "|".join(re.escape(f) for f in sorted((w,) + full[w], key=len, reverse=True)) + ")")
        elif w == ")":
            out.append(r"\)?")
        else:
            out.append(escape(w))
    return r"\ ".join(out)


def _pattern(form: str, language: str) -> re.Pattern:
    """A citation form read back: its placeholders match the parts of a number (or their ordinal words)."""
    out, last = [], 0
    for m in _PLACEHOLDER.finditer(form):
        out.append(_written(form[last:m.start()], language))
        ordinals = "".join("|" + re.escape(w) for w in sorted(ORDINALS.get(language, ()), key=len, reverse=True)) \
            if m.group(2) else ""
        out.append(f"(?P<p{m.group(1)}>[0-9a-zа-яё]+(?:-[0-9]+)?{ordinals})")
        last = m.end()
    out.append(_written(form[last:], language))
    return re.compile("".join(out).strip().replace(r"\ ", r"\s*"))


def read_citation(kb, text: str) -> Citation | None:
    """A citation as any language writes it (the key, or one of the acts' citation forms) -> its key."""
    wanted = _normal(text)
    for act in sorted(kb.acts.values(), key=lambda a: a.key):
        if wanted == act.key.lower():
            return Citation(act.key)
        if wanted.startswith(act.key.lower() + " "):
            parsed = Citation.parse(wanted)
            if parsed and all(p for p in parsed.numbers):
                return Citation(act.key, parsed.numbers)
        for part, label in act.part_citations:
            if wanted == _normal(label.text):
                return Citation(act.key, (part,))
        for label in act.citations:
            m = _pattern(label.text, label.language).fullmatch(wanted)
            if m:
                count = len(_PLACEHOLDER.findall(label.text))
                words = ORDINALS.get(label.language, ())
                return Citation(act.key, tuple(str(words.index(m.group(f"p{k}")) + 1) if m.group(f"p{k}") in words
                                               else m.group(f"p{k}") for k in range(1, count + 1)))
    return None


def _searched(form: str, language: str) -> re.Pattern:
    """A citation form found in running text (a question): its parts numbers (or ordinal words), whole words only;
    in Kazakh the last word may carry a case ending ("ҚАК-тің 134-бабына сәйкес")."""
    def literal(piece: str) -> str:   # spaces as any spaces, quotation marks as any quotation marks
        return _written(piece, language, lambda w: _QUOTES.sub('["«»“”„]', re.escape(w))).replace(r"\ ", r"\s*")

    out, last = [r"(?<!\w)"], 0
    for m in _PLACEHOLDER.finditer(form):
        out.append(literal(form[last:m.start()]))
        ordinals = "".join("|" + re.escape(w).replace(r"\ ", r"\s+")
                           for w in sorted(ORDINALS.get(language, ()), key=len, reverse=True)) if m.group(2) else ""
        out.append(f"(?P<p{m.group(1)}>[0-9]+[a-zа-яё]?(?:-[0-9]+)?{ordinals})")
        last = m.end()
    out.append(literal(form[last:].rstrip()))
    ending = r"\w{0,4}" if language == "kk" and form.strip()[-1:].isalpha() else ""
    return re.compile("".join(out) + ending + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A citation found in running text: where (0-based, end exclusive), the text and the key it names."""

    start: int
    end: int
    text: str
    citation: Citation


def find_citations(kb, text: str) -> list[Found]:
    """Every citation written in running text (a question in words), in any form `read_citation` reads back:
    the key (`code 12.1.2`), the acts' forms with their parts (подп. 2) ч. 1 ст. 12 Кодекса), a named part; the
    longest where forms overlap ("ст. 12 Кодекса" inside "подп. 2) ч. 1 ст. 12 Кодекса")."""
    found: list[Found] = []
    for act in sorted(kb.acts.values(), key=lambda a: a.key):
        named = "".join("|" + re.escape(part) for part in sorted({p for p, _l in act.part_citations}))
        key = re.compile(r"(?<![\w.])" + re.escape(act.key)
                         + rf"(?:\s+(?P<n>[0-9]+[a-z]?(?:\.[0-9]+[a-z]?)*{named}))?(?![\w])", re.IGNORECASE)
        for m in key.finditer(text):
            numbers = tuple(m.group("n").split(".")) if m.group("n") else ()
            found.append(Found(m.start(), m.end(), m.group(), Citation(act.key, numbers)))
        for part, label in act.part_citations:
            for m in _searched(label.text, label.language).finditer(text):
                found.append(Found(m.start(), m.end(), m.group(), Citation(act.key, (part,))))
        for label in act.citations:
            words = ORDINALS.get(label.language, ())
            count = len(_PLACEHOLDER.findall(label.text))
            for m in _searched(label.text, label.language).finditer(text):
                parts = []
                for k in range(1, count + 1):
                    written = _SPACES.sub(" ", m.group(f"p{k}")).lower()
                    parts.append(str(words.index(written) + 1) if written in words else written)
                found.append(Found(m.start(), m.end(), m.group(), Citation(act.key, tuple(parts))))
    chosen: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, f.start - f.end)):
        if not chosen or f.start >= chosen[-1].end:
            chosen.append(f)
        elif f.end > chosen[-1].end and f.start == chosen[-1].start:
            chosen[-1] = f
    return chosen


class Phrasebook:
    """How a reader of `language` is told about the knowledge base's things (forms from the kb)."""

    def __init__(self, kb, language: str = "en"):
        self.kb = kb
        self.language = language if language in LANGUAGES else "en"
        self._cited: dict = {}    # citation key -> as cited (a register cites the same few norms per answer)
        self._labels: dict = {}   # constant -> its label in the language
        self._roles: dict = {}    # value -> (relation, subject) of a person assumed with a role, or None
        self._readings: dict = {}  # (predicate, arity) -> its reading template cut at its parameters (reading)
        self._genders: dict = {}   # value -> its gender for a template's choice (gender_of)
        self._said_memo: dict = {}  # (type, value, case) -> the value in a reading, in that case (a register reads
        #                             each person in many atoms, and a kk/ru name declined in each case once)
        self._relations: dict[str, int] | None = None   # predicate -> its place, the longest name first (_role_of)
        self._members: dict[str, dict[str, str]] | None = None   # a relation's member -> its first phrase per language
        self._described: dict = {}   # value -> whether it is said by a kinship word, not a name (described)
        self._kinship: set[str] | None = None   # the words of the relations between two (their labels and phrases)
        self._predicate_labels: dict = {}   # predicate -> its label in the language, or None (label)
        self._act_names: dict[str, str] = {}   # act key -> its short name in the language (act_name)

    # ------------------------------------------------------------ citations and acts
    def date(self, day: datetime.date | str | None, case: str | None = None) -> str:
        """A date in the reader's language (`say_date`)."""
        return say_date(day, self.language, case)

    @overload
    def cite(self, citation: str) -> str: ...
    @overload
    def cite(self, citation: None) -> None: ...
    @overload
    def cite(self, citation: str | None) -> str | None: ...

    def cite(self, citation: str | None) -> str | None:
        """A citation key as the reader cites it (the act's form), else the key itself (None for no key)."""
        found = self._cited.get(citation, self)
        if found is self:
            parsed = Citation.parse(citation)
            found = citation if parsed is None else cited_as(self.kb.acts.get(parsed.act), citation, self.language) or citation
            self._cited[citation] = found
        return found

    def cite_norm(self, norm: n.Norm | None) -> str | None:
        """A norm's citation as the reader cites it, else its key; None for a norm without citation."""
        return self.cite(norm.citation) if norm is not None else None

    def norm_name(self, norm_id: str | None, citation: str | None) -> str:
        """How sentences name a norm: its id, then its citation (several norms share one)."""
        cited = self.cite(citation)
        return f"{norm_id} ({cited})" if cited else str(norm_id)

    def act_name(self, key: str) -> str:
        """An act's short name in the language: its citation form without parts, else its key (once an act: an
        answer names the acts of its norms at every mention)."""
        found = self._act_names.get(key)
        if found is None:
            found = self._act_names[key] = cited_as(self.kb.acts.get(key), key, self.language) or key
        return found

    def act_title(self, key: str) -> str | None:
        act = self.kb.acts.get(key)
        return n.label_of(act.labels, self.language) if act else None

    # ------------------------------------------------------------ labels and readings
    def label(self, predicate: str) -> str | None:
        """The predicate's label in the language (None: none), once a predicate (each why-not names its condition's)."""
        found = self._predicate_labels.get(predicate, self)
        if found is self:
            decl = self.kb.predicates.get(predicate)
            found = self._predicate_labels[predicate] = n.label_of(decl.labels, self.language) if decl is not None else None
        return found

    def value_label(self, value) -> str:
        """A constant by its label in the language (else its id); other values as the DSL writes them."""
        if isinstance(value, str):
            found = self._labels.get(value)
            if found is None:
                decl = self.kb.constants.get(value)
                found = n.label_of(decl.labels, self.language, value) if decl is not None else None
                found = self._labels[value] = found or self.new_person(value) or value
            return found
        return n.format_value(value)

    def new_person(self, value: str, case: str | None = None) -> str | None:
        """A person a question in words assumed with a role the case gives no one (engine/tools/understanding.py
        names it `RELATION_of_SUBJECT`, or `some_RELATION`), said by that role: "a buyer of Ivanov", «покупателем
        Иванова» (the role in the sentence's case, the subject in the genitive), «Ахметовтің сатып алушысы»; None
        for any other value."""
        role = self._role_of(value)
        if role is None:
            return None
        name, subject = role
        member = self.members().get(name, {}) if name not in self.kb.predicates else {}
        if name in self.kb.predicates or self.language not in member:
            decl = self.kb.predicates[name] if name in self.kb.predicates else None
            said = n.label_of(decl.labels, self.language, name) if decl is not None else name.replace("_", " ")
            article = _morphology().indefinite
        else:   # one kind of person within a relation ("seller"), said by its phrase: "the seller of Ivanov"
            said, article = member[self.language], _morphology().definite
        declined = _morphology().decline_described_kk(said, case) if self.language == "kk" else _decline(said, case, self.language)
        if subject is None:
            return article(declined, self.language)
        whose = self.value_label(subject)
        if subject in self.kb.constants:
            whose = _decline(whose, "gen", self.language)
        return word("new person of", self.language, role=article(declined, self.language), whose=whose)

    def described(self, value) -> bool:
        """Whether a person is said by a kinship or role word rather than by a name: a person a question assumed with
        a role (`new_person`), or a constant whose label is a relation's word (a constant labelled «сатушысы»)."""
        if not isinstance(value, str):
            return False
        found = self._described.get(value)
        if found is None:
            decl = self.kb.constants.get(value)
            if decl is None:
                found = self.new_person(value) is not None
            else:
                if self._kinship is None:
                    self._kinship = {label.text.strip().lower() for d in self.kb.predicates.values() if d.arity == 2
                                     for label in d.labels + d.phrases}
                found = (n.label_of(decl.labels, self.language, "") or "").strip().lower() in self._kinship
            self._described[value] = found
        return found

    def members(self) -> dict[str, dict[str, str]]:
        """Each kind of person within a relation the kb's phrases name (`phrase en "b" member b`): its first phrase
        in each language."""
        if self._members is None:
            self._members = {}
            for decl in self.kb.predicates.values():
                for phrase in decl.phrases:
                    if phrase.member is not None:
                        self._members.setdefault(phrase.member, {}).setdefault(phrase.language, phrase.text.strip())
        return self._members

    def _role_of(self, value: str) -> tuple[str, str | None] | None:
        """(relation, subject) of a person named `RELATION_of_SUBJECT`, (relation, None) of `some_RELATION`, else
        None; remembered per value (a register reads every person in many answers)."""
        found = self._roles.get(value, self)
        if found is not self:
            return found
        found = None
        if value not in self.kb.constants and ("_of_" in value or value.startswith("some_")):
            if self._relations is None:   # the longest name first: a name that ends in another is itself
                ordered = sorted(self.kb.predicates, key=len, reverse=True)
                self._relations = dict(zip(ordered, range(len(ordered))))
            # only the names the value can begin with, in that order (a register has many values to try)
            named = [value[:m.start()] for m in _OF.finditer(value)] + [value[5:]]
            for name in sorted((x for x in named if x in self._relations), key=self._relations.__getitem__):
                if value.startswith(name + "_of_") and self.kb.predicates[name].arity in (1, 2):
                    found = (name, value[len(name) + 4:])
                    break
                if value == "some_" + name:
                    found = (name, None)
                    break
            else:   # a person of one kind within a relation (`MEMBER_of_SUBJECT`, `some_MEMBER`)
                for name in sorted((x for x in named if x in self.members()), key=len, reverse=True):
                    if value.startswith(name + "_of_"):
                        found = (name, value[len(name) + 4:])
                        break
                    if value == "some_" + name:
                        found = (name, None)
                        break
        self._roles[value] = found
        return found

    def template(self, predicate: str) -> str | None:
        decl = self.kb.predicates.get(predicate)
        return n.label_of(decl.readings, self.language) if decl is not None else None

    def reading(self, predicate: str, values: tuple) -> str | None:
        """The predicate's `reads` template filled with its values' labels (None: an unknown value, "…");
        None when the kb gives the predicate no reading."""
        key = (predicate, len(values))
        parts = self._readings.get(key, self)
        if parts is self:   # the template cut once at its parameters (a register reads the same few templates)
            parts = self._readings[key] = self._cut(predicate, len(values))
        if parts is None:
            return None
        text, places = parts
        out = list(text)
        said = self._said_memo
        for k, position, case, forms, called in places:   # each value in its place, its words remembered per value and case
            value = values[position]
            if forms is not None:   # a choice of forms: the one agreeing with the value's gender
                out[k] = forms[GENDER_FORMS.index(self.gender_of(value))]
                continue
            if called is not None:   # «деген адаммен» after a name; a kinship word takes the noun's ending itself
                if self.described(value):
                    out[called[0]], case = "", called[2]
                else:
                    out[called[0]] = called[1]
            slot = (type(value), value, case)   # 1 and 1.0 are equal keys, not equal words
            found = said.get(slot)
            if found is None:
                found = said[slot] = self._said(value, case)
            out[k] = found
        return "".join(out)

    def spelling(self, predicate: str, arity: int) -> list | None:
        """The predicate's reading as reading() fills it, for many atoms of one predicate: its pieces of text and,
        at each place a value goes, (position of the value, a function giving its words there); None when the kb
        gives the predicate no reading."""
        key = (predicate, arity)
        parts = self._readings.get(key, self)
        if parts is self:
            parts = self._readings[key] = self._cut(predicate, arity)
        if parts is None:
            return None
        text, places = parts
        out: list = list(text)
        for k, position, case, forms, called in places:
            out[k] = (position, self._word_at(case, forms, called))
            if called is not None:
                out[called[0]] = (position, lambda value, said=called[1]: "" if self.described(value) else said)
        return [p for p in out if p != ""]

    def _word_at(self, case: str | None, forms: tuple | None, called: tuple | None = None):
        """The words of a value at a place of a reading (reading()'s loop, one place)."""
        if forms is not None:
            return lambda value: forms[GENDER_FORMS.index(self.gender_of(value))]
        said = self._said_memo

        def words(value) -> str:
            in_case = called[2] if called is not None and self.described(value) else case
            slot = (type(value), value, in_case)
            found = said.get(slot)
            if found is None:
                found = said[slot] = self._said(value, in_case)
            return found
        return words

    def gender_of(self, value) -> str:
        """The grammatical gender of a person a template's choice agrees with (`{Person?masc|femn|other}`): of its
        Russian label, or of the Russian noun of the role it was assumed with; "other" where that is not known (a
        variable, a value that is no person, a name the dictionary does not know), whatever the reader's language."""
        if not isinstance(value, str):
            return "other"
        found = self._genders.get(value)
        if found is None:
            decl = self.kb.constants.get(value)
            if decl is not None:
                label = n.label_of(decl.labels, "ru")
            else:
                role = self._role_of(value)
                label = None
                if role is not None:
                    name = role[0]
                    if name in self.kb.predicates:
                        label = n.label_of(self.kb.predicates[name].labels, "ru")
                    else:
                        label = self.members().get(name, {}).get("ru")
            found = self._genders[value] = (_morphology().gender(label) if label else None) or "other"
            if found not in GENDER_FORMS:   # neuter or a gender no choice has: the form for the unknown
                found = self._genders[value] = "other"
        return found

    def _cut(self, predicate: str, arity: int) -> tuple[list[str], list[tuple]] | None:
        """The template's pieces of text, an empty one in each place a value goes, and the places: (index of the
        piece, position of the value, the case it takes, the forms of a choice or None, and for a Kazakh name
        followed by «деген» and a noun, (index of that piece, its text, the noun's case), else None); a parameter the
        values do not give stays as written."""
        decl = self.kb.predicates.get(predicate)
        text = self.template(predicate)
        if text is None:
            return None
        position = dict(zip(decl.parameters, range(arity)))
        parts: list = []
        start = 0
        for m, name, case, forms in n.template_places(text):
            parts.append(text[start:m.start()])
            start = m.end()
            if name not in position or (forms is not None and len(forms) != len(GENDER_FORMS)):
                parts.append(m.group())   # as written (zan check says what is wrong with it)
                continue
            if forms is None and case is None and self.language == "ru":
                # a case the template names ({Convict:dat}), else in Russian the agreeing word's
                before = text[:m.start()].split()
                case = _morphology().case_after(before[-1].strip("(,;:«")) if before else None
            parts.append((position[name], case, forms))
            apposed = _CALLED_KK.match(text, start) if forms is None and case is None and self.language == "kk" else None
            if apposed is not None:   # the «деген адаммен» after it: a piece of its own, left out after a kinship word
                parts.append(("called", apposed.group(), _kk_case(apposed.group(1))))
                start = apposed.end()
        parts.append(text[start:])
        parts = [p for p in parts if p != ""]
        places = []
        for k, p in enumerate(parts):
            if type(p) is not str and p[0] != "called":
                after = parts[k + 1] if k + 1 < len(parts) else None
                called = (k + 1, after[1], after[2]) if type(after) is tuple and after[0] == "called" else None
                places.append((k, p[0], p[1], p[2], called))
        return [p if type(p) is str else "" for p in parts], places

    def _said(self, value, case: str | None) -> str:
        """A value in a reading: "…" if unknown, a constant by its label in the case, a person assumed with a role by it."""
        if value is None:
            return "…"
        shown = self.value_label(value)
        new = isinstance(value, str) and value not in self.kb.constants and self.new_person(value) is not None
        if not isinstance(value, str) or (value not in self.kb.constants and not new):
            return shown
        if new:
            return self.new_person(value, case) or shown
        if self.language == "kk" and case and self.described(value):   # «сатушысына», not «сатушысыға»
            return _morphology().decline_described_kk(shown, case)
        return _decline(shown, case, self.language)

    def reading_of(self, atom: n.Atom) -> str:
        """An atom of the DSL read in words (variables as "…"), else the atom as written."""
        values = tuple(a.value if isinstance(a, n.Constant) else None for a in atom.args)
        return self.reading(atom.predicate, values) or str(atom)
