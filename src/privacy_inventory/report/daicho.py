"""The 個人情報管理台帳 as a Privacy Mark (JIS Q 15001) auditor expects it: one workbook, print-ready.

One row per item; where an item goes to different partners for different purposes, one row per such
group of purposes (so each row's purposes and partners belong together). The customary columns of
consultants' templates, values as labels (never codes), 【未記載】 where the ledger has no value, the
item's risk from `assess()`, and the last-confirmed date highlighted when the yearly confirmation is due.

Built a column at a time with pandas (a million flows give some 30,000 rows); written with openpyxl's
write-only workbook. Text that Excel would run as a formula (= + - @) is stored as text.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..assess.pipeline import Assessment
from ..errors import UsageError
from ..files import write_with
from ..frames import positions
from ..i18n import label, t
from ..ledger.excel import EXCEL_MAX_CELL
from ..ledger.schema import ITEMS, LIST_SEPARATOR, SOURCE_KINDS, Acquisition, Disposal, PartnerKind, Subject

LEDGER_REVIEW_RULE = "JISQ15001-ledger-review"
# (text key of the header, width in characters); the order is the sheet's
COLUMNS: tuple[tuple[str, int], ...] = (
    ("number", 10),
    ("item", 18),
    ("subjects", 12),
    ("records", 10),
    ("purposes", 40),
    ("acquisition", 16),
    ("storage", 34),
    ("access", 22),
    ("use_until", 14),
    ("retention", 14),
    ("disposal", 16),
    ("partners", 40),
    ("department", 12),
    ("manager", 12),
    ("special_care", 8),
    ("my_number", 8),
    ("risk", 16),
    ("last_confirmed", 12),
    ("source", 30),
)
MAX_CELL = 32_000  # Excel holds 32,767 characters in a cell; a longer list is cut with "… and N more"
EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's date serials (1900 system)
_WARN = PatternFill("solid", fgColor="FCE4D6")
_HEADER = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass
class DaichoResult:
    path: Path
    rows: int
    items: int
    overdue: int  # rows whose item's confirmation is due (JIS Q 15001: at least yearly)


# --- the rows ------------------------------------------------------------------------------------------


def _missing(lang: str) -> str:
    return t("daicho.missing", lang)


def _text(s: pd.Series, lang: str) -> pd.Series:
    """Text column with 【未記載】 where empty."""
    s = s.astype("string").str.strip()
    return s.where(s.notna() & s.ne(""), _missing(lang)).astype(object)


def _labels(s: pd.Series, vocabulary, lang: str) -> pd.Series:
    """Codes → labels (several codes of a multi-valued cell joined); 【未記載】 where empty."""
    table = vocabulary.labels(lang)
    sep = t("daicho.list_sep", lang)

    def one(value: Any) -> str:
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            return _missing(lang)
        codes = [c.strip() for c in str(value).split(LIST_SEPARATOR) if c.strip()]
        return sep.join(table.get(c, c) for c in codes) or _missing(lang)

    uniques = pd.Series(s.unique())
    mapped = dict(zip(uniques.astype(object), uniques.map(one), strict=True))
    return s.astype(object).map(mapped)


def _flag(s: pd.Series, lang: str) -> pd.Series:
    yes, no = t("daicho.yes", lang), t("daicho.no", lang)
    return pd.Series(np.where(s.isna(), _missing(lang), np.where(s.fillna(False), yes, no)), index=s.index)


def _fit(parts: list[str], sep: str, lang: str) -> str:
    """Join parts, cut so the cell stays within Excel's limit."""
    text = sep.join(parts)
    if len(text) <= MAX_CELL:
        return text
    kept, size = [], 0
    for part in parts:
        if size + len(part) + len(sep) > MAX_CELL - 40:
            break
        kept.append(part)
        size += len(part) + len(sep)
    return sep.join(kept) + t("daicho.more", lang, n=len(parts) - len(kept))


def _row_groups(a: Assessment) -> pd.DataFrame:
    """(item_id, purpose keys, partner signature) per row: an item's purposes grouped by the set of
    partners its flows for that purpose go to. Statutory flows (no purpose) are a group of their own."""
    inv = a.inventory
    flows = inv.flows
    pkey = flows["purpose_id"].astype("string").fillna("")
    links = (
        pd.DataFrame(
            {
                "item_id": flows["item_id"].astype(str),
                "purpose": pkey.astype(str),
                "partner_id": flows["partner_id"].astype(str),
            }
        )
        .drop_duplicates()
        .sort_values(["item_id", "purpose", "partner_id"], kind="stable")
    )
    signature = links.groupby(["item_id", "purpose"], sort=False)["partner_id"].agg("\x1f".join).rename("sig")
    pairs = pd.concat(
        [
            pd.DataFrame(
                {"item_id": inv.uses["item_id"].astype(str), "purpose": inv.uses["purpose_id"].astype(str)}
            ),
            signature.index.to_frame(index=False),
        ],
        ignore_index=True,
    ).drop_duplicates()
    pairs = pairs.merge(signature.reset_index(), on=["item_id", "purpose"], how="left")
    pairs["sig"] = pairs["sig"].fillna("")
    # order: items as in the ledger, purposes as in the ledger, statutory last
    item_pos = positions(inv.items["item_id"], pairs["item_id"])
    purpose_pos = positions(inv.purposes["purpose_id"], pairs["purpose"])
    pairs["item_pos"] = item_pos
    pairs["purpose_pos"] = np.where(pairs["purpose"].eq(""), len(inv.purposes), purpose_pos)
    pairs = pairs[pairs["item_pos"] >= 0].sort_values(["item_pos", "purpose_pos"], kind="stable")
    rows = (
        pairs.groupby(["item_pos", "sig"], sort=False)
        .agg(purposes=("purpose", list), first=("purpose_pos", "min"))
        .reset_index()
        .sort_values(["item_pos", "first"], kind="stable")
        .reset_index(drop=True)
    )
    # items that have neither purposes nor flows still get their row (APPI-17-1 reports them)
    lonely = np.setdiff1d(np.arange(len(inv.items)), rows["item_pos"].to_numpy())
    if len(lonely):
        extra = pd.DataFrame({"item_pos": lonely, "sig": "", "purposes": [[] for _ in lonely], "first": -1})
        rows = pd.concat([rows, extra], ignore_index=True).sort_values(["item_pos", "first"], kind="stable")
        rows = rows.reset_index(drop=True)
    return rows


def _purpose_texts(a: Assessment, rows: pd.DataFrame, lang: str) -> list[str]:
    p = a.inventory.purposes
    text = p["text_ja"] if lang == "ja" else p["text_en"].fillna(p["text_ja"])
    by_id = dict(zip(p["purpose_id"].astype(str), (p["purpose_id"] + " " + text).astype(str), strict=True))
    by_id[""] = t("daicho.statutory", lang)
    return [_fit([by_id.get(k, k) for k in keys], "\n", lang) or _missing(lang) for keys in rows["purposes"]]


def _partner_texts(a: Assessment, rows: pd.DataFrame, lang: str) -> list[str]:
    """Per row: its partners grouped by kind (委託先：A、B ／ 共同利用者：C)."""
    partners = a.inventory.partners
    names = partners["name"] if lang == "ja" else partners["name_en"].fillna(partners["name"])
    kind_order = {k: i for i, k in enumerate(PartnerKind.codes())}
    info = {
        pid: (kind_order.get(kind, 99), label(kind, PartnerKind, lang), name)
        for pid, kind, name in zip(partners["partner_id"], partners["kind"], names, strict=True)
    }
    sep = t("daicho.list_sep", lang)
    cache: dict[str, str] = {}
    out = []
    for sig in rows["sig"]:
        if sig in cache:
            out.append(cache[sig])
            continue
        if not sig:
            text = t("daicho.no_partners", lang)
        else:
            groups: dict[tuple[int, str], list[str]] = {}
            for pid in sig.split("\x1f"):
                order, kind, name = info.get(pid, (99, "?", pid))
                groups.setdefault((order, kind), []).append(name)
            parts = [
                t("daicho.partner_group", lang, kind=kind, names=_fit(names, sep, lang))
                for (_, kind), names in sorted(groups.items())
            ]
            text = _fit(parts, "\n", lang)
        cache[sig] = text
        out.append(text)
    return out


def _storage(items: pd.DataFrame, lang: str) -> pd.Series:
    parts = {
        "system": items["system"],
        "location": items["storage_location"],
        "method": items["storage_method"],
    }
    present = pd.concat([s.notna() for s in parts.values()], axis=1).any(axis=1)
    lines = [
        pd.Series([t(f"daicho.storage.{key}", lang, value=v) for v in _text(s, lang)], index=items.index)
        for key, s in parts.items()
    ]
    joined = lines[0].str.cat(lines[1:], sep="\n")
    return joined.where(present, _missing(lang))


# ledger columns of items → the sheet's column that shows them (to name assumed values as the sheet does)
_SHOWN_IN = {
    "records": "records",
    "retention": "retention",
    "acquisition": "acquisition",
    "system": "storage",
    "storage_location": "storage",
    "storage_method": "storage",
    "access_holders": "access",
    "use_until": "use_until",
    "disposal": "disposal",
    "department_id": "department",
    "last_confirmed": "last_confirmed",
    "subjects": "subjects",
    "special_care": "special_care",
    "my_number": "my_number",
}


def _source(items: pd.DataFrame, lang: str) -> pd.Series:
    """出典：基本方針 別記1-3 ／ 仮定の値：件数、保管期限 … (the source's kind as a word, not a code)."""
    names = {c.name: (c.ja if lang == "ja" else c.en) for c in ITEMS.columns}
    names |= {col: t(f"daicho.col.{key}", lang) for col, key in _SHOWN_IN.items()}
    kinds = {k: t(f"daicho.source.{k}", lang) for k in SOURCE_KINDS}
    sep = t("daicho.list_sep", lang)
    out = []
    for source, assumed in zip(items["source"], items["assumed"], strict=True):
        kind, _, where = str(source).partition(":")
        text = t("daicho.source", lang, source=(kinds.get(kind, kind) + (" " + where if where else "")))
        if isinstance(assumed, str) and assumed:
            cols = dict.fromkeys(names.get(c, c) for c in assumed.split(";"))
            text += "\n" + t("daicho.assumed", lang, columns=sep.join(cols))
        out.append(text)
    return pd.Series(out, index=items.index)


def daicho_frame(a: Assessment, lang: str = "ja") -> pd.DataFrame:
    """The ledger's rows as the sheet shows them: one column per header (COLUMNS), values as text,
    counts as numbers, dates as dates; `_overdue` and `_high` mark cells to highlight."""
    inv = a.inventory
    items = inv.items.reset_index(drop=True)
    rows = _row_groups(a)
    pos = rows["item_pos"].to_numpy()

    deps = inv.departments.set_index("department_id")
    dep_name = deps["name"] if lang == "ja" else deps["name_en"].fillna(deps["name"])
    risk = a.risk.items.set_index("item_id").reindex(items["item_id"])
    model = a.model
    level_names = {lvl: model.level_label(lvl, lang) for lvl in model.levels}
    risk_text = [
        t(
            "daicho.risk",
            lang,
            inherent=level_names.get(i, _missing(lang)),
            residual=level_names.get(r, _missing(lang)),
        )
        for i, r in zip(risk["level"].astype(object), risk["residual_level"].astype(object), strict=True)
    ]
    found = a.findings
    overdue_ids = set(
        found.loc[found["rule_id"].eq(LEDGER_REVIEW_RULE) & found["subject_table"].eq("items"), "subject_id"]
    )

    per_item = pd.DataFrame(
        {
            "item": items["name_ja"] if lang == "ja" else items["name_en"].fillna(items["name_ja"]),
            "subjects": _labels(items["subjects"], Subject, lang),
            "records": items["records"].astype(object).where(items["records"].notna(), _missing(lang)),
            "acquisition": _labels(items["acquisition"], Acquisition, lang),
            "storage": _storage(items, lang),
            "access": _text(items["access_holders"], lang),
            "use_until": _text(items["use_until"], lang),
            "retention": _text(items["retention"], lang),
            "disposal": _labels(items["disposal"], Disposal, lang),
            "department": _text(items["department_id"].map(dep_name), lang),
            "manager": _text(items["department_id"].map(deps["manager"]), lang),
            "special_care": _flag(items["special_care"], lang),
            "my_number": _flag(items["my_number"], lang),
            "risk": risk_text,
            "last_confirmed": [d.date() if pd.notna(d) else _missing(lang) for d in items["last_confirmed"]],
            "source": _source(items, lang),
            "_overdue": items["item_id"].isin(overdue_ids).to_numpy(),
            "_high": risk["residual_level"].astype(object).isin(model.high_levels).to_numpy(),
        }
    )
    out = per_item.iloc[pos].reset_index(drop=True)
    ids = items["item_id"].to_numpy()[pos]
    n_rows = pd.Series(ids).map(pd.Series(ids).value_counts())
    seq = pd.Series(ids).groupby(ids, sort=False).cumcount() + 1
    out.insert(0, "number", np.where(n_rows.to_numpy() > 1, ids + "-" + seq.astype(str).to_numpy(), ids))
    out.insert(4, "purposes", _purpose_texts(a, rows, lang))
    out.insert(out.columns.get_loc("department"), "partners", _partner_texts(a, rows, lang))
    return out[[name for name, _ in COLUMNS] + ["_overdue", "_high"]]


# --- the workbook --------------------------------------------------------------------------------------


def _styles(wb: Workbook) -> None:
    top = Alignment(wrap_text=True, vertical="top")
    for name, fill, fmt in (
        ("daicho_text", None, "General"),
        ("daicho_warn", _WARN, "General"),
        ("daicho_count", None, "#,##0"),
        ("daicho_date", None, "yyyy-mm-dd"),
        ("daicho_date_warn", _WARN, "yyyy-mm-dd"),
    ):
        style = NamedStyle(name=name, alignment=top, border=_BORDER, number_format=fmt)
        if fill is not None:
            style.fill = fill
        wb.add_named_style(style)
    header = NamedStyle(
        name="daicho_header",
        font=Font(bold=True),
        fill=_HEADER,
        border=_BORDER,
        alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
    )
    wb.add_named_style(header)


class _Cells:
    """Styled write-only cells. A named style is resolved once per sheet and its style array copied onto
    each cell (setting `cell.style` by name looks it up every time: seconds on half a million cells)."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.arrays: dict[str, Any] = {}

    def __call__(self, value: Any, style: str, row: int = 1, col: int = 0) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws)
        try:
            cell.value = value
        except IllegalCharacterError:
            where = f"{self.ws.title}!{get_column_letter(col + 1)}{row}"
            raise UsageError(t("excel.control_character", cell=where, value=repr(value))) from None
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever it starts with (= + - @)
        array = self.arrays.get(style)
        if array is None:
            cell.style = style
            self.arrays[style] = copy(cell._style)
        else:
            cell._style = copy(array)
        return cell


def _page_setup(ws, org: str, as_of: dt.date, lang: str, n_rows: int) -> None:
    last = get_column_letter(len(COLUMNS))
    ws.freeze_panes = "C2"  # the header and the number and item columns stay in view
    ws.auto_filter.ref = f"A1:{last}{n_rows + 1}"
    ws.print_title_rows = "1:1"  # the header repeats on every printed page
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A3
    ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    header = t("daicho.page_header", lang, org=org).replace("&", "&&")
    ws.oddHeader.left.text = header
    ws.oddHeader.right.text = t("daicho.page_as_of", lang, as_of=as_of.isoformat())
    ws.oddFooter.center.text = t("daicho.page_number", lang)


def _xml_text(value: str, where: Callable[[], str]) -> str:
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise UsageError(t("excel.control_character", cell=where(), value=repr(value)))
    if len(value) > EXCEL_MAX_CELL:  # Excel would cut it: refused, as export-xlsx refuses it
        raise UsageError(t("excel.too_long", cells=where(), limit=EXCEL_MAX_CELL, longest=len(value)))
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _rows_xml(frame: pd.DataFrame, style_ids: dict[str, int], sheet: str) -> str:
    """The data rows of the sheet as SpreadsheetML, a column at a time: text as inline strings (never a
    formula, whatever it starts with), counts as numbers, dates as date serials, each cell styled."""
    names = [name for name, _ in COLUMNS]
    n = len(frame)
    warn = {"last_confirmed": frame["_overdue"].to_numpy(), "risk": frame["_high"].to_numpy()}
    columns = []
    for j, name in enumerate(names):
        letter = get_column_letter(j + 1)
        flags = warn.get(name, np.zeros(n, dtype=bool))
        cells = []
        for i, (value, flag) in enumerate(zip(frame[name].tolist(), flags.tolist(), strict=True)):
            ref = f"{letter}{i + 2}"
            if isinstance(value, dt.date):
                sid = style_ids["daicho_date_warn" if flag else "daicho_date"]
                cells.append(f'<c r="{ref}" s="{sid}"><v>{(value - EXCEL_EPOCH).days}</v></c>')
            elif isinstance(value, int | np.integer) and not isinstance(value, bool):
                cells.append(f'<c r="{ref}" s="{style_ids["daicho_count"]}"><v>{int(value)}</v></c>')
            else:
                sid = style_ids["daicho_warn" if flag else "daicho_text"]
                text = _xml_text(str(value), lambda ref=ref: f"{sheet}!{ref}")
                cells.append(
                    f'<c r="{ref}" s="{sid}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
                )
        columns.append(cells)
    return "".join(
        f'<row r="{i + 2}">' + "".join(row) + "</row>" for i, row in enumerate(zip(*columns, strict=True))
    )


def _with_rows(book: bytes, sheet_file: str, rows: str, target: Path) -> None:
    """Copy the workbook openpyxl wrote, with the data rows put into the sheet after its header row."""
    with zipfile.ZipFile(io.BytesIO(book)) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == sheet_file:
                if data.count(b"</sheetData>") != 1 or b'<row r="1">' not in data:
                    raise RuntimeError(f"{sheet_file}: not the sheet openpyxl was asked to write")
                data = data.replace(b"</sheetData>", rows.encode("utf-8") + b"</sheetData>")
            zout.writestr(info, data, compresslevel=1)


def write_daicho(a: Assessment, out: Path, lang: str = "ja") -> DaichoResult:
    """Write the 個人情報管理台帳 workbook for `a` (atomically) and say how many rows it holds.

    openpyxl writes the workbook (styles, header, print setup, notes); the data rows are written as
    SpreadsheetML directly and put into the sheet: openpyxl's write-only cells cost some 30 µs each,
    half a minute for the rows of a million-flow ledger."""
    frame = daicho_frame(a, lang)
    org = str(a.inventory.org("name") or "")
    wb = Workbook(write_only=True)
    _styles(wb)
    sheet = t("daicho.sheet", lang)
    ws = wb.create_sheet(sheet)  # the first sheet: xl/worksheets/sheet1.xml
    for j, (_, width) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(j)].width = width
    _page_setup(ws, org, a.as_of, lang, len(frame))
    style_ids = {}
    for name in ("daicho_text", "daicho_warn", "daicho_count", "daicho_date", "daicho_date_warn"):
        proto = WriteOnlyCell(ws)
        proto.style = name
        style_ids[name] = proto.style_id  # registers the style with the workbook
    rows = _rows_xml(frame, style_ids, sheet)  # before openpyxl starts writing: a bad value stops here
    cell = _Cells(ws)
    ws.append([cell(t(f"daicho.col.{name}", lang), "daicho_header") for name, _ in COLUMNS])
    notes = wb.create_sheet(t("daicho.notes_sheet", lang))
    notes.column_dimensions["A"].width = 120
    note = _Cells(notes)
    for key in ("title", "generated", "rows", "missing", "risk", "confirmed", "assumed"):
        text = t(f"daicho.note.{key}", lang, ledger=str(a.inventory.path), as_of=a.as_of.isoformat())
        notes.append([note(text, "daicho_text")])
    book = io.BytesIO()
    wb.save(book)
    write_with(out, lambda tmp: _with_rows(book.getvalue(), "xl/worksheets/sheet1.xml", rows, tmp))
    return DaichoResult(out, len(frame), len(a.inventory.items), int(frame["_overdue"].sum()))
