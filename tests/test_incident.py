"""Breach impact: ENISA severity, APPI Art.26 triggers and deadlines, My Number, clear errors."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re

import pytest

from privacy_inventory import load_inventory
from privacy_inventory.assess.incident import (
    Incident,
    Selection,
    assess_incident,
    enisa_severity,
    report_deadlines,
)
from privacy_inventory.assess.model import load_model, parse_model

D = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def inv():
    return load_inventory()


@pytest.fixture(scope="module")
def model():
    return load_model()


def run(inv, model, items=(), records=None, cause="misdelivery", when=D, **kw):
    sel = Selection(partner=kw.pop("partner", None), items=list(items), department=kw.pop("department", None))
    return assess_incident(inv, model, Incident(sel, cause, when, records, **kw))


def test_the_delivery_contractor_loses_a_list_of_1200_members(cli):
    res = cli(
        "incident",
        "--partner",
        "PO01",
        "--records",
        "1200",
        "--cause",
        "loss",
        "--discovered",
        "2026-11-20",
        "--format",
        "json",
    )
    assert res.code == 0
    data = json.loads(res.out)
    appi = data["appi_26"]
    assert appi["report_required"] is True and appi["notify_individuals"] is True
    assert appi["fired"] == ["iv_over_1000_people"]
    assert appi["deadlines"] == {
        "preliminary_from": "2026-11-23",
        "preliminary_by": "2026-11-25",
        "final_by": "2026-12-20",
        "final_days": 30,
    }
    e = data["enisa"]
    assert (e["dpc"], e["ei"], e["cb"], e["se"], e["band"]) == (2.0, 1.0, 0.25, 2.25, "medium")
    assert "配達指示" in e["dpc_rule"] and {i["item_id"] for i in data["items"]} == {
        "I001",
        "I004",
        "I005",
        "I033",
    }
    table = cli(
        "incident", "--partner", "PO01", "--records", "1200", "--cause", "loss", "--discovered", "2026-11-20"
    )
    assert "REPORT REQUIRED" in table.out and "2026-12-20" in table.out


@pytest.mark.parametrize(
    ("items", "records", "cause", "fired"),
    [
        (["I031"], 1, "misdelivery", ["i_special_care"]),  # care records: one person is enough
        (["I016"], 5, "misdelivery", ["ii_financial_damage"]),  # bank account
        (["I002"], 5, "unauthorized_access", ["iii_unlawful_purpose"]),
        (["I002"], 1001, "misdelivery", ["iv_over_1000_people"]),
        (["I002"], 5, "misdelivery", []),
    ],
)
def test_each_trigger_alone_and_none(inv, model, items, records, cause, fired):
    a = run(inv, model, items, records, cause)
    assert a.appi["fired"] == fired
    assert a.appi["report_required"] is bool(fired)
    assert ("deadlines" in a.appi) is bool(fired)


@pytest.mark.parametrize(("people", "required"), [(999, False), (1000, False), (1001, True)])
def test_more_than_1000_people(inv, model, people, required):
    assert run(inv, model, ["I002"], people).appi["report_required"] is required


def test_encryption_with_the_key_kept_removes_the_duty(inv, model):
    plain = run(inv, model, ["I031"], 3000, "theft")
    locked = run(inv, model, ["I031"], 3000, "theft", encrypted=True)
    assert plain.appi["report_required"] and not locked.appi["report_required"]
    assert locked.appi["exempt_by_encryption"] and locked.enisa["flags"]["unintelligible"]


@pytest.mark.parametrize(
    ("discovered", "unlawful", "final"),
    [
        ("2024-01-31", False, "2024-03-01"),  # leap year: February has 29 days
        ("2023-01-31", False, "2023-03-02"),
        ("2024-12-15", True, "2025-02-13"),  # 60 days for an unlawful purpose, across the year end
        ("2026-11-20", False, "2026-12-20"),
    ],
)
def test_final_report_deadlines(model, discovered, unlawful, final):
    d = report_deadlines(dt.date.fromisoformat(discovered), unlawful, model.breach)
    assert d["final_by"] == final


def test_preliminary_window_across_a_month_end(model):
    d = report_deadlines(dt.date(2026, 1, 30), False, model.breach)
    assert (d["preliminary_from"], d["preliminary_by"]) == ("2026-02-02", "2026-02-04")


def test_unlawful_cause_gives_60_days(inv, model):
    a = run(inv, model, ["I002"], 5, "insider", when=dt.date(2026, 3, 1))
    assert a.appi["deadlines"]["final_by"] == "2026-04-30" and a.appi["deadlines"]["final_days"] == 60


def test_enisa_components(inv, model):
    section = model.breach

    def se(item_ids, cause="misdelivery", **kw):
        items = inv.items[inv.items["item_id"].isin(item_ids)].reset_index(drop=True)
        return enisa_severity(items, Incident(Selection(), cause, D, **kw), section)

    assert (
        se(["I001"])["dpc"] == 1
        and se(["I009"])["dpc"] == 2
        and se(["I016"])["dpc"] == 3
        and se(["I031"])["dpc"] == 4
    )
    assert se(["I001", "I031"])["dpc"] == 4  # the highest of the breached data
    assert se(["I020"])["dpc"] == 3  # behavioural 2 + vulnerable welfare users 1
    assert se(["I022"])["ei"] == 0.5  # card numbers: limited identifiability
    assert se(["I001"])["cb"] == 0.25 and se(["I001"], malicious=True)["cb"] == 0.75
    assert se(["I001"], "malware")["cb_parts"] == {
        "confidentiality": 0.5,
        "integrity": 0.25,
        "availability": 0.25,
        "malicious": 0.5,
    }
    # SE = 1 × 1 + 0.25 = 1.25: low; care data misdelivered: 4 × 1 + 0.25 = 4.25: very high
    assert (se(["I001"])["se"], se(["I001"])["band"]) == (1.25, "low")
    assert (se(["I031"])["se"], se(["I031"])["band"]) == (4.25, "very_high")


@pytest.mark.parametrize(
    ("se_value", "band"),
    [(1.99, "low"), (2.0, "medium"), (2.99, "medium"), (3.0, "high"), (4.0, "very_high")],
)
def test_enisa_band_boundaries(inv, model, se_value, band):
    raw = copy.deepcopy(model.raw)
    section = raw["breach"]
    items = inv.items[inv.items["item_id"] == "I001"].reset_index(drop=True)  # DPC 1 × EI 1
    section["enisa"]["causes"]["misdelivery"] = {
        "confidentiality": "none",
        "integrity": "none",
        "availability": "none",
        "malicious": False,
    }
    section["enisa"]["cb"]["malicious"] = round(se_value - 1, 2)
    breach = parse_model(raw).breach
    result = enisa_severity(items, Incident(Selection(), "misdelivery", D, malicious=True), breach)
    assert result["se"] == se_value and result["band"] == band


def test_my_number_incidents(inv, model):
    a = run(inv, model, ["I030"], 50, "misdelivery")
    assert a.my_number["involved"] and not a.my_number["report_required"]
    assert run(inv, model, ["I030"], 101, "misdelivery").my_number["report_required"]
    assert run(inv, model, ["I030"], 5, "theft").my_number["report_required"]
    assert run(inv, model, ["I001"], 5).my_number == {"involved": False}


def test_people_come_from_the_ledger_when_not_given(inv, model):
    a = run(inv, model, partner="PO07", cause="loss")  # the delivery sub-contractor: 15,000 per flow
    assert a.people == 15000 and a.appi["report_required"]
    b = run(inv, model, department="D05")  # welfare: care records etc.
    assert set(b.items["item_id"]) == {"I020", "I021", "I031"} and b.appi["triggers"]["i_special_care"]


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["--partner", "PO1"], "PO01"),
        (["--item", "I0311"], "I031"),
        (["--item", "氏"], "I001"),
        (["--department", "D5"], "D05"),
        (["--flow", "F171"], "F0171"),
    ],
)
def test_unknown_ids_list_near_matches(cli, args, hint):
    res = cli("incident", *args, "--discovered", "2026-11-20")
    assert res.code == 2 and "did you mean" in res.err and hint in res.err and "Traceback" not in res.err


def test_bad_options(cli):
    assert cli("incident", "--item", "I001", "--cause", "aliens").code == 2
    assert cli("incident", "--item", "I001", "--discovered", "yesterday").code == 2
    assert cli("incident", "--discovered", "2026-11-20").code == 2  # nothing selected


def test_markdown_draft_has_the_report_items(cli):
    res = cli(
        "incident",
        "--item",
        "I031,I001",
        "--records",
        "3",
        "--cause",
        "theft",
        "--discovered",
        "2026-11-20",
        "--format",
        "md",
    )
    assert res.code == 0
    for needle in (
        "要配慮個人情報が含まれる（規則7条1号）",
        "不正の目的によるおそれ（規則7条3号）",
        "2027-01-19",
        "本人の数: 3人",
        "再発防止",
    ):
        assert needle in res.out


def test_html_incident_report(cli, tmp_path):
    res = cli(
        "incident",
        "--partner",
        "PO01",
        "--records",
        "1200",
        "--discovered",
        "2026-11-20",
        "--report",
        "--out",
        tmp_path,
    )
    assert res.code == 0
    [folder] = list((tmp_path / "incidents").iterdir())
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "Plotly.newPlot(" in page and "2026-12-20" in page
    # the only script loaded from a file is the report's own copy of plotly.js: nothing from a CDN
    assert re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", page) == ["assets/plotly.min.js"]
    assert (folder / "assets" / "plotly.min.js").stat().st_size > 1_000_000
