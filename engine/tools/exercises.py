"""Exercises that grade themselves (`zan exercises`, the trainers' page): drawn from the case space.

The generator needs only rows of the case space: (case facts, date, atom, status, deciding norm,
defeated norms with the principle). Two sources give them: `space_rows`, the rows of `zan cases`
(engine/tools/cases.py: every case the law distinguishes), and `case_space`, which enumerates with
the pipeline every bundled case (kb/cases/, kb/sample/) and each variant of it with one fact left
out. Both ask on both sides of every day a deontic norm's force changed (engine/tools/timeline.py),
for every predicate the law concludes with a modality. Everything said in an exercise comes from the knowledge base: the case
is told through the predicates' `reads` templates, the grading through the answer's own
explanation (summary, defeats, why-nots) in the language asked for.

An exercise has exactly one correct answer: the status and deciding norm the kb gives (and, at
level 2, the norm it defeated and the principle), among options that never include another norm
that supports the same status (`also_supported_by`). Topics are words taken from the kb: a
constant in the question (`a`), a word of a deciding or defeated norm's id (`sale` of `code.12.1.sale`), a
predicate of the case's facts (`p`) or of the question (`q`), or `dates` (the status differs the day before a change day).
"""

from __future__ import annotations

import datetime
import hashlib
import random
import tempfile
from dataclasses import field
from engine.base.records import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from engine.base.diagnostics import Diagnostic, ZanError, did_you_mean
from engine.base.resources import default_kb
from engine.base.source import Span
from engine.explain.explanation import Explainer, document
from engine.explain.i18n import fill, word
from engine.explain.phrasebook import say_date
from engine.logic.norms import PRINCIPLES
from engine.pipeline import ask, load_checked
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase, load, sample_case_files
from engine.tools.timeline import DAY, amending_days, change_days

STATUSES = ("permitted", "prohibited", "obligatory", "discretionary", "undetermined")
LEVELS = (1, 2)
DATES_TOPIC = "dates"

# The tool's own connecting words (nothing about the law), in the three languages.
WORDS: dict[str, dict[str, str]] = {
    "exercise": {"en": "Exercise", "ru": "Упражнение", "kk": "Жаттығу"},
    "exercises": {"en": "Exercises", "ru": "Упражнения", "kk": "Жаттығулар"},
    "answer key": {"en": "Answer key", "ru": "Ответы", "kk": "Жауаптар кілті"},
    "the case": {"en": "The case", "ru": "Обстоятельства", "kk": "Іс мән-жайы"},
    "asked on": {"en": "The question is asked on {date}.", "ru": "Вопрос задан на {date}", "kk": "Сұрақ {date} күнгі жағдай бойынша қойылған."},
    "what status": {"en": "What is the status of: {reading}?", "ru": "Каков статус: {reading}?",
                    "kk": "Мәртебесі қандай: {reading}?"},
    "pick status": {"en": "Status", "ru": "Статус", "kk": "Мәртебе"},
    "pick norm": {"en": "Deciding norm", "ru": "Решающая норма", "kk": "Шешетін норма"},
    "pick defeated": {"en": "Norm it prevails over", "ru": "Норма, над которой она берёт верх", "kk": "Ол басым болатын норма"},
    "pick principle": {"en": "Principle", "ru": "Принцип", "kk": "Қағида"},
    "no norm": {"en": "no norm decides", "ru": "ни одна норма не решает", "kk": "ешбір норма шешпейді"},
    "none defeated": {"en": "it prevails over no norm", "ru": "ни над какой нормой", "kk": "ешбір нормадан басым емес"},
    "no principle": {"en": "no conflict to resolve", "ru": "нет коллизии", "kk": "коллизия жоқ"},
    "principle binding interpretation": {"en": "binding interpretation", "ru": "обязательное толкование",
                                         "kk": "міндетті түсіндірме"},
    "from date": {"en": "(from {date})", "ru": "(с {date})", "kk": "({date:abl} бастап)"},
    "seed": {"en": "seed {seed}", "ru": "вариант {seed}", "kk": "{seed}-нұсқа"},
    "level": {"en": "level {level}", "ru": "уровень {level}", "kk": "{level}-деңгей"},
    "topic": {"en": "topic: {topic}", "ru": "тема: {topic}", "kk": "тақырыбы: {topic}"},
    "dates topic": {"en": "dates", "ru": "даты", "kk": "күндер"},
    "until date": {"en": "(until {date})", "ru": "(до {date})", "kk": "({date:dat} дейін)"},
    "between dates": {"en": "(from {start} until {end})", "ru": "(с {start} до {end})", "kk": "({start:abl} бастап {end:dat} дейін)"},
    "correct": {"en": "Correct.", "ru": "Верно.", "kk": "Дұрыс."},
    "wrong status": {"en": "You chose {chosen}; the knowledge base says {right}.",
                     "ru": "Вы выбрали «{chosen}»; по базе знаний — «{right}».",
                     "kk": "Сіз «{chosen}» деп таңдадыңыз; білім қоры бойынша — «{right}»."},
    "wrong norm": {"en": "You chose {chosen}; the deciding norm is {right}.",
                   "ru": "Вы выбрали {chosen}; решает норма {right}.",
                   "kk": "Сіз {chosen} таңдадыңыз; шешетін норма — {right}."},
    "wrong norm none": {"en": "You chose {chosen}; no norm decides this answer.",
                        "ru": "Вы выбрали {chosen}; ни одна норма не решает этот ответ.",
                        "kk": "Сіз {chosen} таңдадыңыз; бұл жауапты ешбір норма шешпейді."},
    "wrong defeated": {"en": "You chose {chosen} as the norm it prevails over; the answer is {right}.",
                       "ru": "Вы выбрали {chosen} как норму, над которой она берёт верх; верно — {right}.",
                       "kk": "Сіз {chosen} нормасын таңдадыңыз; дұрысы — {right}."},
    "wrong principle": {"en": "You chose {chosen}; the principle is {right}.",
                        "ru": "Вы выбрали {chosen}; принцип — {right}.",
                        "kk": "Сіз {chosen} таңдадыңыз; қағида — {right}."},
    "not deciding": {"en": "{norm} does not decide this answer.", "ru": "{norm} не решает этот ответ.",
                     "kk": "{norm} бұл жауапты шешпейді."},
    "day before": {"en": "On {date} (the day before) the status was {status}.",
                   "ru": "{date} (накануне) статус был «{status}».", "kk": "Алдыңғы күні, {date} күні, мәртебе «{status}» болды."},
    "unknown topic": {"en": "no exercise on the topic {topic!r}", "ru": "нет упражнений по теме {topic!r}",
                      "kk": "{topic!r} тақырыбы бойынша жаттығу жоқ"},
}


def tr(key: str, language: str, **values) -> str:
    entry = WORDS.get(key)
    if entry is None:
        return word(key, language, **values)
    text = entry.get(language) or entry["en"]
    return fill(text, language, **values) if values else text


@dataclass(frozen=True)
class Case:
    """A case of the case space: a bundled case, or one with a fact left out."""

    name: str
    facts: tuple[str, ...]      # fact lines as the DSL writes them (with their intervals)


@dataclass(frozen=True)
class Row:
    """One answer of the case space: all the exercise generator needs."""

    case: Case
    at: datetime.date
    atom: str
    status: str
    norm: str | None                                 # the deciding norm
    defeated: tuple[tuple[str, str], ...] = ()       # (norm id, principle)
    supporting: tuple[str, ...] = ()                 # other norms with the same status
    status_before: str | None = None                 # on the day before `at`, where `at` is a change day
    facts_predicates: tuple[str, ...] = ()


# ------------------------------------------------------------------ the cases and the asking

class Asker:
    """Asks the pipeline about a case given as fact lines (written to a private temporary folder, never kb/)."""

    def __init__(self, kb_dir: Path | None = None):
        self.kb_dir = Path(kb_dir) if kb_dir else None
        self._folder = tempfile.TemporaryDirectory(prefix="zan-exercises-")

    def close(self) -> None:
        self._folder.cleanup()

    def case_file(self, case: Case) -> Path:
        text = "".join(line + "\n" for line in case.facts)
        path = Path(self._folder.name) / (hashlib.sha256(text.encode()).hexdigest()[:16] + ".facts")
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        return path

    def ask(self, query: str | n.Query, case: Case, at: datetime.date, explain: bool = True):
        return ask(query, at, self.kb_dir, [self.case_file(case)], explain=explain)


def fact_line(clause: n.Clause) -> str:
    interval = clause.interval
    text = str(clause.head)
    if interval and interval.start:
        text += f" from {interval.start.isoformat()}"
        if interval.end:
            text += f" to {interval.end.isoformat()}"
    return text + "."


def bundled_cases(kb_dir: Path | None = None) -> list[Case]:
    """The example cases and the sample case of the knowledge base, as fact lines."""
    folder = Path(kb_dir) if kb_dir else default_kb()
    files = sorted(p for p in (folder / "cases").glob("*.facts") if p.is_file()) + sample_case_files(folder)
    cases = []
    for path in files:
        kb = load([path])
        cases.append(Case(path.stem, tuple(fact_line(c) for c in kb.clauses if c.is_fact)))
    return cases


def variants(case: Case) -> list[Case]:
    """The case itself and, for each of its facts, the case without it."""
    out = [case]
    for i, line in enumerate(case.facts):
        out.append(Case(f"{case.name} - {line.rstrip('.')}", case.facts[:i] + case.facts[i + 1:]))
    return out


def law(kb_dir: Path | None = None) -> KnowledgeBase:
    kb, _facts, _warnings = load_checked(kb_dir, None)
    return kb


def deontic_predicates(kb: KnowledgeBase) -> list[str]:
    return sorted({norm.clause.head.predicate for norm in kb.norms.values()
                   if norm.clause is not None and norm.clause.modality})


def day_plan(kb: KnowledgeBase, fits) -> tuple[list[tuple[datetime.date, str]], list[tuple[datetime.date, str]]]:
    """(day, predicate) pairs to ask around, in two tiers: first each day the law changed with the predicates
    its changes conclude (a norm coming into force, ceasing or falling due, or the norm it interprets or
    excepts); then, for a topic those changes do not reach, every other day a modal norm changes force with
    every predicate. Only the pairs that `fits` (the topic) keeps."""
    heads = {nid: norm.clause.head.predicate for nid, norm in kb.norms.items() if norm.clause is not None and norm.clause.modality}
    first = []
    for change in amending_days(kb):
        changed = change.came_into_force + change.ceased + change.overdue
        related = [ref.norm_id for nid in change.came_into_force
                   for ref in (*kb.norms[nid].exception_to, *kb.norms[nid].interprets)]
        predicates = sorted({heads[nid] for nid in (*changed, *related) if nid in heads})
        first += [(change.date, p) for p in predicates if fits(change.date, p)]
    modal = set(heads)
    rest = [(d.date, p) for d in change_days(kb) if modal & set(d.came_into_force + d.ceased + d.overdue)
            for p in deontic_predicates(kb) if (d.date, p) not in first and fits(d.date, p)]
    return first, rest


def ordered(tiers, rng: random.Random, predicate_of) -> list:
    """Each tier shuffled and its predicates taken in turn; the first tier first."""
    out = []
    for tier in tiers:
        tier = list(tier)
        rng.shuffle(tier)
        out += interleaved(tier, predicate_of)
    return out


def interleaved(plan: list, predicate_of) -> list:
    """The (shuffled) plan with its predicates taken in turn, so that a sheet is not all about one of them."""
    groups: dict[str, list] = {}
    for item in plan:
        groups.setdefault(predicate_of(item), []).append(item)
    out, queues = [], list(groups.values())
    while queues:
        out += [q.pop(0) for q in queues]
        queues = [q for q in queues if q]
    return out


def deciding_days(kb: KnowledgeBase) -> list[datetime.date]:
    """The days the law changed (engine/tools/timeline.amending_days: law already in force is excepted,
    interpreted, ended or falls due; for the bundled kb the ruling's day), on which a norm concluding with a
    modality changes its force (or an obligation falls due). Not the days a body of law merely begins, when
    everything is new and nothing is a change a trainee could reason about."""
    modal = {nid for nid, norm in kb.norms.items() if norm.clause is not None and norm.clause.modality}
    return [d.date for d in amending_days(kb) if modal & set(d.came_into_force + d.ceased + d.overdue)]


def case_space(kb_dir: Path | None = None, rng: random.Random | None = None,
               asker: Asker | None = None, topic: str | None = None) -> Iterator[Row]:
    """Rows of the case space, in an order drawn by rng (lazily: each case and date is asked when reached).

    With a topic, only the cases, dates and predicates that can reach it are asked (see `reaches`).
    """
    rng = rng or random.Random(0)
    kb = law(kb_dir)
    own = asker is None
    asker = asker or Asker(kb_dir)
    try:
        cases = [v for c in bundled_cases(kb_dir) for v in variants(c)]
        tiers: list[list[tuple[Case, datetime.date, str]]] = [[], []]
        for c in cases:
            for tier, pairs in zip(tiers, day_plan(kb, lambda d, p, c=c: topic is None or reaches(kb, topic, c, d, p))):
                tier += [(c, d, p) for d, p in pairs]
        for case, day, predicate in ordered(tiers, rng, lambda item: item[2]):
            arity = next(norm.clause.head.arity for norm in kb.norms.values()
                         if norm.clause is not None and norm.clause.head.predicate == predicate)
            query = f"{predicate}({', '.join(f'X{i}' for i in range(arity))})" if arity else predicate
            after = asker.ask(query, case, day, explain=False)
            before = asker.ask(query, case, day - DAY, explain=False)
            earlier = {t.answer.values: t.answer.status for t in before.traces}
            predicates_of_case = tuple(sorted({line.split("(")[0] for line in case.facts}))
            for result, at, previous in ((before, day - DAY, {}), (after, day, earlier)):
                doc = document(result, "en")
                explained = list(zip(result.traces, doc["answers"]))
                rng.shuffle(explained)
                for t, a in explained:
                    tr_ = a["trace"]
                    decided = tr_.get("decided_by")
                    yield Row(case, at, a["atom"], a["status"], decided["id"] if decided else None,
                              tuple((d["norm"]["id"], d["principle"]) for d in tr_.get("defeated", [])),
                              tuple(r["id"] for r in tr_.get("also_supported_by", [])),
                              previous.get(t.answer.values), predicates_of_case)
    finally:
        if own:
            asker.close()


_SPACES: dict[tuple, dict] = {}


def space_rows(kb_dir: Path | None = None, rng: random.Random | None = None, topic: str | None = None) -> Iterator[Row]:
    """Rows of the case space as `zan cases` computes it (engine/tools/cases.py): every case the law distinguishes.

    Each row's case is the facts that hold in it (over the generic persons `zan cases` names); it is
    asked at every day a deontic norm's force changed, compared with the day before. A space is
    computed once per process and question.
    """
    from engine.logic.diagrams import Budget, budget_clock
    from engine.tools.cases import CASES_BUDGET, cases, document as space_document

    rng = rng or random.Random(0)
    kb = law(kb_dir)
    deadline = budget_clock() + SPACES_SECONDS
    tiers = day_plan(kb, lambda d, p: topic is None or topic == p or reaches(kb, topic, Case("", ()), d, p)
                     or topic in kb.predicates)
    for day, predicate in ordered(tiers, rng, lambda item: item[1]):
        arity = next(norm.clause.head.arity for norm in kb.norms.values()
                     if norm.clause is not None and norm.clause.head.predicate == predicate)
        query = f"{predicate}({', '.join(f'X{i}' for i in range(arity))})" if arity else predicate
        key = (query, day, str(kb_dir))
        if key not in _SPACES:
            left = deadline - budget_clock()
            if left <= 0:
                return                  # the spaces' budget is spent: the sheet has what was found so far
            try:
                space = cases(query, day, kb_dir, compare=day - DAY,
                              budget=Budget(CASES_BUDGET.entries, min(CASES_BUDGET.seconds, left)))
            except ZanError as e:
                if all(d.code == "too-large" for d in e.diagnostics):
                    continue            # a space past its bound gives no rows; the others still may
                raise
            _SPACES[key] = space_document(space, "en")
        doc = _SPACES[key]
        rows = list(enumerate(doc["rows"]))
        rng.shuffle(rows)
        for i, r in rows:
            # the row's representative case (a row of an ordered table decides only what no row above takes)
            facts = r.get("case", r["holds"])
            case = Case(f"{query} {day.isoformat()} #{i + 1}", tuple(f"{h}." for h in facts))
            compared = r.get("compared") or {}
            yield Row(case, day, r["atom"], r["status"], (r.get("deciding") or {}).get("id"), (), (),
                      compared.get("status"), tuple(sorted({h.split("(")[0] for h in facts})))


def reaches(kb: KnowledgeBase, topic: str, case: Case, day: datetime.date, predicate: str) -> bool:
    """Whether asking `predicate` of `case` around `day` can give a row on `topic` (a cheap look at the kb, no asking)."""
    modal = [(norm, norm.clause) for norm in kb.norms.values()
             if norm.clause is not None and norm.clause.modality and norm.clause.head.predicate == predicate]
    if topic == predicate:
        return True
    if topic == DATES_TOPIC:
        return any(d.date == day and {m.id for m, _c in modal} & set(d.came_into_force + d.ceased + d.overdue)
                   for d in change_days(kb))
    if any(line.split("(")[0] == topic for line in case.facts):
        return True
    if any(topic in id_words(m.id, kb) for m, _c in modal):
        return True
    return topic in kb.constants and any(isinstance(t, n.Constant) and t.value == topic
                                         for _m, clause in modal for t in clause.head.args)


# ------------------------------------------------------------------ topics

def id_words(norm_id: str, kb: KnowledgeBase) -> set[str]:
    """The words of a norm id that are not the act's key or a number: code.12.1.sale -> {sale}."""
    return {part for part in norm_id.split(".") if part and not part.isdigit() and part not in kb.acts}


def row_topics(row: Row, kb: KnowledgeBase) -> set[str]:
    topics = set(row.facts_predicates) | {row.atom.split("(")[0]}
    query = n.Query(None, _parse_atom(row.atom), Span("<exercise>", 1, 1))
    topics |= {str(t.value) for t in query.atom.args if isinstance(t, n.Constant) and str(t.value) in kb.constants}
    for nid in [row.norm] + [d for d, _ in row.defeated]:
        if nid:
            topics |= id_words(nid, kb)
    if row.status_before is not None and row.status_before != row.status:
        topics.add(DATES_TOPIC)
    return topics


def topics(kb: KnowledgeBase) -> list[str]:
    """Every topic word the kb offers (whether some bundled case reaches it or not)."""
    found = {DATES_TOPIC} | set(kb.constants)
    for norm in kb.norms.values():
        if norm.clause is not None and norm.clause.modality:
            found |= id_words(norm.id, kb)
    found |= {p for p in kb.predicates}
    return sorted(found)


def _parse_atom(text: str) -> n.Atom:
    from engine.pipeline import parse_question
    return parse_question(text).atom


# ------------------------------------------------------------------ exercises

@dataclass
class Exercise:
    number: int
    row: Row
    doc: dict                                     # the answer's explanation (the JSON contract's Answer)
    story: list[str]
    question: str
    choices: dict[str, list]
    answer: dict
    reasons: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"number": self.number, "case": {"name": self.row.case.name, "facts": list(self.row.case.facts),
                                                "story": self.story},
                "at": self.row.at.isoformat(), "atom": self.row.atom, "question": self.question,
                "choices": self.choices, "answer": self.answer, "reasons": self.reasons,
                "explanation": self.doc["trace"]["summary"]["text"],
                "topics": sorted(self.row_topics), "status_before": self.row.status_before}

    row_topics: set = field(default_factory=set)


def norm_label(ref: dict | None, language: str) -> str:
    if ref is None:
        return tr("no norm", language)
    return f"{ref.get('cited_as') or ref.get('citation') or ref['id']} ({ref['id']})"   # cited in the reader's language


def story(case: Case, explainer: Explainer, language: str) -> list[str]:
    """The case told in words: each fact through its predicate's `reads` template, with its dates."""
    kb = load_case(case)
    out = []
    for clause in kb.clauses:
        if not clause.is_fact:
            continue
        head = clause.head
        values = head.ground_values()
        text = explainer.reading(head.predicate, values) or str(head)
        interval = clause.interval
        if interval and interval.start and interval.end:
            text += " " + tr("between dates", language, start=say_date(interval.start, language),
                               end=say_date(interval.end, language))
        elif interval and interval.start:
            text += " " + tr("from date", language, date=say_date(interval.start, language))
        elif interval and interval.end:
            text += " " + tr("until date", language, date=say_date(interval.end, language))
        out.append(text)
    return out


def load_case(case: Case) -> KnowledgeBase:
    from engine.syntax.parser import parse_module
    kb = KnowledgeBase()
    text = "".join(line + "\n" for line in case.facts)
    kb.add(parse_module(text, f"{case.name}.facts"), text)
    return kb


def principle_label(principle: str | None, language: str) -> str:
    """A principle as the sheet's reader names it: the Latin maxims as lawyers write them, the others in words."""
    if not principle:
        return tr("no principle", language)
    return tr("principle " + principle, language) if "principle " + principle in WORDS else principle


def build(number: int, row: Row, kb: KnowledgeBase, asker: Asker, rng: random.Random, language: str,
          level: int) -> Exercise:
    result = asker.ask(row.atom, row.case, row.at, explain=True)
    doc = document(result, language)
    answer_doc = doc["answers"][0]
    t = answer_doc["trace"]
    explainer = Explainer(result.kb, result.program, language)
    decided = t.get("decided_by")
    supporting = {r["id"] for r in t.get("also_supported_by", [])}
    predicate = row.atom.split("(")[0]
    refs = {}
    for nid, norm in sorted(result.kb.norms.items()):
        if norm.clause is not None and norm.clause.modality and norm.clause.head.predicate == predicate:
            refs[nid] = explainer.norm_ref(nid, full=False)
    candidates = [nid for nid in refs if nid not in supporting and nid != (decided or {}).get("id")]
    rng.shuffle(candidates)
    right_norm = decided["id"] if decided else None
    norm_options = ([right_norm] if right_norm else []) + candidates[:3] + [None]
    rng.shuffle(norm_options)
    statuses = list(STATUSES)
    choices = {"status": [{"value": s, "label": word(s, language)} for s in statuses],
               "norm": [{"value": nid, "label": norm_label(refs.get(nid) if nid else None, language),
                         "quote": (refs[nid] or {}).get("quote") if nid else None} for nid in norm_options]}
    answer = {"status": answer_doc["status"], "norm": right_norm}
    reasons: dict[str, str] = {}
    for d in t.get("defeated", []):
        reasons.setdefault(d["norm"]["id"], d["explanation"])
    for w in t.get("why_not", []):
        if w.get("norm"):
            reasons.setdefault(w["norm"]["id"], w["explanation"])
    for nid in norm_options:
        if nid and nid != right_norm:
            reasons.setdefault(nid, tr("not deciding", language, norm=norm_label(refs[nid], language)))
    if level >= 2:
        defeated = [d for d in t.get("defeated", [])]
        right = defeated[rng.randrange(len(defeated))] if defeated else None
        beaten = {d["norm"]["id"] for d in defeated}
        others = [nid for nid in refs if nid not in beaten and nid != right_norm and nid not in supporting]
        rng.shuffle(others)
        options = ([right["norm"]["id"]] if right else []) + others[:2] + [None]
        rng.shuffle(options)
        choices["defeated"] = [{"value": nid, "label": norm_label(refs.get(nid), language) if nid else tr("none defeated", language)}
                               for nid in options]
        choices["principle"] = [{"value": p, "label": principle_label(p, language)} for p in PRINCIPLES] + \
                               [{"value": None, "label": tr("no principle", language)}]
        answer["defeated"] = right["norm"]["id"] if right else None
        answer["principle"] = right["principle"] if right else None
        if right:
            reasons["principle"] = right["explanation"]
    reading = t.get("reading") or row.atom
    question = tr("what status", language, reading=reading)
    ex = Exercise(number, row, answer_doc, story(row.case, explainer, language), question, choices, answer, reasons)
    ex.row_topics = row_topics(row, kb)
    if row.status_before is not None and DATES_TOPIC in ex.row_topics:
        ex.story.append(tr("day before", language, date=say_date(row.at - DAY, language), status=word(row.status_before, language)))
    return ex


SOURCES = ("bundled", "cases")
SPACES_SECONDS = 30.0    # all the case spaces one sheet of source `cases` computes (each within CASES_BUDGET too)


def generate(count: int = 5, seed: int = 0, topic: str | None = None, language: str = "en", level: int = 1,
             kb_dir: Path | None = None, budget: int = 400, source: str = "bundled") -> dict:
    """`count` exercises drawn with `seed` (the same seed gives the same sheet), on `topic` if given.

    source: `bundled`, the bundled cases and their variants (named persons, quick), or `cases`, the
    rows of `zan cases` (every case the law distinguishes, generic persons; a large space takes seconds).

    At most one exercise per case, date and predicate asked, and per case and atom. `budget` bounds how many rows are looked at.
    """
    kb = law(kb_dir)
    if topic is not None and topic not in topics(kb):
        guess = did_you_mean(topic, topics(kb))
        from engine.base.messages import message

        raise ZanError([Diagnostic("unknown-topic", tr("unknown topic", language, topic=topic),
                                   Span("<command line>", 1, 1),
                                   hint=message("did you mean", language, guess=guess) if guess else
                                   message("topics are", language, topics=", ".join(topics(kb))))])
    rng = random.Random(seed)
    asker = Asker(kb_dir)
    exercises: list[Exercise] = []
    try:
        seen: set[tuple] = set()
        looked = 0
        rows = space_rows(kb_dir, random.Random(seed), topic) if source == "cases" else \
            case_space(kb_dir, random.Random(seed), asker, topic)
        for row in rows:
            looked += 1
            if looked > budget * max(count, 1) or len(exercises) >= count:
                break
            key = (row.case.facts, row.at, row.atom.split("(")[0])
            if key in seen or (row.case.facts, row.atom) in seen or row.status not in STATUSES:
                continue
            if topic is not None and topic not in row_topics(row, kb):
                continue
            seen |= {key, (row.case.facts, row.atom)}
            exercises.append(build(len(exercises) + 1, row, kb, asker, rng, language, level))
    finally:
        asker.close()
    return {"seed": seed, "topic": topic, "level": level, "lang": language, "source": source,
            "topic_label": topic_label(kb, topic, language) if topic else None,
            "exercises": [e.as_json() for e in exercises]}


def topic_label(kb, topic: str, language: str) -> str:
    """A topic as the reader's language names it: a predicate's or constant's label, else the word itself."""
    from engine.explain.phrasebook import Phrasebook
    if topic == DATES_TOPIC:
        return tr("dates topic", language)
    phrases = Phrasebook(kb, language)
    if topic in kb.predicates or topic in kb.constants:
        return phrases.label(topic) or phrases.value_label(topic)
    # a word of norms' ids ("death"): those norms, by id and as the reader cites them
    named = sorted(nid for nid in kb.norms if topic in nid.split("."))
    return "; ".join(phrases.norm_name(nid, kb.norms[nid].citation) for nid in named) or topic


def sheet_frame(sheet: dict) -> str:
    """"seed 7, topic: death, level 1" in the sheet's language."""
    language = sheet["lang"]
    parts = [tr("seed", language, seed=sheet["seed"])]
    if sheet.get("topic"):
        parts.append(tr("topic", language, topic=sheet.get("topic_label") or sheet["topic"]))
    parts.append(tr("level", language, level=sheet["level"]))
    return ", ".join(parts)


def grade(exercise: dict, response: dict, language: str = "en") -> dict:
    """Compares a response ({"status", "norm", ["defeated", "principle"]}) with the exercise's answer.

    The explanation is built from the answer's own explanation: its summary, and the defeat or
    why-not of the norm chosen.
    """
    answer = exercise["answer"]
    parts = {key: response.get(key) == answer[key] for key in answer}
    labels = {key: {c["value"]: c["label"] for c in exercise["choices"].get(key, [])} for key in answer}
    said: list[str] = []
    if not parts["status"]:
        said.append(tr("wrong status", language, chosen=word(str(response.get("status")), language),
                       right=word(answer["status"], language)))
    if not parts["norm"]:
        chosen = labels["norm"].get(response.get("norm"), str(response.get("norm")))
        said.append(tr("wrong norm", language, chosen=chosen, right=labels["norm"].get(answer["norm"], str(answer["norm"])))
                    if answer["norm"] else tr("wrong norm none", language, chosen=chosen))
        reason = exercise["reasons"].get(response.get("norm") or "")
        if reason:
            said.append(reason)
    if "defeated" in answer and not parts["defeated"]:
        said.append(tr("wrong defeated", language, chosen=labels["defeated"].get(response.get("defeated"), "?"),
                       right=labels["defeated"].get(answer["defeated"], "?")))
    if "principle" in answer and not parts["principle"]:
        said.append(tr("wrong principle", language, chosen=principle_label(response.get("principle"), language),
                       right=principle_label(answer["principle"], language)))
        if exercise["reasons"].get("principle"):
            said.append(exercise["reasons"]["principle"])
    correct = all(parts.values())
    if correct:
        said.insert(0, tr("correct", language))
    said.append(exercise["explanation"])
    return {"correct": correct, "parts": parts, "explanation": said}


def grade_all(sheet: dict, responses: Sequence[dict], language: str = "en") -> list[dict]:
    return [grade(e, r, language) for e, r in zip(sheet["exercises"], responses)]


# ------------------------------------------------------------------ sheets: text and HTML (printable)

def sheet_text(sheet: dict, key: bool = False) -> str:
    language = sheet["lang"]
    out: list[str] = []
    for e in sheet["exercises"]:
        out.append(f"{tr('exercise', language)} {e['number']}")
        out.append(f"  {tr('the case', language)}:")
        out += [f"    - {line}" for line in e["case"]["story"]]
        out.append("  " + tr("asked on", language, date=say_date(e["at"], language)))
        out.append(f"  {e['question']}")
        for part in ("status", "norm", "defeated", "principle"):
            if part in e["choices"]:
                out.append(f"  {tr('pick ' + part, language)}:")
                out += [f"    {chr(97 + i)}) {c['label']}" for i, c in enumerate(e["choices"][part])]
        out.append("")
    if key:
        out.append(tr("answer key", language))
        out += answer_key_lines(sheet)
    return "\n".join(out) + "\n"


def answer_key_lines(sheet: dict) -> list[str]:
    out = []
    for e in sheet["exercises"]:
        letters = []
        for part in ("status", "norm", "defeated", "principle"):
            if part in e["answer"]:
                values = [c["value"] for c in e["choices"][part]]
                i = values.index(e["answer"][part])
                letters.append(f"{chr(97 + i)}) {e['choices'][part][i]['label']}")
        out.append(f"  {e['number']}. " + "; ".join(letters) + f" — {e['explanation']}")
    return out


def sheet_html(sheet: dict, key: bool = True) -> str:
    from html import escape
    language = sheet["lang"]
    body = [f"<h1>{escape(tr('exercises', language))}</h1>",
            f'<p class="muted">{escape(sheet_frame(sheet))}</p>']
    for e in sheet["exercises"]:
        body.append(f'<section class="exercise"><h2>{escape(tr("exercise", language))} {e["number"]}</h2>')
        body.append(f"<h3>{escape(tr('the case', language))}</h3><ul>"
                    + "".join(f"<li>{escape(line)}</li>" for line in e["case"]["story"]) + "</ul>")
        body.append(f"<p>{escape(tr('asked on', language, date=say_date(e['at'], language)))}</p><p><b>{escape(e['question'])}</b></p>")
        for part in ("status", "norm", "defeated", "principle"):
            if part in e["choices"]:
                body.append(f"<p>{escape(tr('pick ' + part, language))}:</p><ol type=\"a\">"
                            + "".join(f"<li>☐ {escape(c['label'])}</li>" for c in e["choices"][part]) + "</ol>")
        body.append("</section>")
    if key:
        body.append(f'<section class="key"><h2>{escape(tr("answer key", language))}</h2><ol>'
                    + "".join(f"<li>{escape(line.split('. ', 1)[1])}</li>" for line in answer_key_lines(sheet)) + "</ol></section>")
    style = ("body{font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;line-height:1.4}"
             ".muted{color:#666}.exercise{border-bottom:1px solid #ccc;padding-bottom:1em}"
             # printed: an exercise may run on to the next page (kept whole, a long first one would leave the
             # title alone on page 1), but never between a heading and what follows, or inside a list of choices
             "@media print{h1,h2,h3,.muted{break-after:avoid}.exercise ul,.exercise ol,.exercise p{break-inside:avoid}"
             ".key{break-before:page}}")
    return ("<!DOCTYPE html>\n" f'<html lang="{escape(language)}"><head><meta charset="utf-8">'
            f"<title>{escape(tr('exercises', language))}</title><style>{style}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
