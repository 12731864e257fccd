"""Validation of ledger tables against schema.py, vectorised with pandera.

Every problem becomes one row of a problems table: file, row (as a spreadsheet counts it: the header
is row 1), column, the bad value, what was expected, severity and a reason code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from functools import cache

import pandas as pd

from ..frames import explode_list, isin, split_reference
from ..i18n import Vocabulary, language, t
from ..texts import TEXTS
from .formats import MAX_WHOLE, parse_bools, parse_dates, parse_ints  # how a value may be written: formats.py
from .schema import EXAMPLE_PREFIX, LIST_SEPARATOR, TABLES_BY_NAME, Column, Table

PROBLEM_COLUMNS = ["file", "row", "column", "value", "expected", "severity", "code"]


class ProblemCode(Vocabulary):
    """Why a cell, row or file is a problem (the `code` column of a problems table)."""

    missing_file = "missing_file", "ファイルまたはシートがない", "file or sheet missing"
    not_a_file = "not_a_file", "通常のファイルでない", "not a regular file"
    unreadable = "unreadable", "読み取れない", "unreadable"
    empty_file = "empty_file", "ファイルが空", "empty file"
    csv_syntax = "csv_syntax", "CSVの形式の誤り", "malformed CSV"
    yaml_syntax = "yaml_syntax", "YAMLの形式の誤り", "malformed YAML"
    yaml_shape = "yaml_shape", "YAMLの構造の誤り", "wrong YAML structure"
    missing_column = "missing_column", "列がない", "column missing"
    unknown_column = "unknown_column", "不明な列", "unknown column"
    duplicate_column = "duplicate_column", "列名の重複", "duplicated column"
    unknown_key = "unknown_key", "不明な項目", "unknown key"
    empty_table = "empty_table", "データ行がない", "no data rows"
    required = "required", "必須の値がない", "required value missing"
    enum = "enum", "選択肢にない値", "value not in the list"
    bool = "bool", "はい・いいえでない", "not yes or no"
    int = "int", "整数でない", "not a whole number"
    date = "date", "日付でない", "not a date"
    pattern = "pattern", "書式の誤り", "wrong format"
    type = "type", "型の誤り", "wrong type"
    invalid = "invalid", "不正な値", "invalid value"
    duplicate_key = "duplicate_key", "IDの重複", "duplicated id"
    dangling_reference = "dangling_reference", "参照先がない", "refers to nothing"
    bad_reference = "bad_reference", "参照の書式の誤り", "malformed reference"
    formula = "formula", "数式", "formula"
    example = "example", "見本の行が残っている", "example row left in"
    model = "model", "リスクモデルの誤り", "wrong risk model"


def problem(
    file: str,
    row: int | None,
    column: str | None,
    value: object,
    expected: str,
    *,
    severity: str = "error",
    code: ProblemCode,
) -> dict:
    return {
        "file": file,
        "row": row,
        "column": column,
        "value": None if value is None else str(value),
        "expected": expected,
        "severity": severity,
        "code": str(code),
    }


def problems_frame(rows: Iterable[dict] | pd.DataFrame = ()) -> pd.DataFrame:
    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    if df.empty:
        df = pd.DataFrame(columns=PROBLEM_COLUMNS)
    df = df[PROBLEM_COLUMNS].copy()
    df["row"] = df["row"].astype("Int64")
    return df.reset_index(drop=True)


# --- column checks -----------------------------------------------------------------------------------


def listed_choices(named: Iterable[tuple[str, str]], lang: str | None = None, codes: bool = True) -> str:
    """(code, label) pairs as a person reads them: `code（日本語ラベル）` / `code (English label)`, a code
    alone where it is its own label; without codes, the labels alone (what a workbook's dropdown offers)."""

    def one(code: str, name: str) -> str:
        if not codes:
            return name
        return code if name == code else t("expected.choice", lang, code=code, label=name)

    return t("expected.choice_sep", lang).join(one(code, name) for code, name in named)


def choices(vocabulary: type[Vocabulary] | None, lang: str | None = None, codes: bool = True) -> str:
    """The values of a vocabulary as a person reads them (listed_choices)."""
    members = list(vocabulary) if vocabulary is not None else []
    return listed_choices(((m.value, m.label(lang)) for m in members), lang, codes)


def enum_expected(col: Column, codes: bool = True) -> str:
    """What a choice column takes: one (or some) of its values, with or without their codes."""
    key = "expected.some_of" if col.multiple else "expected.one_of"
    return t(key, choices=choices(col.allowed, codes=codes))


def _expected_for(col: Column, codes: bool = True) -> tuple[ProblemCode | None, str]:
    """(reason code, what the user must write) for a column's type check; `codes`: a choice column lists
    its codes beside their labels (a CSV file holds codes; a workbook's dropdown offers the labels)."""
    if col.kind == "enum":
        return ProblemCode.enum, enum_expected(col, codes)
    if col.kind == "bool":
        return ProblemCode.bool, t("formats.expected_bool")
    if col.kind == "int":
        whole = t("expected.whole") if col.minimum is None else t("expected.whole_min", minimum=col.minimum)
        return ProblemCode.int, whole + t("validate.int_max", max=MAX_WHOLE)
    if col.kind == "date":
        return ProblemCode.date, t("formats.expected_date")
    if col.pattern:
        key = f"expected.pattern.{col.name}"
        return ProblemCode.pattern, t(key) if key in TEXTS else t("expected.pattern", pattern=col.pattern)
    return None, ""


def _all_in(s: pd.Series, allowed: list[str]) -> pd.Series:
    """For list cells: every value of the cell is allowed (and the cell holds at least one)."""
    tokens = explode_list(s)
    bad = tokens[~isin(tokens, allowed)].index.unique()
    ok = pd.Series(True, index=s.index)
    ok[s.index.isin(bad)] = False
    ok[s.notna() & ~s.index.isin(tokens.index.unique())] = False  # only separators, e.g. ";"
    return ok


def _value_check(col: Column) -> Callable[[pd.Series], pd.Series] | None:
    if col.kind == "enum" and col.multiple:
        allowed = col.allowed.codes() if col.allowed else []
        return lambda s: _all_in(s, allowed)
    if col.kind == "enum":
        allowed = col.allowed.codes() if col.allowed else []
        return lambda s: isin(s, allowed)
    if col.kind == "bool":
        return lambda s: parse_bools(s).notna()
    if col.kind == "int":
        floor = col.minimum

        def _int_ok(s: pd.Series) -> pd.Series:
            v = parse_ints(s)
            ok = v.notna()
            return ok & (v >= floor) if floor is not None else ok

        return _int_ok
    if col.kind == "date":
        return lambda s: parse_dates(s).notna()
    if col.pattern:
        rx = re.compile(col.pattern)
        return lambda s: s.astype("string").str.fullmatch(rx).fillna(False).astype(bool)
    return None


@cache
def _pandera_schema(table_name: str, present: tuple[str, ...]):
    """Schema over the columns present; and a map from pandera's check label to its column (what was
    expected is worded when a problem is reported, in the language of that moment)."""
    import pandera.pandas as pa  # imported on first use: report kernels never validate

    table = TABLES_BY_NAME[table_name]
    columns: dict[str, pa.Column] = {}
    labels: dict[tuple[str, str], Column] = {}
    for col in table.columns:
        if col.name not in present:
            continue
        checks = []
        fn = _value_check(col)
        if fn is not None:
            code, _ = _expected_for(col)
            label = f"{col.name}:{code}"
            checks.append(pa.Check(fn, error=label, ignore_na=True))
            labels[(col.name, label)] = col
        unique = table.key == (col.name,)
        columns[col.name] = pa.Column(
            nullable=not col.required, checks=checks, unique=unique, required=False, coerce=False
        )
    composite = list(table.key) if len(table.key) > 1 and set(table.key) <= set(present) else None
    schema = pa.DataFrameSchema(columns, unique=composite, strict=False, coerce=False)
    return schema, labels


def column_label(table: Table, name: str, lang: str | None = None) -> str:
    """A column as a person reads it: its Japanese label in Japanese, its key (the CSV header) in English."""
    try:
        col = table.column(name)
    except KeyError:
        return name
    return col.ja if (lang or language()) == "ja" else name


def problem_column_label(file: object, column: str, lang: str | None = None) -> str | None:
    """The label a person reads beside a problem's column key, in Japanese (件数 for records; 名称 for the
    organisation's name; 項目ID＋利用目的ID for a composite key); None in English, where the key is the
    word, and for a column the schema does not know (a letter of the matrix, an unknown header)."""
    if (lang or language()) != "ja":
        return None
    from .schema import ORGANISATION_FIELDS, ORGANISATION_FILE, ORGANISATION_SHEET, TABLES

    if file in (ORGANISATION_FILE, ORGANISATION_SHEET, "organisation"):
        return next((f.ja for f in ORGANISATION_FIELDS if f.path == column), None)
    table = next((tb for tb in TABLES if file in (tb.file, tb.sheet, tb.name)), None)
    if table is None:
        return None
    names = column.split("+")
    if not all(n in table.column_names for n in names):
        return None
    return "＋".join(table.column(n).ja for n in names)


def _named(file: str) -> str:
    """A file or a workbook's sheet as a sentence names it: items.csv, or 「項目」シート in Japanese."""
    if "." not in file and language() == "ja":
        return t("expected.sheet_named", sheet=file)
    return file


def _key_expected(table: Table, file: str | None = None) -> str:
    key = t("expected.key_sep").join(column_label(table, k) for k in table.key)
    return t("expected.unique_key", key=key, file=_named(file or table.file))


def check_table(table: Table, df: pd.DataFrame, file: str | None = None, codes: bool = True) -> pd.DataFrame:
    """All cell-level problems of one table: required, type, allowed value, pattern, key uniqueness
    (`codes`: see _expected_for)."""
    from pandera.errors import SchemaErrors

    schema, labels = _pandera_schema(table.name, tuple(df.columns))
    try:
        schema.validate(df, lazy=True)
        return problems_frame()
    except SchemaErrors as err:
        fc = err.failure_cases
    unplaced = fc[fc["index"].isna()]
    fc = fc[fc["index"].notna()]
    out = [_unplaced(table, unplaced, labels, file, codes)] if len(unplaced) else []
    for (column, check), group in fc.groupby(["column", "check"], sort=False, dropna=False):
        idx = group["index"].astype(int)
        if check == "not_nullable":
            code, expected = ProblemCode.required, t("expected.required")
        elif check in ("field_uniqueness", "multiple_fields_uniqueness") or str(check).startswith("unique"):
            code, expected = ProblemCode.duplicate_key, _key_expected(table, file)
        elif (column, check) in labels:
            code, expected = _expected_for(labels[(column, check)], codes)
        else:
            code, expected = ProblemCode.invalid, t("expected.check", check=check)
        if column == table.name or column not in df.columns:  # DataFrame-level (composite key) checks
            column = "+".join(table.key)
            values = df.loc[idx, list(table.key)].astype(str).agg("+".join, axis=1)
        else:
            values = df.loc[idx, column]
        out.append(
            pd.DataFrame(
                {
                    "file": file or table.file,
                    "row": idx.to_numpy() + 2,
                    "column": column,
                    "value": values.astype("string").fillna("").to_numpy(),
                    "expected": expected,
                    "severity": "error",
                    "code": str(code),
                }
            )
        )
    return problems_frame(pd.concat(out, ignore_index=True).drop_duplicates())


def _unplaced(table: Table, fc: pd.DataFrame, labels: dict, file: str | None, codes: bool) -> pd.DataFrame:
    """Failures pandera could not tie to a row (a check that raised on a column): one problem per column,
    so that a column that cannot be checked is an error in the report, never a crash or a pass."""
    rows = []
    for (column, check), group in fc.groupby(["column", "check"], sort=False, dropna=False):
        col = labels.get((column, check))
        code, expected = (
            _expected_for(col, codes)
            if col is not None
            else (ProblemCode.invalid, t("expected.check", check=check))
        )
        rows.append(problem(file or table.file, None, None if pd.isna(column) else str(column),
                            group["failure_case"].iloc[0], expected, code=code))  # fmt: skip
    return problems_frame(rows)


def check_columns(table: Table, header: list[str], file: str | None = None) -> list[dict]:
    """Missing columns are errors; unknown ones are warnings; duplicated header names are errors."""
    file = file or table.file
    rows = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            rows.append(
                problem(file, 1, name, name, t("expected.column_once"), code=ProblemCode.duplicate_column)
            )
        seen.add(name)
    for col in table.columns:
        if col.name not in seen:
            rows.append(
                problem(
                    file,
                    1,
                    col.name,
                    None,
                    t("expected.column", name=col.name, ja=col.ja, en=col.en),
                    code=ProblemCode.missing_column,
                )
            )
    known = set(table.column_names)
    for name in header:
        if name not in known:
            rows.append(
                problem(
                    file,
                    1,
                    name,
                    name,
                    t("expected.column_known"),
                    severity="warning",
                    code=ProblemCode.unknown_column,
                )
            )
    return rows


def located(
    file: str, s: pd.Series, mask: pd.Series, column: str, expected: str, code: ProblemCode
) -> pd.DataFrame:
    """Problem rows for the cells of column `s` where `mask` is true (rows as a spreadsheet counts them)."""
    idx = mask[mask].index
    return pd.DataFrame({"file": file, "row": idx.to_numpy() + 2, "column": column, "value": s[idx].to_numpy(),
                         "expected": expected, "severity": "error", "code": str(code)})  # fmt: skip


def check_reference(
    file: str,
    df: pd.DataFrame,
    column: str,
    targets: pd.Series,
    target_file: str,
    target_what: str,
    multiple: bool = False,
) -> pd.DataFrame:
    """Rows of `df[column]` whose value (any of its values, for a list column) is not among `targets`
    (the `target_what` of `target_file`, e.g. 提供先ID / partner_id of partners.csv)."""
    s = df[column]
    expected = t("expected.reference", what=target_what, file=_named(target_file))
    if not multiple:
        bad = s.notna() & ~isin(s, targets)
        return problems_frame(located(file, s, bad, column, expected, ProblemCode.dangling_reference))
    tokens = explode_list(s)
    unknown = tokens[~isin(tokens, targets)]
    bad = pd.Series(s.index.isin(unknown.index.unique()), index=s.index)
    found = located(file, s, bad, column, expected + t("expected.several"), ProblemCode.dangling_reference)
    if len(found):  # a list of twenty ids: say which of them is unknown (rows in the order of `bad`)
        named = unknown.astype("str").groupby(level=0).agg(t("expected.choice_sep").join)
        found["expected"] += [t("expected.unknown_ids", ids=ids) for ids in named.loc[bad[bad].index]]
    return problems_frame(found)


def check_typed_reference(
    file: str,
    df: pd.DataFrame,
    column: str,
    prefixes: dict[str, str | None],
    keys: dict[str, pd.Series],
    rule_ids: Collection[str] | None = None,
    multiple: bool = False,
) -> pd.DataFrame:
    """Values like `partner:PO01`: the prefix must be known and the id must exist in its table.
    `finding:RULE[:subject]` names a compliance rule: checked against `rule_ids` when given (the rules
    live on the floor above; the loader is told their ids). A list column (`self;partner:PJ01`) has each
    of its values checked; a problem names the whole cell."""
    whole = df[column].astype("string")
    s = explode_list(whole).astype("string") if multiple else whole
    prefix, ident = split_reference(s)
    frames = []

    def report(mask: pd.Series, expected: str, code: ProblemCode) -> None:
        cells = pd.Series(whole.index.isin(mask[mask].index.unique()), index=whole.index)
        frames.append(located(file, whole, cells, column, expected, code))

    unknown = s.notna() & ~isin(prefix, prefixes)
    if unknown.any():
        forms = ", ".join(f"{p}:ID" if target else p for p, target in prefixes.items())
        expected = t("expected.reference_forms", forms=forms) + (t("expected.several") if multiple else "")
        report(unknown, expected, ProblemCode.bad_reference)
    for pfx, table_name in prefixes.items():
        mine = s.notna() & (prefix == pfx)
        if pfx == "finding":  # finding:RULE[:subject] — the rule must exist
            if rule_ids is None:
                continue
            rule_id = ident.str.split(":", n=1).str[0]
            missing = mine & ~isin(rule_id, pd.Series(list(rule_ids), dtype="str"))
            expected = t("expected.reference_rule")
        elif table_name is not None and table_name in keys:
            missing = mine & ~isin(ident, keys[table_name])
            target = TABLES_BY_NAME[table_name].sheet if language() == "ja" else table_name
            expected = t("expected.reference_typed", prefix=pfx, table=target)
        else:
            continue
        if missing.any():
            report(missing, expected, ProblemCode.dangling_reference)
    return problems_frame(pd.concat(frames, ignore_index=True)) if frames else problems_frame()


def _example_marked(s: pd.Series) -> pd.Series:
    """Cells holding an example id (or, in a list cell, one among others)."""
    text = s.astype("string")
    # a plain search first (fast on a million cells); the pattern only where 例 occurs at all
    found = text.str.contains(EXAMPLE_PREFIX, regex=False).fillna(False).astype(bool)
    if found.any():
        marked = rf"(?:^|{LIST_SEPARATOR})\s*{re.escape(EXAMPLE_PREFIX)}"
        found[found] = text[found].str.contains(marked, regex=True).fillna(False).astype(bool)
    return found


def _id_columns(table: Table, df: pd.DataFrame) -> list[str]:
    return [c.name for c in table.columns if c.kind in ("id", "ref") and c.name in df.columns]


def example_rows(table: Table, df: pd.DataFrame) -> pd.Series:
    """Rows holding an example of the workbook template: an id or a reference starting with 例."""
    found = pd.Series(False, index=df.index)
    for name in _id_columns(table, df):
        found |= _example_marked(df[name])
    return found


def check_examples(table: Table, df: pd.DataFrame, file: str | None = None) -> pd.DataFrame:
    """Rows still holding an example of the workbook template (an id or a reference starting with
    EXAMPLE_PREFIX, 例): one problem per row, at its first such cell. A row stops being an example
    when its ids are changed, or it is deleted."""
    found = pd.Series(False, index=df.index)
    frames = []
    for name in _id_columns(table, df):
        hit = _example_marked(df[name]) & ~found
        if hit.any():
            frames.append(
                located(file or table.file, df[name], hit, name, t("formats.expected_not_example"),
                        ProblemCode.example)
            )  # fmt: skip
            found |= hit
    return problems_frame(pd.concat(frames, ignore_index=True)) if frames else problems_frame()
