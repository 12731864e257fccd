from __future__ import annotations

import filecmp

import pytest

from privacy_inventory import load_inventory
from privacy_inventory.ledger.synth import SynthSpec, generate, synthesize


def test_synthetic_ledger_is_valid_and_sized(tmp_path):
    counts = synthesize(tmp_path / "s", SynthSpec(items=300, partners=50, flows=5000, seed=7))
    inv = load_inventory(tmp_path / "s")
    assert (len(inv.items), len(inv.partners), len(inv.flows)) == (300, 50, 5000)
    assert counts["flows"] == 5000
    # referentially consistent: every flow's (item, purpose) is a declared use unless statutory
    uses = set(zip(inv.uses["item_id"], inv.uses["purpose_id"], strict=True))
    nonstat = inv.flows[inv.flows["purpose_id"].notna()]
    assert all(pair in uses for pair in zip(nonstat["item_id"], nonstat["purpose_id"], strict=True))
    assert inv.items["item_id"].str.startswith("I0").all()  # zero-padded ids survive as text
    # joint use: every joint-use flow names an arrangement that names its partner
    ju = inv.flows[inv.flows["basis"] == "joint_use"]
    members = {
        j: set(m.split(";"))
        for j, m in zip(inv.joint_uses["joint_use_id"], inv.joint_uses["members"], strict=True)
    }
    assert len(ju) and all(p in members[j] for j, p in zip(ju["joint_use_id"], ju["partner_id"], strict=True))
    assert set(inv.joint_uses["manager"]) <= {"self"} | {f"partner:{p}" for p in inv.partners["partner_id"]}


def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        synthesize(tmp_path / name, SynthSpec(items=50, partners=10, flows=300, seed=seed))
    files = ["items.csv", "flows.csv", "partners.csv", "organisation.yaml"]
    match, mismatch, _ = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", files, shallow=False)
    assert sorted(match) == sorted(files) and not mismatch
    _, differ, _ = filecmp.cmpfiles(tmp_path / "a", tmp_path / "c", ["flows.csv"], shallow=False)
    assert differ == ["flows.csv"]


def test_generator_rejects_impossible_sizes():
    with pytest.raises(ValueError):
        generate(SynthSpec(items=0))


def test_synth_cli_refuses_non_empty_dir(cli, tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    res = cli("synth", tmp_path, "--items", "5")
    assert res.code == 2 and "not empty" in res.err
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_init_writes_headers_and_refuses_non_empty(cli, tmp_path):
    res = cli("init", tmp_path / "new")
    assert res.code == 0
    assert (tmp_path / "new" / "items.csv").read_text(encoding="utf-8").startswith("item_id,name_ja,")
    assert (tmp_path / "new" / "joint_uses.csv").read_text(encoding="utf-8").startswith("joint_use_id,title,")
    org = (tmp_path / "new" / "organisation.yaml").read_text(encoding="utf-8")
    assert "entity_type:" in org and "joint_use_manager" not in org
    res = cli("validate", tmp_path / "new", "--format", "json")
    assert res.code == 1  # an empty ledger is not a valid one: items, purposes … need rows
    assert '"empty_table"' in res.out
    again = cli("init", tmp_path / "new")
    assert again.code == 2 and "not empty" in again.err


def test_validate_json_shape(cli):
    import json

    res = cli("validate", "--format", "json")
    data = json.loads(res.out)
    assert res.code == 0
    assert set(data) >= {"valid", "tables", "problems"}
    assert data["summary"]["flows_by_basis"]["joint_use"] == data["tables"]["flows"] - sum(
        v for k, v in data["summary"]["flows_by_basis"].items() if k != "joint_use"
    )


def test_help_explains_every_command(cli):
    res = cli("--help")
    for command in ("validate", "init", "synth", "schema"):
        assert command in res.out
