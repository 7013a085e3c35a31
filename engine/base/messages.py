"""The words of the diagnostics' frame and of the messages a question-asker meets, in kk, ru and en.

Owns: the severity words ("error", "warning", "hint", "note"), the count line ("2 errors"), the line naming
the knowledge base a command read ("kb: ..."), and the messages of asking (a question's syntax, a saved
question's name and arguments, a date, the usage errors of `zan ask`/`zan query`). It sits in engine/base so
that every room may use it (engine/base/diagnostics.py renders with it; engine/explain/i18n.py keeps the
explanations' words); it imports only engine/base/dates.py (a date value in a message is said as the reader's
language writes it, in the case its template marks: `{start:abl}`). The kb checks' messages (engine/checks/) are
here too, in the three languages, so that rule authors who write in Kazakh or Russian read them in theirs (`zan check --lang`, the
project's `lang`, the language server's locale): the codes stay the same in every language.
"""

from __future__ import annotations

import datetime
import string

from engine.base.dates import CASES, say_date

LANGUAGES = ("kk", "ru", "en")

MESSAGES: dict[str, dict[str, str]] = {
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
    # the kb checks' messages (engine/checks/), by code or by part
    "bad-predicate-name": {"en": "a predicate name must start with a lower-case letter: {name}",
                           "ru": "имя предиката должно начинаться со строчной буквы: {name}",
                           "kk": "предикат атауы кіші әріптен басталуы тиіс: {name}"},
    "write name": {"en": "write {name}", "ru": "напишите {name}", "kk": "{name} деп жазыңыз"},
    "argument named twice": {"en": "{name} names an argument twice", "ru": "{name} называет аргумент дважды",
                             "kk": "{name} бір аргументті екі рет атайды"},
    "anonymous in conclusion": {"en": "the anonymous variable _ cannot stand in {where}",
                                "ru": "анонимная переменная _ не может стоять в {where}",
                                "kk": "_ атаусыз айнымалысы {where} тұра алмайды"},
    "name it bound": {"en": "name the value with a variable bound by a condition",
                      "ru": "назовите значение переменной, которую связывает условие",
                      "kk": "мәнді шарт байланыстыратын айнымалымен атаңыз"},
    "unbound in head": {"en": "variable {name} in {where} is not bound by any condition",
                        "ru": "переменная {name} в {where} не связана ни одним условием",
                        "kk": "{where} тұрған {name} айнымалысын бірде-бір шарт байланыстырмайды"},
    "add binding condition": {"en": "add a condition that names {name}, such as a fact about it",
                              "ru": "добавьте условие, которое называет {name}, например факт о нём",
                              "kk": "{name} атайтын шарт қосыңыз, мысалы ол туралы факт"},
    "unbound in condition": {"en": "variable {name} {what} is not bound by a positive condition",
                             "ru": "переменная {name} {what} не связана положительным условием",
                             "kk": "{what} тұрған {name} айнымалысын оң шарт байланыстырмайды"},
    "name it first": {"en": "name {name} in a condition without `not` first",
                      "ru": "сначала назовите {name} в условии без `not`",
                      "kk": "алдымен {name} айнымалысын `not` жоқ шартта атаңыз"},
    "variable in fact": {"en": "a fact cannot contain the variable {name}", "ru": "факт не может содержать переменную {name}",
                         "kk": "фактіде {name} айнымалысы болмайды"},
    "facts name constants": {"en": "facts name constants: lower-case names, \"texts\", dates or numbers",
                             "ru": "факты называют константы: имена со строчной буквы, \"тексты\", даты или числа",
                             "kk": "фактілер константаларды атайды: кіші әріпті атаулар, \"мәтіндер\", күндер не сандар"},
    "the conclusion": {"en": "the conclusion", "ru": "заключении", "kk": "қорытындыда"},
    "a fact": {"en": "a fact", "ru": "факте", "kk": "фактіде"},
    "the domain of": {"en": "the domain of {name}", "ru": "области {name}", "kk": "{name} аясында"},
    "under not": {"en": "under `not`", "ru": "под `not`", "kk": "`not` астында"},
    "in a comparison": {"en": "in a comparison", "ru": "в сравнении", "kk": "салыстыруда"},
    "in arithmetic": {"en": "in arithmetic", "ru": "в арифметике", "kk": "арифметикада"},
    "unused-predicate": {"en": "the predicate {name} is declared but used nowhere",
                         "ru": "предикат {name} объявлен, но нигде не используется",
                         "kk": "{name} предикаты жарияланған, бірақ еш жерде қолданылмайды"},
    "use or remove": {"en": "use it in a norm or a definition, or remove the declaration",
                      "ru": "используйте его в норме или определении либо удалите объявление",
                      "kk": "оны нормада не анықтамада қолданыңыз немесе жариялауды алып тастаңыз"},
    "unread-fact": {"en": "no norm or definition reads {name}, so this fact changes no answer",
                    "ru": "ни одна норма или определение не читает {name}, поэтому этот факт не меняет ни одного ответа",
                    "kk": "{name} предикатын бірде-бір норма не анықтама оқымайды, сондықтан бұл факт ешбір жауапты өзгертпейді"},
    "unread-facts": {"en": "no norm or definition reads {name}, so this fact (and {more} more about {name} in this file) "
                           "changes no answer",
                     "ru": "ни одна норма или определение не читает {name}, поэтому этот факт (и ещё {more} "
                           "{more:факт|факта|фактов} о {name} в этом файле) не меняет ни одного ответа",
                     "kk": "{name} предикатын бірде-бір норма не анықтама оқымайды, сондықтан бұл факт (және осы "
                           "файлдағы {name} туралы тағы {more} факт) ешбір жауапты өзгертпейді"},
    "write the norm": {"en": "write the norm that uses {name}, or drop the fact",
                       "ru": "напишите норму, которая использует {name}, или уберите факт",
                       "kk": "{name} қолданатын норманы жазыңыз немесе фактіні алып тастаңыз"},
    "missing-citation": {"en": "the norm {norm} has no citation", "ru": "у нормы {norm} нет ссылки на источник",
                         "kk": "{norm} нормасында дереккөзге сілтеме жоқ"},
    "add cites": {"en": 'add `cites "act article.part.subparagraph"`, e.g. cites "code 12.1.2"',
                  "ru": 'добавьте `cites "акт статья.часть.пункт"`, напр. cites "code 12.1.2"',
                  "kk": '`cites "акт бап.бөлік.тармақша"` қосыңыз, мысалы cites "code 12.1.2"'},
    "invalid-citation": {"en": "\"{written}\" is not a citation key", "ru": "«{written}» — не ключ ссылки",
                         "kk": "«{written}» сілтеме кілті емес"},
    "citation form": {"en": 'write the act key, a space, then the article: "code 12.1.2"',
                      "ru": 'напишите ключ акта, пробел, затем статью: "code 12.1.2"',
                      "kk": 'акт кілтін, бос орын, сосын бапты жазыңыз: "code 12.1.2"'},
    "unknown-act": {"en": "the citation names the act {act}, which is not declared",
                    "ru": "ссылка называет акт {act}, который не объявлен",
                    "kk": "сілтеме жарияланбаған {act} актісін атайды"},
    "declare act": {"en": "declare it: act {act} rank N in force from YYYY-MM-DD.",
                    "ru": "объявите его: act {act} rank N in force from ГГГГ-ММ-ДД.",
                    "kk": "оны жариялаңыз: act {act} rank N in force from ЖЖЖЖ-АА-КК."},
    "missing-quote": {"en": "the norm {norm} has no Kazakh quote", "ru": "у нормы {norm} нет цитаты на казахском",
                      "kk": "{norm} нормасында қазақша дәйексөз жоқ"},
    "missing-quote in": {"en": "the norm {norm} has no quote in {languages}", "ru": "у нормы {norm} нет цитаты на: {languages}",
                         "kk": "{norm} нормасында мына тілдердегі дәйексөз жоқ: {languages}"},
    "add quote": {"en": 'add {tag} "..." with the text of the provision',
                  "ru": 'добавьте {tag} "..." с текстом положения',
                  "kk": 'ереже мәтінімен {tag} "..." қосыңыз'},
    "unknown-norm": {"en": "`{kind}` names the norm {norm}, which is not declared",
                     "ru": "`{kind}` называет норму {norm}, которая не объявлена",
                     "kk": "`{kind}` жарияланбаған {norm} нормасын атайды"},
    "exception to itself": {"en": "the norm {norm} is an exception to itself", "ru": "норма {norm} — исключение из самой себя",
                            "kk": "{norm} нормасы өзінен-өзі ерекшелік болып тұр"},
    "deadline-without-obligation": {"en": "the norm {norm} has a deadline but obliges nothing",
                                    "ru": "у нормы {norm} есть срок, но она ничего не обязывает",
                                    "kk": "{norm} нормасында мерзім бар, бірақ ол ештеңеге міндеттемейді"},
    "deadline belongs": {"en": "a deadline belongs to an `obligatory` conclusion",
                         "ru": "срок бывает только у заключения `obligatory`",
                         "kk": "мерзім тек `obligatory` қорытындыға тиесілі"},
    "modality-outside-norm": {"en": "`{modality}` outside a norm", "ru": "`{modality}` вне нормы",
                              "kk": "`{modality}` нормадан тыс"},
    "inside a norm": {"en": "write it inside `norm ID cites \"act article\" ...`, so the conclusion has a source",
                      "ru": "запишите это внутри `norm ID cites \"акт статья\" ...`, чтобы у заключения был источник",
                      "kk": "қорытындының дереккөзі болуы үшін оны `norm ID cites \"акт бап\" ...` ішіне жазыңыз"},
    "invalid-interval": {"en": "the interval ends ({end}) before it begins ({start})",
                         "ru": "интервал заканчивается ({end}) раньше, чем начинается ({start})",
                         "kk": "аралық басталмай ({start}) тұрып аяқталады ({end})"},
    "missing in": {"en": "{what} in {languages}", "ru": "{what}: нет для языков {languages}", "kk": "{what}: {languages} тілінде жоқ"},
    "add": {"en": "add {text}", "ru": "добавьте {text}", "kk": "қосыңыз: {text}"},
    "no title": {"en": "the act {what} has no title", "ru": "название акта {what}", "kk": "{what} актісінің атауы"},
    "predicate no label": {"en": "the predicate {what} has no label", "ru": "метка предиката {what}",
                           "kk": "{what} предикатының белгісі"},
    "predicate no reads": {"en": "the predicate {what} has no `reads` template", "ru": "шаблон `reads` предиката {what}",
                           "kk": "{what} предикатының `reads` үлгісі"},
    "kind no label": {"en": "the kind {what} has no label", "ru": "метка вида {what}",
                      "kk": "{what} түрінің белгісі"},
    "unknown-kind parameter": {"en": "the parameter {parameter} of {predicate} takes the kind {kind}, which is not declared",
                               "ru": "параметр {parameter} предиката {predicate} принимает вид {kind}, который не объявлен",
                               "kk": "{predicate} предикатының {parameter} параметрі жарияланбаған {kind} түрін алады"},
    "unknown-kind parent": {"en": "the kind {what} is said to be a {kind}, which is not declared",
                            "ru": "вид {what} назван видом {kind}, который не объявлен",
                            "kk": "{what} түрі жарияланбаған {kind} түріне жатқызылған"},
    "declare kind": {"en": "declare it: kind {kind} kk \"...\" ru \"...\" en \"...\".",
                     "ru": "объявите его: kind {kind} kk \"...\" ru \"...\" en \"...\".",
                     "kk": "оны жариялаңыз: kind {kind} kk \"...\" ru \"...\" en \"...\"."},
    "constant no label": {"en": "the constant {what} has no label", "ru": "метка константы {what}",
                          "kk": "{what} константасының белгісі"},
    "norm no quote": {"en": "the norm {what} has no quote", "ru": "цитата нормы {what}", "kk": "{what} нормасының дәйексөзі"},
    "norm no interpretation": {"en": "the norm {what} has no interpretation", "ru": "толкование нормы {what}",
                               "kk": "{what} нормасының түсіндірмесі"},
    "act no citation form": {"en": "the act {what} has no citation form", "ru": "форма ссылки акта {what}",
                             "kk": "{what} актісінің сілтеме нысаны"},
    "question no title": {"en": "the question {what} has no title", "ru": "заголовок вопроса {what}",
                          "kk": "{what} сұрағының тақырыбы"},
    "files checked": {"en": "{files} files, {norms} norms: {errors}, {warnings}",
                      "ru": "{files} {files:файл|файла|файлов}, {norms} {norms:норма|нормы|норм}: {errors}, {warnings}",
                      "kk": "{files} файл, {norms} норма: {errors}, {warnings}"},
    "single-use-variable": {"en": "the variable {name} occurs only once {where}, so it stands for anything",
                            "ru": "переменная {name} встречается {where} только один раз, поэтому означает что угодно",
                            "kk": "{name} айнымалысы {where} бір-ақ рет кездеседі, сондықтан кез келген мәнді білдіреді"},
    "in this norm": {"en": "in this norm", "ru": "в этой норме", "kk": "бұл нормада"},
    "in this rule": {"en": "in this rule", "ru": "в этом правиле", "kk": "бұл ережеде"},
    "domain-bound-variable": {
        "en": "no condition binds the variable {name} of the conclusion, so the norm reaches every {name} of the "
              "domain of {predicate} (`asked over`) and anyone a question names",
        "ru": "ни одно условие не связывает переменную {name} заключения, поэтому норма охватывает любое {name} "
              "из области {predicate} (`asked over`) и любого, кого назовёт вопрос",
        "kk": "қорытындыдағы {name} айнымалысын бірде-бір шарт байланыстырмайды, сондықтан норма {predicate} "
              "аясындағы (`asked over`) әрбір {name} мәнін және сұрақ атаған кез келгенді қамтиды"},
    "did you mean var instead": {
        "en": "did you mean {meant} where {written} is written ({where})?",
        "ru": "возможно, имелось в виду {meant} там, где написано {written} ({where})?",
        "kk": "{written} жазылған жерде ({where}) {meant} деп айтқыңыз келді ме?"},
    "mark open variable": {
        "en": "if any value is meant, write it as _{name} (a leading _ says the variable is left open on purpose)",
        "ru": "если имеется в виду любое значение, запишите _{name} (подчёркивание впереди говорит, что переменная "
              "оставлена открытой намеренно)",
        "kk": "кез келген мән меңзелсе, _{name} деп жазыңыз (алдындағы _ айнымалының әдейі ашық қалдырылғанын білдіреді)"},
    "lone-constant": {"en": "the name {name} in the conclusion occurs nowhere else in the knowledge base",
                      "ru": "имя {name} в заключении больше нигде в базе знаний не встречается",
                      "kk": "қорытындыдағы {name} атауы білім қорының басқа еш жерінде кездеспейді"},
    "lone-constant hint": {
        "en": "a lower-case name is a constant; if a variable was meant, write {variable}",
        "ru": "имя со строчной буквы — константа; если имелась в виду переменная, напишите {variable}",
        "kk": "кіші әріппен жазылған атау — константа; айнымалы меңзелсе, {variable} деп жазыңыз"},
    "see help": {"en": "see `{command} --help`", "ru": "см. `{command} --help`", "kk": "`{command} --help` қараңыз"},
    "none": {"en": "none", "ru": "нет", "kk": "жоқ"},
    "no such code": {"en": "no diagnostic code {code!r}", "ru": "нет кода диагностики «{code}»",
                     "kk": "«{code}» деген диагностика коды жоқ"},
    "list codes": {"en": "`zan check --list-codes` lists them", "ru": "`zan check --list-codes` перечисляет их",
                   "kk": "`zan check --list-codes` оларды тізеді"},
    # exceptions (engine/checks/exceptions.py)
    "exception-outranked": {
        "en": "{norm} ({lower}, rank {rank}) is written as an exception to {excepted} ({higher}, rank {higher_rank}), "
              "but an act of lower rank cannot carve an exception out of a higher-ranked act: lex superior decides "
              "between them, and {excepted} prevails",
        "ru": "норма {norm} ({lower}, юридическая сила {rank}) записана как исключение из нормы {excepted} ({higher}, "
              "юридическая сила {higher_rank}), но акт меньшей юридической силы не может установить исключение из нормы "
              "акта большей юридической силы: между ними решает lex superior, и норма {excepted} имеет приоритет",
        "kk": "{norm} нормасы ({lower}, заңдық күші {rank}) {excepted} нормасынан ({higher}, заңдық күші {higher_rank}) "
              "ерекшелік ретінде жазылған, бірақ заңдық күші төмен акт заңдық күші жоғары актінің нормасынан ерекшелік "
              "белгілей алмайды: олардың арасын lex superior шешеді, және {excepted} нормасы басым болады"},
    "norm declared here": {"en": "{norm} is declared here", "ru": "норма {norm} объявлена здесь",
                           "kk": "{norm} нормасы осында жарияланған"},
    "delegate or remove": {
        "en": "if {higher} delegates this to {lower}, say so on {excepted}: `delegates exceptions to {lower}`; "
              "otherwise remove the `exception to`",
        "ru": "если {higher} делегирует это акту {lower}, укажите это в норме {excepted}: `delegates exceptions to "
              "{lower}`; иначе уберите `exception to`",
        "kk": "егер {higher} бұл өкілеттікті {lower} актісіне берсе, мұны {excepted} нормасында көрсетіңіз: "
              "`delegates exceptions to {lower}`; әйтпесе `exception to` алып тастаңыз"},
    "exception-never-bites": {"en": "{norm} is an exception to {excepted}, but {why}",
                              "ru": "норма {norm} — исключение из нормы {excepted}, но {why}",
                              "kk": "{norm} нормасы — {excepted} нормасынан ерекшелік, бірақ {why}"},
    "concludes nothing": {"en": "{norm} concludes no permission, prohibition or obligation",
                          "ru": "норма {norm} не устанавливает ни разрешения, ни запрета, ни обязанности",
                          "kk": "{norm} нормасы ешқандай рұқсат, тыйым не міндет белгілемейді"},
    "both are": {"en": "both are {modality}", "ru": "обе — {modality}", "kk": "екеуі де — {modality}"},
    "do not conflict": {"en": "{first} and {second} do not conflict", "ru": "{first} и {second} не противоречат друг другу",
                        "kk": "{first} және {second} бір-біріне қайшы келмейді"},
    "no common atom": {"en": "no atom is both {first} and {second}",
                       "ru": "ни один атом не является одновременно {first} и {second}",
                       "kk": "ешбір атом бір мезгілде әрі {first}, әрі {second} бола алмайды"},
    "never together": {"en": "they are never in force on the same day", "ru": "они ни в один день не действуют одновременно",
                       "kk": "олар ешқашан бір күнде бірге күшінде болмайды"},
    "exception concludes": {
        "en": "an exception must conclude the same atom as the norm it excepts, with the opposite modality "
              "(permitted/obligatory/discretionary against prohibited)",
        "ru": "исключение должно устанавливать тот же атом, что и норма, из которой оно сделано, с противоположной "
              "модальностью (permitted/obligatory/discretionary против prohibited)",
        "kk": "ерекшелік өзі шығарылған нормамен бірдей атомды қарама-қарсы модальділікпен қорытындылауы тиіс "
              "(permitted/obligatory/discretionary — prohibited-ке қарсы)"},
    # conflicts (engine/checks/conflicts.py)
    "unresolved-conflict": {
        "en": "{first} ({first_modality}) and {second} ({second_modality}) can apply to the same atom, and neither "
              "prevails: same rank ({rank}), same date, no exception between them",
        "ru": "нормы {first} ({first_modality}) и {second} ({second_modality}) могут применяться к одному и тому же "
              "атому, и ни одна не имеет приоритета: одинаковая юридическая сила ({rank}), одна дата, исключения между "
              "ними нет",
        "kk": "{first} ({first_modality}) және {second} ({second_modality}) нормалары бір атомға қолданылуы мүмкін, "
              "және ешқайсысы басым болмайды: заңдық күші бірдей ({rank}), күні бірдей, араларында ерекшелік жоқ"},
    "write exception to": {
        "en": "if one is the special rule, write `exception to` on it (e.g. `exception to {first}` on {second}); or add "
              "a condition that keeps them apart",
        "ru": "если одна из них — специальная норма, напишите в ней `exception to` (напр. `exception to {first}` в "
              "норме {second}); или добавьте условие, которое их разводит",
        "kk": "егер біреуі арнайы норма болса, онда `exception to` жазыңыз (мысалы, {second} нормасында `exception to "
              "{first}`); немесе оларды ажырататын шарт қосыңыз"},
    # validity (engine/checks/validity.py)
    "from to": {"en": "from {start} to {end}", "ru": "с {start} по {end}", "kk": "{start:abl} бастап {end:acc} қоса алғанға дейін"},
    "from": {"en": "from {start}", "ru": "с {start}", "kk": "{start:abl} бастап"},
    "always to": {"en": "from the beginning to {end}", "ru": "с самого начала по {end}",
                  "kk": "басынан бастап {end:acc} қоса алғанға дейін"},
    "always": {"en": "from the beginning", "ru": "с самого начала", "kk": "басынан бастап"},
    "act in force": {"en": "the act {act} is in force {when}", "ru": "акт {act} действует {when}",
                     "kk": "{act} актісі {when} күшінде"},
    "norm-never-in-force": {"en": "the norm {norm} is in force {when}, never while its act {act} is",
                            "ru": "норма {norm} действует {when} — ни в один из дней, когда действует её акт {act}",
                            "kk": "{norm} нормасы {when} күшінде — өз {act} актісі күшінде болған бірде-бір күні емес"},
    "correct the date": {"en": "a norm counts only on days its act is in force too; correct the date or the citation",
                         "ru": "норма учитывается только в дни, когда действует и её акт; исправьте дату или ссылку",
                         "kk": "норма тек өз актісі де күшінде болған күндері ескеріледі; күнді не сілтемені түзетіңіз"},
    "validity-outside-act": {"en": "the norm {norm} is in force {when}, beyond its act {act}",
                             "ru": "норма {norm} действует {when}, за пределами срока действия её акта {act}",
                             "kk": "{norm} нормасы {when} күшінде, бұл өз {act} актісінің күшінде болу мерзімінен тыс"},
    "narrow the interval": {"en": "the days outside the act's interval are ignored; narrow the norm's interval to the act's",
                            "ru": "дни вне срока действия акта не учитываются; сузьте срок действия нормы до срока акта",
                            "kk": "акт мерзімінен тыс күндер ескерілмейді; норманың мерзімін актінің мерзіміне дейін тарылтыңыз"},
    # readings (engine/checks/readings.py)
    "unknown-reading": {"en": "{where} names the reading {name}, which is not declared",
                        "ru": "{where} называет толкование {name}, которое не объявлено",
                        "kk": "{where} жарияланбаған {name} пайымын атайды"},
    "the norm": {"en": "the norm {norm}", "ru": "норма {norm}", "kk": "{norm} нормасы"},
    "a condition of": {"en": "a condition of {norm}", "ru": "условие нормы {norm}", "kk": "{norm} нормасының шарты"},
    "a condition of a rule": {"en": "a condition of a rule", "ru": "условие правила", "kk": "ереженің шарты"},
    "the reading": {"en": "the reading {name}", "ru": "толкование {name}", "kk": "{name} пайымы"},
    "declare reading": {"en": "declare it with `reading NAME ...`, or correct the name",
                        "ru": "объявите его: `reading NAME ...`, или исправьте имя",
                        "kk": "оны `reading NAME ...` арқылы жариялаңыз немесе атауын түзетіңіз"},
    "no default reading": {"en": "the alternative readings {names} have no default",
                           "ru": "у альтернативных толкований {names} нет толкования по умолчанию",
                           "kk": "{names} балама пайымдарының ішінде әдепкісі жоқ"},
    "several default readings": {"en": "the alternative readings {names} have several defaults: {defaults}",
                                 "ru": "у альтернативных толкований {names} несколько толкований по умолчанию: {defaults}",
                                 "kk": "{names} балама пайымдарының бірнеше әдепкісі бар: {defaults}"},
    "mark one default": {"en": "mark exactly one of them `default`", "ru": "отметьте ровно одно из них как `default`",
                         "kk": "олардың дәл біреуін `default` деп белгілеңіз"},
    # stratification (engine/checks/stratification.py)
    "unstratifiable": {"en": "unable to stratify {count:predicate(s)|predicate(s)} {{{names}}}: they depend on each other through negation",
                       "ru": "нельзя стратифицировать {count:предикат|предикаты|предикаты} {{{names}}}: зависимость через "
                             "отрицание (`not`) замыкается в цикл",
                       "kk": "{{{names}}} {count:предикатын|предикаттарын} стратификациялау мүмкін емес: терістеу (`not`) "
                             "арқылы тәуелділік тұйықталады"},
    "depends on not": {"en": "{head} depends on `not {body}` here", "ru": "{head} зависит здесь от `not {body}`",
                       "kk": "{head} осында `not {body}` шартына тәуелді"},
    "split or drop not": {"en": "a predicate may not depend on its own negation; split it, or drop the `not`",
                          "ru": "предикат не может зависеть от собственного отрицания; разделите его или уберите `not`",
                          "kk": "предикат өз терістеуіне тәуелді бола алмайды; оны бөліңіз немесе `not` алып тастаңыз"},
    # repeated phrases (engine/checks/phrases.py)
    "member-not-relation": {"en": "the phrase {language} \"{phrase}\" of {name} names a member '{member}', but {why}",
                            "ru": "фраза {language} «{phrase}» у {name} называет член «{member}», но {why}",
                            "kk": "{name} үшін {language} «{phrase}» тіркесі «{member}» мүшесін атайды, бірақ {why}"},
    "member of no relation": {"en": "{name} is not a relation of two arguments", "ru": "{name} — не отношение двух аргументов",
                              "kk": "{name} — екі аргументті қатынас емес"},
    "member is a predicate": {"en": "'{member}' is a predicate's name", "ru": "«{member}» — имя предиката",
                              "kk": "«{member}» — предикат атауы"},
    "drop member": {"en": "drop `member {member}`, or rename the member", "ru": "уберите `member {member}` или переименуйте член",
                    "kk": "`member {member}` алып тастаңыз немесе мүшенің атын өзгертіңіз"},
    "phrase-gender": {"en": "the phrase {language} \"{phrase}\" of {name} says the gender '{gender}', but {why}",
                      "ru": "фраза {language} «{phrase}» у {name} говорит о поле «{gender}», но {why}",
                      "kk": "{name} үшін {language} «{phrase}» тіркесі «{gender}» жынысын айтады, бірақ {why}"},
    "gender unknown": {"en": "a gender is one of {genders}", "ru": "пол — одно из: {genders}",
                       "kk": "жыныс мыналардың бірі: {genders}"},
    "gender of no person": {"en": "{name} is not a predicate of one or two arguments (its phrase names no person)",
                            "ru": "{name} — не предикат одного или двух аргументов (его фраза не называет лицо)",
                            "kk": "{name} — бір не екі аргументті предикат емес (оның тіркесі адамды атамайды)"},
    "gender of the member": {"en": "the phrase \"{phrase}\" of the same member (line {line}) says '{gender}'",
                             "ru": "фраза «{phrase}» того же члена (строка {line}) говорит «{gender}»",
                             "kk": "сол мүшенің «{phrase}» тіркесі ({line}-жол) «{gender}» дейді"},
    "say the gender": {"en": "write {genders}, or drop the gender", "ru": "напишите {genders} или уберите пол",
                       "kk": "{genders} деп жазыңыз немесе жынысты алып тастаңыз"},
    "duplicate-phrase": {"en": "{name} has the phrase {language} \"{phrase}\" twice",
                         "ru": "у {name} дважды дана фраза {language} «{phrase}»",
                         "kk": "{name} үшін {language} «{phrase}» тіркесі екі рет берілген"},
    "drop or change the phrase": {"en": "it is already given on line {line}: drop it, or write the phrase that was meant",
                                  "ru": "она уже дана в строке {line}: удалите её или напишите ту фразу, которая имелась в виду",
                                  "kk": "ол {line}-жолда берілген: оны алып тастаңыз немесе көзделген тіркесті жазыңыз"},
    # scripts (engine/checks/scripts.py); the kind of name: ru in the genitive (имя предиката)
    "kind predicate": {"en": "predicate", "ru": "предиката", "kk": "предикат"},
    "kind norm": {"en": "norm", "ru": "нормы", "kk": "норма"},
    "kind constant": {"en": "constant", "ru": "константы", "kk": "константа"},
    "kind variable": {"en": "variable", "ru": "переменной", "kk": "айнымалы"},
    "script Latin": {"en": "Latin", "ru": "латиница", "kk": "латын жазуы"},
    "script Cyrillic": {"en": "Cyrillic", "ru": "кириллица", "kk": "кирилл жазуы"},
    "script Greek": {"en": "Greek", "ru": "греческое письмо", "kk": "грек жазуы"},
    "script and letter": {"en": "{script} ({letter!r})", "ru": "{script} («{letter}»)", "kk": "{script} («{letter}»)"},
    "unnormalized-name": {"en": "the {kind} name {name!r} is written with combining characters; it looks like "
                                "{composed!r} and is another name",
                          "ru": "имя {kind} «{name}» записано с комбинируемыми знаками; оно выглядит как «{composed}», но "
                                "это другое имя",
                          "kk": "«{name}» {kind} атауы біріктірілетін таңбалармен жазылған; ол «{composed}» сияқты "
                                "көрінеді, бірақ бұл басқа атау"},
    "retype in NFC": {"en": "retype it, or save the file in Unicode NFC (composed characters)",
                      "ru": "наберите его заново или сохраните файл в Unicode NFC (составные символы)",
                      "kk": "оны қайта теріңіз немесе файлды Unicode NFC түрінде (құрама таңбалармен) сақтаңыз"},
    "mixed-script": {"en": "the {kind} name {name!r} mixes letters of {count} scripts: {parts}",
                     "ru": "в имени {kind} «{name}» смешаны буквы разных письменностей ({count}): {parts}",
                     "kk": "«{name}» {kind} атауында {count} түрлі жазудың әріптері араласқан: {parts}"},
    "retype in one script": {"en": "a look-alike letter makes another name; retype it in one script",
                             "ru": "похожая буква делает имя другим; наберите его буквами одной письменности",
                             "kk": "ұқсас әріп басқа атау жасайды; оны бір жазудың әріптерімен қайта теріңіз"},
    # conclusions stated as facts, conditions on a conclusion (engine/checks/conclusions.py, concluded_reads.py)
    "conclusion-as-fact": {
        "en": "{fact} states a conclusion: whether {predicate}(...) is {said} is for the norms to say, and a fact of it "
              "would be ignored",
        "ru": "{fact} утверждает заключение: является ли {predicate}(...) {said}, решают нормы, а такой факт был бы "
              "проигнорирован",
        "kk": "{fact} қорытындыны мәлімдейді: {predicate}(...) {said} бола ма — мұны нормалар шешеді, ал ол туралы факт "
              "еленбейді"},
    "state the facts": {
        "en": "a case file cannot state a conclusion; state the facts the norms on {predicate} rest on, then ask "
              "`zan ask \"{fact}\"`",
        "ru": "файл дела не может утверждать заключение; укажите факты, на которых основаны нормы о {predicate}, затем "
              "спросите `zan ask \"{fact}\"`",
        "kk": "іс файлы қорытындыны мәлімдей алмайды; {predicate} туралы нормалар негізделетін фактілерді жазыңыз, сосын "
              "`zan ask \"{fact}\"` деп сұраңыз"},
    "condition-on-conclusion": {"en": "norms conclude {predicate} ({kinds}); this condition reads {reads}",
                                "ru": "нормы устанавливают {predicate} ({kinds}); это условие читает {reads}",
                                "kk": "нормалар {predicate} қорытындылайды ({kinds}); бұл шарт оқитыны: {reads}"},
    "reads fulfilled": {"en": "only the facts of {predicate} (a duty recorded as fulfilled), not whether it is {kinds}",
                        "ru": "только факты {predicate} (обязанность, отмеченная как исполненная), а не то, является ли "
                              "это {kinds}",
                        "kk": "тек {predicate} фактілері (орындалды деп тіркелген міндет), оның {kinds} екені емес"},
    "reads never": {"en": "only the facts of {predicate}, which a case may not state, so it never holds; it does not ask "
                          "whether {predicate}(...) is {kinds}",
                    "ru": "только факты {predicate}, которые дело указывать не может, поэтому оно никогда не выполняется; "
                          "оно не спрашивает, является ли {predicate}(...) {kinds}",
                    "kk": "тек {predicate} фактілері, оларды іс көрсете алмайды, сондықтан шарт ешқашан орындалмайды; ол "
                          "{predicate}(...) {kinds} екенін сұрамайды"},
    "own predicate": {"en": "state the circumstance the norms rest on as its own predicate, and use that here",
                      "ru": "выразите обстоятельство, на котором основаны нормы, отдельным предикатом и используйте его здесь",
                      "kk": "нормалар негізделетін мән-жайды жеке предикат ретінде жазып, осында соны қолданыңыз"},
    # declarations (engine/checks/declarations.py), the rest
    "citation form short": {"en": 'write the act key, a space, then the article: "code 12.1"',
                            "ru": 'напишите ключ акта, пробел, затем статью: "code 12.1"',
                            "kk": 'акт кілтін, бос орын, сосын бапты жазыңыз: "code 12.1"'},
    "unknown-act outside scope": {"en": "`outside scope` names the act {act}, which is not declared",
                                  "ru": "`outside scope` называет акт {act}, который не объявлен",
                                  "kk": "`outside scope` жарияланбаған {act} актісін атайды"},
    "unknown-act delegates": {"en": "`delegates exceptions to` names the act {act}, which is not declared",
                              "ru": "`delegates exceptions to` называет акт {act}, который не объявлен",
                              "kk": "`delegates exceptions to` жарияланбаған {act} актісін атайды"},
    "not an argument": {"en": "{{{name}}} is not an argument of {predicate}", "ru": "{{{name}}} — не аргумент предиката {predicate}",
                        "kk": "{{{name}}} — {predicate} предикатының аргументі емес"},
    "choice forms": {"en": "the choice {{{name}?...}} gives {count} forms; a choice gives three, by the gender of {name}",
                     "ru": "выбор {{{name}?...}} даёт форм: {count}; выбор даёт три, по роду {name}",
                     "kk": "{{{name}?...}} таңдауы {count} нысан береді; таңдау {name} тегіне қарай үш нысан береді"},
    "choice forms hint": {"en": "write {{{name}?masculine|feminine|other}}: the third where the gender is not known",
                          "ru": "пишите {{{name}?мужской|женский|иначе}}: третья форма — когда род неизвестен",
                          "kk": "{{{name}?еркек тегі|әйел тегі|басқа}} деп жазыңыз: тегі белгісіз болса — үшінші нысан"},
    "the arguments are": {"en": "the arguments are {names}", "ru": "аргументы: {names}", "kk": "аргументтері: {names}"},
    "not a parameter": {"en": "{{{name}}} is not a parameter of the question {question}",
                        "ru": "{{{name}}} — не параметр вопроса {question}",
                        "kk": "{{{name}}} — {question} сұрағының параметрі емес"},
    "the parameters are": {"en": "the parameters are {names}", "ru": "параметры: {names}", "kk": "параметрлері: {names}"},
    "parameter unused": {"en": "the question {question} takes {name} but never uses it",
                         "ru": "вопрос {question} принимает {name}, но нигде его не использует",
                         "kk": "{question} сұрағы {name} параметрін алады, бірақ оны еш жерде қолданбайды"},
    "decisive-not-in-quote": {"en": "the decisive words of {norm} ({tag}) are not in its {tag} quote",
                              "ru": "решающих слов нормы {norm} ({tag}) нет в её цитате {tag}",
                              "kk": "{norm} нормасының шешуші сөздері ({tag}) оның {tag} дәйексөзінде жоқ"},
    "copy the words": {"en": "copy the words exactly from the quote: a shortened quote always shows them",
                       "ru": "скопируйте слова из цитаты точно: сокращённая цитата всегда их показывает",
                       "kk": "сөздерді дәйексөзден дәл көшіріңіз: қысқартылған дәйексөз оларды әрдайым көрсетеді"},
    "exception-cycle": {"en": "norms are exceptions to each other in a cycle: {cycle}",
                        "ru": "нормы являются исключениями друг из друга по кругу: {cycle}",
                        "kk": "нормалар бір-бірінен тұйық шеңбер бойынша ерекшелік болып тұр: {cycle}"},
    # syntax (engine/syntax/parser.py): what could stand where the text went wrong, in words
    "terminal IDENT": {"en": "a name", "ru": "имя", "kk": "атау"},
    "terminal NORM_ID": {"en": "a norm id such as pec.134.1.2", "ru": "идентификатор нормы, напр. pec.134.1.2",
                         "kk": "норма идентификаторы, мысалы pec.134.1.2"},
    "terminal QUESTION_NAME": {"en": "a question name", "ru": "имя вопроса", "kk": "сұрақ атауы"},
    "terminal DATE": {"en": "a date such as 2024-12-27", "ru": "дата, напр. 2024-12-27", "kk": "күн, мысалы 2024-12-27"},
    "terminal NUMBER": {"en": "a number", "ru": "число", "kk": "сан"},
    "terminal INTEGER": {"en": "a whole number", "ru": "целое число", "kk": "бүтін сан"},
    "terminal STRING": {"en": 'a "quoted text"', "ru": 'текст в кавычках ("...")', "kk": 'тырнақшадағы мәтін ("...")'},
    "terminal MODALITY": {"en": "permitted, prohibited, obligatory or discretionary",
                          "ru": "permitted, prohibited, obligatory или discretionary",
                          "kk": "permitted, prohibited, obligatory немесе discretionary"},
    "terminal STATUS_FILTER": {"en": "a status", "ru": "статус", "kk": "мәртебе"},
    "terminal LANGUAGE": {"en": "kk, ru or en", "ru": "kk, ru или en", "kk": "kk, ru немесе en"},
    "terminal COMPARATOR": {"en": "a comparison (=, !=, <, <=, >, >=)", "ru": "сравнение (=, !=, <, <=, >, >=)",
                            "kk": "салыстыру (=, !=, <, <=, >, >=)"},
    "terminal $END": {"en": "the end of the text", "ru": "конец текста", "kk": "мәтіннің соңы"},
    "expected": {"en": "{what}; expected {names}", "ru": "{what}; ожидалось: {names}", "kk": "{what}; күтілгені: {names}"},
    "unexpected character": {"en": "unexpected character {char!r}", "ru": "неожиданный символ «{char}»",
                             "kk": "күтілмеген таңба «{char}»"},
    "unexpected token": {"en": "unexpected '{token}'", "ru": "здесь не ожидалось «{token}»", "kk": "мұнда «{token}» күтілмеген"},
    "unexpected end": {"en": "unexpected the end of the text", "ru": "текст неожиданно закончился",
                       "kk": "мәтін күтпеген жерде аяқталды"},
    "ends too early": {"en": "the text ends too early", "ru": "текст обрывается слишком рано", "kk": "мәтін тым ерте аяқталады"},
    "ends with a full stop": {"en": "every statement ends with a full stop", "ru": "каждое утверждение заканчивается точкой",
                              "kk": "әрбір тұжырым нүктемен аяқталады"},
    "double quotes": {"en": 'texts are written in double quotes: "..."', "ru": 'тексты пишутся в двойных кавычках: "..."',
                      "kk": 'мәтіндер қос тырнақшаға алынып жазылады: "..."'},
    "conditions are written": {"en": "conditions are written `head if a(X) and b(X).`",
                               "ru": "условия записываются так: `head if a(X) and b(X).`",
                               "kk": "шарттар былай жазылады: `head if a(X) and b(X).`"},
    "text not closed": {
        "en": "this text is not closed on its line: the quote opened here runs on to line {line}, and the text after it "
              "is read as the statement's continuation",
        "ru": "текст не закрыт на своей строке: кавычка, открытая здесь, тянется до строки {line}, и всё после неё "
              "читается как продолжение утверждения",
        "kk": "мәтін өз жолында жабылмаған: осында ашылған тырнақша {line}-жолға дейін созылады, ал одан кейінгісі "
              "тұжырымның жалғасы ретінде оқылады"},
    "close the text": {"en": 'close the text with " on the line where it begins',
                       "ru": 'закройте текст знаком " на той строке, где он начинается',
                       "kk": 'мәтінді басталған жолында " белгісімен жабыңыз'},
    "no full stop": {"en": "this statement does not end with a full stop", "ru": "это утверждение не заканчивается точкой",
                     "kk": "бұл тұжырым нүктемен аяқталмаған"},
    "add a full stop": {"en": "add '.' here; the next statement begins on line {line}",
                        "ru": "поставьте здесь '.'; следующее утверждение начинается на строке {line}",
                        "kk": "осында '.' қойыңыз; келесі тұжырым {line}-жолда басталады"},
    "not a word here": {"en": "'{word}' is not a word of the language here", "ru": "«{word}» в этом месте не слово языка",
                        "kk": "«{word}» бұл жерде тілдің сөзі емес"},
    "nested too deeply": {"en": "the text is nested too deeply to read", "ru": "текст вложен слишком глубоко, чтобы его прочитать",
                          "kk": "мәтін тым терең кірістірілген, оны оқу мүмкін емес"},
    "for every constant": {"en": "`for every` is followed by variables (capitalised), not the constant {name}",
                           "ru": "после `for every` идут переменные (с заглавной буквы), а не константа {name}",
                           "kk": "`for every` тіркесінен кейін {name} константасы емес, айнымалылар (бас әріппен) жазылады"},
    "write for every": {"en": "write for every {name} such that ...", "ru": "напишите for every {name} such that ...",
                        "kk": "for every {name} such that ... деп жазыңыз"},
    "for every outside": {"en": "{name} is the variable of `for every` here and is used outside it too",
                          "ru": "{name} здесь — переменная `for every`, но она используется и вне его",
                          "kk": "{name} мұнда `for every` айнымалысы, бірақ ол одан тыс та қолданылады"},
    "for every own name": {"en": "give the variable of `for every` a name of its own (not {name})",
                           "ru": "дайте переменной `for every` собственное имя (не {name})",
                           "kk": "`for every` айнымалысына өз атауын беріңіз ({name} емес)"},
    "for every unnamed": {"en": "{name} after `for every` is not named by any condition after `such that`",
                          "ru": "ни одно условие после `such that` не называет {name}, стоящую после `for every`",
                          "kk": "`such that` кейінгі бірде-бір шарт `for every` кейінгі {name} айнымалысын атамайды"},
    "for every say which": {"en": "say which {name} are meant: for every {name} such that something({name}): ...",
                            "ru": "укажите, какие {name} имеются в виду: for every {name} such that something({name}): ...",
                            "kk": "қандай {name} меңзелетінін көрсетіңіз: for every {name} such that something({name}): ..."},
    "for every where": {"en": "a `for every` condition can stand only in the conditions of a rule or norm",
                        "ru": "условие `for every` может стоять только среди условий правила или нормы",
                        "kk": "`for every` шарты тек ереже не норма шарттарының ішінде тұра алады"},
    "not a number": {"en": "{text!r} is not a number", "ru": "«{text}» — не число", "kk": "«{text}» сан емес"},
    "number too long": {"en": "a number of more than {digits} digits", "ru": "число длиннее {digits} {digits:цифры|цифр|цифр}",
                        "kk": "{digits} цифрдан ұзын сан"},
    "not a calendar day": {"en": "{date} is not a day of the calendar", "ru": "{date} — такого дня нет в календаре",
                           "kk": "{date} — күнтізбеде мұндай күн жоқ"},
    "dates are written": {"en": "dates are written YYYY-MM-DD, e.g. 2024-12-27", "ru": "даты пишутся ГГГГ-ММ-ДД, напр. 2024-12-27",
                          "kk": "күндер ЖЖЖЖ-АА-КК түрінде жазылады, мысалы 2024-12-27"},
    # files (engine/base/inputs.py)
    "no such file": {"en": "no such file: {name}", "ru": "нет такого файла: {name}", "kk": "мұндай файл жоқ: {name}"},
    "is a folder": {"en": "{name} is a folder, not a file", "ru": "{name} — папка, а не файл", "kk": "{name} — файл емес, қалта"},
    "cannot read": {"en": "cannot read {name}: {reason}", "ru": "не удаётся прочитать {name}: {reason}",
                    "kk": "{name} оқылмады: {reason}"},
    "permission denied": {"en": "Permission denied", "ru": "нет прав на чтение", "kk": "оқуға рұқсат жоқ"},
    "is standard input": {"en": "{name} is standard input, not a file", "ru": "{name} — стандартный ввод, а не файл",
                          "kk": "{name} — файл емес, стандартты енгізу"},
    "only regular files": {"en": "{name} is {what}; only regular files are read here",
                           "ru": "{name} — {what}; здесь читаются только обычные файлы",
                           "kk": "{name} — {what}; мұнда тек қарапайым файлдар оқылады"},
    "file kind a folder": {"en": "a folder", "ru": "папка", "kk": "қалта"},
    "file kind a pipe": {"en": "a pipe or FIFO", "ru": "канал (FIFO)", "kk": "арна (FIFO)"},
    "file kind a device": {"en": "a device", "ru": "устройство", "kk": "құрылғы"},
    "file kind not regular": {"en": "not a regular file", "ru": "не обычный файл", "kk": "қарапайым файл емес"},
    "input-too-large": {"en": "{name} is larger than {limit:,} bytes, the most Zan reads from one input",
                        "ru": "{name} больше {limit:,} байт — это наибольший объём, который Zan читает из одного входа",
                        "kk": "{name} {limit:,} байттан үлкен — Zan бір кірістен оқитын ең үлкен көлем осы"},
    "split the input": {"en": "split it into several files (SECURITY.md, limits)",
                        "ru": "разделите его на несколько файлов (SECURITY.md, ограничения)",
                        "kk": "оны бірнеше файлға бөліңіз (SECURITY.md, шектеулер)"},
    "binary file": {"en": "this is a binary file, not text (it contains a NUL byte)",
                    "ru": "это двоичный файл, а не текст (в нём есть байт NUL)",
                    "kk": "бұл мәтін емес, екілік файл (онда NUL байты бар)"},
    "not utf-8": {"en": "the file is not UTF-8 text (byte 0x{byte:02x})", "ru": "файл — не текст в UTF-8 (байт 0x{byte:02x})",
                  "kk": "файл UTF-8 мәтіні емес (0x{byte:02x} байты)"},
    "no kb folder at": {"en": "no knowledge base folder at {folder}", "ru": "нет папки базы знаний: {folder}",
                        "kk": "білім қоры қалтасы жоқ: {folder}"},
    # the project file (engine/base/project.py)
    "cannot read project": {"en": "cannot read the project file: {reason}", "ru": "не удаётся прочитать файл проекта: {reason}",
                            "kk": "жоба файлы оқылмады: {reason}"},
    "not toml": {"en": "the project file is not valid TOML: {reason}", "ru": "файл проекта — некорректный TOML: {reason}",
                 "kk": "жоба файлы дұрыс TOML емес: {reason}"},
    "see authoring 6": {"en": "see docs/authoring.md, section 6", "ru": "см. docs/authoring.md, раздел 6",
                        "kk": "docs/authoring.md, 6-бөлімді қараңыз"},
    "project table": {"en": "[project] must be a table", "ru": "[project] должен быть таблицей", "kk": "[project] кесте болуы тиіс"},
    "unknown project key": {"en": "unknown key {key!r} in [project]", "ru": "неизвестный ключ «{key}» в [project]",
                            "kk": "[project] ішінде белгісіз «{key}» кілті"},
    "the keys are": {"en": "the keys are {keys}", "ru": "ключи: {keys}", "kk": "кілттер: {keys}"},
    "must be strings": {"en": "{key} must be a list of strings", "ru": "{key} должен быть списком строк",
                        "kk": "{key} жолдар тізімі болуы тиіс"},
    "must be a string": {"en": "{key} must be a string", "ru": "{key} должен быть строкой", "kk": "{key} жол болуы тиіс"},
    "must be a date": {"en": "{key} must be a date, YYYY-MM-DD", "ru": "{key} должен быть датой, ГГГГ-ММ-ДД",
                       "kk": "{key} күн болуы тиіс, ЖЖЖЖ-АА-КК"},
    "unknown language": {"en": "unknown language {lang!r}", "ru": "неизвестный язык «{lang}»", "kk": "белгісіз тіл «{lang}»"},
    "the languages are": {"en": "the languages are kk, ru and en", "ru": "языки: kk, ru и en", "kk": "тілдер: kk, ru және en"},
    "no kb folder": {"en": "no knowledge base folder {kb!r} beside the project file",
                     "ru": "рядом с файлом проекта нет папки базы знаний «{kb}»",
                     "kk": "жоба файлының жанында «{kb}» білім қоры қалтасы жоқ"},
    "write kb": {"en": 'write kb = "FOLDER" relative to zan.toml', "ru": 'напишите kb = "ПАПКА" относительно zan.toml',
                 "kk": 'zan.toml-ға қатысты kb = "ҚАЛТА" деп жазыңыз'},
    "project-ignored": {"en": "{file} is ignored: {why} (SECURITY.md)", "ru": "{file} не используется: {why} (SECURITY.md)",
                        "kk": "{file} қолданылмайды: {why} (SECURITY.md)"},
    # knowledge files and case files (engine/syntax/knowledge.py)
    "act declared twice": {"en": "the act {key} is declared twice", "ru": "акт {key} объявлен дважды",
                           "kk": "{key} актісі екі рет жарияланған"},
    "predicate declared twice": {"en": "the predicate {key} is declared twice", "ru": "предикат {key} объявлен дважды",
                                 "kk": "{key} предикаты екі рет жарияланған"},
    "constant declared twice": {"en": "the constant {key} is declared twice", "ru": "константа {key} объявлена дважды",
                                "kk": "{key} константасы екі рет жарияланған"},
    "kind declared twice": {"en": "the kind {key} is declared twice", "ru": "вид {key} объявлен дважды",
                            "kk": "{key} түрі екі рет жарияланған"},
    "norm declared twice": {"en": "the norm {key} is declared twice", "ru": "норма {key} объявлена дважды",
                            "kk": "{key} нормасы екі рет жарияланған"},
    "reading declared twice": {"en": "the reading {key} is declared twice", "ru": "толкование {key} объявлено дважды",
                               "kk": "{key} пайымы екі рет жарияланған"},
    "question declared twice": {"en": "the question {key} is declared twice", "ru": "вопрос {key} объявлен дважды",
                                "kk": "{key} сұрағы екі рет жарияланған"},
    "first declared here": {"en": "first declared here", "ru": "впервые объявлено здесь", "kk": "алғаш осында жарияланған"},
    "case-not-fact": {"en": "a case file holds facts only, and this is {what}",
                      "ru": "файл дела содержит только факты, а это — {what}",
                      "kk": "іс файлында тек фактілер болады, ал бұл — {what}"},
    "case has an act": {"en": "an act", "ru": "акт", "kk": "акт"},
    "case has a predicate": {"en": "a predicate declaration", "ru": "объявление предиката", "kk": "предикатты жариялау"},
    "case has a constant": {"en": "a constant declaration", "ru": "объявление константы", "kk": "константаны жариялау"},
    "case has a kind": {"en": "a kind declaration", "ru": "объявление вида", "kk": "түрді жариялау"},
    "case has a norm": {"en": "a norm", "ru": "норма", "kk": "норма"},
    "case has a question": {"en": "a question", "ru": "вопрос", "kk": "сұрақ"},
    "case has a conclusion": {"en": "a {modality} conclusion", "ru": "заключение {modality}", "kk": "{modality} қорытындысы"},
    "case has a rule": {"en": "a rule with conditions", "ru": "правило с условиями", "kk": "шарттары бар ереже"},
    "case has a statement": {"en": "a statement that is not a fact", "ru": "утверждение, которое не является фактом",
                             "kk": "факт емес тұжырым"},
    "law belongs in the kb": {
        "en": "law (norms, acts, predicates, rules, questions) belongs in the knowledge base (--kb); a case file states "
              "facts such as `q(a, b) from 2024-01-01.`",
        "ru": "право (нормы, акты, предикаты, правила, вопросы) относится к базе знаний (--kb); файл дела содержит "
              "факты, напр. `q(a, b) from 2024-01-01.`",
        "kk": "құқық (нормалар, актілер, предикаттар, ережелер, сұрақтар) білім қорына (--kb) жатады; іс файлында "
              "фактілер болады, мысалы `q(a, b) from 2024-01-01.`"},
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
    # scenarios (engine/tools/scenarios.py)
    "scenario declared twice": {"en": "the scenario {name} is declared twice", "ru": "сценарий {name} объявлен дважды",
                                "kk": "{name} сценарийі екі рет жарияланған"},
    "scenario reading": {"en": "the scenario {name} names the reading {reading!r}, which the knowledge base does not declare "
                               "(known: {known})",
                         "ru": "сценарий {name} называет толкование «{reading}», которого база знаний не объявляет "
                               "(известные: {known})",
                         "kk": "{name} сценарийі білім қоры жарияламаған «{reading}» пайымын атайды (белгілілері: {known})"},
    "facts outside": {"en": "the facts file {path} lies outside the project (a scenario reads case files of its own project only)",
                      "ru": "файл фактов {path} лежит вне проекта (сценарий читает только файлы дел своего проекта)",
                      "kk": "{path} фактілер файлы жобадан тыс жатыр (сценарий тек өз жобасының іс файлдарын оқиды)"},
    "name a case file": {"en": "name a case file of the project, relative to the scenario",
                         "ru": "назовите файл дела этого проекта, путь относительно сценария",
                         "kk": "жобаның іс файлын сценарийге қатысты жолмен атаңыз"},
    # `zan test --coverage` (engine/tools/coverage.py): the report and what each item not covered lacks
    "coverage head": {"en": "coverage: {percent}% ({covered} of {total} items)", "ru": "покрытие: {percent}% ({covered} из {total})",
                      "kk": "қамту: {percent}% ({total} элементтің {covered})"},
    "coverage missing": {"en": "not covered:", "ru": "не покрыто:", "kk": "қамтылмағаны:"},
    "coverage decisive": {"en": "norms decisive", "ru": "решающие нормы", "kk": "шешуші нормалар"},
    "coverage exception-bites": {"en": "exceptions biting", "ru": "срабатывающие исключения", "kk": "қолданылатын ерекшеліктер"},
    "coverage exception-spared": {"en": "exceptions not biting", "ru": "несрабатывающие исключения",
                                  "kk": "қолданылмайтын ерекшеліктер"},
    "coverage condition-holds": {"en": "conditions holding", "ru": "выполняемые условия", "kk": "орындалатын шарттар"},
    "coverage condition-fails": {"en": "conditions failing", "ru": "нарушаемые условия", "kk": "бұзылатын шарттар"},
    "coverage reading": {"en": "readings exercised", "ru": "проверенные толкования", "kk": "тексерілген пайымдар"},
    "never decides": {"en": "{norm} never decides an expected answer", "ru": "{norm} не решает ни одного ожидаемого ответа",
                      "kk": "{norm} ешбір күтілген жауапты шешпейді"},
    "definition never used": {"en": "{norm} (a definition) is never used in the proof of an expected answer",
                              "ru": "{norm} (определение) не используется ни в одном доказательстве ожидаемого ответа",
                              "kk": "{norm} (анықтама) ешбір күтілген жауаптың дәлелінде қолданылмайды"},
    "never bites": {"en": "the exception {norm} to {general} never bites (never defeats {general} in a scenario)",
                    "ru": "исключение {norm} из {general} ни разу не срабатывает (ни в одном сценарии не берёт верх над {general})",
                    "kk": "{general} нормасынан {norm} ерекшелігі ешқашан қолданылмайды (ешбір сценарийде {general} "
                          "нормасынан басым болмайды)"},
    "never spares": {"en": "the exception {norm} to {general} never spares {general} (no scenario where {general} applies and "
                           "the exception does not)",
                     "ru": "исключение {norm} из {general} ни разу не оставляет {general} в силе (нет сценария, где {general} "
                           "применяется, а исключение — нет)",
                     "kk": "{general} нормасынан {norm} ерекшелігі {general} нормасын ешқашан күшінде қалдырмайды ({general} "
                           "қолданылып, ерекшелік қолданылмайтын сценарий жоқ)"},
    "condition never holds": {"en": "{norm}: condition {position} `{condition}` never holds where the norm applies",
                              "ru": "{norm}: условие {position} `{condition}` ни разу не выполняется там, где норма применяется",
                              "kk": "{norm}: {position}-шарт `{condition}` норма қолданылатын жерде ешқашан орындалмайды"},
    "condition never fails": {"en": "{norm}: condition {position} `{condition}` never fails where it decides",
                              "ru": "{norm}: условие {position} `{condition}` ни разу не нарушается там, где оно решает",
                              "kk": "{norm}: {position}-шарт `{condition}` ол шешетін жерде ешқашан бұзылмайды"},
    "reading never exercised": {"en": "the reading {name} is exercised by no scenario (none answers under it)",
                                "ru": "толкование {name} не проверяет ни один сценарий (ни один не отвечает при нём)",
                                "kk": "{name} пайымын ешбір сценарий тексермейді (ешқайсысы оның аясында жауап бермейді)"},
    "reading never exercised with": {"en": "the reading {name} is exercised by no scenario (none answers under it, with {norms} "
                                           "in its trace)",
                                     "ru": "толкование {name} не проверяет ни один сценарий (ни один не отвечает при нём с "
                                           "{norms} в выводе)",
                                     "kk": "{name} пайымын ешбір сценарий тексермейді (ешқайсысы оның аясында қорытындысында "
                                           "{norms} болатындай жауап бермейді)"},
    # what a scenario's expectation found instead (engine/tools/scenarios.compare), beside the scenario language's own words
    "no answer": {"en": "no answer", "ru": "нет ответа", "kk": "жауап жоқ"},
    "proof uses": {"en": "the proof uses {norms}", "ru": "в доказательстве: {norms}", "kk": "дәлелде қолданылғаны: {norms}"},
    "no norm": {"en": "no norm", "ru": "ни одной нормы", "kk": "ешбір норма жоқ"},
    "without norms": {"en": "no {norms}", "ru": "без {norms}", "kk": "{norms} жоқ"},
    "no norm defeated": {"en": "no norm defeated", "ru": "уступивших в коллизии норм нет", "kk": "басымдық берілмеген норма жоқ"},
    "no why-not": {"en": "no why-not about {norm}", "ru": "нет объяснения, почему не применена {norm}",
                   "kk": "{norm} неге қолданылмағаны туралы түсіндірме жоқ"},
    "no citation": {"en": "no citation", "ru": "нет ссылок", "kk": "сілтеме жоқ"},
    # `zan test --mutate` (engine/tools/mutation.py): what each mutant changed, its fate, and the score
    "mutant drop-exception": {"en": "{norm} is no longer an exception to {general}", "ru": "{norm} больше не исключение из {general}",
                              "kk": "{norm} енді {general} нормасынан ерекшелік емес"},
    "mutant flip-modality": {"en": "{norm} concludes {new} instead of {old}", "ru": "{norm} заключает {new} вместо {old}",
                             "kk": "{norm} {old} орнына {new} деп тұжырады"},
    "mutant drop-condition": {"en": "{norm} without its condition {position} `{condition}`",
                              "ru": "{norm} без условия {position} `{condition}`",
                              "kk": "{norm}: {position}-шарты `{condition}` алынып тасталған"},
    "mutant negate-condition": {"en": "{norm} with its condition {position} negated: `{condition}`",
                                "ru": "{norm} с отрицанием условия {position}: `{condition}`",
                                "kk": "{norm}: {position}-шарты терістелген: `{condition}`"},
    "mutant starts": {"en": "{subject} in force from {date} ({when})", "ru": "{subject} действует с {date} ({when})",
                      "kk": "{subject} {date:abl} бастап күшінде ({when})"},
    "mutant ends": {"en": "{subject} in force to {date} ({when})", "ru": "{subject} действует по {date} ({when})",
                    "kk": "{subject} {date:acc} қоса алғанға дейін күшінде ({when})"},
    "a day earlier": {"en": "a day earlier", "ru": "на день раньше", "kk": "бір күн ерте"},
    "a day later": {"en": "a day later", "ru": "на день позже", "kk": "бір күн кеш"},
    "mutant swap-ranks": {"en": "{upper} and {lower} swap ranks ({a} <-> {b})",
                          "ru": "{upper} и {lower} меняются юридической силой ({a} <-> {b})",
                          "kk": "{upper} және {lower} заңдық күштерімен алмасады ({a} <-> {b})"},
    "mutant change-constant": {"en": "{norm} says {new} where the law says {old}",
                               "ru": "{norm} говорит {new} там, где закон говорит {old}",
                               "kk": "заң {old} дейтін жерде {norm} {new} дейді"},
    "mutant survived": {"en": "SURVIVED {kind}: {description}", "ru": "ВЫЖИЛ {kind}: {description}",
                        "kk": "ТІРІ ҚАЛДЫ {kind}: {description}"},
    "mutant killed": {"en": "killed {kind}: {description} ({by})", "ru": "убит {kind}: {description} ({by})",
                      "kk": "өлтірілді {kind}: {description} ({by})"},
    "mutant stillborn": {"en": "stillborn {kind}: {description} ({by})", "ru": "мертворождённый {kind}: {description} ({by})",
                         "kk": "өлі туған {kind}: {description} ({by})"},
    "killed at": {"en": "{scenario}: {atom} at {date} ({what})", "ru": "{scenario}: {atom} на {date} ({what})",
                  "kk": "{scenario}: {atom}, {date} күні ({what})"},
    "evaluation failed": {"en": "{scenario}: evaluation failed ({error})", "ru": "{scenario}: вычисление не удалось ({error})",
                          "kk": "{scenario}: есептеу сәтсіз аяқталды ({error})"},
    "stillborn by": {"en": "zan check: {message} [{code}]", "ru": "отвергнут zan check: {message} [{code}]",
                     "kk": "zan check қабылдамады: {message} [{code}]"},
    "mutation score": {"en": "mutation score: {percent}% ({killed} of {scored} mutants killed",
                       "ru": "оценка мутаций: {percent}% (убито {killed} из {scored}",
                       "kk": "мутация бағасы: {percent}% ({scored} мутанттың {killed} өлтірілді"},
    "mutation stillborn": {"en": "; {count} stillborn, rejected by zan check", "ru": "; мертворождённых, отвергнутых zan check: {count}",
                           "kk": "; zan check қабылдамаған өлі туғандар: {count}"},
    "mutation sample": {"en": "; a sample of {count} of {total}", "ru": "; выборка {count} из {total}",
                        "kk": "; {total} ішінен {count} іріктеме"},
    "mutation capped": {"en": ", the most one run makes; --sample N for another size",
                        "ru": ", больше за один запуск не делается; --sample N для другого размера",
                        "kk": ", бір іске қосудағы ең көбі; басқа өлшем үшін --sample N"},
    # the last line of `zan test` (engine/cli/commands.py)
    "scenarios run": {"en": "{scenarios} {scenarios:scenario|scenarios}, {expectations} {expectations:expectation|expectations}: ",
                      "ru": "{scenarios} {scenarios:сценарий|сценария|сценариев}, {expectations} "
                            "{expectations:ожидание|ожидания|ожиданий}: ",
                      "kk": "{scenarios} сценарий, {expectations} күтілім: "},
    "all passed": {"en": "all passed", "ru": "все выполнены", "kk": "бәрі орындалды"},
    "some failed": {"en": "{count} failed ({names})", "ru": "не выполнено: {count} ({names})",
                    "kk": "{count} орындалмады ({names})"},
    "expectation without date": {"en": "no date for this expectation in {name}", "ru": "у этого ожидания в сценарии {name} нет даты",
                                 "kk": "{name} сценарийіндегі бұл күтілімнің күні жоқ"},
    "write at": {"en": "write `at YYYY-MM-DD` in the scenario or after the atom",
                 "ru": "напишите `at ГГГГ-ММ-ДД` в сценарии или после атома",
                 "kk": "сценарийде не атомнан кейін `at ЖЖЖЖ-АА-КК` деп жазыңыз"},
    "expectation variable": {"en": "an expectation is about one ground atom; {name} is a variable",
                             "ru": "ожидание касается одного атома без переменных; {name} — переменная",
                             "kk": "күтілім айнымалысыз бір атом туралы болады; {name} — айнымалы"},
    "name a constant": {"en": "name a constant (lower case), e.g. the person of the case",
                        "ru": "назовите константу (со строчной буквы), напр. лицо из дела",
                        "kk": "константаны (кіші әріппен) атаңыз, мысалы, істегі адамды"},
    "no norm in kb": {"en": "no norm {norm} in the knowledge base", "ru": "в базе знаний нет нормы {norm}",
                      "kk": "білім қорында {norm} нормасы жоқ"},
    "is an exception to": {"en": "{norm} is an exception to {excepted}", "ru": "норма {norm} — исключение из нормы {excepted}",
                           "kk": "{norm} нормасы — {excepted} нормасынан ерекшелік"},
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


def _said(key: str, language: str, values: dict) -> str:
    forms = MESSAGES[key]
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
