"""The page's own words (buttons, headings) in Kazakh, Russian and English; nothing here is about the law."""

from __future__ import annotations

LANGUAGES = ("kk", "ru", "en")

_ENTRIES = {
    "title": ("Заң: дәлелдеу тізбектері", "Заң: цепочки рассуждений", "Zan: reasoning chains"),
    "case": ("Іс", "Дело", "Case"),
    "bundled": ("Дайын іс", "Готовое дело", "Bundled case"),
    "pasted": ("Өз фактілерім", "Свои факты", "My own facts"),
    "facts": ("Фактілер (файл мәтіні)", "Факты (текст файла)", "Facts (the case file)"),
    "upload": ("Файлды жүктеу", "Загрузить файл", "Upload a file"),
    "interview": ("Фактілер сөзбен", "Факты словами", "Facts in words"),
    "date": ("Күні", "Дата", "Date"),
    "change days": ("Заң өзгерген күндер", "Дни изменения права", "Days the law changed"),
    "day before": ("Алдыңғы күн", "Предыдущий день", "Day before"),
    "day after": ("Келесі күн", "Следующий день", "Day after"),
    "language": ("Тіл", "Язык", "Language"),
    "question": ("Сұрақ", "Вопрос", "Question"),
    "saved question": ("Сақталған сұрақ", "Сохранённый вопрос", "Saved question"),
    "ask": ("Сұрау", "Спросить", "Ask"),
    "answers": ("Жауаптар", "Ответы", "Answers"),
    "diff": ("Күндер арасындағы айырма", "Разница между датами", "Date diff"),
    "exercises": ("Жаттығулар", "Упражнения", "Exercises"),
    "from": ("Бастап", "С", "From"),
    "to": ("Дейін", "По", "To"),
    "compare": ("Салыстыру", "Сравнить", "Compare"),
    "next step": ("Келесі қадам", "Следующий шаг", "Next step"),
    "all steps": ("Барлық қадамдар", "Все шаги", "All steps"),
    "hide steps": ("Қадамдарды жасыру", "Скрыть шаги", "Hide steps"),
    "print": ("Басып шығару", "Печать", "Print"),
    "changed": ("өзгерді", "изменилось", "changed"),
    "was": ("бұрын", "было", "was"),
    "because of date": ("Күн өзгерді", "Изменена дата", "The date moved"),
    "because of facts": ("Фактілер өзгерді", "Изменены факты", "The facts changed"),
    "added": ("қосылды", "добавлено", "added"),
    "removed": ("алынды", "удалено", "removed"),
    "generate": ("Жасау", "Составить", "Generate"),
    "count": ("Саны", "Количество", "Count"),
    "seed": ("Тұқым (seed)", "Зерно (seed)", "Seed"),
    "topic": ("Тақырып", "Тема", "Topic"),
    "any topic": ("кез келген", "любая", "any"),
    "level": ("Деңгей", "Уровень", "Level"),
    "exercise": ("Жаттығу", "Упражнение", "Exercise"),
    "asked on": ("Сұрақ күні", "Дата вопроса", "Asked on"),
    "pick status": ("Мәртебе", "Статус", "Status"),
    "pick norm": ("Шешетін норма", "Решающая норма", "Deciding norm"),
    "pick defeated": ("Ол басым болатын норма", "Норма, над которой она берёт верх", "Norm it prevails over"),
    "pick principle": ("Қағида", "Принцип", "Principle"),
    "check": ("Тексеру", "Проверить", "Check"),
    "sheet": ("Парақ пен жауаптар (HTML)", "Лист и ответы (HTML)", "Sheet and answer key (HTML)"),
    "export json": ("JSON экспорты", "Экспорт JSON", "Export JSON"),
    "working": ("Есептелуде…", "Вычисляется…", "Working…"),
    "no answers": ("Жауап жоқ", "Ответов нет", "No answers"),
    "offline note": ("Желісіз жұмыс істейді; білім қорына ештеңе жазбайды.",
                     "Работает без сети; ничего не пишет в базу знаний.",
                     "Works offline; never writes the knowledge base."),
}

WORDS: dict[str, dict[str, str]] = {
    language: {key: values[i] for key, values in _ENTRIES.items()} for i, language in enumerate(LANGUAGES)
}
