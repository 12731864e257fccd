"""The notice generated from the ledger, and its comparison with the published policy."""

from __future__ import annotations

import copy
import json

import pytest

from privacy_inventory import load_inventory
from privacy_inventory.assess.notice import (
    blocks,
    build_notice,
    compare_with_policy,
    differences,
    normalise,
    render_markdown,
)
from privacy_inventory.paths import bundled_inventory
from privacy_inventory.report.html import notice_page

from .conftest import SEED_POLICY


@pytest.fixture(scope="module")
def inv():
    return load_inventory()


def test_notice_states_one_block_per_arrangement_with_manager_placeholders(inv):
    text = render_markdown(build_notice(inv, "ja"))
    assert "1. 生協組合員募集のご案内のため" in text and "15. 問い合わせ等への回答や本人確認のため" in text
    assert "### 共同利用2：共済事業における共同利用" in text
    assert "- 日本コープ共済生活協同組合連合会\n- 全労済" in text
    assert (
        "- 氏名、性別、生年月日、住所、電話番号、メールアドレス、その他の属性情報、その他共同利用の目的のために必要な情報、苦情情報、組合員登録口座、利用情報、利用金額"
        in text
    )
    # the statute's own headings, and the manager in every block: here the co-op, lacking two facts
    assert (
        text.count(
            "当該個人データの管理について責任を有する者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名"
        )
        == 3
    )
    assert text.count("名称：生活協同組合コープやまぐち") == 3
    assert text.count("住所：【未記載：住所（法27条5項3号）】") == 3
    assert text.count("代表者：【未記載：代表者の氏名（法27条5項3号）】") == 3
    assert "源泉徴収" not in text  # internal (staff) purposes are not part of the members' notice


def test_notice_blocks_keep_their_kinds(inv):
    kinds = {k for k, _ in blocks(build_notice(inv, "ja"))}
    assert kinds <= {"h1", "h2", "h3", "p", "ol", "ul"}
    h3 = [c for k, c in blocks(build_notice(inv, "ja")) if k == "h3"]
    assert len(h3) == 3  # one block per arrangement


def test_notice_in_english_and_with_a_manager(inv):
    changed = copy.deepcopy(inv)
    changed.organisation.update(address="山口市（例）", representative="理事長 山口太郎（例）")
    n = build_notice(changed, "en")
    text = render_markdown(n)
    assert "1. to invite people to join the co-op" in text
    assert "Address: 山口市（例）" in text and "MISSING" not in text and n.gaps == []
    assert "- Japanese Consumers' Co-operative Union" in text


def test_notice_with_a_partner_manager_an_exclusion_and_a_person_as_manager(inv):
    changed = copy.deepcopy(inv)
    ju = changed.joint_uses
    ju.loc[ju["joint_use_id"] == "JU2", "manager"] = "partner:PJ03"
    p = changed.partners
    p.loc[p["partner_id"] == "PJ03", ["address", "excludes"]] = ["東京都渋谷区（例）", "special_care"]
    n = build_notice(changed, "ja")
    text = render_markdown(n)
    assert "- 日本コープ共済生活協同組合連合会（要配慮個人情報を除く）" in text
    assert "住所：東京都渋谷区（例）" in text
    assert ("JU2", "representative") in n.missing and ("JU2", "address") not in n.missing
    p.loc[p["partner_id"] == "PJ03", "entity_type"] = "individual"  # no representative asked of a person
    n = build_notice(changed, "ja")
    assert ("JU2", "representative") not in n.missing


def test_html_notice_escapes_ledger_values(inv):
    changed = copy.deepcopy(inv)
    changed.partners.loc[changed.partners["partner_id"] == "PJ05", "name"] = "<img src=x onerror=alert(1)>"
    page = notice_page(build_notice(changed, "ja"))
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "http" not in page  # no external resource


BUNDLED_COUNTS = {"purposes": 21, "items": 21, "joint_users": 5, "arrangements": 3}


@pytest.mark.skipif(not SEED_POLICY.exists(), reason="seed policy (../shared) not present")
def test_bundled_ledger_matches_the_published_policy(inv):
    diff = compare_with_policy(inv, SEED_POLICY.read_text(encoding="utf-8"))
    assert differences(diff).empty, diff.to_dict("records")
    assert diff.attrs["counts"] == BUNDLED_COUNTS
    # not a difference, but a reviewer's point: policy point 3 says "all items" (line 10)
    [note] = diff.to_dict("records")
    assert note["where"] == "not_specific" and note["line"] == 10 and "全ての項目" in note["text"]


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
    assert diff.attrs["counts"] == {"purposes": 3, "items": 3, "joint_users": 1, "arrangements": 1}
    assert {"P03", "PJ05", "I016", "PJ02"} <= set(ledger_only["id"])
    assert {"JU2", "JU3"} <= set(ledger_only.loc[ledger_only["kind"] == "joint_use", "joint_use_id"])
    assert diff.attrs["open_categories"] == ["その他の基本情報"]


def test_removing_a_purpose_from_the_ledger_shows_up(inv):
    text = (bundled_inventory() / "published_policy.txt").read_text(encoding="utf-8")
    changed = copy.deepcopy(inv)
    changed.purposes = changed.purposes[changed.purposes["purpose_id"] != "P02"]
    diff = differences(compare_with_policy(changed, text))
    assert diff[["kind", "where", "id", "text", "line"]].to_dict("records") == [
        {
            "kind": "purpose",
            "where": "policy_only",
            "id": None,
            "text": "商品・サービス情報を提供するため",
            "line": 38,
        }
    ]


def test_the_generated_notice_reads_back_as_the_ledger(inv):
    """The statute-worded notice the ledger generates is itself a policy the comparison understands."""
    diff = compare_with_policy(inv, render_markdown(build_notice(inv, "ja")))
    assert diff.empty, diff.to_dict("records")
    assert diff.attrs["counts"] == BUNDLED_COUNTS


def test_normalise():
    assert normalise("  1. 1. 生協 組合員募集のご案内のため。") == "生協組合員募集のご案内のため"
    assert normalise("① ＡＢＣ") == "ABC"
    assert normalise("• ・氏名") == "氏名"
    assert normalise("(3) 利用する者の利用目的") == "利用する者の利用目的"
    assert normalise("第5条（個人データの共同利用）") == "(個人データの共同利用)"


def test_notice_cli(cli, tmp_path):
    res = cli("notice", "--format", "html", "--out", tmp_path / "n.html", "--lang", "ja")
    assert res.code == 0 and "JU1" in res.err and "住所" in res.err
    assert (tmp_path / "n.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    res = cli("notice", "--format", "json")
    assert res.code == 0 and {b["kind"] for b in json.loads(res.out)} <= {"h1", "h2", "h3", "p", "ol", "ul"}
    (tmp_path / "p.txt").write_text(POLICY_SNIPPET, encoding="cp932", errors="ignore")
    res = cli("notice", "--compare", tmp_path / "p.txt", "--lang", "ja")
    assert res.code == 1 and "台帳のみ" in res.out
    res = cli("notice", "--compare", tmp_path / "p.txt", "--lang", "en", "--format", "json")
    data = json.loads(res.out)
    assert res.code == 1 and data["counts"]["arrangements"] == 1
    assert {d["where"] for d in data["differences"]} == {"ledger_only"}
    assert cli("notice", "--lang", "fr").code == 2
    assert cli("notice", "--format", "table").code == 2  # a table is the form of a comparison only
    assert cli("notice", "--compare", tmp_path / "p.txt", "--format", "md").code == 2
    assert cli("notice", "--compare", tmp_path / "nope.txt").code == 2
    (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    for name, why in (("empty.txt", "the file is empty"), ("image.png", "not a text file")):
        res = cli("notice", "--compare", tmp_path / name, "--lang", "en")  # read as `draft` reads a policy
        assert res.code == 2 and name in res.err and why in res.err and "policy" in res.err, res


def test_bundled_published_policy_is_the_seed_text():
    bundled = (bundled_inventory() / "published_policy.txt").read_text(encoding="utf-8")
    if SEED_POLICY.exists():
        assert bundled == SEED_POLICY.read_text(encoding="utf-8")
    diff = compare_with_policy(load_inventory(), bundled)
    assert differences(diff).empty and diff.attrs["counts"] == BUNDLED_COUNTS
