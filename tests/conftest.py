from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from privacy_inventory.cli import main
from privacy_inventory.paths import bundled_inventory
from privacy_inventory.report.period import parse_period
from privacy_inventory.report.review import run_review

REPO = Path(__file__).resolve().parent.parent
SEED_POLICY = REPO.parent / "shared" / "seed" / "privacy_policy_coop_yamaguchi.txt"
XSS_ITEM = "<script>alert(1)</script>"
XSS_PARTNER = "<img src=x onerror=alert(1)>"


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    """Messages in English unless a test chooses: most assertions quote them. The language tests set
    PRIVACY_INVENTORY_LANG or --lang themselves."""
    monkeypatch.setenv("PRIVACY_INVENTORY_LANG", "en")


@pytest.fixture
def cli(capsys):
    """Run the real entry point in-process; return exit code, stdout and stderr."""

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    """A private, writable copy of the bundled co-op ledger."""
    dst = tmp_path / "ledger"
    shutil.copytree(bundled_inventory(), dst)
    return dst


# --- shared, session-scoped review runs (each takes a few seconds) ---


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
