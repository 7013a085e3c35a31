"""Logic: what follows from the law. Lowering the AST to Datalog at a date (IR), evaluation behind one
seam (`evaluator`: the model and the built-ins in `model`, pyDatalog's Python objects in `evaluation`), matching, the priority between conflicting norms, the defeasible core
(`defeasible`; whole theories for the conformance suites in `theories`), deontic statuses, and the export to ASP.

May import: `engine.syntax`, `engine.base`.
"""
