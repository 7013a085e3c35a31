"""What each diagnostic code means and how to fix it: the paragraphs `zan check --explain CODE` prints.

The codes themselves, with severity and a one-line meaning, live in engine/base/diagnostics.py (CODES);
this registry adds the longer text, one paragraph per code, and the tests keep the two in step.
"""

from __future__ import annotations

EXPLANATIONS: dict[str, str] = {
    "unknown-kind": """A predicate's parameter names the kind of value it takes (`predicate spouse(Convict: convict,
Person: spouse)`), or a kind names the kinds it is one of (`kind spouse is family_member`), and no
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
    "duplicate-phrase": """A predicate, a constant or a scope declaration gives the same `phrase` twice in one
language, or a phrase that repeats its own label (letter case and spaces aside). A question in words reads
both as one; the second usually stands where another phrase was meant (another abbreviation, another case
form). Drop it, or write the phrase that was meant.""",
    "mixed-script": """A name (a constant, a predicate, a variable, a norm id) has letters from more than one
script, such as `оspanov` written with a Cyrillic `о`. It looks exactly like the Latin name and is another
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
by `zan check`) states the facts of one case: one fact per line, such as `spouse(bekov, aliya).`,
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
nodes, the tuples and answers examined or the seconds Zan spends on one question (SECURITY.md, budgets). The bound keeps one question from exhausting the machine; it does
not mean the law has no answer. Narrow the question: fix a fact with --given (for instance the regime of
the person asked about), give a value instead of a variable (a purpose, a person), ask with --max
for fewer sets, or diff fewer case facts.""",
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
variable (for instance `convict(C)`), or replace the variable by a constant. Facts cannot contain
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
them (norm ids usually extend the citation: pec.109.2.death, pec.109.2.illness).""",
    "modality-outside-norm": """A clause outside a norm concludes permitted, prohibited, obligatory or discretionary.
A deontic conclusion needs a source: put it inside `norm ID cites "act article" ...` with the quote
it rests on. Plain facts and definitions have no modality.""",
    "missing-citation": """A norm has no `cites "act article.part.subparagraph"`. The citation key decides the act
(and so the rank and date) the norm belongs to, and answers list it; add it.""",
    "invalid-citation": """The citation key is not of the form `act article.part.subparagraph`, e.g. "pec 134.1.2"
or "rules819 104": the act key, one space, then numbers separated by dots (a letter may follow a
number).""",
    "exception-cycle": """Norms are exceptions to each other in a cycle (A to B, B to A, or longer), so lex
specialis orders nothing among them. Decide which norm is the special one and drop the other
`exception to`.""",
    "bad-predicate-name": """A predicate name starts with a capital letter or a digit. Capitalised names are
variables in Datalog; write predicate names in lower case (in_disciplinary_isolator).""",
    "unknown-placeholder": """A `reads` template (or a saved question's title) names {Something} that is not a parameter of the predicate (or question), so it
would be shown literally. Use the parameter names of the declaration (the hint lists them).""",
    "invalid-query": """The question is not an atom over a declared predicate with the right number of arguments.
Write it as `call(kunakbaev, P, Purpose)`, optionally prefixed by a status (`permitted ...`).""",
    "question-syntax": """The question given to `zan ask` starts like an atom (a name and an opening parenthesis) but
does not parse as one. Write `[status] predicate(arg, ...)`, e.g. `permitted call(kunakbaev, Person, Purpose)`;
a trailing `?` or `.` is fine. Or ask in words: "which calls are permitted for Kunakbayev?".""",
    "not-understood": """A question in words has a word that the controlled language does not place, or parts that
do not fit together (two things asked at once, a name with no place in the question, a context with no one
named). The language is made from the knowledge base's labels, `phrase`s and `reads` templates, the
constants' labels and the names in the case; the hint proposes the closest known word and the nearest
phrasings. Say it otherwise, add a `phrase` to the predicate or constant in kb/, or write the atom.""",
    "unknown-name": """A name in a question (or a saved question's argument) occurs nowhere in the case or the
knowledge base: most likely a typo (`kunakbayev` for `kunakbaev`). The question is still answered, and
"no answers" then says that the name is unknown; the hint proposes the closest known name.""",
    "unknown-question": """`zan query NAME` names no saved question in queries/. The hint proposes the closest name or
lists the saved questions.""",
    "question-arguments": """A saved question was given a different number of arguments than its declaration takes.
`zan query permitted-calls kunakbaev` passes one; see the question's parameters in queries/.""",
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
differs, such as legal_aid against social_ties), or they are never in force on the same day. The
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
nothing. Most often it is a typo of another variable (`relative(C, Q)` where `relative(C, P)` was meant),
and then the law is silently wider than written: a variable of the conclusion the typo leaves unbound is
bound by the predicate's `asked over` domain, so the norm reaches everyone. Correct the name (the hint
names the likely one), or, where any value is meant, write `_` or a name starting with `_` (`_Person`).""",
    "domain-bound-variable": """No condition of the norm binds this variable of its conclusion, so only the
predicate's `asked over` domain does: the norm decides the question whoever the variable names (a ban
"whoever the other party"). Where that is meant, say so by writing the variable with a leading underscore
(`prohibited call(C, _Person, _Purpose) if in_disciplinary_isolator(C).`); otherwise add the condition
that binds it, or correct the typo the hint points at (a condition's variable used only once).""",
    "lone-constant": """A lower-case name in a conclusion is a constant, and this one occurs nowhere else in the
knowledge base: no fact, condition, domain or saved question names it, so the norm speaks of a thing
nothing else knows (`visit(C, p)` where the variable `P` was meant). Capitalise it if a variable was
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
or discretionary (such as `call(...)`): a case cannot state a conclusion, and such a fact would be
silently ignored, since the status comes from the norms alone. State the facts the norms rest on
instead (where the convict is held, who the person is, which documents there are) and ask the
question. Facts of a predicate some norm makes obligatory are allowed: they record that the duty was
fulfilled.""",
    "unknown-topic": """`zan exercises --topic NAME` names no topic. The topics are words of the knowledge base
(predicates and constants the case space of the exercises ranges over), so a topic is spelt as the kb
spells it; the message lists the known ones and proposes the closest.""",
}


def explain(code: str) -> str | None:
    return EXPLANATIONS.get(code)
