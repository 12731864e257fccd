"""HTML of the reports, rendered from Jinja2 templates with autoescape: every ledger value is escaped.

Pieces that notebook cells show (tables, figures, headings) and whole pages outside the notebook export
(the period's index, the public notice) come from templates/pages/.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..assess.notice import Notice, blocks
from ..assess.rules import Severity
from ..i18n import t
from .charts import level_colours

TEMPLATES = Path(__file__).resolve().parent / "templates"

BASE_CSS = """
body{font-family:'Noto Sans CJK JP','Noto Sans JP','Hiragino Sans','Yu Gothic','Meiryo',sans-serif;color:#1f2933}
table.pi{border-collapse:collapse;font-size:13px;margin:.5em 0 1.2em}
table.pi th,table.pi td{border:1px solid #d0d7de!important;padding:3px 7px!important;vertical-align:top!important;text-align:left!important;max-width:38em}
table.pi th{background:#f3f5f7}
table.pi td.num{text-align:right!important;font-variant-numeric:tabular-nums}
.pi-note{color:#52606d;font-size:12px}
.pi-kpis{display:flex;flex-wrap:wrap;gap:10px;margin:.6em 0 1.2em}
.pi-kpi{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;min-width:130px}
.pi-kpi b{display:block;font-size:22px}
"""
# Table cells of risk levels and finding severities are tinted: a light version of the chart colours.
TINT = {"#4caf50": "#c8e6c9", "#ffc107": "#ffe082", "#ff7043": "#ff7043", "#c62828": "#c62828;color:#fff"}
SEVERITY_TINT = {Severity.high: "#e53935;color:#fff", Severity.medium: "#ffb300", Severity.low: "#b3e5fc",
                 Severity.info: "#eceff1"}  # fmt: skip
LEVEL_COLUMNS = ("level", "residual_level", "whatif_level")


def css(levels: tuple[str, ...] | list[str] = ()) -> str:
    """The report's style sheet, with a tint for each of the model's risk levels."""
    tints = [f".lvl-{lvl}{{background:{TINT[colour]}}}" for lvl, colour in level_colours(levels).items()]
    sev = [f".sev-{s}{{background:{tint}}}" for s, tint in SEVERITY_TINT.items()]
    return BASE_CSS + "".join(reversed(tints)) + "".join(sev) + "\n"


@cache
def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )


def _fragments():
    return _env().get_template("pages/fragments.html.j2").module


def _is_missing(value: Any) -> bool:
    return value is None or (not isinstance(value, str | list | dict) and pd.isna(value))


def table(
    df: pd.DataFrame,
    columns: Mapping[str, str],
    max_rows: int | None = None,
    note: str | None = None,
    lang: str = "en",
) -> str:
    """An HTML table of the given columns (name → header); every value escaped."""
    shown = df if max_rows is None else df.head(max_rows)
    rows = []
    for rec in shown[list(columns)].to_dict(orient="records"):
        cells = []
        for col, value in rec.items():
            text = "" if _is_missing(value) else str(value)
            if col in LEVEL_COLUMNS and text:
                cls = f"lvl-{text}"
            elif col == "severity" and text:
                cls = f"sev-{text}"
            elif isinstance(value, int | float) and not isinstance(value, bool):
                cls = "num"
            else:
                cls = ""
            cells.append((text, cls))
        rows.append(cells)
    more = ""
    if max_rows is not None and len(df) > max_rows:
        more = t("table.more_rows", lang, note=note or "", n=f"{len(df) - max_rows:,}")
    return str(_fragments().table(list(columns.values()), rows, more))


def kpis(pairs: list[tuple[str, Any]]) -> str:
    return str(_fragments().kpis([(k, "" if _is_missing(v) else v) for k, v in pairs]))


def heading(text: str, level: int = 2) -> str:
    return str(_fragments().heading(text, level))


def paragraph(text: str) -> str:
    return str(_fragments().paragraph(text))


PAGE_FILES = ("scores.csv", "items_scores.csv", "partners_scores.csv", "findings.csv", "summary.json",
              "manifest.json")  # fmt: skip


def index_page(
    summary: dict, pages: list[str], lang: str, generated: str, note: str | None = None, levels: tuple = ()
) -> str:
    """The period's landing page: headline figures and links. No script, no external resource."""
    h = summary

    def tx(key: str) -> str:
        return t(f"index.{key}", lang)

    figures = [
        (tx("items"), f"{h['items']:,}"), (tx("flows"), f"{h['flows']:,}"), (tx("partners"), f"{h['partners']:,}"),
        (tx("high"), f"{h['high_risk_flows_residual']:,}"), (tx("findings_high"), h["findings"]["high"]),
        (tx("overdue"), h["actions"]["overdue"]),
    ]  # fmt: skip
    texts = {k: tx(k) for k in ("title", "as_of", "generated", "top", "pages", "data")}
    return _env().get_template("pages/index.html.j2").render(
        lang=lang, h=h, t=texts, css=css(levels), generated=generated, note=note, figures=figures,
        top=h.get("top_flow"), pages=[(p, t(f"page.{p}", lang)) for p in pages],
        files=[(name, t(f"index.file.{name}", lang)) for name in PAGE_FILES],
    )  # fmt: skip


def notice_page(n: Notice) -> str:
    """The public notice as a standalone page: every ledger value escaped, no external resource."""
    return (
        _env()
        .get_template("pages/notice.html.j2")
        .render(lang=n.lang, title=t("notice.title", n.lang), blocks=blocks(n))
    )
