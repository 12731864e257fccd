"""What reading, checking and writing a ledger reports: errors and the "expected" of each problem.

Each entry is (Japanese, English).
"""

from __future__ import annotations

PROBLEM_TEXTS: dict[str, tuple[str, str]] = {}

# --- what a cell should hold (validate.py): the "expected" of a problem -----------------------------------
PROBLEM_TEXTS |= {
    "expected.one_of": ("次のいずれか：{choices}", "one of: {choices}"),
    "expected.some_of": (
        "次のうち1つ以上（複数は「;」で区切ります）：{choices}",
        "one or more of: {choices} (separated by ';')",
    ),
    "expected.choice": ("{code}（{label}）", "{code} ({label})"),
    "expected.choice_sep": ("、", ", "),
    "expected.whole": ("整数", "a whole number"),
    "expected.whole_min": ("{minimum}以上の整数", "a whole number ≥ {minimum}"),
    "expected.pattern": ("正規表現 {pattern} に合う文字列", "text matching {pattern}"),
    "expected.pattern.source": (
        "出典：policy:条項、regulation:条文、record:記録、assumption（assumption:注記 も可）、synthetic のいずれか",
        "policy:<clause> | regulation:<article> | record:<ref> | assumption[:note] | synthetic",
    ),
    "expected.pattern.assumed": (
        "この表の列名（複数は「;」で区切ります）",
        "column names of this table separated by ';'",
    ),
    "expected.pattern.country": ("大文字2文字の国コード（例：JP）", "two capital letters, e.g. JP"),
    "expected.pattern.se": ("数値（例：2.25）", "a number such as 2.25"),
    "expected.required": ("値（この列は必須です）", "a value (this column is required)"),
    "expected.unique_key": (
        "{file} の中で重複しない{key}（この表のキー）",
        "a unique {key} (the key of {file})",
    ),
    "expected.key_sep": ("＋", " + "),
    "expected.check": ("正しい値（検査 {check}）", "{check}"),
    "expected.column_once": ("同じ列名は1回だけ", "each column name once"),
    "expected.column": ("列「{name}」（{ja}）", "a column named '{name}' ({en})"),
    "expected.column_known": ("台帳の列（この列は読み飛ばします）", "a known column (it is ignored)"),
    "expected.reference": ("{file} にある{what}", "an existing {what} in {file}"),
    "expected.several": ("（複数は「;」で区切ります）", " (several separated by ;)"),
    "expected.reference_forms": ("次のいずれかの形式：{forms}", "one of {forms}"),
    "expected.reference_rule": (
        "finding:ルールID（:対象 も可）。ルールIDは `privacy-inventory rules` で確かめてください",
        "finding:RULE_ID[:subject] with a known rule id (see `privacy-inventory rules`)",
    ),
    "expected.reference_typed": (
        "「{prefix}:」の後に{table}にあるID",
        "an existing id of {table} after '{prefix}:'",
    ),
    # reading the files of a ledger (load.py)
    "expected.file": ("ファイル {file}（列：{columns}）", "the file {file} with columns {columns}"),
    "expected.regular_file": ("通常のファイル", "a regular file"),
    "expected.text_file": ("テキストファイル（{detail}）", "a text file ({detail})"),
    "expected.readable_file": ("読み取れるファイル（{reason}）", "a readable file ({reason})"),
    "expected.header_row": ("見出しの行：{columns}", "a header row: {columns}"),
    "expected.csv": ("正しい形式のCSV（{detail}）", "well-formed CSV ({detail})"),
    "expected.min_rows": (
        "見出しの下に{n}行以上のデータ",
        "at least {n} data row(s) below the header",
    ),
    "expected.organisation_file": (
        "組織の名称と窓口を記入した organisation.yaml",
        "organisation.yaml with the organisation's name and contacts",
    ),
    "expected.yaml": ("正しい形式のYAML（{detail}）", "valid YAML ({detail})"),
    "expected.mapping": ("「キー: 値」の組（マッピング）", "a mapping of keys to values"),
    "expected.org_value": ("「{ja}」の値（必須）", "a value ({en})"),
    "expected.text": ("文字列", "text"),
    "expected.key_known": ("台帳のキー（このキーは読み飛ばします）", "a known key (it is ignored)"),
    "expected.key_retired": (
        "ここではもう読みません（読み飛ばします）。現在の記入先：{moved}",
        "no longer read here (it is ignored); it is now {moved}",
    ),
    "retired.joint_use_manager": (
        "joint_uses.csv の manager（self または partner:ID）。管理責任者の住所・代表者は組織または提供先のもの"
        "を使います",
        "joint_uses.csv: manager (self, or partner:ID) — the manager's address and representative are those "
        "of the organisation or of the partner",
    ),
    "retired.joint_use_all_items": (
        "joint_uses.csv の items_stated = all",
        "joint_uses.csv: items_stated = all",
    ),
    # the workbook (excel.py, matrix.py)
    "expected.not_formula": (
        "数式ではなく値（数式は計算しません）",
        "a value, not a formula (formulas are not evaluated)",
    ),
    "expected.sheet": (
        "「{sheet}」という名前のシート（または {name}。このブックのシート：{sheets}）",
        "a sheet named '{sheet}' (or '{name}'; sheets: {sheets})",
    ),
    "expected.org_sheet": (
        "「{sheet}」という名前のシート（または organisation）",
        "a sheet named '{sheet}' (or 'organisation')",
    ),
    "expected.matrix_reference": ("「{sheet}」シートにある{what}", "an existing {what} in {sheet}"),
}

# --- where a problem is, and how it is printed (cli/render.py, cli/ledger.py) ---------------------------
PROBLEM_TEXTS |= {
    "where.row": ("{file} {row}行目", "{file} row {row}"),
    "where.column": ("、列「{column}」（{label}）", ", column {column}"),
    "where.column_bare": ("、列「{column}」", ", column {column}"),
    "where.column_en": ("", " ({label})"),
    "problem.error": ("誤り", "error"),
    "problem.warning": ("注意", "warning"),
    "problem.line": (
        "{level} {where}{value}：正しくは {expected}",
        "{level} {where}{value} expected {expected}",
    ),
    "problem.value": ("「{value}」", " {value!r}:"),
    "problem.invalid_line": (
        "  {where}{value}：正しくは {expected}",
        "  {where}{value} — expected {expected}",
    ),
    "problem.invalid_value": ("「{value}」", ": {value!r}"),
    "problem.invalid_more": (
        "  ほか{n}件：すべて見るには `privacy-inventory validate` を実行してください",
        "  … and {n} more: run `privacy-inventory validate` to see all",
    ),
    "problem.table_title": ("問題", "Problems"),
    "problem.more": (
        "ほか{n}件（すべて見るには --max-problems を増やすか --format json）",
        "… and {n} more (use --max-problems or --format json for all)",
    ),
    "problem.col.file": ("ファイル", "file"),
    "problem.col.row": ("行", "row"),
    "problem.col.column": ("列", "column"),
    "problem.col.cell": ("セル", "cell"),
    "problem.col.value": ("値", "value"),
    "problem.col.expected": ("正しい入力", "expected"),
    "problem.col.severity": ("種別", "severity"),
    "problem.nothing_written": (
        "誤りが{n}件あります。{path} には何も書き出していません",
        "{n} error(s): nothing was written to {path}",
    ),
    "problem.warnings_nothing_written": (
        "注意が{n}件あります。何も書き出していません（それでも書き出すには --force）",
        "{n} warning(s): nothing was written; use --force to write anyway",
    ),
    "validate.valid": ("✓ 誤りはありません（注意 {warnings}件）", "✓ valid ({warnings} warning(s))"),
    "validate.invalid": (
        "✗ 誤り {errors}件、注意 {warnings}件",
        "✗ {errors} error(s), {warnings} warning(s)",
    ),
}

# --- errors that stop a command: a path, a workbook, a file (load.py, excel.py, scaffold.py, write.py) -------
PROBLEM_TEXTS |= {
    "load.no_workbook": ("{path}: ブックがありません", "{path}: no such workbook"),
    "load.no_ledger": ("{path}: 台帳のフォルダがありません", "{path}: no such ledger directory"),
    "load.not_a_directory": (
        "{path}: フォルダではありません（items.csv・flows.csv などの入った台帳のフォルダか、.xlsx のブックを"
        "指定してください）",
        "{path}: not a directory (expected a ledger directory with items.csv, flows.csv, …, or an .xlsx "
        "workbook)",
    ),
    "excel.control_character": (
        "{cell}: Excel に保存できない制御文字が値に含まれています：{value}",
        "{cell}: the value contains a control character Excel cannot store: {value}",
    ),
    "excel.not_xlsx": ("{path}: .xlsx のブックではありません", "{path}: not an .xlsx workbook"),
    "excel.not_xlsx_detail": (
        "{path}: .xlsx のブックではありません（{detail}）",
        "{path}: not an .xlsx workbook ({detail})",
    ),
    "excel.legacy": (
        "{path}: パスワード付きか古い形式（.xls）のブックです。保護を解除して .xlsx で保存し直してください",
        "{path}: password-protected or legacy .xls workbook; save it unprotected as .xlsx",
    ),
    "excel.cannot_open": (
        "{path}: .xlsx のブックとして開けません（{detail}）",
        "{path}: cannot be opened as an .xlsx workbook ({detail})",
    ),
    "excel.cannot_read": (
        "{path}: .xlsx のブックとして読めません（{detail}）",
        "{path}: cannot be read as an .xlsx workbook ({detail})",
    ),
}
PROBLEM_TEXTS |= {
    "validate.ledger": ("台帳：{path}", "Ledger: {path}"),
    "validate.rows_title": ("表ごとの行数", "Rows per table"),
    "validate.col.table": ("表", "table"),
    "validate.col.rows": ("行数", "rows"),
}
