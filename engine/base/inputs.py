"""Reading what a user gives: every input read once, with a bound, as the bytes that are then parsed and hashed.

A file named on the command line may be a pipe (`--facts <(cat case.facts)`, `/dev/stdin`, a FIFO) or
standard input itself (`-`): it can be read only once, so the bytes read are the bytes parsed and the
bytes hashed for the cache. No input may be larger than MAX_INPUT_BYTES (SECURITY.md): the reading stops
there with a located error, so `/dev/zero` or a runaway generator never fills memory.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from engine.base.diagnostics import Diagnostic, ZanError
from engine.base.messages import message
from engine.base.source import Span

if TYPE_CHECKING:
    from pathlib import Path

MAX_INPUT_BYTES = 50_000_000  # 50 MB: the largest knowledge-base file, case file or question file read
STDIN = "-"                   # the name that means standard input (`--facts -`)
STDIN_NAME = "<stdin>"        # how standard input is named in messages
_CHUNK = 1 << 20


def is_stdin(path: str | Path) -> bool:
    return str(path) == STDIN


def shown_name(path: str | Path) -> str:
    return STDIN_NAME if is_stdin(path) else str(path)


# What was read from standard input, pipes and FIFOs in this command: such an input can be read only once,
# and a command that looks at the case twice (a question in words is understood, then answered) must
# see the same bytes both times. Emptied when a command starts (forget), so a server or a test runner
# that runs many commands in one process reads each command's input afresh.
_ONCE: dict[object, bytes] = {}


def forget() -> None:
    _ONCE.clear()


def _once_key(path: str | Path) -> tuple[object, int]:
    """The key under which standard input, a pipe or a FIFO is read once (None for a regular file, or a path that
    cannot be looked at), and how much to read first: a regular file's size and a byte (read in one call), else _CHUNK."""
    if is_stdin(path):
        return STDIN, _CHUNK
    try:
        info = os.stat(path)
    except OSError:
        return None, _CHUNK
    import stat

    return (None, info.st_size + 1) if stat.S_ISREG(info.st_mode) else ((info.st_dev, info.st_ino), _CHUNK)


def read_bytes(path: str | Path, name: str | None = None, limit: int = MAX_INPUT_BYTES,
               regular: bool = False) -> bytes:
    """The file's bytes, read once and at most `limit` of them; a located ZanError otherwise.

    Standard input, a pipe or a FIFO is read once per command: asked again, the same bytes are returned.
    With `regular` (a file named by another file, such as a scenario's facts, not by the user), only a
    regular file is read: a FIFO, a device or standard input is an error, found without waiting for it
    (the file is opened without blocking and looked at before a byte is read).
    """
    name = name or shown_name(path)
    where = Span(name, 1, 1)
    if regular:
        return _read_regular(path, name, limit, where)
    key, first = _once_key(path)
    if key is not None and key in _ONCE:
        return _ONCE[key]
    try:
        if is_stdin(path):
            data = _bounded(sys.stdin.buffer, name, limit)
        else:
            with open(path, "rb", buffering=0) as stream:   # unbuffered: _bounded reads in large parts itself
                data = _bounded(stream, name, limit, first)
        if key is not None:
            _ONCE[key] = data
        return data
    except FileNotFoundError:
        raise ZanError([Diagnostic("unreadable-file", message("no such file", name=name), where)]) from None
    except IsADirectoryError:
        raise ZanError([Diagnostic("unreadable-file", message("is a folder", name=name), where)]) from None
    except OSError as e:
        raise ZanError([Diagnostic("unreadable-file", _cannot_read(name, e), where)]) from None


def _read_regular(path, name: str, limit: int, where: Span) -> bytes:
    import stat

    if is_stdin(path):
        raise ZanError([Diagnostic("unreadable-file", message("is standard input", name=name), where)])
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ZanError([Diagnostic("unreadable-file", message("no such file", name=name), where)]) from None
    except OSError as e:
        raise ZanError([Diagnostic("unreadable-file", _cannot_read(name, e), where)]) from None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "a pipe" if stat.S_ISFIFO(info.st_mode) \
                else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "not regular"
            raise ZanError([Diagnostic("unreadable-file", message("only regular files", name=name,
                                                                  what=message(f"file kind {what}")), where)])
        if hasattr(os, "set_blocking"):
            os.set_blocking(handle, True)
        try:
            return _bounded(stream, name, limit)
        except OSError as e:
            raise ZanError([Diagnostic("unreadable-file", _cannot_read(name, e), where)]) from None


def _cannot_read(name: str, e: OSError) -> str:
    """"cannot read NAME: why", the why in the reader's language where it is a missing permission (else the system's words)."""
    return message("cannot read", name=name, reason=message("permission denied") if isinstance(e, PermissionError)
                   else (e.strerror or str(e)))


def _bounded(stream, name: str, limit: int, first: int = _CHUNK) -> bytes:
    """The stream's bytes to its end, at most `limit` of them (else a located error); `first`: the size of the first
    part asked for (a regular file's own size and a byte: read whole in one call, its end seen by the next)."""
    parts: list[bytes] = []
    size = 0
    while True:
        part = stream.read(min(first if not parts else _CHUNK, limit + 1 - size))
        if not part:
            return b"".join(parts)
        parts.append(part)
        size += len(part)
        if size > limit:
            raise ZanError([Diagnostic(
                "input-too-large", message("input-too-large", name=name, limit=limit),
                Span(name, 1, 1), hint=message("split the input"))])


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark dropped), or a located error: a NUL byte or invalid UTF-8."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ZanError([Diagnostic("unreadable-file", message("binary file"), Span(name, line, 1))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise ZanError([Diagnostic("unreadable-file", message("not utf-8", byte=data[e.start]),
                                   Span(name, line, column))]) from None


def read_text(path: str | Path, name: str | None = None, regular: bool = False) -> str:
    name = name or shown_name(path)
    return decode(read_bytes(path, name, regular=regular), name)


def write_atomically(path: Path, text: str, newline: str = "\n") -> None:
    """Replaces the file's contents all at once: a temporary file in the same folder, flushed, then renamed.

    On a full disk or any failure the original is left whole and the temporary file is removed; the
    file keeps its permission bits. `newline` is the line ending to write ("\\n" or "\\r\\n").
    """
    from pathlib import Path   # fmt, init: not a question's way

    path = Path(path)
    data = text.replace("\r\n", "\n").replace("\n", newline).encode("utf-8")
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        mode = 0o644
    temporary = path.with_name(f".{path.name}.{os.getpid()}.zan-tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def line_ending(text: str) -> str:
    """The file's line ending: CRLF when most of its lines end so, otherwise LF."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"
