"""Nothing in a ledger is lost without a word (issue 18): a stray quote, a NUL byte, a cell too long for
Excel and the apostrophe export-csv puts before formula-like text are each either an error naming the
file and the line (or the cell), or read back exactly."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from privacy_inventory import load_inventory
from privacy_inventory.ledger.schema import TABLES
from privacy_inventory.ledger.textio import CsvSyntax, parse_header, read_csv_checked

from .ledger_edit import read, write


def problems(cli, ledger):
    res = cli("validate", ledger, "--format", "json")
    assert "Traceback" not in res.out + res.err
    return res.code, json.loads(res.out)["problems"]


def lines_of(ledger, file):
    return (ledger / file).read_text(encoding="utf-8").split("\n")


def save_lines(ledger, file, lines):
    (ledger / file).write_text("\n".join(lines), encoding="utf-8")


# --- a quote still open ---------------------------------------------------------------------------------


@pytest.mark.parametrize("file", ["flows.csv", "actions.csv", "items.csv"])
def test_unterminated_quote_in_the_last_field_is_an_error_at_its_line(cli, ledger, file):
    """The issue's case: a stray quote opening the last value of line 3. The CSV parser took the rest of
    the file as that one value — 191 flows became 2, and `validate` said valid."""
    lines = lines_of(ledger, file)
    head, _, last = lines[2].rpartition(",")
    lines[2] = f'{head},"{last}'
    save_lines(ledger, file, lines)
    code, found = problems(cli, ledger)
    [p] = [p for p in found if p["file"] == file]
    assert code == 1 and p["code"] == "csv_syntax" and p["row"] == 3
    assert "line 3" in p["expected"] and "never closed" in p["expected"]
    res = cli("score", ledger)  # every command that needs the ledger refuses it, naming the line
    assert res.code == 1 and f"{file} row 3" in res.err and "Traceback" not in res.err


def test_quoted_value_spanning_lines_with_the_wrong_number_of_values(cli, ledger):
    lines = lines_of(ledger, "departments.csv")
    lines[2] = lines[2].replace(",", ',"', 1)  # opens a quote in the second value of line 3 …
    lines[4] = lines[4].replace(",", '",', 1)  # … that a stray quote on line 5 closes
    save_lines(ledger, "departments.csv", lines)
    code, found = problems(cli, ledger)
    [p] = [p for p in found if p["file"] == "departments.csv"]
    assert code == 1 and p["code"] == "csv_syntax" and p["row"] == 3
    assert "opened on line 3 runs to line 5" in p["expected"]


def test_a_line_with_too_many_values_is_named_by_its_line(cli, ledger):
    lines = lines_of(ledger, "purposes.csv")
    lines[6] += ",x,y"
    save_lines(ledger, "purposes.csv", lines)
    code, found = problems(cli, ledger)
    [p] = [p for p in found if p["file"] == "purposes.csv"]
    assert code == 1 and p["row"] == 7 and "values where the header has" in p["expected"]


def test_values_spanning_lines_are_still_read(ledger):
    """Quoted values over several lines are legitimate CSV: nothing is refused and every row stays."""
    items = read(ledger, "items.csv")
    items.loc[3, "notes"] = 'line one\nline "two", with a comma\r\nline three'
    write(ledger, "items.csv", items)
    (ledger / "flows.csv").write_bytes(
        (ledger / "flows.csv").read_bytes() + b"\n\n"
    )  # blank lines at the end
    inv = load_inventory(ledger)
    assert len(inv.items) == len(items) and len(inv.flows) == len(read(ledger, "flows.csv"))
    assert inv.items.loc[3, "notes"] == 'line one\nline "two", with a comma\r\nline three'


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('a,b,c\n1,2,3\n4,5,"x\n7,8,9\n', 3, "never closed"),  # swallows the rest of the file
        ('a,b,c\n1,2,3\n4,5,"6', 3, "never closed"),  # open at the end, without a final line break
        ('a,b,c\n1,"m\nn",3\n4,5,6\n7,"8,9\n', 5, "never closed"),  # a legitimate multi-line value before
        ('a,b,c\r1,2,3\r4,"5\r6,7,8\r', 3, "never closed"),  # CR-only line ends count lines the same
        ("a,b,c\n1,2\n", 2, "2 values where the header has 3"),
    ],
)
def test_the_line_named_is_where_the_quote_opened(text, line, words):
    data = text.encode()
    with pytest.raises(CsvSyntax) as info:
        read_csv_checked(data, parse_header(data))
    assert info.value.line == line and words in info.value.detail


def test_quotes_inside_a_value_are_text():
    data = b'a,b,c\n1,x"y,3\n4,5,6\n'  # an odd number of quotes, none of them opening a value
    assert read_csv_checked(data, parse_header(data))["b"].tolist() == ['x"y', "5"]


# --- NUL bytes --------------------------------------------------------------------------------------


def test_nul_byte_after_the_first_8_kb_is_refused_with_its_line(cli, ledger, tmp_path):
    data = (ledger / "flows.csv").read_bytes()
    at = data.index(b"\n", 9000) - 3
    assert at > 8192
    (ledger / "flows.csv").write_bytes(data[:at] + b"\x00" + data[at:])
    line = data.count(b"\n", 0, at) + 1
    code, found = problems(cli, ledger)
    [p] = [p for p in found if p["file"] == "flows.csv"]
    assert code == 2 and p["code"] == "unreadable" and p["row"] == line
    assert f"NUL byte on line {line}" in p["expected"]
    res = cli("export-csv", ledger, tmp_path / "out")  # and it is never written back out
    assert res.code == 2 and not (tmp_path / "out").exists()


# --- export-xlsx: a cell longer than Excel holds ---------------------------------------------------------


def test_export_xlsx_refuses_a_cell_longer_than_excel_holds_naming_it(cli, ledger, tmp_path):
    items = read(ledger, "items.csv")
    items.loc[4, "notes"] = "長" * 32_768
    items.loc[9, "notes"] = "x" * 40_000
    write(ledger, "items.csv", items)
    column = chr(ord("A") + list(items.columns).index("notes"))
    out = tmp_path / "ledger.xlsx"
    res = cli("export-xlsx", ledger, out)
    assert res.code == 2 and not out.exists() and "Traceback" not in res.err
    assert f"項目!{column}7" in res.err and f"項目!{column}12" in res.err and "32,767" in res.err
    items.loc[[4, 9], "notes"] = "x" * 32_767  # exactly the limit is fine
    write(ledger, "items.csv", items)
    assert cli("export-xlsx", ledger, out).code == 0


def test_export_xlsx_and_daicho_refuse_an_organisation_or_item_name_too_long(cli, ledger, tmp_path):
    org = ledger / "organisation.yaml"
    text = org.read_text(encoding="utf-8")
    org.write_text(text.replace("\nname:", "\nname: " + "x" * 40_000 + "\nold_name:", 1), encoding="utf-8")
    res = cli("export-xlsx", ledger, tmp_path / "l.xlsx")
    assert res.code == 2 and "組織!C3" in res.err and not (tmp_path / "l.xlsx").exists()
    org.write_text(text, encoding="utf-8")
    items = read(ledger, "items.csv")
    items.loc[2, "name_ja"] = "長" * 33_000
    write(ledger, "items.csv", items)
    res = cli("export-daicho", ledger, tmp_path / "d.xlsx", "--lang", "ja")  # the Japanese names
    assert res.code == 2 and "Excelの1セルの上限" in res.err and not (tmp_path / "d.xlsx").exists()


# --- export-csv: defused cells read back as they were ----------------------------------------------------

# (typed in the ledger, read as, written by export-csv): a typed leading apostrophe before formula-like
# text means the text, as in a spreadsheet; export-csv adds one, and reading takes exactly one away
DEFUSED = [
    ("=1+1", "=1+1", "'=1+1"),
    ("-", "-", "'-"),
    ("+81-83-000-0000", "+81-83-000-0000", "'+81-83-000-0000"),
    ("@SUM(A1)", "@SUM(A1)", "'@SUM(A1)"),
    ("'=typed with its apostrophe", "=typed with its apostrophe", "'=typed with its apostrophe"),
    ("''=twice", "'=twice", "''=twice"),
    ("it's fine", "it's fine", "it's fine"),
    ("'plain", "'plain", "'plain"),
]


def test_export_csv_folder_reads_back_as_the_same_ledger(cli, ledger, tmp_path):
    """export-csv puts an apostrophe before formula-like text ('=1+1), as a spreadsheet needs; the loader
    removes exactly that apostrophe, so the exported folder is the same ledger, cell for cell."""
    typed, read_as, written = zip(*DEFUSED, strict=True)
    n = len(DEFUSED)
    items = read(ledger, "items.csv")
    items.loc[: n - 1, "notes"] = typed
    write(ledger, "items.csv", items)
    before = load_inventory(ledger)
    assert before.items.loc[: n - 1, "notes"].tolist() == list(read_as)
    out = tmp_path / "csv"
    assert cli("export-csv", ledger, out).code == 0
    exported = pd.read_csv(out / "items.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert exported.loc[: n - 1, "notes"].tolist() == list(written)
    for extra in ("organisation.yaml", "risk_model.yaml"):
        shutil.copy(ledger / extra, out / extra)
    after = load_inventory(out)
    for table in TABLES:
        pd.testing.assert_frame_equal(before.table(table.name), after.table(table.name))
    assert cli("validate", out).code == 0


@pytest.mark.parametrize("command", ["export-csv", "export-xlsx"])
def test_exports_refuse_a_ledger_whose_table_could_not_be_read(cli, ledger, tmp_path, command):
    """A table that could not be read is not exported as an empty one."""
    lines = lines_of(ledger, "flows.csv")
    head, _, last = lines[2].rpartition(",")
    lines[2] = f'{head},"{last}'
    save_lines(ledger, "flows.csv", lines)
    out = tmp_path / ("out.xlsx" if command == "export-xlsx" else "out")
    res = cli(command, ledger, out)
    assert res.code == 1 and not out.exists() and "flows.csv row 3" in res.err
