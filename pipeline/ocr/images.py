"""Page images from file bytes: image frames (PNG/JPEG/TIFF) and rendered PDF pages.

Why one module for both the image reader and the OCR stage: the reader
must list frames (with their sizes) without decoding pixels, and the OCR
stage must decode exactly one frame at a time; both need the same
decompression-bomb guard, so a 40 KB PNG that claims 30000 x 30000 pixels is
refused from its header, before anything allocates gigabytes.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from pipeline.ocr.base import OcrError

#: default refusal size per frame: well above A3 at 600 dpi (70 Mpx)
DEFAULT_MAX_PIXELS = 120_000_000


class ImageDecodeError(OcrError):
    """The bytes are not a readable image (or the frame/page does not exist)."""


class ImageTooLargeError(ImageDecodeError):
    """A frame's declared size exceeds the pixel limit: a decompression bomb or a runaway scan."""


@dataclass(frozen=True)
class FrameInfo:
    index: int
    width: int
    height: int
    #: (x, y) dots per inch from the file's metadata, None when absent or implausible
    dpi: tuple[float, float] | None


def _bomb_message(width: int, height: int, limit: int) -> str:
    return (f"image frame of {width} x {height} = {width * height / 1e6:.0f} Mpx exceeds the limit of "
            f"{limit / 1e6:.0f} Mpx (decompression bomb protection); refusing to decode it")


@contextmanager
def open_image(data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS) -> Iterator[Image.Image]:
    """Open lazily (header only); Pillow's own bomb errors become :class:`ImageTooLargeError`."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise ImageTooLargeError(f"decompression bomb protection: {exc}") from exc
    except UnidentifiedImageError as exc:
        raise ImageDecodeError("not a readable image: no known image format (PNG, JPEG, TIFF …)") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageDecodeError(f"not a readable image: {exc}") from exc
    try:
        yield im
    finally:
        im.close()


def _dpi(im: Image.Image) -> tuple[float, float] | None:
    raw = im.info.get("dpi")
    try:
        x, y = (float(raw[0]), float(raw[1])) if raw else (0.0, 0.0)
    except (TypeError, ValueError, IndexError):
        return None
    return (x, y) if 50 <= x <= 2400 and 50 <= y <= 2400 else None


def frame_infos(data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS) -> list[FrameInfo]:
    """Every frame's size and dpi, from headers only; raises on bombs and unreadable files."""
    infos: list[FrameInfo] = []
    with open_image(data, max_pixels) as im:
        n = int(getattr(im, "n_frames", 1) or 1)
        for k in range(n):
            try:
                im.seek(k)
            except (EOFError, OSError, ValueError) as exc:
                raise ImageDecodeError(f"frame {k + 1} of {n} cannot be read: {exc}") from exc
            w, h = im.size
            if w <= 0 or h <= 0:
                raise ImageDecodeError(f"frame {k + 1} has an empty size {w} x {h}")
            if w * h > max_pixels:
                raise ImageTooLargeError(_bomb_message(w, h, max_pixels))
            infos.append(FrameInfo(k, w, h, _dpi(im)))
    return infos


def _to_rgb(im: Image.Image) -> Image.Image:
    if im.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(im, dtype=np.float64)
        hi = float(arr.max()) or 1.0
        im = Image.fromarray((arr * (255.0 / hi)).astype(np.uint8))
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return im.convert("RGB")


def load_frame(data: bytes, index: int = 0,
               max_pixels: int = DEFAULT_MAX_PIXELS) -> tuple[np.ndarray, tuple[float, float] | None]:
    """Decode one frame to an RGB array (EXIF rotation applied) and its dpi."""
    with open_image(data, max_pixels) as im:
        try:
            im.seek(index)
        except (EOFError, OSError, ValueError) as exc:
            raise ImageDecodeError(f"image has no frame {index + 1}") from exc
        w, h = im.size
        if w * h > max_pixels:
            raise ImageTooLargeError(_bomb_message(w, h, max_pixels))
        dpi = _dpi(im)
        try:
            im.load()
            frame = ImageOps.exif_transpose(im) if index == 0 else im
            rgb = _to_rgb(frame)
        except (OSError, SyntaxError, ValueError) as exc:
            raise ImageDecodeError(f"frame {index + 1} cannot be decoded: {exc}") from exc
        return np.asarray(rgb, dtype=np.uint8).copy(), dpi


def render_pdf_page(data: bytes, index: int, dpi: int,
                    max_pixels: int = DEFAULT_MAX_PIXELS) -> tuple[np.ndarray, float]:
    """Render page ``index`` (0-based) to RGB with pdfium; returns the image and the dpi used.

    A page so large that ``dpi`` would exceed the pixel limit is rendered at
    a lower dpi instead of being refused: oversized PDF pages are legitimate
    (posters, A3 scans) and the image itself is ours to size.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ImageDecodeError(f"PDF cannot be opened for rendering: {exc}") from exc
    try:
        if not 0 <= index < len(pdf):
            raise ImageDecodeError(f"PDF has no page {index + 1}")
        page = pdf[index]
        try:
            w_pt, h_pt = page.get_size()
            scale = dpi / 72.0
            if w_pt * h_pt * scale * scale > max_pixels:
                scale = (max_pixels / max(w_pt * h_pt, 1.0)) ** 0.5
            bitmap = page.render(scale=scale, rev_byteorder=True)
            arr = np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
        finally:
            page.close()
    finally:
        pdf.close()
    if arr.ndim == 2:
        arr = np.repeat(arr[..., None], 3, axis=2)
    return np.ascontiguousarray(arr[..., :3]), scale * 72.0
