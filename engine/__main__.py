"""Runs the `zan` command line as `python -m engine`; `run` is also the `zan` script's entry point."""


def run() -> None:
    """Ctrl-C while the command is still being imported ends it quietly too (exit 130, no traceback).

    One command per process: the collector's batch policy applies (engine/base/collector.py); `main`
    itself, as tests and other programs call it in their own process, leaves the collector as it is.
    """
    try:
        from engine.base import collector

        collector.batch_policy()   # before the imports: they make ~100k objects and free few
        from engine.cli import main
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    main()


if __name__ == "__main__":
    run()
