"""Questions an analyst asks of an assessment, each answered by a frame with documented columns.

    a = assess(as_of="2026-12-31")
    f = flow_view(a)                       # one row per flow, joined with its item, partner and purpose
    f[f.special_care & (f.partner_kind == "outsourcee") & ~f.inspected_this_year]
    connected(a, partner="PO01")           # everything about one partner: flows, findings, controls, actions
    what_if(a, controls=["C10"])           # the assessment with those planned controls implemented

See docs/analysis.md for ten questions answered with these.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd

from ..frames import months_between, split_reference
from ..ledger.schema import ControlStatus
from .actions import actions_status
from .explain import explain
from .pipeline import Assessment, assess

FLOW_VIEW_COLUMNS = {
    "flow_id": "the flow",
    "item_id": "the item that goes", "item": "its name (Japanese)", "item_en": "its English name (or Japanese)",
    "category": "its category code", "special_care": "要配慮 (APPI Art.2(3))", "my_number": "特定個人情報",
    "department_id": "the item's department",
    "partner_id": "who receives it", "partner": "their name", "partner_kind": "kind code (outsourcee, joint_user, …)",
    "country": "ISO country", "last_inspection": "the partner's last inspection",
    "inspection_months": "months since that inspection as of the assessment date (NaN: never)",
    "inspected_this_year": "inspected within the 12 months before the assessment date",
    "purpose_id": "the purpose", "purpose": "its published text", "purpose_kind": "own / entrusted / joint_use / internal",
    "basis": "legal basis code", "direction": "out or in", "channel": "how it is passed", "encrypted": "encrypted",
    "level": "inherent risk level", "residual_level": "after implemented controls",
    "whatif_level": "with planned controls too", "score": "severity × likelihood", "residual_score": "after controls",
}  # fmt: skip


def flow_view(a: Assessment) -> pd.DataFrame:
    """One row per flow: the flow, its item, partner and purpose side by side, with the flow's risk.
    Columns: FLOW_VIEW_COLUMNS (codes stay codes; labels are for pages)."""
    inv, f = a.inventory, a.inventory.flows
    items = inv.items.set_index("item_id")
    partners = inv.partners.set_index("partner_id")
    purposes = inv.purposes.set_index("purpose_id")
    scored = a.risk.flows.set_index("flow_id")
    months = months_between(partners["last_inspection"], a.as_of).astype("Float64")
    out = pd.DataFrame({
        "flow_id": f["flow_id"].to_numpy(), "item_id": f["item_id"].to_numpy(),
        "item": f["item_id"].map(items["name_ja"]).to_numpy(),
        "item_en": f["item_id"].map(items["name_en"].fillna(items["name_ja"])).to_numpy(),
        "category": f["item_id"].map(items["category"]).to_numpy(),
        "special_care": f["item_id"].map(items["special_care"]).fillna(False).astype(bool).to_numpy(),
        "my_number": f["item_id"].map(items["my_number"]).fillna(False).astype(bool).to_numpy(),
        "department_id": f["item_id"].map(items["department_id"]).to_numpy(),
        "partner_id": f["partner_id"].to_numpy(), "partner": f["partner_id"].map(partners["name"]).to_numpy(),
        "partner_kind": f["partner_id"].map(partners["kind"]).to_numpy(),
        "country": f["partner_id"].map(partners["country"]).to_numpy(),
        "last_inspection": f["partner_id"].map(partners["last_inspection"]).to_numpy(),
        "inspection_months": f["partner_id"].map(months).to_numpy(dtype=float, na_value=np.nan),
        "purpose_id": f["purpose_id"].to_numpy(), "purpose": f["purpose_id"].map(purposes["text_ja"]).to_numpy(),
        "purpose_kind": f["purpose_id"].map(purposes["kind"]).to_numpy(),
        "basis": f["basis"].to_numpy(), "direction": f["direction"].to_numpy(), "channel": f["channel"].to_numpy(),
        "encrypted": f["encrypted"].fillna(False).astype(bool).to_numpy(),
    })  # fmt: skip
    out["inspected_this_year"] = out["inspection_months"] < 12
    for col in ("level", "residual_level", "whatif_level", "score", "residual_score"):
        out[col] = (
            f["flow_id"].map(scored[col]).to_numpy()
            if col.endswith("score")
            else scored[col].reindex(f["flow_id"]).array
        )
    return out


def _refers(refs: pd.Series, kinds_ids: dict[str, set[str]]) -> pd.Series:
    """Which typed references (`partner:PO01`, `all`, …) point at any of the given rows."""
    kind, ident = split_reference(refs)
    hit = kind.eq("all")
    for k, ids in kinds_ids.items():
        hit |= kind.eq(k) & ident.isin(ids)
    return hit


def connected(
    a: Assessment,
    *,
    item: str | None = None,
    partner: str | None = None,
    department: str | None = None,
    purpose: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Everything connected to one item, partner, department or purpose: its flows (with risk and reasons),
    the findings about it or its flows, the controls that apply, and the actions that refer to it."""
    given = {
        k: v
        for k, v in {"item": item, "partner": partner, "department": department, "purpose": purpose}.items()
        if v
    }
    if len(given) != 1:
        raise ValueError("name exactly one of item=, partner=, department=, purpose=")
    inv, view = a.inventory, flow_view(a)
    key = {"item": "item_id", "partner": "partner_id", "department": "department_id", "purpose": "purpose_id"}
    kind, ident = next(iter(given.items()))
    flows = view[view[key[kind]] == ident]
    items = set(flows["item_id"]) | ({ident} if kind == "item" else set())
    if kind == "department":
        items |= set(inv.items.loc[inv.items["department_id"] == ident, "item_id"])
    partners = set(flows["partner_id"]) | ({ident} if kind == "partner" else set())
    departments = set(inv.items.loc[inv.items["item_id"].isin(items), "department_id"])
    # findings about the thing itself and its flows (a department's also about its items)
    subjects = {"flows": set(flows["flow_id"]), kind + "s": {ident}}
    if kind == "department":
        subjects["items"] = items
    f = a.findings
    about = pd.Series(False, index=f.index)
    for table, ids in subjects.items():
        about |= f["subject_table"].eq(table) & f["subject_id"].isin(ids)
    scope = {"item": items, "partner": partners, "flow": set(flows["flow_id"]), "department": departments}
    controls = inv.controls[_refers(inv.controls["applies_to"], scope)]
    acts = actions_status(inv, a.as_of)
    acts = acts[
        _refers(acts["refers_to"], scope)
        | acts["refers_to"].str.split(":").str[1].isin(set(f.loc[about, "rule_id"]))
    ]
    scored = a.risk.flows[a.risk.flows["flow_id"].isin(flows["flow_id"])]
    reasons = (
        explain(a.risk, inv, "flows", scored, factors=False)[["flow_id", "reason_ja", "reason_en"]]
        if len(scored)
        else None
    )
    flows_out = flows.merge(reasons, on="flow_id", how="left") if reasons is not None else flows
    return {"flows": flows_out.reset_index(drop=True), "findings": f[about].reset_index(drop=True),
            "controls": controls.reset_index(drop=True), "actions": acts.reset_index(drop=True)}  # fmt: skip


def what_if(a: Assessment, controls: list[str] | None = None, as_of: dt.date | None = None) -> Assessment:
    """The assessment as it would be with the named planned controls implemented (all planned ones when
    None): the same ledger and model, rescored and rechecked."""
    inv = dataclasses.replace(a.inventory, controls=a.inventory.controls.copy())
    c = inv.controls
    chosen = c["status"].eq(ControlStatus.planned) & (
        c["control_id"].isin(controls) if controls is not None else True
    )
    if controls is not None:
        unknown = sorted(set(controls) - set(c.loc[c["status"].eq(ControlStatus.planned), "control_id"]))
        if unknown:
            raise ValueError(f"not planned controls of this ledger: {', '.join(unknown)}")
    c.loc[chosen, "status"] = ControlStatus.implemented
    return dataclasses.replace(assess(inv, model=a.model, as_of=as_of or a.as_of), ledger_dir=a.ledger_dir)


def level_changes(before: Assessment, after: Assessment) -> pd.DataFrame:
    """Flows whose residual level differs between two assessments of the same ledger."""
    b = before.risk.flows[["flow_id", "residual_level"]]
    x = after.risk.flows[["flow_id", "residual_level"]]
    m = b.merge(x, on="flow_id", suffixes=("_before", "_after"))
    return m[m["residual_level_before"].astype(str) != m["residual_level_after"].astype(str)].reset_index(
        drop=True
    )


def describe(columns: dict[str, str] = FLOW_VIEW_COLUMNS) -> pd.DataFrame:
    """The documented columns of flow_view() as a table (for a notebook)."""
    return pd.DataFrame({"column": list(columns), "meaning": list(columns.values())})
