"""`zan lsp`: the Language Server Protocol over stdio, for editors (a front-end).

It owns what an editor asks of a language: diagnostics as you type (from the same checks and with the
same codes and messages as `zan check`), hover, go to definition, completion, document symbols and
formatting (`zan fmt`). `documents` holds the language's side (pure functions over texts and the
project's knowledge base, tested without an editor); `server` speaks the protocol through pygls, an
optional dependency (`pip install zan[lsp]`). It may import every room below the front-ends
(engine.base, engine.syntax, engine.checks, engine.tools) and nothing beside it.
"""
