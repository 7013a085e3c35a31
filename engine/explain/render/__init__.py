"""Output formats; each renders the plain-data explanation built by engine.explain.explanation: JSON as it is,
the others by walking its typed tree (engine.explain.tree): text, Markdown and HTML through render/walk.py, DOT
as a visitor of its own; `zan cases`' report through as_cases.Report."""
