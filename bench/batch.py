"""Batch benchmarks (issue 5): ratios measured in one run on this machine.

    .venv/bin/python bench/batch.py [--docs 1000] [--pdf-pages 30] [--out bench/results-batch.md]

Prints a markdown table.  Nothing here is asserted: timings belong in the
report, not in tests.  Corpora are generated into a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.executors import ExecutorOptions
from pipeline.executors.base import Task
from pipeline.executors.local import PoolExecutor
from pipeline.run import run

NOTICE = """{org}关于开展第{n}届“5·15政务公开日”活动的通知

各乡镇人民政府，县政府各部门：

为深入推进政务公开，现将有关事项通知如下：

一、活动主题

深化政务公开第{i}项，优化营商环境。

二、活动时间

{year}年5月{d}日至15日。

三、活动内容

（一）开展政策宣传。各单位要利用政府网站、政务新媒体开展宣传。

（二）组织新闻发布会。围绕群众关切问题召开新闻发布会。

（三）开展现场咨询活动。在政务服务大厅设立咨询台。

四、有关要求

请各单位于5月{d}日前上报活动方案，5月20日前报送活动总结。

联系人：王某某

联系电话：{phone}

{org}

{year}年5月{d2}日
"""


def notice(i: int) -> str:
    return NOTICE.format(org=f"第{i}县人民政府办公室", n=10 + i % 8, i=i, year=2010 + i % 14,
                         d=8 + i % 5, d2=1 + i % 5, phone=2630000 + i)


def html(i: int) -> str:
    body = "".join(f"<p>{line}</p>" for line in notice(i).splitlines() if line.strip())
    return (f"<html><head><meta charset='utf-8'><title>通知</title></head><body>"
            f"<div class='nav'>首页 | 政务公开</div><div class='article-content'>{body}</div>"
            f"<div class='footer'>主办单位：某县人民政府 ICP备12345号</div></body></html>")


def make_text_corpus(root: Path, n: int) -> None:
    root.mkdir(parents=True)
    for i in range(n):
        if i % 2:
            (root / f"d{i:05d}.html").write_text(html(i), encoding="utf-8")
        else:
            (root / f"d{i:05d}.txt").write_text(notice(i), encoding="utf-8")


def make_pdf(path: Path, pages: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    lines = [ln for ln in notice(7).splitlines() if ln.strip()]
    for p in range(pages):
        c.setFont("STSong-Light", 12)
        y = 780
        for k in range(40):
            c.drawString(60, y, lines[(p + k) % len(lines)][:38])
            y -= 18
        c.drawString(280, 40, f"— {p + 1} —")
        c.showPage()
    c.save()


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def warm_in_process(tmp: Path) -> None:
    """Load the models in this process once, as a worker does before its first document."""
    make_text_corpus(tmp / "warm", 4)
    run(tmp / "warm", tmp / "warm-out", executor=ExecutorOptions(kind="serial"))


def bench_pdf(tmp: Path, pages: int) -> tuple[float, float]:
    """Pages/s of a whole serial run on one text-layer PDF vs pdfplumber's extract_text (models warm)."""
    import pdfplumber

    d = tmp / "pdf"
    d.mkdir()
    make_pdf(d / "big.pdf", pages)

    def plumber() -> None:
        with pdfplumber.open(d / "big.pdf") as pdf:
            for page in pdf.pages:
                page.extract_text()

    base = timed(plumber)
    ours = timed(lambda: run(d, tmp / "pdf-out", executor=ExecutorOptions(kind="serial"), force=True))
    return pages / ours, pages / base


def _spin(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i % 7
    return s


def machine_ceiling(n: int = 30_000_000) -> float:
    """Speed-up of two independent CPU-bound processes over one doing both: what two workers
    can gain at most on this machine (virtual CPUs share their physical cores)."""
    import multiprocessing as mp

    one = timed(lambda: (_spin(n), _spin(n)))
    with mp.get_context("spawn").Pool(2) as pool:
        pool.map(_spin, [1000, 1000])  # interpreters started before the clock runs
        two = timed(lambda: pool.map(_spin, [n, n]))
    return one / two


@dataclass
class TextBench:
    docs: int
    serial: float  # whole run in this (warm) process
    one: float  # whole run, 1 worker process (includes its start-up)
    two: float  # whole run, 2 worker processes
    rerun: float  # unchanged re-run
    pool_one: float  # documents through the pool only (no dataset steps), 1 worker
    pool_two: float
    rss: list[float]


def bench_text(tmp: Path, n: int) -> TextBench:
    corpus = tmp / "text"
    make_text_corpus(corpus, n)
    files = sorted(corpus.iterdir())
    tasks = [Task(str(p), str(corpus), p.name, "0" * 64) for p in files]
    serial = timed(lambda: run(corpus, tmp / "serial", executor=ExecutorOptions(kind="serial")))
    one = timed(lambda: run(corpus, tmp / "one", executor=ExecutorOptions(kind="local", workers=1)))
    two = timed(lambda: run(corpus, tmp / "two", executor=ExecutorOptions(kind="local", workers=2)))
    rerun = timed(lambda: run(corpus, tmp / "two", executor=ExecutorOptions(kind="local", workers=2)))
    pool_one = timed(lambda: list(PoolExecutor(workers=1, max_docs_per_worker=10**6).map(tasks)))
    pool = PoolExecutor(workers=2, timeout=None, max_docs_per_worker=10**6)
    t = time.perf_counter()
    rss = [o.rss_mb for o in pool.map(tasks)]
    pool_two = time.perf_counter() - t
    return TextBench(n, serial, one, two, rerun, pool_one, pool_two, rss)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--pdf-pages", type=int, default=30)
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        warm_in_process(tmp)
        pdf_ours, pdf_base = bench_pdf(tmp, a.pdf_pages)
        b = bench_text(tmp, a.docs)
        ceiling = machine_ceiling()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    n, rss = b.docs, b.rss
    k = max(1, len(rss) // 10)
    rows = [
        ("text-layer PDF pages/s: pipeline (serial, models loaded) vs pdfplumber extract_text",
         f"{pdf_ours:.1f} vs {pdf_base:.1f}", f"{pdf_ours / pdf_base:.2f}×", "≥ 0.8×"),
        (f"TXT/HTML documents/s, whole run of {n} docs, 1 worker (start-up + dataset steps included)",
         f"{n / b.one:.0f}/s", f"{n / b.one:.0f}/s per core", "≥ 200/s per core"),
        ("TXT/HTML documents/s, whole run in one warm process (serial)", f"{n / b.serial:.0f}/s",
         f"{n / b.serial:.0f}/s per core", "≥ 200/s per core"),
        ("TXT/HTML documents/s through the worker pool only, 1 worker", f"{n / b.pool_one:.0f}/s",
         f"{n / b.pool_one:.0f}/s per core", "≥ 200/s per core"),
        ("2 workers vs 1, whole run (2 cores)", f"{n / b.two:.0f}/s vs {n / b.one:.0f}/s",
         f"{b.one / b.two:.2f}×", "≥ 1.7×"),
        ("2 workers vs 1, worker pool only", f"{n / b.pool_two:.0f}/s vs {n / b.pool_one:.0f}/s",
         f"{b.pool_one / b.pool_two:.2f}×", "≥ 1.7×"),
        ("machine ceiling: 2 independent CPU-bound processes vs 1 doing both", "pure-Python loop",
         f"{ceiling:.2f}×", "(reference)"),
        ("unchanged re-run vs full run", f"{b.rerun:.3f}s vs {b.two:.2f}s", f"{100 * b.rerun / b.two:.1f}%", "≤ 2%"),
        (f"worker RSS over {len(rss)} docs (first 10% → last 10%, peak)",
         f"{statistics.mean(rss[:k]):.0f} → {statistics.mean(rss[-k:]):.0f} MB", f"peak {max(rss):.0f} MB",
         "flat, ≤ 1500 MB"),
    ]
    lines = [f"machine: {os.cpu_count()} cores", "", "| measure | values | ratio | target |",
             "|---|---|---|---|"] + [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    text = "\n".join(lines)
    print(text)
    if a.out:
        a.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
