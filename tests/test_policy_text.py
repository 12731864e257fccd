"""Published policies read into facts with line numbers (ledger/policy_text.py), in both styles co-ops
use: bracket headings with per-group sections, and the statute's own headings; numbered and bulleted lists,
joint users named in prose, and what cannot be read reported as "not understood", never dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_inventory.ledger.policy_text import field_of, normalise, parse_policy_text
from privacy_inventory.paths import bundled_inventory

POLICIES = Path(__file__).parent / "data" / "policies"


def read(name: str):
    return parse_policy_text((POLICIES / name).read_text(encoding="utf-8"))


def texts(facts) -> list[str]:
    return [f.text for f in facts]


def test_bundled_policy_bracket_groups_common_items_and_general_statement():
    p = parse_policy_text((bundled_inventory() / "published_policy.txt").read_text(encoding="utf-8"))
    assert (
        p.organisation["name"].text == "生活協同組合コープやまぐち"
        and p.organisation["date"].text == "2017-10-01"
    )
    assert p.aliases == {"コープやまぐち": "生活協同組合コープやまぐち"}
    assert len(p.purposes) == 15 and p.purposes[0].line == 37
    assert [a.label for a in p.joint_uses] == ["共同利用者1", "共同利用者2", "共同利用者3"]
    one, two, three = p.joint_uses
    assert texts(two.users) == ["日本コープ共済生活協同組合連合会", "全労済"]
    assert "生協脱退日その他の基本情報" in texts(two.items) and "氏名" in texts(two.items)  # common + own
    assert texts(three.purposes) == [
        "介護保険事業等、福祉サービスの紹介、お届け代金のご請求。お問い合わせ、苦情等への対応"
    ]
    assert all(texts(a.manager.names) == ["生活協同組合コープやまぐち"] for a in p.joint_uses)
    assert one.manager.address is None and one.manager.representative is None  # the real gaps
    # point 3: "取得した個人情報の全ての項目について、利用目的の範囲内で…管理はコープやまぐちが責任を持ちます"
    assert p.general.all_items.line == 10 and p.general.purposes_by_reference.line == 10
    # the prose summary ①②③ names the users in short forms; it is kept apart from the structured groups
    assert texts(p.prose_joint_uses[0].users) == ["日本コープ共済連", "全労済"]
    assert [(f.line, code) for f, code in p.third_party_exceptions] == [
        (16, "statutory_law"), (17, "statutory_life"), (18, "statutory_government"), (19, "statutory_public_health"),
    ]  # fmt: skip
    assert [f.line for f in p.outsourcing] == [20]
    assert p.not_understood == []


def test_bracket_style_with_exclusion_and_manager_block():
    p = read("bracket_groups.txt")
    assert [a.label for a in p.joint_uses] == ["共同利用者1", "共同利用者2"]
    one, two = p.joint_uses
    assert texts(one.users) == ["日本生活協同組合連合会", "生活協同組合連合会あさひ事業連合"]
    assert texts(one.items) == ["氏名", "住所", "電話番号", "購買履歴", "お問い合わせ内容"]
    assert [(u.text, code) for u, code in two.exclusions] == [
        ("あさひ共済生活協同組合連合会", "special_care")
    ]
    m = two.manager
    assert texts(m.names) == ["生活協同組合あさひ野"] and m.address.text == "架空県あさひ市本町1-1"
    assert m.representative.text == "理事長朝日一郎" and m.representative.line == 35
    assert p.organisation["date"].text == "2024-04-01" and p.not_understood == []


def test_bracket_style_all_items_by_reference_category_scope_and_self_manager():
    [a] = read("bracket_all_items.txt").joint_uses
    assert a.items == [] and a.all_items.text == "当生協が取得した全ての個人情報" and a.all_items.line == 14
    assert a.users == [] and texts(a.categories) == ["当生協が加盟する事業連合の会員生協"]
    assert a.purposes == [] and a.purposes_by_reference.line == 12
    assert a.manager.is_self and texts(a.manager.names) == [
        "わかば生活協同組合"
    ]  # 「当生協」 as it defined itself


def test_statute_style_two_arrangements_numbered():
    p = read("statute_two_arrangements.txt")
    assert [a.label for a in p.joint_uses] == ["共済事業における共同利用", "宅配事業における共同利用"]
    insurance, delivery = p.joint_uses
    assert insurance.all_items.line == 13 and insurance.items == []
    assert texts(insurance.users) == ["みどり共済生活協同組合連合会"]
    assert texts(insurance.categories) == ["団体契約の引受保険会社"]
    assert [(u.text, c) for u, c in insurance.exclusions] == [
        ("みどり共済生活協同組合連合会", "special_care")
    ]
    assert texts(insurance.purposes) == ["共済契約の引受け及び維持管理のため", "共済金のお支払いのため"]
    m = insurance.manager
    assert (m.address.text, m.representative.text) == ("架空県中央市一番町1-1", "代表理事架空花子")
    assert texts(delivery.items) == ["氏名", "住所", "電話番号", "配達に関するご指示"]
    assert delivery.users == [] and texts(delivery.categories) == ["当組合の会員生協"]
    assert delivery.purposes_by_reference is not None and delivery.manager.is_self
    org = p.organisation
    assert (org["name"].text, org["address"].text, org["representative"].text) == (
        "みどりの風生活協同組合", "架空県みどり市中央1-2-3", "理事長架空太郎",
    )  # fmt: skip
    assert [c for _, c in p.third_party_exceptions] == ["statutory_law", "statutory_life"]
    assert p.not_understood == []


def test_statute_style_inline_values_and_a_manager_of_two_parties():
    [a] = read("statute_inline_two_managers.txt").joint_uses
    assert texts(a.items) == ["氏名", "住所", "電話番号", "購買履歴"]
    assert texts(a.users) == ["日本生活協同組合連合会"] and texts(a.categories) == ["当組合の会員生協"]
    assert texts(a.manager.names) == ["日本生活協同組合連合会", "会員生協"]


def test_statute_style_in_markdown_with_nested_lists():
    p = read("statute_numbered_markdown.md")
    [a] = p.joint_uses
    assert a.label == "福祉事業に関する共同利用"
    assert texts(a.items) == ["氏名", "住所", "要介護度"]
    assert texts(a.manager.names) == ["福祉生活協同組合ほほえみ"]
    assert (a.manager.address.text, a.manager.representative.text) == (
        "架空県ほほえみ市1-2",
        "代表理事微笑花",
    )
    assert texts(p.purposes) == ["商品のお届けのため", "代金のご請求のため"]


def test_joint_users_named_in_prose():
    first, second = read("prose_joint_use.txt").joint_uses
    assert first.prose and texts(first.users) == ["日本生活協同組合連合会"]
    assert texts(first.items) == ["氏名", "住所", "電話番号", "購買履歴"]
    assert texts(first.purposes) == ["商品の開発及び改善のため"] and first.manager.is_self
    assert texts(second.users) == ["こだま共済連", "全国共済連合会"]
    assert texts(second.items) == ["組合員番号", "共済の加入内容"]


def test_unknown_structure_is_not_understood_with_its_lines():
    p = read("unknown_table.txt")
    assert p.joint_uses == [] and p.not_understood == [(4, 6)]
    assert p.mentions_joint_use


def test_the_statute_paraphrased_states_no_arrangement():
    p = read("statute_general_clause.txt")
    assert p.joint_uses == [] and p.mentions_joint_use and p.not_understood == []


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("【共同利用の対象となる情報項目】", "items"),
        ("(1) 共同して利用される個人データの項目", "items"),
        ("【共同利用者の範囲】", "scope"),
        ("② 共同して利用する者の範囲", "scope"),
        ("(3) 利用する者の利用目的", "purposes"),
        ("【共同利用の目的】", "purposes"),
        (
            "当該個人データの管理について責任を有する者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名",
            "manager",
        ),
        ("当該個人データの管理責任者", "manager"),
        ("・管理責任者：当組合", "manager"),
        ("共同利用先　利用目的　共同利用する項目", None),  # a table header names several
        (
            "共同して利用される個人データの項目、共同して利用する者の範囲、利用する者の利用目的を公表します",
            None,
        ),
        ("商品・サービスの範囲は以下のとおりです", None),
    ],
)
def test_headings(line, field):
    assert field_of(normalise(line)) == field


def test_line_numbers_count_from_one_and_survive_crlf():
    text = "個人情報保護方針\r\n\r\n【共同利用者の範囲】\r\n共同利用者1：日本生活協同組合連合会\r\n"
    [a] = parse_policy_text(text).joint_uses
    assert a.users[0].line == 4
