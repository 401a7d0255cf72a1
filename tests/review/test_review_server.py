"""The review server without a browser: who may connect, the JSON API, page images."""

from __future__ import annotations

import hashlib
import io
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from review_browser import running_server

from pipeline.cli import main
from pipeline.ocr.preprocess import prepare
from pipeline.review import auth
from pipeline.review import corrections as log
from pipeline.review.render import TEXT_DPI, PageRenderer, SourceError, source_reader
from pipeline.run import run

TOKEN = "s3cret-token-value"


def _pdf(path: Path) -> None:
    """A one-page text-layer PDF (reportlab's CID font: real Chinese glyphs in the text layer)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 16)
    for i, line in enumerate(["关于开展第十二届“5·15政务公开日”活动的通知", "各乡镇人民政府：",
                              "请各单位于5月13日前上报活动方案。", "联系人：杨清会", "喀左县人民政府办公室",
                              "2018年5月8日"]):
        c.drawString(72, 760 - 28 * i, line)
    c.save()


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("review-server")
    src = root / "in"
    src.mkdir()
    _pdf(src / "notice.pdf")
    run(src, root / "out")
    return root / "out"


@pytest.fixture(scope="module")
def server(dataset: Path) -> Iterator[Any]:
    with running_server(dataset, user="tester") as s:
        yield s


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, Any]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def _post(url: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> tuple[int, Any]:
    h = {"Content-Type": "application/json", "X-Review": "1", **(headers or {})}
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers=h, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def _doc_id(server: Any) -> str:
    status, body, _ = _get(server.url + "api/documents")
    assert status == 200
    return str(json.loads(body)["documents"][0]["doc_id"])


# ---------------------------------------------------------------- who may connect


def test_non_loopback_host_requires_a_token(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(auth.StartRefused):
        auth.check_start("0.0.0.0", None)
    with pytest.raises(auth.StartRefused):
        auth.check_start("192.168.1.5", "short")
    auth.check_start("0.0.0.0", TOKEN)
    auth.check_start("127.0.0.1", None)
    auth.check_start("::1", None)
    assert main(["review", "--data", str(dataset), "--host", "0.0.0.0", "--port", "0"]) == 2
    assert "--token" in capsys.readouterr().err


def test_token_is_required_on_every_request(dataset: Path) -> None:
    with running_server(dataset, token=TOKEN) as s:
        assert _get(s.url + "api/documents")[0] == 401
        assert _get(s.url + "api/documents?token=wrong-token-xx")[0] == 401
        status, _, headers = _get(s.url + f"?token={TOKEN}")
        assert status == 200 and f"review_token={TOKEN}" in headers["Set-Cookie"]
        assert _get(s.url + "api/documents", {"Cookie": f"review_token={TOKEN}"})[0] == 200
        assert _get(s.url + "api/documents", {"Authorization": f"Bearer {TOKEN}"})[0] == 200


def test_foreign_host_header_and_cross_site_writes_are_refused(server: Any) -> None:
    doc = _doc_id(server)
    assert _get(server.url + "api/documents", {"Host": "attacker.example:80"})[0] == 421
    req = urllib.request.Request(server.url + f"api/doc/{doc}/corrections", method="POST",
                                 data=b"table=documents&field=title&new=x",
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 403


# ---------------------------------------------------------------- API


def test_list_and_document_api(server: Any) -> None:
    doc = _doc_id(server)
    status, body, headers = _get(server.url)
    assert status == 200 and b"/static/list.js" in body and "script-src 'self'" in headers["Content-Security-Policy"]
    status, body, _ = _get(server.url + f"api/doc/{doc}")
    view = json.loads(body)
    assert status == 200 and view["source_error"] is None and view["stale_code"] is False
    assert view["pages"] == [{"number": 1, "coord": "pt", "width": pytest.approx(595.28, abs=0.1),
                              "height": pytest.approx(841.89, abs=0.1)}]
    assert any(e["field"] == "issuer" and e["x0"] is not None for e in view["evidence"])
    assert _get(server.url + "api/doc/0123456789abcdef0123")[0] == 404
    assert _get(server.url + "static/../server.py")[0] == 404


def test_text_layer_page_renders_at_text_dpi(server: Any) -> None:
    doc = _doc_id(server)
    status, body, headers = _get(server.url + f"api/doc/{doc}/page/1.png")
    assert status == 200 and headers["Content-Type"] == "image/png"
    w, h = Image.open(io.BytesIO(body)).size
    # boxes are placed as fractions of the page in points: pdfium's pixel rounding is all that differs
    assert abs(w - 595.2756 * TEXT_DPI / 72) <= 1 and abs(h - 841.8898 * TEXT_DPI / 72) <= 1
    assert _get(server.url + f"api/doc/{doc}/page/2.png")[0] == 404


def test_corrections_are_validated_and_appended(server: Any, dataset: Path) -> None:
    doc = _doc_id(server)
    url = server.url + f"api/doc/{doc}/corrections"
    view = json.loads(_get(server.url + f"api/doc/{doc}")[1])
    title = view["document"]["title"]
    assert _post(url, {"table": "documents", "field": "issue_date", "new": "2018-02-30"})[0] == 400
    assert _post(url, {"table": "documents", "field": "title", "old": "not shown", "new": "x"})[0] == 409
    status, body = _post(url, {"table": "documents", "field": "title", "old": title, "new": "改正的标题"})
    assert status == 200 and body["document"]["title"] == "改正的标题" and body["pending"] == 1
    assert "title" in body["document"]["verified_fields"]
    entry = log.read_log(dataset).entries[-1]
    assert (entry.field, entry.old, entry.new, entry.who) == ("title", title, "改正的标题", "tester")
    status, body = _post(url, {"op": "add", "table": "contacts", "values": {"name": "张三", "phones": "123\n456"}})
    assert status == 200
    added = [r for r in body["tables"]["contacts"] if r["name"] == "张三"]
    assert added and added[0]["phones"] == ["123", "456"] and added[0]["verified"] is True


def test_missing_source_is_reported_not_fatal(dataset: Path, tmp_path: Path) -> None:
    with running_server(dataset, input_dir=tmp_path) as s:  # an input folder without the file
        doc = _doc_id(s)
        view = json.loads(_get(s.url + f"api/doc/{doc}")[1])
        assert view["pages"] == [] and "not found" in view["source_error"]
        assert _get(s.url + f"api/doc/{doc}/page/1.png")[0] == 404


def test_scanned_image_is_shown_as_the_ocr_normalised_image(tmp_path: Path) -> None:
    """A 300-dpi PNG scan: OCR boxes are pixels of the 200-dpi normalised page, so the review image is that page."""
    rgb = np.full((3508, 2480, 3), 245, np.uint8)  # A4 at 300 dpi
    for y in range(400, 3000, 90):
        rgb[y:y + 45, 300:2100] = 30  # rows of "text"
    path = tmp_path / "scan.png"
    Image.fromarray(rgb).save(path, dpi=(300, 300))
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    renderer = PageRenderer(tmp_path / "out")
    data_of = source_reader(renderer, path, sha)
    (geom,) = renderer.geometry("abc123", "image", data_of, scanned=True)
    assert geom.coord == "px"
    png = renderer.png("abc123", "image", geom, data_of)
    expected = prepare(rgb, (300.0, 300.0), 200.0, seals=False).color
    assert expected is not None
    assert Image.open(png).size == (expected.shape[1], expected.shape[0]) == (1653, 2339)
    with pytest.raises(SourceError, match="changed since the run"):
        source_reader(PageRenderer(tmp_path / "out2"), path, "0" * 64)()
