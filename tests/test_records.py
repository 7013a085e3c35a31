"""engine.base.records.dataclass behaves as the standard library's dataclass: the same fields, equality, hash
values, repr text, defaults, frozen errors, pickling and copying, for frozen, slotted and plain classes."""

from __future__ import annotations

import copy
import os
import dataclasses
import pickle
import typing

import pytest

from engine.base import records


def pair(**options):
    """The same class declared twice: by the standard library and by engine.base.records."""
    made = []
    for decorate in (dataclasses.dataclass, records.dataclass):
        @decorate(**options)
        class Node:
            """A node."""

            name: str
            args: tuple = ()
            notes: list = dataclasses.field(default_factory=list)
            span: object = None

            def __str__(self) -> str:
                return self.name
        made.append(Node)
    return made


def hashed(value):
    try:
        return hash(value)
    except TypeError as e:   # a list in a frozen instance: unhashable in both
        return str(e)


OPTIONS = [{}, {"frozen": True}, {"frozen": True, "slots": True}, {"slots": True}, {"frozen": True, "order": True, "slots": True}]


@pytest.mark.parametrize("options", OPTIONS, ids=str)
def test_the_same_behaviour_as_the_standard_library(options):
    standard, ours = pair(**options)
    assert [f.name for f in dataclasses.fields(ours)] == ["name", "args", "notes", "span"]
    assert ours.__match_args__ == standard.__match_args__
    for args, kwargs in [(("a",), {}), (("a", (1, "b")), {"span": 3}), ((), {"name": "x", "notes": [1]})]:
        s, o = standard(*args, **kwargs), ours(*args, **kwargs)
        assert repr(o) == repr(s)
        assert str(o) == str(s)
        assert dataclasses.astuple(o) == dataclasses.astuple(s)
        assert o == ours(*args, **kwargs) and o != ours("other") and o != s   # another class is never equal
        assert (o.__eq__(1), s.__eq__(1)) == (NotImplemented, NotImplemented)
        if options.get("frozen"):
            assert hashed(o) == hashed(s) and hashed(dataclasses.replace(o, notes=())) == hashed(dataclasses.replace(s, notes=()))
        else:
            assert ours.__hash__ is None and standard.__hash__ is None
        assert dataclasses.replace(o, name="z").name == "z"
        assert copy.deepcopy(o) == o and copy.copy(o) == o
    if options.get("order"):
        mixed = [("b", (1,)), ("a", (2,)), ("a", (1,)), ("b", ())]
        assert sorted(ours(*a) for a in mixed) == [ours(*a) for a in sorted(mixed)]
        assert (ours("a") < ours("b"), ours("b") <= ours("a"), ours("b") > ours("a"), ours("a") >= ours("a")) == (True, False, True, True)
        with pytest.raises(TypeError):
            ours("a") < standard("b")
    o = ours("a")
    assert o.notes == [] and o.notes is not ours("a").notes          # a fresh default each time
    with pytest.raises(TypeError) as ours_error:
        ours()
    with pytest.raises(TypeError):
        standard()
    assert "name" in str(ours_error.value)
    if options.get("frozen"):
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'name'"):
            o.name = "b"
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'name'"):
            del o.name
    else:
        o.name = "b"
        assert o.name == "b"
    assert hasattr(o, "__dict__") == hasattr(standard("a"), "__dict__")


def test_a_frozen_record_s_first_instances_hold_what_the_standard_library_s_do():
    """The generic `__init__` of a frozen class whose instances keep their fields in a `__dict__` fills it at once
    (records._plainly_stored): the same fields, values and order as the standard library's field by field. A subclass
    with a property of a field's name still has it set through the property, as the standard library does."""
    standard, ours = pair(frozen=True)
    for args in [("a",), ("a", (1,), [2], 3)]:
        assert list(vars(ours(*args)).items()) == list(vars(standard(*args)).items())
    set_through = []

    def subclass(base):
        class Named(base):
            @property
            def span(self):
                return self.__dict__["span"]

            @span.setter
            def span(self, value):
                set_through.append(value)
                self.__dict__["span"] = value
        return Named

    for base in (standard, ours):
        assert subclass(base)("a", (), [], 7).span == 7
    assert set_through == [7, 7]


def test_pickles_as_the_standard_library_would_load_them():
    globals()["Frozen"] = pair(frozen=True, slots=True)[1]
    Frozen = globals()["Frozen"]
    Frozen.__qualname__ = "Frozen"
    value = Frozen("a", (Frozen("b"),))
    assert pickle.loads(pickle.dumps(value)) == value


def test_a_class_that_defines_its_own_methods_keeps_them():
    @records.dataclass(frozen=True)
    class Own:
        a: int

        def __eq__(self, other):
            return True

        __hash__ = object.__hash__

    assert Own(1) == Own(2)
    first = Own(1)
    assert hash(first) == object.__hash__(first)


def test_repr_of_a_recursive_structure_ends():
    standard, ours = pair()
    o = ours("a")
    o.notes.append(o)
    s = standard("a")
    s.notes.append(s)
    assert repr(o).replace("pair.<locals>.", "") == repr(s).replace("pair.<locals>.", "")


CALLS = [(("a",), {}), (("a", (1,)), {}), (("a", (1,), [2], 3), {}), (("a",), {"span": 3}), ((), {"name": "x", "notes": [1]}),
         (("a",), {"args": (2,), "span": 4, "notes": []}), ((), {}), (("a",), {"name": "b"}), (("a",), {"other": 1}),
         (("a", (), [], None, 5), {}), ((), {"args": ()})]


def made(cls, args, kwargs):
    try:
        text = repr(cls(*args, **kwargs))
    except TypeError as e:
        text = "TypeError: " + str(e)
    return text.replace("pair.<locals>.", "")


@pytest.mark.parametrize("options", OPTIONS, ids=str)
def test_the_generic_init_binds_as_the_compiled_one(options, monkeypatch):
    """A class's first instances are made by a generic __init__ (nothing compiled), the later ones by the compiled
    one: both bind positional and named arguments, defaults and factories, and fail, as the standard library's."""
    for generic in (records.GENERIC_INSTANCES, 0):
        monkeypatch.setattr(records, "GENERIC_INSTANCES", generic)
        for args, kwargs in CALLS:
            standard, ours = pair(**options)   # a fresh class for each call: its first instance
            assert made(ours, args, kwargs) == made(standard, args, kwargs)


def test_a_class_making_few_instances_compiles_nothing(monkeypatch):
    compiled = []
    compile_init = records._compile_init
    monkeypatch.setattr(records, "_compile_init", lambda *a: compiled.append(a[0]) or compile_init(*a))
    standard, ours = pair(frozen=True, slots=True)
    few = [ours("a"), ours("b", (1,)), ours(name="c", span=2)]
    assert compiled == [] and few[2] == ours("c", (), [], 2)
    many = [ours(str(i)) for i in range(records.GENERIC_INSTANCES)]
    assert compiled == [ours] and [o.name for o in many[-2:]] == [str(records.GENERIC_INSTANCES - 2), str(records.GENERIC_INSTANCES - 1)]
    assert repr(ours("z", span=1)) == repr(standard("z", span=1)) and compiled == [ours]


DESCRIBE = """
import dataclasses, importlib, json, pkgutil, sys
import engine
from engine.base import records
records.DECLARED = sys.argv[1] == "declared"
described = {}


def shown(value):
    if value is dataclasses.MISSING:
        return "MISSING"
    return getattr(value, "__qualname__", None) or repr(value)


for info in pkgutil.walk_packages(engine.__path__, "engine."):
    try:
        module = importlib.import_module(info.name)
    except Exception:
        continue
    for name, cls in sorted(vars(module).items()):
        if not isinstance(cls, type) or cls.__module__ != info.name or "__dataclass_fields__" not in cls.__dict__:
            continue
        fields = [[f.name, f.type, shown(f.default), shown(f.default_factory), f.init, f.repr, f.hash, f.compare,
                   dict(f.metadata), f.kw_only, f._field_type.name,
                   shown(cls.__dict__[f.name]) if f.name in cls.__dict__ and "__slots__" not in cls.__dict__ else "-"]
                  for f in dataclasses.fields(cls)]
        described[info.name + "." + cls.__qualname__] = {
            "fields": fields, "params": repr(cls.__dataclass_params__), "match": list(cls.__match_args__),
            "slots": list(cls.__dict__.get("__slots__", ["-"])), "keys": sorted(cls.__dict__),
            "doc": cls.__doc__, "bases": [b.__qualname__ for b in cls.__mro__], "dict": hasattr(cls, "__dict__")}
json.dump(described, sys.stdout, sort_keys=True)
"""


def test_every_engine_record_is_declared_as_the_standard_library_would():
    """`records._declared` makes a dataclass without dataclasses' per-field work: for every record class of every
    engine module, the same fields (every attribute of each), parameters, match arguments, slots, class attributes
    and documentation as with dataclasses making it (`records.DECLARED = False`)."""
    import json
    import os
    import subprocess
    import sys

    from conftest import ROOT

    made = {}
    for how in ("declared", "standard"):
        done = subprocess.run([sys.executable, "-c", DESCRIBE, how], capture_output=True, text=True, cwd=ROOT,
                              timeout=300, env={**os.environ, "ZAN_CACHE": "0"})
        assert done.returncode == 0, done.stderr
        made[how] = json.loads(done.stdout)
    assert len(made["declared"]) > 70
    assert made["declared"] == made["standard"]


@pytest.mark.parametrize("options", OPTIONS, ids=str)
def test_a_class_naming_classvar_or_initvar_is_left_to_the_standard_library(options):
    made = []
    for decorate in (dataclasses.dataclass, records.dataclass):
        @decorate(**options)
        class Counted:
            """Counted."""

            name: str
            every: typing.ClassVar[int] = 0
            seen: dataclasses.InitVar[int] = 0

        made.append(Counted)
    standard, ours = made
    assert [f.name for f in dataclasses.fields(ours)] == [f.name for f in dataclasses.fields(standard)] == ["name"]
    assert ours.__dataclass_fields__.keys() == standard.__dataclass_fields__.keys() == {"name", "every", "seen"}


OTHER_PYTHON = """
import dataclasses, pickle, sys
sys.path.insert(0, sys.argv[1])
from engine.base import records
for options in ({}, {"frozen": True}, {"frozen": True, "slots": True}, {"slots": True}, {"order": True}):
    made = []
    for decorate in (dataclasses.dataclass, records.dataclass):
        @decorate(**options)
        class Record:
            name: str
            count: int = 0
            notes: list = dataclasses.field(default_factory=list)
        made.append(Record)
    standard, ours = made
    for args in [("a",), ("a", 2), ("a", 2, ["x"])] * (records.GENERIC_INSTANCES + 1):
        assert repr(ours(*args)).split("Record")[1] == repr(standard(*args)).split("Record")[1]
        assert ours(*args) == ours(*args) and pickle.loads(pickle.dumps(ours(*args))) == ours(*args)
    assert [f.name for f in dataclasses.fields(ours)] == ["name", "count", "notes"]
print("same", sys.version_info[:2], records.DECLARED)
"""


@pytest.mark.parametrize("version", ["3.12", "3.13"])
def test_records_are_made_on_other_pythons_too(version):
    """engine.base.records on a Python other than 3.11 (python_requires is >=3.11): `_declared` follows 3.11's
    dataclasses' private names, whose shapes change (3.12's parameters' record has ten fields: importing the engine
    failed there), so elsewhere the standard library makes every class, and records behave the same. Runs each
    interpreter of that version this machine has (pyenv's among them); skipped where there is none."""
    import glob
    import shutil
    import subprocess

    from conftest import ROOT

    found = [shutil.which(f"python{version}")] + sorted(glob.glob(os.path.expanduser(f"~/.pyenv/versions/{version}*/bin/python")))
    python = next((p for p in found if p and subprocess.run([p, "-c", "pass"], capture_output=True).returncode == 0), None)
    if python is None:
        pytest.skip(f"no Python {version} here")
    done = subprocess.run([python, "-c", OTHER_PYTHON, str(ROOT)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("same") and done.stdout.strip().endswith("False")


def tuple_pair(order: bool = False):
    """The same frozen class declared by the standard library and as a tuple-backed record of engine.base.records."""
    made = []
    for decorate in (dataclasses.dataclass(frozen=True, order=order), records.dataclass(frozen=True, order=order, tuple_backed=True)):
        @decorate
        class Node:
            """A node."""

            name: str
            args: tuple = ()
            notes: list = dataclasses.field(default_factory=list)
            span: object = None

            def __str__(self) -> str:
                return self.name

            @property
            def first(self):
                return self.args[0] if self.args else None
        made.append(Node)
    return made


@pytest.mark.parametrize("order", [False, True])
def test_a_tuple_backed_record_behaves_as_the_standard_library_s(order):
    """A tuple-backed record (made by C when unpickled) has what a frozen dataclass has: fields, equality with its own
    class only (never with a tuple, in either order), the same hash values, order where asked and a TypeError
    where not, repr, replace, asdict, astuple, match arguments, pickling and copying, frozen errors, the same errors
    for a call it cannot bind; and it is no sequence: not iterable, indexable, a container, nor added or multiplied."""
    standard, ours = tuple_pair(order)
    globals()["TupleNode"] = ours   # pickled by its name
    ours.__qualname__ = "TupleNode"
    assert issubclass(ours, records.TupleRecord) and dataclasses.is_dataclass(ours) and dataclasses.is_dataclass(ours("a"))
    assert [f.name for f in dataclasses.fields(ours)] == ["name", "args", "notes", "span"]
    assert ours.__match_args__ == standard.__match_args__ and ours.__doc__ == standard.__doc__
    for args, kwargs in [(("a",), {}), (("a", (1, "b")), {"span": 3}), ((), {"name": "x", "notes": ()}),
                         (("a", (), (), None), {})]:
        s, o = standard(*args, **kwargs), ours(*args, **kwargs)
        assert repr(o).replace("TupleNode", "Node") == repr(s).replace("tuple_pair.<locals>.", "")
        assert str(o) == str(s) and o.first == s.first and bool(o)
        assert dataclasses.astuple(o) == dataclasses.astuple(s) and dataclasses.asdict(o) == dataclasses.asdict(s)
        assert o == ours(*args, **kwargs) and not (o != ours(*args, **kwargs)) and o != ours("other") and o != s
        assert (o.__eq__(1), s.__eq__(1)) == (NotImplemented, NotImplemented)
        plain = dataclasses.astuple(s)
        assert o != plain and plain != o and not (o == plain) and not (plain == o)
        assert hashed(o) == hashed(s)
        if kwargs.get("notes") == ():   # hashable: a tuple of the same values is another key
            assert {plain: 1}.get(o) is None and {o: 1}.get(plain) is None
        changed = dataclasses.replace(o, name="z")
        assert type(changed) is ours and changed.name == "z" and changed.args == o.args
        for copied in (copy.copy(o), copy.deepcopy(o), pickle.loads(pickle.dumps(o, protocol=5)),
                       pickle.loads(pickle.dumps(o, protocol=2))):
            assert type(copied) is ours and copied == o
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'name'"):
            o.name = "b"
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'name'"):
            del o.name
        with pytest.raises(dataclasses.FrozenInstanceError):
            o.other = 1
        assert not hasattr(o, "__dict__")
        for misuse in (lambda: list(o), lambda: o[0], lambda: "a" in o, lambda: o + o, lambda: o * 2, lambda: 2 * o,
                       lambda: [*o], lambda: dict(o)):
            with pytest.raises(TypeError):
                misuse()
        for misuse in (lambda: o < plain, lambda: plain < o, lambda: o >= plain, lambda: o < 1):
            with pytest.raises(TypeError):
                misuse()
        match o:
            case ours(name, args):
                assert (name, args) == (s.name, s.args)
            case _:
                raise AssertionError("the class pattern")
    mixed = [("b", (1,)), ("a", (2,)), ("a", (1,)), ("b", ())]
    if order:
        assert sorted(ours(*a) for a in mixed) == [ours(*a) for a in sorted(mixed)]
        assert (ours("a") < ours("b"), ours("b") <= ours("a"), ours("b") > ours("a"), ours("a") >= ours("a")) == (True, False, True, True)
        with pytest.raises(TypeError):
            ours("a") < standard("b")
    else:
        with pytest.raises(TypeError):
            ours("a") < ours("b")
    assert ours("a").notes == [] and ours("a").notes is not ours("a").notes   # a fresh default each time
    for args, kwargs in CALLS:
        assert made(ours, args, kwargs).replace("TupleNode", "Node") == made(standard, args, kwargs).replace("tuple_Node", "Node")


def test_a_tuple_backed_record_is_unpickled_without_a_python_call():
    """The unpickler makes a tuple-backed record in C: no Python function runs for an instance (the pickle names its
    class alone, NEWOBJ), where a slotted record's unpickling calls its `__init__` for each."""
    import sys

    globals()["Stored"] = records.dataclass(frozen=True, slots=True, tuple_backed=True)(
        type("Stored", (), {"__annotations__": {"a": "int", "b": "str"}, "__doc__": "A record.", "__module__": __name__}))
    globals()["Slotted"] = records.dataclass(frozen=True, slots=True)(
        type("Slotted", (), {"__annotations__": {"a": "int", "b": "str"}, "__doc__": "A record.", "__module__": __name__}))
    counts = {}
    for name in ("Stored", "Slotted"):
        cls = globals()[name]
        payload = pickle.dumps([cls(i, str(i)) for i in range(500)], protocol=5)
        assert payload.count(name.encode()) == 1   # the class, named once
        calls = []
        sys.setprofile(lambda frame, event, arg: calls.append(frame.f_code.co_name) if event == "call" else None)
        try:
            loaded = pickle.loads(payload)
        finally:
            sys.setprofile(None)
        assert loaded == [cls(i, str(i)) for i in range(500)] and all(type(x) is cls for x in loaded)
        counts[name] = len(calls)
    assert counts == {"Stored": 0, "Slotted": 500}, counts


def test_a_tuple_backed_record_is_declared_only_where_it_can_be():
    with pytest.raises(TypeError, match="only a frozen"):
        records.dataclass(tuple_backed=True)(type("A", (), {"__annotations__": {"a": "int"}}))
    with pytest.raises(TypeError, match="no base class"):
        records.dataclass(frozen=True, tuple_backed=True)(type("B", (dict,), {"__annotations__": {"a": "int"}}))
    with pytest.raises(TypeError, match="at least one field"):
        records.dataclass(frozen=True, tuple_backed=True)(type("C", (), {}))
    with pytest.raises(TypeError, match="cannot define __eq__"):
        records.dataclass(frozen=True, tuple_backed=True)(type("D", (), {"__annotations__": {"a": "int"}, "__eq__": lambda s, o: True}))
    made = records.dataclass(frozen=True, tuple_backed=True)(type("E", (), {"__annotations__": {"a": "int"}}))
    with pytest.raises(TypeError, match="cannot be subclassed"):
        type("F", (made,), {})


def test_the_law_s_cache_entry_loads_without_a_python_call_per_record(tmp_path, monkeypatch):
    """Loading the checked law from the cache (a cold question's largest single step) makes its nodes without running
    Python code for them: all but its clauses and spans (~1,900 of ~4,240 records) are tuple-backed, made in C.
    Counted with sys.setprofile, the Python calls made while loading are the spans' and clauses' `__init__` and a few
    a class or an entry (the unpickler finding each class, the entry's checks): not one a tuple-backed record."""
    import collections
    import sys

    from engine import pipeline
    from engine.base import cache
    from engine.base.source import Span
    from engine.syntax import nodes as n
    from engine.syntax.knowledge import STORED, KnowledgeBase

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("ZAN_CACHE", "1")
    keys = []
    load = cache.load
    monkeypatch.setattr(cache, "load", lambda key, allowed=(): keys.append(key) or load(key, allowed))
    pipeline.load_checked()   # parsed, checked and stored
    calls: collections.Counter = collections.Counter()

    def profile(frame, event, arg):
        if event == "call":
            calls[frame.f_code.co_qualname] += 1

    sys.setprofile(profile)
    try:
        law = load(keys[-1], STORED)
    finally:
        sys.setprofile(None)
    assert law is not None
    made: collections.Counter = collections.Counter()
    seen, stack = set(), [law]
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if dataclasses.is_dataclass(value):
            made[type(value)] += 1
            stack.extend(getattr(value, f.name) for f in dataclasses.fields(value))
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
    tuple_backed_classes = {cls for cls in made if issubclass(cls, records.TupleRecord)}
    tuple_backed = sum(made[cls] for cls in tuple_backed_classes)
    others = sum(made.values()) - tuple_backed
    # not tuple-backed: a Clause (its row, n.PlainFact, is a subclass), a Span (a register's fact holds one: a tuple is
    # 16 bytes more), and the records pickled with their __dict__ (the unpickler fills it in C)
    with_dict = {cls for cls in made if "__dict__" in dir(cls) and not issubclass(cls, tuple)}
    assert tuple_backed > 1800 and set(made) - {n.Clause, Span} - with_dict <= tuple_backed_classes, made
    assert with_dict <= {KnowledgeBase, n.ScopeDecl, n.AssumableDecl, n.ConstraintDecl}, with_dict
    # the other records' __init__ (compiled once a class has made many), the unpickler finding each class, the entry's checks
    assert sum(calls.values()) <= others + 200, (others, len(made), calls.most_common(10))
