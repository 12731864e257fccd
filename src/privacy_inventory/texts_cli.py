"""The command line's texts: every command's and option's --help, and the messages commands print.

Keys: `help.<command path>` (e.g. `help.incident.list`) and `help.<command path>.<parameter>`, and
`cli.<…>` for messages. Each entry is (Japanese, English). A parameter several commands share has its
text once below and is listed under each command's key.
"""

from __future__ import annotations

CLI_TEXTS: dict[str, tuple[str, str]] = {}

# --- parameters several commands share ------------------------------------------------------------
_LEDGER = (
    "台帳のフォルダ（CSV と YAML）または Excel ブック。省略時は同梱の生協の例示台帳。",
    "Ledger directory (CSV + YAML) or workbook. Default: the bundled co-op ledger.",
)
_FORMAT = ("table は人が読む表、json と csv は機械向け。", "table for people, json or csv for machines.")
_MODEL = (
    "使うリスクモデル（risk_model.yaml）。省略時は台帳のもの、なければ同梱のもの。",
    "risk_model.yaml to use (default: the ledger's own, else bundled).",
)
_AS_OF = (
    "基準日（YYYY-MM-DD）。委託先点検からの経過月数などをこの日で数える。省略時は今日。",
    "Date inspection ages are counted to, YYYY-MM-DD (default: today).",
)
_OUT_PERIODS = (
    "報告書のフォルダ。期ごとにサブフォルダができる。",
    "Folder that holds one sub-folder per period.",
)
_LANG = (
    "表示と出力の言語（ja または en）。省略時は --lang、PRIVACY_INVENTORY_LANG、ロケールの順で決まる。",
    "Language, ja or en (default: --lang, else PRIVACY_INVENTORY_LANG, else the locale).",
)
_FORCE_WORKBOOK = ("既存のブックを置き換える。", "Replace an existing workbook.")
_WORKBOOK_OUT = ("書き出すブック（.xlsx）。", "The workbook to write (.xlsx).")
_EXPORT_LEDGER = (
    "台帳のフォルダまたはブック。省略時は同梱の例示台帳。",
    "Ledger directory or workbook (default: the bundled ledger).",
)
_WRITE_DIR = (
    "書き込む台帳のフォルダ（新規または空。既存なら --replace）。",
    "The ledger directory to write (new or empty, or see --replace).",
)
_FORCE_WARNINGS = (
    "警告があっても書き込む（エラーがあるときは書き込まない）。",
    "Write even when there are warnings (never with errors).",
)
_REPLACE = (
    "既存の台帳フォルダの CSV を置き換える。",
    "Replace the CSV tables of an existing ledger directory.",
)
_PERIOD_OR_LEDGER = (
    "期（YYYYQn、OUT の報告書）または台帳のフォルダ。",
    "A period (YYYYQn, from OUT) or a ledger directory.",
)


# --- the root and the global options -----------------------------------------------------------------
CLI_TEXTS |= {
    "help": (
        "個人情報管理台帳を管理し、リスクを評価し、個人情報保護法と番号法に照らして点検し、四半期レビューを作成します。"
        "台帳を指定しないコマンドは、同梱の生協の例示台帳を使います。",
        "Keep a personal-data ledger, score its risks, check it against APPI and the My Number Act, and "
        "produce the quarterly review. Every command defaults to the bundled example ledger of a Japanese "
        "consumer co-op when no ledger directory is given.",
    ),
    "help.lang": (
        "メッセージとヘルプの言語（ja または en）。省略時は PRIVACY_INVENTORY_LANG、ロケールの順で決まり、"
        "どちらも言語を示さなければ日本語。",
        "Language of messages and help, ja or en (default: PRIVACY_INVENTORY_LANG, else the locale, else "
        "Japanese).",
    ),
    "help.show_version": ("バージョンを表示して終了する。", "Show the version and exit."),
}

# --- the ledger: validate, init, synth, schema, export and import ------------------------------------
CLI_TEXTS |= {
    "help.validate": (
        "台帳をスキーマに照らして検証します。問題ごとにファイル、行、列、値と、期待される値を示します。\n\n"
        "終了コード：0＝問題なし、1＝台帳にエラーあり、2＝パスまたはファイルを読めない。",
        "Check a ledger against the schema: every problem with file, row, column, value and what was "
        "expected.\n\nExit code 0 = valid, 1 = the ledger has errors, 2 = the path or a file cannot be read.",
    ),
    "help.validate.ledger": _LEDGER,
    "help.validate.fmt": _FORMAT,
    "help.validate.max_problems": ("表に示す問題の最大件数。", "Problems to list in table output."),
    "help.init": (
        "台帳を始めます。空の表のフォルダ、または記入用の Excel ブックを作ります。\n\n"
        "`init DIR` は見出しだけの各表、組織情報のひな形、リスクモデルを書き出します（ファイルのあるフォルダには"
        "書きません）。`init FILE.xlsx` は、はじめにのシート、選択リスト、シートごとの記入例の行（ID が「例」で"
        "始まる行。変更か削除するまで import-xlsx は受け付けません）と、項目×提供先の表を持つブックを書き出します。",
        "Start a ledger: a directory of empty tables, or an Excel workbook to fill in.\n\n`init DIR` "
        "writes every table with its header, an organisation template and the risk model; it refuses a "
        "directory that already has files in it. `init FILE.xlsx` writes a workbook with a guide sheet, "
        "dropdowns and a few example rows per sheet (marked as examples; import-xlsx refuses them until "
        "they are changed or deleted), and the item × partner matrix.",
    ),
    "help.init.directory": (
        "新しい（または空の）フォルダ、または新しい記入用ブック FILE.xlsx（説明と記入例つき）。",
        "A new or empty directory, or a new workbook FILE.xlsx to fill in (guide and example rows).",
    ),
    "help.synth": (
        "任意の大きさの、検証を通る合成台帳を作ります（テスト、性能測定、デモ用）。",
        "Generate a valid synthetic ledger of any size (for tests, benchmarks and demos).",
    ),
    "help.synth.out": (
        "合成台帳を書き出す新しい（または空の）フォルダ。",
        "A new or empty directory for the synthetic ledger.",
    ),
    "help.synth.items": ("個人情報の項目の数。", "Number of data items."),
    "help.synth.partners": ("提供先・委託先の数。", "Number of partners."),
    "help.synth.flows": ("提供・受領の数。", "Number of flows."),
    "help.synth.seed": (
        "乱数の種。同じ種からは同じ台帳ができる。",
        "Random seed: the same seed gives the same ledger.",
    ),
    "help.schema": (
        "台帳の列の説明（Markdown）を、一つのスキーマ定義から生成して表示します。--fides では export-fides の"
        "対応表（docs/fides.md）を表示します。",
        "Print the ledger's column reference (Markdown), generated from the one schema definition; with "
        "--fides, the mapping of export-fides (docs/fides.md).",
    ),
    "help.schema.out": (
        "表示せずにこのファイルへ Markdown を書き出す。",
        "Write the Markdown here instead of printing it.",
    ),
    "help.schema.fides": (
        "代わりに Fides 出力と fideslang の分類との対応を示す。",
        "The Fides export's mapping to the fideslang taxonomy instead.",
    ),
    "help.export-xlsx": (
        "台帳を人が記入する Excel ブックとして書き出します。はじめにのシート、表ごとのシート（日本語の見出しと"
        "その説明のコメント）、日本語ラベルと「はい／いいえ」の選択リスト、日付の書式、〇を付けると提供・受領が"
        "加わる項目×提供先の表（docs/ledger.md）。\n\n"
        "`export-xlsx OUT.xlsx` は同梱の台帳を、`export-xlsx DIR OUT.xlsx` は指定の台帳を書き出します。",
        "The ledger as an Excel workbook for people: a guide sheet, a sheet per table with Japanese "
        "headers (explained in their comments), dropdowns of Japanese labels and yes/no, dates as dates, "
        "and the item × partner matrix where a mark adds a flow (docs/ledger.md).\n\n`export-xlsx "
        "OUT.xlsx` exports the bundled ledger; `export-xlsx DIR OUT.xlsx` another one.",
    ),
    "help.export-xlsx.ledger": _EXPORT_LEDGER,
    "help.export-xlsx.out": _WORKBOOK_OUT,
    "help.export-xlsx.force": _FORCE_WORKBOOK,
    "help.import-xlsx": (
        "ブックを読み、CSV の台帳と同じく検証し（問題はセルで示す。例：提供・受領!D17）、問題がないときだけ CSV の"
        "台帳を一括で書き込みます。ラベル、英語のラベル、コードはいずれもコードとして読みます。項目×提供先の表の"
        "新しい〇は提供・受領になります。記入例の行（ID が「例」で始まる行）は受け付けません。",
        "Read a workbook, validate it like a CSV ledger (problems by cell, sheet and cell name) and write "
        "the CSV ledger atomically only when it is valid. Labels, English labels and codes are read as "
        "codes; each new mark of the item × partner matrix becomes a flow; example rows are refused.",
    ),
    "help.import-xlsx.workbook": ("読み込むブック（.xlsx）。", "The workbook to read (.xlsx)."),
    "help.import-xlsx.directory": _WRITE_DIR,
    "help.import-xlsx.force": _FORCE_WARNINGS,
    "help.import-xlsx.replace": _REPLACE,
    "help.import-xlsx.fmt": _FORMAT,
    "help.export-csv": (
        "台帳の各表を Excel 利用者向けの CSV として書き出します。数式と解釈されうるセルは無害化します。cp932 では、"
        "表せない文字をセルごとに示し、何も書き出しません。`export-csv OUT` は同梱の台帳を書き出します。",
        "The ledger's tables as CSV for Excel users: formula-like cells defused; with cp932, characters it "
        "cannot hold are reported by cell and nothing is written. `export-csv OUT` exports the bundled "
        "ledger.",
    ),
    "help.export-csv.ledger": _EXPORT_LEDGER,
    "help.export-csv.out": (
        "CSV を書き出す新しい（または空の）フォルダ。",
        "A new or empty folder for the CSV files.",
    ),
    "help.export-csv.encoding": (
        "文字コード。utf-8-sig（どの言語の Excel でも可）または cp932（日本語版 Excel）。",
        "utf-8-sig (Excel, any language) or cp932 (Japanese Excel).",
    ),
    "help.export-daicho": (
        "プライバシーマーク（JIS Q 15001）の審査で求められる形の個人情報管理台帳を書き出します。項目ごとに1行"
        "（提供先の異なる利用目的のまとまりごとにも1行）、通例の列、コードでなくラベル、台帳にない事項は【未記載】、"
        "リスクは --as-of 時点。A3 横、各ページに見出し行。\n\n"
        "`export-daicho OUT.xlsx` は同梱の台帳を、`export-daicho DIR OUT.xlsx` は指定の台帳を書き出します。",
        "The personal-data ledger as a Privacy Mark (JIS Q 15001) auditor expects it: one row per item "
        "(and per group of purposes where the partners differ), the customary columns, labels not codes, "
        "a 'not recorded' mark for what the ledger lacks, risks as of --as-of; A3 landscape, header "
        "repeated on every page.\n\n`export-daicho OUT.xlsx` exports the bundled ledger; `export-daicho "
        "DIR OUT.xlsx` another one.",
    ),
    "help.export-daicho.ledger": _EXPORT_LEDGER,
    "help.export-daicho.out": _WORKBOOK_OUT,
    "help.export-daicho.as_of": _AS_OF,
    "help.export-daicho.model": _MODEL,
    "help.export-daicho.lang": _LANG,
    "help.export-daicho.force": _FORCE_WORKBOOK,
    "help.export-fides": (
        "台帳を Fides のデータマップ（fideslang の YAML）として書き出します。項目の保管システムごと・提供先ごとの"
        "システム、利用目的ごとのプライバシー宣言、flows.csv のとおりの送受信、項目のデータセット、fideslang に"
        "ない分類ラベルの追加（docs/fides.md）。\n\n"
        "`export-fides OUT` は同梱の台帳を、`export-fides DIR OUT` は指定の台帳を書き出します。",
        "The ledger as a Fides data map (fideslang YAML): a system per storage system of items and per "
        "partner, privacy declarations per purpose, egress/ingress as in flows.csv, datasets of the "
        "items, and the taxonomy labels added where fideslang has none (docs/fides.md).\n\n`export-fides "
        "OUT` exports the bundled ledger; `export-fides DIR OUT` another one.",
    ),
    "help.export-fides.ledger": _EXPORT_LEDGER,
    "help.export-fides.out": (
        "YAML を書き出す新しい（または空の）フォルダ。",
        "A new or empty folder for the YAML files.",
    ),
    "help.import-fides": (
        "export-fides が書き出した Fides のデータマップを台帳に読み戻します。項目、利用目的、利用、提供先、"
        "提供・受領、部署、共同利用（名称、区分、本人の種類、住所は Fides 上の現在の内容）。安全管理措置、"
        "改善処置と organisation.yaml の大半は戻りません（docs/fides.md）。ほかの台帳と同じく検証し、問題が"
        "ないときだけ一括で書き込みます。",
        "Read a Fides data map written by export-fides back into a ledger: items, purposes, uses, "
        "partners, flows, departments and joint-use arrangements (names, categories, subjects and "
        "addresses as they now stand in Fides). Controls, actions and most of organisation.yaml do not "
        "come back (docs/fides.md). Validated like any ledger; written atomically only when valid.",
    ),
    "help.import-fides.source": (
        "export-fides が書き出した Fides の YAML のフォルダ。",
        "A folder of Fides YAML written by export-fides.",
    ),
    "help.import-fides.directory": _WRITE_DIR,
    "help.import-fides.force": _FORCE_WARNINGS,
    "help.import-fides.replace": _REPLACE,
}

# --- draft --------------------------------------------------------------------------------------------
CLI_TEXTS |= {
    "help.draft": (
        "公表しているプライバシーポリシーから台帳の下書きを作ります。組織、利用目的（原文のまま）、共同利用、"
        "共同利用者、委託先、第三者提供の例外、記載された項目。各行に出典の行（source=policy:L<n>）を付け、推測した"
        "値は assumed 列に記します。\n\n見つけたものと、読み取れなかった行の範囲を表示します。\n\n"
        "終了コード：0＝書き出した、1＝使えるものが見つからない、2＝ポリシーを読めない、または OUT が新規でも空でもない。",
        "Draft a ledger from the published privacy policy: organisation, purposes (verbatim), joint-use "
        "arrangements, joint users, outsourcees and third-party exceptions, and the items named, each row "
        "with its line (source=policy:L<n>) and every guessed value named in `assumed`.\n\nPrints what "
        "was found and the line ranges not understood.\n\nExit code 0 = written, 1 = nothing usable "
        "found, 2 = the policy cannot be read or OUT is not new or empty.",
    ),
    "help.draft.policy": (
        "公表しているプライバシーポリシーのテキスト（UTF-8、BOM 付き UTF-8 または cp932）。",
        "The published privacy policy as text (UTF-8, UTF-8 with BOM or cp932).",
    ),
    "help.draft.out": (
        "下書きの台帳を書き出す新しい（または空の）フォルダ。",
        "A new or empty folder for the draft ledger.",
    ),
    "help.draft.force": (
        "OUT が空でなくても置き換える（中身はすべて消える）。",
        "Replace OUT when it is not empty (everything in it).",
    ),
    "help.draft.lang": _LANG,
}

# --- score, check, rules, notice ----------------------------------------------------------------------
CLI_TEXTS |= {
    "help.score": (
        "すべての項目、提供・受領、提供先のリスクを、影響度×発生可能性で、対策前と対策後について理由とともに評価"
        "します。\n\n高い順に並べます。各行の理由は risk_model.yaml の要因から日本語と英語で示します。",
        "Score every item, flow and partner: severity × likelihood, inherent and residual, with the "
        "reason.\n\nRanked worst first. Each row says why, in Japanese and English, from the factors in "
        "risk_model.yaml.",
    ),
    "help.score.ledger": _LEDGER,
    "help.score.top": (
        "表ごとの行数（表示では既定 15、それ以外は全件）。",
        "Rows per table (default 15 in a table, all otherwise).",
    ),
    "help.score.level": (
        "この水準以上の行だけを示す（水準はリスクモデルのもの。high でも 高 でもよい）。",
        "Only rows at this level or worse (a level of the risk model, by its code or its name, e.g. high).",
    ),
    "help.score.table": (
        "csv で出す表：flows（提供・受領）、items（項目）、partners（提供先）。",
        "For csv: flows, items or partners.",
    ),
    "help.score.fmt": _FORMAT,
    "help.score.model": _MODEL,
    "help.score.as_of": _AS_OF,
    "help.check": (
        "個人情報保護法と番号法に照らした指摘を、条文と是正策とともに示します。\n\n"
        "終了コード 0。--fail-on を指定し、その重大度以上の指摘があれば 1。",
        "Compliance findings under APPI and the My Number Act: each with its article and the fix.\n\n"
        "Exit 0, or 1 when --fail-on is given and a finding at or above it exists.",
    ),
    "help.check.ledger": _LEDGER,
    "help.check.min_severity": ("この重大度以上の指摘を示す。", "Show findings at or above this severity."),
    "help.check.fail_on": (
        "この重大度以上の指摘があれば終了コード 1 にする（CI 用）。",
        "Exit 1 when a finding at or above this severity exists (for CI).",
    ),
    "help.check.fmt": _FORMAT,
    "help.check.model": _MODEL,
    "help.check.as_of": _AS_OF,
    "help.rules": (
        "点検ルールの一覧：ID、条文、表題、既定の重大度。",
        "List the compliance rules: id, article, title and default severity.",
    ),
    "help.rules.fmt": _FORMAT,
    "help.notice": (
        "台帳から生成した公表文（利用目的と、共同利用ごとの記載）を示します。\n\n"
        "--compare FILE では公表しているポリシーを読み（【】の見出しや法の見出し、番号付きや箇条書き、文中に書かれた"
        "共同利用者）、利用目的と、共同利用ごとの項目、共同利用者、除外、利用目的、管理責任者（名称、住所、代表者）"
        "の食い違いを双方向に示します。「全ての項目」といった記載は特定されていないものとして、読めない部分は"
        "「読み取れない：N～M行」として示します。何か示したときは終了コード 1。",
        "The public notice (purposes of use, one block per joint-use arrangement) generated from the "
        "ledger.\n\nWith --compare FILE, reads a published policy (bracket headings or the statute's own "
        "headings, numbered or bulleted lists, joint users named in prose) and lists, both ways, the "
        "purposes and, per joint-use arrangement, the items, joint users, exclusions, purposes and manager "
        '(name, address, representative) that differ; "all items" wording is reported as not specific and '
        'parts it cannot read as "not understood: lines N–M". Exit 1 when anything is listed.',
    ),
    "help.notice.ledger": _LEDGER,
    "help.notice.lang": _LANG,
    "help.notice.fmt": (
        "md、html または json。--compare では table または json。",
        "md, html or json; with --compare: table or json.",
    ),
    "help.notice.compare": (
        "照らし合わせる公表済みのポリシーのテキスト（双方向に比べる）。",
        "A published policy text to compare with, both ways.",
    ),
    "help.notice.out": (
        "表示せずにこのファイルへ書き出す。",
        "Write the notice to this file instead of printing it.",
    ),
}

# --- review, verify, diff -----------------------------------------------------------------------------
CLI_TEXTS |= {
    "help.review": (
        "四半期レビュー：ノートブックを実行し、オフラインで読める HTML の報告書を OUT/期/ に作ります。\n\n"
        "実行済みのノートブックとそれぞれの HTML（コードは隠し、ネットワーク不要）、index.html、scores.csv、"
        "findings.csv、summary.json、台帳のスナップショット、SHA-256 のマニフェストを書き出します。報告書は別の"
        "場所で作り、完成してから置き換えます。既にある期には --force が必要です。",
        "The quarterly review: notebooks run into an offline HTML report in OUT/PERIOD/.\n\nWrites the "
        "executed notebooks, one HTML page each (code hidden, no network needed), index.html, scores.csv, "
        "findings.csv, summary.json, a snapshot of the ledger and a SHA-256 manifest. The report is built "
        "aside and moved into place only when complete; an existing period needs --force.",
    ),
    "help.review.ledger": _LEDGER,
    "help.review.period": (
        "レビューする四半期（YYYYQn）。省略時は今の四半期。",
        "Quarter to review, YYYYQn (default: the current quarter).",
    ),
    "help.review.inventory": (
        "（非推奨）台帳のフォルダ。代わりに引数 LEDGER を指定する。",
        "(Deprecated) ledger directory; give LEDGER instead.",
    ),
    "help.review.out": _OUT_PERIODS,
    "help.review.lang": _LANG,
    "help.review.force": (
        "同じ期の既存の報告書を置き換える。",
        "Replace an existing report of the same period.",
    ),
    "help.review.jobs": ("同時に実行するノートブックの数。", "Notebooks run at once."),
    "help.verify": (
        "完成した報告書を SHA-256 のマニフェストに照らして確かめます：変更、欠落、追加されたファイル。PERIOD を"
        "省くと、保存されたすべての期と期の間の連鎖（各マニフェストは前の期のハッシュを持つ）を確かめます。",
        "Check finished reports against their SHA-256 manifests: changed, missing or added files; with no "
        "PERIOD, every stored period and the chain between them (each manifest holds the previous one's "
        "hash).",
    ),
    "help.verify.period": (
        "確かめる期（YYYYQn）。省略時は保存されたすべての期とその連鎖。",
        "The period to check, YYYYQn (default: every stored period and the chain).",
    ),
    "help.verify.out": _OUT_PERIODS,
    "help.verify.key": (
        "署名鍵のファイル（省略時は環境変数 PRIVACY_INVENTORY_SIGNING_KEY）。指定すると署名も確かめる。",
        "The signing key file (default: $PRIVACY_INVENTORY_SIGNING_KEY); signatures are checked when given.",
    ),
    "help.diff": (
        "FROM から TO への変化：追加・削除・変更された行（旧 → 新）、動いたリスク水準とその理由、新たな指摘と"
        "解消した指摘、本人への通知が必要な共同利用の変更（個人情報保護法第27条第6項）、追加・完了した漏えい等事案。",
        "What changed from FROM to TO: rows added, removed and changed (old → new), risk levels that "
        "moved and why, findings opened and resolved, joint-use arrangements whose change needs a notice "
        "to the people (APPI Art.27(6)), and incidents added and closed.",
    ),
    "help.diff.source": _PERIOD_OR_LEDGER,
    "help.diff.target": _PERIOD_OR_LEDGER,
    "help.diff.out": _OUT_PERIODS,
    "help.diff.fmt": _FORMAT,
    "help.diff.as_of": _AS_OF,
}

# --- actions ------------------------------------------------------------------------------------------
CLI_TEXTS |= {
    "help.actions": (
        "改善処置の管理（PDCA）：状況と、誰も対応していないものへの改善処置の案。",
        "The action register (PDCA): status, and drafts for what nobody is acting on.",
    ),
    "help.actions.status": (
        "期限を過ぎた改善処置、改善処置のない重大な指摘とリスク、完了にできる改善処置、証跡なしで完了した改善処置。",
        "Overdue actions, high findings and risks with no action, actions ready to close, actions closed "
        "without evidence.",
    ),
    "help.actions.status.ledger": _LEDGER,
    "help.actions.status.fmt": _FORMAT,
    "help.actions.status.as_of": _AS_OF,
    "help.actions.suggest": (
        "対応のない重大な指摘と高い残存リスクへの改善処置の案を作り、CSV で表示します。--write のときだけ "
        "actions.csv に追記します（既存の行は変えません）。",
        "Draft actions for unaddressed high findings and high residual risks. Prints them as CSV; only "
        "--write appends them to actions.csv (existing rows are never changed).",
    ),
    "help.actions.suggest.ledger": _LEDGER,
    "help.actions.suggest.write": (
        "案を台帳の actions.csv に追記する。",
        "Append the drafts to the ledger's actions.csv.",
    ),
    "help.actions.suggest.as_of": _AS_OF,
}

# --- incident -----------------------------------------------------------------------------------------
CLI_TEXTS |= {
    "help.incident": (
        "漏えい等事案の初動評価：影響を受ける本人と項目、ENISA の重大度、個人情報保護法（第26条）と番号法"
        "（第29条の4）による個人情報保護委員会への報告と本人への通知の要否と期限。`incident list` と "
        "`incident show ID` は漏えい等事案の記録を読みます。",
        "Breach triage: who and what is affected, ENISA severity, and whether and by when the APPI "
        "(Art.26) and the My Number Act (Art.29-4) require a report to the PPC and notice to the people. "
        "`incident list` and `incident show ID` read the incident register.",
    ),
    "help.incident.ledger": _LEDGER,
    "help.incident.partner": (
        "事案が起きた提供先・委託先（そこへの提供・受領が影響を受ける）。",
        "The partner where it happened (its outbound flows are affected).",
    ),
    "help.incident.item": (
        "影響を受けた項目の ID。繰り返すかカンマで区切る。",
        "Affected item id(s); repeat or separate with commas.",
    ),
    "help.incident.department": (
        "事案が起きた部署（その部署の項目が影響を受ける）。",
        "The department where it happened (its items are affected).",
    ),
    "help.incident.flow": (
        "影響を受けた提供・受領の ID。繰り返すかカンマで区切る。",
        "Affected flow id(s); repeat or separate with commas.",
    ),
    "help.incident.records_": (
        "影響を受けた本人の数（省略時は台帳から）。",
        "People affected (default: from the ledger).",
    ),
    "help.incident.my_number_people": (
        "個人番号が漏えいした本人の数（--records より少ないとき。番号法の報告基準）。",
        "People whose My Number leaked, when fewer than --records (My Number Act threshold).",
    ),
    "help.incident.cause": (
        "何が起きたか。状況の既定値はこれで決まる。",
        "What happened; it gives the default circumstances.",
    ),
    "help.incident.discovered": (
        "事案を知った日（YYYY-MM-DD）。省略時は今日。",
        "The day the incident became known, YYYY-MM-DD (default: today).",
    ),
    "help.incident.occurred": (
        "事案が起きた日（YYYY-MM-DD）。分かれば。",
        "The day it happened, YYYY-MM-DD, if known.",
    ),
    "help.incident.confidentiality": (
        "ENISA の機密性の喪失（省略時は原因による）。",
        "ENISA loss of confidentiality (default: the cause's).",
    ),
    "help.incident.integrity": (
        "ENISA の完全性の喪失（省略時は原因による）。",
        "ENISA loss of integrity (default: the cause's).",
    ),
    "help.incident.availability": (
        "ENISA の可用性の喪失（省略時は原因による）。",
        "ENISA loss of availability (default: the cause's).",
    ),
    "help.incident.malicious": (
        "不正の目的によるおそれがある／ない（省略時は原因による）。",
        "Malicious intent / unlawful purpose (default: the cause's).",
    ),
    "help.incident.publicly_viewable": (
        "不特定の者が電子的方法で閲覧できる状態か（省略時は原因による）。",
        "Viewable by unspecified persons by electronic means (default: the cause's).",
    ),
    "help.incident.recovered_unread": (
        "誰にも見られる前にすべて回収した：漏えいに当たらない（ガイドライン 3-5-1-1）。",
        "Every copy recovered before anyone saw it: not a leak (GL 3-5-1-1).",
    ),
    "help.incident.encrypted": (
        "高度な暗号化をしており、鍵は漏えいしていない。",
        "Advanced encryption, key not leaked.",
    ),
    "help.incident.mn_network": (
        "情報提供ネットワークシステムの特定個人情報。",
        "My Number data of the information-provision network.",
    ),
    "help.incident.adjust": (
        "この事案の ENISA の文脈による補正。複数なら繰り返す。",
        "ENISA context adjustment of this incident; repeat for several.",
    ),
    "help.incident.fmt": (
        "table、json または md（報告書の下書き）。",
        "table, json or md (the drafted report).",
    ),
    "help.incident.lang": _LANG,
    "help.incident.report": (
        "オフラインで読める HTML の事案報告書（ノートブック 05）も書き出す。",
        "Also write an offline HTML incident report (notebook 05).",
    ),
    "help.incident.out": (
        "--report の書き出し先（incidents/… のサブフォルダ）。",
        "Folder for --report (a sub-folder incidents/…).",
    ),
    "help.incident.record": (
        "評価した事案を台帳の incidents.csv に追記する。",
        "Append the assessed incident to the ledger's incidents.csv.",
    ),
    "help.incident.incident_id": (
        "--record で記録する ID（省略時は INC-<年>-<連番>）。",
        "Register id for --record (default: INC-<year>-<next>).",
    ),
    "help.incident.notes": ("記録の行に書く備考（--record）。", "Notes for the register row (--record)."),
    "help.incident.model": _MODEL,
    "help.incident.list": (
        "漏えい等事案の記録：事案ごとの義務、各報告と本人への通知が期限内にされたか（--as-of 時点）、"
        "再発防止の改善処置。",
        "The incident register: each incident with its duties and whether each report and the notice "
        "were made on time (as of --as-of), and its recurrence-prevention action.",
    ),
    "help.incident.list.ledger": _LEDGER,
    "help.incident.list.status": (
        "対応中または完了の事案だけを示す。",
        "Only open or only closed incidents.",
    ),
    "help.incident.list.fmt": _FORMAT,
    "help.incident.list.as_of": _AS_OF,
    "help.incident.list.lang": _LANG,
    "help.incident.show": (
        "記録した事案一件：すべての欄と各義務の状況（--as-of 時点）。--format md では台帳から報告書を"
        "改めて下書きします。",
        "One recorded incident: every field, the state of each duty (as of --as-of); --format md drafts "
        "its report again from the ledger.",
    ),
    "help.incident.show.incident_id": ("記録上の事案の ID。", "The incident's id in the register."),
    "help.incident.show.ledger": _LEDGER,
    "help.incident.show.fmt": (
        "table、json または md（報告書の下書き）。",
        "table, json, or md (its drafted report).",
    ),
    "help.incident.show.as_of": _AS_OF,
    "help.incident.show.lang": _LANG,
    "help.incident.show.model": _MODEL,
}

# --- typer's and click's own words (see cli/language.py) ------------------------------------------
CLI_TEXTS |= {
    "cli.usage": ("使い方: ", "Usage: "),
    "cli.usage.options": ("[オプション]", "[OPTIONS]"),
    "cli.usage.command": ("コマンド [引数]...", "COMMAND [ARGS]..."),
    "cli.help_option": ("このヘルプを表示して終了する。", "Show this message and exit."),
    "cli.choices": ("（{pairs}）", "({pairs})"),
    "cli.choices.sep": (" / ", "; "),
    "cli.typer.ARGUMENTS_PANEL_TITLE": ("引数", "Arguments"),
    "cli.typer.OPTIONS_PANEL_TITLE": ("オプション", "Options"),
    "cli.typer.COMMANDS_PANEL_TITLE": ("コマンド", "Commands"),
    "cli.typer.ERRORS_PANEL_TITLE": ("エラー", "Error"),
    "cli.typer.DEFAULT_STRING": ("[既定値: {}]", "[default: {}]"),
    "cli.typer.REQUIRED_LONG_STRING": ("[必須]", "[required]"),
    "cli.typer.ENVVAR_STRING": ("[環境変数: {}]", "[env var: {}]"),
    "cli.typer.DEPRECATED_STRING": ("（非推奨）", "(deprecated) "),
    "cli.typer.RICH_HELP": (
        "ヘルプは [blue]'{command_path} {help_option}'[/] で表示できます。",
        "Try [blue]'{command_path} {help_option}'[/] for help.",
    ),
    "cli.kind.argument": ("引数", "argument"),
    "cli.kind.option": ("オプション", "option"),
    "cli.kind.parameter": ("指定", "parameter"),
    "cli.usage_error.no_such_option": (
        "{name} というオプションはありません。{possible}",
        "No such option: {name}",
    ),
    "cli.usage_error.no_such_command": (
        "{name} というコマンドはありません。{possible}",
        "No such command {name}.",
    ),
    "cli.usage_error.possible": ("（もしかして：{names}）", " (Possible: {names})"),
    "cli.usage_error.missing_command": ("コマンドを指定してください。", "Missing command."),
    "cli.usage_error.missing": ("{kind} {name} を指定してください。{rest}", "Missing {kind} {name}.{rest}"),
    "cli.usage_error.choose": ("選べる値：", "Choose from:"),
    "cli.usage_error.requires_value": ("{name} には値が必要です。", "Option {name} requires a value."),
    "cli.usage_error.takes_no_value": ("{name} は値をとりません。", "Option {name} does not take a value."),
    "cli.usage_error.extra_arguments": (
        "余分な引数があります：{args}",
        "Got unexpected extra arguments ({args})",
    ),
    "cli.usage_error.invalid_value": (
        "{name} の値が正しくありません：{reason}",
        "Invalid value for {name}: {reason}",
    ),
    "cli.usage_error.other": ("指定に誤りがあります：{message}", "{message}"),
    "cli.reason.not_one_of": (
        "{value} は選べません。選べる値：{choices}",
        "{value} is not one of {choices}.",
    ),
    "cli.reason.at_least": ("{n} 以上を指定してください。", "at least {n}"),
    "cli.reason.at_most": ("{n} 以下を指定してください。", "at most {n}"),
    "cli.reason.integer": ("整数を指定してください。", "not an integer"),
    "cli.reason.number": ("数値を指定してください。", "not a number"),
    "cli.reason.boolean": ("はい／いいえの値を指定してください。", "not a boolean"),
}

# --- the top-level messages of app.py -----------------------------------------------------------------
CLI_TEXTS |= {
    "cli.error": ("エラー:", "Error:"),
    "cli.interrupted": ("中断しました。", "Interrupted."),
    "cli.aborted": ("中止しました。", "Aborted."),
    "cli.bug": (
        "[bold red]内部エラー[/]（{kind}: {detail}）。台帳ではなく privacy-inventory の不具合です。"
        "詳しくは PRIVACY_INVENTORY_DEBUG=1 を付けて再実行してください。",
        "[bold red]Internal error[/] ({kind}: {detail}). This is a bug in privacy-inventory, not in your "
        "ledger; run again with PRIVACY_INVENTORY_DEBUG=1 for details.",
    ),
}

# --- messages of the commands -------------------------------------------------------------------------
CLI_TEXTS |= {
    "cli.not_a_date": (
        "{option}：{value} は日付ではありません。YYYY-MM-DD の形で指定してください",
        "{option}: {value} is not a date; expected YYYY-MM-DD",
    ),
    "cli.review.two_ledgers": (
        "台帳が二つ指定されています（{ledger} と --inventory {inventory}）。LEDGER だけを指定してください",
        "two ledgers given ({ledger} and --inventory {inventory}); give LEDGER only",
    ),
    "cli.review.previous": ("（前期：{period}）", " (previous period: {period})"),
    "cli.review.written": (
        "{period} のレビューを作成しました（{seconds} 秒）{previous}",
        "Review {period} written in {seconds} s{previous}",
    ),
    "cli.review.counts": (
        "提供・受領 {flows} 件、対策後も高以上 {high} 件、指摘 高 {findings_high}／中 {findings_medium} 件、"
        "期限超過の改善処置 {overdue} 件",
        "flows {flows}, high+ after controls {high}, findings high {findings_high} / medium "
        "{findings_medium}, overdue actions {overdue}",
    ),
    "cli.review.open": ("開く：", "Open: "),
    "cli.verify.no_report": (
        "{path}：期 {period} の報告書がありません",
        "{path}: no report for period {period}",
    ),
    "cli.verify.no_folder": ("{path}：報告書のフォルダがありません", "{path}: no reports folder"),
}
CLI_TEXTS |= {
    "cli.warning": ("警告:", "Warning:"),
    "cli.none": ("なし", "none"),
    "cli.rows": ("行数", "rows"),
    "cli.no_such_file": ("{path}：ファイルがありません", "{path}: no such file"),
    "cli.wrote": ("{path} に書き出しました", "Wrote {path}"),
    "cli.wrote_ledger": ("台帳を {path} に書き込みました", "Wrote the ledger to {path}"),
    # validate
    "cli.validate.ledger": ("台帳：", "Ledger: "),
    "cli.validate.rows_per_table": ("表ごとの行数", "Rows per table"),
    "cli.validate.items_per_category": ("区分ごとの項目数", "Items per category"),
    "cli.validate.flows_per_basis": ("根拠ごとの提供・受領の数", "Flows per basis"),
    "cli.validate.items": ("項目数", "items"),
    "cli.validate.flows": ("提供・受領の数", "flows"),
    # init, synth, export, import
    "cli.init.written": (
        "空の台帳を {path} に書き出しました：{files}",
        "Empty ledger written to {path}: {files}",
    ),
    "cli.init.next": (
        "organisation.yaml と CSV を記入してから、privacy-inventory validate {path} を実行してください。",
        "Fill in organisation.yaml and the CSV files, then run: privacy-inventory validate {path}",
    ),
    "cli.synth.title": ("{path} の合成台帳", "Synthetic ledger in {path}"),
    "cli.xlsx.suffix": (
        "{path}：ブックの名前は .xlsx で終わる必要があります",
        "{path}: the workbook name must end in .xlsx",
    ),
    "cli.xlsx.exists": (
        "{path} は既にあります（置き換えるには --force を付けてください）",
        "{path} already exists (use --force to replace it)",
    ),
    "cli.xlsx.errors_in_it": (
        "（台帳にはブック上で直すべきエラーが {n} 件あります）",
        "(the ledger has {n} error(s) to fix in it)",
    ),
    "cli.csv.cell_not_written": (
        "{where}：「{value}」の「{chars}」は {encoding} では書き出せません",
        "{where}: '{value}': {encoding} cannot hold '{chars}'",
    ),
    "cli.csv.cells_not_written": (
        "{n} 個のセルが {encoding} では書き出せません",
        "{n} cell(s) cannot be written in {encoding}",
    ),
    "cli.csv.nothing_written": (
        "。何も書き出していません（utf-8-sig を使ってください）",
        "; nothing was written (use utf-8-sig)",
    ),
    "cli.csv.written": (
        "CSV {n} ファイルを {path} に書き出しました（{encoding}）",
        "Wrote {n} CSV files to {path} ({encoding})",
    ),
    "cli.daicho.written": (
        "{path} に書き出しました：{items} 項目、{rows} 行",
        "Wrote {path}: {rows} rows for {items} items",
    ),
    "cli.daicho.overdue": (
        "（年1回の確認の時期を過ぎた行が {n} 行）",
        "({n} row(s) due for the yearly confirmation)",
    ),
    "cli.fides.written": (
        "{path} に書き出しました：システム {systems}、データセット {datasets}、プライバシー宣言 {declarations}、"
        "システム間のデータの流れ {edges}",
        "Wrote {path}: {systems} systems, {datasets} datasets, {declarations} privacy declarations, {edges} "
        "data flows between systems",
    ),
    # score, check, rules
    "cli.score.counts": (
        "{as_of} 時点のリスク：提供・受領の水準別件数 {inherent}（対策後 {residual}）",
        "Risk as of {as_of} — levels (flows): {inherent}; residual: {residual}",
    ),
    "cli.notice.compare_format": (
        "--format {fmt}: --compare の結果は表（table）か JSON（json）で示します",
        "--format {fmt}: a comparison (--compare) is shown as a table or as JSON",
    ),
    "cli.notice.table_needs_compare": (
        "--format table は --compare と使います。公表文そのものは md・html・json で書き出します",
        "--format table goes with --compare; the notice itself is written as md, html or json",
    ),
    "cli.score.bad_level": (
        "--level：{value} は水準ではありません。次のいずれかを指定してください：{levels}",
        "--level: {value} is not a level; expected one of {levels}",
    ),
    "cli.score.flows": ("提供・受領", "Flows"),
    "cli.score.items": ("個人情報の項目", "Items"),
    "cli.score.partners": ("提供先・委託先", "Partners"),
    "cli.score.worst_first": ("（高い順）", " (worst first)"),
    "cli.score.residual": ("対策後", "residual"),
    "cli.findings.assumption": ("（仮定に基づく）", "(assumption)"),
    "cli.findings.count": ("{severity} {n} 件", "{severity}: {n}"),
    "cli.findings.sep": ("、", ", "),
    "cli.rules.title": ("点検ルール", "Rules"),
    # actions
    "cli.actions.title": ("改善処置", "Actions"),
    "cli.actions.register": ("改善処置の状況", "Register"),
    "cli.actions.check": ("確認事項", "check"),
    "cli.actions.count.overdue": ("期限を過ぎた改善処置", "overdue actions"),
    "cli.actions.count.unaddressed_findings": ("改善処置のない重大な指摘", "high findings with no action"),
    "cli.actions.count.unaddressed_risks": ("改善処置のない高いリスク", "high risks with no action"),
    "cli.actions.count.ready_to_close": ("完了にできる改善処置", "actions ready to close"),
    "cli.actions.count.closed_without_evidence": (
        "証跡なしで完了した改善処置",
        "actions closed without evidence",
    ),
    "cli.actions.drafts": (
        "改善処置の案 {n} 件。{path} に追記するには --write を付けてください",
        "{n} draft action(s); add --write to append them to {path}",
    ),
    "cli.actions.appended": ("改善処置 {n} 件を {path} に追記しました", "Appended {n} action(s) to {path}"),
    # incident
    "cli.incident.record_needs_ledger": (
        "--record：記録する台帳のフォルダを指定してください（同梱の例示台帳とブックには書き込みません）",
        "--record: give the ledger directory to record into (the bundled example ledger and workbooks are "
        "not written to)",
    ),
    "cli.incident.id_taken": (
        "--id {id}：既に {path} にあります。記録は事案ごとに1行です",
        "--id {id}: already in {path}; the register keeps one row per incident",
    ),
    "cli.incident.unknown": (
        "事案 {id} は記録にありません。記録にある事案：{known}",
        "unknown incident {id}; the register holds: {known}",
    ),
    "cli.incident.report_written": ("事案報告書：{path}", "Incident report: {path}"),
    # diff
    "cli.diff.none": ("違いはありません。", "No differences."),
    "cli.diff.changes": ("台帳の変更", "Ledger changes"),
    "cli.diff.risk_moves": ("リスク水準の変化（提供・受領）", "Risk moves (flows)"),
    "cli.diff.findings": ("指摘", "Findings"),
    "cli.diff.notices": (
        "本人への通知が必要な共同利用の変更（個人情報保護法第27条第6項）",
        "Joint-use changes that need a notice (APPI Art.27(6))",
    ),
    "cli.diff.incidents": ("漏えい等事案（追加・完了）", "Incidents (added, closed)"),
}

# --- column headers of the tables people read (a ledger column not listed here uses the schema's label) --
CLI_TEXTS |= {
    "cli.col.table": ("表", "table"),
    "cli.col.key": ("キー", "key"),
    "cli.col.change": ("変更", "change"),
    "cli.col.column": ("列", "column"),
    "cli.col.old": ("変更前", "old"),
    "cli.col.new": ("変更後", "new"),
    "cli.col.measure": ("尺度", "measure"),
    "cli.col.direction": ("方向", "direction"),
    "cli.col.old_level": ("前の水準", "old level"),
    "cli.col.new_level": ("新しい水準", "new level"),
    "cli.col.new_reason": ("理由", "reason"),
    "cli.col.rule_id": ("ルール", "rule"),
    "cli.col.subject_id": ("対象", "subject"),
    "cli.col.severity": ("重大度", "severity"),
    "cli.col.message": ("指摘", "finding"),
    "cli.col.article": ("条文", "article"),
    "cli.col.title": ("件名", "title"),
    "cli.col.notice_updated": ("公表文の更新", "notice updated"),
    "cli.col.state": ("状況", "state"),
    "cli.col.file": ("ファイル", "file"),
    "cli.col.status": ("状態", "status"),
    "cli.col.refers_to": ("対象", "refers to"),
    "cli.col.category": ("区分", "category"),
    "cli.col.basis": ("根拠", "basis"),
    "cli.col.period": ("期", "period"),
    # counts of a diff (LedgerDiff.counts)
    "cli.col.changes": ("台帳の変更", "ledger changes"),
    "cli.col.risk_moves": ("リスクの変化", "risk moves"),
    "cli.col.risk_up": ("リスクが上がった提供・受領", "flows whose risk went up"),
    "cli.col.risk_down": ("リスクが下がった提供・受領", "flows whose risk went down"),
    "cli.col.item_risk_moves": ("項目のリスクの変化", "item risk moves"),
    "cli.col.findings_opened": ("新たな指摘", "findings opened"),
    "cli.col.findings_resolved": ("解消した指摘", "findings resolved"),
    "cli.col.joint_use_notices": ("通知が必要な共同利用の変更", "joint-use notices"),
    "cli.col.incidents_added": ("追加された事案", "incidents added"),
    "cli.col.incidents_closed": ("完了した事案", "incidents closed"),
}

# what an option takes, shown beside it in --help (typer would show the Python type)
CLI_TEXTS |= {
    "cli.value.str": ("文字列", "TEXT"),
    "cli.value.int": ("整数", "INTEGER"),
    "cli.value.float": ("数値", "NUMBER"),
    "cli.value.Path": ("パス", "PATH"),
    "cli.value.choice": ("区分", "CHOICE"),
}
