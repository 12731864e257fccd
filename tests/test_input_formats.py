"""One place for input formats: a date, a yes/no or a choice written in any accepted form means the same in
a CSV cell, a workbook cell and organisation.yaml (ledger/formats.py)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from privacy_inventory import load_inventory
from privacy_inventory.i18n import Vocabulary
from privacy_inventory.ledger import schema
from privacy_inventory.ledger.excel import export_workbook
from privacy_inventory.ledger.formats import (
    canonical_frame,
    canonical_ints,
    code_of,
    codes_of,
    number_text,
    parse_bool,
    parse_date,
    parse_dates,
    parse_ints,
)
from privacy_inventory.ledger.load import read_raw
from privacy_inventory.ledger.synth import SynthSpec, synthesize

from .ledger_edit import read, write


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-05-15", dt.date(2026, 5, 15)),
        ("2026/05/15", dt.date(2026, 5, 15)),
        ("2026/5/1", dt.date(2026, 5, 1)),
        ("2026/10/01", dt.date(2026, 10, 1)),
        ("2026.5.15", dt.date(2026, 5, 15)),
        ("2026年5月15日", dt.date(2026, 5, 15)),
        ("令和8年5月15日", dt.date(2026, 5, 15)),
        ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("令和１年５月１日", dt.date(2019, 5, 1)),  # full-width digits
        ("R8.5.15", dt.date(2026, 5, 15)),
        ("r8/5/15", dt.date(2026, 5, 15)),
        ("Ｒ８．５．１５", dt.date(2026, 5, 15)),
        ("平成31年4月30日", dt.date(2019, 4, 30)),
        ("H29.10.1", dt.date(2017, 10, 1)),
        ("平成元年1月8日", dt.date(1989, 1, 8)),
        ("昭和64年1月7日", dt.date(1989, 1, 7)),
        (" 2026-05-15 ", dt.date(2026, 5, 15)),
    ],
)
def test_accepted_dates(text, day):
    assert parse_date(text) == day
    assert parse_dates(pd.Series([text], dtype="str"))[0].date() == day


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30",
        "2026-13-01",
        "31/12/2023",
        "2026/05-15",  # mixed separators
        "平成31年5月1日",  # the era had ended: it is 令和元年5月1日
        "令和1年4月30日",  # before the era began
        "平成元年1月7日",
        "R8",
        "soon",
        "45000",  # an Excel serial number typed as text is not a date
    ],
)
def test_refused_dates(text):
    assert parse_date(text) is None
    assert pd.isna(parse_dates(pd.Series([text], dtype="str"))[0])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True), ("TRUE", True), ("yes", True), ("1", True), ("はい", True), ("〇", True),
        ("○", True), ("◯", True), ("有", True), ("ＴＲＵＥ", True),
        ("false", False), ("no", False), ("0", False), ("いいえ", False), ("×", False), ("無", False),
    ],
)  # fmt: skip
def test_accepted_yes_and_no(text, value):
    assert parse_bool(text) is value


@pytest.mark.parametrize("text", ["maybe", "2", "真", "x"])
def test_refused_yes_and_no(text):
    assert parse_bool(text) is None


VOCABULARIES = [
    v
    for v in vars(schema).values()
    if isinstance(v, type) and issubclass(v, Vocabulary) and v is not Vocabulary
]


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_label_reads_back_to_its_own_code(vocabulary):
    """A dropdown shows Japanese labels, import reads them (and English labels, and codes) back: no two
    members may share a label, and no label may be another member's code."""
    for member in vocabulary:
        for written in (member.value, member.ja, member.en, member.ja.replace("（", "(").replace("）", ")"),
                        member.en.upper()):  # fmt: skip
            assert code_of(written, vocabulary) == member.value, (written, member)
    ja = [_key(m.ja) for m in vocabulary]
    assert len(set(ja)) == len(ja)
    for member in vocabulary:
        others = {m.value for m in vocabulary if m is not member}
        assert member.ja not in others and member.en not in others


def test_list_cells_read_labels_and_codes_alike():
    assert codes_of("溶解処理；erase", schema.Disposal) == "dissolve;erase"
    assert codes_of("溶解処理;nope", schema.Disposal) is None


def test_sheet_headers_are_unique_within_each_table():
    """Import reads a sheet whose key row was deleted by its Japanese (or English) headers."""
    for table in schema.TABLES:
        for labels in ([_key(c.ja) for c in table.columns], [_key(c.en) for c in table.columns]):
            assert len(set(labels)) == len(labels), table.name


def test_canonical_frame_keeps_what_it_cannot_read():
    df = pd.DataFrame(
        {
            "basis": ["委託（法27条5項1号）", "gift"],
            "encrypted": ["〇", "perhaps"],
            "start_date": ["R8.5.15", "soon"],
        },
        dtype="str",
    )
    out = canonical_frame(schema.FLOWS, df)
    assert out.to_dict("list") == {
        "basis": ["outsourcing", "gift"],
        "encrypted": ["true", "perhaps"],
        "start_date": ["2026-05-15", "soon"],
    }


# --- the property: the same value in all three paths ---------------------------------------------------


def _forms_of_date(day: dt.date) -> list[str]:
    forms = [
        day.isoformat(),
        f"{day.year}/{day.month:02d}/{day.day:02d}",
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
    ]
    for era, letter, first, last in (
        ("令和", "R", dt.date(2019, 5, 1), None),
        ("平成", "H", dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    ):
        if first <= day and (last is None or day <= last):
            n = day.year - first.year + 1
            year = "元" if n == 1 else str(n)
            forms += [f"{era}{year}年{day.month}月{day.day}日", f"{letter}{n}.{day.month}.{day.day}"]
            forms.append(unicodedata.normalize("NFKC", forms[-2]).translate(_FULL_WIDTH))
    return forms


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
TRUE_FORMS = ["true", "TRUE", "yes", "1", "はい", "〇", "○"]
FALSE_FORMS = ["false", "no", "0", "いいえ", "×"]


@pytest.fixture(scope="module")
def small_ledger(tmp_path_factory):
    """A tiny valid ledger and its workbook, copied for each example."""
    base = tmp_path_factory.mktemp("formats")
    ledger = base / "ledger"
    synthesize(ledger, SynthSpec(items=3, partners=2, flows=3, seed=1))
    raw = read_raw(ledger)
    book = base / "ledger.xlsx"
    export_workbook(raw.tables, raw.organisation, book)
    return ledger, book.read_bytes()


def _set_org(text: str, key: str, value: str) -> str:
    lines = [line for line in text.splitlines() if not line.startswith(f"{key}:")]
    return "\n".join([*lines, f"{key}: {value}"]) + "\n"  # written by hand: unquoted


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    day=st.dates(dt.date(1989, 1, 8), dt.date(2060, 12, 31)),
    date_form=st.integers(0, 20),
    flag=st.booleans(),
    bool_form=st.integers(0, 20),
)
def test_a_value_in_any_accepted_form_is_the_same_in_csv_workbook_and_yaml(
    small_ledger, day, date_form, flag, bool_form
):
    ledger, book_bytes = small_ledger
    forms = _forms_of_date(day)
    date_text = forms[date_form % len(forms)]
    words = TRUE_FORMS if flag else FALSE_FORMS
    bool_text = words[bool_form % len(words)]
    with tempfile.TemporaryDirectory() as tmp:
        csv_ledger = Path(tmp) / "ledger"
        shutil.copytree(ledger, csv_ledger)
        partners = read(csv_ledger, "partners.csv")
        partners.loc[0, "contract_date"] = date_text
        write(csv_ledger, "partners.csv", partners)
        items = read(csv_ledger, "items.csv")
        items.loc[0, "special_care"] = bool_text
        write(csv_ledger, "items.csv", items)
        org = csv_ledger / "organisation.yaml"
        text = _set_org(org.read_text(encoding="utf-8"), "policy_date", date_text)
        org.write_text(_set_org(text, "covers_subsidiaries", bool_text), encoding="utf-8")

        wb = load_workbook(io.BytesIO(book_bytes))
        for sheet, key, value in (
            ("提供先", "contract_date", date_text),
            ("項目", "special_care", bool_text),
        ):
            ws = wb[sheet]
            col = next(c for c in ws[1] if c.value == key).column_letter
            ws[f"{col}3"] = value  # as typed: text
        rows = {r[0].value: r[0].row for r in wb["組織"].iter_rows(min_row=3)}
        wb["組織"][f"C{rows['policy_date']}"] = date_text
        wb["組織"][f"C{rows['covers_subsidiaries']}"] = bool_text
        book = Path(tmp) / "ledger.xlsx"
        wb.save(book)

        for path in (csv_ledger, book):
            inv = load_inventory(path)
            assert inv.partners["contract_date"][0].date() == day, (path.name, date_text)
            assert bool(inv.items["special_care"][0]) is flag, (path.name, bool_text)
            assert inv.org("policy_date") == day, (path.name, date_text)
            assert inv.org("covers_subsidiaries") is flag, (path.name, bool_text)


def test_a_real_excel_date_and_boolean_read_as_the_text_forms_do(small_ledger, tmp_path):
    _, book_bytes = small_ledger
    wb = load_workbook(io.BytesIO(book_bytes))
    rows = {r[0].value: r[0].row for r in wb["組織"].iter_rows(min_row=3)}
    wb["組織"][f"C{rows['policy_date']}"] = dt.datetime(2026, 10, 1)
    wb["組織"][f"C{rows['covers_subsidiaries']}"] = True
    ws = wb["提供先"]
    col = next(c for c in ws[1] if c.value == "contract_date").column_letter
    ws[f"{col}3"] = dt.datetime(2026, 10, 1)
    wb.save(tmp_path / "b.xlsx")
    inv = load_inventory(tmp_path / "b.xlsx")
    assert inv.org("policy_date") == dt.date(2026, 10, 1) and inv.org("covers_subsidiaries") is True
    assert inv.partners["contract_date"][0].date() == dt.date(2026, 10, 1)


def test_organisation_yaml_reads_the_forms_and_reports_the_others(ledger):
    org = ledger / "organisation.yaml"
    text = _set_org(org.read_text(encoding="utf-8"), "policy_date", "令和8年5月15日")
    text = _set_org(text, "covers_subsidiaries", "いいえ")
    org.write_text(_set_org(text, "safety_measures_published", "〇"), encoding="utf-8")
    inv = load_inventory(ledger)
    assert inv.org("policy_date") == dt.date(2026, 5, 15)
    assert inv.org("covers_subsidiaries") is False and inv.org("safety_measures_published") is True
    org.write_text(_set_org(text, "safety_measures_published", "perhaps"), encoding="utf-8")
    problems = read_raw(ledger).all_problems()
    [p] = problems[problems["column"] == "safety_measures_published"].to_dict("records")
    assert p["code"] == "bool" and p["value"] == "perhaps" and "はい/いいえ" in p["expected"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("12000", 12000), ("12,000", 12000), ("1,000,000", 1000000), ("１２，０００", 12000), ("１２０００", 12000),
     (" 7 ", 7)],
)  # fmt: skip
def test_accepted_numbers(text, value):
    assert number_text(text) == str(value)
    assert parse_ints(pd.Series([text], dtype="str"))[0] == value


@pytest.mark.parametrize("text", ["1,2,3", "12,00", "12.000", "1e3", "十二", "12 000", "-5"])
def test_refused_numbers_stay_as_written(text):
    """Not a whole number as a person writes one: kept as typed for validation to report (a negative
    number parses, and its minimum is checked by validation)."""
    assert number_text(text) is None
    assert canonical_ints(pd.Series([text], dtype="str"))[0] == text


def test_a_number_with_separators_reads_the_same_in_csv_and_workbook(ledger, cli, tmp_path):
    items = read(ledger, "items.csv")
    items.loc[0, "records"] = "12,000"
    items.loc[1, "records"] = "３５０"
    write(ledger, "items.csv", items)
    inv = load_inventory(ledger)
    assert inv.items["records"][:2].tolist() == [12000, 350]
    book = tmp_path / "l.xlsx"
    assert cli("export-xlsx", ledger, book).code == 0
    wb = load_workbook(book)
    ws = wb["項目"]
    col = next(c for c in ws[1] if c.value == "records").column_letter
    ws[f"{col}3"] = "1,234"  # typed as text
    wb.save(book)
    assert cli("import-xlsx", book, tmp_path / "back").code == 0
    assert read(tmp_path / "back", "items.csv")["records"][0] == "1234"  # written in its plain form
