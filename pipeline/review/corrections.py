"""The corrections log: ``OUT/_corrections/log.jsonl``, one JSON object per line, append-only.

Why a log and not a table: a reviewer's work must survive every pipeline
run, ``--force`` included, and the pipeline rewrites all tables on each
run.  The log is the only thing in ``OUT`` that a run reads but never writes,
so it can also be copied to a fresh output folder, reviewed in git, or
merged from several reviewers by concatenation.  Order matters (a later
correction of the same field wins), so entries are only ever appended.

Why ``_corrections/`` and not ``corrections/``: ``OUT/corrections/`` is the
directory of the ``corrections`` *table*, and the table writer replaces a
table's whole directory on every run (rename swap) — a log inside it would
be deleted, and an append racing the swap would land in the discarded
copy.  The leading underscore marks it as not-a-table, like ``_state``;
unlike ``_state`` it must never be deleted to "reset" a run.

Appends take an exclusive ``flock`` and end with ``fsync``: two review
servers (or a server and a script) may share a log.  A line cut short by a
crash is skipped when reading and never glued to the next entry.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

LOG_DIR = "_corrections"
LOG_NAME = "log.jsonl"
TABLES = ("documents", "activities", "deadlines", "contacts")


def log_path(out_dir: Path) -> Path:
    return Path(out_dir) / LOG_DIR / LOG_NAME


def now_utc() -> str:
    """ISO-8601 UTC timestamp with microseconds: entries sort and compare by it."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_at(at: str) -> dt.datetime:
    return dt.datetime.fromisoformat(at.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Correction:
    """One reviewer decision; ``old``/``new`` are in log form (see :mod:`pipeline.review.fields`).

    ``row_key`` is the ``seq`` of the child row (as text) the reviewer saw,
    null for ``documents``; ``field`` ``*`` stands for the whole row.
    """

    doc_id: str
    table: str
    field: str
    row_key: str | None
    old: Any
    new: Any
    who: str
    at: str

    @property
    def identity(self) -> tuple[str, str, str, str, str, str]:
        """What tells two entries apart (the ``corrections`` table has no id column)."""
        return (self.doc_id, self.table, self.field, self.row_key or "", self.who, self.at)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Correction:
        if not isinstance(raw, dict):
            raise ValueError("not an object")
        missing = [k for k in ("doc_id", "table", "field", "who", "at") if not isinstance(raw.get(k), str)]
        if missing:
            raise ValueError(f"missing {', '.join(missing)}")
        if raw["table"] not in TABLES:
            raise ValueError(f"unknown table {raw['table']!r}")
        key = raw.get("row_key")
        parse_at(raw["at"])
        return cls(raw["doc_id"], raw["table"], raw["field"], None if key is None else str(key),
                   raw.get("old"), raw.get("new"), raw["who"], raw["at"])


@dataclass(frozen=True)
class LogRead:
    entries: list[Correction]
    bad_lines: list[int]  # 1-based numbers of lines that could not be read


def read_log(out_dir: Path) -> LogRead:
    """Every readable entry in file order; unreadable lines are reported, never fatal."""
    path = log_path(out_dir)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LogRead([], [])
    entries: list[Correction] = []
    bad: list[int] = []
    for n, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            entries.append(Correction.from_json(json.loads(line)))
        except (ValueError, UnicodeDecodeError):
            bad.append(n)
    return LogRead(entries, bad)


def append(out_dir: Path, entry: Correction) -> None:
    """Append one entry durably (locked, newline-terminated, fsync'd)."""
    path = log_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(asdict(entry), ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            line = b"\n" + line  # a torn last line stays a (skipped) line of its own
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)


def stamp(out_dir: Path) -> tuple[int, int] | None:
    """(mtime_ns, size) of the log, None when there is none: what a run compares to skip work."""
    try:
        st = log_path(out_dir).stat()
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size)
