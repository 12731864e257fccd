"""Running report notebooks with papermill and exporting them as offline, self-contained HTML."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor

from .errors import PrivacyInventoryError
from .report_html import CSS

PLOTLY_MIME = "application/vnd.plotly.v1+json"
TEMPLATE_DIR = Path(__file__).resolve().parent / "report_template"
KERNEL = "python3"


@dataclass
class NotebookFailed(PrivacyInventoryError):
    """A report notebook raised: which notebook, which cell, what error; the partial output is kept."""

    notebook: str
    cell: int | None
    ename: str
    evalue: str
    kept: Path | None = None

    def __str__(self) -> str:
        where = f"cell {self.cell}" if self.cell is not None else "before the first cell"
        kept = f"; the partly executed notebook is kept at {self.kept}" if self.kept else ""
        return f"notebook {self.notebook} failed at {where}: {self.ename}: {self.evalue}{kept}"


def script_safe_json(obj: Any) -> str:
    """JSON that can sit inside <script>: no '</script>', '<!--' or line separators can break out."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, rep in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, rep)
    return text


class PlotlyToHTML(Preprocessor):
    """Turn stored plotly JSON into a div and a Plotly.newPlot call (nbconvert cannot render the
    plotly mimetype and would drop the chart). Ids are derived from the cell position: stable output."""

    def preprocess_cell(self, cell, resources, index):
        for j, out in enumerate(cell.get("outputs", [])):
            data = out.get("data", {})
            if PLOTLY_MIME in data:
                fig = data[PLOTLY_MIME]
                div = f"pi-chart-{index}-{j}"
                out["data"] = {
                    "text/html": (
                        f'<div id="{div}" class="pi-chart"></div><script type="text/javascript">'
                        f"(function(){{var f={script_safe_json(fig)};"
                        f'Plotly.newPlot("{div}",f.data,f.layout||{{}},{{responsive:true,displaylogo:false}});}})();</script>'
                    )
                }
        return cell, resources


def export_html(notebook: Path, target: Path, plotly_js: str) -> None:
    """Write an offline HTML page of an executed notebook: code hidden, plotly.js inlined once."""
    from .textio import write_text_atomic

    nb = nbformat.read(notebook, as_version=4)
    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATE_DIR)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.register_preprocessor(PlotlyToHTML(), enabled=True)
    body, _ = exporter.from_notebook_node(nb, resources={"plotly_js": plotly_js, "report_css": CSS})
    write_text_atomic(target, body)


def execute(source: Path, target: Path, parameters: dict[str, Any], cwd: Path) -> None:
    """Run a notebook with papermill; raise NotebookFailed naming the cell and error."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    try:
        pm.execute_notebook(
            str(source), str(target), parameters=parameters, kernel_name=KERNEL, progress_bar=False,
            log_output=False, cwd=str(cwd), extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )  # fmt: skip
    except PapermillExecutionError as exc:
        raise NotebookFailed(source.stem, exc.exec_count, exc.ename, str(exc.evalue)) from None
    except Exception as exc:  # kernel died, notebook unreadable, …
        raise NotebookFailed(source.stem, None, type(exc).__name__, str(exc)) from None
