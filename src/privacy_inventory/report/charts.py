"""Plotly figures of the quarterly review, labelled in the report's language. Large ledgers are
aggregated (categories, kinds, top N) so a page stays small whatever the ledger's size."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..assess.risk import RiskResult
from ..assess.rules import Severity
from ..i18n import label, t
from ..ledger.inventory import Inventory
from ..ledger.schema import ControlCategory, ItemCategory, PartnerKind

FONT = "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"
LEVEL_PALETTE = ("#4caf50", "#ffc107", "#ff7043", "#c62828")  # lowest to highest risk level
SEVERITY_COLOURS = {Severity.info: "#90a4ae", Severity.low: "#4fc3f7", Severity.medium: "#ffb300",
                    Severity.high: "#e53935"}  # fmt: skip
MAX_NODES = 45  # beyond this a Sankey or heatmap aggregates to categories


def level_colours(levels: list[str] | tuple[str, ...]) -> dict[str, str]:
    """A colour per risk level, green for the lowest to red for the highest, whatever the model's levels."""
    n = len(levels)
    last = len(LEVEL_PALETTE) - 1
    return {lvl: LEVEL_PALETTE[round(i * last / max(1, n - 1))] for i, lvl in enumerate(levels)}


def _t(key: str, lang: str, **values: object) -> str:
    return t(f"chart.{key}", lang, **values)


def layout(fig: go.Figure, title: str, height: int = 420) -> go.Figure:
    fig.update_layout(title=title, font={"family": FONT, "size": 12}, height=height, margin={"l": 10, "r": 10, "t": 50, "b": 10},
                      template="plotly_white")  # fmt: skip
    return fig


def coverage_heatmap(inv: Inventory, lang: str = "ja") -> go.Figure:
    """Which item is used for which purpose (categories × purposes for large ledgers)."""
    uses = inv.uses.merge(inv.items[["item_id", "name_ja", "name_en", "category"]], on="item_id")
    if len(inv.items) > MAX_NODES:
        uses["row"] = uses["category"].map(lambda c: label(c, ItemCategory, lang))
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
    return layout(fig, _t("coverage", lang), height=max(380, 16 * len(grid) + 120))


def flow_sankey(inv: Inventory, lang: str = "ja") -> go.Figure:
    """Item → purpose → partner, weighted by flows (aggregated to categories and kinds when large)."""
    f = inv.flows.merge(inv.items[["item_id", "name_ja", "category"]], on="item_id").merge(
        inv.partners[["partner_id", "name", "kind"]], on="partner_id"
    )
    big = len(inv.items) > MAX_NODES or len(inv.partners) > MAX_NODES
    left = f["category"].map(lambda c: label(c, ItemCategory, lang)) if big else f["name_ja"]
    right = f["kind"].map(lambda k: label(k, PartnerKind, lang)) if big else f["name"]
    middle = f["purpose_id"].fillna(_t("statutory", lang))
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
    return layout(
        fig,
        _t("sankey", lang),
        height=max(500, 14 * max(len(first["a"].unique()), len(second["c"].unique())) + 150),
    )


def count_bars(counts: pd.Series, title: str, colour: str = "#1e88e5") -> go.Figure:
    fig = go.Figure(go.Bar(x=counts.to_numpy(), y=[str(i) for i in counts.index], orientation="h", marker_color=colour,
                           text=counts.to_numpy(), textposition="auto"))  # fmt: skip
    fig.update_yaxes(autorange="reversed")
    return layout(fig, title, height=max(260, 26 * len(counts) + 100))


def items_by_category(inv: Inventory, lang: str = "ja") -> go.Figure:
    counts = inv.items["category"].map(lambda c: label(c, ItemCategory, lang)).value_counts()
    return count_bars(counts, _t("by_category", lang))


def items_by_department(inv: Inventory, lang: str = "ja") -> go.Figure:
    names = inv.departments.set_index("department_id")["name_en" if lang == "en" else "name"]
    names = names.fillna(inv.departments.set_index("department_id")["name"])
    counts = inv.items["department_id"].map(names).value_counts()
    return count_bars(counts, _t("by_department", lang), "#5e35b1")


def items_special_care(inv: Inventory, lang: str = "ja") -> go.Figure:
    counts = (
        inv.items["special_care"]
        .fillna(False)
        .map({True: _t("yes", lang), False: _t("no", lang)})
        .value_counts()
    )
    return count_bars(counts, _t("special", lang), "#8e24aa")


def partners_by_kind(inv: Inventory, lang: str = "ja") -> go.Figure:
    counts = inv.partners["kind"].map(lambda k: label(k, PartnerKind, lang)).value_counts()
    return count_bars(counts, _t("by_kind", lang), "#00897b")


def risk_matrices(risk: RiskResult, lang: str = "ja") -> go.Figure:
    """Inherent and residual 4×4 severity × likelihood grids, side by side, cells coloured by level."""
    model = risk.model
    fig = make_subplots(
        rows=1, cols=2, subplot_titles=(_t("inherent", lang), _t("residual", lang)), horizontal_spacing=0.12
    )
    level_index = [[int(model.grid[s - 1, li - 1]) for li in (1, 2, 3, 4)] for s in (4, 3, 2, 1)]
    n = len(model.levels) - 1
    colours = level_colours(model.levels)
    scale = [[i / n, colours[lvl]] for i, lvl in enumerate(model.levels)]
    for col, residual in ((1, False), (2, True)):
        counts = risk.matrix_counts(residual=residual)
        fig.add_trace(go.Heatmap(
            z=level_index, x=["1", "2", "3", "4"], y=["4", "3", "2", "1"], zmin=0, zmax=n, colorscale=scale,
            showscale=False, text=counts.to_numpy(), texttemplate="%{text}", textfont={"size": 16},
            hovertemplate=_t("severity", lang) + " %{y} × " + _t("likelihood", lang) + " %{x}: %{text}<extra></extra>",
        ), row=1, col=col)  # fmt: skip
        fig.update_xaxes(title_text=_t("likelihood", lang), row=1, col=col)
        fig.update_yaxes(
            title_text=_t("severity", lang), autorange="reversed", row=1, col=col
        )  # severity 4 on top
    return layout(fig, "", height=400)


def partner_ranking(risk: RiskResult, inv: Inventory, lang: str = "ja", top: int = 15) -> go.Figure:
    p = risk.partners.head(top)
    fig = go.Figure(go.Bar(
        x=p["score"].astype(int), y=p["partner_id"] + " " + p["name"], orientation="h",
        marker_color=[level_colours(risk.model.levels)[str(lvl)] for lvl in p["level"]], text=p["level"].astype(str), textposition="auto",
        customdata=p["residual_score"].astype(int), hovertemplate="%{y}: %{x} (" + _t("residual_short", lang) + " %{customdata})<extra></extra>",
    ))  # fmt: skip
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text=_t("score", lang), range=[0, 16])
    return layout(fig, _t("partner_rank", lang), height=max(300, 26 * len(p) + 120))


def level_comparison(risk: RiskResult, lang: str = "ja") -> go.Figure:
    """Flows per level: inherent, residual, and with the planned controls (what-if)."""
    fig = go.Figure()
    for col, name in (
        ("level", _t("inherent_short", lang)),
        ("residual_level", _t("residual_short", lang)),
        ("whatif_level", _t("whatif_short", lang)),
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
    fig.update_yaxes(title_text=_t("flows", lang))
    return layout(fig, _t("whatif", lang), height=360)


def findings_by_rule(findings: pd.DataFrame, lang: str = "ja") -> go.Figure:
    rule_label = findings["rule_id"] + " " + (findings["article_en"] if lang == "en" else findings["article"])
    grid = pd.crosstab(rule_label, findings["severity"].astype(str))
    fig = go.Figure()
    for sev in reversed(Severity):
        if sev in grid:
            fig.add_trace(
                go.Bar(
                    name=str(sev),
                    y=list(grid.index),
                    x=grid[sev].to_numpy(),
                    orientation="h",
                    marker_color=SEVERITY_COLOURS[sev],
                )
            )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text=_t("findings", lang))
    return layout(fig, _t("findings_by_rule", lang), height=max(300, 24 * len(grid) + 120))


def controls_by_category(inv: Inventory, lang: str = "ja") -> go.Figure:
    c = inv.controls.assign(cat=inv.controls["category"].map(lambda k: label(k, ControlCategory, lang)))
    grid = pd.crosstab(c["cat"], c["status"])
    fig = go.Figure(
        [go.Bar(name=s, y=list(grid.index), x=grid[s].to_numpy(), orientation="h") for s in grid.columns]
    )
    fig.update_layout(barmode="stack")
    return layout(fig, _t("controls", lang), height=max(280, 28 * len(grid) + 120))


def level_movement(moves_from: pd.Series, moves_to: pd.Series, title: str, lang: str = "ja") -> go.Figure:
    """A Sankey of risk levels: last period's level (left) → this period's (right), for the same flows."""
    levels = (
        list(moves_to.cat.categories)
        if isinstance(moves_to.dtype, pd.CategoricalDtype)
        else sorted(set(moves_to))
    )
    n = len(levels)
    counts = pd.crosstab(moves_from.astype(str), moves_to.astype(str)).reindex(
        index=levels, columns=levels, fill_value=0
    )
    prev, now = _t("previous", lang), _t("now", lang)
    labels = [f"{prev}: {lvl}" for lvl in levels] + [f"{now}: {lvl}" for lvl in levels]
    src, dst, val, colours = [], [], [], []
    for i, a in enumerate(levels):
        for j, b in enumerate(levels):
            if counts.loc[a, b]:
                src.append(i)
                dst.append(n + j)
                val.append(int(counts.loc[a, b]))
                colours.append(
                    "rgba(198,40,40,0.45)"
                    if j > i
                    else "rgba(76,175,80,0.45)"
                    if j < i
                    else "rgba(150,150,150,0.3)"
                )
    node_colours = [level_colours(levels)[lvl] for lvl in levels] * 2
    fig = go.Figure(go.Sankey(node={"label": labels, "color": node_colours, "pad": 12},
                              link={"source": src, "target": dst, "value": val, "color": colours}))  # fmt: skip
    return layout(fig, title, height=380)


TREND_SERIES = ("high_risk_flows_residual", "open_findings", "overdue_actions", "items", "partners")


def trends(history: pd.DataFrame, lang: str = "ja") -> go.Figure:
    """Headline figures across the stored periods (one line each)."""
    fig = go.Figure()
    for col in TREND_SERIES:
        if col in history:
            fig.add_trace(go.Scatter(x=history["period"], y=history[col], mode="lines+markers+text",
                                     name=_t(f"trend_{col}", lang), text=history[col], textposition="top center"))  # fmt: skip
    fig.update_xaxes(type="category")
    return layout(fig, _t("trend", lang), height=420)
