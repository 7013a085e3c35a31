"""Tools built on the pipeline: saved questions, `zan diff`, scenarios (`zan test`), and the analyses
of a body of law as a whole.

May import: `engine.pipeline`, `engine.explain`, `engine.checks`, `engine.logic`, `engine.syntax`, `engine.base`.
"""
