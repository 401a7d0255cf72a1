"""`notices query` and `notices show` over a real dataset."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.query import find_document, query
from pipeline.run import run

REPO = Path(__file__).resolve().parents[1]

DOC = """甲县人民政府办公室关于开展第十三届“5·15政务公开日”活动的通知

各乡镇人民政府：

一、活动主题

推进政务公开，建设法治政府。

请于5月10日前上报活动方案。

联系人：赵某

联系电话：7654321

甲县人民政府办公室

2019年5月6日
"""


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("in")
    (root / "a.txt").write_text(DOC, encoding="utf-8")
    (root / "b.txt").write_text(DOC.replace("2019", "2021").replace("十三", "十五"), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    run(root, out)
    return out


def test_query_sees_every_table_as_a_view(dataset: Path) -> None:
    df = query("select year, count(*) n from documents group by year order by year", dataset)
    assert df.to_dict("records") == [{"year": 2019, "n": 1}, {"year": 2021, "n": 1}]
    joined = query("select d.year, x.date from deadlines x join documents d using (doc_id) order by 1",
                   dataset)
    assert [str(v)[:10] for v in joined["date"]] == ["2019-05-10", "2021-05-10"]


def test_query_cli_prints_and_writes_csv(dataset: Path, tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "pipeline", "query", "select source_path, edition from documents order by 1",
           "--data", str(dataset)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=REPO)
    assert "a.txt" in proc.stdout and "15" in proc.stdout
    target = tmp_path / "r.csv"
    subprocess.run(cmd + ["--to", str(target)], check=True, cwd=REPO, capture_output=True)
    assert list(pd.read_csv(target)["edition"]) == [13, 15]


def test_query_cli_reports_bad_sql(dataset: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "pipeline", "query", "select nope from documents",
                           "--data", str(dataset)], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 2 and "nope" in proc.stderr


def test_show_prints_fields_with_their_evidence(dataset: Path) -> None:
    row = find_document("a.txt", dataset)
    proc = subprocess.run([sys.executable, "-m", "pipeline", "show", row["doc_id"][:8], "--data", str(dataset)],
                          capture_output=True, text=True, check=True, cwd=REPO)
    assert "甲县人民政府办公室" in proc.stdout
    assert "↳ issue_date: p1" in proc.stdout
    assert "«2019年5月6日»" in proc.stdout


def test_show_unknown_key_is_a_clear_error(dataset: Path) -> None:
    with pytest.raises(LookupError, match="no document matches"):
        find_document("zzz-not-there", dataset)
