"""Safe HTML pieces of the reports: escaped tables and headings, and the period's index page."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import pandas as pd

CSS = """
body{font-family:'Noto Sans CJK JP','Noto Sans JP','Hiragino Sans','Yu Gothic','Meiryo',sans-serif;color:#1f2933}
table.pi{border-collapse:collapse;font-size:13px;margin:.5em 0 1.2em}
table.pi th,table.pi td{border:1px solid #d0d7de!important;padding:3px 7px!important;vertical-align:top!important;text-align:left!important;max-width:38em}
table.pi th{background:#f3f5f7}
table.pi td.num{text-align:right!important;font-variant-numeric:tabular-nums}
.lvl-critical{background:#c62828;color:#fff}.lvl-high{background:#ff7043}.lvl-medium{background:#ffe082}.lvl-low{background:#c8e6c9}
.sev-high{background:#e53935;color:#fff}.sev-medium{background:#ffb300}.sev-low{background:#b3e5fc}.sev-info{background:#eceff1}
.pi-note{color:#52606d;font-size:12px}
.pi-kpis{display:flex;flex-wrap:wrap;gap:10px;margin:.6em 0 1.2em}
.pi-kpi{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;min-width:130px}
.pi-kpi b{display:block;font-size:22px}
"""

_CLASSED = {"level": "lvl", "residual_level": "lvl", "whatif_level": "lvl", "severity": "sev"}


def esc(value: Any) -> str:
    if value is None or (not isinstance(value, str | list | dict) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def table(
    df: pd.DataFrame, columns: Mapping[str, str], max_rows: int | None = None, note: str | None = None
) -> str:
    """An HTML table of the given columns (name → header); every value escaped."""
    shown = df if max_rows is None else df.head(max_rows)
    head = "".join(f"<th>{esc(label)}</th>" for label in columns.values())
    rows = []
    for rec in shown[list(columns)].to_dict(orient="records"):
        cells = []
        for col, value in rec.items():
            text = esc(value)
            cls = f' class="{_CLASSED[col]}-{text}"' if col in _CLASSED and text else ""
            if isinstance(value, int | float) and not isinstance(value, bool) and not cls:
                cls = ' class="num"'
            cells.append(f"<td{cls}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = ""
    if max_rows is not None and len(df) > max_rows:
        more = f'<p class="pi-note">{esc(note or "")} ({len(df) - max_rows:,} more rows in the CSV)</p>'
    return f'<table class="pi"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>{more}'


def kpis(pairs: list[tuple[str, Any]]) -> str:
    return (
        '<div class="pi-kpis">'
        + "".join(f'<div class="pi-kpi">{esc(k)}<b>{esc(v)}</b></div>' for k, v in pairs)
        + "</div>"
    )


def heading(text: str, level: int = 2) -> str:
    return f"<h{level}>{esc(text)}</h{level}>"


def paragraph(text: str) -> str:
    return f"<p>{esc(text)}</p>"


INDEX_TEXT = {
    "ja": {
        "title": "四半期レビュー", "pages": "報告書", "data": "データ", "generated": "作成日時",
        "items": "項目", "flows": "フロー", "partners": "提供先", "high": "高以上のフロー（残留）",
        "findings_high": "重大度「高」の指摘", "overdue": "期限超過の処置", "as_of": "評価基準日",
        "names": {"01_inventory": "台帳の概要", "02_risk": "リスク評価", "03_compliance": "法令適合性", "04_review": "期間レビュー（PDCA）"},
        "files": {"scores.csv": "全フローのリスク（理由付き）", "items_scores.csv": "項目別リスク", "partners_scores.csv": "提供先別リスク",
                  "findings.csv": "全指摘（条文・是正策付き）", "summary.json": "主要指標（機械可読）", "manifest.json": "全ファイルのSHA-256"},
        "top": "最もリスクの高いフロー",
    },
    "en": {
        "title": "Quarterly review", "pages": "Report pages", "data": "Data", "generated": "Generated",
        "items": "items", "flows": "flows", "partners": "partners", "high": "high+ flows (residual)",
        "findings_high": "high findings", "overdue": "overdue actions", "as_of": "assessed as of",
        "names": {"01_inventory": "Inventory", "02_risk": "Risk", "03_compliance": "Compliance", "04_review": "Period review (PDCA)"},
        "files": {"scores.csv": "every flow's risk with reasons", "items_scores.csv": "risk per item", "partners_scores.csv": "risk per partner",
                  "findings.csv": "every finding with article and fix", "summary.json": "headline figures (machine-readable)",
                  "manifest.json": "SHA-256 of every file"},
        "top": "highest-risk flow",
    },
}  # fmt: skip


def index_page(summary: dict, pages: list[str], lang: str, generated: str, note: str | None = None) -> str:
    """The period's landing page: headline figures and links. No script, no external resource."""
    t = INDEX_TEXT[lang]
    h = summary
    figures = [
        (t["items"], f"{h['items']:,}"), (t["flows"], f"{h['flows']:,}"), (t["partners"], f"{h['partners']:,}"),
        (t["high"], f"{h['high_risk_flows_residual']:,}"), (t["findings_high"], h["findings"]["high"]),
        (t["overdue"], h["actions"]["overdue"]),
    ]  # fmt: skip
    links = "".join(
        f'<li><a href="{esc(p)}.html">{esc(t["names"].get(p, p))}</a> <span class="pi-note">{esc(p)}.html</span></li>'
        for p in pages
    )
    files = "".join(
        f'<li><a href="{esc(name)}">{esc(name)}</a> — {esc(desc)}</li>' for name, desc in t["files"].items()
    )
    top = h.get("top_flow")
    top_html = ""
    if top:
        top_html = f"<p>{esc(t['top'])}: {esc(top['flow_id'])} {esc(top['item'])} → {esc(top['partner'])} ({esc(top['level'])}, {esc(top['score'])})</p>"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(t['title'])} {esc(h['period'])}</title><style>{CSS}body{{max-width:60em;margin:2em auto;padding:0 1em}}</style></head><body>"
        f"<h1>{esc(h['organisation'])} — {esc(t['title'])} {esc(h['period'])}</h1>"
        f'<p class="pi-note">{esc(t["as_of"])}: {esc(h["as_of"])} · {esc(t["generated"])}: {esc(generated)}</p>'
        + (f"<p><strong>{esc(note)}</strong></p>" if note else "")
        + f"{kpis(figures)}{top_html}"
        + (f"<h2>{esc(t['pages'])}</h2><ul>{links}</ul>" if pages else "")
        + f"<h2>{esc(t['data'])}</h2><ul>{files}</ul>"
        "</body></html>\n"
    )
