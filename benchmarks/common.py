"""Shared by the benchmarks: medians of repeated timings, fresh processes with their peak memory, a scratch folder."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SCRATCH = Path(os.environ.get("ZAN_BENCH_DIR") or Path(tempfile.gettempdir()) / "zan-bench")


def environment() -> dict:
    """Bytecode and the compiled-knowledge cache as an installed `zan` has them, kept out of the checkout."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(SCRATCH / "pycache")
    env["XDG_CACHE_HOME"] = str(SCRATCH / "cache")
    env["PYTHONPATH"] = str(ROOT)
    return env


def run(argv: list[str], output=subprocess.DEVNULL) -> tuple[float, int]:
    """Runs a fresh process: (seconds, peak resident memory in bytes)."""
    elapsed, peak, _cpu = run_measured(argv, output)
    return elapsed, peak


def run_measured(argv: list[str], output=subprocess.DEVNULL) -> tuple[float, int, float]:
    """Runs a fresh process: (wall seconds, peak resident memory in bytes, CPU seconds of it and its waited-for children).

    The peak is the larger of the process's own peak and the most its whole process tree held at once
    (workers included; sampled from /proc every 50 ms where there is one)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, env=environment(), stdout=output, stderr=subprocess.DEVNULL)
    summed = [0]
    done = threading.Event()

    def sample():
        while not done.wait(0.05):
            summed[0] = max(summed[0], tree_rss(process.pid))
    sampler = threading.Thread(target=sample, daemon=True)
    if Path("/proc/self/status").exists():
        sampler.start()
    _pid, status, usage = os.wait4(process.pid, 0)
    done.set()
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    return elapsed, max(usage.ru_maxrss * 1024, summed[0]), usage.ru_utime + usage.ru_stime


def tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants now (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, ()))
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def median_of(runs: int, measure) -> float:
    return statistics.median(measure() for _ in range(runs))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def report(name: str, value: str, reference: str = "", ratio: float | None = None, target: str = "") -> None:
    shown = f"{ratio:6.2f}x" if ratio is not None else ""
    print(f"{name:44} {value:>14} {reference:>24} {shown:>8}  {target}", flush=True)
