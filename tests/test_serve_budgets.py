"""`zan serve` does the work of requests off the event loop, in worker processes, each request within a budget of
time and memory (engine/serve/workers.py; SECURITY.md, "The web server"): a slow request neither stalls
the page, its static files and the other requests, nor runs past its budget; and pasted cases do not
accumulate in the server's private folder.

The slow request is a knowledge base of the test's own (the reachability of a chain of 1,000 edges: some
500,000 answers with their proofs, many minutes' work however fast the evaluator gets; a chain of 300 was
answered whole within 10 s once proofs were shared), asked with the budget shortened by the environment. Nothing is timed: the test looks at which answer came first and what each says."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

ROOT = Path(__file__).resolve().parent.parent

REACH = """
predicate edge(A, B)
  kk "қабырға"
  ru "ребро"
  en "edge".

predicate reach(A, B)
  kk "жету"
  ru "достижимость"
  en "reach".

reach(A, B) if edge(A, B).
reach(A, C) if reach(A, B) and edge(B, C).
"""
CHAIN = "".join(f"edge(n{i}, n{i + 1}).\n" for i in range(1000))
SLOW = {"query": "reach(X, Y)", "at": "2025-01-15", "facts": CHAIN}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(kb: Path, **env: str):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "engine", "serve", "--port", str(port), "--kb", str(kb)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ, **env))
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/static/app.css", timeout=2).read()
            return process, url
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("zan serve did not start: " + process.stderr.read().decode())
            time.sleep(0.2)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def post(url: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=300) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reach") / "kb"
    folder.mkdir()
    law = (ROOT / "templates" / "project" / "kb" / "law.zan").read_text(encoding="utf-8")
    (folder / "law.zan").write_text(law + REACH, encoding="utf-8")
    return folder


@pytest.mark.slow   # runs to its time budget
def test_a_slow_request_stalls_nothing_else_and_ends_at_its_budget(kb):
    process, url = start(kb, ZAN_SERVE_SECONDS="10")
    try:
        finished: dict[str, float] = {}
        slow: list = []

        def ask_slow():
            slow.append(post(url + "/api/ask", SLOW))
            finished["slow"] = time.monotonic()

        thread = threading.Thread(target=ask_slow)
        thread.start()
        time.sleep(0.5)     # not a measurement: only so that the slow request is sent first
        assert urllib.request.urlopen(url + "/static/app.css", timeout=300).status == 200
        finished["static"] = time.monotonic()
        status, got = post(url + "/api/ask", {"query": "reach(n0, n1)", "at": "2025-01-15",
                                              "facts": "edge(n0, n1).\n"})
        assert status == 200 and got["answers"][0]["atom"] == "reach(n0, n1)"
        finished["ask"] = time.monotonic()
        request = urllib.request.Request(url + "/sheet?count=1", headers={"Sec-Fetch-Site": "same-origin"})
        sheet = urllib.request.urlopen(request, timeout=300)
        assert sheet.status == 200 and b"<html" in sheet.read().lower()
        finished["sheet"] = time.monotonic()
        thread.join(timeout=300)
        status, got = slow[0]
        assert status == 503 and got["errors"][0]["budget"] == "time", got
        assert "10 s" in got["errors"][0]["message"] and "narrow the question" in got["errors"][0]["message"]
        assert finished["static"] < finished["slow"] and finished["ask"] < finished["slow"]
        assert finished["sheet"] < finished["slow"]
        # the worker that ran out of time was replaced: the server still answers
        assert post(url + "/api/timeline", {})[0] == 200
        assert post(url + "/api/ask", {"query": "reach(n0, n1)", "at": "2025-01-15", "facts": "edge(n0, n1).\n"})[0] == 200
    finally:
        stop(process)


@pytest.mark.slow   # runs to its memory budget
def test_a_request_that_needs_too_much_memory_ends_at_its_budget(kb):
    process, url = start(kb, ZAN_SERVE_MEMORY_MB="150")
    try:
        status, got = post(url + "/api/ask", SLOW)
        assert status == 503 and got["errors"][0]["budget"] == "memory", got
        assert "150 MB" in got["errors"][0]["message"]
        assert post(url + "/api/ask", {"query": "reach(n0, n1)", "at": "2025-01-15", "facts": "edge(n0, n1).\n"})[0] == 200
    finally:
        stop(process)


def test_pasted_cases_do_not_accumulate_nor_outlive_a_killed_server(kb):
    import tempfile

    from engine.serve.app import MAX_PASTED

    before = set(Path(tempfile.gettempdir()).glob("zan-serve-*"))
    process, url = start(kb)
    try:
        for i in range(MAX_PASTED + 10):
            assert post(url + "/api/ask", {"query": "reach(n0, Y)", "at": "2025-01-15",
                                           "facts": f"edge(n0, m{i}).\n"})[0] == 200
        mine = [f for f in set(Path(tempfile.gettempdir()).glob("zan-serve-*")) - before
                if (f / "server.pid").is_file() and (f / "server.pid").read_text().strip() == str(process.pid)]
        assert len(mine) == 1
        assert len(list(mine[0].glob("*.facts"))) <= MAX_PASTED
    finally:
        process.kill()      # no clean-up of its own
        process.wait(timeout=20)
    assert mine[0].exists()
    process, url = start(kb)  # the next server removes the folder of the killed one
    try:
        assert not mine[0].exists()
    finally:
        stop(process)
        shutil.rmtree(mine[0], ignore_errors=True)


def test_sigterm_stops_the_server_and_its_workers_while_a_request_runs(kb):
    process, url = start(kb)                     # the default budget: the slow request would run a minute
    workers = [int(p) for p in subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                                              text=True).stdout.split()] if shutil.which("pgrep") else []
    def ask():
        try:
            post(url + "/api/ask", SLOW)
        except OSError:
            pass                                  # the server went away: what the test wants

    thread = threading.Thread(target=ask, daemon=True)
    thread.start()
    time.sleep(1)       # not a measurement: only so that the request is being worked on
    process.terminate()
    assert process.wait(timeout=45) in (0, -15)  # within the grace period, not at the end of the work (uvicorn re-raises SIGTERM)
    said = process.stderr.read().decode()
    assert "Traceback" not in said and "Exception in ASGI" not in said, said
    def gone(pid: int) -> bool:
        try:
            return "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
        except OSError:
            return True
    # the children seen at start include multiprocessing's resource tracker, which leaves on its own once the
    # server's end of its pipe closes: a bounded wait for that (not a measurement), then every child is gone
    deadline = time.monotonic() + 20
    while not all(gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(gone(pid) for pid in workers), [pid for pid in workers if not gone(pid)]
