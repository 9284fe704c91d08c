"""The dashboard: `marsad serve` (docs/DASHBOARD.md). A read-only web app over a store: pages
in Arabic (right to left) with an English toggle, and a JSON API (OpenAPI at /docs) for
everything the pages show. Every script, style and map shape is served from the package.

Safe by default: the store is opened read-only, every query is parameterised, every text of
an article is escaped by the templates (Jinja2's autoescape), parameters are bounded, errors
are answered without a trace, and `marsad serve` binds to 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import csv
import io
import json
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal, Optional
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as FPath
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.model import KINDS
from marsad.store import SqlStore, open_store
from marsad.store.base import CLAIM_SORTS

WEB = Path(str(resources.files("marsad.web")))
# (the API answers with JSONResponse: FastAPI's encoder would walk every value again, several
# times slower on a map's 2,000 points)
# bounds on what a request may ask
MAX_PAGE = 500
MAX_TEXT = 200
MAX_OFFSET = 10_000_000
FLAGS = ("disagreement", "denied", "single_source", "rising", "running_toll")

TextQ = Annotated[Optional[str], Query(max_length=MAX_TEXT)]
IdPath = Annotated[int, FPath(ge=1, le=2**62)]  # (a store's ids are 64-bit integers)
DayQ = Annotated[Optional[str], Query(pattern=r"^\d{4}-\d{2}-\d{2}$")]
CountryQ = Annotated[Optional[str], Query(min_length=2, max_length=2)]
Kind = Literal[KINDS]
Flag = Literal[FLAGS]
Sort = Literal[tuple(CLAIM_SORTS)]
Order = Literal["asc", "desc"]


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    """The interface's words: {key: {"ar": ..., "en": ...}} (web/strings.tsv)."""
    out = {}
    for line in (WEB / "strings.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, ar, en = line.split("\t")
            out[key] = {"ar": ar, "en": en}
    return out


def create_app(db: str) -> FastAPI:
    """The app over the store at db (a SQLite file or a postgresql:// URL), opened read-only."""
    if not db.startswith(("postgresql://", "postgres://")) and not Path(db).exists():
        raise FileNotFoundError(f"no store at {db!r}: build one with `marsad run INPUT... --db {db}`")
    # (FastAPI's own /docs and /redoc load their scripts from a CDN: ours serves them itself)
    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None,
                  description="Conflict claims and events from Arabic news: the data the dashboard shows.")
    local = threading.local()

    def store() -> SqlStore:
        # one read-only connection per worker thread
        s = getattr(local, "store", None)
        if s is None:
            s = local.store = open_store(db, readonly=True)
        return s

    templates = Jinja2Templates(directory=str(WEB / "templates"))
    templates.env.globals["query_string"] = lambda q: urlencode({k: v for k, v in q.items() if v})
    templates.env.globals["figure"] = figure
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")

    def page(request: Request, name: str, **context) -> HTMLResponse:
        lang = "en" if (request.query_params.get("lang") or request.cookies.get("lang")) == "en" else "ar"
        words = {k: v[lang] for k, v in strings().items()}
        response = templates.TemplateResponse(request, name, {"t": words, "lang": lang, "kinds": KINDS, "flags": FLAGS,
                                                              "dir": "rtl" if lang == "ar" else "ltr", **context})
        if request.query_params.get("lang") in ("ar", "en"):
            response.set_cookie("lang", request.query_params["lang"], samesite="strict")
        return response

    # errors: a short message, never a trace ---------------------------------------

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        return JSONResponse({"error": "bad request",
                             "detail": [{"param": ".".join(str(p) for p in e["loc"][1:]), "problem": e["msg"]}
                                        for e in exc.errors()]}, status_code=422)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        return JSONResponse({"error": "internal error"}, status_code=500)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        if len(str(request.url)) > 4000:
            return JSONResponse({"error": "request too long"}, status_code=414)
        # a NUL character is in no text the store holds (and PostgreSQL refuses it outright)
        # (the query as sent, and the path as decoded: a test client or proxy may pass it decoded)
        if b"%00" in request.scope.get("query_string", b"") or "\x00" in request.url.path:
            return JSONResponse({"error": "bad request", "detail": "a NUL character in the request"}, status_code=400)
        # a form sends the fields left empty too ("kind=&country="): they filter nothing
        query = request.scope.get("query_string", b"")
        if b"=&" in query + b"&" or query.endswith(b"="):
            kept = [(k, v) for k, v in parse_qsl(query.decode("latin-1"), keep_blank_values=True) if v]
            request.scope["query_string"] = urlencode(kept).encode("latin-1")
        response = await call_next(request)
        # nothing from elsewhere: scripts, styles, images and data come from this app only
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
            "frame-ancestors 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    # the API ------------------------------------------------------------------------

    @app.get("/api/overview", tags=["api"], summary="Counts, figures over time by kind, top places and groups, latest events")
    def api_overview():
        return JSONResponse(store().overview())

    @app.get("/api/claims", tags=["api"], summary="Claims, filtered, searched, sorted and paged")
    def api_claims(kind: Optional[Kind] = None, group: TextQ = None, source: TextQ = None,
                   country: CountryQ = None, place: TextQ = None, doc: TextQ = None, q: TextQ = None,
                   since: DayQ = None, until: DayQ = None, sort: Sort = "date",
                   order: Order = "desc", limit: int = Query(50, ge=1, le=MAX_PAGE),
                   offset: int = Query(0, ge=0, le=MAX_OFFSET)):
        total, rows = store().claims_page(search=q, since=since, until=until, place=place, sort=sort, order=order,
                                          limit=limit, offset=offset, kind=kind, group=group, source=source,
                                          country=country.upper() if country else None, doc=doc)
        return JSONResponse({"total": total, "offset": offset, "limit": limit, "claims": rows})

    def _events(kind, country, place, since, until, flag, min_sources, q, limit, offset):
        return list(store().events(kind=kind, country=country, place=place, since=since, until=until, flag=flag,
                                   min_sources=min_sources, search=q, limit=limit, offset=offset))

    @app.get("/api/events", tags=["api"], summary="Events with their best, low and high figures")
    def api_events(kind: Optional[Kind] = None, country: CountryQ = None,
                   place: TextQ = None, since: DayQ = None, until: DayQ = None,
                   flag: Optional[Flag] = None, min_sources: int = Query(None, ge=1, le=1000),
                   q: TextQ = None, limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
        return JSONResponse({"events": _events(kind, country, place, since, until, flag, min_sources, q, limit, offset)})

    @app.get("/api/events/{event_id}", tags=["api"], summary="One event: every source side by side, its claims")
    def api_event(event_id: IdPath):
        e = store().event(event_id)
        if e is None:
            raise HTTPException(404, "no such event")
        return JSONResponse(e)

    @app.get("/api/documents/{doc_id}", tags=["api"], summary="One article: its text and its claims with offsets")
    def api_document(doc_id: str = FPath(..., max_length=MAX_TEXT)):
        d = store().document(doc_id)
        if d is None:
            raise HTTPException(404, "no such document")
        return {"id": d.id, "title": d.title, "outlet": d.outlet, "date": d.date, "url": d.url, "raw": d.raw,
                "claims": [c.to_dict() for c in d.claims], "control": [k.to_dict() for k in d.control]}

    @app.get("/api/search", tags=["api"], summary="Documents holding every word (any spelling)")
    def api_search(q: str = Query(..., min_length=1, max_length=MAX_TEXT), limit: int = Query(20, ge=1, le=100)):
        return {"documents": store().search(q, limit=limit)}

    @app.get("/api/map", tags=["api"], summary="Events as GeoJSON points, filtered")
    def api_map(kind: Optional[Kind] = None, since: DayQ = None, until: DayQ = None,
                q: TextQ = None, flag: Optional[Flag] = None, country: CountryQ = None, group: TextQ = None,
                source: TextQ = None, limit: int = Query(2000, ge=1, le=5000)):
        features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [e.pop("lon"), e.pop("lat")]},
                     "properties": e}
                    for e in store().event_points(kind=kind, limit=limit, country=country, since=since, until=until,
                                                  flag=flag, search=q, group=group, source=source)]
        return JSONResponse({"type": "FeatureCollection", "features": features})

    @app.get("/api/control", tags=["api"], summary="Actors of the control claims, or one actor's latest state per place")
    def api_control(actor: TextQ = None, until: DayQ = None):
        if not actor:
            return {"actors": store().actors()}
        rows = store().control_state(actor, until=until)
        return {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
             "properties": {k: v for k, v in r.items() if k not in ("lat", "lon")}} for r in rows if r["lat"] is not None]}

    @app.get("/api/claims.csv", tags=["downloads"], summary="The claims of /api/claims as CSV (up to 100,000)")
    def download_claims(kind: Optional[Kind] = None, group: TextQ = None, source: TextQ = None,
                        country: CountryQ = None, place: TextQ = None, q: TextQ = None, since: DayQ = None,
                        until: DayQ = None, sort: Sort = "date",
                        order: Order = "desc"):
        _, rows = store().claims_page(search=q, since=since, until=until, place=place, sort=sort, order=order,
                                      limit=100_000, offset=0, kind=kind, group=group, source=source,
                                      country=country.upper() if country else None)
        out = io.StringIO()
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="claims.csv"'})

    @app.get("/api/events.jsonl", tags=["downloads"], summary="The events of /api/events as JSON lines, with their figures")
    def download_events(kind: Optional[Kind] = None, country: CountryQ = None,
                        since: DayQ = None, until: DayQ = None, flag: Optional[Flag] = None,
                        q: TextQ = None):
        rows = _events(kind, country, None, since, until, flag, None, q, 100_000, 0)
        body = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in rows)
        return Response(body, media_type="application/x-ndjson; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="events.jsonl"'})

    # the pages ------------------------------------------------------------------------

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        return page(request, "docs.html")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request):
        o = store().overview()
        return page(request, "overview.html", o=o)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request):
        return page(request, "map.html", actors=store().actors())

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, kind: Optional[Kind] = None,
                    country: CountryQ = None, since: DayQ = None, until: DayQ = None,
                    flag: Optional[Flag] = None, q: TextQ = None,
                    offset: int = Query(0, ge=0, le=MAX_OFFSET)):
        rows = _events(kind, country, None, since, until, flag, None, q, 50, offset)
        return page(request, "events.html", events=rows, offset=offset,
                    query={"kind": kind, "country": country, "since": since, "until": until, "flag": flag, "q": q})

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: IdPath):
        e = store().event(event_id)
        if e is None:
            raise HTTPException(404, "no such event")
        timelines = {f"{f['kind']} {f['group']}": f["timeline"] for f in e["figures"] if len(f["timeline"]) > 1}
        return page(request, "event.html", e=e, timelines=timelines)

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request, kind: Optional[Kind] = None, group: TextQ = None,
                    source: TextQ = None, country: CountryQ = None, q: TextQ = None, since: DayQ = None,
                    until: DayQ = None, sort: Sort = "date",
                    order: Order = "desc", offset: int = Query(0, ge=0, le=MAX_OFFSET)):
        query = {"kind": kind, "group": group, "source": source, "country": country, "q": q, "since": since,
                 "until": until, "sort": sort, "order": order}
        total, rows = store().claims_page(search=q, since=since, until=until, sort=sort, order=order, limit=50,
                                          offset=offset, kind=kind, group=group, source=source,
                                          country=country.upper() if country else None)
        return page(request, "claims.html", claims=rows, total=total, offset=offset, query=query,
                    sorts=list(CLAIM_SORTS))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def reader_page(request: Request, doc_id: str = FPath(..., max_length=MAX_TEXT)):
        d = store().document(doc_id)
        if d is None:
            raise HTTPException(404, "no such document")
        return page(request, "reader.html", d=d, segments=segments(d.raw, d.claims),
                    claims=[c.to_dict() for c in d.claims])

    return app


def figure(low, high) -> str:
    """A figure as read: "12", "≥ 24" (at least), "≤ 5", "150–200"; "–" for none."""
    if low is None and high is None:
        return "–"
    if low == high:
        return f"{low:,}"
    if high is None:
        return f"≥ {low:,}"
    if low is None:
        return f"≤ {high:,}"
    return f"{low:,}–{high:,}"


def segments(raw: str, claims) -> list[tuple[str, int | None]]:
    """The raw text cut at the claims' offsets: (text, the index of the claim it is the quote
    of, or None). Overlapping quotes: the first keeps its span, the next starts after it."""
    out, pos = [], 0
    for i, c in sorted(enumerate(claims), key=lambda ic: (ic[1].start, ic[1].end)):
        start = max(c.start, pos)
        if start >= c.end:
            continue
        if start > pos:
            out.append((raw[pos:start], None))
        out.append((raw[start:c.end], i))
        pos = c.end
    if pos < len(raw):
        out.append((raw[pos:], None))
    return out
