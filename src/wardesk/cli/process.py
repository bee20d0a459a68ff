"""`wardesk proposals`, `wardesk coalitions`, `wardesk story`: the peace process across the
stored articles (wardesk.store.process, wardesk.process.story). Registered on the main group by
``register``; each command parses its options, calls one library function and formats it."""

from __future__ import annotations

import sys
from typing import Any

import click

from wardesk.cli.output import FORMATS, write_rows


def parties_option(value: str | None) -> set[str] | None:
    """"RUS,UKR" → {"RUS", "UKR"}; actor ids are kept as given."""
    if not value:
        return None
    return {p.strip().upper() if len(p.strip()) == 3 else p.strip() for p in value.split(",") if p.strip()}


def _refs(refs: list[dict[str, Any]]) -> str:
    from wardesk.process.merge import party

    return ", ".join(str(party(r)) for r in refs)


def proposal_row(p: dict[str, Any]) -> dict[str, Any]:
    """The table/csv columns of a proposal (json/jsonl print the whole proposal)."""
    return {**p, "proposer_parties": _refs(p["proposer"]), "addressee_parties": _refs(p["addressees"]),
            "duration_days": p["terms"].get("duration_days"), "scope": p["terms"].get("scope"),
            "answers": "; ".join(f"{k}: {v}" for k, v in p["standing"].items()),
            "report_count": len(p["reports"])}


def coalition_row(c: dict[str, Any]) -> dict[str, Any]:
    members = "; ".join(f"{m['actor'].get('code') or m['actor'].get('actorText')} ({m['role']})"
                        for m in c["members"])
    pledges = "; ".join(f"{p['party'].get('code') or p['party'].get('actorText')}"
                        f"{' (' + p['share'] + ')' if p.get('share') else ''}: {p['what']} {p['status']}"
                        for p in c["pledges"])
    return {**c, "member_list": members, "pledge_list": pledges}


_PROPOSAL_COLUMNS = ("first_reported", "kind", "proposer_parties", "addressee_parties",
                     "duration_days", "scope", "answers", "report_count", "id")
_COALITION_COLUMNS = ("name", "size_reported", "member_list", "pledge_list", "last_reported", "id")


def _strip(rows: list[dict[str, Any]], fmt: str, extra: tuple[str, ...]) -> list[dict[str, Any]]:
    """json/jsonl keep the documented shape (docs/process.md), without the table's helper columns."""
    if fmt in ("json", "jsonl"):
        return [{k: v for k, v in r.items() if k not in extra} for r in rows]
    return rows


def register(cli: click.Group, pass_context: Any, date: Any) -> None:
    """Add the process commands to ``cli`` (``pass_context``/``date``: main's decorator and
    date callback)."""

    @cli.command()
    @click.option("--party", "parties", default=None, help="Parties, ISO3 or actor ids: RUS,UKR.")
    @click.option("--kind", default=None, help="ceasefire, energy_pause, prisoner_exchange, …")
    @click.option("--since", callback=date, default=None, help="Reported on or after (YYYY-MM-DD).")
    @click.option("--until", callback=date, default=None, help="Reported on or before (YYYY-MM-DD).")
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table")
    @pass_context
    def proposals(obj: Any, parties: str | None, kind: str | None, since: str | None,
                  until: str | None, fmt: str) -> None:
        """Proposals on the table and every answer to them (one per proposal across reports)."""
        with obj.store() as store:
            rows = [proposal_row(p) for p in store.proposals(parties_option(parties), since, until, kind)]
        extra = ("proposer_parties", "addressee_parties", "duration_days", "scope", "answers", "report_count")
        write_rows(_strip(rows, fmt, extra), fmt, _PROPOSAL_COLUMNS, sys.stdout)

    @cli.command()
    @click.option("--party", "parties", default=None, help="Members or pledging parties: GBR,FRA.")
    @click.option("--since", callback=date, default=None, help="Reported on or after (YYYY-MM-DD).")
    @click.option("--until", callback=date, default=None, help="Reported on or before (YYYY-MM-DD).")
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table")
    @pass_context
    def coalitions(obj: Any, parties: str | None, since: str | None, until: str | None,
                   fmt: str) -> None:
        """Coalitions and groupings: members over time, reported size, pledges."""
        with obj.store() as store:
            rows = [coalition_row(c) for c in store.coalitions(parties_option(parties), since, until)]
        write_rows(_strip(rows, fmt, ("member_list", "pledge_list")), fmt, _COALITION_COLUMNS, sys.stdout)

    @cli.command()
    @click.option("--actors", "parties", default=None, help="Parties, ISO3 or actor ids: RUS,UKR.")
    @click.option("--since", callback=date, default=None, help="From this day (YYYY-MM-DD).")
    @click.option("--until", callback=date, default=None, help="To this day (YYYY-MM-DD).")
    @click.option("--process", default=None,
                  help="One process: a proposal kind (ceasefire) or a grouping (coalition of the willing).")
    @click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
    @pass_context
    def story(obj: Any, parties: str | None, since: str | None, until: str | None,
              process: str | None, fmt: str) -> None:
        """The process day by day: meetings, proposals and answers, pledges, position changes,
        incidents tied to the talks, each with its sources."""
        import json

        from wardesk.process.story import story as build

        with obj.store() as store:
            told = build(store, parties_option(parties), since, until, process)
        if fmt == "json":
            click.echo(json.dumps(told, ensure_ascii=False, indent=2))
            return
        click.echo(render_text(told))


def render_text(told: dict[str, Any]) -> str:
    lines = [f"The process{' of ' + told['process'] if told.get('process') else ''}"
             f" — {', '.join(told['parties']) or 'all parties'}"
             f" ({told['since'] or 'start'} to {told['until'] or 'now'})"]
    for day in told["days"]:
        lines.append(f"\n{day['day']}")
        for item in day["items"]:
            sources = ", ".join(sorted({s.get("publisher") or (s.get("article") or "")[:8]
                                        for s in item["sources"]}))
            lines.append(f"  [{item['what']}] {item['text']}  — {sources}")
    if not told["days"]:
        lines.append("(nothing in the store for these parties and days)")
    return "\n".join(lines)
