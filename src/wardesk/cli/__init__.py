"""The `wardesk` command: a thin skin over library calls (parse → one call → format)."""

from wardesk.cli.main import cli, main

__all__ = ["cli", "main"]
