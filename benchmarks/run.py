"""All the benchmarks, one after the other: `python benchmarks/run.py [--quick]` (--quick: the 10k batch only,
without the 100x kb). The batch: 10k and 30k realistic convicts (JSON; 3 rounds each, Zan and clingo in turn, the
ratio of the medians), with the ratio to clingo and the 30k/10k scaling, then 100k for its peak memory (JSON Lines).

Every figure is printed beside a reference measured in the same run, with the ratio; see docs/performance.md.
"""

from __future__ import annotations

import os
import platform
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import batch  # noqa: E402
import cold  # noqa: E402
import growth  # noqa: E402
import warm  # noqa: E402

if __name__ == "__main__":
    quick = "--quick" in sys.argv
    print(f"# {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, {platform.platform()}")
    cold.main()
    warm.main()
    growth.main((1, 10) if quick else (1, 10, 100))
    batch.main((10_000,) if quick else (10_000, 30_000), rounds=3)   # Zan and clingo in turn, medians
    if not quick:
        batch.main((100_000,), fmt="jsonl")
