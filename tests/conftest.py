from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from privacy_inventory.cli import main
from privacy_inventory.paths import bundled_inventory

REPO = Path(__file__).resolve().parent.parent
SEED_POLICY = REPO.parent / "shared" / "seed" / "privacy_policy_coop_yamaguchi.txt"


@dataclass
class CliResult:
    code: int
    out: str
    err: str


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
