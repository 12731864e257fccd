"""The matrix sheet of the workbook (項目×提供先): items down, partners across, and a 〇 where an item
goes to a partner. Import turns each new 〇 into a row of flows.csv.

A column is one partner with one purpose, basis and (for joint use) arrangement, picked in the header
rows above the items. Export writes one column per partner × purpose × basis × arrangement found in
flows.csv, with ● where a flow is already recorded, plus one empty column for each partner with no flow
(its usual basis preselected), so that the officer only has to tick.

What a cell says:
- 〇 (or ○ ◯ ✓ はい 1 true, any yes word of formats.py): this item goes to this partner for this
  purpose — a new flow, unless flows already has one with the same item, partner, purpose and basis.
- ● (written by export): recorded in the flows sheet already; import ignores it.
- empty, × (any no word): nothing.

The flows sheet stays the record: removing a ● does not delete a flow (delete its row in 提供・受領),
and a ● whose flow row was deleted or changed does not bring it back. New flow ids continue the ledger's
numbering (F0192, F0193, … in sheet order: top to bottom, then left to right), never reusing an id.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from ..i18n import t
from .formats import code_of, normalise, parse_bool
from .schema import EXAMPLE_PREFIX, FLOWS, STATUTORY_BASES, TABLES_BY_NAME, Basis, Direction, PartnerKind
from .validate import ProblemCode, choices, column_label, problem

MATRIX_SHEET = "項目×提供先"
RECORDED = "●"
TICK = "〇"
TICK_MARKS = ("✓", "✔")  # ticks besides the yes words of formats.py
MATRIX_SOURCE = f"record:{MATRIX_SHEET}"

# The header rows above the items, in this order; column A names each (Japanese; the key is read too).
HEADER_KEYS = ("partner_id", "partner_name", "purpose_id", "basis", "joint_use_id")
ITEM_HEADER = "item_id"

# A partner with no flow yet gets one column with the basis its kind usually has.
USUAL_BASIS = {
    PartnerKind.joint_user: Basis.joint_use,
    PartnerKind.outsourcee: Basis.outsourcing,
    PartnerKind.sub_outsourcee: Basis.outsourcing,
    PartnerKind.third_party: Basis.consent,
    PartnerKind.statutory: Basis.statutory_law,
    PartnerKind.entrusting_coop: Basis.inbound_entrusted,
    PartnerKind.internal: Basis.internal,
}


def row_label(key: str) -> str:
    """What column A says for a header row (the flows column's Japanese name)."""
    if key == "partner_name":
        return t("matrix.partner_name", "ja")
    if key == ITEM_HEADER:
        return TABLES_BY_NAME["items"].column("item_id").ja
    return FLOWS.column(key).ja


def row_key(text: str | None) -> str | None:
    """The header row a column-A text names (Japanese name or key), or None."""
    if not text:
        return None
    wanted = normalise(text).casefold()
    for key in (*HEADER_KEYS, ITEM_HEADER):
        if wanted in (key, normalise(row_label(key)).casefold()):
            return key
    return None


@dataclass(frozen=True)
class MatrixColumn:
    partner_id: str | None
    purpose_id: str | None = None
    basis: str | None = None  # a code, or as typed (a label) when read from a sheet
    joint_use_id: str | None = None


@dataclass(frozen=True)
class Tick:
    row: int  # the sheet row
    letter: str  # the sheet column
    item_id: str | None


@dataclass
class MatrixSheet:
    """A matrix sheet as read: header rows, columns and ticks (cells are not yet judged)."""

    name: str
    header_rows: dict[str, int] = field(default_factory=dict)  # key → sheet row
    columns: dict[str, MatrixColumn] = field(default_factory=dict)  # column letter → its header
    ticks: list[Tick] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)  # cells that are neither a tick nor empty, …


def cell_mark(text: str) -> bool | None:
    """A matrix cell: True for a tick (〇), False for nothing (empty, ×, ●), None when unreadable."""
    if text.strip() in (RECORDED, *TICK_MARKS):
        return text.strip() != RECORDED
    return parse_bool(text)


# --- export: the matrix from flows -----------------------------------------------------------------------


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) or str(value) == "" else str(value)


def columns_from_flows(
    flows: pd.DataFrame, partners: pd.DataFrame
) -> tuple[list[MatrixColumn], set[tuple[str, int]]]:
    """The matrix of a ledger: its columns (partners in their order; for each, the purpose × basis ×
    arrangement combinations of its flows in order of appearance, or one empty column with its usual
    basis) and the recorded cells as (item id, column index)."""
    columns: list[MatrixColumn] = []
    where: dict[MatrixColumn, int] = {}
    per_partner: dict[str, list[MatrixColumn]] = {}
    keys = ["item_id", "partner_id", "purpose_id", "basis", "joint_use_id"]
    frame = flows.reindex(columns=keys).drop_duplicates()
    for item, partner, purpose, basis, arrangement in frame.itertuples(index=False):
        partner = _text(partner)
        if partner is None or _text(item) is None:
            continue
        col = MatrixColumn(partner, _text(purpose), _text(basis), _text(arrangement))
        per_partner.setdefault(partner, [])
        if col not in per_partner[partner]:
            per_partner[partner].append(col)
    known = [p for p in partners.get("partner_id", pd.Series(dtype="str")).dropna().tolist()]
    kinds = dict(zip(known, partners.get("kind", pd.Series(index=partners.index)).tolist(), strict=True))
    for partner in [*known, *(p for p in per_partner if p not in known)]:
        found = per_partner.get(partner)
        if not found:
            usual = USUAL_BASIS.get(kinds.get(partner))  # type: ignore[arg-type]
            found = [MatrixColumn(partner, None, str(usual) if usual else None)]
        for col in found:
            if col not in where:
                where[col] = len(columns)
                columns.append(col)
    recorded = set()
    for item, partner, purpose, basis, arrangement in frame.itertuples(index=False):
        col = MatrixColumn(_text(partner), _text(purpose), _text(basis), _text(arrangement))
        if _text(item) is not None and col in where:
            recorded.add((str(item), where[col]))
    return columns, recorded


# --- import: ticks → flows -------------------------------------------------------------------------------


def next_ids(existing: pd.Series, n: int, default_prefix: str = "F", default_width: int = 4) -> list[str]:
    """n new ids continuing the ledger's numbering (its most common prefix and width), never reusing
    one. Example ids (例…) do not count."""
    used = set(existing.dropna().astype(str))
    shapes: Counter[tuple[str, int]] = Counter()
    numbers: dict[tuple[str, int], int] = {}
    for ident in used:
        m = re.fullmatch(r"(\D*)(\d+)", ident)
        if m and not ident.startswith(EXAMPLE_PREFIX):
            shape = (m[1], len(m[2]))
            shapes[shape] += 1
            numbers[shape] = max(numbers.get(shape, 0), int(m[2]))
    prefix, width = max(shapes, key=lambda s: (shapes[s], s)) if shapes else (default_prefix, default_width)
    number = numbers.get((prefix, width), 0)
    out: list[str] = []
    while len(out) < n:
        number += 1
        candidate = f"{prefix}{number:0{width}d}"
        if candidate not in used:
            out.append(candidate)
    return out


def _ids(tables: dict[str, pd.DataFrame], table: str, key: str) -> set[str]:
    df = tables.get(table)
    return set() if df is None or key not in df else set(df[key].dropna().astype(str))


def flows_from_ticks(
    sheet: MatrixSheet, tables: dict[str, pd.DataFrame], sheet_of: dict[str, str]
) -> tuple[pd.DataFrame, list[dict]]:
    """The new flows of the matrix's ticks, and the problems that kept a tick from becoming one (each at
    its cell: column = the column's letter, row = the sheet row). `tables` hold codes already (the flows
    sheet's basis especially); `sheet_of` names the sheets for messages."""
    flows = tables.get("flows", pd.DataFrame(columns=FLOWS.column_names))
    problems: list[dict] = []
    rows = sheet.header_rows

    def report(row: int, letter: str, value: object, expected: str, code: ProblemCode) -> None:
        problems.append(problem(sheet.name, row, letter, value, expected, code=code))

    known: dict[str, set[str]] = {}  # each table's ids, gathered once (not once per tick)

    def exists(value: str, table: str, key: str, row: int, letter: str) -> bool:
        if value.startswith(EXAMPLE_PREFIX):
            report(row, letter, value, t("formats.expected_not_example"), ProblemCode.example)
            return False
        if table not in known:
            known[table] = _ids(tables, table, key)
        if value not in known[table]:
            what = column_label(TABLES_BY_NAME[table], key)
            expected = t("expected.matrix_reference", what=what, sheet=sheet_of[table])
            report(row, letter, value, expected, ProblemCode.dangling_reference)
            return False
        return True

    good: dict[str, MatrixColumn] = {}
    for letter in dict.fromkeys(tick.letter for tick in sheet.ticks):
        col = sheet.columns.get(letter, MatrixColumn(None))
        ok = True
        if col.partner_id is None:
            report(rows["partner_id"], letter, None, t("matrix.expected_partner"), ProblemCode.required)
            ok = False
        else:
            ok &= exists(col.partner_id, "partners", "partner_id", rows["partner_id"], letter)
        basis = code_of(col.basis, Basis) if col.basis else None
        if col.basis is None and "basis" in rows:
            report(rows["basis"], letter, None, t("matrix.expected_basis"), ProblemCode.required)
        elif basis is None:
            report(rows.get("basis", rows["partner_id"]), letter, col.basis, t("expected.one_of", choices=choices(Basis)),
                   ProblemCode.enum)  # fmt: skip
        ok &= basis is not None
        if col.purpose_id is not None:
            ok &= exists(col.purpose_id, "purposes", "purpose_id", rows.get("purpose_id", 0), letter)
        elif basis is not None and basis not in STATUTORY_BASES:
            report(rows.get("purpose_id", rows["partner_id"]), letter, None, t("matrix.expected_purpose"),
                   ProblemCode.required)  # fmt: skip
            ok = False
        if col.joint_use_id is not None:
            ok &= exists(col.joint_use_id, "joint_uses", "joint_use_id", rows.get("joint_use_id", 0), letter)
        if ok:
            good[letter] = MatrixColumn(col.partner_id, col.purpose_id, basis, col.joint_use_id)

    good_items: dict[int, str] = {}
    first_item: dict[int, str | None] = {}  # each ticked row's item, from its first tick
    for tick in sheet.ticks:
        first_item.setdefault(tick.row, tick.item_id)
    for row, item in first_item.items():
        if item is None:
            report(row, "A", None, t("matrix.expected_item"), ProblemCode.required)
        elif exists(item, "items", "item_id", row, "A"):
            good_items[row] = item

    frame = flows.reindex(columns=["item_id", "partner_id", "purpose_id", "basis"])
    recorded = {
        (str(i), str(p), "" if pd.isna(u) else str(u), str(b)) for i, p, u, b in frame.itertuples(index=False)
    }
    new: list[dict[str, str | None]] = []
    for tick in sorted(sheet.ticks, key=lambda k: (k.row, len(k.letter), k.letter)):
        col, item = good.get(tick.letter), good_items.get(tick.row)
        if col is None or item is None:
            continue
        key = (item, str(col.partner_id), col.purpose_id or "", str(col.basis))
        if key in recorded:
            continue  # flows has it already: a tick never duplicates a flow
        recorded.add(key)
        new.append(
            {
                "item_id": item,
                "partner_id": col.partner_id,
                "purpose_id": col.purpose_id,
                "basis": col.basis,
                "joint_use_id": col.joint_use_id,
                "direction": str(Direction.in_ if col.basis == Basis.inbound_entrusted else Direction.out),
                "source": MATRIX_SOURCE,
            }
        )
    for row, ident in zip(new, next_ids(flows.get("flow_id", pd.Series(dtype="str")), len(new)), strict=True):
        row["flow_id"] = ident
    added = pd.DataFrame(
        new, columns=flows.columns if len(flows.columns) else FLOWS.column_names, dtype="str"
    )
    return added, problems
