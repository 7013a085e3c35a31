"""Dataclasses that cost next to nothing to declare: `dataclass` as the standard library's, its methods made lazily.

The standard library's `dataclasses.dataclass` writes each class's `__init__`, `__repr__`, `__eq__`,
`__hash__` and (frozen) `__setattr__`/`__delattr__` as Python text and compiles it, about 0.35 ms a
class when the module is imported: with the ~50 classes a question imports, the largest single cost
of a cold `zan ask` (docs/performance.md, issue 25). Here the class is still made by
`dataclasses.dataclass` (so `dataclasses.fields`, `replace`, `asdict` and `__match_args__` are the
same), with none of those methods; then `__eq__`, `__hash__`, `__repr__` and the frozen guards are
closures over `operator.attrgetter` (nothing compiled), and `__init__` is compiled only once the class
has made GENERIC_INSTANCES instances (before that a generic `__init__` binds the arguments itself), so a
class a run never instantiates, or makes a few instances of, never pays for it.
The methods behave as the standard library's of Python 3.11 (same equality, hash values, repr text,
frozen errors; a slotted frozen instance is pickled as a call of its class with its values, where the
standard library's loops in `__setstate__`); `tests/test_records.py` compares them.

A frozen record declared `tuple_backed=True` is a tuple of its fields' values (`TupleRecord`): the unpickler and `copy`
make one in C (tuple's own `__new__`, no Python call an instance: the ~1,900 nodes of a cached knowledge base but its
spans and clauses), its fields are read by C descriptors, and it behaves as the other records do (equality
with its own class only, the same hash values, order, repr, `dataclasses.fields/replace/asdict`, frozen errors);
it is no sequence: iterating, indexing, `in`, `+` and `*` raise TypeError. Only `isinstance(x, tuple)`, `len` and a
`match` statement's sequence pattern see the tuple: code that tells tuples from records asks whether it is a record
first (`dataclasses.is_dataclass`, or `isinstance(x, TupleRecord)`).
May import only the standard library.
"""

from __future__ import annotations

import abc as _abc
import copyreg as _copyreg
import dataclasses
import operator
import sys as _sys
import types as _types
import typing as _typing
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, dataclass_transform

__all__ = ["dataclass", "field", "TupleRecord"]

field = dataclasses.field
_MISSING = dataclasses.MISSING
# dataclasses' own: a field's kind (neither ClassVar nor InitVar), its parameters' record, what an annotation names.
# Private names of Python 3.11's dataclasses, whose shapes change between versions (3.12's parameters' record has ten
# fields): `_declared` is used only on 3.11 and where all three are there; elsewhere dataclasses makes every class.
_FIELD = getattr(dataclasses, "_FIELD", None)
_PARAMS = getattr(dataclasses, "_DataclassParams", None)
_IDENTIFIER_RE = getattr(dataclasses, "_MODULE_IDENTIFIER_RE", None)
_IDENTIFIER = _IDENTIFIER_RE.match if _IDENTIFIER_RE is not None else None
_MEMBER = _types.MemberDescriptorType


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(cls=None, /, *, frozen: bool = False, slots: bool = False, order: bool = False,
              tuple_backed: bool = False):
    """`dataclasses.dataclass` with `init`, `repr` and `eq` left at their defaults (all generated); `order` compares
    the fields' tuples as the standard library's does. `tuple_backed` (frozen records only): a `TupleRecord`."""

    def wrap(cls):
        return _process(cls, frozen, slots, order, tuple_backed)

    return wrap if cls is None else wrap(cls)


def _process(cls, frozen: bool, slots: bool, order: bool, tuple_backed: bool = False):
    own = cls.__dict__
    if tuple_backed:
        _check_tuple_backed(cls, frozen)
    if any(isinstance(b, type) and hasattr(b, "__dataclass_fields__") for b in cls.__mro__[1:]):
        # dataclass inheritance is rare: the standard library does it
        return dataclasses.dataclass(cls, frozen=frozen, slots=slots, order=order)
    if order and any(name in own for name in ("__lt__", "__le__", "__gt__", "__ge__")):
        raise TypeError(f"{cls.__qualname__} defines an ordering of its own: order=True would replace it")
    class_hash = own.get("__hash__", _MISSING)
    explicit_hash = not (class_hash is _MISSING or (class_hash is None and "__eq__" in own))
    keep = {name for name in ("__init__", "__repr__", "__eq__", "__setattr__", "__delattr__") if name in own}
    undocumented = not cls.__doc__
    if undocumented:   # else dataclasses reads a signature off object.__init__'s text (tokenize, ast): 0.3 ms
        cls.__doc__ = "-"
    slotted = slots and not tuple_backed   # a tuple-backed record's values are its tuple's items
    cls = _declared(cls, slotted) or dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slotted)
    fields = dataclasses.fields(cls)
    if undocumented:
        cls.__doc__ = f"{cls.__name__}({', '.join(f.name for f in fields)})"
    if any(not f.init or f.kw_only is True for f in fields):
        raise TypeError(f"{cls.__qualname__}: engine.base.records supports plain fields only")
    names = tuple(f.name for f in fields)
    if tuple_backed:
        return _tuple_backed(cls, fields, order, keep)

    def put(name, function):
        if name not in keep:
            function.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, function)

    put("__init__", _lazy_init(cls, fields, frozen))
    put("__repr__", _repr(tuple(f.name for f in fields if f.repr)))
    values = _getter(tuple(f.name for f in fields if f.compare))
    put("__eq__", _eq(values))
    if order:
        for name, compare in (("__lt__", operator.lt), ("__le__", operator.le), ("__gt__", operator.gt),
                              ("__ge__", operator.ge)):
            put(name, _ordering(values, compare))
    if not explicit_hash:
        if frozen:
            hashed = _getter(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
            cls.__hash__ = lambda self: hash(hashed(self))
            cls.__hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
        else:
            cls.__hash__ = None   # mutable and compared by value: unhashable, as dataclasses makes it
    if frozen:
        put("__setattr__", _frozen_setattr(cls, names))
        put("__delattr__", _frozen_delattr(cls, names))
        if slots:   # pickled as a call of the class with its values: one call a node, where dataclasses'
            #          __setstate__ loops over the fields (a cached knowledge base loads in half the time)
            cls.__reduce__ = _reduce(_getter(names))
            cls.__getstate__ = _getstate(_getter(names))
            cls.__setstate__ = _setstate(names)
    return cls


# `_declared` makes the dataclass where it can (tests/test_records.py turns it off to compare): on the Python whose
# dataclasses it follows, 3.11, only
DECLARED = _sys.version_info[:2] == (3, 11) and None not in (_FIELD, _PARAMS, _IDENTIFIER)
_SPECIAL_NAMES = ("ClassVar", "InitVar", "KW_ONLY")


def _declared(cls, slots: bool):
    """What `dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)` makes of a plain class (the
    fields, the parameters, `__match_args__`, for `slots` the class made again with them), made as Python 3.11's
    dataclasses makes it but without its per-field work: ~45 -> ~30 us a class, ~0.9 ms of the 77 classes a cold
    question declares. None, and the standard library does it, for anything else: an annotation that is not a
    string or that names, or may name, ClassVar, InitVar or KW_ONLY (what dataclasses looks up in the class's
    module); a base class declaring slots. `tests/test_records.py` compares every engine class made both ways."""
    if not DECLARED:
        return None
    assert _IDENTIFIER is not None and _PARAMS is not None, "DECLARED only where dataclasses has them"
    own = cls.__dict__
    annotations = own.get("__annotations__", {})
    module = _sys.modules.get(cls.__module__)
    namespace = module.__dict__ if module is not None else {}
    for annotation in annotations.values():
        if type(annotation) is not str:
            return None
        found = _SCANNED.get(annotation)
        if found is None:
            found = _SCANNED[annotation] = _scan(annotation)
        if found is False:
            return None
        if found:   # what dataclasses' `_is_type` looks up, in the class's module
            prefix, name = found
            if (_special(namespace.get(name)) if prefix is None else namespace.get(prefix) in (_typing, dataclasses)):
                return None
    if any("__slots__" in base.__dict__ for base in cls.__mro__[1:-1]):
        return None
    Field: Any = dataclasses.Field   # typed loosely: called below with dataclasses.field's own defaults (MISSING, None)
    fields: dict[str, Any] = {}
    for name, annotation in annotations.items():   # dataclasses' `_get_field`, for a plain field
        default: Any = getattr(cls, name, _MISSING)
        f: Any
        if isinstance(default, Field):
            f = default
        else:
            if isinstance(default, _MEMBER):   # a slot of the class: no default
                default = _MISSING
            f = Field(default, _MISSING, True, True, None, True, None, _MISSING)   # what `dataclasses.field(default=...)` makes
        f.name, f.type, f._field_type = name, annotation, _FIELD
        if f.kw_only is _MISSING:
            f.kw_only = False
        if f.default.__class__.__hash__ is None:
            raise ValueError(f"mutable default {type(f.default)} for field {f.name} is not allowed: use default_factory")
        fields[name] = f
    cls.__dataclass_params__ = _PARAMS(False, False, False, False, False, False)   # init, repr, eq, order, unsafe_hash, frozen
    for f in fields.values():
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is _MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in own.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")
    cls.__dataclass_fields__ = fields
    if "__match_args__" not in own:
        setattr(cls, "__match_args__", tuple(fields))
    if slots:   # dataclasses' `_add_slots`: the class made again, its fields slots
        if "__slots__" in own:
            raise TypeError(f"{cls.__name__} already specifies __slots__")
        made = dict(own)
        made["__slots__"] = tuple(fields)
        for name in fields:
            made.pop(name, None)
        made.pop("__dict__", None)
        made.pop("__weakref__", None)
        qualname = getattr(cls, "__qualname__", None)
        cls = type(cls)(cls.__name__, cls.__bases__, made)
        if qualname is not None:
            cls.__qualname__ = qualname
    _abc.update_abstractmethods(cls)
    return cls


_SCANNED: dict[str, Any] = {}   # an annotation's text -> `_scan` of it (the same texts recur: "str", "Span", ...)


def _scan(annotation: str):
    """What `_declared` reads off an annotation's text alone: False where it names, or may name, ClassVar, InitVar or
    KW_ONLY; else (prefix, name) of dataclasses' `_MODULE_IDENTIFIER_RE` match (the name looked up in the class's
    module), or () where it does not match."""
    if any(special in annotation for special in _SPECIAL_NAMES):
        return False
    assert _IDENTIFIER is not None
    match = _IDENTIFIER(annotation)
    return (match.group(1), match.group(2)) if match else ()


def _special(value) -> bool:
    """ClassVar, InitVar or KW_ONLY, under any name (dataclasses' `_is_classvar`, `_is_initvar`, `_is_kw_only`)."""
    return value is not None and (value is _typing.ClassVar or value is dataclasses.InitVar
                                  or value is dataclasses.KW_ONLY or type(value) is dataclasses.InitVar
                                  or getattr(value, "__origin__", None) is _typing.ClassVar)


def _getter(names: tuple[str, ...]):
    """The tuple of the named attributes (a 1-tuple for one name, as `(self.a,)`)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return lambda self: ()


def _eq(values):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _ordering(values, compare):
    def ordering(self, other):
        if other.__class__ is self.__class__:
            return compare(values(self), values(other))
        return NotImplemented

    return ordering


def _repr(names: tuple[str, ...]):
    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + "(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in names) + ")"

    return __repr__


def _frozen_setattr(cls, names):
    fields = frozenset(names)

    def __setattr__(self, name, value):
        if type(self) is cls or name in fields:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    return __setattr__


def _frozen_delattr(cls, names):
    fields = frozenset(names)

    def __delattr__(self, name):
        if type(self) is cls or name in fields:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __delattr__


def _reduce(values):
    def __reduce__(self):
        return self.__class__, values(self)

    return __reduce__


def _getstate(values):
    def __getstate__(self):
        return list(values(self))

    return __getstate__


def _setstate(names):
    def __setstate__(self, state):
        for name, value in zip(names, state):
            object.__setattr__(self, name, value)

    return __setstate__


GENERIC_INSTANCES = 256   # instances a class makes through the generic __init__ before its own is compiled (a cold
#                           question then compiles two, the classes its cached law holds a thousand of, where 64 compiled ten)


def _lazy_init(cls, fields, frozen: bool):
    """An `__init__` that binds its arguments to the fields itself (positionally, by name, defaults, default
    factories) for a class's first GENERIC_INSTANCES instances; the next instance, or a call it cannot bind (a
    missing, unknown or repeated argument: the compiled one raises the standard library's error), compiles the
    class's own `__init__` (dataclasses' text) and goes on with it. A class a run makes a few instances of (a
    cold question makes a few of most) never pays the compiler's ~80 us; one it makes many of pays it once."""
    names = tuple(f.name for f in fields)
    count = len(names)
    defaults = tuple((f.default_factory, True) if f.default_factory is not _MISSING else (f.default, False)
                     for f in fields)
    put = object.__setattr__ if frozen else setattr
    setters = _slot_setters(cls, names) if frozen else None
    direct: list[bool] = []   # [whether the fields go straight into the instance's __dict__], decided at its first
    left = [GENERIC_INSTANCES]

    def __init__(self, *args, **kwargs):
        given = len(args)
        if given == count and not kwargs and left[0] > 0:   # every field in order: how the cache's entries call
            left[0] -= 1
            if setters is not None:
                for setter, value in zip(setters, args):
                    setter(self, value)
            elif frozen and self.__class__ is cls and (direct or _plainly_stored(direct, cls, names))[0]:
                self.__dict__.update(zip(names, args))
            else:
                for name, value in zip(names, args):
                    put(self, name, value)
            return
        if given <= count and left[0] > 0:
            values, named = list(args), 0
            for i in range(given, count):
                if names[i] in kwargs:
                    values.append(kwargs[names[i]])
                    named += 1
                    continue
                default, factory = defaults[i]
                if default is _MISSING:
                    break
                values.append(default() if factory else default)
            else:
                if named == len(kwargs):
                    left[0] -= 1
                    if setters is not None:
                        for setter, value in zip(setters, values):
                            setter(self, value)
                    else:
                        for name, value in zip(names, values):
                            put(self, name, value)
                    return
        compiled = _compile_init(cls, fields, frozen)
        cls.__init__ = compiled
        compiled(self, *args, **kwargs)

    return __init__


def _plainly_stored(decided: list[bool], cls, names: tuple[str, ...]) -> list[bool]:
    """`decided` with whether `object.__setattr__` of each field, as a frozen class's `__init__` sets them, only puts
    it in the instance's `__dict__`: its instances have one, it reads attributes as `object` does, and no field's
    name is a descriptor that sets (a slot, a property) in the class or its bases. The generic `__init__` of such a
    frozen class then fills the `__dict__` at once, in field order (~0.6 against ~1.4 us for 14 fields: the
    explanation tree's nodes, ~600 of them in a cold question)."""
    plain = cls.__dictoffset__ != 0 and cls.__getattribute__ is object.__getattribute__
    for name in names if plain else ():
        for base in cls.__mro__:
            if name in base.__dict__:
                kind = type(base.__dict__[name])
                plain = plain and not (hasattr(kind, "__set__") or hasattr(kind, "__delete__"))
                break
    decided.append(plain)
    return decided


def _slot_setters(cls, names: tuple[str, ...]):
    """The `__set__` of each field's slot (what `object.__setattr__` finds and calls, called directly: ~30% less
    time an instance), for a frozen class whose every field is a slot of its own; else None."""
    slots = [cls.__dict__.get(name) for name in names]
    if not all(isinstance(slot, _MEMBER) for slot in slots):
        return None
    return tuple(slot.__set__ for slot in slots)


def _compile_init(cls, fields, frozen: bool, store: bool = True):
    """The `__init__` dataclasses would write: parameters in field order with their defaults; a default
    factory is called when its argument is not given; frozen classes set through `object.__setattr__`, or straight
    through their slots' `__set__` (`_slot_setters`). `store=False`: its signature only (it sets nothing)."""
    namespace: dict = {"__factory__": _FACTORY, "__set__": object.__setattr__}
    setters = _slot_setters(cls, tuple(f.name for f in fields)) if frozen else None
    parameters, body = [], []
    for i, f in enumerate(fields):
        if not f.name.isidentifier():   # a field of an engine class is a Python name; nothing else is compiled
            raise TypeError(f"{cls.__qualname__}: field name {f.name!r} is not a Python identifier")
        value = f.name
        if f.default_factory is not _MISSING:
            namespace[f"__default_{i}__"] = f.default_factory
            parameters.append(f"{f.name}=__factory__")
            value = f"__default_{i}__() if {f.name} is __factory__ else {f.name}"
        elif f.default is not _MISSING:
            namespace[f"__default_{i}__"] = f.default
            parameters.append(f"{f.name}=__default_{i}__")
        else:
            parameters.append(f.name)
        if setters is not None:
            namespace[f"__set_{i}__"] = setters[i]
            body.append(f"__set_{i}__(self, {value})")
        else:
            body.append(f"__set__(self, {f.name!r}, {value})" if frozen else f"self.{f.name} = {value}")
    text = f"def __init__(self, {', '.join(parameters)}):\n    " + (("\n    ".join(body) if store else "") or "pass") + "\n"
    exec(text, namespace)   # our own field names only, never text a user wrote (a class of the engine)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


class _Factory:
    def __repr__(self):
        return "<factory>"


_FACTORY = _Factory()


# Tuple-backed records ----------------------------------------------------------------------------------------------

try:   # the C descriptor of collections.namedtuple's fields: reads the tuple's item without a Python call
    from _collections import _tuplegetter
except ImportError:   # pragma: no cover - an interpreter without it
    def _tuplegetter(index: int, doc: str):   # type: ignore[misc]
        return property(lambda self: _tuple_item(self, index), doc=doc)

_tuple_new = tuple.__new__
_tuple_item = tuple.__getitem__
_tuple_eq = tuple.__eq__
_ALL = slice(None)
def _not_subscriptable(self, key):
    raise TypeError(f"{type(self).__name__!r} object is not subscriptable")


def _no_operand(self, other):
    return NotImplemented


# What makes a tuple a sequence, taken away: iterating, indexing, `in`, `+`, `*` raise TypeError, as they do for any
# other record. `__len__` stays (C, it keeps every record true, as an object is), and tuple's C methods read the
# items directly (hash, equality, order, the unpickler).
_NOT_A_SEQUENCE = {"__iter__": None, "__contains__": None, "__getitem__": _not_subscriptable,
                   "__add__": _no_operand, "__mul__": _no_operand, "__rmul__": _no_operand}
_ORDERINGS = (("__lt__", tuple.__lt__, "<"), ("__le__", tuple.__le__, "<="), ("__gt__", tuple.__gt__, ">"),
              ("__ge__", tuple.__ge__, ">="))


class TupleRecord(tuple):
    """The base of every tuple-backed record (`dataclass(..., tuple_backed=True)`): an instance is the tuple of its
    fields' values in field order, and nothing else (no `__dict__`, no slots). Calling the class binds its arguments
    as a dataclass's `__init__` would (`_TupleRecordType.__call__`); the unpickler (`NEWOBJ`, the class alone) gives
    tuple's own `__new__` the values, which is C: no Python call an instance. Its class is the
    only global a pickle of one names, so the cache's unpickler finds nothing new (engine/base/cache.py)."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        if any("__record_tails__" in base.__dict__ for base in cls.__mro__[1:]):
            raise TypeError(f"{cls.__qualname__}: a tuple-backed record cannot be subclassed")
        super().__init_subclass__(**kwargs)

    def __reduce__(self):   # copyreg.__newobj__, which pickle writes as the NEWOBJ opcode of the class and its
        #                     values (no other global): the unpickler calls tuple's own __new__, in C
        return _copyreg.__newobj__, (self.__class__, _tuple_item(self, _ALL))


class _TupleRecordType(type):
    """The class of a tuple-backed record's class: calling it binds the arguments to the fields (positional, by name,
    defaults, default factories) and makes the tuple; a call it cannot bind raises the standard library's error."""

    def __call__(cls, *args, **kwargs):
        if not kwargs:
            tails = cls.__record_tails__   # [number of arguments given]: the defaults of the rest, None if one is due
            given = len(args)
            if given < len(tails):
                tail = tails[given]
                if tail is not None:
                    return _tuple_new(cls, args + tail if tail else args)
        return _tuple_new(cls, _bind(cls, args, kwargs))


def _check_tuple_backed(cls, frozen: bool) -> None:
    if not frozen:
        raise TypeError(f"{cls.__qualname__}: only a frozen record can be tuple-backed")
    if cls.__bases__ != (object,) or type(cls) is not type:
        raise TypeError(f"{cls.__qualname__}: a tuple-backed record has no base class and no metaclass")
    own = cls.__dict__
    for name in ("__slots__", "__init__", "__new__", "__setattr__", "__delattr__", "__eq__", "__hash__",
                 "__reduce__", "__getstate__", "__setstate__"):
        if name in own:
            raise TypeError(f"{cls.__qualname__}: a tuple-backed record cannot define {name}")


def _tuple_backed(declared, fields, order: bool, keep: set):
    """The tuple-backed class of a record the standard library has declared (fields, parameters, match arguments),
    made at once with every method in its namespace (a method set on a made class costs it a slot update). Where
    every field is compared and hashed (all the engine's), its methods are the ones every such record shares."""
    names = tuple(f.name for f in fields)
    if not names:
        raise TypeError(f"{declared.__qualname__}: a tuple-backed record has at least one field")
    namespace = dict(declared.__dict__)
    for name in names:   # a default's class attribute: the field's descriptor takes its place
        namespace.pop(name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace["__slots__"] = ()
    namespace["__qualname__"] = declared.__qualname__
    for i, name in enumerate(names):
        namespace[name] = _tuplegetter(i, None)
    namespace.update(_NOT_A_SEQUENCE)
    compared = tuple(f.name for f in fields if f.compare)
    values = None if compared == names else _getter(compared)   # None: as the tuples themselves compare (in C)
    if values is None:
        methods = dict(_SHARED_ORDERED if order else _SHARED_UNORDERED)
    else:
        methods = {**_FROZEN, "__eq__": _tuple_record_eq(values),
                   **{name: _tuple_record_ordering(values, compare, symbol, order) for name, compare, symbol in _ORDERINGS}}
    hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
    if hashed != names:
        hashed_values = _getter(hashed)
        methods["__hash__"] = lambda self: hash(hashed_values(self))
    if "__repr__" not in keep:
        methods["__repr__"] = _repr(tuple(f.name for f in fields if f.repr))
    for name, method in methods.items():
        if name not in keep:
            namespace[name] = method
    namespace["__record_tails__"] = _tails(fields)
    namespace["__record_fields__"] = fields
    return _TupleRecordType(declared.__name__, (TupleRecord,), namespace)


def _tuple_record_eq(values):
    """Equal only to an instance of the same class. Unequal to any tuple (not NotImplemented: Python would then ask
    tuple's own equality, which compares the items; a plain tuple's `==` asks the record first, its subclass)."""
    if values is None:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _tuple_eq(self, other)
            return False if isinstance(other, tuple) else NotImplemented
    else:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return values(self) == values(other)
            return False if isinstance(other, tuple) else NotImplemented

    return __eq__


def _tuple_record_ordering(values, compare_tuples, symbol: str, order: bool):
    """Order with an instance of the same class (`order=True`); a TypeError with any tuple, as for any record (not
    NotImplemented: Python would then ask tuple's own ordering)."""
    compare = getattr(operator, compare_tuples.__name__.strip("_"))

    def ordering(self, other):
        if other.__class__ is self.__class__ and order:
            return compare_tuples(self, other) if values is None else compare(values(self), values(other))
        if isinstance(other, tuple):
            raise TypeError(f"'{symbol}' not supported between instances of {type(self).__name__!r} and "
                            f"{type(other).__name__!r}")
        return NotImplemented

    ordering.__name__ = compare_tuples.__name__
    return ordering


def _frozen_tuple_setattr(self, name, value):
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")   # a record of its own class: never set


def _frozen_tuple_delattr(self, name):
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


_FROZEN = {"__setattr__": _frozen_tuple_setattr, "__delattr__": _frozen_tuple_delattr,
           "__ne__": object.__ne__,   # the inverse of __eq__ (tuple's own would compare with any tuple)
           "__hash__": tuple.__hash__}   # the fields' tuple's hash, as the standard library's __hash__ computes it
_SHARED_UNORDERED = {"__eq__": _tuple_record_eq(None), **_FROZEN,
                     **{name: _tuple_record_ordering(None, compare, symbol, False) for name, compare, symbol in _ORDERINGS}}
_SHARED_ORDERED = {"__eq__": _tuple_record_eq(None), **_FROZEN,
                   **{name: _tuple_record_ordering(None, compare, symbol, True) for name, compare, symbol in _ORDERINGS}}


def _tails(fields) -> tuple:
    """For each number of positional arguments (0 .. all fields): the defaults of the fields not given, or None
    where one of them has no default or a default factory (the binder then makes them)."""
    tails: list = []
    for given in range(len(fields) + 1):
        rest = fields[given:]
        if all(f.default is not _MISSING for f in rest):
            tails.append(tuple(f.default for f in rest))
        else:
            tails.append(None)
    return tuple(tails)


def _bind(cls, args: tuple, kwargs: dict) -> tuple:
    """The fields' values in order of a call's arguments, bound as a dataclass's `__init__` binds them; a call it cannot
    bind (missing, unknown or repeated arguments) raises what the standard library's `__init__` raises."""
    fields = cls.__record_fields__
    given = len(args)
    if given <= len(fields):
        values, named = list(args), 0
        for f in fields[given:]:
            if f.name in kwargs:
                values.append(kwargs[f.name])
                named += 1
            elif f.default is not _MISSING:
                values.append(f.default)
            elif f.default_factory is not _MISSING:
                values.append(f.default_factory())
            else:
                break
        else:
            if named == len(kwargs):
                return tuple(values)
    # the standard library's error: its __init__'s signature, compiled, takes the call and raises
    _compile_init(cls, fields, frozen=False, store=False)(None, *args, **kwargs)
    raise TypeError(f"{cls.__qualname__}: cannot bind {args!r}, {kwargs!r}")   # pragma: no cover
