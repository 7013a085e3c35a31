"""One way from a request to a document: `answer_document(pipeline.Request)`, which `zan ask`, `zan query`
and the workbench's /api/ask all call, so that a front-end only reads its options into a Request and prints
the document that comes back (engine/explain/render).

The register path (a machine format over a large case: partitions, processes) and the plain one
(parse -> check -> IR -> evaluate -> answers -> proofs) are chosen here, not in the front-ends; so are --how's
sets, the knowledge base named in JSON and the title of a question understood from words. The tools that answer
many questions at once (diff, cases, a register's partitions, scenarios, mutants) take the step below this one,
engine.pipeline.evaluated: a lowered program to its answers and traces.
"""

from __future__ import annotations

from engine.base.records import dataclass
from typing import Callable

from engine.pipeline import Request, Result, answer, ask, prepare


@dataclass
class Answered:
    """The answers' document (explanation.document's dict), the pipeline result it was built from, and
    --how's sets per answer (cases.how_for_result) when they were asked for."""

    document: dict
    result: Result
    how: list[dict] | None = None


def answer_document(request: Request, progress: Callable[[], object] | None = None) -> Answered:
    """The document answering `request`. progress: makes a register's progress line (register.Progress, or
    None for none), called only when a register is evaluated in partitions."""
    from engine.explain.explanation import document

    r = request
    according = [nid for c in (r.understood or {}).get("according_to", ()) for nid in c["norms"]]
    if according and r.trace_level != "full":   # what the cited norms did is read from the full trace
        import dataclasses

        r = dataclasses.replace(r, trace_level="full")
    if r.machine and r.how is None and not according:   # (--how and a cited provision annotate the answers)
        result = prepare(r.query, r.at, r.kb_dir, r.fact_files, assumptions=r.assumptions,
                         retractions=r.retractions, reading=r.reading)
        doc = None
        if r.partitions:   # a register is evaluated in partitions, on --jobs processes (engine/tools/register.py)
            from engine.tools import register

            result = register.detached(result, r.partition or register.partition_facts(r.trace_level))   # the parsed case let go
            batch = register.Register(result, r.trace_level, r.language, r.steps,
                                      limit=r.partition or register.partition_facts(r.trace_level))
            if batch.split:
                result = batch.lean(result)   # the parsed case lives in the partitions alone from here
                doc = register.document(batch, r.jobs or register.default_jobs(), progress and progress())
        if doc is None:
            doc = document(answer(result, r.trace_level), r.language, depth=r.depth, steps=r.steps, lazy=True,
                           level=r.trace_level, shared=True)
    else:
        result = ask(r.query, r.at, r.kb_dir, r.fact_files, trace_level=r.trace_level, assumptions=r.assumptions,
                     retractions=r.retractions, reading=r.reading)
        doc = document(result, r.language, depth=r.depth, steps=r.steps, level=r.trace_level, shared=r.machine)
    how = None
    if r.how is not None:
        from engine.tools.cases import how_for_result

        how = how_for_result(result, r.how, r.how_max, language=r.language)
        for entry, sets in zip(doc["answers"], how):
            entry["how"] = sets["how"]
            entry["how_read"] = sets["how_read"]   # the sets in the reader's words
            entry["how_more"] = sets["more"]        # --max cut the list
            if sets["stopped"]:                     # the budget ran out: the list may be incomplete
                entry["how_stopped"] = sets["stopped"]
    if according:   # a provision cited in the question: what its norms did in each answer (tools/according.py)
        from engine.explain.phrasebook import Phrasebook
        from engine.tools.according import annotate

        annotate(result.kb, doc, list(dict.fromkeys(according)), Phrasebook(result.kb, r.language).cite)
    if r.machine and r.kb is not None:
        doc["kb"] = r.kb
    title = r.title
    if r.understood:
        from engine.tools.understanding import understood_title

        doc["question"] = r.understood
        title = understood_title(r.understood, r.language)
    if title:
        doc["title"] = title
    return Answered(doc, result, how)
