"""Every error and validation problem a person reads is in Japanese and in English (issue 15).

One ledger with many kinds of errors at once (and the same in a workbook) is checked with each language:
every problem names its file (or cell), row, column and bad value; the Japanese output has no English
sentence left in it, and the English output no Japanese but the workbook's sheet names and the input
formats' own examples (令和8年5月15日, はい/いいえ).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from privacy_inventory.cli import render
from privacy_inventory.i18n import t
from privacy_inventory.ledger.schema import ORGANISATION_SHEET, TABLES
from privacy_inventory.paths import bundled_inventory
from privacy_inventory.texts_problems import PROBLEM_TEXTS

from .ledger_edit import read, write

JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
ENGLISH_RUN = re.compile(r"(?<![\w.-])[A-Za-z]{2,}(?:[ ]+[A-Za-z]{2,}){2,}(?![\w-])")

# what each broken ledger holds: (file, CSV row, column, value); None: no value to show
BAD_ENUM = ("items.csv", 2, "category", "zzkind")
BAD_DATE = ("items.csv", 3, "last_confirmed", "2026-13-45")
BAD_BOOL = ("items.csv", 4, "special_care", "maybe")
NEGATIVE = ("items.csv", 5, "records", "-5")
MISSING = ("items.csv", 6, "name_ja", None)
DANGLING = ("flows.csv", 2, "partner_id", "PX99")
MODEL = ("risk_model.yaml", None, "severity.adjustments.volume.over", "many")
PLANTED = [BAD_ENUM, BAD_DATE, BAD_BOOL, NEGATIVE, MISSING, DANGLING]


@pytest.fixture(autouse=True)
def wide(monkeypatch):
    """Rich wraps at 80 columns when output is captured: lines stay whole for the assertions."""
    monkeypatch.setattr(render.console, "width", 1000)
    monkeypatch.setattr(render.err_console, "width", 1000)


def _break_model(folder: Path) -> int:
    """risk_model.yaml with a word where a number belongs; returns its line."""
    lines = (bundled_inventory() / "risk_model.yaml").read_text(encoding="utf-8").split("\n")
    i = next(n for n, line in enumerate(lines) if line.strip().startswith("over:"))
    lines[i] = lines[i].split("over:")[0] + "over: many"
    (folder / "risk_model.yaml").write_text("\n".join(lines), encoding="utf-8")
    return i + 1


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    """The bundled ledger with one of each kind of error (and a duplicated item, an empty organisation
    name, a broken risk model and a stray quote in purposes.csv)."""
    dest = tmp_path_factory.mktemp("broken") / "ledger"
    shutil.copytree(bundled_inventory(), dest)
    items = read(dest, "items.csv")
    for file, row, column, value in PLANTED:
        if file == "items.csv":
            items.loc[row - 2, column] = value or ""
    items = pd.concat([items, items.tail(1)], ignore_index=True)  # a duplicated item id
    write(dest, "items.csv", items)
    flows = read(dest, "flows.csv")
    flows.loc[DANGLING[1] - 2, DANGLING[2]] = DANGLING[3]
    write(dest, "flows.csv", flows)
    org = (dest / "organisation.yaml").read_text(encoding="utf-8")
    (dest / "organisation.yaml").write_text(org.replace("\nname: ", "\nname:  # ", 1), encoding="utf-8")
    _break_model(dest)
    with (dest / "purposes.csv").open("a", encoding="utf-8") as f:
        f.write('PX1,"a stray quote,x\n')
    return dest


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    """The same kinds of errors in a workbook for people (and a formula where a value belongs), with a
    broken risk_model.yaml beside it."""
    from privacy_inventory.ledger.excel import export_workbook
    from privacy_inventory.ledger.load import read_raw

    folder = tmp_path_factory.mktemp("book")
    path = folder / "ledger.xlsx"
    raw = read_raw(bundled_inventory())
    export_workbook(raw.tables, raw.organisation, path)
    wb = load_workbook(path)
    for file, row, column, value in PLANTED:
        table = next(tb for tb in TABLES if tb.file == file)
        ws = wb[table.sheet]
        j = [c.value for c in ws[1]].index(column) + 1
        ws.cell(row + 1, j).value = value  # CSV row 2 is the sheet's row 3
    ws = wb["項目"]
    last = [c.value for c in ws[ws.max_row]]
    ws.append(last)  # a duplicated item id
    notes = [c.value for c in ws[1]].index("notes") + 1
    ws.cell(7, notes).value = "=1+1"
    org = wb[ORGANISATION_SHEET]
    for row in org.iter_rows(min_row=3):
        if row[0].value == "name":
            row[2].value = None
    wb.save(path)
    _break_model(folder)
    return path


def _cells(book: Path) -> list[str]:
    """The cells of PLANTED in the workbook (項目!D3, …)."""
    from openpyxl.utils import get_column_letter

    wb = load_workbook(book, read_only=True)
    out = []
    for file, row, column, _ in PLANTED:
        sheet = next(tb for tb in TABLES if tb.file == file).sheet
        keys = [c.value for c in next(wb[sheet].iter_rows(min_row=1, max_row=1))]
        out.append(f"{sheet}!{get_column_letter(keys.index(column) + 1)}{row + 1}")
    wb.close()
    return out


def _cli(cli, monkeypatch, lang: str, *args):
    monkeypatch.setenv("PRIVACY_INVENTORY_LANG", lang)
    return cli(*args)


def _english_left(text: str, *known: str) -> list[str]:
    """Runs of 3+ English words in Japanese output, once paths, file names, codes, options, commands
    and the values put in are taken out."""
    for k in sorted((str(k) for k in known if k), key=len, reverse=True):
        text = text.replace(k, " ")
    text = re.sub(r"`[^`]*`", " ", text)  # a command to run
    text = re.sub(r"\S*/\S*", " ", text)  # paths
    text = re.sub(r"[\w.-]+\.(csv|yaml|xlsx|json)\b", " ", text)
    text = re.sub(r"--[\w-]+", " ", text)
    text = re.sub(r"\b\w*[_:]\w*\b", " ", text)  # codes and keys: health_care, policy:
    return ENGLISH_RUN.findall(text)


def _japanese_left(text: str) -> list[str]:
    """Japanese in English output but for the input formats' own examples and the workbook's sheet
    names (a cell is named 項目!C5)."""
    for deliberate in (t("formats.expected_date", "en"), t("formats.expected_bool", "en")):
        text = text.replace(deliberate, " ")
    for sheet in sorted([tb.sheet for tb in TABLES] + [ORGANISATION_SHEET], key=len, reverse=True):
        text = text.replace(sheet, " ")
    return [line for line in text.splitlines() if JAPANESE.search(line)]


def _assert_language(text: str, lang: str, *known: str) -> None:
    if lang == "ja":
        assert JAPANESE.search(text)
        assert _english_left(text, *known) == [], text
    else:
        assert _japanese_left(text) == [], text


def _where(file: str, row: int | None, column: str, lang: str) -> str:
    """How a location reads (render.where)."""
    return render.where(pd.Series({"file": file, "row": row, "column": column, "cell": None}))


VALUES = [v for *_, v in PLANTED if v] + ["many", "PX1"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_ledger_with_every_kind_of_error_reads_in_the_language(cli, monkeypatch, broken, lang):
    res = _cli(cli, monkeypatch, lang, "validate", broken, "--format", "json")
    assert res.code == 1 and "Traceback" not in res.err
    problems = json.loads(res.out)["problems"]
    for file, row, column, value in [*PLANTED, MODEL]:
        [p] = [
            p
            for p in problems
            if (p["file"], p["column"]) == (file, column) and (row is None or p["row"] == row)
        ]
        assert p["value"] in (value, None, "") and p["row"] and p["code"]  # codes and keys stay as they are
    codes = {p["code"] for p in problems}
    assert {"enum", "date", "bool", "int", "required", "duplicate_key", "dangling_reference", "model",
            "csv_syntax"} <= codes  # fmt: skip
    org = [p for p in problems if p["file"] == "organisation.yaml"]
    assert [p["column"] for p in org] == ["name"]
    assert org[0]["expected"] == ("「名称」の値（必須）" if lang == "ja" else "a value (name)")
    for p in problems:
        _assert_language(p["expected"], lang, *VALUES)
    # the choices of a list: the code a person types, with the words they read
    [enum] = [p for p in problems if p["code"] == "enum"]
    assert ("identity（本人特定情報）" if lang == "ja" else "health_care (health and care)") in enum[
        "expected"
    ]

    res = _cli(cli, monkeypatch, lang, "validate", broken)
    assert res.code == 1 and "Traceback" not in res.err
    _assert_language(res.out, lang, *VALUES)
    assert ("問題" if lang == "ja" else "Problems") in res.out
    assert ("records（件数（人数））" if lang == "ja" else "records") in res.out
    assert (t("validate.invalid", lang, errors=len([p for p in problems if p["severity"] == "error"]),
              warnings=len([p for p in problems if p["severity"] != "error"]))) in res.out  # fmt: skip

    res = _cli(cli, monkeypatch, lang, "check", broken)
    assert res.code == 1 and "Traceback" not in res.err
    _assert_language(res.err, lang, *VALUES)
    for file, row, column, value in PLANTED:
        assert _where(file, row, column, lang) in res.err
        if value:
            assert (f"「{value}」" if lang == "ja" else f"'{value}'") in res.err
    if lang == "ja":
        assert "items.csv 5行目、列「records」（件数（人数））「-5」：正しくは 0以上の整数" in res.err
    else:
        assert "items.csv row 5, column records: '-5' — expected a whole number ≥ 0" in res.err


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_workbook_with_every_kind_of_error_reads_in_the_language(cli, monkeypatch, book, tmp_path, lang):
    res = _cli(cli, monkeypatch, lang, "validate", book, "--format", "json")
    assert res.code == 1 and "Traceback" not in res.err
    problems = json.loads(res.out)["problems"]
    cells = {p["cell"]: p for p in problems if p.get("cell")}
    planted = _cells(book)
    for (*_, value), cell in zip(PLANTED, planted, strict=True):
        assert cell in cells, (cell, sorted(cells))
        assert cells[cell]["value"] in (value, None, "")
    assert {"formula", "duplicate_key", "model", "required"} <= {p["code"] for p in problems}
    for p in problems:
        _assert_language(p["expected"], lang, *VALUES)

    out = tmp_path / "imported"
    res = _cli(cli, monkeypatch, lang, "import-xlsx", book, out)
    assert res.code == 1 and "Traceback" not in res.err and not out.exists()
    _assert_language(res.out + res.err, lang, *VALUES, "=1+1")
    for cell in planted:
        assert cell in res.out
    enum = planted[0]
    assert (f"誤り {enum}「zzkind」：正しくは 次のいずれか" if lang == "ja"
            else f"error {enum} 'zzkind': expected one of: identity") in res.out  # fmt: skip
    errors = len([p for p in problems if p["severity"] == "error" and p["file"] != "risk_model.yaml"])
    assert t("problem.nothing_written", lang, n=errors, path=out) in res.err

    res = _cli(cli, monkeypatch, lang, "check", book)
    assert res.code == 1 and "Traceback" not in res.err
    _assert_language(res.err, lang, *VALUES, "=1+1")
    assert planted[3] in res.err


def test_every_problem_text_has_its_japanese_and_its_english():
    """A problem text without its Japanese (or with English where the Japanese belongs) fails here, and
    the English has no Japanese but the sheet names it deliberately shows."""
    for key, (ja, en) in PROBLEM_TEXTS.items():
        assert ja.strip() and en.strip(), key
        words = re.sub(r"\{[^}]*\}|`[^`]*`|--[\w-]+|\S*[._:]\S*|YYYY\S*", " ", ja)
        if key not in ("expected.choice", "expected.choice_sep", "expected.key_sep"):
            assert JAPANESE.search(ja), key
        assert not ENGLISH_RUN.search(words), (key, ja)
        assert not JAPANESE.search(en) or key in ("expected.pattern.source",), (key, en)


def _message(fn) -> str:
    from privacy_inventory.errors import PrivacyInventoryError

    with pytest.raises(PrivacyInventoryError) as info:
        fn()
    return str(info.value)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_errors_raised_outside_validation_follow_the_language(monkeypatch, tmp_path, lang):
    from privacy_inventory.assess.model import load_model, parse_model
    from privacy_inventory.ledger.excel import read_workbook
    from privacy_inventory.ledger.fides import import_tables
    from privacy_inventory.ledger.load import resolve_ledger_dir
    from privacy_inventory.ledger.scaffold import ensure_empty_dir, init_workbook
    from privacy_inventory.report.period import parse_period

    monkeypatch.setenv("PRIVACY_INVENTORY_LANG", lang)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x")
    (tmp_path / "not.xlsx").write_text("not a zip")
    messages = {
        "no_ledger": _message(lambda: resolve_ledger_dir(tmp_path / "nowhere")),
        "not_dir": _message(lambda: resolve_ledger_dir(tmp_path / "full" / "x.txt")),
        "period": _message(lambda: parse_period("2026Q9")),
        "model_file": _message(lambda: load_model(tmp_path / "none.yaml")),
        "model_top": _message(lambda: parse_model([1, 2])),
        "not_empty": _message(lambda: ensure_empty_dir(tmp_path / "full")),
        "exists": _message(lambda: init_workbook(tmp_path / "not.xlsx")),
        "not_xlsx": _message(lambda: read_workbook(tmp_path / "not.xlsx")),
        "fides": _message(lambda: import_tables(tmp_path / "nowhere")),
    }
    for name, text in messages.items():
        assert "Traceback" not in text
        if lang == "ja":
            assert JAPANESE.search(text) and not _english_left(text, "2026Q9", "YYYYQ1", "YYYYQ4"), (
                name,
                text,
            )
        else:
            assert not JAPANESE.search(text), (name, text)
    assert str(tmp_path / "nowhere") in messages["no_ledger"]
    assert "2026Q9" in messages["period"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_unknown_item_of_an_incident_is_named_in_the_language(cli, monkeypatch, ledger, lang):
    res = _cli(cli, monkeypatch, lang, "incident", ledger, "--item", "I0O1", "--discovered", "2026-11-20")
    assert res.code == 2 and "Traceback" not in res.err and "I0O1" in res.err
    assert (
        "項目「I0O1」は台帳にありません（候補：" if lang == "ja" else "unknown item 'I0O1'; did you mean: "
    ) in res.err
    _assert_language(res.err, lang, "I0O1")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_broken_risk_model_is_named_by_key_and_line_in_the_language(cli, monkeypatch, ledger, lang):
    line = _break_model(ledger)
    res = _cli(cli, monkeypatch, lang, "score", ledger)
    assert res.code == 1 and "Traceback" not in res.err
    assert "severity.adjustments.volume.over" in res.err and "many" in res.err
    assert (f"{line}行目" if lang == "ja" else f"line {line}") in res.err
    _assert_language(res.err, lang, "many")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_reason_the_system_gives_is_worded_in_the_language(monkeypatch, lang):
    import errno

    from privacy_inventory.errors import FileSystemError

    monkeypatch.setenv("PRIVACY_INVENTORY_LANG", lang)
    message = str(
        FileSystemError.of(OSError(errno.ENOSPC, "No space left on device", "/ledger/items.csv"), "x")
    )
    assert message == ("/ledger/items.csv: ディスクの空き容量がありません" if lang == "ja"
                       else "/ledger/items.csv: No space left on device")  # fmt: skip
