"""Zan: a declarative legal-logic knowledge base; `engine.pipeline` chains its stages."""

__version__ = "0.1.0"
