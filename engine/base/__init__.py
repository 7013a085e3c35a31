"""Shared infrastructure every stage stands on: source positions, diagnostics and their codes,
where the grammar and the bundled law live, and the per-user cache.

May import: the standard library and `engine` (the version) only; nothing of the stages above.
"""
