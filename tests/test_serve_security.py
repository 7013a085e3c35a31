"""`zan serve` against a hostile web page (SECURITY.md, "The web server"): a page of another site, or one that
rebinds its own name to 127.0.0.1, can neither read the API nor make the server work; the page the server
serves carries the headers that keep it out of frames and its scripts to its own.

The requests are made with http.client, header by header, as a browser would send them for such a page
(a browser test of the workbench itself under its policy is in tests/test_serve.py)."""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def port():
    port = free_port()
    env = dict(os.environ, ZAN_SERVE_HEADER_TIMEOUT="1", ZAN_SERVE_BODY_TIMEOUT="1")   # shortened for the test
    process = subprocess.Popen([sys.executable, "-m", "engine", "serve", "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while True:
        try:
            if request(port, "GET", "/static/app.css")[0] == 200:
                break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("zan serve did not start: " + process.stderr.read().decode())
        time.sleep(0.2)
    yield port
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def request(port: int, method: str, path: str, body: bytes | dict | None = None, host: str | None = None,
            **headers: str) -> tuple[int, dict, bytes]:
    """One request with exactly these headers (underscores in names become dashes); Host defaults to 127.0.0.1:port."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
        data = json.dumps(body).encode() if isinstance(body, dict) else body
        for key, value in headers.items():
            connection.putheader(key.replace("_", "-"), value)
        if data is not None:
            connection.putheader("Content-Length", str(len(data)))
        connection.endheaders(data)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


JSON = {"Content_Type": "application/json"}


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]", "LOCALHOST"])
def test_the_local_names_are_answered(port, host):
    assert request(port, "POST", "/api/timeline", {}, host=f"{host}:{port}", **JSON)[0] == 200
    assert request(port, "GET", "/", host=host)[0] == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.evil.example", "", "localhost@evil",
                                  "127.0.0.2", "[::2]:{port}"])
def test_a_rebinding_page_under_another_name_reads_nothing(port, host):
    for method, path, body in (("POST", "/api/timeline", {}), ("GET", "/", None), ("GET", "/static/app.js", None),
                               ("GET", "/sheet", None)):
        status, headers, got = request(port, method, path, body, host=host.format(port=port), **JSON)
        assert status == 421, (path, status, got[:200])
        assert b"cc60" not in got and "answers only to the names" in json.loads(got)["errors"][0]["message"]


def test_the_api_answers_only_post_with_json(port):
    status, headers, got = request(port, "GET", "/api/timeline")
    assert status == 405 and headers["allow"] == "POST" and b"cc60" not in got
    status, _h, got = request(port, "GET", "/api/vocabulary?lang=kk")
    assert status == 405 and b"predicates" not in got
    for kind in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None):
        headers = {"Content_Type": kind} if kind else {}
        status, _h, got = request(port, "POST", "/api/timeline", b"{}", **headers)
        assert status == 415 and b"cc60" not in got, kind
    assert request(port, "POST", "/api/timeline", b"{}", Content_Type="application/json; charset=utf-8")[0] == 200


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://localhost:1", "https://127.0.0.1:{port}"])
def test_a_request_from_another_origin_is_refused(port, origin):
    status, _h, got = request(port, "POST", "/api/timeline", {}, Origin=origin.format(port=port), **JSON)
    assert status == 403 and b"cc60" not in got
    status, _h, got = request(port, "GET", "/sheet?count=1", Origin=origin.format(port=port))
    assert status == 403


def test_the_page_s_own_origin_is_answered(port):
    own = f"http://127.0.0.1:{port}"
    assert request(port, "POST", "/api/timeline", {}, Origin=own, Sec_Fetch_Site="same-origin", **JSON)[0] == 200
    assert request(port, "GET", "/sheet?count=1", Sec_Fetch_Site="same-origin")[0] == 200
    assert request(port, "GET", "/sheet?count=1", Sec_Fetch_Site="none")[0] == 200   # typed or bookmarked


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_browser_s_request_from_another_site_is_refused(port, site):
    assert request(port, "POST", "/api/timeline", {}, Sec_Fetch_Site=site, **JSON)[0] == 403
    assert request(port, "GET", "/sheet?count=1", Sec_Fetch_Site=site)[0] == 403
    assert request(port, "GET", "/", Sec_Fetch_Site=site)[0] == 200     # a link to the page opens it


def test_every_response_carries_the_security_headers(port):
    for method, path, body in (("GET", "/", None), ("GET", "/static/app.js", None), ("POST", "/api/timeline", {}),
                               ("GET", "/sheet?count=1", None), ("GET", "/api/timeline", None),
                               ("GET", "/nothing", None)):
        status, headers, _got = request(port, method, path, body, **JSON)
        assert headers.get("x-content-type-options") == "nosniff", path
        assert headers.get("x-frame-options") == "DENY", path
        assert "frame-ancestors 'none'" in headers.get("content-security-policy", ""), path
    policy = request(port, "GET", "/")[1]["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "script-src" not in request(port, "GET", "/sheet?count=1")[1]["content-security-policy"]


# ---------------------------------------------------------------- connections that say nothing (or little)

def closed_by_the_server(sock: socket.socket, trickle: bytes = b"", within: float = 30) -> bool:
    """Whether the server closes the connection while we send `trickle` a byte at a time (or nothing)."""
    sock.settimeout(0.25)
    end = time.monotonic() + within
    sent = 0
    while time.monotonic() < end:
        try:
            if trickle:
                sock.send(trickle[sent % len(trickle):sent % len(trickle) + 1])
                sent += 1
            got = sock.recv(4096)
            if got == b"" or got.startswith(b"HTTP/1.1 4"):
                return True
        except socket.timeout:
            continue
        except (BrokenPipeError, ConnectionResetError):
            return True
    return False


def test_idle_connections_are_closed_and_do_not_starve_the_server(port):
    from engine.serve.server import LIMIT_CONCURRENCY

    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(LIMIT_CONCURRENCY + 5)]
    try:
        end = time.monotonic() + 30
        assert all(closed_by_the_server(s, within=max(0.5, end - time.monotonic())) for s in idle)
        assert request(port, "POST", "/api/timeline", {}, **JSON)[0] == 200
    finally:
        for s in idle:
            s.close()


def test_headers_sent_a_byte_at_a_time_do_not_keep_a_connection(port):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        assert closed_by_the_server(s, trickle=b"X-Slow: aaaaaaaaaa\r\n")


def test_a_body_that_never_comes_does_not_keep_a_connection(port):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(f"POST /api/timeline HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                  "Content-Length: 1000\r\n\r\n{".encode())
        assert closed_by_the_server(s, trickle=b" ")


def test_after_a_response_the_next_request_has_its_own_deadline(port):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(f"GET /static/app.css HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        s.settimeout(30)
        assert s.recv(12) == b"HTTP/1.1 200"
        s.recv(1 << 20)
        assert closed_by_the_server(s, trickle=b"GET / HTTP/1.1\r\nX: y\r\n")


# ---------------------------------------------------------------- the port

def test_port_0_says_the_port_it_got_and_a_taken_port_is_a_message():
    process = subprocess.Popen([sys.executable, "-m", "engine", "serve", "--port", "0"], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        got = re.match(r"zan serve: http://127\.0\.0\.1:(\d+)/", line)
        assert got and int(got.group(1)) != 0, line
        taken = int(got.group(1))
        deadline = time.monotonic() + 60
        while True:
            try:
                if request(taken, "GET", "/static/app.css")[0] == 200:
                    break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        second = subprocess.run([sys.executable, "-m", "engine", "serve", "--port", str(taken)], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 2, second.stderr
        assert f"cannot listen on 127.0.0.1:{taken}" in second.stderr and "--port 0" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        process.terminate()
        process.wait(timeout=10)


# ---------------------------------------------------------------- bodies that are not what they seem

@pytest.mark.parametrize("raw,said", [
    (b'{"query": "call(a, b, c)", "seed": ' + b"9" * 5000 + b"}", "not JSON"),         # beyond int()'s 4300 digits
    (b'{"query": "call(\\ud800, b, c)"}', "lone surrogate"),
    (b'{"facts": "edge(a, b).\\udfff"}', "lone surrogate"),
    (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
])
def test_a_body_python_cannot_hold_as_text_is_a_bad_request_not_an_internal_error(port, raw, said):
    status, _h, got = request(port, "POST", "/api/ask", raw, **JSON)
    assert status == 400, got[:300]
    message = json.loads(got)["errors"][0]["message"]
    assert said in message and "internal error" not in message and "Traceback" not in message
