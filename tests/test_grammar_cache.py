"""lark's grammar cache is a pickle: Zan never hands lark a cache file, so none is read or written (SECURITY.md)."""

from __future__ import annotations

import pickle
import subprocess
import sys

from conftest import ROOT


class _Planted:
    """Unpickling this runs `touch MARKER`."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (__import__("os").system, (f"touch {self.marker}",))


def test_no_lark_cache_is_read_or_written(tmp_path):
    cache_home = tmp_path / "cache"
    folder = cache_home / "zan"
    folder.mkdir(parents=True)
    marker = tmp_path / "MARKER"
    payload = pickle.dumps(_Planted(marker))
    # plant a pickle under every name lark's cache has used, and under the old predictable name
    for name in ["grammar-0000000000000000.lark-cache", ".lark_cache_planted.tmp"]:
        (folder / name).write_bytes(b"planted\n" + payload)
    code = ("from engine.syntax.parser import _lark, parse_query; import lark; "
            "seen = []; original = lark.Lark.__init__\n"
            "def spy(self, *a, **k):\n    seen.append(k.get('cache')); return original(self, *a, **k)\n"
            "lark.Lark.__init__ = spy; parse_query('call(a, B, C)'); print(seen)")
    env = {"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(cache_home), "HOME": str(tmp_path), "ZAN_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[None]"          # lark was built without a cache argument
    assert not marker.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["grammar-0000000000000000.lark-cache", ".lark_cache_planted.tmp"])  # nothing new written
