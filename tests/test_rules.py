"""Each compliance rule fires on a ledger that breaks it and stays quiet on one that does not."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re

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


def set_ju(inv, jid: str, **values) -> None:
    set_row(inv.joint_uses, "joint_use_id", jid, **values)


def add_partner(inv, **values):
    row = {c: pd.NA for c in inv.partners.columns} | {"country": "JP", "source": "assumption"} | values
    inv.partners = pd.concat(
        [inv.partners, pd.DataFrame([row]).astype(inv.partners.dtypes)], ignore_index=True
    )


def with_manager_details(inv):
    inv.organisation.update(address="山口県（例）", representative="理事長（例）")
    return inv


# --- joint use, APPI Art.27(5)(iii): one arrangement per row of joint_uses.csv ----------------------------


def test_27_5_iii_bundled_ledger_lacks_manager_address_and_representative(base):
    """The two real gaps of the published policy, now through the arrangements: the co-op manages all three
    itself, and neither its address nor its representative is stated."""
    f = hits(base, "APPI-27-5-iii")
    assert set(zip(f["subject_table"], f["subject_id"], strict=True)) == {
        ("organisation", "address"),
        ("organisation", "representative"),
    }
    assert (f["severity"] == "high").all() and f["article"].eq("個人情報保護法27条5項3号").all()
    assert f["message_ja"].str.contains("JU1・JU2・JU3").all()
    assert (f["subject_source"] == "policy").all()  # the policy states neither: its own source, not a guess
    assert subjects(with_manager_details(fresh(base)), "APPI-27-5-iii") == set()


def test_27_5_iii_partner_manager_and_when_a_representative_is_needed(base):
    inv = with_manager_details(fresh(base))
    set_ju(inv, "JU2", manager="partner:PJ03")  # the insurance federation manages the insurance joint use
    f = hits(inv, "APPI-27-5-iii")
    assert set(f["subject_id"]) == {"PJ03:address", "PJ03:representative"}
    assert (f["subject_source"] == "policy").all()
    set_row(inv.partners, "partner_id", "PJ03", address="東京都渋谷区（例）", assumed="entity_type;address")
    f = hits(inv, "APPI-27-5-iii")
    assert set(f["subject_id"]) == {"PJ03:representative"}
    set_row(
        inv.partners, "partner_id", "PJ03", entity_type="individual"
    )  # no representative asked of a person
    assert subjects(inv, "APPI-27-5-iii") == set()
    set_row(inv.partners, "partner_id", "PJ03", entity_type=pd.NA)  # unknown: medium, says why
    f = hits(inv, "APPI-27-5-iii")
    assert f["severity"].tolist() == ["medium"] and "法人・団体の別" in f["message_ja"].iloc[0]


def test_27_5_iii_manager_is_one_identifiable_party(base):
    inv = with_manager_details(fresh(base))
    assert subjects(inv, "APPI-27-5-iii-manager") == set()
    set_ju(inv, "JU1", manager="partner:PJ01;self")  # two parties
    set_ju(inv, "JU2", manager="partner:PJ03", manager_category="会員生協")  # "the union and its members"
    set_ju(inv, "JU3", manager=pd.NA)
    f = hits(inv, "APPI-27-5-iii-manager").set_index("subject_id")
    assert set(f.index) == {"JU1", "JU2", "JU3"}
    assert "複数" in f.loc["JU1", "message_ja"] and "会員生協" in f.loc["JU2", "message_ja"]
    set_ju(inv, "JU3", manager="partner:PJ05")
    set_row(
        inv.partners, "partner_id", "PJ05", entity_type="unincorporated"
    )  # a group with no representative
    assert "JU3" in subjects(inv, "APPI-27-5-iii-manager")
    set_row(inv.partners, "partner_id", "PJ05", representative="代表 山田（例）")
    assert "JU3" not in subjects(inv, "APPI-27-5-iii-manager")


def test_27_5_iii_manager_is_a_joint_user_or_the_operator(base):
    inv = with_manager_details(fresh(base))
    set_ju(inv, "JU2", manager="partner:PJ03")  # a joint user of JU2
    assert subjects(inv, "APPI-27-5-iii-manager-role") == set()
    set_ju(inv, "JU2", manager="partner:PO03")  # an outsourcee, not in the arrangement
    assert subjects(inv, "APPI-27-5-iii-manager-role") == {"JU2"}


def test_27_5_iii_items_given_only_as_all_items(base):
    assert subjects(base, "APPI-27-5-iii-items") == set()  # "all items", but the items are also listed
    inv = fresh(base)
    set_ju(inv, "JU1", items=pd.NA)
    set_ju(inv, "JU3", items=pd.NA, items_stated="listed")
    f = hits(inv, "APPI-27-5-iii-items").set_index("subject_id")
    assert "全ての項目" in f.loc["JU1", "message_ja"] and "記載されていない" in f.loc["JU3", "message_ja"]


def test_27_5_iii_scope_given_only_by_category(base):
    assert subjects(base, "APPI-27-5-iii-scope") == set()
    inv = fresh(base)
    set_ju(inv, "JU1", members=pd.NA, member_categories="会員生協")
    set_ju(inv, "JU3", members=pd.NA)
    f = hits(inv, "APPI-27-5-iii-scope").set_index("subject_id")
    assert f.loc["JU1", "severity"] == "medium" and "会員生協" in f.loc["JU1", "message_ja"]
    assert f.loc["JU3", "severity"] == "high"
    set_ju(inv, "JU1", members="PJ01;PJ02")  # named, with a category beside them: quiet
    assert "JU1" not in subjects(inv, "APPI-27-5-iii-scope")


def test_27_5_iii_purposes_stated_by_reference_or_not_at_all(base):
    assert subjects(base, "APPI-27-5-iii-purposes") == set()
    inv = fresh(base)
    set_ju(inv, "JU1", purposes_stated="same_as_own", purposes=pd.NA)
    set_ju(inv, "JU2", purposes=pd.NA)
    f = hits(inv, "APPI-27-5-iii-purposes").set_index("subject_id")
    assert f.loc["JU1", "severity"] == "info" and "参照" in f.loc["JU1", "message_ja"]
    assert f.loc["JU2", "severity"] == "high" and "記載されていない" in f.loc["JU2", "message_ja"]


def test_27_5_iii_flows_outside_scope_items_or_purposes(base):
    assert subjects(base, "APPI-27-5-iii-flows") == set()
    inv = fresh(base)
    set_ju(inv, "JU1", items_stated="listed")  # (stated as "all items", any item would be within the notice)
    set_row(inv.flows, "flow_id", "F0001", purpose_id="JU2A")  # a purpose of another arrangement
    set_row(inv.flows, "flow_id", "F0003", partner_id="PJ03")  # the insurance federation is not in JU1
    set_row(inv.flows, "flow_id", "F0005", item_id="I012")  # 生協コード is not an item of JU1
    set_row(inv.flows, "flow_id", "F0007", joint_use_id=pd.NA)  # no arrangement at all
    f = hits(inv, "APPI-27-5-iii-flows").set_index("subject_id")
    assert set(f.index) == {"F0001", "F0003", "F0005", "F0007"}
    assert f.loc["F0001", "severity"] == "medium" and "JU2A" in f.loc["F0001", "message_ja"]
    assert f.loc["F0003", "severity"] == "high" and "範囲にない" in f.loc["F0003", "message_ja"]
    assert f.loc["F0005", "severity"] == "high" and "生協コード" in f.loc["F0005", "message_ja"]
    assert "記録されていない" in f.loc["F0007", "message_ja"]
    set_ju(inv, "JU1", member_categories="日本生協連の会員生協")  # a described category covers the partner
    assert "F0003" not in subjects(inv, "APPI-27-5-iii-flows")


def test_27_5_iii_first_flow_before_the_notice(base):
    assert subjects(base, "APPI-27-5-iii-timing") == set()
    inv = fresh(base)
    set_row(inv.flows, "flow_id", "F0041", start_date=pd.Timestamp("2016-04-01"))  # before 2017-10-01
    assert subjects(inv, "APPI-27-5-iii-timing") == {"JU2"}
    set_row(inv.flows, "flow_id", "F0041", start_date=pd.Timestamp("2018-04-01"))
    assert subjects(inv, "APPI-27-5-iii-timing") == set()
    set_ju(inv, "JU3", notice_date=pd.NaT)
    f = hits(inv, "APPI-27-5-iii-timing")
    assert f["subject_id"].tolist() == ["JU3"] and f["severity"].tolist() == ["low"]


def test_27_5_iii_flow_contradicting_a_published_exclusion(base):
    inv = fresh(base)
    set_row(inv.partners, "partner_id", "PJ03", excludes="special_care")  # 「要配慮個人情報を除く」
    add_flow(inv, flow_id="FX1", item_id="I032", partner_id="PJ03", purpose_id="JU2A", basis="joint_use",
             joint_use_id="JU2")  # fmt: skip
    assert subjects(inv, "APPI-27-5-iii-exclusion") == {"FX1"}
    # the same item by consent (F0174, 共済金請求書の取次ぎ) is not joint use: quiet
    assert "F0174" not in subjects(inv, "APPI-27-5-iii-exclusion")
    set_row(inv.partners, "partner_id", "PJ03", excludes="my_number")
    assert subjects(inv, "APPI-27-5-iii-exclusion") == set()


def test_mn_19_my_number_jointly_used_or_by_consent(base):
    # the policy says ALL items are jointly used (point 3) while My Numbers are held: each arrangement
    f = hits(base, "MN-19")
    assert set(f["subject_id"]) == {"JU1", "JU2", "JU3"} and set(f["subject_table"]) == {"joint_uses"}
    inv = fresh(base)
    inv.joint_uses["items_stated"] = "listed"  # the lists alone: no My Number in them
    assert subjects(inv, "MN-19") == set()
    set_ju(inv, "JU1", items="I001;I030")
    assert subjects(inv, "MN-19") == {"JU1"}
    set_ju(inv, "JU1", items="I001", items_stated="all")
    set_row(inv.partners, "partner_id", "PJ01", excludes="my_number")
    set_row(inv.partners, "partner_id", "PJ02", excludes="my_number;special_care")
    assert subjects(inv, "MN-19") == set()  # "all items", My Numbers excluded for every joint user
    add_flow(inv, flow_id="FX1", item_id="I030", partner_id="PJ01", purpose_id="PA03", basis="joint_use")
    add_flow(inv, flow_id="FX2", item_id="I030", partner_id="PT01", purpose_id="PA03", basis="consent")
    f = hits(inv, "MN-19")
    assert set(f["subject_id"]) == {"FX1", "FX2"}  # consent does not make it lawful
    assert "本人同意" in f.set_index("subject_id").loc["FX2", "message_ja"]  # the basis by its label


def test_mn_10_sub_contracting_my_number_affairs_needs_the_original_entrusters_permission(base):
    assert subjects(base, "MN-10") == set()
    inv = fresh(base)
    add_partner(inv, partner_id="PO09", name="年末調整の再委託先（例）", kind="sub_outsourcee",
                parent_partner_id="PO08", contract_date=pd.Timestamp("2024-01-01"))  # fmt: skip
    add_flow(inv, flow_id="FX1", item_id="I030", partner_id="PO09", purpose_id="PA03", basis="outsourcing")
    assert subjects(inv, "MN-10") == {"PO09"}
    set_row(inv.partners, "partner_id", "PO09", subcontract_permitted_on=pd.Timestamp("2023-12-01"))
    assert subjects(inv, "MN-10") == set()
    # a sub-outsourcee with no My Number (delivery, PO07) needs no Art.10 permission
    set_row(inv.partners, "partner_id", "PO07", subcontract_permitted_on=pd.NaT)
    assert subjects(inv, "MN-10") == set()


def test_mn_11_supervision_of_my_number_outsourcees(base):
    f = hits(base, "MN-11")
    assert f["subject_id"].tolist() == ["PO08"] and "12か月前" in f["message_ja"].iloc[0]
    inv = fresh(base)
    set_row(inv.partners, "partner_id", "PO08", last_inspection=pd.Timestamp("2026-10-01"))
    assert subjects(inv, "MN-11") == set()
    set_row(inv.partners, "partner_id", "PO08", contract_covers="safety_measures;return_deletion")
    f = hits(inv, "MN-11")
    assert f["subject_id"].tolist() == ["PO08"] and "監査" in f["message_ja"].iloc[0]
    assert "PO05" not in subjects(inv, "MN-11")  # no My Numbers: APPI-25 only


def test_25_contract_lacking_gl_3_4_4_elements(base):
    f = hits(base, "APPI-25-contract-terms")
    assert f["subject_id"].tolist() == [
        "PO06"
    ]  # the cloud's standard terms: no audit, no sub-contracting terms
    assert "監査" in f["message_ja"].iloc[0] and "再委託の条件" in f["message_ja"].iloc[0]
    assert f["subject_source"].tolist() == ["assumption"]
    inv = fresh(base)
    set_row(inv.partners, "partner_id", "PO06",
            contract_covers="safety_measures;subcontracting;incident_reporting;audit;return_deletion")  # fmt: skip
    assert subjects(inv, "APPI-25-contract-terms") == set()
    set_row(inv.partners, "partner_id", "PO02", contract_covers=pd.NA)  # not recorded: said so
    f = hits(inv, "APPI-25-contract-terms")
    assert f["subject_id"].tolist() == ["PO02"] and "記録されていない" in f["message_ja"].iloc[0]


def test_32_operator_is_one_identifiable_business_operator(base):
    assert subjects(base, "APPI-32-operator") == set()
    inv = fresh(base)
    inv.organisation["name"] = "生活協同組合コープやまぐち及びコープやまぐち子会社"
    assert subjects(inv, "APPI-32-operator") == {"name"}
    inv = fresh(base)
    inv.organisation.pop("entity_type")
    inv.organisation["sources"].pop("entity_type")
    f = hits(inv, "APPI-32-operator")
    assert f["subject_id"].tolist() == ["entity_type"] and f["subject_source"].isna().all()
    inv.organisation["entity_type"] = "unincorporated"
    assert subjects(inv, "APPI-32-operator") == {"representative"}
    inv.organisation["representative"] = "代表 山口太郎（例）"
    assert subjects(inv, "APPI-32-operator") == set()


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


def test_25_subcontracting_chain_self_parent_and_cycle(base):
    assert subjects(base, "APPI-25-subcontracting-chain") == set()  # PO07 → PO01: a real chain
    inv = fresh(base)
    set_row(inv.partners, "partner_id", "PO03", parent_partner_id="PO03")
    f = hits(inv, "APPI-25-subcontracting-chain")
    assert set(f["subject_id"]) == {"PO03"} and "own entruster" in f["message_en"].iloc[0]
    assert f["article"].iloc[0].startswith("個人情報保護法25条")
    inv = fresh(base)  # PO01 → PO07 → PO01: a cycle of two
    set_row(inv.partners, "partner_id", "PO01", parent_partner_id="PO07")
    f = hits(inv, "APPI-25-subcontracting-chain")
    assert set(f["subject_id"]) == {"PO01", "PO07"}
    assert "PO01 → PO07 → PO01" in " ".join(f["message_en"])


def test_25_subcontracting_chain_of_three_without_a_cycle_is_quiet(base):
    inv = fresh(base)  # PO08 → PO07 → PO01, and PO01 has no parent: a long chain, but it ends
    set_row(inv.partners, "partner_id", "PO08", parent_partner_id="PO07")
    assert subjects(inv, "APPI-25-subcontracting-chain") == set()
    set_row(
        inv.partners, "partner_id", "PO01", parent_partner_id="PO08"
    )  # now it closes: PO01 → PO08 → PO07 → PO01
    assert subjects(inv, "APPI-25-subcontracting-chain") == {"PO01", "PO07", "PO08"}


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
    assert (f["subject_source"] == "policy").all()  # each value's own source in organisation.yaml
    inv = fresh(base)
    inv.organisation.update(address="山口県", representative="理事長", request_procedure="書面で請求",
                            safety_measures_published=True)  # fmt: skip
    assert subjects(inv, "APPI-32") == set()
    inv.organisation.update(representative=None, entity_type="individual")  # a person has no representative
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


def test_26_breach_exposure_does_not_say_every_my_number_leak_is_reportable(base):
    # The old message said a My Number leak must be reported whatever the count: the My Number rules
    # (Art.2) make it reportable above 100 people, or for an unlawful purpose, publication, the network.
    f = hits(base, "APPI-26").set_index("subject_id")
    assert "100人超" in f.loc["I030", "message_ja"] and "more than 100 people" in f.loc["I030", "message_en"]
    assert "必要となる事態" in f.loc["I030", "message_ja"]


# --- the incident register: reports, notice and prevention actions by their dates ------------------

DAY = pd.Timestamp


def set_incident(inv, ident: str, **values) -> None:
    set_row(inv.incidents, "incident_id", ident, **{k: DAY(v) if k.endswith(("_due", "_sent", "_on")) and v is not pd.NaT else v
                                                    for k, v in values.items()})  # fmt: skip


def test_26_report_overdue_fires_on_a_missing_final_report_and_not_on_one_sent(base):
    inv = fresh(base)
    # INC-2026-005 (theft, unlawful purpose): 確報 due 2027-01-23; as of 2027-02-01 nothing sent
    f = run_rules(inv, dt.date(2027, 2, 1), only=["APPI-26-report"])
    assert set(f["subject_id"]) == {"INC-2026-005"} and (f["severity"] == "high").all()
    assert "確報（期限 2027-01-23）" in f["message_ja"].iloc[0]
    set_incident(inv, "INC-2026-005", appi_final_sent="2027-01-20")  # sent in time: quiet
    assert run_rules(inv, dt.date(2027, 2, 1), only=["APPI-26-report"]).empty
    assert subjects(base, "APPI-26-report") == set()  # as of 2026-12-31 the 確報 is not due yet


def test_26_report_a_late_preliminary_is_medium_and_a_report_sent_late_is_no_finding(base):
    inv = fresh(base)
    set_incident(inv, "INC-2026-005", appi_preliminary_sent=pd.NaT)
    f = hits(inv, "APPI-26-report")
    assert f["subject_id"].tolist() == ["INC-2026-005"] and f["severity"].tolist() == ["medium"]
    assert "速報（期限 2026-11-29）" in f["message_ja"].iloc[0]
    # INC-2026-003's 確報 went in late (2026-09-10 for 2026-09-02): a met-late duty, not an open one
    assert "INC-2026-003" not in subjects(base, "APPI-26-report")


def test_26_2_notice_overdue(base):
    inv = fresh(base)
    set_incident(inv, "INC-2026-005", notice_sent=pd.NaT)  # target 2026-12-24
    assert subjects(inv, "APPI-26-2") == {"INC-2026-005"}
    assert run_rules(inv, dt.date(2026, 12, 24), only=["APPI-26-2"]).empty  # the target day itself: in time
    assert subjects(base, "APPI-26-2") == set()


def test_mn_29_4_my_number_report_overdue(base):
    inv = fresh(base)
    set_incident(inv, "INC-2026-004", mn_final_sent=pd.NaT)  # due 2026-11-01
    f = hits(inv, "MN-29-4")
    assert (
        f["subject_id"].tolist() == ["INC-2026-004"]
        and "番号法の確報（期限 2026-11-01）" in f["message_ja"].iloc[0]
    )
    assert subjects(base, "MN-29-4") == set()
    # a sent date after the day asked about does not count yet
    assert set(run_rules(base, dt.date(2026, 10, 31), only=["MN-29-4"])["subject_id"]) == set()
    assert set(run_rules(base, dt.date(2026, 10, 8), only=["MN-29-4"])["subject_id"]) == set()


def test_incident_without_a_prevention_action(base):
    inv = fresh(base)
    set_incident(inv, "INC-2026-002", action_id=pd.NA)
    assert subjects(inv, "PDCA-incident-action") == {"INC-2026-002"}
    assert subjects(base, "PDCA-incident-action") == set()


def test_incident_action_overdue(base):
    # A008 (INC-2026-003) is due 2027-01-31 and in progress
    assert subjects(base, "PDCA-incident-action-overdue") == set()
    late = run_rules(base, dt.date(2027, 2, 1), only=["PDCA-incident-action-overdue"])
    assert (
        "INC-2026-003" in set(late["subject_id"])
        and "A008" in late.set_index("subject_id").loc["INC-2026-003", "message_ja"]
    )
    inv = fresh(base)
    set_row(inv.actions, "action_id", "A008", status="done", closed_on=DAY("2027-01-15"), evidence="点検記録")
    assert "INC-2026-003" not in set(
        run_rules(inv, dt.date(2027, 2, 1), only=["PDCA-incident-action-overdue"])["subject_id"]
    )


def test_incident_rules_run_on_an_empty_register(base):
    inv = fresh(base)
    inv.incidents = inv.incidents.head(0)
    found = run_rules(inv, AS_OF)
    assert "rule" not in set(found["subject_table"]) and "incidents" not in set(found["subject_table"])


def test_incident_rules_name_the_register_row_as_an_assumption(base):
    inv = fresh(base)
    set_incident(inv, "INC-2026-005", notice_sent=pd.NaT)
    assert set(hits(inv, "APPI-26-2")["subject_source"]) == {"assumption"}


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
    assert data["counts"]["high"] == 9  # see test_review.test_summary_matches_the_library for the three new
    assert {f["rule_id"] for f in data["findings"]} >= {"APPI-27-5-iii", "MN-19", "APPI-32"}
    for f in data["findings"]:
        assert f["article"] and f["fix"] and f["message_ja"]
    assert cli("check", "--fail-on", "high").code == 1
    assert cli("check", "--fail-on", "high", "--min-severity", "high").code == 1
    assert cli("check", "--fail-on", "bogus").code == 2
    csv = cli("check", "--format", "csv", "--min-severity", "high", "--as-of", "2026-12-31")
    assert csv.code == 0 and len(csv.out.strip().splitlines()) == 1 + 9


def test_check_names_what_a_finding_is_about_as_a_person_does(cli):
    """An organisation fact by its label, a partner by id and name: never `organisation:address`."""
    data = json.loads(cli("check", "--format", "json", "--as-of", "2026-12-31").out)
    tables = {f["subject_table"] for f in data["findings"]}
    assert {"organisation", "partners"} <= tables  # JSON keeps the keys
    for lang, label, partner in (
        ("ja", "住所（法32条1項1号）", "PO06 メール配信クラウドF"),
        ("en", "address, Art.32(1)(i)", "PO06 "),
    ):
        out = cli("check", "--as-of", "2026-12-31", "--lang", lang).out
        assert label in out and partner in out, out[:2000]
        assert not re.search(r"\b(organisation|partners|items|flows|joint_uses):", out), out[:2000]


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


def test_english_messages_name_things_in_english_where_the_ledger_has_english_names():
    inv = load_inventory()
    found = run_rules(inv, as_of=dt.date(2026, 12, 31))
    japanese_with_english = {
        str(ja)
        for df, ja_col in ((inv.items, "name_ja"), (inv.partners, "name"), (inv.departments, "name"))
        for ja, en in zip(df[ja_col], df["name_en"], strict=True)
        if isinstance(en, str) and en.strip()
    }
    leaks = {(r, n) for r, m in zip(found["rule_id"], found["message_en"], strict=True)
             for n in japanese_with_english if f"'{n}'" in m or f" {n} " in f" {m} "}  # fmt: skip
    assert leaks == set()
    # and the Japanese messages keep the Japanese names (the check above would pass on empty messages)
    assert found["message_ja"].str.contains("配送委託先A").any()
    assert found["message_en"].str.len().gt(10).all()
