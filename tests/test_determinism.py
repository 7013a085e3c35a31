"""Determinism: the same inputs give byte-identical output across runs and PYTHONHASHSEED values."""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import CASES, KB

pytestmark = pytest.mark.slow   # each command run four times as a process

SEEDS = ("0", "1", "12345", "random")

COMMANDS = {
    "ask json": ["ask", "call(kunakbaev, P, Purpose)", "--at", "2025-01-15", "--format", "json", "--explain"],
    "ask text": ["ask", "call(kunakbaev, P, Purpose)", "--at", "2024-12-26", "--explain", "--lang", "kk"],
    "saved question": ["query", "permitted-calls", "kunakbaev", "--at", "2025-01-15", "--explain"],
    "norms": ["norms", "--at", "2025-01-15", "--format", "json"],
    "check": ["check"],
}


def run(zan_command, args, seed):
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run([*zan_command, *map(str, args)], capture_output=True, env=env, timeout=120)
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_output_is_byte_identical_across_hash_seeds(zan_command, name):
    outputs = {seed: run(zan_command, COMMANDS[name], seed) for seed in SEEDS}
    first = outputs[SEEDS[0]]
    for seed, output in outputs.items():
        assert output == first, f"output differs between PYTHONHASHSEED={SEEDS[0]} and {seed}"


def test_diagnostics_are_sorted_and_stable(tmp_path, zan_command):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "b.zan").write_text("zeta(x).\nalpha(y).\npredicate p(X) en \"p\".\np(X) if q(Y).\n", encoding="utf-8")
    (kb / "a.zan").write_text("omega(z).\np(a, b).\n", encoding="utf-8")
    outputs = {seed: run(zan_command, ["check", kb], seed) for seed in SEEDS}
    assert len(set(outputs.values())) == 1
    code, _out, err = outputs[SEEDS[0]]
    assert code == 1
    located = [line for line in err.decode().splitlines() if ": error:" in line or ": warning:" in line]
    keys = [(line.split(":")[0], int(line.split(":")[1]), int(line.split(":")[2])) for line in located]
    assert keys == sorted(keys)


def test_every_case_answers_the_same_twice(zan_command):
    for case in sorted(CASES.glob("*.facts"))[:4]:
        args = ["ask", "call(C, P, Purpose)", "--facts", case, "--kb", KB, "--at", "2025-01-15", "--format", "json"]
        assert run(zan_command, args, "1") == run(zan_command, args, "2")
