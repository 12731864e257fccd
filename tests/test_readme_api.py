"""The README's API snippet runs as written and, assessed as of the quarter's end, gives the report's figures."""

from __future__ import annotations

import datetime as dt
import re

from privacy_inventory.report.context import build_context

from .conftest import REPO


def test_readme_snippet_runs_and_matches_the_2026q4_review():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [snippet] = [b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "assess(" in b]
    scope: dict = {}
    exec(snippet, scope)  # the README's own code
    a = scope["a"]
    assert a.as_of == dt.date(2026, 12, 31)
    report = build_context(None, "2026Q4")
    assert a.findings["severity"].astype(str).value_counts().to_dict() == (
        report.findings["severity"].astype(str).value_counts().to_dict()
    )
    assert (
        a.risk.level_counts()
        == report.risk.level_counts()
        == {"low": 46, "medium": 110, "high": 26, "critical": 9}
    )
    # as of today it may differ: the snippet says so (19 since the joint-use model: + the outsourcing
    # contract of PO06 that lacks sub-contracting conditions and audit rights, APPI-25-contract-terms)
    assert (a.findings["severity"] == "medium").sum() == 19
