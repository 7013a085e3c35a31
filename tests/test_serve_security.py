"""`zan serve` against a hostile web page (SECURITY.md, "The web server"): a page of another site, or one that
rebinds its own name to 127.0.0.1, can neither read the API nor make the server work; the page the server
serves carries the headers that keep it out of frames and its scripts to its own.

The requests are made with http.client, header by header, as a browser would send them for such a page
(a browser test of the workbench itself under its policy is in tests/test_serve.py)."""

from __future__ import annotations

import http.client
import json
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
    process = subprocess.Popen([sys.executable, "-m", "engine", "serve", "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
