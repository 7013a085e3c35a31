"""The engine's words for what is said around a question's explanation, in kk, ru and en: the case space and --how
(`zan cases`), what changed (`zan diff`), a question in words as understood and what a cited provision did in it, the
vocabulary, the frame of `zan test`'s report and the language server's hover; and the controlled language's own words
(question words, possessives, conjunctions, negations, verb endings: engine.tools.understanding). Said as every engine
word is, by `engine.explain.i18n.word`, which imports this module at the first of them a command says: a question's
explanation says none of them (tests/test_cold_start.py); `engine.explain.i18n` gives these tables as its own (`WORDS`
holds both modules' words). Nothing about the law here either. Imports nothing.
"""

from __future__ import annotations

TOOL_WORDS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ the case space (zan cases) and --how
    "cases individual query": {"en": "a person of the question ({variable})", "ru": "лицо из вопроса ({variable})",
                               "kk": "сұрақтағы адам ({variable})"},
    "cases individual new": {"en": "a new person ({variable} of {norm})", "ru": "новое лицо ({variable} в {norm})",
                             "kk": "жаңа адам ({norm} нормасындағы {variable})"},
    "cases individual case": {"en": "a person of the case", "ru": "лицо из дела", "kk": "істегі адам"},
    "case space": {"en": "case space", "ru": "пространство случаев", "kk": "жағдайлар кеңістігі"},
    "individuals": {"en": "persons", "ru": "лица", "kk": "адамдар"},
    "dimensions": {"en": "facts that can matter", "ru": "значимые факты", "kk": "маңызы бар фактілер"},
    "rows": {"en": "cases", "ru": "случаи", "kk": "жағдайлар"},
    "row holds": {"en": "if", "ru": "если", "kk": "егер"},
    "row absent": {"en": "and not", "ru": "и не", "kk": "және емес"},
    "given": {"en": "given", "ru": "дано", "kk": "берілген"},
    "outside scope": {"en": "outside what this knowledge base encodes", "ru": "вне того, что закодировано в этой базе знаний",
                      "kk": "бұл білім қорында кодталғаннан тыс"},
    "outside scope rows": {"en": "{count} case(s) outside what this knowledge base encodes ({cited}): {label}",
                           "ru": "случаев вне того, что закодировано в этой базе знаний ({cited}): {count}; {label}",
                           "kk": "бұл білім қорында кодталғаннан тыс жағдайлар ({cited}): {count}; {label}"},
    "gap rows": {"en": "{count} case(s) of {atom} that no encoded norm decides although the encoded law speaks to them, e.g. {example}",
                 "ru": "случаев {atom}, которые не решает ни одна закодированная норма, хотя закодированное право их касается: {count}; например, {example}",
                 "kk": "кодталған құқық қатысты болса да, ешбір кодталған норма шешпейтін {atom} жағдайлары: {count}; мысалы, {example}"},
    "no gaps": {"en": "gaps: none (every case is decided or outside what this knowledge base encodes)",
                "ru": "пробелов нет (каждый случай решён или лежит вне закодированного)",
                "kk": "олқылық жоқ (әр жағдай шешілген не кодталғаннан тыс)"},
    "negated": {"en": "not: {fact}", "ru": "неверно, что {fact}", "kk": "{fact} — олай емес"},
    "or": {"en": "or", "ru": "или", "kk": "немесе"},
    "otherwise": {"en": "otherwise", "ru": "иначе", "kk": "әйтпесе"},
    "cell yes": {"en": "yes", "ru": "да", "kk": "иә"},
    "cell no": {"en": "no", "ru": "нет", "kk": "жоқ"},
    "first hit": {"en": "the first row that matches decides", "ru": "решает первая подходящая строка",
                  "kk": "алғашқы сәйкес жол шешеді"},
    "any hit": {"en": "every row that matches gives the same status", "ru": "все подходящие строки дают один статус",
                "kk": "сәйкес келетін әр жол бір мәртебені береді"},
    "status": {"en": "status", "ru": "статус", "kk": "мәртебе"},
    "facts of the table": {"en": "facts", "ru": "факты", "kk": "фактілер"},
    "row any": {"en": "in every other case", "ru": "во всех остальных случаях", "kk": "қалған барлық жағдайда"},
    "gaps": {"en": "gaps (no norm decides)", "ru": "пробелы (ни одна норма не решает)",
             "kk": "олқылықтар (ешбір норма шешпейді)"},
    "conflicts": {"en": "conflicts (two norms, neither prevails)", "ru": "коллизии (ни одна норма не преобладает)",
                  "kk": "қайшылықтар (ешбір норма басым емес)"},
    "redundant": {"en": "redundancies", "ru": "избыточные нормы", "kk": "артық нормалар"},
    "decides-no-row": {"en": "decides no case", "ru": "не решает ни одного случая", "kk": "ешбір жағдайды шешпейді"},
    "exception-changes-nothing": {"en": "an exception that changes no status", "ru": "исключение, не меняющее ни одного статуса",
                                  "kk": "ешбір мәртебені өзгертпейтін ерекшелік"},
    "changes": {"en": "changes", "ru": "изменения", "kk": "өзгерістер"},
    "none": {"en": "none", "ru": "нет", "kk": "жоқ"},
    "caused by": {"en": "caused by", "ru": "причина", "kk": "себебі"},
    "new person": {"en": "a new person", "ru": "новое лицо", "kk": "жаңа адам"},
    "how": {"en": "{status} if", "ru": "{status}, если", "kk": "{status}, егер"},
    "how none": {"en": "no set of added facts gives {status}", "ru": "никакие добавленные факты не дают статус «{status}»",
                 "kk": "ешбір қосылған факт «{status}» мәртебесін бермейді"},
    "how more": {"en": "(more sets exist: --max N shows more)", "ru": "(есть и другие наборы: --max N покажет больше)",
                 "kk": "(басқа жиындар да бар: --max N көбірек көрсетеді)"},
    "how stopped seconds": {"en": "(stopped after {seconds} s, the bound of this search: the list may be incomplete; "
                                  "ask about fewer persons or with a narrower question)",
                            "ru": "(поиск остановлен через {seconds} с — это его предел: список может быть неполным; "
                                  "спросите о меньшем числе лиц или уже)",
                            "kk": "(іздеу {seconds} секундтан кейін тоқтатылды — бұл оның шегі: тізім толық болмауы мүмкін; "
                                  "азырақ адам туралы немесе тарырақ сұраңыз)"},
    "how stopped combinations": {"en": "(stopped at {entries} combinations of norms that can apply together, the bound of "
                                       "this search: the list may be incomplete; ask a narrower question)",
                                 "ru": "(поиск остановлен на {entries} сочетаниях применимых вместе норм — это его предел: "
                                       "список может быть неполным; задайте более узкий вопрос)",
                                 "kk": "(іздеу бірге қолданылатын нормалардың {entries} тіркесімінде тоқтатылды — бұл оның "
                                       "шегі: тізім толық болмауы мүмкін; тарырақ сұраңыз)"},
    "how stopped rows": {"en": "(stopped at {entries} different outcomes, the bound of this search: the list may be "
                               "incomplete; ask a narrower question)",
                         "ru": "(поиск остановлен на {entries} различных исходах — это его предел: список может быть "
                               "неполным; задайте более узкий вопрос)",
                         "kk": "(іздеу {entries} түрлі нәтижеде тоқтатылды — бұл оның шегі: тізім толық болмауы мүмкін; "
                               "тарырақ сұраңыз)"},
    "how stopped case": {"en": "(the search reads this case otherwise than its answer does: a name of the case is in a role "
                               "that a definition gives another kind; the list may be incomplete)",
                         "ru": "(поиск читает это дело иначе, чем его ответ: имя из дела стоит в роли, которой "
                               "определение даёт другой вид; список может быть неполным)",
                         "kk": "(іздеу бұл істі оның жауабынан өзгеше оқиды: істегі атау анықтама басқа түр беретін "
                               "рөлде тұр; тізім толық болмауы мүмкін)"},
    "how stopped entries": {"en": "(stopped at {entries} diagram nodes, the memory bound of this search: the list may be "
                                  "incomplete; ask about fewer persons or with a narrower question)",
                            "ru": "(поиск остановлен на {entries} узлах диаграмм — это предел памяти: список может быть "
                                  "неполным; спросите о меньшем числе лиц или уже)",
                            "kk": "(іздеу диаграмманың {entries} түйінінде тоқтатылды — бұл жад шегі: тізім толық болмауы "
                                  "мүмкін; азырақ адам туралы немесе тарырақ сұраңыз)"},
    "reads otherwise": {"en": "{norm} reads otherwise under the other reading", "ru": "{norm} читается иначе при другом толковании",
                        "kk": "{norm} білім қорының басқа пайымында өзгеше оқылады"},
    "reading": {"en": "reading", "ru": "толкование", "kk": "білім қорының пайымы"},
    "versus": {"en": "against", "ru": "против", "kk": "салыстырғанда"},
    # ------------------------------------------------------------ diff
    "diff title": {"en": "changes between {before} and {after}", "ru": "изменения между {before} и {after}",
                   "kk": "{before:and} {after} арасындағы өзгерістер"},
    "no changes": {"en": "no answer changed its status", "ru": "ни один ответ не изменил статус",
                   "kk": "ешбір жауаптың мәртебесі өзгермеді"},
    # a change asked of every question the law can be asked ("What changed on 1 March 2025?")
    "no changes in": {"en": "no answer changed its status in: {questions}",
                      "ru": "ни один ответ не изменил статус в вопросах: {questions}",
                      "kk": "мына сұрақтарда ешбір жауаптың мәртебесі өзгермеді: {questions}"},
    "every diff stopped entries": {"en": "stopped: the diff examined more than {limit} tuples and answers, the bound of "
                                         "this work; not examined: {questions}",
                                   "ru": "остановлено: сравнение просмотрело больше {limit} кортежей и ответов — это предел "
                                         "этой работы; не рассмотрены: {questions}",
                                   "kk": "тоқтатылды: салыстыру {limit}-ден көп кортеж бен жауапты қарады — бұл осы жұмыстың "
                                         "шегі; қаралмағандары: {questions}"},
    "every diff stopped seconds": {"en": "stopped: the diff took longer than {limit} s, the time bound of this work; "
                                         "not examined: {questions}",
                                   "ru": "остановлено: сравнение длилось дольше {limit} с — это предел времени; "
                                         "не рассмотрены: {questions}",
                                   "kk": "тоқтатылды: салыстыру {limit} секундтан ұзаққа созылды — бұл уақыт шегі; "
                                         "қаралмағандары: {questions}"},
    # what made an answer change, in `zan diff` ("because: code 12.1.2 came into force"); `zan cases` says "caused by"
    "changed because": {"en": "because", "ru": "причина", "kk": "себебі"},
    "came into force": {"en": "{norm} came into force on {date}", "ru": "{norm} вступила в силу {date}",
                        "kk": "{norm} {date} күні күшіне енді"},
    "ceased to be in force": {"en": "{norm} ceased to be in force after {date}", "ru": "{norm} утратила силу после {date}",
                              "kk": "{norm} {date} күнінен кейін күшін жойды"},
    "not yet in force": {"en": "{norm} is in force only from {date}", "ru": "{norm} действует только с {date}",
                         "kk": "{norm} тек {date:abl} бастап күшінде"},
    "fact ended": {"en": "the fact {atom} ended on {date} (its last day)", "ru": "факт {atom} прекратился {date} (последний день)",
                   "kk": "{atom} фактісі {date} күні аяқталды (соңғы күні)"},
    "fact began": {"en": "the fact {atom} began on {date}", "ru": "факт {atom} наступил {date}",
                   "kk": "{atom} фактісі {date} күні басталды"},
    "fact differs": {"en": "the fact {atom} holds on {held}, not on {lacking}", "ru": "факт {atom} имеет место {held}, но не {lacking}",
                     "kk": "{atom} фактісі {held} күні бар, {lacking} күні жоқ"},
    "diff readings title": {"en": "changes from the reading «{before}» to the reading «{after}» (on {date})",
                            "ru": "изменения при переходе от толкования «{before}» к толкованию «{after}» (на {date})",
                            "kk": "білім қорының «{before}» пайымынан «{after}» пайымына өткендегі өзгерістер ({date} күні)"},
    "cause unknown": {"en": "no change of a norm's force explains it", "ru": "изменение действия норм этого не объясняет",
                      "kk": "нормалардың күшіндегі өзгеріс мұны түсіндірмейді"},
    "was": {"en": "was", "ru": "было", "kk": "бұрын"},
    # a side of a diff of two readings on one day: named by its reading, not by time ("was"/"becomes")
    "diff side reading": {"en": "under the reading «{reading}»", "ru": "при толковании «{reading}»",
                      "kk": "білім қорының «{reading}» пайымы бойынша"},
    "now": {"en": "becomes", "ru": "стало", "kk": "енді"},
    "vocabulary asked": {"en": "what can be asked", "ru": "о чём можно спросить", "kk": "не туралы сұрауға болады"},
    "vocabulary stated": {"en": "what case facts can state", "ru": "что могут утверждать факты дела",
                          "kk": "іс фактілері нені айта алады"},
    "vocabulary kinds": {"en": "the kinds of values arguments take", "ru": "виды значений аргументов",
                         "kk": "аргументтер алатын мән түрлері"},
    "vocabulary ranges": {"en": "the values questions range over", "ru": "значения, которые перебирают вопросы",
                          "kk": "сұрақтар қамтитын мәндер"},
    "vocabulary constants": {"en": "constants and names", "ru": "константы и имена", "kk": "тұрақтылар мен есімдер"},
    "vocabulary statuses": {"en": "statuses", "ru": "статусы", "kk": "мәртебелер"},
    "vocabulary questions": {"en": "saved questions", "ru": "сохранённые вопросы", "kk": "сақталған сұрақтар"},
    "no such norm": {"en": "no norm is named or cited as '{norm}'", "ru": "нет нормы с именем или ссылкой «{norm}»",
                     "kk": "«{norm}» деп аталатын не сілтеме жасалатын норма жоқ"},
    "if": {"en": "if", "ru": "если", "kk": "егер"},
    "exception to": {"en": "exception to", "ru": "исключение из", "kk": "мынадан ерекшелік"},
    "its exceptions": {"en": "its exceptions", "ru": "исключения из неё", "kk": "оның ерекшеліктері"},
    "no deadline": {"en": "'{words}': no norm of this knowledge base sets a deadline for {predicate}",
                    "ru": "«{words}»: ни одна норма этой базы знаний не устанавливает срок для вопроса «{predicate}»",
                    "kk": "«{words}»: бұл білім қорының ешбір нормасы «{predicate}» үшін мерзім белгілемейді"},
    "asks compliance": {"en": "asked: whether it is fulfilled and whether the deadline is past ({deadlines})",
                        "ru": "спрошено: исполнено ли и не истек ли срок ({deadlines})",
                        "kk": "сұралғаны: орындалды ма және мерзімі өтті ме ({deadlines})"},
    # a person a question in words assumed with a role the case gives no one (engine/explain/phrasebook.new_person)
    "new person of": {"en": "{role} of {whose}", "ru": "{role} {whose}", "kk": "{whose} {role}"},
    "according to": {"en": "according to", "ru": "согласно", "kk": "сілтеме жасалған норма"},
    "pronoun without person": {"en": "'{words}': the question names no one this word can refer to",
                               "ru": "«{words}»: в вопросе нет лица, к которому может относиться это слово",
                               "kk": "«{words}»: сұрақта бұл сөз нұсқай алатын адам аталмаған"},
    "not whose": {"en": "'{words}' cannot be whose {predicate} is meant: the knowledge base relates it to a {owner}",
                  "ru": "«{words}» не может быть тем, о чьём отношении «{predicate}» идёт речь: база знаний связывает его с лицом вида «{owner}»",
                  "kk": "«{words}» — «{predicate}» қатынасының иесі бола алмайды: білім қоры оны «{owner}» түріндегі адаммен байланыстырады"},
    "persons listed": {"en": "'{words}' joins two persons ({first}, {second}), but a question asks of one person in each "
                             "place: ask it of each of them in turn",
                       "ru": "«{words}» соединяет двух лиц ({first}, {second}), а вопрос задается об одном лице в каждой "
                             "роли: задайте его о каждом по очереди",
                       "kk": "«{words}» екі адамды біріктіреді ({first}, {second}), ал сұрақ әр рөлде бір адам туралы "
                             "қойылады: әрқайсысы туралы жеке сұраңыз"},
    "values listed": {"en": "'{words}' joins two values ({first}, {second}), but a question asks of one value in each "
                            "place: ask it of each of them in turn",
                      "ru": "«{words}» соединяет два значения ({first}, {second}), а вопрос задается об одном значении "
                            "в каждом месте: задайте его о каждом по очереди",
                      "kk": "«{words}» екі мәнді біріктіреді ({first}, {second}), ал сұрақ әр орында бір мән туралы "
                            "қойылады: әрқайсысы туралы жеке сұраңыз"},
    "one value at a time": {"en": "ask of one value at a time", "ru": "спрашивайте об одном значении за раз",
                            "kk": "бір уақытта бір мән туралы сұраңыз"},
    "one name at a time": {"en": "ask of one name at a time", "ru": "спрашивайте об одном имени за раз",
                           "kk": "бір уақытта бір адам туралы сұраңыз"},
    "pronoun of another": {"en": "'{words}': the kinship and role words of the question itself are those of the person asked about ({subject})",
                           "ru": "«{words}»: родство и роли в самом вопросе — это родство и роли лица, о котором спрашивают ({subject})",
                           "kk": "«{words}»: сұрақтың өзіндегі туыстық пен рөл сөздері сұралып отырған адамға ({subject}) қатысты"},
    # `zan test` (engine/tools/scenarios.py, engine/cli/commands.py): the frame of a scenario's report; the expectations'
    # own words (status, decided by, why not ...) are the scenario language's, as written
    "scenario failed": {"en": "FAIL {scenario}: {atom} at {date}", "ru": "НЕ ПРОЙДЕНО {scenario}: {atom} на {date}",
                        "kk": "ӨТПЕДІ {scenario}: {atom}, {date} күні"},
    "scenario passed": {"en": "ok {scenario}: {atom}", "ru": "пройдено {scenario}: {atom}", "kk": "өтті {scenario}: {atom}"},
    "expected": {"en": "expected", "ru": "ожидалось", "kk": "күтілгені"},
    "actually": {"en": "actual", "ru": "на деле", "kk": "іс жүзінде"},
    "actual derivation": {"en": "actual derivation:", "ru": "фактический вывод:", "kk": "іс жүзіндегі қорытынды:"},
    # the language server's hover (engine/lsp/documents.py): the frame around the kb's own words
    "hover norm": {"en": "norm", "ru": "норма", "kk": "норма"},
    "hover cites": {"en": "cites", "ru": "ссылка", "kk": "сілтеме"},
    "hover predicate": {"en": "predicate", "ru": "предикат", "kk": "предикат"},
    "hover reads": {"en": "reads", "ru": "читается", "kk": "оқылуы"},
    "hover citation": {"en": "citation", "ru": "ссылка", "kk": "сілтеме"},
    "hover citing": {"en": "norms citing it", "ru": "нормы с этой ссылкой", "kk": "осы сілтемесі бар нормалар"},
    "hover constant": {"en": "constant", "ru": "константа", "kk": "тұрақты"},
    "hover declared": {"en": "declared at {where}", "ru": "объявлено: {where}", "kk": "жарияланған орны: {where}"},
    "hover gender": {"en": "**gender** `{gender}`: the phrase names a person of this gender; a question's word of it names "
                           "only a person whose gender agrees (or is not known)",
                     "ru": "**gender** `{gender}`: фраза называет лицо этого пола; слово вопроса называет ею только лицо, "
                           "чей пол совпадает (или неизвестен)",
                     "kk": "**gender** `{gender}`: тіркес осы жыныстағы адамды атайды; сұрақтың сөзі онымен жынысы сәйкес "
                           "келетін (не белгісіз) адамды ғана атайды"},
    "hover act declared": {"en": "act declared at {where}", "ru": "акт объявлен: {where}", "kk": "акт жарияланған орны: {where}"},
    "negated condition": {"en": "'{words}': a condition that denies is not understood (only what is the case is assumed)",
                          "ru": "«{words}»: условие с отрицанием не понимается (допускается только то, что есть)",
                          "kk": "«{words}»: терістеуі бар шарт түсінілмейді (тек бар нәрсе ғана жорамал ретінде алынады)"},
    "according without citation": {"en": "'{words}' is not followed by a provision the knowledge base cites",
                                   "ru": "после «{words}» не названа норма, которую цитирует база знаний",
                                   "kk": "«{words}» сөзімен бірге білім қоры сілтеме жасайтын норма аталмаған"},
    "cite a provision": {"en": "cite it as the knowledge base does, e.g. '{example}'",
                         "ru": "назовите норму так, как её цитирует база знаний, например «{example}»",
                         "kk": "норманы білім қоры сілтеме жасайтындай атаңыз, мысалы: «{example}»"},
    "no such provision": {"en": "'{citation}' names no provision this knowledge base encodes",
                          "ru": "«{citation}»: такой нормы нет в этой базе знаний",
                          "kk": "«{citation}»: мұндай норма бұл білім қорында жоқ"},
    "provisions encoded": {"en": "the provisions of {act} it encodes: {provisions}",
                           "ru": "закодированные нормы ({act}): {provisions}",
                           "kk": "білім қорындағы нормалар ({act}): {provisions}"},
    "provision outside scope": {"en": "'{citation}' is outside this knowledge base: {scope}",
                                "ru": "«{citation}» вне этой базы знаний: {scope}",
                                "kk": "«{citation}» бұл білім қорынан тыс: {scope}"},
    "provision not about": {"en": "no norm of '{citation}' in this knowledge base bears on {predicate}",
                            "ru": "ни одна норма «{citation}» в этой базе знаний не касается вопроса «{predicate}»",
                            "kk": "бұл білім қорында «{citation}» нормаларының ешбірі «{predicate}» мәселесіне қатысты емес"},
    "according heading": {"en": "according to {citation}", "ru": "согласно {citation}", "kk": "{citation} бойынша"},
    "fate decided": {"en": "{norm} decided the status", "ru": "{norm} определила статус",
                     "kk": "{norm} мәртебені шешті"},
    "fate agreed": {"en": "{norm} applied and concludes the same", "ru": "{norm} применима и приводит к тому же",
                    "kk": "{norm} қолданылды және сол қорытындыға әкеледі"},
    "fate defeated": {"en": "{norm} applied but yields to {by} ({principle})",
                      "ru": "{norm} применима, но уступает {by} ({principle})",
                      "kk": "{norm} қолданылды, бірақ {by} нормасына басымдық береді ({principle})"},
    "fate interpreted": {"en": "{norm} is read narrowly by {by} (binding interpretation)",
                         "ru": "{norm} истолкована {by} (обязательное толкование)",
                         "kk": "{norm} нормасын {by} тар түсіндіреді (міндетті түсіндірме)"},
    "fate unresolved": {"en": "{norm} applied, in a conflict nothing resolves", "ru": "{norm} применима, коллизия не разрешена",
                        "kk": "{norm} қолданылды, коллизия шешілмеген"},
    "fate condition": {"en": "{norm} gives a condition the decision rests on",
                       "ru": "{norm} дает условие, на котором основано решение",
                       "kk": "{norm} шешім негізделген шартты береді"},
    "fate basis": {"en": "{norm} is a basis of {of}", "ru": "{norm} — основание для {of}", "kk": "{norm} — {of} нормасының негізі"},
    "fate none": {"en": "none of its norms bears on this answer", "ru": "ни одна из ее норм не касается этого ответа",
                  "kk": "оның нормаларының ешқайсысы бұл жауапқа қатысты емес"},
    "fate not used": {"en": "{norm} is not used by this answer", "ru": "{norm} в этом ответе не используется",
                      "kk": "{norm} бұл жауапта пайдаланылмайды"},
    "according stopped": {"en": "not read: the budget of this work ran out first",
                          "ru": "не прочитано: предел этой работы исчерпан раньше",
                          "kk": "оқылмады: бұл жұмыстың шегі бұрын таусылды"},
    "fate not applied": {"en": "{norm} did not apply", "ru": "{norm} не применялась", "kk": "{norm} қолданылмады"},
    "question as understood": {"en": "question as understood", "ru": "вопрос понят так", "kk": "сұрақ былай түсінілді"},
    "assumed": {"en": "assumed", "ru": "допущение", "kk": "жорамал"},
    "already in the case": {"en": "the case already states it", "ru": "это уже есть в деле", "kk": "бұл істе бұрыннан бар"},
    "every question naming": {"en": "every question the law can be asked that names {names} ({count})",
                              "ru": "все вопросы, которые можно задать по праву, где назван {names} ({count})",
                              "kk": "{names} аталатын, құқық бойынша қоюға болатын барлық сұрақ ({count})"},
    "every question": {"en": "every question the law can be asked ({count}), each in general",
                       "ru": "все вопросы, которые можно задать по праву ({count}), каждый в общем виде",
                       "kk": "құқық бойынша қоюға болатын барлық сұрақ ({count}), әрқайсысы жалпы түрде"},
    "changes between": {"en": "what changed between {before} and {after}", "ru": "что изменилось между {before} и {after}",
                        "kk": "{before:and} {after} арасында не өзгерді"},
    "empty question": {"en": "the question is empty", "ru": "вопрос пуст", "kk": "сұрақ бос"},
    "word not placed": {"en": "could not place the word '{word}' in a question",
                        "ru": "не удалось понять слово «{word}» в вопросе",
                        "kk": "сұрақтағы «{word}» сөзі түсінілмеді"},
    "did you mean": {"en": "did you mean '{guess}'?", "ru": "возможно, имелось в виду «{guess}»?", "kk": "«{guess}» деп айтқыңыз келді ме?"},
    "phrasings known": {"en": "questions it understands, e.g.:", "ru": "понятные вопросы, например:",
                        "kk": "түсінікті сұрақтар, мысалы:"},
    "example phrasing": {"en": "which {label} is {status} for {name}?", "ru": "{label}: что {status} для {name:gen}?",
                         "kk": "{name} үшін қандай {label} {status}?"},
    "ambiguous words": {"en": "the words '{words}' could mean several things ({meanings})",
                        "ru": "слова «{words}» можно понять по-разному ({meanings})",
                        "kk": "«{words}» сөздерін бірнеше мағынада түсінуге болады ({meanings})"},
    "say it otherwise": {"en": "say it with other words, or write the question as an atom",
                         "ru": "скажите иначе или запишите вопрос атомом",
                         "kk": "басқа сөздермен айтыңыз немесе сұрақты атом түрінде жазыңыз"},
    "nothing asked": {"en": "the question names nothing that can be asked", "ru": "в вопросе не названо то, о чём можно спросить",
                      "kk": "сұрақта сұрауға болатын ештеңе аталмаған"},
    "two questions": {"en": "the question asks about two things at once ({first}, {second})",
                      "ru": "вопрос спрашивает сразу о двух вещах ({first}, {second})",
                      "kk": "сұрақ бірден екі нәрсе туралы ({first}, {second})"},
    "one at a time": {"en": "ask one at a time", "ru": "спросите по одному", "kk": "бір-бірден сұраңыз"},
    "two statuses": {"en": "the question names two statuses ({first}, {second})",
                     "ru": "в вопросе названы два статуса ({first}, {second})",
                     "kk": "сұрақта екі мәртебе аталған ({first}, {second})"},
    "name without place": {"en": "the name '{name}' has no place in a question about {predicate}",
                           "ru": "имени «{name}» нет места в вопросе о {predicate}",
                           "kk": "«{name}» атауына {predicate} туралы сұрақта орын жоқ"},
    "range in condition": {"en": "'{words}'{meaning} has no place in a condition: the question reads it only in the question itself",
                           "ru": "«{words}»{meaning} не находит места в условии: это слово понимается только в самом вопросе",
                           "kk": "«{words}»{meaning} шартта орын таппайды: бұл сөз тек сұрақтың өзінде түсініледі"},
    "whose not said": {"en": "'{words}' does not say whose: it is not taken to be {person}'s",
                       "ru": "в «{words}» не сказано, чьё это или о ком: {person} не подставляется само собой",
                       "kk": "«{words}» кімдікі не кім туралы екені айтылмаған: {person} өздігінен қойылмайды"},
    "say whose": {"en": "say whose, by a name or a kinship word",
                  "ru": "скажите, чьё: именем или словом родства",
                  "kk": "кімдікі екенін атымен не туыстық сөзімен айтыңыз"},
    "assumption incomplete": {"en": "'{words}' needs to say who or what ({missing})",
                              "ru": "в «{words}» не сказано, кто или что ({missing})",
                              "kk": "«{words}» ішінде кім не не екені айтылмаған ({missing})"},
    "a party": {"en": "a party of it", "ru": "участник", "kk": "қатысушы"},
    "name them": {"en": "name them in the same clause",
                  "ru": "назовите их в той же части вопроса",
                  "kk": "оларды сұрақтың сол бөлігінде атаңыз"},
    "change needs two dates": {"en": "a question about what changed needs two dates",
                               "ru": "вопросу об изменениях нужны две даты",
                               "kk": "өзгерістер туралы сұраққа екі күн керек"},
    "two dates": {"en": "the question has two dates but does not ask what changed",
                  "ru": "в вопросе две даты, но не спрашивается, что изменилось",
                  "kk": "сұрақта екі күн бар, бірақ не өзгергені сұралмаған"},
    "two dates example": {"en": "e.g. 'which … changed between 1 March 2025 and 1 April 2025?'",
                          "ru": "например: «какие … изменились между 1 марта 2025 и 1 апреля 2025?»",
                          "kk": "мысалы: «2025 жылғы 1 наурыз бен 2025 жылғы 1 сәуір аралығында қандай … өзгерді?»"},
    "role held by another": {"en": "'{words}' would be {person}, whom the question names in another role",
                             "ru": "«{words}» — это было бы лицо {person}, которое в вопросе названо в другой роли",
                             "kk": "«{words}» — {person} болар еді, ал ол сұрақта басқа рөлде аталған"},
    "role of another gender": {"en": "'{words}' names a {gender}, but the case's {relation} is of the other gender: {persons}",
                               "ru": "«{words}» называет лицо {gender}, а {relation} в деле — другого пола: {persons}",
                               "kk": "«{words}» {gender} адамды атайды, ал істегі {relation} басқа жынысты: {persons}"},
    "role of another gender, one only": {
        "en": "'{words}' names a {gender}, but the case's {relation} is of the other gender: {persons} ({rule})",
        "ru": "«{words}» называет лицо {gender}, а {relation} в деле — другого пола: {persons} ({rule})",
        "kk": "«{words}» {gender} адамды атайды, ал істегі {relation} басқа жынысты: {persons} ({rule})"},
    "named of another gender": {"en": "'{words}' names a {gender}, but {person} is of the other gender",
                                "ru": "«{words}» называет лицо {gender}, а {person} — другого пола",
                                "kk": "«{words}» {gender} адамды атайды, ал {person} басқа жынысты"},
    "gender femn": {"en": "woman", "ru": "женского пола", "kk": "әйел"},
    "gender masc": {"en": "man", "ru": "мужского пола", "kk": "ер"},
    "role not resolved": {"en": "'{words}' does not name one person of the case (the case has: {persons})",
                          "ru": "«{words}» не называет одно лицо из дела (в деле: {persons})",
                          "kk": "«{words}» істегі бір адамды атамайды (істе: {persons})"},
    "name the person": {"en": "name the person",
                        "ru": "назовите лицо по имени",
                        "kk": "адамды атымен атаңыз"},
    "unknown name": {"en": "'{name}' occurs nowhere in the case or the knowledge base",
                     "ru": "«{name}» не встречается ни в деле, ни в базе знаний",
                     "kk": "«{name}» істе де, білім қорында да кездеспейді"},
    "no answers unknown": {"en": "no answers: {names} occurs nowhere in the case or the knowledge base (a typo?)",
                           "ru": "ответов нет: {names} не встречается ни в деле, ни в базе знаний (опечатка?)",
                           "kk": "жауап жоқ: {names} істе де, білім қорында да кездеспейді (қате жазылған ба?)"},
}


# ------------------------------------------------------------ questions in words (engine.tools.understanding)
# Function words, question words and status words (the months' names: MONTHS in engine/explain/i18n.py): the engine's
# part of the controlled language. Everything about the law (what can be asked, names, purposes, regimes) comes from the kb's labels,
# phrases and readings. Words are lower case; a word is matched with its inflections (a shared stem).
QUESTION_WORDS: dict[str, dict[str, list[str]]] = {
    "which": {"en": ["which", "what", "who", "whom", "how"],
              "ru": ["какие", "какой", "какая", "какое", "каких", "каким", "кто", "кому", "кого", "кем", "что", "чем",
                     "как"],
              "kk": ["қандай", "қай", "кім", "кімге", "кіммен", "кімді", "нендей", "қалай"]},
    "whether": {"en": ["may", "can", "could", "is", "are", "does", "do", "will", "would", "whether", "entitled",
                       "has the right", "have the right", "is able"],
                "ru": ["ли", "можно", "может", "могут", "могу", "вправе", "имеет", "имеют", "право", "сможет",
                       "смогут", "мог", "могла", "могли"],
                "kk": ["ма", "ме", "ба", "бе", "па", "пе", "бола", "болады", "ала", "алады", "мүмкін", "құқылы",
                       "құқығы бар", "алар", "алама", "алатын"]},
    "if": {"en": ["if", "when", "assuming", "suppose", "given"],
           "ru": ["если", "когда", "предположим"],
           "kk": ["егер", "болса", "болған", "жағдайда"]},
    "change": {"en": ["changed", "change", "changes", "differ", "differed", "became"],
               "ru": ["изменились", "изменилось", "изменился", "изменилась", "изменения", "изменение", "поменялись",
                      "произошли изменения", "изменения произошли", "стало", "стали"],
               "kk": ["өзгерді", "өзгерген", "өзгерістер", "өзгеріс", "өзгерді", "өзгерістер болды", "өзгеріс болды"]},
    "year": {"kk": ["жылғы", "жылы", "ж"], "ru": ["года", "год", "г"], "en": []},
    # an obligation's deadline and its fulfilment (a norm's `deadline`; answers' `compliance`): "and is the deadline
    # past?", «не истек ли срок», «мерзімі өтті ме», "has it been fulfilled?" ask what the answers' compliance says
    "compliance deadline": {"en": ["deadline", "time limit"], "ru": ["срок", "сроки", "срока"],
                            "kk": ["мерзім", "мерзімі", "мерзімде"]},
    "compliance expired": {"en": ["past", "expired", "passed", "lapsed", "missed", "overdue"],
                           "ru": ["истек", "истёк", "истекли", "истёкший", "истекший", "прошел", "прошёл", "просрочено",
                                  "просрочен", "пропущен"],
                           "kk": ["өтті", "өтіп кетті", "өткен", "кешіктірілді"]},
    "compliance fulfilled": {"en": ["fulfilled", "complied", "performed", "carried out", "fulfil", "fulfill"],
                             "ru": ["исполнено", "исполнило", "исполнил", "исполнила", "исполнена", "исполнить",
                                    "исполнен", "выполнено", "выполнило", "выполнил", "выполнила", "выполнена"],
                             "kk": ["орындады", "орындалды", "орындалған", "орындау"]},
    # before or after a provision cited in the question ("согласно подп. 2) ч. 1 ст. 12 кодекса"; "кодекстің 12-бабы ...
    # тармақшасына сәйкес"): the question is asked according to it (engine/tools/according.py)
    "according": {"en": ["according to", "in accordance with", "pursuant to", "per"],
                  "ru": ["согласно", "в соответствии с", "на основании", "в силу"],
                  "kk": ["сәйкес", "негізінде", "негізге ала отырып"]},
    "status permitted": {"en": ["allowed", "permitted", "permission"], "ru": ["разрешены", "разрешено", "разрешен", "разрешён", "допускаются",
                                                                         "положены", "положено", "полагаются", "допускается"],
                         "kk": ["рұқсат етілген", "рұқсат", "рұқсат етіледі"]},
    "status prohibited": {"en": ["prohibited", "forbidden", "banned"], "ru": ["запрещены", "запрещено", "запрещен", "запрещён"],
                          "kk": ["тыйым салынған", "тыйым"]},
    "status discretionary": {"en": ["discretionary", "at the discretion", "at the discretion of the administration"],
                             "ru": ["на усмотрении", "усмотрение", "дискреционные", "дискреционный",
                                    "на усмотрении администрации", "по усмотрению администрации"],
                             "kk": ["қалауы бойынша", "қалауымен"]},
    "status undetermined": {"en": ["undetermined", "undecided"], "ru": ["не определено", "неопределенные", "неопределённые"],
                            "kk": ["шешілмеген", "анықталмаған"]},
    "status obligatory": {"en": ["obligatory", "must", "obliged", "required", "obligation", "duty"],
                          "ru": ["обязан", "обязаны", "должен", "должны", "обязательно", "обязанность", "обязанности"],
                          "kk": ["міндетті", "тиіс", "міндет", "міндетін", "міндеті"]},
    "filler": {"en": ["the", "a", "an", "for", "of", "to", "with", "in", "on", "at", "by", "his", "her", "their", "its", "s",
                      "be", "been", "being", "any", "all", "there", "as", "from", "between", "and", "or", "that", "this",
                      "these", "those", "he", "she", "they", "it", "did", "make", "made", "have", "has", "had",
                      "each", "every", "status", "statuses", "were", "was", "up", "under", "about", "answer", "answers", "person",
                      "persons", "people", "someone", "anyone", "please", "tell", "me", "now", "still", "so", "ones",
                      "receive", "get", "during", "while", "held", "kept", "placed"],
               "ru": ["для", "с", "со", "в", "во", "на", "по", "к", "ко", "у", "о", "об", "от", "до", "из", "за", "и", "а",
                      "или", "его", "ее", "её", "их", "свой", "своим", "своей", "своему", "своего", "он", "она", "они",
                      "это", "этот", "эти", "между", "каждый", "каждым", "каждой", "каждого", "лицом", "лицу", "лицо",
                      "статус", "статусы", "каков", "каковы", "есть", "быть", "будет", "были", "был", "была", "было",
                      "теперь", "ему", "ей", "им", "мне", "уже", "тот", "те", "то", "скажите",
                      "совершать", "совершить", "осуществлять", "осуществить", "делать", "сделать", "получать",
                      "получить", "содержащийся", "содержащегося", "содержащемуся", "находящийся", "находящегося",
                      "находящемуся", "находится", "содержится", "время"],
               "kk": ["үшін", "мен", "пен", "бен", "және", "не", "немесе", "оның", "өзінің", "деген", "адам", "адаммен",
                      "адамға", "бойынша", "күні", "күнгі", "арасында", "аралығында", "бар", "ол", "осы", "сол", "әр",
                      "әрбір", "мәртебесі", "мәртебе", "қазір", "енді", "дейін", "бастап", "кейін", "ғана", "да", "де",
                      "та", "те", "ді", "ды", "жылғы", "жылы", "ж", "болып", "табылады", "жасай", "жасау", "жасауға",
                      "жасайтын", "жүзеге", "асыра",
                      # participles and gerunds of being held somewhere, as «содержащийся», «находящийся» are in
                      # Russian: the place itself is the kb's phrase («ШИЗО-да отырған», «ШИЗО-да отырып, ...»,
                      # «тәртіптік изоляторда ұсталатын»)
                      "отырған", "отыратын", "отыр", "отырып", "ұсталған", "ұсталатын", "ұсталып", "жатқан", "жатып",
                      "тұрған", "тұрып",
                      "орналастырылған", "орналасқан", "жазасын", "өтеп", "өтейтін", "өтеуші"]},
}

# Whose: the words of a question in words that say whose a person or a thing is (engine/tools/understanding.py).
# "pronouns": possessive (and, after «у», personal) pronouns with the gender and number of the person they refer
# to (masc, femn, plur; "self" the subject of the question itself, reflexive; "any" a language without gender):
# «у него умерла мать», «её сын», "her son", «оның анасы». "before": words after which a name is the possessor
# («у Асанова умерла мать», "the aunt of Asanov"); "genitive": the case endings that make a name the possessor of
# the noun after it («Асановтың анасы»; read after the name's own letters, whichever harmony the writer chose).
# English "Asanov's" is the name and the "s" after its apostrophe. A possessor binds the owner of the kinship or
# role word it qualifies (never the person called); one it cannot refer to refuses the question at its words.
POSSESSIVES: dict[str, dict[str, dict[str, str]]] = {
    "pronouns": {"en": {"his": "masc", "her": "femn", "their": "plur", "its": "neut", "own": "self"},
                 "ru": {"его": "masc", "него": "masc", "ее": "femn", "её": "femn", "нее": "femn", "неё": "femn",
                        "их": "plur", "них": "plur", "свой": "self", "своя": "self", "свое": "self", "своё": "self",
                        "свои": "self", "своего": "self", "своей": "self", "своему": "self", "своим": "self",
                        "своих": "self", "своими": "self", "себя": "self"},
                 "kk": {"оның": "any", "олардың": "plur", "өзінің": "self", "өз": "self"}},
    # the personal pronouns that are a condition's subject ("if he is ill", «если ей нужна помощь»): a person the
    # question names, by gender, as the possessives; "any" (Kazakh «ол») is left to the condition's own parameters
    "personal": {"en": {"he": "masc", "him": "masc", "she": "femn"},
                 "ru": {"он": "masc", "ему": "masc", "она": "femn", "ей": "femn"},
                 "kk": {}},
    "before": {"en": {"of": ""}, "ru": {"у": ""}, "kk": {}},
    "genitive": {"en": {}, "ru": {}, "kk": {"ның": "", "нің": "", "дың": "", "дің": "", "тың": "", "тің": ""}},
}

# Words that join two persons into a list («Асанову и Петрову», "Ivanov or Petrov"): a question asks of one person in
# each place, so a list of persons is refused at the word that joins them, never read as one of them.
CONJUNCTIONS: dict[str, tuple[str, ...]] = {"en": ("and", "or"), "ru": ("и", "или", "либо"),
                                            "kk": ("және", "мен", "бен", "пен", "немесе", "не")}

# Words that deny what follows ("not presented", «не представлена», «ұсынылмаған» aside): never taken as part of
# a phrase they stand beside, so a question that negates is refused at the word rather than read as affirming.
NEGATIONS: dict[str, tuple[str, ...]] = {"en": ("not", "no", "never", "without", "nor"),
                                         "ru": ("не", "нет", "ни", "без", "никогда"),
                                         "kk": ("емес", "жоқ", "ешқашан")}

# The endings of verb forms, for the languages without a morphology package here (Russian has pymorphy3): a word
# of a predicate's `reads` template in such a form («ұсынылған», "presented") is understood beside that predicate's
# phrase in any of these forms («куәлігі ұсынылса», "if the certificate was presented").
VERB_ENDINGS: dict[str, tuple[str, ...]] = {"en": ("ed", "en"),
                                            "kk": ("ған", "ген", "қан", "кен", "са", "се", "ды", "ді", "ты", "ті",
                                                   "ады", "еді", "йды", "йді")}

# The endings of a conditional verb, in a language that says "if" by the verb's form (Kazakh «қайтыс болса», «қатты
# ауырса»): a condition's phrase ending so closes its clause, as a comma would («Асанов әкесі қайтыс болса Жанатқа
# қоңырау шала ала ма?»: what befell the kin is the condition; Жанат is the person called, never that kin).
CONDITIONAL_ENDINGS: dict[str, tuple[str, ...]] = {"kk": ("са", "се")}
