"""The board summary (index.html): what a board member reads in five minutes.

The period's message in a few sentences generated from the figures, the change since the previous
period, the three highest residual risks in plain words (why, and what would lower them), actions
overdue or due soon with owner and date, high findings with their fix, and what the board is asked to
decide or note. Every figure links to the page and row behind it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from ..assess.actions import ActionState, actions_status, register
from ..assess.explain import explain
from ..assess.rules import REGISTRY, Severity
from ..i18n import t
from .cells import figure_cards
from .context import ReviewContext, headline, headline_delta, previous_headline
from .display import Cards
from .html import nav_items
from .labels import Names, reference, remedies

DUE_SOON_DAYS = 45  # an open action due within this many days after the period's end is "due soon"
ACTIONS_LISTED = 8  # the board summary lists at most this many; the rest are counted
FINDINGS_LISTED = 3  # high-finding rules listed (most subjects first): the summary stays one A4 page


def _message(ctx: ReviewContext, h: dict, prev: tuple[str, dict] | None, unaddressed: int) -> list[str]:
    """Two or three sentences a board member can repeat: the risk left, the legal gaps, the follow-up."""
    lang = ctx.lang
    before = prev[1] if prev else None
    high = h["high_risk_flows_residual"]
    d_high = headline_delta(h, before, "high_risk_flows_residual")
    change = (
        "" if d_high is None else t("board.vs_previous", lang, period=prev[0], delta=_signed(d_high, lang))
    )
    sentences = [t("board.msg_risk", lang, period=h["period"], as_of=h["as_of"], n=high, change=change)]
    f_high = h["findings"]["high"]
    d_f = headline_delta(h, before, "findings", "high")
    change = "" if d_f is None else t("board.vs_previous", lang, period=prev[0], delta=_signed(d_f, lang))
    if f_high:
        sentences.append(t("board.msg_findings", lang, n=f_high, change=change, unaddressed=unaddressed))
    else:
        sentences.append(t("board.msg_no_high_findings", lang))
    overdue = h["actions"]["overdue"]
    sentences.append(t("board.msg_overdue", lang, n=overdue) if overdue else t("board.msg_no_overdue", lang))
    inc = h.get("incidents") or {}
    if inc.get("discovered") or inc.get("open"):
        sentences.append(t("board.msg_incidents", lang, n=inc["discovered"], reportable=inc["reportable"],
                           open=inc["open"]))  # fmt: skip
    return sentences


def _signed(n: int, lang: str) -> str:
    return t("board.same", lang) if n == 0 else (f"+{n}" if n > 0 else f"−{-n}")


def _top_risks(ctx: ReviewContext, names: Names, n: int = 3) -> list[dict[str, Any]]:
    rows = explain(ctx.risk, ctx.inv, "flows", ctx.risk.ranked("flows", n, residual=True), factors=False)
    if rows.empty:
        return []
    rows = rows.assign(remedy=remedies(ctx.model, names, rows))
    out = []
    for r in rows.to_dict(orient="records"):
        out.append({
            "what": f"{names.items.get(r['item_id'], r['item_id'])} → {names.partners.get(r['partner_id'], r['partner_id'])}",
            "level": ctx.model.level_label(str(r["residual_level"]), ctx.lang),
            "level_class": f"pi-lvl-{list(ctx.model.levels).index(str(r['residual_level']))}",
            "why": r[f"reason_{ctx.lang}"], "remedy": r["remedy"],
            "href": f"02_risk.html#flow-{r['flow_id']}", "flow_id": r["flow_id"],
        })  # fmt: skip
    return out


def _actions(ctx: ReviewContext, names: Names) -> tuple[list[dict[str, Any]], str | None]:
    """Overdue actions, then those due within DUE_SOON_DAYS after the period's end; and how many more
    there are than the page lists."""
    a = actions_status(ctx.inv, ctx.as_of)
    soon = pd.Timestamp(ctx.as_of + dt.timedelta(days=DUE_SOON_DAYS))
    due_soon = (a["state"] == ActionState.open) & a["due"].notna() & (a["due"] <= soon)
    listed = a[(a["state"] == ActionState.overdue) | due_soon]
    picked = listed.sort_values("due").head(ACTIONS_LISTED)
    more = (
        t("board.actions_more", ctx.lang, n=len(listed) - ACTIONS_LISTED)
        if len(listed) > ACTIONS_LISTED
        else None
    )
    return [{"id": r["action_id"], "title": r["title"], "about": reference(names, r["refers_to"]),
             "owner": r["owner"] if isinstance(r["owner"], str) else t("board.no_owner", ctx.lang),
             "due": r["due"].date().isoformat() if pd.notna(r["due"]) else "—",
             "state": ActionState(r["state"]).label(ctx.lang), "overdue": r["state"] == ActionState.overdue,
             "href": f"04_review.html#action-{r['action_id']}"} for r in picked.to_dict(orient="records")], more  # fmt: skip


def _high_findings(ctx: ReviewContext) -> tuple[list[dict[str, Any]], str | None]:
    """The high findings' rules with the most subjects first (at most FINDINGS_LISTED), and how many
    more rules there are."""
    f = ctx.findings[ctx.findings["severity"] == Severity.high]
    groups = sorted(f.groupby("rule_id", sort=True), key=lambda kv: -len(kv[1]))
    more = len(groups) - FINDINGS_LISTED
    out = []
    for rule_id, g in groups[:FINDINGS_LISTED]:
        r = REGISTRY.get(rule_id)
        first = g.iloc[0]
        out.append({"title": (r.title_ja if ctx.lang == "ja" else r.title_en) if r else rule_id,
                    "article": first["article"] if ctx.lang == "ja" else first["article_en"],
                    "count": len(g), "fix": first["fix"] if ctx.lang == "ja" else first["fix_en"],
                    "href": "03_compliance.html#severity-high"})  # fmt: skip
    return out, (t("board.findings_more", ctx.lang, n=more) if more > 0 else None)


def _asks(
    ctx: ReviewContext, h: dict, unaddressed_findings: int, unaddressed_risks: int, prev: Any
) -> list[str]:
    """What the board is asked to decide (first) or to note."""
    lang = ctx.lang
    asks = []
    top = list(ctx.model.levels)[-1]
    worst = h["flow_levels_residual"].get(top, 0)
    if worst:
        asks.append(t("board.ask_accept", lang, n=worst, level=ctx.model.level_label(top, lang)))
    if unaddressed_findings:
        asks.append(t("board.ask_findings", lang, n=unaddressed_findings))
    if unaddressed_risks:
        asks.append(t("board.ask_risks", lang, n=unaddressed_risks))
    overdue_steps = (h.get("incidents") or {}).get("overdue_steps", 0)
    if overdue_steps:
        asks.append(t("board.ask_incident_overdue", lang, n=overdue_steps))
    if h["actions"]["overdue"]:
        asks.append(t("board.note_overdue", lang, n=h["actions"]["overdue"]))
    if (h.get("incidents") or {}).get("discovered"):
        asks.append(t("board.note_incidents", lang, n=h["incidents"]["discovered"]))
    if prev:
        asks.append(t("board.note_changes", lang, period=prev[0]))
    return asks or [t("board.nothing_to_decide", lang)]


def board_summary(
    ctx: ReviewContext, reports_dir: Path | None, pages: list[str], generated: str
) -> dict[str, Any]:
    """Everything index.html shows, in the page's language."""
    lang = ctx.lang
    names = Names(ctx.inv, lang)
    h = headline(ctx)
    prev = previous_headline(ctx, reports_dir)
    reg = register(ctx.assessment)
    high_findings, findings_more = _high_findings(ctx)
    actions, actions_more = _actions(ctx, names)
    unaddressed = len(reg.unaddressed_findings)
    spec = [("high_residual", ("high_risk_flows_residual",), True, "02_risk.html#top-flows"),
            ("findings_high", ("findings", "high"), True, "03_compliance.html#severity-high"),
            ("findings_medium", ("findings", "medium"), True, "03_compliance.html#severity-medium"),
            ("overdue", ("actions", "overdue"), True, "04_review.html#actions"),
            ("items", ("items",), False, "01_inventory.html#items"),
            ("flows", ("flows",), False, "01_inventory.html#flows")]  # fmt: skip
    cards = figure_cards(h, prev, spec, lang)
    org = ctx.inv.display_name(lang)
    return {
        "lang": lang, "org": org, "period": h["period"], "as_of": h["as_of"], "generated": generated,
        "title": t("index.title", lang), "message": _message(ctx, h, prev, unaddressed),
        "cards": cards._repr_html_() if pages else Cards(cards.cards, lang)._repr_html_(),
        "risks": _top_risks(ctx, names), "actions": actions, "findings": high_findings,
        "findings_more": findings_more, "actions_more": actions_more,
        "asks": _asks(ctx, h, unaddressed, len(reg.unaddressed_risks), prev),
        "nav": nav_items(pages, "index", lang),
        "files": [(name, t(f"index.file.{name}", lang)) for name in FILES],
        "t": {k: t(f"board.{k}", lang) for k in BOARD_LABELS},
    }  # fmt: skip


FILES = (
    "scores.csv",
    "items_scores.csv",
    "partners_scores.csv",
    "findings.csv",
    "summary.json",
    "manifest.json",
)
BOARD_LABELS = ("message", "figures", "top_risks", "why", "remedy", "actions", "findings", "asks", "data", "as_of",
                "generated", "no_actions", "no_findings", "no_risks", "nav", "pages", "owner", "due", "fix", "more")  # fmt: skip
