"""Screenshots of the review app and the document-view timing of a 10-page scan.

Usage (from the repository root; takes a few minutes: it OCRs the archive)::

    .venv/bin/python tests/review/capture.py [--out docs/screenshots] [--work /tmp/review-capture]

Builds an archive from ``data/raw`` plus a 10-page scanned PDF (pages of
the sample scans), runs the pipeline, serves the review app and drives
headless Chromium: the document list, a scanned document with a field
selected, and the time the 10-page scan's view takes to open — cold (pages
rendered on demand) and cached (PNGs from ``OUT/_review_cache``).  The
browser cache is disabled for the timing, so the numbers are the server's.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from review_browser import chromium, running_server, wait_for  # noqa: E402
from review_fixtures import ROOT, SCANS, pdf_pages  # noqa: E402

from pipeline.executors import ExecutorOptions  # noqa: E402
from pipeline.review import corrections as log  # noqa: E402
from pipeline.review.dataset import Dataset  # noqa: E402
from pipeline.review.edits import build  # noqa: E402
from pipeline.run import run  # noqa: E402

TEN_PAGES = "scans/ten_page_scan.pdf"


def build_archive(work: Path) -> Path:
    src = work / "in"
    if (src / TEN_PAGES).exists():  # a re-run reuses the archive (and so the pipeline's cache)
        return src
    shutil.copytree(ROOT / "data" / "raw", src, dirs_exist_ok=True)
    pdf_pages([(SCANS / "003_dc3fc68f31723263.pdf", list(range(6))),
               (SCANS / "000_467d550c347d98ed.pdf", list(range(4)))], src / TEN_PAGES)
    return src


def _doc_id(out: Path, rel: str) -> str:
    import duckdb

    glob = out / "documents" / "**" / "*.parquet"
    row = duckdb.connect().execute(f"select doc_id from read_parquet('{glob}') where source_path = ?", [rel]).fetchone()
    assert row is not None, rel
    return str(row[0])


def _open_doc(driver: Any, url: str, pages: int) -> dict[str, float]:
    """Seconds to the record, the first page image, and every page image (scrolling through)."""
    t0 = time.perf_counter()
    driver.get(url)
    wait_for(driver, "document.body.dataset.ready", 120)
    t_record = time.perf_counter() - t0
    wait_for(driver, "document.querySelector('.page.loaded')", 120)
    t_first = time.perf_counter() - t0
    for n in range(1, pages + 1):
        driver.execute_script(f"document.querySelector('.page[data-page=\"{n}\"]').scrollIntoView()")
        wait_for(driver, f"document.querySelector('.page[data-page=\"{n}\"]').classList.contains('loaded')", 120)
    t_all = time.perf_counter() - t0
    return {"record": round(t_record, 2), "first_page": round(t_first, 2), "all_pages": round(t_all, 2)}


def _fetch_pages(base: str, doc: str, pages: int) -> float:
    t0 = time.perf_counter()
    for n in range(1, pages + 1):
        with urllib.request.urlopen(f"{base}api/doc/{doc}/page/{n}.png", timeout=120) as r:
            r.read()
    return round(time.perf_counter() - t0, 2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--work", type=Path, default=Path("/tmp/review-capture"))
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    src, data = build_archive(args.work), args.work / "out"
    t0 = time.perf_counter()
    summary = run(src, data, executor=ExecutorOptions(kind="local", workers=2, timeout=900))
    print("\n".join(summary.lines()), f"(pipeline {time.perf_counter() - t0:.0f}s)")

    ten = _doc_id(data, TEN_PAGES)
    shown = _doc_id(data, "scans/003_dc3fc68f31723263.pdf")
    view = Dataset(data).document(shown)
    if view is not None and not log.read_log(data).entries:  # one correction, so the screenshots show one
        log.append(data, build(view, {"op": "confirm", "table": "documents", "field": "doc_number"}, "reviewer"))
    shutil.rmtree(data / "_review_cache", ignore_errors=True)

    timings: dict[str, Any] = {}
    with running_server(data, user="reviewer") as server, chromium(1440, 900) as driver:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.get(server.url)
        wait_for(driver, "document.body.dataset.ready")
        driver.save_screenshot(str(args.out / "review-list.png"))

        # the prefetch thread starts rendering when the record is requested; both runs see the same
        timings["browser_cold"] = _open_doc(driver, server.url + f"doc/{ten}", 10)
        timings["browser_cached"] = _open_doc(driver, server.url + f"doc/{ten}", 10)
        shutil.rmtree(data / "_review_cache" / ten, ignore_errors=True)
        server.renderer._verified.clear()
        timings["http_10_pages_cold_sequential"] = _fetch_pages(server.url, ten, 10)
        timings["http_10_pages_cached"] = _fetch_pages(server.url, ten, 10)

        driver.get(server.url + f"doc/{shown}")
        wait_for(driver, "document.body.dataset.ready && document.querySelector('.page.loaded')", 120)
        driver.find_element("css selector", '.field[data-key="documents::doc_number"] label').click()
        time.sleep(0.5)
        driver.save_screenshot(str(args.out / "review-document.png"))
    print(json.dumps(timings, indent=1))
    (args.work / "timings.json").write_text(json.dumps(timings, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
