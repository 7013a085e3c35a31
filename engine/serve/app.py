"""The Starlette application: the page, its static files and the JSON API (docs/trainers.md, docs/api.md)."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import tempfile
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from engine.base.diagnostics import Diagnostic, ZanError
from engine.syntax.nodes import Query, iso_date
from engine.serve.words import LANGUAGES, WORDS
from engine.serve.workers import Workers

MAX_BODY = 256 * 1024          # bytes a request may submit (a case file, a question, a graded sheet)
MAX_EXERCISES = 50
STATUSES = ("permitted", "prohibited", "discretionary", "undetermined", "obligatory")



def page_words() -> dict[str, dict[str, str]]:
    """The page's words (engine/serve/words.py) with the statuses as the explanations name them, so that
    "was permitted" on a changed answer is in the page's language too."""
    from engine.explain.i18n import MONTHS, WORDS as EXPLAINED, word

    # the month words a date field reads ("27 декабря 2024", "2024 ж. 27 желтоқсан"), as `zan ask` reads them
    months = {f"month {m}": "|".join(forms) for m, forms in MONTHS.items()}
    # a question citing a provision: the heading and what its norms did in an answer ("{norm} decided the status"),
    # the templates `zan ask` fills (engine/explain/render/as_according.py), filled on the page from the answers' JSON
    according = ("according heading", *sorted(key for key in EXPLAINED if key.startswith("fate ")))
    return {language: {**WORDS[language], **{"status " + s: word(s, language) for s in (*STATUSES, "holds")},
                       **{key: word(key, language) for key in ("rests on", "see", "interpreted", *according)}, **months}
            for language in LANGUAGES}


class BadRequest(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


MAX_PASTED = 64                # pasted cases kept in the server's private folder (the oldest go first)


class Workbench:
    """What the server knows: the kb folder, its bundled cases, and a private folder for pasted cases.

    The server makes the private folder (`zan-serve-*` in the temporary folder, mode 0700, with the
    server's pid in it) and removes it when it stops; the folders of servers that were killed are removed
    when the next one starts. It keeps the last MAX_PASTED pasted cases. Its workers (engine/serve/
    workers.py) are given the folder as `scratch`."""

    def __init__(self, kb_dir: Path | None = None, choice=None, scratch: Path | None = None):
        from engine.base.project import choose
        from engine.base.resources import bundled_kb, bundled_settings

        # --kb, the project's, or the bundled one: as the CLI chooses (and says in JSON's "kb")
        self.choice = choice if choice is not None else choose(kb_dir, bundled_kb(), settings=bundled_settings())
        self.kb_dir = self.choice.folder
        self.folder = self.choice.folder
        self._tmp = None
        if scratch is None:
            _sweep_stale()
            self._tmp = tempfile.TemporaryDirectory(prefix="zan-serve-")
            scratch = Path(self._tmp.name)
            (scratch / "server.pid").write_text(str(os.getpid()), encoding="ascii")
        self.scratch = scratch
        self._law = None
        self._settings: tuple | None = None      # (the project's zan.toml, or the bundled kb's own,) read on first use

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()

    def law(self):
        if self._law is None:
            from engine.tools.interview import law
            self._law = law(self.kb_dir)
        return self._law

    def opening(self) -> tuple[str, str]:
        """The question the page opens with and asks, and its date (ISO): `page_question` and `page_date` of the
        knowledge base's settings (`Choice.settings`: the project's zan.toml; without a project, the bundled kb's
        own, installed with it), the law's own example; with --kb, or settings without them, no question and today."""
        if self._settings is None:
            self._settings = (self.choice.settings(),)
        settings = self._settings[0]
        question = settings.page_question if settings is not None and settings.page_question else ""
        day = settings.page_date if settings is not None and settings.page_date else datetime.date.today()
        return question, day.isoformat()

    def bundled(self) -> dict[str, Path]:
        """name -> file, for kb/cases/*.facts and kb/sample/*.facts (relative to the working folder, as the CLI names them)."""
        from engine.syntax.knowledge import display_path, sample_case_files
        files = sample_case_files(self.folder) + sorted(p for p in (self.folder / "cases").glob("*.facts") if p.is_file())
        return {p.stem: Path(display_path(p)) for p in files}

    def case_files(self, body: dict) -> list[Path] | None:
        """The case of a request: a bundled case by name, or facts as text (kept in the private folder)."""
        name, text = body.get("case"), body.get("facts")
        if text is not None:
            if not isinstance(text, str):
                raise BadRequest("facts must be text")
            path = self.scratch / (hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20] + ".facts")
            if not path.exists():
                self._forget_old()
                path.write_text(text, encoding="utf-8")
            return [path]
        if _absent(name):
            return None
        cases = self.bundled()
        if name not in cases:
            raise BadRequest(f"no bundled case named {name!r}; the cases are: {', '.join(cases)}", 404)
        return [cases[name]]

    def _forget_old(self) -> None:
        """Keeps the private folder to the last MAX_PASTED - 1 pasted cases before one more is written."""
        try:
            pasted = sorted(self.scratch.glob("*.facts"), key=lambda p: p.stat().st_mtime_ns)
        except OSError:
            return
        for old in pasted[:max(0, len(pasted) - MAX_PASTED + 1)]:
            with contextlib.suppress(OSError):
                old.unlink()


def _sweep_stale() -> None:
    """Removes the private folders of `zan serve` processes of this user that are no longer running (killed)."""
    import shutil

    for folder in Path(tempfile.gettempdir()).glob("zan-serve-*"):
        try:
            info = folder.lstat()
            if not folder.is_dir() or folder.is_symlink() or info.st_uid != os.geteuid():
                continue
            pid = int((folder / "server.pid").read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            continue
        try:
            os.kill(pid, 0)
            continue                      # still running
        except ProcessLookupError:
            pass
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)


def _absent(value) -> bool:
    """An optional parameter not given: missing, null, or an empty (blank) text, as a cleared field of the page sends it."""
    return value is None or (isinstance(value, str) and not value.strip())


# the parameters whose empty text is a value: the text of a case file (no lines: a case that states nothing)
_TEXT_VALUES = frozenset({"facts"})


def given(body: dict) -> dict:
    """The parameters a request gives: an optional one sent empty (a field of the page the trainer cleared: the
    comparison date, the reading, the topic, ...) is absent, as if not sent; a required one is then said missing."""
    return {key: value for key, value in body.items() if key in _TEXT_VALUES or not _absent(value)}


def _date(value, field: str) -> datetime.date:
    if _absent(value):
        return datetime.date.today()
    try:
        return iso_date(str(value))  # YYYY-MM-DD only, as --at (not 20250115, not a week date)
    except ValueError:
        raise BadRequest(f"{field}: {value!r} is not a date; write YYYY-MM-DD, e.g. 2025-01-15") from None


def _language(value) -> str:
    if _absent(value):
        return "en"
    if value not in LANGUAGES:
        raise BadRequest(f"lang: {value!r} is not one of {', '.join(LANGUAGES)}")
    return value


def _text(value, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadRequest(f"{field}: a text is required")
    return value


def _int(value, field: str, default: int, low: int, high: int) -> int:
    if _absent(value):
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise BadRequest(f"{field}: a whole number from {low} to {high} is required")
    return value


def _facts_list(body: dict, field: str) -> list[str]:
    value = body.get(field) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRequest(f"{field}: a list of facts (texts) is required")
    return [v for v in value if not _absent(v)]   # an empty entry (a cleared field) states nothing


def _reading(body: dict, field: str) -> str | None:
    value = body.get(field)
    if _absent(value):
        return None
    if not isinstance(value, str):
        raise BadRequest(f"{field}: a reading's name is required")
    return value


def _rendered(d: Diagnostic, sources, language: str = "en") -> str:
    try:
        return d.render(sources, language)
    except Exception:  # a diagnostic the renderer cannot place: its message is still said
        return f"error: {d.message} [{d.code}]"


def diagnostics_json(e: ZanError, language: str = "en") -> dict:
    """The diagnostics as JSON; their `text` framed in the request's language ("ошибка: ...", "қате: ...")."""
    sources = e.sources
    return {"errors": [{"code": d.code, "message": d.said(language).message, "text": _rendered(d, sources, language),
                        "file": d.span.file if d.span else None, "line": d.span.line if d.span else None,
                        "column": d.span.column if d.span else None}
                       for d in sorted(e.diagnostics, key=Diagnostic.sort_key)]}


# ------------------------------------------------------------------ what each API call answers (as the CLI)

def answer_json(bench: Workbench, body: dict) -> str:
    """`zan ask QUERY --format json` / `zan query NAME ARGS --format json`, the same text.

    QUERY is an atom or a question in words (engine/tools/understanding.py), as on the command line.
    """
    from engine.explain.render.as_json import render
    from engine.pipeline import Request, fact_atoms, looks_like_atom
    from engine.tools.service import answer_document

    language = _language(body.get("lang"))
    at = _date(body.get("at"), "at")
    title, understood, assumptions = None, None, ()
    query: str | Query
    if body.get("question"):
        from engine.tools.questions import titled
        args = body.get("args") or []
        if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
            raise BadRequest("args: a list of texts is required")
        query, title = titled(_text(body["question"], "question"), args, None, language, bench.kb_dir)
    else:
        text = query = _text(body.get("query"), "query")
        if not looks_like_atom(text):
            words = in_words(bench, body, text, language, detect=_absent(body.get("lang")))
            if "changes" in words:
                return render(words) + "\n"
            language = words["language"]  # lang not given: the question's own language
            query, at, assumptions, understood = words["query"], words["at"] or at, words["assumptions"], words["said"]
            if words["at"] is not None and not _absent(body.get("at")) and words["at"] != _date(body["at"], "at"):
                raise BadRequest(f"the question names the date {words['at'].isoformat()}, at is {body['at']}: give one of them")
    depth = body.get("depth")
    depth = None if _absent(depth) else _int(depth, "depth", 1, 1, 1000)
    steps = bool(body.get("steps"))
    trace_level = body.get("trace") or "full"
    if trace_level not in ("full", "brief", "none"):
        raise BadRequest("trace: one of full, brief, none")
    assumed, retracted, reading = _facts_list(body, "assume"), _facts_list(body, "retract"), _reading(body, "reading")
    how, how_max = body.get("how") or None, body.get("max")
    if how is not None and how not in STATUSES:
        raise BadRequest(f"how: one of {', '.join(STATUSES)}")
    how_max = None if _absent(how_max) else _int(how_max, "max", 1, 1, 1000)
    if understood and (assumed or retracted or reading or how):
        raise BadRequest("assume, retract, reading and how go with a question written as an atom")
    request = Request(query, at, bench.kb_dir, bench.case_files(body), language=language, trace_level=trace_level,
                      depth=depth, steps=steps, assumptions=tuple(assumptions) + tuple(fact_atoms(assumed)),
                      retractions=tuple(fact_atoms(retracted)), reading=reading, how=how, how_max=how_max,
                      machine=True, kb=bench.choice.as_json(), understood=understood, title=title)
    doc = answer_document(request).document   # as `zan ask --format json` (one partition, in the request's worker)
    return render(doc) + "\n"


def in_words(bench: Workbench, body: dict, text: str, language: str, detect: bool = False) -> dict:
    """A question in words, understood as `zan ask` understands it: the query, date, assumptions and language, or
    a diff document. With `detect` (no lang given), the language is the question's own (as `zan ask` without --lang)."""
    from engine.tools.understanding import knowledge, language_of, understood_and_said

    files = bench.case_files(body)
    knowledge_base = knowledge(bench.kb_dir, files)
    if detect:
        language = language_of(text, knowledge_base) or language
    understood, said = understood_and_said(text, knowledge_base, language)
    if understood.between:   # of its question, or of every question the law can be asked ("what changed on D?")
        from engine.tools.diff import words_document
        return words_document(understood, said, bench.kb_dir, files, language=language)
    return {"query": understood.query, "at": understood.at, "assumptions": understood.assumptions, "said": said,
            "language": language,
            "cited": list(dict.fromkeys(nid for _written, _key, ids in understood.according_to for nid in ids))}


def diff_json(bench: Workbench, body: dict) -> str:
    """`zan diff QUERY --from A --to B --format json`, the same text."""
    from engine.explain.render.as_json import render
    from engine.tools.diff import diff, document

    from engine.pipeline import fact_atoms

    language = _language(body.get("lang"))
    versus = _reading(body, "versus_reading")
    if versus is None and (_absent(body.get("from")) or _absent(body.get("to"))):
        raise BadRequest("give from and to (two dates), or versus_reading (two readings)")
    day = _date(body.get("at"), "at")
    start = day if _absent(body.get("from")) else _date(body["from"], "from")
    end = start if _absent(body.get("to")) else _date(body["to"], "to")
    depth = body.get("depth")
    depth = None if _absent(depth) else _int(depth, "depth", 1, 1, 1000)
    query, assumed, said, cited = _text(body.get("query"), "query"), (), None, []
    from engine.pipeline import looks_like_atom
    if not looks_like_atom(query):   # a question in words, understood as `zan ask` understands it
        words = in_words(bench, body, query, language)
        if "changes" in words:          # "what changed between ...": its own dates
            return render(dict(words, kb=bench.choice.as_json())) + "\n"
        query, assumed, said, cited = words["query"], tuple(words["assumptions"]), words["said"], words["cited"]
    result = diff(query, start, end, bench.kb_dir, bench.case_files(body),
                  assumptions=assumed + tuple(fact_atoms(_facts_list(body, "assume"))),
                  retractions=fact_atoms(_facts_list(body, "retract")),
                  reading=_reading(body, "reading"), versus_reading=versus, language=language)
    doc = document(result, language, depth=depth, steps=bool(body.get("steps")))
    if said is not None:
        doc["question"] = said
        if cited:   # a provision cited in the question: what its norms did in each change, on each side (as `zan diff`)
            from engine.tools.diff import according
            according(result, doc, cited, language)
    doc["kb"] = bench.choice.as_json()
    return render(doc) + "\n"


def exercises_json(bench: Workbench, body: dict) -> str:
    """`zan exercises --format json`, the same text."""
    from engine.tools.exercises import generate
    sheet = generate(count=_int(body.get("count"), "count", 5, 1, MAX_EXERCISES),
                     seed=_int(body.get("seed"), "seed", 0, -2**63, 2**63 - 1),
                     topic=body.get("topic") or None, language=_language(body.get("lang")),
                     level=_int(body.get("level"), "level", 1, 1, 2), kb_dir=bench.kb_dir, source=_source(body))
    return json.dumps(sheet, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _source(body: dict) -> str:
    value = body.get("source") or "bundled"
    if value not in ("bundled", "cases"):
        raise BadRequest("source: bundled or cases")
    return value


def grade_json(bench: Workbench, body: dict) -> str:
    from engine.tools.exercises import grade
    exercise, response = body.get("exercise"), body.get("response")
    if not isinstance(exercise, dict) or not isinstance(response, dict) or "answer" not in exercise:
        raise BadRequest("an exercise (as /api/exercises gives it) and a response are required")
    return json.dumps(grade(exercise, response, _language(body.get("lang"))), ensure_ascii=False, indent=2,
                      sort_keys=True) + "\n"


def interview_json(bench: Workbench, body: dict) -> str:
    """The facts the case could state, in words, with the lines where each is already a fact."""
    from engine.syntax.parser import read_source
    from engine.syntax.parser import parse_module
    from engine.tools.interview import by_person, candidates

    language = _language(body.get("lang"))
    files = bench.case_files(body) or []
    text = "".join(read_source(p) for p in files[:1])
    module = parse_module(text, str(files[0]) if files else "<case>")
    law = bench.law()
    # facts the case stated before (unticked since): their persons keep their kinds, so the fact stays offered
    known = parse_module("".join(f.strip().rstrip(".") + ".\n" for f in _facts_list(body, "known")), "<known>")
    groups = candidates(law, module, language, bench.kb_dir, known=known)
    return json.dumps({"case": body.get("case"), "lang": language, "text": text, "groups": groups,
                       "people": by_person(groups, law, language)},
                      ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def cases_json(bench: Workbench, body: dict) -> str:
    """`zan cases QUERY --format json`, the same text."""
    from engine.tools.cases import cases, document, letters

    compare = body.get("compare")
    space = cases(_text(body.get("query"), "query"), _date(body.get("at"), "at"), bench.kb_dir,
                  compare=None if _absent(compare) else _date(compare, "compare"),
                  reading=_reading(body, "reading"), versus_reading=_reading(body, "versus_reading"),
                  assumed=_facts_list(body, "assume"), retracted=_facts_list(body, "retract"),
                  given=_facts_list(body, "given"), language=_language(body.get("lang")))
    doc = document(space, _language(body.get("lang")), names=letters(space, _language(body.get("lang")), new_only=True))
    doc["kb"] = bench.choice.as_json()
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def vocabulary_json(bench: Workbench, body: dict) -> str:
    """`zan vocabulary --format json`, the same text."""
    from engine.tools.understanding import knowledge
    from engine.tools.vocabulary import vocabulary

    data = vocabulary(knowledge(bench.kb_dir, bench.case_files(body)), _language(body.get("lang")))
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def readings_json(bench: Workbench, body: dict) -> str:
    """The kb's named readings (for the page's reading menu): name, label in the language, default."""
    from engine.syntax import nodes as n

    language = _language(body.get("lang"))
    rows = [{"name": r.name, "label": n.label_of(r.labels, language, r.name), "default": r.default}
            for r in sorted(bench.law().readings.values(), key=lambda r: r.name)]
    return json.dumps({"readings": rows}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def how_json(bench: Workbench, body: dict) -> str:
    """`zan ask QUERY --how STATUS --format json`: /api/ask with `how` (default `permitted`)."""
    return answer_json(bench, dict(body, how=body.get("how") or "permitted"))


def timeline_json(bench: Workbench, body: dict) -> str:
    """The change days; `amends`: the law in force changed that day (engine/tools/timeline.amending_days), the
    days the page's comparisons start from."""
    from engine.tools.timeline import amending_days, change_days
    law = bench.law()
    amending = {d.date for d in amending_days(law)}
    return json.dumps({"days": [dict(d.as_json(), amends=d.date in amending) for d in change_days(law)]},
                      ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def questions_json(bench: Workbench, body: dict) -> str:
    from engine.base.resources import default_queries
    from engine.syntax import nodes as n
    from engine.syntax.knowledge import load

    language = _language(body.get("lang"))
    kb = load(sorted(q for q in default_queries().glob("*.zan") if q.is_file()))
    rows = [{"name": q.name, "parameters": list(q.parameters), "title": n.label_of(q.labels, language),
             "asks": (f"{q.query.status} " if q.query.status else "") + str(q.query.atom)}
            for q in sorted(kb.questions.values(), key=lambda q: q.name)]
    return json.dumps({"questions": rows}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def sheet_text(bench: Workbench, body: dict) -> str:
    """The printable exercise sheet (`zan exercises --format html`) for the /sheet page's query parameters."""
    from engine.tools.exercises import generate, sheet_html

    body = dict(body)
    for key in ("count", "seed", "level"):
        if key in body:
            try:
                body[key] = int(body[key])
            except (TypeError, ValueError):
                raise BadRequest(f"{key}: a whole number is required") from None
    sheet_ = generate(count=_int(body.get("count"), "count", 5, 1, MAX_EXERCISES),
                      seed=_int(body.get("seed"), "seed", 0, -2**63, 2**63 - 1),
                      topic=body.get("topic") or None, language=_language(body.get("lang")),
                      level=_int(body.get("level"), "level", 1, 1, 2), kb_dir=bench.kb_dir,
                      source=_source(body))
    return sheet_html(sheet_, key=body.get("key", "1") != "0")


JSON_TYPE = "application/json; charset=utf-8"


def _errors(content: dict) -> str:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))


def respond(bench: Workbench, name: str, body: dict) -> tuple[int, str, str]:
    """One API call (or "sheet", the exercise sheet) as the server answers it: (status, media type, text).
    Every failure is a status and a message, never a traceback; MemoryError is left to the caller (the
    worker's budget, engine/serve/workers.py)."""
    language = body["lang"] if body.get("lang") in LANGUAGES else "en"
    body = given(body)
    try:
        if name == "sheet":
            return 200, "text/html; charset=utf-8", sheet_text(bench, body)
        return 200, JSON_TYPE, API[name](bench, body)
    except BadRequest as e:
        return e.status, JSON_TYPE, _errors({"errors": [{"message": str(e)}]})
    except ZanError as e:
        return 422, JSON_TYPE, _errors(diagnostics_json(e, language))
    except RecursionError:
        return 422, JSON_TYPE, _errors({"errors": [{"message": "the input is nested too deeply to process"}]})
    except MemoryError:
        raise
    except Exception as e:  # a bug of ours: said plainly, never a traceback
        return 500, JSON_TYPE, _errors({"errors": [{"message": f"internal error: {type(e).__name__}: {e}"}]})


def work(connection, kb_dir, choice, scratch: str, memory: int) -> None:
    """A worker process of the server (engine/serve/workers.py): its own workbench on the server's private folder."""
    from engine.serve.workers import answer_forever

    bench = Workbench(kb_dir, choice, scratch=Path(scratch))
    answer_forever(connection, lambda name, body: respond(bench, name, body), memory)


def general_json(bench: Workbench, body: dict) -> str:
    """A general question in words (`zan ask QUESTION --format json` about no named
    person, without a case): the case space given what the question says, with the conditions per status in words."""
    from engine.tools.cases import general_document, general_question

    language = _language(body.get("lang"))
    text = _text(body.get("query"), "query")
    found = general_question(text, bench.kb_dir, language)
    if found is None:
        raise BadRequest("the question names someone or asks nothing general: ask it in the answers view")
    understood, kb = found
    doc = general_document(understood, kb, _date(body.get("at"), "at"), bench.kb_dir, language, _reading(body, "reading"))
    doc["kb"] = bench.choice.as_json()
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


API = {"ask": answer_json, "general": general_json, "how": how_json, "diff": diff_json, "cases": cases_json, "vocabulary": vocabulary_json,
       "exercises": exercises_json, "grade": grade_json, "interview": interview_json, "timeline": timeline_json,
       "questions": questions_json, "readings": readings_json}


# ------------------------------------------------------------------ the application

async def read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise BadRequest(f"the request is larger than {MAX_BODY} bytes, the limit of this server", 413)
    from starlette.requests import ClientDisconnect

    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY:
                raise BadRequest(f"the request is larger than {MAX_BODY} bytes, the limit of this server", 413)
            chunks.append(chunk)
    except ClientDisconnect:  # gone, or cut off for sending its body too slowly (engine/serve/server.py)
        raise BadRequest("the request's body did not arrive in time", 408) from None
    return b"".join(chunks)


def request_json(raw: bytes) -> dict:
    """The JSON object of a request body; anything else (not UTF-8, not JSON, a number of more than 4300 digits,
    a lone surrogate, not an object) is a BadRequest, never an internal error."""
    try:
        body = json.loads(raw.decode("utf-8")) if raw.strip() else {}
    except (UnicodeDecodeError, ValueError, RecursionError) as e:   # also int() beyond 4300 digits, deep nesting
        raise BadRequest(f"the request body is not JSON: {e}") from None
    if not isinstance(body, dict):
        raise BadRequest("the request body must be a JSON object")
    try:
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as e:
        raise BadRequest(f"the request holds a lone surrogate ({e.object[e.start:e.end]!r}), which is not text") from None
    except (ValueError, RecursionError):
        raise BadRequest("the request body is nested too deeply") from None
    return body


def guards(host: str | None) -> list:
    """The middleware every request passes first: who may call (Host, Origin, Sec-Fetch-Site, POST JSON for the
    API) and the security headers of every response (engine/serve/security.py)."""
    from starlette.middleware import Middleware

    from engine.serve.security import Guard, allowed_hosts

    return [Middleware(Guard, hosts=allowed_hosts(host))]


def create_app(kb_dir: Path | None = None, choice=None, host: str | None = None) -> Starlette:
    """The application; `host` is the address given with --host (it may also be named in the Host header)."""
    bench = Workbench(kb_dir, choice)
    package = resources.files("engine.serve")
    templates = Environment(loader=FileSystemLoader(str(package / "templates")),
                            autoescape=select_autoescape(["html"]))

    workers = Workers(work, (bench.kb_dir, bench.choice, str(bench.scratch)))

    async def api(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in API:
            return JSONResponse({"errors": [{"message": f"no API call /api/{name}; the calls are: {', '.join(API)}"}]},
                                status_code=404)
        try:
            body = request_json(await read_body(request))   # a POST with a JSON body only (engine/serve/security.py)
        except BadRequest as e:
            return JSONResponse({"errors": [{"message": str(e)}]}, status_code=e.status)
        status, kind, text = await workers.call(name, body)  # off the event loop, within a budget
        return Response(text, status_code=status, media_type=kind)

    async def page(request: Request) -> Response:
        language = request.query_params.get("lang", "en")
        if language not in LANGUAGES:
            language = "en"
        words = page_words()
        question, day = bench.opening()
        html = templates.get_template("index.html").render(
            lang=language, words=words, words_json=json.dumps(words, ensure_ascii=False).replace("<", "\\u003c"),
            cases=list(bench.bundled()), max_body=MAX_BODY, question=question, day=day)
        return HTMLResponse(html)

    async def sheet(request: Request) -> Response:
        status, kind, text = await workers.call("sheet", dict(request.query_params))
        return Response(text, status_code=status, media_type=kind)

    routes = [Route("/", page), Route("/sheet", sheet),
              Route("/api/{name}", api, methods=["POST"]),
              Mount("/static", StaticFiles(directory=str(package / "static")), name="static")]
    @contextlib.asynccontextmanager
    async def lifespan(app):
        try:
            await workers.start()
            yield
        finally:
            await workers.stop()
            bench.close()

    app = Starlette(routes=routes, lifespan=lifespan, middleware=guards(host))
    app.state.bench = bench
    return app
