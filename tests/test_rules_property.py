"""Property: every compliance rule runs on a ledger whose optional values are blanked at random — in any
table and in the organisation's facts — without failing, and every finding is plain text that the table,
JSON and CSV outputs can print (issue 13: a blank joint-use group once put an array into a message)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from privacy_inventory import load_inventory
from privacy_inventory.assess.rules import run_rules
from privacy_inventory.cli.render import print_findings
from privacy_inventory.frames import records
from privacy_inventory.ledger.schema import ORGANISATION_FIELDS, TABLES
from privacy_inventory.report.labels import Names

AS_OF = dt.date(2026, 12, 31)
TWO = Path(__file__).parent / "data" / "ledgers" / "two_arrangements"
BASES = {"bundled": load_inventory(), "two_arrangements": load_inventory(TWO)}
OPTIONAL = [(t.name, c.name) for t in TABLES for c in t.columns if not c.required]
OPTIONAL_ORG = [f.path for f in ORGANISATION_FIELDS if not f.required]


def _blank_org(organisation: dict, path: str) -> None:
    node = organisation
    *parents, last = path.split(".")
    for part in parents:
        node = node.get(part) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node[last] = None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(BASES)),
    st.lists(
        st.tuples(st.sampled_from(OPTIONAL), st.floats(0, 1), st.integers(0, 2**16)), min_size=1, max_size=10
    ),
    st.lists(st.sampled_from(OPTIONAL_ORG), max_size=4),
)
@example("bundled", [(("flows", "joint_use_id"), 0.2, 1)], [])  # issue 13: a joint use with no group
@example("bundled", [(("items", "records"), 1.0, 0)], [])  # found by this test: APPI-26 on blank counts
def test_every_rule_survives_blank_optional_values(which, blanks, org_blanks):
    inv = copy.deepcopy(BASES[which])
    for (table, column), share, seed in blanks:
        df = inv.table(table)
        if df.empty:
            continue
        rows = df.sample(frac=share, random_state=seed).index
        df.loc[rows, column] = None
    for path in org_blanks:
        _blank_org(inv.organisation, path)
    found = run_rules(inv, AS_OF)
    failed = found[found["subject_table"] == "rule"]
    assert failed.empty, failed[["subject_id", "message_en"]].to_dict("records")
    for col in ("message_ja", "message_en", "fix", "fix_en", "subject_id"):
        assert found[col].map(lambda v: isinstance(v, str)).all(), col
    json.dumps(records(found.astype({"severity": str})), ensure_ascii=False)  # what --format json prints
    print_findings(found, Names(inv, "ja"))  # what the table output prints (subjects named from the ledger)
