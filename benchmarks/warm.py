"""Warm question through the Python API on a loaded knowledge base, and the proof of one answer."""

from __future__ import annotations

import datetime
import statistics
import sys
import time

from common import ROOT, ms, report

sys.path.insert(0, str(ROOT))

from engine.logic import ir  # noqa: E402
from engine.explain.answering import answers, trace  # noqa: E402
from engine.logic.evaluator import evaluate  # noqa: E402
from engine.pipeline import ask, load_checked, parse_question  # noqa: E402
from engine.explain.proof import Prover  # noqa: E402

DAY = datetime.date(2025, 3, 10)
RUNS = 31


def timed(function, runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    kb, _facts, _warnings = load_checked()
    query = parse_question("call(kunakbaev, P, Purpose)")
    program = ir.lower(kb, DAY)

    def question():
        model = evaluate(program, ir.question_relations("call"))
        return answers(program, model, query)

    found = question()
    model = evaluate(program, ir.question_relations("call"))
    one = next(a for a in found if a.status == "permitted")
    question_time = timed(question)
    proof_time = timed(lambda: trace(program, Prover(program, model), one))
    whole = timed(lambda: ask(query, DAY), 11)
    report("warm question (lower done; evaluate + answers)", ms(question_time), "target 5 ms",
           question_time / 0.005, "ratio to target")
    report("proof of one answer (fresh prover + trace)", ms(proof_time), "target 10 ms", proof_time / 0.010,
           "ratio to target")
    report("  whole pipeline.ask (cached kb, all traces)", ms(whole), f"{len(found)} answers")


if __name__ == "__main__":
    main()
