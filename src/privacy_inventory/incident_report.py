"""The offline HTML incident report: notebook 05_incident run by papermill, exported like the review."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from .incident import Incident
from .nbrun import execute, export_html
from .paths import notebooks_dir
from .report_html import esc
from .textio import write_text_atomic

NOTEBOOK = "05_incident"


def incident_slug(inc: Incident) -> str:
    what = (
        inc.selection.partner
        or inc.selection.department
        or "-".join((inc.selection.items or inc.selection.flows)[:3])
    )
    return re.sub(r"[^A-Za-z0-9_-]", "_", f"{inc.discovered.isoformat()}-{inc.cause}-{what}")[:80]


def parameters(ledger: Path, inc: Incident) -> dict:
    s = inc.selection
    return {"inventory_dir": str(Path(ledger).resolve()), "partner": s.partner, "items": ",".join(s.items),
            "department": s.department, "flows": ",".join(s.flows), "records": inc.records, "cause": inc.cause,
            "discovered": inc.discovered.isoformat(), "malicious": inc.malicious, "encrypted": inc.encrypted}  # fmt: skip


def write_incident_report(ledger: Path, inc: Incident, out: Path) -> Path:
    """reports/incidents/<date>-<cause>-<what>/ with the executed notebook, its HTML and an index.
    Built aside and renamed into place; an existing report of the same incident is kept (a suffix is added)."""
    from plotly.offline import get_plotlyjs

    base = out / "incidents"
    base.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-incident-", dir=base))
    try:
        executed = tmp / f"{NOTEBOOK}.ipynb"
        execute(notebooks_dir() / f"{NOTEBOOK}.ipynb", executed, parameters(ledger, inc), cwd=tmp)
        export_html(executed, tmp / "index.html", get_plotlyjs())
        write_text_atomic(
            tmp / "README.txt", f"Incident report generated from the ledger {esc(str(ledger))}\n"
        )
        target = base / incident_slug(inc)
        n = 1
        while target.exists():
            n += 1
            target = base / f"{incident_slug(inc)}-{n}"
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target
