"""Shared, session-scoped review runs (each takes a few seconds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from privacy_inventory.paths import bundled_inventory
from privacy_inventory.period import parse_period
from privacy_inventory.review import run_review

XSS_ITEM = "<script>alert(1)</script>"
XSS_PARTNER = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="session")
def bundled_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    return run_review(parse_period("2026Q4"), None, out).path


@pytest.fixture(scope="session")
def xss_report(tmp_path_factory) -> Path:
    """The bundled ledger with an item and a partner named like attacks, reviewed in English."""
    ledger = tmp_path_factory.mktemp("xss") / "ledger"
    shutil.copytree(bundled_inventory(), ledger)
    items = pd.read_csv(ledger / "items.csv", dtype=str, keep_default_na=False)
    items.loc[items["item_id"] == "I031", "name_ja"] = XSS_ITEM
    items.to_csv(ledger / "items.csv", index=False)
    partners = pd.read_csv(ledger / "partners.csv", dtype=str, keep_default_na=False)
    partners.loc[partners["partner_id"] == "PT01", "name"] = XSS_PARTNER
    partners.to_csv(ledger / "partners.csv", index=False)
    out = ledger.parent / "reports"
    return run_review(parse_period("2026Q3"), ledger, out, lang="ja").path
