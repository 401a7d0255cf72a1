"""Render a notice text into realistic scanned pages with exact ground truth.

Why: the archive is mostly paper, and OCR quality can only be measured
against text we know exactly.  This script typesets a ``.txt`` notice the way
the paper originals look -- a 明传电报 telegram form, a red-header 公文 laid out
after GB/T 9704-2012, or a plain fax/photocopy -- on A4 at 200 dpi, then
degrades it like a real scan (rotation, blur, noise, uneven paper, JPEG) and
writes, next to each image, the text lines of every page in reading order
(``<stem>.gt.json``).  The ground truth is written in the form the OCR stage
is expected to produce: telegram grid cells as ``key：value`` lines, ruled
table rows as tab-joined cells, page numbers as printed.

Ground truth goes to ``.gt.json`` (never ``.txt``): scan folders live under
``data/raw`` and a ``.txt`` there would be ingested as a document.

Usage::

    python scripts/render_scans.py notice.txt --look redhead --out DIR
    python scripts/render_scans.py --samples     # the sample archive scans

Importable: tests and the benchmark call :func:`render_document` and
:func:`degrade` directly.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

DPI = 200
PAGE_W, PAGE_H = 1654, 2339  # A4 at 200 dpi
MM = DPI / 25.4
# GB/T 9704-2012: text block 156 x 225 mm, top margin 37 mm, 22 lines x 28 chars of 3号 (16 pt)
BODY_PX = round(16 / 72 * DPI)  # 44
TEXT_W = 28 * BODY_PX
LEFT = (PAGE_W - TEXT_W) // 2
TOP = round(37 * MM)
BOTTOM = TOP + round(225 * MM)
PITCH = round(225 * MM / 22)
INK = (22, 22, 26)
RED = (214, 28, 36)
LOOKS = ("telegram", "redhead", "fax")

FONT_CANDIDATES = {
    "song": [
        ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
        ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
        ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ],
    "hei": [
        ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
        ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ],
}
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[(（［]\s*\d{4}\s*[〕\])）］]\s*\d{1,4}\s*号")
DATE_LINE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
TITLE_HINT = re.compile(r"关于|通知|方案|意见|办法|计划|总结|公告|报告")
ATTACH_LABEL = re.compile(r"^附件\s*\d{0,2}$")
#: closing punctuation never starts a line (禁则): it hangs into the margin instead
NO_LINE_START = frozenset("。，、；：！？”’）》」』】〕,.;:!?)")
H1 = re.compile(r"^[一二三四五六七八九十]+、")


class FontMissing(RuntimeError):
    """No CJK font is installed (apt-get install fonts-wqy-zenhei fonts-arphic-uming)."""


def find_fonts() -> dict[str, tuple[str, int]]:
    found: dict[str, tuple[str, int]] = {}
    for role, cands in FONT_CANDIDATES.items():
        for path, index in cands:
            if Path(path).exists():
                found[role] = (path, index)
                break
    if len(found) < len(FONT_CANDIDATES):
        raise FontMissing("no CJK font found: apt-get install -y fonts-wqy-zenhei fonts-arphic-uming")
    return found


_FONT_CACHE: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(role: str, size: int) -> ImageFont.FreeTypeFont:
    path, index = find_fonts()[role]
    key = (f"{path}#{index}", size)
    if key not in _FONT_CACHE:
        _FONT_CACHE[key] = ImageFont.truetype(path, size, index=index)
    return _FONT_CACHE[key]


def text_width(text: str, f: ImageFont.FreeTypeFont) -> float:
    return float(f.getlength(text))


def wrap(text: str, f: ImageFont.FreeTypeFont, width: float, first_indent: float = 0.0) -> list[str]:
    """Greedy wrap by measured width (CJK has no word boundaries; closing punctuation may hang)."""
    lines: list[str] = []
    cur = ""
    limit = width - first_indent
    for ch in text:
        if cur and text_width(cur + ch, f) > limit and ch not in NO_LINE_START:
            lines.append(cur)
            cur = ch.lstrip()
            limit = width
        else:
            cur += ch
    if cur.strip():
        lines.append(cur)
    return lines


# ------------------------------------------------------------------ document model


@dataclass
class Block:
    kind: str  # para | h1 | title | center | sign | table | attach | break
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    extra: str = ""  # sign: the date line


@dataclass
class Parsed:
    fields: list[tuple[str, str]]  # telegram grid keys/values in print order
    mark: str  # 发文机关标志 / telegram heading
    doc_number: str
    blocks: list[Block]
    seal_text: str


def _norm_docno(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"[\[(（［](\d{4})[\])）］]", r"〔\1〕", s)
    return s


def _telegram_header(lines: list[str]) -> tuple[str, list[tuple[str, str]]]:
    text = " ".join(lines)
    mark = next((ln for ln in lines if re.fullmatch(r".{2,20}(发电|明传电报)", ln)), "")

    def grab(pattern: str) -> str:
        m = re.search(pattern, text)
        return m.group(1).strip() if m and m.group(1) else ""

    sign_key = "签发盖章" if "签发盖章" in text else "签批盖章"
    docno = DOC_NUMBER.search(text)
    fields = [
        ("发电单位", grab(r"发电单位[：:\s]*([^\s：:]+)")),
        (sign_key, grab(r"签[批发]盖章[：:\s]*([^\s：:]+)")),
        ("等级", grab(r"等级[：:\s]*(特提|特急|加急|平急)")),
        ("密级", grab(r"(明电|秘密|机密|绝密)")),
        ("文号", _norm_docno(docno.group(0)) if docno else ""),
        ("序号", grab(r"序号[：:\s]*(\d{1,6})")),
    ]
    return mark, fields


def parse(text: str, look: str) -> Parsed:
    """Split a notice into header, title, body blocks, signature and tables."""
    raw = [ln.strip(" \u3000\ufeff") for ln in text.replace("\r\n", "\n").split("\n")]
    lines = [ln for ln in raw if ln.strip()]
    title_at = next((i for i, ln in enumerate(lines[:12]) if TITLE_HINT.search(ln) and len(ln) > 8
                     and not ln.startswith(("发电", "签")) and not DOC_NUMBER.fullmatch(ln)), 0)
    mark, docno = "", ""
    fields: list[tuple[str, str]] = []
    # lines above the title that no header slot takes (a web copy's headline, info lines) are
    # printed as they are: a rendering must show all of the text, or OCR is blamed for what was never on the page
    leftover = lines[:title_at]
    if look == "telegram":
        mark, fields = _telegram_header(lines[:title_at])
        leftover = []
    elif look == "redhead" and title_at > 0:
        # the red banner is an organ's name, never a paragraph of a copy that has no banner
        has_mark = len(lines[0]) <= 30 and not re.search(r"[，。,;；]", lines[0])
        mark = lines[0] if has_mark else ""
        at = next((k for k in range(1, title_at) if DOC_NUMBER.search(lines[k])), None)
        docno = _norm_docno(DOC_NUMBER.search(lines[at]).group(0)) if at is not None else ""  # type: ignore[union-attr]
        leftover = [ln for k, ln in enumerate(lines[:title_at]) if not (k == 0 and has_mark) and k != at]
    body = lines[title_at:]
    # the signature: the last "organ / date" pair before the attachments
    sign_at = -1
    for i in range(1, len(body)):
        if DATE_LINE.match(body[i]) and len(body[i - 1]) <= 26 and not re.search(r"[，。：:；]", body[i - 1]):
            sign_at = i - 1
            if i + 1 < len(body) and ATTACH_LABEL.match(body[i + 1]):
                break
    # a copy without a title line starts with a paragraph: never typeset that as a 5-line title
    prose = len(body[0]) > 60 and re.search(r"[，。,]", body[0]) is not None
    first = Block("para", body[0]) if prose else Block("title", body[0])
    blocks: list[Block] = [Block("para", ln) for ln in leftover] + [first]
    seal_text = fields[0][1] if fields and fields[0][1] else ""
    i = 1
    while i < len(body):
        ln = body[i]
        if i == sign_at:
            blocks.append(Block("sign", ln, extra=body[i + 1]))
            seal_text = seal_text or ln
            i += 2
            continue
        if "\t" in ln:
            rows: list[list[str]] = []
            while i < len(body) and "\t" in body[i]:
                row = [c.strip() for c in body[i].split("\t")]
                if not rows or row != rows[0]:  # drop a header repeated at an old page break
                    rows.append(row)
                i += 1
            if blocks and blocks[-1].kind == "table" and rows and rows[0] == blocks[-1].rows[0]:
                blocks[-1].rows.extend(rows[1:])  # a header repeated at an old page break
            else:
                blocks.append(Block("table", rows=rows))
            continue
        if ATTACH_LABEL.match(ln):
            blocks += [Block("break"), Block("attach", ln)]
            if i + 1 < len(body) and "\t" not in body[i + 1] and len(body[i + 1]) < 40:
                blocks.append(Block("center", body[i + 1]))
                i += 1
        elif H1.match(ln) and len(ln) < 30:
            blocks.append(Block("h1", ln))
        elif ln.endswith(("：", ":")) and blocks[-1].kind == "title":
            blocks.append(Block("para", ln, extra="flush"))  # 主送机关 starts at the margin
        else:
            blocks.append(Block("para", ln))
        i += 1
    return Parsed(fields, mark, docno, blocks, seal_text)


# ------------------------------------------------------------------ page composition


@dataclass
class Seal:
    cx: int
    cy: int
    r: int
    text: str


@dataclass
class PageDraw:
    """Drawing operations of one page and the ground-truth lines they print."""

    number: int
    ops: list[tuple] = field(default_factory=list)
    gt: list[str] = field(default_factory=list)
    seals: list[Seal] = field(default_factory=list)
    has_red: bool = False


class Composer:
    """Places blocks on pages top to bottom, breaking pages at the text block's bottom."""

    def __init__(self, look: str):
        self.look = look
        self.pages: list[PageDraw] = []
        self.y = 0
        self.new_page()

    @property
    def page(self) -> PageDraw:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(PageDraw(len(self.pages) + 1))
        self.y = TOP

    def ensure(self, height: int) -> None:
        if self.y + height > BOTTOM and self.y > TOP:
            self.new_page()

    def text(self, x: float, y: float, s: str, role: str, size: int, color=INK, gt: str | None = None,
             stroke: int = 0, spacing: float = 0.0) -> None:
        self.page.ops.append(("text", x, y, s, role, size, color, stroke, spacing))
        self.page.gt.append(s if gt is None else gt)
        if color == RED:
            self.page.has_red = True

    def rule(self, x0: float, y0: float, x1: float, y1: float, width: int, color=INK) -> None:
        self.page.ops.append(("line", x0, y0, x1, y1, width, color))
        if color == RED:
            self.page.has_red = True

    def lines_of(self, s: str, role: str = "song", size: int = BODY_PX, indent: int = 2,
                 align: str = "left") -> None:
        f = font(role, size)
        for k, part in enumerate(wrap(s, f, TEXT_W, indent * size)):
            self.ensure(PITCH)
            w = text_width(part, f)
            x = {"left": LEFT + (indent * size if k == 0 else 0), "center": LEFT + (TEXT_W - w) / 2,
                 "right": LEFT + TEXT_W - w - 4 * size}[align]
            self.text(x, self.y + (PITCH - size) / 2, part, role, size)
            self.y += PITCH

    def grid(self, rows: list[list[tuple[str, bool]]], size: int, gt: list[str]) -> None:
        """A ruled telegram header: each row its own cells, keys sized to fit, values stretch."""
        f = font("song", size)
        row_h = round(size * 2.1)
        self.page.gt.extend(gt)
        for row in rows:
            nat = [text_width(t, f) + size * 0.9 for t, _ in row]
            spare = TEXT_W - sum(nat)
            nvals = sum(1 for _, is_key in row if not is_key) or 1
            widths = [w + (0 if is_key else spare / nvals) for w, (_, is_key) in zip(nat, row)]
            x = float(LEFT)
            for (t, is_key), w in zip(row, widths):
                tx = x + (w - text_width(t, f)) / 2 if is_key else x + size * 0.45
                self.page.ops.append(("text", tx, self.y + (row_h - size) / 2, t, "song", size, INK, 0, 0.0))
                x += w
                self.rule(x, self.y, x, self.y + row_h, 2)
            self.rule(LEFT, self.y, LEFT + TEXT_W, self.y, 2)
            self.rule(LEFT, self.y, LEFT, self.y + row_h, 2)
            self.y += row_h
        self.rule(LEFT, self.y, LEFT + TEXT_W, self.y, 2)

    def table(self, rows: list[list[str]], size: int = 33) -> None:
        """A fully ruled table; rows wrap inside their cells; the header repeats after a break."""
        f = font("song", size)
        ncol = max(len(r) for r in rows)
        rows = [r + [""] * (ncol - len(r)) for r in rows]
        pad = size * 0.5
        nat = [max(text_width(r[c], f) for r in rows) + 2 * pad for c in range(ncol)]
        nat = [max(w, 2 * size + 2 * pad) for w in nat]
        cap = max(nat)
        while sum(min(w, cap) for w in nat) > TEXT_W:
            cap -= 4
        widths = [min(w, cap) for w in nat]
        widths = [w * TEXT_W / sum(widths) for w in widths]
        pitch = round(size * 1.45)
        header = rows[0]

        def draw_row(row: list[str]) -> None:
            cells = [wrap(t, f, w - 2 * pad) or [""] for t, w in zip(row, widths)]
            h = max(len(c) for c in cells) * pitch + round(pad)
            if self.y + h > BOTTOM:
                self.rule(LEFT, self.y, LEFT + TEXT_W, self.y, 2)
                self.new_page()
                if row is not header:
                    draw_row(header)
            x = float(LEFT)
            for parts, w in zip(cells, widths):
                for k, part in enumerate(parts):
                    tx = x + pad if len(parts) > 1 else x + (w - text_width(part, f)) / 2
                    ty = self.y + pad / 2 + k * pitch + (pitch - size) / 2
                    self.page.ops.append(("text", tx, ty, part, "song", size, INK, 0, 0.0))
                x += w
            self.page.gt.append("\t".join(row))
            self.rule(LEFT, self.y, LEFT + TEXT_W, self.y, 2)
            x = float(LEFT)
            for w in [0.0, *widths]:
                x += w
                self.rule(x, self.y, x, self.y + h, 2)
            self.y += h

        for row in rows:
            draw_row(row)
        self.rule(LEFT, self.y, LEFT + TEXT_W, self.y, 2)
        self.y += PITCH // 2


def compose(doc: Parsed, look: str) -> list[PageDraw]:
    c = Composer(look)
    if look == "telegram" and doc.mark:
        size = 84
        f = font("song", size)
        spaced = doc.mark
        w = text_width(spaced, f) + 0.3 * size * (len(spaced) - 1)
        c.text(LEFT + (TEXT_W - w) / 2, TOP - 150, spaced, "song", size, RED, stroke=1, spacing=0.3 * size)
    if look == "telegram" and any(v for _, v in doc.fields):
        kv = doc.fields
        gt = [f"{k}：{v}" for k, v in kv if v]
        c.y = TOP - 20
        c.grid([[(kv[0][0], True), (kv[0][1], False), (kv[1][0], True), (kv[1][1], False)],
                [(t, i % 2 == 0) for pair in kv[2:] for i, t in enumerate(pair)]], 36, gt)
        c.y += PITCH // 2
    if look == "redhead" and doc.mark:
        f = font("song", 80)
        size = min(80, int(80 * TEXT_W / max(text_width(doc.mark, f), 1)))
        w = text_width(doc.mark, font("song", size))
        c.text(LEFT + (TEXT_W - w) / 2, TOP, doc.mark, "song", size, RED, stroke=1)
        c.y = TOP + size + round(18 * MM)
        if doc.doc_number:
            fd = font("song", BODY_PX)
            c.text(LEFT + (TEXT_W - text_width(doc.doc_number, fd)) / 2, c.y, doc.doc_number, "song", BODY_PX)
            c.y += BODY_PX + round(4 * MM)
        c.rule(LEFT, c.y, LEFT + TEXT_W, c.y, 5, RED)
        c.y += round(10 * MM)
    for b in doc.blocks:
        if b.kind == "title":
            f = font("song", 52)
            for part in wrap(b.text, f, TEXT_W - 2 * 52):
                c.ensure(92)
                c.text(LEFT + (TEXT_W - text_width(part, f)) / 2, c.y + 10, part, "song", 52, stroke=1)
                c.y += 92
            c.y += PITCH // 2
        elif b.kind == "h1":
            c.lines_of(b.text, "hei")
        elif b.kind == "para":
            flush = b.extra == "flush" or re.match(r"^\d+[.．、]", b.text)
            c.lines_of(b.text, indent=0 if flush else 2)
        elif b.kind == "center":
            c.lines_of(b.text, "song", 48, indent=0, align="center")
        elif b.kind == "attach":
            c.lines_of(b.text, "hei", indent=0)
        elif b.kind == "break":
            if c.y > TOP:
                c.new_page()
        elif b.kind == "table":
            c.table(b.rows)
        elif b.kind == "sign":
            c.y += PITCH
            c.ensure(3 * PITCH)
            y_org = c.y
            fd = font("song", BODY_PX)
            date_x = LEFT + TEXT_W - 4 * BODY_PX - text_width(b.extra, fd)
            org_x = date_x + (text_width(b.extra, fd) - text_width(b.text, fd)) / 2
            org_x = min(org_x, LEFT + TEXT_W - 2 * BODY_PX - text_width(b.text, fd))
            c.text(org_x, y_org + (PITCH - BODY_PX) / 2, b.text, "song", BODY_PX)
            c.text(date_x, y_org + PITCH + (PITCH - BODY_PX) / 2, b.extra, "song", BODY_PX)
            r = round(21 * MM)
            cx = round(date_x + text_width(b.extra, fd) / 2)
            c.page.seals.append(Seal(cx, round(y_org + PITCH * 1.05), r, doc.seal_text or b.text))
            c.page.has_red = True
            c.y += 2 * PITCH
    if look in ("redhead", "telegram"):
        fnum = font("song", 38)
        for p in c.pages:
            label = f"— {p.number} —"
            w = text_width(label, fnum)
            x = LEFT + TEXT_W - BODY_PX - w if p.number % 2 else LEFT + BODY_PX
            p.ops.append(("text", x, BOTTOM + round(9 * MM), label, "song", 38, INK, 0, 0.0))
            p.gt.append(label)
    return c.pages


# ------------------------------------------------------------------ rasterising


def draw_seal(size: tuple[int, int], seal: Seal, rng: np.random.Generator) -> np.ndarray:
    """Alpha mask (0..1) of a round red stamp: ring, star, organ name on the upper arc."""
    w, h = size
    layer = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(layer)
    cx, cy, r = seal.cx, seal.cy, seal.r
    ring = max(6, r // 20)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=255, width=ring)
    star_r = r * 0.3
    pts = []
    for k in range(10):
        rad = star_r if k % 2 == 0 else star_r * 0.4
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    d.polygon(pts, fill=255)
    text = seal.text[:18]
    n = len(text)
    fsize = int(r * 0.27)
    f = font("hei", fsize)
    span = math.radians(min(250, 22 * n))
    for k, ch in enumerate(text):
        ang = -math.pi / 2 - span / 2 + span * (k + 0.5) / n
        tile = Image.new("L", (fsize * 2, fsize * 2), 0)
        ImageDraw.Draw(tile).text((fsize * 0.5, fsize * 0.5), ch, font=f, fill=255)
        tile = tile.rotate(-math.degrees(ang + math.pi / 2), resample=Image.Resampling.BICUBIC)
        rr = r - ring - fsize * 0.72
        px, py = cx + rr * math.cos(ang), cy + rr * math.sin(ang)
        layer.paste(255, (int(px - fsize), int(py - fsize)), tile)
    alpha = np.asarray(layer, dtype=np.float32) / 255.0
    # uneven stamping: ink thins out in blotches
    blot = cv2.resize(rng.uniform(0.55, 1.0, (12, 12)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    return np.clip(alpha * blot * rng.uniform(0.8, 0.95), 0, 1)


def rasterise(page: PageDraw, rng: np.random.Generator) -> np.ndarray:
    """The clean page as an RGB array; seals multiplied over the ink like a real stamp."""
    img = Image.new("RGB", (PAGE_W, PAGE_H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    for op in page.ops:
        if op[0] == "text":
            _, x, y, s, role, size, color, stroke, spacing = op
            f = font(role, size)
            if spacing:
                for ch in s:
                    d.text((x, y), ch, font=f, fill=color, stroke_width=stroke, stroke_fill=color)
                    x += text_width(ch, f) + spacing
            else:
                d.text((x, y), s, font=f, fill=color, stroke_width=stroke, stroke_fill=color)
        else:
            _, x0, y0, x1, y1, width, color = op
            d.line((x0, y0, x1, y1), fill=color, width=width)
    arr = np.asarray(img, dtype=np.float32)
    for seal in page.seals:
        a = draw_seal((PAGE_W, PAGE_H), seal, rng)[..., None]
        tint = np.array(RED, dtype=np.float32)[None, None, :] / 255.0
        arr = arr * (1 - a + a * tint)
    return np.clip(arr, 0, 255).astype(np.uint8)


def degrade(rgb: np.ndarray, look: str, rng: np.random.Generator, strength: float = 1.0) -> np.ndarray:
    """Scanner and copier artefacts: paper tone, uneven light, skew, blur, noise, JPEG."""
    h, w = rgb.shape[:2]
    img: np.ndarray = rgb.astype(np.float32)
    paper = np.array([rng.uniform(236, 252), rng.uniform(232, 248), rng.uniform(222, 242)], np.float32)
    img = img * (paper / 255.0)
    yy, xx = np.mgrid[0:8, 0:6].astype(np.float32)
    field_small = 1 - strength * rng.uniform(0.03, 0.14) * (
        (xx / 5 * rng.uniform(-1, 1)) ** 2 + (yy / 7 * rng.uniform(-1, 1)) ** 2)
    field_small += rng.normal(0, 0.015 * strength, field_small.shape)
    light = cv2.resize(field_small, (w, h), interpolation=cv2.INTER_CUBIC)
    img *= np.clip(light, 0.7, 1.05)[..., None]
    if look == "fax":
        gray = img.mean(axis=2)
        gray = np.clip((gray - 40) * 1.25, 0, 255)
        gray[rng.random((h, w)) < 0.0012 * strength] = 30  # toner specks
        for _ in range(int(rng.integers(0, 3))):  # dirty-glass streaks
            x = int(rng.integers(0, w))
            gray[:, x:x + int(rng.integers(1, 3))] *= rng.uniform(0.55, 0.8)
        img = np.repeat(gray[..., None], 3, axis=2)
    angle = rng.uniform(-2.0, 2.0) * strength
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    border = tuple(float(v) for v in img[5, 5])
    img = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)
    sigma = rng.uniform(0.5, 1.0) * strength
    if sigma > 0.2:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
    img = img + rng.normal(0, rng.uniform(2, 4.5) * strength, img.shape[:2])[..., None]
    out = np.clip(img, 0, 255).astype(np.uint8)
    quality = int(rng.integers(55, 80))
    ok, buf = cv2.imencode(".jpg", out[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, quality])
    decoded = cv2.imdecode(buf, cv2.IMREAD_COLOR) if ok else None
    if decoded is None:
        raise RuntimeError("JPEG round trip failed")
    return np.ascontiguousarray(decoded[..., ::-1])


@dataclass
class RenderedPage:
    number: int
    image: np.ndarray  # RGB, 200 dpi A4
    lines: list[str]  # ground truth in reading order
    seals: list[tuple[int, int, int]]  # (cx, cy, r) before degradation
    has_red: bool


def render_document(text: str, look: str, seed: int = 0, max_pages: int | None = None,
                    strength: float = 1.0) -> list[RenderedPage]:
    """Typeset ``text`` in ``look`` and return degraded pages with their ground truth."""
    if look not in LOOKS:
        raise ValueError(f"unknown look {look!r}; known: {', '.join(LOOKS)}")
    pages = compose(parse(text, look), look)
    if max_pages is not None:
        pages = pages[:max_pages]
    out = []
    for p in pages:
        rng = np.random.default_rng(seed * 1000 + p.number)
        clean = rasterise(p, rng)
        img = degrade(clean, look, rng, strength) if strength > 0 else clean
        out.append(RenderedPage(p.number, img, p.gt, [(s.cx, s.cy, s.r) for s in p.seals],
                                p.has_red and look != "fax"))
    return out


# ------------------------------------------------------------------ writing


def _pil(page: RenderedPage) -> Image.Image:
    im = Image.fromarray(page.image)
    return im if page.has_red else im.convert("L")


def save(pages: list[RenderedPage], out: Path, stem: str, fmt: str = "auto", look: str = "",
         quality: int = 35) -> Path:
    """Write the pages (PNG for one page, image-only PDF of JPEGs for several) and ``.gt.json``."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "auto":
        fmt = "png" if len(pages) == 1 else "pdf"
    target = out / f"{stem}.{fmt}"
    images = [_pil(p) for p in pages]
    if fmt == "pdf":
        images[0].save(target, "PDF", save_all=True, append_images=images[1:], resolution=DPI,
                       quality=quality)
    elif fmt in ("tif", "tiff"):
        images[0].save(target, "TIFF", save_all=True, append_images=images[1:], dpi=(DPI, DPI),
                       compression="jpeg", quality=quality)
    elif fmt in ("jpg", "jpeg"):
        images[0].save(target, "JPEG", dpi=(DPI, DPI), quality=quality)
    else:
        buf = io.BytesIO()
        images[0].save(buf, "PNG", dpi=(DPI, DPI), optimize=True)
        target.write_bytes(buf.getvalue())
    gt = {"source": stem, "look": look, "dpi": DPI, "format": fmt,
          "pages": [{"number": p.number, "lines": p.lines,
                     "seals": [list(s) for s in p.seals]} for p in pages]}
    (out / f"{stem}.gt.json").write_text(json.dumps(gt, ensure_ascii=False, indent=1), encoding="utf-8")
    return target


SAMPLES = {
    "000_467d550c347d98ed": "telegram",
    "001_46028a2856f96989": "telegram",
    "003_dc3fc68f31723263": "redhead",
}


def seed_dirs(root: Path) -> list[Path]:
    return [root / "data" / "raw" / "txt", Path("/work/shared/dev/seeds")]


def render_samples(root: Path) -> list[Path]:
    written = []
    for n, (stem, look) in enumerate(SAMPLES.items()):
        src = next((d / f"{stem}.txt" for d in seed_dirs(root) if (d / f"{stem}.txt").exists()), None)
        if src is None:
            raise FileNotFoundError(f"seed text {stem}.txt not found in {seed_dirs(root)}")
        pages = render_document(src.read_text(encoding="utf-8"), look, seed=n)
        written.append(save(pages, root / "data" / "raw" / "scans", stem, "auto", look))
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="*", type=Path, help=".txt notices to render")
    ap.add_argument("--look", choices=LOOKS, default="redhead")
    ap.add_argument("--out", type=Path, default=Path("data/raw/scans"))
    ap.add_argument("--format", default="auto", choices=("auto", "png", "jpg", "pdf", "tiff"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-pages", type=int, default=None)
    ap.add_argument("--strength", type=float, default=1.0, help="degradation strength (0 = clean)")
    ap.add_argument("--samples", action="store_true", help="render the sample archive scans")
    args = ap.parse_args(argv)
    if args.samples:
        for p in render_samples(Path(__file__).resolve().parents[1]):
            print(p, f"{p.stat().st_size / 1024:.0f} KB")
        return 0
    if not args.inputs:
        ap.error("give .txt inputs or --samples")
    for src in args.inputs:
        pages = render_document(src.read_text(encoding="utf-8"), args.look, args.seed, args.max_pages,
                                args.strength)
        p = save(pages, args.out, src.stem, args.format, args.look)
        print(p, f"{len(pages)} page(s)", f"{p.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
