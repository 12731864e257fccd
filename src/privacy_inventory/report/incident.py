"""The offline HTML incident report: notebook 05_incident run by papermill, exported like the review."""

from __future__ import annotations

import re
from pathlib import Path

from ..assess.incident import Incident
from ..assess.model import load_model, model_path
from ..files import built_aside, write_text_atomic
from ..i18n import t
from ..paths import notebooks_dir
from .execute import execute, export_html
from .html import css
from .review import PLOTLY_ASSET, write_assets

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
            "discovered": inc.discovered.isoformat(), "malicious": inc.malicious, "encrypted": inc.encrypted,
            "confidentiality": inc.confidentiality, "integrity": inc.integrity, "availability": inc.availability,
            "publicly_viewable": inc.publicly_viewable, "recovered_unread": inc.recovered_unread,
            "mn_network": inc.mn_network, "adjustments": ",".join(inc.adjustments),
            "my_number_people": inc.my_number_people,
            "occurred": inc.occurred.isoformat() if inc.occurred else None}  # fmt: skip


def _free_target(base: Path, slug: str) -> Path:
    """reports/incidents/<slug>, or <slug>-2, -3, … when a report of the same incident exists."""
    target, n = base / slug, 1
    while target.exists():
        n += 1
        target = base / f"{slug}-{n}"
    return target


def write_incident_report(ledger: Path, inc: Incident, out: Path, lang: str = "ja") -> Path:
    """reports/incidents/<date>-<cause>-<what>/ with the executed notebook, its HTML and an index.
    Built aside and renamed into place; an existing report of the same incident is kept (a suffix is added)."""
    target = _free_target(out / "incidents", incident_slug(inc))
    levels = load_model(model_path(Path(ledger))).levels
    title = t("incident.report_title", lang, date=inc.discovered.isoformat())
    page = {"title": title, "lang": lang, "css": css(levels, title), "nav": [], "nav_label": title,
            "plotly_src": PLOTLY_ASSET}  # fmt: skip
    with built_aside(target) as tmp:
        executed = tmp / f"{NOTEBOOK}.ipynb"
        execute(
            notebooks_dir() / f"{NOTEBOOK}.ipynb", executed, parameters(ledger, inc) | {"lang": lang}, cwd=tmp
        )
        write_assets(tmp)
        export_html(executed, tmp / "index.html", page)
        write_text_atomic(tmp / "README.txt", f"Incident report generated from the ledger {ledger}\n")
    return target
