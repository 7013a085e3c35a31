"""The engine's own words in Kazakh, Russian and English; everything about the law comes from the knowledge base."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "permitted": {"en": "permitted", "ru": "разрешено", "kk": "рұқсат етілген"},
    "prohibited": {"en": "prohibited", "ru": "запрещено", "kk": "тыйым салынған"},
    "obligatory": {"en": "obligatory", "ru": "обязательно", "kk": "міндетті"},
    "discretionary": {"en": "discretionary", "ru": "на усмотрение администрации", "kk": "әкімшіліктің қалауы бойынша"},
    "undetermined": {"en": "undetermined", "ru": "не определено", "kk": "анықталмаған"},
    "holds": {"en": "holds", "ru": "установлено", "kk": "анықталды"},
    "not-established": {"en": "not established", "ru": "не установлено", "kk": "анықталмады"},
    "answers": {"en": "answers", "ru": "ответы", "kk": "жауаптар"},
    "no answers": {"en": "no answers", "ru": "ответов нет", "kk": "жауап жоқ"},
    "question": {"en": "question", "ru": "вопрос", "kk": "сұрақ"},
    "at": {"en": "on", "ru": "на дату", "kk": "күні"},
    "decided by": {"en": "decided by", "ru": "решает норма", "kk": "шешетін норма"},
    "also by": {"en": "also supported by", "ru": "также подтверждается", "kk": "сондай-ақ негізі"},
    "because": {"en": "because", "ru": "поскольку", "kk": "себебі"},
    "bindings": {"en": "with", "ru": "при", "kk": "мұнда"},
    "rests on": {"en": "rests on", "ru": "основана на", "kk": "негізі"},
    "see": {"en": "see", "ru": "см.", "kk": "қараңыз"},
    "defeated": {"en": "defeated", "ru": "преодолены", "kk": "күшін жойған нормалар"},
    "defeats": {"en": "defeats", "ru": "преодолевает", "kk": "басым түседі"},
    "fact": {"en": "fact", "ru": "факт", "kk": "факт"},
    "no fact": {"en": "no fact or rule establishes", "ru": "ни факт, ни правило не устанавливает",
                "kk": "ешбір факт не ереже анықтамайды"},
    "does not apply": {"en": "does not apply", "ru": "не применяется", "kk": "қолданылмайды"},
    "why not": {"en": "why not", "ru": "почему нет", "kk": "неге жоқ"},
    "missing": {"en": "missing", "ru": "отсутствует", "kk": "жоқ"},
    "holds, but must not": {"en": "holds, but the norm requires that it does not", "ru": "установлено, а норма требует обратного",
                            "kk": "анықталды, ал норма керісінше талап етеді"},
    "comparison false": {"en": "is false", "ru": "неверно", "kk": "жалған"},
    "not in force": {"en": "is not in force on", "ru": "не действует на", "kk": "күшінде емес:"},
    "in force from": {"en": "in force from", "ru": "действует с", "kk": "күшіне енген күні"},
    "no norm": {"en": "no norm of the knowledge base decides this", "ru": "ни одна норма базы знаний этого не решает",
                "kk": "білім қорының ешбір нормасы мұны шешпейді"},
    "ambiguity": {"en": "unresolved conflict", "ru": "неразрешённая коллизия", "kk": "шешілмеген коллизия"},
    "ambiguity explained": {"en": "neither norm prevails by exception, rank or date",
                            "ru": "ни одна норма не имеет приоритета по исключению, рангу или дате",
                            "kk": "ешбір нормаға ерекшелік, дәреже не күн бойынша басымдық берілмейді"},
    "lex specialis": {"en": "lex specialis: {winner} is an exception to {loser}",
                      "ru": "lex specialis: {winner} является исключением из {loser}",
                      "kk": "lex specialis: {winner} — {loser} нормасынан ерекшелік"},
    "lex superior": {"en": "lex superior: {winner_act} (rank {winner_rank}) prevails over {loser_act} (rank {loser_rank})",
                     "ru": "lex superior: {winner_act} (ранг {winner_rank}) имеет силу над {loser_act} (ранг {loser_rank})",
                     "kk": "lex superior: {winner_act} (дәрежесі {winner_rank}) {loser_act} (дәрежесі {loser_rank}) актісінен басым"},
    "lex posterior": {"en": "lex posterior: in force from {winner_date}, later than {loser_date}",
                      "ru": "lex posterior: действует с {winner_date}, позже чем с {loser_date}",
                      "kk": "lex posterior: {winner_date} бастап күшінде, {loser_date} күнінен кейін"},
    "interpretation": {"en": "interpretation", "ru": "толкование", "kk": "түсіндірме"},
    "deadline": {"en": "deadline", "ru": "срок", "kk": "мерзімі"},
    "pending": {"en": "not yet due", "ru": "срок не истёк", "kk": "мерзімі өтпеген"},
    "fulfilled": {"en": "fulfilled", "ru": "исполнено", "kk": "орындалды"},
    "overdue": {"en": "overdue: the deadline has passed and no fulfilment is recorded",
                "ru": "просрочено: срок истёк, исполнение не зафиксировано",
                "kk": "мерзімі өтті: орындалғаны тіркелмеген"},
    "sample case": {"en": "using the bundled sample case", "ru": "используется встроенный пример дела",
                    "kk": "кірістірілген үлгі іс қолданылады"},
}


def word(key: str, language: str, **values) -> str:
    entry = WORDS.get(key)
    if entry is None:
        return key
    text = entry.get(language) or entry["en"]
    return text.format(**values) if values else text
