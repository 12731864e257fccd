"""Joint use as a PPC reviewer or Pマーク auditor judges it, end to end: a ledger with two arrangements (one
managed by an insurance federation, one by the co-op with its joint users given only as a category) through
`check` and `notice --compare`, in table and JSON; the crash of issue 13; what people read; 27(6) in `diff`;
snapshots written before the joint-use table existed."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from privacy_inventory import load_inventory
from privacy_inventory.assess.diff import diff_sides, ledger_side
from privacy_inventory.assess.notice import compare_with_policy, differences
from privacy_inventory.assess.rules import run_rules
from privacy_inventory.i18n import Vocabulary
from privacy_inventory.ledger import schema
from privacy_inventory.ledger.load import read_raw
from privacy_inventory.report.snapshot import read_snapshot, write_snapshot

from .ledger_edit import read, write

DATA = Path(__file__).parent / "data"
TWO = DATA / "ledgers" / "two_arrangements"
POLICIES = DATA / "policies"
AS_OF = dt.date(2026, 12, 31)

# what `check` reports on the two-arrangement ledger: (rule, subject)
EXPECTED = {
    ("APPI-27-5-iii", "PF1:representative"),  # the federation manages JA: its representative is not stated
    ("APPI-27-5-iii-items", "JA"),  # JA states "all items" only
    ("MN-19", "JA"),  # … and My Numbers are held, not excluded
    ("APPI-27-5-iii-scope", "JB"),  # JB's joint users are only "当組合の会員生協"
    ("APPI-27-5-iii-purposes", "JB"),  # JB's purposes are stated by reference (info)
    ("APPI-27-5-iii-timing", "JB"),  # JB's first flow (2024-01-15) came before its notice (2024-04-01)
    ("APPI-27-5-iii-flows", "F06"),  # 購買履歴 is not an item of JB
    ("APPI-27-5-iii-exclusion", "F03"),  # illness details to the federation, published as excluded
    ("MN-10", "PO3"),  # a sub-outsourcee of the payroll contractor handles My Numbers, no permission
    ("MN-11", "PO2"),  # the payroll contract has no audit rights
    ("APPI-25-contract-terms", "PO2"),
}


def test_check_on_two_arrangements_gives_the_findings_in_table_and_json(cli):
    res = cli("check", TWO, "--format", "json", "--as-of", "2026-12-31", "--min-severity", "info")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    found = {(f["rule_id"], f["subject_id"]) for f in data["findings"] if f["rule_id"] != "APPI-26"}
    assert found == EXPECTED
    assert data["counts"] == {"info": 10, "low": 0, "medium": 2, "high": 8}
    res = cli("--lang", "ja", "check", TWO, "--as-of", "2026-12-31", "--min-severity", "info")
    assert res.code == 0 and "内部エラー" not in res.err + res.out
    assert "共同利用 JA：項目が「全ての項目」としか記載されておらず" in res.out.replace("\n", "")
    assert cli("check", TWO, "--fail-on", "high").code == 1


def test_compare_on_two_arrangements_in_table_and_json(cli):
    policy = TWO / "published_policy.txt"
    res = cli("notice", TWO, "--compare", policy, "--format", "json")
    assert res.code == 1, res.err
    data = json.loads(res.out)
    assert data["counts"] == {"purposes": 4, "items": 4, "joint_users": 1, "arrangements": 2}
    got = {(d["kind"], d["where"], d["joint_use_id"], d["text"]) for d in data["differences"]}
    assert got == {
        ("manager_representative", "policy_only", "JA", "代表理事架空花子"),  # published, not in the ledger
        ("item", "ledger_only", "JB", "配達指示"),
        ("item", "policy_only", "JB", "配達に関するご指示"),
    }
    [note] = data["notes"]
    assert (note["where"], note["line"]) == ("not_specific", 13)  # 「当組合が取得した個人情報の全ての項目」
    res = cli("notice", TWO, "--compare", policy, "--lang", "ja")
    assert res.code == 1 and "内部エラー" not in res.err
    assert "公表文のみ" in res.out and "特定されていない" in res.out
    res = cli("notice", TWO, "--compare", policy, "--lang", "en")
    assert "in the policy only" in res.out and "not specific" in res.out


def test_compare_matches_the_manager_block_both_ways():
    inv = load_inventory(TWO)
    text = (TWO / "published_policy.txt").read_text(encoding="utf-8")
    changed = copy.deepcopy(inv)
    changed.partners.loc[changed.partners["partner_id"] == "PF1", "representative"] = "代表理事 架空 花子"
    assert differences(compare_with_policy(changed, text))["kind"].tolist() == ["item", "item"]
    changed.organisation["address"] = "架空県みどり市北2-2"  # the co-op manages JB: its address is compared
    d = differences(compare_with_policy(changed, text))
    row = d[d["kind"] == "manager_address"].iloc[0]
    assert (row["where"], row["joint_use_id"], row["line"]) == ("differs", "JB", 45)
    changed.joint_uses.loc[changed.joint_uses["joint_use_id"] == "JA", "manager"] = "self"
    d = differences(compare_with_policy(changed, text))
    assert "manager" in set(d.loc[d["joint_use_id"] == "JA", "kind"])  # the policy names the federation


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        ("statute_general_clause.txt", {("joint_use", "ledger_only")}),
        ("unknown_table.txt", {("joint_use", "ledger_only"), ("structure", "not_understood")}),
        ("bracket_all_items.txt", {("joint_use", "ledger_only"), ("item", "not_specific")}),
    ],
)
def test_what_is_not_read_is_never_no_joint_users(policy, expected):
    """A policy the reader does not follow is reported with its lines; the ledger's arrangements still show
    as not published, never as "no joint users"."""
    diff = compare_with_policy(load_inventory(TWO), (POLICIES / policy).read_text(encoding="utf-8"))
    assert expected <= set(zip(diff["kind"], diff["where"], strict=True))
    if policy == "unknown_table.txt":
        row = diff[diff["where"] == "not_understood"].iloc[0]
        assert row["line"] == 4 and row["text"].startswith("4〜6行")


def test_the_crash_of_issue_13_a_joint_use_flow_with_no_arrangement(cli, tmp_path):
    """Was: a joint user with an empty group made `check` exit 3 (str + numpy array in a message)."""
    ledger = tmp_path / "ledger"
    shutil.copytree(TWO, ledger)
    flows = read(ledger, "flows.csv")
    flows.loc[flows["flow_id"] == "F05", "joint_use_id"] = ""
    write(ledger, "flows.csv", flows)
    partners = read(ledger, "partners.csv")
    partners.loc[partners["partner_id"] == "PF1", "name"] = (
        ""  # a required value missing: invalid, not a crash
    )
    write(ledger, "partners.csv", partners)
    assert cli("check", ledger).code == 1
    partners.loc[partners["partner_id"] == "PF1", "name"] = "みどり共済生活協同組合連合会"
    write(ledger, "partners.csv", partners)
    for fmt in ("table", "json", "csv"):
        res = cli("check", ledger, "--format", fmt, "--as-of", "2026-12-31")
        assert res.code == 0 and "Internal error" not in res.err, (fmt, res.err)
    data = json.loads(cli("check", ledger, "--format", "json", "--as-of", "2026-12-31").out)
    [f] = [f for f in data["findings"] if f["subject_id"] == "F05"]
    assert f["rule_id"] == "APPI-27-5-iii-flows" and isinstance(f["message_ja"], str)


# --- what people read ----------------------------------------------------------------------------------------

_FILES = re.compile(r"\.(csv|ya?ml|xlsx)\b")
_SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")
_CODES = {
    m.value
    for v in vars(schema).values()
    if isinstance(v, type) and issubclass(v, Vocabulary) and v is not Vocabulary
    for m in v
}
_COLUMNS = {c.name for t in schema.TABLES for c in t.columns} | {f.path for f in schema.ORGANISATION_FIELDS}


def _broken_ledgers():
    base = load_inventory()
    yield base
    yield load_inventory(TWO)
    inv = copy.deepcopy(base)
    inv.joint_uses.loc[inv.joint_uses["joint_use_id"] == "JU2", ["manager", "members"]] = [
        "partner:PO03;self",
        pd.NA,
    ]
    inv.flows.loc[inv.flows["flow_id"] == "F0001", ["basis", "partner_id"]] = ["opt_out", "PT01"]
    inv.flows.loc[inv.flows["flow_id"] == "F0172", "basis"] = "outsourcing"
    inv.uses = inv.uses[inv.uses["item_id"] != "I024"]
    inv.purposes.loc[inv.purposes["purpose_id"] == "P13", "text_ja"] = "事業活動のため"
    inv.departments.loc[inv.departments["department_id"] == "D02", ["manager", "last_training"]] = [
        pd.NA,
        pd.NaT,
    ]
    inv.partners.loc[inv.partners["partner_id"] == "PO02", "contract_date"] = pd.NaT
    inv.organisation.pop("entity_type")
    yield inv


def test_no_finding_shows_developer_names():
    """Messages and fixes name ledger columns by their labels and codes by their Vocabulary labels: never
    a file name, a column name or an enum code."""
    for inv in _broken_ledgers():
        found = run_rules(inv, AS_OF)
        assert len(found) > 10
        for col in ("message_ja", "fix", "message_en", "fix_en"):
            for text in found[col]:
                assert isinstance(text, str) and text
                assert not _FILES.search(text), text
                assert not _SNAKE.search(text), text
                if col in ("message_ja", "fix"):
                    words = set(re.findall(r"[A-Za-z_]+", text))
                    assert not (words & (_CODES | _COLUMNS)), (words & (_CODES | _COLUMNS), text)


# --- 27(6): a change of an arrangement between two periods ---------------------------------------------------


def test_diff_flags_arrangement_changes_that_need_a_notice():
    before = load_inventory()
    after = copy.deepcopy(before)
    ju = after.joint_uses
    ju.loc[ju["joint_use_id"] == "JU1", "purposes"] = "JU1A"  # purposes: in advance
    ju.loc[ju["joint_use_id"] == "JU2", "members"] = "PJ03"  # scope: in principle not changeable
    ju.loc[ju["joint_use_id"] == "JU3", "manager"] = "partner:PJ05"  # manager: in advance
    ju.loc[ju["joint_use_id"] == "JU3", "notice_date"] = pd.Timestamp("2026-11-01")  # … and noticed
    d = diff_sides(ledger_side(before, AS_OF, "a"), ledger_side(after, AS_OF, "b"))
    got = {(r.joint_use_id, r.change, r.timing, r.notice_updated) for r in d.notices.itertuples()}
    assert got == {
        ("JU1", "purposes", "in_advance", False),
        ("JU2", "scope", "consent", False),
        ("JU3", "manager", "in_advance", True),
    }
    assert d.counts()["joint_use_notices"] == 3
    assert d.notices["article"].str.contains("27条").all()
    assert d.notices["message_ja"].str.contains("通知").all()


def test_diff_flags_a_managers_new_address_without_delay(cli, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(TWO, a)
    shutil.copytree(TWO, b)
    partners = read(b, "partners.csv")
    partners.loc[partners["partner_id"] == "PF1", "address"] = "架空県中央市二番町2-2"
    write(b, "partners.csv", partners)
    res = cli("diff", a, b, "--format", "json", "--as-of", "2026-12-31")
    assert res.code == 0, res.err
    [n] = json.loads(res.out)["joint_use_notices"]
    assert (n["joint_use_id"], n["change"], n["timing"]) == ("JA", "manager_details", "without_delay")
    assert "二番町" in n["new"]
    assert "Joint-use changes" in cli("diff", a, b, "--as-of", "2026-12-31").out


# --- snapshots from before the joint-use table -----------------------------------------------------------------


def test_an_old_snapshot_without_the_joint_use_table_still_reads_and_diffs(tmp_path):
    inv = load_inventory()
    write_snapshot(tmp_path, inv, {}, {"inventory": "x"})
    snap_dir = tmp_path / "snapshot"
    (snap_dir / "joint_uses.parquet").unlink()  # as written before 2026Q4
    partners = pd.read_parquet(snap_dir / "partners.parquet").drop(columns=["entity_type", "excludes"])
    partners.assign(joint_use_group="1").to_parquet(snap_dir / "partners.parquet", index=False)
    snap = read_snapshot(tmp_path)
    assert snap.inventory.joint_uses.empty
    assert list(snap.inventory.joint_uses.columns) == schema.JOINT_USES.column_names
    assert snap.inventory.partners["entity_type"].isna().all()
    assert pd.api.types.is_datetime64_any_dtype(snap.inventory.joint_uses["notice_date"])
    from privacy_inventory.assess.diff import Side

    old = Side("old", snap.inventory, pd.DataFrame(columns=["flow_id", "level", "score", "residual_level", "residual_score"]),
               pd.DataFrame(columns=["item_id", "level", "score", "residual_level", "residual_score"]),
               run_rules(snap.inventory, AS_OF))  # fmt: skip
    d = diff_sides(old, ledger_side(inv, AS_OF, "now"))
    assert d.notices.empty  # nothing to compare with: not three "new" arrangements
    assert set(d.changes.loc[d.changes["table"] == "joint_uses", "change"]) == {"added"}


# --- the ledger's new columns are validated like the others ------------------------------------------------


def test_list_columns_check_every_value_and_name_the_cell(ledger):
    ju = read(ledger, "joint_uses.csv")
    ju.loc[0, "items"] = "I001;I999"
    ju.loc[1, "manager"] = "self;partner:NOPE"
    ju.loc[2, "items_stated"] = "some"
    write(ledger, "joint_uses.csv", ju)
    partners = read(ledger, "partners.csv")
    partners.loc[0, "excludes"] = "special_care;health"
    write(ledger, "partners.csv", partners)
    p = read_raw(ledger).all_problems()
    got = set(zip(p["file"], p["row"], p["column"], p["code"], strict=True))
    assert {("joint_uses.csv", 2, "items", "dangling_reference"), ("joint_uses.csv", 3, "manager", "dangling_reference"),
            ("joint_uses.csv", 4, "items_stated", "enum"), ("partners.csv", 2, "excludes", "enum")} <= got  # fmt: skip
    assert p.loc[p["column"] == "items", "value"].iloc[0] == "I001;I999"


def test_organisation_entity_type_and_retired_keys(ledger):
    text = (ledger / "organisation.yaml").read_text(encoding="utf-8")
    text = text.replace("entity_type: association", "entity_type: kabushiki")
    text += "joint_use_manager:\n  name: 生活協同組合コープやまぐち\n"
    (ledger / "organisation.yaml").write_text(text, encoding="utf-8")
    p = read_raw(ledger).all_problems()
    bad = p[p["file"] == "organisation.yaml"].set_index("column")
    assert bad.loc["entity_type", "code"] == "enum" and bad.loc["entity_type", "severity"] == "error"
    assert bad.loc["joint_use_manager", "severity"] == "warning"
    assert "joint_uses.csv" in bad.loc["joint_use_manager", "expected"]
