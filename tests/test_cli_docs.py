"""Every command and option is documented: docs/cli.md is the real --help, and the README names
every command."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from wardesk.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def _render() -> str:
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.render())


def test_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text() == _render(), (
        "docs/cli.md is stale: run `.venv/bin/python scripts/gen_cli_docs.py`"
    )


def test_readme_names_every_command() -> None:
    readme = (ROOT / "README.md").read_text()
    with click.Context(cli) as ctx:
        missing = [n for n in cli.list_commands(ctx) if f"wardesk {n}" not in readme]
    assert not missing, f"README does not mention: {missing}"
