"""The notebook check is real: nbval passes on the stored key figures and fails when one is altered."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow


def run_nbval(folder) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-q", "-p", "no:cacheprovider", "02_risk.ipynb"],
        cwd=folder, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip


def test_nbval_fails_when_a_key_figure_changes(tmp_path):
    # The copy sits where the original does relative to the ledger-independent defaults: the notebook
    # runs on the bundled ledger, so only the stored figures differ between the two runs.
    good = tmp_path / "good"
    bad = tmp_path / "bad"
    for folder in (good, bad):
        folder.mkdir()
        shutil.copy(REPO / "notebooks" / "02_risk.ipynb", folder)
    nb = json.loads((bad / "02_risk.ipynb").read_text(encoding="utf-8"))
    [cell] = [c for c in nb["cells"] if "nbval-check-output" in c["metadata"].get("tags", [])]
    text = "".join(cell["outputs"][0]["text"])
    assert "'critical': 9" in text
    cell["outputs"][0]["text"] = text.replace("'critical': 9", "'critical': 10", 1)
    (bad / "02_risk.ipynb").write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")

    passed = run_nbval(good)
    assert passed.returncode == 0, passed.stdout[-2000:]
    failed = run_nbval(bad)
    assert failed.returncode == 1, failed.stdout[-2000:]
    assert "Cell outputs differ" in failed.stdout and 'cells.key_figures(ctx, "02_risk")' in failed.stdout
    assert "ritical': 10}" in failed.stdout and "ritical': 9}" in failed.stdout  # nbval's diff of the figure
