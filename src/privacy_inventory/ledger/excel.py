"""The ledger as an Excel workbook (個人情報管理台帳.xlsx): exported with guidance, imported with the same
validation as the CSV ledger and cell-level errors (`flows!D17`).

Safety: text that Excel would run as a formula (= + - @, tab, CR) is written as text; a formula found
in an imported workbook is never evaluated, it is an error naming its cell.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import yaml
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation

from ..errors import UsageError
from ..files import write_with
from ..i18n import t
from .inventory import dotted_get
from .schema import ORGANISATION_FIELDS, TABLES, Column, Table
from .validate import ProblemCode, parse_bools, parse_dates, parse_ints, problem

README_SHEET = "README"
LISTS_SHEET = "lists"
ORG_SHEET = "organisation"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_FONT = Font(bold=True)
MAX_WIDTH = 60
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted (password) xlsx and legacy .xls


# --- export ------------------------------------------------------------------------------------------


def _typed_column(col: Column, text: pd.Series) -> list[Any]:
    """Cell values for a column of ledger text, converted a column at a time: dates, booleans and counts
    typed; a value that does not parse stays text (so nothing is lost); missing stays empty."""
    present = text.notna().to_numpy()
    raw = text.astype(object).where(text.notna(), None).tolist()
    if col.kind == "date":
        parsed = parse_dates(text)
        typed = [
            d.date() if ok else None
            for d, ok in zip(parsed.dt.to_pydatetime(), parsed.notna().to_numpy(), strict=True)
        ]
    elif col.kind == "bool":
        parsed = parse_bools(text.astype("str"))
        typed = [bool(b) if b is not pd.NA else None for b in parsed.tolist()]
    elif col.kind == "int":
        typed = [None if n is pd.NA else int(n) for n in parse_ints(text).tolist()]
    else:
        return [None if v is None else str(v) for v in raw]
    return [t if t is not None else (r if p else None) for t, r, p in zip(typed, raw, present, strict=True)]


def _cell(ws, value: Any, sheet: str, row: int, col: int) -> Any:
    """A plain value where Excel cannot misread it; a text cell where it could run as a formula."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str) and not value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return value  # openpyxl stores other strings as text already
    cell = WriteOnlyCell(ws)
    try:
        cell.value = value
    except IllegalCharacterError:
        ref = f"{get_column_letter(col + 1)}{row}"
        raise UsageError(
            f"{sheet}!{ref}: the value contains a control character Excel cannot store: {value!r}"
        ) from None
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever it starts with
        if value.startswith(("=", "+", "-", "@", "\t", "\r")):
            cell.style = "Normal"
            cell.alignment = Alignment(horizontal="left")
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def _lists(tables: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """Dropdown lists: every enum's allowed values and every referenced table's ids."""
    lists: dict[str, list[str]] = {}
    for table in TABLES:
        for col in table.columns:
            if col.kind == "enum":
                lists[f"enum:{table.name}.{col.name}"] = col.allowed.codes() if col.allowed else []
            elif col.kind == "ref":
                target, key = (col.references or ".").split(".")
                df = tables.get(target)
                lists[f"ref:{target}.{key}"] = [] if df is None else df[key].dropna().astype(str).tolist()
    return lists


def _header_comment(col: Column) -> Comment:
    text = f"{col.ja}\n{col.en}"
    if col.kind == "enum":
        text += "\n" + ", ".join(f"{m.value} ({m.ja})" for m in col.allowed or [])
        if col.multiple:
            text += "\n複数は ; で区切る / several: separate with ;"
    elif col.kind == "ref":
        text += f"\n→ {col.references}"
    if col.multiple:
        text += "\n" + col.values_help()
    elif col.kind == "date":
        text += "\nYYYY-MM-DD"
    if col.required:
        text += "\n必須 / required"
    comment = Comment(text, "privacy-inventory")
    comment.width, comment.height = 300, 140
    return comment


def _width(values: pd.Series, header: str) -> float:
    sample = values.dropna().astype(str).head(500)
    longest = max([len(header), *(len(v) for v in sample)], default=len(header))
    return min(
        MAX_WIDTH,
        4 + longest * (2 if any(ord(c) > 0x2E7F for c in header + "".join(sample.head(20))) else 1.1),
    )


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
                raise UsageError(f"{table.name}!{get_column_letter(j + 1)}{i + 2}: the value contains a control character "
                                 f"Excel cannot store: {df[name].iloc[i]!r}")  # fmt: skip


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
                cells += [f"{table.name}!{get_column_letter(j + 1)}{i + 2}" for i in over.nonzero()[0]]
    for i, fld in enumerate(ORGANISATION_FIELDS, 2):  # the organisation sheet: key, value, source
        value = dotted_get(organisation, fld.path)
        if isinstance(value, str) and len(value) > EXCEL_MAX_CELL:
            longest = max(longest, len(value))
            cells.append(f"{ORG_SHEET}!B{i}")
    if cells:
        shown = ", ".join(cells[:20]) + (t("excel.more_cells", n=len(cells) - 20) if len(cells) > 20 else "")
        raise UsageError(t("excel.too_long", cells=shown, limit=EXCEL_MAX_CELL, longest=longest))


def _org_value(value: Any) -> Any:
    """A value of organisation.yaml as a cell holds it: text, a number, a date, a yes/no (a list or a
    mapping, which the schema check reports, as its text)."""
    if value is None or isinstance(value, str | bool | int | float | dt.date):
        return value
    return str(value)


def export_workbook(tables: dict[str, pd.DataFrame], organisation: dict, out: Path) -> None:
    """Write the ledger (text frames as read from CSV) to an .xlsx workbook, atomically."""
    _check_storable(tables)
    _check_lengths(tables, organisation)
    wb = Workbook(write_only=True)
    readme = wb.create_sheet(README_SHEET)
    for line in _readme_lines():
        readme.append([line])
    lists = _lists(tables)
    list_ranges: dict[str, str] = {}
    lists_ws = wb.create_sheet(LISTS_SHEET)
    lists_ws.sheet_state = "hidden"
    columns = list(lists.items())
    longest = max((len(v) for _, v in columns), default=0)
    lists_ws.append([name for name, _ in columns])
    for i in range(longest):
        lists_ws.append([values[i] if i < len(values) else None for _, values in columns])
    for j, (name, values) in enumerate(columns, 1):
        letter = get_column_letter(j)
        list_ranges[name] = f"{LISTS_SHEET}!${letter}$2:${letter}${max(2, len(values) + 1)}"
    for table in TABLES:
        _write_table(wb, table, tables.get(table.name, pd.DataFrame(columns=table.column_names)), list_ranges)
    org = wb.create_sheet(ORG_SHEET)
    org.append(["key", "value", "source"])
    sources = organisation.get("sources") or {}
    sources = sources if isinstance(sources, dict) else {}
    for fld in ORGANISATION_FIELDS:
        value = dotted_get(organisation, fld.path)
        org.append(
            [
                fld.path,
                _org_value(value),
                _org_value(sources.get(fld.path.split(".")[0])),
            ]
        )
    write_with(out, wb.save)


def _write_table(wb: Workbook, table: Table, df: pd.DataFrame, list_ranges: dict[str, str]) -> None:
    ws = wb.create_sheet(table.name)
    ws.freeze_panes = "A2"
    cols = [c for c in table.columns]
    extra = [c for c in df.columns if c not in table.column_names]
    n = max(len(df), 1) + 1000  # validations reach past the last row so new rows get dropdowns too
    for j, col in enumerate(cols, 1):
        letter = get_column_letter(j)
        values = df[col.name] if col.name in df else pd.Series(dtype="str")
        ws.column_dimensions[letter].width = _width(values, col.name)
        key = (
            f"enum:{table.name}.{col.name}"
            if col.kind == "enum"
            else f"ref:{col.references}"
            if col.kind == "ref"
            else None
        )
        if key and key in list_ranges:
            dv = DataValidation(type="list", formula1=list_ranges[key], allow_blank=not col.required)
            if col.kind == "ref" or col.multiple:  # new ids on another sheet, or a;b: allowed, with a warning
                dv.errorStyle = "warning"
            dv.error = f"{col.en}: choose from the list"
            dv.add(f"{letter}2:{letter}{n}")
            ws.data_validations.append(dv)
        elif col.kind == "date":
            dv = DataValidation(
                type="date", operator="greaterThan", formula1="DATE(1900,1,1)", allow_blank=True
            )
            dv.error = "YYYY-MM-DD"
            dv.add(f"{letter}2:{letter}{n}")
            ws.data_validations.append(dv)
    header = []
    for col in cols:
        cell = WriteOnlyCell(ws, value=col.name)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.comment = _header_comment(col)
        header.append(cell)
    header += [WriteOnlyCell(ws, value=name) for name in extra]
    ws.append(header)
    frame = df.reindex(columns=[c.name for c in cols] + extra)
    specs = cols + [Column(name, "text", "", "") for name in extra]
    columns = [_typed_column(spec, frame[spec.name]) for spec in specs]
    for i, row in enumerate(zip(*columns, strict=True), 2):
        ws.append([_cell(ws, value, table.name, i, j) for j, value in enumerate(row)])


def _readme_lines() -> list[str]:
    return [
        "個人情報管理台帳（privacy-inventory）",
        "",
        "各シートが台帳の1つの表です（" + ", ".join([*(t.name for t in TABLES), ORG_SHEET]) + "）。",
        "見出しのコメントに列の意味（日本語・英語）と入力できる値があります。区分・種別・IDの列はプルダウンから選べます。",
        "複数の値を入れる列（共同利用の項目・共同利用者など）は ; で区切ります（例: I001;I002）。",
        "1行目（見出し）は変更しないでください。ID は文字列です（001 の 0 も残ります）。日付は YYYY-MM-DD、はい/いいえは TRUE/FALSE。",
        "数式は使えません（取り込み時にエラーになります）。= + - @ で始まる文字はそのまま文字として保存されます。",
        "取り込み: privacy-inventory import-xlsx このファイル.xlsx 出力先フォルダ — 誤りはセル番地（例: flows!D17）で示されます。",
        "",
        "One sheet per ledger table. Header comments give each column's meaning and allowed values; enum and id",
        "columns have dropdowns; a column of several values separates them with ; (I001;I002). Keep the header",
        "row. Formulas are not allowed (an imported formula is an error).",
        "Import: privacy-inventory import-xlsx THIS.xlsx OUT_DIR — problems are reported by cell, e.g. flows!D17.",
    ]


# --- import ------------------------------------------------------------------------------------------


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


def check_zip_sizes(path: Path, limit: int | None = None) -> None:
    """Refuse a workbook whose parts would decompress to more than `limit` bytes in all, or that
    compress suspiciously well (a zip bomb), reading only the zip's directory."""
    limit = max_workbook_bytes() if limit is None else limit
    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UsageError(f"{path}: not an .xlsx workbook ({exc})") from None
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
        raise UsageError(f"{path}: no such workbook")
    with path.open("rb") as f:
        head = f.read(8)
    if head == _OLE_MAGIC:
        raise UsageError(f"{path}: password-protected or legacy .xls workbook; save it unprotected as .xlsx")
    if not zipfile.is_zipfile(path):
        raise UsageError(f"{path}: not an .xlsx workbook")
    check_zip_sizes(path)


def _text(value: Any) -> str | None:
    """Cell value → ledger text (what the CSV would hold)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if text.strip() else None


def read_workbook(path: Path) -> tuple[dict[str, pd.DataFrame], dict, list[dict], dict[str, list[str]]]:
    """Every ledger sheet as text frames, the organisation, the problems found while reading (formula
    cells, missing sheets) and each sheet's header (for cell addresses)."""
    _check_container(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # a damaged zip or not a spreadsheet inside
        raise UsageError(
            f"{path}: cannot be opened as an .xlsx workbook ({type(exc).__name__}: {exc})"
        ) from None
    tables: dict[str, pd.DataFrame] = {}
    headers: dict[str, list[str]] = {}
    problems: list[dict] = []
    try:
        for table in TABLES:
            if table.name not in wb.sheetnames:
                problems.append(problem(table.name, None, None, None,
                                        f"a sheet named {table.name!r} (sheets: {', '.join(wb.sheetnames)})", code=ProblemCode.missing_file))  # fmt: skip
                continue
            tables[table.name], headers[table.name] = _read_sheet(wb[table.name], table, problems)
        organisation = _read_organisation(wb, problems)
    except (UsageError, KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a part that is damaged or not what an .xlsx holds, found while streaming it
        raise UsageError(
            f"{path}: cannot be read as an .xlsx workbook ({type(exc).__name__}: {exc})"
        ) from None
    finally:
        wb.close()
    return tables, organisation, problems, headers


def _read_sheet(ws, table: Table, problems: list[dict]) -> tuple[pd.DataFrame, list[str]]:
    """One sheet as a text frame, row by row (never the whole sheet in memory as cells), and its header.
    Only the columns up to the last named one are read: a sheet claiming 16,384 columns costs nothing."""
    first = next(ws.iter_rows(min_row=1, max_row=1), ())
    full = [str(c.value).strip() if c.value is not None else "" for c in first]
    while full and not full[-1]:
        full.pop()
    named = [j for j, h in enumerate(full) if h]  # columns without a header are not part of the table
    header = [full[j] for j in named]
    data: list[list[str | None] | None] = []
    if full:
        for r_index, row in enumerate(ws.iter_rows(min_row=2, max_col=len(full)), 2):
            values = []
            for j in named:
                cell = row[j] if j < len(row) else None
                if cell is not None and cell.data_type == "f":
                    problems.append(problem(table.name, r_index, full[j], cell.value,
                                            "a value, not a formula (formulas are not evaluated)", code=ProblemCode.formula))  # fmt: skip
                    values.append(None)
                else:
                    values.append(None if cell is None else _text(cell.value))
            # a blank row in the middle still counts (it keeps the numbering), trailing ones are dropped
            data.append(values if any(v is not None for v in values) else None)
    while data and data[-1] is None:
        data.pop()
    rows = [v if v is not None else [None] * len(header) for v in data]
    return (pd.DataFrame(rows, columns=header, dtype="str") if header else pd.DataFrame()), full


def _read_organisation(wb, problems: list[dict]) -> dict:
    if ORG_SHEET not in wb.sheetnames:
        problems.append(
            problem(
                ORG_SHEET, None, None, None, "a sheet named 'organisation'", code=ProblemCode.missing_file
            )
        )
        return {}
    data: dict = {"sources": {}}
    for r_index, row in enumerate(wb[ORG_SHEET].iter_rows(min_row=2, values_only=False), 2):
        key = row[0].value if row else None
        if not key:
            continue
        cell = row[1] if len(row) > 1 else None
        if cell is not None and cell.data_type == "f":
            problems.append(
                problem(
                    ORG_SHEET,
                    r_index,
                    "value",
                    cell.value,
                    "a value, not a formula",
                    code=ProblemCode.formula,
                )
            )
            continue
        value = cell.value if cell is not None else None
        if isinstance(value, dt.datetime):
            value = value.date()
        node = data
        parts = str(key).split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
        source = row[2].value if len(row) > 2 else None
        if source:
            data["sources"][parts[0]] = source
    return data


def cell_address(sheet: str, header: list[str], row: Any, column: Any) -> str | None:
    if row is None or pd.isna(row) or column not in header:
        return None
    return f"{sheet}!{get_column_letter(header.index(column) + 1)}{int(row)}"


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
