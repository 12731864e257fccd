"""The workbook for people (issue 15): Japanese headers and dropdowns that import back to codes, alerts on,
filters and frozen panes, every problem named by its cell, `init FILE.xlsx` with example rows, and the
items × partners matrix whose ticks become flows."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from privacy_inventory import load_inventory
from privacy_inventory.i18n import use_language
from privacy_inventory.ledger.excel import GUIDE_SHEET, LISTS_SHEET, ORG_SHEET
from privacy_inventory.ledger.load import read_raw
from privacy_inventory.ledger.matrix import MATRIX_SHEET, RECORDED, next_ids
from privacy_inventory.ledger.schema import ORGANISATION_FIELDS, TABLES, TABLES_BY_NAME, Basis
from privacy_inventory.paths import bundled_inventory

from .ledger_edit import read
from .test_excel import assert_same_ledger, export, letter


@pytest.fixture(scope="module")
def bundled_book(tmp_path_factory):
    """The bundled ledger's workbook, written once; tests copy it before editing."""
    from privacy_inventory.ledger.excel import export_workbook

    raw = read_raw(None)
    path = tmp_path_factory.mktemp("book") / "台帳.xlsx"
    export_workbook(raw.tables, raw.organisation, path)
    return path


@pytest.fixture
def book(bundled_book, tmp_path):
    copy = tmp_path / "台帳.xlsx"
    copy.write_bytes(bundled_book.read_bytes())
    return copy


def _range_values(wb, formula: str) -> list[str]:
    sheet, cells = formula.split("!")
    assert sheet == f"'{LISTS_SHEET}'"
    first, last = cells.replace("$", "").split(":")
    return [c.value for row in wb[LISTS_SHEET][f"{first}:{last}"] for c in row if c.value is not None]


# --- what the person sees ----------------------------------------------------------------------------------


def test_every_sheet_has_frozen_panes_and_a_filter(bundled_book):
    wb = load_workbook(bundled_book)
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert [ws.title for ws in visible][:2] == [GUIDE_SHEET, ORG_SHEET] and MATRIX_SHEET in wb.sheetnames
    for ws in visible:
        assert ws.freeze_panes and ws.auto_filter.ref, ws.title
    for table in TABLES:
        ws = wb[table.sheet]
        assert ws.freeze_panes == "B3" and ws.auto_filter.ref.startswith("A2:"), table.name


def test_headers_are_japanese_and_the_keys_are_kept_in_a_hidden_row(bundled_book):
    wb = load_workbook(bundled_book)
    for table in TABLES:
        ws = wb[table.sheet]
        assert ws.row_dimensions[1].hidden, table.name
        assert [c.value for c in ws[1]] == table.column_names
        assert [c.value for c in ws[2]] == [c.ja for c in table.columns]
        for col, cell in zip(table.columns, ws[2], strict=True):
            assert col.en in cell.comment.text and col.name in cell.comment.text
    org = wb[ORG_SHEET]
    assert org.column_dimensions["A"].hidden and org["C2"].value == "値"
    assert [r[1].value for r in org.iter_rows(min_row=3)] == [f.ja for f in ORGANISATION_FIELDS]


def test_dropdowns_show_japanese_labels_and_alerts_are_on(bundled_book):
    wb = load_workbook(bundled_book)
    for table in TABLES:
        ws = wb[table.sheet]
        by_column = {
            str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in ws.data_validations.dataValidation
        }
        for dv in ws.data_validations.dataValidation:
            assert dv.showErrorMessage and dv.showInputMessage and dv.prompt, (table.name, dv.sqref)
            assert len(dv.prompt) <= 255 and len(dv.promptTitle or "") <= 32 and len(dv.error or "") <= 255
            assert len(dv.errorTitle or "") <= 32
        for j, col in enumerate(table.columns):
            dv = by_column.get(ws.cell(1, j + 1).column_letter)
            if col.kind == "enum":
                assert dv.type == "list" and _range_values(wb, dv.formula1) == [m.ja for m in col.allowed]
                assert dv.errorStyle == ("warning" if col.multiple else "stop"), col.name
                assert "一覧" in dv.prompt and dv.error
            elif col.kind == "bool":
                assert (dv.type, dv.formula1, dv.errorStyle) == ("list", '"はい,いいえ"', "stop")
            elif col.kind == "ref":
                target, key = col.references.split(".")
                ids = read(bundled_inventory(), TABLES_BY_NAME[target].file)[key].tolist()
                assert (
                    dv.type == "list" and dv.errorStyle == "warning" and _range_values(wb, dv.formula1) == ids
                )
            elif col.kind == "date":
                assert dv.type == "date" and dv.errorStyle == "stop" and "令和" in dv.prompt
            elif col.kind == "int":
                assert dv.type == "whole" and dv.errorStyle == "stop"
    flows = wb["提供・受領"]
    basis = letter(flows, "basis")
    assert flows[f"{basis}3"].value == Basis.joint_use.ja  # the label, not the code


def test_the_guide_explains_sheets_formats_examples_and_the_matrix(bundled_book):
    wb = load_workbook(bundled_book)
    text = "\n".join(str(c.value) for row in wb[GUIDE_SHEET].iter_rows() for c in row if c.value)
    for sheet in [ORG_SHEET, MATRIX_SHEET, *(t.sheet for t in TABLES)]:
        assert f"{sheet}：" in text
    for needle in ("令和8年5月15日", "〇/×", "見本", "例", "〇", "●", "import-xlsx", "Dates:", "Yes / no"):
        assert needle in text, needle
    assert text.index("記入ガイド") < text.index("how to fill in")  # Japanese first


# --- reading back ------------------------------------------------------------------------------------------


def test_labels_codes_english_labels_and_other_forms_import_as_codes(cli, book, tmp_path):
    wb = load_workbook(book)
    flows, items, partners = wb["提供・受領"], wb["項目"], wb["提供先"]
    b, enc = letter(flows, "basis"), letter(flows, "encrypted")
    flows[f"{b}3"] = "joint_use"  # the code
    flows[f"{b}4"] = "JOINT USE, ART.27(5)(III)"  # the English label, any case
    flows[f"{b}5"] = "共同利用(法27条5項3号)"  # half-width brackets
    flows[f"{enc}3"], flows[f"{enc}4"], flows[f"{enc}5"] = "〇", "TRUE", "1"
    items[f"{letter(items, 'special_care')}3"] = "×"
    items[f"{letter(items, 'disposal')}3"] = "溶解処理；erase"
    partners[f"{letter(partners, 'contract_date')}3"] = "令和8年5月15日"
    wb.save(book)
    assert cli("import-xlsx", book, tmp_path / "back").code == 0
    back = tmp_path / "back"
    f = read(back, "flows.csv")
    assert (
        f.loc[0:2, "basis"].tolist() == ["joint_use"] * 3 and f.loc[0:2, "encrypted"].tolist() == ["true"] * 3
    )
    i = read(back, "items.csv")
    assert (i.loc[0, "special_care"], i.loc[0, "disposal"]) == ("false", "dissolve;erase")
    assert read(back, "partners.csv").loc[0, "contract_date"] == "2026-05-15"


def test_import_reads_a_workbook_without_its_key_row(cli, book, tmp_path):
    wb = load_workbook(book)
    for table in TABLES:
        wb[table.sheet].delete_rows(1)  # the person deleted the hidden row: the Japanese headers remain
    wb.save(book)
    assert_same_ledger(load_inventory(), load_inventory(book))
    problems = read_raw(book).all_problems()
    assert problems.empty


def test_a_column_added_with_only_a_japanese_header_is_read_by_it(book):
    wb = load_workbook(book)
    ws = wb["項目"]
    ws["Z2"] = "社内メモ"  # no key above it: an unknown column, reported, not silently dropped
    ws["AA2"] = "備考"  # the Japanese name of a known column: read as that column … twice here
    wb.save(book)
    problems = read_raw(book).all_problems()
    found = {(p["code"], p["value"], p["cell"]) for p in problems.to_dict("records")}
    assert ("unknown_column", "社内メモ", "項目!Z2") in found
    assert ("duplicate_column", "notes", "項目!Y2") in found


def test_import_reads_the_older_english_layout(tmp_path):
    """A workbook written before issue 15: English sheet names, keys in row 1, data from row 2, codes."""
    raw = read_raw(None)
    wb = Workbook()
    wb.remove(wb.active)
    for table in TABLES:
        ws = wb.create_sheet(table.name)
        df = raw.tables[table.name]
        ws.append(list(df.columns))
        for row in df.astype(object).where(df.notna(), None).itertuples(index=False):
            ws.append(list(row))
    org = wb.create_sheet("organisation")
    org.append(["key", "value", "source"])
    for fld in ORGANISATION_FIELDS:
        value = raw.organisation.get(fld.path.split(".")[0])
        value = value.get(fld.path.split(".")[1]) if isinstance(value, dict) else value
        org.append([fld.path, value, None])
    wb.save(tmp_path / "old.xlsx")
    assert_same_ledger(load_inventory(), load_inventory(tmp_path / "old.xlsx"))
    rows = read_raw(tmp_path / "old.xlsx")
    assert rows.file_of(TABLES_BY_NAME["flows"]) == "flows"  # problems name the sheet as it is


def test_mixed_error_workbook_lists_every_problem_by_cell(cli, book, tmp_path):
    """Issue 15: a typo'd partner id and a bad date crashed import-xlsx (TypeError, exit 3)."""
    wb = load_workbook(book)
    flows, partners, org = wb["提供・受領"], wb["提供先"], wb[ORG_SHEET]
    p, d = letter(flows, "partner_id"), letter(partners, "contract_date")
    flows[f"{p}193"] = "PO9"  # the last flow
    partners[f"{d}4"] = "2026-13-01"
    date_row = next(r[0].row for r in org.iter_rows(min_row=3) if r[0].value == "policy_date")
    org[f"C{date_row}"] = "2017/02/30"
    flows[f"{letter(flows, 'records')}10"] = "many"
    wb.save(book)
    res = cli("import-xlsx", book, tmp_path / "out")
    assert res.code == 1 and "Internal error" not in res.err + res.out and "Traceback" not in res.err
    assert not (tmp_path / "out").exists()
    for cell, value in (
        (f"提供・受領!{p}193", "'PO9'"),
        (f"提供先!{d}4", "'2026-13-01'"),
        (f"{ORG_SHEET}!C{date_row}", "'2017/02/30'"),
        (f"提供・受領!{letter(flows, 'records')}10", "'many'"),
    ):
        assert f"{cell} {value}" in res.out, cell
    assert "partners.csv" not in res.out and "提供先" in res.out  # the reference names the sheet
    data = json.loads(cli("import-xlsx", book, tmp_path / "out", "--format", "json").out)
    assert all(p["cell"] for p in data["problems"])
    for command in (("validate", book), ("check", book)):
        res = cli(*command)
        assert res.code == 1 and "Internal error" not in res.err and "Traceback" not in res.err
    assert f"提供・受領!{p}193" in cli("check", book).err  # commands that need a valid ledger: cells too


def test_a_sheet_level_problem_has_no_cell_and_no_crash(cli, book, tmp_path):
    wb = load_workbook(book)
    del wb["部門"]
    wb[ORG_SHEET]["C3"] = None  # name, required
    wb.save(book)
    res = cli("import-xlsx", book, tmp_path / "out", "--format", "json")
    data = json.loads(res.out)
    assert res.code == 1 and "Internal error" not in res.err
    missing = [p for p in data["problems"] if p["code"] == "missing_file"]
    assert missing and missing[0]["cell"] is None and "'部門'" in missing[0]["expected"]
    assert any(p["cell"] == f"{ORG_SHEET}!C3" for p in data["problems"])


def test_check_on_an_empty_ledger_says_what_is_missing(cli, tmp_path):
    assert cli("init", tmp_path / "new").code == 0
    res = cli("check", tmp_path / "new")
    assert res.code == 1 and "nothing was written" not in res.err
    assert "not filled in yet" in res.err and "items.csv" in res.err and "name" in res.err
    assert "init ledger.xlsx" in res.err
    book = tmp_path / "new.xlsx"  # a workbook whose examples were deleted: the same, by sheet
    assert cli("init", book).code == 0
    wb = load_workbook(book)
    for table in TABLES:
        wb[table.sheet].delete_rows(3, 10)
    wb.save(book)
    res = cli("check", book)
    assert (
        res.code == 1
        and "not filled in yet: no rows in 項目, 利用目的" in res.err
        and "'name' empty in 組織" in res.err
    )
    use_language("ja")
    try:
        res = cli("check", tmp_path / "new")
    finally:
        use_language(None)
    assert "まだ記入されていません" in res.err


# --- init FILE.xlsx: a workbook with examples ----------------------------------------------------------------


def _unmark(path, organisation_name="テスト生活協同組合"):
    """What the person does: make every example row their own (remove 例) and name the organisation."""
    wb = load_workbook(path)
    for ws in wb.worksheets:
        if ws.title in (GUIDE_SHEET, LISTS_SHEET):
            continue
        for row in ws.iter_rows(min_row=1 if ws.title == MATRIX_SHEET else 3):
            for cell in row:
                if isinstance(cell.value, str) and "例" in cell.value:
                    cell.value = cell.value.replace("例", "")
    wb[ORG_SHEET]["C3"] = organisation_name
    wb.save(path)


def test_init_xlsx_writes_a_workbook_whose_examples_are_refused_until_changed(cli, tmp_path):
    path = tmp_path / "台帳.xlsx"
    res = cli("init", path)
    assert res.code == 0 and path.is_file(), res.err
    wb = load_workbook(path)
    assert wb.sheetnames[0] == GUIDE_SHEET
    for table in TABLES:
        ws = wb[table.sheet]
        assert str(ws["A3"].value).startswith("例"), table.name  # a few example rows on every sheet
        assert ws["A3"].font.i and ws["A3"].fill.fgColor.rgb.endswith("EDEDED")  # shown as examples
    res = cli("import-xlsx", path, tmp_path / "out")
    assert res.code == 1 and not (tmp_path / "out").exists()
    assert "16 example row(s) left in (項目!A3, 項目!A4," in res.err and "and 6 more" in res.err
    assert "提供・受領!A4 '例F0002'" in res.out  # every row is listed with the problems
    examples = [p for p in json.loads(cli("validate", path, "--format", "json").out)["problems"]
                if p["code"] == "example"]  # fmt: skip
    assert {p["cell"] for p in examples} >= {f"{t.sheet}!A3" for t in TABLES}

    _unmark(path)
    res = cli("import-xlsx", path, tmp_path / "out")
    assert res.code == 0, res.out + res.err
    inv = load_inventory(tmp_path / "out")
    assert inv.items["item_id"].tolist() == ["I001", "I002"] and inv.org("name") == "テスト生活協同組合"


def test_one_example_row_left_is_named(cli, tmp_path):
    path = tmp_path / "台帳.xlsx"
    assert cli("init", path).code == 0
    _unmark(path)
    wb = load_workbook(path)
    wb["提供・受領"]["C4"] = "例PJ01"  # a reference to an example still makes its row an example
    wb.save(path)
    res = cli("import-xlsx", path, tmp_path / "out")
    assert res.code == 1 and "1 example row(s) left in (提供・受領!C4)" in res.err


def test_init_refuses_what_it_cannot_write(cli, tmp_path):
    assert cli("init", tmp_path / "a.xlsx").code == 0
    again = cli("init", tmp_path / "a.xlsx")
    assert again.code == 2 and "already exists" in again.err
    assert cli("init", tmp_path / "b.xls").code == 2 and not (tmp_path / "b.xls").exists()
    assert cli("init", tmp_path / "dir").code == 0 and (tmp_path / "dir" / "items.csv").is_file()


# --- the matrix ----------------------------------------------------------------------------------------------


def _matrix(wb):
    ws = wb[MATRIX_SHEET]
    header = {c.value: c.row for c in ws["A"] if c.value}
    rows = {c.value: c.row for c in ws["A"][header["項目ID"] :] if c.value}  # items below the item header
    return ws, header, rows


def _column(ws, header, partner, purpose):
    for cell in ws[header["提供先ID"]][2:]:
        if cell.value == partner and ws.cell(header["利用目的ID"], cell.column).value == purpose:
            return cell.column_letter
    raise KeyError((partner, purpose))


def test_matrix_shows_every_recorded_flow_and_round_trips(cli, bundled_book, tmp_path):
    wb = load_workbook(bundled_book)
    ws, header, rows = _matrix(wb)
    flows = read(bundled_inventory(), "flows.csv")
    marks = sum(1 for row in ws.iter_rows(min_row=header["項目ID"] + 1) for c in row if c.value == RECORDED)
    assert marks == len(
        flows.drop_duplicates(["item_id", "partner_id", "purpose_id", "basis", "joint_use_id"])
    )
    col = _column(ws, header, "PO01", "P04")
    assert ws[f"{col}{header['根拠']}"].value == Basis.outsourcing.ja
    item = flows[(flows["partner_id"] == "PO01") & (flows["purpose_id"] == "P04")]["item_id"].iloc[0]
    assert ws[f"{col}{rows[item]}"].value == RECORDED
    assert ws.freeze_panes == f"C{header['項目ID'] + 1}" and ws.auto_filter.ref.startswith(
        f"A{header['項目ID']}:"
    )
    raw = read_raw(bundled_book)
    assert raw.added_flows == [] and raw.all_problems().empty  # ● is already recorded: nothing to add


def test_matrix_ticks_become_flows_once_with_new_ids(cli, book, tmp_path):
    wb = load_workbook(book)
    ws, header, rows = _matrix(wb)
    col = _column(ws, header, "PO01", "P04")
    ticked = [i for i, r in rows.items() if ws[f"{col}{r}"].value is None][:2]
    recorded = next(i for i, r in rows.items() if ws[f"{col}{r}"].value == RECORDED)
    for item in ticked:
        ws[f"{col}{rows[item]}"] = "〇"
    ws[f"{col}{rows[recorded]}"] = "○"  # a tick over a recorded flow: no duplicate
    # a new column on the right: partner, purpose and basis picked in the header rows
    new = ws.cell(header["提供先ID"], ws.max_column + 1).column_letter
    ws[f"{new}{header['提供先ID']}"] = "PT01"
    ws[f"{new}{header['利用目的ID']}"] = "P10"
    ws[f"{new}{header['根拠']}"] = Basis.consent.ja
    ws[f"{new}{rows['I001']}"] = "✓"  # flows has I001 → PT01 for P10 by consent already (F0172)
    ws[f"{new}{rows['I002']}"] = "✓"
    # a statutory column needs no purpose
    stat = ws.cell(header["提供先ID"], ws.max_column + 1).column_letter
    ws[f"{stat}{header['提供先ID']}"] = "PS01"
    ws[f"{stat}{header['根拠']}"] = "statutory_law"
    ws[f"{stat}{rows['I002']}"] = "はい"
    ws[f"{stat}{rows['I003']}"] = "×"  # no
    wb.save(book)

    res = cli("import-xlsx", book, tmp_path / "out")
    assert res.code == 0, res.out + res.err
    assert "Added 4 flow(s)" in res.out and "F0192–F0195" in res.out
    before = read(bundled_inventory(), "flows.csv")
    after = read(tmp_path / "out", "flows.csv")
    added = after.iloc[len(before) :]
    assert after.iloc[: len(before)].equals(before)  # the flows sheet's rows as they were
    assert added["flow_id"].tolist() == ["F0192", "F0193", "F0194", "F0195"]
    got = set(zip(added["item_id"], added["partner_id"], added["purpose_id"], added["basis"], strict=True))
    assert got == {
        (ticked[0], "PO01", "P04", "outsourcing"),
        (ticked[1], "PO01", "P04", "outsourcing"),
        ("I002", "PT01", "P10", "consent"),
        ("I002", "PS01", "", "statutory_law"),
    }
    assert set(added["direction"]) == {"out"} and set(added["source"]) == {"record:項目×提供先"}
    load_inventory(tmp_path / "out")  # a valid ledger
    # the same workbook again: the same ids (deterministic)
    assert cli("import-xlsx", book, tmp_path / "again").code == 0
    assert read(tmp_path / "again", "flows.csv").equals(after)
    # exported again, the ticks are recorded flows: a second import adds nothing
    assert export(cli, tmp_path / "out", tmp_path / "2.xlsx")
    assert read_raw(tmp_path / "2.xlsx").added_flows == []


def test_a_tick_never_duplicates_a_recorded_flow_even_without_its_mark(cli, book, tmp_path):
    wb = load_workbook(book)
    ws, header, rows = _matrix(wb)
    col = _column(ws, header, "PO01", "P04")
    for row in rows.values():
        if ws[f"{col}{row}"].value == RECORDED:
            ws[f"{col}{row}"] = "〇"  # the person ticked what flows already has
    wb.save(book)
    raw = read_raw(book)
    assert raw.added_flows == [] and raw.all_problems().empty


def test_matrix_problems_are_named_by_cell(cli, book, tmp_path):
    wb = load_workbook(book)
    ws, header, rows = _matrix(wb)
    col = ws.cell(header["提供先ID"], ws.max_column + 1).column_letter
    ws[f"{col}{header['提供先ID']}"] = "PO99"  # no such partner
    ws[f"{col}{rows['I001']}"] = "〇"
    other = ws.cell(header["提供先ID"], ws.max_column + 1).column_letter
    ws[f"{other}{header['提供先ID']}"] = "PO01"  # basis and purpose missing
    ws[f"{other}{rows['I002']}"] = "〇"
    first = _column(ws, header, "PO01", "P04")
    ws[f"{first}{rows['I003']}"] = "たぶん"  # neither a tick nor empty
    ws[f"A{ws.max_row + 1}"] = "I999"  # an item that does not exist, ticked
    ws[f"{first}{ws.max_row}"] = "〇"
    wb.save(book)
    res = cli("import-xlsx", book, tmp_path / "out", "--format", "json")
    assert res.code == 1
    cells = {p["cell"]: p for p in json.loads(res.out)["problems"]}
    m = MATRIX_SHEET
    assert cells[f"{m}!{col}{header['提供先ID']}"]["code"] == "dangling_reference"
    assert cells[f"{m}!{other}{header['根拠']}"]["code"] == "required"
    assert cells[f"{m}!{first}{rows['I003']}"]["value"] == "たぶん"
    assert cells[f"{m}!A{ws.max_row}"]["value"] == "I999"


def test_a_matrix_too_large_to_read_has_a_column_per_partner_and_no_marks(monkeypatch, tmp_path):
    from privacy_inventory.ledger import excel

    monkeypatch.setattr(excel, "MATRIX_MAX_COLUMNS", 5)
    raw = read_raw(None)
    excel.export_workbook(raw.tables, raw.organisation, tmp_path / "big.xlsx")
    ws, header, _ = _matrix(load_workbook(tmp_path / "big.xlsx"))
    partners = [c.value for c in ws[header["提供先ID"]][2:] if c.value]
    assert partners == read(bundled_inventory(), "partners.csv")["partner_id"].tolist()[:5]
    assert "大きな台帳" in ws["B2"].value
    assert not any(c.value == RECORDED for row in ws.iter_rows() for c in row)
    assert read_raw(tmp_path / "big.xlsx").all_problems().empty


def test_next_ids_continue_the_numbering():
    assert next_ids(pd.Series(["F0001", "F0009", "X1"]), 2) == ["F0010", "F0011"]
    assert next_ids(pd.Series([], dtype="str"), 1) == ["F0001"]
    assert next_ids(pd.Series(["例F0001"]), 1) == ["F0001"]
    assert next_ids(pd.Series(["FL-7", "FL-8"]), 1) == ["FL-9"]


def test_ids_that_look_like_formulas_stay_text_in_lists_and_matrix(cli, ledger, tmp_path):
    from .ledger_edit import write

    partners = read(ledger, "partners.csv")
    partners.loc[0, "partner_id"] = "=1+1"
    write(ledger, "partners.csv", partners)
    flows = read(ledger, "flows.csv")
    flows.loc[flows["partner_id"] == "PJ01", "partner_id"] = "=1+1"
    write(ledger, "flows.csv", flows)
    book = export(cli, ledger, tmp_path / "l.xlsx")
    wb = load_workbook(book)
    formulas = [(ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                if c.data_type == "f"]  # fmt: skip
    assert formulas == []
    assert any(c.value == "=1+1" for row in wb[LISTS_SHEET].iter_rows() for c in row)
    assert any(c.value == "=1+1" for c in wb[MATRIX_SHEET][1])
    assert read_raw(book).added_flows == []
