"""The desk's one Jinja environment: autoescaping on, and the filters the templates use.

Shared by the pages and by ``wardesk.brief.render_html`` so both render the same markup.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).resolve().parent / "templates"


def safe_url(url: object) -> str | None:
    """A URL fit for href: http(s) only, so javascript: and data: links never become links."""
    if isinstance(url, str) and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def actor_names(refs: object) -> str:
    """The names of an event's source or target actors, comma-separated."""
    if not isinstance(refs, list):
        return ""
    names = (str(r.get("actorText") or r.get("actor") or "") for r in refs if isinstance(r, dict))
    return ", ".join(dict.fromkeys(n for n in names if n))


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES),
                      autoescape=select_autoescape(["html"], default=True))
    env.filters["safe_url"] = safe_url
    env.filters["actor_names"] = actor_names
    env.globals["urlencode"] = urlencode
    return env
