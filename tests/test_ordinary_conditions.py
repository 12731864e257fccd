"""The 26 ordinary conditions of issue 18 that ended in "Internal error … exit 3", one regression test
each. Every error now names the file, the row or line, the column or key, the bad value and what was
expected, and exits 1 (the ledger) or 2 (usage, a file, the file system) — never 3, never a traceback.

 #  condition                                          test
 1  CR-only line ends                                  test_01_cr_only_line_endings
 2  organisation.yaml unreadable                       test_02_unreadable_organisation_yaml
 3  risk_model.yaml unreadable                         test_03_unreadable_risk_model
 4  --out pointing at a file                           test_04_out_at_a_file
 5  --out in a read-only folder / file system          test_05_out_in_a_read_only_folder
 6  a full disk (the path named)                       test_06_full_disk_names_the_path
 7  a malformed manifest.json (and summary, meta)      test_07_malformed_manifest_and_period_files
 8  policy_date: 2017-02-30                            test_08_impossible_policy_date
 9  a 20,000-deep YAML list                            test_09_deep_yaml_list
10  sources: [1, 2]                                    test_10_sources_not_a_mapping
11  records 1e20 in a CSV                              test_11_records_1e20_in_csv
12  records 1e20 in a workbook                         test_12_records_1e20_in_a_workbook
13  numeric duplicate ids in a workbook (1 and 1.0)    test_13_numeric_duplicate_ids_in_a_workbook
14  volume.over: many in the risk model                test_14_volume_over_many
15  period 0000Q1                                      test_15_16_periods_out_of_range[0000Q1]
16  period 9999Q4                                      test_15_16_periods_out_of_range[9999Q4]
17  an incident discovered 9999-12-31                  test_17_incident_discovered_9999_12_31
18  {…} in --out of review (papermill formats paths)   test_18_braces_in_out
19  {…} in the ledger path of review                   test_19_braces_in_the_ledger_path
20  validate reads and checks risk_model.yaml          test_20_validate_checks_the_risk_model
21  a symlinked table (never echo the target)          test_21_symlinked_table_is_refused_unread
22  a partner that is its own parent                   test_22_23_sub_outsourcing_loops[self]
23  a sub-outsourcing cycle                            test_22_23_sub_outsourcing_loops[cycle]
24  a duplicate YAML key                               test_24_duplicate_yaml_key
25  import-xlsx folders with normal permissions        test_25_import_xlsx_folder_permissions
26  incident dates before the ledger or in the future  test_26_incident_dates_warned
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from pathlib import Path

import pandas as pd
import pytest

from privacy_inventory.ledger.excel import FIRST_ROW, KEY_ROW, export_workbook
from privacy_inventory.ledger.load import read_raw
from privacy_inventory.ledger.schema import TABLES, TABLES_BY_NAME
from privacy_inventory.report.period import parse_period
from privacy_inventory.report.review import run_review

from .conftest import REPO
from .ledger_edit import read, set_cell, write

# openpyxl leaves its sheet writer open when a save fails (test 6): harmless, and not ours to close
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("PRIVACY_INVENTORY_LANG", "en")


def clean(res, *codes):
    """The command ended with one of `codes` (never 3) and printed no traceback."""
    assert res.code in codes, (res.code, res.out[-2000:], res.err[-2000:])
    assert "Traceback" not in res.out + res.err and "Internal error" not in res.out + res.err
    return res


def problems(cli, *args, code=1):
    res = clean(cli("validate", *args, "--format", "json"), code)
    return json.loads(res.out)["problems"]


def one(found, **match):
    hits = [p for p in found if all(p[k] == v for k, v in match.items())]
    assert len(hits) == 1, (match, found)
    return hits[0]


def workbook_of(ledger: Path, out: Path) -> Path:
    raw = read_raw(ledger)
    export_workbook(raw.tables, raw.organisation, out)
    return out


def edit_sheet(book: Path, sheet: str, column: str, values: list, out: Path) -> tuple[Path, str]:
    """Set the first cells of a column of a sheet; return the workbook and the column's letter."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    wb = openpyxl.load_workbook(book)
    ws = wb[TABLES_BY_NAME[sheet].sheet]
    j = [c.value for c in ws[KEY_ROW]].index(column) + 1
    for i, v in enumerate(values):
        ws.cell(FIRST_ROW + i, j).value = v
    wb.save(out)
    return out, get_column_letter(j)


# 1 -----------------------------------------------------------------------------------------------------


def test_01_cr_only_line_endings(cli, ledger):
    """Old Mac Excel writes CR alone: read like any other line end (the header split on CR crashed)."""
    row = set_cell(ledger, "flows.csv", 9, "records", "many")
    for table in TABLES:
        path = ledger / table.file
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    found = problems(cli, ledger)
    p = one(found, file="flows.csv", column="records")
    assert (p["row"], p["value"]) == (row, "many")
    set_cell(ledger, "flows.csv", 9, "records", "3")  # pandas reads CR-only files as well
    res = clean(cli("validate", ledger, "--format", "json"), 0)
    assert json.loads(res.out)["tables"]["flows"] == len(read(ledger, "flows.csv"))


# 2, 3 ---------------------------------------------------------------------------------------------------


def _unreadable(monkeypatch, target: Path) -> None:
    """As if `target` had no read permission (the tests run as root, for whom chmod 000 reads anyway)."""
    real_read_bytes, real_read_text = Path.read_bytes, Path.read_text

    def deny(path):
        if Path(path) == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(Path, "read_bytes", lambda self: deny(self) or real_read_bytes(self))
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: deny(self) or real_read_text(self, *a, **k))


def test_02_unreadable_organisation_yaml(cli, ledger, monkeypatch):
    _unreadable(monkeypatch, ledger / "organisation.yaml")
    p = one(problems(cli, ledger, code=2), file="organisation.yaml")
    assert p["code"] == "unreadable" and "Permission denied" in p["expected"]
    clean(cli("score", ledger), 2)
    (ledger / "organisation.yaml").unlink()
    (ledger / "organisation.yaml").mkdir()  # a folder where the file should be
    assert one(problems(cli, ledger, code=2), file="organisation.yaml")["code"] == "not_a_file"


def test_03_unreadable_risk_model(cli, ledger, monkeypatch):
    model = ledger / "risk_model.yaml"
    _unreadable(monkeypatch, model)
    res = clean(cli("score", ledger), 2)
    assert str(model) in res.err and "Permission denied" in res.err
    p = one(problems(cli, ledger, code=2), file="risk_model.yaml")
    assert p["code"] == "unreadable" and "Permission denied" in p["expected"]
    monkeypatch.undo()
    monkeypatch.setenv("PRIVACY_INVENTORY_LANG", "en")  # undo() also took back the English of conftest
    model.unlink()
    model.mkdir()  # not silently replaced by the bundled model
    res = clean(cli("check", ledger), 2)
    assert "risk_model.yaml" in res.err and "regular file" in res.err


# 4, 5, 6 -----------------------------------------------------------------------------------------------


def test_04_out_at_a_file(cli, ledger, tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    res = clean(cli("review", "--period", "2026Q1", "--out", afile), 2)
    assert f"{afile} is a file" in res.err
    res = clean(cli("review", "--period", "2026Q1", "--out", afile / "reports"), 2)
    assert f"{afile} is a file" in res.err
    res = clean(cli("incident", ledger, "--partner", "PO01", "--report", "--out", afile), 2)
    assert str(afile) in res.err
    clean(cli("export-csv", ledger, afile), 2)
    res = clean(cli("export-xlsx", ledger, afile / "x.xlsx"), 2)
    assert f"{afile} is a file" in res.err
    res = clean(cli("import-xlsx", workbook_of(ledger, tmp_path / "l.xlsx"), afile), 2)
    assert f"{afile} is a file" in res.err


def _fail_in(monkeypatch, obj, name, err, path=None):
    def failing(*args, **kwargs):
        raise OSError(err, os.strerror(err), *([str(path)] if path else []))

    monkeypatch.setattr(obj, name, failing)


def test_05_out_in_a_read_only_folder(cli, ledger, tmp_path, monkeypatch):
    import tempfile

    readonly = tmp_path / "ro"
    _fail_in(monkeypatch, tempfile, "mkdtemp", errno.EROFS)
    _fail_in(monkeypatch, tempfile, "mkstemp", errno.EACCES)
    res = clean(cli("review", "--period", "2026Q1", "--out", readonly, "--inventory", ledger), 2)
    assert str(readonly) in res.err and "Read-only file system" in res.err
    res = clean(cli("export-xlsx", ledger, readonly / "l.xlsx"), 2)
    assert str(readonly) in res.err and "Permission denied" in res.err
    res = clean(cli("schema", "--out", readonly / "ledger.md"), 2)
    assert str(readonly) in res.err


def test_06_full_disk_names_the_path(cli, ledger, tmp_path, monkeypatch):
    """ENOSPC from the write itself carries no file name: the message names the file being written."""
    from openpyxl import Workbook

    _fail_in(monkeypatch, Workbook, "save", errno.ENOSPC)
    out = tmp_path / "ledger.xlsx"
    res = clean(cli("export-xlsx", ledger, out), 2)
    assert f"{out}: No space left on device" in res.err and not out.exists()
    monkeypatch.undo()
    monkeypatch.setenv("PRIVACY_INVENTORY_LANG", "en")  # undo() also took back the English of conftest
    _fail_in(monkeypatch, pd.DataFrame, "to_csv", errno.ENOSPC)
    res = clean(cli("export-csv", ledger, tmp_path / "csv"), 2)
    assert str(tmp_path / "csv" / "items.csv") in res.err and "No space left" in res.err
    assert not (tmp_path / "csv").exists()
    monkeypatch.undo()
    monkeypatch.setenv("PRIVACY_INVENTORY_LANG", "en")
    _fail_in(monkeypatch, Path, "write_text", errno.ENOSPC)
    res = clean(cli("schema", "--out", tmp_path / "ledger.md"), 2)
    assert f"{tmp_path / 'ledger.md'}: No space left on device" in res.err


# 7 -----------------------------------------------------------------------------------------------------


@pytest.fixture
def reports(tmp_path) -> Path:
    """A copy of the bundled history (2026Q2, 2026Q3)."""
    out = tmp_path / "reports"
    for period in ("2026Q2", "2026Q3"):
        shutil.copytree(REPO / "reports" / period, out / period)
    return out


@pytest.mark.parametrize(
    "manifest",
    ["{not json", "[1, 2]", '{"files": 3}', '{"files": {"a": [1]}, "previous": 5, "signature": "x"}', "\xff"],
)
def test_07_malformed_manifest_and_period_files(cli, reports, tmp_path, manifest):
    key = tmp_path / "key"
    key.write_text("a secret of at least sixteen bytes")
    (reports / "2026Q3" / "manifest.json").write_text(manifest, encoding="latin-1")
    res = clean(cli("verify", "--out", reports), 1)
    assert "2026Q3" in res.out and "manifest.json" in res.out
    clean(cli("verify", "--out", reports, "--key", key), 1)
    clean(cli("verify", "2026Q3", "--out", reports), 1)


def test_07_malformed_period_files_name_the_file(cli, reports):
    meta = reports / "2026Q3" / "snapshot" / "meta.json"
    meta.write_text('{"period": "2026Q3",\n  oops}', encoding="utf-8")
    res = clean(cli("diff", "2026Q2", "2026Q3", "--out", reports), 2)
    assert str(meta) in res.err and "line 2" in res.err and "not well-formed JSON" in res.err
    assert "Expecting" not in res.err  # json's own words are not the reader's
    res = clean(cli("diff", "2026Q2", "2026Q3", "--out", reports, "--lang", "ja"), 2)
    assert "2行目" in res.err and "JSON の書き方が崩れています" in res.err
    meta.write_bytes(b'{"period":\n "2026\xff"}')
    res = clean(cli("diff", "2026Q2", "2026Q3", "--out", reports), 2)
    assert "line 2" in res.err and "not UTF-8" in res.err and "UnicodeDecodeError" not in res.err


# 8, 9, 10, 24 ------------------------------------------------------------------------------------------


def _set_org_line(ledger: Path, key: str, text: str) -> int:
    """Replace the line `key: …` of organisation.yaml (and its indented continuation); return its line."""
    path = ledger / "organisation.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith(f"{key}:"))
    j = i + 1
    while j < len(lines) and lines[j].startswith((" ", "-")):
        j += 1
    lines[i:j] = [text]
    path.write_text("\n".join(lines), encoding="utf-8")
    return i + 1


def test_08_impossible_policy_date(cli, ledger):
    line = _set_org_line(ledger, "policy_date", "policy_date: 2017-02-30")
    p = one(problems(cli, ledger), file="organisation.yaml", column="policy_date")
    assert (p["row"], p["value"], p["code"]) == (line, "2017-02-30", "date")
    assert "real calendar date" in p["expected"]
    clean(cli("check", ledger), 1)


def test_09_deep_yaml_list(cli, ledger):
    line = _set_org_line(ledger, "name", "name: " + "[" * 20_000 + "]" * 20_000)
    p = one(problems(cli, ledger), file="organisation.yaml")
    assert p["row"] == line and "nested more than" in p["expected"]


def test_10_sources_not_a_mapping(cli, ledger, tmp_path):
    line = _set_org_line(ledger, "sources", "sources: [1, 2]")
    p = one(problems(cli, ledger), file="organisation.yaml", column="sources")
    assert p["row"] == line and p["value"] == "[1, 2]" and "mapping of keys to their sources" in p["expected"]
    clean(cli("export-xlsx", ledger, tmp_path / "l.xlsx"), 0)  # exported, errors and all, to be fixed there


def test_24_duplicate_yaml_key(cli, ledger):
    path = ledger / "organisation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "name: 別の名前\n", encoding="utf-8")
    p = one(problems(cli, ledger), file="organisation.yaml")
    assert (
        p["row"] == len(text.splitlines()) + 1
        and "the key 'name' appears twice (first on line" in p["expected"]
    )


# 11, 12, 13 --------------------------------------------------------------------------------------------


def test_11_records_1e20_in_csv(cli, ledger):
    row = set_cell(ledger, "items.csv", 0, "records", "1e20")
    set_cell(ledger, "flows.csv", 2, "records", "inf")
    found = problems(cli, ledger)
    p = one(found, file="items.csv", column="records")
    assert (p["row"], p["value"], p["code"]) == (row, "1e20", "int") and "at most" in p["expected"]
    assert one(found, file="flows.csv", column="records")["row"] == 4
    res = clean(cli("score", ledger), 1)
    assert "items.csv row 2, column records: '1e20'" in res.err


def test_12_records_1e20_in_a_workbook(cli, ledger, tmp_path):
    book, letter = edit_sheet(workbook_of(ledger, tmp_path / "l.xlsx"), "items", "records", [1e20],
                              tmp_path / "big.xlsx")  # fmt: skip
    p = one(problems(cli, book), file="項目", column="records")
    assert p["cell"] == f"項目!{letter}3" and p["value"] == "100000000000000000000"
    clean(cli("import-xlsx", book, tmp_path / "out"), 1)


def test_13_numeric_duplicate_ids_in_a_workbook(cli, ledger, tmp_path):
    book, letter = edit_sheet(workbook_of(ledger, tmp_path / "l.xlsx"), "departments", "department_id",
                              [1, 1.0], tmp_path / "dup.xlsx")  # fmt: skip
    found = problems(cli, book)
    dups = [p for p in found if p["code"] == "duplicate_key"]
    assert {p["cell"] for p in dups} == {f"部門!{letter}3", f"部門!{letter}4"}
    assert {p["value"] for p in dups} == {"1"}
    res = clean(cli("import-xlsx", book, tmp_path / "out"), 1)
    assert f"部門!{letter}4" in res.out


# 14, 20 ------------------------------------------------------------------------------------------------


def test_14_volume_over_many(cli, ledger):
    model = ledger / "risk_model.yaml"
    lines = model.read_text(encoding="utf-8").split("\n")
    i = next(n for n, line in enumerate(lines) if line.strip().startswith("over:"))
    lines[i] = lines[i].split("over:")[0] + "over: many"
    model.write_text("\n".join(lines), encoding="utf-8")
    p = one(problems(cli, ledger), file="risk_model.yaml")
    assert (p["row"], p["column"], p["value"]) == (i + 1, "severity.adjustments.volume.over", "many")
    assert "integer" in p["expected"]
    res = clean(cli("score", ledger), 1)
    assert f"line {i + 1}" in res.err and "volume.over" in res.err


def test_20_validate_checks_the_risk_model(cli, ledger):
    """A model that parses but is wrong (a level that is not in the list) fails validate, as it would
    fail score later."""
    model = ledger / "risk_model.yaml"
    text = model.read_text(encoding="utf-8")
    model.write_text(text.replace("high_levels: [", "high_levels: [catastrophic, ", 1), encoding="utf-8")
    assert "catastrophic" in model.read_text(encoding="utf-8")
    p = one(problems(cli, ledger), file="risk_model.yaml")
    assert p["column"] == "matrix.high_levels" and p["code"] == "model" and p["row"]
    clean(cli("score", ledger), 1)


# 15, 16, 17, 26 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("period", ["0000Q1", "9999Q4"])
def test_15_16_periods_out_of_range(cli, reports, period):
    res = clean(cli("review", "--period", period, "--out", reports), 2)
    assert period in res.err and "from 1900 to 2999" in res.err
    clean(cli("verify", period, "--out", reports), 2)
    clean(cli("diff", period, "2026Q3", "--out", reports), 2)


def test_17_incident_discovered_9999_12_31(cli):
    res = clean(cli("incident", "--partner", "PO01", "--discovered", "9999-12-31"), 2)
    assert "--discovered: 9999-12-31" in res.err


def test_26_incident_dates_warned(cli):
    import datetime as dt

    future = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    res = clean(cli("incident", "--partner", "PO01", "--discovered", future, "--format", "json"), 0)
    [warning] = json.loads(res.out)["warnings"]
    assert f"the discovery date {future} is after today" in warning and warning in res.err
    res = clean(cli("incident", "--partner", "PO01", "--discovered", "1999-01-01"), 0)
    assert "before the earliest date the ledger records" in res.err
    res = clean(cli("incident", "--partner", "PO01", "--discovered", "2026-11-20", "--format", "json"), 0)
    assert json.loads(res.out)["warnings"] == []


# 18, 19 (one review run: braces in both paths) ---------------------------------------------------------


@pytest.fixture(scope="module")
def braced_review(tmp_path_factory):
    from privacy_inventory.paths import bundled_inventory

    root = tmp_path_factory.mktemp("braces")
    ledger = root / "led{period}{x}"
    shutil.copytree(bundled_inventory(), ledger)
    out = root / "{period}" / "rep{x}"
    result = run_review(parse_period("2026Q1"), ledger, out, lang="en")
    return root, ledger, out, result


def test_18_braces_in_out(braced_review):
    root, _, out, result = braced_review
    assert result.path == out / "2026Q1" and (result.path / "04_review.html").is_file()
    assert not (root / "2026Q1").exists()  # papermill would have formatted {period} into the path


def test_19_braces_in_the_ledger_path(braced_review):
    _, ledger, _, result = braced_review
    meta = json.loads((result.path / "snapshot" / "meta.json").read_text(encoding="utf-8"))
    assert meta["inventory"] == str(ledger.resolve())
    executed = (result.path / "01_inventory.ipynb").read_text(encoding="utf-8")
    assert json.dumps(str(ledger.resolve()))[1:-1] in executed


# 21 ----------------------------------------------------------------------------------------------------


def test_21_symlinked_table_is_refused_unread(cli, ledger, tmp_path):
    secret = tmp_path / "shadow"
    secret.write_text("root:SECRET-HASH:19000:0:99999:7:::\nSECRET-LINE-2\n", encoding="utf-8")
    (ledger / "items.csv").unlink()
    (ledger / "items.csv").symlink_to(secret)
    res = clean(cli("validate", ledger), 2)
    assert "SECRET" not in res.out + res.err and "symbolic link" in res.out
    p = one(problems(cli, ledger, code=2), file="items.csv")
    assert p["code"] == "not_a_file" and p["value"] is None
    res = clean(cli("score", ledger), 2)
    assert "SECRET" not in res.out + res.err


# 22, 23 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "parents", "expected"), [("self", {"PO03": "PO03"}, {"PO03"}),
                                                            ("cycle", {"PO01": "PO07"}, {"PO01", "PO07"})])  # fmt: skip
def test_22_23_sub_outsourcing_loops(cli, ledger, case, parents, expected):
    for partner, parent in parents.items():
        df = read(ledger, "partners.csv")
        df.loc[df["partner_id"] == partner, "parent_partner_id"] = parent
        write(ledger, "partners.csv", df)
    res = clean(cli("check", ledger, "--format", "json"), 0)
    found = [f for f in json.loads(res.out)["findings"] if f["rule_id"] == "APPI-25-subcontracting-chain"]
    assert {f["subject_id"] for f in found} == expected
    assert all(f["article"].startswith("個人情報保護法25条") for f in found)


# 25 ----------------------------------------------------------------------------------------------------


def test_25_import_xlsx_folder_permissions(cli, ledger, tmp_path):
    book = workbook_of(ledger, tmp_path / "l.xlsx")
    old = os.umask(0o022)
    try:
        clean(cli("import-xlsx", book, tmp_path / "new" / "ledger"), 0)
        clean(cli("import-xlsx", book, tmp_path / "new" / "ledger", "--replace"), 0)
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "new" / "ledger").stat().st_mode)
    assert mode == 0o755, oct(mode)
    assert stat.S_IMODE((tmp_path / "new" / "ledger" / "items.csv").stat().st_mode) == 0o644
