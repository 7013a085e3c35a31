"""`zan serve`: the trainers' workbench, a local web application (Starlette, uvicorn, Jinja2; the `serve` extra).

A front-end with no logic of its own: every answer comes from engine.pipeline and engine.tools
(questions, diff, exercises, interview, timeline), as the command line gets them, and the JSON API
under /api/ returns the same JSON the command line prints for the same request. It may import
everything below it (engine.base ... engine.tools); nothing imports it but engine.cli.

What it promises: it binds to 127.0.0.1 unless told otherwise; it serves its page, style and script
from the package (no network, no CDN); it never writes the knowledge base (a pasted case goes to a
private temporary folder); questions and facts from the browser go through the same parser as the
command line and are never executed; a request body above MAX_BODY bytes is refused with 413; only this
machine's pages may call it (security.py); the work of a request is done in a worker process within a
budget of time and memory (workers.py), and connections have deadlines (server.py).
"""
