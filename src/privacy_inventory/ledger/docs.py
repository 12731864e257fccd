"""The column reference of the ledger (docs/ledger.md), generated from schema.py."""

from __future__ import annotations

from .schema import ORGANISATION_FIELDS, ORGANISATION_FILE, SOURCE_HELP, TABLES, Column

HEADER = """\
<!-- Generated from src/privacy_inventory/schema.py by `privacy-inventory schema --out docs/ledger.md`.
     Do not edit by hand: tests/test_schema_docs.py fails when this file is stale. -->
# Ledger column reference (台帳の列定義)

A ledger is a directory of CSV files (UTF-8, UTF-8 with BOM, or cp932 as saved by Japanese Excel) and
`organisation.yaml`. Ids are text (`001` keeps its zero); an empty cell is a missing value. Every row has a
`source`: {source}. `assumed` lists the columns of a policy-sourced row whose values are assumptions.
Booleans accept true/false, yes/no, 1/0 (also はい/いいえ). Dates are YYYY-MM-DD (2024/02/01 also read).
"""


def _type(col: Column) -> str:
    if col.kind == "enum":
        codes = ", ".join(f"`{m.value}` ({m.ja})" for m in col.allowed or [])
        return f"one or more of {codes}, separated by `;`" if col.multiple else f"one of {codes}"
    if col.kind == "ref":
        table, column = (col.references or ".").split(".")
        return f"id in `{table}.{column}`"
    if col.kind == "int":
        return "whole number" + ("" if col.minimum is None else f" ≥ {col.minimum}")
    if col.pattern:
        return f"text ({col.pattern_help})"
    return {"id": "text id", "text": "text", "bool": "true / false", "date": "date YYYY-MM-DD"}[col.kind]


def render_ledger_reference() -> str:
    out = [HEADER.format(source=SOURCE_HELP.replace("|", "or"))]
    for table in TABLES:
        out.append(f"\n## `{table.file}` — {table.ja} ({table.en})\n")
        out.append(
            f"Key: `{' + '.join(table.key)}`."
            + (f" At least {table.min_rows} row." if table.min_rows else "")
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
        out.append(f"| `{fld.path}` | {fld.ja} | {fld.en} | {fld.kind} | {'yes' if fld.required else ''} |\n")
    out.append("| `sources.<key>` | 出典 | where a value comes from | text | |\n")
    return "".join(out)
