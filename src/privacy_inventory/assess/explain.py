"""Explanations of risk scores: structured factors and one-line reasons in Japanese and English.

A reason has three parts: the item's severity (depends on the item only), the flow's likelihood
(depends on the partner, the channel and encryption) and the controls that lower it. Each part is
rendered once per distinct case and the parts are joined per row, so explaining a million flows costs
a few seconds; asking for a few rows costs milliseconds.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..frames import months_between, positions, split_reference
from ..i18n import LANGS, label, t
from ..ledger.inventory import Inventory
from ..ledger.schema import Channel, ControlStatus, Identifiability, ItemCategory, PartnerKind
from .model import RiskModel
from .risk import CTL_FACTORS, LIK_FACTORS, SEV_FACTORS, RiskResult, rank_rows


def _part(lang: str, what: str, axis: str, value: int, signed: bool = True) -> str:
    n = f"{int(value):+d}" if signed else f"{int(value)}"
    return t("reason.part", lang, what=what, axis=t(f"reason.{axis}", lang), n=n)


def _clamped(raw: int, final: int, lang: str) -> list[str]:
    return [] if raw == final else [t("reason.clamped", lang, final=final)]


def severity_text(row: dict, model: RiskModel, lang: str) -> str:
    parts = [_part(lang, label(row["category"], ItemCategory, lang), "severity", row["sev_base"], False)]
    for col in SEV_FACTORS[1:]:
        if row[col]:
            what = model.factor_label(col[4:], lang)
            if col == "sev_identifiability":
                known = row["identifiability"] in Identifiability.codes()
                level = label(row["identifiability"], Identifiability, lang) if known else "?"
                what = t("reason.with", lang, what=what, value=level)
            parts.append(_part(lang, what, "severity", row[col]))
    raw = sum(int(row[c]) for c in SEV_FACTORS)
    return t("reason.sep", lang).join(parts + _clamped(raw, min(4, max(1, raw)), lang))


def likelihood_text(row: dict, model: RiskModel, lang: str) -> str:
    parts = [_part(lang, label(row["partner_kind"], PartnerKind, lang), "likelihood", row["lik_base"], False)]
    for col in LIK_FACTORS[1:]:
        if not row[col]:
            continue
        what = model.factor_label(col[4:], lang)
        if col == "lik_foreign_country":
            what = t("reason.with", lang, what=what, value=row["country"])
        elif col == "lik_channel":
            what = t("reason.with", lang, what=what, value=label(row["channel"], Channel, lang))
        elif col == "lik_inspection_overdue":
            m = row["inspection_months"]
            if m is None or pd.isna(m):
                what = t("reason.never_inspected", lang)
            else:
                what = t("reason.inspected_months_ago", lang, months=int(m))
        parts.append(_part(lang, what, "likelihood", row[col]))
    raw = sum(int(row[c]) for c in LIK_FACTORS)
    return t("reason.sep", lang).join(parts + _clamped(raw, min(4, max(1, raw)), lang))


def controls_text(row: dict, lang: str) -> str:
    """The implemented controls that lowered the score: a few ids (the rest counted) and what they lowered."""
    moved = [
        _part_value(lang, axis, row[col])
        for col, axis in (("ctl_severity", "severity"), ("ctl_likelihood", "likelihood"))
        if row[col]
    ]
    if not moved:
        return ""
    ids = [c for c in str(row["controls"] or "").split(",") if c]
    shown = t("reason.ids_sep", lang).join(ids[:CONTROLS_NAMED])
    if len(ids) > CONTROLS_NAMED:
        shown += t("reason.ids_more", lang, n=len(ids) - CONTROLS_NAMED)
    return t("reason.controls_moved", lang, ids=shown, moved=t("reason.ids_sep", lang).join(moved))


CONTROLS_NAMED = 3  # control ids named in a reason; more are counted


def _part_value(lang: str, axis: str, value: int) -> str:
    return t("reason.axis_value", lang, axis=t(f"reason.{axis}", lang), n=f"{int(value):+d}")


def _render_unique(frame: pd.DataFrame, keys: list[str], render) -> dict[str, np.ndarray]:
    """Render `render(row, lang)` once per distinct combination of `keys`; return texts per row."""
    if frame.empty:
        return {lang: np.array([], dtype=object) for lang in LANGS}
    codes_, _ = pd.factorize(pd.MultiIndex.from_frame(frame[keys].astype(object).fillna(-1)))
    first = pd.Series(np.arange(len(frame))).groupby(codes_).first().to_numpy()
    rows = frame.iloc[first].to_dict(orient="records")
    return {lang: np.array([render(r, lang) for r in rows], dtype=object)[codes_] for lang in LANGS}


def _join(*arrays: np.ndarray, sep: str) -> np.ndarray:
    return np.array([sep.join(p for p in parts if p) for parts in zip(*arrays, strict=True)], dtype=object)


def control_ids(
    inv: Inventory,
    item_pos: np.ndarray,
    partner_pos: np.ndarray | None,
    flow_ids: pd.Series | None,
    status: ControlStatus = ControlStatus.implemented,
) -> np.ndarray:
    """The ids of the controls in `status` (with an effect) that apply to each row."""
    c = inv.controls
    c = c[c["status"].eq(status) & c["effect"].fillna(0).gt(0)]
    kind, target = split_reference(c["applies_to"])
    ids = c["control_id"]

    def texts(scope: str, keys: pd.Series) -> np.ndarray:
        mapping = ids[kind == scope].groupby(target[kind == scope]).agg(",".join)
        return np.append(mapping.to_numpy(dtype=object), "")[
            positions(pd.Series(mapping.index, dtype="str"), keys)
        ]

    everywhere = ",".join(ids[kind == "all"])
    dept = np.append(texts("department", inv.departments["department_id"]), "")[
        positions(inv.departments["department_id"], inv.items["department_id"])
    ]
    per_item = _join(
        np.full(len(inv.items), everywhere, dtype=object), texts("item", inv.items["item_id"]), dept, sep=","
    )
    pieces = [per_item[item_pos]]
    if partner_pos is not None:
        pieces.append(texts("partner", inv.partners["partner_id"])[partner_pos])
    if flow_ids is not None and (kind == "flow").any():
        pieces.append(texts("flow", flow_ids))
    return _join(*pieces, sep=",")


def flow_context(result: RiskResult, inv: Inventory, rows: pd.DataFrame) -> pd.DataFrame:
    """Names and attributes a person needs beside a scored flow (item, partner, purpose, channel…)."""
    item_pos = positions(inv.items["item_id"], rows["item_id"])
    partner_pos = positions(inv.partners["partner_id"], rows["partner_id"])
    flow_pos = positions(inv.flows["flow_id"], rows["flow_id"])
    out = rows.copy()
    out["item_name"] = inv.items["name_ja"].to_numpy()[item_pos]
    out["partner_name"] = inv.partners["name"].to_numpy()[partner_pos]
    out["category"] = inv.items["category"].to_numpy()[item_pos]
    out["identifiability"] = inv.items["identifiability"].to_numpy()[item_pos]
    out["partner_kind"] = inv.partners["kind"].to_numpy()[partner_pos]
    out["country"] = inv.partners["country"].to_numpy()[partner_pos]
    for col in ("purpose_id", "basis", "channel", "encrypted"):
        out[col] = inv.flows[col].to_numpy()[flow_pos]
    months = months_between(inv.partners["last_inspection"], result.as_of)
    out["inspection_months"] = months.astype("Float64").to_numpy(dtype=float, na_value=np.nan)[partner_pos]
    out["controls"] = control_ids(inv, item_pos, partner_pos, rows["flow_id"])
    out["planned_controls"] = control_ids(inv, item_pos, partner_pos, rows["flow_id"], ControlStatus.planned)
    out["_item_pos"], out["_partner_pos"] = item_pos, partner_pos
    return out


def factors_of(row: dict, table: str) -> list[dict[str, Any]]:
    """Structured factors of one explained row: name, axis, the value behind it, its contribution."""
    values = {
        "sev_base": row.get("category"),
        "sev_identifiability": row.get("identifiability"),
        "lik_base": row.get("partner_kind"),
        "lik_foreign_country": row.get("country"),
        "lik_channel": row.get("channel"),
        "lik_unencrypted": False,
        "lik_inspection_overdue": row.get("inspection_months"),
        "lik_subcontracting_unknown": "unknown",
        "ctl_severity": row.get("controls"),
        "ctl_likelihood": row.get("controls"),
    }
    cols = SEV_FACTORS + (LIK_FACTORS if table != "items" else ()) + CTL_FACTORS
    out = []
    for col in cols:
        contribution = int(row.get(col) or 0)
        if contribution or col in ("sev_base", "lik_base"):
            value = values.get(col, True)
            if isinstance(value, float) and np.isnan(value):
                value = None
            axis = "severity" if col.startswith("sev_") or col.endswith("_severity") else "likelihood"
            out.append({"name": col, "axis": axis, "value": value, "contribution": contribution})
    return out


def explain(
    result: RiskResult, inv: Inventory, table: str, rows: pd.DataFrame | None = None, factors: bool = True
) -> pd.DataFrame:
    """Rows of result.<table> with context columns, `reason_ja`, `reason_en` and (optionally) `factors`."""
    df = getattr(result, table) if rows is None else rows
    model = result.model
    if table == "partners":  # a partner is explained by its worst flow
        worst = result.flows.iloc[positions(result.flows["flow_id"], df["worst_flow_id"])]
        expl = explain(result, inv, "flows", worst, factors)
        out = df.reset_index(drop=True).copy()
        for col in ("reason_ja", "reason_en", "country") + (("factors",) if factors else ()):
            out[col] = expl[col].to_numpy()
        return out
    if table == "flows":
        ctx = flow_context(result, inv, df)
        sev = _render_unique(ctx, ["_item_pos"], lambda r, lang: severity_text(r, model, lang))
        lik = _render_unique(
            ctx,
            ["_partner_pos", "channel", "lik_channel", "lik_unencrypted"],
            lambda r, lang: likelihood_text(r, model, lang),
        )
        ctl = _render_unique(ctx, ["ctl_severity", "ctl_likelihood", "controls"], controls_text)
        for lang in LANGS:
            ctx["reason_" + lang] = _join(sev[lang], lik[lang], ctl[lang], sep=t("reason.sep", lang))
    else:
        item_pos = positions(inv.items["item_id"], df["item_id"])
        ctx = df.copy()
        ctx["identifiability"] = inv.items["identifiability"].to_numpy()[item_pos]
        ctx["controls"] = control_ids(inv, item_pos, None, None)
        for lang in LANGS:
            texts = []
            for r in ctx.to_dict(orient="records"):
                if r["n_flows"]:
                    summary = t("reason.item_flows", lang, n=r["n_flows"], high=r["n_high_flows"],
                                worst=r["worst_flow_id"])  # fmt: skip
                else:
                    summary = t("reason.not_shared", lang)
                texts.append(
                    t("reason.sep", lang).join(
                        p for p in (severity_text(r, model, lang), summary, controls_text(r, lang)) if p
                    )
                )
            ctx["reason_" + lang] = texts
    if factors:
        ctx["factors"] = [factors_of(r, table) for r in ctx.to_dict(orient="records")]
    return ctx.drop(columns=[c for c in ("_item_pos", "_partner_pos") if c in ctx]).reset_index(drop=True)


KEYS = {"flows": "flow_id", "items": "item_id", "partners": "partner_id"}


def worst(
    result: RiskResult, inv: Inventory, table: str, n: int | None = None, min_level: str | None = None
) -> pd.DataFrame:
    """The worst rows of a scored table (all, or the first n; only those at min_level or worse), explained."""
    df = getattr(result, table)
    if min_level is not None:
        df = df[df["level"] >= min_level]
    return explain(result, inv, table, rank_rows(df, KEYS[table], n))
