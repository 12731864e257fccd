"""What the report notebooks call: one section per call, each returning what it shows.

A cell reads like `cells.top_flows(ctx, n=15, level="high")`: an analyst changes an argument and runs it
again. Each function returns a `Table` (its rows in `.frame`), a `Chart` (`.figure`), `Cards` or `Html`,
which show themselves in JupyterLab and in the exported page alike (report/display.py). Key figures are
printed as plain text for nbval and are not shown in the exported page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from ..assess.actions import ActionState, actions_status, register
from ..assess.diff import Change, FindingChange, JointUseChange, Movement, NoticeTiming
from ..assess.explain import explain, worst
from ..assess.incident import (
    Incident,
    IncidentAssessment,
    Selection,
    assess_incident,
    circumstance_lines,
    duty_lines,
    report_markdown,
    verdict,
)
from ..assess.incident_register import DutyStatus
from ..assess.incident_review import PeriodRole
from ..assess.model import load_model, model_path
from ..assess.notice import Difference, PolicyPoint, build_notice, compare_with_policy, differences
from ..assess.pipeline import load_inventory
from ..assess.rules import SEVERITIES, Severity
from ..i18n import Vocabulary, label, t
from ..ledger.inventory import Inventory
from ..ledger.load import resolve_ledger_dir
from ..ledger.schema import (
    Band,
    Basis,
    Cause,
    ControlCategory,
    ControlStatus,
    Duty,
    IncidentStatus,
    ItemCategory,
    PartnerKind,
)
from ..ledger.textio import read_text
from ..paths import bundled_inventory, default_reports_dir
from . import charts
from .context import (
    TOP_N,
    ReviewContext,
    build_context,
    headline,
    headline_delta,
    incident_figures,
    period_incidents,
    previous_headline,
    since_previous,
    trend_table,
)
from .display import Card, Cards, Chart, Col, Group, Html, Table, interactive_tables
from .html import css, render_fragment
from .labels import Names, reference, remedies, rule_title

__all__ = ["Chart", "Table"]
SUBJECTS_LISTED = 25  # subjects listed under a finding group; the rest are counted (findings.csv has all)


def context(
    inventory_dir: Any = None, period: str = "2026Q4", lang: str = "ja", snapshot_dir: Any = None
) -> ReviewContext:
    """The review of `period` in `lang`: read from a report's snapshot, or computed from the ledger."""
    return build_context(inventory_dir, period, lang, snapshot_dir)


def _reports_dir(reports_dir: Any) -> Path | None:
    """The folder of stored periods: the one given, else the checkout's reports/ (or ./reports)."""
    return Path(reports_dir) if reports_dir else default_reports_dir()


def _names(ctx: ReviewContext) -> Names:
    if "names" not in ctx.cache:
        ctx.cache["names"] = Names(ctx.inv, ctx.lang)
    return ctx.cache["names"]


def _levels(ctx: ReviewContext) -> dict[str, str]:
    return {lvl: ctx.model.level_label(lvl, ctx.lang) for lvl in ctx.model.levels}


def _tx(ctx: ReviewContext, key: str, **values: object) -> str:
    return t(key, ctx.lang, **values)


def _col(ctx: ReviewContext, name: str, kind: str = "text", vocabulary: type[Vocabulary] | None = None,
         wide: bool = False, header: str | None = None) -> Col:  # fmt: skip
    return Col(name, header or _tx(ctx, f"col.{name}"), kind, vocabulary, wide)


def page(ctx: ReviewContext, name: str) -> Html:
    """The page's title and the styles and script its tables need (once per page)."""
    org = ctx.inv.display_name(ctx.lang)
    title = _tx(ctx, "cell.page_title", org=org, page=_tx(ctx, f"page.{name}"), period=str(ctx.period))
    subtitle = _tx(ctx, "cell.as_of_line", as_of=ctx.as_of.isoformat(), ledger=_ledger_name(ctx))
    head = f"<style>{css(ctx.model.levels)}</style>" + interactive_tables(ctx.lang).html
    return Html(head + render_fragment("heading", text=title, level=1) + render_fragment("paragraph", text=subtitle,
                                                                                           cls="pi-note"))  # fmt: skip


def _ledger_name(ctx: ReviewContext) -> str:
    """The ledger a page was made from: the bundled example, or its folder's name."""
    path = ctx.inv.path
    bundled = str(path) == "(bundled)" or (path.exists() and path.resolve() == bundled_inventory().resolve())
    return _tx(ctx, "cell.bundled_ledger") if bundled else (path.name or "-")


def key_figures(
    ctx: ReviewContext, page: str, previous_period: str | None = None, reports_dir: Any = None
) -> None:
    """Plain-text figures that nbval compares: a changed number fails CI. Not shown in the exported page."""
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


def headline_cards(ctx: ReviewContext, reports_dir: Any = None, which: str = "review") -> Cards:
    """Headline figures with their change since the previous stored period (▲ worse in red, ▼ in green)."""
    h = headline(ctx)
    prev = previous_headline(ctx, _reports_dir(reports_dir))
    spec = {
        "inventory": [("items", ("items",), False, "01_inventory.html#items"),
                      ("special_care_items", ("special_care_items",), True, "01_inventory.html#items"),
                      ("purposes", ("purposes",), False, "01_inventory.html#coverage"),
                      ("partners", ("partners",), False, "01_inventory.html#partners"),
                      ("flows", ("flows",), False, "01_inventory.html#flows")],
        "risk": [("high_inherent", ("high_risk_flows",), True, "#top-flows"),
                 ("high_residual", ("high_risk_flows_residual",), True, "#top-flows"),
                 ("flows", ("flows",), False, "01_inventory.html#flows")],
        "compliance": [(f"findings_{s}", ("findings", s), True, f"#severity-{s}") for s in reversed(SEVERITIES[1:])],
        "review": [("high_residual", ("high_risk_flows_residual",), True, "02_risk.html#top-flows"),
                   ("findings_high", ("findings", "high"), True, "03_compliance.html#severity-high"),
                   ("findings_medium", ("findings", "medium"), True, "03_compliance.html#severity-medium"),
                   ("overdue", ("actions", "overdue"), True, "#actions"),
                   ("items", ("items",), False, "01_inventory.html#items"),
                   ("partners", ("partners",), False, "01_inventory.html#partners")],
    }[which]  # fmt: skip
    return figure_cards(h, prev, spec, ctx.lang)


CardSpec = tuple[str, tuple[str, ...], bool, str]  # text key kpi.<key>, path in the headline, worse up, link


def figure_cards(h: dict, prev: tuple[str, dict] | None, spec: list[CardSpec], lang: str) -> Cards:
    """One card per figure of the headline, with its change since the previous period's headline."""
    before = prev[1] if prev else None
    cards = []
    for key, path, worse_up, href in spec:
        value: Any = h
        for p in path:
            value = value[p]
        cards.append(Card(t(f"kpi.{key}", lang), value, headline_delta(h, before, *path), worse_up, href))
    return Cards(cards, lang, previous=prev[0] if prev else None)


# --- 01 inventory ------------------------------------------------------------------------------------


def coverage(ctx: ReviewContext) -> Chart:
    """Which item is used for which purpose (categories × purposes for large ledgers)."""
    return Chart(charts.coverage_heatmap(ctx.inv, ctx.lang), anchor="coverage")


def flow_map(ctx: ReviewContext, max_nodes: int = charts.MAX_NODES) -> Chart:
    """Item → purpose → partner, weighted by flows; aggregated to categories and kinds above max_nodes."""
    return Chart(charts.flow_sankey(ctx.inv, ctx.lang, max_nodes), anchor="flows")


def composition(ctx: ReviewContext, by: str = "category") -> Chart:
    """Items by category, department or special care; partners by kind (by="partner_kind")."""
    draw = {"category": charts.items_by_category, "department": charts.items_by_department,
            "special_care": charts.items_special_care, "partner_kind": charts.partners_by_kind}[by]  # fmt: skip
    return Chart(draw(ctx.inv, ctx.lang))


def items(ctx: ReviewContext, category: str | None = None, special_care: bool | None = None) -> Table:
    """The ledger's items, with category, special care, people and department."""
    df = ctx.inv.items
    if category is not None:
        df = df[df["category"] == category]
    if special_care is not None:
        df = df[df["special_care"].fillna(False) == special_care]
    names = _names(ctx)
    rows = df.assign(name=names.of("items", df["item_id"]).to_numpy(),
                     department=names.of("departments", df["department_id"]).to_numpy(),
                     origin=df["source"].map(names.source))  # fmt: skip
    cols = [_col(ctx, "item_id", "id"), _col(ctx, "name", header=_tx(ctx, "col.item")),
            _col(ctx, "category", "vocab", ItemCategory), _col(ctx, "special_care", "bool"),
            _col(ctx, "my_number", "bool"), _col(ctx, "records", "num"), _col(ctx, "department"),
            _col(ctx, "origin")]  # fmt: skip
    return Table(rows, cols, ctx.lang, _tx(ctx, "cell.items"), row_id=("item_id", "item"), anchor="items")


def partners(ctx: ReviewContext, kind: str | None = None) -> Table:
    """Joint users, outsourcees and other recipients, with contract and inspection dates."""
    df = ctx.inv.partners if kind is None else ctx.inv.partners[ctx.inv.partners["kind"] == kind]
    names = _names(ctx)
    rows = df.assign(
        name=names.of("partners", df["partner_id"]).to_numpy(), origin=df["source"].map(names.source)
    )
    cols = [_col(ctx, "partner_id", "id"), _col(ctx, "name", header=_tx(ctx, "col.partner")),
            _col(ctx, "kind", "vocab", PartnerKind), _col(ctx, "country"), _col(ctx, "contract_date", "date"),
            _col(ctx, "last_inspection", "date"), _col(ctx, "origin")]  # fmt: skip
    return Table(rows, cols, ctx.lang, _tx(ctx, "cell.partners_table"), row_id=("partner_id", "partner"),
                 anchor="partners")  # fmt: skip


# --- 02 risk -----------------------------------------------------------------------------------------


def risk_map(ctx: ReviewContext, table: str = "flows") -> Group:
    """Severity × likelihood with words on the axes; how many flows sit in each cell after the implemented
    controls, and arrows showing where they came from (inherent → residual)."""
    chart = Chart(charts.risk_map(ctx.risk, ctx.lang, table), anchor="risk-map")
    return Group([chart, Html(render_fragment("paragraph", text=_tx(ctx, "chart.map_note"), cls="pi-note"))])


def top_flows(ctx: ReviewContext, n: int = TOP_N, level: str | None = None, department: str | None = None,
              partner: str | None = None, residual: bool = False) -> Table:  # fmt: skip
    """The worst flows (inherent risk, or residual=True), with why and what would lower each; filter by
    level or worse, by the item's department, or by partner."""
    f = ctx.risk.flows
    if department is not None:
        f = f[f["item_id"].isin(ctx.inv.items.loc[ctx.inv.items["department_id"] == department, "item_id"])]
    if partner is not None:
        f = f[f["partner_id"] == partner]
    level_col = "residual_level" if residual else "level"
    if level is not None:
        f = f[f[level_col] >= level]
    rows = explain(ctx.risk, ctx.inv, "flows", ctx.risk.ranked("flows", n, residual) if f is ctx.risk.flows
                   else _rank(ctx, f, n, residual), factors=False)  # fmt: skip
    names = _names(ctx)
    rows = rows.assign(
        what=names.flow(rows).to_numpy(),
        reason=rows[f"reason_{ctx.lang}"],
        remedy=remedies(ctx.model, _names(ctx), rows),
    )
    cols = [_col(ctx, "flow_id", "id"), _col(ctx, "what", wide=True), _col(ctx, "basis", "vocab", Basis),
            _col(ctx, "level", "level"), _col(ctx, "residual_level", "level"), _col(ctx, "reason", wide=True),
            _col(ctx, "remedy", wide=True)]  # fmt: skip
    title = _tx(ctx, "cell.top_flows_residual" if residual else "cell.top_flows")
    return Table(rows, cols, ctx.lang, title, levels=_levels(ctx), row_id=("flow_id", "flow"), total=len(f),
                 csv="scores.csv", anchor="top-flows")  # fmt: skip


def _rank(ctx: ReviewContext, f: pd.DataFrame, n: int, residual: bool) -> pd.DataFrame:
    from ..assess.risk import rank_rows

    return rank_rows(f, "flow_id", n, "residual_" if residual else "")


def top_items(ctx: ReviewContext, n: int = TOP_N, level: str | None = None) -> Table:
    """The worst items: each at the risk of its worst flow (or at rest when it goes nowhere)."""
    rows = worst(ctx.risk, ctx.inv, "items", n, level)
    rows = rows.assign(
        name=_names(ctx).of("items", rows["item_id"]).to_numpy(), reason=rows[f"reason_{ctx.lang}"]
    )
    cols = [_col(ctx, "item_id", "id"), _col(ctx, "name", header=_tx(ctx, "col.item")), _col(ctx, "level", "level"),
            _col(ctx, "n_flows", "num"), _col(ctx, "n_high_flows", "num"), _col(ctx, "residual_level", "level"),
            _col(ctx, "reason", wide=True)]  # fmt: skip
    return Table(rows, cols, ctx.lang, _tx(ctx, "cell.top_items"), levels=_levels(ctx), row_id=("item_id", "risk-item"),
                 total=len(ctx.risk.items), csv="items_scores.csv")  # fmt: skip


def partner_chart(ctx: ReviewContext, n: int = TOP_N) -> Chart:
    """The partners whose worst flow is riskiest."""
    return Chart(charts.partner_ranking(ctx.risk, _names(ctx), ctx.lang, n))


def partner_risk(ctx: ReviewContext, n: int = TOP_N, kind: str | None = None) -> Table:
    """Partners at the risk of their worst flow, with how many flows and items they receive."""
    p = ctx.risk.partners if kind is None else ctx.risk.partners[ctx.risk.partners["kind"] == kind]
    rows = p.head(n).assign(name=lambda d: _names(ctx).of("partners", d["partner_id"]).to_numpy())
    cols = [_col(ctx, "partner_id", "id"), _col(ctx, "name", header=_tx(ctx, "col.partner")),
            _col(ctx, "kind", "vocab", PartnerKind), _col(ctx, "n_flows", "num"), _col(ctx, "n_items", "num"),
            _col(ctx, "n_high_flows", "num"), _col(ctx, "level", "level"), _col(ctx, "residual_level", "level")]  # fmt: skip
    return Table(rows, cols, ctx.lang, _tx(ctx, "cell.partners"), levels=_levels(ctx),
                 row_id=("partner_id", "risk-partner"), total=len(p), csv="partners_scores.csv")  # fmt: skip


def what_if(ctx: ReviewContext, n: int = TOP_N) -> Table:
    """Flows whose residual risk the planned controls would lower, and which planned control does it."""
    f = ctx.risk.flows
    better = f[f["whatif_level"].cat.codes < f["residual_level"].cat.codes]
    rows = (
        explain(ctx.risk, ctx.inv, "flows", _rank(ctx, better, n, True), factors=False)
        if len(better)
        else better
    )
    names = _names(ctx)
    if len(rows):
        listed = (
            rows["planned_controls"]
            .fillna("")
            .map(
                lambda ids: t("reason.sep", ctx.lang).join(
                    f"{c} {names.controls.get(c, '')}".strip() for c in ids.split(",") if c
                )
            )
        )
        rows = rows.assign(what=names.flow(rows).to_numpy(), controls=listed)  # fmt: skip
    cols = [_col(ctx, "flow_id", "id"), _col(ctx, "what", wide=True), _col(ctx, "residual_level", "level"),
            _col(ctx, "whatif_level", "level"), _col(ctx, "controls", wide=True, header=_tx(ctx, "col.planned_controls"))]  # fmt: skip
    note = None if len(rows) else _tx(ctx, "cell.none")
    return Table(
        rows, cols, ctx.lang, _tx(ctx, "cell.whatif"), levels=_levels(ctx), total=len(better), note=note
    )


def level_comparison(ctx: ReviewContext) -> Chart:
    """Flows per level: inherent, after the implemented controls, and with the planned ones too."""
    return Chart(charts.level_comparison(ctx.risk, ctx.lang))


# --- 03 compliance -----------------------------------------------------------------------------------


def findings_chart(ctx: ReviewContext, min_severity: str = "low") -> Chart:
    """Findings per rule (with its article), stacked by severity; info-level notes left out by default."""
    f = ctx.findings[ctx.findings["severity"] >= min_severity]
    return Chart(charts.findings_by_rule(f, ctx.lang))


def findings(ctx: ReviewContext, min_severity: str = "low", max_severity: str = "high", rule: str | None = None,
             open_groups: bool = False) -> Html:  # fmt: skip
    """Findings grouped by rule, most severe first: the article, the fix and how many subjects, with the
    subjects folded (click to open; all open when printed)."""
    f = ctx.findings
    f = f[(f["severity"] >= min_severity) & (f["severity"] <= max_severity)]
    if rule is not None:
        f = f[f["rule_id"] == rule]
    names = _names(ctx)
    groups, seen_severity = [], set()
    for (severity, rule_id), g in f.groupby(["severity", "rule_id"], observed=True, sort=False):
        sev = Severity(str(severity))
        first = g.iloc[0]
        listed, rest = g.head(SUBJECTS_LISTED), len(g) - SUBJECTS_LISTED
        subjects = [{"text": names.subject(r.subject_table, r.subject_id) + "：" + (r.message_ja if ctx.lang == "ja" else r.message_en),
                     "note": names.source(r.subject_source) if r.subject_source == "assumption" else "",
                     "id": None} for r in listed.itertuples()]  # fmt: skip
        if rest > 0:
            subjects.append({"text": _tx(ctx, "cell.more_subjects", n=f"{rest:,}"), "note": "", "id": None})
        groups.append({"severity": sev.value, "severity_label": sev.label(ctx.lang), "title": rule_title(rule_id, ctx.lang),
                       "article": first["article"] if ctx.lang == "ja" else first["article_en"],
                       "count": _tx(ctx, "cell.count", n=len(g)), "fix_label": _tx(ctx, "col.fix"),
                       "fix": first["fix"] if ctx.lang == "ja" else first["fix_en"], "subjects": subjects,
                       "open": open_groups, "id": f"severity-{sev.value}" if sev not in seen_severity else None})  # fmt: skip
        seen_severity.add(sev)
    groups.sort(key=lambda g: -SEVERITIES.index(g["severity"]))
    more = _tx(ctx, "cell.assumption_note") if (f["subject_source"] == "assumption").any() else None
    if not groups:
        more = _tx(ctx, "cell.none")
    title = {"info": "cell.info_list", "high": "cell.high_findings"}.get(
        max_severity if max_severity == "info" else min_severity, "cell.finding_list"
    )
    return Html(render_fragment("groups", title=_tx(ctx, title), items=groups, more=more))


def notice(ctx: ReviewContext, max_entries: int = 60, max_chars: int = 400) -> Html:
    """The public notice (purposes, joint use) as the ledger says things are done; long lists shortened on
    the page (the full text is notice.html beside it)."""
    from ..assess.notice import blocks

    def shorten(text: object) -> str:
        text = str(text)
        return (
            text
            if len(text) <= max_chars
            else text[:max_chars] + _tx(ctx, "cell.shortened", n=f"{len(text):,}")
        )

    shown = []
    for kind, content in blocks(build_notice(ctx.inv, ctx.lang)):
        if kind in ("ul", "ol") and isinstance(content, list):
            rest = len(content) - max_entries
            content = [shorten(x) for x in content[:max_entries]] + (
                [_tx(ctx, "cell.more_entries", n=f"{rest:,}")] if rest > 0 else []
            )
        shown.append((kind, content if kind in ("ul", "ol") else shorten(content)))
    body = render_fragment("blocks", items=shown, shift=1)
    link = render_fragment("paragraph", text=_tx(ctx, "cell.notice_file"), cls="pi-note")
    return Html(render_fragment("heading", text=_tx(ctx, "cell.notice"), level=2, id="notice") + body + link)


def policy_differences(ctx: ReviewContext) -> Table | Html:
    """What the ledger says and the published policy does not, and the other way round."""
    policy = ctx.ledger_dir / "published_policy.txt" if ctx.ledger_dir else None
    title = _tx(ctx, "cell.compare")
    if policy is None or not policy.is_file():
        return Html(
            render_fragment("heading", text=title)
            + render_fragment("paragraph", text=_tx(ctx, "cell.no_policy"))
        )
    diff = compare_with_policy(ctx.inv, read_text(policy))
    counts = diff.attrs["counts"]
    agreed = _tx(ctx, "cell.no_diff", purposes=counts["purposes"], items=counts["items"],
                 users=counts["joint_users"])  # fmt: skip
    if diff.empty:
        return Html(render_fragment("heading", text=title) + render_fragment("paragraph", text=agreed))
    cols = [_col(ctx, "kind", "vocab", PolicyPoint, header=_tx(ctx, "compare.col.kind")),
            _col(ctx, "where", "vocab", Difference, header=_tx(ctx, "compare.col.where")),
            _col(ctx, "joint_use_id", "id", header=_tx(ctx, "compare.col.joint_use_id")),
            _col(ctx, "id", "id", header=_tx(ctx, "compare.col.id")),
            _col(ctx, "text", wide=True, header=_tx(ctx, "compare.col.text")),
            _col(ctx, "line", "num", header=_tx(ctx, "compare.col.line"))]  # fmt: skip
    return Table(diff, cols, ctx.lang, title, note=agreed if differences(diff).empty else None)


# --- 04 review ---------------------------------------------------------------------------------------


def residual_top(ctx: ReviewContext, n: int = 10) -> Table:
    """The flows whose risk stays highest after the implemented controls."""
    return top_flows(ctx, n, residual=True)


def changes(ctx: ReviewContext, previous_period: str | None = None, reports_dir: Any = None) -> Cards | Html:
    """How many rows of each table were added, removed or changed since the previous stored period, how
    many risks moved and findings opened or closed."""
    found = since_previous(ctx, previous_period, _reports_dir(reports_dir))
    title = _tx(ctx, "cell.since_previous")
    if found is None:
        return Html(
            render_fragment("heading", text=title)
            + render_fragment("paragraph", text=_tx(ctx, "cell.no_previous"))
        )
    prev, d = found
    names = _names(ctx)
    per_table = (
        d.changes.drop_duplicates(["table", "key", "change"]).groupby(["table", "change"], sort=False).size()
    )
    cards = [
        Card(f"{names.table(tb)}：{Change(ch).label(ctx.lang)}", int(n)) for (tb, ch), n in per_table.items()
    ]
    c = d.counts()
    cards += [Card(_tx(ctx, f"cell.{k}"), c[k], worse_when_up=k in ("risk_up", "findings_opened"))
              for k in ("risk_up", "risk_down", "findings_opened", "findings_resolved")]  # fmt: skip
    return Cards(cards, ctx.lang, title=_tx(ctx, "cell.since", period=prev.label))


def ledger_changes(ctx: ReviewContext, previous_period: str | None = None, reports_dir: Any = None,
                   table: str | None = None) -> Table | Html:  # fmt: skip
    """Every changed field since the previous period, old → new (filter by table)."""
    found = since_previous(ctx, previous_period, _reports_dir(reports_dir))
    if found is None:
        return Html("")
    d = found[1].changes
    if table is not None:
        d = d[d["table"] == table]
    names = _names(ctx)
    rows = d.assign(table_label=d["table"].map(names.table),
                    field=[names.column(tb, col) if isinstance(col, str) else "" for tb, col in zip(d["table"], d["column"], strict=True)],
                    old=[names.value(tb, col, v) for tb, col, v in zip(d["table"], d["column"], d["old"], strict=True)],
                    new=[names.value(tb, col, v) for tb, col, v in zip(d["table"], d["column"], d["new"], strict=True)])  # fmt: skip
    cols = [_col(ctx, "table_label", header=_tx(ctx, "col.table")), _col(ctx, "key", header=_tx(ctx, "col.id")),
            _col(ctx, "change", "vocab", Change), _col(ctx, "field"), _col(ctx, "old"), _col(ctx, "new")]  # fmt: skip
    return Table(rows, cols, ctx.lang, _tx(ctx, "cell.ledger_changes"))


def risk_movement(
    ctx: ReviewContext, previous_period: str | None = None, reports_dir: Any = None
) -> Chart | Html:
    """Residual risk levels last period (left) and now (right), for the flows in both."""
    found = since_previous(ctx, previous_period, _reports_dir(reports_dir))
    if found is None:
        return Html("")
    both = (
        found[0]
        .flows[["flow_id", "residual_level"]]
        .merge(ctx.risk.flows[["flow_id", "residual_level"]], on="flow_id")
    )
    return Chart(charts.level_movement(both["residual_level_x"], both["residual_level_y"],
                                       _tx(ctx, "cell.level_movement"), ctx.lang, _levels(ctx)))  # fmt: skip


def risk_moves(
    ctx: ReviewContext, previous_period: str | None = None, reports_dir: Any = None, n: int = 20
) -> Table | Html:
    """Flows whose level moved since the previous period, up or down, and why (the reason now)."""
    found = since_previous(ctx, previous_period, _reports_dir(reports_dir))
    if found is None or found[1].flow_moves.empty:
        return Html("")
    m = found[1].flow_moves
    flows = ctx.inv.flows.set_index("flow_id")
    rows = m.assign(
        item_id=m["flow_id"].map(flows["item_id"]), partner_id=m["flow_id"].map(flows["partner_id"])
    )
    rows = rows.assign(what=_names(ctx).flow(rows).to_numpy(),
                       measure_label=rows["measure"].map(lambda x: _tx(ctx, f"cell.measure_{x}")),
                       why=rows.get(f"new_reason_{ctx.lang}", pd.Series("", index=rows.index)))  # fmt: skip
    cols = [_col(ctx, "flow_id", "id"), _col(ctx, "what", wide=True), _col(ctx, "measure_label", header=_tx(ctx, "col.measure")),
            _col(ctx, "direction", "vocab", Movement), _col(ctx, "old_level", "level"), _col(ctx, "new_level", "level"),
            _col(ctx, "why", wide=True)]  # fmt: skip
    return Table(
        rows.head(n), cols, ctx.lang, _tx(ctx, "cell.risk_moves"), levels=_levels(ctx), total=len(rows)
    )


def finding_changes(
    ctx: ReviewContext, previous_period: str | None = None, reports_dir: Any = None
) -> Table | Html:
    """Findings that opened or were resolved since the previous period."""
    found = since_previous(ctx, previous_period, _reports_dir(reports_dir))
    if found is None or found[1].findings.empty:
        return Html("")
    f = found[1].findings
    names = _names(ctx)
    rows = f.assign(rule=f["rule_id"].map(lambda r: rule_title(r, ctx.lang)),
                    subject=[names.subject(tb, i) for tb, i in zip(f["subject_table"], f["subject_id"], strict=True)],
                    message=f[f"message_{ctx.lang}"])  # fmt: skip
    cols = [_col(ctx, "change", "vocab", FindingChange), _col(ctx, "severity", "severity", Severity),
            _col(ctx, "rule", wide=True), _col(ctx, "subject"), _col(ctx, "message", wide=True)]  # fmt: skip
    return Table(rows, cols, ctx.lang, _tx(ctx, "cell.findings_changes"))


def joint_use_notices(
    ctx: ReviewContext, previous_period: str | None = None, reports_dir: Any = None
) -> Table | Html:
    """Joint-use arrangements changed since the previous period, with the notice APPI Art.27(6) calls for
    and whether the notice date moved."""
    found = since_previous(ctx, previous_period, _reports_dir(reports_dir))
    if found is None or found[1].notices.empty:
        return Html("")
    rows = found[1].notices.assign(article_shown=lambda d: d["article" if ctx.lang == "ja" else "article_en"])
    cols = [_col(ctx, "joint_use_id", "id", header=_tx(ctx, "compare.col.joint_use_id")),
            _col(ctx, "change", "vocab", JointUseChange), _col(ctx, "old", wide=True), _col(ctx, "new", wide=True),
            _col(ctx, "timing", "vocab", NoticeTiming), _col(ctx, "notice_updated", "bool"),
            _col(ctx, "article_shown", header=_tx(ctx, "col.article"))]  # fmt: skip
    return Table(rows, cols, ctx.lang, _tx(ctx, "cell.joint_use_notices"))


def trend(ctx: ReviewContext, reports_dir: Any = None) -> Chart | Html:
    """Headline figures across every stored period and this one."""
    history = trend_table(ctx, _reports_dir(reports_dir))
    if len(history) < 2:
        return Html(render_fragment("paragraph", text=_tx(ctx, "cell.trend_needs_two")))
    return Chart(charts.trends(history, ctx.lang))


def actions(ctx: ReviewContext, state: str | None = None) -> Table:
    """The improvement actions, overdue first, with owner and due date."""
    a = actions_status(ctx.inv, ctx.as_of)
    if state is not None:
        a = a[a["state"] == state]
    order = pd.Categorical(a["state"], ActionState.codes(), ordered=True)
    a = a.assign(_o=order).sort_values(["_o", "due"]).drop(columns="_o")
    names = _names(ctx)
    a = a.assign(target=[reference(names, r) for r in a["refers_to"]])
    cols = [_col(ctx, "action_id", "id"), _col(ctx, "title", wide=True), _col(ctx, "target", wide=True),
            _col(ctx, "owner"), _col(ctx, "due", "date"), _col(ctx, "state", "vocab", ActionState)]  # fmt: skip
    return Table(a, cols, ctx.lang, _tx(ctx, "cell.actions"), row_id=("action_id", "action"), anchor="actions",
                 note=None if len(a) else _tx(ctx, "cell.none"))  # fmt: skip


def action_register(ctx: ReviewContext) -> Cards:
    """What the action register flags: overdue, high findings and risks nobody acts on, ready to close."""
    reg = register(ctx.assessment)
    cards = [Card(_tx(ctx, f"register.{k}"), v, worse_when_up=True) for k, v in reg.counts().items()]
    return Cards(cards, ctx.lang, title=_tx(ctx, "cell.register"))


def incidents(ctx: ReviewContext) -> Group | Html:
    """The incident register for the period: incidents discovered in it or still open at its start, with
    whether each report and the notice to the people were made on time, and the prevention action."""
    p = period_incidents(ctx)
    title = _tx(ctx, "cell.incidents")
    if p.empty:
        return Html(
            render_fragment("heading", text=title)
            + render_fragment("paragraph", text=_tx(ctx, "cell.no_incidents"))
        )
    figures = incident_figures(ctx)
    cards = Cards([Card(_tx(ctx, f"cell.incidents_{k}"), v, worse_when_up=True) for k, v in figures.items()],
                  ctx.lang, title=title)  # fmt: skip
    states = {s.value: s.label(ctx.lang) for s in ActionState}
    rows = p.assign(action=[f"{a}（{states.get(s, '—')}）" if isinstance(a, str) and a else "—"
                            for a, s in zip(p["action_id"], p["action_state"], strict=True)])  # fmt: skip
    cols = [_col(ctx, "incident_id", "id", header=_tx(ctx, "col.incident")),
            _col(ctx, "period_role", "vocab", PeriodRole, header=_tx(ctx, "col.period_role")),
            _col(ctx, "discovered", "date", header=_tx(ctx, "col.discovered")),
            _col(ctx, "cause", "vocab", Cause, header=_tx(ctx, "col.cause")),
            _col(ctx, "people", "num", header=_tx(ctx, "col.people")),
            _col(ctx, "band", "vocab", Band, header=_tx(ctx, "col.band")),
            _col(ctx, "appi_status", "vocab", DutyStatus, header=_tx(ctx, "col.appi_report")),
            _col(ctx, "mn_status", "vocab", DutyStatus, header=_tx(ctx, "col.mn_report")),
            _col(ctx, "notice_status", "vocab", DutyStatus, header=_tx(ctx, "col.notice_people")),
            _col(ctx, "status_then", "vocab", IncidentStatus, header=_tx(ctx, "col.state")),
            _col(ctx, "action", header=_tx(ctx, "col.prevention"))]  # fmt: skip
    return Group([cards, Table(rows, cols, ctx.lang, _tx(ctx, "cell.incident_list"), anchor="incidents",
                               note=_tx(ctx, "cell.incidents_note"))])  # fmt: skip


def controls(ctx: ReviewContext, status: str | None = None) -> Table:
    """The safety-management measures by category (PPC guidelines 10-1 … 10-7) and their status."""
    c = ctx.inv.controls if status is None else ctx.inv.controls[ctx.inv.controls["status"] == status]
    names = _names(ctx)
    scope = [t("value.all", ctx.lang) if s == "all" else reference(names, s) for s in c["applies_to"]]
    rows = c.assign(name=names.of("controls", c["control_id"]).to_numpy(), scope=scope)
    cols = [_col(ctx, "control_id", "id"), _col(ctx, "name", wide=True, header=_tx(ctx, "col.control")),
            _col(ctx, "category", "vocab", ControlCategory), _col(ctx, "scope"),
            _col(ctx, "status", "vocab", ControlStatus), _col(ctx, "last_reviewed", "date")]  # fmt: skip
    return Table(rows, cols, ctx.lang, _tx(ctx, "cell.controls"))


def controls_chart(ctx: ReviewContext) -> Chart:
    return Chart(charts.controls_by_category(ctx.inv, ctx.lang))


# --- 05 incident -------------------------------------------------------------------------------------


def _split(text: str | None) -> list[str]:
    return [x.strip() for x in (text or "").split(",") if x.strip()]


def incident(inventory_dir: Any, partner: str | None, items: str, department: str | None, flows: str,
             records: int | None, cause: str, discovered: str, malicious: bool | None, encrypted: bool,
             confidentiality: str | None = None, integrity: str | None = None, availability: str | None = None,
             publicly_viewable: bool | None = None, recovered_unread: bool = False, mn_network: bool = False,
             adjustments: str = "", my_number_people: int | None = None,
             occurred: str | None = None) -> tuple[IncidentAssessment, Inventory]:  # fmt: skip
    """Assess an incident described by the notebook's parameters; returns the assessment and the ledger.
    A circumstance left None takes the cause's default."""
    path = resolve_ledger_dir(inventory_dir)
    inv = load_inventory(path)
    inc = Incident(Selection(partner, _split(items), department, _split(flows)), cause,
                   dt.date.fromisoformat(discovered), records, malicious, encrypted,
                   confidentiality=confidentiality, integrity=integrity, availability=availability,
                   publicly_viewable=publicly_viewable, recovered_unread=recovered_unread, mn_network=mn_network,
                   adjustments=tuple(_split(adjustments)), my_number_people=my_number_people,
                   occurred=dt.date.fromisoformat(occurred) if occurred else None)  # fmt: skip
    return assess_incident(inv, load_model(model_path(path)), inc), inv


def incident_key_figures(a: IncidentAssessment, lang: str = "ja") -> None:
    """Plain-text figures that nbval compares (not shown in the exported page)."""
    e, colon = a.enisa, t("incident.colon", lang)
    band = label(e["band"], Band, lang)
    print(t("incident.verdict", lang) + colon + verdict(a, lang))
    for law, d in (("appi", a.appi), ("mn", a.my_number)):
        duty = Duty(d.get("duty", Duty.not_involved))
        dates = d.get("deadlines")
        when = f" {t('incident.final_by', lang)} {dates['final_by']}" if dates else ""
        print(t(f"incident.law.{law}", lang) + colon + duty.label(lang) + when)
    print(f"ENISA: DPC {e['dpc']:g} × EI {e['ei']:g} + CB {e['cb']:g} = SE {e['se']:g} ({band})")
    print(t("incident.people", lang) + colon + f"{a.people:,} " + ", ".join(a.items["item_id"]))


def incident_page(a: IncidentAssessment, inv: Inventory, lang: str = "ja") -> Html:
    org = inv.display_name(lang)
    title = t("incident.page_title", lang, org=org, date=a.incident.discovered)
    levels = load_model(model_path(inv.path if Path(inv.path).exists() else None)).levels
    return Html(
        f"<style>{css(levels)}</style>"
        + interactive_tables(lang).html
        + render_fragment("heading", text=title, level=1)
    )


def _final_by(d: dict) -> str:
    return (d.get("deadlines") or {}).get("final_by", "—")


def _lines(title: str, lines: list[str]) -> Html:
    return Html(render_fragment("heading", text=title, level=3)
                + "".join(render_fragment("paragraph", text=line.strip()) for line in lines))  # fmt: skip


def incident_summary(a: IncidentAssessment, inv: Inventory, lang: str = "ja") -> Group:
    """The verdict under both laws (APPI Art.26, My Number Act Art.29-4) with their reasons and dates, the
    circumstances, the ENISA parts with the rule of each, and the affected items."""
    e, appi, mn = a.enisa, a.appi, a.my_number
    band = label(e["band"], Band, lang)
    law = {k: t(f"incident.law.{k}", lang) for k in ("appi", "mn")}
    figures = [Card(t("incident.verdict", lang), verdict(a, lang)), Card(t("incident.people", lang), a.people),
               Card("ENISA SE", f"{e['se']:g}（{band}）" if lang == "ja" else f"{e['se']:g} ({band})"),
               Card(f"{t('incident.final_by', lang)} {law['appi']}", _final_by(appi))]  # fmt: skip
    if mn.get("involved"):
        figures.append(Card(f"{t('incident.final_by', lang)} {law['mn']}", _final_by(mn)))
    yes, no = t("value.yes", lang), t("value.no", lang)
    rows = [
        {"trigger": t(f"incident.trigger.{k}", lang), "hit": yes if v else no}
        for k, v in appi["triggers"].items()
    ]
    if mn.get("involved"):
        rows += [{"trigger": t(f"incident.mn_trigger.{k}", lang), "hit": yes if v else no}
                 for k, v in mn["triggers"].items()]  # fmt: skip
    trig = Table(pd.DataFrame(rows),
                 [Col("trigger", t("incident.triggers", lang), wide=True), Col("hit", t("incident.verdict", lang))], lang)  # fmt: skip
    suffix = "_ja" if lang == "ja" else ""
    parts = pd.DataFrame([
        {"component": "DPC", "value": e["dpc"], "rule": e[f"dpc_rule{suffix}"]},
        {"component": "EI", "value": e["ei"], "rule": e[f"ei_rule{suffix}"]},
        {"component": "CB", "value": e["cb"], "rule": e[f"cb_rule{suffix}"]},
        {"component": "SE = DPC × EI + CB", "value": e["se"], "rule": band},
    ])  # fmt: skip
    enisa = Table(parts, [Col("component", t("incident.component", lang)), Col("value", t("incident.value", lang), "num"),
                          Col("rule", t("incident.basis", lang), wide=True)], lang, t("incident.enisa", lang),
                  note=t("incident.se_if_read", lang) if appi["not_a_leak"] else None)  # fmt: skip
    names = Names(inv, lang)
    affected = a.items.assign(name=names.of("items", a.items["item_id"]).to_numpy())
    items_table = Table(affected, [Col("item_id", "ID"), Col("name", t("col.item", lang)),
                                   Col("category", t("col.category", lang), "vocab", ItemCategory),
                                   Col("special_care", t("col.special_care", lang), "bool"),
                                   Col("property_damage", t("col.property_damage", lang), "bool"),
                                   Col("my_number", t("col.my_number", lang), "bool"),
                                   Col("records", t("col.records", lang), "num")], lang, t("incident.affected_items", lang))  # fmt: skip
    return Group([Cards(figures, lang), _lines(t("incident.duties", lang), duty_lines(a, lang)), trig,
                  _lines(t("incident.circumstances", lang), circumstance_lines(a, lang)), enisa, items_table])  # fmt: skip


def incident_chart(a: IncidentAssessment, lang: str = "ja") -> Chart:
    return Chart(charts.incident_parts(a.enisa, lang))


def incident_draft(a: IncidentAssessment, inv: Inventory, lang: str = "ja") -> Html:
    """The drafted report to the PPC (PPC Rules Art.8(1) items; the My Number report asks the same), in
    Japanese as the PPC's forms are, rendered from its Markdown."""
    from .html import markdown_html

    return Html(render_fragment("heading", text=t("incident.draft", lang), level=2)
                + markdown_html(report_markdown(a, inv)))  # fmt: skip


# --- exploration (notebooks/explore.ipynb) ------------------------------------------------------------


def explore(ctx: ReviewContext, item: str | None = None, partner: str | None = None, department: str | None = None,
            purpose: str | None = None) -> Group:  # fmt: skip
    """Everything connected to one item, partner, department or purpose: its flows with their risk and
    reasons, the findings about it, the controls that apply and the actions that refer to it."""
    from ..assess.query import connected

    found = connected(ctx.assessment, item=item, partner=partner, department=department, purpose=purpose)
    names = _names(ctx)
    what = names.subject(*{"item": ("items", item), "partner": ("partners", partner), "department": ("departments", department),
                           "purpose": ("purposes", purpose)}[next(k for k, v in {"item": item, "partner": partner,
                           "department": department, "purpose": purpose}.items() if v)])  # fmt: skip
    f = found["flows"]
    f = f.assign(
        what=names.flow(f).to_numpy(), reason=f.get(f"reason_{ctx.lang}", pd.Series("", index=f.index))
    )
    flows = Table(f, [_col(ctx, "flow_id", "id"), _col(ctx, "what", wide=True), _col(ctx, "basis", "vocab", Basis),
                      _col(ctx, "level", "level"), _col(ctx, "residual_level", "level"), _col(ctx, "reason", wide=True)],
                  ctx.lang, _tx(ctx, "explore.flows"), levels=_levels(ctx))  # fmt: skip
    fd = found["findings"]
    fd = fd.assign(rule=fd["rule_id"].map(lambda r: rule_title(r, ctx.lang)), message=fd[f"message_{ctx.lang}"],
                   fix_text=fd["fix" if ctx.lang == "ja" else "fix_en"])  # fmt: skip
    findings_table = Table(fd, [_col(ctx, "severity", "severity", Severity), _col(ctx, "rule", wide=True),
                                _col(ctx, "message", wide=True), _col(ctx, "fix_text", wide=True, header=_tx(ctx, "col.fix"))],
                           ctx.lang, _tx(ctx, "explore.findings"), note=None if len(fd) else _tx(ctx, "cell.none"))  # fmt: skip
    c = found["controls"]
    c = c.assign(name=names.of("controls", c["control_id"]).to_numpy())
    controls_table = Table(c, [_col(ctx, "control_id", "id"), _col(ctx, "name", wide=True, header=_tx(ctx, "col.control")),
                               _col(ctx, "category", "vocab", ControlCategory), _col(ctx, "status", "vocab", ControlStatus)],
                           ctx.lang, _tx(ctx, "explore.controls"), note=None if len(c) else _tx(ctx, "cell.none"))  # fmt: skip
    a = found["actions"]
    actions_table = Table(a, [_col(ctx, "action_id", "id"), _col(ctx, "title", wide=True), _col(ctx, "owner"),
                              _col(ctx, "due", "date"), _col(ctx, "state", "vocab", ActionState)],
                          ctx.lang, _tx(ctx, "explore.actions"), note=None if len(a) else _tx(ctx, "cell.none"))  # fmt: skip
    return Group(
        [flows, findings_table, controls_table, actions_table], title=_tx(ctx, "explore.title", what=what)
    )


def history(
    ctx: ReviewContext, reports_dir: Any = None, item: str | None = None, partner: str | None = None
) -> Table:
    """The item or partner across every stored period and this one: flows, high residual risks, findings."""
    from ..assess.query import connected
    from .history import history_of

    stored = history_of(_reports_dir(reports_dir), item=item, partner=partner, upto=ctx.period.previous())
    now = connected(ctx.assessment, item=item, partner=partner)
    high = int(now["flows"]["residual_level"].astype(str).isin(ctx.model.high_levels).sum())
    row = pd.DataFrame([{"period": str(ctx.period), "flows": len(now["flows"]), "high_residual": high,
                         "findings": len(now["findings"])}])  # fmt: skip
    rows = pd.concat([stored, row], ignore_index=True) if len(stored) else row
    cols = [_col(ctx, "period"), _col(ctx, "flows", "num", header=_tx(ctx, "col.n_flows")),
            _col(ctx, "high_residual", "num", header=_tx(ctx, "kpi.high_residual")),
            _col(ctx, "findings", "num", header=_tx(ctx, "explore.findings"))]  # fmt: skip
    return Table(rows, cols, ctx.lang, _tx(ctx, "explore.history"))


def what_if_map(ctx: ReviewContext, controls: list[str] | None = None) -> Group:
    """The risk map if the named planned controls (all planned ones when None) were implemented, and the
    flows whose residual level that would change."""
    from ..assess.query import level_changes, what_if

    after = what_if(ctx.assessment, controls)
    chart = Chart(charts.risk_map(after.risk, ctx.lang, "flows"))
    moved = level_changes(ctx.assessment, after)
    moved = moved.merge(ctx.inv.flows[["flow_id", "item_id", "partner_id"]], on="flow_id")
    moved = moved.assign(what=_names(ctx).flow(moved).to_numpy())
    table = Table(moved, [_col(ctx, "flow_id", "id"), _col(ctx, "what", wide=True),
                          _col(ctx, "residual_level_before", "level", header=_tx(ctx, "col.residual_level")),
                          _col(ctx, "residual_level_after", "level", header=_tx(ctx, "col.whatif_level"))],
                  ctx.lang, _tx(ctx, "explore.what_if_changes"), levels=_levels(ctx),
                  note=None if len(moved) else _tx(ctx, "cell.none"))  # fmt: skip
    return Group(
        [chart, table],
        title=_tx(
            ctx,
            "explore.what_if",
            controls=", ".join(controls) if controls else _tx(ctx, "explore.all_planned"),
        ),
    )


def explorer(ctx: ReviewContext) -> Any:
    """In JupyterLab with ipywidgets: pick an item, partner, department or purpose and see everything
    connected to it. Elsewhere (papermill, no ipywidgets) a note saying how to get the widget."""
    try:
        import ipywidgets as widgets
        from IPython.display import clear_output, display
    except ImportError:
        return Html(render_fragment("paragraph", text=_tx(ctx, "explore.no_widgets"), cls="pi-note"))
    names = _names(ctx)
    kinds = {
        "item": names.items,
        "partner": names.partners,
        "department": names.departments,
        "purpose": names.purposes,
    }
    kind = widgets.Dropdown(options=[(_tx(ctx, f"explore.kind_{k}"), k) for k in kinds], description="")
    pick = widgets.Dropdown(options=[], description="")
    out = widgets.Output()

    def refresh_options(*_: Any) -> None:
        pick.options = [(f"{i} {n}", i) for i, n in kinds[kind.value].items()]

    def show_it(*_: Any) -> None:
        with out:
            clear_output()
            if pick.value:
                display(explore(ctx, **{kind.value: pick.value}))

    kind.observe(refresh_options, "value")
    pick.observe(show_it, "value")
    refresh_options()
    return widgets.VBox([widgets.HBox([kind, pick]), out])
