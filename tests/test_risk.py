"""Risk scoring: equals a row-by-row oracle, obeys its properties, explains itself, fails clearly."""

from __future__ import annotations

import copy
import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_inventory import load_inventory
from privacy_inventory.assess.explain import explain
from privacy_inventory.assess.model import load_model, model_path, parse_model
from privacy_inventory.assess.risk import score
from privacy_inventory.errors import ConfigError
from privacy_inventory.ledger.synth import SynthSpec, synthetic_inventory

from . import risk_oracle
from .ledger_edit import read, write

AS_OF = dt.date(2026, 12, 31)
COMPARED = ["severity", "likelihood", "score", "level", "residual_severity", "residual_likelihood",
            "residual_score", "residual_level", "whatif_level"]  # fmt: skip


@pytest.fixture(scope="module")
def bundled():
    inv = load_inventory()
    return inv, load_model(model_path(inv.path))


def engine_flows(inv, model, as_of=AS_OF) -> pd.DataFrame:
    f = score(inv, model, as_of).flows
    f = f[["flow_id", *COMPARED]].astype({"level": str, "residual_level": str, "whatif_level": str})
    return (
        f.sort_values("flow_id").reset_index(drop=True).astype({c: int for c in COMPARED if "level" not in c})
    )


def oracle_flows(inv, model, as_of=AS_OF) -> pd.DataFrame:
    return risk_oracle.score_flows(inv, model.raw, as_of).sort_values("flow_id").reset_index(drop=True)


def test_engine_equals_oracle_on_the_bundled_ledger(bundled):
    inv, model = bundled
    pd.testing.assert_frame_equal(engine_flows(inv, model), oracle_flows(inv, model), check_dtype=False)


def test_item_aggregates_equal_oracle(bundled):
    inv, model = bundled
    got = score(inv, model, AS_OF).items.sort_values("item_id").reset_index(drop=True)
    want = risk_oracle.score_items(inv, model.raw, AS_OF).sort_values("item_id").reset_index(drop=True)
    for col in ("level", "score", "residual_level", "residual_score", "n_flows"):
        assert got[col].astype(str).tolist() == want[col].astype(str).tolist(), col


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    items=st.integers(1, 40),
    partners=st.integers(1, 15),
    flows=st.integers(0, 120),
    as_of=st.dates(dt.date(2023, 1, 1), dt.date(2028, 12, 31)),
    cap=st.integers(0, 3),
)
def test_engine_equals_oracle_on_generated_ledgers(seed, items, partners, flows, as_of, cap):
    inv = synthetic_inventory(SynthSpec(items=items, partners=partners, flows=flows, seed=seed))
    raw = copy.deepcopy(load_model().raw)
    raw["residual"]["max_reduction"] = cap
    model = parse_model(raw)
    got, want = engine_flows(inv, model, as_of), oracle_flows(inv, model, as_of)
    if flows == 0:
        assert got.empty and want.empty
    else:
        pd.testing.assert_frame_equal(got, want, check_dtype=False)


def _rank(df):
    return df["level"].cat.codes.to_numpy().astype(int) * 100 + df["score"].to_numpy().astype(int)


def _by_id(result, table, key):
    return getattr(result, table).set_index(key).sort_index()


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 5000), pick=st.integers(0, 10_000))
def test_making_an_item_special_care_never_lowers_any_risk(seed, pick):
    inv = synthetic_inventory(SynthSpec(items=30, partners=10, flows=200, seed=seed))
    model = load_model()
    before = score(inv, model, AS_OF)
    inv.items.loc[pick % len(inv.items), "special_care"] = True
    after = score(inv, model, AS_OF)
    for table, key in (("flows", "flow_id"), ("items", "item_id")):
        b, a = _by_id(before, table, key), _by_id(after, table, key)
        assert (a["severity"] >= b["severity"]).all()
        assert (_rank(a) >= _rank(b)).all()
        assert (a["residual_score"] >= b["residual_score"]).all()


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 5000), extra=st.integers(1, 10_000_000))
def test_more_records_never_lower_severity(seed, extra):
    inv = synthetic_inventory(SynthSpec(items=30, partners=10, flows=100, seed=seed))
    model = load_model()
    before = _by_id(score(inv, model, AS_OF), "items", "item_id")
    inv.items["records"] = inv.items["records"].fillna(0) + extra
    after = _by_id(score(inv, model, AS_OF), "items", "item_id")
    assert (after["severity"] >= before["severity"]).all()


@settings(max_examples=15, deadline=None)
@given(
    seed=st.integers(0, 5000),
    scope=st.sampled_from(["all", "item", "partner", "department"]),
    axis=st.sampled_from(["likelihood", "severity"]),
    effect=st.integers(0, 3),
)
def test_adding_an_implemented_control_never_raises_residual_risk(seed, scope, axis, effect):
    inv = synthetic_inventory(SynthSpec(items=20, partners=8, flows=150, seed=seed))
    model = load_model()
    before = _by_id(score(inv, model, AS_OF), "flows", "flow_id")
    target = {"all": "all", "item": "item:" + inv.items["item_id"].iloc[0],
              "partner": "partner:" + inv.partners["partner_id"].iloc[0],
              "department": "department:" + inv.departments["department_id"].iloc[0]}[scope]  # fmt: skip
    row = {c: pd.NA for c in inv.controls.columns} | {
        "control_id": "CNEW", "name": "new", "category": "technical", "applies_to": target,
        "reduces": axis, "effect": effect, "status": "implemented", "source": "synthetic"}  # fmt: skip
    inv.controls = pd.concat(
        [inv.controls, pd.DataFrame([row]).astype(inv.controls.dtypes)], ignore_index=True
    )
    after = _by_id(score(inv, model, AS_OF), "flows", "flow_id")
    assert (after["residual_score"] <= before["residual_score"]).all()
    assert (after["residual_level"].cat.codes <= before["residual_level"].cat.codes).all()
    assert (after["score"] == before["score"]).all()  # inherent risk does not move


def test_residual_is_never_below_one_nor_above_inherent(bundled):
    inv, model = bundled
    f = score(inv, model, AS_OF).flows
    for axis in ("severity", "likelihood"):
        assert (f["residual_" + axis] >= 1).all() and (f["residual_" + axis] <= f[axis]).all()
        assert (f["whatif_" + axis] <= f["residual_" + axis]).all()


def test_shuffling_rows_changes_nothing(bundled):
    inv, model = bundled
    before = score(inv, model, AS_OF)
    shuffled = copy.copy(inv)
    rng = np.random.default_rng(1)
    for name in ("items", "flows", "partners", "controls", "departments"):
        df = getattr(inv, name)
        setattr(shuffled, name, df.iloc[rng.permutation(len(df))].reset_index(drop=True))
    after = score(shuffled, model, AS_OF)
    for table in ("items", "partners"):  # ranked: the same rows in the same order
        pd.testing.assert_frame_equal(getattr(before, table), getattr(after, table))
    pd.testing.assert_frame_equal(before.ranked("flows"), after.ranked("flows"))


def test_same_input_same_output(bundled):
    inv, model = bundled
    a, b = score(inv, model, AS_OF), score(inv, model, AS_OF)
    pd.testing.assert_frame_equal(a.flows, b.flows)
    ea, eb = explain(a, inv, "flows"), explain(b, inv, "flows")
    assert ea["reason_ja"].tolist() == eb["reason_ja"].tolist()


def test_ranking_makes_sense_for_the_bundled_ledger(bundled):
    inv, model = bundled
    result = score(inv, model, AS_OF)
    flows = explain(result, inv, "flows", result.ranked("flows"), factors=False)
    flows = flows.merge(inv.items[["item_id", "special_care", "property_damage"]], on="item_id")
    rank = {fid: i for i, fid in enumerate(flows["flow_id"])}
    sensitive = flows[
        (flows["special_care"] | flows["property_damage"]) & flows["basis"].isin(["joint_use", "outsourcing"])
    ]
    name_only = flows[flows["item_name"] == "氏名"]
    assert len(sensitive) >= 5 and len(name_only) >= 5
    # every care/health or bank-account flow to a joint user or outsourcee outranks every name-only flow
    assert max(rank[f] for f in sensitive["flow_id"]) < min(rank[f] for f in name_only["flow_id"])
    assert np.median([rank[f] for f in sensitive["flow_id"]]) < np.median(
        [rank[f] for f in name_only["flow_id"]]
    )
    top = flows.head(10)
    assert (
        top["special_care"] | top["property_damage"] | top["category"].isin(["my_number", "behavioural"])
    ).sum() >= 8


def test_every_row_is_explained_in_both_languages(bundled):
    inv, model = bundled
    result = score(inv, model, AS_OF)
    for table in ("flows", "items", "partners"):
        e = explain(result, inv, table)
        assert len(e) == len(getattr(result, table))
        assert e["reason_ja"].str.len().gt(0).all() and e["reason_en"].str.len().gt(0).all()
        for factors, sev in zip(e["factors"], e["severity"], strict=True):
            assert factors[0]["name"] == "sev_base"
            raw = sum(f["contribution"] for f in factors if f["name"].startswith("sev_"))
            assert min(4, max(1, raw)) == sev
    care = explain(result, inv, "flows").set_index("flow_id").loc["F0171"]
    assert "要配慮個人情報を含む（影響度+1）" in care["reason_ja"]
    assert "special-care information (severity +1)" in care["reason_en"]
    delivery = explain(result, inv, "flows").set_index("flow_id").loc["F0137"]  # 氏名 → 配送委託先A
    assert "委託先の点検が27か月前（発生可能性+1）" in delivery["reason_ja"]


def test_inspection_age_moves_with_as_of(bundled):
    inv, model = bundled
    early = score(inv, model, dt.date(2025, 1, 1)).flows.set_index("flow_id")
    late = score(inv, model, AS_OF).flows.set_index("flow_id")
    # PO01 was inspected 2024-09-15: within 12 months on 2025-01-01, overdue by 2026-12-31
    assert (
        early.loc["F0137", "lik_inspection_overdue"] == 0 and late.loc["F0137", "lik_inspection_overdue"] == 1
    )


# --- bad model files and empty ledgers ---------------------------------------------------------------


def _model_with(edit) -> dict:
    raw = copy.deepcopy(load_model().raw)
    edit(raw)
    return raw


@pytest.mark.parametrize(
    ("edit", "key"),
    [
        (
            lambda r: r["severity"]["adjustments"].update(shoe_size={"add": 1, "source": "x"}),
            "severity.adjustments.shoe_size",
        ),
        (
            lambda r: r["severity"]["category_base"]["values"].update(financial=5),
            "severity.category_base.values.financial",
        ),
        (
            lambda r: r["likelihood"]["partner_kind_base"]["values"].update(outsourcee=0),
            "likelihood.partner_kind_base.values.outsourcee",
        ),
        (
            lambda r: r["severity"]["category_base"]["values"].pop("health_care"),
            "severity.category_base.values.health_care",
        ),
        (lambda r: r.pop("matrix"), "matrix"),
        (lambda r: r["matrix"]["grid"][3].__setitem__(3, "low"), "matrix.grid[3][3]"),
        (
            lambda r: r["severity"]["adjustments"]["volume"].pop("source"),
            "severity.adjustments.volume.source",
        ),
        (lambda r: r["matrix"]["grid"][0].__setitem__(0, "unheard"), "matrix.grid[0][0]"),
    ],
)
def test_bad_model_is_a_clear_error_naming_the_key(edit, key):
    with pytest.raises(ConfigError) as info:
        parse_model(_model_with(edit))
    assert info.value.key == key
    assert key in str(info.value)


def test_bad_model_file_via_cli(cli, ledger):
    raw = yaml.safe_load((ledger / "risk_model.yaml").read_text(encoding="utf-8"))
    raw["matrix"]["grid"][2][3] = "low"
    (ledger / "risk_model.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    res = cli("score", ledger)
    assert res.code == 1 and "matrix.grid[2][3]" in res.err and "monotone" in res.err
    assert "Traceback" not in res.err


def test_ledger_without_flows_gives_empty_results(ledger):
    write(ledger, "flows.csv", read(ledger, "flows.csv").head(0))
    inv = load_inventory(ledger)
    result = score(inv, load_model(), AS_OF)
    assert result.flows.empty and result.partners.empty
    assert len(result.items) == len(inv.items) and (result.items["n_flows"] == 0).all()
    assert explain(result, inv, "items")["reason_ja"].str.contains("提供なし").all()


def test_score_cli_json(cli):
    res = cli("score", "--format", "json", "--top", "3", "--as-of", "2026-12-31")
    assert res.code == 0
    data = json.loads(res.out)
    assert set(data) >= {"items", "flows", "partners"}
    row = data["flows"][0]
    for field in ("severity", "likelihood", "score", "level", "residual_severity", "residual_likelihood",
                  "residual_score", "residual_level", "factors", "reason_ja", "reason_en"):  # fmt: skip
        assert field in row
    assert row["flow_id"] == "F0171" and row["level"] == "critical"
    assert len(data["flows"]) == 3


def test_score_cli_filters_and_usage_errors(cli):
    res = cli("score", "--level", "critical", "--format", "csv", "--as-of", "2026-12-31")
    lines = res.out.strip().splitlines()
    assert res.code == 0 and len(lines) - 1 == 9 and all(",critical," in line for line in lines[1:])
    assert cli("score", "--level", "severe").code == 2
    assert cli("score", "--as-of", "yesterday").code == 2
    # the level as the reader names it: 重大 is critical
    named = cli("score", "--level", "重大", "--format", "csv", "--as-of", "2026-12-31")
    assert named.code == 0 and named.out == res.out
    wrong = cli("score", "--level", "最高", "--lang", "ja")
    assert wrong.code == 2 and "critical（重大）" in wrong.err


@pytest.mark.parametrize(
    ("edit", "key"),
    [
        (lambda r: r["breach"]["appi"].update(final_dayz=30), "breach.appi.final_dayz"),
        (lambda r: r["breach"]["enisa"]["cb"].pop("integrity"), "breach.enisa.cb.integrity"),
        (lambda r: r["breach"]["enisa"]["ei"].update(maximum="high"), "breach.enisa.ei.maximum"),
        (
            lambda r: r["breach"]["enisa"]["category_dpc"].update(financial="pricey"),
            "breach.enisa.category_dpc.financial",
        ),
        (
            lambda r: r["breach"]["enisa"]["causes"]["loss"].update(confidentiality="leaky"),
            "breach.enisa.causes.loss.confidentiality",
        ),
        (lambda r: r["breach"]["appi"]["unlawful_causes"].append("aliens"), "breach.appi.unlawful_causes"),
        (
            lambda r: r["likelihood"]["adjustments"]["unencrypted"].update(channels=["pigeon"]),
            "likelihood.adjustments.unencrypted.channels[0]",
        ),
        (lambda r: r.update(extra_section={}), "extra_section"),
    ],
)
def test_misspelt_key_anywhere_including_the_breach_section_is_named(edit, key):
    with pytest.raises(ConfigError) as info:
        parse_model(_model_with(edit))
    assert info.value.key == key and key in str(info.value)


def test_breach_typo_via_cli_is_a_clear_error_not_a_crash(cli, ledger):
    raw = yaml.safe_load((ledger / "risk_model.yaml").read_text(encoding="utf-8"))
    raw["breach"]["enisa"]["bands"]["very_hihg"] = 4
    (ledger / "risk_model.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    res = cli("incident", ledger, "--item", "I001", "--discovered", "2026-11-20")
    assert res.code == 1 and "breach.enisa.bands.very_hihg" in res.err and "Traceback" not in res.err
