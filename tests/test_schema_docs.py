from __future__ import annotations

from privacy_inventory.ledger.docs import render_ledger_reference
from privacy_inventory.ledger.schema import TABLES

from .conftest import REPO


def test_docs_ledger_md_is_generated_from_the_schema():
    on_disk = (REPO / "docs" / "ledger.md").read_text(encoding="utf-8")
    assert on_disk == render_ledger_reference(), "run: privacy-inventory schema --out docs/ledger.md"


def test_reference_lists_every_column_of_every_table():
    text = render_ledger_reference()
    for table in TABLES:
        assert f"`{table.file}`" in text
        for col in table.columns:
            assert f"| `{col.name}` | {col.ja} |" in text
