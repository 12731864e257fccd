"""Plotly figures of the quarterly review, labelled in the report's language. Large ledgers are
aggregated (categories, kinds, top N) so a page stays small whatever the ledger's size."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .inventory import Inventory
from .risk import RiskResult
from .schema import CONTROL_CATEGORY, ITEM_CATEGORY, PARTNER_KIND

FONT = "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"
LEVEL_COLOURS = {"low": "#4caf50", "medium": "#ffc107", "high": "#ff7043", "critical": "#c62828"}
SEVERITY_COLOURS = {"info": "#90a4ae", "low": "#4fc3f7", "medium": "#ffb300", "high": "#e53935"}
MAX_NODES = 45  # beyond this a Sankey or heatmap aggregates to categories

L = {
    "ja": {
        "items": "項目", "purposes": "利用目的", "partners": "提供先", "count": "件数", "flows": "フロー数",
        "coverage": "項目×利用目的", "sankey": "項目 → 利用目的 → 提供先", "by_category": "区分別の項目数",
        "by_department": "部門別の項目数", "special": "要配慮個人情報", "yes": "該当", "no": "非該当",
        "by_kind": "種別ごとの提供先", "severity": "重大度", "likelihood": "発生可能性",
        "inherent": "固有リスク", "residual": "残留リスク（実施済の対策後）", "partner_rank": "提供先のリスク（上位）",
        "score": "スコア", "findings_by_rule": "条文別・重大度別の指摘", "findings": "指摘数",
        "whatif": "計画中の対策を実施した場合", "level": "リスク水準", "whatif_short": "計画実施後",
        "inherent_short": "固有", "residual_short": "残留", "statutory": "法令に基づく提供（目的なし）",
        "category": "区分", "controls": "区分別の安全管理措置", "status": "状態",
    },
    "en": {
        "items": "items", "purposes": "purposes", "partners": "partners", "count": "count", "flows": "flows",
        "coverage": "Items × purposes", "sankey": "Item → purpose → partner", "by_category": "Items by category",
        "by_department": "Items by department", "special": "Special-care information", "yes": "yes", "no": "no",
        "by_kind": "Partners by kind", "severity": "severity", "likelihood": "likelihood",
        "inherent": "Inherent risk", "residual": "Residual risk (after implemented controls)",
        "partner_rank": "Partner risk (top)", "score": "score", "findings_by_rule": "Findings by article and severity",
        "findings": "findings", "whatif": "If the planned controls were implemented", "level": "risk level",
        "whatif_short": "what-if", "inherent_short": "inherent", "residual_short": "residual",
        "statutory": "statutory provision (no purpose)", "category": "category",
        "controls": "Controls by category", "status": "status",
    },
}  # fmt: skip


def _layout(fig: go.Figure, title: str, height: int = 420) -> go.Figure:
    fig.update_layout(title=title, font={"family": FONT, "size": 12}, height=height, margin={"l": 10, "r": 10, "t": 50, "b": 10},
                      template="plotly_white")  # fmt: skip
    return fig


def _label(mapping: dict, key: str, lang: str) -> str:
    return mapping.get(key, (key, key))[0 if lang == "ja" else 1]


def coverage_heatmap(inv: Inventory, lang: str = "ja") -> go.Figure:
    """Which item is used for which purpose (categories × purposes for large ledgers)."""
    t = L[lang]
    uses = inv.uses.merge(inv.items[["item_id", "name_ja", "name_en", "category"]], on="item_id")
    if len(inv.items) > MAX_NODES:
        uses["row"] = uses["category"].map(lambda c: _label(ITEM_CATEGORY, c, lang))
    else:
        uses["row"] = (
            uses["item_id"]
            + " "
            + (uses["name_en"].fillna(uses["name_ja"]) if lang == "en" else uses["name_ja"])
        )
    grid = pd.crosstab(uses["row"], uses["purpose_id"])
    rows = list(dict.fromkeys(uses.sort_values("item_id")["row"]))
    grid = grid.reindex(index=rows, columns=[p for p in inv.purposes["purpose_id"] if p in grid.columns])
    purpose_text = inv.purposes.set_index("purpose_id")["text_en" if lang == "en" else "text_ja"]
    fig = go.Figure(go.Heatmap(
        z=grid.to_numpy(), x=list(grid.columns), y=list(grid.index), colorscale="Blues", showscale=False,
        customdata=[[purpose_text.get(c, "") for c in grid.columns]] * len(grid),
        hovertemplate="%{y}<br>%{x}: %{customdata}<extra>%{z}</extra>",
    ))  # fmt: skip
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, t["coverage"], height=max(380, 16 * len(grid) + 120))


def flow_sankey(inv: Inventory, lang: str = "ja") -> go.Figure:
    """Item → purpose → partner, weighted by flows (aggregated to categories and kinds when large)."""
    t = L[lang]
    f = inv.flows.merge(inv.items[["item_id", "name_ja", "category"]], on="item_id").merge(
        inv.partners[["partner_id", "name", "kind"]], on="partner_id"
    )
    big = len(inv.items) > MAX_NODES or len(inv.partners) > MAX_NODES
    left = f["category"].map(lambda c: _label(ITEM_CATEGORY, c, lang)) if big else f["name_ja"]
    right = f["kind"].map(lambda k: _label(PARTNER_KIND, k, lang)) if big else f["name"]
    middle = f["purpose_id"].fillna(t["statutory"])
    links = pd.DataFrame({"a": "① " + left, "b": "② " + middle, "c": "③ " + right})
    first = links.groupby(["a", "b"]).size().reset_index(name="n")
    second = links.groupby(["b", "c"]).size().reset_index(name="n")
    nodes = list(dict.fromkeys([*first["a"], *first["b"], *second["c"]]))
    index = {n: i for i, n in enumerate(nodes)}
    fig = go.Figure(go.Sankey(
        node={"label": [n[2:] for n in nodes], "pad": 8, "thickness": 12},
        link={"source": [index[x] for x in [*first["a"], *second["b"]]],
              "target": [index[x] for x in [*first["b"], *second["c"]]],
              "value": [*first["n"], *second["n"]]},
    ))  # fmt: skip
    return _layout(
        fig, t["sankey"], height=max(500, 14 * max(len(first["a"].unique()), len(second["c"].unique())) + 150)
    )


def count_bars(counts: pd.Series, title: str, colour: str = "#1e88e5") -> go.Figure:
    fig = go.Figure(go.Bar(x=counts.to_numpy(), y=[str(i) for i in counts.index], orientation="h", marker_color=colour,
                           text=counts.to_numpy(), textposition="auto"))  # fmt: skip
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, title, height=max(260, 26 * len(counts) + 100))


def items_by_category(inv: Inventory, lang: str = "ja") -> go.Figure:
    counts = inv.items["category"].map(lambda c: _label(ITEM_CATEGORY, c, lang)).value_counts()
    return count_bars(counts, L[lang]["by_category"])


def items_by_department(inv: Inventory, lang: str = "ja") -> go.Figure:
    names = inv.departments.set_index("department_id")["name_en" if lang == "en" else "name"]
    names = names.fillna(inv.departments.set_index("department_id")["name"])
    counts = inv.items["department_id"].map(names).value_counts()
    return count_bars(counts, L[lang]["by_department"], "#5e35b1")


def items_special_care(inv: Inventory, lang: str = "ja") -> go.Figure:
    t = L[lang]
    counts = inv.items["special_care"].fillna(False).map({True: t["yes"], False: t["no"]}).value_counts()
    return count_bars(counts, t["special"], "#8e24aa")


def partners_by_kind(inv: Inventory, lang: str = "ja") -> go.Figure:
    counts = inv.partners["kind"].map(lambda k: _label(PARTNER_KIND, k, lang)).value_counts()
    return count_bars(counts, L[lang]["by_kind"], "#00897b")


def risk_matrices(risk: RiskResult, lang: str = "ja") -> go.Figure:
    """Inherent and residual 4×4 severity × likelihood grids, side by side, cells coloured by level."""
    t = L[lang]
    model = risk.model
    fig = make_subplots(
        rows=1, cols=2, subplot_titles=(t["inherent"], t["residual"]), horizontal_spacing=0.12
    )
    level_index = [[int(model.grid[s - 1, li - 1]) for li in (1, 2, 3, 4)] for s in (4, 3, 2, 1)]
    n = len(model.levels) - 1
    scale = [[i / n, LEVEL_COLOURS.get(lvl, "#999")] for i, lvl in enumerate(model.levels)]
    for col, residual in ((1, False), (2, True)):
        counts = risk.matrix_counts(residual=residual)
        fig.add_trace(go.Heatmap(
            z=level_index, x=["1", "2", "3", "4"], y=["4", "3", "2", "1"], zmin=0, zmax=n, colorscale=scale,
            showscale=False, text=counts.to_numpy(), texttemplate="%{text}", textfont={"size": 16},
            hovertemplate=t["severity"] + " %{y} × " + t["likelihood"] + " %{x}: %{text}<extra></extra>",
        ), row=1, col=col)  # fmt: skip
        fig.update_xaxes(title_text=t["likelihood"], row=1, col=col)
        fig.update_yaxes(title_text=t["severity"], autorange="reversed", row=1, col=col)  # severity 4 on top
    return _layout(fig, "", height=400)


def partner_ranking(risk: RiskResult, inv: Inventory, lang: str = "ja", top: int = 15) -> go.Figure:
    t = L[lang]
    p = risk.partners.head(top)
    fig = go.Figure(go.Bar(
        x=p["score"].astype(int), y=p["partner_id"] + " " + p["name"], orientation="h",
        marker_color=[LEVEL_COLOURS[str(lvl)] for lvl in p["level"]], text=p["level"].astype(str), textposition="auto",
        customdata=p["residual_score"].astype(int), hovertemplate="%{y}: %{x} (" + t["residual_short"] + " %{customdata})<extra></extra>",
    ))  # fmt: skip
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text=t["score"], range=[0, 16])
    return _layout(fig, t["partner_rank"], height=max(300, 26 * len(p) + 120))


def level_comparison(risk: RiskResult, lang: str = "ja") -> go.Figure:
    """Flows per level: inherent, residual, and with the planned controls (what-if)."""
    t = L[lang]
    fig = go.Figure()
    for col, name in (
        ("level", t["inherent_short"]),
        ("residual_level", t["residual_short"]),
        ("whatif_level", t["whatif_short"]),
    ):
        counts = risk.flows[col].value_counts().reindex(list(risk.model.levels), fill_value=0)
        fig.add_trace(
            go.Bar(
                name=name,
                x=list(counts.index),
                y=counts.to_numpy(),
                text=counts.to_numpy(),
                textposition="auto",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text=t["flows"])
    return _layout(fig, t["whatif"], height=360)


def findings_by_rule(findings: pd.DataFrame, lang: str = "ja") -> go.Figure:
    t = L[lang]
    label = findings["rule_id"] + " " + (findings["article_en"] if lang == "en" else findings["article"])
    grid = pd.crosstab(label, findings["severity"].astype(str))
    fig = go.Figure()
    for sev in ("high", "medium", "low", "info"):
        if sev in grid:
            fig.add_trace(
                go.Bar(
                    name=sev,
                    y=list(grid.index),
                    x=grid[sev].to_numpy(),
                    orientation="h",
                    marker_color=SEVERITY_COLOURS[sev],
                )
            )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text=t["findings"])
    return _layout(fig, t["findings_by_rule"], height=max(300, 24 * len(grid) + 120))


def controls_by_category(inv: Inventory, lang: str = "ja") -> go.Figure:
    t = L[lang]
    c = inv.controls.assign(cat=inv.controls["category"].map(lambda k: _label(CONTROL_CATEGORY, k, lang)))
    grid = pd.crosstab(c["cat"], c["status"])
    fig = go.Figure(
        [go.Bar(name=s, y=list(grid.index), x=grid[s].to_numpy(), orientation="h") for s in grid.columns]
    )
    fig.update_layout(barmode="stack")
    return _layout(fig, t["controls"], height=max(280, 28 * len(grid) + 120))


def level_movement(moves_from: pd.Series, moves_to: pd.Series, title: str, lang: str = "ja") -> go.Figure:
    """A Sankey of risk levels: last period's level (left) → this period's (right), for the same flows."""
    levels = ["low", "medium", "high", "critical"]
    counts = pd.crosstab(moves_from.astype(str), moves_to.astype(str)).reindex(
        index=levels, columns=levels, fill_value=0
    )
    prev, now = ("前期", "今期") if lang == "ja" else ("previous", "now")
    labels = [f"{prev}: {lvl}" for lvl in levels] + [f"{now}: {lvl}" for lvl in levels]
    src, dst, val, colours = [], [], [], []
    for i, a in enumerate(levels):
        for j, b in enumerate(levels):
            if counts.loc[a, b]:
                src.append(i)
                dst.append(4 + j)
                val.append(int(counts.loc[a, b]))
                colours.append(
                    "rgba(198,40,40,0.45)"
                    if j > i
                    else "rgba(76,175,80,0.45)"
                    if j < i
                    else "rgba(150,150,150,0.3)"
                )
    fig = go.Figure(go.Sankey(node={"label": labels, "color": [LEVEL_COLOURS[lvl] for lvl in levels] * 2, "pad": 12},
                              link={"source": src, "target": dst, "value": val, "color": colours}))  # fmt: skip
    return _layout(fig, title, height=380)


def trends(history: pd.DataFrame, lang: str = "ja") -> go.Figure:
    """Headline figures across the stored periods (one line each)."""
    names = {
        "high_risk_flows_residual": ("高以上のフロー（残留）", "high+ flows (residual)"),
        "open_findings": ("指摘（高・中）", "findings (high, medium)"),
        "overdue_actions": ("期限超過の処置", "overdue actions"),
        "items": ("項目", "items"),
        "partners": ("提供先", "partners"),
    }
    i = 0 if lang == "ja" else 1
    fig = go.Figure()
    for col, label in names.items():
        if col in history:
            fig.add_trace(go.Scatter(x=history["period"], y=history[col], mode="lines+markers+text", name=label[i],
                                     text=history[col], textposition="top center"))  # fmt: skip
    fig.update_xaxes(type="category")
    return _layout(fig, "期間ごとの推移" if lang == "ja" else "Trend across periods", height=420)
