"""Each compliance rule fires on a ledger that breaks it and stays quiet on one that does not."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pandas as pd
import pytest

from privacy_inventory import load_inventory
from privacy_inventory.assess.rules import REGISTRY, catalogue, run_rules
from privacy_inventory.ledger.synth import SynthSpec, synthetic_inventory

AS_OF = dt.date(2026, 12, 31)


@pytest.fixture(scope="module")
def base():
    return load_inventory()


def fresh(base):
    return copy.deepcopy(base)


def hits(inv, rule_id):
    f = run_rules(inv, AS_OF, only=[rule_id])
    assert set(f["rule_id"]) <= {rule_id}
    return f


def subjects(inv, rule_id):
    return set(hits(inv, rule_id)["subject_id"])


def set_row(df: pd.DataFrame, key: str, ident: str, **values) -> None:
    for col, v in values.items():
        df.loc[df[key] == ident, col] = v


def add_flow(inv, **values):
    row = (
        {c: pd.NA for c in inv.flows.columns}
        | {"direction": "out", "source": "assumption", "encrypted": False}
        | values
    )
    inv.flows = pd.concat([inv.flows, pd.DataFrame([row]).astype(inv.flows.dtypes)], ignore_index=True)


# --- one pair of tests per rule: (break the ledger → fires on that subject; mend it → quiet) ----------


def test_17_1_item_without_purpose(base):
    inv = fresh(base)
    inv.uses = inv.uses[inv.uses["item_id"] != "I024"]
    assert subjects(inv, "APPI-17-1") == {"I024"}
    assert subjects(base, "APPI-17-1") == set()


def test_17_1_vague_purpose(base):
    inv = fresh(base)
    set_row(inv.purposes, "purpose_id", "P13", text_ja="事業活動のため")
    assert subjects(inv, "APPI-17-1-vague") == {"P13"}
    assert subjects(base, "APPI-17-1-vague") == set()


def test_18_1_flow_outside_the_items_purposes(base):
    inv = fresh(base)
    set_row(
        inv.flows, "flow_id", "F0137", purpose_id="P13"
    )  # 氏名 to the delivery contractor, for 生活文化活動
    assert "F0137" not in subjects(base, "APPI-18-1")
    assert subjects(inv, "APPI-18-1") == set()  # 氏名 is used for P13: within purpose
    set_row(inv.flows, "flow_id", "F0140", purpose_id="P13")  # 配達指示 is used only for P04
    assert subjects(inv, "APPI-18-1") == {"F0140"}
    set_row(inv.flows, "flow_id", "F0140", purpose_id=pd.NA)
    f = hits(inv, "APPI-18-1")
    assert set(f["subject_id"]) == {"F0140"} and (f["severity"] == "medium").all()


def test_20_2_special_care_without_consent(base):
    inv = fresh(base)
    set_row(inv.items, "item_id", "I031", consent_special_care=False)
    assert subjects(inv, "APPI-20-2") == {"I031"}
    assert subjects(base, "APPI-20-2") == set()
    set_row(inv.items, "item_id", "I031", acquisition="entrusted")  # 20(2)(viii): received by outsourcing
    assert subjects(inv, "APPI-20-2") == set()


def test_27_2_special_care_by_opt_out_and_opt_out_in_general(base):
    inv = fresh(base)
    set_row(inv.flows, "flow_id", "F0171", basis="opt_out")
    set_row(inv.flows, "flow_id", "F0172", basis="opt_out")
    assert subjects(inv, "APPI-27-2-sc") == {"F0171"}
    assert subjects(inv, "APPI-27-2") == {"F0172"}  # not special care: needs the PPC filing
    assert subjects(base, "APPI-27-2-sc") == set() and subjects(base, "APPI-27-2") == set()


def test_27_1_provision_without_consent_or_exception(base):
    inv = fresh(base)
    set_row(inv.flows, "flow_id", "F0172", basis="outsourcing")  # to a third party (care managers)
    assert subjects(inv, "APPI-27-1") == {"F0172"}
    assert subjects(base, "APPI-27-1") == set()


def test_27_5_iii_bundled_ledger_lacks_manager_address_and_representative(base):
    f = hits(base, "APPI-27-5-iii")
    assert set(f["subject_id"]) == {"joint_use_manager.address", "joint_use_manager.representative"}
    assert (f["severity"] == "high").all()
    assert f["article"].eq("個人情報保護法27条5項3号").all()
    inv = fresh(base)
    inv.organisation["joint_use_manager"].update(address="山口県（例）", representative="理事長（例）")
    assert subjects(inv, "APPI-27-5-iii") == set()


def test_27_5_iii_purpose_outside_the_groups_published_purposes(base):
    inv = fresh(base)
    inv.organisation["joint_use_manager"].update(address="x", representative="y")
    set_row(inv.flows, "flow_id", "F0001", purpose_id="JU2A")  # group 1 partner, group 2 purpose
    assert subjects(inv, "APPI-27-5-iii") == {"F0001"}
    set_row(inv.partners, "partner_id", "PJ05", joint_use_group=pd.NA)
    assert "PJ05" in subjects(inv, "APPI-27-5-iii")


def test_mn_19_my_number_jointly_used_or_by_consent(base):
    assert subjects(base, "MN-19") == {"joint_use_all_items"}  # the policy says ALL items are jointly used
    inv = fresh(base)
    inv.organisation["joint_use_all_items"] = False
    assert subjects(inv, "MN-19") == set()
    add_flow(inv, flow_id="FX1", item_id="I030", partner_id="PJ01", purpose_id="PA03", basis="joint_use")
    add_flow(inv, flow_id="FX2", item_id="I030", partner_id="PT01", purpose_id="PA03", basis="consent")
    assert subjects(inv, "MN-19") == {"FX1", "FX2"}  # consent does not make it lawful


def test_mn_9_my_number_used_for_other_purposes(base):
    inv = fresh(base)
    inv.uses = pd.concat(
        [inv.uses, pd.DataFrame([{"item_id": "I030", "purpose_id": "P11", "source": "assumption"}])],
        ignore_index=True,
    )
    assert subjects(inv, "MN-9") == {"I030:P11"}
    assert subjects(base, "MN-9") == set()


def test_25_contract_inspection_subcontracting(base):
    assert subjects(base, "APPI-25-contract") == set()
    assert subjects(base, "APPI-25-inspection") == {"PO01", "PO04", "PO06", "PO07", "PO08"}
    assert subjects(base, "APPI-25-subcontracting") == {"PO03", "PO06"}
    inv = fresh(base)
    set_row(inv.partners, "partner_id", "PO02", contract_date=pd.NaT, subcontracting="unknown",
            last_inspection=pd.Timestamp("2025-06-30"))  # fmt: skip
    assert subjects(inv, "APPI-25-contract") == {"PO02"}
    assert "PO02" in subjects(inv, "APPI-25-inspection") and "PO02" in subjects(inv, "APPI-25-subcontracting")
    set_row(inv.partners, "partner_id", "PO01", last_inspection=pd.Timestamp("2026-10-01"))
    assert "PO01" not in subjects(inv, "APPI-25-inspection")


def test_25_inspection_interval_comes_from_the_model(base):
    f = run_rules(base, AS_OF, inspection_interval_months=36, only=["APPI-25-inspection"])
    assert set(f["subject_id"]) == {"PO06", "PO07"}  # only the never-inspected remain


def test_28_foreign_partner_without_transfer_basis(base):
    assert subjects(base, "APPI-28") == {"PO06"}
    inv = fresh(base)
    set_row(inv.partners, "partner_id", "PO06", transfer_basis="standard_system")
    assert subjects(inv, "APPI-28") == set()


def test_29_30_records(base):
    assert subjects(base, "APPI-29") == {"F0171", "F0172", "F0173", "F0174"}
    inv = fresh(base)
    inv.flows.loc[inv.flows["basis"].eq("consent"), "record_kept"] = True
    assert subjects(inv, "APPI-29") == set()
    add_flow(
        inv,
        flow_id="FIN",
        item_id="I001",
        partner_id="PT01",
        purpose_id="P01",
        basis="consent",
        direction="in",
    )
    assert subjects(inv, "APPI-30") == {"FIN"}
    assert subjects(base, "APPI-30") == set()


def test_23_categories_and_sensitive_items(base):
    assert subjects(base, "APPI-23") == {"external_environment"}  # only planned (C11)
    inv = fresh(base)
    set_row(inv.controls, "control_id", "C11", status="implemented")
    assert subjects(inv, "APPI-23") == set()
    assert "I031" not in subjects(base, "APPI-23-sensitive")  # C08 covers care records
    set_row(inv.controls, "control_id", "C08", status="planned")
    set_row(inv.controls, "control_id", "C12", category="physical")
    assert "I031" in subjects(inv, "APPI-23-sensitive")


def test_23_manager_and_24_training(base):
    assert subjects(base, "APPI-23-manager") == set()
    assert subjects(base, "APPI-24") == {"D03"}
    inv = fresh(base)
    set_row(inv.departments, "department_id", "D02", manager=pd.NA, last_training=pd.NaT)
    assert subjects(inv, "APPI-23-manager") == {"D02"}
    assert subjects(inv, "APPI-24") == {"D02", "D03"}


def test_22_retention(base):
    assert subjects(base, "APPI-22") == {"I007", "I008", "I024", "I025", "I026"}
    inv = fresh(base)
    inv.items["retention"] = inv.items["retention"].fillna("5年")
    assert subjects(inv, "APPI-22") == set()


def test_32_publication(base):
    f = hits(base, "APPI-32")
    assert set(f["subject_id"]) == {
        "address",
        "representative",
        "request_procedure",
        "safety_measures_published",
    }
    inv = fresh(base)
    inv.organisation.update(address="山口県", representative="理事長", request_procedure="書面で請求",
                            safety_measures_published=True)  # fmt: skip
    assert subjects(inv, "APPI-32") == set()


def test_26_breach_exposure_is_info(base):
    f = hits(base, "APPI-26")
    assert (f["severity"] == "info").all()
    assert {"I031", "I032", "I016", "I030"} <= set(f["subject_id"])
    care = f.set_index("subject_id").loc["I031", "message_ja"]
    assert "要配慮（1号）" in care and "千人超" in care
    inv = fresh(base)
    inv.items["special_care"] = False
    inv.items["property_damage"] = False
    inv.items["my_number"] = False
    inv.items["records"] = 10
    assert subjects(inv, "APPI-26") == set()


# --- the registry and robustness -------------------------------------------------------------------


def test_every_rule_cites_an_article_and_is_tested_here():
    cat = catalogue()
    assert cat["article"].str.len().gt(3).all() and cat["article_en"].str.len().gt(3).all()
    from pathlib import Path

    source = Path(__file__).read_text(encoding="utf-8")
    untested = [rid for rid in REGISTRY if f'"{rid}"' not in source]
    assert untested == []


def test_rules_never_crash_on_empty_tables(base):
    inv = fresh(base)
    for name in ("flows", "uses", "controls", "actions", "partners"):
        setattr(inv, name, getattr(inv, name).head(0))
    found = run_rules(inv, AS_OF)
    assert "rule" not in set(found["subject_table"])  # no rule failed to run
    assert set(found["subject_id"]) >= {"I001"}  # items still lack purposes (APPI-17-1)


def test_a_rule_that_cannot_run_says_why(base):
    inv = fresh(base)
    inv.partners = inv.partners.drop(columns=["subcontracting"])
    found = run_rules(inv, AS_OF, only=["APPI-25-subcontracting"])
    [row] = found.to_dict("records")
    assert row["subject_table"] == "rule" and "subcontracting" in row["message_en"]


def test_synthetic_ledgers_run_every_rule():
    inv = synthetic_inventory(SynthSpec(items=200, partners=40, flows=2000, seed=5))
    found = run_rules(inv, AS_OF)
    assert len(found) > 0 and "rule" not in set(found["subject_table"])


def test_check_cli_fail_on_and_formats(cli):
    res = cli("check", "--format", "json", "--as-of", "2026-12-31")
    data = json.loads(res.out)
    assert res.code == 0
    assert data["counts"]["high"] == 6
    assert {f["rule_id"] for f in data["findings"]} >= {"APPI-27-5-iii", "MN-19", "APPI-32"}
    for f in data["findings"]:
        assert f["article"] and f["fix"] and f["message_ja"]
    assert cli("check", "--fail-on", "high").code == 1
    assert cli("check", "--fail-on", "high", "--min-severity", "high").code == 1
    assert cli("check", "--fail-on", "bogus").code == 2
    csv = cli("check", "--format", "csv", "--min-severity", "high", "--as-of", "2026-12-31")
    assert csv.code == 0 and len(csv.out.strip().splitlines()) == 1 + 6


def test_check_cli_passes_fail_on_when_clean(cli, tmp_path):
    from privacy_inventory.ledger.synth import synthesize

    synthesize(tmp_path / "s", SynthSpec(items=5, partners=2, flows=0, seed=1))
    res = cli("check", tmp_path / "s", "--fail-on", "high")
    assert res.code in (0, 1)
    found = run_rules(load_inventory(tmp_path / "s"), AS_OF)
    assert res.code == (1 if (found["severity"] >= "high").any() else 0)


def test_pdca_evidence_closed_actions_need_evidence(base):
    assert subjects(base, "PDCA-evidence") == {"A005"}  # done 2026-08-10 with no evidence
    inv = fresh(base)
    set_row(inv.actions, "action_id", "A005", evidence="手順書 v1")
    assert subjects(inv, "PDCA-evidence") == set()


def test_jisq15001_ledger_confirmed_at_least_yearly(base):
    # bundled: the activity history (paper and spreadsheets) was last confirmed 2025-03-10, 21 months ago
    found = hits(base, "JISQ15001-ledger-review")
    assert set(found["subject_id"]) == {"I025"}
    assert "21" in found["message_en"].iloc[0] and "未確認" in found["article"].iloc[0]
    inv = fresh(base)
    set_row(inv.items, "item_id", "I025", last_confirmed=pd.Timestamp("2026-01-01"))  # 11 months: quiet
    assert subjects(inv, "JISQ15001-ledger-review") == set()
    set_row(inv.items, "item_id", "I025", last_confirmed=pd.Timestamp("2025-12-31"))  # a full year: due
    set_row(inv.items, "item_id", "I001", last_confirmed=pd.NaT)  # never confirmed
    found = hits(inv, "JISQ15001-ledger-review").set_index("subject_id")
    assert set(found.index) == {"I001", "I025"}
    assert "no record" in found.loc["I001", "message_en"] and "12 months" in found.loc["I025", "message_en"]
