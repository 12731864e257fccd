"""Read a ledger directory (CSV + YAML) into a typed Inventory, reporting every problem at once."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..errors import EXIT_INVALID, EXIT_USAGE, LedgerInvalid, UsageError, os_reason
from ..i18n import t
from ..paths import bundled_inventory
from .formats import (
    bool_value,
    canonical_frame,
    code_of,
    date_value,
    parse_bools,
    parse_dates,
    parse_ints,
)
from .inventory import Inventory, dotted_get
from .schema import (
    ORGANISATION_FIELDS,
    ORGANISATION_FILE,
    RETIRED_ORGANISATION_KEYS,
    SOURCE_PATTERN,
    TABLES,
    TABLES_BY_NAME,
    Table,
)
from .textio import CsvSyntax, DecodedText, UnreadableText, decode, parse_header, read_csv_checked
from .validate import (
    ProblemCode,
    check_columns,
    check_examples,
    check_reference,
    check_table,
    check_typed_reference,
    choices,
    column_label,
    problem,
    problems_frame,
)
from .yamlin import YamlDoc, load_yaml, yaml_error_line, yaml_error_text

# Codes that mean a file could not be read at all: the CLI exits 2 for these (usage / file-system).
UNREADABLE_CODES = {ProblemCode.unreadable, ProblemCode.not_a_file}
# Codes that mean a file is there but its rows (or keys) could not be read: exporting the ledger would
# write that table empty, losing it without a word.
NOT_READ_CODES = UNREADABLE_CODES | {
    ProblemCode.csv_syntax,
    ProblemCode.duplicate_column,
    ProblemCode.yaml_syntax,
    ProblemCode.yaml_shape,
}


def refuse_unread(raw: RawLedger) -> None:
    """Raise LedgerInvalid when a file of the ledger could not be read (see NOT_READ_CODES): what is
    written from the ledger (a workbook, CSV for Excel) would silently lack it."""
    problems = raw.all_problems()
    if problems["code"].isin(NOT_READ_CODES).any():
        unreadable = problems["code"].isin(UNREADABLE_CODES).any()
        raise LedgerInvalid(problems, str(raw.path), exit_code=EXIT_USAGE if unreadable else EXIT_INVALID)


@dataclass
class RawLedger:
    """Tables as text exactly as read, before typing, with every problem found so far."""

    path: Path
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    organisation: dict[str, Any] = field(default_factory=dict)
    problems: list[pd.DataFrame] = field(default_factory=list)
    encodings: dict[str, str] = field(default_factory=dict)
    workbook: bool = False
    layout: Any = None  # excel.WorkbookLayout of a workbook: where each problem's cell is
    added_flows: list[str] = field(default_factory=list)  # flow ids made from the workbook's matrix ticks

    def file_of(self, table: Table) -> str:
        """How problems name a table: its CSV file, or its sheet in a workbook."""
        if not self.workbook:
            return table.file
        return self.layout.sheet_of(table) if self.layout is not None else table.sheet

    def add(self, *rows: dict | pd.DataFrame) -> None:
        """Record problems: single problem dicts, or whole problem frames from a vectorised check."""
        dicts = [r for r in rows if isinstance(r, dict)]
        if dicts:
            self.problems.append(problems_frame(dicts))
        self.problems.extend(r for r in rows if isinstance(r, pd.DataFrame))

    def all_problems(self) -> pd.DataFrame:
        frames = [p for p in self.problems if not p.empty]
        if not frames:
            return problems_frame()
        out = pd.concat(frames, ignore_index=True)
        order = {self.file_of(t): i for i, t in enumerate(TABLES)} | {
            ORGANISATION_FILE: -1,
            "organisation": -1,
        }
        if self.layout is not None:  # the workbook's organisation sheet first, the matrix before the flows
            order |= {
                self.layout.org_sheet: -1,
                **{s: 4.5 for s, sl in self.layout.sheets.items() if sl.by_letter},
            }
        out["_order"] = out["file"].map(order).fillna(99)
        out = out.sort_values(["_order", "row", "column"], na_position="first", kind="stable")
        out = problems_frame(out.drop(columns="_order"))
        if self.workbook and self.layout is not None:
            # rows as the sheet counts them (below its header rows) and the cell, e.g. 提供・受領!C17;
            # a problem about a whole sheet has no cell (None, never NaN)
            found = [
                self.layout.locate(f, None if pd.isna(r) else int(r), None if pd.isna(c) else c)
                for f, r, c in zip(out["file"], out["row"], out["column"], strict=True)
            ]
            out["row"] = pd.array([row for row, _ in found], dtype="Int64")
            out["cell"] = pd.Series([cell for _, cell in found], index=out.index, dtype=object)
        return out


def resolve_ledger_dir(path: str | Path | None) -> Path:
    """The ledger directory to use: the given one, or the bundled co-op ledger."""
    if path is None:
        return bundled_inventory()
    p = Path(path)
    if is_workbook(p):
        if not p.is_file():
            raise UsageError(t("load.no_workbook", path=p))
        return p
    if not p.exists():
        raise UsageError(t("load.no_ledger", path=p))
    if not p.is_dir():
        raise UsageError(t("load.not_a_directory", path=p))
    return p


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm")


def _symlink_problem(file: str, path: Path) -> dict | None:
    """A ledger file that is a symbolic link is refused unread: the ledger is the files in its folder,
    and following a link would read (and echo, in problems) whatever it points at."""
    if path.is_symlink():
        return problem(file, None, None, None, t("load.symlink", file=file), code=ProblemCode.not_a_file)
    return None


def _decoded(raw: RawLedger, file: str, path: Path) -> DecodedText | None:
    """The file's bytes as UTF-8 (from UTF-8, UTF-8 with BOM or cp932); None once the problem is added."""
    try:
        return decode(path.read_bytes())
    except UnreadableText as exc:
        why, line = t("expected.text_file", detail=exc.detail), exc.line
    except OSError as exc:
        why, line = t("expected.readable_file", reason=os_reason(exc)), None
    raw.add(problem(file, line, None, None, why, code=ProblemCode.unreadable))
    return None


def _read_table(raw: RawLedger, table: Table) -> None:
    path = raw.path / table.file
    link = _symlink_problem(table.file, path)
    if link is not None:
        raw.add(link)
        return
    if not path.exists() and table.optional:
        return  # a ledger made before the table existed: the table is empty
    if not path.exists():
        raw.add(
            problem(
                table.file,
                None,
                None,
                None,
                t("expected.file", file=table.file, columns=", ".join(table.column_names)),
                code=ProblemCode.missing_file,
            )
        )
        return
    if not path.is_file():
        raw.add(
            problem(table.file, None, None, None, t("expected.regular_file"), code=ProblemCode.not_a_file)
        )
        return
    decoded = _decoded(raw, table.file, path)
    if decoded is None:
        return
    raw.encodings[table.name] = decoded.encoding
    if not decoded.utf8.strip():
        raw.add(
            problem(
                table.file,
                1,
                None,
                "",
                t("expected.header_row", columns=",".join(table.column_names)),
                code=ProblemCode.empty_file,
            )
        )
        return
    header = parse_header(decoded.utf8)
    header_problems = check_columns(table, header)
    raw.add(*header_problems)
    if any(p["code"] == "duplicate_column" for p in header_problems):
        return
    try:
        df = read_csv_checked(decoded.utf8, header)
    except CsvSyntax as exc:  # a stray quote, a wrong number of values: the line where it starts
        raw.add(
            problem(
                table.file,
                exc.line,
                None,
                None,
                t("expected.csv", detail=exc.detail),
                code=ProblemCode.csv_syntax,
            )
        )
        return
    _check_content(raw, table, df)


def _check_content(raw: RawLedger, table: Table, df: pd.DataFrame) -> None:
    """Row count and every cell of one table (the same for a CSV file and a workbook sheet)."""
    file = raw.file_of(table)
    df = canonical_frame(table, df)  # labels → codes, はい → true, 令和8年5月15日 → 2026-05-15
    if len(df) < table.min_rows:
        raw.add(
            problem(
                file,
                2,
                None,
                None,
                t("expected.min_rows", n=table.min_rows),
                code=ProblemCode.empty_table,
            )
        )
    raw.tables[table.name] = df
    raw.add(check_table(table, df, file=file, codes=not raw.workbook))  # a sheet's dropdown offers labels
    raw.add(check_examples(table, df, file=file))


def _read_organisation(raw: RawLedger) -> None:
    path = raw.path / ORGANISATION_FILE
    f = ORGANISATION_FILE
    link = _symlink_problem(f, path)
    if link is not None:
        raw.add(link)
        return
    if path.exists() and not path.is_file():
        raw.add(problem(f, None, None, None, t("expected.regular_file"), code=ProblemCode.not_a_file))
        return
    if not path.is_file():
        raw.add(
            problem(
                f,
                None,
                None,
                None,
                t("expected.organisation_file"),
                code=ProblemCode.missing_file,
            )
        )
        return
    decoded = _decoded(raw, f, path)
    if decoded is None:
        return
    text = decoded.utf8.decode("utf-8")
    try:
        doc = load_yaml(text)
    except yaml.YAMLError as exc:
        raw.add(
            problem(
                f,
                yaml_error_line(exc),
                None,
                None,
                t("expected.yaml", detail=yaml_error_text(exc)),
                code=ProblemCode.yaml_syntax,
            )
        )
        return
    data = doc.data
    if not isinstance(data, dict):
        raw.add(problem(f, 1, None, type(data).__name__, t("expected.mapping"), code=ProblemCode.yaml_shape))
        return
    check_organisation(raw, data, f, doc)


def check_organisation(raw: RawLedger, data: dict, f: str, doc: YamlDoc | None = None) -> None:
    """Types and required keys of the organisation's facts (from YAML or the workbook's sheet); `doc`,
    the YAML as parsed, gives the line of each problem."""
    before = len(raw.problems)
    _check_organisation(raw, data, f)
    if doc is not None:  # the line of each key named by a problem
        for i in range(before, len(raw.problems)):
            frame = raw.problems[i]
            frame["row"] = [
                doc.line(str(key)) if pd.isna(row) and isinstance(key, str) else row
                for key, row in zip(frame["column"], frame["row"], strict=True)
            ]
            frame["row"] = frame["row"].astype("Int64")


def _check_organisation(raw: RawLedger, data: dict, f: str) -> None:
    for fld in ORGANISATION_FIELDS:
        value = dotted_get(data, fld.path)
        if value is None or value == "":
            if fld.required:
                raw.add(
                    problem(
                        f,
                        None,
                        fld.path,
                        None,
                        t("expected.org_value", ja=fld.ja, en=fld.en),
                        code=ProblemCode.required,
                    )
                )
            continue
        # the same forms as a CSV cell (formats.py); the value is kept in its canonical form
        if fld.kind == "date":
            day = date_value(value)
            if day is None:
                raw.add(problem(f, None, fld.path, value, t("formats.expected_date"), code=ProblemCode.date))
            else:
                _dotted_set(data, fld.path, day)
        elif fld.kind == "enum" and fld.allowed is not None:
            code = code_of(str(value), fld.allowed)
            if code is None:
                offered = choices(fld.allowed, codes=not raw.workbook)  # the sheet's dropdown: labels
                raw.add(problem(f, None, fld.path, value, t("expected.one_of", choices=offered),
                                code=ProblemCode.enum))  # fmt: skip
            else:
                _dotted_set(data, fld.path, code)
        elif fld.kind == "bool":
            flag = bool_value(value)
            if flag is None:
                raw.add(problem(f, None, fld.path, value, t("formats.expected_bool"), code=ProblemCode.bool))
            else:
                _dotted_set(data, fld.path, flag)
        elif fld.kind == "text" and not isinstance(value, str | int):
            raw.add(problem(f, None, fld.path, value, t("expected.text"), code=ProblemCode.type))
    sources = data.get("sources") or {}
    if not isinstance(sources, dict):
        raw.add(problem(f, None, "sources", sources, t("load.sources_mapping"), code=ProblemCode.type))
        sources = {}
    for key, src in sources.items():
        if not re.match(SOURCE_PATTERN, str(src)):
            raw.add(
                problem(
                    f, None, f"sources.{key}", src, t("expected.pattern.source"), code=ProblemCode.pattern
                )
            )
    known_top = {fld.path.split(".")[0] for fld in ORGANISATION_FIELDS} | {"sources", "notes"}
    for key in data:
        if key not in known_top:
            moved = RETIRED_ORGANISATION_KEYS.get(key)
            raw.add(
                problem(
                    f,
                    None,
                    key,
                    key,
                    t("expected.key_retired", moved=t(f"retired.{key}"))
                    if moved
                    else t("expected.key_known"),
                    severity="warning",
                    code=ProblemCode.unknown_key,
                )
            )
    raw.organisation = data


def _dotted_set(data: dict, dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data[part]
    data[last] = value


def _check_references(raw: RawLedger, rule_ids: Collection[str] | None) -> None:
    keys = {
        t.name: raw.tables[t.name][t.key[0]]
        for t in TABLES
        if t.name in raw.tables and len(t.key) == 1 and t.key[0] in raw.tables[t.name]
    }
    for table in TABLES:
        df = raw.tables.get(table.name)
        if df is None:
            continue
        for col in table.columns:
            if col.kind != "ref" or col.name not in df:
                continue
            target_table, target_col = col.references.split(".")
            if target_table in keys:
                raw.add(
                    check_reference(
                        raw.file_of(table),
                        df,
                        col.name,
                        keys[target_table],
                        raw.file_of(TABLES_BY_NAME[target_table]),
                        column_label(TABLES_BY_NAME[target_table], target_col),
                        multiple=col.multiple,
                    )
                )
        for column, prefixes in table.polymorphic.items():
            if column in df:
                multiple = table.column(column).multiple
                raw.add(
                    check_typed_reference(
                        raw.file_of(table), df, column, prefixes, keys, rule_ids, multiple=multiple
                    )
                )


def read_raw(path: str | Path | None, rule_ids: Collection[str] | None = None) -> RawLedger:
    """Read and check every file of a ledger directory (or every sheet of a workbook); never raises for
    problems in the data. `rule_ids`: the compliance rules an action may refer to (`finding:RULE`)."""
    location = resolve_ledger_dir(path)
    if is_workbook(location):
        return read_raw_workbook(location, rule_ids)
    raw = RawLedger(location)
    _read_organisation(raw)
    for table in TABLES:
        _read_table(raw, table)
    _check_references(raw, rule_ids)
    return raw


def read_raw_workbook(path: Path, rule_ids: Collection[str] | None = None) -> RawLedger:
    from .excel import read_workbook

    book = read_workbook(path)
    raw = RawLedger(path, workbook=True, layout=book.layout, encodings={"workbook": "xlsx"})
    raw.added_flows = book.added_flows
    raw.add(*book.problems)
    check_organisation(raw, book.organisation, book.layout.org_sheet)
    for table in TABLES:
        if table.name not in book.tables:
            continue
        df = book.tables[table.name]
        raw.add(*check_columns(table, list(df.columns), file=raw.file_of(table)))
        _check_content(raw, table, df)
    _check_references(raw, rule_ids)
    return raw


def typed(table: Table, df: pd.DataFrame) -> pd.DataFrame:
    """Text frame → typed frame (invalid cells become missing). Missing columns are added empty."""
    out = {}
    for col in table.columns:
        s = df[col.name] if col.name in df else pd.Series(pd.NA, index=df.index, dtype="str")
        if col.kind == "bool":
            out[col.name] = parse_bools(s)
        elif col.kind == "int":
            out[col.name] = parse_ints(s)
        elif col.kind == "date":
            out[col.name] = parse_dates(s)
        else:
            out[col.name] = s.astype("str")
    return pd.DataFrame(out, index=df.index)


def to_inventory(raw: RawLedger, problems: pd.DataFrame | None = None) -> Inventory:
    problems = raw.all_problems() if problems is None else problems
    frames = {t.name: typed(t, raw.tables.get(t.name, pd.DataFrame(columns=t.column_names))) for t in TABLES}
    return Inventory(
        path=raw.path,
        organisation=raw.organisation,
        warnings=problems[problems["severity"] != "error"].reset_index(drop=True),
        encodings=raw.encodings,
        **frames,
    )


def load_inventory(path: str | Path | None = None, rule_ids: Collection[str] | None = None) -> Inventory:
    """Load and validate a ledger. Raises LedgerInvalid (with every problem) when it has errors,
    UsageError when the path itself is wrong. (privacy_inventory.load_inventory also checks the rule
    ids that actions refer to.)"""
    raw = read_raw(path, rule_ids)
    problems = raw.all_problems()
    errors = problems[problems["severity"] == "error"]
    if not errors.empty:
        exc = LedgerInvalid(problems, str(raw.path))
        if errors["code"].isin(UNREADABLE_CODES).any():
            exc.exit_code = EXIT_USAGE
        raise exc
    return to_inventory(raw, problems)
