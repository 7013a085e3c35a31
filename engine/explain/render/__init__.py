"""Output formats; each renders the plain-data explanation built by engine.explain.explanation."""
