"""Every kind of bad input gets a clear, located error, an exit code, and no traceback."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from privacy_inventory import LedgerInvalid, UsageError, load_inventory

from .ledger_edit import read, set_cell, write


def problems_of(cli, ledger):
    res = cli("validate", ledger, "--format", "json")
    assert "Traceback" not in res.out + res.err
    data = json.loads(res.out)
    return res.code, data


def find(problems, **match):
    return [p for p in problems if all(p[k] == v for k, v in match.items())]


def test_valid_bundled_ledger_exits_zero(cli, ledger):
    code, data = problems_of(cli, ledger)
    assert code == 0 and data["valid"] is True
    assert data["tables"]["flows"] > 100 and data["tables"]["items"] > 30
    assert data["problems"] == []


def test_missing_file(cli, ledger):
    (ledger / "partners.csv").unlink()
    code, data = problems_of(cli, ledger)
    assert code == 1
    [p] = find(data["problems"], file="partners.csv", code="missing_file")
    assert "partner_id" in p["expected"]


def test_missing_column(cli, ledger):
    df = read(ledger, "items.csv").drop(columns=["category"])
    write(ledger, "items.csv", df)
    code, data = problems_of(cli, ledger)
    assert code == 1
    [p] = find(data["problems"], file="items.csv", column="category", code="missing_column")
    assert p["row"] == 1


def test_header_only_table(cli, ledger):
    write(ledger, "items.csv", read(ledger, "items.csv").head(0))
    code, data = problems_of(cli, ledger)
    assert code == 1
    assert find(data["problems"], file="items.csv", code="empty_table")
    # and the flows that pointed at those items are reported too
    assert find(data["problems"], file="flows.csv", column="item_id", code="dangling_reference")


def test_empty_file(cli, ledger):
    (ledger / "purposes.csv").write_bytes(b"")
    code, data = problems_of(cli, ledger)
    assert code == 1
    [p] = find(data["problems"], file="purposes.csv", code="empty_file")
    assert "purpose_id" in p["expected"]


def test_duplicate_id(cli, ledger):
    df = read(ledger, "partners.csv")
    df.loc[3, "partner_id"] = df.loc[1, "partner_id"]
    write(ledger, "partners.csv", df)
    code, data = problems_of(cli, ledger)
    assert code == 1
    dups = find(data["problems"], file="partners.csv", column="partner_id", code="duplicate_key")
    assert {p["row"] for p in dups} == {3, 5}
    assert all(p["value"] == df.loc[1, "partner_id"] for p in dups)


def test_duplicate_composite_key(cli, ledger):
    df = read(ledger, "uses.csv")
    df.loc[10] = df.loc[2]
    write(ledger, "uses.csv", df)
    code, data = problems_of(cli, ledger)
    dups = find(data["problems"], file="uses.csv", code="duplicate_key")
    assert code == 1 and {p["row"] for p in dups} == {4, 12}


def test_dangling_foreign_key(cli, ledger):
    row = set_cell(ledger, "flows.csv", 7, "partner_id", "NOPE")
    code, data = problems_of(cli, ledger)
    assert code == 1
    [p] = find(data["problems"], file="flows.csv", code="dangling_reference")
    assert (p["row"], p["column"], p["value"]) == (row, "partner_id", "NOPE")
    assert "partners.csv" in p["expected"]


def test_dangling_typed_reference(cli, ledger):
    row = set_cell(ledger, "controls.csv", 5, "applies_to", "partner:XX9")
    code, data = problems_of(cli, ledger)
    [p] = find(data["problems"], file="controls.csv", column="applies_to")
    assert code == 1 and p["row"] == row and p["value"] == "partner:XX9"


def test_unknown_enum_value(cli, ledger):
    row = set_cell(ledger, "flows.csv", 0, "basis", "shared_freely")
    code, data = problems_of(cli, ledger)
    [p] = find(data["problems"], file="flows.csv", column="basis")
    assert code == 1 and p["row"] == row and p["value"] == "shared_freely" and p["code"] == "enum"
    assert "joint_use" in p["expected"]


def test_bad_date(cli, ledger):
    row = set_cell(ledger, "partners.csv", 11, "last_inspection", "2024-02-30")
    code, data = problems_of(cli, ledger)
    [p] = find(data["problems"], file="partners.csv", column="last_inspection")
    assert code == 1 and (p["row"], p["value"], p["code"]) == (row, "2024-02-30", "date")
    assert "YYYY-MM-DD" in p["expected"]


def test_negative_count(cli, ledger):
    row = set_cell(ledger, "items.csv", 4, "records", "-5")
    code, data = problems_of(cli, ledger)
    [p] = find(data["problems"], file="items.csv", column="records")
    assert code == 1 and (p["row"], p["value"], p["code"]) == (row, "-5", "int") and "≥ 0" in p["expected"]


def test_non_boolean_flag(cli, ledger):
    row = set_cell(ledger, "items.csv", 2, "special_care", "maybe")
    code, data = problems_of(cli, ledger)
    [p] = find(data["problems"], file="items.csv", column="special_care")
    assert code == 1 and (p["row"], p["value"], p["code"]) == (row, "maybe", "bool")


def test_required_value_missing(cli, ledger):
    row = set_cell(ledger, "items.csv", 6, "name_ja", "")
    code, data = problems_of(cli, ledger)
    [p] = find(data["problems"], file="items.csv", column="name_ja")
    assert code == 1 and p["row"] == row and p["code"] == "required"


def test_cp932_file_is_read(ledger):
    df = read(ledger, "items.csv")
    df.loc[0, "notes"] = "髙橋①"  # vendor characters that shift_jis cannot hold, cp932 can
    write(ledger, "items.csv", df, encoding="cp932")
    inv = load_inventory(ledger)
    assert inv.encodings["items"] == "cp932"
    assert inv.items.loc[0, "name_ja"] == "氏名"
    assert inv.items.loc[0, "notes"] == "髙橋①"


def test_utf8_bom_file_is_read(ledger):
    write(ledger, "partners.csv", read(ledger, "partners.csv"), encoding="utf-8-sig")
    inv = load_inventory(ledger)
    assert inv.encodings["partners"] == "utf-8-sig"
    assert inv.partners.columns[0] == "partner_id"
    assert inv.partners.loc[0, "name"] == "日本生活協同組合連合会"


def test_file_that_is_not_text(cli, ledger):
    (ledger / "flows.csv").write_bytes(b"PK\x03\x04\x00\x00binary\x00zip")
    code, data = problems_of(cli, ledger)
    assert code == 2
    [p] = find(data["problems"], file="flows.csv", code="unreadable")
    assert "not a text file" in p["expected"]


def test_unknown_encoding_is_a_clear_error(cli, ledger):
    (ledger / "departments.csv").write_bytes("department_id,name\nD01,管理部\n".encode("utf-16-le"))
    code, data = problems_of(cli, ledger)
    assert code == 2 and find(data["problems"], file="departments.csv", code="unreadable")


def test_ledger_path_that_does_not_exist(cli, tmp_path):
    res = cli("validate", tmp_path / "nowhere")
    assert res.code == 2
    assert "nowhere" in res.err and "no such ledger directory" in res.err
    assert "Traceback" not in res.err
    with pytest.raises(UsageError):
        load_inventory(tmp_path / "nowhere")


def test_unknown_extra_column_is_a_warning_not_an_error(cli, ledger):
    df = read(ledger, "items.csv")
    df["my_own_column"] = "x"
    write(ledger, "items.csv", df)
    code, data = problems_of(cli, ledger)
    assert code == 0 and data["valid"]
    [p] = find(data["problems"], column="my_own_column")
    assert p["severity"] == "warning"


def test_every_problem_is_reported_at_once(cli, ledger):
    set_cell(ledger, "items.csv", 0, "category", "secret")
    set_cell(ledger, "flows.csv", 3, "encrypted", "sometimes")
    set_cell(ledger, "departments.csv", 1, "last_training", "yesterday")
    code, data = problems_of(cli, ledger)
    files = {p["file"] for p in data["problems"] if p["severity"] == "error"}
    assert code == 1 and files == {"items.csv", "flows.csv", "departments.csv"}


def test_ids_keep_leading_zeros_and_empty_is_missing(ledger):
    df = read(ledger, "departments.csv")
    df.loc[0, "department_id"] = "001"
    write(ledger, "departments.csv", df)
    items = read(ledger, "items.csv")
    items.loc[items["department_id"] == "D01", "department_id"] = "001"
    write(ledger, "items.csv", items)
    inv = load_inventory(ledger)
    assert "001" in set(inv.departments["department_id"])
    assert "001" in set(inv.items["department_id"])
    # organisation-less empty cells are NA, never the text "nan"
    assert inv.items["retention"].isna().sum() >= 1
    assert not (inv.items.astype(str) == "nan").any().any()


def test_load_inventory_raises_with_the_problem_table(ledger):
    set_cell(ledger, "flows.csv", 1, "records", "many")
    with pytest.raises(LedgerInvalid) as info:
        load_inventory(ledger)
    problems = info.value.problems
    assert list(problems.columns) == ["file", "row", "column", "value", "expected", "severity", "code"]
    assert problems.iloc[0]["value"] == "many"


def test_commands_needing_a_valid_ledger_print_located_errors(cli, ledger):
    set_cell(ledger, "flows.csv", 1, "records", "many")
    res = cli("schema")  # does not need a ledger
    assert res.code == 0
    # `validate` table output names file, row, column and value
    res = cli("validate", ledger)
    assert res.code == 1 and "flows.csv" in res.out and "many" in res.out and "Traceback" not in res.out


def test_bad_yaml_is_located(cli, ledger):
    (ledger / "organisation.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    code, data = problems_of(cli, ledger)
    [p] = find(data["problems"], file="organisation.yaml")
    assert code == 1 and p["code"] == "yaml_syntax" and p["row"] >= 1


def test_malformed_csv_row_is_located(cli, ledger):
    text = (ledger / "departments.csv").read_text(encoding="utf-8").splitlines()
    text[3] = text[3] + ",extra,cells,here"
    (ledger / "departments.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    code, data = problems_of(cli, ledger)
    [p] = find(data["problems"], file="departments.csv")
    assert code == 1 and p["code"] == "csv_syntax"


@pytest.mark.parametrize(
    ("text", "ja", "en"),
    [
        ("name: [unclosed\n", "「]」で閉じていません", "is not closed with ']'"),
        ("name: a\n  b: 1\n", "「キー: 値」は書けません", "'key: value' cannot stand here"),
        ("name:\n\tb: 1\n", "タブ文字", "a tab cannot indent"),
        ('name: "abc\n', "引用符が閉じない", "quote is still open"),
        ("name: @co-op\n", "「@」で始める", "start with '@'"),
    ],
)
def test_yaml_syntax_errors_are_said_in_the_readers_language(cli, ledger, text, ja, en):
    """PyYAML's English sentences are not shown to a Japanese reader: the common ones are said again."""
    (ledger / "organisation.yaml").write_text(text, encoding="utf-8")
    for lang, words in (("ja", ja), ("en", en)):
        res = cli("validate", ledger, "--format", "json", "--lang", lang)
        [p] = find(json.loads(res.out)["problems"], file="organisation.yaml")
        assert res.code == 1 and p["code"] == "yaml_syntax" and words in p["expected"], (lang, p)
    assert not re.search(r"[a-z]{3}", p_ja_expected(cli, ledger))  # no English left in the Japanese


def p_ja_expected(cli, ledger) -> str:
    res = cli("validate", ledger, "--format", "json", "--lang", "ja")
    return find(json.loads(res.out)["problems"], file="organisation.yaml")[0]["expected"]


def test_a_list_of_ids_names_the_one_that_is_not_found(cli, ledger):
    items = pd.read_csv(ledger / "items.csv", dtype=str, keep_default_na=False)
    items.loc[items["item_id"] == "I004", "item_id"] = "I004X"
    items.to_csv(ledger / "items.csv", index=False)
    code, data = problems_of(cli, ledger)
    listed = find(data["problems"], file="joint_uses.csv", column="items")
    assert code == 1 and listed and all(p["expected"].endswith("not found: I004") for p in listed), listed
