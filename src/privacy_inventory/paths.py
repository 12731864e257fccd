"""Where the bundled ledger and notebooks live: inside the wheel, or at the checkout's root."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_BUNDLED = PACKAGE_DIR / "_bundled"
_CHECKOUT = PACKAGE_DIR.parent.parent  # src/privacy_inventory -> repository root


def _find(name: str) -> Path:
    for base in (_BUNDLED, _CHECKOUT):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled {name}/ folder is missing from this installation")


def bundled_inventory() -> Path:
    """The example co-op's ledger shipped with the package (the default input of every command)."""
    return _find("inventory")


def notebooks_dir() -> Path:
    return _find("notebooks")


def default_reports_dir() -> Path:
    """Where stored periods are looked for when no folder is named: the checkout's reports/ (which holds
    the bundled illustrative history), else reports/ in the working directory."""
    checkout = _CHECKOUT / "reports"
    return checkout if checkout.is_dir() and (_CHECKOUT / "pyproject.toml").is_file() else Path("reports")
