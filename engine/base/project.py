"""Projects: a `zan.toml` found upward from the working folder says where a rule author's law lives.

Like git, ruff or Catala's clerk, Zan looks for `zan.toml` in the working folder and then in each
parent. The file names, relative to itself, the knowledge-base folder, the scenario, question and
case folders, the default language, the readings and what the trainers' page opens with; every key is optional:

    [project]
    name = "my-law"
    kb = "kb"                      # the folder whose *.zan files are the law
    scenarios = ["kb/scenarios"]   # where `zan test` looks for *.scenario files
    questions = ["queries"]        # saved questions (`zan query`)
    cases = ["kb/cases"]           # case files `zan check` checks against the law
    lang = "en"                    # the default of --lang
    readings = []                  # readings taken by default (where the knowledge base declares some)
    page_question = "q(a, X)"       # the question the trainers' page (`zan serve`) opens with and asks
    page_date = "2025-01-15"        # its date (default: the day it is opened)

Where no project is found, the knowledge base bundled with Zan is used, with its own settings: the checkout's
zan.toml, installed beside it (`Choice.settings`, `settings_of`); `--kb` wins over both.
Every command says which knowledge base it used (`Choice.describe`, one line on stderr; `"kb"` in JSON).
This module may import only the standard library and engine.base.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import stat
from dataclasses import field
from engine.base.records import dataclass
from typing import TYPE_CHECKING

from engine.base.inputs import read_bytes
from engine.base.diagnostics import Diagnostic, ZanError
from engine.base.messages import LANGUAGES, message
from engine.base.places import as_path, plain, relative
from engine.base.source import Span

if TYPE_CHECKING:
    from pathlib import Path

FILENAME = "zan.toml"
KEYS = {"name": str, "kb": str, "scenarios": list, "questions": list, "cases": list, "lang": str, "readings": list,
        "page_question": str, "page_date": str}


@dataclass(frozen=True)
class Project:
    """A zan.toml read: every folder absolute, resolved against the file's own folder.

    The places are kept as strings (`file_name`, `kb_folder`, ...: a question finds its project and law without
    importing pathlib); `file`, `kb`, `scenarios`, `questions`, `cases` and `root` give them as `pathlib.Path`s."""

    file_name: str
    name: str | None
    kb_folder: str
    scenario_folders: tuple[str, ...]
    question_folders: tuple[str, ...]
    case_folders: tuple[str, ...]
    lang: str | None
    readings: tuple[str, ...] = field(default_factory=tuple)
    page_question: str | None = None           # what the trainers' page opens with (the law's own example)
    page_date: datetime.date | None = None

    @property
    def file(self) -> Path:
        return as_path(self.file_name)

    @property
    def kb(self) -> Path:
        return as_path(self.kb_folder)

    @property
    def scenarios(self) -> tuple[Path, ...]:
        return tuple(as_path(f) for f in self.scenario_folders)

    @property
    def questions(self) -> tuple[Path, ...]:
        return tuple(as_path(f) for f in self.question_folders)

    @property
    def cases(self) -> tuple[Path, ...]:
        return tuple(as_path(f) for f in self.case_folders)

    @property
    def root(self) -> Path:
        return as_path(os.path.dirname(self.file_name))


@dataclass(frozen=True)
class Refusal:
    """A zan.toml that was found but not used, and why (said as a warning: `Choice.describe`, `zan lsp`)."""

    file: str
    reason: str          # a key of engine/base/messages.py ("project link", "project owner", ...)
    where: str           # the file or folder that failed the check

    def describe(self, language: str = "en") -> str:
        return message("project ignored", language, file=_shown(self.file),
                       why=message(self.reason, language, where=_shown(self.where)))

    def said(self) -> str:
        """The refusal as a diagnostic's message (project-ignored), said in the reader's language where shown."""
        return message("project-ignored", file=_shown(self.file), why=message(self.reason, where=_shown(self.where)))


_REFUSED: dict[str, Refusal] = {}


def find(start: Path | str | None = None) -> Path | None:
    """The nearest zan.toml in the folder `start` (default: the working folder) or one of its parents.

    The nearest one is the only candidate: if it fails the trust check (`refusal`), there is no project
    (never a farther one, as git stops at a repository it does not trust) and `refused(start)` says why.
    """
    found = _find(start)
    return None if found is None else as_path(found)


def _here(start) -> str:
    """`Path(start or Path.cwd()).absolute().resolve()` as a string; OSError if the working folder is gone."""
    return os.path.realpath(plain(start) if start else os.getcwd())


def _upward(path: str) -> list[str]:
    """An absolute path and each of its parents (`(path, *path.parents)`)."""
    chain = [path]
    while os.path.dirname(chain[-1]) != chain[-1]:
        chain.append(os.path.dirname(chain[-1]))
    return chain


def _find(start) -> str | None:
    if os.environ.get("ZAN_NO_PROJECT") == "1":
        return None
    try:
        here = _here(start)
    except OSError:
        return None
    _REFUSED.pop(here, None)
    for folder in _upward(here):
        candidate = os.path.join(folder, FILENAME)
        try:
            info = os.lstat(candidate)
        except OSError:
            continue
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
            continue
        problem = _file_refusal(candidate, info)
        if problem is not None:
            _REFUSED[here] = problem
            return None
        return candidate
    return None


def refused(start: Path | str | None = None) -> Refusal | None:
    """Why the nearest zan.toml above `start` was ignored by the last `find`/`current` from there, if it was."""
    try:
        here = _here(start)
    except OSError:
        return None
    return _REFUSED.get(here)


def _mine(info: os.stat_result) -> bool:
    """Owned by the user running Zan (the effective uid) or root, and writable by no one else."""
    return info.st_uid in (os.geteuid(), 0) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _file_refusal(path: Path | str, info: os.stat_result) -> Refusal | None:
    path = plain(path)
    if stat.S_ISLNK(info.st_mode):
        return Refusal(path, "project link", path)
    if info.st_uid not in (os.geteuid(), 0):
        return Refusal(path, "project owner", path)
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return Refusal(path, "project writable", path)
    if info.st_nlink != 1:
        return Refusal(path, "project hard link", path)
    return None


def trusted(path: Path | str) -> bool:
    """Whether a zan.toml may say where the law is: a regular file (not a link, one name), owned by this user
    (or root) and writable by no one else.

    A project file found above the working folder decides which knowledge base answers; one planted by
    another user (in /tmp, a shared folder), or a link planted there to a file of ours, would make Zan
    answer from their law. Such a file is ignored, as git ignores a repository another user owns
    (SECURITY.md); the `kb:` line then names the bundled knowledge base and says why.
    """
    try:
        return _file_refusal(path, os.lstat(path)) is None
    except OSError:
        return False


def folder_refusal(project: "Project") -> Refusal | None:
    """The first folder or file of the project's law (kb, saved questions, scenarios, cases) that another user
    owns or can write, following links as the readers do; None if there is none.

    Each folder is walked once (links to folders followed once, as `Path.rglob` does; a folder named twice, or
    inside another named, is not walked again); a link is judged by what it points to and by the folder that
    holds its target. The folders are listed, never opened as files, so a FIFO there blocks nothing.
    """
    seen: set[tuple[int, int]] = set()
    for top in (project.kb_folder, *project.question_folders, *project.scenario_folders, *project.case_folders):
        try:
            info = os.stat(top)
        except OSError:
            continue  # a folder that does not exist holds nothing (read() reports a missing kb)
        if not _mine(info):
            return Refusal(project.file_name, "project folder", top)
        key = (info.st_dev, info.st_ino)
        if key in seen:
            continue  # walked already: the scenarios and cases are folders of the kb's by default
        seen.add(key)
        pending = [top]
        while pending:
            folder = pending.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                try:
                    info = entry.stat()  # follows a link
                except OSError:
                    continue  # a dangling link names nothing the readers could read
                key = (info.st_dev, info.st_ino)
                if entry.is_symlink():
                    parent = os.path.dirname(os.path.realpath(entry.path))
                    try:
                        holder = os.stat(parent)
                    except OSError:
                        continue
                    if not _mine(holder):
                        return Refusal(project.file_name, "project folder", parent)
                if not _mine(info):
                    return Refusal(project.file_name, "project folder", plain(entry.path))
                if stat.S_ISDIR(info.st_mode) and key not in seen:
                    seen.add(key)
                    pending.append(plain(entry.path))
    return None


def foreign_folder(folder: Path) -> str | None:
    """Why `zan init` must not write into `folder`, or None: a symbolic link on the way to it that another user
    owns (it could point anywhere), or the folder itself owned by another user or writable by others (the
    project made there would be ignored, and its law could be planted). Links owned by this user or root
    (`/var/run`, a link to one's own disk) are followed."""
    from pathlib import Path   # `zan init` only

    path = Path(os.path.abspath(folder))
    prefix = Path(path.anchor)
    for part in path.parts[1:]:
        prefix = prefix / part
        try:
            info = os.lstat(prefix)
        except OSError:
            break  # from here on nothing exists: zan init creates it
        if stat.S_ISLNK(info.st_mode) and info.st_uid not in (os.geteuid(), 0):
            return f"{prefix} is a symbolic link that another user owns"
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not _mine(info):
        return f"{path} belongs to another user or other users can write it; a project there would be ignored"
    return None


_READ: dict[tuple[str, int, int], Project] = {}


def current(start: Path | str | None = None) -> Project | None:
    """The project the working folder (or `start`) is in, or None; a broken zan.toml is an input error.

    A project whose zan.toml, knowledge base or other folders fail the trust check is None, and
    `refused(start)` says why (SECURITY.md).
    """
    path = _find(start)
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    stamp = (path, info.st_mtime_ns, info.st_size)
    if stamp not in _READ:
        _READ.clear()
        _READ[stamp] = read(path)
    project = _READ[stamp]
    problem = folder_refusal(project)
    if problem is not None:
        try:
            _REFUSED[_here(start)] = problem
        except OSError:
            pass
        return None
    return project


def _location(text: str, message: str, path: str) -> Span:
    m = re.search(r"line (\d+), column (\d+)", message)
    line, column = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
    return Span(_shown(path), line, column, line, column + 1)


def _key_span(text: str, key: str, path: str) -> Span:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip()
        if re.match(rf"{re.escape(key)}\s*=", stripped):
            column = len(line) - len(stripped) + 1
            return Span(_shown(path), number, column, number, column + len(key))
    return Span(_shown(path), 1, 1, 1, 2)


def _shown(path: Path | str) -> str:
    """`str(path.resolve().relative_to(Path.cwd().resolve()))`, else the path as given (`plain`)."""
    shown = plain(path)
    try:
        inside = relative(os.path.realpath(shown), os.path.realpath(os.getcwd()))
    except OSError:
        return shown
    return shown if inside is None else inside


def named(text: str, name: str) -> str:
    """A zan.toml's text with its `name = "..."` line naming `name` (`zan init NAME` writes the project's name);
    the name written as a TOML basic string, so any folder name reads back as itself."""
    import json

    quoted = json.dumps(name, ensure_ascii=False)   # a JSON string is a TOML basic string (escapes \" \\ \uXXXX)
    return re.sub(r'(?m)^name\s*=\s*"[^"\n]*"[ \t]*$', lambda _m: f"name = {quoted}", text, count=1)


class _NotToml(Exception):
    """tomllib's error, said by `read` at its line and column."""


def _toml(raw: bytes, text: str) -> dict:
    """`tomllib.loads(text)`, from the per-user cache when the same bytes were parsed before (then tomllib, 1.3 ms
    of a cold question, is not even imported). Only plain data is kept: a file holding TOML dates is parsed each time."""
    from engine.base import cache

    entry = cache.key("zan.toml", [("zan.toml", raw)])
    found = cache.load(entry)
    if isinstance(found, dict):
        return found
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise _NotToml(str(e)) from None
    cache.store(entry, data)
    return data


def read(path: Path | str) -> Project:
    """Reads one zan.toml; every problem is a diagnostic at its line and column."""
    path = plain(path)
    shown = _shown(path)
    try:
        raw = read_bytes(path, shown)  # read once, at most MAX_INPUT_BYTES
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ZanError([Diagnostic("invalid-project", message("cannot read project", reason=str(e)),
                                   Span(shown, 1, 1, 1, 2))]) from None
    try:
        data = _toml(raw, text)
    except _NotToml as e:
        error = str(e)
        raise ZanError([Diagnostic("invalid-project", message("not toml", reason=re.sub(r' [(]at .*[)]$', '', error)),
                                   _location(text, error, path), hint=message("see authoring 6"))],
                       sources={shown: text}) from None
    table = data.get("project", {})
    problems = []
    if not isinstance(table, dict):
        problems.append(Diagnostic("invalid-project", message("project table"), _key_span(text, "project", path)))
        table = {}
    for key, value in table.items():
        wanted = KEYS.get(key)
        if wanted is None:
            problems.append(Diagnostic("invalid-project", message("unknown project key", key=key), _key_span(text, key, path),
                                       hint=message("the keys are", keys=", ".join(KEYS))))
        elif not isinstance(value, wanted) or (wanted is list and not all(isinstance(v, str) for v in value)):
            problems.append(Diagnostic("invalid-project", message("must be strings" if wanted is list else "must be a string",
                                                                  key=key), _key_span(text, key, path)))
    lang = table.get("lang")
    if isinstance(lang, str) and lang not in LANGUAGES:
        problems.append(Diagnostic("invalid-project", message("unknown language", lang=lang), _key_span(text, "lang", path),
                                   hint=message("the languages are")))
    page_date, written = None, table.get("page_date")
    if isinstance(written, str):
        with contextlib.suppress(ValueError):   # a day of the calendar, written YYYY-MM-DD
            page_date = datetime.date.fromisoformat(written) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", written) else None
        if page_date is None:
            problems.append(Diagnostic("invalid-project", message("must be a date", key="page_date"),
                                       _key_span(text, "page_date", path)))
    resolved = os.path.realpath(path)
    root = os.path.dirname(resolved)

    def under(name: str) -> str:   # `root / name`, as pathlib joins
        return plain(os.path.join(root, name))

    kb = under(table["kb"]) if isinstance(table.get("kb"), str) else under("kb")

    def folders(key: str, default: list[str]) -> tuple[str, ...]:
        value = table.get(key)
        return tuple(under(v) for v in value) if isinstance(value, list) else tuple(default)

    if not os.path.isdir(kb):
        problems.append(Diagnostic("invalid-project", message("no kb folder", kb=table.get("kb", "kb")),
                                   _key_span(text, "kb", path), hint=message("write kb")))
    if problems:
        raise ZanError(problems, sources={shown: text})
    return Project(resolved, table.get("name"), kb, folders("scenarios", [plain(os.path.join(kb, "scenarios"))]),
                   folders("questions", [under("queries")]), folders("cases", [plain(os.path.join(kb, "cases"))]),
                   lang if isinstance(lang, str) else None, tuple(table.get("readings", ())),
                   table.get("page_question") if isinstance(table.get("page_question"), str) else None, page_date)


@dataclass(frozen=True)
class Choice:
    """The knowledge base a command uses and why: given with --kb, the project's, or the bundled one; and
    the project file that was found but ignored (`Refusal`), if one was; for the bundled kb, where its own
    settings are (engine/base/resources.bundled_settings). The folder is kept as a string (`folder_name`; `folder`
    gives it as a `pathlib.Path`)."""

    folder_name: str
    origin: str                 # option | project | bundled
    project: Project | None
    refusal: Refusal | None = None
    bundled_settings: str | None = None

    @property
    def folder(self) -> Path:
        return as_path(self.folder_name)

    def describe(self, language: str = "en") -> str:
        where = _shown(self.folder_name)
        if self.origin == "option":
            line = message("kb option", language, where=where)
        elif self.origin == "project":
            assert self.project is not None, "a kb chosen by its project has the project"
            line = message("kb project", language, where=where, file=_shown(self.project.file_name))
        else:
            line = message("kb bundled", language)
        return line if self.refusal is None else self.refusal.describe(language) + "\n" + line

    def settings(self) -> Project | None:
        """The zan.toml whose settings go with this knowledge base (what the trainers' page opens with): the
        project's; for the bundled kb, its own (`bundled_settings`), read and checked as a project's
        (`settings_of`); with --kb, none. A broken one is an input error, as a project's is."""
        if self.origin == "project":
            return self.project
        if self.origin == "bundled" and self.bundled_settings is not None:
            return settings_of(self.bundled_settings, self.folder_name)
        return None

    def as_json(self) -> dict:
        shown: dict[str, object] = {"folder": _shown(self.folder_name), "origin": self.origin,
                 "project": _shown(self.project.file_name) if self.project else None}
        if self.refusal is not None:
            shown["ignored"] = {"file": _shown(self.refusal.file), "why": self.refusal.describe("en")}
        return shown


def settings_of(path: Path | str, kb: Path | str) -> Project | None:
    """The zan.toml at `path` as the settings of the knowledge base `kb` that no project chose (the bundled one):
    read by `read`, trusted as a project's file and folders are (`trusted`, `folder_refusal`); None where there
    is none, it is not trusted, or its `kb` is another folder (settings of another law never apply)."""
    if not trusted(path):
        return None
    settings = read(path)
    try:
        same = os.path.realpath(settings.kb_folder) == os.path.realpath(plain(kb))
    except OSError:
        return None
    return settings if same and folder_refusal(settings) is None else None


def choose(kb_dir: Path | str | None, bundled: Path | str, found=None, settings: Path | str | None = None) -> Choice:
    """--kb if given, else the project's knowledge base, else the bundled one (engine/base/resources.py).
    found: how the caller finds the project, if it has found it already (default `current`); settings: the
    bundled kb's own zan.toml (`resources.bundled_settings()`), read where it is chosen (`Choice.settings`)."""
    if kb_dir:
        return Choice(plain(kb_dir), "option", None)
    project = (found or current)()
    if project is not None:
        return Choice(project.kb_folder, "project", project)
    return Choice(plain(bundled), "bundled", None, refused(), None if settings is None else plain(settings))
