"""What the report notebooks call, so each notebook cell is one line.

Everything shown goes through report/html.py (escaped) or plotly; key figures are printed as plain
text, which is what nbval compares.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import HTML, display

from ..assess.actions import ActionState, actions_status, register
from ..assess.explain import explain
from ..assess.incident import Incident, IncidentAssessment, Selection, assess_incident, report_markdown
from ..assess.model import load_model, model_path
from ..assess.notice import COMPARE_COLUMNS, build_notice, compare_with_policy, labelled, render_markdown
from ..assess.pipeline import load_inventory
from ..i18n import label, t
from ..ledger.inventory import Inventory
from ..ledger.load import resolve_ledger_dir
from ..ledger.schema import ControlCategory, ItemCategory, PartnerKind
from ..ledger.textio import read_text
from . import charts
from .context import TOP_N, ReviewContext, build_context, headline, since_previous, trend_table
from .html import css, heading, kpis, paragraph, table

PLOTLY_MIME = "application/vnd.plotly.v1+json"
# Columns shown in either language from a column of that language (reason_ja / reason_en …).
SAME_HEADER = {"reason_ja": "reason", "reason_en": "reason", "message_ja": "message", "message_en": "message",
               "fix_en": "fix", "article_en": "article"}  # fmt: skip


def context(
    inventory_dir: Any = None, period: str = "2026Q4", lang: str = "ja", snapshot_dir: Any = None
) -> ReviewContext:
    return build_context(inventory_dir, period, lang, snapshot_dir)


def _cols(ctx: ReviewContext, names: list[str]) -> dict[str, str]:
    return {n: t(f"col.{SAME_HEADER.get(n, n)}", ctx.lang) for n in names}


def _in_lang(ctx: ReviewContext, ja: str, en: str) -> str:
    """The column holding the text in the page's language."""
    return ja if ctx.lang == "ja" else en


def show(fig_or_html: Any) -> None:
    """Display escaped HTML, or a plotly figure as its JSON mimetype (what JupyterLab renders and the
    report exporter turns into a chart). Publishing the JSON directly skips plotly's renderer set-up,
    which imports nbformat and jsonschema and costs about a second per kernel."""
    if isinstance(fig_or_html, str):
        display(HTML(fig_or_html))
        return
    from plotly.io import to_json

    fig = json.loads(to_json(fig_or_html, validate=False))
    bundle = {PLOTLY_MIME: {"data": fig.get("data", []), "layout": fig.get("layout", {}), "config": {"displaylogo": False}},
              "text/plain": "<plotly figure>"}  # fmt: skip
    display(bundle, raw=True)


def title(ctx: ReviewContext, page: str) -> None:
    ledger = ctx.inv.path.name or "-"
    show(f"<style>{css(ctx.model.levels)}</style>"
         + heading(f"{ctx.inv.org('name')} — {t(f'page.{page}', ctx.lang)} {ctx.period}", 1)
         + paragraph(t("cell.as_of_line", ctx.lang, as_of=ctx.as_of.isoformat(), ledger=ledger)))  # fmt: skip


def section(ctx: ReviewContext, key: str) -> None:
    show(heading(t(f"cell.{key}", ctx.lang)))


def _reports_dir(reports_dir: Any) -> Path | None:
    return Path(reports_dir) if reports_dir else None


def key_figures(
    ctx: ReviewContext, page: str, previous_period: str | None = None, reports_dir: Any = None
) -> None:
    """Plain-text figures that nbval compares: a changed number fails CI."""
    h = headline(ctx)
    if page == "01_inventory":
        inv = ctx.inv
        print(
            f"items {h['items']} (special care {h['special_care_items']}, My Number {h['my_number_items']})"
        )
        print(f"purposes {h['purposes']}, partners {h['partners']}, flows {h['flows']}")
        print(
            "flows by basis:",
            ", ".join(f"{k} {v}" for k, v in sorted(inv.flows["basis"].value_counts().items())),
        )
        print(
            "partners by kind:",
            ", ".join(f"{k} {v}" for k, v in sorted(inv.partners["kind"].value_counts().items())),
        )
    elif page == "02_risk":
        print("flow levels:", h["flow_levels"])
        print("residual levels:", h["flow_levels_residual"])
        top = h["top_flow"] or {}
        print(
            "top flow:", " ".join(str(top.get(k)) for k in ("flow_id", "item", "partner", "level", "score"))
        )
        print("top partner:", ctx.risk.partners["partner_id"].iloc[0] if len(ctx.risk.partners) else None)
    elif page == "03_compliance":
        print("findings by severity:", h["findings"])
        print("rules with findings:", sorted(ctx.findings["rule_id"].unique()))
    else:
        print(f"period {h['period']} as of {h['as_of']}")
        print("high-risk flows (inherent, residual):", h["high_risk_flows"], h["high_risk_flows_residual"])
        print("findings by severity:", h["findings"])
        print("actions:", h["actions"])
        found = since_previous(ctx, previous_period, _reports_dir(reports_dir))
        if found is not None:
            print(f"since {found[0].label}:", found[1].counts())
        print("periods in the trend:", ", ".join(trend_table(ctx, _reports_dir(reports_dir))["period"]))


def headline_kpis(ctx: ReviewContext) -> None:
    h = headline(ctx)
    figures = {"items": f"{h['items']:,}", "partners": f"{h['partners']:,}", "flows": f"{h['flows']:,}",
               "special_care_items": h["special_care_items"], "high_residual": h["high_risk_flows_residual"],
               "high_findings": h["findings"]["high"], "overdue": h["actions"]["overdue"]}  # fmt: skip
    show(kpis([(t(f"kpi.{k}", ctx.lang), v) for k, v in figures.items()]))


# --- 01 inventory ------------------------------------------------------------------------------------


def inventory_charts(ctx: ReviewContext) -> None:
    inv, lang = ctx.inv, ctx.lang
    section(ctx, "coverage")
    show(charts.coverage_heatmap(inv, lang))
    section(ctx, "flows")
    show(charts.flow_sankey(inv, lang))
    section(ctx, "composition")
    for fig in (charts.items_by_category(inv, lang), charts.items_by_department(inv, lang),
                charts.items_special_care(inv, lang), charts.partners_by_kind(inv, lang)):  # fmt: skip
        show(fig)


def inventory_tables(ctx: ReviewContext) -> None:
    inv, lang = ctx.inv, ctx.lang
    items = inv.items.assign(category=inv.items["category"].map(lambda c: label(c, ItemCategory, lang)))
    cols = {"item_id": "ID", "name_ja": t("col.name_ja", lang), "category": t("col.category", lang),
            "special_care": t("col.special_care", lang), "records": t("col.records", lang), "source": "source"}  # fmt: skip
    show(table(items, cols, max_rows=60))
    partners = inv.partners.assign(kind=inv.partners["kind"].map(lambda k: label(k, PartnerKind, lang)))
    show(table(partners, {"partner_id": "ID", "name": t("col.name", lang), "kind": t("col.kind", lang),
                          "country": "country", "source": "source"}, max_rows=60))  # fmt: skip


# --- 02 risk -----------------------------------------------------------------------------------------


def risk_overview(ctx: ReviewContext) -> None:
    section(ctx, "matrix")
    show(charts.risk_matrices(ctx.risk, ctx.lang))


def top_flows(ctx: ReviewContext, n: int = TOP_N) -> None:
    section(ctx, "top_flows")
    rows = explain(ctx.risk, ctx.inv, "flows", ctx.risk.ranked("flows", n), factors=False)
    reason = _in_lang(ctx, "reason_ja", "reason_en")
    cols = ["flow_id", "item_name", "partner_name", "basis", "level", "score", "residual_level", reason]
    show(table(rows, _cols(ctx, cols)))
    section(ctx, "top_items")
    items = explain(ctx.risk, ctx.inv, "items", ctx.risk.items.head(n), factors=False)
    cols = ["item_id", "name_ja", "level", "score", "n_flows", "n_high_flows", "residual_level", reason]
    show(table(items, _cols(ctx, cols)))


def partner_risk(ctx: ReviewContext, n: int = TOP_N) -> None:
    section(ctx, "partners")
    show(charts.partner_ranking(ctx.risk, ctx.inv, ctx.lang, n))
    p = ctx.risk.partners.head(n).assign(
        kind=lambda d: d["kind"].map(lambda k: label(k, PartnerKind, ctx.lang))
    )
    cols = ["partner_id", "name", "kind", "n_flows", "n_items", "n_high_flows", "level", "residual_level"]
    show(table(p, _cols(ctx, cols)))


def what_if(ctx: ReviewContext, n: int = TOP_N) -> None:
    section(ctx, "whatif")
    show(charts.level_comparison(ctx.risk, ctx.lang))
    f = ctx.risk.flows
    better = f[f["whatif_level"].cat.codes < f["residual_level"].cat.codes]
    rows = explain(ctx.risk, ctx.inv, "flows", better.head(n), factors=False) if len(better) else better
    if len(rows):
        cols = ["flow_id", "item_name", "partner_name", "residual_level", "whatif_level"]
        show(table(rows, _cols(ctx, cols), max_rows=n))
    else:
        show(paragraph(t("cell.none", ctx.lang)))


# --- 03 compliance -----------------------------------------------------------------------------------


def _finding_columns(ctx: ReviewContext, with_severity: bool) -> list[str]:
    cols = ["rule_id", _in_lang(ctx, "article", "article_en"), "subject_id",
            _in_lang(ctx, "message_ja", "message_en"), _in_lang(ctx, "fix", "fix_en")]  # fmt: skip
    return ["severity", *cols, "subject_source"] if with_severity else cols


def findings_overview(ctx: ReviewContext, n: int = 40) -> None:
    section(ctx, "findings")
    if ctx.findings.empty:
        show(paragraph(t("cell.none", ctx.lang)))
        return
    show(charts.findings_by_rule(ctx.findings, ctx.lang))
    section(ctx, "finding_list")
    shown = ctx.findings[ctx.findings["severity"] != "info"]
    show(table(shown, _cols(ctx, _finding_columns(ctx, True)), max_rows=n, note="findings.csv"))
    show(paragraph(t("cell.assumption_note", ctx.lang)))


def notice_and_differences(ctx: ReviewContext) -> None:
    section(ctx, "notice")
    text = render_markdown(build_notice(ctx.inv, ctx.lang))
    show("<pre style='white-space:pre-wrap'>" + __import__("html").escape(text) + "</pre>")
    section(ctx, "compare")
    policy = ctx.ledger_dir / "published_policy.txt" if ctx.ledger_dir else None
    if policy is None or not policy.is_file():
        show(paragraph(t("cell.no_policy", ctx.lang)))
        return
    diff = compare_with_policy(ctx.inv, read_text(policy))
    print("differences:", len(diff), "| policy:", diff.attrs["counts"])
    if diff.empty:
        show(paragraph(t("cell.no_diff", ctx.lang)))
    else:
        show(table(labelled(diff, ctx.lang), {c: t(f"compare.col.{c}", ctx.lang) for c in COMPARE_COLUMNS}))


# --- 04 review ---------------------------------------------------------------------------------------


def period_summary(ctx: ReviewContext, n: int = 10) -> None:
    section(ctx, "summary")
    headline_kpis(ctx)
    section(ctx, "high_findings")
    high = ctx.findings[ctx.findings["severity"] == "high"]
    show(
        table(high, _cols(ctx, _finding_columns(ctx, False)), max_rows=n, note="findings.csv")
        if len(high)
        else paragraph(t("cell.none", ctx.lang))
    )
    section(ctx, "top_flows")
    rows = explain(ctx.risk, ctx.inv, "flows", ctx.risk.ranked("flows", n, residual=True), factors=False)
    show(
        table(rows, _cols(ctx, ["flow_id", "item_name", "partner_name", "residual_level", "residual_score"]))
    )


def actions(ctx: ReviewContext) -> None:
    section(ctx, "actions")
    a = actions_status(ctx.inv, ctx.as_of)
    order = pd.Categorical(a["state"], ActionState.codes(), ordered=True)
    a = a.assign(_o=order).sort_values(["_o", "due"]).assign(due=lambda d: d["due"].dt.date)
    show(
        table(a, _cols(ctx, ["action_id", "title", "refers_to", "owner", "due", "state"]))
        if len(a)
        else paragraph(t("cell.none", ctx.lang))
    )


def since_previous_period(
    ctx: ReviewContext, previous_period: str | None = None, reports_dir: Any = None
) -> None:
    """What changed since the previous stored period: ledger rows, risk movement, findings."""
    lang = ctx.lang
    show(heading(t("cell.since_previous", lang)))
    found = since_previous(ctx, previous_period, _reports_dir(reports_dir))
    if found is None:
        show(paragraph(t("cell.no_previous", lang)))
        return
    prev, d = found
    c = d.counts()
    per_table = d.changes.drop_duplicates(["table", "key", "change"]).groupby(["table", "change"]).size()
    show(kpis([(f"{tb} {ch}", int(n)) for (tb, ch), n in per_table.items()]
              + [(t(f"cell.{k}", lang), c[k]) for k in ("risk_up", "risk_down", "findings_opened", "findings_resolved")]))  # fmt: skip
    if len(d.changes):
        show(heading(t("cell.ledger_changes", lang), 3))
        cols = {c: c for c in ("table", "key", "change", "column", "old", "new")}
        show(table(d.changes, cols, max_rows=40, note="privacy-inventory diff"))
    both = prev.flows[["flow_id", "residual_level"]].merge(
        ctx.risk.flows[["flow_id", "residual_level"]], on="flow_id"
    )
    if len(both):
        show(charts.level_movement(both["residual_level_x"], both["residual_level_y"],
                                   t("cell.level_movement", lang), lang))  # fmt: skip
    if len(d.flow_moves):
        reason = _in_lang(ctx, "new_reason_ja", "new_reason_en")
        cols = {
            "flow_id": "flow",
            "measure": "measure",
            "direction": "direction",
            "old_level": "old",
            "new_level": "new",
        }
        if reason in d.flow_moves:
            cols[reason] = "why (now)"
        show(table(d.flow_moves, cols, max_rows=20))
    if len(d.notices):
        show(heading(t("cell.joint_use_notices", lang), 3))
        show(table(d.notices, {"joint_use_id": t("compare.col.joint_use_id", lang), "old": "old", "new": "new",
                               "article": t("col.article", lang), _in_lang(ctx, "message_ja", "message_en"): t("col.message", lang)}))  # fmt: skip
    if len(d.findings):
        show(heading(t("cell.findings_changes", lang), 3))
        show(table(d.findings, {"change": "change", "rule_id": "rule", "subject_id": "subject", "severity": "severity",
                                _in_lang(ctx, "message_ja", "message_en"): "finding"}, max_rows=30))  # fmt: skip


def trend(ctx: ReviewContext, reports_dir: Any = None) -> None:
    history = trend_table(ctx, _reports_dir(reports_dir))
    show(heading(t("cell.trends", ctx.lang)))
    if len(history) < 2:
        show(paragraph(t("cell.trend_needs_two", ctx.lang)))
    show(charts.trends(history, ctx.lang))


def action_register(ctx: ReviewContext) -> None:
    reg = register(ctx.assessment)
    show(heading(t("cell.register", ctx.lang), 3))
    show(kpis([(t(f"register.{k}", ctx.lang), v) for k, v in reg.counts().items()]))
    if len(reg.unaddressed_findings):
        cols = ["rule_id", "subject_id", _in_lang(ctx, "message_ja", "message_en")]
        show(table(reg.unaddressed_findings, _cols(ctx, cols)))
    if len(reg.closed_without_evidence):
        show(table(reg.closed_without_evidence, _cols(ctx, ["action_id", "title", "refers_to"])))


def controls(ctx: ReviewContext) -> None:
    lang = ctx.lang
    show(heading(t("cell.controls", lang)))
    show(charts.controls_by_category(ctx.inv, lang))
    c = ctx.inv.controls.assign(
        category=ctx.inv.controls["category"].map(lambda k: label(k, ControlCategory, lang))
    )
    show(table(c, {"control_id": "ID", "name": t("col.control", lang), "category": t("col.category", lang),
                   "applies_to": t("col.scope", lang), "status": t("col.status", lang)}))  # fmt: skip


# --- 05 incident -------------------------------------------------------------------------------------


def _split(text: str | None) -> list[str]:
    return [x.strip() for x in (text or "").split(",") if x.strip()]


def incident(inventory_dir: Any, partner: str | None, items: str, department: str | None, flows: str,
             records: int | None, cause: str, discovered: str, malicious: bool,
             encrypted: bool) -> tuple[IncidentAssessment, Inventory]:  # fmt: skip
    """Assess an incident described by the notebook's parameters; returns the assessment and the ledger."""
    path = resolve_ledger_dir(inventory_dir)
    inv = load_inventory(path)
    inc = Incident(Selection(partner, _split(items), department, _split(flows)), cause,
                   dt.date.fromisoformat(discovered), records, malicious, encrypted)  # fmt: skip
    return assess_incident(inv, load_model(model_path(path)), inc), inv


def incident_summary(a: IncidentAssessment, inv: Inventory) -> None:
    e, appi = a.enisa, a.appi
    verdict = t("incident.required" if appi["report_required"] else "incident.not_required", "ja")
    show(f"<style>{css()}</style>" + heading(t("incident.page_title", "ja", org=inv.org("name"),
                                                 date=a.incident.discovered), 1))  # fmt: skip
    show(kpis([(t("incident.verdict", "ja"), verdict), (t("incident.people", "ja"), f"{a.people:,}"),
               ("ENISA SE", f"{e['se']:g}（{e['band_ja']}）"),
               (t("incident.final_by", "ja"), appi.get("deadlines", {}).get("final_by", "—"))]))  # fmt: skip
    rows = [
        {"trigger": t(f"incident.trigger.{k}", "ja"), "hit": "該当" if v else "—"}
        for k, v in appi["triggers"].items()
    ]
    show(
        table(
            pd.DataFrame(rows), {"trigger": t("incident.triggers", "ja"), "hit": t("incident.verdict", "ja")}
        )
    )
    parts = pd.DataFrame([
        {"component": "DPC", "value": e["dpc"], "rule": e["dpc_rule"]},
        {"component": "EI", "value": e["ei"], "rule": e["ei_rule"]},
        {"component": "CB", "value": e["cb"], "rule": ", ".join(f"{k} {v:g}" for k, v in e["cb_parts"].items())},
        {"component": "SE = DPC × EI + CB", "value": e["se"], "rule": e["band"]},
    ])  # fmt: skip
    show(heading(t("incident.enisa", "ja"), 3))
    show(table(parts, {"component": "要素", "value": "値", "rule": "根拠"}))
    show(heading(t("incident.affected_items", "ja"), 3))
    show(table(a.items, {"item_id": "ID", "name_ja": "項目", "category": "区分", "special_care": "要配慮",
                         "property_damage": "財産的被害", "my_number": "特定個人情報", "records": "件数"}))  # fmt: skip


def incident_chart(a: IncidentAssessment) -> None:
    import plotly.graph_objects as go

    e = a.enisa
    fig = go.Figure(go.Bar(x=["DPC × EI", *[f"CB: {k}" for k in e["cb_parts"]]],
                           y=[e["dpc"] * e["ei"], *e["cb_parts"].values()], marker_color="#c62828"))  # fmt: skip
    fig.add_hline(y=0)
    show(charts.layout(fig, t("incident.se_parts", "ja", se=f"{e['se']:g}", band=e["band_ja"]), height=320))


def incident_draft(a: IncidentAssessment, inv: Inventory) -> None:
    show(heading(t("incident.draft", "ja"), 3))
    show("<pre style='white-space:pre-wrap'>" + __import__("html").escape(report_markdown(a, inv)) + "</pre>")
