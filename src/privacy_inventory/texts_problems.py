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
    "expected.sheet_named": ("「{sheet}」シート", "the sheet {sheet}"),
    "expected.key_sep": ("＋", " + "),
    "expected.check": ("正しい値（検査 {check}）", "{check}"),
    "expected.column_once": ("同じ列名は1回だけ", "each column name once"),
    "expected.column": ("列「{name}」（{ja}）", "a column named '{name}' ({en})"),
    "expected.column_known": ("台帳の列（この列は読み飛ばします）", "a known column (it is ignored)"),
    "expected.reference": ("{file}にある{what}", "an existing {what} in {file}"),
    "expected.several": ("（複数は「;」で区切ります）", " (several separated by ;)"),
    "expected.unknown_ids": ("。見つからないもの：{ids}", "; not found: {ids}"),
    "expected.reference_forms": ("次のいずれかの形式：{forms}", "one of {forms}"),
    "expected.reference_rule": (
        "finding:ルールID（:対象 も可）。ルールIDは「privacy-inventory rules」で確かめてください",
        "finding:RULE_ID[:subject] with a known rule id (see 'privacy-inventory rules')",
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
    "where.csv.row": ("{file} {row}行目", "{file} row {row}"),
    "where.csv.column": ("、列「{column}」（{label}）", ", column {column}"),
    "where.csv.column_bare": ("、列「{column}」", ", column {column}"),
    "where.yaml.row": ("{file} {row}行目", "{file} line {row}"),
    "where.yaml.column": ("、キー「{column}」（{label}）", ", key {column}"),
    "where.yaml.column_bare": ("、キー「{column}」", ", key {column}"),
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
        "  ほか{n}件：すべて見るには「privacy-inventory validate」を実行してください",
        "  … and {n} more: run 'privacy-inventory validate' to see all",
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
    "excel.damage.missing_part": (
        "ブックの部品「{part}」がありません。Excel で開き、.xlsx 形式で保存し直してください",
        "the part '{part}' of the workbook is missing; open it in Excel and save it again as .xlsx",
    ),
    "excel.damage.zip": (
        "ファイルが壊れているか、途中までしかありません。Excel で開き、.xlsx 形式で保存し直してください",
        "the file is damaged or cut short; open it in Excel and save it again as .xlsx",
    ),
    "excel.damage.xml": (
        "ブックの中身（XML）が壊れています。Excel で開き、.xlsx 形式で保存し直してください",
        "the workbook's content (XML) is damaged; open it in Excel and save it again as .xlsx",
    ),
    "excel.damage.other": (
        "ブックの中身が .xlsx の形式ではありません。Excel で開き、.xlsx 形式で保存し直してください",
        "what the file holds is not an .xlsx workbook; open it in Excel and save it again as .xlsx",
    ),
    "excel.cannot_read": (
        "{path}: .xlsx のブックとして読めません（{detail}）",
        "{path}: cannot be read as an .xlsx workbook ({detail})",
    ),
}

# --- the risk model (assess/model.py) and a configuration error (errors.ConfigError) ----------------------
PROBLEM_TEXTS |= {
    "errors.ledger_invalid": ("{path}: 台帳に誤りが{n}件あります", "{path}: {n} error(s) in the ledger"),
    "errors.config_line": ("{file} {line}行目", "{file}, line {line}"),
    "errors.config_key": ("：{key}", ": {key}"),
    "errors.config": (
        "{where}{key}：「{value}」は使えません。正しくは {expected}",
        "{where}{key}: got {value!r}, expected {expected}",
    ),
    "errors.config_no_value": (
        "{where}{key}：正しくは {expected}",
        "{where}{key}: got None, expected {expected}",
    ),
    "model.top_level": ("（最上位）", "(top level)"),
    "model.no_file": ("{path}: リスクモデルのファイルがありません", "{path}: no such risk model file"),
    "model.what.category": ("区分", "category"),
    "model.what.kind": ("種別", "kind"),
    "model.what.level": ("水準", "level"),
    "model.expected.every": ("すべての{what}の値", "a value for every {what}"),
    "model.expected.grid": (
        "4行（影響度1〜4）×4列（発生可能性1〜4）の水準",
        "4 rows (severity 1–4) of 4 levels (likelihood 1–4)",
    ),
    "model.expected.monotone": (
        "上のセル・左のセルより低くない水準（単調な行列）",
        "a level no lower than the cells above and to the left (monotone matrix)",
    ),
    "model.expected.levels": ("水準 1、2、3、4 の4つちょうど", "exactly the levels 1, 2, 3, 4"),
    "model.expected.level_names": (
        "すべての水準の日本語名と英語名",
        "a Japanese and English name for every level",
    ),
    "model.expected.high_levels": ("matrix.levels にある水準", "levels listed in matrix.levels"),
    "model.expected.causes": (
        "source に出典、ほかの原因ごとに状況",
        "the citation under 'source' and circumstances under every cause",
    ),
    "model.expected.bands": ("medium < high < very_high となる値", "medium < high < very_high"),
    "model.expected.unlawful": ("breach.enisa.causes にある原因", "a cause listed in breach.enisa.causes"),
    "model.expected.malicious": (
        "breach.appi.unlawful_causes にある原因だけ true",
        "true exactly for the causes in breach.appi.unlawful_causes",
    ),
    "model.expected.need": (
        "{what}（同梱の risk_model.yaml を参照してください）",
        "{what} (see the bundled risk_model.yaml)",
    ),
    # what pydantic expected, by its error type (English: pydantic's own message)
    "model.pydantic.missing": ("値（このキーは必須です）", "a value (this key is required)"),
    "model.pydantic.extra_forbidden": (
        "既知のキー（同梱の risk_model.yaml を参照してください）",
        "a known key (see the bundled risk_model.yaml)",
    ),
    "model.pydantic.int_parsing": ("整数", "{msg}"),
    "model.pydantic.int_type": ("整数", "{msg}"),
    "model.pydantic.int_from_float": ("整数（小数でなく）", "{msg}"),
    "model.pydantic.float_parsing": ("数値", "{msg}"),
    "model.pydantic.float_type": ("数値", "{msg}"),
    "model.pydantic.string_type": ("文字列", "{msg}"),
    "model.pydantic.bool_parsing": ("true または false", "{msg}"),
    "model.pydantic.bool_type": ("true または false", "{msg}"),
    "model.pydantic.dict_type": ("「キー: 値」の組（マッピング）", "{msg}"),
    "model.pydantic.model_type": ("「キー: 値」の組（マッピング）", "{msg}"),
    "model.pydantic.model_attributes_type": ("「キー: 値」の組（マッピング）", "{msg}"),
    "model.pydantic.list_type": ("リスト（[a, b] または - で始まる行）", "{msg}"),
    "model.pydantic.greater_than_equal": ("{ge}以上の数", "{msg}"),
    "model.pydantic.greater_than": ("{gt}より大きい数", "{msg}"),
    "model.pydantic.less_than_equal": ("{le}以下の数", "{msg}"),
    "model.pydantic.less_than": ("{lt}未満の数", "{msg}"),
    "model.pydantic.literal_error": ("次のいずれか：{expected}", "{msg}"),
    "model.pydantic.too_short": ("{min_length}個以上の値", "{msg}"),
    "model.pydantic.too_long": ("{max_length}個以下の値", "{msg}"),
    "model.pydantic.other": ("正しい値（{msg}）", "{msg}"),
}

# --- errors of commands' inputs and outputs (assess/, report/, ledger/, files.py) -------------------------
PROBLEM_TEXTS |= {
    "incident.error.unknown": ("{kind}「{given}」は台帳にありません{hint}", "unknown {kind} '{given}'{hint}"),
    "incident.error.did_you_mean": ("（候補：{near}）", "; did you mean: {near}"),
    "incident.error.kind.partner": ("提供先", "partner"),
    "incident.error.kind.flow": ("提供・受領", "flow"),
    "incident.error.kind.item": ("項目", "item"),
    "incident.error.kind.department": ("部門", "department"),
    "incident.error.no_data": (
        "事案に該当する個人データがありません。--partner、--item、--department、--flow のいずれか（データのあるもの）"
        "を指定してください",
        "the incident touches no data: give --partner, --item, --department or --flow (with data)",
    ),
    "incident.error.option": (
        "{option}: 「{given}」は使えません。次のいずれかを指定してください：{choices}",
        "{option}: '{given}'; expected one of {choices}",
    ),
    "incident.error.recovered_unread": (
        "--recovered-unread は誰もデータを見ていないこと、--confidentiality {confidentiality} は誰かが見たことを"
        "示します。どちらか一方を指定してください",
        "--recovered-unread says no one saw the data; --confidentiality {confidentiality} says someone did: "
        "give one of them",
    ),
    "incident.error.negative": (
        "{option}: {value} は使えません。0以上の整数を指定してください",
        "{option}: {value}; expected a whole number ≥ 0",
    ),
    "incident.need.circumstances": ("この原因の既定の状況", "the default circumstances of this cause"),
    "incident.need.adjustments": ("ENISA の状況による調整", "the ENISA context adjustments"),
    "incident.need.amounts": ("この調整の値", "the amounts of this adjustment"),
    "pipeline.as_of": (
        "as_of: 「{value}」は日付ではありません。YYYY-MM-DD の形式で入力してください",
        "as_of: {value!r} is not a date; expected YYYY-MM-DD",
    ),
    "files.exists_not_dir": (
        "{path}: 同じ名前のファイルがあります。フォルダを指定してください",
        "{path}: exists and is not a directory",
    ),
    "files.dir_not_empty": (
        "{path}: フォルダが空ではありません。新しいフォルダか空のフォルダを指定してください",
        "{path}: directory is not empty; choose a new or empty directory",
    ),
    "files.file_exists": (
        "{path}: 既にあります。新しいファイル名を指定してください",
        "{path}: already exists; choose a new file name",
    ),
    "files.no_folder": ("{path}: フォルダがありません", "{path}: no such folder"),
    "files.appeared": (
        "{path}: 作成中に同じ名前のものが現れました。何も置き換えていません",
        "{path} appeared while it was being built; nothing was replaced",
    ),
    "write.not_empty": (
        "{path}: フォルダが空ではありません（台帳の表を置き換えるには --replace を指定してください）",
        "{path}: folder is not empty (use --replace to replace its ledger tables)",
    ),
    "fides.out_not_empty": (
        "{path}: 空でないフォルダかファイルがあります。新しいフォルダか空のフォルダを指定してください",
        "{path}: exists and is not an empty directory; choose a new or empty one",
    ),
    "fides.bad_yaml": (
        "{path}: YAML として読めません（{detail}）",
        "{path}: cannot be read as YAML ({detail})",
    ),
    "fides.where": ("{file} の「{key}」", "'{key}' in {file}"),
    "fides.where_unknown": ("どこか", "one resource"),
    "fides.bad_csv": (
        "データマップの{where}にある{table}の CSV が正しくありません（CSV の{line}行目：{detail}）",
        "the CSV of the {table} held in {where} of the data map is malformed (its line {line}: {detail})",
    ),
    "fides.not_utf8": ("{byte}バイト目が UTF-8 ではありません", "byte {byte} is not UTF-8"),
    "fides.yaml_line": ("{line}行目：", "line {line}: "),
    "fides.not_a_directory": (
        "{path}: Fides の YAML ファイルのフォルダではありません",
        "{path}: not a directory of Fides YAML files",
    ),
    "fides.not_ours": (
        "{path}: meta.{key} を持つリソースがありません。import-fides が読めるのは export-fides で書き出した"
        "データマップだけです（ほかで作ったデータマップには部門など台帳に必要な情報がありません）",
        "{path}: no resource carries meta.{key}; import-fides reads data maps written by export-fides (a data "
        "map made elsewhere lacks what the ledger needs, e.g. departments)",
    ),
    "history.no_report": (
        "期間 {period}: {out} に報告がありません（先に「privacy-inventory review --period {period}」を実行して"
        "ください）",
        "period {period}: no report in {out} (run 'privacy-inventory review --period {period}' first)",
    ),
    "history.neither": (
        "{text}: 期間（YYYYQn）でも台帳のフォルダでもありません",
        "{text}: neither a period (YYYYQn) nor a ledger directory",
    ),
    "period.not_a_quarter": (
        "{what}: 「{text}」は四半期ではありません。YYYYQ1〜YYYYQ4 の形式で入力してください（例：2026Q4）",
        "{what}: {text!r} is not a quarter; expected YYYYQ1 … YYYYQ4, e.g. 2026Q4",
    ),
    "review.exists": ("{path} は既にあります", "{path} already exists"),
    "review.bad_lang": (
        "--lang: 「{lang}」は使えません。ja か en を指定してください",
        "--lang: {lang!r}; expected ja or en",
    ),
    "review.period_exists": (
        "{path} は既にあります。確定した期間は上書きしません（置き換えるには --force）",
        "{path} already exists: a finished period is not overwritten (use --force to replace it)",
    ),
    "snapshot.none": (
        "{path}: スナップショットがありません（{meta} が必要です）。その期間の「privacy-inventory review」を"
        "実行してください",
        "{path}: no snapshot (expected {meta}); run 'privacy-inventory review' for that period",
    ),
    "snapshot.not_an_object": ("JSON のオブジェクトではありません", "not an object"),
    "snapshot.key_unreadable": (
        "{path}: 署名鍵を読めません（{reason}）",
        "{path}: the signing key cannot be read ({reason})",
    ),
    "snapshot.key_short": (
        "{path}: 署名鍵が短すぎます（16バイト以上の秘密の値が必要です）",
        "{path}: the signing key is too short (expected at least 16 bytes of secret)",
    ),
    "snapshot.no_manifest": (
        "{path}: {manifest} がありません。確定した期間の報告ではありません",
        "{path}: no {manifest}; not a finished period report",
    ),
}
PROBLEM_TEXTS |= {
    "incident.need.preliminary": ("速報の目安の日数", "the guidance window of the preliminary report"),
    "incident.need.final_unlawful": (
        "不正の目的による場合の確報の日数",
        "the days of the final report for an unlawful purpose",
    ),
    "incident.need.final": ("確報の日数", "the days of the final report"),
    "incident.need.notice": ("本人通知の目標の日数", "the target days for the notice"),
    "textio.bom": (
        "UTF-8 の BOM で始まりますが、{byte}バイト目が UTF-8 ではありません",
        "starts with a UTF-8 BOM but byte {byte} is not UTF-8",
    ),
    "textio.encoding": (
        "{byte}バイト目（{hex}）が UTF-8 でも cp932 でもありません。{accepted} で保存し直してください",
        "byte {byte} ({hex}) is neither UTF-8 nor cp932; save the file as {accepted}",
    ),
    "textio.accepted": (
        "UTF-8（BOM 付きも可）か cp932（日本語版 Excel）",
        "UTF-8, UTF-8 with BOM, or cp932 (Japanese Excel)",
    ),
}
PROBLEM_TEXTS |= {
    "execute.cell": ("セル{cell}", "cell {cell}"),
    "execute.before_first": ("最初のセルの前", "before the first cell"),
    "execute.kept": (
        "。途中まで実行したノートブックを {path} に残しました",
        "; the partly executed notebook is kept at {path}",
    ),
    "execute.failed": (
        "ノートブック {notebook} が{where}で失敗しました：{ename}: {evalue}{kept}",
        "notebook {notebook} failed at {where}: {ename}: {evalue}{kept}",
    ),
    "files.restored": (
        "{path} を元に戻しました（中断された実行が退避していました）",
        "restored {path} (an interrupted run had moved it aside)",
    ),
    "files.removed_old": (
        "{name} を削除しました（中断された実行が置き換えた報告）",
        "removed {name} (the report an interrupted run replaced)",
    ),
    "files.removed_build": (
        "{name} を削除しました（中断された実行の残り）",
        "removed {name} (left by an interrupted run)",
    ),
}
PROBLEM_TEXTS |= {
    # why the operating system refused (errors.os_reason); English: as the system words it
    "oserror.EACCES": ("アクセス権がありません", "Permission denied"),
    "oserror.EPERM": ("操作が許可されていません", "Operation not permitted"),
    "oserror.ENOENT": ("ファイルまたはフォルダがありません", "No such file or directory"),
    "oserror.ENOSPC": ("ディスクの空き容量がありません", "No space left on device"),
    "oserror.EROFS": ("読み取り専用のファイルシステムです", "Read-only file system"),
    "oserror.EISDIR": ("フォルダです", "Is a directory"),
    "oserror.ENOTDIR": ("フォルダではありません", "Not a directory"),
    "oserror.EDQUOT": ("ディスクの使用量の上限を超えています", "Disk quota exceeded"),
    "oserror.EIO": ("入出力エラーです", "Input/output error"),
    "oserror.EEXIST": ("既にあります", "File exists"),
    "oserror.ENAMETOOLONG": ("名前が長すぎます", "File name too long"),
}
