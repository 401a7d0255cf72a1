"""Source pages as PNG images whose pixels line up with the evidence boxes.

Why rendering mirrors the pipeline instead of just rasterising the file:
evidence boxes are in two coordinate systems (:mod:`pipeline.ingest.pdf`,
:mod:`pipeline.ocr.stage`):

* text-layer PDF pages — PDF points, origin top-left (pdfplumber's ``top``);
  the page is rendered at :data:`TEXT_DPI` and a box scales by
  ``image width / page width in points``;
* OCR'd pages (image-only PDF pages, image files) — pixels of the
  *normalised* page image: rendered or decoded at the OCR dpi, then rotated
  upright and deskewed by :func:`pipeline.ocr.preprocess.prepare`.  A raw
  render is off by the deskew angle (a 1° skew moves a box's far end by
  ~25 px), so the review image *is* that normalised image (the colour copy,
  before seal suppression) and boxes are pixels of it.

Which system a PDF page uses is decided as the reader decides it
(:func:`pipeline.ingest.pdf.read_page` → ``needs_ocr``).  Rendering costs
~0.5 s per scanned page, so pages are rendered on first view and cached
as ``OUT/_review_cache/<doc_id>/<code>/``: doc_id is a content hash, and
``<code>`` names the code that rendered it (:data:`RENDER_VERSION` and
:func:`pipeline.review.runinfo.geometry_code`), because a change to the
preprocessing moves the boxes and must re-render the pages too.  pdfium is not thread-safe, so
every pdfium call holds one lock.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from pipeline.ocr.base import OcrOptions
from pipeline.state import atomic_write

RENDER_VERSION = 1
CACHE_DIR = "_review_cache"
#: resolution of text-layer pages (boxes are scaled, so any dpi works; 150 reads well)
TEXT_DPI = 150
PAGED_FORMATS = frozenset({"pdf", "image"})

_PDFIUM = threading.Lock()


class SourceError(Exception):
    """The source file cannot be shown (missing, moved, changed since the run)."""


@dataclass(frozen=True)
class PageGeom:
    """How one page's evidence boxes map onto its image.

    ``coord`` is ``pt`` (box / (width, height) in points gives the fraction
    of the image) or ``px`` (boxes are pixels of the served image itself).
    """

    number: int
    coord: str
    width: float | None = None
    height: float | None = None


def _pdf_geometry(data: bytes, may_need_ocr: bool) -> list[PageGeom]:
    import pdfplumber

    from pipeline.ingest.pdf import read_page

    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for p in pdf.pages:
            scanned = may_need_ocr and read_page(p).needs_ocr
            out.append(PageGeom(int(p.page_number), "px") if scanned
                       else PageGeom(int(p.page_number), "pt", float(p.width), float(p.height)))
            p.close()
    return out


def _image_geometry(data: bytes) -> list[PageGeom]:
    from pipeline.ocr.images import frame_infos

    return [PageGeom(i.index + 1, "px") for i in frame_infos(data)]


class PageRenderer:
    """Page geometry and cached PNG renders for the documents of one output folder."""

    def __init__(self, out_dir: Path, ocr: OcrOptions | None = None, code: str = ""):
        self.cache = Path(out_dir) / CACHE_DIR
        self.ocr = ocr or OcrOptions()
        self.code = f"v{RENDER_VERSION}-{code}" if code else f"v{RENDER_VERSION}"
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._verified: dict[tuple[str, int, int], str] = {}

    def _lock(self, key: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def _dir(self, doc_id: str) -> Path:
        return self.cache / doc_id / self.code

    def _drop_stale(self, doc_id: str) -> None:
        """Renders of other code versions of this document are never used again."""
        base = self.cache / doc_id
        for d in base.iterdir() if base.is_dir() else []:
            if d.name != self.code and d.is_dir():
                shutil.rmtree(d, ignore_errors=True)

    def read_source(self, path: Path, sha256: str) -> bytes:
        """The source's bytes, refused when they are not the content the tables were built from."""
        try:
            st = path.stat()
            data = path.read_bytes()
        except OSError as exc:
            raise SourceError(f"source file not readable: {path} ({exc.strerror or exc})") from exc
        key = (str(path), st.st_size, st.st_mtime_ns)
        if self._verified.get(key) != sha256:
            if hashlib.sha256(data).hexdigest() != sha256:
                raise SourceError(f"{path} changed since the run (SHA-256 differs); re-run the pipeline")
            self._verified[key] = sha256
        return data

    def geometry(self, doc_id: str, fmt: str, data_of: _DataOf, scanned: bool) -> list[PageGeom]:
        """Every page's coordinate system (cached; ``scanned``: the document went through OCR)."""
        if fmt not in PAGED_FORMATS:
            return []
        path = self._dir(doc_id) / "pages.json"
        with self._lock(f"{doc_id}:geometry"):
            try:
                return [PageGeom(**g) for g in json.loads(path.read_text(encoding="utf-8"))]
            except (OSError, ValueError, TypeError):
                pass
            data = data_of()
            self._drop_stale(doc_id)
            if fmt == "pdf":
                with _PDFIUM:  # pdfplumber is pure Python, but keep page work serial per process
                    pages = _pdf_geometry(data, scanned)
            else:
                pages = _image_geometry(data)
            atomic_write(path, json.dumps([asdict(g) for g in pages]).encode())
            return pages

    def png(self, doc_id: str, fmt: str, geom: PageGeom, data_of: _DataOf) -> Path:
        """Path of the cached PNG of one page, rendering it first if needed."""
        path = self._dir(doc_id) / f"page-{geom.number}.png"
        if path.exists():
            return path
        with self._lock(f"{doc_id}:{geom.number}"):
            if path.exists():  # rendered by the request we waited for
                return path
            rgb = self._render(fmt, geom, data_of())
            from PIL import Image

            buf = io.BytesIO()
            Image.fromarray(rgb).save(buf, "PNG", compress_level=3)
            atomic_write(path, buf.getvalue())
        return path

    def _render(self, fmt: str, geom: PageGeom, data: bytes) -> np.ndarray:
        from pipeline.ocr.images import load_frame, render_pdf_page

        index = geom.number - 1
        if fmt == "pdf" and geom.coord == "pt":
            with _PDFIUM:
                rgb, _ = render_pdf_page(data, index, TEXT_DPI, self.ocr.max_pixels)
            return rgb
        if fmt == "pdf":
            with _PDFIUM:
                rgb, dpi = render_pdf_page(data, index, self.ocr.dpi, self.ocr.max_pixels)
            return self._normalise(rgb, (dpi, dpi))
        frame, frame_dpi = load_frame(data, index, self.ocr.max_pixels)
        return self._normalise(frame, frame_dpi)

    def _normalise(self, rgb: np.ndarray, dpi: tuple[float, float] | None) -> np.ndarray:
        """The page as the OCR engine saw it (same steps and options), in colour."""
        from pipeline.ocr.preprocess import prepare

        o = self.ocr
        prepared = prepare(rgb, dpi, float(o.dpi), orientation=o.orientation, deskew=o.deskew, seals=False)
        return prepared.color if prepared.color is not None else prepared.image


class _DataOf:
    """Reads the source lazily and once: a cached page needs no source at all."""

    def __init__(self, renderer: PageRenderer, path: Path, sha256: str):
        self._renderer, self._path, self._sha = renderer, path, sha256
        self._data: bytes | None = None

    def __call__(self) -> bytes:
        if self._data is None:
            self._data = self._renderer.read_source(self._path, self._sha)
        return self._data


def source_reader(renderer: PageRenderer, path: Path, sha256: str) -> _DataOf:
    return _DataOf(renderer, path, sha256)
