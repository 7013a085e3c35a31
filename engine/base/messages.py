"""The words of the diagnostics' frame and of the messages a question-asker meets, in kk, ru and en.

Owns: the severity words ("error", "warning", "hint", "note"), the count line ("2 errors"), the line naming
the knowledge base a command read ("kb: ..."), and the messages of asking (a question's syntax, a saved
question's name and arguments, a date, the usage errors of `zan ask`/`zan query`). It sits in engine/base so
that every room may use it (engine/base/diagnostics.py renders with it; engine/explain/i18n.py keeps the
explanations' words); it imports nothing. The kb checks' messages (engine/checks/) are here too, in the three
languages, so that rule authors who write in Kazakh or Russian read them in theirs (`zan check --lang`, the
project's `lang`, the language server's locale): the codes stay the same in every language.
"""

from __future__ import annotations

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
                        "ru": "вопрос записан не как вопрос (место отмечено ниже)",
                        "kk": "сұрақ сұрақ ретінде жазылмаған (орны төменде белгіленген)"},
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
                           "ru": "{name} принимает аргументов: {count} ({parameters}), дано: {given}",
                           "kk": "{name} {count} аргумент алады ({parameters}), берілгені: {given}"},
    "unknown predicate": {"en": "unknown predicate {name}", "ru": "неизвестный предикат {name}",
                          "kk": "белгісіз предикат {name}"},
    "declare predicate": {"en": "declare it with `predicate name(Arg, ...) en \"label\".`",
                          "ru": "объявите его в базе знаний: `predicate name(Arg, ...) ru \"метка\".`",
                          "kk": "оны білім қорында жариялаңыз: `predicate name(Arg, ...) kk \"белгі\".`"},
    "arity": {"en": "{name} takes {count} argument(s) ({signature}), but {given} given here",
              "ru": "{name} принимает аргументов: {count} ({signature}), а здесь дано: {given}",
              "kk": "{name} {count} аргумент алады ({signature}), ал мұнда берілгені: {given}"},
    "declared here": {"en": "{name} is declared here", "ru": "{name} объявлен здесь", "kk": "{name} осында жарияланған"},
    "not a date": {"en": "{value!r} is not a date; write YYYY-MM-DD, e.g. 2025-01-15",
                   "ru": "«{value}» — не дата; пишите ГГГГ-ММ-ДД, напр. 2025-01-15",
                   "kk": "«{value}» күн емес; ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы 2025-01-15"},
    "two dates given": {"en": "the question names the date {named}, --at {at}: give one of them",
                        "ru": "в вопросе указана дата {named}, а в --at — {at}: укажите одну из них",
                        "kk": "сұрақта {named} күні аталған, ал --at мәні {at}: біреуін ғана беріңіз"},
    "no such answer": {"en": "--answer {number}: the question has {count} answer(s)",
                       "ru": "--answer {number}: у вопроса ответов: {count}",
                       "kk": "--answer {number}: сұрақтың жауаптары саны: {count}"},
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
                     "ru": "ни одна норма или определение не читает {name}, поэтому этот факт (и ещё {more} о {name} "
                           "в этом файле) не меняет ни одного ответа",
                     "kk": "{name} предикатын бірде-бір норма не анықтама оқымайды, сондықтан бұл факт (және осы "
                           "файлдағы {name} туралы тағы {more}) ешбір жауапты өзгертпейді"},
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
                      "ru": "файлов: {files}, норм: {norms}: {errors}, {warnings}",
                      "kk": "файлдар: {files}, нормалар: {norms}: {errors}, {warnings}"},
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


def message(key: str, language: str = "en", **values) -> str:
    """The message `key` in the language (English where a language lacks it), its {placeholders} filled."""
    forms = MESSAGES[key]
    return forms.get(language, forms["en"]).format(**values)
