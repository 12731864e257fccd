"""The incident register seen by a quarterly review: the period's incidents with whether each duty was
met, and a count per period for the trend. The review's pages call these; nothing here draws.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..i18n import Vocabulary
from ..ledger.schema import Duty
from .incident_register import STEPS, DutyStatus, register_status
from .pipeline import Assessment, as_date


class PeriodRole(Vocabulary):
    """Why an incident belongs to a period's review."""

    new = "new", "期間中に発覚", "discovered in the period"
    carried = "carried", "前期から継続", "carried over, still open"


PERIOD_COLUMNS = [
    "incident_id", "period_role", "discovered", "cause", "people", "band", "appi_duty", "mn_duty",
    *[c for step, (_, due, sent) in STEPS.items() for c in (due, sent, f"{step}_status")],
    "appi_status", "mn_status", "status_then", "action_id", "action_state",
]  # fmt: skip
TREND_COLUMNS = ["period", "incidents", "reportable", "people", "overdue", "open_at_end"]


def incidents_in_period(assessment: Assessment, start: dt.date | str, end: dt.date | str) -> pd.DataFrame:
    """One row per incident of the period [start, end] (both days included), oldest first.

    An incident belongs to the period when it was discovered in it (`period_role` = "new") or was
    discovered before and was still open on `start` (`period_role` = "carried": the review follows it
    up). Everything is judged as of `end`: a report sent or an incident closed after `end` does not
    count yet, so a past period reads as it stood then.

    Columns (codes, for the review to label with their Vocabulary):
    - incident_id, period_role (PeriodRole), discovered (date), cause (Cause), people (int),
      band (Band: ENISA severity band), appi_duty, mn_duty (Duty: required / not_reportable /
      exempt_encrypted / not_a_leak / not_involved);
    - for each step — appi_preliminary, appi_final, mn_preliminary, mn_final, notice — its due date,
      sent date and `<step>_status` (DutyStatus: met_on_time / met_late / due / overdue / not_required);
      the due columns are `appi_preliminary_due`, `appi_final_due`, `mn_preliminary_due`,
      `mn_final_due`, `notice_due`, the sent columns the same with `_sent`;
    - appi_status, mn_status (DutyStatus: the worst of the duty's two reports);
    - status_then (IncidentStatus as of `end`), action_id (the recurrence-prevention action) and
      action_state (ActionState as of `end`; missing when the incident has no action).
    """
    first, last = as_date(start), as_date(end)
    r = register_status(assessment.inventory, last)
    if r.empty:
        return pd.DataFrame(columns=PERIOD_COLUMNS)
    day0, day1 = pd.Timestamp(first), pd.Timestamp(last)
    new = (r["discovered"] >= day0) & (r["discovered"] <= day1)
    closed_before = r["status"].eq("closed") & r["closed_on"].notna() & (r["closed_on"] < day0)
    closed_undated = r["status"].eq("closed") & r["closed_on"].isna()
    carried = (r["discovered"] < day0) & ~closed_before & ~closed_undated
    out = r[new | carried].copy()
    out["period_role"] = PeriodRole.carried.value
    out.loc[new[new | carried], "period_role"] = PeriodRole.new.value
    return out.sort_values(["discovered", "incident_id"], kind="stable")[PERIOD_COLUMNS].reset_index(
        drop=True
    )


def incident_trend(assessment: Assessment, start: dt.date | str, end: dt.date | str) -> pd.DataFrame:
    """One row per calendar quarter from the one holding `start` to the one holding `end` (label
    "2026Q3"): incidents discovered in it, how many needed a report (APPI or My Number), people
    affected, report steps overdue at its last day among its incidents (new and carried), and
    incidents still open at its last day."""
    quarters = pd.period_range(pd.Timestamp(as_date(start)), pd.Timestamp(as_date(end)), freq="Q")
    rows = []
    for q in quarters:
        begin, finish = q.start_time.date(), q.end_time.date()
        rows.append({"period": str(q)} | period_figures(incidents_in_period(assessment, begin, finish)))
    return pd.DataFrame(rows, columns=TREND_COLUMNS)


def period_figures(period: pd.DataFrame) -> dict[str, int]:
    """The figures of one period's incidents (from incidents_in_period): discovered in it, of those how
    many needed a report (APPI or My Number) and how many people they affected, report or notice steps
    overdue at its last day (new and carried), and incidents still open then."""
    new = period[period["period_role"] == "new"]
    steps = period[[f"{s}_status" for s in STEPS]]
    return {
        "incidents": len(new),
        "reportable": int((new["appi_duty"].eq(Duty.required) | new["mn_duty"].eq(Duty.required)).sum()),
        "people": int(new["people"].fillna(0).sum()),
        "overdue": int((steps == DutyStatus.overdue).to_numpy().sum()),
        "open_at_end": int((period["status_then"] == "open").sum()),
    }
