"""The ledger as an Excel workbook: lossless round trip, guidance, safety, cell-level errors."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import string
import tempfile
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from privacy_inventory import load_inventory
from privacy_inventory.ledger.excel import export_workbook
from privacy_inventory.ledger.load import read_raw
from privacy_inventory.ledger.schema import TABLES
from privacy_inventory.ledger.synth import SynthSpec, synthesize

from .ledger_edit import read, write


def assert_same_ledger(a, b):
    for t in TABLES:
        pd.testing.assert_frame_equal(
            a.table(t.name).reset_index(drop=True),
            b.table(t.name).reset_index(drop=True),
            check_dtype=True,
            obj=t.name,
        )


def export(cli, ledger, out):
    res = cli("export-xlsx", *([ledger] if ledger is not None else []), out)
    assert res.code == 0, res.err
    return out


def test_bundled_ledger_round_trips(cli, tmp_path):
    book = export(cli, None, tmp_path / "ledger.xlsx")
    assert_same_ledger(load_inventory(), load_inventory(book))  # a workbook is accepted as a ledger
    res = cli("import-xlsx", book, tmp_path / "back")
    assert res.code == 0
    assert_same_ledger(load_inventory(), load_inventory(tmp_path / "back"))
    for t in TABLES:  # the CSV files hold the same cells as the originals
        assert read(tmp_path / "back", t.file).equals(read(load_inventory().path, t.file))


def letter(ws, key: str) -> str:
    """The column of a key (row 1 of a table's sheet holds the keys)."""
    return next(c for c in ws[1] if c.value == key).column_letter


def test_workbook_guides_the_person_filling_it_in(cli, tmp_path):
    book = export(cli, None, tmp_path / "ledger.xlsx")
    wb = load_workbook(book)
    assert {"はじめに", "選択肢", "組織", "項目", "提供・受領", "項目×提供先"} <= set(wb.sheetnames)
    assert wb["選択肢"].sheet_state == "hidden"
    flows = wb["提供・受領"]
    assert flows.freeze_panes == "B3" and flows.row_dimensions[1].hidden
    basis = letter(flows, "basis")
    assert flows[f"{basis}2"].value == "根拠"  # the header people read
    comment = flows[f"{basis}2"].comment.text
    assert "根拠" in comment and "legal basis" in comment and "joint_use" in comment
    ranges = {str(dv.sqref): dv.formula1 for dv in flows.data_validations.dataValidation}
    assert any(r.startswith(f"{basis}3:") and f.startswith("'選択肢'!") for r, f in ranges.items())
    assert any(
        r.startswith(f"{letter(flows, 'item_id')}3:") for r in ranges
    )  # a foreign key has a dropdown too
    items = wb["項目"]
    assert items["A3"].value == "I001" and items["A3"].data_type == "s"
    assert items[f"{letter(items, 'special_care')}3"].value == "いいえ"  # yes/no as people write it
    dates = letter(wb["提供先"], "contract_date")
    assert any(hasattr(r.value, "year") for r in wb["提供先"][dates][2:])  # real dates
    assert "プルダウン" in " ".join(str(c.value) for r in wb["はじめに"].iter_rows() for c in r)


KANA = "あいうえおかきくけこアイウエオ漢字台帳個人情報ー・（）"
TEXT = (
    st.text(alphabet=KANA + string.ascii_letters + string.digits + " =+-@,\"'\n", min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    seed=st.integers(0, 1000),
    names=st.lists(TEXT, min_size=3, max_size=3),
    # long text (thousands of characters) built from a short generated piece, to keep generation cheap
    long_text=st.tuples(st.text(alphabet=KANA + "abc", min_size=3, max_size=20), st.integers(200, 2000)).map(
        lambda t: (t[0] * t[1])[:20000]
    ),
    notes_empty=st.booleans(),
    day=st.dates(),
)
def test_round_trip_of_generated_ledgers(cli, seed, names, long_text, notes_empty, day):
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "ledger"
        synthesize(ledger, SynthSpec(items=8, partners=4, flows=20, seed=seed))
        items = read(ledger, "items.csv")
        items.loc[0, "name_ja"] = names[0]
        items.loc[1, "notes"] = "" if notes_empty else long_text
        items.loc[2, "notes"] = "=SUM(A1:A2)"  # looks like a formula: must stay text
        items.loc[3, "retention"] = names[1]
        write(ledger, "items.csv", items)
        parts = read(ledger, "partners.csv")
        parts.loc[0, "last_inspection"] = day.isoformat()
        parts.loc[0, "name"] = names[2]
        write(ledger, "partners.csv", parts)
        before = load_inventory(ledger)
        book = export(cli, ledger, Path(tmp) / "l.xlsx")
        assert_same_ledger(before, load_inventory(book))
        assert cli("import-xlsx", book, Path(tmp) / "back").code == 0
        assert_same_ledger(before, load_inventory(Path(tmp) / "back"))


def test_formula_like_text_is_written_as_text(cli, ledger, tmp_path):
    items = read(ledger, "items.csv")
    items.loc[0, "notes"] = '=HYPERLINK("http://x")'
    items.loc[1, "notes"] = "@cmd"
    write(ledger, "items.csv", items)
    book = export(cli, ledger, tmp_path / "l.xlsx")
    ws = load_workbook(book)["項目"]
    notes = letter(ws, "notes")
    assert ws[f"{notes}3"].data_type == "s" and ws[f"{notes}3"].value.startswith("=HYPERLINK")
    assert load_inventory(book).items.loc[0, "notes"] == '=HYPERLINK("http://x")'


def _edit(book: Path, sheet: str, cell: str, value) -> None:
    wb = load_workbook(book)
    wb[sheet][cell] = value
    wb.save(book)


def test_a_date_with_a_time_is_shown_as_a_person_wrote_it(cli, tmp_path):
    book = export(cli, None, tmp_path / "l.xlsx")
    wb = load_workbook(book)
    col = letter(wb["項目"], "last_confirmed")
    wb.close()
    _edit(book, "項目", f"{col}7", dt.datetime(2023, 3, 15, 12, 0))
    problems = read_raw(book).all_problems()
    [p] = problems[problems["cell"] == f"項目!{col}7"].to_dict("records")
    assert p["code"] == "date" and p["value"] == "2023-03-15 12:00", p  # not Python's 2023-03-15T12:00:00


def test_formula_cells_are_errors_naming_the_cell(cli, tmp_path):
    book = export(cli, None, tmp_path / "l.xlsx")
    _edit(book, "提供・受領", "F5", "=1+1")
    res = cli("import-xlsx", book, tmp_path / "out", "--format", "json")
    assert res.code == 1 and not (tmp_path / "out").exists()
    assert "提供・受領!F5" in res.out and "not a formula" in res.out


def test_bad_values_are_reported_by_cell(cli, tmp_path):
    book = export(cli, None, tmp_path / "l.xlsx")
    wb = load_workbook(book)
    col = letter(wb["提供・受領"], "basis")
    wb.close()
    _edit(book, "提供・受領", f"{col}17", "gift")
    res = cli("import-xlsx", book, tmp_path / "out")
    assert res.code == 1 and f"提供・受領!{col}17" in res.out and "'gift'" in res.out
    problems = read_raw(book).all_problems()
    # the dropdown offers labels: the message names them, not the codes the CSV files hold
    [expected] = problems.loc[problems["code"] == "enum", "expected"].tolist()
    assert "outsourcing, Art.27(5)(i)" in expected and "joint_use" not in expected, expected
    ja = cli("validate", book, "--format", "json", "--lang", "ja").out
    [found] = [p for p in json.loads(ja)["problems"] if p["code"] == "enum"]
    assert "共同利用" in found["expected"] and not re.search(r"[a-z]{4,}", found["expected"]), found
    assert problems.loc[problems["code"] == "enum", "cell"].tolist() == [f"提供・受領!{col}17"]
    assert problems.loc[problems["code"] == "enum", "row"].tolist() == [17]  # the sheet's row


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"item_id,name_ja\nI001,x\n", "not an .xlsx workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "password-protected"),
    ],
)
def test_not_a_workbook_or_protected(cli, tmp_path, content, message):
    (tmp_path / "x.xlsx").write_bytes(content)
    res = cli("import-xlsx", tmp_path / "x.xlsx", tmp_path / "out")
    assert res.code == 2 and message in res.err and "Traceback" not in res.err


def _damaged_copy(book: Path, out: Path, part: str, damage) -> Path:
    """The workbook with one part replaced by damage(bytes) (or left out when damage returns None)."""
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            data = damage(data) if name == part else data
            if data is not None:
                dst.writestr(name, data)
    return out


@pytest.mark.parametrize(
    ("part", "damage", "ja", "en"),
    [
        (
            "[Content_Types].xml",
            lambda b: None,
            "部品「[Content_Types].xml」がありません",
            "'[Content_Types].xml'",
        ),
        (
            "xl/workbook.xml",
            lambda b: b[: len(b) // 2],
            "中身（XML）が壊れています",
            "content (XML) is damaged",
        ),
    ],
)
def test_a_damaged_workbook_is_said_without_the_librarys_words(cli, tmp_path, part, damage, ja, en):
    book = _damaged_copy(export(cli, None, tmp_path / "l.xlsx"), tmp_path / "d.xlsx", part, damage)
    for lang, words in (("ja", ja), ("en", en)):
        res = cli("validate", book, "--lang", lang)
        assert res.code == 2 and "d.xlsx" in res.err and words in res.err, res
        assert "Error(" not in res.err and not re.search(r"\b[A-Z][a-z]+Error\b", res.err), res.err


def test_missing_or_renamed_sheet(cli, tmp_path):
    book = export(cli, None, tmp_path / "l.xlsx")
    wb = load_workbook(book)
    wb["提供先"].title = "取引先"
    wb.save(book)
    res = cli("import-xlsx", book, tmp_path / "out")
    assert res.code == 1 and "'提供先'" in res.out and "取引先" in res.out


def test_import_refuses_a_non_empty_folder_unless_replace(cli, ledger, tmp_path):
    book = export(cli, None, tmp_path / "l.xlsx")
    (ledger / "risk_model.yaml").write_text(
        (ledger / "risk_model.yaml").read_text(encoding="utf-8") + "\n# mine\n", encoding="utf-8"
    )
    res = cli("import-xlsx", book, ledger)
    assert res.code == 2 and "--replace" in res.err
    res = cli("import-xlsx", book, ledger, "--replace")
    assert res.code == 0
    assert (ledger / "risk_model.yaml").read_text(encoding="utf-8").endswith("# mine\n")  # kept
    assert not any(p.name.startswith(".") for p in ledger.parent.iterdir())


def test_warnings_need_force(cli, tmp_path):
    book = export(cli, None, tmp_path / "l.xlsx")
    _edit(book, "項目", "Z1", "my_extra_column")
    assert cli("import-xlsx", book, tmp_path / "a").code == 1 and not (tmp_path / "a").exists()
    assert cli("import-xlsx", book, tmp_path / "b", "--force").code == 0


def test_workbook_is_accepted_wherever_a_ledger_is(cli, tmp_path):
    book = export(cli, None, tmp_path / "l.xlsx")
    assert cli("validate", book).code == 0
    score = cli("score", book, "--format", "json", "--top", "1", "--as-of", "2026-12-31")
    assert score.code == 0 and '"F0171"' in score.out
    assert cli("check", book, "--min-severity", "high").code == 0


def test_cp932_csv_export_reports_unencodable_cells(cli, ledger, tmp_path):
    assert cli("export-csv", ledger, tmp_path / "ok", "--encoding", "cp932").code == 0
    text = (tmp_path / "ok" / "items.csv").read_bytes().decode("cp932")
    assert "氏名" in text
    items = read(ledger, "items.csv")
    items.loc[4, "notes"] = "𠮷野家"  # outside cp932
    items.loc[5, "notes"] = "=1+2"
    write(ledger, "items.csv", items)
    res = cli("export-csv", ledger, tmp_path / "bad", "--encoding", "cp932")
    assert res.code == 1 and "items.csv" in res.err and "6" in res.err and "𠮷野家" in res.err
    assert "cp932 cannot hold '𠮷'" in res.err  # the one character, not only the whole cell
    assert not (tmp_path / "bad").exists() or list((tmp_path / "bad").iterdir()) == []
    assert cli("export-csv", ledger, tmp_path / "bom").code == 0
    bom = (tmp_path / "bom" / "items.csv").read_bytes()
    assert bom.startswith(b"\xef\xbb\xbf") and b"'=1+2" in bom  # defused for Excel


def test_export_into_an_existing_file_needs_force(cli, tmp_path):
    export(cli, None, tmp_path / "l.xlsx")
    assert cli("export-xlsx", tmp_path / "l.xlsx").code == 2
    assert cli("export-xlsx", tmp_path / "l.xlsx", "--force").code == 0
    assert cli("export-xlsx", tmp_path / "l.txt").code == 2


def test_control_characters_are_a_clear_error(tmp_path):
    tables = {t.name: pd.DataFrame(columns=t.column_names) for t in TABLES}
    tables["items"] = pd.DataFrame([{"item_id": "I1", "name_ja": "bad\x01name"}])
    with pytest.raises(Exception, match=r"項目!B3"):
        export_workbook(tables, {}, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    shutil.rmtree(tmp_path, ignore_errors=True)
