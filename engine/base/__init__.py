"""Shared infrastructure every stage stands on: source positions, diagnostics and their codes,
where the grammar and the bundled law live, the per-user cache, the collector's policy, dates as each
language writes them with the Kazakh endings (dates.py: the checks' messages say dates too), and the
dataclass decorator the engine's records are declared with (records.py: cheap to import).

May import: the standard library and `engine` (the version) only; nothing of the stages above.
"""
