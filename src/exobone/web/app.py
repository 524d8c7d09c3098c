"""The FastAPI application: server-rendered pages plus a JSON API under `/api`.

`create_app(Settings(...))` builds it; `exobone serve` runs it with uvicorn.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, unquote

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, Field
from sqlalchemy.exc import OperationalError
from starlette.background import BackgroundTask

from exobone.errors import ExoboneError, LabelError, StoreError, UnknownFieldError
from exobone.model import ANNOTATION_FIELDS, SET_FIELDS
from exobone.store import Store
from exobone.store.labels import condition_text
from exobone.store.store import label_number, study_label
from exobone.web import security
from exobone.web.charts import graph_data, graph_edges_page, map_data
from exobone.web.corpus import FACET_FIELDS, Corpus
from exobone.web.highlight import field_class, mark_matches
from exobone.web.jobs import MAX_WAITING, Job, UploadJobs, default_upload_dir
from exobone.web.labels import check_value
from exobone.web.links import doi_url, pmid_url, value_links
from exobone.web.network import NetworkQueries, as_bad_request
from exobone.web.review import Reviewer
from exobone.web.searchview import SORTS, SearchView, parse_filters
from exobone.web.views import curation_json, evidence_reasons, study_json, study_view

HERE = Path(__file__).resolve().parent
MAX_UPLOAD = 20 * 1024 * 1024
PAGE_SIZE = 20
# Ids are SQL integers (64-bit signed); anything larger names nothing.
MAX_ID = 2**63 - 1
# Deeper than any result list; keeps `offset + limit` a small SQL integer.
MAX_OFFSET = 1_000_000
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32
CurationId = Annotated[int, PathParam(ge=1, le=MAX_ID, description="A curation's id")]
QUALITY_PAGE = 200
GRAPH_PAGE = 200
# The network view's library: an npm package (package.json), served from node_modules.
CYTOSCAPE = ("cytoscape", "dist/cytoscape.min.js")
USER_HEADER = "x-exobone-user"
CURATOR_COOKIE = "exobone_curator"
CURATIONS_PAGE = 200
EXPORTS: dict[str, tuple[str, str]] = {
    "csv": ("exobone.csv", "text/csv; charset=utf-8"),
    "xlsx": ("exobone.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ris": ("exobone.ris", "application/x-research-info-systems; charset=utf-8"),
    "bibtex": ("exobone.bib", "application/x-bibtex; charset=utf-8"),
    "jsonl": ("exobone.jsonl", "application/x-ndjson; charset=utf-8"),
    "sheet": ("exobone-sheet.csv", "text/csv; charset=utf-8"),
    "graphml": ("exobone.graphml", "application/graphml+xml; charset=utf-8"),
}


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str | None = None
    token: str | None = None
    user: str = "anonymous"
    max_upload: int = MAX_UPLOAD
    # Where uploads are written while ingested (default: `jobs.default_upload_dir()`).
    upload_dir: Path | None = None
    # The address served, and more host names it answers to (`--allow-host`): see security.
    host: str = "127.0.0.1"
    allow_hosts: tuple[str, ...] = ()
    # Make an empty store when `db_url` has none (`exobone serve --create`).
    create: bool = True
    # {token: curator name}: each grants access like `token` and names who curates with it.
    curator_tokens: tuple[tuple[str, str], ...] = ()
    # Uploads queued behind the running one; past that an upload gets 503.
    max_waiting_uploads: int = MAX_WAITING


class CurationIn(BaseModel):
    field: str = Field(description="A set field of docs/schema.md, e.g. species")
    value: str = Field(description="The value to add or withdraw")
    remove: bool = Field(False, description="Withdraw the value instead of adding it")


def node_asset(package: str, path: str) -> Path | None:
    """A file of an npm package installed by `make web-assets` (package.json): in
    `$EXOBONE_NODE_MODULES`, or the source tree's `node_modules/`; None when missing."""
    folders = [os.environ.get("EXOBONE_NODE_MODULES", ""), str(HERE.parents[2] / "node_modules")]
    for folder in filter(None, folders):
        found = Path(folder) / package / path
        if found.is_file():
            return found
    return None


def plotly_js() -> Path:
    """plotly.min.js as shipped inside the installed `plotly` package (no CDN)."""
    return Path(str(files("plotly") / "package_data" / "plotly.min.js"))


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    settings = settings or Settings()
    try:
        token = security.check_token(settings.token)
        for curator_token, name in settings.curator_tokens:
            security.check_token(curator_token)
            if not security.CURATOR_NAME.match(name):
                raise ValueError(f"curator name {name!r}: 1-64 letters, digits, spaces or . @ + -")
    except ValueError as error:
        raise ExoboneError(str(error)) from None
    corpus = Corpus(store or Store.open(settings.db_url, create=settings.create))
    app = FastAPI(
        title="exobone",
        summary="Evidence-linked knowledge base of EV therapies for bone and cartilage",
        version=_version(),
        # Swagger UI and ReDoc load from a CDN, which the CSP blocks: /docs is our own page.
        docs_url=None,
        redoc_url=None,
    )
    app.state.corpus = corpus
    reviewer = Reviewer(corpus)
    network = NetworkQueries(corpus.aggregates)
    app.state.settings = settings
    # Uploads are jobs of one worker thread (one writer at a time; see `jobs`).
    uploads = UploadJobs(
        corpus.store, settings.upload_dir or default_upload_dir(), settings.max_waiting_uploads
    )
    app.state.uploads = uploads
    hosts = security.allowed_hosts(settings.host, settings.allow_hosts)
    curators = dict(settings.curator_tokens)
    app.middleware("http")(security.middleware(token, settings.max_upload + 65536, hosts, curators))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=security.without_bidi,
    )
    env.policies["json.dumps_function"] = security.display_json
    templates = Jinja2Templates(env=env)
    env.globals.update(
        field_class=field_class,
        set_fields=SET_FIELDS,
        annotation_fields=ANNOTATION_FIELDS,
        snippet=lambda hit: mark_matches(hit.snippet.text, hit.snippet.marks),
        condition_text=condition_text,
        doi_url=doi_url,
        pmid_url=pmid_url,
        value_links=value_links,
    )

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("csrf", security.csrf_token(request))
        return templates.TemplateResponse(request, template, context, status_code=status)

    def error_page(request: Request, status: int, message: str) -> HTMLResponse:
        return page(request, "error.html", status=status, message=message)

    def user_of(request: Request) -> str:
        """The curator: the one a curator's token names (`--curator-tokens`), else the
        API's header, the name this browser gave (`/curator`), or the server's `--user`."""
        named = getattr(request.state, "curator", None)
        if named:
            return str(named)
        cookie = unquote(request.cookies.get(CURATOR_COOKIE, ""))
        name = request.headers.get(USER_HEADER, "").strip() or cookie.strip() or settings.user
        if not security.CURATOR_NAME.match(name):
            raise HTTPException(400, "user name: 1-64 letters, digits, spaces or . @ + -")
        return name

    def record_id(ref: str) -> int:
        """The record number a URL names: a study id (S04) or the number itself (4)."""
        number = int(ref) if ref.isdigit() else label_number(ref)
        if number is None or not 0 < number <= MAX_ID:
            raise HTTPException(404, f"no study {ref!r}")
        return number

    def require_csrf(request: Request, token: str) -> None:
        if not security.check_form_csrf(request, token):
            raise HTTPException(403, "the form is stale or came from elsewhere; reload the page")

    # -- pages ---------------------------------------------------------------------------

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            from fastapi.responses import JSONResponse

            return JSONResponse({"detail": error.detail}, status_code=error.status_code)
        return error_page(request, error.status_code, str(error.detail))

    @app.exception_handler(OperationalError)
    async def store_busy(request: Request, error: OperationalError) -> Response:
        """SQLite's busy timeout ran out (another process held the write lock all along):
        503, to try again, instead of a 500; any other database error stays a 500."""
        if "database is locked" not in str(error.orig):
            raise error
        busy = HTTPException(503, "the store is busy with another write; try again shortly")
        response = await http_error(request, busy)
        response.headers["Retry-After"] = "5"
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        return page(request, "home.html", summary=corpus.summary(), max_mb=_mb(settings))

    @app.post("/upload", include_in_schema=False)
    def upload_page(
        request: Request,
        file: Annotated[UploadFile, File()],
        csrf: Annotated[str, Form()] = "",
    ) -> Response:
        require_csrf(request, csrf)
        job = uploads.receive(file, settings.max_upload)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: str) -> HTMLResponse:
        return page(request, "job.html", job=job_of(job_id).to_json())

    def job_of(job_id: str) -> Job:
        job = uploads.get(job_id)
        if job is None:
            raise HTTPException(
                404, "no such upload job (jobs are forgotten when the server restarts)"
            )
        return job

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        q: str = "",
        f: Annotated[list[str] | None, Query()] = None,
        sort: Annotated[str, Query(pattern="^(relevance|newest|oldest)$")] = "relevance",
        first: Annotated[str, Query(alias="from", max_length=8)] = "",
        last: Annotated[str, Query(alias="to", max_length=8)] = "",
        page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
    ) -> HTMLResponse:
        try:
            where = parse_filters(f or [], first, last)
            offset = (page_no - 1) * PAGE_SIZE
            results = corpus.search(check_query(q), where, PAGE_SIZE, offset, sort)
        except ValueError as error:
            raise HTTPException(400, str(error)) from None
        return page(
            request,
            "search.html",
            view=SearchView(q, tuple(where), sort),
            results=results,
            page_no=page_no,
            pages=max(1, -(-results.total // PAGE_SIZE)),
            facet_fields=FACET_FIELDS,
            export_formats=list(EXPORTS),
            sorts=SORTS,
        )

    @app.get("/study/{ref}", response_class=HTMLResponse, include_in_schema=False)
    def study_page(request: Request, ref: str) -> HTMLResponse:
        entry = corpus.get(record_id(ref))
        if entry is None:
            raise HTTPException(404, f"no study {ref!r}")
        view = study_view(entry, corpus)
        return page(request, "study.html", **view)

    @app.get("/review", response_class=HTMLResponse, include_in_schema=False)
    def review_page(
        request: Request,
        f: Annotated[list[str] | None, Query()] = None,
        start: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> HTMLResponse:
        where = _filters(f or [])
        try:
            queue = reviewer.queue(where, start)
        except ValueError as error:
            raise HTTPException(400, str(error)) from None
        return page(
            request,
            "review.html",
            queue=queue,
            view=SearchView("", tuple(where)),
            window_url=lambda at: (
                SearchView("", tuple(where)).url(path="/review")
                + ("&" if where else "?")
                + f"start={max(at, 0)}"
            ),
            here=str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
            curator=user_of(request),
        )

    @app.post("/review/decide", include_in_schema=False)
    def review_decide(
        request: Request,
        ref: Annotated[str, Form(max_length=32)],
        field: Annotated[str, Form(max_length=64)],
        value: Annotated[str, Form(max_length=400)],
        action: Annotated[str, Form(pattern="^(accept|reject|edit)$")],
        new_value: Annotated[str, Form(max_length=400)] = "",
        back: Annotated[str, Form(max_length=4000)] = "/review",
        csrf: Annotated[str, Form()] = "",
    ) -> Response:
        """Accept (a curator's add of the same value), reject (withdraw) or edit (withdraw,
        then add the corrected value) one value of the queue."""
        require_csrf(request, csrf)
        rid, by = record_id(ref), user_of(request)
        if action == "edit" and " ".join(new_value.split()) == value:
            action = "accept"  # unchanged: withdrawing it after the add would reject it
        if action == "edit":  # the corrected value first: a bad one is refused before any write
            _curate(corpus, rid, field, new_value, by, False)
        _curate(corpus, rid, field, value, by, action != "accept")
        return RedirectResponse(_local(back, "/review"), status_code=303)

    @app.post("/curator", include_in_schema=False)
    def curator_name(
        request: Request,
        name: Annotated[str, Form(max_length=64)],
        back: Annotated[str, Form(max_length=4000)] = "/review",
        csrf: Annotated[str, Form()] = "",
    ) -> Response:
        """The name this browser's curations are recorded under (a cookie)."""
        require_csrf(request, csrf)
        clean = name.strip()
        if not security.CURATOR_NAME.match(clean):
            raise HTTPException(400, "curator name: 1-64 letters, digits, spaces or . @ + -")
        response = RedirectResponse(_local(back, "/review"), status_code=303)
        response.set_cookie(
            CURATOR_COOKIE, quote(clean), httponly=True, samesite="strict", max_age=10**8
        )
        return response

    @app.get("/curators", response_class=HTMLResponse, include_in_schema=False)
    def curators_page(request: Request) -> HTMLResponse:
        return page(request, "curators.html", curators=corpus.store.curators())

    @app.get("/curators/{name}", response_class=HTMLResponse, include_in_schema=False)
    def curator_page(
        request: Request,
        name: str,
        page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
    ) -> HTMLResponse:
        offset = (page_no - 1) * CURATIONS_PAGE
        decisions = corpus.store.curations(by=name, limit=CURATIONS_PAGE, offset=offset)
        labels = corpus.store.titles(sorted({c.record_id for c in decisions}))
        return page(
            request,
            "curator.html",
            name=name,
            decisions=decisions,
            labels=labels,
            page_no=page_no,
            more=len(decisions) == CURATIONS_PAGE,
        )

    @app.post("/study/{ref}/curate", include_in_schema=False)
    def curate_page(
        request: Request,
        ref: str,
        field: Annotated[str, Form()],
        value: Annotated[str, Form()],
        action: Annotated[str, Form()] = "add",
        csrf: Annotated[str, Form()] = "",
    ) -> Response:
        require_csrf(request, csrf)
        rid = record_id(ref)
        _curate(corpus, rid, field, value, user_of(request), action == "remove")
        return RedirectResponse(f"/study/{study_label(rid)}#curation", status_code=303)

    @app.post("/study/{ref}/undo", include_in_schema=False)
    def undo_page(
        request: Request,
        ref: str,
        curation_id: Annotated[int, Form(ge=1, le=MAX_ID)],
        csrf: Annotated[str, Form()] = "",
    ) -> Response:
        require_csrf(request, csrf)
        rid = record_id(ref)
        _undo(corpus, curation_id)
        return RedirectResponse(f"/study/{study_label(rid)}#curation", status_code=303)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(
        request: Request, rows: str = "ev_sources", cols: str = "conditions", outcome: str = ""
    ) -> HTMLResponse:
        data = _map(corpus, rows, cols, outcome)
        return page(request, "map.html", data=data)

    @app.get("/graph", response_class=HTMLResponse, include_in_schema=False)
    def graph_page(
        request: Request,
        max_edges: Annotated[int, Query(ge=1, le=1000)] = 120,
        min_studies: Annotated[int, Query(ge=1, le=1000)] = 1,
    ) -> HTMLResponse:
        data = corpus.cached(
            ("graph-page", max_edges, min_studies),
            lambda: graph_data(corpus, max_edges=max_edges, min_studies=min_studies),
        )
        return page(request, "graph.html", data=data, max_edges=max_edges, min_studies=min_studies)

    @app.get("/quality", response_class=HTMLResponse, include_in_schema=False)
    def quality_page(
        request: Request, page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1
    ) -> HTMLResponse:
        return page(
            request, "quality.html", **_quality(corpus, offset=(page_no - 1) * QUALITY_PAGE)
        )

    @app.get("/exports", response_class=HTMLResponse, include_in_schema=False)
    def exports_page(request: Request) -> HTMLResponse:
        return page(request, "exports.html", formats=list(EXPORTS))

    @app.get("/export/{fmt}", include_in_schema=False)
    def export_download(
        fmt: str, q: str = "", f: Annotated[list[str] | None, Query()] = None
    ) -> Response:
        return _export(corpus, fmt, q, f or [])

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        spec = app.openapi()
        return page(request, "api.html", spec=spec, routes=api_routes(spec))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(
        request: Request,
        max_edges: Annotated[int, Query(ge=1, le=1000)] = 150,
        min_studies: Annotated[int, Query(ge=1, le=1000)] = 1,
    ) -> HTMLResponse:
        """The mechanism graph as a network (Cytoscape.js): directed, signed edges."""
        data = graph_edges_page(corpus, max_edges, 0, min_studies)
        return page(
            request,
            "network.html",
            data=data,
            max_edges=max_edges,
            min_studies=min_studies,
            cytoscape=node_asset(*CYTOSCAPE) is not None,
        )

    @app.get("/assets/cytoscape.min.js", include_in_schema=False)
    def cytoscape() -> FileResponse:
        found = node_asset(*CYTOSCAPE)
        if found is None:
            raise HTTPException(404, "Cytoscape.js is not installed: run `make web-assets`")
        return FileResponse(found, media_type="text/javascript")

    @app.get("/assets/plotly.min.js", include_in_schema=False)
    def plotly() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript")

    # -- JSON API ------------------------------------------------------------------------

    @app.get("/api/summary", tags=["corpus"])
    def api_summary() -> dict[str, Any]:
        """Number of records and studies, study types, most frequent sources and conditions."""
        return corpus.summary()

    @app.get("/api/search", tags=["corpus"])
    def api_search(
        q: str = "",
        f: Annotated[
            list[str] | None,
            Query(
                description="Filters as `exobone search --where` takes them: field=value, "
                "field=a,b (either), field!=value (not), * for any part, year=2015..2020"
            ),
        ] = None,
        sort: Annotated[
            str, Query(pattern="^(relevance|newest|oldest)$", description="Order of the hits")
        ] = "relevance",
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Full-text search over titles and abstracts with facet counts."""
        try:
            where = parse_filters(f or [])
            results = corpus.search(check_query(q), where, limit, offset, sort)
        except ValueError as error:
            raise HTTPException(400, str(error)) from None
        return {
            "total": results.total,
            "hits": [
                {
                    "study_id": h.study_id,
                    "record_id": h.record_id,
                    "title": h.title,
                    "year": h.year,
                    "journal": h.journal,
                    "first_author": h.first_author,
                    "rank": h.rank,
                    "snippet": h.snippet.text,
                    "matches": [list(m) for m in h.snippet.marks],
                }
                for h in results.hits
            ],
            "facets": {k: [list(v) for v in vs] for k, vs in results.facets.items()},
        }

    @app.get("/api/studies/{ref}", tags=["studies"])
    def api_study(ref: str) -> dict[str, Any]:
        """One study: citation, annotations, evidence spans, abstract and curation history."""
        rid = record_id(ref)
        entry = corpus.get(rid)
        if entry is None:
            raise HTTPException(404, f"no study {ref!r}")
        return study_json(entry, corpus.history(rid))

    @app.get("/api/studies/{ref}/reasons", tags=["studies"])
    def api_reasons(ref: str) -> list[dict[str, Any]]:
        """Why the extractor gives each value at each evidence place (field, value, section,
        start, end, reason), from running it again on the study's record."""
        entry = corpus.get(record_id(ref))
        if entry is None:
            raise HTTPException(404, f"no study {ref!r}")
        return evidence_reasons(entry.record)

    @app.post("/api/studies/{ref}/curations", tags=["curation"], status_code=201)
    def api_curate(request: Request, ref: str, body: CurationIn) -> dict[str, Any]:
        """Add (or with `remove`, withdraw) a value of a field; the curator is the
        `X-Exobone-User` header or the server's `--user`."""
        rid = record_id(ref)
        _curate(corpus, rid, body.field, body.value, user_of(request), body.remove)
        entry = corpus.get(rid)
        assert entry is not None
        return study_json(entry, corpus.history(rid))

    @app.get("/api/review", tags=["curation"])
    def api_review(
        f: Annotated[
            list[str] | None, Query(description="Filters as /api/search takes them")
        ] = None,
        start: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """The review queue: a page of the undecided values, weakest first over the store, with
        their evidence and `exobone explain`'s reasons."""
        try:
            queue = reviewer.queue(_filters(f or []), start)
        except ValueError as error:
            raise HTTPException(400, str(error)) from None
        return {
            "start": queue.start,
            "window": queue.window,
            "total": queue.total,
            "items": [
                {
                    "study_id": i.label,
                    "record_id": i.record_id,
                    "field": i.field,
                    "value": i.value,
                    "weight": i.weight,
                    "why": i.why,
                    "evidence": [{"words": w, "reasons": r} for w, r in i.evidence],
                }
                for i in queue.items
            ],
        }

    @app.get("/api/curations", tags=["curation"])
    def api_curations(
        by: Annotated[str | None, Query(max_length=64, description="Only this curator's")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Curation decisions, newest first, and every curator's number of decisions."""
        return {
            "curators": [list(c) for c in corpus.store.curators()],
            "curations": [
                curation_json(c) for c in corpus.store.curations(by=by, limit=limit, offset=offset)
            ],
        }

    @app.post("/api/curations/{curation_id}/undo", tags=["curation"])
    def api_undo(curation_id: CurationId) -> dict[str, Any]:
        """Undo one curation decision."""
        _undo(corpus, curation_id)
        return {"undone": curation_id}

    @app.get("/api/map", tags=["analyses"])
    def api_map(rows: str = "ev_sources", cols: str = "conditions", outcome: str = "") -> Any:
        """Evidence map: studies per (row value, column value) with outcome directions."""
        return _map(corpus, rows, cols, outcome)

    @app.get("/api/graph", tags=["analyses"])
    def api_graph(
        limit: Annotated[int, Query(ge=1, le=1000)] = GRAPH_PAGE,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        min_studies: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1,
    ) -> Any:
        """A page of the mechanism graph's edges, strongest first, with their nodes, as
        Cytoscape.js JSON; `total` counts the edges of `min_studies` studies or more."""
        return graph_edges_page(corpus, limit, offset, min_studies)

    @app.get("/api/network/path", tags=["analyses"])
    def api_network_path(
        source: Annotated[str, Query(alias="from", min_length=1, max_length=500)],
        target: Annotated[str, Query(alias="to", min_length=1, max_length=500)],
        min_studies: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1,
    ) -> Any:
        """The shortest signed paths between two nodes (ids or names, as `exobone graph
        --from --to`) over the whole graph of edges of `min_studies` studies or more."""
        with as_bad_request():
            return network.shortest_paths(source, target, min_studies)

    @app.get("/api/network/contradictions", tags=["analyses"])
    def api_network_contradictions(
        min_studies: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1, inferred: bool = False
    ) -> Any:
        """Node pairs joined by an increasing and a decreasing edge, over the whole graph."""
        with as_bad_request():
            return network.contradictions(min_studies, inferred)

    @app.get("/api/quality", tags=["analyses"])
    def api_quality(
        limit: Annotated[int, Query(ge=1, le=1000)] = QUALITY_PAGE,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> Any:
        """EV-reporting score per primary study (a page, best first; `total` of all) and the
        share meeting each criterion."""
        data = _quality(corpus, limit, offset)
        return {k: data[k] for k in ("criteria", "studies", "total", "offset", "limit")}

    @app.get("/api/export/{fmt}", tags=["exports"])
    def api_export(
        fmt: str,
        q: Annotated[str, Query(description="Only studies matching these words")] = "",
        f: Annotated[list[str] | None, Query(description="field=value filters")] = None,
    ) -> Response:
        """Download the studies (those of a search, with `q` and `f`) as csv, xlsx, ris,
        bibtex, jsonl, sheet (the extraction sheet as CSV) or graphml."""
        return _export(corpus, fmt, q, f or [])

    @app.post("/api/upload", tags=["corpus"], status_code=202)
    def api_upload(file: Annotated[UploadFile, File()], response: Response) -> dict[str, Any]:
        """Queue a bibliography file to be ingested and extracted (needs the
        `X-Requested-By` header): 202 with the job, whose `status` URL tells its progress."""
        job = uploads.receive(file, settings.max_upload)
        response.headers["Location"] = f"/api/jobs/{job.id}"
        return job.to_json()

    @app.get("/api/jobs/{job_id}", tags=["corpus"])
    def api_job(job_id: str) -> dict[str, Any]:
        """An upload job: state (queued, running, done, failed), records read, extracted and
        stored so far, problems (file, record, line, message), and the result when done."""
        return job_of(job_id).to_json()

    return app


def api_routes(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The routes of an OpenAPI spec as rows for the /docs page: method, path, summary,
    description, parameters with their types, and the request body's schema."""
    routes = []
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            parameters = [
                {
                    "name": p["name"],
                    "where": p.get("in", ""),
                    "type": _schema_type(p.get("schema", {})),
                    "required": p.get("required", False),
                    "description": p.get("description", "")
                    or p.get("schema", {}).get("description", ""),
                }
                for p in operation.get("parameters", [])
            ]
            content = operation.get("requestBody", {}).get("content", {})
            body = ", ".join(
                f"{kind}: {_body_fields(spec, item.get('schema', {}))}"
                for kind, item in content.items()
            )
            routes.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": f"{method}-{re.sub(r'[^a-z0-9]+', '-', path.lower()).strip('-')}",
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": parameters,
                    "body": body,
                }
            )
    return routes


def _body_fields(spec: dict[str, Any], schema: dict[str, Any]) -> str:
    """A request body as `{name: type, ...}`, its schema looked up in the spec."""
    name = str(schema.get("$ref", "")).rsplit("/", 1)[-1]
    found = spec.get("components", {}).get("schemas", {}).get(name, schema)
    fields = found.get("properties", {})
    if not fields:
        return _schema_type(schema)
    return "{" + ", ".join(f"{k}: {_schema_type(v)}" for k, v in fields.items()) + "}"


def _schema_type(schema: dict[str, Any]) -> str:
    """A short name of a JSON schema: `integer`, `array of string`, `CurationIn`."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if schema.get("type") == "array":
        return f"array of {_schema_type(schema.get('items', {}))}"
    return str(schema.get("type", "any"))


def _version() -> str:
    from exobone import __version__

    return __version__


def _mb(settings: Settings) -> str:
    return f"{settings.max_upload / (1024 * 1024):g}"


def check_query(q: str) -> str:
    """The search text, or 400 when it holds control characters (a NUL broke FTS5) or is
    longer than a person types (a 10 KB query of one repeated word took 22-44 s)."""
    if any(unicodedata.category(char) == "Cc" and not char.isspace() for char in q):
        raise HTTPException(400, "the search text holds control characters")
    if len(q) > MAX_QUERY_CHARS:
        raise HTTPException(400, f"the search text is longer than {MAX_QUERY_CHARS} characters")
    if len(q.split()) > MAX_QUERY_TERMS:
        raise HTTPException(400, f"the search text has more than {MAX_QUERY_TERMS} words")
    return q


def _filters(items: list[str]) -> list[tuple[str, str]]:
    try:
        return parse_filters(items)
    except ValueError as error:
        raise HTTPException(400, str(error)) from None


def _local(url: str, default: str) -> str:
    """`url` if it is a path of this site (never `//elsewhere` or a scheme), else `default`."""
    return url if url.startswith("/") and not url.startswith(("//", "/\\")) else default


def _curate(corpus: Corpus, rid: int, name: str, value: str, by: str, remove: bool) -> None:
    entry = corpus.get(rid)
    if entry is None or entry.study is None:
        raise HTTPException(404, f"no extracted study for record {rid}")
    try:
        clean = check_value(name, value)
        current = {str(v) for v in entry.study.annotations.get(name) or []}
        if remove and clean not in current:
            raise LabelError(f"{name} has no value {clean!r} to remove")
        corpus.curate(rid, name, clean, by, remove)
    except (LabelError, UnknownFieldError) as error:  # a value the schema does not allow
        raise HTTPException(422, str(error)) from None
    except StoreError as error:
        raise HTTPException(400, str(error)) from None


def _undo(corpus: Corpus, curation_id: int) -> None:
    try:
        corpus.undo(curation_id)
    except StoreError as error:
        raise HTTPException(400, str(error)) from None


def _map(corpus: Corpus, rows: str, cols: str, outcome: str) -> dict[str, Any]:
    try:  # an unknown field or label is an UnknownFieldError or UnknownLabelError
        return corpus.cached(
            ("map", rows, cols, outcome), lambda: map_data(corpus, rows, cols, outcome or None)
        )
    except ExoboneError as error:
        raise HTTPException(400, str(error)) from None


def _quality(corpus: Corpus, limit: int = QUALITY_PAGE, offset: int = 0) -> dict[str, Any]:
    """The criteria summary and a page of studies, best scores first; the order is kept
    on write (`web.aggregates`), a page's evidence read from its studies once per store
    generation."""
    return corpus.cached(("quality", limit, offset), lambda: _quality_page(corpus, limit, offset))


def _quality_page(corpus: Corpus, limit: int, offset: int) -> dict[str, Any]:
    from exobone.analysis.quality import CRITERIA

    snapshot = corpus.aggregates.snapshot()
    studies = [
        {
            "study_id": score.study_id,
            "record_id": label_number(score.study_id),
            "score": round(score.score, 4),
            "n_met": score.n_met,
            "met": score.met,
            "evidence": {name: "\n".join(found) for name, found in score.evidence.items()},
        }
        for score in corpus.aggregates.score_page(snapshot, offset, limit)
    ]
    return {
        "criteria": snapshot.criteria,
        "studies": studies,
        "names": [c.name for c in CRITERIA],
        "total": len(snapshot.scores),
        "offset": offset,
        "limit": limit,
    }


def _export(corpus: Corpus, fmt: str, q: str, filters: list[str]) -> Response:
    """The studies a search shows (`q` and the filters, read by the store's own query, as
    `exobone export --query --where` does) written in format `fmt`."""
    if fmt not in EXPORTS:
        raise HTTPException(404, f"unknown export format {fmt!r}; use {', '.join(EXPORTS)}")
    try:
        where = parse_filters(filters)
        studies = list(corpus.store.studies(where=where, query=check_query(q)))
    except (ValueError, ExoboneError) as error:  # an unknown field or label
        raise HTTPException(400, str(error)) from None
    name, media = EXPORTS[fmt]
    folder = Path(tempfile.mkdtemp(prefix="exobone-export-"))
    target = folder / name
    if fmt == "graphml":
        from exobone.analysis.graph import build_graph, write_graphml

        write_graphml(build_graph(studies), target)
    else:
        from exobone.analysis.export import export

        export(studies, target, fmt=fmt)
    return FileResponse(
        target,
        media_type=media,
        filename=name,
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )
