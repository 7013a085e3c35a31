"""Runs the workbench with uvicorn (the `serve` extra); engine.cli's `zan serve` calls `run`."""

from __future__ import annotations

from pathlib import Path


def run(host: str = "127.0.0.1", port: int = 8000, kb_dir: Path | None = None, choice=None) -> None:
    """choice: the knowledge base as the command chose it (engine/base/project.Choice); else from kb_dir."""
    import uvicorn

    from engine.serve.app import create_app

    uvicorn.run(create_app(kb_dir, choice=choice, host=host), host=host, port=port, log_level="warning", server_header=False,
                limit_concurrency=32, timeout_keep_alive=5)
