"""The incident register (incidents.csv): a row from an assessed incident, the state of each duty on a
date, and a recorded incident read back as an Incident.

Each duty has report steps, each with a due date and a sent date:
- APPI Art.26(1), PPC Rules Art.8: 速報 (preliminary; "promptly", the due date is the end of the PPC's
  3–5-day guidance) and 確報 (final: 30 days, 60 for an unlawful purpose);
- My Number Act Art.29-4(1) and its rules Art.3: the same two steps (days unconfirmed: risk_model.yaml);
- notice to the people, APPI Art.26(2) / My Number Act Art.29-4(2) ("promptly": the due date is the
  office's own target, breach.appi.notice_days).
A step's state on a date: not required; due (date not passed, not sent); overdue (date passed, not
sent); met on time; met late. A sent date after the date asked about does not count yet, so a past
period sees the register as it stood then.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from ..i18n import Vocabulary
from ..ledger.inventory import Inventory
from ..ledger.schema import INCIDENTS, Duty, IncidentStatus
from .action_state import actions_status
from .incident import Incident, IncidentAssessment, Selection


class DutyStatus(Vocabulary):
    """Whether a report or notice was made, and on time, as of a date (worst first)."""

    overdue = "overdue", "期限超過・未実施", "overdue, not sent"
    due = "due", "期限前・未実施", "due, not yet sent"
    met_late = "met_late", "期限後に実施", "met late"
    met_on_time = "met_on_time", "期限内に実施", "met on time"
    not_required = "not_required", "不要", "not required"


# step → (the duty that requires it, its due column, its sent column); notice: either duty requires it
STEPS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "appi_preliminary": (("appi_duty",), "appi_preliminary_due", "appi_preliminary_sent"),
    "appi_final": (("appi_duty",), "appi_final_due", "appi_final_sent"),
    "mn_preliminary": (("mn_duty",), "mn_preliminary_due", "mn_preliminary_sent"),
    "mn_final": (("mn_duty",), "mn_final_due", "mn_final_sent"),
    "notice": (("appi_duty", "mn_duty"), "notice_due", "notice_sent"),
}
DUTY_STEPS = {"appi": ("appi_preliminary", "appi_final"), "mn": ("mn_preliminary", "mn_final")}
WORST_FIRST = DutyStatus.codes()
ID_PATTERN = re.compile(r"^INC-(\d{4})-(\d+)$")


def _required(incidents: pd.DataFrame, duties: tuple[str, ...]) -> pd.Series:
    out = pd.Series(False, index=incidents.index)
    for d in duties:
        out |= incidents[d].astype("str").eq(Duty.required).fillna(False).astype(bool)
    return out


def step_status(required: pd.Series, due: pd.Series, sent: pd.Series, as_of: dt.date) -> pd.Series:
    """The state of one report step of each incident as of a date (see the module's docstring)."""
    day = pd.Timestamp(as_of)
    sent = sent.where(sent <= day)  # not yet sent on that day
    late = sent.notna() & due.notna() & (sent > due)
    status = pd.Series(DutyStatus.due.value, index=required.index, dtype="str")
    status = status.where(~(sent.isna() & due.notna() & (due < day)), DutyStatus.overdue.value)
    status = status.where(~sent.notna(), DutyStatus.met_on_time.value)
    status = status.where(~late, DutyStatus.met_late.value)
    return status.where(required, DutyStatus.not_required.value)


def worst(statuses: list[pd.Series]) -> pd.Series:
    """The worst state of several steps (overdue before due before met late …)."""
    rank = pd.concat([s.map(WORST_FIRST.index) for s in statuses], axis=1).min(axis=1)
    return rank.map(lambda i: WORST_FIRST[int(i)]).astype("str")


def register_status(inv: Inventory, as_of: dt.date) -> pd.DataFrame:
    """The register with, for each incident, the state of every step (`<step>_status`), of each duty
    (`appi_status`, `mn_status`: its worst step), the status as it stood on `as_of` (`status_then`: a
    closure after that day does not count), and its recurrence-prevention action's state."""
    r = inv.incidents.copy()
    for _, _, sent in STEPS.values():
        r[sent] = r[sent].where(r[sent] <= pd.Timestamp(as_of))  # sent later: not yet, on that day
    for step, (duties, due, sent) in STEPS.items():
        r[f"{step}_status"] = step_status(_required(r, duties), r[due], r[sent], as_of)
    for duty, steps in DUTY_STEPS.items():
        r[f"{duty}_status"] = worst([r[f"{s}_status"] for s in steps]) if len(r) else pd.Series(dtype="str")
    closed = r["status"].eq(IncidentStatus.closed).fillna(False).astype(bool)
    closed_then = closed & (r["closed_on"].isna() | (r["closed_on"] <= pd.Timestamp(as_of)))
    r["status_then"] = pd.Series(IncidentStatus.open.value, index=r.index, dtype="str").where(
        ~closed_then, IncidentStatus.closed.value
    )
    states = actions_status(inv, as_of).set_index("action_id")["state"]
    r["action_state"] = r["action_id"].map(states).astype("str")
    return r


# --- recording an assessed incident ------------------------------------------------------------------


def next_incident_id(existing: pd.Series, discovered: dt.date) -> str:
    """INC-<year>-<nnn>: the next number of the discovery year."""
    numbers = [
        int(m.group(2))
        for m in (ID_PATTERN.match(str(x)) for x in existing.dropna())
        if m and int(m.group(1)) == discovered.year
    ]
    return f"INC-{discovered.year}-{max(numbers, default=0) + 1:03d}"


def _iso(value: Any) -> str:
    return "" if value in (None, "") else str(value)


def register_row(a: IncidentAssessment, incident_id: str, source: str, notes: str = "") -> dict[str, str]:
    """The register's row (text, as the CSV holds it) of an assessed incident: scope, circumstances, SE
    and band, both duties with their due dates; sent dates, notice date and action left to fill in."""
    inc, e, appi, mn = a.incident, a.enisa, a.appi, a.my_number
    circ = e["circumstances"]
    appi_dl, mn_dl = appi.get("deadlines") or {}, mn.get("deadlines") or {}
    notice = appi.get("notice_by") or mn.get("notice_by") or ""

    def flag(value: bool) -> str:
        return "true" if value else "false"

    row = {
        "incident_id": incident_id,
        "discovered": inc.discovered.isoformat(),
        "occurred": inc.occurred.isoformat() if inc.occurred else "",
        "cause": inc.cause,
        "confidentiality": circ["confidentiality"],
        "integrity": circ["integrity"],
        "availability": circ["availability"],
        "malicious": flag(circ["malicious"]),
        "publicly_viewable": flag(circ["publicly_viewable"]),
        "mn_network": flag(inc.mn_network),
        "recovered_unread": flag(circ["recovered_unread"]),
        "encrypted": flag(circ["encrypted"]),
        "adjustments": ";".join(e["adjustments"]),
        "partner_id": inc.selection.partner or "",
        "item_ids": ";".join(inc.selection.items),
        "flow_ids": ";".join(inc.selection.flows),
        "department_id": inc.selection.department or "",
        "people": str(a.people),
        "my_number_people": str(mn["people"]) if mn.get("involved") else "",
        "se": f"{e['se']:g}",
        "band": e["band"],
        "appi_duty": appi["duty"],
        "mn_duty": mn.get("duty", Duty.not_involved.value),
        "appi_preliminary_due": _iso(appi_dl.get("preliminary_by")),
        "appi_final_due": _iso(appi_dl.get("final_by")),
        "mn_preliminary_due": _iso(mn_dl.get("preliminary_by")),
        "mn_final_due": _iso(mn_dl.get("final_by")),
        "notice_due": notice,
        "status": IncidentStatus.open.value,
        "source": source,
        "notes": notes,
    }
    return {c: str(row.get(c, "")) for c in INCIDENTS.column_names}


def _ids(value: Any) -> list[str]:
    return [] if pd.isna(value) else [v.strip() for v in str(value).split(";") if v.strip()]


def _opt(value: Any) -> Any:
    return (
        None if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)) else value
    )


def incident_from_row(row: pd.Series) -> Incident:
    """A recorded incident as an Incident again (to draft its report, or assess it on today's ledger)."""

    def day(value: Any) -> dt.date | None:
        value = _opt(value)
        return None if value is None else pd.Timestamp(value).date()

    def flag(value: Any) -> bool | None:
        value = _opt(value)
        return None if value is None else bool(value)

    return Incident(
        Selection(
            _opt(row["partner_id"]), _ids(row["item_ids"]), _opt(row["department_id"]), _ids(row["flow_ids"])
        ),
        str(row["cause"]),
        day(row["discovered"]),
        records=int(row["people"]),
        malicious=flag(row["malicious"]),
        encrypted=bool(flag(row["encrypted"])),
        confidentiality=_opt(row["confidentiality"]),
        integrity=_opt(row["integrity"]),
        availability=_opt(row["availability"]),
        publicly_viewable=flag(row["publicly_viewable"]),
        recovered_unread=bool(flag(row["recovered_unread"])),
        mn_network=bool(flag(row["mn_network"])),
        adjustments=tuple(_ids(row["adjustments"])),
        my_number_people=None if _opt(row["my_number_people"]) is None else int(row["my_number_people"]),
        occurred=day(row["occurred"]),
    )
