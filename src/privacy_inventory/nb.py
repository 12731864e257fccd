"""Helpers the report notebooks call, so each notebook cell is one line.

Everything shown goes through report_html (escaped) or plotly; key figures are printed as plain text,
which is what nbval compares.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import HTML, display

from . import charts
from .actions import actions_status
from .explain import explain
from .notice import build_notice, compare_with_policy, render_markdown
from .report_data import TOP_N, ReviewContext, build_context, headline
from .report_html import CSS, heading, kpis, paragraph, table
from .schema import CONTROL_CATEGORY, ITEM_CATEGORY, PARTNER_KIND

TITLES = {
    "ja": {
        "01_inventory": "台帳の概要",
        "02_risk": "リスク評価",
        "03_compliance": "法令適合性",
        "04_review": "期間レビュー（PDCA）",
    },
    "en": {
        "01_inventory": "Inventory",
        "02_risk": "Risk",
        "03_compliance": "Compliance",
        "04_review": "Period review (PDCA)",
    },
}
S = {
    "ja": {
        "headline": "主要な数値", "coverage": "項目と利用目的", "flows": "提供・受領の流れ", "composition": "項目と提供先の構成",
        "matrix": "重大度×発生可能性（固有と残留）", "top_flows": "リスクの高いフロー", "top_items": "リスクの高い項目",
        "partners": "提供先別のリスク", "whatif": "計画中の対策の効果", "findings": "指摘（条文・重大度）",
        "finding_list": "指摘と是正策", "notice": "台帳から生成した公表文", "compare": "公表済みの方針との差異",
        "no_diff": "差異はありません。", "no_policy": "公表済みの方針（published_policy.txt）が台帳にありません。",
        "summary": "今期の要約", "actions": "改善処置", "overdue": "期限超過の処置", "high_findings": "重大度「高」の指摘",
        "assumption_note": "＊「仮定」は方針に記載のない例示値に基づく指摘です。", "none": "該当なし",
        "as_of": "評価基準日", "ledger": "台帳", "controls": "安全管理措置",
        "cols": {"flow_id": "フロー", "item_name": "項目", "partner_name": "提供先", "basis": "根拠", "level": "水準",
                 "score": "スコア", "residual_level": "残留", "residual_score": "残留スコア", "reason_ja": "理由",
                 "item_id": "項目ID", "name_ja": "項目", "n_flows": "フロー数", "n_high_flows": "高以上", "partner_id": "提供先ID",
                 "name": "名称", "kind": "種別", "whatif_level": "計画実施後", "rule_id": "ルール", "article": "条文",
                 "severity": "重大度", "subject_id": "対象", "message_ja": "内容", "fix": "是正策", "subject_source": "出典",
                 "action_id": "処置", "title": "内容", "refers_to": "対象", "owner": "担当", "due": "期限", "state": "状態",
                 "kind_": "区分", "where": "所在", "text": "内容", "id": "ID", "n_items": "項目数"},
    },
    "en": {
        "headline": "Headline figures", "coverage": "Items and purposes", "flows": "Data flows", "composition": "Items and partners",
        "matrix": "Severity × likelihood (inherent and residual)", "top_flows": "Highest-risk flows", "top_items": "Highest-risk items",
        "partners": "Risk by partner", "whatif": "What the planned controls would change", "findings": "Findings by article and severity",
        "finding_list": "Findings and fixes", "notice": "Notice generated from the ledger", "compare": "Differences from the published policy",
        "no_diff": "No differences.", "no_policy": "The ledger has no published policy (published_policy.txt).",
        "summary": "This period", "actions": "Improvement actions", "overdue": "Overdue actions", "high_findings": "High findings",
        "assumption_note": "* 'assumption': the finding rests on an illustrative value the policy does not state.", "none": "none",
        "as_of": "assessed as of", "ledger": "ledger", "controls": "Safety-management controls",
        "cols": {"flow_id": "flow", "item_name": "item", "partner_name": "partner", "basis": "basis", "level": "level",
                 "score": "score", "residual_level": "residual", "residual_score": "residual score", "reason_en": "why",
                 "item_id": "item id", "name_ja": "item", "n_flows": "flows", "n_high_flows": "high+", "partner_id": "partner id",
                 "name": "name", "kind": "kind", "whatif_level": "what-if", "rule_id": "rule", "article_en": "article",
                 "severity": "severity", "subject_id": "subject", "message_en": "finding", "fix_en": "fix", "subject_source": "source",
                 "action_id": "action", "title": "title", "refers_to": "refers to", "owner": "owner", "due": "due", "state": "state",
                 "kind_": "kind", "where": "where", "text": "text", "id": "id", "n_items": "items"},
    },
}  # fmt: skip


def context(
    inventory_dir: Any = None, period: str = "2026Q4", lang: str = "ja", snapshot_dir: Any = None
) -> ReviewContext:
    return build_context(inventory_dir, period, lang, snapshot_dir)


def _s(ctx: ReviewContext) -> dict:
    return S[ctx.lang]


def _cols(ctx: ReviewContext, names: list[str]) -> dict[str, str]:
    cols = _s(ctx)["cols"]
    return {n: cols.get(n, n) for n in names}


PLOTLY_MIME = "application/vnd.plotly.v1+json"


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
    s = _s(ctx)
    show(f"<style>{CSS}</style>" + heading(f"{ctx.inv.org('name')} — {TITLES[ctx.lang][page]} {ctx.period}", 1)
         + paragraph(f"{s['as_of']}: {ctx.as_of.isoformat()} · {s['ledger']}: {ctx.inv.path.name or '-'}"))  # fmt: skip


def section(ctx: ReviewContext, key: str) -> None:
    show(heading(_s(ctx)[key]))


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
        from .report_data import since_previous, trend_table

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
    ja = ctx.lang == "ja"
    show(kpis([
        ("項目" if ja else "items", f"{h['items']:,}"), ("提供先" if ja else "partners", f"{h['partners']:,}"),
        ("フロー" if ja else "flows", f"{h['flows']:,}"), ("要配慮項目" if ja else "special-care items", h["special_care_items"]),
        ("高以上（残留）" if ja else "high+ (residual)", h["high_risk_flows_residual"]),
        ("指摘（高）" if ja else "high findings", h["findings"]["high"]), ("期限超過" if ja else "overdue", h["actions"]["overdue"]),
    ]))  # fmt: skip


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
    inv = ctx.inv
    i = 0 if ctx.lang == "ja" else 1
    items = inv.items.assign(category=inv.items["category"].map(lambda c: ITEM_CATEGORY.get(c, (c, c))[i]))
    cols = {"item_id": "ID", "name_ja": _s(ctx)["cols"]["name_ja"], "category": "区分" if i == 0 else "category",
            "special_care": "要配慮" if i == 0 else "special care", "records": "件数" if i == 0 else "records", "source": "source"}  # fmt: skip
    show(table(items, cols, max_rows=60))
    partners = inv.partners.assign(kind=inv.partners["kind"].map(lambda k: PARTNER_KIND.get(k, (k, k))[i]))
    show(table(partners, {"partner_id": "ID", "name": _s(ctx)["cols"]["name"], "kind": _s(ctx)["cols"]["kind"],
                          "country": "country", "source": "source"}, max_rows=60))  # fmt: skip


# --- 02 risk -----------------------------------------------------------------------------------------


def risk_overview(ctx: ReviewContext) -> None:
    section(ctx, "matrix")
    show(charts.risk_matrices(ctx.risk, ctx.lang))


def top_flows(ctx: ReviewContext, n: int = TOP_N) -> None:
    section(ctx, "top_flows")
    rows = explain(ctx.risk, ctx.inv, "flows", ctx.risk.ranked("flows", n), factors=False)
    reason = "reason_ja" if ctx.lang == "ja" else "reason_en"
    show(
        table(
            rows,
            _cols(
                ctx,
                ["flow_id", "item_name", "partner_name", "basis", "level", "score", "residual_level", reason],
            ),
        )
    )
    section(ctx, "top_items")
    items = explain(ctx.risk, ctx.inv, "items", ctx.risk.items.head(n), factors=False)
    show(
        table(
            items,
            _cols(
                ctx,
                ["item_id", "name_ja", "level", "score", "n_flows", "n_high_flows", "residual_level", reason],
            ),
        )
    )


def partner_risk(ctx: ReviewContext, n: int = TOP_N) -> None:
    section(ctx, "partners")
    show(charts.partner_ranking(ctx.risk, ctx.inv, ctx.lang, n))
    i = 0 if ctx.lang == "ja" else 1
    p = ctx.risk.partners.head(n).assign(
        kind=lambda d: d["kind"].map(lambda k: PARTNER_KIND.get(k, (k, k))[i])
    )
    show(
        table(
            p,
            _cols(
                ctx,
                [
                    "partner_id",
                    "name",
                    "kind",
                    "n_flows",
                    "n_items",
                    "n_high_flows",
                    "level",
                    "residual_level",
                ],
            ),
        )
    )


def what_if(ctx: ReviewContext, n: int = TOP_N) -> None:
    section(ctx, "whatif")
    show(charts.level_comparison(ctx.risk, ctx.lang))
    f = ctx.risk.flows
    better = f[f["whatif_level"].cat.codes < f["residual_level"].cat.codes]
    rows = explain(ctx.risk, ctx.inv, "flows", better.head(n), factors=False) if len(better) else better
    if len(rows):
        show(
            table(
                rows,
                _cols(ctx, ["flow_id", "item_name", "partner_name", "residual_level", "whatif_level"]),
                max_rows=n,
            )
        )
    else:
        show(paragraph(_s(ctx)["none"]))


# --- 03 compliance -----------------------------------------------------------------------------------


def findings_overview(ctx: ReviewContext, n: int = 40) -> None:
    section(ctx, "findings")
    if ctx.findings.empty:
        show(paragraph(_s(ctx)["none"]))
        return
    show(charts.findings_by_rule(ctx.findings, ctx.lang))
    section(ctx, "finding_list")
    ja = ctx.lang == "ja"
    cols = ["severity", "rule_id", "article" if ja else "article_en", "subject_id", "message_ja" if ja else "message_en",
            "fix" if ja else "fix_en", "subject_source"]  # fmt: skip
    shown = ctx.findings[ctx.findings["severity"] != "info"]
    show(table(shown, _cols(ctx, cols), max_rows=n, note="findings.csv"))
    show(paragraph(_s(ctx)["assumption_note"]))


def notice_and_differences(ctx: ReviewContext) -> None:
    section(ctx, "notice")
    text = render_markdown(build_notice(ctx.inv, ctx.lang))
    show("<pre style='white-space:pre-wrap'>" + __import__("html").escape(text) + "</pre>")
    section(ctx, "compare")
    policy = ctx.ledger_dir / "published_policy.txt" if ctx.ledger_dir else None
    if policy is None or not policy.is_file():
        show(paragraph(_s(ctx)["no_policy"]))
        return
    from .textio import read_text

    diff = compare_with_policy(ctx.inv, read_text(policy))
    print("differences:", len(diff), "| policy:", diff.attrs["counts"])
    if diff.empty:
        show(paragraph(_s(ctx)["no_diff"]))
    else:
        show(table(diff.rename(columns={"kind": "kind_"}), _cols(ctx, ["kind_", "where", "id", "text"])))


# --- 04 review ---------------------------------------------------------------------------------------


def period_summary(ctx: ReviewContext, n: int = 10) -> None:
    section(ctx, "summary")
    headline_kpis(ctx)
    ja = ctx.lang == "ja"
    section(ctx, "high_findings")
    high = ctx.findings[ctx.findings["severity"] == "high"]
    cols = [
        "rule_id",
        "article" if ja else "article_en",
        "subject_id",
        "message_ja" if ja else "message_en",
        "fix" if ja else "fix_en",
    ]
    show(
        table(high, _cols(ctx, cols), max_rows=n, note="findings.csv")
        if len(high)
        else paragraph(_s(ctx)["none"])
    )
    section(ctx, "top_flows")
    rows = explain(ctx.risk, ctx.inv, "flows", ctx.risk.ranked("flows", n, residual=True), factors=False)
    show(
        table(rows, _cols(ctx, ["flow_id", "item_name", "partner_name", "residual_level", "residual_score"]))
    )


def actions(ctx: ReviewContext) -> None:
    section(ctx, "actions")
    a = actions_status(ctx.inv, ctx.as_of)
    order = pd.Categorical(a["state"], ["overdue", "open", "done", "cancelled"], ordered=True)
    a = a.assign(_o=order).sort_values(["_o", "due"]).assign(due=lambda d: d["due"].dt.date)
    show(
        table(a, _cols(ctx, ["action_id", "title", "refers_to", "owner", "due", "state"]))
        if len(a)
        else paragraph(_s(ctx)["none"])
    )


def _reports_dir(reports_dir: Any) -> Path | None:
    return Path(reports_dir) if reports_dir else None


def since_previous(ctx: ReviewContext, previous_period: str | None = None, reports_dir: Any = None) -> None:
    """What changed since the previous stored period: ledger rows, risk movement, findings."""
    from .report_data import since_previous as compare

    ja = ctx.lang == "ja"
    show(heading("前期からの変化" if ja else "Since the previous period"))
    found = compare(ctx, previous_period, _reports_dir(reports_dir))
    if found is None:
        show(
            paragraph(
                "比較できる前期のレポートがありません。"
                if ja
                else "No earlier period is stored to compare with."
            )
        )
        return
    prev, d = found
    c = d.counts()
    per_table = d.changes.drop_duplicates(["table", "key", "change"]).groupby(["table", "change"]).size()
    show(kpis([(f"{t} {ch}", int(n)) for (t, ch), n in per_table.items()]
              + [("リスク上昇" if ja else "risk up", c["risk_up"]), ("リスク低下" if ja else "risk down", c["risk_down"]),
                 ("新たな指摘" if ja else "findings opened", c["findings_opened"]),
                 ("解消した指摘" if ja else "findings resolved", c["findings_resolved"])]))  # fmt: skip
    if len(d.changes):
        show(heading("台帳の変更" if ja else "Ledger changes", 3))
        show(table(d.changes, {"table": "table", "key": "key", "change": "change", "column": "column", "old": "old", "new": "new"},
                   max_rows=40, note="privacy-inventory diff"))  # fmt: skip
    both = prev.flows[["flow_id", "residual_level"]].merge(
        ctx.risk.flows[["flow_id", "residual_level"]], on="flow_id"
    )
    if len(both):
        show(charts.level_movement(both["residual_level_x"], both["residual_level_y"],
                                   "残留リスクの水準の移動" if ja else "Movement of residual risk levels", ctx.lang))  # fmt: skip
    if len(d.flow_moves):
        reason = "new_reason_ja" if ja else "new_reason_en"
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
    if len(d.findings):
        show(heading("指摘の発生と解消" if ja else "Findings opened and resolved", 3))
        show(table(d.findings, {"change": "change", "rule_id": "rule", "subject_id": "subject", "severity": "severity",
                                "message_ja" if ja else "message_en": "finding"}, max_rows=30))  # fmt: skip


def trend(ctx: ReviewContext, reports_dir: Any = None) -> None:
    from .report_data import trend_table

    t = trend_table(ctx, _reports_dir(reports_dir))
    show(heading("推移" if ctx.lang == "ja" else "Trends"))
    if len(t) < 2:
        show(
            paragraph(
                "推移を示すには2期以上のレポートが必要です。"
                if ctx.lang == "ja"
                else "Trends need two or more periods."
            )
        )
    show(charts.trends(t, ctx.lang))


def action_register(ctx: ReviewContext) -> None:
    from .actions import register

    ja = ctx.lang == "ja"
    reg = register(ctx.inv, ctx.findings, ctx.risk.flows, ctx.as_of, tuple(ctx.model.high_levels))
    show(heading("処置の状況" if ja else "Action register", 3))
    labels = {"overdue": ("期限超過", "overdue"), "unaddressed_findings": ("処置のない重大度「高」の指摘", "high findings with no action"),
              "unaddressed_risks": ("処置のない高リスクのフロー（残留）", "high residual risks with no action"),
              "ready_to_close": ("指摘が解消し完了できる処置", "actions ready to close"),
              "closed_without_evidence": ("根拠なしに完了した処置", "closed without evidence")}  # fmt: skip
    show(kpis([(labels[k][0 if ja else 1], v) for k, v in reg.counts().items()]))
    if len(reg.unaddressed_findings):
        show(
            table(
                reg.unaddressed_findings,
                _cols(ctx, ["rule_id", "subject_id", "message_ja" if ja else "message_en"]),
            )
        )
    if len(reg.closed_without_evidence):
        show(table(reg.closed_without_evidence, _cols(ctx, ["action_id", "title", "refers_to"])))


def controls(ctx: ReviewContext) -> None:
    show(heading(_s(ctx)["controls"]))
    show(charts.controls_by_category(ctx.inv, ctx.lang))
    i = 0 if ctx.lang == "ja" else 1
    c = ctx.inv.controls.assign(
        category=ctx.inv.controls["category"].map(lambda k: CONTROL_CATEGORY.get(k, (k, k))[i])
    )
    show(table(c, {"control_id": "ID", "name": "措置" if i == 0 else "control", "category": "区分" if i == 0 else "category",
                   "applies_to": "範囲" if i == 0 else "scope", "status": "状態" if i == 0 else "status"}))  # fmt: skip


# --- 05 incident -------------------------------------------------------------------------------------


def incident(inventory_dir: Any, partner: str | None, items: str, department: str | None, flows: str,
             records: int | None, cause: str, discovered: str, malicious: bool, encrypted: bool):  # fmt: skip
    """Assess an incident described by the notebook's parameters; returns the assessment."""
    import datetime as dt

    from .incident import Incident, Selection, assess
    from .load import load_inventory, resolve_ledger_dir
    from .risk_model import load_model, model_path

    path = resolve_ledger_dir(inventory_dir)
    inv = load_inventory(path)
    split = lambda text: [x.strip() for x in (text or "").split(",") if x.strip()]  # noqa: E731
    inc = Incident(Selection(partner, split(items), department, split(flows)), cause, dt.date.fromisoformat(discovered),
                   records, malicious, encrypted)  # fmt: skip
    a = assess(inv, load_model(model_path(path)), inc)
    a.inv = inv
    return a


def incident_summary(a) -> None:
    from .incident import TRIGGER_JA

    e, appi = a.enisa, a.appi
    verdict = "報告・本人通知が必要" if appi["report_required"] else "報告は不要"
    show(
        f"<style>{CSS}</style>"
        + heading(f"{a.inv.org('name')} — 漏えい等事案の評価（{a.incident.discovered}）", 1)
    )
    show(kpis([("判定", verdict), ("本人の数", f"{a.people:,}"), ("ENISA SE", f"{e['se']:g}（{e['band_ja']}）"),
               ("確報の期限", appi.get("deadlines", {}).get("final_by", "—"))]))  # fmt: skip
    rows = [{"trigger": TRIGGER_JA[k], "hit": "該当" if v else "—"} for k, v in appi["triggers"].items()]
    show(table(pd.DataFrame(rows), {"trigger": "報告対象の事態（規則7条）", "hit": "判定"}))
    parts = pd.DataFrame([
        {"component": "DPC", "value": e["dpc"], "rule": e["dpc_rule"]},
        {"component": "EI", "value": e["ei"], "rule": e["ei_rule"]},
        {"component": "CB", "value": e["cb"], "rule": ", ".join(f"{k} {v:g}" for k, v in e["cb_parts"].items())},
        {"component": "SE = DPC × EI + CB", "value": e["se"], "rule": e["band"]},
    ])  # fmt: skip
    show(heading("重大度（ENISA 2013）", 3))
    show(table(parts, {"component": "要素", "value": "値", "rule": "根拠"}))
    show(heading("影響を受ける項目", 3))
    show(table(a.items, {"item_id": "ID", "name_ja": "項目", "category": "区分", "special_care": "要配慮",
                         "property_damage": "財産的被害", "my_number": "特定個人情報", "records": "件数"}))  # fmt: skip


def incident_chart(a) -> None:
    import plotly.graph_objects as go

    e = a.enisa
    fig = go.Figure(go.Bar(x=["DPC × EI", *[f"CB: {k}" for k in e["cb_parts"]]],
                           y=[e["dpc"] * e["ei"], *e["cb_parts"].values()], marker_color="#c62828"))  # fmt: skip
    fig.add_hline(y=0)
    show(charts._layout(fig, f"SE = {e['se']:g}（{e['band_ja']}）の内訳", height=320))


def incident_draft(a) -> None:
    from .incident import report_markdown

    show(heading("報告書の下書き（規則8条1項）", 3))
    show(
        "<pre style='white-space:pre-wrap'>" + __import__("html").escape(report_markdown(a, a.inv)) + "</pre>"
    )
