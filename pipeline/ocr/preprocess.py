"""Scan clean-up before OCR: resolution, orientation, skew, paper, seals.

Why each step, and why each is cheap (all analysis runs on a ~67-dpi copy):

* resolution: PP-OCR recognises a line crop scaled to 48 px high; body text
  (16 pt) at 200 dpi is ~44 px, so 200 dpi is the resolution that feeds the
  recogniser at its native scale.  Files state their dpi (or it follows from
  an A4/Letter page size); faxes even have different x and y resolutions.
* skew: a sheet fed at 1-2 degrees turns every text line into a slope the
  detector boxes loosely; the angle that makes the row profile of the ink
  sharpest is the skew (and comparing row against column profiles tells
  horizontal from sideways text).
* orientation: sideways or upside-down pages happen with sheet feeders.
  Upright Chinese body text is flush on the left (paragraph indents are two
  characters) and ragged on the right (paragraph ends), and the full-width
  comma/full stop sit at the bottom of the line; both flip under 180°.
* paper: uneven light and yellowed paper are divided out with a smooth
  background estimate, so the detector's threshold sees the same contrast
  everywhere.
* seals: see :mod:`pipeline.ocr.seal`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from pipeline.ocr.orient import upside_down_vote
from pipeline.ocr.seal import SealRegion, find_seals, suppress_seals

A4_IN = (8.27, 11.69)
LETTER_IN = (8.5, 11.0)
ANALYSIS_DPI = 67.0


@dataclass
class Prepared:
    """The page ready for OCR and what was done to it."""

    image: np.ndarray  # RGB uint8 (grey values replicated) at ``dpi``
    dpi: float
    scale: tuple[float, float]  # (x, y) factors applied to the source image
    rotation: int  # quarter turns applied, degrees counter-clockwise: 0, 90, 180, 270
    skew: float  # degrees corrected
    seals: list[SealRegion] = field(default_factory=list)
    #: median height in pixels of the page's text lines (0 when none were found)
    text_height: float = 0.0
    #: the rotated, deskewed colour page before seal suppression (for reading seal text)
    color: np.ndarray | None = None
    orientation_margin: float = 0.0


def estimate_dpi(width: int, height: int, dpi: tuple[float, float] | None) -> tuple[float, float] | None:
    """(x, y) dpi from metadata when it gives a plausible page size, else from an A4/Letter shape."""
    if dpi is not None:
        w_in, h_in = width / dpi[0], height / dpi[1]
        if 2.5 <= min(w_in, h_in) and max(w_in, h_in) <= 24:
            return dpi
    short, long_ = sorted((width, height))
    ratio = long_ / max(short, 1)
    for paper in (A4_IN, LETTER_IN):
        if abs(ratio - paper[1] / paper[0]) < 0.06:
            d = short / paper[0]
            return (d, d) if 50 <= d <= 1200 else None
    return None


def normalise_resolution(rgb: np.ndarray, dpi: tuple[float, float] | None,
                         target: float = 200.0) -> tuple[np.ndarray, tuple[float, float]]:
    """Scale to ``target`` dpi per axis; unknown dpi → unchanged (factors clamped to 0.25-4)."""
    h, w = rgb.shape[:2]
    est = estimate_dpi(w, h, dpi)
    if est is None:
        return rgb, (1.0, 1.0)
    fx = min(4.0, max(0.25, target / est[0]))
    fy = min(4.0, max(0.25, target / est[1]))
    if abs(fx - 1) < 0.03 and abs(fy - 1) < 0.03:
        return rgb, (1.0, 1.0)
    interp = cv2.INTER_AREA if fx * fy < 1 else cv2.INTER_CUBIC
    out = cv2.resize(rgb, (max(1, round(w * fx)), max(1, round(h * fy))), interpolation=interp)
    return out, (out.shape[1] / w, out.shape[0] / h)


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Dark ink on a flattened background (uint8 0/1) — coloured ink excluded by the caller."""
    bg = cv2.dilate(gray, np.ones((9, 9), np.uint8))
    bg = cv2.blur(bg, (15, 15))
    norm = cv2.divide(gray, np.maximum(bg, 1), scale=255)
    return (norm < 190).astype(np.uint8)


def without_rulings(mask: np.ndarray) -> np.ndarray:
    """The ink mask minus long straight runs: table and form rulings are not text lines.

    A ruled table's vertical rules would otherwise give the column profile
    the sharper peaks and make a table page look like sideways text.
    """
    k = max(9, mask.shape[1] // 30)
    h = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))
    v = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, k)))
    lines = cv2.dilate(cv2.bitwise_or(h, v), np.ones((3, 3), np.uint8))
    return np.where(lines > 0, 0, mask).astype(np.uint8)


def _profile_score(coords: np.ndarray, angle: float) -> float:
    """Sharpness (sum of squared bin counts) of the ink profile across lines at ``angle``."""
    y, x = coords[:, 0], coords[:, 1]
    t = math.radians(angle)
    proj = y * math.cos(t) - x * math.sin(t)
    hist = np.bincount((proj - proj.min()).astype(np.int64))
    return float(np.dot(hist, hist)) / (len(coords) ** 2)


def lines_run_horizontally(mask: np.ndarray) -> bool:
    """True when text lines run left-right, False when the page lies on its side.

    Within a line, characters are a tenth of a character apart; lines are
    half a character or more apart.  Smearing the ink a third of a
    character along one axis therefore fuses long blobs only along the
    lines; the axis that yields more long-blob length is the line direction.
    (Projection profiles cannot decide this on tables, whose aligned
    columns are as sharp as their rows.)
    """
    k = 5  # ~1/3 of a 16-pt character at the analysis resolution

    def run_length(smeared: np.ndarray, along_x: bool) -> int:
        _, _, st, _ = cv2.connectedComponentsWithStats(smeared, connectivity=8)
        w, h = st[1:, 2], st[1:, 3]
        long_, short = (w, h) if along_x else (h, w)
        return int(long_[(long_ >= 4 * short) & (short >= 4)].sum())

    across = run_length(cv2.dilate(mask, np.ones((1, k), np.uint8)), True)
    down = run_length(cv2.dilate(mask, np.ones((k, 1), np.uint8)), False)
    return across >= down


def estimate_skew(mask: np.ndarray, max_angle: float = 8.0) -> float:
    """Skew in degrees of horizontal text lines: the angle with the sharpest row profile."""
    coords = np.argwhere(mask > 0).astype(np.float64)
    if len(coords) < 200:
        return 0.0
    if len(coords) > 60000:
        coords = coords[np.random.default_rng(0).choice(len(coords), 60000, replace=False)]
    coarse = np.arange(-max_angle, max_angle + 1e-6, 0.5)
    scores = [_profile_score(coords, a) for a in coarse]
    a0 = float(coarse[int(np.argmax(scores))])
    fine = np.arange(a0 - 0.5, a0 + 0.5 + 1e-6, 0.1)
    fs = [_profile_score(coords, a) for a in fine]
    return float(fine[int(np.argmax(fs))])


def text_lines(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(y0, y1, x0, x1) of body-sized text lines of a deskewed, horizontal ink mask.

    Characters are smeared sideways into line blobs; blobs of the common
    line height that are several characters long are text lines (a seal,
    a table ruling or a heading in a larger size is not).
    """
    smear = cv2.dilate(mask, np.ones((1, 9), np.uint8))
    _, _, stats, _ = cv2.connectedComponentsWithStats(smear, connectivity=8)
    boxes = [(int(x), int(y), int(w), int(h)) for x, y, w, h, _ in stats[1:] if h >= 5 and w >= 2 * h]
    if not boxes:
        return []
    heights = sorted(h for _, _, _, h in boxes)
    char = heights[len(heights) // 2]
    return sorted((y, y + h, x, x + w) for x, y, w, h in boxes if 0.6 * char <= h <= 1.6 * char and w > 4 * h)


def rotate_image(rgb: np.ndarray, quarter_turns: int, skew: float) -> np.ndarray:
    """Rotate counter-clockwise by ``quarter_turns`` x 90° then by ``skew`` degrees; paper-white fill."""
    k = (quarter_turns // 90) % 4
    out = np.ascontiguousarray(np.rot90(rgb, k)) if k else rgb
    if abs(skew) >= 0.05:
        h, w = out.shape[:2]
        m = cv2.getRotationMatrix2D((w / 2, h / 2), skew, 1.0)
        out = cv2.warpAffine(out, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return out


def flatten_paper(gray: np.ndarray) -> np.ndarray:
    """Divide out the smooth paper background so paper → white and ink keeps its contrast."""
    h, w = gray.shape
    f = 8
    small = cv2.resize(gray, (max(1, w // f), max(1, h // f)), interpolation=cv2.INTER_AREA)
    bg = cv2.dilate(small, np.ones((7, 7), np.uint8))
    bg = cv2.GaussianBlur(bg, (0, 0), 6)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(gray, np.maximum(bg, 1), scale=255)


@dataclass(frozen=True)
class Analysis:
    turns: int  # quarter turns ccw that make text lines horizontal: 0 or 90
    skew: float
    lines: list[tuple[int, int, int, int]]  # text lines (y0, y1, x0, x1) after both, in page pixels


def analyse(rgb: np.ndarray, dpi: float, orientation: bool = True, deskew: bool = True) -> Analysis:
    """Which way the text lines run and their skew, on a ~67-dpi copy of an RGB page."""
    f = ANALYSIS_DPI / dpi
    small = cv2.resize(rgb, (max(1, int(rgb.shape[1] * f)), max(1, int(rgb.shape[0] * f))),
                       interpolation=cv2.INTER_AREA)
    gray = small.max(axis=2)  # red/colour ink is bright in its strongest channel: black text only
    mask = without_rulings(ink_mask(gray))
    if not (deskew or orientation):
        return Analysis(0, 0.0, [])
    turns = 0
    if orientation and not lines_run_horizontally(mask):
        turns = 90
        mask = np.ascontiguousarray(np.rot90(mask))
    skew = estimate_skew(mask) if deskew else 0.0
    upright = (rotate_image(mask * 255, 0, skew) > 127).astype(np.uint8)
    sy, sx = rgb.shape[0] / small.shape[0], rgb.shape[1] / small.shape[1]
    if turns == 90:
        sy, sx = sx, sy
    lines = [(int(a * sy), int(b * sy), int(x0 * sx), int(x1 * sx)) for a, b, x0, x1 in text_lines(upright)]
    return Analysis(turns, skew, lines)


def prepare(rgb: np.ndarray, dpi: tuple[float, float] | None, target_dpi: float = 200.0,
            orientation: bool = True, deskew: bool = True, seals: bool = True) -> Prepared:
    """Run every step; the result's image is what the OCR engine sees."""
    img, scale = normalise_resolution(rgb, dpi, target_dpi)
    an = analyse(img, target_dpi, orientation, deskew)
    img = rotate_image(img, an.turns, an.skew)
    turns, margin = an.turns, 0.0
    if orientation:
        vote = upside_down_vote(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), an.lines)
        if vote is not None:
            margin = abs(vote)
            if vote > 0:
                img = np.ascontiguousarray(np.rot90(img, 2))
                turns = (turns + 180) % 360
    found = find_seals(img, target_dpi) if seals else []
    color = img
    if found:
        img = suppress_seals(img, found)
    gray = flatten_paper(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY))
    out = np.repeat(gray[..., None], 3, axis=2)
    heights = sorted(y1 - y0 for y0, y1, _, _ in an.lines)
    text_h = float(heights[len(heights) // 2]) if heights else 0.0
    return Prepared(out, target_dpi, scale, turns, an.skew, seals=found, text_height=text_h, color=color,
                    orientation_margin=margin)
