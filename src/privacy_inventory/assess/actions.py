"""The action register (PDCA 'Act'): which actions are overdue, which high findings and risks have no
action, which actions can close because their finding is gone, which were closed without evidence,
and drafts of new actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..frames import split_reference
from ..ledger.inventory import Inventory
from ..ledger.schema import ACTION_REF_PREFIXES, ActionStatus
from .action_state import OPEN, ActionState, actions_status
from .pipeline import Assessment
from .rules import Severity

__all__ = ["OPEN", "ActionState", "Register", "actions_status", "register", "suggest"]

# What an action's reference covers: findings about that subject, and flows of that item/partner/flow.
SUBJECT_TABLE = {kind: table for kind, table in ACTION_REF_PREFIXES.items() if table is not None}


def _refs(actions: pd.DataFrame) -> pd.DataFrame:
    kind, ident = split_reference(actions["refers_to"])
    rule, _, subject = ident.str.partition(":").T.to_numpy() if len(ident) else ([], [], [])
    return pd.DataFrame({"action_id": actions["action_id"].to_numpy(), "kind": kind.to_numpy(), "ident": ident.to_numpy(),
                         "rule": rule, "subject": subject, "status": actions["status"].to_numpy()})  # fmt: skip


def addressed_findings(
    inv: Inventory, findings: pd.DataFrame, statuses: tuple[str, ...] = (*OPEN, ActionStatus.done)
) -> pd.Series:
    """For each finding, whether an action (in the given statuses) refers to it, its rule, or its subject."""
    refs = _refs(inv.actions[inv.actions["status"].isin(statuses)])
    by_rule = set(refs.loc[(refs["kind"] == "finding") & (refs["subject"] == ""), "rule"])
    by_rule_subject = set(
        zip(
            refs.loc[refs["kind"] == "finding", "rule"],
            refs.loc[refs["kind"] == "finding", "subject"],
            strict=True,
        )
    )
    by_subject = {
        (SUBJECT_TABLE[k], i) for k, i in zip(refs["kind"], refs["ident"], strict=True) if k in SUBJECT_TABLE
    }
    return pd.Series(
        [r in by_rule or (r, s) in by_rule_subject or (t, s) in by_subject
         for r, t, s in zip(findings["rule_id"], findings["subject_table"], findings["subject_id"], strict=True)],
        index=findings.index, dtype=bool,
    )  # fmt: skip


def addressed_flows(
    inv: Inventory, flows: pd.DataFrame, statuses: tuple[str, ...] = (*OPEN, ActionStatus.done)
) -> pd.Series:
    """For each scored flow, whether an action refers to the flow, its item or its partner."""
    refs = _refs(inv.actions[inv.actions["status"].isin(statuses)])
    ids = {k: set(refs.loc[refs["kind"] == k, "ident"]) for k in ("flow", "item", "partner")}
    return (
        flows["flow_id"].isin(ids["flow"])
        | flows["item_id"].isin(ids["item"])
        | flows["partner_id"].isin(ids["partner"])
    )


@dataclass
class Register:
    actions: pd.DataFrame  # every action with its state
    overdue: pd.DataFrame
    unaddressed_findings: pd.DataFrame  # high findings nobody is acting on
    unaddressed_risks: pd.DataFrame  # high+ residual flows nobody is acting on
    ready_to_close: pd.DataFrame  # open actions whose finding has disappeared
    closed_without_evidence: pd.DataFrame

    def counts(self) -> dict[str, int]:
        return {k: len(getattr(self, k)) for k in ("overdue", "unaddressed_findings", "unaddressed_risks", "ready_to_close",
                                                    "closed_without_evidence")}  # fmt: skip


def register(a: Assessment) -> Register:
    """The action register of an assessment: what is overdue, unaddressed, ready to close."""
    inv, findings, flows = a.inventory, a.findings, a.risk.flows
    acts = actions_status(inv, a.as_of)
    high_f = findings[findings["severity"].astype(str) == Severity.high]
    risky = flows[flows["residual_level"].astype(str).isin(a.model.high_levels)]
    refs = _refs(inv.actions)
    open_finding_refs = refs[(refs["kind"] == "finding") & refs["status"].isin(OPEN)]
    present = set(findings["rule_id"])
    present_pairs = set(zip(findings["rule_id"], findings["subject_id"], strict=True))
    gone = []
    for aid, rule_id, subject in zip(
        open_finding_refs["action_id"], open_finding_refs["rule"], open_finding_refs["subject"], strict=True
    ):
        still_there = rule_id in present if subject == "" else (rule_id, subject) in present_pairs
        if not still_there:
            gone.append(aid)
    return Register(
        actions=acts,
        overdue=acts[acts["state"] == ActionState.overdue].reset_index(drop=True),
        unaddressed_findings=high_f[~addressed_findings(inv, high_f)].reset_index(drop=True),
        unaddressed_risks=risky[~addressed_flows(inv, risky)].reset_index(drop=True),
        ready_to_close=acts[acts["action_id"].isin(gone)].reset_index(drop=True),
        closed_without_evidence=acts[
            (acts["status"] == ActionStatus.done) & acts["evidence"].isna()
        ].reset_index(drop=True),
    )


def suggest(inv: Inventory, reg: Register, as_of: dt.date) -> pd.DataFrame:
    """Draft actions: one per unaddressed high finding, one per partner with unaddressed high risks."""
    rows = []
    due = (pd.Timestamp(as_of) + pd.DateOffset(months=3)).date().isoformat()
    for f in reg.unaddressed_findings.itertuples():
        rows.append(
            {
                "title": f"{f.fix}（{f.rule_id}）",
                "refers_to": f"finding:{f.rule_id}:{f.subject_id}",
                "due": due,
            }
        )
    if len(reg.unaddressed_risks):
        names = inv.partners.set_index("partner_id")["name"]
        per_partner = reg.unaddressed_risks.groupby("partner_id")["flow_id"].agg(["count", "first"])
        for pid, r in per_partner.iterrows():
            rows.append({"title": f"{names.get(pid, pid)}への提供{r['count']}件の残留リスク（高以上）を低減する対策を決める",
                         "refers_to": f"partner:{pid}", "due": due})  # fmt: skip
    if not rows:
        return pd.DataFrame(columns=inv.actions.columns)
    out = pd.DataFrame(rows)
    existing = inv.actions["action_id"].str.extract(r"(\d+)$")[0].dropna().astype(int)
    start = int(existing.max()) + 1 if len(existing) else 1
    out.insert(0, "action_id", [f"A{n:03d}" for n in range(start, start + len(out))])
    out["owner"] = ""
    out["status"] = ActionStatus.open
    out["source"] = "assumption:drafted by `actions suggest`"
    return out.reindex(columns=inv.actions.columns)
