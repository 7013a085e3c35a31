"""What each diagnostic code means and how to fix it: the paragraphs `zan check --explain CODE` prints.

The codes themselves, with severity and a one-line meaning, live in engine/base/diagnostics.py (CODES);
this registry adds the longer text, one paragraph per code, and the tests keep the two in step.
"""

from __future__ import annotations

from engine.base.diagnostics import CODES

EXPLANATIONS: dict[str, str] = {
    "unknown-kind": """A predicate's parameter names the kind of value it takes (`predicate q(X: party,
Y: holder).`), or a kind names the kinds it is one of (`kind holder is party.`), and no
`kind NAME ...` declaration declares that kind. Declare it, with its labels in kk, ru and en, or correct
the name (docs/authoring.md, "Kinds of parameters").""",
    "unknown-reading": """A norm (`under reading NAME`), a condition (`... under reading NAME`), a reading's
`instead of`, or the option --reading / --versus-reading names a reading that no `reading NAME ...`
declaration in the knowledge base declares. Declare it, or correct the name (docs/authoring.md,
"Readings").""",
    "reading-without-default": """Readings linked by `instead of` are alternatives: exactly one of them should be
marked `default`, the one a question is answered under unless --reading chooses another. With none,
the norms and conditions attached to the group are left out unless a reading is chosen; with several,
they all count at once. Mark one `default`.""",
    "syntax": """The text does not follow the grammar (grammar/zan.lark for kb files, facts and queries;
grammar/scenario.lark for scenarios). The message says what was found and what could stand there.
Most often a statement lacks its closing full stop, a text is in single quotes instead of double
quotes, or conditions are written `:-` instead of `if ... and ...`.""",
    "unreadable-file": """A file could not be read: it does not exist, is a folder, is binary (contains a NUL
byte), is larger than the limit, or is not UTF-8. Save the file as UTF-8 text (the Kazakh and Russian
texts need it) and check the path.""",
    "member-not-relation": """A `phrase` with `member` says that the phrase names one kind of person within a relation
("seller" of `party(A, B)`), not the relation as a whole: a question in words then refers by it
to a person of the case only where the case names that person by the phrase, else to a new person of that kind,
named `MEMBER_of_SUBJECT`. So it belongs only to a predicate of two arguments, and the member must not be a
predicate's name (the new person's name would read as that predicate's). Drop `member` from a constant's, a scope's
or a one-argument predicate's phrase, or rename the member.""",
    "phrase-gender": """A `phrase` with `gender female` or `gender male` says the gender of the person the phrase
names ("saleswoman" of `party(A, B)`): a question in words then refers by it only to a person whose gender agrees (a name's
gender comes from the Russian dictionary; a name it does not know agrees), and where the case's person is of the other
gender the question is refused at the word, naming that person. So the value is `female` or `male`; it belongs to a
phrase of a predicate of one or two arguments (the person it names), not to a constant's or a scope's; and the
phrases of one member that say a gender say the same. Write the gender meant, or drop it.""",
    "duplicate-phrase": """A predicate, a constant or a scope declaration gives the same `phrase` twice in one
language, or a phrase that repeats its own label (letter case and spaces aside). A question in words reads
both as one; the second usually stands where another phrase was meant (another abbreviation, another case
form). Drop it, or write the phrase that was meant.""",
    "mixed-script": """A name (a constant, a predicate, a variable, a norm id) has letters from more than one
script, such as `оwner` written with a Cyrillic `о`. It looks exactly like the Latin name and is another
name: a fact about it never meets a rule about the other, and nothing says so. Retype the name in one
script. Quoted texts with spaces are free text and are not checked.""",
    "unnormalized-name": """A name is written with combining characters, such as `e` followed by a combining
acute accent instead of the composed `é` (Unicode NFC). The two look the same and are different names,
so a fact about one never meets a rule about the other. Retype the name, or have the editor save the
file in NFC.""",
    "condition-on-conclusion": """A rule's condition names a predicate that norms conclude (`permitted p(...)`).
A condition reads the facts of its predicate, never its status: it does not ask whether p is permitted or
prohibited. Where no norm makes p obligatory, a case may not state facts of p (conclusion-as-fact), so
the condition never holds; where a norm makes p obligatory, it holds for a duty recorded as fulfilled.
State the circumstance the norms rest on as a predicate of its own and use it in the condition.""",
    "case-not-fact": """A case file (given with --facts, a scenario's `facts from`, or a .facts file checked
by `zan check`) states the facts of one case: one fact per line, such as `q(a, b).`,
optionally `from DATE to DATE`. It may not hold norms, acts, predicate or constant declarations, saved
questions, rules with conditions or conclusions with a modality: those would change the law for that
one case, where neither `zan check` of the knowledge base nor its readers would see it. Move the law
into the knowledge base (--kb) and keep only facts in the case file.""",
    "input-too-large": """An input (a knowledge-base file, a case file, a saved question file, standard input)
is larger than 50 MB, the most Zan reads from one input; reading stops there, so a file like
/dev/zero or a runaway generator cannot fill the memory. Split a large case into several files given
with several --facts options (SECURITY.md, limits).""",
    "too-large": """A case space (`zan cases`), a search for what would change an answer (`--how`) or a diff of
two dates (`zan diff`) is larger than its bound: the rows, the combinations of facts, the decision-diagram
nodes, the tuples and answers examined or the seconds Zan spends on one question (SECURITY.md, budgets).
The bound keeps one question from exhausting the machine; it does not mean the law has no answer. Narrow
the question: fix a fact with --given (for instance `--given p(C)`, a circumstance of the person asked
about), give a value instead of a variable (a purpose, a person), ask with --max for fewer sets, or diff
fewer case facts.""",
    "invalid-date": """A date literal names no day of the calendar, such as 2025-02-30. Dates are written
YYYY-MM-DD; correct the day or the month.""",
    "invalid-interval": """An interval (`in force from A to B`, or a fact's `from A to B`) ends before it begins,
so it holds on no day. Swap the dates or correct the one that is wrong.""",
    "undefined-predicate": """An atom uses a predicate that no `predicate` declaration introduces. Either the name
is misspelt (the hint proposes the closest declared name) or the declaration is missing: add it to
kb/vocabulary.zan with its parameters, labels and `reads` templates in kk, ru and en.""",
    "arity": """A predicate is used with a different number of arguments than its declaration has. pyDatalog
would silently treat the two as different relations, so Zan refuses it. Compare the use with the
declaration the note points at and add or drop the argument.""",
    "unsafe-variable": """A variable in a conclusion, under `not`, or in a comparison is not bound by any positive
condition, so the rule would not name a definite atom. Add a positive condition that names the
variable (for instance `p(C)`), or replace the variable by a constant. Facts cannot contain
variables at all.""",
    "unstratifiable": """Predicates depend on each other through negation (p depends on `not q` and q on p), so
the rules have no single meaning; pyDatalog would answer wrongly or never stop. Break the cycle:
split a predicate in two, or express the exception with `exception to` between norms instead of
`not`.""",
    "unknown-act": """A citation names an act (its first word) that no `act` declaration introduces. Correct the
act key (the hint proposes the closest one) or declare the act in kb/acts.zan with its rank and
in-force date.""",
    "unknown-norm": """`exception to`, `rests on` or `see` names a norm id that is not declared. Correct the id
(the hint proposes the closest one) or add the norm; a provision without a clause may be declared
just to be referred to.""",
    "duplicate-id": """Two declarations use the same name: two norms, acts, predicates, constants or questions,
or a predicate that names an argument twice. Every id is a reference others rely on; rename one of
them (norm ids usually extend the citation: code.12.1.a, code.12.1.b).""",
    "modality-outside-norm": """A clause outside a norm concludes permitted, prohibited, obligatory or discretionary.
A deontic conclusion needs a source: put it inside `norm ID cites "act article" ...` with the quote
it rests on. Plain facts and definitions have no modality.""",
    "missing-citation": """A norm has no `cites "act article.part.subparagraph"`. The citation key decides the act
(and so the rank and date) the norm belongs to, and answers list it; add it.""",
    "invalid-citation": """The citation key is not of the form `act article.part.subparagraph`, e.g. "code 12.1.2"
or "code 7": the act key, one space, then numbers separated by dots (a letter may follow a
number).""",
    "exception-cycle": """Norms are exceptions to each other in a cycle (A to B, B to A, or longer), so lex
specialis orders nothing among them. Decide which norm is the special one and drop the other
`exception to`.""",
    "bad-predicate-name": """A predicate name starts with a capital letter or a digit. Capitalised names are
variables in Datalog; write predicate names in lower case (`p`, not `P`).""",
    "unknown-placeholder": """A `reads` template (or a saved question's title) names {Something} that is not a parameter of the predicate (or question), so it
would be shown literally. Use the parameter names of the declaration (the hint lists them). A choice of forms
by gender, `{Person?masculine|feminine|other}`, gives exactly three forms (docs/authoring.md, section 1).""",
    "invalid-query": """The question is not an atom over a declared predicate with the right number of arguments.
Write it as `q(a, P)`, optionally prefixed by a status (`permitted ...`).""",
    "question-syntax": """The question given to `zan ask` starts like an atom (a name and an opening parenthesis) but
does not parse as one. Write `[status] predicate(arg, ...)`, e.g. `permitted q(a, P)`;
a trailing `?` or `.` is fine. Or ask in words, with the labels and phrases the knowledge base declares.""",
    "not-understood": """A question in words has a word that the controlled language does not place, or parts that
do not fit together (two things asked at once, a name with no place in the question, a context with no one
named). The language is made from the knowledge base's labels, `phrase`s and `reads` templates, the
constants' labels and the names in the case; the hint proposes the closest known word and the nearest
phrasings. Say it otherwise, add a `phrase` to the predicate or constant in kb/, or write the atom.""",
    "unknown-name": """A name in a question (or a saved question's argument) occurs nowhere in the case or the
knowledge base: most likely a typo (`seler` for `seller`). The question is still answered, and
"no answers" then says that the name is unknown; the hint proposes the closest known name.""",
    "unknown-question": """`zan query NAME` names no saved question in queries/. The hint proposes the closest name or
lists the saved questions.""",
    "question-arguments": """A saved question was given a different number of arguments than its declaration takes.
`zan query q a` passes one; see the question's parameters in queries/.""",
    "deadline-without-obligation": """A `deadline` is given to a norm whose conclusion is not `obligatory`; only an
obligation can be pending, fulfilled or overdue. Make the conclusion obligatory or drop the
deadline.""",
    "missing-quote": """A norm has no Kazakh quote (`kk "..."`) of the text it rests on. The Kazakh text is the
authentic one; quote the provision (from the ruling, where it quotes it), so that answers can show
it.""",
    "missing-translation": """A declaration lacks its text in one of kk, ru, en: an act's title, a predicate's label
or `reads` template, a constant's label, a norm's Russian or English rendering, a saved question's
title. Answers in that language would fall back to another one. Add the missing language; mark a
working translation as such in a note.""",
    "exception-never-bites": """A norm is written as an exception to another, but the two can never conflict: one of
them concludes nothing deontic, both have the same side (two prohibitions, or permitted against
obligatory), their conclusions cannot be the same atom (another predicate, or a constant that
differs, such as `a` against `b`), or they are never in force on the same day. The
priority the author meant is then never used. Correct the conclusion or the modality of the
exception, or point `exception to` at the norm it really departs from.""",
    "decisive-not-in-quote": """A norm marks the words of its quote it is cited for (`decisive LANG "..."`), but they
are not found in its quote in that language. A shortened quote keeps the decisive words in view, so
they must be copied exactly from the quote (a contiguous part of it, spacing aside).""",
    "exception-outranked": """A norm of a lower-ranked act (an order, a regulation) is written as an exception to a norm
of a higher-ranked act (a code, a law), which does not delegate that power. A sub-statutory act cannot
carve exceptions out of a statute: lex superior bounds lex specialis, so the `exception to` does not
decide and the higher-ranked norm prevails where the two conflict. If the statute does delegate it,
declare that on the higher norm (`delegates exceptions to ACT`); otherwise drop the `exception to`.""",
    "norm-never-in-force": """A norm's `in force` interval lies wholly outside its act's, and a norm counts only on
days when both are in force, so it can never apply. Correct the norm's dates, or its citation if
it belongs to another act.""",
    "validity-outside-act": """A norm's `in force` interval begins before its act is in force or ends after it; the
days outside the act are ignored. Narrow the norm's interval to the act's, or correct the act's
dates.""",
    "unresolved-conflict": """Two norms conclude the same atom with conflicting modalities (permitted, obligatory or
discretionary against prohibited), their acts have the same rank, they enter into force on the same
day, neither is written as an exception to the other, and nothing obvious keeps their conditions
apart. Where both apply, no principle decides and the answer is undetermined (an ambiguity). If one
is the special rule, write `exception to` on it; if their cases are disjoint, add the condition
that separates them (e.g. `not p(X)` in one and `p(X)` in the other).""",
    "unused-predicate": """A declared predicate appears in no norm, definition, fact, question or domain. It may be
a leftover of a renamed predicate, or vocabulary that is still to be written into a norm. Use it
or remove the declaration (the public vocabulary of the brief must stay, so use it).""",
    "unread-fact": """A fact is about a predicate that no norm, definition, domain or saved question reads, so it
changes no answer: probably a misspelt or obsolete predicate in a case file. Use the predicate of
the vocabulary the norms read, or write the norm that should read it.""",
    "single-use-variable": """A variable that occurs only once in a rule or norm stands for anything: it constrains
nothing. Most often it is a typo of another variable (`q(C, Q)` where `q(C, P)` was meant),
and then the law is silently wider than written: a variable of the conclusion the typo leaves unbound is
bound by the predicate's `asked over` domain, so the norm reaches everyone. Correct the name (the hint
names the likely one), or, where any value is meant, write `_` or a name starting with `_` (`_Any`).""",
    "domain-bound-variable": """No condition of the norm binds this variable of its conclusion, so only the
predicate's `asked over` domain does: the norm decides the question whoever the variable names (a ban
"whoever the other party"). Where that is meant, say so by writing the variable with a leading underscore
(`prohibited q(C, _Other) if p(C).`); otherwise add the condition
that binds it, or correct the typo the hint points at (a condition's variable used only once).""",
    "lone-constant": """A lower-case name in a conclusion is a constant, and this one occurs nowhere else in the
knowledge base: no fact, condition, domain or saved question names it, so the norm speaks of a thing
nothing else knows (`q(C, p)` where the variable `P` was meant). Capitalise it if a variable was
meant; otherwise declare the constant (`constant NAME ...`) so that it is known on purpose.""",
    "invalid-scenario": """A scenario (kb/scenarios/*.scenario) cannot be run as written: an assertion names a norm
that is not in the knowledge base (a typo would otherwise make `avoids` pass vacuously), an
expectation is about an atom with variables (expectations are about one ground atom), an atom
uses an unknown predicate, two scenarios share a name, or no date is given (`at YYYY-MM-DD` in the
scenario or after the atom).""",
    "invalid-project": """The project file zan.toml (found in the working folder or one of its parents) is not
valid TOML, has a key Zan does not know in its [project] table, gives a key a value of the wrong
kind, or names a knowledge-base folder that does not exist. Correct the line the message points at;
docs/authoring.md (section 6) lists the keys. `zan init` writes a project file that works.""",
    "project-ignored": """A zan.toml was found in the folder or above it but not used, so the document is checked
without that project's law (and `zan` answers from the bundled knowledge base, saying so). A project file
is used only if it is a regular file with one name (not a symbolic or hard link), owned by you (or root)
and writable by no one else, and if its knowledge base, saved questions, scenarios and cases (every folder
and file in them, and the folders their links point into) are too: otherwise another user could plant the
law you answer from (SECURITY.md). Fix the ownership or the mode (`chmod go-w`), or move the project into a
folder of your own.""",
    "conclusion-as-fact": """A fact states an atom of a predicate that the norms conclude as permitted, prohibited
or discretionary (such as `q(...)`): a case cannot state a conclusion, and such a fact would be
silently ignored, since the status comes from the norms alone. State the facts the norms rest on
instead (who the persons are, what happened, which documents there are) and ask the
question. Facts of a predicate some norm makes obligatory are allowed: they record that the duty was
fulfilled.""",
    "unknown-topic": """`zan exercises --topic NAME` names no topic. The topics are words of the knowledge base
(predicates and constants the case space of the exercises ranges over), so a topic is spelt as the kb
spells it; the message lists the known ones and proposes the closest.""",
}


# The same in Kazakh and Russian, for authors who write in them (`zan check --list-codes --lang`, `--explain CODE
# --lang`): code -> (the one-line meaning of CODES, the paragraph), with the terms of the ruling's glossary.
TRANSLATED: dict[str, dict[str, tuple[str, str]]] = {
    "ru": {
        "syntax": ("текст не соответствует грамматике grammar/zan.lark",
                   """Текст не соответствует грамматике (grammar/zan.lark для файлов базы знаний, фактов и вопросов;
    grammar/scenario.lark для сценариев). Сообщение говорит, что найдено и что могло бы стоять на этом месте.
    Чаще всего утверждение не закончено точкой, текст взят в одинарные кавычки вместо двойных или условия
    записаны через `:-` вместо `if ... and ...`."""),
        "unreadable-file": ("файл не удалось прочитать, или это не текст в UTF-8",
                            """Файл не удалось прочитать: его нет, это папка, он двоичный (содержит байт NUL), больше
    предела или записан не в UTF-8. Сохраните файл как текст в UTF-8 (он нужен казахским и русским текстам) и
    проверьте путь."""),
        "invalid-date": ("дата называет день, которого нет в календаре",
                         """Дата называет день, которого нет в календаре, например 2025-02-30. Даты пишутся ГГГГ-ММ-ДД;
    исправьте день или месяц."""),
        "invalid-interval": ("срок заканчивается раньше, чем начинается",
                             """Срок (`in force from A to B` или `from A to B` у факта) заканчивается раньше, чем
    начинается, и поэтому не действует ни в один день. Поменяйте даты местами или исправьте неверную."""),
        "undefined-predicate": ("предикат используется, но нигде не объявлен",
                                """Атом использует предикат, который не вводит ни одно объявление `predicate`. Либо имя
    написано с ошибкой (подсказка предлагает ближайшее объявленное имя), либо объявления нет: добавьте его в
    kb/vocabulary.zan с параметрами, метками и шаблонами `reads` на kk, ru и en."""),
        "arity": ("предикат используется с иным числом аргументов, чем объявлено",
                  """Предикат используется с иным числом аргументов, чем в его объявлении. pyDatalog молча счёл бы это
    двумя разными отношениями, поэтому Zan это отвергает. Сравните употребление с объявлением, на которое
    указывает примечание, и добавьте или уберите аргумент."""),
        "unsafe-variable": ("переменная не связана положительным условием",
                            """Переменная в заключении, под `not` или в сравнении не связана ни одним положительным
    условием, и правило не называет определённого атома. Добавьте положительное условие, которое называет эту
    переменную (например, `p(C)`), или замените переменную константой. В фактах переменных не бывает
    вовсе."""),
        "unstratifiable": ("предикаты зависят друг от друга через отрицание",
                           """Предикаты зависят друг от друга через отрицание (p зависит от `not q`, а q — от p), и у
    правил нет единственного смысла: pyDatalog ответил бы неверно или не остановился бы. Разорвите цикл:
    разделите предикат на два или выразите исключение через `exception to` между нормами вместо `not`."""),
        "unknown-act": ("ссылка называет акт, который не объявлен",
                        """Ссылка называет акт (её первое слово), который не вводит ни одно объявление `act`.
    Исправьте ключ акта (подсказка предлагает ближайший) или объявите акт в kb/acts.zan с его юридической силой
    и датой вступления в силу."""),
        "unknown-norm": ("норма ссылается на норму, которая не объявлена",
                         """`exception to`, `rests on` или `see` называет идентификатор нормы, которая не объявлена.
    Исправьте идентификатор (подсказка предлагает ближайший) или добавьте норму; положение без заключения
    можно объявить только для того, чтобы на него ссылаться."""),
        "duplicate-id": ("два объявления используют одно и то же имя",
                         """Два объявления используют одно и то же имя: две нормы, акта, предиката, константы или
    вопроса, или предикат называет аргумент дважды. На каждый идентификатор ссылаются другие; переименуйте одно
    из них (идентификатор нормы обычно продолжает ссылку: code.12.1.a, code.12.1.b)."""),
        "modality-outside-norm": ("только норма может устанавливать permitted, prohibited, obligatory или discretionary",
                                  """Предложение вне нормы устанавливает permitted, prohibited, obligatory или
    discretionary. Деонтическому заключению нужен источник: поместите его в `norm ID cites "акт статья" ...` с
    цитатой, на которой оно основано. У простых фактов и определений модальности нет."""),
        "missing-citation": ("у нормы нет ключа ссылки",
                             """У нормы нет `cites "акт статья.часть.пункт"`. Ключ ссылки определяет акт, к которому
    относится норма (а значит, её юридическую силу и дату), и ответы его приводят; добавьте его."""),
        "invalid-citation": ("ключ ссылки не имеет вида `акт статья.часть.пункт`",
                             """Ключ ссылки не имеет вида `акт статья.часть.пункт`, например "code 12.1.2" или
    "code 7": ключ акта, один пробел, затем числа через точку (за числом может стоять буква)."""),
        "exception-cycle": ("нормы являются исключениями друг из друга по кругу",
                            """Нормы являются исключениями друг из друга по кругу (A из B и B из A, или длиннее), и lex
    specialis ничего между ними не упорядочивает. Решите, какая норма специальная, и уберите другое
    `exception to`."""),
        "bad-predicate-name": ("имя предиката начинается с заглавной буквы или цифры либо зарезервировано",
                               """Имя предиката начинается с заглавной буквы или цифры. В Datalog имена с заглавной
    буквы — переменные; пишите имена предикатов строчными буквами (`p`, а не `P`)."""),
        "unknown-placeholder": ("шаблон `reads` или заголовок сохранённого вопроса называет несуществующий аргумент",
                                """Шаблон `reads` (или заголовок сохранённого вопроса) называет {Нечто}, что не является
    параметром предиката (или вопроса), и это было бы показано буквально. Используйте имена параметров из
    объявления (подсказка их перечисляет). Выбор форм по роду, `{Person?masculine|feminine|other}` (мужской, женский, иначе), даёт
    ровно три формы (docs/authoring.md, раздел 1)."""),
        "invalid-query": ("вопрос — не атом над объявленным предикатом",
                          """Вопрос — не атом над объявленным предикатом с нужным числом аргументов. Запишите его
    как `q(a, P)`, можно со статусом впереди (`permitted ...`)."""),
        "unknown-question": ("нет сохранённого вопроса с таким именем",
                             """`zan query ИМЯ` не называет ни одного сохранённого вопроса в queries/. Подсказка
    предлагает ближайшее имя или перечисляет сохранённые вопросы."""),
        "unknown-reading": ("названо толкование, которого база знаний не объявляет",
                            """Норма (`under reading ИМЯ`), условие (`... under reading ИМЯ`), `instead of` толкования
    или параметр --reading / --versus-reading называет толкование, которого не объявляет ни одно объявление
    `reading ИМЯ ...` в базе знаний. Объявите его или исправьте имя (docs/authoring.md, "Readings")."""),
        "unknown-kind": ("параметр (`Y: holder`) или вид (`is party`) называет необъявленный вид",
                         """Параметр предиката называет вид значений, которые он принимает (`predicate
    q(X: party, Y: holder).`), или вид называет виды, к которым относится (`kind holder is
    party.`), но ни одно объявление `kind ИМЯ ...` этот вид не объявляет. Объявите его с метками на kk,
    ru и en или исправьте имя (docs/authoring.md, "Kinds of parameters")."""),
        "reading-without-default": ("у группы альтернативных толкований нет толкования по умолчанию или их несколько",
                                    """Толкования, связанные `instead of`, — альтернативы: ровно одно из них должно быть
    отмечено `default` — то, при котором отвечают на вопрос, если --reading не выбирает другое. Если такого нет,
    нормы и условия группы не учитываются, пока толкование не выбрано; если их несколько, все они действуют
    сразу. Отметьте одно как `default`."""),
        "question-syntax": ("вопрос — ни атом (возможно, со статусом впереди), ни слова, которые понимает словарь",
                            """Вопрос, данный `zan ask`, начинается как атом (имя и открывающая скобка), но не
    разбирается как атом. Пишите `[статус] предикат(аргумент, ...)`, например `permitted q(a, P)`;
    `?` или `.` в конце допустимы. Или спросите словами — теми, что дают метки и фразы базы знаний."""),
        "not-understood": ("в вопросе словами есть слово или часть, которую словарь не понимает",
                           """В вопросе словами есть слово, которому управляемый язык не находит места, или части,
    которые не сочетаются (спрошено две вещи сразу, имя без места в вопросе, обстоятельство, в котором никто не
    назван). Язык составлен из меток базы знаний, её `phrase` и шаблонов `reads`, меток констант и имён из
    дела; подсказка предлагает ближайшее известное слово и ближайшие формулировки. Скажите иначе, добавьте
    `phrase` к предикату или константе в kb/ или запишите атом."""),
        "unknown-name": ("имя в вопросе не встречается ни в деле, ни в базе знаний",
                         """Имя в вопросе (или аргумент сохранённого вопроса) не встречается ни в деле, ни в базе
    знаний: скорее всего, опечатка (`seler` вместо `seller`). На вопрос всё равно отвечают, и тогда «нет
    ответов» говорит, что имя неизвестно; подсказка предлагает ближайшее известное имя."""),
        "question-arguments": ("сохранённому вопросу дано неверное число аргументов",
                               """Сохранённому вопросу дано иное число аргументов, чем принимает его объявление.
    `zan query q a` передаёт один; параметры вопроса смотрите в queries/."""),
        "unknown-topic": ("нет темы упражнений с таким именем (темы — слова базы знаний)",
                          """`zan exercises --topic ИМЯ` не называет ни одной темы. Темы — слова базы знаний
    (предикаты и константы, по которым идёт пространство случаев упражнений), поэтому тема пишется так, как её
    пишет база знаний; сообщение перечисляет известные темы и предлагает ближайшую."""),
        "deadline-without-obligation": ("срок дан норме, которая ничего не обязывает",
                                        """`deadline` дан норме, заключение которой не `obligatory`; только обязанность
    может быть ожидающей исполнения, исполненной или просроченной. Сделайте заключение обязательным или уберите
    срок."""),
        "missing-quote": ("у нормы нет казахской цитаты текста, на котором она основана",
                          """У нормы нет казахской цитаты (`kk "..."`) текста, на котором она основана. Казахский
    текст — аутентичный; процитируйте положение (из постановления, где оно его цитирует), чтобы ответы могли его
    показать."""),
        "missing-translation": ("метки, цитаты или толкования нет на одном из языков kk, ru, en",
                                """У объявления нет текста на одном из языков kk, ru, en: названия акта, метки или
    шаблона `reads` предиката, метки константы, русского или английского текста нормы, заголовка сохранённого
    вопроса. Ответы на этом языке взяли бы текст другого. Добавьте недостающий язык; рабочий перевод отметьте
    как таковой в примечании (note)."""),
        "exception-never-bites": ("заключение исключения никогда не может противоречить норме, из которой оно сделано",
                                  """Норма записана как исключение из другой, но они никогда не могут противоречить
    друг другу: одна из них ничего деонтического не устанавливает, обе на одной стороне (два запрета или
    permitted против obligatory), их заключения не могут быть одним атомом (другой предикат или отличающаяся
    константа, например `a` против `b`) или они ни в один день не действуют одновременно. Тогда
    приоритет, задуманный автором, не используется никогда. Исправьте заключение или модальность исключения
    либо направьте `exception to` на норму, от которой оно действительно отступает."""),
        "decisive-not-in-quote": ("решающих слов нормы нет в её цитате на этом языке",
                                  """Норма отмечает слова своей цитаты, ради которых на неё ссылаются (`decisive LANG
    "..."`), но в её цитате на этом языке их нет. Сокращённая цитата оставляет решающие слова на виду, поэтому
    их нужно скопировать из цитаты точно (сплошной её частью, без учёта пробелов)."""),
        "exception-outranked": ("норма акта меньшей юридической силы записана как исключение из нормы акта большей "
                                "юридической силы, который такого не делегирует (lex superior ограничивает lex specialis)",
                                """Норма акта меньшей юридической силы (приказа, правил) записана как исключение из нормы
    акта большей юридической силы (кодекса, закона), который этого полномочия не делегирует. Подзаконный акт не
    может устанавливать исключения из закона: lex superior ограничивает lex specialis, поэтому `exception to`
    ничего не решает, и норма большей юридической силы имеет приоритет там, где они противоречат друг другу.
    Если закон такое полномочие делегирует, укажите это в его норме (`delegates exceptions to АКТ`); иначе
    уберите `exception to`."""),
        "norm-never-in-force": ("срок действия нормы целиком лежит вне срока её акта: она никогда не применяется",
                                """Срок `in force` нормы целиком лежит вне срока действия её акта, а норма учитывается
    только в дни, когда действуют оба, поэтому она никогда не может применяться. Исправьте даты нормы или её
    ссылку, если она относится к другому акту."""),
        "validity-outside-act": ("срок действия нормы начинается раньше или кончается позже срока её акта",
                                 """Срок `in force` нормы начинается до вступления её акта в силу или кончается после
    утраты им силы; дни вне срока акта не учитываются. Сузьте срок нормы до срока акта или исправьте даты
    акта."""),
        "unresolved-conflict": ("две противоречащие нормы одной юридической силы и даты без исключения между ними могут "
                                "применяться вместе",
                                """Две нормы устанавливают один атом с противоречащими модальностями (permitted, obligatory
    или discretionary против prohibited), их акты одной юридической силы, они вступают в силу в один день,
    ни одна не записана как исключение из другой, и ничто очевидное не разводит их условия. Где применимы
    обе, ни один принцип не решает, и ответ — не определён (неоднозначность). Если одна из них — специальная
    норма, напишите в ней `exception to`; если их случаи не пересекаются, добавьте разделяющее их условие
    (например, `not p(X)` в одной и `p(X)` в другой)."""),
        "single-use-variable": ("переменная встречается в правиле или норме один раз и ничего не ограничивает "
                                "(опечатка в другой?)",
                                """Переменная, которая встречается в правиле или норме только один раз, означает что
    угодно: она ничего не ограничивает. Чаще всего это опечатка в другой переменной (`q(C, Q)` вместо
    `q(C, P)`), и тогда закон молча шире написанного: переменную заключения, которую опечатка оставила
    несвязанной, связывает область `asked over` предиката, и норма охватывает всех. Исправьте имя (подсказка
    называет вероятное) или, если имеется в виду любое значение, напишите `_` или имя, начинающееся с `_`
    (`_Any`)."""),
        "domain-bound-variable": ("переменную заключения нормы связывает только область `asked over` предиката; "
                                  "напишите _Имя, если так и задумано",
                                  """Ни одно условие нормы не связывает эту переменную её заключения, её связывает
    только область `asked over` предиката: норма решает вопрос, кого бы ни называла переменная (запрет «кем бы
    ни был другой участник»). Если так и задумано, скажите это, написав переменную с подчёркиванием впереди
    (`prohibited q(C, _Other) if p(C).`); иначе добавьте связывающее её
    условие или исправьте опечатку, на которую указывает подсказка (переменную условия, использованную один
    раз)."""),
        "lone-constant": ("имя со строчной буквы в заключении больше нигде не встречается (константа вместо "
                          "переменной?)",
                          """Имя со строчной буквы в заключении — константа, и эта константа больше нигде в базе знаний
    не встречается: её не называет ни факт, ни условие, ни область, ни сохранённый вопрос, так что норма говорит
    о том, чего больше никто не знает (`q(C, p)` вместо переменной `P`). Напишите его с заглавной буквы,
    если имелась в виду переменная; иначе объявите константу (`constant ИМЯ ...`), чтобы она была известна
    намеренно."""),
        "unused-predicate": ("объявленный предикат нигде не используется",
                             """Объявленный предикат не встречается ни в одной норме, определении, факте, вопросе или
    области. Это может быть остаток переименованного предиката или словарь, который ещё предстоит вписать в
    норму. Используйте его или удалите объявление (публичный словарь брифа должен остаться — значит,
    используйте)."""),
        "unread-fact": ("факт о предикате, который не читает ни одна норма или определение",
                        """Факт касается предиката, который не читает ни одна норма, определение, область или
    сохранённый вопрос, поэтому он не меняет ни одного ответа: вероятно, в файле дела опечатка или устаревший
    предикат. Используйте предикат словаря, который читают нормы, или напишите норму, которая должна его
    читать."""),
        "invalid-project": ("zan.toml — некорректный TOML, содержит неизвестный ключ или называет несуществующую папку",
                            """Файл проекта zan.toml (найденный в рабочей папке или одной из родительских) — не
    корректный TOML, содержит в таблице [project] ключ, которого Zan не знает, даёт ключу значение не того вида
    или называет несуществующую папку базы знаний. Исправьте строку, на которую указывает сообщение; ключи
    перечислены в docs/authoring.md (раздел 6). `zan init` пишет работающий файл проекта."""),
        "project-ignored": ("zan.toml найден, но не используется: это ссылка, или его либо его право может изменить "
                            "другой пользователь",
                            """zan.toml найден в папке или выше, но не используется, поэтому документ проверяется без
    права этого проекта (а `zan` отвечает по встроенной базе знаний и говорит об этом). Файл проекта
    используется, только если это обычный файл с одним именем (не символическая и не жёсткая ссылка),
    принадлежащий вам (или root) и недоступный для записи никому другому, и если таковы же его база знаний,
    сохранённые вопросы, сценарии и дела (каждая папка и файл в них и папки, куда ведут их ссылки): иначе другой
    пользователь мог бы подложить право, по которому вы получаете ответы (SECURITY.md). Исправьте владельца или
    права (`chmod go-w`) или перенесите проект в свою папку."""),
        "conclusion-as-fact": ("факт (в файле дела, сценарии или базе знаний) утверждает то, что устанавливают нормы "
                               "(право, запрет или усмотрение)",
                               """Факт утверждает атом предиката, который нормы устанавливают как permitted, prohibited
    или discretionary (например, `q(...)`): дело не может утверждать заключение, и такой факт молча
    игнорировался бы, поскольку статус дают только нормы. Вместо этого укажите факты, на которых основаны нормы
    (кто эти лица, что произошло, какие есть документы), и задайте вопрос. Факты предиката, который
    какая-либо норма делает обязательным, допустимы: они фиксируют, что обязанность исполнена."""),
        "member-not-relation": ("`phrase ... member` дана там, где не названо отношение двух лиц, или член назван как предикат",
                                """Фраза `phrase` с `member` говорит, что она называет один вид лица внутри отношения
    («продавец» для `party(A, B)`), а не отношение в целом: вопрос словами относит её к лицу из дела
    только если дело называет это лицо этой фразой, иначе к новому лицу этого вида (`MEMBER_of_SUBJECT`). Поэтому она
    уместна только у предиката с двумя аргументами, и член не должен называться как предикат. Уберите `member` у
    фразы константы, области или предиката с одним аргументом либо переименуйте член."""),
        "phrase-gender": ("`phrase ... gender` — не female и не male, стоит там, где фраза не называет лицо, или расходится с другой фразой того же члена",
                          """Фраза `phrase` с `gender female` или `gender male` говорит пол лица, которое она
    называет («продавщица» для `party(A, B)`): вопрос словами относит её только к лицу, чей пол совпадает (пол имени дает
    словарь русского языка; имя, которого он не знает, совпадает), а где лицо из дела другого пола, вопрос отклоняется
    на этом слове с именем лица. Поэтому значение — `female` или `male`; оно уместно у фразы предиката с одним или двумя
    аргументами (лица, которое она называет), а не у константы или области; фразы одного члена, говорящие пол,
    говорят один и тот же. Напишите нужный пол или уберите его."""),
        "duplicate-phrase": ("объявление дважды дает одну и ту же фразу (или свою метку как фразу) на одном языке",
                             """Предикат, константа или объявление области (`outside scope`) дважды дает одну и ту же
    фразу `phrase` на одном языке или фразу, повторяющую его собственную метку (без учета регистра и пробелов).
    Вопрос словами читает их как одну; вторая обычно стоит там, где имелась в виду другая фраза (другое
    сокращение, другая падежная форма). Удалите ее или напишите ту фразу, которая имелась в виду."""),
        "mixed-script": ("имя смешивает буквы нескольких письменностей (похожая кириллическая буква в латинском имени)",
                         """Имя (константы, предиката, переменной, идентификатор нормы) содержит буквы более чем одной
    письменности, например `оwner` с кириллической `о`. Оно выглядит в точности как латинское имя, но это
    другое имя: факт о нём никогда не встретится с правилом о другом, и ничто об этом не скажет. Наберите имя
    буквами одной письменности. Тексты в кавычках с пробелами — свободный текст и не проверяются."""),
        "unnormalized-name": ("имя записано с комбинируемыми знаками (не Unicode NFC): двойник другого имени",
                              """Имя записано с комбинируемыми знаками, например `e` с комбинируемым акутом вместо
    составного `é` (Unicode NFC). Они выглядят одинаково, но это разные имена, поэтому факт об одном никогда не
    встретится с правилом о другом. Наберите имя заново или пусть редактор сохранит файл в NFC."""),
        "condition-on-conclusion": ("условие читает факты предиката, который устанавливают нормы, а не его статус",
                                    """Условие правила называет предикат, который устанавливают нормы (`permitted
    p(...)`). Условие читает факты своего предиката, а не его статус: оно не спрашивает, разрешён p или
    запрещён. Если ни одна норма не делает p обязательным, дело не может указывать факты p (conclusion-as-fact),
    и условие никогда не выполняется; если какая-то норма делает p обязательным, оно выполняется для
    обязанности, отмеченной как исполненная. Выразите обстоятельство, на котором основаны нормы, отдельным
    предикатом и используйте его в условии."""),
        "case-not-fact": ("файл дела (--facts) содержит не только факты: право относится к базе знаний",
                          """Файл дела (данный через --facts, `facts from` сценария или файл .facts, проверяемый
    `zan check`) указывает факты одного дела: по одному факту в строке, например `q(a, b).`, можно
    с `from ДАТА to ДАТА`. В нём не может быть норм, актов, объявлений предикатов или констант, сохранённых
    вопросов, правил с условиями или заключений с модальностью: они меняли бы право для одного этого дела, где
    его не увидят ни `zan check` базы знаний, ни её читатели. Перенесите право в базу знаний (--kb) и оставьте в
    файле дела только факты."""),
        "input-too-large": ("вход больше наибольшего объёма, который Zan читает из одного файла (50 МБ)",
                            """Вход (файл базы знаний, файл дела, файл сохранённых вопросов, стандартный ввод) больше
    50 МБ — наибольшего объёма, который Zan читает из одного входа; чтение на этом останавливается, чтобы файл
    вроде /dev/zero или вышедший из-под контроля генератор не заполнили память. Разделите большое дело на
    несколько файлов, данных несколькими параметрами --facts (SECURITY.md, ограничения)."""),
        "too-large": ("пространство случаев, поиск или сравнение больше своего предела (строки, узлы диаграмм, "
                      "кортежи, секунды): сузьте вопрос",
                      """Пространство случаев (`zan cases`), поиск того, что изменило бы ответ (`--how`), или сравнение
    двух дат (`zan diff`) больше своего предела: строк, сочетаний фактов, узлов диаграмм решений, просмотренных
    кортежей и ответов или секунд, которые Zan тратит на один вопрос (SECURITY.md, бюджеты). Предел не даёт одному
    вопросу исчерпать машину; он не значит, что у права нет ответа. Сузьте вопрос: закрепите факт через --given
    (например, `--given p(C)`, обстоятельство лица, о котором спрашивают), дайте значение вместо переменной
    (цель, лицо), спросите с --max о меньшем числе наборов или сравнивайте меньше фактов дела."""),
        "invalid-scenario": ("сценарий называет неизвестную норму, не имеет даты или ожидает чего-то от атома с "
                             "переменными",
                             """Сценарий (kb/scenarios/*.scenario) нельзя выполнить так, как он написан: утверждение
    называет норму, которой нет в базе знаний (иначе из-за опечатки `avoids` проходил бы впустую), ожидание
    касается атома с переменными (ожидания касаются одного атома без переменных), атом использует неизвестный
    предикат, у двух сценариев одно имя или не указана дата (`at ГГГГ-ММ-ДД` в сценарии или после атома)."""),
    },
    "kk": {
        "syntax": ("мәтін grammar/zan.lark грамматикасына сәйкес келмейді",
                   """Мәтін грамматикаға сәйкес келмейді (білім қоры, фактілер мен сұрақтар файлдары үшін
    grammar/zan.lark; сценарийлер үшін grammar/scenario.lark). Хабарлама не табылғанын және бұл жерде не тұра
    алатынын айтады. Көбіне тұжырым нүктемен аяқталмаған, мәтін қос тырнақша орнына дара тырнақшаға алынған
    немесе шарттар `if ... and ...` орнына `:-` арқылы жазылған."""),
        "unreadable-file": ("файл оқылмады немесе UTF-8 мәтіні емес",
                            """Файл оқылмады: ол жоқ, ол қалта, екілік (NUL байты бар), шектен үлкен немесе UTF-8
    түрінде жазылмаған. Файлды UTF-8 мәтіні ретінде сақтаңыз (қазақ және орыс мәтіндеріне сол керек) және жолын
    тексеріңіз."""),
        "invalid-date": ("күн күнтізбеде жоқ күнді атайды",
                         """Күн күнтізбеде жоқ күнді атайды, мысалы 2025-02-30. Күндер ЖЖЖЖ-АА-КК түрінде жазылады;
    күнін немесе айын түзетіңіз."""),
        "invalid-interval": ("мерзім басталмай тұрып аяқталады",
                             """Мерзім (`in force from A to B` немесе фактінің `from A to B`) басталмай тұрып аяқталады,
    сондықтан ешбір күні қолданылмайды. Күндердің орнын ауыстырыңыз немесе қатесін түзетіңіз."""),
        "undefined-predicate": ("предикат қолданылған, бірақ еш жерде жарияланбаған",
                                """Атом ешбір `predicate` жариялауы енгізбеген предикатты қолданады. Не атау қате
    жазылған (нұсқау ең жақын жарияланған атауды ұсынады), не жариялау жоқ: оны kb/vocabulary.zan файлына
    параметрлерімен, белгілерімен және kk, ru, en тілдеріндегі `reads` үлгілерімен қосыңыз."""),
        "arity": ("предикат жарияланғаннан басқа аргумент санымен қолданылған",
                  """Предикат өз жариялауындағыдан басқа аргумент санымен қолданылған. pyDatalog мұны үнсіз екі
    түрлі қатынас деп санар еді, сондықтан Zan оны қабылдамайды. Қолданысты ескертпе көрсеткен жариялаумен
    салыстырып, аргументті қосыңыз не алып тастаңыз."""),
        "unsafe-variable": ("айнымалыны оң шарт байланыстырмайды",
                            """Қорытындыдағы, `not` астындағы немесе салыстырудағы айнымалыны бірде-бір оң шарт
    байланыстырмайды, сондықтан ереже белгілі бір атомды атамайды. Сол айнымалыны атайтын оң шарт қосыңыз
    (мысалы, `p(C)`) немесе айнымалыны константамен ауыстырыңыз. Фактілерде айнымалы мүлде болмайды."""),
        "unstratifiable": ("предикаттар бір-біріне терістеу арқылы тәуелді",
                           """Предикаттар бір-біріне терістеу арқылы тәуелді (p `not q`-ға, ал q p-ға тәуелді),
    сондықтан ережелердің бір ғана мағынасы жоқ: pyDatalog қате жауап берер еді не тоқтамас еді. Тұйықты
    үзіңіз: предикатты екіге бөліңіз немесе ерекшелікті `not` орнына нормалар арасындағы `exception to` арқылы
    білдіріңіз."""),
        "unknown-act": ("сілтеме жарияланбаған актіні атайды",
                        """Сілтеме ешбір `act` жариялауы енгізбеген актіні (оның бірінші сөзін) атайды. Акт кілтін
    түзетіңіз (нұсқау ең жақынын ұсынады) немесе актіні kb/acts.zan файлында заңдық күшімен және күшіне енген
    күнімен жариялаңыз."""),
        "unknown-norm": ("норма жарияланбаған нормаға сілтейді",
                         """`exception to`, `rests on` немесе `see` жарияланбаған норма идентификаторын атайды.
    Идентификаторды түзетіңіз (нұсқау ең жақынын ұсынады) немесе норманы қосыңыз; қорытындысыз ережені тек
    оған сілтеу үшін де жариялауға болады."""),
        "duplicate-id": ("екі жариялау бір атауды қолданады",
                         """Екі жариялау бір атауды қолданады: екі норма, акт, предикат, константа не сұрақ, немесе
    предикат бір аргументті екі рет атайды. Әр идентификаторға басқалар сілтейді; біреуінің атауын өзгертіңіз
    (норма идентификаторы әдетте сілтемені жалғастырады: code.12.1.a, code.12.1.b)."""),
        "modality-outside-norm": ("permitted, prohibited, obligatory не discretionary қорытындысын тек норма жасай алады",
                                  """Нормадан тыс сөйлем permitted, prohibited, obligatory не discretionary
    қорытындысын жасайды. Деонтикалық қорытындының дереккөзі болуы тиіс: оны өзі негізделетін дәйексөзімен
    бірге `norm ID cites "акт бап" ...` ішіне жазыңыз. Қарапайым фактілер мен анықтамаларда модальділік
    болмайды."""),
        "missing-citation": ("нормада сілтеме кілті жоқ",
                             """Нормада `cites "акт бап.бөлік.тармақша"` жоқ. Сілтеме кілті норманың қай актіге
    жататынын (демек, оның заңдық күші мен күнін) анықтайды, және жауаптар оны келтіреді; оны қосыңыз."""),
        "invalid-citation": ("сілтеме кілті `акт бап.бөлік.тармақша` түрінде емес",
                             """Сілтеме кілті `акт бап.бөлік.тармақша` түрінде емес, мысалы "code 12.1.2" немесе
    "code 7": акт кілті, бір бос орын, сосын нүктемен бөлінген сандар (санның артынан әріп тұруы мүмкін)."""),
        "exception-cycle": ("нормалар бір-бірінен тұйық шеңбер бойынша ерекшелік болып тұр",
                            """Нормалар бір-бірінен тұйық шеңбер бойынша ерекшелік болып тұр (A — B-дан, B — A-дан,
    немесе ұзынырақ), сондықтан lex specialis олардың арасында ештеңені реттемейді. Қай норма арнайы екенін
    шешіп, екінші `exception to`-ны алып тастаңыз."""),
        "bad-predicate-name": ("предикат атауы бас әріптен не цифрдан басталады немесе резервтелген",
                               """Предикат атауы бас әріптен не цифрдан басталады. Datalog-та бас әріппен жазылған
    атаулар — айнымалылар; предикат атауларын кіші әріппен жазыңыз (`P` емес, `p`)."""),
        "unknown-placeholder": ("`reads` үлгісі не сақталған сұрақ тақырыбы жоқ аргументті атайды",
                                """`reads` үлгісі (немесе сақталған сұрақтың тақырыбы) предикаттың (не сұрақтың)
    параметрі емес {Бірдеңе}-ні атайды, ол сөзбе-сөз көрсетілер еді. Жариялаудағы параметр атауларын
    қолданыңыз (нұсқау оларды тізеді). Грамматикалық тек бойынша нысан таңдауы,
    `{Person?masculine|feminine|other}` (еркек, әйел, басқа), дәл үш нысан береді (docs/authoring.md, 1-бөлім)."""),
        "invalid-query": ("сұрақ жарияланған предикат бойынша атом емес",
                          """Сұрақ дұрыс аргумент саны бар жарияланған предикат бойынша атом емес. Оны
    `q(a, P)` түрінде жазыңыз, алдында мәртебе болуы мүмкін (`permitted ...`)."""),
        "unknown-question": ("мұндай атаулы сақталған сұрақ жоқ",
                             """`zan query АТАУ` queries/ ішіндегі бірде-бір сақталған сұрақты атамайды. Нұсқау ең
    жақын атауды ұсынады немесе сақталған сұрақтарды тізеді."""),
        "unknown-reading": ("білім қоры жарияламаған пайым аталған",
                            """Норма (`under reading АТАУ`), шарт (`... under reading АТАУ`), пайымның `instead of`-ы
    немесе --reading / --versus-reading параметрі білім қорындағы бірде-бір `reading АТАУ ...` жариялауы
    жарияламаған пайымды атайды. Оны жариялаңыз немесе атауын түзетіңіз (docs/authoring.md, "Readings")."""),
        "unknown-kind": ("параметр (`Y: holder`) не түр (`is party`) жарияланбаған түрді атайды",
                         """Предикат параметрі өзі қабылдайтын мәндердің түрін атайды (`predicate q(X:
    party, Y: holder).`), немесе түр өзі жататын түрлерді атайды (`kind holder is party.`), бірақ
    бұл түрді бірде-бір `kind АТАУ ...` жариялауы жарияламайды. Оны kk, ru және en белгілерімен жариялаңыз
    немесе атауын түзетіңіз (docs/authoring.md, "Kinds of parameters")."""),
        "reading-without-default": ("балама пайымдар тобының әдепкісі жоқ немесе бірнешеу",
                                    """`instead of` арқылы байланысқан пайымдар — баламалар: олардың дәл біреуі
    `default` деп белгіленуі тиіс — --reading басқасын таңдамаса, сұраққа сол бойынша жауап беріледі. Ондай
    болмаса, топқа тіркелген нормалар мен шарттар пайым таңдалмайынша ескерілмейді; бірнешеу болса, бәрі бірден
    қолданылады. Біреуін `default` деп белгілеңіз."""),
        "question-syntax": ("сұрақ атом да емес (алдында мәртебесі болуы мүмкін), сөздік түсінетін сөздер де емес",
                            """`zan ask`-қа берілген сұрақ атом сияқты басталады (атау және ашылатын жақша), бірақ
    атом ретінде талданбайды. `[мәртебе] предикат(аргумент, ...)` деп жазыңыз, мысалы `permitted
    q(a, P)`; соңындағы `?` не `.` рұқсат. Немесе білім қорының белгілері мен тіркестері беретін сөздермен
    сұраңыз."""),
        "not-understood": ("сөзбен қойылған сұрақта сөздік түсінбейтін сөз не бөлік бар",
                           """Сөзбен қойылған сұрақта басқарылатын тіл орын таппайтын сөз бар, немесе бір-біріне
    сәйкеспейтін бөліктер бар (бірден екі нәрсе сұралған, сұрақта орны жоқ атау, ешкім аталмаған мән-жай). Тіл
    білім қорының белгілерінен, оның `phrase`-тері мен `reads` үлгілерінен, константалардың белгілерінен және
    істегі атаулардан құралады; нұсқау ең жақын белгілі сөзді және ең жақын тұжырымдарды ұсынады. Басқаша
    айтыңыз, kb/ ішіндегі предикатқа не константаға `phrase` қосыңыз немесе атомды жазыңыз."""),
        "unknown-name": ("сұрақтағы атау не істе, не білім қорында кездеспейді",
                         """Сұрақтағы атау (не сақталған сұрақтың аргументі) не істе, не білім қорында кездеспейді:
    бәлкім, қате жазылған (`seller` орнына `seler`). Сұраққа бәрібір жауап беріледі, сонда «жауап жоқ»
    атаудың белгісіз екенін айтады; нұсқау ең жақын белгілі атауды ұсынады."""),
        "question-arguments": ("сақталған сұраққа аргументтердің қате саны берілген",
                               """Сақталған сұраққа оның жариялауы қабылдайтыннан басқа аргумент саны берілген.
    `zan query q a` біреуін береді; сұрақтың параметрлерін queries/ ішінен қараңыз."""),
        "unknown-topic": ("мұндай атаулы жаттығу тақырыбы жоқ (тақырыптар — білім қорының сөздері)",
                          """`zan exercises --topic АТАУ` бірде-бір тақырыпты атамайды. Тақырыптар — білім қорының
    сөздері (жаттығулардың жағдайлар кеңістігі қамтитын предикаттар мен константалар), сондықтан тақырып білім
    қорындағыдай жазылады; хабарлама белгілі тақырыптарды тізеді және ең жақынын ұсынады."""),
        "deadline-without-obligation": ("ештеңеге міндеттемейтін нормаға мерзім берілген",
                                        """`deadline` қорытындысы `obligatory` емес нормаға берілген; тек міндет
    орындалуын күтуде, орындалған не мерзімі өткен бола алады. Қорытындыны міндетті етіңіз немесе мерзімді алып
    тастаңыз."""),
        "missing-quote": ("нормада өзі негізделетін мәтіннің қазақша дәйексөзі жоқ",
                          """Нормада өзі негізделетін мәтіннің қазақша дәйексөзі (`kk "..."`) жоқ. Қазақ мәтіні —
    түпнұсқа; жауаптар оны көрсете алуы үшін ережені (қаулыда келтірілсе, қаулыдан) дәйексөзбен
    келтіріңіз."""),
        "missing-translation": ("белгі, дәйексөз не пайым kk, ru, en тілдерінің бірінде жоқ",
                                """Жариялауда kk, ru, en тілдерінің бірінде мәтін жоқ: актінің атауы, предикаттың
    белгісі не `reads` үлгісі, константаның белгісі, норманың орысша не ағылшынша мәтіні, сақталған сұрақтың
    тақырыбы. Сол тілдегі жауаптар басқа тілдің мәтінін алар еді. Жетпейтін тілді қосыңыз; жұмыс аудармасын
    ескертпеде (note) солай деп белгілеңіз."""),
        "exception-never-bites": ("ерекшеліктің қорытындысы өзі шығарылған нормаға ешқашан қайшы келмейді",
                                  """Норма басқа нормадан ерекшелік ретінде жазылған, бірақ олар ешқашан бір-біріне
    қайшы келмейді: біреуі деонтикалық ештеңе белгілемейді, екеуі бір жақта (екі тыйым, не obligatory-ге
    қарсы permitted), олардың қорытындылары бір атом бола алмайды (басқа предикат не өзгеше константа, мысалы
    `b`-ге қарсы `a`), немесе олар бір күнде бірге ешқашан күшінде болмайды. Сонда автор
    көздеген басымдық ешқашан қолданылмайды. Ерекшеліктің қорытындысын не модальділігін түзетіңіз, немесе
    `exception to`-ны ол шын мәнінде шегінетін нормаға бағыттаңыз."""),
        "decisive-not-in-quote": ("норманың шешуші сөздері оның сол тілдегі дәйексөзінде жоқ",
                                  """Норма өз дәйексөзінің өзіне сілтеу себебі болған сөздерін белгілейді (`decisive
    LANG "..."`), бірақ олар оның сол тілдегі дәйексөзінде жоқ. Қысқартылған дәйексөз шешуші сөздерді көрініп
    тұратындай қалдырады, сондықтан оларды дәйексөзден дәл (оның үздіксіз бөлігі ретінде, бос орындарды
    есептемегенде) көшіру керек."""),
        "exception-outranked": ("заңдық күші төмен актінің нормасы мұндай өкілеттік бермейтін заңдық күші жоғары актінің "
                                "нормасынан ерекшелік ретінде жазылған (lex superior lex specialis-ті шектейді)",
                                """Заңдық күші төмен актінің (бұйрықтың, қағидалардың) нормасы бұл өкілеттікті бермейтін
    заңдық күші жоғары актінің (кодекстің, заңның) нормасынан ерекшелік ретінде жазылған. Заңға тәуелді акт
    заңнан ерекшелік белгілей алмайды: lex superior lex specialis-ті шектейді, сондықтан `exception to` ештеңені
    шешпейді, ал екеуі қайшы келген жерде заңдық күші жоғары норма басым болады. Егер заң бұл өкілеттікті
    берсе, мұны оның нормасында көрсетіңіз (`delegates exceptions to АКТ`); әйтпесе `exception to`-ны алып
    тастаңыз."""),
        "norm-never-in-force": ("норманың қолданылу мерзімі толықтай өз актісінің мерзімінен тыс: ол ешқашан "
                                "қолданылмайды",
                                """Норманың `in force` мерзімі толықтай өз актісінің мерзімінен тыс жатыр, ал норма тек
    екеуі де күшінде болған күндері ескеріледі, сондықтан ол ешқашан қолданыла алмайды. Норманың күндерін
    немесе, ол басқа актіге жатса, сілтемесін түзетіңіз."""),
        "validity-outside-act": ("норманың қолданылу мерзімі өз актісінікінен ерте басталады не кеш аяқталады",
                                 """Норманың `in force` мерзімі оның актісі күшіне енгенге дейін басталады не ол күшін
    жойғаннан кейін аяқталады; акт мерзімінен тыс күндер ескерілмейді. Норманың мерзімін актінің мерзіміне
    дейін тарылтыңыз немесе актінің күндерін түзетіңіз."""),
        "unresolved-conflict": ("заңдық күші мен күні бірдей, араларында ерекшелік жоқ екі қайшы норма бірге қолданылуы "
                                "мүмкін",
                                """Екі норма бір атомды қайшы модальділіктермен қорытындылайды (prohibited-ке қарсы
    permitted, obligatory не discretionary), олардың актілерінің заңдық күші бірдей, олар бір күнде күшіне
    енеді, ешқайсысы екіншісінен ерекшелік ретінде жазылмаған, және олардың шарттарын айқын ештеңе
    ажыратпайды. Екеуі де қолданылатын жерде ешбір қағидат шешпейді, ал жауап — шешілмеген (екіұштылық). Егер
    біреуі арнайы норма болса, онда `exception to` жазыңыз; олардың жағдайлары қиылыспаса, оларды ажырататын
    шарт қосыңыз (мысалы, біреуінде `not p(X)`, екіншісінде `p(X)`)."""),
        "single-use-variable": ("айнымалы ережеде не нормада бір-ақ рет кездеседі, сондықтан ештеңені шектемейді "
                                "(басқасының қате жазылуы ма?)",
                                """Ережеде не нормада бір-ақ рет кездесетін айнымалы кез келген мәнді білдіреді: ол
    ештеңені шектемейді. Көбіне бұл басқа айнымалының қате жазылуы (`q(C, P)` орнына `q(C, Q)`),
    сонда заң жазылғаннан үнсіз кеңірек болады: қате жазу байланыссыз қалдырған қорытынды айнымалысын
    предикаттың `asked over` аясы байланыстырады, және норма барлығын қамтиды. Атауын түзетіңіз (нұсқау
    ықтималын атайды) немесе кез келген мән меңзелсе, `_` не `_` белгісінен басталатын атау жазыңыз
    (`_Any`)."""),
        "domain-bound-variable": ("норма қорытындысының айнымалысын тек предикаттың `asked over` аясы байланыстырады; "
                                  "әдейі болса, _Атау деп жазыңыз",
                                  """Норманың бірде-бір шарты оның қорытындысындағы бұл айнымалыны байланыстырмайды,
    оны тек предикаттың `asked over` аясы байланыстырады: айнымалы кімді атаса да, норма сұрақты шешеді
    («екінші тарап кім болса да» тыйымы). Әдейі солай болса, айнымалыны алдына астын сызу белгісін қойып жазу
    арқылы мұны айтыңыз (`prohibited q(C, _Other) if p(C).`); әйтпесе оны
    байланыстыратын шарт қосыңыз немесе нұсқау көрсеткен қате жазуды түзетіңіз (бір рет қолданылған шарт
    айнымалысы)."""),
        "lone-constant": ("қорытындыдағы кіші әріпті атау басқа еш жерде кездеспейді (айнымалының орнына константа "
                          "ма?)",
                          """Қорытындыдағы кіші әріпті атау — константа, және бұл константа білім қорының басқа еш
    жерінде кездеспейді: оны ешбір факт, шарт, ая не сақталған сұрақ атамайды, сондықтан норма басқа ешкім
    білмейтін нәрсе туралы айтады (`P` айнымалысының орнына `q(C, p)`). Айнымалы меңзелсе, бас әріппен
    жазыңыз; әйтпесе ол әдейі белгілі болуы үшін константаны жариялаңыз (`constant АТАУ ...`)."""),
        "unused-predicate": ("жарияланған предикат еш жерде қолданылмайды",
                             """Жарияланған предикат ешбір нормада, анықтамада, фактіде, сұрақта не аяда кездеспейді.
    Бұл атауы өзгертілген предикаттың қалдығы немесе нормаға әлі жазылатын сөздік болуы мүмкін. Оны
    қолданыңыз немесе жариялауды алып тастаңыз (брифтің жария сөздігі қалуы тиіс, демек, қолданыңыз)."""),
        "unread-fact": ("факт бірде-бір норма не анықтама оқымайтын предикат туралы",
                        """Факт бірде-бір норма, анықтама, ая не сақталған сұрақ оқымайтын предикат туралы, сондықтан ол
    ешбір жауапты өзгертпейді: іс файлында предикат қате жазылған не ескірген болуы мүмкін. Нормалар оқитын
    сөздік предикатын қолданыңыз немесе оны оқуы тиіс норманы жазыңыз."""),
        "invalid-project": ("zan.toml дұрыс TOML емес, белгісіз кілті бар немесе жоқ қалтаны атайды",
                            """Жоба файлы zan.toml (жұмыс қалтасында не оның ата-қалталарының бірінде табылған) дұрыс
    TOML емес, оның [project] кестесінде Zan білмейтін кілт бар, кілтке басқа түрдегі мән берілген немесе ол
    жоқ білім қоры қалтасын атайды. Хабарлама көрсеткен жолды түзетіңіз; кілттер docs/authoring.md (6-бөлім)
    ішінде тізілген. `zan init` жұмыс істейтін жоба файлын жазады."""),
        "project-ignored": ("zan.toml табылды, бірақ қолданылмайды: ол сілтеме, немесе оны не оның құқығын басқа "
                            "пайдаланушы өзгерте алады",
                            """zan.toml қалтадан не одан жоғарыдан табылды, бірақ қолданылмайды, сондықтан құжат сол
    жобаның құқығынсыз тексеріледі (ал `zan` кіріктірілген білім қоры бойынша жауап беріп, мұны айтады). Жоба
    файлы тек бір атауы бар қарапайым файл болса (символдық та, қатты да сілтеме емес), сізге (не root-қа)
    тиесілі болса және оған басқа ешкім жаза алмаса, сондай-ақ оның білім қоры, сақталған сұрақтары,
    сценарийлері мен істері де (олардағы әр қалта мен файл және сілтемелері апаратын қалталар) солай болса ғана
    қолданылады: әйтпесе басқа пайдаланушы сіз жауап алатын құқықты қойып кетуі мүмкін (SECURITY.md). Иесін
    не рұқсаттарын түзетіңіз (`chmod go-w`) немесе жобаны өз қалтаңызға көшіріңіз."""),
        "conclusion-as-fact": ("факт (іс файлында, сценарийде не білім қорында) нормалар қорытындылайтын нәрсені "
                               "мәлімдейді (құқық, тыйым не қалау)",
                               """Факт нормалар permitted, prohibited не discretionary деп қорытындылайтын
    предикаттың атомын мәлімдейді (мысалы, `q(...)`): іс қорытындыны мәлімдей алмайды, және мұндай факт үнсіз
    еленбес еді, өйткені мәртебені тек нормалар береді. Оның орнына нормалар негізделетін фактілерді жазыңыз
    (ол адамдар кім, не болды, қандай құжаттар бар) және сұрақ қойыңыз. Қандай да бір норма
    міндетті ететін предикаттың фактілері рұқсат: олар міндеттің орындалғанын тіркейді."""),
        "member-not-relation": ("`phrase ... member` екі адамның қатынасы аталмаған жерде берілген не мүшесі предикат атымен аталған",
                                """`member` бар `phrase` тіркесі қатынастың тұтасын емес, оның ішіндегі бір адам түрін
    атайды («сатушысы» — `party(A, B)` үшін): сөзбен қойылған сұрақ оны істегі адамға іс сол адамды
    осы тіркеспен атаған жағдайда ғана жатқызады, әйтпесе осы түрдегі жаңа адамға (`MEMBER_of_SUBJECT`). Сондықтан ол
    тек екі аргументті предикатқа жарасады, ал мүше предикат атымен аталмауы тиіс. Тұрақтының, аумақтың не бір
    аргументті предикаттың тіркесінен `member` алып тастаңыз немесе мүшенің атын өзгертіңіз."""),
        "phrase-gender": ("`phrase ... gender` female не male емес, тіркес адамды атамайтын жерде тұр, не сол мүшенің басқа тіркесіне қайшы",
                          """`gender female` не `gender male` бар `phrase` тіркесі ол атайтын адамның жынысын айтады
    (`party(A, B)` үшін «сатушы әйел»): сөзбен қойылған сұрақ оны жынысы сәйкес келетін адамға ғана жатқызады (аттың
    жынысын орыс тілінің сөздігі береді; ол білмейтін ат сәйкес келеді), ал істегі адам басқа жынысты болса, сұрақ сол
    сөзде сол адамды атап қабылданбайды. Сондықтан мәні — `female` не `male`; ол бір не екі аргументті предикаттың
    тіркесіне жарасады (ол атайтын адам), тұрақтыға не аумаққа емес; бір мүшенің жыныс айтатын тіркестері бірдей
    жынысты айтады. Керек жынысты жазыңыз немесе оны алып тастаңыз."""),
        "duplicate-phrase": ("жариялау бір тілде бір тіркесті (не өз белгісін тіркес ретінде) екі рет береді",
                             """Предикат, константа не аумақ жариялауы (`outside scope`) бір тілде бір `phrase`
    тіркесін екі рет береді немесе өз белгісін қайталайтын тіркес береді (әріп регистрі мен бос орындар
    есепке алынбайды). Сөзбен қойылған сұрақ оларды бір деп оқиды; екіншісі әдетте басқа тіркес көзделген
    жерде тұрады (басқа қысқартпа, басқа септік түрі). Оны алып тастаңыз немесе көзделген тіркесті жазыңыз."""),
        "mixed-script": ("атауда бірнеше жазудың әріптері араласқан (латын атауындағы ұқсас кирилл әрпі)",
                         """Атауда (константаның, предикаттың, айнымалының, норма идентификаторының) бірден көп
    жазудың әріптері бар, мысалы кирилл `о`-мен жазылған `оwner`. Ол латын атауымен дәл бірдей көрінеді,
    бірақ басқа атау: ол туралы факт екіншісі туралы ережемен ешқашан кездеспейді, және бұл туралы ештеңе
    айтылмайды. Атауды бір жазудың әріптерімен қайта теріңіз. Бос орындары бар тырнақшадағы мәтіндер — еркін
    мәтін, олар тексерілмейді."""),
        "unnormalized-name": ("атау біріктірілетін таңбалармен жазылған (Unicode NFC емес): басқа атаудың егізі",
                              """Атау біріктірілетін таңбалармен жазылған, мысалы құрама `é` (Unicode NFC) орнына
    біріктірілетін акуті бар `e`. Олар бірдей көрінеді, бірақ әртүрлі атаулар, сондықтан біреуі туралы факт
    екіншісі туралы ережемен ешқашан кездеспейді. Атауды қайта теріңіз немесе редактор файлды NFC түрінде
    сақтасын."""),
        "condition-on-conclusion": ("шарт нормалар қорытындылайтын предикаттың мәртебесін емес, фактілерін оқиды",
                                    """Ереже шарты нормалар қорытындылайтын предикатты атайды (`permitted p(...)`).
    Шарт өз предикатының мәртебесін емес, фактілерін оқиды: ол p рұқсат етілген бе, әлде тыйым салынған ба деп
    сұрамайды. Егер ешбір норма p-ны міндетті етпесе, іс p фактілерін көрсете алмайды (conclusion-as-fact), және
    шарт ешқашан орындалмайды; егер бір норма p-ны міндетті етсе, шарт орындалды деп тіркелген міндет үшін
    орындалады. Нормалар негізделетін мән-жайды жеке предикат ретінде жазып, шартта соны қолданыңыз."""),
        "case-not-fact": ("іс файлында (--facts) фактілерден басқа нәрсе бар: құқық білім қорына жатады",
                          """Іс файлы (--facts арқылы берілген, сценарийдің `facts from`-ы немесе `zan check`
    тексеретін .facts файлы) бір істің фактілерін көрсетеді: бір жолда бір факт, мысалы `q(a,
    b).`, `from КҮН to КҮН` болуы мүмкін. Онда нормалар, актілер, предикаттарды не константаларды жариялау,
    сақталған сұрақтар, шарттары бар ережелер не модальділігі бар қорытындылар болмайды: олар құқықты осы бір іс
    үшін өзгертер еді, ал оны білім қорының `zan check`-і де, оның оқырмандары да көрмес еді. Құқықты білім
    қорына (--kb) көшіріп, іс файлында тек фактілерді қалдырыңыз."""),
        "input-too-large": ("кіріс Zan бір файлдан оқитын ең үлкен көлемнен (50 МБ) үлкен",
                            """Кіріс (білім қоры файлы, іс файлы, сақталған сұрақтар файлы, стандартты енгізу) 50
    МБ-тан — Zan бір кірістен оқитын ең үлкен көлемнен — үлкен; /dev/zero сияқты файл не бақылаудан шыққан
    генератор жадты толтырмауы үшін оқу сол жерде тоқтайды. Үлкен істі бірнеше --facts параметрімен берілетін
    бірнеше файлға бөліңіз (SECURITY.md, шектеулер)."""),
        "too-large": ("жағдайлар кеңістігі, іздеу не салыстыру өз шегінен үлкен (жолдар, диаграмма түйіндері, "
                      "кортеждер, секундтар): сұрақты тарылтыңыз",
                      """Жағдайлар кеңістігі (`zan cases`), жауапты не өзгертетінін іздеу (`--how`) не екі күнді
    салыстыру (`zan diff`) өз шегінен үлкен: жолдар, фактілер тіркесімдері, шешім диаграммаларының түйіндері,
    қаралған кортеждер мен жауаптар, немесе Zan бір сұраққа жұмсайтын секундтар (SECURITY.md, бюджеттер). Шек бір
    сұрақтың машинаны сарқуына жол бермейді; ол құқықта жауап жоқ дегенді білдірмейді. Сұрақты тарылтыңыз:
    --given арқылы фактіні бекітіңіз (мысалы, `--given p(C)`, сұралып отырған адамның бір мән-жайын), айнымалының
    орнына мән беріңіз (мақсат, адам), --max арқылы азырақ жиынтық сұраңыз немесе істің азырақ фактілерін
    салыстырыңыз."""),
        "invalid-scenario": ("сценарий белгісіз норманы атайды, күні жоқ немесе айнымалысы бар атомнан бірдеңе күтеді",
                             """Сценарийді (kb/scenarios/*.scenario) жазылғандай орындау мүмкін емес: бекіту білім
    қорында жоқ норманы атайды (әйтпесе қате жазудан `avoids` бос өтер еді), күтілім айнымалысы бар атом туралы
    (күтілімдер айнымалысыз бір атом туралы болады), атом белгісіз предикатты қолданады, екі сценарийдің атауы
    бірдей, немесе күні берілмеген (сценарийде не атомнан кейін `at ЖЖЖЖ-АА-КК`)."""),
    },
}


def explain(code: str, language: str = "en") -> str | None:
    """The paragraph on `code` in the language (English where it has none)."""
    translated = TRANSLATED.get(language, {}).get(code)
    return translated[1] if translated else EXPLANATIONS.get(code)


def meaning(code: str, language: str = "en") -> str:
    """The one-line meaning of `code` (engine/base/diagnostics.py, CODES) in the language."""
    translated = TRANSLATED.get(language, {}).get(code)
    return translated[0] if translated else CODES[code][1]
