"""The compiled-knowledge cache: parsed and checked knowledge bases, pickled per user, keyed by content.

A cold `zan ask` spends most of its time parsing kb/ with lark; the result depends only on the
files' names and bytes and on the code that parses and checks them, so it is kept in
`~/.cache/zan` (or `$XDG_CACHE_HOME/zan`) under a hash of exactly those. An entry is a pickle plus a
file holding the pickle's SHA-256: an entry is unpickled only if it is ours (owned by this user,
not writable by others) and its bytes match that checksum, so a torn or corrupt entry is never
read. Any failure (no folder, a full disk, a bad entry) just means the work is done again.
`ZAN_CACHE=0` turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

import engine

def folder() -> Path | None:
    if os.environ.get("ZAN_CACHE", "1") == "0":
        return None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "zan"


def _code_digest() -> bytes:
    """The engine's version and code and the grammar: a change to any of them invalidates every entry."""
    from engine.base.resources import grammar_path

    digest = hashlib.sha256(f"{engine.__version__} {sys.version}".encode())
    here = Path(engine.__file__).parent
    for path in [grammar_path(), *sorted(here.rglob("*.py"))]:
        digest.update(str(path.relative_to(path.parent.parent)).encode() + b"\0" + path.read_bytes())
    return digest.digest()


def key(kind: str, items: Iterable[tuple[str, bytes]]) -> str | None:
    """A key for named contents (files as shown to users, a question's text) and the code; None on a read error."""
    try:
        digest = hashlib.sha256(kind.encode() + _code_digest())
        for name, data in items:
            digest.update(f"\0{name}\0{len(data)}\0".encode() + data)
        return digest.hexdigest()[:32]
    except (OSError, ValueError):
        return None


def contents(named_files: Iterable[tuple[str, Path]]) -> Iterator[tuple[str, bytes]]:
    for name, path in named_files:
        yield name, Path(path).read_bytes()


def _ours(path: Path) -> bool:
    info = path.stat()
    return (info.st_uid == os.getuid() and stat.S_ISREG(info.st_mode)
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def load(entry: str | None):
    """The object stored under the key, or None (no entry, not ours, or corrupt)."""
    where = folder()
    if entry is None or where is None:
        return None
    data_path, sum_path = where / f"{entry}.pickle", where / f"{entry}.sha256"
    try:
        if not (_ours(data_path) and _ours(sum_path)):
            return None
        data = data_path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sum_path.read_text(encoding="ascii").strip():
            return None
        return pickle.loads(data)
    except Exception:  # a cache must never be the reason a question fails
        return None


def store(entry: str | None, value) -> None:
    """Writes the entry atomically (data first, then its checksum); failures are ignored."""
    where = folder()
    if entry is None or where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        for suffix, content in ((".pickle", data), (".sha256", hashlib.sha256(data).hexdigest().encode())):
            handle, temporary = tempfile.mkstemp(dir=where, prefix=f".{entry}", suffix=suffix)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(content)
                os.replace(temporary, where / f"{entry}{suffix}")
            except BaseException:
                os.unlink(temporary)
                raise
    except Exception:
        return
