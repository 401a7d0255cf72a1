"""Progress output: plain periodic lines off a terminal, failures listed with their reason."""

import io

from pipeline.model import ErrorItem
from pipeline.process import DocOutput
from pipeline.progress import Progress


def _out(path: str, status: str = "success") -> DocOutput:
    errors = [ErrorItem("ingest", "ReaderError", "empty file")] if status == "failure" else []
    return DocOutput(path, "0" * 64, status, 2, 0.01, errors)


def test_non_tty_progress_prints_plain_lines_and_failures() -> None:
    stream = io.StringIO()
    p = Progress(stream=stream, interval=3600)
    p.start(3)
    p.update(_out("a.txt"))
    p.update(_out("b.txt", "failure"))
    p.update(_out("c.txt"))
    p.finish()
    text = stream.getvalue()
    assert "\r" not in text
    assert "failure  b.txt  ingest: ReaderError: empty file" in text
    assert "3/3 docs  6 pages" in text and "failures 1" in text


def test_quiet_progress_prints_nothing() -> None:
    stream = io.StringIO()
    p = Progress(quiet=True, stream=stream)
    p.start(1)
    p.update(_out("b.txt", "failure"))
    p.finish()
    assert stream.getvalue() == ""
