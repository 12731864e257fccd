"""docs/risk.md shows the real top 10 of the bundled ledger: a changed ranking fails here."""

from __future__ import annotations

import datetime as dt
import re

from privacy_inventory import load_inventory
from privacy_inventory.assess.model import load_model
from privacy_inventory.assess.risk import score

from .conftest import REPO


def test_documented_top_ten_matches_the_ranking():
    text = (REPO / "docs" / "risk.md").read_text(encoding="utf-8")
    documented = re.findall(
        r"^\| \d+ \| (F\d{4}) \| .+? \| \w+ \| (\w+) \((\d+)\) \| (\w+) \((\d+)\) \|", text, flags=re.M
    )
    result = score(load_inventory(), load_model(), dt.date(2026, 12, 31)).ranked("flows", 10)
    actual = [
        (r.flow_id, str(r.level), str(r.score), str(r.residual_level), str(r.residual_score))
        for r in result.itertuples()
    ]
    assert documented == actual
