"""The stored history is tamper-evident: each period's manifest records the hash of the previous one's,
so editing an earlier period (its files and its own manifest, consistently) breaks the chain; with a
signing key kept outside the reports folder, the latest period is covered too."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from privacy_inventory.report.context import compute
from privacy_inventory.report.period import parse_period
from privacy_inventory.report.review import write_data_only
from privacy_inventory.report.snapshot import SIGNING_KEY_ENV, verify_history, verify_manifest


def history(out: Path, periods=("2026Q2", "2026Q3", "2026Q4")) -> Path:
    for p in periods:
        write_data_only(compute(None, parse_period(p), "ja"), out, "test")
    return out


def forge(folder: Path, file: str = "summary.json") -> None:
    """A deliberate edit: change a figure, then recompute its hash in the period's own manifest."""
    summary = json.loads((folder / file).read_text(encoding="utf-8"))
    summary["findings"]["high"] = 0
    (folder / file).write_text(json.dumps(summary), encoding="utf-8")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][file] = hashlib.sha256((folder / file).read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_an_intact_history_verifies_and_links_each_period_to_the_previous(tmp_path):
    out = history(tmp_path / "reports")
    assert verify_history(out).empty
    q3 = json.loads((out / "2026Q3" / "manifest.json").read_text(encoding="utf-8"))
    assert q3["previous"]["period"] == "2026Q2" and len(q3["previous"]["manifest_sha256"]) == 64


def test_a_forged_earlier_period_passes_its_own_check_but_breaks_the_chain(tmp_path, cli):
    out = history(tmp_path / "reports")
    forge(out / "2026Q2")
    assert verify_manifest(out / "2026Q2").empty  # consistent with itself: one manifest proves nothing
    problems = verify_history(out)
    assert problems[["period", "status"]].values.tolist() == [["2026Q3", "chain_broken"]]
    res = cli("verify", "--out", out)
    assert res.code == 1 and "2026Q3" in res.out and "Traceback" not in res.out + res.err


def test_a_removed_period_breaks_the_chain(tmp_path):
    import shutil

    out = history(tmp_path / "reports")
    shutil.rmtree(out / "2026Q3")
    assert verify_history(out)[["period", "status"]].values.tolist() == [["2026Q4", "chain_broken"]]


def test_signed_manifests_catch_a_forged_latest_period(tmp_path, monkeypatch):
    key = tmp_path / "outside" / "signing.key"
    key.parent.mkdir()
    key.write_text("a secret of the privacy office, never in reports/")
    monkeypatch.setenv(SIGNING_KEY_ENV, str(key))
    out = history(tmp_path / "reports")
    assert verify_history(out).empty
    forge(out / "2026Q4")  # the latest period: no later manifest records it
    assert verify_history(out)[["period", "status"]].values.tolist() == [["2026Q4", "bad_signature"]]
    monkeypatch.delenv(SIGNING_KEY_ENV)
    assert verify_history(out).empty  # without the key the same forgery goes unseen (documented)


def test_an_unsigned_history_is_reported_when_a_key_is_given(tmp_path):
    out = history(tmp_path / "reports", ("2026Q3",))
    key = tmp_path / "k"
    key.write_text("another long enough secret")
    assert verify_history(out, key)["status"].tolist() == ["unsigned"]


@pytest.mark.parametrize("text", ["{not json", "[]", '{"files": 3}'])
def test_a_malformed_manifest_is_reported_not_a_crash(tmp_path, cli, text):
    out = history(tmp_path / "reports", ("2026Q4",))
    (out / "2026Q4" / "manifest.json").write_text(text, encoding="utf-8")
    res = cli("verify", "2026Q4", "--out", out)
    assert res.code == 1 and "Traceback" not in res.out + res.err
    assert verify_history(out)["status"].tolist() == ["unreadable"]
