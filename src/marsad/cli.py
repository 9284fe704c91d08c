"""The command line: `marsad run | serve | search | claims | control | events | link | export | extract | places |
rejects | runs | eval | eval-events`."""
from __future__ import annotations

import csv
import json
import os
import sys

import click

from marsad import __version__
from marsad.model import CLAIM_FIELDS, CONTROL_CHANGES, CONTROL_FIELDS, GEO_FIELDS, KINDS
from marsad.store.base import shown

DB_HELP = "the store: a SQLite file (created if missing) or a postgresql:// URL of a database"
db_option = click.option("--db", default="marsad.db", show_default=True, envvar="MARSAD_DB", help=DB_HELP)

# Exit codes, documented in the README:
EXIT_OK = 0          # the run finished (rejects, if any, are stored and summarised)
EXIT_FAILED = 1      # the run could not go on (the store cannot be opened, an internal error)
EXIT_USAGE = 2       # wrong command line (click's own code)
EXIT_REJECTS = 3     # --fail-on-reject was given and at least one record was rejected


def _open(db: str, readonly: bool = False):
    from marsad.store import StoreError, open_store

    if readonly and not db.startswith("postgres") and not os.path.exists(db):
        raise click.ClickException(f"no store at {db!r}: build one with `marsad run INPUT... --db {db}`")
    try:
        return open_store(db, readonly=readonly)
    except StoreError as e:
        raise click.ClickException(str(e))


def _query(db: str, ask):
    """What `ask(store)` returns from the store at db, opened read-only and closed after."""
    store = _open(db, readonly=True)
    try:
        result = ask(store)
        return list(result) if not isinstance(result, list) else result
    finally:
        store.db.close()


def _echo_jsonl(rows) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


def _read_options(fmt: str, fields: tuple[str, ...], max_bytes: int):
    from marsad.read import ReadOptions

    options = ReadOptions(max_bytes=max_bytes, format=fmt)
    try:
        options.map_fields(list(fields))
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--field")
    return options


read_opts = [
    click.option("--format", "fmt", type=click.Choice(["auto", "text", "jsonl", "html", "warc"]), default="auto",
                 show_default=True, help="input format; auto goes by file extension (.txt, .jsonl[.gz], .html, "
                                         ".warc[.gz])"),
    click.option("--field", "fields", multiple=True, metavar="NAME=FIELD",
                 help="read a document attribute (id, text, title, url, date, source, byline, section) "
                      "from another JSON field, e.g. --field text=body; repeatable"),
    click.option("--max-bytes", type=int, default=5_000_000, show_default=True,
                 help="records with more text than this are rejected"),
]


def with_read_options(f):
    for opt in reversed(read_opts):
        f = opt(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def main():
    """marsad (مرصد): Arabic news in, conflict data out.

    Reads Arabic articles (text files, JSONL corpora, HTML pages), finds every figure
    about people killed, injured, displaced, detained ... and stores each as a claim with
    its quote, in a SQLite file.
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@db_option
@with_read_options
@click.option("-j", "--jobs", type=int, default=1, show_default=True,
              help="worker processes; 0 means one per core")
@click.option("--progress/--no-progress", default=None, help="show a progress bar (default: when on a terminal)")
@click.option("--fail-on-reject", is_flag=True, help=f"exit with code {EXIT_REJECTS} when any record is rejected")
@click.option("--json", "as_json", is_flag=True, help="print the run's counts as JSON instead of a table")
@click.option("--link/--no-link", "link", default=True, show_default=True,
              help="link the new claims into events after the run (`marsad link`)")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="local: this machine's cores (--jobs); spark: a Spark session (--spark-master)")
@click.option("--spark-master", default="local[*]", show_default=True,
              help="with --engine spark: local[N], spark://HOST:7077, yarn, k8s://...")
@click.option("--spark-partitions", type=int, help="with --engine spark: partitions per window of documents")
@click.option("--parquet", "parquet", type=click.Path(), help="with --engine spark: also write the claims, by Spark, "
              "as a Parquet dataset in this folder")
def run(inputs, db, fmt, fields, max_bytes, jobs, progress, fail_on_reject, as_json, link, engine, spark_master,
        spark_partitions, parquet):
    """Read INPUT files or folders, extract claims, store them in --db.

    Running the same input again adds nothing: documents are known by id and content hash;
    a document whose text changed replaces its earlier version. Records that cannot be
    used are kept as rejects with their reason (see `marsad rejects`).

    \b
    Examples:
      marsad run samples/articles
      marsad run corpus.jsonl.gz --db news.db --jobs 0
      marsad run dump.jsonl --field text=body --field id=article_id
    """
    from marsad.run import LocalExecutor

    options = _read_options(fmt, fields, max_bytes)
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if parquet and engine != "spark":
        raise click.UsageError("--parquet needs --engine spark (or use `marsad export --format parquet`)")
    store = _open(db)
    show = sys.stderr.isatty() if progress is None else progress
    try:
        if engine == "spark":
            from marsad.run.spark import SparkExecutor

            executor = SparkExecutor(store, master=spark_master, partitions=spark_partitions, parquet=parquet,
                                     options=options)
            try:
                _, counts = executor.run(list(inputs))
            finally:
                executor.stop()
        elif show:
            counts = _run_with_progress(store, jobs, options, list(inputs))
        else:
            _, counts = LocalExecutor(store, jobs=jobs, options=options).run(list(inputs))
        linked = store.link() if link else None
        totals = store.counts()
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps({"run": counts.to_dict(), "events": linked, "store": totals, "db": db},
                              ensure_ascii=False, indent=2))
    else:
        _print_summary(counts, totals, db, linked)
    if fail_on_reject and counts.rejects:
        sys.exit(EXIT_REJECTS)


def _run_with_progress(store, jobs, options, inputs):
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from marsad.run import LocalExecutor

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  transient=True, console=_console(stderr=True)) as bar:
        task = bar.add_task("reading", total=None)

        def update(c):
            rate = c.documents / c.seconds if c.seconds else 0
            bar.update(task, description=f"{c.documents:,} docs  {rate:,.0f} docs/s  "
                                         f"{sum(c.claims.values()):,} claims  {sum(c.rejects.values()):,} rejects")

        _, counts = LocalExecutor(store, jobs=jobs, options=options, on_progress=update).run(inputs)
    return counts


def _console(stderr=False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    # a table piped to a file or another program is not cut to 80 columns
    return Console(stderr=stderr, highlight=False, width=None if stream.isatty() else 200)


def _print_summary(counts, totals, db, linked=None):
    from rich.table import Table

    c = counts
    table = Table(title="marsad run", show_header=False, title_justify="left")
    table.add_column(justify="left")
    table.add_column(justify="right")
    table.add_row("documents read", f"{c.documents:,}")
    table.add_row("  new", f"{c.new:,}")
    table.add_row("  updated", f"{c.updated:,}")
    table.add_row("  unchanged (already stored)", f"{c.unchanged:,}")
    table.add_row("rejects", f"{sum(c.rejects.values()):,}")
    for reason, n in c.rejects.most_common():
        table.add_row(f"  {reason}", f"{n:,}")
    table.add_row("claims", f"{sum(c.claims.values()):,}")
    for kind in KINDS:
        if c.claims.get(kind):
            table.add_row(f"  {kind}", f"{c.claims[kind]:,}")
    table.add_row("control claims", f"{sum(c.control.values()):,}")
    for change in CONTROL_CHANGES:
        if c.control.get(change):
            table.add_row(f"  {change}", f"{c.control[change]:,}")
    rate = f"{c.documents / c.seconds:,.0f} docs/s" if c.seconds else ""
    table.add_row("time", f"{c.seconds:,.1f} s  {rate}")
    if linked:
        table.add_row("events", f"{linked['events_new']:,} new, {linked['events_updated']:,} updated "
                                f"({linked['linked_now']:,} claims linked)")
    table.add_row(f"store {shown(db)}", f"{totals['documents']:,} documents, {totals['claims']:,} claims, "
                                 f"{totals['events']:,} events, {totals['rejects']:,} rejects")
    _console().print(table)
    if c.rejects:
        click.echo(f"see the rejects with: marsad rejects --db {db}")


@main.command()
@click.argument("query")
@db_option
@click.option("-n", "--limit", type=int, default=20, show_default=True, help="how many documents")
@click.option("--json", "as_json", is_flag=True, help="one JSON object per document")
def search(query, db, limit, as_json):
    """Full-text search of the stored documents.

    Words are found whatever their spelling variant: with or without diacritics, أ/إ/آ/ا,
    ى/ي, ة/ه. All words of QUERY must be in the document.

    \b
    Example:
      marsad search "الرقة داعش"
    """
    hits = _query(db, lambda store: store.search(query, limit=limit))
    if as_json:
        _echo_jsonl(hits)
        return
    if not hits:
        click.echo("no document matches")
        return
    for h in hits:
        click.echo(f"{h['id']}  {h['title'] or ''}")
        click.echo(f"    {h['snippet']}")


@main.command()
@db_option
@click.option("--kind", type=click.Choice(KINDS), help="only this kind")
@click.option("--group", help="only figures counting this group (e.g. civilians, ISIS)")
@click.option("--source", help="only figures from this source (e.g. SOHR)")
@click.option("--place", help="only places containing this text")
@click.option("--doc", help="only this document id")
@click.option("--country", help="only claims placed in this country (ISO code, e.g. SY)")
@click.option("--admin1", help="only claims placed in this first-level division (as `marsad places` names it)")
@click.option("-n", "--limit", type=int, default=None, help="at most this many claims")
@click.option("--output", "-o", "output", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="output format")
def claims(db, kind, group, source, place, doc, country, admin1, limit, output):
    """List stored claims, with filters.

    \b
    Examples:
      marsad claims --kind killed --source SOHR
      marsad claims --doc raqqa-qposts -o jsonl
      marsad claims --country SY --admin1 Idlib
      marsad claims -o csv > claims.csv
    """
    store = _open(db, readonly=True)
    try:
        rows = store.claims(limit=limit, kind=kind, group=group, source=source, place=place, doc=doc,
                            country=country.upper() if country else None, admin1=admin1)
        _print_claims(rows, output)
    finally:
        store.db.close()


def _print_claims(rows, output):
    if output == "jsonl":
        for c in rows:
            click.echo(json.dumps(c.to_dict(), ensure_ascii=False))
    elif output == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(CLAIM_FIELDS)
        for c in rows:
            writer.writerow([getattr(c, f) for f in CLAIM_FIELDS])
    else:
        from rich.table import Table

        table = Table(show_lines=False)
        for col in ("doc", "kind", "figure", "group", "source", "stance", "place"):
            table.add_column(col, no_wrap=True)
        table.add_column("quote", overflow="fold", min_width=30)
        n = 0
        for c in rows:
            n += 1
            table.add_row(c.doc, c.kind, _figure(c), c.group or "", c.source or "", c.stance, c.place or "", c.quote)
        _console().print(table)
        click.echo(f"{n:,} claims")


def _figure(c) -> str:
    if c.qualifier == "range" or (c.qualifier == "vague" and c.low != c.high):
        return f"{c.low}-{c.high}" + (" (vague)" if c.qualifier == "vague" else "")
    if c.qualifier == "at_least":
        return f"≥{c.low}"
    if c.qualifier == "at_most":
        return f"≤{c.high}"
    return f"~{c.low}" if c.qualifier == "approx" else str(c.low)


@main.command()
@db_option
@click.option("--actor", help="only this actor (a label: ISIS, SDF, Houthis, Syrian government forces ...)")
@click.option("--change", type=click.Choice(CONTROL_CHANGES), help="only this change")
@click.option("--place", help="only places whose name (Arabic as written, or English) holds this")
@click.option("--country", help="only places in this country (ISO code, e.g. SY)")
@click.option("--admin1", help="only places in this first-level division (English name, e.g. Aleppo)")
@click.option("--source", help="only claims of this source")
@click.option("--doc", help="only the claims of this document")
@click.option("--search", "query", help="only claims of documents that hold these words (any spelling, as `marsad search`)")
@click.option("--since", help="only documents dated on or after this day (YYYY-MM-DD)")
@click.option("--until", help="only documents dated on or before this day (YYYY-MM-DD)")
@click.option("--state", "state", is_flag=True,
              help="with --actor: the latest state of each place (held, lost, besieging, contested)")
@click.option("-n", "--limit", type=int, help="at most this many claims")
@click.option("-o", "--output", type=click.Choice(["table", "jsonl", "csv", "geojson"]), default="table",
              show_default=True, help="geojson: points for the map (claims, or with --state the places)")
def control(db, actor, change, place, country, admin1, source, doc, query, since, until, state, limit, output):
    """List control claims: who took, lost, holds, besieges or contests which place, according to whom.

    \b
    Examples:
      marsad control --actor ISIS --country SY
      marsad control --change took --since 2015-07-01 --until 2015-08-31 -o jsonl
      marsad control --search "قاعدة العند"                    # claims of articles that name it
      marsad control --actor Houthis --state                  # what they hold now, place by place
      marsad control --actor Houthis --state --until 2015-07-15  # ... and as of a past day
      marsad control --actor Houthis --state -o geojson > houthis.geojson
    """
    if state and not actor:
        raise click.UsageError("--state needs --actor: the state is one actor's, place by place")
    store = _open(db, readonly=True)
    try:
        if state:
            rows = store.control_state(actor, country=country, until=until)
            _print_state(rows, output)
        else:
            rows = store.control(limit=limit, place=place, since=since, until=until, search=query, actor=actor, change=change,
                                 country=country.upper() if country else None, admin1=admin1, source=source, doc=doc)
            _print_control(rows, output)
    finally:
        store.db.close()


def _print_control(rows, output):
    if output == "jsonl":
        for k in rows:
            click.echo(json.dumps(k.to_dict(), ensure_ascii=False))
    elif output == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(CONTROL_FIELDS + GEO_FIELDS)
        for k in rows:
            writer.writerow([getattr(k, f) for f in CONTROL_FIELDS + GEO_FIELDS])
    elif output == "geojson":
        _echo_geojson(k.to_dict() for k in rows)
    else:
        from rich.table import Table

        table = Table(show_lines=False)
        for col in ("doc", "actor", "change", "place", "extent", "source", "stance"):
            table.add_column(col, no_wrap=True)
        table.add_column("quote", overflow="fold", min_width=30)
        n = 0
        for k in rows:
            n += 1
            table.add_row(k.doc, k.actor, k.change, k.place, k.extent or "", k.source or "", k.stance, k.quote)
        _console().print(table)
        click.echo(f"{n:,} control claims")


def _print_state(rows, output):
    if output == "jsonl":
        _echo_jsonl(rows)
    elif output == "geojson":
        _echo_geojson(rows)
    elif output == "csv":
        fields = ["place", "place_en", "country", "admin1", "lat", "lon", "state", "change", "extent", "date",
                  "doc", "source", "claims", "history", "quote"]
        writer = csv.writer(sys.stdout)
        writer.writerow(fields)
        for r in rows:
            writer.writerow([r.get(f) for f in fields])
    else:
        from rich.table import Table

        table = Table(show_lines=False)
        for col in ("place", "place_en", "state", "extent", "since", "source", "claims", "history"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(r["place"], r["place_en"] or "", r["state"], r["extent"] or "", r["date"] or "",
                          r["source"] or "", str(r["claims"]), r["history"])
        _console().print(table)
        click.echo(f"{len(rows):,} places")


def _echo_geojson(rows) -> None:
    """A GeoJSON FeatureCollection of the rows that have coordinates (the others are left
    out: a place without a gazetteer entry cannot be drawn)."""
    features = []
    for r in rows:
        if r.get("lat") is None or r.get("lon") is None:
            continue
        props = {k: v for k, v in r.items() if k not in ("lat", "lon")}
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                         "properties": props})
    click.echo(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False))


@main.command()
@db_option
@click.option("--rebuild", is_flag=True, help="forget the stored events and link every claim again")
@click.option("--json", "as_json", is_flag=True, help="print the counts as JSON")
def link(db, rebuild, as_json):
    """Link claims into events: the claims of many articles about one incident.

    Incremental: claims already in an event stay there, new ones join the events that
    exist or start new ones (`marsad run` does this after every run). Near-duplicate
    documents (one wire copy in several outlets) are grouped first, so that they count as
    one report. docs/EVENTS.md says how claims are linked and figures reconciled.
    """
    store = _open(db)
    try:
        counts = store.link(rebuild=rebuild)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(counts))
    else:
        click.echo(f"{counts['linked_now']:,} claims linked: {counts['events_new']:,} new events, "
                   f"{counts['events_updated']:,} updated; {counts['events']:,} events in all; "
                   f"{counts['duplicate_documents']:,} documents in near-duplicate groups")


@main.command()
@db_option
@click.argument("event_id", required=False, type=int)
@click.option("--kind", type=click.Choice(KINDS), help="only events with figures of this kind")
@click.option("--country", help="only events in this country (ISO code, e.g. YE)")
@click.option("--admin1", help="only events in this first-level division (English name)")
@click.option("--place", help="only events whose place (Arabic as written, or English) holds this")
@click.option("--since", help="only events on or after this day (YYYY-MM-DD)")
@click.option("--until", help="only events on or before this day (YYYY-MM-DD)")
@click.option("--flag", type=click.Choice(["disagreement", "denied", "single_source", "rising", "running_toll"]),
              help="only events with this flag")
@click.option("--min-sources", type=int, help="only events with at least this many sources")
@click.option("--running/--incidents", "cumulative", default=None,
              help="only running tolls / only single incidents (default: both)")
@click.option("--search", "query", help="only events of documents that hold these words (any spelling)")
@click.option("-n", "--limit", type=int, help="at most this many events")
@click.option("-o", "--output", type=click.Choice(["table", "json", "jsonl", "geojson"]), default="table",
              show_default=True, help="json: with EVENT_ID, the event with every source and claim")
def events(db, event_id, kind, country, admin1, place, since, until, flag, min_sources, cumulative, query, limit,
           output):
    """List events (one incident, many articles) with their best, low and high figures.

    With EVENT_ID, show one event: every source's figure side by side, its date and quote,
    the flags, the timeline of a rising toll, and its claims.

    \b
    Examples:
      marsad events --country YE --since 2015-07-15 --until 2015-07-31
      marsad events --kind killed --flag disagreement --min-sources 3
      marsad events 42                      # one event, side by side
      marsad events 42 -o json              # ... as JSON, with its claims
      marsad events --country SY -o geojson > events.geojson
    """
    store = _open(db, readonly=True)
    try:
        if event_id is not None:
            e = store.event(event_id)
            if e is None:
                raise click.ClickException(f"no event {event_id} in {db}")
            if output in ("json", "jsonl"):
                click.echo(json.dumps(e, ensure_ascii=False, indent=2 if output == "json" else None))
            else:
                _print_event(e)
            return
        rows = store.events(kind=kind, country=country, admin1=admin1, place=place, since=since, until=until,
                            flag=flag, min_sources=min_sources, cumulative=cumulative, search=query, limit=limit)
        if output == "jsonl":
            _echo_jsonl(rows)
        elif output == "json":
            click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2))
        elif output == "geojson":
            _echo_geojson(rows)
        else:
            _print_events(rows)
    finally:
        store.db.close()


def _figures_line(e) -> str:
    parts = []
    for f in e["figures"]:
        span = f"{f['best']}" if f["low"] == f["high"] else f"{f['best']} ({f['low']}-{f['high']})"
        parts.append(f"{f['kind']} {f['group']} {span}")
    return "; ".join(parts)


def _print_events(rows):
    from rich.table import Table

    table = Table()
    for col in ("id", "date", "place", "country", "sources", "reports", "figures (best, low-high)", "flags"):
        table.add_column(col, overflow="fold")
    n = 0
    for e in rows:
        n += 1
        date = e["date_start"] if e["date_start"] == e["date_end"] else f"{e['date_start']}..{e['date_end']}"
        table.add_row(str(e["id"]), date or "", e["place"] or "", e["country"] or "", str(e["n_sources"]),
                      str(e["n_reports"]), _figures_line(e), ", ".join(e["flags"]))
    _console().print(table)
    click.echo(f"{n:,} events")


def _print_event(e):
    from rich.table import Table

    console = _console()
    date = e["date_start"] if e["date_start"] == e["date_end"] else f"{e['date_start']} .. {e['date_end']}"
    console.print(f"event {e['id']}: {e['place'] or '?'} ({e['place_en'] or ''}, {e['country'] or ''}), {date}; "
                  f"{e['n_claims']} claims in {e['n_docs']} documents ({e['n_reports']} reports), "
                  f"{e['n_sources']} sources; flags: {', '.join(e['flags']) or 'none'}")
    for f in e["figures"]:
        table = Table(title=f"{f['kind']} ({f['group']}): best {f['best']}, low {f['low']}, high {f['high']}"
                            + (f"; {', '.join(f['flags'])}" if f["flags"] else ""), title_justify="left")
        for col in ("source", "figure", "stance", "date", "published", "outlet", "doc", "quote"):
            table.add_column(col, overflow="fold")
        for s in f["sources"]:
            fig = str(s["low"]) if s["low"] == s["high"] else f"{s['low']}-{s['high']}"
            table.add_row(s["source"], fig, s["stance"], s["date"] or "", (s["published"] or "")[:16], s["outlet"] or "",
                          s["doc"], s["quote"])
        console.print(table)
        if len(f["timeline"]) > 1:
            console.print("timeline: " + " > ".join(f"{t['date']} {t['figure']:g} ({t['source']})" for t in f["timeline"]))


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="the address to listen on (127.0.0.1: this machine only; 0.0.0.0 opens it to the network)")
@click.option("--port", type=int, default=8000, show_default=True)
def serve(db, host, port):
    """Serve the dashboard over the store: map, timeline, events, claims, search, every
    figure one click from its sentence; a JSON API with its OpenAPI docs at /docs.

    The store is opened read-only. Everything the pages load comes from the package: no
    CDN, no tile server.

    \b
    Example:
      marsad serve --db marsad.db        # then open http://127.0.0.1:8000
    """
    import uvicorn

    from marsad.web.app import create_app

    _open(db, readonly=True).db.close()  # (a store that is not there, or a server that is not: said here)
    app = create_app(db)
    click.echo(f"marsad dashboard over {shown(db)}: open http://{host}:{port}/  (API docs: http://{host}:{port}/docs; "
               f"Ctrl-C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@db_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["acled", "ucdp", "plover", "jsonl", "csv", "parquet", "geojson"]),
              help="acled/ucdp/plover/geojson: events (and control claims for acled and plover); "
                   "jsonl/csv/parquet: claims")
@click.option("-o", "--output", default="-", show_default=True, help="the file to write (- for standard output)")
@click.option("--since", help="only claims or events on or after this day (YYYY-MM-DD)")
@click.option("--until", help="only claims or events on or before this day (YYYY-MM-DD)")
@click.option("--country", help="only this country (ISO code, e.g. YE)")
@click.option("--kind", type=click.Choice(KINDS), help="only claims, or events with figures, of this kind")
@click.option("--group", help="only claims, or events with figures, of this group (civilians, Houthis ...)")
@click.option("--source", help="only claims, or events with claims, of this source")
def export(db, fmt, output, since, until, country, kind, group, source):
    """Export claims or events in the formats conflict researchers load: ACLED's CSV, UCDP
    GED-like CSV, PLOVER JSON lines, claims as JSONL (GUIDE.md's format), CSV or Parquet,
    events as GeoJSON. Streams: memory stays flat on any store. The mapping of marsad's kinds,
    groups and control changes to each format is docs/EXPORTS.md.

    \b
    Examples:
      marsad export --format acled -o acled.csv --country YE --since 2015-07-01
      marsad export --format parquet -o claims.parquet
      marsad export --format jsonl --kind killed > killed.jsonl
    """
    from marsad.export import export as run_export

    store = _open(db, readonly=True)
    try:
        n = run_export(store, fmt, output, since=since, until=until, country=country.upper() if country else None,
                       kind=kind, group=group, source=source)
    except ValueError as e:
        raise click.ClickException(str(e))
    finally:
        store.db.close()
    if output != "-":
        click.echo(f"{n:,} rows written to {output}", err=True)


@main.command(name="eval-events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--errors", is_flag=True, help="list every pair linked wrongly or left apart")
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
def eval_events(gold, db, errors, as_json):
    """Score the store's events against hand-built events: pairwise linking precision and recall.

    GOLD is a TSV of event, doc, start, end (tests/data/events_gold.tsv); the store must
    hold the gold documents, linked (`marsad run` links them).

    \b
    Example:
      marsad run ../shared/corpus/saudinewsnet.jsonl.gz --db corpus.db --jobs 0
      marsad eval-events tests/data/events_gold.tsv --db corpus.db
    """
    from marsad.link.events import load_gold, score_links

    store = _open(db, readonly=True)
    try:
        s = score_links(store, load_gold(gold))
    finally:
        store.db.close()
    if as_json:
        click.echo(json.dumps({k: v for k, v in s.items() if k not in ("errors", "missing")}))
        return
    click.echo(f"gold: {s['gold_events']} events, {s['gold_claims']} claims ({s['claims_missing']} not in the store)")
    click.echo(f"pairs: {s['pairs_gold']} in gold, {s['pairs_predicted']} linked, {s['true_pairs']} right")
    click.echo(f"precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}")
    if errors:
        for what, a, b in s["errors"]:
            click.echo(f"{what}\t{a[0]} {a[2]}:{a[3]} (event {a[1]})\t{b[0]} {b[2]}:{b[3]} (event {b[1]})")
        for m in s["missing"]:
            click.echo(f"missing\t{m[0]}\t{m[1]}:{m[2]}-{m[3]}")


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@with_read_options
@click.option("--control", "control", is_flag=True,
              help="print the control claims (docs/CONTROL.md) instead of the figures")
def extract(inputs, fmt, fields, max_bytes, control):
    """Print the claims of INPUT files as JSONL (the format of the annotation guide), with no store.

    Rejected records are reported on stderr, one line each.

    \b
    Examples:
      marsad extract article.txt > claims.jsonl
      marsad extract --control article.txt     # who took, lost, holds which place
    """
    from marsad.model import Reject
    from marsad.read import read_inputs
    from marsad.run import process

    options = _read_options(fmt, fields, max_bytes)
    for record in read_inputs(list(inputs), options):
        if not isinstance(record, Reject):
            record = process(record)
        if isinstance(record, Reject):
            click.echo(f"reject\t{record.input}\t{record.locator}\t{record.reason}\t{record.detail}", err=True)
            continue
        for c in (record.control if control else record.claims):
            click.echo(json.dumps(c.to_dict(), ensure_ascii=False))


@main.command()
@db_option
@click.option("--country", help="only places in this country (ISO code, e.g. YE)")
@click.option("-n", "--limit", type=int, default=50, show_default=True, help="how many places")
@click.option("--json", "as_json", is_flag=True, help="one JSON object per place")
def places(db, country, limit, as_json):
    """List the places of the stored claims with their claim counts, most claims first.

    \b
    Examples:
      marsad places
      marsad places --country SY -n 20
    """
    rows = _query(db, lambda store: store.places(country=country, limit=limit))
    if as_json:
        _echo_jsonl(rows)
        return
    from rich.table import Table

    table = Table()
    for col in ("place", "", "country", "division", "kind", "lat", "lon", "claims", "docs"):
        table.add_column(col, no_wrap=True)
    for r in rows:
        table.add_row(r["place_ar"] or "", r["place_en"] or "", r["country"] or "", r["admin1"] or "",
                      r["feature"] or "", f"{r['lat']:.3f}", f"{r['lon']:.3f}", str(r["claims"]), str(r["documents"]))
    _console().print(table)


@main.command()
@db_option
@click.option("--reason", help="only this reason (e.g. invalid_utf8, malformed_json)")
@click.option("--json", "as_json", is_flag=True, help="one JSON object per reject")
def rejects(db, reason, as_json):
    """List the records that were set aside, with where they are and why."""
    rows = _query(db, lambda store: store.rejects(reason))
    for r in rows:
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
        else:
            where = f"{r['input']}" + (f" ({r['locator']})" if r["locator"] else "")
            click.echo(f"{r['reason']}\t{where}\t{r['detail']}")
    if not as_json:
        click.echo(f"{len(rows):,} rejects")


@main.command(name="eval")
@click.argument("predictions", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--gold", "gold_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="gold claims JSONL (repeatable); default: the shared dev set and the raqqa article")
@click.option("--corpus", "corpus_files", multiple=True, type=click.Path(exists=True),
              help="where the gold documents' texts are (repeatable); default: the shared corpus")
@click.option("--ids", "id_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="files of document ids to score, one a line (besides the docs the gold names)")
@click.option("--shared", default=lambda: os.environ.get("MARSAD_SHARED", "../shared"), show_default="../shared",
              help="the folder with gold/ and corpus/ used for the defaults")
@click.option("--errors", is_flag=True, help="list every miss, false alarm and wrong attribute with its quote")
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
def eval_(predictions, gold_files, corpus_files, id_files, shared, errors, as_json):
    """Score claims against gold (GUIDE.md's "Matching and scores").

    Without PREDICTIONS (a claims JSONL file), runs the extractor on the gold documents
    of the corpus first, and scores that. Prints precision, recall, F1, the accuracy of
    group, source, stance and place over matched claims, and a table per kind, for each
    gold file and for all together.

    \b
    Examples:
      marsad eval                                 # the shared dev set and raqqa article
      marsad eval --errors                        # ... with every error listed
      marsad eval preds.jsonl --gold gold.jsonl --corpus corpus.jsonl.gz
    """
    from marsad import evaluate as ev

    d_gold, d_corpus, d_ids = ev.default_gold(shared)
    gold_files = list(gold_files) or d_gold
    corpus_files = list(corpus_files) or d_corpus
    if not id_files and gold_files == d_gold:
        id_files = d_ids
    for path in gold_files + corpus_files + list(id_files):
        if not os.path.exists(path):
            raise click.ClickException(f"{path} not found (give --gold/--corpus, or --shared DIR)")
    golds = {path: ev.load_claims([path]) for path in gold_files}
    all_gold = [g for gs in golds.values() for g in gs]
    doc_ids = ev.read_ids(id_files) | {g["doc"] for g in all_gold}
    if predictions:
        predicted = ev.load_claims([predictions])
        _, texts = ev.predict(corpus_files, doc_ids) if corpus_files else ([], {})
    else:
        predicted, texts = ev.predict(corpus_files, doc_ids)
    missing = sorted(doc_ids - set(texts))
    if missing:
        click.echo(f"warning: {len(missing)} gold documents not found in the corpus: {', '.join(missing[:5])}", err=True)
    report = {}
    sections = list(golds.items()) + ([("all", all_gold)] if len(golds) > 1 else [])
    id_set = ev.read_ids(id_files) if id_files else set()
    for name, gold in sections:
        docs = {g["doc"] for g in gold}
        if name == "all" or name in d_gold[:1]:
            docs |= id_set
        s = ev.score(predicted, gold, texts, docs)
        report[os.path.basename(name)] = s
    if as_json:
        click.echo(json.dumps({k: v.to_dict() for k, v in report.items()}, indent=2))
        return
    for name, s in report.items():
        click.echo(f"== {name}")
        click.echo(ev.format_report(s, errors=errors and name != "all" or (errors and len(report) == 1)))
        click.echo("")


@main.command()
@db_option
def runs(db):
    """List the runs stored in --db with their counts."""
    store = _open(db, readonly=True)
    try:
        for r in store.runs():
            c = r["counts"]
            click.echo(f"run {r['id']}  {r['started']}  {r['status']}  documents {c.get('documents', 0)} "
                       f"(new {c.get('new', 0)}, unchanged {c.get('unchanged', 0)})  "
                       f"rejects {sum((c.get('rejects') or {}).values())}  claims {sum((c.get('claims') or {}).values())}")
    finally:
        store.db.close()


if __name__ == "__main__":
    main()
