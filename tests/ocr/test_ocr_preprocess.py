"""Preprocessing on rendered scans: orientation, skew, and round red seals (no OCR engine)."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pytest
from scan_fixtures import REDHEAD, TELEGRAM

from pipeline.ocr.preprocess import analyse, prepare
from pipeline.ocr.seal import find_seals, red_mask


@pytest.fixture(scope="module")
def redhead_page(rs: ModuleType):  # type: ignore[no-untyped-def]
    return rs.render_document(REDHEAD, "redhead", seed=11)[0]


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
def test_page_is_turned_upright(rs: ModuleType, turns: int) -> None:
    page = rs.render_document(TELEGRAM, "fax", seed=5)[0]
    scanned = np.ascontiguousarray(np.rot90(page.image, turns))
    prepared = prepare(scanned, (200.0, 200.0))
    assert (prepared.rotation + 90 * turns) % 360 == 0
    assert prepared.image.shape[:2] == page.image.shape[:2]


def test_skew_is_measured_and_removed(rs: ModuleType) -> None:
    clean = rs.render_document(TELEGRAM, "fax", seed=5, strength=0)[0].image
    h, w = clean.shape[:2]
    import cv2

    tilted = cv2.warpAffine(clean, cv2.getRotationMatrix2D((w / 2, h / 2), 1.5, 1.0), (w, h),
                            borderValue=(255, 255, 255))
    assert analyse(tilted, 200.0).skew == pytest.approx(-1.5, abs=0.25)
    assert abs(analyse(prepare(tilted, (200.0, 200.0)).image, 200.0).skew) <= 0.2


def test_round_seal_found_but_not_the_red_heading_or_rule(redhead_page) -> None:  # type: ignore[no-untyped-def]
    seals = find_seals(redhead_page.image)
    assert len(seals) == 1
    (cx, cy, r), = redhead_page.seals
    assert abs(seals[0].cx - cx) < 25 and abs(seals[0].cy - cy) < 25 and abs(seals[0].r - r) < 25
    top = redhead_page.image[: redhead_page.image.shape[0] // 3]
    assert red_mask(top).sum() > 0  # the heading and rule are red …
    assert find_seals(top) == []  # … and are not seals


def test_seal_red_is_lifted_and_black_text_kept(redhead_page) -> None:  # type: ignore[no-untyped-def]
    prepared = prepare(redhead_page.image, (200.0, 200.0))
    assert len(prepared.seals) == 1
    s = prepared.seals[0]
    assert prepared.color is not None
    y0, y1, x0, x1 = int(s.cy - s.r), int(s.cy + s.r), int(s.cx - s.r), int(s.cx + s.r)
    before = prepared.color[y0:y1, x0:x1]
    after = prepared.image[y0:y1, x0:x1, 0]
    red = red_mask(before) > 0
    assert red.mean() > 0.05
    dark_red_before = (before.mean(axis=2) < 160) & red
    assert (after[dark_red_before] > 200).mean() > 0.9  # seal ink became paper
    black = before.max(axis=2) < 90  # the date and signature under the seal
    assert black.sum() > 500 and (after[black] < 128).mean() > 0.8
