"""The column reference of the ledger (docs/ledger.md), generated from schema.py."""

from __future__ import annotations

from ..i18n import both
from .formats import FORMAT_RULES
from .schema import ORGANISATION_FIELDS, ORGANISATION_FILE, SOURCE_HELP, TABLES, Column

HEADER = """\
<!-- Generated from src/privacy_inventory/schema.py by `privacy-inventory schema --out docs/ledger.md`.
     Do not edit by hand: tests/test_schema_docs.py fails when this file is stale. -->
# Ledger column reference (台帳の列定義)

A ledger is a directory of CSV files (UTF-8, UTF-8 with BOM, or cp932 as saved by Japanese Excel) and
`organisation.yaml`. Ids are text (`001` keeps its zero); an empty cell is a missing value. Every row has a
`source`: {source}. `assumed` lists the columns of a policy-sourced row whose values are assumptions.
Dates, yes/no values and choices may be written in several ways, the same in every file: see
[入力の形式 — input formats](#入力の形式--input-formats). A column that takes several codes (`disposal`)
separates them with `;`. The same tables can be kept in an Excel workbook: see
[Excel ブック — the Excel workbook](#excel-ブック--the-excel-workbook).

## プライバシーマーク（JIS Q 15001）の台帳と他の形式 — the Privacy Mark ledger and other shapes

プライバシーマークの審査では、個人情報の項目・利用目的・保管場所・保管方法・アクセス権を有する者・利用期限・
保管期限などを記載した台帳を、少なくとも年1回確認して最新に保つことが求められます。そのための列が
`items.csv` の `storage_location`（保管場所）、`storage_method`（保管方法）、`access_holders`（アクセス権を
有する者：氏名ではなく役職・担当）、`use_until`（利用期限）、`retention`（保管期限）、`disposal`（廃棄方法）、
`last_confirmed`（最終確認日）です。最終確認日がない、または評価基準日から12か月以上前の項目は `check` が
JISQ15001-ledger-review として指摘します。`purposes.csv` の `category`（利用目的の分類）は、公表文の利用目的を
分類したもので、Fides の data use への対応に使います（空欄なら種別から決まります）。

- `privacy-inventory export-daicho 台帳.xlsx [--as-of 日付]`：審査員が見慣れた形式の個人情報管理台帳
  （管理番号・個人情報の項目・本人の区分・件数・利用目的・取得方法・保管場所・保管方法・アクセス権を有する者・
  利用期限・保管期限・廃棄方法・委託先・提供先・共同利用者・管理部門・管理責任者・要配慮／特定個人情報の有無・
  リスク（固有・残留）・最終確認日・出典と仮定）。1項目1行（利用目的ごとに提供先が異なる場合は利用目的ごとに
  行を分けます）、値はコードではなく名称、台帳にない値は【未記載】。A3横・幅に合わせて印刷、見出し行は各ページに
  印刷されます。
- `privacy-inventory export-fides フォルダ` / `import-fides フォルダ 台帳フォルダ`：Fides のデータマップ
  （fideslang YAML）とその読み戻し。対応表と戻らないものは [fides.md](fides.md)。

The columns a Privacy Mark (JIS Q 15001) audit expects — where and how each item is kept, who may access
it, until when it is used and kept, how it is disposed of, and when its row was last confirmed (at least
yearly; `check` reports rows never confirmed or confirmed 12 months or more before the assessment date) —
are in `items.csv`. `export-daicho` writes the ledger in the layout auditors know (one row per item, split
by purpose where the partners differ; labels, not codes; 【未記載】 for what is missing; A3 landscape);
`export-fides` / `import-fides` write and read a Fides data map ([fides.md](fides.md)).
"""


def _type(col: Column) -> str:
    if col.kind == "enum":
        codes = ", ".join(f"`{m.value}` ({m.ja})" for m in col.allowed or [])
        return f"one or more of {codes}, separated by `;`" if col.multiple else f"one of {codes}"
    if col.kind == "ref":
        table, column = (col.references or ".").split(".")
        return f"id{'s' if col.multiple else ''} in `{table}.{column}`" + (
            ", separated by `;`" if col.multiple else ""
        )
    if col.multiple:
        return "text, several separated by `;`"
    if col.kind == "int":
        return "whole number" + ("" if col.minimum is None else f" ≥ {col.minimum}")
    if col.pattern:
        return f"text ({col.pattern_help})"
    return {"id": "text id", "text": "text", "bool": "yes / no", "date": "date"}[col.kind]


def _formats_and_workbook() -> str:
    """The input formats (formats.py) and the workbook (excel.py), from the texts the workbook's guide
    shows too: Japanese, then English."""
    from .excel import GUIDE_SECTIONS, sheet_order

    out = [f"\n## {both('formats.title')[0]} — input formats\n\n"]
    out += [f"- {ja}\n  {en}\n" for ja, en in (both(key) for key in FORMAT_RULES)]
    out.append(f"\n## {both('xlsx.docs.title')[0]} — the Excel workbook\n\n")
    ja, en = both("xlsx.docs.commands")
    out.append(f"{ja}\n\n{en}\n\n| シート (sheet) | 内容 | content |\n|---|---|---|\n")
    for sheet, key in sheet_order():
        ja, en = both(f"xlsx.sheet.{key}")
        out.append(f"| {sheet} | {ja} | {en} |\n")
    for title, keys in GUIDE_SECTIONS:
        if title in ("formats.title", "xlsx.guide.section.sheets"):
            continue
        ja_title, en_title = both(title)
        out.append(f"\n### {ja_title} — {en_title}\n\n")
        out += [f"- {ja}\n  {en}\n" for ja, en in (both(key) for key in keys)]
    return "".join(out)


def render_ledger_reference() -> str:
    out = [HEADER.format(source=SOURCE_HELP.replace("|", "or")), _formats_and_workbook()]
    for table in TABLES:
        out.append(f"\n## `{table.file}` — {table.ja} ({table.en})\n")
        out.append(
            f"Key: `{' + '.join(table.key)}`."
            + (f" At least {table.min_rows} row." if table.min_rows else "")
            + (" Optional: a ledger without this file has the table empty." if table.optional else "")
        )
        for column, prefixes in table.polymorphic.items():
            kinds = ", ".join(f"`{p}:ID`" if t else f"`{p}`" for p, t in prefixes.items())
            out.append(f" `{column}` refers to a row as {kinds}.")
        out.append("\n\n| column | 日本語 | meaning | type | required |\n|---|---|---|---|---|\n")
        for col in table.columns:
            cells = [f"`{col.name}`", col.ja, col.en, _type(col), "yes" if col.required else ""]
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |\n")
    out.append(f"\n## `{ORGANISATION_FILE}` — 組織情報 (organisation)\n\n")
    out.append("| key | 日本語 | meaning | type | required |\n|---|---|---|---|---|\n")
    for fld in ORGANISATION_FIELDS:
        kind = (
            "one of " + ", ".join(f"`{m.value}` ({m.ja})" for m in fld.allowed)
            if fld.kind == "enum" and fld.allowed
            else fld.kind
        )
        out.append(f"| `{fld.path}` | {fld.ja} | {fld.en} | {kind} | {'yes' if fld.required else ''} |\n")
    out.append("| `sources.<key>` | 出典 | where a value comes from | text | |\n")
    return "".join(out)


# --- docs/fides.md: the mapping of the Fides export, generated from ledger/fides.py ---------------------

FIDES_HEADER = """\
<!-- Generated from src/privacy_inventory/ledger/fides.py by `privacy-inventory schema --fides --out docs/fides.md`.
     Do not edit by hand: tests/test_fides.py fails when this file is stale. -->
# Fides データマップ（export-fides / import-fides）— the ledger as a Fides data map

`privacy-inventory export-fides OUT` は台帳を [Fides](https://github.com/ethyca/fides) のデータマップ
（fideslang の YAML）として書き出します。保管システムごと・提供先ごとに system を作り、利用目的ごとの
privacy declaration（data use・data categories・data subjects）、flows.csv と同じ提供・受領を egress /
ingress として記載し、保管システムごとの dataset に項目を field として載せます。fideslang の既定の
タクソノミーに当てはまるものがない場合は、fideslang の方式（親キーの下に `is_default: false` のラベルを
追加）で拡張し、`taxonomy.yml` に出力します。`privacy-inventory import-fides OUT 台帳フォルダ` で台帳に
戻せます（下の「戻らないもの」を参照）。

`export-fides` writes the ledger as a Fides data map in fideslang YAML: a system per storage system of
items and per partner, a privacy declaration per purpose of use, egress / ingress exactly as in
flows.csv, a dataset per storage system with the items as fields; labels are added to the taxonomy, the
way fideslang allows, where its default taxonomy has nothing that fits. `import-fides` reads it back.
The tests validate the output with fideslang itself (the `test` extra installs it; `pip install
'privacy-inventory[fides]'` for your own use). The export needs no fideslang at run time.

Files: `organization.yml` (the organisation), `taxonomy.yml` (the added labels), `systems.yml`,
`datasets.yml`. Keys: the organisation's own systems are `own-<digest of the system name>` (names are
Japanese; the key stays the same while the name does), partners `partner-<partner_id>`, datasets
`dataset-own-…`.
"""

FIDES_WHERE = """
## 何がどこに入るか — what goes where

| 台帳 ledger | Fides |
|---|---|
| items.system（保管システム・媒体） | a system (`system_type: 自組織のシステム / own system`, responsibility Controller, and Processor when it holds entrusted items) and a dataset `dataset-own-…` with one field per item: `name` = item_id, `description` = name_ja, its data category, data subject and the data uses of its purposes |
| partners.csv | a system per partner: `name`, `description` = name_en, `system_type` = its kind, `responsibility` (table above), `legal_address`, `does_international_transfers` (country ≠ JP), `legal_basis_for_transfers` (transfer_basis), `joint_controller_info` for joint users |
| purposes.csv, uses.csv | on each system, one privacy declaration per purpose: `name` = `P01 利用目的`, `data_use` from its category (or kind), the categories and subjects of the items concerned, `processes_special_category_data` (要配慮), `dataset_references` |
| flows.csv | an outbound flow: `egress` of the item's own system to the partner's and `ingress` of the partner's from it (inbound flows, from entrusting co-ops, the other way), labelled with the categories of the items that flow; the declarations of both systems list the partner (or system) for that purpose. Flows with no purpose (法令に基づく提供) are a declaration `third_party_sharing.legal_obligation`. |
| every row | `meta.privacy_inventory` of the dataset (items, uses, purposes, departments) or partner system (the partner, its flows): the ledger's own rows as CSV text, for `import-fides` |

A sub-outsourcee's flows run from the co-op's system, as flows.csv records them; its outsourcee is kept
in the partner row (`parent_partner_id`).
"""

FIDES_BACK = """
## import-fides で戻るもの・戻らないもの — what comes back

戻るもの: 項目（items）、利用目的（purposes、いずれかの項目が使うもの）、項目×利用目的（uses）、提供先（partners）、
提供・受領（flows）、部門（departments、いずれかの項目を管理するもの）、共同利用（joint_uses）、組織の名称・英語名称・住所・代表者・電話番号。
Fides で変更した項目名（field の description）、区分（data category）、本人の区分（data subject）、保管システム名
（dataset の name）、提供先の名称・住所（system の name, legal_address）は Fides の値が優先されます。

Comes back: items, purposes (those some item uses), uses, partners, flows, departments (those responsible
for some item), joint-use arrangements, and the organisation's name, English name, address, representative and phone. Item names,
categories and subjects, system names and partners' names and addresses edited in Fides win over the
ledger copy; a category or subject is read back from the nearest key at or above the one in Fides that
the tables above name (a key outside them leaves the ledger's value).

Does not come back: `controls.csv`, `actions.csv`, `risk_model.yaml` (the bundled model is used),
`published_policy.txt`, organisation.yaml beyond the fields above (request procedure,
policy date, …), purposes no item uses, departments with no item; other edits made in Fides (new
systems or declarations, changed data uses, egress) — the ledger rows in `meta` are the source of the
items, purposes, partners and flows. Rows come back sorted by id. `import-fides` reads only data maps
written by `export-fides` (it refuses one without `meta.privacy_inventory`).
"""


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def render_fides_reference() -> str:
    from .fides import (
        CATEGORY_KEYS,
        EXTENSIONS,
        REFINEMENTS,
        RESPONSIBILITY,
        STATUTORY_USE,
        SUBJECT_KEYS,
        USE_KEYS,
    )
    from .schema import PURPOSE_CATEGORY_OF_KIND

    added = {e.key for e in EXTENSIONS}

    def key(k: str) -> str:
        return f"`{k}`" + (" ＊" if k in added else "")

    out = [FIDES_HEADER, "\n## 対応表 — mapping (＊ = a label added to the taxonomy)\n"]
    out.append("\n### 項目の区分 → data category (`items.category`)\n\n")
    out.append(_md_table(["code", "日本語", "English", "fideslang"],
                         [[f"`{c.value}`", c.ja, c.en, key(k)] for c, k in CATEGORY_KEYS.items()]))  # fmt: skip
    out.append("\nA finer key when the item's name (`name_ja`) contains a word; it stays below the category's key,"
               " so the category comes back from it:\n\n")  # fmt: skip
    out.append(_md_table(["category", "name contains", "fideslang"],
                         [[f"`{c.value}`", w, key(k)] for c, w, k in REFINEMENTS]))  # fmt: skip
    out.append("\n### 本人の区分 → data subject (`items.subjects`)\n\n")
    out.append(_md_table(["code", "日本語", "English", "fideslang"],
                         [[f"`{s.value}`", s.ja, s.en, key(k)] for s, k in SUBJECT_KEYS.items()]))  # fmt: skip
    out.append("\n### 利用目的の分類 → data use (`purposes.category`)\n\n")
    out.append(_md_table(["code", "日本語", "English", "fideslang"],
                         [[f"`{c.value}`", c.ja, c.en, key(k)] for c, k in USE_KEYS.items()]))  # fmt: skip
    out.append("\nA purpose with no category is classified by its kind: "
               + ", ".join(f"`{k.value}` → `{c.value}`" for k, c in PURPOSE_CATEGORY_OF_KIND.items())
               + f". A flow with no purpose (statutory provision) has the data use `{STATUTORY_USE}`.\n")  # fmt: skip
    out.append("\n### 提供先の種別 → system responsibility (`partners.kind`)\n\n")
    out.append(_md_table(["code", "日本語", "English", "responsibility"],
                         [[f"`{k.value}`", k.ja, k.en, r] for k, r in RESPONSIBILITY.items()]))  # fmt: skip
    out.append("\n### 追加したラベル — labels added to the taxonomy (`taxonomy.yml`)\n\n")
    out.append(_md_table(["resource", "fides_key", "parent", "name", "description"],
                         [[e.kind, f"`{e.key}`", f"`{e.parent}`" if e.parent and e.kind != "data_subject" else "",
                           e.name, e.description] for e in EXTENSIONS]))  # fmt: skip
    out.append(FIDES_WHERE)
    out.append(FIDES_BACK)
    return "".join(out)
