"""Logic: what follows from the law. Lowering the AST to Datalog at a date (IR), evaluation through
pyDatalog's Python objects, matching, the priority between conflicting norms, the defeasible core,
deontic statuses, and the export to ASP.

May import: `engine.syntax`, `engine.base`.
"""
