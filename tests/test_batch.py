"""Batch runs: hostile inputs fail alone, re-runs are incremental, crashes and executors don't change output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pandas as pd
import pytest

from pipeline.executors import ExecutorOptions
from pipeline.executors.local import PoolExecutor
from pipeline.run import run
from pipeline.store.base import TABLES

REPO = Path(__file__).resolve().parents[1]

BODY = """{org}关于开展第{n}届“5·15政务公开日”活动的通知

各乡镇人民政府，县政府各部门：

一、活动主题

{theme}。

二、有关要求

请各单位于5月{d}日前上报活动方案。

联系人：张某

联系电话：{phone}

{org}

{year}年5月{d2}日
"""


def _notice(i: int) -> str:
    return BODY.format(org=f"第{i}县人民政府办公室", n=10 + i % 8, theme=f"深化政务公开第{i}项",
                       d=10 + i % 5, phone=f"{2630000 + i}", year=2010 + i % 12, d2=1 + i % 5)


def _png(width: int, height: int) -> bytes:
    """A valid PNG header claiming the given size (a decompression bomb when huge)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (len(data).to_bytes(4, "big") + kind + data
                + zlib.crc32(kind + data).to_bytes(4, "big"))
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) \
        + chunk(b"IEND", b"")


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    for t in TABLES:
        df = pd.read_parquet(out / t)
        df = df.drop(columns=[c for c in ("year_part",) if c in df.columns])
        keys = [c for c in ("doc_id", "source_path", "field", "seq", "stage") if c in df.columns]
        frames[t] = df.sort_values(keys).reset_index(drop=True).astype(str)
    return frames


def assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = _tables(a), _tables(b)
    for t in TABLES:
        pd.testing.assert_frame_equal(ta[t], tb[t], check_dtype=False, obj=t)


def _corpus(root: Path, n: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"n{i:03d}.txt").write_text(_notice(i), encoding="utf-8")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    root = tmp_path / "hostile"
    _corpus(root, 2)
    (root / "zero.txt").write_bytes(b"")
    (root / "gbk.txt").write_bytes(_notice(7).encode("gb18030"))
    c = canvas.Canvas(str(root / "good.pdf"), pagesize=A4)
    c.drawString(72, 700, "Notice 2020")
    c.save()
    data = (root / "good.pdf").read_bytes()
    (root / "truncated.pdf").write_bytes(data[: len(data) // 2])
    c = canvas.Canvas(str(root / "encrypted.pdf"), pagesize=A4, encrypt="secret")
    c.drawString(72, 700, "secret")
    c.save()
    (root / "really-a-png.pdf").write_bytes(_png(10, 10))
    (root / "bomb.png").write_bytes(_png(60000, 60000))
    (root / "remote.html").write_text(
        "<html><head><script src='http://192.0.2.1/x.js'></script></head><body>"
        "<img src='http://192.0.2.1/a.png'><div class='content'><p>关于开展政府开放日活动的公告</p>"
        "<p>欢迎市民报名参加。</p></div></body></html>", encoding="utf-8")
    (root / "dangling.txt").symlink_to(root / "does-not-exist.txt")
    (root / "loop-a.txt").symlink_to(root / "loop-b.txt")
    (root / "loop-b.txt").symlink_to(root / "loop-a.txt")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    locked = root / "locked.txt"
    locked.write_text(_notice(9), encoding="utf-8")
    locked.chmod(0)
    return root


def test_hostile_corpus_finishes_with_a_failure_row_per_bad_file(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run(hostile, out, executor=ExecutorOptions(kind="local", workers=2, timeout=120))
    docs = pd.read_parquet(out / "documents").set_index("source_path")
    fails = pd.read_parquet(out / "failures")
    failed_paths = set(fails["source_path"])
    for good in ("n000.txt", "n001.txt", "gbk.txt", "good.pdf", "remote.html"):
        assert docs.loc[good, "status"] in ("success", "partial"), good
        assert good not in failed_paths or docs.loc[good, "status"] == "partial"
    bad = {"zero.txt", "truncated.pdf", "encrypted.pdf", "really-a-png.pdf", "bomb.png",
           "dangling.txt", "loop-a.txt", "loop-b.txt"}
    assert bad <= failed_paths
    for p in bad:
        assert docs.loc[p, "status"] == "failure", p
    assert "encrypt" in " ".join(fails[fails["source_path"] == "encrypted.pdf"]["message"]).lower()
    if os.geteuid() != 0:  # root reads anything: the permission case only bites for normal users
        assert "locked.txt" in failed_paths
    assert not any("sub/up" in p for p in docs.index)  # the symlinked directory loop is not followed
    assert summary.documents == len(docs)


def test_rerun_is_incremental_and_equals_a_fresh_run(tmp_path: Path) -> None:
    root, out, fresh = tmp_path / "a", tmp_path / "out", tmp_path / "fresh"
    _corpus(root, 6)
    first = run(root, out)
    assert first.converted == 6
    again = run(root, out)
    assert again.converted == 0 and again.reused == 6 and again.documents == 6
    (root / "n001.txt").write_text(_notice(101), encoding="utf-8")  # changed
    (root / "n002.txt").unlink()  # deleted
    (root / "new.txt").write_text(_notice(55), encoding="utf-8")  # added
    third = run(root, out)
    assert third.converted == 2 and third.documents == 6
    docs = pd.read_parquet(out / "documents")
    assert "n002.txt" not in set(docs["source_path"])
    run(root, fresh)
    assert_same_tables(out, fresh)
    forced = run(root, out, force=True)
    assert forced.converted == 6


def test_damaged_cache_entry_is_converted_again(tmp_path: Path) -> None:
    root, out, fresh = tmp_path / "a", tmp_path / "out", tmp_path / "fresh"
    _corpus(root, 3)
    run(root, out)
    frags = sorted((out / "_state" / "fragments").rglob("*.pickle"))
    assert len(frags) == 3  # written by the workers, one per document
    frags[0].write_bytes(frags[0].read_bytes()[:20])  # a torn write from some other tool
    (root / "new.txt").write_text(_notice(9), encoding="utf-8")  # something changed: tables rebuilt
    again = run(root, out)
    assert again.documents == 4 and again.reused == 2
    run(root, fresh)
    assert_same_tables(out, fresh)


def test_pool_with_recycling_and_dask_give_the_serial_output(tmp_path: Path) -> None:
    root = tmp_path / "a"
    _corpus(root, 5)
    run(root, tmp_path / "serial", executor=ExecutorOptions(kind="serial"))
    run(root, tmp_path / "pool", executor=ExecutorOptions(kind="local", workers=2, max_docs_per_worker=1))
    assert_same_tables(tmp_path / "serial", tmp_path / "pool")
    run(root, tmp_path / "dask", executor=ExecutorOptions(kind="dask", workers=2))
    assert_same_tables(tmp_path / "serial", tmp_path / "dask")


def test_pool_recycles_workers_after_their_quota(tmp_path: Path) -> None:
    from pipeline.executors.base import Task

    root = tmp_path / "a"
    _corpus(root, 4)
    pool = PoolExecutor(workers=1, timeout=None, max_docs_per_worker=2)
    tasks = [Task(str(p), str(root), p.name, "0" * 64) for p in sorted(root.iterdir())]
    outs = list(pool.map(tasks))
    assert len(outs) == 4 and all(o.status == "success" for o in outs)
    assert pool.recycled == 2


def test_a_document_over_the_timeout_fails_alone(tmp_path: Path) -> None:
    root = tmp_path / "a"
    _corpus(root, 2)
    big = "\n".join(_notice(i) for i in range(400))  # a long document: seconds of work
    (root / "huge.txt").write_text(big, encoding="utf-8")
    out = tmp_path / "out"
    run(root, out, executor=ExecutorOptions(kind="local", workers=2, timeout=0.3))
    fails = pd.read_parquet(out / "failures")
    assert list(fails[fails["error_type"] == "Timeout"]["source_path"]) == ["huge.txt"]
    docs = pd.read_parquet(out / "documents").set_index("source_path")
    assert docs.loc["n000.txt", "status"] == "success"
    # a timeout is not cached: the next run tries the document again
    again = run(root, out, executor=ExecutorOptions(kind="local", workers=2, timeout=120))
    assert again.converted == 1
    docs = pd.read_parquet(out / "documents").set_index("source_path")
    assert docs.loc["huge.txt", "status"] == "success"


def test_sigkill_mid_run_then_rerun_equals_uninterrupted_run(tmp_path: Path) -> None:
    root = tmp_path / "a"
    _corpus(root, 40)
    out, ref = tmp_path / "out", tmp_path / "ref"
    cmd = [sys.executable, "-m", "pipeline", "run", str(root), "--out", str(out), "--executor", "serial",
           "--quiet"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    frag_dir = out / "_state" / "fragments"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if frag_dir.exists() and sum(1 for _ in frag_dir.rglob("*.pickle")) >= 5:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not (out / "documents").exists()  # killed before the tables were written
    subprocess.run(cmd, cwd=REPO, check=True)
    subprocess.run(cmd[:5] + ["--out", str(ref), "--executor", "serial", "--quiet"], cwd=REPO, check=True)
    assert_same_tables(out, ref)
