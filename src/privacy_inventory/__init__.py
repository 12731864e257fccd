"""privacy-inventory: a personal-data ledger checked against APPI and the My Number Act.

The package's face: `load_inventory` reads and validates a ledger, `assess` scores and checks it.
"""

from .assess.pipeline import Assessment, assess, load_inventory
from .errors import ConfigError, LedgerInvalid, PrivacyInventoryError, UsageError
from .ledger.inventory import Inventory

__version__ = "0.1.0"
__all__ = [
    "Assessment",
    "ConfigError",
    "Inventory",
    "LedgerInvalid",
    "PrivacyInventoryError",
    "UsageError",
    "assess",
    "load_inventory",
]
