"""The columns a Privacy Mark audit reads (storage, access, use-until, disposal, last confirmed) and the
purpose category follow the schema everywhere: validation, init, the Excel workbook, diff and synth."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from privacy_inventory import load_inventory
from privacy_inventory.ledger.synth import SynthSpec, generate

from .ledger_edit import read, set_cell

PRACTICE = ["storage_location", "storage_method", "access_holders", "use_until", "disposal", "last_confirmed"]


def test_bad_disposal_codes_and_dates_are_reported_by_cell(ledger, cli):
    row = set_cell(ledger, "items.csv", 0, "disposal", "erase;burn")
    set_cell(ledger, "items.csv", 1, "disposal", "shred; dissolve")  # blanks around codes are fine
    set_cell(ledger, "items.csv", 2, "last_confirmed", "2026-02-30")
    set_cell(ledger, "purposes.csv", 0, "category", "advertising")
    res = cli("validate", ledger, "--format", "json")
    assert res.code == 1
    problems = {(p["file"], p["row"], p["column"]): p for p in json.loads(res.out)["problems"]}
    assert set(problems) == {
        ("items.csv", row, "disposal"),
        ("items.csv", 4, "last_confirmed"),
        ("purposes.csv", 2, "category"),
    }
    assert "separated by ';'" in problems[("items.csv", row, "disposal")]["expected"]


def test_init_and_the_workbook_carry_the_new_columns(cli, tmp_path):
    assert cli("init", tmp_path / "new").code == 0
    header = (tmp_path / "new" / "items.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert set(PRACTICE) <= set(header)
    assert "category" in (tmp_path / "new" / "purposes.csv").read_text(encoding="utf-8").splitlines()[0]
    assert cli("export-xlsx", tmp_path / "ledger.xlsx").code == 0
    items = load_workbook(tmp_path / "ledger.xlsx")["項目"]
    col = next(c for c in items[1] if c.value == "disposal").column_letter  # row 1: the keys
    comment = items[f"{col}2"].comment.text  # row 2: the header people read
    assert "廃棄方法" in comment and "；" not in comment
    [dv] = [dv for dv in items.data_validations.dataValidation if str(dv.sqref).startswith(f"{col}3:")]
    assert dv.errorStyle == "warning"  # "dissolve;erase" is not one list entry: warn, do not refuse
    assert items[f"{col}3"].value == "溶解処理;データ消去（復元不可能な方法）"  # dissolve;erase, as labels


def test_diff_reports_a_confirmation(ledger, tmp_path, cli):
    import shutil

    before = tmp_path / "before"
    shutil.copytree(ledger, before)
    i = int(read(ledger, "items.csv").query("item_id == 'I025'").index[0])
    set_cell(ledger, "items.csv", i, "last_confirmed", "2026-11-30")
    res = cli("diff", before, ledger, "--format", "json", "--as-of", "2026-12-31")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    changed = [c for c in data["changes"] if c["key"] == "I025"]
    assert changed == [
        {"table": "items", "key": "I025", "change": "changed", "column": "last_confirmed",
         "old": "2025-03-10", "new": "2026-11-30"}
    ]  # fmt: skip
    resolved = [f for f in data["findings"] if f["rule_id"] == "JISQ15001-ledger-review"]
    assert [(f["change"], f["subject_id"]) for f in resolved] == [("resolved", "I025")]


def test_synthetic_ledgers_fill_the_new_columns():
    tables = generate(SynthSpec(items=400, partners=30, flows=2000, seed=9))
    items = tables["items"]
    assert (items[PRACTICE].ne("").mean() > 0.85).all() and items["system"].ne("").all()
    assert set(tables["purposes"]["category"]) >= {"service", "legal_obligation"}


def test_bundled_ledger_loads_the_columns_typed():
    inv = load_inventory()
    assert str(inv.items["last_confirmed"].dtype).startswith("datetime64")
    assert inv.items.set_index("item_id").loc["I029", "disposal"] == "return;erase"
