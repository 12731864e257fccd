"""Property: any corruption of a valid ledger is reported at its file and row — never a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_inventory.ledger.load import read_raw
from privacy_inventory.ledger.schema import TABLES, Column
from privacy_inventory.paths import bundled_inventory

from .ledger_edit import read, write

BAD_VALUES = {
    "enum": ["not_a_value", "JOINT_USE", "共同利用"],
    "bool": ["perhaps", "2", "真"],
    "int": ["-3", "1.5", "abc", "１０"],
    "date": ["2023-02-30", "31/12/2023", "2024-13-01", "soon"],
    "ref": ["MISSING_ID", "X-000"],
}


def corruptions_for(col: Column) -> list[str]:
    if col.kind in BAD_VALUES:
        return BAD_VALUES[col.kind]
    if col.pattern and col.name == "country":
        return ["Japan", "jp"]
    if col.name == "source":
        return ["the internet", "policy-ish"]
    if col.required:
        return [""]
    return []


CANDIDATES = [(t, c) for t in TABLES for c in t.columns if corruptions_for(c)]


@st.composite
def corruption(draw):
    table, col = draw(st.sampled_from(CANDIDATES))
    value = draw(st.sampled_from(corruptions_for(col)))
    row_fraction = draw(st.floats(0, 0.999))
    return table, col, value, row_fraction


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(corruption(), min_size=1, max_size=3))
def test_every_corruption_is_reported_with_file_and_row(corruptions):
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "ledger"
        shutil.copytree(bundled_inventory(), ledger)
        expected = set()
        for table, col, value, frac in corruptions:
            df = read(ledger, table.file)
            index = int(frac * len(df))
            if df.loc[index, col.name] == value:
                continue
            df.loc[index, col.name] = value
            write(ledger, table.file, df)
            expected.add((table.file, index + 2, col.name))
        raw = read_raw(ledger)  # must not raise, whatever the corruption
        problems = raw.all_problems()
        errors = problems[problems["severity"] == "error"]
        located = set(zip(errors["file"], errors["row"], errors["column"], strict=True))
        for file, row, column in expected:
            assert (file, row, column) in located or (file, row, "item_id+purpose_id") in located, (
                file,
                row,
                column,
                errors.to_dict("records"),
            )
        assert errors["expected"].str.len().gt(0).all()


def test_duplicate_key_corruption_reports_the_corrupted_row(ledger):
    df = read(ledger, "flows.csv")
    df.loc[40, "flow_id"] = df.loc[10, "flow_id"]
    write(ledger, "flows.csv", df)
    problems = read_raw(ledger).all_problems()
    rows = set(problems.loc[problems["code"] == "duplicate_key", "row"])
    assert rows == {12, 42}
