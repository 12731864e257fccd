"""Re-execute the report notebooks on the bundled ledger and store only the outputs nbval compares.

Run after changing a notebook, the bundled ledger or anything a key figure depends on:
    .venv/bin/python scripts/refresh_notebooks.py
Cells tagged `nbval-check-output` keep their output (the key figures); every other output is stripped,
so the notebooks stay small and nbval compares only what is meant to be stable. The plain-text twin of
each notebook (notebooks/*.py, jupytext percent format) is written too, for readable diffs.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import jupytext
import nbformat
import papermill as pm

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CHECKED = "nbval-check-output"


def refresh(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / path.name
        pm.execute_notebook(
            str(path), str(executed), kernel_name="python3", progress_bar=False, cwd=str(path.parent)
        )
        nb = nbformat.read(executed, as_version=4)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        if CHECKED in cell.metadata.get("tags", []):
            cell.outputs = [
                o for o in cell.outputs if o.get("output_type") == "stream" and o.get("name") == "stdout"
            ]
        else:
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("papermill", None)
    nbformat.write(nb, path)
    jupytext.write(nb, path.with_suffix(".py"), fmt="py:percent")
    print(f"refreshed {path.name} and {path.with_suffix('.py').name}")


if __name__ == "__main__":
    for p in sorted(NOTEBOOKS.glob("*.ipynb")) if len(sys.argv) < 2 else [Path(a) for a in sys.argv[1:]]:
        refresh(p)
