"""Build the bundled, illustrative history of the co-op: reports/2026Q2 and reports/2026Q3.

The quarterly review compares each period with the previous one and draws trends across all stored
periods; so that a first run shows something, the repository ships two earlier periods derived from
the bundled ledger by undoing a few changes. Every change is illustrative (the policy states none):
    2026Q3 → 2026Q4: a new outsourcee (PO06, email cloud abroad) and its flows and planned control C11;
                     encryption of account data (C09) implemented.
    2026Q2 → 2026Q3: the welfare division trained (D05) and action A004 closed; the IT outsourcee (PO03)
                     inspected; action A005 closed (without evidence); A001 started.
    The incident register as it stood at each period's end: incidents discovered later left out, with
    their recurrence-prevention actions; reports, notices and closures made later not yet made.
Run from the repository root:  .venv/bin/python scripts/build_history.py   (refuses existing periods)
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pandas as pd

from privacy_inventory import load_inventory
from privacy_inventory.assess.model import load_model, model_path
from privacy_inventory.paths import bundled_inventory
from privacy_inventory.report.context import compute
from privacy_inventory.report.period import parse_period
from privacy_inventory.report.review import write_data_only

NOTE = "例示の履歴（データのみ）：バンドルされた台帳から一部の変更を戻して作成 / Illustrative history (data only)"


def set_row(df: pd.DataFrame, key: str, ident: str, **values) -> None:
    for col, value in values.items():
        df.loc[df[key] == ident, col] = value


SENT = ["appi_preliminary_sent", "appi_final_sent", "mn_preliminary_sent", "mn_final_sent", "notice_sent"]


def register_then(inv, end: str) -> None:
    """The incident register and its prevention actions as they stood on `end`."""
    day = pd.Timestamp(end)
    later = inv.incidents["discovered"] > day
    gone = {f"incident:{i}" for i in inv.incidents.loc[later, "incident_id"]}
    inc = inv.incidents[~later].copy()
    for col in [*SENT, "closed_on"]:
        inc[col] = inc[col].where(inc[col] <= day)
    inc["status"] = inc["status"].where(inc["closed_on"].notna(), "open")
    inv.incidents = inc.reset_index(drop=True)
    acts = inv.actions[~inv.actions["refers_to"].isin(gone)].copy()
    reopened = acts["refers_to"].str.startswith("incident:") & (acts["closed_on"] > day)
    acts.loc[reopened, "status"] = "in_progress"
    acts.loc[reopened, "closed_on"] = pd.NaT
    acts.loc[reopened, "evidence"] = pd.NA
    inv.actions = acts.reset_index(drop=True)


def quarter3(inv):
    q3 = copy.deepcopy(inv)
    register_then(q3, "2026-09-30")
    q3.partners = q3.partners[q3.partners["partner_id"] != "PO06"].reset_index(drop=True)
    q3.flows = q3.flows[q3.flows["partner_id"] != "PO06"].reset_index(drop=True)
    q3.controls = q3.controls[q3.controls["control_id"] != "C11"].reset_index(drop=True)
    set_row(
        q3.controls, "control_id", "C09", status="planned", evidence=pd.NA, last_reviewed=pd.NaT, notes=pd.NA
    )
    return q3


def quarter2(q3):
    q2 = copy.deepcopy(q3)
    register_then(q2, "2026-06-30")
    set_row(q2.departments, "department_id", "D05", last_training=pd.Timestamp("2025-06-10"))
    set_row(q2.actions, "action_id", "A004", status="in_progress", closed_on=pd.NaT, evidence=pd.NA)
    set_row(q2.actions, "action_id", "A005", status="open", closed_on=pd.NaT)
    set_row(q2.actions, "action_id", "A001", status="open")
    set_row(q2.partners, "partner_id", "PO03", last_inspection=pd.Timestamp("2025-06-20"))
    set_row(q2.controls, "control_id", "C06", last_reviewed=pd.Timestamp("2025-06-20"))
    return q2


def main(out: Path) -> None:
    ledger = bundled_inventory()
    inv = load_inventory(ledger)
    model = load_model(model_path(ledger))
    q3 = quarter3(inv)
    for period, ledger_state in (("2026Q2", quarter2(q3)), ("2026Q3", q3)):
        ctx = compute(ledger_state, parse_period(period), "ja", model)
        print("wrote", write_data_only(ctx, out, NOTE))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("reports"))
