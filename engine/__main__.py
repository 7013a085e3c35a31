"""Runs the `zan` command line as `python -m engine`; `run` is also the `zan` script's entry point."""

import os
import sys


def run() -> None:
    """Ctrl-C while the command is still being imported ends it quietly too (exit 130, no traceback).

    One command per process: the collector's batch policy applies (engine/base/collector.py); `main`
    itself, as tests and other programs call it in their own process, leaves the collector as it is.
    The process ends by `leave`: the command is done and its output flushed, so the interpreter's own teardown
    (freeing every module and object one by one, ~3 ms of a cold question's ~80) is skipped.
    """
    try:
        from engine.base import collector

        collector.batch_policy()   # before the imports: they make ~100k objects and free few
        from engine.cli import main
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    try:
        main()
    except SystemExit as e:
        leave(e.code)
        raise


def leave(code) -> None:
    """Ends the process with `code` (an int or None, as `sys.exit` takes) once the command is done: standard
    output and error flushed, the `atexit` functions run (a worker pool's, the collector's report, a temporary
    folder's finalizer), then `os._exit`, without the interpreter's teardown, whose work the operating system
    does anyway when the process ends. It returns, and the caller exits as usual, when that could lose anything:
    a code that is not a number (sys.exit prints it), another thread still running (its work is not done), a
    profiler or tracer watching the process (`python -m cProfile -o F -m engine …` writes F after the module ends;
    a coverage tool its data), or a stream that failed to flush (the interpreter's exit then reports it as before)."""
    import threading

    if not (code is None or type(code) is int) or threading.active_count() > 1 \
            or sys.getprofile() is not None or sys.gettrace() is not None:
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:
        return
    import atexit

    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):   # what the atexit functions wrote
            if stream is not None:
                stream.flush()
    except Exception:
        pass
    os._exit(code or 0)


if __name__ == "__main__":
    run()
