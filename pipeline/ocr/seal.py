"""Round red seals (公章): find them, lift them off the page, read them separately.

Why: the 发文机关 seal is stamped over the signature and the 成文日期
("下压成文日期", GB/T 9704-2012 §7.3.5).  Left in the image, its ring and star
break the date line into pieces and its arc text is read as garbage mixed
into the signature lines.  Black ink under red ink stays dark in the red
channel while the red ink itself turns as bright as the paper there, so
inside a detected seal the red channel is a page without the stamp.

Detection must not touch the other red things on a 公文: the 发文机关标志
heading (a wide block of red characters) and the red rule under it (a thin
line).  A seal is told apart by shape: a roughly square red component whose
outer ring is inked around most of its circumference.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

#: seal diameters accepted, in millimetres (round official seals are 38-50 mm; small ones 20+)
MIN_DIAMETER_MM = 18.0
MAX_DIAMETER_MM = 60.0


@dataclass(frozen=True)
class SealRegion:
    cx: float
    cy: float
    r: float
    #: fraction of the rim (angular bins) carrying red ink
    ring_coverage: float

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.cx - self.r, self.cy - self.r, self.cx + self.r, self.cy + self.r)


def red_mask(rgb: np.ndarray) -> np.ndarray:
    """Pixels of red ink (uint8 0/255): red hue, clearly saturated, not dark (black text stays out)."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    red_hue = (h <= 12) | (h >= 165)
    r = rgb[..., 0].astype(np.int16)
    gb = np.maximum(rgb[..., 1], rgb[..., 2]).astype(np.int16)
    return ((red_hue & (s >= 45) & (v >= 70) & (r - gb >= 35)) * 255).astype(np.uint8)


def _ring_coverage(mask: np.ndarray, cx: float, cy: float, r: float, bins: int = 48) -> float:
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return 0.0
    d = np.hypot(xs - cx, ys - cy)
    rim = (d >= 0.8 * r) & (d <= 1.08 * r)
    if not rim.any():
        return 0.0
    ang = np.arctan2(ys[rim] - cy, xs[rim] - cx)
    hit = np.unique(((ang + np.pi) / (2 * np.pi) * bins).astype(int) % bins)
    return len(hit) / bins


def find_seals(rgb: np.ndarray, dpi: float = 200.0, min_coverage: float = 0.6) -> list[SealRegion]:
    """Round red stamps on a page (work is done at half resolution: seals are large)."""
    small = cv2.resize(rgb, (rgb.shape[1] // 2, rgb.shape[0] // 2), interpolation=cv2.INTER_AREA)
    mask = red_mask(small)
    if cv2.countNonZero(mask) < 50:
        return []
    px_per_mm = dpi / 25.4 / 2
    k = max(3, int(round(1.2 * px_per_mm)) | 1)
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    lo, hi = MIN_DIAMETER_MM * px_per_mm, MAX_DIAMETER_MM * px_per_mm
    found: list[SealRegion] = []
    for c in contours:
        x, y, w, h = cv2.boundingRect(c)
        if not (lo <= w <= hi and lo <= h <= hi and 0.75 <= w / h <= 1.33):
            continue
        (cx, cy), r = cv2.minEnclosingCircle(c)
        x0, y0 = max(0, int(cx - r * 1.1)), max(0, int(cy - r * 1.1))
        sub = mask[y0:int(cy + r * 1.1) + 1, x0:int(cx + r * 1.1) + 1]
        cov = _ring_coverage(sub, cx - x0, cy - y0, r)
        if cov >= min_coverage:
            found.append(SealRegion(cx * 2, cy * 2, r * 2, cov))
    return found


def suppress_seals(rgb: np.ndarray, seals: list[SealRegion]) -> np.ndarray:
    """A copy of ``rgb`` with the seals' red ink turned to paper; black ink under it kept.

    Two estimates of "black ink only" are combined by taking the lighter
    one.  The red channel drops the red ink but, in a JPEG, carries chroma
    sampled at half resolution, so thin black strokes inside the seal come
    out too light there; luminance keeps the strokes sharp, and dividing it
    by the luminance of solid seal ink lifts the red ink to paper while
    black ink stays several times darker.  The result is scaled to the
    paper level around the seal so no bright disc is left behind.
    """
    out = rgb.copy()
    h, w = rgb.shape[:2]
    for s in seals:
        rr = s.r * 1.12
        x0, y0 = max(0, int(s.cx - rr * 1.25)), max(0, int(s.cy - rr * 1.25))
        x1, y1 = min(w, int(s.cx + rr * 1.25) + 1), min(h, int(s.cy + rr * 1.25) + 1)
        crop = rgb[y0:y1, x0:x1]
        yy, xx = np.mgrid[y0:y1, x0:x1]
        dist = np.hypot(xx - s.cx, yy - s.cy)
        disc = dist <= rr
        if not disc.any():
            continue
        ycc = cv2.cvtColor(crop, cv2.COLOR_RGB2YCrCb).astype(np.float32)
        lum = ycc[..., 0]
        # the red channel rebuilt from full-resolution luma and *eroded* chroma: JPEG keeps chroma
        # at half resolution and it bleeds across stroke edges; eroding it stops seal red from
        # bleeding into (and lightening) the black strokes it touches
        cr = cv2.erode(ycc[..., 1], np.ones((5, 5), np.uint8))
        red = lum + 1.402 * (cr - 128.0)
        outside = ~disc & (dist <= rr * 1.25)
        paper = float(np.percentile(lum[outside], 90)) if outside.any() else 255.0
        paper_r = float(np.percentile(red[disc], 90))
        ratio = red / max(0.85 * paper_r, 1.0)  # seal ink keeps ~85-95% of the paper's red
        # next to seal ink, a knee: what is still lighter than 3/4 of the paper is stamp residue,
        # not ink; elsewhere in the disc the page is left as it is (black text keeps its weight)
        near_seal = cv2.dilate(red_mask(crop), np.ones((5, 5), np.uint8)) > 0
        lifted = np.clip((ratio - 0.05) / 0.7, 0.0, 1.0) * paper
        clean = np.where(near_seal, lifted, np.minimum(lum, paper))
        region = out[y0:y1, x0:x1]
        region[disc] = np.repeat(clean[disc].astype(np.uint8)[:, None], 3, axis=1)
    return out


def unwrap_seal_text(rgb: np.ndarray, seal: SealRegion) -> np.ndarray:
    """The seal's arc text laid out on a straight line (RGB, dark ink on white), for recognition.

    The rim band is unrolled with a polar transform starting at the bottom
    of the seal, so the text, centred on the top of the arc, lands in the
    middle of the strip reading left to right, tops of the characters up.
    """
    redness = rgb[..., 0].astype(np.int16) - np.maximum(rgb[..., 1], rgb[..., 2]).astype(np.int16)
    ink = np.clip(255 - np.clip(redness, 0, 255) * 2.2, 0, 255).astype(np.uint8)
    r = seal.r
    n_ang = int(2 * np.pi * r * 0.72)
    polar = cv2.warpPolar(ink, (int(r), n_ang), (seal.cx, seal.cy), r, cv2.WARP_POLAR_LINEAR
                          | cv2.INTER_LINEAR)
    # rows = angle 0..360 (clockwise on screen, 0 = right); start at the bottom (90 deg)
    start = n_ang // 4
    polar = np.concatenate([polar[start:], polar[:start]], axis=0)
    band = polar[:, int(r * 0.5):int(r * 0.93)]
    strip = np.flipud(band.T)  # angle runs left→right, the rim on top
    strip = cv2.copyMakeBorder(strip, 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=255)
    return np.repeat(strip[..., None], 3, axis=2)
