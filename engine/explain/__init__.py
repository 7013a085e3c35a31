"""Explanations: answers with their traces, proofs and why-nots, explanation documents in one
language (engine words in `i18n`), the typed tree every renderer walks (`tree`), and the renderers
(`render/`: text, JSON, Markdown, HTML, DOT).

May import: `engine.logic`, `engine.syntax`, `engine.base`.
"""
