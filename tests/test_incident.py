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
    report_markdown,
)
from privacy_inventory.assess.model import load_model, parse_model
from privacy_inventory.errors import UsageError

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


def test_figures_that_contradict_each_other_are_warned_about(inv, model):
    plain = run(inv, model, ["I030"], 10, "theft")
    assert not any("My Number" in w or "happened" in w for w in plain.warnings)
    odd = run(inv, model, ["I030"], 10, "theft", my_number_people=20, occurred=D + dt.timedelta(days=11))
    assert any("(20) than people affected (10)" in w for w in odd.warnings), odd.warnings
    assert any("after the date it was discovered (2026-11-20)" in w for w in odd.warnings), odd.warnings


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


# --- issue 14: real incidents, table-driven ------------------------------------------------------------
# Every expected value below is derived from the method's tables and the rules' text, not from the code:
# ENISA (2013): SE = DPC × EI + CB; DPC simple 1, behavioural 2, financial 3, sensitive 4 (the highest of the
# breached data; vulnerable individuals +1, at most 4); EI negligible .25, limited .5, significant .75,
# maximum 1; CB = confidentiality (exposed 0, known recipients .25, unknown .5) + integrity (none 0,
# recoverable .25, not recoverable .5) + availability (none 0, temporary .25, permanent .5) + malicious .5;
# bands low < 2 ≤ medium < 3 ≤ high < 4 ≤ very high.
# APPI Art.26 / PPC Rules Art.7: (i) 要配慮, (ii) financial damage, (iii) unlawful purpose — even one
# person —, (iv) more than 1,000 people; advanced encryption exempts; 速報 guidance 3–5 days, 確報 30 days
# (60 for (iii)) from discovery, the first day not counted; notice target 30 days (the office's assumption).
# My Number breach rules Art.2: (i) network, (ii) unlawful purpose, (iii) viewable by the public, (iv) more
# than 100 people; encryption exempts; days as APPI's (unconfirmed, see risk_model.yaml).
# Not a leak: recovered before any third party saw it (PPC GL 3-5-1-1).
# Discovered 2026-11-20: 速報 2026-11-23 … 2026-11-25; 確報 2026-12-20 (30 days) or 2027-01-19 (60 days).

P30 = {
    "preliminary_from": "2026-11-23",
    "preliminary_by": "2026-11-25",
    "final_by": "2026-12-20",
    "final_days": 30,
}
P60 = {**P30, "final_by": "2027-01-19", "final_days": 60}

CASES = {
    # A parcel of care records (I031: 要配慮, health → sensitive 4; welfare users +1 stays 4; EI maximum 1)
    # came back unopened: no loss of confidentiality (0), misdelivery's integrity/availability none (0), no
    # malice: CB 0, SE 4 × 1 + 0 = 4 → very high (what it would have been had it been read). Not a leak
    # (GL 3-5-1-1): no APPI duty, no My Number data.
    "recovered unread": (dict(items=["I031"], records=1, cause="misdelivery", recovered_unread=True),
                         (4, 1, 0, 4, "very_high"), ("not_a_leak", None), ("not_involved", None)),
    # Names and addresses (simple 1, maximum 1) sent to the printing contractor by mistake: one known
    # recipient .25: SE 1.25 low. None of Art.7 (i)–(iii); 300 ≤ 1,000: not reportable.
    "mis-sent to one known outsourcee": (dict(items=["I001", "I004"], records=300, cause="misdelivery"),
                                         (1, 1, 0.25, 1.25, "low"), ("not_reportable", None), ("not_involved", None)),
    # A participant list (name: simple, maximum; e-mail: simple) on the web by mistake: unknown recipients
    # .5, no malice: SE 1 × 1 + .5 = 1.5 low. 1,500 > 1,000 (iv), no unlawful purpose: 30 days.
    "accidental web publication": (dict(items=["I001", "I006"], records=1500, cause="accidental_publication"),
                                   (1, 1, 0.5, 1.5, "low"), ("required", P30), ("not_involved", None)),
    # A burglar takes a laptop with purchase data (transaction → behavioural 2) and names (EI maximum 1):
    # unknown recipients .5 + temporarily unavailable .25 + malicious .5 = 1.25; SE 2 + 1.25 = 3.25 high.
    # Theft is an unlawful purpose (iii): reportable with 1 person, 60 days.
    "theft by an intruder": (dict(items=["I009", "I001"], records=500, cause="theft"),
                             (2, 1, 1.25, 3.25, "high"), ("required", P60), ("not_involved", None)),
    # Insurance claims' illness details (sensitive 4) pseudonymised in this incident: EI at most limited .5;
    # a known recipient .25: SE 4 × .5 + .25 = 2.25 medium. Still 要配慮 personal data (i): pseudonymising
    # is not advanced encryption, so reportable, 30 days.
    "pseudonymised 要配慮 to a known recipient": (
        dict(items=["I032"], records=40, cause="misdelivery", adjustments=("pseudonymised",)),
        (4, 0.5, 0.25, 2.25, "medium"), ("required", P30), ("not_involved", None)),
    # My Numbers (financial 3, maximum 1) to a known recipient .25: SE 3.25 high. APPI: not (i)–(iii), ≤ 1,000.
    # My Number rules: 100 is not more than 100 → not reportable; 101 is → reportable, 30 days.
    "100 個人番号": (dict(items=["I030"], records=100, cause="misdelivery"),
                    (3, 1, 0.25, 3.25, "high"), ("not_reportable", None), ("not_reportable", None)),
    "101 個人番号": (dict(items=["I030"], records=101, cause="misdelivery"),
                    (3, 1, 0.25, 3.25, "high"), ("not_reportable", None), ("required", P30)),
    # One member's illness details (sensitive 4, member, EI maximum 1) to a known recipient .25:
    # SE 4.25 very high; 要配慮 (i) is reportable for one person, 30 days.
    "a 要配慮 item with one person": (dict(items=["I032"], records=1, cause="misdelivery"),
                                       (4, 1, 0.25, 4.25, "very_high"), ("required", P30), ("not_involved", None)),
    # A lost encrypted laptop with names and addresses of 1,001 members: simple 1, EI 1, loss (exposed 0,
    # temporarily unavailable .25): SE 1.25 low. (iv) fires, but advanced encryption exempts.
    "encrypted 1,001 people": (dict(items=["I001", "I004"], records=1001, cause="loss", encrypted=True),
                               (1, 1, 0.25, 1.25, "low"), ("exempt_encrypted", None), ("not_involved", None)),
    # A staff member takes one member's purchase data out (behavioural 2, EI 1): unknown recipients .5 +
    # malicious .5 = 1: SE 3 → high. Unlawful purpose (iii) with one person: reportable, 60 days.
    "malicious insider, one person": (dict(items=["I009", "I001"], records=1, cause="insider"),
                                      (2, 1, 1.0, 3.0, "high"), ("required", P60), ("not_involved", None)),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_real_incidents(inv, model, case):
    kw, enisa, (appi_duty, appi_dates), (mn_duty, mn_dates) = CASES[case]
    kw = dict(kw)
    items, records, cause = kw.pop("items"), kw.pop("records"), kw.pop("cause")
    a = run(inv, model, items, records, cause, **kw)
    e = a.enisa
    assert (e["dpc"], e["ei"], e["cb"], e["se"]) == pytest.approx(enisa[:4]) and e["band"] == enisa[4]
    assert a.appi["duty"] == appi_duty and a.appi.get("deadlines") == appi_dates
    assert a.appi["report_required"] is (appi_duty == "required")
    assert a.duties["my_number"] == mn_duty and a.my_number.get("deadlines") == mn_dates
    if appi_dates or mn_dates:
        assert (a.appi.get("notice_by") or a.my_number.get("notice_by")) == "2026-12-20"
    assert a.report_required is (appi_duty == "required" or mn_duty == "required")


def test_recovered_unread_says_why_and_drafts_no_report(inv, model):
    a = run(inv, model, ["I031"], 1, "misdelivery", recovered_unread=True)
    md = report_markdown(a, inv)
    assert "漏えい等に該当しない" in md and "3-5-1-1" in md and "報告・本人通知が必要" not in md
    assert a.enisa["circumstances"]["confidentiality"] == "none" and a.appi["not_a_leak"]
    with pytest.raises(UsageError, match="recovered-unread"):  # someone saw it, or no one did: not both
        run(inv, model, ["I031"], 1, "misdelivery", recovered_unread=True, confidentiality="known_recipients")


def test_circumstances_are_options_and_the_cause_only_gives_defaults(inv, model):
    lost = run(inv, model, ["I001"], 5, "loss")
    assert lost.enisa["circumstances"]["availability"] == "temporary"  # the cause's default …
    kept = run(inv, model, ["I001"], 5, "loss", availability="none")  # … a backup existed
    gone = run(inv, model, ["I001"], 5, "loss", availability="permanent", integrity="not_recoverable")
    assert (kept.enisa["cb"], gone.enisa["cb"]) == (0.0, 1.0)  # 0 + 0 + 0; .5 + .5
    assert "availability" not in kept.enisa["circumstances_from_cause"]
    # theft by default malicious (unlawful purpose, 60 days); an opportunistic loss-like theft can say not
    not_malicious = run(inv, model, ["I001"], 5, "theft", malicious=False)
    assert (
        not not_malicious.appi["triggers"]["iii_unlawful_purpose"]
        and not not_malicious.appi["report_required"]
    )
    # unauthorised access to the web server wrongly gives (iii); accidental publication does not
    assert run(inv, model, ["I001"], 5, "unauthorized_access").appi["report_required"]
    assert not run(inv, model, ["I001"], 5, "accidental_publication").appi["report_required"]


def test_dpc_adjustment_quotes_the_method_and_its_amount(inv, model):
    # a year of purchase history of identified members: behavioural 2, "a profile" +1 → 3 (ENISA example:
    # one year of transport-card locations = 3)
    a = run(inv, model, ["I009", "I001"], 50, "misdelivery", adjustments=("profile",))
    assert a.enisa["dpc"] == 3 and a.enisa["dpc_steps"] == [{"adjustment": "profile", "delta": 1}]
    assert "プロファイル" in a.enisa["dpc_rule_ja"] and "+1" in a.enisa["dpc_rule_ja"]
    assert "profile" in a.enisa["dpc_rule"] and "behavioural" not in a.enisa["dpc_rule_ja"]
    # bare account numbers: financial 3, "little insight" −1 → 2
    assert run(inv, model, ["I023"], 5, "misdelivery", adjustments=("limited_insight",)).enisa["dpc"] == 2
    # an adjustment for another data type is said, not applied; never outside 1–4
    b = run(inv, model, ["I001"], 5, "misdelivery", adjustments=("limited_insight",))
    assert b.enisa["dpc"] == 1 and "適用されない" in b.enisa["dpc_rule_ja"]
    c = run(inv, model, ["I032"], 5, "misdelivery", adjustments=("profile", "sensitive_profile"))
    assert c.enisa["dpc"] == 4  # no sensitive amounts for these: stays 4
    with pytest.raises(UsageError, match="--adjust"):
        run(inv, model, ["I001"], 5, "misdelivery", adjustments=("bigger",))


def test_my_number_has_its_own_duty_triggers_and_dates(inv, model):
    publication = run(inv, model, ["I030"], 5, "accidental_publication")  # viewable by the public: (iii)
    assert (
        publication.my_number["fired"] == ["iii_publicly_viewable"]
        and publication.my_number["deadlines"] == P30
    )
    network = run(inv, model, ["I030"], 5, "misdelivery", mn_network=True)
    assert network.my_number["fired"] == ["i_network"]
    insider = run(inv, model, ["I030"], 5, "insider")
    assert insider.my_number["deadlines"] == P60  # (ii) unlawful purpose: 60 days
    locked = run(inv, model, ["I030"], 500, "theft", encrypted=True)
    assert locked.my_number["duty"] == "exempt_encrypted" and not locked.report_required
    few = run(inv, model, ["I030", "I035"], 900, "misdelivery", my_number_people=80)
    assert few.my_number["people"] == 80 and few.my_number["duty"] == "not_reportable"


def test_900_staff_lost_from_a_department_is_a_my_number_report(cli):
    res = cli("incident", "--department", "D07", "--records", "900", "--cause", "loss", "--discovered",
              "2026-11-20", "--lang", "en")  # fmt: skip
    assert res.code == 0 and "REPORT REQUIRED (My Number Act)" in res.out and "2026-12-20" in res.out
    assert "no report required" not in res.out
    md = cli("incident", "--department", "D07", "--records", "900", "--cause", "loss", "--discovered",
             "2026-11-20", "--format", "md").out  # fmt: skip
    assert "報告・本人通知が必要（番号法）" in md and "番号法規則2条4号" in md and "不要**" not in md


def test_101_my_numbers_headline_and_draft_say_report(cli):
    args = (
        "incident",
        "--item",
        "I030",
        "--records",
        "101",
        "--cause",
        "misdelivery",
        "--discovered",
        "2026-11-20",
    )
    data = json.loads(cli(*args, "--format", "json").out)
    assert data["report_required"] is True and data["duties"] == {
        "appi": "not_reportable",
        "my_number": "required",
    }
    assert data["my_number"]["deadlines"]["final_by"] == "2026-12-20"
    ja = cli(*args, "--lang", "ja").out
    assert "報告・本人通知が必要（番号法）" in ja and "報告は不要" not in ja
    md = cli(*args, "--format", "md").out
    assert "**報告・本人通知が必要（番号法）**" in md and "確報：2026-12-20 まで" in md


# Codes of every closed set the triage shows, and the shape of a dict repr: neither may reach people.
CODES = ["unauthorized_access", "misdelivery", "unknown_recipients", "known_recipients", "not_reportable",
         "identity", "behavioural", "iv_over_1000_people", "iii_unlawful_purpose", "very_high", "{'", "True", "False"]  # fmt: skip


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_people_read_labels_machines_read_codes(cli, lang):
    args = ("incident", "--item", "I009,I001,I030", "--records", "1500", "--cause", "unauthorized_access",
            "--discovered", "2026-11-20", "--adjust", "profile")  # fmt: skip
    table = cli(*args, "--lang", lang)
    assert table.code == 0
    flat = table.out.replace("\n", "")
    for code in CODES:
        assert code not in flat, code
    assert ("不正アクセス" if lang == "ja" else "unauthorised access") in flat
    data = json.loads(cli(*args, "--format", "json").out)
    assert data["cause"] == "unauthorized_access" and data["enisa"]["band"] == "very_high"
    assert data["circumstances"]["confidentiality"] == "unknown_recipients"
    assert "iii_unlawful_purpose" in data["appi_26"]["fired"] and data["adjustments"] == ["profile"]
    assert data["enisa"]["cb_parts"] == {
        "confidentiality": 0.5,
        "integrity": 0.0,
        "availability": 0.0,
        "malicious": 0.5,
    }


def test_circumstance_options_on_the_command_line(cli):
    res = cli("incident", "--item", "I001", "--records", "5", "--cause", "theft", "--not-malicious",
              "--availability", "none", "--discovered", "2026-11-20", "--format", "json")  # fmt: skip
    data = json.loads(res.out)
    assert data["circumstances"]["malicious"] is False and data["enisa"]["cb"] == 0.5
    assert data["duties"]["appi"] == "not_reportable"
    assert cli("incident", "--item", "I001", "--confidentiality", "leaky").code == 2


def test_html_incident_report_shows_circumstances_both_duties_and_the_draft(cli, tmp_path):
    import html
    import re

    res = cli("incident", "--item", "I030,I035", "--records", "900", "--my-number-people", "150", "--cause",
              "accidental_publication", "--adjust", "profile", "--discovered", "2026-11-20", "--report", "--out", tmp_path,
              "--lang", "ja")  # fmt: skip
    assert res.code == 0
    [folder] = list((tmp_path / "incidents").iterdir())
    page = (folder / "index.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page[page.find("<body") :]))
    for needle in ("報告・本人通知が必要（番号法）", "電磁的方法により不特定多数の者に閲覧されるおそれ（番号法規則2条3号）",
                   "不特定多数の（未知の）受領者に開示", "プロファイル", "報告書の下書き", "確報：2026-12-20 まで"):  # fmt: skip
        assert needle in text, needle
    for code in ("unknown_recipients", "accidental_publication", "{'"):
        assert code not in text, code


def _raw_model(model):
    return copy.deepcopy(model.raw)


def test_new_breach_keys_misspelt_are_named(model):
    from privacy_inventory.errors import ConfigError

    cases = [
        (lambda r: r["breach"]["enisa"]["adjustments"].update(profil={"source": "x"}), "breach.enisa.adjustments.profil"),
        (lambda r: r["breach"]["enisa"]["adjustments"]["profile"]["dpc"].update(simpel=1),
         "breach.enisa.adjustments.profile.dpc.simpel"),
        (lambda r: r["breach"]["my_number"].update(final_dayz=30), "breach.my_number.final_dayz"),
        (lambda r: r["breach"]["enisa"]["causes"].update(aliens=r["breach"]["enisa"]["causes"]["loss"]),
         "breach.enisa.causes.aliens"),
        (lambda r: r["breach"]["enisa"]["causes"]["theft"].update(malicious=False), "breach.enisa.causes.theft.malicious"),
        (lambda r: r["breach"]["enisa"]["cb"]["confidentiality"].pop("exposed"), "breach.enisa.cb.confidentiality.exposed"),
    ]  # fmt: skip
    for edit, key in cases:
        raw = _raw_model(model)
        edit(raw)
        with pytest.raises(ConfigError) as info:
            parse_model(raw)
        assert info.value.key.startswith(key), (info.value.key, key)


def test_an_older_model_file_still_scores_and_the_triage_names_what_it_lacks(inv, model, cli, ledger):
    import yaml

    raw = _raw_model(model)
    del raw["breach"]["enisa"]["adjustments"]
    for key in ("preliminary_days", "final_days", "final_days_unlawful"):
        del raw["breach"]["my_number"][key]
    del raw["breach"]["appi"]["notice_days"]
    (ledger / "risk_model.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert cli("score", ledger, "--top", "1").code == 0  # nothing else needs the new keys
    assert cli("incident", ledger, "--item", "I001", "--records", "5", "--discovered", "2026-11-20").code == 0
    res = cli("incident", ledger, *("--item", "I030", "--records", "101", "--cause", "misdelivery"))
    assert res.code == 1 and "breach.my_number.preliminary_days" in res.err and "Traceback" not in res.err
    res = cli("incident", ledger, "--item", "I001", "--adjust", "profile")
    assert res.code == 1 and "breach.enisa.adjustments" in res.err
