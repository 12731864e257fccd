"""The 個人情報管理台帳 for a Privacy Mark audit: opens, matches the ledger, prints on A3, shows labels
not codes, 【未記載】 for what is missing, and never lets a value run as a formula."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from privacy_inventory import assess
from privacy_inventory.ledger.schema import Acquisition, Disposal, ItemCategory, PartnerKind, Subject
from privacy_inventory.report.daicho import MAX_CELL, _fit

from .ledger_edit import read, write

AS_OF = "2026-12-31"
HEADERS = [
    "管理番号", "個人情報の項目", "本人の区分", "件数", "利用目的", "取得方法", "保管場所・保管方法",
    "アクセス権を有する者", "利用期限", "保管期限", "廃棄方法", "委託先・提供先・共同利用者", "管理部門",
    "管理責任者", "要配慮の有無", "特定個人情報の有無", "リスク（固有・残留）", "最終確認日", "出典・仮定",
]  # fmt: skip


def rows_of(path):
    wb = load_workbook(path)
    ws = wb["個人情報管理台帳"]
    header = [c.value for c in ws[1]]
    return wb, ws, [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    from privacy_inventory.cli import main

    out = tmp_path_factory.mktemp("daicho") / "daicho.xlsx"
    with pytest.raises(SystemExit) as exit_info:
        main(["export-daicho", str(out), "--as-of", AS_OF])
    assert exit_info.value.code in (0, None)
    return out


def test_opens_with_the_customary_columns_and_prints_on_a3(bundled):
    wb, ws, rows = rows_of(bundled)
    assert [c.value for c in ws[1]] == HEADERS
    assert ws.page_setup.paperSize == 8 and ws.page_setup.orientation == "landscape"  # 8: A3
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0  # as many pages down as it takes
    assert ws.print_title_rows == "$1:$1"  # the header on every page
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref == f"A1:S{len(rows) + 1}"
    assert "生活協同組合コープやまぐち" in ws.oddHeader.left.text and AS_OF in ws.oddHeader.right.text
    assert "凡例" in wb.sheetnames
    inv = assess(as_of=AS_OF).inventory
    assert {r["管理番号"].split("-")[0] for r in rows} == set(inv.items["item_id"])  # every item, no other


def test_name_rows_match_the_ledger(bundled):
    """氏名 (I001): a row per group of purposes going to the same partners; together its rows hold
    exactly its purposes and the partners its flows go to; department, manager and risk as assessed."""
    a = assess(as_of=AS_OF)
    inv = a.inventory
    _, _, rows = rows_of(bundled)
    name_rows = [r for r in rows if r["管理番号"].startswith("I001-")]
    assert len(name_rows) > 1 and all(r["個人情報の項目"] == "氏名" for r in name_rows)
    purposes = {line.split()[0] for r in name_rows for line in r["利用目的"].splitlines() if line[:1] != "（"}
    flows = inv.flows[inv.flows["item_id"] == "I001"]
    uses = set(inv.uses.loc[inv.uses["item_id"] == "I001", "purpose_id"])
    assert purposes == uses | set(flows["purpose_id"].dropna())
    shown = " ".join(r["委託先・提供先・共同利用者"] for r in name_rows)
    names = inv.partners.set_index("partner_id")["name"]
    assert all(names[p] in shown for p in flows["partner_id"].unique())
    # the row of P02 (product information): printing contractor B and the email cloud F
    [p02] = [r for r in name_rows if r["利用目的"] == "P02 商品・サービス情報を提供するため"]
    assert (
        p02["委託先・提供先・共同利用者"]
        == "委託先：印刷・封入委託先B（例示）、メール配信クラウドF（例示・国外）"
    )
    # joint users of group 1 receive it for both of their purposes, in one row
    [group1] = [r for r in name_rows if r["利用目的"].startswith("JU1A")]
    assert group1["利用目的"].splitlines()[1].startswith("JU1B")
    assert group1["委託先・提供先・共同利用者"].startswith("共同利用者：日本生活協同組合連合会")
    risk = a.risk.items.set_index("item_id").loc["I001"]
    label = a.model.level_label
    first = name_rows[0]
    assert (
        first["リスク（固有・残留）"]
        == f"固有：{label(risk['level'])}／残留：{label(risk['residual_level'])}"
    )
    assert (first["管理部門"], first["管理責任者"]) == ("管理部", "管理部長")
    assert first["件数"] == 150000 and first["本人の区分"] == "組合員" and first["要配慮の有無"] == "無"
    assert first["保管期限"] == "脱退後5年" and first["利用期限"] == "脱退まで"
    assert first["廃棄方法"] == "溶解処理、データ消去（復元不可能な方法）"
    assert first["最終確認日"].date() == dt.date(2026, 4, 15)
    assert "仮定の値：件数" in first["出典・仮定"] and first["出典・仮定"].startswith(
        "出典：基本方針 別記1-3"
    )


def test_an_item_whose_purposes_share_their_partners_has_one_row(bundled):
    _, _, rows = rows_of(bundled)
    activity = [r for r in rows if r["個人情報の項目"] == "活動履歴"]
    assert [r["管理番号"] for r in activity] == ["I025"]
    assert activity[0]["委託先・提供先・共同利用者"] == "なし（組織内の利用のみ）"


def test_values_are_labels_and_missing_values_say_so(bundled):
    _, _, rows = rows_of(bundled)
    codes = {
        *Subject.codes(),
        *Acquisition.codes(),
        *Disposal.codes(),
        *ItemCategory.codes(),
        *PartnerKind.codes(),
    }
    for r in rows:
        for column in ("本人の区分", "取得方法", "廃棄方法", "要配慮の有無", "特定個人情報の有無"):
            assert r[column] not in codes and not any(c in codes for c in str(r[column]).split("、"))
    other = next(r for r in rows if r["個人情報の項目"] == "その他の属性情報")  # no retention stated
    assert other["保管期限"] == "【未記載】"
    my_number = next(r for r in rows if r["特定個人情報の有無"] == "有")
    assert my_number["本人の区分"] == "役職員" and "個人番号" in my_number["個人情報の項目"]


def test_yearly_confirmation_due_is_highlighted(bundled):
    _, ws, rows = rows_of(bundled)
    col = HEADERS.index("最終確認日") + 1
    for i, r in enumerate(rows, 2):
        filled = ws.cell(i, col).fill.fgColor.rgb not in ("00000000", None)
        assert filled == (r["個人情報の項目"] == "活動履歴"), r["管理番号"]  # 2025-03-10: 21 months


def test_a_new_row_prints_unrecorded_values_and_defuses_formulas(ledger, tmp_path, cli):
    items = read(ledger, "items.csv")
    i = items.index[items["item_id"] == "I024"][0]
    items.loc[i, "name_ja"] = '=HYPERLINK("http://evil.example","家族状況")'
    items.loc[i, "access_holders"] = "+81-83-000-0000 管理部"
    items.loc[i, "storage_location"] = "@SUM(A1)"
    for column in ("storage_method", "system", "use_until", "disposal", "last_confirmed", "records"):
        items.loc[i, column] = ""
    write(ledger, "items.csv", items)
    out = tmp_path / "d.xlsx"
    res = cli("export-daicho", ledger, out, "--as-of", AS_OF, "--lang", "ja")
    assert res.code == 0, res.err
    _, ws, rows = rows_of(out)
    r = next(r for r in rows if r["管理番号"].startswith("I024"))
    assert r["個人情報の項目"] == '=HYPERLINK("http://evil.example","家族状況")'
    assert r["アクセス権を有する者"].startswith("+81")
    assert r["保管場所・保管方法"] == "媒体・システム：【未記載】\n保管場所：@SUM(A1)\n保管方法：【未記載】"
    assert (r["利用期限"], r["廃棄方法"], r["最終確認日"], r["件数"]) == ("【未記載】",) * 4
    row = next(row for row in ws.iter_rows(min_row=2) if str(row[0].value).startswith("I024"))
    assert all(c.data_type == "s" for c in row[1:8])  # text cells: never formulas
    due = sum(r["管理番号"].split("-")[0] in ("I024", "I025") for r in rows)  # never confirmed; 21 months
    assert f"年1回の確認の時期を過ぎた行が {due} 行" in " ".join(res.out.split())


def test_english_and_refusals(cli, tmp_path):
    out = tmp_path / "d.xlsx"
    assert cli("export-daicho", out, "--lang", "en", "--as-of", AS_OF).code == 0
    wb = load_workbook(out)
    ws = wb["Personal data ledger"]
    assert ws["A1"].value == "No." and ws["E1"].value == "Purposes of use"
    assert cli("export-daicho", out).code == 2  # exists
    assert cli("export-daicho", tmp_path / "d.csv").code == 2  # not .xlsx


def test_long_lists_are_cut_to_what_a_cell_holds():
    parts = [f"委託先{i:05d}" for i in range(10_000)]
    text = _fit(parts, "、", "ja")
    assert len(text) <= MAX_CELL and text.endswith("件") and "ほか" in text
    assert _fit(["a", "b"], "、", "ja") == "a、b"


def test_a_control_character_is_named_by_its_cell(ledger, tmp_path, cli):
    items = read(ledger, "items.csv")
    items.loc[items["item_id"] == "I002", "name_ja"] = "性\x07別"
    write(ledger, "items.csv", items)
    res = cli("export-daicho", ledger, tmp_path / "d.xlsx", "--as-of", AS_OF, "--lang", "ja")
    assert res.code == 2 and "個人情報管理台帳!B" in res.err and "制御文字" in res.err
    assert not (tmp_path / "d.xlsx").exists()
