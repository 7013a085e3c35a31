"""The compiled-knowledge cache: parsed knowledge bases, pickled per user (only our own classes), keyed by content.

A cold `zan ask` spends most of its time parsing kb/ with lark; the result depends only on the files'
names and bytes and on the code that parses them, so it is kept under a hash of those (the code as Python itself
tells a changed module: each source file's size and modification time, and its inode; the code that makes entries,
`MAKERS`, not the tools and front-ends above it, which only read them). Case
files are never cached (a plain fact file parses as fast as an entry loads), only the knowledge base.

A pickle runs code when it is loaded, so an entry is loaded only from a folder that no one else could
have written (SECURITY.md):
- the folder is `$XDG_CACHE_HOME/zan` (an absolute XDG_CACHE_HOME only, as the XDG spec says) or
  `~/.cache/zan`, created 0700; it is used only if `lstat` finds a real folder (not a symlink) owned by
  this user and writable by no one else, and the folder opened with O_NOFOLLOW is that same folder;
  every entry is then opened relative to that open folder, so no path is followed twice;
- an entry is opened with O_NOFOLLOW and checked on the opened descriptor (a regular file of this
  user's, writable by no one else, one link), then read from that descriptor;
- its bytes hold its own key and a BLAKE2b digest of key and payload: an entry renamed onto another key, torn
  or corrupt is never unpickled;
- and it is unpickled by an unpickler that finds no class but the ones its caller names (the law's own
  record classes, dates and decimals, `engine.syntax.knowledge.STORED`): an entry can only make those,
  never name a function, so even bytes someone managed to plant there cannot run code (a tuple-backed record,
  engine/base/records.py, is made by NEWOBJ of its class: tuple's own `__new__`, no call of Python code).
Any failure (no HOME, a folder we do not own, a full disk, a broken entry) just means the work is done
again. `ZAN_CACHE=0` turns the cache off. The cache keeps at most MAX_BYTES and drops entries unused
for MAX_AGE_DAYS; `zan cache clear` empties it.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import time
from typing import TYPE_CHECKING, Iterable

import engine

try:   # the C modules themselves: `hashlib` loads OpenSSL (2.3 ms) and `pickle` its Python twin (0.8 ms) on every
    #    cold question for a digest and an unpickler these give (hashlib.blake2b and pickle.Unpickler are these)
    from _blake2 import blake2b
except ImportError:   # pragma: no cover - an interpreter without the module
    from hashlib import blake2b
try:
    from _pickle import Unpickler, UnpicklingError, dumps
except ImportError:   # pragma: no cover
    from pickle import Unpickler, UnpicklingError, dumps

MAGIC = b"zan-cache 3\n"
SUFFIX = ".zc"
PROTOCOL = 5   # pickle's highest in Python 3.8-3.13
MAX_BYTES = 200 * 1024 * 1024   # the whole cache; the oldest entries go first beyond it
MAX_AGE_DAYS = 30               # an entry not used for this long is dropped
# Names earlier versions left in the folder: removed by `zan cache clear` and when the cache is pruned.
_OLD_SUFFIXES = (".pickle", ".sha256", ".lark-cache")
if TYPE_CHECKING:
    from pathlib import Path
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def enabled() -> bool:
    return os.environ.get("ZAN_CACHE", "1") != "0"


def folder() -> Path | None:
    """Where the cache would be: None when it is turned off or there is no home to keep it in."""
    from engine.base.places import as_path

    where = folder_name()
    return None if where is None else as_path(where)


def folder_name() -> str | None:
    """`folder()` as a string (pathlib is not imported on a question's way)."""
    from engine.base.places import plain

    if not enabled():
        return None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):
        return plain(os.path.join(xdg, "zan"))
    home = os.environ.get("HOME", "")
    if not os.path.isabs(home):
        try:
            import pwd

            home = pwd.getpwuid(os.getuid()).pw_dir
        except (ImportError, KeyError, OSError):
            return None
    if not home or not os.path.isabs(home):
        return None
    return plain(os.path.join(home, ".cache", "zan"))


def _trusted(info: os.stat_result) -> bool:
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def open_folder(create: bool) -> int | None:
    """A descriptor of the cache folder if it passes the checks (creating it 0700 if asked), else None."""
    where = folder_name()
    if where is None:
        return None
    try:
        if create:
            chain = [where]   # the folder and its parents, as Path.parents gives them
            while os.path.dirname(chain[-1]) != chain[-1]:
                chain.append(os.path.dirname(chain[-1]))
            missing = [p for p in chain if not os.path.lexists(p)]
            for p in reversed(missing):  # the XDG spec: folders made for the cache are 0700
                os.mkdir(p, 0o700)
        seen = os.lstat(where)
        if not stat.S_ISDIR(seen.st_mode) or not _trusted(seen):
            return None
        fd = os.open(where, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC)
    except (OSError, ValueError):
        return None
    try:
        opened = os.fstat(fd)
        if (opened.st_dev, opened.st_ino) != (seen.st_dev, seen.st_ino) or not stat.S_ISDIR(opened.st_mode) \
                or not _trusted(opened):
            os.close(fd)
            return None
    except OSError:
        os.close(fd)
        return None
    return fd


_CODE: list[bytes] = []   # the digest of the running code, computed once per process (a question asks twice)

# The code that makes what the cache holds: engine/pipeline.py and the stages below it, which tests/test_architecture.py
# lets import nothing above them (tests/test_cache.py checks that no module above them makes an entry). An edit to the
# tools or the front-ends above, which only read entries, leaves every key as it was (a third fewer files to stat).
MAKERS = ("__init__.py", "pipeline.py", "base", "syntax", "logic", "checks", "explain")


def _code_digest() -> bytes:
    """The engine's version and code and the grammar: a change to any of them invalidates every entry.

    Read once per process: the code that runs is the code that was read when it started."""
    if not _CODE:
        _CODE.append(_digest_of_code())
    return _CODE[0]


def _digest_of_code() -> bytes:
    """The grammar's bytes, and the name, size, modification time and inode of each source file of the code that
    makes entries (`MAKERS`): what Python itself checks before it runs a module's compiled bytecode (size and time),
    so an edit the digest could miss would not run either. Statting the ~80 files takes a tenth of reading and
    hashing them."""
    from engine.base.places import grammar_file

    digest = blake2b(f"{engine.__version__} {sys.version}".encode(), digest_size=32)
    grammar = grammar_file()
    with open(grammar, "rb") as grammar_bytes:
        digest.update(os.path.basename(grammar).encode() + b"\0" + grammar_bytes.read())
    top = os.path.dirname(engine.__file__)
    for maker in MAKERS:
        where = os.path.join(top, maker)
        try:
            files = [(f"engine/{maker}", os.stat(where))] if maker.endswith(".py") else _sources(where, f"engine/{maker}")
        except FileNotFoundError:
            continue   # a room this copy of the code does not have (the tests' small copies)
        for name, info in files:   # os.scandir: a third of pathlib's time
            digest.update(f"\0{name}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}".encode("utf-8", "surrogatepass"))
    return digest.digest()


def _sources(folder: str, name: str) -> list[tuple[str, os.stat_result]]:
    """(name under the package, its stat) of every *.py file under the folder, in a stable order."""
    found = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                found += _sources(entry.path, f"{name}/{entry.name}")
            elif entry.name.endswith(".py") and entry.is_file():
                found.append((f"{name}/{entry.name}", entry.stat()))
    return found


def key(kind: str, items: Iterable[tuple[str, bytes]]) -> str | None:
    """A key for named contents (files as shown to users, a question's text) and the code; None on a read error."""
    if not enabled():
        return None
    try:
        digest = blake2b(kind.encode() + _code_digest(), digest_size=32)
        for name, data in items:
            digest.update(f"\0{name}\0{len(data)}\0".encode("utf-8", "surrogatepass") + data)
        return digest.hexdigest()[:32]
    except (OSError, ValueError):
        return None


def _valid_key(entry: str) -> bool:
    return len(entry) == 32 and all(c in "0123456789abcdef" for c in entry)


def _seal(entry: str, payload: bytes) -> bytes:
    head = _head(entry)
    return head + blake2b(head + payload, digest_size=32).hexdigest().encode("ascii") + b"\n" + payload


def _head(entry: str) -> bytes:
    return MAGIC + entry.encode("ascii") + b"\n"


def _unseal(entry: str, sealed: bytes, payload: bytes) -> bytes | None:
    """The payload, if the entry's first bytes (`sealed`: its head, the digest and a newline, as `_seal` wrote them)
    seal it. The entry is read in these two parts, so the payload is hashed and unpickled where it was read, never
    copied (the law's is ~500 KB: two copies in fresh pages were ~0.4 ms of a cold question)."""
    head = _head(entry)
    if len(sealed) != len(head) + 65 or not sealed.startswith(head) or sealed[-1:] != b"\n":
        return None
    digest = blake2b(head, digest_size=32)
    digest.update(payload)
    if digest.hexdigest().encode("ascii") != sealed[len(head):-1]:
        return None
    return payload


class _Restricted(Unpickler):
    """Finds only the classes it is given: any other global (a function, `os.system`) stops the load."""

    def __init__(self, data: bytes, allowed: dict[tuple[str, str], type]):
        super().__init__(io.BytesIO(data))
        self.allowed = allowed

    def find_class(self, module: str, name: str):
        found = self.allowed.get((module, name))
        if found is None:
            raise UnpicklingError(f"{module}.{name} may not be in a cache entry")
        return found


def _loads(payload: bytes, allowed: Iterable[type]):
    return _Restricted(payload, {(t.__module__, t.__qualname__): t for t in allowed}).load()


def load(entry: str | None, allowed: Iterable[type] = ()):
    """The object stored under the key, or None (no entry, a folder or file not ours, a wrong key, corrupt, or
    holding anything but instances of the `allowed` classes and plain containers, strings and numbers)."""
    if entry is None or not _valid_key(entry):
        return None
    where = open_folder(create=False)
    if where is None:
        return None
    try:
        fd = os.open(entry + SUFFIX, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NONBLOCK", 0), dir_fd=where)
    except OSError:
        os.close(where)
        return None
    try:
        info = os.fstat(fd)
        if not (stat.S_ISREG(info.st_mode) and _trusted(info) and info.st_nlink == 1):
            return None
        with os.fdopen(os.dup(fd), "rb") as stream:   # at most one byte more than it had: a file that grew fails
            sealed = stream.read(len(_head(entry)) + 65)
            payload = _unseal(entry, sealed, stream.read(max(info.st_size + 1 - len(sealed), 0)))
        if payload is None:
            return None
        value = _loads(payload, allowed)
        try:
            os.utime(fd)  # used now: pruning goes by the time of last use
        except OSError:
            pass
        return value
    except Exception:  # a cache must never be the reason a question fails
        return None
    finally:
        os.close(fd)
        os.close(where)


def store(entry: str | None, value, allowed: Iterable[type] = ()) -> None:
    """Writes the entry atomically (a temporary file in the folder, then renamed); failures are ignored.
    A value that `load` would refuse (it holds a class not `allowed`) is not written."""
    if entry is None or not _valid_key(entry):
        return
    where = open_folder(create=True)
    if where is None:
        return
    temporary = f".{entry}.{os.getpid()}.tmp"
    try:
        payload = dumps(value, protocol=PROTOCOL)
        _loads(payload, allowed)   # raises for a class load() would refuse: nothing is written then
        data = _seal(entry, payload)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600, dir_fd=where)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temporary, entry + SUFFIX, src_dir_fd=where, dst_dir_fd=where)
        except BaseException:
            try:
                os.unlink(temporary, dir_fd=where)
            except OSError:
                pass
            raise
        prune(where)
    except Exception:
        return
    finally:
        os.close(where)


def _entries(where: int) -> list[tuple[str, os.stat_result]]:
    found = []
    for name in os.listdir(where):
        if name.endswith(SUFFIX) or name.endswith(_OLD_SUFFIXES) or (name.startswith(".") and name.endswith(".tmp")):
            try:
                info = os.stat(name, dir_fd=where, follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode):
                found.append((name, info))
    return found


def prune(where: int, max_bytes: int = MAX_BYTES, max_age_days: float = MAX_AGE_DAYS) -> int:
    """Drops entries unused for max_age_days, then the least recently used beyond max_bytes; the number dropped."""
    now = time.time()
    entries = sorted(_entries(where), key=lambda e: e[1].st_mtime, reverse=True)
    total, dropped = 0, 0
    for name, info in entries:
        total += info.st_size
        stale = now - info.st_mtime > max_age_days * 86400 or total > max_bytes or not name.endswith(SUFFIX)
        if stale and not (name.endswith(".tmp") and now - info.st_mtime < 3600):  # a write in progress
            try:
                os.unlink(name, dir_fd=where)
                dropped += 1
            except OSError:
                pass
    return dropped


def clear() -> tuple[Path | None, int, int]:
    """Removes every entry: (the folder, entries removed, bytes freed). A folder failing the checks is left alone."""
    where_path = folder()
    where = open_folder(create=False)
    if where is None:
        return where_path, 0, 0
    removed = freed = 0
    try:
        for name, info in _entries(where):
            try:
                os.unlink(name, dir_fd=where)
                removed += 1
                freed += info.st_size
            except OSError:
                pass
    finally:
        os.close(where)
    return where_path, removed, freed


def usage() -> tuple[Path | None, str, int, int]:
    """(the folder, its state: off, no home, missing, refused or ok, number of entries, bytes)."""
    where_path = folder()
    if where_path is None:
        return None, "off" if not enabled() else "no home", 0, 0
    if not os.path.lexists(where_path):
        return where_path, "missing", 0, 0
    where = open_folder(create=False)
    if where is None:
        return where_path, "refused", 0, 0
    try:
        entries = [(n, i) for n, i in _entries(where) if n.endswith(SUFFIX)]
    finally:
        os.close(where)
    return where_path, "ok", len(entries), sum(i.st_size for _, i in entries)
