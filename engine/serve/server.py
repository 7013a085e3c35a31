"""Runs the workbench with uvicorn (the `serve` extra); engine.cli's `zan serve` calls `listen` and `run`.

What the connection layer promises (SECURITY.md, "The web server"):

- a connection must send a request's complete headers within HEADER_TIMEOUT seconds of opening (or of
  the previous response), and its body within BODY_TIMEOUT seconds of the headers, or it is closed. A
  byte now and then does not keep it open (uvicorn's own keep-alive timer restarts on every byte), so
  idle or trickling connections cannot hold the LIMIT_CONCURRENCY connections the server accepts;
- SIGTERM (or Ctrl+C) stops it within GRACE seconds, a request in progress or not: the workers doing
  requests are killed (engine/serve/workers.py);
- the port is bound before anything is announced: a port that is taken is a message and exit 2, and
  `--port 0` says which port it got.

The environment may shorten the timeouts (ZAN_SERVE_HEADER_TIMEOUT, ZAN_SERVE_BODY_TIMEOUT, in seconds;
tests/test_serve_security.py uses that); it cannot lengthen them beyond the defaults.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

HEADER_TIMEOUT = 10.0        # seconds from a connection (or the last response) to the request's complete headers
BODY_TIMEOUT = 30.0          # seconds from the headers to the request's complete body (at most MAX_BODY bytes)
KEEP_ALIVE = 5               # seconds an idle kept-alive connection is held (uvicorn's timeout_keep_alive)
LIMIT_CONCURRENCY = 64       # connections and requests at once; beyond, 503 (uvicorn's limit_concurrency)
GRACE = 5                    # seconds SIGTERM or Ctrl+C waits for requests in progress; then their workers are killed


def _seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if 0 < value <= default else default


def timed_protocol():
    """uvicorn's h11 protocol with deadlines for the request's headers and body (a class, made on first use so
    that importing this module does not need uvicorn)."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    header_timeout = _seconds("ZAN_SERVE_HEADER_TIMEOUT", HEADER_TIMEOUT)
    body_timeout = _seconds("ZAN_SERVE_BODY_TIMEOUT", BODY_TIMEOUT)

    class TimedH11Protocol(H11Protocol):
        _deadline = None
        _reading = None          # the request whose body is awaited

        def connection_made(self, transport):
            super().connection_made(transport)
            self._arm(header_timeout)

        def connection_lost(self, exc):
            self._disarm()
            super().connection_lost(exc)

        def _arm(self, seconds: float) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(seconds, self._expired)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _expired(self) -> None:
            self._deadline = None
            if not self.transport.is_closing():
                self.transport.close()

        def handle_events(self) -> None:
            super().handle_events()
            cycle = self.cycle
            if cycle is None or cycle.response_complete or self.transport.is_closing():
                return                                  # still waiting for headers: the header deadline runs
            if self.conn.their_state is h11.SEND_BODY:
                if self._reading is not cycle:          # the headers came: now the body, in its own time
                    self._reading = cycle
                    self._arm(body_timeout)
            else:
                self._reading = cycle
                self._disarm()                          # the request is read; its work has its own budget

        def on_response_complete(self) -> None:
            super().on_response_complete()              # may start a pipelined request (handle_events)
            if not self.transport.is_closing() and (self.cycle is None or self.cycle.response_complete):
                self._arm(header_timeout)               # the next request's headers, however they trickle

    return TimedH11Protocol


def listen(host: str = "127.0.0.1", port: int = 8000) -> socket.socket:
    """A socket bound to host:port and listening (port 0: any free one); OSError if it cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def run(host: str = "127.0.0.1", port: int = 8000, kb_dir: Path | None = None, choice=None,
        sock: socket.socket | None = None) -> None:
    """choice: the knowledge base as the command chose it (engine/base/project.Choice); else from kb_dir.
    sock: a socket from `listen` (else one is bound here)."""
    import uvicorn

    from engine.serve.app import create_app

    sock = sock if sock is not None else listen(host, port)
    config = uvicorn.Config(create_app(kb_dir, choice=choice, host=host), log_level="warning", server_header=False,
                            http=timed_protocol(), limit_concurrency=LIMIT_CONCURRENCY,
                            timeout_keep_alive=KEEP_ALIVE, timeout_graceful_shutdown=GRACE, lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
