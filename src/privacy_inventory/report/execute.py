"""Running report notebooks with papermill and exporting them as offline, self-contained HTML."""

from __future__ import annotations

import json
import re
import threading
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor, TagRemovePreprocessor

from ..errors import PrivacyInventoryError
from ..files import write_text_atomic

PLOTLY_MIME = "application/vnd.plotly.v1+json"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
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
        from ..i18n import t

        where = t("execute.cell", cell=self.cell) if self.cell is not None else t("execute.before_first")
        kept = t("execute.kept", path=self.kept) if self.kept else ""
        return t("execute.failed", notebook=self.notebook, where=where, ename=self.ename, evalue=self.evalue,
                 kept=kept)  # fmt: skip


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
                anchor = str((fig.get("layout") or {}).get("meta", {}).get("anchor", ""))
                div = anchor if re.fullmatch(r"[a-z][a-z0-9-]*", anchor) else f"pi-chart-{index}-{j}"
                config = {"responsive": True, "displaylogo": False} | (fig.get("config") or {})
                out["data"] = {
                    "text/html": (
                        f'<div id="{div}" class="pi-chart"></div><script type="text/javascript">'
                        f"(function(){{var f={script_safe_json(fig)};"
                        f'Plotly.newPlot("{div}",f.data,f.layout||{{}},{script_safe_json(config)});}})();</script>'
                    )
                }
        return cell, resources


_local = threading.local()
HIDDEN_TAGS = {"nbval-check-output"}  # key figures: checked by nbval, shown to people as cards instead


def _exporter() -> HTMLExporter:
    """One exporter per thread: building one loads and compiles the templates (~0.1 s)."""
    if getattr(_local, "exporter", None) is None:
        exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATE_DIR)])
        exporter.exclude_input = True
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
        exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=HIDDEN_TAGS, enabled=True))
        exporter.register_preprocessor(PlotlyToHTML(), enabled=True)
        _local.exporter = exporter
    return _local.exporter


def export_html(notebook: Path, target: Path, page: dict[str, Any]) -> None:
    """Write an offline HTML page of an executed notebook: code and key-figure cells hidden, plotly.js
    from the report's assets, a navigation bar. `page`: title, lang, css, nav, nav_label, plotly_src."""
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata["title"] = page["title"]
    exporter = _exporter()
    exporter.language_code = page["lang"]
    body, _ = exporter.from_notebook_node(nb, resources={"pi": page})
    write_text_atomic(target, body)


KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]  # silence the TCP-without-encryption notice


def run_code(km: Any, code: str) -> None:
    kc = km.blocking_client()
    kc.start_channels()
    try:
        kc.execute_interactive(code, timeout=120, output_hook=lambda msg: None)
    finally:
        kc.stop_channels()


def reset_namespace(km: Any) -> None:
    """Clear the variables a previous notebook left in a shared kernel (modules stay imported)."""
    run_code(km, "get_ipython().reset(new_session=False)")


class KernelPool:
    """Kernels started (and the package imported in them) in the background, so their start-up
    overlaps with the work the review does before the notebooks run. Several notebooks then run in
    each kernel, one after another: the imports are paid once per kernel, not once per notebook."""

    def __init__(self, size: int, cwd: Path, warm_up: str = "import privacy_inventory.report.cells"):
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(max_workers=size)
        self._futures = [self._pool.submit(self._start, cwd, warm_up) for _ in range(size)]

    @staticmethod
    def _start(cwd: Path, warm_up: str) -> Any:
        import papermill  # noqa: F401  (imported here, off the critical path, for execute() later)
        from jupyter_client.manager import KernelManager

        km = KernelManager(kernel_name=KERNEL)
        km.start_kernel(extra_arguments=KERNEL_ARGS, cwd=str(cwd))
        run_code(km, warm_up)
        return km

    def kernels(self) -> list[Any]:
        return [f.result() for f in self._futures]

    def shutdown(self) -> None:
        futures, self._futures = self._futures, []
        for f in futures:
            with suppress(Exception):  # a kernel that never started has nothing to stop
                f.result().shutdown_kernel(now=True)
        self._pool.shutdown(wait=False)


def _literal(path: Path) -> str:
    """A path papermill takes as it is: it formats paths with the parameters (`{period}` would become
    the period, `{x}` an error), so braces in a folder name are doubled."""
    return str(path).replace("{", "{{").replace("}", "}}")


def execute(source: Path, target: Path, parameters: dict[str, Any], cwd: Path, km: Any = None) -> None:
    """Run a notebook with papermill (in the given kernel, or a new one); raise NotebookFailed naming
    the cell and the error. Papermill saves the notebook at the end, and the partly executed one (with
    the error) when a cell fails; saving after every cell would cost more than the cells."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    # With a kernel of ours, its working directory was set when it started. papermill's `cwd` would
    # chdir this whole process, which races between threads: only a new kernel gets it.
    extra = {"km": km} if km is not None else {"extra_arguments": KERNEL_ARGS, "cwd": str(cwd)}
    try:
        if km is not None:
            reset_namespace(km)
        pm.execute_notebook(
            _literal(source), _literal(target), parameters=parameters, kernel_name=KERNEL, progress_bar=False,
            log_output=False, request_save_on_cell_execute=False, **extra,
        )  # fmt: skip
    except PapermillExecutionError as exc:
        raise NotebookFailed(source.stem, exc.exec_count, exc.ename, str(exc.evalue)) from None
    except Exception as exc:  # kernel died, notebook unreadable, …
        raise NotebookFailed(source.stem, None, type(exc).__name__, str(exc)) from None
