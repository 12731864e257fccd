"""The notebooks: runnable from the repository root as well as from notebooks/ (nbval runs them there),
each with a plain-text twin that says the same, committed without outputs but the checked key figures."""

from __future__ import annotations

import json

import jupytext
import nbformat
import pytest

from .conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
CHECKED = "nbval-check-output"


def test_there_are_notebooks():
    assert {p.stem for p in NOTEBOOKS} >= {
        "01_inventory",
        "02_risk",
        "03_compliance",
        "04_review",
        "05_incident",
        "explore",
    }


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_has_a_text_twin_that_says_the_same(path):
    twin = path.with_suffix(".py")
    assert twin.is_file(), f"{twin.name} is missing: run scripts/refresh_notebooks.py"
    code = [c.source for c in nbformat.read(path, as_version=4).cells]
    text = [c.source for c in jupytext.read(twin).cells]
    assert code == text, f"{path.name} and {twin.name} differ: run scripts/refresh_notebooks.py"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebooks_keep_only_the_checked_figures(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        if CHECKED in cell["metadata"].get("tags", []):
            assert cell["outputs"] and all(o["output_type"] == "stream" for o in cell["outputs"])
        else:
            assert cell["outputs"] == [], f"{path.name}: an output that nbval does not check was committed"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_runs_from_the_repository_root(path, tmp_path):
    import papermill as pm

    out = tmp_path / path.name
    pm.execute_notebook(str(path), str(out), cwd=str(REPO), kernel_name="python3", progress_bar=False)
    nb = nbformat.read(out, as_version=4)
    printed = "".join(
        o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "stream"
    )
    stored = "".join(o.get("text", "") for c in nbformat.read(path, as_version=4).cells
                     if CHECKED in c.metadata.get("tags", []) for o in c.outputs)  # fmt: skip
    assert stored and stored in printed  # the same key figures as from notebooks/
