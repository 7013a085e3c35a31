"""The JSON Lines writer's compact encoder (render/as_json._COMPACT, the library's C encoder made once) writes what
json.dumps(ensure_ascii=False, sort_keys=True, separators=(",", ":")) writes, and refuses what it refuses."""

from __future__ import annotations

import datetime
import json

import pytest

from engine.explain.render import as_json

VALUES = [
    "plain", "", "quote \" backslash \\ newline \n tab \t nul \x00 bell \x07", "қазақ тілі", "русский", "emoji \U0001F600",
    "\u2028\u2029 separators", 0, -1, 2 ** 70, 1.5, -0.0, 1e300, 1e-300, 0.1, float("inf"), float("-inf"), True, False, None,
    [], {}, [1, "a", None, [True, {}]],
    {"b": 1, "a": {"z": [1, 2, {"y": "x", "x": "y"}], "é": None}, "A": [], "": ""},
    {"proof": {"id": "contact(c1, r1)", "bindings": {"P": "r1", "C": "c1"}, "conditions": [
        {"atom": "close_relative(c1, r1)", "holds": True, "kind": "fact", "reading": "r1 is a close relative of c1",
         "source": "cases/x.facts:7"}], "norm": None}},
    ("a", "tuple"),
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_the_compact_encoder_writes_what_json_dumps_writes(value):
    assert as_json._COMPACT(value) == json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_the_compact_encoder_refuses_what_json_dumps_refuses():
    for value in ({"at": datetime.date(2025, 1, 1)}, [object()], {1: "a", "b": 2}):
        with pytest.raises(TypeError):
            json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        with pytest.raises(TypeError):
            as_json._COMPACT(value)
