"""The incident register: recording an assessed incident, reading it back, the duty states on a date,
the period's incidents for the review, older ledgers and snapshots without the table, and diff."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pandas as pd
import pytest

from privacy_inventory import assess, load_inventory
from privacy_inventory.assess.diff import diff_sides, ledger_side
from privacy_inventory.assess.incident_register import (
    DutyStatus,
    next_incident_id,
    register_status,
    step_status,
)
from privacy_inventory.assess.incident_review import incident_trend, incidents_in_period
from privacy_inventory.ledger.schema import ACTIONS, INCIDENTS
from privacy_inventory.report.history import diff
from privacy_inventory.report.snapshot import read_snapshot

from .conftest import REPO
from .ledger_edit import read, write

TRIAGE = ("--item", "I030", "--records", "101", "--cause", "misdelivery", "--discovered", "2026-11-20")


@pytest.fixture(scope="module")
def q4():
    return assess(as_of="2026-12-31")


# --- the state of a report step on a date ------------------------------------------------------------


def test_step_states():
    due = pd.Series(pd.to_datetime(["2026-12-20"] * 6))
    sent = pd.Series(pd.to_datetime(["2026-12-20", "2026-12-21", None, None, "2027-01-05", None]))
    required = pd.Series([True, True, True, True, True, False])
    got = step_status(required, due, sent, dt.date(2026, 12, 31)).tolist()
    assert got == [
        DutyStatus.met_on_time,  # sent on the last day: in time
        DutyStatus.met_late,
        DutyStatus.overdue,  # nothing sent, the day passed
        DutyStatus.overdue,
        DutyStatus.overdue,  # sent after the day asked about: not yet sent on that day
        DutyStatus.not_required,
    ]
    before = step_status(required, due, sent, dt.date(2026, 12, 20)).tolist()
    assert before[2] == DutyStatus.due and before[0] == DutyStatus.met_on_time


def test_next_id_counts_within_the_discovery_year():
    ids = pd.Series(["INC-2026-001", "INC-2026-009", "INC-2025-120", "other"])
    assert next_incident_id(ids, dt.date(2026, 3, 1)) == "INC-2026-010"
    assert next_incident_id(ids, dt.date(2027, 1, 2)) == "INC-2027-001"
    assert next_incident_id(pd.Series([], dtype="str"), dt.date(2026, 1, 1)) == "INC-2026-001"


# --- recording -----------------------------------------------------------------------------------------


def test_record_appends_the_assessed_incident(cli, ledger):
    before = (ledger / "incidents.csv").read_bytes()
    res = cli("incident", ledger, *TRIAGE, "--record", "--notes", "給与明細の誤送付")
    assert res.code == 0 and "INC-2026-006" in res.err
    after = (ledger / "incidents.csv").read_bytes()
    assert after.startswith(before)  # the existing bytes are kept
    row = load_inventory(ledger).incidents.set_index("incident_id").loc["INC-2026-006"]
    assert (row["cause"], row["confidentiality"], row["people"], row["my_number_people"]) == (
        "misdelivery", "known_recipients", 101, 101,
    )  # fmt: skip
    assert (row["appi_duty"], row["mn_duty"], row["band"], row["se"]) == (
        "not_reportable",
        "required",
        "high",
        "3.25",
    )
    assert row["mn_final_due"] == pd.Timestamp("2026-12-20") and pd.isna(row["appi_final_due"])
    assert row["notice_due"] == pd.Timestamp("2026-12-20") and row["status"] == "open"
    assert row["source"].startswith("record:") and row["notes"] == "給与明細の誤送付"


def test_record_refuses_a_duplicate_id_and_leaves_the_file(cli, ledger):
    before = (ledger / "incidents.csv").read_bytes()
    res = cli("incident", ledger, *TRIAGE, "--record", "--id", "INC-2026-003")
    assert res.code == 2 and "INC-2026-003" in res.err and "already" in res.err
    assert (ledger / "incidents.csv").read_bytes() == before
    assert cli("incident", ledger, *TRIAGE, "--record", "--id", "X-1").code == 0
    assert cli("incident", ledger, *TRIAGE, "--record", "--id", "X-1").code == 2


def test_record_keeps_a_cp932_register_in_cp932(cli, ledger):
    write(ledger, "incidents.csv", read(ledger, "incidents.csv"), encoding="cp932")
    before = (ledger / "incidents.csv").read_bytes()
    assert cli("incident", ledger, *TRIAGE, "--record", "--notes", "髙橋①").code == 0
    after = (ledger / "incidents.csv").read_bytes()
    assert after.startswith(before) and "髙橋①" in after.decode("cp932")
    assert load_inventory(ledger).encodings["incidents"] == "cp932"


def test_record_creates_the_register_of_an_older_ledger(cli, ledger):
    (ledger / "incidents.csv").unlink()
    actions = read(ledger, "actions.csv")
    write(ledger, "actions.csv", actions[~actions["refers_to"].str.startswith("incident:")])
    assert load_inventory(ledger).incidents.empty  # a ledger from before the register: valid, empty
    assert cli("incident", ledger, *TRIAGE, "--record").code == 0
    inv = load_inventory(ledger)
    assert inv.incidents["incident_id"].tolist() == ["INC-2026-001"]
    assert list(read(ledger, "incidents.csv").columns) == INCIDENTS.column_names


def test_record_needs_a_ledger_directory(cli, tmp_path):
    res = cli("incident", *TRIAGE, "--record")
    assert res.code == 2 and "--record" in res.err


# --- reading the register --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_list_shows_labels_and_json_keeps_codes(cli, lang):
    res = cli("incident", "list", "--as-of", "2026-12-31", "--lang", lang)
    assert res.code == 0 and "INC-2026-005" in res.out
    flat = res.out.replace("\n", "")
    for code in (
        "misdelivery",
        "accidental_publication",
        "not_required",
        "met_late",
        "very_high",
        "in_progress",
    ):
        assert code not in flat, code
    assert ("期限後に実施" if lang == "ja" else "met late") in res.out.replace("\n", "").replace("│", "")
    data = json.loads(cli("incident", "list", "--as-of", "2026-12-31", "--format", "json").out)
    by_id = {r["incident_id"]: r for r in data}
    assert (
        by_id["INC-2026-003"]["appi_final_status"] == "met_late"
        and by_id["INC-2026-003"]["cause"] == "accidental_publication"
    )
    assert by_id["INC-2026-001"]["appi_duty"] == "not_a_leak"
    opened = json.loads(cli("incident", "list", "--status", "open", "--format", "json").out)
    assert [r["incident_id"] for r in opened] == ["INC-2026-005"]


def test_show_one_incident(cli):
    res = cli("incident", "show", "INC-2026-004", "--as-of", "2026-12-31", "--lang", "ja")
    assert (
        res.code == 0
        and "INC-2026-004" in res.out
        and "期限内に実施" in res.out
        and "not_reportable" not in res.out
    )
    shown = cli("incident", "show", "INC-2026-001", "--lang", "ja").out
    assert (
        "仮定（例示の事案）" in shown and "assumption" not in shown
    )  # the source as a word, with its detail
    data = json.loads(cli("incident", "show", "INC-2026-004", "--format", "json").out)
    assert data["mn_duty"] == "required" and data["mn_final_sent"] == "2026-10-30"
    md = cli("incident", "show", "INC-2026-004", "--format", "md").out
    assert "報告・本人通知が必要（番号法）" in md and "2026-11-01" in md
    missing = cli("incident", "show", "INC-1999-001")
    assert missing.code == 2 and "INC-2026-001" in missing.err


def test_ledger_first_and_subcommand_first_both_work(cli, ledger):
    assert cli("incident", ledger, "--item", "I001", "--discovered", "2026-11-20").code == 0
    assert "INC-2026-002" in cli("incident", "list", ledger).out
    assert "INC-2026-002" in cli("incident", ledger, "list").out


# --- the period's incidents for the quarterly review -----------------------------------------------------


def test_incidents_of_the_third_quarter(q4):
    p = incidents_in_period(q4, "2026-07-01", "2026-09-30").set_index("incident_id")
    # INC-2026-001 closed in April: not followed up; INC-2026-002 (June) still open on 1 July: carried
    assert list(p.index) == ["INC-2026-002", "INC-2026-003"]
    assert p.loc["INC-2026-002", "period_role"] == "carried" and p.loc["INC-2026-003", "period_role"] == "new"
    # the web publication: 確報 due 2026-09-02, sent 2026-09-10 → met late; notice sent 2026-08-20 → on time
    inc3 = p.loc["INC-2026-003"]
    assert (inc3["appi_final_status"], inc3["notice_status"], inc3["appi_status"]) == (
        "met_late",
        "met_on_time",
        "met_late",
    )
    assert inc3["mn_status"] == "not_required" and inc3["status_then"] == "open"  # closed only in October
    assert inc3["action_id"] == "A008" and inc3["action_state"] == "open"


def test_incidents_of_the_fourth_quarter(q4):
    p = incidents_in_period(q4, "2026-10-01", "2026-12-31").set_index("incident_id")
    assert list(p.index) == ["INC-2026-003", "INC-2026-004", "INC-2026-005"]
    assert p.loc["INC-2026-004", ["appi_duty", "mn_duty", "mn_status"]].tolist() == [
        "not_reportable",
        "required",
        "met_on_time",
    ]
    theft = p.loc["INC-2026-005"]
    assert theft["appi_final_due"] == pd.Timestamp("2027-01-23") and theft["appi_final_status"] == "due"
    assert theft["appi_preliminary_status"] == "met_on_time" and theft["action_state"] == "open"
    # as it stood at the end of November: the notice (sent 2026-12-03) not yet given, its target not passed
    nov = incidents_in_period(q4, "2026-11-01", "2026-11-30").set_index("incident_id")
    assert nov.loc["INC-2026-005", "notice_status"] == "due" and pd.isna(
        nov.loc["INC-2026-005", "notice_sent"]
    )


def test_trend_counts_per_quarter(q4):
    trend = incident_trend(q4, "2026-01-01", "2026-12-31")
    assert trend["period"].tolist() == ["2026Q1", "2026Q2", "2026Q3", "2026Q4"]
    assert trend["incidents"].tolist() == [0, 2, 1, 2]
    assert trend["reportable"].tolist() == [0, 1, 1, 2]  # Q4: the theft (APPI) and the My Numbers (番号法)
    assert trend["open_at_end"].tolist() == [0, 1, 1, 1]
    assert trend["overdue"].tolist() == [0, 0, 0, 0]


def test_register_status_of_a_ledger_without_incidents(q4):
    inv = load_inventory()
    inv.incidents = inv.incidents.head(0)
    assert register_status(inv, dt.date(2026, 12, 31)).empty
    a = assess(inv, as_of="2026-12-31")
    assert incidents_in_period(a, "2026-10-01", "2026-12-31").empty
    assert incident_trend(a, "2026-10-01", "2026-12-31")["incidents"].tolist() == [0]


# --- ledgers, workbooks and snapshots from before the register -------------------------------------------


def test_init_and_synth_write_the_register(cli, tmp_path):
    assert cli("init", tmp_path / "new").code == 0
    assert (
        (tmp_path / "new" / "incidents.csv").read_text(encoding="utf-8").startswith("incident_id,discovered,")
    )
    assert cli("synth", tmp_path / "s", "--items", "30", "--partners", "5", "--flows", "50").code == 0
    assert len(load_inventory(tmp_path / "s").incidents) >= 3


def test_workbook_has_the_register_and_an_older_one_imports(cli, tmp_path):
    from openpyxl import load_workbook

    book = tmp_path / "l.xlsx"
    assert cli("export-xlsx", book).code == 0
    wb = load_workbook(book)
    assert INCIDENTS.sheet in wb.sheetnames
    assert load_inventory(book).incidents["incident_id"].tolist()[-1] == "INC-2026-005"
    del wb[INCIDENTS.sheet]
    for row in wb[ACTIONS.sheet].iter_rows(min_row=3):  # the prevention actions refer to incidents
        if str(row[2].value or "").startswith("incident:"):
            row[2].value = "item:I001"
    wb.save(book)
    assert load_inventory(book).incidents.empty


# --- diff: incidents added and closed --------------------------------------------------------------------


def test_diff_of_ledgers_sees_a_recorded_incident(cli, ledger):
    before = ledger_side(ledger, dt.date(2026, 12, 31))
    assert cli("incident", ledger, *TRIAGE, "--record").code == 0
    after = ledger_side(ledger, dt.date(2026, 12, 31))
    d = diff_sides(before, after)
    assert d.incidents[["change", "incident_id"]].values.tolist() == [["added", "INC-2026-006"]]
    assert ("incidents", "INC-2026-006", "added") in {
        (r.table, r.key, r.change) for r in d.changes.itertuples()
    }


# --- the stored illustrative history (reports/2026Q2, 2026Q3) -----------------------------------------


def test_snapshot_without_the_table_reads_as_an_empty_register(tmp_path):
    folder = tmp_path / "2026Q1"
    shutil.copytree(REPO / "reports" / "2026Q2", folder)
    (folder / "snapshot" / "incidents.parquet").unlink()
    inv = read_snapshot(folder).inventory
    assert inv.incidents.empty and list(inv.incidents.columns) == INCIDENTS.column_names
    assert str(inv.incidents["discovered"].dtype).startswith("datetime64")
    d = diff("2026Q1", REPO / "inventory", out=tmp_path, as_of=dt.date(2026, 12, 31))
    assert set(d.incidents["incident_id"]) == {f"INC-2026-00{i}" for i in range(1, 6)}


def test_diff_of_stored_periods_shows_incidents_added_and_closed(cli):
    d = diff("2026Q2", "2026Q3", REPO / "reports")
    got = {(r.change, r.incident_id) for r in d.incidents.itertuples()}
    assert got == {("closed", "INC-2026-002"), ("added", "INC-2026-003")}
    assert d.counts()["incidents_added"] == 1 and d.counts()["incidents_closed"] == 1
    res = cli("diff", "2026Q2", "2026Q3", "--out", REPO / "reports", "--format", "json")
    assert res.code == 0 and {r["incident_id"] for r in json.loads(res.out)["incidents"]} == {
        "INC-2026-002",
        "INC-2026-003",
    }
    assert cli("diff", "2026Q2", "2026Q3", "--out", REPO / "reports").code == 0
