"""`wardesk` commands. Each parses its options, calls one library function and formats the result.

Exit codes: 0 all went well; 1 some documents were rejected (or one could not be read);
2 usage errors. Errors are one line; `--debug` shows the traceback.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from wardesk.cli.output import FORMATS, progress_bar, write_rows
from wardesk.errors import UsageError, WardeskError
from wardesk.records import ArticleRecord, Rejection, to_dict
from wardesk.settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Context:
    settings: Settings
    quiet: bool
    debug: bool

    def store(self) -> Any:
        from wardesk.store import Store

        return Store(self.settings.db)

    def existing_store(self) -> Any:
        """The store if it already exists (a server URL, or a SQLite file that is there), else a
        stand-in that opens nothing: writing shards must not create a store."""
        import contextlib

        from wardesk.store.postgres import is_url

        db = self.settings.db
        if is_url(db) or (db != ":memory:" and os.path.exists(db)):
            return self.store()
        return contextlib.nullcontext(None)


def _date(_: Any, __: Any, value: str | None) -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


class WardeskGroup(click.Group):
    """Turns library errors into one clear line (a traceback only with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WardeskError as exc:
            if "--debug" in sys.argv:
                raise
            click.echo(f"wardesk: error: {exc} [{exc.code}]", err=True)
            ctx.exit(2 if isinstance(exc, UsageError) else 1)
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # `wardesk events | head`: the reader left; not an error
            sys.stderr.close()
            ctx.exit(0)
        except Exception as exc:
            if "--debug" in sys.argv:
                raise
            click.echo(f"wardesk: internal error: {type(exc).__name__}: {exc} (rerun with --debug)", err=True)
            ctx.exit(1)


@click.group(cls=WardeskGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="WARDESK_DB", default=None, help="Store path or URL [default: ./wardesk.db].")
@click.option("--model", default=None, help="Installed spaCy English pipeline to use.")
@click.option("--workers", type=int, default=None, help="Worker processes for extraction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.version_option(package_name="wardesk")
@click.pass_context
def cli(ctx: click.Context, db: str | None, model: str | None, workers: int | None, quiet: bool,
        debug: bool) -> None:
    """wardesk: news about wars and peace talks → source-attributed event data."""
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, stream=sys.stderr,
                        format="wardesk: %(levelname)s: %(message)s")
    settings = load_settings({"db": db, "model": model, "workers": workers})
    ctx.obj = Context(settings=settings, quiet=quiet, debug=debug)


pass_context = click.make_pass_decorator(Context)


def _print_rejection(rej: Rejection) -> None:
    click.echo(f"wardesk: rejected {rej.source}: {rej.reason}: {rej.message}", err=True)


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("--text", default=None, help="Extract from this text instead of files.")
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for sources without one.")
@click.option("--format", "fmt", type=click.Choice(["record", "plover", "acled", "csv"]), default="record")
@pass_context
def extract(obj: Context, sources: tuple[str, ...], text: str | None, published: str | None, fmt: str) -> None:
    """Print the record of each article (stores nothing)."""
    from wardesk.service import extract_sources

    if not sources and text is None:
        raise click.UsageError("give a file, directory, corpus, URL or '-' (stdin), or --text")
    rejected = 0

    def records() -> Iterator[ArticleRecord]:
        nonlocal rejected
        for result in extract_sources(list(sources), obj.settings, published=published, text=text):
            if isinstance(result, Rejection):
                rejected += 1
                _print_rejection(result)
            else:
                yield result

    if fmt == "record":
        for record in records():
            click.echo(json.dumps(to_dict(record), ensure_ascii=False))
    else:
        from wardesk.export import write_records

        write_records(fmt, records(), sys.stdout)
    if rejected:
        sys.exit(1)


@cli.command()
@click.argument("text")
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) of the text.")
@pass_context
def explain(obj: Context, text: str, published: str | None) -> None:
    """Why the events of TEXT were read as they were: parse, predicates, the rules that fired."""
    from wardesk.explain import explain as explain_text
    from wardesk.explain import render
    from wardesk.pipeline import Extractor

    click.echo(render(explain_text(text, published, Extractor(obj.settings))))


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for sources without one.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private/loopback addresses.")
@click.option("--runner", type=click.Choice(["local", "ray"]), default="local")
@click.option("--address", default=None, help="Ray cluster address (with --runner ray).")
@click.option("--shards", "shard_dir", type=click.Path(file_okay=False), default=None,
              metavar="DIR",
              help="Write records and rejections as Parquet shards to DIR instead of the store "
                   "(load them with `wardesk import DIR`). An existing store is only read (its "
                   "known people; articles it holds are skipped). With --runner ray the Ray "
                   "workers write the shards: DIR must be shared by the cluster's nodes.")
@pass_context
def ingest(obj: Context, sources: tuple[str, ...], published: str | None, allow_private: bool,
           runner: str, address: str | None, shard_dir: str | None) -> None:
    """Ingest files, directories, corpora, URLs and feeds into the store (or into shards)."""
    from dataclasses import replace

    from wardesk.service import ingest as run_ingest
    from wardesk.service import ingest_to_shards

    settings = replace(obj.settings, allow_private=allow_private or obj.settings.allow_private)
    if shard_dir is not None:
        with obj.existing_store() as store, progress_bar("extracting", not obj.quiet) as advance:
            summary = ingest_to_shards(list(sources), shard_dir, settings, store=store,
                                       published=published, runner=runner, address=address,
                                       progress=advance)
        click.echo(f"wrote shards to {shard_dir}: load them with `wardesk import {shard_dir}`",
                   err=True)
        _report(summary, rejections_at=os.path.join(shard_dir, "rejections.jsonl"))
    else:
        with obj.store() as store, progress_bar("ingesting", not obj.quiet) as advance:
            summary = run_ingest(list(sources), store, settings, published=published,
                                 runner=runner, address=address, progress=advance)
        _report(summary)


@cli.command(name="import")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@pass_context
def import_(obj: Context, directory: str) -> None:
    """Load record shards written by a runner (e.g. a Ray cluster) into the store."""
    from wardesk.service import import_shards

    with obj.store() as store, progress_bar("importing", not obj.quiet) as advance:
        _report(import_shards(directory, store, progress=advance))


def _report(summary: Any, rejections_at: str | None = None) -> None:
    click.echo(f"articles: {summary.new} new, {summary.unchanged} unchanged, "
               f"{summary.rejected} rejected; events found: {summary.events}")
    if summary.rejected:
        reasons = ", ".join(f"{k} {v}" for k, v in summary.reasons.most_common())
        where = rejections_at or "`wardesk rejections`"
        click.echo(f"rejected: {reasons} (see {where})", err=True)
        sys.exit(1)


def _filters(f: F) -> F:
    for option in reversed([
        click.option("--actor", default=None, help="Actor id or name."),
        click.option("--country", default=None, help="ISO 3166 alpha-3 code."),
        click.option("--type", "type_", default=None, help="PLOVER event type."),
        click.option("--since", callback=_date, default=None, help="From date (YYYY-MM-DD)."),
        click.option("--until", callback=_date, default=None, help="To date (YYYY-MM-DD)."),
        click.option("--text", default=None, help="Text the evidence contains."),
        click.option("--limit", type=int, default=100, show_default=True),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="table"),
    ]):
        f = option(f)
    return f


EVENT_COLUMNS = ("date", "event", "source", "target", "eventText", "place", "status", "certainty",
                 "attribution")


def _event_row(e: dict[str, Any]) -> dict[str, Any]:
    row = dict(e)
    row["date"] = (e.get("date") or {}).get("value") if isinstance(e.get("date"), dict) else e.get("date")
    row["source"] = ", ".join(s.get("actorText", "") for s in e.get("source") or [])
    row["target"] = ", ".join(s.get("actorText", "") for s in e.get("target") or [])
    loc = e.get("eventLoc")
    row["place"] = loc.get("name") if isinstance(loc, dict) else None
    att = e.get("attribution")
    row["attribution"] = att.get("text") if isinstance(att, dict) else att
    return row


@cli.command()
@_filters
@click.option("--status", default=None)
@click.option("--certainty", default=None)
@pass_context
def events(obj: Context, actor: str | None, country: str | None, type_: str | None,
           since: str | None, until: str | None, text: str | None, limit: int, fmt: str,
           status: str | None, certainty: str | None) -> None:
    """List stored events."""
    from wardesk.store import EventFilter

    f = EventFilter(actor=actor, country=country, type=type_, since=since, until=until,
                    text=text, status=status, certainty=certainty, limit=_row_limit(limit, fmt))
    with obj.store() as store:  # streamed: every row of a machine format, never all in memory
        rows: Iterable[dict[str, Any]] = store.iter_events(f)
        if fmt in ("table", "csv"):
            rows = (_event_row(r) for r in rows)
        write_rows(rows, fmt, EVENT_COLUMNS, sys.stdout)


def _row_limit(limit: int, fmt: str) -> int | None:
    """--limit as given; by default a table shows a page and machine formats every row."""
    source = click.get_current_context().get_parameter_source("limit")
    if fmt != "table" and source == click.core.ParameterSource.DEFAULT:
        return None
    return limit


INCIDENT_COLUMNS = ("date", "type", "place", "source", "target", "dead", "injured", "certainty",
                    "reports", "articles", "publishers", "id")


def _incident_row(i: dict[str, Any]) -> dict[str, Any]:
    row = dict(i)
    row["date"] = (i.get("date") or {}).get("value")
    row["place"] = (i.get("place") or {}).get("name")
    for side in ("source", "target"):
        row[side] = ", ".join(s.get("actorText", "") for s in i.get(side) or [])
    for figure in ("dead", "injured"):
        span = i.get(figure)
        row[figure] = None if span is None else (
            str(span["min"]) if span["min"] == span["max"] else f"{span['min']}-{span['max']}")
    row["reports"] = len(i.get("reports") or [])
    return row


@cli.command()
@_filters
@click.option("--background", is_flag=True,
              help="Also incidents that only recaps (background events) tell.")
@click.option("--rebuild", is_flag=True,
              help="Compute every incident again (after a rule change or an upgrade), then exit.")
@pass_context
def incidents(obj: Context, actor: str | None, country: str | None, type_: str | None,
              since: str | None, until: str | None, text: str | None, limit: int, fmt: str,
              background: bool, rebuild: bool) -> None:
    """List incidents: one real-world event each, with every report of it (docs/incidents.md)."""
    from wardesk.store import EventFilter

    with obj.store() as store:
        if rebuild:
            click.echo(f"rebuilt {store.rebuild_incidents()} incidents", err=True)
            return
        pending = store.pending_incidents()
        if pending:
            click.echo(f"wardesk: {pending} events have no incident yet: run "
                       "`wardesk incidents --rebuild`", err=True)
        f = EventFilter(actor=actor, country=country, type=type_, since=since, until=until,
                        text=text, limit=_row_limit(limit, fmt))
        rows: Iterable[dict[str, Any]] = store.iter_incidents(f, background=background)
        if fmt in ("table", "csv"):
            rows = (_incident_row(r) for r in rows)
        write_rows(rows, fmt, INCIDENT_COLUMNS, sys.stdout)


@cli.command()
@_filters
@pass_context
def actors(obj: Context, actor: str | None, country: str | None, type_: str | None,
           since: str | None, until: str | None, text: str | None, limit: int, fmt: str) -> None:
    """List known actors."""
    with obj.store() as store:
        rows = store.actors(country=country, text=text or actor, limit=limit)
    write_rows(rows, fmt, ("id", "name", "kind", "country", "sector", "role"), sys.stdout)


@cli.command()
@_filters
@pass_context
def statements(obj: Context, actor: str | None, country: str | None, type_: str | None,
               since: str | None, until: str | None, text: str | None, limit: int, fmt: str) -> None:
    """List who said what."""
    with obj.store() as store:
        rows = store.statements(actor=actor or country, text=text, since=since, until=until, limit=limit)
    write_rows(rows, fmt, ("published", "speakerText", "cue", "content", "certainty"), sys.stdout)


@cli.command()
@_filters
@click.option("--issue", default=None, help="Negotiation issue, e.g. territory.")
@click.option("--changes", is_flag=True, help="List what changed since --since instead.")
@pass_context
def positions(obj: Context, actor: str | None, country: str | None, type_: str | None,
              since: str | None, until: str | None, text: str | None, limit: int, fmt: str,
              issue: str | None, changes: bool) -> None:
    """Parties' stances on the issues, over time (or what changed)."""
    with obj.store() as store:
        if changes:
            rows = store.position_changes(since=since)
            columns: tuple[str, ...] = ("holder", "issue", "change", "old", "new", "date")
        else:
            rows = store.positions(actor=actor or country, issue=issue, since=since, until=until)
            columns = ("date", "holder", "issue", "stance", "target", "text")
    write_rows(rows[:limit] if not changes else rows, fmt, columns, sys.stdout)


@cli.command()
@click.option("--limit", type=int, default=100)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table")
@pass_context
def rejections(obj: Context, limit: int, fmt: str) -> None:
    """Documents that were not used, and why."""
    with obj.store() as store:
        rows = store.rejections(limit=limit)
    write_rows(rows, fmt, ("time", "source", "reason", "message"), sys.stdout)


@cli.command()
@click.option("--format", "fmt", required=True,
              type=click.Choice(["plover", "acled", "csv", "parquet", "geojson", "jsonl"]))
@click.option("-o", "--output", default="-", help="Output file [default: stdout].")
@click.option("--by", type=click.Choice(["incident", "report"]), default="incident",
              show_default=True,
              help="acled/csv/geojson: one row per incident (deaths counted once) or per report.")
@click.option("--background", is_flag=True,
              help="Also export events that articles recount as past context.")
@pass_context
def export(obj: Context, fmt: str, output: str, by: str, background: bool) -> None:
    """Export stored events or records."""
    from wardesk.export import write_export

    if fmt == "parquet" and output == "-":
        raise UsageError("parquet is binary: give -o FILE")
    with obj.store() as store:
        count = write_export(fmt, store, None, output, by=by, background=background)
    if output != "-":
        click.echo(f"wrote {count} rows to {output}", err=True)


@cli.command()
@click.option("--since", callback=_date, default=None)
@click.option("--until", callback=_date, default=None)
@pass_context
def brief(obj: Context, since: str | None, until: str | None) -> None:
    """A situation brief (Markdown) of the stored events and positions."""
    from wardesk.brief import make_brief, render_markdown

    with obj.store() as store:
        click.echo(render_markdown(make_brief(store, since=since, until=until)))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8765, show_default=True)
@pass_context
def serve(obj: Context, host: str, port: int) -> None:
    """Serve the analyst's desk (web UI and JSON API)."""
    from wardesk.api import serve as run_server

    run_server(obj.settings, host=host, port=port)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--against", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Article text to score (default: the gold's own article or sentences).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--misses/--no-misses", default=True, show_default=True)
@pass_context
def evaluate(obj: Context, gold: str, against: str | None, fmt: str, misses: bool) -> None:
    """Score extraction against a gold file (seed gold.json format or PLOVER records)."""
    from wardesk.eval import evaluate as run_eval
    from wardesk.eval import report_json, report_text

    reports = run_eval(gold, obj.settings, against=against)
    if fmt == "json":
        click.echo(json.dumps([report_json(r) for r in reports], indent=2))
    else:
        for report in reports:
            click.echo(report_text(report, misses=misses))


from wardesk.cli.process import register as _register_process  # noqa: E402

_register_process(cli, pass_context, _date)  # proposals, coalitions, story (issue 15)


def main() -> None:
    cli(prog_name="wardesk")
