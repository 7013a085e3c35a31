"""`zan lsp` driven as an editor drives it: a child process, JSON-RPC with Content-Length framing on its
stdin/stdout (initialize, didOpen, publishDiagnostics, hover, definition, completion, documentSymbol,
formatting, didChange, shutdown, exit)."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from conftest import ROOT  # noqa: E402


class Editor:
    """A minimal LSP client: requests with ids, notifications, and a reader thread for the server's messages."""

    def __init__(self, cwd: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "engine", "lsp"], cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.process.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, value = line.split(":", 1)
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict | None) -> object:
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        while True:
            message = self.messages.get(timeout=60)
            if message.get("id") == wanted and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            self.pending.append(message)

    pending: list = []

    def notification(self, method: str, uri: str | None = None) -> dict:
        for i, m in enumerate(self.pending):
            if m.get("method") == method and (uri is None or m["params"].get("uri") == uri):
                return self.pending.pop(i)["params"]
        while True:
            message = self.messages.get(timeout=60)
            if message.get("method") == method and (uri is None or message["params"].get("uri") == uri):
                return message["params"]
            self.pending.append(message)


def _uri(path: Path) -> str:
    return path.resolve().as_uri()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lsp") / "law"
    done = subprocess.run([sys.executable, "-m", "engine", "init", str(folder)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="module")
def editor(project):
    e = Editor(project)
    e.pending = []
    result = e.request("initialize", {"processId": None, "rootUri": _uri(project), "capabilities": {}})
    caps = result["capabilities"]
    for capability in ("hoverProvider", "definitionProvider", "completionProvider", "documentSymbolProvider",
                       "documentFormattingProvider"):
        assert caps.get(capability), (capability, caps)
    e.notify("initialized", {})
    yield e
    assert e.request("shutdown", None) is None
    e.notify("exit", {})
    assert e.process.wait(timeout=30) == 0


def _open(editor: Editor, path: Path, text: str | None = None) -> dict:
    text = path.read_text(encoding="utf-8") if text is None else text
    editor.notify("textDocument/didOpen", {"textDocument": {"uri": _uri(path), "languageId": "zan", "version": 1,
                                                            "text": text}})
    return editor.notification("textDocument/publishDiagnostics", _uri(path))


def _position(text: str, needle: str, offset: int = 0) -> dict:
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return {"line": line, "character": index - (text.rfind("\n", 0, index) + 1)}


def test_a_clean_file_has_no_diagnostics(editor, project):
    assert _open(editor, project / "kb" / "law.zan")["diagnostics"] == []


def test_diagnostics_as_you_type_with_the_codes_of_zan_check(editor, project):
    law = project / "kb" / "law.zan"
    text = law.read_text(encoding="utf-8")
    typed = text.replace("and book(I).", "and bok(I).")
    editor.notify("textDocument/didChange", {"textDocument": {"uri": _uri(law), "version": 2},
                                             "contentChanges": [{"text": typed}]})
    [d] = editor.notification("textDocument/publishDiagnostics", _uri(law))["diagnostics"]
    assert d["code"] == "undefined-predicate" and d["source"] == "zan" and d["severity"] == 1
    assert d["message"].startswith("unknown predicate bok") and "did you mean book?" in d["message"]
    assert d["range"]["start"] == _position(typed, "bok(I)")
    # a duplicate: the related location points at the first declaration
    doubled = text + "\nnorm example.1.borrow\n  cites \"example 1\"\n  kk \"x\" ru \"x\" en \"x\".\n"
    editor.notify("textDocument/didChange", {"textDocument": {"uri": _uri(law), "version": 3},
                                             "contentChanges": [{"text": doubled}]})
    found = editor.notification("textDocument/publishDiagnostics", _uri(law))["diagnostics"]
    [duplicate] = [d for d in found if d["code"] == "duplicate-id"]
    [related] = duplicate["relatedInformation"]
    assert related["location"]["uri"] == _uri(law)
    assert related["location"]["range"]["start"]["line"] == _position(text, "norm example.1.borrow")["line"]
    # a syntax error, where it is
    broken = text.replace("and book(I).", "and book(I)")
    editor.notify("textDocument/didChange", {"textDocument": {"uri": _uri(law), "version": 4},
                                             "contentChanges": [{"text": broken}]})
    [syntax] = editor.notification("textDocument/publishDiagnostics", _uri(law))["diagnostics"]
    assert syntax["code"] == "syntax"
    editor.notify("textDocument/didChange", {"textDocument": {"uri": _uri(law), "version": 5},
                                             "contentChanges": [{"text": text}]})
    assert editor.notification("textDocument/publishDiagnostics", _uri(law))["diagnostics"] == []


def test_hover_on_a_norm_a_predicate_and_a_citation(editor, project):
    law = project / "kb" / "law.zan"
    _open(editor, law)   # from disk: the test holds on any worker, after any other
    text = law.read_text(encoding="utf-8")
    uri = _uri(law)
    norm = editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": _position(text, "exception to example.1.borrow", 16)})
    value = norm["contents"]["value"]
    assert "**norm** `example.1.borrow` — cites `example 1`" in value and "A member may borrow a book." in value
    assert "declared at kb/law.zan:" in value or "declared at " in value
    predicate = editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                      "position": _position(text, "reference_book(I).", 2)})
    assert "**predicate** `reference_book(Item)`" in predicate["contents"]["value"]
    assert "reference book" in predicate["contents"]["value"]
    citation = editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": _position(text, 'cites "example 2"', 9)})
    assert "**citation** `example 2` — Example rules (rank 10)" in citation["contents"]["value"]


def test_definition_of_an_exception_target_a_predicate_and_an_act(editor, project):
    law = project / "kb" / "law.zan"
    _open(editor, law)   # from disk: the test holds on any worker, after any other
    text = law.read_text(encoding="utf-8")
    uri = _uri(law)
    target = editor.request("textDocument/definition", {"textDocument": {"uri": uri},
                                                        "position": _position(text, "exception to example.1.borrow", 20)})
    assert target["uri"] == uri and target["range"]["start"] == _position(text, "example.1.borrow")
    case = project / "kb" / "cases" / "example.facts"
    case_text = case.read_text(encoding="utf-8")
    assert _open(editor, case)["diagnostics"] == []
    predicate = editor.request("textDocument/definition", {"textDocument": {"uri": _uri(case)},
                                                           "position": _position(case_text, "member(aigerim)", 1)})
    assert predicate["uri"] == uri and predicate["range"]["start"] == _position(text, "member(Person)")
    act = editor.request("textDocument/definition", {"textDocument": {"uri": uri},
                                                     "position": _position(text, 'cites "example 1"', 8)})
    assert act["range"]["start"] == _position(text, "example\n")


def test_completion_offers_predicates_with_arguments_and_declarations_where_a_statement_begins(editor, project):
    law = project / "kb" / "law.zan"
    _open(editor, law)   # from disk: the test holds on any worker, after any other
    result = editor.request("textDocument/completion", {"textDocument": {"uri": _uri(law)},
                                                        "position": {"line": 0, "character": 0}})
    items = {i["label"]: i for i in result["items"]}   # the start of a statement: a declaration or a fact
    assert items["borrow"]["insertText"] == "borrow(Person, Item)" and items["borrow"]["kind"] == 3
    assert {"norm", "predicate", "act"} <= set(items) and "example.2.reference" not in items


NEW_NORM = '''
norm example.3.late
  cites "example 1"
  en "Late."
  exception to example.1.borrow
  prohibited borrow(P, I)
  if member(P) and book(I).
'''


@pytest.mark.parametrize("at, offered, not_offered", [
    ("exception to ", {"example.1.borrow", "example.2.reference"}, {"borrow", "permitted", "cites", "member"}),
    ("exception to example.1.b", {"example.1.borrow"}, {"example.2.reference"}),
    ("if member(P) and ", {"member", "book", "borrow", "reference_book"}, {"example.1.borrow", "permitted", "cites"}),
    ("if mem", {"member"}, {"book", "borrow", "example.1.borrow"}),
    ("prohibited ", {"borrow", "member"}, {"permitted", "example.1.borrow"}),
    ('cites "', {"example 1", "example 2"}, {"borrow", "example.1.borrow", "cites"}),
    ('cites "example 2', {"example 2"}, {"example 1"}),
    ('en "Late."\n  ', {"cites", "exception to", "permitted", "prohibited"}, {"borrow", "example.1.borrow"}),
    ('en "Late."\n  ex', {"exception to"}, {"cites", "permitted"}),
    ("if(P) and book(I).\n", {"norm", "predicate", "member"}, {"example.1.borrow", "cites"}),
])
def test_completion_is_filtered_by_context_and_prefix(editor, project, at, offered, not_offered):
    """Issue 24, item 5: after `exception to` norms only; in a condition predicates only; in `cites "`
    citation keys; keywords where a keyword can stand; always only what begins with the word begun."""
    law = project / "kb" / "late.zan"
    # the document: the new norm up to where `at` begins to differ from it, then `at`'s rest (the cursor)
    common = max(k for k in range(len(at) + 1) if at[:k] in NEW_NORM)
    text = NEW_NORM[:NEW_NORM.index(at[:common]) + common] + at[common:]
    lines = text.split("\n")
    items = _complete_at(editor, law, text + "\n", {"line": len(lines) - 1, "character": len(lines[-1])})
    assert offered <= set(items), sorted(items)
    assert not (not_offered & set(items)), sorted(items)
    editor.notify("textDocument/didClose", {"textDocument": {"uri": _uri(law)}})
    editor.notification("textDocument/publishDiagnostics", _uri(law))


def _complete_at(editor, path: Path, text: str, position: dict) -> dict:
    _open(editor, path, text)
    result = editor.request("textDocument/completion", {"textDocument": {"uri": _uri(path)}, "position": position})
    return {i["label"]: i for i in result["items"]}


def test_document_symbols(editor, project):
    law = project / "kb" / "law.zan"
    _open(editor, law)   # from disk: the test holds on any worker, after any other
    symbols = editor.request("textDocument/documentSymbol", {"textDocument": {"uri": _uri(law)}})
    names = [(s["name"], s["kind"]) for s in symbols]
    assert names == [("example", 2), ("member(Person)", 12), ("book(Item)", 12), ("reference_book(Item)", 12),
                     ("borrow(Person, Item)", 12), ("example.1.borrow", 5), ("example.2.reference", 5)]


def test_formatting_is_zan_fmt(editor, project):
    case = project / "kb" / "cases" / "example.facts"
    messy = "member(aigerim) .\nbook( abai_path).\n"
    _open(editor, case, messy)
    edits = editor.request("textDocument/formatting", {"textDocument": {"uri": _uri(case)},
                                                       "options": {"tabSize": 2, "insertSpaces": True}})
    [edit] = edits
    assert edit["newText"] == "member(aigerim).\nbook(abai_path).\n"
    assert edit["range"]["start"] == {"line": 0, "character": 0}


def test_a_case_file_stating_a_conclusion_is_flagged(editor, project):
    case = project / "kb" / "cases" / "wrong.facts"
    found = _open(editor, case, "member(aigerim).\nborrow(aigerim, abai_path).\n")["diagnostics"]
    assert [d["range"]["start"]["line"] for d in found] == [1], found


def test_the_vscode_extension_starts_zan_lsp_with_the_grammar():
    package = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text(encoding="utf-8"))
    setting = package["contributes"]["configuration"]["properties"]["zan.server.command"]
    assert setting["default"] == ["zan", "lsp"]
    [language] = package["contributes"]["languages"]
    assert set(language["extensions"]) == {".zan", ".facts", ".scenario"}
    [grammar] = package["contributes"]["grammars"]
    path = (ROOT / "editors" / "vscode" / grammar["path"]).resolve()
    assert path == (ROOT / "editors" / "zan.tmLanguage.json").resolve()
    assert json.loads(path.read_text(encoding="utf-8"))["scopeName"] == grammar["scopeName"]
    assert "zan.server.command" in (ROOT / "editors" / "vscode" / "extension.js").read_text(encoding="utf-8")


def test_hover_on_a_constant_in_the_checkout_kb(editor):
    """A document of another project (the checkout's kb/) is checked with that project's knowledge base."""
    pec = ROOT / "kb" / "pec.zan"
    text = pec.read_text(encoding="utf-8")
    assert _open(editor, pec)["diagnostics"] == []
    value = editor.request("textDocument/hover", {"textDocument": {"uri": _uri(pec)},
                                                  "position": _position(text, "social_ties)", 2)})["contents"]["value"]
    assert value.startswith("**constant** `social_ties`") and "maintaining social ties" in value


def test_a_scenario_file_gets_the_scenario_grammar_s_diagnostics_and_layout(editor, project):
    path = project / "kb" / "scenarios" / "typed.scenario"
    [d] = _open(editor, path, "scenario x\n  at 2025-03-01\n  expect borrow(a, b) is allowed.\n")["diagnostics"]
    assert d["code"] == "syntax" and "expected a status" in d["message"]
    assert d["range"]["start"] == {"line": 2, "character": 25}
    messy = "scenario x  at 2025-03-01\n  expect borrow(a,b) is permitted.\n"
    editor.notify("textDocument/didChange", {"textDocument": {"uri": _uri(path), "version": 2},
                                             "contentChanges": [{"text": messy}]})
    assert editor.notification("textDocument/publishDiagnostics", _uri(path))["diagnostics"] == []
    [edit] = editor.request("textDocument/formatting", {"textDocument": {"uri": _uri(path)},
                                                        "options": {"tabSize": 2, "insertSpaces": True}})
    assert edit["newText"] == "scenario x\n  at 2025-03-01\n  expect borrow(a, b) is permitted.\n"


def test_a_scenario_naming_an_unknown_norm_is_flagged_as_zan_test_would(editor, project):
    path = project / "kb" / "scenarios" / "unknown.scenario"
    text = "scenario x\n  at 2025-03-01\n  expect borrow(a, b) is permitted\n    decided by example.1.borow.\n"
    [d] = _open(editor, path, text)["diagnostics"]
    assert d["code"] == "invalid-scenario" and "no norm example.1.borow" in d["message"]
    assert "did you mean example.1.borrow?" in d["message"]
    assert d["range"]["start"]["line"] == 3


def test_definition_and_hover_from_a_scenario(editor, project):
    path = project / "kb" / "scenarios" / "example.scenario"
    text = path.read_text(encoding="utf-8")
    assert _open(editor, path)["diagnostics"] == []
    law = project / "kb" / "law.zan"
    _open(editor, law)   # from disk: the test holds on any worker, after any other
    target = editor.request("textDocument/definition", {"textDocument": {"uri": _uri(path)},
                                                        "position": _position(text, "decided by example.2.reference", 12)})
    assert target["uri"] == _uri(law)
    assert target["range"]["start"] == _position(law.read_text(encoding="utf-8"), "example.2.reference\n")
    hover = editor.request("textDocument/hover", {"textDocument": {"uri": _uri(path)},
                                                  "position": _position(text, 'cites "example 1"', 8)})
    assert "**citation** `example 1`" in hover["contents"]["value"]


def test_a_project_whose_law_others_can_write_is_ignored_with_a_warning(editor, tmp_path):
    folder = tmp_path / "shared-law"
    done = subprocess.run([sys.executable, "-m", "engine", "init", str(folder)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (folder / "kb").chmod(0o777)                        # anyone may plant law here
    found = _open(editor, folder / "kb" / "law.zan")["diagnostics"]
    assert [d["code"] for d in found] == ["project-ignored"], found
    assert "other users can write" in found[0]["message"] and found[0]["severity"] == 2


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_among_the_saved_questions_blocks_nothing(editor, tmp_path):
    import os

    folder = tmp_path / "fifo-law"
    done = subprocess.run([sys.executable, "-m", "engine", "init", str(folder)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    os.mkfifo(folder / "queries" / "waiting.zan")
    assert _open(editor, folder / "kb" / "law.zan")["diagnostics"] == []


def test_a_frame_without_content_length_is_answered_and_the_framing_recovers(tmp_path):
    """A frame without Content-Length (then a well-formed one): a parse error (-32700), then answers again."""
    editor = Editor(ROOT)
    editor.pending = []
    try:
        editor.request("initialize", {"processId": None, "rootUri": _uri(ROOT), "capabilities": {}})
        body = json.dumps({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}).encode()
        editor.process.stdin.write(b"Content-Type: application/vscode-jsonrpc\r\n\r\n" + body)
        editor.process.stdin.flush()
        while True:
            message = editor.messages.get(timeout=60)
            if "error" in message:
                break
        assert message["error"]["code"] == -32700 and message["id"] is None
        assert "Content-Length" in message["error"]["message"]
        assert editor.request("shutdown", None) is None     # the next frame is read as a frame
        editor.notify("exit", {})
        assert editor.process.wait(timeout=30) == 0
    finally:
        if editor.process.poll() is None:
            editor.process.kill()


def test_document_symbols_name_kinds_and_the_kinds_parameters_take(editor, project):
    """Issue 24, item 10: a `kind` declaration is a symbol; a predicate's symbol shows the kinds its parameters take."""
    doc = project / "kinds-outline.zan"
    _open(editor, doc, 'kind person en "person".\nkind relative is person en "relative".\n'
                       'predicate ill(Someone: relative, Day) en "ill" reads en "{Someone} is ill on {Day}".\n')
    symbols = editor.request("textDocument/documentSymbol", {"textDocument": {"uri": _uri(doc)}})
    names = [(s["name"], s["kind"]) for s in symbols]
    assert names == [("person", 26), ("relative", 26), ("ill(Someone: relative, Day)", 12)]


def test_completion_offers_kinds_after_a_parameters_colon_and_a_kinds_is(editor, project):
    """Issue 24, item 10: a kind stands after `Person:` in a predicate's parameters and after `kind NAME is`."""
    declared = project / "kb" / "kinds.zan"   # the kinds, in another file of the kb (as kb/vocabulary.zan has them)
    declared.write_text('kind person en "person".\nkind relative is person en "relative".\n', encoding="utf-8")
    law = project / "kb" / "typing.zan"
    try:
        for typed, offered in (('predicate ill(Someone: re', {"relative"}), ('predicate ill(Someone: ', {"person", "relative"}),
                               ('kind parent is ', {"person", "relative"})):
            items = _complete_at(editor, law, typed + "\n", {"line": 0, "character": len(typed)})
            assert set(items) == offered, (typed, sorted(items))
            assert all(items[k]["kind"] == 25 for k in offered)      # CompletionItemKind.TypeParameter
    finally:
        declared.unlink()
        editor.notify("textDocument/didClose", {"textDocument": {"uri": _uri(law)}})
        editor.notification("textDocument/publishDiagnostics", _uri(law))
