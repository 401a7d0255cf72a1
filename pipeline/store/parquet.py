"""Parquet writer: one directory per table, swapped in atomically.

Every table is first written completely into a staging directory inside
the output folder (same filesystem, so ``os.replace`` is a rename), then
each finished table directory replaces the old one.  A reader therefore
sees either the previous table or the new one; a crash leaves at most a
``.staging-*`` directory, which the next run deletes.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.store.base import Row
from pipeline.store.schema import PARTITION_DIR_KEY, PARTITIONS, SCHEMAS, UNKNOWN_PARTITION


class ParquetWriter:
    """Writes each table as ``OUT/<table>/…/part-0.parquet`` (see module docstring)."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)

    def _clean_stale(self) -> None:
        for p in self.out_dir.glob(".staging-*"):
            shutil.rmtree(p, ignore_errors=True)
        for p in self.out_dir.glob(".old-*"):
            shutil.rmtree(p, ignore_errors=True)

    def write_tables(self, tables: dict[str, list[Row]]) -> None:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._clean_stale()
        staging = self.out_dir / f".staging-{uuid.uuid4().hex[:8]}"
        staging.mkdir()
        try:
            for name, rows in tables.items():
                self._write_table(staging / name, name, rows)
            for name in tables:
                self._swap(staging / name, self.out_dir / name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _write_table(self, target: Path, name: str, rows: list[Row]) -> None:
        schema = SCHEMAS[name]
        target.mkdir(parents=True)
        key = PARTITIONS.get(name)
        if key is None:
            _write_file(target / "part-0.parquet", schema, rows)
            return
        groups: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            v = row.get(key)
            groups[UNKNOWN_PARTITION if v is None else str(v)].append(row)
        if not groups:  # keep the table readable (with its columns) when empty
            groups[UNKNOWN_PARTITION] = []
        for part, part_rows in sorted(groups.items()):
            d = target / f"{PARTITION_DIR_KEY}={part}"
            d.mkdir()
            _write_file(d / "part-0.parquet", schema, part_rows)

    def _swap(self, new: Path, final: Path) -> None:
        old = self.out_dir / f".old-{final.name}-{uuid.uuid4().hex[:8]}"
        if final.exists():
            os.replace(final, old)
        os.replace(new, final)
        shutil.rmtree(old, ignore_errors=True)


def _write_file(path: Path, schema: pa.Schema, rows: list[Row]) -> None:
    columns = {f.name: [r.get(f.name) for r in rows] for f in schema}
    table = pa.Table.from_pydict(columns, schema=schema)
    pq.write_table(table, path)
