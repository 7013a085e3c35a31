"""Runs the `zan` command line as `python -m engine`."""

from engine.cli import main

main()
