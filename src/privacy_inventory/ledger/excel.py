"""The ledger as an Excel workbook for the people who fill it in (個人情報管理台帳.xlsx): exported with
guidance, imported with the same validation as the CSV ledger, every problem named by its cell
(`提供・受領!C17`).

A table's sheet:
- row 1 (hidden): the column keys, what a machine reads. Import also reads a workbook without this row
  (the Japanese names in row 1 instead) and the older layout (keys in row 1, data from row 2).
- row 2: the Japanese column names, each with a comment (Japanese, English, key, allowed values); the
  autofilter sits on this row, and panes are frozen below it and right of the id column.
- row 3 on: one row per fact. Choices show their Japanese labels (import reads labels, English labels
  and codes), yes/no is はい/いいえ, dates are dates. Every typed column has a dropdown or a date/number
  check with an input message and an error alert (a warning where several values or new ids are allowed).

Other sheets: はじめに (the guide), 組織 (organisation.yaml, one fact per row), 項目×提供先 (the matrix:
ticks become flows, see matrix.py) and 選択肢 (hidden: the dropdown lists).

Safety: text that Excel would run as a formula (= + - @, tab, CR) is written as text; a formula found
in an imported workbook is never evaluated, it is an error naming its cell.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml
from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation

from ..errors import UsageError, os_reason
from ..files import write_with
from ..i18n import Vocabulary, both, t
from .formats import FORMAT_RULES, codes_from_labels, normalise, parse_bools, parse_dates, parse_ints
from .inventory import dotted_get
from .matrix import (
    HEADER_KEYS,
    ITEM_HEADER,
    MATRIX_SHEET,
    RECORDED,
    TICK,
    MatrixColumn,
    MatrixSheet,
    Tick,
    cell_mark,
    columns_from_flows,
    flows_from_ticks,
    row_key,
    row_label,
)
from .schema import (
    FLOWS,
    LIST_SEPARATOR,
    ORGANISATION_FIELDS,
    ORGANISATION_SHEET,
    SOURCE_HELP,
    TABLES,
    TABLES_BY_NAME,
    Basis,
    Column,
    OrgField,
    Table,
)
from .textio import FORMULA_PREFIXES
from .validate import ProblemCode, example_rows, problem

GUIDE_SHEET = "はじめに"
LISTS_SHEET = "選択肢"
ORG_SHEET = ORGANISATION_SHEET
OLD_SHEET_NAMES = {ORG_SHEET: "organisation", LISTS_SHEET: "lists", GUIDE_SHEET: "README"}  # before issue 15
KEY_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3
BOOL_LABELS = ("はい", "いいえ")
SPARE_ROWS = 1000  # validations reach past the last row, so new rows get dropdowns too
SPARE_COLUMNS = 20  # and past the matrix's last column, for new partners
MATRIX_MAX_COLUMNS = 2000  # a larger matrix is written with one column per partner and no ●
MATRIX_MAX_CELLS = 2_000_000
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
EXAMPLE_FILL = PatternFill("solid", fgColor="EDEDED")
HEADER_FONT = Font(bold=True)
KEY_FONT = Font(color="808080", size=8)
EXAMPLE_FONT = Font(italic=True, color="595959")
TITLE_FONT = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_WIDTH = 60
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted (password) xlsx and legacy .xls


def _bilingual(key: str, limit: int, **values: object) -> str:
    """A text as 'Japanese\\nEnglish', within Excel's limit for that field (255 for messages)."""
    ja, en = both(key, **values)
    return _clip(f"{ja}\n{en}", limit)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- export ------------------------------------------------------------------------------------------


def _labels_of(col: Column | OrgField) -> dict[str, str]:
    return {m.value: m.ja for m in col.allowed or []}


def _typed_column(col: Column, text: pd.Series) -> list[Any]:
    """Cell values for a column of ledger text, converted a column at a time: choices as their Japanese
    labels, yes/no as はい/いいえ, dates as dates, counts as numbers; a value that does not parse stays
    text (so nothing is lost); missing stays empty."""
    present = text.notna().to_numpy()
    raw = text.astype(object).where(text.notna(), None).tolist()
    if col.kind == "enum" and col.allowed is not None:
        labels = _labels_of(col)
        if col.multiple:
            typed = []
            for value in raw:
                parts = [p.strip() for p in str(value).split(LIST_SEPARATOR)] if value is not None else []
                known = parts and all(p in labels for p in parts)
                typed.append(LIST_SEPARATOR.join(labels[p] for p in parts) if known else None)
        else:
            typed = [labels.get(v) if v is not None else None for v in raw]
    elif col.kind == "date":
        parsed = parse_dates(text)
        typed = [
            d.date() if ok else None
            for d, ok in zip(parsed.dt.to_pydatetime(), parsed.notna().to_numpy(), strict=True)
        ]
    elif col.kind == "bool":
        parsed = parse_bools(text.astype("str"))
        typed = [None if b is pd.NA else BOOL_LABELS[0] if b else BOOL_LABELS[1] for b in parsed.tolist()]
    elif col.kind == "int":
        typed = [None if n is pd.NA else int(n) for n in parse_ints(text).tolist()]
    else:
        return [None if v is None else str(v) for v in raw]
    return [t if t is not None else (r if p else None) for t, r, p in zip(typed, raw, present, strict=True)]


def _cell(ws, value: Any, sheet: str, row: int, col: int, style: tuple | None = None) -> Any:
    """A plain value where Excel cannot misread it; a text cell where it could run as a formula."""
    plain = value is None or isinstance(value, bool | int | float)
    if style is None and (plain or (isinstance(value, str) and not value.startswith(FORMULA_PREFIXES))):
        return value  # openpyxl stores other strings as text already
    cell = WriteOnlyCell(ws)
    try:
        cell.value = value
    except IllegalCharacterError:
        ref = f"{get_column_letter(col + 1)}{row}"
        raise UsageError(t("excel.control_character", cell=f"{sheet}!{ref}", value=repr(value))) from None
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever it starts with
        if value.startswith(FORMULA_PREFIXES):
            cell.style = "Normal"
            cell.alignment = Alignment(horizontal="left")
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    if style is not None:
        cell.fill, cell.font = style
    return cell


def _text_cell(ws, text: str) -> Cell:
    """A cell that holds text as text (a header or label from the ledger may start with =)."""
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    return cell


class _Lists:
    """The hidden sheet of dropdown lists: one column per list, referenced as a range."""

    def __init__(self) -> None:
        self.columns: list[tuple[str, list[str]]] = []
        self.ranges: dict[str, str] = {}

    def add(self, name: str, values: list[str]) -> str:
        if name not in self.ranges:
            letter = get_column_letter(len(self.columns) + 1)
            self.columns.append((name, values))
            self.ranges[name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${max(2, len(values) + 1)}"
        return self.ranges[name]

    def vocabulary(self, vocabulary: type[Vocabulary]) -> str:
        return self.add(vocabulary.__name__, [m.ja for m in vocabulary])

    def ids(self, tables: dict[str, pd.DataFrame], reference: str) -> str:
        target, key = reference.split(".")
        df = tables.get(target)
        values = [] if df is None or key not in df else df[key].dropna().astype(str).tolist()
        return self.add(reference, values)

    def write(self, wb: Workbook) -> None:
        ws = wb.create_sheet(LISTS_SHEET)
        ws.sheet_state = "hidden"
        ws.append([name for name, _ in self.columns])
        longest = max((len(v) for _, v in self.columns), default=0)
        for i in range(longest):  # ids are ledger text: one starting with = stays text
            row = [values[i] if i < len(values) else None for _, values in self.columns]
            ws.append([_cell(ws, v, LISTS_SHEET, i + 2, j) for j, v in enumerate(row)])


def _dv(kind: str | None, formula1: str | None = None, *, warn: bool = False, title: str, prompt: str,
        error: str = "", operator: str | None = None, allow_blank: bool = True) -> DataValidation:  # fmt: skip
    dv = DataValidation(
        type=kind,
        formula1=formula1,
        operator=operator,
        allow_blank=allow_blank,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="warning" if warn else "stop",
        errorTitle=_clip(" / ".join(both("xlsx.error.title")), 32),
        error=_clip(error, 255) or None,
        promptTitle=_clip(title, 32),
        prompt=_clip(prompt, 255),
    )
    return dv


def _validation(col: Column, lists: _Lists, tables: dict[str, pd.DataFrame]) -> DataValidation | None:
    """The dropdown or check of a column, with its input message (Japanese, then English)."""
    need = "\n" + " / ".join(both("xlsx.prompt.required")) if col.required else ""
    if col.kind == "enum" and col.allowed is not None:
        key = "many" if col.multiple else "one"
        return _dv("list", lists.vocabulary(col.allowed), warn=col.multiple, title=col.ja,
                   prompt=_bilingual(f"xlsx.prompt.choose_{key}", 250) + need,
                   error=_bilingual(f"xlsx.error.choose_{key}", 255))  # fmt: skip
    if col.kind == "ref" and col.references:
        sheet = TABLES_BY_NAME[col.references.split(".")[0]].sheet
        key = "many" if col.multiple else "one"
        return _dv("list", lists.ids(tables, col.references), warn=True, title=col.ja,
                   prompt=_bilingual(f"xlsx.prompt.ref_{key}", 250, sheet=sheet, example=col.example) + need,
                   error=_bilingual("xlsx.error.ref", 255, sheet=sheet))  # fmt: skip
    if col.kind == "bool":
        return _dv("list", f'"{",".join(BOOL_LABELS)}"', title=col.ja,
                   prompt=_bilingual("xlsx.prompt.bool", 250) + need, error=_bilingual("xlsx.error.bool", 255))  # fmt: skip
    if col.kind == "date":
        return _dv("date", "DATE(1900,1,1)", operator="greaterThan", title=col.ja,
                   prompt=_bilingual("xlsx.prompt.date", 250) + need, error=_bilingual("xlsx.error.date", 255))  # fmt: skip
    if col.kind == "int":
        floor = col.minimum or 0
        return _dv("whole", str(floor), operator="greaterThanOrEqual", title=col.ja,
                   prompt=_bilingual("xlsx.prompt.int", 250, minimum=floor) + need,
                   error=_bilingual("xlsx.error.int", 255, minimum=floor))  # fmt: skip
    hint = col.pattern_help or (SOURCE_HELP if col.name == "source" else "")
    if hint or col.required:
        return _dv(
            None,
            title=col.ja,
            prompt=_clip(f"{col.ja}：{col.en}" + (f"\n{hint}" if hint else "") + need, 255),
        )
    return None


def _header_comment(col: Column) -> Comment:
    """Japanese, English, the key, and what the column takes (bilingual: the header shows Japanese)."""

    def both_ways(key: str) -> str:
        return " / ".join(both(key))

    lines = [col.ja, col.en, f"{both_ways('xlsx.comment.key')}: {col.name}"]
    if col.kind == "enum":
        lines.append(f"{both_ways('xlsx.comment.choices')}:")
        lines += [f"・{m.ja} = {m.value}" for m in col.allowed or []]
    elif col.kind == "ref" and col.references:
        target, key = col.references.split(".")
        table = TABLES_BY_NAME[target]
        lines.append(f"→ {table.sheet} ({target}): {table.column(key).ja}")
    if col.multiple:
        lines.append(col.values_help())
    elif col.kind in ("date", "bool"):
        lines.append(both_ways(f"xlsx.comment.{col.kind}"))
    if col.required:
        lines.append(both_ways("xlsx.comment.required"))
    comment = Comment("\n".join(lines), "privacy-inventory")
    comment.width, comment.height = 320, min(60 + 16 * len(lines), 400)
    return comment


def _width(values: pd.Series, header: str) -> float:
    sample = values.dropna().astype(str).head(500)
    longest = max([len(header), *(len(v) for v in sample)], default=len(header))
    wide = any(ord(c) > 0x2E7F for c in header + "".join(sample.head(20)))
    return min(MAX_WIDTH, 4 + longest * (2 if wide else 1.1))


def _check_storable(tables: dict[str, pd.DataFrame]) -> None:
    """Excel cannot store most control characters: name the first such cell before writing anything."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for table in TABLES:
        df = tables.get(table.name)
        if df is None:
            continue
        for j, name in enumerate(df.columns):
            bad = (
                df[name]
                .astype("string")
                .str.contains(ILLEGAL_CHARACTERS_RE.pattern, regex=True)
                .fillna(False)
            )
            if bad.any():
                i = int(bad.to_numpy().nonzero()[0][0])
                cell = f"{table.sheet}!{get_column_letter(j + 1)}{i + FIRST_ROW}"
                raise UsageError(t("excel.control_character", cell=cell, value=repr(df[name].iloc[i])))


EXCEL_MAX_CELL = 32_767  # characters in one cell; Excel cuts (and a re-import would lose) the rest


def _check_lengths(tables: dict[str, pd.DataFrame], organisation: dict) -> None:
    """Refuse, before writing anything, a ledger with a value longer than a cell holds. Refused rather
    than warned about: the workbook is for editing and importing back, and a cut value would come back
    cut, losing text silently; every such cell is named (flows!N17) so that it can be shortened."""
    cells: list[str] = []
    longest = 0
    for table in TABLES:
        df = tables.get(table.name)
        if df is None:
            continue
        for j, name in enumerate(df.columns):
            lengths = df[name].astype("string").str.len()
            over = lengths.gt(EXCEL_MAX_CELL).fillna(False).to_numpy()
            if over.any():
                longest = max(longest, int(lengths[over].max()))
                cells += [
                    f"{table.sheet}!{get_column_letter(j + 1)}{i + FIRST_ROW}" for i in over.nonzero()[0]
                ]
    for i, fld in enumerate(ORGANISATION_FIELDS, FIRST_ROW):  # the organisation sheet: its value column
        value = dotted_get(organisation, fld.path)
        if isinstance(value, str) and len(value) > EXCEL_MAX_CELL:
            longest = max(longest, len(value))
            cells.append(f"{ORG_SHEET}!C{i}")
    if cells:
        shown = ", ".join(cells[:20]) + (t("excel.more_cells", n=len(cells) - 20) if len(cells) > 20 else "")
        raise UsageError(t("excel.too_long", cells=shown, limit=EXCEL_MAX_CELL, longest=longest))


def export_workbook(tables: dict[str, pd.DataFrame], organisation: dict, out: Path) -> None:
    """Write the ledger (text frames as read from CSV) to an .xlsx workbook for people, atomically."""
    _check_storable(tables)
    _check_lengths(tables, organisation)
    wb = Workbook(write_only=True)
    lists = _Lists()
    _write_guide(wb.create_sheet(GUIDE_SHEET))
    _write_organisation(wb.create_sheet(ORG_SHEET), organisation, lists)
    for table in TABLES:
        if table.name == "flows":
            _write_matrix(wb.create_sheet(MATRIX_SHEET), tables, lists)
        df = tables.get(table.name, pd.DataFrame(columns=table.column_names))
        _write_table(wb.create_sheet(table.sheet), table, df, lists, tables)
    lists.write(wb)
    write_with(out, wb.save)


def _write_table(ws, table: Table, df: pd.DataFrame, lists: _Lists, tables: dict[str, pd.DataFrame]) -> None:
    cols = list(table.columns)
    extra = [c for c in df.columns if c not in table.column_names]
    last = get_column_letter(len(cols) + len(extra))
    ws.freeze_panes = f"B{FIRST_ROW}"
    ws.row_dimensions[KEY_ROW].hidden = True
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(len(df), 1)}"
    end = FIRST_ROW + len(df) + SPARE_ROWS
    for j, col in enumerate(cols, 1):
        letter = get_column_letter(j)
        values = df[col.name] if col.name in df else pd.Series(dtype="str")
        ws.column_dimensions[letter].width = _width(values, col.ja)
        dv = _validation(col, lists, tables)
        if dv is not None:
            dv.add(f"{letter}{FIRST_ROW}:{letter}{end}")
            ws.data_validations.append(dv)
    keys = [_text_cell(ws, name) for name in [c.name for c in cols] + extra]
    for cell in keys:
        cell.font = KEY_FONT
    ws.append(keys)
    header = []
    for col in cols:
        cell = WriteOnlyCell(ws, value=col.ja)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
        cell.comment = _header_comment(col)
        header.append(cell)
    header += [_text_cell(ws, name) for name in extra]
    ws.append(header)
    frame = df.reindex(columns=[c.name for c in cols] + extra)
    specs = cols + [Column(name, "text", "", "") for name in extra]
    columns = [_typed_column(spec, frame[spec.name]) for spec in specs]
    examples = example_rows(table, frame).to_numpy()
    for i, row in enumerate(zip(*columns, strict=True)):
        style = (EXAMPLE_FILL, EXAMPLE_FONT) if examples[i] else None
        ws.append([_cell(ws, v, table.sheet, i + FIRST_ROW, j, style) for j, v in enumerate(row)])


def _org_value(fld: OrgField, value: Any) -> Any:
    if value is None or value == "":
        return None
    if fld.kind == "bool" and isinstance(value, bool):
        return BOOL_LABELS[0] if value else BOOL_LABELS[1]
    if fld.kind == "enum" and fld.allowed is not None:
        return _labels_of(fld).get(str(value), value)
    if fld.kind == "date" and isinstance(value, str):
        parsed = parse_dates(pd.Series([value], dtype="str"))[0]
        return value if pd.isna(parsed) else parsed.date()
    if not isinstance(value, str | bool | int | float | dt.date):
        return str(value)  # a list or a mapping, which the schema check reports: as its text
    return value


def _write_organisation(ws, organisation: dict, lists: _Lists) -> None:
    """One fact per row: key (hidden column A), its Japanese name, the value, the source, English."""
    ws.freeze_panes = f"C{FIRST_ROW}"
    ws.row_dimensions[KEY_ROW].hidden = True
    ws.column_dimensions["A"].hidden = True
    for letter, width in zip("BCDE", (34, 50, 28, 50), strict=True):
        ws.column_dimensions[letter].width = width
    ws.auto_filter.ref = f"A{HEADER_ROW}:E{HEADER_ROW + len(ORGANISATION_FIELDS)}"
    ws.append([WriteOnlyCell(ws, value=k) for k in ("key", "label", "value", "source", "english")])
    header = []
    for key in ("key", "label", "value", "source", "english"):
        cell = WriteOnlyCell(ws, value=t(f"xlsx.org.{key}", "ja"))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        header.append(cell)
    ws.append(header)
    sources = organisation.get("sources") or {}
    sources = sources if isinstance(sources, dict) else {}
    for i, fld in enumerate(ORGANISATION_FIELDS, FIRST_ROW):
        kind = {"bool": "bool", "date": "date", "enum": "enum"}.get(fld.kind, "text")
        spec = Column(fld.path, kind, fld.ja, fld.en, required=fld.required, allowed=fld.allowed)  # type: ignore[arg-type]
        dv = _validation(spec, lists, {})
        if dv is not None:
            dv.add(f"C{i}")
            ws.data_validations.append(dv)
        value = _org_value(fld, dotted_get(organisation, fld.path))
        row = [fld.path, fld.ja, value, sources.get(fld.path.split(".")[0]), fld.en]
        ws.append([_cell(ws, v, ORG_SHEET, i, j) for j, v in enumerate(row)])


# The guide's sections (shown in the workbook and in docs/ledger.md): (section title key, its text keys).
GUIDE_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("xlsx.guide.section.about", ("xlsx.guide.about", "xlsx.guide.header", "xlsx.guide.dropdowns",
                                  "xlsx.guide.key_row")),
    ("xlsx.guide.section.examples", ("xlsx.guide.examples",)),
    ("xlsx.guide.section.sheets", ()),  # one row per sheet: SHEET_ORDER
    ("formats.title", FORMAT_RULES),
    ("xlsx.guide.section.matrix", ("xlsx.guide.matrix", "xlsx.guide.matrix_header", "xlsx.guide.matrix_cells",
                                   "xlsx.guide.matrix_record")),
    ("xlsx.guide.section.import", ("xlsx.guide.import", "xlsx.guide.formulas")),
)  # fmt: skip


def sheet_order() -> list[tuple[str, str]]:
    """The workbook's sheets in order, each with the key of its description (xlsx.sheet.<key>)."""
    tables = [(tb.sheet, tb.name) for tb in TABLES]
    at = next(i for i, (_, name) in enumerate(tables) if name == "flows")
    return [(GUIDE_SHEET, "guide"), (ORG_SHEET, "organisation"), *tables[:at], (MATRIX_SHEET, "matrix"),
            *tables[at:]]  # fmt: skip


def guide_rows() -> list[tuple[str, str, str]]:
    """The guide as (section, Japanese, English) rows."""
    rows: list[tuple[str, str, str]] = []
    for title, keys in GUIDE_SECTIONS:
        section = t(title, "ja")
        if title == "xlsx.guide.section.sheets":
            for sheet, key in sheet_order():
                rows.append((section, *(f"{sheet}：{text}" for text in both(f"xlsx.sheet.{key}"))))
        rows += [(section, *both(key)) for key in keys]
    return rows


def _write_guide(ws) -> None:
    """The guide: what each sheet is, how to fill it in, the formats, the matrix, the examples (Japanese
    first, English beside it). Column A names the section, so the filter can show one."""
    ws.freeze_panes = "A3"
    for letter, width in zip("ABC", (22, 80, 80), strict=True):
        ws.column_dimensions[letter].width = width
    rows = guide_rows()
    ws.auto_filter.ref = f"A2:C{2 + len(rows)}"
    title = WriteOnlyCell(ws, value=t("xlsx.guide.title", "ja"))
    title.font = TITLE_FONT
    ws.append([title, None, t("xlsx.guide.title", "en")])
    header = []
    for key in ("section", "ja", "en"):
        cell = WriteOnlyCell(ws, value=t(f"xlsx.guide.column.{key}", "ja"))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        header.append(cell)
    ws.append(header)
    for name, ja, en in rows:
        cells = [WriteOnlyCell(ws, value=v) for v in (name, ja, en)]
        for cell in cells:
            cell.alignment = WRAP
        ws.append(cells)


def _write_matrix(ws, tables: dict[str, pd.DataFrame], lists: _Lists) -> None:
    """Items down, one column per partner × purpose × basis × arrangement across, ● where flows has it."""
    items = tables.get("items", pd.DataFrame(columns=["item_id", "name_ja"]))
    partners = tables.get("partners", pd.DataFrame(columns=["partner_id", "name", "kind"]))
    flows = _basis_as_codes(tables.get("flows", pd.DataFrame(columns=FLOWS.column_names)))
    columns, recorded = columns_from_flows(flows, partners)
    item_ids = items.get("item_id", pd.Series(dtype="str")).astype("string").fillna("").tolist()
    too_large = len(columns) > MATRIX_MAX_COLUMNS or len(columns) * len(item_ids) > MATRIX_MAX_CELLS
    if too_large:
        # too large to read by eye: one empty column per partner, no ● (the flows sheet has them all)
        columns, recorded = columns_from_flows(flows.iloc[0:0], partners)
        columns = columns[:MATRIX_MAX_COLUMNS]
    names = dict(zip(partners.get("partner_id", []), partners.get("name", []), strict=True))
    basis_labels = {m.value: m.ja for m in Basis}
    first = 3  # column C
    last = get_column_letter(first + len(columns) - 1 + SPARE_COLUMNS)
    header_row = len(HEADER_KEYS) + 1
    end = header_row + len(item_ids) + SPARE_ROWS
    ws.freeze_panes = f"C{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(max(first, first + len(columns) - 1))}{header_row + max(len(item_ids), 1)}"
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 14, 30
    for j in range(first, first + len(columns) + SPARE_COLUMNS):
        ws.column_dimensions[get_column_letter(j)].width = 14
    rows_of = {key: i for i, key in enumerate(HEADER_KEYS, 1)}
    span = f"C{{row}}:{last}{{row}}"
    for key, kind, source in (
        ("partner_id", "ref", lists.ids(tables, "partners.partner_id")),
        ("purpose_id", "ref", lists.ids(tables, "purposes.purpose_id")),
        ("basis", "enum", lists.vocabulary(Basis)),
        ("joint_use_id", "ref", lists.ids(tables, "joint_uses.joint_use_id")),
    ):
        dv = _dv("list", source, warn=kind == "ref", title=row_label(key),
                 prompt=_bilingual(f"matrix.prompt.{key}", 255),
                 error=_bilingual("xlsx.error.choose_one" if kind == "enum" else "matrix.error.ref", 255))  # fmt: skip
        dv.add(span.format(row=rows_of[key]))
        ws.data_validations.append(dv)
    item_dv = _dv("list", lists.ids(tables, "items.item_id"), warn=True, title=row_label(ITEM_HEADER),
                  prompt=_bilingual("matrix.prompt.item_id", 255), error=_bilingual("matrix.error.ref", 255))  # fmt: skip
    item_dv.add(f"A{header_row + 1}:A{end}")
    ws.data_validations.append(item_dv)
    tick_dv = _dv("list", f'"{TICK}"', warn=True, title=_clip(t("matrix.prompt.tick_title", "ja"), 32),
                  prompt=_bilingual("matrix.prompt.tick", 255), error=_bilingual("matrix.error.tick", 255))  # fmt: skip
    tick_dv.add(f"C{header_row + 1}:{last}{end}")
    ws.data_validations.append(tick_dv)

    def label_cell(text: str) -> Cell:
        cell = _text_cell(ws, text)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        return cell

    values = {
        "partner_id": [c.partner_id for c in columns],
        "partner_name": [names.get(c.partner_id) for c in columns],
        "purpose_id": [c.purpose_id for c in columns],
        "basis": [basis_labels.get(c.basis or "", c.basis) for c in columns],
        "joint_use_id": [c.joint_use_id for c in columns],
    }
    for key in HEADER_KEYS:
        hint = t("matrix.too_large" if too_large and key == "partner_name" else f"matrix.hint.{key}", "ja")
        cells = [_cell(ws, v, MATRIX_SHEET, rows_of[key], j + 2) for j, v in enumerate(values[key])]
        if key in ("partner_id", "partner_name"):
            cells = [_bold(ws, c) for c in cells]
        ws.append([label_cell(row_label(key)), hint, *cells])
    heads = [f"{c.partner_id} {c.purpose_id or ''}".strip() for c in columns]
    ws.append([label_cell(row_label(ITEM_HEADER)), label_cell(t("matrix.item_name", "ja")),
               *(label_cell(h) for h in heads)])  # fmt: skip
    by_item: dict[str, set[int]] = {}
    for item, j in recorded:
        by_item.setdefault(item, set()).add(j)
    item_names = items.get("name_ja", pd.Series([None] * len(items), index=items.index)).tolist()
    width = len(columns)
    for i, (item, name) in enumerate(zip(item_ids, item_names, strict=True), header_row + 1):
        marks = [None] * width
        for j in by_item.get(item, ()):
            marks[j] = RECORDED
        ws.append([_cell(ws, item or None, MATRIX_SHEET, i, 0), _cell(ws, name, MATRIX_SHEET, i, 1), *marks])


def _bold(ws, value: Any) -> Any:
    cell = value if isinstance(value, Cell) else WriteOnlyCell(ws, value=value)
    cell.font = HEADER_FONT
    cell.alignment = WRAP
    return cell


# --- import ------------------------------------------------------------------------------------------


@dataclass
class SheetLayout:
    """Where a table's rows and columns are on its sheet, to name a problem's cell."""

    name: str
    columns: list[str]  # what each column holds, from column A: a key, or the header as written
    first_row: int  # the sheet row of the first data row (3 below the key and header rows)
    by_letter: bool = False  # problems name their column by its letter and their row as on the sheet

    def locate(self, row: int | None, column: str | None) -> tuple[int | None, str | None]:
        if self.by_letter:
            sheet_row, letter = row, column
        else:
            sheet_row = None if row is None else row + self.first_row - 2  # problems count as a CSV does
            column = (column or "").split("+")[0]  # a composite key: its first column
            letter = get_column_letter(self.columns.index(column) + 1) if column in self.columns else None
        cell = f"{self.name}!{letter}{sheet_row}" if letter and sheet_row else None
        return sheet_row, cell


@dataclass
class WorkbookLayout:
    """Where everything was found in a workbook: the sheets of the tables, their rows and columns, the
    cells of the organisation's facts."""

    tables: dict[str, str] = field(default_factory=dict)  # table name → its sheet's name
    sheets: dict[str, SheetLayout] = field(default_factory=dict)  # by sheet name
    org_sheet: str = ORG_SHEET
    org_cells: dict[str, tuple[int, str]] = field(default_factory=dict)  # key → (row, column letter)

    def sheet_of(self, table: Table) -> str:
        return self.tables.get(table.name, table.sheet)

    def locate(self, file: str, row: int | None, column: str | None) -> tuple[int | None, str | None]:
        """(the sheet row, the cell) of a problem as the checks report it (rows counted as in a CSV)."""
        if file == self.org_sheet and column in self.org_cells:
            sheet_row, letter = self.org_cells[column]
            return sheet_row, f"{file}!{letter}{sheet_row}"
        layout = self.sheets.get(file)
        return (row, None) if layout is None else layout.locate(row, column)


@dataclass
class WorkbookRead:
    tables: dict[str, pd.DataFrame]
    organisation: dict
    problems: list[dict]
    layout: WorkbookLayout
    added_flows: list[str] = field(default_factory=list)


# An .xlsx is a zip of XML. Its parts are checked before anything is decompressed: a few MB can hold GBs
# of XML (whitespace or one giant cell) that a parser would then hold in memory. The 1M-flow synthetic
# ledger's workbook is 60 MB holding 587 MB of XML, its parts compressed 2–12× (20× for a tiny drawing).
MAX_WORKBOOK_ENV = "PRIVACY_INVENTORY_MAX_WORKBOOK_MB"
DEFAULT_MAX_WORKBOOK_MB = 2_000  # uncompressed: 3.4× the 1M-flow workbook
MAX_RATIO = 100  # uncompressed ÷ compressed, for any part over RATIO_FLOOR and for the whole workbook
RATIO_FLOOR = 1_000_000  # smaller parts may compress as well as they like: they stay small
MAX_PARTS = 10_000


def max_workbook_bytes() -> int:
    """The limit on a workbook's uncompressed size: $PRIVACY_INVENTORY_MAX_WORKBOOK_MB (megabytes) or
    DEFAULT_MAX_WORKBOOK_MB."""
    value = os.environ.get(MAX_WORKBOOK_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_WORKBOOK_MB * 1_000_000
    try:
        mb = float(value)
    except ValueError:
        mb = -1
    if not mb > 0:
        raise UsageError(t("excel.bad_limit", env=MAX_WORKBOOK_ENV, value=value))
    return int(mb * 1_000_000)


_MISSING_PART = re.compile(r"no item named '(?P<part>[^']+)'")


def workbook_damage(exc: BaseException) -> str:
    """Why a workbook cannot be opened, for a person: what is damaged, not the library's exception."""
    if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
        return os_reason(exc)
    missing = _MISSING_PART.search(str(exc))
    if missing:
        return t("excel.damage.missing_part", part=missing.group("part"))
    if isinstance(exc, zipfile.BadZipFile | zipfile.LargeZipFile) or "zip" in str(exc).lower():
        return t("excel.damage.zip")
    if (
        "xml" in type(exc).__module__.lower()
        or "xml" in type(exc).__name__.lower()
        or "Parse" in type(exc).__name__
    ):
        return t("excel.damage.xml")
    return t("excel.damage.other")


def check_zip_sizes(path: Path, limit: int | None = None) -> None:
    """Refuse a workbook whose parts would decompress to more than `limit` bytes in all, or that
    compress suspiciously well (a zip bomb), reading only the zip's directory."""
    limit = max_workbook_bytes() if limit is None else limit
    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UsageError(t("excel.not_xlsx_detail", path=path, detail=workbook_damage(exc))) from None
    if len(parts) > MAX_PARTS:
        raise UsageError(t("excel.too_many_parts", path=path, n=len(parts), limit=MAX_PARTS))
    total = sum(p.file_size for p in parts)
    packed = sum(p.compress_size for p in parts)
    if total > limit:
        raise UsageError(t("excel.too_big", path=path, size=total // 1_000_000, limit=limit // 1_000_000,
                           env=MAX_WORKBOOK_ENV))  # fmt: skip
    for part in [*parts, None]:
        name, size, comp = (
            (part.filename, part.file_size, part.compress_size) if part else ("*", total, packed)
        )
        if size > RATIO_FLOOR and size > MAX_RATIO * max(comp, 1):
            raise UsageError(t("excel.bomb", path=path, part=name, size=size // 1_000_000,
                               packed=max(1, comp // 1_000), ratio=size // max(comp, 1), limit=MAX_RATIO))  # fmt: skip


def _check_container(path: Path) -> None:
    if not path.is_file():
        raise UsageError(t("load.no_workbook", path=path))
    with path.open("rb") as f:
        head = f.read(8)
    if head == _OLE_MAGIC:
        raise UsageError(t("excel.legacy", path=path))
    if not zipfile.is_zipfile(path):
        raise UsageError(t("excel.not_xlsx", path=path))
    check_zip_sizes(path)


def _text(value: Any) -> str | None:
    """Cell value → ledger text (what the CSV would hold)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return (
            value.date().isoformat()
            if value.time() == dt.time(0)
            else value.isoformat(sep=" ", timespec="minutes")
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if text.strip() else None


def _is_formula(cell: Any) -> bool:
    return cell is not None and getattr(cell, "data_type", None) == "f"


def _find_sheet(names: list[str], *wanted: str) -> str | None:
    return next((name for name in wanted if name in names), None)


def _columns(rows: list, table: Table) -> tuple[list[str], int]:
    """What each column holds, and how many header rows there are: the key row and the Japanese
    header (2), only the keys (1: an older workbook), or only the names (1: the key row deleted)."""
    if not rows:
        return [], 1
    first = [_header_text(c) for c in rows[0]]
    keys = set(table.column_names)
    names = {normalise(c.en).casefold(): c.name for c in table.columns}
    names |= {normalise(c.ja).casefold(): c.name for c in table.columns}

    def named(text: str) -> str | None:
        return names.get(normalise(text).casefold()) if text else None

    n_keys = sum(h in keys for h in first)
    n_names = sum(named(h) is not None for h in first if h not in keys)
    if n_keys and n_keys >= n_names:
        second = [_header_text(c) for c in rows[1]] if len(rows) > 1 else []
        matches = sum(
            1 for k, h in zip(first, second, strict=False) if k in keys and (named(h) == k or h == k)
        )
        if matches * 2 < n_keys:
            return first, 1
        # a column added with only a Japanese header (no key above it) is read by that header
        width = max(len(first), len(second))
        first, second = first + [""] * (width - len(first)), second + [""] * (width - len(second))
        return [k or named(h) or h for k, h in zip(first, second, strict=False)], 2
    if n_names:
        return [named(h) or h for h in first], 1
    return first, 1


def _header_text(cell: Any) -> str:
    return str(cell.value).strip() if cell is not None and cell.value is not None else ""


def _read_table(wb, sheet: str, table: Table, problems: list[dict]) -> tuple[pd.DataFrame, SheetLayout]:
    ws = wb[sheet]
    full, header_rows = _columns(list(ws.iter_rows(min_row=1, max_row=2)), table)
    while full and not full[-1]:
        full.pop()
    named = [j for j, h in enumerate(full) if h]  # columns without a header are not part of the table
    header = [full[j] for j in named]
    data: list[list[str | None] | None] = []
    # row by row, never the whole sheet as cells, and only up to the last named column: a sheet claiming
    # 16,384 columns costs nothing
    body = ws.iter_rows(min_row=header_rows + 1, max_col=max(len(full), 1)) if full else iter(())
    for r_index, row in enumerate(body, 2):  # numbered as a CSV would be (header = 1)
        values = []
        for j in named:
            cell = row[j] if j < len(row) else None
            if _is_formula(cell):
                problems.append(problem(sheet, r_index, full[j], cell.value,
                                        t("expected.not_formula"), code=ProblemCode.formula))  # fmt: skip
                values.append(None)
            else:
                values.append(None if cell is None else _text(cell.value))
        data.append(values if any(v is not None for v in values) else None)  # a blank row still counts
    while data and data[-1] is None:
        data.pop()
    filled = [v if v is not None else [None] * len(header) for v in data]
    df = pd.DataFrame(filled, columns=header, dtype="str") if header else pd.DataFrame()
    return df, SheetLayout(sheet, full, header_rows + 1)


def read_workbook(path: Path) -> WorkbookRead:
    """Every ledger sheet as text frames (the matrix's new ticks added to flows), the organisation, the
    problems found while reading (formula cells, missing sheets, unreadable ticks) and where everything
    is (to name each problem's cell)."""
    _check_container(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # a damaged zip or not a spreadsheet inside
        raise UsageError(t("excel.cannot_open", path=path, detail=workbook_damage(exc))) from None
    tables: dict[str, pd.DataFrame] = {}
    problems: list[dict] = []
    layout = WorkbookLayout()
    added: list[str] = []
    try:
        for table in TABLES:
            sheet = _find_sheet(wb.sheetnames, table.sheet, table.name)
            if sheet is None and table.optional:
                continue  # a workbook made before the table existed: the table is empty
            if sheet is None:
                expected = t(
                    "expected.sheet", sheet=table.sheet, name=table.name, sheets=", ".join(wb.sheetnames)
                )
                problems.append(
                    problem(table.sheet, None, None, None, expected, code=ProblemCode.missing_file)
                )
                continue
            layout.tables[table.name] = sheet
            tables[table.name], layout.sheets[sheet] = _read_table(wb, sheet, table, problems)
        organisation = _read_organisation(wb, layout, problems)
        matrix = _find_sheet(wb.sheetnames, MATRIX_SHEET)
        if matrix is not None and "flows" in tables:
            layout.sheets[matrix] = SheetLayout(matrix, [], 2, by_letter=True)
            added = _apply_matrix(_read_matrix(wb[matrix], matrix), tables, layout, problems)
    except (UsageError, KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a part that is damaged or not what an .xlsx holds, found while streaming it
        raise UsageError(t("excel.cannot_read", path=path, detail=workbook_damage(exc))) from None
    finally:
        wb.close()
    return WorkbookRead(tables, organisation, problems, layout, added)


_ORG_HEADERS = {"key": ("key", "キー"), "label": ("label", "項目"), "value": ("value", "値"),
                "source": ("source", "出典")}  # fmt: skip


def _read_organisation(wb, layout: WorkbookLayout, problems: list[dict]) -> dict:
    sheet = _find_sheet(wb.sheetnames, ORG_SHEET, OLD_SHEET_NAMES[ORG_SHEET])
    if sheet is None:
        problems.append(problem(ORG_SHEET, None, None, None, t("expected.org_sheet", sheet=ORG_SHEET),
                                code=ProblemCode.missing_file))  # fmt: skip
        return {}
    layout.org_sheet = sheet
    rows = list(wb[sheet].iter_rows())

    def position(row: Any) -> dict[str, int]:
        texts = [normalise(_header_text(c)).casefold() for c in row]
        return {k: texts.index(n) for k, names in _ORG_HEADERS.items() for n in names if n in texts}

    pos = position(rows[0]) if rows else {}
    if "value" not in pos:
        pos = {"key": 0, "value": 1, "source": 2}  # no header row that can be read: the oldest layout
    start = 2 if len(rows) > 1 and "value" in position(rows[1]) else 1
    by_name = {normalise(f.en).casefold(): f.path for f in ORGANISATION_FIELDS}
    by_name |= {normalise(f.ja).casefold(): f.path for f in ORGANISATION_FIELDS}
    known = {f.path for f in ORGANISATION_FIELDS}
    letter = get_column_letter(pos["value"] + 1)

    def at(row: Any, key: str) -> Any:
        j = pos.get(key)
        return row[j] if j is not None and j < len(row) else None

    data: dict = {"sources": {}}
    for r_index, row in enumerate(rows[start:], start + 1):
        key = _text(getattr(at(row, "key"), "value", None))
        label = _text(getattr(at(row, "label"), "value", None))
        path = key if key in known else by_name.get(normalise(label or "").casefold()) or key or label
        if not path:
            continue
        path = str(path).strip()
        layout.org_cells[path] = (r_index, letter)
        cell = at(row, "value")
        if _is_formula(cell):
            problems.append(
                problem(sheet, None, path, cell.value, t("expected.not_formula"), code=ProblemCode.formula)
            )
            continue
        value = cell.value if cell is not None else None
        if isinstance(value, str):
            value = value.strip() or None
        node = data
        parts = path.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
        source = _text(getattr(at(row, "source"), "value", None))
        if source:
            data["sources"][parts[0]] = source
    return data


def _read_matrix(ws, name: str) -> MatrixSheet:
    """The matrix as written: header rows found by what column A says, a column per filled header,
    the ticks below the item header row."""
    matrix = MatrixSheet(name)
    rows = list(ws.iter_rows())
    start = None
    for i, row in enumerate(rows, 1):
        key = row_key(_text(row[0].value) if row else None)
        if key == ITEM_HEADER:
            start = i
            break
        if key is not None:
            matrix.header_rows.setdefault(key, i)
    if start is None or "partner_id" not in matrix.header_rows:
        matrix.problems.append(problem(name, None, None, None, t("matrix.expected_layout"),
                                       code=ProblemCode.missing_column))  # fmt: skip
        return matrix
    width = max((len(r) for r in rows), default=0)
    for j in range(2, width):
        letter = get_column_letter(j + 1)
        values: dict[str, str | None] = {}
        for key, r in matrix.header_rows.items():
            if key == "partner_name":
                continue  # shown for the reader; the id is what counts
            cell = rows[r - 1][j] if j < len(rows[r - 1]) else None
            if _is_formula(cell):
                matrix.problems.append(problem(name, r, letter, cell.value, t("expected.not_formula"),
                                               code=ProblemCode.formula))  # fmt: skip
                continue
            text = _text(cell.value) if cell is not None else None
            values[key] = text.strip() if text else None
        if any(values.values()):
            matrix.columns[letter] = MatrixColumn(**values)
    for i, row in enumerate(rows[start:], start + 1):
        item = _text(row[0].value) if row else None
        for j in range(2, len(row)):
            cell = row[j]
            if cell.value is None:
                continue
            letter = get_column_letter(j + 1)
            if _is_formula(cell):
                matrix.problems.append(problem(name, i, letter, cell.value, t("expected.not_formula"),
                                               code=ProblemCode.formula))  # fmt: skip
                continue
            text = _text(cell.value)
            if text is None:
                continue
            mark = cell_mark(text)
            if mark is None:
                matrix.problems.append(problem(name, i, letter, text, t("matrix.expected_tick"),
                                               code=ProblemCode.invalid))  # fmt: skip
            elif mark:
                matrix.ticks.append(Tick(i, letter, item.strip() if item else None))
    return matrix


def _basis_as_codes(flows: pd.DataFrame) -> pd.DataFrame:
    """The flows with their basis as codes: the matrix reads only ids and the basis (the whole table's
    canonical form would cost a second pass over every column of every flow)."""
    if "basis" not in flows:
        return flows
    return flows.assign(basis=codes_from_labels(flows["basis"], Basis))


def _apply_matrix(matrix: MatrixSheet, tables: dict[str, pd.DataFrame], layout: WorkbookLayout,
                  problems: list[dict]) -> list[str]:  # fmt: skip
    """Add the matrix's new ticks to the flows table; return their new ids."""
    problems.extend(matrix.problems)
    if not matrix.ticks:
        return []
    flows = _basis_as_codes(tables["flows"])  # the flows sheet's basis as codes, to compare
    sheet_of = {table.name: layout.sheet_of(table) for table in TABLES}
    added, found = flows_from_ticks(matrix, {**tables, "flows": flows}, sheet_of)
    problems.extend(found)
    if added.empty:
        return []
    current = tables["flows"]
    tables["flows"] = (
        pd.concat([current, added.reindex(columns=current.columns)], ignore_index=True)
        if len(current.columns)
        else added
    )
    return added["flow_id"].tolist()


def write_csv_ledger(tables: dict[str, pd.DataFrame], organisation: dict, target: Path) -> None:
    """Write text tables as a CSV ledger (UTF-8) plus organisation.yaml into an existing folder."""
    for table in TABLES:
        df = tables.get(table.name, pd.DataFrame(columns=table.column_names))
        df = df.reindex(columns=table.column_names)
        df.to_csv(target / table.file, index=False, encoding="utf-8", lineterminator="\n")
    org = {k: v for k, v in organisation.items() if v not in (None, {}, "")}
    (target / "organisation.yaml").write_text(
        yaml.safe_dump(org, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
