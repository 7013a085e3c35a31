"""The work of `zan serve`'s requests, done off the event loop in worker processes with a budget each.

Answering a question, generating an exercise sheet or listing a case space can take long and much memory;
pyDatalog also keeps global state, so one process answers one question at a time. So the server keeps
WORKERS processes (started with `spawn`, so they share nothing with the server's threads) and gives each
request to an idle one: the event loop stays free for the page, its static files and the other requests.

Each request has a budget (SECURITY.md, "The web server"):

- time: REQUEST_SECONDS from the moment a worker takes it; a worker that has not answered by then is
  killed and replaced, and the request is answered 503 with a message naming the budget;
- memory: each worker's address space is limited (RLIMIT_AS) to what it used when it started plus
  REQUEST_MEMORY; a request that needs more ends in MemoryError, answered 503 the same way, and the
  worker is replaced (its heap may be fragmented);
- waiting: a request that finds no idle worker within REQUEST_SECONDS is answered 503 (busy).

Requests and answers cross the pipe as JSON (never pickles: a request is what a browser wrote). The
environment may shorten the budgets (ZAN_SERVE_SECONDS, ZAN_SERVE_MEMORY_MB), never lengthen them.
It imports only the standard library: what a worker does is given by engine.serve.app (`work`).
"""

from __future__ import annotations

import asyncio
import json
import os
import threading

WORKERS = 2
REQUEST_SECONDS = 60.0
REQUEST_MEMORY = 2 << 30          # bytes above a worker's size at its start

_OVER = {"time": "the request took longer than {budget} s, the most this server gives one request; "
                 "narrow the question (a smaller case, a value for a variable, --given for the case space)",
         "memory": "the request needed more than {budget} MB of memory, the most this server gives one request; "
                   "narrow the question (a smaller case, a value for a variable, --given for the case space)",
         "busy": "the server is busy with other requests (it answers {budget} at a time); try again"}


def budgets() -> tuple[float, int]:
    """(seconds, bytes) a request may use: the defaults, or less where the environment says so."""
    seconds, memory = REQUEST_SECONDS, REQUEST_MEMORY
    try:
        seconds = min(seconds, float(os.environ.get("ZAN_SERVE_SECONDS", seconds))) or REQUEST_SECONDS
    except ValueError:
        pass
    try:
        memory = min(memory, int(os.environ.get("ZAN_SERVE_MEMORY_MB", memory >> 20)) << 20) or REQUEST_MEMORY
    except ValueError:
        pass
    return max(seconds, 0.1), max(memory, 1 << 20)


def over(kind: str, budget) -> tuple[int, str, str]:
    text = json.dumps({"errors": [{"message": _OVER[kind].format(budget=budget), "budget": kind}]}, ensure_ascii=False)
    return 503, "application/json; charset=utf-8", text + "\n"


def _limit_memory(extra: int) -> None:
    try:
        import resource
    except ImportError:  # not a Unix: the time budget still holds
        return
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            size = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        size = 1 << 30
    limit = size + extra
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def answer_forever(connection, respond, memory: int) -> None:
    """A worker's life after it has built its workbench: its memory limited, it answers requests (JSON in, JSON
    out) with `respond(name, body) -> (status, media type, text)` until the pipe closes."""
    _limit_memory(memory)
    while True:
        try:
            name, body = json.loads(connection.recv_bytes().decode("utf-8"))
        except (EOFError, OSError):
            return
        fatal = False
        try:
            status, kind, text = respond(name, body)
        except MemoryError:
            status, kind, text = over("memory", memory >> 20)
            fatal = True
        try:
            connection.send_bytes(json.dumps([status, kind, text]).encode("utf-8"))
        except (OSError, MemoryError):
            return
        if fatal:
            return


class Worker:
    def __init__(self, context, target, args: tuple, memory: int):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=target, args=(child, *args, memory), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        """Killed first, so that a thread waiting for its answer wakes (end of file), then the pipe closed."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        try:
            self.connection.close()
        except OSError:
            pass


class Workers:
    """The pool: `await workers.call(name, body)` -> (status, media type, text), within the budgets."""

    def __init__(self, target, args: tuple, count: int = WORKERS):
        """target(connection, *args, memory): a module-level function (a spawned process imports it by name) that
        builds what the worker needs and calls `answer_forever`."""
        import multiprocessing

        self.context = multiprocessing.get_context("spawn")
        self.target, self.args = target, args
        self.count = count
        self.seconds, self.memory = budgets()
        self.idle: asyncio.Queue | None = None
        self.all: set[Worker] = set()
        self._lock = threading.Lock()

    def _new(self) -> Worker:
        worker = Worker(self.context, self.target, self.args, memory=self.memory)
        with self._lock:
            self.all.add(worker)
        return worker

    def _retire(self, worker: Worker) -> None:
        with self._lock:
            self.all.discard(worker)
        worker.stop()

    async def start(self) -> None:
        self.idle = asyncio.Queue()
        loop = asyncio.get_running_loop()
        for _ in range(self.count):
            self.idle.put_nowait(await loop.run_in_executor(None, self._new))

    async def stop(self) -> None:
        loop = asyncio.get_running_loop()
        for worker in list(self.all):
            await loop.run_in_executor(None, self._retire, worker)

    def _queue(self) -> asyncio.Queue:
        assert self.idle is not None, "start() makes the queue before any call"
        return self.idle

    async def _replace(self, worker: Worker) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self._retire, worker)
        self._queue().put_nowait(await loop.run_in_executor(None, self._new))

    async def call(self, name: str, body: dict) -> tuple[int, str, str]:
        try:
            return await self._call(name, body)
        except asyncio.CancelledError:   # the server is stopping (SIGTERM, Ctrl+C): said, never a traceback
            text = json.dumps({"errors": [{"message": "the server is stopping; the request was not finished"}]})
            return 503, "application/json; charset=utf-8", text + "\n"
        except Exception as e:  # a fault of ours between the server and its workers: said, never a traceback
            text = json.dumps({"errors": [{"message": f"internal error: {type(e).__name__}: {e}"}]}, ensure_ascii=False)
            return 500, "application/json; charset=utf-8", text + "\n"

    async def _call(self, name: str, body: dict) -> tuple[int, str, str]:
        if self.idle is None:
            await self.start()
        try:
            worker = await asyncio.wait_for(self._queue().get(), timeout=self.seconds)
        except asyncio.TimeoutError:
            return over("busy", self.count)
        loop = asyncio.get_running_loop()
        request = json.dumps([name, body], ensure_ascii=False).encode("utf-8", "surrogatepass")

        def exchange():
            worker.connection.send_bytes(request)
            if not worker.connection.poll(self.seconds):
                return None
            return worker.connection.recv_bytes()

        try:
            raw = await loop.run_in_executor(None, exchange)
        except (EOFError, OSError):   # the worker is gone (out of memory in a way Python could not catch)
            asyncio.ensure_future(self._replace(worker))
            return over("memory", self.memory >> 20)
        if raw is None:
            asyncio.ensure_future(self._replace(worker))
            return over("time", f"{self.seconds:g}")
        status, kind, text = json.loads(raw.decode("utf-8"))
        if not worker.process.is_alive() or status == 503:
            asyncio.ensure_future(self._replace(worker))
        else:
            self._queue().put_nowait(worker)
        return status, kind, text
