"""The notice generated from the ledger, and its comparison with the published policy."""

from __future__ import annotations

import copy

import pytest

from privacy_inventory import load_inventory
from privacy_inventory.assess.notice import (
    build_notice,
    compare_with_policy,
    normalise,
    render_markdown,
)
from privacy_inventory.paths import bundled_inventory
from privacy_inventory.report.html import notice_page

from .conftest import SEED_POLICY


@pytest.fixture(scope="module")
def inv():
    return load_inventory()


def test_notice_states_purposes_groups_items_and_manager_with_placeholders(inv):
    text = render_markdown(build_notice(inv, "ja"))
    assert "1. 生協組合員募集のご案内のため" in text and "15. 問い合わせ等への回答や本人確認のため" in text
    assert "共同利用者2: 日本コープ共済生活協同組合連合会・全労済" in text
    assert "共同利用者3の情報項目: 苦情情報、組合員登録口座、利用情報、利用金額" in text
    assert "共通する情報項目: 氏名、性別、生年月日、住所、電話番号、メールアドレス、その他の属性情報" in text
    assert "名称: 生活協同組合コープやまぐち" in text
    assert "住所: 【未記載：住所（法27条5項3号）】" in text
    assert "代表者: 【未記載：代表者の氏名（法27条5項3号）】" in text
    assert "源泉徴収" not in text  # internal (staff) purposes are not part of the members' notice


def test_notice_in_english_and_with_a_manager(inv):
    changed = copy.deepcopy(inv)
    changed.organisation["joint_use_manager"].update(
        address="山口市（例）", representative="理事長 山口太郎（例）"
    )
    n = build_notice(changed, "en")
    text = render_markdown(n)
    assert "1. to invite people to join the co-op" in text
    assert "Address: 山口市（例）" in text and "MISSING" not in text and n.gaps == []
    assert "Joint users 1: Japanese Consumers' Co-operative Union" in text


def test_html_notice_escapes_ledger_values(inv):
    changed = copy.deepcopy(inv)
    changed.partners.loc[changed.partners["partner_id"] == "PJ05", "name"] = "<img src=x onerror=alert(1)>"
    page = notice_page(build_notice(changed, "ja"))
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "http" not in page  # no external resource


@pytest.mark.skipif(not SEED_POLICY.exists(), reason="seed policy (../shared) not present")
def test_bundled_ledger_matches_the_published_policy(inv):
    diff = compare_with_policy(inv, SEED_POLICY.read_text(encoding="utf-8"))
    assert diff.empty, diff.to_dict("records")
    assert diff.attrs["counts"] == {"purposes": 21, "items": 21, "joint_users": 5}


POLICY_SNIPPET = """\
1. ＣＯ－ＯＰは、以下の目的のために個人情報を利用します。
  1. 1. 生協組合員募集のご案内のため
  ② 商品・サービス情報を提供するため
【共同利用者の範囲】
  1. 共同利用者1 : 日本生活協同組合連合会
【共同利用の目的】
  • ・商品やサービスのご案内。商品の開発、改善やサービスの改善など
【共同利用の対象となる情報項目】
    • ・氏名、住所など
  • 共同利用者1の情報項目
    • ・購買情報その他の基本情報
  当該個人データの管理責任者
"""


def test_compare_normalises_and_reports_both_ways(inv):
    diff = compare_with_policy(inv, POLICY_SNIPPET)
    policy_only = set(diff.loc[diff["where"] == "policy_only", "text"])
    ledger_only = diff[diff["where"] == "ledger_only"]
    assert policy_only == set()  # numbering ①/1./・ and widths folded: everything published is in the ledger
    assert diff.attrs["counts"] == {"purposes": 3, "items": 3, "joint_users": 1}
    assert (
        "P03" in set(ledger_only["id"])
        and "PJ05" in set(ledger_only["id"])
        and "I016" in set(ledger_only["id"])
    )
    assert diff.attrs["open_categories"] == ["その他の基本情報"]


def test_removing_a_purpose_from_the_ledger_shows_up(inv):
    text = (bundled_inventory() / "published_policy.txt").read_text(encoding="utf-8")
    changed = copy.deepcopy(inv)
    changed.purposes = changed.purposes[changed.purposes["purpose_id"] != "P02"]
    diff = compare_with_policy(changed, text)
    assert diff.to_dict("records") == [
        {"kind": "purpose", "where": "policy_only", "id": None, "text": "商品・サービス情報を提供するため"}
    ]


def test_normalise():
    assert normalise("  1. 1. 生協 組合員募集のご案内のため。") == "生協組合員募集のご案内のため"
    assert normalise("① ＡＢＣ") == "ABC"
    assert normalise("• ・氏名") == "氏名"


def test_notice_cli(cli, tmp_path):
    res = cli("notice", "--format", "html", "--out", tmp_path / "n.html")
    assert res.code == 0 and "missing" in res.err
    assert (tmp_path / "n.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    (tmp_path / "p.txt").write_text(POLICY_SNIPPET, encoding="cp932", errors="ignore")
    res = cli("notice", "--compare", tmp_path / "p.txt")
    assert res.code == 1 and "ledger_only" in res.out
    assert cli("notice", "--lang", "fr").code == 2
    assert cli("notice", "--compare", tmp_path / "nope.txt").code == 2


def test_bundled_published_policy_is_the_seed_text():
    bundled = (bundled_inventory() / "published_policy.txt").read_text(encoding="utf-8")
    if SEED_POLICY.exists():
        assert bundled == SEED_POLICY.read_text(encoding="utf-8")
    diff = compare_with_policy(load_inventory(), bundled)
    assert diff.empty and diff.attrs["counts"] == {"purposes": 21, "items": 21, "joint_users": 5}
