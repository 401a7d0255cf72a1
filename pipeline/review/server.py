"""``notices review``: a local web app to check records against their source pages.

Why the standard library's ``ThreadingHTTPServer``: the app serves one
reviewer (or a few) on one machine; it needs routing for a dozen URLs, JSON
and files, nothing a framework would add but dependencies.  Page renders
run in the request threads (and in one background thread that renders the
rest of a document's pages while the reviewer reads the first), so a slow
scan never blocks the record or the list.

Routes::

    GET  /                               document list (static page)
    GET  /doc/<doc_id>                   document view (static page)
    GET  /static/<file>                  the app's CSS/JS (served from this package, no CDN)
    GET  /api/documents                  list rows + filter facets' raw values
    GET  /api/doc/<doc_id>               record, evidence, child rows, history, page geometry
    GET  /api/doc/<doc_id>/page/<n>.png  a page image (rendered once, cached under OUT/_review_cache)
    POST /api/doc/<doc_id>/corrections   append a correction (see :mod:`pipeline.review.edits`)
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

from pipeline.review import auth, edits, runinfo
from pipeline.review import corrections as log
from pipeline.review.dataset import Dataset, DocView, source_path
from pipeline.review.fields import InvalidValue, field_kinds
from pipeline.review.render import PageGeom, PageRenderer, SourceError, source_reader

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
_DOC = r"(?P<doc>[0-9a-f]{6,64})"
ROUTES = [
    ("GET", re.compile(r"^/$"), "page_list"),
    ("GET", re.compile(rf"^/doc/{_DOC}$"), "page_doc"),
    ("GET", re.compile(r"^/favicon\.ico$"), "favicon"),
    ("GET", re.compile(r"^/static/(?P<name>[a-z0-9_-]+\.(?:css|js|html|svg))$"), "static"),
    ("GET", re.compile(r"^/api/documents$"), "api_documents"),
    ("GET", re.compile(rf"^/api/doc/{_DOC}$"), "api_doc"),
    ("GET", re.compile(rf"^/api/doc/{_DOC}/page/(?P<n>\d{{1,5}})\.png$"), "api_page"),
    ("POST", re.compile(rf"^/api/doc/{_DOC}/corrections$"), "api_correct"),
]
MAX_BODY = 1 << 20


@dataclass(frozen=True)
class ReviewConfig:
    data_dir: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    token: str | None = None
    user: str = ""
    input_dir: Path | None = None
    quiet: bool = False


class HttpError(Exception):
    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


_T = TypeVar("_T")


def _found(get: Callable[[], _T | None], missing: str) -> _T:
    """``get()``'s row, or a 404: the dataset is absent (FileNotFoundError) or has no such row."""
    try:
        got = get()
    except FileNotFoundError as exc:
        raise HttpError(HTTPStatus.NOT_FOUND, str(exc)) from exc
    if got is None:
        raise HttpError(HTTPStatus.NOT_FOUND, missing)
    return got


class ReviewServer(ThreadingHTTPServer):
    """The HTTP server plus what its handlers share (dataset, renderer, write lock)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, config: ReviewConfig):
        auth.check_start(config.host, config.token)
        self.config = config
        self.dataset = Dataset(config.data_dir, config.input_dir)
        self.renderer = PageRenderer(config.data_dir, code=runinfo.geometry_code())
        self.who = config.user or os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"
        self.write_lock = threading.Lock()
        self.prefetch = ThreadPoolExecutor(max_workers=1, thread_name_prefix="review-prefetch")
        super().__init__((config.host, config.port), Handler)

    def stale_code(self) -> bool:
        """True when the tables' OCR boxes came from other page-normalising code than this server's.

        Scanned pages are normalised by the current code; boxes made by
        other code may not line up until the archive is run again.
        """
        written = runinfo.run_info(self.config.data_dir).get("geometry_code")
        return bool(written) and written != runinfo.geometry_code()

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), int(self.server_address[1])
        name = f"[{host}]" if ":" in host else host
        return f"http://{name}:{port}/"

    def server_close(self) -> None:
        self.prefetch.shutdown(wait=False, cancel_futures=True)
        super().server_close()


def _static(name: str) -> bytes:
    return resources.files("pipeline.review").joinpath("static", name).read_bytes()


class Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "notices-review"
    protocol_version = "HTTP/1.1"

    # ------------------------------------------------------------ plumbing
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 — stdlib signature
        if not self.server.config.quiet:
            sys.stderr.write("review: " + self.address_string() + " " + (format % args) + "\n")

    def _send(self, status: HTTPStatus, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", CSP)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: HTTPStatus, payload: Any) -> None:
        body = json.dumps(payload, ensure_ascii=False, default=str).encode()
        self._send(status, body, "application/json; charset=utf-8", {"Cache-Control": "no-store"})

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        cfg = self.server.config
        try:
            if not auth.host_ok(self.headers.get("Host"), self.server.server_address[1], cfg.token):
                raise HttpError(HTTPStatus.MISDIRECTED_REQUEST, "unexpected Host header")
            headers = {k.lower(): v for k, v in self.headers.items()}
            given = auth.presented_token(headers, next(iter(query.get("token", [])), None))
            if not auth.token_ok(cfg.token, given):
                raise HttpError(HTTPStatus.UNAUTHORIZED, "token required: open the address printed by "
                                "`notices review` (…/?token=…)")
            if method == "POST" and not auth.write_ok(headers):
                raise HttpError(HTTPStatus.FORBIDDEN, "writes must be JSON with the X-Review header")
            for m, pattern, name in ROUTES:
                match = pattern.match(url.path)
                if match and m == method:
                    getattr(self, name)(**match.groupdict())
                    return
            raise HttpError(HTTPStatus.NOT_FOUND, f"no such page: {url.path}")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as exc:  # noqa: BLE001 — one bad request must not look like a dead server
            if not isinstance(exc, HttpError):
                traceback.print_exc(file=sys.stderr)
                exc = HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(exc).__name__}: {exc}")
            self._error(url.path, exc)

    def _error(self, path: str, exc: HttpError) -> None:
        self.close_connection = True  # an unread request body must not be taken for the next request
        if path.startswith("/api/"):
            self._json(exc.status, {"error": str(exc)})
        else:
            self._send(exc.status, f"{exc.status.value} {exc}\n".encode(), "text/plain; charset=utf-8")

    def do_GET(self) -> None:  # noqa: N802 — stdlib naming
        self._dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def _html(self, name: str) -> None:
        headers = {"Cache-Control": "no-cache"}
        token = self.server.config.token
        if token:  # the query token becomes a cookie, so images and API calls carry it too
            headers["Set-Cookie"] = f"{auth.COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
        self._send(HTTPStatus.OK, _static(name), STATIC_TYPES[".html"], headers)

    # ------------------------------------------------------------ pages
    def page_list(self) -> None:
        self._html("list.html")

    def page_doc(self, doc: str) -> None:
        self._html("doc.html")

    def favicon(self) -> None:
        self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")

    def static(self, name: str) -> None:
        try:
            body = _static(name)
        except (FileNotFoundError, IsADirectoryError) as exc:
            raise HttpError(HTTPStatus.NOT_FOUND, f"no static file {name}") from exc
        self._send(HTTPStatus.OK, body, STATIC_TYPES[Path(name).suffix], {"Cache-Control": "no-cache"})

    # ------------------------------------------------------------ API
    def _view(self, doc: str) -> DocView:
        return _found(lambda: self.server.dataset.document(doc), f"no document {doc}")

    def api_documents(self) -> None:
        try:
            docs = self.server.dataset.documents()
        except FileNotFoundError as exc:
            raise HttpError(HTTPStatus.NOT_FOUND, str(exc)) from exc
        self._json(HTTPStatus.OK, {"documents": docs, "data_dir": str(self.server.config.data_dir)})

    def _pages(self, d: dict[str, Any]) -> tuple[list[PageGeom], str | None]:
        fmt = str(d.get("source_format") or "")
        try:
            data_of = source_reader(self.server.renderer, source_path(self.server.dataset, d),
                                    str(d.get("source_sha256")))
            return self.server.renderer.geometry(str(d["doc_id"]), fmt, data_of,
                                                 scanned=bool(d.get("ocr_engine"))), None
        except SourceError as exc:
            return [], str(exc)
        except Exception as exc:  # noqa: BLE001 — a damaged source shows as text, never a dead page
            return [], f"cannot read the source pages: {type(exc).__name__}: {exc}"

    def _doc_payload(self, view: DocView, prefetch: bool = False) -> dict[str, Any]:
        pages, problem = self._pages(view.document)
        if prefetch and pages:
            self.server.prefetch.submit(self._prefetch, view.document, pages)
        payload = view.as_json()
        payload.update(pages=[asdict(g) for g in pages], source_error=problem, fields=field_kinds(),
                       user=self.server.who, render_version=self.server.renderer.code,
                       stale_code=self.server.stale_code())
        return payload

    def _prefetch(self, d: dict[str, Any], pages: list[PageGeom]) -> None:
        """Render the document's pages in the background (errors show when a page is requested)."""
        try:
            data_of = source_reader(self.server.renderer, source_path(self.server.dataset, d),
                                    str(d.get("source_sha256")))
            for g in pages:
                self.server.renderer.png(str(d["doc_id"]), str(d.get("source_format")), g, data_of)
        except Exception:  # noqa: BLE001 — best effort; the page request reports the error
            return

    def api_doc(self, doc: str) -> None:
        self._json(HTTPStatus.OK, self._doc_payload(self._view(doc), prefetch=True))

    def api_page(self, doc: str, n: str) -> None:
        d = _found(lambda: self.server.dataset.source_row(doc), f"no document {doc}")
        pages, problem = self._pages(d)
        geom = next((g for g in pages if g.number == int(n)), None)
        if geom is None:
            raise HttpError(HTTPStatus.NOT_FOUND, problem or f"no page {n}")
        try:
            data_of = source_reader(self.server.renderer, source_path(self.server.dataset, d),
                                    str(d.get("source_sha256")))
            path = self.server.renderer.png(doc, str(d.get("source_format")), geom, data_of)
        except SourceError as exc:
            raise HttpError(HTTPStatus.NOT_FOUND, str(exc)) from exc
        self._send(HTTPStatus.OK, path.read_bytes(), "image/png", {"Cache-Control": "private, max-age=86400"})

    def _body(self) -> dict[str, Any]:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, "bad Content-Length") from exc
        if not 0 < length <= MAX_BODY:
            raise HttpError(HTTPStatus.BAD_REQUEST, "a JSON body of at most 1 MiB is required")
        try:
            body = json.loads(self.rfile.read(length))
        except ValueError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"not JSON: {exc}") from exc
        if not isinstance(body, dict):
            raise HttpError(HTTPStatus.BAD_REQUEST, "the body must be a JSON object")
        return body

    def api_correct(self, doc: str) -> None:
        body = self._body()
        with self.server.write_lock:  # read, check and append as one step
            view = self._view(doc)
            try:
                entry = edits.build(view, body, self.server.who)
            except InvalidValue as exc:
                raise HttpError(HTTPStatus.BAD_REQUEST, str(exc)) from exc
            except edits.Conflict as exc:
                raise HttpError(HTTPStatus.CONFLICT, str(exc)) from exc
            log.append(self.server.config.data_dir, entry)
            view = self._view(doc)
        payload = self._doc_payload(view)
        payload["saved"] = asdict(entry)
        self._json(HTTPStatus.OK, payload)


def make_server(config: ReviewConfig) -> ReviewServer:
    """A bound server (``port=0`` picks a free port); raises :class:`auth.StartRefused`."""
    if not (Path(config.data_dir) / "documents").is_dir():
        raise FileNotFoundError(f"no dataset under {config.data_dir} (run `notices run` first)")
    return ReviewServer(config)


def serve(config: ReviewConfig) -> None:
    """Run until interrupted; prints the address to open."""
    server = make_server(config)
    url = server.url + (f"?token={config.token}" if config.token else "")
    print(f"notices review: {url}  (data: {config.data_dir}, corrections by {server.who}; Ctrl-C stops)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
