"""The ASGI app: JSON API under ``/api/``, the same data as HTML pages, static files.

Every HTML page is also JSON: add ``?format=json`` or use its ``/api/`` twin (the habit is
datasette's). The store is opened read-only, once per request, so a running `lagebild run`
never sees a writer here and a request always reads a consistent snapshot.

Security: Jinja2 autoescapes everything; data for charts goes into pages through ``|tojson``
inside a non-executable ``<script type="application/json">``; the Content-Security-Policy
allows scripts only from this server's static folder; request parameters are only ever
looked up in the database, and static files come only from the package's ``static/`` folder.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import LagebildError, StoreError
from ..models import MODALITIES, PLOVER_TYPES
from ..store import EventFilter, StoreLike, is_postgres_url
from ..store import open_store as open_any_store
from . import relations, views
from .views import BadRequest, Page

_PACKAGE = resources.files(__package__)
STATIC_DIR = Path(str(_PACKAGE.joinpath("static")))
TEMPLATE_DIR = Path(str(_PACKAGE.joinpath("templates")))
LOOPBACK = ("127.0.0.1", "localhost", "::1")

_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class EventCache:
    """All events, reloaded only when the store's row counts change.

    The overview, dyads, network and storylines aggregate over every event; reading them
    once per change rather than once per request keeps pages fast on a large store.
    """

    def __init__(self) -> None:
        self._key: tuple[tuple[str, int], ...] | None = None
        self._index = relations.EventIndex([], {}, {})
        self._lock = threading.Lock()

    def get(self, store: StoreLike) -> relations.EventIndex:
        key = tuple(sorted(store.counts().items()))
        with self._lock:
            if key != self._key:
                self._index = relations.EventIndex.build(store, store.events())
                self._key = key
            return self._index


def event_query(
    actor: Annotated[
        str | None, Query(description="actor id, country code (RUS) or name, either side")
    ] = None,
    type: Annotated[str | None, Query(description="PLOVER type: " + ", ".join(PLOVER_TYPES))] = None,
    since: Annotated[str | None, Query(description="from this date (YYYY[-MM[-DD]]), inclusive")] = None,
    until: Annotated[str | None, Query(description="up to this date, inclusive")] = None,
    modality: Annotated[str | None, Query(description="one of " + ", ".join(MODALITIES))] = None,
    limit: Annotated[
        int | None, Query(description=f"at most this many (default 200, max {views.MAX_LIMIT})")
    ] = None,
) -> EventFilter:
    """The event filters of the CLI's `lagebild events`, as query parameters."""
    # An empty form field arrives as "": it means "no filter", not "match the empty string".
    return EventFilter(
        actor=actor or None,
        type=type or None,
        since=since or None,
        until=until or None,
        modality=modality or None,
        limit=limit,
    )


def open_store(request: Request) -> Iterator[StoreLike]:
    """A read-only store for one request (closed after it): always a fresh, consistent view."""
    store = open_any_store(request.app.state.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[StoreLike, Depends(open_store)]


def all_events(request: Request, store: StoreDep) -> relations.EventIndex:
    cache: EventCache = request.app.state.cache
    return cache.get(store)


EventsDep = Annotated[relations.EventIndex, Depends(all_events)]
QueryDep = Annotated[EventFilter, Depends(event_query)]
Limit = Annotated[int | None, Query(ge=1, le=views.MAX_LIMIT, description="at most this many")]
MinEvents = Annotated[int, Query(ge=1, description="only dyads with at least this many factual events")]
StoryLimit = Annotated[int, Query(ge=1, le=200, description="at most this many dyads")]
StoryItems = Annotated[int, Query(ge=0, le=views.MAX_LIMIT, description="latest events per dyad (0: all)")]
Format = Annotated[Literal["html", "json"] | None, Query(description="json: the page's data as JSON")]


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,  # every template, whatever its name: article text is hostile input
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_href"] = safe_href
    env.globals.update(
        version=__version__,
        actor_label=relations.actor_label,
        article_url=views.article_url,
        dyad_url=views.dyad_url,
        actor_events_url=views.actor_events_url,
        polarity=relations.polarity,
        json_url=json_url,
    )
    return Jinja2Templates(env=env)


def json_url(request: Request) -> str:
    """This page's own address with ``format=json``, other parameters kept (a relative link)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "format"]
    return request.url.path + "?" + urlencode([*params, ("format", "json")])


def safe_href(url: str | None) -> str | None:
    """An outside link only when it is plain http(s): a stored ``javascript:`` URL is dropped."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def create_app(db_path: str | Path, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web app over the store ``db_path`` names: an SQLite file or a ``postgresql://`` URL.

    The store is opened read-only (on PostgreSQL a read-only session: the server refuses
    writes); raises StoreError if it is absent.

    ``allowed_hosts`` limits the ``Host`` header (guards a local server against DNS
    rebinding); ``serve`` sets it for loopback addresses; None accepts any host.
    """
    db = db_path if is_postgres_url(db_path) else Path(db_path)  # a URL is not made a Path
    open_any_store(db, readonly=True).close()  # fail now, with the store's message, not on first request
    app = FastAPI(
        title="lagebild",
        version=__version__,
        description="German news as sourced PLOVER events. Every HTML page is also JSON (?format=json).",
        docs_url=None,  # Swagger UI would load from a CDN: /docs is our own offline page instead
        redoc_url=None,
    )
    app.state.db_path = db
    app.state.cache = EventCache()
    templates = _templates()
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def render(request: Request, page: Page, fmt: str | None, status: int = 200) -> Response:
        if fmt == "json":
            return JSONResponse(page.data, status_code=status)
        context = {"data": page.data, **page.extra}
        return templates.TemplateResponse(request, page.template, context, status_code=status)

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api/") and request.query_params.get("format") != "json"

    def error_page(request: Request, status: int, message: str) -> Response:
        if wants_html(request):
            page = Page("error.html", {"status": status, "error": message})
            return render(request, page, "html", status)
        return JSONResponse({"error": message}, status_code=status)

    @app.exception_handler(LagebildError)
    async def lagebild_error(request: Request, exc: LagebildError) -> Response:
        status = 400 if isinstance(exc, BadRequest) else 503 if isinstance(exc, StoreError) else 500
        return error_page(request, status, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_page(request, exc.status_code, str(exc.detail))

    def found(page: Page | None, key: str) -> Page:
        if page is None:
            raise HTTPException(404, f"no article {key!r} in the database")
        return page

    # --- JSON API ---------------------------------------------------------------------

    @app.get("/api/overview", tags=["pages"], summary="Counts, latest events, strongest dyads, top actors")
    def api_overview(store: StoreDep, events: EventsDep) -> dict[str, Any]:
        return views.overview(store, events).data

    @app.get("/api/articles", tags=["articles"], summary="Stored articles (without bodies)")
    def api_articles(store: StoreDep, limit: Limit = None) -> dict[str, Any]:
        return views.articles(store, limit).data

    @app.get(
        "/api/articles/{article_id}",
        tags=["articles"],
        summary="One article: body, sentences, mentions, events",
    )
    def api_article(article_id: str, store: StoreDep) -> dict[str, Any]:
        return found(views.article(store, article_id), article_id).data

    @app.get("/api/events", tags=["events"], summary="Events with the CLI's filters, each with its evidence")
    def api_events(store: StoreDep, q: QueryDep) -> dict[str, Any]:
        return views.events(store, q).data

    @app.get("/api/actors", tags=["actors"], summary="Linked actors with mention counts")
    def api_actors(store: StoreDep) -> dict[str, Any]:
        return views.actors(store).data

    @app.get("/api/dyads", tags=["relations"], summary="Actor pairs, busiest first")
    def api_dyads(
        store: StoreDep, events: EventsDep, limit: Annotated[int, Query(ge=1, le=views.MAX_LIMIT)] = 100
    ) -> dict[str, Any]:
        return views.dyad_list(store, events, limit).data

    @app.get(
        "/api/dyad", tags=["relations"], summary="One dyad: monthly cooperation/conflict timeline and events"
    )
    def api_dyad(
        store: StoreDep,
        events: EventsDep,
        a: Annotated[str, Query(description="actor key: country code or actor id")],
        b: Annotated[str, Query(description="the other actor key")],
    ) -> dict[str, Any]:
        return views.dyad(store, events, a, b).data

    @app.get("/api/network", tags=["relations"], summary="Actors as nodes, dyads as weighted edges")
    def api_network(
        store: StoreDep, events: EventsDep, min_events: Annotated[int, Query(ge=1)] = 1
    ) -> dict[str, Any]:
        return views.network(store, events, min_events).data

    @app.get("/api/search", tags=["articles"], summary="Full-text search over titles and bodies")
    def api_search(
        store: StoreDep, q: str = "", limit: Annotated[int, Query(ge=1, le=200)] = 20
    ) -> dict[str, Any]:
        return views.search(store, q, limit).data

    @app.get(
        "/api/storylines", tags=["relations"], summary="The busiest dyads, each with its events in date order"
    )
    def api_storylines(
        store: StoreDep,
        events: EventsDep,
        min_events: MinEvents = 2,
        limit: StoryLimit = 10,
        items: StoryItems = 12,
    ) -> dict[str, Any]:
        return views.storylines(store, events, min_events, limit, items).data

    # --- HTML pages (each also JSON with ?format=json) -----------------------------------

    @app.get("/", include_in_schema=False)
    def page_overview(
        request: Request, store: StoreDep, events: EventsDep, format: Format = None
    ) -> Response:
        return render(request, views.overview(store, events), format)

    @app.get("/articles", include_in_schema=False)
    def page_articles(
        request: Request, store: StoreDep, limit: Limit = None, format: Format = None
    ) -> Response:
        return render(request, views.articles(store, limit), format)

    @app.get("/articles/{article_id}", include_in_schema=False)
    def page_article(request: Request, article_id: str, store: StoreDep, format: Format = None) -> Response:
        return render(request, found(views.article(store, article_id), article_id), format)

    @app.get("/events", include_in_schema=False)
    def page_events(request: Request, store: StoreDep, q: QueryDep, format: Format = None) -> Response:
        return render(request, views.events(store, q), format)

    @app.get("/actors", include_in_schema=False)
    def page_actors(request: Request, store: StoreDep, format: Format = None) -> Response:
        return render(request, views.actors(store), format)

    @app.get("/dyads", include_in_schema=False)
    def page_dyads(
        request: Request,
        store: StoreDep,
        events: EventsDep,
        limit: Annotated[int, Query(ge=1, le=views.MAX_LIMIT)] = 100,
        format: Format = None,
    ) -> Response:
        return render(request, views.dyad_list(store, events, limit), format)

    @app.get("/dyad", include_in_schema=False)
    def page_dyad(
        request: Request, store: StoreDep, events: EventsDep, a: str, b: str, format: Format = None
    ) -> Response:
        return render(request, views.dyad(store, events, a, b), format)

    @app.get("/network", include_in_schema=False)
    def page_network(
        request: Request,
        store: StoreDep,
        events: EventsDep,
        min_events: Annotated[int, Query(ge=1)] = 1,
        format: Format = None,
    ) -> Response:
        return render(request, views.network(store, events, min_events), format)

    @app.get("/search", include_in_schema=False)
    def page_search(
        request: Request,
        store: StoreDep,
        q: str = "",
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
        format: Format = None,
    ) -> Response:
        return render(request, views.search(store, q, limit), format)

    @app.get("/storylines", include_in_schema=False)
    def page_storylines(
        request: Request,
        store: StoreDep,
        events: EventsDep,
        min_events: MinEvents = 2,
        limit: StoryLimit = 10,
        items: StoryItems = 12,
        format: Format = None,
    ) -> Response:
        return render(request, views.storylines(store, events, min_events, limit, items), format)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def page_docs(request: Request, format: Format = None) -> Response:
        return render(request, Page("docs.html", {"endpoints": _endpoints(app.openapi())}), format)

    return app


def _endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The API's operations from its OpenAPI schema, for the offline /docs page."""
    out: list[dict[str, Any]] = []
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            params = [
                {
                    "name": p["name"],
                    "in": p["in"],
                    "required": p.get("required", False),
                    "description": p.get("description") or p.get("schema", {}).get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            out.append(
                {"method": method.upper(), "path": path, "summary": op.get("summary", ""), "params": params}
            )
    return out


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the web app with uvicorn until interrupted. Binds to loopback unless told otherwise."""
    import uvicorn

    allowed = [host, "localhost", "127.0.0.1", "[::1]"] if host in LOOPBACK else None
    app = create_app(db, allowed_hosts=allowed)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
