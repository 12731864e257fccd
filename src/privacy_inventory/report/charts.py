"""Plotly figures of the reports, labelled in the report's language. Large ledgers are aggregated
(categories, kinds, top N) so a page stays small whatever the ledger's size."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go

from ..assess.incident import Band
from ..assess.risk import RiskResult
from ..assess.rules import REGISTRY, Severity
from ..i18n import label, t
from ..ledger.inventory import Inventory
from ..ledger.schema import ControlCategory, ControlStatus, ItemCategory, PartnerKind

if TYPE_CHECKING:
    from .labels import Names

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


def _short(text: str, n: int = 14) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


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
        name = uses["name_en"].fillna(uses["name_ja"]) if lang == "en" else uses["name_ja"]
        uses["row"] = uses["item_id"] + " " + name
    grid = pd.crosstab(uses["row"], uses["purpose_id"])
    rows = list(dict.fromkeys(uses.sort_values("item_id")["row"]))
    grid = grid.reindex(index=rows, columns=[p for p in inv.purposes["purpose_id"] if p in grid.columns])
    text = inv.purposes.set_index("purpose_id")["text_ja"]
    if lang == "en":
        text = inv.purposes.set_index("purpose_id")["text_en"].fillna(text)
    ticks = [f"{p} {_short(str(text.get(p, '')), 12)}" for p in grid.columns]
    fig = go.Figure(go.Heatmap(
        z=grid.to_numpy(), x=ticks, y=list(grid.index), colorscale="Blues", showscale=False, xgap=1, ygap=1,
        customdata=[[text.get(c, "") for c in grid.columns]] * len(grid),
        hovertemplate="%{y}<br>%{customdata}<extra></extra>",
    ))  # fmt: skip
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(tickangle=-60, automargin=True, side="top")
    return layout(fig, _t("coverage", lang), height=max(460, 17 * len(grid) + 260))


def flow_sankey(inv: Inventory, lang: str = "ja", max_nodes: int = MAX_NODES) -> go.Figure:
    """Item → purpose → partner, weighted by flows (aggregated to categories and kinds when large)."""
    big = len(inv.items) > max_nodes or len(inv.partners) > max_nodes
    # each item's and partner's node label is made once on its own table, not once per flow
    if big:
        item_shown = inv.items["category"].map(lambda c: label(c, ItemCategory, lang))
        partner_shown = inv.partners["kind"].map(lambda k: label(k, PartnerKind, lang))
    else:
        item_shown = (
            inv.items["name_en"].fillna(inv.items["name_ja"]) if lang == "en" else inv.items["name_ja"]
        )
        partner_shown = (
            inv.partners["name_en"].fillna(inv.partners["name"]) if lang == "en" else inv.partners["name"]
        )
    items = pd.DataFrame({"item_id": inv.items["item_id"], "a": "① " + item_shown.map(_short)})
    partners = pd.DataFrame(
        {"partner_id": inv.partners["partner_id"], "c": "③ " + partner_shown.map(lambda s: _short(s, 18))}
    )
    f = (
        inv.flows[["item_id", "purpose_id", "partner_id"]]
        .merge(items, on="item_id")
        .merge(partners, on="partner_id")
    )
    links = f.assign(b="② " + f["purpose_id"].fillna(_t("statutory", lang)))
    first = links.groupby(["a", "b"]).size().reset_index(name="n")
    second = links.groupby(["b", "c"]).size().reset_index(name="n")
    nodes = list(dict.fromkeys([*first["a"], *first["b"], *second["c"]]))
    index = {n: i for i, n in enumerate(nodes)}
    tallest = max(first["a"].nunique(), first["b"].nunique(), second["c"].nunique())
    fig = go.Figure(go.Sankey(
        arrangement="snap",
        node={"label": [n[2:] for n in nodes], "pad": 10, "thickness": 12, "line": {"width": 0}},
        link={"source": [index[x] for x in [*first["a"], *second["b"]]],
              "target": [index[x] for x in [*first["b"], *second["c"]]],
              "value": [*first["n"], *second["n"]], "color": "rgba(30,136,229,0.25)"},
        textfont={"size": 11},
    ))  # fmt: skip
    return layout(fig, _t("sankey", lang), height=max(520, 24 * tallest + 160))


def count_bars(counts: pd.Series, title: str, colour: str = "#1e88e5") -> go.Figure:
    fig = go.Figure(go.Bar(x=counts.to_numpy(), y=[str(i) for i in counts.index], orientation="h", marker_color=colour,
                           text=counts.to_numpy(), textposition="auto"))  # fmt: skip
    fig.update_yaxes(autorange="reversed", automargin=True)
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


def risk_map(risk: RiskResult, lang: str = "ja", table: str = "flows") -> go.Figure:
    """The CNIL-style risk map: severity (rows, 4 at the top) × likelihood (columns), each cell coloured by
    its level and holding the number of rows after the implemented controls (and before, in brackets);
    arrows show how rows moved from their inherent cell to their residual cell."""
    model = risk.model
    df = getattr(risk, table)
    levels = list(model.levels)
    colours = level_colours(levels)
    steps = (1, 2, 3, 4)
    scale_names = [f"{v} {model.scale_label(v, lang)}" for v in steps]
    inherent = pd.crosstab(df["severity"], df["likelihood"]).reindex(index=steps, columns=steps, fill_value=0)
    residual = pd.crosstab(df["residual_severity"], df["residual_likelihood"]).reindex(
        index=steps, columns=steps, fill_value=0
    )
    z = [[int(model.grid[s - 1, li - 1]) for li in steps] for s in steps]
    n = len(levels) - 1
    scale = [[i / n, colours[lvl]] for i, lvl in enumerate(levels)]
    text = [[f"<b>{residual.loc[s, li]}</b>" + (f" ({inherent.loc[s, li]})" if inherent.loc[s, li] != residual.loc[s, li] else "")
             for li in steps] for s in steps]  # fmt: skip
    hover = [[_t("cell_hover", lang, sev=scale_names[s - 1], lik=scale_names[li - 1],
                 level=model.level_label(levels[z[s - 1][li - 1]], lang), now=residual.loc[s, li], before=inherent.loc[s, li])
              for li in steps] for s in steps]  # fmt: skip
    fig = go.Figure(go.Heatmap(z=z, x=list(steps), y=list(steps), zmin=0, zmax=n, colorscale=scale, showscale=False,
                               text=text, texttemplate="%{text}", textfont={"size": 16}, xgap=3, ygap=3,
                               customdata=hover, hovertemplate="%{customdata}<extra></extra>"))  # fmt: skip
    moved = df[(df["severity"] != df["residual_severity"]) | (df["likelihood"] != df["residual_likelihood"])]
    moves = moved.groupby(["severity", "likelihood", "residual_severity", "residual_likelihood"]).size()
    biggest = moves.sort_values(ascending=False).head(8)
    heaviest = max(int(biggest.max()), 1) if len(biggest) else 1
    for (s0, l0, s1, l1), count in biggest.items():
        # drawn below the numbers, from the inherent cell to the residual cell
        fig.add_annotation(x=l1 + 0.12, y=s1 - 0.27, ax=l0 - 0.12, ay=s0 - 0.27, xref="x", yref="y", axref="x", ayref="y",
                           showarrow=True, arrowhead=2, arrowsize=1, arrowwidth=1.2 + 2.5 * count / heaviest,
                           arrowcolor="rgba(31,41,51,0.6)", text="")  # fmt: skip
    for lvl in levels:  # the legend: one swatch per level
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=model.level_label(lvl, lang),
                                 marker={"size": 14, "symbol": "square", "color": colours[lvl]}, showlegend=True))  # fmt: skip
    fig.update_xaxes(title_text=_t("likelihood_axis", lang), tickvals=list(steps), ticktext=scale_names, range=[0.5, 4.5],
                     showgrid=False, zeroline=False, automargin=True)  # fmt: skip
    fig.update_yaxes(title_text=_t("severity_axis", lang), tickvals=list(steps), ticktext=scale_names, range=[0.5, 4.5],
                     showgrid=False, zeroline=False, automargin=True)  # fmt: skip
    fig.update_layout(legend={"orientation": "h", "y": -0.2, "yanchor": "top", "x": 0, "title": {"text": _t("legend", lang)}},
                      plot_bgcolor="#fff")  # fmt: skip
    fig = layout(fig, _t(f"map_title_{table}", lang), height=580)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 50, "b": 90})
    return fig


def partner_ranking(risk: RiskResult, names: Names, lang: str = "ja", top: int = 15) -> go.Figure:
    p = risk.partners.head(top)
    colours = level_colours(risk.model.levels)
    shown = (
        p["partner_id"] + " " + names.of("partners", p["partner_id"]).map(lambda s: _short(s, 22)).to_numpy()
    )
    fig = go.Figure(go.Bar(
        x=p["score"].astype(int), y=shown, orientation="h",
        marker_color=[colours[str(lvl)] for lvl in p["level"]],
        text=[risk.model.level_label(str(lvl), lang) for lvl in p["level"]], textposition="auto",
        customdata=p["residual_score"].astype(int), hovertemplate="%{y}: %{x} (" + _t("residual_short", lang) + " %{customdata})<extra></extra>",
    ))  # fmt: skip
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=_t("score", lang), range=[0, 16])
    return layout(fig, _t("partner_rank", lang), height=max(300, 26 * len(p) + 120))


def level_comparison(risk: RiskResult, lang: str = "ja") -> go.Figure:
    """Flows per level: inherent, residual, and with the planned controls (what-if)."""
    fig = go.Figure()
    levels = list(risk.model.levels)
    shown = [risk.model.level_label(lvl, lang) for lvl in levels]
    for col, name, colour in (("level", "inherent_short", "#90a4ae"), ("residual_level", "residual_short", "#1e88e5"),
                              ("whatif_level", "whatif_short", "#43a047")):  # fmt: skip
        counts = risk.flows[col].value_counts().reindex(levels, fill_value=0)
        fig.add_trace(go.Bar(name=_t(name, lang), x=shown, y=counts.to_numpy(), text=counts.to_numpy(),
                             textposition="auto", marker_color=colour))  # fmt: skip
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text=_t("flows", lang))
    return layout(fig, _t("whatif", lang), height=360)


def findings_by_rule(findings: pd.DataFrame, lang: str = "ja") -> go.Figure:
    def title(rule_id: str) -> str:
        r = REGISTRY.get(rule_id)
        return _short((r.title_ja if lang == "ja" else r.title_en) if r else rule_id, 24)

    rule_label = findings["rule_id"].map(title)
    grid = pd.crosstab(rule_label, findings["severity"].astype(str))
    fig = go.Figure()
    for sev in reversed(Severity):
        if sev in grid:
            fig.add_trace(go.Bar(name=sev.label(lang), y=list(grid.index), x=grid[sev].to_numpy(), orientation="h",
                                 marker_color=SEVERITY_COLOURS[sev]))  # fmt: skip
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"})
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=_t("findings", lang))
    return layout(fig, _t("findings_by_rule", lang), height=max(300, 26 * len(grid) + 140))


def controls_by_category(inv: Inventory, lang: str = "ja") -> go.Figure:
    c = inv.controls.assign(cat=inv.controls["category"].map(lambda k: label(k, ControlCategory, lang)))
    grid = pd.crosstab(c["cat"], c["status"])
    fig = go.Figure([go.Bar(name=label(s, ControlStatus, lang), y=list(grid.index), x=grid[s].to_numpy(), orientation="h")
                     for s in grid.columns])  # fmt: skip
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.15, "yanchor": "top"})
    fig.update_yaxes(automargin=True)
    return layout(fig, _t("controls", lang), height=max(320, 30 * len(grid) + 160))


def level_movement(moves_from: pd.Series, moves_to: pd.Series, title: str, lang: str = "ja",
                   names: dict[str, str] | None = None) -> go.Figure:  # fmt: skip
    """A Sankey of risk levels: last period's level (left) → this period's (right), for the same flows."""
    levels = (
        list(moves_to.cat.categories)
        if isinstance(moves_to.dtype, pd.CategoricalDtype)
        else sorted(set(moves_to))
    )
    names = names or {lvl: lvl for lvl in levels}
    n = len(levels)
    counts = pd.crosstab(moves_from.astype(str), moves_to.astype(str)).reindex(
        index=levels, columns=levels, fill_value=0
    )
    prev, now = _t("previous", lang), _t("now", lang)
    labels = [f"{prev}: {names[lvl]}" for lvl in levels] + [f"{now}: {names[lvl]}" for lvl in levels]
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
    fig.update_layout(legend={"orientation": "h", "y": -0.15})
    return layout(fig, _t("trend", lang), height=420)


def incident_parts(enisa: dict, lang: str = "ja") -> go.Figure:
    """SE = DPC × EI + CB as bars: the data part and each circumstance."""
    parts = {_t("dpc_times_ei", lang): enisa["dpc"] * enisa["ei"]}
    parts |= {_t(f"cb_{k}", lang): v for k, v in enisa["cb_parts"].items()}
    fig = go.Figure(go.Bar(x=list(parts), y=list(parts.values()), marker_color="#c62828",
                           text=[f"{v:g}" for v in parts.values()], textposition="auto"))  # fmt: skip
    fig.add_hline(y=0)
    band = label(enisa["band"], Band, lang)
    return layout(fig, _t("se_parts", lang, se=f"{enisa['se']:g}", band=band), height=320)
