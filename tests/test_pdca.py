"""Continuous improvement: diff between periods, the action register, stored history."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import re
import shutil

import pandas as pd
import pytest

from privacy_inventory import LedgerInvalid, assess, load_inventory
from privacy_inventory.assess.actions import register, suggest
from privacy_inventory.assess.diff import Side, diff_sides
from privacy_inventory.assess.model import load_model
from privacy_inventory.assess.risk import score
from privacy_inventory.assess.rules import run_rules
from privacy_inventory.errors import UsageError
from privacy_inventory.ledger.synth import SynthSpec, synthesize
from privacy_inventory.report.context import build_context, trend_table
from privacy_inventory.report.history import diff
from privacy_inventory.report.snapshot import verify_manifest

from .conftest import REPO
from .ledger_edit import read, set_cell, write

AS_OF = dt.date(2026, 12, 31)


def side(inv, label):
    risk = score(inv, load_model(), AS_OF)
    return Side(label, inv, risk.flows, risk.items, run_rules(inv, AS_OF))


def test_known_changes_between_two_synthetic_periods_are_exactly_found(tmp_path):
    synthesize(tmp_path / "a", SynthSpec(items=60, partners=12, flows=400, seed=3))
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    b = tmp_path / "b"
    flows = read(b, "flows.csv")
    removed = flows.loc[5, "flow_id"]
    changed = flows.loc[9, "flow_id"]
    flows.loc[9, "channel"] = "email" if flows.loc[9, "channel"] != "email" else "paper"
    new_row = flows.loc[[0]].assign(flow_id="F9999999")
    flows = pd.concat([flows.drop(index=5), new_row], ignore_index=True)
    write(b, "flows.csv", flows)
    set_cell(b, "items.csv", 2, "records", "999999")
    d = diff(tmp_path / "a", b, as_of=AS_OF)
    got = {(r.table, r.key, r.change, r.column) for r in d.changes.itertuples()}
    item = read(b, "items.csv").loc[2, "item_id"]
    assert got == {
        ("flows", removed, "removed", None),
        ("flows", "F9999999", "added", None),
        ("flows", changed, "changed", "channel"),
        ("items", item, "changed", "records"),
    }
    row = d.changes[(d.changes["key"] == item)].iloc[0]
    assert row["new"] == "999999" and row["old"] != "999999"


def test_diff_of_identical_ledgers_is_empty(ledger):
    d = diff(ledger, ledger, as_of=AS_OF)
    assert d.empty and d.counts()["risk_up"] == 0 and d.counts()["changes"] == {}


def test_risk_moves_say_up_or_down_with_the_reason(base_inv=None):
    inv = load_inventory()
    after = copy.deepcopy(inv)
    after.flows.loc[after.flows["flow_id"] == "F0137", "channel"] = (
        "sftp"  # 氏名 to delivery: no longer paper
    )
    after.flows.loc[after.flows["flow_id"] == "F0137", "encrypted"] = True
    d = diff_sides(side(inv, "before"), side(after, "after"))
    moves = d.flow_moves.set_index(["flow_id", "measure"])
    assert moves.loc[("F0137", "inherent"), "direction"] == "down"
    assert d.changes[d.changes["key"] == "F0137"]["column"].tolist() == ["channel", "encrypted"]


def test_findings_opened_and_resolved():
    inv = load_inventory()
    after = copy.deepcopy(inv)
    after.organisation["address"] = "山口市（例）"  # the co-op manages its joint uses itself
    after.partners.loc[after.partners["partner_id"] == "PO02", "contract_date"] = pd.NaT
    d = diff_sides(side(inv, "a"), side(after, "b"))
    f = d.findings
    assert set(zip(f["change"], f["rule_id"], f["subject_id"], strict=True)) == {
        ("resolved", "APPI-27-5-iii", "address"),
        ("resolved", "APPI-32", "address"),
        ("opened", "APPI-25-contract", "PO02"),
    }


def test_missing_period_is_a_clear_error(cli, tmp_path):
    with pytest.raises(UsageError, match="2025Q1"):
        diff("2025Q1", "2025Q2", tmp_path)
    res = cli("diff", "2025Q1", "2025Q2", "--out", tmp_path)
    assert res.code == 2 and "2025Q1" in res.err and "review --period 2025Q1" in res.err
    assert cli("diff", "not-a-period", "2025Q2").code == 2


def test_diff_between_the_bundled_history_periods(cli):
    res = cli("diff", "2026Q2", "2026Q3", "--out", REPO / "reports", "--format", "json")
    assert res.code == 0
    data = json.loads(res.out)
    changed = {(c["table"], c["key"], c["column"]) for c in data["changes"]}
    assert ("departments", "D05", "last_training") in changed  # the welfare division was trained in 2026Q3
    assert ("actions", "A004", "status") in changed and ("partners", "PO03", "last_inspection") in changed
    assert data["counts"]["findings_resolved"] >= 1


def test_diff_table_names_levels_and_measures_in_the_readers_language(cli):
    data = json.loads(cli("diff", "2026Q2", "2026Q3", "--out", REPO / "reports", "--format", "json").out)
    moves = data["risk_moves"]
    assert {m["measure"] for m in moves} == {"inherent", "residual"} and {m["old_level"] for m in moves} >= {
        "high"
    }
    out = cli("diff", "2026Q2", "2026Q3", "--out", REPO / "reports", "--lang", "ja").out
    table = out[out.index("リスク水準の変化") :]
    assert "固有" in table and "残留" in table and "│ 高 " in table
    assert not re.search(r"\b(inherent|residual|low|medium|high|critical)\b", table), table[:1500]


def test_bundled_history_is_intact_and_feeds_the_trend():
    for period in ("2026Q2", "2026Q3"):
        assert verify_manifest(REPO / "reports" / period).empty
    ctx = build_context(None, "2026Q4")
    t = trend_table(ctx, REPO / "reports")
    assert t["period"].tolist() == ["2026Q2", "2026Q3", "2026Q4"]
    assert t["partners"].tolist() == [19, 19, 20]  # the new outsourcee of 2026Q4


def test_actions_with_unknown_references_are_validation_errors(ledger):
    set_cell(ledger, "actions.csv", 0, "refers_to", "finding:NO-SUCH-RULE")
    set_cell(ledger, "actions.csv", 1, "refers_to", "flow:F9999")
    set_cell(ledger, "actions.csv", 2, "refers_to", "nonsense")
    with pytest.raises(LedgerInvalid) as info:
        load_inventory(ledger)
    p = info.value.problems
    bad = p[p["file"] == "actions.csv"]
    assert set(bad["row"]) == {2, 3, 4} and set(bad["column"]) == {"refers_to"}
    assert "known rule id" in bad.loc[bad["row"] == 2, "expected"].iloc[0]


def test_register_overdue_unaddressed_ready_to_close_and_no_evidence():
    ctx = build_context(None, "2026Q4")
    reg = register(ctx.assessment)
    assert reg.overdue["action_id"].tolist() == ["A001"]  # due 2026-09-30, still in progress
    assert reg.closed_without_evidence["action_id"].tolist() == ["A005"]
    assert "APPI-27-5-iii" not in set(reg.unaddressed_findings["rule_id"])  # A002 addresses it
    assert {"APPI-28", "MN-19"} <= set(reg.unaddressed_findings["rule_id"])
    assert "PO01" not in set(reg.unaddressed_risks["partner_id"])  # A001 refers to the delivery contractor
    assert reg.ready_to_close.empty
    fixed = copy.deepcopy(ctx.inv)
    fixed.organisation.update(address="x", representative="y")
    findings = run_rules(fixed, ctx.as_of)
    fixed_assessment = dataclasses.replace(ctx.assessment, inventory=fixed, findings=findings)
    assert register(fixed_assessment).ready_to_close["action_id"].tolist() == ["A002"]
    assert "PDCA-evidence" in set(ctx.findings["rule_id"])


def test_suggest_drafts_without_writing_and_appends_with_write(cli, ledger):
    before = (ledger / "actions.csv").read_bytes()
    res = cli("actions", "suggest", ledger, "--as-of", "2026-12-31")
    assert res.code == 0 and "finding:APPI-28:PO06" in res.out
    assert (ledger / "actions.csv").read_bytes() == before
    res = cli("actions", "suggest", ledger, "--write", "--as-of", "2026-12-31")
    after = (ledger / "actions.csv").read_bytes()
    assert res.code == 0 and after.startswith(before)
    inv = load_inventory(ledger)
    assert len(inv.actions) > 5 and "finding:APPI-28:PO06" in set(inv.actions["refers_to"])
    ctx_reg = register(assess(inv, as_of=AS_OF))
    assert ctx_reg.unaddressed_findings.empty and ctx_reg.unaddressed_risks.empty
    assert suggest(inv, ctx_reg, AS_OF).empty


def test_actions_status_cli(cli):
    res = cli("actions", "status", "--format", "json", "--as-of", "2026-12-31")
    data = json.loads(res.out)
    assert res.code == 0 and data["counts"]["overdue"] == 1 and data["counts"]["closed_without_evidence"] == 1


def test_a_figure_a_stored_period_lacks_has_no_change_shown():
    """A stored summary is a table row: a figure added since reads as NaN there, never a crash."""
    from privacy_inventory.report.context import headline_delta

    now = {"findings": {"high": 9}, "actions": {"overdue": 1}, "items": 36}
    assert headline_delta(now, {"findings": {"high": 7}}, "findings", "high") == 2
    assert headline_delta(now, {"actions": float("nan")}, "actions", "overdue") is None
    assert headline_delta(now, {"items": float("nan")}, "items") is None
    assert headline_delta(now, None, "items") is None
