"""Benchmark OCR engine configurations on rendered 200-dpi A4 scans: s/page, CER, peak RSS.

Why this shape: the machine is shared (other jobs come and go), so timings
taken one configuration after another would compare different loads.  Each
configuration runs in its own worker process (so its peak RSS is its own)
and the workers are driven page by page in turn -- only one works at any
moment, and every configuration sees the same load on the same page.

Pages come from scripts/render_scans.py: the seed notices typeset in all
three looks (telegram, red-header with seal, fax), degraded, with exact
ground truth.  CER is character-level edit distance over the page text
(see pipeline.ocr.metrics), summed over pages.

    python bench/ocr_engines.py --pages 20
    python bench/ocr_engines.py --pages 80 --markdown NOTES-table.md
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing as mp
import resource
import statistics
import sys
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ocr.base import OcrOptions, get_engine  # noqa: E402
from pipeline.ocr.metrics import levenshtein, normalise  # noqa: E402


@dataclass(frozen=True)
class Config:
    name: str
    options: OcrOptions
    #: True: the pipeline (preprocess → engine → layout); False: the engine alone on the raw page
    pipeline: bool
    note: str = ""


OLD = OcrOptions(det_limit_side_len=1280, det_box_thresh=0.5, det_unclip_ratio=1.6, squeeze_to=0)
CONFIGS: tuple[Config, ...] = (
    Config("stock", OcrOptions(engine="rapidocr-stock"), False, "`RapidOCR()` out of the box on the raw page"),
    Config("stock+pre", OcrOptions(engine="rapidocr-stock", squeeze_to=0), True,
           "stock engine inside our preprocess + layout"),
    Config("tuned-raw", OcrOptions(), False, "default engine on the raw page: no preprocess, no squeeze, no layout"),
    Config("default", OcrOptions(), True,
           "**the pipeline default**: det max 960, box 0.3, unclip 2.0, squeeze to 30 px, no cls, arena, batch 1"),
    Config("first-cut", OLD, True, "det max 1280, box 0.5, unclip 1.6 (stock values), no squeeze"),
    Config("no-squeeze", OcrOptions(squeeze_to=0), True, "default without the horizontal squeeze"),
    Config("squeeze34", OcrOptions(squeeze_to=34), True, "default, condense characters to 34 px"),
    Config("det1280", OcrOptions(det_limit_side_len=1280), True, "default, detector input max 1280 px"),
    Config("det736", OcrOptions(det_limit_side_len=736), True, "default, detector input max 736 px"),
    Config("box0.5", OcrOptions(det_box_thresh=0.5), True, "default, box threshold 0.5"),
    Config("unclip2.3", OcrOptions(det_unclip_ratio=2.3), True, "default, unclip ratio 2.3"),
    Config("cls", OcrOptions(use_angle_cls=True), True, "default + per-line 0/180 classifier"),
    Config("batch6", OcrOptions(rec_batch_num=6), True, "default, recogniser batch 6 (RapidOCR's)"),
    Config("1thread", OcrOptions(threads=1), True, "default, 1 onnxruntime thread"),
    Config("no-arena", OcrOptions(extra=(("EngineConfig.onnxruntime.enable_cpu_mem_arena", False),)), True,
           "default without the onnxruntime CPU memory arena"),
)
LOOKS = ("telegram", "redhead", "fax")


def _renderer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_scans", ROOT / "scripts" / "render_scans.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["render_scans"] = mod
    spec.loader.exec_module(mod)
    return mod


def seed_texts(seed_dir: Path | None) -> list[Path]:
    dirs = [seed_dir] if seed_dir else [ROOT / "data" / "raw" / "txt", Path("/work/shared/dev/seeds")]
    for d in dirs:
        files = sorted(d.glob("*.txt")) if d and d.is_dir() else []
        if files:
            return files
    raise SystemExit(f"no seed .txt files in {dirs}")


def render_pages(n: int, cache: Path, seed_dir: Path | None) -> list[tuple[Path, list[str]]]:
    """``n`` pages round-robin over (seed text, look), cached as PNG + ground truth."""
    cache.mkdir(parents=True, exist_ok=True)
    index = cache / f"index-{n}.json"
    if index.exists():
        items = json.loads(index.read_text(encoding="utf-8"))
        if all((cache / it["png"]).exists() for it in items):
            return [(cache / it["png"], it["lines"]) for it in items]
    rs = _renderer()
    docs = []
    for k, src in enumerate(seed_texts(seed_dir)):
        for j, look in enumerate(LOOKS):
            pages = rs.render_document(src.read_text(encoding="utf-8"), look, seed=100 + 10 * k + j)
            docs.append((f"{src.stem}-{look}", pages))
    items, depth = [], 0
    while len(items) < n and any(depth < len(p) for _, p in docs):
        for stem, pages in docs:
            if depth < len(pages) and len(items) < n:
                page = pages[depth]
                png = f"{stem}-p{page.number}.png"
                Image.fromarray(page.image).save(cache / png, compress_level=1)
                items.append({"png": png, "lines": page.lines})
        depth += 1
    index.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return [(cache / it["png"], it["lines"]) for it in items]


def _rss_mb() -> float:
    """Peak RSS of this process: VmHWM (ru_maxrss would carry the parent's peak over the exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def worker(conn: Connection, config: Config) -> None:
    """Build the engine, then OCR each page path sent until ``None``; reply (seconds, lines)."""
    from pipeline.ocr.stage import ocr_image

    t0 = time.perf_counter()
    engine = get_engine(config.options)
    conn.send(("ready", time.perf_counter() - t0))
    while True:
        msg = conn.recv()
        if msg is None:
            break
        rgb = np.asarray(Image.open(msg).convert("RGB"))
        t, c = time.perf_counter(), time.process_time()
        if config.pipeline:
            lines = [ln.text for ln in ocr_image(rgb, (200.0, 200.0), engine, config.options).lines]
        else:
            lines = [b.text for b in engine.recognize(rgb)]
        conn.send((time.perf_counter() - t, time.process_time() - c, lines))
    conn.send(("done", _rss_mb()))


@dataclass
class Result:
    config: Config
    init_s: float = 0.0
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    edits: int = 0
    chars: int = 0
    page_cer: list[float] = field(default_factory=list)
    rss_mb: float = 0.0


def run(pages: list[tuple[Path, list[str]]], configs: list[Config], warmup: int = 1) -> list[Result]:
    ctx = mp.get_context("spawn")
    procs: list[tuple[Any, Connection, Result]] = []
    for cfg in configs:
        parent, child = ctx.Pipe()
        p = ctx.Process(target=worker, args=(child, cfg), daemon=True)
        p.start()
        procs.append((p, parent, Result(cfg)))
    for _, conn, res in procs:
        _, res.init_s = conn.recv()
    for k, (path, gt) in enumerate(pages[:warmup] + pages):
        ref = normalise("".join(gt))
        for _, conn, res in procs:
            conn.send(str(path))
            seconds, cpu, lines = conn.recv()
            if k < warmup:
                continue  # first page warms up onnxruntime (memory arena, graph)
            res.cpu.append(cpu)
            hyp = normalise("".join(lines))
            d = levenshtein(hyp, ref)
            res.seconds.append(seconds)
            res.edits += d
            res.chars += len(ref)
            res.page_cer.append(d / max(1, len(ref)))
        print(f"  page {k + 1 - warmup}/{len(pages)} {path.name}: "
              + "  ".join(f"{r.config.name}={r.seconds[-1]:.2f}s" for _, _, r in procs if r.seconds),
              file=sys.stderr, flush=True)
    for p, conn, res in procs:
        conn.send(None)
        _, res.rss_mb = conn.recv()
        p.join(timeout=30)
    return [r for _, _, r in procs]


def table(results: list[Result], n_pages: int) -> str:
    base = next((r for r in results if r.config.name == "stock"), results[0])
    base_t = statistics.mean(base.seconds)
    out = [f"{n_pages} rendered A4 pages at 200 dpi (telegram / red-header with seal / fax looks), "
           f"2 CPU cores; time = OCR of one page incl. preprocessing and layout where the config has them.",
           "",
           "| config | s/page mean | s/page median | speed-up vs stock | CPU s/page | CER | pages with CER > 2% | "
           "peak RSS MB | engine init s | what |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        mean = statistics.mean(r.seconds)
        bad = sum(c > 0.02 for c in r.page_cer)
        out.append(f"| {r.config.name} | {mean:.2f} | {statistics.median(r.seconds):.2f} | "
                   f"{base_t / mean:.2f}x | {statistics.mean(r.cpu):.2f} | "
                   f"{100 * r.edits / max(1, r.chars):.2f}% | {bad} | "
                   f"{r.rss_mb:.0f} | {r.init_s:.1f} | {r.config.note} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=20, help="number of rendered pages (default 20)")
    ap.add_argument("--configs", default="", help="comma-separated config names (default: all)")
    ap.add_argument("--seeds", type=Path, default=None, help="folder of seed .txt notices")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/ocr-bench-pages"))
    ap.add_argument("--markdown", type=Path, default=None, help="also write the table to this file")
    args = ap.parse_args(argv)
    chosen = [c for c in CONFIGS if not args.configs or c.name in args.configs.split(",")]
    if not chosen:
        ap.error(f"no such config; known: {', '.join(c.name for c in CONFIGS)}")
    pages = render_pages(args.pages, args.cache, args.seeds)
    print(f"{len(pages)} pages, configs: {', '.join(c.name for c in chosen)}", file=sys.stderr)
    md = table(run(pages, chosen), len(pages))
    print(md)
    if args.markdown:
        args.markdown.write_text(md + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
