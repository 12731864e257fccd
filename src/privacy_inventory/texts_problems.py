"""What reading, checking and writing a ledger reports: errors and the "expected" of each problem.

Each entry is (Japanese, English).
"""

from __future__ import annotations

PROBLEM_TEXTS: dict[str, tuple[str, str]] = {}
