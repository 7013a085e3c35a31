"""Syntax: the DSL's text and its AST. Parsing with lark (positions kept), the plain-fact reader, the
AST's frozen dataclasses, gathering the files of a knowledge base, the canonical formatter, syntax
highlighting, and the dependency-graph analysis that checks and evaluation share.

May import: `engine.base`.
"""
