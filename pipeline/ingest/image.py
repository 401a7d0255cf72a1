"""Scanned page images (PNG, JPEG, TIFF incl. multi-page TIFF): pages that need OCR.

Why the reader decodes (almost) nothing: a scan has no text to read here;
the OCR stage decodes one frame at a time when it gets to it.  The reader
only lists the frames from the file headers -- so a corrupt file or a
decompression bomb fails here, at ingest, with a clear message -- and checks
that the data is intact (PNG chunk checksums; a JPEG is test-decoded at 1/8
scale, which reads every byte of the entropy-coded data without allocating
the full image).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from pipeline.ingest.base import ReaderError
from pipeline.model import Page
from pipeline.ocr.images import DEFAULT_MAX_PIXELS, ImageDecodeError, frame_infos, open_image


def _check_intact(data: bytes, max_pixels: int) -> None:
    with open_image(data, max_pixels) as im:
        fmt = im.format
        if fmt == "JPEG":
            im.draft("L", (max(1, im.size[0] // 8), max(1, im.size[1] // 8)))
            im.load()
            return
    if fmt == "PNG":
        with open_image(data, max_pixels) as im:
            im.verify()


class ImageReader:
    """One ``Page(needs_ocr=True)`` per image frame, sized in pixels."""

    name = "image"
    suffixes: tuple[str, ...] = (".png", ".jpg", ".jpeg", ".tif", ".tiff")

    def __init__(self, max_pixels: int = DEFAULT_MAX_PIXELS):
        self.max_pixels = max_pixels

    def read(self, path: Path, data: bytes) -> list[Page]:
        if not data:
            raise ReaderError("empty file (no image data)")
        try:
            infos = frame_infos(data, self.max_pixels)
            _check_intact(data, self.max_pixels)
        except ImageDecodeError as exc:
            raise ReaderError(f"{path.name}: {exc}") from exc
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
            raise ReaderError(f"{path.name}: damaged image data: {exc}") from exc
        return [Page(number=i.index + 1, needs_ocr=True, width=float(i.width), height=float(i.height))
                for i in infos]
