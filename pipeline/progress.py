"""Progress reporting for batch runs.

On a terminal: one live line (documents and pages done, rate, ETA,
failures so far) redrawn in place on stderr.  Elsewhere (CI, cron, log
files): a plain line at most every ``interval`` seconds.  Documents that
end ``partial`` or ``failure`` are always listed with their reason unless
``quiet``.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from pipeline.process import DocOutput


class Progress:
    def __init__(self, quiet: bool = False, stream: TextIO | None = None, interval: float = 10.0):
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.interval = interval
        self.total = 0
        self.done = self.pages = self.failed = 0
        self.t0 = time.monotonic()
        self._last = 0.0

    def start(self, total: int) -> None:
        self.total = total
        self.t0 = time.monotonic()

    def _line(self) -> str:
        elapsed = max(time.monotonic() - self.t0, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        bar = "#" * filled + "." * (width - filled)
        return (f"[{bar}] {self.done}/{self.total} docs  {self.pages} pages  {rate:.1f} docs/s  "
                f"ETA {left:.0f}s  failures {self.failed}")

    def update(self, out: DocOutput) -> None:
        self.done += 1
        self.pages += out.pages
        self.failed += out.status == "failure"
        if self.quiet:
            return
        if out.status != "success":
            reason = "; ".join(f"{e.stage}: {e.error_type}: {e.message}" for e in out.errors)
            self._clear()
            print(f"{out.status:8s} {out.rel_path}  {reason}", file=self.stream, flush=True)
        now = time.monotonic()
        if self.tty:
            print("\r" + self._line(), end="", file=self.stream, flush=True)
        elif now - self._last >= self.interval or self.done == self.total:
            self._last = now
            print(self._line(), file=self.stream, flush=True)

    def _clear(self) -> None:
        if self.tty:
            print("\r\033[K", end="", file=self.stream)

    def finish(self) -> None:
        if self.tty and not self.quiet and self.total:
            print(file=self.stream)
