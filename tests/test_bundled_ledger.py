"""The bundled ledger holds the seed policy's facts (and marks what the policy does not say)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from privacy_inventory import load_inventory

from .conftest import SEED_POLICY

PURPOSES = [
    "生協組合員募集のご案内のため",
    "商品・サービス情報を提供するため",
    "商品・サービスのご注文をいただくため",
    "商品のお届けまたはサービス提供のため",
    "商品・サービスの提供を斡旋するため",
    "商品・サービスの代金の請求および回収のため",
    "アフターサービスを提供するため",
    "商品事故等、緊急の連絡をするため",
    "商品・サービスまたは生協の運営改善に関わる意見の集約のため",
    "福祉関連サービスにおける各種手続きのため",
    "組合員の出資金を管理するため",
    "組合員の電子マネーを管理するため",
    "組合員の生活の改善および文化の向上に関する活動を推進するため",
    "総代会など、生協の機関運営を円滑に進めるため",
    "問い合わせ等への回答や本人確認のため",
]
COMMON = ["氏名", "性別", "生年月日", "住所", "電話番号", "メールアドレス", "その他の属性情報"]
GROUP_ITEMS = {
    "1": ["購買情報", "苦情情報", "増資・減資情報"],
    "2": [
        "生協コード",
        "組合員番号",
        "生協加入日",
        "生協脱退日",
        "組合員登録口座",
        "商品代金最終振替日",
        "購買利用情報",
        "取引関連情報",
    ],
    "3": ["利用情報", "利用金額", "組合員登録口座", "苦情情報"],
}
JOINT_USERS = {
    "日本生活協同組合連合会": "1",
    "生活協同組合連合会コープ中国四国事業連合": "1",
    "日本コープ共済生活協同組合連合会": "2",
    "全労済": "2",
    "福祉生活協同組合さんコープ": "3",
}
REGULATION_ITEMS = [
    "クレジットカード番号",
    "金融機関口座情報",
    "家族状況",
    "活動履歴",
    "嗜好",
    "出資金",
    "生協利用状況及び代金支払状況",
]


@pytest.fixture(scope="module")
def inv():
    return load_inventory()


def test_all_fifteen_purposes_verbatim_in_order(inv):
    own = inv.purposes[inv.purposes["kind"] == "own"]
    assert own["text_ja"].tolist() == PURPOSES
    assert own["text_en"].notna().all()
    assert own["source"].str.startswith("policy:").all()


@pytest.mark.skipif(not SEED_POLICY.exists(), reason="seed policy (../shared) not present")
def test_purposes_match_the_seed_text():
    text = SEED_POLICY.read_text(encoding="utf-8")
    listed = re.findall(r"^\s+\d+\. \d+\. (.+ため)\s*$", text, flags=re.M)
    assert listed == PURPOSES


def test_every_item_the_policy_names_exists_once(inv):
    names = inv.items["name_ja"]
    assert names.is_unique
    for name in COMMON + [i for items in GROUP_ITEMS.values() for i in items] + REGULATION_ITEMS:
        assert (names == name).sum() == 1, name


def test_regulation_items_cite_the_internal_rules(inv):
    rows = inv.items[inv.items["name_ja"].isin(REGULATION_ITEMS)]
    assert (rows["source"] == "regulation:個人情報保護規則第2条").all()


def test_five_joint_users_in_their_arrangements(inv):
    """Each 共同利用者N group of the policy is one arrangement (joint_uses.csv) naming its joint users."""
    ju = inv.partners[inv.partners["kind"] == "joint_user"]
    names = dict(zip(ju["partner_id"], ju["name"], strict=True))
    members = {
        names[m]: jid[-1]
        for jid, cell in zip(inv.joint_uses["joint_use_id"], inv.joint_uses["members"], strict=True)
        for m in cell.split(";")
    }
    assert members == JOINT_USERS
    assert set(ju["entity_type"]) == {"association"}  # co-ops and their federations are legal persons


def test_each_arrangement_gets_exactly_its_items_plus_common(inv):
    flows = inv.flows.merge(inv.items[["item_id", "name_ja"]], on="item_id").merge(
        inv.partners[["partner_id", "name"]], on="partner_id"
    )
    ju = flows[flows["basis"] == "joint_use"]
    names = inv.items.set_index("item_id")["name_ja"]
    for partner, group in JOINT_USERS.items():
        got = set(ju.loc[ju["name"] == partner, "name_ja"])
        expected = set(COMMON) | set(GROUP_ITEMS[group]) | {"その他共同利用の目的のために必要な情報"}
        assert got == expected, partner
        assert set(ju.loc[ju["name"] == partner, "joint_use_id"]) == {f"JU{group}"}
        row = inv.joint_uses.set_index("joint_use_id").loc[f"JU{group}"]
        assert {names[i] for i in row["items"].split(";")} == expected
        assert row["items_stated"] == "all"  # policy point 3: "取得した個人情報の全ての項目"


def test_joint_use_purposes_per_arrangement(inv):
    counts = {
        j: len(p.split(";"))
        for j, p in zip(inv.joint_uses["joint_use_id"], inv.joint_uses["purposes"], strict=True)
    }
    assert counts == {"JU1": 2, "JU2": 3, "JU3": 1}
    ju = inv.purposes[inv.purposes["kind"] == "joint_use"]
    assert "共済契約の引き受け、維持管理" in set(ju["text_ja"])
    assert (inv.joint_uses["purposes_stated"] == "listed").all()


def test_four_statutory_exceptions_and_nothing_else_to_third_parties_without_consent(inv):
    statutory = inv.flows[inv.flows["basis"].str.startswith("statutory_")]
    assert set(statutory["basis"]) == {
        "statutory_law",
        "statutory_life",
        "statutory_public_health",
        "statutory_government",
    }
    assert not (inv.flows["basis"] == "opt_out").any()


def test_organisation_keeps_the_policy_gaps_open(inv):
    assert inv.org("contact.department") == "管理部"
    assert inv.org("contact.phone") == "083-995-3600"
    assert str(inv.org("policy_date")) == "2017-10-01"
    # the co-op manages all three arrangements itself: the manager's address and representative are its own
    assert set(inv.joint_uses["manager"]) == {"self"}
    assert inv.org("name") == "生活協同組合コープやまぐち" and inv.org("entity_type") == "association"
    assert inv.org("address") is None
    assert inv.org("representative") is None


def test_assumed_facts_are_marked(inv):
    my_number = inv.items[inv.items["my_number"]]
    assert len(my_number) == 1 and my_number["source"].str.startswith("assumption").all()
    care = inv.items[inv.items["special_care"]]
    assert len(care) >= 1 and care["source"].str.startswith("assumption").all()
    outsourcees = inv.partners[inv.partners["kind"] == "outsourcee"]
    assert outsourcees["source"].str.startswith("assumption").all()
    assert outsourcees["contract_date"].notna().all()
    # a policy row whose counts are assumed says so
    name = inv.items[inv.items["name_ja"] == "氏名"].iloc[0]
    assert name["source"].startswith("policy:") and "records" in name["assumed"].split(";")


def test_every_category_of_safety_measures_has_a_control(inv):
    assert set(inv.controls["category"]) == {
        "basic_policy",
        "rules",
        "organisational",
        "human",
        "physical",
        "technical",
        "external_environment",
    }
    assert inv.departments["manager"].notna().all()
    assert pd.api.types.is_datetime64_any_dtype(inv.departments["last_training"])


def test_ledger_practice_columns_are_filled_and_marked_as_assumptions(inv):
    """What a Privacy Mark auditor reads (storage, access, use-until, disposal, last confirmed) is filled
    in for every item; the policy states none of it, so every policy row lists those columns as assumed."""
    practice = [
        "storage_location",
        "storage_method",
        "access_holders",
        "use_until",
        "disposal",
        "last_confirmed",
    ]
    assert inv.items[practice].notna().all().all()
    policy_rows = inv.items[~inv.items["source"].str.startswith("assumption")]
    for assumed in policy_rows["assumed"]:
        assert set(practice) <= set(assumed.split(";"))
    # the classification of the published purposes is ours, not the policy's
    published = inv.purposes[inv.purposes["source"].str.startswith("policy")]
    assert published["category"].notna().all() and published["assumed"].eq("category").all()
