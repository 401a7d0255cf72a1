"""``notices`` command line: a thin layer over :mod:`pipeline.run`.

Everything the commands do is a plain function that notebooks and tests
call directly; this module only parses arguments and prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline import __version__
from pipeline.convert import ConvertOptions
from pipeline.executors import EXECUTOR_KINDS, ExecutorOptions
from pipeline.ocr.base import ENGINES, OcrOptions
from pipeline.progress import Progress

DEFAULT_INPUT = Path("data/raw")
DEFAULT_OUTPUT = Path("data/parsed")
OCR_ENGINES = tuple(sorted(ENGINES))


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="notices", description=__doc__.splitlines()[0])
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="process an archive folder into parquet tables")
    run.add_argument("input_dir", nargs="?", type=Path, default=DEFAULT_INPUT,
                     help=f"folder to process recursively (default: {DEFAULT_INPUT})")
    run.add_argument("--out", type=Path, default=DEFAULT_OUTPUT,
                     help=f"output folder for the tables (default: {DEFAULT_OUTPUT})")
    run.add_argument("--workers", type=int, default=None,
                     help="worker processes (default: the machine's cores)")
    run.add_argument("--executor", choices=EXECUTOR_KINDS, default="local",
                     help="local worker pool (default), serial in-process, or a dask cluster")
    run.add_argument("--scheduler", default=None,
                     help="dask scheduler address tcp://HOST:PORT (default: start a LocalCluster)")
    run.add_argument("--timeout", type=float, default=600.0,
                     help="seconds one document may take before it is skipped (default 600)")
    run.add_argument("--max-docs-per-worker", type=int, default=1000,
                     help="recycle a worker process after this many documents")
    run.add_argument("--max-rss-mb", type=float, default=1500.0,
                     help="recycle a worker process above this resident memory")
    run.add_argument("--ocr", default="rapidocr", metavar="ENGINE",
                     help=f"OCR engine for scanned pages: {', '.join(OCR_ENGINES)} (default: rapidocr)")
    run.add_argument("--force", action="store_true", help="re-process every file, ignoring the manifest")
    run.add_argument("--quiet", action="store_true", help="print only the summary")

    q = sub.add_parser("query", help="run SQL (DuckDB) over the output tables")
    q.add_argument("sql", help="e.g. \"select year, theme from documents order by year\"")
    q.add_argument("--data", type=Path, default=DEFAULT_OUTPUT, help="dataset folder (default: data/parsed)")
    q.add_argument("--to", type=Path, default=None, help="write the result to a .csv or .parquet file")

    show = sub.add_parser("show", help="print one record with each field's evidence")
    show.add_argument("key", help="doc_id (or a prefix), source_path or file name")
    show.add_argument("--data", type=Path, default=DEFAULT_OUTPUT, help="dataset folder (default: data/parsed)")

    rv = sub.add_parser("review", help="local web app: check records against their pages, correct them")
    rv.add_argument("--data", type=Path, default=DEFAULT_OUTPUT, help="dataset folder (default: data/parsed)")
    rv.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    rv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1); "
                    "any other than loopback requires --token")
    rv.add_argument("--token", default=None, help="secret every request must carry (?token= once, then a cookie)")
    rv.add_argument("--user", default=None, help="reviewer name recorded with corrections (default: $USER)")
    rv.add_argument("--input", type=Path, default=None,
                    help="archive folder of the sources (default: the one the last run recorded)")
    return ap


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.run import run

    opts = ExecutorOptions(kind=args.executor, workers=args.workers, timeout=args.timeout,
                           max_docs_per_worker=args.max_docs_per_worker, max_rss_mb=args.max_rss_mb,
                           scheduler=args.scheduler)
    if args.ocr not in OCR_ENGINES:
        print(f"notices: unknown OCR engine {args.ocr!r}; known engines: {', '.join(OCR_ENGINES)}",
              file=sys.stderr)
        return 2
    progress = Progress(quiet=args.quiet)
    try:
        summary = run(args.input_dir, args.out, executor=opts, force=args.force,
                      options=ConvertOptions(ocr=OcrOptions(engine=args.ocr)),
                      progress=progress.update, on_planned=progress.start)
    except NotADirectoryError as exc:
        print(f"notices: {exc}", file=sys.stderr)
        return 2
    progress.finish()
    for line in summary.lines():
        print(line)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb
    import pandas as pd

    from pipeline.query import query, write_result

    try:
        df = query(args.sql, args.data)
    except (FileNotFoundError, duckdb.Error) as exc:
        print(f"notices: {exc}", file=sys.stderr)
        return 2
    if args.to is not None:
        write_result(df, args.to)
        print(f"{len(df)} rows written to {args.to}")
        return 0
    with pd.option_context("display.max_rows", 200, "display.max_columns", 30, "display.width", 200,
                           "display.max_colwidth", 60):
        print(df.to_string(index=False) if not df.empty else "(no rows)")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from pipeline.query import connect, evidence_for, find_document, format_record

    try:
        row = find_document(args.key, args.data)
    except (FileNotFoundError, LookupError) as exc:
        print(f"notices: {exc}", file=sys.stderr)
        return 2
    text = connect(args.data).execute("select text from documents where doc_id = ?",
                                      [row["doc_id"]]).fetchone()
    print(format_record(row, evidence_for(row["doc_id"], args.data), text[0] if text else None))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from pipeline.review.auth import StartRefused
    from pipeline.review.server import ReviewConfig, serve

    try:
        serve(ReviewConfig(args.data, host=args.host, port=args.port, token=args.token,
                           user=args.user or "", input_dir=args.input))
    except (StartRefused, FileNotFoundError, OSError) as exc:
        print(f"notices: {exc}", file=sys.stderr)
        return 2
    return 0


COMMANDS = {"run": cmd_run, "query": cmd_query, "show": cmd_show, "review": cmd_review}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
