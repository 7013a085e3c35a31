"""Runs the `zan` command line as `python -m engine`; `run` is also the `zan` script's entry point."""


def run() -> None:
    """Ctrl-C while the command is still being imported ends it quietly too (exit 130, no traceback)."""
    try:
        from engine.cli import main
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    main()


if __name__ == "__main__":
    run()
