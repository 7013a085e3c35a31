"""Conflicts: N norms concluding one predicate, permitted and prohibited, in 30 acts of 7 ranks (so that many
pairs are unresolved conflicts and many are ordered), `zan check` and `zan ask --explain` as fresh processes:
wall time, CPU time and peak memory. Issue 10 item 7: 1000 norms took 21 s and 640 MB; 3000 did not finish.

`python benchmarks/conflicts.py [N ...]` (default: 1000 3000).
"""

from __future__ import annotations

import sys

from common import PYTHON, SCRATCH, report, run_measured


def write_law(count: int):
    folder = SCRATCH / f"conflicts-{count}"
    (folder / "kb").mkdir(parents=True, exist_ok=True)
    law = ['act a%d en "A%d" kind statute rank %d in force from 20%02d-01-01.' % (r, r, r % 7, 10 + r) for r in range(30)]
    law += ['predicate p(A, B) en "p" reads en "{A} p {B}".', 'predicate q(A, B) en "q" reads en "{A} q {B}".']
    for i in range(count):
        modality = "permitted" if i % 2 else "prohibited"
        head = "p(X, Y)" if i % 5 == 0 else f"p(X, k{i % 11})"
        law.append(f'norm a{(i // 2) % 30}.{i} cites "a{(i // 2) % 30} {i}" en "n" {modality} {head} '
                   f'if q(X, c{i}) and q(Y, X).')
    (folder / "kb" / "law.zan").write_text("\n".join(law) + "\n", encoding="utf-8")
    case = folder / "case.facts"
    case.write_text("".join(f"q(x, c{i}).\n" for i in range(0, count, 3)) + "q(y, x).\nq(k1, x).\n", encoding="utf-8")
    return folder / "kb", case


def main(counts: list[int]) -> None:
    for count in counts:
        kb, case = write_law(count)
        for name, argv in (("zan check", ["check", str(kb)]),
                           ("zan ask p(X, Y) --explain", ["ask", "p(X, Y)", "--kb", str(kb), "--facts", str(case),
                                                          "--at", "2025-01-01", "--explain", "--format", "json"])):
            try:
                wall, peak, cpu = run_measured([PYTHON, "-m", "engine", *argv])
            except SystemExit:  # zan check exits 1 only on errors; warnings are the point here
                raise
            report(f"{name} ({count} norms)", f"{wall:6.2f} s wall", f"{cpu:6.2f} s CPU, {peak / 2**20:6.0f} MiB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 3000])
