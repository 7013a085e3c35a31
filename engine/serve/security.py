"""Who may talk to `zan serve`: the Host, Origin and Sec-Fetch-Site checks, the API's method and content type,
and the security headers of every response (SECURITY.md, "The web server").

The server runs on a trainer's own machine, but the browser that talks to it also runs every other page
the trainer opens. Such a page must not read the API (DNS rebinding: a name of the attacker's that
resolves to 127.0.0.1, so the browser thinks the server is the page's own origin) nor make it work
(a form or a fetch aimed at 127.0.0.1). So, before any route runs:

- the Host header must name this server: `localhost`, `127.0.0.1`, `[::1]` or the address given with
  `--host` (any port); anything else is refused (a rebinding page's Host is its own name);
- a request that says where it comes from must come from here: an `Origin` header must be this server's
  own origin (scheme, the Host just checked), and `Sec-Fetch-Site` (sent by browsers) must be
  `same-origin` or `none` (the user typed the address); the page itself and its static files may be
  opened from anywhere (a link), the API and the exercise sheet only from the page;
- every /api/ call is a POST with `Content-Type: application/json`: a cross-site form cannot send that,
  and a cross-site fetch of it needs a CORS preflight that this server never grants;
- every response says `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, `Referrer-Policy:
  no-referrer`, `Cross-Origin-Resource-Policy: same-origin` and a Content-Security-Policy: for the page,
  scripts, styles and connections only from this server and no frames (`frame-ancestors 'none'`); for
  the exercise sheet (a printable page with its own style) no scripts at all.

Plain ASGI (no Starlette import), so that it wraps whatever application it is given. It may import only
the standard library.
"""

from __future__ import annotations

import json
from typing import Callable

LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")

PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
               "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SHEET_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; "
                "frame-ancestors 'none'")
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"

HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"), (b"cross-origin-resource-policy", b"same-origin")]


def host_name(value: str) -> str | None:
    """The host of a Host header (`name`, `name:port`, `[v6]`, `[v6]:port`), lower case; None if it is not one."""
    value = value.strip().lower()
    if not value or any(c.isspace() or c in "/@?#\\" for c in value):
        return None
    if value.startswith("["):
        end = value.find("]")
        if end < 0 or (value[end + 1:] and not (value[end + 1] == ":" and value[end + 2:].isdigit())):
            return None
        return value[1:end]
    name, colon, port = value.partition(":")
    if colon and not port.isdigit():
        return None
    return name.rstrip(".")


def allowed_hosts(bound: str | None) -> frozenset[str]:
    """The names this server answers to: the local ones and the address it was told to bind (`--host`)."""
    names = set(LOCAL_NAMES)
    if bound:
        name = host_name(bound if not (":" in bound and not bound.startswith("[")) else f"[{bound}]")
        if name and name not in ("0.0.0.0", "::"):
            names.add(name)
    return frozenset(names)


def policy_for(path: str) -> str:
    if path.startswith("/api/"):
        return API_POLICY
    if path == "/sheet":
        return SHEET_POLICY
    return PAGE_POLICY


class Guard:
    """ASGI middleware: refuses a request from elsewhere before it reaches `app`, and adds the headers."""

    def __init__(self, app: Callable, hosts: frozenset[str] | None = None):
        self.app = app
        self.hosts = hosts if hosts is not None else allowed_hosts(None)

    def refusal(self, scope) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        """(status, message, extra headers) when the request must be refused; None when it may go on."""
        headers: dict[str, str] = {}
        for key, value in scope.get("headers") or ():
            name = key.decode("latin-1").lower()
            if name in headers:  # two Host or Origin headers: ambiguous, refused
                if name in ("host", "origin", "sec-fetch-site", "content-type"):
                    return 400, f"the request has two {name} headers", []
                continue
            headers[name] = value.decode("latin-1")
        host = host_name(headers.get("host", ""))
        if host not in self.hosts:
            return 421, ("this server answers only to the names " + ", ".join(sorted(self.hosts))
                         + " (a page of another site reached it under another name)"), []
        path, method = scope.get("path", ""), scope.get("method", "GET")
        from_page_only = path.startswith("/api/") or path == "/sheet"
        origin = headers.get("origin")
        if origin is not None:
            own = f"{scope.get('scheme', 'http')}://{headers['host'].strip().lower()}"
            if origin.strip().lower() != own and (from_page_only or method not in ("GET", "HEAD")):
                return 403, f"requests from another origin ({origin}) are refused; use the page at {own}/", []
        site = headers.get("sec-fetch-site")
        if from_page_only and site is not None and site not in ("same-origin", "none"):
            return 403, f"requests from another site (Sec-Fetch-Site: {site}) are refused; use the page of this server", []
        if path.startswith("/api/"):
            if method != "POST":
                return 405, "the API takes POST requests with a JSON body (Content-Type: application/json)", \
                    [(b"allow", b"POST")]
            kind = headers.get("content-type", "").split(";")[0].strip().lower()
            if kind != "application/json":
                return 415, "the API takes a JSON body: send Content-Type: application/json", []
        return None

    async def __call__(self, scope, receive, send):
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        extra = HEADERS + [(b"content-security-policy", policy_for(scope.get("path", "")).encode())]
        refused = self.refusal(scope)
        if refused is not None:
            status, message, more = refused
            body = json.dumps({"errors": [{"message": message}]}, ensure_ascii=False).encode("utf-8")
            await send({"type": "http.response.start", "status": status,
                        "headers": [(b"content-type", b"application/json; charset=utf-8"),
                                    (b"content-length", str(len(body)).encode())] + extra + more})
            await send({"type": "http.response.body", "body": body})
            return

        async def guarded_send(message):
            if message.get("type") == "http.response.start":
                present = {k.lower() for k, _v in message.get("headers") or ()}
                message = dict(message, headers=list(message.get("headers") or ())
                               + [(k, v) for k, v in extra if k not in present])
            await send(message)

        await self.app(scope, receive, guarded_send)
