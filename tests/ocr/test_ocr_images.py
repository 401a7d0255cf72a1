"""Image reader and page images: frames listed from headers, bad input refused clearly."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.ingest.base import ReaderError
from pipeline.ingest.image import ImageReader
from pipeline.ocr.images import ImageTooLargeError, load_frame
from pipeline.ocr.preprocess import estimate_dpi, normalise_resolution


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` (a decompression bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"IEND", b""))


def _encoded(fmt: str, frames: int = 1, **kw: object) -> bytes:
    rng = np.random.default_rng(0)
    ims = [Image.fromarray(rng.integers(0, 255, (120 + 10 * k, 90, 3), dtype=np.uint8)) for k in range(frames)]
    buf = io.BytesIO()
    ims[0].save(buf, fmt, save_all=frames > 1, append_images=ims[1:], **kw)
    return buf.getvalue()


def test_one_page_per_frame_without_decoding() -> None:
    data = _encoded("TIFF", frames=3, dpi=(300, 300))
    pages = ImageReader().read(Path("scan.tif"), data)
    assert [p.number for p in pages] == [1, 2, 3]
    assert all(p.needs_ocr and not p.lines for p in pages)
    assert [(p.width, p.height) for p in pages] == [(90.0, 120.0), (90.0, 130.0), (90.0, 140.0)]


def test_png_and_jpeg_are_single_pages() -> None:
    assert len(ImageReader().read(Path("a.png"), _encoded("PNG"))) == 1
    assert len(ImageReader().read(Path("a.jpg"), _encoded("JPEG"))) == 1


@pytest.mark.parametrize("data", [b"", b"definitely not an image" * 20,
                                  _encoded("PNG")[:300], _encoded("JPEG", quality=90)[:-400]])
def test_corrupt_or_truncated_image_is_a_reader_error(data: bytes) -> None:
    with pytest.raises(ReaderError):
        ImageReader().read(Path("broken.png"), data)


@pytest.mark.parametrize("size", [(12_000, 12_500), (30_000, 30_000)])
def test_decompression_bomb_is_refused_from_the_header(size: tuple[int, int]) -> None:
    bomb = png_header_only(*size)
    assert len(bomb) < 200
    with pytest.raises(ReaderError, match="decompression bomb"):
        ImageReader().read(Path("bomb.png"), bomb)
    with pytest.raises(ImageTooLargeError, match="decompression bomb"):
        load_frame(bomb, 0)


def test_load_frame_gives_rgb_and_dpi() -> None:
    data = _encoded("TIFF", frames=2, dpi=(200, 200))
    rgb, dpi = load_frame(data, 1)
    assert rgb.shape == (130, 90, 3) and rgb.dtype == np.uint8
    assert dpi == (200.0, 200.0)


def test_dpi_from_metadata_or_a4_shape() -> None:
    assert estimate_dpi(1654, 2339, None) == pytest.approx((200.0, 200.0), rel=0.01)
    assert estimate_dpi(2480, 3508, (300.0, 300.0)) == (300.0, 300.0)
    assert estimate_dpi(1728, 1100, (204.0, 98.0)) == (204.0, 98.0)  # fax standard resolution
    assert estimate_dpi(800, 300, None) is None  # a strip: no page size to go by
    img = np.full((3508, 2480, 3), 255, np.uint8)
    out, scale = normalise_resolution(img, (300.0, 300.0))
    assert out.shape[:2] == (2339, 1653) and scale[0] == pytest.approx(2 / 3, rel=0.01)


def test_ocr_stage_raises_on_an_undecodable_page() -> None:
    from pipeline.model import Page, WorkDoc
    from pipeline.ocr.base import OcrError
    from pipeline.ocr.stage import ocr_pages

    for name, data in (("bad.png", b"\x89PNG\r\n\x1a\n broken"), ("bad.pdf", b"%PDF-1.4 not really")):
        doc = WorkDoc(path=Path(name), rel_path=name, source_format="x", data=data, sha256="0" * 64,
                      pages=[Page(number=1, needs_ocr=True)])
        with pytest.raises(OcrError):
            ocr_pages(doc)
        assert doc.pages[0].needs_ocr and doc.ocr_engine is None
