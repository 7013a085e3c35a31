"""The engine's own words in Kazakh, Russian and English; everything about the law comes from the knowledge base.

Entries are keyed by a short English name. A value may hold `{placeholders}` that the caller fills
with citations, dates, labels or readings taken from the knowledge base: no sentence here says
anything about the law itself.

`EXPLANATION_WORDS` are the words of a question's answer and its explanation (statuses, headings and labels,
contrastive sentences, the tree and its steps); the words of the tools around it (`zan cases` and --how, `zan diff`, a
question in words as understood, the vocabulary, `zan test`, the language server) and the controlled language's
question words are in engine/explain/tool_words.py, imported at the first of them a command says (`word`) or asks for:
`WORDS` (every word of both), `QUESTION_WORDS`, `POSSESSIVES`, `CONJUNCTIONS`, `NEGATIONS`, `VERB_ENDINGS` and
`CONDITIONAL_ENDINGS` are given here as this module's own. A question answered from the cache imports none of them.
"""

from __future__ import annotations

import re
import string

from engine.base.dates import DATE_WORDS as DATE_WORDS, MONTH_NAMES as MONTH_NAMES   # re-exported (see below)
from engine.base.messages import Catalogue

EXPLANATION_WORDS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ statuses
    "permitted": {"en": "permitted", "ru": "разрешено", "kk": "рұқсат етілген"},
    "prohibited": {"en": "prohibited", "ru": "запрещено", "kk": "тыйым салынған"},
    "obligatory": {"en": "obligatory", "ru": "обязательно", "kk": "міндетті"},
    "discretionary": {"en": "discretionary", "ru": "на усмотрение администрации", "kk": "әкімшіліктің қалауы бойынша"},
    "undetermined": {"en": "undetermined", "ru": "не определено", "kk": "(білім қорында) шешілмеген"},
    "holds": {"en": "holds", "ru": "установлено", "kk": "анықталды"},
    "not-established": {"en": "not established", "ru": "не установлено", "kk": "анықталмады"},
    "absent": {"en": "no answer", "ru": "нет ответа", "kk": "жауап жоқ"},
    "definition": {"en": "definition", "ru": "определение", "kk": "анықтама"},
    "provision": {"en": "provision", "ru": "положение", "kk": "норма"},
    "norms in force": {"en": "{count} norms in force on {date}", "ru": "норм, действующих на {date}: {count}",
                       "kk": "{date} күні күшіндегі нормалар саны: {count}"},
    # ------------------------------------------------------------ headings and labels
    "answers": {"en": "answers", "ru": "ответы", "kk": "жауаптар"},
    "legend": {"en": "legend", "ru": "условные обозначения", "kk": "шартты белгілер"},
    "norm": {"en": "norm", "ru": "норма", "kk": "норма"},
    "answer": {"en": "answer", "ru": "ответ", "kk": "жауап"},
    "no answers": {"en": "no answers", "ru": "ответов нет", "kk": "жауап жоқ"},
    "question": {"en": "question", "ru": "вопрос", "kk": "сұрақ"},
    "at": {"en": "on", "ru": "на дату", "kk": "күні"},
    "on day": {"en": "on {date}", "ru": "на {date}", "kk": "{date} күні"},   # the date of a question, said in words
    "on days": {"en": "on {date} / {compare}", "ru": "на {date} / {compare}", "kk": "{date} / {compare} күндері"},
    "date": {"en": "date", "ru": "дата", "kk": "күні"},
    "decided by": {"en": "decided by", "ru": "решающая норма", "kk": "шешетін норма"},
    "also by": {"en": "also supported by", "ru": "также подтверждается", "kk": "сондай-ақ негізі"},
    "because": {"en": "because", "ru": "поскольку", "kk": "себебі"},
    "bindings": {"en": "with", "ru": "при", "kk": "мұнда"},
    "rests on": {"en": "rests on", "ru": "основана на", "kk": "негізі"},
    "see": {"en": "see", "ru": "см.", "kk": "қараңыз"},
    "defeated": {"en": "defeated", "ru": "нормы, уступившие в коллизии", "kk": "басымдық берілмеген нормалар"},
    "defeats": {"en": "defeats", "ru": "имеет приоритет перед", "kk": "басым болады"},
    "fact": {"en": "fact", "ru": "факт", "kk": "факт"},
    "rule": {"en": "rule", "ru": "правило", "kk": "ереже"},
    "not": {"en": "not", "ru": "не", "kk": "емес"},
    "no fact": {"en": "no fact or rule establishes", "ru": "ни факт, ни правило не устанавливает",
                "kk": "ешбір факт не ереже анықтамайды"},
    "does not apply": {"en": "does not apply", "ru": "не применяется", "kk": "қолданылмайды"},
    "why not": {"en": "why not", "ru": "почему нет", "kk": "неге жоқ"},
    "why not permitted": {"en": "why not permitted", "ru": "почему не разрешено", "kk": "неге рұқсат етілмеген"},
    "why not decided": {"en": "why no norm decides", "ru": "почему ни одна норма не решает", "kk": "неге ешбір норма шешпейді"},
    "why not established": {"en": "why it is not established", "ru": "почему не установлено", "kk": "неге анықталмаған"},
    "missing": {"en": "missing", "ru": "отсутствует", "kk": "жоқ"},
    "holds, but must not": {"en": "holds, but the norm requires that it does not", "ru": "установлено, а норма требует обратного",
                            "kk": "анықталды, ал норма керісінше талап етеді"},
    "comparison false": {"en": "is false", "ru": "неверно", "kk": "жалған"},
    "not in force": {"en": "is not in force on", "ru": "не действует на", "kk": "күшінде емес:"},
    # a norm's dates as `zan show` and `zan cases` say them: entered into force (or, a day still to come, enters),
    # and the last day in force, inclusive (engine.explain.phrasebook.say_in_force)
    "in force from": {"en": "in force from {date}", "ru": "вступила в силу {date}", "kk": "{date:abl} бастап күшіне енген"},
    "in force from later": {"en": "in force from {date}", "ru": "вступает в силу {date}",
                            "kk": "{date:abl} бастап күшіне енеді"},
    # after a citation («п. 1 постановления № 60-НП, действует с ...»), where a verb would agree with the citation
    "in force since": {"en": "in force from {date}", "ru": "действует с {date}", "kk": "{date:abl} бастап күшіне енген"},
    "in force until": {"en": "in force until {date}", "ru": "действует до {date} включительно",
                       "kk": "{date:acc} қоса алғанға дейін күшінде"},
    "no norm": {"en": "no norm of the knowledge base decides this", "ru": "ни одна норма базы знаний этого не решает",
                "kk": "білім қорының ешбір нормасы мұны шешпейді"},
    "ambiguity": {"en": "unresolved conflict", "ru": "неразрешённая коллизия", "kk": "шешілмеген коллизия"},
    "ambiguity explained": {"en": "neither norm prevails by exception, rank or date",
                            "ru": "ни одна норма не имеет приоритета ни как исключение, ни по юридической силе, ни по дате",
                            "kk": "ешбір нормаға ерекшелік, заңдық күші не күн бойынша басымдық берілмейді"},
    "lex specialis": {"en": "lex specialis: {winner} is an exception to {loser}",
                      "ru": "lex specialis: {winner} является исключением из {loser}",
                      "kk": "lex specialis: {winner} — {loser} нормасынан ерекшелік"},
    "lex specialis words": {"en": "{winner} prevails over {loser}: the text of {where} says «{words}»",
                            "ru": "{winner} имеет приоритет над {loser}: текст {where} гласит «{words}»",
                            "kk": "{winner} {loser} нормасынан басым: {where} мәтінінде «{words}» делінген"},
    "lex specialis short": {"en": "lex specialis: an explicit exception", "ru": "lex specialis: прямо указанное исключение",
                            "kk": "lex specialis: тікелей көрсетілген ерекшелік"},
    "lex superior": {"en": "lex superior: {winner_act} (rank {winner_rank}) prevails over {loser_act} (rank {loser_rank})",
                     "ru": "lex superior: {winner_act} (юридическая сила {winner_rank}) имеет приоритет перед {loser_act} (юридическая сила {loser_rank})",
                     "kk": "lex superior: {winner_act} (заңдық күші {winner_rank}) {loser_act} (заңдық күші {loser_rank}) актісінен басым болады"},
    "lex posterior": {"en": "lex posterior: in force from {winner_date}, later than {loser_date}",
                      "ru": "lex posterior: действует с {winner_date}, позже чем с {loser_date}",
                      "kk": "lex posterior: {winner_date:abl} бастап күшінде, {loser_date} күнінен кейін"},
    "binding interpretation": {
        "en": "{interpreted}, in the binding interpretation of {act} ({points}), does not extend to this: {reading}",
        "ru": "{interpreted} в обязательном истолковании {act:gen} ({points}) не распространяется на это: {reading}",
        "kk": "{interpreted} {act:gen} міндетті түсіндірмесінде ({points}) бұған қолданылмайды: {reading}"},
    "binding interpretation, discretion": {
        "en": "in the binding interpretation of {act} ({points}), {interpreted} does not settle this by itself: "
              "it is left to the administration, which must assess it: {reading}",
        "ru": "в обязательном истолковании {act:gen} ({points}) {interpreted} сам по себе этого не решает: "
              "вопрос оставлен администрации, которая обязана его рассмотреть: {reading}",
        "kk": "{act:gen} міндетті түсіндірмесінде ({points}) {interpreted} мұны өздігінен шешпейді: "
              "мәселе әкімшілікке қалдырылады, ол оны қарауға міндетті: {reading}"},
    "only under the reading": {"en": "only under the reading", "ru": "только при толковании",
                               "kk": "тек білім қорының мына пайымы бойынша"},
    "under reading": {"en": "under the reading in force: {labels}", "ru": "при действующем толковании: {labels}",
                      "kk": "білім қорының қолданыстағы пайымы бойынша: {labels}"},
    "points": {"en": "points {first} and {second}", "ru": "пункты {first} и {second}", "kk": "{first} және {second}-тармақтар"},
    "point": {"en": "point {first}", "ru": "пункт {first}", "kk": "{first}-тармақ"},
    "as summarised by the court": {"en": "as summarised by the Court", "ru": "в изложении Конституционного Суда",
                                   "kk": "Конституциялық Соттың баяндауында"},
    "working translation": {"en": "working translation", "ru": "рабочий перевод", "kk": "жұмыс аудармасы"},
    "this case": {"en": "this case", "ru": "этот случай", "kk": "осы жағдай"},
    "interpreted": {"en": "read in a binding interpretation", "ru": "истолкованы обязательным толкованием",
                    "kk": "міндетті түсіндірмеде оқылған нормалар"},
    "interpretation": {"en": "interpretation", "ru": "толкование", "kk": "білім қорының пайымы"},
    "notes": {"en": "notes", "ru": "примечания", "kk": "ескертпелер"},
    "deadline": {"en": "deadline", "ru": "срок", "kk": "мерзімі"},
    "pending": {"en": "not yet due", "ru": "срок не истёк", "kk": "мерзімі өтпеген"},
    "fulfilled": {"en": "fulfilled", "ru": "исполнено", "kk": "орындалды"},
    "fulfilled late": {"en": "fulfilled late: after the deadline", "ru": "исполнено с опозданием: после истечения срока",
                       "kk": "кешігіп орындалды: мерзімі өткеннен кейін"},
    "fulfilled on": {"en": "on {date}", "ru": "{date}", "kk": "{date} күні"},
    "overdue": {"en": "overdue: the deadline has passed and no fulfilment is recorded",
                "ru": "просрочено: срок истёк, исполнение не зафиксировано",
                "kk": "мерзімі өтті: орындалғаны тіркелмеген"},
    "sample case": {"en": "using the bundled sample case", "ru": "используется встроенный пример дела",
                    "kk": "кірістірілген үлгі іс қолданылады"},
    # ------------------------------------------------------------ contrastive sentences (filled from the kb)
    "status by": {"en": "{status} by {norm}", "ru": "{status}: {norm}", "kk": "{status}: {norm}"},
    "prevails over": {"en": "it prevails over {loser} ({principle})", "ru": "она имеет приоритет перед {loser} ({principle})",
                      "kk": "ол {loser} нормасынан басым болады ({principle})"},
    "the exception": {"en": "the exception {norm}", "ru": "исключение {norm}", "kk": "{norm} ерекшелігі"},
    "the norm": {"en": "the norm {norm}", "ru": "норма {norm}", "kk": "{norm} нормасы"},
    "norm fails": {"en": "{norm} does not apply: {reason}", "ru": "{norm} не применяется: {reason}",
                   "kk": "{norm} қолданылмайды: {reason}"},
    "missing condition": {"en": "it is not established that {reading} (condition: {label})",
                          "ru": "не установлено, что {reading} (условие: «{label}»)",
                          "kk": "«{reading}» деп анықталмаған (шарт: «{label}»)"},
    "missing existential": {"en": "no person {names} is established such that {readings}",
                            "ru": "не установлено лицо {names}, такое что {readings}",
                            "kk": "мынадай {names} адамы анықталмаған: {readings}"},
    "and": {"en": " and ", "ru": " и ", "kk": " және "},
    "missing atom": {"en": "not established: {atom}", "ru": "не установлено: {atom}", "kk": "анықталмаған: {atom}"},
    "negated reading": {"en": "it is not established that {reading}", "ru": "не установлено, что {reading}",
                        "kk": "«{reading}» деп анықталмаған"},
    "negation holds": {"en": "it is established that {reading}, and the norm requires the opposite",
                       "ru": "установлено, что {reading}, а норма требует обратного",
                       "kk": "{reading} деп анықталған, ал норма керісінше талап етеді"},
    "universal reading": {"en": "for every {names} such that {domain}: {body}",
                          "ru": "для всякого {names}, такого что {domain}: {body}",
                          "kk": "{domain} болатын әрбір {names} үшін: {body}"},
    "universal holds": {"en": "no counterexample is established", "ru": "контрпример не установлен",
                        "kk": "қарсы мысал анықталмаған"},
    "universal fails": {"en": "it does not hold that {reading}: a counterexample is established",
                        "ru": "неверно, что {reading}: установлен контрпример",
                        "kk": "«{reading}» деген дұрыс емес: қарсы мысал анықталған"},
    "counterexample": {"en": "a counterexample to: {atom}", "ru": "контрпример к: {atom}", "kk": "қарсы мысал: {atom}"},
    "comparison fails": {"en": "{comparison} is false", "ru": "{comparison} — неверно", "kk": "{comparison} — жалған"},
    "asked by": {"en": "required by {norm}", "ru": "требует {norm}", "kk": "{norm} талап етеді"},
    "not in force on": {"en": "not in force on {date}", "ru": "не действует на {date}", "kk": "{date} күні күшінде емес"},
    "comes into force": {"en": "in force from {date}", "ru": "действует с {date}", "kk": "{date:abl} бастап күшінде"},
    "ceases": {"en": "in force until {date}", "ru": "действует до {date}", "kk": "{date:dat} дейін күшінде"},
    "defeated by": {"en": "{loser} applies, but is defeated by {winner}: {principle}",
                    "ru": "{loser} применяется, но {winner} имеет приоритет перед ней: {principle}",
                    "kk": "{loser} қолданылады, бірақ {winner} одан басым болады: {principle}"},
    "undetermined no norm": {"en": "undetermined: no norm of the knowledge base decides this",
                             "ru": "не определено: ни одна норма базы знаний этого не решает",
                             "kk": "шешілмеген: білім қорының ешбір нормасы мұны шешпейді"},
    "undetermined conflict": {"en": "undetermined: unresolved conflict between {first} and {second}",
                              "ru": "не определено: неразрешённая коллизия между {first} и {second}",
                              "kk": "шешілмеген: {first} пен {second} арасындағы коллизия білім қорында шешілмеген"},
    "holds by": {"en": "holds by {norm}", "ru": "установлено: {norm}", "kk": "анықталды: {norm}"},
    "holds as fact": {"en": "holds: a fact of the case ({source})", "ru": "установлено: факт дела ({source})",
                      "kk": "анықталды: іс фактісі ({source})"},
    "not established by": {"en": "not established", "ru": "не установлено", "kk": "анықталмаған"},
    "other failures": {"en": "and also", "ru": "а также", "kk": "сондай-ақ"},
    # ------------------------------------------------------------ tree and verbosity
    "held": {"en": "holds", "ru": "выполнено", "kk": "орындалған"},
    "see above": {"en": "see [{id}] above", "ru": "см. [{id}] выше", "kk": "жоғарыдағы [{id}] қараңыз"},
    "more below": {"en": "… {count} more level(s) not shown (raise --depth)",
                   "ru": "… ещё уровней не показано: {count} (увеличьте --depth)",
                   "kk": "… тағы {count} деңгей көрсетілмеген (--depth арттырыңыз)"},
    "summary": {"en": "in short", "ru": "кратко", "kk": "қысқаша"},
    "conditions": {"en": "conditions", "ru": "условия", "kk": "шарттар"},
    "norms cited": {"en": "norms cited", "ru": "нормы, на которые сделаны ссылки", "kk": "сілтеме жасалған нормалар"},
    "quote": {"en": "text", "ru": "текст", "kk": "мәтіні"},
    "source": {"en": "source", "ru": "источник", "kk": "дереккөзі"},
    "rank": {"en": "rank", "ru": "юридическая сила", "kk": "заңдық күші"},
    "act": {"en": "act", "ru": "акт", "kk": "акт"},
    "expand all": {"en": "expand all", "ru": "развернуть всё", "kk": "барлығын ашу"},
    "collapse all": {"en": "collapse all", "ru": "свернуть всё", "kk": "барлығын жабу"},
    "explanation of": {"en": "explanation", "ru": "объяснение", "kk": "түсіндірме"},
    "generated by": {"en": "generated by zan", "ru": "составлено zan", "kk": "zan құрастырған"},
    # ------------------------------------------------------------ steps
    "steps": {"en": "step by step", "ru": "по шагам", "kk": "қадам бойынша"},
    "step fact": {"en": "fact", "ru": "факт", "kk": "факт"},
    "step from": {"en": "from {steps}", "ru": "из {steps}", "kk": "{steps} бойынша"},
    "step by": {"en": "by {norm}", "ru": "по норме {norm}", "kk": "{norm} бойынша"},
    "step by rule": {"en": "by the rule {source}", "ru": "по правилу {source}", "kk": "{source} ережесі бойынша"},
    "step negation": {"en": "nothing establishes {atom}", "ru": "ничто не устанавливает {atom}", "kk": "{atom} ешнәрсемен анықталмайды"},
    "step comparison": {"en": "check", "ru": "проверка", "kk": "тексеру"},
    "step status": {"en": "status", "ru": "статус", "kk": "мәртебесі"},
    "therefore": {"en": "therefore", "ru": "следовательно", "kk": "демек"},
}


class _Cases(string.Formatter):
    """`{act:gen}`: the value in a grammatical case of the language (engine/explain/morphology.py);
    `{before:and}`: the value followed by the Kazakh conjunction that fits it (the other languages put theirs
    in the template)."""

    def __init__(self, language: str):
        self.language = language

    def format_field(self, value, spec):
        if spec == "and":   # "X and Y": Kazakh writes the conjunction apart, by X's last sound (мен/бен/пен)
            from engine.explain.morphology import kk_ending
            return f"{value} {kk_ending(str(value), 'ins')}" if self.language == "kk" else str(value)
        if spec in ("nom", "gen", "dat", "acc", "ins", "loc", "abl"):
            from engine.explain.morphology import decline
            return decline(str(value), spec, self.language)
        return super().format_field(value, spec)


def _tool_words() -> dict[str, dict[str, str]]:
    from engine.explain.tool_words import TOOL_WORDS

    return TOOL_WORDS


_CATALOGUE = Catalogue(EXPLANATION_WORDS, _tool_words)   # the explanation's words, then the tools' at the first asked


def word(key: str, language: str, **values) -> str:
    """The word `key` in the language (English where the language lacks it), its {placeholders} filled; an unknown key
    as it is."""
    entry = _CATALOGUE.known.get(key)
    if entry is None:
        entry = _CATALOGUE.get(key)
        if entry is None:
            return key
    text = entry.get(language) or entry["en"]
    return fill(text, language, **values) if values else text


_CASE_SLOT = re.compile(r"\{[^{}:]*:(?:and|nom|gen|dat|acc|ins|loc|abl)\}")


def fill(text: str, language: str, **values) -> str:
    """A template of the language filled in, its `{slot:case}`s in their cases (the tools' own catalogues use it too).
    A template without such a slot is filled by `str.format` (C; _Cases is string.Formatter, in Python)."""
    return _Cases(language).format(text, **values) if _CASE_SLOT.search(text) else text.format(**values)


# The words of a citation written out in full, for the abbreviations the kb's citation forms use (kb/acts.zan:
# «подп. 2) ч. 1 ст. 12 Кодекса» read back from «подпункт 2 части 1 статьи 12 Кодекса» too): an abbreviation, and
# the forms of the word it stands for. A part's closing parenthesis ("2)") may be left out where a word is written.
CITATION_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {"ст.": ("статья", "статьи", "статье", "статью", "статьей", "статьёй", "ст"),
           "ч.": ("часть", "части", "частью", "ч"),
           "п.": ("пункт", "пункта", "пункту", "пунктом", "пункте", "п"),
           "подп.": ("подпункт", "подпункта", "подпункту", "подпунктом", "подпункте", "подп", "пп.", "пп")},
}


# Ordinal words, for citation forms that write a part by its ordinal (`{2:ordinal}` in kb/acts.zan:
# "134-бабы бірінші бөлігінің 2) тармақшасы", as the ruling writes it): first, second, ... nineteenth.
_KK_ORDINALS = ("бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші",
                "тоғызыншы", "оныншы")
ORDINALS: dict[str, tuple[str, ...]] = {
    "kk": _KK_ORDINALS + tuple("он " + w for w in _KK_ORDINALS[:9]),
}

# Month names for dates written in words ("15 January 2025", "15 января 2025", "15 қаңтар 2025"):
# a written word is the month if it starts with one of these forms.
MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "январ", "қаңтар"), 2: ("february", "feb", "феврал", "ақпан"),
    3: ("march", "mar", "март", "наурыз"), 4: ("april", "apr", "апрел", "сәуір"),
    5: ("may", "мая", "май", "мамыр"), 6: ("june", "jun", "июн", "маусым"), 7: ("july", "jul", "июл", "шілде"),
    8: ("august", "aug", "август", "тамыз"), 9: ("september", "sep", "сентябр", "қыркүйек"),
    10: ("october", "oct", "октябр", "қазан"), 11: ("november", "nov", "ноябр", "қараша"),
    12: ("december", "dec", "декабр", "желтоқсан"),
}

# How a date is said in words, per language (engine.base.dates.say_date; the trainers' page's date field,
# engine/serve/words.py): the months' names and the pattern live in engine/base/dates.py, below every room that
# says a date (the checks' messages too), and are re-exported here.

# The tables of engine/explain/tool_words.py given as this module's own (see the module's docstring).
_TOOL_TABLES = ("QUESTION_WORDS", "POSSESSIVES", "CONJUNCTIONS", "NEGATIONS", "VERB_ENDINGS", "CONDITIONAL_ENDINGS")


def __getattr__(name: str):
    """`WORDS` (every word, the explanation's and the tools': made once, when first asked for) and the controlled
    language's tables, from engine/explain/tool_words.py."""
    if name != "WORDS" and name not in _TOOL_TABLES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name == "WORDS":
        return _CATALOGUE.every()
    from engine.explain import tool_words

    return getattr(tool_words, name)
