"""privacy-inventory: a personal-data ledger checked against APPI and the My Number Act."""

from .errors import LedgerInvalid, PrivacyInventoryError, UsageError
from .inventory import Inventory
from .load import load_inventory

__version__ = "0.1.0"
__all__ = ["Inventory", "LedgerInvalid", "PrivacyInventoryError", "UsageError", "load_inventory"]
