"""notebooks/themes_by_year.ipynb runs against a fresh `notices run` of the sample archive.

The notebook is executed headless with nbclient in a kernel started from this
interpreter (a throw-away kernelspec, so a system-wide ``python3`` kernel from
another environment can never be picked up), with ``NOTICES_DATA`` pointing at
the run's output.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "themes_by_year.ipynb"


def _kernel_manager(tmp: Path) -> KernelManager:
    spec_dir = tmp / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (tests)", "language": "python"}
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(tmp / "kernels")])
    return KernelManager(kernel_name="python3", kernel_spec_manager=specs)


def _notices(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("notices")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "pipeline"]
    return subprocess.run(cmd + list(args), cwd=REPO, capture_output=True, text=True, timeout=900)


def test_notebook_is_committed_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_notebook_runs_on_sample_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "parsed"
    done = _notices("run", str(REPO / "data" / "raw"), "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (out / "themes").is_dir()

    monkeypatch.setenv("NOTICES_DATA", str(out))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(nb, km=_kernel_manager(tmp_path), timeout=600,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError on any failing cell

    heatmap = [c for c in nb.cells if "heatmap" in c.metadata.get("tags", [])]
    assert len(heatmap) == 1
    images = [o for o in heatmap[0].outputs if o.get("output_type") == "display_data"
              and "image/png" in o.get("data", {})]
    assert images, heatmap[0].outputs
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    dataset = "".join(o.get("text", "") for o in nb.cells[1].outputs)
    assert str(out.resolve()) in dataset
