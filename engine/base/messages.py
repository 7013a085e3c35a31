"""The words of the diagnostics' frame and of the messages a question-asker meets, in kk, ru and en.

Owns: the severity words ("error", "warning", "hint", "note"), the count line ("2 errors"), the line naming
the knowledge base a command read ("kb: ..."), and the messages of asking (a question's syntax, a saved
question's name and arguments, a date, the usage errors of `zan ask`/`zan query`, facts assumed or retracted): `ASKING`.
It sits in engine/base so that every room may use it (engine/base/diagnostics.py renders with it; engine/explain/i18n.py
keeps the explanations' words); it imports only engine/base/dates.py (a date value in a message is said as the reader's
language writes it, in the case its template marks: `{start:abl}`) and, at the first of them said,
engine/base/checking_messages.py: the messages of reading, checking and testing a law (the kb checks', the syntax's,
the files', the project file's, the scenarios'), in the three languages too, so that rule authors who write in Kazakh
or Russian read them in theirs (`zan check --lang`, the project's `lang`, the language server's locale): the codes stay
the same in every language. A question answered from the cache says none of those, and does not import them.
`MESSAGES` is every message of both modules (for the tests and the tools that list them).
"""
from __future__ import annotations

import datetime
import string
from typing import Callable

from engine.base.dates import CASES, say_date

LANGUAGES = ("kk", "ru", "en")

ASKING: dict[str, dict[str, str]] = {
    "error": {"en": "error", "ru": "ошибка", "kk": "қате"},
    "warning": {"en": "warning", "ru": "предупреждение", "kk": "ескерту"},
    "hint": {"en": "hint", "ru": "подсказка", "kk": "нұсқау"},
    "note": {"en": "note", "ru": "примечание", "kk": "ескертпе"},
    "kb bundled": {"en": "kb: the knowledge base bundled with zan", "ru": "база знаний: встроенная в zan",
                   "kk": "білім қоры: zan-мен бірге келетін"},
    "kb option": {"en": "kb: {where} (--kb)", "ru": "база знаний: {where} (--kb)", "kk": "білім қоры: {where} (--kb)"},
    "kb project": {"en": "kb: {where} (project {file})", "ru": "база знаний: {where} (проект {file})",
                   "kk": "білім қоры: {where} ({file} жобасы)"},
    "project ignored": {"en": "warning: {file} is ignored: {why} (SECURITY.md)",
                        "ru": "предупреждение: {file} не используется: {why} (SECURITY.md)",
                        "kk": "ескерту: {file} қолданылмайды: {why} (SECURITY.md)"},
    "project link": {"en": "it is a symbolic link, which another user could have planted",
                     "ru": "это символическая ссылка, её мог подложить другой пользователь",
                     "kk": "бұл символдық сілтеме, оны басқа пайдаланушы қойып кетуі мүмкін"},
    "project hard link": {"en": "it has more than one name (a hard link), which another user could have planted",
                          "ru": "у файла несколько имён (жёсткая ссылка), её мог подложить другой пользователь",
                          "kk": "файлдың бірнеше аты бар (қатты сілтеме), оны басқа пайдаланушы қойып кетуі мүмкін"},
    "project owner": {"en": "it belongs to another user", "ru": "он принадлежит другому пользователю",
                      "kk": "ол басқа пайдаланушыға тиесілі"},
    "project writable": {"en": "other users can write it", "ru": "другие пользователи могут его изменить",
                         "kk": "басқа пайдаланушылар оны өзгерте алады"},
    "project folder": {"en": "{where} belongs to another user or other users can write it",
                       "ru": "{where} принадлежит другому пользователю или другие пользователи могут его изменить",
                       "kk": "{where} басқа пайдаланушыға тиесілі немесе басқа пайдаланушылар оны өзгерте алады"},
    "question syntax": {"en": "the question is not written as a question: {detail}",
                        "ru": "вопрос записан не как вопрос: {detail}",
                        "kk": "сұрақ сұрақ ретінде жазылмаған: {detail}"},
    "question syntax hint": {   # nothing of the law here: `zan vocabulary` lists what this kb can be asked
        "en": "write an atom, optionally after a status (`permitted predicate(constant, Variable)`), or ask in "
              "words; `zan vocabulary` lists the predicates and names that can be asked about",
        "ru": "запишите атом, можно со статусом впереди (`permitted предикат(константа, Переменная)`), или "
              "спросите словами; `zan vocabulary` перечисляет предикаты и имена, о которых можно спросить",
        "kk": "атом жазыңыз, алдында мәртебе болуы мүмкін (`permitted предикат(константа, Айнымалы)`), немесе "
              "сөзбен сұраңыз; `zan vocabulary` сұрауға болатын предикаттар мен атауларды тізеді"},
    "unknown question": {"en": "no saved question named {name!r}", "ru": "нет сохранённого вопроса «{name}»",
                         "kk": "«{name}» деген сақталған сұрақ жоқ"},
    "did you mean": {"en": "did you mean {guess}?", "ru": "возможно, имелось в виду {guess}?",
                     "kk": "{guess} деп айтқыңыз келді ме?"},
    "saved questions are": {"en": "the saved questions are: {names}", "ru": "сохранённые вопросы: {names}",
                            "kk": "сақталған сұрақтар: {names}"},
    "question arguments": {"en": "{name} takes {count} argument(s) ({parameters}), {given} given",
                           "ru": "{name} принимает {count} {count:аргумент|аргумента|аргументов} ({parameters}), а "
                                 "{given:дан|дано|дано} {given}",
                           "kk": "{name} {count} аргумент алады ({parameters}), берілгені: {given}"},
    "unknown predicate": {"en": "unknown predicate {name}", "ru": "неизвестный предикат {name}",
                          "kk": "белгісіз предикат {name}"},
    "declare predicate": {"en": "declare it with `predicate name(Arg, ...) en \"label\".`",
                          "ru": "объявите его в базе знаний: `predicate name(Arg, ...) ru \"метка\".`",
                          "kk": "оны білім қорында жариялаңыз: `predicate name(Arg, ...) kk \"белгі\".`"},
    "arity": {"en": "{name} takes {count} {count:argument|arguments} ({signature}), but {given} {given:is|are} given here",
              "ru": "{name} принимает {count} {count:аргумент|аргумента|аргументов} ({signature}), а здесь "
                    "{given:дан|дано|дано} {given}",
              "kk": "{name} {count} аргумент алады ({signature}), ал мұнда {given} аргумент берілген"},
    "declared here": {"en": "{name} is declared here", "ru": "{name} объявлен здесь", "kk": "{name} осында жарияланған"},
    "not a date": {"en": "{value!r} is not a date; write YYYY-MM-DD, e.g. 2025-01-15",
                   "ru": "«{value}» — не дата; пишите ГГГГ-ММ-ДД, напр. 2025-01-15",
                   "kk": "«{value}» күн емес; ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы 2025-01-15"},
    "two dates given": {"en": "the question names the date {named}, --at {at}: give one of them",
                        "ru": "в вопросе указана дата {named}, а в --at — {at}: укажите одну из них",
                        "kk": "сұрақта {named} күні аталған, ал --at мәні {at}: біреуін ғана беріңіз"},
    "no such answer": {"en": "--answer {number}: the question has {count} answer(s)",
                       "ru": "--answer {number}: у вопроса {count} {count:ответ|ответа|ответов}",
                       "kk": "--answer {number}: сұрақтың {count} жауабы бар"},
    "given variable": {"en": "{name} is not a variable of the question (its variables: {variables})",
                       "ru": "{name} — не переменная вопроса (его переменные: {variables})",
                       "kk": "{name} — сұрақтың айнымалысы емес (оның айнымалылары: {variables})"},
    "given status": {"en": "a given fact has no status", "ru": "у заданного факта нет статуса",
                     "kk": "берілген фактінің мәртебесі жоқ"},
    "given hint": {"en": "write a fact over the question's persons, e.g. --given \"predicate(C)\" for C of the question",
                   "ru": "запишите факт о лицах вопроса, напр. --given \"предикат(C)\" для C из вопроса",
                   "kk": "сұрақтағы адамдар туралы факт жазыңыз, мысалы, сұрақтағы C үшін --given \"предикат(C)\""},
    "too large rows": {"en": "the case space of {query} has more than {limit} rows, the most Zan lists",
                       "ru": "в пространстве случаев {query} больше {limit} строк — это предел, который выводит Zan",
                       "kk": "{query} жағдайлар кеңістігінде {limit} жолдан көп — бұл Zan шығаратын шек"},
    "too large combinations": {"en": "the case space of {query} weighs more than {limit} combinations of norms that can "
                                     "apply together, the most Zan weighs",
                               "ru": "в пространстве случаев {query} больше {limit} сочетаний норм, применимых вместе, — "
                                     "это предел, который рассматривает Zan",
                               "kk": "{query} жағдайлар кеңістігінде бірге қолданылатын нормалардың {limit} тіркесімінен "
                                     "көбі бар — бұл Zan қарайтын шек"},
    "too large outcomes": {"en": "the case space of {query} has more than {limit} different outcomes (a status and its "
                                 "deciding norms) for one atom, the most Zan tabulates",
                           "ru": "в пространстве случаев {query} больше {limit} различных исходов (статус и решающие нормы) "
                                 "для одного атома — это предел, который сводит в таблицу Zan",
                           "kk": "{query} жағдайлар кеңістігінде бір атом үшін {limit}-ден көп түрлі нәтиже (мәртебе мен шешетін "
                                 "нормалар) бар — бұл Zan кестеге түсіретін шек"},
    "too large entries": {"en": "the case space of {query} needs more than {limit} diagram nodes, the memory bound of this work",
                          "ru": "пространству случаев {query} нужно больше {limit} узлов диаграмм — это предел памяти",
                          "kk": "{query} жағдайлар кеңістігіне диаграмманың {limit} түйінінен көбі керек — бұл жад шегі"},
    "too large seconds": {"en": "the case space of {query} takes longer than {limit} s, the time bound of this work",
                          "ru": "пространство случаев {query} строится дольше {limit} с — это предел времени",
                          "kk": "{query} жағдайлар кеңістігі {limit} секундтан ұзақ құрылады — бұл уақыт шегі"},
    "diff too large entries": {"en": "the diff of {query} examines more than {limit} tuples and answers, the bound of "
                                     "this work",
                               "ru": "сравнение {query} просматривает больше {limit} кортежей и ответов — это предел этой работы",
                               "kk": "{query} салыстыруы {limit}-ден көп кортеж бен жауапты қарайды — бұл осы жұмыстың шегі"},
    "diff too large seconds": {"en": "the diff of {query} takes longer than {limit} s, the time bound of this work",
                               "ru": "сравнение {query} длится дольше {limit} с — это предел времени",
                               "kk": "{query} салыстыруы {limit} секундтан ұзақ созылады — бұл уақыт шегі"},
    "diff too large narrow": {"en": "narrow it: diff fewer case facts (a smaller --facts file)",
                              "ru": "сузьте его: сравнивайте меньше фактов дела (файл --facts поменьше)",
                              "kk": "оны тарылтыңыз: істің азырақ фактілерін салыстырыңыз (кішірек --facts файлы)"},
    "too large narrow": {"en": "narrow it: fix a fact with --given (e.g. --given \"{fact}\")",
                         "ru": "сузьте его: закрепите факт через --given (напр. --given \"{fact}\")",
                         "kk": "оны тарылтыңыз: --given арқылы фактіні бекітіңіз (мысалы, --given \"{fact}\")"},
    "too large value": {"en": "or give the question a value (e.g. {example})",
                        "ru": "или задайте значение в вопросе (напр. {example})",
                        "kk": "немесе сұрақта мән беріңіз (мысалы, {example})"},
    # facts assumed or retracted, readings named on the command line (engine/pipeline.py, engine/logic/ir.py, cases)
    "not a ground fact": {"en": "{text!r} is not a ground fact", "ru": "«{text}» — не факт без переменных",
                          "kk": "«{text}» — айнымалысыз факт емес"},
    "assumed fact is ground": {"en": "an assumed or retracted fact has no status and no variables, e.g. p(a)",
                               "ru": "у допущения или исключённого факта нет ни статуса, ни переменных, напр. p(a)",
                               "kk": "жорамалда не алынып тасталған фактіде мәртебе де, айнымалы да болмайды, мысалы "
                                     "p(a)"},
    "not a ground fact write": {"en": "{text!r} is not a ground fact; write e.g. p(a)",
                                "ru": "«{text}» — не факт без переменных; напишите, напр., p(a)",
                                "kk": "«{text}» — айнымалысыз факт емес; мысалы, p(a) деп жазыңыз"},
    "assumed names no variables": {"en": "an assumed or retracted fact names no variables and no status",
                                   "ru": "допущение или исключённый факт не содержит ни переменных, ни статуса",
                                   "kk": "жорамал не алынып тасталған факт айнымалыны да, мәртебені де атамайды"},
    "no such reading": {"en": "no reading named {name!r} in the knowledge base (known: {known})",
                        "ru": "в базе знаний нет толкования «{name}» (известные: {known})",
                        "kk": "білім қорында «{name}» пайымы жоқ (белгілілері: {known})"},
    "topics are": {"en": "topics: {topics}", "ru": "темы: {topics}", "kk": "тақырыптар: {topics}"},
}


def errors_line(count: int, language: str) -> str:
    """"1 error", "3 errors"; "1 ошибка", "3 ошибки", "5 ошибок"; "3 қате"."""
    if language == "ru":
        if count % 10 == 1 and count % 100 != 11:
            return f"{count} ошибка"
        if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
            return f"{count} ошибки"
        return f"{count} ошибок"
    if language == "kk":
        return f"{count} қате"
    return f"{count} error{'s' if count != 1 else ''}"


def warnings_line(count: int, language: str) -> str:
    """"1 warning", "3 warnings"; "1 предупреждение", "3 предупреждения", "5 предупреждений"; "3 ескерту"."""
    if language == "ru":
        if count % 10 == 1 and count % 100 != 11:
            return f"{count} предупреждение"
        if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
            return f"{count} предупреждения"
        return f"{count} предупреждений"
    if language == "kk":
        return f"{count} ескерту"
    return f"{count} warning{'s' if count != 1 else ''}"


class Said(str):
    """A message made where the reader's language is not known (a parser, a file reader, the project file):
    its English text, which remembers its key and values so that it is said again in kk or ru where it is
    shown (`Diagnostic.said`, the CLI's --lang, the language server's locale)."""

    key: str = ""
    values: dict = {}

    def to(self, language: str) -> str:
        return _said(self.key, language, self.values) if self.key else str(self)


class Listed(Said):
    """Items said as the language lists them: "a, b or c", «a, b или c», "a, b немесе c" (or "a, b, c")."""

    items: tuple = ()
    last: str = ", "

    def to(self, language: str) -> str:
        items = [say(item, language) for item in self.items]
        if len(items) < 2:
            return "".join(items)
        last = self.last if self.last == ", " else f" {_OR.get(language, 'or')} "
        return ", ".join(items[:-1]) + last + items[-1]


_OR = {"en": "or", "ru": "или", "kk": "немесе"}


def listed(items, alternatives: bool = False) -> Listed:
    """The items as a list ("a, b, c"), or as alternatives ("a, b or c"), in the reader's language where shown."""
    items = tuple(items)
    said = Listed("")
    said.items, said.last = items, " or " if alternatives else ", "
    text = said.to("en")
    result = Listed(text)
    result.items, result.last = items, said.last
    return result


def either(items) -> Listed:
    """The items as alternatives: "a, b or c"."""
    return listed(items, alternatives=True)


def say(text, language: str):
    """`text` in the language, where it was made language-free (a Said); any other text as it is."""
    return text.to(language) if isinstance(text, Said) and language != "en" else text


def plural(count: int, forms: str, language: str) -> str:
    """The noun after a count: ru "норма|нормы|норм" (1 норма, 2 нормы, 5 норм), en "norm|norms", kk one form."""
    words = forms.split("|")
    if language == "ru" and len(words) == 3:
        if count % 10 == 1 and count % 100 != 11:
            return words[0]
        if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
            return words[1]
        return words[2]
    if len(words) == 2:
        return words[0] if count == 1 else words[1]
    return words[0]


class _Formatter(string.Formatter):
    """{count:норма|нормы|норм}: the noun that agrees with the count; a Said value in the message's language; a date
    as the language writes it, in the case the sentence needs ({start:abl} бастап; engine/base/dates.say_date)."""

    def __init__(self, language: str):
        self.language = language

    def format_field(self, value, spec):
        if "|" in spec:
            return plural(int(value), spec, self.language)
        if isinstance(value, datetime.date):
            return say_date(value, self.language, spec if spec in CASES else None)
        return super().format_field(say(value, self.language) if isinstance(value, Said) else value, spec)


class Catalogue:
    """A catalogue in two parts: `first`, imported with its module, and the rest, in a module that `rest` imports and
    gives the table of, at the first entry asked for that `first` lacks (a question answered from the cache asks for
    none). A look-up reads `known`: `first`, then, once the rest is loaded, every entry. engine/explain/i18n.py keeps
    its words so too."""

    __slots__ = ("known", "_first", "_rest", "_every")

    def __init__(self, first: dict, rest: Callable[[], dict]):
        self.known = self._first = first
        self._rest = rest
        self._every: dict | None = None

    def every(self) -> dict:
        """Every entry of both parts (the rest imported then), made once."""
        if self._every is None:
            self._every = self.known = {**self._first, **self._rest()}
        return self._every

    def get(self, key: str):
        """The entry `key`, of the first part, else of the rest; None where neither has it."""
        found = self.known.get(key)
        return self.every().get(key) if found is None and self._every is None else found


def _checking() -> dict[str, dict[str, str]]:
    from engine.base.checking_messages import CHECKING

    return CHECKING


_CATALOGUE = Catalogue(ASKING, _checking)   # asking's messages, then checking's at the first of them said


def _forms(key: str) -> dict[str, str]:
    """The message `key` in each language: one of asking, else one of checking."""
    forms = _CATALOGUE.get(key)
    if forms is None:
        raise KeyError(key)
    return forms


def __getattr__(name: str) -> dict[str, dict[str, str]]:
    """`MESSAGES`: every message, of asking and of checking."""
    if name != "MESSAGES":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _CATALOGUE.every()


def _said(key: str, language: str, values: dict) -> str:
    forms = _forms(key)
    return _Formatter(language).format(forms.get(language, forms["en"]), **values)


def message(key: str, language: str | None = None, /, **values) -> str:
    """The message `key` in the language (English where a language lacks it), its {placeholders} filled.

    Without a language (where the reader's is not known), the English text as a `Said`, which the place that
    shows it says again in the reader's language; values that are Said are said in the message's language."""
    if language is None:
        said = Said(_said(key, "en", values))
        said.key, said.values = key, values
        return said
    return _said(key, language, values)
