"""The protocol side of `zan lsp` (pygls): requests and notifications mapped onto engine/lsp/documents.py."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import BinaryIO, cast
from urllib.parse import unquote, urlparse
from urllib.request import pathname2url

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer

import engine
from engine.base.diagnostics import Diagnostic
from engine.base.source import Span
from engine.lsp.documents import Documents

SYMBOL_KINDS = {"act": t.SymbolKind.Module, "predicate": t.SymbolKind.Function, "norm": t.SymbolKind.Class,
                "constant": t.SymbolKind.Constant, "question": t.SymbolKind.Interface, "kind": t.SymbolKind.TypeParameter}
COMPLETION_KINDS = {"predicate": t.CompletionItemKind.Function, "norm": t.CompletionItemKind.Class,
                    "act": t.CompletionItemKind.Module, "constant": t.CompletionItemKind.Constant,
                    "modality": t.CompletionItemKind.Operator, "keyword": t.CompletionItemKind.Keyword,
                    "citation": t.CompletionItemKind.Reference, "kind": t.CompletionItemKind.TypeParameter}


def path_of(uri: str) -> Path:
    return Path(unquote(urlparse(uri).path))


def uri_of(path: Path) -> str:
    return "file://" + pathname2url(str(path))


def _range(span: Span | None) -> t.Range:
    if span is None:   # a diagnostic of the file as a whole: shown at its start
        return t.Range(t.Position(0, 0), t.Position(0, 0))
    end_line = span.end_line or span.line
    end_column = span.end_column if span.end_line else span.column + 1
    return t.Range(t.Position(max(span.line - 1, 0), max(span.column - 1, 0)),
                   t.Position(max(end_line - 1, 0), max(end_column - 1, 0)))


def _location(span: Span) -> t.Location:
    return t.Location(uri_of(Path(span.file).resolve()), _range(span))


def locale_language(locale: str | None) -> str | None:
    """kk, ru or en from an editor's locale ("ru", "ru-RU", "kk_KZ"); None for any other."""
    first = (locale or "").replace("_", "-").split("-")[0].lower()
    return first if first in ("kk", "ru", "en") else None


def lsp_diagnostic(d: Diagnostic, language: str = "en") -> t.Diagnostic:
    from engine.base.messages import message as word

    d = d.said(language)
    related = [t.DiagnosticRelatedInformation(_location(note.span), note.message)
               for note in d.notes if note.span is not None]
    message = d.message + (f"\n{word('hint', language)}: {d.hint}" if d.hint else "")
    return t.Diagnostic(range=_range(d.span), message=message, code=d.code, source="zan",
                        severity=t.DiagnosticSeverity.Error if d.severity == "error" else t.DiagnosticSeverity.Warning,
                        related_information=related or None)


UNFRAMED = "zan/unframed"      # what Frames hands the server in place of a frame it had to skip
MAX_HEADER_LINE = 1 << 16
MAX_FRAME = 64 << 20          # bytes of one message (a document is at most 50 MB, engine/base/inputs.py)


class Frames:
    """Standard input as pygls reads it (`readline`, `read`), made of well-formed frames only.

    pygls reads `Content-Length: N` and a blank line, then N bytes; a frame without Content-Length (or with
    a length beyond MAX_FRAME) would make it read the next frame's header as a body and lose the framing
    for good. Here each frame's headers are read whole: a frame without a usable Content-Length is
    skipped up to the next `Content-Length:` (the resynchronisation), and the server is handed a
    `zan/unframed` notification in its place, which it answers with a JSON-RPC parse error (-32700).
    """

    def __init__(self, raw):
        self.raw = raw
        self.ready = bytearray()
        self.carry = b""                    # the start of the next frame's headers, found while skipping
        self.lost = False                   # a frame without a length was seen: its body is still to be skipped

    def _line(self) -> bytes:
        if self.carry:
            line, self.carry = self.carry, b""
            if not line.endswith(b"\n"):
                line += self.raw.readline(MAX_HEADER_LINE)
            return line
        return self.raw.readline(MAX_HEADER_LINE)

    def _frame(self) -> bool:
        """Reads one frame into `ready` (or the notice of a skipped one); False at the end of the input."""
        import re

        if self.lost:
            self.lost = False
            self._resynchronise()
        length, seen = None, False
        while True:
            line = self._line()
            if not line:
                return False if not seen else self._skipped("the input ended inside a message's headers")
            if line.strip() == b"":
                if not seen:
                    continue                # blank lines between frames
                break
            seen = True
            m = re.match(rb"\s*content-length\s*:\s*(\d{1,12})\s*$", line, re.IGNORECASE)
            if m:
                length = int(m.group(1))
        if length is None:   # said at once; the bytes up to the next frame are dropped when it is read
            self.lost = True
            return self._skipped("a message without a Content-Length header was skipped")
        if length > MAX_FRAME:
            left = length
            while left > 0:
                part = self.raw.read(min(left, 1 << 20))
                if not part:
                    break
                left -= len(part)
            return self._skipped(f"a message of {length} bytes (more than {MAX_FRAME}) was skipped")
        body = self.raw.read(length)
        self.ready += b"Content-Length: %d\r\n\r\n" % len(body) + body
        return True

    def _resynchronise(self) -> None:
        """Drops bytes up to the next `Content-Length:`, which starts the next frame (kept in `carry`)."""
        while True:
            line = self.raw.readline(MAX_HEADER_LINE)
            if not line:
                return
            at = line.lower().find(b"content-length:")
            if at >= 0:
                self.carry = line[at:]
                return

    def _skipped(self, why: str) -> bool:
        import json

        body = json.dumps({"jsonrpc": "2.0", "method": UNFRAMED, "params": {"message": why}}).encode()
        self.ready += b"Content-Length: %d\r\n\r\n" % len(body) + body
        return True

    def readline(self, *_args) -> bytes:
        while b"\n" not in self.ready:
            if not self._frame():
                break
        end = self.ready.find(b"\n") + 1 or len(self.ready)
        line = bytes(self.ready[:end])
        del self.ready[:end]
        return line

    def read(self, n: int = -1) -> bytes:
        while len(self.ready) < n:
            if not self._frame():
                break
        part = bytes(self.ready[:n])
        del self.ready[:n]
        return part


class ZanServer(LanguageServer):
    """pygls' server, which remembers whether the editor asked it to shut down (the exit code says so)."""

    asked_to_shut_down = False


def make_server() -> ZanServer:
    server = ZanServer("zan", engine.__version__, text_document_sync_kind=t.TextDocumentSyncKind.Full)
    documents = Documents()

    @server.feature(UNFRAMED)
    def unframed(ls: LanguageServer, params):
        """A frame Frames had to skip: said to the editor as a parse error (no id: the request is unknown)."""
        message = getattr(params, "message", None) or "a message could not be read"
        ls.protocol._send_data({"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": message}})

    @server.feature(t.INITIALIZE)
    def initialize(ls: LanguageServer, params: t.InitializeParams):
        documents.locale = locale_language(getattr(params, "locale", None))   # the diagnostics' language

    @server.feature(t.SHUTDOWN)
    def shutdown(ls: ZanServer, params):
        ls.asked_to_shut_down = True

    def publish(ls: LanguageServer, uri: str) -> None:
        path = path_of(uri)
        checked = documents.check(path)
        language = documents.language(path)
        ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(
            uri=uri, diagnostics=[lsp_diagnostic(d, language) for d in checked.diagnostics if d.span is not None]))

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: t.DidOpenTextDocumentParams):
        documents.open[path_of(params.text_document.uri).resolve()] = params.text_document.text
        publish(ls, params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: t.DidChangeTextDocumentParams):
        uri = params.text_document.uri
        documents.open[path_of(uri).resolve()] = ls.workspace.get_text_document(uri).source
        publish(ls, uri)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: t.DidSaveTextDocumentParams):
        publish(ls, params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: t.DidCloseTextDocumentParams):
        path = path_of(params.text_document.uri).resolve()
        documents.open.pop(path, None)
        documents.last.pop(path, None)
        ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    def hover(ls: LanguageServer, params: t.HoverParams):
        path = path_of(params.text_document.uri)
        text = documents.hover(path, params.position.line, params.position.character, documents.language(path))
        if text is None:
            return None
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value=text))

    @server.feature(t.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: LanguageServer, params: t.DefinitionParams):
        span = documents.definition(path_of(params.text_document.uri), params.position.line, params.position.character)
        return _location(span) if span is not None else None

    @server.feature(t.TEXT_DOCUMENT_COMPLETION, t.CompletionOptions(trigger_characters=["(", " ", '"']))
    def completion(ls: LanguageServer, params: t.CompletionParams):
        items = [t.CompletionItem(label=label, kind=COMPLETION_KINDS[kind], detail=detail or None, insert_text=insert)
                 for label, kind, detail, insert in documents.completions(path_of(params.text_document.uri),
                                                                          params.position.line, params.position.character)]
        return t.CompletionList(is_incomplete=False, items=items)

    @server.feature(t.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: LanguageServer, params: t.DocumentSymbolParams):
        return [t.DocumentSymbol(name=name, kind=SYMBOL_KINDS[kind], detail=detail or None, range=_range(whole),
                                 selection_range=_range(own))
                for name, kind, detail, whole, own in documents.symbols(path_of(params.text_document.uri))]

    @server.feature(t.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: LanguageServer, params: t.DocumentFormattingParams):
        path = path_of(params.text_document.uri)
        new = documents.formatted(path)
        if new is None:
            return []
        old = documents.open[path.resolve()]
        lines = old.split("\n")
        whole = t.Range(t.Position(0, 0), t.Position(len(lines) - 1, len(lines[-1])))
        return [t.TextEdit(range=whole, new_text=new)]

    return server


def main() -> None:
    """Serves until the editor says `exit`; the process ends with 0 after `shutdown`, 1 without (as the protocol says).

    pygls closes stdout when it stops, so the process ends here, without the interpreter's final flush.
    """
    logging.basicConfig(level=logging.WARNING)
    server = make_server()
    server.start_io(stdin=cast(BinaryIO, Frames(sys.stdin.buffer)))   # pygls reads it by readline and read only
    sys.stderr.flush()
    os._exit(0 if server.asked_to_shut_down else 1)
